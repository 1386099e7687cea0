//! Words and their scripts, the word characters of spaced scripts, and whether a text is
//! long enough to be language rather than a name.

/// Whether a text is long enough to be language, not a name: `words` words or more with a
/// letter that is not upper-case (acronyms and metavariables, `GB`, `TTY`, `[OPTION]`, do
/// not count; caseless scripts do), and `letters` letters or more.
pub fn is_wordy(text: &str, words: usize, letters: usize) -> bool {
    text.split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphabetic() && !c.is_uppercase()))
        .count()
        >= words
        && text.chars().filter(|c| c.is_alphabetic()).count() >= letters
}

/// The words of `text` (runs of letters and combining marks, markup left out) with the
/// Unicode scripts of their letters (ICU4X `Script`; Common and Inherited left out), each
/// script once, in order of first use.
pub fn script_words(
    text: &str,
) -> Vec<(std::ops::Range<usize>, Vec<icu_properties::props::Script>)> {
    use icu_properties::CodePointMapData;
    use icu_properties::props::Script;
    let scripts = CodePointMapData::<Script>::new();
    let mut out: Vec<(std::ops::Range<usize>, Vec<Script>)> = Vec::new();
    let mut current: Option<(usize, Vec<Script>)> = None;
    let mut in_tag = false;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        if c == '<'
            && bytes
                .get(i + 1)
                .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/')
        {
            in_tag = true;
        }
        let script = match c {
            _ if in_tag => None,
            'a'..='z' | 'A'..='Z' => Some(Script::Latin),
            _ if c.is_ascii() => None,
            _ if c.is_alphabetic() || scripts.get(c) == Script::Inherited => Some(scripts.get(c)),
            _ => None,
        };
        if in_tag && c == '>' {
            in_tag = false;
        }
        match (script, &mut current) {
            (Some(s), Some((_, list))) => {
                if !matches!(s, Script::Common | Script::Inherited) && !list.contains(&s) {
                    list.push(s);
                }
            }
            (Some(s), None) => {
                let list = match s {
                    Script::Common | Script::Inherited => Vec::new(),
                    _ => vec![s],
                };
                current = Some((i, list));
            }
            (None, _) => {
                if let Some((start, list)) = current.take() {
                    out.push((start..i, list));
                }
            }
        }
    }
    if let Some((start, list)) = current {
        out.push((start..text.len(), list));
    }
    out
}

/// Letters and digits of scripts written with spaces between words.
pub fn is_spaced_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_unspaced_script(c)
}

/// Scripts written without spaces between words (CJK, Thai, Lao, Khmer, Myanmar, Tibetan).
fn is_unspaced_script(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0EFF}'     // Thai, Lao
        | '\u{0F00}'..='\u{0FFF}'   // Tibetan
        | '\u{1000}'..='\u{109F}'   // Myanmar
        | '\u{1100}'..='\u{11FF}'   // Hangul Jamo
        | '\u{1780}'..='\u{17FF}'   // Khmer
        | '\u{2E80}'..='\u{2FDF}'   // CJK radicals
        | '\u{3000}'..='\u{33FF}'   // CJK symbols, kana, Hangul compatibility jamo, ...
        | '\u{3400}'..='\u{4DBF}'   // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{A960}'..='\u{A97F}'   // Hangul Jamo extended A
        | '\u{AC00}'..='\u{D7FF}'   // Hangul syllables, Jamo extended B
        | '\u{F900}'..='\u{FAFF}'   // CJK compatibility ideographs
        | '\u{FF00}'..='\u{FFEF}'   // half- and full-width forms
        | '\u{20000}'..='\u{3FFFF}' // CJK extensions B and later
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_their_scripts() {
        use icu_properties::props::Script;
        let words = |t: &str| -> Vec<(String, Vec<Script>)> {
            script_words(t)
                .into_iter()
                .map(|(r, s)| (t[r].to_owned(), s))
                .collect()
        };
        assert_eq!(
            words("Откройте <b>Firefоx</b> 中文"),
            [
                ("Откройте".to_owned(), vec![Script::Cyrillic]),
                ("Firefоx".to_owned(), vec![Script::Latin, Script::Cyrillic]),
                ("中文".to_owned(), vec![Script::Han]),
            ]
        );
        assert_eq!(
            words("नमस्ते")[0].1,
            [Script::Devanagari],
            "combining marks stay in the word"
        );
    }
}
