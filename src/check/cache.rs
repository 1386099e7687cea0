//! The incremental check cache: per unit (the reference, or one locale), the findings of the
//! last run (in postcard, a compact serde binary format: reading them back is most of what a
//! cached run does, and JSON took several times longer to decode) and a SHA-256 key of everything they depend on (this build of medloc, the project
//! file, the termbases, the reference's files, the unit's files and those of the locale it
//! falls back to, its stale-tracking state, the path filter). A unit whose key is unchanged is
//! not parsed or checked again; its findings are read back.
//!
//! The cache is an optimization only: an entry that is missing, unreadable or not what this
//! build wrote is ignored (with a warning when it exists but cannot be used) and the unit is
//! checked in full. Entries are written atomically, so a killed run leaves whole entries.
//! Like ruff's, the directory holds a `.gitignore` of `*` and a `CACHEDIR.TAG`.

use super::{Finding, Severity, rules};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The directory's name under the project root, by default.
pub const DEFAULT_DIR: &str = ".medloc-cache";

/// Changes whenever medloc's sources do (set by `build.rs`): a new build never trusts what
/// another wrote.
const BUILD_ID: &str = concat!(env!("CARGO_PKG_VERSION"), "+", env!("MEDLOC_BUILD_ID"));

const ENTRY_SCHEMA: &str = "medloc-check-cache/3";

/// A running SHA-256 over length-prefixed parts, so `("ab", "c")` and `("a", "bc")` differ.
#[derive(Clone)]
pub struct KeyBuilder(Sha256);

impl KeyBuilder {
    pub fn new() -> KeyBuilder {
        let mut k = KeyBuilder(Sha256::new());
        k.part(BUILD_ID.as_bytes());
        k
    }

