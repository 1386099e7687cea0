//! Which files the reference and each locale have: the `[[paths]]` of every project file
//! (with its includes and excludes) compiled once, and the listing of files they match.
//! Follows compare-locales' `ProjectFiles` (`compare_locales/paths/files.py`): for a
//! locale, the last applicable entry that matches a path decides its counterpart, a
//! translation without a reference file is obsolete, a reference file without a
//! translation is missing. Only Fluent (`.ftl`) files are listed.

use super::pattern::{Env, Matcher, Pattern};
use super::tree::Tree;
use super::walk::Walks;
use crate::error::Error;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// One `[[paths]]` entry, its patterns rooted at its project file's root.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub reference: Pattern,
    pub l10n: Pattern,
    pub locales: Option<Vec<String>>,
    pub env: Env,
}

impl Entry {
    fn applies(&self, locale: &str) -> bool {
        self.locales
            .as_ref()
            .is_none_or(|l| l.iter().any(|x| x == locale))
    }

    fn env_for(&self, locale: &str) -> Env {
        let mut env = self.env.clone();
        env.insert("locale".to_owned(), Pattern::parse(locale));
        env
    }
}

/// An entry's patterns compiled once per layout. Compiling a pattern is a regex build
/// (tens of microseconds); a project of 85 locales compiled two per locale and entry, a
/// sixth of a short check's time.
#[derive(Debug, Clone)]
struct Compiled {
    /// The reference pattern, which no locale changes.
    reference: Option<Matcher>,
    /// The l10n pattern with `{locale}` left unbound (it matches any locale's files).
    l10n_any: Option<Matcher>,
}

impl Compiled {
    fn new(entry: &Entry) -> Compiled {
        Compiled {
            reference: entry.reference.compile(&entry.env).ok(),
            l10n_any: entry.l10n.compile(&entry.env).ok(),
        }
    }
}

/// An entry's l10n pattern for one locale: the locale-independent matcher, whose match
/// is kept when the locale's own expansion of it gives the path back, and the pattern
/// compiled for the locale only where that test cannot decide (the locale's text also
/// matched as a shorter one, as `pt` in `pt-BR-x.ftl` of `{locale}-*.ftl`, or a pattern
/// whose variables need the locale to compile).
struct L10nMatcher<'a> {
    any: Option<&'a Matcher>,
    pattern: &'a Pattern,
    env: Env,
    bound: std::cell::OnceCell<Option<Matcher>>,
    /// What every path of this locale contains ([`Pattern::locale_context`]): most paths
    /// tried are another locale's, rejected by this test before any regex runs (coreutils
    /// lists 36 locales' files in one directory per utility).
    context: Option<String>,
}

impl<'a> L10nMatcher<'a> {
    fn new(entry: &'a Entry, compiled: &'a Compiled, locale: &str) -> L10nMatcher<'a> {
        L10nMatcher {
            any: compiled.l10n_any.as_ref(),
            pattern: &entry.l10n,
            env: entry.env_for(locale),
            bound: std::cell::OnceCell::new(),
            context: entry.l10n.locale_context(locale),
        }
    }

    fn bound(&self) -> Option<&Matcher> {
        self.bound
            .get_or_init(|| self.pattern.compile(&self.env).ok())
            .as_ref()
    }

    /// Whether the pattern compiles for this locale.
    fn usable(&self) -> bool {
        self.any.is_some() || self.bound().is_some()
    }

    fn matches(&self, path: &str) -> Option<super::pattern::Captures> {
        if self
            .context
            .as_ref()
            .is_some_and(|c| !path.contains(c.as_str()))
        {
            return None;
        }
        if let Some(any) = self.any {
            // Every path of this locale also matches with the locale unbound.
            let captures = any.matches(path)?;
            if any.expand_in(&captures, &self.env).as_deref() == Some(path) {
                return Some(captures);
            }
        }
        self.bound()?.matches(path)
    }

    fn expand(&self, captures: &super::pattern::Captures) -> Option<String> {
        match self.any {
            Some(any) => any.expand_in(captures, &self.env),
            None => self.bound()?.expand(captures),
        }
    }
}

/// A file of the reference or of a locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedFile {
    /// The reference file's path relative to the reference's base directory: the same
    /// for the reference and every translation of it (the article).
    pub rel: PathBuf,
    /// Where the file is (or would be, when missing).
    pub path: PathBuf,
    pub exists: bool,
}

