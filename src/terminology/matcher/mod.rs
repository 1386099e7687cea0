//! Term matching: finds the terms of a [`Termbase`] in message text, one compiled [`Matcher`]
//! per locale.
//!
//! What it does:
//! - Text and terms are compared after Unicode normalization (NFC) and lowercasing.
//! - Word boundaries come from Unicode word segmentation (UAX #29). Apostrophes split
//!   elisions (`l’endocardite` is `l` + `endocardite`) except in English, whose stemmer
//!   handles the possessive `'s`.
//! - Words are stemmed per language (Snowball stemmers from `rust-stemmers`, a light
//!   stemmer of our own for Arabic), so inflected forms match; a multi-word term matches as
//!   the same sequence of stems, in the same order, not across a sentence break.
//! - Languages written without spaces (Chinese, Japanese, Korean, Thai, ...) are matched as
//!   substrings of the normalized text instead.
//! - Stemmers also conflate derivations (Snowball gives `addict` for `addiction`); for the
//!   European languages an inflection guard undoes that: a word matches a term word with
//!   the same stem only if the two differ by an inflection-sized ending (see
//!   `inflection_distance`). When several terms fit a span, the closest form wins.
//! - German and Dutch compounds match when a one-word term (stem of 5 letters or more) is
//!   the last part of a longer word (`Entzündung` in `Herzklappenentzündung`), and a word
//!   the stemmer leaves unreduced still matches by its letters (`Nadeln` for `Nadel`).
//! - Markup tags (`<a data-l10n-name="...">`), `{ ... }` placeables, URLs and e-mail
//!   addresses are blanked out before matching, so nothing in them matches.
//!
//! The terms are compiled once per locale into Aho-Corasick automata over stems (or over
//! normalized text), so matching one message costs one segmentation, one stemming pass and
//! one automaton scan, whatever the size of the termbase.
//!
//! What it does not do: it does not parse Fluent (callers pass message prose), does not
//! decide whether a match is an error (the status of the term is reported, checks decide),
//! does not lemmatize (irregular forms such as broken Arabic plurals or German umlaut
//! plurals outside the stemmer's reach match only when the termbase lists them), and does not
//! match terms split by markup inside a word.

use super::{Status, Termbase};
use crate::text::words::is_spaced_word_char;
use aho_corasick::{AhoCorasick, MatchKind};
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;

mod arabic;
mod mask;
#[cfg(test)]
mod tests;
mod words;

use arabic::{ARABIC_PREFIXES, arabic_consonants};
use mask::{mask, normalize_chars};
use words::{Analysis, analyze, base_string, fold_into, inflection_distance};

/// One term of one concept, as compiled for a locale.
///
/// `term` indexes the terms of the section that [`super::Concept::language_or_parent`]
/// returns for the matcher's locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct TermRef {
    /// Index into `termbase.concepts`.
    pub concept: usize,
    /// Index into the terms of the concept's section for the locale.
    pub term: usize,
    /// The status of the term (a forbidden term is reported like any other).
    pub status: Status,
}

/// A match in a text: byte range in the original text given to [`Matcher::find`], and
/// which term matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct TermMatch {
    /// Byte offset of the first matched word (a char boundary of the original text).
    pub start: usize,
    /// Byte offset just past the last matched word.
    pub end: usize,
    /// The term that matched.
    pub term: TermRef,
}

/// The matches of one text: per matched span (leftmost-longest, non-overlapping, by start),
/// the best term first, then the equally close terms of the same span.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Matches {
    groups: Vec<Vec<TermMatch>>,
}

impl Matches {
    /// The best term of each span ([`Matcher::find`]).
    pub fn best(&self) -> impl Iterator<Item = TermMatch> + '_ {
        self.groups.iter().filter_map(|g| g.first().copied())
    }

    /// Every equally close term of each span ([`Matcher::find_all`]).
    pub fn all(&self) -> impl Iterator<Item = TermMatch> + '_ {
        self.groups.iter().flatten().copied()
    }

    /// The concepts named, deduplicated and sorted ([`Matcher::concepts`]).
    pub fn concepts(&self) -> Vec<usize> {
        let mut concepts: Vec<usize> = self.all().map(|m| m.term.concept).collect();
        concepts.sort_unstable();
        concepts.dedup();
        concepts
    }
}

