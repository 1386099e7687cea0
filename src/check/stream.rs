//! `medloc check` one locale at a time, with the incremental cache.
//!
//! The reference is read once. Each locale (with the locale it falls back to) is read,
//! hashed and, unless the cache holds findings for exactly those inputs, parsed and checked,
//! then dropped: memory holds the reference and the locales being worked on, not the whole
//! project, so it stays flat as locales are added. Only the texts of files that findings
//! point into are kept, for the snippets of the text report.

use super::cache::{Cache, KeyBuilder, Lookup};
use super::{
    CheckOptions, CheckReport, Finding, Policy, RunContext, Terms, do_not_translate_names,
    load_side_inputs, reference_ids, sort_findings,
};
use crate::catalog::{
    Catalog, LocaleFiles, LocaleTexts, WorkingTree, read_project_locale, read_reference,
};
use crate::error::{Error, Result};
use crate::project::{Project, Shard};
use crate::terminology::index::ReferenceIndex;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// A streamed check's result.
#[derive(Debug, Default)]
pub struct StreamedCheck {
    pub report: CheckReport,
    /// The text of every file a finding points into, by its path as shown.
    pub sources: BTreeMap<String, String>,
    /// Units (`reference`, then locales) whose findings came from the cache.
    pub reused: Vec<String>,
    /// Units parsed and checked in this run.
    pub checked: Vec<String>,
    /// Cache entries that could not be read or written; the run did without them.
    pub warnings: Vec<String>,
}

/// What phase one found for a locale: its cache key (`None`: not cacheable, a file was
/// unreadable) and, on a hit, its findings with the texts they point into.
enum Looked {
    Hit {
        findings: Vec<Finding>,
        sources: Vec<(String, String)>,
    },
    Miss,
    /// An entry that cannot be used: checked in full, with this warning.
    Unusable(String),
    Failed(Error),
}

