//! `medloc coverage`: each format pinned on the shipped project, the HTML report in a real
//! headless Chromium (and the Nu HTML Checker), CI gates, and bad input.

mod common;

use common::{browser, copy_tree, medloc, repo_root, shipped_project};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn coverage(dir: &Path, args: &[&str]) -> (String, i32) {
    let out = medloc(dir).arg("coverage").args(args).output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

#[test]
fn text_markdown_and_json_on_the_shipped_project() {
    let dir = shipped_project();
    let (text, code) = coverage(dir.path(), &[]);
    assert_eq!(code, 0);
    assert!(!text.contains('\u{1b}'), "no colour when piped");
    insta::assert_snapshot!("shipped_text", text);
    let (markdown, _) = coverage(dir.path(), &["--format", "markdown"]);
    insta::assert_snapshot!("shipped_markdown", markdown);
    let (json, _) = coverage(dir.path(), &["--format", "json"]);
    insta::assert_snapshot!("shipped_json", json);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["schema"], "medloc-coverage/1");
    let de = v["locales"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["locale"] == "de")
        .unwrap();
    assert_eq!(
        de["messages"]["total"], 90,
        "83 guide messages and 7 page strings"
    );
    assert_eq!(de["messages"]["translated"], 58);
    assert_eq!(de["messages"]["missing"], 32);
    assert_eq!(de["publishable"], false);
    assert_eq!(de["articles"][0]["article"], "track-marks");
    let mx = v["locales"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["locale"] == "es-MX")
        .unwrap();
    assert_eq!(mx["completion"], 100.0, "es-MX falls back to es");
    assert_eq!(
        mx["messages"]["inherited"], 82,
        "90 messages, 8 of them es-MX overrides"
    );
}

#[test]
fn fail_under_gates_ci() {
    let dir = shipped_project();
    assert_eq!(
        coverage(dir.path(), &["--fail-under", "80"]).1,
        1,
        "de is at 64.0%"
    );
    assert_eq!(coverage(dir.path(), &["--fail-under", "60"]).1, 0);
    assert_eq!(
        coverage(dir.path(), &["--fail-under", "80", "--fail-under", "de=50"]).1,
        0
    );
    assert_eq!(coverage(dir.path(), &["--fail-under", "abc"]).1, 2);
}

/// A file that cannot be read is left out of the figures: the report is still written,
/// and the run fails (exit 2) naming the file, so CI does not pass on incomplete figures.
#[test]
fn an_unreadable_file_writes_the_report_and_fails() {
    let dir = shipped_project();
    std::fs::write(
        dir.path().join("locales/fr/track-marks.ftl"),
        b"title = caf\xe9\n",
    )
    .unwrap();
    let out = medloc(dir.path())
        .args(["coverage", "--format", "json", "-o", "coverage.json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("locales/fr/track-marks.ftl"), "{stderr}");
    let report: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("coverage.json")).unwrap()).unwrap();
    assert!(
        report["locales"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l["locale"] == "es")
    );
}

#[test]
fn a_locale_without_files_and_an_empty_reference() {
    let dir = shipped_project();
    std::fs::create_dir_all(dir.path().join("locales/it")).unwrap();
    let config = dir.path().join("l10n.toml");
    let text = std::fs::read_to_string(&config)
        .unwrap()
        .replace("\"fr\", ", "\"fr\", \"it\", ");
    std::fs::write(&config, text).unwrap();
    let (json, _) = coverage(dir.path(), &["--format", "json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    let it = v["locales"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["locale"] == "it")
        .unwrap();
    assert_eq!(it["completion"], 0.0);
    // 83 article messages and 7 page strings.
    assert_eq!(it["messages"]["missing"], 90);

    let empty = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(empty.path().join("locales/en-US")).unwrap();
    std::fs::create_dir_all(empty.path().join("locales/fr")).unwrap();
    std::fs::write(empty.path().join("locales/en-US/a.ftl"), "").unwrap();
    let (json, code) = coverage(empty.path(), &["--format", "json"]);
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["locales"][1]["completion"], 100.0);
}

/// A translation that tries to inject markup into the reports.
fn hostile_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(
        &repo_root().join("tests/fixtures/projects/clinic"),
        dir.path(),
    );
    let ar = dir.path().join("locales/ar/clinic.ftl");
    let mut text = std::fs::read_to_string(&ar).unwrap();
    text.push_str("care = <script>document.title='pwned'</script>\"><img src=x onerror=\"document.title='pwned'\">\n");
    std::fs::write(&ar, text).unwrap();
    dir
}

