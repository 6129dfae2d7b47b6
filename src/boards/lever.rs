//! Lever's postings API: `{base}/v0/postings/{site}?mode=json` lists every open posting of a
//! site, with its requirement lists.

use serde_json::Value;

use super::BoardPosting;
use super::json::{company_or, date_of_millis, id, interval, paragraphs, text, workplace};
use crate::extract::Metadata;
use crate::extract::html::escape;
use crate::extract::jsonld::employment_types;

/// The API URL listing the site's open postings.
pub(super) fn api_url(base: &str, site: &str) -> String {
    format!("{base}/v0/postings/{site}?mode=json")
}

/// Whether a JSON document is one Lever posting.
pub(super) fn is_posting(value: &Value) -> bool {
    value.get("hostedUrl").is_some()
}

/// Lever: `{id, text, hostedUrl, categories: {location}, description, lists: [{text,
/// content}], additional}`; plain-text variants when the HTML ones are missing. The lists
/// become headed sections.
pub(super) fn posting(job: &Value, token: &str) -> Option<BoardPosting> {
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
        details: details(job),
    })
}

/// Lever: `categories.commitment`, `workplaceType`, `createdAt` (milliseconds since the epoch)
/// and `salaryRange {min, max, currency, interval}`.
fn details(job: &Value) -> Metadata {
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
