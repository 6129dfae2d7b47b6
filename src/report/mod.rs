//! Reports: outcomes -> CSV tables, the xlsx workbook, JSON lines, the HTML report and a
//! candidate's fit as text, over any `io::Write`. They read rows, never an extracted posting
//! (the `explain` command's text, which does, is `crate::app::explain`).
//!
//! Writers never open files themselves (the orchestrator does) and never print: tests write
//! into a `Vec<u8>`. Column orders are fixed and documented in README.md.

pub mod csv;
pub mod fit;
pub mod html;
pub mod jsonl;
pub mod tally;
pub mod xlsx;

pub use self::csv::{MatchesWriter, PostingsWriter, spreadsheet_safe, write_rules};
pub use fit::write_fit;
pub use html::{HtmlOptions, ReportRow, Tallies, write_html};
pub use jsonl::JsonlWriter;
pub use tally::{Tally, write_pairs, write_summary};
pub use xlsx::{WorkbookError, WorkbookWriter};

use crate::row::Outcome;

/// Formats a score with one decimal, as every score column does.
pub fn one_decimal(value: f64) -> String {
    format!("{value:.1}")
}

/// The `status` of an outcome's row, the same in every report: `ok` or `error`.
pub fn status(outcome: &Outcome) -> &'static str {
    outcome.status().as_str()
}

/// The pass-through fields of the `--jsonl-in` line an outcome answers, as one JSON object
/// (keys in sorted order, values as written); `None` when it answers no such line or the line
/// was not an object.
pub fn input_json(outcome: &Outcome) -> Option<String> {
    let fields = outcome.line.as_ref()?.fields.as_ref()?;
    serde_json::to_string(fields).ok()
}

/// A score rounded to one decimal, as a number (for JSON).
pub fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// Formats an amount of money: whole numbers without decimals (`150000`), others with up to
/// two (`42.5`).
pub fn amount(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        let text = format!("{value:.2}");
        text.trim_end_matches('0').to_owned()
    }
}
