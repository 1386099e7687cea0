//! ## What it does
//! Reports a select expression with the same variant key twice.
//!
//! ## Why it matters
//! The second variant can never be chosen: a plural form or a grammatical case disappears.
//!
//! ## Example
//! Bad: `{ $n -> [one] una dosis [one] dos dosis *[other] dosis }`; good: `[one]` once.

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "duplicate-variant",
    severity: Severity::Error,
    summary: "A variant key used twice in one select expression.",
    scope: Scope::File,
    check,
};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    let Some(file) = ctx.translation else { return };
    for entry in &file.entries {
        let patterns = entry.value.iter().map(|v| (None, v)).chain(
            entry
                .attributes
                .iter()
                .map(|a| (Some(a.name.as_str()), &a.pattern)),
        );
        for (attribute, pattern) in patterns {
            for select in &pattern.selects {
                for (i, key) in select.keys.iter().enumerate() {
                    if select.keys[..i].contains(key) {
                        out.push(ctx.finding(
                            &RULE,
                            select.offset..select.offset + 1,
                            Some(entry),
                            attribute,
                            format!("variant [{key}] appears more than once"),
                        ));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
