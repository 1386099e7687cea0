//! File input and output: text decoding (UTF-8 required, BOM dropped, CRLF to LF) and
//! atomic writes (a temporary file in the same directory, then rename; a device such as
//! `/dev/stdout` is written in place). The one place the library reads text files and
//! writes any file.

use crate::error::{Error, Result};

/// Reads a text file: UTF-8 required, a leading byte-order mark is dropped and CRLF line
/// ends become LF, so that every later stage sees one form and line numbers still match
/// what an editor shows.
pub fn read_text(path: &std::path::Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_owned(),
        source: source.into(),
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
    let err = |source: std::io::Error| Error::Write {
        path: path.to_owned(),
        source: source.into(),
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
            source: source.into(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = std::result::Result<(), Box<dyn std::error::Error>>;

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
}
