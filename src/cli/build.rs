//! `medloc build`: the whole pipeline on the project: the reference files are up to date
//! with their articles (`split --check`), every locale is checked, and the coverage reports
//! are written (HTML and JSON into the output directory, the table to the terminal). Exits
//! 1 when something needs attention, 2 when something could not run.

use super::Outcome;
use crate::error::{Result, write_atomic};
use crate::project::Project;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where reports (and, later, rendered guides) go.
    #[arg(long, default_value = "out")]
    pub out: PathBuf,
}

pub fn run(project: &Project, args: Args) -> Result<Outcome> {
    let mut outcome = Outcome::Clean;
    if project.source_dir().is_dir() {
        println!("== split --check");
        if super::split::report(project, &[], true)? == Outcome::Findings {
            outcome = Outcome::Findings;
        }
        println!();
    }
    println!("== check");
    let (report, catalog) =
        crate::check::check_project(project, &crate::check::CheckOptions::default())?;
    if super::check::print_report(&report, &catalog, super::check::Format::Text, false)?
        == Outcome::Findings
    {
        outcome = Outcome::Findings;
    }
    println!("\n== coverage");
    let threshold = project
        .config
        .medloc
        .threshold
        .unwrap_or(crate::coverage::DEFAULT_THRESHOLD);
    let coverage = crate::coverage::build(project, &catalog, &report, threshold);
    let out = if args.out.is_absolute() {
        args.out.clone()
    } else {
        project.root.join(&args.out)
    };
    for (name, format) in [
        ("coverage.html", super::coverage::Format::Html),
        ("coverage.json", super::coverage::Format::Json),
    ] {
        let path = out.join(name);
        write_atomic(
            &path,
            super::coverage::render(project, &coverage, format)?.as_bytes(),
        )?;
        println!("wrote {}", project.display_path(&path));
    }
    print!(
        "{}",
        super::coverage::render(project, &coverage, super::coverage::Format::Text)?
    );
    Ok(outcome)
}
