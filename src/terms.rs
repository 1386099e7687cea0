//! The term usage model: for one locale, how each termbase concept is rendered across the
//! locale's messages (what `medloc terms` prints and rule `term-inconsistent` judges).
//!
//! A message (a value or an attribute) counts for a concept when its reference names the
//! concept, so a word shared by two concepts (French `plaie`, sore and wound) counts for the
//! one the English means. Each termbase term of the locale found in the translation is then
//! a use of that term, whatever its status; a message with none of them is unmatched.
//! Cited titles (`{ "..." }` literals) are left out on both sides. Only the locale's own
//! files count (a regional locale's inherited messages are its parent's).
//!
//! Built from the catalog and the compiled matchers; no I/O, no judgement.

use crate::catalog::{Catalog, FtlFile, LocaleFiles};
use crate::terminology::Status;
use crate::terminology::index::TermLookup;
use serde::Serialize;

/// The JSON schema name of [`TermUsage`].
pub const SCHEMA: &str = "medloc-terms/1";

#[derive(Debug, Clone, Serialize)]
pub struct TermUsage {
    pub schema: &'static str,
    pub locale: String,
    pub reference: String,
    /// Concepts that some reference message names, in termbase order.
    pub concepts: Vec<ConceptUsage>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConceptUsage {
    /// The concept's ID in the termbase.
    pub concept: String,
    /// Index into the termbase's concepts.
    #[serde(skip)]
    pub index: usize,
    /// The concept's first term in the reference language.
    pub reference_term: String,
    /// How many messages' references name the concept.
    pub messages: usize,
    /// The locale's terms that those messages use, in termbase order.
    pub variants: Vec<VariantUsage>,
    /// Messages whose reference names the concept and whose translation has none of the
    /// locale's terms for it.
    pub unmatched: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct VariantUsage {
    pub term: String,
    pub status: Status,
    /// Index into the terms of the concept's section for the locale.
    #[serde(skip)]
    pub index: usize,
    /// How many messages use the term.
    pub count: usize,
    /// Those messages, as `id` or `id.attribute`.
    pub messages: Vec<String>,
    /// Where, for findings.
    #[serde(skip)]
    pub uses: Vec<TermUse>,
}

/// One message using one term.
#[derive(Debug, Clone)]
pub struct TermUse {
    /// The translation file, as shown (relative to the project root).
    pub path: String,
    pub message_id: String,
    pub attribute: Option<String>,
    /// The words as written in the translation (the first occurrence).
    pub text: String,
    /// The concept's terms that the reference message uses (indices into the concept's
    /// section for the reference language).
    pub reference_terms: Vec<usize>,
}

/// The usage of `locale` (a locale of the catalog, or its reference), or `None` when the
/// catalog does not hold it or `terms` has no matcher for it.
pub fn for_locale(lookup: &TermLookup<'_>, catalog: &Catalog, locale: &str) -> Option<TermUsage> {
    let files = if locale == lookup.terms.reference_locale() {
        catalog.reference.as_ref()
    } else {
        catalog.locales.iter().find(|l| l.locale == locale)?
    };
    let pairs = files.files.iter().filter_map(|(rel, translation)| {
        Some((
            catalog.reference.files.get(rel)?.as_ref(),
            translation.as_ref(),
        ))
    });
    Some(build(lookup, locale, pairs))
}

/// The usage of one locale's files (`files`) against the reference's.
pub fn for_files(
    lookup: &TermLookup<'_>,
    reference: &LocaleFiles,
    files: &LocaleFiles,
) -> TermUsage {
    let pairs = files.files.iter().filter_map(|(rel, translation)| {
        Some((reference.files.get(rel)?.as_ref(), translation.as_ref()))
    });
    build(lookup, &files.locale, pairs)
}

/// The usage over pairs of (reference file, translation file) of one locale, with the
/// locale's term `lookup`.
pub fn build<'f>(
    lookup: &TermLookup<'_>,
    locale: &str,
    pairs: impl IntoIterator<Item = (&'f FtlFile, &'f FtlFile)>,
) -> TermUsage {
    let terms = lookup.terms;
    let termbase = &terms.termbase;
    let reference_locale = terms.reference_locale();
    // Per concept: messages naming it, uses per term index, unmatched messages.
    let mut named = vec![0usize; termbase.concepts.len()];
    let mut uses: Vec<Vec<(usize, TermUse)>> = vec![Vec::new(); termbase.concepts.len()];
    let mut unmatched: Vec<Vec<String>> = vec![Vec::new(); termbase.concepts.len()];
    let mut seen: rustc_hash::FxHashSet<(usize, usize, &str, &str, Option<&str>)> =
        rustc_hash::FxHashSet::default();
    for (reference, translation) in pairs {
        for pair in translation.pattern_pairs(reference) {
            let in_reference = lookup.reference(pair.reference);
            let wanted = in_reference.concepts();
            if wanted.is_empty() {
                continue;
            }
            // Matched without literals; the offsets slice the prose alike.
            let prose = &pair.translation.prose;
            let found = lookup.translation(pair.translation);
            for concept in wanted {
                named[concept] += 1;
                let mut reference_terms: Vec<usize> = in_reference
                    .all()
                    .filter(|m| m.term.concept == concept)
                    .map(|m| m.term.term)
                    .collect();
                reference_terms.sort_unstable();
                reference_terms.dedup();
                let mut any = false;
                for m in found.all().filter(|m| m.term.concept == concept) {
                    any = true;
                    // A term used twice in one message counts once (a set: a concept may
                    // be named in thousands of messages).
                    let first = seen.insert((
                        concept,
                        m.term.term,
                        translation.shown.as_str(),
                        pair.entry.id.as_str(),
                        pair.attribute,
                    ));
                    if first {
                        uses[concept].push((
                            m.term.term,
                            TermUse {
                                path: translation.shown.clone(),
                                message_id: pair.entry.id.clone(),
                                attribute: pair.attribute.map(str::to_owned),
                                text: prose[m.start..m.end].to_owned(),
                                reference_terms: reference_terms.clone(),
                            },
                        ));
                    }
                }
                if !any {
                    unmatched[concept].push(pair.name());
                }
            }
        }
    }
    let concepts = termbase
        .concepts
        .iter()
        .enumerate()
        .filter(|(i, _)| named[*i] > 0)
        .map(|(i, concept)| {
            let section = concept.language_or_parent(locale);
            let mut variants: Vec<VariantUsage> = Vec::new();
            for (term, used) in std::mem::take(&mut uses[i]) {
                let position = variants.iter().position(|v| v.index == term);
                let variant = match position {
                    Some(p) => &mut variants[p],
                    None => {
                        let t = section.and_then(|s| s.terms.get(term));
                        variants.push(VariantUsage {
                            term: t.map_or_else(String::new, |t| t.text.clone()),
                            status: t.map_or(Status::Admitted, |t| t.status),
                            index: term,
                            count: 0,
                            messages: Vec::new(),
                            uses: Vec::new(),
                        });
                        variants.last_mut().expect("just pushed") // cannot fail: pushed above
                    }
                };
                variant.messages.push(match &used.attribute {
                    Some(a) => format!("{}.{a}", used.message_id),
                    None => used.message_id.clone(),
                });
                variant.uses.push(used);
                variant.count += 1;
            }
            variants.sort_by_key(|v| v.index);
            ConceptUsage {
                concept: concept.id.clone(),
                index: i,
                reference_term: concept
                    .language_or_parent(&reference_locale)
                    .and_then(|s| s.terms.first())
                    .map_or_else(|| concept.id.clone(), |t| t.text.clone()),
                messages: named[i],
                variants,
                unmatched: std::mem::take(&mut unmatched[i]),
            }
        })
        .collect();
    TermUsage {
        schema: SCHEMA,
        locale: locale.to_owned(),
        reference: reference_locale,
        concepts,
    }
}