/// Checks the project's selected locales one at a time; with `cache`, reuses the findings of
/// every unit whose inputs are unchanged since it was stored.
pub fn check_streamed(
    project: &Project,
    options: &CheckOptions,
    cache: Option<&Cache>,
) -> Result<StreamedCheck> {
    let policy = Policy::from_project(project)?;
    let (locales, mut problems) = project.select_locales(&options.locales, options.shard);
    let (states, termbase) = load_side_inputs(project, &mut problems);
    let do_not_translate = do_not_translate_names(&termbase);
    let reference_texts = read_reference(project, &WorkingTree)?;
    let base = base_key(project, options, &reference_texts);
    let cache = cache.filter(|_| base.is_some());
    let mut out = StreamedCheck::default();
    let unusable = |warning: String| format!("{warning}; checking without it");

    // Phase one: which units the cache answers.
    let owns_reference = Shard::owns_reference(options.shard);
    let reference_key = base.clone().map(|mut k| {
        k.part(b"reference");
        k.finish()
    });
    let mut reference_findings = None;
    if let (true, Some(cache), Some(key)) = (owns_reference, cache, &reference_key) {
        match cache.get("reference", key) {
            Lookup::Hit(findings) => {
                out.sources.extend(sources_of(&findings, &reference_texts));
                out.reused.push("reference".to_owned());
                reference_findings = Some(findings);
            }
            Lookup::Miss => {}
            Lookup::Unusable(w) => out.warnings.push(unusable(w)),
        }
    }
    let looked: Vec<Looked> = locales
        .par_iter()
        .map(|tag| {
            let Some(cache) = cache else {
                return Looked::Miss;
            };
            let texts = match read_with_parent(project, tag) {
                Ok(t) => t,
                Err(e) => return Looked::Failed(e),
            };
            let Some(key) = locale_key(base.as_ref(), &states, &texts) else {
                return Looked::Miss;
            };
            match cache.get(&unit(tag), &key) {
                Lookup::Hit(findings) => {
                    let sources = sources_of(&findings, &texts.0);
                    Looked::Hit { findings, sources }
                }
                Lookup::Miss => Looked::Miss,
                Lookup::Unusable(w) => Looked::Unusable(unusable(w)),
            }
        })
        .collect();

    let mut findings: Vec<Finding> = Vec::new();
    let mut missed: Vec<&String> = Vec::new();
    for (tag, looked) in locales.iter().zip(looked) {
        match looked {
            Looked::Hit {
                findings: mine,
                sources,
            } => {
                findings.extend(mine);
                out.sources.extend(sources);
                out.reused.push(tag.clone());
            }
            Looked::Miss => missed.push(tag),
            Looked::Unusable(w) => {
                out.warnings.push(w);
                missed.push(tag);
            }
            Looked::Failed(e) => problems.push(e),
        }
    }

    // Phase two: parse and check what the cache did not answer.
    let reference_missed = owns_reference && reference_findings.is_none();
    if reference_missed || !missed.is_empty() {
        let reference = reference_texts.parse_reference()?;
        problems.extend(
            reference
                .unreadable
                .iter()
                .map(|e| Error::Usage(e.to_string())),
        );
        let ids = reference_ids(&reference);
        let missed_tags: Vec<String> = missed.iter().map(|t| (*t).clone()).collect();
        let terms = (!termbase.concepts.is_empty())
            .then(|| Terms::new(termbase, &project.reference_locale, &missed_tags));
        let reference_index = terms.as_ref().map(|t| ReferenceIndex::new(t, &reference));
        let run = RunContext {
            project,
            policy: &policy,
            shared: &project.config.medloc.shared,
            reference_ids: &ids,
            do_not_translate: &do_not_translate,
            terms: terms.as_ref(),
            reference_index: reference_index.as_ref(),
            paths: &options.paths,
        };
        // The reference's own findings alongside the locales (not before them: on two
        // threads it would leave one idle).
        let check_reference = || reference_missed.then(|| run.check_reference(&reference));
        let check_locales = || -> Vec<Result<Checked>> {
            missed
                .par_iter()
                .map(|tag| {
                    let texts = read_with_parent(project, tag)?;
                    let key = locale_key(base.as_ref(), &states, &texts);
                    let (texts, parent) = texts;
                    let catalog = Catalog {
                        reference: Arc::clone(&reference),
                        locales: vec![texts.parse()],
                        fallbacks: parent.map(LocaleTexts::parse).into_iter().collect(),
                        problems: Vec::new(),
                    };
                    let locale = &catalog.locales[0];
                    let findings = run.check_locale(&catalog, locale, states.get(tag.as_str()));
                    let warning = match (cache, &key) {
                        (Some(cache), Some(key)) => cache.put(&unit(tag), key, &findings).err(),
                        _ => None,
                    };
                    let sources = file_sources(&findings, locale);
                    let unreadable = locale
                        .unreadable
                        .iter()
                        .map(|e| Error::Usage(e.to_string()))
                        .collect();
                    Ok(Checked {
                        findings,
                        sources,
                        warning,
                        unreadable,
                    })
                })
                .collect()
        };
        let (reference_findings_now, results) = rayon::join(check_reference, check_locales);
        if let Some(mine) = reference_findings_now {
            if let (Some(cache), Some(key)) = (cache, &reference_key)
                && let Err(w) = cache.put("reference", key, &mine)
            {
                out.warnings.push(w);
            }
            out.checked.push("reference".to_owned());
            out.sources.extend(file_sources(&mine, &reference));
            findings.extend(mine);
        }
        for (tag, result) in missed.iter().zip(results) {
            match result {
                Ok(checked) => {
                    findings.extend(checked.findings);
                    out.sources.extend(checked.sources);
                    out.warnings.extend(checked.warning);
                    problems.extend(checked.unreadable);
                    out.checked.push((*tag).clone());
                }
                Err(e) => problems.push(e),
            }
        }
    }
    findings.extend(reference_findings.into_iter().flatten());
    sort_findings(project, &mut findings);
    out.report = CheckReport {
        reference: project.reference_locale.clone(),
        findings,
        problems,
        locales,
    };
    Ok(out)
}

