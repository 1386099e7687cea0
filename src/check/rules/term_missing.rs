//! ## What it does
//! When the reference message contains a termbase term (any status: a deprecated English
//! term still names its concept), reports a translation that contains none of that concept's
//! preferred or admitted terms for the locale (its own language section, or its parent's:
//! es-MX uses es); cited titles in `{ "..." }` literals are left out. Matching understands inflection (Snowball stems), compounds, scripts
//! without spaces and Arabic prefixes; markup, placeables and URLs are not matched.
//!
//! ## Why it matters
//! In a medical guide the key term must be the same word everywhere: a reader who learns
//! "endocarditis" in one paragraph must meet it again in the next, and the word must be the
//! one a doctor or pharmacist will recognize.
//!
//! ## Example
//! Termbase: endocarditis = es "endocarditis". Reference: `Endocarditis can be fatal.`
//! Bad: `La infección del corazón puede ser mortal.` Good: `La endocarditis puede ser mortal.`

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};
use crate::terminology::Status;

pub(crate) static RULE: Rule = Rule {
    name: "term-missing",
    severity: Severity::Warning,
    summary: "The translation lacks the termbase term for a concept its reference names.",
    scope: Scope::Pair,
    check,
};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    let Some(lookup) = ctx.term_lookup else {
        return;
    };
    let terms = lookup.terms;
    for pair in ctx.pattern_pairs() {
        // Cited titles (`{ "..." }` literals) are quoted verbatim by design: a term in one
        // is neither required nor counted.
        let wanted = lookup.reference(pair.reference).concepts();
        if wanted.is_empty() {
            continue;
        }
        // A span can name several concepts (French "plaie" is both wound and sore); a
        // deprecated term found here is term-forbidden's business.
        let found = lookup.translation(pair.translation).concepts();
        for concept_index in wanted {
            let concept = &terms.termbase.concepts[concept_index];
            let Some(section) = concept.language_or_parent(&ctx.locale.tag) else {
                continue;
            };
            let allowed: Vec<&str> = section
                .terms
                .iter()
                .filter(|t| matches!(t.status, Status::Preferred | Status::Admitted))
                .map(|t| t.text.as_str())
                .collect();
            if allowed.is_empty() || found.contains(&concept_index) {
                continue;
            }
            let english = concept
                .language_or_parent(&terms.reference_locale())
                .and_then(|l| l.terms.first())
                .map_or(concept.id.as_str(), |t| t.text.as_str());
            let mut f = ctx.pair_finding(&RULE, &pair, None, format!("term missing: the reference says \"{english}\"; the translation has none of: {}", allowed.join(", ")));
            f.hint = Some(format!(
                "use the termbase term \"{}\" ({})",
                allowed[0], concept.id
            ));
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
