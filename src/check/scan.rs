//! Scanners over message prose (text and literals, placeables removed): inline markup tags,
//! numbers, URLs, sentences and final punctuation. Shared by the rules; no I/O.

/// An inline markup tag as written in a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag {
    pub name: String,
    pub closing: bool,
    pub attributes: Vec<(String, String)>,
    /// Byte offset in the scanned text.
    pub offset: usize,
    pub len: usize,
}

/// Tags in `text`. A `<` not followed by a letter or `/` is text (`< 5 mg`).
pub fn tags(text: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(pos) = text[i..].find('<') {
        let start = i + pos;
        let next = bytes.get(start + 1).copied().unwrap_or(b' ');
        if !(next.is_ascii_alphabetic() || next == b'/') {
            i = start + 1;
            continue;
        }
        let Some(end) = text[start..].find('>').map(|e| start + e) else {
            break;
        };
        let inner = &text[start + 1..end];
        let closing = inner.starts_with('/');
        let inner = inner.trim_start_matches('/').trim_end_matches('/');
        let name_end = inner
            .find(|c: char| c.is_whitespace())
            .unwrap_or(inner.len());
        out.push(Tag {
            name: inner[..name_end].to_ascii_lowercase(),
            closing,
            attributes: attributes(&inner[name_end..]),
            offset: start,
            len: end + 1 - start,
        });
        i = end + 1;
    }
    out
}

fn attributes(mut s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    loop {
        s = s.trim_start();
        if s.is_empty() {
            return out;
        }
        let name_end = s
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(s.len());
        let name = s[..name_end].to_ascii_lowercase();
        s = s[name_end..].trim_start();
        let value = if let Some(rest) = s.strip_prefix('=') {
            let rest = rest.trim_start();
            let (value, after) = match rest.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &rest[1..];
                    match body.find(q) {
                        Some(e) => (&body[..e], &body[e + 1..]),
                        None => (body, ""),
                    }
                }
                _ => {
                    let e = rest.find(char::is_whitespace).unwrap_or(rest.len());
                    (&rest[..e], &rest[e..])
                }
            };
            s = after;
            value.to_owned()
        } else {
            String::new()
        };
        if !name.is_empty() {
            out.push((name, value));
        }
    }
}

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

/// URLs, e-mail addresses and bare domains written in the text. One ends at the first
/// character no URL has unescaped: whitespace, markup, a quote or guillemet (`"`, `'`, `«»`,
/// `“”`, `„`), or a non-ASCII letter glued after its host or in its path (Korean
/// `www.mozilla.org는`, Japanese `https://mozilla.org/を`); trailing punctuation (`.`, `,`,
/// `)`, `!`, `?`) is not part of it. Non-ASCII letters inside a host, before its last dot,
/// are an internationalized domain name (`alias@dindomän.mozmail.com`,
/// `mask@вашдомен.mozmail.com`, `иван@домен.ru`) and part of it. (The rule reads
/// [`urls_and_domains`]; the scanner's tests read best this way.)
#[cfg(test)]
pub fn urls(text: &str) -> Vec<&str> {
    urls_and_domains(text)
        .into_iter()
        .filter(|(_, bare)| !bare)
        .map(|(u, _)| u)
        .collect()
}

/// [`urls`], and bare domains (`mozilla.org`, `monitor.firefox.com`), each marked `true`. A
/// bare domain is two or more labels of ASCII letters, digits and hyphens ending in a
/// top-level domain of [`BARE_DOMAIN_TLDS`] (none that is also a common file extension:
/// `.md`, `.py`, `.rs`, `.sh`, `.pl`), with a letter in the label before it, not glued to a
/// letter, digit, `@`, `/` or `.` (file names `l10n.toml`, versions `v1.2`, `Node.js` are
/// not domains).
pub fn urls_and_domains(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let maybe_url = text.contains("://") || text.contains("www.") || text.contains('@');
    let maybe_domain = text
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == b'.' && w[1].is_ascii_alphabetic());
    // Most texts have none: every URL has `://` or `www.`, every address an `@`, every
    // domain a dot before a letter.
    if !maybe_url && !maybe_domain {
        return out;
    }
    let url_char = |c: char| c.is_alphanumeric() || "-._~:/?#[]@!$&*+,;=%()".contains(c);
    for word in text.split(|c: char| !url_char(c)) {
        let w = word.trim_end_matches(['.', ',', ';', ':', ')', ']', '!', '?']);
        if !w.contains(['.', '@']) && !w.contains("://") {
            continue;
        }
        // A URL may follow other characters of the word (`voir:https://...`, `(www.`).
        let url_start = ["https://", "http://", "www."]
            .iter()
            .filter_map(|p| w.find(p))
            .min();
        if let Some(start) = url_start {
            out.push((cut_at_glued_letters(&w[start..]), false));
            continue;
        }
        let w = w.trim_start_matches(['(', '[']);
        if let Some((local, domain)) = w.split_once('@') {
            // A local part glued to text of another script (`メールはinfo@`) starts after it.
            let local = match local.char_indices().rev().find(|(_, c)| !c.is_ascii()) {
                Some((i, c)) if i + c.len_utf8() < local.len() => &local[i + c.len_utf8()..],
                _ => local,
            };
            let domain = cut_at_glued_letters(domain).trim_end_matches(['.', ',', ')']);
            if !local.is_empty() && domain.contains('.') && !domain.starts_with('.') {
                let start = local.as_ptr() as usize - w.as_ptr() as usize;
                let end = domain.as_ptr() as usize - w.as_ptr() as usize + domain.len();
                out.push((&w[start..end], false));
            }
            continue;
        }
        if maybe_domain {
            out.extend(bare_domain(cut_at_glued_letters(w)).map(|d| (d, true)));
        }
    }
    out
}

