//! Shared helpers for the integration tests: temporary projects and the real binary.
#![allow(dead_code)]

pub mod browser;

use assert_cmd::Command;
use std::path::{Path, PathBuf};

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `medloc` binary, run in `dir`.
pub fn medloc(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("medloc").expect("the binary is built");
    cmd.current_dir(dir).env("NO_COLOR", "1");
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
