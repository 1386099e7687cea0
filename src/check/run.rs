//! The runner: what every file of a run is checked with (`RunContext`), the rules run
//! over one file, findings merged and sorted, and the run-wide entry points.

use super::{
    CheckOptions, CheckReport, FileCheck, Finding, LengthStats, LocaleInfo, LocaleTerms, Policy,
    Scope, StreamedCheck, Terms, cache, check_streamed, rules,
};
use crate::catalog::{Catalog, FtlFile, LocaleFiles};
use crate::error::{Error, Result};
use crate::project::Project;
use crate::stale::LocaleState;
use crate::terminology::index::{ReferenceIndex, TermLookup};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

/// What every file of a run is checked with, read once.
pub(crate) struct RunContext<'a> {
    pub project: &'a Project,
    pub policy: &'a Policy,
    pub shared: &'a [String],
    pub reference_ids: &'a HashSet<String>,
    pub do_not_translate: &'a crate::text::names::Names,
    pub terms: Option<&'a Terms>,
    /// The reference's term matches, computed once for every locale.
    pub reference_index: Option<&'a ReferenceIndex>,
    /// Term matches kept across runs by text (the language server's session).
    pub text_memo: Option<&'a crate::terminology::index::TextMemo>,
    pub paths: &'a [String],
}

impl RunContext<'_> {
    /// Whether the run's path filter keeps a file.
    fn wanted(&self, rel: &Path, shown: &str) -> bool {
        self.paths.is_empty()
            || self.paths.iter().any(|p| {
                let p = p.trim_start_matches("./");
                p == shown || Path::new(p) == rel || shown.ends_with(p)
            })
    }

    /// The reference on its own (syntax, duplicates, cycles, source terms): its problems
    /// are everyone's.
    pub fn check_reference(&self, reference: &LocaleFiles) -> Vec<Finding> {
        let reference_info = LocaleInfo::new(&self.project.reference_locale)
            .with_reference(&self.project.reference_locale);
        let mut findings: Vec<Finding> = Vec::new();
        let no_shared = HashMap::new();
        // The reference's patterns were matched once for the run (the index).
        let lookup = self
            .terms
            .and_then(|t| TermLookup::new(t, &self.project.reference_locale))
            .map(|l| l.with_reference_index(self.reference_index));
        for file in reference.files.values() {
            if !self.wanted(&file.rel, &file.shown) {
                continue;
            }
            let ctx = FileCheck {
                locale: &reference_info,
                reference: None,
                translation: Some(file),
                fallback: None,
                translation_path: file.shown.clone(),
                known_ids: self.reference_ids,
                locale_ids: &Default::default(),
                shared_ids: &no_shared,
                state: None,
                do_not_translate: self.do_not_translate,
                terms: self.terms,
                term_usage: None,
                term_lookup: lookup.as_ref(),
                pairs: Default::default(),
                length_stats: None,
            };
            run_rules(&ctx, Scope::File, self.policy, &mut findings);
            run_rules(&ctx, Scope::Reference, self.policy, &mut findings);
        }
        findings
    }

    /// One locale's findings: its files against the reference's, with the locale it falls
    /// back to before the reference (`es` for `es-MX`), on files in memory (no catalog, no
    /// disk: the language server checks an edited buffer this way).
    pub fn check_locale(
        &self,
        reference: &LocaleFiles,
        locale: &LocaleFiles,
        fallback: Option<&LocaleFiles>,
        state: Option<&LocaleState>,
    ) -> Vec<Finding> {
        let info = LocaleInfo::new(&locale.locale).with_reference(&self.project.reference_locale);
        let locale_ids: rustc_hash::FxHashSet<&str> = locale
            .files
            .values()
            .flat_map(|f| f.entries.iter().map(|e| e.id.as_str()))
            .collect();
        let is_shared = |rel: &Path| self.shared.iter().any(|s| Path::new(s) == rel);
        let mut shared_ids = HashMap::new();
        for (rel, file) in &locale.files {
            if is_shared(rel) {
                for e in &file.entries {
                    shared_ids.insert(e.id.clone(), file.shown.clone());
                }
            }
        }
        // A regional locale falls back to its parent when the project has it (es-MX to es).
        let parent = fallback;
        // Locale-wide facts, from every file of the locale (whatever the path filter).
        let locale_rules = rules::RULES
            .iter()
            .any(|r| r.scope == Scope::Locale && self.policy.enabled(r.name));
        let lookup = self
            .terms
            .and_then(|t| TermLookup::new(t, &locale.locale))
            .map(|l| {
                l.with_reference_index(self.reference_index)
                    .with_text_memo(self.text_memo)
            });
        let term_usage = lookup
            .as_ref()
            .filter(|_| locale_rules)
            .map(|l| crate::terms::for_files(l, reference, locale))
            .map(LocaleTerms::new);
        // How long the locale's translations are, over all its files (whatever the filter).
        let length_stats =
            rules::RULES
                .iter()
                .any(|r| r.uses_length_stats() && self.policy.enabled(r.name))
                .then(|| {
                    LengthStats::of_files(locale.files.iter().filter_map(|(rel, t)| {
                        Some((reference.files.get(rel)?.as_ref(), t.as_ref()))
                    }))
                })
                .flatten();
        // The reference files that apply to the locale (`[[paths]] locales`), and its own.
        let mut rels: Vec<&Path> = reference
            .files
            .keys()
            .filter(|rel| locale.expects(rel))
            .map(|p| p.as_path())
            .collect();
        rels.extend(locale.files.keys().map(|p| p.as_path()));
        rels.sort();
        rels.dedup();
        let mut out = Vec::new();
        let empty = HashMap::new();
        for rel in rels {
            let shown = locale
                .shown(rel)
                .map(str::to_owned)
                .unwrap_or_else(|| self.project.display_path(rel));
            if !self.wanted(rel, &shown) {
                continue;
            }
            let ctx = FileCheck {
                locale: &info,
                reference: reference.files.get(rel).map(|f| f.as_ref()),
                translation: locale.files.get(rel).map(|f| f.as_ref()),
                fallback: parent.and_then(|p| p.files.get(rel)).map(|f| f.as_ref()),
                translation_path: shown,
                known_ids: self.reference_ids,
                locale_ids: &locale_ids,
                shared_ids: if is_shared(rel) { &empty } else { &shared_ids },
                state,
                do_not_translate: self.do_not_translate,
                terms: self.terms,
                term_usage: term_usage.as_ref(),
                term_lookup: lookup.as_ref(),
                pairs: Default::default(),
                length_stats: length_stats.as_ref(),
            };
            run_rules(&ctx, Scope::File, self.policy, &mut out);
            run_rules(&ctx, Scope::Pair, self.policy, &mut out);
            run_rules(&ctx, Scope::Locale, self.policy, &mut out);
        }
        out
    }
}

