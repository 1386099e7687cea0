//! The hand-labelled findings of the real corpora (`tests/fixtures/labels/<corpus>.jsonl`,
//! drawn by `benches/label-sample.py`) against today's `medloc check`: a finding labelled
//! `real` must still be reported by its rule (any severity), and one labelled `acceptable` must
//! not come back as an error, unless it is listed in `known-false-alarms.txt`, which may only
//! shrink (a listed finding that is no longer an error fails too: delete its line).
//!
//! The corpora live outside the repository (`../shared/corpora`); without them the test says
//! so and passes, except under `CI`, where they must be present. Drives the real binary.

mod common;

use common::{medloc, repo_root};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::{BTreeSet, HashMap};

const CORPORA: [&str; 3] = ["mozilla-send", "mozilla-relay", "coreutils"];

/// The same fingerprint as `benches/label-sample.py`: SHA-256 over locale, path, message ID,
/// attribute, reference and translation, joined by U+001F; the first 16 hex digits.
fn fingerprint(d: &Value) -> String {
    let field = |k: &str| d[k].as_str().unwrap_or("").to_string();
    let key = [
        "locale",
        "path",
        "message_id",
        "attribute",
        "reference",
        "translation",
    ]
    .map(field)
    .join("\u{1f}");
    Sha256::digest(key.as_bytes())
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn labelled_findings_of_the_real_corpora() {
    let corpora = repo_root().join("../shared/corpora");
    let labels_dir = repo_root().join("tests/fixtures/labels");
    let known: BTreeSet<String> =
        std::fs::read_to_string(labels_dir.join("known-false-alarms.txt"))
            .unwrap()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
            .collect();
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut still_known = BTreeSet::new();
    let mut present = BTreeSet::new();
    for corpus in CORPORA {
        let dir = corpora.join(corpus);
        if !dir.join("l10n.toml").is_file() {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI is set but the corpus {} is absent",
                dir.display()
            );
            eprintln!("skipped {corpus}: {} is absent", dir.display());
            continue;
        }
        present.insert(corpus);
        let out = medloc(&dir)
            .args([
                "--config",
                "l10n.toml",
                "check",
                "--no-cache",
                "--format",
                "json",
            ])
            .output()
            .unwrap();
        let report: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{corpus}: {e}: {}", String::from_utf8_lossy(&out.stderr)));
        // (fingerprint, rule) -> the severities reported.
        let mut found: HashMap<(String, String), BTreeSet<String>> = HashMap::new();
        for d in report["diagnostics"].as_array().unwrap() {
            found
                .entry((fingerprint(d), d["rule"].as_str().unwrap().to_string()))
                .or_default()
                .insert(d["severity"].as_str().unwrap().to_string());
        }
        let labels = std::fs::read_to_string(labels_dir.join(format!("{corpus}.jsonl"))).unwrap();
        for line in labels.lines().filter(|l| !l.trim().is_empty()) {
            let row: Value = serde_json::from_str(line).unwrap();
            let (fp, rule) = (
                row["fingerprint"].as_str().unwrap().to_string(),
                row["rule"].as_str().unwrap().to_string(),
            );
            let what = format!(
                "{corpus} {} {} {rule} [{fp}] ({}: {})",
                row["locale"].as_str().unwrap_or(""),
                row["message_id"].as_str().unwrap_or(""),
                row["label"].as_str().unwrap_or(""),
                row["reason"].as_str().unwrap_or("")
            );
            let severities = found.get(&(fp.clone(), rule.clone()));
            checked += 1;
            match row["label"].as_str() {
                Some("real") if severities.is_none() => {
                    failures.push(format!("labelled real, no longer reported: {what}"));
                }
                Some("acceptable") if severities.is_some_and(|s| s.contains("error")) => {
                    let key = format!("{corpus} {fp} {rule}");
                    if known.contains(&key) {
                        still_known.insert(key);
                    } else {
                        failures.push(format!("labelled acceptable, reported as an error: {what}"));
                    }
                }
                Some("real" | "acceptable") => {}
                other => failures.push(format!("bad label {other:?}: {what}")),
            }
        }
    }
    // A fixed false alarm must leave the list, so the list only shrinks.
    for key in known.difference(&still_known) {
        if present.iter().any(|c| key.starts_with(&format!("{c} "))) {
            failures.push(format!(
                "known-false-alarms.txt lists `{key}`, which is no longer an error: delete the line"
            ));
        }
    }
    eprintln!(
        "{checked} labelled findings checked, {} known false alarms still reported",
        still_known.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
