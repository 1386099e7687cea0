//! ## What it does
//! Compares the kind of final punctuation (full stop, question mark, exclamation mark, colon)
//! of the translation with the reference's, understanding each script's forms (`。`, `？`, `؟`,
//! `۔`) and ignoring closing tags and quotes.
//!
//! ## Why it matters
//! A question turned into a statement, or a list introduction (`include:`) that lost its colon,
//! reads wrongly and often signals a truncated translation.
//!
//! ## Example
//! Reference: `How long do they last?`; bad: `¿Cuánto duran.`; good: `¿Cuánto duran?`.

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "punctuation-mismatch",
    severity: Severity::Info,
    summary: "The final punctuation differs from the reference.",
    scope: Scope::Pair,
    check,
};

use crate::text::sentences::final_punctuation;

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    for pair in ctx.pattern_pairs() {
        // A text ending in a placeable (`Last updated { $date }`) has its punctuation there.
        if pair.reference.text.ends_with('}') || pair.translation.text.ends_with('}') {
            continue;
        }
        let r = final_punctuation(&pair.reference.prose);
        let t = final_punctuation(&pair.translation.prose);
        if r != t {
            out.push(ctx.pair_finding(
                &RULE,
                &pair,
                None,
                format!("ends with {t} where the reference ends with {r}"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
