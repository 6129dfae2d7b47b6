//! Reading helpers the board shapes share: trimmed strings, ids, workplace types, pay periods,
//! dates and plain text as HTML.

use serde_json::Value;

use crate::extract::Remote;
use crate::extract::html::escape;

/// The non-empty, trimmed string at `key`.
pub(super) fn text(value: &Value, key: &str) -> Option<String> {
    value
        .get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// The `id` field, a string or a number.
pub(super) fn id(value: &Value) -> Option<String> {
    id_at(value, "id")
}

/// The field at `key` as an id: a non-empty string or a number.
pub(super) fn id_at(value: &Value, key: &str) -> Option<String> {
    match value.get(key)? {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The board's token as the company when the API names none.
pub(super) fn company_or(token: &str) -> Option<String> {
    (!token.is_empty()).then(|| token.to_owned())
}

/// `remote`, `hybrid`, `on-site`, `OnSite` (Lever's and Ashby's workplace types).
pub(super) fn workplace(value: &str) -> Option<Remote> {
    let key: String = value
        .to_ascii_lowercase()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    match key.as_str() {
        "remote" => Some(Remote::Remote),
        "hybrid" => Some(Remote::Hybrid),
        "onsite" | "inoffice" | "office" => Some(Remote::Onsite),
        _ => None,
    }
}

/// `per-year-salary`, `per-hour-wage` (Lever), `1 YEAR`, `1 HOUR` (Ashby) -> the period.
pub(super) fn interval(value: &str) -> Option<String> {
    let lower = value.to_ascii_lowercase();
    ["year", "month", "week", "day", "hour"]
        .into_iter()
        .find(|p| lower.contains(p))
        .map(str::to_owned)
}

/// A UTC date, `YYYY-MM-DD`, from milliseconds since the Unix epoch.
pub(super) fn date_of_millis(ms: i64) -> Option<String> {
    if ms < 0 {
        return None;
    }
    let moment = jiff::Timestamp::from_millisecond(ms).ok()?;
    let date = jiff::tz::Offset::UTC.to_datetime(moment).date();
    Some(date.strftime("%Y-%m-%d").to_string())
}

/// Plain text as HTML paragraphs, one per line.
pub(super) fn paragraphs(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("<p>{}</p>", escape(l)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_of_milliseconds() {
        assert_eq!(date_of_millis(0).as_deref(), Some("1970-01-01"));
        assert_eq!(
            date_of_millis(951_782_400_000).as_deref(),
            Some("2000-02-29")
        );
        assert_eq!(date_of_millis(-1), None);
    }
}
