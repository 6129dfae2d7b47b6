//! Remote, hybrid or on-site: from a place (`Remote (EU)`) or from the text.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::*;

/// Remote, hybrid or on-site from a place or title: `Remote (EU)`, `On-site (Hybrid)`.
pub fn remote_of_place(text: &str) -> Option<Remote> {
    let lower = text.to_lowercase();
    let has = |re: &Regex| re.is_match(&lower);
    if has(&HYBRID_WORD) {
        return Some(Remote::Hybrid);
    }
    let remote = has(&REMOTE_WORD) && !has(&NOT_REMOTE);
    let onsite = has(&ONSITE_WORD) || has(&NOT_REMOTE);
    match (remote, onsite) {
        (true, false) => Some(Remote::Remote),
        (false, true) => Some(Remote::Onsite),
        _ => None,
    }
}

pub(super) static HYBRID_WORD: LazyLock<Regex> = LazyLock::new(|| regex(r"\bhybrid\b"));
pub(super) static REMOTE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"\bremote\b(?:[^-]|$)|\bremote-(?:only|friendly|ok|eu|us|uk)\b|\bwfh\b|\banywhere\b")
});
pub(super) static ONSITE_WORD: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\bon-?site\b|\bin-office\b|\bin office\b|\bin-person\b"));
pub(super) static NOT_REMOTE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\b(?:not|no|non|isn't|is not)[- ]remote\b"));

/// Words without which a line says nothing about where the work is done.
pub(super) const WORKPLACE_WORDS: &[&str] = &[
    "remote", "hybrid", "office", "site", "person", "home", "anywhere",
];

pub(super) static WORKPLACE_MARK: LazyLock<AhoCorasick> = LazyLock::new(|| {
    match AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(WORKPLACE_WORDS)
    {
        Ok(marks) => marks,
        // Unreachable: a handful of short literals always builds.
        Err(error) => unreachable!("workplace marks: {error}"),
    }
});

/// Remote, hybrid and on-site signals in sentences of the body.
#[derive(Default)]
pub(super) struct Signals {
    remote: bool,
    hybrid: bool,
    onsite: bool,
}

pub(super) static HYBRID_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\bhybrid\b\s*(?:[-–,:(]|role|position|job|work|working|schedule|set-?up|arrangement|policy|opportunity|remote|office|model\b|in\b|from|\d)|\b(?:role|position|job) is hybrid\b|\b\d\s*(?:days?|x)\s*(?:a |per )?(?:week\s*)?(?:in|at|from) (?:the |our )?office|\b(?:one|two|three|four) days? (?:a |per )?(?:week )?(?:in|at|from) (?:the |our )?office",
    )
});
pub(super) static REMOTE_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:fully|100%|completely|entirely|full) remote\b|\bremote (?:position|role|job|opportunity|(?:first )?(?:team member|employee))\b|\b(?:is|are|be|a) (?:a )?(?:fully )?remote\b(?:[^-]|$)|\bwork (?:from|remotely from) (?:home|anywhere)\b|\bwork remotely\b|\bremote within\b|\bremote \((?:[a-z]+)|\bremote[ -]\s*(?:us|usa|eu|europe|uk|emea|worldwide|global|anywhere|canada)\b",
    )
});
pub(super) static ONSITE_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:on-?site|in-office|in-person|in office|in person)\s*(?:role|position|job|only|work|working|requirement|,|\(|$|5 days)|\b(?:not|no|non|isn't|is not) (?:a )?remote\b|\bis (?:an )?on-?site\b|\bthis role is (?:based )?in (?:our|the) \w+ office\b|\bno remote\b|\bfull[- ]time (?:in|at) (?:the|our) office\b",
    )
});

impl Signals {
    pub(super) fn scan(&mut self, text: &str) {
        if !WORKPLACE_MARK.is_match(text) {
            return;
        }
        let lower = text.to_lowercase();
        self.hybrid |= HYBRID_TEXT.is_match(&lower);
        self.onsite |= ONSITE_TEXT.is_match(&lower);
        self.remote |= REMOTE_TEXT.is_match(&lower);
    }

    pub(super) fn verdict(&self) -> Option<Remote> {
        match (self.hybrid, self.remote, self.onsite) {
            (true, _, _) => Some(Remote::Hybrid),
            (false, true, false) => Some(Remote::Remote),
            (false, false, true) => Some(Remote::Onsite),
            _ => None,
        }
    }
}

/// Remote, hybrid or on-site from free text ("Hybrid, 3 days in office", "fully remote",
/// "this is an onsite role"); `None` when it says nothing or contradicts itself.
pub fn remote_of_text(text: &str) -> Option<Remote> {
    let mut signals = Signals::default();
    signals.scan(text);
    signals.verdict()
}
