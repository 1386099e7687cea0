//! Normalization (NFC, lowercase, one space) with a byte map back to the original, and the
//! blanking of markup, placeables, URLs and e-mail addresses before matching.

use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

/// NFC and lowercase per grapheme cluster, whitespace runs as one space. With `map`, records
/// for each byte of the result the byte range of the original grapheme it came from.
pub(super) fn normalize_chars(text: &str, mut map: Option<&mut Vec<(usize, usize)>>) -> String {
    let mut out = String::with_capacity(text.len());
    for (at, grapheme) in text.grapheme_indices(true) {
        let before = out.len();
        if grapheme.chars().all(char::is_whitespace) {
            if out.ends_with(' ') {
                continue;
            }
            out.push(' ');
        } else {
            out.extend(grapheme.nfc().flat_map(char::to_lowercase));
        }
        if let Some(map) = map.as_deref_mut() {
            map.extend(std::iter::repeat_n(
                (at, at + grapheme.len()),
                out.len() - before,
            ));
        }
    }
    out
}

/// The text with markup tags, `{ ... }` placeables, URLs and e-mail addresses replaced by
/// spaces of the same byte length, so that byte offsets stay those of the original.
pub(super) fn mask(text: &str) -> Cow<'_, str> {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'<' if bytes
                .get(i + 1)
                .is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?')) =>
            {
                if let Some(end) = tag_end(bytes, i) {
                    spans.push((i, end));
                    i = end;
                    continue;
                }
            }
            b'{' => {
                if let Some(end) = placeable_end(bytes, i) {
                    spans.push((i, end));
                    i = end;
                    continue;
                }
            }
            _ => {}
        }
        if let Some(end) = url_end(text, i).filter(|&end| end > i) {
            spans.push((i, end));
            i = end;
            continue;
        }
        i += 1;
    }
    spans.extend(emails(text));
    if spans.is_empty() {
        return Cow::Borrowed(text);
    }
    spans.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end) in spans {
        let start = start.max(at);
        if end <= start {
            continue;
        }
        out.push_str(&text[at..start]);
        out.extend(std::iter::repeat_n(' ', end - start));
        at = end;
    }
    out.push_str(&text[at..]);
    Cow::Owned(out)
}

/// End (exclusive) of the tag starting at `start` (`<`), skipping quoted attribute values.
pub(super) fn tag_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate().skip(start + 1) {
        match (quote, b) {
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return Some(i + 1),
            (None, b'<' | b'\n') => return None,
            _ => {}
        }
    }
    None
}

/// End (exclusive) of the `{ ... }` placeable starting at `start`, counting nested braces
/// and skipping string literals (`{ "{" }`).
pub(super) fn placeable_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, &b) in bytes.iter().enumerate().skip(start) {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// End (exclusive) of a URL starting at byte `i` (`scheme://`, `mailto:` or `www.`), up to
/// whitespace, a tag or a quote, without trailing punctuation.
pub(super) fn url_end(text: &str, i: usize) -> Option<usize> {
    // Every URL form starts with an ASCII letter (a scheme, `mailto:`, `www.`): most
    // positions are ruled out by that byte, before the character lookups below.
    if !text.as_bytes().get(i).is_some_and(u8::is_ascii_alphabetic) || !text.is_char_boundary(i) {
        return None;
    }
    let prefix_ok = text[..i]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    if !prefix_ok {
        return None;
    }
    let rest = &text[i..];
    let lower_starts = |p: &str| {
        rest.len() >= p.len() && rest.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
    };
    let scheme_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
        .count();
    let is_url = (scheme_len > 0
        && rest.as_bytes()[0].is_ascii_alphabetic()
        && rest[scheme_len..].starts_with("://"))
        || lower_starts("mailto:")
        || lower_starts("www.");
    if !is_url {
        return None;
    }
    let len = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '{' | '}'))
        .unwrap_or(rest.len());
    let trimmed = rest[..len].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '\'']);
    Some(i + trimmed.len())
}

/// Byte spans of e-mail addresses (`local@domain.tld`).
pub(super) fn emails(text: &str) -> Vec<(usize, usize)> {
    let local = |c: char| c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-');
    let domain = |c: char| c.is_alphanumeric() || matches!(c, '.' | '-');
    let mut spans = Vec::new();
    for (at, _) in text.match_indices('@') {
        let start = text[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| local(c))
            .last()
            .map_or(at, |(i, _)| i);
        let after = &text[at + 1..];
        let len = after.find(|c: char| !domain(c)).unwrap_or(after.len());
        let host = after[..len].trim_end_matches(['.', '-']);
        if start < at && host.contains('.') {
            spans.push((start, at + 1 + host.len()));
        }
    }
    spans
}
