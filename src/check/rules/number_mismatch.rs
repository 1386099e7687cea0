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
//! Deliberately not errors, because they write the same value:
//! - grouping by a space, no-break space, narrow no-break space (U+202F), apostrophe (`'`,
//!   `’`) or dot (`4 000`, `4 000`, `4’000`, `4.000` for `4,000`), each later group of three
//!   digits; and a decimal comma in any locale (`14,4` for `14.4`);
//! - zero padding (`04` for `4`);
//! - a CJK number unit glued to the digits (`1万` for `10,000`, `1억` for `100,000,000`;
//!   万/萬/만, 億/亿/억, 千/천, 百/백, 兆/조): the value is multiplied out, and a number of the
//!   reference still missing where the translation writes such a unit is a warning, not an
//!   error (`1.2万` and mixed forms are not all computed).
//!
//! A small count written as a word is a **warning**, not an error: a reference number of 10 or
//! less, written bare (no unit, dose form, percentage, currency, date or time beside it, no
//! decimal, not a phone number), when the translation has no number of its own in its place
//! (no digits that are none of the reference's): `5 masks` as `fünf Masken`, `1 year` as
//! `un an`, `1st` as `first`, `(3)` as `tres`. medloc has no number-word data for each
//! language (CLDR's spell-out rules are not in ICU4X's data yet), so it cannot prove the word
//! right; a reviewer glances at it. `Take 2 tablets`, `20%`, `5 mg`, `March 5` and `2:30`
//! stay errors in every script.
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
use crate::text::markup::strip_tags;
use crate::text::numbers::{Number, digit_value, has_digit, numbers_at};

/// CJK number units and the power of ten each multiplies by.
const CJK_UNITS: &[(char, usize)] = &[
    ('十', 1),
    ('百', 2),
    ('백', 2),
    ('千', 3),
    ('천', 3),
    ('万', 4),
    ('萬', 4),
    ('만', 4),
    ('亿', 8),
    ('億', 8),
    ('억', 8),
    ('兆', 12),
    ('조', 12),
];

/// Words after a number that make it a measured quantity, a dose or a frequency: never
/// acceptable as a number word.
const UNITS: &[&str] = &[
    "%",
    "‰",
    "°",
    "mg",
    "mcg",
    "µg",
    "μg",
    "g",
    "kg",
    "ml",
    "mL",
    "l",
    "L",
    "iu",
    "IU",
    "mmol",
    "meq",
    "mEq",
    "unit",
    "units",
    "cm",
    "mm",
    "km",
    "m",
    "tablet",
    "tablets",
    "capsule",
    "capsules",
    "pill",
    "pills",
    "puff",
    "puffs",
    "drop",
    "drops",
    "dose",
    "doses",
    "teaspoon",
    "teaspoons",
    "tablespoon",
    "tablespoons",
    "times",
    "x",
];

const MONTHS: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Whether the reference's number at `n` (in `text`) is a bare small count: an integer of
/// 10 or less with no unit, dose form, percentage, currency, date or time beside it.
fn bare_small_count(text: &str, n: &Number) -> bool {
    if n.phone || n.value.contains('.') || n.value.parse::<u32>().map_or(true, |v| v > 10) {
        return false;
    }
    let before = text[..n.start].trim_end_matches([' ', '\u{00A0}']);
    let after = &text[n.end..];
    // A date or time (`5/3`, `2:30`, `3-5`), a currency, a decimal or a range.
    if before.ends_with(['$', '€', '£', '¥', '/', ':', '-', '#', '+', '±'])
        || after.starts_with(['/', ':', '%', '‰', '°'])
        || (after.starts_with('-') && after[1..].starts_with(|c: char| c.is_ascii_digit()))
    {
        return false;
    }
    let next_word: String = after
        .trim_start_matches([' ', '\u{00A0}', '\u{202F}', '-'])
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '%')
        .collect();
    let previous_word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    !UNITS.contains(&next_word.as_str())
        && !UNITS.contains(&next_word.to_lowercase().as_str())
        && !MONTHS.contains(&next_word.to_lowercase().as_str())
        && !MONTHS.contains(&previous_word.as_str())
}

