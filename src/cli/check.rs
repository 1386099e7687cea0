//! `medloc check`.

use super::Outcome;
use crate::catalog::Catalog;
use crate::check::{CheckOptions, CheckReport, Severity, check_streamed};
use crate::error::Result;
use crate::project::{Project, Shard};
use crate::report::{check_json, check_sarif, check_text};
use std::io::IsTerminal;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Sarif,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files to check (paths relative to the project root or to a locale directory).
    pub paths: Vec<String>,
    /// Only this locale (repeatable).
    #[arg(long = "locale", value_name = "LOCALE")]
    pub locales: Vec<String>,
    /// Only shard K of N of the locales (sorted by tag, dealt in turn), for a CI matrix; the
    /// reference's own findings are reported by shard 1.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<Shard>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// `--deny warnings` makes warnings fail the run too.
    #[arg(long, value_name = "LEVEL", value_parser = ["warnings"])]
    pub deny: Option<String>,
    #[command(flatten)]
    pub cache: super::CacheArgs,
}

pub fn run(project: &Project, args: Args) -> Result<Outcome> {
    let options = CheckOptions {
        locales: args.locales,
        paths: args.paths,
        shard: args.shard,
    };
    let run = check_streamed(project, &options, args.cache.cache(project).as_ref())?;
    for warning in &run.warnings {
        eprintln!("warning: cache: {warning}");
    }
    let sources: check_text::Sources<'_> = run
        .sources
        .iter()
        .map(|(path, text)| (path.as_str(), text.as_str()))
        .collect();
    print_report(&run.report, &sources, args.format, args.deny.is_some())
}

/// The text of every file of `catalog`, for snippets.
pub(super) fn catalog_sources(catalog: &Catalog) -> check_text::Sources<'_> {
    std::iter::once(catalog.reference.as_ref())
        .chain(&catalog.locales)
        .flat_map(|files| files.files.values())
        .map(|file| (file.shown.as_str(), file.text()))
        .collect()
}

/// Prints a check report in `format`; the outcome for the exit code. Locales or files that
/// could not be checked make it an error after the report is out.
pub(super) fn print_report(
    report: &CheckReport,
    sources: &check_text::Sources<'_>,
    format: Format,
    deny_warnings: bool,
) -> Result<Outcome> {
    match format {
        Format::Json => print!("{}", check_json::render(report)),
        Format::Sarif => print!("{}", check_sarif::render(report)),
        Format::Text => {
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            print!("{}", check_text::render(report, sources, color));
        }
    }
    let failing =
        report.count(Severity::Error) > 0 || (deny_warnings && report.count(Severity::Warning) > 0);
    if !report.problems.is_empty() {
        for problem in &report.problems {
            eprintln!("error: {problem}");
        }
        return Err(crate::Error::Reported {
            count: report.problems.len(),
            what: "locale(s) or file(s)",
        });
    }
    Ok(if failing {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}
