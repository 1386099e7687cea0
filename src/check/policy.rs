//! Severity overrides and compare-locales filters from the project file, validated once.

use super::{Finding, Severity, rules};
use crate::error::{Error, Result};
use crate::project::{Filter, Project};
use std::collections::HashMap;
use std::path::Path;

/// Severity overrides and filters from the project file, validated once.
pub struct Policy {
    overrides: HashMap<String, Option<Severity>>,
    filters: Vec<CompiledFilter>,
}

struct CompiledFilter {
    paths: Vec<regex::Regex>,
    keys: Vec<KeyMatch>,
    action: Option<Severity>,
}

enum KeyMatch {
    Exact(String),
    Pattern(regex::Regex),
}

impl Policy {
    pub fn from_project(project: &Project) -> Result<Policy> {
        let config_path = project
            .config_path
            .clone()
            .unwrap_or_else(|| Path::new(crate::project::CONFIG_FILE).to_owned());
        let err = |origin: Option<&(std::path::PathBuf, usize)>, message: String| {
            let (path, line) = origin.cloned().unwrap_or((config_path.clone(), 1));
            Error::Config {
                path,
                line,
                message,
            }
        };
        let mut overrides = HashMap::new();
        for (name, level) in &project.config.medloc.rules {
            let origin = project.origins.rules.get(name);
            if rules::find(name).is_none() {
                return Err(err(
                    origin,
                    format!("[medloc.rules] {name}: no such rule; `medloc rules` lists them"),
                ));
            }
            let severity = match level.get_ref().as_str() {
                "off" | "ignore" => None,
                other => Some(Severity::parse(other).ok_or_else(|| {
                    err(origin, format!("[medloc.rules] {name} = {other:?}: use \"error\", \"warning\", \"info\" or \"off\""))
                })?),
            };
            overrides.insert(name.clone(), severity);
        }
        let mut filters = Vec::new();
        for (i, filter) in project.config.filters.iter().enumerate() {
            filters.push(
                compile_filter(filter.get_ref(), project)
                    .map_err(|m| err(project.origins.filters.get(i), m))?,
            );
        }
        Ok(Policy { overrides, filters })
    }

    /// Whether a rule runs at all (not turned `off` in `[medloc.rules]`).
    pub fn enabled(&self, rule: &str) -> bool {
        !matches!(self.overrides.get(rule), Some(None))
    }

    pub(crate) fn apply(&self, mut finding: Finding) -> Option<Finding> {
        if let Some(level) = self.overrides.get(finding.rule) {
            finding.severity = (*level)?;
        }
        // compare-locales filters: the last match wins.
        let mut action = None;
        for filter in &self.filters {
            let path_ok =
                filter.paths.is_empty() || filter.paths.iter().any(|p| p.is_match(&finding.path));
            let key_ok = filter.keys.is_empty()
                || finding.message_id.as_deref().is_some_and(|id| {
                    filter.keys.iter().any(|k| match k {
                        KeyMatch::Exact(s) => s == id,
                        KeyMatch::Pattern(r) => r.is_match(id),
                    })
                });
            if path_ok && key_ok {
                action = Some(filter.action);
            }
        }
        match action {
            Some(None) => None,
            Some(Some(level)) => {
                finding.severity = level;
                Some(finding)
            }
            None => Some(finding),
        }
    }
}

fn compile_filter(
    filter: &Filter,
    project: &Project,
) -> std::result::Result<CompiledFilter, String> {
    let action = match filter.action.as_str() {
        "ignore" => None,
        other => Some(Severity::parse(other).ok_or_else(|| {
            format!("[[filters]] action = {other:?}: use error, warning or ignore")
        })?),
    };
    let root = project.root.to_string_lossy().replace('\\', "/");
    let paths = filter
        .path
        .iter()
        .flat_map(|p| p.items())
        .map(|p| {
            let p = p.replace("{l10n_base}", ".").replace("{locale}", "*");
            let p = p
                .strip_prefix(&format!("{root}/"))
                .unwrap_or(&p)
                .trim_start_matches("./")
                .to_owned();
            glob_regex(&p).map_err(|e| format!("[[filters]] path {p:?}: {e}"))
        })
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let keys = filter
        .key
        .iter()
        .flat_map(|k| k.items())
        .map(|k| match k.strip_prefix("re:") {
            Some(re) => regex::Regex::new(&format!("^(?:{re})"))
                .map(KeyMatch::Pattern)
                .map_err(|e| format!("[[filters]] key {k:?}: {e}")),
            None => Ok(KeyMatch::Exact(k.clone())),
        })
        .collect::<std::result::Result<Vec<_>, _>>()?;
    Ok(CompiledFilter {
        paths,
        keys,
        action,
    })
}

fn glob_regex(glob: &str) -> std::result::Result<regex::Regex, regex::Error> {
    let mut re = String::from("^");
    let mut chars = glob.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' if chars.peek() == Some(&'*') => {
                chars.next();
                re.push_str(".*");
            }
            '*' => re.push_str("[^/]*"),
            '?' => re.push_str("[^/]"),
            c => re.push_str(&regex::escape(&c.to_string())),
        }
    }
    re.push('$');
    regex::Regex::new(&re)
}
