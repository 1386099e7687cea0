//! Cache keys: what every unit of a run depends on, and each locale's own inputs.

use super::CheckOptions;
use super::cache::KeyBuilder;
use crate::catalog::{LocaleBytes, LocaleTexts};
use crate::project::Project;
use crate::stale::LocaleState;
use std::collections::HashMap;

/// The key of what every unit depends on: this build, the project file, the termbases, the
/// path filter and the reference's files. `None` when a reference file cannot be read (no
/// unit is cached then).
pub(super) fn base_key(
    project: &Project,
    options: &CheckOptions,
    reference: &LocaleTexts,
) -> Option<KeyBuilder> {
    let mut key = KeyBuilder::new();
    let read = |path: &std::path::Path| std::fs::read(path).unwrap_or_default();
    key.part(&(project.config_files.len() as u64).to_le_bytes());
    for path in &project.config_files {
        key.part(path.to_string_lossy().as_bytes());
        key.part(&read(path));
    }
    for rel in &project.config.medloc.termbase {
        key.part(rel.as_bytes());
        key.part(&read(&project.root.join(rel)));
    }
    key.part(options.paths.join("\n").as_bytes());
    add_texts(&mut key, reference)?;
    Some(key)
}

/// The key of a locale: the base, its stale-tracking state, its files and its parent's.
pub(super) fn locale_key(
    base: Option<&KeyBuilder>,
    states: &HashMap<String, LocaleState>,
    (texts, parent): &(LocaleBytes, Option<LocaleBytes>),
) -> Option<String> {
    let mut key = base?.clone();
    key.part(texts.locale.as_bytes());
    let state = states
        .get(&texts.locale)
        .and_then(|s| serde_json::to_vec(s).ok())
        .unwrap_or_default();
    key.part(&state);
    add_bytes(&mut key, texts)?;
    if let Some(parent) = parent {
        key.part(parent.locale.as_bytes());
        add_bytes(&mut key, parent)?;
    }
    Some(key.finish())
}

/// Adds each file's path and bytes; `None` when one could not be read.
pub(super) fn add_bytes(key: &mut KeyBuilder, files: &LocaleBytes) -> Option<()> {
    if !files.problems.is_empty() {
        return None;
    }
    key.part(files.locale.as_bytes());
    key.part(&(files.files.len() as u64).to_le_bytes());
    for (_, shown, bytes) in &files.files {
        key.part(shown.as_bytes());
        key.part(bytes.as_ref().ok()?);
    }
    Some(())
}

/// Adds each file's path and text; `None` when one could not be read.
pub(super) fn add_texts(key: &mut KeyBuilder, texts: &LocaleTexts) -> Option<()> {
    key.part(texts.locale.as_bytes());
    key.part(&(texts.files.len() as u64).to_le_bytes());
    for (_, shown, text) in &texts.files {
        key.part(shown.as_bytes());
        key.part(text.as_ref().ok()?.as_bytes());
    }
    Some(())
}
