//! ## What it does
//! Reports a message whose reference has a value (text) while the translation has only
//! attributes, and the reverse.
//!
//! ## Why it matters
//! The message's main text is what readers see; without it the page shows the fallback or an
//! empty element.
//!
//! ## Example
//! Reference: `img = Photo` with `.alt = A bruise`; bad: only `.alt`; good: value and `.alt`.

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "missing-value",
    severity: Severity::Error,
    summary: "The translation lacks the value its reference has, or has one the reference lacks.",
    scope: Scope::Pair,
    check,
};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    for (r, t) in ctx.entry_pairs() {
        let span = t.offset..t.offset + t.id.len();
        match (r.value.is_some(), t.value.is_some()) {
            (true, false) => out.push(ctx.finding(
                &RULE,
                span,
                Some(t),
                None,
                format!(
                    "missing value: {} has only attributes, the reference has text",
                    t.id
                ),
            )),
            (false, true) => out.push(ctx.finding(
                &RULE,
                span,
                Some(t),
                None,
                format!(
                    "obsolete value: the reference {} has no text, only attributes",
                    t.id
                ),
            )),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
