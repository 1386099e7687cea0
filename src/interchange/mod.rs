//! Exchange with translators' tools: XLIFF 2.1 and 1.2 export and import (`xliff.rs`), a
//! pattern's text and inline codes (`inline.rs`), and writing imported targets back into a
//! locale's `.ftl` files (`writeback.rs`) by editing only the changed entries' spans. Sits above `check` (an import runs the check on its result) and below `cli`.
//! Reads XML with quick-xml and refuses any DOCTYPE, so no entity is ever resolved.
//!
//! **Invariant:** an import changes the bytes of the entries it writes and of no other
//! entry; the files it does not change are not written.

pub mod inline;
pub mod writeback;
pub mod xliff;

/// The largest XLIFF or TMX file medloc reads (100 MiB).
pub const MAX_INTERCHANGE_BYTES: usize = 100 * 1024 * 1024;

pub use crate::error::InterchangeError;

/// Reads an interchange file: at most [`MAX_INTERCHANGE_BYTES`], UTF-8, and no DOCTYPE.
pub fn read_xml(path: &std::path::Path) -> crate::Result<String> {
    let meta = std::fs::metadata(path).map_err(|source| crate::Error::Read {
        path: path.to_owned(),
        source: source.into(),
    })?;
    if meta.len() > MAX_INTERCHANGE_BYTES as u64 {
        return Err(InterchangeError::TooLarge {
            path: path.to_owned(),
            size: meta.len() as usize,
            limit: MAX_INTERCHANGE_BYTES,
        }
        .into());
    }
    crate::fsio::read_text(path)
}

/// The same check on text in memory.
pub(crate) fn check_size(path: &std::path::Path, text: &str) -> Result<(), InterchangeError> {
    if text.len() > MAX_INTERCHANGE_BYTES {
        return Err(InterchangeError::TooLarge {
            path: path.to_owned(),
            size: text.len(),
            limit: MAX_INTERCHANGE_BYTES,
        });
    }
    Ok(())
}

/// Escapes text for XML content and attribute values (as HTML's escaping does), without
/// the control characters XML 1.0 forbids even as references (Fluent text has none but tab
/// and newline).
pub(crate) fn escape(text: &str) -> String {
    let allowed: String = text
        .chars()
        .filter(|c| (*c as u32) >= 0x20 || matches!(c, '\n' | '\t' | '\r'))
        .collect();
    let mut out = String::with_capacity(allowed.len());
    crate::render::overlay::escape_html(&allowed, &mut out);
    out
}
