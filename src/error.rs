//! Typed errors of the library. The binary maps them to messages and exit code 2.

use std::path::PathBuf;

/// An error that stops one operation from running. Each variant names the file and,
/// where one exists, the line, and says what to do about it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: cannot write: {source}{}", write_hint(source))]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{path}:{line}: the file is not valid UTF-8 (first bad byte at column {column}); save it as UTF-8"
    )]
    NotUtf8 {
        path: PathBuf,
        line: usize,
        column: usize,
    },
    #[error("{path}:{line}: {message}")]
    Config {
        path: PathBuf,
        line: usize,
        message: String,
    },
    /// A problem with the project's files or layout that no line of a file names (an
    /// include cycle, a symbolic link not followed).
    #[error("{path}: {message}")]
    Project { path: PathBuf, message: String },
    #[error("{path}:{line}: {message}")]
    Source {
        path: PathBuf,
        line: usize,
        message: String,
    },
    /// An input over one of medloc's limits (`crate::limits`), refused before parsing.
    #[error("{path}:{line}: {message}")]
    Limit {
        path: PathBuf,
        line: usize,
        message: String,
    },
    /// A termbase listed in `[medloc] termbase` that could not be loaded.
    #[error(
        "{source} (a termbase listed in l10n.toml under [medloc] termbase: restore the file or remove it from the list)"
    )]
    Termbase { source: Box<Error> },
    #[error("{0}")]
    Usage(String),
    /// A locale named in an option that the project does not have.
    #[error("{option} {name}: not a locale of this project{}", unknown_locale_hint(suggestion.as_deref(), known))]
    UnknownLocale {
        option: String,
        name: String,
        suggestion: Option<String>,
        known: Vec<String>,
    },
    /// The articles' directory that `[medloc] source` names does not exist.
    #[error(
        "{path}: no such directory; {config} sets [medloc] source = {setting:?} as the Markdown articles' directory: fix the setting or create the directory"
    )]
    NoSource {
        path: PathBuf,
        config: PathBuf,
        setting: String,
    },
    /// `--since` outside a git repository.
    #[error(
        "{path}: not in a git repository ({detail}); --since reads files from git history, so run it in a clone of the project"
    )]
    NotGitRepository { path: PathBuf, detail: String },
    /// `--since` with a revision git does not know.
    #[error(
        "--since {revision}: no such revision in this repository ({detail}); give a commit, branch or tag, such as HEAD~1 or main (a shallow clone may lack older commits: git fetch --unshallow)"
    )]
    UnknownRevision { revision: String, detail: String },
    /// git could not run, or failed reading a file it listed.
    #[error("git {command}: {detail}")]
    Git { command: String, detail: String },
    /// Coverage reports that cannot be combined (`coverage --merge`).
    #[error("{path}: cannot merge: {message}")]
    Merge { path: PathBuf, message: String },
    /// A render's output directory that holds files but is not a site medloc wrote.
    #[error(
        "{path}: not a site medloc rendered (no {mark}), and rendering replaces the whole directory; choose an empty or new --out, or remove the directory yourself"
    )]
    NotASite { path: PathBuf, mark: &'static str },
    /// Errors already shown one by one (the run went on past them).
    #[error("{count} {what} could not be processed (see the errors above)")]
    Reported { count: usize, what: &'static str },
    /// An XLIFF or TMX file that cannot be imported.
    #[error(transparent)]
    Interchange(#[from] InterchangeError),
    /// An import the check refuses: it would add errors (`--force` writes it anyway).
    #[error(
        "the import would add {count} check error(s), so nothing was written (--force writes it anyway):\n{details}"
    )]
    ImportRefused { count: usize, details: String },
}

/// A problem with an interchange file: names the file and, where one exists, the unit.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum InterchangeError {
    #[error("{path}: not well-formed XML: {message}")]
    Xml { path: PathBuf, message: String },
    #[error(
        "{path}: the file has a DOCTYPE declaration; medloc refuses DTDs and entities (never resolved): remove it"
    )]
    Doctype { path: PathBuf },
    #[error("{path}: {size} bytes, over medloc's limit of {limit} bytes for an interchange file")]
    TooLarge {
        path: PathBuf,
        size: usize,
        limit: usize,
    },
    #[error("{path}: not an XLIFF 1.2 or 2.x file (root element <{root}>)")]
    NotXliff { path: PathBuf, root: String },
    #[error("{path}: target language {locale:?} is not a locale of this project")]
    UnknownLocale { path: PathBuf, locale: String },
    #[error(
        "{path}: source language {found:?} is not this project's reference {expected:?} (an XLIFF file of another project?)"
    )]
    SourceLanguage {
        path: PathBuf,
        found: String,
        expected: String,
    },
    #[error(
        "{path}: file {original:?} is not a reference file of this project (an XLIFF file of another project?)"
    )]
    UnknownFile { path: PathBuf, original: String },
    #[error("{path}: unit {unit}: no such message in the reference {original}")]
    UnknownUnit {
        path: PathBuf,
        unit: String,
        original: String,
    },
    #[error("{path}: unit {unit}: {message}")]
    InlineCodes {
        path: PathBuf,
        unit: String,
        message: String,
    },
    #[error("{path}: TMX language {locale:?} is not a locale of this project")]
    TmxLanguage { path: PathBuf, locale: String },
    #[error("{path}: {message}")]
    Memory { path: PathBuf, message: String },
    #[error("{path}: {message}")]
    Malformed { path: PathBuf, message: String },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// "did you mean", or the project's locales.
