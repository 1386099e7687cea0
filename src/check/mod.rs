//! `medloc check`: runs the rule registry (`rules/`) over every locale file against its
//! reference and returns findings. Reads the [`Catalog`]; never writes, never prints.

pub mod cache;
pub mod rules;
pub(crate) mod scan;
mod session;
mod stream;

pub use session::{FileRole, Session, check_syntax_only};
pub use stream::{RunSummary, Stream, StreamedCheck, Unit, check_each, check_streamed};

pub use crate::catalog::PatternPair;
use crate::catalog::{Catalog, Entry, FtlFile, LocaleFiles, Pattern};
use crate::error::{Error, Result};
use crate::project::{Filter, Project};
use crate::stale::LocaleState;
use crate::terminology::index::{ReferenceIndex, TermLookup};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

/// How serious a finding is. `error` fails `check`; `warning` fails it with
/// `--deny warnings`; `info` never does.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Which files a rule looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// One file on its own: also run on the reference files.
    File,
    /// A translation against its reference.
    Pair,
    /// A reference file on its own (the file is [`FileCheck::translation`], as for `File`,
    /// and [`FileCheck::terms`] is set): problems for authors of the source.
    Reference,
    /// A translation against its reference, judged with what the whole locale does
    /// ([`FileCheck::term_usage`], computed once per locale before these rules run on each
    /// file, so findings keep their file and line and locales stay parallel).
    Locale,
}

/// A rule of the registry: a stable kebab-case name, a default severity, and the function
/// that finds its violations. Its documentation is the `//!` comment of its file.
pub struct Rule {
    pub name: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
    pub scope: Scope,
    pub check: fn(&FileCheck<'_>, &mut Vec<Finding>),
}

impl Rule {
    /// Whether the rule reads [`FileCheck::length_stats`] (worked out only when one runs).
    fn uses_length_stats(&self) -> bool {
        matches!(self.name, "length-outlier" | "sentence-count-mismatch")
    }
}

/// One problem found.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub locale: String,
    /// Relative to the project root.
    pub path: String,
    pub message_id: Option<String>,
    pub attribute: Option<String>,
    /// 1-based.
    pub line: usize,
    pub column: usize,
    pub text: String,
    /// The reference text of the message, when the finding is about one.
    pub reference: Option<String>,
    /// The translation's text of the message.
    pub translation: Option<String>,
    pub hint: Option<String>,
    /// For a stale translation, the reference text when the translation was made (from git
    /// history); the reference now is `reference`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_before: Option<String>,
    /// Byte span in the file, for the snippet (not serialized).
    #[serde(skip)]
    pub span: std::ops::Range<usize>,
    /// Where the reference has what the finding is about (the number or tag the translation
    /// changed or lacks): the reference file as shown and the byte span there, for the text
    /// report's second snippet (not serialized).
    #[serde(skip)]
    pub reference_span: Option<(String, std::ops::Range<usize>)>,
}

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
    pub do_not_translate: &'a scan::Names,
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

pub use crate::terminology::Terms;

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

/// Facts about a locale the rules need.
#[derive(Debug, Clone)]
pub struct LocaleInfo {
    pub tag: String,
    pub right_to_left: bool,
    pub plural_categories: Vec<&'static str>,
    pub decimal: char,
    /// The language subtag of the project's reference locale (`en` of `en-US`).
    pub reference_language: String,
    /// The scripts the locale is written in: its CLDR likely script (ICU4X `LocaleExpander`,
    /// `ru` to `Cyrl`), Japanese as Han, Hiragana and Katakana, Korean as Hangul and Han.
    /// Empty when CLDR does not know the locale: no script findings then.
    pub scripts: Vec<icu_properties::props::Script>,
}

impl LocaleInfo {
    pub fn new(tag: &str) -> LocaleInfo {
        let langid: Option<unic_langid::LanguageIdentifier> = tag.parse().ok();
        let right_to_left = langid
            .as_ref()
            .is_some_and(|l| l.character_direction() == unic_langid::CharacterDirection::RTL);
        LocaleInfo {
            tag: tag.to_owned(),
            right_to_left,
            plural_categories: langid.map(plural_categories).unwrap_or_default(),
            decimal: scan::decimal_separator(tag),
            reference_language: "en".to_owned(),
            scripts: expected_scripts(tag),
        }
    }

