//! The termbase: concepts with terms per language and a status for each term, loaded from
//! TBX-Basic (`tbx.rs`) or a CSV glossary (`csv.rs`). Matching terms in text is a separate
//! job, not done here.

mod csv;
pub mod index;
pub mod matcher;
mod tbx;
pub(crate) use tbx::resolve_reference;

use crate::error::{Error, Result};
use crate::fsio::read_text;
use std::path::Path;

/// How a term may be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Preferred,
    Admitted,
    /// Do not use: stigmatizing or wrong.
    Deprecated,
    /// Replaced by a newer term; treated like deprecated.
    Superseded,
}

impl Status {
    /// Parses TBX `administrativeStatus` values (`preferredTerm-admn-sts`, ...) and the plain
    /// words used in CSV glossaries.
    pub fn parse(value: &str) -> Option<Status> {
        let v = value.trim().to_ascii_lowercase();
        let v = v.strip_suffix("-admn-sts").unwrap_or(&v);
        match v {
            "preferredterm" | "preferred" => Some(Status::Preferred),
            "admittedterm" | "admitted" => Some(Status::Admitted),
            "deprecatedterm" | "deprecated" | "forbidden" => Some(Status::Deprecated),
            "supersededterm" | "superseded" => Some(Status::Superseded),
            _ => None,
        }
    }

    /// Deprecated and superseded terms must not be used.
    pub fn is_forbidden(self) -> bool {
        matches!(self, Status::Deprecated | Status::Superseded)
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Term {
    pub text: String,
    pub status: Status,
    pub part_of_speech: Option<String>,
    /// Names that stay verbatim in every language (marked `do-not-translate`).
    pub do_not_translate: bool,
    pub note: Option<String>,
    /// The basis of the term choice (TBX `admin type="source"`).
    pub source: Option<String>,
    /// 1-based line in the termbase file.
    pub line: usize,
}

impl Term {
    /// A term with only its text, status and line (what a CSV glossary row gives).
    pub fn new(text: &str, status: Status, line: usize) -> Term {
        Term {
            text: text.to_owned(),
            status,
            part_of_speech: None,
            do_not_translate: false,
            note: None,
            source: None,
            line,
        }
    }
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct LanguageSection {
    /// A BCP 47 tag as written in the file (`xml:lang`).
    pub lang: String,
    pub definition: Option<String>,
    pub terms: Vec<Term>,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Concept {
    pub id: String,
    pub subject: Option<String>,
    pub languages: Vec<LanguageSection>,
    pub line: usize,
}

impl Concept {
    /// The section of exactly this language tag.
    pub fn language(&self, lang: &str) -> Option<&LanguageSection> {
        self.languages
            .iter()
            .find(|l| l.lang.eq_ignore_ascii_case(lang))
    }

    /// The section for a locale, falling back along its tag (`es-MX` to `es`).
    pub fn language_or_parent(&self, locale: &str) -> Option<&LanguageSection> {
        let mut tag = locale;
        loop {
            if let Some(section) = self.language(tag) {
                return Some(section);
            }
            tag = &tag[..tag.rfind('-')?];
        }
    }
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Termbase {
    pub concepts: Vec<Concept>,
}

impl Termbase {
    /// Whether any concept has terms for `locale` (its own section or its language's).
    pub fn covers(&self, locale: &str) -> bool {
        self.concepts
            .iter()
            .any(|c| c.language_or_parent(locale).is_some())
    }

    /// The language tags the termbase has sections for, sorted, each once.
    pub fn languages(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .concepts
            .iter()
            .flat_map(|c| c.languages.iter().map(|l| l.lang.clone()))
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// Loads a termbase file: `.tbx`/`.xml` as TBX, `.csv` as a glossary.
    pub fn load(path: &Path, shown: &Path) -> Result<Termbase> {
        let text = read_text(path).map_err(|e| e.with_path(shown))?;
        crate::limits::check_size(shown, text.len(), "termbase")?;
        Termbase::parse(shown, &text)
    }

    pub fn parse(shown: &Path, text: &str) -> Result<Termbase> {
        let is_csv = shown
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        let result = if is_csv {
            csv::parse(text)
        } else {
            tbx::parse(text)
        };
        result.map_err(|(line, message)| Error::Source {
            path: shown.to_owned(),
            line,
            message,
        })
    }

    /// Adds the concepts of another termbase.
    pub fn extend(&mut self, other: Termbase) {
        self.concepts.extend(other.concepts);
    }

    /// The project's termbases (`[medloc] termbase`), merged.
    pub fn load_project(project: &crate::project::Project) -> Result<Termbase> {
        let mut termbase = Termbase::default();
        for rel in &project.config.medloc.termbase {
            let path = project.root.join(rel);
            let shown = std::path::PathBuf::from(project.display_path(&path));
            termbase.extend(Termbase::load(&path, &shown).map_err(|e| Error::Termbase {
                source: Box::new(e),
            })?);
        }
        Ok(termbase)
    }

    /// The do-not-translate names (any language), sorted, each once.
    pub fn do_not_translate_names(&self) -> Vec<String> {
        self.concepts
            .iter()
            .flat_map(|c| c.languages.iter().flat_map(|l| l.terms.iter()))
            .filter(|t| t.do_not_translate)
            .map(|t| t.text.clone())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect()
    }
}

/// The termbase and its matchers, shared by every thread: the reference's compiled at once,
/// each locale's on first use (by the thread checking that locale), once per run.
pub struct Terms {
    pub termbase: Termbase,
    pub reference: matcher::Matcher,
    locales: std::collections::HashMap<String, std::sync::OnceLock<matcher::Matcher>>,
    reference_tag: String,
}

impl Terms {
    /// The locale the reference matcher was compiled for.
    pub fn reference_locale(&self) -> String {
        self.reference_tag.clone()
    }

    /// Terms for the reference and `locales`.
    pub fn new(termbase: Termbase, reference: &str, locales: &[String]) -> Terms {
        Terms {
            reference: matcher::Matcher::new(&termbase, reference),
            locales: locales
                .iter()
                .map(|l| (l.clone(), std::sync::OnceLock::new()))
                .collect(),
            reference_tag: reference.to_owned(),
            termbase,
        }
    }

    /// The matcher of `locale` (one of those given to [`Terms::new`]), compiled on first use.
    pub fn matcher(&self, locale: &str) -> Option<&matcher::Matcher> {
        let cell = self.locales.get(locale)?;
        Some(cell.get_or_init(|| matcher::Matcher::new(&self.termbase, locale)))
    }
}
