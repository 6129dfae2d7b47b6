//! Metadata from the text of a posting: salary, remote, seniority, years of experience,
//! employment type, location, and Hacker News's `Company | Role | Place | REMOTE | $salary`
//! first line.
//!
//! These are heuristics over free text, so they are written to be right when they answer and to
//! stay silent otherwise: a salary needs a currency and a plausible amount and is not a funding
//! round, a bonus or a 401(k); years count only when they are the candidate's experience;
//! remote and on-site signals that disagree give nothing; the seniority comes from the title
//! alone. Structured data (JSON-LD, board APIs) always wins over what is found here
//! ([`Metadata::fill_from`]).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use super::jsonld::{Salary, employment_types};
use super::{Metadata, Posting, Remote, SectionKind, Seniority, looks_like_role};

/// Builds a regex known to be valid (the patterns are constants, checked by the tests).
///
/// Word boundaries are made ASCII (`(?-u:\b)`): a Unicode `\b` stops the regex crate's fast
/// DFA on non-ASCII text, and every boundary here sits next to ASCII words or digits.
fn regex(pattern: &str) -> Regex {
    let pattern = pattern.replace(r"\b", r"(?-u:\b)");
    match Regex::new(&pattern) {
        Ok(re) => re,
        // Unreachable: every pattern is a literal of this file, compiled by its unit tests.
        Err(error) => unreachable!("bad built-in pattern {pattern}: {error}"),
    }
}

/// Metadata guessed from a posting's text and title: what structured data did not give.
pub fn from_posting(posting: &Posting) -> Metadata {
    let mut meta = Metadata::default();
    if let Some(first) = posting.blocks.first() {
        let line = posting.block_text(0);
        if first.start == 0 && line.split('|').filter(|p| !p.trim().is_empty()).count() >= 2 {
            meta = hn_first_line(line);
        }
    }
    if posting.meta.title.is_none() && meta.title.is_none() {
        meta.title = (0..posting.blocks.len().min(3)).find_map(|i| hiring_a(posting.block_text(i)));
    }
    let title = posting.meta.title.as_deref().or(meta.title.as_deref());
    if meta.seniority.is_none() {
        meta.seniority = title.and_then(seniority);
    }
    if meta.remote.is_none() {
        let location = posting
            .meta
            .location
            .as_deref()
            .or(meta.location.as_deref());
        meta.remote = location
            .and_then(remote_of_place)
            .or_else(|| title.and_then(remote_of_place));
    }
    // The body: job content only (not benefits, company boilerplate, legal text, other jobs).
    // Each cheap test runs once over the whole text rather than once per block.
    let [currency, employment, workplace, year] = blocks_with_marks(posting);
    let marked = |flags: &[bool], index: usize| flags.get(index).copied().unwrap_or(false);
    let mut remote = Signals::default();
    let mut years: Option<u32> = None;
    for (index, block) in posting.blocks.iter().enumerate() {
        let kind = posting
            .sections
            .get(block.section)
            .map_or(SectionKind::General, |s| s.kind);
        let text = posting.block_text(index);
        let boilerplate = matches!(
            kind,
            SectionKind::Company | SectionKind::Legal | SectionKind::OtherJobs
        );
        if meta.salary_min.is_none()
            && meta.salary_max.is_none()
            && kind != SectionKind::OtherJobs
            && marked(&currency, index)
            && let Some(salary) = salary(text)
        {
            set_salary(&mut meta, salary);
        }
        if boilerplate {
            continue;
        }
        if meta.location.is_none() {
            meta.location = labelled(text, &["location", "job location", "based in"]);
        }
        if meta.employment_type.is_none() && marked(&employment, index) {
            meta.employment_type = employment_type(text);
        }
        if kind != SectionKind::Benefits && marked(&workplace, index) {
            remote.scan(text);
        }
        if !matches!(kind, SectionKind::Preferred | SectionKind::Benefits)
            && marked(&year, index)
            && let Some(found) = experience_years(text)
        {
            years = Some(years.map_or(found, |y| y.min(found)));
        }
    }
    if meta.remote.is_none() {
        meta.remote = remote.verdict();
    }
    meta.experience_years = years;
    meta
}

