//! Names the page's text repeats: the `author` meta tag's and a copyright line's owner, each
//! the employer's name only when the posting's text names it again.

use super::super::{RawBlock, meta};

/// The page's `author` meta tag, when it is one capitalised word ("CTcue") that the text
/// names twice: a site's owner, not a user name ("admin") nor a person's two names.
pub(super) fn author(names: &[(String, &'static str)], blocks: &[RawBlock]) -> Option<String> {
    names
        .iter()
        .find(|(_, rule)| *rule == meta::page::AUTHOR_META)
        .map(|(name, _)| name.as_str())
        // One capitalised word ("CTcue"), not a user name ("admin") nor a person's two names.
        .filter(|name| {
            !name.contains(char::is_whitespace)
                && name.chars().count() <= 30
                && name.starts_with(char::is_uppercase)
        })
        .filter(|name| {
            blocks
                .iter()
                .flat_map(|b| b.text.split(|c: char| !c.is_alphanumeric()))
                .filter(|word| word == name)
                .nth(1)
                .is_some()
        })
        .map(str::to_owned)
}

/// Most words of a copyright line's owner read as a company's name without a legal form.
const MAX_OWNER_WORDS: usize = 4;

/// The owner of a copyright line with no legal form ("Copyright (c) 2017, Liksi"), when the
/// posting's text names it again as whole words ("Chez LIKSI"), outside a copyright line.
pub(super) fn copyright_named(
    names: &[(String, &'static str)],
    blocks: &[RawBlock],
) -> Option<String> {
    let texts: Vec<String> = blocks
        .iter()
        .map(|b| b.text.to_lowercase())
        .filter(|t| !t.contains('©') && !t.contains("copyright"))
        .collect();
    names
        .iter()
        .filter(|(_, rule)| *rule == "the copyright line")
        .map(|(name, _)| name.as_str())
        // "© 2025 Presidio, Inc." and "At Presidio, we're ...": the name without its legal form
        // is the one the text repeats.
        .map(meta::page::without_legal_form)
        .find(|name| {
            let lower = name.to_lowercase();
            name.split_whitespace().count() <= MAX_OWNER_WORDS
                && name.starts_with(char::is_uppercase)
                && texts.iter().any(|t| holds_words(t, &lower))
        })
        .map(str::to_owned)
}

/// Most logos' names a page shows of its own and its host's: more are a strip of clients'.
const MAX_OWN_LOGOS: usize = 2;

/// Most words of a site's or logo's name read as the employer's.
const MAX_SITE_WORDS: usize = 4;

/// The site's name (`og:site_name`), else a logo's name ("arla foods logo"), when the
/// posting's text names it again as whole words ("Als fysiotherapeut bij Fysiotherapie
/// Douma"), outside a copyright line: the employer that owns the site, spelt as the text
/// spells it; the site's name first.
pub(super) fn site_named(
    site_name: Option<&str>,
    names: &[(String, &'static str)],
    blocks: &[RawBlock],
) -> Vec<String> {
    let texts: Vec<&str> = blocks
        .iter()
        .map(|b| b.text.as_str())
        .filter(|t| !t.contains('©') && !t.to_lowercase().contains("copyright"))
        .collect();
    // A strip of logos ("Microsoft Logo", "Airbnb Logo": a platform's clients) names no owner:
    // a logo's name counts on a page with at most two (the site's and a board's).
    let mut logos: Vec<&str> = names
        .iter()
        .filter(|(_, rule)| *rule == "a logo's text" || *rule == meta::page::LOGO_IMAGE)
        .map(|(name, _)| name.as_str())
        .collect();
    logos.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    if logos.len() > MAX_OWN_LOGOS {
        logos.clear();
    }
    site_name
        .into_iter()
        .chain(logos)
        .map(str::trim)
        .filter(|name| {
            let words = name.split_whitespace().count();
            (1..=MAX_SITE_WORDS).contains(&words) && name.chars().count() >= 3
        })
        .filter_map(|name| {
            let lower = name.to_lowercase();
            texts.iter().find_map(|text| spelt_in(text, &lower))
        })
        .collect()
}

/// The words `lower` (lowercase) as `text` spells them, when it holds them whole and they
/// start with a capital there.
fn spelt_in(text: &str, lower: &str) -> Option<String> {
    let folded = text.to_lowercase();
    // Lowercasing kept every byte offset: the match is found in `text` at the same place.
    if folded.len() != text.len() || !holds_words(&folded, lower) {
        return None;
    }
    folded.match_indices(lower).find_map(|(at, _)| {
        let before = folded.get(..at).and_then(|t| t.chars().next_back());
        let after = folded
            .get(at + lower.len()..)
            .and_then(|t| t.chars().next());
        let whole =
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric);
        let spelt = text.get(at..at + lower.len())?;
        (whole && spelt.starts_with(char::is_uppercase)).then(|| spelt.to_owned())
    })
}

/// Whether `text` holds `words` with no letter or digit right before or after them.
fn holds_words(text: &str, words: &str) -> bool {
    text.match_indices(words).any(|(at, _)| {
        let before = text.get(..at).and_then(|t| t.chars().next_back());
        let after = text.get(at + words.len()..).and_then(|t| t.chars().next());
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}
