//! Extraction: bytes of a saved posting -> a [`Posting`] with metadata, blocks and sections.
//!
//! This stage is pure and synchronous: it takes owned bytes and a [`Format`] and returns owned
//! data, so it runs on any thread. It owns charset decoding, the reduction of HTML, Markdown and
//! plain text to structured text (headings, paragraphs, list items), metadata (title, company)
//! and the recognition of sections. It knows nothing of skills: matching reads the `Posting`.
//!
//! Every format is reduced to the same shape: a list of blocks, one per line of
//! [`Posting::text`], each with a kind. The HTML step sits behind one function
//! ([`html::extract`]) so that the parser can change without touching the rest.

mod clip;
mod collapse;
mod date;
mod decode;
mod front_matter;
pub mod html;
pub mod hydration;
mod is_posting;
pub mod jsonld;
pub mod lang;
mod lower;
mod markdown;
mod markup;
pub mod meta;
pub mod mhtml;
mod section_items;
pub mod sections;
pub mod sites;
#[cfg(feature = "oracles")]
mod tame;
mod text;

use collapse::{count_words, is_ascii_space, non_ascii_space};
pub(crate) use collapse::{push_collapsed, push_collapsed_counting};

use std::path::Path;

use serde_json::Value;

use html::fragment_blocks;

pub use decode::{decode, decode_with_charset};
pub use sections::SectionKind;

/// The formats a posting can be read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// An HTML page or fragment (`.html`, `.htm`).
    Html,
    /// Markdown (`.md`, `.markdown`).
    Markdown,
    /// Plain text (`.txt`).
    Text,
    /// JSON: a schema.org `JobPosting` or one job-board posting, fetched or saved (`.json`).
    Json,
    /// JSON lines, one posting a line (`.jsonl`, `.ndjson`): read line by line by the caller;
    /// as one document, only a single line is a posting.
    JsonLines,
    /// A page saved by a browser as one file (`.mhtml`, `.mht`).
    Mhtml,
    /// A scraper's CSV export of one posting (`.csv`): a header line and one record, read by
    /// the header's names; any other CSV is read as plain text.
    Csv,
}

impl Format {
    /// The format for a file name, by its extension (case-insensitive).
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" => Some(Format::Html),
            "md" | "markdown" => Some(Format::Markdown),
            "txt" => Some(Format::Text),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            "mhtml" | "mht" => Some(Format::Mhtml),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// What a block of text is in the document's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading, with its level (1-6).
    Heading(u8),
    /// A paragraph or other run of text.
    Paragraph,
    /// An item of a list.
    ListItem,
}

/// A block as an extractor produces it, before sections are worked out.
#[derive(Debug, Clone, PartialEq)]
pub struct RawBlock {
    /// What the block is.
    pub kind: BlockKind,
    /// Its text, white space collapsed, trimmed, never empty.
    pub text: String,
    /// Whether all of its text is bold or strong (a "bold lead line" may act as a heading).
    pub bold: bool,
}

/// A block of [`Posting::text`]: one line of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Byte offset of its first byte in [`Posting::text`].
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
    /// Index into [`Posting::sections`].
    pub section: usize,
    /// The block's own section kind when it starts with a label such as "Nice to have:".
    pub label: Option<SectionKind>,
}

/// A section of the posting: the blocks under one heading (or before the first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The heading text, if the section has one.
    pub heading: Option<String>,
    /// What the section is about.
    pub kind: SectionKind,
    /// Index of its first block.
    pub first_block: usize,
    /// One past its last block.
    pub end_block: usize,
}

