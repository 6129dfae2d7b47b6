//! A job page saved as one flat JSON object by a browser clipper or a scraper: a title and the
//! posting's text under common key names (`{"title": ..., "url": ..., "body": ...}`,
//! `{"title": ..., "company": ..., "location": ..., "description": ...}`), with no schema.org
//! type and no board's shape; or a record that holds such an object under one of its keys
//! (`{"id": ..., "job": {"name": ..., "description": [...]}, "company": {...}}`). A text given
//! as an array of strings is the lines of that text. Read after JSON-LD and the boards' shapes,
//! so that it never takes a document one of them knows.

use serde_json::{Map, Value};

use super::html::fragment_blocks;
use super::{Metadata, RawBlock, text};

/// Keys that hold the posting's title, in order of preference.
const TITLE_KEYS: [&str; 6] = [
    "title",
    "jobTitle",
    "job_title",
    "position",
    "ogTitle",
    "name",
];

/// Keys that hold the posting's text, in order of preference.
const BODY_KEYS: [&str; 10] = [
    "description",
    "job_description",
    "jobDescription",
    "descriptionHtml",
    "description_html",
    "body",
    "content",
    "text",
    "html",
    "markdown",
];

/// Keys that hold the employer's name as a string.
const COMPANY_KEYS: [&str; 5] = [
    "company",
    "companyName",
    "company_name",
    "employer",
    "hiringOrganization",
];

/// Keys that hold the place of work as a string.
const LOCATION_KEYS: [&str; 4] = ["location", "jobLocation", "job_location", "city"];

/// The shortest text, in characters, that is read as a posting's body: shorter strings under
/// these keys are a teaser or a label, not the posting.
const MIN_BODY_CHARS: usize = 200;

/// The metadata and blocks of a JSON object that holds a title and a posting's text, itself
/// or (when it does not) in exactly one object under one of its keys; `None` for any other
/// value.
pub fn read(value: &Value) -> Option<(Metadata, Vec<RawBlock>)> {
    let map = value.as_object()?;
    if let Some(read) = read_flat(map) {
        return Some(read);
    }
    let mut nested = map
        .iter()
        .filter_map(|(key, v)| Some((key, v.as_object()?)))
        .filter_map(|(key, inner)| Some((key, inner, read_flat(inner)?)));
    let (key, inner, (mut meta, blocks)) = nested.next()?;
    if nested.next().is_some() {
        return None;
    }
    // The record around the posting may name the employer and the place.
    if meta.company.is_none() {
        let named = first_string(map, &COMPANY_KEYS).or_else(|| company_name(map));
        if let Some((company_key, company)) = named {
            meta.company = Some(company.to_owned());
            meta.sources.company = Some(format!("JSON field {company_key}"));
        }
    }
    if meta.location.is_none()
        && let Some((location_key, location)) = first_string(map, &LOCATION_KEYS)
    {
        meta.location = Some(location.to_owned());
        meta.sources.location = Some(format!("JSON field {location_key}"));
    }
    if let Some((title_key, _)) = first_string(inner, &TITLE_KEYS) {
        meta.sources.title = Some(format!("JSON field {key}.{title_key}"));
    }
    Some((meta, blocks))
}

/// [`read`] of one object's own fields.
fn read_flat(map: &Map<String, Value>) -> Option<(Metadata, Vec<RawBlock>)> {
    let title = first_string(map, &TITLE_KEYS);
    let body = BODY_KEYS.iter().find_map(|&key| {
        let body = body_text(map.get(key)?)?;
        (body.chars().count() >= MIN_BODY_CHARS).then_some(body)
    })?;
    title?;
    let blocks = if looks_like_html(&body) {
        fragment_blocks(&body)
    } else {
        text::extract(&body).1
    };
    let mut meta = Metadata::default();
    if let Some((key, title)) = title {
        meta.title = Some(title.to_owned());
        meta.sources.title = Some(format!("JSON field {key}"));
    }
    if let Some((key, company)) = first_string(map, &COMPANY_KEYS) {
        meta.company = Some(company.to_owned());
        meta.sources.company = Some(format!("JSON field {key}"));
    }
    if let Some((key, location)) = first_string(map, &LOCATION_KEYS) {
        meta.location = Some(location.to_owned());
        meta.sources.location = Some(format!("JSON field {key}"));
    }
    Some((meta, blocks))
}

/// A text field's text, trimmed: a string, or an array of strings read as its lines.
fn body_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_owned()),
        Value::Array(items) if !items.is_empty() => {
            let lines: Option<Vec<&str>> = items.iter().map(Value::as_str).collect();
            Some(lines?.join("\n").trim().to_owned())
        }
        _ => None,
    }
}

