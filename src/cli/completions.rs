//! `medloc completions SHELL` and `medloc man`: generated from the same clap definitions
//! as the parser (clap_complete, clap_mangen), so they cannot drift from the commands.

use super::{Cli, Outcome};
use crate::error::{Error, Result};
use clap::CommandFactory;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

pub fn run(args: Args) -> Result<Outcome> {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "medloc", &mut std::io::stdout());
    Ok(Outcome::Clean)
}

pub fn man() -> Result<Outcome> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .map_err(|source| Error::Write {
            path: "standard output".into(),
            source: source.into(),
        })?;
    use std::io::Write;
    std::io::stdout()
        .write_all(&out)
        .map_err(|source| Error::Write {
            path: "standard output".into(),
            source: source.into(),
        })?;
    Ok(Outcome::Clean)
}
