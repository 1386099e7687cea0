//! `medloc check` one locale at a time, with the incremental cache, handing each locale's
//! findings on as soon as they are final.
//!
//! The reference is read once. Each locale (with the locale it falls back to) is read and
//! hashed; unless the cache holds findings for exactly those inputs, it is parsed, checked,
//! and dropped. Locales are worked on a few at a time (two per thread), in report order, and
//! each unit's findings go to the caller's `digest` (on the worker thread: formatting runs in
//! parallel) and then, in order, to its `sink` (which can print them): memory holds the
//! reference and the locales in flight, not the whole project or all its findings, so it
//! stays flat as locales are added.

use super::cache::{Cache, KeyBuilder, Lookup, Probe};
use super::keys::{base_key, locale_key};
use super::order::in_order;
use super::{
    CheckOptions, CheckReport, Finding, Policy, RunContext, Terms, load_side_inputs, reference_ids,
    sort_findings,
};
use crate::catalog::{
    LocaleBytes, LocaleFiles, LocaleTexts, WorkingTree, read_project_locale,
    read_project_locale_bytes, read_reference,
};
use crate::error::{Error, Result};
use crate::project::{Project, Shard};
use crate::stale::LocaleState;
use crate::terminology::index::ReferenceIndex;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::{Arc, OnceLock};

/// What one unit of a run found: the reference's own files, or one locale.
#[derive(Debug)]
pub struct Unit {
    /// `reference`, or the locale's tag.
    pub name: String,
    /// In report order.
    pub findings: Vec<Finding>,
    /// The texts of the files the findings point into (when the run was asked for them).
    pub sources: Vec<(String, String)>,
    /// A checked locale's parsed files and its fallback locale's, for a caller that needs
    /// them too (coverage): `None` for the reference and for a unit from the cache.
    pub files: Option<Box<(LocaleFiles, Option<LocaleFiles>)>>,
    /// The locale's directory as shown, when it does not exist yet (nobody has started
    /// the locale: every message is missing, which text output says in one line).
    pub absent_dir: Option<String>,
}

/// What a run did besides its findings.
#[derive(Debug, Default)]
pub struct RunSummary {
    pub reference: String,
    /// The locales checked, in the project's order.
    pub locales: Vec<String>,
    /// Locales or files that could not be checked at all.
    pub problems: Vec<Error>,
    /// Units whose findings came from the cache.
    pub reused: Vec<String>,
    /// Units parsed and checked in this run.
    pub checked: Vec<String>,
    /// Cache entries that could not be read or written; the run did without them.
    pub warnings: Vec<String>,
    /// What the run did not check and why, said once (locales the termbase has no terms
    /// for).
    pub notes: Vec<String>,
}

/// Refuses a reference locale the termbase has no terms for (every terminology rule would
/// silently find nothing), and notes the locales of the run it has none for.
fn termbase_coverage(
    project: &Project,
    termbase: &crate::terminology::Termbase,
    locales: &[String],
) -> Result<Vec<String>> {
    if termbase.concepts.is_empty() {
        return Ok(Vec::new());
    }
    if !termbase.covers(&project.reference_locale) {
        return Err(Error::Config {
            path: project
                .config_path
                .clone()
                .unwrap_or_else(|| crate::project::CONFIG_FILE.into()),
            line: project.reference_line,
            message: format!(
                "the reference locale {} has no terms in the termbase ({}), so no terminology rule could run; set [medloc] reference to the termbase's source language or add {} terms to the termbase",
                project.reference_locale,
                termbase.languages().join(", "),
                project.reference_locale
            ),
        });
    }
    let uncovered: Vec<&str> = locales
        .iter()
        .filter(|l| !termbase.covers(l))
        .map(String::as_str)
        .collect();
    Ok(if uncovered.is_empty() {
        Vec::new()
    } else {
        vec![format!(
            "the termbase has no terms for {}: no terminology checks there (add their terms to the termbase)",
            uncovered.join(", ")
        )]
    })
}

/// How a streamed run goes: with or without a cache; with or without the texts of the files
/// findings point into (only the text report shows them).
#[derive(Clone, Copy, Default)]
pub struct Stream<'a> {
    pub cache: Option<&'a Cache>,
    pub sources: bool,
}

