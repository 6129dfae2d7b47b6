//! The words of `sites/labels.toml` (with a user's `[labels]` additions) that the page reader
//! reads names and places by, beyond field labels: companies' legal forms ("A/S", "GmbH") and
//! the phrases of a posting's text that name its place ("this position is located in").

use super::places::looks_like_place;
use crate::extract::sites::bare;

/// The legal form that ends `name` ("A/S" in "Hobbii A/S", "B.V." in "Methos B.V."), compared
/// without dots and case: the `legal_form` words of `sites/labels.toml`, with the user's.
pub fn legal_form(name: &str) -> Option<&'static str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let sites = crate::extract::sites::active();
    let forms = &sites.labels().legal_form;
    let index = sites.legal_forms();
    // The forms the name ends in, in the list's order; for the first whose words before it
    // make a name, the other forms are searched for a longer one they could begin.
    index.ending(&words).into_iter().find_map(|at| {
        let form = forms.get(at)?;
        let head = words.get(..words.len() - index.words_of(at))?;
        // The name before the form is capitalised words ("Bixter.dk ApS", "KK Wind Solutions
        // A/S"), the first with a letter, and not the start of a longer form ("Pty Ltd").
        let named = head
            .first()
            .is_some_and(|w| w.chars().any(char::is_alphabetic))
            && head.iter().all(|w| {
                *w == "&"
                    || w.chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            });
        if !named {
            return None;
        }
        let head_form = format!("{} ", bare(&head.join(" ")));
        let longer = index.bare_forms().iter().any(|f| f.starts_with(&head_form));
        (!longer).then_some(form.as_str())
    })
}

/// Whether `words` end in a legal form ("KK Wind Solutions A/S"), whatever comes before it:
/// no name made of a tail of `words` can have a legal form ([`legal_form`]) when this is false.
pub fn ends_in_legal_form(words: &[&str]) -> bool {
    crate::extract::sites::active().legal_forms().ends(words)
}

/// `name` without its legal form ("Methos B.V.": "Methos").
pub fn without_legal_form(name: &str) -> &str {
    let Some(form) = legal_form(name) else {
        return name.trim();
    };
    let mut rest = name.trim_end();
    for _ in 0..form.split_whitespace().count() {
        rest = rest
            .rsplit_once(char::is_whitespace)
            .map_or("", |(head, _)| head)
            .trim_end();
    }
    rest.trim_end_matches(',').trim()
}

/// Most words of a place read after a phrase.
const MAX_PLACE_WORDS: usize = 3;

/// Most words of a name and its town read after a phrase.
const MAX_NAMED_PLACE_WORDS: usize = 5;

/// The first place named in `texts` (blocks of the posting's text) after one of the
/// `place_phrase` words of `sites/labels.toml` ("this position is located in Aalborg."): the
/// capitalised words that follow, up to a punctuation mark; a one-word place in another case
/// as it is named ("iz Beograda": "Beograd").
pub fn place_in_text<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let sites = crate::extract::sites::active();
    let automaton = sites.label_sets().place_phrases.as_ref();
    words_after_phrase(
        texts,
        &sites.labels().place_phrase,
        automaton,
        MAX_PLACE_WORDS,
    )
    .map(uninflected)
}

/// The name and town the posting's text names after one of the `name_place_phrase` words of
/// `sites/labels.toml` ("to join our team at Engage Hub Manchester"): the capitalised words
/// that follow, up to a punctuation mark; the town is what follows the employer's name.
pub fn named_place_in_text<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let sites = crate::extract::sites::active();
    words_after_phrase(
        texts,
        &sites.labels().name_place_phrase,
        None,
        MAX_NAMED_PLACE_WORDS,
    )
}

/// The capitalised words after the first of `phrases` in `texts` (`automaton` finds whether a
/// text holds any of them).
fn words_after_phrase<'a>(
    texts: impl IntoIterator<Item = &'a str>,
    phrases: &[String],
    automaton: Option<&aho_corasick::AhoCorasick>,
    max_words: usize,
) -> Option<String> {
    if phrases.is_empty() {
        return None;
    }
    for text in texts {
        let lower = text.to_lowercase();
        // Lowercasing keeps byte offsets only for text whose case maps keep lengths.
        if lower.len() != text.len() {
            continue;
        }
        // A text with none of the phrases is passed over in one scan.
        if automaton.is_some_and(|a| !a.is_match(&lower)) {
            continue;
        }
        for phrase in phrases {
            let Some(at) = lower.find(phrase.as_str()) else {
                continue;
            };
            let rest = text.get(at + phrase.len()..).unwrap_or_default();
            let mut place = String::new();
            let mut comma = false;
            let words: Vec<&str> = rest
                .split_whitespace()
                .take(max_words + MAX_JOINERS)
                .collect();
            let mut named = 0;
            for (i, word) in words.iter().enumerate() {
                let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
                if !bare.chars().next().is_some_and(char::is_uppercase) {
                    // "am Standort Frankfurt am Main": a joiner between capitalised words of
                    // one name goes on to them.
                    if joins_name(&place, comma, word, words.get(i + 1..).unwrap_or_default()) {
                        place.push(' ');
                        place.push_str(word);
                        continue;
                    }
                    break;
                }
                if named == max_words {
                    break;
                }
                named += 1;
                // "Palermo, Buenos Aires": a comma goes on to the next capitalised word.
                if !place.is_empty() {
                    place.push_str(if comma { ", " } else { " " });
                }
                place.push_str(bare);
                comma = word.get(bare.len()..) == Some(",");
                if bare.len() != word.len() && !comma {
                    break;
                }
            }
            if !place.is_empty() {
                return Some(place);
            }
        }
    }
    None
}

