//! `medloc terms`: how the shipped project's locales render the termbase's concepts, in
//! text (pinned) and JSON, the reference itself, and bad input. Drives the real binary.

mod common;

use common::{medloc, shipped_project};
use serde_json::Value;

fn terms(dir: &std::path::Path, args: &[&str]) -> (String, String, i32) {
    let out = medloc(dir).arg("terms").args(args).output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap(),
    )
}

fn concept<'a>(usage: &'a Value, id: &str) -> &'a Value {
    usage["concepts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["concept"] == id)
        .unwrap_or_else(|| panic!("no {id}"))
}

#[test]
fn spanish_renderings_of_the_shipped_termbase() {
    let dir = shipped_project();
    let (text, _, code) = terms(dir.path(), &["es"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("shipped_es_text", text);

    let (json, _, code) = terms(dir.path(), &["es", "--format", "json"]);
    assert_eq!(code, 0);
    let usage: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(usage["schema"], "medloc-terms/1");
    assert_eq!(
        (usage["locale"].as_str(), usage["reference"].as_str()),
        (Some("es"), Some("en-US"))
    );
    // Every count is its list of messages, and every message is a Spanish one.
    let spanish = std::fs::read_to_string(dir.path().join("locales/es/track-marks.ftl")).unwrap()
        + &std::fs::read_to_string(dir.path().join("locales/es/ui.ftl")).unwrap();
    for c in usage["concepts"].as_array().unwrap() {
        for v in c["variants"].as_array().unwrap() {
            let messages = v["messages"].as_array().unwrap();
            assert_eq!(v["count"].as_u64().unwrap() as usize, messages.len());
            assert!(v["count"].as_u64() <= c["messages"].as_u64());
            for m in messages {
                let id = m.as_str().unwrap().split('.').next().unwrap();
                assert!(
                    spanish.contains(&format!("\n{id} =")),
                    "{id} is no Spanish message"
                );
            }
        }
    }
    // The guide's key term is rendered one way everywhere.
    let track = concept(&usage, "c-track-marks");
    assert_eq!(track["variants"].as_array().unwrap().len(), 1);
    assert_eq!(track["variants"][0]["term"], "marcas de inyección");
    assert_eq!(track["variants"][0]["status"], "preferred");
    assert_eq!(track["variants"][0]["count"], track["messages"]);
    // "substance use" has three renderings, following the English ("drug use", "misuse").
    let use_ = concept(&usage, "c-substance-use");
    let renderings: Vec<(&str, u64)> = use_["variants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["term"].as_str().unwrap(), v["count"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        renderings,
        [
            ("consumo de sustancias", 5),
            ("consumo de drogas", 2),
            ("consumo problemático de sustancias", 2)
        ]
    );
}

#[test]
fn the_reference_shows_its_deprecated_wording() {
    let dir = shipped_project();
    let (json, _, code) = terms(dir.path(), &["en-US", "--format", "json"]);
    assert_eq!(code, 0);
    let usage: Value = serde_json::from_str(&json).unwrap();
    let abuse = concept(&usage, "c-substance-use")["variants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["term"] == "substance abuse")
        .expect("the intro says \"substance abuse\" (source-term-style reports it)")
        .clone();
    assert_eq!(abuse["status"], "deprecated");
    assert_eq!(abuse["messages"], serde_json::json!(["intro-para-1"]));
}

#[test]
fn an_unknown_locale_or_no_termbase_cannot_run() {
    let dir = shipped_project();
    let (out, err, code) = terms(dir.path(), &["it"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains(
            "terms it: not a locale of this project (it has: ar, de, en-US, es, es-MX, fr, zh-CN"
        ),
        "{err}"
    );
    let config = dir.path().join("l10n.toml");
    let text = std::fs::read_to_string(&config)
        .unwrap()
        .replace("termbase = [\"locales/terminology.tbx\"]\n", "");
    std::fs::write(&config, text).unwrap();
    let (_, err, code) = terms(dir.path(), &["es"]);
    assert_eq!(code, 2);
    assert!(err.contains("the project has no termbase"), "{err}");
}
