//! Writing imported patterns into a `.ftl` file's text by replacing only the changed
//! entries' byte spans; an entry the file lacks is appended. Works on text; writes nothing.
//!
//! **Invariant:** every byte outside a changed entry's span is kept.

use std::collections::BTreeMap;
use std::ops::Range;

/// An entry's source as written: where it is, its value and its attributes.
#[derive(Debug, Clone)]
pub struct EntrySource {
    /// From the start of the ID's line to the end of its last line (no final newline).
    pub span: Range<usize>,
    /// The value's source after `=` (leading space and continuation lines as written).
    pub value_raw: String,
    /// Each attribute's name and whole lines as written.
    pub attributes: Vec<(String, String)>,
    /// The `#` comment lines just above the entry, without the `# `.
    pub comment: String,
}

/// The entry at `offset` (the ID's byte offset, as the catalog gives it) in `text`.
pub fn entry_source(text: &str, offset: usize) -> EntrySource {
    let start = text[..offset.min(text.len())]
        .rfind('\n')
        .map_or(0, |p| p + 1);
    // The entry runs over the lines that follow while they are indented or blank; trailing
    // blank lines are not its own.
    let mut end = text[start..].find('\n').map_or(text.len(), |p| start + p);
    let mut cursor = end;
    while cursor < text.len() {
        let line_start = cursor + 1;
        let line_end = text[line_start..]
            .find('\n')
            .map_or(text.len(), |p| line_start + p);
        let line = &text[line_start..line_end];
        if line.trim().is_empty() {
            cursor = line_end;
            if line_end == text.len() {
                break;
            }
            continue;
        }
        if line.starts_with(' ') {
            end = line_end;
            cursor = line_end;
        } else {
            break;
        }
    }
    let whole = &text[start..end];
    let body = whole.split_once('=').map_or("", |(_, rest)| rest);
    let mut value_raw = String::new();
    let mut attributes: Vec<(String, String)> = Vec::new();
    for (n, line) in body.split('\n').enumerate() {
        if n > 0
            && let Some(name) = attribute_name(line)
        {
            attributes.push((name.to_owned(), line.to_owned()));
            continue;
        }
        match attributes.last_mut() {
            Some((_, raw)) => {
                raw.push('\n');
                raw.push_str(line);
            }
            None => {
                if n > 0 {
                    value_raw.push('\n');
                }
                value_raw.push_str(line);
            }
        }
    }
    EntrySource {
        span: start..end,
        value_raw,
        attributes,
        comment: comment_above(text, start),
    }
}

