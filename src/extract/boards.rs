//! JSON -> postings: job-board API answers (Greenhouse, Lever, Ashby) and JSON documents
//! fetched from a URL (a schema.org `JobPosting`, or one posting of a board API).
//!
//! The APIs give clean HTML descriptions (Greenhouse HTML-escapes it once more) and metadata;
//! Lever adds its requirement lists, which become headed sections. Each posting is then reduced
//! to blocks by the HTML extractor, like a saved page.

use serde_json::Value;

use super::html::{escape, fragment_blocks};
use super::jsonld::job_posting_in;
use super::jsonld::{employment_types, iso_date};
use super::{BlockKind, ExtractError, Metadata, Posting, RawBlock, Remote, meta, push_block};
use crate::fetch::BoardKind;

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
        Some(posting) => Ok((posting.metadata(), fragment_blocks(&posting.html))),
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
        details: greenhouse_details(job),
    })
}

/// Greenhouse: `first_published` (or `updated_at`), and the board's custom `metadata` fields
/// named like an employment type, a workplace type or a salary.
fn greenhouse_details(job: &Value) -> Metadata {
    let mut details = Metadata {
        date_posted: text(job, "first_published")
            .or_else(|| text(job, "updated_at"))
            .and_then(|d| iso_date(&d)),
        ..Metadata::default()
    };
    for field in job
        .get("metadata")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let name = text(field, "name").unwrap_or_default().to_ascii_lowercase();
        let value = match field.get("value") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(", "),
            _ => continue,
        };
        if name.contains("employment") || name.contains("job type") {
            details.employment_type = details
                .employment_type
                .or_else(|| employment_types(std::slice::from_ref(&value)));
        } else if name.contains("remote")
            || name.contains("workplace")
            || name.contains("location type")
        {
            details.remote = details.remote.or_else(|| meta::remote_of_place(&value));
        } else if (name.contains("salary") || name.contains("compensation") || name.contains("pay"))
            && details.salary_min.is_none()
            && let Some(salary) = meta::salary(&value)
        {
            details.salary_min = salary.min;
            details.salary_max = salary.max;
            details.salary_currency = salary.currency;
            details.salary_period = salary.period;
        }
    }
    details
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
        details: lever_details(job),
    })
}

/// Lever: `categories.commitment`, `workplaceType`, `createdAt` (milliseconds since the epoch)
/// and `salaryRange {min, max, currency, interval}`.
fn lever_details(job: &Value) -> Metadata {
    let mut details = Metadata {
        employment_type: job
            .get("categories")
            .and_then(|c| text(c, "commitment"))
            .and_then(|c| employment_types(&[c])),
        remote: text(job, "workplaceType").and_then(|w| workplace(&w)),
        date_posted: job
            .get("createdAt")
            .and_then(Value::as_i64)
            .and_then(date_of_millis),
        ..Metadata::default()
    };
    if let Some(range) = job.get("salaryRange") {
        let number = |key: &str| range.get(key).and_then(Value::as_f64).filter(|n| *n > 0.0);
        let (min, max) = (number("min"), number("max"));
        if min.is_some() || max.is_some() {
            details.salary_min = min;
            details.salary_max = max.or(min);
            details.salary_currency = text(range, "currency").map(|c| c.to_ascii_uppercase());
            details.salary_period = text(range, "interval").and_then(|i| interval(&i));
        }
    }
    details
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
        details: ashby_details(job),
    })
}

/// Ashby: `employmentType`, `isRemote`, `workplaceType`, `publishedAt` and `compensation`
/// (its salary component: `minValue`, `maxValue`, `currencyCode`, `interval`).
fn ashby_details(job: &Value) -> Metadata {
    let remote = text(job, "workplaceType")
        .and_then(|w| workplace(&w))
        .or_else(|| {
            (job.get("isRemote").and_then(Value::as_bool) == Some(true)).then_some(Remote::Remote)
        });
    let mut details = Metadata {
        employment_type: text(job, "employmentType").and_then(|e| employment_types(&[e])),
        remote,
        date_posted: text(job, "publishedAt").and_then(|d| iso_date(&d)),
        ..Metadata::default()
    };
    let components = job
        .get("compensation")
        .and_then(|c| c.get("summaryComponents"))
        .and_then(Value::as_array);
    let salary = components
        .into_iter()
        .flatten()
        .find(|c| text(c, "compensationType").is_some_and(|t| t.eq_ignore_ascii_case("salary")));
    if let Some(salary) = salary {
        let number = |key: &str| salary.get(key).and_then(Value::as_f64).filter(|n| *n > 0.0);
        let (min, max) = (number("minValue"), number("maxValue"));
        if min.is_some() || max.is_some() {
            details.salary_min = min.or(max);
            details.salary_max = max.or(min);
            details.salary_currency = text(salary, "currencyCode").map(|c| c.to_ascii_uppercase());
            details.salary_period = text(salary, "interval").and_then(|i| interval(&i));
        }
    }
    details
}