/// A streamed check collected whole (for coverage, render and tests).
#[derive(Debug, Default)]
pub struct StreamedCheck {
    pub report: CheckReport,
    /// The text of every file a finding points into, by its path as shown.
    pub sources: BTreeMap<String, String>,
    pub reused: Vec<String>,
    pub checked: Vec<String>,
    pub warnings: Vec<String>,
    /// As [`RunSummary::notes`].
    pub notes: Vec<String>,
}

/// [`check_each`], collected into one report (with sources).
pub fn check_streamed(
    project: &Project,
    options: &CheckOptions,
    cache: Option<&Cache>,
) -> Result<StreamedCheck> {
    let mut findings = Vec::new();
    let mut sources = BTreeMap::new();
    let stream = Stream {
        cache,
        sources: true,
    };
    let summary = check_each(project, options, stream, &|unit| unit, &mut |unit: Unit| {
        findings.extend(unit.findings);
        sources.extend(unit.sources);
    })?;
    Ok(StreamedCheck {
        report: CheckReport {
            reference: summary.reference,
            findings,
            problems: summary.problems,
            locales: summary.locales,
        },
        sources,
        reused: summary.reused,
        notes: summary.notes,
        checked: summary.checked,
        warnings: summary.warnings,
    })
}

/// What the rules need besides a locale's own files, prepared once, and only when some unit
/// is not answered by the cache.
struct Checker {
    reference: Arc<LocaleFiles>,
    ids: HashSet<String>,
    terms: Option<Terms>,
    index: Option<ReferenceIndex>,
}

impl Checker {
    fn new(
        texts: &LocaleTexts,
        termbase: &crate::terminology::Termbase,
        project: &Project,
        locales: &[String],
    ) -> Result<Checker> {
        let copy = LocaleTexts {
            locale: texts.locale.clone(),
            paths: texts.paths.clone(),
            problems: Vec::new(),
            absent_dir: None,
            files: texts
                .files
                .iter()
                .map(|(rel, shown, text)| {
                    let text = match text {
                        Ok(t) => Ok(t.clone()),
                        Err(e) => Err(e.clone()),
                    };
                    (rel.clone(), shown.clone(), text)
                })
                .collect(),
        };
        let reference = copy.parse_reference()?;
        let terms = (!termbase.concepts.is_empty())
            .then(|| Terms::new(termbase.clone(), &project.reference_locale, locales));
        let index = terms
            .as_ref()
            .map(|t| ReferenceIndex::new(t, Arc::clone(&reference)));
        Ok(Checker {
            ids: reference_ids(&reference),
            reference,
            terms,
            index,
        })
    }
}

/// Where a unit's findings come from, as the first pass found.
enum Plan {
    /// The cache has an entry for these inputs.
    Cached {
        key: String,
    },
    /// Check it (and store the findings under the key, when there is one).
    Check {
        key: Option<String>,
        warning: Option<String>,
    },
    Failed(Error),
}

