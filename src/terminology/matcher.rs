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
use aho_corasick::{AhoCorasick, MatchKind};
use rust_stemmers::{Algorithm, Stemmer};
use std::borrow::Cow;
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

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
        let mut terms = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_terms: Vec<Vec<usize>> = Vec::new();
        let mut pattern_edges: Vec<Edges> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut compound_patterns: Vec<String> = Vec::new();
        let mut compound_terms: Vec<Vec<usize>> = Vec::new();
        let mut compound_index: HashMap<String, usize> = HashMap::new();
        let mut analysis = Analysis::default();
        let mut variant = Analysis::default();

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
                    Mode::Chars => {
                        let norm = normalize_chars(&term.text, None);
                        let norm = norm.trim_matches(' ');
                        if norm.is_empty() {
                            continue;
                        }
                        let t = terms.len();
                        terms.push(Compiled {
                            term: term_ref,
                            words: Vec::new(),
                            base: String::new(),
                            capitalized: false,
                        });
                        let p = intern(norm, &mut index, &mut patterns, &mut pattern_terms);
                        pattern_terms[p].push(t);
                        if pattern_edges.len() <= p {
                            let first = norm.chars().next().is_some_and(is_spaced_word_char);
                            let last = norm.chars().next_back().is_some_and(is_spaced_word_char);
                            pattern_edges.push(Edges {
                                start_word: first,
                                end_word: last,
                            });
                        }
                    }
                    Mode::Words(lang) => {
                        analyze(lang, &term.text, &mut analysis);
                        if analysis.tokens.is_empty() {
                            continue;
                        }
                        let t = terms.len();
                        let words = if lang.guard {
                            analysis
                                .tokens
                                .iter()
                                .map(|tok| analysis.folds[tok.fold.clone()].to_owned())
                                .collect()
                        } else {
                            Vec::new()
                        };
                        terms.push(Compiled {
                            term: term_ref,
                            words,
                            base: String::new(),
                            capitalized: false,
                        });
                        let p = intern(
                            &analysis.joined,
                            &mut index,
                            &mut patterns,
                            &mut pattern_terms,
                        );
                        pattern_terms[p].push(t);
                        if lang.arabic_prefixes {
                            // The term with an attached conjunction or preposition on its
                            // first word (وفشل الأعضاء, لآثار الحقن, بمسحات كحولية).
                            for prefix in ARABIC_PREFIXES {
                                let text = format!("{prefix}{}", term.text.trim_start());
                                analyze(lang, &text, &mut variant);
                                let p = intern(
                                    &variant.joined,
                                    &mut index,
                                    &mut patterns,
                                    &mut pattern_terms,
                                );
                                if !pattern_terms[p].contains(&t) {
                                    pattern_terms[p].push(t);
                                }
                            }
                        }
                        if lang.compounds
                            && analysis.tokens.len() == 1
                            && term.text.trim().chars().count() >= 4
                        {
                            let tok = &analysis.tokens[0];
                            let stem = &analysis.joined[tok.joined.clone()];
                            if stem.chars().count() >= 3 {
                                terms[t].base = analysis.bases[tok.base.clone()].to_owned();
                                terms[t].capitalized =
                                    term.text.trim_start().starts_with(char::is_uppercase);
                                let p = intern(
                                    &base_string(stem),
                                    &mut compound_index,
                                    &mut compound_patterns,
                                    &mut compound_terms,
                                );
                                compound_terms[p].push(t);
                            }
                        }
                    }
                }
            }
        }

        Matcher {
            locale: locale.to_owned(),
            mode,
            terms,
            automaton: build_automaton(&patterns),
            pattern_terms,
            pattern_edges,
            compound: build_automaton(&compound_patterns),
            compound_terms,
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

/// A word of the analysed text.
struct Token {
    /// Byte range in the original text.
    start: usize,
    end: usize,
    /// Range of the stem in `Analysis::joined`.
    joined: std::ops::Range<usize>,
    /// Range of the folded surface form in `Analysis::folds` (empty when not needed).
    fold: std::ops::Range<usize>,
    /// Range of the word in base letters in `Analysis::bases` (empty when not needed).
    base: std::ops::Range<usize>,
}

/// The words of a text: stems joined as SEP stem SEP stem ... SEP, with BREAK SEP inserted at
/// sentence breaks.
#[derive(Default)]
struct Analysis {
    joined: String,
    tokens: Vec<Token>,
    folds: String,
    /// Words in base letters, joined like `joined` (compounding languages only).
    bases: String,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// One word's analysis: what `analyze` appends for it.
struct Word {
    /// Empty when the stemmer reduces the word to nothing (it is skipped).
    stem: Box<str>,
    /// The folded surface form (the inflection guard's languages), else empty.
    fold: Box<str>,
    /// The word in base letters (compounding languages), else empty.
    base: Box<str>,
}

impl Word {
    fn new(lang: &WordLang, piece: &str) -> Word {
        let mut norm = String::with_capacity(piece.len());
        fold_into(piece, &mut norm);
        let stem: Box<str> = match &lang.stem {
            Stem::Identity => norm.as_str().into(),
            Stem::Snowball(stemmer) => stemmer.stem(&norm).into(),
            Stem::Arabic => arabic_stem(&norm).into(),
        };
        let fold: &str = if lang.guard { &norm } else { "" };
        let base: Box<str> = if lang.compounds {
            base_string(fold).into()
        } else {
            "".into()
        };
        Word {
            stem,
            fold: fold.into(),
            base,
        }
    }
}

/// Words analyzed per thread, by compiled language: a text's words are mostly words seen
/// before (Zipf), and normalizing and stemming each again was most of term matching's time.
/// Emptied when it holds more than [`WORD_CACHE_LIMIT`] words in all, or words of more than
/// [`WORD_CACHE_LANGUAGES`] compiled languages (a process that compiles matchers again and
/// again, as the fuzzer does, would otherwise keep the words of every one), so memory stays
/// bounded.
type WordCache = rustc_hash::FxHashMap<u64, rustc_hash::FxHashMap<Box<str>, Word>>;

const WORD_CACHE_LIMIT: usize = 200_000;
const WORD_CACHE_LANGUAGES: usize = 64;

thread_local! {
    static WORDS: std::cell::RefCell<WordCache> = std::cell::RefCell::default();
}

/// Segments `text` (already masked) into words and stems them.
fn analyze(lang: &WordLang, text: &str, out: &mut Analysis) {
    out.joined.clear();
    out.tokens.clear();
    out.folds.clear();
    out.bases.clear();
    out.joined.push(SEP);
    out.bases.push(SEP);
    WORDS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let held: usize = cache.values().map(|words| words.len()).sum();
        if held > WORD_CACHE_LIMIT
            || (cache.len() >= WORD_CACHE_LANGUAGES && !cache.contains_key(&lang.id))
        {
            cache.clear();
        }
        let words = cache.entry(lang.id).or_default();
        analyze_words(lang, text, words, out);
    });
}

