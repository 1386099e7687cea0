//! `medloc render`: every publishable locale's guides, in parallel (rayon over (locale,
//! article) pairs), as accessible HTML pages or as Markdown for Hugo. Reads the catalog
//! (each file parsed once, shared as `Arc<FluentResource>` by the bundles) and the coverage
//! model (the publish decision); writes only through [`site::publish`], all at once.
//!
//! Output is a function of the inputs alone: pages are built independently and collected
//! into a sorted map, so the bytes do not depend on the thread count.

pub mod bundles;
pub mod html;
pub mod intl;
pub mod markdown;
pub mod overlay;
pub mod page;
pub mod site;

use crate::catalog::Catalog;
use crate::coverage::Coverage;
use crate::error::{Error, Result};
use crate::project::Project;
use crate::source::{Article, Node};
use bundles::{Bundles, FormatProblem};
use page::{Page, PageInput, Text};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
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
}

/// Renders the project. `on_page` is called once per page rendered (for a progress bar).
pub fn render(
    project: &Project,
    catalog: &Catalog,
    coverage: &Coverage,
    options: &Options,
    on_page: &(dyn Fn() + Sync),
) -> Result<Report> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs.unwrap_or(0))
        .build()
        .map_err(|e| Error::Usage(format!("--jobs: cannot start threads: {e}")))?;
    pool.install(|| render_in_pool(project, catalog, coverage, options, on_page))
}

/// The number of pages a render of this project will write (for a progress bar).
pub fn page_count(project: &Project, coverage: &Coverage, all: bool) -> usize {
    let articles = crate::split::source_files(project, &[]).map_or(0, |f| f.len());
    let locales = coverage
        .locales
        .iter()
        .filter(|l| all || l.publishable || l.is_reference)
        .count();
    articles * locales
}

struct Run<'a> {
    project: &'a Project,
    reference: &'a str,
    published: Vec<String>,
    articles: Vec<(Article, PathBuf)>,
    bundles: Bundles,
    chains: HashMap<String, Vec<String>>,
    images: HashMap<String, String>,
    /// Each published locale's name in itself (CLDR), looked up once per run.
    endonyms: HashMap<String, String>,
    /// Each published locale's page strings, formatted once per run.
    uis: HashMap<String, Ui>,
}

