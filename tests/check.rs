//! `medloc check` end to end: the shipped project, a fixture project with one problem of
//! each common kind, machine output, exit codes, scope flags, stale tracking, config, and
//! bad input. Drives the real binary.

mod common;

use common::{clinic, copy_tree, medloc, repo_root, shipped_project, tree};
use serde_json::Value;
use std::path::Path;

fn json(dir: &Path, extra: &[&str]) -> (Value, i32) {
    let out = medloc(dir)
        .args(["check", "--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    let value: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    (value, out.status.code().unwrap())
}

fn findings<'a>(report: &'a Value, rule: &str) -> Vec<&'a Value> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == rule)
        .collect()
}

#[test]
fn shipped_project_has_no_errors() {
    let dir = shipped_project();
    let (report, code) = json(dir.path(), &[]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["summary"]["errors"], 0);
    // de and ar are partial on purpose: their missing messages are warnings.
    assert!(!findings(&report, "missing-message").is_empty());
    assert!(
        findings(&report, "missing-message")
            .iter()
            .all(|f| f["locale"] == "de" || f["locale"] == "ar")
    );
}

#[test]
fn fixture_project_findings_and_positions() {
    let dir = clinic();
    let before = tree(dir.path());
    let (report, code) = json(dir.path(), &[]);
    assert_eq!(code, 1);
    assert_eq!(report["schema"], "medloc-check/1");
    assert_eq!(report["reference"], "en-US");
    let one = |rule: &str, locale: &str| -> Value {
        findings(&report, rule)
            .into_iter()
            .find(|f| f["locale"] == locale)
            .unwrap_or_else(|| panic!("no {rule} for {locale}: {report:#}"))
            .clone()
    };
    // es has CRLF line ends: positions still count lines as an editor does.
    let n = one("number-mismatch", "es");
    assert_eq!(
        (
            n["path"].as_str().unwrap(),
            n["line"].as_u64().unwrap(),
            n["message_id"].as_str().unwrap()
        ),
        ("locales/es/clinic.ftl", 3, "dose")
    );
    assert_eq!(n["severity"], "error");
    assert!(n["text"].as_str().unwrap().contains("2.5"));
    assert_eq!(n["attribute"], Value::Null);
    let d = one("disallowed-markup", "es");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(6), Some(34))
    );
    assert!(!findings(&report, "markup-mismatch").is_empty());
    assert_eq!(one("sentence-count-mismatch", "es")["message_id"], "care");
    // fr: a syntax error, the messages after it still checked; an obsolete message.
    let s = one("syntax-error", "fr");
    assert_eq!(s["line"], 5);
    assert_eq!(one("obsolete-message", "fr")["message_id"], "extra");
    assert_eq!(one("obsolete-message", "fr")["line"], 7);
    assert!(
        findings(&report, "number-mismatch")
            .iter()
            .all(|f| f["locale"] != "fr"),
        "2,5 is 2.5 in French"
    );
    // ar: Arabic-Indic digits are the same numbers; the RLM mark is allowed in Arabic.
    assert!(
        findings(&report, "number-mismatch")
            .iter()
            .all(|f| f["locale"] != "ar")
    );
    assert!(findings(&report, "invisible-control").is_empty());
    assert_eq!(
        findings(&report, "missing-message")
            .iter()
            .filter(|f| f["locale"] == "ar")
            .count(),
        3
    );
    // The summary matches the diagnostics.
    let count = |sev: &str| {
        report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["severity"] == sev)
            .count()
    };
    assert_eq!(
        report["summary"]["errors"].as_u64().unwrap() as usize,
        count("error")
    );
    assert_eq!(
        report["summary"]["warnings"].as_u64().unwrap() as usize,
        count("warning")
    );
    // check never writes.
    assert_eq!(tree(dir.path()), before);
}