/// The IDs the reference defines.
pub(crate) fn reference_ids(reference: &LocaleFiles) -> HashSet<String> {
    reference
        .files
        .values()
        .flat_map(|f| f.entries.iter().map(|e| e.id.clone()))
        .collect()
}

/// Findings in report order (reference first, then by locale, file and position), each once.
pub(crate) fn sort_findings(project: &Project, findings: &mut Vec<Finding>) {
    let reference = project.reference_locale.as_str();
    findings.sort_by(|a, b| {
        (
            a.locale != reference,
            &a.locale,
            &a.path,
            a.line,
            a.column,
            a.rule,
            &a.attribute,
        )
            .cmp(&(
                b.locale != reference,
                &b.locale,
                &b.path,
                b.line,
                b.column,
                b.rule,
                &b.attribute,
            ))
    });
    findings.dedup();
}

/// Runs every enabled rule over the catalog. Locales in parallel; output sorted.
pub fn check(
    project: &Project,
    catalog: &Catalog,
    states: &HashMap<String, LocaleState>,
    do_not_translate: &[String],
    terms: Option<&Terms>,
    options: &CheckOptions,
) -> Result<CheckReport> {
    let policy = Policy::from_project(project)?;
    let reference_ids = reference_ids(&catalog.reference);
    let reference_index = terms.map(|t| ReferenceIndex::new(t, Arc::clone(&catalog.reference)));
    let names = crate::text::names::Names::new(do_not_translate.to_vec());
    let run = RunContext {
        project,
        policy: &policy,
        shared: &project.config.medloc.shared,
        reference_ids: &reference_ids,
        do_not_translate: &names,
        terms,
        reference_index: reference_index.as_ref(),
        text_memo: None,
        paths: &options.paths,
    };
    let in_scope = options.reference_in_scope(
        &project.reference_locale,
        catalog.reference.files.values().map(|f| f.shown.as_str()),
    );
    let mut findings = if crate::project::Shard::owns_reference(options.shard) && in_scope {
        run.check_reference(&catalog.reference)
    } else {
        Vec::new()
    };
    let per_locale: Vec<Vec<Finding>> = catalog
        .locales
        .par_iter()
        .map(|locale| {
            run.check_locale(
                &catalog.reference,
                locale,
                parent_locale(&locale.locale, catalog),
                states.get(&locale.locale),
            )
        })
        .collect();
    findings.extend(per_locale.into_iter().flatten());
    sort_findings(project, &mut findings);
    let mut problems: Vec<Error> = Vec::new();
    problems.extend(catalog.reference.unreadable.iter().cloned());
    for locale in &catalog.locales {
        problems.extend(locale.unreadable.iter().cloned());
    }
    problems.extend(catalog.problems.iter().cloned());
    Ok(CheckReport {
        reference: project.reference_locale.clone(),
        findings,
        problems,
        locales: catalog.locales.iter().map(|l| l.locale.clone()).collect(),
    })
}

