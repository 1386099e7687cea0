//! A Fluent pattern's source as text and inline codes: each placeable (`{ $count }`,
//! `{ -brand }`, `{ "literal" }`) is a standalone code, and the markup medloc messages carry
//! (`<em>`, `<strong>`, `<a data-l10n-name="...">`) paired codes, so CAT tools protect them.
//! The codes' Fluent source always comes from the reference, never from the imported file.
//!
//! **Invariant:** `to_fluent(tokenize(s))` gives back `s` for every pattern source `s`.

/// One inline code of a pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Code {
    /// A placeable, or a tag with no partner: its Fluent source.
    Standalone(String),
    /// An opening tag and its closing tag (`<em>`, `</em>`).
    Paired { open: String, close: String },
}

impl Code {
    /// What a translator sees for the code.
    pub fn display(&self) -> (&str, &str) {
        match self {
            Code::Standalone(s) => (s, ""),
            Code::Paired { open, close } => (open, close),
        }
    }
}

/// A piece of pattern content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(String),
    /// A standalone code, by index in the code list.
    Ph(usize),
    /// A paired code around its content.
    Pc(usize, Vec<Piece>),
}

/// A raw token of the source: text, a placeable, an opening or closing tag.
#[derive(Debug)]
enum Raw {
    Text(String),
    Placeable(String),
    Open(String, String),
    Close(String, String),
}

const TAGS: [&str; 3] = ["em", "strong", "a"];

/// Splits a pattern's source into text and codes.
pub fn tokenize(source: &str) -> (Vec<Piece>, Vec<Code>) {
    let raw = raw_tokens(source);
    let mut codes = Vec::new();
    let mut stack: Vec<(String, String, Vec<Piece>)> = Vec::new();
    let mut out: Vec<Piece> = Vec::new();
    // A closing tag closes the innermost open tag of its name only when it is the
    // innermost; otherwise tags are standalone codes (still protected).
    let pairs = pair_tags(&raw);
    for (i, token) in raw.into_iter().enumerate() {
        let target = match stack.last_mut() {
            Some((_, _, inner)) => inner,
            None => &mut out,
        };
        match token {
            Raw::Text(t) => push_text(target, &t),
            Raw::Placeable(p) => {
                codes.push(Code::Standalone(p));
                target.push(Piece::Ph(codes.len() - 1));
            }
            Raw::Open(name, src) if pairs[i] => stack.push((name, src, Vec::new())),
            Raw::Close(_, close) if pairs[i] => {
                if let Some((_, open, inner)) = stack.pop() {
                    codes.push(Code::Paired { open, close });
                    let piece = Piece::Pc(codes.len() - 1, inner);
                    match stack.last_mut() {
                        Some((_, _, parent)) => parent.push(piece),
                        None => out.push(piece),
                    }
                }
            }
            Raw::Open(_, src) | Raw::Close(_, src) => {
                codes.push(Code::Standalone(src));
                target.push(Piece::Ph(codes.len() - 1));
            }
        }
    }
    (out, codes)
}

fn push_text(target: &mut Vec<Piece>, text: &str) {
    if let Some(Piece::Text(last)) = target.last_mut() {
        last.push_str(text);
    } else if !text.is_empty() {
        target.push(Piece::Text(text.to_owned()));
    }
}

/// Which tags pair up (properly nested, same name).
fn pair_tags(raw: &[Raw]) -> Vec<bool> {
    let mut paired = vec![false; raw.len()];
    let mut stack: Vec<(usize, &str)> = Vec::new();
    for (i, token) in raw.iter().enumerate() {
        match token {
            Raw::Open(name, _) => stack.push((i, name)),
            Raw::Close(name, _) => {
                if let Some(&(j, open)) = stack.last()
                    && open == name
                {
                    stack.pop();
                    paired[i] = true;
                    paired[j] = true;
                } else {
                    // A crossing or stray closing tag: everything open stays standalone.
                    stack.clear();
                }
            }
            _ => {}
        }
    }
    paired
}

fn raw_tokens(source: &str) -> Vec<Raw> {
    let mut out = Vec::new();
    let mut text = String::new();
    let bytes = source.as_bytes();
    let mut i = 0;
    while i < source.len() {
        let rest = &source[i..];
        if bytes[i] == b'{' {
            let end = placeable_end(rest);
            if !text.is_empty() {
                out.push(Raw::Text(std::mem::take(&mut text)));
            }
            out.push(Raw::Placeable(rest[..end].to_owned()));
            i += end;
            continue;
        }
        if bytes[i] == b'<'
            && let Some((tag, len)) = tag_at(rest)
        {
            if !text.is_empty() {
                out.push(Raw::Text(std::mem::take(&mut text)));
            }
            out.push(tag);
            i += len;
            continue;
        }
        let c_len = rest.chars().next().map_or(1, char::len_utf8);
        text.push_str(&rest[..c_len]);
        i += c_len;
    }
    if !text.is_empty() {
        out.push(Raw::Text(text));
    }
    out
}

/// The length of the placeable at the start of `s` (balanced braces, string literals
/// skipped); the whole rest when it never closes.
fn placeable_end(s: &str) -> usize {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '{' => depth += 1,
            '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    s.len()
}

