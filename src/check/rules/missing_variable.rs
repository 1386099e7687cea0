//! ## What it does
//! Reports a `$variable` of the reference that the translation does not use.
//!
//! ## Why it matters
//! A dose, a count or a name the English shows is missing from the translation. (Some languages
//! may legitimately drop a variable in a plural variant, hence a warning.)
//!
//! ## Example
//! Reference: `take = Take { $dose } mg`; bad: `take = Tome la dosis`; good: `Tome { $dose } mg`.

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "missing-variable",
    severity: Severity::Warning,
    summary: "A reference variable the translation drops.",
    scope: Scope::Pair,
    check,
};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    for pair in ctx.pattern_pairs() {
        for var in &pair.reference.variables {
            if !pair.translation.variables.contains(var) {
                out.push(ctx.pair_finding(
                    &RULE,
                    &pair,
                    None,
                    format!("missing variable ${var}: the reference shows it"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
