//! Word forms: how a word of a language is reduced to the stem its inflected and derived forms
//! share, so that one rule entry ("prioritize", "teamfähig") matches them all.
//!
//! Languages with a Snowball stemmer in rust-stemmers (en, de, fr, es, pt, it, nl, ru) use it.
//! English words are first brought to the -ize spelling (`organise`, `organisation` ->
//! `organize`, `organization`), so British and American spellings share a stem.
//!
//! The other languages (pl and uk have no Snowball stemmer there; zh and vi do not inflect) use
//! a simple rule, [`WordForms::Prefix`]: the word's stem is the word without the longest of a
//! short list of inflectional endings that leaves at least [`MIN_PREFIX_STEM`] characters, and a
//! text word is a form of it when it begins with that stem (as the phrase `stem*` would).
//! Chinese, written without spaces, finds the entry as written ([`WordForms::Literal`]).

use rust_stemmers::{Algorithm, Stemmer};

/// How the words of one language are reduced to their stems.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordForms {
    /// The Snowball stemmer of the language: a text word is a form of an entry's word when
    /// both have the same stem.
    Snowball(Algorithm),
    /// The entry's word cut by a list of endings (see the module docs): a text word is a form
    /// of it when it begins with that stem.
    Prefix(&'static [&'static str]),
    /// No word forms and no spaces between words (Chinese): the entry is found as written,
    /// anywhere, as a phrase is.
    Literal,
}

/// The fewest characters the [`WordForms::Prefix`] rule leaves of a word.
pub const MIN_PREFIX_STEM: usize = 4;

/// Polish noun and adjective endings, cut by [`WordForms::Prefix`].
const POLISH_ENDINGS: &[&str] = &[
    "ami", "ach", "ego", "emu", "ych", "ymi", "ich", "imi", "owi", "om", "em", "ej", "ym", "im",
    "ów", "ie", "ą", "ę", "a", "e", "i", "o", "u", "y",
];

/// Ukrainian noun and adjective endings, cut by [`WordForms::Prefix`].
const UKRAINIAN_ENDINGS: &[&str] = &[
    "ами", "ями", "ого", "ому", "ими", "ах", "ях", "их", "ій", "ої", "ою", "ею", "ом", "ем", "ам",
    "ям", "ів", "ей", "а", "я", "о", "е", "у", "ю", "і", "и", "ї", "ь", "й",
];

impl WordForms {
    /// The word forms of the language with ISO 639-1 code `code`, if it is one jobfit knows.
    pub fn of(code: &str) -> Option<WordForms> {
        let snowball = match code {
            "en" => Algorithm::English,
            "de" => Algorithm::German,
            "fr" => Algorithm::French,
            "es" => Algorithm::Spanish,
            "pt" => Algorithm::Portuguese,
            "it" => Algorithm::Italian,
            "nl" => Algorithm::Dutch,
            "ru" => Algorithm::Russian,
            "pl" => return Some(WordForms::Prefix(POLISH_ENDINGS)),
            "uk" => return Some(WordForms::Prefix(UKRAINIAN_ENDINGS)),
            "vi" => return Some(WordForms::Prefix(&[])),
            "zh" => return Some(WordForms::Literal),
            _ => return None,
        };
        Some(WordForms::Snowball(snowball))
    }

    /// The stem of `word`, which must be lowercase.
    pub fn stem(self, word: &str) -> String {
        match self {
            WordForms::Snowball(algorithm) => {
                let stemmer = Stemmer::create(algorithm);
                if algorithm == Algorithm::English {
                    stemmer.stem(&american(word)).into_owned()
                } else {
                    stemmer.stem(word).into_owned()
                }
            }
            WordForms::Literal => word.to_owned(),
            WordForms::Prefix(endings) => {
                let chars = word.chars().count();
                endings
                    .iter()
                    .filter(|e| word.ends_with(*e) && chars >= e.chars().count() + MIN_PREFIX_STEM)
                    .max_by_key(|e| e.len())
                    .and_then(|e| word.get(..word.len() - e.len()))
                    .unwrap_or(word)
                    .to_owned()
            }
        }
    }

    /// Whether the lowercase text word `word` is a form of the word whose stem is `stem`.
    pub fn is_form(self, word: &str, stem: &str) -> bool {
        match self {
            WordForms::Snowball(_) => self.stem(word) == stem,
            WordForms::Prefix(_) => word.starts_with(stem),
            WordForms::Literal => word == stem,
        }
    }

    /// The spellings of lowercase `word` that a text may use and that the stem must be found
    /// from: the word, and for English its -ise spelling when it has an -ize one.
    pub fn spellings(self, word: &str) -> Vec<String> {
        let mut out = vec![word.to_owned()];
        if self == WordForms::Snowball(Algorithm::English) {
            let us = american(word);
            if us != word {
                out.push(us.into_owned());
            } else if let Some(gb) = british(word) {
                out.push(gb);
            }
        }
        out
    }
}

/// The -ise / -isation endings (British) and their -ize / -ization forms.
const ISE_ENDINGS: &[(&str, &str)] = &[
    ("isations", "izations"),
    ("isation", "ization"),
    ("isers", "izers"),
    ("ising", "izing"),
    ("iser", "izer"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ise", "ize"),
];

/// Shortest stem before an -ise ending that is respelled (`rise`, `wise` are not).
const MIN_ISE_STEM: usize = 3;

/// `word` with a British -ise ending respelled -ize.
fn american(word: &str) -> std::borrow::Cow<'_, str> {
    for (gb, us) in ISE_ENDINGS {
        if let Some(stem) = word.strip_suffix(gb)
            && stem.chars().count() >= MIN_ISE_STEM
        {
            return format!("{stem}{us}").into();
        }
    }
    word.into()
}

/// `word` with an -ize ending respelled -ise, if it has one.
fn british(word: &str) -> Option<String> {
    ISE_ENDINGS.iter().find_map(|(gb, us)| {
        word.strip_suffix(us)
            .filter(|stem| stem.chars().count() >= MIN_ISE_STEM)
            .map(|stem| format!("{stem}{gb}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> WordForms {
        WordForms::of("en").unwrap()
    }

    #[test]
    fn english_forms_share_a_stem_in_both_spellings() {
        let stem = en().stem("prioritize");
        for form in [
            "prioritise",
            "prioritizing",
            "prioritising",
            "prioritization",
            "prioritisation",
            "prioritized",
        ] {
            assert!(en().is_form(form, &stem), "{form} -> {}", en().stem(form));
        }
        assert!(!en().is_form("priority", &stem) || en().stem("priority") == stem);
    }

    #[test]
    fn german_forms_share_a_stem() {
        let de = WordForms::of("de").unwrap();
        let stem = de.stem("teamfähig");
        assert!(
            de.is_form("teamfähigkeit", &stem),
            "{}",
            de.stem("teamfähigkeit")
        );
    }

    #[test]
    fn polish_and_ukrainian_cut_an_ending() {
        let pl = WordForms::of("pl").unwrap();
        assert_eq!(pl.stem("komunikacja"), "komunikacj");
        assert!(pl.is_form("komunikacji", "komunikacj"));
        let uk = WordForms::of("uk").unwrap();
        assert_eq!(uk.stem("комунікація"), "комунікаці");
        assert!(WordForms::of("xx").is_none());
    }
}