/// The nearest locale of the catalog (checked or loaded for fallback) this one falls back
/// to before the reference.
pub fn parent_locale<'c>(tag: &str, catalog: &'c Catalog) -> Option<&'c LocaleFiles> {
    parent_among(tag, catalog.locales.iter().chain(&catalog.fallbacks))
}

/// The nearest of `candidates` that `tag` falls back to before the reference (`es` for
/// `es-MX`, `zh` for `zh-Hant-TW` when there is no `zh-Hant`).
pub fn parent_among<'c>(
    tag: &str,
    candidates: impl Iterator<Item = &'c LocaleFiles> + Clone,
) -> Option<&'c LocaleFiles> {
    let mut tag = tag;
    while let Some(cut) = tag.rfind('-') {
        tag = &tag[..cut];
        if let Some(found) = candidates.clone().find(|l| l.locale == tag) {
            return Some(found);
        }
    }
    None
}

pub(crate) fn run_rules(
    ctx: &FileCheck<'_>,
    scope: Scope,
    policy: &Policy,
    out: &mut Vec<Finding>,
) {
    let mut raw = Vec::new();
    for rule in rules::RULES.iter().filter(|r| r.scope == scope) {
        if scope != Scope::Pair && ctx.translation.is_none() {
            continue;
        }
        (rule.check)(ctx, &mut raw);
    }
    merge_repeats(&mut raw);
    for mut finding in raw {
        // A translator's `# medloc-ignore: RULE` exempts that message.
        let entry = finding
            .message_id
            .as_deref()
            .and_then(|id| ctx.translation.and_then(|t| t.entry(id)));
        if entry.is_some_and(|e| {
            e.ignored_rules
                .iter()
                .any(|r| r == finding.rule || r == "all")
        }) {
            continue;
        }
        if let Some(id) = finding.message_id.as_deref() {
            let text_of = |file: Option<&FtlFile>| {
                let e = file?.entry(id)?;
                match finding.attribute.as_deref() {
                    None => e.value.as_ref().map(|p| p.text.clone()),
                    Some(a) => e
                        .attributes
                        .iter()
                        .find(|x| x.name == a)
                        .map(|x| x.pattern.text.clone()),
                }
            };
            if ctx.reference.is_some() {
                finding.reference = text_of(ctx.reference);
                finding.translation = text_of(ctx.translation);
            }
        }
        if let Some(f) = policy.apply(finding) {
            out.push(f);
        }
    }
}

/// One defect, one finding: of the findings of one rule on one pattern with the same text
/// (the same name missing twice, the same tag typed twice), the first is kept.
fn merge_repeats(findings: &mut Vec<Finding>) {
    let mut seen = rustc_hash::FxHashSet::default();
    let keep: Vec<bool> = findings
        .iter()
        .map(|f| {
            f.message_id.is_none()
                || seen.insert((
                    f.rule,
                    f.message_id.as_deref(),
                    f.attribute.as_deref(),
                    f.text.as_str(),
                ))
        })
        .collect();
    let mut keep = keep.into_iter();
    findings.retain(|_| keep.next().unwrap_or(true));
}

/// Checks the project ([`check_streamed`]: from the cache where it holds the findings) and
/// loads the catalog of the run's locales, for the stages that need both (coverage, render,
/// build).
pub fn check_project(
    project: &Project,
    options: &CheckOptions,
    cache: Option<&cache::Cache>,
) -> Result<(StreamedCheck, Catalog)> {
    let run = check_streamed(project, options, cache)?;
    let catalog = Catalog::load(project, &run.report.locales)?;
    Ok((run, catalog))
}

/// The stale-tracking states (the state files, and what git history says) and the
/// termbase. What cannot be loaded is added to `problems` and left out; the check goes on.
/// What history cannot tell is added to `notes`.
pub(crate) fn load_side_inputs(
    project: &Project,
    problems: &mut Vec<Error>,
    notes: &mut Vec<String>,
    cache: Option<&std::path::Path>,
) -> (HashMap<String, LocaleState>, crate::terminology::Termbase) {
    let mut states: HashMap<String, LocaleState> =
        match crate::stale::load_states(project, &project.locales) {
            Ok(s) => s.into_iter().collect(),
            Err(e) => {
                problems.push(e);
                HashMap::new()
            }
        };
    let (history, history_notes) = crate::stale::history_states(project, &project.locales, cache);
    notes.extend(history_notes);
    for (locale, from_git) in history {
        match states.get_mut(&locale) {
            Some(state) => state.history = from_git.history,
            None => {
                states.insert(locale, from_git);
            }
        }
    }
    let termbase = match crate::terminology::Termbase::load_project(project) {
        Ok(tb) => tb,
        Err(e) => {
            problems.push(e);
            crate::terminology::Termbase::default()
        }
    };
    (states, termbase)
}
