//! Markdown for static-site generators, in the shape Hugo's multilingual mode reads: one
//! content directory per language (`content/<locale>/<slug>.md`), TOML front matter
//! written by a TOML serializer (so no translated title can break out of it), and a
//! `hugo.toml` with the languages, their names and directions. Text that fell back to
//! another locale carries a Goldmark block attribute `{lang="..."}` (enabled in hugo.toml).

use super::page::{Page, PageNode, Text};
use serde::Serialize;
use std::fmt::Write as _;

/// The front matter of one page.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct FrontMatter<'a> {
    title: &'a str,
    description: &'a str,
    slug: &'a str,
    translation_key: &'a str,
    date: &'a str,
    lastmod: &'a str,
    lang: &'a str,
    reviewer: &'a str,
    reviewed: &'a str,
    /// The byline lines, formatted for the locale.
    byline: Vec<&'a str>,
    /// The localized "parts are not translated" notice, when some are not.
    #[serde(skip_serializing_if = "Option::is_none")]
    notice: Option<&'a str>,
    fallback_blocks: usize,
}

/// The Markdown file of a page. `notice` is the localized fallback notice.
pub fn page(page: &Page, notice: &str) -> String {
    // One line each: TOML would write a multi-line string with its lines verbatim, and a
    // line `+++` inside it would end the front matter for Hugo.
    let title = one_line(&page.title.plain);
    let description = one_line(&page.summary.plain);
    let byline: Vec<String> = page.byline.iter().map(|t| one_line(&t.plain)).collect();
    let notice = one_line(notice);
    let front = FrontMatter {
        title: &title,
        description: &description,
        slug: &page.slug,
        translation_key: &page.slug,
        date: &page.written,
        lastmod: &page.updated,
        lang: &page.locale,
        reviewer: &page.reviewer,
        reviewed: &page.reviewed,
        byline: byline.iter().map(String::as_str).collect(),
        notice: (page.fallback_blocks > 0).then_some(notice.as_str()),
        fallback_blocks: page.fallback_blocks,
    };
    let mut out = String::from("+++\n");
    // Serializing plain strings, numbers and lists cannot fail.
    out.push_str(&toml::to_string(&front).unwrap_or_default());
    out.push_str("+++\n\n");
    paragraph(&mut out, &page.summary, "");
    nodes(&mut out, &page.body, "");
    out
}

/// The text on one line: line breaks and other control characters become spaces.
fn one_line(text: &str) -> String {
    text.split(|c: char| c.is_control())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A language's `_index.md` (its home page title).
pub fn index(title: &str, locale: &str) -> String {
    #[derive(Serialize)]
    struct Front<'a> {
        title: &'a str,
        lang: &'a str,
    }
    format!(
        "+++\n{}+++\n",
        toml::to_string(&Front {
            title: &one_line(title),
            lang: locale
        })
        .unwrap_or_default()
    )
}

fn attribute(text: &Text) -> Option<String> {
    let lang = text.lang.as_deref()?;
    let mut attr = format!("lang=\"{lang}\"");
    if let Some(dir) = text.dir {
        let _ = write!(attr, " dir=\"{dir}\"");
    }
    Some(attr)
}

fn paragraph(out: &mut String, text: &Text, indent: &str) {
    out.push_str(indent);
    out.push_str(&text.markdown);
    out.push('\n');
    if let Some(attr) = attribute(text) {
        let _ = writeln!(out, "{indent}{{{attr}}}");
    }
    out.push('\n');
}

