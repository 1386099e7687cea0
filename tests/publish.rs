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
    // No sync ever ran, and check says each translation of the message is stale, with the
    // English before and after.
    assert!(!root.join(".medloc").exists());
    let (checked, _, _) = run(root, &["check"]);
    for locale in PUBLISHED {
        let stale = checked
            .split("warning[stale-translation]")
            .skip(1)
            .find(|f| f.contains(&format!("locales/{locale}/track-marks.ftl")))
            .unwrap_or_else(|| panic!("{locale}: not stale: {checked}"));
        assert!(
            stale.contains("[-a few days or weeks.-] {+3 to 14 days.+}"),
            "{stale}"
        );
        assert!(
            stale.contains("the English then: \"Track marks can heal within a few days or weeks."),
            "{stale}"
        );
    }
    // The locale under the threshold says its withheld message counted as missing.
    assert!(
        stdout.contains("skipped de: 63.3% translated (counting 1 message with a check error as missing), below the 80% threshold"),
        "{stdout}"
    );
    // The coverage report says what the render did: one decision, one answer.
    let (json, _, _) = run(root, &["coverage", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    for l in report["locales"].as_array().unwrap() {
        let locale = l["locale"].as_str().unwrap();
        let rendered = site.join(locale).join("track-marks.html").is_file();
        assert_eq!(
            l["publishable"].as_bool(),
            Some(rendered),
            "{locale}: {json}"
        );
        assert!(
            l["errors"].as_u64().unwrap() >= 1 || locale == "en-US",
            "{locale}"
        );
    }
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
            stderr.contains("error: would unpublish fr (")
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

/// Asserts that every image of `page` has loaded in Chromium (naturalWidth > 0).
fn assert_images_load(chromium: &Path, page: &Path, label: &str) {
    let images = browser::probe(
        chromium,
        page,
        "Array.prototype.map.call(document.images,function(i){return [i.getAttribute('src'),i.complete&&i.naturalWidth>0]})",
    );
    let images = images.as_array().unwrap();
    assert!(!images.is_empty(), "{label}: no image");
    for image in images {
        assert_eq!(image[1], true, "{label}: {image} did not load");
    }
}

/// Builds the Hugo site in `source` into `public` (root-relative URLs).
fn hugo_build(hugo: &Path, source: &Path, public: &Path) {
    let out = Command::new(hugo)
        .args(["--quiet", "--baseURL", "/", "--source"])
        .arg(source)
        .arg("--destination")
        .arg(public)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
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
        assert_images_load(&chromium, &page, locale);
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
    hugo_build(&hugo, &hugo_dir, &public);
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
    assert_images_load(&chromium, &page, "hugo es");
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

/// For each English list item and paragraph of a right-to-left page, where its marker and
/// its text sit: `[kind, text, li.right <= list.right - 8 (room for the marker on the
/// start side), text hugs the item's right edge, the final full stop is right of the first
/// letter]`.
const RTL_PROBE: &str = r#"(function () {
  function textRect(el, first) {
    var w = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), n, nodes = [];
    while ((n = w.nextNode())) { if (n.data.trim()) nodes.push(n); }
    var node = first ? nodes[0] : nodes[nodes.length - 1];
    var r = document.createRange();
    var text = node.data.replace(/\s+$/, '');
    var at = first ? node.data.search(/\S/) : text.length - 1;
    r.setStart(node, at); r.setEnd(node, at + 1);
    return r.getBoundingClientRect();
  }
  function whole(el) { var r = document.createRange(); r.selectNodeContents(el); return r.getBoundingClientRect(); }
  var out = [];
  document.querySelectorAll('main li[lang="en-US"], main li:has(> p[lang="en-US"])').forEach(function (li) {
    var list = li.parentElement.getBoundingClientRect(), box = li.getBoundingClientRect(), text = whole(li);
    out.push(['li', li.textContent.trim().slice(0, 30), box.right <= list.right - 8,
      Math.abs(text.right - box.right) < 2, getComputedStyle(li).direction]);
  });
  document.querySelectorAll('main p[lang="en-US"]').forEach(function (p) {
    var t = p.textContent.trim();
    if (!/[.]$/.test(t)) return;
    out.push(['p', t.slice(0, 30), textRect(p, false).left > textRect(p, true).left,
      getComputedStyle(p).direction === 'ltr', getComputedStyle(p).direction]);
  });
  return out;
})()"#;