    pub fn part(&mut self, bytes: &[u8]) -> &mut KeyBuilder {
        self.0.update((bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    pub fn finish(self) -> String {
        self.0
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

impl Default for KeyBuilder {
    fn default() -> Self {
        KeyBuilder::new()
    }
}

/// The cache directory of a run.
pub struct Cache {
    dir: PathBuf,
}

/// Why a cache entry could not be used or stored: a warning, never an error (the unit is
/// checked without the cache).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CacheError {
    #[error("{path}: {detail}")]
    Io { path: PathBuf, detail: String },
    #[error("{path}: not a cache entry medloc can read ({detail})")]
    Corrupt { path: PathBuf, detail: String },
    #[error("{path}: unknown rule or severity {rule:?}/{severity:?}")]
    UnknownRule {
        path: PathBuf,
        rule: String,
        severity: String,
    },
    #[error("cannot encode a cache entry: {detail}")]
    Encode { detail: String },
    #[error("{0}")]
    Write(String),
}

/// What reading an entry gave.
pub enum Lookup {
    Hit(Vec<Finding>),
    /// No entry, or one for other inputs.
    Miss,
    /// An entry that cannot be used: the warning to show.
    Unusable(CacheError),
}

#[derive(Serialize, Deserialize)]
struct Entry {
    schema: String,
    key: String,
    findings: Vec<CachedFinding>,
}

/// The start of an entry: enough to know whether it is for the inputs at hand.
#[derive(Deserialize)]
struct Header {
    schema: String,
    key: String,
}

/// What [`Cache::probe`] found.
#[derive(Debug, PartialEq)]
pub enum Probe {
    /// An entry for these inputs (its findings are read by [`Cache::get`]).
    Fresh,
    Miss,
    Unusable(CacheError),
}

/// [`Finding`] as stored: the rule by name, the span kept.
#[derive(Serialize, Deserialize)]
struct CachedFinding {
    rule: String,
    severity: String,
    locale: String,
    path: String,
    message_id: Option<String>,
    attribute: Option<String>,
    line: usize,
    column: usize,
    text: String,
    reference: Option<String>,
    translation: Option<String>,
    hint: Option<String>,
    reference_before: Option<String>,
    span: (usize, usize),
    reference_span: Option<(String, usize, usize)>,
}

impl Cache {
    pub fn new(dir: PathBuf) -> Cache {
        Cache { dir }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The entry's file for a unit (`reference` or `locale-<tag>`; tags are BCP 47, so the
    /// name is safe).
    fn path(&self, unit: &str) -> PathBuf {
        self.dir.join("check").join(format!("{unit}.bin"))
    }

    /// Whether an entry for `unit` under `key` exists, reading only its header.
    pub fn probe(&self, unit: &str, key: &str) -> Probe {
        use std::io::Read;
        let path = self.path(unit);
        let mut head = Vec::with_capacity(256);
        let read = std::fs::File::open(&path).and_then(|f| f.take(256).read_to_end(&mut head));
        match read {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Probe::Miss,
            Err(e) => {
                return Probe::Unusable(CacheError::Io {
                    path,
                    detail: e.to_string(),
                });
            }
            Ok(_) => {}
        }
        match postcard::take_from_bytes::<Header>(&head) {
            Ok((h, _)) if h.schema == ENTRY_SCHEMA && h.key == key => Probe::Fresh,
            Ok(_) => Probe::Miss,
            Err(e) => Probe::Unusable(CacheError::Corrupt {
                path,
                detail: e.to_string(),
            }),
        }
    }

    /// The findings stored for `unit` under `key`.
    pub fn get(&self, unit: &str, key: &str) -> Lookup {
        let path = self.path(unit);
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Lookup::Miss,
            Err(e) => {
                return Lookup::Unusable(CacheError::Io {
                    path,
                    detail: e.to_string(),
                });
            }
        };
        let entry: Entry = match postcard::from_bytes(&bytes) {
            Ok(e) => e,
            Err(e) => {
                return Lookup::Unusable(CacheError::Corrupt {
                    path,
                    detail: e.to_string(),
                });
            }
        };
        if entry.schema != ENTRY_SCHEMA || entry.key != key {
            return Lookup::Miss;
        }
        let mut findings = Vec::with_capacity(entry.findings.len());
        for f in entry.findings {
            let (Some(rule), Some(severity)) = (rules::find(&f.rule), Severity::parse(&f.severity))
            else {
                return Lookup::Unusable(CacheError::UnknownRule {
                    path,
                    rule: f.rule,
                    severity: f.severity,
                });
            };
            findings.push(Finding {
                rule: rule.name,
                severity,
                locale: f.locale,
                path: f.path,
                message_id: f.message_id,
                attribute: f.attribute,
                line: f.line,
                column: f.column,
                text: f.text,
                reference: f.reference,
                translation: f.translation,
                hint: f.hint,
                reference_before: f.reference_before,
                span: f.span.0..f.span.1,
                reference_span: f.reference_span.map(|(path, s, e)| (path, s..e)),
            });
        }
        Lookup::Hit(findings)
    }

    /// Stores `findings` for `unit` under `key`, atomically. An error is for a warning only.
    pub fn put(&self, unit: &str, key: &str, findings: &[Finding]) -> Result<(), CacheError> {
        let entry = Entry {
            schema: ENTRY_SCHEMA.to_owned(),
            key: key.to_owned(),
            findings: findings
                .iter()
                .map(|f| CachedFinding {
                    rule: f.rule.to_owned(),
                    severity: f.severity.as_str().to_owned(),
                    locale: f.locale.clone(),
                    path: f.path.clone(),
                    message_id: f.message_id.clone(),
                    attribute: f.attribute.clone(),
                    line: f.line,
                    column: f.column,
                    text: f.text.clone(),
                    reference: f.reference.clone(),
                    translation: f.translation.clone(),
                    hint: f.hint.clone(),
                    reference_before: f.reference_before.clone(),
                    span: (f.span.start, f.span.end),
                    reference_span: f
                        .reference_span
                        .as_ref()
                        .map(|(path, s)| (path.clone(), s.start, s.end)),
                })
                .collect(),
        };
        let bytes = postcard::to_stdvec(&entry).map_err(|e| CacheError::Encode {
            detail: e.to_string(),
        })?;
        self.prepare().map_err(|e| CacheError::Io {
            path: self.dir.clone(),
            detail: e.to_string(),
        })?;
        crate::fsio::write_atomic(&self.path(unit), &bytes)
            .map_err(|e| CacheError::Write(e.to_string()))
    }

    /// Creates the directory with its `.gitignore` and `CACHEDIR.TAG` (once).
    fn prepare(&self) -> std::io::Result<()> {
        let check = self.dir.join("check");
        if check.is_dir() {
            return Ok(());
        }
        std::fs::create_dir_all(&check)?;
        std::fs::write(
            self.dir.join(".gitignore"),
            "# Created by medloc: a cache, safe to delete.\n*\n",
        )?;
        std::fs::write(
            self.dir.join("CACHEDIR.TAG"),
            "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by medloc.\n",
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding() -> Finding {
        Finding {
            rule: "missing-message",
            severity: Severity::Error,
            locale: "es".into(),
            path: "locales/es/a.ftl".into(),
            message_id: Some("hi".into()),
            attribute: None,
            line: 3,
            column: 1,
            text: "missing".into(),
            reference: Some("Hi".into()),
            translation: None,
            hint: Some("add it".into()),
            reference_before: None,
            span: 4..9,
            reference_span: Some(("locales/en-US/a.ftl".into(), 0..2)),
        }
    }

    #[test]
    fn entries_round_trip_and_other_keys_miss() -> Result<(), String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let cache = Cache::new(dir.path().join("c"));
        assert!(matches!(cache.get("locale-es", "k1"), Lookup::Miss));
        assert_eq!(cache.probe("locale-es", "k1"), Probe::Miss);
        cache
            .put("locale-es", "k1", &[finding()])
            .map_err(|e| e.to_string())?;
        assert_eq!(cache.probe("locale-es", "k1"), Probe::Fresh);
        assert_eq!(cache.probe("locale-es", "k2"), Probe::Miss);
        match cache.get("locale-es", "k1") {
            Lookup::Hit(found) => assert_eq!(found, [finding()]),
            _ => return Err("expected a hit".into()),
        }
        assert!(matches!(cache.get("locale-es", "k2"), Lookup::Miss));
        assert!(dir.path().join("c/CACHEDIR.TAG").is_file());
        std::fs::write(dir.path().join("c/check/locale-es.bin"), "{\"schema\": 1")
            .map_err(|e| e.to_string())?;
        assert!(matches!(
            cache.get("locale-es", "k1"),
            Lookup::Unusable(CacheError::Corrupt { .. })
        ));
        assert!(matches!(
            cache.probe("locale-es", "k1"),
            Probe::Unusable(CacheError::Corrupt { .. })
        ));
        Ok(())
    }

    #[test]
    fn keys_separate_parts() {
        let key = |parts: &[&str]| {
            let mut k = KeyBuilder::new();
            for p in parts {
                k.part(p.as_bytes());
            }
            k.finish()
        };
        assert_ne!(key(&["ab", "c"]), key(&["a", "bc"]));
        assert_eq!(key(&["ab", "c"]), key(&["ab", "c"]));
        assert_eq!(key(&[]).len(), 64);
    }
}
