//! Job boards and applicant-tracking systems: URL recognition, API calls and answer shapes.
//!
//! Greenhouse, Lever and Ashby publish every open posting of a board as JSON. A board URL is
//! answered from that API (one row per open posting) and so is a posting URL (the one posting,
//! with the API's clean text). This module owns all of it: which URLs are boards ([`Board`]),
//! where their APIs are ([`BoardApis`]), fetching the answer ([`fetch_board`], shared by
//! `score` and `explain`), reading it (one file per board: `greenhouse`, `lever`, `ashby`) into
//! [`BoardPosting`]s, and choosing the postings a URL stands for ([`choose`]).
//!
//! It sits between the fetch stage, whose HTTP client it uses, and the extract stage, whose
//! [`Posting`] and field readers it uses; neither of them knows a board. A JSON document that
//! is one board posting (a URL answering with JSON) is read through [`JSON_SHAPES`], which the
//! caller hands to extraction.

mod ashby;
mod greenhouse;
mod json;
mod lever;

use serde_json::Value;
use url::Url;

use crate::extract::jsonld::describe;
use crate::extract::{ExtractError, JsonShapes, Metadata, Posting, html::fragment_blocks};
use crate::fetch::{FetchError, Fetcher, Response};

/// The applicant-tracking systems jobfit reads through their APIs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BoardKind {
    /// `boards.greenhouse.io/{token}`, `job-boards.greenhouse.io/{token}`.
    Greenhouse,
    /// `jobs.lever.co/{site}`.
    Lever,
    /// `jobs.ashbyhq.com/{board}`.
    Ashby,
}

impl BoardKind {
    /// The system's name.
    pub fn name(self) -> &'static str {
        match self {
            BoardKind::Greenhouse => "Greenhouse",
            BoardKind::Lever => "Lever",
            BoardKind::Ashby => "Ashby",
        }
    }
}

/// Base URLs of the board APIs (configurable so that tests can serve them locally).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardApis {
    /// Greenhouse's job board API, [`GREENHOUSE_API`].
    pub greenhouse: String,
    /// Lever's postings API, [`LEVER_API`].
    pub lever: String,
    /// Ashby's posting API, [`ASHBY_API`].
    pub ashby: String,
}

impl Default for BoardApis {
    fn default() -> Self {
        BoardApis {
            greenhouse: GREENHOUSE_API.to_owned(),
            lever: LEVER_API.to_owned(),
            ashby: ASHBY_API.to_owned(),
        }
    }
}

/// Greenhouse's API base.
pub const GREENHOUSE_API: &str = "https://boards-api.greenhouse.io";
/// Lever's API base.
pub const LEVER_API: &str = "https://api.lever.co";
/// Ashby's API base.
pub const ASHBY_API: &str = "https://api.ashbyhq.com";

/// A recognised board URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Board {
    /// The system.
    pub kind: BoardKind,
    /// The board's token (Greenhouse), site (Lever) or name (Ashby).
    pub token: String,
    /// The posting's id when the URL is one posting, `None` for the whole board.
    pub job: Option<String>,
}

impl Board {
    /// Recognises a board or posting URL of one of the [`BoardKind`]s.
    pub fn recognise(url: &Url) -> Option<Board> {
        let host = url.host_str()?.to_ascii_lowercase();
        let segments: Vec<&str> = url.path_segments()?.filter(|s| !s.is_empty()).collect();
        let query = |key: &str| {
            url.query_pairs()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.into_owned())
                .filter(|v| !v.is_empty())
        };
        let (kind, token, job) = match host.as_str() {
            "boards.greenhouse.io" | "job-boards.greenhouse.io" => match segments.as_slice() {
                ["embed", "job_board", ..] => (BoardKind::Greenhouse, query("for")?, None),
                ["embed", "job_app", ..] => {
                    (BoardKind::Greenhouse, query("for")?, Some(query("token")?))
                }
                [token] => (BoardKind::Greenhouse, (*token).to_owned(), query("gh_jid")),
                [token, "jobs", id, ..] => (
                    BoardKind::Greenhouse,
                    (*token).to_owned(),
                    Some((*id).to_owned()),
                ),
                _ => return None,
            },
            "jobs.lever.co" => match segments.as_slice() {
                [site] => (BoardKind::Lever, (*site).to_owned(), None),
                [site, id, ..] => (BoardKind::Lever, (*site).to_owned(), Some((*id).to_owned())),
                _ => return None,
            },
            "jobs.ashbyhq.com" => match segments.as_slice() {
                [board] => (BoardKind::Ashby, (*board).to_owned(), None),
                [board, id, ..] => (
                    BoardKind::Ashby,
                    (*board).to_owned(),
                    Some((*id).to_owned()),
                ),
                _ => return None,
            },
            _ => return None,
        };
        let token_ok = !token.is_empty()
            && token
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        token_ok.then_some(Board { kind, token, job })
    }

    /// The API URL that answers for this board or posting.
    ///
    /// Errors when the configured base is not a URL.
    pub fn api_url(&self, apis: &BoardApis) -> Result<Url, url::ParseError> {
        let url = match self.kind {
            BoardKind::Greenhouse => greenhouse::api_url(base(&apis.greenhouse), &self.token),
            BoardKind::Lever => lever::api_url(base(&apis.lever), &self.token),
            BoardKind::Ashby => ashby::api_url(base(&apis.ashby), &self.token),
        };
        Url::parse(&url)
    }
}