fn assert_rtl_layout(chromium: &Path, page: &Path, shot: &str) {
    let shots = common::repo_root().join("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let _ = browser::visit(chromium, page, &shots.join(shot));
    let found = browser::probe(chromium, page, RTL_PROBE);
    let found = found.as_array().unwrap();
    let items = found.iter().filter(|f| f[0] == "li").count();
    let paragraphs = found.iter().filter(|f| f[0] == "p").count();
    assert!(items >= 2 && paragraphs >= 2, "{shot}: {found:?}");
    for f in found {
        assert_eq!(f[2], true, "{shot}: {f}");
        assert_eq!(f[3], true, "{shot}: {f}");
        if f[0] == "li" {
            assert_eq!(
                f[4], "rtl",
                "{shot}: the item keeps the list's direction: {f}"
            );
        }
    }
}

#[test]
fn english_blocks_on_a_right_to_left_page_keep_bullets_and_punctuation_in_place() {
    let Some(chromium) = browser::chromium() else {
        return;
    };
    let dir = shipped_project();
    assert_eq!(run(dir.path(), &["render"]).2, 0);
    let page = dir.path().join("dist/site/ar/track-marks.html");
    assert_rtl_layout(&chromium, &page, "publish-ar-html.png");

    let (stdout, stderr, code) = run(dir.path(), &["render", "--format", "md"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let Some(hugo) = browser::hugo() else {
        return;
    };
    let public = dir.path().join("public");
    hugo_build(&hugo, &dir.path().join("dist/hugo"), &public);
    let page = public.join("ar/track-marks/index.html");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("<p lang=\"en-US\" dir=\"ltr\">"), "{html}");
    assert_rtl_layout(&chromium, &page, "publish-ar-hugo.png");
}

#[test]
fn pages_for_readers_print_well_and_the_root_fits_a_phone() {
    let dir = shipped_project();
    assert_eq!(run(dir.path(), &["render"]).2, 0);
    let site = dir.path().join("dist/site");
    let es = std::fs::read_to_string(site.join("es/track-marks.html")).unwrap();
    // No tool version for readers; the generator meta stays.
    assert!(!es.contains("<footer><p>medloc"), "{es}");
    assert!(es.contains("<meta name=\"generator\" content=\"medloc"));
    // A print stylesheet: no switcher, link targets after the link text, page breaks.
    let print = es
        .split("@media print{")
        .nth(1)
        .expect("a print stylesheet");
    let print = print.split("</style>").next().unwrap();
    for rule in [
        "nav.languages",
        "display:none",
        "::after{content:\" (\" attr(href) \")\"",
        "break-after:avoid",
        "break-inside:avoid",
    ] {
        assert!(print.contains(rule), "{rule}: {print}");
    }
    // The root page names each language once, under one heading.
    let root = std::fs::read_to_string(site.join("index.html")).unwrap();
    let doc = scraper::Html::parse_document(&root);
    let h1: Vec<String> = doc
        .select(&scraper::Selector::parse("h1").unwrap())
        .map(|h| h.text().collect())
        .collect();
    assert_eq!(h1, ["Health guides"]);
    let links = doc
        .select(&scraper::Selector::parse("main a").unwrap())
        .count();
    assert_eq!(links, 6);
    for endonym in ["Español", "العربية", "Français"] {
        assert_eq!(
            root.matches(&format!(">{endonym}<")).count(),
            1,
            "{endonym}"
        );
    }
    let Some(chromium) = browser::chromium() else {
        return;
    };
    let shots = common::repo_root().join("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let layout = browser::layout(
        &chromium,
        &site.join("index.html"),
        390,
        844,
        &shots.join("publish-root-390.png"),
    );
    assert!(
        layout.scroll_width <= layout.viewport,
        "{}",
        layout.scroll_width
    );
    assert!(layout.overflowing.is_empty(), "{:?}", layout.overflowing);
}
