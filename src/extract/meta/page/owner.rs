//! Who owns a page, by the names it gives itself: its URL's names, its site name, a careers
//! suffix ("Acme Careers"), and a name of its text that its URL spells.

use super::{LOGO_IMAGE, PageFacts, Sourced, TitleParts};

/// Suffixes a page adds to its owner's name: "Microsoft Careers", "Acme Jobs".
pub(super) const NAME_SUFFIXES: &[&str] = &[
    " careers",
    " jobs",
    " career",
    " karriere",
    " carrières",
    " jobs & careers",
    " hiring",
];

/// `name` without a careers suffix.
pub(super) fn owner_name(name: &str) -> &str {
    let lower = name.to_lowercase();
    for suffix in NAME_SUFFIXES {
        if lower.ends_with(suffix)
            && let Some(cut) = name.get(..name.len() - suffix.len())
        {
            return cut.trim();
        }
    }
    name.trim()
}

/// Letters and digits of `name`, lowercase: how it is written in a URL.
pub fn url_form(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The names a URL gives its owner (see [`PageFacts::url_names`]); `board` is whether the host
/// is a job board's or an ATS's.
pub fn url_names(url: &str, board: bool) -> Vec<String> {
    let Ok(parsed) = url::Url::parse(url) else {
        return Vec::new();
    };
    let Some(host) = parsed.host_str() else {
        return Vec::new();
    };
    let labels: Vec<&str> = host.split('.').collect();
    let generic = |label: &str| {
        matches!(
            label,
            "www"
                | "jobs"
                | "careers"
                | "career"
                | "boards"
                | "job-boards"
                | "apply"
                | "app"
                | "karriere"
                | "recruiting"
                | "en"
                | "de"
                | "fr"
                | "global"
        ) || (label.starts_with("wd") && label.len() <= 4)
    };
    let mut names = Vec::new();
    if board {
        if let Some(first) = labels.first()
            && labels.len() > 2
            && !generic(first)
        {
            names.push(url_form(first));
        }
        if let Some(segment) = parsed.path_segments().and_then(|mut s| s.next())
            && segment.len() >= 2
        {
            names.push(url_form(segment));
        }
    } else {
        // The registrable name: the label before the public suffix (`co.uk` counts as one).
        let n = labels.len();
        let second = if n >= 3
            && labels
                .get(n - 2)
                .is_some_and(|l| matches!(*l, "co" | "com" | "org" | "net" | "ac" | "gov"))
        {
            labels.get(n - 3)
        } else if n >= 2 {
            labels.get(n - 2)
        } else {
            None
        };
        if let Some(second) = second {
            names.push(url_form(second));
        }
    }
    // "ouryahoo", "joinacme": a tenant named with a word before the employer's name.
    let bare: Vec<String> = names
        .iter()
        .filter_map(|n| {
            ["our", "join", "workat", "careersat"]
                .iter()
                .find_map(|lead| n.strip_prefix(lead))
                .filter(|rest| rest.len() >= 4)
                .map(str::to_owned)
        })
        .collect();
    names.extend(bare);
    names.retain(|n| n.len() >= 2);
    names
}

/// The owner a site name gives, as people write it: the name itself, or for a site named by
/// its host, the name in the host ("amazon.jobs": Amazon). `None` for a host that is a job
/// site's own ("StartupJobs.cz"): its name holds "jobs" or "career" before the domain.
pub(super) fn host_name_owner(site: &str) -> Option<String> {
    let site = site.trim();
    let labels: Vec<&str> = site.split('.').collect();
    let host = !site.contains(char::is_whitespace)
        && labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && labels
            .last()
            .is_some_and(|tld| tld.chars().all(char::is_alphabetic));
    if !host {
        return Some(site.to_owned());
    }
    let (tld, name) = match labels.as_slice() {
        [.., name, tld] => (tld.to_lowercase(), *name),
        _ => return Some(site.to_owned()),
    };
    if matches!(tld.as_str(), "jobs" | "careers" | "career") {
        // "amazon.jobs": the owner's name under a careers domain, capitalised when the host
        // writes it in lowercase.
        let mut chars = name.chars();
        let first = chars.next()?;
        return Some(if name.chars().any(char::is_uppercase) {
            name.to_owned()
        } else {
            first.to_uppercase().chain(chars).collect()
        });
    }
    let lower = name.to_lowercase();
    if ["job", "career", "karriere", "talent", "hiring"]
        .iter()
        .any(|w| lower.contains(w))
    {
        return None;
    }
    Some(site.to_owned())
}

/// Most words in a name read from the text.
const MAX_NAME_WORDS: usize = 5;

/// The first name in `texts` (blocks of the page's text) whose URL form is one of
/// `url_names` ([`PageFacts::url_names`]): capitalised words, "Reed Smith is a preeminent
/// advisor..." on recruiter.reedsmith.com, "Yahoo is proud..." on yahoo.wd5.myworkdayjobs.com.
pub fn name_in_text<'a>(
    texts: impl IntoIterator<Item = &'a str>,
    url_names: &[String],
) -> Option<String> {
    if url_names.is_empty() {
        return None;
    }
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    for text in texts {
        let words: Vec<&str> = text
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .collect();
        for start in 0..words.len() {
            if !words.get(start).is_some_and(|w| capitalised(w)) {
                continue;
            }
            let mut form = String::new();
            for end in start..words.len().min(start + MAX_NAME_WORDS) {
                let word = words.get(end).copied().unwrap_or_default();
                // "Design is Dead": a short lowercase word inside a name, never at its end.
                let inner = end > start && word.chars().count() <= 3;
                if word.is_empty() || !(capitalised(word) || inner) {
                    break;
                }
                form.push_str(&url_form(word));
                if capitalised(word) && form.len() >= 4 && url_names.contains(&form) {
                    return words.get(start..=end).map(|w| w.join(" "));
                }
            }
        }
    }
    None
}

