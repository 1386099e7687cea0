//! The project: its project files (`l10n.toml`, compare-locales' format plus a `[medloc]`
//! table, with includes and excludes), where the reference and each locale's files are,
//! and which files they hold. Reads no Fluent file itself.

mod config;
mod layout;
mod load;
pub mod pattern;
pub mod tree;
mod walk;

pub use config::{Config, Filter, MedlocConfig, StringOrList};
pub use layout::{Layout, ListedFile, Listing};
pub use tree::{Kind, Tree, WorkingTree};

use crate::error::{Error, Result};
use config::ConfigFile;
use layout::{Entry, normalize_str, rooted};
use load::{Loader, absolute, default_env, infer_reference, sibling_locales};
use pattern::{Env, Pattern};
use std::path::{Path, PathBuf};

pub const CONFIG_FILE: &str = "l10n.toml";
const DEFAULT_REFERENCE: &str = "en-US";

/// A discovered project: where everything is, resolved against the project root.
#[derive(Debug)]
pub struct Project {
    pub root: PathBuf,
    /// The (first) project file, if any.
    pub config_path: Option<PathBuf>,
    /// Every project file read: the given ones and their includes and excludes (their
    /// bytes are part of the check cache's key).
    pub config_files: Vec<PathBuf>,
    /// The first project file's settings; `filters` holds every project file's filters.
    pub config: Config,
    /// Where each of `config.filters` and `config.medloc.rules` is written: the file and
    /// line, for errors about them.
    pub origins: Origins,
    pub reference_locale: String,
    /// The line of `[medloc] reference` in the project file (1 when it is not set), for
    /// errors about the reference locale.
    pub reference_line: usize,
    pub layout: Layout,
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
        Project::load_all(&[config_path.to_owned()])
    }

    /// Loads a project made of several project files (`--config A --config B`), as
    /// compare-locales takes several: their paths and locales together; the first one's
    /// root and `[medloc]` settings.
    pub fn load_all(config_paths: &[PathBuf]) -> Result<Project> {
        let mut loader = Loader::default();
        let mut first: Option<(PathBuf, Config, String)> = None;
        for path in config_paths {
            let loaded = loader.load(path, first.as_ref().map(|f| f.2.as_str()), false)?;
            if first.is_none() {
                first = Some((path.clone(), loaded.0, loaded.1));
            }
        }
        let Some((config_path, mut config, root)) = first else {
            return Err(Error::NoProjectFile);
        };
        config.filters = std::mem::take(&mut loader.filters);
        // An excluded project file that is also included is not excluded (compare-locales).
        let included = &loader.included;
        let excludes: Vec<Entry> = loader
            .excluded
            .into_iter()
            .filter(|(path, _)| !included.contains(path))
            .flat_map(|(_, entries)| entries)
            .collect();
        let root_path = PathBuf::from(root.trim_end_matches('/'));
        let mut entries = loader.entries;
        let reference_line = loader.reference_line.unwrap_or(1);
        let reference_locale = config
            .medloc
            .reference
            .as_ref()
            .map(|r| r.get_ref().clone())
            .or_else(|| infer_reference(&entries))
            .unwrap_or_else(|| DEFAULT_REFERENCE.to_owned());
        if entries.is_empty() {
            // No [[paths]]: medloc's default layout, locales/<reference>/ beside the others.
            let env = default_env(&root);
            entries.push(Entry {
                reference: rooted(&format!("locales/{reference_locale}/**"), &root, &env),
                l10n: rooted("locales/{locale}/**", &root, &env),
                locales: None,
                env,
            });
        }
        let layout = Layout::new(entries, excludes, &root_path);
        if layout.reference(&WorkingTree).files.is_empty() {
            return Err(Error::Config {
                path: config_path.clone(),
                line: loader.first_reference_line.unwrap_or(1),
                message: format!(
                    "the reference has no Fluent file: nothing matches {}; fix [[paths]] reference or create the files",
                    layout.base().display()
                ),
            });
        }
        let mut locales = match loader.locales {
            Some(list) => list,
            None => sibling_locales(layout.base(), &reference_locale),
        };
        locales.retain(|l| *l != reference_locale);
        Ok(Project {
            root: root_path,
            origins: std::mem::take(&mut loader.origins),
            reference_line,
            config_path: Some(config_path),
            config_files: loader.seen,
            config,
            reference_locale,
            layout,
            locales,
        })
    }

    fn default_layout(root: &Path) -> Result<Project> {
        let root = absolute(root);
        let reference_dir = root.join("locales").join(DEFAULT_REFERENCE);
        if !reference_dir.is_dir() {
            return Err(Error::NoProject {
                config_file: CONFIG_FILE,
                dir: root.to_owned(),
                reference: DEFAULT_REFERENCE,
            });
        }
        let root_str = format!("{}/", root.to_string_lossy().trim_end_matches('/'));
        let env = default_env(&root_str);
        let entry = Entry {
            reference: rooted("locales/en-US/**", &root_str, &env),
            l10n: rooted("locales/{locale}/**", &root_str, &env),
            locales: None,
            env,
        };
        let layout = Layout::new(vec![entry], Vec::new(), &root);
        let locales = sibling_locales(layout.base(), DEFAULT_REFERENCE);
        Ok(Project {
            root,
            origins: Origins::default(),
            reference_line: 1,
            config_path: None,
            config_files: Vec::new(),
            config: Config::default(),
            reference_locale: DEFAULT_REFERENCE.to_owned(),
            layout,
            locales,
        })
    }

    /// The directory every reference file is under (`locales/en-US`).
    pub fn reference_dir(&self) -> &Path {
        self.layout.base()
    }

    /// The Markdown source directory.
    pub fn source_dir(&self) -> PathBuf {
        self.root
            .join(self.config.medloc.source.as_deref().unwrap_or("source"))
    }

    /// Whether the project has Markdown articles: the source directory, or why there is
    /// none. A directory that `[medloc] source` names and that is missing is an error; a
    /// project that sets no source and has no `source/` simply has no articles (a Fluent
    /// project such as a program's strings).
    pub fn articles(&self) -> Result<Option<PathBuf>> {
        let dir = self.source_dir();
        if dir.is_dir() {
            return Ok(Some(dir));
        }
        match &self.config.medloc.source {
            Some(setting) => Err(Error::NoSource {
                path: PathBuf::from(self.display_path(&dir)),
                config: self
                    .config_path
                    .clone()
                    .unwrap_or_else(|| PathBuf::from(CONFIG_FILE)),
                setting: setting.clone(),
            }),
            None => Ok(None),
        }
    }

    /// The path as shown to people: relative to the project root where possible.
    pub fn display_path(&self, path: &Path) -> String {
        path.strip_prefix(&self.root)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/")
    }

    /// The reference's files.
    pub fn reference_listing(&self, tree: &dyn Tree) -> Listing {
        self.layout.reference(tree)
    }

    /// A locale's files, and where its missing translations would go.
    pub fn locale_listing(&self, locale: &str, tree: &dyn Tree) -> Listing {
        self.layout.locale(locale, tree)
    }
}

