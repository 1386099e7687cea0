//! The project: its project files (`l10n.toml`, compare-locales' format plus a `[medloc]`
//! table, with includes and excludes), where the reference and each locale's files are,
//! and which files they hold. Reads no Fluent file itself.

mod config;
mod layout;
pub mod pattern;
pub mod tree;

pub use config::{Config, Filter, MedlocConfig, StringOrList};
pub use layout::{Layout, ListedFile, Listing};
pub use tree::{Kind, Tree, WorkingTree};

use crate::error::{Error, Result};
use config::ConfigFile;
use layout::{Entry, entries_of, normalize_str, rooted};
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

/// Reads project files and what they include, once each, refusing cycles.
#[derive(Default)]
struct Loader {
    seen: Vec<PathBuf>,
    stack: Vec<PathBuf>,
    entries: Vec<Entry>,
    excluded: Vec<(PathBuf, Vec<Entry>)>,
    included: Vec<PathBuf>,
    filters: Vec<toml::Spanned<Filter>>,
    origins: Origins,
    locales: Option<Vec<String>>,
    /// The line of the first `[[paths]] reference`, for an error about the reference.
    first_reference_line: Option<usize>,
    /// The line of the first project file's `[medloc] reference`.
    reference_line: Option<usize>,
}

impl Loader {
    /// Loads one project file and its includes (their entries into `self.entries`, or into
    /// `self.excluded` when `excluding`); its own config and root.
    fn load(
        &mut self,
        path: &Path,
        l10n_base: Option<&str>,
        excluding: bool,
    ) -> Result<(Config, String)> {
        let canonical = path.canonicalize().unwrap_or_else(|_| absolute(path));
        if self.stack.contains(&canonical) {
            return Err(Error::Project {
                path: path.to_owned(),
                message: format!(
                    "includes itself through {}; remove one of the [[includes]]",
                    self.stack
                        .iter()
                        .map(|p| p.display().to_string())
                        .collect::<Vec<_>>()
                        .join(" -> ")
                ),
            });
        }
        let mut file = ConfigFile::read(path)?;
        if !self.seen.contains(&canonical) {
            self.seen.push(canonical.clone());
        }
        let root = basepath_root(&file)?;
        let root = format!("{}/", root.to_string_lossy().trim_end_matches('/'));
        let mut env = default_env(l10n_base.unwrap_or(&root));
        for (name, value) in &file.config.env {
            env.insert(name.clone(), Pattern::parse(value.get_ref()));
        }
        if let Some(locales) = file.config.locales.as_ref().filter(|_| !excluding) {
            let list = self.locales.get_or_insert_with(Vec::new);
            for l in locales.get_ref() {
                if !list.contains(l) {
                    list.push(l.clone());
                }
            }
        }
        let top = file.config.locales.as_ref().map(|l| l.get_ref().as_slice());
        if self.reference_line.is_none()
            && let Some(r) = &file.config.medloc.reference
        {
            self.reference_line = Some(crate::error::line_of(&file.text, r.span().start));
        }
        let mut entries = entries_of(&file, &root, &env, top)?;
        if excluding {
            exclude_only_own_locales(&mut entries, top);
        }
        if self.first_reference_line.is_none()
            && let Some(first) = file.config.paths.first()
        {
            let start = first
                .get_ref()
                .reference
                .as_ref()
                .map_or(first.span(), |r| r.span());
            self.first_reference_line = Some(crate::error::line_of(&file.text, start.start));
        }
        if excluding {
            self.excluded.push((canonical.clone(), entries));
        } else {
            self.entries.extend(entries);
            self.included.push(canonical.clone());
        }
        for filter in &file.config.filters {
            let line = crate::error::line_of(&file.text, filter.span().start);
            self.origins.filters.push((path.to_owned(), line));
            self.filters.push(filter.clone());
        }
        if self.stack.is_empty() {
            for (name, level) in &file.config.medloc.rules {
                let line = crate::error::line_of(&file.text, level.span().start);
                self.origins
                    .rules
                    .insert(name.clone(), (path.to_owned(), line));
            }
        }
        self.stack.push(canonical);
        self.load_children(&mut file, &env, &root, l10n_base, excluding)?;
        self.stack.pop();
        Ok((file.config, root))
    }

