//! `medloc coverage --format html`: one self-contained page (inline CSS and SVG, no external
//! requests) from the `coverage.html` template (minijinja, autoescaped). A project's own
//! `templates/coverage.html` replaces the default. The writer reads no clock and runs no
//! git: when and from which commit the report was made is handed in ([`Made`]).

use crate::check::Severity;
use crate::coverage::{Coverage, LocaleCoverage, Problem};
use crate::error::{Error, Result};
use crate::report::coverage_text::sorted;
use serde::Serialize;
use std::path::Path;

pub const DEFAULT_TEMPLATE: &str = include_str!("../../templates/coverage.html");

/// When and from what a report was made, as the caller found out.
#[derive(Debug, Clone, Default)]
pub struct Made {
    /// Seconds since the Unix epoch.
    pub unix_seconds: u64,
    /// The commit the project's working tree is on, when it is in a git repository.
    pub commit: Option<String>,
}

/// A summary row: the locale's coverage and why it may not publish.
#[derive(Serialize)]
struct LocaleRow<'a> {
    #[serde(flatten)]
    coverage: &'a LocaleCoverage,
    /// Empty when it may publish.
    unpublishable_because: Vec<String>,
    /// Messages a render withholds (a check error): their fallback shows instead.
    withheld: usize,
    /// Per article with problems, one row per message.
    sections: Vec<ArticleSection<'a>>,
}

#[derive(Serialize)]
struct ArticleSection<'a> {
    article: &'a str,
    errors: usize,
    warnings: usize,
    messages: Vec<MessageRow<'a>>,
}

/// One message and everything found about it.
#[derive(Serialize)]
struct MessageRow<'a> {
    message_id: &'a str,
    /// `path:line`.
    location: String,
    english: &'a str,
    translation: Option<&'a str>,
    /// Errors first.
    findings: Vec<&'a Problem>,
}

/// The problems of one article, grouped by message (they come sorted by message ID).
fn by_message(problems: &[Problem]) -> Vec<MessageRow<'_>> {
    let mut rows: Vec<MessageRow> = Vec::new();
    for p in problems {
        match rows.last_mut() {
            Some(row) if row.message_id == p.message_id => row.findings.push(p),
            _ => rows.push(MessageRow {
                message_id: &p.message_id,
                location: format!("{}:{}", p.path, p.line),
                english: &p.english,
                translation: p.translation.as_deref(),
                findings: vec![p],
            }),
        }
    }
    for row in &mut rows {
        row.findings.sort_by_key(|p| std::cmp::Reverse(p.severity));
        // The message's first line among its findings.
        if let Some(first) = row
            .findings
            .iter()
            .filter(|p| p.line > 0)
            .min_by_key(|p| p.line)
        {
            row.location = format!("{}:{}", first.path, first.line);
        }
    }
    rows
}

fn locale_row<'a>(l: &'a LocaleCoverage, threshold: f64) -> LocaleRow<'a> {
    let sections = l
        .articles
        .iter()
        .filter(|a| !a.problems.is_empty())
        .map(|a| {
            let count = |s: Severity| a.problems.iter().filter(|p| p.severity == s).count();
            ArticleSection {
                article: &a.article,
                errors: count(Severity::Error),
                warnings: count(Severity::Warning),
                messages: by_message(&a.problems),
            }
        })
        .collect();
    LocaleRow {
        coverage: l,
        unpublishable_because: l.unpublishable_because(threshold),
        withheld: l.publish_plan(threshold).withheld.len(),
        sections,
    }
}

/// `2026-12-03T12:49:08Z` for a time in seconds since the Unix epoch (UTC, proleptic
/// Gregorian calendar; days to dates after Howard Hinnant's `civil_from_days`).
pub fn utc_timestamp(unix_seconds: u64) -> String {
    let days = (unix_seconds / 86_400) as i64;
    let seconds = unix_seconds % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        seconds / 3600,
        seconds % 3600 / 60,
        seconds % 60
    )
}

pub fn render(
    coverage: &Coverage,
    made: &Made,
    project_templates: Option<&Path>,
) -> Result<String> {
    let custom = project_templates
        .map(|d| d.join("coverage.html"))
        .filter(|p| p.is_file());
    let source = match &custom {
        Some(path) => crate::fsio::read_text(path)?,
        None => DEFAULT_TEMPLATE.to_owned(),
    };
    let template_error = |e: minijinja::Error| Error::Source {
        path: custom
            .clone()
            .unwrap_or_else(|| "templates/coverage.html".into()),
        line: e.line().unwrap_or(1),
        message: format!("template: {e}"),
    };
    let mut env = minijinja::Environment::new();
    // The name ends in .html, so every value is HTML-escaped.
    env.add_template("coverage.html", &source)
        .map_err(template_error)?;
    let articles: Vec<String> = coverage
        .locales
        .first()
        .map(|l| l.articles.iter().map(|a| a.article.clone()).collect())
        .unwrap_or_default();
    let rows: Vec<LocaleRow> = sorted(coverage)
        .into_iter()
        .map(|l| locale_row(l, coverage.threshold))
        .collect();
    let generated = utc_timestamp(made.unix_seconds);
    env.get_template("coverage.html")
        .and_then(|t| {
            t.render(minijinja::context! {
                coverage => minijinja::value::Serde(coverage),
                rows => minijinja::value::Serde(&rows),
                articles => articles,
                generator => format!("medloc {}", env!("CARGO_PKG_VERSION")),
                // `2026-12-03T12:49:08Z`, and as shown: `2026-12-03 12:49 UTC`.
                generated_at => &generated,
                generated_at_text => format!("{} {} UTC", &generated[..10], &generated[11..16]),
                commit => made.commit.as_deref(),
            })
        })
        .map_err(template_error)
}

#[cfg(test)]
mod tests {
    use super::utc_timestamp;

    #[test]
    fn utc_timestamps_of_known_instants() {
        assert_eq!(utc_timestamp(0), "1970-01-01T00:00:00Z");
        assert_eq!(utc_timestamp(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(utc_timestamp(1_796_302_148), "2026-12-03T12:49:08Z");
        assert_eq!(utc_timestamp(4_107_542_399), "2100-02-28T23:59:59Z");
    }
}
