//! JSON -> postings: job-board API answers (Greenhouse, Lever, Ashby) and JSON documents
//! fetched from a URL (a schema.org `JobPosting`, or one posting of a board API).
//!
//! The APIs give clean HTML descriptions (Greenhouse HTML-escapes it once more) and metadata;
//! Lever adds its requirement lists, which become headed sections. Each posting is then reduced
//! to blocks by the HTML extractor, like a saved page.

use serde_json::Value;

use super::html::{fragment_blocks, job_posting_in};
use super::{ExtractError, Metadata, Posting, RawBlock};
use crate::fetch::BoardKind;

/// One posting of a board, as its API describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
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
}

impl BoardPosting {
    /// Reduces the posting to structured text.
    pub fn to_posting(&self) -> Result<Posting, ExtractError> {
        let meta = Metadata {
            title: self.title.clone(),
            company: self.company.clone(),
        };
        Posting::from_blocks(meta, fragment_blocks(&self.html))
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
            BoardKind::Greenhouse => greenhouse(job, token),
            BoardKind::Lever => lever(job, token),
            BoardKind::Ashby => ashby(job, token),
        };
        if let Some(posting) = parsed {
            postings.push(posting);
        }
    }
    Ok(postings)
}

/// Reads a JSON document fetched from a URL: a schema.org `JobPosting` (alone, in an array or
/// an `@graph`) or one posting of a Greenhouse, Lever or Ashby API.
pub fn parse_document(json: &str) -> Result<(Metadata, Vec<RawBlock>), ExtractError> {
    let value: Value = serde_json::from_str(json).map_err(|e| ExtractError::Json(e.to_string()))?;
    if let Some(ld) = job_posting_in(&value) {
        let blocks = ld
            .description
            .as_deref()
            .map(fragment_blocks)
            .unwrap_or_default();
        let meta = Metadata {
            title: ld.title,
            company: ld.company,
        };
        return Ok((meta, blocks));
    }
    let single = if value.get("absolute_url").is_some() && value.get("content").is_some() {
        greenhouse(&value, "")
    } else if value.get("hostedUrl").is_some() {
        lever(&value, "")
    } else if value.get("descriptionHtml").is_some() || value.get("jobUrl").is_some() {
        ashby(&value, "")
    } else {
        None
    };
    match single {
        Some(posting) => Ok((
            Metadata {
                title: posting.title,
                company: posting.company,
            },
            fragment_blocks(&posting.html),
        )),
        None => Err(ExtractError::JsonShape(format!(
            "{} that is not a job posting (expected a schema.org JobPosting or a Greenhouse, \
             Lever or Ashby posting)",
            describe(&value)
        ))),
    }
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a JSON array",
        Value::Object(_) => "a JSON object",
    }
}

