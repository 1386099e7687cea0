//! Conformance with the Fluent syntax specification: every fixture of the spec's test suite
//! (`tests/fixtures/fluent-spec/NAME.ftl` with the reference AST `NAME.json`, Apache-2.0)
//! must give medloc the same entries as the reference parser, a `syntax-error` exactly where
//! the reference has Junk, and never a crash of `medloc check`, whether the file is the
//! reference or a translation.

mod common;

use common::medloc;
use medloc::catalog::FtlFile;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixtures_dir() -> PathBuf {
    common::repo_root().join("tests/fixtures/fluent-spec")
}

/// Every fixture's `.ftl`, sorted.
fn fixtures() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .collect();
    out.sort();
    assert!(out.len() >= 39, "the spec fixtures are missing");
    out
}

/// What the reference AST says a fixture holds.
struct Expected {
    /// Message IDs and term IDs (`-id`), in order.
    ids: Vec<String>,
    /// Each Junk's content, in order.
    junk: Vec<String>,
}

fn expected(ftl: &Path) -> Expected {
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(ftl.with_extension("json")).unwrap())
            .unwrap();
    let mut ids = Vec::new();
    let mut junk = Vec::new();
    for entry in json["body"].as_array().unwrap() {
        let name = entry["id"]["name"].as_str().unwrap_or_default();
        match entry["type"].as_str().unwrap() {
            "Message" => ids.push(name.to_owned()),
            "Term" => ids.push(format!("-{name}")),
            "Junk" => junk.push(entry["content"].as_str().unwrap().to_owned()),
            _ => {}
        }
    }
    Expected { ids, junk }
}

/// The file as medloc reads it (BOM dropped, CRLF to LF), parsed once.
fn parsed(ftl: &Path) -> FtlFile {
    let text = medloc::fsio::read_text(ftl).unwrap();
    FtlFile::parse("x.ftl".into(), "x.ftl".into(), text)
}

/// The 1-based lines (first, last non-blank) each junk spans in `text`: junk starts at the
/// beginning of a line, after the previous junk, so each is found by searching onward from
/// there.
fn junk_lines(text: &str, junk: &[String]) -> Vec<(usize, usize)> {
    let line_of = |offset: usize| text[..offset].matches('\n').count() + 1;
    let mut from = 0;
    let mut out = Vec::new();
    for content in junk {
        let start = (from..=text.len())
            .filter(|&i| text.is_char_boundary(i) && (i == 0 || text.as_bytes()[i - 1] == b'\n'))
            .find(|&i| text[i..].starts_with(content.as_str()))
            .unwrap_or_else(|| panic!("junk {content:?} not found in the text after {from}"));
        let last = start + content.trim_end().len().saturating_sub(1);
        out.push((line_of(start), line_of(last)));
        from = start + content.len();
    }
    out
}

/// The reference AST's expectations, with CRLF read as LF as medloc reads files.
fn expected_as_read(ftl: &Path) -> Expected {
    let mut e = expected(ftl);
    for j in &mut e.junk {
        *j = j.replace("\r\n", "\n");
    }
    e
}

