//! Posting dates: the `date_posted` column from every place a posting states it, and nothing
//! else.
//!
//! This module owns the reading of dates: calendar arithmetic ([`Date`]), ISO 8601 values of
//! `<meta>` tags, microdata and Hacker News timestamps ([`iso`]), dates written out in text
//! ("March 3, 2024", "3. März 2024", "2024-03-03", "13/03/2024": [`stated`]), the labels that
//! make a line of text the posting's own date ("Posted on", "Published:", "Date posted",
//! "Veröffentlicht am"...: [`from_text`]), relative dates ("Posted 3 days ago", "today"),
//! which are resolved only against a date the page states about itself (a `<meta>` modified
//! date, the "saved date" SingleFile writes into a saved page, a Markdown front matter or
//! heading: never the clock, so output stays deterministic), and Markdown front matter
//! ([`front_matter`]). The HTML walker collects the candidates of a page in [`PageDates`].
//!
//! The order of trust is: JSON-LD and job-board APIs (read elsewhere, always first), microdata
//! `itemprop="datePosted"`, `<meta>` publication tags, a Hacker News comment's own timestamp,
//! then labelled text. Every date is a valid calendar date, not before 1995 and not after the
//! page's own date when it has one. Numeric dates are read only when their order is certain: a
//! part above 12, or a page language that writes the day first; `03/04/2024` in English stays
//! empty. "30+ days ago" is a bound, not a date, and stays empty too.
//!
//! Split by job: this file holds the calendar ([`Date`], [`Stamp`]) and the reading of a
//! written date ([`iso`], [`stated`]); `label` finds the labelled line of the posting's own date
//! and resolves relative dates; `page` gathers what a page or a Markdown front matter states.

mod label;
mod page;

pub use label::from_text;
pub use page::{PageDates, front_matter, saved_date};

/// The earliest posting date accepted: before the web had job boards, a date is a mistake.
const MIN_YEAR: i32 = 1995;

/// The latest year accepted (a four-digit year).
const MAX_YEAR: i32 = 9999;

/// A calendar date, valid by construction, between [`MIN_YEAR`] and [`MAX_YEAR`]. The calendar
/// arithmetic is jiff's (`jiff::civil::Date`); this type only adds the range the column accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(jiff::civil::Date);

/// The Unix epoch's day, the origin of [`Date::days`].
const EPOCH: jiff::civil::Date = jiff::civil::date(1970, 1, 1);

impl Date {
    /// The date, when it is one on the calendar and in range.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
            return None;
        }
        let date = jiff::civil::Date::new(
            i16::try_from(year).ok()?,
            i8::try_from(month).ok()?,
            i8::try_from(day).ok()?,
        )
        .ok()?;
        Some(Date(date))
    }

    /// Days since 1970-01-01.
    fn days(self) -> i64 {
        EPOCH
            .until((jiff::Unit::Day, self.0))
            .map_or(0, |span| i64::from(span.get_days()))
    }

    /// The date `days` after 1970-01-01, when in range.
    fn from_days(days: i64) -> Option<Date> {
        let date = EPOCH
            .checked_add(jiff::Span::new().try_days(days).ok()?)
            .ok()?;
        Date::new(
            i32::from(date.year()),
            u32::try_from(date.month()).ok()?,
            u32::try_from(date.day()).ok()?,
        )
    }

    /// The column value, `YYYY-MM-DD`.
    pub fn to_column(self) -> String {
        format!(
            "{:04}-{:02}-{:02}",
            self.0.year(),
            self.0.month(),
            self.0.day()
        )
    }
}

/// A moment a page states: a date, with the time of day (seconds, as written) when stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// The day.
    pub date: Date,
    /// Seconds since midnight, when the time of day is stated.
    pub seconds: Option<u32>,
}

impl Stamp {
    /// A moment of the system clock, in UTC; `None` before 1995.
    pub fn of_system_time(time: std::time::SystemTime) -> Option<Stamp> {
        let secs = time.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
        let secs = i64::try_from(secs).ok()?;
        Some(Stamp {
            date: Date::from_days(secs.div_euclid(86_400))?,
            seconds: u32::try_from(secs.rem_euclid(86_400)).ok(),
        })
    }

