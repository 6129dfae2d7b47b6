//! Saved JSON documents that hold many postings: a board API's list answer saved to a file
//! (Greenhouse's, Ashby's and Workable's `{"jobs": [...]}`, Lever's `[...]`, Recruitee's
//! `{"offers": [...]}`), a JSON array or `@graph` of schema.org `JobPosting`s, an `ItemList`
//! of them, and JSON lines of postings. The caller gives each posting a row of its own.

use serde_json::Value;

use super::json::id_at;
use super::{Board, BoardKind, BoardPosting, JSON_SHAPES, board_posting_in_json, parse_value};
use crate::extract::jsonld::is_job_posting_value;
use crate::extract::{ExtractError, Posting, extract_json_value};

/// One posting of a saved document that holds many.
#[derive(Debug)]
pub struct SavedPosting {
    /// The posting's own id, when it has one (a board's id, a `JobPosting`'s `identifier`).
    pub id: Option<String>,
    /// The posting, or why it cannot be read.
    pub posting: Result<Posting, ExtractError>,
}

/// The postings of a JSON document that holds many, in order; `None` when it is not a list of
/// postings (it is then one posting, or none). A board's list answer is a list whatever its
/// length; an array, `@graph` or `ItemList` of `JobPosting`s (or of board postings) is one when
/// it holds two or more.
pub fn postings_in_list(value: &Value) -> Option<Vec<SavedPosting>> {
    if let Some(kind) = board_list(value) {
        let board = Board {
            kind,
            host: String::new(),
            token: String::new(),
            job: None,
        };
        let postings = parse_value(&board, value).ok()?;
        return (!postings.is_empty()).then(|| postings.iter().map(of_board).collect());
    }
    let items: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        Value::Object(map) => {
            if let Some(Value::Array(graph)) = map.get("@graph") {
                graph.iter().collect()
            } else if let Some(Value::Array(elements)) = map.get("itemListElement") {
                // ListItems hold their posting in `item`.
                elements
                    .iter()
                    .map(|e| e.get("item").filter(|i| i.is_object()).unwrap_or(e))
                    .collect()
            } else {
                return None;
            }
        }
        _ => return None,
    };
    let postings: Vec<SavedPosting> = items
        .into_iter()
        .filter_map(|item| {
            if is_job_posting_value(item) {
                Some(SavedPosting {
                    id: identifier(item),
                    posting: extract_json_value(item, &JSON_SHAPES),
                })
            } else {
                board_posting_in_json(item).map(|p| of_board(&p))
            }
        })
        .collect();
    (postings.len() >= 2).then_some(postings)
}

/// The board whose list answer a document is: Greenhouse's, Ashby's or Workable's `{"jobs":
/// [...]}` (told apart by their first posting), Lever's array, Recruitee's `{"offers": [...]}`.
fn board_list(value: &Value) -> Option<BoardKind> {
    if let Some(offers) = value.get("offers").and_then(Value::as_array) {
        return offers
            .first()
            .is_some_and(|o| o.get("slug").is_some() || o.get("careers_url").is_some())
            .then_some(BoardKind::Recruitee);
    }
    if let Some(jobs) = value.get("jobs").and_then(Value::as_array) {
        let first = jobs.first()?;
        return if first.get("shortcode").is_some() {
            Some(BoardKind::Workable)
        } else if super::greenhouse::is_posting(first) {
            Some(BoardKind::Greenhouse)
        } else if super::ashby::is_posting(first) {
            Some(BoardKind::Ashby)
        } else {
            None
        };
    }
    let items = value.as_array()?;
    (!items.is_empty() && items.iter().all(super::lever::is_posting)).then_some(BoardKind::Lever)
}

fn of_board(posting: &BoardPosting) -> SavedPosting {
    SavedPosting {
        id: Some(posting.id.clone()),
        posting: posting.to_posting(),
    }
}

/// A `JobPosting`'s `identifier`: a string, a number or a `PropertyValue`'s `value`.
fn identifier(posting: &Value) -> Option<String> {
    match posting.get("identifier")? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        v @ Value::Object(_) => id_at(v, "value"),
        _ => None,
    }
}

/// The own id of one posting (a line of JSON lines): a `JobPosting`'s `identifier`, else the id
/// its board gives it.
pub fn posting_id(value: &Value) -> Option<String> {
    if is_job_posting_value(value) {
        identifier(value)
    } else {
        board_posting_in_json(value).map(|p| p.id)
    }
}
