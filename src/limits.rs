//! Input limits, checked on a Fluent file's text before it is parsed. fluent-syntax's parser
//! (and the summaries, checks and formatter after it) recurse once per nested placeable, so
//! a file nesting `{` thousands deep would overflow a thread's stack and abort the process;
//! a file of hundreds of megabytes, or a reference of a million messages, would hold
//! gigabytes of findings. Such a file is refused with an error naming it and the limit;
//! the other files are still checked. Does not parse; reads nothing from disk.

use crate::error::{Error, Result};
use std::path::Path;

/// The largest Fluent file or termbase medloc reads (64 MiB; real ones are kilobytes). It
/// also keeps a termbase's Aho-Corasick automaton far below that crate's 2^31 states.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

/// The deepest nesting of placeables (`{` in `{`, select in select) medloc parses. A debug
/// build on a 2 MiB worker stack overflows at about 250 levels (measured); real messages
/// nest two or three.
pub const MAX_NESTING: usize = 100;

/// The most messages and terms the reference may hold across its files. Every locale
/// gets a finding per reference message it lacks, so a million-message reference in three
/// locales took 145 s and 12 GB in a debug build before this limit.
pub const MAX_REFERENCE_ENTRIES: usize = 250_000;

/// Refuses a Fluent file's text that is over [`MAX_FILE_BYTES`] or nests placeables deeper
/// than [`MAX_NESTING`]; `path` names it in the error.
pub(crate) fn check_fluent_text(path: &Path, text: &str) -> Result<()> {
    check_size(path, text.len(), "Fluent file")?;
    if let Some(line) = too_deep(text, MAX_NESTING) {
        return Err(Error::Limit {
            path: path.to_owned(),
            line,
            message: format!(
                "placeables nest more than {MAX_NESTING} deep (medloc's limit, so parsing cannot overflow the stack); the file was not parsed"
            ),
        });
    }
    Ok(())
}

/// Refuses a file (`what`: "Fluent file", "termbase") over [`MAX_FILE_BYTES`].
pub(crate) fn check_size(path: &Path, bytes: usize, what: &str) -> Result<()> {
    if bytes <= MAX_FILE_BYTES {
        return Ok(());
    }
    Err(Error::Limit {
        path: path.to_owned(),
        line: 1,
        message: format!(
            "the file is {:.1} MiB, over medloc's limit of {} MiB for a {what}; split it into smaller files",
            bytes as f64 / (1024.0 * 1024.0),
            MAX_FILE_BYTES / (1024 * 1024)
        ),
    })
}

/// Refuses a reference of more than [`MAX_REFERENCE_ENTRIES`] entries; `counts` holds each
/// reference file's shown path and entry count, and the error names the largest.
pub(crate) fn check_reference_size<'a>(
    counts: impl Iterator<Item = (&'a str, usize)>,
) -> Result<()> {
    let mut total = 0usize;
    let mut largest: Option<(&str, usize)> = None;
    for (path, count) in counts {
        total += count;
        if largest.is_none_or(|(_, c)| count > c) {
            largest = Some((path, count));
        }
    }
    match largest {
        Some((path, count)) if total > MAX_REFERENCE_ENTRIES => Err(Error::Limit {
            path: path.into(),
            line: 1,
            message: format!(
                "the reference holds {total} messages and terms ({count} in this file), over medloc's limit of {MAX_REFERENCE_ENTRIES}; split the project"
            ),
        }),
        _ => Ok(()),
    }
}

