//! Faults from outside medloc, driven through the real binary: a render killed half-way, an
//! output that cannot be written, a stale-tracking state file broken by hand or by a crash,
//! and a termbase that disappears between runs. Each must end with a clear message naming
//! the file, exit code 2 when the command could not do its job, and no damage to what was
//! there before.
#![cfg(unix)]

mod common;

use common::{medloc, replace_in, shipped_project, tree};
use serde_json::Value;
use std::os::unix::fs::FileTypeExt;
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::Stdio;

/// Makes `copies` more articles from the shipped one (each with its own slug) and gives
/// every locale and the reference a copy of its translation, so a render has hundreds of
/// pages to write.
fn enlarge(project: &Path, copies: usize) {
    let article = std::fs::read_to_string(project.join("source/track-marks.md")).unwrap();
    for i in 1..=copies {
        let slug = format!("track-marks-{i}");
        std::fs::write(
            project.join(format!("source/{slug}.md")),
            article.replacen("slug = \"track-marks\"", &format!("slug = \"{slug}\""), 1),
        )
        .unwrap();
        for locale in std::fs::read_dir(project.join("locales"))
            .unwrap()
            .flatten()
        {
            let from = locale.path().join("track-marks.ftl");
            if from.is_file() {
                std::fs::copy(&from, locale.path().join(format!("{slug}.ftl"))).unwrap();
            }
        }
    }
}

/// The first `.medloc-render-*` staging directory under `dir` that has an entry in it.
fn staging_with_files(dir: &Path) -> bool {
    std::fs::read_dir(dir).unwrap().flatten().any(|e| {
        e.file_name()
            .to_string_lossy()
            .starts_with(".medloc-render-")
            && std::fs::read_dir(e.path()).is_ok_and(|mut d| d.next().is_some())
    })
}

#[test]
fn a_render_killed_half_way_leaves_the_previous_site_whole() {
    let dir = shipped_project();
    let project = dir.path();
    // Terminology is most of check's time, and render runs check first.
    replace_in(
        &project.join("l10n.toml"),
        "termbase = [\"locales/terminology.tbx\"]",
        "",
    );
    let first = medloc(project)
        .args(["render", "--all", "--out", "site"])
        .output()
        .unwrap();
    assert_eq!(first.status.code(), Some(0), "{first:?}");
    let before = tree(&project.join("site"));
    assert!(before.len() > 5, "the first site has pages");

    enlarge(project, 80);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_medloc"))
        .args(["render", "--all", "--out", "site"])
        .current_dir(project)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it (SIGKILL: no handler, no cleanup) as soon as it is writing the new site.
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            panic!(
                "render ended ({status}) before its staging directory had files; enlarge the project"
            );
        }
        if staging_with_files(project) {
            child.kill().unwrap();
            break;
        }
        std::thread::sleep(std::time::Duration::from_micros(200));
    }
    let status = child.wait().unwrap();
    assert_eq!(
        status.signal(),
        Some(9),
        "the render was killed, not finished"
    );
    assert_eq!(
        tree(&project.join("site")),
        before,
        "the previous site is intact, byte for byte"
    );

    // The next render goes through, past the killed run's leftover staging directory.
    let again = medloc(project)
        .args(["render", "--all", "--out", "site"])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(0), "{again:?}");
    assert!(project.join("site/es/track-marks-80.html").is_file());
}

/// A device that fails every write with ENOSPC, like /dev/full: made in `dir` when this
/// process may create device nodes (root), so a regression that renames over it cannot
/// replace the real /dev/full; else /dev/full itself (which a non-root process cannot
/// rename over).
fn full_device(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("full");
    let made = std::process::Command::new("mknod")
        .args(["-m", "666"])
        .arg(&path)
        .args(["c", "1", "7"])
        .status()
        .is_ok_and(|s| s.success());
    if made { path } else { "/dev/full".into() }
}

#[test]
fn a_report_on_a_full_device_fails_naming_it_and_the_device_stays() {
    let dir = shipped_project();
    let full = full_device(dir.path());
    let out = medloc(dir.path())
        .args(["coverage", "--format", "json", "--output"])
        .arg(&full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{}: cannot write: No space left on device",
            full.display()
        )),
        "{stderr}"
    );
    assert!(
        std::fs::metadata(&full)
            .unwrap()
            .file_type()
            .is_char_device(),
        "the device was not replaced by a file"
    );
}

