//! ## What it does
//! Across all the files of a locale, finds a termbase concept that the English words the
//! same way in several messages ("puncture wound") but the translations render with
//! different preferred or admitted terms, and reports each message using a minority
//! wording, naming the majority one (on a tie, the wording with the preferred term). Where
//! the English itself varies ("drug use", "substance misuse"), each English wording is
//! judged on its own, so a translation that follows the source is not reported. Forms of one
//! term are one wording (`lesión`/`lesiones`, `Einstichspur`/`Einstichspuren`, Arabic broken
//! plurals). A message counts only where its reference names the concept in one wording; a
//! message that also uses the majority wording is not reported. Deprecated terms are
//! `term-forbidden`'s business, not counted here. `medloc terms LOCALE` shows the counts.
//!
//! ## Why it matters
//! A reader who meets "sitio de inyección" in one paragraph and "zona de inyección" in the
//! next wonders whether they are two things. Guides are translated by several people over
//! time; the termbase admits variants, but one guide should settle on one.
//!
//! ## Example
//! Termbase (es): track marks = "marcas de inyección" (preferred), "marcas de pinchazos"
//! (admitted). Three messages say "marcas de inyección", one says "marcas de pinchazos":
//! that one is reported, asking for "marcas de inyección".

use crate::check::{FileCheck, Finding, Rule, Scope, Severity, Terms};
use crate::terminology::Status;
use crate::terminology::matcher::Matcher;
use crate::terms::{ConceptUsage, TermUse, VariantUsage};

pub(crate) static RULE: Rule = Rule {
    name: "term-inconsistent",
    severity: Severity::Warning,
    summary: "The same source term rendered by different admitted termbase terms across the locale.",
    scope: Scope::Locale,
    check,
};

/// A message as (path, message ID, attribute).
type MessageKey<'u> = (&'u str, &'u str, Option<&'u str>);

/// Variants of a concept that are forms of one term, and the messages using any of them.
struct Wording<'u> {
    variants: Vec<&'u VariantUsage>,
    /// A set: a concept may be named in thousands of messages of a locale.
    messages: std::collections::HashSet<MessageKey<'u>>,
}

fn key(u: &TermUse) -> MessageKey<'_> {
    (
        u.path.as_str(),
        u.message_id.as_str(),
        u.attribute.as_deref(),
    )
}

/// A minority use found by the locale-wide analysis, waiting for its file's turn.
#[derive(Debug, Clone)]
pub struct Pending {
    message_id: String,
    attribute: Option<String>,
    text: String,
    message: String,
    hint: String,
}

/// The locale's minority uses by file path.
pub type Inconsistencies = std::collections::HashMap<String, Vec<Pending>>;

fn check(ctx: &FileCheck<'_>, out: &mut Vec<Finding>) {
    let (Some(usage), Some((terms, matcher)), Some(file)) =
        (ctx.term_usage, ctx.term_matcher(), ctx.translation)
    else {
        return;
    };
    // The analysis is locale-wide: done once, then each file takes its share (doing it per
    // file made check quadratic in the number of files of a locale).
    let all = usage
        .inconsistencies
        .get_or_init(|| analyse(&usage.usage, terms, matcher));
    let Some(pending) = all.get(&file.shown) else {
        return;
    };
    for p in pending {
        let Some(entry) = file.entry(&p.message_id) else {
            continue;
        };
        let Some((attribute, pattern)) =
            entry.patterns().find(|(a, _)| *a == p.attribute.as_deref())
        else {
            continue;
        };
        let mut f = ctx.pattern_finding(
            &RULE,
            entry,
            attribute,
            pattern,
            Some(&p.text),
            p.message.clone(),
        );
        f.hint = Some(p.hint.clone());
        out.push(f);
    }
}