    /// The facts with the project's reference locale (`en-US` by default).
    pub fn with_reference(mut self, reference: &str) -> LocaleInfo {
        self.reference_language = language_of(reference).to_owned();
        self
    }

    /// A regional variant of the reference language (`en-GB`, `en-CA` for an `en-US`
    /// project), whose text may rightly be identical to the reference's.
    pub fn is_reference_language(&self) -> bool {
        language_of(&self.tag).eq_ignore_ascii_case(&self.reference_language)
    }
}

/// The scripts a locale is written in (see [`LocaleInfo::scripts`]).
fn expected_scripts(tag: &str) -> Vec<icu_properties::props::Script> {
    use icu_properties::PropertyParser;
    use icu_properties::props::Script;
    let Ok(mut id) = icu_locale_core::LanguageIdentifier::try_from_str(&tag.replace('_', "-"))
    else {
        return Vec::new();
    };
    if id.script.is_none() {
        let _ = icu_locale::LocaleExpander::new_extended().maximize(&mut id);
    }
    let Some(script) = id.script else {
        return Vec::new();
    };
    match script.as_str() {
        "Jpan" => vec![Script::Han, Script::Hiragana, Script::Katakana],
        "Kore" => vec![Script::Hangul, Script::Han],
        "Hans" | "Hant" => vec![Script::Han],
        code => PropertyParser::<Script>::new()
            .get_strict(code)
            .into_iter()
            .collect(),
    }
}

/// The language subtag of a locale tag (`pt` of `pt-BR`, `sr` of `sr_Latn`).
fn language_of(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

/// The CLDR cardinal plural categories a language uses for whole numbers, found by sampling
/// (the plural rules crate has no list of them). Categories only fractions reach (`many` in
/// Czech) are left out: counts of doses, days and files are whole.
fn plural_categories(langid: unic_langid::LanguageIdentifier) -> Vec<&'static str> {
    use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
    let Ok(rules) = PluralRules::create(langid, PluralRuleType::CARDINAL) else {
        return Vec::new();
    };
    let mut found: Vec<PluralCategory> = Vec::new();
    let samples = (0..=200u32).map(|n| n.to_string()).chain(
        [
            "1000", "10000", "100000", "1000000", "0.5", "1.5", "2.5", "0.1", "1.1", "2.1",
        ]
        .map(str::to_owned),
    );
    for n in samples {
        if let Ok(category) = rules.select(n.as_str())
            && !found.contains(&category)
        {
            found.push(category);
        }
    }
    [
        (PluralCategory::ZERO, "zero"),
        (PluralCategory::ONE, "one"),
        (PluralCategory::TWO, "two"),
        (PluralCategory::FEW, "few"),
        (PluralCategory::MANY, "many"),
        (PluralCategory::OTHER, "other"),
    ]
    .into_iter()
    .filter(|(c, _)| found.contains(c))
    .map(|(_, name)| name)
    .collect()
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

/// Options of one check run.
#[derive(Debug, Default, Clone)]
pub struct CheckOptions {
    /// Only these locales (empty: all).
    pub locales: Vec<String>,
    /// Only files whose path (relative to the root, or to the locale directory) is listed.
    pub paths: Vec<String>,
    /// Only this shard of the locales (`--shard K/N`); the reference's own findings are
    /// reported by shard 1.
    pub shard: Option<crate::project::Shard>,
}

impl CheckOptions {
    /// Whether the run reports the reference's own findings (syntax, duplicates, its
    /// deprecated terms): with no `--locale`, with `--locale` naming the reference, or with
    /// paths naming reference files as shown (`locales/en-US/guide.ftl`; `shown`: the
    /// reference files' paths). A translator's `check --locale es` does not repeat the
    /// authors' problems, nor does `check --locale es guide.ftl` (es's file).
    pub fn reference_in_scope<'s>(
        &self,
        reference: &str,
        mut shown: impl Iterator<Item = &'s str>,
    ) -> bool {
        let named = |file: &str| {
            self.paths
                .iter()
                .any(|p| p.trim_start_matches("./") == file)
        };
        self.locales.is_empty() || self.locales.iter().any(|l| l == reference) || shown.any(named)
    }

    /// The `--locale` list without the reference (which is not one of the project's
    /// locales), and whether only the reference was named.
    pub(crate) fn translation_locales(&self, project: &Project) -> (Vec<String>, bool) {
        let reference = &project.reference_locale;
        let is_reference =
            |l: &String| l == reference && !project.locales.iter().any(|x| x == reference);
        let others: Vec<String> = self
            .locales
            .iter()
            .filter(|l| !is_reference(l))
            .cloned()
            .collect();
        let only_reference = !self.locales.is_empty() && others.is_empty();
        (others, only_reference)
    }
}

