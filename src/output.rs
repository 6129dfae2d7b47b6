//! Output files written atomically, and links from a report to its sources.
//!
//! An [`AtomicFile`] writes into a temporary file in the destination's own directory and renames
//! it over the destination only on [`AtomicFile::commit`]. A run that fails or is dropped before
//! committing removes its temporary file and leaves whatever was at the destination untouched,
//! so a half-written table never replaces a complete one. (A run killed by a signal may leave
//! a `.jobfit-*.tmp` file behind, never a truncated destination.) The rename stays within one
//! directory, hence one file system, so it is atomic on POSIX systems.
//!
//! A destination that exists and that the user may not write (read-only, or another user's file
//! in a shared directory) is refused before any work, with the file left as it was.
//!
//! A destination that exists and is not a regular file (`/dev/null`, a named pipe, a terminal)
//! is written directly: renaming over it would replace the device. A symbolic link is followed,
//! so the file it points to is replaced and the link stays.

use std::io::{self, BufWriter, Write};
use std::path::{Component, Path, PathBuf};

use tempfile::NamedTempFile;

/// Why an output file could not be written. Every variant names the destination.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The temporary file could not be created next to the destination.
    #[error("cannot create {path}: {error}")]
    Create {
        /// The destination.
        path: PathBuf,
        /// The I/O error (not a `source`: the message already says it, once).
        error: io::Error,
    },
    /// Writing or flushing the temporary file failed.
    #[error("cannot write {path}: {error}")]
    Write {
        /// The destination.
        path: PathBuf,
        /// The I/O error (not a `source`: the message already says it, once).
        error: io::Error,
    },
    /// The temporary file could not be renamed over the destination.
    #[error("cannot replace {path}: {error}")]
    Persist {
        /// The destination.
        path: PathBuf,
        /// The I/O error (not a `source`: the message already says it, once).
        error: io::Error,
    },
}

/// A file that appears at its destination, complete, only when committed.
#[derive(Debug)]
pub struct AtomicFile {
    path: PathBuf,
    sink: Sink,
}

#[derive(Debug)]
enum Sink {
    /// A temporary file next to the destination (which is `target`, the link followed).
    Temp {
        temp: BufWriter<NamedTempFile>,
        target: PathBuf,
    },
    /// A device or pipe, written as it is.
    Direct(BufWriter<std::fs::File>),
}

impl AtomicFile {
    /// Creates the temporary file in the destination's directory. Fails (naming `path`) when
    /// the directory does not exist or is not writable, so a bad path is found before any work.
    pub fn create(path: &Path) -> Result<AtomicFile, OutputError> {
        let create_error = |error| OutputError::Create {
            path: path.to_owned(),
            error: without_temp_path(error),
        };
        if let Ok(meta) = std::fs::metadata(path)
            && !meta.is_file()
            && !meta.is_dir()
        {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(path)
                .map_err(create_error)?;
            return Ok(AtomicFile {
                path: path.to_owned(),
                sink: Sink::Direct(BufWriter::new(file)),
            });
        }
        let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        let target = if is_link {
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
        } else {
            path.to_owned()
        };
        refuse_unwritable(&target).map_err(create_error)?;
        let dir = match target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".jobfit-").suffix(".tmp");
        // Like File::create: the process's umask decides the final permissions (tempfile's
        // default, 0600, would make every output private).
        #[cfg(unix)]
        let permissions = {
            use std::os::unix::fs::PermissionsExt;
            std::fs::Permissions::from_mode(0o666)
        };
        #[cfg(unix)]
        builder.permissions(permissions);
        let temp = builder.tempfile_in(dir).map_err(create_error)?;
        Ok(AtomicFile {
            path: path.to_owned(),
            sink: Sink::Temp {
                temp: BufWriter::new(temp),
                target,
            },
        })
    }

    /// The destination.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Flushes the temporary file to disk and renames it over the destination.
    pub fn commit(self) -> Result<(), OutputError> {
        let path = self.path;
        let (temp, target) = match self.sink {
            Sink::Temp { temp, target } => (temp, target),
            Sink::Direct(mut file) => {
                return file
                    .flush()
                    .map_err(|error| OutputError::Write { path, error });
            }
        };
        let temp = temp.into_inner().map_err(|e| OutputError::Write {
            path: path.clone(),
            error: e.into_error(),
        })?;
        temp.as_file()
            .sync_all()
            .map_err(|error| OutputError::Write {
                path: path.clone(),
                error,
            })?;
        temp.persist(&target).map_err(|e| OutputError::Persist {
            path: path.clone(),
            error: e.error,
        })?;
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.sink {
            Sink::Temp { temp, .. } => temp.write(buf),
            Sink::Direct(file) => file.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.sink {
            Sink::Temp { temp, .. } => temp.flush(),
            Sink::Direct(file) => file.flush(),
        }
    }
}

