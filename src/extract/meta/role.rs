//! The role's level from its title, and the years of experience asked.

use std::sync::LazyLock;

use regex::Regex;

use super::salary::{head, tail};
use super::*;

pub(super) static LEVEL_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?P<intern>interns?|internship|trainee|apprentice(?:ship)?|werkstudent)\b|\b(?P<junior>junior|jr|graduate|entry[- ]level)\b|\b(?P<mid>mid|mid-level|midlevel|middle[- ]level|intermediate)\b|\b(?P<staffp>(?:senior|sr)\.?\s+(?:staff|principal))\b|\b(?P<senior>senior|sr)\b|\b(?P<staff>staff)\b|\b(?P<principal>principal)\b|\b(?P<lead>lead|leader|head of)\b",
    )
});

/// The level of a role from its title; `None` when it names none or several that disagree
/// ("Senior/Mid").
pub fn seniority(title: &str) -> Option<Seniority> {
    let mut found: Vec<Seniority> = Vec::new();
    for caps in LEVEL_WORDS.captures_iter(title) {
        let level = if caps.name("intern").is_some() {
            Seniority::Intern
        } else if caps.name("junior").is_some() {
            Seniority::Junior
        } else if caps.name("mid").is_some() {
            Seniority::Mid
        } else if let Some(m) = caps.name("staffp") {
            if m.as_str().to_ascii_lowercase().ends_with("staff") {
                Seniority::Staff
            } else {
                Seniority::Principal
            }
        } else if caps.name("senior").is_some() {
            Seniority::Senior
        } else if caps.name("staff").is_some() {
            Seniority::Staff
        } else if caps.name("principal").is_some() {
            Seniority::Principal
        } else {
            Seniority::Lead
        };
        if !found.contains(&level) {
            found.push(level);
        }
    }
    match found.as_slice() {
        [one] => Some(*one),
        [a, b] if [*a, *b].contains(&Seniority::Lead) && [*a, *b].contains(&Seniority::Senior) => {
            Some(Seniority::Lead)
        }
        _ => None,
    }
}

pub(super) static YEARS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?P<a>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:\+|plus)?\s*(?:(?:-|–|to)\s*(?P<b>\d{1,2})\s*\+?\s*)?(?:or more\s+)?(?:years?|yrs?)\b(?:'|’)?",
    )
});
pub(super) static YEARS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:[^.;\n]{0,60}?\bexperience\b|\s*(?:of\s+)?(?:\w+\s+){0,2}?(?:professional|industry|hands-on|commercial|relevant|working|work|production|software|engineering|development|programming|coding)\b[^.;\n]{0,40}\bexperience\b|\s*(?:of\s+)?(?:professional|industry|hands-on|commercial|relevant)\b|\s*exp\b)",
    )
});
pub(super) static YEARS_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)\bexperience\b[^.;\n]{0,25}$"));
pub(super) static YEARS_NOT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:we|our \w+|the company|founders?|team)\s+(?:\w+\s+)?(?:have|has|had|bring|brings|spent|been)\b[^.;\n]{0,25}$|\b(?:we've|we're|founded|in business for|for (?:over|more than))\b[^.;\n]{0,15}$|\b(?:cto|ceo|coo|founders?|co-?founders?)\b[^.;\n]{0,20}$",
    )
});

/// The minimum years of experience a sentence asks for: "5+ years of experience", "at least 3
/// years of professional experience", "3-5 years' experience", "Experience: 4+ years". Years
/// that are not the candidate's ("10+ years in business", "our founders have 20 years of
/// experience") give nothing.
pub fn experience_years(text: &str) -> Option<u32> {
    if !(text.contains("year") || text.contains("Year") || text.contains("yr")) {
        return None;
    }
    let mut best: Option<u32> = None;
    for caps in YEARS.captures_iter(text) {
        let (Some(whole), Some(a)) = (caps.get(0), caps.name("a")) else {
            continue;
        };
        let before = tail(&text[..whole.start()], 80);
        let after = head(&text[whole.end()..], 120);
        if !(YEARS_AFTER.is_match(after) || YEARS_BEFORE.is_match(before))
            || YEARS_NOT.is_match(before)
        {
            continue;
        }
        let value = match a.as_str().to_ascii_lowercase().as_str() {
            "one" => 1,
            "two" => 2,
            "three" => 3,
            "four" => 4,
            "five" => 5,
            "six" => 6,
            "seven" => 7,
            "eight" => 8,
            "nine" => 9,
            "ten" => 10,
            digits => match digits.parse::<u32>() {
                Ok(n) => n,
                Err(_) => continue,
            },
        };
        if (1..=30).contains(&value) {
            best = Some(best.map_or(value, |b| b.min(value)));
        }
    }
    best
}