/// Which blocks hold a mark of [`CURRENCY_MARK`], [`EMPLOYMENT_MARK`], [`WORKPLACE_MARK`] and
/// [`YEAR_MARKS`]: the blocks whose text the salary, employment, workplace and experience
/// tests may answer for (a superset is enough: each test checks its block again).
///
/// One search over the whole text per set rather than one per block (a call per block costs
/// more than the scan of a short line), resumed after the end of each block where a mark was
/// found: a block needs one mark, not all of them. No mark spans a line break, so a block is
/// flagged whenever searching it alone would find a mark. Every search gets a fast skip loop
/// (aho-corasick's Teddy prefilter, or memchr) rather than walking an automaton over each
/// byte: aho-corasick builds Teddy only for leftmost, case-sensitive automata whose patterns
/// are all two bytes or longer. So the employment and workplace words are searched in an
/// ASCII-lowercased copy of the text (the same matches as an ASCII-case-insensitive search),
/// and the currency marks as `$` (every mark with a dollar contains one) and the others.
fn blocks_with_marks(posting: &Posting) -> [Vec<bool>; 4] {
    let text = posting.text.as_str();
    let lower = text.to_ascii_lowercase();
    let mut currency = vec![false; posting.blocks.len()];
    flag_blocks(posting, &mut currency, |at| {
        let found =
            CURRENCY_NOT_DOLLAR.find(aho_corasick::Input::new(text).span(at..text.len()))?;
        Some((found.start(), found.end()))
    });
    flag_blocks(posting, &mut currency, |at| {
        let found = at + memchr::memchr(b'$', text.as_bytes().get(at..)?)?;
        Some((found, found + 1))
    });
    let [mut employment, mut workplace, mut year] =
        [(); 3].map(|()| vec![false; posting.blocks.len()]);
    for (flags, marks, haystack) in [
        (&mut employment, &*EMPLOYMENT_MARK_LOWER, lower.as_str()),
        (&mut workplace, &*WORKPLACE_MARK_LOWER, lower.as_str()),
        (&mut year, &*YEAR_MARKS, text),
    ] {
        flag_blocks(posting, flags, |at| {
            let found = marks.find(aho_corasick::Input::new(haystack).span(at..haystack.len()))?;
            Some((found.start(), found.end()))
        });
    }
    [currency, employment, workplace, year]
}

/// The words without which [`experience_years`] finds nothing, with their case.
static YEAR_MARKS: LazyLock<AhoCorasick> = LazyLock::new(|| leftmost_marks(["year", "Year", "yr"]));

/// A leftmost-first automaton of `words`, for a search with a prefilter.
fn leftmost_marks<I, P>(words: I) -> AhoCorasick
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    match AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(words)
    {
        Ok(marks) => marks,
        // Unreachable: a handful of short literals always builds.
        Err(error) => unreachable!("marks: {error}"),
    }
}

/// The currency marks of [`CURRENCIES`] without a `$` (those all contain one).
static CURRENCY_NOT_DOLLAR: LazyLock<AhoCorasick> = LazyLock::new(|| {
    leftmost_marks(
        CURRENCIES
            .iter()
            .map(|(symbol, _)| *symbol)
            .filter(|symbol| !symbol.contains('$')),
    )
});

/// [`EMPLOYMENT_WORDS`] for ASCII-lowercased text.
static EMPLOYMENT_MARK_LOWER: LazyLock<AhoCorasick> =
    LazyLock::new(|| leftmost_marks(EMPLOYMENT_WORDS.iter().map(|w| w.to_ascii_lowercase())));

/// [`WORKPLACE_WORDS`] for ASCII-lowercased text.
static WORKPLACE_MARK_LOWER: LazyLock<AhoCorasick> =
    LazyLock::new(|| leftmost_marks(WORKPLACE_WORDS.iter().map(|w| w.to_ascii_lowercase())));

/// Sets the flag of every block where `find` (the first mark at or after a byte offset of the
/// text, as a byte range) finds a mark, asking once per flagged block and once more.
fn flag_blocks(
    posting: &Posting,
    flags: &mut [bool],
    mut find: impl FnMut(usize) -> Option<(usize, usize)>,
) {
    let mut at = 0;
    // Blocks before `block` end before `at`: marks come in order.
    let mut block = 0;
    while at < posting.text.len() {
        let Some((start, end)) = find(at) else {
            return;
        };
        while posting.blocks.get(block).is_some_and(|b| b.end < start) {
            block += 1;
        }
        let Some(flag) = flags.get_mut(block) else {
            return;
        };
        *flag = true;
        let block_end = posting.blocks.get(block).map_or(usize::MAX, |b| b.end);
        at = block_end.max(end);
    }
}

