//! The employment type: full-time, part-time, contract, temporary, internship...

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::first_line::EMPLOYMENT_WORD;
use super::*;

/// Words without which a line states no employment type.
/// Words without which a line says nothing about the employment type.
pub(super) const EMPLOYMENT_WORDS: &[&str] = &[
    "time",
    "contract",
    "type",
    "intern",
    "permanent",
    "freelance",
    "temporary",
];

pub(super) static EMPLOYMENT_MARK: LazyLock<AhoCorasick> = LazyLock::new(|| {
    match AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(EMPLOYMENT_WORDS)
    {
        Ok(marks) => marks,
        // Unreachable: a handful of short literals always builds.
        Err(error) => unreachable!("employment marks: {error}"),
    }
});

pub(super) static EMPLOYMENT_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:employment|job|contract|position|work) type\s*:\s*(?P<label>[^.;\n]{1,40})|\b(?P<kind>full[- ]time|part[- ]time|contract|temporary|permanent|freelance)\s+(?:position|role|job|employment|opportunity|contract|engagement)\b|\b(?P<kind2>internship)\s+(?:position|role|program(?:me)?|opportunity)\b",
    )
});

/// The employment type a sentence states ("Employment type: Full-time", "this is a full-time
/// position", "a 6-month contract role"), or a line that is only a label ("Full Time").
pub fn employment_type(text: &str) -> Option<String> {
    if !EMPLOYMENT_MARK.is_match(text) {
        return None;
    }
    let bare = text.trim_matches(|c: char| c == '[' || c == ']' || c.is_whitespace());
    if bare.len() <= 12
        && EMPLOYMENT_WORD
            .find(bare)
            .is_some_and(|m| m.start() == 0 && m.end() == bare.len())
    {
        return employment_types(&[bare.to_owned()]);
    }
    let caps = EMPLOYMENT_TEXT.captures(text)?;
    let words: Vec<String> = match caps.name("label") {
        Some(label) => EMPLOYMENT_WORD
            .find_iter(label.as_str())
            .map(|m| m.as_str().to_owned())
            .collect(),
        None => caps
            .name("kind")
            .or_else(|| caps.name("kind2"))
            .map(|m| vec![m.as_str().to_owned()])
            .unwrap_or_default(),
    };
    employment_types(&words)
}
