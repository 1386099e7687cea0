//! The project's Fluent files, read and parsed once: the reference and every locale, each
//! file reduced to an owned, thread-shareable summary of its entries (IDs, positions,
//! patterns, references, markup-bearing text). Later stages (check, coverage, render) read
//! this; none of them goes back to disk for a Fluent file.

use crate::error::{Error, Result};
use crate::ftl::{flatten_pattern, line_starts, position, unescape_literal};
use crate::project::{Kind, Listing, Project};
pub use crate::project::{Tree, WorkingTree};
use fluent_syntax::ast;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One parsed `.ftl` file.
#[derive(Debug)]
pub struct FtlFile {
    /// Path relative to the locale directory (`track-marks.ftl`).
    pub rel: PathBuf,
    /// Path as shown to people, relative to the project root.
    pub shown: String,
    /// The parsed file, as fluent-bundle takes it: parsed once here, shared by reference
    /// with every bundle that renders from it.
    resource: Arc<fluent_bundle::FluentResource>,
    line_starts: Vec<usize>,
    pub entries: Vec<Entry>,
    /// Entry index by ID (the first definition wins, as at runtime).
    index: rustc_hash::FxHashMap<String, usize>,
    pub junk: Vec<Junk>,
}

#[derive(Debug)]
pub struct Junk {
    pub offset: usize,
    /// The parser's message.
    pub message: String,
    /// The junk text itself.
    pub content: String,
}

/// A message or a term.
#[derive(Debug)]
pub struct Entry {
    pub id: String,
    pub is_term: bool,
    /// Byte offset of the ID (after `-` for terms).
    pub offset: usize,
    pub value: Option<Pattern>,
    pub attributes: Vec<Attribute>,
    /// Rules exempted by a `# medloc-ignore: RULE[, RULE]` comment on the entry.
    pub ignored_rules: Vec<String>,
}

impl Entry {
    /// The value (attribute `None`) and each attribute's pattern.
    pub fn patterns(&self) -> impl Iterator<Item = (Option<&str>, &Pattern)> {
        self.value.iter().map(|v| (None, v)).chain(
            self.attributes
                .iter()
                .map(|a| (Some(a.name.as_str()), &a.pattern)),
        )
    }
}

#[derive(Debug)]
pub struct Attribute {
    pub name: String,
    pub offset: usize,
    pub pattern: Pattern,
}

/// What checks need of a pattern, extracted once.
#[derive(Debug, Default)]
pub struct Pattern {
    /// Byte range of the pattern's own text elements in the file (first to last), for
    /// positions.
    pub span: std::ops::Range<usize>,
    /// As a translator reads it: text, literals unquoted, other placeables as `{ ... }`.
    pub text: String,
    /// Text elements and string literals only, placeables dropped: what markup, number and
    /// sentence checks look at.
    pub prose: String,
    /// The prose outside the variants of numeric (plural) selectors, whose numbers belong
    /// to the plural category (`[one] 1 hour` may rightly become `[one] una hora`).
    pub fixed_prose: String,
    pub variables: Vec<String>,
    /// String literals (`{ "..." }`), unescaped: text kept verbatim by design.
    pub literals: Vec<String>,
    /// Message references as `id` or `id.attr`.
    pub messages: Vec<String>,
    /// Term references as `-id`.
    pub terms: Vec<String>,
    pub selects: Vec<Select>,
    /// A text element holds two spaces in a row (placeables and variant layout aside).
    pub doubled_space: bool,
    /// While walking: how many numeric selectors enclose the current element.
    plural_depth: usize,
    /// [`Pattern::sentence_count`], counted on first use: a reference pattern is compared
    /// with every locale's translation, and counted once.
    sentences: std::sync::OnceLock<usize>,
    /// [`Pattern::long_sentences`], split on first use, like `sentences`.
    long_sentences: std::sync::OnceLock<Vec<String>>,
    /// [`Pattern::letter_count`], counted on first use.
    letters: std::sync::OnceLock<usize>,
}

