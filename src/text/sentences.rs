//! Sentences (UAX #29 with the shortcuts the rules need) and final punctuation across
//! scripts.

use super::markup::strip_tags;

/// Sentences with at least one letter (Unicode sentence boundaries, UAX #29, which know
/// CJK and Arabic full stops and question marks). Line breaks are spaces: a Fluent value
/// wrapped over several lines is one paragraph.
pub fn sentence_count(text: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    let mut without_tags = strip_tags(text);
    // A Fluent value continued on the next line is one paragraph: its line breaks are
    // layout, not the paragraph separators UAX #29 ends a sentence at.
    if without_tags.contains('\n') {
        without_tags = without_tags.replace(['\r', '\n'], " ");
    }
    // The full stops of common abbreviations end no sentence (`(e.g. 1K 234M)`).
    for abbreviation in ["e.g.", "i.e.", "etc.", "vs.", "E.g.", "I.e."] {
        if without_tags.contains(abbreviation) {
            without_tags = without_tags.replace(abbreviation, &abbreviation.replace('.', ""));
        }
    }
    // unicode-segmentation 1.13's size hint subtracts 1 from 0 on an empty string: an
    // overflow panic in debug builds (a message that is only a placeable, `{ $name }`).
    if without_tags.is_empty() {
        return 0;
    }
    if let Some(count) = one_sentence_at_most(&without_tags) {
        return count;
    }
    without_tags
        .split_sentence_bounds()
        .filter(|s| s.chars().any(char::is_alphabetic))
        .count()
}

/// The sentence count without segmenting, when no sentence can end before the last letter:
/// UAX #29 breaks only after a terminator (STerm, ATerm) or a paragraph separator, and every
/// one of those is `.`, `!`, `?`, a line break, or a non-ASCII character that is not a letter.
/// With none of those before the last letter, every letter is in the first sentence and any
/// later one has none. `None` when the text needs the full segmentation.
fn one_sentence_at_most(text: &str) -> Option<usize> {
    let (mut letters, mut may_have_ended) = (false, false);
    for c in text.chars() {
        let letter = if c.is_ascii() {
            c.is_ascii_alphabetic()
        } else {
            c.is_alphabetic()
        };
        if letter {
            if may_have_ended {
                return None;
            }
            letters = true;
        } else if !c.is_ascii() || matches!(c, '.' | '!' | '?' | '\n' | '\r' | '\u{0B}' | '\u{0C}')
        {
            may_have_ended = true;
        }
    }
    Some(usize::from(letters))
}

/// The sentences of a translation, counted generously: a sentence ends at a terminator
/// followed by a space, a line break or the end, whatever comes next (UAX #29 does not end one
/// before a lower-case word, and a placeable or tag that starts the next sentence leaves only
/// the lower-case rest in the prose: `Öffnen. { -brand } hilft.`). Terminators are those of
/// the scripts in use (`.`, `!`, `?`, `…`, CJK `。！？`, which need no space, Arabic `؟` and
/// `۔`, Devanagari `।`, Armenian `։`, Ethiopic `።`), and, after a letter of their script only,
/// the Greek question mark `;` (U+003B or U+037E) and the Armenian full stop typed as `:`.
/// A caller that needs a count never below [`sentence_count`] takes the larger of the two
/// (UAX #29 knows terminators of scripts not listed here).
pub fn sentence_count_generous(text: &str) -> usize {
    let mut count = 0;
    let mut letters = false;
    let mut previous: Option<char> = None;
    let mut chars = text.chars().peekable();
    let mut in_tag = false;
    while let Some(c) = chars.next() {
        // Markup is neither letters nor a terminator (`<a>` may start the next sentence).
        if c == '<'
            && chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == '/')
        {
            in_tag = true;
            continue;
        }
        if in_tag {
            in_tag = c != '>';
            continue;
        }
        let script_of = |p: Option<char>, block: std::ops::RangeInclusive<u32>| {
            p.is_some_and(|p| block.contains(&(p as u32)))
        };
        let (ends, needs_space) = match c {
            '.' | '!' | '?' | '…' | '‼' | '؟' | '۔' | '।' | '॥' | '։' | '።' => {
                (true, true)
            }
            '。' | '！' | '？' => (true, false),
            '\u{2029}' => (true, false),
            ';' | '\u{037E}' => (
                script_of(previous, 0x0370..=0x03FF) || script_of(previous, 0x1F00..=0x1FFF),
                true,
            ),
            ':' => (script_of(previous, 0x0531..=0x058F), true),
            _ => (false, false),
        };
        if c.is_alphabetic() {
            letters = true;
        }
        previous = Some(c);
        if !ends {
            continue;
        }
        // Closing quotes and brackets belong to the sentence they end.
        while let Some(&n) = chars.peek() {
            if matches!(
                n,
                '.' | '!' | '?' | '"' | '\'' | '»' | '”' | '’' | ')' | ']' | '」' | '』' | '）'
            ) {
                chars.next();
            } else {
                break;
            }
        }
        let at_break = !needs_space || chars.peek().is_none_or(|n| n.is_whitespace());
        if at_break && letters {
            count += 1;
            letters = false;
        }
    }
    count += usize::from(letters);
    count
}