#[test]
fn markup_in_translations_is_escaped_in_every_format() {
    let dir = hostile_project();
    let (html, _) = coverage(dir.path(), &["--format", "html"]);
    assert!(!html.contains("<img"), "an <img> got through");
    assert_eq!(
        html.matches("<script").count(),
        1,
        "only the report's own script"
    );
    assert!(html.contains("&lt;script&gt;"));
    let (markdown, _) = coverage(dir.path(), &["--format", "markdown"]);
    assert!(!markdown.contains("<img") && !markdown.contains("<script"));
    let (json, _) = coverage(dir.path(), &["--format", "json"]);
    serde_json::from_str::<Value>(&json).unwrap();
}

// ---- in a real browser ----

#[test]
fn html_report_in_headless_chromium() {
    let Some(browser) = browser::chromium() else {
        return;
    };
    let dir = hostile_project();
    let page = dir.path().join("coverage.html");
    medloc(dir.path())
        .args(["coverage", "--format", "html", "-o"])
        .arg(&page)
        .assert()
        .success();
    let target = repo_root().join("target/screenshots");
    std::fs::create_dir_all(&target).unwrap();
    let visit = browser::visit(&browser, &page, &target.join("coverage.png"));
    let dom = &visit.dom;
    assert!(dom.contains("<table id=\"locales\""), "{dom}");
    for locale in ["en-US", "es", "fr", "ar"] {
        assert!(
            dom.contains(&format!("data-locale=\"{locale}\"")),
            "no row for {locale}"
        );
    }
    assert!(dom.contains("class=\"locale-row\" data-locale=\"ar\" data-dir=\"rtl\""));
    assert!(
        dom.contains("data-locale=\"ar\" lang=\"ar\" dir=\"rtl\""),
        "Arabic details are right-to-left"
    );
    assert!(
        dom.contains("data-label=\"Translation\" class=\"text\" lang=\"ar\" dir=\"rtl\">"),
        "Arabic translations are right-to-left"
    );
    // The injected script did not run and the injected image does not exist.
    assert!(!dom.contains("pwned</title>") && !dom.contains("<title>pwned"));
    assert!(!dom.contains("<img"));
    let page_requests = browser::network_requests(&visit);
    assert!(
        page_requests.is_empty(),
        "the page made network requests: {page_requests:?}"
    );
    assert!(target.join("coverage.png").metadata().unwrap().len() > 10_000);
}

#[test]
fn html_report_passes_the_nu_html_checker() {
    let Some(jar) = browser::vnu() else { return };
    let dir = hostile_project();
    let page = dir.path().join("coverage.html");
    medloc(dir.path())
        .args(["coverage", "--format", "html", "-o"])
        .arg(&page)
        .assert()
        .success();
    let errors = browser::vnu_errors(&jar, &[page]);
    assert!(errors.is_empty(), "{errors}");
}

// ---- --since REV ----

/// Runs git in `dir` without the machine's own git configuration.
fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A git repository whose subdirectory `guide/` holds the sample project of `medloc init`,
/// committed once.
fn sample_in_git() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("repo");
    let guide = repo.join("guide");
    medloc(dir.path())
        .arg("init")
        .arg(&guide)
        .assert()
        .success();
    git(&repo, &["init", "--quiet", "--initial-branch=main"]);
    git(&repo, &["config", "user.email", "test@example.org"]);
    git(&repo, &["config", "user.name", "medloc test"]);
    git(&repo, &["add", "--all"]);
    git(&repo, &["commit", "--quiet", "--message", "sample project"]);
    (dir, guide)
}

fn edit(path: &Path, edit: impl FnOnce(String) -> String) {
    let text = std::fs::read_to_string(path).unwrap();
    std::fs::write(path, edit(text)).unwrap();
}