fn base(configured: &str) -> &str {
    configured.trim_end_matches('/')
}

/// One posting of a board, as its API describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardPosting {
    /// The posting's id on the board.
    pub id: String,
    /// Its public page.
    pub url: Option<String>,
    /// The job title.
    pub title: Option<String>,
    /// The hiring company (the API's company name, else the board's token).
    pub company: Option<String>,
    /// Where the job is, as the board says.
    pub location: Option<String>,
    /// The description as HTML.
    pub html: String,
    /// The other metadata the API gives: remote, employment type, publication date, salary
    /// (its `title`, `company` and `location` are the fields above).
    pub details: Metadata,
}

impl BoardPosting {
    /// Reduces the posting to structured text.
    pub fn to_posting(&self) -> Result<Posting, ExtractError> {
        Posting::from_blocks(self.metadata(), fragment_blocks(&self.html))
    }

    /// Everything the API says about the posting, as [`Metadata`].
    pub fn metadata(&self) -> Metadata {
        Metadata {
            title: self.title.clone(),
            company: self.company.clone(),
            location: self.location.clone(),
            ..self.details.clone()
        }
    }
}

/// Why a board URL gave no postings. Names the board; the row names the URL given.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum BoardError {
    /// The configured API base does not make a URL.
    #[error("cannot fetch this URL: {board} API URL: {reason}")]
    ApiUrl {
        /// The system.
        board: &'static str,
        /// Why the URL does not parse.
        reason: url::ParseError,
    },
    /// The API could not be fetched.
    #[error(transparent)]
    Fetch(#[from] FetchError),
    /// The API answered with something that is not the board's shape.
    #[error("{reason}")]
    Unreadable {
        /// The answer (its body left out).
        response: Box<Response>,
        /// What is wrong with it.
        reason: ExtractError,
    },
    /// Reading the answer panicked (a bug).
    #[error("the board's JSON crashed the reader")]
    Crashed {
        /// The answer (its body left out).
        response: Box<Response>,
    },
    /// The posting the URL names is not among the board's open postings.
    #[error("posting {job} is not open on the {board} board {token:?} ({open} open postings)")]
    NotOpen {
        /// The system.
        board: &'static str,
        /// The board.
        token: String,
        /// The posting asked for.
        job: String,
        /// How many postings are open.
        open: usize,
    },
    /// The board has no open postings.
    #[error("the {board} board {token:?} has no open postings")]
    Empty {
        /// The system.
        board: &'static str,
        /// The board.
        token: String,
    },
    /// One posting was wanted (`explain`) and the URL stands for several.
    #[error(
        "explain takes one posting, and this {board} board has {open} open: give one posting's URL"
    )]
    Several {
        /// The system.
        board: &'static str,
        /// How many postings are open.
        open: usize,
    },
}

impl BoardError {
    /// The API's answer, when there was one.
    pub fn response(&self) -> Option<&Response> {
        match self {
            BoardError::Unreadable { response, .. } | BoardError::Crashed { response } => {
                Some(response)
            }
            _ => None,
        }
    }
}

/// A board's answer: its postings, and the response they came in.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardAnswer {
    /// The API URL asked.
    pub api: Url,
    /// The postings, in the API's order.
    pub postings: Vec<BoardPosting>,
    /// The response (its body left out: it is read into `postings`).
    pub response: Response,
}

