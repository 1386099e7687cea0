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
//! - an all-digit date in the locale's order (`31.12.2023` or `2023-12-31` for `Dec 31, 2023`;
//!   `23.05.25`): its day, month and year count as three numbers;
//! - a Chinese or Japanese discount (`八折`, `8折`, `85折`: pay 80% or 85%, so `20% off` or
//!   `15% off`; `2割`, 20%);
//! - a list the reference glues into what reads as one grouped number (`sha{224,256,384,512}`)
//!   when the translation writes each member (`sha224, sha256, ...`);
//! - a size with a unit (`1K blocks` as `1024-byte blocks`: 1000 or 1024 per K, M, G).
//!
//! A number glued to a code or name (`HOLIDAY20`, `B12`, `FILE1`) is part of it: when the
//! translation drops it there (`HOLIDAY`), the same value elsewhere (`20%`) does not stand
//! in for it, and the finding names the code.
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

/// The day, month and year of each all-digit date in `text` (`31.12.2023`, `23.05.25`,
/// `31/12/2023`, `2023-12-31`), unpadded: `numbers_at` reads such a date as one dotted
/// number, while the reference writes `Dec 31, 2023`.
fn date_parts(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        if digit_value(bytes[i]).is_none() || (i > 0 && digit_value(bytes[i - 1]).is_some()) {
            i += 1;
            continue;
        }
        let mut parts: Vec<String> = Vec::new();
        let mut separator = None;
        let mut j = i;
        loop {
            let mut part = String::new();
            while let Some(d) = bytes.get(j).and_then(|&c| digit_value(c)) {
                part.extend(char::from_digit(d, 10));
                j += 1;
            }
            parts.push(part);
            match bytes.get(j) {
                Some(&c @ ('.' | '/' | '-'))
                    if separator.is_none_or(|s| s == c)
                        && parts.len() < 3
                        && bytes.get(j + 1).is_some_and(|&n| digit_value(n).is_some()) =>
                {
                    separator = Some(c);
                    j += 1;
                }
                _ => break,
            }
        }
        let next_is_digit_or_separator = bytes.get(j).is_some_and(|&c| {
            digit_value(c).is_some()
                || (matches!(c, '.' | '/' | '-')
                    && bytes.get(j + 1).is_some_and(|&n| digit_value(n).is_some()))
        });
        if parts.len() == 3 && !next_is_digit_or_separator && is_date(&parts) {
            out.extend(parts.iter().map(|p| unpadded(p).to_owned()));
        }
        i = j.max(i + 1);
    }
    out
}

/// Whether three digit groups are a day, month and year in some order people write
/// (day-month-year, month-day-year, year-month-day).
fn is_date(parts: &[String]) -> bool {
    let n = |p: &String| p.parse::<u32>().ok();
    let (Some(a), Some(b), Some(c)) = (n(&parts[0]), n(&parts[1]), n(&parts[2])) else {
        return false;
    };
    let short = |p: &String| (1..=2).contains(&p.len());
    let year = |p: &String| p.len() == 4 || p.len() == 2;
    let day = |v: u32| (1..=31).contains(&v);
    let month = |v: u32| (1..=12).contains(&v);
    (short(&parts[0])
        && short(&parts[1])
        && year(&parts[2])
        && ((day(a) && month(b)) || (month(a) && day(b))))
        || (parts[0].len() == 4 && short(&parts[1]) && short(&parts[2]) && month(b) && day(c))
}

/// The percentages a Chinese or Japanese discount writes: `八折` or `8折` (pay 80%, so 20%
/// off), `85折`, `8.5折`; `2割` (20%). Both the share paid and the discount count, since
/// `20% off` is `八折`.
fn discount_values(text: &str) -> Vec<String> {
    const NUMERALS: &[char] = &['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if c != '折' && c != '割' {
            continue;
        }
        // The digits before the mark: CJK numerals or digits, with an optional `.5`.
        let mut start = i;
        while start > 0
            && (NUMERALS.contains(&chars[start - 1])
                || digit_value(chars[start - 1]).is_some()
                || (chars[start - 1] == '.'
                    && start >= 2
                    && digit_value(chars[start - 2]).is_some()))
        {
            start -= 1;
        }
        let written: String = chars[start..i]
            .iter()
            .filter_map(|&ch| {
                NUMERALS
                    .iter()
                    .position(|&n| n == ch)
                    .and_then(|d| char::from_digit(d as u32, 10))
                    .or_else(|| digit_value(ch).and_then(|d| char::from_digit(d, 10)))
                    .or((ch == '.').then_some('.'))
            })
            .collect();
        // Tenths of the price: `8` and `8.5` are 80% and 85%; `85` is 85%.
        let Ok(tenths) = written.parse::<f64>() else {
            continue;
        };
        let paid = if written.contains('.') || written.len() == 1 {
            tenths * 10.0
        } else {
            tenths
        };
        if !(0.0..100.0).contains(&paid) || paid.fract() != 0.0 {
            continue;
        }
        let paid = paid as u32;
        if c == '割' {
            out.push(paid.to_string());
        } else {
            out.push(paid.to_string());
            out.push((100 - paid).to_string());
        }
    }
    out
}