#[derive(Debug)]
pub struct Select {
    /// `$var` when the selector is a variable (or a NUMBER() of one).
    pub variable: Option<String>,
    /// The selector is numeric: NUMBER($x) or number-literal keys.
    pub numeric: bool,
    pub keys: Vec<String>,
    pub offset: usize,
}

impl FtlFile {
    /// Parses `text` (already decoded) into a summary.
    pub fn parse(rel: PathBuf, shown: String, text: String) -> FtlFile {
        let (resource, errors) = match fluent_bundle::FluentResource::try_new(text) {
            Ok(r) => (r, Vec::new()),
            Err((r, e)) => (r, e),
        };
        let (entries, mut junk) = summarize(resource.source(), resource.entries(), &errors);
        if has_malformed_comment(resource.source()) {
            junk = full_parse_junk(resource.source());
        }
        let mut index = rustc_hash::FxHashMap::default();
        index.reserve(entries.len());
        for (i, e) in entries.iter().enumerate() {
            index.entry(e.id.clone()).or_insert(i);
        }
        FtlFile {
            rel,
            shown,
            line_starts: line_starts(resource.source()),
            resource: Arc::new(resource),
            entries,
            index,
            junk,
        }
    }

    /// The file's text (decoded, LF line ends).
    pub fn text(&self) -> &str {
        self.resource.source()
    }

    /// The parsed resource, for fluent-bundle.
    pub fn resource(&self) -> Arc<fluent_bundle::FluentResource> {
        Arc::clone(&self.resource)
    }

    /// 1-based line and column of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        position(self.text(), &self.line_starts, offset)
    }

    /// The text of the line holding `offset`, and the offset where it starts.
    pub fn line_at(&self, offset: usize) -> (&str, usize) {
        let (line, _) = self.position(offset);
        let start = self.line_starts[line - 1];
        let text = self.text();
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        (&text[start..end], start)
    }

    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.index.get(id).map(|&i| &self.entries[i])
    }

    /// Messages (not terms).
    pub fn messages(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| !e.is_term)
    }

    /// The patterns of this translation file that its reference has too: values and
    /// same-named attributes of entries present in both, in file order.
    pub fn pattern_pairs<'a>(&'a self, reference: &'a FtlFile) -> Vec<PatternPair<'a>> {
        let mut out = Vec::new();
        for t in &self.entries {
            let Some(r) = reference.entry(&t.id) else {
                continue;
            };
            if let (Some(rv), Some(tv)) = (&r.value, &t.value) {
                out.push(PatternPair {
                    reference_entry: r,
                    entry: t,
                    attribute: None,
                    reference: rv,
                    translation: tv,
                });
            }
            for ta in &t.attributes {
                if let Some(ra) = r.attributes.iter().find(|a| a.name == ta.name) {
                    out.push(PatternPair {
                        reference_entry: r,
                        entry: t,
                        attribute: Some(&ta.name),
                        reference: &ra.pattern,
                        translation: &ta.pattern,
                    });
                }
            }
        }
        out
    }
}

/// A reference pattern and its translation: the value, or one attribute present in both.
#[derive(Clone, Copy)]
pub struct PatternPair<'a> {
    pub reference_entry: &'a Entry,
    pub entry: &'a Entry,
    pub attribute: Option<&'a str>,
    pub reference: &'a Pattern,
    pub translation: &'a Pattern,
}

impl PatternPair<'_> {
    /// `id` or `id.attribute`, as people name a pattern.
    pub fn name(&self) -> String {
        match self.attribute {
            Some(a) => format!("{}.{a}", self.entry.id),
            None => self.entry.id.clone(),
        }
    }
}

impl Pattern {
    /// Sentences of the fixed prose (outside plural variants), as `count` counts them,
    /// counted once: a reference pattern is compared with every locale's. The catalog knows
    /// no scanner; the caller brings it (always the same one).
    pub fn sentence_count(&self, count: impl FnOnce(&str) -> usize) -> usize {
        *self.sentences.get_or_init(|| count(&self.fixed_prose))
    }

    /// The letters of the prose (its length for the length statistics), counted once: a
    /// reference pattern is compared with every locale's translation.
    pub fn letter_count(&self) -> usize {
        *self.letters.get_or_init(|| {
            self.prose
                .chars()
                .filter(|c| c.is_ascii_alphabetic() || (!c.is_ascii() && c.is_alphabetic()))
                .count()
        })
    }