fn set_salary(meta: &mut Metadata, salary: Salary) {
    meta.salary_min = salary.min;
    meta.salary_max = salary.max;
    meta.salary_currency = salary.currency;
    meta.salary_period = salary.period;
}

static HIRING_A: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:hiring|looking for|seeking)\s+(?:an?\s+)?(?:[a-z][a-z-]*\s+)?(?P<role>(?:[A-Z][\w+#./-]*\s+){0,4}(?:Engineer|Developer|Scientist|Designer|Architect|Programmer|Analyst|Researcher|SRE))\b",
    )
});

/// "Goody is hiring a full-stack Senior Software Engineer": the role, when a posting names it
/// only in a sentence (capitalised words ending in a job noun).
fn hiring_a(text: &str) -> Option<String> {
    let role = HIRING_A.captures(text)?.name("role")?.as_str();
    (role.split_whitespace().count() >= 2).then(|| role.to_owned())
}

/// `Location: Berlin` and the like: the value after a known label, when short.
fn labelled(text: &str, labels: &[&str]) -> Option<String> {
    let (label, value) = text.split_once(':')?;
    // The labels are lowercase: no lowercased copy of every line with a colon.
    let label = label.trim();
    if !labels.iter().any(|l| l.eq_ignore_ascii_case(label)) {
        return None;
    }
    let value = value.trim();
    (!value.is_empty() && value.chars().count() <= 80).then(|| value.to_owned())
}

// ---------------------------------------------------------------------------------------------
// Hacker News first line

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
fn stronger(a: Remote, b: Remote) -> Remote {
    if a == Remote::Hybrid || b == Remote::Hybrid {
        Remote::Hybrid
    } else {
        a
    }
}

/// The company part: without a link, a tagline after " - ", or a domain in parentheses.
fn clean_company(part: &str) -> Option<String> {
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

fn is_url(part: &str) -> bool {
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

static REMOTE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:remote|hybrid|on-?site|in-office|in office|only|friendly|ok|first)\b|[()\-–,/&]",
    )
});

/// Words that make a part with a remote mark something other than a place.
static NOT_A_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b(?:visa|relocation|position|positions|role|roles|equity|salary|interns?)\b")
});

static EMPLOYMENT_WORD: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:full[- ]?time|part[- ]?time|contract(?:or)?|freelance|internship|temporary|permanent)\b",
    )
});

/// Places named in HN first lines: countries, regions, tech cities, US states.
const PLACES: &[&str] = &[
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
fn is_place(part: &str) -> bool {
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

// ---------------------------------------------------------------------------------------------
// Salary

/// Currencies by symbol or code, and the ISO code each stands for.
const CURRENCIES: &[(&str, &str)] = &[
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

const CURRENCY: &str = r"(?:US\$|USD|CA\$|C\$|CAD|AU\$|A\$|AUD|NZ\$|NZD|S\$|SGD|R\$|BRL|\$|€|EUR|£|GBP|CHF|SEK|NOK|DKK|PLN|INR|₹|JPY|¥)";
const AMOUNT: &str = r"\d{1,3}(?:[.,]\d{3})+|\d+(?:\.\d{1,2})?";

static SALARY: LazyLock<Regex> = LazyLock::new(|| {
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
static BARE_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^(?P<a>\d{2,3})\s?[kK]?\s?(?:-|–|to)\s?(?P<b>\d{2,3})\s?[kK]\+?(?:\s|$|\+)")
});

/// Any currency sign or code: the cheap test that spares most lines the salary pattern.
static CURRENCY_MARK: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let marks: Vec<&str> = CURRENCIES.iter().map(|(symbol, _)| *symbol).collect();
    match AhoCorasick::new(marks) {
        Ok(marks) => marks,
        // Unreachable: a handful of short literals always builds.
        Err(error) => unreachable!("currency marks: {error}"),
    }
});

static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^[\s,.]*(?:(?:usd|eur|gbp|gross|base|salary|brutto)\s*)?(?:(?P<year>per (?:year|annum)|/\s?(?:year|yr|y|annum)\b|a year|annually|annual|yearly|p\.?a\.?\b)|(?P<month>per month|/\s?(?:month|mo)\b|a month|monthly)|(?P<week>per week|/\s?(?:week|wk)\b|a week|weekly)|(?P<day>per day|/\s?day\b|a day|daily)|(?P<hour>per hour|/\s?(?:hour|hr|h)\b|an hour|hourly))",
    )
});

