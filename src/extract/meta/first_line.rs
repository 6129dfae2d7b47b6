//! Hacker News first lines: `Company | Role | Place | REMOTE | Full-time | $170-225K`, split at `|`
//! and each part classified.

use std::sync::LazyLock;

use regex::Regex;

use super::salary::bare_salary_range;
use super::*;

/// `Company | Role | Place | REMOTE | Full-time | $170-225K`: each part classified.
pub fn hn_first_line(line: &str) -> Metadata {
    let mut meta = Metadata::default();
    if line.chars().count() > 400 {
        return meta;
    }
    let mut parts = line.split('|').map(str::trim).filter(|p| !p.is_empty());
    let Some(company) = parts.next() else {
        return meta;
    };
    meta.company = clean_company(company);
    let mut employment: Vec<String> = Vec::new();
    for part in parts {
        if is_url(part) {
            continue;
        }
        if meta.salary_min.is_none()
            && meta.salary_max.is_none()
            && let Some(salary) = salary(part).or_else(|| bare_salary_range(part))
        {
            set_salary(&mut meta, salary);
            continue;
        }
        if let Some(remote) = remote_of_place(part) {
            meta.remote = Some(meta.remote.map_or(remote, |r| stronger(r, remote)));
            let rest = REMOTE_WORDS.replace_all(part, "");
            if meta.location.is_none()
                && rest.chars().any(char::is_alphabetic)
                && rest.split_whitespace().count() <= 12
                && !EMPLOYMENT_WORD.is_match(part)
                && !NOT_A_PLACE.is_match(part)
            {
                meta.location = Some(part.to_owned());
            }
            continue;
        }
        if EMPLOYMENT_WORD.is_match(part) {
            let mut words: Vec<String> = EMPLOYMENT_WORD
                .find_iter(part)
                .map(|m| m.as_str().to_owned())
                .collect();
            // "Full-time Contract": a contract, full time.
            if words.len() > 1
                && words
                    .iter()
                    .any(|w| w.to_ascii_lowercase().starts_with("contract"))
            {
                words.retain(|w| w.to_ascii_lowercase().starts_with("contract"));
            }
            employment.extend(words);
            continue;
        }
        if meta.title.is_none() && part.chars().count() <= 100 && looks_like_role(part) {
            meta.title = Some(part.to_owned());
            continue;
        }
        if meta.location.is_none() && part.chars().count() <= 60 && is_place(part) {
            meta.location = Some(part.to_owned());
        }
    }
    meta.employment_type = employment_types(&employment);
    meta
}

/// Hybrid wins over remote and on-site (a hybrid posting names both).
pub(super) fn stronger(a: Remote, b: Remote) -> Remote {
    if a == Remote::Hybrid || b == Remote::Hybrid {
        Remote::Hybrid
    } else {
        a
    }
}

/// The company part: without a link, a tagline after " - ", or a domain in parentheses.
pub(super) fn clean_company(part: &str) -> Option<String> {
    let words: Vec<&str> = part
        .split_whitespace()
        .filter(|w| !w.contains("://") && !w.starts_with("www."))
        .collect();
    let mut company = words.join(" ");
    for separator in [" - ", " – ", " — "] {
        if let Some((head, _)) = company.split_once(separator) {
            company = head.to_owned();
        }
    }
    if let (Some(open), Some(close)) = (company.find(" ("), company.rfind(')'))
        && open < close
        && company[open..close].contains('.')
    {
        company = format!("{}{}", &company[..open], &company[close + 1..]);
    }
    let company = company.trim().trim_end_matches([',', ':']).trim();
    (!company.is_empty() && company.chars().count() <= 60).then(|| company.to_owned())
}

pub(super) fn is_url(part: &str) -> bool {
    let lower = part.to_ascii_lowercase();
    !lower.contains(' ')
        && (lower.starts_with("http")
            || lower.starts_with("www.")
            || [
                ".com", ".io", ".co", ".ai", ".org", ".net", ".dev", ".se", ".de",
            ]
            .iter()
            .any(|tld| lower.ends_with(tld) || lower.contains(&format!("{tld}/"))))
}

pub(super) static REMOTE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:remote|hybrid|on-?site|in-office|in office|only|friendly|ok|first)\b|[()\-–,/&]",
    )
});

/// Words that make a part with a remote mark something other than a place.
pub(super) static NOT_A_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b(?:visa|relocation|position|positions|role|roles|equity|salary|interns?)\b")
});

pub(super) static EMPLOYMENT_WORD: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:full[- ]?time|part[- ]?time|contract(?:or)?|freelance|internship|temporary|permanent)\b",
    )
});

/// Places named in HN first lines: countries, regions, tech cities, US states.
pub(super) const PLACES: &[&str] = &[
    "africa",
    "amsterdam",
    "apac",
    "asia",
    "atlanta",
    "austin",
    "australia",
    "austria",
    "bangalore",
    "barcelona",
    "bay area",
    "beijing",
    "belgium",
    "berlin",
    "boston",
    "boulder",
    "brazil",
    "brooklyn",
    "brussels",
    "ca",
    "california",
    "cambridge",
    "canada",
    "chicago",
    "china",
    "co",
    "copenhagen",
    "czech",
    "dallas",
    "denmark",
    "denver",
    "dc",
    "dublin",
    "emea",
    "eu",
    "europe",
    "finland",
    "fl",
    "france",
    "germany",
    "hamburg",
    "helsinki",
    "hong kong",
    "houston",
    "india",
    "ireland",
    "israel",
    "italy",
    "japan",
    "la",
    "latam",
    "lisbon",
    "london",
    "los angeles",
    "ma",
    "madrid",
    "melbourne",
    "mexico",
    "miami",
    "montreal",
    "munich",
    "netherlands",
    "new york",
    "norway",
    "north america",
    "nj",
    "ny",
    "nyc",
    "oakland",
    "oslo",
    "palo alto",
    "paris",
    "philadelphia",
    "poland",
    "portland",
    "portugal",
    "prague",
    "remote",
    "san diego",
    "san francisco",
    "san jose",
    "santa monica",
    "seattle",
    "sf",
    "singapore",
    "spain",
    "stockholm",
    "sweden",
    "switzerland",
    "sydney",
    "tel aviv",
    "tokyo",
    "toronto",
    "tx",
    "uk",
    "us",
    "usa",
    "vancouver",
    "vienna",
    "wa",
    "warsaw",
    "washington",
    "zurich",
];

/// Whether a short part names a place (one of [`PLACES`], as words).
pub(super) fn is_place(part: &str) -> bool {
    let lower = part.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    PLACES.iter().any(|place| {
        let place_words: Vec<&str> = place.split(' ').collect();
        words
            .windows(place_words.len())
            .any(|window| window == place_words.as_slice())
    })
}
