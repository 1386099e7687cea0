//! What a rule sees: one translation file with its reference and the locale's facts
//! ([`FileCheck`]), the locale's length statistics and term usage, and byte positions of
//! what a rule reports.

use super::{Finding, LocaleInfo, Rule, Terms, rules};
use crate::catalog::{Entry, FtlFile, Pattern, PatternPair};
use crate::stale::LocaleState;
use crate::terminology::index::TermLookup;
use std::collections::{HashMap, HashSet};

/// What a rule sees: one translation file and its reference, with the locale's facts.
pub struct FileCheck<'a> {
    pub locale: &'a LocaleInfo,
    /// `None` when the translation file has no reference (an obsolete file).
    pub reference: Option<&'a FtlFile>,
    /// `None` when the locale lacks the file (everything is missing).
    pub translation: Option<&'a FtlFile>,
    /// The same file of the locale this one falls back to (es-MX to es), when the project
    /// has that locale: a message it holds is not missing here.
    pub fallback: Option<&'a FtlFile>,
    /// Where a missing translation file would be, relative to the project root.
    pub translation_path: String,
    /// IDs defined by the reference's files and by the locale's, for unresolved references
    /// ([`FileCheck::knows`]).
    pub known_ids: &'a HashSet<String>,
    pub locale_ids: &'a rustc_hash::FxHashSet<&'a str>,
    /// IDs of the shared files loaded into the same bundle, with the file defining each.
    pub shared_ids: &'a HashMap<String, String>,
    pub state: Option<&'a LocaleState>,
    /// Do-not-translate names from the termbase.
    pub do_not_translate: &'a crate::text::names::Names,
    /// The termbase compiled for the reference and this locale (terminology rules).
    pub terms: Option<&'a Terms>,
    /// How the whole locale renders each termbase concept (`Scope::Locale` rules; `None`
    /// for other scopes or without a termbase).
    pub term_usage: Option<&'a LocaleTerms>,
    /// The terms each pattern names, analyzed once per run (`None` without a termbase).
    pub term_lookup: Option<&'a TermLookup<'a>>,
    /// [`FileCheck::pattern_pairs`], worked out by the first rule that asks.
    pub pairs: std::cell::OnceCell<Vec<PatternPair<'a>>>,
    /// How long the locale's translations are against their references, over all its
    /// files (`None` for the reference, or a locale with too few long messages).
    pub length_stats: Option<&'a LengthStats>,
}

/// How long a locale's translations are against their references: the median and the
/// median absolute deviation of the log ratio of letters over every translated pattern whose
/// reference has [`LengthStats::MIN_LETTERS`] letters or more. Computed from the locale's
/// own files and the reference only, which the cache key of a locale covers.
#[derive(Debug, Clone, Copy)]
pub struct LengthStats {
    pub median: f64,
    pub spread: f64,
}

impl LengthStats {
    /// References shorter than this (headings, buttons) are neither measured nor judged.
    pub const MIN_LETTERS: usize = 60;
    /// Fewer long messages than this: no distribution to judge against.
    pub const MIN_SAMPLES: usize = 30;

    /// The log ratio of a pair's letters, when the pair is long and translated and has no
    /// select expression (whose variants one side may have more of: a length of no meaning).
    pub fn log_ratio(pair: &PatternPair<'_>) -> Option<f64> {
        Self::log_ratio_from(pair, Self::MIN_LETTERS)
    }

    /// [`LengthStats::log_ratio`] for references of `min_letters` letters or more.
    pub fn log_ratio_from(pair: &PatternPair<'_>, min_letters: usize) -> Option<f64> {
        let r = pair.reference.letter_count();
        if r < min_letters
            || pair.translation.text == pair.reference.text
            || !pair.reference.selects.is_empty()
            || !pair.translation.selects.is_empty()
        {
            return None;
        }
        let t = pair.translation.letter_count();
        Some(((t as f64 + 1.0) / (r as f64 + 1.0)).ln())
    }

    /// The statistics of a locale's files against their references.
    pub fn of_files<'f>(
        pairs: impl Iterator<Item = (&'f FtlFile, &'f FtlFile)>,
    ) -> Option<LengthStats> {
        let mut ratios: Vec<f64> = pairs
            .flat_map(|(reference, translation)| translation.pattern_pairs(reference))
            .filter_map(|pair| Self::log_ratio(&pair))
            .collect();
        if ratios.len() < Self::MIN_SAMPLES {
            return None;
        }
        let median = |v: &mut Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        let m = median(&mut ratios);
        let mut deviations: Vec<f64> = ratios.iter().map(|x| (x - m).abs()).collect();
        // 1.4826 makes the MAD a standard deviation for normal data.
        let spread = 1.4826 * median(&mut deviations);
        Some(LengthStats { median: m, spread })
    }

    /// When the log ratio `x` is far below the locale's: the locale's median. More than four
    /// deviations (at least 0.2 each) below it, and under two thirds of the usual length.
    pub fn too_short(&self, x: f64) -> Option<f64> {
        let cut = self.median - 4.0 * self.spread.max(0.2);
        (x < cut && x < self.median + (2.0f64 / 3.0).ln()).then_some(self.median)
    }
}

/// How a locale renders the termbase (the usage model, which knows no rule) and what the
/// locale-wide terminology rules made of it, worked out once by the first file that needs
/// it and read by every file of the locale.
pub struct LocaleTerms {
    pub usage: crate::terms::TermUsage,
    pub(crate) inconsistencies: std::sync::OnceLock<rules::Inconsistencies>,
}

impl LocaleTerms {
    pub fn new(usage: crate::terms::TermUsage) -> LocaleTerms {
        LocaleTerms {
            usage,
            inconsistencies: std::sync::OnceLock::new(),
        }
    }
}

