//! ## What it does
//! Reports a translation that lacks, spelled exactly as in the reference, a do-not-translate
//! name that its reference message contains: the termbase's terms marked
//! `do-not-translate` (official names of agencies and organizations, acronyms, titles of
//! cited publications), which stay in English in every language. A name counts in the
//! reference as a whole word (`SAMHSA's` holds `SAMHSA`); in the translation it only has to
//! be there (`SAMHSA的热线`). Adding a translation beside the name is fine. A name missing
//! from a message is one finding, however often the reference uses it, and `term-missing`
//! does not report it again.
//!
//! Default severity: error. The termbase marks these names do-not-translate for each
//! language, a reviewed decision like a deprecated term's; a translated or respelled name
//! sends the reader looking for an organization, helpline or source that does not exist
//! under that name. A message that rightly differs is exempted with
//! `# medloc-ignore: do-not-translate`.
//!
//! ## Why it matters
//! A reader who needs help searches for the agency or hotline by its official name, and a
//! reviewer checks a citation by its title: "Administración de Servicios de Salud Mental"
//! finds neither.
//!
//! ## Example
//! Termbase: SAMHSA (do-not-translate). Reference: `Call the SAMHSA National Helpline.`
//! Bad (es): `Llame a la Línea Nacional de Ayuda de la ASSM.` Good: `Llame a la Línea
//! Nacional de Ayuda de SAMHSA.`

use crate::check::{FileCheck, Finding, Rule, Scope, Severity};

pub(crate) static RULE: Rule = Rule {
    name: "do-not-translate",
    severity: Severity::Error,
    summary: "The translation lacks a do-not-translate name (official name, acronym) of its reference.",
    scope: Scope::Pair,
    check,
};

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    for pair in ctx.pattern_pairs() {
        let mut seen: Vec<&str> = Vec::new();
        for (_, name) in ctx.do_not_translate.find_in(&pair.reference.prose) {
            if seen.contains(&name) || pair.translation.prose.contains(name) {
                continue;
            }
            seen.push(name);
            let mut f = ctx.pair_finding(
                &RULE,
                &pair,
                None,
                format!("do-not-translate name \"{name}\" is missing; keep it exactly as written"),
            );
            f.hint = Some(format!(
                "official names stay in English in every language (termbase: do-not-translate); a translation may follow in parentheses: \"{name} (...)\""
            ));
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