/// Checks the project's selected locales, a few at a time in report order (the reference's
/// own findings first, then the locales by tag), passing each unit through `digest` on a
/// worker thread and then, in that order, to `sink`.
pub fn check_each<T: Send>(
    project: &Project,
    options: &CheckOptions,
    stream: Stream<'_>,
    digest: &(dyn Fn(Unit) -> T + Sync),
    sink: &mut dyn FnMut(T),
) -> Result<RunSummary> {
    let policy = Policy::from_project(project)?;
    // `--locale en-US` (the reference) selects no translation.
    let (named, only_reference) = options.translation_locales(project);
    let (locales, mut problems) = if only_reference {
        (Vec::new(), Vec::new())
    } else {
        project.select_locales(&named, options.shard)
    };
    let mut history_notes = Vec::new();
    let (states, termbase) = load_side_inputs(
        project,
        &mut problems,
        &mut history_notes,
        stream.cache.map(|c| c.dir()),
    );
    let mut notes = termbase_coverage(project, &termbase, &locales)?;
    notes.extend(history_notes);
    let do_not_translate = crate::text::names::Names::new(termbase.do_not_translate_names());
    let reference_texts = read_reference(project, &WorkingTree)?;
    // Keys only matter to a cache: without one, nothing is hashed.
    let base = stream
        .cache
        .and_then(|_| base_key(project, options, &reference_texts));
    let cache = stream.cache.filter(|_| base.is_some());
    let mut summary = RunSummary {
        reference: project.reference_locale.clone(),
        locales: locales.clone(),
        problems,
        notes,
        ..RunSummary::default()
    };
    let unusable = |warning: String| format!("{warning}; checking without it");

    // First pass, over every unit at once: keys and cache headers only.
    let owns_reference = Shard::owns_reference(options.shard)
        && options.reference_in_scope(
            &project.reference_locale,
            reference_texts
                .files
                .iter()
                .map(|(_, shown, _)| shown.as_str()),
        );
    let reference_plan = owns_reference.then(|| {
        let key = base.clone().map(|mut k| {
            k.part(b"reference");
            k.finish()
        });
        plan(cache, "reference", key, &unusable)
    });
    let mut sorted: Vec<&String> = locales.iter().collect();
    sorted.sort();
    let plans = locale_plans(project, cache, base.as_ref(), &states, &sorted, &unusable);

    // The checker, built now if the cache does not answer everything, or later should a
    // cached entry turn out unreadable.
    let to_check: Vec<String> = sorted
        .iter()
        .zip(&plans)
        .filter(|(_, p)| matches!(p, Plan::Check { .. }))
        .map(|(t, _)| (*t).clone())
        .collect();
    let checker: OnceLock<Result<Checker>> = OnceLock::new();
    if !to_check.is_empty() || matches!(reference_plan, Some(Plan::Check { .. })) {
        let built = Checker::new(&reference_texts, &termbase, project, &locales)?;
        let _ = checker.set(Ok(built));
    }
    let get_checker = || {
        checker
            .get_or_init(|| Checker::new(&reference_texts, &termbase, project, &locales))
            .as_ref()
            .map_err(Error::clone)
    };
    let work = Work {
        project,
        policy: &policy,
        do_not_translate: &do_not_translate,
        paths: &options.paths,
        cache,
        states: &states,
        base: base.as_ref(),
        sources: stream.sources,
        reference_texts: &reference_texts,
        get_checker: &get_checker,
    };

    // Second pass: the units in order, a few in flight at a time; each handed on once final.
    let mut units: Vec<(String, Plan)> = Vec::new();
    if let Some(p) = reference_plan {
        units.push(("reference".to_owned(), p));
    }
    units.extend(sorted.iter().map(|t| (*t).clone()).zip(plans));
    let mut emit = |name: String, done: Done<T>| {
        summary.warnings.extend(done.warnings);
        summary.problems.extend(done.problems);
        if let Some(output) = done.output {
            if done.reused {
                summary.reused.push(name);
            } else {
                summary.checked.push(name);
            }
            sink(output);
        }
    };
    run_in_order(units, &work, digest, &mut emit);
    Ok(summary)
}

/// The first pass over the locales: each one's cache key and whether the cache answers it.
/// Without a cache there is nothing to key: the second pass reads each locale once.
fn locale_plans(
    project: &Project,
    cache: Option<&Cache>,
    base: Option<&KeyBuilder>,
    states: &HashMap<String, LocaleState>,
    sorted: &[&String],
    unusable: &(dyn Fn(String) -> String + Sync),
) -> Vec<Plan> {
    sorted
        .par_iter()
        .map(|tag| {
            if cache.is_none() {
                return Plan::Check {
                    key: None,
                    warning: None,
                };
            }
            // Bytes only: a cached unit's files need no decoding.
            match bytes_with_parent(project, tag) {
                Ok(bytes) => {
                    let key = locale_key(base, states, &bytes);
                    plan(cache, &unit(tag), key, unusable)
                }
                Err(e) => Plan::Failed(e),
            }
        })
        .collect()
}

/// The second pass: the units in order, a few in flight at a time, each handed to `emit`
/// once final.
fn run_in_order<T: Send>(
    units: Vec<(String, Plan)>,
    work: &Work<'_>,
    digest: &(dyn Fn(Unit) -> T + Sync),
    emit: &mut dyn FnMut(String, Done<T>),
) {
    let window = 2 * rayon::current_num_threads().max(1);
    if rayon::current_thread_index().is_none() {
        in_order(
            units,
            window,
            &|(name, plan)| {
                let done = work.run(&name, plan, digest);
                (name, done)
            },
            &mut |(name, done)| emit(name, done),
        );
    } else {
        // On a pool thread (a library caller inside `install`), waiting for results would
        // hold a worker: batches instead.
        let mut units = units.into_iter().peekable();
        while units.peek().is_some() {
            let batch: Vec<(String, Plan)> = units.by_ref().take(window).collect();
            let done: Vec<(String, Done<T>)> = batch
                .into_par_iter()
                .map(|(name, plan)| {
                    let done = work.run(&name, plan, digest);
                    (name, done)
                })
                .collect();
            for (name, done) in done {
                emit(name, done);
            }
        }
    }
}

