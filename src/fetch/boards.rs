//! Job boards: applicant-tracking-system URLs -> their public JSON APIs.
//!
//! Greenhouse, Lever and Ashby publish every open posting of a board as JSON. A board URL is
//! answered from that API (one row per open posting) and so is a posting URL (the one posting,
//! with the API's clean text). This module only recognises the URLs and builds the API URLs;
//! reading the JSON is the extract stage's ([`crate::extract::boards`]).

use url::Url;

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

    /// The API URL listing every open posting of the board, with their content.
    ///
    /// Errors when the configured base is not a URL.
    pub fn api_url(&self, apis: &BoardApis) -> Result<Url, url::ParseError> {
        let (base, path, query) = match self.kind {
            BoardKind::Greenhouse => (
                &apis.greenhouse,
                format!("v1/boards/{}/jobs", self.token),
                "content=true",
            ),
            BoardKind::Lever => (
                &apis.lever,
                format!("v0/postings/{}", self.token),
                "mode=json",
            ),
            BoardKind::Ashby => (
                &apis.ashby,
                format!("posting-api/job-board/{}", self.token),
                "includeCompensation=true",
            ),
        };
        let base = base.trim_end_matches('/');
        Url::parse(&format!("{base}/{path}?{query}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn board(url: &str) -> Option<Board> {
        Board::recognise(&Url::parse(url).unwrap())
    }

    #[test]
    fn recognises_board_and_posting_urls() {
        let gh = board("https://boards.greenhouse.io/acme").unwrap();
        assert_eq!(
            (gh.kind, gh.token.as_str(), gh.job),
            (BoardKind::Greenhouse, "acme", None)
        );
        let gh = board("https://job-boards.greenhouse.io/acme/jobs/4012345?gh_src=x").unwrap();
        assert_eq!(gh.job.as_deref(), Some("4012345"));
        let gh = board("https://boards.greenhouse.io/embed/job_app?for=acme&token=77").unwrap();
        assert_eq!((gh.token.as_str(), gh.job.as_deref()), ("acme", Some("77")));
        let lever = board("https://jobs.lever.co/acme/3f1c-aa/apply").unwrap();
        assert_eq!(
            (lever.kind, lever.job.as_deref()),
            (BoardKind::Lever, Some("3f1c-aa"))
        );
        let ashby = board("https://jobs.ashbyhq.com/Acme.Co").unwrap();
        assert_eq!(
            (ashby.kind, ashby.token.as_str()),
            (BoardKind::Ashby, "Acme.Co")
        );
        assert!(board("https://jobs.lever.co/").is_none());
        assert!(board("https://example.com/acme").is_none());
        assert!(board("https://boards.greenhouse.io/acme/departments/1").is_none());
    }

    #[test]
    fn api_urls_follow_the_configured_bases() {
        let mut apis = BoardApis::default();
        let gh = board("https://boards.greenhouse.io/acme/jobs/1").unwrap();
        assert_eq!(
            gh.api_url(&apis).unwrap().as_str(),
            "https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true"
        );
        apis.lever = "http://127.0.0.1:9000/lever/".into();
        let lever = board("https://jobs.lever.co/acme").unwrap();
        assert_eq!(
            lever.api_url(&apis).unwrap().as_str(),
            "http://127.0.0.1:9000/lever/v0/postings/acme?mode=json"
        );
        let ashby = board("https://jobs.ashbyhq.com/acme").unwrap();
        assert_eq!(
            ashby.api_url(&apis).unwrap().as_str(),
            "https://api.ashbyhq.com/posting-api/job-board/acme?includeCompensation=true"
        );
    }
}