#[test]
fn entries_and_junk_match_the_reference_parser() {
    let mut failures = Vec::new();
    for ftl in fixtures() {
        let name = ftl.file_stem().unwrap().to_string_lossy().into_owned();
        let want = expected_as_read(&ftl);
        let file = parsed(&ftl);
        let ids: Vec<String> = file.entries.iter().map(|e| e.id.clone()).collect();
        if ids != want.ids {
            failures.push(format!(
                "{name}: entries {ids:?}, the reference parser has {:?}",
                want.ids
            ));
        }
        let junk: Vec<String> = file.junk.iter().map(|j| j.content.clone()).collect();
        if junk != want.junk {
            failures.push(format!(
                "{name}: junk {junk:?}, the reference parser has {:?}",
                want.junk
            ));
            continue;
        }
        // Each junk is reported once, on one of its own lines.
        for (j, (first, last)) in file.junk.iter().zip(junk_lines(file.text(), &want.junk)) {
            let (line, _) = file.position(j.offset);
            if !(first..=last).contains(&line) {
                failures.push(format!(
                    "{name}: junk {:?} (lines {first}-{last}) reported at line {line}",
                    j.content
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A project in the default layout: `locales/en-US/x.ftl` and `locales/xx/x.ftl`, written
/// byte for byte.
fn project(reference: &[u8], translation: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (locale, bytes) in [("en-US", reference), ("xx", translation)] {
        let locale_dir = dir.path().join("locales").join(locale);
        std::fs::create_dir_all(&locale_dir).unwrap();
        std::fs::write(locale_dir.join("x.ftl"), bytes).unwrap();
    }
    dir
}

/// A plain reference to check the fixtures against as translations: IDs the fixtures use
/// too, with variables, a term, a select expression and markup.
const PLAIN_REFERENCE: &str = "\
-brand = Brand
key01 = Value 01
key02 = Value { $var }
    .attr = Attribute
key03 =
    { $num ->
        [one] One dose
       *[other] { $num } doses
    }
key04 = Call <a data-l10n-name=\"help\">{ -brand }</a> at <strong>1-800-662-4357</strong>.
";

/// Runs `medloc check` in `dir` in `format`; asserts it ran to the end (exit 0 or 1, no
/// panic) and returns its standard output.
fn run_check(dir: &Path, format: &str, what: &str) -> String {
    let out = medloc(dir)
        .args(["check", "--format", format])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let code = out.status.code();
    assert!(
        matches!(code, Some(0 | 1)) && !stderr.contains("panicked"),
        "{what} ({format}): exit {code:?}\n{stderr}"
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The lines of the `syntax-error` findings in `path`.
fn syntax_error_lines(json: &str, path: &str) -> Vec<usize> {
    let report: Value = serde_json::from_str(json).unwrap();
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "syntax-error" && d["path"] == path)
        .map(|d| d["line"].as_u64().unwrap() as usize)
        .collect()
}

/// `medloc check` reports one `syntax-error` per Junk of the reference AST, on the junk's
/// own lines, in the file where it is.
fn assert_syntax_errors(json: &str, path: &str, ftl: &Path, what: &str) {
    let want = expected_as_read(ftl);
    let text = medloc::fsio::read_text(ftl).unwrap();
    let ranges = junk_lines(&text, &want.junk);
    let mut lines = syntax_error_lines(json, path);
    lines.sort();
    assert_eq!(
        lines.len(),
        ranges.len(),
        "{what}: syntax errors in {path} at lines {lines:?}, junk at {ranges:?}"
    );
    for (line, (first, last)) in lines.iter().zip(&ranges) {
        assert!(
            (first..=last).contains(&line),
            "{what}: syntax error in {path} at line {line}, junk at lines {first}-{last}"
        );
    }
}

#[test]
fn check_reports_junk_in_a_reference_and_in_a_translation() {
    for ftl in fixtures() {
        let name = ftl.file_stem().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&ftl).unwrap();

        // The fixture as the reference, with itself as the translation.
        let dir = project(&bytes, &bytes);
        let what = format!("{name} as reference and translation");
        let json = run_check(dir.path(), "json", &what);
        assert_syntax_errors(&json, "locales/en-US/x.ftl", &ftl, &what);
        assert_syntax_errors(&json, "locales/xx/x.ftl", &ftl, &what);
        run_check(dir.path(), "text", &what);
        run_check(dir.path(), "sarif", &what);

        // The fixture as a translation of a plain reference.
        let dir = project(PLAIN_REFERENCE.as_bytes(), &bytes);
        let what = format!("{name} as a translation");
        let json = run_check(dir.path(), "json", &what);
        assert_syntax_errors(&json, "locales/xx/x.ftl", &ftl, &what);
        assert!(syntax_error_lines(&json, "locales/en-US/x.ftl").is_empty());
        run_check(dir.path(), "text", &what);
    }
}

/// Each fixture as the translation of the next one: messages with the same IDs and
/// different shapes meet in every pair rule.
#[test]
fn check_survives_every_fixture_against_another() {
    let all = fixtures();
    for (i, reference) in all.iter().enumerate() {
        let translation = &all[(i + 1) % all.len()];
        let dir = project(
            &std::fs::read(reference).unwrap(),
            &std::fs::read(translation).unwrap(),
        );
        let what = format!(
            "{} translated by {}",
            reference.file_stem().unwrap().to_string_lossy(),
            translation.file_stem().unwrap().to_string_lossy()
        );
        let json = run_check(dir.path(), "json", &what);
        assert_syntax_errors(&json, "locales/en-US/x.ftl", reference, &what);
        assert_syntax_errors(&json, "locales/xx/x.ftl", translation, &what);
        run_check(dir.path(), "text", &what);
    }
}