/// The files of the reference or of one locale.
#[derive(Debug, Default)]
pub struct Listing {
    /// By `rel`, sorted: the existing files and the missing translations of reference files.
    pub files: Vec<ListedFile>,
    /// The locale's own directory, where its patterns have one (`locales/de` for
    /// `locales/{locale}/**`; none for `src/*/locales/{locale}.ftl`).
    pub dir: Option<PathBuf>,
    /// Links not followed, directories that could not be read.
    pub problems: Vec<Error>,
}

/// The compiled `[[paths]]` of a project.
#[derive(Debug, Clone)]
pub struct Layout {
    pub(super) entries: Vec<Entry>,
    pub(super) excludes: Vec<Entry>,
    /// The reference files' common directory, with a trailing `/`.
    base: String,
    /// The project root (the first project file's).
    pub(super) root: PathBuf,
    /// The working tree's directories as walked, shared by every listing of this layout:
    /// a directory that holds every locale's files (`src/*/locales/{locale}.ftl`) is walked
    /// once per run, not once per locale. A layout lives for one command.
    pub(super) walked: std::sync::Arc<std::sync::Mutex<HashMap<String, Walked>>>,
    /// Each entry's reference files and their captures, once per layout (working tree).
    pub(super) reference_matches: std::sync::Arc<Vec<std::sync::OnceLock<ReferenceMatches>>>,
    /// `entries` and `excludes` compiled, in their order.
    compiled: std::sync::Arc<Vec<Compiled>>,
    excludes_compiled: std::sync::Arc<Vec<Compiled>>,
}

type ReferenceMatches = std::sync::Arc<Vec<(String, super::pattern::Captures)>>;

/// One walk: the files, and the problems met (as text, reported by every listing).
pub(super) type Walked = std::sync::Arc<(Vec<String>, Vec<(PathBuf, String)>)>;

impl Layout {
    pub(super) fn new(entries: Vec<Entry>, excludes: Vec<Entry>, root: &Path) -> Layout {
        let prefixes: Vec<String> = entries
            .iter()
            .map(|e| e.reference.prefix(&e.env).unwrap_or_default())
            .collect();
        let base = common_dir(&prefixes);
        let entries_len = entries.len();
        let compiled = std::sync::Arc::new(entries.iter().map(Compiled::new).collect());
        let excludes_compiled = std::sync::Arc::new(excludes.iter().map(Compiled::new).collect());
        Layout {
            compiled,
            excludes_compiled,
            entries,
            excludes,
            base,
            root: root.to_owned(),
            walked: Default::default(),
            reference_matches: std::sync::Arc::new(
                (0..entries_len)
                    .map(|_| std::sync::OnceLock::new())
                    .collect(),
            ),
        }
    }

    /// The directory every reference file is under (`locales/en-US` for the default layout).
    pub fn base(&self) -> &Path {
        Path::new(self.base.trim_end_matches('/'))
    }

    /// The reference's files.
    pub fn reference(&self, tree: &dyn Tree) -> Listing {
        let mut walks = Walks::new(tree, self);
        let mut files: BTreeMap<PathBuf, ListedFile> = BTreeMap::new();
        for (entry, compiled) in self.entries.iter().zip(self.compiled.iter()).rev() {
            let Some(matcher) = &compiled.reference else {
                continue;
            };
            let Ok(prefix) = entry.reference.prefix(&entry.env) else {
                continue;
            };
            for path in walks.files(&prefix).iter() {
                if matcher.matches(path).is_some()
                    && let Some(rel) = self.rel_of(path)
                {
                    files.entry(rel.clone()).or_insert(ListedFile {
                        rel,
                        path: PathBuf::from(path),
                        exists: true,
                    });
                }
            }
        }
        Listing {
            files: files.into_values().collect(),
            dir: Some(self.base().to_owned()),
            problems: walks.problems,
        }
    }

