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

pub mod boards;
mod decode;
pub mod html;
mod markdown;
pub mod sections;
mod tame;
mod text;

use std::path::Path;

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
    /// JSON fetched from a URL: a schema.org `JobPosting` or one job-board posting.
    Json,
}

impl Format {
    /// The format for a file name, by its extension (case-insensitive).
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" => Some(Format::Html),
            "md" | "markdown" => Some(Format::Markdown),
            "txt" => Some(Format::Text),
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

/// Title and company as found in the page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// The job title.
    pub title: Option<String>,
    /// The hiring company.
    pub company: Option<String>,
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
    let text = decode_with_charset(bytes, format, charset)?;
    let (meta, blocks) = match format {
        Format::Html => html::extract(&text),
        Format::Markdown => markdown::extract(&text),
        Format::Text => text::extract(&text),
        Format::Json => boards::parse_document(&text)?,
    };
    Posting::from_blocks(meta, blocks)
}

impl Posting {
    /// Lays blocks out as text and works out sections. Errors when no text is left.
    pub fn from_blocks(mut meta: Metadata, raw: Vec<RawBlock>) -> Result<Posting, ExtractError> {
        let Some(first) = raw.first() else {
            return Err(ExtractError::NoText);
        };
        if meta.title.is_none() || meta.company.is_none() {
            let guess = guess_from_first_line(&first.text);
            meta.title = meta.title.or(guess.title);
            meta.company = meta.company.or(guess.company);
        }
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
            words += block.text.split_whitespace().count();
            blocks.push(Block {
                kind: block.kind,
                start,
                end: text.len(),
                section: 0,
                label: None,
            });
        }
        let sections = sections::assign(&raw, &mut blocks);
        Ok(Posting {
            meta,
            text,
            blocks,
            sections,
            words,
        })
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

/// Hacker News "Who is hiring" comments open with `Company | Role | Place | ...`: when a page
/// gives no title or company, take them from such a first line.
fn guess_from_first_line(line: &str) -> Metadata {
    if !line.contains('|') || line.len() > 300 {
        return Metadata::default();
    }
    let mut parts = line.split('|').map(str::trim).filter(|p| !p.is_empty());
    let company = parts
        .next()
        .filter(|c| c.chars().count() <= 60)
        .map(str::to_owned);
    let title = parts
        .find(|p| p.chars().count() <= 100 && looks_like_role(p))
        .map(str::to_owned);
    Metadata { title, company }
}

pub(crate) fn looks_like_role(text: &str) -> bool {
    const ROLE_WORDS: &[&str] = &[
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
    let lower = text.to_ascii_lowercase();
    ROLE_WORDS.iter().any(|w| lower.contains(w))
}

/// Collapses runs of white space to one space and trims; used by every extractor.
pub(crate) fn push_collapsed(out: &mut String, text: &str) {
    let mut pieces = text.split(char::is_whitespace);
    if let Some(first) = pieces.next() {
        out.push_str(first);
    }
    for piece in pieces {
        // Every piece after the first follows white space.
        if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(piece);
    }
}

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

    #[test]
    fn collapses_white_space() {
        let mut s = String::new();
        push_collapsed(&mut s, "  a \n\t b  ");
        push_collapsed(&mut s, "c");
        assert_eq!(s, "a b c");
    }

    #[test]
    fn hn_first_line_gives_company_and_title() {
        let meta = guess_from_first_line("Acme Corp | Senior Rust Engineer | Berlin | ONSITE");
        assert_eq!(meta.company.as_deref(), Some("Acme Corp"));
        assert_eq!(meta.title.as_deref(), Some("Senior Rust Engineer"));
        assert_eq!(guess_from_first_line("no pipes here"), Metadata::default());
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
