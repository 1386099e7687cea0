//! The coverage model: per locale and per article, how much is translated, missing, stale,
//! obsolete and untranslated, in messages and in source words, what the checks found, and
//! whether the locale may publish. Built from the catalog and a check report; no I/O.

use crate::catalog::{
    Catalog, FtlFile, LocaleFiles, LocaleTexts, WorkingTree, read_reference, read_with_parent,
};
use crate::check::{
    CheckOptions, CheckReport, Finding, RunSummary, Severity, Stream, Unit, check_each,
    parent_locale,
};
use crate::error::{Error, Result};
use crate::project::Project;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

pub const DEFAULT_THRESHOLD: f64 = 80.0;

/// The JSON report's schema name.
pub const SCHEMA: &str = "medloc-coverage/1";

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct MessageCounts {
    pub total: usize,
    pub translated: usize,
    pub missing: usize,
    pub stale: usize,
    pub obsolete: usize,
    pub untranslated: usize,
    /// Translated in the parent locale this one falls back to (es-MX to es).
    pub inherited: usize,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct WordCounts {
    pub total: usize,
    pub translated: usize,
}

/// A message a coordinator should look at.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Problem {
    /// `missing`, `stale`, or the rule of a failing check.
    pub kind: String,
    pub severity: Severity,
    pub message_id: String,
    pub english: String,
    pub translation: Option<String>,
    pub text: String,
    /// Where to look, relative to the project root: the translation's line, or for a
    /// message the locale lacks, the reference's.
    #[serde(default)]
    pub path: String,
    /// 1-based.
    #[serde(default)]
    pub line: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ArticleCoverage {
    pub article: String,
    pub messages: MessageCounts,
    pub words: WordCounts,
    pub completion: f64,
    pub problems: Vec<Problem>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct LocaleCoverage {
    pub locale: String,
    /// `ltr` or `rtl`, for the HTML report.
    pub direction: String,
    pub is_reference: bool,
    pub messages: MessageCounts,
    pub words: WordCounts,
    pub errors: usize,
    pub warnings: usize,
    pub by_rule: BTreeMap<String, usize>,
    pub completion: f64,
    pub publishable: bool,
    pub articles: Vec<ArticleCoverage>,
}

/// What a render publishes of a locale: the one publish decision, which the coverage
/// report states and the renderer carries out. A message with a check error is withheld
/// (its fallback shows instead) and counts as missing; an error outside any message (a
/// file that cannot be read) stops the locale.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PublishPlan {
    /// The withheld messages as (article, ID), in report order.
    pub withheld: Vec<(String, String)>,
    /// Withheld messages by the rule of their first error.
    pub by_rule: BTreeMap<String, usize>,
    /// Errors outside any message.
    pub file_errors: usize,
    /// Completion counting the withheld messages as missing.
    pub completion: f64,
    pub publishes: bool,
}

impl LocaleCoverage {
    /// The locale's [`PublishPlan`] at `threshold` (the reference always publishes).
    pub fn publish_plan(&self, threshold: f64) -> PublishPlan {
        let mut plan = PublishPlan::default();
        let mut seen: std::collections::HashSet<(&str, &str)> = Default::default();
        let mut attached = 0;
        for article in &self.articles {
            for problem in &article.problems {
                if problem.severity != Severity::Error {
                    continue;
                }
                attached += 1;
                if problem.kind == "missing" {
                    continue;
                }
                if problem.message_id.is_empty() {
                    plan.file_errors += 1;
                } else if seen.insert((&article.article, &problem.message_id)) {
                    *plan.by_rule.entry(problem.kind.clone()).or_insert(0) += 1;
                    plan.withheld
                        .push((article.article.clone(), problem.message_id.clone()));
                }
            }
        }
        // Errors the model counts but attaches to no article's problems.
        plan.file_errors += self.errors.saturating_sub(attached);
        plan.completion = percent(
            self.messages.translated.saturating_sub(plan.withheld.len()),
            self.messages.total,
        );
        plan.publishes =
            self.is_reference || (plan.completion >= threshold && plan.file_errors == 0);
        plan
    }

    /// Why the locale does not publish at `threshold` (empty when it does): its completion
    /// under the threshold (counting messages with check errors as missing), its errors
    /// outside any message.
    pub fn unpublishable_because(&self, threshold: f64) -> Vec<String> {
        let plan = self.publish_plan(threshold);
        let mut why = Vec::new();
        if plan.publishes {
            return why;
        }
        if plan.completion < threshold {
            let counting = match plan.withheld.len() {
                0 => String::new(),
                1 => " (counting 1 message with a check error as missing)".to_owned(),
                n => format!(" (counting {n} messages with check errors as missing)"),
            };
            why.push(format!(
                "{:.1}% translated{counting}, below the {threshold}% threshold",
                plan.completion
            ));
        }
        match plan.file_errors {
            0 => {}
            1 => why.push("1 check error outside any message".to_owned()),
            n => why.push(format!("{n} check errors outside any message")),
        }
        why
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Coverage {
    pub schema: String,
    pub reference: String,
    pub threshold: f64,
    pub locales: Vec<LocaleCoverage>,
    /// What changed since a git revision (`--since`), when asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<Since>,
}

/// What changed since a revision: reference messages, translations, completion.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Since {
    /// The revision as given (`HEAD~3`, `main`).
    pub revision: String,
    /// The commit it named.
    pub commit: String,
    /// Reference messages added, edited and removed.
    pub reference: MessageChanges,
    /// Per locale (not the reference), in the order of `locales`.
    pub locales: Vec<LocaleChanges>,
}

/// Message IDs (terms as `-id`) added, changed (value or attributes) and removed, each in
/// file order.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct MessageChanges {
    pub added: Vec<String>,
    pub changed: Vec<String>,
    pub removed: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct LocaleChanges {
    pub locale: String,
    /// The locale's own translations (inherited ones are its parent's).
    pub translations: MessageChanges,
    pub completion_then: f64,
    pub completion_now: f64,
    /// `completion_now - completion_then`, one decimal.
    pub delta: f64,
    /// Whether the locale could publish at the revision, and now.
    #[serde(default)]
    pub publishable_then: bool,
    #[serde(default)]
    pub publishable_now: bool,
}

/// Compares the catalog and coverage at a revision (`then`) with today's.
pub fn since(
    revision: &crate::history::Revision,
    then: (&Catalog, &Coverage),
    now: (&Catalog, &Coverage),
) -> Since {
    // A locale the revision did not have was 0% complete and could not publish.
    let at = |coverage: &Coverage, locale: &str| {
        coverage
            .locales
            .iter()
            .find(|l| l.locale == locale)
            .map_or((0.0, false), |l| (l.completion, l.publishable))
    };
    let locales = now
        .1
        .locales
        .iter()
        .filter(|l| !l.is_reference)
        .map(|l| {
            let files = |catalog: &Catalog| {
                catalog
                    .locales
                    .iter()
                    .find(|f| f.locale == l.locale)
                    .map(signatures)
                    .unwrap_or_default()
            };
            let (before, publishable_then) = at(then.1, &l.locale);
            let after = l.completion;
            LocaleChanges {
                locale: l.locale.clone(),
                translations: changes(&files(then.0), &files(now.0)),
                completion_then: before,
                completion_now: after,
                // `+ 0.0` turns a negative zero into zero.
                delta: ((after - before) * 10.0).round() / 10.0 + 0.0,
                publishable_then,
                publishable_now: l.publishable,
            }
        })
        .collect();
    Since {
        revision: revision.given.clone(),
        commit: revision.commit.clone(),
        reference: changes(
            &signatures(&then.0.reference),
            &signatures(&now.0.reference),
        ),
        locales,
    }
}

/// Each entry of a locale's files, in file order, with the text that makes it what it is.
fn signatures(files: &crate::catalog::LocaleFiles) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for file in files.files.values() {
        for entry in &file.entries {
            let mut text = String::new();
            for (attribute, pattern) in entry.patterns() {
                text.push_str(attribute.unwrap_or(""));
                text.push('=');
                text.push_str(&pattern.text);
                text.push('\n');
            }
            out.push((entry.id.clone(), text));
        }
    }
    out
}

fn changes(then: &[(String, String)], now: &[(String, String)]) -> MessageChanges {
    let index = |list: &[(String, String)]| -> std::collections::HashMap<String, String> {
        list.iter().cloned().collect()
    };
    let (before, after) = (index(then), index(now));
    let mut out = MessageChanges::default();
    for (id, text) in now {
        match before.get(id) {
            None => out.added.push(id.clone()),
            Some(old) if old != text => out.changed.push(id.clone()),
            Some(_) => {}
        }
    }
    out.removed = then
        .iter()
        .filter(|(id, _)| !after.contains_key(id))
        .map(|(id, _)| id.clone())
        .collect();
    out.added.dedup();
    out.changed.dedup();
    out
}

/// Percent, one decimal, 100 when there is nothing to translate.
pub(crate) fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        return 100.0;
    }
    (1000.0 * part as f64 / whole as f64).round() / 10.0
}

