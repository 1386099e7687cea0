//! The Markdown events of an article's body to its blocks: the builder that
//! [`super::parse_article`] runs, one handler per kind of event.

use super::{push_plain, push_text};
use crate::error::{Error, Result};
use crate::source::{Block, BlockKind, Link, Node, Piece, slugify};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::HashMap;
use std::path::Path;

pub(super) enum Frame {
    Root(Vec<Node>),
    List {
        ordered: bool,
        start: u64,
        items: Vec<Vec<Node>>,
    },
    Item(Vec<Node>),
    Quote(Vec<Node>),
    Table {
        head: Vec<Block>,
        rows: Vec<Vec<Block>>,
        in_head: bool,
    },
    Row(Vec<Block>),
}

/// Text being collected for one block.
struct Inline {
    kind: InlineKind,
    pieces: Vec<Piece>,
    links: Vec<Link>,
    line: usize,
    /// Depth of emphasis inside a references item: such text is a cited title.
    cite_depth: usize,
    image: Option<(String, usize)>,
    in_image: bool,
    has_text: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum InlineKind {
    Heading(u8, Option<bool>),
    Paragraph,
    /// Text directly inside a tight list item.
    ItemText,
    Cell,
}

pub(super) struct Builder<'a> {
    path: &'a Path,
    text: &'a str,
    /// Byte offsets where lines start, for line numbers without rescanning the text.
    line_starts: Vec<usize>,
    line_offset: usize,
    section: String,
    section_title: String,
    slugs: HashMap<String, usize>,
    faq_level: Option<u8>,
    references_level: Option<u8>,
    in_question: bool,
    stack: Vec<Frame>,
    inline: Option<Inline>,
    notes: Vec<String>,
    /// The heading being read: its level, `{#id}` and classes.
    pending_heading: Option<(u8, Option<String>, Vec<String>)>,
    /// Inside an HTML comment that spans several events.
    in_comment: bool,
}

