//! Stale tracking with no setup in a git repository: a translation is stale when its
//! English changed in a commit after the one that last changed the translation, read from
//! the history; `sync` never records such a translation as current; a shallow clone says
//! it cannot see the history and falls back to the state files.

mod common;

use common::{medloc, replace_in, shipped_project};
use std::path::Path;
use std::process::Command;

const CHANGED: &str = "how-long-do-track-marks-last-para-1";
const TRANSLATED: [&str; 6] = ["ar", "de", "es", "es-MX", "fr", "zh-CN"];

fn run(dir: &Path, args: &[&str]) -> (String, String, i32) {
    let out = medloc(dir).args(args).output().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "protocol.file.allow=always",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The shipped project in a fresh repository, committed.
fn repository() -> tempfile::TempDir {
    let dir = shipped_project();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-q", "-m", "the shipped project"]);
    dir
}

/// Changes the number in the English, splits and commits.
fn edit_english(root: &Path, source: &str) {
    replace_in(&root.join(source), "a few days or weeks", "3 to 14 days");
    assert_eq!(run(root, &["split"]).2, 0);
    git(root, &["commit", "-q", "-am", "heal within 3 to 14 days"]);
}

/// The locales `check` reports `stale-translation` for on `id`.
fn stale_locales(root: &Path, id: &str) -> Vec<String> {
    let (stdout, stderr, _) = run(root, &["check", "--format", "json"]);
    let report: serde_json::Value =
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}{stderr}"));
    let mut out: Vec<String> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "stale-translation" && f["message_id"] == id)
        .map(|f| f["locale"].as_str().unwrap().to_owned())
        .collect();
    out.sort();
    out
}

