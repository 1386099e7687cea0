//! Writing a rendered site safely. Every file is first written into a temporary directory
//! beside the output, as soon as it is made (nothing holds the whole site in memory); files whose bytes did not change are hard-linked from the old site (so
//! their modification times survive, for rsync and CDN invalidation); then the old
//! directory is swapped out and removed. A crash or Ctrl-C before the swap leaves the old
//! site whole; files of removed locales or articles are gone after it.

use crate::error::{Error, Result};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The file that marks a directory as a site medloc rendered (so a later render may
/// replace it).
pub const MARK: &str = ".medloc-site";

/// Whether `target` may be replaced: absent, empty, marked, or a site rendered before the
/// mark existed (its root page names medloc as generator, or it has Hugo's `hugo.toml` and
/// `content/` as medloc writes them).
fn is_previous_site(target: &Path) -> bool {
    let Ok(mut entries) = std::fs::read_dir(target) else {
        return true;
    };
    if entries.next().is_none() || target.join(MARK).is_file() {
        return true;
    }
    let generated = |file: &str, needle: &str| {
        std::fs::read_to_string(target.join(file)).is_ok_and(|t| t.contains(needle))
    };
    generated("index.html", "<meta name=\"generator\" content=\"medloc")
        || (generated("hugo.toml", "defaultContentLanguage") && target.join("content").is_dir())
}

/// What a publish did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WriteStats {
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
}

/// Replaces the directory `target` with exactly `files` (relative path to bytes).
pub fn publish(target: &Path, files: &BTreeMap<PathBuf, Vec<u8>>) -> Result<WriteStats> {
    let staging = Staging::new(target)?;
    for (rel, bytes) in files {
        staging.write(rel, bytes)?;
    }
    staging.finish()
}

/// A new site being written beside `target`, file by file and from any thread, and then
/// swapped in whole by [`Staging::finish`]. Dropped unfinished (an error, a panic), it is
/// removed and `target` is left as it was.
pub struct Staging {
    target: PathBuf,
    dir: tempfile::TempDir,
    /// The paths staged (for what the old site loses, and a path written twice).
    written: Mutex<BTreeSet<PathBuf>>,
    fresh: AtomicUsize,
    unchanged: AtomicUsize,
}

impl Staging {
    /// Starts a site that will replace `target`: refuses a `target` that is a file, and
    /// creates the staging directory in its parent.
    pub fn new(target: &Path) -> Result<Staging> {
        if target.exists() && !target.is_dir() {
            return Err(Error::OutputIsFile {
                path: target.to_owned(),
            });
        }
        if !is_previous_site(target) {
            return Err(Error::NotASite {
                path: target.to_owned(),
                mark: MARK,
            });
        }
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        };
        crate::fsio::create_dir_for(target, &parent)?;
        let mut builder = tempfile::Builder::new();
        builder.prefix(".medloc-render-");
        // The site becomes this directory: the mode a plain mkdir gives (umask applies),
        // not a temporary directory's 0700, which a web server could not read.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o777));
        }
        let dir = builder.tempdir_in(&parent).map_err(|source| Error::Write {
            path: parent.clone(),
            source: source.into(),
        })?;
        Ok(Staging {
            target: target.to_owned(),
            dir,
            written: Mutex::new(BTreeSet::new()),
            fresh: AtomicUsize::new(0),
            unchanged: AtomicUsize::new(0),
        })
    }

    /// Adds the file `rel` of the new site: hard-linked from the old site when its bytes are
    /// the same, else written. A path leaving the output directory is refused.
    pub fn write(&self, rel: &Path, bytes: &[u8]) -> Result<()> {
        let write_err = |path: &Path, source: std::io::Error| Error::Write {
            path: path.to_owned(),
            source: source.into(),
        };
        if !is_plain_relative(rel) {
            return Err(Error::OutsideOutput {
                path: rel.to_owned(),
            });
        }
        let dest = self.dir.path().join(rel);
        if let Some(dir) = dest.parent() {
            std::fs::create_dir_all(dir).map_err(|e| write_err(dir, e))?;
        }
        // A path written twice keeps its last bytes (the old file must not be linked in
        // over a file already staged).
        let again = !lock(&self.written).insert(rel.to_owned());
        if again {
            let _ = std::fs::remove_file(&dest);
        }
        let old = self.target.join(rel);
        let same = std::fs::read(&old).is_ok_and(|b| b == bytes);
        if same && keep(&old, &dest).is_ok() {
            if !again {
                self.unchanged.fetch_add(1, Ordering::Relaxed);
            }
            return Ok(());
        }
        std::fs::write(&dest, bytes).map_err(|e| write_err(&old, e))?;
        if !again {
            self.fresh.fetch_add(1, Ordering::Relaxed);
        }
        Ok(())
    }

    /// The files of the old site not written again so far (what [`Staging::finish`] would
    /// remove), relative to the output directory, sorted.
    pub fn removed(&self) -> Vec<PathBuf> {
        if !self.target.is_dir() {
            return Vec::new();
        }
        let written = lock(&self.written);
        let mut out: Vec<PathBuf> = count_files(&self.target)
            .into_iter()
            .filter(|rel| !written.contains(rel) && rel != Path::new(MARK))
            .collect();
        out.sort();
        out
    }

    /// Swaps the new site in for the old one; files of the old site that were not written
    /// again are gone.
    pub fn finish(self) -> Result<WriteStats> {
        let written = self
            .written
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut stats = WriteStats {
            written: self.fresh.into_inner(),
            unchanged: self.unchanged.into_inner(),
            removed: 0,
        };
        if self.target.is_dir() {
            stats.removed = count_files(&self.target)
                .into_iter()
                .filter(|rel| !written.contains(rel) && rel != Path::new(MARK))
                .count();
        }
        let mark = self.dir.path().join(MARK);
        std::fs::write(
            &mark,
            "a site rendered by medloc; `medloc render` replaces this directory\n",
        )
        .map_err(|source| Error::Write {
            path: mark,
            source: source.into(),
        })?;
        swap(self.dir, &self.target)?;
        Ok(stats)
    }
}

