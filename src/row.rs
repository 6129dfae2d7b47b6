//! The row: what the project promises about each input, in every output (CSV, JSON lines, the
//! streaming mode, the HTML report).
//!
//! A row is an [`Outcome`]: the input's name (`source`), how it was fetched ([`FetchInfo`], for
//! URLs), and either the [`Analysis`] of its posting or the [`InputError`] that says why there
//! is none, which gives the row's [`Status`]. The stages produce rows; the reports only read
//! them, so a report reaches this module and never fetch or extract.

use std::collections::BTreeMap;
use std::time::SystemTime;

use serde_json::value::RawValue;

use crate::boards::BoardError;
use crate::dedup::Signature;
use crate::extract::{ExtractError, Metadata};
use crate::fetch::{FetchError, Response};
use crate::matcher::SkillMatch;
use crate::score::CoverageScore;

/// How a row ends: the `status` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Read and scored.
    Ok,
    /// Could not be read: missing file, HTTP error, timeout, unsupported content...
    Error,
    /// A wall instead of a posting: 401/403/429, LinkedIn's 999, a challenge or login page.
    Blocked,
    /// Not fetched on purpose: robots.txt disallows it.
    Skipped,
    /// Read, but not a job posting: a license, a results table, a list of jobs.
    NotAPosting,
}

impl Status {
    /// The status a failed fetch leads to: `skipped` when robots.txt disallows the URL (or
    /// answered with a server error), `blocked` for a wall, `error` otherwise.
    pub fn of_fetch(error: &FetchError) -> Status {
        match error {
            FetchError::RobotsDisallowed { .. } | FetchError::RobotsUnavailable { .. } => {
                Status::Skipped
            }
            FetchError::Blocked { .. } => Status::Blocked,
            _ => Status::Error,
        }
    }

    /// The name written in the `status` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Error => "error",
            Status::Blocked => "blocked",
            Status::Skipped => "skipped",
            Status::NotAPosting => "not-a-posting",
        }
    }
}

/// Why an input yields no posting. Carries no path: rows and messages name the input.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum InputError {
    /// The path does not exist.
    #[error("no such file or directory")]
    NotFound,
    /// The file's extension is not one of the supported formats.
    #[error(
        "unsupported file type (expected .html, .htm, .mhtml, .mht, .md, .markdown, .txt, .json or .csv)"
    )]
    Unsupported,
    /// Reading the file or walking the directory failed.
    #[error("cannot read: {0}")]
    Read(String),
    /// The path is not a regular file (a FIFO, a socket, a device).
    #[error("not a regular file (a {kind})")]
    NotAFile {
        /// What it is instead.
        kind: &'static str,
    },
    /// The file is larger than the limit (`input::MAX_FILE_BYTES`).
    #[error("file too large ({bytes} bytes; the limit is {limit})")]
    TooLarge {
        /// The file's size.
        bytes: u64,
        /// The limit.
        limit: u64,
    },
    /// The file was read but holds no usable posting.
    #[error(transparent)]
    Extract(#[from] ExtractError),
    /// No such file, and the input looks like a URL without its scheme; holds the URL meant.
    #[error("no such file or directory; if this is a URL, give its scheme: {0}")]
    NoScheme(String),
    /// The input looks like a URL but is not a valid one.
    #[error("not a valid URL: {0}")]
    BadUrl(String),
    /// The URL could not be fetched, was blocked, or was skipped.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// A job board's URL gave no posting: its API could not be fetched or read, or the posting
    /// is not open.
    #[error(transparent)]
    Board(#[from] BoardError),
    /// A blank line of `--jsonl-in`: it names no posting, and still gets its row.
    #[error("blank line: no posting")]
    BlankLine,
    /// The work on this input stopped abnormally (a bug: please report it).
    #[error("internal error: {0}")]
    Internal(String),
}

impl InputError {
    /// The row status this failure leads to.
    pub fn status(&self) -> Status {
        match self {
            InputError::Fetch(e) => Status::of_fetch(e),
            InputError::Extract(ExtractError::NotAPosting(_)) => Status::NotAPosting,
            InputError::Board(e) => e.fetch_error().map_or(Status::Error, Status::of_fetch),
            _ => Status::Error,
        }
    }
}

/// What one posting asks for, and how well it covers the skill map.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// Title and company.
    pub meta: Metadata,
    /// Words of text read.
    pub words: usize,
    /// Skills asked for, in rule-set order.
    pub skills: Vec<SkillMatch>,
    /// Technologies named beyond the skill map (for the candidate fit), in vocabulary order.
    pub technologies: Vec<crate::candidate::TechnologyMention>,
    /// The line that names the role: the title, or the first line ([`crate::candidate::role::headline`]).
    pub headline: Option<String>,
    /// Coverage scores.
    pub score: CoverageScore,
    /// What extraction skipped and why (malformed JSON-LD blocks...).
    pub warnings: Vec<String>,
    /// The MinHash signature of the text, computed only when duplicates are looked for.
    pub signature: Option<Signature>,
    /// The source of the first occurrence of this posting, when it is a near-duplicate of an
    /// earlier row (filled by the orchestrator with `--dedup`).
    pub duplicate_of: Option<String>,
}

