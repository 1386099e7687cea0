//! The project's files as they were at a git revision, for `coverage --since`: the revision
//! is resolved to a commit once, its tree is listed once (`git ls-tree`), and each Fluent
//! file is read with `git show COMMIT:path`. Works when the project is a subdirectory of
//! the repository (paths are taken relative to `git rev-parse --show-toplevel`).
//!
//! Runs git read-only: never checks out, never touches the index or the working tree.

use crate::catalog::{Catalog, FileSource};
use crate::error::{Error, Result, decode_text};
use crate::project::{Kind, Project};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A revision as given and the commit it names.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Revision {
    pub given: String,
    pub commit: String,
}

/// The commit `HEAD` names in the repository holding `root`; `None` outside a repository,
/// before the first commit, or without git.
pub fn head_commit(root: &Path) -> Option<String> {
    // Most projects outside git have no `.git` above them: no process to start then.
    if !in_work_tree(root) {
        return None;
    }
    let out = git(root, &["rev-parse", "--verify", "--quiet", "HEAD"]).ok()?;
    let commit = String::from_utf8_lossy(&out).trim().to_owned();
    (!commit.is_empty()).then_some(commit)
}

/// Whether `root` or a directory above it has a `.git` (directory, or file for a worktree or
/// submodule): a cheap test before asking git itself.
fn in_work_tree(root: &Path) -> bool {
    let start = std::path::absolute(root).unwrap_or_else(|_| root.to_owned());
    start.ancestors().any(|d| d.join(".git").exists())
}

/// The project's files at one commit, with working-tree paths.
pub struct GitRevision {
    root: PathBuf,
    /// The project root, relative to the repository's top level (`""` at the top).
    prefix: String,
    commit: String,
    /// Every file of the commit under the project root, relative to the project root.
    files: BTreeSet<String>,
}

/// Loads the catalog as it was at `revision`.
pub fn catalog_at(
    project: &Project,
    revision: &str,
    only: &[String],
) -> Result<(Catalog, Revision)> {
    let source = GitRevision::open(&project.root, revision)?;
    let catalog = Catalog::load_from(project, only, &source)?;
    let revision = Revision {
        given: revision.to_owned(),
        commit: source.commit,
    };
    Ok((catalog, revision))
}

impl GitRevision {
    /// Resolves `revision` in the repository holding `root` and lists its files there.
    pub fn open(root: &Path, revision: &str) -> Result<GitRevision> {
        let root = root.canonicalize().map_err(|source| Error::Read {
            path: root.to_owned(),
            source,
        })?;
        let toplevel = git(&root, &["rev-parse", "--show-toplevel"]).map_err(|e| match e {
            Failed::Exit(detail) => Error::NotGitRepository {
                path: root.clone(),
                detail,
            },
            Failed::Spawn(e) => e,
        })?;
        let toplevel = PathBuf::from(String::from_utf8_lossy(&toplevel).trim())
            .canonicalize()
            .unwrap_or_default();
        let prefix = root
            .strip_prefix(&toplevel)
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        // A leading dash would be read as an option.
        let unknown = |detail: String| Error::UnknownRevision {
            revision: revision.to_owned(),
            detail,
        };
        if revision.starts_with('-') || revision.is_empty() {
            return Err(unknown("a revision does not start with '-'".to_owned()));
        }
        let commit = git(
            &root,
            &[
                "rev-parse",
                "--verify",
                "--quiet",
                &format!("{revision}^{{commit}}"),
            ],
        )
        .map_err(|e| match e {
            Failed::Exit(detail) if detail.is_empty() => {
                unknown("git rev-parse found no such commit".to_owned())
            }
            Failed::Exit(detail) => unknown(detail),
            Failed::Spawn(e) => e,
        })?;
        let commit = String::from_utf8_lossy(&commit).trim().to_owned();
        let mut list = vec!["ls-tree", "-r", "--name-only", "-z", "--full-tree", &commit];
        let pathspec = format!("{prefix}/");
        if !prefix.is_empty() {
            list.extend(["--", pathspec.as_str()]);
        }
        let listed = git(&root, &list).map_err(|e| e.into_error("ls-tree"))?;
        let files = listed
            .split(|&b| b == 0)
            .filter(|p| !p.is_empty())
            .filter_map(|p| {
                let p = String::from_utf8_lossy(p);
                let rel = if prefix.is_empty() {
                    Some(p.as_ref())
                } else {
                    p.strip_prefix(&pathspec)
                };
                rel.map(str::to_owned)
            })
            .collect();
        Ok(GitRevision {
            root,
            prefix,
            commit,
            files,
        })
    }

    /// A working-tree path as a path relative to the project root, `/`-separated.
    fn relative(&self, path: &Path) -> Option<String> {
        let path = if path.is_absolute() {
            path.to_owned()
        } else {
            std::env::current_dir().ok()?.join(path)
        };
        // The directory may be gone from the working tree: canonicalize what exists.
        let mut existing = path.as_path();
        let mut rest = Vec::new();
        while !existing.exists() {
            rest.push(existing.file_name()?.to_owned());
            existing = existing.parent()?;
        }
        let mut full = existing.canonicalize().ok()?;
        full.extend(rest.iter().rev());
        let rel = full.strip_prefix(&self.root).ok()?;
        Some(rel.to_string_lossy().replace('\\', "/"))
    }
}