/// `remote`, `hybrid`, `on-site`, `OnSite` (Lever's and Ashby's workplace types).
fn workplace(value: &str) -> Option<Remote> {
    let key: String = value
        .to_ascii_lowercase()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    match key.as_str() {
        "remote" => Some(Remote::Remote),
        "hybrid" => Some(Remote::Hybrid),
        "onsite" | "inoffice" | "office" => Some(Remote::Onsite),
        _ => None,
    }
}

/// `per-year-salary`, `per-hour-wage` (Lever), `1 YEAR`, `1 HOUR` (Ashby) -> the period.
fn interval(value: &str) -> Option<String> {
    let lower = value.to_ascii_lowercase();
    ["year", "month", "week", "day", "hour"]
        .into_iter()
        .find(|p| lower.contains(p))
        .map(str::to_owned)
}

/// A UTC date, `YYYY-MM-DD`, from milliseconds since the Unix epoch.
fn date_of_millis(ms: i64) -> Option<String> {
    if ms < 0 {
        return None;
    }
    let moment = jiff::Timestamp::from_millisecond(ms).ok()?;
    let date = jiff::tz::Offset::UTC.to_datetime(moment).date();
    Some(date.strftime("%Y-%m-%d").to_string())
}

/// Plain text as HTML paragraphs, one per line.
fn paragraphs(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("<p>{}</p>", escape(l)))
        .collect()
}

/// Undoes one level of HTML escaping (`&lt;p&gt;` -> `<p>`): the markup entities only; the
/// others (`&amp;nbsp;` -> `&nbsp;`) are left for the HTML parser.
pub(crate) fn unescape(text: &str) -> String {
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
    fn board_metadata() {
        let lever = r#"[{"id":"abc","text":"Backend Engineer","hostedUrl":"https://jobs.lever.co/acme/abc","categories":{"location":"Berlin","commitment":"Full-time"},"workplaceType":"hybrid","createdAt":1714557600000,"salaryRange":{"min":70000,"max":90000,"currency":"eur","interval":"per-year-salary"},"descriptionPlain":"We build things."}]"#;
        let posting = &parse_board(BoardKind::Lever, "acme", lever.as_bytes()).unwrap()[0];
        let m = posting.metadata();
        assert_eq!(m.location.as_deref(), Some("Berlin"));
        assert_eq!(m.employment_type.as_deref(), Some("full-time"));
        assert_eq!(m.remote, Some(Remote::Hybrid));
        assert_eq!(m.date_posted.as_deref(), Some("2024-05-01"));
        assert_eq!((m.salary_min, m.salary_max), (Some(70000.0), Some(90000.0)));
        assert_eq!(m.salary_currency.as_deref(), Some("EUR"));
        assert_eq!(m.salary_period.as_deref(), Some("year"));

        let ashby = r#"{"jobs":[{"title":"SRE","jobUrl":"https://jobs.ashbyhq.com/acme/id-1","descriptionHtml":"<p>Rust</p>","employmentType":"FullTime","isRemote":true,"publishedAt":"2025-01-02T03:04:05.000+00:00","compensation":{"summaryComponents":[{"compensationType":"EquityPercentage","minValue":0.1},{"compensationType":"Salary","interval":"1 YEAR","currencyCode":"USD","minValue":150000,"maxValue":200000}]}}]}"#;
        let m = parse_board(BoardKind::Ashby, "acme", ashby.as_bytes()).unwrap()[0].metadata();
        assert_eq!(m.employment_type.as_deref(), Some("full-time"));
        assert_eq!(m.remote, Some(Remote::Remote));
        assert_eq!(m.date_posted.as_deref(), Some("2025-01-02"));
        assert_eq!(
            (m.salary_min, m.salary_max),
            (Some(150000.0), Some(200000.0))
        );

        let greenhouse = r#"{"jobs":[{"id":1,"title":"X","absolute_url":"u","location":{"name":"NYC"},"content":"<p>x</p>","first_published":"2024-06-30T10:00:00-04:00","metadata":[{"name":"Employment Type","value":"Contract","value_type":"single_select"},{"name":"Workplace","value":"Remote"},{"name":"Salary Range","value":"$120,000 - $150,000"}]}]}"#;
        let m = parse_board(BoardKind::Greenhouse, "acme", greenhouse.as_bytes()).unwrap()[0]
            .metadata();
        assert_eq!(m.date_posted.as_deref(), Some("2024-06-30"));
        assert_eq!(m.employment_type.as_deref(), Some("contract"));
        assert_eq!(m.remote, Some(Remote::Remote));
        assert_eq!(m.salary_currency.as_deref(), Some("USD"));
        assert_eq!(date_of_millis(0).as_deref(), Some("1970-01-01"));
        assert_eq!(
            date_of_millis(951_782_400_000).as_deref(),
            Some("2000-02-29")
        );
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
