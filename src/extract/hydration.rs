//! The employer in a page's hydration data: the JSON a Nuxt or Next.js page carries for its
//! scripts (`<script id="__NUXT_DATA__">`, `<script id="__NEXT_DATA__">`). A page saved without
//! running its scripts may name the employer only there.
//!
//! The data is read by the shape of a job, naming no site: an object with a title-like key
//! (`title`, `name`, `jobTitle`, `position`), a description-like key and a company-like key
//! (`hiringOrganization`, `company`, `employer`, `organization`, `companyName`...) whose value
//! is a name or an object with one.
//!
//! A page saved before its scripts ran may also hand its one job to its code as an object
//! literal in an inline script (`new X.OpportunityDetail({"Title": ..., "Locations": [...],
//! "Description": ...})`): the title, place and description of that object, read by the same
//! shape ([`inline_job`]).

use serde_json::{Map, Value};

use super::RawBlock;
use super::meta::page::Sourced;

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

/// Keys of a job's place: a name, an object with one, or a list of them (the first is taken).
const LOCATION_KEYS: &[&str] = &["locations", "location", "jobLocation", "jobLocations"];

/// Keys of a place object's name, in the order read.
const PLACE_NAME_KEYS: &[&str] = &[
    "localizedName",
    "displayName",
    "name",
    "formattedAddress",
    "city",
];

/// Object literals passed to a call (`({"`) tried in one page: a page cannot make the search
/// unbounded.
const MAX_INLINE_CALLS: usize = 200;

/// Longest title or place taken from an inline job, in characters.
const MAX_INLINE_CHARS: usize = 200;

/// The one job a page's inline script passes to a call as an object literal.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct InlineJob {
    /// The job's title.
    pub title: String,
    /// The job's place, if the object names one.
    pub location: Option<String>,
    /// The job's description (HTML or text).
    pub description: String,
}

impl InlineJob {
    /// Fills the title and place the structured data left empty (`fields`: title, company,
    /// place) and, when the page shows fewer than `min_words` words of its own, makes the
    /// description its text (`fragment` reads it).
    pub(crate) fn fill(
        self,
        fields: &mut [Option<Sourced>; 3],
        blocks: &mut Vec<RawBlock>,
        fragment: fn(&str) -> Vec<RawBlock>,
        min_words: usize,
    ) {
        let rule = |key: &str| format!("an inline script's job object ({key})");
        if fields[0].is_none() {
            fields[0] = Some(Sourced {
                text: self.title,
                rule: rule("title"),
            });
        }
        if fields[2].is_none()
            && let Some(place) = self.location
        {
            fields[2] = Some(Sourced {
                text: place,
                rule: rule("location"),
            });
        }
        let shown: usize = blocks
            .iter()
            .map(|b| b.text.split_whitespace().count())
            .sum();
        if shown < min_words {
            let described = fragment(&self.description);
            if !described.is_empty() {
                *blocks = described;
            }
        }
    }
}

/// The job an inline script passes to a call as an object literal (`({"Title": ...})`): the
/// first such object that has a title, a description and a place key, each with a value.
pub fn inline_job(html: &str) -> Option<InlineJob> {
    html.match_indices("({\"")
        .take(MAX_INLINE_CALLS)
        .find_map(|(at, _)| {
            let rest = html.get(at + 1..)?;
            let mut values = serde_json::Deserializer::from_str(rest).into_iter::<Value>();
            let Value::Object(map) = values.next()?.ok()? else {
                return None;
            };
            inline_fields(&map)
        })
}

/// The title, place and description of a job object whose keys are written in any case
/// ("Title", "Locations", "Description").
fn inline_fields(map: &Map<String, Value>) -> Option<InlineJob> {
    let title = short_text(key_of(map, TITLE_KEYS)?)?;
    let description = key_of(map, DESCRIPTION_KEYS)?.as_str()?.to_owned();
    let location = place_of(key_of(map, LOCATION_KEYS)?, 0);
    Some(InlineJob {
        title,
        location,
        description,
    })
}

/// The first non-null value of `keys` in `map`, keys compared ignoring ASCII case.
fn key_of<'a>(map: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    keys.iter().find_map(|key| {
        map.iter()
            .find(|(k, v)| k.eq_ignore_ascii_case(key) && !v.is_null())
            .map(|(_, v)| v)
    })
}

/// A place's name: a string, an object's name, or the first of a list.
fn place_of(value: &Value, depth: usize) -> Option<String> {
    match value {
        Value::String(_) => short_text(value),
        Value::Object(map) => short_text(key_of(map, PLACE_NAME_KEYS)?),
        Value::Array(items) if depth < 2 => place_of(items.first()?, depth + 1),
        _ => None,
    }
}

/// A string value short enough to be a title or a place, with no markup.
fn short_text(value: &Value) -> Option<String> {
    let text = value
        .as_str()?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (!text.is_empty() && text.chars().count() <= MAX_INLINE_CHARS && !text.contains('<'))
        .then_some(text)
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

    #[test]
    fn a_job_handed_to_an_inline_call_gives_its_title_and_place() {
        // The shape of ultipro-presidio-vp-workforce-ai-productivity.html (tests/fixtures/pages),
        // shortened: the UKG page saved before its scripts ran.
        let html = r#"<script>var a = f({x: 1}); var opportunity = new
            US.Opportunity.CandidateOpportunityDetail({"Id":"ed16","Title":"VP Workforce AI \u0026 Productivity","Featured":true,"Locations":[{"Id":"da7a","LocalizedName":"USA (Remote)","Address":{"City":null}}],"Description":"<p>Presidio, Where Teamwork ...</p>"});</script>"#;
        let job = inline_job(html);
        assert_eq!(
            job.as_ref().map(|j| j.title.as_str()),
            Some("VP Workforce AI & Productivity")
        );
        assert_eq!(
            job.and_then(|j| j.location).as_deref(),
            Some("USA (Remote)")
        );
        // An object with no place key, or no description, is not a job.
        assert_eq!(inline_job(r#"g({"title":"Menu","description":"x"})"#), None);
        assert_eq!(
            inline_job(r#"g({"title":"Menu","locations":["Paris"]})"#),
            None
        );
    }
}
