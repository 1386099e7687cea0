//! ## What it does
//! Reports letters in a script the locale is not written in, judged with CLDR's likely script
//! of the locale (ICU4X `LocaleExpander`: `ru` is Cyrillic, `it` Latin, `ja` Han, Hiragana
//! and Katakana, `ko` Hangul and Han):
//! - a word that mixes Latin letters with Cyrillic or Greek ones: a lookalike in a Latin
//!   word (`Firefоx` with a Cyrillic `о`), or a Latin letter in a Cyrillic or Greek word
//!   (`Eισαγωγή` with a Latin `E`, `доменt`): a homoglyph or keyboard-layout slip that looks
//!   right and breaks search, links and screen readers;
//! - three letters or more of a third script (Chinese in the Italian file, Cyrillic in the
//!   Greek one): text pasted from another language's file;
//! - for a locale written in another script than Latin, a translation of twenty Latin letters
//!   or more, at least four fifths of its letters, that are not words of the reference:
//!   a translation into another language, or the wrong language's file.
//!
//! Deliberately not reported:
//! - a Latin word with a Greek letter that does not look Latin (Kabyle `Ayγer`, `yeεna`: γ
//!   and ε stand for ɣ and ɛ in Berber Latin orthographies);
//! - Latin words in a non-Latin translation that the reference has too (names, brands,
//!   `Firefox`, `SAMHSA`), and do-not-translate names: every script keeps them;
//! - a few Latin words among the locale's own script (`Wi-Fi`, `PDF`, a product name the
//!   reference writes as a placeable);
//! - locales CLDR has no likely script for, and scripts medloc has no data for: no finding
//!   rather than a guess.
//!
//! ## Why it matters
//! A reader of the Russian guide cannot read a Spanish paragraph or a Chinese one, and a
//! homoglyph in a name or a drug turns up nothing when searched for.
//!
//! ## Example
//! Bad (it): `intro = 请在使用前洗手。`; good: `intro = Lavarsi le mani prima dell'uso.`

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};
use crate::text::words::script_words;
use icu_properties::props::Script;

pub(crate) static RULE: Rule = Rule {
    name: "wrong-script",
    severity: Severity::Warning,
    summary: "Letters in a script the locale is not written in (CLDR likely script), or homoglyphs.",
    scope: Scope::Pair,
    check,
};

/// Letters of a third script that make a finding.
const MIN_FOREIGN: usize = 3;
/// Latin letters not from the reference that make a non-Latin translation Latin.
const MIN_LATIN: usize = 20;

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    let expected = &ctx.locale.scripts;
    if expected.is_empty() {
        return;
    }
    let latin_locale = expected.contains(&Script::Latin);
    for pair in ctx.pattern_pairs() {
        let text = &pair.translation.prose;
        // Latin letters, Latin-1 and Latin Extended only, in a Latin locale: nothing to judge.
        if latin_locale && text.chars().all(|c| (c as u32) < 0x0250) {
            continue;
        }
        let reference = &pair.reference.prose;
        let names = ctx.do_not_translate.find_in(text);
        let in_name = |r: &std::ops::Range<usize>| {
            names
                .iter()
                .any(|(n, _)| n.start <= r.start && r.end <= n.end)
        };
        let (mut foreign, mut foreign_word, mut latin, mut letters) = (0, None, 0, 0);
        for (range, scripts) in script_words(text) {
            let word = &text[range.clone()];
            let count = || word.chars().filter(|c| c.is_alphabetic()).count();
            // All letters are counted for the Latin-text test of non-Latin locales only.
            if !latin_locale {
                letters += count();
            }
            // The locale's own script: nothing to judge (the common case, decided first).
            if scripts.iter().all(|s| expected.contains(s))
                || in_name(&range)
                || reference.contains(word)
            {
                continue;
            }
            let mixes = scripts.contains(&Script::Latin)
                && scripts
                    .iter()
                    .any(|s| matches!(*s, Script::Cyrillic | Script::Greek));
            if mixes && is_homoglyph(word) {
                out.push(ctx.pair_finding(
                    &RULE,
                    &pair,
                    Some(word),
                    format!("\"{word}\" mixes Latin with Cyrillic or Greek letters that look alike (homoglyphs)"),
                ));
                continue;
            }
            match scripts.as_slice() {
                [Script::Latin] => latin += count(),
                [s] if !expected.contains(s) => {
                    foreign += count();
                    foreign_word.get_or_insert((word, *s));
                }
                _ => {}
            }
        }
        let tag = &ctx.locale.tag;
        if let Some((word, script)) = foreign_word.filter(|_| foreign >= MIN_FOREIGN) {
            out.push(ctx.pair_finding(
                &RULE,
                &pair,
                Some(word),
                format!(
                    "{foreign} letters in {} script, which {tag} is not written in (\"{word}\")",
                    script_name(script)
                ),
            ));
        } else if !latin_locale && latin >= MIN_LATIN && latin * 5 >= letters * 4 {
            out.push(ctx.pair_finding(
                &RULE,
                &pair,
                None,
                format!(
                    "{latin} of the translation's {letters} letters are Latin and not from the reference, but {tag} is written in {} script",
                    expected.first().map_or("another", |s| script_name(*s))
                ),
            ));
        }
    }
}

