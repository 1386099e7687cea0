//! ## What it does
//! Reports each message or term of the reference that the locale's file lacks (every one, when
//! the file itself is missing). A regional locale (`es-MX`) is only missing what its parent
//! locale (`es`) lacks too, since it falls back to it.
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
    for entry in &reference.entries {
        let present =
            |f: Option<&crate::catalog::FtlFile>| f.is_some_and(|f| f.entry(&entry.id).is_some());
        if present(ctx.translation) || present(ctx.fallback) {
            continue;
        }
        let (line, _) = reference.position(entry.offset);
        let mut f = ctx.finding(
            &RULE,
            0..0,
            Some(entry),
            None,
            format!("missing message {}", entry.id),
        );
        f.reference = entry.value.as_ref().map(|v| v.text.clone());
        f.hint = Some(format!("translate it from {}:{line}", reference.shown));
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