/// An `em`, `strong` or `a` tag at the start of `s`, and its length.
fn tag_at(s: &str) -> Option<(Raw, usize)> {
    let end = s.find('>')? + 1;
    let inner = &s[1..end - 1];
    if inner.contains('<') || inner.contains('\n') {
        return None;
    }
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name_len = inner
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(inner.len());
    let name = &inner[..name_len];
    if !TAGS.contains(&name) {
        return None;
    }
    let after = &inner[name_len..];
    if closing && !after.trim().is_empty() {
        return None;
    }
    if !after.is_empty() && !after.starts_with(' ') {
        return None;
    }
    let src = s[..end].to_owned();
    Some(if closing {
        (Raw::Close(name.to_owned(), src), end)
    } else {
        (Raw::Open(name.to_owned(), src), end)
    })
}

/// Fluent source for pieces, codes from `codes`; text has `{` and `}` escaped.
pub fn to_fluent(pieces: &[Piece], codes: &[Code]) -> String {
    let mut out = String::new();
    write_fluent(pieces, codes, &mut out);
    out
}

fn write_fluent(pieces: &[Piece], codes: &[Code], out: &mut String) {
    for piece in pieces {
        match piece {
            Piece::Text(t) => {
                for c in t.chars() {
                    match c {
                        '{' => out.push_str("{\"{\"}"),
                        '}' => out.push_str("{\"}\"}"),
                        c => out.push(c),
                    }
                }
            }
            Piece::Ph(i) => {
                if let Some(Code::Standalone(s)) = codes.get(*i) {
                    out.push_str(s);
                }
            }
            Piece::Pc(i, inner) => {
                if let Some(Code::Paired { open, close }) = codes.get(*i) {
                    out.push_str(open);
                    write_fluent(inner, codes, out);
                    out.push_str(close);
                }
            }
        }
    }
}

/// Checks imported pieces against the reference's codes: every code exactly once, each of
/// the right kind. Returns what is wrong, for the error naming the unit.
pub fn validate(pieces: &[Piece], codes: &[Code]) -> Result<(), String> {
    let mut seen = vec![0usize; codes.len()];
    count_codes(pieces, codes, &mut seen)?;
    let missing: Vec<String> = seen
        .iter()
        .enumerate()
        .filter(|(_, n)| **n == 0)
        .map(|(i, _)| describe(i, codes))
        .collect();
    if !missing.is_empty() {
        return Err(format!(
            "the target lacks inline code(s) {}",
            missing.join(", ")
        ));
    }
    if let Some(i) = seen.iter().position(|n| *n > 1) {
        return Err(format!(
            "the target has inline code {} more than once",
            describe(i, codes)
        ));
    }
    Ok(())
}

fn describe(i: usize, codes: &[Code]) -> String {
    let (a, b) = codes.get(i).map_or(("?", ""), Code::display);
    format!("{} ({a}{})", i + 1, if b.is_empty() { "" } else { "…" })
}

fn count_codes(pieces: &[Piece], codes: &[Code], seen: &mut [usize]) -> Result<(), String> {
    for piece in pieces {
        match piece {
            Piece::Text(_) => {}
            Piece::Ph(i) | Piece::Pc(i, _) => {
                let Some(code) = codes.get(*i) else {
                    return Err(format!(
                        "the target has inline code {}, which the source lacks",
                        i + 1
                    ));
                };
                let paired = matches!(piece, Piece::Pc(..));
                if paired != matches!(code, Code::Paired { .. }) {
                    return Err(format!(
                        "inline code {} is {} in the target but {} in the source",
                        i + 1,
                        if paired { "paired" } else { "standalone" },
                        if paired { "standalone" } else { "paired" }
                    ));
                }
                seen[*i] += 1;
                if let Piece::Pc(_, inner) = piece {
                    count_codes(inner, codes, seen)?;
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_sources() {
        for s in [
            "plain text",
            "<strong>Dull needles:</strong> a { $count } and { \"}\" }",
            "<em>a <strong>b</strong></em> <a data-l10n-name=\"help\">help</a>",
            "crossing <em>x <strong>y</em> z</strong>",
            "a < b and <b>not ours</b> {",
        ] {
            let (pieces, codes) = tokenize(s);
            assert_eq!(to_fluent(&pieces, &codes), s);
        }
    }

    #[test]
    fn codes_are_paired_and_standalone() {
        let (pieces, codes) = tokenize("<strong>Dull:</strong> { $n } left");
        assert_eq!(codes.len(), 2);
        assert!(matches!(codes[0], Code::Paired { .. }));
        assert!(matches!(pieces[0], Piece::Pc(0, _)));
        assert_eq!(validate(&pieces, &codes), Ok(()));
        let lacking = vec![Piece::Text("x".into()), Piece::Ph(1)];
        assert!(validate(&lacking, &codes).is_err_and(|e| e.contains("lacks")));
        let extra = vec![Piece::Ph(7)];
        assert!(validate(&extra, &codes).is_err());
        let wrong_kind = vec![Piece::Ph(0), Piece::Ph(1)];
        assert!(validate(&wrong_kind, &codes).is_err_and(|e| e.contains("paired")));
    }
}