    /// The day `seconds` before this moment; `None` when the time of day is not known.
    fn minus_seconds(self, seconds: i64) -> Option<Date> {
        let at = self.date.days() * 86_400 + i64::from(self.seconds?) - seconds;
        Date::from_days(at.div_euclid(86_400))
    }
}

/// Reads `N` ASCII digits at the start of `bytes`.
pub(super) fn digits(bytes: &[u8], n: usize) -> Option<u32> {
    let run = bytes.get(..n)?;
    if !run.iter().all(u8::is_ascii_digit) {
        return None;
    }
    run.iter().try_fold(0u32, |acc, &b| {
        acc.checked_mul(10)?.checked_add(u32::from(b - b'0'))
    })
}

/// An ISO 8601 date or date-time at the start of `text` (`2024-03-03`,
/// `2024-03-03T10:00:00Z`, `2024-03-03 10:00`, Hacker News's `2017-11-15T16:00:42 1510761642`),
/// as written: the date is the one of the zone the page wrote it in. Nothing but a time, a
/// zone or white space may follow the date.
pub fn iso(text: &str) -> Option<Stamp> {
    let bytes = text.trim().as_bytes();
    let year = digits(bytes, 4)?;
    if bytes.get(4) != Some(&b'-') || bytes.get(7) != Some(&b'-') {
        return None;
    }
    let month = digits(bytes.get(5..)?, 2)?;
    let day = digits(bytes.get(8..)?, 2)?;
    let date = Date::new(i32::try_from(year).ok()?, month, day)?;
    let rest = bytes.get(10..).unwrap_or_default();
    let seconds = match rest.first() {
        None => None,
        Some(b'T' | b't' | b' ') => {
            let time = rest.get(1..).unwrap_or_default();
            match (
                digits(time, 2),
                time.get(2),
                digits(time.get(3..).unwrap_or_default(), 2),
            ) {
                (Some(hours), Some(b':'), Some(minutes)) if hours < 24 && minutes < 60 => {
                    let secs = match (time.get(5), digits(time.get(6..).unwrap_or_default(), 2)) {
                        (Some(b':'), Some(s)) if s < 61 => s.min(59),
                        _ => 0,
                    };
                    Some(hours * 3600 + minutes * 60 + secs)
                }
                // `2024-03-03 ` and nothing after: a date alone.
                _ if rest.iter().all(u8::is_ascii_whitespace) => None,
                _ => return None,
            }
        }
        Some(_) => return None,
    };
    Some(Stamp { date, seconds })
}

// ---------------------------------------------------------------------------------------------
// Dates written out in text