/// Words around an amount that make it something other than a salary.
static NOT_SALARY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^[^.;\n]{0,40}?\b(?:seed|series [a-e]|funding|raised|valuation|revenue|arr\b|bonus|stipend|budget|allowance|reimburse|per employee|in (?:sales|funding|revenue)|grant|prize|credits?|contracts?|customers|company|companies|users|market)",
    )
});
static NOT_SALARY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?:raised|raising|funding|valuation|revenue|arr|bonus|stipend|budget|allowance|reimburse\w*|grant|invest\w*|backed|worth|spend|saved?|generated?|sales of|over|more than|manages?|managing|401)\W*(?:\w+\W+){0,3}$",
    )
});

/// Words before a single amount that make it a bound, not the pay: `up to`, `maximum` (the
/// top; `max`) or `from`, `starting at`, `at least`, `minimum` (the bottom; `min`).
static BOUND_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
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
        if NOT_SALARY_AFTER.is_match(after) || NOT_SALARY_BEFORE.is_match(before) {
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
fn tail(text: &str, bytes: usize) -> &str {
    let mut start = text.len().saturating_sub(bytes);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    text.get(start..).unwrap_or_default()
}

/// The first `bytes` bytes of `text` (fewer, to stay on a character boundary).
fn head(text: &str, bytes: usize) -> &str {
    let mut end = text.len().min(bytes);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default()
}

fn period_after(after: &str) -> Option<String> {
    let caps = PERIOD.captures(after)?;
    ["year", "month", "week", "day", "hour"]
        .into_iter()
        .find(|p| caps.name(p).is_some())
        .map(str::to_owned)
}

/// `150-250k` in an HN first line: thousands a year, currency not said.
fn bare_salary_range(part: &str) -> Option<Salary> {
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
fn parse_amount(text: &str) -> Option<f64> {
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

// ---------------------------------------------------------------------------------------------
// Remote

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

static HYBRID_WORD: LazyLock<Regex> = LazyLock::new(|| regex(r"\bhybrid\b"));
static REMOTE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"\bremote\b(?:[^-]|$)|\bremote-(?:only|friendly|ok|eu|us|uk)\b|\bwfh\b|\banywhere\b")
});
static ONSITE_WORD: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\bon-?site\b|\bin-office\b|\bin office\b|\bin-person\b"));
static NOT_REMOTE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"\b(?:not|no|non|isn't|is not)[- ]remote\b"));

/// Words without which a line says nothing about where the work is done.
const WORKPLACE_WORDS: &[&str] = &[
    "remote", "hybrid", "office", "site", "person", "home", "anywhere",
];

static WORKPLACE_MARK: LazyLock<AhoCorasick> = LazyLock::new(|| {
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
struct Signals {
    remote: bool,
    hybrid: bool,
    onsite: bool,
}

static HYBRID_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\bhybrid\b\s*(?:[-–,:(]|role|position|job|work|working|schedule|set-?up|arrangement|policy|opportunity|remote|office|model\b|in\b|from|\d)|\b(?:role|position|job) is hybrid\b|\b\d\s*(?:days?|x)\s*(?:a |per )?(?:week\s*)?(?:in|at|from) (?:the |our )?office|\b(?:one|two|three|four) days? (?:a |per )?(?:week )?(?:in|at|from) (?:the |our )?office",
    )
});
static REMOTE_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:fully|100%|completely|entirely|full) remote\b|\bremote (?:position|role|job|opportunity|(?:first )?(?:team member|employee))\b|\b(?:is|are|be|a) (?:a )?(?:fully )?remote\b(?:[^-]|$)|\bwork (?:from|remotely from) (?:home|anywhere)\b|\bwork remotely\b|\bremote within\b|\bremote \((?:[a-z]+)|\bremote[ -]\s*(?:us|usa|eu|europe|uk|emea|worldwide|global|anywhere|canada)\b",
    )
});
static ONSITE_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"\b(?:on-?site|in-office|in-person|in office|in person)\s*(?:role|position|job|only|work|working|requirement|,|\(|$|5 days)|\b(?:not|no|non|isn't|is not) (?:a )?remote\b|\bis (?:an )?on-?site\b|\bthis role is (?:based )?in (?:our|the) \w+ office\b|\bno remote\b|\bfull[- ]time (?:in|at) (?:the|our) office\b",
    )
});

