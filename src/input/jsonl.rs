//! The streaming input (`--jsonl-in`): JSON lines in, exactly one [`Input`] per line out.
//!
//! This is the map step's contract: whatever the bytes of a line (blank, not JSON, not an
//! object, not UTF-8, a read error), it becomes one input and so one row, and reading goes on
//! to the next line. A line that is not UTF-8 is decoded with U+FFFD replacements and read on,
//! with a warning in its row. The row's name is the line's `id` when one can be read (also from
//! a malformed or non-UTF-8 line), else `line:` and the 64-bit FNV-1a hash of the line's bytes
//! in 16 hex digits: the same on every machine and in every partition, whatever the line's
//! position. The fields of the line's object other than the posting travel to the row
//! ([`StreamLine`]), so that results join back to the caller's data.

use std::collections::BTreeMap;
use std::io::BufRead;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use regex::Regex;
use serde_json::value::RawValue;
use url::Url;

use super::{Input, Target, fnv1a, is_url};
use crate::extract::{ExtractError, Format};
use crate::row::{InputError, StreamLine};

/// The keys that hold the posting itself; every other key of a line is passed through.
const POSTING_KEYS: [&str; 4] = ["url", "html", "markdown", "text"];

/// Postings read as JSON lines (`--jsonl-in`), lazily: one [`Input`] per line, blank ones
/// included. `{"id": ..., "url": "..."}`, or `"html"`, `"markdown"` or `"text"` instead of
/// `"url"`; the `id` (a string or a number) names the row. Reading stops at the end of the
/// input or at a read error, which is the last input and is reported by
/// [`JsonLines::broken`].
pub struct JsonLines<R> {
    reader: R,
    done: bool,
    broken: Arc<AtomicBool>,
    buffer: Vec<u8>,
}

impl<R: BufRead> JsonLines<R> {
    /// Reads inputs from `reader`.
    pub fn new(reader: R) -> Self {
        JsonLines {
            reader,
            done: false,
            broken: Arc::new(AtomicBool::new(false)),
            buffer: Vec::new(),
        }
    }

    /// Set once a read error ended the stream before its end (the lines after it are lost).
    pub fn broken(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.broken)
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        if self.done {
            return None;
        }
        self.buffer.clear();
        match self.reader.read_until(b'\n', &mut self.buffer) {
            Ok(0) => {
                self.done = true;
                None
            }
            Ok(_) => Some(line_input(trim_line_end(&self.buffer))),
            Err(e) => {
                self.done = true;
                self.broken.store(true, Ordering::Relaxed);
                Some(Input {
                    source: line_name(&self.buffer),
                    target: Err(InputError::Read(format!(
                        "the stream could not be read past this point: {e}"
                    ))),
                    line: None,
                })
            }
        }
    }
}

fn trim_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// The name of a row whose line gives no id: the same for the same bytes, everywhere.
pub fn line_name(line: &[u8]) -> String {
    format!("line:{:016x}", fnv1a(trim_line_end(line)))
}

/// One line -> one input.
fn line_input(bytes: &[u8]) -> Input {
    let (text, lossy) = match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => (std::borrow::Cow::Borrowed(text), None),
        Err(_) => {
            let first = std::str::from_utf8(bytes)
                .err()
                .map_or(0, |e| e.valid_up_to());
            let text = String::from_utf8_lossy(bytes);
            let replaced = text
                .matches('\u{FFFD}')
                .count()
                .saturating_sub(bytes_of_replacement_char(bytes));
            let warning = format!(
                "the line is not valid UTF-8 (invalid byte at offset {first}): decoded with \
                 {replaced} U+FFFD replacement character{}",
                if replaced == 1 { "" } else { "s" }
            );
            (text, Some(warning))
        }
    };
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Input {
            source: line_name(bytes),
            target: Err(InputError::BlankLine),
            line: Some(Box::new(StreamLine {
                fields: None,
                lossy,
            })),
        };
    }
    let object: BTreeMap<String, Box<RawValue>> = match serde_json::from_str(trimmed) {
        Ok(object) => object,
        Err(e) => {
            let error = match serde_json::from_str::<serde_json::Value>(trimmed) {
                Ok(value) => ExtractError::JsonShape(format!(
                    "expected a JSON object, got {}",
                    json_kind(&value)
                )),
                Err(_) => ExtractError::Json(e.to_string()),
            };
            return Input {
                source: salvaged_id(trimmed).unwrap_or_else(|| line_name(bytes)),
                target: Err(InputError::Extract(error)),
                line: Some(Box::new(StreamLine {
                    fields: None,
                    lossy,
                })),
            };
        }
    };
    let source = object
        .get("id")
        .and_then(|raw| id_text(raw.get()))
        .unwrap_or_else(|| line_name(bytes));
    let mut postings = Vec::new();
    let mut fields = BTreeMap::new();
    for (key, value) in object {
        if POSTING_KEYS.contains(&key.as_str()) {
            postings.push((key, value));
        } else {
            fields.insert(key, value);
        }
    }
    let target = posting_target(&postings);
    Input {
        source,
        target,
        line: Some(Box::new(StreamLine {
            fields: Some(fields),
            lossy,
        })),
    }
}

