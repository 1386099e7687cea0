//! The words of a text for matching: tokens, stems, sentence breaks, the per-thread word
//! cache, and the inflection guard.

use super::arabic::arabic_stem;
use super::{BREAK, SEP, Stem, WordLang};
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// A word of the analysed text.
pub(super) struct Token {
    /// Byte range in the original text.
    pub(super) start: usize,
    pub(super) end: usize,
    /// Range of the stem in `Analysis::joined`.
    pub(super) joined: std::ops::Range<usize>,
    /// Range of the folded surface form in `Analysis::folds` (empty when not needed).
    pub(super) fold: std::ops::Range<usize>,
    /// Range of the word in base letters in `Analysis::bases` (empty when not needed).
    pub(super) base: std::ops::Range<usize>,
}

/// The words of a text: stems joined as SEP stem SEP stem ... SEP, with BREAK SEP inserted at
/// sentence breaks.
#[derive(Default)]
pub(super) struct Analysis {
    pub(super) joined: String,
    pub(super) tokens: Vec<Token>,
    pub(super) folds: String,
    /// Words in base letters, joined like `joined` (compounding languages only).
    pub(super) bases: String,
}

pub(super) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// One word's analysis: what `analyze` appends for it.
pub(super) struct Word {
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
pub(super) type WordCache = rustc_hash::FxHashMap<u64, rustc_hash::FxHashMap<Box<str>, Word>>;

pub(super) const WORD_CACHE_LIMIT: usize = 200_000;
pub(super) const WORD_CACHE_LANGUAGES: usize = 64;

thread_local! {
    pub(super) static WORDS: std::cell::RefCell<WordCache> = std::cell::RefCell::default();
}

/// Segments `text` (already masked) into words and stems them.
pub(super) fn analyze(lang: &WordLang, text: &str, out: &mut Analysis) {
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

pub(super) fn analyze_words(
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
pub(super) fn is_break(gap: &str) -> bool {
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
pub(super) fn fold_into(word: &str, out: &mut String) {
    out.extend(
        word.nfc()
            .flat_map(char::to_lowercase)
            .map(|c| if is_apostrophe(c) { '\'' } else { c }),
    );
}

/// The letter without its diacritics (`é` → `e`, `ü` → `u`).
pub(super) fn base_letter(c: char) -> char {
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
pub(super) fn inflection_distance(term: &str, token: &str) -> Option<u32> {
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
pub(super) fn base_string(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            'ß' => out.push_str("ss"),
            c => out.push(base_letter(c)),
        }
    }
    out
}