/// Most lowercase joiners read inside a place's name ("an der" of "Frankfurt an der Oder").
const MAX_JOINERS: usize = 2;

/// Lowercase words that join the capitalised words of one place's name ("Frankfurt am Main",
/// "Newcastle upon Tyne", "Boulogne sur Mer", "Ústí nad Labem").
const JOINERS: &[&str] = &[
    "am", "an", "der", "im", "upon", "sur", "de", "del", "di", "nad", "pod", "aan", "ob",
];

/// Whether the lowercase `word` joins the place read so far to a capitalised word among the
/// joiners that follow it.
fn joins_name(place: &str, comma: bool, word: &str, next: &[&str]) -> bool {
    if place.is_empty() || comma || !JOINERS.contains(&word) {
        return false;
    }
    next.iter()
        .take(MAX_JOINERS)
        .find(|w| !JOINERS.contains(w))
        .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Endings of a one-word place in another grammatical case ("iz Beograda", from Belgrade).
const CASE_ENDINGS: &[&str] = &["a", "u", "e", "om", "i"];

/// A one-word place in another case as it is named ("Beograda": "Beograd"), when the word
/// without a case ending is a known place and the word itself is not; else the place as read.
fn uninflected(place: String) -> String {
    if place.contains(' ') || looks_like_place(&place) {
        return place;
    }
    CASE_ENDINGS
        .iter()
        .find_map(|ending| {
            let stem = place.strip_suffix(ending)?;
            (stem.chars().count() >= 3 && looks_like_place(stem)).then(|| stem.to_owned())
        })
        .unwrap_or(place)
}

/// "Illinois Institute of Technology is an EEO/AA ... employer", "Acme Corp. is an equal
/// opportunity employer": the employer a posting's closing statement names.
static EMPLOYER_STATEMENT: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(
    || {
        regex::Regex::new(
            r"(?:^|[.!?]\s+)(?P<name>[A-Z][\p{L}\p{N}&.'-]*(?:\s+(?:of|the|and|for|&|[A-Z][\p{L}\p{N}&.'-]*)){0,6})\s+is\s+(?:proud to be\s+)?an?\s+[^.]{0,100}?\bemployer\b",
        )
        .ok()
    },
);

/// The literal word of [`EMPLOYER_STATEMENT`].
static EMPLOYER_WORD: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("employer"));

/// Words that start a statement's subject that is not a name ("The company is an equal
/// opportunity employer", "This organization...").
const NOT_A_NAME_START: &[&str] = &["The", "This", "Our", "It", "We", "Each", "Every"];

/// The employer named by a statement of the posting's text that it "is an ... employer"
/// (the equal-opportunity line most postings end with).
pub fn employer_in_text<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let statement = EMPLOYER_STATEMENT.as_ref()?;
    texts.into_iter().find_map(|text| {
        // The word every statement holds, found by a prebuilt searcher: most blocks lack it,
        // and the pattern, too large for its lazy DFA over long blocks, would fall back to a
        // backtracking search of each.
        EMPLOYER_WORD.find(text.as_bytes())?;
        let name = statement.captures(text)?.name("name")?.as_str().trim();
        let first = name.split_whitespace().next()?;
        (!NOT_A_NAME_START.contains(&first) && name.chars().count() <= 80).then(|| name.to_owned())
    })
}

/// "Warner Bros. Games Inc. seeks a DevOps Engineer for its studio based in Troy, NY.": a
/// posting's first sentence that names its employer as the one who seeks, is looking for or is
/// hiring someone, and may name the place the job is "based in".
static SEEKER: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"^(?P<name>[A-Z][\p{L}\p{N}&.'-]*(?:\s+(?:of|the|and|&|[A-Z][\p{L}\p{N}&.'-]*)){0,6})\s+(?:seeks|is seeking|is looking for|is hiring|is recruiting)\s+(?:an?\s+|one\s+)?(?P<rest>.*)",
    )
    .ok()
});

/// "based in Troy, NY": the place a sentence names for the job or its team.
static BASED_IN: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
    regex::Regex::new(
        r"\b(?:based|located) in (?P<place>\p{Lu}[\p{L}'-]*(?:\s\p{Lu}[\p{L}'-]*){0,2}(?:,\s[A-Z]{2}\b)?)",
    )
    .ok()
});

/// The employer and the place a posting's first sentence names: "X seeks a `<role>` ... based
/// in `<place>`" (the `SEEKER` pattern). Read in the first of `texts` (blocks of the posting's
/// text) that has a sentence.
pub fn seeker_in_text<'a>(
    texts: impl IntoIterator<Item = &'a str>,
) -> Option<(String, Option<String>)> {
    let seeker = SEEKER.as_ref()?;
    let text = texts
        .into_iter()
        .find(|t| t.split_whitespace().count() >= 6)?;
    let found = seeker.captures(text.trim())?;
    let name = found.name("name")?.as_str().trim();
    let first = name.split_whitespace().next()?;
    if NOT_A_NAME_START.contains(&first) || first == "We" || name.chars().count() > 80 {
        return None;
    }
    let rest = found.name("rest").map_or("", |r| r.as_str());
    let rest = rest.split(". ").next().unwrap_or_default();
    let place = BASED_IN
        .as_ref()
        .and_then(|b| b.captures(rest))
        .and_then(|c| c.name("place"))
        .map(|p| p.as_str().to_owned());
    Some((name.to_owned(), place))
}
