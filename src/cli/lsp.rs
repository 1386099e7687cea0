//! `medloc lsp`: the language server on standard input and output (`medloc::lsp::run`).

use super::Outcome;
use crate::error::{Error, Result};
use crate::lsp::Ending;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Talk over standard input and output (the only transport; accepted because editors
    /// such as VS Code pass it).
    #[arg(long)]
    pub stdio: bool,
}

pub fn run(_args: Args) -> Result<Outcome> {
    let input = std::io::BufReader::new(std::io::stdin());
    let output = std::io::stdout().lock();
    match crate::lsp::run(input, output) {
        Ok(Ending::Clean) => Ok(Outcome::Clean),
        // The protocol's exit code for an `exit` without `shutdown` is 1.
        Ok(Ending::Abrupt) => Ok(Outcome::Findings),
        Err(e) => Err(Error::Protocol {
            detail: e.to_string(),
        }),
    }
}