fn render_in_pool(
    project: &Project,
    catalog: &Catalog,
    coverage: &Coverage,
    options: &Options,
    on_page: &(dyn Fn() + Sync),
) -> Result<Report> {
    let mut report = Report::default();
    let reference = catalog.reference.locale.as_str();

    // The publish decision.
    let mut published = vec![reference.to_owned()];
    for locale in coverage.locales.iter().filter(|l| !l.is_reference) {
        if options.all || locale.publishable {
            published.push(locale.locale.clone());
        } else {
            report.skipped.push((
                locale.locale.clone(),
                skip_reason(locale, coverage.threshold),
            ));
        }
    }

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
    let mut available: Vec<String> = catalog.locales.iter().map(|l| l.locale.clone()).collect();
    available.push(reference.to_owned());
    let chains: HashMap<String, Vec<String>> = published
        .iter()
        .map(|l| (l.clone(), bundles::chain(l, &available, reference)))
        .collect();
    let mut needed: Vec<String> = chains.values().flatten().cloned().collect();
    needed.sort();
    needed.dedup();
    let rels: Vec<PathBuf> = articles.iter().map(|(_, rel)| rel.clone()).collect();
    let bundles = Bundles::build(catalog, &needed, &rels, &shared);

    for (article, rel) in &articles {
        let Some(bundle) = bundles.get(reference, rel) else {
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

    let mut files: BTreeMap<PathBuf, Vec<u8>> = BTreeMap::new();
    let images = collect_images(project, &articles, &mut files, &mut report.notes);

    let endonyms = published
        .iter()
        .map(|l| (l.clone(), intl::endonym(l)))
        .collect();
    let mut run = Run {
        project,
        reference,
        published,
        articles,
        bundles,
        chains,
        images,
        endonyms,
        uis: HashMap::new(),
    };
    run.uis = run
        .published
        .iter()
        .map(|l| (l.clone(), ui(&run, l, &mut report.problems)))
        .collect();
    let templates = match options.format {
        Format::Html => Some(html::Templates::load(Some(
            &project.root.join("templates"),
        ))?),
        Format::Markdown => None,
    };

    // Pages, in parallel; each job returns its files and problems.
    let jobs: Vec<(&str, usize)> = run
        .published
        .iter()
        .flat_map(|l| (0..run.articles.len()).map(move |i| (l.as_str(), i)))
        .collect();
    let results: Vec<Result<Rendered>> = jobs
        .par_iter()
        .map(|(locale, index)| {
            let result = render_page(&run, locale, *index, options.format, templates.as_ref());
            on_page();
            result
        })
        .collect();
    let mut pages: BTreeMap<String, Vec<Page>> = BTreeMap::new();
    for result in results {
        let Rendered {
            page,
            path,
            bytes,
            problems,
        } = result?;
        report.problems.extend(problems);
        files.insert(path, bytes);
        pages.entry(page.locale.clone()).or_default().push(page);
        report.pages += 1;
    }

    // Per-locale indexes, the root, the site files.
    match (options.format, templates.as_ref()) {
        (Format::Html, Some(templates)) => {
            html_site_files(&run, &pages, templates, &mut files, &mut report)?;
        }
        _ => markdown_site_files(&run, &mut files),
    }

    report.written = site::publish(&options.out, &files)?;
    report.rendered = run.published;
    report.problems.sort_by(|a, b| {
        (&a.locale, &a.article, &a.message_id).cmp(&(&b.locale, &b.article, &b.message_id))
    });
    Ok(report)
}

fn skip_reason(locale: &crate::coverage::LocaleCoverage, threshold: f64) -> String {
    let mut reasons = Vec::new();
    if locale.completion < threshold {
        reasons.push(format!(
            "{:.1}% translated, below the {threshold}% threshold",
            locale.completion
        ));
    }
    if locale.errors > 0 {
        reasons.push(format!(
            "{} check error{}",
            locale.errors,
            if locale.errors == 1 { "" } else { "s" }
        ));
    }
    if reasons.is_empty() {
        reasons.push("not publishable".to_owned());
    }
    reasons.join(", ")
}

/// Images of the articles that exist under the source directory, copied to `media/`.
/// A missing image, or a path leaving the source directory, is a note and is left out.
fn collect_images(
    project: &Project,
    articles: &[(Article, PathBuf)],
    files: &mut BTreeMap<PathBuf, Vec<u8>>,
    notes: &mut Vec<String>,
) -> HashMap<String, String> {
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
                    files.insert(PathBuf::from(&site_path), bytes);
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
    found
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

impl Run<'_> {
    fn input<'a>(&'a self, locale: &'a str, rel: &Path, name: &'a str) -> PageInput<'a> {
        let chain = self.chains.get(locale).map_or(&[][..], Vec::as_slice);
        PageInput {
            locale,
            chain: chain
                .iter()
                .map(|l| (l.as_str(), self.bundles.get(l, rel)))
                .collect(),
            article_name: name,
            images: &self.images,
        }
    }

    /// A page string (ui.ftl) resolved for `locale`, through the first article's bundles
    /// (every bundle holds the shared files).
    fn ui(&self, locale: &str, id: &str, problems: &mut Vec<FormatProblem>) -> Text {
        let rel = self
            .articles
            .first()
            .map_or_else(|| PathBuf::from("ui.ftl"), |(_, r)| r.clone());
        let input = self.input(locale, &rel, "ui");
        let mut counts = (0, 0);
        let text = page::text(&input, id, None, &[], None, &mut counts, problems);
        if text.plain.is_empty() {
            return plain_text(ui_default(id));
        }
        text
    }

    /// The page strings of a published locale (all of them are formatted before any page).
    fn ui_for(&self, locale: &str) -> &Ui {
        static EMPTY: std::sync::OnceLock<Ui> = std::sync::OnceLock::new();
        self.uis.get(locale).unwrap_or_else(|| {
            EMPTY.get_or_init(|| Ui {
                notice: plain_text(ui_default("page-fallback-notice")),
                other_languages: plain_text(ui_default("page-other-languages")),
                skip: plain_text(ui_default("page-skip-link")),
                guides: plain_text(ui_default("page-guides")),
            })
        })
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

fn ui(run: &Run<'_>, locale: &str, problems: &mut Vec<FormatProblem>) -> Ui {
    Ui {
        notice: run.ui(locale, "page-fallback-notice", problems),
        other_languages: run.ui(locale, "page-other-languages", problems),
        skip: run.ui(locale, "page-skip-link", problems),
        guides: run.ui(locale, "page-guides", problems),
    }
}

fn generator() -> String {
    format!("medloc {}", env!("CARGO_PKG_VERSION"))
}

fn render_page(
    run: &Run<'_>,
    locale: &str,
    index: usize,
    format: Format,
    templates: Option<&html::Templates>,
) -> Result<Rendered> {
    let (article, rel) = &run.articles[index];
    let name = article.slug();
    let input = run.input(locale, rel, name);
    let mut problems = Vec::new();
    let page = page::build(article, &input, &mut problems);
    let ui = run.ui_for(locale);
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
    Ok(Rendered {
        page,
        path,
        bytes,
        problems,
    })
}

/// One rendered page: its model (for the indexes), its file, and what failed to format.
struct Rendered {
    page: Page,
    path: PathBuf,
    bytes: Vec<u8>,
    problems: Vec<FormatProblem>,
}

fn html_site_files(
    run: &Run<'_>,
    pages: &BTreeMap<String, Vec<Page>>,
    templates: &html::Templates,
    files: &mut BTreeMap<PathBuf, Vec<u8>>,
    report: &mut Report,
) -> Result<()> {
    let mut languages = Vec::new();
    for locale in &run.published {
        let ui = run.ui_for(locale);
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
        files.insert(PathBuf::from(locale).join("index.html"), bytes);
        languages.push(minijinja::context! {
            locale => locale,
            dir => intl::direction(locale),
            endonym => run.endonyms.get(locale).cloned().unwrap_or_else(|| locale.clone()),
            guides => ui.guides.plain.clone(),
            href => format!("{locale}/index.html"),
            absolute => run.url(&format!("{locale}/index.html")),
        });
    }
    let root = templates.render(
        "root.html",
        minijinja::context! {
            reference => run.reference,
            languages => languages,
            x_default => run.url("index.html"),
            generator => generator(),
        },
    )?;
    files.insert(PathBuf::from("index.html"), root.into_bytes());
    match &run.project.config.medloc.site_url {
        Some(_) => {
            files.insert(
                PathBuf::from("sitemap.xml"),
                sitemap(run, pages).into_bytes(),
            );
        }
        None => report.notes.push(
            "no sitemap.xml: set `site_url` in [medloc] of l10n.toml (sitemaps need absolute URLs)"
                .to_owned(),
        ),
    }
    Ok(())
}

/// `sitemap.xml` with `xhtml:link` alternates for every language version of each page.
fn sitemap(run: &Run<'_>, pages: &BTreeMap<String, Vec<Page>>) -> String {
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

fn markdown_site_files(run: &Run<'_>, files: &mut BTreeMap<PathBuf, Vec<u8>>) {
    let mut languages = Vec::new();
    for (weight, locale) in run.published.iter().enumerate() {
        let guides = run.ui_for(locale).guides.plain.clone();
        files.insert(
            PathBuf::from("content").join(locale).join("_index.md"),
            markdown::index(&guides, locale).into_bytes(),
        );
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
    files.insert(
        PathBuf::from("hugo.toml"),
        markdown::hugo_config(&base, run.reference, languages).into_bytes(),
    );
    for (path, text) in markdown::LAYOUTS {
        files.insert(PathBuf::from(path), text.as_bytes().to_vec());
    }
    // Images live under static/ in Hugo.
    let media: Vec<(PathBuf, Vec<u8>)> = files
        .iter()
        .filter(|(p, _)| p.starts_with("media"))
        .map(|(p, b)| (Path::new("static").join(p), b.clone()))
        .collect();
    files.retain(|p, _| !p.starts_with("media"));
    files.extend(media);
}