/// What a posting says about itself: title, company, place, pay, dates, level and language.
///
/// Every field is filled from structured data first (schema.org `JobPosting` JSON-LD, job-board
/// APIs), then from the text ([`meta`] heuristics, [`lang`]). A field the extractor is not sure
/// of stays `None`: a wrong value is worse than an empty one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    /// The job title.
    pub title: Option<String>,
    /// The hiring company.
    pub company: Option<String>,
    /// Where the job is, as the posting says it (`Berlin, Germany`, `Remote (EU)`).
    pub location: Option<String>,
    /// Remote, hybrid or on-site.
    pub remote: Option<Remote>,
    /// `full-time`, `part-time`, `contract`, `temporary`, `internship`, `volunteer` or
    /// `per-diem`; several joined by `;`.
    pub employment_type: Option<String>,
    /// When the posting was published, `YYYY-MM-DD`.
    pub date_posted: Option<String>,
    /// When the posting expires, `YYYY-MM-DD`.
    pub valid_through: Option<String>,
    /// The pay range, in [`Metadata::salary_currency`] per [`Metadata::salary_period`].
    pub salary_min: Option<f64>,
    /// The top of the pay range (equal to `salary_min` for a single figure).
    pub salary_max: Option<f64>,
    /// ISO 4217 code of the pay (`USD`, `EUR`...).
    pub salary_currency: Option<String>,
    /// What the pay is per: `year`, `month`, `week`, `day` or `hour`.
    pub salary_period: Option<String>,
    /// The minimum years of experience asked.
    pub experience_years: Option<u32>,
    /// The level of the role, from its title.
    pub seniority: Option<Seniority>,
    /// ISO 639-1 code of the posting's language (`en`, `de`, `vi`...).
    pub language: Option<String>,
    /// What gave the title, company and location, for `explain`.
    pub sources: FieldSources,
    /// How many postings the page shows when it describes several (schema.org `JobPosting`
    /// objects): a list of jobs rather than one posting.
    pub postings_on_page: Option<usize>,
    /// How many job cards the page shows when many elements are labeled alike as a job's
    /// title: a list of jobs, unless the page has a posting's own sections (a posting whose
    /// theme labels every heading, its sidebar of other jobs included, as a "title").
    pub titled_on_page: Option<usize>,
    /// The page's own title or main heading when it names a list of jobs ("8 vagas de emprego
    /// para programador ruby", "총 1,341건의 검색결과"): a list rather than one posting.
    pub list_title: Option<String>,
}

/// The rule or selector that gave each of a page's title, company and location
/// (`JSON-LD JobPosting.title`, `<h1>`, `site profile LinkedIn: .topcard__title`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldSources {
    /// What gave the title.
    pub title: Option<String>,
    /// What gave the company.
    pub company: Option<String>,
    /// What gave the location.
    pub location: Option<String>,
}

/// Where the work is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Remote {
    /// Fully remote.
    Remote,
    /// Partly remote, partly in an office.
    Hybrid,
    /// In an office or on site.
    Onsite,
}

impl Remote {
    /// The column value: `remote`, `hybrid` or `onsite`.
    pub fn as_str(self) -> &'static str {
        match self {
            Remote::Remote => "remote",
            Remote::Hybrid => "hybrid",
            Remote::Onsite => "onsite",
        }
    }
}

/// The level of a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seniority {
    /// Intern, trainee, apprentice.
    Intern,
    /// Junior, graduate, entry level.
    Junior,
    /// Mid-level, intermediate.
    Mid,
    /// Senior.
    Senior,
    /// Staff.
    Staff,
    /// Principal.
    Principal,
    /// Lead (tech lead, team lead, head of).
    Lead,
}

impl Seniority {
    /// The column value: `intern`, `junior`, `mid`, `senior`, `staff`, `principal` or `lead`.
    pub fn as_str(self) -> &'static str {
        match self {
            Seniority::Intern => "intern",
            Seniority::Junior => "junior",
            Seniority::Mid => "mid",
            Seniority::Senior => "senior",
            Seniority::Staff => "staff",
            Seniority::Principal => "principal",
            Seniority::Lead => "lead",
        }
    }
}

impl Metadata {
    /// Fills every empty field of `self` from `other`.
    pub fn fill_from(&mut self, other: Metadata) {
        fn fill<T>(slot: &mut Option<T>, value: Option<T>) {
            if slot.is_none() {
                *slot = value;
            }
        }
        if self.title.is_none() && other.title.is_some() {
            self.sources.title = other.sources.title;
        }
        if self.company.is_none() && other.company.is_some() {
            self.sources.company = other.sources.company;
        }
        if self.location.is_none() && other.location.is_some() {
            self.sources.location = other.sources.location;
        }
        fill(&mut self.title, other.title);
        fill(&mut self.company, other.company);
        fill(&mut self.location, other.location);
        fill(&mut self.remote, other.remote);
        fill(&mut self.employment_type, other.employment_type);
        fill(&mut self.date_posted, other.date_posted);
        fill(&mut self.valid_through, other.valid_through);
        if self.salary_min.is_none() && self.salary_max.is_none() {
            self.salary_min = other.salary_min;
            self.salary_max = other.salary_max;
            self.salary_currency = other.salary_currency;
            self.salary_period = other.salary_period;
        } else {
            fill(&mut self.salary_currency, other.salary_currency);
            fill(&mut self.salary_period, other.salary_period);
        }
        fill(&mut self.experience_years, other.experience_years);
        fill(&mut self.seniority, other.seniority);
        fill(&mut self.language, other.language);
        fill(&mut self.postings_on_page, other.postings_on_page);
        fill(&mut self.titled_on_page, other.titled_on_page);
        fill(&mut self.list_title, other.list_title);
    }
}

