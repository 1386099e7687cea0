//! Message IDs that survive edits to the English.
//!
//! A first split mints readable IDs: `<section>-<kind>-<n>` (`how-track-marks-form-item-2`),
//! `<section>-heading` for headings, `<section>-question` for FAQ questions, and the fixed
//! `title` and `summary`. Once the reference file exists, [`assign_ids`] aligns the new
//! blocks with its messages and keeps their IDs:
//!
//! 1. **Exact text.** A block whose text equals an old message's (first unused one, in
//!    order) takes its ID, wherever it moved.
//! 2. **Anchors.** The exact matches whose old positions increase with the new order (a
//!    longest increasing subsequence) cut both documents into gaps; what lies between two
//!    anchors in the new article corresponds to what lay between them in the old one.
//! 3. **Similarity in order.** Inside each gap, pairs of a new block and an old message of
//!    the same kind are scored by word overlap (Dice coefficient over lowercase words);
//!    pairs scoring at least [`SIMILAR`] are matched, best first. So editing a sentence
//!    keeps its ID.
//! 4. **In-place edit.** When a gap then holds exactly one unmatched new block and one
//!    unmatched old message of the same kind, they are the same block rewritten (a renamed
//!    heading, a reworded list item) and it keeps its ID. The stale check flags its
//!    translations for review.
//! 5. **Moved and edited.** Left-over blocks are matched across gaps only when very similar
//!    ([`MOVED_SIMILAR`]).
//! 6. **Fresh IDs.** Anything else is new and gets the next free `<section>-<kind>-<n>`,
//!    never an ID of the old file, so an ID deleted in this run is not reused for other
//!    text. `<section>` comes from the ID of the section's heading, so a section keeps its
//!    prefix after its heading is renamed.
//!
//! Inserting, deleting or moving a block therefore leaves every other ID untouched.

use super::{Article, Block, BlockKind};
use std::collections::{HashMap, HashSet, VecDeque};

/// Word-overlap score at which an edited block is the same block.
pub const SIMILAR: f64 = 0.5;
/// Score needed to match a block that also moved out of its gap.
pub const MOVED_SIMILAR: f64 = 0.75;

/// Most new-by-old pairs scored in one gap.
const MAX_PAIRS: usize = 1_000_000;

/// A message of the existing reference file, in file order.
#[derive(Debug, Clone)]
pub struct OldMessage {
    pub id: String,
    pub text: String,
}

/// What alignment did, for `split` to report.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Alignment {
    /// IDs kept with text unchanged.
    pub unchanged: Vec<String>,
    /// IDs kept with edited text.
    pub edited: Vec<String>,
    /// IDs minted in this run.
    pub added: Vec<String>,
    /// IDs of the old file that no block took.
    pub removed: Vec<String>,
}

