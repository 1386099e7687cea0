//! What a new translator, coordinator and publisher trip over in their first hour (issue
//! "The first hour"): typos in locale options, report formats, locale directories, the
//! termbase's languages, the source directory, file modes, configuration messages, shell
//! completions and colour. Each drives the real binary on a copy of the shipped project.

mod common;

use common::{medloc, shipped_project};
use std::path::Path;

fn stderr_of(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = medloc(dir).args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{from:?} not in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn unknown_locales_in_options_are_errors_with_a_suggestion() {
    let dir = shipped_project();
    let p = dir.path();
    // A typo must not switch a CI gate off.
    let (code, _, err) = stderr_of(p, &["coverage", "--fail-under", "xx=50"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("--fail-under xx: not a locale of this project"),
        "{err}"
    );
    assert!(
        err.contains("it has: ar, de, es, es-MX, fr, zh-CN"),
        "{err}"
    );
    for (args, meant) in [
        (
            vec!["coverage", "--fail-under", "zh_CN=50"],
            "did you mean zh-CN?",
        ),
        (vec!["check", "--locale", "ES"], "did you mean es?"),
        (vec!["coverage", "--locale", "es-mx"], "did you mean es-MX?"),
        (vec!["terms", "fr-FR"], "did you mean fr?"),
        (
            vec!["sync", "--accept", "zh_CN", "intro-title"],
            "did you mean zh-CN?",
        ),
    ] {
        let (code, _, err) = stderr_of(p, &args);
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert!(err.contains(meant), "{args:?}: {err}");
    }
    // The real names still work, the reference included where it makes sense.
    let (code, _, err) = stderr_of(p, &["coverage", "--fail-under", "es=50"]);
    assert_eq!(code, Some(0), "{err}");
    let (code, _, err) = stderr_of(p, &["check", "--locale", "en-US"]);
    assert!(code.is_some_and(|c| c < 2), "{err}");
}

#[test]
fn coverage_output_format_follows_the_file_extension() {
    let dir = shipped_project();
    let p = dir.path();
    for (file, starts) in [
        ("cov.json", "{"),
        ("cov.md", "#"),
        ("cov.html", "<!doctype html>"),
        ("cov.txt", ""),
    ] {
        let (code, _, err) = stderr_of(p, &["coverage", "-o", file]);
        assert_eq!(code, Some(0), "{file}: {err}");
        let text = std::fs::read_to_string(p.join(file)).unwrap();
        assert!(
            text.to_ascii_lowercase().starts_with(starts),
            "{file}: {}",
            &text[..text.len().min(80)]
        );
    }
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(p.join("cov.json")).unwrap()).unwrap();
    assert_eq!(json["schema"], "medloc-coverage/1");
    assert!(
        !std::fs::read_to_string(p.join("cov.txt"))
            .unwrap()
            .starts_with('{')
    );
    // An explicit format that contradicts the file is refused, and nothing is written.
    let (code, _, err) = stderr_of(p, &["coverage", "--format", "json", "-o", "report.html"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("--format json does not match --output report.html"),
        "{err}"
    );
    assert!(!p.join("report.html").exists());
}

#[test]
fn a_locale_directory_that_is_a_file_is_an_error_and_a_missing_one_is_one_line() {
    let dir = shipped_project();
    let p = dir.path();
    edit(
        &p.join("l10n.toml"),
        "locales = [\"ar\",",
        "locales = [\"pt-BR\", \"it\", \"ar\",",
    );
    std::fs::write(p.join("locales/it"), "not a directory\n").unwrap();
    let (code, out, err) = stderr_of(p, &["check", "--no-cache"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("locales/it: a file where the directory of locale it should be"),
        "{err}"
    );
    // pt-BR has no directory yet: one line, not a warning per message.
    assert!(!out.contains("locales/pt-BR/track-marks.ftl"), "{out}");
    assert!(
        out.contains("no locales/pt-BR/ yet: 90 messages missing"),
        "{out}"
    );
    // The other locales are still checked.
    assert!(out.contains("zh-CN"), "{out}");
    // Coverage still counts pt-BR's messages as missing, and render leaves it out.
    let (_, cov, _) = stderr_of(p, &["coverage", "--format", "json"]);
    let cov: serde_json::Value = serde_json::from_str(&cov).unwrap();
    let pt = cov["locales"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["locale"] == "pt-BR")
        .unwrap();
    assert_eq!(pt["messages"]["missing"], 90, "{pt}");
}

#[test]
fn the_termbase_reference_language_and_uncovered_locales_are_said() {
    let dir = shipped_project();
    let p = dir.path();
    edit(
        &p.join("l10n.toml"),
        "locales = [\"ar\",",
        "locales = [\"pt-BR\", \"ar\",",
    );
    std::fs::create_dir_all(p.join("locales/pt-BR")).unwrap();
    std::fs::write(
        p.join("locales/pt-BR/ui.ftl"),
        "site-title = Guias de saúde\n",
    )
    .unwrap();
    let (_, _, err) = stderr_of(p, &["check", "--no-cache"]);
    assert_eq!(
        err.matches("the termbase has no terms for pt-BR").count(),
        1,
        "{err}"
    );
    // A reference language the termbase lacks would switch every terminology rule off.
    edit(
        &p.join("l10n.toml"),
        "reference = \"en-US\"",
        "reference = \"en\"",
    );
    let (code, _, err) = stderr_of(p, &["check", "--no-cache"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("l10n.toml:"), "{err}");
    assert!(
        err.contains("the reference locale en has no terms in the termbase"),
        "{err}"
    );
}

#[test]
fn a_missing_source_directory_names_the_setting() {
    let dir = shipped_project();
    let p = dir.path();
    edit(
        &p.join("l10n.toml"),
        "source = \"source\"",
        "source = \"articles\"",
    );
    for args in [vec!["split"], vec!["build"], vec!["render"]] {
        let (code, _, err) = stderr_of(p, &args);
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert!(
            err.contains("articles: no such directory")
                && err.contains("[medloc] source = \"articles\""),
            "{args:?}: {err}"
        );
    }
    // check still checks the translations, and says so once.
    let (code, _, err) = stderr_of(p, &["check"]);
    assert!(code.is_some_and(|c| c < 2), "{err}");
    assert_eq!(
        err.matches("[medloc] source = \"articles\"").count(),
        1,
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn written_files_get_the_mode_a_plain_write_gives() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    let parent = tempfile::tempdir().unwrap();
    // Run under umask 022, as a shell usually has it.
    let run = |dir: &Path, args: &[&str]| {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!(
                "umask 022 && exec \"$0\" {}",
                args.iter()
                    .map(|a| format!("'{a}'"))
                    .collect::<Vec<_>>()
                    .join(" ")
            ))
            .arg(assert_cmd::cargo::cargo_bin("medloc"))
            .current_dir(dir)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, err) = run(parent.path(), &["init", "guide"]);
    assert_eq!(code, Some(0), "{err}");
    let p = parent.path().join("guide");
    for args in [
        vec!["check"],
        vec!["coverage", "-o", "cov.html"],
        vec!["render"],
        vec!["build"],
        vec!["sync"],
    ] {
        let (code, err) = run(&p, &args);
        assert!(code.is_some_and(|c| c < 2), "{args:?}: {err}");
        // No tool warning about the sample project itself.
        assert!(
            !err.lines().any(|l| l.starts_with("warning:")),
            "{args:?}: {err}"
        );
    }
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(&p) {
        let entry = entry.unwrap();
        if entry.path().starts_with(p.join(".medloc-cache")) {
            continue;
        }
        let want = if entry.file_type().is_dir() {
            0o755
        } else {
            0o644
        };
        assert_eq!(mode(entry.path()), want, "{}", entry.path().display());
        checked += 1;
    }
    assert!(checked > 40, "{checked}");
    // split keeps an existing file's own mode.
    let reference = p.join("locales/en-US/track-marks.ftl");
    std::fs::set_permissions(&reference, std::fs::Permissions::from_mode(0o664)).unwrap();
    edit(
        &p.join("source/track-marks.md"),
        "Track marks are",
        "Track marks are, in short,",
    );
    let (code, err) = run(&p, &["split"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(mode(&reference), 0o664);
}

#[test]
fn configuration_errors_speak_plainly_and_point_at_the_line() {
    let dir = shipped_project();
    let p = dir.path();
    edit(
        &p.join("l10n.toml"),
        "[medloc]",
        "[medloc]\nthreshold = \"high\"",
    );
    let (code, _, err) = stderr_of(p, &["check"]);
    assert_eq!(code, Some(2), "{err}");
    let line = std::fs::read_to_string(p.join("l10n.toml"))
        .unwrap()
        .lines()
        .position(|l| l.starts_with("threshold"))
        .unwrap()
        + 1;
    assert!(err.contains(&format!("l10n.toml:{line}:")), "{err}");
    assert!(err.contains("expected a number"), "{err}");
    assert!(!err.contains("f64") && !err.contains("README.md"), "{err}");
    // A whole number is a number.
    edit(
        &p.join("l10n.toml"),
        "threshold = \"high\"",
        "threshold = 75",
    );
    let (code, _, err) = stderr_of(p, &["coverage"]);
    assert_eq!(code, Some(0), "{err}");
    // A rule override and a filter point at their own lines, not line 1.
    let config = p.join("l10n.toml");
    let mut text = std::fs::read_to_string(&config).unwrap();
    text.push_str("\n[medloc.rules]\nwhitespace = \"off\"\nspelling = \"error\"\n");
    std::fs::write(&config, &text).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("spelling"))
        .unwrap()
        + 1;
    let (code, _, err) = stderr_of(p, &["check"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains(&format!("l10n.toml:{line}: [medloc.rules] spelling")),
        "{err}"
    );
    let text = text.replace("spelling = \"error\"\n", "")
        + "\n[[filters]]\npath = \"locales/**\"\naction = \"loud\"\n";
    std::fs::write(&config, &text).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("[[filters]]"))
        .unwrap()
        + 1;
    let (code, _, err) = stderr_of(p, &["check"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains(&format!("l10n.toml:{line}:")), "{err}");
    assert!(err.contains("action = \"loud\""), "{err}");
}

#[test]
fn completions_man_page_and_colour() {
    let dir = shipped_project();
    let p = dir.path();
    for (shell, marker) in [
        ("bash", "complete -F _medloc"),
        ("zsh", "#compdef medloc"),
        ("fish", "complete -c medloc"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let (code, out, err) = stderr_of(p, &["completions", shell]);
        assert_eq!(code, Some(0), "{err}");
        assert!(out.contains(marker), "{shell}");
        assert!(out.contains("coverage"), "{shell}: subcommands completed");
    }
    let (code, out, _) = stderr_of(p, &["man"]);
    assert_eq!(code, Some(0));
    assert!(
        out.contains(".TH medloc 1") && out.contains("coverage"),
        "{out}"
    );
    // --color always colours even into a pipe; never and NO_COLOR do not.
    let (_, coloured, _) = stderr_of(p, &["--color", "always", "check", "--locale", "es"]);
    assert!(coloured.contains("\u{1b}["), "{coloured}");
    let (_, plain, _) = stderr_of(p, &["--color", "never", "check", "--locale", "es"]);
    assert!(!plain.contains("\u{1b}["));
    let (_, auto, _) = stderr_of(p, &["check", "--locale", "es"]);
    assert!(!auto.contains("\u{1b}["), "a pipe is not a terminal");
}