/// A posting reduced to structured text.
#[derive(Debug, Clone, PartialEq)]
pub struct Posting {
    /// Title and company.
    pub meta: Metadata,
    /// The text: one line per block, joined by `\n`.
    pub text: String,
    /// The blocks, in order.
    pub blocks: Vec<Block>,
    /// The sections, in order; every block belongs to exactly one.
    pub sections: Vec<Section>,
    /// Number of words in the text.
    pub words: usize,
    /// What the extractor skipped and why (a malformed JSON-LD block...); never fatal.
    pub warnings: Vec<String>,
}

/// Why a posting could not be read. Carries no path: the caller names the input.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum ExtractError {
    /// The file has no bytes, or only white space.
    #[error("empty file")]
    Empty,
    /// The file looks binary (NUL bytes), not like text.
    #[error("binary file (NUL byte at offset {offset}), not a text posting")]
    Binary {
        /// Where the first NUL byte is.
        offset: usize,
    },
    /// The bytes are not valid in the detected or declared encoding.
    #[error("not valid UTF-8 (invalid byte at offset {offset}) and no charset is declared")]
    InvalidUtf8 {
        /// Where the first invalid sequence starts.
        offset: usize,
    },
    /// The page declares a charset that is not known.
    #[error("unknown charset {label:?} declared")]
    UnknownCharset {
        /// The declared label.
        label: String,
    },
    /// After removing markup and boilerplate there is no text left.
    #[error("no readable text")]
    NoText,
    /// JSON that does not parse.
    #[error("not valid JSON: {0}")]
    Json(String),
    /// JSON that parses but is not what was expected.
    #[error("JSON of an unexpected shape: {0}")]
    JsonShape(String),
    /// An MHTML archive that cannot be read.
    #[error("not a readable MHTML archive: {0}")]
    Mhtml(String),
    /// The document was read but is not a job posting: a license, a results table, a list of
    /// jobs; says which.
    #[error("not a job posting: {0}")]
    NotAPosting(String),
    /// XML (a job board's feed) that does not parse or is not the feed expected.
    #[error("not a readable XML feed: {0}")]
    Xml(String),
}

/// Decodes and extracts a posting from raw bytes.
pub fn extract(bytes: &[u8], format: Format) -> Result<Posting, ExtractError> {
    extract_with_charset(bytes, format, None)
}

/// Decodes and extracts a posting whose charset was given from outside (HTTP `Content-Type`).
pub fn extract_with_charset(
    bytes: &[u8],
    format: Format,
    charset: Option<&str>,
) -> Result<Posting, ExtractError> {
    extract_dated(bytes, format, charset, None, None)
}

/// [`extract_with_charset`] for a page fetched at `fetched_at`: a relative posting date in its
/// text ("Posted 3 days ago") is read against that moment (in UTC), else against the date the
/// page states about itself. Pass the time the body was downloaded, not a later revalidation.
pub fn extract_fetched(
    bytes: &[u8],
    format: Format,
    charset: Option<&str>,
    fetched_at: std::time::SystemTime,
) -> Result<Posting, ExtractError> {
    extract_dated(
        bytes,
        format,
        charset,
        date::Stamp::of_system_time(fetched_at),
        None,
    )
}

/// JSON posting shapes that extraction does not own, handed in by the caller: one posting of a
/// job board's API (`crate::boards::JSON_SHAPES`). Extraction reads schema.org `JobPosting`s
/// itself and asks these for any other JSON document.
#[derive(Debug, Clone, Copy)]
pub struct JsonShapes {
    /// The posting's metadata and description HTML, when the document is one of the shapes.
    pub read: fn(&serde_json::Value) -> Option<(Metadata, String)>,
    /// The shapes, as the error for a document that is none of them names them ("a
    /// Greenhouse, Lever or Ashby posting").
    pub names: &'static str,
}