fn words(text: &str) -> usize {
    crate::text::markup::strip_tags(text)
        .split_whitespace()
        .count()
}

fn article_name(rel: &Path) -> String {
    rel.with_extension("").to_string_lossy().replace('\\', "/")
}

/// Builds the model. `threshold` is the completion percent needed to publish.
pub fn build(
    project: &Project,
    catalog: &Catalog,
    report: &CheckReport,
    threshold: f64,
) -> Coverage {
    let mut by_locale: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in &report.findings {
        by_locale.entry(f.locale.as_str()).or_default().push(f);
    }
    let mut locales = vec![reference_coverage(&catalog.reference)];
    for locale in &catalog.locales {
        let parent = parent_locale(&locale.locale, catalog);
        let findings = by_locale
            .get(locale.locale.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        locales.push(locale_coverage(
            project,
            &catalog.reference,
            locale,
            parent,
            findings,
            threshold,
        ));
    }
    Coverage {
        schema: SCHEMA.to_owned(),
        reference: catalog.reference.locale.clone(),
        threshold,
        locales,
        since: None,
    }
}

/// One locale's coverage from its files, those of the locale it falls back to, and its
/// findings (every one of `findings` is this locale's).
pub fn locale_coverage(
    project: &Project,
    reference: &LocaleFiles,
    locale: &LocaleFiles,
    parent: Option<&LocaleFiles>,
    findings: &[&Finding],
    threshold: f64,
) -> LocaleCoverage {
    let mut by_file: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in findings {
        by_file.entry(f.path.as_str()).or_default().push(f);
    }
    let articles: Vec<ArticleCoverage> = reference
        .files
        .iter()
        .filter(|(rel, _)| locale.expects(rel))
        .map(|(rel, reference)| {
            let translation = locale.files.get(rel).map(|f| f.as_ref());
            let fallback = parent.and_then(|p| p.files.get(rel)).map(|f| f.as_ref());
            let shown = locale
                .shown(rel)
                .map(str::to_owned)
                .unwrap_or_else(|| project.display_path(rel));
            let findings = by_file
                .get(shown.as_str())
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            article_coverage(rel, reference, translation, fallback, findings)
        })
        .collect();
    let mut messages = MessageCounts::default();
    let mut words = WordCounts::default();
    for a in &articles {
        add(&mut messages, &a.messages);
        words.total += a.words.total;
        words.translated += a.words.translated;
    }
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .count();
    let mut by_rule = BTreeMap::new();
    for f in findings {
        *by_rule.entry(f.rule.to_owned()).or_insert(0) += 1;
    }
    let completion = percent(messages.translated, messages.total);
    let mut coverage = LocaleCoverage {
        locale: locale.locale.clone(),
        direction: direction(&locale.locale).to_owned(),
        is_reference: false,
        messages,
        words,
        errors,
        warnings,
        by_rule,
        completion,
        publishable: false,
        articles,
    };
    coverage.publishable = coverage.publish_plan(threshold).publishes;
    coverage
}

/// Combines the reports of shards (`--shard K/N`) into the report of the whole run: each
/// locale once, the reference once, in `order` (the project's locale order; others after,
/// by tag). Refuses reports of another schema, reference or threshold, a reference that
/// differs (shards made from different commits), a locale two shards report differently,
/// and `--since` sections of different revisions. `parts` are named by their paths.
pub fn merge(
    parts: Vec<(std::path::PathBuf, Coverage)>,
    order: &[String],
) -> crate::Result<Coverage> {
    use crate::error::Error;
    let mut parts = parts.into_iter();
    let Some((first_path, mut merged)) = parts.next() else {
        return Err(Error::NothingToMerge);
    };
    let refuse = |path: &std::path::Path, message: String| Error::Merge {
        path: path.to_owned(),
        message,
    };
    if merged.schema != SCHEMA {
        return Err(refuse(
            &first_path,
            format!(
                "schema {:?}, expected {SCHEMA:?}: make it with `medloc coverage --format json`",
                merged.schema
            ),
        ));
    }
    let mut origin: BTreeMap<String, std::path::PathBuf> = merged
        .locales
        .iter()
        .map(|l| (l.locale.clone(), first_path.clone()))
        .collect();
    for (path, part) in parts {
        let same = |what: &str, a: String, b: String| {
            if a == b {
                Ok(())
            } else {
                Err(refuse(
                    &path,
                    format!("its {what} is {b}, but {} has {a}", first_path.display()),
                ))
            }
        };
        same("schema", merged.schema.clone(), part.schema.clone())?;
        same(
            "reference locale",
            merged.reference.clone(),
            part.reference.clone(),
        )?;
        same(
            "threshold",
            merged.threshold.to_string(),
            part.threshold.to_string(),
        )?;
        match (&mut merged.since, part.since) {
            (None, None) => {}
            (Some(mine), Some(theirs)) => {
                same("--since commit", mine.commit.clone(), theirs.commit.clone())?;
                if mine.reference != theirs.reference {
                    return Err(refuse(&path, "its reference changes since the revision differ; were the shards made from the same commit?".into()));
                }
                for l in theirs.locales {
                    if !mine.locales.iter().any(|m| m.locale == l.locale) {
                        mine.locales.push(l);
                    }
                }
            }
            _ => {
                return Err(refuse(
                    &path,
                    format!(
                        "only one of it and {} has a --since section; make every shard with the same options",
                        first_path.display()
                    ),
                ));
            }
        }
        for locale in part.locales {
            match merged.locales.iter().find(|l| l.locale == locale.locale) {
                Some(seen) if *seen == locale => {}
                Some(_) => {
                    let what = if locale.is_reference {
                        "the reference"
                    } else {
                        "locale"
                    };
                    return Err(refuse(
                        &path,
                        format!(
                            "{what} {} differs from {}'s; were the shards made from the same commit?",
                            locale.locale,
                            origin[&locale.locale].display()
                        ),
                    ));
                }
                None => {
                    origin.insert(locale.locale.clone(), path.clone());
                    merged.locales.push(locale);
                }
            }
        }
    }
    let rank = |tag: &str, is_reference: bool| {
        (
            !is_reference,
            order.iter().position(|o| o == tag).unwrap_or(order.len()),
            tag.to_owned(),
        )
    };
    merged
        .locales
        .sort_by_key(|l| rank(&l.locale, l.is_reference));
    if let Some(since) = &mut merged.since {
        since.locales.sort_by_key(|l| rank(&l.locale, false));
    }
    Ok(merged)
}

fn add(total: &mut MessageCounts, part: &MessageCounts) {
    total.total += part.total;
    total.translated += part.translated;
    total.missing += part.missing;
    total.stale += part.stale;
    total.obsolete += part.obsolete;
    total.untranslated += part.untranslated;
    total.inherited += part.inherited;
}

fn direction(locale: &str) -> &'static str {
    let rtl = locale
        .parse::<unic_langid::LanguageIdentifier>()
        .is_ok_and(|l| l.character_direction() == unic_langid::CharacterDirection::RTL);
    if rtl { "rtl" } else { "ltr" }
}

