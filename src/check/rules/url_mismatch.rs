//! ## What it does
//! URLs and e-mail addresses written in the reference text must appear unchanged in the
//! translation, and the translation must not add others.
//!
//! ## Why it matters
//! A changed address sends readers to the wrong site, or to one that imitates a health service.
//!
//! ## Example
//! Reference: `Write to info@example.org`; bad: `Escriba a info@exemple.org`; good:
//! `Escriba a info@example.org`.

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "url-mismatch",
    severity: Severity::Error,
    summary: "A URL or e-mail address written in the text differs from the reference.",
    scope: Scope::Pair,
    check,
};

use crate::check::scan::urls;

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    for pair in ctx.pattern_pairs() {
        let r = urls(&pair.reference.prose);
        let t = urls(&pair.translation.prose);
        for u in &r {
            if !t.contains(u) {
                out.push(ctx.pair_finding(
                    &RULE,
                    &pair,
                    None,
                    format!("address {u} of the reference is missing or changed"),
                ));
            }
        }
        for u in &t {
            if !r.contains(u) {
                out.push(ctx.pair_finding(
                    &RULE,
                    &pair,
                    Some(u),
                    format!("address {u} is not in the reference"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
