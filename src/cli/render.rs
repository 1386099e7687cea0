//! `medloc render`: the publishable locales' guides as HTML pages or Markdown for Hugo.

use super::Outcome;
use crate::check::CheckOptions;
use crate::coverage::DEFAULT_THRESHOLD;
use crate::error::Result;
use crate::project::Project;
use crate::render::{Format as RenderFormat, Options, Report};
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// Accessible HTML pages, language indexes, a root language picker and sitemap.xml.
    Html,
    /// Markdown with front matter in the shape Hugo's multilingual mode reads.
    Md,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, value_enum, default_value_t = Format::Html)]
    pub format: Format,
    /// The output directory, replaced as a whole (default: dist/site, or dist/hugo for md).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Render every locale, also those coverage does not mark publishable.
    #[arg(long)]
    pub all: bool,
    /// Worker threads (default: one per core).
    #[arg(long, short, value_name = "N")]
    pub jobs: Option<usize>,
    /// Remove the pages of locales the previous site has and this render does not publish
    /// (without it, such a render keeps the previous site whole and exits 1).
    #[arg(long)]
    pub allow_unpublish: bool,
    #[command(flatten)]
    pub cache: super::CacheArgs,
}

pub fn run(project: &Project, args: Args) -> Result<Outcome> {
    super::set_jobs(args.jobs);
    if project.articles()?.is_none() {
        println!("{}", no_articles(project));
        return Ok(Outcome::Clean);
    }
    let threshold = project.config.medloc.threshold.unwrap_or(DEFAULT_THRESHOLD);
    let (coverage, problems) =
        super::covered(project, &CheckOptions::default(), &args.cache, threshold)?;
    let format = match args.format {
        Format::Html => RenderFormat::Html,
        Format::Md => RenderFormat::Markdown,
    };
    let default_out = match format {
        RenderFormat::Html => "dist/site",
        RenderFormat::Markdown => "dist/hugo",
    };
    let out = args.out.unwrap_or_else(|| PathBuf::from(default_out));
    let out = if out.is_absolute() {
        out
    } else {
        project.root.join(out)
    };
    let options = Options {
        out,
        format,
        all: args.all,
        jobs: args.jobs,
        allow_unpublish: args.allow_unpublish,
    };
    let rendered = render_with_progress(project, &coverage, &options)?;
    let outcome = print_report(project, &options, &rendered);
    super::unchecked(problems.len())?;
    Ok(outcome)
}

/// What render says of a project without articles.
pub(super) fn no_articles(project: &Project) -> String {
    format!(
        "nothing to render: the project has no Markdown articles (no {} directory; set [medloc] source to their directory)",
        project.display_path(&project.source_dir())
    )
}

/// Renders with a progress bar on a terminal (none when stderr is piped).
pub(super) fn render_with_progress(
    project: &Project,
    coverage: &crate::coverage::Coverage,
    options: &Options,
) -> Result<Report> {
    let bar = if std::io::stderr().is_terminal() {
        let bar =
            indicatif::ProgressBar::new(
                crate::render::page_count(project, coverage, options.all) as u64
            );
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} pages")
        {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message("rendering");
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let result = crate::render::render(project, coverage, options, &|| bar.inc(1));
    bar.finish_and_clear();
    result
}

/// Prints what was rendered, skipped and reported; findings when a message failed to format.
pub(super) fn print_report(project: &Project, options: &Options, report: &Report) -> Outcome {
    for (locale, reason) in &report.skipped {
        println!("skipped {locale}: {reason} (render it anyway with --all)");
    }
    for note in &report.notes {
        eprintln!("note: {note}");
    }
    for p in &report.problems {
        eprintln!(
            "warning: {} {} `{}` failed to format ({}); shown from the next locale of its fallback chain",
            p.locale, p.article, p.message_id, p.error
        );
    }
    for f in &report.fallbacks {
        let why: Vec<String> = f.by_rule.iter().map(|(r, n)| format!("{r}: {n}")).collect();
        let (n, s) = (f.messages, if f.messages == 1 { "" } else { "s" });
        println!(
            "fallback {}: {n} message{s} with a check error shown from the next locale of its chain ({}); fix the translation{s} to show {}",
            f.locale,
            why.join(", "),
            if n == 1 { "it" } else { "them" }
        );
    }
    let out = project.display_path(&options.out);
    let describe = |u: &crate::render::publish::Unpublished, what: &str| {
        format!(
            "{} ({}): {} pages {what} {out}: {}",
            u.locale,
            u.reason,
            u.pages.len(),
            list_pages(&u.pages)
        )
    };
    if report.kept {
        for u in &report.unpublished {
            eprintln!(
                "error: would unpublish {}",
                describe(u, "would be removed from")
            );
        }
        eprintln!(
            "error: {out} is left as it was; fix the locales above, or pass --allow-unpublish to take them down"
        );
        return Outcome::Findings;
    }
    for u in &report.unpublished {
        println!("unpublished {}", describe(u, "removed from"));
    }
    let index = match options.format {
        RenderFormat::Html => options.out.join("index.html"),
        RenderFormat::Markdown => options.out.join("hugo.toml"),
    };
    println!(
        "rendered {} pages in {} locales ({}) into {out}: {} written, {} unchanged, {} removed",
        report.pages,
        report.rendered.len(),
        report.rendered.join(", "),
        report.written.written,
        report.written.unchanged,
        report.written.removed
    );
    match options.format {
        RenderFormat::Html => println!("open {}", project.display_path(&index)),
        RenderFormat::Markdown => println!("build it with: hugo --source {out}"),
    }
    if report.problems.is_empty() {
        Outcome::Clean
    } else {
        Outcome::Findings
    }
}

/// A few of `pages`, then how many more.
fn list_pages(pages: &[PathBuf]) -> String {
    let mut shown: Vec<String> = pages
        .iter()
        .take(5)
        .map(|p| p.display().to_string())
        .collect();
    if pages.len() > 5 {
        shown.push(format!("and {} more", pages.len() - 5));
    }
    shown.join(", ")
}
