//! ## What it does
//! Reports translations that start or end with whitespace (kept through a `{ " " }` literal) or
//! contain doubled spaces.
//!
//! ## Why it matters
//! Stray spaces show as gaps in rendered text and break exact-match translation memory.
//!
//! ## Example
//! Bad: `heal = Las marcas  sanan.`; good: `heal = Las marcas sanan.`

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "whitespace",
    severity: Severity::Info,
    summary: "Leading, trailing or doubled spaces in a translation.",
    scope: Scope::Pair,
    check,
};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    for pair in ctx.pattern_pairs() {
        let text = &pair.translation.text;
        if pair.translation.doubled_space {
            out.push(ctx.pair_finding(&RULE, &pair, Some("  "), "doubled space".to_owned()));
        }
        if text.starts_with(char::is_whitespace) || text.ends_with(char::is_whitespace) {
            out.push(ctx.pair_finding(
                &RULE,
                &pair,
                None,
                "leading or trailing whitespace".to_owned(),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
