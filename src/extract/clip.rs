//! A job page saved as one flat JSON object by a browser clipper or a scraper: a title and the
//! posting's text under common key names (`{"title": ..., "url": ..., "body": ...}`,
//! `{"title": ..., "company": ..., "location": ..., "description": ...}`), with no schema.org
//! type and no board's shape; or a record that holds such an object under one of its keys
//! (`{"id": ..., "job": {"name": ..., "description": [...]}, "company": {...}}`). A text given
//! as an array of strings is the lines of that text. Read after JSON-LD and the boards' shapes,
//! so that it never takes a document one of them knows. The key names, per language and per
//! site ("titulo", "descripcion", "empresa"; Gupy's "careerPageName"), are data: the record
//! keys of [`super::sites`]. A CSV file of one header line and one record (a JobSpy or
//! Tecnoempleo export) is read the same way, by its header: its other columns (URLs, the
//! employer's logo, blurb, size and revenue) are no part of the posting's text.

use serde_json::{Map, Value};

use super::html::fragment_blocks;
use super::sites::{self, RecordKeys, key_form};
use super::{Metadata, RawBlock, text};

/// The shortest text, in characters, that is read as a posting's body: shorter strings under
/// these keys are a teaser or a label, not the posting.
const MIN_BODY_CHARS: usize = 200;

/// The metadata and blocks of a JSON object that holds a title and a posting's text, itself
/// or (when it does not) in exactly one object under one of its keys; `None` for any other
/// value.
pub fn read(value: &Value) -> Option<(Metadata, Vec<RawBlock>)> {
    let keys = sites::active().record_keys();
    let map = value.as_object()?;
    if let Some(read) = read_flat(map, keys, JSON) {
        return Some(read);
    }
    let mut nested = map
        .iter()
        .filter_map(|(key, v)| Some((key, v.as_object()?)))
        .filter_map(|(key, inner)| Some((key, inner, read_flat(inner, keys, JSON)?)));
    let (key, inner, (mut meta, blocks)) = nested.next()?;
    if nested.next().is_some() {
        return None;
    }
    // The record around the posting may name the employer and the place.
    if meta.company.is_none() {
        let named = first_string(map, &keys.company).or_else(|| company_name(map, keys));
        if let Some((company_key, company)) = named {
            meta.company = Some(company.to_owned());
            meta.sources.company = Some(format!("JSON field {company_key}"));
        }
    }
    if meta.location.is_none()
        && let Some((location_key, location)) = first_string(map, &keys.location)
    {
        meta.location = Some(location.to_owned());
        meta.sources.location = Some(format!("JSON field {location_key}"));
    }
    if let Some((title_key, _)) = first_string(inner, &keys.title) {
        meta.sources.title = Some(format!("JSON field {key}.{title_key}"));
    }
    Some((meta, blocks))
}

/// How the metadata sources name a JSON record's field.
const JSON: &str = "JSON field";

/// How the metadata sources name a CSV record's column.
pub const CSV: &str = "CSV column";

/// The metadata and blocks of a CSV file of one header line and one record, read by the
/// header's names as a JSON record by its keys; `None` for any other CSV, or a record with
/// no title and text columns.
pub fn read_csv(text: &str) -> Option<(Metadata, Vec<RawBlock>)> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let header = reader.headers().ok()?.clone();
    let mut records = reader.records();
    let record = records.next()?.ok()?;
    if records.next().is_some() || record.len() != header.len() {
        return None;
    }
    let mut map = Map::new();
    for (name, value) in header.iter().zip(record.iter()) {
        // A scraper's placeholder for an empty cell is no value.
        let value = if matches!(value.trim(), "N/A" | "n/a" | "null" | "None") {
            ""
        } else {
            value
        };
        map.entry(name.trim().to_owned())
            .or_insert_with(|| Value::String(value.to_owned()));
    }
    read_flat(&map, sites::active().record_keys(), CSV)
}