/// The 1-based line where placeables first nest deeper than `limit`, if they do.
///
/// An upper bound of the parser's recursion: every `{` outside comments and string
/// literals counts, every `}` closes one. The count restarts at a line that starts an entry
/// (`id =` or `-id =` at column 0), which is where the parser resumes after a broken
/// entry; such a line can never continue a placeable, so no real nesting is missed.
fn too_deep(text: &str, limit: usize) -> Option<usize> {
    // Nesting deeper than `limit` needs more than `limit` braces: most files have fewer
    // than that at all, counted in one vectorized pass.
    if text.bytes().filter(|&b| b == b'{').count() <= limit {
        return None;
    }
    let mut depth = 0usize;
    for (index, line) in text.split('\n').enumerate() {
        if line.starts_with('#') {
            continue;
        }
        if starts_entry(line) {
            depth = 0;
        }
        let mut in_string = false;
        let mut escaped = false;
        // Bytes, not chars: every byte that matters here is ASCII, and in UTF-8 no byte of a
        // multi-byte character is.
        for c in line.bytes() {
            if in_string {
                match c {
                    _ if escaped => escaped = false,
                    b'\\' => escaped = true,
                    b'"' => in_string = false,
                    _ => {}
                }
                continue;
            }
            match c {
                b'{' => {
                    depth += 1;
                    if depth > limit {
                        return Some(index + 1);
                    }
                }
                b'}' => depth = depth.saturating_sub(1),
                b'"' if depth > 0 => in_string = true,
                _ => {}
            }
        }
    }
    None
}

/// `id =` or `-id =` at column 0 (an identifier is `[a-zA-Z][a-zA-Z0-9_-]*`).
fn starts_entry(line: &str) -> bool {
    let rest = line.strip_prefix('-').unwrap_or(line);
    let mut chars = rest.char_indices();
    if !chars.next().is_some_and(|(_, c)| c.is_ascii_alphabetic()) {
        return false;
    }
    let end = chars
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '_' || *c == '-'))
        .map_or(rest.len(), |(i, _)| i);
    rest[end..].trim_start_matches(' ').starts_with('=')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(depth: usize) -> String {
        format!(
            "deep = {}x{}\n",
            "{ $n ->\n *[other] ".repeat(depth),
            "\n}".repeat(depth)
        )
    }

    #[test]
    fn nesting_at_the_limit_passes_and_one_more_is_refused_with_its_line() {
        assert_eq!(too_deep(&nested(MAX_NESTING), MAX_NESTING), None);
        // The 101st `{` is on line 101 (one selector per line).
        assert_eq!(too_deep(&nested(MAX_NESTING + 1), MAX_NESTING), Some(101));
        let err = check_fluent_text(Path::new("es/a.ftl"), &nested(10_000)).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("es/a.ftl:101: placeables nest more than 100 deep"),
            "{err}"
        );
    }

    #[test]
    fn braces_in_comments_and_string_literals_do_not_count() {
        let text = format!(
            "# {}\nmsg = {{ \"{}\\\"{}\" }}\n",
            "{".repeat(500),
            "{".repeat(500),
            "{".repeat(500)
        );
        assert_eq!(too_deep(&text, 3), None);
    }

    #[test]
    fn each_entry_starts_at_depth_zero_but_column_zero_lines_inside_a_placeable_do_not() {
        // Stray braces in many broken entries do not add up.
        let junk = "a = {\n".repeat(500);
        assert_eq!(too_deep(&junk, 3), None);
        // A term attribute selector at column 0 is inside the placeable: still counted.
        let selectors = "x = {\n-t.a ->\n*[o] {\n-t.a ->\n*[o] {\n-t.a ->\n*[o] {\n";
        assert_eq!(too_deep(selectors, 3), Some(7));
    }

    #[test]
    fn sizes_up_to_the_limit_pass_and_over_it_name_the_file_and_kind() {
        assert!(check_size(Path::new("t.tbx"), MAX_FILE_BYTES, "termbase").is_ok());
        let err = check_size(Path::new("t.tbx"), MAX_FILE_BYTES + 1, "termbase").unwrap_err();
        assert_eq!(
            err.to_string(),
            "t.tbx:1: the file is 64.0 MiB, over medloc's limit of 64 MiB for a termbase; split it into smaller files"
        );
    }

    #[test]
    fn the_reference_limit_names_the_largest_file() {
        let err = check_reference_size(
            [("en-US/a.ftl", 10), ("en-US/b.ftl", MAX_REFERENCE_ENTRIES)].into_iter(),
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("en-US/b.ftl:1: the reference holds 250010")
        );
        assert!(check_reference_size([("a", MAX_REFERENCE_ENTRIES)].into_iter()).is_ok());
    }
}
