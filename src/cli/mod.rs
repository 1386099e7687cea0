//! The command line: argument definitions (clap) and one function per subcommand that
//! builds the library's options, calls it, and prints. The only module that prints.

mod build;
mod check;
mod completions;
mod coverage;
mod init;
mod lsp;
mod render;
mod rules;
mod split;
mod sync;
mod terms;
mod xliff;

use crate::error::Result;
use crate::project::Project;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// How a command ended, for the exit code: 0 clean, 1 findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Clean,
    Findings,
}

#[derive(Debug, Parser)]
#[command(
    name = "medloc",
    version,
    about = "Localization pipeline for medical and public-health guides"
)]
pub struct Cli {
    /// The project file (default: l10n.toml in this directory or the nearest one above).
    /// Repeat it to check several project files in one run, as compare-locales takes them.
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Vec<PathBuf>,
    /// Colour in the terminal output: auto (on a terminal, unless NO_COLOR is set),
    /// always, or never.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
    #[command(subcommand)]
    pub command: Command,
}

/// When the terminal output is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

static COLOR: std::sync::OnceLock<ColorWhen> = std::sync::OnceLock::new();

/// Whether output to standard output is coloured: `--color`, else a terminal without
/// `NO_COLOR` (https://no-color.org).
fn color() -> bool {
    match COLOR.get().copied().unwrap_or(ColorWhen::Auto) {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            use std::io::IsTerminal;
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Split source articles into reference Fluent messages with stable IDs.
    Split(split::Args),
    /// Check every locale against the reference.
    Check(check::Args),
    /// Report translation coverage per locale and article.
    Coverage(coverage::Args),
    /// List the check rules, or explain one.
    Rules(rules::Args),
    /// Show how a locale renders each termbase concept: terms, statuses and messages.
    Terms(terms::Args),
    /// Record the reference and translation each translated message was made from (stale tracking).
    Sync(sync::Args),
    /// Render the publishable locales' guides as HTML pages or Markdown for Hugo.
    Render(render::Args),
    /// Run the whole pipeline on the project: split --check, check, coverage, render.
    Build(build::Args),
    /// Exchange XLIFF 2.1 or 1.2 files with translators' CAT tools.
    Xliff(xliff::Args),
    /// Create a sample project in DIR.
    Init(init::Args),
    /// Serve the Language Server Protocol on stdin/stdout: diagnostics, hover, completion
    /// and fixes for translators in their editor.
    Lsp(lsp::Args),
    /// Print a shell completion script: `medloc completions bash > /etc/bash_completion.d/medloc`.
    Completions(completions::Args),
    /// Print the manual page (roff): `medloc man > medloc.1`, then `man ./medloc.1`.
    Man,
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<Outcome> {
    let _ = COLOR.set(cli.color);
    match cli.command {
        Command::Split(args) => split::run(&load_project(&cli.config)?, args),
        Command::Check(args) => check::run(&load_project(&cli.config)?, args),
        Command::Coverage(args) => coverage::run(&load_project(&cli.config)?, args),
        Command::Render(args) => render::run(&load_project(&cli.config)?, args),
        Command::Rules(args) => rules::run(args),
        Command::Terms(args) => terms::run(&load_project(&cli.config)?, args),
        Command::Sync(args) => sync::run(&load_project(&cli.config)?, args),
        Command::Build(args) => build::run(&load_project(&cli.config)?, args),
        Command::Xliff(args) => xliff::run(&load_project(&cli.config)?, args),
        Command::Init(args) => init::run(args),
        Command::Lsp(args) => lsp::run(args),
        Command::Completions(args) => completions::run(args),
        Command::Man => completions::man(),
    }
}

/// Where `check` (and the stages that run it) keep cached results.
#[derive(Debug, Clone, clap::Args)]
pub struct CacheArgs {
    /// Check everything again, reading and writing no cached results.
    #[arg(long)]
    pub no_cache: bool,
    /// Where cached check results live (default: `.medloc-cache` in the project root).
    #[arg(long, value_name = "DIR", conflicts_with = "no_cache")]
    pub cache_dir: Option<PathBuf>,
}

impl CacheArgs {
    /// The cache to use, if any.
    fn cache(&self, project: &Project) -> Option<crate::check::cache::Cache> {
        (!self.no_cache).then(|| {
            crate::check::cache::Cache::new(
                self.cache_dir
                    .clone()
                    .unwrap_or_else(|| project.root.join(crate::check::cache::DEFAULT_DIR)),
            )
        })
    }
}

/// Checks the project with the cache `args` choose, printing the cache's warnings; with the
/// catalog of the run's locales.
fn checked(
    project: &Project,
    options: &crate::check::CheckOptions,
    args: &CacheArgs,
) -> Result<(crate::check::StreamedCheck, crate::catalog::Catalog)> {
    let (run, catalog) =
        crate::check::check_project(project, options, args.cache(project).as_ref())?;
    for warning in &run.warnings {
        eprintln!("warning: cache: {warning}");
    }
    Ok((run, catalog))
}

/// Checks every locale (with the cache `args` choose) and builds the coverage model as the
/// check streams, printing the cache's warnings and each locale or file that could not be
/// checked (the model leaves it out); those problems are returned for [`unchecked`].
fn covered(
    project: &Project,
    options: &crate::check::CheckOptions,
    args: &CacheArgs,
    threshold: f64,
) -> Result<(crate::coverage::Coverage, Vec<crate::Error>)> {
    let cache = args.cache(project);
    let stream = crate::check::Stream {
        cache: cache.as_ref(),
        sources: false,
    };
    let (coverage, summary) =
        crate::coverage::check_covered(project, options, stream, threshold, &|_| (), &mut |()| {})?;
    print_run_notes(&summary);
    Ok((coverage, summary.problems))
}

/// A streamed run's cache warnings and the locales or files it could not check.
fn print_run_notes(summary: &crate::check::RunSummary) {
    for note in &summary.notes {
        eprintln!("note: {note}");
    }
    for warning in &summary.warnings {
        eprintln!("warning: cache: {warning}");
    }
    for problem in &summary.problems {
        eprintln!("error: {problem}");
    }
}

/// After a command's output is out: the locales or files that could not be checked (each
/// already printed) make the run an error, since the output lacks them.
fn unchecked(count: usize) -> Result<()> {
    if count == 0 {
        return Ok(());
    }
    Err(crate::Error::Reported {
        count,
        what: "locale(s) or file(s)",
    })
}

/// Sets the worker threads of the global rayon pool (check, coverage) for `--jobs`. A pool
/// already set (by an earlier call in the same process, as in tests) is kept.
fn set_jobs(jobs: Option<usize>) {
    if let Some(jobs) = jobs {
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build_global();
    }
}

fn load_project(config: &[PathBuf]) -> Result<Project> {
    match config {
        [_, ..] => Project::load_all(config),
        [] => {
            let cwd = std::env::current_dir().map_err(|source| crate::Error::Read {
                path: PathBuf::from("."),
                source: source.into(),
            })?;
            Project::discover(&cwd)
        }
    }
}