fn nodes(out: &mut String, list: &[PageNode], indent: &str) {
    for node in list {
        match node {
            PageNode::Heading {
                level,
                anchor,
                text,
            } => {
                let attr = attribute(text).map(|a| format!(" {a}")).unwrap_or_default();
                let _ = writeln!(
                    out,
                    "{indent}{} {} {{#{anchor}{attr}}}\n",
                    "#".repeat(usize::from(*level)),
                    text.markdown
                );
            }
            PageNode::Paragraph { text } => paragraph(out, text, indent),
            PageNode::List {
                ordered,
                start,
                items,
            } => {
                // Goldmark renders a tight list's paragraphs as bare text, dropping their
                // block attributes: a list with a fallback item is written loose, so each
                // item's paragraph (and its lang and dir) is kept.
                let loose = items.iter().any(|item| {
                    item.iter()
                        .any(|n| matches!(n, PageNode::Paragraph { text } if text.lang.is_some()))
                });
                for (i, item) in items.iter().enumerate() {
                    if loose && i > 0 {
                        out.push('\n');
                    }
                    let marker = if *ordered {
                        format!("{}. ", *start + i as u64)
                    } else {
                        "- ".to_owned()
                    };
                    let inner_indent = format!("{indent}{}", " ".repeat(marker.len()));
                    let mut inner = String::new();
                    nodes(&mut inner, item, &inner_indent);
                    let inner = inner.trim_start().trim_end();
                    let _ = writeln!(out, "{indent}{marker}{inner}");
                }
                out.push('\n');
            }
            PageNode::Quote { children } => {
                let mut inner = String::new();
                nodes(&mut inner, children, "");
                for line in inner.trim_end().lines() {
                    let _ = writeln!(out, "{indent}> {line}");
                }
                out.push('\n');
            }
            PageNode::Table { head, rows } => {
                let row = |cells: &[Text]| {
                    let joined: Vec<&str> = cells.iter().map(|c| c.markdown.as_str()).collect();
                    format!("{indent}| {} |\n", joined.join(" | "))
                };
                out.push_str(&row(head));
                let _ = writeln!(out, "{indent}|{}", " --- |".repeat(head.len()));
                for r in rows {
                    out.push_str(&row(r));
                }
                out.push('\n');
            }
            PageNode::Image { src, alt } => {
                let _ = writeln!(out, "{indent}![{}](<../../{src}>)\n", alt.markdown);
            }
            PageNode::Rule => {
                let _ = writeln!(out, "{indent}* * *\n");
            }
        }
    }
}

/// One language of the Hugo configuration.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HugoLanguage {
    pub language_code: String,
    pub language_name: String,
    pub language_direction: &'static str,
    pub content_dir: String,
    pub weight: usize,
    pub title: String,
}

/// `hugo.toml` for the Markdown output: the languages, the reference as the default,
/// and Goldmark block attributes on (for `{lang=...}` on fallback paragraphs).
pub fn hugo_config(
    base_url: &str,
    reference: &str,
    languages: Vec<(String, HugoLanguage)>,
) -> String {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Config {
        #[serde(rename = "baseURL")]
        base_url: String,
        default_content_language: String,
        default_content_language_in_subdir: bool,
        disable_kinds: Vec<&'static str>,
        markup: toml::Value,
        languages: std::collections::BTreeMap<String, HugoLanguage>,
    }
    let markup: toml::Value = toml::from_str(
        "[goldmark.parser.attribute]\nblock = true\ntitle = true\n[goldmark.renderer]\nunsafe = false\n",
    )
    .unwrap_or(toml::Value::Table(Default::default()));
    let config = Config {
        base_url: base_url.to_owned(),
        default_content_language: reference.to_lowercase(),
        default_content_language_in_subdir: true,
        disable_kinds: vec!["taxonomy", "term", "RSS"],
        markup,
        languages: languages
            .into_iter()
            .map(|(k, v)| (k.to_lowercase(), v))
            .collect(),
    };
    format!(
        "# Written by medloc render --format md. Build with: hugo --source <this directory>\n{}",
        toml::to_string(&config).unwrap_or_default()
    )
}

/// Minimal Hugo layouts, so the output builds on its own; a site's theme replaces them.
pub const LAYOUTS: &[(&str, &str)] = &[
    (
        "layouts/_default/baseof.html",
        include_str!("../../templates/hugo/baseof.html"),
    ),
    (
        "layouts/_default/single.html",
        include_str!("../../templates/hugo/single.html"),
    ),
    (
        "layouts/_default/list.html",
        include_str!("../../templates/hugo/list.html"),
    ),
];
