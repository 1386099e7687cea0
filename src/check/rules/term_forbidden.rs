//! ## What it does
//! Reports a translation that contains a deprecated or superseded term of its locale from the
//! termbase (stigmatizing labels such as "addict" and their equivalents, or wrong terms), and
//! says which preferred term to use instead. Inflected forms count ("adictos" for "adicto").
//!
//! ## Why it matters
//! Stigmatizing words drive people who use drugs away from care; harm-reduction and
//! public-health style guides ask for person-first language. A wrong or outdated medical
//! term misleads.
//!
//! ## Example
//! Bad (es): `Los adictos deben buscar ayuda.` Good: `Las personas que se inyectan drogas
//! deben buscar ayuda.`

use crate::check::{FileCheck, Finding, Rule, Scope, Severity, Terms};
use crate::terminology::Status;
use crate::terminology::matcher::TermMatch;

pub(crate) static RULE: Rule = Rule {
    name: "term-forbidden",
    severity: Severity::Error,
    summary: "The translation uses a deprecated (stigmatizing or wrong) termbase term.",
    scope: Scope::Pair,
    check,
};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    let Some(lookup) = ctx.term_lookup else {
        return;
    };
    for pair in ctx.pattern_pairs() {
        // Cited titles are quoted verbatim, whatever words they use: the lookup matches the
        // prose without them (same offsets).
        let matches = lookup.translation(pair.translation);
        let prose = pair.translation.prose.as_str();
        for found in deprecated_terms(lookup.terms, &ctx.locale.tag, prose, matches.best()) {
            let mut f = ctx.pair_finding(
                &RULE,
                &pair,
                Some(found.text),
                format!("deprecated term \"{}\"{}", found.text, found.instead()),
            );
            f.hint = found.note;
            out.push(f);
        }
    }
}

/// A deprecated or superseded term found in a text.
pub(super) struct DeprecatedUse<'t> {
    /// The words as written.
    pub text: &'t str,
    /// The concept's preferred term in the language, if it has one.
    pub preferred: Option<String>,
    /// The termbase's note on the term (why it is deprecated).
    pub note: Option<String>,
}

impl DeprecatedUse<'_> {
    /// `; use "preferred"`, or nothing.
    pub fn instead(&self) -> String {
        self.preferred
            .as_ref()
            .map_or_else(String::new, |p| format!("; use \"{p}\""))
    }
}

/// The deprecated and superseded terms of `locale` among `matches` of `prose` (shared with
/// `source-term-style`, which looks for them in the reference).
pub(super) fn deprecated_terms<'t>(
    terms: &Terms,
    locale: &str,
    prose: &'t str,
    matches: impl IntoIterator<Item = TermMatch>,
) -> Vec<DeprecatedUse<'t>> {
    let mut out = Vec::new();
    for m in matches {
        if !m.term.status.is_forbidden() {
            continue;
        }
        let concept = &terms.termbase.concepts[m.term.concept];
        let Some(section) = concept.language_or_parent(locale) else {
            continue;
        };
        out.push(DeprecatedUse {
            text: &prose[m.start..m.end],
            preferred: section
                .terms
                .iter()
                .find(|t| t.status == Status::Preferred)
                .map(|t| t.text.clone()),
            note: section.terms.get(m.term.term).and_then(|t| t.note.clone()),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
