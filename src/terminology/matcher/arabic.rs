//! A light Arabic stemmer: the article and attached prefixes off, and the consonant
//! skeleton for comparing stems.

/// Prefixes that attach to an Arabic word without the article: conjunctions `و`, `ف`,
/// prepositions `ب`, `ك`, `ل`, and a conjunction followed by a preposition.
pub(super) const ARABIC_PREFIXES: [&str; 11] =
    ["و", "ف", "ب", "ك", "ل", "وب", "ول", "وك", "فب", "فل", "فك"];

/// Light stemming of a lowercased, NFC Arabic word, after Larkey et al.'s "light10": removes
/// diacritics and tatweel, unifies alef forms, final yeh and teh marbuta, strips the article
/// with an attached conjunction or preposition (`ال`, `وال`, `بال`, `لل`, ...), then common
/// suffixes (`ها ان ات ون ين يه ه ي`). A bare attached prefix (`و`, `ب`, `ل`, ...) without
/// the article is not stripped here, because it is also a root letter of many words
/// (`وريد`, `بتر`, `فشل`); patterns carry those prefixes instead.
pub(super) fn arabic_stem(word: &str) -> String {
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
pub(super) fn arabic_consonants(stem: &str) -> String {
    stem.chars()
        .filter(|c| !matches!(c, 'ا' | 'و' | 'ي'))
        .collect()
}