/// The employer's name given as an object with a `name` (`"company": {"name": ...}`).
fn company_name(map: &Map<String, Value>) -> Option<(&'static str, &str)> {
    COMPANY_KEYS.iter().find_map(|&key| {
        let name = map.get(key)?.get("name")?.as_str()?.trim();
        (!name.is_empty() && name.chars().count() <= 200).then_some((key, name))
    })
}

/// The first of `keys` whose value is a non-empty string of at most 200 characters, trimmed.
fn first_string<'a>(
    map: &'a Map<String, Value>,
    keys: &[&'static str],
) -> Option<(&'static str, &'a str)> {
    keys.iter().find_map(|&key| {
        let value = map.get(key)?.as_str()?.trim();
        (!value.is_empty() && value.chars().count() <= 200).then_some((key, value))
    })
}

/// Whether a body is HTML markup rather than plain text: it closes a paragraph, list item,
/// division or heading, or breaks a line with `<br`.
fn looks_like_html(body: &str) -> bool {
    [
        "</p>",
        "</li>",
        "</div>",
        "<br",
        "</h",
        "</ul>",
        "</strong>",
    ]
    .iter()
    .any(|tag| body.contains(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clipped_page_is_read_with_its_title() {
        // A VDAB vacancy as a browser clipper saved it (tests/fixtures/i18n-fresh11/nl).
        let value: Value = serde_json::from_str(include_str!(
            "../../tests/fixtures/i18n-fresh11/nl/postings/vdab-itplanet-java-developer-leuven.json"
        ))
        .expect("the fixture is JSON");
        let (meta, blocks) = read(&value).expect("a clipped page");
        assert_eq!(
            meta.title.as_deref(),
            Some("Java Developer - Leuven - LEUVEN")
        );
        assert_eq!(meta.sources.title.as_deref(), Some("JSON field title"));
        assert!(blocks.iter().any(|b| b.text.contains("JUnit")));
    }

    #[test]
    fn a_scraped_record_gives_company_location_and_html_text() {
        let value: Value = serde_json::json!({
            "title": "Backend Engineer",
            "company": "Acme",
            "location": "Berlin",
            "description": "<p>We build payment systems for small shops across Europe.</p>\
                <ul><li>Rust and PostgreSQL</li><li>Five years of backend work</li>\
                <li>You review code and write tests</li></ul><p>Apply with your CV and a short \
                note about a system you built and are proud of, and what you would change.</p>",
        });
        let (meta, blocks) = read(&value).expect("a scraped record");
        assert_eq!(meta.company.as_deref(), Some("Acme"));
        assert_eq!(meta.location.as_deref(), Some("Berlin"));
        assert!(blocks.iter().any(|b| b.text == "Rust and PostgreSQL"));
    }

    #[test]
    fn a_posting_nested_in_a_record_is_read_with_its_lines() {
        // A job board's API record (tests/fixtures/i18n-fresh14/uk): the posting under `job`,
        // its text an array of lines, the employer an object around it.
        let value: Value = serde_json::from_str(include_str!(
            "../../tests/fixtures/i18n-fresh14/uk/postings/djinni-maestro-ticket-system-php-developer.json"
        ))
        .expect("the fixture is JSON");
        let (meta, blocks) = read(&value).expect("a nested posting");
        assert_eq!(meta.title.as_deref(), Some("PHP Developer"));
        assert_eq!(meta.sources.title.as_deref(), Some("JSON field job.name"));
        assert_eq!(
            meta.company.as_deref(),
            Some("Maestro Ticket System (Kontramarka Україна)")
        );
        assert_eq!(meta.location.as_deref(), Some("Україна (Київ)"));
        assert!(
            blocks
                .iter()
                .any(|b| b.text.contains("досвід роботи з GIT"))
        );
        assert!(!blocks.iter().any(|b| b.text.contains("досвід роботи з GIT;")
            && b.text.contains("Знання Linux")));
    }

    #[test]
    fn two_nested_postings_are_not_guessed_between() {
        let job =
            serde_json::json!({"title": "Backend Engineer", "body": "Rust work. ".repeat(30)});
        let value = serde_json::json!({"a": job.clone(), "b": job});
        assert!(read(&value).is_none());
    }

    #[test]
    fn other_objects_are_not_read() {
        for value in [
            serde_json::json!({"name": "jobfit", "version": "1.0.0", "description": "short"}),
            serde_json::json!({"body": "no title here ".repeat(30)}),
            serde_json::json!(["title", "body"]),
            serde_json::json!({"title": "A list", "body": ["line", 3, "line"]}),
        ] {
            assert!(read(&value).is_none(), "{value}");
        }
    }
}