impl FileSource for GitRevision {
    fn kind(&self, path: &Path) -> Kind {
        let Some(d) = self.relative(path) else {
            return Kind::Missing;
        };
        if self.files.contains(&d) {
            Kind::File
        } else if d.is_empty() || self.files.iter().any(|f| f.starts_with(&format!("{d}/"))) {
            Kind::Dir
        } else {
            Kind::Missing
        }
    }

    fn walk(&self, dir: &Path, _root: &Path) -> (Vec<PathBuf>, Vec<Error>) {
        let Some(d) = self.relative(dir) else {
            return (Vec::new(), Vec::new());
        };
        let under = if d.is_empty() {
            String::new()
        } else {
            format!("{d}/")
        };
        let files = self
            .files
            .iter()
            .filter_map(|f| f.strip_prefix(&under))
            .map(|f| dir.join(f))
            .collect();
        (files, Vec::new())
    }

    fn read(&self, path: &Path) -> Result<String> {
        let rel = self.relative(path).unwrap_or_default();
        let in_repo = if self.prefix.is_empty() {
            rel
        } else {
            format!("{}/{rel}", self.prefix)
        };
        let bytes = git(&self.root, &["show", &format!("{}:{in_repo}", self.commit)])
            .map_err(|e| e.into_error("show"))?;
        decode_text(path, bytes)
    }
}

/// Why a git command gave no output.
enum Failed {
    /// It ran and failed: its error message.
    Exit(String),
    /// It could not run.
    Spawn(Error),
}

impl Failed {
    fn into_error(self, command: &str) -> Error {
        match self {
            Failed::Exit(detail) => Error::Git {
                command: command.to_owned(),
                detail,
            },
            Failed::Spawn(e) => e,
        }
    }
}

/// Runs git in `dir`; its standard output, or why not.
fn git(dir: &Path, args: &[&str]) -> std::result::Result<Vec<u8>, Failed> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| {
            Failed::Spawn(Error::Git {
                command: args.first().copied().unwrap_or("").to_owned(),
                detail: format!("cannot run git ({e}); install git to use --since"),
            })
        })?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        let message = String::from_utf8_lossy(&out.stderr);
        Err(Failed::Exit(
            message.trim().trim_start_matches("fatal: ").to_owned(),
        ))
    }
}

/// What the history of the repository holding `root` can tell stale tracking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Visibility {
    /// A repository with its whole history.
    Full,
    /// Not in a git repository, before the first commit, or without git.
    None,
    /// A shallow clone: older commits are missing.
    Shallow,
}

/// Whether stale tracking can read the history of the repository holding `root`.
pub fn visibility(root: &Path) -> Visibility {
    if head_commit(root).is_none() {
        return Visibility::None;
    }
    match git(root, &["rev-parse", "--is-shallow-repository"]) {
        Ok(out) if String::from_utf8_lossy(&out).trim() == "false" => Visibility::Full,
        Ok(_) => Visibility::Shallow,
        Err(_) => Visibility::None,
    }
}

/// The committed versions of the file `path` (absolute or relative to `root`), newest
/// first, following renames: each commit that changed it, with the file's text there (a
/// version git cannot show, such as a deletion, is left out).
pub fn file_versions(root: &Path, path: &Path) -> Result<Vec<(String, String)>> {
    let top =
        git(root, &["rev-parse", "--show-toplevel"]).map_err(|e| e.into_error("rev-parse"))?;
    let top = PathBuf::from(String::from_utf8_lossy(&top).trim());
    let absolute = if path.is_absolute() {
        path.to_owned()
    } else {
        root.join(path)
    };
    let absolute = absolute.canonicalize().unwrap_or(absolute);
    let top = top.canonicalize().unwrap_or(top);
    let Ok(rel) = absolute.strip_prefix(&top) else {
        return Ok(Vec::new());
    };
    let rel = rel.to_string_lossy().replace('\\', "/");
    let log = git(
        &top,
        &[
            "log",
            "--follow",
            "--format=%x00%H",
            "--name-only",
            "--",
            &rel,
        ],
    )
    .map_err(|e| e.into_error("log"))?;
    let log = String::from_utf8_lossy(&log);
    let mut out = Vec::new();
    for record in log.split('\0').skip(1) {
        let mut lines = record.lines().filter(|l| !l.trim().is_empty());
        let (Some(commit), Some(name)) = (lines.next(), lines.next()) else {
            continue;
        };
        let spec = format!("{}:{}", commit.trim(), name.trim());
        if let Ok(bytes) = git(&top, &["show", &spec])
            && let Ok(text) = decode_text(Path::new(name.trim()), bytes)
        {
            out.push((commit.trim().to_owned(), text));
        }
    }
    Ok(out)
}

/// Whether `ancestor` is `commit` or one of its ancestors.
pub fn is_ancestor(root: &Path, ancestor: &str, commit: &str) -> bool {
    ancestor == commit || git(root, &["merge-base", "--is-ancestor", ancestor, commit]).is_ok()
}
