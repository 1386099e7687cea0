//! Typed errors of the library. The binary maps them to messages and exit code 2.

use std::path::PathBuf;
use std::sync::Arc;

/// An error that stops one operation from running. Each variant names the file and,
/// where one exists, the line, and says what to do about it.
#[derive(Debug, Clone, thiserror::Error)]
pub enum Error {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: PathBuf,
        source: Arc<std::io::Error>,
    },
    #[error("{path}: cannot write: {source}{}", write_hint(source))]
    Write {
        path: PathBuf,
        source: Arc<std::io::Error>,
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
    /// `coverage --merge` with no report to merge.
    #[error("--merge: give at least one coverage JSON report")]
    NothingToMerge,
    /// `medloc init` into a directory that holds a file it would write.
    #[error(
        "{dir}: already holds {first} (and {more} more); medloc init never overwrites files: choose an empty directory"
    )]
    InitWouldOverwrite {
        dir: PathBuf,
        first: String,
        more: usize,
    },
    /// `split` in a project whose articles' directory does not exist.
    #[error(
        "no {dir} directory: the project has no Markdown articles to split; create it, or set [medloc] source in {config} to the articles' directory"
    )]
    NoArticles { dir: String, config: String },
    /// An article named on the command line that the project does not have.
    #[error("no article {name:?} in {dir}; name it by file stem (track-marks) or path")]
    UnknownArticle { name: String, dir: String },
    /// `--article` naming no reference file.
    #[error("--article {name}: no such reference file (the reference files are: {})", known.join(", "))]
    UnknownReferenceFile { name: String, known: Vec<String> },
    /// A render output that is a file.
    #[error("{path}: the output is a file, not a directory; remove it or choose another --out")]
    OutputIsFile { path: PathBuf },
    /// A path a render would write outside its output directory (never taken).
    #[error("refusing to write {path} outside the output directory")]
    OutsideOutput { path: PathBuf },
    /// A worker of a render panicked: a bug, reported instead of a half-written site.
    #[error(
        "{what}: a worker thread panicked (a bug in medloc; please report it); nothing was replaced"
    )]
    WorkerPanicked { what: String },
    /// `--jobs`: the thread pool could not start.
    #[error("--jobs: cannot start threads: {detail}")]
    Threads { detail: String },
    /// No project file among those given.
    #[error("no project file given")]
    NoProjectFile,
    /// No project file found upward from the working directory, and no default layout.
    #[error(
        "no {config_file} in {dir} or above it, and no default layout (locales/{reference}/) there; run `medloc init` to create a project, or pass --config PATH"
    )]
    NoProject {
        config_file: &'static str,
        dir: PathBuf,
        reference: &'static str,
    },
    /// `--locale` naming a locale the project does not have (in a selection list).
    #[error("--locale {name}: not a locale of this project (it has: {})", known.join(", "))]
    NotAProjectLocale { name: String, known: Vec<String> },
    /// A locale directory or entry whose name is not a language tag.
    #[error(
        "locale {locale:?} is not a valid BCP 47 language tag (like es, es-MX, zh-CN); rename its directory and its entry in l10n.toml; skipped"
    )]
    InvalidLocaleTag { locale: String },
    /// The language server's connection failed.
    #[error("language server: {detail}")]
    Protocol { detail: String },
    /// `--format` contradicting `-o`'s extension.
    #[error(
        "--format {given} does not match --output {output} (a {implied} file); drop --format or change the file's extension"
    )]
    FormatMismatch {
        given: &'static str,
        output: String,
        implied: &'static str,
    },
    /// An option's value that is not what it takes.
    #[error("{option} {value}: {expected}")]
    InvalidOption {
        option: &'static str,
        value: String,
        expected: &'static str,
    },
    /// `medloc rules NAME` with no such rule.
    #[error("no rule {name:?}; `medloc rules` lists them")]
    UnknownRule { name: String },
    /// `medloc terms` in a project without a termbase.
    #[error(
        "the project has no termbase: list one in l10n.toml as [medloc] termbase = [\"locales/terminology.tbx\"]"
    )]
    NoTermbase,
    /// A locale with no file to read.
    #[error("{locale}: no files to read")]
    NoLocaleFiles { locale: String },
    /// `sync --accept` naming a message the locale does not translate.
    #[error("--accept {locale} {id}: the locale has no translation with that ID")]
    UnknownTranslation { locale: String, id: String },
    /// A reference file the locale has no file for (an import needs one to write into).
    #[error("{rel}: locale {locale} has no file for the reference file")]
    NoLocaleFile { rel: PathBuf, locale: String },
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_of_counts_newlines() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 99), 3);
    }
}