/// [`extract_with_charset`], or [`extract_fetched`] when `fetched_at` is given, reading JSON
/// documents of `shapes` besides schema.org `JobPosting`s.
pub fn extract_with_shapes(
    bytes: &[u8],
    format: Format,
    charset: Option<&str>,
    fetched_at: Option<std::time::SystemTime>,
    shapes: &JsonShapes,
) -> Result<Posting, ExtractError> {
    extract_dated(
        bytes,
        format,
        charset,
        fetched_at.and_then(date::Stamp::of_system_time),
        Some(shapes),
    )
}

/// Decodes and extracts a posting; `fetched` is when it was downloaded, if it was.
fn extract_dated(
    bytes: &[u8],
    format: Format,
    charset: Option<&str>,
    fetched: Option<date::Stamp>,
    shapes: Option<&JsonShapes>,
) -> Result<Posting, ExtractError> {
    read_dated(bytes, format, charset, fetched, shapes, Verdict::Judge)
}

/// Whether extraction says a document that is no job posting is one ([`ExtractError::NotAPosting`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// Postings: a license, a results table or a list of jobs is an error.
    Judge,
    /// Other documents read the same way (a résumé): no verdict.
    Skip,
}

/// Reads any document the way postings are read (charset, HTML, Markdown, text, sections)
/// without judging whether it is a job posting: a résumé's repeated "Responsibilities" headings
/// or its list of jobs held are what it should have.
pub fn extract_document(bytes: &[u8], format: Format) -> Result<Posting, ExtractError> {
    read_dated(bytes, format, None, None, None, Verdict::Skip)
}

/// [`extract_dated`], judging the result or not.
fn read_dated(
    bytes: &[u8],
    format: Format,
    charset: Option<&str>,
    fetched: Option<date::Stamp>,
    shapes: Option<&JsonShapes>,
    verdict: Verdict,
) -> Result<Posting, ExtractError> {
    if format == Format::Mhtml {
        return extract_mhtml(bytes, fetched, verdict);
    }
    // A raw HTTP response saved whole: the page is its body; its `Content-Type` may name the
    // charset.
    let response = (format == Format::Html)
        .then(|| decode::http_response_body(bytes))
        .flatten();
    let (bytes, charset) = match &response {
        Some((body, header_charset)) => (*body, charset.or(header_charset.as_deref())),
        None => (bytes, charset),
    };
    let (text, detected) = decode::decode_detected(bytes, format, charset)?;
    let mut warnings = Vec::new();
    let mut page = None;
    let record = if format == Format::Csv {
        clip::read_csv(&text)
    } else {
        None
    };
    let (meta, blocks) = match format {
        _ if record.is_some() => record.unwrap_or_default(),
        Format::Mhtml => return Err(ExtractError::Mhtml("read as MHTML above".to_owned())),
        Format::Html => {
            let item = markup::rss_item_page(&text);
            let (meta, blocks, found, stated) =
                html::extract_page(item.as_deref().unwrap_or(&text));
            warnings = found;
            page = stated;
            (meta, blocks)
        }
        Format::Markdown => {
            let (mut meta, mut blocks) = markdown::extract(&text);
            // A document whose whole text sits in one HTML comment (an ad kept as a test
            // input) shows nothing; its comment is the only text it has, unrendered, so it
            // is read as plain text. Never when anything outside the comment is visible.
            if blocks.is_empty()
                && let Some(inner) = markdown::commented_out(&text)
            {
                let (inner_meta, inner_blocks) = text::extract(inner);
                blocks = inner_blocks;
                meta = Metadata {
                    title: meta.title.or(inner_meta.title),
                    ..inner_meta
                };
            }
            let (posted, stated) = date::front_matter(&text);
            if meta.date_posted.is_none() {
                meta.date_posted = posted.map(date::Date::to_column);
            }
            page = stated;
            (meta, blocks)
        }
        // Plain text that is HTML markup (a template saved under another name) reads as HTML.
        Format::Text | Format::Csv if markup::is_html_markup(&text) => {
            let (meta, blocks, found, stated) = html::extract_page(&text);
            warnings = found;
            page = stated;
            (meta, blocks)
        }
        Format::Text | Format::Csv => text::extract(&text),
        Format::Json => read_json(&text, shapes)?,
        Format::JsonLines => {
            let mut lines = text.lines().filter(|l| !l.trim().is_empty());
            match (lines.next(), lines.count()) {
                (Some(line), 0) => read_json(line, shapes)?,
                (None, _) => return Err(ExtractError::NoText),
                (Some(_), more) => {
                    return Err(ExtractError::JsonShape(format!(
                        "JSON lines of {} postings, expected one",
                        more + 1
                    )));
                }
            }
        }
    };
    if let Some(detected) = detected {
        warnings.insert(0, detected);
    }
    finish(format, meta, blocks, warnings, fetched.or(page), verdict)
}

