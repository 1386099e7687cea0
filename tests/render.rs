//! `medloc render` and `medloc build` as publishers use them: the shipped guide in every
//! publishable locale, byte-identical output whatever the thread count, safe rewrites,
//! inert translator input, bad templates and outputs; and the pages in a real browser, the
//! Nu HTML Checker, axe-core and Hugo.

mod common;

use common::browser;
use common::{medloc, replace_in, repo_root, shipped_project, tree};
use std::path::{Path, PathBuf};

fn render(dir: &Path, args: &[&str]) -> (String, String, i32) {
    let out = medloc(dir).arg("render").args(args).output().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

fn html_files(dir: &Path) -> Vec<PathBuf> {
    tree(dir)
        .into_keys()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .map(|p| dir.join(p))
        .collect()
}

#[test]
fn the_shipped_guide_renders_in_every_publishable_locale() {
    let dir = shipped_project();
    let (stdout, stderr, code) = render(dir.path(), &[]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(
        stdout.contains("skipped de: 64.4% translated, below the 80% threshold"),
        "{stdout}"
    );
    let site = dir.path().join("dist/site");
    for locale in ["en-US", "ar", "es", "es-MX", "fr", "zh-CN"] {
        assert!(
            site.join(locale).join("track-marks.html").is_file(),
            "{locale}"
        );
        assert!(site.join(locale).join("index.html").is_file(), "{locale}");
    }
    assert!(!site.join("de").exists(), "de is below the threshold");
    let es = std::fs::read_to_string(site.join("es/track-marks.html")).unwrap();
    insta::assert_snapshot!("es_page", es);
    let sitemap = std::fs::read_to_string(site.join("sitemap.xml")).unwrap();
    // 2 pages (index and guide) x 6 locales, each with 6 alternates and x-default.
    assert_eq!(sitemap.matches("<url>").count(), 12);
    assert_eq!(sitemap.matches("hreflang=").count(), 12 * 7);

    // --all renders de too, its gaps in English.
    let (stdout, _, code) = render(dir.path(), &["--all"]);
    assert_eq!(code, 0, "{stdout}");
    let de = std::fs::read_to_string(site.join("de/track-marks.html")).unwrap();
    assert!(de.contains("<html lang=\"de\" dir=\"ltr\">"));
    assert!(de.contains("class=\"notice\""));
    assert!(de.contains(" lang=\"en-US\""));
}

#[test]
fn the_page_model_marks_fallback_text_and_formats_dates() {
    let dir = shipped_project();
    let (_, _, code) = render(dir.path(), &[]);
    assert_eq!(code, 0);
    let site = dir.path().join("dist/site");
    let ar = std::fs::read_to_string(site.join("ar/track-marks.html")).unwrap();
    assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(ar.contains("<p class=\"notice\" role=\"note\">"));
    // 11 Arabic messages are missing: their blocks are English, left-to-right (the image's
    // alt text among them), plus the switcher's link; a list item keeps the list's
    // direction (its bullet inside the list) and isolates its text.
    let marked = ar.matches(" lang=\"en-US\" dir=\"ltr\"").count();
    let items = ar.matches("<li lang=\"en-US\"><span dir=\"ltr\">").count();
    assert_eq!((marked, items), (5, 7));
    assert!(ar.contains("17 ديسمبر 2024"), "CLDR date in Arabic");
    let es = std::fs::read_to_string(site.join("es/track-marks.html")).unwrap();
    assert!(!es.contains("class=\"notice\""), "es is complete");
    assert!(es.contains("<bdi>17 de diciembre de 2024</bdi>"));
    let mx = std::fs::read_to_string(site.join("es-MX/track-marks.html")).unwrap();
    assert!(
        !mx.contains("class=\"notice\""),
        "es-MX falls back to es, not to English"
    );
    assert!(mx.contains(" lang=\"es\""), "blocks from es say so");
    assert!(mx.contains(">Español de México</a>"), "CLDR endonym");
    let zh = std::fs::read_to_string(site.join("zh-CN/track-marks.html")).unwrap();
    assert!(zh.contains("2024年12月17日"));
}

#[test]
fn output_is_byte_identical_whatever_the_thread_count() {
    let dir = shipped_project();
    for format in ["html", "md"] {
        let one = dir.path().join(format!("one-{format}"));
        let four = dir.path().join(format!("four-{format}"));
        for (jobs, out) in [("1", &one), ("4", &four)] {
            let (stdout, stderr, code) = render(
                dir.path(),
                &[
                    "--all",
                    "--format",
                    format,
                    "--jobs",
                    jobs,
                    "--out",
                    out.to_str().unwrap(),
                ],
            );
            assert_eq!(code, 0, "{stdout}{stderr}");
        }
        let (a, b) = (tree(&one), tree(&four));
        assert!(a.len() > 10, "{format}: {} files", a.len());
        assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
        for (path, bytes) in &a {
            assert!(bytes == &b[path], "{format}: {} differs", path.display());
        }
    }
}

#[test]
fn rerendering_keeps_unchanged_files_and_drops_removed_locales() {
    let dir = shipped_project();
    assert_eq!(render(dir.path(), &[]).2, 0);
    let site = dir.path().join("dist/site");
    let es = site.join("es/track-marks.html");
    let past = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000_000);
    std::fs::File::options()
        .write(true)
        .open(&es)
        .unwrap()
        .set_modified(past)
        .unwrap();
    // Nothing changed: nothing is rewritten.
    let (stdout, _, code) = render(dir.path(), &[]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains(": 0 written, 15 unchanged, 0 removed"),
        "{stdout}"
    );
    assert_eq!(std::fs::metadata(&es).unwrap().modified().unwrap(), past);
    // A locale leaves the project: its files go (every page's switcher changes too), once
    // the render is told it may take a published locale down.
    replace_in(&dir.path().join("l10n.toml"), "\"fr\", ", "");
    let (stdout, _, code) = render(dir.path(), &["--allow-unpublish"]);
    assert_eq!(code, 0);
    assert!(!site.join("fr").exists(), "fr was removed from the project");
    assert!(stdout.contains(", 2 removed"), "{stdout}");
    // Nothing is left beside the output.
    let beside: Vec<_> = std::fs::read_dir(dir.path().join("dist"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(beside, ["site"]);
}

/// The shipped project with hostile text in the Spanish title and paragraphs.
fn hostile_project() -> tempfile::TempDir {
    let dir = shipped_project();
    let es = dir.path().join("locales/es/track-marks.ftl");
    let text = std::fs::read_to_string(&es).unwrap();
    let mut out = String::new();
    for line in text.lines() {
        if line.starts_with("title = ") {
            // Braces are Fluent syntax: a translator types them as { "}" }.
            out.push_str("title =\n    Marcas \"{ \"}\" } +++ <script>alert('t')</script>\n    +++\n    injected = true\n");
        } else if line.starts_with("intro-para-1 = ") {
            out.push_str("intro-para-1 = <img src=x onerror=\"alert(1)\"> <a href=\"javascript:alert(2)\">clic</a> <em onmouseover=\"alert(3)\">x</em> <a data-l10n-name=\"nope\" href=\"javascript:alert(4)\">y</a> { \"{{\" }< shortcode >{ \"}}\" } <iframe src=\"https://evil.example\"></iframe>\n");
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    std::fs::write(&es, out).unwrap();
    dir
}

#[test]
fn translator_markup_is_inert_in_html_and_markdown() {
    let dir = hostile_project();
    let (stdout, stderr, code) = render(dir.path(), &["--all"]);
    assert!(code == 0 || code == 1, "{stdout}{stderr}");
    let page = std::fs::read_to_string(dir.path().join("dist/site/es/track-marks.html")).unwrap();
    let doc = scraper::Html::parse_document(&page);
    let all = scraper::Selector::parse("*").unwrap();
    for element in doc.select(&all) {
        let el = element.value();
        // The article's own image is the only one (its src comes from the source article).
        let article_image = el.attr("src") == Some("../media/images/track-marks-bruise.jpg");
        assert!(
            !matches!(el.name(), "script" | "iframe" | "object" | "embed")
                && (el.name() != "img" || article_image),
            "a <{}> element came through",
            el.name()
        );
        for (name, value) in el.attrs() {
            assert!(!name.starts_with("on"), "an {name} attribute came through");
            assert!(
                !value.trim().to_ascii_lowercase().starts_with("javascript:"),
                "a javascript: URL came through"
            );
        }
    }
    // The typed text is still there, as text (not a fallback to English).
    assert!(page.contains("Marcas"), "the hostile title was rendered");
    assert!(page.contains("&lt;script&gt;alert"));
    assert!(page.contains("&lt;img src=x onerror="));

    let (_, _, code) = render(dir.path(), &["--all", "--format", "md"]);
    assert!(code == 0 || code == 1);
    let md =
        std::fs::read_to_string(dir.path().join("dist/hugo/content/es/track-marks.md")).unwrap();
    let front = md
        .strip_prefix("+++\n")
        .and_then(|rest| rest.split_once("\n+++\n"))
        .map(|(front, _)| front)
        .expect("front matter between +++ lines");
    let parsed: toml::Table = toml::from_str(front).expect("valid TOML front matter");
    assert!(
        !parsed.contains_key("injected"),
        "front matter was broken out of"
    );
    assert_eq!(
        parsed["title"].as_str().unwrap(),
        "Marcas \"} +++ <script>alert('t')</script> +++ injected = true"
    );
    let body = md.split_once("\n+++\n").map(|(_, body)| body).unwrap();
    assert!(!body.contains("{{<"), "a Hugo shortcode survived: {body}");
    // Every typed `<` is escaped (`\<`), so CommonMark reads no HTML.
    let unescaped = body.replace("\\<", "");
    assert!(body.contains("\\<img src"), "{body}");
    assert!(
        !unescaped.contains("<img") && !unescaped.contains("<iframe"),
        "{body}"
    );
}

#[test]
fn bad_templates_and_outputs_get_clear_errors() {
    let dir = shipped_project();
    // A template with a syntax error: named with its line, exit 2.
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    std::fs::write(
        dir.path().join("templates/article.html"),
        "<!DOCTYPE html>\n<p>\n{% for x in %}\n",
    )
    .unwrap();
    let (_, stderr, code) = render(dir.path(), &[]);
    assert_eq!(code, 2);
    assert!(stderr.contains("templates/article.html:3"), "{stderr}");
    // A template naming a variable that does not exist.
    std::fs::write(
        dir.path().join("templates/article.html"),
        "<!DOCTYPE html>\n<p>{{ page.no_such_field.x }}</p>\n",
    )
    .unwrap();
    let (_, stderr, code) = render(dir.path(), &[]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("templates/article.html:2") && stderr.contains("undefined"),
        "{stderr}"
    );
    std::fs::remove_dir_all(dir.path().join("templates")).unwrap();

    // The output is a file: refused, the file untouched.
    std::fs::write(dir.path().join("precious"), "keep me").unwrap();
    let (_, stderr, code) = render(dir.path(), &["--out", "precious"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("is a file"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("precious")).unwrap(),
        "keep me"
    );

    // A message that fails to format: reported, the block falls back, the page renders.
    replace_in(
        &dir.path().join("locales/es/track-marks.ftl"),
        "intro-para-1 = ",
        "intro-para-1 = { $nobody } ",
    );
    // check reports the unknown variable as an error, so es is not publishable: --all.
    let (stdout, stderr, code) = render(dir.path(), &["--all"]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    assert!(
        stderr.contains("es track-marks `intro-para-1` failed to format"),
        "{stderr}"
    );
    let es = std::fs::read_to_string(dir.path().join("dist/site/es/track-marks.html")).unwrap();
    assert!(es.contains("<p lang=\"en-US\">Track marks are needle puncture wounds"));
}

#[test]
fn a_locale_without_messages_renders_in_fallback() {
    let dir = shipped_project();
    replace_in(
        &dir.path().join("l10n.toml"),
        "locales = [",
        "locales = [\"it\", ",
    );
    let (stdout, _, code) = render(dir.path(), &[]);
    assert_eq!(code, 0);
    assert!(stdout.contains("skipped it: 0.0% translated"), "{stdout}");
    let (_, _, code) = render(dir.path(), &["--all"]);
    assert_eq!(code, 0);
    let it = std::fs::read_to_string(dir.path().join("dist/site/it/track-marks.html")).unwrap();
    assert!(it.contains("<html lang=\"it\" dir=\"ltr\">"));
    assert!(it.contains("class=\"notice\""));
    assert!(it.contains("<h1 lang=\"en-US\">What Are Track Marks?"));
}

// ---- as readers and publishers see it ----

#[test]
fn rendered_pages_in_headless_chromium() {
    let Some(chromium) = browser::chromium() else {
        return;
    };
    let dir = shipped_project();
    assert_eq!(render(dir.path(), &[]).2, 0);
    let site = dir.path().join("dist/site");
    let shots = repo_root().join("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    for locale in ["es", "ar", "es-MX"] {
        let page = site.join(locale).join("track-marks.html");
        let shot = shots.join(format!("render-{locale}.png"));
        let visit = browser::visit(&chromium, &page, &shot);
        let dom = &visit.dom;
        let dir_attr = if locale == "ar" { "rtl" } else { "ltr" };
        assert!(
            dom.contains(&format!("<html lang=\"{locale}\" dir=\"{dir_attr}\">")),
            "{locale}: {}",
            &dom[..200.min(dom.len())]
        );
        assert!(
            visit.console.is_empty(),
            "{locale}: console: {:?}",
            visit.console
        );
        assert!(
            browser::network_requests(&visit).is_empty(),
            "{locale}: requests: {:?}",
            browser::network_requests(&visit)
        );
        // Every language-switcher link leads to a page that exists.
        let doc = scraper::Html::parse_document(dom);
        let links = scraper::Selector::parse("nav.languages a").unwrap();
        let targets: Vec<String> = doc
            .select(&links)
            .map(|a| a.value().attr("href").unwrap().to_owned())
            .collect();
        assert_eq!(targets.len(), 6, "{locale}: {targets:?}");
        for href in targets {
            assert!(
                page.parent().unwrap().join(&href).is_file(),
                "{locale}: {href}"
            );
        }
        if locale == "ar" {
            assert!(dom.contains("<p class=\"notice\" role=\"note\">"));
            let fallback = scraper::Selector::parse(
                "main [lang=\"en-US\"][dir=\"ltr\"], main li[lang=\"en-US\"] > span[dir=\"ltr\"]",
            )
            .unwrap();
            // 11 Arabic messages are missing, so 11 blocks show in English (one is the
            // image's alt text).
            let marked = doc.select(&fallback).count();
            assert_eq!(marked, 11, "fallback blocks are marked");
        }
        assert!(shot.metadata().unwrap().len() > 10_000);
    }
}

#[test]
fn rendered_pages_pass_the_nu_checker_and_axe() {
    let dir = shipped_project();
    assert_eq!(render(dir.path(), &["--all"]).2, 0);
    let site = dir.path().join("dist/site");
    let pages = html_files(&site);
    assert!(pages.len() >= 15, "{pages:?}");
    if let Some(jar) = browser::vnu() {
        let errors = browser::vnu_errors(&jar, &pages);
        assert!(errors.is_empty(), "{errors}");
    }
    let (Some(chromium), Some(axe)) = (browser::chromium(), browser::axe()) else {
        return;
    };
    for page in [
        site.join("es/track-marks.html"),
        site.join("ar/track-marks.html"),
        site.join("de/track-marks.html"),
        site.join("ar/index.html"),
        site.join("index.html"),
    ] {
        let serious: Vec<_> = browser::axe_violations(&chromium, &axe, &page)
            .into_iter()
            .filter(|(_, impact, _)| impact == "serious" || impact == "critical")
            .collect();
        assert!(serious.is_empty(), "{}: {serious:?}", page.display());
    }
}

#[test]
fn hugo_builds_the_markdown_output() {
    let Some(hugo) = browser::hugo() else { return };
    let dir = hostile_project();
    let (stdout, stderr, code) = render(dir.path(), &["--all", "--format", "md"]);
    assert!(code == 0 || code == 1, "{stdout}{stderr}");
    let public = dir.path().join("public");
    let out = std::process::Command::new(hugo)
        .arg("--source")
        .arg(dir.path().join("dist/hugo"))
        .arg("--destination")
        .arg(&public)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let ar = std::fs::read_to_string(public.join("ar/track-marks/index.html")).unwrap();
    assert!(ar.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(
        ar.contains("lang=\"en-US\""),
        "fallback blocks keep their language"
    );
    assert!(ar.contains("hreflang=\"es-MX\""));
    let es = std::fs::read_to_string(public.join("es/track-marks/index.html")).unwrap();
    let doc = scraper::Html::parse_document(&es);
    let scripts = scraper::Selector::parse(
        "script, img:not([src$=\"/track-marks-bruise.jpg\"]), iframe, [onerror], [onmouseover]",
    )
    .unwrap();
    assert_eq!(doc.select(&scripts).count(), 0, "{es}");
    assert!(
        es.contains("{{&lt; shortcode &gt;}}"),
        "the shortcode is shown as text"
    );
}
