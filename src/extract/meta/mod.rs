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
//!
//! One file per field: `salary`, `remote` (remote, hybrid, on-site), `role` (seniority from the
//! title, years of experience), `employment` (employment type) and `first_line` (Hacker News's
//! `Company | Role | Place` first lines); this file runs them over a posting's blocks.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use super::jsonld::{Salary, employment_types};
use super::{Metadata, Posting, Remote, SectionKind, Seniority, looks_like_role};

mod employment;
mod first_line;
pub mod page;
mod remote;
mod role;
mod salary;

use employment::EMPLOYMENT_WORDS;
pub use employment::employment_type;
pub use first_line::hn_first_line;
use remote::{Signals, WORKPLACE_WORDS};
pub use remote::{remote_of_place, remote_of_text};
pub use role::{experience_years, seniority};
use salary::CURRENCIES;
pub use salary::salary;

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

#[cfg(test)]
mod tests {
    use super::*;
    use super::{employment::*, remote::*, salary::*};

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

    /// The words looked for near the end only: the same answer as the pattern alone, for the
    /// text before every digit of every fixture posting and for made-up edge cases.
    #[test]
    fn not_salary_before_answers_as_its_pattern() {
        let mut checked = 0;
        let mut check = |before: &str| {
            assert_eq!(
                not_salary_before(before),
                NOT_SALARY_BEFORE.is_match(before),
                "{before:?}"
            );
            checked += 1;
        };
        for (_, posting) in fixture_postings() {
            let text = posting.text.as_str();
            for (at, _) in text.match_indices(|c: char| c.is_ascii_digit()) {
                check(tail(&text[..at], 80));
            }
        }
        for before in [
            "we raised ",
            "raised over the — top ",
            "sales of the big — old ",
            "overview of ",
            "éover the top ",
            "more than a few good ",
            "more than a few good old ",
            "reimbursements for your ",
            "ſave ",
            "the 401",
            "",
        ] {
            check(before);
        }
        assert!(checked > 2_000, "{checked}");
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
