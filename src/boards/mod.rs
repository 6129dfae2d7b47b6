//! Job boards and applicant-tracking systems: URL recognition, API calls and answer shapes.
//!
//! Greenhouse, Lever, Ashby, Workable and Recruitee publish every open posting of a board as
//! JSON, Personio as an XML feed. A board URL is answered from that API (one row per open posting, in the API's order)
//! and so is a posting URL (the one posting, with the API's clean text). Workday and
//! SmartRecruiters answer for one posting at a time: their posting URLs are read from the API,
//! their listings as pages. This module owns all of it: which URLs are boards ([`Board`]),
//! where their APIs are ([`BoardApis`]), fetching the answer ([`fetch_board`], shared by
//! `score` and `explain`), reading it (one file per board: `greenhouse`, `lever`, `ashby`,
//! `workday`, `smartrecruiters`, `workable`, `recruitee`, `personio`) into [`BoardPosting`]s, and choosing
//! the postings a URL stands for ([`choose`]).
//!
//! It sits between the fetch stage, whose HTTP client it uses, and the extract stage, whose
//! [`Posting`] and field readers it uses; neither of them knows a board. A JSON document that
//! is one board posting (a URL answering with JSON) is read through [`JSON_SHAPES`], which the
//! caller hands to extraction.

mod ashby;
mod greenhouse;
mod json;
mod lever;
mod personio;
mod recruitee;
mod smartrecruiters;
mod workable;
mod workday;

use serde_json::Value;
use url::Url;

use crate::extract::jsonld::describe;
use crate::extract::{ExtractError, JsonShapes, Metadata, Posting, html::fragment_blocks};
use crate::fetch::{FetchError, Fetcher, Response};
use json::text as text_at;

/// The applicant-tracking systems jobfit reads through their APIs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BoardKind {
    /// `boards.greenhouse.io/{token}`, `job-boards.greenhouse.io/{token}`.
    Greenhouse,
    /// `jobs.lever.co/{site}`.
    Lever,
    /// `jobs.ashbyhq.com/{board}`.
    Ashby,
    /// `{tenant}.wdN.myworkdayjobs.com/{site}/job/...` (postings only).
    Workday,
    /// `jobs.smartrecruiters.com/{company}/{id}` (postings only).
    SmartRecruiters,
    /// `apply.workable.com/{account}`.
    Workable,
    /// `{company}.recruitee.com`.
    Recruitee,
    /// `{company}.jobs.personio.de`, `{company}.jobs.personio.com`.
    Personio,
}

impl BoardKind {
    /// The system's name.
    pub fn name(self) -> &'static str {
        match self {
            BoardKind::Greenhouse => "Greenhouse",
            BoardKind::Lever => "Lever",
            BoardKind::Ashby => "Ashby",
            BoardKind::Workday => "Workday",
            BoardKind::SmartRecruiters => "SmartRecruiters",
            BoardKind::Workable => "Workable",
            BoardKind::Recruitee => "Recruitee",
            BoardKind::Personio => "Personio",
        }
    }

    /// Whether the API answers for one posting (the one the URL names) rather than listing
    /// the board.
    pub fn answers_one_posting(self) -> bool {
        matches!(self, BoardKind::Workday | BoardKind::SmartRecruiters)
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
    /// Workday's job endpoints: `None` for each career site's own host.
    pub workday: Option<String>,
    /// SmartRecruiters' Posting API, [`SMARTRECRUITERS_API`].
    pub smartrecruiters: String,
    /// Workable's careers widget, [`WORKABLE_API`].
    pub workable: String,
    /// Recruitee's offers API: `None` for each careers site's own host.
    pub recruitee: Option<String>,
    /// Personio's XML feeds: `None` for each careers site's own host.
    pub personio: Option<String>,
}

impl Default for BoardApis {
    fn default() -> Self {
        BoardApis {
            greenhouse: GREENHOUSE_API.to_owned(),
            lever: LEVER_API.to_owned(),
            ashby: ASHBY_API.to_owned(),
            workday: None,
            smartrecruiters: SMARTRECRUITERS_API.to_owned(),
            workable: WORKABLE_API.to_owned(),
            recruitee: None,
            personio: None,
        }
    }
}

/// Greenhouse's API base.
pub const GREENHOUSE_API: &str = "https://boards-api.greenhouse.io";
/// Lever's API base.
pub const LEVER_API: &str = "https://api.lever.co";
/// Ashby's API base.
pub const ASHBY_API: &str = "https://api.ashbyhq.com";
/// SmartRecruiters' API base.
pub const SMARTRECRUITERS_API: &str = "https://api.smartrecruiters.com";
/// Workable's API base.
pub const WORKABLE_API: &str = "https://apply.workable.com";

