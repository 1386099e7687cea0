//! compare-locales' project format, read unchanged: each feature on a small fixture project
//! (`tests/fixtures/projects/format-*`; `benches/parity.sh` compares the same fixtures with
//! compare-locales itself in CI), the real corpora's project files, and every bad project
//! file getting an error that names its file, line and key.

mod common;

use common::{copy_tree, medloc, repo_root};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_tree(
        &repo_root().join("tests/fixtures/projects").join(name),
        dir.path(),
    );
    dir
}

/// `(locale, path, message ID)` of every finding of `rule`.
fn found(report: &Value, rule: &str) -> BTreeSet<(String, String, String)> {
    report["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["rule"] == rule)
        .map(|d| {
            (
                d["locale"].as_str().unwrap_or("").to_owned(),
                d["path"].as_str().unwrap_or("").to_owned(),
                d["message_id"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

fn check_json(dir: &Path, config: Option<&str>) -> Value {
    let mut cmd = medloc(dir);
    if let Some(config) = config {
        cmd.args(["--config", config]);
    }
    let out = cmd
        .args(["check", "--no-cache", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn triples(items: &[(&str, &str, &str)]) -> BTreeSet<(String, String, String)> {
    items
        .iter()
        .map(|(a, b, c)| ((*a).to_owned(), (*b).to_owned(), (*c).to_owned()))
        .collect()
}

#[test]
fn env_globs_in_the_middle_locale_in_the_file_name_and_per_path_locales() {
    let dir = fixture("format-globs");
    let report = check_json(dir.path(), None);
    assert_eq!(
        found(&report, "missing-message"),
        triples(&[
            ("de", "docs/de/guide/intro.ftl", "intro-f"),
            ("de", "src/uu/cat/locales/de.ftl", "cat-d"),
            ("de", "src/uu/ls/locales/de.ftl", "ls-b"),
            ("de", "src/uu/ls/locales/de.ftl", "ls-c"),
            // extra/ only applies to fr ([[paths]] locales): de is not asked for it.
            ("fr", "extra/fr/only.ftl", "only-h"),
        ])
    );
    assert_eq!(
        found(&report, "obsolete-message"),
        triples(&[
            ("de", "src/uu/ls/locales/de.ftl", "ls-x"),
            ("fr", "docs/fr/guide/old.ftl", "old-g"),
        ])
    );
}

#[test]
fn includes_excludes_and_basepath_above_the_project_file() {
    let dir = fixture("format-includes");
    let report = check_json(dir.path(), Some("config/l10n.toml"));
    // app/en-US/vendor/ belongs to the excluded project file: not missing in de.
    assert_eq!(
        found(&report, "missing-message"),
        triples(&[("de", "app/de/main.ftl", "main-b")])
    );
    // Without the exclude, the vendor file is de's to translate.
    let config = dir.path().join("config/l10n.toml");
    let text = std::fs::read_to_string(&config).unwrap();
    let cut = text.find("[[excludes]]").unwrap();
    std::fs::write(&config, &text[..cut]).unwrap();
    let report = check_json(dir.path(), Some("config/l10n.toml"));
    assert_eq!(
        found(&report, "missing-message"),
        triples(&[
            ("de", "app/de/main.ftl", "main-b"),
            ("de", "app/de/vendor/v.ftl", "vendor-v"),
        ])
    );
}

#[test]
fn several_project_files_in_one_run() {
    let dir = fixture("format-includes");
    copy_tree(
        &repo_root().join("tests/fixtures/projects/format-globs"),
        &dir.path().join("globs"),
    );
    let report = check_json(dir.path(), Some("config/l10n.toml"));
    let one = found(&report, "missing-message").len();
    let out = medloc(dir.path())
        .args([
            "--config",
            "config/l10n.toml",
            "--config",
            "globs/l10n.toml",
        ])
        .args(["check", "--no-cache", "--format", "json"])
        .output()
        .unwrap();
    let both: Value = serde_json::from_slice(&out.stdout).unwrap();
    let missing = found(&both, "missing-message");
    assert!(missing.len() > one, "{missing:?}");
    assert!(missing.contains(&(
        "fr".to_owned(),
        "globs/extra/fr/only.ftl".to_owned(),
        "only-h".to_owned()
    )));
}

#[test]
fn the_real_corpora_are_read_unchanged() {
    let corpora = repo_root().join("../shared/corpora");
    for (name, reference, locales) in [
        ("mozilla-relay", "en", 27), // 28 listed, en among them
        ("coreutils", "en-US", 36),
        ("mozilla-send", "en-US", 85),
    ] {
        let dir = corpora.join(name);
        if !dir.join("l10n.toml").is_file() {
            eprintln!("skipped: {} is not there", dir.display());
            continue;
        }
        let out = medloc(&dir)
            .args(["check", "--no-cache", "--format", "json"])
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(
            !report["diagnostics"].as_array().unwrap().is_empty(),
            "{name}"
        );
        let out = medloc(&dir)
            .args(["coverage", "--no-cache", "--format", "json"])
            .output()
            .unwrap();
        let coverage: Value = serde_json::from_slice(&out.stdout).unwrap();
        let translations: Vec<&str> = coverage["locales"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|l| l["is_reference"] == false)
            .filter_map(|l| l["locale"].as_str())
            .collect();
        assert_eq!(translations.len(), locales, "{name}");
        // Relay lists its reference `en` among the locales: it is the reference, not a
        // translation compared with itself.
        assert!(!translations.contains(&"en"), "{name}");
        assert_eq!(
            coverage["reference"], reference,
            "{name}: read from [[paths]]"
        );
    }
}

/// A project file that medloc refuses: exit 2, the error naming the file and line.
fn refused(files: &[(&str, &str)], expected: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("locales/en-US")).unwrap();
    std::fs::create_dir_all(dir.path().join("locales/de")).unwrap();
    std::fs::write(dir.path().join("locales/en-US/a.ftl"), "a = A\n").unwrap();
    for (path, text) in files {
        std::fs::write(dir.path().join(path), text).unwrap();
    }
    let out = medloc(dir.path()).arg("check").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    for part in expected {
        assert!(stderr.contains(part), "{part:?} not in: {stderr}");
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
}

const PATHS: &str = "[[paths]]\nreference = \"locales/en-US/**\"\nl10n = \"locales/{locale}/**\"\n";

#[test]
fn bad_project_files_name_the_file_line_and_key() {
    // An include cycle, at the include that closes it.
    refused(
        &[
            (
                "l10n.toml",
                "locales = [\"de\"]\n[[includes]]\npath = \"b.toml\"\n",
            ),
            ("b.toml", "[[includes]]\npath = \"l10n.toml\"\n"),
        ],
        &["b.toml:2:", "include cycle"],
    );
    // An include that does not exist.
    refused(
        &[(
            "l10n.toml",
            &format!("locales = [\"de\"]\n{PATHS}\n[[includes]]\npath = \"gone.toml\"\n"),
        )],
        &["l10n.toml:7:", "gone.toml", "does not exist"],
    );
    // {locale} on one side only.
    refused(
        &[(
            "l10n.toml",
            "[[paths]]\nreference = \"locales/en-US/**\"\nl10n = \"locales/de/**\"\n",
        )],
        &["l10n.toml:3:", "l10n", "has no {locale}"],
    );
    refused(
        &[(
            "l10n.toml",
            "[[paths]]\nreference = \"locales/{locale}/**\"\nl10n = \"locales/{locale}/**\"\n",
        )],
        &["l10n.toml:2:", "reference", "has {locale}"],
    );
    // Wildcards that do not correspond.
    refused(
        &[(
            "l10n.toml",
            "[[paths]]\nreference = \"locales/en-US/*.ftl\"\nl10n = \"locales/{locale}/**\"\n",
        )],
        &["l10n.toml:1:", "different wildcards"],
    );
    // A pattern escaping the project.
    refused(
        &[(
            "l10n.toml",
            "[[paths]]\nreference = \"../../en-US/**\"\nl10n = \"locales/{locale}/**\"\n",
        )],
        &["l10n.toml:2:", "outside the project"],
    );
    // A per-path locale the project does not list.
    refused(
        &[(
            "l10n.toml",
            &format!("locales = [\"de\"]\n{PATHS}locales = [\"de\", \"fr\"]\n"),
        )],
        &["l10n.toml:5:", "\"fr\" is not in the project's locales"],
    );
    // A basepath that does not exist.
    refused(
        &[("l10n.toml", &format!("basepath = \"nowhere\"\n{PATHS}"))],
        &["l10n.toml:1:", "basepath", "not a directory"],
    );
    // An unknown key, and an unknown variable.
    refused(
        &[("l10n.toml", &format!("{PATHS}reviewers = 2\n"))],
        &["l10n.toml:4:", "reviewers", "compare-locales' keys are"],
    );
    refused(
        &[(
            "l10n.toml",
            "[[paths]]\nreference = \"locales/en-US/**\"\nl10n = \"{base}/{locale}/**\"\n",
        )],
        &["l10n.toml:3:", "{base} is not defined"],
    );
}

#[cfg(unix)]
#[test]
fn symbolic_links_are_followed_inside_the_project_only() {
    use std::os::unix::fs::symlink;
    let dir = fixture("format-globs");
    let root = dir.path();
    // As coreutils has it: one utility's locales/ a link to another's.
    std::fs::create_dir_all(root.join("src/uu/base64")).unwrap();
    symlink("../ls/locales", root.join("src/uu/base64/locales")).unwrap();
    let report = check_json(root, None);
    let missing = found(&report, "missing-message");
    assert!(missing.contains(&(
        "de".to_owned(),
        "src/uu/base64/locales/de.ftl".to_owned(),
        "ls-b".to_owned()
    )));

    // A link leaving the project, and one looping: reported, not followed, the rest checked.
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.ftl"), "secret = S\n").unwrap();
    symlink(outside.path(), root.join("docs/de/guide/elsewhere")).unwrap();
    symlink("..", root.join("docs/de/guide/loop")).unwrap();
    let out = medloc(root)
        .args(["check", "--no-cache", "--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("elsewhere"), "{stderr}");
    assert!(stderr.contains("outside the project"), "{stderr}");
    assert!(stderr.contains("loop"), "{stderr}");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = report.to_string();
    assert!(
        !text.contains("secret"),
        "followed a link out of the project"
    );
    assert!(found(&report, "missing-message").contains(&(
        "de".to_owned(),
        "src/uu/ls/locales/de.ftl".to_owned(),
        "ls-b".to_owned()
    )));
}

/// Runs git in `dir` without the machine's own git configuration.
fn git(dir: &Path, args: &[&str]) {
    let out = std::process::Command::new("git")
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn downstream_stages_work_on_a_pattern_project() {
    let dir = fixture("format-globs");
    let p = dir.path();
    // Coverage: one article per reference file, only those that apply to the locale.
    let out = medloc(p)
        .args(["coverage", "--format", "json"])
        .output()
        .unwrap();
    let coverage: Value = serde_json::from_slice(&out.stdout).unwrap();
    let locale = |tag: &str| {
        coverage["locales"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["locale"] == tag)
            .unwrap()
            .clone()
    };
    assert_eq!(locale("de")["articles"].as_array().unwrap().len(), 3);
    assert_eq!(locale("fr")["articles"].as_array().unwrap().len(), 4);
    assert_eq!(locale("de")["messages"]["missing"], 4);
    // Shards together find what the whole run finds; a cached run what an uncached one does.
    let whole = check_json(p, None);
    let mut sharded = BTreeSet::new();
    for shard in ["1/2", "2/2"] {
        let out = medloc(p)
            .args(["check", "--no-cache", "--format", "json", "--shard", shard])
            .output()
            .unwrap();
        let part: Value = serde_json::from_slice(&out.stdout).unwrap();
        sharded.extend(found(&part, "missing-message"));
    }
    assert_eq!(sharded, found(&whole, "missing-message"));
    for _ in 0..2 {
        let out = medloc(p)
            .args(["check", "--format", "json"])
            .output()
            .unwrap();
        assert_eq!(
            serde_json::from_slice::<Value>(&out.stdout).unwrap(),
            whole,
            "cached"
        );
    }
    // sync records every locale; --since reads the layout at a revision.
    medloc(p).arg("sync").assert().success();
    assert!(p.join(".medloc/state/de.json").is_file());
    assert!(p.join(".medloc/state/fr.json").is_file());
    git(p, &["init", "--quiet", "--initial-branch=main"]);
    git(
        p,
        &[
            "-c",
            "user.email=t@example.org",
            "-c",
            "user.name=t",
            "add",
            "--all",
        ],
    );
    git(
        p,
        &[
            "-c",
            "user.email=t@example.org",
            "-c",
            "user.name=t",
            "commit",
            "--quiet",
            "-m",
            "start",
        ],
    );
    std::fs::write(
        p.join("src/uu/ls/locales/de.ftl"),
        "ls-a = Auflisten\nls-b = Langes Format\nls-x = Veraltet\n",
    )
    .unwrap();
    let out = medloc(p)
        .args(["coverage", "--since", "HEAD", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let since: Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = since["since"].to_string();
    assert!(text.contains("ls-b"), "{text}");
}