/// Top-level domains a bare domain may end in: the generic ones and country codes that are
/// not also common file extensions (`.md`, `.py`, `.rs`, `.sh`, `.pl`, `.in` of `Makefile.in`,
/// `.app` of `Firefox.app`, `.int`).
pub const BARE_DOMAIN_TLDS: &[&str] = &[
    "com", "org", "net", "gov", "edu", "mil", "io", "dev", "info", "eu", "uk", "us", "ca", "de",
    "fr", "es", "it", "nl", "ru", "jp", "cn", "br", "au", "ch", "se", "no", "fi", "cz", "be", "at",
    "dk", "ie", "nz", "mx", "ar", "kr", "tw", "ua", "gr", "hu", "ro", "tr", "za", "cat", "gal",
    "eus", "mozilla", "firefox",
];

/// The bare domain a word is, if it is one (see [`urls_and_domains`]).
fn bare_domain(word: &str) -> Option<&str> {
    let w = word.trim_start_matches(['(', '[']);
    let labels: Vec<&str> = w.split('.').collect();
    if labels.len() < 2 || labels.iter().any(|l| l.is_empty()) {
        return None;
    }
    let tld = labels[labels.len() - 1];
    let label_ok = |l: &str| {
        l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    let second = labels[labels.len() - 2];
    (labels.iter().all(|l| label_ok(l))
        && BARE_DOMAIN_TLDS.contains(&tld)
        && second.chars().any(|c| c.is_ascii_alphabetic()))
    .then_some(w)
}

/// A URL or host up to where non-ASCII letters are glued to it: a non-ASCII character
/// stays only inside the host and before its last dot (an internationalized label).
fn cut_at_glued_letters(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |i| i + 3);
    let host_end = url[after_scheme..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| after_scheme + i);
    let host = &url[..host_end];
    // The last dot followed by an ASCII letter: the top-level domain starts after it.
    let last_dot = host
        .rmatch_indices('.')
        .find(|(i, _)| host[i + 1..].starts_with(|c: char| c.is_ascii_alphabetic()))
        .map_or(0, |(i, _)| i);
    let cut = url
        .char_indices()
        .find(|&(i, c)| !c.is_ascii() && (i > last_dot || i >= host_end))
        .map_or(url.len(), |(i, _)| i);
    url[..cut].trim_end_matches(['.', ',', ';', ':', ')', ']', '!', '?'])
}

/// The host of a URL or e-mail address found by [`urls`], lower-cased.
pub fn url_host(url: &str) -> String {
    let rest = match url.split_once('@') {
        Some((local, domain)) if !local.contains("://") && !local.contains('/') => domain,
        _ => url.split_once("://").map_or(url, |(_, r)| r),
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    // user:password@host:port
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host);
    host.trim_end_matches('.').to_ascii_lowercase()
}

/// A host reserved for examples and tests by RFC 2606 (and RFC 6761's `localhost`):
/// `example.com`, `example.org`, `example.net` and their subdomains, and the `.example`,
/// `.test`, `.invalid` and `.localhost` top-level domains. No reader can be sent there.
pub fn is_example_host(host: &str) -> bool {
    let host = host.trim_start_matches("www.");
    ["example.com", "example.org", "example.net", "localhost"]
        .iter()
        .any(|d| host == *d || host.ends_with(&format!(".{d}")))
        || [".example", ".test", ".invalid"]
            .iter()
            .any(|tld| host.ends_with(tld))
        || ["example", "test", "invalid"].contains(&host)
}

