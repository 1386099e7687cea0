//! The project's files as they were at a git revision, for `coverage --since`: the revision
//! is resolved to a commit once, its tree is listed once (`git ls-tree`), and each Fluent
//! file is read with `git show COMMIT:path`. Works when the project is a subdirectory of
//! the repository (paths are taken relative to `git rev-parse --show-toplevel`).
//!
//! For stale tracking, [`History`] reads the committed versions of every Fluent file of
//! the project with one `git log` and one `git cat-file --batch`, whatever the number of
//! files, locales and commits.
//!
//! Runs git read-only: never checks out, never touches the index or the working tree.

use crate::catalog::{Catalog, FileSource};
use crate::error::{Error, Result};
use crate::fsio::decode_text;
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
            source: source.into(),
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

/// The committed versions of a set of files and the commit graph between them, read with
/// two git processes whatever the number of files: one `git log` of the directory holding
/// them (renames detected, parents rewritten to the commits listed) and one
/// `git cat-file --batch` for every version's text. (One `git log --follow` and one
/// `git show` per file and version, and one `git merge-base` per comparison, took over 500
/// processes and most of a second on the shipped project.)
pub struct History {
    /// Canonical absolute path of each file asked for: its versions, newest first.
    versions: std::collections::HashMap<PathBuf, Vec<(String, String)>>,
    /// Each listed commit's parents, among the listed commits.
    parents: std::collections::HashMap<String, Vec<String>>,
    /// Answers of [`History::is_ancestor`] already worked out.
    ancestry: std::sync::Mutex<std::collections::HashMap<(String, String), bool>>,
}

impl History {
    /// Reads the history of `paths` (absolute, or relative to `root`) in the repository
    /// holding `root`. Renames are followed within the deepest directory holding every
    /// path (a file renamed from outside it starts its history at the rename).
    pub fn read(root: &Path, paths: &[PathBuf]) -> Result<History> {
        let top =
            git(root, &["rev-parse", "--show-toplevel"]).map_err(|e| e.into_error("rev-parse"))?;
        let top = PathBuf::from(String::from_utf8_lossy(&top).trim());
        let top = top.canonicalize().unwrap_or(top);
        // Each path relative to the top level, as git names it.
        let mut wanted: Vec<(PathBuf, String)> = Vec::new();
        for path in paths {
            let absolute = if path.is_absolute() {
                path.to_owned()
            } else {
                root.join(path)
            };
            let absolute = absolute.canonicalize().unwrap_or(absolute);
            if let Ok(rel) = absolute.strip_prefix(&top) {
                let rel = rel.to_string_lossy().replace('\\', "/");
                wanted.push((absolute, rel));
            }
        }
        let mut history = History {
            versions: Default::default(),
            parents: Default::default(),
            ancestry: Default::default(),
        };
        if wanted.is_empty() {
            return Ok(history);
        }
        let dir = common_parent(wanted.iter().map(|(_, rel)| rel.as_str()));
        let log = git(
            &top,
            &[
                "log",
                "-M",
                "--parents",
                "--name-status",
                "--format=%x00%H %P",
                "--",
                if dir.is_empty() { "." } else { &dir },
            ],
        )
        .map_err(|e| e.into_error("log"))?;
        let log = String::from_utf8_lossy(&log);
        let commits = parse_log(&log);
        // Newest first: each file's name at the commit at hand, and its versions' specs.
        let mut by_name: std::collections::HashMap<String, Vec<usize>> = Default::default();
        for (i, (_, rel)) in wanted.iter().enumerate() {
            by_name.entry(rel.clone()).or_default().push(i);
        }
        let mut specs: Vec<Vec<(String, String)>> = vec![Vec::new(); wanted.len()];
        for commit in &commits {
            history
                .parents
                .insert(commit.id.clone(), commit.parents.clone());
            for change in &commit.changes {
                let Some(files) = by_name.get(&change.path) else {
                    continue;
                };
                // A deletion has no text to show.
                if change.status != 'D' {
                    for &i in files {
                        specs[i].push((commit.id.clone(), change.path.clone()));
                    }
                }
                // Older commits name the file as it was called before the rename.
                if let Some(old) = &change.from
                    && let Some(files) = by_name.remove(&change.path)
                {
                    by_name.entry(old.clone()).or_default().extend(files);
                }
            }
        }
        let texts = cat_files(&top, specs.iter().flatten())?;
        let mut texts = texts.into_iter();
        for ((absolute, _), file_specs) in wanted.into_iter().zip(specs) {
            let mut out = Vec::new();
            for (commit, name) in file_specs {
                if let Some(Some(bytes)) = texts.next()
                    && let Ok(text) = decode_text(Path::new(&name), bytes)
                {
                    out.push((commit, text));
                }
            }
            history.versions.insert(absolute, out);
        }
        Ok(history)
    }

