//! `medloc terms LOCALE`.

use super::Outcome;
use crate::catalog::Catalog;
use crate::check::Terms;
use crate::error::{Error, Result};
use crate::project::Project;
use crate::report::{terms_json, terms_text};
use crate::terminology::Termbase;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The locale (one of the project's, or the reference).
    pub locale: String,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

pub fn run(project: &Project, args: Args) -> Result<Outcome> {
    let locale = args.locale;
    let is_reference = locale == project.reference_locale;
    project.require_locale("terms", &locale, true)?;
    let termbase = Termbase::load_project(project)?;
    if termbase.concepts.is_empty() {
        return Err(Error::NoTermbase);
    }
    let only = if is_reference {
        Vec::new()
    } else {
        vec![locale.clone()]
    };
    let (only, problems) = project.select_locales(&only, None);
    if let Some(problem) = problems.first() {
        return Err(problem.clone());
    }
    let catalog = Catalog::load(project, &only)?;
    if let Some(problem) = catalog.problems.first() {
        return Err(problem.clone());
    }
    let compiled: Vec<String> = catalog.locales.iter().map(|l| l.locale.clone()).collect();
    let terms = Terms::new(termbase, &project.reference_locale, &compiled);
    let usage = crate::terminology::index::TermLookup::new(&terms, &locale)
        .and_then(|lookup| crate::terms::for_locale(&lookup, &catalog, &locale))
        .ok_or_else(|| Error::NoLocaleFiles {
            locale: locale.clone(),
        })?;
    match args.format {
        Format::Json => print!("{}", terms_json::render(&usage)),
        Format::Text => print!("{}", terms_text::render(&usage)),
    }
    Ok(Outcome::Clean)
}