/// The result of a check run.
#[derive(Debug, Default)]
pub struct CheckReport {
    pub reference: String,
    pub findings: Vec<Finding>,
    /// Locales or files that could not be checked at all.
    pub problems: Vec<Error>,
    /// The locales checked, in order.
    pub locales: Vec<String>,
}

impl CheckReport {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

/// Severity overrides and filters from the project file, validated once.
pub struct Policy {
    overrides: HashMap<String, Option<Severity>>,
    filters: Vec<CompiledFilter>,
}

struct CompiledFilter {
    paths: Vec<regex::Regex>,
    keys: Vec<KeyMatch>,
    action: Option<Severity>,
}

enum KeyMatch {
    Exact(String),
    Pattern(regex::Regex),
}

impl Policy {
    pub fn from_project(project: &Project) -> Result<Policy> {
        let config_path = project
            .config_path
            .clone()
            .unwrap_or_else(|| Path::new(crate::project::CONFIG_FILE).to_owned());
        let err = |origin: Option<&(std::path::PathBuf, usize)>, message: String| {
            let (path, line) = origin.cloned().unwrap_or((config_path.clone(), 1));
            Error::Config {
                path,
                line,
                message,
            }
        };
        let mut overrides = HashMap::new();
        for (name, level) in &project.config.medloc.rules {
            let origin = project.origins.rules.get(name);
            if rules::find(name).is_none() {
                return Err(err(
                    origin,
                    format!("[medloc.rules] {name}: no such rule; `medloc rules` lists them"),
                ));
            }
            let severity = match level.get_ref().as_str() {
                "off" | "ignore" => None,
                other => Some(Severity::parse(other).ok_or_else(|| {
                    err(origin, format!("[medloc.rules] {name} = {other:?}: use \"error\", \"warning\", \"info\" or \"off\""))
                })?),
            };
            overrides.insert(name.clone(), severity);
        }
        let mut filters = Vec::new();
        for (i, filter) in project.config.filters.iter().enumerate() {
            filters.push(
                compile_filter(filter.get_ref(), project)
                    .map_err(|m| err(project.origins.filters.get(i), m))?,
            );
        }
        Ok(Policy { overrides, filters })
    }

    /// Whether a rule runs at all (not turned `off` in `[medloc.rules]`).
    pub fn enabled(&self, rule: &str) -> bool {
        !matches!(self.overrides.get(rule), Some(None))
    }