/// How a fetched posting was fetched: the `url` ... `from_cache` columns.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FetchInfo {
    /// The URL given (for a job board, the board or posting URL the row came from).
    pub url: String,
    /// The URL that answered, after redirects (for a job board, the API URL).
    pub final_url: Option<String>,
    /// The HTTP status of the answer.
    pub http_status: Option<u16>,
    /// When the content was fetched or last confirmed by the server.
    pub fetched_at: Option<SystemTime>,
    /// Whether the content came from the cache.
    pub from_cache: bool,
}

impl FetchInfo {
    /// What a response says about how it was fetched.
    pub fn of(url: &str, response: &Response) -> FetchInfo {
        FetchInfo {
            url: url.to_owned(),
            final_url: Some(response.final_url.clone()),
            http_status: Some(response.http_status),
            fetched_at: Some(response.fetched_at),
            from_cache: response.from_cache,
        }
    }

    /// How a job board's API answered `url` when it gave no postings: the response when there
    /// was one, else what the fetch failure says.
    pub fn of_board_error(url: &str, error: &BoardError) -> FetchInfo {
        match (error.response(), error.fetch_error()) {
            (Some(response), _) => FetchInfo::of(url, response),
            (None, Some(failure)) => FetchInfo::failed(url, failure),
            (None, None) => FetchInfo {
                url: url.to_owned(),
                ..FetchInfo::default()
            },
        }
    }

    /// A URL that gave no response.
    pub fn failed(url: &str, error: &FetchError) -> FetchInfo {
        FetchInfo {
            url: url.to_owned(),
            http_status: error.http_status(),
            ..FetchInfo::default()
        }
    }
}

/// What a line of `--jsonl-in` brings to its row besides the posting.
#[derive(Debug, Clone, Default)]
pub struct StreamLine {
    /// The fields of the line's object other than the posting (`url`, `html`, `markdown`,
    /// `text`), `id` included, each value as written; `None` when the line is not a JSON
    /// object.
    pub fields: Option<BTreeMap<String, Box<RawValue>>>,
    /// Set when the line was not valid UTF-8 and was decoded with U+FFFD replacements: says
    /// where and how many.
    pub lossy: Option<String>,
}

impl PartialEq for StreamLine {
    fn eq(&self, other: &Self) -> bool {
        let raw = |fields: &Option<BTreeMap<String, Box<RawValue>>>| {
            fields.as_ref().map(|fields| {
                fields
                    .iter()
                    .map(|(key, value)| (key.clone(), value.get().to_owned()))
                    .collect::<Vec<_>>()
            })
        };
        self.lossy == other.lossy && raw(&self.fields) == raw(&other.fields)
    }
}

impl Eq for StreamLine {}

/// The outcome for one posting: its analysis or the reason there is none.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The input as given (for a job-board posting, its public URL).
    pub source: String,
    /// How it was fetched, for URLs.
    pub fetch: Option<FetchInfo>,
    /// The analysis, or why the input failed.
    pub result: Result<Analysis, InputError>,
    /// For a line of `--jsonl-in`: its pass-through fields and decoding warning.
    pub line: Option<Box<StreamLine>>,
}

impl Outcome {
    /// A row for an input that failed before it could be analysed.
    pub fn failed(source: &str, fetch: Option<FetchInfo>, error: InputError) -> Outcome {
        Outcome {
            source: source.to_owned(),
            fetch,
            result: Err(error),
            line: None,
        }
    }

    /// The `status` column.
    pub fn status(&self) -> Status {
        match &self.result {
            Ok(_) => Status::Ok,
            Err(e) => e.status(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_of_fetch_failures() {
        let robots = FetchError::RobotsDisallowed {
            robots: "http://x/robots.txt".into(),
        };
        assert_eq!(Status::of_fetch(&robots), Status::Skipped);
        let blocked = FetchError::Blocked {
            http_status: Some(999),
            reason: "x".into(),
        };
        assert_eq!(Status::of_fetch(&blocked), Status::Blocked);
        let missing = FetchError::Http { http_status: 404 };
        assert_eq!(Status::of_fetch(&missing), Status::Error);
        let refused = FetchError::Connect("refused".into());
        assert_eq!(InputError::Fetch(refused).status(), Status::Error);
    }
}