#[test]
fn since_a_revision_reports_changed_messages_and_completion_delta() {
    let (_dir, guide) = sample_in_git();
    // The reference gains a message; es rewords its title; de translates a missing message.
    edit(&guide.join("locales/en-US/track-marks.ftl"), |t| {
        t + "new-paragraph = Keep a clean bandage on the site.\n"
    });
    edit(&guide.join("locales/es/track-marks.ftl"), |t| {
        t.replace(
            "title = ¿Qué son las marcas de inyección? Identificación, causas y cuidados",
            "title = Marcas de inyección: qué son, por qué aparecen y cómo cuidarlas",
        )
    });
    edit(&guide.join("locales/de/track-marks.ftl"), |t| {
        t + "clotting-heading = Blutgerinnsel\n"
    });
    let (json, code) = coverage(&guide, &["--since", "HEAD", "--format", "json"]);
    assert_eq!(code, 0, "{json}");
    let v: Value = serde_json::from_str(&json).unwrap();
    let since = &v["since"];
    assert_eq!(since["revision"], "HEAD");
    assert_eq!(since["commit"].as_str().unwrap().len(), 40);
    assert_eq!(
        since["reference"],
        serde_json::json!({"added": ["new-paragraph"], "changed": [], "removed": []})
    );
    let locale = |name: &str| -> Value {
        since["locales"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["locale"] == name)
            .unwrap_or_else(|| panic!("no {name} in {since:#}"))
            .clone()
    };
    let changes = |name: &str| {
        let l = locale(name);
        (
            l["translations"]["added"].clone(),
            l["translations"]["changed"].clone(),
            l["translations"]["removed"].clone(),
            l["completion_then"].as_f64().unwrap(),
            l["completion_now"].as_f64().unwrap(),
            l["delta"].as_f64().unwrap(),
        )
    };
    let none = serde_json::json!([]);
    // 90 of 90 then, 90 of 91 now.
    assert_eq!(
        changes("es"),
        (
            none.clone(),
            serde_json::json!(["title"]),
            none.clone(),
            100.0,
            98.9,
            -1.1
        )
    );
    // 58 of 90 then, 59 of 91 now.
    assert_eq!(
        changes("de"),
        (
            serde_json::json!(["clotting-heading"]),
            none.clone(),
            none.clone(),
            64.4,
            64.8,
            0.4
        )
    );
    // es-MX lacks the new message with its parent; its own files did not change.
    assert_eq!(
        changes("es-MX"),
        (none.clone(), none.clone(), none.clone(), 100.0, 98.9, -1.1)
    );
    assert_eq!(
        since["locales"].as_array().unwrap().len(),
        6,
        "every locale, the reference aside"
    );

    // The other formats carry the same section.
    let (text, _) = coverage(&guide, &["--since", "HEAD"]);
    assert!(text.contains("since HEAD ("), "{text}");
    assert!(text.contains("added: new-paragraph"), "{text}");
    let (markdown, _) = coverage(&guide, &["--since", "HEAD", "--format", "markdown"]);
    assert!(markdown.contains("### Since `HEAD`"), "{markdown}");
    assert!(
        markdown.contains("| es | 100.0% | 98.9% | -1.1 | yes → yes | — | `title` | — |"),
        "{markdown}"
    );
    let (html, _) = coverage(&guide, &["--since", "HEAD", "--format", "html"]);
    assert!(html.contains("<h2 id=\"since\">Changes since HEAD</h2>"));
    // Without --since, no section.
    let (json, _) = coverage(&guide, &["--format", "json"]);
    assert!(
        serde_json::from_str::<Value>(&json)
            .unwrap()
            .get("since")
            .is_none()
    );
}

/// The lines of the text report's tables (not the notes between them).
fn table_lines(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| l.starts_with(['┌', '│', '├', '╞', '└']))
        .collect()
}

