//! Résumés: bytes of a résumé (Markdown, plain text, HTML, JSON Resume, PDF, DOCX) -> the
//! skills and technologies the candidate has, each with evidence and, where the résumé says
//! so, years.
//!
//! The text goes through the same extraction and skill map as a posting, with two differences:
//! a résumé says what someone has done, not what a job asks, so levels (required, preferred)
//! mean nothing and every hit counts, boilerplate sections included; and its own furniture
//! (contact lines, references) is dropped before matching. Years come from two places: "5+
//! years of Rust" in a sentence, and dated work entries ("2016 Dec 5 - 2020 May 28",
//! "05/2023 - Present") whose text names the skill.
//!
//! Owns résumé formats and the reading of dates; the finding itself is the [`Matcher`]'s and
//! the [`Technologies`]' job.

use std::io::Read;
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use crate::candidate::technology::Technologies;
use crate::extract::{self, BlockKind, Format, Metadata, Posting, RawBlock};
use crate::matcher::{self, Matcher, Verdict};

mod career;
mod json;
mod roles;
use json::json_resume;
use roles::{clause_title, roles, without_attributes};

/// The formats a résumé can be read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResumeFormat {
    /// Markdown (`.md`, `.markdown`).
    Markdown,
    /// Plain text (`.txt`, or no known extension).
    Text,
    /// HTML (`.html`, `.htm`).
    Html,
    /// JSON: a JSON Resume (`resume.json`, jsonresume.org schema), or a résumé in its
    /// author's own layout, read by walking its values.
    JsonResume,
    /// PDF.
    Pdf,
    /// Word 2007+ (`.docx`).
    Docx,
}

impl ResumeFormat {
    /// The format of a file, by its first bytes (PDF, ZIP, JSON) and else its extension.
    pub fn detect(path: &Path, bytes: &[u8]) -> ResumeFormat {
        if bytes.starts_with(b"%PDF") {
            return ResumeFormat::Pdf;
        }
        if bytes.starts_with(b"PK\x03\x04") {
            return ResumeFormat::Docx;
        }
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("md" | "markdown") => ResumeFormat::Markdown,
            Some("html" | "htm") => ResumeFormat::Html,
            Some("json") => ResumeFormat::JsonResume,
            Some("pdf") => ResumeFormat::Pdf,
            Some("docx") => ResumeFormat::Docx,
            _ if bytes.trim_ascii_start().starts_with(b"{") => ResumeFormat::JsonResume,
            _ => ResumeFormat::Text,
        }
    }
}

/// Why a résumé could not be read. Carries no path: the caller names the file.
#[derive(Debug, thiserror::Error)]
pub enum ResumeError {
    /// The text could not be extracted (empty, binary, no readable text).
    #[error("{0}")]
    Extract(#[from] extract::ExtractError),
    /// A PDF that does not parse or has no text layer.
    #[error("cannot read PDF: {0}")]
    Pdf(String),
    /// A DOCX that is not a ZIP with `word/document.xml`, or whose XML does not parse.
    #[error("cannot read DOCX: {0}")]
    Docx(String),
    /// JSON that does not parse, or not a JSON Resume object.
    #[error("not a JSON Resume: {0}")]
    Json(String),
}

/// Something the candidate has, with where the résumé says so.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Index of the skill in the rule set, or of the technology in [`Technologies::all`].
    pub index: usize,
    /// The line of the résumé that names it first, at most 200 characters.
    pub evidence: String,
    /// Years of it, where the résumé says so (stated, or summed over dated entries).
    pub years: Option<f64>,
    /// Named only in passing: in one line of the résumé, a sentence rather than a title, a
    /// short list item or a labelled list ("React Native apps (Android/iOS) for AT&T"); or a
    /// field of work named only as a skills list's label ("Automation & DevOps: WP-CLI").
    pub in_passing: bool,
}

/// What a résumé says a candidate has.
#[derive(Debug, Clone, PartialEq)]
pub struct Resume {
    /// The skills of the skill map, in rule order.
    pub skills: Vec<Found>,
    /// The technologies beyond the map, in vocabulary order (those the map covers are left
    /// out: they are skills).
    pub technologies: Vec<Found>,
    /// Years of work: the union of the dated entries' spans, where there are any.
    pub experience_years: Option<f64>,
    /// The role words of the résumé ([`crate::candidate::role`]): the professions and fields
    /// it names.
    pub roles: Vec<&'static str>,
    /// `Some(false)` when the résumé's dated entries show a move from software, IT or data
    /// work to another profession (a software engineer turned product manager): the latest
    /// title names no such role and most dated months are under titles that name none.
    /// [`Resume::roles`] are then the words of those titles only. `None` otherwise.
    pub technical: Option<bool>,
    /// The text read, one block a line, furniture removed.
    pub text: String,
}

