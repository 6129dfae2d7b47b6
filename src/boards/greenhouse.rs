//! Greenhouse's job board API: `{base}/v1/boards/{token}/jobs?content=true` lists every open
//! posting of a board with its content.

use serde_json::Value;

use super::BoardPosting;
use super::json::{company_or, id, text};
use crate::extract::jsonld::{employment_types, iso_date, unescape};
use crate::extract::{Metadata, meta};

/// The API URL listing the board's open postings.
pub(super) fn api_url(base: &str, token: &str) -> String {
    format!("{base}/v1/boards/{token}/jobs?content=true")
}

/// Whether a JSON document is one Greenhouse posting.
pub(super) fn is_posting(value: &Value) -> bool {
    value.get("absolute_url").is_some() && value.get("content").is_some()
}

/// Greenhouse: `{id, title, absolute_url, location: {name}, content, company_name}` with
/// `content` HTML-escaped.
pub(super) fn posting(job: &Value, token: &str) -> Option<BoardPosting> {
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
        details: details(job),
    })
}

/// Greenhouse: `first_published` (or `updated_at`), and the board's custom `metadata` fields
/// named like an employment type, a workplace type or a salary.
fn details(job: &Value) -> Metadata {
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
