//! `medloc build`: the whole pipeline on the project: the reference files are up to date
//! with their articles (`split --check`), then every locale is checked. Exits 1 when either
//! finds something, 2 when something could not run.

use super::Outcome;
use crate::error::Result;
use crate::project::Project;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(project: &Project, _args: Args) -> Result<Outcome> {
    let mut outcome = Outcome::Clean;
    if project.source_dir().is_dir() {
        println!("== split --check");
        if super::split::report(project, &[], true)? == Outcome::Findings {
            outcome = Outcome::Findings;
        }
        println!();
    }
    println!("== check");
    let check = super::check::run(
        project,
        super::check::Args {
            paths: Vec::new(),
            locales: Vec::new(),
            format: super::check::Format::Text,
            deny: None,
        },
    )?;
    if check == Outcome::Findings {
        outcome = Outcome::Findings;
    }
    Ok(outcome)
}