    /// The sentences of the prose that `split` keeps, split on first use: a reference
    /// pattern is compared with every locale's translation and split once.
    pub fn long_sentences(&self, split: impl FnOnce(&str) -> Vec<String>) -> &[String] {
        self.long_sentences.get_or_init(|| split(&self.prose))
    }

    /// The prose with its string literals blanked out (same length, so offsets hold):
    /// cited titles in `{ "..." }` are quoted verbatim, whatever words they use, so
    /// terminology neither requires nor forbids anything in them.
    pub fn prose_without_literals(&self) -> String {
        let mut prose = self.prose.clone();
        for literal in self.literals.iter().filter(|l| !l.is_empty()) {
            prose = prose.replace(literal.as_str(), &" ".repeat(literal.len()));
        }
        prose
    }
}

fn summarize<'r>(
    text: &str,
    body: impl Iterator<Item = &'r ast::Entry<&'r str>>,
    errors: &[fluent_syntax::parser::ParserError],
) -> (Vec<Entry>, Vec<Junk>) {
    let offset = |s: &str| crate::ftl::offset_in(text, s);
    let mut entries = Vec::new();
    let mut junk = Vec::new();
    for entry in body {
        match entry {
            ast::Entry::Message(m) => entries.push(Entry {
                id: m.id.name.to_owned(),
                is_term: false,
                offset: offset(m.id.name),
                value: m.value.as_ref().map(|p| pattern(text, p)),
                attributes: attributes(text, &m.attributes),
                ignored_rules: ignores_above(text, offset(m.id.name)),
            }),
            ast::Entry::Term(t) => entries.push(Entry {
                id: format!("-{}", t.id.name),
                is_term: true,
                offset: offset(t.id.name).saturating_sub(1),
                value: Some(pattern(text, &t.value)),
                attributes: attributes(text, &t.attributes),
                ignored_rules: ignores_above(text, offset(t.id.name)),
            }),
            ast::Entry::Junk { content } => {
                let start = offset(content);
                let end = start + content.len();
                // The parser's first error inside this junk explains it.
                let message = errors
                    .iter()
                    .find(|e| e.pos.start >= start && e.pos.start <= end)
                    .map(|e| e.kind.to_string())
                    .unwrap_or_else(|| "unparsable entry".to_owned());
                let at = errors
                    .iter()
                    .find(|e| e.pos.start >= start && e.pos.start <= end)
                    .map_or(start, |e| e.pos.start)
                    // An error at the end of input points past the junk: keep it on the
                    // junk's last line, where the editor shows the problem.
                    .min(start + content.trim_end().len().saturating_sub(1));
                junk.push(Junk {
                    // The parser counts bytes; a position inside a character (the last
                    // one of the junk, say) moves back to its start.
                    offset: text.floor_char_boundary(at),
                    message,
                    content: (*content).to_owned(),
                });
            }
            _ => {}
        }
    }
    (entries, junk)
}

/// Whether a line starts like a comment but is none: `#note` (no space after the `#`s) or
/// `####`. fluent-bundle's runtime parser skips every line starting with `#` unread, so it
/// keeps no Junk for these; the full parser, like the spec and every other Fluent tool,
/// rejects them.
fn has_malformed_comment(text: &str) -> bool {
    text.split('\n').any(|line| {
        let rest = line.trim_start_matches('#');
        let hashes = line.len() - rest.len();
        hashes > 3 || (hashes > 0 && !(rest.is_empty() || rest == "\r" || rest.starts_with(' ')))
    })
}

/// The Junk of the full parser, for a file with a malformed comment line (rare, so the
/// second parse costs nothing in the common case). Entries are the same in both parsers;
/// only comments differ.
fn full_parse_junk(text: &str) -> Vec<Junk> {
    let (resource, errors) = match fluent_syntax::parser::parse(text) {
        Ok(r) => (r, Vec::new()),
        Err((r, e)) => (r, e),
    };
    summarize(text, resource.body.iter(), &errors).1
}

