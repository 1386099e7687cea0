//! `medloc build`: the whole pipeline on the project. Today: verifies that every reference
//! file is up to date with its article (`split --check`).

use super::Outcome;
use crate::error::Result;
use crate::project::Project;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(project: &Project, _args: Args) -> Result<Outcome> {
    println!("== split --check");
    super::split::report(project, &[], true)
}
