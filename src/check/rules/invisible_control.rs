//! ## What it does
//! Reports bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069),
//! zero-width characters (U+200B-U+200D, U+2060, U+FEFF) and other invisible format characters
//! in a translation.
//!
//! Deliberately not reported, decided by the Unicode script (ICU4X's `Script` property, the
//! same CLDR/Unicode data medloc already uses for numbers and dates) of the neighbouring
//! characters, because the script needs them:
//! - the zero-width space U+200B as a word separator in Thai, Lao, Khmer and Burmese, which
//!   write no spaces between words (`ធ្វើ​សមកាលកម្ម`): a neighbour of one of those scripts, and
//!   no letter of another script on the other side;
//! - the zero-width non-joiner and joiner U+200C and U+200D beside a letter or sign of a script
//!   that spells with them: Arabic script (Persian `می‌شود`, Urdu, Pashto, Kurdish), Syriac, and
//!   the Indic scripts (Devanagari, Bengali, Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada,
//!   Malayalam chillus `ഫയല്‍`, Sinhala);
//! - the marks a right-to-left locale needs (U+200E, U+200F, U+061C), in such a locale;
//! - a first-strong isolate U+2068 closed by its pop U+2069 with no other bidirectional control
//!   between them: that is the isolation Fluent itself puts around every placeable, copied from
//!   formatted text, and it cannot reorder anything outside the pair.
//!
//! Trojan-Source characters stay errors in every script: embeddings and overrides
//! (U+202A-U+202E), the left-to-right and right-to-left isolates (U+2066, U+2067), and an
//! isolate left open or a pop with no isolate. A zero-width space between Latin letters, or a
//! joiner between Latin, Cyrillic or Han letters, is still reported: those scripts never need
//! one.
//!
//! ## Why it matters
//! This is the "Trojan Source" class: text that displays differently from what it is, hiding a
//! changed number or link from reviewers, or breaking search and copy-paste of a phone number.
//!
//! ## Example
//! Bad: `call = Llame al 1-800-\u{202E}PLEH-266\u{202C}`; good: `call = Llame al 1-800-662-HELP`.

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};
use icu_properties::CodePointMapData;
use icu_properties::props::Script;

pub(crate) static RULE: Rule = Rule {
    name: "invisible-control",
    severity: Severity::Error,
    summary: "Bidirectional overrides or invisible format characters in a translation.",
    scope: Scope::Pair,
    check,
};

/// Scripts written without spaces between words, where U+200B marks word boundaries.
const WORD_SEPARATED: &[Script] = &[Script::Thai, Script::Lao, Script::Khmer, Script::Myanmar];

/// Scripts whose spelling uses the zero-width non-joiner and joiner.
const JOINING: &[Script] = &[
    Script::Arabic,
    Script::Syriac,
    Script::Devanagari,
    Script::Bengali,
    Script::Gurmukhi,
    Script::Gujarati,
    Script::Oriya,
    Script::Tamil,
    Script::Telugu,
    Script::Kannada,
    Script::Malayalam,
    Script::Sinhala,
];

const FIRST_STRONG_ISOLATE: char = '\u{2068}';
const POP_DIRECTIONAL_ISOLATE: char = '\u{2069}';

fn script(c: char) -> Script {
    CodePointMapData::<Script>::new().get(c)
}

/// A letter or mark (a vowel sign, a virama) of one of `scripts`.
fn of_script(c: Option<char>, scripts: &[Script]) -> bool {
    c.is_some_and(|c| {
        (c.is_alphabetic() || unicode_normalization::char::is_combining_mark(c))
            && scripts.contains(&script(c))
    })
}

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    for pair in ctx.pattern_pairs() {
        let right_to_left = ctx.locale.right_to_left;
        if !pair
            .translation
            .prose
            .chars()
            .any(|c| is_forbidden(c, right_to_left))
        {
            continue;
        }
        let chars: Vec<char> = pair.translation.prose.chars().collect();
        let isolation = fluent_isolation(&chars);
        for (i, &c) in chars.iter().enumerate() {
            if !is_forbidden(c, ctx.locale.right_to_left) || isolation.contains(&i) {
                continue;
            }
            let before = i.checked_sub(1).map(|b| chars[b]);
            let after = chars.get(i + 1).copied();
            let needed = match c {
                // A word separator: beside a letter of such a script, and not touching a
                // letter of another (`af \u{200B}denne` in Danish is a stray).
                '\u{200B}' => {
                    let foreign = |n: Option<char>| {
                        n.is_some_and(char::is_alphabetic) && !of_script(n, WORD_SEPARATED)
                    };
                    (of_script(before, WORD_SEPARATED) || of_script(after, WORD_SEPARATED))
                        && !foreign(before)
                        && !foreign(after)
                }
                // Beside a letter or sign of such a script (a Malayalam chillu ends a word
                // with virama + ZWJ; a Telugu suffix may follow a closing quote).
                '\u{200C}' | '\u{200D}' => of_script(before, JOINING) || of_script(after, JOINING),
                _ => false,
            };
            if !needed {
                let needle = c.to_string();
                out.push(ctx.pair_finding(
                    &RULE,
                    &pair,
                    Some(&needle),
                    format!("invisible control character U+{:04X} in the text", c as u32),
                ));
            }
        }
    }
}

/// Indexes of the first-strong isolates and their pops that pair up with no other
/// bidirectional control between them: Fluent's own isolation of a placeable, copied.
fn fluent_isolation(chars: &[char]) -> Vec<usize> {
    let mut paired = Vec::new();
    let mut open: Option<usize> = None;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            FIRST_STRONG_ISOLATE => open = Some(i),
            POP_DIRECTIONAL_ISOLATE => {
                if let Some(o) = open.take() {
                    paired.extend([o, i]);
                }
            }
            '\u{202A}'..='\u{202E}' | '\u{2066}' | '\u{2067}' => open = None,
            _ => {}
        }
    }
    paired
}

fn is_forbidden(c: char, right_to_left: bool) -> bool {
    match c {
        '\u{200E}' | '\u{200F}' | '\u{061C}' => !right_to_left,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => true,
        '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{180E}' => true,
        '\u{FFF9}'..='\u{FFFB}' => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
