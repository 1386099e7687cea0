//! ## What it does
//! Compares the inline tags of a translation (`<em>`, `<strong>`, `<a data-l10n-name>`) with
//! its reference: the same tags, as many of each, and the same `data-l10n-name` values.
//! Other tags (`<script>`) are `disallowed-markup`'s alone. The finding points at the first
//! tag the reference does not have, or, for a tag left out, at the start of the message, and
//! shows the reference's first tag that the translation lacks.
//!
//! ## Why it matters
//! A lost `<a data-l10n-name="findtreatment">` removes the link to the treatment locator; a lost
//! `<strong>` drops the emphasis on a warning; a renamed link points nowhere.
//!
//! ## Example
//! Reference: `<strong>Blunt needles:</strong> ...`; bad: `Agujas romas: ...`; good:
//! `<strong>Agujas romas:</strong> ...`.

use super::disallowed_markup::ALLOWED_TAGS;
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
        if r == t {
            continue;
        }
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
        // Point at the first tag the reference does not have, as typed; else (a tag left
        // out) at the start of the message's text.
        let typed = first_opening(&extra).and_then(|wanted| {
            crate::text::markup::tags(&pair.translation.prose)
                .into_iter()
                .find(|tag| &tag_signature(tag) == wanted)
                .map(|tag| &pair.translation.prose[tag.offset..tag.offset + tag.len])
        });
        let mut f = match typed {
            Some(typed) => ctx.pair_finding(&RULE, &pair, Some(typed), text),
            None => ctx.pair_lack_finding(&RULE, &pair, text),
        };
        // And at the reference's first tag the translation lacks.
        f.reference_span = first_opening(&missing).and_then(|wanted| {
            let tag = crate::text::markup::tags(&pair.reference.prose)
                .into_iter()
                .find(|tag| &tag_signature(tag) == wanted)?;
            let raw = &pair.reference.prose[tag.offset..tag.offset + tag.len];
            ctx.reference_place(&pair, raw, 0, |_| false)
        });
        out.push(f);
    }
}

/// The safe tags (`disallowed-markup` reports the others) with their link name, sorted, and
/// closing tags: a multiset.
fn signature(prose: &str) -> Vec<String> {
    let mut out: Vec<String> = crate::text::markup::tags(prose)
        .iter()
        .filter(|t| ALLOWED_TAGS.contains(&t.name.as_str()))
        .map(tag_signature)
        .collect();
    out.sort();
    out
}

/// `<a data-l10n-name="x">`, `<strong>` or `</strong>`: what is compared of a tag.
fn tag_signature(t: &crate::text::markup::Tag) -> String {
    let name = t.attributes.iter().find(|(k, _)| k == "data-l10n-name");
    match (t.closing, name) {
        (true, _) => format!("</{}>", t.name),
        (false, Some((_, n))) => format!("<{} data-l10n-name=\"{n}\">", t.name),
        (false, None) => format!("<{}>", t.name),
    }
}

/// The first opening tag of a signature list (sorted, closing tags come first), else its
/// first tag: what a reader looks for.
fn first_opening<'s>(tags: &[&'s String]) -> Option<&'s String> {
    tags.iter()
        .find(|t| !t.starts_with("</"))
        .or(tags.first())
        .copied()
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

    /// The finding points at the tag the reference lacks, or at the start of the message
    /// when a tag was left out; not at the whole message.
    #[test]
    fn points_at_the_tag() {
        use crate::check::rules::fixture;
        let bad = fixture::findings(&super::RULE, "bad.ftl");
        assert_eq!(
            fixture::spanned(&super::RULE, "bad.ftl", &bad),
            ["A", "<a data-l10n-name=\"localizador\">"]
        );
        assert_eq!(
            fixture::reference_spanned(&super::RULE, &bad),
            ["<strong>", "<a data-l10n-name=\"locator\">"]
        );
    }
}