impl<'a> FileCheck<'a> {
    /// The compiled termbase and this locale's matcher, when the project has a termbase.
    pub fn term_matcher(&self) -> Option<(&'a Terms, &'a crate::terminology::matcher::Matcher)> {
        let terms = self.terms?;
        Some((terms, terms.matcher(&self.locale.tag)?))
    }

    /// Entries present in both files, by ID.
    pub fn entry_pairs(&self) -> impl Iterator<Item = (&'a Entry, &'a Entry)> + '_ {
        let reference = self.reference;
        self.translation
            .into_iter()
            .flat_map(|t| t.entries.iter())
            .filter_map(move |e| Some((reference?.entry(&e.id)?, e)))
    }

    /// Patterns present in both: values and same-named attributes (paired once per file,
    /// for every rule).
    pub fn pattern_pairs(&self) -> impl Iterator<Item = PatternPair<'a>> + '_ {
        self.pairs
            .get_or_init(|| match (self.translation, self.reference) {
                (Some(t), Some(r)) => t.pattern_pairs(r),
                _ => Vec::new(),
            })
            .iter()
            .copied()
    }

    /// Whether some file of the locale or of the reference defines `id`.
    pub fn knows(&self, id: &str) -> bool {
        self.known_ids.contains(id) || self.locale_ids.contains(id)
    }

    /// A finding in the translation file at `span`.
    pub fn finding(
        &self,
        rule: &Rule,
        span: std::ops::Range<usize>,
        entry: Option<&Entry>,
        attribute: Option<&str>,
        text: String,
    ) -> Finding {
        let (path, (line, column)) = match self.translation {
            Some(file) => (file.shown.clone(), file.position(span.start)),
            None => (self.translation_path.clone(), (1, 1)),
        };
        Finding {
            rule: rule.name,
            severity: rule.severity,
            locale: self.locale.tag.clone(),
            path,
            message_id: entry.map(|e| e.id.clone()),
            attribute: attribute.map(str::to_owned),
            line,
            column,
            text,
            reference: None,
            translation: None,
            hint: None,
            reference_before: None,
            span,
            reference_span: None,
        }
    }

    /// Where `needle` is in the reference's text of `pair` (its `nth` occurrence not next to
    /// a character `joins` accepts), as a [`Finding::reference_span`].
    pub fn reference_place(
        &self,
        pair: &PatternPair<'_>,
        needle: &str,
        nth: usize,
        joins: fn(char) -> bool,
    ) -> Option<(String, std::ops::Range<usize>)> {
        let file = self.reference?;
        let span = occurrence(file, pair.reference.span.clone(), needle, nth, joins)?;
        Some((file.shown.clone(), span))
    }

    /// A finding about a pattern pair, pointing at the translation's text (or, for a needle
    /// found in it, at that needle).
    pub fn pair_finding(
        &self,
        rule: &Rule,
        pair: &PatternPair<'_>,
        needle: Option<&str>,
        text: String,
    ) -> Finding {
        self.pattern_finding(
            rule,
            pair.entry,
            pair.attribute,
            pair.translation,
            needle,
            text,
        )
    }

    /// A finding about something a pattern pair's translation lacks (a number, a tag): there
    /// is nothing to underline, so it points at the first character of the translation's
    /// text (or, without text, as [`FileCheck::pair_finding`] does).
    pub fn pair_lack_finding(&self, rule: &Rule, pair: &PatternPair<'_>, text: String) -> Finding {
        let start = pair.translation.span.start;
        let first = self
            .translation
            .and_then(|f| f.text().get(start..)?.chars().next())
            .filter(|_| pair.translation.span.end > start);
        match first {
            Some(c) => self.finding(
                rule,
                start..start + c.len_utf8(),
                Some(pair.entry),
                pair.attribute,
                text,
            ),
            None => self.pair_finding(rule, pair, None, text),
        }
    }

    /// A finding about one pattern of the file, pointing at its text (or, for a needle found
    /// in it, at that needle; or at the entry's ID when the pattern has no text).
    pub fn pattern_finding(
        &self,
        rule: &Rule,
        entry: &Entry,
        attribute: Option<&str>,
        pattern: &Pattern,
        needle: Option<&str>,
        text: String,
    ) -> Finding {
        let span = match (needle, self.translation) {
            (Some(n), Some(file)) if !n.is_empty() => {
                let s = &pattern.span;
                file.text()
                    .get(s.clone())
                    .and_then(|t| t.find(n))
                    .map(|i| s.start + i..s.start + i + n.len())
                    .unwrap_or_else(|| s.clone())
            }
            _ if pattern.span.end > pattern.span.start => pattern.span.clone(),
            _ => entry.offset..entry.offset + entry.id.len(),
        };
        self.finding(rule, span, Some(entry), attribute, text)
    }
}

/// The byte range in `file` of the `nth` occurrence of `needle` within `within`, with no
/// character that `joins` accepts on either side (a digit, for a number: `25` is not in
/// `250`).
pub(crate) fn occurrence(
    file: &FtlFile,
    within: std::ops::Range<usize>,
    needle: &str,
    nth: usize,
    joins: fn(char) -> bool,
) -> Option<std::ops::Range<usize>> {
    let text = file.text().get(within.clone())?;
    if needle.is_empty() {
        return None;
    }
    text.match_indices(needle)
        .filter(|(i, m)| {
            !text[..*i].chars().next_back().is_some_and(joins)
                && !text[i + m.len()..].chars().next().is_some_and(joins)
        })
        .nth(nth)
        .map(|(i, m)| within.start + i..within.start + i + m.len())
}
