//! ## What it does
//! For a select expression on a number (`NUMBER($n)`, or with plural keys), reports the CLDR
//! cardinal plural categories of the locale (from `intl_pluralrules`) that have no variant.
//!
//! ## Why it matters
//! Arabic has six plural forms, Polish four; a translation copying the English `one`/`other`
//! shows the wrong grammatical form for most counts ("3 dosis" vs "3 dosis", but "3 جرعة").
//!
//! ## Example
//! Locale `ar`: bad `{ $n -> [one] جرعة *[other] جرعات }`; good: variants for zero, one, two,
//! few, many and other.

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "plural-categories",
    severity: Severity::Warning,
    summary: "A numeric selector lacks plural categories the locale needs.",
    scope: Scope::Pair,
    check,
};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    if ctx.locale.plural_categories.is_empty() {
        return;
    }
    for pair in ctx.pattern_pairs() {
        for select in pair.translation.selects.iter().filter(|s| s.numeric) {
            let missing: Vec<&str> = ctx
                .locale
                .plural_categories
                .iter()
                .copied()
                .filter(|c| *c != "other" && !select.keys.iter().any(|k| k == c))
                .collect();
            if !missing.is_empty() {
                let span = select.offset..select.offset + 1;
                out.push(ctx.finding(
                    &RULE,
                    span,
                    Some(pair.entry),
                    pair.attribute,
                    format!(
                        "plural variants missing for {}: {}",
                        ctx.locale.tag,
                        missing.join(", ")
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