/// Separates stems in the joined stem strings that the automata scan.
const SEP: char = '\u{1F}';
/// Stands for a sentence break between two words; no pattern spans it unless the term itself
/// contains one.
const BREAK: char = '\u{1E}';
/// Added to the score of a compound match so that a whole-word match of the same span wins.
const COMPOUND_PENALTY: u32 = 10;

/// How the words of a language are reduced before comparison.
enum Stem {
    /// No stemmer for the language: words compare after normalization only.
    Identity,
    Snowball(Stemmer),
    /// Light stemming of Arabic (see `arabic_stem`).
    Arabic,
}

/// A language written with spaces between words.
struct WordLang {
    /// This compiled language's key in the per-thread word cache (unique per process).
    id: u64,
    stem: Stem,
    /// Split words at apostrophes (French `l’`, `d’`, Italian `dell’`).
    split_apostrophes: bool,
    /// Check that a token and a term word with equal stems differ only by an inflection-sized
    /// ending, so that stemmer conflation of derivations (`addict` / `addiction`) is undone.
    guard: bool,
    /// Match one-word terms as the last part of compounds.
    compounds: bool,
    /// Nouns are capitalized (German): a capitalized term matches as a compound's head only
    /// in a capitalized word (`intravenös` is no compound of `Vene`).
    noun_capitals: bool,
    /// Match terms with one of the attached Arabic prefixes on their first word.
    arabic_prefixes: bool,
}

enum Mode {
    Words(WordLang),
    /// Substring matching on normalized text, for scripts written without spaces.
    Chars,
}

/// One compiled term.
struct Compiled {
    term: TermRef,
    /// Folded surface form of each word (word mode with the guard on); empty otherwise.
    words: Vec<String>,
    /// A one-word term of a compounding language: the word in base letters (see
    /// `base_string`); empty otherwise.
    base: String,
    /// The term starts with a capital letter.
    capitalized: bool,
}

/// Char-mode pattern flags: the term starts / ends with a letter or digit of a spaced script,
/// so it must not start / end inside a word (`HIV` does not match in `archive`).
#[derive(Clone, Copy, Default)]
struct Edges {
    start_word: bool,
    end_word: bool,
}

/// The terms of one language, compiled once; `Send + Sync` so it can be shared across rayon
/// threads.
pub struct Matcher {
    locale: String,
    mode: Mode,
    terms: Vec<Compiled>,
    /// Whole-word (or char-mode) automaton and, per pattern, the compiled terms it stands for.
    automaton: Option<AhoCorasick>,
    pattern_terms: Vec<Vec<usize>>,
    /// Char mode: word-edge flags per pattern.
    pattern_edges: Vec<Edges>,
    /// Compound automaton: stems of one-word terms in base letters, matched in the words'
    /// base letters (German and Dutch only).
    compound: Option<AhoCorasick>,
    compound_terms: Vec<Vec<usize>>,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("locale", &self.locale)
            .field("terms", &self.terms.len())
            .field("patterns", &self.pattern_terms.len())
            .field("compound_patterns", &self.compound_terms.len())
            .finish()
    }
}

/// A candidate match before the leftmost-longest selection.
#[derive(Clone, Copy)]
struct Candidate {
    start: usize,
    end: usize,
    /// Lower is closer to the term's own form.
    score: u32,
    /// Index into `Matcher::terms`.
    term: usize,
}

impl Matcher {
    /// Compiles the terms of `locale`: for each concept, the terms of
    /// [`super::Concept::language_or_parent`] (so `es-MX` gets its own section where the
    /// concept has one and the `es` section elsewhere). Terms with no words are skipped.
    pub fn new(termbase: &Termbase, locale: &str) -> Matcher {
        let primary = locale
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let mode = mode_for(&primary);
        let mut build = Builder::default();
        for (ci, concept) in termbase.concepts.iter().enumerate() {
            let Some(section) = concept.language_or_parent(locale) else {
                continue;
            };
            for (ti, term) in section.terms.iter().enumerate() {
                let term_ref = TermRef {
                    concept: ci,
                    term: ti,
                    status: term.status,
                };
                match &mode {
                    Mode::Chars => build.add_chars(term_ref, &term.text),
                    Mode::Words(lang) => build.add_words(lang, term_ref, &term.text),
                }
            }
        }
        Matcher {
            locale: locale.to_owned(),
            mode,
            terms: build.terms,
            automaton: build_automaton(&build.patterns),
            pattern_terms: build.pattern_terms,
            pattern_edges: build.pattern_edges,
            compound: build_automaton(&build.compound_patterns),
            compound_terms: build.compound_terms,
        }
    }

