//! SmartRecruiters: a posting page `jobs.smartrecruiters.com/{company}/{id}[-slug]` is answered
//! by the Posting API, `{base}/v1/companies/{company}/postings/{id}`, whose `jobAd.sections`
//! hold the description.
//!
//! The API lists a company's postings without their descriptions (one more request each):
//! listing URLs are read as pages.

use serde_json::Value;

use super::BoardPosting;
use super::json::{company_or, id, text};
use crate::extract::html::escape;
use crate::extract::jsonld::{employment_types, iso_date};
use crate::extract::{Metadata, Remote};

/// The Posting API URL of one posting.
pub(super) fn api_url(base: &str, company: &str, posting: &str) -> String {
    format!("{base}/v1/companies/{company}/postings/{posting}")
}

/// The posting id of a URL's segment: `744000154502129-operator-2` -> `744000154502129`.
pub(super) fn posting_id(segment: &str) -> Option<String> {
    let id = segment.split('-').next()?;
    (!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())).then(|| id.to_owned())
}

/// Whether a JSON document is one SmartRecruiters posting.
pub(super) fn is_posting(value: &Value) -> bool {
    value
        .get("jobAd")
        .is_some_and(|ad| ad.get("sections").is_some())
}

/// The sections of `jobAd.sections`, in the order SmartRecruiters shows them.
const SECTIONS: [&str; 4] = [
    "companyDescription",
    "jobDescription",
    "qualifications",
    "additionalInformation",
];

/// `{id, name, company {name}, location {city, region, country, fullLocation, remote,
/// hybrid}, releasedDate, typeOfEmployment {label}, postingUrl, jobAd {sections {...: {title,
/// text}}}}`; each section becomes a heading and its HTML.
pub(super) fn posting(job: &Value, company: &str) -> Option<BoardPosting> {
    let sections = job.get("jobAd").and_then(|ad| ad.get("sections"));
    let mut html = String::new();
    for key in SECTIONS {
        let Some(section) = sections.and_then(|s| s.get(key)) else {
            continue;
        };
        let Some(body) = text(section, "text") else {
            continue;
        };
        if let Some(title) = text(section, "title") {
            html.push_str(&format!("<h2>{}</h2>", escape(&title)));
        }
        html.push_str(&body);
    }
    let location = job.get("location");
    // `fullLocation` leaves a missing region empty: "Singapore, , Singapore".
    let place = location.and_then(|l| {
        text(l, "fullLocation")
            .map(|full| {
                full.split(',')
                    .map(str::trim)
                    .filter(|part| !part.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .filter(|full| !full.is_empty())
            .or_else(|| {
                let parts: Vec<String> = ["city", "region", "country"]
                    .iter()
                    .filter_map(|k| text(l, k))
                    .collect();
                (!parts.is_empty()).then(|| parts.join(", "))
            })
    });
    let flag = |key: &str| location.and_then(|l| l.get(key)).and_then(Value::as_bool) == Some(true);
    let remote = if flag("remote") {
        Some(Remote::Remote)
    } else if flag("hybrid") {
        Some(Remote::Hybrid)
    } else {
        None
    };
    let details = Metadata {
        employment_type: job
            .get("typeOfEmployment")
            .and_then(|t| text(t, "label"))
            .and_then(|t| employment_types(&[t])),
        remote,
        date_posted: text(job, "releasedDate").and_then(|d| iso_date(&d)),
        ..Metadata::default()
    };
    Some(BoardPosting {
        id: id(job)?,
        url: text(job, "postingUrl"),
        title: text(job, "name"),
        company: job
            .get("company")
            .and_then(|c| text(c, "name"))
            .or_else(|| company_or(company)),
        location: place,
        html,
        details,
    })
}
