//! schema.org `JobPosting` in JSON-LD -> metadata, description and extra sections.
//!
//! Job sites publish the posting as JSON-LD for search engines, in many shapes: a bare object,
//! an array of objects, an `@graph` wrapper, `@type` as a string or an array, the posting nested
//! under another object (`mainEntity`), `hiringOrganization`, `jobLocation` and `baseSalary` as
//! strings, objects or arrays, descriptions HTML-escaped once more. [`job_posting_in`] finds the
//! first `JobPosting` in any of them and reads its fields into an [`LdPosting`], whose
//! [`LdPosting::meta`] is a [`Metadata`].
//!
//! A block that is not valid JSON is retried once with its raw control characters turned into
//! spaces (a common fault: line breaks inside strings); if it still fails it is skipped with a
//! warning, never an error.

use serde_json::{Map, Value};

use super::{Metadata, Remote};

/// What a schema.org `JobPosting` says about itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LdPosting {
    /// Title, company, place, pay, dates, experience (the text heuristics fill the rest).
    pub meta: Metadata,
    /// `description`, as HTML (unescaped once when it was HTML-escaped).
    pub description: Option<String>,
    /// `skills`, `qualifications`, `responsibilities`, `experienceRequirements` as (heading,
    /// HTML) pairs, in that order, for the ones that are text.
    pub sections: Vec<(&'static str, String)>,
    /// The employer's office, when a remote job's `jobLocation` is only that
    /// (`hiringOrganization.address`): not where the job is, so not its location.
    pub office: Option<String>,
}

/// Parses JSON-LD blocks (the text of `<script type="application/ld+json">` elements) and
/// returns the first `JobPosting` found, with one warning per block that could not be read.
pub fn first_posting<'a>(
    blocks: impl IntoIterator<Item = &'a str>,
) -> (Option<LdPosting>, Vec<String>) {
    let mut warnings = Vec::new();
    let mut found = None;
    for (index, block) in blocks.into_iter().enumerate() {
        let block = block.trim();
        if block.is_empty() {
            continue;
        }
        let value = match parse_lenient(block) {
            Ok(value) => value,
            Err(error) => {
                warnings.push(format!(
                    "JSON-LD block {} skipped: not valid JSON ({error})",
                    index + 1
                ));
                continue;
            }
        };
        if found.is_none() {
            found = job_posting_in(&value);
        }
    }
    (found, warnings)
}

