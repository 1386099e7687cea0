//! `medloc coverage`.

use super::Outcome;
use crate::check::CheckOptions;
use crate::coverage::{Coverage, DEFAULT_THRESHOLD, build};
use crate::error::{Error, Result};
use crate::project::{Project, Shard};
use crate::report::{coverage_html, coverage_json, coverage_markdown, coverage_text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Markdown,
    Json,
    Html,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The report's format (default: from the --output file's extension, .txt, .md,
    /// .json or .html; else text).
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write the report to this file (atomically) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
    /// Exit 1 when a locale's completion is below PERCENT (`--fail-under 80`), or
    /// `LOCALE=PERCENT` for one locale (repeatable).
    #[arg(long, value_name = "PERCENT|LOCALE=PERCENT")]
    pub fail_under: Vec<String>,
    /// Only this locale (repeatable).
    #[arg(long = "locale", value_name = "LOCALE")]
    pub locales: Vec<String>,
    /// Also report what changed since this git revision (commit, branch, tag, `HEAD~3`):
    /// reference messages added, translations added or changed, completion then and now.
    #[arg(long, value_name = "REV")]
    pub since: Option<String>,
    /// Only shard K of N of the locales (sorted by tag, dealt in turn), for a CI matrix;
    /// combine the shards' JSON reports with `--merge`.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<Shard>,
    /// Combine these JSON reports of shards (`--shard K/N --format json`) into one report of
    /// the whole project, instead of checking.
    #[arg(long, value_name = "REPORT.json", num_args = 1.., conflicts_with_all = ["shard", "since", "locales"])]
    pub merge: Vec<std::path::PathBuf>,
    /// Fit the text tables into this many columns, wrapping cells (default: `$COLUMNS`, or
    /// the terminal's width when printing to one; piped or to a file, natural width).
    #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,
    #[command(flatten)]
    pub cache: super::CacheArgs,
}

/// Checks the project and builds the coverage model; with `since`, also the project as it
/// was at that revision, and what changed. Also how many locales or files could not be
/// checked (each already printed): the figures leave them out.
pub(super) fn model(
    project: &Project,
    locales: Vec<String>,
    shard: Option<Shard>,
    since: Option<&str>,
    cache: &super::CacheArgs,
) -> Result<(Coverage, usize)> {
    let options = CheckOptions {
        locales,
        paths: Vec::new(),
        shard,
    };
    let threshold = project.config.medloc.threshold.unwrap_or(DEFAULT_THRESHOLD);
    let Some(since) = since else {
        // Streamed: each locale's coverage built as its findings are final, then dropped.
        let (coverage, problems) = super::covered(project, &options, cache, threshold)?;
        return Ok((coverage, problems.len()));
    };
    // Read the revision first: a bad one stops the run before any report.
    let (selected, _) = project.select_locales(&options.locales, options.shard);
    let (then_catalog, revision) = crate::history::catalog_at(project, since, &selected)?;
    let (run, catalog) = super::checked(project, &options, cache)?;
    let report = run.report;
    for problem in &report.problems {
        eprintln!("error: {problem}");
    }
    let mut coverage = build(project, &catalog, &report, threshold);
    // Completion then, as a check would have counted it (untranslated text is not
    // translated); today's do-not-translate names, no stale state or terminology.
    let names = crate::terminology::Termbase::load_project(project)?.do_not_translate_names();
    let then_report = crate::check::check(
        project,
        &then_catalog,
        &std::collections::HashMap::new(),
        &names,
        None,
        &options,
    )?;
    let then = build(project, &then_catalog, &then_report, threshold);
    coverage.since = Some(crate::coverage::since(
        &revision,
        (&then_catalog, &then),
        (&catalog, &coverage),
    ));
    Ok((coverage, report.problems.len()))
}

/// The width the text tables are fitted into: `--width`; else, for a report going to
/// standard output, `$COLUMNS` or the terminal's width (comfy-table's own detection, which
/// answers only when standard output is a terminal); else none, the natural width.
pub(super) fn table_width(flag: Option<u16>, to_stdout: bool) -> Option<u16> {
    flag.or_else(|| {
        to_stdout.then(|| {
            columns(std::env::var_os("COLUMNS").as_deref())
                .or_else(|| comfy_table::Table::new().width())
        })?
    })
}

/// `$COLUMNS` as a width, when it is a number of at least 20.
fn columns(value: Option<&std::ffi::OsStr>) -> Option<u16> {
    value?
        .to_str()?
        .trim()
        .parse()
        .ok()
        .filter(|w: &u16| *w >= 20)
}

/// When the report is made (`$SOURCE_DATE_EPOCH` when set, for reproducible output; else
/// now) and the commit the project is on.
fn made(project: &Project) -> coverage_html::Made {
    let unix_seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs())
        });
    coverage_html::Made {
        unix_seconds,
        commit: crate::history::head_commit(&project.root),
    }
}

