//! Source articles: Markdown with TOML front matter, parsed into an [`Article`], a tree of
//! [`Node`]s whose text-bearing [`Block`]s each become one Fluent message. Message IDs are
//! given by [`ids::assign_ids`]. This module reads Markdown; it writes nothing.

pub mod ids;
mod markdown;

pub use markdown::parse_article;

use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// A parsed source article.
#[derive(Debug, Clone)]
pub struct Article {
    pub path: PathBuf,
    pub front: FrontMatter,
    /// Title and summary, as blocks with the fixed IDs `title` and `summary`.
    pub title: Block,
    pub summary: Block,
    pub body: Vec<Node>,
    /// Things the author should know about that did not stop the parse.
    pub notes: Vec<String>,
}

/// The front matter, between `+++` lines at the top of the article.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    pub slug: String,
    pub summary: String,
    pub author: String,
    pub reviewer: Reviewer,
    /// ISO 8601 dates (`YYYY-MM-DD`).
    pub written: String,
    pub reviewed: String,
    pub updated: String,
    #[serde(default)]
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Reviewer {
    pub name: String,
    pub credentials: String,
}

/// The structure of an article body.
#[derive(Debug, Clone)]
pub enum Node {
    Heading {
        level: u8,
        block: Block,
    },
    Paragraph(Block),
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<Node>>,
    },
    Quote(Vec<Node>),
    Table {
        head: Vec<Block>,
        rows: Vec<Vec<Block>>,
    },
    /// An image on its own line; `alt` is its translatable alternative text.
    Image {
        src: String,
        alt: Block,
    },
    Rule,
}

/// What kind of text a block is: it shapes the message ID and the translator comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    Title,
    Summary,
    Heading,
    Paragraph,
    Item,
    Quote,
    Cell,
    ImageAlt,
    Question,
    Answer,
    Reference,
}

impl BlockKind {
    /// The word used in message IDs.
    pub fn id_word(self) -> &'static str {
        match self {
            BlockKind::Title => "title",
            BlockKind::Summary => "summary",
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "para",
            BlockKind::Item => "item",
            BlockKind::Quote => "quote",
            BlockKind::Cell => "cell",
            BlockKind::ImageAlt => "image-alt",
            BlockKind::Question => "question",
            BlockKind::Answer => "answer",
            BlockKind::Reference => "ref",
        }
    }

    /// How the block is described to translators.
    pub fn describe(self) -> &'static str {
        match self {
            BlockKind::Title => "Page title",
            BlockKind::Summary => "Summary shown under the title and in listings",
            BlockKind::Heading => "Section heading",
            BlockKind::Paragraph => "Paragraph",
            BlockKind::Item => "List item",
            BlockKind::Quote => "Quoted paragraph",
            BlockKind::Cell => "Table cell",
            BlockKind::ImageAlt => {
                "Image description (alt text) for readers who cannot see the image"
            }
            BlockKind::Question => "FAQ question",
            BlockKind::Answer => "FAQ answer",
            BlockKind::Reference => "Cited reference",
        }
    }

    /// Headings and questions open a section; the others live in one.
    pub fn is_heading(self) -> bool {
        matches!(self, BlockKind::Heading | BlockKind::Question)
    }
}

/// A piece of message text: plain text (with inline overlay markup), or a literal that
/// must stay verbatim and is written as a Fluent string literal `{ "..." }`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    Literal(String),
}

/// One translatable unit of an article: becomes one Fluent message.
#[derive(Debug, Clone)]
pub struct Block {
    /// The message ID, empty until [`ids::assign_ids`] runs.
    pub id: String,
    pub kind: BlockKind,
    /// The slug of the section the block is in (`intro` before the first heading).
    pub section: String,
    /// The heading text of that section, for translator comments.
    pub section_title: String,
    pub pieces: Vec<Piece>,
    /// Links in the text, by their `data-l10n-name`.
    pub links: Vec<Link>,
    /// 1-based line in the source file.
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub name: String,
    pub href: String,
}

impl Block {
    /// The text as a translator sees it, literals unquoted: used to compare versions.
    pub fn display(&self) -> String {
        let mut out = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(t) | Piece::Literal(t) => out.push_str(t),
            }
        }
        out
    }
}

impl Article {
    /// Every block in document order: title, summary, then the body.
    pub fn blocks(&self) -> Vec<&Block> {
        let mut out = vec![&self.title, &self.summary];
        collect_blocks(&self.body, &mut out);
        out
    }

    /// The same, mutable, for ID assignment.
    pub fn blocks_mut(&mut self) -> Vec<&mut Block> {
        let mut out = vec![&mut self.title, &mut self.summary];
        collect_blocks_mut(&mut self.body, &mut out);
        out
    }

    pub fn slug(&self) -> &str {
        &self.front.slug
    }
}

fn collect_blocks<'a>(nodes: &'a [Node], out: &mut Vec<&'a Block>) {
    for node in nodes {
        match node {
            Node::Heading { block, .. } | Node::Paragraph(block) => out.push(block),
            Node::Image { alt, .. } => out.push(alt),
            Node::List { items, .. } => items.iter().for_each(|i| collect_blocks(i, out)),
            Node::Quote(inner) => collect_blocks(inner, out),
            Node::Table { head, rows } => {
                out.extend(head.iter());
                rows.iter().for_each(|r| out.extend(r.iter()));
            }
            Node::Rule => {}
        }
    }
}

fn collect_blocks_mut<'a>(nodes: &'a mut [Node], out: &mut Vec<&'a mut Block>) {
    for node in nodes {
        match node {
            Node::Heading { block, .. } | Node::Paragraph(block) => out.push(block),
            Node::Image { alt, .. } => out.push(alt),
            Node::List { items, .. } => items.iter_mut().for_each(|i| collect_blocks_mut(i, out)),
            Node::Quote(inner) => collect_blocks_mut(inner, out),
            Node::Table { head, rows } => {
                out.extend(head.iter_mut());
                rows.iter_mut().for_each(|r| out.extend(r.iter_mut()));
            }
            Node::Rule => {}
        }
    }
}

/// A section slug: ASCII letters and digits of the text (accents stripped), joined by
/// hyphens, at most six words, trailing small words dropped. Empty when the text has no
/// such letters (the caller then numbers the section).
pub fn slugify(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    const SMALL: &[&str] = &[
        "a", "an", "and", "or", "the", "of", "to", "in", "on", "for", "with",
    ];
    let folded: String = text
        .nfkd()
        .filter(|c| c.is_ascii() || !unicode_normalization::char::is_combining_mark(*c))
        .filter(|c| *c != '\'' && *c != '\u{2019}')
        .collect::<String>()
        .to_ascii_lowercase();
    let mut words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(6)
        .collect();
    while words.len() > 1 && words.last().is_some_and(|w| SMALL.contains(w)) {
        words.pop();
    }
    let slug = words.join("-");
    if slug.starts_with(|c: char| c.is_ascii_digit()) {
        format!("s-{slug}")
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn slugs_are_short_ascii_identifiers() {
        assert_eq!(
            slugify("What are drug track marks?"),
            "what-are-drug-track-marks"
        );
        assert_eq!(
            slugify("How to recognize track marks and substance misuse"),
            "how-to-recognize-track-marks"
        );
        assert_eq!(slugify("Schädelverletzung"), "schadelverletzung");
        assert_eq!(slugify("‘Track marks’ don’t"), "track-marks-dont");
        assert_eq!(slugify("2024 update"), "s-2024-update");
        assert_eq!(slugify("常见问题"), "");
        assert_eq!(slugify("???"), "");
    }
}