/// Extracts the posting of an MHTML archive: its HTML part that holds the posting, read with
/// the site profile of the URL it was saved from.
fn extract_mhtml(
    bytes: &[u8],
    fetched: Option<date::Stamp>,
    verdict: Verdict,
) -> Result<Posting, ExtractError> {
    let documents = mhtml::documents(bytes)?;
    let index = mhtml::posting_document(&documents, |html| {
        html::fragment_blocks(html)
            .iter()
            .map(|b| count_words(&b.text))
            .sum()
    });
    let document = documents
        .get(index)
        .ok_or_else(|| ExtractError::Mhtml("no HTML part in the archive".to_owned()))?;
    let (meta, blocks, warnings, page) =
        html::extract_page_in(&document.html, sites::active(), document.url.as_deref());
    finish(
        Format::Html,
        meta,
        blocks,
        warnings,
        fetched.or(page),
        verdict,
    )
}

/// Builds the posting and tells a document that is not a posting.
fn finish(
    format: Format,
    meta: Metadata,
    blocks: Vec<RawBlock>,
    warnings: Vec<String>,
    page: Option<date::Stamp>,
    verdict: Verdict,
) -> Result<Posting, ExtractError> {
    let structured = matches!(format, Format::Json | Format::JsonLines)
        || [&meta.sources.title, &meta.sources.company]
            .into_iter()
            .flatten()
            .any(|rule| {
                rule.starts_with("JSON-LD")
                    || rule.starts_with("microdata")
                    || rule.starts_with(clip::CSV)
            });
    let posting = Posting::from_parts_dated(meta, blocks, warnings, page)?;
    if verdict == Verdict::Skip {
        return Ok(posting);
    }
    match is_posting::not_a_posting(&posting, structured) {
        Some(reason) => Err(ExtractError::NotAPosting(reason)),
        None => Ok(posting),
    }
}

/// Reads a JSON document fetched from a URL: a schema.org `JobPosting` (alone, in an array or
/// an `@graph`) or, through `shapes`, a posting of another shape (one posting of a job board's
/// API).
fn read_json(
    json: &str,
    shapes: Option<&JsonShapes>,
) -> Result<(Metadata, Vec<RawBlock>), ExtractError> {
    let value: Value = serde_json::from_str(json).map_err(|e| ExtractError::Json(e.to_string()))?;
    read_json_value(&value, shapes)
}

/// A JSON document decoded and parsed once: its caller may find many postings in it (a board's
/// list saved to a file) before reading it as one ([`extract_json_document`]).
#[derive(Debug, Clone, PartialEq)]
pub struct JsonDocument {
    /// The parsed document.
    pub value: Value,
    /// What decoding warned about (a charset guessed for text that is not UTF-8).
    pub warning: Option<String>,
}

/// Decodes and parses a JSON document; errors as [`extract`] would on the same bytes.
pub fn parse_json(bytes: &[u8]) -> Result<JsonDocument, ExtractError> {
    let (text, warning) = decode::decode_detected(bytes, Format::Json, None)?;
    let value = serde_json::from_str(&text).map_err(|e| ExtractError::Json(e.to_string()))?;
    Ok(JsonDocument { value, warning })
}

/// Reads a parsed JSON document as one posting: what [`extract_with_shapes`] gives for its
/// bytes as [`Format::Json`].
pub fn extract_json_document(
    document: &JsonDocument,
    shapes: &JsonShapes,
) -> Result<Posting, ExtractError> {
    let (meta, blocks) = read_json_value(&document.value, Some(shapes))?;
    let warnings = document.warning.iter().cloned().collect();
    finish(Format::Json, meta, blocks, warnings, None, Verdict::Judge)
}

/// Reads one JSON value (an item of a list, a line of JSON lines) as one posting.
pub fn extract_json_value(value: &Value, shapes: &JsonShapes) -> Result<Posting, ExtractError> {
    let (meta, blocks) = read_json_value(value, Some(shapes))?;
    finish(Format::Json, meta, blocks, Vec::new(), None, Verdict::Judge)
}

