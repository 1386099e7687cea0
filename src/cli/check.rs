//! `medloc check`.

use super::Outcome;
use crate::check::{
    CheckOptions, CheckReport, Finding, Severity, Stream, Unit, check_each, check_streamed,
};
use crate::error::Result;
use crate::project::{Project, Shard};
use crate::report::check_text::{Detail, Sources, Tally};
use crate::report::{check_json, check_sarif, check_short, check_text};

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Text,
    /// One line per finding, `path:line:col: severity[rule]: text` (editors' quickfix lists).
    Short,
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
    /// Show less in text and short output: `-q` hides missing messages, `-qq` every warning
    /// and info. The summary still counts them; JSON and SARIF are always complete.
    #[arg(short, long, action = clap::ArgAction::Count, conflicts_with = "verbose")]
    pub quiet: u8,
    /// List each missing message in text output (by default one line per file says how
    /// many).
    #[arg(short, long)]
    pub verbose: bool,
    #[command(flatten)]
    pub cache: super::CacheArgs,
}

pub fn run(project: &Project, args: Args) -> Result<Outcome> {
    // The translations are checked all the same; split and render will refuse.
    if let Err(e) = project.articles() {
        eprintln!("warning: {e}");
    }
    for locale in &args.locales {
        project.require_locale("--locale", locale, true)?;
    }
    let options = CheckOptions {
        locales: args.locales,
        paths: args.paths,
        shard: args.shard,
    };
    let cache = args.cache.cache(project);
    let deny_warnings = args.deny.is_some();
    let detail = Detail {
        quiet: args.quiet,
        verbose: args.verbose,
    };
    if let Format::Sarif = args.format {
        // SARIF is one JSON document with per-rule indices: written whole at the end.
        let run = check_streamed(project, &options, cache.as_ref())?;
        print_notes(&run.notes);
        print_warnings(&run.warnings);
        return print_report(&run.report, &Sources::new(), args.format, deny_warnings);
    }
    // Text, short and JSON are written a few locales at a time, as their findings are final.
    let color = super::color();
    let format = args.format;
    let json = matches!(format, Format::Json);
    let stream = Stream {
        cache: cache.as_ref(),
        sources: matches!(format, Format::Text),
    };
    let digest = |unit: Unit| match format {
        Format::Text => text_digest(&unit, color, detail),
        Format::Short => {
            let mut tally = Tally::default();
            tally.add(&unit.findings);
            (check_short::lines(&unit.findings, detail), tally)
        }
        Format::Json | Format::Sarif => {
            let mut tally = Tally::default();
            tally.add(&unit.findings);
            (check_json::fragment(&unit.findings), tally)
        }
    };
    let mut tally = Tally::default();
    let mut joiner = check_json::Joiner::default();
    let mut started = false;
    let head = check_json::head(&project.reference_locale);
    let mut sink = |(text, part): (String, Tally)| {
        if json && !started {
            print!("{head}");
            started = true;
        }
        if json {
            print!("{}", joiner.next(&text));
        } else {
            print!("{text}");
        }
        tally.merge(part);
    };
    let summary = check_each(project, &options, stream, &digest, &mut sink)?;
    let counts = [
        tally.count(Severity::Error),
        tally.count(Severity::Warning),
        tally.count(Severity::Info),
    ];
    if json {
        if !started {
            print!("{head}");
        }
        let problems: Vec<String> = summary.problems.iter().map(ToString::to_string).collect();
        print!("{}", check_json::tail(joiner.any(), counts, &problems));
    } else if let Format::Short = format {
        // Standard output holds the findings' lines only, for a quickfix list.
        eprint!("{}", tally.summary(&summary.locales));
    } else {
        print!("{}", tally.summary(&summary.locales));
    }
    print_notes(&summary.notes);
    print_warnings(&summary.warnings);
    outcome(&summary.problems, counts, deny_warnings)
}

/// One unit's findings as text diagnostics (with snippets of its sources), and their
/// tally: what `check` and `build` print as each unit is final.
pub(super) fn text_digest(unit: &Unit, color: bool, detail: Detail) -> (String, Tally) {
    let mut tally = Tally::default();
    tally.add(&unit.findings);
    let sources: Sources<'_> = unit
        .sources
        .iter()
        .map(|(path, text)| (path.as_str(), text.as_str()))
        .collect();
    if let Some(dir) = unit.absent_dir.as_deref().filter(|_| !detail.verbose) {
        // Nobody has started the locale: one line, not a warning per message.
        let (missing, rest): (Vec<&Finding>, Vec<&Finding>) = unit
            .findings
            .iter()
            .partition(|f| f.rule == "missing-message");
        let rest: Vec<Finding> = rest.into_iter().cloned().collect();
        let mut text = String::new();
        if let Some(first) = missing.first().filter(|f| detail.shows(f)) {
            text.push_str(&check_text::not_started(first, dir, missing.len(), color));
        }
        text.push_str(&check_text::diagnostics(&rest, &sources, color, detail));
        return (text, tally);
    }
    (
        check_text::diagnostics(&unit.findings, &sources, color, detail),
        tally,
    )
}

fn print_notes(notes: &[String]) {
    for note in notes {
        eprintln!("note: {note}");
    }
}

fn print_warnings(warnings: &[String]) {
    for warning in warnings {
        eprintln!("warning: cache: {warning}");
    }
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
            let color = super::color();
            print!(
                "{}",
                check_text::render(report, sources, color, Detail::default())
            );
        }
        Format::Short => print!(
            "{}",
            check_short::lines(&report.findings, Detail::default())
        ),
    }
    outcome(
        &report.problems,
        [
            report.count(Severity::Error),
            report.count(Severity::Warning),
            report.count(Severity::Info),
        ],
        deny_warnings,
    )
}

/// The outcome for the exit code: findings fail on errors (and warnings with `--deny
/// warnings`); locales or files that could not be checked make it an error, after the report
/// is out.
fn outcome(
    problems: &[crate::Error],
    [errors, warnings, _]: [usize; 3],
    deny_warnings: bool,
) -> Result<Outcome> {
    if !problems.is_empty() {
        for problem in problems {
            eprintln!("error: {problem}");
        }
        return Err(crate::Error::Reported {
            count: problems.len(),
            what: "locale(s) or file(s)",
        });
    }
    Ok(if errors > 0 || (deny_warnings && warnings > 0) {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}
