//! The streaming HTML path gives the blocks, metadata and warnings the scraper (html5ever tree)
//! path gives, on every HTML page and fragment of the fixtures and samples.

use std::path::{Path, PathBuf};

use jobfit::Format;
use jobfit::extract::html::{extract_with_warnings, fragment_blocks, reference};
use jobfit::extract::{RawBlock, decode};

use crate::root;

fn html_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| Format::from_path(p) == Some(Format::Html))
        .collect();
    files.sort();
    files
}

fn show(blocks: &[RawBlock]) -> String {
    blocks
        .iter()
        .map(|b| format!("{:?} {} {}\n", b.kind, u8::from(b.bold), b.text))
        .collect()
}

/// The first line where two renderings differ, with some context.
fn first_difference(old: &str, new: &str) -> String {
    let old_lines: Vec<&str> = old.lines().collect();
    let new_lines: Vec<&str> = new.lines().collect();
    let at = old_lines
        .iter()
        .zip(&new_lines)
        .position(|(a, b)| a != b)
        .unwrap_or(old_lines.len().min(new_lines.len()));
    format!(
        "line {at}:\n  old: {:?}\n  new: {:?}",
        old_lines.get(at..(at + 3).min(old_lines.len())),
        new_lines.get(at..(at + 3).min(new_lines.len()))
    )
}

/// Compares both paths on `html`; returns a description of the difference, if any.
fn compare(html: &str) -> Option<String> {
    let (old_meta, old_blocks, old_warnings) = reference::extract_with_warnings(html);
    let (new_meta, new_blocks, new_warnings) = extract_with_warnings(html);
    let (old, new) = (show(&old_blocks), show(&new_blocks));
    if old != new {
        return Some(format!(
            "document blocks differ, {}",
            first_difference(&old, &new)
        ));
    }
    if old_meta != new_meta {
        return Some(format!("metadata differs: {old_meta:?} vs {new_meta:?}"));
    }
    if old_warnings != new_warnings {
        return Some(format!(
            "warnings differ: {old_warnings:?} vs {new_warnings:?}"
        ));
    }
    let (old, new) = (
        show(&reference::fragment_blocks(html)),
        show(&fragment_blocks(html)),
    );
    if old != new {
        return Some(format!(
            "fragment blocks differ, {}",
            first_difference(&old, &new)
        ));
    }
    None
}

#[test]
fn streaming_and_scraper_paths_agree_on_every_fixture_page() {
    let root = root();
    let mut files = Vec::new();
    for dir in [
        "tests/fixtures/postings",
        "tests/fixtures/crafted",
        "samples",
    ] {
        files.extend(html_files(&root.join(dir)));
    }
    let regressions = root.join("tests/fixtures/fuzz-regressions/extract_html");
    if regressions.is_dir() {
        for entry in std::fs::read_dir(regressions).unwrap() {
            files.push(entry.unwrap().path());
        }
    }
    assert!(files.len() > 90, "{}", files.len());
    let mut differences = Vec::new();
    for path in &files {
        let bytes = std::fs::read(path).unwrap();
        let Ok(text) = decode(&bytes, Format::Html) else {
            continue;
        };
        if let Some(difference) = compare(&text) {
            differences.push(format!("{}: {difference}", path.display()));
        }
    }
    assert!(
        differences.is_empty(),
        "{} of {} files differ:\n{}",
        differences.len(),
        files.len(),
        differences.join("\n")
    );
}

/// Every comment of the Hacker News threads of the shared corpus (thousands of real HTML
/// fragments), when the corpus is there: `cargo test -- --ignored hn_corpus`.
#[test]
#[ignore = "needs ../shared/corpus/hn"]
fn streaming_and_scraper_paths_agree_on_the_hn_corpus() {
    let dir = root().join("../shared/corpus/hn");
    let mut comments = 0;
    let mut differences = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let json: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let mut stack = vec![&json];
        while let Some(value) = stack.pop() {
            match value {
                serde_json::Value::Array(items) => stack.extend(items),
                serde_json::Value::Object(map) => {
                    for (key, value) in map {
                        if let serde_json::Value::String(html) = value
                            && (key == "full_html" || key == "text")
                        {
                            comments += 1;
                            if let Some(difference) = compare(html) {
                                differences.push(format!("{html:.80}: {difference}"));
                            }
                        } else {
                            stack.push(value);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    assert!(comments > 1000, "{comments}");
    assert!(
        differences.is_empty(),
        "{} of {comments} comments differ:\n{}",
        differences.len(),
        differences.join("\n")
    );
}