/// `.name` of an attribute line (`    .title = ...`).
fn attribute_name(line: &str) -> Option<&str> {
    let rest = line.trim_start().strip_prefix('.')?;
    let (name, _) = rest.split_once('=')?;
    let name = name.trim_end();
    (!name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
    .then_some(name)
}

fn comment_above(text: &str, start: usize) -> String {
    let mut lines = Vec::new();
    for line in text[..start].lines().rev() {
        match line.strip_prefix('#') {
            Some(rest) if !rest.starts_with('#') => {
                lines.push(rest.strip_prefix(' ').unwrap_or(rest))
            }
            _ => break,
        }
    }
    lines.reverse();
    lines.join("\n")
}

/// A pattern's source without Fluent's indentation: `raw` as after `=` (or an attribute's
/// `=`), lines joined by `\n`.
pub fn dedent(raw: &str) -> String {
    let mut lines = raw.split('\n');
    let first = lines.next().unwrap_or("").trim();
    let rest: Vec<&str> = lines.collect();
    let indent = rest
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let mut out: Vec<String> = Vec::new();
    if !first.is_empty() {
        out.push(first.to_owned());
    }
    for line in rest {
        out.push(line.get(indent..).unwrap_or("").trim_end().to_owned());
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out.join("\n")
}

/// The source of an attribute line's pattern (after its `=`).
pub fn attribute_pattern(raw: &str) -> String {
    dedent(raw.split_once('=').map_or("", |(_, rest)| rest))
}

/// A pattern's text as Fluent source after `=`, continuation lines indented by `indent`
/// spaces; a continuation line starting with `[`, `*` or `.` (which Fluent would read as
/// syntax) starts with that character as a literal.
pub fn format_pattern(source: &str, indent: usize) -> String {
    let pad = " ".repeat(indent);
    let mut lines = source.split('\n');
    let first = lines.next().unwrap_or("");
    let mut out = String::new();
    let rest: Vec<&str> = lines.collect();
    if rest.is_empty() {
        out.push(' ');
        out.push_str(&protect_start(first));
        return out;
    }
    if !first.is_empty() {
        out.push(' ');
        out.push_str(&protect_start(first));
    }
    for line in std::iter::once(first)
        .filter(|_| first.is_empty())
        .chain(rest)
    {
        out.push('\n');
        if !line.is_empty() {
            out.push_str(&pad);
            out.push_str(&protect_continuation(line));
        }
    }
    out
}

fn protect_start(line: &str) -> String {
    // Leading spaces would be lost as indentation.
    match line.strip_prefix(' ') {
        Some(rest) => format!("{{\" \"}}{rest}"),
        None => line.to_owned(),
    }
}

fn protect_continuation(line: &str) -> String {
    match line.chars().next() {
        Some(c @ ('[' | '*' | '.')) => format!("{{\"{c}\"}}{}", &line[1..]),
        _ => protect_start(line),
    }
}

/// New patterns of one entry: the value and attributes by name (`None` keeps what the file
/// has).
#[derive(Debug, Default, Clone)]
pub struct EntryChange {
    pub value: Option<String>,
    pub attributes: BTreeMap<String, String>,
}

/// `text` with each change applied: an existing entry's span replaced, a new one appended.
/// `existing` maps an entry ID to its ID offset in `text`; `order` lists the IDs to append
/// in the reference's order.
pub fn apply(
    text: &str,
    existing: &BTreeMap<String, usize>,
    changes: &BTreeMap<String, EntryChange>,
    order: &[String],
) -> String {
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    let mut appended = String::new();
    for id in order {
        let Some(change) = changes.get(id) else {
            continue;
        };
        match existing.get(id) {
            Some(&offset) => {
                let entry = entry_source(text, offset);
                edits.push((entry.span.clone(), rebuild(id, Some(&entry), change)));
            }
            None => {
                appended.push_str(&rebuild(id, None, change));
                appended.push('\n');
            }
        }
    }
    edits.sort_by_key(|(span, _)| span.start);
    let mut out = String::with_capacity(text.len() + appended.len());
    let mut at = 0;
    for (span, new) in edits {
        out.push_str(&text[at..span.start]);
        out.push_str(&new);
        at = span.end;
    }
    out.push_str(&text[at..]);
    if !appended.is_empty() {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        if !out.is_empty() && !out.ends_with("\n\n") {
            out.push('\n');
        }
        out.push_str(&appended);
    }
    out
}

fn rebuild(id: &str, old: Option<&EntrySource>, change: &EntryChange) -> String {
    let mut out = format!("{id} =");
    match (&change.value, old) {
        (Some(value), _) => out.push_str(&format_pattern(value, 4)),
        (None, Some(old)) => out.push_str(&old.value_raw),
        (None, None) => {}
    }
    let mut written = std::collections::BTreeSet::new();
    if let Some(old) = old {
        for (name, raw) in &old.attributes {
            out.push('\n');
            match change.attributes.get(name) {
                Some(value) => {
                    out.push_str(&format!("    .{name} ={}", format_pattern(value, 8)));
                }
                None => out.push_str(raw),
            }
            written.insert(name.as_str());
        }
    }
    for (name, value) in &change.attributes {
        if !written.contains(name.as_str()) {
            out.push_str(&format!("\n    .{name} ={}", format_pattern(value, 8)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entry_spans_and_parts() {
        let text = "# Comment.\nhello = Hi\n    there\n    .title = T\n\nnext = N\n";
        let entry = entry_source(text, 11);
        assert_eq!(
            &text[entry.span.clone()],
            "hello = Hi\n    there\n    .title = T"
        );
        assert_eq!(dedent(&entry.value_raw), "Hi\nthere");
        assert_eq!(entry.attributes[0].0, "title");
        assert_eq!(attribute_pattern(&entry.attributes[0].1), "T");
        assert_eq!(entry.comment, "Comment.");
    }

    #[test]
    fn apply_keeps_other_bytes() {
        let text = "a = A\n\n# c\nb = B\n    .t = T\nc =   C  \n";
        let existing: BTreeMap<String, usize> =
            [("a".into(), 0), ("b".into(), 11), ("c".into(), 26)].into();
        let mut changes = BTreeMap::new();
        changes.insert(
            "b".to_owned(),
            EntryChange {
                value: Some("Bee\n[x] line".into()),
                attributes: BTreeMap::new(),
            },
        );
        changes.insert(
            "d".to_owned(),
            EntryChange {
                value: Some("D".into()),
                attributes: [("t".to_owned(), "DT".to_owned())].into(),
            },
        );
        let order = ["a", "b", "c", "d"].map(String::from);
        let out = apply(text, &existing, &changes, &order);
        assert_eq!(
            out,
            "a = A\n\n# c\nb = Bee\n    {\"[\"}x] line\n    .t = T\nc =   C  \n\nd = D\n    .t = DT\n"
        );
    }
}
