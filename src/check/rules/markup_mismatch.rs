//! ## What it does
//! Compares the inline tags of a translation (`<em>`, `<strong>`, `<a data-l10n-name>`) with
//! its reference: the same tags, as many of each, and the same `data-l10n-name` values.
//!
//! ## Why it matters
//! A lost `<a data-l10n-name="findtreatment">` removes the link to the treatment locator; a lost
//! `<strong>` drops the emphasis on a warning; a renamed link points nowhere.
//!
//! ## Example
//! Reference: `<strong>Blunt needles:</strong> ...`; bad: `Agujas romas: ...`; good:
//! `<strong>Agujas romas:</strong> ...`.

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "markup-mismatch",
    severity: Severity::Error,
    summary: "The inline tags or link names differ from the reference.",
    scope: Scope::Pair,
    check,
};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    for pair in ctx.pattern_pairs() {
        let r = signature(&pair.reference.prose);
        let t = signature(&pair.translation.prose);
        if r != t {
            let missing: Vec<&String> = r.iter().filter(|x| !t.contains(x)).collect();
            let extra: Vec<&String> = t.iter().filter(|x| !r.contains(x)).collect();
            let mut text = String::from("markup differs from the reference");
            if !missing.is_empty() {
                text.push_str(&format!("; missing {}", join(&missing)));
            }
            if !extra.is_empty() {
                text.push_str(&format!("; extra {}", join(&extra)));
            }
            if missing.is_empty() && extra.is_empty() {
                text.push_str("; the tags appear a different number of times");
            }
            out.push(ctx.pair_finding(&RULE, &pair, extra.first().map(|s| s.as_str()), text));
        }
    }
}

/// Opening tags with their link name, sorted, and closing tags: a multiset.
fn signature(prose: &str) -> Vec<String> {
    let mut out: Vec<String> = crate::check::scan::tags(prose)
        .into_iter()
        .map(|t| {
            let name = t.attributes.iter().find(|(k, _)| k == "data-l10n-name");
            match (t.closing, name) {
                (true, _) => format!("</{}>", t.name),
                (false, Some((_, n))) => format!("<{} data-l10n-name=\"{n}\">", t.name),
                (false, None) => format!("<{}>", t.name),
            }
        })
        .collect();
    out.sort();
    out
}

fn join(items: &[&String]) -> String {
    items
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
