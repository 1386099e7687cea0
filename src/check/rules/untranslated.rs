//! ## What it does
//! Reports a translation identical to its reference, unless the text is made only of
//! do-not-translate names (from the termbase), string literals, numbers, punctuation and markup.
//!
//! ## Why it matters
//! Pasted English passes every other check and counts as translated, but a reader who needs the
//! guide in their language cannot read it.
//!
//! ## Example
//! Bad (es): `heading = Vein damage`; good: `heading = Daño en las venas`. A word spelled the
//! same in both languages (`Hepatitis`) can be exempted with `# medloc-ignore: untranslated`.

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "untranslated",
    severity: Severity::Warning,
    summary: "A translation identical to the English.",
    scope: Scope::Pair,
    check,
};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    for pair in ctx.pattern_pairs() {
        if pair.translation.text != pair.reference.text {
            continue;
        }
        let mut rest = crate::check::scan::strip_tags(&pair.reference.prose);
        // Blanked to the same length, so the other names' ranges still hold.
        for (range, _) in ctx.do_not_translate.find_in(&rest) {
            rest.replace_range(range.clone(), &" ".repeat(range.len()));
        }
        // Literals are verbatim by design.
        for literal in &pair.reference.literals {
            rest = rest.replace(literal.as_str(), " ");
        }
        if rest.chars().any(char::is_alphabetic) {
            out.push(ctx.pair_finding(
                &RULE,
                &pair,
                None,
                "untranslated: identical to the reference".to_owned(),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