/// Rules named in `# medloc-ignore: RULE[, RULE]` lines of the comment right above an entry.
/// Read from the text: fluent-bundle's runtime parser, which parses each file once for both
/// checks and rendering, drops comments.
fn ignores_above(text: &str, entry_offset: usize) -> Vec<String> {
    let before = &text[..text[..entry_offset].rfind('\n').map_or(0, |i| i + 1)];
    let mut out = Vec::new();
    for line in before.lines().rev() {
        let Some(comment) = line.strip_prefix('#') else {
            break;
        };
        if comment.starts_with('#') {
            break;
        }
        if let Some(rules) = comment.trim().strip_prefix("medloc-ignore:") {
            out.extend(
                rules
                    .split([',', ' '])
                    .map(str::trim)
                    .filter(|r| !r.is_empty())
                    .map(str::to_owned),
            );
        }
    }
    out
}

fn attributes(text: &str, attrs: &[ast::Attribute<&str>]) -> Vec<Attribute> {
    attrs
        .iter()
        .map(|a| Attribute {
            name: a.id.name.to_owned(),
            offset: crate::ftl::offset_in(text, a.id.name),
            pattern: pattern(text, &a.value),
        })
        .collect()
}

fn pattern(text: &str, p: &ast::Pattern<&str>) -> Pattern {
    let mut out = Pattern {
        text: flatten_pattern(p),
        ..Pattern::default()
    };
    walk_pattern(text, p, &mut out);
    out
}

fn walk_pattern(text: &str, p: &ast::Pattern<&str>, out: &mut Pattern) {
    for element in &p.elements {
        match element {
            ast::PatternElement::TextElement { value } => {
                let start = crate::ftl::offset_in(text, value);
                // No text element sits at offset 0 (the ID comes first), so an empty
                // 0..0 span means "none yet".
                if out.span.end == 0 {
                    out.span = start..start + value.len();
                } else {
                    out.span.start = out.span.start.min(start);
                    out.span.end = out.span.end.max(start + value.len());
                }
                out.prose.push_str(value);
                out.doubled_space |= value.contains("  ");
                if out.plural_depth == 0 {
                    out.fixed_prose.push_str(value);
                }
            }
            ast::PatternElement::Placeable { expression } => walk_expression(text, expression, out),
        }
    }
}

fn walk_expression(text: &str, e: &ast::Expression<&str>, out: &mut Pattern) {
    match e {
        ast::Expression::Inline(i) => walk_inline(text, i, out),
        ast::Expression::Select { selector, variants } => {
            walk_inline(text, selector, out);
            let (variable, numeric_fn) = match selector {
                ast::InlineExpression::VariableReference { id } => {
                    (Some(id.name.to_owned()), false)
                }
                ast::InlineExpression::FunctionReference { id, arguments } => (
                    arguments.positional.iter().find_map(|a| match a {
                        ast::InlineExpression::VariableReference { id } => Some(id.name.to_owned()),
                        _ => None,
                    }),
                    id.name == "NUMBER",
                ),
                _ => (None, false),
            };
            let keys: Vec<String> = variants
                .iter()
                .map(|v| match &v.key {
                    ast::VariantKey::Identifier { name } => (*name).to_owned(),
                    ast::VariantKey::NumberLiteral { value } => (*value).to_owned(),
                })
                .collect();
            let numeric = numeric_fn
                || variants
                    .iter()
                    .any(|v| matches!(v.key, ast::VariantKey::NumberLiteral { .. }))
                || keys
                    .iter()
                    .any(|k| matches!(k.as_str(), "zero" | "one" | "two" | "few" | "many"));
            let offset = variants
                .first()
                .map(|v| match &v.key {
                    ast::VariantKey::Identifier { name } => crate::ftl::offset_in(text, name),
                    ast::VariantKey::NumberLiteral { value } => crate::ftl::offset_in(text, value),
                })
                .unwrap_or(0);
            out.selects.push(Select {
                variable,
                numeric,
                keys,
                offset,
            });
            let plural = out.selects.last().is_some_and(|s| s.numeric);
            out.plural_depth += usize::from(plural);
            for variant in variants {
                walk_pattern(text, &variant.value, out);
                out.prose.push(' ');
                out.fixed_prose.push(' ');
            }
            out.plural_depth -= usize::from(plural);
        }
    }
}

