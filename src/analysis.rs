//! One posting through the pure stages: extract -> match -> score.
//!
//! Synchronous and owned-in, owned-out, so the orchestrator can run it on any thread. The
//! inputs are a file, a fetched [`Response`] or a job-board posting; the output is always an
//! [`Outcome`], the row of that posting, whether it was scored or not.

use std::collections::HashSet;
use std::path::Path;

use crate::boards::{self, BoardPosting, JSON_SHAPES};
use crate::dedup::Signature;
use crate::extract::{self, ExtractError, Format, Posting};
use crate::fetch::{FetchError, Response, wall};
use crate::input;
use crate::matcher::{Matcher, Matches};
use crate::row::{Analysis, FetchInfo, InputError, Outcome};
use crate::score::{self, CoverageScore};

/// Extracts, matches and scores a posting from its bytes. JSON that holds several postings
/// (a board's list answer, an array of `JobPosting`s) is an error that says how many.
pub fn analyze_bytes(
    matcher: &Matcher,
    bytes: &[u8],
    format: Format,
) -> Result<(Posting, Matches, CoverageScore), InputError> {
    if format == Format::Json
        && let Ok(document) = extract::parse_json(bytes)
        && let Some(mut postings) = boards::postings_in_list(&document.value)
    {
        if postings.len() != 1 {
            return Err(InputError::Extract(ExtractError::JsonShape(format!(
                "a list of {} postings, expected one",
                postings.len()
            ))));
        }
        let posting = postings.remove(0).posting?;
        return Ok(analyze_posting(matcher, posting));
    }
    let posting = extract_any(bytes, format)?;
    Ok(analyze_posting(matcher, posting))
}

/// Extracts a posting from its bytes; JSON may be one posting of a job board's API too.
fn extract_any(bytes: &[u8], format: Format) -> Result<Posting, ExtractError> {
    extract::extract_with_shapes(bytes, format, None, None, &JSON_SHAPES)
}

/// Matches and scores an extracted posting.
pub fn analyze_posting(matcher: &Matcher, posting: Posting) -> (Posting, Matches, CoverageScore) {
    let matches = matcher.find(&posting);
    let score = score::score(matcher.rules(), &matches.skills);
    (posting, matches, score)
}

/// What an analysis carries beyond the posting's metadata, skills and scores: each costs a pass
/// over the text, done only for a run that reads it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Extras {
    /// The text's MinHash [`Signature`] (`--dedup`).
    pub signature: bool,
    /// The technologies beyond the skill map the posting names, for the candidate fit
    /// (`--resume`, `--profile`).
    pub technologies: bool,
}

fn summarize(matcher: &Matcher, posting: Posting, extras: Extras) -> Analysis {
    let (posting, matches, score) = analyze_posting(matcher, posting);
    let signature = extras
        .signature
        .then(|| Signature::of(&posting.text, posting.meta.company.as_deref()));
    let technologies = if extras.technologies {
        crate::candidate::Technologies::builtin().in_posting(&posting)
    } else {
        Vec::new()
    };
    let headline = crate::candidate::role::headline(&posting);
    Analysis {
        technologies,
        headline,
        meta: posting.meta,
        words: posting.words,
        skills: matches.skills,
        score,
        warnings: posting.warnings,
        signature,
        duplicate_of: None,
    }
}

/// Reads and analyzes one file; never fails, a failure is part of the outcome. `extras` says what the
/// analysis carries beyond skills and scores.
pub fn analyze_file(
    matcher: &Matcher,
    source: &str,
    path: &Path,
    format: Format,
    extras: Extras,
) -> Outcome {
    let result = input::read(path)
        .and_then(|bytes| Ok(extract_any(&bytes, format)?))
        .map(|posting| summarize(matcher, posting, extras));
    Outcome {
        source: source.to_owned(),
        fetch: None,
        result,
        line: None,
    }
}