/// The report in `format`; `width` as from [`table_width`].
pub(super) fn render(
    project: &Project,
    coverage: &Coverage,
    format: Format,
    width: Option<u16>,
) -> Result<String> {
    Ok(match format {
        Format::Text => coverage_text::render(coverage, super::color(), width),
        Format::Markdown => coverage_markdown::render(coverage),
        Format::Json => coverage_json::render(coverage),
        Format::Html => coverage_html::render(
            coverage,
            &made(project),
            Some(&project.root.join("templates")),
        )?,
    })
}

pub fn run(project: &Project, args: Args) -> Result<Outcome> {
    let gates = parse_gates(&args.fail_under)?;
    // A typo in a gate must not switch the gate off.
    for (locale, _) in &gates {
        if let Some(locale) = locale {
            project.require_locale("--fail-under", locale, false)?;
        }
    }
    for locale in &args.locales {
        project.require_locale("--locale", locale, false)?;
    }
    let (coverage, problems) = if args.merge.is_empty() {
        model(
            project,
            args.locales,
            args.shard,
            args.since.as_deref(),
            &args.cache,
        )?
    } else {
        (merged(project, &args.merge)?, 0)
    };
    let format = output_format(args.format, args.output.as_deref())?;
    let width = table_width(args.width, args.output.is_none());
    let text = render(project, &coverage, format, width)?;
    match &args.output {
        Some(path) => crate::fsio::write_atomic(path, text.as_bytes())?,
        None => print!("{text}"),
    }
    let mut outcome = Outcome::Clean;
    for l in coverage.locales.iter().filter(|l| !l.is_reference) {
        let floor = gates
            .iter()
            .filter(|(loc, _)| loc.as_deref().is_none_or(|x| x == l.locale))
            .map(|(_, p)| *p)
            .next_back();
        if let Some(floor) = floor
            && l.completion < floor
        {
            eprintln!("{}: {:.1}% is under {floor}%", l.locale, l.completion);
            outcome = Outcome::Findings;
        }
    }
    // The report is out, but it lacks what could not be checked: that is not a pass.
    super::unchecked(problems)?;
    Ok(outcome)
}

/// The format `--format` names, or the one `--output`'s extension implies; refuses the two
/// disagreeing (`--format json -o report.html` would write JSON a browser cannot show).
fn output_format(given: Option<Format>, output: Option<&std::path::Path>) -> Result<Format> {
    let implied = output
        .and_then(|p| p.extension())
        .and_then(|e| e.to_str())
        .and_then(|e| match e.to_ascii_lowercase().as_str() {
            "json" => Some(Format::Json),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "txt" | "text" => Some(Format::Text),
            _ => None,
        });
    match (given, implied) {
        (Some(g), Some(i)) if g != i => Err(Error::FormatMismatch {
            given: format_name(g),
            output: output.map(|p| p.display().to_string()).unwrap_or_default(),
            implied: format_name(i),
        }),
        (Some(g), _) => Ok(g),
        (None, Some(i)) => Ok(i),
        (None, None) => Ok(Format::Text),
    }
}

fn format_name(format: Format) -> &'static str {
    match format {
        Format::Text => "text",
        Format::Markdown => "markdown",
        Format::Json => "json",
        Format::Html => "html",
    }
}

/// The shards' reports in `paths`, read and combined.
fn merged(project: &Project, paths: &[std::path::PathBuf]) -> Result<Coverage> {
    let parts = paths
        .iter()
        .map(|path| {
            let text = crate::fsio::read_text(path)?;
            let coverage: Coverage = serde_json::from_str(&text).map_err(|e| Error::Config {
                path: path.clone(),
                line: e.line(),
                message: format!(
                    "not a medloc coverage report ({e}); make each with `medloc coverage --shard K/N --format json --output FILE`"
                ),
            })?;
            Ok((path.clone(), coverage))
        })
        .collect::<Result<Vec<_>>>()?;
    crate::coverage::merge(parts, &project.locales)
}

/// `80` applies to every locale; `es=95` to one (later entries win).
fn parse_gates(values: &[String]) -> Result<Vec<(Option<String>, f64)>> {
    values
        .iter()
        .map(|v| {
            let (locale, pct) = match v.split_once('=') {
                Some((l, p)) => (Some(l.to_owned()), p),
                None => (None, v.as_str()),
            };
            let pct: f64 = pct
                .trim_end_matches('%')
                .parse()
                .ok()
                .filter(|p: &f64| (0.0..=100.0).contains(p))
                .ok_or_else(|| Error::InvalidOption {
                    option: "--fail-under",
                    value: v.to_string(),
                    expected: "expected a percent from 0 to 100, or LOCALE=PERCENT",
                })?;
            Ok((locale, pct))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::columns;
    use std::ffi::OsStr;

    #[test]
    fn columns_takes_a_plausible_width_only() {
        assert_eq!(columns(Some(OsStr::new("80"))), Some(80));
        assert_eq!(columns(Some(OsStr::new(" 132\n"))), Some(132));
        assert_eq!(columns(Some(OsStr::new("0"))), None);
        assert_eq!(columns(Some(OsStr::new("wide"))), None);
        assert_eq!(columns(None), None);
    }
}
