//! The vocabulary of labels: which `class`, `id` and `data-*` values name a title, a company
//! or a location, which words before a value label it ("Location", "Standort"), what a location
//! icon looks like, and what a value may be. Data and small predicates, no state: the
//! collector in the parent module drives them. The words that label a value in each language
//! are data, in `sites/labels.toml` (embedded; a user's site file adds words in its `[labels]`
//! table), read through the active site profiles.

use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use super::super::Attributes;
use super::{Field, clean};
use crate::extract::sites::{self, LabelWords};

/// The label words in use: the built-in ones and the user's.
fn label_list() -> &'static LabelWords {
    sites::active().labels()
}

/// Whether `label` (lowercase) is one of `list`. Labels in scripts written without spaces
/// (Chinese, Japanese, Korean) match with or without them: "근무예정지", "근무 예정지".
fn listed(list: &[String], label: &str) -> bool {
    if list.iter().any(|l| l == label) {
        return true;
    }
    if !label.chars().any(sites::cjk) {
        return false;
    }
    let bare = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let label = bare(label);
    list.iter().any(|l| bare(l) == label)
}

/// "The Diagnostic Image Analysis Group is part of the Radboud University Medical Center.": a
/// run of text that names a unit, one of the `part_of` phrases of `sites/labels.toml`, and the
/// organization the unit belongs to. The organization is empty when the run ends with the
/// phrase (the name is the next run, a link).
pub(super) fn part_of(run: &str) -> Option<(String, String)> {
    if run.len() > MAX_PART_OF_RUN || !may_hold_part_of(run) {
        return None;
    }
    let lower = run.to_ascii_lowercase();
    label_list().part_of.iter().find_map(|phrase| {
        let spaced = |i: usize| lower.len() == i || lower.as_bytes().get(i) == Some(&b' ');
        let (at, _) = lower
            .match_indices(phrase.as_str())
            .find(|(at, _)| at.checked_sub(1).is_some_and(spaced) && spaced(at + phrase.len()))?;
        let unit = run.get(..at)?.trim();
        let unit = unit.strip_prefix("The ").unwrap_or(unit).trim();
        let words = unit.split_whitespace().count();
        if words == 0 || words > MAX_PART_NAME_WORDS || !unit.starts_with(char::is_uppercase) {
            return None;
        }
        let mut rest = run.get(at + phrase.len()..)?.trim();
        // "... is part of the" with the name in the next run, or "part of the Radboud ...".
        for article in ["the", "der", "des", "de la", "du", "de", "van", "del", "di"] {
            if rest == article {
                rest = "";
            } else if let Some(name) = rest.strip_prefix(article).and_then(|r| r.strip_prefix(' '))
            {
                rest = name.trim_start();
                break;
            }
        }
        Some((unit.to_owned(), organization_name(rest).unwrap_or_default()))
    })
}

/// The name a run of text starts with, up to its first stop or comma: the organization of
/// [`part_of`].
pub(super) fn organization_name(run: &str) -> Option<String> {
    let name = run.split(['.', ',', ';', '(', ')']).next()?.trim();
    let words = name.split_whitespace().count();
    (words > 0 && words <= MAX_PART_NAME_WORDS).then(|| name.to_owned())
}

/// Whether `run` holds one of the `part_of` phrases in any ASCII case (what [`part_of`] looks
/// for in its ASCII-lowercased copy): one search of an automaton built once, instead of a
/// lowercased copy and a search per phrase for every run of a page. The automaton is of the
/// profiles first read; should others be active, every run may hold a phrase.
fn may_hold_part_of(run: &str) -> bool {
    static PHRASES: OnceLock<(usize, Option<AhoCorasick>)> = OnceLock::new();
    let words = label_list();
    let (owner, phrases) = PHRASES.get_or_init(|| {
        let phrases = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&words.part_of)
            .ok();
        (std::ptr::from_ref(words) as usize, phrases)
    });
    match phrases {
        Some(phrases) if *owner == std::ptr::from_ref(words) as usize => phrases.is_match(run),
        _ => true,
    }
}

/// Longest run of text read for [`part_of`].
const MAX_PART_OF_RUN: usize = 300;

