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
use super::sites::{self, RecordKeys, Role, key_form, key_words};
use super::{BlockKind, Metadata, RawBlock, push_block, text};

/// The shortest text, in characters, that is read as a posting's body: shorter strings under
/// these keys are a teaser or a label, not the posting.
const MIN_BODY_CHARS: usize = 200;

/// The metadata and blocks of a JSON object that holds a posting, itself or (when it does
/// not hold both a title and a text) in exactly one object under one of its keys; `None` for
/// any other value. A record with a title and no text is a posting with no text when it names
/// an employer or a place (a portal's record of a vacancy's title and metadata).
pub fn read(value: &Value) -> Option<(Metadata, Vec<RawBlock>)> {
    let keys = sites::active().record_keys();
    let map = value.as_object()?;
    let flat = read_flat(map, keys, JSON);
    if let Some(flat) = flat.as_ref().filter(|flat| flat.complete) {
        return Some((flat.meta.clone(), flat.blocks.clone()));
    }
    let mut nested = map
        .iter()
        .filter_map(|(key, v)| Some((key, v.as_object()?)))
        .filter_map(|(key, inner)| {
            let read = read_flat(inner, keys, JSON).filter(|read| read.complete)?;
            Some((key, inner, read))
        });
    let Some((key, inner, read)) = nested.next() else {
        return flat.map(|flat| (flat.meta, flat.blocks));
    };
    if nested.next().is_some() {
        return None;
    }
    let (mut meta, blocks) = (read.meta, read.blocks);
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
    read_flat(&map, sites::active().record_keys(), CSV).map(|flat| (flat.meta, flat.blocks))
}

/// A record read by [`read_flat`].
struct Flat {
    /// Its title, employer and place.
    meta: Metadata,
    /// Its text's blocks, then its details'.
    blocks: Vec<RawBlock>,
    /// Whether it had both a title and a text.
    complete: bool,
}

/// [`read`] of one object's own fields; `source` names a field in the metadata's sources.
///
/// Each field is found under a key of its list first, then under a key whose words are its
/// words ([`RecordKeys::role_of`]). With no text under such keys, the text is the longest
/// string that reads as prose, and each array of strings is a list under its key as a heading
/// ("requirements", "responsibilities"). A record is a posting when it has a title and a text,
/// a text that reads as prose and no title, or a title and no text but an employer or a place
/// (then its one line of text is its title); `None` for any other.
fn read_flat(map: &Map<String, Value>, keys: &RecordKeys, source: &str) -> Option<Flat> {
    let title = first_string(map, &keys.title).or_else(|| worded_string(map, keys, Role::Title));
    let title_key = title.map(|(key, _)| key);
    let keyed = keys
        .text
        .iter()
        .find_map(|key| {
            let body = body_text(field(map, key)?.1)?;
            (body.chars().count() >= MIN_BODY_CHARS).then_some(body)
        })
        .or_else(|| worded_text(map, keys));
    let (body, lists) = match keyed {
        Some(body) => (Some(body), Vec::new()),
        None => (
            longest_prose(map, keys, title_key),
            string_lists(map, keys, title_key),
        ),
    };
    let company =
        first_string(map, &keys.company).or_else(|| worded_string(map, keys, Role::Company));
    let location =
        first_string(map, &keys.location).or_else(|| worded_string(map, keys, Role::Location));
    let has_text = body.is_some() || !lists.is_empty();
    let posting = match (title, &body) {
        (Some(_), _) => has_text || company.is_some() || location.is_some(),
        (None, Some(body)) => reads_as_prose(body),
        (None, None) => false,
    };
    if !posting {
        return None;
    }
    let mut blocks = match &body {
        Some(body) if looks_like_html(body) => fragment_blocks(body),
        Some(body) => text::extract(&unjoined(body)).1,
        None => Vec::new(),
    };
    // A record of a title and metadata only: its one line of text is its title.
    if !has_text && let Some((_, title)) = title {
        push_block(&mut blocks, BlockKind::Heading(1), title, false);
    }
    // Arrays of strings beside a prose text: "requirements": ["3 years of Rust", ...].
    for (key, items) in lists {
        push_block(
            &mut blocks,
            BlockKind::Heading(2),
            &key_words(key).join(" "),
            false,
        );
        for item in items {
            push_block(&mut blocks, BlockKind::ListItem, item, false);
        }
    }
    // The posting's own fields beside its text: "technologies: kafka,django,aws".
    let mut read_details = Vec::new();
    for key in &keys.details {
        if let Some((own, value)) = field(map, key) {
            read_details.push(own);
            for item in detail_items(value) {
                blocks.extend(text::extract(&format!("{own}: {item}")).1);
            }
        }
    }
    for (own, value) in map {
        if keys.role_of(own) == Some(Role::Details) && !read_details.contains(&own.as_str()) {
            for item in detail_items(value) {
                blocks.extend(text::extract(&format!("{own}: {item}")).1);
            }
        }
    }
    let mut meta = Metadata::default();
    if let Some((key, title)) = title {
        meta.title = Some(title.to_owned());
        meta.sources.title = Some(format!("{source} {key}"));
    }
    if let Some((key, company)) = company {
        meta.company = Some(company.to_owned());
        meta.sources.company = Some(format!("{source} {key}"));
    }
    if let Some((key, location)) = location {
        meta.location = Some(location.to_owned());
        meta.sources.location = Some(format!("{source} {key}"));
    }
    Some(Flat {
        meta,
        blocks,
        complete: title.is_some() && has_text,
    })
}

