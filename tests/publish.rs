//! Publishing that never takes a guide down by surprise: a translation with a check error
//! falls back block by block instead of unpublishing its locale; a render that would remove
//! a published locale's pages refuses unless told; every reference in the output resolves.

mod common;

use common::browser;
use common::{medloc, replace_in, shipped_project, tree};
use std::path::{Path, PathBuf};
use std::process::Command;

fn run(dir: &Path, args: &[&str]) -> (String, String, i32) {
    let out = medloc(dir).args(args).output().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {out:?}");
}

const PUBLISHED: [&str; 5] = ["ar", "es", "es-MX", "fr", "zh-CN"];

#[test]
fn an_english_edit_takes_no_locale_offline() {
    let dir = shipped_project();
    let root = dir.path();
    git(root, &["init", "-q", "-b", "main"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "the shipped project"]);
    let (stdout, stderr, code) = run(root, &["render"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let site = root.join("dist/site");
    for locale in PUBLISHED {
        assert!(
            site.join(locale).join("track-marks.html").is_file(),
            "{locale}"
        );
    }

    // A number changes in the English; the translations still carry the old one.
    replace_in(
        &root.join("source/track-marks.md"),
        "a few days or weeks",
        "3 to 14 days",
    );
    git(root, &["commit", "-q", "-am", "heal within 3 to 14 days"]);
    assert_eq!(run(root, &["split"]).2, 0);
    let (stdout, stderr, code) = run(root, &["render"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(!stdout.contains("skipped es"), "{stdout}");
    assert!(stdout.contains(", 0 removed"), "{stdout}");
    for locale in PUBLISHED {
        let page = std::fs::read_to_string(site.join(locale).join("track-marks.html")).unwrap();
        let english = page
            .lines()
            .find(|l| l.contains("Track marks can heal within 3 to 14 days"))
            .unwrap_or_else(|| panic!("{locale}: the changed block is not in English"));
        assert!(english.contains(" lang=\"en-US\""), "{locale}: {english}");
        assert!(
            page.contains("class=\"notice\""),
            "{locale}: no fallback notice"
        );
        assert!(
            stdout.contains(&format!(
                "fallback {locale}: 1 message with a check error shown from the next locale of its chain (number-mismatch: 1)"
            )),
            "{stdout}"
        );
    }
    // The locale under the threshold says its withheld message counted as missing.
    assert!(
        stdout.contains("skipped de: 63.3% translated (counting 1 message with a check error as missing), below the 80% threshold"),
        "{stdout}"
    );
}

#[test]
fn a_render_that_would_unpublish_a_locale_keeps_the_old_site() {
    let dir = shipped_project();
    let root = dir.path();
    for format in ["html", "md"] {
        let out = root.join(format!("out-{format}"));
        let out = out.to_str().unwrap();
        let args = ["render", "--format", format, "--out", out];
        assert_eq!(run(root, &args).2, 0);
        let before = tree(Path::new(out));
        // fr loses its guide: 0% of it translated, under the threshold.
        let fr = root.join("locales/fr/track-marks.ftl");
        let saved = std::fs::read(&fr).unwrap();
        std::fs::remove_file(&fr).unwrap();
        let (stdout, stderr, code) = run(root, &args);
        assert_eq!(code, 1, "{format}: {stdout}{stderr}");
        assert!(
            stderr.contains("error: fr would be unpublished (")
                && stderr.contains("below the 80% threshold"),
            "{format}: {stderr}"
        );
        let page = if format == "html" {
            "fr/track-marks.html"
        } else {
            "content/fr/track-marks.md"
        };
        assert!(stderr.contains(page), "{format}: {stderr}");
        assert!(stderr.contains("--allow-unpublish"), "{stderr}");
        assert!(
            tree(Path::new(out)) == before,
            "{format}: the old site changed"
        );

        let mut allowed = args.to_vec();
        allowed.push("--allow-unpublish");
        let (stdout, stderr, code) = run(root, &allowed);
        assert_eq!(code, 0, "{format}: {stdout}{stderr}");
        assert!(stdout.contains("unpublished fr ("), "{format}: {stdout}");
        assert!(!Path::new(out).join(page).exists(), "{format}");
        std::fs::write(&fr, saved).unwrap();
    }
}

/// Every `src` and `href` of the HTML files under `site` that is not absolute, resolved
/// against the file's directory (fragment and query dropped), which is missing.
fn unresolved(site: &Path) -> Vec<String> {
    let mut missing = Vec::new();
    let selector = scraper::Selector::parse("[src], [href]").unwrap();
    for rel in tree(site).into_keys() {
        if rel.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let path = site.join(&rel);
        let html = scraper::Html::parse_document(&std::fs::read_to_string(&path).unwrap());
        for element in html.select(&selector) {
            for attr in ["src", "href"] {
                let Some(url) = element.value().attr(attr) else {
                    continue;
                };
                if url.contains("://") || url.starts_with("mailto:") || url.starts_with('#') {
                    continue;
                }
                let file = url.split(['#', '?']).next().unwrap_or(url);
                let target: PathBuf = if let Some(abs) = file.strip_prefix('/') {
                    site.join(abs)
                } else {
                    path.parent().unwrap().join(file)
                };
                let target = if file.ends_with('/') || target.is_dir() {
                    target.join("index.html")
                } else {
                    target
                };
                if !target.is_file() {
                    missing.push(format!("{}: {attr}={url}", rel.display()));
                }
            }
        }
    }
    missing
}

#[test]
fn every_reference_of_the_html_site_resolves() {
    let dir = shipped_project();
    // Without site_url every link is relative: each must resolve on disk.
    replace_in(
        &dir.path().join("l10n.toml"),
        "site_url = \"https://example.org/health-guides/\"",
        "",
    );
    let (stdout, stderr, code) = run(dir.path(), &["render"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(!stderr.contains("not found"), "{stderr}");
    let site = dir.path().join("dist/site");
    assert!(site.join("media/images/track-marks-bruise.jpg").is_file());
    let missing = unresolved(&site);
    assert!(missing.is_empty(), "{missing:#?}");

    let Some(chromium) = browser::chromium() else {
        return;
    };
    for locale in ["en-US", "es", "ar"] {
        let page = site.join(locale).join("track-marks.html");
        let images = browser::probe(
            &chromium,
            &page,
            "Array.prototype.map.call(document.images,function(i){return [i.getAttribute('src'),i.complete&&i.naturalWidth>0]})",
        );
        let images = images.as_array().unwrap();
        assert!(!images.is_empty(), "{locale}: no image");
        for image in images {
            assert_eq!(image[1], true, "{locale}: {image} did not load");
        }
    }
}

#[test]
fn every_reference_of_the_hugo_site_resolves() {
    let dir = shipped_project();
    let (stdout, stderr, code) = run(dir.path(), &["render", "--format", "md"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let hugo_dir = dir.path().join("dist/hugo");
    assert!(
        hugo_dir
            .join("static/media/images/track-marks-bruise.jpg")
            .is_file()
    );
    let Some(hugo) = browser::hugo() else {
        return;
    };
    let public = dir.path().join("public");
    let out = Command::new(hugo)
        .args(["--quiet", "--source"])
        .arg(&hugo_dir)
        .arg("--destination")
        .arg(&public)
        .args(["--baseURL", "/"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let missing = unresolved(&public);
    assert!(missing.is_empty(), "{missing:#?}");
    let Some(chromium) = browser::chromium() else {
        return;
    };
    let page = public.join("es/track-marks/index.html");
    assert!(
        page.is_file(),
        "{:?}",
        tree(&public).keys().collect::<Vec<_>>()
    );
    let images = browser::probe(
        &chromium,
        &page,
        "Array.prototype.map.call(document.images,function(i){return [i.getAttribute('src'),i.complete&&i.naturalWidth>0]})",
    );
    let images = images.as_array().unwrap();
    assert!(!images.is_empty(), "no image on the Hugo page");
    for image in images {
        assert_eq!(image[1], true, "hugo es: {image} did not load");
    }
}

#[test]
fn a_new_project_renders_its_image_without_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let (stdout, stderr, code) = run(dir.path(), &["init", "guides"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let project = dir.path().join("guides");
    assert!(
        project
            .join("source/images/track-marks-bruise.jpg")
            .is_file()
    );
    let (stdout, stderr, code) = run(&project, &["render"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(!stderr.contains("not found"), "{stderr}");
    assert!(
        project
            .join("dist/site/media/images/track-marks-bruise.jpg")
            .is_file()
    );
}

#[test]
fn a_directory_that_is_not_a_medloc_site_is_never_replaced() {
    let dir = shipped_project();
    let other = dir.path().join("my-blog");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("post.html"), "mine").unwrap();
    let (stdout, stderr, code) = run(dir.path(), &["render", "--out", "my-blog"]);
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(stderr.contains("not a site medloc rendered"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(other.join("post.html")).unwrap(),
        "mine"
    );
    // A site medloc rendered is marked, and replaced on the next render.
    assert_eq!(run(dir.path(), &["render", "--out", "site"]).2, 0);
    assert!(dir.path().join("site/.medloc-site").is_file());
    assert_eq!(run(dir.path(), &["render", "--out", "site"]).2, 0);
}
