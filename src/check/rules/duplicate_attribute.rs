//! ## What it does
//! Reports an attribute name used more than once in the same message.
//!
//! ## Why it matters
//! Only one wins at runtime; the other translation is silently lost.
//!
//! ## Example
//! Bad: `img = Foto` with `.alt = A` and `.alt = B`; good: one `.alt`.

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "duplicate-attribute",
    severity: Severity::Error,
    summary: "An attribute defined twice on one message.",
    scope: Scope::File,
    check,
};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    let Some(file) = ctx.translation else { return };
    for entry in &file.entries {
        for (i, a) in entry.attributes.iter().enumerate() {
            if entry.attributes[..i].iter().any(|x| x.name == a.name) {
                out.push(ctx.finding(
                    &RULE,
                    a.offset..a.offset + a.name.len(),
                    Some(entry),
                    Some(&a.name),
                    format!("attribute .{} is defined more than once", a.name),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