/// Where settings are written, for errors that name the line.
#[derive(Debug, Default, Clone)]
pub struct Origins {
    /// Parallel to `config.filters`.
    pub filters: Vec<(PathBuf, usize)>,
    /// `[medloc.rules]` entries by rule name.
    pub rules: std::collections::BTreeMap<String, (PathBuf, usize)>,
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
            .filter(|name| !self.locales.contains(name) && **name != self.reference_locale)
            .map(|name| Error::NotAProjectLocale {
                name: name.to_string(),
                known: self.locales.clone(),
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

    /// Refuses a locale that the project does not have (`option` is how the user named it,
    /// as `--locale`), suggesting the one meant: `pt_BR` and `PT-br` for `pt-BR`, a typo
    /// within two edits. The reference counts where `reference_ok`.
    pub fn require_locale(&self, option: &str, name: &str, reference_ok: bool) -> Result<()> {
        let mut known: Vec<&String> = self.locales.iter().collect();
        if reference_ok {
            known.push(&self.reference_locale);
        }
        if known.iter().any(|l| *l == name) {
            return Ok(());
        }
        let fold = |s: &str| s.to_ascii_lowercase().replace('_', "-");
        let wanted = fold(name);
        let suggestion = known
            .iter()
            .find(|l| fold(l) == wanted)
            .or_else(|| {
                known
                    .iter()
                    .map(|l| (strsim::levenshtein(&fold(l), &wanted), l))
                    .filter(|(d, l)| *d <= 2 && *d < l.len())
                    .min_by_key(|(d, _)| *d)
                    .map(|(_, l)| l)
            })
            .or_else(|| {
                // fr-FR for a project with fr: the same language.
                let language = wanted.split('-').next().unwrap_or_default();
                known.iter().find(|l| fold(l) == language)
            })
            .map(|l| (*l).clone());
        let mut all: Vec<String> = known.into_iter().cloned().collect();
        all.sort();
        Err(Error::UnknownLocale {
            option: option.to_owned(),
            name: name.to_owned(),
            suggestion,
            known: all,
        })
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
        std::fs::write(dir.path().join("locales/en-US/a.ftl"), "hi = Hi\n")?;
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
        let listing = project.locale_listing("de", &WorkingTree);
        assert_eq!(listing.dir, Some(project.root.join("locales/de")));
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
        let err = project.unwrap_err().to_string();
        assert!(err.contains("l10n.toml:2:"), "{err}");
        assert!(err.contains("no Fluent file"), "{err}");
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