#[test]
fn text_output_for_people() {
    let dir = clinic();
    let out = medloc(dir.path())
        .args(["check", "--locale", "es"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{1b}'), "no colour when piped");
    insta::assert_snapshot!("clinic_es_text", text);
}

/// The official SARIF 2.1.0 JSON schema (OASIS, final rtm.5), as Microsoft's jest-sarif
/// package on npm ships it; `.ci/run` extracts it into target/tools/sarif/.
fn sarif_schema() -> Option<Value> {
    let path = repo_root().join("target/tools/sarif/sarif-2.1.0-rtm.5.json");
    match std::fs::read(&path) {
        Ok(bytes) => Some(serde_json::from_slice(&bytes).unwrap()),
        Err(_) => {
            assert!(
                std::env::var_os("MEDLOC_REQUIRE_BROWSER").is_none(),
                "MEDLOC_REQUIRE_BROWSER is set but {} is missing",
                path.display()
            );
            eprintln!(
                "skipped: no SARIF schema at {} (see .ci/run)",
                path.display()
            );
            None
        }
    }
}

#[test]
fn sarif_output_validates_against_the_official_schema() {
    let Some(schema) = sarif_schema() else { return };
    // The schema's own `run.language` pattern has a stray `]` that the validator's ECMA
    // regex check rejects (later schemastore copies fix it this way); medloc emits no
    // `language` property.
    fn fix_language_pattern(v: &mut Value) {
        match v {
            Value::Object(map) => {
                if map.get("pattern").and_then(Value::as_str)
                    == Some("^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$")
                {
                    map.insert("pattern".into(), "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$".into());
                }
                map.values_mut().for_each(fix_language_pattern);
            }
            Value::Array(items) => items.iter_mut().for_each(fix_language_pattern),
            _ => {}
        }
    }
    let mut schema = schema;
    fix_language_pattern(&mut schema);
    let validator = jsonschema::draft4::new(&schema).unwrap();
    for dir in [clinic(), shipped_project()] {
        let out = medloc(dir.path())
            .args(["check", "--format", "sarif"])
            .output()
            .unwrap();
        let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(!sarif["runs"][0]["results"].as_array().unwrap().is_empty());
        let errors: Vec<String> = validator
            .iter_errors(&sarif)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }
    // The validator does catch a broken log.
    let broken =
        serde_json::json!({"version": "2.1.0", "runs": [{"results": [{"level": "fatal"}]}]});
    assert!(!validator.is_valid(&broken));
}

#[test]
fn sarif_output_follows_2_1_0() {
    let dir = clinic();
    let out = medloc(dir.path())
        .args(["check", "--format", "sarif"])
        .output()
        .unwrap();
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert!(sarif["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &sarif["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), medloc::check::rules::RULES.len());
    assert!(rules.iter().all(|r| r["id"].is_string()
        && r["shortDescription"]["text"].is_string()
        && r.get("name").is_none()));
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for r in results {
        // The schema's constraints on a result, as medloc fills them.
        assert!(["none", "note", "warning", "error"].contains(&r["level"].as_str().unwrap()));
        assert!(r["message"]["text"].is_string());
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
        let loc = &r["locations"][0]["physicalLocation"];
        assert!(
            !loc["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .starts_with('/')
        );
        assert!(loc["region"]["startLine"].as_u64().unwrap() >= 1);
        assert!(loc["region"]["startColumn"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn locale_and_path_scope() {
    let dir = clinic();
    let (report, _) = json(dir.path(), &["--locale", "fr"]);
    let locales: std::collections::BTreeSet<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["locale"].as_str().unwrap())
        .collect();
    assert_eq!(locales.into_iter().collect::<Vec<_>>(), ["fr"]);
    let (report, _) = json(dir.path(), &["locales/ar/clinic.ftl"]);
    assert!(
        report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["locale"] == "ar")
    );
    medloc(dir.path())
        .args(["check", "--locale", "xx"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("not a locale of this project"));
}

#[test]
fn output_is_the_same_whatever_the_thread_count() {
    let dir = clinic();
    let run = |threads: &str| {
        medloc(dir.path())
            .env("RAYON_NUM_THREADS", threads)
            .args(["check", "--format", "json"])
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run("1"), run("4"));
}

#[test]
fn deny_warnings_fails_on_warnings() {
    let dir = shipped_project();
    medloc(dir.path()).arg("check").assert().code(0);
    medloc(dir.path())
        .args(["check", "--deny", "warnings"])
        .assert()
        .code(1);
}

#[test]
fn config_severities_and_compare_locales_filters() {
    let dir = clinic();
    let config = dir.path().join("l10n.toml");
    let base = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{base}\n[medloc.rules]\nnumber-mismatch = \"off\"\nsentence-count-mismatch = \"error\"\n")).unwrap();
    let (report, _) = json(dir.path(), &[]);
    assert!(findings(&report, "number-mismatch").is_empty());
    assert!(
        findings(&report, "sentence-count-mismatch")
            .iter()
            .all(|f| f["severity"] == "error")
    );
    // compare-locales' own filters: the last match wins.
    let filters = "[[filters]]\npath = \"locales/{locale}/clinic.ftl\"\nkey = \"re:^(care|extra)$\"\naction = \"ignore\"\n\n[[filters]]\npath = \"locales/{locale}/**\"\nkey = \"extra\"\naction = \"error\"\n";
    std::fs::write(&config, format!("{base}\n{filters}")).unwrap();
    let (report, _) = json(dir.path(), &[]);
    assert!(
        report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["message_id"] != "care")
    );
    assert_eq!(
        findings(&report, "obsolete-message")[0]["severity"],
        "error"
    );
    std::fs::write(
        &config,
        format!("{base}\n[medloc.rules]\nno-such-rule = \"off\"\n"),
    )
    .unwrap();
    medloc(dir.path())
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no-such-rule: no such rule"));
}

#[test]
fn ignore_comment_exempts_one_message() {
    let dir = clinic();
    let es = dir.path().join("locales/es/clinic.ftl");
    let text = std::fs::read_to_string(&es).unwrap().replace(
        "care =",
        "# medloc-ignore: sentence-count-mismatch\r\ncare =",
    );
    std::fs::write(&es, text).unwrap();
    let (report, _) = json(dir.path(), &[]);
    assert!(findings(&report, "sentence-count-mismatch").is_empty());
}

#[test]
fn rules_are_listed_and_explained() {
    let out = medloc(&repo_root()).arg("rules").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), medloc::check::rules::RULES.len());
    assert!(text.contains("number-mismatch") && text.contains("error"));
    medloc(&repo_root())
        .args(["rules", "number-mismatch"])
        .assert()
        .success()
        .stdout(predicates::str::contains("## Why it matters"))
        .stdout(predicates::str::contains("Arabic-Indic"));
    medloc(&repo_root())
        .args(["rules", "nope"])
        .assert()
        .code(2);
}

#[test]
fn stale_tracking_round_trip() {
    let dir = shipped_project();
    let p = dir.path();
    medloc(p).arg("sync").assert().success();
    let state = p.join(".medloc/state/es.json");
    let recorded: Value = serde_json::from_str(&std::fs::read_to_string(&state).unwrap()).unwrap();
    assert_eq!(recorded["schema"], "medloc-state/1");
    assert!(recorded["messages"]["track-marks.ftl#clotting-heading"].is_object());
    // The English changes; the translations do not: stale in every locale that has it.
    let md = p.join("source/track-marks.md");
    let source = std::fs::read_to_string(&md).unwrap().replace(
        "Thrombosis occurs when a blood vessel becomes obstructed by a blood clot.",
        "Thrombosis occurs when a blood clot blocks a blood vessel.",
    );
    std::fs::write(&md, source).unwrap();
    medloc(p).arg("split").assert().success();
    let (report, _) = json(p, &[]);
    let stale: Vec<(String, String)> = findings(&report, "stale-translation")
        .iter()
        .map(|f| {
            (
                f["locale"].as_str().unwrap().to_owned(),
                f["message_id"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(
        stale.contains(&("es".into(), "clotting-para-1".into())),
        "{stale:?}"
    );
    assert!(stale.contains(&("fr".into(), "clotting-para-1".into())));
    // sync alone does not clear it: the translation has not changed.
    medloc(p).arg("sync").assert().success();
    let (report, _) = json(p, &["--locale", "es"]);
    assert_eq!(findings(&report, "stale-translation").len(), 1);
    // The translator updates es; sync; es is clean.
    let es = p.join("locales/es/track-marks.ftl");
    let text = std::fs::read_to_string(&es).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("clotting-para-1 = "))
        .unwrap()
        .to_owned();
    std::fs::write(
        &es,
        text.replace(&line, &format!("{line} Consulte a un médico.")),
    )
    .unwrap();
    medloc(p).arg("sync").assert().success();
    let (report, _) = json(p, &["--locale", "es"]);
    assert!(findings(&report, "stale-translation").is_empty());
    // fr is accepted as still right.
    medloc(p)
        .args(["sync", "--accept", "fr", "clotting-para-1"])
        .assert()
        .success();
    let (report, _) = json(p, &["--locale", "fr"]);
    assert!(findings(&report, "stale-translation").is_empty());
    medloc(p)
        .args(["sync", "--accept", "fr", "no-such-id"])
        .assert()
        .code(2);
}

// ---- bad input ----

#[test]
fn unreadable_locale_file_is_reported_and_others_checked() {
    let dir = clinic();
    std::fs::write(
        dir.path().join("locales/fr/clinic.ftl"),
        b"title = Soins \xff\n",
    )
    .unwrap();
    let out = medloc(dir.path())
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("locales/fr/clinic.ftl:1: the file is not valid UTF-8"),
        "{stderr}"
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        !findings(&report, "number-mismatch").is_empty(),
        "es still checked"
    );
}

#[test]
fn bom_empty_and_garbage_files() {
    let dir = clinic();
    let fr = dir.path().join("locales/fr/clinic.ftl");
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend_from_slice(b"-clinic = Clinique\ntitle = Soins { -clinic }\n");
    std::fs::write(&fr, bom).unwrap();
    let (report, _) = json(dir.path(), &["--locale", "fr"]);
    assert!(findings(&report, "syntax-error").is_empty(), "{report:#}");
    std::fs::write(&fr, "").unwrap();
    let (report, _) = json(dir.path(), &["--locale", "fr"]);
    assert_eq!(findings(&report, "missing-message").len(), 7);
    let garbage: String = (0..2000)
        .map(|i| char::from(b'!' + (i * 7 % 90) as u8))
        .collect();
    std::fs::write(&fr, garbage).unwrap();
    let (report, code) = json(dir.path(), &["--locale", "fr"]);
    assert_eq!(code, 1);
    assert!(!findings(&report, "syntax-error").is_empty());
}

#[test]
fn invalid_locale_tag_is_an_error_and_the_others_are_checked() {
    let dir = clinic();
    copy_tree(
        &dir.path().join("locales/es"),
        &dir.path().join("locales/not_a_tag!"),
    );
    let config = dir.path().join("l10n.toml");
    let text = std::fs::read_to_string(&config)
        .unwrap()
        .replace("\"ar\", ", "\"ar\", \"not_a_tag!\", ");
    std::fs::write(&config, text).unwrap();
    let out = medloc(dir.path())
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a valid BCP 47 language tag"));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!findings(&report, "number-mismatch").is_empty());
}

#[test]
fn config_naming_a_missing_directory() {
    let dir = clinic();
    std::fs::write(
        dir.path().join("l10n.toml"),
        "[[paths]]\nreference = \"nowhere/en-US/**\"\nl10n = \"nowhere/{locale}/**\"\n",
    )
    .unwrap();
    medloc(dir.path())
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "l10n.toml:2: the reference has no Fluent file",
        ));
}

#[test]
fn reference_with_junk_is_reported_and_the_rest_checked() {
    let dir = clinic();
    let en = dir.path().join("locales/en-US/clinic.ftl");
    let text = std::fs::read_to_string(&en)
        .unwrap()
        .replace("care = ", "care = { broken\nbroken = ");
    std::fs::write(&en, text).unwrap();
    let (report, _) = json(dir.path(), &[]);
    let junk = findings(&report, "syntax-error");
    assert!(
        junk.iter()
            .any(|f| f["locale"] == "en-US" && f["line"] == 5),
        "{junk:?}"
    );
    assert!(!findings(&report, "number-mismatch").is_empty());
}

#[cfg(unix)]
#[test]
fn symlink_loop_does_not_hang() {
    let dir = clinic();
    std::os::unix::fs::symlink(
        dir.path().join("locales/es"),
        dir.path().join("locales/es/loop"),
    )
    .unwrap();
    let (report, _) = json(dir.path(), &[]);
    assert!(!findings(&report, "number-mismatch").is_empty());
}

#[test]
fn a_fifty_megabyte_locale_file() {
    let dir = clinic();
    let mut big = String::with_capacity(51 * 1024 * 1024);
    let mut i = 0;
    while big.len() < 50 * 1024 * 1024 {
        big.push_str(&format!(
            "filler-{i} = Texto de relleno número {i} para probar archivos grandes.\n"
        ));
        i += 1;
    }
    std::fs::write(dir.path().join("locales/fr/big.ftl"), big).unwrap();
    let (report, _) = json(dir.path(), &["--locale", "fr"]);
    assert_eq!(findings(&report, "obsolete-message").len(), i + 1);
}

// The first hour of a translator (issue #14, items 7 to 11), on the `firsthour` fixture
// project: es has one defect of each kind, pt-BR is new with two messages translated.

fn firsthour() -> tempfile::TempDir {
    common::fixture_project("firsthour")
}

/// `medloc check ARGS` as text (no colour: piped), and its exit code.
fn text(dir: &Path, args: &[&str]) -> (String, i32) {
    let out = medloc(dir).arg("check").args(args).output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

/// The text diagnostic whose title starts with `title`, from its title to the blank line.
fn diagnostic<'t>(text: &'t str, title: &str) -> &'t str {
    let start = text
        .find(title)
        .unwrap_or_else(|| panic!("no {title:?} in:\n{text}"));
    let end = text[start..].find("\n\n").map_or(text.len(), |e| start + e);
    &text[start..end]
}

