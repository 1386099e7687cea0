//! `l10n.toml` as written: compare-locales' project format (`basepath`, `locales`, `[env]`,
//! `[[paths]]`, `[[filters]]`, `[[includes]]`, `[[excludes]]`; the specification is
//! `compare_locales/paths/configparser.py` and `project.py`) plus medloc's `[medloc]` table.
//! Every key is checked: a key medloc does not know is an error naming its line, never
//! ignored, so no project file is half understood. Reads the project files; no other file.

use crate::error::{Error, Result, line_of};
use crate::fsio::read_text;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// One project file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub basepath: Option<Spanned<String>>,
    #[serde(default)]
    pub locales: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    pub env: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    pub paths: Vec<Spanned<PathRule>>,
    #[serde(default)]
    pub filters: Vec<Spanned<Filter>>,
    #[serde(default)]
    pub includes: Vec<Spanned<ChildRule>>,
    #[serde(default)]
    pub excludes: Vec<Spanned<ChildRule>>,
    #[serde(default)]
    pub medloc: MedlocConfig,
}

/// A `[[paths]]` entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PathRule {
    pub reference: Option<Spanned<String>>,
    pub l10n: Spanned<String>,
    /// Restricts the entry to these locales.
    #[serde(default)]
    pub locales: Option<Spanned<Vec<String>>>,
    /// compare-locales' extra tests for some file types (e.g. `android-dtd`); they concern
    /// no Fluent file, so medloc accepts and ignores them.
    #[serde(default)]
    pub test: Vec<String>,
}

/// An `[[includes]]` or `[[excludes]]` entry: another project file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChildRule {
    pub path: Spanned<String>,
}

/// A compare-locales filter: `path`, `key` (a string, or a `re:` regular expression) and
/// `action` (`error`, `warning` or `ignore`); the last matching filter wins.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
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
    /// The reference locale (default: read from the `[[paths]]`, else `en-US`).
    #[serde(default)]
    pub reference: Option<Spanned<String>>,
    /// Termbases (TBX or CSV), relative to the project root.
    #[serde(default)]
    pub termbase: Vec<String>,
    /// Completion percent at or above which a locale may publish (default 80).
    #[serde(default, deserialize_with = "number")]
    pub threshold: Option<f64>,
    /// Shared Fluent files loaded into every page's bundle (e.g. page-template strings).
    #[serde(default)]
    pub shared: Vec<String>,
    /// Rule name to `error`, `warning`, `info` or `off`.
    #[serde(default)]
    pub rules: BTreeMap<String, Spanned<String>>,
    /// Where the rendered site is published (`https://.../`): makes the canonical and
    /// hreflang links absolute and enables `sitemap.xml`.
    #[serde(default)]
    pub site_url: Option<String>,
}

/// A number written as an integer (`80`) or a decimal (`80.5`).
fn number<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Option<f64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Number {
        Int(i64),
        Float(f64),
    }
    match Option::<Number>::deserialize(d) {
        Ok(None) => Ok(None),
        Ok(Some(Number::Int(i))) => Ok(Some(i as f64)),
        Ok(Some(Number::Float(f))) => Ok(Some(f)),
        Err(_) => Err(serde::de::Error::custom(
            "expected a number, such as 80 or 92.5",
        )),
    }
}

/// A project file read and parsed, with its text for line numbers.
#[derive(Debug)]
pub struct ConfigFile {
    pub path: PathBuf,
    pub text: String,
    pub config: Config,
}

impl ConfigFile {
    /// Reads and parses a project file; a TOML or key error names its line.
    pub fn read(path: &Path) -> Result<ConfigFile> {
        let text = read_text(path)?;
        let config: Config = toml::from_str(&text).map_err(|e| Error::Config {
            path: path.to_owned(),
            line: e.span().map_or(1, |s| line_of(&text, s.start)),
            message: plain_message(e.message()),
        })?;
        Ok(ConfigFile {
            path: path.to_owned(),
            text,
            config,
        })
    }

    /// A configuration error at the start of `span`.
    pub fn error(&self, span: std::ops::Range<usize>, message: String) -> Error {
        Error::Config {
            path: self.path.clone(),
            line: line_of(&self.text, span.start),
            message,
        }
    }

    /// The directory the file's relative paths start from.
    pub fn dir(&self) -> &Path {
        self.path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
    }
}

/// TOML's deserializer messages, in words a project maintainer uses, with what is
/// supported where a key is unknown.
fn plain_message(message: &str) -> String {
    let message = message
        .trim_end()
        .replace("expected f64", "expected a number")
        .replace("expected i64", "expected a whole number")
        .replace(
            "expected a sequence",
            "expected a list, such as [\"a\", \"b\"]",
        );
    if message.starts_with("unknown field") {
        format!(
            "{message}; compare-locales' keys are basepath, locales, env, paths, filters, includes and excludes, and medloc's are in [medloc]"
        )
    } else {
        message
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<ConfigFile> {
        let dir = tempfile::tempdir().map_err(|source| Error::Read {
            path: "tmp".into(),
            source: source.into(),
        })?;
        let path = dir.path().join("l10n.toml");
        std::fs::write(&path, text).map_err(|source| Error::Write {
            path: path.clone(),
            source: source.into(),
        })?;
        ConfigFile::read(&path)
    }

    #[test]
    fn unknown_keys_name_their_line() {
        let err = read("locales = [\"fr\"]\n\n[[paths]]\nreference = \"a/**\"\nl10n = \"{locale}/**\"\nbogus = 1\n")
            .map(|_| ())
            .unwrap_err()
            .to_string();
        assert!(err.contains("l10n.toml:6:"), "{err}");
        assert!(err.contains("bogus"), "{err}");
    }

    #[test]
    fn threshold_takes_integers_and_says_number() {
        let ok = read("[medloc]\nthreshold = 80\n").map(|c| c.config.medloc.threshold);
        assert_eq!(ok.ok().flatten(), Some(80.0));
        let err = read("[medloc]\nthreshold = \"high\"\n")
            .map(|_| ())
            .unwrap_err()
            .to_string();
        assert!(err.contains("a number"), "{err}");
        assert!(!err.contains("f64"), "{err}");
        assert!(!err.contains("README.md"), "{err}");
    }
}
