//! `medloc render`: every publishable locale's guides, in parallel (rayon over (locale,
//! article) pairs), as accessible HTML pages or as Markdown for Hugo. Takes the coverage
//! model (the publish decision) and reads the locales itself, a window at a time (each file
//! parsed once per render, shared as `Arc<FluentResource>` by the bundles), so memory does
//! not grow with the number of locales; writes only through [`site::Staging`], which swaps
//! the new site in whole at the end.
//!
//! Output is a function of the inputs alone: each page is built independently and written
//! to its own path, so the bytes do not depend on the thread count.

pub mod bundles;
pub mod html;
pub mod intl;
pub mod markdown;
pub mod overlay;
pub mod page;
pub mod publish;
pub mod site;

use crate::catalog::{LocaleFiles, WorkingTree, load_project_locale, read_reference};
use crate::coverage::Coverage;
use crate::error::{Error, Result};
use crate::project::Project;
use crate::source::{Article, Node};
use bundles::{Bundles, FormatProblem};
use page::{PageInput, Text};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Markdown,
}

#[derive(Debug, Clone)]
pub struct Options {
    /// The output directory (replaced as a whole).
    pub out: PathBuf,
    pub format: Format,
    /// Render every locale, publishable or not.
    pub all: bool,
    /// Threads (default: rayon's, one per core).
    pub jobs: Option<usize>,
    /// Remove the pages of locales the previous site has and this render does not; without
    /// it such a render keeps the previous site whole and says what it would remove.
    pub allow_unpublish: bool,
}

/// What a render did.
#[derive(Debug, Default)]
pub struct Report {
    /// Rendered locales, the reference first.
    pub rendered: Vec<String>,
    /// Locales not rendered, with the reason.
    pub skipped: Vec<(String, String)>,
    pub pages: usize,
    /// Messages that failed to format (each fell back).
    pub problems: Vec<FormatProblem>,
    /// Things to know that did not stop the render (a missing image, an article whose
    /// reference file is out of date).
    pub notes: Vec<String>,
    pub written: site::WriteStats,
    /// Published locales some of whose messages were withheld (shown from the chain).
    pub fallbacks: Vec<publish::LocaleFallback>,
    /// Locales of the previous site this render takes down (or would, see `kept`).
    pub unpublished: Vec<publish::Unpublished>,
    /// The previous site was kept as it was, because the render would have unpublished
    /// locales without `allow_unpublish`: nothing was written.
    pub kept: bool,
}

/// Renders the project. `on_page` is called once per page rendered (for a progress bar).
///
/// The reference is read once and kept; the other published locales are read a few at a
/// time (as many as there are threads, with the locales they fall back to), their pages
/// rendered in parallel and written into the staging directory at once, and then dropped:
/// memory holds the reference and the locales in flight, not the whole site.
pub fn render(
    project: &Project,
    coverage: &Coverage,
    options: &Options,
    on_page: &(dyn Fn() + Sync),
) -> Result<Report> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs.unwrap_or(0))
        .build()
        .map_err(|e| Error::Threads {
            detail: e.to_string(),
        })?;
    pool.install(|| render_in_pool(project, coverage, options, on_page))
}

/// The number of pages a render of this project will write (for a progress bar).
pub fn page_count(project: &Project, coverage: &Coverage, all: bool) -> usize {
    let articles = crate::split::source_files(project, &[]).map_or(0, |f| f.len());
    articles * publish::published_count(coverage, all)
}

struct Run<'a> {
    project: &'a Project,
    reference: &'a str,
    published: Vec<String>,
    withheld: publish::Withheld,
    articles: Vec<(Article, PathBuf)>,
    /// The reference's bundles, for the whole run (every chain ends with it).
    reference_bundles: Bundles,
    chains: HashMap<String, Vec<String>>,
    images: HashMap<String, String>,
    /// Each published locale's name in itself (CLDR), looked up once per run.
    endonyms: HashMap<String, String>,
}

