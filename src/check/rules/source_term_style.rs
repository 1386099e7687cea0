//! ## What it does
//! Runs on the reference (English) files and reports a term that the termbase marks
//! deprecated or superseded for the reference language (stigmatizing labels such as
//! "addict" or "drug abuse", slang such as "clean works"), saying which preferred term to
//! use instead. Inflected forms count ("addicts" for "addict"); cited titles in `{ "..." }`
//! literals and official names that contain such a word ("Substance Abuse and Mental Health
//! Services Administration", a longer termbase entry) are left alone. Reported when the
//! reference is in the run's scope (no `--locale`, `--locale` naming the reference, or paths
//! naming reference files), not on every translator's `check --locale es`.
//!
//! ## Why it matters
//! Translators follow the source: a stigmatizing word in the English ends up, faithfully
//! translated, in every language, and `term-forbidden` then flags each translation for a
//! fault of the source. Fixing the wording once, in the article, fixes it everywhere.
//!
//! ## Example
//! Bad (en-US): `Addicts often hide track marks.` Good: `People who inject drugs often hide
//! track marks.`

use super::term_forbidden::deprecated_terms;
use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "source-term-style",
    severity: Severity::Warning,
    summary: "The reference uses a deprecated (stigmatizing or wrong) termbase term.",
    scope: Scope::Reference,
    check,
};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    let (Some(lookup), Some(file)) = (ctx.term_lookup, ctx.translation) else {
        return;
    };
    let terms = lookup.terms;
    let reference_locale = terms.reference_locale();
    for entry in &file.entries {
        for (attribute, pattern) in entry.patterns() {
            // Matched once per run, without the literals (same offsets as the prose).
            let matches = lookup.reference(pattern);
            let found_terms = matches.best();
            for found in deprecated_terms(terms, &reference_locale, &pattern.prose, found_terms) {
                let mut f = ctx.pattern_finding(
                    &RULE,
                    entry,
                    attribute,
                    pattern,
                    Some(found.text),
                    format!(
                        "deprecated term \"{}\" in the source{}",
                        found.text,
                        found.instead()
                    ),
                );
                f.hint = found.note;
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