/// With a width (`--width`, or `$COLUMNS` when printing), both text tables wrap their cells
/// to fit it; piped without one they keep their natural width, as the snapshot pins.
#[test]
fn the_text_tables_fit_a_narrow_terminal() {
    let (_dir, guide) = sample_in_git();
    edit(&guide.join("locales/en-US/track-marks.ftl"), |t| {
        t + "new-paragraph = Keep a clean bandage on the site.\n"
    });
    let (natural, _) = coverage(&guide, &["--since", "HEAD"]);
    let widest = |text: &str| {
        table_lines(text)
            .iter()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0)
    };
    assert!(widest(&natural) > 120, "{natural}");
    let (narrow, code) = coverage(&guide, &["--since", "HEAD", "--width", "80"]);
    assert_eq!(code, 0, "{narrow}");
    assert!(table_lines(&narrow).len() > 10, "{narrow}");
    for line in table_lines(&narrow) {
        assert!(
            line.chars().count() <= 80,
            "wider than 80:\n{line}\n{narrow}"
        );
    }
    for locale in ["es-MX", "zh-CN", "de"] {
        assert!(narrow.contains(locale), "{locale} lost in\n{narrow}");
    }
    // At 80 columns the summary's headers stay whole (the word counts give way first).
    let header = table_lines(&narrow)
        .into_iter()
        .find(|l| l.contains("locale"))
        .unwrap_or_default();
    for word in ["locale", "done", "miss", "stale", "err", "warn", "publish"] {
        assert!(header.contains(word), "{word} broken in {header}");
    }
    let columns = medloc(&guide)
        .env("COLUMNS", "80")
        .args(["coverage", "--since", "HEAD"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(columns.stdout).unwrap(), narrow);
    // A file gets the natural width whatever the terminal: only --width narrows it.
    medloc(&guide)
        .env("COLUMNS", "80")
        .args(["coverage", "--since", "HEAD", "-o", "report.txt"])
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(guide.join("report.txt")).unwrap(),
        natural
    );
    assert_eq!(
        coverage(&guide, &["--width", "5"]).1,
        2,
        "too narrow to use"
    );
}

/// On a terminal the table fits the terminal's width, as comfy-table reads it: run in a
/// pseudo-terminal 80 columns wide (util-linux `script`; skipped without it).
#[test]
fn the_text_table_fits_the_terminal_it_prints_to() {
    let has_script = Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_script {
        eprintln!("skipped: util-linux script is missing");
        return;
    }
    let dir = shipped_project();
    let binary = assert_cmd::cargo::cargo_bin("medloc");
    let out = Command::new("script")
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .args(["--quiet", "--return", "--command"])
        .arg(format!(
            "stty cols 80 rows 40; exec '{}' coverage --no-cache",
            binary.display()
        ))
        .arg("/dev/null")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap().replace('\r', "");
    assert!(out.status.success(), "{text}");
    let lines = table_lines(&text);
    assert!(lines.len() > 8, "{text}");
    assert!(lines.iter().all(|l| l.chars().count() <= 80), "{text}");
    assert!(text.contains("│ de "), "{text}");
}

#[test]
fn since_needs_git_and_a_known_revision() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("guide");
    medloc(dir.path())
        .arg("init")
        .arg(&project)
        .assert()
        .success();
    let out = medloc(&project)
        .env("GIT_CEILING_DIRECTORIES", dir.path())
        .args(["coverage", "--since", "HEAD"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "no report when --since cannot run");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not in a git repository"), "{err}");

    let (_dir, guide) = sample_in_git();
    for revision in ["no-such-branch", "--output=x"] {
        let out = medloc(&guide)
            .arg("coverage")
            .arg(format!("--since={revision}"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!("--since {revision}: no such revision")),
            "{err}"
        );
    }
}

// ---- the HTML report: publishability, findings, provenance, phones ----

