//! `medloc coverage --format html`: one self-contained page (inline CSS and SVG, no external
//! requests) from the `coverage.html` template (minijinja, autoescaped). A project's own
//! `templates/coverage.html` replaces the default.

use crate::coverage::Coverage;
use crate::error::{Error, Result};
use crate::report::coverage_text::sorted;
use std::path::Path;

pub const DEFAULT_TEMPLATE: &str = include_str!("../../templates/coverage.html");

pub fn render(coverage: &Coverage, project_templates: Option<&Path>) -> Result<String> {
    let custom = project_templates
        .map(|d| d.join("coverage.html"))
        .filter(|p| p.is_file());
    let source = match &custom {
        Some(path) => crate::error::read_text(path)?,
        None => DEFAULT_TEMPLATE.to_owned(),
    };
    let template_error = |e: minijinja::Error| Error::Source {
        path: custom
            .clone()
            .unwrap_or_else(|| "templates/coverage.html".into()),
        line: e.line().unwrap_or(1),
        message: format!("template: {e}"),
    };
    let mut env = minijinja::Environment::new();
    // The name ends in .html, so every value is HTML-escaped.
    env.add_template("coverage.html", &source)
        .map_err(template_error)?;
    let articles: Vec<String> = coverage
        .locales
        .first()
        .map(|l| l.articles.iter().map(|a| a.article.clone()).collect())
        .unwrap_or_default();
    let rows = sorted(coverage);
    env.get_template("coverage.html")
        .and_then(|t| {
            t.render(minijinja::context! {
                coverage => minijinja::value::Serde(coverage),
                rows => minijinja::value::Serde(&rows),
                articles => articles,
                generator => format!("medloc {}", env!("CARGO_PKG_VERSION")),
            })
        })
        .map_err(template_error)
}