/// Reads and analyzes one file, reading it once: one row, or one row per posting, in order, for
/// a JSON file that holds many (a board's list answer, an array, `@graph` or `ItemList` of
/// `JobPosting`s: [`boards::postings_in_list`]) and for JSON lines. Those rows are named
/// `FILE#ID` by the posting's own id, else `FILE#N` (N from 1: its place in the list, or its
/// line); a JSON line that is not a readable posting is an error row named `FILE:LINE`.
pub fn analyze_file_rows(
    matcher: &Matcher,
    source: &str,
    path: &Path,
    format: Format,
    extras: Extras,
) -> Vec<Outcome> {
    match format {
        Format::Json => analyze_json_file(matcher, source, path, extras),
        Format::JsonLines => analyze_json_lines(matcher, source, path, extras),
        _ => vec![analyze_file(matcher, source, path, format, extras)],
    }
}

/// A row named `source` with this result.
fn row(source: String, result: Result<Analysis, InputError>) -> Outcome {
    Outcome {
        source,
        fetch: None,
        result,
        line: None,
    }
}

/// The rows of a JSON file: its postings when it holds many, else the one posting it is.
fn analyze_json_file(matcher: &Matcher, source: &str, path: &Path, extras: Extras) -> Vec<Outcome> {
    let document = match input::read(path).and_then(|bytes| Ok(extract::parse_json(&bytes)?)) {
        Ok(document) => document,
        Err(error) => return vec![row(source.to_owned(), Err(error))],
    };
    let Some(postings) = boards::postings_in_list(&document.value) else {
        let result = extract::extract_json_document(&document, &JSON_SHAPES)
            .map_err(InputError::from)
            .map(|posting| summarize(matcher, posting, extras));
        return vec![row(source.to_owned(), result)];
    };
    let mut names = Names::new(source);
    postings
        .into_iter()
        .enumerate()
        .map(|(index, saved)| {
            let name = names.of(saved.id, index + 1);
            let result = saved
                .posting
                .map_err(InputError::from)
                .map(|posting| summarize(matcher, posting, extras));
            row(name, result)
        })
        .collect()
}

/// The rows of a JSON lines file: one per line that is not blank.
fn analyze_json_lines(
    matcher: &Matcher,
    source: &str,
    path: &Path,
    extras: Extras,
) -> Vec<Outcome> {
    let bytes = match input::read(path) {
        Ok(bytes) => bytes,
        Err(error) => return vec![row(source.to_owned(), Err(error))],
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let mut names = Names::new(source);
    let mut rows: Vec<Outcome> = Vec::new();
    for (index, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let number = index + 1;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let value = std::str::from_utf8(line)
            .map_err(|e| ExtractError::InvalidUtf8 {
                offset: e.valid_up_to(),
            })
            .and_then(|text| {
                serde_json::from_str::<serde_json::Value>(text)
                    .map_err(|e| ExtractError::Json(e.to_string()))
            });
        // An earlier run's rows (`--format jsonl`) are one file that is not postings.
        if rows.is_empty()
            && let Ok(value) = &value
            && value.get("source").is_some()
            && value.get("status").is_some()
            && value.get("scores").is_some()
        {
            let error = ExtractError::NotAPosting(
                "a jobfit results table (JSON lines), not postings".to_owned(),
            );
            return vec![row(source.to_owned(), Err(error.into()))];
        }
        let read = value.and_then(|value| {
            let posting = extract::extract_json_value(&value, &JSON_SHAPES)?;
            Ok((boards::posting_id(&value), posting))
        });
        rows.push(match read {
            Ok((id, posting)) => row(
                names.of(id, number),
                Ok(summarize(matcher, posting, extras)),
            ),
            Err(error) => row(format!("{source}:{number}"), Err(error.into())),
        });
    }
    if rows.is_empty() {
        let error = ExtractError::JsonShape("no postings: the file has no JSON lines".to_owned());
        rows.push(row(source.to_owned(), Err(error.into())));
    }
    rows
}

/// Names the rows of a file's postings: `FILE#ID`, else (no id, or one already used)
/// `FILE#N`.
struct Names<'a> {
    source: &'a str,
    used: HashSet<String>,
}