    /// The committed versions of `path` (as given to [`History::read`]), newest first,
    /// following renames: each commit that changed it, with the file's text there.
    pub fn versions(&self, root: &Path, path: &Path) -> &[(String, String)] {
        let absolute = if path.is_absolute() {
            path.to_owned()
        } else {
            root.join(path)
        };
        let absolute = absolute.canonicalize().unwrap_or(absolute);
        self.versions.get(&absolute).map_or(&[], Vec::as_slice)
    }

    /// Whether `ancestor` is `commit` or one of its ancestors, both commits of the log.
    pub fn is_ancestor(&self, ancestor: &str, commit: &str) -> bool {
        if ancestor == commit {
            return true;
        }
        let key = (ancestor.to_owned(), commit.to_owned());
        if let Ok(memo) = self.ancestry.lock()
            && let Some(&known) = memo.get(&key)
        {
            return known;
        }
        let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
        let mut stack = vec![commit];
        let mut found = false;
        while let Some(c) = stack.pop() {
            if c == ancestor {
                found = true;
                break;
            }
            if seen.insert(c)
                && let Some(parents) = self.parents.get(c)
            {
                stack.extend(parents.iter().map(String::as_str));
            }
        }
        if let Ok(mut memo) = self.ancestry.lock() {
            memo.insert(key, found);
        }
        found
    }
}

/// One commit of `git log --parents --name-status`.
struct LogCommit {
    id: String,
    parents: Vec<String>,
    changes: Vec<Change>,
}

/// One line of `--name-status`: `M\tpath`, `R100\told\tnew`.
struct Change {
    status: char,
    path: String,
    /// The name before a rename.
    from: Option<String>,
}

fn parse_log(log: &str) -> Vec<LogCommit> {
    let mut commits = Vec::new();
    for record in log.split('\0').skip(1) {
        let mut lines = record.lines();
        let Some(header) = lines.next() else {
            continue;
        };
        let mut ids = header.split_whitespace().map(str::to_owned);
        let Some(id) = ids.next() else {
            continue;
        };
        // `%H %P` with --parents: the commit, then its (rewritten) parents.
        let parents: Vec<String> = ids.collect();
        let mut changes = Vec::new();
        for line in lines.filter(|l| !l.trim().is_empty()) {
            let mut fields = line.split('\t');
            let (Some(status), Some(first)) = (fields.next(), fields.next()) else {
                continue;
            };
            let status = status.chars().next().unwrap_or('M');
            match (status, fields.next()) {
                ('R', Some(new)) => changes.push(Change {
                    status,
                    path: new.to_owned(),
                    from: Some(first.to_owned()),
                }),
                // A copy leaves the source where it was.
                ('C', Some(new)) => changes.push(Change {
                    status: 'A',
                    path: new.to_owned(),
                    from: None,
                }),
                _ => changes.push(Change {
                    status,
                    path: first.to_owned(),
                    from: None,
                }),
            }
        }
        commits.push(LogCommit {
            id,
            parents: dedup_parents(parents),
            changes,
        });
    }
    commits
}

/// Each parent once: rewritten parents of a merge may be the same commit.
fn dedup_parents(mut parents: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    parents.retain(|p| seen.insert(p.clone()));
    parents
}

/// The deepest directory holding every path (`""` for the top level).
fn common_parent<'a>(mut paths: impl Iterator<Item = &'a str>) -> String {
    let Some(first) = paths.next() else {
        return String::new();
    };
    let mut common: Vec<&str> = first.split('/').collect();
    common.pop();
    for path in paths {
        let parts: Vec<&str> = path.split('/').collect();
        let parts = &parts[..parts.len().saturating_sub(1)];
        let same = common.iter().zip(parts).take_while(|(a, b)| a == b).count();
        common.truncate(same);
    }
    common.join("/")
}