impl Signals {
    fn scan(&mut self, text: &str) {
        if !WORKPLACE_MARK.is_match(text) {
            return;
        }
        let lower = text.to_lowercase();
        self.hybrid |= HYBRID_TEXT.is_match(&lower);
        self.onsite |= ONSITE_TEXT.is_match(&lower);
        self.remote |= REMOTE_TEXT.is_match(&lower);
    }

    fn verdict(&self) -> Option<Remote> {
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

// ---------------------------------------------------------------------------------------------
// Seniority

static LEVEL_WORDS: LazyLock<Regex> = LazyLock::new(|| {
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

// ---------------------------------------------------------------------------------------------
// Years of experience

static YEARS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)\b(?P<a>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:\+|plus)?\s*(?:(?:-|–|to)\s*(?P<b>\d{1,2})\s*\+?\s*)?(?:or more\s+)?(?:years?|yrs?)\b(?:'|’)?",
    )
});
static YEARS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:[^.;\n]{0,60}?\bexperience\b|\s*(?:of\s+)?(?:\w+\s+){0,2}?(?:professional|industry|hands-on|commercial|relevant|working|work|production|software|engineering|development|programming|coding)\b[^.;\n]{0,40}\bexperience\b|\s*(?:of\s+)?(?:professional|industry|hands-on|commercial|relevant)\b|\s*exp\b)",
    )
});
static YEARS_BEFORE: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)\bexperience\b[^.;\n]{0,25}$"));
static YEARS_NOT: LazyLock<Regex> = LazyLock::new(|| {
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

// ---------------------------------------------------------------------------------------------
// Employment type

/// Words without which a line states no employment type.
/// Words without which a line says nothing about the employment type.
const EMPLOYMENT_WORDS: &[&str] = &[
    "time",
    "contract",
    "type",
    "intern",
    "permanent",
    "freelance",
    "temporary",
];

static EMPLOYMENT_MARK: LazyLock<AhoCorasick> = LazyLock::new(|| {
    match AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(EMPLOYMENT_WORDS)
    {
        Ok(marks) => marks,
        // Unreachable: a handful of short literals always builds.
        Err(error) => unreachable!("employment marks: {error}"),
    }
});

static EMPLOYMENT_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:employment|job|contract|position|work) type\s*:\s*(?P<label>[^.;\n]{1,40})|\b(?P<kind>full[- ]time|part[- ]time|contract|temporary|permanent|freelance)\s+(?:position|role|job|employment|opportunity|contract|engagement)\b|\b(?P<kind2>internship)\s+(?:position|role|program(?:me)?|opportunity)\b",
    )
});

