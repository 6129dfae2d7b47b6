//! JSON résumés as blocks: the JSON Resume schema (jsonresume.org), and any other layout a
//! person keeps their résumé in, read by walking its values.

use serde_json::Value;

use super::{ResumeError, block};
use crate::extract::{self, BlockKind, RawBlock};

/// A JSON Resume as blocks. The contact fields of `basics` (email, phone, url, location,
/// profiles) and `references` are furniture and are not read.
pub(super) fn json_resume(bytes: &[u8]) -> Result<Vec<RawBlock>, ResumeError> {
    let value: Value =
        serde_json::from_slice(bytes).map_err(|e| ResumeError::Json(e.to_string()))?;
    let Value::Object(root) = value else {
        return Err(ResumeError::Json("not an object".into()));
    };
    let text = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or_default().to_owned();
    let mut out = Vec::new();
    if let Some(basics) = root.get("basics") {
        out.extend(block(BlockKind::Heading(1), text(basics.get("label"))));
        out.extend(block(BlockKind::Paragraph, text(basics.get("summary"))));
    }
    // Dated sections: a heading per entry with its dates, then its summary and highlights.
    for (section, title, place) in [
        ("work", "position", "name"),
        ("volunteer", "position", "organization"),
        ("projects", "name", "entity"),
        ("education", "studyType", "institution"),
    ] {
        let Some(Value::Array(entries)) = root.get(section) else {
            continue;
        };
        out.extend(block(BlockKind::Heading(2), section));
        for entry in entries {
            let mut head = vec![text(entry.get(title))];
            if section == "education" {
                head.push(text(entry.get("area")));
            }
            head.push(text(entry.get(place).or_else(|| entry.get("company"))));
            let start = text(entry.get("startDate"));
            if !start.is_empty() {
                let end = text(entry.get("endDate"));
                let end = if end.is_empty() {
                    "present".into()
                } else {
                    end
                };
                head.push(format!("{start} – {end}"));
            }
            let head: Vec<String> = head.into_iter().filter(|s| !s.is_empty()).collect();
            out.extend(block(BlockKind::Heading(3), head.join(", ")));
            out.extend(block(BlockKind::Paragraph, text(entry.get("summary"))));
            out.extend(block(BlockKind::Paragraph, text(entry.get("description"))));
            for list in ["highlights", "courses", "keywords"] {
                if let Some(Value::Array(items)) = entry.get(list) {
                    for item in items {
                        out.extend(block(BlockKind::ListItem, text(Some(item))));
                    }
                }
            }
        }
    }
    for (section, key) in [
        ("skills", "keywords"),
        ("languages", "fluency"),
        ("interests", "keywords"),
        ("awards", "summary"),
        ("certificates", "issuer"),
        ("publications", "summary"),
    ] {
        let Some(Value::Array(entries)) = root.get(section) else {
            continue;
        };
        out.extend(block(BlockKind::Heading(2), section));
        for entry in entries {
            let name = text(entry.get("name").or_else(|| entry.get("title")));
            let rest = match entry.get(key) {
                Some(Value::Array(items)) => items
                    .iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join(", "),
                other => text(other),
            };
            let line = match (name.is_empty(), rest.is_empty()) {
                (false, false) => format!("{name}: {rest}"),
                (false, true) => name,
                _ => rest,
            };
            out.extend(block(BlockKind::ListItem, line));
        }
    }
    // Keys of no JSON Resume section: a résumé in its author's own layout ("workplace",
    // "target_roles", "certifications"), read by walking its values.
    for (key, value) in &root {
        if !SCHEMA.contains(&key.as_str()) && !furniture(key) {
            out.extend(block(BlockKind::Heading(2), label(key)));
            walk(value, 1, &mut out);
        }
    }
    if out.is_empty() {
        return Err(ResumeError::Extract(extract::ExtractError::NoText));
    }
    Ok(out)
}

/// The top-level keys of the JSON Resume schema, read above (or, `references` and `meta`,
/// furniture).
const SCHEMA: &[&str] = &[
    "basics",
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
    "meta",
];