/// A month count since year 0 (`year * 12 + month - 1`).
type Month = i32;

/// Reads a résumé: extracts its text, drops its furniture and finds what the candidate has.
/// `today` is the month "present" means in a dated entry, `(year, month)`.
pub fn read(
    matcher: &Matcher,
    technologies: &Technologies,
    bytes: &[u8],
    format: ResumeFormat,
    today: (i32, u32),
) -> Result<Resume, ResumeError> {
    let raw = blocks(bytes, format)?;
    let raw = without_furniture(raw);
    let posting = Posting::from_blocks(Metadata::default(), raw)?;
    Ok(find(matcher, technologies, &posting, today))
}

/// The résumé's text as blocks, by format.
pub fn blocks(bytes: &[u8], format: ResumeFormat) -> Result<Vec<RawBlock>, ResumeError> {
    match format {
        ResumeFormat::Markdown => posting_blocks(bytes, Format::Markdown),
        ResumeFormat::Text => posting_blocks(bytes, Format::Text),
        ResumeFormat::Html => posting_blocks(bytes, Format::Html),
        ResumeFormat::JsonResume => json_resume(bytes),
        ResumeFormat::Pdf => {
            // pdf-extract panics on some malformed files: a bad résumé is an error, not a crash.
            let text = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(bytes))
                .map_err(|_| ResumeError::Pdf("the PDF reader gave up on this file".into()))?
                .map_err(|e| ResumeError::Pdf(e.to_string()))?;
            text_blocks(&unglued_dates(&without_ligatures(&text)))
        }
        ResumeFormat::Docx => docx(bytes),
    }
}

fn posting_blocks(bytes: &[u8], format: Format) -> Result<Vec<RawBlock>, ResumeError> {
    let posting = extract::extract_document(bytes, format)?;
    Ok(posting
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| RawBlock {
            kind: b.kind,
            text: posting.block_text(i).to_owned(),
            bold: false,
        })
        .collect())
}

/// Text with the typographic ligatures a PDF's fonts keep ("Conﬂuence", "staﬀ") spelt
/// out, so that the skill map and the technologies match the words they stand in.
fn without_ligatures(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            c => out.push(c),
        }
    }
    out
}

/// A year or an open end glued to the capitalised word after it, as PDFs laid out in boxes
/// give them ("2018Bachelor of Science", "01/2024 - PresentMarketing & Creative Lead").
static GLUED_DATE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"\b((?:19|20)\d{2}|Present|Current|Now|Today)(\p{Lu}\p{Ll})").ok()
});

/// Text (from a PDF) with a space between a date and the word glued after it, so that the
/// date range and the title it heads are read apart ("01/2024 - Present Marketing & Creative
/// Lead").
fn unglued_dates(text: &str) -> String {
    match GLUED_DATE.as_ref() {
        Some(re) => re.replace_all(text, "$1 $2").into_owned(),
        None => text.to_owned(),
    }
}

/// Plain text (from a PDF) as blocks: one per non-blank line; a short line in capitals or
/// ending in a colon is a heading, a line starting with a bullet a list item.
fn text_blocks(text: &str) -> Result<Vec<RawBlock>, ResumeError> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            continue;
        }
        let stripped = line
            .trim_start_matches(['•', '●', '▪', '◦', '-', '*', '–', '·'])
            .trim();
        let letters = line.chars().filter(|c| c.is_alphabetic()).count();
        let kind = if stripped.len() < line.len() {
            BlockKind::ListItem
        } else if line.len() <= 40
            && letters > 2
            && (line.ends_with(':')
                || line
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase))
        {
            BlockKind::Heading(2)
        } else {
            BlockKind::Paragraph
        };
        if !stripped.is_empty() {
            out.push(RawBlock {
                kind,
                text: stripped.to_owned(),
                bold: false,
            });
        }
    }
    if out.is_empty() {
        return Err(ResumeError::Extract(extract::ExtractError::NoText));
    }
    Ok(out)
}