/// What the second pass needs to work on one unit.
struct Work<'w> {
    project: &'w Project,
    policy: &'w Policy,
    do_not_translate: &'w crate::text::names::Names,
    paths: &'w [String],
    cache: Option<&'w Cache>,
    states: &'w HashMap<String, LocaleState>,
    base: Option<&'w KeyBuilder>,
    sources: bool,
    reference_texts: &'w LocaleTexts,
    get_checker: &'w (dyn Fn() -> Result<&'w Checker> + Sync),
}

/// A checked unit: its findings, the source lines they point at, the cache key of what was
/// checked, and the files it read (a locale's, with its fallback locale's).
type Checked = (
    Vec<Finding>,
    Vec<(String, String)>,
    Option<String>,
    Option<Box<(LocaleFiles, Option<LocaleFiles>)>>,
);

/// One unit's outcome.
struct Done<T> {
    output: Option<T>,
    reused: bool,
    warnings: Vec<String>,
    problems: Vec<Error>,
}

impl Work<'_> {
    /// The rules' context with `checker`'s reference and terms.
    fn context<'c>(&'c self, checker: &'c Checker) -> RunContext<'c> {
        RunContext {
            project: self.project,
            policy: self.policy,
            shared: &self.project.config.medloc.shared,
            reference_ids: &checker.ids,
            do_not_translate: self.do_not_translate,
            terms: checker.terms.as_ref(),
            reference_index: checker.index.as_ref(),
            text_memo: None,
            paths: self.paths,
        }
    }

    fn run<T>(&self, name: &str, plan: Plan, digest: &(dyn Fn(Unit) -> T + Sync)) -> Done<T> {
        let mut done = Done {
            output: None,
            reused: false,
            warnings: Vec::new(),
            problems: Vec::new(),
        };
        let is_reference = name == "reference";
        let entry = if is_reference {
            name.to_owned()
        } else {
            unit(name)
        };
        let (key, warning) = match plan {
            Plan::Failed(e) => {
                done.problems.push(e);
                return done;
            }
            Plan::Cached { key } => match self.cache.map(|c| c.get(&entry, &key)) {
                Some(Lookup::Hit(findings)) => {
                    done.reused = true;
                    done.output = Some(self.reuse(name, is_reference, findings, digest));
                    return done;
                }
                Some(Lookup::Unusable(w)) => (Some(key), Some(format!("{w}; checking without it"))),
                _ => (Some(key), None),
            },
            Plan::Check { key, warning } => (key, warning),
        };
        done.warnings.extend(warning);
        let checker = match (self.get_checker)() {
            Ok(c) => c,
            Err(e) => {
                done.problems.push(e);
                return done;
            }
        };
        let run = self.context(checker);
        let (mut findings, sources, key, files) = if is_reference {
            let findings = run.check_reference(&checker.reference);
            let sources = if self.sources {
                file_sources(&findings, &checker.reference)
            } else {
                Vec::new()
            };
            (findings, sources, key, None)
        } else {
            match self.check_locale(&run, checker, name, key, &mut done.problems) {
                Some(checked) => checked,
                None => return done,
            }
        };
        sort_findings(self.project, &mut findings);
        if let (Some(cache), Some(key)) = (self.cache, &key)
            && let Err(w) = cache.put(&entry, key, &findings)
        {
            done.warnings.push(w.to_string());
        }
        let absent_dir = files
            .as_ref()
            .and_then(|f| f.0.absent_dir.clone().filter(|_| f.0.files.is_empty()));
        done.output = Some(digest(Unit {
            name: name.to_owned(),
            findings,
            sources,
            files,
            absent_dir,
        }));
        done
    }

    /// A unit the cache answered: its findings, with the source lines they point at.
    fn reuse<T>(
        &self,
        name: &str,
        is_reference: bool,
        mut findings: Vec<Finding>,
        digest: &(dyn Fn(Unit) -> T + Sync),
    ) -> T {
        sort_findings(self.project, &mut findings);
        let sources = if !self.sources {
            Vec::new()
        } else if is_reference {
            sources_of(&findings, self.reference_texts)
        } else {
            let mut sources = match read_project_locale(self.project, name, &WorkingTree) {
                Ok(texts) => sources_of(&findings, &texts),
                Err(_) => Vec::new(),
            };
            sources.extend(sources_of(&findings, self.reference_texts));
            sources
        };
        digest(Unit {
            name: name.to_owned(),
            findings,
            sources,
            files: None,
            absent_dir: (!is_reference)
                .then(|| crate::catalog::absent_locale_dir(self.project, name))
                .flatten(),
        })
    }

    /// Reads, parses and checks one locale (with its fallback locale's files); `None` when
    /// its files cannot be read (the error is in `problems`).
    fn check_locale(
        &self,
        run: &RunContext<'_>,
        checker: &Checker,
        name: &str,
        key: Option<String>,
        problems: &mut Vec<Error>,
    ) -> Option<Checked> {
        let bytes = match bytes_with_parent(self.project, name) {
            Ok(b) => b,
            Err(e) => {
                problems.push(e);
                return None;
            }
        };
        // The key of what is checked now (a file may have changed since the first pass).
        let key = key.and_then(|_| locale_key(self.base, self.states, &bytes));
        let (bytes, parent) = bytes;
        let (texts, parent) = (bytes.decode(), parent.map(LocaleBytes::decode));
        // A file that cannot be decoded is a problem to report each run: never cached.
        let unreadable = |t: &LocaleTexts| t.has_problems();
        let key = key.filter(|_| !unreadable(&texts) && !parent.as_ref().is_some_and(unreadable));
        let locale = texts.parse();
        let parent = parent.map(LocaleTexts::parse);
        problems.extend(locale.unreadable.iter().cloned());
        let fallback = super::run::parent_among(name, parent.iter());
        let findings =
            run.check_locale(&checker.reference, &locale, fallback, self.states.get(name));
        let sources = if self.sources {
            let mut sources = file_sources(&findings, &locale);
            sources.extend(file_sources(&findings, &checker.reference));
            sources
        } else {
            Vec::new()
        };
        let files = Some(Box::new((locale, parent)));
        Some((findings, sources, key, files))
    }
}

