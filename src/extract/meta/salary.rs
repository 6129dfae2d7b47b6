//! Salaries in text: an amount with a currency, `k`, ranges, periods; not funding, bonuses or
//! 401(k)s.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::*;

/// Currencies by symbol or code, and the ISO code each stands for.
pub(super) const CURRENCIES: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("USD", "USD"),
    ("CA$", "CAD"),
    ("C$", "CAD"),
    ("CAD", "CAD"),
    ("AU$", "AUD"),
    ("A$", "AUD"),
    ("AUD", "AUD"),
    ("NZ$", "NZD"),
    ("NZD", "NZD"),
    ("S$", "SGD"),
    ("SGD", "SGD"),
    ("$", "USD"),
    ("€", "EUR"),
    ("EUR", "EUR"),
    ("£", "GBP"),
    ("GBP", "GBP"),
    ("CHF", "CHF"),
    ("SEK", "SEK"),
    ("NOK", "NOK"),
    ("DKK", "DKK"),
    ("PLN", "PLN"),
    ("INR", "INR"),
    ("₹", "INR"),
    ("JPY", "JPY"),
    ("¥", "JPY"),
    ("BRL", "BRL"),
    ("R$", "BRL"),
];

pub(super) const CURRENCY: &str = r"(?:US\$|USD|CA\$|C\$|CAD|AU\$|A\$|AUD|NZ\$|NZD|S\$|SGD|R\$|BRL|\$|€|EUR|£|GBP|CHF|SEK|NOK|DKK|PLN|INR|₹|JPY|¥)";
pub(super) const AMOUNT: &str = r"\d{1,3}(?:[.,]\d{3})+|\d+(?:\.\d{1,2})?";

pub(super) static SALARY: LazyLock<Regex> = LazyLock::new(|| {
    // "USD $163,600 - USD $245,400", "$121,000 USD and $163,000 USD", "€81.000~€110.000".
    let one = |n: u8| {
        format!(
            r"(?:(?P<c{n}>{CURRENCY})\s?(?:(?:US\$|\$|€|£)\s?)?)?(?P<a{n}>{AMOUNT})(?P<k{n}>\s?[kK]\b)?(?P<m{n}>\s?(?:[mMbB]\b|bn\b|million\b|billion\b))?(?:\s?(?P<t{n}>{CURRENCY}))?"
        )
    };
    regex(&format!(
        r"{}(?:\s*(?:-|–|—|~|to|and)\s*{})?",
        one(1),
        one(2)
    ))
});

/// A range with no currency, as HN first lines give it: `150-250k`, `120k-160k+`.
pub(super) static BARE_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?P<a>\d{2,3})\s?[kK]?\s?(?:-|–|to)\s?(?P<b>\d{2,3})\s?[kK]\+?(?:\s|$|\+)")
});

/// Any currency sign or code: the cheap test that spares most lines the salary pattern.
pub(super) static CURRENCY_MARK: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let marks: Vec<&str> = CURRENCIES.iter().map(|(symbol, _)| *symbol).collect();
    match AhoCorasick::new(marks) {
        Ok(marks) => marks,
        // Unreachable: a handful of short literals always builds.
        Err(error) => unreachable!("currency marks: {error}"),
    }
});

pub(super) static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^[\s,.]*(?:(?:usd|eur|gbp|gross|base|salary|brutto)\s*)?(?:(?P<year>per (?:year|annum)|/\s?(?:year|yr|y|annum)\b|a year|annually|annual|yearly|p\.?a\.?\b)|(?P<month>per month|/\s?(?:month|mo)\b|a month|monthly)|(?P<week>per week|/\s?(?:week|wk)\b|a week|weekly)|(?P<day>per day|/\s?day\b|a day|daily)|(?P<hour>per hour|/\s?(?:hour|hr|h)\b|an hour|hourly))",
    )
});

/// Words around an amount that make it something other than a salary.
pub(super) static NOT_SALARY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^[^.;\n]{0,40}?\b(?:seed|series [a-e]|funding|raised|valuation|revenue|arr\b|bonus|stipend|budget|allowance|reimburse|per employee|in (?:sales|funding|revenue)|grant|prize|credits?|contracts?|customers|company|companies|users|market)",
    )
});
pub(super) static NOT_SALARY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:raised|raising|funding|valuation|revenue|arr|bonus|stipend|budget|allowance|reimburse\w*|grant|invest\w*|backed|worth|spend|saved?|generated?|sales of|over|more than|manages?|managing|401)\W*(?:\w+\W+){0,3}$",
    )
});