fn article_coverage(
    rel: &Path,
    reference: &FtlFile,
    translation: Option<&FtlFile>,
    fallback: Option<&FtlFile>,
    findings: &[&Finding],
) -> ArticleCoverage {
    let count = |rule: &str| findings.iter().filter(|f| f.rule == rule).count();
    let untranslated = count("untranslated");
    let mut m = MessageCounts {
        total: reference.entries.len(),
        stale: count("stale-translation"),
        obsolete: count("obsolete-message"),
        untranslated,
        ..MessageCounts::default()
    };
    let mut w = WordCounts::default();
    let untranslated_ids: Vec<&str> = findings
        .iter()
        .filter(|f| f.rule == "untranslated")
        .filter_map(|f| f.message_id.as_deref())
        .collect();
    for entry in &reference.entries {
        let n = entry.value.as_ref().map_or(0, |v| words(&v.prose))
            + entry
                .attributes
                .iter()
                .map(|a| words(&a.pattern.prose))
                .sum::<usize>();
        w.total += n;
        let own = translation.is_some_and(|t| t.entry(&entry.id).is_some());
        let inherited = !own && fallback.is_some_and(|t| t.entry(&entry.id).is_some());
        if own || inherited {
            if untranslated_ids.contains(&entry.id.as_str()) {
                continue;
            }
            m.translated += 1;
            m.inherited += usize::from(inherited);
            w.translated += n;
        } else {
            m.missing += 1;
        }
    }
    let text_of = |file: Option<&FtlFile>, id: &str| {
        file.and_then(|f| f.entry(id))
            .and_then(|e| e.value.as_ref())
            .map(|v| v.text.clone())
    };
    let mut problems: Vec<Problem> = findings
        .iter()
        .filter(|f| f.rule != "obsolete-message")
        .filter_map(|f| {
            let id = f.message_id.clone()?;
            // A missing message has no line of its own: point at what to translate.
            let (path, line) = match (translation.and_then(|t| t.entry(&id)), reference.entry(&id))
            {
                (None, Some(entry)) => {
                    (reference.shown.clone(), reference.position(entry.offset).0)
                }
                _ => (f.path.clone(), f.line),
            };
            let kind = match f.rule {
                "missing-message" => "missing".to_owned(),
                "stale-translation" => "stale".to_owned(),
                other => other.to_owned(),
            };
            Some(Problem {
                kind,
                severity: f.severity,
                english: text_of(Some(reference), &id).unwrap_or_default(),
                translation: text_of(translation, &id),
                message_id: id,
                text: f.text.clone(),
                path,
                line,
            })
        })
        .collect();
    problems.sort_by(|a, b| {
        (a.message_id.as_str(), a.kind.as_str()).cmp(&(b.message_id.as_str(), b.kind.as_str()))
    });
    ArticleCoverage {
        article: article_name(rel),
        completion: percent(m.translated, m.total),
        messages: m,
        words: w,
        problems,
    }
}