/// Fetches and reads the answer of a board's API. The reading runs on tokio's blocking pool,
/// a panic there becoming [`BoardError::Crashed`].
pub async fn fetch_board(
    fetcher: &Fetcher,
    apis: &BoardApis,
    board: &Board,
) -> Result<BoardAnswer, BoardError> {
    let api = board.api_url(apis).map_err(|reason| BoardError::ApiUrl {
        board: board.kind.name(),
        reason,
    })?;
    let mut response = fetcher.get(&api).await?;
    let body = std::mem::take(&mut response.body);
    let (kind, token) = (board.kind, board.token.clone());
    let parsed = tokio::task::spawn_blocking(move || parse_board(kind, &token, &body)).await;
    match parsed {
        Ok(Ok(postings)) => Ok(BoardAnswer {
            api,
            postings,
            response,
        }),
        Ok(Err(reason)) => Err(BoardError::Unreadable {
            response: Box::new(response),
            reason,
        }),
        Err(_) => Err(BoardError::Crashed {
            response: Box::new(response),
        }),
    }
}

/// Reads a board API's answer listing the board's open postings.
pub fn parse_board(
    kind: BoardKind,
    token: &str,
    json: &[u8],
) -> Result<Vec<BoardPosting>, ExtractError> {
    let value: Value =
        serde_json::from_slice(json).map_err(|e| ExtractError::Json(e.to_string()))?;
    let jobs = match kind {
        BoardKind::Lever => value.as_array(),
        BoardKind::Greenhouse | BoardKind::Ashby => value.get("jobs").and_then(Value::as_array),
    };
    let Some(jobs) = jobs else {
        let expected = match kind {
            BoardKind::Lever => "a list of postings",
            BoardKind::Greenhouse | BoardKind::Ashby => "an object with a \"jobs\" list",
        };
        return Err(ExtractError::JsonShape(format!(
            "the {} API answered with {}, expected {expected}",
            kind.name(),
            describe(&value)
        )));
    };
    let mut postings = Vec::with_capacity(jobs.len());
    for job in jobs {
        let parsed = match kind {
            BoardKind::Greenhouse => greenhouse::posting(job, token),
            BoardKind::Lever => lever::posting(job, token),
            BoardKind::Ashby => ashby::posting(job, token),
        };
        if let Some(posting) = parsed {
            postings.push(posting);
        }
    }
    Ok(postings)
}

/// The board postings that extraction reads in JSON documents: one posting of a Greenhouse,
/// Lever or Ashby API, fetched from a URL that answers with JSON.
pub const JSON_SHAPES: JsonShapes = JsonShapes {
    read: posting_in_json,
    names: "a Greenhouse, Lever or Ashby posting",
};

/// The metadata and description HTML of a JSON document that is one board posting.
fn posting_in_json(value: &Value) -> Option<(Metadata, String)> {
    let posting = if greenhouse::is_posting(value) {
        greenhouse::posting(value, "")
    } else if lever::is_posting(value) {
        lever::posting(value, "")
    } else if ashby::is_posting(value) {
        ashby::posting(value, "")
    } else {
        None
    }?;
    Some((posting.metadata(), posting.html))
}

/// The postings of a board that a board or posting URL stands for; an error when there are none.
pub fn choose(board: &Board, postings: &[BoardPosting]) -> Result<Vec<BoardPosting>, BoardError> {
    let chosen: Vec<BoardPosting> = match &board.job {
        None => postings.to_vec(),
        Some(job) => postings
            .iter()
            .filter(|p| {
                &p.id == job
                    || p.url
                        .as_deref()
                        .is_some_and(|u| u.trim_end_matches('/').ends_with(&format!("/{job}")))
            })
            .cloned()
            .collect(),
    };
    if !chosen.is_empty() {
        return Ok(chosen);
    }
    Err(match &board.job {
        Some(job) => BoardError::NotOpen {
            board: board.kind.name(),
            token: board.token.clone(),
            job: job.clone(),
            open: postings.len(),
        },
        None => BoardError::Empty {
            board: board.kind.name(),
            token: board.token.clone(),
        },
    })
}

/// The one posting a URL stands for (`explain`); an error when it stands for none or several.
pub fn choose_one(board: &Board, postings: &[BoardPosting]) -> Result<BoardPosting, BoardError> {
    let mut chosen = choose(board, postings)?;
    match chosen.len() {
        1 => Ok(chosen.remove(0)),
        open => Err(BoardError::Several {
            board: board.kind.name(),
            open,
        }),
    }
}

#[cfg(test)]
mod tests;
