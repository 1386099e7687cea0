//! Loading project files: a file and what it includes or excludes, once each, refusing
//! cycles; basepath, `[env]`, and where each setting was written.

use super::layout::{check_variables, within};
use super::*;

/// Reads project files and what they include, once each, refusing cycles.
#[derive(Default)]
pub(super) struct Loader {
    pub(super) seen: Vec<PathBuf>,
    pub(super) stack: Vec<PathBuf>,
    pub(super) entries: Vec<Entry>,
    pub(super) excluded: Vec<(PathBuf, Vec<Entry>)>,
    pub(super) included: Vec<PathBuf>,
    pub(super) filters: Vec<toml::Spanned<Filter>>,
    pub(super) origins: Origins,
    pub(super) locales: Option<Vec<String>>,
    /// The line of the first `[[paths]] reference`, for an error about the reference.
    pub(super) first_reference_line: Option<usize>,
    /// The line of the first project file's `[medloc] reference`.
    pub(super) reference_line: Option<usize>,
}

impl Loader {
    /// Loads one project file and its includes (their entries into `self.entries`, or into
    /// `self.excluded` when `excluding`); its own config and root.
    pub(super) fn load(
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
pub(super) fn basepath_root(file: &ConfigFile) -> Result<PathBuf> {
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
pub(super) fn exclude_only_own_locales(entries: &mut [Entry], file_locales: Option<&[String]>) {
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
pub(super) fn default_env(l10n_base: &str) -> Env {
    [(
        "l10n_base".to_owned(),
        Pattern::parse(l10n_base.trim_end_matches('/')),
    )]
    .into()
}

/// The reference locale the `[[paths]]` name: the text of the reference pattern where the
/// l10n pattern has `{locale}` (`en` for `en/banner.ftl` and `{locale}/banner.ftl`).
pub(super) fn infer_reference(entries: &[Entry]) -> Option<String> {
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
pub(super) fn sibling_locales(reference_dir: &Path, reference: &str) -> Vec<String> {
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

pub(super) fn absolute(path: &Path) -> PathBuf {
    normalize(&std::path::absolute(path).unwrap_or_else(|_| path.to_owned()))
}

/// Compiles one project file's `[[paths]]` (validating each entry) into entries.
pub(super) fn entries_of(
    file: &ConfigFile,
    root: &str,
    env: &Env,
    top_locales: Option<&[String]>,
) -> Result<Vec<Entry>> {
    let mut out = Vec::new();
    for rule in &file.config.paths {
        let span = rule.span();
        let rule = rule.get_ref();
        let err = |s: std::ops::Range<usize>, m: String| file.error(s, m);
        let Some(reference) = &rule.reference else {
            return Err(err(
                span,
                format!(
                    "[[paths]] l10n = {:?} has no reference: medloc compares every translation with its reference file; add reference = \"...\"",
                    rule.l10n.get_ref()
                ),
            ));
        };
        let l10n_text = rule.l10n.get_ref();
        let l10n = rooted(l10n_text, root, env);
        let reference_pattern = rooted(reference.get_ref(), root, env);
        if !l10n.uses("locale") {
            return Err(err(
                rule.l10n.span(),
                format!(
                    "[[paths]] l10n = {l10n_text:?} has no {{locale}}: each locale needs its own files, as in \"locales/{{locale}}/**\""
                ),
            ));
        }
        if reference_pattern.uses("locale") {
            return Err(err(
                reference.span(),
                format!(
                    "[[paths]] reference = {:?} has {{locale}}: the reference is one locale's files; name them, as in \"locales/en-US/**\"",
                    reference.get_ref()
                ),
            ));
        }
        if l10n.wildcards() != reference_pattern.wildcards() {
            return Err(err(
                span,
                format!(
                    "[[paths]] reference = {:?} and l10n = {l10n_text:?} have different wildcards: each * and ** of one must stand at the same place in the other",
                    reference.get_ref()
                ),
            ));
        }
        for (pattern, spanned) in [(&l10n, &rule.l10n), (&reference_pattern, reference)] {
            check_variables(pattern, env).map_err(|m| {
                err(
                    spanned.span(),
                    format!("[[paths]] {:?}: {m}", spanned.get_ref()),
                )
            })?;
        }
        let locales = match &rule.locales {
            Some(list) => {
                if let Some(top) = top_locales
                    && let Some(stray) = list.get_ref().iter().find(|l| !top.contains(l))
                {
                    return Err(err(
                        list.span(),
                        format!(
                            "[[paths]] locales: {stray:?} is not in the project's locales list; add it there or remove it here"
                        ),
                    ));
                }
                Some(list.get_ref().clone())
            }
            None => None,
        };
        let mut probe = env.clone();
        probe.insert("locale".to_owned(), Pattern::parse("x-locale"));
        let l10n_base = env
            .get("l10n_base")
            .and_then(|b| Pattern::parse(&b.text).prefix(env).ok())
            .unwrap_or_default();
        for (pattern, spanned, penv) in [
            (&l10n, &rule.l10n, &probe),
            (&reference_pattern, reference, env),
        ] {
            let prefix = pattern.prefix(penv).unwrap_or_default();
            let normal = normalize_str(&prefix);
            if !within(&normal, root) && !within(&normal, &l10n_base) {
                return Err(err(
                    spanned.span(),
                    format!(
                        "[[paths]] {:?} points outside the project ({}): patterns are relative to basepath; remove the ../",
                        spanned.get_ref(),
                        root.trim_end_matches('/')
                    ),
                ));
            }
        }
        out.push(Entry {
            reference: reference_pattern,
            l10n,
            locales,
            env: env.clone(),
        });
    }
    Ok(out)
}
