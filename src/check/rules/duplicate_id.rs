//! ## What it does
//! Reports a message or term defined twice in one file, and an article message whose ID is also
//! defined in a shared file loaded into the same bundle (`[medloc] shared`, e.g. the page-template
//! strings).
//!
//! ## Why it matters
//! Only one definition wins at runtime; the other translation silently disappears, and which one
//! shows depends on load order.
//!
//! ## Example
//! Bad: `dose-heading = Dosis` twice in `track-marks.ftl`, or `page-title` in an article when
//! `ui.ftl` defines it.
//! Good: one definition per ID across the bundle.

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "duplicate-id",
    severity: Severity::Error,
    summary: "An ID defined twice in a file, or shadowing a shared file's ID in the same bundle.",
    scope: Scope::File,
    check,
};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    let Some(file) = ctx.translation else { return };
    let mut seen: rustc_hash::FxHashMap<&str, usize> = Default::default();
    for entry in &file.entries {
        let span = entry.offset..entry.offset + entry.id.len();
        if let Some(first) = seen.get(entry.id.as_str()) {
            let (line, _) = file.position(*first);
            out.push(ctx.finding(
                &RULE,
                span,
                Some(entry),
                None,
                format!("{} is already defined on line {line}", entry.id),
            ));
        } else {
            seen.insert(&entry.id, entry.offset);
            if let Some(shared) = ctx.shared_ids.get(&entry.id) {
                out.push(ctx.finding(
                    &RULE,
                    span,
                    Some(entry),
                    None,
                    format!(
                        "{} shadows the definition in the shared file {shared}",
                        entry.id
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