/// Gives every block of `article` its message ID, keeping those of `old` where the block
/// is the same (see the module documentation).
pub fn assign_ids(article: &mut Article, old: &[OldMessage]) -> Alignment {
    let old: Vec<&OldMessage> = old
        .iter()
        .filter(|m| m.id != "title" && m.id != "summary")
        .collect();
    let mut blocks = article.blocks_mut();
    let body = &mut blocks[2..];
    let texts: Vec<String> = body.iter().map(|b| b.display()).collect();
    let kinds: Vec<BlockKind> = body.iter().map(|b| b.kind).collect();
    let old_kinds: Vec<Option<BlockKind>> = old.iter().map(|m| kind_of_id(&m.id)).collect();
    let compatible = |n: usize, o: usize| old_kinds[o].is_none_or(|k| k == kinds[n]);

    let mut new_to_old: Vec<Option<usize>> = vec![None; body.len()];
    let mut old_used = vec![false; old.len()];

    // 1. Exact text.
    match_exact(&texts, &old, &compatible, &mut new_to_old, &mut old_used);
    let exact: Vec<bool> = new_to_old.iter().map(Option::is_some).collect();

    // 2. Anchors: longest increasing run of old positions among exact matches.
    let pairs: Vec<(usize, usize)> = new_to_old
        .iter()
        .enumerate()
        .filter_map(|(n, o)| o.map(|o| (n, o)))
        .collect();
    let anchors = longest_increasing(&pairs);

    // 3 and 4, gap by gap.
    let mut bounds = vec![(None, None)];
    bounds.extend(anchors.iter().map(|&(n, o)| (Some(n), Some(o))));
    bounds.push((None, None));
    for w in bounds.windows(2) {
        let new_lo = w[0].0.map_or(0, |n| n + 1);
        let new_hi = w[1].0.unwrap_or(body.len());
        let old_lo = w[0].1.map_or(0, |o| o + 1);
        let old_hi = w[1].1.unwrap_or(old.len());
        let news: Vec<usize> = (new_lo..new_hi)
            .filter(|&n| new_to_old[n].is_none())
            .collect();
        let olds: Vec<usize> = (old_lo..old_hi).filter(|&o| !old_used[o]).collect();
        match_similar(
            &news,
            &olds,
            SIMILAR,
            &texts,
            &old,
            &compatible,
            &mut new_to_old,
            &mut old_used,
        );
        let news: Vec<usize> = news
            .into_iter()
            .filter(|&n| new_to_old[n].is_none())
            .collect();
        let olds: Vec<usize> = olds.into_iter().filter(|&o| !old_used[o]).collect();
        if let ([n], [o]) = (news.as_slice(), olds.as_slice())
            && compatible(*n, *o)
            && old_kinds[*o].is_some()
        {
            new_to_old[*n] = Some(*o);
            old_used[*o] = true;
        }
    }

    // 5. Moved and edited.
    let news: Vec<usize> = (0..body.len())
        .filter(|&n| new_to_old[n].is_none())
        .collect();
    let olds: Vec<usize> = (0..old.len()).filter(|&o| !old_used[o]).collect();
    match_similar(
        &news,
        &olds,
        MOVED_SIMILAR,
        &texts,
        &old,
        &compatible,
        &mut new_to_old,
        &mut old_used,
    );

    // 6. Fresh IDs, in document order.
    name_blocks(body, &old, &new_to_old, &exact, &old_used)
}

/// Step 6: each block gets its old message's ID, or a fresh one minted from its section and
/// kind, in document order; what was kept, edited, added and removed is recorded.
fn name_blocks(
    body: &mut [&mut Block],
    old: &[&OldMessage],
    new_to_old: &[Option<usize>],
    exact: &[bool],
    old_used: &[bool],
) -> Alignment {
    let mut taken: HashSet<String> = old.iter().map(|m| m.id.clone()).collect();
    taken.insert("title".into());
    taken.insert("summary".into());
    let mut alignment = Alignment::default();
    let mut section_base: HashMap<String, String> = HashMap::new();
    // Next number to try per ID stem, so minting stays linear on long sections.
    let mut next_number: HashMap<String, usize> = HashMap::new();
    for (n, block) in body.iter_mut().enumerate() {
        match new_to_old[n] {
            Some(o) => {
                block.id = old[o].id.clone();
                if exact[n] {
                    alignment.unchanged.push(block.id.clone());
                } else {
                    alignment.edited.push(block.id.clone());
                }
            }
            None => {
                let base = section_base
                    .get(&block.section)
                    .cloned()
                    .unwrap_or_else(|| block.section.clone());
                let stem = format!("{base}-{}", block.kind.id_word());
                let id = if block.kind.is_heading() && !taken.contains(&stem) {
                    stem
                } else {
                    let next = next_number.entry(stem.clone()).or_insert(1);
                    loop {
                        let id = format!("{stem}-{next}");
                        *next += 1;
                        if !taken.contains(&id) {
                            break id;
                        }
                    }
                };
                taken.insert(id.clone());
                block.id = id;
                alignment.added.push(block.id.clone());
            }
        }
        if block.kind.is_heading() {
            let base = block
                .id
                .strip_suffix("-heading")
                .or_else(|| block.id.strip_suffix("-question"))
                .unwrap_or(&block.section)
                .to_owned();
            section_base.insert(block.section.clone(), base);
        }
    }
    alignment.removed = old
        .iter()
        .enumerate()
        .filter(|(o, _)| !old_used[*o])
        .map(|(_, m)| m.id.clone())
        .collect();
    alignment
}

