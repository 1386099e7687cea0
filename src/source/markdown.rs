//! Markdown (CommonMark with tables and heading attributes, through pulldown-cmark) to the
//! article model. Inline markup becomes Fluent DOM-overlay markup: `<em>`, `<strong>`, and
//! `<a data-l10n-name="...">` whose URL stays in the source.
//!
//! Handling of unusual input, by design:
//! - a leading byte-order mark is dropped and CRLF read as LF (see `error::read_text`);
//! - raw HTML (blocks or inline) is refused with its line: it cannot be translated safely;
//!   HTML comments are allowed and ignored;
//! - an image inside running text is refused: put it in a paragraph of its own;
//! - a block whose text is empty after parsing (e.g. `** **`) yields no message;
//! - a heading that slugifies to nothing gets the section slug `section-N`; a duplicate
//!   heading gets `-2`, `-3`; both can be pinned with `{#id}` after the heading text;
//! - a heading with the class `.faq` makes the headings below it questions and their text
//!   answers; one with `.references` makes its list items cited references, where
//!   emphasised text is a cited title kept verbatim.

mod builder;

use super::{Article, Block, BlockKind, FrontMatter, Piece};
use crate::error::{Error, Result, line_of};
use builder::Builder;
use std::path::Path;

/// Parses an article's text (already decoded, LF line ends). `path` is for messages.
pub fn parse_article(path: &Path, text: &str) -> Result<Article> {
    let err = |line: usize, message: String| Error::Source {
        path: path.to_owned(),
        line,
        message,
    };
    let (front_text, body, body_line) = split_front_matter(text).map_err(|(l, m)| err(l, m))?;
    let front: FrontMatter = toml::from_str(front_text).map_err(|e| {
        let line = e.span().map_or(2, |s| line_of(front_text, s.start) + 1);
        err(line, format!("front matter: {}", e.message().trim_end()))
    })?;
    check_front_matter(&front).map_err(|m| err(1, m))?;
    let (body_nodes, notes) = Builder::new(path, body, body_line, &front.title).build()?;
    let Some(body_nodes) = body_nodes else {
        return Err(err(body_line, "unbalanced Markdown structure".to_owned()));
    };
    let fixed = |kind, text: &str| Block {
        id: kind_id(kind).to_owned(),
        kind,
        section: "front-matter".to_owned(),
        section_title: "Front matter".to_owned(),
        pieces: escape_pieces(text),
        links: Vec::new(),
        line: 1,
    };
    Ok(Article {
        path: path.to_owned(),
        title: fixed(BlockKind::Title, &front.title),
        summary: fixed(BlockKind::Summary, &front.summary),
        front,
        body: body_nodes,
        notes,
    })
}

fn kind_id(kind: BlockKind) -> &'static str {
    kind.id_word()
}

/// Splits `+++` TOML front matter from the body. Returns the front matter text, the body
/// and the 1-based line the body starts on.
fn split_front_matter(text: &str) -> std::result::Result<(&str, &str, usize), (usize, String)> {
    let Some(rest) = text.strip_prefix("+++\n") else {
        return Err((
            1,
            "missing front matter: the article must start with a line `+++`, the TOML fields \
             (title, slug, summary, author, reviewer, written, reviewed, updated), and a closing `+++`"
                .to_owned(),
        ));
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let front = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let body_line = 2 + front.matches('\n').count() + 1;
            return Ok((front, body, body_line));
        }
        offset += line.len();
    }
    Err((
        1,
        "unterminated front matter: no closing `+++` line; add one after the last field".to_owned(),
    ))
}

fn check_front_matter(front: &FrontMatter) -> std::result::Result<(), String> {
    let slug_ok = !front.slug.is_empty()
        && front.slug.starts_with(|c: char| c.is_ascii_lowercase())
        && front
            .slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !slug_ok {
        return Err(format!(
            "front matter: slug {:?} must be lowercase ASCII letters, digits and hyphens, starting with a letter (it names the .ftl file)",
            front.slug
        ));
    }
    for (name, value) in [
        ("written", &front.written),
        ("reviewed", &front.reviewed),
        ("updated", &front.updated),
    ] {
        if !is_iso_date(value) {
            return Err(format!(
                "front matter: {name} = {value:?} is not an ISO 8601 date; write it as YYYY-MM-DD"
            ));
        }
    }
    for (name, value) in [("title", &front.title), ("summary", &front.summary)] {
        if value.trim().is_empty() {
            return Err(format!("front matter: {name} is empty"));
        }
    }
    Ok(())
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().ok();
    matches!(
        (num(0..4), num(5..7), num(8..10)),
        (Some(_), Some(1..=12), Some(1..=31))
    )
}

/// Escapes text for a DOM-overlay message: `<` and `>` always, `&` where it would start
/// an entity. Braces become string literals, since Fluent reserves them.
pub(super) fn escape_pieces(text: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    push_text(&mut pieces, text);
    pieces
}

pub(super) fn push_text(pieces: &mut Vec<Piece>, text: &str) {
    let mut buf = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        match c {
            '<' => buf.push_str("&lt;"),
            '>' => buf.push_str("&gt;"),
            '&' if looks_like_entity(&bytes[i + 1..]) => buf.push_str("&amp;"),
            '{' | '}' => {
                if !buf.is_empty() {
                    push_plain(pieces, std::mem::take(&mut buf));
                }
                pieces.push(Piece::Literal(c.to_string()));
            }
            '\n' => buf.push(' '),
            _ => buf.push(c),
        }
    }
    if !buf.is_empty() {
        push_plain(pieces, buf);
    }
}

pub(super) fn push_plain(pieces: &mut Vec<Piece>, text: String) {
    if let Some(Piece::Text(last)) = pieces.last_mut() {
        last.push_str(&text);
    } else {
        pieces.push(Piece::Text(text));
    }
}

fn looks_like_entity(rest: &[u8]) -> bool {
    let end = rest.iter().position(|&b| b == b';');
    matches!(end, Some(n) if n > 0 && n < 32 && rest[..n].iter().all(|b| b.is_ascii_alphanumeric() || *b == b'#'))
}
