//! ## What it does
//! Reports a message or term that, through its references, ends up referencing itself.
//!
//! ## Why it matters
//! Formatting it never ends: Fluent aborts with a cyclic-reference error and shows nothing.
//!
//! ## Example
//! Bad: `a = { b }` and `b = { a }`; good: `a = { b }` and `b = Text`.

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "cyclic-reference",
    severity: Severity::Error,
    summary: "Messages or terms that reference each other in a loop.",
    scope: Scope::File,
    check,
};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    let Some(file) = ctx.translation else { return };
    let edges: rustc_hash::FxHashMap<&str, Vec<&str>> = file
        .entries
        .iter()
        .map(|e| {
            let mut to = Vec::new();
            for p in e
                .value
                .iter()
                .chain(e.attributes.iter().map(|a| &a.pattern))
            {
                to.extend(p.messages.iter().map(|m| m.split('.').next().unwrap_or(m)));
                to.extend(p.terms.iter().map(String::as_str));
            }
            (e.id.as_str(), to)
        })
        .collect();
    for entry in &file.entries {
        // Depth-first search from this entry, looking for a way back to it.
        let mut stack: Vec<&str> = edges.get(entry.id.as_str()).cloned().unwrap_or_default();
        let mut seen = rustc_hash::FxHashSet::default();
        while let Some(next) = stack.pop() {
            if next == entry.id {
                out.push(ctx.finding(
                    &RULE,
                    entry.offset..entry.offset + entry.id.len(),
                    Some(entry),
                    None,
                    format!("{} references itself through other messages", entry.id),
                ));
                break;
            }
            if seen.insert(next) {
                stack.extend(edges.get(next).into_iter().flatten());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
