//! Inputs: what the user pointed at -> the list of postings to read, in order.
//!
//! An input is an http(s) URL, a file (`.html`, `.htm`, `.mhtml`, `.mht`, `.md`, `.markdown`,
//! `.txt`, `.json`, `.jsonl`, `.ndjson`), a directory (walked recursively with walkdir, those
//! extensions only, in sorted order), `-`
//! (inputs read one per line from standard input) or an input list (`--input-file`, one per
//! line); in lists, blank lines and `#` comments are skipped. A URL given twice (up to its
//! `#fragment`) is kept once. Inputs that cannot be used (missing, unsupported, unreadable
//! directory entries, malformed URLs) are kept in the list as failures, so that each becomes a
//! row with its error instead of stopping the batch. A file is one input however many postings
//! it holds: a JSON list or JSON lines is read, once, into a row per posting when it is analysed
//! (`crate::analysis::analyze_file_rows`), not here.

use std::collections::HashSet;
use std::io::BufRead;
use std::path::{Path, PathBuf};

use url::Url;

use crate::extract::Format;
use crate::row::{InputError, StreamLine};

mod jsonl;

pub use jsonl::JsonLines;

/// Largest posting file read; larger ones are error rows (memory stays bounded).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// One posting (or, for a job-board URL, a board of postings) to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The input as the user gave it (for files found in a directory, the directory joined
    /// with the file's path below it).
    pub source: String,
    /// Where to read it, or why it cannot be read.
    pub target: Result<Target, InputError>,
    /// For a line of `--jsonl-in`: what its row carries besides the posting.
    pub line: Option<Box<StreamLine>>,
}

/// Where an input's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A file, read in the format of its extension.
    File(PathBuf, Format),
    /// A web page or job-board URL, fetched.
    Url(Url),
    /// A posting given inline (a line of `--jsonl-in`), in this format.
    Inline(Format, String),
}

/// An input list (`-` or `--input-file`) could not be read.
#[derive(Debug, thiserror::Error)]
#[error("cannot read the input list {name}: {error}")]
pub struct ListError {
    /// The list (`standard input` or the file's path).
    pub name: String,
    /// What went wrong.
    pub error: std::io::Error,
}

/// Expands the command-line inputs into postings, in the order given: `args` first (`-` reads
/// `stdin`, once), then the entries of each `lists` file.
pub fn collect(
    args: &[String],
    lists: &[PathBuf],
    stdin: &mut dyn BufRead,
) -> Result<Vec<Input>, ListError> {
    let mut out = Collector::default();
    let mut stdin_read = false;
    for arg in args {
        if arg == "-" {
            if stdin_read {
                continue;
            }
            stdin_read = true;
            out.list("standard input", stdin)?;
        } else {
            out.expand(arg);
        }
    }
    for list in lists {
        let name = list.display().to_string();
        let file = std::fs::File::open(list).map_err(|error| ListError {
            name: name.clone(),
            error,
        })?;
        out.list(&name, &mut std::io::BufReader::new(file))?;
    }
    Ok(out.inputs)
}

/// The name of the row of a posting pasted on standard input (`score --paste`, `explain -`):
/// not `-`, which a spreadsheet would take for a formula.
pub const PASTED: &str = "(stdin)";

/// One posting's text read from `reader` (standard input), as people paste it from a browser:
/// HTML when it starts with `<`, Markdown when a line starts with a `#` heading, plain text
/// otherwise. At most [`MAX_FILE_BYTES`] are read; more is an error, as for a file.
pub fn pasted(reader: &mut dyn BufRead) -> Input {
    use std::io::Read;
    let mut bytes = Vec::new();
    let read = reader
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::Read(e.to_string()));
    let target = read.and_then(|_| {
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(InputError::TooLarge {
                bytes: bytes.len() as u64,
                limit: MAX_FILE_BYTES,
            });
        }
        let text = String::from_utf8_lossy(&bytes).into_owned();
        Ok(Target::Inline(pasted_format(&text), text))
    });
    Input {
        source: PASTED.to_owned(),
        target,
        line: None,
    }
}

