//! Numbers across scripts (digits of every Nd block, grouping and decimal separators),
//! phone numbers as one value, and each locale's decimal separator.

/// Whether `text` holds a decimal digit of any script.
pub fn has_digit(text: &str) -> bool {
    text.chars().any(|c| digit_value(c).is_some())
}

/// The value of a decimal digit of any script, as ASCII (`٣` and `３` are `3`).
pub fn digit_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return c.to_digit(10);
    }
    // Zero code points of the decimal digit blocks in use (Unicode category Nd).
    const ZEROS: &[u32] = &[
        0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
        0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0xFF10,
    ];
    let cp = c as u32;
    // Below the first block and between the last two (Latin, Cyrillic, Hebrew, CJK, ...):
    // most letters of most texts, decided without the search.
    if cp < 0x0660 || (cp > 0x1819 && cp < 0xFF10) || cp > 0xFF19 {
        return None;
    }
    ZEROS
        .iter()
        .find(|&&z| cp >= z && cp < z + 10)
        .map(|z| cp - z)
}

/// A number as written in a text, with its normalized value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Number {
    /// Digits of any script as ASCII, grouping separators dropped, the decimal separator as
    /// `.`; a phone number's digits only.
    pub value: String,
    /// Byte range in the scanned text.
    pub start: usize,
    pub end: usize,
    /// A phone number (`1-800-662-4357`, `+1 800 662 4357`, `(800) 662-4357`): one value.
    pub phone: bool,
}

/// Numbers in `text`, normalized: digits of any script as ASCII, grouping separators
/// dropped and the decimal separator (`decimal`) as `.`. Separators count only between
/// digits. A phone number (see [`numbers_at`]) is one value, its digits. (The values only:
/// the scanner's tests read best this way.)
#[cfg(test)]
pub fn numbers(text: &str, decimal: char) -> Vec<String> {
    numbers_at(text, decimal)
        .into_iter()
        .map(|n| n.value)
        .collect()
}

/// [`numbers`] with where each is written. Phone numbers are groups of digits joined by
/// hyphens (`1-800-662-4357`), or by spaces after a `+` or a parenthesized area code (`+1 800
/// 662 4357`, `(800) 662-4357`): at least three groups, every group after the first of at
/// least three digits, seven digits or more. Dates (`2024-12-17`) and ranges (`10-20`) are
/// not phone numbers.
pub fn numbers_at(text: &str, decimal: char) -> Vec<Number> {
    // Most texts hold no digit: one pass, no allocation.
    if !has_digit(text) {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let offset = |i: usize| chars.get(i).map_or(text.len(), |&(o, _)| o);
    let is_digit = |i: usize| chars.get(i).is_some_and(|&(_, c)| digit_value(c).is_some());
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let starts = is_digit(i) || (matches!(c, '+' | '(') && is_digit(i + 1));
        // A number starts after a non-digit: `12` in `312` is not one.
        if !starts || (i > 0 && is_digit(i - 1)) {
            i += 1;
            continue;
        }
        if let Some((end, value)) = phone_number(&chars, i) {
            out.push(Number {
                value,
                start: offset(i),
                end: offset(end),
                phone: true,
            });
            i = end;
            continue;
        }
        if !is_digit(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut value = String::new();
        while i < chars.len() {
            let c = chars[i].1;
            if let Some(d) = digit_value(c) {
                // cannot fail: `digit_value` returns 0 to 9.
                value.push(char::from_digit(d, 10).expect("a decimal digit"));
                i += 1;
            } else if is_separator(c) && is_digit(i + 1) {
                if c == decimal || (c == '\u{066B}' && decimal != ',') {
                    value.push('.');
                }
                i += 1;
            } else {
                break;
            }
        }
        out.push(Number {
            value,
            start: offset(start),
            end: offset(i),
            phone: false,
        });
    }
    out
}

/// The phone number starting at `chars[i]`, if one does: the index past it and its digits.
fn phone_number(chars: &[(usize, char)], mut i: usize) -> Option<(usize, String)> {
    let digit = |i: usize| chars.get(i).and_then(|&(_, c)| digit_value(c));
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let mut digits = String::new();
    // The digits of the group at `i`: its length and the index past it.
    let group = |mut i: usize, digits: &mut String| {
        let start = i;
        while let Some(d) = digit(i) {
            digits.extend(char::from_digit(d, 10));
            i += 1;
        }
        (i - start, i)
    };
    let mut spaced = false;
    if at(i) == Some('+') {
        spaced = true;
        i += 1;
    }
    // A parenthesized area code, then a group of three digits or more; or a first group of
    // up to four digits (a country or area code).
    let mut groups = 0;
    let first_group = if at(i) == Some('(') {
        let (len, end) = group(i + 1, &mut digits);
        if !(2..=4).contains(&len) || at(end) != Some(')') {
            return None;
        }
        groups += 1;
        spaced = true;
        i = end + 1;
        if at(i) == Some(' ') {
            i += 1;
        }
        3..=usize::MAX
    } else {
        1..=4
    };
    let (len, end) = group(i, &mut digits);
    if !first_group.contains(&len) {
        return None;
    }
    groups += 1;
    i = end;
    loop {
        let joins = match at(i) {
            Some('-' | '\u{2011}') => true,
            Some(' ') => spaced,
            _ => false,
        };
        if !joins || digit(i + 1).is_none() {
            break;
        }
        let mut more = String::new();
        let (len, end) = group(i + 1, &mut more);
        // A short group ends the number before it (`+1 800 662 4357 24 hours`) and a group
        // running into a decimal separator is not part of one (`1-800-2.5`).
        let runs_on = matches!(at(end), Some(c) if is_separator(c)) && digit(end + 1).is_some();
        if len < 3 || runs_on {
            break;
        }
        digits.push_str(&more);
        groups += 1;
        i = end;
    }
    (groups >= 3 && digits.len() >= 7).then_some((i, digits))
}

fn is_separator(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | '\'' | '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{066B}' | '\u{066C}'
    )
}

