//! The shipped translations and termbase: completion per locale, no pasted English, no
//! duplicates, every term with a status, and preferred terms used where the English has them.

mod common;

use common::{messages, repo_root};
use medloc::terminology::{Status, Termbase};
use std::collections::{HashMap, HashSet};

const LOCALES: &[&str] = &["es", "es-MX", "fr", "zh-CN", "de", "ar"];

fn reference() -> Vec<(String, String)> {
    messages(&repo_root().join("locales/en-US/track-marks.ftl"))
}

fn translation(locale: &str) -> Vec<(String, String)> {
    messages(&repo_root().join(format!("locales/{locale}/track-marks.ftl")))
}

fn completion(locale: &str) -> f64 {
    let total = reference().len() as f64;
    100.0 * translation(locale).len() as f64 / total
}

fn termbase() -> Termbase {
    let path = repo_root().join("locales/terminology.tbx");
    Termbase::load(&path, "locales/terminology.tbx".as_ref()).expect("the termbase loads")
}

#[test]
fn completion_per_locale() {
    for full in ["es", "fr", "zh-CN"] {
        assert_eq!(completion(full), 100.0, "{full}");
    }
    let de = completion("de");
    assert!((55.0..=65.0).contains(&de), "de is {de:.1}%");
    let ar = completion("ar");
    assert!((80.0..=90.0).contains(&ar), "ar is {ar:.1}%");
    let mx = translation("es-MX").len();
    assert!((3..=12).contains(&mx), "es-MX holds {mx} overrides");
}

#[test]
fn every_file_parses_with_unique_reference_ids_in_order() {
    let reference_ids: Vec<String> = reference().into_iter().map(|m| m.0).collect();
    for locale in LOCALES {
        let path = repo_root().join(format!("locales/{locale}/track-marks.ftl"));
        let text = std::fs::read_to_string(&path).unwrap();
        fluent_syntax::parser::parse(text.as_str()).unwrap_or_else(|_| panic!("{locale}: Junk"));
        let ids: Vec<String> = translation(locale).into_iter().map(|m| m.0).collect();
        let unique: HashSet<&String> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "{locale}: duplicate IDs");
        let positions: Vec<usize> = ids
            .iter()
            .map(|id| {
                reference_ids
                    .iter()
                    .position(|r| r == id)
                    .unwrap_or_else(|| panic!("{locale}: {id} is not in the reference"))
            })
            .collect();
        assert!(
            positions.windows(2).all(|w| w[0] < w[1]),
            "{locale}: order differs"
        );
    }
}

/// Messages whose translation may equal the English: the word is spelled the same in that
/// language, or the text is only names, numbers and cited titles.
const SAME_AS_ENGLISH: &[(&str, &str)] = &[
    ("es", "infections-item-1"), // Hepatitis
    ("es", "infections-item-5"), // Endocarditis
    ("es", "resources-ref-2"),   // organisation, year, titles
    ("es", "resources-ref-4"),
    ("fr", "infections-heading"), // Infections
    ("fr", "resources-ref-2"),
    ("fr", "resources-ref-4"),
    ("de", "infections-item-1"),  // Hepatitis
    ("zh-CN", "resources-ref-2"), // authors, titles, volumes only
    ("zh-CN", "resources-ref-4"),
    ("zh-CN", "resources-ref-5"),
    ("zh-CN", "resources-ref-6"),
    ("zh-CN", "resources-ref-7"),
];

#[test]
fn no_message_is_pasted_english() {
    let reference: HashMap<String, String> = reference().into_iter().collect();
    for locale in LOCALES {
        for (id, text) in translation(locale) {
            if text == reference[&id] {
                assert!(
                    SAME_AS_ENGLISH.contains(&(locale, id.as_str())),
                    "{locale}: {id} is the English text"
                );
            }
        }
    }
}

