//! Mojibake: text that went wrong between encodings (UTF-8 read as Windows-1252 or
//! Latin-1).

/// Text that went wrong between encodings, found by [`mojibake`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Garbled {
    /// UTF-8 bytes decoded as Windows-1252 or Latin-1 (`lâ€™app`, `cafÃ©`, `ÐŸÑ€Ð¸`): the
    /// text as it should read.
    Misdecoded(String),
    /// U+FFFD, the replacement character a decoder puts for bytes it could not read.
    Replacement,
    /// A C1 control character (U+0080 to U+009F): a Windows-1252 byte decoded as Latin-1.
    C1Control,
}

/// The Windows-1252 byte a character is written with, when it is one: Latin-1 for U+0000
/// to U+00FF (C1 controls included, as a Latin-1 decoder leaves them) and the 27 characters
/// of 0x80 to 0x9F (WHATWG encoding standard, index windows-1252).
fn cp1252_byte(c: char) -> Option<u8> {
    const HIGH: [char; 32] = [
        '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}',
        '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}',
        '\u{2014}', '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}',
        '\u{178}',
    ];
    match u8::try_from(u32::from(c)) {
        Ok(b) => Some(b),
        Err(_) => HIGH
            .iter()
            .position(|&h| h == c)
            .and_then(|i| u8::try_from(0x80 + i).ok()),
    }
}

/// Whether `text` has a character that mojibake is made of: a Windows-1252 lead byte of
/// multi-byte UTF-8 followed by a continuation byte, U+FFFD or a C1 control.
fn may_be_mojibake(text: &str) -> bool {
    let mut lead = false;
    for c in text.chars() {
        if c.is_ascii() {
            lead = false;
            continue;
        }
        if matches!(c, '\u{FFFD}' | '\u{80}'..='\u{9F}') {
            return true;
        }
        let byte = cp1252_byte(c);
        if lead && byte.is_some_and(|b| (0x80..=0xBF).contains(&b)) {
            return true;
        }
        lead = byte.is_some_and(|b| (0xC2..=0xF4).contains(&b));
    }
    false
}

/// Mojibake in `text`: byte ranges and what each is. A run of characters is UTF-8 read as
/// Windows-1252 or Latin-1 when their bytes, encoded back, are valid multi-byte UTF-8 of a
/// non-ASCII character. Real Latin text is not: Portuguese `ão`, French `à «`, Hungarian
/// `ő` are not such byte sequences. To stay clear of rare coincidences (`CAFÉ”` is the
/// bytes of `ɔ`) a two-byte sequence counts only after `Â` or `Ã` (the mojibake of
/// U+0080 to U+00FF, the accented Latin letters) or next to another one (`Ð¿Ñ€`, a
/// Cyrillic, Greek, Hebrew or Arabic word); three- and four-byte ones (`â€™`, `æ—¥æœ¬`)
/// always count.
pub fn mojibake(text: &str) -> Vec<(std::ops::Range<usize>, Garbled)> {
    let mut out = Vec::new();
    // Most text has nothing to decode wrongly: no lead byte followed by a continuation
    // byte, no U+FFFD, no C1 control (one pass, no allocation).
    if text.is_ascii() || !may_be_mojibake(text) {
        return out;
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(o, _)| o);
    // Runs of adjacent sequences: start and end index, the text decoded, the bytes of the
    // longest sequence and the first lead byte.
    let mut runs: Vec<(usize, usize, String, usize, u8)> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (offset, c) = chars[i];
        match c {
            '\u{FFFD}' => out.push((offset..end_of(i + 1), Garbled::Replacement)),
            '\u{80}'..='\u{9F}' => out.push((offset..end_of(i + 1), Garbled::C1Control)),
            _ => {}
        }
        let lead = cp1252_byte(c).unwrap_or(0);
        let needed = match lead {
            0xC2..=0xDF => 1,
            0xE0..=0xEF => 2,
            0xF0..=0xF4 => 3,
            _ => 0,
        };
        let mut bytes = vec![lead];
        bytes.extend(
            chars[i + 1..]
                .iter()
                .take(needed)
                .map_while(|&(_, c)| cp1252_byte(c).filter(|b| (0x80..=0xBF).contains(b))),
        );
        // A letter, a no-break space and a guillemet (French `nommé «`, bytes E9 A0 AB) are
        // valid UTF-8 by chance: typography, not mojibake.
        let typographic = needed >= 2 && bytes[1..].iter().any(|b| matches!(b, 0xA0 | 0xAB | 0xBB));
        let decoded = (needed > 0 && bytes.len() == needed + 1 && !typographic)
            .then(|| std::str::from_utf8(&bytes).ok())
            .flatten()
            .filter(|d| !d.is_ascii());
        let Some(decoded) = decoded else {
            i += 1;
            continue;
        };
        match runs.last_mut() {
            Some(run) if run.1 == i => {
                run.1 = i + needed + 1;
                run.2.push_str(decoded);
                run.3 = run.3.max(needed + 1);
            }
            _ => runs.push((i, i + needed + 1, decoded.to_owned(), needed + 1, lead)),
        }
        i += needed + 1;
    }
    for (start, end, decoded, longest, lead) in runs {
        let sure = longest >= 3 || matches!(lead, 0xC2 | 0xC3) || end - start >= 4;
        if sure {
            out.push((end_of(start)..end_of(end), Garbled::Misdecoded(decoded)));
        }
    }
    out.sort_by_key(|(r, _)| r.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mojibake_is_told_from_latin_text() {
        let found = |t: &str| -> Vec<(String, Garbled)> {
            mojibake(t)
                .into_iter()
                .map(|(r, g)| (t[r].to_owned(), g))
                .collect()
        };
        let mis = |s: &str| Garbled::Misdecoded(s.to_owned());
        assert_eq!(found("lâ€™app"), [("â€™".to_owned(), mis("\u{2019}"))]);
        assert_eq!(found("café → cafÃ©"), [("Ã©".to_owned(), mis("é"))]);
        assert_eq!(
            found("ÐŸÑ€Ð¸Ð²ÐµÑ‚"),
            [("ÐŸÑ€Ð¸Ð²ÐµÑ‚".to_owned(), mis("Привет"))]
        );
        assert_eq!(
            found("ä¸\u{AD}æ–‡"),
            [("ä¸\u{AD}æ–‡".to_owned(), mis("中文"))]
        );
        assert_eq!(found("a\u{FFFD}b")[0].1, Garbled::Replacement);
        assert_eq!(found("a\u{92}b")[0].1, Garbled::C1Control);
        for latin in [
            "Não há ação sem coração.",
            "À « bientôt » — déjà vu.",
            "Őrző, különböző, fűszer.",
            "CAFÉ” and „ÜBER“ ÆØÅ æøå",
            "Größe: 5 µg, 2° ±1",
            "Ça va ? Où ? Ñandú.",
            "un contact nommé\u{a0}« Relay\u{a0}», déjà\u{a0}»",
        ] {
            assert_eq!(found(latin), [], "{latin}");
        }
    }
}