/// The decimal separator of a locale's numbers (CLDR `symbols/decimal`, for the languages
/// medloc ships and their close relatives; `.` otherwise).
pub fn decimal_separator(locale: &str) -> char {
    let lang = locale.split('-').next().unwrap_or(locale);
    match lang {
        "es" | "fr" | "de" | "it" | "pt" | "nl" | "ru" | "pl" | "tr" | "id" | "vi" | "ro"
        | "cs" | "sk" | "uk" | "sv" | "da" | "nb" | "nn" | "fi" | "el" | "hu" | "ca" | "hr"
        | "sl" | "sr" | "bg" | "lt" | "lv" | "et" | "fa" => ',',
        _ => '.',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_across_scripts_and_separators() {
        assert_eq!(numbers("1-800-662-HELP (4357)", '.'), ["1800662", "4357"]);
        assert_eq!(numbers("2.5 mg, 1,914 pages", '.'), ["2.5", "1914"]);
        assert_eq!(numbers("2,5 mg, 1.914 Seiten", ','), ["2.5", "1914"]);
        assert_eq!(numbers("٢٫٥ ملغ و ٤٣٥٧", '.'), ["2.5", "4357"]);
        assert_eq!(numbers("１２３", '.'), ["123"]);
        assert_eq!(
            numbers("116(7), 1914–1924.", '.'),
            ["116", "7", "1914", "1924"]
        );
    }

    #[test]
    fn a_phone_number_is_one_value() {
        fn phones(text: &str) -> Vec<(String, &str, bool)> {
            numbers_at(text, '.')
                .into_iter()
                .map(|n| (n.value, &text[n.start..n.end], n.phone))
                .collect()
        }
        for written in ["1-800-662-4357", "+1 800 662 4357", "(800) 662-4357"] {
            let text = format!("Call {written} today.");
            let found = phones(&text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!((found[0].1, found[0].2), (written, true), "{text}");
        }
        assert_eq!(phones("1-800-662-4357")[0].0, "18006624357");
        assert_eq!(phones("+1 800 662 4357")[0].0, "18006624357");
        assert_eq!(
            numbers("١-٨٠٠-٦٦٢-٤٣٥٧", '.'),
            ["18006624357"],
            "any script's digits"
        );
        // Not phone numbers: dates, ranges, plain spaced numbers, doses.
        assert_eq!(numbers("2024-12-17", '.'), ["2024", "12", "17"]);
        assert_eq!(numbers("10-20 mg", '.'), ["10", "20"]);
        assert_eq!(numbers("800 662 4357", '.'), ["800", "662", "4357"]);
        assert_eq!(numbers("(4357) for help", '.'), ["4357"]);
        assert_eq!(
            numbers("+1 800 662 4357 24 hours", '.'),
            ["18006624357", "24"]
        );
    }
}