/// How many U+FFFD the line held as real characters (they are not replacements).
fn bytes_of_replacement_char(bytes: &[u8]) -> usize {
    memchr::memmem::find_iter(bytes, "\u{FFFD}".as_bytes()).count()
}

fn json_kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// The text of an `id` value: a string as it is, a number as written.
fn id_text(raw: &str) -> Option<String> {
    match serde_json::from_str::<serde_json::Value>(raw).ok()? {
        // An empty id names nothing: the row is named by its line instead.
        serde_json::Value::String(id) if !id.trim().is_empty() => Some(id),
        serde_json::Value::Number(id) => Some(id.to_string()),
        _ => None,
    }
}

/// The `id` of a line that is not valid JSON, when its top-level `"id": ...` member can still
/// be read (an `"id"` inside a nested object is not the line's).
fn salvaged_id(text: &str) -> Option<String> {
    static VALUE: std::sync::OnceLock<Option<Regex>> = std::sync::OnceLock::new();
    let value = VALUE
        .get_or_init(|| Regex::new(r#"^\s*:\s*("(?:[^"\\]|\\.)*"|-?[0-9][0-9.eE+-]*)"#).ok())
        .as_ref()?;
    let bytes = text.as_bytes();
    let (mut depth, mut at) = (0usize, 0usize);
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            b'"' => {
                let end = string_end(bytes, at)?;
                if depth == 1 && text.get(at..end) == Some("\"id\"") {
                    let raw = value.captures(text.get(end..)?)?.get(1)?.as_str();
                    return id_text(raw);
                }
                at = end;
                continue;
            }
            _ => {}
        }
        at += 1;
    }
    None
}

/// The index just past the JSON string that starts at `start` (a `"`); `None` when it does not
/// end.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut at = start + 1;
    loop {
        match bytes.get(at)? {
            b'\\' => at += 2,
            b'"' => return Some(at + 1),
            _ => at += 1,
        }
    }
}