/// A destination that exists and that the user may not write is refused, as `sort -o` refuses
/// it: renaming over it would only need the directory's permission, and would replace a file
/// that is read-only (no write bit for anyone, even for root) or that belongs to someone else.
fn refuse_unwritable(target: &Path) -> io::Result<()> {
    let Ok(meta) = std::fs::metadata(target) else {
        return Ok(());
    };
    if meta.permissions().readonly() {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only",
        ));
    }
    rustix::fs::access(target, rustix::fs::Access::WRITE_OK).map_err(io::Error::from)
}

/// tempfile's errors name the temporary file (`... at path "dir/.jobfit-Iz28Uf.tmp"`), a name
/// the user never gave: the error of the system call alone, so that messages name the
/// destination once.
fn without_temp_path(error: io::Error) -> io::Error {
    // tempfile keeps the system call's error only as text: "<error> at path \"...\"".
    let text = error.to_string();
    match text.rsplit_once(" at path \"") {
        Some((plain, _)) => io::Error::new(error.kind(), plain.to_owned()),
        None => error,
    }
}

/// Where a report links to for a posting's source: URLs as they are; a file as a path relative
/// to the report's directory when both can be resolved, otherwise as a `file:` URL.
///
/// Reads the file system only to resolve paths (no file is opened).
pub fn source_link(source: &str, report: &Path) -> String {
    let lower = source.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return source.to_owned();
    }
    let Ok(target) = std::fs::canonicalize(source) else {
        return file_url(&absolute(Path::new(source)));
    };
    let report_dir = match report.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    match std::fs::canonicalize(report_dir) {
        Ok(dir) => match relative(&dir, &target) {
            Some(rel) => encode_path(&rel),
            None => file_url(&target),
        },
        Err(_) => file_url(&target),
    }
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}

/// `to` as a path relative to the directory `from` (both absolute and canonical).
fn relative(from: &Path, to: &Path) -> Option<PathBuf> {
    let from: Vec<Component> = from.components().collect();
    let to: Vec<Component> = to.components().collect();
    // Different roots (Windows drives): no relative path.
    if from.first() != to.first() {
        return None;
    }
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut rel = PathBuf::new();
    for _ in common..from.len() {
        rel.push("..");
    }
    for part in to.iter().skip(common) {
        rel.push(part.as_os_str());
    }
    Some(rel)
}

fn file_url(path: &Path) -> String {
    let encoded = encode_path(path);
    if encoded.starts_with('/') {
        format!("file://{encoded}")
    } else {
        format!("file:///{encoded}")
    }
}

/// Percent-encodes a path for a URL, keeping `/` and unreserved characters.
fn encode_path(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn commit_replaces_and_drop_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        std::fs::write(&path, "old,complete\n").unwrap();

        let mut file = AtomicFile::create(&path).unwrap();
        file.write_all(b"new,half").unwrap();
        drop(file);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old,complete\n");

        let mut file = AtomicFile::create(&path).unwrap();
        file.write_all(b"new,complete\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old,complete\n");
        file.commit().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new,complete\n");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no temporary file is left");
    }

    #[test]
    fn devices_are_written_directly_and_links_followed() {
        let mut null = AtomicFile::create(Path::new("/dev/null")).unwrap();
        // Checked before committing: a rename over /dev/null would replace the device.
        assert!(matches!(null.sink, Sink::Direct(_)));
        null.write_all(b"x").unwrap();
        null.commit().unwrap();
        assert!(!std::fs::metadata("/dev/null").unwrap().is_file());

        #[cfg(unix)]
        {
            let dir = tempfile::tempdir().unwrap();
            let real = dir.path().join("real.csv");
            let link = dir.path().join("link.csv");
            std::fs::write(&real, "old\n").unwrap();
            std::os::unix::fs::symlink(&real, &link).unwrap();
            let mut file = AtomicFile::create(&link).unwrap();
            file.write_all(b"new\n").unwrap();
            file.commit().unwrap();
            assert!(
                std::fs::symlink_metadata(&link)
                    .unwrap()
                    .file_type()
                    .is_symlink()
            );
            assert_eq!(std::fs::read_to_string(&real).unwrap(), "new\n");
        }
    }

    #[test]
    fn a_missing_directory_is_an_error_naming_the_path() {
        let err = AtomicFile::create(Path::new("/nonexistent-dir/out.csv")).unwrap_err();
        assert!(
            err.to_string().contains("/nonexistent-dir/out.csv"),
            "{err}"
        );
    }

    #[test]
    fn links_are_relative_to_the_report_or_urls() {
        assert_eq!(
            source_link("https://example.com/job?id=1", Path::new("r.html")),
            "https://example.com/job?id=1"
        );
        assert_eq!(
            relative(Path::new("/a/b/out"), Path::new("/a/b/samples/x y.md")),
            Some(PathBuf::from("../samples/x y.md"))
        );
        assert_eq!(encode_path(Path::new("../x y#.md")), "../x%20y%23.md");
        assert_eq!(file_url(Path::new("/tmp/a b.md")), "file:///tmp/a%20b.md");
        let missing = source_link("no/such/file.md", Path::new("r.html"));
        assert!(missing.starts_with("file:///"), "{missing}");
    }
}
