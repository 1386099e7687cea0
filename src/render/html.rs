//! HTML pages from minijinja templates: autoescaping on (the names end in `.html`), strict
//! undefined values (a template naming a variable that does not exist is an error, not an
//! empty string). The defaults under `templates/` are embedded in the binary; a project's
//! own `templates/<name>` replaces each one.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

pub const TEMPLATES: &[(&str, &str)] = &[
    ("_macros.html", include_str!("../../templates/_macros.html")),
    ("article.html", include_str!("../../templates/article.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("root.html", include_str!("../../templates/root.html")),
];

/// The template environment of a run, shared read-only by every rendering thread.
pub struct Templates {
    env: minijinja::Environment<'static>,
    /// Where each template came from, for error messages.
    origins: Vec<(String, PathBuf)>,
}

impl Templates {
    /// Loads the templates: the project's own where it has them, else the defaults. A syntax
    /// error names the template file and line.
    pub fn load(project_templates: Option<&Path>) -> Result<Templates> {
        let mut env = minijinja::Environment::new();
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        let mut origins = Vec::new();
        for (name, default) in TEMPLATES {
            let custom = project_templates
                .map(|d| d.join(name))
                .filter(|p| p.is_file());
            let (source, origin) = match custom {
                Some(path) => (crate::fsio::read_text(&path)?, path),
                None => ((*default).to_owned(), PathBuf::from("templates").join(name)),
            };
            env.add_template_owned(name.to_string(), source)
                .map_err(|e| template_error(&origin, &e))?;
            origins.push((name.to_string(), origin));
        }
        Ok(Templates { env, origins })
    }

    /// Renders `name` with `context`; an error names the template file and line.
    pub fn render(&self, name: &str, context: minijinja::Value) -> Result<String> {
        let template = self
            .env
            .get_template(name)
            .map_err(|e| self.error(name, &e))?;
        template.render(context).map_err(|e| self.error(name, &e))
    }

    fn error(&self, name: &str, e: &minijinja::Error) -> Error {
        // The error may come from an imported template: name that one.
        let failing = e.name().unwrap_or(name);
        let origin = self
            .origins
            .iter()
            .find(|(n, _)| n == failing)
            .map_or_else(|| PathBuf::from(failing), |(_, p)| p.clone());
        template_error(&origin, e)
    }
}

fn template_error(origin: &Path, e: &minijinja::Error) -> Error {
    let mut message = format!("template: {}", e.kind());
    if let Some(detail) = e.detail() {
        message.push_str(": ");
        message.push_str(detail);
    }
    Error::Source {
        path: origin.to_owned(),
        line: e.line().unwrap_or(1),
        message: format!("{message}; fix the template (see templates/ for the defaults)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn a_syntax_error_names_the_template_and_line() -> TestResult {
        let dir = tempfile::tempdir()?;
        std::fs::write(dir.path().join("index.html"), "<p>\n{% if %}\n")?;
        let err = Templates::load(Some(dir.path()))
            .err()
            .ok_or("none")?
            .to_string();
        assert!(err.contains("index.html:2:"), "{err}");
        Ok(())
    }

    #[test]
    fn a_missing_variable_is_an_error() -> TestResult {
        let dir = tempfile::tempdir()?;
        std::fs::write(dir.path().join("root.html"), "<p>\n{{ nothing.here }}</p>")?;
        let templates = Templates::load(Some(dir.path()))?;
        let err = templates
            .render("root.html", minijinja::context! {})
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("root.html:2:") && err.contains("undefined"),
            "{err}"
        );
        Ok(())
    }

    #[test]
    fn values_are_escaped() -> TestResult {
        let templates = Templates::load(None)?;
        let html = templates.render(
            "root.html",
            minijinja::context! {
                reference => "en-US",
                generator => "x",
                x_default => "index.html",
                languages => vec![minijinja::context! {
                    locale => "es", dir => "ltr", href => "es/index.html",
                    absolute => "es/index.html", endonym => "<script>x</script>",
                    guides => "\"><img src=x onerror=alert(1)>",
                }],
            },
        )?;
        assert!(
            !html.contains("<script>x") && !html.contains("<img src=x"),
            "{html}"
        );
        assert!(html.contains("&lt;script&gt;"));
        Ok(())
    }
}