/// The values a number with a binary-or-decimal size unit glued to it stands for: `1K` is
/// 1000 or 1024, `4M` 4000000 or 4194304, `2G` likewise.
fn unit_multiples(text: &str, n: &Number) -> Vec<String> {
    let power = match text[n.end..].chars().next() {
        Some('K' | 'k') => 1,
        Some('M') => 2,
        Some('G') => 3,
        _ => return Vec::new(),
    };
    // A unit, not the start of a word (`5 Kinder`, `2Mbit` are left alone).
    let after = text[n.end..].chars().nth(1);
    if after.is_some_and(|c| c.is_alphabetic() && c != 'B' && c != 'i') {
        return Vec::new();
    }
    let Ok(value) = n.value.parse::<u64>() else {
        return Vec::new();
    };
    [1000u64, 1024]
        .iter()
        .filter_map(|base| base.checked_pow(power).and_then(|m| value.checked_mul(m)))
        .map(|v| v.to_string())
        .collect()
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
        let dates = date_parts(&prose);
        let discounts = discount_values(&prose);
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
                || (!n.phone && dates.iter().any(|d| d == value))
                || (!n.phone && discounts.iter().any(|d| d == value))
        };
        let any_value = |v: &str| {
            translated
                .iter()
                .chain(&dotted)
                .chain(&comma)
                .any(|t| unpadded(&t.value) == v)
                || written.iter().any(|w| w == v)
        };
        // Another way of writing the same value: a list read as one grouped number
        // (`sha{224,256,384,512}` as `sha224, sha256, ...`), or `1K` as `1024`.
        let same_value = |n: &Number| {
            let as_written = &reference_prose[n.start..n.end];
            (as_written.contains(',') && as_written.split(',').all(|g| any_value(unpadded(g))))
                || unit_multiples(&reference_prose, n)
                    .iter()
                    .any(|m| any_value(m))
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
            if found(number) || same_value(number) || reported.contains(&number.value.as_str()) {
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
        // A number glued to a code or name (`HOLIDAY20`, `B12`, `FILE1`) is part of it: the
        // same value elsewhere in the translation (`20%`) does not stand in for it. Reported
        // when the translation writes the value fewer times and never glued to letters.
        for number in &reference {
            if number.phone
                || reported.contains(&number.value.as_str())
                || !glued(&reference_prose, number)
            {
                continue;
            }
            let value = unpadded(&number.value);
            let count =
                |list: &[Number]| list.iter().filter(|n| unpadded(&n.value) == value).count();
            let kept_glued = translated
                .iter()
                .any(|t| unpadded(&t.value) == value && glued(&prose, t));
            let in_translation =
                count(&translated) + discounts.iter().filter(|d| *d == value).count();
            if kept_glued || in_translation >= count(&reference) {
                continue;
            }
            reported.push(&number.value);
            let code = glued_token(&reference_prose, number);
            let mut f = ctx.pair_lack_finding(
                &RULE,
                &pair,
                format!(
                    "number `{value}` of `{code}` in the reference is missing from the translation"
                ),
            );
            f.reference_span = ctx.reference_place(&pair, code, 0, |c| c.is_alphanumeric());
            f.hint = Some("a code or name with a number (a promo code, a vitamin, a file name) keeps its number".to_owned());
            out.push(f);
        }
    }
}

/// Whether a number is glued to a letter before it (`HOLIDAY20`, `B12`, `sha224`).
fn glued(text: &str, n: &Number) -> bool {
    text[..n.start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphabetic())
}

/// The letters and digits around a glued number: the code as written (`HOLIDAY20`).
fn glued_token<'t>(text: &'t str, n: &Number) -> &'t str {
    let start = text[..n.start]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_alphanumeric())
        .last()
        .map_or(n.start, |(i, _)| i);
    let end = text[n.end..]
        .char_indices()
        .find(|(_, c)| !c.is_ascii_alphanumeric())
        .map_or(text.len(), |(i, _)| n.end + i);
    &text[start..end]
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

    #[test]
    fn dates_discounts_and_size_units_are_read_as_their_values() {
        use super::{date_parts, discount_values, unit_multiples};
        use crate::text::numbers::numbers_at;
        assert_eq!(date_parts("päättyy 31.12.2023"), ["31", "12", "2023"]);
        assert_eq!(
            date_parts("23.05.25 ja 2023-12-31"),
            ["23", "5", "25", "2023", "12", "31"]
        );
        // Not dates: a version, an address, a decimal.
        assert!(date_parts("versio 1.2.3, 10.0.0.1, 2.5").is_empty());
        assert_eq!(discount_values("享八折优惠"), ["80", "20"]);
        assert_eq!(discount_values("85折"), ["85", "15"]);
        assert_eq!(discount_values("8.5折"), ["85", "15"]);
        assert_eq!(discount_values("2割引"), ["20"]);
        assert!(discount_values("折扣").is_empty());
        let text = "use 1K blocks, 5 Kinder";
        let numbers = numbers_at(text, '.');
        assert_eq!(unit_multiples(text, &numbers[0]), ["1000", "1024"]);
        assert!(unit_multiples(text, &numbers[1]).is_empty());
    }

    /// The finding points at the number the translation has instead, or at the start of the
    /// message when it has none; not at the whole message.
    #[test]
    fn points_at_the_changed_number() {
        use crate::check::rules::fixture;
        let bad = fixture::findings(&super::RULE, "bad.ftl");
        assert_eq!(
            fixture::spanned(&super::RULE, "bad.ftl", &bad),
            ["4537", "25", "3", "800-662-4357", "E", "I"]
        );
        assert_eq!(
            fixture::reference_spanned(&super::RULE, &bad),
            [
                "4357",
                "2.5",
                "2",
                "1-800-662-4357",
                "(555) 123-4567",
                "HOLIDAY20"
            ]
        );
    }
}
