//! ## What it does
//! Reports a translated value or attribute that is empty or only whitespace (e.g. `{ "" }`)
//! where the reference has text.
//!
//! ## Why it matters
//! An empty string is a valid translation to Fluent, so nothing falls back: the reader sees a
//! blank heading or a missing warning.
//!
//! ## Example
//! Bad: `warning = { "" }`; good: a translation, or leave the message out to fall back.

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "empty-translation",
    severity: Severity::Error,
    summary: "A translation whose text is empty while the reference has text.",
    scope: Scope::Pair,
    check,
};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    for pair in ctx.pattern_pairs() {
        if pair.translation.text.trim().is_empty() && !pair.reference.text.trim().is_empty() {
            out.push(ctx.pair_finding(&RULE, &pair, None, "empty translation".to_owned()));
        }
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
