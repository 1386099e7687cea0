//! The project's Fluent files, read and parsed once: the reference and every locale, each
//! file reduced to an owned, thread-shareable summary of its entries (IDs, positions,
//! patterns, references, markup-bearing text). Later stages (check, coverage, render) read
//! this; none of them goes back to disk for a Fluent file.

use crate::error::{Error, Result};
use crate::ftl::{line_starts, position};
use crate::project::Project;
pub use crate::project::{Tree, WorkingTree};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod read;
mod summary;

pub use read::{
    LocaleBytes, LocaleTexts, absent_locale_dir, load_project_locale, read_project_locale,
    read_project_locale_bytes, read_reference, read_with_parent,
};
use summary::{full_parse_junk, has_malformed_comment, summarize};

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