impl<'a> Builder<'a> {
    /// A builder for the body `text` of the article at `path`, whose first line is line
    /// `body_line` of the file.
    pub(super) fn new(path: &'a Path, text: &'a str, body_line: usize, title: &str) -> Builder<'a> {
        Builder {
            path,
            text,
            line_starts: crate::ftl::line_starts(text),
            line_offset: body_line - 1,
            section: "intro".to_owned(),
            section_title: title.to_owned(),
            slugs: HashMap::new(),
            faq_level: None,
            references_level: None,
            in_question: false,
            stack: vec![Frame::Root(Vec::new())],
            inline: None,
            notes: Vec::new(),
            pending_heading: None,
            in_comment: false,
        }
    }

    /// Reads the body: its nodes (`None` when the structure did not balance) and the notes
    /// for the author.
    pub(super) fn build(mut self) -> Result<(Option<Vec<Node>>, Vec<String>)> {
        self.run()?;
        let nodes = match self.stack.pop() {
            Some(Frame::Root(nodes)) => Some(nodes),
            _ => None,
        };
        Ok((nodes, self.notes))
    }

    fn line(&self, offset: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= offset) + self.line_offset
    }

    fn error(&self, offset: usize, message: impl Into<String>) -> Error {
        Error::Source {
            path: self.path.to_owned(),
            line: self.line(offset),
            message: message.into(),
        }
    }

    fn run(&mut self) -> Result<()> {
        let options = Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES;
        let text = self.text;
        for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
            let at = range.start;
            match event {
                Event::Start(tag) => self.start(tag, at)?,
                Event::End(tag) => self.end(tag, at)?,
                Event::Html(html) | Event::InlineHtml(html) => self.html(&html, at)?,
                Event::Text(t) => {
                    let inline = self.inline_for_text(at);
                    if !t.trim().is_empty() && !inline.in_image {
                        inline.has_text = true;
                    }
                    if inline.in_image || inline.cite_depth == 0 {
                        push_text(&mut inline.pieces, &t);
                    } else if let Some(Piece::Literal(lit)) = inline.pieces.last_mut() {
                        lit.push_str(&t.replace('\n', " "));
                    }
                }
                Event::Code(code) => {
                    let inline = self.inline_for_text(at);
                    inline.has_text = true;
                    inline.pieces.push(Piece::Literal(code.to_string()));
                }
                Event::SoftBreak | Event::HardBreak => {
                    if let Some(inline) = self.inline.as_mut() {
                        push_text(&mut inline.pieces, " ");
                    }
                }
                Event::Rule => {
                    self.flush_item_text()?;
                    self.push_node(Node::Rule)
                }
                Event::FootnoteReference(_)
                | Event::TaskListMarker(_)
                | Event::InlineMath(_)
                | Event::DisplayMath(_) => {
                    return Err(self.error(
                        at,
                        "unsupported Markdown construct (footnote, task list or math)",
                    ));
                }
            }
        }
        Ok(())
    }

    /// A block or inline element opens.
    fn start(&mut self, tag: Tag<'_>, at: usize) -> Result<()> {
        match tag {
            Tag::Heading {
                level, id, classes, ..
            } => {
                let level = heading_level(level);
                self.pending_heading = Some((
                    level,
                    id.map(|s| s.to_string()),
                    classes.iter().map(|c| c.to_string()).collect(),
                ));
                self.open_inline(InlineKind::Heading(level, None), at);
            }
            Tag::Paragraph => {
                self.flush_item_text()?;
                self.open_inline(InlineKind::Paragraph, at)
            }
            Tag::List(start) => {
                self.flush_item_text()?;
                self.stack.push(Frame::List {
                    ordered: start.is_some(),
                    start: start.unwrap_or(1),
                    items: Vec::new(),
                })
            }
            Tag::Item => self.stack.push(Frame::Item(Vec::new())),
            Tag::BlockQuote(_) => {
                self.flush_item_text()?;
                self.stack.push(Frame::Quote(Vec::new()))
            }
            Tag::Table(_) => self.stack.push(Frame::Table {
                head: Vec::new(),
                rows: Vec::new(),
                in_head: false,
            }),
            Tag::TableHead => {
                if let Some(Frame::Table { in_head, .. }) = self.stack.last_mut() {
                    *in_head = true;
                }
                self.stack.push(Frame::Row(Vec::new()));
            }
            Tag::TableRow => self.stack.push(Frame::Row(Vec::new())),
            Tag::TableCell => self.open_inline(InlineKind::Cell, at),
            Tag::Emphasis | Tag::Strong => {
                let strong = matches!(tag, Tag::Strong);
                let in_refs = self.references_level.is_some()
                    && self.stack.iter().any(|f| matches!(f, Frame::Item(_)));
                let inline = self.inline_for_text(at);
                if in_refs && !strong {
                    inline.cite_depth += 1;
                }
                if inline.cite_depth == 0 || strong {
                    push_text_raw(&mut inline.pieces, if strong { "<strong>" } else { "<em>" });
                } else if inline.cite_depth == 1 {
                    push_text_raw(&mut inline.pieces, "<em>");
                    inline.pieces.push(Piece::Literal(String::new()));
                }
            }
            Tag::Link { dest_url, .. } => {
                let inline = self.inline_for_text(at);
                let name = link_name(&dest_url, &inline.links);
                push_text_raw(
                    &mut inline.pieces,
                    &format!("<a data-l10n-name=\"{name}\">"),
                );
                inline.links.push(Link {
                    name,
                    href: dest_url.to_string(),
                });
            }
            Tag::Image { dest_url, .. } => {
                let inline = self.inline_for_text(at);
                if inline.has_text || inline.kind != InlineKind::Paragraph {
                    return Err(self.error(
                                at,
                                "an image inside running text or a heading cannot be translated; put the image in a paragraph of its own",
                            ));
                }
                inline.image = Some((dest_url.to_string(), at));
                inline.in_image = true;
            }
            Tag::CodeBlock(_) => {
                return Err(self.error(
                            at,
                            "code blocks are not translatable article content; remove it, or describe it in prose",
                        ));
            }
            Tag::HtmlBlock => {}
            Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_)
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript => {
                return Err(self.error(at, "unsupported Markdown construct; use headings, paragraphs, lists, quotes, tables, emphasis, links and images"));
            }
        }
        Ok(())
    }

    /// A block or inline element closes.
    fn end(&mut self, tag: TagEnd, at: usize) -> Result<()> {
        match tag {
            TagEnd::Heading(_) => {
                let (level, id, classes) = self.pending_heading.take().unwrap_or_default();
                self.close_heading(level, id, classes, at)?;
            }
            TagEnd::Paragraph => self.close_paragraph()?,
            TagEnd::TableCell => {
                if let Some(block) = self.close_inline_block(BlockKind::Cell)
                    && let Some(Frame::Row(cells)) = self.stack.last_mut()
                {
                    cells.push(block);
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                let Some(Frame::Row(cells)) = self.stack.pop() else {
                    return Ok(());
                };
                if let Some(Frame::Table {
                    head,
                    rows,
                    in_head,
                }) = self.stack.last_mut()
                {
                    if *in_head {
                        *head = cells;
                        *in_head = false;
                    } else {
                        rows.push(cells);
                    }
                }
            }
            TagEnd::Table => {
                if let Some(Frame::Table { head, rows, .. }) = self.stack.pop() {
                    self.push_node(Node::Table { head, rows });
                }
            }
            TagEnd::Item => {
                self.flush_item_text()?;
                if let Some(Frame::Item(nodes)) = self.stack.pop()
                    && let Some(Frame::List { items, .. }) = self.stack.last_mut()
                {
                    items.push(nodes);
                }
            }
            TagEnd::List(_) => {
                if let Some(Frame::List {
                    ordered,
                    start,
                    items,
                }) = self.stack.pop()
                {
                    self.push_node(Node::List {
                        ordered,
                        start,
                        items,
                    });
                }
            }
            TagEnd::BlockQuote(_) => {
                if let Some(Frame::Quote(nodes)) = self.stack.pop() {
                    self.push_node(Node::Quote(nodes));
                }
            }
            TagEnd::Emphasis | TagEnd::Strong => {
                let strong = matches!(tag, TagEnd::Strong);
                if let Some(inline) = self.inline.as_mut() {
                    if inline.cite_depth > 0 && !strong {
                        inline.cite_depth -= 1;
                        if inline.cite_depth == 0 {
                            push_text_raw(&mut inline.pieces, "</em>");
                        }
                    } else {
                        push_text_raw(
                            &mut inline.pieces,
                            if strong { "</strong>" } else { "</em>" },
                        );
                    }
                }
            }
            TagEnd::Image => {
                if let Some(inline) = self.inline.as_mut() {
                    inline.in_image = false;
                }
            }
            TagEnd::Link => {
                if let Some(inline) = self.inline.as_mut() {
                    push_text_raw(&mut inline.pieces, "</a>");
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Raw HTML: comments (which may span several events, one per line) are skipped;
    /// anything else is refused.
    fn html(&mut self, html: &str, at: usize) -> Result<()> {
        let trimmed = html.trim();
        // HTML comments may span several events (one per line).
        let was_in_comment = self.in_comment;
        if trimmed.starts_with("<!--") || self.in_comment {
            self.in_comment = !trimmed.contains("-->");
        }
        if !(trimmed.is_empty() || trimmed.starts_with("<!--") || was_in_comment) {
            return Err(self.error(
                at,
                format!(
                    "raw HTML ({}) cannot be translated safely; write it as Markdown",
                    trimmed.lines().next().unwrap_or_default()
                ),
            ));
        }
        Ok(())
    }

    fn open_inline(&mut self, kind: InlineKind, at: usize) {
        self.inline = Some(Inline {
            kind,
            pieces: Vec::new(),
            links: Vec::new(),
            line: self.line(at),
            cite_depth: 0,
            image: None,
            in_image: false,
            has_text: false,
        });
    }

    /// The open inline buffer; text straight inside a tight list item opens one.
    fn inline_for_text(&mut self, at: usize) -> &mut Inline {
        if self.inline.is_none() {
            self.open_inline(InlineKind::ItemText, at);
        }
        // cannot fail: opened just above when it was None.
        self.inline.as_mut().expect("just opened")
    }

    fn flush_item_text(&mut self) -> Result<()> {
        if self
            .inline
            .as_ref()
            .is_some_and(|i| i.kind == InlineKind::ItemText)
        {
            self.close_paragraph()?;
        }
        Ok(())
    }

    fn body_kind(&self) -> BlockKind {
        let in_item = self.stack.iter().any(|f| matches!(f, Frame::Item(_)));
        let in_quote = self.stack.iter().any(|f| matches!(f, Frame::Quote(_)));
        if self.references_level.is_some() && in_item {
            BlockKind::Reference
        } else if self.in_question {
            BlockKind::Answer
        } else if in_quote {
            BlockKind::Quote
        } else if in_item {
            BlockKind::Item
        } else {
            BlockKind::Paragraph
        }
    }

    fn close_paragraph(&mut self) -> Result<()> {
        if let Some((src, at)) = self.inline.as_ref().and_then(|i| i.image.clone()) {
            let kind_ok = self.inline.as_ref().is_some_and(|i| !i.has_text);
            let Some(alt) = self.close_inline_block(BlockKind::ImageAlt) else {
                return Err(self.error(
                    at,
                    "an image needs alternative text: write ![what the image shows](path)",
                ));
            };
            if !kind_ok {
                return Err(self.error(at, "an image inside running text cannot be translated; put it in a paragraph of its own"));
            }
            self.push_node(Node::Image { src, alt });
            return Ok(());
        }
        let kind = self.body_kind();
        if let Some(block) = self.close_inline_block(kind) {
            self.push_node(Node::Paragraph(block));
        }
        Ok(())
    }

    fn close_heading(
        &mut self,
        level: u8,
        id: Option<String>,
        classes: Vec<String>,
        at: usize,
    ) -> Result<()> {
        // Leaving a FAQ or references section when a heading of its level or above comes.
        if self.faq_level.is_some_and(|l| level <= l) {
            self.faq_level = None;
            self.in_question = false;
        }
        if self.references_level.is_some_and(|l| level <= l) {
            self.references_level = None;
        }
        let text = self
            .inline
            .as_ref()
            .map(|i| plain_text(&i.pieces))
            .unwrap_or_default();
        let base = match id {
            Some(id) => {
                if slugify(&id) != id {
                    return Err(self.error(at, format!("heading id {{#{id}}} must be lowercase ASCII letters, digits and hyphens")));
                }
                id
            }
            None => slugify(&text),
        };
        let base = if base.is_empty() {
            let n = self.slugs.len() + 1;
            self.notes.push(format!(
                "{}:{}: heading {text:?} has no ASCII letters to name its section; it is called section-{n} (pin a name with {{#name}})",
                self.path.display(),
                self.line(at)
            ));
            format!("section-{n}")
        } else {
            base
        };
        let count = self.slugs.entry(base.clone()).or_insert(0);
        *count += 1;
        self.section = if *count == 1 {
            base
        } else {
            format!("{base}-{count}")
        };
        self.section_title = text;
        let question = self.faq_level.is_some_and(|l| level > l);
        self.in_question = question;
        let kind = if question {
            BlockKind::Question
        } else {
            BlockKind::Heading
        };
        let block = self.close_inline_block(kind);
        if classes.iter().any(|c| c == "faq") {
            self.faq_level = Some(level);
        }
        if classes.iter().any(|c| c == "references") {
            self.references_level = Some(level);
        }
        match block {
            Some(block) => self.push_node(Node::Heading { level, block }),
            None => return Err(self.error(at, "empty heading: give it text or remove it")),
        }
        Ok(())
    }

    fn close_inline_block(&mut self, kind: BlockKind) -> Option<Block> {
        let inline = self.inline.take()?;
        let mut pieces = inline.pieces;
        trim_pieces(&mut pieces);
        if plain_text(&pieces).trim().is_empty() {
            return None;
        }
        Some(Block {
            id: String::new(),
            kind,
            section: self.section.clone(),
            section_title: self.section_title.clone(),
            pieces,
            links: inline.links,
            line: inline.line,
        })
    }

    fn push_node(&mut self, node: Node) {
        match self.stack.last_mut() {
            Some(Frame::Root(nodes) | Frame::Item(nodes) | Frame::Quote(nodes)) => nodes.push(node),
            _ => {
                // A block inside a list but outside an item cannot happen in CommonMark;
                // keep it rather than lose text.
                if let Some(Frame::Root(nodes)) = self.stack.first_mut() {
                    nodes.push(node);
                }
            }
        }
    }
}

fn push_text_raw(pieces: &mut Vec<Piece>, markup: &str) {
    push_plain(pieces, markup.to_owned());
}

/// The text without markup tags, for slugs and emptiness tests.
fn plain_text(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        match piece {
            Piece::Literal(t) => out.push_str(t),
            Piece::Text(t) => {
                let mut in_tag = false;
                for c in t.chars() {
                    match c {
                        '<' => in_tag = true,
                        '>' => in_tag = false,
                        c if !in_tag => out.push(c),
                        _ => {}
                    }
                }
            }
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn trim_pieces(pieces: &mut Vec<Piece>) {
    if let Some(Piece::Text(t)) = pieces.first_mut() {
        let trimmed = t.trim_start().to_owned();
        *t = trimmed;
    }
    if let Some(Piece::Text(t)) = pieces.last_mut() {
        let trimmed = t.trim_end().to_owned();
        *t = trimmed;
    }
    for piece in pieces.iter_mut() {
        if let Piece::Text(t) = piece
            && t.contains("  ")
        {
            *t = t
                .split(' ')
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
                + if t.ends_with(' ') { " " } else { "" };
        }
    }
    pieces.retain(|p| !matches!(p, Piece::Text(t) if t.is_empty()));
}

/// A `data-l10n-name` for a link: the URL's host without `www.` and top-level domain
/// (`findtreatment` for https://findtreatment.gov/), or `link`; numbered when repeated in
/// one message.
fn link_name(url: &str, existing: &[Link]) -> String {
    let host = url
        .split_once("://")
        .map(|(_, rest)| rest.split(['/', '?', '#']).next().unwrap_or_default())
        .unwrap_or_default();
    let host = host.strip_prefix("www.").unwrap_or(host);
    let stem = host.rsplit_once('.').map_or(host, |(h, _)| h);
    let mut base = slugify(&stem.replace('.', " "));
    if base.is_empty() || base.starts_with("s-") {
        base = "link".to_owned();
    }
    let mut name = base.clone();
    let mut n = 1;
    while existing.iter().any(|l| l.name == name) {
        n += 1;
        name = format!("{base}-{n}");
    }
    name
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}