/// The reference's own coverage: everything translated.
pub fn reference_coverage(reference: &LocaleFiles) -> LocaleCoverage {
    let mut messages = MessageCounts::default();
    let mut words_total = 0;
    let articles: Vec<ArticleCoverage> = reference
        .files
        .iter()
        .map(|(rel, file)| {
            let total = file.entries.len();
            let w: usize = file
                .entries
                .iter()
                .map(|e| e.value.as_ref().map_or(0, |v| words(&v.prose)))
                .sum();
            messages.total += total;
            messages.translated += total;
            words_total += w;
            ArticleCoverage {
                article: article_name(rel),
                messages: MessageCounts {
                    total,
                    translated: total,
                    ..MessageCounts::default()
                },
                words: WordCounts {
                    total: w,
                    translated: w,
                },
                completion: 100.0,
                problems: Vec::new(),
            }
        })
        .collect();
    LocaleCoverage {
        locale: reference.locale.clone(),
        direction: direction(&reference.locale).to_owned(),
        is_reference: true,
        messages,
        words: WordCounts {
            total: words_total,
            translated: words_total,
        },
        errors: 0,
        warnings: 0,
        by_rule: BTreeMap::new(),
        completion: 100.0,
        publishable: true,
        articles,
    }
}

// ---- built as the check streams ----