    fn apply(&self, mut finding: Finding) -> Option<Finding> {
        if let Some(level) = self.overrides.get(finding.rule) {
            finding.severity = (*level)?;
        }
        // compare-locales filters: the last match wins.
        let mut action = None;
        for filter in &self.filters {
            let path_ok =
                filter.paths.is_empty() || filter.paths.iter().any(|p| p.is_match(&finding.path));
            let key_ok = filter.keys.is_empty()
                || finding.message_id.as_deref().is_some_and(|id| {
                    filter.keys.iter().any(|k| match k {
                        KeyMatch::Exact(s) => s == id,
                        KeyMatch::Pattern(r) => r.is_match(id),
                    })
                });
            if path_ok && key_ok {
                action = Some(filter.action);
            }
        }
        match action {
            Some(None) => None,
            Some(Some(level)) => {
                finding.severity = level;
                Some(finding)
            }
            None => Some(finding),
        }
    }
}

fn compile_filter(
    filter: &Filter,
    project: &Project,
) -> std::result::Result<CompiledFilter, String> {
    let action = match filter.action.as_str() {
        "ignore" => None,
        other => Some(Severity::parse(other).ok_or_else(|| {
            format!("[[filters]] action = {other:?}: use error, warning or ignore")
        })?),
    };
    let root = project.root.to_string_lossy().replace('\\', "/");
    let paths = filter
        .path
        .iter()
        .flat_map(|p| p.items())
        .map(|p| {
            let p = p.replace("{l10n_base}", ".").replace("{locale}", "*");
            let p = p
                .strip_prefix(&format!("{root}/"))
                .unwrap_or(&p)
                .trim_start_matches("./")
                .to_owned();
            glob_regex(&p).map_err(|e| format!("[[filters]] path {p:?}: {e}"))
        })
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let keys = filter
        .key
        .iter()
        .flat_map(|k| k.items())
        .map(|k| match k.strip_prefix("re:") {
            Some(re) => regex::Regex::new(&format!("^(?:{re})"))
                .map(KeyMatch::Pattern)
                .map_err(|e| format!("[[filters]] key {k:?}: {e}")),
            None => Ok(KeyMatch::Exact(k.clone())),
        })
        .collect::<std::result::Result<Vec<_>, _>>()?;
    Ok(CompiledFilter {
        paths,
        keys,
        action,
    })
}

fn glob_regex(glob: &str) -> std::result::Result<regex::Regex, regex::Error> {
    let mut re = String::from("^");
    let mut chars = glob.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' if chars.peek() == Some(&'*') => {
                chars.next();
                re.push_str(".*");
            }
            '*' => re.push_str("[^/]*"),
            '?' => re.push_str("[^/]"),
            c => re.push_str(&regex::escape(&c.to_string())),
        }
    }
    re.push('$');
    regex::Regex::new(&re)
}

/// What every file of a run is checked with, read once.
pub(crate) struct RunContext<'a> {
    pub project: &'a Project,
    pub policy: &'a Policy,
    pub shared: &'a [String],
    pub reference_ids: &'a HashSet<String>,
    pub do_not_translate: &'a scan::Names,
    pub terms: Option<&'a Terms>,
    /// The reference's term matches, computed once for every locale.
    pub reference_index: Option<&'a ReferenceIndex>,
    /// Term matches kept across runs by text (the language server's session).
    pub text_memo: Option<&'a crate::terminology::index::TextMemo>,
    pub paths: &'a [String],
}

