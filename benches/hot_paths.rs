//! criterion micro-benchmarks of the hot paths other than term matching (`benches/terms.rs`):
//!
//! - `check/shipped-es`: a whole uncached `check --locale es` of the shipped project through
//!   the library: reading, parsing, compiling the termbase for es, every rule; throughput in
//!   reference messages (the fixed per-run costs, the termbase's above all, weigh heavily on a
//!   project this small);
//! - `overlay/html`: inline markup of every Spanish message parsed by the DOM-overlay
//!   sanitizer and written as HTML; throughput in messages;
//! - `split/align/N`: the ID alignment of `split` on an article of N blocks (1,000 and
//!   4,000) edited in 11 places (10 sentences reworded, one paragraph inserted): it must
//!   grow about linearly, not quadratically, from 1,000 to 4,000.
//!
//! Run: `CARGO_BUILD_JOBS=1 cargo bench --bench hot_paths`; BENCHMARKS.md records the figures.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use medloc::check::{CheckOptions, check_streamed};
use medloc::ftl::ParsedFile;
use medloc::project::Project;
use medloc::source::ids::assign_ids;
use medloc::source::parse_article;
use medloc::split::{article_to_ftl, old_messages};
use std::hint::black_box;
use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn check_per_message(c: &mut Criterion) {
    let project = Project::load(&Path::new(ROOT).join("l10n.toml")).expect("the shipped project");
    let options = CheckOptions {
        locales: vec!["es".to_owned()],
        ..CheckOptions::default()
    };
    let messages: usize = medloc::catalog::Catalog::load(&project, &[])
        .expect("the shipped reference loads")
        .reference
        .files
        .values()
        .map(|f| f.entries.len())
        .sum();
    let mut group = c.benchmark_group("check");
    group.throughput(Throughput::Elements(messages as u64));
    group.bench_function("shipped-es", |b| {
        b.iter(|| {
            black_box(check_streamed(&project, &options, None).map(|r| r.report.findings.len()))
        })
    });
    group.finish();
}

fn overlay_html(c: &mut Criterion) {
    let text = std::fs::read_to_string(Path::new(ROOT).join("locales/es/track-marks.ftl"))
        .expect("the shipped Spanish guide");
    let file = medloc::catalog::FtlFile::parse("track-marks.ftl".into(), "es".into(), text);
    let texts: Vec<&str> = file
        .entries
        .iter()
        .filter_map(|e| e.value.as_ref())
        .map(|p| p.text.as_str())
        .collect();
    let mut group = c.benchmark_group("overlay");
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.bench_function("html", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| {
                    let inline = medloc::render::overlay::parse(black_box(t), &[]);
                    medloc::render::overlay::to_html(&inline).len()
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

/// A Markdown article of `blocks` blocks: sections of a heading and nine paragraphs.
fn article(blocks: usize, edited: bool) -> String {
    let mut out = String::from(
        "+++\ntitle = \"Alignment bench\"\nslug = \"bench\"\nsummary = \"A long article.\"\nauthor = \"A\"\nwritten = \"2024-01-01\"\nreviewed = \"2024-01-01\"\nupdated = \"2024-01-01\"\n\n[reviewer]\nname = \"B\"\ncredentials = \"MD\"\n+++\n\n",
    );
    let sections = blocks / 10;
    let edit_every = (sections / 10).max(1);
    for s in 0..sections {
        out.push_str(&format!("## Section {s} about wound care\n\n"));
        for p in 0..9 {
            let mut sentence = format!(
                "Paragraph {p} of section {s} says how to clean skin number {} and when to see a nurse.",
                s * 9 + p
            );
            if edited && p == 4 && s % edit_every == 0 {
                sentence =
                    sentence.replace("when to see a nurse", "when a clinic should look at it");
            }
            out.push_str(&sentence);
            out.push_str("\n\n");
        }
        if edited && s == sections / 2 {
            out.push_str("A new paragraph inserted by the editors.\n\n");
        }
    }
    out
}

fn split_alignment(c: &mut Criterion) {
    let mut group = c.benchmark_group("split/align");
    group.sample_size(10);
    for blocks in [1_000, 4_000] {
        let path = Path::new("source/bench.md");
        let mut first = parse_article(path, &article(blocks, false)).expect("the bench article");
        assign_ids(&mut first, &[]);
        let old = old_messages(&ParsedFile::new(article_to_ftl(&first, "source/bench.md")));
        let edited = parse_article(path, &article(blocks, true)).expect("the edited article");
        group.throughput(Throughput::Elements(blocks as u64));
        group.bench_with_input(BenchmarkId::from_parameter(blocks), &edited, |b, edited| {
            b.iter(|| {
                let mut article = edited.clone();
                black_box(assign_ids(&mut article, &old))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, check_per_message, overlay_html, split_alignment);
criterion_main!(benches);
