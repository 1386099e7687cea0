//! `medloc init DIR`.

use super::Outcome;
use crate::error::Result;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Directory to create the project in (new or empty).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

pub fn run(args: Args) -> Result<Outcome> {
    let written = crate::init::init(&args.dir)?;
    println!(
        "created a medloc project in {} ({} files); next: cd there and run `medloc build`",
        args.dir.display(),
        written.len()
    );
    Ok(Outcome::Clean)
}
