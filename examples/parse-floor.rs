//! The parse floor for benchmarks: reads and parses every `.ftl` under a directory with
//! fluent-syntax and nothing else.
//!
//!     cargo run --release --example parse-floor -- DIR [--threads N]

use rayon::prelude::*;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "ftl") {
            out.push(path);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args
        .get(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("."));
    let threads = args
        .iter()
        .position(|a| a == "--threads")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("threads");
    let mut files = Vec::new();
    collect(&dir, &mut files);
    let start = std::time::Instant::now();
    let entries: usize = pool.install(|| {
        files
            .par_iter()
            .map(|path| {
                let text = std::fs::read_to_string(path).unwrap_or_default();
                match fluent_syntax::parser::parse(text.as_str()) {
                    Ok(r) => r.body.len(),
                    Err((r, _)) => r.body.len(),
                }
            })
            .sum()
    });
    eprintln!(
        "{} files, {} entries, {:.4} s",
        files.len(),
        entries,
        start.elapsed().as_secs_f64()
    );
}
