//! Where a project's files are listed from: the working tree, or (in `crate::history`) a
//! git revision. The working tree follows a symbolic link only when its target stays inside
//! the project and does not loop; every other link is reported, not followed.

use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// What a path is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Missing,
    File,
    Dir,
}

/// A source of files: listing and reading.
pub trait Tree: Sync {
    /// What `path` is.
    fn kind(&self, path: &Path) -> Kind;
    /// Every file below `dir` (recursively), as paths starting with `dir`, and the problems
    /// met on the way (links that leave the project or loop). `root` is the project root.
    fn walk(&self, dir: &Path, root: &Path) -> (Vec<PathBuf>, Vec<Error>);
    /// A file's text, decoded as [`crate::fsio::read_text`] does.
    fn read(&self, path: &Path) -> Result<String>;
    /// Whether a listing may reuse an earlier walk of the same directory (the working
    /// tree, within one command; a git revision lists from memory anyway).
    fn caches_walks(&self) -> bool {
        false
    }
}

/// The files on disk.
pub struct WorkingTree;

impl Tree for WorkingTree {
    fn caches_walks(&self) -> bool {
        true
    }

    fn kind(&self, path: &Path) -> Kind {
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => Kind::Dir,
            Ok(_) => Kind::File,
            Err(_) => Kind::Missing,
        }
    }

    fn walk(&self, dir: &Path, root: &Path) -> (Vec<PathBuf>, Vec<Error>) {
        let inside = root.canonicalize().unwrap_or_else(|_| root.to_owned());
        let mut files = Vec::new();
        let mut problems = Vec::new();
        let walker = walkdir::WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| {
                if !entry.path_is_symlink() {
                    return true;
                }
                // Filtered here, before walkdir follows it: a link whose target leaves
                // the project is not followed (reported below).
                entry
                    .path()
                    .canonicalize()
                    .is_ok_and(|target| target.starts_with(&inside))
            });
        for entry in walker {
            match entry {
                Ok(entry) if entry.file_type().is_file() => files.push(entry.into_path()),
                Ok(_) => {}
                Err(e) => {
                    let path = e
                        .path()
                        .map(Path::to_owned)
                        .unwrap_or_else(|| dir.to_owned());
                    let message = if e.loop_ancestor().is_some() {
                        "a symbolic link that loops back to a directory above it: not followed; remove the link".to_owned()
                    } else {
                        match e.io_error() {
                            Some(io) if io.kind() == std::io::ErrorKind::NotFound => {
                                "a symbolic link to nothing: not followed; fix or remove the link"
                                    .to_owned()
                            }
                            Some(io) => format!("cannot read: {io}"),
                            None => e.to_string(),
                        }
                    };
                    problems.push(Error::Project { path, message });
                }
            }
        }
        problems.extend(leaving_links(dir, &inside));
        (files, problems)
    }

    fn read(&self, path: &Path) -> Result<String> {
        crate::fsio::read_text(path)
    }
}

/// The symbolic links below `dir` whose target is outside the project (not followed), each
/// as a problem. Walks without following links, so it cannot loop.
fn leaving_links(dir: &Path, inside: &Path) -> Vec<Error> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.path_is_symlink())
        .filter(|e| {
            e.path()
                .canonicalize()
                .is_ok_and(|target| !target.starts_with(inside))
        })
        .map(|e| Error::Project {
            path: e.path().to_owned(),
            message: format!(
                "a symbolic link to {}, outside the project: not followed; copy the files into the project instead",
                e.path()
                    .canonicalize()
                    .map(|t| t.display().to_string())
                    .unwrap_or_default()
            ),
        })
        .collect()
}
