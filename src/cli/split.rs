//! `medloc split [ARTICLE...] [--check]`.

use super::Outcome;
use crate::error::Result;
use crate::project::Project;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Articles to split, by slug or path (default: every article in the source directory).
    pub articles: Vec<String>,
    /// Write nothing; exit 1 and list the differences when a reference file is out of date.
    #[arg(long)]
    pub check: bool,
}

pub fn run(project: &Project, args: Args) -> Result<Outcome> {
    report(project, &args.articles, args.check)
}

/// Splits (or checks) and prints one line per article, plus its differences. Articles that
/// could not be read are reported on stderr; the run goes on with the others and then
/// fails as a whole.
pub(super) fn report(project: &Project, articles: &[String], check: bool) -> Result<Outcome> {
    let outcomes = crate::split::split(project, articles, check)?;
    let mut outcome = Outcome::Clean;
    let mut failed = 0;
    for result in outcomes {
        let split = match result {
            Ok(split) => split,
            Err(error) => {
                eprintln!("error: {error}");
                failed += 1;
                continue;
            }
        };
        for note in &split.notes {
            eprintln!("note: {note}");
        }
        let ftl = project.display_path(&split.ftl);
        let a = &split.alignment;
        let counts = format!(
            "{} unchanged, {} edited, {} added, {} removed",
            a.unchanged.len(),
            a.edited.len(),
            a.added.len(),
            a.removed.len()
        );
        match (split.changed, check) {
            (false, _) => println!("{ftl}: up to date ({counts})"),
            (true, false) => println!("{ftl}: written ({counts})"),
            (true, true) => {
                outcome = Outcome::Findings;
                println!("{ftl}: out of date; run `medloc split` ({counts})");
                for (sign, ids) in [("+", &a.added), ("-", &a.removed), ("~", &a.edited)] {
                    for id in ids {
                        println!("  {sign} {id}");
                    }
                }
                if a.added.is_empty() && a.removed.is_empty() && a.edited.is_empty() {
                    println!("  (same messages; comments or layout differ)");
                }
            }
        }
    }
    match failed {
        0 => Ok(outcome),
        count => Err(crate::Error::Reported {
            count,
            what: "article(s)",
        }),
    }
}
