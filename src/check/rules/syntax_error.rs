//! ## What it does
//! Reports every entry the Fluent parser could not read (Junk), with the parser's message, line
//! and column.
//!
//! ## Why it matters
//! Junk is dropped at runtime: the reader gets the English fallback, or nothing, with no warning.
//!
//! ## Example
//! Bad: `take-care = Take care { $name`
//! Good: `take-care = Take care { $name }`

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "syntax-error",
    severity: Severity::Error,
    summary: "A Fluent syntax error: the parser kept the text as Junk.",
    scope: Scope::File,
    check,
};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    let Some(file) = ctx.translation else { return };
    for junk in &file.junk {
        // One whole character: junk may start with any (`err-😂 = ...`).
        let width = file.text()[junk.offset..]
            .chars()
            .next()
            .map_or(1, char::len_utf8);
        let mut f = ctx.finding(
            &RULE,
            junk.offset..junk.offset + width,
            None,
            None,
            format!("syntax error: {}", junk.message),
        );
        f.hint =
            Some("fix the entry; until then it is dropped and readers see the fallback".to_owned());
        out.push(f);
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
