//! ## What it does
//! Reports bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069),
//! zero-width characters (U+200B-U+200D, U+2060, U+FEFF) and other invisible format characters
//! in a translation. The marks a right-to-left locale legitimately needs (U+200E, U+200F,
//! U+061C) are allowed there.
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
        for c in pair.translation.prose.chars() {
            if is_forbidden(c, ctx.locale.right_to_left) {
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