    /// Loads the `[[includes]]` and `[[excludes]]` of `file` (whose own path is on the
    /// stack), each relative to `root`.
    fn load_children(
        &mut self,
        file: &mut ConfigFile,
        env: &Env,
        root: &str,
        l10n_base: Option<&str>,
        excluding: bool,
    ) -> Result<()> {
        let children = [
            (std::mem::take(&mut file.config.includes), excluding),
            (std::mem::take(&mut file.config.excludes), true),
        ];
        for (list, excluded) in children {
            for child in list {
                let written = child.get_ref().path.get_ref();
                let target = Pattern::parse(written)
                    .prefix(env)
                    .map(|p| {
                        if p.starts_with('/') {
                            PathBuf::from(p)
                        } else {
                            PathBuf::from(format!("{root}{p}"))
                        }
                    })
                    .map_err(|e| file.error(child.span(), format!("{written:?}: {e}")))?;
                let target = PathBuf::from(normalize_str(&target.to_string_lossy()));
                if !target.is_file() {
                    return Err(file.error(
                        child.get_ref().path.span(),
                        format!(
                            "path = {written:?}: {} does not exist; the path is relative to basepath ({})",
                            target.display(),
                            root.trim_end_matches('/')
                        ),
                    ));
                }
                let canonical_child = target.canonicalize().unwrap_or_else(|_| target.clone());
                if self.stack.contains(&canonical_child) {
                    return Err(file.error(
                        child.get_ref().path.span(),
                        format!(
                            "path = {written:?}: an include cycle ({} -> {}); remove one of the [[includes]]",
                            self.stack
                                .iter()
                                .map(|p| p.display().to_string())
                                .collect::<Vec<_>>()
                                .join(" -> "),
                            target.display()
                        ),
                    ));
                }
                let (child_config, _) = self.load(&target, l10n_base.or(Some(root)), excluded)?;
                if !child_config.excludes.is_empty() {
                    return Err(file.error(
                        child.span(),
                        format!(
                            "{written:?} declares its own [[excludes]]; compare-locales refuses that in an included or excluded project file, and so does medloc"
                        ),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// The directory `basepath` names (relative to the file's directory; the file's directory
/// when it names none), which must exist.
fn basepath_root(file: &ConfigFile) -> Result<PathBuf> {
    let base_dir = absolute(file.dir());
    Ok(match &file.config.basepath {
        Some(b) => {
            let root = normalize(&base_dir.join(b.get_ref()));
            if !root.is_dir() {
                return Err(file.error(
                    b.span(),
                    format!(
                        "basepath = {:?}: {} is not a directory; basepath is relative to this file's directory",
                        b.get_ref(),
                        root.display()
                    ),
                ));
            }
            root
        }
        None => base_dir,
    })
}

/// compare-locales applies an excluded project file to a locale only when that file names
/// the locale (in its `locales` or an entry's): one that names none excludes nothing.
fn exclude_only_own_locales(entries: &mut [Entry], file_locales: Option<&[String]>) {
    let mut all: Vec<String> = file_locales.map(<[String]>::to_vec).unwrap_or_default();
    for e in entries.iter() {
        all.extend(e.locales.iter().flatten().cloned());
    }
    for e in entries.iter_mut() {
        let own = e.locales.take();
        e.locales = Some(
            all.iter()
                .filter(|l| file_locales.is_none_or(|f| f.contains(l)))
                .filter(|l| own.as_ref().is_none_or(|o| o.contains(l)))
                .cloned()
                .collect(),
        );
    }
}

/// The variables every project file starts with: `l10n_base`, the directory the locales'
/// files are found under (the project root unless `[env]` sets it).
fn default_env(l10n_base: &str) -> Env {
    [(
        "l10n_base".to_owned(),
        Pattern::parse(l10n_base.trim_end_matches('/')),
    )]
    .into()
}

/// The reference locale the `[[paths]]` name: the text of the reference pattern where the
/// l10n pattern has `{locale}` (`en` for `en/banner.ftl` and `{locale}/banner.ftl`).
fn infer_reference(entries: &[Entry]) -> Option<String> {
    entries.iter().find_map(|e| {
        let l10n = &e.l10n.text;
        let reference = &e.reference.text;
        let at = l10n.find("{locale}")?;
        let (before, after) = (&l10n[..at], &l10n[at + "{locale}".len()..]);
        let middle = reference
            .strip_prefix(before)?
            .strip_suffix(after)
            .filter(|m| !m.contains('/'))?;
        middle
            .parse::<unic_langid::LanguageIdentifier>()
            .is_ok()
            .then(|| middle.to_owned())
    })
}

/// The directories beside the reference's, as locales (when no project file lists them).
fn sibling_locales(reference_dir: &Path, reference: &str) -> Vec<String> {
    let Some(parent) = reference_dir.parent() else {
        return Vec::new();
    };
    let mut out: Vec<String> = std::fs::read_dir(parent)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| name != reference && !name.starts_with('.'))
        .collect();
    out.sort();
    out
}

fn absolute(path: &Path) -> PathBuf {
    normalize(&std::path::absolute(path).unwrap_or_else(|_| path.to_owned()))
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
