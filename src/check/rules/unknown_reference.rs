//! ## What it does
//! Reports `{ message }` and `{ -term }` references that no file of the locale or of the
//! reference defines.
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
            if !ctx.knows(id) {
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
