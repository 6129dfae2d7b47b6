//! The command line: clap definitions of every command and option.
//!
//! Parsing only; no I/O. Values are validated here (clap rejects unknown options, missing
//! inputs and bad numbers with exit code 2) so that nothing runs on a bad command line.

use std::num::NonZeroUsize;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Score job postings against a skill map.
///
/// jobfit reads saved job postings (HTML pages, Markdown, plain text), finds which skills of a
/// skill map each one asks for, and writes coverage scores as CSV for a spreadsheet.
#[derive(Debug, Parser)]
#[command(name = "jobfit", version, propagate_version = true, term_width = 100)]
pub struct Cli {
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score postings against the skill map and write CSV tables.
    Score(ScoreArgs),
    /// Explain, for one posting, why each skill matched, with evidence.
    Explain(ExplainArgs),
    /// List or validate rule files.
    #[command(subcommand)]
    Rules(RulesCommand),
}

/// Options of `jobfit score`.
#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// Files (.html .htm .md .markdown .txt), directories (walked recursively, sorted), or `-`
    /// to read input paths from stdin, one per line.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Write the postings table to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write one row per posting and matched skill, with evidence, to FILE.
    #[arg(long, value_name = "FILE")]
    pub matches: Option<PathBuf>,
    /// Also write one row per skill of the map, with how many postings ask for it, to FILE.
    #[arg(long, value_name = "FILE")]
    pub summary: Option<PathBuf>,
    /// Score against this rule file instead of the built-in skill map (repeatable: files are
    /// merged).
    #[arg(long = "rules", value_name = "FILE")]
    pub rules: Vec<PathBuf>,
    /// Number of worker threads (default: all cores).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<NonZeroUsize>,
    /// Do not show the progress bar (it is shown only when stderr is a terminal).
    #[arg(long)]
    pub no_progress: bool,
    /// Format of the postings output: `csv` (default), or `jsonl` (one JSON object per posting,
    /// with its matches nested).
    #[arg(
        long,
        value_enum,
        default_value_t = OutputFormat::Csv,
        value_name = "FORMAT",
        hide_possible_values = true,
        hide_default_value = true
    )]
    pub format: OutputFormat,
    /// Also write a self-contained HTML report (charts, sortable table, evidence) to FILE.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Candidate profile, a TOML file `skills = ["rust", ...]`: adds the columns fit,
    /// missing_required and missing_preferred.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// Order the rows by `score` or `fit`, highest first (default: input order).
    #[arg(long, value_enum, value_name = "COLUMN", hide_possible_values = true)]
    pub sort: Option<SortKey>,
    /// Exit with code 1 when no posting reaches score N (fit N with --profile).
    #[arg(long, value_name = "N", value_parser = parse_percent)]
    pub fail_under: Option<f64>,
    /// Start CSV files with a UTF-8 byte-order mark, so that Excel reads accents correctly.
    #[arg(long)]
    pub excel: bool,
}

/// Format of the postings output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// CSV, one row per posting.
    Csv,
    /// JSON lines, one object per posting with its matches.
    Jsonl,
}

/// A column to order rows by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortKey {
    /// The overall score.
    Score,
    /// The candidate fit (needs --profile).
    Fit,
}

/// A number from 0 to 100.
fn parse_percent(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(n) if (0.0..=100.0).contains(&n) => Ok(n),
        _ => Err(format!("expected a number from 0 to 100, got {text:?}")),
    }
}

/// Options of `jobfit explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The posting to explain (.html .htm .md .markdown .txt).
    #[arg(value_name = "INPUT")]
    pub input: PathBuf,
    /// Use this rule file instead of the built-in skill map (repeatable: files are merged).
    #[arg(long = "rules", value_name = "FILE")]
    pub rules: Vec<PathBuf>,
    /// When to highlight hits with colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When stdout is a terminal.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// `jobfit rules` subcommands.
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Print the skill map as CSV: skill_id, skill, category, kind, weight.
    List {
        /// List this rule file instead of the built-in skill map (repeatable: files are merged).
        #[arg(long = "rules", value_name = "FILE")]
        rules: Vec<PathBuf>,
    },
    /// Validate rule files; exit 0 when they load, 2 with the error otherwise.
    Check {
        /// The rule files to check (merged, as `--rules` would use them).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}