/// The termbase's do-not-translate names, with one automaton that finds all of them in a
/// text in one pass (the rules ask for every pattern of every locale).
pub struct Names {
    list: Vec<String>,
    automaton: Option<aho_corasick::AhoCorasick>,
}

impl Names {
    /// The names, empty ones left out.
    pub fn new(mut list: Vec<String>) -> Names {
        list.retain(|n| !n.is_empty());
        // A name list too large for an automaton (none is near that) finds nothing rather
        // than failing the check.
        let automaton = (!list.is_empty())
            .then(|| aho_corasick::AhoCorasick::new(&list).ok())
            .flatten();
        Names { list, automaton }
    }

    /// Where the names occur in `text` as whole words (a letter or digit of a spaced script
    /// on neither side, so `SAMHSA's` holds `SAMHSA` but `MSDS` does not hold `MSD`): byte
    /// ranges and names, sorted, longest name first where two start together, without
    /// overlaps.
    pub fn find_in(&self, text: &str) -> Vec<(std::ops::Range<usize>, &str)> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let word_char = crate::terminology::matcher::is_spaced_word_char;
        let mut found: Vec<(std::ops::Range<usize>, &str)> = Vec::new();
        for m in automaton.find_overlapping_iter(text) {
            let (start, end) = (m.start(), m.end());
            let name = self.list[m.pattern().as_usize()].as_str();
            let edge_before = text[..start].chars().next_back().is_some_and(word_char)
                && name.starts_with(word_char);
            let edge_after =
                text[end..].chars().next().is_some_and(word_char) && name.ends_with(word_char);
            if !edge_before && !edge_after {
                found.push((start..end, name));
            }
        }
        found.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
        let mut last_end = 0;
        found.retain(|(r, _)| {
            let keep = r.start >= last_end;
            if keep {
                last_end = r.end;
            }
            keep
        });
        found
    }
}

/// Sentences with at least one letter (Unicode sentence boundaries, UAX #29, which know
/// CJK and Arabic full stops and question marks). Line breaks are spaces: a Fluent value
/// wrapped over several lines is one paragraph.
pub fn sentence_count(text: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    let mut without_tags = strip_tags(text);
    // A Fluent value continued on the next line is one paragraph: its line breaks are
    // layout, not the paragraph separators UAX #29 ends a sentence at.
    if without_tags.contains('\n') {
        without_tags = without_tags.replace(['\r', '\n'], " ");
    }
    // The full stops of common abbreviations end no sentence (`(e.g. 1K 234M)`).
    for abbreviation in ["e.g.", "i.e.", "etc.", "vs.", "E.g.", "I.e."] {
        if without_tags.contains(abbreviation) {
            without_tags = without_tags.replace(abbreviation, &abbreviation.replace('.', ""));
        }
    }
    // unicode-segmentation 1.13's size hint subtracts 1 from 0 on an empty string: an
    // overflow panic in debug builds (a message that is only a placeable, `{ $name }`).
    if without_tags.is_empty() {
        return 0;
    }
    if let Some(count) = one_sentence_at_most(&without_tags) {
        return count;
    }
    without_tags
        .split_sentence_bounds()
        .filter(|s| s.chars().any(char::is_alphabetic))
        .count()
}

/// The sentence count without segmenting, when no sentence can end before the last letter:
/// UAX #29 breaks only after a terminator (STerm, ATerm) or a paragraph separator, and every
/// one of those is `.`, `!`, `?`, a line break, or a non-ASCII character that is not a letter.
/// With none of those before the last letter, every letter is in the first sentence and any
/// later one has none. `None` when the text needs the full segmentation.
fn one_sentence_at_most(text: &str) -> Option<usize> {
    let (mut letters, mut may_have_ended) = (false, false);
    for c in text.chars() {
        let letter = if c.is_ascii() {
            c.is_ascii_alphabetic()
        } else {
            c.is_alphabetic()
        };
        if letter {
            if may_have_ended {
                return None;
            }
            letters = true;
        } else if !c.is_ascii() || matches!(c, '.' | '!' | '?' | '\n' | '\r' | '\u{0B}' | '\u{0C}')
        {
            may_have_ended = true;
        }
    }
    Some(usize::from(letters))
}