/// The owner named by the page in a way its URL confirms: a part of its title, its site
/// name, its `twitter:site`, a keyword or a logo's text that is the name in the URL
/// (`Stripe logo` on stripe.com, `Anthropic - ...` on jobs.lever.co/anthropic).
pub(super) fn owner_from_url(
    facts: &PageFacts,
    split: &[(TitleParts, &str)],
    is_board: &dyn Fn(&str) -> bool,
) -> Option<Sourced> {
    if facts.url_names.is_empty() {
        return None;
    }
    // "Grippo Avisos" on grippo.com: a board's own site, whose name in the URL is the board's.
    if let Some(site) = &facts.site_name
        && is_board(site)
        && facts
            .url_names
            .iter()
            .any(|u| u.len() >= 3 && url_form(site).starts_with(u.as_str()))
    {
        return None;
    }
    let mut candidates: Vec<(&str, String)> = Vec::new();
    for (parts, rule) in split {
        for part in &parts.parts {
            candidates.push((part, format!("{rule} part")));
        }
    }
    if let Some(site) = &facts.site_name
        && host_name_owner(site).is_some()
    {
        candidates.push((site, "og:site_name".to_owned()));
    }
    // A logo image's `alt` is read beside the job's title only, late ([`LOGO_IMAGE`]).
    for (name, rule) in facts.names.iter().filter(|(_, rule)| *rule != LOGO_IMAGE) {
        candidates.push((name, (*rule).to_owned()));
    }
    candidates.into_iter().find_map(|(name, rule)| {
        let owner = owner_name(name);
        let form = url_form(owner);
        (form.len() >= 2
            && owner.chars().count() <= 60
            && !is_board(owner)
            && facts
                .url_names
                .iter()
                .any(|u| *u == form || (u.len() >= 5 && form.starts_with(u.as_str()))))
        .then(|| Sourced::new(owner, format!("{rule}, the name in the page's URL")))
    })
}

/// "Baker - Student Life Jobs | The University of Iowa": a site named as a unit's jobs
/// ("<unit> Jobs") with a last part of the page title after it names the unit's owner, the
/// employer.
pub(super) fn jobs_site_owner(
    split: &[(TitleParts, &str)],
    site: &str,
    owner: &str,
    is_board: &dyn Fn(&str) -> bool,
) -> Option<Sourced> {
    if super::same(owner_name(owner), owner) {
        return None;
    }
    split.iter().find_map(|(parts, rule)| {
        let at = parts.parts.iter().position(|p| super::same(p, site))?;
        let last = parts.parts.get(at + 1..)?;
        let [parent] = last else {
            return None;
        };
        super::clean_company(
            Sourced::new(
                parent.as_str(),
                format!("{rule} (\"<unit> Jobs | <owner>\")"),
            ),
            is_board,
        )
    })
}