/// Names of the organizations and web sites that JSON-LD blocks describe (not postings): a
/// careers site's owner often describes itself so.
pub fn organization_names<'a>(blocks: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    fn walk(value: &Value, depth: usize, out: &mut Vec<String>) {
        if depth > 4 || out.len() >= 8 {
            return;
        }
        match value {
            Value::Array(items) => items.iter().for_each(|v| walk(v, depth + 1, out)),
            Value::Object(map) => {
                let kind = map.get("@type").and_then(Value::as_str).unwrap_or_default();
                if matches!(
                    kind,
                    "Organization"
                        | "Corporation"
                        | "LocalBusiness"
                        | "WebSite"
                        | "NGO"
                        | "GovernmentOrganization"
                        | "EducationalOrganization"
                ) && let Some(name) = map.get("name").and_then(Value::as_str)
                {
                    let name = name.trim();
                    if !name.is_empty() && name.chars().count() <= 80 {
                        out.push(name.to_owned());
                    }
                }
                if !is_job_posting(map) {
                    map.values().for_each(|v| walk(v, depth + 1, out));
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for block in blocks {
        if let Ok(value) = parse_lenient(block.trim()) {
            walk(&value, 0, &mut out);
        }
    }
    out
}

/// Parses JSON; on failure, once more with raw control characters (line breaks inside strings,
/// which browsers accept and serde_json does not) replaced by spaces.
fn parse_lenient(text: &str) -> Result<Value, serde_json::Error> {
    match serde_json::from_str(text) {
        Ok(value) => Ok(value),
        Err(error) => {
            if !text.chars().any(char::is_control) {
                return Err(error);
            }
            let cleaned: String = text
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            serde_json::from_str(&cleaned).map_err(|_| error)
        }
    }
}

/// Whether an object's `@type` is (or includes) `JobPosting`.
/// Whether a JSON value is a schema.org `JobPosting` object (its `@type` names one).
pub fn is_job_posting_value(value: &Value) -> bool {
    value.as_object().is_some_and(is_job_posting)
}

fn is_job_posting(map: &Map<String, Value>) -> bool {
    let is = |t: &Value| {
        t.as_str().is_some_and(|t| {
            t == "JobPosting" || t.ends_with("/JobPosting") || t.ends_with(":JobPosting")
        })
    };
    match map.get("@type") {
        Some(Value::Array(types)) => types.iter().any(is),
        Some(t) => is(t),
        // No `@type`, but properties only a `JobPosting` has: a title and its hiring
        // organization.
        None => map.contains_key("hiringOrganization") && map.contains_key("title"),
    }
}

/// The first `JobPosting` object in a JSON value: the value itself, in arrays, in `@graph`, or
/// nested in any other object (depth-first, in document order).
pub fn job_posting_in(value: &Value) -> Option<LdPosting> {
    let mut stack = vec![value];
    while let Some(value) = stack.pop() {
        match value {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(map) => {
                if is_job_posting(map) {
                    return Some(read_posting(&camel_case_keys(map)));
                }
                let nested: Vec<&Value> = map
                    .values()
                    .filter(|v| v.is_object() || v.is_array())
                    .collect();
                stack.extend(nested.into_iter().rev());
            }
            _ => {}
        }
    }
    None
}

/// The object with its keys written as schema.org writes them: some sites write `Title`,
/// `HiringOrganization`, `Name` (PascalCase); each such key also gets its camelCase form,
/// unless the object has that key already, in nested objects too.
fn camel_case_keys(map: &Map<String, Value>) -> Map<String, Value> {
    fn value(v: &Value, depth: usize) -> Value {
        match v {
            Value::Object(map) if depth < 8 => Value::Object(object(map, depth + 1)),
            Value::Array(items) if depth < 8 => {
                Value::Array(items.iter().map(|v| value(v, depth + 1)).collect())
            }
            other => other.clone(),
        }
    }
    fn object(map: &Map<String, Value>, depth: usize) -> Map<String, Value> {
        let mut out: Map<String, Value> = map
            .iter()
            .map(|(k, v)| (k.clone(), value(v, depth)))
            .collect();
        for (key, v) in map {
            let mut chars = key.chars();
            let Some(first) = chars.next().filter(char::is_ascii_uppercase) else {
                continue;
            };
            let camel: String = first.to_ascii_lowercase().to_string() + chars.as_str();
            if !out.contains_key(&camel) {
                out.insert(camel, value(v, depth));
            }
        }
        out
    }
    object(map, 0)
}

fn read_posting(map: &Map<String, Value>) -> LdPosting {
    let mut meta = Metadata {
        title: text_of(map.get("title")).or_else(|| text_of(map.get("name"))),
        company: map.get("hiringOrganization").and_then(name_of),
        ..Metadata::default()
    };
    meta.location = location_of(map.get("jobLocation"));
    let telecommute = map
        .get("jobLocationType")
        .and_then(text_list)
        .is_some_and(|t| t.iter().any(|t| t.eq_ignore_ascii_case("TELECOMMUTE")));
    // An on-site job placed only by a country's two-letter code ("JP") states no place of
    // work: the page's own words may.
    if !telecommute
        && meta
            .location
            .as_deref()
            .is_some_and(|place| place.len() == 2 && place.chars().all(|c| c.is_ascii_uppercase()))
    {
        meta.location = None;
    }
    let mut office = None;
    if telecommute {
        meta.remote = Some(Remote::Remote);
        // A remote job placed at its employer's own address: the head office, not the job's
        // place ("Sacramento, CA" for a job the page marks "USA Only").
        let address = map
            .get("hiringOrganization")
            .and_then(Value::as_object)
            .and_then(|org| org.get("address"))
            .and_then(address_of);
        if address.is_some() && address == meta.location {
            office = meta.location.take();
        }
        if meta.location.is_none() {
            meta.location = location_of(map.get("applicantLocationRequirements"))
                .map(|place| format!("Remote ({place})"));
        } else {
            // A remote job with a place of its own ("Chicago, IL, US"): remote first, as the
            // page's facts say it ("Engineering | Remote | Full-Time"), the place after.
            meta.location = meta
                .location
                .take()
                .map(|place| format!("Remote ({place})"));
        }
    }
    meta.employment_type = map
        .get("employmentType")
        .and_then(text_list)
        .and_then(|types| employment_types(&types));
    meta.date_posted = text_of(map.get("datePosted")).and_then(|d| iso_date(&d));
    meta.valid_through = text_of(map.get("validThrough")).and_then(|d| iso_date(&d));
    if let Some(salary) = map
        .get("baseSalary")
        .or_else(|| map.get("estimatedSalary"))
        .and_then(salary_of)
    {
        meta.salary_min = salary.min;
        meta.salary_max = salary.max;
        meta.salary_currency = salary.currency;
        meta.salary_period = salary.period;
    }
    meta.experience_years = map
        .get("experienceRequirements")
        .and_then(experience_years_of);
    let description = text_of(map.get("description")).map(|d| unescape_html(&d));
    let mut sections = Vec::new();
    for (key, heading) in [
        ("skills", "Skills"),
        ("qualifications", "Qualifications"),
        ("responsibilities", "Responsibilities"),
        ("experienceRequirements", "Experience"),
    ] {
        if let Some(items) = map.get(key).and_then(text_list) {
            let html: String = if items.len() == 1 {
                items.concat()
            } else {
                items
                    .iter()
                    .map(|i| format!("<li>{i}</li>"))
                    .collect::<Vec<_>>()
                    .concat()
            };
            if !html.trim().is_empty() {
                sections.push((heading, unescape_html(&html)));
            }
        }
    }
    LdPosting {
        meta,
        description,
        sections,
        office,
    }
}

/// A string value, trimmed, or `None` when empty or not a string.
fn text_of(value: Option<&Value>) -> Option<String> {
    let text = value?.as_str()?.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// A string, or the strings of an array (objects' `name`s too).
fn text_list(value: &Value) -> Option<Vec<String>> {
    let items: Vec<String> = match value {
        Value::String(s) => vec![s.trim().to_owned()],
        Value::Array(items) => items
            .iter()
            .filter_map(|i| {
                i.as_str()
                    .map(|s| s.trim().to_owned())
                    .or_else(|| name_of(i))
            })
            .collect(),
        Value::Object(_) => name_of(value).into_iter().collect(),
        _ => Vec::new(),
    };
    let items: Vec<String> = items.into_iter().filter(|s| !s.is_empty()).collect();
    (!items.is_empty()).then_some(items)
}

/// An organization or thing: a string, or an object's `name` (`legalName`).
fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(_) => text_of(Some(value)),
        Value::Object(map) => text_of(map.get("name")).or_else(|| text_of(map.get("legalName"))),
        Value::Array(items) => items.iter().find_map(name_of),
        _ => None,
    }
}

/// `jobLocation`: a `Place` (or several) with a `PostalAddress`, an address string, or a name.
fn location_of(value: Option<&Value>) -> Option<String> {
    let mut places: Vec<String> = Vec::new();
    let mut add = |place: String| {
        if !place.is_empty() && !places.contains(&place) {
            places.push(place);
        }
    };
    match value? {
        Value::Array(items) => items.iter().filter_map(place_of).for_each(&mut add),
        other => {
            if let Some(place) = place_of(other) {
                add(place);
            }
        }
    }
    (!places.is_empty()).then(|| places.join("; "))
}

fn place_of(value: &Value) -> Option<String> {
    match value {
        Value::String(_) => text_of(Some(value)),
        Value::Object(map) => map
            .get("address")
            .and_then(address_of)
            .or_else(|| address_of(value))
            .or_else(|| text_of(map.get("name"))),
        _ => None,
    }
}

fn address_of(value: &Value) -> Option<String> {
    match value {
        Value::String(_) => text_of(Some(value)),
        Value::Object(map) => {
            let mut parts: Vec<String> = Vec::new();
            for key in ["addressLocality", "addressRegion", "addressCountry"] {
                let part = match map.get(key) {
                    Some(Value::Object(_)) => map.get(key).and_then(name_of),
                    other => text_of(other),
                };
                if let Some(part) = part
                    && !parts.iter().any(|p| p.eq_ignore_ascii_case(&part))
                {
                    parts.push(part);
                }
            }
            if let Some(place) = cjk_address(map) {
                return Some(place);
            }
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        _ => None,
    }
}

/// Whether `c` is of a script written without spaces between an address's parts (Han, kana).
fn unspaced_script(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff)
}

/// An address whose region and locality are both written in Chinese or Japanese script, in
/// those scripts' own order: the larger part first, no separator ("新潟県新潟市中央区" for
/// locality "新潟市中央区", region "新潟県"), the country's code left out as such a page
/// writes it. Korean (Hangul) keeps a space between the parts ("서울특별시 강남구").
fn cjk_address(map: &serde_json::Map<String, Value>) -> Option<String> {
    let locality = text_of(map.get("addressLocality"))?;
    let region = text_of(map.get("addressRegion"))?;
    let hangul = |s: &str| s.chars().any(|c| matches!(c as u32, 0xac00..=0xd7af));
    let written = |s: &str| s.chars().any(unspaced_script) || hangul(s);
    if !written(&locality) || !written(&region) {
        return None;
    }
    if locality.contains(region.as_str()) {
        return Some(locality);
    }
    let gap = if hangul(&locality) || hangul(&region) {
        " "
    } else {
        ""
    };
    Some(format!("{region}{gap}{locality}"))
}

/// schema.org employment types (`FULL_TIME`, `CONTRACTOR`...) and free text ("Full-time") to
/// the column's values, distinct, joined by `;`.
pub(crate) fn employment_types(types: &[String]) -> Option<String> {
    let mut out: Vec<&str> = Vec::new();
    for t in types {
        let key: String = t
            .to_ascii_lowercase()
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        let value = match key.as_str() {
            "fulltime" | "permanent" => "full-time",
            "parttime" => "part-time",
            "contractor" | "contract" | "freelance" => "contract",
            "temporary" | "temp" => "temporary",
            "intern" | "internship" => "internship",
            "volunteer" => "volunteer",
            "perdiem" => "per-diem",
            _ => continue,
        };
        if !out.contains(&value) {
            out.push(value);
        }
    }
    (!out.is_empty()).then(|| out.join(";"))
}

/// The date part of an ISO 8601 date or date-time, when it is one.
pub(crate) fn iso_date(text: &str) -> Option<String> {
    let date = text.trim().get(..10)?;
    let bytes = date.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    let dash = |at: usize| bytes.get(at) == Some(&b'-');
    let shaped = digits(0..4) && dash(4) && digits(5..7) && dash(7) && digits(8..10);
    if !shaped {
        return None;
    }
    let month: u32 = date[5..7].parse().ok()?;
    let day: u32 = date[8..10].parse().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then(|| date.to_owned())
}

/// A pay range as the columns hold it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Salary {
    /// The bottom of the range.
    pub min: Option<f64>,
    /// The top of the range (the figure itself for a single one).
    pub max: Option<f64>,
    /// ISO 4217 code.
    pub currency: Option<String>,
    /// `year`, `month`, `week`, `day` or `hour`.
    pub period: Option<String>,
}