/// What the indexes and the sitemap need of a rendered page (the page itself is gone).
struct IndexEntry {
    locale: String,
    slug: String,
    title: Text,
    summary: Text,
    updated: String,
}

fn render_in_pool(
    project: &Project,
    coverage: &Coverage,
    options: &Options,
    on_page: &(dyn Fn() + Sync),
) -> Result<Report> {
    let mut report = Report::default();
    let reference_files = read_reference(project, &WorkingTree)?.parse_reference()?;
    let reference = reference_files.locale.as_str();

    // The publish decision.
    let decision = publish::decide(coverage, options.all);
    let published = decision.published;
    report.skipped = decision.skipped;
    report.fallbacks = decision.fallbacks;

    // The articles, with the message IDs of their reference files.
    let sources = crate::split::source_files(project, &[])?;
    let loaded: Vec<Result<Article>> = sources
        .par_iter()
        .map(|path| crate::split::load_article(project, path).map(|(a, _)| a))
        .collect();
    let mut articles = Vec::new();
    for result in loaded {
        match result {
            Ok(article) => {
                let rel = PathBuf::from(format!("{}.ftl", article.slug()));
                articles.push((article, rel));
            }
            Err(e) => report
                .notes
                .push(format!("{e}; the article is not rendered")),
        }
    }

    let shared: Vec<PathBuf> = project
        .config
        .medloc
        .shared
        .iter()
        .map(PathBuf::from)
        .collect();
    let available: Vec<String> = coverage.locales.iter().map(|l| l.locale.clone()).collect();
    let chains: HashMap<String, Vec<String>> = published
        .iter()
        .map(|l| (l.clone(), bundles::chain(l, &available, reference)))
        .collect();
    let rels: Vec<PathBuf> = articles.iter().map(|(_, rel)| rel.clone()).collect();
    let reference_bundles = Bundles::build(&[reference_files.as_ref()], &rels, &shared);

    for (article, rel) in &articles {
        let Some(bundle) = reference_bundles.get(reference, rel) else {
            continue;
        };
        let stale = article
            .blocks()
            .iter()
            .filter(|b| !bundle.has_message(&b.id))
            .count();
        if stale > 0 {
            report.notes.push(format!(
                "{}: {stale} blocks have no message in the reference file {}; run `medloc split` (their English is shown from the source)",
                article.path.display(),
                project.display_path(&project.reference_dir().join(rel))
            ));
        }
    }

    let staging = site::Staging::new(&options.out)?;
    let images = collect_images(
        project,
        &articles,
        options.format,
        &staging,
        &mut report.notes,
    )?;
    let endonyms = published
        .iter()
        .map(|l| (l.clone(), intl::endonym(l)))
        .collect();
    let run = Run {
        project,
        reference,
        published,
        withheld: decision.withheld,
        articles,
        reference_bundles,
        chains,
        images,
        endonyms,
    };
    let templates = match options.format {
        Format::Html => Some(html::Templates::load(Some(
            &project.root.join("templates"),
        ))?),
        Format::Markdown => None,
    };

    // The reference on its own bundles, then the other locales a window at a time: each
    // window's locales (and those they fall back to) read, their pages rendered in parallel
    // and written as they are made, and the window dropped before the next is read.
    let window = rayon::current_num_threads().max(1);
    let mut groups: Vec<&[String]> = vec![&run.published[..1]];
    groups.extend(run.published[1..].chunks(window));
    let mut uis: HashMap<String, Ui> = HashMap::new();
    let mut indexes: HashMap<String, Vec<IndexEntry>> = HashMap::new();
    for group in groups {
        let mut needed: Vec<&str> = group
            .iter()
            .flat_map(|l| run.chains.get(l).map_or(&[][..], Vec::as_slice))
            .map(String::as_str)
            .filter(|t| *t != reference)
            .collect();
        needed.sort_unstable();
        needed.dedup();
        let read: Vec<Result<LocaleFiles>> = needed
            .par_iter()
            .map(|tag| load_project_locale(project, tag, &WorkingTree))
            .collect();
        let mut files = Vec::new();
        for result in read {
            match result {
                Ok(f) => files.push(f),
                Err(e) => report.notes.push(format!(
                    "{e}; its pages show the next locale of their chain"
                )),
            }
        }
        let sets: Vec<&LocaleFiles> = files.iter().collect();
        let bundles = Bundles::build(&sets, &rels, &shared);
        for locale in group {
            let ui = ui(&run, &bundles, locale, &mut report.problems);
            uis.insert(locale.clone(), ui);
        }
        let jobs: Vec<(&str, usize)> = group
            .iter()
            .flat_map(|l| (0..run.articles.len()).map(move |i| (l.as_str(), i)))
            .collect();
        let results: Vec<Result<(IndexEntry, Vec<FormatProblem>)>> = jobs
            .par_iter()
            .map(|(locale, index)| {
                let ui = uis.get(*locale).unwrap_or_else(|| fallback_ui());
                let result = render_page(
                    &run,
                    &bundles,
                    ui,
                    locale,
                    *index,
                    options.format,
                    templates.as_ref(),
                )
                .and_then(|rendered| {
                    staging.write(&rendered.path, &rendered.bytes)?;
                    Ok((rendered.entry, rendered.problems))
                });
                on_page();
                result
            })
            .collect();
        for result in results {
            let (entry, problems) = result?;
            report.problems.extend(problems);
            indexes.entry(entry.locale.clone()).or_default().push(entry);
            report.pages += 1;
        }
    }

    // Per-locale indexes, the root, the site files.
    match (options.format, templates.as_ref()) {
        (Format::Html, Some(templates)) => {
            html_site_files(&run, &indexes, &uis, templates, &staging, &mut report)?;
        }
        _ => markdown_site_files(&run, &uis, &staging)?,
    }

    report.unpublished = publish::unpublished(
        &staging.removed(),
        &run.published,
        &report.skipped,
        options.format == Format::Markdown,
    );
    if report.unpublished.is_empty() || options.allow_unpublish {
        report.written = staging.finish()?;
    } else {
        // Dropped unfinished: the previous site stays whole.
        report.kept = true;
    }
    report.rendered = run.published;
    report.problems.sort_by(|a, b| {
        (&a.locale, &a.article, &a.message_id).cmp(&(&b.locale, &b.article, &b.message_id))
    });
    Ok(report)
}

