//! Stale-translation tracking. `medloc sync` records, per locale, for each translated
//! message a hash of the reference text and of the translation it saw, in
//! `.medloc/state/<locale>.json` (sorted keys, reviewed in git like a lock file).
//!
//! A translation is **stale** when the reference hash differs from the record while the
//! translation's hash is unchanged: the English moved on, the translation did not. Editing
//! the translation clears the flag at the next `sync`; `sync --accept` accepts a
//! translation as still right. A message without a record is new, not stale.
//!
//! In a git repository no state is needed: [`history_states`] reads, for each translation
//! message, the commit that last changed it and the reference message as it was at that
//! commit, so a translation is stale when its English changed after it was last edited.
//! A record `sync` wrote for the current English and translation (an accept) still wins.

use crate::catalog::{Catalog, Entry, FtlFile};
use crate::error::{Error, Result};
use crate::fsio::{read_text, write_atomic};
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
    /// The same, read from git history (never written to a state file; part of the check
    /// cache's key through serialization).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub history: BTreeMap<String, Record>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Record {
    pub reference: String,
    pub translation: String,
    /// The reference text then, when known (from history).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_text: Option<String>,
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
    /// Whether this translation is stale against this reference: the record of `sync` for
    /// this very English and translation says it is current; else history, where it has the
    /// message; else the state file.
    pub fn is_stale(&self, key: &str, reference: &Entry, translation: &Entry) -> bool {
        self.stale_record(key, reference, translation).is_some()
    }

    /// The record that makes the translation stale (its `reference_text` is the English
    /// then, when history knows it).
    pub fn stale_record(
        &self,
        key: &str,
        reference: &Entry,
        translation: &Entry,
    ) -> Option<&Record> {
        let (r, t) = (entry_hash(reference), entry_hash(translation));
        let stale = |rec: &&Record| rec.reference != r && rec.translation == t;
        let recorded = self.messages.get(key);
        if recorded.is_some_and(|rec| rec.reference == r && rec.translation == t) {
            return None;
        }
        match self.history.get(key) {
            Some(rec) => Some(rec).filter(stale),
            None => recorded.filter(stale),
        }
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

/// Updates the state files; `accept` holds `(locale, message-id)` pairs to accept;
/// `history` is [`history_states`]'s (empty outside git).
pub fn sync(
    project: &Project,
    catalog: &Catalog,
    states: &BTreeMap<String, LocaleState>,
    history: &BTreeMap<String, LocaleState>,
    accept: &[(String, String)],
) -> Result<Vec<SyncOutcome>> {
    for (locale, id) in accept {
        let known = catalog
            .locales
            .iter()
            .any(|l| &l.locale == locale && l.files.values().any(|f| f.entry(id).is_some()));
        if !known {
            return Err(Error::UnknownTranslation {
                locale: locale.to_string(),
                id: id.to_string(),
            });
        }
    }
    let mut outcomes = Vec::new();
    for locale in &catalog.locales {
        let old = states.get(&locale.locale).cloned().unwrap_or_default();
        let mut state = LocaleState {
            schema: SCHEMA.to_owned(),
            locale: locale.locale.clone(),
            messages: BTreeMap::new(),
            history: BTreeMap::new(),
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
                    reference_text: None,
                };
                // History showing the English changed after the translation's last edit:
                // never recorded as current (only --accept does that).
                let from_history = history
                    .get(&locale.locale)
                    .and_then(|h| h.history.get(&k))
                    .filter(|h| h.reference != now.reference && h.translation == now.translation)
                    .map(|h| Record {
                        reference_text: None,
                        ..h.clone()
                    });
                let accepted = accept
                    .iter()
                    .any(|(l, id)| l == &locale.locale && id == &entry.id);
                let record = match old.messages.get(&k) {
                    _ if accepted => {
                        outcome.accepted += 1;
                        now
                    }
                    None => {
                        outcome.recorded += 1;
                        match from_history {
                            Some(then) => {
                                outcome.still_stale += 1;
                                then
                            }
                            None => now,
                        }
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

/// Stale records read from git history, per locale (see the module comment), and a note
/// when history cannot be read (a shallow clone): then only the state files judge.
/// Outside a git repository both are empty.
///
/// With `cache` (the check cache's directory), the records are kept there by the commit
/// `HEAD` names and the locales asked for (`history/<commit>.json`): history below a commit
/// never changes, so a later run at the same commit reads no history at all.
pub fn history_states(
    project: &Project,
    locales: &[String],
    cache: Option<&std::path::Path>,
) -> (BTreeMap<String, LocaleState>, Vec<String>) {
    let Some(head) = crate::history::head_commit(&project.root) else {
        return (BTreeMap::new(), Vec::new());
    };
    let cached = cache.map(|dir| dir.join("history").join(format!("{head}.json")));
    #[derive(Serialize, Deserialize)]
    struct Cached {
        locales: Vec<String>,
        states: BTreeMap<String, LocaleState>,
    }
    if let Some(path) = &cached
        && let Ok(text) = std::fs::read_to_string(path)
        && let Ok(entry) = serde_json::from_str::<Cached>(&text)
        && entry.locales == locales
    {
        return (entry.states, Vec::new());
    }
    let (states, notes) = read_history_states(project, locales);
    if let Some(path) = &cached
        && notes.is_empty()
    {
        let entry = Cached {
            locales: locales.to_vec(),
            states,
        };
        // A cache that cannot be written is only slower next time.
        if let Ok(text) = serde_json::to_string(&entry) {
            let _ = write_atomic(path, text.as_bytes());
        }
        return (entry.states, notes);
    }
    (states, notes)
}

fn read_history_states(
    project: &Project,
    locales: &[String],
) -> (BTreeMap<String, LocaleState>, Vec<String>) {
    use crate::catalog::{FtlFile, WorkingTree, read_project_locale, read_reference};
    use crate::history::{History, Visibility, visibility};
    let mut out = BTreeMap::new();
    let mut notes = Vec::new();
    match visibility(&project.root) {
        Visibility::Full => {}
        Visibility::None => return (out, notes),
        Visibility::Shallow => {
            notes.push("stale tracking cannot see the history: this is a shallow clone, so stale translations are judged by the state files (.medloc/state) only; `git fetch --unshallow` to see them".to_owned());
            return (out, notes);
        }
    }
    let Ok(reference) = read_reference(project, &WorkingTree) else {
        return (out, notes);
    };
    let listed: Vec<(&String, _)> = locales
        .iter()
        .filter_map(|l| Some((l, read_project_locale(project, l, &WorkingTree).ok()?)))
        .collect();
    // Every file whose history counts, read at once.
    let mut paths: Vec<PathBuf> = reference
        .files
        .iter()
        .map(|(_, shown, _)| project.root.join(shown))
        .collect();
    for (_, texts) in &listed {
        paths.extend(
            texts
                .files
                .iter()
                .map(|(_, shown, _)| project.root.join(shown)),
        );
    }
    let history = match History::read(&project.root, &paths) {
        Ok(history) => history,
        Err(_) => {
            notes.push("stale tracking could not read the git history; translations are judged by the state files only".to_owned());
            return (out, notes);
        }
    };
    for (locale, texts) in listed {
        let mut state = LocaleState {
            schema: SCHEMA.to_owned(),
            locale: locale.clone(),
            ..LocaleState::default()
        };
        for (rel, shown, _) in &texts.files {
            let Some((_, ref_shown, _)) = reference.files.iter().find(|(r, _, _)| r == rel) else {
                continue;
            };
            let versions = history.versions(&project.root, &project.root.join(shown));
            let ref_versions = history.versions(&project.root, &project.root.join(ref_shown));
            let parse = |text: &str| FtlFile::parse(rel.clone(), shown.clone(), text.to_owned());
            // Oldest first: the commit that last changed each message, and its hash there.
            let mut last: BTreeMap<String, (String, String)> = BTreeMap::new();
            for (commit, text) in versions.iter().rev() {
                let file = parse(text);
                last.retain(|id, _| file.entry(id).is_some());
                for entry in file.messages() {
                    let hash = entry_hash(entry);
                    if last.get(&entry.id).is_none_or(|(_, h)| *h != hash) {
                        last.insert(entry.id.clone(), (commit.clone(), hash));
                    }
                }
            }
            let mut at_commit: BTreeMap<String, Option<FtlFile>> = BTreeMap::new();
            for (id, (commit, hash)) in last {
                let reference_then = at_commit.entry(commit.clone()).or_insert_with(|| {
                    ref_versions
                        .iter()
                        .find(|(c, _)| history.is_ancestor(c, &commit))
                        .map(|(_, text)| parse(text))
                });
                let Some(entry) = reference_then.as_ref().and_then(|f| f.entry(&id)) else {
                    continue;
                };
                let k = format!("{}#{id}", rel.to_string_lossy().replace('\\', "/"));
                state.history.insert(
                    k,
                    Record {
                        reference: entry_hash(entry),
                        translation: hash,
                        reference_text: entry.value.as_ref().map(|v| v.text.clone()),
                    },
                );
            }
        }
        out.insert(locale.clone(), state);
    }
    (out, notes)
}

/// A word-level diff of the English then and now, `[-removed-]` and `{+added+}` as
/// `git diff --word-diff` writes them.
pub fn word_diff(before: &str, after: &str) -> String {
    let a: Vec<&str> = before.split_whitespace().collect();
    let b: Vec<&str> = after.split_whitespace().collect();
    // Longest common subsequence table (messages are short).
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out: Vec<String> = Vec::new();
    let (mut removed, mut added): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    let flush = |out: &mut Vec<String>, removed: &mut Vec<&str>, added: &mut Vec<&str>| {
        if !removed.is_empty() {
            out.push(format!("[-{}-]", removed.join(" ")));
            removed.clear();
        }
        if !added.is_empty() {
            out.push(format!("{{+{}+}}", added.join(" ")));
            added.clear();
        }
    };
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            flush(&mut out, &mut removed, &mut added);
            out.push(a[i].to_owned());
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || lcs[i][j + 1] >= lcs[i + 1][j]) {
            added.push(b[j]);
            j += 1;
        } else {
            removed.push(a[i]);
            i += 1;
        }
    }
    flush(&mut out, &mut removed, &mut added);
    elide_unchanged(&out).join(" ")
}

/// Long runs of unchanged words shortened to three on each side of a change.
fn elide_unchanged(words: &[String]) -> Vec<String> {
    let changed = |w: &String| w.starts_with("[-") || w.starts_with("{+");
    let near = |i: usize| {
        let lo = i.saturating_sub(3);
        let hi = (i + 4).min(words.len());
        words[lo..hi].iter().any(changed)
    };
    let mut out: Vec<String> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if changed(w) || near(i) {
            out.push(w.clone());
        } else if out.last().is_none_or(|l| l != "…") {
            out.push("…".to_owned());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn word_diff_marks_what_changed() {
        assert_eq!(
            super::word_diff(
                "Track marks can heal within a few days or weeks. However, this can depend on many things.",
                "Track marks can heal within 3 to 14 days. However, this can depend on many things."
            ),
            "… can heal within [-a few days or weeks.-] {+3 to 14 days.+} However, this can …"
        );
    }
}
