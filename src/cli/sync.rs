//! `medloc sync [--accept LOCALE ID...]`.

use super::Outcome;
use crate::catalog::Catalog;
use crate::error::Result;
use crate::project::Project;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Accept translations as still right after an English change: LOCALE then IDs.
    #[arg(long, num_args = 2.., value_names = ["LOCALE", "ID"])]
    pub accept: Vec<String>,
}

pub fn run(project: &Project, args: Args) -> Result<Outcome> {
    let accept: Vec<(String, String)> = match args.accept.split_first() {
        None => Vec::new(),
        Some((locale, ids)) => {
            project.require_locale("--accept", locale, false)?;
            ids.iter().map(|id| (locale.clone(), id.clone())).collect()
        }
    };
    let catalog = Catalog::load(project, &project.locales)?;
    let (states, broken) = crate::stale::load_states_to_rebuild(project, &project.locales)?;
    for error in &broken {
        eprintln!(
            "warning: {error}\nwarning: rebuilding it from the current files; translations are untouched, but a translation that was stale is now recorded as current"
        );
    }
    let (history, notes) = crate::stale::history_states(project, &project.locales, None);
    for note in &notes {
        eprintln!("note: {note}");
    }
    for outcome in crate::stale::sync(project, &catalog, &states, &history, &accept)? {
        println!(
            "{:<8} {} recorded, {} updated, {} accepted, {} removed, {} still stale{}",
            outcome.locale,
            outcome.recorded,
            outcome.updated,
            outcome.accepted,
            outcome.removed,
            outcome.still_stale,
            if outcome.written { "" } else { " (unchanged)" }
        );
    }
    Ok(Outcome::Clean)
}
