//! Workable: `apply.workable.com/{account}` and its postings `.../j/{shortcode}` are answered
//! by the account's public careers widget, `{base}/api/v1/widget/accounts/{account}?details=
//! true`, which lists every published job with its description.

use serde_json::Value;

use super::BoardPosting;
use super::json::{company_or, text};
use crate::extract::jsonld::{employment_types, iso_date};
use crate::extract::{Metadata, Remote};

/// The widget URL listing the account's jobs with their descriptions.
pub(super) fn api_url(base: &str, account: &str) -> String {
    format!("{base}/api/v1/widget/accounts/{account}?details=true")
}

/// A job of the widget's `jobs`: `{title, shortcode, employment_type, telecommuting, url,
/// published_on, created_at, city, state, country, description}`; `company` is the widget's
/// `name`.
pub(super) fn posting(job: &Value, company: Option<&str>, account: &str) -> Option<BoardPosting> {
    let place: Vec<String> = ["city", "state", "country"]
        .iter()
        .filter_map(|k| text(job, k))
        .collect();
    let details = Metadata {
        employment_type: text(job, "employment_type").and_then(|t| employment_types(&[t])),
        remote: (job.get("telecommuting").and_then(Value::as_bool) == Some(true))
            .then_some(Remote::Remote),
        date_posted: text(job, "published_on")
            .or_else(|| text(job, "created_at"))
            .and_then(|d| iso_date(&d)),
        ..Metadata::default()
    };
    Some(BoardPosting {
        id: text(job, "shortcode")?,
        url: text(job, "url").or_else(|| text(job, "shortlink")),
        title: text(job, "title"),
        company: company.map(str::to_owned).or_else(|| company_or(account)),
        location: (!place.is_empty()).then(|| place.join(", ")),
        html: text(job, "description").unwrap_or_default(),
        details,
    })
}