/// The carets of a text diagnostic, without the gutter.
fn carets(diagnostic: &str) -> &str {
    diagnostic
        .lines()
        .find_map(|l| {
            l.split_once(" | ")
                .map(|(_, c)| c.trim())
                .filter(|c| c.starts_with('^'))
        })
        .unwrap_or_else(|| panic!("no caret line in:\n{diagnostic}"))
}

fn of_message<'a>(report: &'a Value, rule: &str, id: &str) -> Vec<&'a Value> {
    findings(report, rule)
        .into_iter()
        .filter(|f| f["message_id"] == id)
        .collect()
}

/// Item 7: number-mismatch and markup-mismatch point at the number or tag, not at the whole
/// message, and a phone number is one value.
#[test]
fn number_and_markup_findings_point_at_what_differs() {
    let dir = firsthour();
    let (report, _) = json(dir.path(), &["--locale", "es"]);
    let phone = of_message(&report, "number-mismatch", "helpline");
    assert_eq!(phone.len(), 1, "{report:#}");
    assert_eq!(
        phone[0]["text"],
        "phone number `1-800-662-4357` of the reference is `800-662-4357` in the translation"
    );
    // `helpline = Llame a la Línea Nacional de Ayuda de la ASSM al ` is 60 characters.
    assert_eq!(
        (&phone[0]["line"], &phone[0]["column"]),
        (&2.into(), &61.into())
    );
    let dose = of_message(&report, "number-mismatch", "dose");
    assert_eq!(
        dose[0]["text"],
        "number `2.5` of the reference is `25` in the translation"
    );
    let (out, _) = text(dir.path(), &["--locale", "es"]);
    let phone = diagnostic(&out, "error[number-mismatch]: phone number");
    assert_eq!(carets(phone), "^".repeat("800-662-4357".len()));
    // And at the reference's number, in the reference file.
    assert!(
        phone.contains(" ::: locales/en-US/guide.ftl:2:49\n"),
        "{phone}"
    );
    assert!(
        phone.contains(&format!(
            "{} the reference's",
            "-".repeat("1-800-662-4357".len())
        )),
        "{phone}"
    );
    assert_eq!(
        carets(diagnostic(&out, "error[number-mismatch]: number `2.5`")),
        "^^"
    );
    assert_eq!(
        carets(diagnostic(&out, "error[markup-mismatch]")),
        "^".repeat(r#"<a data-l10n-name="localizador">"#.len())
    );
}

/// Item 8: a missing message points at where it would go, columns are 1-based in every
/// format, and the text arrow lines up with the other diagnostics'.
#[test]
fn missing_message_points_where_it_would_go() {
    let dir = firsthour();
    let (report, _) = json(dir.path(), &["--locale", "pt-BR"]);
    let at = |id: &str| {
        let f = of_message(&report, "missing-message", id);
        assert_eq!(f.len(), 1, "{id}: {report:#}");
        (
            f[0]["path"].as_str().unwrap().to_owned(),
            f[0]["line"].as_u64(),
            f[0]["column"].as_u64(),
        )
    };
    // After intro-title, the previous reference message pt-BR has.
    assert_eq!(
        at("helpline"),
        ("locales/pt-BR/guide.ftl".into(), Some(2), Some(1))
    );
    assert_eq!(
        at("stigma"),
        ("locales/pt-BR/guide.ftl".into(), Some(2), Some(1))
    );
    // The file is missing: its first line.
    assert_eq!(
        at("extra-title"),
        ("locales/pt-BR/extra.ftl".into(), Some(1), Some(1))
    );
    let (out, _) = text(dir.path(), &["--locale", "pt-BR", "-v"]);
    let one = diagnostic(&out, "warning[missing-message]: missing message helpline");
    assert!(
        one.contains("\n --> locales/pt-BR/guide.ftl:2:1\n"),
        "{one}"
    );
    let none = diagnostic(
        &out,
        "warning[missing-message]: missing message extra-title",
    );
    assert!(
        none.contains("\n --> locales/pt-BR/extra.ftl:1:1\n"),
        "{none}"
    );
    assert!(!out.contains(":0\n"), "no column 0:\n{out}");
    let sarif: Value = serde_json::from_slice(
        &medloc(dir.path())
            .args(["check", "--format", "sarif"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    for result in sarif["runs"][0]["results"].as_array().unwrap() {
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert!(region["startColumn"].as_u64() >= Some(1), "{result:#}");
    }
}

/// Item 10: one defect, one finding.
#[test]
fn one_defect_one_finding() {
    let dir = firsthour();
    let (report, _) = json(dir.path(), &["--locale", "es"]);
    // SAMHSA, twice in the reference, translated: one do-not-translate error, and no
    // term-missing for the same name.
    assert_eq!(
        of_message(&report, "do-not-translate", "helpline").len(),
        1,
        "{report:#}"
    );
    assert!(
        of_message(&report, "term-missing", "helpline").is_empty(),
        "{report:#}"
    );
    // `<script>...</script>`: one finding, the most specific rule's.
    let script: Vec<&Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["message_id"] == "warning")
        .collect();
    assert_eq!(script.len(), 1, "{script:#?}");
    assert_eq!(script[0]["rule"], "disallowed-markup");
    // The same attribute on two tags of one message: one finding.
    let style = of_message(&report, "disallowed-markup", "tips");
    assert_eq!(style.len(), 1, "{style:#?}");
    // The reference's own findings only when the reference is in scope.
    let reference_findings = |args: &[&str]| {
        let (report, _) = json(dir.path(), args);
        findings(&report, "source-term-style").len()
    };
    assert_eq!(reference_findings(&["--locale", "es"]), 0);
    assert_eq!(
        reference_findings(&["--locale", "pt-BR", "--locale", "es"]),
        0
    );
    assert_eq!(reference_findings(&[]), 1);
    assert_eq!(reference_findings(&["--locale", "en-US"]), 1);
    assert_eq!(
        reference_findings(&["--locale", "es", "locales/en-US/guide.ftl"]),
        1
    );
    // A path relative to the locale directory names es's file, not the reference's.
    assert_eq!(reference_findings(&["--locale", "es", "guide.ftl"]), 0);
    let (only_reference, code) = json(dir.path(), &["--locale", "en-US"]);
    assert_eq!(code, 0, "{only_reference:#}");
    assert!(
        only_reference["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["locale"] == "en-US")
    );
}

/// Item 11: term-missing quotes the words the reference uses, not the concept's first term.
#[test]
fn term_missing_quotes_the_reference_words() {
    let dir = firsthour();
    let (report, _) = json(dir.path(), &["--locale", "es"]);
    let veins = of_message(&report, "term-missing", "veins");
    assert_eq!(veins.len(), 1, "{report:#}");
    let text = veins[0]["text"].as_str().unwrap();
    assert!(
        text.contains(r#"the reference says "Intravenous drug use""#),
        "{text}"
    );
    assert!(!text.contains("injection drug use"), "{text}");
}

/// Item 9: the missing messages of a file are one line unless `-v`; `-q` hides them and
/// `-qq` every warning, the summary still counting them; JSON and SARIF stay complete.
#[test]
fn verbosity_of_missing_messages_and_warnings() {
    let dir = firsthour();
    let (out, code) = text(dir.path(), &["--locale", "pt-BR"]);
    assert_eq!(code, 0);
    assert!(
        out.contains(
            "warning[missing-message]: locales/pt-BR/guide.ftl: 7 messages missing (first: helpline, …); -v lists them\n"
        ),
        "{out}"
    );
    assert!(!out.contains("missing message helpline"), "{out}");
    let summary = "  pt-BR       0 errors     9 warnings    0 infos     9 missing\n";
    assert!(out.contains(summary), "{out}");
    let (verbose, _) = text(dir.path(), &["--locale", "pt-BR", "-v"]);
    assert_eq!(
        verbose
            .matches("warning[missing-message]: missing message ")
            .count(),
        9,
        "{verbose}"
    );
    assert!(!verbose.contains("messages missing"), "{verbose}");
    let (quiet, _) = text(dir.path(), &["--locale", "pt-BR", "-q"]);
    assert!(!quiet.contains("missing-message"), "{quiet}");
    assert!(quiet.contains(summary), "counts still summarised:\n{quiet}");
    let (all, _) = text(dir.path(), &[]);
    assert!(all.contains("warning[term-missing]"), "{all}");
    let (very_quiet, code) = text(dir.path(), &["-qq"]);
    assert_eq!(code, 1);
    assert!(!very_quiet.contains("warning["), "{very_quiet}");
    assert_eq!(
        very_quiet.matches("error[").count(),
        all.matches("error[").count()
    );
    assert!(
        very_quiet.contains("  total       6 errors    11 warnings    0 infos\n"),
        "{very_quiet}"
    );
    // Machine formats are complete whatever the verbosity.
    let machine = |args: &[&str]| {
        medloc(dir.path())
            .arg("check")
            .args(args)
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(
        machine(&["--format", "json", "-qq"]),
        machine(&["--format", "json"])
    );
    assert_eq!(
        machine(&["--format", "sarif", "-q"]),
        machine(&["--format", "sarif"])
    );
}

/// Item 9: `--format short`, one `path:line:col: severity[rule]: text` line per finding.
#[test]
fn short_format_is_one_line_per_finding() {
    let dir = firsthour();
    let out = medloc(dir.path())
        .args(["check", "--format", "short"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let (report, _) = json(dir.path(), &[]);
    let diagnostics = report["diagnostics"].as_array().unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), diagnostics.len(), "{stdout}");
    for (line, d) in lines.iter().zip(diagnostics) {
        let prefix = format!(
            "{}:{}:{}: {}[{}]: {}",
            d["path"].as_str().unwrap(),
            d["line"],
            d["column"],
            d["severity"].as_str().unwrap(),
            d["rule"].as_str().unwrap(),
            d["text"].as_str().unwrap()
        );
        assert!(line.starts_with(&prefix), "{line}\n{prefix}");
    }
    assert!(lines.contains(
        &"locales/es/guide.ftl:2:61: error[number-mismatch]: phone number `1-800-662-4357` of the reference is `800-662-4357` in the translation (helpline)"
    ), "{stdout}");
    assert!(
        lines.contains(
            &"locales/pt-BR/guide.ftl:2:1: warning[missing-message]: missing message helpline"
        ),
        "{stdout}"
    );
    // The summary goes to standard error, out of a quickfix list's way.
    assert!(String::from_utf8_lossy(&out.stderr).contains("summary:"));
    let quiet = medloc(dir.path())
        .args(["check", "--format", "short", "-q"])
        .output()
        .unwrap()
        .stdout;
    let quiet = String::from_utf8(quiet).unwrap();
    assert!(!quiet.contains("missing-message"), "{quiet}");
    assert_eq!(quiet.lines().count(), lines.len() - 9);
}