/// What phase two found for a locale.
struct Checked {
    findings: Vec<Finding>,
    sources: Vec<(String, String)>,
    warning: Option<String>,
    unreadable: Vec<Error>,
}

/// The cache's name for a locale's entry.
fn unit(tag: &str) -> String {
    format!("locale-{tag}")
}

/// A locale's texts and those of the locale it falls back to.
fn read_with_parent(project: &Project, tag: &str) -> Result<(LocaleTexts, Option<LocaleTexts>)> {
    let texts = read_project_locale(project, tag, &WorkingTree)?;
    let parent = project
        .parent_locale(tag)
        .and_then(|p| read_project_locale(project, p, &WorkingTree).ok());
    Ok((texts, parent))
}

/// The key of what every unit depends on: this build, the project file, the termbases, the
/// path filter and the reference's files. `None` when a reference file cannot be read (no
/// unit is cached then).
fn base_key(
    project: &Project,
    options: &CheckOptions,
    reference: &LocaleTexts,
) -> Option<KeyBuilder> {
    let mut key = KeyBuilder::new();
    let read = |path: &std::path::Path| std::fs::read(path).unwrap_or_default();
    match &project.config_path {
        Some(path) => key.part(&read(path)),
        None => key.part(b""),
    };
    for rel in &project.config.medloc.termbase {
        key.part(rel.as_bytes());
        key.part(&read(&project.root.join(rel)));
    }
    key.part(options.paths.join("\n").as_bytes());
    add_texts(&mut key, reference)?;
    Some(key)
}

/// The key of a locale: the base, its stale-tracking state, its files and its parent's.
fn locale_key(
    base: Option<&KeyBuilder>,
    states: &HashMap<String, crate::stale::LocaleState>,
    (texts, parent): &(LocaleTexts, Option<LocaleTexts>),
) -> Option<String> {
    let mut key = base?.clone();
    key.part(texts.locale.as_bytes());
    let state = states
        .get(&texts.locale)
        .and_then(|s| serde_json::to_vec(s).ok())
        .unwrap_or_default();
    key.part(&state);
    add_texts(&mut key, texts)?;
    if let Some(parent) = parent {
        key.part(parent.locale.as_bytes());
        add_texts(&mut key, parent)?;
    }
    Some(key.finish())
}

/// Adds each file's path and text; `None` when one could not be read.
fn add_texts(key: &mut KeyBuilder, texts: &LocaleTexts) -> Option<()> {
    key.part(texts.locale.as_bytes());
    key.part(&(texts.files.len() as u64).to_le_bytes());
    for (_, shown, text) in &texts.files {
        key.part(shown.as_bytes());
        key.part(text.as_ref().ok()?.as_bytes());
    }
    Some(())
}

/// The texts of the parsed files `findings` point into.
fn file_sources(findings: &[Finding], files: &LocaleFiles) -> Vec<(String, String)> {
    let wanted: BTreeSet<&str> = findings.iter().map(|f| f.path.as_str()).collect();
    files
        .files
        .values()
        .filter(|f| wanted.contains(f.shown.as_str()))
        .map(|f| (f.shown.clone(), f.text().to_owned()))
        .collect()
}

/// The texts of the files `findings` point into.
fn sources_of(findings: &[Finding], texts: &LocaleTexts) -> Vec<(String, String)> {
    let wanted: BTreeSet<&str> = findings.iter().map(|f| f.path.as_str()).collect();
    texts
        .files
        .iter()
        .filter(|(_, shown, _)| wanted.contains(shown.as_str()))
        .filter_map(|(_, shown, text)| Some((shown.clone(), text.as_ref().ok()?.clone())))
        .collect()
}
