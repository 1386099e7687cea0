//! `medloc build`: the whole pipeline on the project: the reference files are up to date
//! with their articles (`split --check`), every locale is checked, the coverage reports are
//! written (`reports/coverage.html` and `.json` in the output directory, the table to the
//! terminal), and the publishable locales are rendered (`site/` as HTML, `hugo/` as
//! Markdown for Hugo). Exits 1 when something needs attention, 2 when something could not
//! run.

use super::Outcome;
use crate::check::{CheckOptions, Severity, Stream};
use crate::coverage::check_covered;
use crate::error::Result;
use crate::fsio::write_atomic;
use crate::project::Project;
use crate::report::check_text::Tally;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where reports and rendered guides go.
    #[arg(long, default_value = "dist")]
    pub out: PathBuf,
    /// Worker threads for check and render (default: one per core).
    #[arg(long, short, value_name = "N")]
    pub jobs: Option<usize>,
    /// Let the render remove the pages of locales the previous site has and this one does not.
    #[arg(long)]
    pub allow_unpublish: bool,
    #[command(flatten)]
    pub cache: super::CacheArgs,
}

pub fn run(project: &Project, args: Args) -> Result<Outcome> {
    super::set_jobs(args.jobs);
    let mut outcome = Outcome::Clean;
    let articles = project.articles()?;
    if articles.is_some() {
        println!("== split --check");
        if super::split::report(project, &[], true)? == Outcome::Findings {
            outcome = Outcome::Findings;
        }
        println!();
    }
    println!("== check");
    let threshold = project
        .config
        .medloc
        .threshold
        .unwrap_or(crate::coverage::DEFAULT_THRESHOLD);
    // Findings are printed a few locales at a time as the check streams, and the coverage
    // model is built alongside; no stage holds every locale at once.
    let color = super::color();
    let cache = args.cache.cache(project);
    let stream = Stream {
        cache: cache.as_ref(),
        sources: true,
    };
    let mut tally = Tally::default();
    let (coverage, summary) = check_covered(
        project,
        &CheckOptions::default(),
        stream,
        threshold,
        &|unit| super::check::text_digest(unit, color, Default::default()),
        &mut |(text, part)| {
            print!("{text}");
            tally.merge(part);
        },
    )?;
    print!("{}", tally.summary(&summary.locales));
    super::print_run_notes(&summary);
    if tally.count(Severity::Error) > 0 {
        outcome = Outcome::Findings;
    }
    println!("\n== coverage");
    let out = if args.out.is_absolute() {
        args.out.clone()
    } else {
        project.root.join(&args.out)
    };
    for (name, format) in [
        ("coverage.html", super::coverage::Format::Html),
        ("coverage.json", super::coverage::Format::Json),
    ] {
        let path = out.join("reports").join(name);
        write_atomic(
            &path,
            super::coverage::render(project, &coverage, format, None)?.as_bytes(),
        )?;
        println!("wrote {}", project.display_path(&path));
    }
    print!(
        "{}",
        super::coverage::render(
            project,
            &coverage,
            super::coverage::Format::Text,
            super::coverage::table_width(None, true)
        )?
    );
    if articles.is_none() {
        println!("\n== render\n{}", super::render::no_articles(project));
        super::unchecked(summary.problems.len())?;
        return Ok(outcome);
    }
    for (dir, format) in [
        ("site", crate::render::Format::Html),
        ("hugo", crate::render::Format::Markdown),
    ] {
        println!("\n== render {dir}");
        let options = crate::render::Options {
            out: out.join(dir),
            format,
            all: false,
            jobs: args.jobs,
            allow_unpublish: args.allow_unpublish,
        };
        let report = super::render::render_with_progress(project, &coverage, &options)?;
        if super::render::print_report(project, &options, &report) == Outcome::Findings {
            outcome = Outcome::Findings;
        }
    }
    // Everything that could run is out; what could not be checked is not a pass.
    super::unchecked(summary.problems.len())?;
    Ok(outcome)
}
