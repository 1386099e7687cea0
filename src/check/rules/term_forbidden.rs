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

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};
use crate::terminology::Status;

pub(crate) static RULE: Rule = Rule {
    name: "term-forbidden",
    severity: Severity::Error,
    summary: "The translation uses a deprecated (stigmatizing or wrong) termbase term.",
    scope: Scope::Pair,
    check,
};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    let Some(terms) = ctx.terms else { return };
    let Some(matcher) = terms.locales.get(&ctx.locale.tag) else {
        return;
    };
    for pair in ctx.pattern_pairs() {
        // Cited titles are quoted verbatim, whatever words they use.
        let prose = pair.translation.prose_without_literals();
        for m in matcher.find(&prose) {
            if !m.term.status.is_forbidden() {
                continue;
            }
            let concept = &terms.termbase.concepts[m.term.concept];
            let Some(section) = concept.language_or_parent(&ctx.locale.tag) else {
                continue;
            };
            let used = &prose[m.start..m.end];
            let preferred = section
                .terms
                .iter()
                .find(|t| t.status == Status::Preferred)
                .map_or_else(String::new, |t| format!("; use \"{}\"", t.text));
            let mut f = ctx.pair_finding(
                &RULE,
                &pair,
                Some(used),
                format!("deprecated term \"{used}\"{preferred}"),
            );
            f.hint = section.terms.get(m.term.term).and_then(|t| t.note.clone());
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