fn text(value: &Value, key: &str) -> Option<String> {
    value
        .get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn id(value: &Value) -> Option<String> {
    match value.get("id")? {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn company_or(token: &str) -> Option<String> {
    (!token.is_empty()).then(|| token.to_owned())
}

/// Greenhouse: `{id, title, absolute_url, location: {name}, content, company_name}` with
/// `content` HTML-escaped.
fn greenhouse(job: &Value, token: &str) -> Option<BoardPosting> {
    let content = text(job, "content").unwrap_or_default();
    let html = if content.contains('<') {
        content
    } else {
        unescape(&content)
    };
    Some(BoardPosting {
        id: id(job)?,
        url: text(job, "absolute_url"),
        title: text(job, "title"),
        company: text(job, "company_name").or_else(|| company_or(token)),
        location: job.get("location").and_then(|l| text(l, "name")),
        html,
    })
}

/// Lever: `{id, text, hostedUrl, categories: {location}, description, lists: [{text,
/// content}], additional}`; plain-text variants when the HTML ones are missing.
fn lever(job: &Value, token: &str) -> Option<BoardPosting> {
    let mut html = text(job, "description")
        .or_else(|| text(job, "descriptionPlain").map(|t| paragraphs(&t)))
        .unwrap_or_default();
    for list in job
        .get("lists")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let heading = text(list, "text").unwrap_or_default();
        let items = text(list, "content").unwrap_or_default();
        html.push_str(&format!("<h3>{}</h3><ul>{items}</ul>", escape(&heading)));
    }
    if let Some(additional) =
        text(job, "additional").or_else(|| text(job, "additionalPlain").map(|t| paragraphs(&t)))
    {
        html.push_str(&additional);
    }
    Some(BoardPosting {
        id: id(job)?,
        url: text(job, "hostedUrl"),
        title: text(job, "text"),
        company: company_or(token),
        location: job.get("categories").and_then(|c| text(c, "location")),
        html,
    })
}

/// Ashby: `{id, title, location, jobUrl, descriptionHtml, descriptionPlain, isListed}`;
/// unlisted postings are left out.
fn ashby(job: &Value, token: &str) -> Option<BoardPosting> {
    if job.get("isListed").and_then(Value::as_bool) == Some(false) {
        return None;
    }
    let url = text(job, "jobUrl");
    let id = id(job).or_else(|| {
        url.as_deref()
            .and_then(|u| u.trim_end_matches('/').rsplit('/').next())
            .map(str::to_owned)
    })?;
    let html = text(job, "descriptionHtml")
        .or_else(|| text(job, "descriptionPlain").map(|t| paragraphs(&t)))
        .unwrap_or_default();
    Some(BoardPosting {
        id,
        url,
        title: text(job, "title"),
        company: company_or(token),
        location: text(job, "location"),
        html,
    })
}

/// Plain text as HTML paragraphs, one per line.
fn paragraphs(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("<p>{}</p>", escape(l)))
        .collect()
}

/// Escapes text for HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Undoes one level of HTML escaping (`&lt;p&gt;` -> `<p>`): the markup entities only; the
/// others (`&amp;nbsp;` -> `&nbsp;`) are left for the HTML parser.
fn unescape(text: &str) -> String {
    const ENTITIES: &[(&str, char)] = &[
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&#39;", '\''),
        ("&#x27;", '\''),
        ("&amp;", '&'),
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match ENTITIES.iter().find(|(e, _)| rest.starts_with(e)) {
            Some((entity, c)) => {
                out.push(*c);
                rest = &rest[entity.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greenhouse_content_is_unescaped_once() {
        let json = r#"{"jobs":[{"id":4012345,"title":"Rust Engineer","absolute_url":"https://boards.greenhouse.io/acme/jobs/4012345","location":{"name":"Remote"},"content":"&lt;h2&gt;Requirements&lt;/h2&gt;&lt;ul&gt;&lt;li&gt;Rust &amp;amp; Tokio&lt;/li&gt;&lt;/ul&gt;"}],"meta":{"total":1}}"#;
        let postings = parse_board(BoardKind::Greenhouse, "acme", json.as_bytes()).unwrap();
        assert_eq!(postings.len(), 1);
        assert_eq!(postings[0].id, "4012345");
        assert_eq!(postings[0].company.as_deref(), Some("acme"));
        let posting = postings[0].to_posting().unwrap();
        assert_eq!(posting.text, "Requirements\nRust & Tokio");
        assert_eq!(posting.meta.title.as_deref(), Some("Rust Engineer"));
    }

    #[test]
    fn lever_lists_become_sections() {
        let json = r#"[{"id":"abc","text":"Backend Engineer","hostedUrl":"https://jobs.lever.co/acme/abc","categories":{"location":"Berlin"},"descriptionPlain":"We build things.","lists":[{"text":"What you bring","content":"<li>Rust</li><li>PostgreSQL</li>"}],"additional":"<p>Benefits galore</p>"}]"#;
        let postings = parse_board(BoardKind::Lever, "acme", json.as_bytes()).unwrap();
        let posting = postings[0].to_posting().unwrap();
        assert_eq!(
            posting.text,
            "We build things.\nWhat you bring\nRust\nPostgreSQL\nBenefits galore"
        );
        assert_eq!(posting.sections.len(), 2);
    }

    #[test]
    fn ashby_skips_unlisted_postings_and_wrong_shapes_are_errors() {
        let json = r#"{"jobs":[{"title":"A","jobUrl":"https://jobs.ashbyhq.com/acme/id-1","descriptionHtml":"<p>Rust</p>"},{"title":"B","isListed":false,"jobUrl":"https://jobs.ashbyhq.com/acme/id-2","descriptionHtml":"<p>Go</p>"}]}"#;
        let postings = parse_board(BoardKind::Ashby, "acme", json.as_bytes()).unwrap();
        assert_eq!(postings.len(), 1);
        assert_eq!(postings[0].id, "id-1");
        let error = parse_board(BoardKind::Ashby, "acme", b"[1,2]").unwrap_err();
        assert_eq!(
            error.to_string(),
            "JSON of an unexpected shape: the Ashby API answered with a JSON array, expected an object with a \"jobs\" list"
        );
        assert!(matches!(
            parse_board(BoardKind::Lever, "acme", b"{not json"),
            Err(ExtractError::Json(_))
        ));
    }

    #[test]
    fn json_documents_are_job_postings_or_errors() {
        let ld = r#"{"@context":"https://schema.org","@type":["JobPosting"],"title":"SRE","hiringOrganization":{"name":"Acme"},"description":"<p>Kubernetes and Terraform</p>"}"#;
        let (meta, blocks) = parse_document(ld).unwrap();
        assert_eq!(meta.company.as_deref(), Some("Acme"));
        assert_eq!(blocks[0].text, "Kubernetes and Terraform");
        assert!(parse_document(r#"{"hello":"world"}"#).is_err());
    }
}