#[test]
fn outputs_under_a_file_or_onto_a_directory_fail_naming_the_path_and_write_nothing() {
    let dir = shipped_project();
    let project = dir.path();
    std::fs::write(project.join("afile"), "precious").unwrap();
    std::fs::create_dir(project.join("reports")).unwrap();
    let before = tree(project);
    let cases: [(&[&str], &str); 4] = [
        (
            &[
                "coverage",
                "--format",
                "json",
                "--output",
                "afile/coverage.json",
            ],
            "afile/coverage.json: cannot write: afile is a file, not a directory",
        ),
        (
            &["render", "--out", "afile/site"],
            "afile/site: cannot write: ",
        ),
        (
            &["build", "--out", "afile/dist"],
            "afile/dist/reports/coverage.html: cannot write: ",
        ),
        // A directory where the report file should go: the temporary file cannot be
        // renamed onto it and is removed.
        (
            &["coverage", "--format", "json", "--output", "reports"],
            "reports: cannot write: ",
        ),
    ];
    for (args, message) in cases {
        let out = medloc(project).args(args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert_eq!(tree(project), before, "{args:?} left a file behind");
        assert!(
            std::fs::read_dir(project.join("reports"))
                .unwrap()
                .next()
                .is_none(),
            "{args:?} wrote into the directory"
        );
    }
}

fn check_json(project: &Path) -> (Value, String, Option<i32>) {
    let out = medloc(project)
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let report = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    (report, stderr, out.status.code())
}

/// The (rule, path, line) of every finding, sorted.
fn finding_keys(report: &Value) -> Vec<(String, String, u64)> {
    let mut keys: Vec<_> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_owned(),
                d["path"].as_str().unwrap().to_owned(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect();
    keys.sort();
    keys
}

#[test]
fn a_truncated_or_hand_edited_state_file_is_named_with_its_line_and_sync_rebuilds_it() {
    let dir = shipped_project();
    let project = dir.path();
    assert!(
        medloc(project)
            .arg("sync")
            .output()
            .unwrap()
            .status
            .success()
    );
    let state = project.join(".medloc/state/es.json");
    let good = std::fs::read_to_string(&state).unwrap();
    let (clean, _, _) = check_json(project);
    let translations = tree(&project.join("locales"));

    // Cut off mid-write (a crash without write_atomic), and a colon typed as `=` on line 9.
    let truncated = good[..good.len() / 2].to_owned();
    let truncated_line = truncated.lines().count();
    let mut edited: Vec<&str> = good.lines().collect();
    let line9 = edited[8].replacen(": ", " = ", 1);
    edited[8] = &line9;
    for (broken, line) in [(truncated, truncated_line), (edited.join("\n"), 9)] {
        std::fs::write(&state, &broken).unwrap();
        let (report, stderr, code) = check_json(project);
        assert_eq!(code, Some(2), "{stderr}");
        assert!(
            stderr.contains(&format!(
                ".medloc/state/es.json:{line}: the stale-tracking state is not valid"
            )),
            "{stderr}"
        );
        assert!(
            stderr.contains("run `medloc sync` to rebuild it"),
            "{stderr}"
        );
        // The check itself still ran, with the other findings.
        assert_eq!(finding_keys(&report), finding_keys(&clean));

        let sync = medloc(project).arg("sync").output().unwrap();
        let stderr = String::from_utf8_lossy(&sync.stderr);
        assert_eq!(sync.status.code(), Some(0), "{stderr}");
        assert!(
            stderr.contains("rebuilding it from the current files"),
            "{stderr}"
        );
        assert_eq!(
            std::fs::read_to_string(&state).unwrap(),
            good,
            "rebuilt as before"
        );
        let (_, stderr, code) = check_json(project);
        assert_eq!(code, Some(0), "{stderr}");
        assert_eq!(
            tree(&project.join("locales")),
            translations,
            "no translation touched"
        );
    }
}

const TERM_RULES: [&str; 5] = [
    "term-missing",
    "term-forbidden",
    "do-not-translate",
    "term-inconsistent",
    "source-term-style",
];

#[test]
fn a_termbase_gone_between_runs_is_named_and_the_other_rules_still_run() {
    let dir = shipped_project();
    let project = dir.path();
    let (with, _, code) = check_json(project);
    assert_eq!(code, Some(0));
    std::fs::remove_file(project.join("locales/terminology.tbx")).unwrap();
    let (without, stderr, code) = check_json(project);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains(
            "locales/terminology.tbx: cannot read: No such file or directory (os error 2) (a termbase listed in l10n.toml under [medloc] termbase"
        ),
        "{stderr}"
    );
    // Every other finding is still there. The only new ones are `untranslated`: without
    // the termbase, its do-not-translate names no longer excuse English left as is.
    let without = finding_keys(&without);
    let kept: Vec<_> = finding_keys(&with)
        .into_iter()
        .filter(|(rule, _, _)| !TERM_RULES.contains(&rule.as_str()))
        .collect();
    assert!(!kept.is_empty(), "the shipped project has other findings");
    let (new, old): (Vec<_>, Vec<_>) = without.into_iter().partition(|k| !kept.contains(k));
    assert_eq!(old, kept);
    assert!(
        // Without the termbase its do-not-translate names are no longer exempt: a title
        // left in English is then untranslated, whole or as a sentence.
        new.iter()
            .all(|(rule, _, _)| rule == "untranslated" || rule == "untranslated-sentence"),
        "{new:?}"
    );
}

/// Runs `script` (sh) in a new user and mount namespace, where it may mount a small tmpfs
/// of its own: a real full or read-only filesystem without touching the machine's. `$1` is
/// the medloc binary, `$2` the project, `$3` an empty directory to mount on. `None` when
/// this machine has no unprivileged namespaces (a printed skip, except in CI, which has
/// them and must run the test).
fn in_own_mount(project: &Path, script: &str) -> Option<std::process::Output> {
    let probe = std::process::Command::new("unshare")
        .args(["-rm", "sh", "-c", "mount -t tmpfs tmpfs /mnt"])
        .output();
    if !probe.is_ok_and(|p| p.status.success()) {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must be able to run `unshare -rm` and mount a tmpfs"
        );
        eprintln!("skipped: `unshare -rm` with a tmpfs mount is not available here");
        return None;
    }
    let mount = project.join("mnt");
    std::fs::create_dir(&mount).unwrap();
    let out = std::process::Command::new("unshare")
        .args(["-rm", "sh", "-euc", script, "sh"])
        .arg(env!("CARGO_BIN_EXE_medloc"))
        .arg(project)
        .arg(&mount)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    Some(out)
}

