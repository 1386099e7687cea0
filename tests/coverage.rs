//! `medloc coverage`: each format pinned on the shipped project, the HTML report in a real
//! headless Chromium (and the Nu HTML Checker), CI gates, and bad input.

mod common;

use common::{copy_tree, medloc, repo_root, shipped_project};
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

fn chromium() -> Option<PathBuf> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            std::env::var_os("PATH").and_then(|paths| {
                std::env::split_paths(&paths)
                    .map(|p| p.join(name))
                    .find(|p| p.is_file())
            })
        });
    if found.is_none() {
        assert!(
            std::env::var_os("MEDLOC_REQUIRE_BROWSER").is_none(),
            "MEDLOC_REQUIRE_BROWSER is set but no Chromium is installed"
        );
        eprintln!("skipped: no Chromium on PATH (install the chromium package to run this test)");
    }
    found
}

/// Runs headless Chromium on a file: the DOM after scripts ran, a screenshot, and every URL
/// the browser requested (from its network log).
fn open_in_chromium(browser: &Path, page: &Path, screenshot: &Path) -> (String, Vec<String>) {
    let profile = tempfile::tempdir().unwrap();
    let netlog = profile.path().join("netlog.json");
    let url = format!("file://{}", page.display());
    let base = |cmd: &mut Command| {
        cmd.args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1200,1600",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()));
    };
    let mut dump = Command::new(browser);
    base(&mut dump);
    let out = dump
        .arg(format!("--log-net-log={}", netlog.display()))
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut shot = Command::new(browser);
    base(&mut shot);
    let status = shot
        .arg(format!("--screenshot={}", screenshot.display()))
        .arg(&url)
        .output()
        .unwrap();
    assert!(status.status.success());
    let log = std::fs::read_to_string(&netlog).unwrap_or_default();
    let urls = log
        .split("\"url\":\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .map(str::to_owned)
        .collect();
    (dom, urls)
}

/// Chromium's own service traffic (update checks, time sync), not the page's.
fn is_browser_service(url: &str) -> bool {
    [
        "google.com/",
        "googleapis.com/",
        "gvt1.com/",
        "gstatic.com/",
    ]
    .iter()
    .any(|host| url.contains(host))
}

#[test]
fn html_report_in_headless_chromium() {
    let Some(browser) = chromium() else { return };
    let dir = hostile_project();
    let page = dir.path().join("coverage.html");
    medloc(dir.path())
        .args(["coverage", "--format", "html", "-o"])
        .arg(&page)
        .assert()
        .success();
    let target = repo_root().join("target/screenshots");
    std::fs::create_dir_all(&target).unwrap();
    let (dom, urls) = open_in_chromium(&browser, &page, &target.join("coverage.png"));
    assert!(dom.contains("<table id=\"locales\">"), "{dom}");
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
        dom.contains("<td lang=\"ar\" dir=\"rtl\">"),
        "Arabic translations are right-to-left"
    );
    // The injected script did not run and the injected image does not exist.
    assert!(!dom.contains("pwned</title>") && !dom.contains("<title>pwned"));
    assert!(!dom.contains("<img"));
    let page_requests: Vec<&String> = urls
        .iter()
        .filter(|u| !u.starts_with("file:") && !is_browser_service(u))
        .collect();
    assert!(
        page_requests.is_empty(),
        "the page made network requests: {page_requests:?}"
    );
    assert!(target.join("coverage.png").metadata().unwrap().len() > 10_000);
}

#[test]
fn html_report_passes_the_nu_html_checker() {
    let jar = std::env::var_os("MEDLOC_VNU_JAR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            repo_root().join("target/tools/node_modules/vnu-jar/build/dist/vnu.jar")
        });
    if !jar.is_file() || Command::new("java").arg("-version").output().is_err() {
        assert!(
            std::env::var_os("MEDLOC_REQUIRE_BROWSER").is_none(),
            "MEDLOC_REQUIRE_BROWSER is set but vnu.jar or java is missing"
        );
        eprintln!("skipped: no vnu.jar (npm install --prefix target/tools vnu-jar) or no java");
        return;
    }
    let dir = hostile_project();
    let page = dir.path().join("coverage.html");
    medloc(dir.path())
        .args(["coverage", "--format", "html", "-o"])
        .arg(&page)
        .assert()
        .success();
    let out = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .arg("--errors-only")
        .arg(&page)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