    /// Every match of `text`, analyzed once: what [`Matcher::find`], [`Matcher::concepts`]
    /// and [`Matcher::find_all`] each report, for a caller that needs more than one of them.
    pub fn matches(&self, text: &str) -> Matches {
        Matches {
            groups: self
                .select(text)
                .into_iter()
                .map(|group| {
                    group
                        .into_iter()
                        .map(|c| TermMatch {
                            start: c.start,
                            end: c.end,
                            term: self.terms[c.term].term,
                        })
                        .collect()
                })
                .collect(),
        }
    }

    /// All matches in `text`, leftmost-longest, non-overlapping, sorted by start.
    ///
    /// `text` is message prose that may contain inline markup tags (`<em>`, `<strong>`,
    /// `<a data-l10n-name="x">`), placeables and URLs: nothing inside those matches, words
    /// between tags do. When several terms match the same span, the one closest to the text's
    /// form wins (then the lowest concept index); [`Matcher::concepts`] reports all of the
    /// equally close ones.
    pub fn find(&self, text: &str) -> Vec<TermMatch> {
        self.matches(text).best().collect()
    }

    /// Concept indices found in `text` (deduplicated, sorted). A span that equally matches
    /// terms of several concepts (French `plaie` is both "sore" and "wound") counts for each.
    pub fn concepts(&self, text: &str) -> Vec<usize> {
        self.matches(text).concepts()
    }

    /// Like [`Matcher::find`], but a span that equally matches terms of several concepts
    /// gives one match per concept (same span, best term of each), so a caller that knows
    /// which concept the text means (from the reference) can pick it.
    pub fn find_all(&self, text: &str) -> Vec<TermMatch> {
        self.matches(text).all().collect()
    }

    /// Whether two terms of this locale are forms of one expression rather than two
    /// wordings: the same number of words, each pair with the same stem or differing only
    /// by an inflection-sized ending (`lesión`/`lesiones`, `cicatriz`/`cicatrices`,
    /// `Einstichspur`/`Einstichspuren`, but not `scar`/`scarring`) where the language has the
    /// inflection guard, the same stem elsewhere, and in Arabic the same consonants (broken
    /// plurals: `موضع`/`مواضع`). Scripts without spaces compare normalized text.
    pub fn same_form(&self, a: &str, b: &str) -> bool {
        let lang = match &self.mode {
            Mode::Chars => {
                return normalize_chars(a, None).trim() == normalize_chars(b, None).trim();
            }
            Mode::Words(lang) => lang,
        };
        let (mut x, mut y) = (Analysis::default(), Analysis::default());
        analyze(lang, a, &mut x);
        analyze(lang, b, &mut y);
        if x.tokens.is_empty() || x.tokens.len() != y.tokens.len() {
            return false;
        }
        let fold = |word: &str| {
            let mut out = String::new();
            fold_into(word, &mut out);
            out
        };
        x.tokens.iter().zip(&y.tokens).all(|(s, t)| {
            let (stem_a, stem_b) = (&x.joined[s.joined.clone()], &y.joined[t.joined.clone()]);
            if lang.guard {
                // Stems conflate derivations (`scar`/`scarring`): the guard decides alone.
                inflection_distance(&fold(&a[s.start..s.end]), &fold(&b[t.start..t.end])).is_some()
            } else {
                stem_a == stem_b
                    || (lang.arabic_prefixes
                        && arabic_consonants(stem_a) == arabic_consonants(stem_b))
            }
        })
    }

