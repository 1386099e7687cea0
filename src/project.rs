//! The project: `l10n.toml` (compare-locales' format plus a `[medloc]` table), where the
//! reference and each locale live, and which files they hold. Reads no Fluent file itself.

use crate::error::{Error, Result, line_of, read_text};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const CONFIG_FILE: &str = "l10n.toml";
const DEFAULT_REFERENCE: &str = "en-US";

/// `l10n.toml` as written. Keys medloc does not know are ignored, so a Mozilla project
/// file works unchanged.
#[derive(Debug, Default, Deserialize)]
pub struct Config {
    #[serde(default)]
    pub basepath: Option<String>,
    #[serde(default)]
    pub locales: Option<Vec<String>>,
    #[serde(default)]
    pub paths: Vec<PathRule>,
    #[serde(default)]
    pub filters: Vec<Filter>,
    #[serde(default)]
    pub medloc: MedlocConfig,
}

#[derive(Debug, Deserialize)]
pub struct PathRule {
    pub reference: String,
    pub l10n: String,
}

/// A compare-locales filter: `path`, `key` (a string, or a `re:` regular expression) and
/// `action` (`error`, `warning` or `ignore`); the last matching filter wins.
#[derive(Debug, Clone, Deserialize)]
pub struct Filter {
    #[serde(default)]
    pub path: Option<StringOrList>,
    #[serde(default)]
    pub key: Option<StringOrList>,
    pub action: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum StringOrList {
    One(String),
    Many(Vec<String>),
}

impl StringOrList {
    pub fn items(&self) -> &[String] {
        match self {
            StringOrList::One(s) => std::slice::from_ref(s),
            StringOrList::Many(v) => v,
        }
    }
}

/// The `[medloc]` table.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MedlocConfig {
    /// Directory of the Markdown articles, relative to the project root.
    #[serde(default)]
    pub source: Option<String>,
    /// The reference locale (default `en-US`).
    #[serde(default)]
    pub reference: Option<String>,
    /// Termbases (TBX or CSV), relative to the project root.
    #[serde(default)]
    pub termbase: Vec<String>,
    /// Completion percent at or above which a locale may publish (default 80).
    #[serde(default)]
    pub threshold: Option<f64>,
    /// Shared Fluent files loaded into every page's bundle (e.g. page-template strings).
    #[serde(default)]
    pub shared: Vec<String>,
    /// Rule name to `error`, `warning`, `info` or `off`.
    #[serde(default)]
    pub rules: BTreeMap<String, String>,
    /// Where the rendered site is published (`https://.../`): makes the canonical and
    /// hreflang links absolute and enables `sitemap.xml`.
    #[serde(default)]
    pub site_url: Option<String>,
}

/// A discovered project: where everything is, resolved against the project root.
#[derive(Debug)]
pub struct Project {
    pub root: PathBuf,
    pub config_path: Option<PathBuf>,
    pub config: Config,
    pub reference_locale: String,
    reference_dir: PathBuf,
    l10n_pattern: String,
    pub locales: Vec<String>,
}

impl Project {
    /// Finds `l10n.toml` in `start` or the nearest directory above it; without one, the
    /// default layout rooted at `start` (`locales/en-US` reference, every sibling
    /// directory a locale).
    pub fn discover(start: &Path) -> Result<Project> {
        let mut dir = Some(start);
        while let Some(d) = dir {
            let candidate = d.join(CONFIG_FILE);
            if candidate.is_file() {
                return Project::load(&candidate);
            }
            dir = d.parent();
        }
        Project::default_layout(start)
    }

    /// Loads the project whose configuration is `config_path`.
    pub fn load(config_path: &Path) -> Result<Project> {
        let text = read_text(config_path)?;
        let config: Config = toml::from_str(&text).map_err(|e| Error::Config {
            path: config_path.to_owned(),
            line: e.span().map_or(1, |s| line_of(&text, s.start)),
            message: format!(
                "{}; see README.md, section \"Configuration\"",
                e.message().trim_end()
            ),
        })?;
        let root = config_path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .join(config.basepath.as_deref().unwrap_or("."));
        let root = normalize(&root);
        let config_err = |message: String| Error::Config {
            path: config_path.to_owned(),
            line: 1,
            message,
        };
        let reference_locale = config
            .medloc
            .reference
            .clone()
            .unwrap_or_else(|| DEFAULT_REFERENCE.to_owned());
        let (reference_dir, l10n_pattern) = match config.paths.first() {
            Some(rule) => (
                root.join(strip_glob(&rule.reference).ok_or_else(|| {
                    config_err(format!(
                        "[[paths]] reference = {:?}: medloc understands patterns ending in \"/**\"",
                        rule.reference
                    ))
                })?),
                strip_glob(&rule.l10n)
                    .filter(|p| p.contains("{locale}"))
                    .ok_or_else(|| {
                        config_err(format!(
                            "[[paths]] l10n = {:?}: use a pattern like \"locales/{{locale}}/**\"",
                            rule.l10n
                        ))
                    })?
                    .to_owned(),
            ),
            None => (
                root.join("locales").join(&reference_locale),
                "locales/{locale}".to_owned(),
            ),
        };
        if !reference_dir.is_dir() {
            return Err(config_err(format!(
                "the reference directory {} does not exist; fix [[paths]] reference or create it",
                reference_dir.display()
            )));
        }
        let mut project = Project {
            root,
            config_path: Some(config_path.to_owned()),
            reference_locale,
            reference_dir,
            l10n_pattern,
            locales: Vec::new(),
            config,
        };
        project.locales = match &project.config.locales {
            Some(list) => list.clone(),
            None => project.sibling_locales(),
        };
        Ok(project)
    }

