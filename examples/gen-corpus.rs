//! Generates a benchmark project from the shipped guide and its translations:
//!
//!     cargo run --release --example gen-corpus -- --articles 200 --locales 12 --out DIR [--seed 1]
//!
//! - N articles, each a varied copy of `source/track-marks.md`: its sections reordered,
//!   its title numbered and some sentences edited, so no two files are identical;
//! - M locales at a spread of completion from 30% to 100%, their text taken from the shipped
//!   translations (es, fr, de, ar, zh-CN, es-MX, then further tags borrowing those texts);
//! - seeded defects at a known rate (about 3 per 1,000 messages of each class: a changed
//!   number, a dropped variable, injected markup, a syntax error, an empty message);
//! - an `l10n.toml` that both medloc and compare-locales read, and the shipped termbase.
//!
//! Deterministic from `--seed`: the same arguments give the same bytes.

use clap::Parser;
use fluent_syntax::{ast, parser, serializer};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

#[derive(Parser)]
struct Args {
    #[arg(long, default_value_t = 200)]
    articles: usize,
    #[arg(long, default_value_t = 12)]
    locales: usize,
    #[arg(long)]
    out: PathBuf,
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

/// Locale tags, and the shipped locale whose text each borrows.
const LOCALES: &[(&str, &str)] = &[
    ("es", "es"),
    ("fr", "fr"),
    ("de", "de"),
    ("ar", "ar"),
    ("zh-CN", "zh-CN"),
    ("es-MX", "es-MX"),
    ("pt-BR", "es"),
    ("it", "fr"),
    ("nl", "de"),
    ("fa", "ar"),
    ("ja", "zh-CN"),
    ("ca", "es"),
    ("ro", "fr"),
    ("sv", "de"),
    ("he", "ar"),
    ("ko", "zh-CN"),
    ("gl", "es"),
    ("oc", "fr"),
    ("da", "de"),
    ("ur", "ar"),
    ("zh-TW", "zh-CN"),
    ("eu", "es"),
    ("br", "fr"),
    ("nb", "de"),
];

/// SplitMix64: a small deterministic generator (no dependency, stable across versions).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    if args.locales == 0 || args.locales > LOCALES.len() {
        return Err(format!("--locales must be 1..={}", LOCALES.len()).into());
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let source = std::fs::read_to_string(root.join("source/track-marks.md"))?;
    let out = &args.out;
    if out.exists() {
        std::fs::remove_dir_all(out)?;
    }
    for dir in ["source", "locales/en-US"] {
        std::fs::create_dir_all(out.join(dir))?;
    }
    std::fs::copy(
        root.join("locales/terminology.tbx"),
        out.join("locales/terminology.tbx"),
    )?;
    std::fs::copy(
        root.join("locales/en-US/ui.ftl"),
        out.join("locales/en-US/ui.ftl"),
    )?;

    let locales = &LOCALES[..args.locales];
    // The shipped translations, entry by entry (serialized), by message ID.
    let mut shipped: HashMap<&str, HashMap<String, String>> = HashMap::new();
    for (_, from) in locales {
        if shipped.contains_key(from) {
            continue;
        }
        let mut entries = HashMap::new();
        for file in ["track-marks.ftl", "ui.ftl"] {
            let path = root.join("locales").join(from).join(file);
            if let Ok(text) = std::fs::read_to_string(&path) {
                entries.extend(entries_of(&text));
            }
        }
        shipped.insert(from, entries);
    }

    let mut rng = Rng(args.seed);
    let mut defects: HashMap<&'static str, usize> = HashMap::new();
    let mut messages = 0usize;
    for i in 0..args.articles {
        let slug = format!("guide-{i:04}");
        let md = vary_article(&source, &slug, i, &mut rng);
        let md_path = out.join("source").join(format!("{slug}.md"));
        std::fs::write(&md_path, &md)?;
        let mut article = medloc::source::parse_article(Path::new(&md_path), &md)?;
        medloc::source::ids::assign_ids(&mut article, &[]);
        let reference = medloc::split::article_to_ftl(&article, &format!("source/{slug}.md"));
        std::fs::write(
            out.join("locales/en-US").join(format!("{slug}.ftl")),
            &reference,
        )?;
        let ids: Vec<String> = entries_of(&reference).into_keys().collect();
        let mut ids = ids;
        ids.sort();
        for (j, (tag, from)) in locales.iter().enumerate() {
            let completion = if locales.len() == 1 {
                1.0
            } else {
                0.3 + 0.7 * j as f64 / (locales.len() - 1) as f64
            };
            let dir = out.join("locales").join(tag);
            std::fs::create_dir_all(&dir)?;
            let mut text = String::new();
            for id in &ids {
                let Some(entry) = shipped[from].get(id) else {
                    continue;
                };
                if rng.unit() >= completion {
                    continue;
                }
                messages += 1;
                text.push_str(&defect(entry, &mut rng, &mut defects));
            }
            std::fs::write(dir.join(format!("{slug}.ftl")), text)?;
        }
    }
    for (tag, from) in locales {
        let ui = root.join("locales").join(from).join("ui.ftl");
        if ui.exists() {
            std::fs::copy(ui, out.join("locales").join(tag).join("ui.ftl"))?;
        }
    }
    let tags: Vec<String> = locales.iter().map(|(t, _)| format!("\"{t}\"")).collect();
    std::fs::write(
        out.join("l10n.toml"),
        format!(
            "# Generated by gen-corpus (seed {}): {} articles x {} locales.\nbasepath = \".\"\nlocales = [{}]\n\n[[paths]]\nreference = \"locales/en-US/**\"\nl10n = \"locales/{{locale}}/**\"\n\n[medloc]\nsource = \"source\"\nreference = \"en-US\"\ntermbase = [\"locales/terminology.tbx\"]\nshared = [\"ui.ftl\"]\n",
            args.seed,
            args.articles,
            args.locales,
            tags.join(", ")
        ),
    )?;
    let mut kinds: Vec<_> = defects.into_iter().collect();
    kinds.sort();
    eprintln!(
        "wrote {}: {} articles, {} locales, {} translated messages, defects: {:?}",
        out.display(),
        args.articles,
        args.locales,
        messages,
        kinds
    );
    Ok(())
}