impl<'a> Names<'a> {
    fn new(source: &'a str) -> Self {
        Names {
            source,
            used: HashSet::new(),
        }
    }

    fn of(&mut self, id: Option<String>, number: usize) -> String {
        let name = id
            .filter(|id| !self.used.contains(id))
            .unwrap_or_else(|| number.to_string());
        self.used.insert(name.clone());
        format!("{}#{name}", self.source)
    }
}

/// Analyzes a posting given inline (a line of `--jsonl-in`).
pub fn analyze_inline(
    matcher: &Matcher,
    source: &str,
    bytes: &[u8],
    format: Format,
    extras: Extras,
) -> Outcome {
    let result = extract_any(bytes, format)
        .map_err(InputError::from)
        .map(|posting| summarize(matcher, posting, extras));
    Outcome {
        source: source.to_owned(),
        fetch: None,
        result,
        line: None,
    }
}

/// Analyzes a fetched page. Walls (challenge pages, sign-in prompts, redirects to a sign-in
/// page) are `blocked`; content types other than HTML, text, Markdown and JSON are errors.
/// `extras` says what the analysis carries beyond skills and scores.
pub fn analyze_response(
    matcher: &Matcher,
    source: &str,
    url: &str,
    response: &Response,
    extras: Extras,
) -> Outcome {
    let fetch = Some(FetchInfo::of(url, response));
    let result =
        posting_of_response(url, response).map(|posting| summarize(matcher, posting, extras));
    Outcome {
        source: source.to_owned(),
        fetch,
        result,
        line: None,
    }
}

/// Extracts the posting of a fetched page; walls are `blocked` errors.
pub fn posting_of_response(url: &str, response: &Response) -> Result<Posting, InputError> {
    let (format, charset) = content_format(response)?;
    if let Some(reason) = wall::challenge(&response.body) {
        return Err(blocked(reason.to_owned()));
    }
    if wall::redirected_to_login(url, &response.final_url) {
        return Err(blocked(format!(
            "redirected to a sign-in page ({})",
            response.final_url
        )));
    }
    // A relative date ("Posted 3 days ago") is read against the download: not against a later
    // revalidation of a cached body, which would shift it by the body's age.
    let fetched_at = (!response.from_cache).then_some(response.fetched_at);
    let extracted = extract::extract_with_shapes(
        &response.body,
        format,
        charset.as_deref(),
        fetched_at,
        &JSON_SHAPES,
    );
    let posting = match extracted {
        Err(ExtractError::NoText) if format == Format::Html => {
            return Err(blocked(
                "the page has no readable text (it may need JavaScript or a sign-in)".into(),
            ));
        }
        other => other?,
    };
    if let Some(phrase) = wall::login_wall(&posting.text, posting.words) {
        return Err(blocked(format!(
            "a wall, not a posting: {} words, saying \"{phrase}\"",
            posting.words
        )));
    }
    Ok(posting)
}

fn blocked(reason: String) -> InputError {
    InputError::Fetch(FetchError::Blocked {
        http_status: None,
        reason,
    })
}

/// The format and charset of a response, from its `Content-Type` (sniffed when there is none).
pub fn content_format(response: &Response) -> Result<(Format, Option<String>), InputError> {
    let Some(content_type) = response.content_type.as_deref() else {
        return Ok((sniff(&response.body, &response.final_url), None));
    };
    let mut parts = content_type.split(';');
    let mime = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
    let charset = parts.find_map(|p| {
        let (key, value) = p.split_once('=')?;
        (key.trim().eq_ignore_ascii_case("charset"))
            .then(|| value.trim().trim_matches(['"', '\'']).to_owned())
    });
    let format = match mime.as_str() {
        "text/html" | "application/xhtml+xml" => Format::Html,
        "text/markdown" | "text/x-markdown" => Format::Markdown,
        "text/plain" if is_markdown_path(&response.final_url) => Format::Markdown,
        "text/plain" => Format::Text,
        "application/json" | "application/ld+json" | "text/json" => Format::Json,
        m if m.ends_with("+json") => Format::Json,
        "" | "application/octet-stream" if !looks_binary(&response.body) => {
            sniff(&response.body, &response.final_url)
        }
        _ => {
            return Err(InputError::Fetch(FetchError::ContentType(mime)));
        }
    };
    Ok((format, charset))
}