/// [`read`] of one object's own fields; `source` names a field in the metadata's sources.
fn read_flat(
    map: &Map<String, Value>,
    keys: &RecordKeys,
    source: &str,
) -> Option<(Metadata, Vec<RawBlock>)> {
    let title = first_string(map, &keys.title)?;
    let body = keys
        .text
        .iter()
        .find_map(|key| {
            let body = body_text(field(map, key)?.1)?;
            (body.chars().count() >= MIN_BODY_CHARS).then_some(body)
        })
        .or_else(|| longest_prose(map, title.0))?;
    let mut blocks = if looks_like_html(&body) {
        fragment_blocks(&body)
    } else {
        text::extract(&body).1
    };
    // The posting's own fields beside its text: "technologies: kafka,django,aws".
    for key in &keys.details {
        if let Some((own, value)) = field(map, key) {
            for item in detail_items(value) {
                blocks.extend(text::extract(&format!("{own}: {item}")).1);
            }
        }
    }
    let mut meta = Metadata::default();
    let (key, title) = title;
    meta.title = Some(title.to_owned());
    meta.sources.title = Some(format!("{source} {key}"));
    if let Some((key, company)) = first_string(map, &keys.company) {
        meta.company = Some(company.to_owned());
        meta.sources.company = Some(format!("{source} {key}"));
    }
    if let Some((key, location)) = first_string(map, &keys.location) {
        meta.location = Some(location.to_owned());
        meta.sources.location = Some(format!("{source} {key}"));
    }
    Some((meta, blocks))
}

/// The record's field under `key` as keys are compared ([`key_form`]): its own key and value.
fn field<'a>(map: &'a Map<String, Value>, key: &str) -> Option<(&'a str, &'a Value)> {
    map.iter()
        .find(|(own, _)| key_form(own) == key)
        .map(|(own, value)| (own.as_str(), value))
}

/// The fewest words a string field has to read as a posting's prose when no text key names it.
const MIN_PROSE_WORDS: usize = 40;

/// The longest string field, other than the title's, that reads as a posting's prose or
/// HTML: at least [`MIN_BODY_CHARS`] characters and [`MIN_PROSE_WORDS`] words, no URL, and
/// sentences (a full stop) or markup. For a record whose text key is in no list.
fn longest_prose(map: &Map<String, Value>, title_key: &str) -> Option<String> {
    map.iter()
        .filter(|(key, _)| key.as_str() != title_key)
        .filter_map(|(_, value)| Some(value.as_str()?.trim()))
        .filter(|text| reads_as_prose(text))
        .max_by_key(|text| text.chars().count())
        .map(str::to_owned)
}

/// Whether a string reads as a posting's prose or HTML rather than a value (an id, a URL, a
/// list of keywords).
fn reads_as_prose(text: &str) -> bool {
    text.chars().count() >= MIN_BODY_CHARS
        && text.split_whitespace().count() >= MIN_PROSE_WORDS
        && !text.starts_with("http")
        && (looks_like_html(text) || text.contains(". "))
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

/// The items of a detail field, trimmed and not empty: a string ("kafka,django,aws"), the
/// strings of an array, or the label of each object of an array (France Travail's
/// `"competences": [{"libelle": "Système réseau (LAN, MAN, WAN)", ...}]`).
fn detail_items(value: &Value) -> Vec<&str> {
    let items: Vec<&str> = match value {
        Value::Array(items) => items.iter().filter_map(detail_item).collect(),
        other => detail_item(other).into_iter().collect(),
    };
    items.into_iter().filter(|s| !s.is_empty()).collect()
}

/// One item of a detail field: a string, or an object's label.
fn detail_item(value: &Value) -> Option<&str> {
    match value {
        Value::String(s) => Some(s.trim()),
        Value::Object(map) => ["libelle", "label", "name"]
            .iter()
            .find_map(|key| map.get(*key)?.as_str())
            .map(str::trim),
        _ => None,
    }
}

/// The employer's name given as an object with a `name` (`"company": {"name": ...}`).
fn company_name<'a>(map: &'a Map<String, Value>, keys: &RecordKeys) -> Option<(&'a str, &'a str)> {
    keys.company.iter().find_map(|key| {
        let (own, value) = field(map, key)?;
        let name = value.get("name")?.as_str()?.trim();
        (!name.is_empty() && name.chars().count() <= 200).then_some((own, name))
    })
}