/// Values the translation writes in forms `numbers_at` reads as several numbers: digit
/// groups joined by a space, no-break space, apostrophe or dot (`4 000`), every later group
/// of three digits; and digits with a CJK unit (`1万`, `2.5억`), multiplied out.
fn written_values(text: &str) -> (Vec<String>, bool) {
    let chars: Vec<char> = text.chars().collect();
    let digit = |i: usize| chars.get(i).and_then(|&c| digit_value(c));
    let mut values = Vec::new();
    let mut cjk_unit = false;
    let mut i = 0;
    while i < chars.len() {
        if digit(i).is_none() || (i > 0 && digit(i - 1).is_some()) {
            i += 1;
            continue;
        }
        let mut value = String::new();
        let mut j = i;
        while let Some(d) = digit(j) {
            value.extend(char::from_digit(d, 10));
            j += 1;
        }
        // Grouped: a separator, then exactly three digits.
        let mut grouped = value.clone();
        let mut k = j;
        while matches!(
            chars.get(k),
            Some(' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\'' | '’' | '.' | ',')
        ) && (1..=3).all(|o| digit(k + o).is_some())
            && digit(k + 4).is_none()
        {
            for o in 1..=3 {
                grouped.extend(digit(k + o).and_then(|d| char::from_digit(d, 10)));
            }
            k += 4;
        }
        if k > j {
            values.push(grouped);
        }
        // A CJK unit, after an optional decimal part.
        let mut fraction = String::new();
        let mut u = j;
        if matches!(chars.get(u), Some('.')) && digit(u + 1).is_some() {
            u += 1;
            while let Some(d) = digit(u) {
                fraction.extend(char::from_digit(d, 10));
                u += 1;
            }
        }
        if let Some(&(_, power)) = chars
            .get(u)
            .and_then(|c| CJK_UNITS.iter().find(|(unit, _)| unit == c))
        {
            cjk_unit = true;
            if fraction.len() <= power {
                let zeros = "0".repeat(power - fraction.len());
                let multiplied = format!("{value}{fraction}{zeros}");
                let trimmed = multiplied.trim_start_matches('0');
                values.push(if trimmed.is_empty() {
                    "0".into()
                } else {
                    trimmed.into()
                });
            }
        }
        i = j;
    }
    (values, cjk_unit)
}

/// An integer without its zero padding (`04` is `4`); other values as they are.
fn unpadded(value: &str) -> &str {
    if value.contains('.') || value.len() < 2 {
        return value;
    }
    let trimmed = value.trim_start_matches('0');
    if trimmed.is_empty() { "0" } else { trimmed }
}

fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    for pair in ctx.pattern_pairs() {
        if !has_digit(&pair.reference.fixed_prose) {
            continue;
        }
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
        // And with a decimal comma, whatever the locale (`14,4` in Esperanto).
        let comma = if ctx.locale.decimal == ',' {
            Vec::new()
        } else {
            numbers_at(&prose, ',')
        };
        let (written, cjk_unit) = written_values(&prose);
        let in_reference = |n: &Number| reference.iter().any(|r| r.value == n.value);
        // A phone number may be written with other separators (`1 800 662 4357`): its
        // digits in a run of digits and separators count.
        let runs = digit_runs(&prose);
        let found = |n: &Number| {
            let value = unpadded(&n.value);
            translated
                .iter()
                .chain(&dotted)
                .chain(&comma)
                .any(|t| unpadded(&t.value) == value)
                || (!n.phone && written.iter().any(|w| w == value))
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
                        .chain(&comma)
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
            // Not sure enough for an error: a small bare count with no digits in its place
            // (a number word), or a value the translation may write with a CJK unit.
            let unsure = (became.is_none() && bare_small_count(&reference_prose, number))
                || (cjk_unit && !number.phone);
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
            if unsure {
                f.severity = Severity::Warning;
                f.hint = Some("a number written as a word or with a CJK unit: check that it says the same value".to_owned());
            }
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