/// A recognised board URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Board {
    /// The system.
    pub kind: BoardKind,
    /// The URL's host.
    pub host: String,
    /// The board's token (Greenhouse), site (Lever, Workday), name (Ashby), company
    /// (SmartRecruiters, Recruitee) or account (Workable).
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
            "jobs.smartrecruiters.com" => match segments.as_slice() {
                [company, id, ..] => (
                    BoardKind::SmartRecruiters,
                    (*company).to_owned(),
                    Some(smartrecruiters::posting_id(id)?),
                ),
                _ => return None,
            },
            "apply.workable.com" => match segments.as_slice() {
                [account] => (BoardKind::Workable, (*account).to_owned(), None),
                [account, "j", code, ..] => (
                    BoardKind::Workable,
                    (*account).to_owned(),
                    Some((*code).to_owned()),
                ),
                _ => return None,
            },
            h if h.ends_with(".myworkdayjobs.com") => {
                let (site, job) = workday::site_and_job(&segments)?;
                (BoardKind::Workday, site, Some(job))
            }
            h if h.ends_with(".recruitee.com")
                && subdomain(h).is_some_and(|s| !matches!(s, "www" | "api" | "app" | "docs")) =>
            {
                match segments.as_slice() {
                    [] => (BoardKind::Recruitee, subdomain(h)?.to_owned(), None),
                    ["o", slug, ..] => (
                        BoardKind::Recruitee,
                        subdomain(h)?.to_owned(),
                        Some((*slug).to_owned()),
                    ),
                    _ => return None,
                }
            }
            h if (h.ends_with(".jobs.personio.de") || h.ends_with(".jobs.personio.com"))
                && subdomain(h).is_some() =>
            {
                match segments.as_slice() {
                    [] => (BoardKind::Personio, subdomain(h)?.to_owned(), None),
                    ["job", id, ..] => (
                        BoardKind::Personio,
                        subdomain(h)?.to_owned(),
                        Some((*id).to_owned()),
                    ),
                    _ => return None,
                }
            }
            _ => return None,
        };
        let token_ok = !token.is_empty()
            && token
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        token_ok.then_some(Board {
            kind,
            host,
            token,
            job,
        })
    }

    /// The API URL that answers for this board or posting.
    ///
    /// Errors when the configured base is not a URL.
    pub fn api_url(&self, apis: &BoardApis) -> Result<Url, url::ParseError> {
        let url = match self.kind {
            BoardKind::Greenhouse => greenhouse::api_url(base(&apis.greenhouse), &self.token),
            BoardKind::Lever => lever::api_url(base(&apis.lever), &self.token),
            BoardKind::Ashby => ashby::api_url(base(&apis.ashby), &self.token),
            BoardKind::Workday => workday::api_url(
                &self.own_host_or(apis.workday.as_deref()),
                subdomain(&self.host).unwrap_or_default(),
                &self.token,
                self.job.as_deref().unwrap_or_default(),
            ),
            BoardKind::SmartRecruiters => smartrecruiters::api_url(
                base(&apis.smartrecruiters),
                &self.token,
                self.job.as_deref().unwrap_or_default(),
            ),
            BoardKind::Workable => workable::api_url(base(&apis.workable), &self.token),
            BoardKind::Recruitee => {
                recruitee::api_url(&self.own_host_or(apis.recruitee.as_deref()))
            }
            BoardKind::Personio => personio::api_url(&self.own_host_or(apis.personio.as_deref())),
        };
        Url::parse(&url)
    }

    /// The configured base, else `https://{host}`: the site answers for itself.
    fn own_host_or(&self, configured: Option<&str>) -> String {
        match configured {
            Some(configured) => base(configured).to_owned(),
            None => format!("https://{}", self.host),
        }
    }
}

