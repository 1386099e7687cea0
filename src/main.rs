//! The `medloc` binary: parses arguments, runs the library, maps the result to an exit
//! code (0 ok, 1 findings, 2 could not run).

use clap::Parser;
use medloc::cli::{Cli, Outcome, run};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(Outcome::Clean) => ExitCode::SUCCESS,
        Ok(Outcome::Findings) => ExitCode::from(1),
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
    }
}
