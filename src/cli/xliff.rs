//! `medloc xliff export LOCALE [--article A] [-o DIR] [--xliff-version 2.1|1.2]` and
//! `medloc xliff import FILE... [--force]`.

use super::Outcome;
use crate::catalog::Catalog;
use crate::error::{Error, Result};
use crate::interchange::xliff::{self, Version};
use crate::project::Project;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: XliffCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum XliffCommand {
    /// Write one XLIFF file per article for LOCALE, with its translations as targets.
    Export {
        locale: String,
        /// Only this article (the reference file's name without `.ftl`).
        #[arg(long)]
        article: Option<String>,
        /// Where to write the files (default: this directory).
        #[arg(short = 'o', long, value_name = "DIR", default_value = ".")]
        out: PathBuf,
        /// XLIFF 2.1 (default) or 1.2.
        #[arg(long, value_name = "VERSION", default_value = "2.1", value_parser = ["2.1", "1.2"])]
        xliff_version: String,
    },
    /// Write the changed targets of XLIFF files back into the locales' `.ftl` files.
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Write even when the check finds new errors in the result.
        #[arg(long)]
        force: bool,
    },
}

pub fn run(project: &Project, args: Args) -> Result<Outcome> {
    match args.command {
        XliffCommand::Export {
            locale,
            article,
            out,
            xliff_version,
        } => {
            project.require_locale("xliff export", &locale, false)?;
            let catalog = Catalog::load(project, std::slice::from_ref(&locale))?;
            let version = if xliff_version == "1.2" {
                Version::V12
            } else {
                Version::V21
            };
            for file in xliff::export(project, &catalog, &locale, article.as_deref(), version)? {
                let path = out.join(&file.name);
                crate::fsio::write_atomic(&path, file.xml.as_bytes())?;
                println!("{}", path.display());
            }
            Ok(Outcome::Clean)
        }
        XliffCommand::Import { files, force } => {
            let plan = xliff::plan_import(project, &files)?;
            let added = xliff::added_errors(project, &plan)?;
            if !added.is_empty() {
                if !force {
                    eprintln!(
                        "error: {}",
                        Error::ImportRefused {
                            count: added.len(),
                            details: added.join("\n"),
                        }
                    );
                    return Ok(Outcome::Findings);
                }
                for line in &added {
                    eprintln!("warning: written with --force: {line}");
                }
            }
            xliff::write_plan(project, &plan)?;
            for file in &plan.files {
                println!(
                    "{} {}: {} unit(s) updated: {}",
                    file.locale,
                    file.shown,
                    file.units.len(),
                    file.units.join(", ")
                );
            }
            if plan.files.is_empty() {
                println!("nothing to import: every target matches the .ftl files");
            }
            Ok(Outcome::Clean)
        }
    }
}