/// Images of the articles that exist under the source directory, copied to `media/` (in
/// Hugo's `static/`, which it serves from the site root). A missing image, or a path leaving
/// the source directory, is a note and is left out.
fn collect_images(
    project: &Project,
    articles: &[(Article, PathBuf)],
    format: Format,
    staging: &site::Staging,
    notes: &mut Vec<String>,
) -> Result<HashMap<String, String>> {
    let mut found = HashMap::new();
    let source_dir = project.source_dir();
    for (article, _) in articles {
        let mut srcs = Vec::new();
        collect_image_srcs(&article.body, &mut srcs);
        for src in srcs {
            let rel = Path::new(&src);
            let plain = rel.components().all(|c| matches!(c, Component::Normal(_)));
            if !plain || src.contains("://") {
                notes.push(format!(
                    "{}: image {src:?} is not a path inside {}; left out",
                    article.path.display(),
                    project.display_path(&source_dir)
                ));
                continue;
            }
            match std::fs::read(source_dir.join(rel)) {
                Ok(bytes) => {
                    let site_path = format!("media/{src}");
                    let file = match format {
                        Format::Html => PathBuf::from(&site_path),
                        Format::Markdown => Path::new("static").join(&site_path),
                    };
                    staging.write(&file, &bytes)?;
                    found.insert(src, site_path);
                }
                Err(_) => notes.push(format!(
                    "{}: image {} not found; the page is rendered without it (add the file to show it)",
                    article.path.display(),
                    project.display_path(&source_dir.join(rel))
                )),
            }
        }
    }
    Ok(found)
}