/// Renders the shipped project onto a small tmpfs of its own, edits a translation so the
/// next render has pages to write, applies `fault` (shell lines), then runs each step (a
/// name and medloc's arguments; `$mnt` is the mount) and sums the site again. `None` when
/// namespaces are not available (see [`in_own_mount`]).
fn after_fault(fault: &str, steps: &[(&str, &str)]) -> Option<tempfile::TempDir> {
    let dir = shipped_project();
    let mut script = String::from(
        r#"
bin=$1; project=$2; mnt=$3
cd "$project"
mount -t tmpfs -o size=2m tmpfs "$mnt"
sum() { (cd "$mnt/site" && find . -type f | sort | xargs sha256sum) >"$1"; }
run() { name=$1; shift; "$bin" "$@" >/dev/null 2>"$name.err" && echo 0 >"$name.code" || echo $? >"$name.code"; }
run first render --all --out "$mnt/site"
sum before.sum
sed -i 's/^title = /title = Guía: /' locales/es/track-marks.ftl
"#,
    );
    script.push_str(fault);
    for (name, args) in steps {
        script.push_str(&format!("\nrun {name} {args}"));
    }
    script.push_str("\nsum after.sum\nls -A \"$mnt\" | grep -v '^filler$' >left.txt || true\n");
    let out = in_own_mount(dir.path(), &script)?;
    assert!(out.status.success(), "{out:?}");
    let (code, err) = step(dir.path(), "first");
    assert_eq!(code, "0", "{err}");
    Some(dir)
}

/// The step `name` exited 2 with every one of `needles` in its error output.
fn failed_with(project: &Path, name: &str, needles: &[&str]) {
    let (code, err) = step(project, name);
    assert_eq!(code, "2", "{name}: {err}");
    for needle in needles {
        assert!(err.contains(needle), "{name}: no {needle:?} in: {err}");
    }
}

/// The script's record of one step: `NAME.code` and `NAME.err` beside the project.
fn step(project: &Path, name: &str) -> (String, String) {
    let read = |ext: &str| std::fs::read_to_string(project.join(format!("{name}.{ext}"))).unwrap();
    (read("code").trim().to_owned(), read("err"))
}

fn assert_site_untouched(project: &Path) {
    let read = |name: &str| std::fs::read_to_string(project.join(name)).unwrap();
    assert!(
        read("before.sum").lines().count() > 5,
        "the first site has pages"
    );
    assert_eq!(
        read("after.sum"),
        read("before.sum"),
        "the site is byte for byte the old one"
    );
    assert_eq!(
        read("left.txt").trim(),
        "site",
        "nothing left beside the site"
    );
}

#[test]
fn a_render_and_a_report_on_a_full_filesystem_fail_naming_the_path_and_keep_the_old_site() {
    // Filled: every further block written fails with ENOSPC.
    let fault = r#"dd if=/dev/zero of="$mnt/filler" bs=4096 2>/dev/null || true"#;
    let steps = [
        ("second", r#"render --all --out "$mnt/site""#),
        (
            "report",
            r#"coverage --format json --output "$mnt/coverage.json""#,
        ),
    ];
    let Some(dir) = after_fault(fault, &steps) else {
        return;
    };
    let project = dir.path();
    let full = ["No space left on device", "free space on that filesystem"];
    failed_with(project, "second", &[&full[..], &["/mnt/site/"]].concat());
    failed_with(
        project,
        "report",
        &[&full[..], &["mnt/coverage.json: cannot write"]].concat(),
    );
    assert_site_untouched(project);
}

#[test]
fn a_render_and_a_build_on_a_read_only_filesystem_fail_naming_the_path_and_keep_the_old_site() {
    let fault = r#"mount -o remount,ro "$mnt""#;
    let steps = [
        ("second", r#"render --all --out "$mnt/site""#),
        ("build", r#"build --out "$mnt/dist""#),
    ];
    let Some(dir) = after_fault(fault, &steps) else {
        return;
    };
    let project = dir.path();
    let read_only = ["Read-only file system", "write elsewhere"];
    failed_with(
        project,
        "second",
        &[&read_only[..], &["/mnt: cannot write"]].concat(),
    );
    failed_with(project, "build", &[&read_only[..], &["mnt/dist/"]].concat());
    assert_site_untouched(project);
}
