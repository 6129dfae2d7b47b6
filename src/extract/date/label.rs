//! The posting's own date in its text: a line that starts with a label ("Posted on",
//! "Published:", "Date posted", "Veröffentlicht am"...) and a date, written out or relative
//! ("3 days ago", "today"), the latter read only against a date the page states about itself.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::{Date, Stamp, stated};
use crate::extract::{Posting, SectionKind};

/// The labels that make what follows the posting's publication date, in any ASCII case.
const LABELS: &[&str] = &[
    "date posted",
    "posted on",
    "posted",
    "posting date",
    "date published",
    "published on",
    "published",
    "publication date",
    "listed on",
    "veröffentlicht am",
    "veröffentlicht",
    "veroeffentlicht am",
    "erstellt am",
    "publié le",
    "publiée le",
    "date de publication",
    "publicado el",
    "publicado em",
    "publicado",
    "fecha de publicación",
    "data de publicação",
    "pubblicato il",
    "data di pubblicazione",
    "geplaatst op",
    "gepubliceerd op",
    "ngày đăng",
    "ngày đăng tuyển",
    "发布时间",
    "发布日期",
    "掲載日",
];

/// Words that may come before a label at the start of a line: "Job posted", "This job was
/// posted on", "Originally published".
const LEAD_WORDS: &[&str] = &[
    "job",
    "this",
    "the",
    "position",
    "role",
    "vacancy",
    "posting",
    "ad",
    "was",
    "is",
    "originally",
    "first",
    "just",
    "date",
];

/// The labels (all lowercase), searched in a copy of the text with its ASCII letters lowered
/// (same offsets): the same matches as a search of the text in any ASCII case, found with the
/// automaton's vector prefilter, which a case-insensitive search of these labels does without.
static LABEL_MARKS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(LABELS)
        .ok()
});

/// At most this many labelled lines are read in one posting (a page of listings has many).
const MAX_LABELLED: usize = 20;

/// The posting date stated in the text: a line that starts with a label of [`LABELS`] (after
/// bullets and lead words such as "This job was"), followed by a date ([`stated`]) or, when the
/// page states its own date (`page`), a relative one ("today", "yesterday", "3 days ago",
/// "5 hours ago" when the time of day is known, "just posted"). Lines of other jobs' listings
/// are not read; lines that disagree give nothing; a date after the page's own is dropped.
pub fn from_text(posting: &Posting, lang: Option<&str>, page: Option<Stamp>) -> Option<Date> {
    let marks = LABEL_MARKS.as_ref()?;
    let text = posting.text.as_str();
    let lowered = text.as_bytes().to_ascii_lowercase();
    let mut found: Option<Date> = None;
    let mut read = 0;
    let mut last_block = usize::MAX;
    for hit in marks.find_iter(&lowered) {
        let index = posting.block_at(hit.start());
        if index == last_block {
            continue;
        }
        let Some(block) = posting.blocks.get(index) else {
            continue;
        };
        let kind = posting
            .sections
            .get(block.section)
            .map_or(SectionKind::General, |s| s.kind);
        if kind == SectionKind::OtherJobs {
            continue;
        }
        let (Some(before), Some(after)) = (
            text.get(block.start..hit.start()),
            text.get(hit.end()..block.end),
        ) else {
            continue;
        };
        // The label must end a word ("posted", not "postedly") and lead its line.
        if after.starts_with(|c: char| c.is_alphanumeric()) || !leads_line(before) {
            continue;
        }
        last_block = index;
        read += 1;
        if read > MAX_LABELLED {
            break;
        }
        let value = after.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, ':' | '：' | '-' | '–' | '—' | '|' | '*' | '_')
        });
        let value = value
            .strip_prefix("on ")
            .or_else(|| value.strip_prefix("On "))
            .unwrap_or(value)
            .trim_start_matches([':', ' ']);
        // "Just posted": the page's own day.
        let just = before
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case("just"));
        let date = if just && value.is_empty() {
            page.map(|p| p.date)
        } else {
            stated(value, lang).or_else(|| relative(value, page?))
        };
        let Some(date) = date else {
            continue;
        };
        if page.is_some_and(|p| date > p.date) {
            continue;
        }
        match found {
            Some(other) if other != date => return None,
            _ => found = Some(date),
        }
    }
    found
}

/// Whether `before` (the start of a line, up to a label) holds only bullets, marks and lead
/// words.
fn leads_line(before: &str) -> bool {
    before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| LEAD_WORDS.iter().any(|l| l.eq_ignore_ascii_case(w)))
}

/// A relative date at the start of `value` ("today", "yesterday", "3 days ago", "a day ago",
/// "5 hours ago", "just now"), resolved against the page's own moment `page`. Weeks, months
/// and "30+ days" are not dates and give nothing; hours and minutes need the time of day.
fn relative(value: &str, page: Stamp) -> Option<Date> {
    let lower = value.trim().to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ';' | ')' | '('))
        .filter(|w| !w.is_empty())
        .take(3)
        .collect();
    let day = |days: i64| Date::from_days(page.date.days() - days);
    match words.as_slice() {
        ["today" | "now", ..] | ["just", "now" | "posted", ..] => Some(page.date),
        ["yesterday", ..] => day(1),
        [count, unit, "ago", ..] => {
            let count: i64 = match *count {
                "a" | "an" | "one" => 1,
                n if n.bytes().all(|b| b.is_ascii_digit()) && n.len() <= 3 => n.parse().ok()?,
                // "30+ days ago", "over 3 days": a bound, not a date.
                _ => return None,
            };
            match *unit {
                "day" | "days" => day(count),
                "hour" | "hours" | "hr" | "hrs" | "h" => page.minus_seconds(count * 3600),
                "minute" | "minutes" | "min" | "mins" => page.minus_seconds(count * 60),
                "second" | "seconds" | "sec" | "secs" => page.minus_seconds(count),
                _ => None,
            }
        }
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// What an HTML page states