fn collect_image_srcs(nodes: &[Node], out: &mut Vec<String>) {
    for node in nodes {
        match node {
            Node::Image { src, .. } => out.push(src.clone()),
            Node::List { items, .. } => items.iter().for_each(|i| collect_image_srcs(i, out)),
            Node::Quote(inner) => collect_image_srcs(inner, out),
            _ => {}
        }
    }
}

impl<'a> Run<'a> {
    /// What a page of `article` in `locale` draws from: the bundles of its chain, from the
    /// window being rendered (`bundles`) or the reference's.
    fn input(
        &'a self,
        bundles: &'a Bundles,
        locale: &'a str,
        rel: &Path,
        name: &'a str,
    ) -> PageInput<'a> {
        let chain = self.chains.get(locale).map_or(&[][..], Vec::as_slice);
        PageInput {
            locale,
            chain: chain
                .iter()
                .map(|l| {
                    let bundle = bundles
                        .get(l, rel)
                        .or_else(|| self.reference_bundles.get(l, rel));
                    (l.as_str(), bundle)
                })
                .collect(),
            article_name: name,
            images: &self.images,
            withheld: &self.withheld,
        }
    }

    /// A page string (ui.ftl) resolved for `locale`, through the first article's bundles
    /// (every bundle holds the shared files).
    fn ui(
        &self,
        bundles: &Bundles,
        locale: &str,
        id: &str,
        problems: &mut Vec<FormatProblem>,
    ) -> Text {
        let rel = self
            .articles
            .first()
            .map_or_else(|| PathBuf::from("ui.ftl"), |(_, r)| r.clone());
        let input = self.input(bundles, locale, &rel, "ui");
        let mut counts = (0, 0);
        let text = page::text(&input, id, None, &[], None, &mut counts, problems);
        if text.plain.is_empty() {
            return plain_text(ui_default(id));
        }
        text
    }

    fn page_path(&self, locale: &str, slug: &str, format: Format) -> PathBuf {
        match format {
            Format::Html => PathBuf::from(locale).join(format!("{slug}.html")),
            Format::Markdown => PathBuf::from("content")
                .join(locale)
                .join(format!("{slug}.md")),
        }
    }

    /// An absolute URL for a site path when `site_url` is set, else the path relative to a
    /// page one directory down.
    fn url(&self, site_path: &str) -> String {
        match &self.project.config.medloc.site_url {
            Some(base) => format!("{}/{site_path}", base.trim_end_matches('/')),
            None => format!("../{site_path}"),
        }
    }

    /// The same for a link from the root page.
    fn root_url(&self, site_path: &str) -> String {
        match &self.project.config.medloc.site_url {
            Some(base) => format!("{}/{site_path}", base.trim_end_matches('/')),
            None => site_path.to_owned(),
        }
    }

    fn alternates(&self, current: &str, file: &str) -> Vec<Alternate> {
        self.published
            .iter()
            .map(|l| Alternate {
                locale: l.clone(),
                dir: intl::direction(l),
                endonym: self.endonyms.get(l).cloned().unwrap_or_else(|| l.clone()),
                href: format!("../{l}/{file}"),
                absolute: self.url(&format!("{l}/{file}")),
                current: l == current,
            })
            .collect()
    }
}

/// A text with no markup and no fallback marking.
fn plain_text(text: &str) -> Text {
    Text {
        html: text.to_owned(),
        plain: text.to_owned(),
        markdown: text.to_owned(),
        lang: None,
        dir: None,
    }
}

/// English defaults for page strings, used only when not even the reference defines them
/// (a project whose ui.ftl lacks a string): the page still renders.
fn ui_default(id: &str) -> &'static str {
    match id {
        "page-fallback-notice" => {
            "Parts of this page are not yet translated and are shown in English."
        }
        "page-other-languages" => "Read this guide in other languages",
        "page-skip-link" => "Skip to main content",
        "page-guides" => "Health guides",
        _ => "",
    }
}

#[derive(Debug, Serialize)]
struct Alternate {
    locale: String,
    dir: &'static str,
    endonym: String,
    /// Relative link from a page of the site.
    href: String,
    /// Absolute URL when the project sets `site_url`.
    absolute: String,
    current: bool,
}

