//! The posting's own company name: where it stands in the text, so that a capitalised word that
//! names the employer ("Compiler is a small, woman-owned software consultancy") is not read as
//! a skill. The name comes from the metadata, or from the sentences that say what the company
//! is ("X is a small software consultancy", "X is an early-stage startup").

use crate::extract::Posting;

/// The nouns that make "X is a ... NOUN" a sentence about a company called X.
const COMPANY_NOUNS: &[&str] = &[
    "agency",
    "business",
    "company",
    "consultancy",
    "cooperative",
    "firm",
    "organisation",
    "organization",
    "start-up",
    "startup",
    "studio",
];

/// Most words between "is a" and the company noun ("a small, woman-owned software
/// consultancy").
const MAX_WORDS_BEFORE_NOUN: usize = 8;

/// Longest company name looked for, in bytes.
const MAX_NAME_BYTES: usize = 60;

/// The byte ranges of `posting.text` where the company's name stands capitalised, as whole
/// words, in text order.
pub(super) fn company_spans(posting: &Posting) -> Vec<(usize, usize)> {
    let text = posting.text.as_str();
    let mut names: Vec<&str> = Vec::new();
    if let Some(company) = posting.meta.company.as_deref() {
        let company = company.trim();
        if is_name(company) {
            names.push(company);
        }
    }
    names.extend(described_names(text));
    names.sort_unstable();
    names.dedup();
    let mut spans = Vec::new();
    for name in names {
        for start in memchr::memmem::find_iter(text.as_bytes(), name.as_bytes()) {
            let end = start + name.len();
            if is_word_boundary(text, start, end) {
                spans.push((start, end));
            }
        }
    }
    spans.sort_unstable();
    spans
}

/// Whether `name` can be a company's name made of ordinary words: capitalised, one to three
/// words, not too long. A brand spelled with inner capitals or digits ("GitLab", "MongoDB") is
/// left out: the rules name such products as tools, and a posting of their maker asks for
/// work on them.
fn is_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_NAME_BYTES
        && name.split(' ').count() <= 3
        && name.split(' ').all(|word| {
            let mut chars = word.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.all(|c| !c.is_uppercase() && !c.is_ascii_digit())
        })
}

/// The names that open a sentence "NAME is a/an ... COMPANY-NOUN" in `text`.
fn described_names(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    for marker in [" is a ", " is an "] {
        for at in memchr::memmem::find_iter(text.as_bytes(), marker.as_bytes()) {
            let before = text.get(..at).unwrap_or_default();
            let from = sentence_start(before);
            let name = before.get(from..).unwrap_or_default().trim();
            let name = name.trim_start_matches(['*', '#', '-', '_', ' ']);
            if !is_name(name) {
                continue;
            }
            let after = text.get(at + marker.len()..).unwrap_or_default();
            let noun = after
                .split(['.', '!', '?', '\n'])
                .next()
                .unwrap_or_default()
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|w| !w.is_empty())
                .take(MAX_WORDS_BEFORE_NOUN + 1)
                .any(|w| COMPANY_NOUNS.contains(&w));
            if noun {
                names.push(name);
            }
        }
    }
    names
}

/// Where the sentence that `before` ends in starts: after its last line break, or its last
/// `.`, `!`, `?`, `:` or `;` followed by a space ("About Compiler: Compiler is a ...", but
/// "Forestry.io is a ...").
fn sentence_start(before: &str) -> usize {
    let bytes = before.as_bytes();
    (0..bytes.len())
        .rev()
        .find(|&i| {
            let b = bytes.get(i).copied().unwrap_or_default();
            b == b'\n'
                || (matches!(b, b'.' | b'!' | b'?' | b':' | b';')
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_whitespace))
        })
        .map_or(0, |i| i + 1)
}

/// Whether `start..end` of `text` is a whole word (no letter, digit or `_` on either side).
fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    !text
        .get(..start)
        .and_then(|t| t.chars().next_back())
        .is_some_and(word)
        && !text
            .get(end..)
            .and_then(|t| t.chars().next())
            .is_some_and(word)
}