fn walk_inline(text: &str, i: &ast::InlineExpression<&str>, out: &mut Pattern) {
    match i {
        ast::InlineExpression::StringLiteral { value } => {
            let value = unescape_literal(value);
            out.prose.push_str(&value);
            if out.plural_depth == 0 {
                out.fixed_prose.push_str(&value);
            }
            out.literals.push(value);
        }
        ast::InlineExpression::NumberLiteral { .. } => {}
        ast::InlineExpression::VariableReference { id } => push_unique(&mut out.variables, id.name),
        ast::InlineExpression::MessageReference { id, attribute } => {
            let name = match attribute {
                Some(a) => format!("{}.{}", id.name, a.name),
                None => id.name.to_owned(),
            };
            push_unique(&mut out.messages, &name);
        }
        ast::InlineExpression::TermReference { id, arguments, .. } => {
            push_unique(&mut out.terms, &format!("-{}", id.name));
            if let Some(args) = arguments {
                args.positional
                    .iter()
                    .for_each(|a| walk_inline(text, a, out));
                args.named
                    .iter()
                    .for_each(|a| walk_inline(text, &a.value, out));
            }
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            arguments
                .positional
                .iter()
                .for_each(|a| walk_inline(text, a, out));
            arguments
                .named
                .iter()
                .for_each(|a| walk_inline(text, &a.value, out));
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(text, expression, out),
    }
}

fn push_unique(list: &mut Vec<String>, name: &str) {
    if !list.iter().any(|n| n == name) {
        list.push(name.to_owned());
    }
}

/// The files of one locale.
#[derive(Debug)]
pub struct LocaleFiles {
    pub locale: String,
    /// The path as shown of every file the locale has or should have (a reference file's
    /// translation that is missing), by path relative to the reference's base directory. A
    /// reference file that does not apply to the locale (`[[paths]] locales`) is not here.
    pub paths: BTreeMap<PathBuf, String>,
    /// By the same relative path.
    pub files: BTreeMap<PathBuf, Arc<FtlFile>>,
    /// Files that could not be read (not UTF-8, unreadable), links not followed: reported,
    /// not fatal.
    pub unreadable: Vec<Error>,
    /// The locale's own directory as shown, when it does not exist yet (a locale listed in
    /// the project file that nobody has started).
    pub absent_dir: Option<String>,
}

impl LocaleFiles {
    /// A locale with no files, for tests and sample bundles.
    pub fn empty(locale: &str) -> LocaleFiles {
        LocaleFiles {
            locale: locale.to_owned(),
            paths: BTreeMap::new(),
            files: BTreeMap::new(),
            unreadable: Vec::new(),
            absent_dir: None,
        }
    }

    /// Whether the locale has (or should have) the file `rel`.
    pub fn expects(&self, rel: &Path) -> bool {
        self.paths.contains_key(rel)
    }

    /// The path as shown of the locale's file `rel` (where it would be when missing).
    pub fn shown(&self, rel: &Path) -> Option<&str> {
        self.paths.get(rel).map(String::as_str)
    }
}

/// The whole project's Fluent files.
#[derive(Debug)]
pub struct Catalog {
    /// Shared, so a per-locale catalog (a streamed check) costs no copy of it.
    pub reference: Arc<LocaleFiles>,
    pub locales: Vec<LocaleFiles>,
    /// Locales loaded only because a locale of the run falls back to them (es when only
    /// es-MX is checked): read for fallback, not checked or reported themselves.
    pub fallbacks: Vec<LocaleFiles>,
    /// Locales that could not be loaded at all (bad tag, a file where their directory
    /// should be).
    pub problems: Vec<Error>,
}

/// Where the catalog's files come from: the working tree ([`WorkingTree`]), or a git
/// revision (`crate::history`, for `coverage --since`). Paths are those of the working tree.
pub use crate::project::Tree as FileSource;

impl Catalog {
    /// Reads and parses every file of the reference and of `locales` once, locales in
    /// parallel; also the locales they fall back to (es for es-MX), as [`Catalog::fallbacks`].
    pub fn load(project: &Project, locales: &[String]) -> Result<Catalog> {
        Catalog::load_from(project, locales, &WorkingTree)
    }

    /// [`Catalog::load`] from another source of files.
    pub fn load_from(project: &Project, locales: &[String], source: &dyn Tree) -> Result<Catalog> {
        let reference = read_reference(project, source)?.parse_reference()?;
        let mut fallback_tags: Vec<&str> = locales
            .iter()
            .filter_map(|l| project.parent_locale(l))
            .filter(|p| !locales.iter().any(|l| l == p))
            .collect();
        fallback_tags.sort_unstable();
        fallback_tags.dedup();
        let (results, fallbacks) = rayon::join(
            || {
                locales
                    .par_iter()
                    .map(|locale| load_project_locale(project, locale, source))
                    .collect::<Vec<_>>()
            },
            || {
                fallback_tags
                    .par_iter()
                    .filter_map(|locale| load_project_locale(project, locale, source).ok())
                    .collect::<Vec<_>>()
            },
        );
        let mut problems = Vec::new();
        let mut loaded = Vec::new();
        for result in results {
            match result {
                Ok(files) => loaded.push(files),
                Err(e) => problems.push(e),
            }
        }
        Ok(Catalog {
            reference,
            locales: loaded,
            fallbacks,
            problems,
        })
    }

    /// The loaded locale (or fallback locale) `tag`.
    pub fn locale(&self, tag: &str) -> Option<&LocaleFiles> {
        self.locales
            .iter()
            .chain(&self.fallbacks)
            .find(|l| l.locale == tag)
    }
}

/// One locale of the project: its files, or none when its directory does not exist yet.
pub fn load_project_locale(
    project: &Project,
    locale: &str,
    source: &dyn Tree,
) -> Result<LocaleFiles> {
    Ok(read_project_locale(project, locale, source)?.parse())
}

/// One locale's files, read but not parsed yet (a cached check hashes them first).
#[derive(Debug)]
pub struct LocaleTexts {
    pub locale: String,
    /// As [`LocaleFiles::paths`].
    pub paths: BTreeMap<PathBuf, String>,
    /// The existing files by path relative to the reference's base directory, sorted: the
    /// path as shown and the text, or why it could not be read.
    pub files: Vec<(PathBuf, String, Result<String>)>,
    /// Links not followed and other problems of the listing.
    pub problems: Vec<Error>,
    /// As [`LocaleFiles::absent_dir`].
    pub absent_dir: Option<String>,
}

impl LocaleTexts {
    /// Parses the reference's files, refusing a reference over the size limit
    /// ([`crate::limits`]).
    pub fn parse_reference(self) -> Result<Arc<LocaleFiles>> {
        let reference = self.parse();
        crate::limits::check_reference_size(
            reference
                .files
                .values()
                .map(|f| (f.shown.as_str(), f.entries.len())),
        )?;
        Ok(Arc::new(reference))
    }

    /// Parses every file, in parallel.
    pub fn parse(self) -> LocaleFiles {
        let parsed: Vec<(PathBuf, Result<FtlFile>)> = self
            .files
            .into_par_iter()
            .map(|(rel, shown, text)| {
                let file = text.map(|text| FtlFile::parse(rel.clone(), shown, text));
                (rel, file)
            })
            .collect();
        let mut files = BTreeMap::new();
        let mut unreadable = self.problems;
        for (rel, file) in parsed {
            match file {
                Ok(f) => {
                    files.insert(rel, Arc::new(f));
                }
                Err(e) => unreadable.push(e),
            }
        }
        LocaleFiles {
            locale: self.locale,
            paths: self.paths,
            files,
            unreadable,
            absent_dir: self.absent_dir,
        }
    }

    /// Whether some file could not be read or listed (such a locale is never cached).
    pub fn has_problems(&self) -> bool {
        !self.problems.is_empty() || self.files.iter().any(|(_, _, t)| t.is_err())
    }
}

/// Reads a locale of the project (not the reference): refuses a tag that is not BCP 47 and
/// a file standing where the locale's directory should be; a locale without a directory
/// yet has no files.
pub fn read_project_locale(
    project: &Project,
    locale: &str,
    source: &dyn Tree,
) -> Result<LocaleTexts> {
    let listing = locale_listing(project, locale, source)?;
    Ok(read_listing(project, locale, listing, source))
}

/// One locale's files as bytes, read but not decoded: all that a cache key needs, and
/// [`LocaleBytes::decode`] makes of them exactly what [`read_project_locale`] reads.
#[derive(Debug)]
pub struct LocaleBytes {
    pub locale: String,
    pub paths: BTreeMap<PathBuf, String>,
    /// By path relative to the reference's base directory, sorted: the path as shown and the
    /// bytes, or why they could not be read.
    pub files: Vec<(PathBuf, String, Result<Vec<u8>>)>,
    pub problems: Vec<Error>,
    pub absent_dir: Option<String>,
}

impl LocaleBytes {
    /// Each file as text (UTF-8 required, BOM dropped, CRLF to LF) within the limits.
    pub fn decode(self) -> LocaleTexts {
        let files = self
            .files
            .into_par_iter()
            .map(|(rel, shown, bytes)| {
                let text = bytes
                    .and_then(|b| crate::fsio::decode_text(Path::new(&shown), b))
                    .and_then(|t| within_limits(&shown, t));
                (rel, shown, text)
            })
            .collect();
        LocaleTexts {
            locale: self.locale,
            paths: self.paths,
            files,
            problems: self.problems,
            absent_dir: self.absent_dir,
        }
    }

    /// Whether some file could not be read or listed (such a locale is never cached).
    pub fn has_problems(&self) -> bool {
        !self.problems.is_empty() || self.files.iter().any(|(_, _, b)| b.is_err())
    }
}

/// A locale's listing; refuses a tag that is not BCP 47, and a file where the locale's own
/// directory should be.
fn locale_listing(project: &Project, locale: &str, source: &dyn Tree) -> Result<Listing> {
    if locale.parse::<unic_langid::LanguageIdentifier>().is_err() {
        return Err(Error::InvalidLocaleTag {
            locale: locale.to_owned(),
        });
    }
    let listing = project.locale_listing(locale, source);
    if let Some(dir) = &listing.dir
        && source.kind(dir) == Kind::File
    {
        return Err(Error::Project {
            path: PathBuf::from(project.display_path(dir)),
            message: format!(
                "a file where the directory of locale {locale} should be; move it away and create the directory, or remove {locale} from the project's locales"
            ),
        });
    }
    Ok(listing)
}

/// A locale's texts and those of the locale it falls back to.
pub fn read_with_parent(
    project: &Project,
    tag: &str,
) -> Result<(LocaleTexts, Option<LocaleTexts>)> {
    let texts = read_project_locale(project, tag, &WorkingTree)?;
    let parent = project
        .parent_locale(tag)
        .and_then(|p| read_project_locale(project, p, &WorkingTree).ok());
    Ok((texts, parent))
}

/// [`read_project_locale`] from the working tree, as bytes.
pub fn read_project_locale_bytes(project: &Project, locale: &str) -> Result<LocaleBytes> {
    let listing = locale_listing(project, locale, &WorkingTree)?;
    let paths = shown_paths(project, &listing);
    let absent_dir = absent_dir(project, &listing, &WorkingTree);
    let files = listing
        .files
        .into_par_iter()
        .filter(|f| f.exists)
        .map(|f| {
            let shown = project.display_path(&f.path);
            let bytes = std::fs::read(&f.path).map_err(|source| Error::Read {
                path: PathBuf::from(&shown),
                source: source.into(),
            });
            (f.rel, shown, bytes)
        })
        .collect();
    Ok(LocaleBytes {
        locale: locale.to_owned(),
        paths,
        files,
        problems: listing.problems,
        absent_dir,
    })
}

/// A file's text, or the limit it is over (named by its path as shown).
fn within_limits(shown: &str, text: String) -> Result<String> {
    crate::limits::check_fluent_text(Path::new(shown), &text).map(|()| text)
}

/// Reads the reference's files.
pub fn read_reference(project: &Project, source: &dyn Tree) -> Result<LocaleTexts> {
    let listing = project.reference_listing(source);
    Ok(read_listing(
        project,
        &project.reference_locale,
        listing,
        source,
    ))
}

fn shown_paths(project: &Project, listing: &Listing) -> BTreeMap<PathBuf, String> {
    listing
        .files
        .iter()
        .map(|f| (f.rel.clone(), project.display_path(&f.path)))
        .collect()
}

/// The directory of `locale` as shown, when its patterns have one and it does not exist yet.
pub fn absent_locale_dir(project: &Project, locale: &str) -> Option<String> {
    let listing = project.locale_listing(locale, &WorkingTree);
    absent_dir(project, &listing, &WorkingTree)
}

/// The locale's own directory as shown, when its patterns have one and it does not exist.
fn absent_dir(project: &Project, listing: &Listing, source: &dyn Tree) -> Option<String> {
    listing
        .dir
        .as_ref()
        .filter(|d| source.kind(d) == Kind::Missing)
        .map(|d| project.display_path(d))
}

fn read_listing(
    project: &Project,
    locale: &str,
    listing: Listing,
    source: &dyn Tree,
) -> LocaleTexts {
    let paths = shown_paths(project, &listing);
    let absent_dir = if locale == project.reference_locale {
        None
    } else {
        absent_dir(project, &listing, source)
    };
    let files = listing
        .files
        .into_par_iter()
        .filter(|f| f.exists)
        .map(|f| {
            let shown = project.display_path(&f.path);
            let text = source
                .read(&f.path)
                .map_err(|e| e.with_path(Path::new(&shown)))
                .and_then(|text| within_limits(&shown, text));
            (f.rel, shown, text)
        })
        .collect();
    LocaleTexts {
        locale: locale.to_owned(),
        paths,
        files,
        problems: listing.problems,
        absent_dir,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    fn file(text: &str) -> FtlFile {
        FtlFile::parse("a.ftl".into(), "a.ftl".into(), text.to_owned())
    }

    #[test]
    fn summary_keeps_positions_references_and_selects() -> TestResult {
        let f = file(
            "# medloc-ignore: untranslated, whitespace\nhi = Hello { $name }, see { other.title } and { -brand }\n    .title = T\n-brand = B\nn = { NUMBER($count) ->\n    [one] one\n   *[other] many\n}\nbroken = {\n",
        );
        assert_eq!(f.entries.len(), 3);
        let hi = &f.entries[0];
        assert_eq!(hi.ignored_rules, ["untranslated", "whitespace"]);
        assert_eq!(f.position(hi.offset), (2, 1));
        let v = hi.value.as_ref().ok_or("none")?;
        assert_eq!(v.variables, ["name"]);
        assert_eq!(v.messages, ["other.title"]);
        assert_eq!(v.terms, ["-brand"]);
        assert_eq!(v.prose, "Hello , see  and ");
        assert_eq!(hi.attributes[0].name, "title");
        assert_eq!(f.entries[1].id, "-brand");
        let sel = &f.entries[2].value.as_ref().ok_or("none")?.selects[0];
        assert_eq!(sel.variable.as_deref(), Some("count"));
        assert!(sel.numeric);
        assert_eq!(sel.keys, ["one", "other"]);
        assert_eq!(f.junk.len(), 1);
        assert_eq!(f.position(f.junk[0].offset).0, 9);
        Ok(())
    }

    /// The runtime parser skips comment lines unread; a malformed one is still Junk, as in
    /// the spec (fixture `comments.ftl`), and nothing else changes.
    #[test]
    fn malformed_comment_lines_are_junk() {
        let f = file("# ok\n#error\n##error\n###error\n####\nhi = Hi\n  stray\n# fine\n");
        let junk: Vec<&str> = f.junk.iter().map(|j| j.content.as_str()).collect();
        assert_eq!(junk, ["#error\n", "##error\n", "###error\n", "####\n"]);
        assert_eq!(f.position(f.junk[0].offset).0, 2);
        assert_eq!(f.entries.len(), 1);
        assert!(file("# a\n## b\n### c\n#\nhi = Hi\n").junk.is_empty());
    }
}