#[derive(Debug, Serialize)]
struct Ui {
    notice: Text,
    other_languages: Text,
    skip: Text,
    guides: Text,
}

/// The page strings of a published locale, formatted once, before its pages.
fn ui(run: &Run<'_>, bundles: &Bundles, locale: &str, problems: &mut Vec<FormatProblem>) -> Ui {
    Ui {
        notice: run.ui(bundles, locale, "page-fallback-notice", problems),
        other_languages: run.ui(bundles, locale, "page-other-languages", problems),
        skip: run.ui(bundles, locale, "page-skip-link", problems),
        guides: run.ui(bundles, locale, "page-guides", problems),
    }
}

/// The English defaults of every page string (a locale rendered without its own).
fn fallback_ui() -> &'static Ui {
    static DEFAULT: std::sync::OnceLock<Ui> = std::sync::OnceLock::new();
    DEFAULT.get_or_init(|| Ui {
        notice: plain_text(ui_default("page-fallback-notice")),
        other_languages: plain_text(ui_default("page-other-languages")),
        skip: plain_text(ui_default("page-skip-link")),
        guides: plain_text(ui_default("page-guides")),
    })
}

fn generator() -> String {
    format!("medloc {}", env!("CARGO_PKG_VERSION"))
}

fn render_page(
    run: &Run<'_>,
    bundles: &Bundles,
    ui: &Ui,
    locale: &str,
    index: usize,
    format: Format,
    templates: Option<&html::Templates>,
) -> Result<Rendered> {
    let (article, rel) = &run.articles[index];
    let name = article.slug();
    let input = run.input(bundles, locale, rel, name);
    let mut problems = Vec::new();
    let page = page::build(article, &input, &mut problems);
    let path = run.page_path(locale, name, format);
    let bytes = match (format, templates) {
        (Format::Html, Some(templates)) => {
            let file = format!("{name}.html");
            let context = minijinja::context! {
                page => minijinja::value::Serde(&page),
                ui => minijinja::value::Serde(ui),
                site => minijinja::context! {
                    alternates => minijinja::value::Serde(run.alternates(locale, &file)),
                    canonical => run.url(&format!("{locale}/{file}")),
                    x_default => run.url(&format!("{}/{file}", run.reference)),
                },
                generator => generator(),
            };
            templates.render("article.html", context)?.into_bytes()
        }
        _ => markdown::page(&page, &ui.notice.plain).into_bytes(),
    };
    let entry = IndexEntry {
        locale: page.locale,
        slug: page.slug,
        title: page.title,
        summary: page.summary,
        updated: page.updated,
    };
    Ok(Rendered {
        entry,
        path,
        bytes,
        problems,
    })
}

/// One rendered page: what the indexes need of it, its file, and what failed to format.
struct Rendered {
    entry: IndexEntry,
    path: PathBuf,
    bytes: Vec<u8>,
    problems: Vec<FormatProblem>,
}