/// Most words of a unit's or an organization's name in [`part_of`].
const MAX_PART_NAME_WORDS: usize = 8;

/// The owner a copyright line names: "© 2024 Latham & Watkins LLP. All rights reserved."
pub(super) fn copyright_owner(text: &str) -> Option<String> {
    // Most runs have neither the sign (its last byte 0xA9) nor "Copyright": passed over with
    // one scan for the two bytes.
    memchr::memchr2(0xA9, b'C', text.as_bytes())?;
    let at = text
        .find('©')
        .map(|at| at + '©'.len_utf8())
        .or_else(|| text.find("Copyright ").map(|at| at + "Copyright ".len()))?;
    let rest = text.get(at..)?.trim_start();
    // "© Copyright 2023 Perplexity".
    let rest = match rest.get(..10) {
        Some(word) if word.eq_ignore_ascii_case("copyright ") => rest.get(10..)?,
        _ => rest,
    };
    // "Copyright (c) 2017, Liksi; tous droits réservés.", "© 2024 par CCL Consulting.".
    let rest = rest
        .strip_prefix("(c)")
        .or_else(|| rest.strip_prefix("(C)"))
        .unwrap_or(rest);
    let mut rest = rest.trim_start_matches(|c: char| {
        // "© Copyright 2026 | Fácil Insumos Generales": a bar between the year and the owner.
        c.is_ascii_digit() || c.is_whitespace() || matches!(c, '-' | '–' | ',' | '©' | '|')
    });
    for by in ["par ", "by "] {
        rest = rest.strip_prefix(by).unwrap_or(rest);
    }
    let end = ['.', '|', '·', '•', ';', '\n']
        .iter()
        .filter_map(|c| rest.find(*c))
        .chain(rest.find(" All rights"))
        .chain(rest.find(" - "))
        .chain(rest.find(" – "))
        .chain(rest.find(" — "))
        .min()
        .unwrap_or(rest.len());
    let name = clean(rest.get(..end)?)?;
    (name.chars().count() <= 60
        && name.split_whitespace().count() <= 6
        && name.chars().any(char::is_alphabetic))
    .then_some(name)
}

/// The field an icon stands before: a pin before the place (`class="location-icon"`,
/// `aria-label="location"` on an image, an icon titled "Місце роботи"), a building before the
/// employer (`class="glyphicon glyphicon-company"`).
pub(super) fn field_icon(name: &str, el: &impl Attributes) -> Option<Field> {
    let named = |key: &str| {
        el.attr(key)
            .and_then(value_label)
            .filter(|f| *f != Field::Title)
    };
    if let Some(field) = named("aria-label") {
        return Some(field);
    }
    // A `title` names what an empty icon stands for; on other elements it is a tooltip.
    if matches!(name, "span" | "i" | "img" | "svg")
        && el.attr("title").is_some()
        && el.attr("class").is_some_and(|class| {
            class.split_ascii_whitespace().any(|c| {
                label_words(c)
                    .iter()
                    .any(|w| ICON_WORDS.contains(&w.as_str()))
            })
        })
        && let Some(field) = named("title")
    {
        return Some(field);
    }
    // `<img src="/image/location-marker.svg" alt>`: a pin named by its image's file.
    if name == "img"
        && let Some(src) = el.attr("src")
    {
        let file = src.rsplit('/').next().unwrap_or_default();
        let stem = file.split('.').next().unwrap_or_default();
        let words = label_words(stem);
        let has = |w: &str| words.iter().any(|x| x == w);
        if (has("location") || has("map")) && (has("marker") || has("pin")) {
            return Some(Field::Location);
        }
    }
    el.attr("class")
        .filter(|class| ICON_FIELD_HINTS.as_ref().is_none_or(|h| h.is_match(class)))
        .and_then(|class| {
            class.split_ascii_whitespace().find_map(|c| {
                let words = label_words(c);
                let has = |w: &str| words.iter().any(|x| x == w);
                let icon = words.iter().any(|w| ICON_WORDS.contains(&w.as_str()));
                if ((has("location") || has("place")) && (icon || has("pin") || has("marker")))
                // Font Awesome's and Bootstrap's pins: `fa-map-marker`, `bi-geo-alt`.
                || (has("map") && (has("marker") || has("pin")))
                || (has("geo") && has("alt"))
                {
                    Some(Field::Location)
                } else if icon && (has("company") || has("employer")) {
                    Some(Field::Company)
                } else {
                    None
                }
            })
        })
}

