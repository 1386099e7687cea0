//! Do-not-translate names found as whole words in one pass.

/// The termbase's do-not-translate names, with one automaton that finds all of them in a
/// text in one pass (the rules ask for every pattern of every locale).
pub struct Names {
    list: Vec<String>,
    automaton: Option<aho_corasick::AhoCorasick>,
}

impl Names {
    /// The names, empty ones left out.
    pub fn new(mut list: Vec<String>) -> Names {
        list.retain(|n| !n.is_empty());
        // A name list too large for an automaton (none is near that) finds nothing rather
        // than failing the check.
        let automaton = (!list.is_empty())
            .then(|| aho_corasick::AhoCorasick::new(&list).ok())
            .flatten();
        Names { list, automaton }
    }

    /// Where the names occur in `text` as whole words (a letter or digit of a spaced script
    /// on neither side, so `SAMHSA's` holds `SAMHSA` but `MSDS` does not hold `MSD`): byte
    /// ranges and names, sorted, longest name first where two start together, without
    /// overlaps.
    pub fn find_in(&self, text: &str) -> Vec<(std::ops::Range<usize>, &str)> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let word_char = super::words::is_spaced_word_char;
        let mut found: Vec<(std::ops::Range<usize>, &str)> = Vec::new();
        for m in automaton.find_overlapping_iter(text) {
            let (start, end) = (m.start(), m.end());
            let name = self.list[m.pattern().as_usize()].as_str();
            let edge_before = text[..start].chars().next_back().is_some_and(word_char)
                && name.starts_with(word_char);
            let edge_after =
                text[end..].chars().next().is_some_and(word_char) && name.ends_with(word_char);
            if !edge_before && !edge_after {
                found.push((start..end, name));
            }
        }
        found.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
        let mut last_end = 0;
        found.retain(|(r, _)| {
            let keep = r.start >= last_end;
            if keep {
                last_end = r.end;
            }
            keep
        });
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn do_not_translate_names_as_whole_words() {
        let names = Names::new(vec![
            "MSD".to_owned(),
            "MSD Manual".to_owned(),
            "SAMHSA".to_owned(),
        ]);
        let found = |text: &str| -> Vec<&str> {
            names
                .find_in(text)
                .into_iter()
                .map(|(r, n)| {
                    assert_eq!(&text[r], n);
                    n
                })
                .collect()
        };
        assert_eq!(
            found("The MSD Manual and SAMHSA's helpline"),
            ["MSD Manual", "SAMHSA"]
        );
        assert_eq!(found("MSDS sheets, not SAMHSAX"), Vec::<&str>::new());
        assert_eq!(
            found("请致电SAMHSA的热线"),
            ["SAMHSA"],
            "CJK neighbours are word edges"
        );
    }
}