/// The sample project in git, then edited: the reference gains `new-paragraph`, rewords
/// `key-takeaways-item-1` and drops `key-takeaways-image-alt-1`; es loses the markup of
/// `how-track-marks-form-item-3` and gains a URL there (two errors on one message: es is
/// 98.9% complete and may not publish); de
/// translates `clotting-heading` and drops `key-takeaways-item-2` (63.3%).
fn edited_sample() -> (tempfile::TempDir, PathBuf) {
    let (dir, guide) = sample_in_git();
    let reference = guide.join("locales/en-US/track-marks.ftl");
    common::replace_in(
        &reference,
        "key-takeaways-item-1 = Track marks are small wounds",
        "key-takeaways-item-1 = Track marks are tiny wounds",
    );
    edit(&reference, |t| {
        let kept: Vec<&str> = t
            .lines()
            .filter(|l| !l.starts_with("key-takeaways-image-alt-1 = "))
            .collect();
        kept.join("\n") + "\nnew-paragraph = Keep a clean bandage on the site.\n"
    });
    common::replace_in(
        &guide.join("locales/es/track-marks.ftl"),
        "how-track-marks-form-item-3 = <strong>Contaminantes:</strong>",
        "how-track-marks-form-item-3 = Contaminantes (https://example.org):",
    );
    edit(&guide.join("locales/de/track-marks.ftl"), |t| {
        let kept: Vec<&str> = t
            .lines()
            .filter(|l| !l.starts_with("key-takeaways-item-2 = "))
            .collect();
        kept.join("\n") + "\nclotting-heading = Blutgerinnsel\n"
    });
    (dir, guide)
}

/// The entry for `locale` in a JSON report's list of locales.
fn entry_of<'a>(list: &'a Value, locale: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|l| l["locale"] == locale)
        .unwrap_or_else(|| panic!("no {locale} in {list:#}"))
}