/// Substrings of every class that [`field_icon`] reads as a field's icon: the words it asks
/// for are its parts, lowercased; one automaton passes most classes over before any is split
/// into words.
static ICON_FIELD_HINTS: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(["location", "place", "map", "geo", "company", "employer"])
            .ok()
    });

/// Words of a class that make an element an icon.
const ICON_WORDS: &[&str] = &["icon", "glyphicon", "ico"];

/// Attributes whose values label what an element holds.
const LABEL_ATTRIBUTES: &[&str] = &[
    "class",
    "id",
    "data-testid",
    "data-test",
    "data-test-id",
    "data-automation",
    "data-automation-id",
    "data-at",
    "data-qa",
    "data-cy",
    "data-field",
    "data-ui",
];

/// The field a labeled element names, and the attribute that says so.
pub(super) fn labeled(name: &str, el: &impl Attributes) -> Option<(Field, String)> {
    if matches!(
        name,
        "img"
            | "svg"
            | "input"
            | "select"
            | "option"
            | "button"
            | "label"
            | "meta"
            | "link"
            | "title"
            | "head"
            | "script"
            | "style"
    ) {
        return None;
    }
    for attribute in LABEL_ATTRIBUTES {
        let Some(value) = el.attr(attribute) else {
            continue;
        };
        if value.len() > 300 || !LABEL_HINTS.as_ref().is_some_and(|h| h.is_match(value)) {
            continue;
        }
        // An `id` cannot hold spaces: "Location Name" is a form's caption copied into it, read
        // from the caption itself (see [`value_label`]).
        if *attribute == "id" && value.contains(' ') {
            continue;
        }
        for class in value.split_ascii_whitespace() {
            if let Some(field) = field_of_label(class) {
                return Some((field, format!("element {attribute}=\"{class}\"")));
            }
        }
    }
    None
}

/// Substrings that every label naming a field contains: one automaton checks an attribute
/// before it is split into words, so that most elements cost one scan of their class.
static LABEL_HINTS: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build([
                "compan",
                "employer",
                "organi",
                "advertiser",
                "org",
                "locat",
                "localit",
                "municip",
                "title",
                "jobname",
                // "page-header", "pageHeading": a page's own heading (see [`field_of_label`]).
                "pagehead",
                "page-head",
                "page_head",
            ])
            .ok()
    });