/// The format of pasted text: HTML, Markdown (a `#` heading line) or plain text.
fn pasted_format(text: &str) -> Format {
    if text.trim_start().starts_with('<') {
        Format::Html
    } else if text.lines().any(|l| {
        let l = l.trim_start();
        l.starts_with("# ") || l.starts_with("## ") || l.starts_with("### ")
    }) {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// Part K of N of a list of inputs (`--shard K/N`): N machines given the same list each score
/// their own part, with no coordination, and their outputs concatenate to the whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    /// Which part, 1-based.
    pub index: u64,
    /// How many parts.
    pub count: u64,
}

impl Shard {
    /// Parses `K/N` with 1 <= K <= N.
    pub fn parse(text: &str) -> Result<Shard, String> {
        let bad = || format!("expected K/N with 1 <= K <= N (for example 2/8), got {text:?}");
        let (k, n) = text.split_once('/').ok_or_else(bad)?;
        let index: u64 = k.trim().parse().map_err(|_| bad())?;
        let count: u64 = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || count == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }

    /// Whether the input `source` belongs to this part: by a stable hash of the input as given
    /// (64-bit FNV-1a, the same on every machine, platform and version).
    pub fn contains(&self, source: &str) -> bool {
        fnv1a(source.as_bytes()) % self.count == self.index - 1
    }
}

pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// Whether an input is meant as a URL rather than a path (it starts with `http://` or
/// `https://`, in any case).
pub fn is_url(given: &str) -> bool {
    let lower = given.get(..8).unwrap_or(given).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

#[derive(Default)]
struct Collector {
    inputs: Vec<Input>,
    urls: HashSet<String>,
}

impl Collector {
    fn list(&mut self, name: &str, reader: &mut dyn BufRead) -> Result<(), ListError> {
        let mut line = String::new();
        loop {
            line.clear();
            let read = reader.read_line(&mut line).map_err(|error| ListError {
                name: name.to_owned(),
                error,
            })?;
            if read == 0 {
                return Ok(());
            }
            let entry = line.trim();
            if entry.is_empty() || entry.starts_with('#') {
                continue;
            }
            self.expand(entry);
        }
    }

    fn expand(&mut self, given: &str) {
        if is_url(given) {
            let target = match Url::parse(given) {
                Ok(mut url) => {
                    url.set_fragment(None);
                    if !self.urls.insert(url.as_str().to_owned()) {
                        return;
                    }
                    Ok(Target::Url(url))
                }
                Err(e) => Err(InputError::BadUrl(e.to_string())),
            };
            self.inputs.push(Input {
                source: given.to_owned(),
                target,
                line: None,
            });
            return;
        }
        let path = Path::new(given);
        if path.is_dir() {
            walk(given, path, &mut self.inputs);
            return;
        }
        let target = match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(not_found(given)),
            // A symbolic-link loop, a denied directory on the way...
            Err(e) => Err(InputError::Read(e.to_string())),
            Ok(metadata) if !metadata.is_file() => Err(InputError::NotAFile {
                kind: file_kind(&metadata.file_type()),
            }),
            Ok(_) => Format::from_path(path)
                .map(|format| Target::File(path.to_path_buf(), format))
                .ok_or(InputError::Unsupported),
        };
        self.inputs.push(Input {
            source: given.to_owned(),
            target,
            line: None,
        });
    }
}

/// Why an input that is no file was not found: plainly, or, when it looks like a URL, what
/// jobfit expected of a URL (`ftp://...`, `htp://...`, `www.example.com/jobs/1`).
fn not_found(given: &str) -> InputError {
    if let Some((scheme, _)) = given.split_once("://")
        && !scheme.is_empty()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    {
        return InputError::BadUrl(format!(
            "unsupported scheme \"{scheme}://\" (jobfit fetches http:// and https:// URLs)"
        ));
    }
    let (host, rest) = given.split_once('/').unwrap_or((given, ""));
    let labels: Vec<&str> = host.split('.').collect();
    let host_like = labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    let url_like = host_like && (host.to_ascii_lowercase().starts_with("www.") || !rest.is_empty());
    if url_like {
        return InputError::NoScheme(format!("https://{given}"));
    }
    InputError::NotFound
}

/// What a file that is not a regular file is, for messages.
fn file_kind(file_type: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_dir() {
        "directory"
    } else if file_type.is_fifo() {
        "FIFO"
    } else if file_type.is_socket() {
        "socket"
    } else if file_type.is_block_device() || file_type.is_char_device() {
        "device"
    } else {
        "special file"
    }
}

fn walk(given: &str, dir: &Path, out: &mut Vec<Input>) {
    let walker = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let file_type = entry.file_type();
                if file_type.is_dir() {
                    continue;
                }
                let path = entry.path();
                // A folder's CSV files are mostly tables (datasets, results), not saved
                // postings: a CSV record is read when it is named itself.
                let Some(format) = Format::from_path(path).filter(|f| *f != Format::Csv) else {
                    continue;
                };
                // A FIFO or socket named like a posting is a row that says what it is.
                let target = if file_type.is_file() {
                    Ok(Target::File(path.to_path_buf(), format))
                } else {
                    Err(InputError::NotAFile {
                        kind: file_kind(&file_type),
                    })
                };
                out.push(Input {
                    source: path.display().to_string(),
                    target,
                    line: None,
                });
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
                    line: None,
                });
            }
        }
    }
}

