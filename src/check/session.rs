//! A check of one Fluent file's text held in memory (an editor's buffer) against the project
//! loaded once: config, policy, reference, termbase and stale state are read when the
//! [`Session`] is made and shared by every later check, so checking a keystroke reads no
//! file. The rules are the registry's (`rules/`), run by the same [`RunContext`] as
//! `medloc check`; nothing here knows a rule.
//!
//! Does not write, does not print, and keeps no buffer: the caller owns the text.

use super::{LocaleInfo, Policy, RunContext, Scope, reference_ids, run_rules};
use crate::catalog::{Catalog, FtlFile, LocaleFiles};
use crate::check::{Finding, Terms};
use crate::error::{Error, Result};
use crate::project::Project;
use crate::stale::LocaleState;
use crate::terminology::index::{ReferenceIndex, TermLookup, TextMemo};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The project as a check of in-memory text needs it, loaded once.
pub struct Session {
    pub project: Project,
    policy: Policy,
    /// Every locale's files as on disk when the session was made (the reference in
    /// [`Catalog::reference`]): the rest of a locale an edited file is judged with.
    pub catalog: Catalog,
    reference_ids: HashSet<String>,
    names: crate::text::names::Names,
    /// The compiled termbase (`None` without one).
    pub terms: Option<Terms>,
    index: Option<ReferenceIndex>,
    /// Term matches of the texts checked so far, by text: an edit re-analyzes only the
    /// messages it changed.
    text_memo: TextMemo,
    /// Stale-tracking state per locale (state files and git history).
    pub states: HashMap<String, LocaleState>,
    /// What could not be loaded (a termbase, a state file, an unreadable file); the session
    /// works without it.
    pub problems: Vec<Error>,
}

/// Which locale a file belongs to, and its path below that locale's base directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRole {
    pub locale: String,
    pub rel: PathBuf,
    /// The path as the project shows it (relative to the root).
    pub shown: String,
}

impl Session {
    /// Loads `project`'s policy, catalog, termbase and stale state. Reads git history for
    /// stale tracking but writes no cache.
    pub fn load(project: Project) -> Result<Session> {
        let policy = Policy::from_project(&project)?;
        let mut problems = Vec::new();
        let mut notes = Vec::new();
        let (states, termbase) = super::load_side_inputs(&project, &mut problems, &mut notes, None);
        let catalog = Catalog::load(&project, &project.locales)?;
        problems.extend(
            catalog
                .reference
                .unreadable
                .iter()
                .chain(catalog.locales.iter().flat_map(|l| l.unreadable.iter()))
                .cloned(),
        );
        let names = crate::text::names::Names::new(termbase.do_not_translate_names());
        let terms = (!termbase.concepts.is_empty())
            .then(|| Terms::new(termbase, &project.reference_locale, &project.locales));
        let index = terms
            .as_ref()
            .map(|t| ReferenceIndex::new(t, Arc::clone(&catalog.reference)));
        Ok(Session {
            reference_ids: reference_ids(&catalog.reference),
            project,
            policy,
            catalog,
            names,
            terms,
            index,
            text_memo: TextMemo::default(),
            states,
            problems,
        })
    }

    /// The locale and relative path of the project file at `path` (absolute), if it is a
    /// Fluent file of the reference or of a locale.
    pub fn role_of(&self, path: &Path) -> Option<FileRole> {
        let all = std::iter::once(self.catalog.reference.as_ref()).chain(&self.catalog.locales);
        for locale in all {
            for (rel, shown) in &locale.paths {
                if self.project.root.join(shown) == path {
                    return Some(FileRole {
                        locale: locale.locale.clone(),
                        rel: rel.clone(),
                        shown: shown.clone(),
                    });
                }
            }
        }
        None
    }