fn block(kind: BlockKind, text: impl Into<String>) -> Option<RawBlock> {
    let text: String = text.into().split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(RawBlock {
        kind,
        text,
        bold: false,
    })
}

/// Most bytes of `word/document.xml` read from a DOCX (a zip bomb stops there).
const MAX_DOCX_XML: u64 = 32 * 1024 * 1024;

/// A DOCX as blocks: each `w:p` paragraph, a heading when its style is a heading or title, a
/// list item when it is numbered; each line of a paragraph broken by `w:br` its own block.
fn docx(bytes: &[u8]) -> Result<Vec<RawBlock>, ResumeError> {
    use quick_xml::events::Event;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| ResumeError::Docx(e.to_string()))?;
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .map_err(|e| ResumeError::Docx(e.to_string()))?
        .take(MAX_DOCX_XML)
        .read_to_string(&mut xml)
        .map_err(|e| ResumeError::Docx(e.to_string()))?;
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut out = Vec::new();
    let (mut text, mut kind, mut in_text) = (String::new(), BlockKind::Paragraph, false);
    loop {
        match reader.read_event() {
            Err(e) => return Err(ResumeError::Docx(e.to_string())),
            Ok(Event::Eof) => break,
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                "p" => {
                    text.clear();
                    kind = BlockKind::Paragraph;
                }
                "t" => in_text = true,
                _ => {}
            },
            Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                "pStyle" => {
                    let style = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == "val")
                        .map(|a| a.value.to_lowercase())
                        .unwrap_or_default();
                    if style.starts_with("heading") || style == "title" {
                        kind = BlockKind::Heading(2);
                    } else if style.contains("list") {
                        kind = BlockKind::ListItem;
                    }
                }
                "numPr" => kind = BlockKind::ListItem,
                "tab" => text.push(' '),
                // A line break inside a paragraph: résumés written as one paragraph per
                // section put each bullet or entry on its own line this way.
                "br" | "cr" => out.extend(block(kind, std::mem::take(&mut text))),
                _ => {}
            },
            Ok(Event::Text(t)) if in_text => {
                text.push_str(t.as_ref());
            }
            Ok(Event::GeneralRef(r)) if in_text => {
                let entity = r.as_ref().to_owned();
                text.push_str(match entity.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => "",
                });
            }
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => out.extend(block(kind, std::mem::take(&mut text))),
                _ => {}
            },
            Ok(_) => {}
        }
    }
    if out.is_empty() {
        return Err(ResumeError::Extract(extract::ExtractError::NoText));
    }
    Ok(out)
}

static EMAIL: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"[\w.+-]+@[\w-]+\.[\w.-]+").ok());
static PHONE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?:\+\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{2,4}").ok());
static URL: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:https?://|www\.|linkedin\.com|github\.com/)\S+").ok());

/// Whether a heading opens a section of furniture: contact details or references.
fn furniture_heading(text: &str) -> bool {
    let lower = text.trim().trim_end_matches(':').to_lowercase();
    matches!(lower.as_str(), "references" | "reference" | "referees") || contact_heading(text)
}

/// Whether a heading names the candidate's contact or personal details.
fn contact_heading(text: &str) -> bool {
    let lower = text.trim().trim_end_matches(':').to_lowercase();
    matches!(
        lower.as_str(),
        "contact"
            | "contact information"
            | "contact info"
            | "contact details"
            | "personal details"
            | "personal information"
    )
}

/// Whether a line is a contact line: an e-mail address, a phone number, or a short line of
/// links; or "References available upon request".
fn contact_line(text: &str) -> bool {
    let found = |re: &LazyLock<Option<Regex>>| re.as_ref().is_some_and(|re| re.is_match(text));
    let words = text.split_whitespace().count();
    let lower = text.to_lowercase();
    found(&EMAIL)
        || (found(&PHONE) && words <= 12)
        || (found(&URL) && words <= 8)
        || lower.contains("available upon request")
        || lower.contains("available on request")
}

