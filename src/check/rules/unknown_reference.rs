//! ## What it does
//! Reports `{ message }` and `{ -term }` references that no file of the locale or of the
//! reference defines.
//!
//! Not reported in a translation: a reference its English message makes too (a term the
//! project defines outside its Fluent files, as Firefox Relay's brand terms): the translator
//! was right to keep it, and reporting it in every locale repeated the English's own
//! reference 26 times in Relay.
//!
//! ## Why it matters
//! They fail to resolve at runtime: the reader sees the raw ID in braces.
//!
//! ## Example
//! Bad: `intro = Lea { -brnad }`; good: `intro = Lea { -brand }`.

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "unknown-reference",
    severity: Severity::Error,
    summary: "A message or term reference defined in neither the locale nor the reference.",
    scope: Scope::Pair,
    check,
};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    for pair in ctx.pattern_pairs() {
        for name in pair
            .translation
            .messages
            .iter()
            .chain(&pair.translation.terms)
        {
            let id = name.split('.').next().unwrap_or(name);
            // Copied from the reference message: the English's own reference, which the
            // translator was right to keep (a term defined outside the project's files).
            let copied =
                pair.reference.messages.contains(name) || pair.reference.terms.contains(name);
            if !copied && !ctx.knows(id) {
                out.push(ctx.pair_finding(
                    &RULE,
                    &pair,
                    Some(id),
                    format!("unknown reference {name}: no file defines it"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
