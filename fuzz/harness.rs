//! What each fuzz target does with one input, shared by the targets (`fuzz_targets/*.rs`)
//! and by `tests/fuzz_regressions.rs`, which replays every saved crash input through the same
//! code. Only medloc's public API is used; a panic anywhere is a bug.

use medloc::catalog::{Catalog, FtlFile, LocaleFiles};
use medloc::check::{CheckOptions, Terms};
use medloc::project::Project;
use medloc::render::overlay;
use medloc::source::{Link, parse_article};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// The repository root (the shipped project), from the fuzz crate or the main one.
fn repo_root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    if here.join("l10n.toml").is_file() {
        here.to_owned()
    } else {
        here.parent().expect("fuzz/ has a parent").to_owned()
    }
}

/// The shipped project, its files and its compiled termbase: loaded once per process.
struct Shipped {
    project: Project,
    catalog: Catalog,
    terms: Terms,
    do_not_translate: Vec<String>,
}

fn shipped() -> &'static Shipped {
    static SHIPPED: OnceLock<Shipped> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let project = Project::load(&repo_root().join("l10n.toml")).expect("shipped project");
        let catalog = Catalog::load(&project, &project.locales).expect("shipped catalog");
        let termbase =
            medloc::terminology::Termbase::load_project(&project).expect("shipped termbase");
        let do_not_translate = termbase
            .concepts
            .iter()
            .flat_map(|c| c.languages.iter().flat_map(|l| l.terms.iter()))
            .filter(|t| t.do_not_translate)
            .map(|t| t.text.clone())
            .collect();
        let terms = Terms::new(termbase, &project.reference_locale, &project.locales);
        Shipped {
            project,
            catalog,
            terms,
            do_not_translate,
        }
    })
}

/// `check`: the input is one translation file of a shipped locale, checked against the
/// shipped reference with every rule and the termbase, then written in every report format.
/// The input's length picks the locale and whether it is the article or the shared `ui.ftl`
/// (so every byte of a seed stays text).
pub fn check(data: &[u8]) {
    let shipped = shipped();
    let Ok(text) = medloc::fsio::decode_text(Path::new("x.ftl"), data.to_vec()) else {
        return; // not UTF-8: medloc reports the file as unreadable and reads no further
    };
    let locales = &shipped.project.locales;
    let locale = &locales[data.len() % locales.len()];
    let rel = PathBuf::from(if (data.len() / locales.len()).is_multiple_of(2) {
        "track-marks.ftl"
    } else {
        "ui.ftl"
    });
    let shipped_locale = shipped.catalog.locales.iter().find(|l| &l.locale == locale);
    let paths = shipped_locale.map(|l| l.paths.clone()).unwrap_or_default();
    let shown = paths
        .get(&rel)
        .cloned()
        .unwrap_or_else(|| format!("locales/{locale}/{}", rel.display()));
    let mut files: BTreeMap<PathBuf, Arc<FtlFile>> = shipped
        .catalog
        .locales
        .iter()
        .find(|l| &l.locale == locale)
        .map(|l| l.files.clone())
        .unwrap_or_default();
    files.insert(rel.clone(), Arc::new(FtlFile::parse(rel, shown, text)));
    // A regional locale's parent as shipped, for the fallback (es for es-MX).
    let parent = locale.rsplit_once('-').map(|(p, _)| p);
    let mut others: Vec<LocaleFiles> = shipped
        .catalog
        .locales
        .iter()
        .filter(|l| Some(l.locale.as_str()) == parent)
        .map(|l| LocaleFiles {
            locale: l.locale.clone(),
            paths: l.paths.clone(),
            files: l.files.clone(),
            unreadable: Vec::new(),
            absent_dir: None,
        })
        .collect();
    others.push(LocaleFiles {
        locale: locale.clone(),
        paths,
        files,
        unreadable: Vec::new(),
        absent_dir: None,
    });
    let catalog = Catalog {
        reference: std::sync::Arc::clone(&shipped.catalog.reference),
        locales: others,
        fallbacks: Vec::new(),
        problems: Vec::new(),
    };
    let options = CheckOptions {
        locales: vec![locale.clone()],
        paths: Vec::new(),
        shard: None,
    };
    let report = medloc::check::check(
        &shipped.project,
        &catalog,
        &HashMap::new(),
        &shipped.do_not_translate,
        Some(&shipped.terms),
        &options,
    )
    .expect("the shipped policy is valid");
    // The reports of the findings the input shapes: a missing message is the same finding
    // whatever the input, and rendering a hundred of them would slow every run tenfold.
    let mut report = report;
    report.findings.retain(|f| f.rule != "missing-message");
    let mut sources = medloc::report::check_text::Sources::new();
    for files in std::iter::once(catalog.reference.as_ref()).chain(&catalog.locales) {
        for file in files.files.values() {
            sources.insert(file.shown.as_str(), file.text());
        }
    }
    // Every finding on its own (verbose), so each one's snippet is rendered.
    let detail = medloc::report::check_text::Detail {
        quiet: 0,
        verbose: true,
    };
    medloc::report::check_text::render(&report, &sources, false, detail);
    medloc::report::check_short::lines(&report.findings, detail);
    medloc::report::check_json::render(&report);
    medloc::report::check_sarif::render(&report);
}