fn is_markdown_path(url: &str) -> bool {
    let path = url
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    path.ends_with(".md") || path.ends_with(".markdown")
}

fn looks_binary(body: &[u8]) -> bool {
    body.iter().take(1024).any(|&b| b == 0)
}

fn sniff(body: &[u8], url: &str) -> Format {
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .and_then(|i| body.get(i));
    match start {
        Some(b'<') => Format::Html,
        Some(b'{' | b'[') => Format::Json,
        _ if is_markdown_path(url) => Format::Markdown,
        _ => Format::Text,
    }
}

/// Analyzes one posting of a job board. `extras` says what the analysis carries beyond skills
/// and scores.
pub fn analyze_board_posting(
    matcher: &Matcher,
    posting: &BoardPosting,
    fetch: FetchInfo,
    extras: Extras,
) -> Outcome {
    let source = posting
        .url
        .clone()
        .unwrap_or_else(|| format!("{}#{}", fetch.url, posting.id));
    let result = posting
        .to_posting()
        .map_err(InputError::from)
        .map(|p| summarize(matcher, p, extras));
    Outcome {
        source,
        fetch: Some(fetch),
        result,
        line: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::row::Status;
    use std::time::SystemTime;

    fn response(content_type: Option<&str>, body: &str) -> Response {
        Response {
            final_url: "https://example.com/jobs/1".into(),
            http_status: 200,
            content_type: content_type.map(str::to_owned),
            body: body.as_bytes().to_vec(),
            from_cache: false,
            fetched_at: SystemTime::UNIX_EPOCH,
            etag: None,
            last_modified: None,
        }
    }

    #[test]
    fn content_types_map_to_formats() {
        let html = response(Some("text/html; charset=\"ISO-8859-1\""), "<p>x</p>");
        assert_eq!(
            content_format(&html).unwrap(),
            (Format::Html, Some("ISO-8859-1".to_owned()))
        );
        let json = response(Some("application/vnd.api+json"), "{}");
        assert_eq!(content_format(&json).unwrap().0, Format::Json);
        let none = response(None, "  <html>");
        assert_eq!(content_format(&none).unwrap().0, Format::Html);
        let pdf = response(Some("application/pdf"), "%PDF-1.7");
        assert_eq!(
            content_format(&pdf).unwrap_err().to_string(),
            "unsupported content type application/pdf (expected HTML, plain text, Markdown or JSON)"
        );
    }

    #[test]
    fn walls_are_blocked_not_scored() {
        let matcher = Matcher::new(crate::rules::RuleSet::load(&[] as &[&str]).unwrap()).unwrap();
        let page = response(
            Some("text/html"),
            "<html><body><h1>Senior Rust Engineer</h1><p>Sign in to view the full job.</p></body></html>",
        );
        let outcome = analyze_response(
            &matcher,
            "u",
            "https://example.com/jobs/1",
            &page,
            Extras::default(),
        );
        assert_eq!(outcome.status(), Status::Blocked);
        let cf = response(
            Some("text/html"),
            "<html><head><title>Just a moment...</title></head><body>Checking</body></html>",
        );
        let outcome = analyze_response(
            &matcher,
            "u",
            "https://example.com/jobs/1",
            &cf,
            Extras::default(),
        );
        assert_eq!(outcome.status(), Status::Blocked);
        assert_eq!(outcome.fetch.unwrap().http_status, Some(200));
    }
}