    /// Leftmost-longest selection of non-overlapping spans; each group holds the best
    /// candidate first, then the candidates of the same span with the same score.
    fn select(&self, text: &str) -> Vec<Vec<Candidate>> {
        let masked = mask(text);
        let mut candidates = Vec::new();
        match &self.mode {
            Mode::Words(lang) => self.word_candidates(lang, text, &masked, &mut candidates),
            Mode::Chars => self.char_candidates(&masked, &mut candidates),
        }
        candidates.sort_unstable_by(|a, b| {
            (a.start, std::cmp::Reverse(a.end), a.score)
                .cmp(&(b.start, std::cmp::Reverse(b.end), b.score))
                .then_with(|| {
                    let (ta, tb) = (&self.terms[a.term].term, &self.terms[b.term].term);
                    (ta.concept, ta.term).cmp(&(tb.concept, tb.term))
                })
        });
        let mut groups: Vec<Vec<Candidate>> = Vec::new();
        let mut last_end = 0;
        for c in candidates {
            if let Some(group) = groups.last_mut()
                && group[0].start == c.start
                && group[0].end == c.end
            {
                if c.score == group[0].score
                    && group
                        .iter()
                        .all(|g| self.terms[g.term].term.concept != self.terms[c.term].term.concept)
                {
                    group.push(c);
                }
                continue;
            }
            if c.start >= last_end {
                last_end = c.end;
                groups.push(vec![c]);
            }
        }
        groups
    }

    fn word_candidates(&self, lang: &WordLang, text: &str, masked: &str, out: &mut Vec<Candidate>) {
        // The buffers of the last analysis on this thread, reused: no text's analysis
        // allocates once they have grown to a message's size.
        thread_local! {
            static ANALYSIS: std::cell::RefCell<Analysis> = std::cell::RefCell::default();
        }
        ANALYSIS.with(|an| self.candidates_in(lang, text, masked, &mut an.borrow_mut(), out));
    }

    fn candidates_in(
        &self,
        lang: &WordLang,
        text: &str,
        masked: &str,
        an: &mut Analysis,
        out: &mut Vec<Candidate>,
    ) {
        analyze(lang, masked, an);
        if an.tokens.is_empty() {
            return;
        }
        if let Some(ac) = &self.automaton {
            for m in ac.find_overlapping_iter(an.joined.as_str()) {
                // A pattern is SEP stem (SEP stem)* SEP: it starts just before a token's stem
                // and ends just after a token's stem.
                let Ok(first) = an
                    .tokens
                    .binary_search_by_key(&(m.start() + 1), |t| t.joined.start)
                else {
                    continue;
                };
                let Ok(last) = an
                    .tokens
                    .binary_search_by_key(&(m.end() - 1), |t| t.joined.end)
                else {
                    continue;
                };
                let tokens = &an.tokens[first..=last];
                for &ti in &self.pattern_terms[m.pattern().as_usize()] {
                    let compiled = &self.terms[ti];
                    let score = if lang.guard {
                        if compiled.words.len() != tokens.len() {
                            continue;
                        }
                        let mut total = 0;
                        let mut ok = true;
                        for (word, tok) in compiled.words.iter().zip(tokens) {
                            match inflection_distance(word, &an.folds[tok.fold.clone()]) {
                                Some(d) => total += d,
                                None => {
                                    ok = false;
                                    break;
                                }
                            }
                        }
                        if !ok {
                            continue;
                        }
                        total
                    } else {
                        0
                    };
                    out.push(Candidate {
                        start: tokens[0].start,
                        end: tokens[tokens.len() - 1].end,
                        score,
                        term: ti,
                    });
                }
            }
        }
        if let Some(ac) = &self.compound {
            // Compound patterns are term stems in base letters, matched in the words' base
            // letters: at the start of a word (a form the stemmer does not reduce, `Nadeln`)
            // or, for a stem of 5 letters or more, after a modifier of 3 letters or more
            // (`Herzklappenentzündung`). Shorter stems turn up inside unrelated words too
            // often (`Muskelschwund` is no compound of `Wunde`, nor `Nerven` of `Vene`). The
            // rest of the word must be an inflection of the term.
            for m in ac.find_overlapping_iter(an.bases.as_str()) {
                // Patterns hold no SEP, so a match lies inside one word.
                let i = an.tokens.partition_point(|t| t.base.end < m.end());
                let Some(tok) = an.tokens.get(i).filter(|t| t.base.start <= m.start()) else {
                    continue;
                };
                let modifier = an.bases[tok.base.start..m.start()].chars().count();
                if modifier > 0
                    && (modifier < 3 || an.bases[m.start()..m.end()].chars().count() < 5)
                {
                    continue;
                }
                let token_capitalized = text[tok.start..].starts_with(char::is_uppercase);
                let head = &an.bases[m.start()..tok.base.end];
                for &ti in &self.compound_terms[m.pattern().as_usize()] {
                    let compiled = &self.terms[ti];
                    if lang.noun_capitals && compiled.capitalized && !token_capitalized {
                        continue;
                    }
                    let Some(d) = inflection_distance(&compiled.base, head) else {
                        continue;
                    };
                    let penalty = if modifier > 0 { COMPOUND_PENALTY } else { 0 };
                    out.push(Candidate {
                        start: tok.start,
                        end: tok.end,
                        score: d + penalty,
                        term: ti,
                    });
                }
            }
        }
    }

