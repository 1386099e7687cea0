//! `medloc rules [NAME]`.

use super::Outcome;
use crate::check::rules::{RULES, doc, find};
use crate::error::{Error, Result};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A rule to explain.
    pub name: Option<String>,
}

pub fn run(args: Args) -> Result<Outcome> {
    match args.name {
        None => {
            for rule in RULES {
                println!(
                    "{:<26} {:<8} {}",
                    rule.name,
                    rule.severity.as_str(),
                    rule.summary
                );
            }
        }
        Some(name) => {
            let rule = find(&name).ok_or_else(|| Error::UnknownRule { name: name.clone() })?;
            println!("{} (default: {})\n", rule.name, rule.severity.as_str());
            println!("{}", doc(rule.name).unwrap_or(rule.summary));
        }
    }
    Ok(Outcome::Clean)
}
