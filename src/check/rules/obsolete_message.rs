//! ## What it does
//! Reports entries of a translation that are not in the reference (or a whole file without a
//! reference).
//!
//! ## Why it matters
//! They are never shown; usually the English was removed or its ID changed, and the translation
//! belongs somewhere else or can go.
//!
//! ## Example
//! Reference: `a = One`; bad translation: `a = Uno` and `old = Viejo`; good: `a = Uno`.

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "obsolete-message",
    severity: Severity::Warning,
    summary: "A translated message or term the reference no longer has.",
    scope: Scope::Pair,
    check,
};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    let Some(file) = ctx.translation else { return };
    for entry in &file.entries {
        if ctx.reference.is_some_and(|r| r.entry(&entry.id).is_some()) {
            continue;
        }
        let mut f = ctx.finding(
            &RULE,
            entry.offset..entry.offset + entry.id.len(),
            Some(entry),
            None,
            format!(
                "obsolete message {}: the reference no longer has it",
                entry.id
            ),
        );
        f.hint =
            Some("delete it, or move the translation to the message that replaced it".to_owned());
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