    fn char_candidates(&self, masked: &str, out: &mut Vec<Candidate>) {
        let Some(ac) = &self.automaton else {
            return;
        };
        let mut map = Vec::new();
        let norm = normalize_chars(masked, Some(&mut map));
        for m in ac.find_overlapping_iter(norm.as_str()) {
            let p = m.pattern().as_usize();
            let edges = self.pattern_edges[p];
            if edges.start_word
                && norm[..m.start()]
                    .chars()
                    .next_back()
                    .is_some_and(is_spaced_word_char)
            {
                continue;
            }
            if edges.end_word
                && norm[m.end()..]
                    .chars()
                    .next()
                    .is_some_and(is_spaced_word_char)
            {
                continue;
            }
            let start = map[m.start()].0;
            let end = map[m.end() - 1].1;
            for &ti in &self.pattern_terms[p] {
                out.push(Candidate {
                    start,
                    end,
                    score: 0,
                    term: ti,
                });
            }
        }
    }
}

/// A [`Matcher`] being compiled: the terms and the patterns of its automata, interned.
#[derive(Default)]
struct Builder {
    terms: Vec<Compiled>,
    patterns: Vec<String>,
    pattern_terms: Vec<Vec<usize>>,
    pattern_edges: Vec<Edges>,
    index: HashMap<String, usize>,
    compound_patterns: Vec<String>,
    compound_terms: Vec<Vec<usize>>,
    compound_index: HashMap<String, usize>,
    analysis: Analysis,
    variant: Analysis,
}

impl Builder {
    /// A term of a language written without spaces: its normalized text is the pattern.
    fn add_chars(&mut self, term_ref: TermRef, text: &str) {
        let norm = normalize_chars(text, None);
        let norm = norm.trim_matches(' ');
        if norm.is_empty() {
            return;
        }
        let t = self.terms.len();
        self.terms.push(Compiled {
            term: term_ref,
            words: Vec::new(),
            base: String::new(),
            capitalized: false,
        });
        let p = intern(
            norm,
            &mut self.index,
            &mut self.patterns,
            &mut self.pattern_terms,
        );
        self.pattern_terms[p].push(t);
        if self.pattern_edges.len() <= p {
            let first = norm.chars().next().is_some_and(is_spaced_word_char);
            let last = norm.chars().next_back().is_some_and(is_spaced_word_char);
            self.pattern_edges.push(Edges {
                start_word: first,
                end_word: last,
            });
        }
    }

