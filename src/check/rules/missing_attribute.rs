//! ## What it does
//! Reports attributes (`.title`, `.alt`) of a reference message that its translation does not
//! have.
//!
//! Attributes of terms are not compared: the Fluent spec makes them private to each locale,
//! so a translated term need not keep the reference term's `.gender` or other attributes.
//!
//! ## Why it matters
//! The attribute falls back to nothing at runtime: an image loses its description, a link its
//! accessible title.
//!
//! ## Example
//! Reference: `img = Photo` with `.alt = A bruise`; bad: `img = Foto` alone; good: with `.alt`.

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "missing-attribute",
    severity: Severity::Error,
    summary: "A reference attribute the translation lacks.",
    scope: Scope::Pair,
    check,
};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    // Term attributes are locale-private (Fluent spec): nothing to compare.
    for (r, t) in ctx.entry_pairs().filter(|(_, t)| !t.is_term) {
        for a in &r.attributes {
            if !t.attributes.iter().any(|x| x.name == a.name) {
                out.push(ctx.finding(
                    &RULE,
                    t.offset..t.offset + t.id.len(),
                    Some(t),
                    Some(&a.name),
                    format!("missing attribute .{} of {}", a.name, t.id),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