/// Drops contact lines and the sections under a references or contact heading.
pub fn without_furniture(raw: Vec<RawBlock>) -> Vec<RawBlock> {
    let mut out = Vec::with_capacity(raw.len());
    let mut skipping: Option<u8> = None;
    for block in raw {
        if let BlockKind::Heading(level) = block.kind {
            if skipping.is_some_and(|skip| level <= skip) {
                skipping = None;
            }
            if furniture_heading(&block.text) {
                skipping = Some(level);
                continue;
            }
        } else if !matches!(block.kind, BlockKind::Heading(_)) && furniture_heading(&block.text) {
            // A line standing as a heading in a PDF's text, where no heading ends what it
            // opens: "References" runs to the end; a contact heading drops only itself, its
            // lines being contact lines (a PDF's "Contact Information" above the summary).
            if !contact_heading(&block.text) {
                skipping = Some(6);
            }
            continue;
        }
        if skipping.is_some() || contact_line(&block.text) {
            continue;
        }
        out.push(block);
    }
    out
}

static MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A date of a dated entry: `2016 Dec 5`, `Dec 2016`, `05/2023`, `2017-05-01`, `2019`, or
/// `present`; the second of a range follows a dash, an en dash or "to".
static DATE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let month = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?";
    let date = format!(
        r"(?:(?P<y1>(?:19|20)\d\d)(?:[-/.](?P<m1>\d{{1,2}})(?:[-/.]\d{{1,2}})?|\s+(?P<mn1>{month})(?:\s+\d{{1,2}})?)?|(?P<mn2>{month})\s+(?P<y2>(?:19|20)\d\d)|(?P<m2>\d{{1,2}})[/.](?P<y3>(?:19|20)\d\d)|(?P<now>present|current|now|today))"
    );
    Regex::new(&format!(r"(?i)\b{date}\b")).ok()
});

static RANGE_JOIN: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^\s*(?:-|–|—|to|until|till)\s*$").ok());

fn month_of(caps: &regex::Captures<'_>, today: Month) -> Option<Month> {
    if caps.name("now").is_some() {
        return Some(today);
    }
    let year: i32 = caps
        .name("y1")
        .or_else(|| caps.name("y2"))
        .or_else(|| caps.name("y3"))?
        .as_str()
        .parse()
        .ok()?;
    let named = caps.name("mn1").or_else(|| caps.name("mn2")).and_then(|m| {
        let lower = m.as_str().to_lowercase();
        MONTHS.iter().position(|p| lower.starts_with(p))
    });
    let numbered = caps
        .name("m1")
        .or_else(|| caps.name("m2"))
        .and_then(|m| m.as_str().parse::<usize>().ok())
        .filter(|m| (1..=12).contains(m))
        .map(|m| m - 1);
    let month = named.or(numbered);
    let month = i32::try_from(month.unwrap_or(0)).ok()?;
    Some(year * 12 + month)
}

/// The first date range in a line, as months `[start, end]` (an end with only a year is
/// read as its December).
pub fn date_range(line: &str, today: (i32, u32)) -> Option<(Month, Month)> {
    let re = DATE.as_ref()?;
    let join = RANGE_JOIN.as_ref()?;
    let today = today.0 * 12 + i32::try_from(today.1).unwrap_or(1) - 1;
    let dates: Vec<regex::Captures<'_>> = re.captures_iter(line).collect();
    for pair in dates.windows(2) {
        let [a, b] = pair else { continue };
        let (Some(ma), Some(mb)) = (a.get(0), b.get(0)) else {
            continue;
        };
        if !join.is_match(line.get(ma.end()..mb.start()).unwrap_or("x")) {
            continue;
        }
        let start = month_of(a, today)?;
        let mut end = month_of(b, today)?;
        let year_only = b.name("y1").is_some() && b.name("m1").is_none() && b.name("mn1").is_none();
        if year_only {
            end += 11;
        }
        if end >= start && end - start <= 50 * 12 {
            return Some((start, end.min(today.max(start))));
        }
    }
    None
}

static STATED_YEARS: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})\s*\+?\s*(?:years?|yrs?)\b(?:\s+of)?(?:\s+(?:professional|commercial|hands-on))?(?:\s+(?:experience|expertise))?").ok()
});

