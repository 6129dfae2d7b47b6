//! hh.ru (HeadHunter): a vacancy page `hh.ru/vacancy/{id}` (also `{city}.hh.ru`, `hh.kz`,
//! `rabota.by`) is answered by the public API, `{base}/vacancies/{id}`, one vacancy with its
//! description HTML, key skills, salary and experience band. A vacancy of `hh.kz` or
//! `rabota.by` is asked with `?host=` so that its links point to that site.

use serde_json::Value;

use super::BoardPosting;
use super::json::{id, text};
use crate::extract::html::escape;
use crate::extract::jsonld::{employment_types, iso_date};
use crate::extract::{Metadata, Remote};

/// The sites whose vacancies the API serves, by their registrable domain.
const SITES: [&str; 3] = ["hh.ru", "hh.kz", "rabota.by"];

/// The site of a host (`spb.hh.ru` -> `hh.ru`), when it is one of hh's.
pub(super) fn site(host: &str) -> Option<&'static str> {
    SITES
        .into_iter()
        .find(|site| host == *site || host.strip_suffix(site).is_some_and(|h| h.ends_with('.')))
}

/// The vacancy id of a page's path segments: `vacancy/{digits}`.
pub(super) fn vacancy_id(segments: &[&str]) -> Option<String> {
    match segments {
        ["vacancy", id, ..] if !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()) => {
            Some((*id).to_owned())
        }
        _ => None,
    }
}

/// The API URL of a vacancy of `site`.
pub(super) fn api_url(base: &str, site: &str, vacancy: &str) -> String {
    if site == "hh.ru" {
        format!("{base}/vacancies/{vacancy}")
    } else {
        format!("{base}/vacancies/{vacancy}?host={site}")
    }
}

/// Whether a JSON document is one hh.ru vacancy: `name`, `description`, `employer` and `area`.
pub(super) fn is_posting(value: &Value) -> bool {
    value.get("name").is_some_and(Value::is_string)
        && value.get("description").is_some_and(Value::is_string)
        && value.get("employer").is_some_and(Value::is_object)
        && value.get("area").is_some_and(Value::is_object)
}

/// A vacancy: `{id, name, employer {name}, area {name}, address {city}, schedule {id},
/// work_format [{id}], employment {id}, employment_form {id}, salary {from, to, currency,
/// gross}, salary_range {..., mode {id}}, experience {id}, published_at, alternate_url,
/// key_skills [{name}], description}`; the key skills become a section of their own.
pub(super) fn posting(vacancy: &Value) -> Option<BoardPosting> {
    let name_of = |key: &str| vacancy.get(key).and_then(|v| text(v, "name"));
    let id_of = |key: &str| vacancy.get(key).and_then(|v| text(v, "id"));
    let mut html = text(vacancy, "description").unwrap_or_default();
    let skills: Vec<String> = vacancy
        .get("key_skills")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|s| text(s, "name"))
        .collect();
    if !skills.is_empty() {
        html.push_str("<h2>Key skills</h2><ul>");
        for skill in &skills {
            html.push_str(&format!("<li>{}</li>", escape(skill)));
        }
        html.push_str("</ul>");
    }
    let area = name_of("area");
    let city = vacancy.get("address").and_then(|a| text(a, "city"));
    let location = match (area, city) {
        (Some(area), Some(city)) if city != area => Some(format!("{city}, {area}")),
        (area, city) => area.or(city),
    };
    let mut details = Metadata {
        remote: remote(vacancy),
        employment_type: id_of("employment")
            .or_else(|| id_of("employment_form"))
            .and_then(|id| employment(&id)),
        date_posted: text(vacancy, "published_at")
            .or_else(|| text(vacancy, "created_at"))
            .and_then(|d| iso_date(&d)),
        experience_years: id_of("experience").and_then(|id| experience(&id)),
        ..Metadata::default()
    };
    salary(vacancy, &mut details);
    Some(BoardPosting {
        id: id(vacancy)?,
        url: text(vacancy, "alternate_url"),
        title: text(vacancy, "name"),
        // An anonymous vacancy names no employer: the company stays empty.
        company: name_of("employer"),
        location,
        html,
        details,
    })
}

/// `work_format` (`REMOTE`, `HYBRID`, `ON_SITE`), else the older `schedule` `remote`.
fn remote(vacancy: &Value) -> Option<Remote> {
    let formats: Vec<Remote> = vacancy
        .get("work_format")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|f| text(f, "id"))
        .filter_map(|id| match id.to_ascii_uppercase().as_str() {
            "REMOTE" => Some(Remote::Remote),
            "HYBRID" => Some(Remote::Hybrid),
            "ON_SITE" => Some(Remote::Onsite),
            _ => None,
        })
        .collect();
    match formats.as_slice() {
        [one] => return Some(*one),
        // Several ways to work: partly remote.
        [_, ..] if formats.iter().any(|f| *f != Remote::Onsite) => return Some(Remote::Hybrid),
        _ => {}
    }
    let schedule = vacancy.get("schedule").and_then(|s| text(s, "id"));
    (schedule.as_deref() == Some("remote")).then_some(Remote::Remote)
}

/// `full`, `part`, `project`, `volunteer`, `probation` (and the newer `FULL`, `PART`,
/// `PROJECT`) -> the column's values.
fn employment(id: &str) -> Option<String> {
    let kind = match id.to_ascii_lowercase().as_str() {
        "full" => "full-time",
        "part" => "part-time",
        "project" => "contract",
        "volunteer" => "volunteer",
        "probation" => "internship",
        _ => return None,
    };
    employment_types(&[kind.to_owned()])
}

/// The least years of an experience band: `noExperience` 0, `between1And3` 1,
/// `between3And6` 3, `moreThan6` 6.
fn experience(id: &str) -> Option<u32> {
    match id {
        "noExperience" => Some(0),
        "between1And3" => Some(1),
        "between3And6" => Some(3),
        "moreThan6" => Some(6),
        _ => None,
    }
}

/// `salary_range` (with its `mode`), else `salary`: per month, `RUR` read as `RUB`.
fn salary(vacancy: &Value, details: &mut Metadata) {
    let range = vacancy.get("salary_range").filter(|s| s.is_object());
    let Some(salary) = range.or_else(|| vacancy.get("salary").filter(|s| s.is_object())) else {
        return;
    };
    let number = |key: &str| salary.get(key).and_then(Value::as_f64).filter(|n| *n > 0.0);
    let (from, to) = (number("from"), number("to"));
    if from.is_none() && to.is_none() {
        return;
    }
    details.salary_min = from.or(to);
    details.salary_max = to.or(from);
    details.salary_currency = text(salary, "currency").map(|c| match c.to_ascii_uppercase() {
        c if c == "RUR" => "RUB".to_owned(),
        c => c,
    });
    let mode = range
        .and_then(|r| r.get("mode"))
        .and_then(|m| text(m, "id"));
    details.salary_period = match mode.as_deref() {
        None | Some("MONTH") => Some("month".to_owned()),
        Some("HOUR") => Some("hour".to_owned()),
        // Per shift or per fly-in-fly-out rotation: no period the column has.
        Some(_) => None,
    };
}