/// The sentences of a translation, counted generously: a sentence ends at a terminator
/// followed by a space, a line break or the end, whatever comes next (UAX #29 does not end one
/// before a lower-case word, and a placeable or tag that starts the next sentence leaves only
/// the lower-case rest in the prose: `Öffnen. { -brand } hilft.`). Terminators are those of
/// the scripts in use (`.`, `!`, `?`, `…`, CJK `。！？`, which need no space, Arabic `؟` and
/// `۔`, Devanagari `।`, Armenian `։`, Ethiopic `።`), and, after a letter of their script only,
/// the Greek question mark `;` (U+003B or U+037E) and the Armenian full stop typed as `:`.
/// A caller that needs a count never below [`sentence_count`] takes the larger of the two
/// (UAX #29 knows terminators of scripts not listed here).
pub fn sentence_count_generous(text: &str) -> usize {
    let mut count = 0;
    let mut letters = false;
    let mut previous: Option<char> = None;
    let mut chars = text.chars().peekable();
    let mut in_tag = false;
    while let Some(c) = chars.next() {
        // Markup is neither letters nor a terminator (`<a>` may start the next sentence).
        if c == '<'
            && chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == '/')
        {
            in_tag = true;
            continue;
        }
        if in_tag {
            in_tag = c != '>';
            continue;
        }
        let script_of = |p: Option<char>, block: std::ops::RangeInclusive<u32>| {
            p.is_some_and(|p| block.contains(&(p as u32)))
        };
        let (ends, needs_space) = match c {
            '.' | '!' | '?' | '…' | '‼' | '؟' | '۔' | '।' | '॥' | '։' | '።' => {
                (true, true)
            }
            '。' | '！' | '？' => (true, false),
            '\u{2029}' => (true, false),
            ';' | '\u{037E}' => (
                script_of(previous, 0x0370..=0x03FF) || script_of(previous, 0x1F00..=0x1FFF),
                true,
            ),
            ':' => (script_of(previous, 0x0531..=0x058F), true),
            _ => (false, false),
        };
        if c.is_alphabetic() {
            letters = true;
        }
        previous = Some(c);
        if !ends {
            continue;
        }
        // Closing quotes and brackets belong to the sentence they end.
        while let Some(&n) = chars.peek() {
            if matches!(
                n,
                '.' | '!' | '?' | '"' | '\'' | '»' | '”' | '’' | ')' | ']' | '」' | '』' | '）'
            ) {
                chars.next();
            } else {
                break;
            }
        }
        let at_break = !needs_space || chars.peek().is_none_or(|n| n.is_whitespace());
        if at_break && letters {
            count += 1;
            letters = false;
        }
    }
    count += usize::from(letters);
    count
}

/// Text that went wrong between encodings, found by [`mojibake`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Garbled {
    /// UTF-8 bytes decoded as Windows-1252 or Latin-1 (`lâ€™app`, `cafÃ©`, `ÐŸÑ€Ð¸`): the
    /// text as it should read.
    Misdecoded(String),
    /// U+FFFD, the replacement character a decoder puts for bytes it could not read.
    Replacement,
    /// A C1 control character (U+0080 to U+009F): a Windows-1252 byte decoded as Latin-1.
    C1Control,
}

/// The Windows-1252 byte a character is written with, when it is one: Latin-1 for U+0000
/// to U+00FF (C1 controls included, as a Latin-1 decoder leaves them) and the 27 characters
/// of 0x80 to 0x9F (WHATWG encoding standard, index windows-1252).
fn cp1252_byte(c: char) -> Option<u8> {
    const HIGH: [char; 32] = [
        '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}',
        '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}',
        '\u{2014}', '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}',
        '\u{178}',
    ];
    match u8::try_from(u32::from(c)) {
        Ok(b) => Some(b),
        Err(_) => HIGH
            .iter()
            .position(|&h| h == c)
            .and_then(|i| u8::try_from(0x80 + i).ok()),
    }
}

/// Whether `text` has a character that mojibake is made of: a Windows-1252 lead byte of
/// multi-byte UTF-8 followed by a continuation byte, U+FFFD or a C1 control.
fn may_be_mojibake(text: &str) -> bool {
    let mut lead = false;
    for c in text.chars() {
        if c.is_ascii() {
            lead = false;
            continue;
        }
        if matches!(c, '\u{FFFD}' | '\u{80}'..='\u{9F}') {
            return true;
        }
        let byte = cp1252_byte(c);
        if lead && byte.is_some_and(|b| (0x80..=0xBF).contains(&b)) {
            return true;
        }
        lead = byte.is_some_and(|b| (0xC2..=0xF4).contains(&b));
    }
    false
}