/// `coverage --format html --since HEAD` of the edited sample, made at a fixed time.
fn edited_sample_html(guide: &Path) -> String {
    let out = medloc(guide)
        .env("SOURCE_DATE_EPOCH", "1796302148")
        .args(["coverage", "--since", "HEAD", "--format", "html"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// An element's text, each run of white space as one space.
fn text_of(element: scraper::ElementRef) -> String {
    let text: String = element.text().collect();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A summary row's cell, by its column's class.
fn summary_cell(page: &scraper::Html, locale: &str, class: &str) -> String {
    let selector = scraper::Selector::parse(&format!(
        "tr.locale-row[data-locale=\"{locale}\"] td.{class}"
    ))
    .unwrap();
    text_of(
        page.select(&selector)
            .next()
            .unwrap_or_else(|| panic!("no {class} cell for {locale}")),
    )
}

#[test]
fn html_bars_follow_completion_and_publishability_is_its_own_column() {
    let (_dir, guide) = edited_sample();
    let html = edited_sample_html(&guide);
    let page = scraper::Html::parse_document(&html);
    let fill = |locale: &str| {
        let selector = scraper::Selector::parse(&format!(
            "tr.locale-row[data-locale=\"{locale}\"] rect.fill"
        ))
        .unwrap();
        page.select(&selector)
            .next()
            .unwrap_or_else(|| panic!("no bar for {locale}"))
            .attr("fill")
            .unwrap()
            .to_owned()
    };
    // es is 98.9% complete with one message in error: a green bar, publishable, and the
    // message the render withholds said in words.
    assert_eq!(
        fill("es"),
        "hsl(119, 65%, 28%)",
        "the bar follows completion"
    );
    assert_eq!(fill("fr"), fill("es"), "same completion, same colour");
    assert_eq!(fill("de"), "hsl(76, 65%, 28%)", "63.3%");
    let es = summary_cell(&page, "es", "publish");
    assert!(
        !es.contains("not publishable")
            && es.contains("publishable")
            && es.contains("1 message with a check error shows the fallback instead"),
        "{es}"
    );
    let de = summary_cell(&page, "de", "publish");
    assert!(
        de.contains("not publishable") && de.contains("63.3% translated, below the 80% threshold"),
        "{de}"
    );
    assert_eq!(summary_cell(&page, "fr", "publish").trim(), "publishable");
    // Errors and warnings are counted apart.
    assert_eq!(summary_cell(&page, "es", "errors"), "2");
    // (One of them stale-translation: the English of key-takeaways-item-1 changed after the
    // committed translation, which git history shows with no sync.)
    assert_eq!(summary_cell(&page, "es", "warnings"), "7");
    assert_eq!(summary_cell(&page, "de", "errors"), "0");
    // When and from what: the time handed in, the commit git names.
    let head = Command::new("git")
        .current_dir(&guide)
        .args(["rev-parse", "HEAD"])
        .output()
        .unwrap();
    let head = String::from_utf8(head.stdout).unwrap();
    assert!(
        html.contains("on <time datetime=\"2026-12-03T12:49:08Z\">2026-12-03 12:49 UTC</time>"),
        "{html}"
    );
    assert!(
        html.contains(&format!(" from commit <code title=\"{}\">", head.trim())),
        "{html}"
    );
    // Outside a repository there is no commit to name.
    let loose = shipped_project();
    let out = medloc(loose.path())
        .env("GIT_CEILING_DIRECTORIES", loose.path().parent().unwrap())
        .args(["coverage", "--format", "html"])
        .output()
        .unwrap();
    let loose_html = String::from_utf8(out.stdout).unwrap();
    assert!(loose_html.contains("<time datetime=\""), "{loose_html}");
    assert!(!loose_html.contains("from commit"), "{loose_html}");
}

#[test]
fn html_findings_one_row_per_message_with_severity_and_location() {
    let (_dir, guide) = edited_sample();
    let html = edited_sample_html(&guide);
    let page = scraper::Html::parse_document(&html);
    let rows =
        scraper::Selector::parse("details.locale-details[data-locale=\"es\"] tr.problem").unwrap();
    let rows: Vec<_> = page.select(&rows).collect();
    let ids: Vec<&str> = rows
        .iter()
        .map(|r| r.attr("data-message").unwrap())
        .collect();
    let mut unique = ids.clone();
    unique.dedup();
    assert_eq!(ids, unique, "one row per message");
    // The JSON report has a problem per finding; some message has more than one.
    let (json, _) = coverage(&guide, &["--format", "json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    let es = entry_of(&v["locales"], "es");
    let problems: Vec<&Value> = es["articles"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["problems"].as_array().unwrap())
        .collect();
    let findings = scraper::Selector::parse("ul.findings li").unwrap();
    let shown: usize = rows.iter().map(|r| r.select(&findings).count()).sum();
    assert_eq!(
        shown,
        problems.len(),
        "every finding is listed under its message"
    );
    assert!(ids.len() < problems.len(), "{ids:?}");
    let row = |id: &str| {
        let r = rows
            .iter()
            .find(|r| r.attr("data-message") == Some(id))
            .unwrap_or_else(|| panic!("no row for {id}: {ids:?}"));
        text_of(*r)
    };
    // Both errors in the message's one row, each with its severity in words, and the
    // translation's file:line.
    let markup = row("how-track-marks-form-item-3");
    assert!(
        markup.contains("error markup-mismatch") && markup.contains("error url-mismatch"),
        "{markup}"
    );
    assert!(markup.contains("locales/es/track-marks.ftl:31"), "{markup}");
    // A message es lacks points at the reference's line to translate from.
    let line = std::fs::read_to_string(guide.join("locales/en-US/track-marks.ftl"))
        .unwrap()
        .lines()
        .position(|l| l.starts_with("new-paragraph = "))
        .unwrap()
        + 1;
    let missing = row("new-paragraph");
    assert!(
        missing.contains("warning") && missing.contains("missing"),
        "{missing}"
    );
    assert!(
        missing.contains(&format!("locales/en-US/track-marks.ftl:{line}")),
        "{missing}"
    );
    let json_missing = problems
        .iter()
        .find(|p| p["message_id"] == "new-paragraph")
        .unwrap();
    assert_eq!(json_missing["path"], "locales/en-US/track-marks.ftl");
    assert_eq!(json_missing["line"], line);
}

#[test]
fn since_reports_publishable_then_and_now_in_every_format() {
    let (_dir, guide) = edited_sample();
    // A line that is not Fluent: an error outside any message, which stops es publishing
    // (its message errors alone would only withhold those messages).
    edit(&guide.join("locales/es/track-marks.ftl"), |t| {
        format!("{t}\nesto no es fluent\n")
    });
    let (json, code) = coverage(&guide, &["--since", "HEAD", "--format", "json"]);
    assert_eq!(code, 0, "{json}");
    let v: Value = serde_json::from_str(&json).unwrap();
    let publishable = |locale: &str| {
        let l = entry_of(&v["since"]["locales"], locale);
        (l["publishable_then"].clone(), l["publishable_now"].clone())
    };
    assert_eq!(publishable("es"), (Value::Bool(true), Value::Bool(false)));
    assert_eq!(publishable("de"), (Value::Bool(false), Value::Bool(false)));
    assert_eq!(publishable("fr"), (Value::Bool(true), Value::Bool(true)));
    assert_eq!(
        v["since"]["reference"],
        serde_json::json!({
            "added": ["new-paragraph"],
            "changed": ["key-takeaways-item-1"],
            "removed": ["key-takeaways-image-alt-1"]
        })
    );
    let (text, _) = coverage(&guide, &["--since", "HEAD"]);
    let es_line = text
        .lines()
        .find(|l| l.starts_with("│ es ") && l.contains('→'))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(es_line.contains("yes → no"), "{es_line}");
    let (markdown, _) = coverage(&guide, &["--since", "HEAD", "--format", "markdown"]);
    assert!(
        markdown.contains(
            "| es | 100.0% | 98.9% | -1.1 | yes → no | — | `how-track-marks-form-item-3` | — |"
        ),
        "{markdown}"
    );
    assert!(
        markdown.contains("| de | 64.4% | 63.3% | -1.1 | no → no | `clotting-heading` | — | `key-takeaways-item-2` |"),
        "{markdown}"
    );
    // The HTML lists every ID added, changed and removed, and publishable then and now.
    let html = edited_sample_html(&guide);
    let page = scraper::Html::parse_document(&html);
    let reference = scraper::Selector::parse("#since-reference").unwrap();
    let reference = text_of(page.select(&reference).next().unwrap());
    for (what, id) in [
        ("Added (1)", "new-paragraph"),
        ("Changed (1)", "key-takeaways-item-1"),
        ("Removed (1)", "key-takeaways-image-alt-1"),
    ] {
        assert!(reference.contains(&format!("{what}: {id}")), "{reference}");
    }
    let row = |locale: &str| {
        let selector =
            scraper::Selector::parse(&format!("#since-locales tr[data-locale=\"{locale}\"] td"))
                .unwrap();
        page.select(&selector).map(text_of).collect::<Vec<_>>()
    };
    assert_eq!(
        row("es"),
        [
            "100.0%",
            "98.9%",
            "-1.1",
            "publishable",
            "not publishable",
            "—",
            "how-track-marks-form-item-3",
            "—"
        ]
    );
    assert_eq!(
        row("de")[3..],
        [
            "not publishable",
            "not publishable",
            "clotting-heading",
            "—",
            "key-takeaways-item-2"
        ]
    );
}

/// At a phone's width (390 CSS pixels) nothing is wider than the screen, and each table
/// fits (the wide ones become one card per row) or scrolls inside its own box; at a
/// desktop's width the tables stay tables.
#[test]
fn html_report_fits_a_phone_in_headless_chromium() {
    let Some(browser) = browser::chromium() else {
        return;
    };
    let (_dir, guide) = edited_sample();
    let page = guide.join("coverage.html");
    std::fs::write(&page, edited_sample_html(&guide)).unwrap();
    let target = repo_root().join("target/screenshots");
    std::fs::create_dir_all(&target).unwrap();
    let phone = browser::layout(&browser, &page, 390, 5000, &target.join("coverage-390.png"));
    assert_eq!(phone.viewport, 390.0);
    assert!(
        phone.scroll_width <= 390.0,
        "the page scrolls sideways: {} px; too wide: {:?}",
        phone.scroll_width,
        phone.overflowing
    );
    assert!(phone.overflowing.is_empty(), "{:?}", phone.overflowing);
    assert!(phone.tables.len() >= 5, "{:?}", phone.tables);
    for (table, fits, scrolls) in &phone.tables {
        assert!(*fits || *scrolls, "{table} is cut off");
        if !table.contains(".heat") {
            assert!(*fits, "{table} should fit a phone, not scroll");
        }
    }
    let desktop = browser::layout(
        &browser,
        &page,
        1280,
        2400,
        &target.join("coverage-1280.png"),
    );
    assert!(desktop.scroll_width <= 1280.0, "{:?}", desktop.overflowing);
    assert!(
        desktop.tables.iter().all(|(_, fits, _)| *fits),
        "{:?}",
        desktop.tables
    );
    if let Some(axe) = browser::axe() {
        let violations = browser::axe_violations(&browser, &axe, &page);
        assert!(violations.is_empty(), "axe: {violations:?}");
    }
}
