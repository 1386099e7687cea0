//! ## What it does
//! Reports attributes of a translated message that its reference message does not have.
//!
//! Attributes of terms (`-brand-name-firefox` with `.gender = masculine`) are not compared:
//! the Fluent spec makes them private to each locale (a locale adds the grammatical gender,
//! case or animacy its own selectors need, and the reference language may need none), so a
//! term attribute is never obsolete (nor missing, see `missing-attribute`).
//!
//! ## Why it matters
//! Nothing reads them; often a typo in the attribute name (`.titel`), so the real one is missing.
//!
//! ## Example
//! Reference: `link = Help` with `.title = Get help`; bad: `.titel = Ayuda`; good: `.title = Ayuda`.

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "obsolete-attribute",
    severity: Severity::Error,
    summary: "A translated attribute the reference message does not have.",
    scope: Scope::Pair,
    check,
};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    // Term attributes are locale-private (Fluent spec): nothing to compare.
    for (r, t) in ctx.entry_pairs().filter(|(_, t)| !t.is_term) {
        for a in &t.attributes {
            if !r.attributes.iter().any(|x| x.name == a.name) {
                out.push(ctx.finding(
                    &RULE,
                    a.offset..a.offset + a.name.len(),
                    Some(t),
                    Some(&a.name),
                    format!(
                        "obsolete attribute .{}: the reference message has none",
                        a.name
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