/// The entries of the résumé: for each dated block, the range of blocks it covers and its span.
fn entries(posting: &Posting, today: (i32, u32)) -> Vec<(std::ops::Range<usize>, Month, Month)> {
    let count = posting.blocks.len();
    let dated: Vec<(usize, Month, Month)> = (0..count)
        .filter_map(|i| date_range(posting.block_text(i), today).map(|(s, e)| (i, s, e)))
        .collect();
    let heading_level = |i: usize| match posting.blocks.get(i).map(|b| b.kind) {
        Some(BlockKind::Heading(level)) => Some(level),
        _ => None,
    };
    let mut out = Vec::new();
    for (n, &(i, start_month, end_month)) in dated.iter().enumerate() {
        let previous_dated = n.checked_sub(1).and_then(|p| dated.get(p)).map(|d| d.0);
        // The entry starts at its heading when the dates sit just under it.
        let start = (i.saturating_sub(2)..=i)
            .rev()
            .find(|&j| heading_level(j).is_some() && previous_dated.is_none_or(|p| p < j))
            .unwrap_or(i);
        let level = heading_level(start);
        let next_dated = dated.get(n + 1).map_or(count, |d| d.0);
        let end = (i + 1..next_dated)
            .find(|&j| match (heading_level(j), level) {
                (Some(l), Some(own)) => l <= own,
                (Some(_), None) => true,
                _ => false,
            })
            .unwrap_or(next_dated);
        // A next entry whose heading sits just above its dates ends this one there.
        let end = dated
            .get(n + 1)
            .map(|d| d.0)
            .and_then(|d| (d.saturating_sub(2)..d).find(|&j| j > i && heading_level(j).is_some()))
            .map_or(end, |h| end.min(h));
        out.push((start..end.max(i + 1), start_month, end_month));
    }
    out
}

/// Years from months, to the nearest half year.
fn years(months: i32) -> f64 {
    (f64::from(months) / 6.0).round() / 2.0
}

/// Finds the skills and technologies of a résumé read as a posting.
pub fn find(
    matcher: &Matcher,
    technologies: &Technologies,
    posting: &Posting,
    today: (i32, u32),
) -> Resume {
    let rules = matcher.rules();
    let entries = entries(posting, today);
    // Per block: the years a sentence in it states.
    let stated: Vec<Option<f64>> = (0..posting.blocks.len())
        .map(|i| {
            STATED_YEARS.as_ref().and_then(|re| {
                re.captures_iter(posting.block_text(i))
                    .filter_map(|c| c.get(1)?.as_str().parse::<f64>().ok())
                    .filter(|y| *y > 0.0 && *y <= 50.0)
                    .reduce(f64::max)
            })
        })
        .collect();
    // (index, block) of every occurrence, for skills and technologies.
    let mut skill_blocks: Vec<Vec<usize>> = vec![Vec::new(); rules.skills.len()];
    let mut skill_evidence: Vec<Option<String>> = vec![None; rules.skills.len()];
    for hit in matcher.find(posting).hits {
        if matches!(hit.verdict, Verdict::Excluded(_) | Verdict::Uncorroborated) {
            continue;
        }
        if let Some(blocks) = skill_blocks.get_mut(hit.skill) {
            blocks.push(hit.block);
        }
        if let Some(slot @ None) = skill_evidence.get_mut(hit.skill) {
            *slot = Some(matcher::evidence(posting, &hit));
        }
    }
    let covered = technologies.covered_by(rules);
    let mut tech_blocks: Vec<Vec<usize>> = vec![Vec::new(); technologies.all().len()];
    let mut tech_evidence: Vec<Option<String>> = vec![None; technologies.all().len()];
    let mut titled: Vec<bool> = vec![false; technologies.all().len()];
    // Whether every occurrence of a technology that names a field of work is in the label of
    // a skills list ("Automation & DevOps: WP-CLI, Docker, Bash"): a heading of the tools that
    // follow, not one of them. A language's label ("Python: Intermediate proficiency", "CSS &
    // Pre-processors: SASS, LESS") heads what is said of it.
    let mut labelled: Vec<Option<bool>> = vec![None; technologies.all().len()];
    for (technology, start, _) in technologies.find_in(&posting.text) {
        if covered.get(technology).copied().unwrap_or(true) {
            continue;
        }
        let block = posting.block_at(start);
        // A technology a job title names ("django developer; helped deliver ...") is the
        // candidate's trade, never named in passing.
        let offset = posting
            .blocks
            .get(block)
            .map_or(0, |b| start.saturating_sub(b.start));
        if clause_title(posting.block_text(block)).is_some_and(|t| offset < t.len())
            && let Some(slot) = titled.get_mut(technology)
        {
            *slot = true;
        }
        if let Some(slot) = labelled.get_mut(technology) {
            let in_label = names_field(technologies, technology)
                && list_label(posting.block_text(block)).is_some_and(|l| offset < l.len());
            *slot = Some(slot.unwrap_or(true) && in_label);
        }
        if let Some(blocks) = tech_blocks.get_mut(technology) {
            blocks.push(block);
        }
        if let Some(slot @ None) = tech_evidence.get_mut(technology) {
            *slot = Some(clip(posting.block_text(block)));
        }
    }
    let years_of = |blocks: &[usize]| -> Option<f64> {
        let stated = blocks
            .iter()
            .filter_map(|&b| stated.get(b).copied().flatten())
            .reduce(f64::max);
        let mut spans: Vec<(Month, Month)> = entries
            .iter()
            .filter(|(range, ..)| blocks.iter().any(|b| range.contains(b)))
            .map(|&(_, s, e)| (s, e))
            .collect();
        let dated = union_months(&mut spans);
        let dated = (dated > 0).then(|| years(dated));
        match (stated, dated) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        }
    };
    let labelled: Vec<bool> = labelled.into_iter().map(|l| l == Some(true)).collect();
    let collect = |blocks: &[Vec<usize>],
                   evidence: Vec<Option<String>>,
                   titled: &[bool],
                   labelled: &[bool]|
     -> Vec<Found> {
        evidence
            .into_iter()
            .enumerate()
            .filter_map(|(index, evidence)| {
                Some(Found {
                    index,
                    evidence: evidence?,
                    years: blocks.get(index).and_then(|b| years_of(b)),
                    in_passing: !titled.get(index).copied().unwrap_or(false)
                        && (labelled.get(index).copied().unwrap_or(false)
                            || blocks.get(index).and_then(|b| b.first()).is_some_and(|&f| {
                                blocks.get(index).is_some_and(|b| b.iter().all(|&x| x == f))
                                    && passing_line(posting.block_text(f))
                            })),
                })
            })
            .collect()
    };
    let skills = collect(&skill_blocks, skill_evidence, &[], &[]);
    let found_technologies = collect(&tech_blocks, tech_evidence, &titled, &labelled);
    let mut spans: Vec<(Month, Month)> = entries.iter().map(|&(_, s, e)| (s, e)).collect();
    let total = union_months(&mut spans);
    let (roles, technical) = match career::other_profession(posting, today) {
        Some(words) => (words, Some(false)),
        None => (roles(posting, today), None),
    };
    Resume {
        skills,
        technologies: found_technologies,
        experience_years: (total > 0).then(|| years(total)),
        roles,
        technical,
        text: posting.text.clone(),
    }
}