    fn default_layout(root: &Path) -> Result<Project> {
        let root = normalize(root);
        let reference_dir = root.join("locales").join(DEFAULT_REFERENCE);
        if !reference_dir.is_dir() {
            return Err(Error::Usage(format!(
                "no {CONFIG_FILE} in {} or above it, and no default layout (locales/{DEFAULT_REFERENCE}/) there; \
                 run `medloc init` to create a project, or pass --config PATH",
                root.display()
            )));
        }
        let mut project = Project {
            root,
            config_path: None,
            config: Config::default(),
            reference_locale: DEFAULT_REFERENCE.to_owned(),
            reference_dir,
            l10n_pattern: "locales/{locale}".to_owned(),
            locales: Vec::new(),
        };
        project.locales = project.sibling_locales();
        Ok(project)
    }

    fn sibling_locales(&self) -> Vec<String> {
        let Some(parent) = self.reference_dir.parent() else {
            return Vec::new();
        };
        let mut out: Vec<String> = std::fs::read_dir(parent)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|name| name != &self.reference_locale && !name.starts_with('.'))
            .collect();
        out.sort();
        out
    }

    pub fn reference_dir(&self) -> &Path {
        &self.reference_dir
    }

    /// The directory of a locale's files.
    pub fn locale_dir(&self, locale: &str) -> PathBuf {
        self.root
            .join(self.l10n_pattern.replace("{locale}", locale))
    }

    /// The Markdown source directory.
    pub fn source_dir(&self) -> PathBuf {
        self.root
            .join(self.config.medloc.source.as_deref().unwrap_or("source"))
    }

    /// The path as shown to people: relative to the project root where possible.
    pub fn display_path(&self, path: &Path) -> String {
        path.strip_prefix(&self.root)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/")
    }

    /// The reference's `.ftl` files, relative to the reference directory, sorted.
    pub fn reference_files(&self) -> Result<Vec<PathBuf>> {
        ftl_files(&self.reference_dir)
    }
}

/// One part of a run split over machines (`--shard K/N`): the locales are sorted by tag and
/// dealt out in turn, so shard K of N gets the K-th, (K+N)-th, ... locale. Every locale is in
/// exactly one shard, whatever the machine or the order of `l10n.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// 1-based.
    pub index: usize,
    pub count: usize,
}

impl std::str::FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> std::result::Result<Shard, String> {
        let bad = || format!("{s:?}: expected K/N with 1 <= K <= N, like 2/4");
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let index: usize = k.trim().parse().map_err(|_| bad())?;
        let count: usize = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || count == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl Shard {
    /// Whether this shard also reports the reference's own findings (the first one does, so a
    /// CI matrix reports them once).
    pub fn owns_reference(shard: Option<Shard>) -> bool {
        shard.is_none_or(|s| s.index == 1)
    }
}

impl Project {
    /// The locales a run covers: those named in `only` (all when empty), then those of
    /// `shard`. Names that are not locales of the project are returned as usage errors.
    pub fn select_locales(
        &self,
        only: &[String],
        shard: Option<Shard>,
    ) -> (Vec<String>, Vec<Error>) {
        let problems = only
            .iter()
            .filter(|name| !self.locales.contains(name))
            .map(|name| {
                Error::Usage(format!(
                    "--locale {name}: not a locale of this project (it has: {})",
                    self.locales.join(", ")
                ))
            })
            .collect();
        let mut sorted: Vec<&String> = self.locales.iter().collect();
        sorted.sort();
        let mine: Vec<&String> = sorted
            .into_iter()
            .enumerate()
            .filter(|(i, _)| shard.is_none_or(|s| i % s.count == s.index - 1))
            .map(|(_, tag)| tag)
            .collect();
        let in_shard = |tag: &String| mine.contains(&tag);
        let selected = self
            .locales
            .iter()
            .filter(|l| only.is_empty() || only.contains(l))
            .filter(|l| in_shard(l))
            .cloned()
            .collect();
        (selected, problems)
    }

