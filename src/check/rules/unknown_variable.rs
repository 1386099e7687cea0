//! ## What it does
//! Reports a `$variable` in a translation that its reference message does not use.
//!
//! ## Why it matters
//! The code never passes it: the reader sees `{$dose}` or an error marker instead of a value.
//!
//! ## Example
//! Reference: `take = Take { $dose } mg`; bad: `take = Tome { $dosis } mg`; good: `{ $dose }`.

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "unknown-variable",
    severity: Severity::Error,
    summary: "A variable the reference never uses.",
    scope: Scope::Pair,
    check,
};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    // A term's variables are parameters its callers in this locale pass (grammatical case
    // in Czech: `{ -brand(case: "gen") }`), so only messages are checked.
    for pair in ctx.pattern_pairs().filter(|p| !p.entry.is_term) {
        for var in &pair.translation.variables {
            if !pair.reference.variables.contains(var) {
                let mut f = ctx.pair_finding(
                    &RULE,
                    &pair,
                    Some(&format!("${var}")),
                    format!("unknown variable ${var}: the reference never uses it"),
                );
                f.hint = Some(format!(
                    "the reference provides: {}",
                    list(&pair.reference.variables)
                ));
                out.push(f);
            }
        }
    }
}

fn list(vars: &[String]) -> String {
    if vars.is_empty() {
        "no variables".to_owned()
    } else {
        vars.iter()
            .map(|v| format!("${v}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