/// [`read_json`] of a parsed document.
fn read_json_value(
    value: &Value,
    shapes: Option<&JsonShapes>,
) -> Result<(Metadata, Vec<RawBlock>), ExtractError> {
    if let Some(ld) = jsonld::job_posting_in(value) {
        let mut blocks = ld
            .description
            .as_deref()
            .map(fragment_blocks)
            .unwrap_or_default();
        for (heading, html) in &ld.sections {
            let section = fragment_blocks(html);
            if !section.is_empty() {
                push_block(&mut blocks, BlockKind::Heading(2), heading, false);
                blocks.extend(section);
            }
        }
        return Ok((ld.meta, blocks));
    }
    // A board's shape known by a loose mark (Ashby's `jobUrl`) may take a scraper's record
    // whose text it does not hold: with no text, the record is read by its keys instead.
    if let Some((meta, html)) = shapes.and_then(|shapes| (shapes.read)(value)) {
        let blocks = fragment_blocks(&html);
        if !blocks.is_empty() {
            return Ok((meta, blocks));
        }
        if let Some(clipped) = clip::read(value) {
            return Ok(clipped);
        }
        return Ok((meta, blocks));
    }
    if let Some(clipped) = clip::read(value) {
        return Ok(clipped);
    }
    let others = shapes
        .map(|s| format!(" or {}", s.names))
        .unwrap_or_default();
    Err(ExtractError::JsonShape(format!(
        "{} that is not a job posting (expected a schema.org JobPosting{others}, or an object \
         with a title and the posting's text)",
        jsonld::describe(value)
    )))
}

/// `block` with its text in Unicode NFC, so that a file saved with decomposed accents ("a"
/// and U+0300, as macOS tools write them) reads like one with "à": the phrase keys are composed.
fn composed(mut block: RawBlock) -> RawBlock {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    // ASCII text (most blocks) is NFC: a byte test spares decoding it character by character.
    if !block.text.is_ascii() && is_nfc_quick(block.text.chars()) != IsNormalized::Yes {
        block.text = block.text.nfc().collect();
    }
    block
}

impl Posting {
    /// Lays blocks out as text, works out sections, and fills the metadata that `meta` lacks
    /// from the text ([`meta::from_posting`], [`lang::detect`]). Errors when no text is left.
    pub fn from_blocks(meta: Metadata, raw: Vec<RawBlock>) -> Result<Posting, ExtractError> {
        Posting::from_parts(meta, raw, Vec::new())
    }

    /// [`Posting::from_blocks`] with the extractor's warnings.
    pub fn from_parts(
        meta: Metadata,
        raw: Vec<RawBlock>,
        warnings: Vec<String>,
    ) -> Result<Posting, ExtractError> {
        Posting::from_parts_dated(meta, raw, warnings, None)
    }

    /// [`Posting::from_parts`]; `page` is the moment the page states about itself (or when it
    /// was fetched), against which relative posting dates in the text are read.
    fn from_parts_dated(
        meta: Metadata,
        raw: Vec<RawBlock>,
        warnings: Vec<String>,
        page: Option<date::Stamp>,
    ) -> Result<Posting, ExtractError> {
        if raw.is_empty() {
            return Err(ExtractError::NoText);
        }
        let (raw, records) =
            sections::split_inline_records(raw.into_iter().map(composed).collect());
        let capacity = raw.iter().map(|b| b.text.len() + 1).sum();
        let mut text = String::with_capacity(capacity);
        let mut blocks = Vec::with_capacity(raw.len());
        let mut words = 0;
        for block in &raw {
            if !text.is_empty() {
                text.push('\n');
            }
            let start = text.len();
            text.push_str(&block.text);
            words += count_words(&block.text);
            blocks.push(Block {
                kind: block.kind,
                start,
                end: text.len(),
                section: 0,
                label: None,
            });
        }
        let sections = sections::assign(&raw, &mut blocks, &records);
        let mut posting = Posting {
            meta,
            text,
            blocks,
            sections,
            words,
            warnings,
        };
        let guessed = meta::from_posting(&posting);
        posting.meta.fill_from(guessed);
        posting.meta.language = lang::detect(&posting.text).map(str::to_owned);
        if posting.meta.date_posted.is_none() {
            posting.meta.date_posted =
                date::from_text(&posting, posting.meta.language.as_deref(), page)
                    .map(date::Date::to_column);
        }
        Ok(posting)
    }