/// Splits a label into lowercase words at punctuation and camelCase humps:
/// `inlineHeader-companyName` -> `inline header company name`.
pub(super) fn label_words(label: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut previous_lower = false;
    for c in label.chars() {
        if !c.is_ascii_alphanumeric() {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            previous_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && previous_lower && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        word.push(c.to_ascii_lowercase());
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// Words of a label that say the element is not the value itself.
const NOT_A_VALUE: &[&str] = &[
    // A contact block's "company" link names the recruiter ("jd-contact-company": a person).
    "contact",
    // A company profile's tab bar ("CompanyProfileNavigation": "O nás Volná místa 37").
    "navigation",
    "logo",
    "icon",
    "img",
    "image",
    "avatar",
    "label",
    "search",
    "filter",
    "input",
    "select",
    "button",
    "btn",
    "tooltip",
    "similar",
    "related",
    "recommended",
    "recommendation",
    "other",
    "more",
    "subtitle",
    "description",
    "desc",
    "about",
    "size",
    "stats",
    "statistics",
    "property",
    "industry",
    "rating",
    "review",
    "reviews",
    "follow",
    "followers",
    "link-list",
    "map",
    "salary",
    "count",
    "type",
    "list",
    "header-links",
    "tab",
    "tabs",
    "modal",
    "form",
    "wrapper",
    "container",
    "section",
    "sidebar",
    "alert",
    "dropdown",
    "menu",
    "nav",
    "picker",
    "autocomplete",
    "suggest",
    "suggestion",
    "placeholder",
    "text-input",
    "field",
];

/// Words that name a job in a title label (`job-title`, `posting-title`, `topcard__title`).
const JOB_WORDS: &[&str] = &[
    "job",
    "jobs",
    "jobsearch",
    "posting",
    "position",
    "vacancy",
    "offer",
    "role",
    "topcard",
    "top",
    "header",
    "detail",
    "details",
    "heading",
    "hero",
    "opening",
    "career",
    "page",
    "stelle",
    "jobad",
];

/// The field an element's class or other label names, if any.
pub(super) fn field_of_label(label: &str) -> Option<Field> {
    let words = label_words(label);
    if words.is_empty() || words.len() > 8 {
        return None;
    }
    let has = |w: &str| words.iter().any(|x| x == w);
    if words.iter().any(|w| NOT_A_VALUE.contains(&w.as_str())) {
        return None;
    }
    if has("company")
        || has("companyname")
        || has("employer")
        || has("organization")
        || has("organisation")
        || has("advertiser")
        || has("hiringorganization")
        || (has("org") && has("name"))
    {
        return Some(Field::Company);
    }
    if has("location")
        || has("locality")
        || has("joblocation")
        || has("locations")
        || has("municipality")
    {
        return Some(Field::Location);
    }
    if (has("page") && (has("header") || has("heading")) && words.len() <= 3)
        || (has("title") && words.iter().any(|w| JOB_WORDS.contains(&w.as_str())))
        || has("jobtitle")
        || has("jobname")
    {
        return Some(Field::Title);
    }
    None
}

/// Whether a company element's text only restates its own label, as a link to a profile does
/// (`class="jobad-element-company-profile"` holding "Company Profile"): every word of the text
/// is a word of the class or id named in `rule` (as [`labeled`] words it).
pub(super) fn restates_label(rule: &str, text: &str) -> bool {
    let Some((_, label)) = rule.split_once("=\"") else {
        return false;
    };
    let label = label_words(label.trim_end_matches('"'));
    let mut words = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .peekable();
    words.peek().is_some() && words.all(|w| label.iter().any(|l| l.eq_ignore_ascii_case(w)))
}

/// Whether the value `text` read after the label `label` can stand: a weak label
/// (`place_name` in `sites/labels.toml`) needs a value with a comma.
pub(super) fn fits_label(label: &str, text: &str) -> bool {
    let label = label.trim().trim_end_matches(':').trim().to_lowercase();
    !listed(&label_list().place_name, &label) || text.contains(',')
}

/// Whether `text` is the label of a bare name ("Nom :", "Name"): the `name` list.
pub(super) fn name_label(text: &str) -> bool {
    whole_label(&label_list().name, text)
}

/// Whether `text` is the label of a unit of the employer ("Business Unit"): the `unit` list.
pub(super) fn unit_label(text: &str) -> bool {
    whole_label(&label_list().unit, text)
}

/// Whether `text`, trimmed of white space and a colon, is one of `list` (lowercase).
fn whole_label(list: &[String], text: &str) -> bool {
    let label = text.trim().trim_end_matches([':', '：']).trim();
    // Lowercase has as many characters or more, none of them white space: a label with more
    // characters than the longest word of the list has in bytes is none of them, whatever its
    // case. Most runs of a page are passed over so, before any copy is made.
    let longest = list.iter().map(String::len).max().unwrap_or(0);
    if label
        .chars()
        .filter(|c| !c.is_whitespace())
        .nth(longest)
        .is_some()
    {
        return false;
    }
    listed(list, &label.to_lowercase())
}

/// Whether a heading heads the company's part of a page ("Informations sur l'entreprise",
/// "About the company"): one of its words is a one-word company label.
pub(super) fn names_company_part(heading: &str) -> bool {
    let lower = heading.to_lowercase();
    lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| !word.is_empty() && label_list().company.iter().any(|l| l == word))
}

/// The field a standalone label names, if the text is one.
pub(super) fn value_label(text: &str) -> Option<Field> {
    let label = text.trim().trim_end_matches([':', '：']).trim();
    if label.is_empty() || label.len() > 40 {
        return None;
    }
    // An ASCII label (most runs) is lowercased on the stack, not into a new string.
    let mut buffer = [0u8; 40];
    let lower: std::borrow::Cow<'_, str> = match buffer.get_mut(..label.len()) {
        Some(to) if label.is_ascii() => {
            to.copy_from_slice(label.as_bytes());
            to.make_ascii_lowercase();
            std::str::from_utf8(to).map_or_else(
                |_| crate::extract::lower::lowercase(label).into(),
                std::borrow::Cow::Borrowed,
            )
        }
        _ => crate::extract::lower::lowercase(label).into(),
    };
    // "Work Location(s)": a label of one or more.
    let lower = if lower.contains("(s)") {
        lower.replace("(s)", "").into()
    } else {
        lower
    };
    if let Some(field) = listed_label(&lower) {
        return Some(field);
    }
    // "Organisation/Company", "Company/Institute": a label naming one field in several words.
    let mut fields = lower
        .split('/')
        .filter_map(|part| listed_label(part.trim()));
    let field = fields.next()?;
    (lower.contains('/') && fields.all(|f| f == field)).then_some(field)
}

/// The field a whole label (lowercase) names.
fn listed_label(lower: &str) -> Option<Field> {
    if lower.is_empty() {
        return None;
    }
    let sets = sites::active().label_sets();
    if sets.location.contains(lower) {
        Some(Field::Location)
    } else if sets.company.contains(lower) {
        Some(Field::Company)
    } else if sets.title.contains(lower) {
        Some(Field::Title)
    } else {
        None
    }
}

/// A value written after its label in one run of text: "Offices: San Diego", "Location:
/// Washington, DC" (a location or company label from the lists above, then a colon).
#[cfg(test)]
pub(super) fn inline_value(text: &str) -> Option<(Field, &str, &str)> {
    inline_value_of(text, value_label(text))
}

/// [`inline_value`] of a run whose own [`value_label`] is `own` (asked once by the caller).
pub(super) fn inline_value_of(text: &str, own: Option<Field>) -> Option<(Field, &str, &str)> {
    // "Beginn: nach Absprache | Arbeitsort: Landkreis Meißen": facts side by side, the first
    // not a field's: each is read.
    one_inline_value(text, own).or_else(|| {
        text.split('|')
            .skip(1)
            // A fact with no colon has no value after a label, whatever its own label.
            .filter(|fact| has_colon(fact))
            .find_map(|fact| one_inline_value(fact, value_label(fact.trim())))
    })
}

/// Whether `text` has a colon, plain or full-width.
fn has_colon(text: &str) -> bool {
    memchr::memchr(b':', text.as_bytes()).is_some() || text.contains('：')
}

/// [`inline_value_of`] of one fact.
fn one_inline_value(text: &str, own: Option<Field>) -> Option<(Field, &str, &str)> {
    let text = text.trim();
    // "Location: City" is itself a label.
    if text.len() > 120 || own.is_some() {
        return None;
    }
    // Most runs have no colon: passed over with one scan for its byte.
    if !has_colon(text) {
        return None;
    }
    let (label, value) = text.split_once([':', '：'])?;
    let field = value_label(label)?;
    let value = value.trim();
    // A name or a place, not a sentence ("Austin, TX (Relocation ... is not available.)").
    let short = value.chars().count() <= 60 && !value.ends_with('.') && !value.contains(". ");
    (field != Field::Title && !value.is_empty() && short).then_some((field, label.trim(), value))
}

pub(super) fn strip_label(field: Field, text: &str) -> &str {
    if field == Field::Title {
        return text;
    }
    if let Some((label, value)) = text.split_once(':') {
        let label = label.trim().to_lowercase();
        if listed(&label_list().value, &label) && !value.trim().is_empty() {
            return value.trim();
        }
    }
    text
}

/// Words of navigation and page sections, never in a company's name or a place
/// ("Career Programs", "Join Us" under menus labeled "Locations" and "Company").
const NOT_A_NAME: &[&str] = &[
    "career",
    "careers",
    "program",
    "programs",
    "jobs",
    "team",
    "teams",
    "apply",
    "search",
    "category",
    "view",
    "all",
    "see",
    "more",
    "login",
    "sign",
    "home",
    "about",
    "contact",
    "blog",
    "news",
    "events",
    "join",
    "us",
    "menu",
    "overview",
    "openings",
    "students",
    "map",
    "zoom",
    "scroll",
    "people",
    "employees",
];

/// Whether `text` can be the value of `field`: short enough, with a letter, not a bare label.
pub(super) fn plausible(field: Field, text: &str) -> bool {
    if field != Field::Title
        && text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            // "US" is a country in a list of places ("San Francisco, CA, US") or a coded place
            // ("US-IL-Yorkville"), "us" elsewhere.
            .filter(|w| {
                !(field == Field::Location
                    && *w == "US"
                    && (text.contains(',') || text.starts_with("US-")))
            })
            .enumerate()
            // "BAYADA Home Health Care": a company's name may hold such a word inside; it
            // never starts or ends with one ("Join Us", "Career Programs").
            .any(|(i, w)| {
                NOT_A_NAME.contains(&w.to_lowercase().as_str())
                    && (field != Field::Company
                        || i == 0
                        || !text
                            .split(|c: char| !c.is_alphanumeric())
                            .filter(|w| !w.is_empty())
                            .skip(i + 1)
                            .any(|rest| !NOT_A_NAME.contains(&rest.to_lowercase().as_str())))
            })
    {
        return false;
    }
    let (max_chars, max_words) = match field {
        Field::Title => (160, 20),
        Field::Company => (100, 10),
        Field::Location => (140, 10),
    };
    let chars = text.chars().count();
    let words = text.split_whitespace().count();
    if chars > max_chars || words > max_words || !text.chars().any(char::is_alphabetic) {
        return false;
    }
    // "(read about the company)": a link's aside in brackets, not a name.
    if field != Field::Title && text.starts_with('(') && text.ends_with(')') {
        return false;
    }
    let lower = text.trim_end_matches(':').trim().to_lowercase();
    // "<strong>OFFICE</strong> und <strong>GREENCLOUD</strong>": a word of a sentence that is
    // also a label word is followed by the sentence's next word, never a name or a place.
    if field != Field::Title && FUNCTION_WORDS.contains(&lower.as_str()) {
        return false;
    }
    !listed(&label_list().value, &lower)
        && lower != "title"
        && lower != "job title"
        && (field == Field::Title || !listed(&label_list().other, &lower))
}

/// Words that join a sentence's parts (conjunctions, articles, prepositions) in the languages
/// of the label lists: alone, never a name or a place.
const FUNCTION_WORDS: &[&str] = &[
    "and", "or", "the", "of", "in", "at", "for", "with", "to", "und", "oder", "der", "die", "das",
    "im", "mit", "für", "zu", "et", "ou", "le", "la", "les", "de", "du", "des", "à", "y", "o", "e",
    "el", "los", "las", "en", "con", "para", "i", "oraz", "lub", "w", "z", "na", "do", "og",
    "eller", "och", "ja", "tai", "het", "een", "van", "и", "или", "в", "на", "с", "і", "та",
];

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn a_sentence_word_after_a_label_word_is_no_value() {
        // tests/fixtures/pages/wolkenhof-stelle-it-techniker.html: "aus den Bereichen
        // <strong>IT</strong>, <strong>OFFICE</strong> und <strong>GREENCLOUD</strong>".
        assert_eq!(value_label("OFFICE"), Some(Field::Location));
        assert!(!plausible(Field::Location, "und"));
        assert!(!plausible(Field::Company, "and"));
        assert!(plausible(Field::Location, "Uelzen"));
        // The label of another field read after "Standort", whose value the page left empty.
        assert!(!plausible(Field::Location, "Starttermin"));
        assert!(!plausible(Field::Location, "Start Date"));
    }

    #[test]
    fn label_words_load_sorted_out_by_field() {
        let words: LabelWords = toml::from_str(sites::DEFAULT_LABELS).unwrap();
        assert!(listed(&words.location, "sijainti"));
        assert!(listed(&words.company, "company"));
        assert!(listed(&words.place_name, "location name"));
        for list in [&words.value, &words.location, &words.company, &words.title] {
            assert!(list.iter().all(|w| *w == w.to_lowercase()), "{list:?}");
        }
    }
}