/// The contents of `commit:path` for each spec, in order (`None` for one git cannot
/// show), from one `git cat-file --batch`.
fn cat_files<'a>(
    top: &Path,
    specs: impl Iterator<Item = &'a (String, String)>,
) -> Result<Vec<Option<Vec<u8>>>> {
    use std::io::{BufRead, Read, Write};
    let input: Vec<u8> = specs
        .flat_map(|(commit, path)| format!("{commit}:{path}\n").into_bytes())
        .collect();
    if input.is_empty() {
        return Ok(Vec::new());
    }
    let spawn_error = |e: std::io::Error| Error::Git {
        command: "cat-file".to_owned(),
        detail: format!("cannot run git ({e})"),
    };
    let mut child = Command::new("git")
        .arg("-C")
        .arg(top)
        .args(["cat-file", "--batch"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(spawn_error)?;
    let count = input.iter().filter(|&&b| b == b'\n').count();
    // Written from a thread: git answers as it reads, and a full pipe either way would
    // otherwise stop both.
    let stdin = child.stdin.take();
    let writer = std::thread::spawn(move || {
        if let Some(mut stdin) = stdin {
            let _ = stdin.write_all(&input);
        }
    });
    let mut out = Vec::with_capacity(count);
    if let Some(stdout) = child.stdout.take() {
        let mut reader = std::io::BufReader::new(stdout);
        let mut header = String::new();
        for _ in 0..count {
            header.clear();
            if reader.read_line(&mut header).map_err(spawn_error)? == 0 {
                break;
            }
            // `<oid> blob <size>`, or `<spec> missing` / `ambiguous`.
            let mut fields = header.split_whitespace();
            let (kind, size) = (fields.nth(1), fields.next());
            match (kind, size.and_then(|s| s.parse::<usize>().ok())) {
                (Some("blob"), Some(size)) => {
                    let mut bytes = vec![0; size + 1];
                    reader.read_exact(&mut bytes).map_err(spawn_error)?;
                    bytes.pop();
                    out.push(Some(bytes));
                }
                (Some(_), Some(size)) => {
                    // Not a blob (a tree where a file was): skipped, with its newline.
                    let mut skip = vec![0; size + 1];
                    reader.read_exact(&mut skip).map_err(spawn_error)?;
                    out.push(None);
                }
                _ => out.push(None),
            }
        }
    }
    let _ = writer.join();
    let _ = child.wait();
    out.resize(count, None);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_gives_commits_parents_and_renames() {
        let log = "\0c3 c2 c1\n\n\0c2 c1\n\nR087\tl/de/old.ftl\tl/de/new.ftl\nM\tl/en/a.ftl\n\0c1\n\nA\tl/de/old.ftl\nC075\tl/de/old.ftl\tl/de/copy.ftl\n";
        let commits = parse_log(log);
        let ids: Vec<&str> = commits.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["c3", "c2", "c1"]);
        assert_eq!(commits[0].parents, ["c2", "c1"]);
        assert!(commits[2].parents.is_empty());
        let rename = &commits[1].changes[0];
        assert_eq!(
            (rename.status, rename.path.as_str(), rename.from.as_deref()),
            ('R', "l/de/new.ftl", Some("l/de/old.ftl"))
        );
        let copy = &commits[2].changes[1];
        assert_eq!(
            (copy.status, copy.path.as_str(), copy.from.as_deref()),
            ('A', "l/de/copy.ftl", None)
        );
        assert_eq!(
            dedup_parents(vec!["a".into(), "a".into(), "b".into()]),
            ["a", "b"]
        );
    }

    #[test]
    fn the_common_parent_is_a_directory() {
        let parent = |p: &[&str]| common_parent(p.iter().copied());
        assert_eq!(parent(&["l/de/a.ftl", "l/en-US/a.ftl"]), "l");
        assert_eq!(parent(&["l/de/a.ftl"]), "l/de");
        assert_eq!(parent(&["a.ftl", "l/de/a.ftl"]), "");
        assert_eq!(parent(&["lo/a.ftl", "l/b.ftl"]), "");
    }

    #[test]
    fn ancestry_follows_the_rewritten_parents() {
        let history = History {
            versions: Default::default(),
            parents: [
                ("m".to_owned(), vec!["a".to_owned(), "b".to_owned()]),
                ("a".to_owned(), vec!["r".to_owned()]),
                ("b".to_owned(), vec!["r".to_owned()]),
                ("r".to_owned(), vec![]),
            ]
            .into(),
            ancestry: Default::default(),
        };
        assert!(history.is_ancestor("r", "m"));
        assert!(history.is_ancestor("b", "m"));
        assert!(history.is_ancestor("a", "a"));
        assert!(!history.is_ancestor("b", "a"));
        assert!(!history.is_ancestor("m", "r"));
        // Asked again: the memo answers the same.
        assert!(!history.is_ancestor("b", "a"));
    }
}
