//! `medloc split`: each source article to its reference Fluent file, keeping message IDs
//! stable (see `source::ids`). Writes atomically, or with `check` writes nothing and says
//! what would change.

use crate::error::{Error, Result};
use crate::fsio::{read_text, write_atomic};
use crate::ftl::{ParsedFile, escape_literal, flatten_pattern};
use crate::project::Project;
use crate::source::ids::{Alignment, OldMessage, assign_ids};
use crate::source::{Article, Block, BlockKind, Piece, parse_article};
use fluent_syntax::ast;
use std::path::{Path, PathBuf};

/// What split did (or, with `check`, would do) to one article.
#[derive(Debug)]
pub struct SplitOutcome {
    pub source: PathBuf,
    pub ftl: PathBuf,
    /// The file's bytes differ from what is on disk (or it does not exist yet).
    pub changed: bool,
    pub alignment: Alignment,
    pub notes: Vec<String>,
}

/// Splits the articles of `project` (all of `source/*.md`, or those named in `only`, by
/// slug or path). One article's error does not stop the others.
pub fn split(project: &Project, only: &[String], check: bool) -> Result<Vec<Result<SplitOutcome>>> {
    let sources = source_files(project, only)?;
    Ok(sources
        .iter()
        .map(|path| split_one(project, path, check))
        .collect())
}

/// The Markdown sources of a project, sorted; `only` narrows them by slug or path.
pub fn source_files(project: &Project, only: &[String]) -> Result<Vec<PathBuf>> {
    let Some(dir) = project.articles()? else {
        return Err(Error::NoArticles {
            dir: project.display_path(&project.source_dir()),
            config: project.config_path.as_deref().map_or_else(
                || crate::project::CONFIG_FILE.into(),
                |p| p.display().to_string(),
            ),
        });
    };
    let entries = std::fs::read_dir(&dir).map_err(|source| Error::Read {
        path: dir.clone(),
        source: source.into(),
    })?;
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md") && p.is_file())
        .collect();
    files.sort();
    if only.is_empty() {
        return Ok(files);
    }
    let mut picked = Vec::new();
    for name in only {
        let found = files.iter().find(|p| {
            p.file_stem().is_some_and(|s| s.to_string_lossy() == *name)
                || p.ends_with(name)
                || Path::new(name).file_name() == p.file_name()
        });
        match found {
            Some(p) => picked.push(p.clone()),
            None => {
                return Err(Error::UnknownArticle {
                    name: name.clone(),
                    dir: project.display_path(&dir),
                });
            }
        }
    }
    Ok(picked)
}

/// Reads a source article and gives its blocks the IDs of the existing reference file.
pub fn load_article(project: &Project, path: &Path) -> Result<(Article, Alignment)> {
    let shown = PathBuf::from(project.display_path(path));
    let text = read_text(path).map_err(|e| e.with_path(&shown))?;
    let mut article = parse_article(&shown, &text)?;
    let ftl = reference_path(project, &article);
    let old = if ftl.exists() {
        let shown_ftl = PathBuf::from(project.display_path(&ftl));
        let text = read_text(&ftl).map_err(|e| e.with_path(&shown_ftl))?;
        // The reference is parsed here too (render and build come this way): same limits.
        crate::limits::check_fluent_text(&shown_ftl, &text)?;
        old_messages(&ParsedFile::new(text))
    } else {
        Vec::new()
    };
    let alignment = assign_ids(&mut article, &old);
    Ok((article, alignment))
}

fn split_one(project: &Project, path: &Path, check: bool) -> Result<SplitOutcome> {
    let (article, alignment) = load_article(project, path)?;
    let ftl = reference_path(project, &article);
    let text = article_to_ftl(&article, &project.display_path(path));
    let current = if ftl.exists() {
        Some(read_text(&ftl)?)
    } else {
        None
    };
    let changed = current.as_deref() != Some(text.as_str());
    if changed && !check {
        write_atomic(&ftl, text.as_bytes())?;
    }
    Ok(SplitOutcome {
        source: path.to_owned(),
        ftl,
        changed,
        alignment,
        notes: article.notes,
    })
}

pub fn reference_path(project: &Project, article: &Article) -> PathBuf {
    project
        .reference_dir()
        .join(format!("{}.ftl", article.slug()))
}

/// The messages of an existing reference file, in order, with their text as translators
/// see it. Junk is skipped: split rewrites the file anyway.
pub fn old_messages(file: &ParsedFile) -> Vec<OldMessage> {
    let (resource, _) = file.resource();
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            ast::Entry::Message(m) => Some(OldMessage {
                id: m.id.name.to_owned(),
                text: m.value.as_ref().map(flatten_pattern).unwrap_or_default(),
            }),
            _ => None,
        })
        .collect()
}

/// The reference Fluent file of an article, as the official serializer writes it (so
/// parsing and serializing it again gives the same bytes).
pub fn article_to_ftl(article: &Article, source_path: &str) -> String {
    let mut body: Vec<ast::Entry<String>> = Vec::new();
    body.push(ast::Entry::ResourceComment(comment(&[
        format!("Generated by `medloc split` from {source_path}: edit the English there, then run `medloc split`."),
        "Each message is one block of the article; its comment says which. Keep the tags <em>, <strong>".to_owned(),
        "and <a data-l10n-name=\"...\"> around the words they mark, and keep { \"...\" } literals verbatim.".to_owned(),
    ])));
    let mut current_section: Option<&str> = None;
    for block in article.blocks() {
        if current_section != Some(block.section.as_str()) {
            current_section = Some(&block.section);
            body.push(ast::Entry::GroupComment(comment(&[
                if block.kind.is_heading() || block.section == "front-matter" {
                    format!("Section: {}", block.section_title)
                } else {
                    format!("Section: {} (continued)", block.section_title)
                },
            ])));
        }
        body.push(ast::Entry::Message(message(block)));
    }
    fluent_syntax::serializer::serialize(&ast::Resource { body })
}

fn comment(lines: &[String]) -> ast::Comment<String> {
    ast::Comment {
        content: lines.to_vec(),
    }
}

fn message(block: &Block) -> ast::Message<String> {
    let mut lines = vec![match block.kind {
        BlockKind::Title | BlockKind::Summary => format!("{}.", block.kind.describe()),
        BlockKind::Heading | BlockKind::Question => format!("{}.", block.kind.describe()),
        _ => format!("{} in \"{}\".", block.kind.describe(), block.section_title),
    }];
    if block.kind == BlockKind::Reference {
        lines.push(
            "Keep the cited titles { \"...\" }, names and numbers; translate the words around them.".to_owned(),
        );
    }
    if !block.links.is_empty() {
        let names: Vec<String> = block
            .links
            .iter()
            .map(|l| format!("data-l10n-name=\"{}\"", l.name))
            .collect();
        lines.push(format!(
            "Links: keep {} around the words that lead to it.",
            names.join(", ")
        ));
    }
    let elements = block
        .pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(text) => ast::PatternElement::TextElement {
                value: text.clone(),
            },
            Piece::Literal(text) => ast::PatternElement::Placeable {
                expression: ast::Expression::Inline(ast::InlineExpression::StringLiteral {
                    value: escape_literal(text),
                }),
            },
        })
        .collect();
    ast::Message {
        id: ast::Identifier {
            name: block.id.clone(),
        },
        value: Some(ast::Pattern { elements }),
        attributes: Vec::new(),
        comment: Some(comment(&lines)),
    }
}
