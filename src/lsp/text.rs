//! Byte offsets of a buffer to LSP positions and back, in the encoding the client
//! negotiated: UTF-8 (bytes) where it offers it, UTF-16 code units otherwise (the default
//! of the protocol). Lines end at `\n`; a `\r` before it counts as a character of the line.

use lsp_types::Position;

/// How a position's `character` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

/// The start offset of every line of a text.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The position of byte `offset` (clamped to the text and to a character boundary).
    pub fn position(&self, text: &str, offset: usize, encoding: Encoding) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let prefix = &text[self.starts[line]..offset];
        let character = match encoding {
            Encoding::Utf8 => prefix.len(),
            Encoding::Utf16 => prefix.encode_utf16().count(),
        };
        Position::new(line as u32, character as u32)
    }

    /// The byte offset of `position` (clamped to its line; a position inside a UTF-16
    /// surrogate pair or a UTF-8 sequence goes to the character's start).
    pub fn offset(&self, text: &str, position: Position, encoding: Encoding) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return text.len();
        };
        let end = self
            .starts
            .get(position.line as usize + 1)
            .map_or(text.len(), |&next| next - 1);
        let line = &text[start..end];
        let wanted = position.character as usize;
        let mut units = 0;
        for (i, c) in line.char_indices() {
            let width = match encoding {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
            if units + width > wanted {
                return start + i;
            }
            units += width;
        }
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_cjk_and_an_emoji_on_one_line_in_both_encodings() {
        let text = "first = x\nmsg = الجرعة 药 😷 $dose\n";
        let index = LineIndex::new(text);
        let dose = text.find("$dose").unwrap_or_default();
        // "msg = " 6 + Arabic 6 letters (12 bytes) + space + 药 (3 bytes) + space + 😷 (4
        // bytes) + space.
        let utf8 = index.position(text, dose, Encoding::Utf8);
        assert_eq!(utf8, Position::new(1, 6 + 12 + 1 + 3 + 1 + 4 + 1));
        // UTF-16: each Arabic letter and 药 one unit, the emoji two.
        let utf16 = index.position(text, dose, Encoding::Utf16);
        assert_eq!(utf16, Position::new(1, 6 + 6 + 1 + 1 + 1 + 2 + 1));
        assert_eq!(index.offset(text, utf8, Encoding::Utf8), dose);
        assert_eq!(index.offset(text, utf16, Encoding::Utf16), dose);
        // Inside the emoji's surrogate pair, and at its first unit: the emoji's start.
        let emoji = text.find('😷').unwrap_or_default();
        let inside = Position::new(1, utf16.character - 2);
        assert_eq!(index.offset(text, inside, Encoding::Utf16), emoji);
        assert_eq!(
            index.offset(
                text,
                Position::new(1, inside.character - 1),
                Encoding::Utf16
            ),
            emoji
        );
        // Past the line's end: the end of the line; past the last line: the text's end.
        assert_eq!(
            index.offset(text, Position::new(0, 99), Encoding::Utf8),
            "first = x".len()
        );
        assert_eq!(
            index.offset(text, Position::new(9, 0), Encoding::Utf8),
            text.len()
        );
    }
}