/// The sentences of `text` (UAX #29, markup removed), trimmed of surrounding spaces and
/// of their final punctuation.
pub fn sentences(text: &str) -> Vec<String> {
    use unicode_segmentation::UnicodeSegmentation;
    let text = strip_tags(text);
    if text.is_empty() {
        return Vec::new();
    }
    text.split_sentence_bounds()
        .map(|s| {
            s.trim()
                .trim_end_matches(['.', '!', '?', ':', ';', '…', '"', '”', '»', ')'])
                .trim()
                .to_owned()
        })
        .filter(|s| !s.is_empty())
        .collect()
}

/// The kind of a text's final punctuation, across scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FinalPunctuation {
    FullStop,
    Question,
    Exclamation,
    Colon,
    None,
}

impl std::fmt::Display for FinalPunctuation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            FinalPunctuation::FullStop => "a full stop",
            FinalPunctuation::Question => "a question mark",
            FinalPunctuation::Exclamation => "an exclamation mark",
            FinalPunctuation::Colon => "a colon",
            FinalPunctuation::None => "no final punctuation",
        })
    }
}

pub fn final_punctuation(text: &str) -> FinalPunctuation {
    let stripped = strip_tags(text);
    let last = stripped
        .trim_end()
        .trim_end_matches(['"', '\'', '»', '”', '’', '」', '』', '\u{00A0}', '\u{202F}'])
        .chars()
        .next_back();
    match last {
        Some('.' | '。' | '۔' | '।' | '…') => FinalPunctuation::FullStop,
        Some('?' | '？' | '؟') => FinalPunctuation::Question,
        Some('!' | '！') => FinalPunctuation::Exclamation,
        Some(':' | '：') => FinalPunctuation::Colon,
        _ => FinalPunctuation::None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The count by UAX #29 segmentation alone, without the shortcut.
    fn segmented(text: &str) -> usize {
        use unicode_segmentation::UnicodeSegmentation;
        // unicode-segmentation 1.13's size hint overflows on empty text (see sentence_count).
        if text.is_empty() {
            return 0;
        }
        text.split_sentence_bounds()
            .filter(|s| s.chars().any(char::is_alphabetic))
            .count()
    }

    proptest::proptest! {
        #[test]
        fn the_one_sentence_shortcut_agrees_with_segmentation(
            text in proptest::prop_oneof![
                // Mostly letters (the shortcut's case), a terminator here and there.
                "[a-zA-Zé漢 ,]{0,12}[.!?\n]?[a-zA-Z漢 ]{0,12}[.!?。)» ]{0,3}",
                "[a-zA-Zé漢 .!?。؟\n)»\u{2029}\u{0964}1]{1,40}",
            ]
        ) {
            if let Some(count) = one_sentence_at_most(&text) {
                proptest::prop_assert_eq!(count, segmented(&text), "{:?}", text);
            }
        }
    }

    #[test]
    fn sentence_counts_with_and_without_the_shortcut() {
        for (text, n) in [
            ("Wash your hands.", 1),
            ("Puntos clave", 1),
            ("Wash. Then dry.", 2),
            ("清洁双手。然后擦干。", 2),
            ("«Lávese las manos».", 1),
            ("See a doctor (today).", 1),
            ("1. 2.", 0),
            ("", 0),
        ] {
            assert_eq!(sentence_count(text), n, "{text:?}");
            assert_eq!(segmented(text), n, "{text:?}");
        }
    }

    #[test]
    fn sentences_in_several_scripts() {
        assert_eq!(sentence_count("One. Two? Three!"), 3);
        assert_eq!(sentence_count("一。二？三！"), 3);
        assert_eq!(sentence_count("واحد. اثنان؟"), 2);
        assert_eq!(sentence_count("<strong>One:</strong> two."), 1);
        // Empty text (a message that is only a placeable) panicked in debug builds once.
        assert_eq!(sentence_count(""), 0);
        assert_eq!(sentence_count("<em></em>"), 0);
        assert_eq!(sentence_count("Print sizes (e.g. 1K 234M 56G)."), 1);
        // A value wrapped over lines is one paragraph.
        assert_eq!(
            sentence_count("Block emails from reaching your\n    inbox."),
            1
        );
    }

    #[test]
    fn generous_sentence_counts() {
        assert_eq!(sentence_count_generous("Öffnen.  hilft. Fertig."), 3);
        assert_eq!(sentence_count_generous("Listo. <a>ábrala</a> ahora."), 2);
        assert_eq!(sentence_count_generous("Τι είναι; Μάθετε."), 2);
        assert_eq!(sentence_count_generous("Սա է: Կարդացեք:"), 2);
        assert_eq!(sentence_count_generous("Time: 2.5 h; rest: 10 min"), 1);
        assert_eq!(sentence_count_generous("一。二？三！"), 3);
        assert_eq!(sentence_count_generous(""), 0);
    }

    #[test]
    fn final_punctuation_classes() {
        assert_eq!(
            final_punctuation("¿Cuánto duran?"),
            FinalPunctuation::Question
        );
        assert_eq!(final_punctuation("多久？"), FinalPunctuation::Question);
        assert_eq!(final_punctuation("كم؟"), FinalPunctuation::Question);
        assert_eq!(final_punctuation("fin.</a>"), FinalPunctuation::FullStop);
        assert_eq!(final_punctuation("« fin »"), FinalPunctuation::None);
        assert_eq!(final_punctuation("Hands"), FinalPunctuation::None);
    }
}