/// A plain text with the sections a scraper joined into one line (" ,  " before a capital:
/// "... на командних зустрічах ,  Глибокі аналітичні здібності ...") parted again into
/// paragraphs. Written prose never puts a space before a comma and two after it.
fn unjoined(body: &str) -> String {
    const JOIN: &str = " ,  ";
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(at) = rest.find(JOIN) {
        let after = &rest[at + JOIN.len()..];
        out.push_str(&rest[..at]);
        if after.chars().next().is_some_and(char::is_uppercase) {
            out.push_str("\n\n");
        } else {
            out.push_str(JOIN);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The first field, in the record's order, under a key no list names whose words give it
/// `role`, with a non-empty string value of at most 200 characters: its key and value.
fn worded_string<'a>(
    map: &'a Map<String, Value>,
    keys: &RecordKeys,
    role: Role,
) -> Option<(&'a str, &'a str)> {
    map.iter()
        .filter(|(key, _)| keys.role_of(key) == Some(role))
        .find_map(|(key, value)| {
            let value = value.as_str()?.trim();
            (!value.is_empty() && value.chars().count() <= 200).then_some((key.as_str(), value))
        })
}

/// The longest text, of at least [`MIN_BODY_CHARS`] characters, under a key whose words name
/// a text ("job_details", "descriptionText").
fn worded_text(map: &Map<String, Value>, keys: &RecordKeys) -> Option<String> {
    map.iter()
        .filter(|(key, _)| keys.role_of(key) == Some(Role::Text))
        .filter_map(|(_, value)| body_text(value))
        .filter(|body| body.chars().count() >= MIN_BODY_CHARS)
        .max_by_key(|body| body.chars().count())
}

/// The record's arrays of strings under keys that name no title, employer, place or detail,
/// in its order, each with its non-empty items: the lists of a posting's duties and
/// requirements.
fn string_lists<'a>(
    map: &'a Map<String, Value>,
    keys: &RecordKeys,
    title_key: Option<&str>,
) -> Vec<(&'a str, Vec<&'a str>)> {
    map.iter()
        .filter(|(key, _)| Some(key.as_str()) != title_key && !names_other_field(keys, key))
        .filter_map(|(key, value)| {
            let items: Option<Vec<&str>> = value.as_array()?.iter().map(Value::as_str).collect();
            let items: Vec<&str> = items?
                .into_iter()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            (!items.is_empty()).then_some((key.as_str(), items))
        })
        .collect()
}

/// Whether a key's words name an employer, a place or a detail: a field that is not the
/// posting's text.
fn names_other_field(keys: &RecordKeys, key: &str) -> bool {
    matches!(
        keys.role_of(key),
        Some(Role::Company | Role::Location | Role::Details)
    ) || keys.details.contains(&key_form(key))
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
/// sentences (a full stop) or markup, under a key that names no employer or place. For a
/// record whose text key is in no list and has none of a text's words.
fn longest_prose(
    map: &Map<String, Value>,
    keys: &RecordKeys,
    title_key: Option<&str>,
) -> Option<String> {
    map.iter()
        .filter(|(key, _)| Some(key.as_str()) != title_key)
        .filter(|(key, _)| !matches!(keys.role_of(key), Some(Role::Company | Role::Location)))
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
    fn keys_are_read_by_their_words() {
        // A work.ua scraper's record (tests/fixtures/i18n-fresh17/uk): "job_details" is the
        // text, "company_description" the employer's blurb.
        let value: Value = serde_json::from_str(include_str!(
            "../../tests/fixtures/i18n-fresh17/uk/postings/workua-vodafone-analityk-sql.json"
        ))
        .expect("the fixture is JSON");
        let (meta, blocks) = read(&value).expect("a work.ua record");
        assert_eq!(meta.title.as_deref(), Some("Аналітик (SQL)"));
        assert!(blocks.iter().any(|b| b.text.contains("MySQL")));
        assert!(!blocks.iter().any(|b| b.text.contains("світового рівня")));
        // The scraper joined the ad's sections with " ,  ": they are paragraphs again.
        assert!(
            blocks
                .iter()
                .any(|b| b.text.starts_with("Глибокі аналітичні"))
        );
        let value = serde_json::json!({
            "offer_title": "Backend Engineer",
            "companyName": "Acme",
            "descriptionText": "Rust work on payment systems, reviews and tests. ".repeat(5),
        });
        let (meta, blocks) = read(&value).expect("a record keyed in words");
        assert_eq!(meta.title.as_deref(), Some("Backend Engineer"));
        assert_eq!(meta.company.as_deref(), Some("Acme"));
        assert!(blocks.iter().any(|b| b.text.contains("payment systems")));
    }

    #[test]
    fn lists_are_read_under_their_keys_and_a_title_alone_is_a_posting() {
        let value = serde_json::json!({
            "headline": "Backend Engineer",
            "summary": "We build payment systems for small shops across Europe. You join a team \
                of six engineers who review each other's code, write tests and run what they \
                build, and who care about the people who pay with it every day of the week.",
            "requirements": ["Three years of Rust", "PostgreSQL"],
        });
        let (meta, blocks) = read(&value).expect("a record with prose and lists");
        assert_eq!(meta.title, None);
        let at = blocks.iter().position(|b| b.text == "requirements");
        assert_eq!(at.map(|i| blocks[i].kind), Some(BlockKind::Heading(2)));
        assert!(
            blocks
                .iter()
                .any(|b| b.kind == BlockKind::ListItem && b.text == "PostgreSQL")
        );
        // The Piemonte portal's record (tests/fixtures/i18n-fresh17/it): no text at all.
        let value: Value = serde_json::from_str(include_str!(
            "../../tests/fixtures/i18n-fresh17/it/postings/pslp-piemonte-cameriere-di-sala-control.json"
        ))
        .expect("the fixture is JSON");
        let (meta, blocks) = read(&value).expect("a title and metadata");
        assert_eq!(meta.title.as_deref(), Some("Cameriere Di Sala"));
        assert_eq!(meta.location.as_deref(), Some("Domodossola"));
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].kind, BlockKind::Heading(1));
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