/// A lock whose holder panicked still guards a plain set: take it anyway.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Moves the unchanged file into the new tree by a hard link (same inode, same mtime), or
/// a copy that keeps its modification time where links are not possible.
fn keep(old: &Path, dest: &Path) -> std::io::Result<()> {
    if std::fs::hard_link(old, dest).is_ok() {
        return Ok(());
    }
    std::fs::copy(old, dest)?;
    let modified = std::fs::metadata(old)?.modified()?;
    std::fs::File::options()
        .write(true)
        .open(dest)?
        .set_modified(modified)
}

fn swap(staging: tempfile::TempDir, target: &Path) -> Result<()> {
    let write_err = |source: std::io::Error| Error::Write {
        path: target.to_owned(),
        source: source.into(),
    };
    let new = staging.keep();
    if !target.exists() {
        return std::fs::rename(&new, target).map_err(|e| {
            let _ = std::fs::remove_dir_all(&new);
            write_err(e)
        });
    }
    let parent = new.parent().unwrap_or(Path::new("."));
    let old = tempfile::Builder::new()
        .prefix(".medloc-old-")
        .tempdir_in(parent)
        .map_err(&write_err)?
        .keep();
    // rename() onto an existing directory needs it empty: move the old site into place
    // under the fresh name, then the new one where it was.
    let _ = std::fs::remove_dir(&old);
    if let Err(e) = std::fs::rename(target, &old) {
        let _ = std::fs::remove_dir_all(&new);
        return Err(write_err(e));
    }
    if let Err(e) = std::fs::rename(&new, target) {
        // Put the old site back.
        let _ = std::fs::rename(&old, target);
        let _ = std::fs::remove_dir_all(&new);
        return Err(write_err(e));
    }
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}

fn is_plain_relative(rel: &Path) -> bool {
    rel.components().all(|c| matches!(c, Component::Normal(_))) && rel.components().next().is_some()
}

