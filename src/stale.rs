//! Stale-translation tracking. `medloc sync` records, per locale, for each translated
//! message a hash of the reference text and of the translation it saw, in
//! `.medloc/state/<locale>.json` (sorted keys, reviewed in git like a lock file).
//!
//! A translation is **stale** when the reference hash differs from the record while the
//! translation's hash is unchanged: the English moved on, the translation did not. Editing
//! the translation clears the flag at the next `sync`; `sync --accept` accepts a
//! translation as still right. A message without a record is new, not stale.

use crate::catalog::{Catalog, Entry, FtlFile};
use crate::error::{Error, Result, read_text, write_atomic};
use crate::project::Project;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::PathBuf;

pub const SCHEMA: &str = "medloc-state/1";

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct LocaleState {
    pub schema: String,
    pub locale: String,
    /// `<file>#<message-id>` to the hashes seen at the last sync.
    pub messages: BTreeMap<String, Record>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Record {
    pub reference: String,
    pub translation: String,
}

/// The state file of a locale.
pub fn state_path(project: &Project, locale: &str) -> PathBuf {
    project
        .root
        .join(".medloc")
        .join("state")
        .join(format!("{locale}.json"))
}

/// The key of a message in a state file.
pub fn key(file: &FtlFile, id: &str) -> String {
    format!("{}#{id}", file.rel.to_string_lossy().replace('\\', "/"))
}

/// A short, stable hash of an entry's text (value and attributes).
pub fn entry_hash(entry: &Entry) -> String {
    let mut hasher = Sha256::new();
    if let Some(v) = &entry.value {
        hasher.update(v.text.as_bytes());
    }
    for a in &entry.attributes {
        hasher.update([0u8]);
        hasher.update(a.name.as_bytes());
        hasher.update([1u8]);
        hasher.update(a.pattern.text.as_bytes());
    }
    let digest = hasher.finalize();
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

impl LocaleState {
    /// Whether this translation is stale against this reference.
    pub fn is_stale(&self, key: &str, reference: &Entry, translation: &Entry) -> bool {
        self.messages.get(key).is_some_and(|r| {
            r.reference != entry_hash(reference) && r.translation == entry_hash(translation)
        })
    }
}

/// Loads every locale's state file that exists. A malformed one is an error naming it.
pub fn load_states(project: &Project, locales: &[String]) -> Result<BTreeMap<String, LocaleState>> {
    let mut out = BTreeMap::new();
    for locale in locales {
        if let Some(state) = load_state(project, locale)? {
            out.insert(locale.clone(), state);
        }
    }
    Ok(out)
}

/// [`load_states`] for `sync`, which rebuilds a state file that is not valid JSON (or not
/// UTF-8) instead of stopping: such files come back as errors beside the states read.
pub(crate) fn load_states_to_rebuild(
    project: &Project,
    locales: &[String],
) -> Result<(BTreeMap<String, LocaleState>, Vec<Error>)> {
    let mut out = BTreeMap::new();
    let mut broken = Vec::new();
    for locale in locales {
        match load_state(project, locale) {
            Ok(Some(state)) => {
                out.insert(locale.clone(), state);
            }
            Ok(None) => {}
            Err(e @ (Error::Config { .. } | Error::NotUtf8 { .. })) => broken.push(e),
            Err(e) => return Err(e),
        }
    }
    Ok((out, broken))
}

fn load_state(project: &Project, locale: &str) -> Result<Option<LocaleState>> {
    let path = state_path(project, locale);
    if !path.exists() {
        return Ok(None);
    }
    let shown = PathBuf::from(project.display_path(&path));
    let text = read_text(&path).map_err(|e| e.with_path(&shown))?;
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|e| Error::Config {
            path: shown,
            line: e.line(),
            message: format!(
                "the stale-tracking state is not valid: {e}; run `medloc sync` to rebuild it (restore it from git first to keep the stale marks it held)"
            ),
        })
}

/// What `sync` changed in one locale.
#[derive(Debug, Default)]
pub struct SyncOutcome {
    pub locale: String,
    pub recorded: usize,
    pub updated: usize,
    pub accepted: usize,
    pub removed: usize,
    pub still_stale: usize,
    pub written: bool,
}

/// Updates the state files; `accept` holds `(locale, message-id)` pairs to accept.
pub fn sync(
    project: &Project,
    catalog: &Catalog,
    states: &BTreeMap<String, LocaleState>,
    accept: &[(String, String)],
) -> Result<Vec<SyncOutcome>> {
    for (locale, id) in accept {
        let known = catalog
            .locales
            .iter()
            .any(|l| &l.locale == locale && l.files.values().any(|f| f.entry(id).is_some()));
        if !known {
            return Err(Error::Usage(format!(
                "--accept {locale} {id}: the locale has no translation with that ID"
            )));
        }
    }
    let mut outcomes = Vec::new();
    for locale in &catalog.locales {
        let old = states.get(&locale.locale).cloned().unwrap_or_default();
        let mut state = LocaleState {
            schema: SCHEMA.to_owned(),
            locale: locale.locale.clone(),
            messages: BTreeMap::new(),
        };
        let mut outcome = SyncOutcome {
            locale: locale.locale.clone(),
            ..SyncOutcome::default()
        };
        for (rel, file) in &locale.files {
            let Some(reference) = catalog.reference.files.get(rel) else {
                continue;
            };
            for entry in &file.entries {
                let Some(ref_entry) = reference.entry(&entry.id) else {
                    continue;
                };
                let k = key(file, &entry.id);
                let now = Record {
                    reference: entry_hash(ref_entry),
                    translation: entry_hash(entry),
                };
                let accepted = accept
                    .iter()
                    .any(|(l, id)| l == &locale.locale && id == &entry.id);
                let record = match old.messages.get(&k) {
                    None => {
                        outcome.recorded += 1;
                        now
                    }
                    Some(_) if accepted => {
                        outcome.accepted += 1;
                        now
                    }
                    Some(prev) if prev.translation != now.translation => {
                        // The translator edited it: it now matches the current English.
                        outcome.updated += 1;
                        now
                    }
                    Some(prev) => {
                        if prev.reference != now.reference {
                            outcome.still_stale += 1;
                        }
                        prev.clone()
                    }
                };
                state.messages.insert(k, record);
            }
        }
        outcome.removed = old
            .messages
            .keys()
            .filter(|k| !state.messages.contains_key(*k))
            .count();
        if state != old {
            // cannot fail: derived Serialize with string map keys only.
            let text = serde_json::to_string_pretty(&state).expect("state serializes") + "\n";
            write_atomic(&state_path(project, &locale.locale), text.as_bytes())?;
            outcome.written = true;
        }
        outcomes.push(outcome);
    }
    Ok(outcomes)
}
