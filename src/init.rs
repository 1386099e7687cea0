//! `medloc init DIR`: writes the sample project embedded at build time (see build.rs) into
//! a new or empty directory, as `mdbook init` does. Never overwrites a file.

use crate::error::{Error, Result};
use crate::fsio::write_atomic;
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/sample_project.rs"));

/// The embedded sample project: paths relative to the project root, and contents.
pub fn sample_files() -> &'static [(&'static str, &'static [u8])] {
    SAMPLE_FILES
}

/// Scaffolds the sample project into `dir`, which must not hold any of its files already.
/// Returns the files written.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>> {
    let clashes: Vec<String> = SAMPLE_FILES
        .iter()
        .map(|(rel, _)| dir.join(rel))
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !clashes.is_empty() {
        return Err(Error::InitWouldOverwrite {
            dir: dir.to_owned(),
            first: clashes[0].to_string(),
            more: clashes.len() - 1,
        });
    }
    let mut written = Vec::with_capacity(SAMPLE_FILES.len());
    for (rel, contents) in SAMPLE_FILES {
        let path = dir.join(rel);
        write_atomic(&path, contents)?;
        written.push(path);
    }
    Ok(written)
}