    /// Term lookups of the reference's patterns as loaded (matched once, when the session
    /// was made); `None` without a termbase.
    pub fn reference_lookup(&self) -> Option<TermLookup<'_>> {
        let terms = self.terms.as_ref()?;
        Some(
            TermLookup::new(terms, &self.project.reference_locale)?
                .with_reference_index(self.index.as_ref())
                .with_text_memo(Some(&self.text_memo)),
        )
    }

    /// The reference file of `rel`, as loaded.
    pub fn reference_file(&self, rel: &Path) -> Option<&FtlFile> {
        self.catalog.reference.files.get(rel).map(|f| f.as_ref())
    }

    /// Every rule's findings on `text`, the buffer of `role`'s file, judged with the rest of
    /// its locale as loaded. A text over the input limits gets no rule run: the error says
    /// which limit.
    pub fn check_text(&self, role: &FileRole, text: &str) -> Result<Vec<Finding>> {
        crate::limits::check_fluent_text(Path::new(&role.shown), text)?;
        let file = Arc::new(FtlFile::parse(
            role.rel.clone(),
            role.shown.clone(),
            text.to_owned(),
        ));
        Ok(self.check_file(role, file))
    }

    /// [`Session::check_text`] on a text parsed already (within the limits: see
    /// [`crate::limits`]), for a caller that keeps the parse of a buffer.
    pub fn check_file(&self, role: &FileRole, file: Arc<FtlFile>) -> Vec<Finding> {
        let run = RunContext {
            project: &self.project,
            policy: &self.policy,
            shared: &self.project.config.medloc.shared,
            reference_ids: &self.reference_ids,
            do_not_translate: &self.names,
            terms: self.terms.as_ref(),
            reference_index: self.index.as_ref(),
            text_memo: Some(&self.text_memo),
            paths: std::slice::from_ref(&role.shown),
        };
        let mut findings = if role.locale == self.project.reference_locale {
            self.check_reference_text(&run, file)
        } else {
            let mut locale = match self.catalog.locale(&role.locale) {
                Some(l) => shallow_copy(l),
                None => LocaleFiles::empty(&role.locale),
            };
            locale.paths.insert(role.rel.clone(), role.shown.clone());
            locale.files.insert(role.rel.clone(), file);
            // The edited locale stands in for its copy on disk; the others are there for
            // fallback (es-MX to es).
            let others = self
                .catalog
                .locales
                .iter()
                .chain(&self.catalog.fallbacks)
                .filter(|l| l.locale != role.locale);
            let fallback = super::run::parent_among(&role.locale, others);
            run.check_locale(
                &self.catalog.reference,
                &locale,
                fallback,
                self.states.get(&role.locale),
            )
        };
        findings.retain(|f| f.path == role.shown);
        super::sort_findings(&self.project, &mut findings);
        findings
    }

    /// A reference file's own findings (syntax, duplicates, source terms), with the edited
    /// text in place of the loaded file.
    fn check_reference_text(&self, run: &RunContext<'_>, file: Arc<FtlFile>) -> Vec<Finding> {
        let info = LocaleInfo::new(&self.project.reference_locale);
        let lookup = self
            .terms
            .as_ref()
            .and_then(|t| TermLookup::new(t, &self.project.reference_locale))
            .map(|l| l.with_text_memo(Some(&self.text_memo)));
        let file_ids: rustc_hash::FxHashSet<&str> =
            file.entries.iter().map(|e| e.id.as_str()).collect();
        let no_shared = HashMap::new();
        let ctx = super::FileCheck {
            locale: &info,
            reference: None,
            translation: Some(&file),
            fallback: None,
            translation_path: file.shown.clone(),
            known_ids: &self.reference_ids,
            locale_ids: &file_ids,
            shared_ids: &no_shared,
            state: None,
            do_not_translate: run.do_not_translate,
            terms: run.terms,
            term_usage: None,
            term_lookup: lookup.as_ref(),
            pairs: Default::default(),
            length_stats: None,
        };
        let mut out = Vec::new();
        run_rules(&ctx, Scope::File, run.policy, &mut out);
        run_rules(&ctx, Scope::Reference, run.policy, &mut out);
        out
    }
}

/// The findings of the `syntax-error` rule alone on a Fluent text outside any project (no
/// reference, no termbase).
pub fn check_syntax_only(shown: &str, text: &str) -> Vec<Finding> {
    if crate::limits::check_fluent_text(Path::new(shown), text).is_err() {
        return Vec::new();
    }
    let file = FtlFile::parse(PathBuf::from(shown), shown.to_owned(), text.to_owned());
    let info = LocaleInfo::new("und");
    let ids: HashSet<String> = file.entries.iter().map(|e| e.id.clone()).collect();
    let no_shared = HashMap::new();
    let names = crate::text::names::Names::new(Vec::new());
    let ctx = super::FileCheck {
        locale: &info,
        reference: None,
        translation: Some(&file),
        fallback: None,
        translation_path: shown.to_owned(),
        known_ids: &ids,
        locale_ids: &Default::default(),
        shared_ids: &no_shared,
        state: None,
        do_not_translate: &names,
        terms: None,
        term_usage: None,
        term_lookup: None,
        pairs: Default::default(),
        length_stats: None,
    };
    let mut out = Vec::new();
    for rule in super::rules::RULES
        .iter()
        .filter(|r| r.name == "syntax-error")
    {
        (rule.check)(&ctx, &mut out);
    }
    out
}

/// The locale's listing and files, sharing the parsed files (`Arc`).
fn shallow_copy(locale: &LocaleFiles) -> LocaleFiles {
    LocaleFiles {
        locale: locale.locale.clone(),
        paths: locale.paths.clone(),
        files: locale.files.clone(),
        unreadable: Vec::new(),
        absent_dir: locale.absent_dir.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = std::result::Result<(), Box<dyn std::error::Error>>;

    fn shipped() -> std::result::Result<Session, Box<dyn std::error::Error>> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        Ok(Session::load(Project::load(&root.join("l10n.toml"))?)?)
    }

    #[test]
    fn an_edited_buffer_is_checked_without_touching_the_disk_copy() -> TestResult {
        let session = shipped()?;
        let (rel, reference) = session
            .catalog
            .reference
            .files
            .iter()
            .find(|(_, f)| f.messages().count() > 2)
            .ok_or("no reference file")?;
        let de = session.catalog.locale("de").ok_or("no de")?;
        let role = FileRole {
            locale: "de".into(),
            rel: rel.clone(),
            shown: de.shown(rel).ok_or("no de path")?.to_owned(),
        };
        // Only the first message, half typed: everything else is missing; the junk line is
        // a syntax error and the message after it still counts.
        let first = reference.messages().next().ok_or("no message")?;
        let text = format!("{} = {{ $oops\nbroken line\n", first.id);
        let findings = session.check_text(&role, &text)?;
        assert!(
            findings.iter().any(|f| f.rule == "syntax-error"),
            "{findings:?}"
        );
        let missing = findings
            .iter()
            .filter(|f| f.rule == "missing-message")
            .count();
        assert!(missing >= reference.messages().count() - 1, "{findings:?}");
        assert!(findings.iter().all(|f| f.path == role.shown));
        Ok(())
    }

    #[test]
    fn outside_a_project_only_syntax_is_checked() {
        let findings = check_syntax_only("x.ftl", "a = ok\nb\nc = { $x\n");
        assert!(!findings.is_empty());
        assert!(findings.iter().all(|f| f.rule == "syntax-error"));
    }
}