/// The words of [`NOT_SALARY_BEFORE`], in any ASCII case: text before an amount with none of
/// them cannot match it, and is spared that pattern, whose reverse search over Unicode words
/// builds many states of its lazy DFA.
static NOT_SALARY_BEFORE_WORDS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([
            "raised",
            "raising",
            "funding",
            "valuation",
            "revenue",
            "arr",
            "bonus",
            "stipend",
            "budget",
            "allowance",
            "reimburse",
            "grant",
            "invest",
            "backed",
            "worth",
            "spend",
            "save",
            "generate",
            "sales of",
            "over",
            "more than",
            "manage",
            "managing",
            "401",
        ])
        .ok()
});

/// Whether `before` (the text before an amount) ends in words that make the amount something
/// other than a salary ([`NOT_SALARY_BEFORE`]). The pattern runs only where one of its words
/// is: in any ASCII case, or where a letter whose case folds to an ASCII one (the long s, the
/// Kelvin sign) could spell one.
///
/// The words are looked for only in the last [`NOT_SALARY_BEFORE_RUNS`] runs of word
/// characters of `before` ([`last_word_runs`]): a match of the pattern ends the text and spans
/// no more, so a word further back (the "over" of "overview" two lines up) does not send the
/// whole text through the pattern.
pub(super) fn not_salary_before(before: &str) -> bool {
    let near = last_word_runs(before, NOT_SALARY_BEFORE_RUNS);
    let cue = match NOT_SALARY_BEFORE_WORDS.as_ref() {
        Some(words) => words.is_match(near) || near.contains(['\u{17F}', '\u{212A}']),
        None => true,
    };
    cue && NOT_SALARY_BEFORE.is_match(before)
}

/// Most runs of word characters (`\w`) a match of [`NOT_SALARY_BEFORE`] meets: the run its
/// word begins in, the second word of "sales of" or "more than", and the three words after.
const NOT_SALARY_BEFORE_RUNS: usize = 5;

/// The end of `text` from the start of its `runs`-th last run of word characters (the
/// pattern's Unicode `\w`), or all of it when it has fewer.
fn last_word_runs(text: &str, runs: usize) -> &str {
    let mut seen = 0;
    let mut in_run = false;
    for (at, c) in text.char_indices().rev() {
        // Unknown (no Unicode tables): a word character, which only widens the end kept.
        if regex_syntax::try_is_word_character(c).unwrap_or(true) {
            in_run = true;
        } else if in_run {
            in_run = false;
            seen += 1;
            if seen == runs {
                return text.get(at + c.len_utf8()..).unwrap_or(text);
            }
        }
    }
    text
}

/// Words before a single amount that make it a bound, not the pay: `up to`, `maximum` (the
/// top; `max`) or `from`, `starting at`, `at least`, `minimum` (the bottom; `min`).
pub(super) static BOUND_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?:\b(?P<max>up ?to|maximum(?: of)?|max\.?|as much as)|\b(?P<min>starting (?:at|from)|from|at least|minimum(?: of)?|min\.?))\s*:?\s*$",
    )
});

