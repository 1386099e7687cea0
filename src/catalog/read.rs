//! Reading a locale's files from a project tree (working tree or git revision): listing,
//! limits, decoding, and the reference read once.

use super::*;
use crate::error::{Error, Result};
use crate::project::{Kind, Listing, Project};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One locale of the project: its files, or none when its directory does not exist yet.
pub fn load_project_locale(
    project: &Project,
    locale: &str,
    source: &dyn Tree,
) -> Result<LocaleFiles> {
    Ok(read_project_locale(project, locale, source)?.parse())
}

/// One locale's files, read but not parsed yet (a cached check hashes them first).
#[derive(Debug)]
pub struct LocaleTexts {
    pub locale: String,
    /// As [`LocaleFiles::paths`].
    pub paths: BTreeMap<PathBuf, String>,
    /// The existing files by path relative to the reference's base directory, sorted: the
    /// path as shown and the text, or why it could not be read.
    pub files: Vec<(PathBuf, String, Result<String>)>,
    /// Links not followed and other problems of the listing.
    pub problems: Vec<Error>,
    /// As [`LocaleFiles::absent_dir`].
    pub absent_dir: Option<String>,
}

impl LocaleTexts {
    /// Parses the reference's files, refusing a reference over the size limit
    /// ([`crate::limits`]).
    pub fn parse_reference(self) -> Result<Arc<LocaleFiles>> {
        let reference = self.parse();
        crate::limits::check_reference_size(
            reference
                .files
                .values()
                .map(|f| (f.shown.as_str(), f.entries.len())),
        )?;
        Ok(Arc::new(reference))
    }

    /// Parses every file, in parallel.
    pub fn parse(self) -> LocaleFiles {
        let parsed: Vec<(PathBuf, Result<FtlFile>)> = self
            .files
            .into_par_iter()
            .map(|(rel, shown, text)| {
                let file = text.map(|text| FtlFile::parse(rel.clone(), shown, text));
                (rel, file)
            })
            .collect();
        let mut files = BTreeMap::new();
        let mut unreadable = self.problems;
        for (rel, file) in parsed {
            match file {
                Ok(f) => {
                    files.insert(rel, Arc::new(f));
                }
                Err(e) => unreadable.push(e),
            }
        }
        LocaleFiles {
            locale: self.locale,
            paths: self.paths,
            files,
            unreadable,
            absent_dir: self.absent_dir,
        }
    }

    /// Whether some file could not be read or listed (such a locale is never cached).
    pub fn has_problems(&self) -> bool {
        !self.problems.is_empty() || self.files.iter().any(|(_, _, t)| t.is_err())
    }
}

/// Reads a locale of the project (not the reference): refuses a tag that is not BCP 47 and
/// a file standing where the locale's directory should be; a locale without a directory
/// yet has no files.
pub fn read_project_locale(
    project: &Project,
    locale: &str,
    source: &dyn Tree,
) -> Result<LocaleTexts> {
    let listing = locale_listing(project, locale, source)?;
    Ok(read_listing(project, locale, listing, source))
}

/// One locale's files as bytes, read but not decoded: all that a cache key needs, and
/// [`LocaleBytes::decode`] makes of them exactly what [`read_project_locale`] reads.
#[derive(Debug)]
pub struct LocaleBytes {
    pub locale: String,
    pub paths: BTreeMap<PathBuf, String>,
    /// By path relative to the reference's base directory, sorted: the path as shown and the
    /// bytes, or why they could not be read.
    pub files: Vec<(PathBuf, String, Result<Vec<u8>>)>,
    pub problems: Vec<Error>,
    pub absent_dir: Option<String>,
}

impl LocaleBytes {
    /// Each file as text (UTF-8 required, BOM dropped, CRLF to LF) within the limits.
    pub fn decode(self) -> LocaleTexts {
        let files = self
            .files
            .into_par_iter()
            .map(|(rel, shown, bytes)| {
                let text = bytes
                    .and_then(|b| crate::fsio::decode_text(Path::new(&shown), b))
                    .and_then(|t| within_limits(&shown, t));
                (rel, shown, text)
            })
            .collect();
        LocaleTexts {
            locale: self.locale,
            paths: self.paths,
            files,
            problems: self.problems,
            absent_dir: self.absent_dir,
        }
    }

