//! The rule registry: a plain list. Adding a rule is one file here, one line below, and a
//! fixture directory `tests/fixtures/rules/<rule-name>/` (reference.ftl, bad.ftl ending in a
//! `# Should emit: LINE, ...` comment naming the lines it must trigger, good.ftl;
//! optionally locale.txt, termbase.tbx, dnt.txt, state.json, shared.ftl, fallback.ftl, and
//! for a locale-wide rule sibling.ftl with sibling-reference.ftl, another file of the locale).

use super::Rule;

mod cyclic_reference;
mod disallowed_markup;
mod do_not_translate;
mod duplicate_attribute;
mod duplicate_id;
mod duplicate_variant;
mod empty_translation;
mod invisible_control;
mod length_outlier;
mod markup_mismatch;
mod missing_attribute;
mod missing_message;
mod missing_value;
mod missing_variable;
mod mojibake;
mod number_mismatch;
mod obsolete_attribute;
mod obsolete_message;
mod plural_categories;
mod punctuation_mismatch;
mod reference_mismatch;
mod sentence_count_mismatch;
mod source_term_style;
mod stale_translation;
mod syntax_error;
mod term_forbidden;
mod term_inconsistent;

pub use term_inconsistent::Inconsistencies;
mod term_missing;
mod unknown_reference;
mod unknown_variable;
mod untranslated;
mod untranslated_sentence;
mod url_mismatch;
mod whitespace;
mod wrong_script;

/// Every rule, in the order `medloc rules` lists them.
pub static RULES: &[&Rule] = &[
    &syntax_error::RULE,
    &duplicate_id::RULE,
    &missing_message::RULE,
    &obsolete_message::RULE,
    &missing_attribute::RULE,
    &obsolete_attribute::RULE,
    &missing_value::RULE,
    &duplicate_attribute::RULE,
    &duplicate_variant::RULE,
    &unknown_variable::RULE,
    &missing_variable::RULE,
    &unknown_reference::RULE,
    &reference_mismatch::RULE,
    &cyclic_reference::RULE,
    &empty_translation::RULE,
    &untranslated::RULE,
    &untranslated_sentence::RULE,
    &stale_translation::RULE,
    &markup_mismatch::RULE,
    &disallowed_markup::RULE,
    &number_mismatch::RULE,
    &url_mismatch::RULE,
    &sentence_count_mismatch::RULE,
    &length_outlier::RULE,
    &invisible_control::RULE,
    &mojibake::RULE,
    &wrong_script::RULE,
    &plural_categories::RULE,
    &whitespace::RULE,
    &punctuation_mismatch::RULE,
    &term_missing::RULE,
    &term_forbidden::RULE,
    &term_inconsistent::RULE,
    &source_term_style::RULE,
    &do_not_translate::RULE,
];

include!(concat!(env!("OUT_DIR"), "/rule_docs.rs"));

pub fn find(name: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.name == name)
}

/// The rule's documentation: the `//!` comment of its file, extracted by build.rs.
pub fn doc(name: &str) -> Option<&'static str> {
    RULE_DOCS.iter().find(|(n, _)| *n == name).map(|(_, d)| *d)
}

/// The standard test of a rule: its bad fixture triggers it (snapshot of the findings), its
/// good fixture does not.
#[cfg(test)]
macro_rules! fixture_test {
    ($rule:expr) => {
        #[test]
        fn fixture_triggers_and_clean_fixture_passes() {
            use crate::check::rules::fixture;
            let bad = fixture::findings(&$rule, "bad.ftl");
            assert!(!bad.is_empty(), "{}: bad.ftl triggers nothing", $rule.name);
            insta::assert_snapshot!($rule.name, fixture::describe(&bad));
            let good = fixture::findings(&$rule, "good.ftl");
            assert!(
                good.is_empty(),
                "{}: good.ftl triggers:\n{}",
                $rule.name,
                fixture::describe(&good)
            );
        }
    };
}
#[cfg(test)]
pub(crate) use fixture_test;

#[cfg(test)]
pub(crate) mod fixture {
    //! Runs one rule over its fixture directory.