/// The first plausible salary in a piece of text, with its currency and, when said or clear,
/// its period.
pub fn salary(text: &str) -> Option<Salary> {
    if !text.bytes().any(|b| b.is_ascii_digit()) || !CURRENCY_MARK.is_match(text) {
        return None;
    }
    for caps in SALARY.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        // Word boundaries: no letter or digit right before or after.
        let before = tail(&text[..whole.start()], 80);
        let after = head(&text[whole.end()..], 80);
        if before
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric())
            || after
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '%')
        {
            continue;
        }
        if caps.name("m1").is_some() || caps.name("m2").is_some() {
            continue;
        }
        let code = |name: &str| {
            caps.name(name).and_then(|c| {
                CURRENCIES
                    .iter()
                    .find(|(symbol, _)| *symbol == c.as_str())
                    .map(|(_, code)| (*code).to_owned())
            })
        };
        let (first, second) = (
            code("c1").or_else(|| code("t1")),
            code("c2").or_else(|| code("t2")),
        );
        // "$168,000 CAD - $253,000 USD": two currencies, no one range.
        if first.is_some() && second.is_some() && first != second {
            continue;
        }
        let currency = first.or(second);
        let Some(currency) = currency else { continue };
        let Some(a1) = caps.name("a1").and_then(|a| parse_amount(a.as_str())) else {
            continue;
        };
        let a2 = caps.name("a2").and_then(|a| parse_amount(a.as_str()));
        let k1 = caps.name("k1").is_some();
        let k2 = caps.name("k2").is_some();
        let low = if k1 || (k2 && a1 < 1000.0) {
            a1 * 1000.0
        } else {
            a1
        };
        let high = a2.map(|a| {
            if k2 || (k1 && a < 1000.0) {
                a * 1000.0
            } else {
                a
            }
        });
        if NOT_SALARY_AFTER.is_match(after) || not_salary_before(before) {
            continue;
        }
        let period = period_after(after);
        let high_or_low = high.unwrap_or(low);
        if high_or_low < low {
            continue;
        }
        let period = period.or_else(|| {
            let major = matches!(
                currency.as_str(),
                "USD" | "EUR" | "GBP" | "CHF" | "CAD" | "AUD" | "NZD" | "SGD"
            );
            ((k1 || k2) || (major && low >= 20_000.0)).then(|| "year".to_owned())
        });
        let plausible = match period.as_deref() {
            Some("year") => (10_000.0..=5_000_000.0).contains(&low),
            Some("month") => (500.0..=1_000_000.0).contains(&low),
            Some("week") | Some("day") => (50.0..=100_000.0).contains(&low),
            Some("hour") => (5.0..=2_000.0).contains(&low),
            _ => low >= 10_000.0 && high_or_low <= 100_000_000.0,
        };
        if !plausible || high_or_low > low * 4.0 {
            continue;
        }
        // A single figure that is a bound: "up to $30 per hour" says no minimum.
        let bound = if high.is_none() {
            BOUND_BEFORE.captures(before)
        } else {
            None
        };
        let (min, max) = match bound {
            Some(caps) if caps.name("max").is_some() => (None, Some(low)),
            Some(_) => (Some(low), None),
            None => (Some(low), Some(high_or_low)),
        };
        return Some(Salary {
            min,
            max,
            currency: Some(currency),
            period,
        });
    }
    None
}

/// The last `bytes` bytes of `text` (fewer, to stay on a character boundary).
pub(super) fn tail(text: &str, bytes: usize) -> &str {
    let mut start = text.len().saturating_sub(bytes);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    text.get(start..).unwrap_or_default()
}

/// The first `bytes` bytes of `text` (fewer, to stay on a character boundary).
pub(super) fn head(text: &str, bytes: usize) -> &str {
    let mut end = text.len().min(bytes);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default()
}

pub(super) fn period_after(after: &str) -> Option<String> {
    let caps = PERIOD.captures(after)?;
    ["year", "month", "week", "day", "hour"]
        .into_iter()
        .find(|p| caps.name(p).is_some())
        .map(str::to_owned)
}

/// `150-250k` in an HN first line: thousands a year, currency not said.
pub(super) fn bare_salary_range(part: &str) -> Option<Salary> {
    let caps = BARE_RANGE.captures(part.trim())?;
    let a: f64 = caps.name("a")?.as_str().parse().ok()?;
    let b: f64 = caps.name("b")?.as_str().parse().ok()?;
    (a < b && a >= 20.0).then(|| Salary {
        min: Some(a * 1000.0),
        max: Some(b * 1000.0),
        currency: None,
        period: Some("year".to_owned()),
    })
}

/// `60.000`, `78,000`, `1.5`: a separator followed by exactly three digits groups thousands.
pub(super) fn parse_amount(text: &str) -> Option<f64> {
    let grouped = text.len() > 4
        && text
            .rsplit([',', '.'])
            .next()
            .is_some_and(|last| last.len() == 3)
        && text.contains([',', '.']);
    let digits: String = if grouped {
        text.chars().filter(char::is_ascii_digit).collect()
    } else {
        text.to_owned()
    };
    digits.parse().ok()
}
