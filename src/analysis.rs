//! One posting through the pure stages: extract -> match -> score.
//!
//! Synchronous and owned-in, owned-out, so the orchestrator can run it on any thread. The
//! inputs are a file, a fetched [`Response`] or a job-board posting; the output is always an
//! [`Outcome`], the row of that posting, whether it was scored or not.

use std::path::Path;

use crate::dedup::Signature;
use crate::extract::boards::BoardPosting;
use crate::extract::{self, ExtractError, Format, Posting};
use crate::fetch::{FetchError, Response, wall};
use crate::input;
use crate::matcher::{Matcher, Matches};
use crate::row::{Analysis, FetchInfo, InputError, Outcome};
use crate::score::{self, CoverageScore};

/// Extracts, matches and scores a posting from its bytes.
pub fn analyze_bytes(
    matcher: &Matcher,
    bytes: &[u8],
    format: Format,
) -> Result<(Posting, Matches, CoverageScore), InputError> {
    let posting = extract::extract(bytes, format)?;
    Ok(analyze_posting(matcher, posting))
}

/// Matches and scores an extracted posting.
pub fn analyze_posting(matcher: &Matcher, posting: Posting) -> (Posting, Matches, CoverageScore) {
    let matches = matcher.find(&posting);
    let score = score::score(matcher.rules(), &matches.skills);
    (posting, matches, score)
}

fn summarize(matcher: &Matcher, posting: Posting, dedup: bool) -> Analysis {
    let (posting, matches, score) = analyze_posting(matcher, posting);
    let signature = dedup.then(|| Signature::of(&posting.text, posting.meta.company.as_deref()));
    let technologies = crate::candidate::Technologies::builtin().in_posting(&posting);
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

/// Reads and analyzes one file; never fails, a failure is part of the outcome. With `dedup`,
/// the analysis carries the text's [`Signature`].
pub fn analyze_file(
    matcher: &Matcher,
    source: &str,
    path: &Path,
    format: Format,
    dedup: bool,
) -> Outcome {
    let result = input::read(path)
        .and_then(|bytes| Ok(extract::extract(&bytes, format)?))
        .map(|posting| summarize(matcher, posting, dedup));
    Outcome {
        source: source.to_owned(),
        fetch: None,
        result,
        line: None,
    }
}

/// Analyzes a posting given inline (a line of `--jsonl-in`).
pub fn analyze_inline(
    matcher: &Matcher,
    source: &str,
    bytes: &[u8],
    format: Format,
    dedup: bool,
) -> Outcome {
    let result = extract::extract(bytes, format)
        .map_err(InputError::from)
        .map(|posting| summarize(matcher, posting, dedup));
    Outcome {
        source: source.to_owned(),
        fetch: None,
        result,
        line: None,
    }
}

/// Analyzes a fetched page. Walls (challenge pages, sign-in prompts, redirects to a sign-in
/// page) are `blocked`; content types other than HTML, text, Markdown and JSON are errors.
/// With `dedup`, the analysis carries the text's [`Signature`].
pub fn analyze_response(
    matcher: &Matcher,
    source: &str,
    url: &str,
    response: &Response,
    dedup: bool,
) -> Outcome {
    let fetch = Some(FetchInfo::of(url, response));
    let result =
        posting_of_response(url, response).map(|posting| summarize(matcher, posting, dedup));
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
    let extracted = if response.from_cache {
        extract::extract_with_charset(&response.body, format, charset.as_deref())
    } else {
        extract::extract_fetched(
            &response.body,
            format,
            charset.as_deref(),
            response.fetched_at,
        )
    };
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

/// Analyzes one posting of a job board. With `dedup`, the analysis carries the text's
/// [`Signature`].
pub fn analyze_board_posting(
    matcher: &Matcher,
    posting: &BoardPosting,
    fetch: FetchInfo,
    dedup: bool,
) -> Outcome {
    let source = posting
        .url
        .clone()
        .unwrap_or_else(|| format!("{}#{}", fetch.url, posting.id));
    let result = posting
        .to_posting()
        .map_err(InputError::from)
        .map(|p| summarize(matcher, p, dedup));
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
        let outcome = analyze_response(&matcher, "u", "https://example.com/jobs/1", &page, false);
        assert_eq!(outcome.status(), Status::Blocked);
        let cf = response(
            Some("text/html"),
            "<html><head><title>Just a moment...</title></head><body>Checking</body></html>",
        );
        let outcome = analyze_response(&matcher, "u", "https://example.com/jobs/1", &cf, false);
        assert_eq!(outcome.status(), Status::Blocked);
        assert_eq!(outcome.fetch.unwrap().http_status, Some(200));
    }
}