/// Month names (lowercase, without accents where the language allows both) and their number:
/// English, German, French, Spanish, Italian, Portuguese, Dutch.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("jänner", 1),
    ("janvier", 1),
    ("enero", 1),
    ("gennaio", 1),
    ("janeiro", 1),
    ("januari", 1),
    ("february", 2),
    ("feb", 2),
    ("februar", 2),
    ("février", 2),
    ("fevrier", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("fevereiro", 2),
    ("februari", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("maerz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("março", 3),
    ("marco", 3),
    ("maart", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("abril", 4),
    ("aprile", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("maio", 5),
    ("mei", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("giugno", 6),
    ("junho", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("juillet", 7),
    ("julio", 7),
    ("luglio", 7),
    ("julho", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("augustus", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("settembre", 9),
    ("setembro", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("outubro", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("diciembre", 12),
    ("dicembre", 12),
    ("dezembro", 12),
];

/// Weekday names and the small words dates are written with, skipped when reading one.
const FILLER: &[&str] = &[
    "on",
    "the",
    "of",
    "de",
    "del",
    "le",
    "am",
    "il",
    "em",
    "op",
    "monday",
    "mon",
    "tuesday",
    "tue",
    "tues",
    "wednesday",
    "wed",
    "thursday",
    "thu",
    "thur",
    "thurs",
    "friday",
    "fri",
    "saturday",
    "sat",
    "sunday",
    "sun",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
];

/// Languages that write a numeric date day first (`03/04/2024` is the 3rd of April).
const DAY_FIRST: &[&str] = &[
    "de", "fr", "es", "it", "pt", "nl", "vi", "ru", "pl", "tr", "da", "nb", "nn", "no", "fi", "cs",
    "sk", "uk", "ro", "el", "id", "ca", "hr", "sl", "sr", "bg", "lt", "lv", "et",
];

/// A token of a written date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token<'a> {
    /// A run of ASCII digits, with its value and length.
    Number(u32, usize),
    /// A word (letters), lowercased by the caller's comparison.
    Word(&'a str),
    /// A separator between numbers: `/`, `-` or `.`.
    Sep(u8),
}

/// The first few tokens of `text`: numbers, words and the separators `/ - .`, white space and
/// commas dropped; ordinal endings (`3rd`) and CJK date marks (`年 月 日`) are separators.
fn tokens(text: &str, most: usize) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while out.len() < most {
        let Some(c) = rest.chars().next() else {
            break;
        };
        if c.is_ascii_digit() {
            let len = rest.bytes().take_while(u8::is_ascii_digit).count();
            let number = rest.get(..len).unwrap_or_default();
            rest = rest.get(len..).unwrap_or_default();
            if len > 4 {
                // A long run of digits is no date (a phone number, an id).
                out.push(Token::Word(number));
                continue;
            }
            out.push(Token::Number(number.parse().unwrap_or(u32::MAX), len));
            // 3rd, 21st, 2nd, 4th, 1er (French), 1º.
            for suffix in ["st", "nd", "rd", "th", "er", "º", "."] {
                let after = rest.get(suffix.len()..).unwrap_or_default();
                if rest.starts_with(suffix)
                    && suffix != "."
                    && !after.starts_with(|c: char| c.is_alphanumeric())
                {
                    rest = after;
                    break;
                }
            }
        } else if c.is_alphabetic() && !matches!(c, '年' | '月' | '日') {
            let len: usize = rest
                .chars()
                .take_while(|c| c.is_alphabetic() && !matches!(c, '年' | '月' | '日'))
                .map(char::len_utf8)
                .sum();
            out.push(Token::Word(rest.get(..len).unwrap_or_default()));
            rest = rest.get(len..).unwrap_or_default();
            // "Mar. 3": the point of an abbreviation.
            rest = rest.strip_prefix('.').unwrap_or(rest);
        } else {
            match c {
                '/' | '-' | '.' => out.push(Token::Sep(c as u8)),
                '年' | '月' => out.push(Token::Sep(b'-')),
                '日' => break,
                c if c.is_whitespace() || c == ',' => {}
                // Anything else ends the date: a date is words, numbers and separators.
                _ => break,
            }
            rest = rest.get(c.len_utf8()..).unwrap_or_default();
        }
    }
    out
}

fn month_of(word: &str) -> Option<u32> {
    let lower = word.to_lowercase();
    MONTHS
        .iter()
        .find(|(name, _)| *name == lower)
        .map(|&(_, n)| n)
}

fn is_filler(word: &str) -> bool {
    FILLER.iter().any(|f| f.eq_ignore_ascii_case(word))
}

/// A date written at the start of `text`, in a page of language `lang` (ISO 639-1): ISO
/// (`2024-03-03`, `2024/03/03`, `2024年3月3日`), with a month name (`March 3, 2024`,
/// `3 March 2024`, `Tue Mar 05 2024`, `3. März 2024`, `3 de marzo de 2024`), or numeric with
/// the year last (`13/03/2024`) when the order of day and month is certain: a part above 12,
/// both equal, or a language in [`DAY_FIRST`]. Two-digit years are never read.
pub fn stated(text: &str, lang: Option<&str>) -> Option<Date> {
    let all = tokens(text, 12);
    // Leading weekday names and small words ("on", "le", "Tuesday,").
    let start = all
        .iter()
        .position(|t| !matches!(t, Token::Word(w) if is_filler(w)))?;
    let toks: Vec<Token<'_>> = all
        .get(start..)
        .unwrap_or_default()
        .iter()
        .copied()
        // "3 de marzo de 2024", "the 3rd of March": small words between the parts.
        .filter(|t| !matches!(t, Token::Word(w) if is_filler(w)))
        .collect();
    let date = match toks.as_slice() {
        // 2024-03-03, 2024/03/03, 2024.03.03, 2024年3月3日
        [
            Token::Number(y, 4),
            Token::Sep(s1),
            Token::Number(m, 1..=2),
            Token::Sep(s2),
            Token::Number(d, 1..=2),
            ..,
        ] if s1 == s2 => Date::new(i32::try_from(*y).ok()?, *m, *d),
        // March 3, 2024 / Mar 05 2024
        [
            Token::Word(month),
            Token::Number(d, 1..=2),
            Token::Number(y, 4),
            ..,
        ] => Date::new(i32::try_from(*y).ok()?, month_of(month)?, *d),
        // 3 March 2024 / 3. März 2024
        [
            Token::Number(d, 1..=2),
            Token::Sep(b'.'),
            Token::Word(month),
            Token::Number(y, 4),
            ..,
        ]
        | [
            Token::Number(d, 1..=2),
            Token::Word(month),
            Token::Number(y, 4),
            ..,
        ] => Date::new(i32::try_from(*y).ok()?, month_of(month)?, *d),
        // 13/03/2024, 03.03.2024, 3-13-2024
        [
            Token::Number(a, 1..=2),
            Token::Sep(s1),
            Token::Number(b, 1..=2),
            Token::Sep(s2),
            Token::Number(y, 4),
            ..,
        ] if s1 == s2 => {
            let (a, b) = (*a, *b);
            let year = i32::try_from(*y).ok()?;
            let day_first = lang.is_some_and(|l| DAY_FIRST.contains(&l));
            if a == b || a > 12 || (day_first && b <= 12) {
                Date::new(year, b, a)
            } else if b > 12 {
                Date::new(year, a, b)
            } else {
                None
            }
        }
        _ => None,
    }?;
    Some(date)
}

// ---------------------------------------------------------------------------------------------
// Labelled dates in the text

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Posting;
    use crate::extract::{Format, extract};

    fn d(text: &str) -> Option<String> {
        stated(text, Some("en")).map(Date::to_column)
    }

    fn day(y: i32, m: u32, dd: u32) -> Date {
        Date::new(y, m, dd).unwrap()
    }

    #[test]
    fn calendar_days_round_trip() {
        for days in [-1, 0, 59, 60, 9_190, 10_957, 11_016, 19_783, 2_932_896] {
            if let Some(date) = Date::from_days(days) {
                assert_eq!(date.days(), days, "{date:?}");
            }
        }
        assert_eq!(
            Date::from_days(19_783).map(Date::to_column).as_deref(),
            Some("2024-03-01")
        );
        assert_eq!(
            Date::new(2024, 2, 29).map(Date::to_column).as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(Date::new(2023, 2, 29), None);
        assert_eq!(Date::new(1900, 2, 29), None);
        assert_eq!(Date::new(1994, 12, 31), None);
        assert_eq!(Date::new(2024, 4, 31), None);
        assert_eq!(Date::new(2024, 13, 1), None);
    }

    #[test]
    fn iso_values() {
        let stamp = iso("2025-06-02T15:01:40 1748876500").unwrap();
        assert_eq!(stamp.date, day(2025, 6, 2));
        assert_eq!(stamp.seconds, Some(15 * 3600 + 60 + 40));
        assert_eq!(
            iso("2024-06-01T21:41:02").map(|s| s.date),
            Some(day(2024, 6, 1))
        );
        assert_eq!(
            iso("2026-09-30T10:00:00Z").map(|s| s.seconds),
            Some(Some(36_000))
        );
        assert_eq!(iso("2024-03-03").map(|s| s.seconds), Some(None));
        assert_eq!(iso("2024-02-30"), None);
        assert_eq!(iso("2024-03-03x"), None);
        assert_eq!(iso("March 3"), None);
        assert_eq!(iso("1970-01-01T00:00:00Z"), None);
    }

    #[test]
    fn written_dates() {
        assert_eq!(d("March 3, 2024").as_deref(), Some("2024-03-03"));
        assert_eq!(d("Mar. 3rd, 2024 by Acme").as_deref(), Some("2024-03-03"));
        assert_eq!(d("3 March 2024").as_deref(), Some("2024-03-03"));
        assert_eq!(d("the 3rd of March 2024").as_deref(), Some("2024-03-03"));
        assert_eq!(
            d("Tue Mar 05 2024 10:20:30 GMT+0100").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(d("Tuesday, March 5, 2024").as_deref(), Some("2024-03-05"));
        assert_eq!(d("2024-03-03").as_deref(), Some("2024-03-03"));
        assert_eq!(d("2026-08-06").as_deref(), Some("2026-08-06"));
        assert_eq!(d("2024/3/3").as_deref(), Some("2024-03-03"));
        assert_eq!(
            stated("2024年3月3日", Some("zh"))
                .map(Date::to_column)
                .as_deref(),
            Some("2024-03-03")
        );
        assert_eq!(
            stated("3. März 2024", Some("de"))
                .map(Date::to_column)
                .as_deref(),
            Some("2024-03-03")
        );
        assert_eq!(
            stated("3 de marzo de 2024", Some("es"))
                .map(Date::to_column)
                .as_deref(),
            Some("2024-03-03")
        );
        assert_eq!(
            stated("le 3 mars 2024", Some("fr"))
                .map(Date::to_column)
                .as_deref(),
            Some("2024-03-03")
        );
        // HN's own text for an old comment.
        assert_eq!(d("on Nov 1, 2017").as_deref(), Some("2017-11-01"));
        assert_eq!(d("March 2024"), None);
        assert_eq!(d("Feb 30, 2024"), None);
        assert_eq!(d("3 Marchy 2024"), None);
        assert_eq!(d("3 days ago"), None);
    }

    #[test]
    fn numeric_dates_only_when_the_order_is_certain() {
        assert_eq!(d("13/03/2024").as_deref(), Some("2024-03-13"));
        assert_eq!(d("03/13/2024").as_deref(), Some("2024-03-13"));
        assert_eq!(d("03/03/2024").as_deref(), Some("2024-03-03"));
        // 3 April or March 4: English pages are written both ways.
        assert_eq!(d("03/04/2024"), None);
        assert_eq!(stated("03/04/2024", None), None);
        assert_eq!(
            stated("03.04.2024", Some("de"))
                .map(Date::to_column)
                .as_deref(),
            Some("2024-04-03")
        );
        // TopCV (Vietnamese): "Hạn nộp hồ sơ: 31/05/2026".
        assert_eq!(
            stated("31/05/2026", Some("vi"))
                .map(Date::to_column)
                .as_deref(),
            Some("2026-05-31")
        );
        assert_eq!(d("03/04/24"), None);
        assert_eq!(d("1/7/2025 "), None);
    }

    fn posting_of(lines: &[&str]) -> Posting {
        let raw = lines
            .iter()
            .map(|text| crate::extract::RawBlock {
                kind: crate::extract::BlockKind::Paragraph,
                text: (*text).to_owned(),
                bold: false,
            })
            .collect();
        Posting::from_blocks(crate::extract::Metadata::default(), raw).unwrap()
    }

    fn labelled(lines: &[&str], page: Option<Stamp>) -> Option<String> {
        from_text(&posting_of(lines), Some("en"), page).map(Date::to_column)
    }

    #[test]
    fn labelled_lines() {
        assert_eq!(
            labelled(&["Posted on March 3, 2024"], None).as_deref(),
            Some("2024-03-03")
        );
        assert_eq!(
            labelled(&["Posted: 2024-03-03"], None).as_deref(),
            Some("2024-03-03")
        );
        assert_eq!(
            labelled(&["Date posted: 13/03/2024"], None).as_deref(),
            Some("2024-03-13")
        );
        assert_eq!(
            labelled(&["Date posted: 03/03/2024"], None).as_deref(),
            Some("2024-03-03")
        );
        assert_eq!(labelled(&["Date posted: 03/04/2024"], None), None);
        assert_eq!(
            labelled(&["• This job was posted on Mar 3, 2024"], None).as_deref(),
            Some("2024-03-03")
        );
        // Not the posting's date: a paper, a deadline, a product.
        assert_eq!(
            labelled(&["Our paper, published on March 3, 2020 in Nature"], None),
            None
        );
        assert_eq!(
            labelled(&["This role will close on Friday, October 11, 2024."], None),
            None
        );
        assert_eq!(labelled(&["Published: 3 papers at NeurIPS"], None), None);
        // Two dates that disagree: neither.
        assert_eq!(
            labelled(&["Posted: 2024-03-03", "Posted: 2024-03-04"], None),
            None
        );
        assert_eq!(
            labelled(&["Posted: 2024-03-03", "Posted: March 3, 2024"], None).as_deref(),
            Some("2024-03-03")
        );
    }

    #[test]
    fn relative_dates_need_the_pages_own_date() {
        let page = iso("2024-03-10T08:00:00Z");
        assert_eq!(labelled(&["Posted 3 days ago"], None), None);
        assert_eq!(
            labelled(&["Posted 3 days ago"], page).as_deref(),
            Some("2024-03-07")
        );
        assert_eq!(
            labelled(&["Posted today"], page).as_deref(),
            Some("2024-03-10")
        );
        assert_eq!(
            labelled(&["Posted yesterday"], page).as_deref(),
            Some("2024-03-09")
        );
        assert_eq!(
            labelled(&["Just posted"], page).as_deref(),
            Some("2024-03-10")
        );
        assert_eq!(
            labelled(&["Posted a day ago"], page).as_deref(),
            Some("2024-03-09")
        );
        assert_eq!(
            labelled(&["Posted 9 hours ago"], page).as_deref(),
            Some("2024-03-09")
        );
        assert_eq!(labelled(&["Posted 30+ days ago"], page), None);
        assert_eq!(labelled(&["Posted 2 weeks ago"], page), None);
        // Hours need the time of day.
        assert_eq!(labelled(&["Posted 9 hours ago"], iso("2024-03-10")), None);
        // After the page's own date: not a posting date.
        assert_eq!(labelled(&["Posted: 2024-03-11"], page), None);
        // Employer activity is not the posting's date.
        assert_eq!(labelled(&["Employer active 3 days ago"], page), None);
    }

    #[test]
    fn foorilla_fragment_states_its_publication_date() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/postings/page-foorilla-fragment-ai-rnd-coop.html"
        );
        let posting = extract(&std::fs::read(path).unwrap(), Format::Html).unwrap();
        // `<div>Published: <strong>2026-08-06</strong></div>`
        assert_eq!(posting.meta.date_posted.as_deref(), Some("2026-08-06"));
    }

    #[test]
    fn json_ld_stays_first() {
        let html = r#"<html><head><meta property="article:published_time" content="2020-01-01T00:00:00Z">
            <script type="application/ld+json">{"@type":"JobPosting","title":"Rust Engineer","datePosted":"2024-05-01"}</script>
            </head><body><p>Posted: 2023-01-01</p><p>We write Rust.</p></body></html>"#;
        let posting = extract(html.as_bytes(), Format::Html).unwrap();
        assert_eq!(posting.meta.date_posted.as_deref(), Some("2024-05-01"));
    }

    #[test]
    fn meta_tags_and_microdata() {
        let page = |head: &str, body: &str| {
            let html = format!(
                "<html><head>{head}</head><body>{body}<p>We write Rust services.</p></body></html>"
            );
            extract(html.as_bytes(), Format::Html)
                .unwrap()
                .meta
                .date_posted
        };
        assert_eq!(
            page(
                r#"<meta property="article:published_time" content="2024-02-01T09:00:00+01:00">"#,
                ""
            )
            .as_deref(),
            Some("2024-02-01")
        );
        assert_eq!(
            page(r#"<meta name="DC.date" content="2023-12-24">"#, "").as_deref(),
            Some("2023-12-24")
        );
        assert_eq!(
            page(
                r#"<meta name="date" content="2023-12-24"><meta property="og:published_time" content="2023-12-20">"#,
                ""
            )
            .as_deref(),
            Some("2023-12-20")
        );
        assert_eq!(
            page("", r#"<div itemscope itemtype="http://schema.org/JobPosting"><meta itemprop="datePosted" content="2022-07-14"></div>"#)
                .as_deref(),
            Some("2022-07-14")
        );
        assert_eq!(
            page("", r#"<p>Posted <time itemprop="datePosted" datetime="2022-07-14T10:00">July 14</time></p>"#)
                .as_deref(),
            Some("2022-07-14")
        );
        assert_eq!(
            page(
                "",
                r#"<p>Posted: <span itemprop="datePosted">2022-07-15</span></p>"#
            )
            .as_deref(),
            Some("2022-07-15")
        );
        // A publication date after the page's own modification date is not trusted.
        assert_eq!(
            page(
                r#"<meta property="article:published_time" content="2024-02-01"><meta property="article:modified_time" content="2024-01-01">"#,
                ""
            ),
            None
        );
        assert_eq!(page(r#"<meta name="date" content="yesterday">"#, ""), None);
        // The modification date is the page's own date, for relative dates.
        assert_eq!(
            page(
                r#"<meta property="article:modified_time" content="2024-01-10T12:00:00Z">"#,
                "<p>Posted 2 days ago</p>"
            )
            .as_deref(),
            Some("2024-01-08")
        );
        assert_eq!(page("", "<p>Posted 2 days ago</p>"), None);
    }

    /// An HN comment page as news.ycombinator.com serves it (`item?id=` of a comment): the
    /// comment in `table.fatitem`, then the replies in `table.comment-tree`.
    const HN_COMMENT_PAGE: &str = r#"<html lang="en"><head><title>Neon Health | Founding Sr Backend Engineer | Hacker News</title></head><body><center><table id="hnmain">
<tr><td><table class="fatitem" border="0">
<tr class='athing' id='44159535'>
<td class='ind'></td><td valign="top" class="votelinks"></td><td class="default"><div style="margin-top:2px; margin-bottom:-10px;"><span class="comhead">
          <a href="user?id=stedman" class="hnuser">stedman</a> <span class="age" title="2025-06-02T15:01:40 1748876500"><a href="item?id=44159535">on June 2, 2025</a></span> <span id="unv_44159535"></span>          <span class='navs'>
             | <a href="item?id=44159528">parent</a> | <a href="context?id=44159535" rel="nofollow">context</a><span class="onstory"> |  on: <a href="item?id=44159528">Ask HN: Who is hiring? (June 2025)</a></span>          </span>
                  </span></div><br><div class="comment">
                  <div class="commtext c00">Neon Health | Founding Sr Backend Engineer | SF, Remote (North America) | Full-time | $170-225K + equity<p>We're mission-driven capitalists: making life-saving drugs more accessible.</p></div></div></td></tr>
</table><br><br><table class="comment-tree" border="0">
<tr class='athing comtr' id='44160000'><td><table border='0'><tr><td class='ind' indent='0'><img src="s.gif" height="1" width="0"></td><td class="default"><div style="margin-top:2px; margin-bottom:-10px;"><span class="comhead">
          <a href="user?id=bob" class="hnuser">bob</a> <span class="age" title="2025-06-05T10:00:00 1749117600"><a href="item?id=44160000">on June 5, 2025</a></span></span></div><br><div class="comment"><div class="commtext c00">Is this role open to Canada?</div></div></td></tr></table></td></tr>
</table></td></tr></table></center></body></html>"#;

    #[test]
    fn hacker_news_comment_page_gives_the_comments_own_time() {
        let posting = extract(HN_COMMENT_PAGE.as_bytes(), Format::Html).unwrap();
        assert_eq!(posting.meta.date_posted.as_deref(), Some("2025-06-02"));
        // Before HN wrote a `title`: the link text "on Nov 1, 2017".
        let old = HN_COMMENT_PAGE
            .replace(r#" title="2025-06-02T15:01:40 1748876500""#, "")
            .replace("on June 2, 2025", "on Nov 1, 2017");
        let posting = extract(old.as_bytes(), Format::Html).unwrap();
        assert_eq!(posting.meta.date_posted.as_deref(), Some("2017-11-01"));
        // "6 days ago" alone: nothing to read it against, and never the reply's date.
        let relative = HN_COMMENT_PAGE
            .replace(r#" title="2025-06-02T15:01:40 1748876500""#, "")
            .replace("on June 2, 2025", "6 days ago");
        let posting = extract(relative.as_bytes(), Format::Html).unwrap();
        assert_eq!(posting.meta.date_posted, None);
    }

    #[test]
    fn hacker_news_thread_page_is_not_a_comments_date() {
        // The thread (a story): its age is in `td.subtext`, not a comment head; the comments
        // below are replies.
        let thread = r#"<html><body><table class="fatitem" border="0">
<tr class='athing submission' id='44159528'><td class="title"><span class="titleline"><a href="item?id=44159528">Ask HN: Who is hiring? (June 2025)</a></span></td></tr>
<tr><td colspan="2"></td><td class="subtext"><span class="subline"><span class="score" id="score_44159528">231 points</span> by <a href="user?id=whoishiring" class="hnuser">whoishiring</a> <span class="age" title="2025-06-02T15:01:05 1748876465"><a href="item?id=44159528">on June 2, 2025</a></span></span></td></tr>
</table><table class="comment-tree"><tr class='athing comtr' id='44159535'><td><span class="comhead"><a class="hnuser">stedman</a> <span class="age" title="2025-06-02T15:01:40 1748876500"></span></span>
<div class="commtext c00">Neon Health | Founding Sr Backend Engineer | SF, Remote | Full-time | We write Rust and Python for hospitals and pharmacies everywhere.</div></td></tr></table></body></html>"#;
        let posting = extract(thread.as_bytes(), Format::Html).unwrap();
        assert_eq!(posting.meta.date_posted, None);
    }

    #[test]
    fn singlefile_saved_date_anchors_relative_dates() {
        let html = "<!DOCTYPE html> <html lang=\"en\"><!--\n Page saved with SingleFile \n url: https://example.com/jobs/1 \n saved date: Tue Mar 05 2024 10:20:30 GMT+0100 (Central European Standard Time)\n--><head></head><body><h1>Rust Engineer</h1><p>Posted 4 days ago</p><p>We write Rust services for hospitals.</p></body></html>";
        let stamp = saved_date(html).unwrap();
        assert_eq!(stamp.date, day(2024, 3, 5));
        assert_eq!(stamp.seconds, Some(10 * 3600 + 20 * 60 + 30));
        let posting = extract(html.as_bytes(), Format::Html).unwrap();
        assert_eq!(posting.meta.date_posted.as_deref(), Some("2024-03-01"));
    }

    #[test]
    fn markdown_front_matter_and_posted_lines() {
        let md = "---\ntitle: Rust Engineer\ndate_posted: 2024-06-03\n---\n# Rust Engineer\n\nWe write Rust.\n";
        assert_eq!(front_matter(md).0, Some(day(2024, 6, 3)));
        let posting = extract(md.as_bytes(), Format::Markdown).unwrap();
        assert_eq!(posting.meta.date_posted.as_deref(), Some("2024-06-03"));
        // `date:` is the document's own date: relative dates are read against it.
        let md =
            "---\ndate: 2024-06-10\n---\n# Rust Engineer\n\nPosted 3 days ago\n\nWe write Rust.\n";
        let posting = extract(md.as_bytes(), Format::Markdown).unwrap();
        assert_eq!(posting.meta.date_posted.as_deref(), Some("2024-06-07"));
        let md = "# Jobs of 2024-06-10\n\n**Posted:** yesterday\n\nWe write Rust.\n";
        let posting = extract(md.as_bytes(), Format::Markdown).unwrap();
        assert_eq!(posting.meta.date_posted.as_deref(), Some("2024-06-09"));
        // RemoteWLB exports state no date: the `2024-06/` of their path is not one.
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/postings/remotewlb-backend-developer-rust.md"
        );
        let posting = extract(&std::fs::read(path).unwrap(), Format::Markdown).unwrap();
        assert_eq!(posting.meta.date_posted, None);
    }

    #[test]
    fn fetch_time_anchors_relative_dates() {
        let fetched = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_710_064_800);
        let html = "<html><body><h1>Rust Engineer</h1><p>Posted 3 days ago</p><p>We write Rust.</p></body></html>";
        let posting =
            crate::extract::extract_fetched(html.as_bytes(), Format::Html, None, fetched).unwrap();
        assert_eq!(posting.meta.date_posted.as_deref(), Some("2024-03-07"));
        let posting = extract(html.as_bytes(), Format::Html).unwrap();
        assert_eq!(posting.meta.date_posted, None);
    }
}
