//! Workday career sites: a posting page `{tenant}.wdN.myworkdayjobs.com/[{locale}/]{site}/job/
//! {location}/{slug}` is answered by the site's JSON job endpoint, `/wday/cxs/{tenant}/{site}/
//! job/{location}/{slug}`, with `{jobPostingInfo, hiringOrganization}`.
//!
//! A site's listing needs a POST with paging, and the fetcher only GETs: listing URLs are read
//! as pages.

use serde_json::Value;

use super::BoardPosting;
use super::json::{company_or, text};
use crate::extract::jsonld::{employment_types, iso_date};
use crate::extract::{Metadata, meta};

/// The job endpoint of a posting; `base` is the site's own `https://{host}` unless configured.
pub(super) fn api_url(base: &str, tenant: &str, site: &str, job: &str) -> String {
    format!("{base}/wday/cxs/{tenant}/{site}/job/{job}")
}

/// The site and the posting's path (`{location}/{slug}`) of a posting URL's path segments.
pub(super) fn site_and_job(segments: &[&str]) -> Option<(String, String)> {
    let rest = match segments {
        [locale, rest @ ..] if is_locale(locale) => rest,
        rest => rest,
    };
    match rest {
        [site, "job", job @ ..] if !job.is_empty() => Some(((*site).to_owned(), job.join("/"))),
        _ => None,
    }
}

/// `en-US`, `de-DE`, `fr-CA`: the locale a career site's URL may start with.
fn is_locale(segment: &str) -> bool {
    matches!(
        segment.as_bytes(),
        [a, b, b'-', c, d] if a.is_ascii_lowercase()
            && b.is_ascii_lowercase()
            && c.is_ascii_uppercase()
            && d.is_ascii_uppercase()
    )
}

/// Whether a JSON document is a Workday job endpoint's answer.
pub(super) fn is_posting(value: &Value) -> bool {
    value.get("jobPostingInfo").is_some_and(Value::is_object)
}

/// The answer of a job endpoint: `jobPostingInfo {title, jobDescription, location,
/// startDate, timeType, remoteType, jobReqId, externalUrl}` and `hiringOrganization {name}`
/// (else the tenant names the company).
pub(super) fn posting(answer: &Value, tenant: &str) -> Option<BoardPosting> {
    let info = answer.get("jobPostingInfo")?;
    let id = text(info, "jobReqId")
        .or_else(|| text(info, "jobPostingId"))
        .or_else(|| text(info, "id"))?;
    let details = Metadata {
        employment_type: text(info, "timeType").and_then(|t| employment_types(&[t])),
        remote: text(info, "remoteType").and_then(|r| meta::remote_of_place(&r)),
        date_posted: text(info, "startDate").and_then(|d| iso_date(&d)),
        ..Metadata::default()
    };
    Some(BoardPosting {
        id,
        url: text(info, "externalUrl"),
        title: text(info, "title"),
        company: answer
            .get("hiringOrganization")
            .and_then(|o| text(o, "name"))
            .or_else(|| company_or(tenant)),
        location: text(info, "location"),
        html: text(info, "jobDescription").unwrap_or_default(),
        details,
    })
}
