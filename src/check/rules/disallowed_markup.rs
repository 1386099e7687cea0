//! ## What it does
//! Reports any tag other than `<em>`, `<strong>` and `<a>`, and any attribute other than
//! `data-l10n-name` (so no `href`, `onclick`, `style`, `src`), in a translation: a tag once
//! per message (`<script>...</script>` is one finding).
//!
//! ## Why it matters
//! A translation is untrusted input published on a health site: `<script>`, an `onerror`
//! handler or a `javascript:` link would run in every reader's browser. medloc renders only the
//! safe set and takes link targets from the source, never from a translation.
//!
//! ## Example
//! Bad: `<a href="https://evil.example" onclick="x()">aquí</a>`, `<img src=x onerror=alert(1)>`;
//! good: `<a data-l10n-name="locator">aquí</a>`.

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "disallowed-markup",
    severity: Severity::Error,
    summary: "A tag or attribute outside the safe inline set.",
    scope: Scope::Pair,
    check,
};

/// The inline tags a translation may use (`markup-mismatch` compares only these).
pub(super) const ALLOWED_TAGS: &[&str] = &["em", "strong", "a"];

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    for pair in ctx.pattern_pairs() {
        // `<script>...</script>` is one defect: each disallowed tag name once per pattern.
        let mut reported: Vec<String> = Vec::new();
        for tag in crate::check::scan::tags(&pair.translation.prose) {
            let raw = &pair.translation.prose[tag.offset..tag.offset + tag.len];
            if !ALLOWED_TAGS.contains(&tag.name.as_str()) {
                if reported.contains(&tag.name) {
                    continue;
                }
                reported.push(tag.name.clone());
                out.push(ctx.pair_finding(&RULE, &pair, Some(raw), format!("disallowed tag <{}>: only <em>, <strong> and <a data-l10n-name> are allowed", tag.name)));
                continue;
            }
            for (name, _) in &tag.attributes {
                if name != "data-l10n-name" || tag.name != "a" {
                    out.push(ctx.pair_finding(&RULE, &pair, Some(raw), format!("disallowed attribute {name} on <{}>: link targets come from the source, and no other attribute is allowed", tag.name)));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