/// A streamed check that also builds the coverage model as it goes: each locale's coverage
/// is built on its worker from the files the check parsed (read and parsed here only for a
/// unit from the cache), and the files and findings are dropped, so memory does not grow with the number
/// of locales (render and build; `coverage --since` keeps the catalog it compares). `digest`
/// and `sink` see each unit as in [`check_each`] (a caller that prints the findings).
pub fn check_covered<T: Send>(
    project: &Project,
    options: &CheckOptions,
    stream: Stream<'_>,
    threshold: f64,
    digest: &(dyn Fn(&Unit) -> T + Sync),
    sink: &mut dyn FnMut(T),
) -> Result<(Coverage, RunSummary)> {
    let reference = read_reference(project, &WorkingTree)?.parse_reference()?;
    let cover = |unit: Unit| -> (std::result::Result<Option<LocaleCoverage>, Error>, T) {
        let out = digest(&unit);
        if unit.name == "reference" {
            return (Ok(None), out);
        }
        let files = match unit.files {
            Some(files) => Ok(*files),
            None => read_with_parent(project, &unit.name)
                .map(|(texts, parent)| (texts.parse(), parent.map(LocaleTexts::parse))),
        };
        let covered = files.map(|(files, parent)| {
            let findings: Vec<&Finding> = unit.findings.iter().collect();
            Some(locale_coverage(
                project,
                &reference,
                &files,
                parent.as_ref(),
                &findings,
                threshold,
            ))
        });
        (covered, out)
    };
    let mut locales: Vec<LocaleCoverage> = Vec::new();
    let mut failed = Vec::new();
    let mut summary = check_each(project, options, stream, &cover, &mut |(covered, out)| {
        match covered {
            Ok(c) => locales.extend(c),
            Err(e) => failed.push(e),
        }
        sink(out);
    })?;
    summary.problems.extend(failed);
    // The units came by tag; the model lists the locales in the project's order.
    let rank = |tag: &str| summary.locales.iter().position(|l| l == tag);
    locales.sort_by_key(|l| rank(&l.locale));
    locales.insert(0, reference_coverage(&reference));
    let coverage = Coverage {
        schema: SCHEMA.to_owned(),
        reference: reference.locale.clone(),
        threshold,
        locales,
        since: None,
    };
    Ok((coverage, summary))
}

#[cfg(test)]
mod tests {
    use super::percent;

    #[test]
    fn percent_has_no_division_by_zero() {
        assert_eq!(percent(0, 0), 100.0);
        assert_eq!(percent(51, 83), 61.4);
        assert_eq!(percent(83, 83), 100.0);
    }
}