fn analyse(usage: &crate::terms::TermUsage, terms: &Terms, matcher: &Matcher) -> Inconsistencies {
    let mut found = Inconsistencies::new();
    for concept in &usage.concepts {
        for (source_term, uses) in by_source_wording(concept, terms) {
            let wordings = wordings(&uses, matcher);
            if wordings.len() < 2 {
                continue;
            }
            // Most messages first; on a tie the preferred term, then termbase order.
            let Some(majority) = wordings.iter().min_by_key(|w| {
                (
                    std::cmp::Reverse(w.messages.len()),
                    !w.variants.iter().any(|v| v.status == Status::Preferred),
                    w.variants.iter().map(|v| v.index).min(),
                )
            }) else {
                continue;
            };
            let Some(chosen) = majority
                .variants
                .iter()
                .min_by_key(|v| (v.status != Status::Preferred, v.index))
                .map(|v| v.term.as_str())
            else {
                continue;
            };
            let total = wordings
                .iter()
                .flat_map(|w| &w.messages)
                .collect::<std::collections::HashSet<_>>()
                .len();
            for (variant, u) in &uses {
                if majority.variants.iter().any(|v| std::ptr::eq(*v, *variant))
                    || majority.messages.contains(&key(u))
                {
                    continue;
                }
                let hint = if variant.status == Status::Preferred {
                    format!(
                        "the termbase prefers \"{}\": change the other messages to it, or use \"{chosen}\" here ({})",
                        variant.term, concept.concept
                    )
                } else {
                    format!(
                        "use \"{chosen}\" as the other messages do, or change them all ({})",
                        concept.concept
                    )
                };
                found.entry(u.path.clone()).or_default().push(Pending {
                    message_id: u.message_id.clone(),
                    attribute: u.attribute.clone(),
                    text: u.text.clone(),
                    message: format!(
                        "inconsistent term \"{}\" for \"{source_term}\": {} of {total} messages of this locale translating it use \"{chosen}\"",
                        u.text,
                        majority.messages.len(),
                    ),
                    hint,
                });
            }
        }
    }
    found
}

/// The concept's uses by preferred or admitted terms, grouped by the reference's wording
/// (forms of one reference term together): each group is one source term, whose
/// renderings should agree. Messages whose reference words the concept in two ways are
/// left out: which of their renderings answers which is unknown.
fn by_source_wording<'u>(
    concept: &'u ConceptUsage,
    terms: &Terms,
) -> Vec<(String, Vec<(&'u VariantUsage, &'u TermUse)>)> {
    let section =
        terms.termbase.concepts[concept.index].language_or_parent(&terms.reference_locale());
    let text_of = |t: usize| {
        section
            .and_then(|s| s.terms.get(t))
            .map_or("", |t| t.text.as_str())
    };
    // The first term of the reference section that each term is a form of.
    let wording_of = |t: usize| {
        (0..=t)
            .find(|&first| first == t || terms.reference.same_form(text_of(first), text_of(t)))
            .unwrap_or(t)
    };
    let mut groups: Vec<(usize, Vec<(&VariantUsage, &TermUse)>)> = Vec::new();
    for variant in concept.variants.iter().filter(|v| !v.status.is_forbidden()) {
        for u in &variant.uses {
            let mut wordings: Vec<usize> =
                u.reference_terms.iter().map(|&t| wording_of(t)).collect();
            wordings.dedup();
            let [wording] = wordings[..] else {
                continue;
            };
            match groups.iter_mut().find(|(w, _)| *w == wording) {
                Some((_, list)) => list.push((variant, u)),
                None => groups.push((wording, vec![(variant, u)])),
            }
        }
    }
    groups.sort_by_key(|(w, _)| *w);
    groups
        .into_iter()
        .map(|(w, list)| (text_of(w).to_owned(), list))
        .collect()
}

/// The uses grouped into wordings: variants that are forms of one term together.
fn wordings<'u>(uses: &[(&'u VariantUsage, &'u TermUse)], matcher: &Matcher) -> Vec<Wording<'u>> {
    let mut out: Vec<Wording<'u>> = Vec::new();
    for &(variant, u) in uses {
        let wording = match out.iter().position(|w| {
            w.variants
                .iter()
                .any(|v| std::ptr::eq(*v, variant) || matcher.same_form(&v.term, &variant.term))
        }) {
            Some(i) => &mut out[i],
            None => {
                out.push(Wording {
                    variants: Vec::new(),
                    messages: std::collections::HashSet::new(),
                });
                out.last_mut().expect("just pushed") // cannot fail: pushed above
            }
        };
        if !wording.variants.iter().any(|v| std::ptr::eq(*v, variant)) {
            wording.variants.push(variant);
        }
        wording.messages.insert(key(u));
    }
    out
}

#[cfg(test)]
mod tests {
    crate::check::rules::fixture_test!(super::RULE);
}
