//! ## What it does
//! Reports attributes (`.title`, `.alt`) of a reference message that its translation does not
//! have.
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
    for (r, t) in ctx.entry_pairs() {
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
