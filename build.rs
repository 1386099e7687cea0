//! Build script: refuses to build when a shipped `.ftl` file has a syntax error (naming the
//! file, line and the parser's message), and embeds the shipped sample project for
//! `medloc init`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// What `medloc init` scaffolds: the project file, the articles, the locales (Fluent files,
/// termbase, translator guide) and the templates.
const SAMPLE_ROOTS: &[&str] = &["l10n.toml", "source", "locales", "templates"];

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let mut files = Vec::new();
    for entry in SAMPLE_ROOTS {
        println!("cargo:rerun-if-changed={entry}");
        collect(&root.join(entry), &mut files);
    }
    files.sort();

    let mut failures = Vec::new();
    for path in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
    {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                failures.push(format!("{}: cannot read as UTF-8: {e}", path.display()));
                continue;
            }
        };
        if let Err((_, errors)) = fluent_syntax::parser::parse(text.as_str()) {
            for error in errors {
                let line = text[..error.pos.start.min(text.len())]
                    .matches('\n')
                    .count()
                    + 1;
                failures.push(format!(
                    "{}:{line}: Fluent syntax error: {}",
                    path.strip_prefix(&root).unwrap_or(path).display(),
                    error.kind
                ));
            }
        }
    }
    if !failures.is_empty() {
        for failure in &failures {
            println!("cargo:warning={failure}");
        }
        panic!(
            "shipped .ftl files have syntax errors (Junk):\n{}\nFix them; `medloc check` shows each in context.",
            failures.join("\n")
        );
    }

    let mut out = String::from("static SAMPLE_FILES: &[(&str, &[u8])] = &[\n");
    for path in &files {
        let rel = path
            .strip_prefix(&root)
            .expect("collected under root")
            .to_string_lossy()
            .replace('\\', "/");
        writeln!(
            out,
            "    ({rel:?}, include_bytes!({:?})),",
            path.display().to_string()
        )
        .expect("writing to a String");
    }
    out.push_str("];\n");
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    std::fs::write(out_dir.join("sample_project.rs"), out).expect("OUT_DIR is writable");
    std::fs::write(out_dir.join("rule_docs.rs"), rule_docs(&root)).expect("OUT_DIR is writable");
    println!("cargo:rustc-env=MEDLOC_BUILD_ID={:016x}", build_id(&root));
}

/// A hash of medloc's own sources and lock file: the check cache trusts only entries the same
/// build wrote. (Any stable-within-a-build hash will do; it is never compared across builds
/// except for equality.)
fn build_id(root: &Path) -> u64 {
    use std::hash::{Hash, Hasher};
    println!("cargo:rerun-if-changed=src");
    println!("cargo:rerun-if-changed=Cargo.lock");
    let mut files = Vec::new();
    collect(&root.join("src"), &mut files);
    files.push(root.join("Cargo.lock"));
    files.sort();
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for path in files {
        path.strip_prefix(root).unwrap_or(&path).hash(&mut hasher);
        std::fs::read(&path).unwrap_or_default().hash(&mut hasher);
    }
    hasher.finish()
}

/// Each rule's `//!` comment, keyed by its kebab-case name: what `medloc rules NAME` prints.
fn rule_docs(root: &Path) -> String {
    println!("cargo:rerun-if-changed=src/check/rules");
    let mut docs = Vec::new();
    for entry in std::fs::read_dir(root.join("src/check/rules"))
        .into_iter()
        .flatten()
        .flatten()
    {
        let path = entry.path();
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if stem == "mod" || path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let doc: Vec<&str> = text
            .lines()
            .take_while(|l| l.starts_with("//!"))
            .map(|l| {
                let rest = l.trim_start_matches("//!");
                rest.strip_prefix(' ').unwrap_or(rest)
            })
            .collect();
        docs.push((stem.replace('_', "-"), doc.join("\n")));
    }
    docs.sort();
    let mut out = String::from("static RULE_DOCS: &[(&str, &str)] = &[\n");
    for (name, doc) in docs {
        writeln!(out, "    ({name:?}, {doc:?}),").expect("writing to a String");
    }
    out.push_str("];\n");
    out
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return;
    };
    if meta.is_file() {
        out.push(path.to_owned());
    } else if meta.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            // Hidden files (editor swap files, state) are not part of the sample.
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            collect(&entry.path(), out);
        }
    }
}