/// Mojibake in `text`: byte ranges and what each is. A run of characters is UTF-8 read as
/// Windows-1252 or Latin-1 when their bytes, encoded back, are valid multi-byte UTF-8 of a
/// non-ASCII character. Real Latin text is not: Portuguese `ão`, French `à «`, Hungarian
/// `ő` are not such byte sequences. To stay clear of rare coincidences (`CAFÉ”` is the
/// bytes of `ɔ`) a two-byte sequence counts only after `Â` or `Ã` (the mojibake of
/// U+0080 to U+00FF, the accented Latin letters) or next to another one (`Ð¿Ñ€`, a
/// Cyrillic, Greek, Hebrew or Arabic word); three- and four-byte ones (`â€™`, `æ—¥æœ¬`)
/// always count.
pub fn mojibake(text: &str) -> Vec<(std::ops::Range<usize>, Garbled)> {
    let mut out = Vec::new();
    // Most text has nothing to decode wrongly: no lead byte followed by a continuation
    // byte, no U+FFFD, no C1 control (one pass, no allocation).
    if text.is_ascii() || !may_be_mojibake(text) {
        return out;
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(o, _)| o);
    // Runs of adjacent sequences: start and end index, the text decoded, the bytes of the
    // longest sequence and the first lead byte.
    let mut runs: Vec<(usize, usize, String, usize, u8)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (offset, c) = chars[i];
        match c {
            '\u{FFFD}' => out.push((offset..end_of(i + 1), Garbled::Replacement)),
            '\u{80}'..='\u{9F}' => out.push((offset..end_of(i + 1), Garbled::C1Control)),
            _ => {}
        }
        let lead = cp1252_byte(c).unwrap_or(0);
        let needed = match lead {
            0xC2..=0xDF => 1,
            0xE0..=0xEF => 2,
            0xF0..=0xF4 => 3,
            _ => 0,
        };
        let mut bytes = vec![lead];
        bytes.extend(
            chars[i + 1..]
                .iter()
                .take(needed)
                .map_while(|&(_, c)| cp1252_byte(c).filter(|b| (0x80..=0xBF).contains(b))),
        );
        // A letter, a no-break space and a guillemet (French `nommé «`, bytes E9 A0 AB) are
        // valid UTF-8 by chance: typography, not mojibake.
        let typographic = needed >= 2 && bytes[1..].iter().any(|b| matches!(b, 0xA0 | 0xAB | 0xBB));
        let decoded = (needed > 0 && bytes.len() == needed + 1 && !typographic)
            .then(|| std::str::from_utf8(&bytes).ok())
            .flatten()
            .filter(|d| !d.is_ascii());
        let Some(decoded) = decoded else {
            i += 1;
            continue;
        };
        match runs.last_mut() {
            Some(run) if run.1 == i => {
                run.1 = i + needed + 1;
                run.2.push_str(decoded);
                run.3 = run.3.max(needed + 1);
            }
            _ => runs.push((i, i + needed + 1, decoded.to_owned(), needed + 1, lead)),
        }
        i += needed + 1;
    }
    for (start, end, decoded, longest, lead) in runs {
        let sure = longest >= 3 || matches!(lead, 0xC2 | 0xC3) || end - start >= 4;
        if sure {
            out.push((end_of(start)..end_of(end), Garbled::Misdecoded(decoded)));
        }
    }
    out.sort_by_key(|(r, _)| r.start);
    out
}

/// The sentences of `text` (UAX #29, markup removed), trimmed of surrounding spaces and
/// of their final punctuation.
pub fn sentences(text: &str) -> Vec<String> {
    use unicode_segmentation::UnicodeSegmentation;
    let text = strip_tags(text);
    if text.is_empty() {
        return Vec::new();
    }
    text.split_sentence_bounds()
        .map(|s| {
            s.trim()
                .trim_end_matches(['.', '!', '?', ':', ';', '…', '"', '”', '»', ')'])
                .trim()
                .to_owned()
        })
        .filter(|s| !s.is_empty())
        .collect()
}

/// Whether a text is long enough to be language, not a name: `words` words or more with a
/// letter that is not upper-case (acronyms and metavariables, `GB`, `TTY`, `[OPTION]`, do
/// not count; caseless scripts do), and `letters` letters or more.
pub fn is_wordy(text: &str, words: usize, letters: usize) -> bool {
    text.split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphabetic() && !c.is_uppercase()))
        .count()
        >= words
        && text.chars().filter(|c| c.is_alphabetic()).count() >= letters
}

