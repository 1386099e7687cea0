//! ## What it does
//! When the reference message contains a termbase term (any status: a deprecated English
//! term still names its concept), reports a translation that contains none of that concept's
//! preferred or admitted terms for the locale (its own language section, or its parent's:
//! es-MX uses es), quoting the words the reference uses ("intravenous drug use", whichever
//! of the concept's English terms it is). Cited titles in `{ "..." }` literals are left out.
//! Matching understands inflection (Snowball stems), compounds, scripts without spaces and
//! Arabic prefixes; markup, placeables and URLs are not matched. A do-not-translate name
//! that the translation lacks (`SAMHSA`) is reported by `do-not-translate` only.
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
        let reference_matches = lookup.reference(pair.reference);
        let wanted = reference_matches.concepts();
        if wanted.is_empty() {
            continue;
        }
        // A span can name several concepts (French "plaie" is both wound and sore); a
        // deprecated term found here is term-forbidden's business.
        let found = lookup.translation(pair.translation).concepts();
        // A do-not-translate name the translation lacks is do-not-translate's finding: one
        // defect, one finding.
        let names_missing: Vec<std::ops::Range<usize>> = ctx
            .do_not_translate
            .find_in(&pair.reference.prose)
            .into_iter()
            .filter(|(_, name)| !pair.translation.prose.contains(name))
            .map(|(range, _)| range)
            .collect();
        for concept_index in wanted {
            let named_by_missing_name = reference_matches.all().any(|m| {
                m.term.concept == concept_index
                    && names_missing
                        .iter()
                        .any(|r| r.start < m.end && m.start < r.end)
            });
            if named_by_missing_name {
                continue;
            }
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
            // The words the reference actually uses for the concept ("intravenous drug
            // use", not the concept's first term): the lookup's offsets are the prose's.
            let english = reference_matches
                .all()
                .find(|m| m.term.concept == concept_index)
                .and_then(|m| pair.reference.prose.get(m.start..m.end))
                .unwrap_or(concept.id.as_str());
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