/// The first label of a host: the tenant or company of `acme.wd5.myworkdayjobs.com` and
/// `acme.recruitee.com`.
fn subdomain(host: &str) -> Option<&str> {
    host.split('.').next().filter(|s| !s.is_empty())
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

/// Why a board URL gave no postings. Names the board, and the API URL asked when there was
/// one; the row names the URL given.
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
    #[error("{error} (from {api})")]
    Fetch {
        /// The API URL.
        api: String,
        /// Why it gave no answer.
        error: FetchError,
    },
    /// The API answered with something that is not the board's shape.
    #[error("{reason} (from {api})")]
    Unreadable {
        /// The API URL.
        api: String,
        /// The answer (its body left out).
        response: Box<Response>,
        /// What is wrong with it.
        reason: ExtractError,
    },
    /// Reading the answer panicked (a bug).
    #[error("the board's answer crashed the reader (from {api})")]
    Crashed {
        /// The API URL.
        api: String,
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
            BoardError::Unreadable { response, .. } | BoardError::Crashed { response, .. } => {
                Some(response)
            }
            _ => None,
        }
    }

    /// The fetch failure, when the API could not be fetched.
    pub fn fetch_error(&self) -> Option<&FetchError> {
        match self {
            BoardError::Fetch { error, .. } => Some(error),
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
    let mut response = fetcher.get(&api).await.map_err(|error| BoardError::Fetch {
        api: api.to_string(),
        error,
    })?;
    let body = std::mem::take(&mut response.body);
    let owned = board.clone();
    let parsed = tokio::task::spawn_blocking(move || parse_board(&owned, &body)).await;
    match parsed {
        Ok(Ok(postings)) => Ok(BoardAnswer {
            api,
            postings,
            response,
        }),
        Ok(Err(reason)) => Err(BoardError::Unreadable {
            api: api.to_string(),
            response: Box::new(response),
            reason,
        }),
        Err(_) => Err(BoardError::Crashed {
            api: api.to_string(),
            response: Box::new(response),
        }),
    }
}

/// Reads a board API's answer: the board's open postings, or the one posting asked for.
pub fn parse_board(board: &Board, body: &[u8]) -> Result<Vec<BoardPosting>, ExtractError> {
    let (kind, token) = (board.kind, board.token.as_str());
    if kind == BoardKind::Personio {
        return personio::postings(body, &board.host, token);
    }
    let json = body;
    let value: Value =
        serde_json::from_slice(json).map_err(|e| ExtractError::Json(e.to_string()))?;
    let one = std::slice::from_ref(&value);
    let jobs: Option<&[Value]> = match kind {
        BoardKind::Lever => value.as_array().map(Vec::as_slice),
        BoardKind::Greenhouse | BoardKind::Ashby | BoardKind::Workable => value
            .get("jobs")
            .and_then(Value::as_array)
            .map(Vec::as_slice),
        BoardKind::Recruitee => value
            .get("offers")
            .and_then(Value::as_array)
            .map(Vec::as_slice),
        BoardKind::Workday => workday::is_posting(&value).then_some(one),
        BoardKind::SmartRecruiters => value.get("id").is_some().then_some(one),
        BoardKind::Personio => None,
    };
    let Some(jobs) = jobs else {
        let expected = match kind {
            BoardKind::Lever => "a list of postings",
            BoardKind::Greenhouse | BoardKind::Ashby | BoardKind::Workable => {
                "an object with a \"jobs\" list"
            }
            BoardKind::Recruitee => "an object with an \"offers\" list",
            BoardKind::Workday => "an object with a \"jobPostingInfo\"",
            BoardKind::SmartRecruiters => "a posting object",
            BoardKind::Personio => "an XML feed",
        };
        return Err(ExtractError::JsonShape(format!(
            "the {} API answered with {}, expected {expected}",
            kind.name(),
            describe(&value)
        )));
    };
    let company = text_at(&value, "name");
    let mut postings = Vec::with_capacity(jobs.len());
    for job in jobs {
        let parsed = match kind {
            BoardKind::Greenhouse => greenhouse::posting(job, token),
            BoardKind::Lever => lever::posting(job, token),
            BoardKind::Ashby => ashby::posting(job, token),
            BoardKind::Workday => workday::posting(job, token),
            BoardKind::SmartRecruiters => smartrecruiters::posting(job, token),
            BoardKind::Workable => workable::posting(job, company.as_deref(), token),
            BoardKind::Recruitee => recruitee::posting(job, token),
            BoardKind::Personio => None,
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
    names: "a Greenhouse, Lever, Ashby, Workday or SmartRecruiters posting",
};

/// The metadata and description HTML of a JSON document that is one board posting.
fn posting_in_json(value: &Value) -> Option<(Metadata, String)> {
    let posting = if greenhouse::is_posting(value) {
        greenhouse::posting(value, "")
    } else if lever::is_posting(value) {
        lever::posting(value, "")
    } else if ashby::is_posting(value) {
        ashby::posting(value, "")
    } else if workday::is_posting(value) {
        workday::posting(value, "")
    } else if smartrecruiters::is_posting(value) {
        smartrecruiters::posting(value, "")
    } else {
        None
    }?;
    Some((posting.metadata(), posting.html))
}

/// The postings of a board that a board or posting URL stands for; an error when there are none.
pub fn choose(board: &Board, postings: &[BoardPosting]) -> Result<Vec<BoardPosting>, BoardError> {
    let chosen: Vec<BoardPosting> = match &board.job {
        // The API answered for the posting the URL names.
        _ if board.kind.answers_one_posting() => postings.to_vec(),
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
