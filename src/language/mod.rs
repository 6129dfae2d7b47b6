//! Language knowledge: what jobfit knows of each language it reads, kept as data.
//!
//! This module owns the word forms of each language ([`WordForms`]: which stemmer, or which
//! simple rule, reduces a word to its stem). It sits below [`crate::extract`] and
//! [`crate::matcher`] in the flow and imports neither.

mod forms;

pub use forms::{MIN_PREFIX_STEM, WordForms};

/// The ISO 639-1 codes of the languages a rule file may key lists by (`[skill.lang.<code>]`).
pub const LANGUAGES: &[&str] = &[
    "en", "de", "fr", "es", "pt", "it", "nl", "pl", "uk", "ru", "zh", "vi",
];

/// Whether `code` is one of [`LANGUAGES`].
pub fn is_known(code: &str) -> bool {
    LANGUAGES.contains(&code)
}
