//! ## What it does
//! Reports each message or term of the reference that the locale's file lacks (every one, when
//! the file itself is missing). A regional locale (`es-MX`) is only missing what its parent
//! locale (`es`) lacks too, since it falls back to it. The finding points at where the
//! message would go: the line after the previous reference message that the file has (line 1,
//! column 1, when it has none).
//!
//! ## Why it matters
//! Readers get the fallback language for it. Partial locales are normal, so this is a warning;
//! coverage decides what ships.
//!
//! ## Example
//! Reference: `a = One` and `b = Two`; bad translation: only `a = Uno`; good: both.

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "missing-message",
    severity: Severity::Warning,
    summary: "A reference message or term the translation does not have yet.",
    scope: Scope::Pair,
    check,
};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    let Some(reference) = ctx.reference else {
        return;
    };
    // Where the next missing message would go: after the last reference message seen so far
    // that the translation has.
    let mut insert_at = 0;
    for entry in &reference.entries {
        if let Some(t) = ctx.translation
            && let Some(there) = t.entry(&entry.id)
        {
            insert_at = after_entry(t, there);
            continue;
        }
        if ctx.fallback.is_some_and(|f| f.entry(&entry.id).is_some()) {
            continue;
        }
        let (line, _) = reference.position(entry.offset);
        let mut f = ctx.finding(
            &RULE,
            insert_at..insert_at,
            Some(entry),
            None,
            format!("missing message {}", entry.id),
        );
        f.reference = entry.value.as_ref().map(|v| v.text.clone());
        f.hint = Some(format!("translate it from {}:{line}", reference.shown));
        out.push(f);
    }
}

/// The offset of the line after `entry`'s last line in `file`: its value's and attributes'
/// text, then the continuation lines (indented, or a select expression's closing `}`).
fn after_entry(file: &crate::catalog::FtlFile, entry: &crate::catalog::Entry) -> usize {
    let text = file.text();
    let last = entry
        .patterns()
        .map(|(_, p)| p.span.end)
        .chain(entry.attributes.iter().map(|a| a.offset))
        .fold(entry.offset, usize::max)
        .min(text.len());
    let mut at = text[last..].find('\n').map_or(text.len(), |i| last + i + 1);
    while at < text.len() {
        let line = &text[at..];
        let continues = line.starts_with([' ', '}']) || {
            // A blank line inside a multiline pattern is followed by an indented line.
            let rest = line.trim_start_matches('\n');
            line.starts_with('\n') && rest.starts_with(' ')
        };
        if !continues {
            break;
        }
        at = line.find('\n').map_or(text.len(), |i| at + i + 1);
    }
    at
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