fn unknown_locale_hint(suggestion: Option<&str>, known: &[String]) -> String {
    match suggestion {
        Some(s) => format!("; did you mean {s}?"),
        None if known.is_empty() => "; it has no locales yet".to_owned(),
        None => format!(" (it has: {})", known.join(", ")),
    }
}

/// What to do about the write errors a person can fix (the output is left as it was).
fn write_hint(source: &std::io::Error) -> &'static str {
    use std::io::ErrorKind;
    match source.kind() {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => {
            "; free space on that filesystem or write elsewhere (--out, --output)"
        }
        ErrorKind::ReadOnlyFilesystem => {
            "; that filesystem is read-only: write elsewhere (--out, --output)"
        }
        ErrorKind::PermissionDenied => {
            "; no permission there: fix the permissions or write elsewhere (--out, --output)"
        }
        _ => "",
    }
}

impl Error {
    /// The same error naming `path` instead (e.g. relative to the project root, as people
    /// see it).
    pub fn with_path(self, shown: &std::path::Path) -> Error {
        let path = shown.to_owned();
        match self {
            Error::Read { source, .. } => Error::Read { path, source },
            Error::Write { source, .. } => Error::Write { path, source },
            Error::NotUtf8 { line, column, .. } => Error::NotUtf8 { path, line, column },
            Error::Config { line, message, .. } => Error::Config {
                path,
                line,
                message,
            },
            Error::Source { line, message, .. } => Error::Source {
                path,
                line,
                message,
            },
            Error::Limit { line, message, .. } => Error::Limit {
                path,
                line,
                message,
            },
            other => other,
        }
    }
}

/// The 1-based line of a byte offset in `text`.
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Reads a text file: UTF-8 required, a leading byte-order mark is dropped and CRLF line
/// ends become LF, so that every later stage sees one form and line numbers still match
/// what an editor shows.
pub fn read_text(path: &std::path::Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_owned(),
        source,
    })?;
    decode_text(path, bytes)
}

/// [`read_text`] for bytes already in memory (`path` names them in errors).
pub fn decode_text(path: &std::path::Path, bytes: Vec<u8>) -> Result<String> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..good].iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = bytes[..good]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        Error::NotUtf8 {
            path: path.to_owned(),
            line,
            column: good - line_start + 1,
        }
    })?;
    let mut text = text;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(if text.contains('\r') {
        text.replace("\r\n", "\n")
    } else {
        text
    })
}

/// Writes `contents` to `path` through a temporary file in the same directory and a
/// rename, so a reader never sees a half-written file; when writing fails, nothing is left
/// behind. A device or pipe (`-o /dev/stdout`) is written in place instead: a rename would
/// replace the device with a regular file.
pub fn write_atomic(path: &std::path::Path, contents: &[u8]) -> Result<()> {
    use std::io::Write;
    let err = |source| Error::Write {
        path: path.to_owned(),
        source,
    };
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        let mut device = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(err)?;
        return device
            .write_all(contents)
            .and_then(|()| device.flush())
            .map_err(err);
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    create_dir_for(path, dir)?;
    let mut builder = tempfile::Builder::new();
    // A new file gets the mode a plain write gives (0666 less the umask, as `>` does), not
    // a temporary file's 0600; a file replaced keeps its own mode.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(err)?;
    if let Ok(existing) = std::fs::metadata(path) {
        tmp.as_file()
            .set_permissions(existing.permissions())
            .map_err(err)?;
    }
    tmp.write_all(contents).map_err(err)?;
    tmp.as_file().sync_all().map_err(err)?;
    tmp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}

/// Creates `dir` (and its parents) to hold `path`; when a file stands where a directory
/// must be, the error names `path` and that file instead of the bare "File exists".
pub(crate) fn create_dir_for(path: &std::path::Path, dir: &std::path::Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|source| {
        let source = match dir.ancestors().find(|a| a.is_file()) {
            Some(file) => std::io::Error::new(
                std::io::ErrorKind::NotADirectory,
                format!(
                    "{} is a file, not a directory; choose another path",
                    file.display()
                ),
            ),
            None => source,
        };
        Error::Write {
            path: path.to_owned(),
            source,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[test]
    fn decode_strips_bom_and_crlf() -> TestResult {
        let text = decode_text("a".as_ref(), b"\xef\xbb\xbfone\r\ntwo\r\n".to_vec())?;
        assert_eq!(text, "one\ntwo\n");
        Ok(())
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let err = decode_text("x.md".as_ref(), b"ok\nab\xffc".to_vec()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.md:2: the file is not valid UTF-8 (first bad byte at column 3); save it as UTF-8"
        );
    }

    #[test]
    fn line_of_counts_newlines() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 99), 3);
    }
}