/// Cyrillic and Greek letters drawn like Latin ones (`о`, `а`, `Ε`, `ν`). Greek `γ` and `ε`
/// are not: Kabyle and other Berber Latin orthographies write them for `ɣ` and `ɛ`.
const LOOKALIKES: &str = "аеорсуххіјѕһԁԛԝАВЕКМНОРСТХІЈЅУοαινκρτχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ";

/// Whether a word mixing Latin with Cyrillic or Greek letters is a homoglyph or a keyboard
/// slip: a Latin letter inside a Cyrillic or Greek word (`Eισαγωγή`, `доменt`), or a
/// lookalike inside a Latin word (`Firefоx`); not a Latin word that writes a Greek letter of
/// its orthography (Kabyle `Ayγer`).
fn is_homoglyph(word: &str) -> bool {
    let latin = word.chars().filter(|c| c.is_ascii_alphabetic()).count();
    let other = word
        .chars()
        .filter(|c| c.is_alphabetic() && !c.is_ascii())
        .count();
    other >= latin || word.chars().any(|c| LOOKALIKES.contains(c))
}

fn script_name(script: Script) -> &'static str {
    icu_properties::PropertyNamesLong::<Script>::new()
        .get(script)
        .unwrap_or("another")
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);

    #[test]
    fn homoglyphs_and_orthographies() {
        use super::is_homoglyph;
        // Relay el and ru, a coreutils ru leftover: defects.
        for word in ["Eισαγωγή", "доменt", "ПАРАМЕТРTION", "Firefоx"] {
            assert!(is_homoglyph(word), "{word}");
        }
        // Kabyle (Firefox Send kab) writes Greek gamma and epsilon for ɣ and ɛ.
        for word in ["Ayγer", "Tuγzi", "yeεna"] {
            assert!(!is_homoglyph(word), "{word}");
        }
    }

    #[test]
    fn expected_scripts_come_from_cldr() {
        use crate::check::LocaleInfo;
        use icu_properties::props::Script;
        assert_eq!(LocaleInfo::new("ru").scripts, [Script::Cyrillic]);
        assert_eq!(LocaleInfo::new("ug").scripts, [Script::Arabic]);
        assert_eq!(LocaleInfo::new("zh-TW").scripts, [Script::Han]);
        assert_eq!(LocaleInfo::new("sr-Latn").scripts, [Script::Latin]);
        assert!(LocaleInfo::new("ja").scripts.contains(&Script::Hiragana));
        assert_eq!(LocaleInfo::new("not a locale").scripts, []);
    }
}
