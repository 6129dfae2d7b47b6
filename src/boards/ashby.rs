//! Ashby's posting API: `{base}/posting-api/job-board/{board}?includeCompensation=true` lists
//! every posting of a job board, with compensation.

use serde_json::Value;

use super::BoardPosting;
use super::json::{company_or, id, interval, paragraphs, text, workplace};
use crate::extract::jsonld::{employment_types, iso_date};
use crate::extract::{Metadata, Remote};

/// The API URL listing the board's postings.
pub(super) fn api_url(base: &str, board: &str) -> String {
    format!("{base}/posting-api/job-board/{board}?includeCompensation=true")
}

/// Whether a JSON document is one Ashby posting.
pub(super) fn is_posting(value: &Value) -> bool {
    value.get("descriptionHtml").is_some() || value.get("jobUrl").is_some()
}

/// Ashby: `{id, title, location, jobUrl, descriptionHtml, descriptionPlain, isListed}`;
/// unlisted postings are left out.
pub(super) fn posting(job: &Value, token: &str) -> Option<BoardPosting> {
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
        details: details(job),
    })
}

/// Ashby: `employmentType`, `isRemote`, `workplaceType`, `publishedAt` and `compensation`
/// (its salary component: `minValue`, `maxValue`, `currencyCode`, `interval`).
fn details(job: &Value) -> Metadata {
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