/// The first of `keys` whose value is a non-empty string of at most 200 characters, trimmed,
/// with the record's own key.
fn first_string<'a>(map: &'a Map<String, Value>, keys: &[String]) -> Option<(&'a str, &'a str)> {
    keys.iter().find_map(|key| {
        let (own, value) = field(map, key)?;
        let value = value.as_str()?.trim();
        (!value.is_empty() && value.chars().count() <= 200).then_some((own, value))
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
    fn a_record_keyed_in_its_language_is_read() {
        // A ZonaJobs dump's record (tests/fixtures/i18n-fresh15/es): Spanish keys, and a raw
        // twin of the text that is not taken.
        let value: Value = serde_json::from_str(include_str!(
            "../../tests/fixtures/i18n-fresh15/es/postings/zonajobs-barcelo-desarrollador-integraciones-backend.json"
        ))
        .expect("the fixture is JSON");
        let (meta, blocks) = read(&value).expect("a record in Spanish");
        assert_eq!(
            meta.title.as_deref(),
            Some("Desarrollador de Integraciones y Backend (Mid-Senior)")
        );
        assert_eq!(meta.sources.title.as_deref(), Some("JSON field titulo"));
        assert_eq!(meta.company.as_deref(), Some("Fundación H. A. Barceló"));
        assert_eq!(meta.location.as_deref(), Some("Buenos Aires, Buenos Aires"));
        assert!(!blocks.iter().any(|b| b.text.contains("&quot;")));
    }

    #[test]
    fn a_record_in_a_sites_own_words_is_read() {
        // A Gupy API record (tests/fixtures/i18n-fresh15/pt): the employer is the career page.
        let value: Value = serde_json::from_str(include_str!(
            "../../tests/fixtures/i18n-fresh15/pt/postings/gupy-nio-engenheiro-infraestrutura-servidores.json"
        ))
        .expect("the fixture is JSON");
        let (meta, blocks) = read(&value).expect("a Gupy record");
        assert_eq!(meta.company.as_deref(), Some("NIO"));
        assert_eq!(meta.location.as_deref(), Some("São Paulo"));
        assert!(blocks.iter().any(|b| b.text.contains("Nio")));
    }

    #[test]
    fn a_text_under_an_unknown_key_is_its_longest_prose() {
        let prose =
            "We build payment systems for small shops. You review code and write tests. ".repeat(6);
        let value = serde_json::json!({
            "title": "Backend Engineer",
            "url": format!("https://example.com/{}", "x".repeat(300)),
            "tags": "rust postgres kafka ".repeat(20),
            "anuncio": prose,
        });
        let (_, blocks) = read(&value).expect("a record with its text under another key");
        assert!(blocks.iter().any(|b| b.text.contains("review code")));
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

    #[test]
    fn a_csv_record_is_read_by_its_header() {
        // A JobSpy export's record (tests/fixtures/i18n-fresh16/nl): the employer's logo URL,
        // blurb, size and revenue are other columns, not the posting's text.
        let (meta, blocks) = read_csv(include_str!(
            "../../tests/fixtures/i18n-fresh16/nl/postings/indeed-sensire-verpleegkundige-wijk-control.csv"
        ))
        .expect("a CSV record");
        assert_eq!(meta.title.as_deref(), Some("Verpleegkundige in de wijk"));
        assert_eq!(meta.sources.title.as_deref(), Some("CSV column title"));
        assert_eq!(meta.company.as_deref(), Some("Sensire"));
        assert!(blocks.iter().any(|b| b.text.contains("verpleegkundigen")));
        assert!(!blocks.iter().any(|b| b.text.contains("cloudfront")
            || b.text.contains("Werken bij Sensire is samenwerken")));
    }

    #[test]
    fn a_records_details_follow_its_text() {
        // A dou.ua export (tests/fixtures/i18n-fresh15/uk): the technologies it was tagged with.
        let (_, blocks) = read_csv(include_str!(
            "../../tests/fixtures/i18n-fresh15/uk/postings/dou-computools-middle-ml-engineer.csv"
        ))
        .expect("a CSV record");
        assert!(
            blocks
                .iter()
                .any(|b| b.text.starts_with("technologies: kafka,django"))
        );
        let table = "title,description\nA,b\nC,d\n";
        assert!(read_csv(table).is_none());
    }
}
