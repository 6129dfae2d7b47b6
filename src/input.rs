//! Inputs: what the user pointed at -> the list of postings to read, in order.
//!
//! An input is a file (`.html`, `.htm`, `.md`, `.markdown`, `.txt`), a directory (walked
//! recursively with walkdir, those extensions only, in sorted order) or `-` (input paths read
//! one per line from standard input; blank lines and `#` comments are skipped). Inputs that
//! cannot be used (missing, unsupported, unreadable directory entries) are kept in the list as
//! failures, so that each becomes a row with its error instead of stopping the batch.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use crate::extract::{ExtractError, Format};

/// Largest posting file read; larger ones are error rows (memory stays bounded).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// One posting to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The input as the user gave it (for files found in a directory, the directory joined
    /// with the file's path below it).
    pub source: String,
    /// Where to read it, or why it cannot be read.
    pub target: Result<(PathBuf, Format), InputError>,
}

/// Why an input yields no posting. Carries no path: rows and messages name the input.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum InputError {
    /// The path does not exist.
    #[error("no such file or directory")]
    NotFound,
    /// The file's extension is not one of the supported formats.
    #[error("unsupported file type (expected .html, .htm, .md, .markdown or .txt)")]
    Unsupported,
    /// Reading the file or walking the directory failed.
    #[error("cannot read: {0}")]
    Read(String),
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("file too large ({bytes} bytes; the limit is {MAX_FILE_BYTES})")]
    TooLarge {
        /// The file's size.
        bytes: u64,
    },
    /// The file was read but holds no usable posting.
    #[error(transparent)]
    Extract(#[from] ExtractError),
}

/// Expands the command-line inputs into postings, in the order given.
///
/// `stdin` is read (once) when an input is `-`.
pub fn collect(args: &[String], stdin: &mut dyn BufRead) -> std::io::Result<Vec<Input>> {
    let mut out = Vec::new();
    let mut stdin_read = false;
    for arg in args {
        if arg == "-" {
            if stdin_read {
                continue;
            }
            stdin_read = true;
            let mut line = String::new();
            loop {
                line.clear();
                if stdin.read_line(&mut line)? == 0 {
                    break;
                }
                let entry = line.trim();
                if entry.is_empty() || entry.starts_with('#') {
                    continue;
                }
                expand(entry, &mut out);
            }
        } else {
            expand(arg, &mut out);
        }
    }
    Ok(out)
}

fn expand(given: &str, out: &mut Vec<Input>) {
    let path = Path::new(given);
    if path.is_dir() {
        walk(given, path, out);
        return;
    }
    let target = if !path.exists() {
        Err(InputError::NotFound)
    } else {
        Format::from_path(path)
            .map(|format| (path.to_path_buf(), format))
            .ok_or(InputError::Unsupported)
    };
    out.push(Input {
        source: given.to_owned(),
        target,
    });
}

fn walk(given: &str, dir: &Path, out: &mut Vec<Input>) {
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walker {
        match entry {
            Ok(entry) => {
                if !entry.file_type().is_file() {
                    continue;
                }
                let path = entry.path();
                if let Some(format) = Format::from_path(path) {
                    out.push(Input {
                        source: path.display().to_string(),
                        target: Ok((path.to_path_buf(), format)),
                    });
                }
            }
            Err(e) => {
                let source = e
                    .path()
                    .map_or_else(|| given.to_owned(), |p| p.display().to_string());
                let message = e
                    .io_error()
                    .map_or_else(|| e.to_string(), ToString::to_string);
                out.push(Input {
                    source,
                    target: Err(InputError::Read(message)),
                });
            }
        }
    }
}

/// Reads an input's bytes, within [`MAX_FILE_BYTES`].
pub fn read(path: &Path) -> Result<Vec<u8>, InputError> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| InputError::Read(e.to_string()))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::Read(e.to_string()))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let bytes = std::fs::metadata(path).map_or(MAX_FILE_BYTES + 1, |m| m.len());
        return Err(InputError::TooLarge { bytes });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_are_walked_in_sorted_order_and_filtered() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("sub")).unwrap();
        for name in ["b.md", "a.html", "sub/c.txt", "notes.pdf", "sub/d.HTM"] {
            std::fs::write(root.join(name), "x").unwrap();
        }
        let given = root.display().to_string();
        let inputs = collect(&[given], &mut std::io::empty()).unwrap();
        let names: Vec<_> = inputs
            .iter()
            .map(|i| {
                i.source
                    .strip_prefix(&root.display().to_string())
                    .unwrap()
                    .to_owned()
            })
            .collect();
        assert_eq!(names, ["/a.html", "/b.md", "/sub/c.txt", "/sub/d.HTM"]);
    }

    #[test]
    fn stdin_lists_paths_and_bad_inputs_become_failures() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("p.md");
        std::fs::write(&file, "x").unwrap();
        let list = format!("# comment\n\n{}\nmissing.md\n", file.display());
        let mut stdin = std::io::Cursor::new(list);
        let inputs = collect(&["-".into(), "x.pdf".into()], &mut stdin).unwrap();
        assert_eq!(inputs.len(), 3);
        assert!(inputs[0].target.is_ok());
        assert_eq!(inputs[1].target, Err(InputError::NotFound));
        assert_eq!(inputs[2].target, Err(InputError::NotFound));
        std::fs::write(dir.path().join("x.pdf"), "x").unwrap();
        let pdf = dir.path().join("x.pdf").display().to_string();
        let inputs = collect(&[pdf], &mut std::io::empty()).unwrap();
        assert_eq!(inputs[0].target, Err(InputError::Unsupported));
    }
}