#[test]
fn an_english_edit_makes_every_translation_stale_without_sync() {
    let dir = repository();
    let root = dir.path();
    assert!(stale_locales(root, CHANGED).is_empty());
    edit_english(root, "source/track-marks.md");
    assert!(!root.join(".medloc").exists(), "no state file, no sync");
    assert_eq!(stale_locales(root, CHANGED), TRANSLATED);
    // The JSON gives the English then and now.
    let (stdout, _, _) = run(root, &["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let es = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "stale-translation" && f["locale"] == "es")
        .unwrap();
    let before = es["reference_before"].as_str().unwrap();
    assert!(
        before.starts_with("Track marks can heal within a few days or weeks."),
        "{es}"
    );
    let now = es["reference"].as_str().unwrap();
    assert!(
        now.starts_with("Track marks can heal within 3 to 14 days."),
        "{es}"
    );
    // The text output shows the English then and now, and what changed.
    let (stdout, _, _) = run(root, &["check"]);
    let stale = stdout.matches("warning[stale-translation]").count();
    assert_eq!(stale, TRANSLATED.len(), "{stdout}");
    assert!(
        stdout.contains("[-a few days or weeks.-] {+3 to 14 days.+}"),
        "{stdout}"
    );
    assert!(
        stdout.contains("the English then: \"Track marks can heal within a few days or weeks."),
        "{stdout}"
    );
    assert!(
        stdout.contains("reference:   Track marks can heal within 3 to 14 days."),
        "{stdout}"
    );

    // The history's reading is kept by commit, and gives the same answer read back.
    let head = git(root, &["rev-parse", "HEAD"]);
    let cached = root.join(format!(".medloc-cache/history/{}.json", head.trim()));
    assert!(cached.is_file(), "{}", cached.display());
    assert_eq!(stale_locales(root, CHANGED), TRANSLATED, "from the cache");
    // --no-cache writes nothing.
    std::fs::remove_dir_all(root.join(".medloc-cache")).unwrap();
    assert_eq!(
        run(root, &["check", "--no-cache"]).2,
        1,
        "the number changed: an error"
    );
    assert!(!root.join(".medloc-cache").exists());

    // sync does not record them as current; --accept does.
    let (stdout, stderr, code) = run(root, &["sync"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(stale_locales(root, CHANGED), TRANSLATED, "after sync");
    assert_eq!(run(root, &["sync", "--accept", "es", CHANGED]).2, 0);
    let mut rest: Vec<&str> = TRANSLATED.to_vec();
    rest.retain(|l| *l != "es");
    assert_eq!(stale_locales(root, CHANGED), rest, "after --accept es");

    // A translator updates and commits: no longer stale.
    replace_in(
        &root.join("locales/fr/track-marks.ftl"),
        "en quelques jours ou quelques semaines",
        "en 3 à 14 jours",
    );
    git(root, &["commit", "-q", "-am", "fr: 3 à 14 jours"]);
    assert!(!stale_locales(root, CHANGED).contains(&"fr".to_owned()));
}

#[test]
fn a_translation_added_without_sync_is_stale_after_an_english_change() {
    let dir = repository();
    let root = dir.path();
    // es lacks the message when sync records the state...
    let es = root.join("locales/es/track-marks.ftl");
    let full = std::fs::read_to_string(&es).unwrap();
    let without: String = full
        .lines()
        .filter(|l| !l.starts_with(CHANGED))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&es, &without).unwrap();
    git(root, &["commit", "-q", "-am", "es: without the paragraph"]);
    assert_eq!(run(root, &["sync"]).2, 0);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "sync"]);
    // ...then the translation is added without a sync, and the English changes after it.
    std::fs::write(&es, &full).unwrap();
    git(root, &["commit", "-q", "-am", "es: the paragraph"]);
    edit_english(root, "source/track-marks.md");
    let (stdout, _, code) = run(root, &["sync"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("still stale"), "{stdout}");
    assert!(stale_locales(root, CHANGED).contains(&"es".to_owned()));
    let state = std::fs::read_to_string(root.join(".medloc/state/es.json")).unwrap();
    assert!(state.contains(CHANGED), "{state}");
}

#[test]
fn a_shallow_clone_says_it_cannot_see_the_history() {
    let dir = repository();
    edit_english(dir.path(), "source/track-marks.md");
    let clones = tempfile::tempdir().unwrap();
    let url = format!("file://{}", dir.path().display());
    git(
        clones.path(),
        &["clone", "-q", "--depth", "1", &url, "shallow"],
    );
    let shallow = clones.path().join("shallow");
    let (_, stderr, _) = run(&shallow, &["check"]);
    assert!(
        stderr.contains("stale tracking cannot see the history"),
        "{stderr}"
    );
    assert!(
        stale_locales(&shallow, CHANGED).is_empty(),
        "nothing is reported stale wholesale"
    );
    // A full clone needs no setup.
    git(clones.path(), &["clone", "-q", &url, "full"]);
    assert_eq!(
        stale_locales(&clones.path().join("full"), CHANGED),
        TRANSLATED
    );
}

#[test]
fn renamed_files_and_merge_commits_are_followed() {
    let dir = repository();
    let root = dir.path();
    // Every file of the guide renamed in one commit (the slug too).
    git(root, &["mv", "source/track-marks.md", "source/marks.md"]);
    replace_in(
        &root.join("source/marks.md"),
        "slug = \"track-marks\"",
        "slug = \"marks\"",
    );
    git(root, &["add", "source/marks.md"]);
    for locale in ["en-US", "ar", "de", "es", "es-MX", "fr", "zh-CN"] {
        git(
            root,
            &[
                "mv",
                &format!("locales/{locale}/track-marks.ftl"),
                &format!("locales/{locale}/marks.ftl"),
            ],
        );
    }
    git(root, &["commit", "-q", "-m", "rename the guide"]);
    assert!(stale_locales(root, CHANGED).is_empty());
    // The English changes on a branch, merged with a merge commit.
    git(root, &["checkout", "-q", "-b", "review"]);
    edit_english(root, "source/marks.md");
    git(root, &["checkout", "-q", "main"]);
    std::fs::write(root.join("NOTES"), "unrelated\n").unwrap();
    git(root, &["add", "NOTES"]);
    git(root, &["commit", "-q", "-m", "unrelated"]);
    git(
        root,
        &["merge", "-q", "--no-ff", "-m", "merge review", "review"],
    );
    assert_eq!(stale_locales(root, CHANGED), TRANSLATED);
}

#[test]
fn outside_git_the_state_file_still_works() {
    let dir = shipped_project();
    let root = dir.path();
    assert_eq!(run(root, &["sync"]).2, 0);
    replace_in(
        &root.join("source/track-marks.md"),
        "a few days or weeks",
        "3 to 14 days",
    );
    assert_eq!(run(root, &["split"]).2, 0);
    assert_eq!(stale_locales(root, CHANGED), TRANSLATED);
}

#[test]
fn a_new_project_reports_stale_translations_out_of_the_box() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(run(dir.path(), &["init", "guides"]).2, 0);
    let root = dir.path().join("guides");
    assert!(root.join(".medloc/state/es.json").is_file());
    assert!(stale_locales(&root, CHANGED).is_empty());
    replace_in(
        &root.join("source/track-marks.md"),
        "a few days or weeks",
        "3 to 14 days",
    );
    assert_eq!(run(&root, &["split"]).2, 0);
    assert_eq!(stale_locales(&root, CHANGED), TRANSLATED);
}

/// The reference message's ID changed (a hand edit of the reference file): the translations
/// under the old ID are obsolete and the new ID is missing, not stale; once a translator
/// moves es's translation to the new ID, es is neither missing nor stale.
#[test]
fn a_reference_message_whose_id_changed() {
    let dir = repository();
    let root = dir.path();
    const RENAMED: &str = "track-marks-how-long";
    replace_in(
        &root.join("locales/en-US/track-marks.ftl"),
        &format!("{CHANGED} ="),
        &format!("{RENAMED} ="),
    );
    git(root, &["commit", "-q", "-am", "rename a message"]);
    let findings = |rule: &str, id: &str| -> Vec<String> {
        let (stdout, stderr, code) = run(root, &["check", "--format", "json"]);
        assert!(code < 2, "{stderr}");
        let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        let mut out: Vec<String> = report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == rule && f["message_id"] == id)
            .map(|f| f["locale"].as_str().unwrap().to_owned())
            .collect();
        out.sort();
        out.dedup();
        out
    };
    assert!(findings("stale-translation", RENAMED).is_empty());
    assert!(findings("stale-translation", CHANGED).is_empty());
    let obsolete = findings("obsolete-message", CHANGED);
    assert!(obsolete.contains(&"es".to_owned()), "{obsolete:?}");
    assert!(findings("missing-message", RENAMED).contains(&"es".to_owned()));
    replace_in(
        &root.join("locales/es/track-marks.ftl"),
        &format!("{CHANGED} ="),
        &format!("{RENAMED} ="),
    );
    git(root, &["commit", "-q", "-am", "es: follow the rename"]);
    assert!(!findings("missing-message", RENAMED).contains(&"es".to_owned()));
    assert!(!findings("stale-translation", RENAMED).contains(&"es".to_owned()));
    assert!(!findings("obsolete-message", CHANGED).contains(&"es".to_owned()));
}