/// Each message or term of a Fluent text, serialized on its own, by ID.
fn entries_of(text: &str) -> HashMap<String, String> {
    let resource = match parser::parse(text) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    let mut out = HashMap::new();
    for entry in resource.body {
        let id = match &entry {
            ast::Entry::Message(m) => m.id.name.to_owned(),
            ast::Entry::Term(t) => format!("-{}", t.id.name),
            _ => continue,
        };
        let one = ast::Resource { body: vec![entry] };
        out.insert(id, serializer::serialize(&one));
    }
    out
}

/// A varied copy of the article: new slug and numbered title, sections after the intro
/// rotated, and a few sentences edited.
fn vary_article(source: &str, slug: &str, index: usize, rng: &mut Rng) -> String {
    let (front, body) = source
        .strip_prefix("+++\n")
        .and_then(|rest| rest.split_once("\n+++\n"))
        .expect("the shipped article has front matter");
    let front = front
        .lines()
        .map(|line| {
            if line.starts_with("slug = ") {
                format!("slug = \"{slug}\"")
            } else if let Some(title) = line.strip_prefix("title = \"") {
                format!(
                    "title = \"{} ({})\"",
                    title.trim_end_matches('"'),
                    index + 1
                )
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    // Sections start at "## " headings; the first chunk (intro) stays first.
    let mut chunks: Vec<String> = Vec::new();
    for line in body.lines() {
        if line.starts_with("## ") || chunks.is_empty() {
            chunks.push(String::new());
        }
        let chunk = chunks.last_mut().expect("pushed above");
        chunk.push_str(line);
        chunk.push('\n');
    }
    if chunks.len() > 3 {
        // Rotate the middle sections, keeping the last ones (FAQ, references) in place.
        let end = chunks.len() - 2;
        let shift = index % (end - 1).max(1);
        chunks[1..end].rotate_left(shift);
    }
    let mut body = chunks.concat();
    // Edit a few sentences: a word changed in paragraphs picked at random.
    let edits = ["often", "sometimes", "usually"];
    let mut edited = String::with_capacity(body.len());
    for line in body.lines() {
        if !line.is_empty()
            && !line.starts_with(['#', '-', '!', '|', '[', '<'])
            && rng.below(8) == 0
        {
            edited.push_str(&line.replacen(" can ", &format!(" {} can ", edits[rng.below(3)]), 1));
        } else {
            edited.push_str(line);
        }
        edited.push('\n');
    }
    body = edited;
    format!("+++\n{front}\n+++\n{body}")
}

/// The entry, with a seeded defect at about 3 in 1,000 per class.
fn defect(entry: &str, rng: &mut Rng, counts: &mut HashMap<&'static str, usize>) -> String {
    let roll = rng.below(1000);
    let (kind, changed) = match roll {
        0..=2 => (
            "number",
            entry.find(|c: char| c.is_ascii_digit()).map(|at| {
                let mut s = entry.to_owned();
                let digit = s.as_bytes()[at];
                s.replace_range(at..at + 1, if digit == b'9' { "8" } else { "9" });
                s
            }),
        ),
        3..=5 => (
            "variable",
            entry.find("{ $").map(|at| {
                let end = entry[at..].find('}').map_or(entry.len(), |e| at + e + 1);
                format!("{}{}", &entry[..at], &entry[end..])
            }),
        ),
        6..=8 => (
            "markup",
            Some(entry.replacen(" = ", " = <script>alert(1)</script> ", 1)),
        ),
        9..=11 => ("syntax", Some(entry.replacen(" = ", " ", 1))),
        12..=14 => (
            "empty",
            entry
                .split_once(" = ")
                .map(|(id, _)| format!("{id} = {{\"\"}}\n")),
        ),
        _ => ("none", None),
    };
    match changed {
        Some(text) if text != entry => {
            *counts.entry(kind).or_default() += 1;
            text
        }
        _ => entry.to_owned(),
    }
}