const FRONT_MATTER: &str = "+++
title = \"Fuzz\"
slug = \"fuzz\"
summary = \"A fuzzed article.\"
author = \"A\"
reviewer = { name = \"R\", credentials = \"MD\" }
written = \"2024-01-01\"
reviewed = \"2024-01-02\"
updated = \"2024-01-03\"
+++
";

/// `split`: the input is a Markdown article (given a valid front matter unless it starts
/// with its own). It is split into a reference file, which must parse without Junk and
/// hold one message per block; splitting it again against that file must keep every ID
/// and write the same bytes (`split --check` on an unchanged article reports nothing).
pub fn split(data: &[u8]) {
    let Ok(text) = medloc::fsio::decode_text(Path::new("a.md"), data.to_vec()) else {
        return;
    };
    let text = if text.starts_with("+++\n") {
        text
    } else {
        format!("{FRONT_MATTER}{text}")
    };
    let path = Path::new("source/fuzz.md");
    let Ok(mut article) = parse_article(path, &text) else {
        return; // refused with a message (raw HTML, bad front matter): fine
    };
    medloc::source::ids::assign_ids(&mut article, &[]);
    let ftl = medloc::split::article_to_ftl(&article, "source/fuzz.md");
    let parsed = medloc::ftl::ParsedFile::new(ftl.clone());
    let (resource, errors) = parsed.resource();
    assert!(
        errors.is_empty(),
        "split wrote a reference file with syntax errors: {errors:?}\n{ftl}"
    );
    let messages = resource
        .body
        .iter()
        .filter(|e| matches!(e, fluent_syntax::ast::Entry::Message(_)))
        .count();
    assert_eq!(messages, article.blocks().len(), "{ftl}");

    let old = medloc::split::old_messages(&parsed);
    let mut again = parse_article(path, &text).expect("parsed once already");
    let alignment = medloc::source::ids::assign_ids(&mut again, &old);
    assert!(
        alignment.added.is_empty() && alignment.removed.is_empty(),
        "IDs changed on an unchanged article: {alignment:?}\n{ftl}"
    );
    assert_eq!(
        medloc::split::article_to_ftl(&again, "source/fuzz.md"),
        ftl,
        "a second split of an unchanged article wrote other bytes"
    );
}

/// `termbase`: the input is read as a TBX file and as a CSV glossary; what loads is
/// compiled into term matchers, which then search the input and a sample sentence.
pub fn termbase(data: &[u8]) {
    let Ok(text) = medloc::fsio::decode_text(Path::new("t.tbx"), data.to_vec()) else {
        return;
    };
    for name in ["terms.tbx", "terms.csv"] {
        let Ok(termbase) = medloc::terminology::Termbase::parse(Path::new(name), &text) else {
            continue;
        };
        let mut locales: Vec<String> = termbase
            .concepts
            .iter()
            .flat_map(|c| c.languages.iter().map(|l| l.lang.clone()))
            .collect();
        locales.sort();
        locales.dedup();
        locales.truncate(4);
        locales.extend(["en-US".to_owned(), "es-MX".to_owned()]);
        for locale in &locales {
            let matcher = medloc::terminology::matcher::Matcher::new(&termbase, locale);
            for haystack in [
                text.as_str(),
                "Seek care for an abscess or HIV: call SAMHSA.",
            ] {
                for m in matcher.find(haystack) {
                    assert!(
                        m.start <= m.end
                            && haystack.is_char_boundary(m.start)
                            && haystack.is_char_boundary(m.end),
                        "match {}..{} is not a range of the text",
                        m.start,
                        m.end
                    );
                }
                matcher.concepts(haystack);
            }
        }
    }
}

/// Source links offered to the overlay: safe ones, unsafe ones (which must never become a
/// link), and one whose target is the input's first line.
fn links(first_line: &str) -> Vec<Link> {
    let link = |name: &str, href: &str| Link {
        name: name.to_owned(),
        href: href.to_owned(),
    };
    vec![
        link("samhsa", "https://www.samhsa.gov/find-help"),
        link("mail", "mailto:help@example.org"),
        link("rel", "/es/track-marks.html#care"),
        link("js", "javascript:alert(1)"),
        link("js2", " JaVaScRiPt:alert(1)"),
        link("tab", "java\tscript:alert(1)"),
        link("data", "data:text/html,<script>alert(1)</script>"),
        link("quote", "https://x.org/\" onmouseover=\"alert(1)"),
        link("fuzz", first_line),
    ]
}

/// `overlay`: the input is a formatted message (its first line also a link target). The
/// HTML may hold only the overlay's own tags, with no event handler, no script or image,
/// and no link to a scheme other than http, https and mailto; plain text holds no
/// isolation mark; Markdown opens no Hugo shortcode.
pub fn overlay(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let first_line = text.split('\n').next().unwrap_or_default();
    let content = overlay::parse(text, &links(first_line));
    let html = overlay::to_html(&content);
    assert_safe_html(&html);
    let plain = overlay::to_plain(&content);
    assert!(
        !plain.contains(['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}']),
        "isolation mark left in plain text: {plain:?}"
    );
    let markdown = overlay::to_markdown(&content);
    assert!(
        !markdown.contains("{{<") && !markdown.contains("{{%"),
        "a Hugo shortcode in the Markdown: {markdown:?}"
    );
}

/// Every `<` of the HTML opens one of the overlay's tags: `<em>`, `<strong>`, `<bdi>` or
/// `<bdi dir="ltr|rtl">`, `<a href="...">` to a safe scheme, or their closing tags.
fn assert_safe_html(html: &str) {
    let lower = html.to_ascii_lowercase();
    assert!(
        !lower.contains("<script") && !lower.contains("<img"),
        "{html:?}"
    );
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let close = after
            .find('>')
            .unwrap_or_else(|| panic!("unclosed tag in {html:?}"));
        let tag = &after[..close];
        rest = &after[close + 1..];
        if let Some(href) = tag
            .strip_prefix("a href=\"")
            .and_then(|t| t.strip_suffix('"'))
        {
            assert!(!href.contains('"'), "quote inside href in {html:?}");
            assert_safe_href(&unescape_html(href), html);
            continue;
        }
        assert!(
            matches!(
                tag,
                "em" | "/em"
                    | "strong"
                    | "/strong"
                    | "/a"
                    | "bdi"
                    | "bdi dir=\"ltr\""
                    | "bdi dir=\"rtl\""
                    | "/bdi"
            ),
            "unexpected tag <{tag}> in {html:?}"
        );
    }
}

fn unescape_html(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// A browser's view of the scheme: ASCII tab and newline removed anywhere, leading and
/// trailing C0 controls and spaces trimmed, case folded.
fn assert_safe_href(href: &str, html: &str) {
    let url: String = href
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase();
    if let Some(colon) = url.find(':') {
        let scheme = &url[..colon];
        if !scheme.contains(['/', '?', '#']) {
            assert!(
                matches!(scheme, "http" | "https" | "mailto"),
                "link to scheme {scheme:?} in {html:?}"
            );
        }
    }
    assert!(
        !url.starts_with("javascript:"),
        "javascript: link in {html:?}"
    );
}