    /// The text of block `index` (empty for an index out of range).
    pub fn block_text(&self, index: usize) -> &str {
        self.blocks
            .get(index)
            .and_then(|block| self.text.get(block.start..block.end))
            .unwrap_or_default()
    }

    /// The index of the block that contains byte `offset` of the text.
    pub fn block_at(&self, offset: usize) -> usize {
        self.blocks
            .partition_point(|b| b.end < offset)
            .min(self.blocks.len().saturating_sub(1))
    }
}

pub(crate) fn looks_like_role(text: &str) -> bool {
    ROLE_WORDS.is_match(text)
}

/// Words that make a short line name a role (matched in any ASCII case).
pub(crate) const ROLE_WORD_LIST: &[&str] = &[
    "engineer",
    "developer",
    "programmer",
    "scientist",
    "architect",
    "devops",
    "sre",
    "lead",
    "manager",
    "designer",
    "intern",
    "cto",
    "head of",
    "analyst",
    "researcher",
    "consultant",
    "administrator",
    "specialist",
    "hacker",
    "founding",
    "director",
];

/// [`ROLE_WORD_LIST`] in one automaton rather than one search per word in a lowercased copy of
/// the line.
static ROLE_WORDS: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        match aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(ROLE_WORD_LIST)
        {
            Ok(words) => words,
            // Unreachable: a handful of short literals always builds.
            Err(error) => unreachable!("role words: {error}"),
        }
    });