fn analyze_words(
    lang: &WordLang,
    text: &str,
    words: &mut rustc_hash::FxHashMap<Box<str>, Word>,
    out: &mut Analysis,
) {
    let mut prev_end: Option<usize> = None;
    for (word_start, word) in text.unicode_word_indices() {
        let mut piece_start = 0;
        let cuts = word
            .char_indices()
            .filter(|&(_, c)| lang.split_apostrophes && is_apostrophe(c))
            .map(|(i, c)| (i, i + c.len_utf8()))
            .chain(std::iter::once((word.len(), word.len())));
        for (cut, next) in cuts {
            let piece = &word[piece_start..cut];
            let start = word_start + piece_start;
            piece_start = next;
            if piece.is_empty() {
                continue;
            }
            if !words.contains_key(piece) {
                words.insert(piece.into(), Word::new(lang, piece));
            }
            let Some(analyzed) = words.get(piece) else {
                continue;
            };
            if analyzed.stem.is_empty() {
                continue;
            }
            if let Some(prev) = prev_end
                && is_break(&text[prev..start])
            {
                out.joined.push(BREAK);
                out.joined.push(SEP);
            }
            let joined_start = out.joined.len();
            out.joined.push_str(&analyzed.stem);
            let joined_end = out.joined.len();
            out.joined.push(SEP);
            let fold_start = out.folds.len();
            out.folds.push_str(&analyzed.fold);
            let base_start = out.bases.len();
            out.bases.push_str(&analyzed.base);
            let base_end = out.bases.len();
            out.bases.push(SEP);
            out.tokens.push(Token {
                start,
                end: start + piece.len(),
                joined: joined_start..joined_end,
                fold: fold_start..out.folds.len(),
                base: base_start..base_end,
            });
            prev_end = Some(start + piece.len());
        }
    }
}

/// Whether the gap between two words ends a sentence or a line.
fn is_break(gap: &str) -> bool {
    let mut chars = gap.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\r' | '\u{2029}' | '。' | '！' | '？' | '；' | '؟' | '؛' | '…' => {
                return true;
            }
            '.' | '!' | '?' | ';' | ':' if chars.peek().is_none_or(|n| n.is_whitespace()) => {
                return true;
            }
            _ => {}
        }
    }
    false
}

/// Surface form for the inflection guard: NFC, lowercase, one kind of apostrophe.
fn fold_into(word: &str, out: &mut String) {
    out.extend(
        word.nfc()
            .flat_map(char::to_lowercase)
            .map(|c| if is_apostrophe(c) { '\'' } else { c }),
    );
}

/// The letter without its diacritics (`é` → `e`, `ü` → `u`).
fn base_letter(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    std::iter::once(c).nfd().next().unwrap_or(c)
}

