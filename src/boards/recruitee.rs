//! Recruitee: `{company}.recruitee.com` and its offers `.../o/{slug}` are answered by the
//! careers site's API, `/api/offers/`, which lists every published offer with its
//! description and requirements.

use serde_json::Value;

use super::BoardPosting;
use super::json::{company_or, id, text};
use crate::extract::jsonld::{employment_types, iso_date};
use crate::extract::{Metadata, Remote};

/// The offers API of a careers site; `base` is the site's own `https://{host}` unless
/// configured.
pub(super) fn api_url(base: &str) -> String {
    format!("{base}/api/offers/")
}

/// An offer: `{slug, id, title, company_name, location, city, country, remote, hybrid,
/// on_site, employment_type_code, salary {min, max, period, currency}, published_at,
/// careers_url, description, requirements}`.
pub(super) fn posting(offer: &Value, company: &str) -> Option<BoardPosting> {
    let mut html = text(offer, "description").unwrap_or_default();
    if let Some(requirements) = text(offer, "requirements") {
        html.push_str(&requirements);
    }
    let flag = |key: &str| offer.get(key).and_then(Value::as_bool) == Some(true);
    let remote = if flag("remote") {
        Some(Remote::Remote)
    } else if flag("hybrid") {
        Some(Remote::Hybrid)
    } else if flag("on_site") {
        Some(Remote::Onsite)
    } else {
        None
    };
    let location = text(offer, "location").or_else(|| {
        let parts: Vec<String> = ["city", "country"]
            .iter()
            .filter_map(|k| text(offer, k))
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    });
    let mut details = Metadata {
        employment_type: text(offer, "employment_type_code").and_then(|code| {
            employment_types(&code.split('_').map(str::to_owned).collect::<Vec<_>>())
        }),
        remote,
        date_posted: text(offer, "published_at")
            .or_else(|| text(offer, "created_at"))
            .and_then(|d| iso_date(&d)),
        ..Metadata::default()
    };
    if let Some(salary) = offer.get("salary") {
        let number = |key: &str| {
            match salary.get(key) {
                Some(Value::Number(n)) => n.as_f64(),
                Some(Value::String(s)) => s.trim().parse::<f64>().ok(),
                _ => None,
            }
            .filter(|n| *n > 0.0)
        };
        let (min, max) = (number("min"), number("max"));
        if min.is_some() || max.is_some() {
            details.salary_min = min.or(max);
            details.salary_max = max.or(min);
            details.salary_currency = text(salary, "currency").map(|c| c.to_ascii_uppercase());
            details.salary_period = text(salary, "period").map(|p| p.to_ascii_lowercase());
        }
    }
    Some(BoardPosting {
        // The slug is what the offer's URL carries.
        id: text(offer, "slug").or_else(|| id(offer))?,
        url: text(offer, "careers_url"),
        title: text(offer, "title"),
        company: text(offer, "company_name").or_else(|| company_or(company)),
        location,
        html,
        details,
    })
}