fn count_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![PathBuf::new()];
    while let Some(rel) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(dir.join(&rel)) else {
            continue;
        };
        for entry in entries.flatten() {
            let child = rel.join(entry.file_name());
            match entry.file_type() {
                Ok(t) if t.is_dir() => stack.push(child),
                Ok(_) => out.push(child),
                Err(_) => {}
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    fn files(list: &[(&str, &str)]) -> BTreeMap<PathBuf, Vec<u8>> {
        list.iter()
            .map(|(p, b)| (PathBuf::from(p), b.as_bytes().to_vec()))
            .collect()
    }

    #[test]
    fn unchanged_files_keep_their_mtime_and_removed_files_go() -> TestResult {
        let dir = tempfile::tempdir()?;
        let site = dir.path().join("site");
        let first = publish(
            &site,
            &files(&[("a.html", "A"), ("es/b.html", "B"), ("old.html", "O")]),
        )?;
        assert_eq!(first.written, 3);
        let past = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
        std::fs::File::options()
            .write(true)
            .open(site.join("a.html"))?
            .set_modified(past)?;
        let second = publish(&site, &files(&[("a.html", "A"), ("es/b.html", "B2")]))?;
        assert_eq!(
            second,
            WriteStats {
                written: 1,
                unchanged: 1,
                removed: 1
            }
        );
        let mtime = std::fs::metadata(site.join("a.html"))?.modified()?;
        assert_eq!(mtime, past);
        assert_eq!(std::fs::read_to_string(site.join("es/b.html"))?, "B2");
        assert!(!site.join("old.html").exists());
        // Nothing is left beside the output.
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())?.flatten().collect();
        assert_eq!(leftovers.len(), 1);
        Ok(())
    }

    #[test]
    fn staged_from_many_threads_a_path_written_twice_keeps_its_last_bytes() -> TestResult {
        let dir = tempfile::tempdir()?;
        let site = dir.path().join("site");
        publish(&site, &files(&[("same.html", "S"), ("gone.html", "G")]))?;
        let staging = Staging::new(&site)?;
        let results: Vec<Result<()>> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..4)
                .map(|t| {
                    let staging = &staging;
                    scope.spawn(move || {
                        (0..25).try_for_each(|i| {
                            let rel = PathBuf::from(format!("l{t}/p{i}.html"));
                            staging.write(&rel, format!("{t}-{i}").as_bytes())
                        })
                    })
                })
                .collect();
            workers
                .into_iter()
                .map(|w| {
                    w.join().unwrap_or_else(|_| {
                        Err(Error::WorkerPanicked {
                            what: "staging".into(),
                        })
                    })
                })
                .collect()
        });
        for result in results {
            result?;
        }
        staging.write(Path::new("same.html"), b"S")?;
        staging.write(Path::new("twice.html"), b"first")?;
        staging.write(Path::new("twice.html"), b"second")?;
        // Not yet visible: the old site is whole until the swap.
        assert!(!site.join("l0").exists());
        let stats = staging.finish()?;
        assert_eq!(
            stats,
            WriteStats {
                written: 101,
                unchanged: 1,
                removed: 1
            }
        );
        assert_eq!(std::fs::read_to_string(site.join("twice.html"))?, "second");
        assert_eq!(std::fs::read_to_string(site.join("l3/p24.html"))?, "3-24");
        assert!(!site.join("gone.html").exists());
        Ok(())
    }

    #[test]
    fn a_staging_dropped_unfinished_leaves_the_old_site_and_nothing_beside_it() -> TestResult {
        let dir = tempfile::tempdir()?;
        let site = dir.path().join("site");
        publish(&site, &files(&[("a.html", "A")]))?;
        let staging = Staging::new(&site)?;
        staging.write(Path::new("a.html"), b"B")?;
        drop(staging);
        assert_eq!(std::fs::read_to_string(site.join("a.html"))?, "A");
        assert_eq!(std::fs::read_dir(dir.path())?.count(), 1);
        Ok(())
    }

    #[test]
    fn an_output_that_is_a_file_is_refused_and_kept() -> TestResult {
        let dir = tempfile::tempdir()?;
        let target = dir.path().join("site");
        std::fs::write(&target, "precious")?;
        let err = publish(&target, &files(&[("a.html", "A")])).unwrap_err();
        assert!(err.to_string().contains("is a file"), "{err}");
        assert_eq!(std::fs::read_to_string(&target)?, "precious");
        Ok(())
    }

    #[test]
    fn paths_outside_the_output_are_refused() -> TestResult {
        let dir = tempfile::tempdir()?;
        let err = publish(&dir.path().join("s"), &files(&[("../x.html", "A")])).unwrap_err();
        assert!(err.to_string().contains("outside"), "{err}");
        assert!(!dir.path().join("x.html").exists());
        Ok(())
    }
}
