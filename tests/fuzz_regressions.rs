//! Every input a fuzz target once crashed on (`tests/fixtures/fuzz/<target>/`), replayed
//! through the same code the target runs (`fuzz/harness.rs`), so a fixed crash stays fixed.
//! CONTRIBUTING.md says how to run the fuzzers and add a crash here.

#[allow(dead_code)]
#[path = "../fuzz/harness.rs"]
mod harness;

use std::path::PathBuf;

/// The saved inputs of one target, sorted.
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(target);
    // A target that never crashed has no directory.
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut out: Vec<(PathBuf, Vec<u8>)> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    out.sort();
    out
}

fn replay(target: &str, run: fn(&[u8])) {
    for (path, bytes) in inputs(target) {
        eprintln!("replaying {}", path.display());
        run(&bytes);
    }
}

#[test]
fn check_inputs() {
    replay("check", harness::check);
}

#[test]
fn split_inputs() {
    replay("split", harness::split);
}

#[test]
fn termbase_inputs() {
    replay("termbase", harness::termbase);
}

#[test]
fn overlay_inputs() {
    replay("overlay", harness::overlay);
}