/// Whether a technology's name is a field of work a job title can name ("DevOps", "iOS",
/// "Machine Learning"), not a language or tool.
fn names_field(technologies: &Technologies, technology: usize) -> bool {
    technologies.get(technology).is_some_and(|t| {
        crate::candidate::role::technical_field(crate::candidate::role::normalize(&t.id).trim())
            .is_some()
    })
}

/// The label of a labelled list ("Automation & DevOps" of "Automation & DevOps: WP-CLI,
/// Docker, Bash"): the text before its first colon, at most four words, with a list after it.
fn list_label(line: &str) -> Option<&str> {
    let (label, rest) = line.split_once(':')?;
    (label.split_whitespace().count() <= 4 && !rest.trim().is_empty()).then_some(label)
}

/// Whether a line names what it names in passing: a sentence, not a title or short list
/// item (at most six words) nor a labelled list ("Data: PostgreSQL, MongoDB, Redis").
fn passing_line(line: &str) -> bool {
    let line = without_attributes(line);
    if line.split_whitespace().count() <= 6 {
        return false;
    }
    list_label(&line).is_none()
}

/// Months covered by the union of spans (each inclusive of its first month).
fn union_months(spans: &mut [(Month, Month)]) -> i32 {
    spans.sort_unstable();
    let mut total = 0;
    let mut current: Option<(Month, Month)> = None;
    for &(s, e) in spans.iter() {
        match current {
            Some((cs, ce)) if s <= ce => current = Some((cs, ce.max(e))),
            Some((cs, ce)) => {
                total += ce - cs;
                current = Some((s, e));
            }
            None => current = Some((s, e)),
        }
    }
    if let Some((cs, ce)) = current {
        total += ce - cs;
    }
    total
}

fn clip(line: &str) -> String {
    let line = line.trim();
    match line.char_indices().nth(matcher::MAX_EVIDENCE_CHARS) {
        Some((cut, _)) => format!("{}…", line.get(..cut).unwrap_or_default()),
        None => line.to_owned(),
    }
}

#[cfg(test)]
mod tests;
