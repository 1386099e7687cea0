//! Term matcher throughput: a synthetic Spanish termbase of 1,000 concepts (one to three
//! terms each, one to three words per term, inflected forms in the text) matched against
//! 100,000 synthetic messages of about 25 words with two or three terms each. Reports
//! messages per second (criterion's element throughput).
//!
//! Run: `CARGO_BUILD_JOBS=1 cargo bench --bench terms`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use medloc::terminology::matcher::Matcher;
use medloc::terminology::{Concept, LanguageSection, Status, Term, Termbase};
use std::hint::black_box;

const CONCEPTS: usize = 1_000;
const MESSAGES: usize = 100_000;

/// A small deterministic generator (xorshift), so every run matches the same text.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A made-up Spanish-looking word from syllables: `ca`, `ti`, `mor` ...
fn word(rng: &mut Rng) -> String {
    const SYLLABLES: [&str; 24] = [
        "ca", "te", "mi", "lo", "su", "ra", "ven", "ción", "tor", "gal", "pe", "ni", "bra", "dio",
        "mor", "quel", "sa", "fi", "ul", "es", "tri", "ga", "do", "na",
    ];
    (0..2 + rng.below(3))
        .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
        .collect()
}

fn termbase(rng: &mut Rng) -> Termbase {
    let statuses = [Status::Preferred, Status::Admitted, Status::Deprecated];
    let concepts = (0..CONCEPTS)
        .map(|i| Concept {
            id: format!("c-{i}"),
            languages: vec![LanguageSection {
                lang: "es".to_owned(),
                definition: None,
                terms: (0..1 + rng.below(3))
                    .map(|t| {
                        let words: Vec<String> = (0..1 + rng.below(3)).map(|_| word(rng)).collect();
                        Term::new(&words.join(" "), statuses[t], 0)
                    })
                    .collect(),
            }],
            ..Concept::default()
        })
        .collect();
    Termbase { concepts }
}

/// Messages of filler words with two or three terms (some in the plural) spliced in.
fn messages(rng: &mut Rng, termbase: &Termbase) -> Vec<String> {
    const FILLER: [&str; 16] = [
        "la", "de", "que", "en", "puede", "con", "una", "por", "para", "los", "muy", "si",
        "después", "cuando", "piel", "días",
    ];
    (0..MESSAGES)
        .map(|_| {
            let mut words: Vec<String> = (0..20)
                .map(|_| FILLER[rng.below(FILLER.len())].to_owned())
                .collect();
            for _ in 0..2 + rng.below(2) {
                let concept = &termbase.concepts[rng.below(CONCEPTS)];
                let terms = &concept.languages[0].terms;
                let mut term = terms[rng.below(terms.len())].text.clone();
                if rng.below(3) == 0 {
                    term.push('s');
                }
                let at = rng.below(words.len());
                words.insert(at, term);
            }
            let mut message = words.join(" ");
            message.push('.');
            message
        })
        .collect()
}

fn matcher_throughput(c: &mut Criterion) {
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let termbase = termbase(&mut rng);
    let messages = messages(&mut rng, &termbase);
    let matcher = Matcher::new(&termbase, "es");
    // The corpus really holds terms: a benchmark that matches nothing measures nothing.
    let found: usize = messages
        .iter()
        .take(1_000)
        .map(|m| matcher.find(m).len())
        .sum();
    assert!(found >= 2_000, "only {found} matches in 1,000 messages");

    let mut group = c.benchmark_group("terms");
    group.sample_size(10);
    group.measurement_time(std::time::Duration::from_secs(30));
    group.throughput(Throughput::Elements(MESSAGES as u64));
    group.bench_function("match 100k messages, 1k concepts (es)", |b| {
        b.iter(|| {
            let mut total = 0;
            for message in &messages {
                total += matcher.find(black_box(message)).len();
            }
            black_box(total)
        })
    });
    group.finish();
}

criterion_group!(benches, matcher_throughput);
criterion_main!(benches);