/// `baseSalary`: a `MonetaryAmount` whose `value` is a number or a `QuantitativeValue`
/// (`minValue`, `maxValue`, `value`, `unitText`).
fn salary_of(value: &Value) -> Option<Salary> {
    let map = match value {
        Value::Array(items) => return items.iter().find_map(salary_of),
        Value::Object(map) => map,
        _ => return None,
    };
    let number = |v: Option<&Value>| -> Option<f64> {
        match v? {
            Value::Number(n) => n.as_f64(),
            Value::String(s) => s.trim().replace(',', "").parse().ok(),
            _ => None,
        }
        .filter(|n: &f64| n.is_finite() && *n > 0.0)
    };
    let currency = text_of(map.get("currency"))
        .or_else(|| text_of(map.get("salaryCurrency")))
        .map(|c| c.to_ascii_uppercase())
        .filter(|c| c.len() == 3 && c.chars().all(|c| c.is_ascii_alphabetic()));
    let unit = text_of(map.get("unitText"));
    let (min, max, unit) = match map.get("value") {
        Some(Value::Object(q)) => {
            let (min, max) = match (number(q.get("minValue")), number(q.get("maxValue"))) {
                (None, None) => (number(q.get("value")), number(q.get("value"))),
                range => range,
            };
            (min, max, text_of(q.get("unitText")).or(unit))
        }
        other => {
            let min = number(other).or_else(|| number(map.get("minValue")));
            (min, number(map.get("maxValue")).or(min), unit)
        }
    };
    if min.is_none() && max.is_none() {
        return None;
    }
    if let (Some(a), Some(b)) = (min, max)
        && a > b
    {
        return None;
    }
    let period = unit.and_then(|u| period_of(&u));
    Some(Salary {
        min,
        max,
        currency,
        period,
    })
}