impl RunContext<'_> {
    /// Whether the run's path filter keeps a file.
    fn wanted(&self, rel: &Path, shown: &str) -> bool {
        self.paths.is_empty()
            || self.paths.iter().any(|p| {
                let p = p.trim_start_matches("./");
                p == shown || Path::new(p) == rel || shown.ends_with(p)
            })
    }

    /// The reference on its own (syntax, duplicates, cycles, source terms): its problems
    /// are everyone's.
    pub fn check_reference(&self, reference: &LocaleFiles) -> Vec<Finding> {
        let reference_info = LocaleInfo::new(&self.project.reference_locale)
            .with_reference(&self.project.reference_locale);
        let mut findings: Vec<Finding> = Vec::new();
        let no_shared = HashMap::new();
        // The reference's patterns were matched once for the run (the index).
        let lookup = self
            .terms
            .and_then(|t| TermLookup::new(t, &self.project.reference_locale))
            .map(|l| l.with_reference_index(self.reference_index));
        for file in reference.files.values() {
            if !self.wanted(&file.rel, &file.shown) {
                continue;
            }
            let ctx = FileCheck {
                locale: &reference_info,
                reference: None,
                translation: Some(file),
                fallback: None,
                translation_path: file.shown.clone(),
                known_ids: self.reference_ids,
                locale_ids: &Default::default(),
                shared_ids: &no_shared,
                state: None,
                do_not_translate: self.do_not_translate,
                terms: self.terms,
                term_usage: None,
                term_lookup: lookup.as_ref(),
                pairs: Default::default(),
                length_stats: None,
            };
            run_rules(&ctx, Scope::File, self.policy, &mut findings);
            run_rules(&ctx, Scope::Reference, self.policy, &mut findings);
        }
        findings
    }

    /// One locale of `catalog` (which holds it and the locale it falls back to).
    pub fn check_locale(
        &self,
        catalog: &Catalog,
        locale: &LocaleFiles,
        state: Option<&LocaleState>,
    ) -> Vec<Finding> {
        let info = LocaleInfo::new(&locale.locale).with_reference(&self.project.reference_locale);
        let locale_ids: rustc_hash::FxHashSet<&str> = locale
            .files
            .values()
            .flat_map(|f| f.entries.iter().map(|e| e.id.as_str()))
            .collect();
        let is_shared = |rel: &Path| self.shared.iter().any(|s| Path::new(s) == rel);
        let mut shared_ids = HashMap::new();
        for (rel, file) in &locale.files {
            if is_shared(rel) {
                for e in &file.entries {
                    shared_ids.insert(e.id.clone(), file.shown.clone());
                }
            }
        }
        // A regional locale falls back to its parent when the project has it (es-MX to es).
        let parent = parent_locale(&locale.locale, catalog);
        // Locale-wide facts, from every file of the locale (whatever the path filter).
        let locale_rules = rules::RULES
            .iter()
            .any(|r| r.scope == Scope::Locale && self.policy.enabled(r.name));
        let lookup = self
            .terms
            .and_then(|t| TermLookup::new(t, &locale.locale))
            .map(|l| {
                l.with_reference_index(self.reference_index)
                    .with_text_memo(self.text_memo)
            });
        let term_usage = lookup
            .as_ref()
            .filter(|_| locale_rules)
            .and_then(|l| crate::terms::for_locale(l, catalog, &locale.locale))
            .map(LocaleTerms::new);
        // How long the locale's translations are, over all its files (whatever the filter).
        let length_stats = rules::RULES
            .iter()
            .any(|r| r.uses_length_stats() && self.policy.enabled(r.name))
            .then(|| {
                LengthStats::of_files(locale.files.iter().filter_map(|(rel, t)| {
                    Some((catalog.reference.files.get(rel)?.as_ref(), t.as_ref()))
                }))
            })
            .flatten();
        // The reference files that apply to the locale (`[[paths]] locales`), and its own.
        let mut rels: Vec<&Path> = catalog
            .reference
            .files
            .keys()
            .filter(|rel| locale.expects(rel))
            .map(|p| p.as_path())
            .collect();
        rels.extend(locale.files.keys().map(|p| p.as_path()));
        rels.sort();
        rels.dedup();
        let mut out = Vec::new();
        let empty = HashMap::new();
        for rel in rels {
            let shown = locale
                .shown(rel)
                .map(str::to_owned)
                .unwrap_or_else(|| self.project.display_path(rel));
            if !self.wanted(rel, &shown) {
                continue;
            }
            let ctx = FileCheck {
                locale: &info,
                reference: catalog.reference.files.get(rel).map(|f| f.as_ref()),
                translation: locale.files.get(rel).map(|f| f.as_ref()),
                fallback: parent.and_then(|p| p.files.get(rel)).map(|f| f.as_ref()),
                translation_path: shown,
                known_ids: self.reference_ids,
                locale_ids: &locale_ids,
                shared_ids: if is_shared(rel) { &empty } else { &shared_ids },
                state,
                do_not_translate: self.do_not_translate,
                terms: self.terms,
                term_usage: term_usage.as_ref(),
                term_lookup: lookup.as_ref(),
                pairs: Default::default(),
                length_stats: length_stats.as_ref(),
            };
            run_rules(&ctx, Scope::File, self.policy, &mut out);
            run_rules(&ctx, Scope::Pair, self.policy, &mut out);
            run_rules(&ctx, Scope::Locale, self.policy, &mut out);
        }
        out
    }
}

