//! ## What it does
//! Reports message and term references that the reference message has and the translation
//! drops, or that the translation adds (compare-locales' missing and obsolete message and term
//! references).
//!
//! ## Why it matters
//! A term such as a product or organisation name, kept consistent through `{ -term }`, is
//! hard-coded or lost; an added reference pulls unrelated text into the sentence.
//!
//! ## Example
//! Reference: `call = Call { -helpline }`; bad: `call = Llame a la línea`; good: `Llame a { -helpline }`.

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "reference-mismatch",
    severity: Severity::Warning,
    summary: "The translation references other messages or terms than its reference message.",
    scope: Scope::Pair,
    check,
};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    for pair in ctx.pattern_pairs() {
        let r = pair.reference.messages.iter().chain(&pair.reference.terms);
        let t: Vec<&String> = pair
            .translation
            .messages
            .iter()
            .chain(&pair.translation.terms)
            .collect();
        for name in r.clone() {
            if !t.contains(&name) {
                out.push(ctx.pair_finding(
                    &RULE,
                    &pair,
                    None,
                    format!("missing reference {{ {name} }}: the reference message uses it"),
                ));
            }
        }
        let r: Vec<&String> = r.collect();
        for name in t {
            if !r.contains(&name) {
                out.push(ctx.pair_finding(
                    &RULE,
                    &pair,
                    Some(name),
                    format!(
                        "obsolete reference {{ {name} }}: the reference message does not use it"
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