/// Keys whose values are contact details, links, pictures or identifiers, not what the person
/// has done: never read in a résumé's own layout.
fn furniture(key: &str) -> bool {
    const KEYS: &[&str] = &[
        "email",
        "mail",
        "phone",
        "mobile",
        "tel",
        "url",
        "urls",
        "website",
        "web",
        "homepage",
        "link",
        "links",
        "linkedin",
        "github",
        "twitter",
        "social",
        "profiles",
        "contact",
        "contacts",
        "address",
        "image",
        "picture",
        "photo",
        "avatar",
        "icon",
        "logo",
        "id",
        "slug",
        "references",
        "reference",
    ];
    let key = key.to_ascii_lowercase();
    key.starts_with('$') || KEYS.contains(&key.as_str())
}

/// A key as a heading: "target_roles" -> "target roles", "workExperience" -> "work Experience".
fn label(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    let mut previous_lower = false;
    for c in key.chars() {
        if c == '_' || c == '-' {
            out.push(' ');
        } else {
            if c.is_uppercase() && previous_lower {
                out.push(' ');
            }
            out.push(c);
        }
        previous_lower = c.is_lowercase();
    }
    out
}

/// Keys that name an entry of a list ("position": "Global Workplace Specialist"), where it
/// was ("company") and when ("period"), in the order they make its heading.
const ENTRY_TITLE: &[&str] = &[
    "position",
    "title",
    "role",
    "job_title",
    "jobTitle",
    "name",
    "degree",
];
const ENTRY_PLACE: &[&str] = &[
    "company",
    "employer",
    "organization",
    "organisation",
    "institution",
    "school",
];
const ENTRY_WHEN: &[&str] = &["period", "dates", "date", "duration", "years", "when"];

/// Deepest nesting read: a résumé is a few levels deep.
const MAX_DEPTH: usize = 6;

/// The blocks of one value of a résumé in its own layout: a string is a paragraph (a list
/// item inside an array), an object inside an array an entry whose title, place and dates make
/// its heading ("Global Workplace Specialist, MSC Technology, 2022 – 2025"), and the other
/// fields of an object their values. Numbers and booleans say nothing a skill map reads.
fn walk(value: &Value, depth: usize, out: &mut Vec<RawBlock>) {
    if depth > MAX_DEPTH {
        return;
    }
    match value {
        Value::String(s) => out.extend(block(BlockKind::Paragraph, s.as_str())),
        Value::Array(items) => {
            for item in items {
                match item {
                    Value::String(s) => out.extend(block(BlockKind::ListItem, s.as_str())),
                    Value::Object(fields) => entry(fields, depth, out),
                    other => walk(other, depth + 1, out),
                }
            }
        }
        Value::Object(fields) => {
            for (key, value) in fields {
                if furniture(key) {
                    continue;
                }
                if let Value::Object(_) = value {
                    out.extend(block(BlockKind::Heading(3), label(key)));
                }
                walk(value, depth + 1, out);
            }
        }
        Value::Number(_) | Value::Bool(_) | Value::Null => {}
    }
}

/// An object of a list: its heading from [`ENTRY_TITLE`], [`ENTRY_PLACE`] and
/// [`ENTRY_WHEN`] (or `startDate`/`endDate`), then its other fields.
fn entry(fields: &serde_json::Map<String, Value>, depth: usize, out: &mut Vec<RawBlock>) {
    let first = |keys: &'static [&'static str]| {
        keys.iter()
            .find_map(|k| fields.get(*k).and_then(Value::as_str).map(|v| (*k, v)))
    };
    let mut head: Vec<String> = Vec::new();
    let mut used: Vec<&'static str> = Vec::new();
    for keys in [ENTRY_TITLE, ENTRY_PLACE, ENTRY_WHEN] {
        if let Some((key, value)) = first(keys) {
            head.push(value.trim().to_owned());
            used.push(key);
        }
    }
    if let Some(start) = fields.get("startDate").and_then(Value::as_str) {
        let end = fields
            .get("endDate")
            .and_then(Value::as_str)
            .filter(|e| !e.is_empty())
            .unwrap_or("present");
        head.push(format!("{start} – {end}"));
        used.extend(["startDate", "endDate"]);
    }
    head.retain(|h| !h.is_empty());
    out.extend(block(BlockKind::Heading(3), head.join(", ")));
    for (key, value) in fields {
        if !used.contains(&key.as_str()) && !furniture(key) {
            walk(value, depth + 1, out);
        }
    }
}