    /// One locale's files: those its patterns match, and where the translation of each
    /// reference file that applies to it would be.
    pub fn locale(&self, locale: &str, tree: &dyn Tree) -> Listing {
        let mut walks = Walks::new(tree, self);
        let excluded = self.excluded(locale);
        let mut known: BTreeMap<String, String> = BTreeMap::new();
        let mut found: std::collections::HashSet<String> = Default::default();
        let mut dir = None;
        for (i, entry) in self
            .entries
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, e)| e.applies(locale))
        {
            let Some(compiled) = self.compiled.get(i) else {
                continue;
            };
            let l10n = L10nMatcher::new(entry, compiled, locale);
            let (Some(reference), true) = (&compiled.reference, l10n.usable()) else {
                continue;
            };
            let env = &l10n.env;
            let (Ok(l10n_prefix), Ok(ref_prefix)) =
                (entry.l10n.prefix(env), entry.reference.prefix(&entry.env))
            else {
                continue;
            };
            dir = locale_dir(&entry.l10n, env, locale).or(dir);
            for path in walks.files(&l10n_prefix).iter() {
                if excluded.matches(path) {
                    continue;
                }
                if let Some(c) = l10n.matches(path)
                    && let Some(ref_path) = reference.expand(&c)
                {
                    found.insert(path.clone());
                    known.entry(path.clone()).or_insert(ref_path);
                }
            }
            for (path, c) in walks.reference_matches(i, reference, &ref_prefix).iter() {
                if let Some(l10n_path) = l10n.expand(c)
                    && !excluded.matches(&l10n_path)
                {
                    known.entry(l10n_path).or_insert_with(|| path.clone());
                }
            }
        }
        let mut files: BTreeMap<PathBuf, ListedFile> = BTreeMap::new();
        for (path, ref_path) in known {
            let Some(rel) = self.rel_of(&ref_path) else {
                continue;
            };
            // A translation that exists was found by its entry's own walk.
            let exists = found.contains(&path);
            files.entry(rel.clone()).or_insert(ListedFile {
                rel,
                path: PathBuf::from(path),
                exists,
            });
        }
        Listing {
            files: files.into_values().collect(),
            dir,
            problems: walks.problems,
        }
    }

    /// The excluded project files for `locale` (l10n and reference patterns).
    fn excluded(&self, locale: &str) -> Excluded<'_> {
        let mut excluded = Excluded::default();
        for (e, compiled) in self.excludes.iter().zip(self.excludes_compiled.iter()) {
            if e.applies(locale) {
                excluded.l10n.push(L10nMatcher::new(e, compiled, locale));
                excluded.reference.extend(compiled.reference.as_ref());
            }
        }
        excluded
    }

    fn rel_of(&self, path: &str) -> Option<PathBuf> {
        path.strip_prefix(&self.base)
            .filter(|r| !r.is_empty())
            .map(PathBuf::from)
    }
}

/// A locale's `[[excludes]]`.
#[derive(Default)]
struct Excluded<'a> {
    l10n: Vec<L10nMatcher<'a>>,
    reference: Vec<&'a Matcher>,
}

impl Excluded<'_> {
    fn matches(&self, path: &str) -> bool {
        self.l10n.iter().any(|x| x.matches(path).is_some())
            || self.reference.iter().any(|x| x.matches(path).is_some())
    }
}

/// The part of an l10n pattern's prefix up to the end of the segment holding the locale
/// (`/p/locales/de` for `/p/locales/{locale}/**`), when the locale is in the prefix.
fn locale_dir(l10n: &Pattern, env: &Env, locale: &str) -> Option<PathBuf> {
    let prefix = l10n.prefix(env).ok()?;
    let at = prefix.rfind(&format!("/{locale}"))?;
    let end = prefix[at + 1..]
        .find('/')
        .map_or(prefix.len(), |i| at + 1 + i);
    let segment = &prefix[at + 1..end];
    // The locale as a whole directory name, not a file name like de.ftl.
    (segment == locale).then(|| PathBuf::from(&prefix[..end]))
}

/// The longest common directory of `paths` (each cut at its last `/`), with a trailing `/`.
fn common_dir(paths: &[String]) -> String {
    let dirs: Vec<&str> = paths
        .iter()
        .map(|p| p.rfind('/').map_or("", |i| &p[..i]))
        .collect();
    let Some(first) = dirs.first() else {
        return "/".to_owned();
    };
    let mut common: Vec<&str> = first.split('/').collect();
    for dir in &dirs[1..] {
        let parts: Vec<&str> = dir.split('/').collect();
        let same = common
            .iter()
            .zip(&parts)
            .take_while(|(a, b)| a == b)
            .count();
        common.truncate(same);
    }
    let mut out = common.join("/");
    out.push('/');
    out
}

/// The variables a pattern uses are all defined (or `{locale}`).
pub(super) fn check_variables(pattern: &Pattern, env: &Env) -> std::result::Result<(), String> {
    let mut env = env.clone();
    env.insert("locale".to_owned(), Pattern::parse("x"));
    pattern
        .compile(&env)
        .map(|_| ())
        .map_err(|e| e.to_string())?;
    // An unbound variable compiles (it matches anything); medloc wants every one defined.
    for name in pattern.variables() {
        if !env.contains_key(&name) {
            return Err(super::pattern::PatternError::Unknown(name).to_string());
        }
    }
    Ok(())
}