/// Distance between a term word and a text word with the same stem, when they differ only by
/// inflection-sized endings; `None` when the difference looks like derivation.
///
/// The words are compared letter by letter, a letter and the same letter with other
/// diacritics counting as equal inside the shared part (`lesión`/`lesiones`,
/// `Venenschaden`/`Venenschäden`) but not as its last letter (French `drogué` is not
/// `drogue`, `drogues`). With `a` and `b` the letters of each word after the shared part:
/// both at most 2 (`vein`/`veins`, `adicto`/`adicta`), or one 1 and the other 3
/// (`cicatriz`/`cicatrices`, `injury`/`injuries`). `addict`/`addiction` (0 and 3) and
/// `Laster`/`lastung` (2 and 3) are rejected.
fn inflection_distance(term: &str, token: &str) -> Option<u32> {
    let mut common = 0;
    let mut accents = 0;
    let mut accent_last = false;
    for (x, y) in term.chars().zip(token.chars()) {
        if x == y {
            accent_last = false;
        } else if base_letter(x) == base_letter(y) {
            accents += 1;
            accent_last = true;
        } else {
            break;
        }
        common += 1;
    }
    if accent_last {
        return None;
    }
    let a = term.chars().count() - common;
    let b = token.chars().count() - common;
    let ok = (a <= 2 && b <= 2) || (a.min(b) == 1 && a.max(b) == 3);
    ok.then_some((a + b + accents) as u32)
}

/// The word with letters reduced to their base letters and `ß` as `ss`, the way the German
/// and Dutch stemmers spell stems.
fn base_string(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            'ß' => out.push_str("ss"),
            c => out.push(base_letter(c)),
        }
    }
    out
}

/// Prefixes that attach to an Arabic word without the article: conjunctions `و`, `ف`,
/// prepositions `ب`, `ك`, `ل`, and a conjunction followed by a preposition.
const ARABIC_PREFIXES: [&str; 11] = ["و", "ف", "ب", "ك", "ل", "وب", "ول", "وك", "فب", "فل", "فك"];

/// Light stemming of a lowercased, NFC Arabic word, after Larkey et al.'s "light10": removes
/// diacritics and tatweel, unifies alef forms, final yeh and teh marbuta, strips the article
/// with an attached conjunction or preposition (`ال`, `وال`, `بال`, `لل`, ...), then common
/// suffixes (`ها ان ات ون ين يه ه ي`). A bare attached prefix (`و`, `ب`, `ل`, ...) without
/// the article is not stripped here, because it is also a root letter of many words
/// (`وريد`, `بتر`, `فشل`); patterns carry those prefixes instead.
fn arabic_stem(word: &str) -> String {
    let mut w: String = word
        .chars()
        .filter_map(|c| match c {
            '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => None,
            'أ' | 'إ' | 'آ' | 'ٱ' => Some('ا'),
            'ى' => Some('ي'),
            'ة' => Some('ه'),
            c => Some(c),
        })
        .collect();
    const ARTICLES: [&str; 12] = [
        "وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال",
    ];
    let len = |s: &str| s.chars().count();
    if let Some(article) = ARTICLES
        .iter()
        .find(|a| w.starts_with(**a) && len(&w) - len(a) >= 2)
    {
        w.drain(..article.len());
        // An article before a word that itself starts with ال (الالتهاب).
        if w.starts_with("ال") && len(&w) >= 5 {
            w.drain(.."ال".len());
        }
    }
    for suffix in ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"] {
        if w.ends_with(suffix) && len(&w) - len(suffix) >= 2 {
            w.truncate(w.len() - suffix.len());
        }
    }
    w
}

/// An Arabic stem without its long vowels (alef, waw, yeh): singular and broken plural of a
/// noun usually share it (`موضع`/`مواضع`, `جرح`/`جروح`). Only used to compare two terms of
/// one concept, where a false merge of unrelated words cannot happen in practice.
fn arabic_consonants(stem: &str) -> String {
    stem.chars()
        .filter(|c| !matches!(c, 'ا' | 'و' | 'ي'))
        .collect()
}

/// Letters and digits of scripts written with spaces between words.
pub(crate) fn is_spaced_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_unspaced_script(c)
}

/// Scripts written without spaces between words (CJK, Thai, Lao, Khmer, Myanmar, Tibetan).
fn is_unspaced_script(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0EFF}'     // Thai, Lao
        | '\u{0F00}'..='\u{0FFF}'   // Tibetan
        | '\u{1000}'..='\u{109F}'   // Myanmar
        | '\u{1100}'..='\u{11FF}'   // Hangul Jamo
        | '\u{1780}'..='\u{17FF}'   // Khmer
        | '\u{2E80}'..='\u{2FDF}'   // CJK radicals
        | '\u{3000}'..='\u{33FF}'   // CJK symbols, kana, Hangul compatibility jamo, ...
        | '\u{3400}'..='\u{4DBF}'   // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{A960}'..='\u{A97F}'   // Hangul Jamo extended A
        | '\u{AC00}'..='\u{D7FF}'   // Hangul syllables, Jamo extended B
        | '\u{F900}'..='\u{FAFF}'   // CJK compatibility ideographs
        | '\u{FF00}'..='\u{FFEF}'   // half- and full-width forms
        | '\u{20000}'..='\u{3FFFF}' // CJK extensions B and later
    )
}

