//! One article in one locale, as a page model the templates and the Markdown writer read:
//! the article's node tree with every block's text resolved along the locale's fallback
//! chain, marked with the locale it came from when that is not the page's own.

use super::bundles::{Bundle, FormatProblem, resolve};
use super::overlay;
use crate::source::{Article, Block, Node, Piece};
use fluent_bundle::FluentArgs;
use serde::Serialize;
use std::collections::HashMap;

/// A resolved piece of text in its three output forms.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Text {
    /// Safe HTML (overlay markup only, everything typed escaped).
    pub html: String,
    /// No markup, no isolation marks: for attributes and front matter.
    pub plain: String,
    /// Escaped CommonMark.
    pub markdown: String,
    /// The locale the text came from, when it is not the page's (a fallback).
    pub lang: Option<String>,
    /// Its direction, when it differs from the page's.
    pub dir: Option<&'static str>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum PageNode {
    Heading {
        level: u8,
        anchor: String,
        text: Text,
    },
    Paragraph {
        text: Text,
    },
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<PageNode>>,
    },
    Quote {
        children: Vec<PageNode>,
    },
    Table {
        head: Vec<Text>,
        rows: Vec<Vec<Text>>,
    },
    Image {
        /// Site-relative path of the copied image.
        src: String,
        alt: Text,
    },
    Rule,
}

/// An article page in one locale.
#[derive(Debug, Clone, Serialize)]
pub struct Page {
    pub locale: String,
    pub dir: &'static str,
    pub slug: String,
    pub title: Text,
    pub summary: Text,
    pub body: Vec<PageNode>,
    /// "Medically reviewed by ...", "Written by ...", "Last updated ...".
    pub byline: Vec<Text>,
    /// Blocks shown in another language (the notice shows when there are any), and all
    /// blocks.
    pub fallback_blocks: usize,
    pub total_blocks: usize,
    /// ISO dates from the source's front matter.
    pub written: String,
    pub reviewed: String,
    pub updated: String,
    pub reviewer: String,
    pub author: String,
}

/// What a page needs from the run: the chain of bundles for its article, and the images
/// that exist (source path to site path).
pub struct PageInput<'a> {
    pub locale: &'a str,
    pub chain: Vec<(&'a str, Option<&'a Bundle>)>,
    pub article_name: &'a str,
    pub images: &'a HashMap<String, String>,
    /// Translations not shown (a check error): the chain's next locale stands in.
    pub withheld: &'a super::publish::Withheld,
}

/// Resolves one message (or the page-string `id` with `args`) into [`Text`].
pub fn text(
    input: &PageInput<'_>,
    id: &str,
    args: Option<&FluentArgs>,
    links: &[crate::source::Link],
    fallback_source: Option<&Block>,
    counts: &mut (usize, usize),
    problems: &mut Vec<FormatProblem>,
) -> Text {
    counts.1 += 1;
    let page_dir = super::intl::direction(input.locale);
    let (raw, from) = match resolve(
        &input.chain,
        input.withheld,
        input.article_name,
        id,
        args,
        problems,
    ) {
        Some(r) => (r.text, input.chain[r.step].0),
        None => {
            // Not even the reference has it (split not run): the source's own words.
            let source = fallback_source.map(block_source).unwrap_or_default();
            let reference = input.chain.last().map_or(input.locale, |c| c.0);
            (source, reference)
        }
    };
    let content = overlay::parse(&raw, links);
    let fell_back = from != input.locale;
    // The notice is about text in another language: es-MX showing es text needs none.
    if primary_language(from) != primary_language(input.locale) {
        counts.0 += 1;
    }
    let dir = super::intl::direction(from);
    Text {
        html: overlay::to_html(&content),
        plain: overlay::to_plain(&content),
        markdown: overlay::to_markdown(&content),
        lang: fell_back.then(|| from.to_owned()),
        dir: (fell_back && dir != page_dir).then_some(dir),
    }
}

