//! ## What it does
//! Reports bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069),
//! zero-width characters (U+200B-U+200D, U+2060, U+FEFF) and other invisible format characters
//! in a translation. The marks a right-to-left locale legitimately needs (U+200E, U+200F,
//! U+061C) are allowed there, and the zero-width non-joiner and joiner are allowed next to
//! letters of scripts that spell with them (Persian `می‌شود`, Indic conjuncts and chillus).
//!
//! ## Why it matters
//! This is the "Trojan Source" class: text that displays differently from what it is, hiding a
//! changed number or link from reviewers, or breaking search and copy-paste of a phone number.
//!
//! ## Example
//! Bad: `call = Llame al 1-800-\u{202E}PLEH-266\u{202C}`; good: `call = Llame al 1-800-662-HELP`.

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "invisible-control",
    severity: Severity::Error,
    summary: "Bidirectional overrides or invisible format characters in a translation.",
    scope: Scope::Pair,
    check,
};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    for pair in ctx.pattern_pairs() {
        let chars: Vec<char> = pair.translation.prose.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            // Beside a letter or sign of such a script (a Malayalam chillu ends a word with
            // virama + ZWJ; a Telugu suffix may follow a closing quote).
            let joins_letters = matches!(c, '\u{200C}' | '\u{200D}')
                && ((i > 0 && is_script_letter(chars[i - 1]))
                    || chars.get(i + 1).is_some_and(|n| is_script_letter(*n)));
            if is_forbidden(c, ctx.locale.right_to_left) && !joins_letters {
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

/// A letter of a script that uses zero-width (non-)joiners in its spelling (Persian,
/// Arabic, Indic scripts): not Latin, Greek or Cyrillic.
fn is_script_letter(c: char) -> bool {
    (c.is_alphabetic() || unicode_normalization::char::is_combining_mark(c)) && (c as u32) >= 0x0590
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
