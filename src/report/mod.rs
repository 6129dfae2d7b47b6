//! Reports: outcomes -> CSV tables and the `explain` text, over any `io::Write`.
//!
//! Writers never open files themselves (the orchestrator does) and never print: tests write
//! into a `Vec<u8>`. Column orders are fixed and documented in README.md.

pub mod csv;
pub mod explain;

pub use self::csv::{MatchesWriter, PostingsWriter, SummaryWriter, write_rules};
pub use explain::{ExplainOptions, write_explain};

/// Formats a score with one decimal, as every score column does.
pub fn one_decimal(value: f64) -> String {
    format!("{value:.1}")
}
