//! ## What it does
//! Reports a translation much shorter than the locale's own translations usually are for a
//! reference of that length: a text cut off midway, or one that lost a sentence or a clause
//! the sentence count does not see. For each locale, the ratio of translation to reference
//! length (letters, so markup, placeables and spaces do not count) is measured over every
//! translated message of the project; a message is reported when its log ratio lies more than
//! four median absolute deviations (at least 0.2) below the locale's median and under two
//! thirds of the locale's usual length. A locale whose Chinese is a third as long as the
//! English is judged by that third, German by its own longer median.
//!
//! Deliberately not reported:
//! - references under 60 letters (headings, buttons, names): short texts vary too much in
//!   length between languages to tell a cut from a concise translation;
//! - locales with fewer than 30 translated messages of that length: no distribution to
//!   judge against;
//! - translations identical to the reference (`untranslated`), and longer translations:
//!   added words are not lost ones.
//!
//! The locale's statistics come from all its files (whatever the path filter), and a cached
//! check stays right: the cache key of a locale already covers every file of it and the
//! reference, which is all the statistics read.
//!
//! ## Why it matters
//! A warning cut off after its first clause ("Do not take this medicine if you") reads as
//! complete to someone who cannot read the reference, and passes every other check.
//!
//! ## Example
//! Reference: `If you have trouble breathing after taking this medicine, stop taking it and
//! call your doctor or emergency services right away.`; bad (es): `Si tiene dificultad para
//! respirar después de tomar este medicamento,`; good: the whole sentence.

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "length-outlier",
    severity: Severity::Warning,
    summary: "The translation is far shorter than the locale's translations usually are: cut off or incomplete?",
    scope: Scope::Locale,
    check,
};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    let Some(stats) = ctx.length_stats else {
        return;
    };
    for pair in ctx.pattern_pairs() {
        let Some(x) = crate::check::LengthStats::log_ratio(&pair) else {
            continue;
        };
        if let Some(expected) = stats.too_short(x) {
            out.push(ctx.pair_finding(
                &RULE,
                &pair,
                None,
                format!(
                    "the translation is {:.0}% of the length this locale's translations usually have for this text: check it is not cut off or missing a part",
                    100.0 * (x - expected).exp()
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