/// The IDs the reference defines.
pub(crate) fn reference_ids(reference: &LocaleFiles) -> HashSet<String> {
    reference
        .files
        .values()
        .flat_map(|f| f.entries.iter().map(|e| e.id.clone()))
        .collect()
}

/// Findings in report order (reference first, then by locale, file and position), each once.
pub(crate) fn sort_findings(project: &Project, findings: &mut Vec<Finding>) {
    let reference = project.reference_locale.as_str();
    findings.sort_by(|a, b| {
        (
            a.locale != reference,
            &a.locale,
            &a.path,
            a.line,
            a.column,
            a.rule,
            &a.attribute,
        )
            .cmp(&(
                b.locale != reference,
                &b.locale,
                &b.path,
                b.line,
                b.column,
                b.rule,
                &b.attribute,
            ))
    });
    findings.dedup();
}

/// Runs every enabled rule over the catalog. Locales in parallel; output sorted.
pub fn check(
    project: &Project,
    catalog: &Catalog,
    states: &HashMap<String, LocaleState>,
    do_not_translate: &[String],
    terms: Option<&Terms>,
    options: &CheckOptions,
) -> Result<CheckReport> {
    let policy = Policy::from_project(project)?;
    let reference_ids = reference_ids(&catalog.reference);
    let reference_index = terms.map(|t| ReferenceIndex::new(t, Arc::clone(&catalog.reference)));
    let names = scan::Names::new(do_not_translate.to_vec());
    let run = RunContext {
        project,
        policy: &policy,
        shared: &project.config.medloc.shared,
        reference_ids: &reference_ids,
        do_not_translate: &names,
        terms,
        reference_index: reference_index.as_ref(),
        text_memo: None,
        paths: &options.paths,
    };
    let in_scope = options.reference_in_scope(
        &project.reference_locale,
        catalog.reference.files.values().map(|f| f.shown.as_str()),
    );
    let mut findings = if crate::project::Shard::owns_reference(options.shard) && in_scope {
        run.check_reference(&catalog.reference)
    } else {
        Vec::new()
    };
    let per_locale: Vec<Vec<Finding>> = catalog
        .locales
        .par_iter()
        .map(|locale| run.check_locale(catalog, locale, states.get(&locale.locale)))
        .collect();
    findings.extend(per_locale.into_iter().flatten());
    sort_findings(project, &mut findings);
    let mut problems: Vec<Error> = Vec::new();
    problems.extend(
        catalog
            .reference
            .unreadable
            .iter()
            .map(|e| Error::Usage(e.to_string())),
    );
    for locale in &catalog.locales {
        problems.extend(
            locale
                .unreadable
                .iter()
                .map(|e| Error::Usage(e.to_string())),
        );
    }
    problems.extend(catalog.problems.iter().map(|e| Error::Usage(e.to_string())));
    Ok(CheckReport {
        reference: project.reference_locale.clone(),
        findings,
        problems,
        locales: catalog.locales.iter().map(|l| l.locale.clone()).collect(),
    })
}

/// The nearest locale of the catalog (checked or loaded for fallback) this one falls back
/// to before the reference.
pub fn parent_locale<'c>(tag: &str, catalog: &'c Catalog) -> Option<&'c LocaleFiles> {
    let mut tag = tag;
    while let Some(cut) = tag.rfind('-') {
        tag = &tag[..cut];
        if let Some(found) = catalog.locale(tag) {
            return Some(found);
        }
    }
    None
}