    /// The nearest project locale `tag` falls back to before the reference (es-MX to es).
    pub fn parent_locale(&self, tag: &str) -> Option<&str> {
        let mut tag = tag;
        while let Some(cut) = tag.rfind('-') {
            tag = &tag[..cut];
            if let Some(found) = self.locales.iter().find(|l| *l == tag) {
                return Some(found);
            }
        }
        None
    }
}

/// Every `.ftl` file below `dir`, relative to it, sorted. Symbolic links to directories
/// are not followed, so a link loop cannot hang the walk.
pub fn ftl_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|source| Error::Read {
            path: d.clone(),
            source,
        })?;
        for entry in entries.flatten() {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let path = entry.path();
            if kind.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "ftl")
                && (kind.is_file() || path.is_file())
                && let Ok(rel) = path.strip_prefix(dir)
            {
                out.push(rel.to_owned());
            }
        }
    }
    out.sort();
    Ok(out)
}

/// `locales/en-US/**` to `locales/en-US`.
fn strip_glob(pattern: &str) -> Option<&str> {
    pattern
        .strip_suffix("/**")
        .or_else(|| pattern.strip_suffix("/**/*.ftl"))
        .filter(|p| !p.contains('*'))
}

fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn shards_deal_sorted_locales_in_turn_and_cover_each_once() -> crate::error::Result<()> {
        let mut project = super::Project::load(std::path::Path::new("l10n.toml"))?;
        project.locales = ["fr", "ar", "es-MX", "de", "es"].map(String::from).to_vec();
        let shard = |k, n| Some(super::Shard { index: k, count: n });
        // Sorted: ar de es es-MX fr; dealt in turn, listed in the project's order.
        assert_eq!(
            project.select_locales(&[], shard(1, 2)).0,
            ["fr", "ar", "es"]
        );
        assert_eq!(project.select_locales(&[], shard(2, 2)).0, ["es-MX", "de"]);
        let mut all: Vec<String> = (1..=3)
            .flat_map(|k| project.select_locales(&[], shard(k, 3)).0)
            .collect();
        all.sort();
        assert_eq!(all, ["ar", "de", "es", "es-MX", "fr"]);
        assert!(project.select_locales(&[], shard(6, 6)).0.is_empty());
        let (only, problems) = project.select_locales(&["es".into(), "xx".into()], None);
        assert_eq!(only, ["es"]);
        assert_eq!(problems.len(), 1);
        assert_eq!("2/4".parse(), Ok(super::Shard { index: 2, count: 4 }));
        for bad in ["0/2", "3/2", "1", "a/b", "1/0"] {
            assert!(bad.parse::<super::Shard>().is_err(), "{bad}");
        }
        assert_eq!(project.parent_locale("es-MX"), Some("es"));
        assert_eq!(project.parent_locale("es"), None);
        Ok(())
    }

    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    fn project_with(config: &str) -> std::io::Result<(tempfile::TempDir, Result<Project>)> {
        let dir = tempfile::tempdir()?;
        std::fs::create_dir_all(dir.path().join("locales/en-US"))?;
        std::fs::create_dir_all(dir.path().join("locales/fr"))?;
        std::fs::write(dir.path().join(CONFIG_FILE), config)?;
        let project = Project::load(&dir.path().join(CONFIG_FILE));
        Ok((dir, project))
    }

    #[test]
    fn reads_compare_locales_paths() -> TestResult {
        let (_dir, project) = project_with(
            "basepath = \".\"\nlocales = [\"fr\", \"de\"]\n[[paths]]\nreference = \"locales/en-US/**\"\nl10n = \"locales/{locale}/**\"\n",
        )?;
        let project = project?;
        assert_eq!(project.locales, ["fr", "de"]);
        assert!(project.locale_dir("de").ends_with("locales/de"));
        Ok(())
    }

    #[test]
    fn locales_default_to_sibling_directories() -> TestResult {
        let (_dir, project) = project_with("[medloc]\nsource = \"src\"\n")?;
        assert_eq!(project?.locales, ["fr"]);
        Ok(())
    }

    #[test]
    fn bad_toml_names_the_line() -> TestResult {
        let (_dir, project) = project_with("locales = [\"fr\"]\n\n[medloc]\nbogus = 1\n")?;
        let err = project.unwrap_err().to_string();
        assert!(err.contains("l10n.toml:4:"), "{err}");
        assert!(err.contains("bogus"), "{err}");
        Ok(())
    }

    #[test]
    fn missing_reference_directory_is_an_error() -> TestResult {
        let (_dir, project) = project_with(
            "[[paths]]\nreference = \"nowhere/en-US/**\"\nl10n = \"nowhere/{locale}/**\"\n",
        )?;
        assert!(project.unwrap_err().to_string().contains("does not exist"));
        Ok(())
    }

    #[test]
    fn discover_walks_upward() -> TestResult {
        let (dir, _) = project_with("")?;
        let deep = dir.path().join("locales/fr");
        let project = Project::discover(&deep)?;
        assert_eq!(
            project.config_path.ok_or("none")?,
            dir.path().join(CONFIG_FILE)
        );
        Ok(())
    }
}