/// A pattern of a project file, rooted at its root unless it starts with an absolute path
/// (a variable such as `{l10n_base}` may hold one).
pub(super) fn rooted(text: &str, root: &str, env: &Env) -> Pattern {
    let pattern = Pattern::parse(text);
    if pattern.prefix(env).is_ok_and(|p| p.starts_with('/')) {
        pattern
    } else {
        Pattern::parse(&format!("{root}{}", text.trim_start_matches("./")))
    }
}

pub(super) fn within(path: &str, dir: &str) -> bool {
    !dir.is_empty() && (path.starts_with(dir) || format!("{path}/") == dir)
}

/// Resolves `.` and `..` in a `/`-separated path, keeping a trailing `/`.
pub(super) fn normalize_str(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "." => {}
            ".." => {
                if parts.len() > 1 {
                    parts.pop();
                }
            }
            p => parts.push(p),
        }
    }
    let mut out = parts.join("/");
    if path.ends_with('/') && !out.ends_with('/') {
        out.push('/');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_dir_of_reference_prefixes() {
        let dirs = |p: &[&str]| common_dir(&p.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(dirs(&["/p/locales/en-US/"]), "/p/locales/en-US/");
        assert_eq!(dirs(&["/p/en/a.ftl", "/p/en/b.ftl"]), "/p/en/");
        assert_eq!(
            dirs(&["/p/src/uu/", "/p/src/uucore/locales/en-US.ftl"]),
            "/p/src/"
        );
    }

    #[test]
    fn locale_dir_only_when_the_locale_is_a_directory() {
        let env: Env = [("locale".to_owned(), Pattern::parse("de"))].into();
        let dir = |p: &str| locale_dir(&Pattern::parse(p), &env, "de");
        assert_eq!(dir("/p/locales/{locale}/**"), Some("/p/locales/de".into()));
        assert_eq!(dir("/p/{locale}/a.ftl"), Some("/p/de".into()));
        assert_eq!(dir("/p/src/*/locales/{locale}.ftl"), None);
    }

    /// The locale-independent matcher decides as the pattern compiled for the locale does,
    /// including where the unbound locale first matches a shorter text (`pt` of `pt-BR-x`).
    #[test]
    fn l10n_matcher_agrees_with_the_pattern_compiled_per_locale() {
        let patterns = [
            "/p/locales/{locale}/**",
            "/p/l10n/{locale}-*.ftl",
            "/p/src/*/locales/{locale}.ftl",
            "/p/{locale}/{locale}.ftl",
            "/p/x/**/{locale}/*.ftl",
        ];
        let paths = [
            "/p/locales/de/a.ftl",
            "/p/locales/pt-BR/sub/b.ftl",
            "/p/l10n/pt-BR-main.ftl",
            "/p/l10n/pt-main.ftl",
            "/p/l10n/de-x-y.ftl",
            "/p/src/ls/locales/pt-BR.ftl",
            "/p/src/ls/locales/de.ftl",
            "/p/de/de.ftl",
            "/p/de/pt.ftl",
            "/p/x/a/b/pt-BR/c.ftl",
            "/p/x/pt-BR/c.ftl",
        ];
        for pattern in patterns {
            let entry = Entry {
                reference: Pattern::parse("/p/en/**"),
                l10n: Pattern::parse(pattern),
                locales: None,
                env: Env::new(),
            };
            let compiled = Compiled::new(&entry);
            assert!(compiled.l10n_any.is_some(), "{pattern}");
            for locale in ["de", "pt", "pt-BR"] {
                let matcher = L10nMatcher::new(&entry, &compiled, locale);
                let bound = entry
                    .l10n
                    .compile(&entry.env_for(locale))
                    .unwrap_or_else(|e| panic!("{pattern}: {e}"));
                for path in paths {
                    let got = matcher.matches(path);
                    assert_eq!(got, bound.matches(path), "{pattern} {locale} {path}");
                    if let Some(c) = got {
                        assert_eq!(matcher.expand(&c), bound.expand(&c));
                        assert_eq!(matcher.expand(&c).as_deref(), Some(path));
                    }
                }
            }
        }
    }

    #[test]
    fn normalize_keeps_the_root() {
        assert_eq!(normalize_str("/a/b/../c/./d/"), "/a/c/d/");
        assert_eq!(normalize_str("/a/../../x"), "/x");
    }
}
