//! Personio: `{company}.jobs.personio.de` (or `.com`) and its postings `.../job/{id}` are
//! answered by the careers site's XML feed, `/xml`: `<workzag-jobs>` with one `<position>` per
//! open posting, its description in named `<jobDescription>` parts (HTML in CDATA).

use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::Event;

use super::BoardPosting;
use super::json::company_or;
use crate::extract::html::escape;
use crate::extract::jsonld::{employment_types, iso_date};
use crate::extract::{ExtractError, Metadata, meta};

/// The XML feed of a careers site; `base` is the site's own `https://{host}` unless
/// configured.
pub(super) fn api_url(base: &str) -> String {
    format!("{base}/xml")
}

/// One `<position>` as read, before it becomes a [`BoardPosting`].
#[derive(Default)]
struct Position {
    id: String,
    name: String,
    subcompany: String,
    office: String,
    employment_type: String,
    schedule: String,
    created_at: String,
    /// `<jobDescription>` parts: (name, HTML value).
    parts: Vec<(String, String)>,
}

/// Reads the feed's positions, in order; `company` (the careers site's subdomain) names the
/// company when a position has no `subcompany`, and each posting's page is
/// `https://{host}/job/{id}`.
pub(super) fn postings(
    xml: &[u8],
    host: &str,
    company: &str,
) -> Result<Vec<BoardPosting>, ExtractError> {
    let text = std::str::from_utf8(xml).map_err(|e| {
        ExtractError::Xml(format!(
            "not UTF-8 (invalid byte at offset {})",
            e.valid_up_to()
        ))
    })?;
    let mut reader = Reader::from_str(text);
    // Element names from the root down to the current one.
    let mut path: Vec<String> = Vec::new();
    let mut positions = Vec::new();
    let mut position: Option<Position> = None;
    let mut part: (String, String) = Default::default();
    let mut root_seen = false;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| ExtractError::Xml(format!("{e} at byte {}", reader.buffer_position())))?;
        match event {
            Event::Start(start) => {
                let name = start.local_name().as_ref().to_owned();
                if path.is_empty() {
                    if name != "workzag-jobs" {
                        return Err(ExtractError::Xml(format!(
                            "the Personio feed's root is <{name}>, expected <workzag-jobs>"
                        )));
                    }
                    root_seen = true;
                }
                if name == "position" && path.len() == 1 {
                    position = Some(Position::default());
                }
                if name == "jobDescription" {
                    part = Default::default();
                }
                path.push(name);
            }
            Event::End(_) => {
                let Some(name) = path.pop() else { break };
                match name.as_str() {
                    "position" if path.len() == 1 => positions.extend(position.take()),
                    "jobDescription" => {
                        if let Some(position) = position.as_mut() {
                            position.parts.push(std::mem::take(&mut part));
                        }
                    }
                    _ => {}
                }
            }
            Event::Empty(start) if path.is_empty() => {
                let name = start.local_name().as_ref().to_owned();
                if name == "workzag-jobs" {
                    root_seen = true;
                }
            }
            Event::Text(text) => add_text(&path, &mut position, &mut part, &text.xml10_content()),
            Event::CData(data) => add_text(&path, &mut position, &mut part, &data.xml10_content()),
            Event::GeneralRef(reference) => {
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => resolve_predefined_entity(&reference)
                        .map(str::to_owned)
                        .unwrap_or_else(|| format!("&{};", &*reference)),
                };
                add_text(&path, &mut position, &mut part, &resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !root_seen {
        return Err(ExtractError::Xml(
            "no <workzag-jobs> element: not a Personio feed".into(),
        ));
    }
    Ok(positions
        .into_iter()
        .filter_map(|p| posting(p, host, company))
        .collect())
}

/// Adds text to the field of the position (or description part) that `path` is in.
fn add_text(
    path: &[String],
    position: &mut Option<Position>,
    part: &mut (String, String),
    text: &str,
) {
    let Some(position) = position.as_mut() else {
        return;
    };
    let names: Vec<&str> = path.iter().skip(2).map(String::as_str).collect();
    let field = match names.as_slice() {
        ["id"] => &mut position.id,
        ["name"] => &mut position.name,
        ["subcompany"] => &mut position.subcompany,
        ["office"] => &mut position.office,
        ["employmentType"] => &mut position.employment_type,
        ["schedule"] => &mut position.schedule,
        ["createdAt"] => &mut position.created_at,
        ["jobDescriptions", "jobDescription", "name"] => &mut part.0,
        ["jobDescriptions", "jobDescription", "value"] => &mut part.1,
        _ => return,
    };
    field.push_str(text);
}

/// A position with an id; its description parts become headed sections.
fn posting(position: Position, host: &str, company: &str) -> Option<BoardPosting> {
    let id = position.id.trim().to_owned();
    if id.is_empty() {
        return None;
    }
    let mut html = String::new();
    for (name, value) in &position.parts {
        let (name, value) = (name.trim(), value.trim());
        if value.is_empty() {
            continue;
        }
        if !name.is_empty() {
            html.push_str(&format!("<h2>{}</h2>", escape(name)));
        }
        html.push_str(value);
    }
    let some = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    let kinds: Vec<String> = [&position.schedule, &position.employment_type]
        .iter()
        .filter_map(|s| some(s))
        .collect();
    let office = some(&position.office);
    let details = Metadata {
        employment_type: employment_types(&kinds),
        remote: office.as_deref().and_then(meta::remote_of_place),
        date_posted: iso_date(&position.created_at),
        ..Metadata::default()
    };
    let url = (!host.is_empty()).then(|| format!("https://{host}/job/{id}"));
    Some(BoardPosting {
        id,
        url,
        title: some(&position.name),
        company: some(&position.subcompany).or_else(|| company_or(company)),
        location: office,
        html,
        details,
    })
}
