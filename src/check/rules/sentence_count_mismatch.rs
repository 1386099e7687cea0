//! ## What it does
//! Counts sentences (Unicode sentence segmentation, which knows the full stops and question
//! marks of CJK and Arabic) and reports a translation that has lost a third or more of its
//! reference's sentences (at least one, when the reference has two or more). Plural variants
//! are left out, and languages written without sentence punctuation (Thai, Lao, Khmer,
//! Burmese) are not checked.
//!
//! ## Why it matters
//! A dropped sentence is the cheap, visible signal of an omitted warning ("Do not share
//! needles.") that every other check would miss.
//!
//! ## Example
//! Reference: `Clean the site. Use a new needle. Do not share needles.`; bad: `Limpie la zona.
//! Use una aguja nueva.`; good: all three sentences.

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "sentence-count-mismatch",
    severity: Severity::Warning,
    summary: "The translation has clearly fewer sentences than the reference.",
    scope: Scope::Pair,
    check,
};

/// Languages written without sentence-final punctuation (spaces separate sentences).
const UNPUNCTUATED: &[&str] = &["th", "lo", "km", "my"];

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    let language = ctx.locale.tag.split('-').next().unwrap_or_default();
    if UNPUNCTUATED.contains(&language) {
        return;
    }
    for pair in ctx.pattern_pairs() {
        // Plural variants repeat one sentence per form: compare the fixed text only.
        let r = pair
            .reference
            .sentence_count(crate::check::scan::sentence_count);
        if r < 2 {
            continue;
        }
        let t = pair
            .translation
            .sentence_count(crate::check::scan::sentence_count);
        if t < r && t * 3 <= r * 2 {
            out.push(ctx.pair_finding(
                &RULE,
                &pair,
                None,
                format!("{t} sentence(s) where the reference has {r}: check nothing was left out"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
