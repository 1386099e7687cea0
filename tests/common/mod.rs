//! Shared helpers for the integration tests: temporary projects and the real binary.
#![allow(dead_code)]

pub mod browser;

use assert_cmd::Command;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `medloc` binary, run in `dir`, without colour or the caller's `$COLUMNS` (which
/// would fit the coverage table to the caller's terminal).
pub fn medloc(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("medloc").expect("the binary is built");
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("COLUMNS");
    cmd
}

/// A temporary project with the default layout: `source/<name>.md` holding `article` and an
/// empty `locales/en-US/`.
pub fn article_project(name: &str, article: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("source")).unwrap();
    std::fs::create_dir_all(dir.path().join("locales/en-US")).unwrap();
    std::fs::write(
        dir.path().join("source").join(format!("{name}.md")),
        article,
    )
    .unwrap();
    dir
}

/// A temporary copy of the `clinic` fixture project (`tests/fixtures/projects/clinic`).
pub fn clinic() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_tree(
        &repo_root().join("tests/fixtures/projects/clinic"),
        dir.path(),
    );
    dir
}

/// A temporary copy of the fixture project `tests/fixtures/projects/<name>`.
pub fn fixture_project(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_tree(
        &repo_root().join("tests/fixtures/projects").join(name),
        dir.path(),
    );
    dir
}

/// Copies the shipped project (config, sources, locales) into a temporary directory.
pub fn shipped_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for entry in ["l10n.toml", "source", "locales"] {
        copy_tree(&repo_root().join(entry), &dir.path().join(entry));
    }
    dir
}

pub fn copy_tree(from: &Path, to: &Path) {
    if from.is_dir() {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap().flatten() {
            copy_tree(&entry.path(), &to.join(entry.file_name()));
        }
    } else {
        std::fs::copy(from, to).unwrap();
    }
}

/// Message IDs and their values of a Fluent file, in order.
pub fn messages(path: &Path) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with(' ') && l.contains(" = "))
        .map(|l| {
            let (id, value) = l.split_once(" = ").unwrap();
            (id.to_owned(), value.to_owned())
        })
        .collect()
}

pub const SHIPPED_ARTICLE: &str = include_str!("../../source/track-marks.md");

/// Every file under `dir`, relative path to bytes, but for check's cache directory
/// (`.medloc-cache`, the one place check writes; tests/incremental.rs tests that
/// `--no-cache` writes nothing at all).
pub fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if path.ends_with(".medloc-cache") {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                out.insert(
                    path.strip_prefix(dir).unwrap().to_owned(),
                    std::fs::read(&path).unwrap(),
                );
            }
        }
    }
    out
}

/// Replaces the first `from` in the file at `path` (which must hold it) with `to`.
pub fn replace_in(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}
