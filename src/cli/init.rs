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
    // The stale-tracking state of the sample's translations, so that an English edit is
    // reported stale out of the box even outside git (in git, history does it anyway).
    let project = crate::project::Project::load(&args.dir.join("l10n.toml"))?;
    let catalog = crate::catalog::Catalog::load(&project, &project.locales)?;
    crate::stale::sync(
        &project,
        &catalog,
        &Default::default(),
        &Default::default(),
        &[],
    )?;
    println!(
        "created a medloc project in {} ({} files); next: cd there and run `medloc build`",
        args.dir.display(),
        written.len()
    );
    Ok(Outcome::Clean)
}
