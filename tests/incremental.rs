//! The incremental check cache, `--shard K/N` and `coverage --merge`: each compared with a
//! full, single, uncached run of the same project. Drives the real binary, and the library
//! where the test needs to know which locales were rechecked.

mod common;

use common::{clinic, medloc, shipped_project, tree};
use medloc::check::cache::Cache;
use medloc::check::{CheckOptions, check_streamed};
use medloc::project::Project;
use serde_json::Value;
use std::path::Path;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// `medloc ARGS` in `dir`: exit code, stdout, stderr.
fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = medloc(dir).args(args).output().expect("medloc runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Which units a cached library run reused and which it checked.
fn units(dir: &Path) -> Result<(Vec<String>, Vec<String>), Box<dyn std::error::Error>> {
    let project = Project::load(&dir.join("l10n.toml"))?;
    let cache = Cache::new(dir.join(".medloc-cache"));
    let run = check_streamed(&project, &CheckOptions::default(), Some(&cache))?;
    Ok((run.reused, run.checked))
}

/// The cached output equals the uncached one in every format, on every run: first (cache
/// written), second (cache read), after deleting the cache, and after corrupting an entry
/// (ignored with a warning).
#[test]
fn cached_runs_equal_full_runs() -> TestResult {
    for dir in [clinic(), shipped_project()] {
        let dir = dir.path();
        for format in ["json", "text", "sarif"] {
            let full = run(dir, &["check", "--no-cache", "--format", format]);
            let first = run(dir, &["check", "--format", format]);
            let second = run(dir, &["check", "--format", format]);
            assert_eq!(
                (first.0, &first.1),
                (full.0, &full.1),
                "{format}, first run"
            );
            assert_eq!((second.0, &second.1), (full.0, &full.1), "{format}, cached");
            assert!(!second.2.contains("warning"), "{}", second.2);
            std::fs::remove_dir_all(dir.join(".medloc-cache"))?;
            let after_delete = run(dir, &["check", "--format", format]);
            assert_eq!((after_delete.0, &after_delete.1), (full.0, &full.1));
        }
        let full = run(dir, &["check", "--no-cache", "--format", "json"]);
        let entries = dir.join(".medloc-cache/check");
        for entry in std::fs::read_dir(&entries)?.flatten() {
            let bytes = std::fs::read(entry.path())?;
            std::fs::write(entry.path(), &bytes[..bytes.len() / 2])?;
        }
        let corrupt = run(dir, &["check", "--format", "json"]);
        assert_eq!((corrupt.0, &corrupt.1), (full.0, &full.1));
        assert!(
            corrupt.2.contains("warning: cache:") && corrupt.2.contains("checking without it"),
            "{}",
            corrupt.2
        );
        // The corrupt entries were replaced: no warning the next time.
        let healed = run(dir, &["check", "--format", "json"]);
        assert_eq!(healed.1, full.1);
        assert!(!healed.2.contains("warning"), "{}", healed.2);
    }
    Ok(())
}

/// Editing one file rechecks only what it affects: a translation, its locale (and the
/// locales falling back to it); the reference or the termbase, everything. Each result
/// equals a full run.
#[test]
fn an_edit_rechecks_only_what_it_affects() -> TestResult {
    let dir = shipped_project();
    let dir = dir.path();
    let (reused, checked) = units(dir)?;
    assert!(reused.is_empty());
    assert_eq!(checked.len(), 7, "{checked:?}"); // the reference and 6 locales
    let (reused, checked) = units(dir)?;
    assert!(checked.is_empty(), "{checked:?}");
    assert_eq!(reused.len(), 7);

    let same_as_full = |why: &str| {
        let full = run(dir, &["check", "--no-cache", "--format", "json"]);
        let cached = run(dir, &["check", "--format", "json"]);
        assert_eq!((cached.0, cached.1), (full.0, full.1), "{why}");
    };

    // A translation of fr: only fr.
    let fr = dir.join("locales/fr/track-marks.ftl");
    let text = std::fs::read_to_string(&fr)?;
    std::fs::write(&fr, text.replacen(" = ", " = 25 mg ", 1))?;
    let (_, checked) = units(dir)?;
    assert_eq!(checked, ["fr"]);
    same_as_full("after editing fr");

    // es: es and es-MX, which falls back to it.
    let es = dir.join("locales/es/track-marks.ftl");
    let text = std::fs::read_to_string(&es)?;
    std::fs::write(&es, text.replacen(" = ", " = <b>", 1))?;
    let (_, mut checked) = units(dir)?;
    checked.sort();
    assert_eq!(checked, ["es", "es-MX"]);
    same_as_full("after editing es");

    // The termbase: every locale and the reference.
    let tbx = dir.join("locales/terminology.tbx");
    let text = std::fs::read_to_string(&tbx)?;
    std::fs::write(&tbx, text + "\n")?;
    let (reused, checked) = units(dir)?;
    assert!(reused.is_empty(), "{reused:?}");
    assert_eq!(checked.len(), 7);

    // The reference: everything.
    let en = dir.join("locales/en-US/track-marks.ftl");
    let text = std::fs::read_to_string(&en)?;
    std::fs::write(&en, text + "new-message = A new sentence.\n")?;
    let (reused, checked) = units(dir)?;
    assert!(reused.is_empty(), "{reused:?}");
    assert_eq!(checked.len(), 7);
    same_as_full("after editing the reference");
    Ok(())
}

/// A file that cannot be decoded (here: not UTF-8) is an error on every run: its locale is
/// never answered from the cache (the cache keys files by their bytes, which read fine), and
/// once the file is fixed the locale is checked and cached again.
#[test]
fn an_undecodable_file_is_reported_on_every_run() -> TestResult {
    let dir = shipped_project();
    let dir = dir.path();
    let de = dir.join("locales/de/track-marks.ftl");
    let good = std::fs::read(&de)?;
    let mut bad = good.clone();
    bad.extend_from_slice(b"broken = \xff\xfe\n");
    std::fs::write(&de, &bad)?;
    for attempt in ["first", "second"] {
        let (code, _, stderr) = run(dir, &["check", "--format", "json"]);
        assert_eq!(code, 2, "{attempt}: {stderr}");
        assert!(
            stderr.contains("track-marks.ftl") && stderr.contains("UTF-8"),
            "{attempt}: {stderr}"
        );
        let (reused, checked) = units(dir)?;
        assert!(checked.contains(&"de".to_owned()), "{attempt}: {checked:?}");
        assert!(!reused.contains(&"de".to_owned()), "{attempt}: {reused:?}");
    }
    std::fs::write(&de, &good)?;
    let full = run(dir, &["check", "--no-cache", "--format", "json"]);
    assert_eq!(run(dir, &["check", "--format", "json"]).1, full.1);
    let (reused, _) = units(dir)?;
    assert!(reused.contains(&"de".to_owned()), "{reused:?}");
    Ok(())
}

/// `--no-cache` writes nothing at all.
#[test]
fn no_cache_writes_nothing() {
    let dir = clinic();
    let before = tree(dir.path());
    let (code, _, _) = run(dir.path(), &["check", "--no-cache"]);
    assert_eq!(code, 1);
    assert_eq!(tree(dir.path()), before);
    assert!(!dir.path().join(".medloc-cache").exists());
    let (code, _, _) = run(dir.path(), &["check"]);
    assert_eq!(code, 1);
    assert!(dir.path().join(".medloc-cache/CACHEDIR.TAG").is_file());
    assert_eq!(
        std::fs::read_to_string(dir.path().join(".medloc-cache/.gitignore"))
            .unwrap_or_default()
            .lines()
            .last(),
        Some("*")
    );
}

/// A cache that cannot be written (its directory is a file) is a warning; the run's result
/// is unchanged.
#[test]
fn an_unwritable_cache_is_a_warning() {
    let dir = clinic();
    let full = run(dir.path(), &["check", "--no-cache", "--format", "json"]);
    std::fs::write(dir.path().join("blocked"), "a file").expect("writable");
    let (code, out, err) = run(
        dir.path(),
        &["check", "--cache-dir", "blocked", "--format", "json"],
    );
    assert_eq!((code, out), (full.0, full.1));
    assert!(err.contains("warning: cache:"), "{err}");
}

fn diagnostics(json: &str) -> Vec<Value> {
    let value: Value = serde_json::from_str(json).expect("check JSON");
    value["diagnostics"].as_array().cloned().unwrap_or_default()
}

/// Every shard count: the shards' findings together are the full run's, each once; only
/// shard 1 reports the reference's own findings; a shard with no locale is fine.
#[test]
fn shards_together_equal_the_full_run() {
    let dir = shipped_project();
    let dir = dir.path();
    let (_, full, _) = run(dir, &["check", "--no-cache", "--format", "json"]);
    let mut full = diagnostics(&full);
    let key = |v: &Value| v.to_string();
    full.sort_by_key(key);
    assert!(full.iter().any(|d| d["locale"] == "en-US"));
    for n in 1..=8 {
        let mut together = Vec::new();
        for k in 1..=n {
            let shard = format!("{k}/{n}");
            let (code, out, err) = run(
                dir,
                &["check", "--no-cache", "--format", "json", "--shard", &shard],
            );
            assert!(code == 0 || code == 1, "{shard}: {err}");
            let mine = diagnostics(&out);
            if k > 1 {
                assert!(mine.iter().all(|d| d["locale"] != "en-US"), "{shard}");
            }
            together.extend(mine);
        }
        together.sort_by_key(key);
        assert_eq!(together, full, "{n} shards");
    }
    let (code, _, err) = run(dir, &["check", "--shard", "3/2"]);
    assert_eq!(code, 2);
    assert!(err.contains("K/N"), "{err}");
}

/// Coverage reports of shards merge into the full run's report, byte for byte, in every
/// output format; es-MX, whose parent es may sit in another shard, is counted as in a full
/// run.
#[test]
fn merged_shard_coverage_equals_the_full_report() -> TestResult {
    let dir = shipped_project();
    let dir = dir.path();
    for n in [2, 3, 6] {
        let mut parts = Vec::new();
        for k in 1..=n {
            let name = format!("shard-{k}.json");
            let (code, _, err) = run(
                dir,
                &[
                    "coverage",
                    "--format",
                    "json",
                    "--shard",
                    &format!("{k}/{n}"),
                    "--output",
                    &name,
                ],
            );
            assert!(code == 0 || code == 1, "{err}");
            parts.push(name);
        }
        for format in ["json", "markdown", "text"] {
            let (full_code, full, _) = run(dir, &["coverage", "--format", format]);
            let mut args = vec!["coverage", "--format", format, "--merge"];
            args.extend(parts.iter().map(String::as_str));
            let (code, merged, err) = run(dir, &args);
            assert_eq!(code, full_code, "{err}");
            assert_eq!(merged, full, "{n} shards, {format}");
        }
    }
    Ok(())
}

/// Reports that do not belong together are refused, naming the file and why.
#[test]
fn merge_refuses_reports_that_do_not_fit() -> TestResult {
    let dir = shipped_project();
    let dir = dir.path();
    run(
        dir,
        &[
            "coverage", "--format", "json", "--shard", "1/2", "-o", "a.json",
        ],
    );
    run(
        dir,
        &[
            "coverage", "--format", "json", "--shard", "2/2", "-o", "b.json",
        ],
    );
    // Another threshold.
    let b = std::fs::read_to_string(dir.join("b.json"))?;
    let mut other: Value = serde_json::from_str(&b)?;
    other["threshold"] = Value::from(50.0);
    std::fs::write(dir.join("c.json"), serde_json::to_string(&other)?)?;
    let (code, _, err) = run(dir, &["coverage", "--merge", "a.json", "c.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("c.json") && err.contains("threshold"), "{err}");
    // The same locale with other figures (a shard made from another commit).
    let mut other: Value = serde_json::from_str(&b)?;
    if let Some(locales) = other["locales"].as_array_mut() {
        for l in locales.iter_mut() {
            l["completion"] = Value::from(1.0);
        }
    }
    std::fs::write(dir.join("d.json"), serde_json::to_string(&other)?)?;
    let (code, _, err) = run(dir, &["coverage", "--merge", "b.json", "d.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("d.json") && err.contains("differs"), "{err}");
    // Not a coverage report at all.
    std::fs::write(dir.join("e.json"), "{\"schema\": \"medloc-check/1\"}\n")?;
    let (code, _, err) = run(dir, &["coverage", "--merge", "a.json", "e.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("e.json:1"), "{err}");
    // A missing file.
    let (code, _, err) = run(dir, &["coverage", "--merge", "a.json", "nope.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("nope.json"), "{err}");
    // Both halves fit.
    let (code, _, err) = run(dir, &["coverage", "--merge", "a.json", "b.json"]);
    assert!(code == 0 || code == 1, "{err}");
    Ok(())
}