/// Reads an input's bytes, within [`MAX_FILE_BYTES`].
///
/// Only regular files are opened: opening a FIFO would wait for a writer forever, and a device
/// may never end. Their size is checked before reading.
pub fn read(path: &Path) -> Result<Vec<u8>, InputError> {
    use std::io::Read;
    let metadata = std::fs::metadata(path).map_err(|e| InputError::Read(e.to_string()))?;
    if !metadata.is_file() {
        return Err(InputError::NotAFile {
            kind: file_kind(&metadata.file_type()),
        });
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(InputError::TooLarge {
            limit: MAX_FILE_BYTES,
            bytes: metadata.len(),
        });
    }
    let file = std::fs::File::open(path).map_err(|e| InputError::Read(e.to_string()))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| InputError::Read(e.to_string()))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        let bytes = std::fs::metadata(path).map_or(MAX_FILE_BYTES + 1, |m| m.len());
        return Err(InputError::TooLarge {
            bytes,
            limit: MAX_FILE_BYTES,
        });
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
        let inputs = collect(&[given], &[], &mut std::io::empty()).unwrap();
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
        let inputs = collect(&["-".into(), "x.pdf".into()], &[], &mut stdin).unwrap();
        assert_eq!(inputs.len(), 3);
        assert!(matches!(inputs[0].target, Ok(Target::File(..))));
        assert_eq!(inputs[1].target, Err(InputError::NotFound));
        assert_eq!(inputs[2].target, Err(InputError::NotFound));
        std::fs::write(dir.path().join("x.pdf"), "x").unwrap();
        let pdf = dir.path().join("x.pdf").display().to_string();
        let inputs = collect(&[pdf], &[], &mut std::io::empty()).unwrap();
        assert_eq!(inputs[0].target, Err(InputError::Unsupported));
    }

    #[test]
    fn missing_inputs_that_look_like_urls_say_what_a_url_needs() {
        let message = |given: &str| not_found(given).to_string();
        assert_eq!(
            message("ftp://example.com/jobs/1"),
            "not a valid URL: unsupported scheme \"ftp://\" (jobfit fetches http:// and https:// URLs)"
        );
        assert!(message("htp://example.com/jobs/1").contains("\"htp://\""));
        assert_eq!(
            message("www.example.com/jobs/123"),
            "no such file or directory; if this is a URL, give its scheme: https://www.example.com/jobs/123"
        );
        assert!(message("jobs.lever.co/acme").contains("https://jobs.lever.co/acme"));
        for path in [
            "notes.md",
            "postings/rust.md",
            "./x.html",
            "missing",
            "a b.txt",
        ] {
            assert_eq!(not_found(path), InputError::NotFound, "{path}");
        }
    }

    #[test]
    fn pasted_text_is_one_posting_in_the_format_it_looks_like() {
        let read = |text: &str| pasted(&mut std::io::Cursor::new(text.to_owned()));
        let html = read("  <div><h1>Rust engineer</h1></div>");
        assert_eq!(html.source, PASTED);
        assert!(matches!(html.target, Ok(Target::Inline(Format::Html, _))));
        let md = read("Intro\n## Requirements\n- Rust\n");
        assert!(matches!(md.target, Ok(Target::Inline(Format::Markdown, _))));
        let text = read("Senior Rust Engineer\nRequirements:\n• Rust\n");
        assert!(matches!(text.target, Ok(Target::Inline(Format::Text, _))));
    }

    #[test]
    fn shards_split_inputs_stably_and_completely() {
        assert_eq!(Shard::parse("2/8"), Ok(Shard { index: 2, count: 8 }));
        for bad in ["0/3", "4/3", "1", "a/b", "1/0"] {
            assert!(Shard::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            fnv1a(b"a"),
            0xaf63_dc4c_8601_ec8c,
            "the published FNV-1a test vector"
        );
        let sources: Vec<String> = (0..1000)
            .map(|i| format!("https://x.com/job/{i}"))
            .collect();
        let parts: Vec<usize> = (1..=4)
            .map(|k| {
                let shard = Shard { index: k, count: 4 };
                sources.iter().filter(|s| shard.contains(s)).count()
            })
            .collect();
        assert_eq!(parts.iter().sum::<usize>(), 1000);
        assert!(parts.iter().all(|&n| n > 200), "{parts:?}");
    }

    #[test]
    fn urls_are_parsed_and_kept_once() {
        let dir = tempfile::tempdir().unwrap();
        let list = dir.path().join("urls.txt");
        std::fs::write(
            &list,
            "# my list\nhttps://example.com/a#apply\n\nHTTPS://example.com/b\nhttp://[bad\n",
        )
        .unwrap();
        let args = ["https://example.com/a".to_owned(), "-".to_owned()];
        let mut stdin = std::io::Cursor::new("https://example.com/b\n");
        let inputs = collect(&args, std::slice::from_ref(&list), &mut stdin).unwrap();
        let sources: Vec<&str> = inputs.iter().map(|i| i.source.as_str()).collect();
        assert_eq!(
            sources,
            [
                "https://example.com/a",
                "https://example.com/b",
                "http://[bad"
            ]
        );
        assert!(matches!(inputs[2].target, Err(InputError::BadUrl(_))));
        let missing = collect(&[], &[dir.path().join("nope.txt")], &mut std::io::empty());
        assert!(missing.unwrap_err().to_string().contains("nope.txt"));
    }
}