fn html_site_files(
    run: &Run<'_>,
    pages: &HashMap<String, Vec<IndexEntry>>,
    uis: &HashMap<String, Ui>,
    templates: &html::Templates,
    staging: &site::Staging,
    report: &mut Report,
) -> Result<()> {
    let mut languages = Vec::new();
    for locale in &run.published {
        let ui = uis.get(locale).unwrap_or_else(|| fallback_ui());
        let articles: Vec<_> = pages
            .get(locale)
            .map(Vec::as_slice)
            .unwrap_or(&[])
            .iter()
            .map(|p| {
                minijinja::context! {
                    href => format!("{}.html", p.slug),
                    title => minijinja::value::Serde(&p.title),
                    summary => minijinja::value::Serde(&p.summary),
                }
            })
            .collect();
        let context = minijinja::context! {
            locale => locale,
            dir => intl::direction(locale),
            ui => minijinja::value::Serde(ui),
            articles => articles,
            site => minijinja::context! {
                alternates => minijinja::value::Serde(run.alternates(locale, "index.html")),
                canonical => run.url(&format!("{locale}/index.html")),
                x_default => run.url("index.html"),
            },
            generator => generator(),
        };
        let bytes = templates.render("index.html", context)?.into_bytes();
        staging.write(&PathBuf::from(locale).join("index.html"), &bytes)?;
        languages.push(minijinja::context! {
            locale => locale,
            dir => intl::direction(locale),
            endonym => run.endonyms.get(locale).cloned().unwrap_or_else(|| locale.clone()),
            guides => ui.guides.plain.clone(),
            href => format!("{locale}/index.html"),
            absolute => run.root_url(&format!("{locale}/index.html")),
        });
    }
    let root = templates.render(
        "root.html",
        minijinja::context! {
            reference => run.reference,
            languages => languages,
            x_default => run.root_url("index.html"),
            generator => generator(),
        },
    )?;
    staging.write(Path::new("index.html"), root.as_bytes())?;
    match &run.project.config.medloc.site_url {
        Some(_) => {
            staging.write(Path::new("sitemap.xml"), sitemap(run, pages).as_bytes())?;
        }
        None => report.notes.push(
            "no sitemap.xml: set `site_url` in [medloc] of l10n.toml (sitemaps need absolute URLs)"
                .to_owned(),
        ),
    }
    Ok(())
}

/// `sitemap.xml` with `xhtml:link` alternates for every language version of each page.
fn sitemap(run: &Run<'_>, pages: &HashMap<String, Vec<IndexEntry>>) -> String {
    use quick_xml::escape::escape;
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let mut entries: Vec<(String, Option<String>)> = Vec::new();
    for locale in &run.published {
        entries.push(("index.html".to_owned(), None));
        for page in pages.get(locale).map(Vec::as_slice).unwrap_or(&[]) {
            entries.push((format!("{}.html", page.slug), Some(page.updated.clone())));
        }
    }
    entries.sort();
    entries.dedup();
    for (file, lastmod) in entries {
        for locale in &run.published {
            out.push_str("<url>\n<loc>");
            out.push_str(&escape(run.url(&format!("{locale}/{file}"))));
            out.push_str("</loc>\n");
            if let Some(date) = &lastmod {
                out.push_str(&format!("<lastmod>{}</lastmod>\n", escape(date.as_str())));
            }
            for other in &run.published {
                out.push_str(&format!(
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                    escape(other.as_str()),
                    escape(run.url(&format!("{other}/{file}")))
                ));
            }
            out.push_str(&format!(
                "<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\"/>\n</url>\n",
                escape(run.url(&format!("{}/{file}", run.reference)))
            ));
        }
    }
    out.push_str("</urlset>\n");
    out
}

fn markdown_site_files(
    run: &Run<'_>,
    uis: &HashMap<String, Ui>,
    staging: &site::Staging,
) -> Result<()> {
    let mut languages = Vec::new();
    for (weight, locale) in run.published.iter().enumerate() {
        let guides = uis
            .get(locale)
            .unwrap_or_else(|| fallback_ui())
            .guides
            .plain
            .clone();
        staging.write(
            &PathBuf::from("content").join(locale).join("_index.md"),
            markdown::index(&guides, locale).as_bytes(),
        )?;
        languages.push((
            locale.clone(),
            markdown::HugoLanguage {
                language_code: locale.clone(),
                language_name: run
                    .endonyms
                    .get(locale)
                    .cloned()
                    .unwrap_or_else(|| locale.clone()),
                language_direction: intl::direction(locale),
                content_dir: format!("content/{locale}"),
                weight: weight + 1,
                title: guides,
            },
        ));
    }
    let base = run
        .project
        .config
        .medloc
        .site_url
        .clone()
        .unwrap_or_else(|| "/".to_owned());
    staging.write(
        Path::new("hugo.toml"),
        markdown::hugo_config(&base, run.reference, languages).as_bytes(),
    )?;
    for (path, text) in markdown::LAYOUTS {
        staging.write(Path::new(path), text.as_bytes())?;
    }
    Ok(())
}
