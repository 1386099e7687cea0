//! ## What it does
//! Every number of the reference (doses, percentages, phone numbers, years, pages) must appear
//! in the translation with the same value. Digits of other scripts (Arabic-Indic `٤٣٥٧`,
//! full-width `４３５７`) and the locale's decimal and grouping separators (`2,5` in Spanish for
//! `2.5`) count as the same value. Numbers inside plural variants (`[one] 1 hour`) belong to
//! the plural category and are not compared. A phone number (`1-800-662-4357`, `+1 800 662
//! 4357`, `(800) 662-4357`) is one value. The finding points at the number the translation
//! has instead (`25` for `2.5`), or at the start of the message when it has none, quotes the
//! reference's number as written and shows it in the reference file.
//!
//! ## Why it matters
//! A changed digit in a dose or a helpline number is the most dangerous error a medical
//! translation can carry, and no reader can spot it.
//!
//! ## Example
//! Reference: `Call 1-800-662-HELP (4357). Take 2.5 mg.`; bad (es): `Llame al 1-800-662-HELP
//! (4537). Tome 25 mg.`; good: `Llame al 1-800-662-HELP (4357). Tome 2,5 mg.`

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "number-mismatch",
    severity: Severity::Error,
    summary: "A number, dose, percentage, phone number or date of the reference is missing or changed.",
    scope: Scope::Pair,
    check,
};

use crate::check::occurrence;
use crate::check::scan::{Number, digit_value, numbers_at, strip_tags};

fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    for pair in ctx.pattern_pairs() {
        // Markup is not text: `data-l10n-name` holds the digits of "l10n".
        let reference_prose = strip_tags(&pair.reference.fixed_prose);
        let reference = numbers_at(&reference_prose, '.');
        if reference.is_empty() {
            continue;
        }
        // Read with the locale's decimal separator, and with `.` too: version numbers and
        // codes (`1.0`) are not localized.
        let prose = strip_tags(&pair.translation.fixed_prose);
        let translated = numbers_at(&prose, ctx.locale.decimal);
        let dotted = if ctx.locale.decimal == '.' {
            Vec::new()
        } else {
            numbers_at(&prose, '.')
        };
        let in_reference = |n: &Number| reference.iter().any(|r| r.value == n.value);
        // A phone number may be written with other separators (`1 800 662 4357`): its
        // digits in a run of digits and separators count.
        let runs = digit_runs(&prose);
        let found = |n: &Number| {
            translated.iter().chain(&dotted).any(|t| t.value == n.value)
                || (n.phone && runs.iter().any(|r| r.contains(n.value.as_str())))
        };
        // The translation's numbers that are none of the reference's, in order: what a
        // changed number became (a phone number for a phone number).
        let mut changed: Vec<&Number> = translated
            .iter()
            .filter(|t| {
                !in_reference(t)
                    && !dotted
                        .iter()
                        .any(|d| d.start < t.end && t.start < d.end && in_reference(d))
            })
            .collect();
        let mut reported: Vec<&str> = Vec::new();
        for number in &reference {
            if found(number) || reported.contains(&number.value.as_str()) {
                continue;
            }
            reported.push(&number.value);
            let written = &reference_prose[number.start..number.end];
            let kind = if number.phone {
                "phone number"
            } else {
                "number"
            };
            let became = changed
                .iter()
                .position(|t| t.phone == number.phone)
                .map(|i| changed.remove(i));
            let mut f = match became {
                Some(t) => {
                    let typed = &prose[t.start..t.end];
                    let nth = translated
                        .iter()
                        .take_while(|n| n.start < t.start)
                        .filter(|n| &prose[n.start..n.end] == typed)
                        .count();
                    let text = format!(
                        "{kind} `{written}` of the reference is `{typed}` in the translation"
                    );
                    let at = ctx.translation.and_then(|file| {
                        occurrence(file, pair.translation.span.clone(), typed, nth, is_digit)
                    });
                    match at {
                        Some(span) => {
                            ctx.finding(&RULE, span, Some(pair.entry), pair.attribute, text)
                        }
                        None => ctx.pair_finding(&RULE, &pair, None, text),
                    }
                }
                None => ctx.pair_lack_finding(
                    &RULE,
                    &pair,
                    format!("{kind} `{written}` of the reference is missing from the translation"),
                ),
            };
            let nth = reference
                .iter()
                .take_while(|n| n.start < number.start)
                .filter(|n| &reference_prose[n.start..n.end] == written)
                .count();
            f.reference_span = ctx.reference_place(&pair, written, nth, is_digit);
            f.hint = Some("keep every number, dose and phone number exactly; separators may follow your locale".to_owned());
            out.push(f);
        }
    }
}

/// The digits of each run of digits and phone-number separators (spaces, hyphens, dots,
/// parentheses, `+`), as ASCII.
fn digit_runs(text: &str) -> Vec<String> {
    let mut runs = vec![String::new()];
    for c in text.chars() {
        if let Some(d) = digit_value(c) {
            if let Some(run) = runs.last_mut() {
                run.extend(char::from_digit(d, 10));
            }
        } else if !matches!(
            c,
            ' ' | '-' | '.' | '(' | ')' | '+' | '\u{00A0}' | '\u{202F}' | '\u{2011}'
        ) && runs.last().is_some_and(|r| !r.is_empty())
        {
            runs.push(String::new());
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);

    /// The finding points at the number the translation has instead, or at the start of the
    /// message when it has none; not at the whole message.
    #[test]
    fn points_at_the_changed_number() {
        use crate::check::rules::fixture;
        let bad = fixture::findings(&super::RULE, "bad.ftl");
        assert_eq!(
            fixture::spanned(&super::RULE, "bad.ftl", &bad),
            ["4537", "25", "3", "800-662-4357", "E"]
        );
        assert_eq!(
            fixture::reference_spanned(&super::RULE, &bad),
            ["4357", "2.5", "2", "1-800-662-4357", "(555) 123-4567"]
        );
    }
}
