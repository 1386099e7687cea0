//! ## What it does
//! Every number of the reference (doses, percentages, phone numbers, years, pages) must appear
//! in the translation with the same value. Digits of other scripts (Arabic-Indic `٤٣٥٧`,
//! full-width `４３５７`) and the locale's decimal and grouping separators (`2,5` in Spanish for
//! `2.5`) count as the same value. Numbers inside plural variants (`[one] 1 hour`) belong to
//! the plural category and are not compared.
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

use crate::check::scan::{decimal_separator, numbers, strip_tags};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    for pair in ctx.pattern_pairs() {
        // Markup is not text: `data-l10n-name` holds the digits of "l10n".
        let reference = numbers(
            &strip_tags(&pair.reference.fixed_prose),
            decimal_separator("en"),
        );
        if reference.is_empty() {
            continue;
        }
        // Read with the locale's decimal separator, and with `.` too: version numbers and
        // codes (`1.0`) are not localized.
        let prose = strip_tags(&pair.translation.fixed_prose);
        let mut translated = numbers(&prose, ctx.locale.decimal);
        if ctx.locale.decimal != '.' {
            translated.extend(numbers(&prose, '.'));
        }
        let mut missing: Vec<&String> = reference
            .iter()
            .filter(|n| !translated.contains(n))
            .collect();
        missing.dedup();
        if !missing.is_empty() {
            let list: Vec<&str> = missing.iter().map(|s| s.as_str()).collect();
            let mut f = ctx.pair_finding(
                &RULE,
                &pair,
                None,
                format!(
                    "number mismatch: {} of the reference not found in the translation",
                    list.join(", ")
                ),
            );
            f.hint = Some("keep every number, dose and phone number exactly; separators may follow your locale".to_owned());
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