/// The first pass's decision for a unit with cache key `key`.
fn plan(
    cache: Option<&Cache>,
    entry: &str,
    key: Option<String>,
    unusable: &dyn Fn(String) -> String,
) -> Plan {
    let (Some(cache), Some(k)) = (cache, &key) else {
        return Plan::Check { key, warning: None };
    };
    match cache.probe(entry, k) {
        Probe::Fresh => Plan::Cached { key: k.clone() },
        Probe::Miss => Plan::Check { key, warning: None },
        Probe::Unusable(w) => Plan::Check {
            key,
            warning: Some(unusable(w.to_string())),
        },
    }
}

/// The cache's name for a locale's entry.
fn unit(tag: &str) -> String {
    format!("locale-{tag}")
}

/// A locale's files as bytes and those of the locale it falls back to.
fn bytes_with_parent(project: &Project, tag: &str) -> Result<(LocaleBytes, Option<LocaleBytes>)> {
    let files = read_project_locale_bytes(project, tag)?;
    let parent = project
        .parent_locale(tag)
        .and_then(|p| read_project_locale_bytes(project, p).ok());
    Ok((files, parent))
}

/// The texts of the parsed files `findings` point into.
fn file_sources(findings: &[Finding], files: &LocaleFiles) -> Vec<(String, String)> {
    let wanted = pointed_into(findings);
    files
        .files
        .values()
        .filter(|f| wanted.contains(f.shown.as_str()))
        .map(|f| (f.shown.clone(), f.text().to_owned()))
        .collect()
}

/// The texts of the read files `findings` point into.
fn sources_of(findings: &[Finding], texts: &LocaleTexts) -> Vec<(String, String)> {
    let wanted = pointed_into(findings);
    texts
        .files
        .iter()
        .filter(|(_, shown, _)| wanted.contains(shown.as_str()))
        .filter_map(|(_, shown, text)| Some((shown.clone(), text.as_ref().ok()?.clone())))
        .collect()
}

/// The files, as shown, that `findings` point into: their own, and the reference's where a
/// finding points there too.
fn pointed_into(findings: &[Finding]) -> BTreeSet<&str> {
    findings
        .iter()
        .flat_map(|f| {
            std::iter::once(f.path.as_str())
                .chain(f.reference_span.as_ref().map(|(path, _)| path.as_str()))
        })
        .collect()
}