/// The words of `text` (runs of letters and combining marks, markup left out) with the
/// Unicode scripts of their letters (ICU4X `Script`; Common and Inherited left out), each
/// script once, in order of first use.
pub fn script_words(
    text: &str,
) -> Vec<(std::ops::Range<usize>, Vec<icu_properties::props::Script>)> {
    use icu_properties::CodePointMapData;
    use icu_properties::props::Script;
    let scripts = CodePointMapData::<Script>::new();
    let mut out: Vec<(std::ops::Range<usize>, Vec<Script>)> = Vec::new();
    let mut current: Option<(usize, Vec<Script>)> = None;
    let mut in_tag = false;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        if c == '<'
            && bytes
                .get(i + 1)
                .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/')
        {
            in_tag = true;
        }
        let script = match c {
            _ if in_tag => None,
            'a'..='z' | 'A'..='Z' => Some(Script::Latin),
            _ if c.is_ascii() => None,
            _ if c.is_alphabetic() || scripts.get(c) == Script::Inherited => Some(scripts.get(c)),
            _ => None,
        };
        if in_tag && c == '>' {
            in_tag = false;
        }
        match (script, &mut current) {
            (Some(s), Some((_, list))) => {
                if !matches!(s, Script::Common | Script::Inherited) && !list.contains(&s) {
                    list.push(s);
                }
            }
            (Some(s), None) => {
                let list = match s {
                    Script::Common | Script::Inherited => Vec::new(),
                    _ => vec![s],
                };
                current = Some((i, list));
            }
            (None, _) => {
                if let Some((start, list)) = current.take() {
                    out.push((start..i, list));
                }
            }
        }
    }
    if let Some((start, list)) = current {
        out.push((start..text.len(), list));
    }
    out
}

/// The text without markup tags.
pub fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for tag in tags(text) {
        out.push_str(&text[last..tag.offset]);
        last = tag.offset + tag.len;
    }
    out.push_str(&text[last..]);
    out
}

/// The kind of a text's final punctuation, across scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FinalPunctuation {
    FullStop,
    Question,
    Exclamation,
    Colon,
    None,
}

impl std::fmt::Display for FinalPunctuation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            FinalPunctuation::FullStop => "a full stop",
            FinalPunctuation::Question => "a question mark",
            FinalPunctuation::Exclamation => "an exclamation mark",
            FinalPunctuation::Colon => "a colon",
            FinalPunctuation::None => "no final punctuation",
        })
    }
}