    /// A term of a spaced language: its stems are the pattern, with Arabic prefix variants
    /// and, for a one-word term of a compounding language, the compound-tail pattern.
    fn add_words(&mut self, lang: &WordLang, term_ref: TermRef, text: &str) {
        let analysis = &mut self.analysis;
        analyze(lang, text, analysis);
        if analysis.tokens.is_empty() {
            return;
        }
        let t = self.terms.len();
        let words = if lang.guard {
            analysis
                .tokens
                .iter()
                .map(|tok| analysis.folds[tok.fold.clone()].to_owned())
                .collect()
        } else {
            Vec::new()
        };
        self.terms.push(Compiled {
            term: term_ref,
            words,
            base: String::new(),
            capitalized: false,
        });
        let p = intern(
            &analysis.joined,
            &mut self.index,
            &mut self.patterns,
            &mut self.pattern_terms,
        );
        self.pattern_terms[p].push(t);
        if lang.arabic_prefixes {
            // The term with an attached conjunction or preposition on its first word
            // (وفشل الأعضاء, لآثار الحقن, بمسحات كحولية).
            for prefix in ARABIC_PREFIXES {
                let text = format!("{prefix}{}", text.trim_start());
                analyze(lang, &text, &mut self.variant);
                let p = intern(
                    &self.variant.joined,
                    &mut self.index,
                    &mut self.patterns,
                    &mut self.pattern_terms,
                );
                if !self.pattern_terms[p].contains(&t) {
                    self.pattern_terms[p].push(t);
                }
            }
        }
        let analysis = &self.analysis;
        if lang.compounds && analysis.tokens.len() == 1 && text.trim().chars().count() >= 4 {
            let tok = &analysis.tokens[0];
            let stem = &analysis.joined[tok.joined.clone()];
            if stem.chars().count() >= 3 {
                self.terms[t].base = analysis.bases[tok.base.clone()].to_owned();
                self.terms[t].capitalized = text.trim_start().starts_with(char::is_uppercase);
                let p = intern(
                    &base_string(stem),
                    &mut self.compound_index,
                    &mut self.compound_patterns,
                    &mut self.compound_terms,
                );
                self.compound_terms[p].push(t);
            }
        }
    }
}

/// Looks up or adds a pattern; returns its index.
fn intern(
    pattern: &str,
    index: &mut HashMap<String, usize>,
    patterns: &mut Vec<String>,
    pattern_terms: &mut Vec<Vec<usize>>,
) -> usize {
    if let Some(&p) = index.get(pattern) {
        return p;
    }
    let p = patterns.len();
    patterns.push(pattern.to_owned());
    pattern_terms.push(Vec::new());
    index.insert(pattern.to_owned(), p);
    p
}

fn build_automaton(patterns: &[String]) -> Option<AhoCorasick> {
    if patterns.is_empty() {
        return None;
    }
    Some(
        AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(patterns)
            // cannot fail: aho-corasick refuses only more than 2^31 states or patterns, and
            // termbase files are at most 64 MiB (`limits::MAX_FILE_BYTES`).
            .expect("the termbase's patterns fit in an Aho-Corasick automaton"),
    )
}

/// The matching mode for a primary language subtag.
fn mode_for(primary: &str) -> Mode {
    let snowball = |algorithm| Stem::Snowball(Stemmer::create(algorithm));
    // (stemmer, split apostrophes, guard, compounds)
    let (stem, split_apostrophes, guard, compounds) = match primary {
        "zh" | "ja" | "ko" | "th" | "lo" | "km" | "my" | "bo" => return Mode::Chars,
        "en" => (snowball(Algorithm::English), false, true, false),
        "es" => (snowball(Algorithm::Spanish), true, true, false),
        "fr" => (snowball(Algorithm::French), true, true, false),
        "it" => (snowball(Algorithm::Italian), true, true, false),
        "pt" => (snowball(Algorithm::Portuguese), true, true, false),
        "de" => (snowball(Algorithm::German), true, true, true),
        "nl" => (snowball(Algorithm::Dutch), true, true, true),
        "sv" => (snowball(Algorithm::Swedish), true, false, false),
        "da" => (snowball(Algorithm::Danish), true, false, false),
        "no" | "nb" | "nn" => (snowball(Algorithm::Norwegian), true, false, false),
        "fi" => (snowball(Algorithm::Finnish), true, false, false),
        "hu" => (snowball(Algorithm::Hungarian), true, false, false),
        "ro" => (snowball(Algorithm::Romanian), true, false, false),
        "ru" => (snowball(Algorithm::Russian), true, false, false),
        "tr" => (snowball(Algorithm::Turkish), true, false, false),
        "el" => (snowball(Algorithm::Greek), true, false, false),
        "ta" => (snowball(Algorithm::Tamil), true, false, false),
        "ar" => (Stem::Arabic, true, false, false),
        _ => (Stem::Identity, true, false, false),
    };
    static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    Mode::Words(WordLang {
        id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        arabic_prefixes: matches!(stem, Stem::Arabic),
        stem,
        split_apostrophes,
        guard,
        compounds,
        noun_capitals: primary == "de",
    })
}