/// NFC and lowercase per grapheme cluster, whitespace runs as one space. With `map`, records
/// for each byte of the result the byte range of the original grapheme it came from.
fn normalize_chars(text: &str, mut map: Option<&mut Vec<(usize, usize)>>) -> String {
    let mut out = String::with_capacity(text.len());
    for (at, grapheme) in text.grapheme_indices(true) {
        let before = out.len();
        if grapheme.chars().all(char::is_whitespace) {
            if out.ends_with(' ') {
                continue;
            }
            out.push(' ');
        } else {
            out.extend(grapheme.nfc().flat_map(char::to_lowercase));
        }
        if let Some(map) = map.as_deref_mut() {
            map.extend(std::iter::repeat_n(
                (at, at + grapheme.len()),
                out.len() - before,
            ));
        }
    }
    out
}

/// The text with markup tags, `{ ... }` placeables, URLs and e-mail addresses replaced by
/// spaces of the same byte length, so that byte offsets stay those of the original.
fn mask(text: &str) -> Cow<'_, str> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' if bytes
                .get(i + 1)
                .is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?')) =>
            {
                if let Some(end) = tag_end(bytes, i) {
                    spans.push((i, end));
                    i = end;
                    continue;
                }
            }
            b'{' => {
                if let Some(end) = placeable_end(bytes, i) {
                    spans.push((i, end));
                    i = end;
                    continue;
                }
            }
            _ => {}
        }
        if let Some(end) = url_end(text, i).filter(|&end| end > i) {
            spans.push((i, end));
            i = end;
            continue;
        }
        i += 1;
    }
    spans.extend(emails(text));
    if spans.is_empty() {
        return Cow::Borrowed(text);
    }
    spans.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end) in spans {
        let start = start.max(at);
        if end <= start {
            continue;
        }
        out.push_str(&text[at..start]);
        out.extend(std::iter::repeat_n(' ', end - start));
        at = end;
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

/// End (exclusive) of the tag starting at `start` (`<`), skipping quoted attribute values.
fn tag_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate().skip(start + 1) {
        match (quote, b) {
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return Some(i + 1),
            (None, b'<' | b'\n') => return None,
            _ => {}
        }
    }
    None
}

/// End (exclusive) of the `{ ... }` placeable starting at `start`, counting nested braces
/// and skipping string literals (`{ "{" }`).
fn placeable_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, &b) in bytes.iter().enumerate().skip(start) {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// End (exclusive) of a URL starting at byte `i` (`scheme://`, `mailto:` or `www.`), up to
/// whitespace, a tag or a quote, without trailing punctuation.
fn url_end(text: &str, i: usize) -> Option<usize> {
    // Every URL form starts with an ASCII letter (a scheme, `mailto:`, `www.`): most
    // positions are ruled out by that byte, before the character lookups below.
    if !text.as_bytes().get(i).is_some_and(u8::is_ascii_alphabetic) || !text.is_char_boundary(i) {
        return None;
    }
    let prefix_ok = text[..i]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    if !prefix_ok {
        return None;
    }
    let rest = &text[i..];
    let lower_starts = |p: &str| {
        rest.len() >= p.len() && rest.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
    };
    let scheme_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
        .count();
    let is_url = (scheme_len > 0
        && rest.as_bytes()[0].is_ascii_alphabetic()
        && rest[scheme_len..].starts_with("://"))
        || lower_starts("mailto:")
        || lower_starts("www.");
    if !is_url {
        return None;
    }
    let len = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '{' | '}'))
        .unwrap_or(rest.len());
    let trimmed = rest[..len].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '\'']);
    Some(i + trimmed.len())
}

