//! Inputs far beyond real ones, through the real binary: `medloc check` either finishes or
//! refuses with an error naming the file and the limit (`src/limits.rs`), and never panics
//! or aborts. The inputs are generated here. Timings are in BENCHMARKS.md ("Limits"),
//! recorded by `benches/limits.sh`, not asserted.

mod common;

use common::{clinic, medloc, shipped_project};
use serde_json::Value;
use std::path::Path;

/// `check --format json` with `args`: the report, stderr and exit code (None: killed by a
/// signal, such as the abort of a stack overflow).
fn check(project: &Path, args: &[&str]) -> (Value, String, Option<i32>) {
    let out = medloc(project)
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let report = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {:?} {stderr}", out.status));
    (report, stderr, out.status.code())
}

/// The files the report has findings in.
fn paths(report: &Value) -> Vec<&str> {
    let mut paths: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    paths.dedup();
    paths
}

/// `depth` select expressions, each in the last variant of the one before.
fn nested_selects(id: &str, depth: usize) -> String {
    format!(
        "{id} = {}x{}\n",
        "{ $n ->\n *[other] ".repeat(depth),
        "\n}".repeat(depth)
    )
}

#[test]
fn a_hundred_megabyte_translation_is_refused_and_the_rest_checked() {
    let dir = clinic();
    let line = "filler = Texto de relleno para probar archivos grandes, línea tras línea.\n";
    let big = line.repeat(100 * 1024 * 1024 / line.len() + 1);
    std::fs::write(dir.path().join("locales/fr/big.ftl"), big).unwrap();
    let (report, stderr, code) = check(dir.path(), &["--locale", "fr"]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains(
            "locales/fr/big.ftl:1: the file is 100.0 MiB, over medloc's limit of 64 MiB for a Fluent file"
        ),
        "{stderr}"
    );
    assert_eq!(paths(&report), ["locales/fr/clinic.ftl"]);
}

#[test]
fn a_message_with_a_hundred_thousand_placeables_is_checked() {
    let dir = clinic();
    let placeables: Vec<String> = (0..100_000)
        .map(|i| format!("{{ $v{} }}", i % 50))
        .collect();
    let message = format!("many = {}\n", placeables.join(" "));
    for locale in ["en-US", "es"] {
        let path = dir.path().join(format!("locales/{locale}/many.ftl"));
        std::fs::write(path, &message).unwrap();
    }
    // The Spanish drops one variable: the check must still see it, in one piece.
    let dropped = message.replacen("{ $v49 }", "", 1).replace("$v49", "$v48");
    std::fs::write(dir.path().join("locales/fr/many.ftl"), dropped).unwrap();
    let (report, stderr, code) = check(dir.path(), &[]);
    assert_eq!(code, Some(1), "{stderr}");
    let missing: Vec<&Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "missing-variable" && d["path"] == "locales/fr/many.ftl")
        .collect();
    assert_eq!(missing.len(), 1, "{missing:?}");
    assert!(missing[0]["text"].as_str().unwrap().contains("$v49"));
}

#[test]
fn ten_thousand_nested_selectors_are_refused_before_parsing_naming_the_line() {
    // Without the limit, fluent-syntax's recursive parser overflowed the stack here and
    // the process aborted (SIGABRT, no report) at about 250 levels in a debug build.
    let dir = clinic();
    std::fs::write(
        dir.path().join("locales/es/deep.ftl"),
        nested_selects("deep", 10_000),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("locales/fr/braces.ftl"),
        format!(
            "braces = {}\"x\"{}\n",
            "{ ".repeat(10_000),
            " }".repeat(10_000)
        ),
    )
    .unwrap();
    let (report, stderr, code) = check(dir.path(), &[]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("locales/es/deep.ftl:101: placeables nest more than 100 deep"),
        "{stderr}"
    );
    assert!(
        stderr.contains("locales/fr/braces.ftl:1: placeables nest more than 100 deep"),
        "{stderr}"
    );
    assert!(paths(&report).contains(&"locales/es/clinic.ftl"));

    // At the limit itself, the file is parsed and checked (and the reference may nest as
    // deep as its translations).
    for locale in ["en-US", "es"] {
        let path = dir.path().join(format!("locales/{locale}/deep.ftl"));
        std::fs::write(path, nested_selects("deep", 100)).unwrap();
    }
    std::fs::remove_file(dir.path().join("locales/fr/braces.ftl")).unwrap();
    let (_, stderr, code) = check(dir.path(), &[]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(!stderr.contains("nest more than"), "{stderr}");
}

#[test]
fn a_reference_of_a_million_messages_is_refused_naming_the_file_and_the_limit() {
    let dir = clinic();
    let mut reference = String::with_capacity(48 * 1_000_000);
    for i in 0..1_000_000 {
        reference.push_str(&format!("msg-{i} = Message number {i} of the reference.\n"));
    }
    std::fs::write(dir.path().join("locales/en-US/huge.ftl"), reference).unwrap();
    let out = medloc(dir.path()).arg("check").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(
        stderr.trim_end(),
        "error: locales/en-US/huge.ftl:1: the reference holds 1000007 messages and terms \
         (1000000 in this file), over medloc's limit of 250000; split the project"
    );
}

#[test]
fn a_deeply_nested_reference_stops_split_and_build_and_render_skips_it() {
    // split, render and build parse the reference file again to keep message IDs: before
    // the limit applied there too, each aborted with a stack overflow.
    let dir = shipped_project();
    let reference = dir.path().join("locales/en-US/track-marks.ftl");
    let mut text = std::fs::read_to_string(&reference).unwrap();
    let line = text.lines().count() + 101;
    text.push_str(&nested_selects("deep", 10_000));
    std::fs::write(&reference, text).unwrap();
    let expected =
        format!("locales/en-US/track-marks.ftl:{line}: placeables nest more than 100 deep");
    for args in [&["split", "--check"][..], &["build"]] {
        let out = medloc(dir.path()).args(args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(&expected), "{args:?}: {stderr}");
    }
    // render, as for any article it cannot load, renders the others and says why it left
    // this one out.
    let out = medloc(dir.path())
        .args(["render", "--out", "site"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains(&format!("note: {expected}"))
            && stderr.contains("the article is not rendered"),
        "{stderr}"
    );
}