pub fn final_punctuation(text: &str) -> FinalPunctuation {
    let stripped = strip_tags(text);
    let last = stripped
        .trim_end()
        .trim_end_matches(['"', '\'', '»', '”', '’', '」', '』', '\u{00A0}', '\u{202F}'])
        .chars()
        .next_back();
    match last {
        Some('.' | '。' | '۔' | '।' | '…') => FinalPunctuation::FullStop,
        Some('?' | '？' | '؟') => FinalPunctuation::Question,
        Some('!' | '！') => FinalPunctuation::Exclamation,
        Some(':' | '：') => FinalPunctuation::Colon,
        _ => FinalPunctuation::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The count by UAX #29 segmentation alone, without the shortcut.
    fn segmented(text: &str) -> usize {
        use unicode_segmentation::UnicodeSegmentation;
        // unicode-segmentation 1.13's size hint overflows on empty text (see sentence_count).
        if text.is_empty() {
            return 0;
        }
        text.split_sentence_bounds()
            .filter(|s| s.chars().any(char::is_alphabetic))
            .count()
    }

    proptest::proptest! {
        #[test]
        fn the_one_sentence_shortcut_agrees_with_segmentation(
            text in proptest::prop_oneof![
                // Mostly letters (the shortcut's case), a terminator here and there.
                "[a-zA-Zé漢 ,]{0,12}[.!?\n]?[a-zA-Z漢 ]{0,12}[.!?。)» ]{0,3}",
                "[a-zA-Zé漢 .!?。؟\n)»\u{2029}\u{0964}1]{1,40}",
            ]
        ) {
            if let Some(count) = one_sentence_at_most(&text) {
                proptest::prop_assert_eq!(count, segmented(&text), "{:?}", text);
            }
        }
    }

    #[test]
    fn sentence_counts_with_and_without_the_shortcut() {
        for (text, n) in [
            ("Wash your hands.", 1),
            ("Puntos clave", 1),
            ("Wash. Then dry.", 2),
            ("清洁双手。然后擦干。", 2),
            ("«Lávese las manos».", 1),
            ("See a doctor (today).", 1),
            ("1. 2.", 0),
            ("", 0),
        ] {
            assert_eq!(sentence_count(text), n, "{text:?}");
            assert_eq!(segmented(text), n, "{text:?}");
        }
    }

    #[test]
    fn do_not_translate_names_as_whole_words() {
        let names = Names::new(vec![
            "MSD".to_owned(),
            "MSD Manual".to_owned(),
            "SAMHSA".to_owned(),
        ]);
        let found = |text: &str| -> Vec<&str> {
            names
                .find_in(text)
                .into_iter()
                .map(|(r, n)| {
                    assert_eq!(&text[r], n);
                    n
                })
                .collect()
        };
        assert_eq!(
            found("The MSD Manual and SAMHSA's helpline"),
            ["MSD Manual", "SAMHSA"]
        );
        assert_eq!(found("MSDS sheets, not SAMHSAX"), Vec::<&str>::new());
        assert_eq!(
            found("请致电SAMHSA的热线"),
            ["SAMHSA"],
            "CJK neighbours are word edges"
        );
    }

    #[test]
    fn tags_and_attributes() {
        let t = tags(
            "a <strong>b</strong> <a data-l10n-name=\"x\" onclick='y()'>c</a> < 5 <img src=x>",
        );
        let names: Vec<(&str, bool)> = t.iter().map(|t| (t.name.as_str(), t.closing)).collect();
        assert_eq!(
            names,
            [
                ("strong", false),
                ("strong", true),
                ("a", false),
                ("a", true),
                ("img", false)
            ]
        );
        assert_eq!(
            t[2].attributes,
            [
                ("data-l10n-name".into(), "x".into()),
                ("onclick".into(), "y()".into())
            ]
        );
        assert_eq!(t[4].attributes, [("src".into(), "x".into())]);
    }

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

    #[test]
    fn urls_and_emails() {
        assert_eq!(
            urls("see https://a.org/x. or mail info@b.org, (www.c.com)"),
            ["https://a.org/x", "info@b.org", "www.c.com"]
        );
        // Glued particles, quotes and guillemets end a URL.
        assert_eq!(urls("www.mozilla.org는 무료입니다"), ["www.mozilla.org"]);
        assert_eq!(
            urls("https://relay.firefox.com/をご覧ください"),
            ["https://relay.firefox.com/"]
        );
        assert_eq!(urls("« https://mozilla.org »"), ["https://mozilla.org"]);
        assert_eq!(
            urls("„nakupy@shop.mozmail.com“"),
            ["nakupy@shop.mozmail.com"]
        );
        assert_eq!(urls("voir:https://a.org"), ["https://a.org"]);
        // Internationalized hosts keep their letters; the local part glued to text does not.
        assert_eq!(
            urls("till exempel alias@dindomän.mozmail.com. Klart"),
            ["alias@dindomän.mozmail.com"]
        );
        assert_eq!(
            urls("наприклад “shop@вашдомен.mozmail.com” або"),
            ["shop@вашдомен.mozmail.com"]
        );
        assert_eq!(urls("メールはinfo@samhsa.govへ"), ["info@samhsa.gov"]);
        assert_eq!(
            urls("https://www.mozilla.org에서 확인"),
            ["https://www.mozilla.org"]
        );
    }

    #[test]
    fn bare_domains() {
        let domains = |t| -> Vec<&str> {
            urls_and_domains(t)
                .into_iter()
                .filter(|(_, bare)| *bare)
                .map(|(d, _)| d)
                .collect()
        };
        assert_eq!(
            domains("Go to monitor.firefox.com or (addons.mozilla.org)."),
            ["monitor.firefox.com", "addons.mozilla.org"]
        );
        assert_eq!(
            domains("“relay.firefox.com” till “mozmail.com”"),
            ["relay.firefox.com", "mozmail.com"]
        );
        assert_eq!(domains("mozilla.org에서"), ["mozilla.org"]);
        for not in [
            "Edit l10n.toml, README.md and main.rs.",
            "Version v1.2 of Node.js, 2.5.com",
            "see docs/index.html or e.g. this. End.Start",
            "https://mozilla.org/about.html",
        ] {
            assert_eq!(domains(not), Vec::<&str>::new(), "{not}");
        }
    }

    #[test]
    fn example_hosts() {
        for (url, example) in [
            ("tunombre@example.com", true),
            ("https://www.example.org/x", true),
            ("http://localhost:8000/", true),
            ("mail@shop.test", true),
            ("https://monitor.mozilla.org", false),
            ("info@examples.com", false),
        ] {
            assert_eq!(is_example_host(&url_host(url)), example, "{url}");
        }
        assert_eq!(
            url_host("https://user@Monitor.Mozilla.ORG:443/x"),
            "monitor.mozilla.org"
        );
    }

    #[test]
    fn sentences_in_several_scripts() {
        assert_eq!(sentence_count("One. Two? Three!"), 3);
        assert_eq!(sentence_count("一。二？三！"), 3);
        assert_eq!(sentence_count("واحد. اثنان؟"), 2);
        assert_eq!(sentence_count("<strong>One:</strong> two."), 1);
        // Empty text (a message that is only a placeable) panicked in debug builds once.
        assert_eq!(sentence_count(""), 0);
        assert_eq!(sentence_count("<em></em>"), 0);
        assert_eq!(sentence_count("Print sizes (e.g. 1K 234M 56G)."), 1);
        // A value wrapped over lines is one paragraph.
        assert_eq!(
            sentence_count("Block emails from reaching your\n    inbox."),
            1
        );
    }

    #[test]
    fn mojibake_is_told_from_latin_text() {
        let found = |t: &str| -> Vec<(String, Garbled)> {
            mojibake(t)
                .into_iter()
                .map(|(r, g)| (t[r].to_owned(), g))
                .collect()
        };
        let mis = |s: &str| Garbled::Misdecoded(s.to_owned());
        assert_eq!(found("lâ€™app"), [("â€™".to_owned(), mis("\u{2019}"))]);
        assert_eq!(found("café → cafÃ©"), [("Ã©".to_owned(), mis("é"))]);
        assert_eq!(
            found("ÐŸÑ€Ð¸Ð²ÐµÑ‚"),
            [("ÐŸÑ€Ð¸Ð²ÐµÑ‚".to_owned(), mis("Привет"))]
        );
        assert_eq!(
            found("ä¸\u{AD}æ–‡"),
            [("ä¸\u{AD}æ–‡".to_owned(), mis("中文"))]
        );
        assert_eq!(found("a\u{FFFD}b")[0].1, Garbled::Replacement);
        assert_eq!(found("a\u{92}b")[0].1, Garbled::C1Control);
        for latin in [
            "Não há ação sem coração.",
            "À « bientôt » — déjà vu.",
            "Őrző, különböző, fűszer.",
            "CAFÉ” and „ÜBER“ ÆØÅ æøå",
            "Größe: 5 µg, 2° ±1",
            "Ça va ? Où ? Ñandú.",
            "un contact nommé\u{a0}« Relay\u{a0}», déjà\u{a0}»",
        ] {
            assert_eq!(found(latin), [], "{latin}");
        }
    }

    #[test]
    fn generous_sentence_counts() {
        assert_eq!(sentence_count_generous("Öffnen.  hilft. Fertig."), 3);
        assert_eq!(sentence_count_generous("Listo. <a>ábrala</a> ahora."), 2);
        assert_eq!(sentence_count_generous("Τι είναι; Μάθετε."), 2);
        assert_eq!(sentence_count_generous("Սա է: Կարդացեք:"), 2);
        assert_eq!(sentence_count_generous("Time: 2.5 h; rest: 10 min"), 1);
        assert_eq!(sentence_count_generous("一。二？三！"), 3);
        assert_eq!(sentence_count_generous(""), 0);
    }

    #[test]
    fn words_and_their_scripts() {
        use icu_properties::props::Script;
        let words = |t: &str| -> Vec<(String, Vec<Script>)> {
            script_words(t)
                .into_iter()
                .map(|(r, s)| (t[r].to_owned(), s))
                .collect()
        };
        assert_eq!(
            words("Откройте <b>Firefоx</b> 中文"),
            [
                ("Откройте".to_owned(), vec![Script::Cyrillic]),
                ("Firefоx".to_owned(), vec![Script::Latin, Script::Cyrillic]),
                ("中文".to_owned(), vec![Script::Han]),
            ]
        );
        assert_eq!(
            words("नमस्ते")[0].1,
            [Script::Devanagari],
            "combining marks stay in the word"
        );
    }

    #[test]
    fn final_punctuation_classes() {
        assert_eq!(
            final_punctuation("¿Cuánto duran?"),
            FinalPunctuation::Question
        );
        assert_eq!(final_punctuation("多久？"), FinalPunctuation::Question);
        assert_eq!(final_punctuation("كم؟"), FinalPunctuation::Question);
        assert_eq!(final_punctuation("fin.</a>"), FinalPunctuation::FullStop);
        assert_eq!(final_punctuation("« fin »"), FinalPunctuation::None);
        assert_eq!(final_punctuation("Hands"), FinalPunctuation::None);
    }
}