fn posting_target(postings: &[(String, Box<RawValue>)]) -> Result<Target, InputError> {
    let shape = || {
        InputError::Extract(ExtractError::JsonShape(
            "expected an object with \"id\" and exactly one string of \"url\", \"html\", \
             \"markdown\" or \"text\""
                .to_owned(),
        ))
    };
    let [(key, raw)] = postings else {
        return Err(shape());
    };
    let Ok(serde_json::Value::String(value)) = serde_json::from_str(raw.get()) else {
        return Err(shape());
    };
    match key.as_str() {
        "url" if is_url(&value) => Url::parse(&value)
            .map(Target::Url)
            .map_err(|e| InputError::BadUrl(e.to_string())),
        "url" => Err(InputError::BadUrl(format!(
            "{value:?} is not an http(s) URL"
        ))),
        "html" => Ok(Target::Inline(Format::Html, value)),
        "markdown" => Ok(Target::Inline(Format::Markdown, value)),
        _ => Ok(Target::Inline(Format::Text, value)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Vec<Input> {
        JsonLines::new(std::io::Cursor::new(bytes.to_vec())).collect()
    }

    #[test]
    fn every_line_is_one_input_in_order() {
        let text = b"{\"id\":\"a\",\"html\":\"<p>Rust</p>\"}\n\n{\"id\":7,\"url\":\"https://x.com/j\"}\n{\"text\":\"hi\"}\nnot json\n{\"id\":\"b\",\"url\":\"u\",\"text\":\"t\"}\n[1]\r\n{\"id\": \"c\", \"text\": 5}";
        let inputs = read(text);
        let sources: Vec<&str> = inputs.iter().map(|i| i.source.as_str()).collect();
        assert_eq!(
            sources,
            [
                "a",
                line_name(b"").as_str(),
                "7",
                line_name(b"{\"text\":\"hi\"}").as_str(),
                line_name(b"not json").as_str(),
                "b",
                line_name(b"[1]").as_str(),
                "c"
            ]
        );
        assert_eq!(
            inputs[0].target,
            Ok(Target::Inline(Format::Html, "<p>Rust</p>".into()))
        );
        assert_eq!(inputs[1].target, Err(InputError::BlankLine));
        assert!(matches!(inputs[2].target, Ok(Target::Url(_))));
        assert!(matches!(
            inputs[4].target,
            Err(InputError::Extract(ExtractError::Json(_)))
        ));
        assert!(matches!(
            inputs[5].target,
            Err(InputError::Extract(ExtractError::JsonShape(_)))
        ));
        assert_eq!(
            inputs[6].target.as_ref().unwrap_err().to_string(),
            "JSON of an unexpected shape: expected a JSON object, got an array"
        );
        assert!(inputs[7].target.is_err());
    }

    proptest::proptest! {
        /// Any bytes: exactly one input per line (a last line without its `\n` counts), in
        /// order, each named.
        #[test]
        fn any_bytes_give_one_input_per_line(
            lines in proptest::collection::vec(
                proptest::collection::vec(
                    proptest::prop_oneof![
                        proptest::num::u8::ANY,
                        proptest::sample::select(b"{}[]\":,id text \\\r".to_vec())
                    ],
                    0..40,
                ),
                0..12,
            ),
            last_newline in proptest::bool::ANY,
        ) {
            let lines: Vec<Vec<u8>> = lines
                .into_iter()
                .map(|line| line.into_iter().filter(|&b| b != b'\n').collect())
                .collect();
            let mut bytes = lines.join(&b'\n');
            if last_newline && !lines.is_empty() {
                bytes.push(b'\n');
            }
            let expected = if bytes.is_empty() {
                0
            } else {
                bytes.iter().filter(|&&b| b == b'\n').count() + usize::from(!bytes.ends_with(b"\n"))
            };
            let inputs = read(&bytes);
            proptest::prop_assert_eq!(inputs.len(), expected);
            proptest::prop_assert!(inputs.iter().all(|i| !i.source.is_empty()));
        }
    }

    #[test]
    fn names_are_stable_hashes_of_the_line() {
        // FNV-1a 64 of the empty string is its offset basis.
        assert_eq!(line_name(b""), "line:cbf29ce484222325");
        assert_eq!(line_name(b"x\r\n"), line_name(b"x"));
        assert_ne!(line_name(b"x"), line_name(b"y"));
    }

    #[test]
    fn lines_that_are_not_utf8_are_read_lossily_and_keep_their_id() {
        let inputs = read(b"{\"id\":\"caf\xe9\",\"text\":\"Rust d\xe9veloppeur \xef\xbf\xbd\"}\n{\"id\":\"next\",\"text\":\"Go\"}\n");
        assert_eq!(inputs.len(), 2);
        assert_eq!(inputs[0].source, "caf\u{FFFD}");
        assert_eq!(
            inputs[0].target,
            Ok(Target::Inline(
                Format::Text,
                "Rust d\u{FFFD}veloppeur \u{FFFD}".into()
            ))
        );
        let lossy = inputs[0]
            .line
            .as_ref()
            .and_then(|l| l.lossy.clone())
            .unwrap();
        assert!(lossy.contains("offset 10"), "{lossy}");
        assert!(lossy.contains("2 U+FFFD replacement characters"), "{lossy}");
        assert_eq!(inputs[1].source, "next");
        let empty = read(b"{\"id\":\" \",\"text\":\"Go\"}");
        assert!(empty[0].source.starts_with("line:"));
        assert!(inputs[1].line.as_ref().unwrap().lossy.is_none());
    }

    #[test]
    fn malformed_lines_keep_an_id_that_can_be_read() {
        let inputs =
            read(b"{\"id\": \"j-1\", \"text\": \"unterminated\n{\"id\": 42, \"html\": <p>}\n");
        assert_eq!(inputs[0].source, "j-1");
        assert_eq!(inputs[1].source, "42");
        assert!(inputs.iter().all(|i| i.target.is_err()));
        let nested = read(
            br#"{"meta": {"id": 7}, "note": "\"id\": 8", "id": "x", "text": "Rust
{"meta": {"id": 7}, "text": "Rust
"#,
        );
        assert_eq!(nested[0].source, "x", "the top-level id, not a nested one");
        assert!(
            nested[1].source.starts_with("line:"),
            "{}",
            nested[1].source
        );
    }

    #[test]
    fn other_fields_pass_through_as_written() {
        let inputs = read(b"{\"id\":1,\"meta\":{\"market\":\"de\",\"n\":1.50},\"text\":\"Rust\",\"tags\":[1,2]}\n");
        let fields = inputs[0].line.as_ref().unwrap().fields.as_ref().unwrap();
        let shown: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.get())).collect();
        assert_eq!(
            shown,
            [
                ("id", "1"),
                ("meta", "{\"market\":\"de\",\"n\":1.50}"),
                ("tags", "[1,2]")
            ]
        );
    }

    #[test]
    fn a_read_error_is_the_last_input_and_marks_the_stream_broken() {
        struct Failing(u8);
        impl std::io::Read for Failing {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                self.0 += 1;
                if self.0 == 1 {
                    let line = b"{\"id\":\"a\",\"text\":\"x\"}\n";
                    buf[..line.len()].copy_from_slice(line);
                    return Ok(line.len());
                }
                Err(std::io::Error::other("disk gone"))
            }
        }
        let mut lines = JsonLines::new(std::io::BufReader::new(Failing(0)));
        let broken = lines.broken();
        let inputs: Vec<Input> = lines.by_ref().collect();
        assert_eq!(inputs.len(), 2);
        assert!(broken.load(Ordering::Relaxed));
        assert!(
            inputs[1]
                .target
                .as_ref()
                .unwrap_err()
                .to_string()
                .contains("disk gone")
        );
    }
}