/// The employment type a sentence states ("Employment type: Full-time", "this is a full-time
/// position", "a 6-month contract role"), or a line that is only a label ("Full Time").
pub fn employment_type(text: &str) -> Option<String> {
    if !EMPLOYMENT_MARK.is_match(text) {
        return None;
    }
    let bare = text.trim_matches(|c: char| c == '[' || c == ']' || c.is_whitespace());
    if bare.len() <= 12
        && EMPLOYMENT_WORD
            .find(bare)
            .is_some_and(|m| m.start() == 0 && m.end() == bare.len())
    {
        return employment_types(&[bare.to_owned()]);
    }
    let caps = EMPLOYMENT_TEXT.captures(text)?;
    let words: Vec<String> = match caps.name("label") {
        Some(label) => EMPLOYMENT_WORD
            .find_iter(label.as_str())
            .map(|m| m.as_str().to_owned())
            .collect(),
        None => caps
            .name("kind")
            .or_else(|| caps.name("kind2"))
            .map(|m| vec![m.as_str().to_owned()])
            .unwrap_or_default(),
    };
    employment_types(&words)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every fixture posting (Markdown, HTML), extracted.
    fn fixture_postings() -> Vec<(String, Posting)> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/postings");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        paths.sort();
        paths
            .into_iter()
            .filter_map(|path| {
                let format = crate::extract::Format::from_path(&path)?;
                let bytes = std::fs::read(&path).unwrap();
                let posting = crate::extract::extract(&bytes, format).ok()?;
                Some((path.display().to_string(), posting))
            })
            .collect()
    }

    /// The flags as searching each block alone gives them.
    fn marks_block_by_block(posting: &Posting) -> [Vec<bool>; 4] {
        let texts: Vec<&str> = (0..posting.blocks.len())
            .map(|i| posting.block_text(i))
            .collect();
        [
            texts.iter().map(|t| CURRENCY_MARK.is_match(*t)).collect(),
            texts.iter().map(|t| EMPLOYMENT_MARK.is_match(*t)).collect(),
            texts.iter().map(|t| WORKPLACE_MARK.is_match(*t)).collect(),
            texts
                .iter()
                .map(|t| t.contains("year") || t.contains("Year") || t.contains("yr"))
                .collect(),
        ]
    }

    #[test]
    fn marks_found_in_the_whole_text_are_the_marks_of_each_block() {
        let postings = fixture_postings();
        assert!(postings.len() > 150);
        let mut flagged = [0usize; 4];
        for (name, posting) in &postings {
            let got = blocks_with_marks(posting);
            assert_eq!(got, marks_block_by_block(posting), "{name}");
            for (count, flags) in flagged.iter_mut().zip(&got) {
                *count += flags.iter().filter(|&&f| f).count();
            }
        }
        // Every set is found somewhere, so the comparison tested something.
        assert!(flagged.iter().all(|&n| n > 50), "{flagged:?}");
    }

    #[test]
    fn marks_in_any_case_at_block_edges() {
        let raw = [
            "Pay: USD 100k",
            "€90k",
            "FULL-TIME, Remote",
            "no marks here",
            "$",
            "5 YRS",
            "office:5 Years",
            "HoMe",
        ]
        .map(|text| crate::extract::RawBlock {
            kind: crate::extract::BlockKind::Paragraph,
            text: text.to_owned(),
            bold: false,
        });
        let posting = Posting::from_blocks(Metadata::default(), raw.to_vec()).unwrap();
        let got = blocks_with_marks(&posting);
        assert_eq!(got, marks_block_by_block(&posting));
        assert_eq!(
            got[0],
            [true, true, false, false, true, false, false, false]
        );
        assert_eq!(
            got[1],
            [false, false, true, false, false, false, false, false]
        );
        assert_eq!(
            got[2],
            [false, false, true, false, false, false, true, true]
        );
        assert_eq!(
            got[3],
            [false, false, false, false, false, false, true, false]
        );
    }

    fn pay(text: &str) -> Option<(f64, f64, Option<String>, Option<String>)> {
        salary(text).map(|s| {
            (
                s.min.unwrap_or_default(),
                s.max.unwrap_or_default(),
                s.currency,
                s.period,
            )
        })
    }

    fn yearly(
        min: f64,
        max: f64,
        currency: &str,
    ) -> Option<(f64, f64, Option<String>, Option<String>)> {
        Some((min, max, Some(currency.to_owned()), Some("year".to_owned())))
    }

    #[test]
    fn a_single_figure_after_up_to_or_from_is_a_bound() {
        let bounds = |text: &str| salary(text).map(|s| (s.min, s.max, s.period));
        let hour = Some("hour".to_owned());
        assert_eq!(
            bounds("Up to $30 per hour"),
            Some((None, Some(30.0), hour.clone()))
        );
        assert_eq!(
            bounds("We pay up to $30/hr."),
            Some((None, Some(30.0), hour.clone()))
        );
        assert_eq!(
            bounds("Salary: maximum of €70,000 per year"),
            Some((None, Some(70_000.0), Some("year".to_owned())))
        );
        assert_eq!(
            bounds("starting at $120k"),
            Some((Some(120_000.0), None, Some("year".to_owned())))
        );
        assert_eq!(
            bounds("Pay: $30 per hour"),
            Some((Some(30.0), Some(30.0), hour))
        );
        // A range stays a range whatever comes before it.
        assert_eq!(
            bounds("from $100k to $120k"),
            Some((Some(100_000.0), Some(120_000.0), Some("year".to_owned())))
        );
    }

    #[test]
    fn salaries_in_the_issue() {
        assert_eq!(pay("$150k - $180k"), yearly(150_000.0, 180_000.0, "USD"));
        assert_eq!(
            pay("EUR 60.000 - 80.000 per year"),
            yearly(60_000.0, 80_000.0, "EUR")
        );
        assert_eq!(pay("£45-55k"), yearly(45_000.0, 55_000.0, "GBP"));
        assert_eq!(
            pay("$170-225K + equity"),
            yearly(170_000.0, 225_000.0, "USD")
        );
        assert_eq!(
            pay("the Base compensation range for this role is EUR 78,000 - EUR 93,000. Actual"),
            yearly(78_000.0, 93_000.0, "EUR")
        );
        assert_eq!(
            pay("SEK 738,000 - SEK 886,000"),
            Some((738_000.0, 886_000.0, Some("SEK".into()), None))
        );
        assert_eq!(
            pay("$260K - $300K + 0.3-0.41% Equity"),
            yearly(260_000.0, 300_000.0, "USD")
        );
        assert_eq!(pay("€60k–€100k"), yearly(60_000.0, 100_000.0, "EUR"));
        assert_eq!(
            pay("$45 - $60 per hour"),
            Some((45.0, 60.0, Some("USD".into()), Some("hour".into())))
        );
        assert_eq!(
            pay("Salary: 4.500 EUR monthly"),
            Some((4500.0, 4500.0, Some("EUR".into()), Some("month".into())))
        );
        assert_eq!(
            pay("$130,000 - $160,000 a year"),
            yearly(130_000.0, 160_000.0, "USD")
        );
        assert_eq!(
            pay("Zone A: USD $163,600 - USD $245,400"),
            yearly(163_600.0, 245_400.0, "USD")
        );
        assert_eq!(
            pay("between $121,000 USD and $163,000 USD, plus"),
            yearly(121_000.0, 163_000.0, "USD")
        );
        assert_eq!(
            pay("EUR €81.000~€110.000"),
            yearly(81_000.0, 110_000.0, "EUR")
        );
    }

    #[test]
    fn things_that_are_not_salaries() {
        assert_eq!(pay("We just closed a $5M seed round."), None);
        assert_eq!(pay("401k matching"), None);
        assert_eq!(pay("401(k) with a 4% match"), None);
        assert_eq!(pay("building a $200B+ company"), None);
        assert_eq!(pay("a $2,000 learning budget"), None);
        assert_eq!(pay("$10k signing bonus"), None);
        assert_eq!(pay("We have raised $40 million from top investors"), None);
        assert_eq!(pay("serving 100,000 companies"), None);
        assert_eq!(pay("Selling 7+ figure contracts"), None);
        assert_eq!(pay("we raised $25,000,000"), None);
        assert_eq!(pay("$50 gift card"), None);
    }

    #[test]
    fn remote_phrasings() {
        assert_eq!(remote_of_place("Remote (EU)"), Some(Remote::Remote));
        assert_eq!(
            remote_of_place("SF, Remote (North America)"),
            Some(Remote::Remote)
        );
        assert_eq!(remote_of_place("On-site (Hybrid)"), Some(Remote::Hybrid));
        assert_eq!(remote_of_place("REMOTE"), Some(Remote::Remote));
        assert_eq!(remote_of_place("ONSITE"), Some(Remote::Onsite));
        assert_eq!(remote_of_place("Berlin"), None);
        assert_eq!(
            remote_of_text("Hybrid, 3 days in office"),
            Some(Remote::Hybrid)
        );
        assert_eq!(
            remote_of_text("This is a fully remote position."),
            Some(Remote::Remote)
        );
        assert_eq!(
            remote_of_text("We are a remote-first company but this is an onsite role in Austin."),
            Some(Remote::Onsite)
        );
        assert_eq!(remote_of_text("We run a hybrid cloud on Kubernetes."), None);
        assert_eq!(remote_of_text("Experience with remote sensing data"), None);
        assert_eq!(remote_of_text("We are a remote-first company."), None);
        assert_eq!(
            remote_of_text("You will work from home or anywhere in the EU."),
            Some(Remote::Remote)
        );
    }

    #[test]
    fn seniority_from_titles() {
        assert_eq!(seniority("Senior Rust Engineer"), Some(Seniority::Senior));
        assert_eq!(seniority("Sr. Backend Engineer"), Some(Seniority::Senior));
        assert_eq!(
            seniority("Senior Staff Software Engineer"),
            Some(Seniority::Staff)
        );
        assert_eq!(
            seniority("Principal Software Engineer"),
            Some(Seniority::Principal)
        );
        assert_eq!(seniority("Lead Runtime Engineer"), Some(Seniority::Lead));
        assert_eq!(seniority("Developer Intern - XAM"), Some(Seniority::Intern));
        assert_eq!(seniority("Junior DevOps Engineer"), Some(Seniority::Junior));
        assert_eq!(seniority("Kotlin Blockchain Engineer (Senior/Mid)"), None);
        assert_eq!(seniority("Senior/Principal Systems Engineer"), None);
        assert_eq!(seniority("Software Engineer"), None);
        assert_eq!(seniority("Misleading Title"), None);
    }

    #[test]
    fn years_of_experience() {
        assert_eq!(
            experience_years("5+ years of experience with Rust"),
            Some(5)
        );
        assert_eq!(
            experience_years("At least 3 years of professional software development experience"),
            Some(3)
        );
        assert_eq!(
            experience_years("3-5 years' experience in backend"),
            Some(3)
        );
        assert_eq!(experience_years("Experience: 4+ years"), Some(4));
        assert_eq!(
            experience_years("five years of industry experience"),
            Some(5)
        );
        assert_eq!(
            experience_years("OpenZFS Developer (3+ years of experience)"),
            Some(3)
        );
        assert_eq!(experience_years("7+ yrs exp"), Some(7));
        assert_eq!(experience_years("We have been 10+ years in business"), None);
        assert_eq!(experience_years("10+ years in business"), None);
        assert_eq!(
            experience_years("Our founders have 20 years of experience in fintech"),
            None
        );
        assert_eq!(experience_years("a 2 year contract"), None);
        assert_eq!(experience_years("4 years ago we started"), None);
    }

    #[test]
    fn roles_named_in_a_sentence() {
        assert_eq!(
            hiring_a("Goody is hiring a full-stack Senior Software Engineer who likes to ship")
                .as_deref(),
            Some("Senior Software Engineer")
        );
        assert_eq!(hiring_a("We are hiring engineers"), None);
        assert_eq!(
            experience_years("The Team: CTO: +13 years of startup experience"),
            None
        );
    }

    #[test]
    fn employment_types_in_text() {
        assert_eq!(
            employment_type("This is a full-time position."),
            Some("full-time".into())
        );
        assert_eq!(
            employment_type("Employment type: Contract"),
            Some("contract".into())
        );
        assert_eq!(
            employment_type("We sign a contract with every customer."),
            None
        );
        assert_eq!(employment_type("[Full Time]"), Some("full-time".into()));
        assert_eq!(employment_type("Contract"), Some("contract".into()));
    }

    #[test]
    fn hn_first_lines() {
        let m = hn_first_line(
            "Neon Health | Founding Sr Backend Engineer | SF, Remote (North America) | Full-time | $170-225K + equity",
        );
        assert_eq!(m.company.as_deref(), Some("Neon Health"));
        assert_eq!(m.title.as_deref(), Some("Founding Sr Backend Engineer"));
        assert_eq!(m.location.as_deref(), Some("SF, Remote (North America)"));
        assert_eq!(m.remote, Some(Remote::Remote));
        assert_eq!(m.employment_type.as_deref(), Some("full-time"));
        assert_eq!(
            (m.salary_min, m.salary_max),
            (Some(170_000.0), Some(225_000.0))
        );
        let m = hn_first_line("klarasystems.com | OpenZFS Developer | REMOTE | Full-time Contract");
        assert_eq!(m.company.as_deref(), Some("klarasystems.com"));
        assert_eq!(m.employment_type.as_deref(), Some("contract"));
        assert_eq!(m.location, None);
        let m = hn_first_line("Acme | FULL TIME, CONTRACTORS, INTERNS, ONSITE, VISA | Berlin");
        assert_eq!(m.location.as_deref(), Some("Berlin"));
        assert_eq!(m.remote, Some(Remote::Onsite));
        let m = hn_first_line(
            "Galaxy (getgalaxy.io) - The Cursor for SQL | NYC, NY | Full time -- Founding Frontend Engineer",
        );
        assert_eq!(m.company.as_deref(), Some("Galaxy"));
        assert_eq!(m.location.as_deref(), Some("NYC, NY"));
        let m = hn_first_line(
            "SmarterDx | 150-250k+ + equity + benefits | Remote (US only) | Multiple roles",
        );
        assert_eq!(
            (m.salary_min, m.salary_max, m.salary_currency),
            (Some(150_000.0), Some(250_000.0), None)
        );
        assert_eq!(m.remote, Some(Remote::Remote));
    }
}