    use crate::catalog::FtlFile;
    use crate::check::{FileCheck, Finding, LocaleInfo, Rule, Scope};
    use crate::stale::LocaleState;
    use std::collections::{HashMap, HashSet};
    use std::path::PathBuf;

    fn dir(rule: &Rule) -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/rules")
            .join(rule.name)
    }

    fn read(rule: &Rule, name: &str) -> Option<String> {
        std::fs::read_to_string(dir(rule).join(name)).ok()
    }

    fn file(rule: &Rule, name: &str) -> Option<FtlFile> {
        read(rule, name).map(|t| FtlFile::parse(name.into(), format!("{}/{name}", rule.name), t))
    }

    /// The rule's findings on `bad.ftl` or `good.ftl` against `reference.ftl`.
    pub fn findings(rule: &Rule, which: &str) -> Vec<Finding> {
        findings_in(rule, which, false)
    }

    /// The rule's findings on `reference.ftl` checked on its own, as the reference locale
    /// (`en-US`) is: the source findings of a `Scope::File` or `Scope::Reference` rule.
    pub fn reference_findings(rule: &Rule) -> Vec<Finding> {
        findings_in(rule, "reference.ftl", true)
    }

    fn findings_in(rule: &Rule, which: &str, alone: bool) -> Vec<Finding> {
        let locale = match alone {
            true => "en-US".to_owned(),
            false => read(rule, "locale.txt").unwrap_or_else(|| "es".to_owned()),
        };
        let info = LocaleInfo::new(locale.trim()).with_reference("en-US");
        let reference = file(rule, "reference.ftl").filter(|_| !alone);
        let translation = file(rule, which);
        let shared = file(rule, "shared.ftl");
        let fallback = file(rule, "fallback.ftl");
        let mut known: HashSet<String> = HashSet::new();
        for f in [&reference, &translation].into_iter().flatten() {
            known.extend(f.entries.iter().map(|e| e.id.clone()));
        }
        let shared_ids: HashMap<String, String> = shared
            .iter()
            .flat_map(|f| f.entries.iter().map(|e| (e.id.clone(), f.shown.clone())))
            .collect();
        let state: Option<LocaleState> = read(rule, "state.json")
            // cannot fail: a checked-in fixture; were it broken, failing the test is right.
            .map(|t| serde_json::from_str(&t).expect("fixture state parses"));
        let terms = read(rule, "termbase.tbx").map(|t| {
            // cannot fail: a checked-in fixture; were it broken, failing the test is right.
            let tb = crate::terminology::Termbase::parse("termbase.tbx".as_ref(), &t)
                .expect("fixture termbase parses");
            crate::check::Terms::new(tb, "en-US", &[locale.trim().to_owned()])
        });
        // A locale-wide rule sees the locale as this file plus, when the fixture has one,
        // `sibling.ftl` (another file of the locale, translating `sibling-reference.ftl`).
        let sibling = file(rule, "sibling.ftl");
        let sibling_reference = file(rule, "sibling-reference.ftl");
        let lookup = terms
            .as_ref()
            .and_then(|t| crate::terminology::index::TermLookup::new(t, locale.trim()));
        let term_usage = match (&lookup, rule.scope) {
            (Some(lookup), Scope::Locale) => {
                let pairs = [(&reference, &translation), (&sibling_reference, &sibling)]
                    .into_iter()
                    .filter_map(|(r, t)| Some((r.as_ref()?, t.as_ref()?)));
                Some(crate::check::LocaleTerms::new(crate::terms::build(
                    lookup,
                    locale.trim(),
                    pairs,
                )))
            }
            _ => None,
        };
        let length_stats = crate::check::LengthStats::of_files(
            [(&reference, &translation), (&sibling_reference, &sibling)]
                .into_iter()
                .filter_map(|(r, t)| Some((r.as_ref()?, t.as_ref()?))),
        );
        let dnt: Vec<String> = read(rule, "dnt.txt")
            .map(|t| t.lines().map(str::to_owned).collect())
            .unwrap_or_default();
        let ctx = FileCheck {
            locale: &info,
            reference: if rule.scope != Scope::Pair && reference.is_none() {
                None
            } else {
                reference.as_ref()
            },
            translation: translation.as_ref(),
            fallback: fallback.as_ref(),
            translation_path: which.to_owned(),
            known_ids: &known,
            locale_ids: &Default::default(),
            shared_ids: &shared_ids,
            state: state.as_ref(),
            do_not_translate: &crate::text::names::Names::new(dnt),
            terms: terms.as_ref(),
            term_usage: term_usage.as_ref(),
            term_lookup: lookup.as_ref(),
            pairs: Default::default(),
            length_stats: length_stats.as_ref(),
        };
        let mut out = Vec::new();
        (rule.check)(&ctx, &mut out);
        assert!(out.iter().all(|f| f.rule == rule.name));
        out
    }

    /// The text each finding points at in the fixture file `which`.
    pub fn spanned(rule: &Rule, which: &str, findings: &[Finding]) -> Vec<String> {
        let text = read(rule, which).unwrap_or_default();
        findings
            .iter()
            .map(|f| text.get(f.span.clone()).unwrap_or("").to_owned())
            .collect()
    }

    /// The text each finding points at in the fixture's `reference.ftl` (empty for none).
    pub fn reference_spanned(rule: &Rule, findings: &[Finding]) -> Vec<String> {
        let text = read(rule, "reference.ftl").unwrap_or_default();
        findings
            .iter()
            .map(|f| {
                f.reference_span
                    .as_ref()
                    .and_then(|(_, span)| text.get(span.clone()))
                    .unwrap_or("")
                    .to_owned()
            })
            .collect()
    }

    /// One line per finding, for snapshots.
    pub fn describe(findings: &[Finding]) -> String {
        findings
            .iter()
            .map(|f| {
                format!(
                    "{}:{} {}{} {}",
                    f.line,
                    f.column,
                    f.message_id.as_deref().unwrap_or("-"),
                    f.attribute
                        .as_deref()
                        .map(|a| format!(".{a}"))
                        .unwrap_or_default(),
                    f.text
                )
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The registry's own contract: every rule is documented, and every `bad.ftl` fixture says
/// which lines it must trigger (ruff's "Should emit" header; here the file's last comment,
/// `# Should emit: 2, 3`, so the lines it names stay where the snapshots show them).
#[cfg(test)]
mod contract {
    use super::{RULES, doc, fixture};

    /// The lines a `bad.ftl` declares, from its `# Should emit:` comment.
    fn declared(rule: &str) -> Option<Vec<usize>> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/rules")
            .join(rule)
            .join("bad.ftl");
        let text = std::fs::read_to_string(path).ok()?;
        let line = text
            .lines()
            .rev()
            .find_map(|l| l.strip_prefix("# Should emit:"))?;
        line.split(',')
            .map(|n| n.trim().parse().ok())
            .collect::<Option<Vec<usize>>>()
    }

    #[test]
    fn every_rule_has_a_doc_with_an_example() {
        for rule in RULES {
            let text = doc(rule.name).unwrap_or_default();
            assert!(
                text.len() > 200,
                "{}: its file's //! documentation is missing or too short for `medloc rules`",
                rule.name
            );
            assert!(
                !rule.summary.is_empty(),
                "{}: the registry entry has no summary",
                rule.name
            );
        }
    }

    #[test]
    fn every_bad_fixture_triggers_exactly_the_lines_it_declares() {
        let mut wrong = Vec::new();
        for rule in RULES {
            let Some(expected) = declared(rule.name) else {
                wrong.push(format!(
                    "{}: bad.ftl has no `# Should emit: LINE, ...` comment",
                    rule.name
                ));
                continue;
            };
            let mut lines: Vec<usize> = fixture::findings(rule, "bad.ftl")
                .iter()
                .map(|f| f.line)
                .collect();
            lines.sort_unstable();
            lines.dedup();
            if lines != expected {
                wrong.push(format!(
                    "{}: bad.ftl declares lines {expected:?}, the rule reports {lines:?}",
                    rule.name
                ));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}