/// `unitText` (`YEAR`, `HOUR`...) to the column's value.
fn period_of(unit: &str) -> Option<String> {
    let period = match unit.trim().to_ascii_lowercase().as_str() {
        "year" | "yearly" | "annual" | "annually" | "p.a." => "year",
        "month" | "monthly" => "month",
        "week" | "weekly" => "week",
        "day" | "daily" => "day",
        "hour" | "hourly" => "hour",
        _ => return None,
    };
    Some(period.to_owned())
}

/// `experienceRequirements`: `OccupationalExperienceRequirements` with `monthsOfExperience`,
/// or text ("5+ years of experience...").
fn experience_years_of(value: &Value) -> Option<u32> {
    match value {
        Value::Object(map) => {
            let months = match map.get("monthsOfExperience")? {
                Value::Number(n) => n.as_f64(),
                Value::String(s) => s.trim().parse().ok(),
                _ => None,
            }?;
            (months.is_finite() && months > 0.0 && months <= 600.0)
                .then(|| (months / 12.0).floor() as u32)
                .filter(|years| *years > 0)
        }
        Value::String(text) => super::meta::experience_years(text),
        Value::Array(items) => items.iter().find_map(experience_years_of),
        _ => None,
    }
}

/// Undoes one level of HTML escaping when a description was escaped as a whole
/// (`&lt;p&gt;...`): only when it has escaped tags and no real ones.
pub(crate) fn unescape_html(text: &str) -> String {
    if text.contains('<') || !text.contains("&lt;") {
        return text.to_owned();
    }
    unescape(text)
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

/// What a JSON value is, for errors ("a JSON array").
pub(crate) fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a JSON array",
        Value::Object(_) => "a JSON object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posting(json: &str) -> LdPosting {
        let (found, warnings) = first_posting([json]);
        assert!(warnings.is_empty(), "{warnings:?}");
        found.unwrap_or_else(|| unreachable!("no JobPosting in {json}"))
    }

    #[test]
    fn bare_object_with_nested_fields() {
        let p = posting(
            r#"{"@context":"https://schema.org","@type":"JobPosting","title":"Rust Engineer",
            "hiringOrganization":{"@type":"Organization","name":"Acme"},
            "jobLocation":{"@type":"Place","address":{"@type":"PostalAddress","addressLocality":"Berlin","addressCountry":{"@type":"Country","name":"DE"}}},
            "employmentType":["FULL_TIME","CONTRACTOR"],"datePosted":"2025-03-01T10:00:00Z","validThrough":"2025-04-01",
            "baseSalary":{"@type":"MonetaryAmount","currency":"EUR","value":{"@type":"QuantitativeValue","minValue":60000,"maxValue":"80,000","unitText":"YEAR"}},
            "experienceRequirements":{"@type":"OccupationalExperienceRequirements","monthsOfExperience":36},
            "description":"&lt;p&gt;We write &lt;b&gt;Rust&lt;/b&gt;.&lt;/p&gt;"}"#,
        );
        let m = &p.meta;
        assert_eq!(m.title.as_deref(), Some("Rust Engineer"));
        assert_eq!(m.company.as_deref(), Some("Acme"));
        assert_eq!(m.location.as_deref(), Some("Berlin, DE"));
        assert_eq!(m.employment_type.as_deref(), Some("full-time;contract"));
        assert_eq!(m.date_posted.as_deref(), Some("2025-03-01"));
        assert_eq!(m.valid_through.as_deref(), Some("2025-04-01"));
        assert_eq!((m.salary_min, m.salary_max), (Some(60000.0), Some(80000.0)));
        assert_eq!(m.salary_currency.as_deref(), Some("EUR"));
        assert_eq!(m.salary_period.as_deref(), Some("year"));
        assert_eq!(m.experience_years, Some(3));
        assert_eq!(
            p.description.as_deref(),
            Some("<p>We write <b>Rust</b>.</p>")
        );
    }

    #[test]
    fn arrays_graphs_type_arrays_and_nesting() {
        let array = r#"[{"@type":"Organization","name":"X"},{"@type":["JobPosting"],"title":"A"}]"#;
        assert_eq!(posting(array).meta.title.as_deref(), Some("A"));
        let graph = r#"{"@graph":[{"@type":"WebPage"},{"@type":"JobPosting","title":"B","hiringOrganization":"Org"}]}"#;
        let b = posting(graph);
        assert_eq!(b.meta.title.as_deref(), Some("B"));
        assert_eq!(b.meta.company.as_deref(), Some("Org"));
        let nested = r#"{"@type":"WebPage","mainEntity":{"@type":"http://schema.org/JobPosting","title":"C"}}"#;
        assert_eq!(posting(nested).meta.title.as_deref(), Some("C"));
        // No `@type` (jobcatcher-duo-groningen-security-engineer.html): a title and a hiring
        // organization make it a posting; an organization alone does not.
        let untyped = r#"{"title":"Security Engineer","hiringOrganization":{"@type":"Organization","name":"DUO Groningen"}}"#;
        assert_eq!(
            posting(untyped).meta.company.as_deref(),
            Some("DUO Groningen")
        );
        assert!(!is_job_posting_value(
            &serde_json::json!({"name": "Acme", "hiringOrganization": "Acme"})
        ));
    }

    #[test]
    fn telecommute_and_sections() {
        let p = posting(
            r#"{"@type":"JobPosting","title":"SRE","jobLocationType":"TELECOMMUTE",
            "applicantLocationRequirements":{"@type":"Country","name":"USA"},
            "skills":["Kubernetes","Terraform"],"responsibilities":"<p>Run things</p>"}"#,
        );
        assert_eq!(p.meta.remote, Some(Remote::Remote));
        assert_eq!(p.meta.location.as_deref(), Some("Remote (USA)"));
        assert_eq!(
            p.sections,
            vec![
                ("Skills", "<li>Kubernetes</li><li>Terraform</li>".to_owned()),
                ("Responsibilities", "<p>Run things</p>".to_owned()),
            ]
        );
    }

    #[test]
    fn a_remote_job_at_its_employers_address_has_no_place() {
        // weworkremotely-bluelight-devops-engineer.html (tests/fixtures/pages), shortened.
        let p = posting(
            r#"{"@type":"JobPosting","title":"DevOps Engineer","jobLocationType":"TELECOMMUTE",
            "jobLocation":{"@type":"Place","address":{"@type":"PostalAddress",
            "addressLocality":"Sacramento, CA"}},"hiringOrganization":{"@type":"Organization",
            "name":"Bluelight Consulting","address":"Sacramento, CA"}}"#,
        );
        assert_eq!(p.meta.location, None);
        assert_eq!(p.office.as_deref(), Some("Sacramento, CA"));
        assert_eq!(p.meta.remote, Some(Remote::Remote));
    }

    #[test]
    fn a_japanese_address_is_written_in_its_own_order() {
        // tests/fixtures/pages/letoa-recruit-gyomu-itaku-biyoshi-niigata.html: locality, region
        // and country as its JSON-LD gives them.
        let p = posting(
            r#"{"@type":"JobPosting","title":"髪質改善サロンの美容師（スタイリスト）",
            "jobLocation":{"@type":"Place","address":{"@type":"PostalAddress",
            "streetAddress":"上近江4丁目12-20 DEKKY401 1F","addressLocality":"新潟市中央区",
            "addressRegion":"新潟県","postalCode":"950-0972","addressCountry":"JP"}}}"#,
        );
        assert_eq!(p.meta.location.as_deref(), Some("新潟県新潟市中央区"));
        // A coded region keeps the written order of codes ("春日町, J13, JP").
        let coded = posting(
            r#"{"@type":"JobPosting","title":"A","jobLocation":{"@type":"Place","address":{
            "addressLocality":"春日町","addressRegion":"J13","addressCountry":"JP"}}}"#,
        );
        assert_eq!(coded.meta.location.as_deref(), Some("春日町, J13, JP"));
    }

    #[test]
    fn malformed_blocks_are_skipped_with_a_warning() {
        let good = r#"{"@type":"JobPosting","title":"Line
break"}"#;
        let (found, warnings) = first_posting(["{not json", good, ""]);
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].starts_with("JSON-LD block 1 skipped"),
            "{warnings:?}"
        );
        assert_eq!(
            found.and_then(|p| p.meta.title).as_deref(),
            Some("Line break")
        );
    }

    #[test]
    fn bad_values_are_left_empty() {
        let p = posting(
            r#"{"@type":"JobPosting","datePosted":"yesterday","baseSalary":{"currency":"dollars","value":{"minValue":90,"maxValue":10}},"employmentType":"OTHER"}"#,
        );
        assert_eq!(p.meta, Metadata::default());
    }

    #[test]
    fn capitalised_keys_are_read() {
        // Cornerstone OnDemand's JSON-LD (tests/fixtures/pages/csod-cn-train-conductor.html).
        let ld = r#"{"@context":"http://schema.org","@type":"JobPosting","Title":"Train Conductor",
            "jobLocation":[{"@type":"Place","Address":{"@type":"PostalAddress",
            "addressLocality":"Saskatoon","addressRegion":"Saskatchewan"}}],
            "HiringOrganization":{"@type":"Organization","Name":"Canadian National Railway Company"}}"#;
        let posting = first_posting([ld]).0.unwrap();
        assert_eq!(posting.meta.title.as_deref(), Some("Train Conductor"));
        assert_eq!(
            posting.meta.company.as_deref(),
            Some("Canadian National Railway Company")
        );
        assert_eq!(
            posting.meta.location.as_deref(),
            Some("Saskatoon, Saskatchewan")
        );
    }
}
