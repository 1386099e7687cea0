//! ## What it does
//! Counts sentences (Unicode sentence segmentation, which knows the full stops and question
//! marks of CJK and Arabic) and reports a translation that has lost a third or more of its
//! reference's sentences (at least one, when the reference has two or more). Plural variants
//! are left out, and languages written without sentence punctuation (Thai, Lao, Khmer,
//! Burmese) are not checked.
//!
//! The reference is counted by UAX #29; the translation more generously, so that what only
//! looks like a lost sentence is not reported:
//! - a sentence that starts with a placeable, a tag or a lower-case word (`Öffnen.
//!   { -brand-name } hilft.`, `Listo. <a>Abrir</a>`, `Fertig. iPhone…`): UAX #29 joins it
//!   to the sentence before, since the prose without the placeable starts lower-case;
//! - the Greek question mark `;` (`Τι είναι; Μάθετε.`) and the Armenian full stop typed as a
//!   colon (`Սա է: Կարդացեք:`), after a letter of their script.
//!
//! Deliberately not reported:
//! - sentences merged rather than lost: a translation with fewer sentences that is as long
//!   as the locale's translations usually are for a reference of that length (four fifths
//!   of the locale's median letter ratio or more, see `length-outlier`; for references of
//!   20 letters or more; in a locale with fewer than 30 messages of 60 letters or more,
//!   four fifths of the reference's own length). On Firefox
//!   Relay and Send most findings were two short sentences joined by a comma (`Password
//!   errata, riprovare.`, `无法删除马甲，请重试。`), which this leaves out;
//! - full stops of abbreviations (`e.g.`, `i.e.`, `etc.`, `vs.`) in the reference;
//! - line breaks of a value wrapped over several lines: one paragraph;
//! - translations with more sentences than the reference (an abbreviation's full stop may
//!   split one).
//!
//! ## Why it matters
//! A dropped sentence is the cheap, visible signal of an omitted warning ("Do not share
//! needles.") that every other check would miss.
//!
//! ## Example
//! Reference: `Clean the site. Use a new needle. Do not share needles.`; bad: `Limpie la zona.
//! Use una aguja nueva.`; good: all three sentences.

use crate::check::{FileCheck, Finding, LengthStats, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "sentence-count-mismatch",
    severity: Severity::Warning,
    summary: "The translation has clearly fewer sentences than the reference.",
    scope: Scope::Pair,
    check,
};

/// References this long or longer are judged by length too (see the module docs); shorter
/// ones vary too much.
const MIN_LETTERS_FOR_LENGTH: usize = 20;

/// Languages written without sentence-final punctuation (spaces separate sentences).
const UNPUNCTUATED: &[&str] = &["th", "lo", "km", "my"];

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    let language = ctx.locale.tag.split('-').next().unwrap_or_default();
    if UNPUNCTUATED.contains(&language) {
        return;
    }
    for pair in ctx.pattern_pairs() {
        // Plural variants repeat one sentence per form: compare the fixed text only.
        let r = pair
            .reference
            .sentence_count(crate::text::sentences::sentence_count);
        if r < 2 {
            continue;
        }
        // The translation is counted generously (a sentence may start with a placeable, a
        // tag or a lower-case word; Greek and Armenian punctuation), and strictly as well
        // before anything is reported: only sentences surely gone are.
        let few = |t: usize| t < r && t * 3 <= r * 2;
        let generous =
            crate::text::sentences::sentence_count_generous(&pair.translation.fixed_prose);
        if !few(generous) {
            continue;
        }
        let t = generous.max(
            pair.translation
                .sentence_count(crate::text::sentences::sentence_count),
        );
        // Sentences merged, not lost: the translation is as long as the locale's translations
        // usually are for this text (four fifths of it or more).
        let ratio = LengthStats::log_ratio_from(&pair, MIN_LETTERS_FOR_LENGTH);
        // Without the locale's statistics (a locale with few long messages) the usual
        // length is the reference's: only scripts as long as English are judged by it.
        let median = ctx.length_stats.map_or(0.0, |stats| stats.median);
        let usual_length = ratio.is_some_and(|x| x >= median + 0.8f64.ln());
        if few(t) && !usual_length {
            out.push(ctx.pair_finding(
                &RULE,
                &pair,
                None,
                format!("{t} sentence(s) where the reference has {r}: check nothing was left out"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