    /// Whether some file could not be read or listed (such a locale is never cached).
    pub fn has_problems(&self) -> bool {
        !self.problems.is_empty() || self.files.iter().any(|(_, _, b)| b.is_err())
    }
}

/// A locale's listing; refuses a tag that is not BCP 47, and a file where the locale's own
/// directory should be.
fn locale_listing(project: &Project, locale: &str, source: &dyn Tree) -> Result<Listing> {
    if locale.parse::<unic_langid::LanguageIdentifier>().is_err() {
        return Err(Error::InvalidLocaleTag {
            locale: locale.to_owned(),
        });
    }
    let listing = project.locale_listing(locale, source);
    if let Some(dir) = &listing.dir
        && source.kind(dir) == Kind::File
    {
        return Err(Error::Project {
            path: PathBuf::from(project.display_path(dir)),
            message: format!(
                "a file where the directory of locale {locale} should be; move it away and create the directory, or remove {locale} from the project's locales"
            ),
        });
    }
    Ok(listing)
}

/// A locale's texts and those of the locale it falls back to.
pub fn read_with_parent(
    project: &Project,
    tag: &str,
) -> Result<(LocaleTexts, Option<LocaleTexts>)> {
    let texts = read_project_locale(project, tag, &WorkingTree)?;
    let parent = project
        .parent_locale(tag)
        .and_then(|p| read_project_locale(project, p, &WorkingTree).ok());
    Ok((texts, parent))
}

/// [`read_project_locale`] from the working tree, as bytes.
pub fn read_project_locale_bytes(project: &Project, locale: &str) -> Result<LocaleBytes> {
    let listing = locale_listing(project, locale, &WorkingTree)?;
    let paths = shown_paths(project, &listing);
    let absent_dir = absent_dir(project, &listing, &WorkingTree);
    let files = listing
        .files
        .into_par_iter()
        .filter(|f| f.exists)
        .map(|f| {
            let shown = project.display_path(&f.path);
            let bytes = std::fs::read(&f.path).map_err(|source| Error::Read {
                path: PathBuf::from(&shown),
                source: source.into(),
            });
            (f.rel, shown, bytes)
        })
        .collect();
    Ok(LocaleBytes {
        locale: locale.to_owned(),
        paths,
        files,
        problems: listing.problems,
        absent_dir,
    })
}

/// A file's text, or the limit it is over (named by its path as shown).
fn within_limits(shown: &str, text: String) -> Result<String> {
    crate::limits::check_fluent_text(Path::new(shown), &text).map(|()| text)
}

/// Reads the reference's files.
pub fn read_reference(project: &Project, source: &dyn Tree) -> Result<LocaleTexts> {
    let listing = project.reference_listing(source);
    Ok(read_listing(
        project,
        &project.reference_locale,
        listing,
        source,
    ))
}

fn shown_paths(project: &Project, listing: &Listing) -> BTreeMap<PathBuf, String> {
    listing
        .files
        .iter()
        .map(|f| (f.rel.clone(), project.display_path(&f.path)))
        .collect()
}

/// The directory of `locale` as shown, when its patterns have one and it does not exist yet.
pub fn absent_locale_dir(project: &Project, locale: &str) -> Option<String> {
    let listing = project.locale_listing(locale, &WorkingTree);
    absent_dir(project, &listing, &WorkingTree)
}

/// The locale's own directory as shown, when its patterns have one and it does not exist.
fn absent_dir(project: &Project, listing: &Listing, source: &dyn Tree) -> Option<String> {
    listing
        .dir
        .as_ref()
        .filter(|d| source.kind(d) == Kind::Missing)
        .map(|d| project.display_path(d))
}

fn read_listing(
    project: &Project,
    locale: &str,
    listing: Listing,
    source: &dyn Tree,
) -> LocaleTexts {
    let paths = shown_paths(project, &listing);
    let absent_dir = if locale == project.reference_locale {
        None
    } else {
        absent_dir(project, &listing, source)
    };
    let files = listing
        .files
        .into_par_iter()
        .filter(|f| f.exists)
        .map(|f| {
            let shown = project.display_path(&f.path);
            let text = source
                .read(&f.path)
                .map_err(|e| e.with_path(Path::new(&shown)))
                .and_then(|text| within_limits(&shown, text));
            (f.rel, shown, text)
        })
        .collect();
    LocaleTexts {
        locale: locale.to_owned(),
        paths,
        files,
        problems: listing.problems,
        absent_dir,
    }
}
