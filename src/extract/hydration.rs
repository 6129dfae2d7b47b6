//! The employer in a page's hydration data: the JSON a Nuxt or Next.js page carries for its
//! scripts (`<script id="__NUXT_DATA__">`, `<script id="__NEXT_DATA__">`). A page saved without
//! running its scripts may name the employer only there.
//!
//! The data is read by the shape of a job, naming no site: an object with a title-like key
//! (`title`, `name`, `jobTitle`, `position`), a description-like key and a company-like key
//! (`hiringOrganization`, `company`, `employer`, `organization`, `companyName`...) whose value
//! is a name or an object with one.

use serde_json::{Map, Value};

/// Most objects looked at in one document: a page cannot make the search unbounded.
const MAX_OBJECTS: usize = 50_000;

/// Deepest nesting followed in a plain JSON document.
const MAX_DEPTH: usize = 32;

/// Longest name taken, in characters.
const MAX_NAME_CHARS: usize = 120;

/// Keys that name a job's employer: an object with a name, or the name itself.
const COMPANY_KEYS: &[&str] = &[
    "hiringOrganization",
    "company",
    "employer",
    "organization",
    "companyName",
    "company_name",
    "employerName",
    "employer_name",
    "organizationName",
    // The employer's career site, when the job's company object carries only ids (Gupy).
    "careerPage",
];

/// Keys of a job's title.
const TITLE_KEYS: &[&str] = &["title", "jobTitle", "job_title", "name", "position"];

/// Keys of a job's description.
const DESCRIPTION_KEYS: &[&str] = &[
    "description",
    "descriptionHtml",
    "description_html",
    "jobDescription",
    "job_description",
];

/// Which hydration format a script holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Nuxt 3's `__NUXT_DATA__`: one flat array whose objects and arrays refer to other
    /// entries by index.
    Nuxt,
    /// Next.js's `__NEXT_DATA__`: plain JSON.
    Next,
}

/// The employer of the first job the hydration data `json` describes, if it names one.
pub fn employer(kind: Kind, json: &str) -> Option<String> {
    let value: Value = serde_json::from_str(json).ok()?;
    match kind {
        Kind::Nuxt => nuxt_employer(value.as_array()?),
        Kind::Next => {
            let mut seen = 0;
            next_employer(&value, 0, &mut seen)
        }
    }
}

/// A job object's employer in plain JSON, depth first.
fn next_employer(value: &Value, depth: usize, seen: &mut usize) -> Option<String> {
    if depth > MAX_DEPTH || *seen > MAX_OBJECTS {
        return None;
    }
    *seen += 1;
    match value {
        Value::Object(map) => {
            if is_job(map, Some) {
                let name = COMPANY_KEYS
                    .iter()
                    .find_map(|key| map.get(*key).and_then(|v| name_of(v, &Some)));
                if name.is_some() {
                    return name;
                }
            }
            map.values().find_map(|v| next_employer(v, depth + 1, seen))
        }
        Value::Array(items) => items.iter().find_map(|v| next_employer(v, depth + 1, seen)),
        _ => None,
    }
}

/// A job object's employer in Nuxt's flat array, whose values are indexes of entries.
fn nuxt_employer(entries: &[Value]) -> Option<String> {
    let at = |value: &Value| -> Option<&Value> {
        let index = usize::try_from(value.as_u64()?).ok()?;
        entries.get(index)
    };
    entries
        .iter()
        .take(MAX_OBJECTS)
        .filter_map(Value::as_object)
        .filter(|map| is_job(map, at))
        .find_map(|map| {
            COMPANY_KEYS
                .iter()
                .find_map(|key| map.get(*key).and_then(at).and_then(|v| name_of(v, &at)))
        })
}

/// Whether an object is a job: it has a title-like and a description-like key, each with a
/// value (`resolve` follows Nuxt's indexes).
fn is_job<'a>(
    map: &'a Map<String, Value>,
    resolve: impl Fn(&'a Value) -> Option<&'a Value>,
) -> bool {
    let has = |keys: &[&str]| {
        keys.iter().any(|key| {
            map.get(*key)
                .and_then(&resolve)
                .is_some_and(|v| !v.is_null())
        })
    };
    has(TITLE_KEYS) && has(DESCRIPTION_KEYS) && COMPANY_KEYS.iter().any(|k| map.contains_key(*k))
}

/// A company's name: a string, or an object's `name` (`displayName`, `legalName`).
fn name_of<'a>(
    value: &'a Value,
    resolve: &dyn Fn(&'a Value) -> Option<&'a Value>,
) -> Option<String> {
    let text = match value {
        Value::String(s) => s.as_str(),
        Value::Object(map) => ["name", "displayName", "legalName"]
            .iter()
            .find_map(|key| map.get(*key).and_then(resolve).and_then(Value::as_str))?,
        _ => return None,
    };
    let text = text.trim();
    (!text.is_empty() && text.chars().count() <= MAX_NAME_CHARS && !text.contains('<'))
        .then(|| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nuxt_data_by_index() {
        // The shape of startupjobs-adminit-ms-windows-administrator-nuxt-shell.html
        // (tests/fixtures/pages), shortened.
        let json = r#"[["ShallowReactive",1],{"data":2},{"slug":3,"name":4,"description":5,
            "company":6},"ms-windows-administrator",{"cs":7},"<p>…</p>",{"name":8,"slug":9},
            "MS Windows Administrátor","AdminIT, s. r. o.","adminit"]"#;
        assert_eq!(
            employer(Kind::Nuxt, json).as_deref(),
            Some("AdminIT, s. r. o.")
        );
    }

    #[test]
    fn next_data_by_shape() {
        let json = r#"{"props":{"pageProps":{"job":{"title":"Engineer","description":"…",
            "company":{"name":"Acme"}}}}}"#;
        assert_eq!(employer(Kind::Next, json).as_deref(), Some("Acme"));
        let json = r#"{"props":{"pageProps":{"company":{"name":"Acme"}}}}"#;
        assert_eq!(employer(Kind::Next, json), None);
        assert_eq!(employer(Kind::Next, "not json"), None);
    }
}