#[test]
fn right_to_left_and_cjk_text_is_in_its_script() {
    let arabic = |c: char| ('\u{0600}'..='\u{06FF}').contains(&c);
    let han = |c: char| ('\u{4E00}'..='\u{9FFF}').contains(&c);
    for (id, text) in translation("ar") {
        assert!(text.chars().any(arabic), "ar: {id} has no Arabic letter");
    }
    for (id, text) in translation("zh-CN") {
        if !SAME_AS_ENGLISH.contains(&("zh-CN", id.as_str())) {
            assert!(text.chars().any(han), "zh-CN: {id} has no Han character");
        }
    }
}

#[test]
fn termbase_has_statuses_and_a_section_per_locale() {
    let tb = termbase();
    assert!(tb.concepts.len() >= 40, "{} concepts", tb.concepts.len());
    for concept in &tb.concepts {
        for lang in ["en-US", "es", "fr", "zh-CN", "de", "ar"] {
            let section = concept
                .language(lang)
                .unwrap_or_else(|| panic!("{} has no {lang} section", concept.id));
            assert!(
                section.terms.iter().any(|t| t.status == Status::Preferred),
                "{} {lang}: no preferred term",
                concept.id
            );
        }
        assert!(
            concept.language("en-US").unwrap().definition.is_some(),
            "{}: no definition",
            concept.id
        );
    }
    let deprecated: Vec<&str> = tb
        .concepts
        .iter()
        .flat_map(|c| c.language("en-US").unwrap().terms.iter())
        .filter(|t| t.status == Status::Deprecated)
        .map(|t| t.text.as_str())
        .collect();
    assert!(
        deprecated.contains(&"addict") && deprecated.contains(&"junkie"),
        "{deprecated:?}"
    );
    let samhsa = tb.concepts.iter().find(|c| c.id == "c-samhsa").unwrap();
    assert!(samhsa.languages.iter().all(|l| l.terms[0].do_not_translate));
}

#[test]
fn translations_use_preferred_terms_where_the_english_has_them() {
    let tb = termbase();
    let reference = reference();
    let sample = [
        "c-endocarditis",
        "c-tetanus",
        "c-hiv",
        "c-sepsis",
        "c-gangrene",
        "c-thrombosis",
        "c-bacteremia",
        "c-necrotizing-fasciitis",
        "c-wound-botulism",
        "c-abscess",
        "c-collapsed-vein",
    ];
    let mut checked = 0;
    for locale in ["es", "fr", "zh-CN"] {
        let translated: HashMap<String, String> = translation(locale).into_iter().collect();
        for id in sample {
            let concept = tb.concepts.iter().find(|c| c.id == id).unwrap();
            let english = &concept.language("en-US").unwrap().terms[0]
                .text
                .to_lowercase();
            let preferred = concept
                .language(locale)
                .unwrap()
                .terms
                .iter()
                .find(|t| t.status == Status::Preferred)
                .unwrap()
                .text
                .to_lowercase();
            for (msg, _) in reference
                .iter()
                .filter(|(_, t)| t.to_lowercase().contains(english.as_str()))
            {
                let got = translated[msg].to_lowercase();
                assert!(
                    contains_term(&got, &preferred),
                    "{locale} {msg}: lacks {preferred:?} for {english:?}: {got}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 20, "only {checked} messages checked");
}

/// Whether `text` contains `term`, allowing inflected endings: each word of the term must
/// start a word of the text with at least its first letters (all but two, at least four).
/// Texts without spaces (Chinese) use plain substring matching.
fn contains_term(text: &str, term: &str) -> bool {
    if text.contains(term) {
        return true;
    }
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let term_words: Vec<&str> = term.split_whitespace().collect();
    words.windows(term_words.len()).any(|window| {
        window.iter().zip(&term_words).all(|(w, t)| {
            let keep = t.chars().count().saturating_sub(2).max(4);
            let stem: String = t.chars().take(keep).collect();
            w.starts_with(&stem)
        })
    })
}