/// Step 1: a block whose text is an old message's exactly takes that message (the first
/// compatible one of the same text, in order).
fn match_exact(
    texts: &[String],
    old: &[&OldMessage],
    compatible: &dyn Fn(usize, usize) -> bool,
    new_to_old: &mut [Option<usize>],
    old_used: &mut [bool],
) {
    let mut by_text: HashMap<&str, VecDeque<usize>> = HashMap::new();
    for (i, m) in old.iter().enumerate() {
        by_text.entry(m.text.as_str()).or_default().push_back(i);
    }
    for (n, text) in texts.iter().enumerate() {
        if let Some(queue) = by_text.get_mut(text.as_str())
            && let Some(pos) = queue.iter().position(|&o| compatible(n, o))
        {
            // cannot fail: `pos` was found in this queue by `position`.
            let o = queue.remove(pos).expect("position is in range");
            new_to_old[n] = Some(o);
            old_used[o] = true;
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn match_similar(
    news: &[usize],
    olds: &[usize],
    threshold: f64,
    texts: &[String],
    old: &[&OldMessage],
    compatible: &dyn Fn(usize, usize) -> bool,
    new_to_old: &mut [Option<usize>],
    old_used: &mut [bool],
) {
    // A gap where nearly everything changed is not worth a quadratic comparison: its
    // blocks simply get fresh IDs.
    if news.is_empty() || olds.is_empty() || news.len().saturating_mul(olds.len()) > MAX_PAIRS {
        return;
    }
    let old_words: Vec<Vec<String>> = olds.iter().map(|&o| words(&old[o].text)).collect();
    let mut scored = Vec::new();
    for &n in news {
        let new_words = words(&texts[n]);
        for (k, &o) in olds.iter().enumerate() {
            if !compatible(n, o) {
                continue;
            }
            let score = dice(&new_words, &old_words[k]);
            if score >= threshold {
                scored.push((score, n, o));
            }
        }
    }
    // Best score first; ties in document order, so the result is deterministic.
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, n, o) in scored {
        if new_to_old[n].is_none() && !old_used[o] {
            new_to_old[n] = Some(o);
            old_used[o] = true;
        }
    }
}

/// The block kind an ID was minted for, read back from its `-<kind>-<n>` or `-<kind>`
/// ending; `None` for IDs written by hand.
pub fn kind_of_id(id: &str) -> Option<BlockKind> {
    use BlockKind::*;
    let stem = id.trim_end_matches(|c: char| c.is_ascii_digit());
    let stem = if stem.len() < id.len() {
        stem.strip_suffix('-')?
    } else {
        stem
    };
    [
        Heading, Question, Paragraph, Item, Quote, Cell, ImageAlt, Answer, Reference,
    ]
    .into_iter()
    .find(|k| stem.ends_with(&format!("-{}", k.id_word())))
}

fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    out.sort_unstable();
    out
}

/// Dice coefficient of two sorted word multisets.
fn dice(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// The longest subsequence of `pairs` (sorted by new index) whose old index increases.
fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    // Patience sorting: tails[k] is the index into `pairs` ending the best run of length k+1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; pairs.len()];
    for (i, &(_, o)) in pairs.iter().enumerate() {
        let k = tails.partition_point(|&t| pairs[t].1 < o);
        prev[i] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut out = Vec::with_capacity(tails.len());
    let mut cur = tails.last().copied();
    while let Some(i) = cur {
        out.push(pairs[i]);
        cur = prev[i];
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_is_read_back_from_minted_ids() {
        assert_eq!(kind_of_id("infections-item-3"), Some(BlockKind::Item));
        assert_eq!(kind_of_id("clotting-heading"), Some(BlockKind::Heading));
        assert_eq!(kind_of_id("clotting-heading-2"), Some(BlockKind::Heading));
        assert_eq!(kind_of_id("faq-image-alt-1"), Some(BlockKind::ImageAlt));
        assert_eq!(kind_of_id("hand-written"), None);
    }

    #[test]
    fn increasing_run_skips_a_moved_block() {
        let pairs = [(0, 0), (1, 3), (2, 1), (3, 2), (4, 4)];
        assert_eq!(longest_increasing(&pairs), [(0, 0), (2, 1), (3, 2), (4, 4)]);
    }

    #[test]
    fn dice_scores_word_overlap() {
        let a = words("Track marks can heal within days");
        let b = words("Track marks can heal within weeks");
        assert!((dice(&a, &b) - 10.0 / 12.0).abs() < 1e-9);
        assert_eq!(dice(&words("Hands"), &words("Neck")), 0.0);
    }
}