/// Byte spans of e-mail addresses (`local@domain.tld`).
fn emails(text: &str) -> Vec<(usize, usize)> {
    let local = |c: char| c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-');
    let domain = |c: char| c.is_alphanumeric() || matches!(c, '.' | '-');
    let mut spans = Vec::new();
    for (at, _) in text.match_indices('@') {
        let start = text[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| local(c))
            .last()
            .map_or(at, |(i, _)| i);
        let after = &text[at + 1..];
        let len = after.find(|c: char| !domain(c)).unwrap_or(after.len());
        let host = after[..len].trim_end_matches(['.', '-']);
        if start < at && host.contains('.') {
            spans.push((start, at + 1 + host.len()));
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::terminology::{Concept, LanguageSection, Term};
    use std::path::PathBuf;

    /// A termbase of one language: each concept is a list of (term, status).
    fn termbase(lang: &str, concepts: &[&[(&str, Status)]]) -> Termbase {
        Termbase {
            concepts: concepts
                .iter()
                .enumerate()
                .map(|(i, terms)| Concept {
                    id: format!("c{i}"),
                    languages: vec![section(lang, terms)],
                    ..Concept::default()
                })
                .collect(),
        }
    }

    fn section(lang: &str, terms: &[(&str, Status)]) -> LanguageSection {
        LanguageSection {
            lang: lang.to_owned(),
            definition: None,
            terms: terms
                .iter()
                .map(|&(text, status)| Term::new(text, status, 0))
                .collect(),
        }
    }

    const P: Status = Status::Preferred;
    const D: Status = Status::Deprecated;

    /// (matched text, concept) of each match, checking that ranges are sorted and disjoint.
    fn found<'a>(matcher: &Matcher, text: &'a str) -> Vec<(&'a str, usize)> {
        let matches = matcher.find(text);
        for pair in matches.windows(2) {
            assert!(
                pair[0].end <= pair[1].start,
                "overlap or unsorted: {matches:?}"
            );
        }
        matches
            .iter()
            .map(|m| (&text[m.start..m.end], m.term.concept))
            .collect()
    }

    fn root() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    }

    fn real_termbase() -> Termbase {
        let path = root().join("locales/terminology.tbx");
        // cannot fail: the repository's own termbase, which every check of the shipped
        // project loads; were it broken, failing here is right.
        Termbase::load(&path, &path).expect("the shipped termbase loads")
    }

    fn concept(termbase: &Termbase, id: &str) -> usize {
        termbase
            .concepts
            .iter()
            .position(|c| c.id == id)
            .unwrap_or_else(|| panic!("no concept {id}"))
    }

    /// The messages of a shipped file: lines `id = text`.
    fn messages(locale: &str) -> Vec<(String, String)> {
        let path = root().join(format!("locales/{locale}/track-marks.ftl"));
        // cannot fail: a shipped file of the repository (build.rs parses each one).
        let text = std::fs::read_to_string(&path).expect("the shipped .ftl file reads");
        text.lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| line.split_once(" = "))
            .map(|(id, text)| (id.trim().to_owned(), text.to_owned()))
            .collect()
    }

    fn message(locale: &str, id: &str) -> String {
        messages(locale)
            .into_iter()
            .find(|(i, _)| i == id)
            .unwrap_or_else(|| panic!("no message {id} in {locale}"))
            .1
    }

    #[test]
    fn spanish_plurals_match_and_word_order_matters() {
        let tb = termbase("es", &[&[("absceso", P)], &[("vena colapsada", P)]]);
        let m = Matcher::new(&tb, "es");
        assert_eq!(found(&m, "Se formaron abscesos."), [("abscesos", 0)]);
        assert_eq!(
            found(&m, "Tenía venas colapsadas en el brazo."),
            [("venas colapsadas", 1)]
        );
        assert_eq!(found(&m, "Una colapsada vena."), []);
        assert_eq!(
            found(&m, "La vena. Colapsada, dijo."),
            [],
            "not across sentences"
        );
    }

    #[test]
    fn english_inflections_match_but_not_derivations() {
        let tb = termbase("en", &[&[("collapsed vein", P)], &[("addict", D)]]);
        let m = Matcher::new(&tb, "en-US");
        assert_eq!(found(&m, "Collapsed veins."), [("Collapsed veins", 0)]);
        assert_eq!(
            found(&m, "Two addicts, one addict’s needle."),
            [("addicts", 1), ("addict’s", 1)]
        );
        // Snowball stems "addiction" to "addict" too; the inflection guard undoes that.
        assert_eq!(found(&m, "Addiction is treatable."), []);
        assert_eq!(
            found(&m, "An addicted person."),
            [("addicted", 1)],
            "-ed is inflection"
        );

        // With both terms, each form goes to its own concept.
        let tb = termbase("en", &[&[("addict", D)], &[("addiction", P)]]);
        let m = Matcher::new(&tb, "en");
        assert_eq!(
            found(&m, "addiction, addictions, addict, addicts"),
            [
                ("addiction", 1),
                ("addictions", 1),
                ("addict", 0),
                ("addicts", 0)
            ]
        );
    }

    #[test]
    fn french_accents_plurals_and_elisions() {
        let tb = termbase(
            "fr",
            &[
                &[("abcès", P)],
                &[("endocardite", P)],
                &[("drogué", D), ("droguée", D)],
            ],
        );
        let m = Matcher::new(&tb, "fr");
        assert_eq!(
            found(&m, "Un abcès, deux abcès."),
            [("abcès", 0), ("abcès", 0)]
        );
        assert_eq!(found(&m, "Les endocardites."), [("endocardites", 1)]);
        assert_eq!(
            found(&m, "L’endocardite et l'endocardite"),
            [("endocardite", 1), ("endocardite", 1)]
        );
        // The stemmer gives "drogu" for drogue, drogues and drogué: the accent keeps them apart.
        assert_eq!(found(&m, "Les drogues et la drogue."), []);
        assert_eq!(
            found(&m, "Un drogué, des droguées."),
            [("drogué", 2), ("droguées", 2)]
        );
    }

    #[test]
    fn german_compounds_and_plurals() {
        let tb = termbase(
            "de",
            &[
                &[("Entzündung", P)],
                &[("Abszess", P)],
                &[("Laster", D)],
                &[("Nadel", P)],
            ],
        );
        let m = Matcher::new(&tb, "de");
        assert_eq!(
            found(&m, "Eine Herzklappenentzündung und eine Entzündung."),
            [("Herzklappenentzündung", 0), ("Entzündung", 0)]
        );
        assert_eq!(
            found(&m, "Mehrere Abszesse, zwei Abszessen."),
            [("Abszesse", 1), ("Abszessen", 1)]
        );
        // Snowball leaves "Nadeln" as "nadeln": the surface form still matches.
        assert_eq!(
            found(&m, "Nadeln und Injektionsnadeln."),
            [("Nadeln", 3), ("Injektionsnadeln", 3)]
        );
        // Same stem ending, but "ung" is not an inflection of "Laster", and "be" is no
        // compound modifier.
        assert_eq!(found(&m, "Die Belastung und die Überlastung."), []);
        let tb = termbase("de", &[&[("Vene", P)], &[("Wunde", P)]]);
        let m = Matcher::new(&tb, "de");
        assert_eq!(
            found(&m, "Venen, Nerven, Kurven, intravenös, venös"),
            [("Venen", 0)]
        );
        assert_eq!(found(&m, "Wunden und Muskelschwund"), [("Wunden", 1)]);
    }

    #[test]
    fn chinese_matches_substrings_and_latin_terms_at_word_edges() {
        let tb = termbase(
            "zh-CN",
            &[&[("心内膜炎", P)], &[("HIV", P)], &[("针痕", P)]],
        );
        let m = Matcher::new(&tb, "zh-CN");
        let text = "注射毒品的人容易患上心内膜炎等严重感染。";
        assert_eq!(found(&m, text), [("心内膜炎", 0)]);
        assert_eq!(
            found(&m, "HIV感染和<strong>针痕</strong>"),
            [("HIV", 1), ("针痕", 2)]
        );
        assert_eq!(found(&m, "见 archive 页面"), [], "not inside a Latin word");
    }

    #[test]
    fn arabic_terms_match_with_attached_prefixes_in_real_messages() {
        let tb = real_termbase();
        let m = Matcher::new(&tb, "ar");
        // يمكن أن يؤدي حقن المخدرات إلى ... والخراجات وتجلط الدم وفشل الأعضاء.
        let text = message("ar", "key-takeaways-item-2");
        let matches = found(&m, &text);
        for (form, id) in [
            ("والخراجات", "c-abscess"),
            ("وتجلط الدم", "c-blood-clot"),
            ("وفشل الأعضاء", "c-organ-failure"),
            ("العدوى", "c-infection"),
        ] {
            assert!(
                matches.contains(&(form, concept(&tb, id))),
                "{form} ({id}) in {matches:?}"
            );
        }
        let heading = message("ar", "common-locations-of-track-marks-heading");
        assert!(found(&m, &heading).contains(&("لآثار الحقن", concept(&tb, "c-track-marks"))));
        let endocarditis = concept(&tb, "c-endocarditis");
        assert_eq!(
            m.concepts(&message("ar", "infections-item-5")),
            [endocarditis]
        );
        assert_eq!(
            found(&m, "الحمى والتهاب الشغاف"),
            [("والتهاب الشغاف", endocarditis)]
        );
        // A root letter that looks like a prefix stays: بتر (amputation), وريد (vein).
        let amputation = concept(&tb, "c-amputation");
        let vein = concept(&tb, "c-vein");
        assert_eq!(
            found(&m, "بتر ثم وبتر الأطراف؛ الوريد"),
            [
                ("بتر", amputation),
                ("وبتر الأطراف", amputation),
                ("الوريد", vein)
            ]
        );
    }

    #[test]
    fn markup_placeables_and_urls_are_not_matched() {
        let tb = termbase("en", &[&[("abscess", P)]]);
        let m = Matcher::new(&tb, "en");
        assert_eq!(
            found(&m, r#"Read <a data-l10n-name="abscess">this guide</a>."#),
            []
        );
        let text =
            r#"An <em>abscess</em> can <a data-l10n-name="abscess">form</a>, abscesses too."#;
        assert_eq!(found(&m, text), [("abscess", 0), ("abscesses", 0)]);
        assert_eq!(
            found(
                &m,
                "See https://example.org/abscess-care or www.abscess.org."
            ),
            []
        );
        assert_eq!(found(&m, "Write to abscess@example.org about it."), []);
        assert_eq!(found(&m, r#"Cited: { "Abscess" } and { $abscess }."#), []);
        assert_eq!(found(&m, r#"{ "{" } abscess { "}" }"#), [("abscess", 0)]);
        assert_eq!(found(&m, "a < abscess > b"), [("abscess", 0)], "not a tag");
        assert_eq!(
            found(&m, "<em abscess {abscess"),
            [("abscess", 0), ("abscess", 0)]
        );
        assert_eq!(found(&m, ""), []);
    }

    #[test]
    fn case_folding_and_unicode_normalization() {
        let tb = termbase("en", &[&[("HIV", P)]]);
        let m = Matcher::new(&tb, "en");
        assert_eq!(found(&m, "hiv and Hiv"), [("hiv", 0), ("Hiv", 0)]);

        let tb = termbase(
            "fr",
            &[&[("hépatite", P)], &[("bacte\u{301}rie\u{301}mie", P)]],
        );
        let m = Matcher::new(&tb, "fr");
        let decomposed = "une he\u{301}patite";
        assert_eq!(found(&m, decomposed), [("he\u{301}patite", 0)]);
        assert_eq!(found(&m, "une bactériémie"), [("bactériémie", 1)]);
        assert_eq!(found(&m, "HÉPATITE"), [("HÉPATITE", 0)]);
    }

    #[test]
    fn byte_ranges_are_those_of_the_original_text() {
        let tb = termbase("en", &[&[("abscess", P)], &[("kidney failure", P)]]);
        let m = Matcher::new(&tb, "en");
        // İ lowercases to two characters, the Kelvin sign K (3 bytes) is K (1 byte) in NFC.
        let text = "İİ ßé <b>ABSCESS</b> \u{212A}IDNEY FAILURE, İİ abscesses";
        let matches = m.find(text);
        let texts: Vec<&str> = matches.iter().map(|x| &text[x.start..x.end]).collect();
        assert_eq!(texts, ["ABSCESS", "\u{212A}IDNEY FAILURE", "abscesses"]);

        let tb = termbase("zh", &[&[("心内膜炎", P)]]);
        let m = Matcher::new(&tb, "zh");
        let text = "Ä  \t心内膜炎";
        let x = m.find(text)[0];
        assert_eq!(&text[x.start..x.end], "心内膜炎");
    }

    #[test]
    fn leftmost_longest_without_overlap() {
        let tb = termbase(
            "en",
            &[
                &[("injection drug use", P)],
                &[("drug use", P)],
                &[("drug", P)],
            ],
        );
        let m = Matcher::new(&tb, "en");
        assert_eq!(
            found(&m, "Injection drug use and drug use; drugs."),
            [("Injection drug use", 0), ("drug use", 1), ("drugs", 2)]
        );
        assert_eq!(
            m.concepts("drug use, drug use and injection drug use"),
            [0, 1]
        );
    }

    #[test]
    fn a_span_matching_terms_of_several_concepts_counts_for_each() {
        let tb = real_termbase();
        let m = Matcher::new(&tb, "fr");
        let (sore, wound) = (concept(&tb, "c-sore"), concept(&tb, "c-wound"));
        assert_eq!(m.concepts("des plaies"), [sore, wound]);
        assert_eq!(m.find("des plaies").len(), 1);
        let all: Vec<usize> = m
            .find_all("des plaies")
            .iter()
            .map(|x| x.term.concept)
            .collect();
        assert_eq!(
            all,
            [sore, wound],
            "find_all keeps every concept of the span"
        );
    }

    #[test]
    fn forms_of_one_term_are_not_different_wordings() {
        let tb = termbase("es", &[]);
        let es = Matcher::new(&tb, "es");
        assert!(es.same_form("cicatriz", "cicatrices"));
        assert!(es.same_form("herida por punción", "heridas por punción"));
        assert!(es.same_form("Toallita con alcohol", "toallitas con alcohol"));
        assert!(!es.same_form("consumo de sustancias", "consumo de drogas"));
        assert!(!es.same_form("aguja estéril", "agujas nuevas y estériles"));
        let en = Matcher::new(&tb, "en-US");
        assert!(en.same_form("bruise", "bruises"));
        assert!(
            !en.same_form("scar", "scarring"),
            "a derivation is another wording"
        );
        let de = Matcher::new(&tb, "de");
        assert!(de.same_form("Einstichspur", "Einstichspuren"));
        assert!(!de.same_form("Einstichspur", "Injektionsstelle"));
        let ar = Matcher::new(&tb, "ar");
        assert!(ar.same_form("موضع الحقن", "مواضع الحقن"), "broken plural");
        assert!(!ar.same_form("آثار الحقن", "موضع الحقن"));
        let zh = Matcher::new(&tb, "zh-CN");
        assert!(zh.same_form("针痕", "针痕"));
        assert!(!zh.same_form("针痕", "注射部位"));
    }

    #[test]
    fn regional_locale_uses_its_own_section_then_the_parent() {
        let tb = real_termbase();
        let m = Matcher::new(&tb, "es-MX");
        let (bruise, abscess) = (concept(&tb, "c-bruise"), concept(&tb, "c-abscess"));
        assert_eq!(m.concepts("Moretones y abscesos"), [bruise, abscess]);
        let text = message("es-MX", "key-takeaways-image-alt-1");
        assert!(m.concepts(&text).contains(&bruise), "{text}");
        // es-MX has its own section for "bruise": the es term is not an es-MX term.
        assert!(m.concepts("un hematoma").is_empty());
        let m = Matcher::new(&tb, "es");
        assert_eq!(m.concepts("un hematoma"), [bruise]);
    }

    #[test]
    fn real_endocarditis_messages_match_in_english_and_spanish() {
        let tb = real_termbase();
        let endocarditis = concept(&tb, "c-endocarditis");
        let en = Matcher::new(&tb, "en-US");
        let es = Matcher::new(&tb, "es");
        let spanish: HashMap<String, String> = messages("es").into_iter().collect();
        let mut checked = 0;
        for (id, text) in messages("en-US") {
            if !text.to_lowercase().contains("endocarditis") {
                continue;
            }
            assert!(
                en.concepts(&text).contains(&endocarditis),
                "en {id}: {text}"
            );
            let translation = spanish.get(&id).unwrap_or_else(|| panic!("es lacks {id}"));
            assert!(
                es.concepts(translation).contains(&endocarditis),
                "es {id}: {translation}"
            );
            checked += 1;
        }
        assert!(checked > 0, "the English file mentions endocarditis");
        // The same message in every shipped locale.
        for locale in ["fr", "de", "zh-CN", "ar"] {
            let m = Matcher::new(&tb, locale);
            let text = message(locale, "infections-item-5");
            assert_eq!(m.concepts(&text), [endocarditis], "{locale}: {text}");
        }
    }

    #[test]
    fn every_shipped_message_gives_valid_ranges() {
        let tb = real_termbase();
        let track_marks = concept(&tb, "c-track-marks");
        for locale in ["en-US", "es", "es-MX", "fr", "de", "zh-CN", "ar"] {
            let m = Matcher::new(&tb, locale);
            for (id, text) in messages(locale) {
                for x in m.find(&text) {
                    assert!(
                        x.start < x.end && text.get(x.start..x.end).is_some(),
                        "{locale} {id}"
                    );
                }
                let _ = found(&m, &text);
            }
            if locale != "es-MX" {
                let title = message(locale, "title");
                assert!(
                    m.concepts(&title).contains(&track_marks),
                    "{locale}: {title}"
                );
            }
        }
    }

    /// Matchers of the same small termbase for each kind of language.
    fn fuzz_matchers() -> &'static [Matcher] {
        static MATCHERS: std::sync::LazyLock<Vec<Matcher>> = std::sync::LazyLock::new(|| {
            let terms: &[&[(&str, Status)]] = &[
                &[("abscess", P), ("vein", P), ("Abszess", P), ("心内膜炎", P)],
                &[("التهاب الشغاف", P), ("Entzündung", P)],
            ];
            ["en", "de", "fr", "zh", "ar", "xx"]
                .iter()
                .map(|locale| Matcher::new(&termbase(locale, terms), locale))
                .collect()
        });
        &MATCHERS
    }

    proptest::proptest! {
        /// Any text: no panic, and ranges on char boundaries, sorted and disjoint.
        #[test]
        fn any_text_gives_valid_ranges(
            text in "(abscess|Abszess|Herzentzündungen|vein|veins|é|e\u{301}|İ|ß|<em>|</em>|<a x=\"|\"|>|\\{|\\}|http://|@|\\.| |\n|心内膜炎|والخراجات|ال|[a-zA-Z]{1,3}|\\PC){0,24}"
        ) {
            for m in fuzz_matchers() {
                let mut last = 0;
                for x in m.find(&text) {
                    proptest::prop_assert!(x.start >= last && x.start < x.end);
                    proptest::prop_assert!(text.get(x.start..x.end).is_some());
                    last = x.end;
                }
            }
        }
    }

    #[test]
    fn the_word_cache_stays_bounded_when_matchers_are_compiled_again_and_again() {
        let tb = termbase("es", &[&[("herida", Status::Preferred)]]);
        for _ in 0..3 * WORD_CACHE_LANGUAGES {
            let matcher = Matcher::new(&tb, "es");
            assert_eq!(found(&matcher, "una herida"), [("herida", 0)]);
        }
        let languages = WORDS.with(|cache| cache.borrow().len());
        assert!(
            languages <= WORD_CACHE_LANGUAGES,
            "{languages} languages cached"
        );
    }

    #[test]
    fn matcher_is_send_and_sync() {
        fn shared<T: Send + Sync>() {}
        shared::<Matcher>();
    }

    #[test]
    fn arabic_light_stemmer() {
        assert_eq!(arabic_stem("الخراجات"), arabic_stem("خراج"));
        assert_eq!(arabic_stem("والخراجات"), arabic_stem("خراج"));
        assert_eq!(arabic_stem("الالتهاب"), arabic_stem("التهاب"));
        assert_eq!(arabic_stem("الأوردة"), arabic_stem("أوردة"));
        assert_eq!(arabic_stem("الوريد"), arabic_stem("وريد"));
        assert_ne!(arabic_stem("وريد"), arabic_stem("ريد"));
    }

    #[test]
    fn inflection_guard() {
        assert!(inflection_distance("vein", "veins").is_some());
        assert!(inflection_distance("cicatriz", "cicatrices").is_some());
        assert!(inflection_distance("lesión", "lesiones").is_some());
        assert!(inflection_distance("venenschaden", "venenschäden").is_some());
        assert!(inflection_distance("addict", "addiction").is_none());
        assert!(inflection_distance("drogué", "drogues").is_none());
        assert!(inflection_distance("droguée", "drogues").is_none());
    }
}