fn run_rules(ctx: &FileCheck<'_>, scope: Scope, policy: &Policy, out: &mut Vec<Finding>) {
    let mut raw = Vec::new();
    for rule in rules::RULES.iter().filter(|r| r.scope == scope) {
        if scope != Scope::Pair && ctx.translation.is_none() {
            continue;
        }
        (rule.check)(ctx, &mut raw);
    }
    merge_repeats(&mut raw);
    for mut finding in raw {
        // A translator's `# medloc-ignore: RULE` exempts that message.
        let entry = finding
            .message_id
            .as_deref()
            .and_then(|id| ctx.translation.and_then(|t| t.entry(id)));
        if entry.is_some_and(|e| {
            e.ignored_rules
                .iter()
                .any(|r| r == finding.rule || r == "all")
        }) {
            continue;
        }
        if let Some(id) = finding.message_id.as_deref() {
            let text_of = |file: Option<&FtlFile>| {
                let e = file?.entry(id)?;
                match finding.attribute.as_deref() {
                    None => e.value.as_ref().map(|p| p.text.clone()),
                    Some(a) => e
                        .attributes
                        .iter()
                        .find(|x| x.name == a)
                        .map(|x| x.pattern.text.clone()),
                }
            };
            if ctx.reference.is_some() {
                finding.reference = text_of(ctx.reference);
                finding.translation = text_of(ctx.translation);
            }
        }
        if let Some(f) = policy.apply(finding) {
            out.push(f);
        }
    }
}

/// One defect, one finding: of the findings of one rule on one pattern with the same text
/// (the same name missing twice, the same tag typed twice), the first is kept.
fn merge_repeats(findings: &mut Vec<Finding>) {
    let mut seen = rustc_hash::FxHashSet::default();
    let keep: Vec<bool> = findings
        .iter()
        .map(|f| {
            f.message_id.is_none()
                || seen.insert((
                    f.rule,
                    f.message_id.as_deref(),
                    f.attribute.as_deref(),
                    f.text.as_str(),
                ))
        })
        .collect();
    let mut keep = keep.into_iter();
    findings.retain(|_| keep.next().unwrap_or(true));
}

/// Checks the project ([`check_streamed`]: from the cache where it holds the findings) and
/// loads the catalog of the run's locales, for the stages that need both (coverage, render,
/// build).
pub fn check_project(
    project: &Project,
    options: &CheckOptions,
    cache: Option<&cache::Cache>,
) -> Result<(StreamedCheck, Catalog)> {
    let run = check_streamed(project, options, cache)?;
    let catalog = Catalog::load(project, &run.report.locales)?;
    Ok((run, catalog))
}

/// The stale-tracking states (the state files, and what git history says) and the
/// termbase. What cannot be loaded is added to `problems` and left out; the check goes on.
/// What history cannot tell is added to `notes`.
pub(crate) fn load_side_inputs(
    project: &Project,
    problems: &mut Vec<Error>,
    notes: &mut Vec<String>,
    cache: Option<&std::path::Path>,
) -> (HashMap<String, LocaleState>, crate::terminology::Termbase) {
    let mut states: HashMap<String, LocaleState> =
        match crate::stale::load_states(project, &project.locales) {
            Ok(s) => s.into_iter().collect(),
            Err(e) => {
                problems.push(e);
                HashMap::new()
            }
        };
    let (history, history_notes) = crate::stale::history_states(project, &project.locales, cache);
    notes.extend(history_notes);
    for (locale, from_git) in history {
        match states.get_mut(&locale) {
            Some(state) => state.history = from_git.history,
            None => {
                states.insert(locale, from_git);
            }
        }
    }
    let termbase = match load_termbase(project) {
        Ok(tb) => tb,
        Err(e) => {
            problems.push(e);
            crate::terminology::Termbase::default()
        }
    };
    (states, termbase)
}

/// The termbase's do-not-translate names (any language), sorted, each once.
pub fn do_not_translate_names(termbase: &crate::terminology::Termbase) -> Vec<String> {
    termbase
        .concepts
        .iter()
        .flat_map(|c| c.languages.iter().flat_map(|l| l.terms.iter()))
        .filter(|t| t.do_not_translate)
        .map(|t| t.text.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// The project's termbases, merged.
pub fn load_termbase(project: &Project) -> Result<crate::terminology::Termbase> {
    let mut termbase = crate::terminology::Termbase::default();
    for rel in &project.config.medloc.termbase {
        let path = project.root.join(rel);
        let shown = std::path::PathBuf::from(project.display_path(&path));
        termbase.extend(
            crate::terminology::Termbase::load(&path, &shown).map_err(|e| Error::Termbase {
                source: Box::new(e),
            })?,
        );
    }
    Ok(termbase)
}