fn primary_language(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

fn block_source(block: &Block) -> String {
    block
        .pieces
        .iter()
        .map(|p| match p {
            Piece::Text(t) | Piece::Literal(t) => t.as_str(),
        })
        .collect()
}

/// Builds the page of `article` for `input.locale`.
pub fn build(article: &Article, input: &PageInput<'_>, problems: &mut Vec<FormatProblem>) -> Page {
    let mut counts = (0, 0);
    let block_text =
        |block: &Block, counts: &mut (usize, usize), problems: &mut Vec<FormatProblem>| {
            text(
                input,
                &block.id,
                None,
                &block.links,
                Some(block),
                counts,
                problems,
            )
        };
    let title = block_text(&article.title, &mut counts, problems);
    let summary = block_text(&article.summary, &mut counts, problems);
    let mut anchors: HashMap<String, usize> = HashMap::new();
    let body = nodes(
        &article.body,
        &mut |block, c, p| block_text(block, c, p),
        input,
        &mut anchors,
        &mut counts,
        problems,
    );
    let front = &article.front;
    let reviewer = format!("{}, {}", front.reviewer.name, front.reviewer.credentials);
    let mut byline = Vec::new();
    let mut page_counts = (0, 0);
    for (id, who_key, who, date) in [
        (
            "page-reviewed",
            "reviewer",
            reviewer.as_str(),
            front.reviewed.as_str(),
        ),
        (
            "page-written",
            "author",
            front.author.as_str(),
            front.written.as_str(),
        ),
        ("page-updated", "", "", front.updated.as_str()),
    ] {
        let mut args = FluentArgs::new();
        if !who_key.is_empty() {
            args.set(who_key, who.to_owned());
        }
        args.set("date", date.to_owned());
        byline.push(text(
            input,
            id,
            Some(&args),
            &[],
            None,
            &mut page_counts,
            problems,
        ));
    }
    Page {
        locale: input.locale.to_owned(),
        dir: super::intl::direction(input.locale),
        slug: article.slug().to_owned(),
        title,
        summary,
        body,
        byline,
        fallback_blocks: counts.0,
        total_blocks: counts.1,
        written: front.written.clone(),
        reviewed: front.reviewed.clone(),
        updated: front.updated.clone(),
        reviewer,
        author: front.author.clone(),
    }
}

type BlockText<'f> = dyn FnMut(&Block, &mut (usize, usize), &mut Vec<FormatProblem>) -> Text + 'f;

fn nodes(
    source: &[Node],
    block_text: &mut BlockText<'_>,
    input: &PageInput<'_>,
    anchors: &mut HashMap<String, usize>,
    counts: &mut (usize, usize),
    problems: &mut Vec<FormatProblem>,
) -> Vec<PageNode> {
    let mut out = Vec::with_capacity(source.len());
    for node in source {
        out.push(match node {
            Node::Heading { level, block } => {
                let n = anchors.entry(block.section.clone()).or_insert(0);
                *n += 1;
                let anchor = if *n == 1 {
                    block.section.clone()
                } else {
                    format!("{}-{n}", block.section)
                };
                PageNode::Heading {
                    level: (*level).clamp(2, 6),
                    anchor,
                    text: block_text(block, counts, problems),
                }
            }
            Node::Paragraph(block) => PageNode::Paragraph {
                text: block_text(block, counts, problems),
            },
            Node::List {
                ordered,
                start,
                items,
            } => PageNode::List {
                ordered: *ordered,
                start: *start,
                items: items
                    .iter()
                    .map(|item| nodes(item, block_text, input, anchors, counts, problems))
                    .collect(),
            },
            Node::Quote(inner) => PageNode::Quote {
                children: nodes(inner, block_text, input, anchors, counts, problems),
            },
            Node::Table { head, rows } => PageNode::Table {
                head: head
                    .iter()
                    .map(|b| block_text(b, counts, problems))
                    .collect(),
                rows: rows
                    .iter()
                    .map(|r| r.iter().map(|b| block_text(b, counts, problems)).collect())
                    .collect(),
            },
            Node::Image { src, alt } => match input.images.get(src) {
                Some(site_path) => PageNode::Image {
                    src: site_path.clone(),
                    alt: block_text(alt, counts, problems),
                },
                // The image file is not there: left out (reported by the caller).
                None => continue,
            },
            Node::Rule => PageNode::Rule,
        });
    }
    out
}
