//! Language knowledge: what jobfit knows of each language it reads, kept as data.
//!
//! This module owns the language files, `rules/languages/<code>.toml` (embedded): per language,
//! the section heading keywords that [`crate::extract`] classifies headings by, and the sentence
//! cues that [`crate::matcher`] reads a hit's level from ([`Languages`], all files merged); and
//! the word forms of each language ([`WordForms`]: which stemmer, or which simple rule, reduces
//! a word to its stem). It sits below extract and the matcher in the flow and imports neither:
//! they map its lists onto their own kinds.

mod data;
mod forms;

pub use data::{Cues, Headings, Items, LanguageError, Languages};
pub use forms::{MIN_PREFIX_STEM, WordForms};

/// The embedded language files, parsed and merged once.
static LANGUAGES_DATA: std::sync::LazyLock<Result<Languages, LanguageError>> =
    std::sync::LazyLock::new(data::load);

/// Every embedded language file, merged; an error only if the embedded data is broken (a test
/// loads it).
pub fn languages() -> Result<&'static Languages, &'static LanguageError> {
    LANGUAGES_DATA.as_ref()
}

/// The ISO 639-1 codes of the languages a rule file may key lists by (`[skill.lang.<code>]`).
pub const LANGUAGES: &[&str] = &[
    "en", "de", "fr", "es", "pt", "it", "nl", "pl", "uk", "ru", "zh", "vi",
];

/// Whether `code` is one of [`LANGUAGES`].
pub fn is_known(code: &str) -> bool {
    LANGUAGES.contains(&code)
}

#[cfg(test)]
mod tests {
    #[test]
    fn embedded_language_files_load() {
        let all = super::languages().unwrap();
        assert!(all.headings.requirements.iter().any(|w| w == "ihr profil"));
        assert!(all.cues.preferred.iter().any(|w| w == "nice to have"));
    }
}
