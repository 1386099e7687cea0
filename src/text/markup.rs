//! Inline markup tags in message prose: `<a href="...">`, `</strong>`, with attributes.

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