/// Appends a block built from `text`, if any text is left after trimming.
pub(crate) fn push_block(out: &mut Vec<RawBlock>, kind: BlockKind, text: &str, bold: bool) {
    let trimmed = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{200b}');
    if trimmed.is_empty() {
        return;
    }
    out.push(RawBlock {
        kind,
        text: trimmed.to_owned(),
        bold,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition [`push_collapsed`] had before its one-pass version.
    fn push_collapsed_by_split(out: &mut String, text: &str) {
        let mut pieces = text.split(char::is_whitespace);
        if let Some(first) = pieces.next() {
            out.push_str(first);
        }
        for piece in pieces {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            out.push_str(piece);
        }
    }

    #[test]
    fn one_pass_collapsing_matches_splitting() {
        let pieces = [
            "",
            " ",
            "a",
            "  a \n\t b  ",
            "\u{a0}x\u{3000}y\u{2028}",
            "é à\u{85}ü",
            "\u{1680}",
            "tiếng Việt  có dấu",
            "\u{200b} z",
            "\u{b}\u{c}\r",
            "日本 語",
            "🦄 ok",
        ];
        for before in ["", "x", "x "] {
            for a in pieces {
                for b in pieces {
                    let text = format!("{a}{b}");
                    let mut expected = before.to_owned();
                    push_collapsed_by_split(&mut expected, &text);
                    let mut got = before.to_owned();
                    let visible = push_collapsed_counting(&mut got, &text);
                    assert_eq!(got, expected, "{before:?} + {text:?}");
                    assert_eq!(
                        visible,
                        text.chars().filter(|c| !c.is_whitespace()).count(),
                        "{text:?}"
                    );
                    assert_eq!(count_words(&text), text.split_whitespace().count());
                }
            }
        }
    }

    #[test]
    fn a_markdown_ad_inside_one_comment_is_read_from_the_comment() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(
            "tests/fixtures/i18n-fresh7/de/postings/af42-ka-resources-frontend-entwickler.md",
        );
        let bytes = std::fs::read(path).unwrap();
        let posting = extract_document(&bytes, Format::Markdown).unwrap();
        assert!(
            posting.text.contains("Sie arbeiten gerne im Team"),
            "{}",
            posting.text
        );
        assert!(!posting.text.contains("<!--") && !posting.text.contains("-->"));
        // Visible text beside the comment: the comment stays hidden.
        let shown = b"Visible line.\n\n<!-- Sie arbeiten gerne im Team -->\n";
        let posting = extract_document(shown, Format::Markdown).unwrap();
        assert!(!posting.text.contains("Team"), "{}", posting.text);
    }

    #[test]
    fn role_words_found_in_any_ascii_case_as_in_a_lowercased_copy() {
        let by_definition = |text: &str| {
            let lower = text.to_ascii_lowercase();
            ROLE_WORD_LIST.iter().any(|w| lower.contains(w))
        };
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/postings");
        let mut roles = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for line in text
                .lines()
                .chain(["HEAD OF Data", "Senior ENGINEER", "İNTERN"])
            {
                assert_eq!(looks_like_role(line), by_definition(line), "{line:?}");
                roles += usize::from(by_definition(line));
            }
        }
        assert!(roles > 1000, "{roles}");
    }

    #[test]
    fn eight_byte_chunks_collapse_as_splitting_does() {
        // Every alignment of spaces, tabs, double spaces, controls and non-ASCII characters
        // around eight-byte chunks.
        let pieces = [
            "abcdefgh",
            "a b c d e f g h i",
            "ab cd ef gh ij kl",
            "abcdefg  hijklmn",
            "abcdefg\thijklmn",
            "abc\u{7f}def ghi\u{1}jk",
            "long words without any space at all",
            "tiếng Việt có dấu và chữ",
            "\u{a0}nbsp in\u{a0}the middle ",
            " leading and trailing ",
            "z",
        ];
        for shift in 0..9 {
            for a in pieces {
                for b in pieces {
                    let text = format!("{}{a} {b}{a}", "x".repeat(shift));
                    let mut expected = String::new();
                    push_collapsed_by_split(&mut expected, &text);
                    let mut got = String::new();
                    let visible = push_collapsed_counting(&mut got, &text);
                    assert_eq!(got, expected, "{text:?}");
                    assert_eq!(
                        visible,
                        text.chars().filter(|c| !c.is_whitespace()).count(),
                        "{text:?}"
                    );
                    assert_eq!(
                        count_words(&text),
                        text.split_whitespace().count(),
                        "{text:?}"
                    );
                }
            }
        }
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/postings");
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for piece in text.split("\n\n").chain([text.as_str()]) {
                let mut expected = "x".to_owned();
                push_collapsed_by_split(&mut expected, piece);
                let mut got = "x".to_owned();
                let visible = push_collapsed_counting(&mut got, piece);
                assert_eq!(got, expected);
                assert_eq!(
                    visible,
                    piece.chars().filter(|c| !c.is_whitespace()).count()
                );
                assert_eq!(count_words(piece), piece.split_whitespace().count());
            }
        }
    }

    #[test]
    fn collapses_white_space() {
        let mut s = String::new();
        push_collapsed(&mut s, "  a \n\t b  ");
        push_collapsed(&mut s, "c");
        assert_eq!(s, "a b c");
    }

    #[test]
    fn hn_first_line_gives_company_and_title() {
        let raw = vec![RawBlock {
            kind: BlockKind::Paragraph,
            text: "Acme Corp | Senior Rust Engineer | Berlin | ONSITE".into(),
            bold: false,
        }];
        let posting = Posting::from_blocks(Metadata::default(), raw).unwrap_or_else(|e| {
            unreachable!("{e}");
        });
        assert_eq!(posting.meta.company.as_deref(), Some("Acme Corp"));
        assert_eq!(posting.meta.title.as_deref(), Some("Senior Rust Engineer"));
        assert_eq!(posting.meta.location.as_deref(), Some("Berlin"));
        assert_eq!(posting.meta.remote, Some(Remote::Onsite));
        assert_eq!(posting.meta.seniority, Some(Seniority::Senior));
    }

    #[test]
    fn block_at_finds_the_line() {
        let raw = vec![
            RawBlock {
                kind: BlockKind::Paragraph,
                text: "first".into(),
                bold: false,
            },
            RawBlock {
                kind: BlockKind::ListItem,
                text: "second".into(),
                bold: false,
            },
        ];
        let posting = Posting::from_blocks(Metadata::default(), raw).unwrap_or_else(|e| {
            unreachable!("{e}");
        });
        assert_eq!(posting.text, "first\nsecond");
        assert_eq!(posting.block_at(0), 0);
        assert_eq!(posting.block_at(5), 0);
        assert_eq!(posting.block_at(6), 1);
        assert_eq!(posting.block_at(12), 1);
        assert_eq!(posting.words, 2);
    }

    #[test]
    fn no_blocks_is_no_text() {
        assert_eq!(
            Posting::from_blocks(Metadata::default(), vec![]),
            Err(ExtractError::NoText)
        );
    }
}
