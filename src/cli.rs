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
    Score(Box<ScoreArgs>),
    /// Explain, for one posting, why each skill matched, with evidence.
    Explain(Box<ExplainArgs>),
    /// Read a résumé and print the candidate profile it shows, as editable TOML for --profile.
    Profile(ProfileArgs),
    /// List or validate rule files.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Write the shell completion script of SHELL to stdout.
    ///
    /// e.g. `jobfit completions bash > ~/.local/share/bash-completion/completions/jobfit`
    Completions {
        /// The shell to complete in.
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Write the man page (roff, jobfit.1) to stdout.
    ///
    /// e.g. `jobfit man > jobfit.1 && man ./jobfit.1`
    Man,
}

/// Options of `jobfit score`.
#[derive(Debug, Clone, Args)]
pub struct ScoreArgs {
    /// http(s) URLs (web pages; Greenhouse, Lever, Ashby, Workable, Recruitee and Personio
    /// boards and postings; Workday and SmartRecruiters listings and postings; hh.ru
    /// vacancies), files (.html
    /// .htm .mhtml .mht .md .markdown .txt .json; .jsonl: one posting a line; a .json list of
    /// postings gives a row each), directories (walked recursively, sorted), or `-` to read
    /// inputs from stdin, one per line.
    #[arg(required_unless_present_any = ["input_files", "jsonl_in", "paste"], value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Read inputs from FILE, one per line; blank lines and `#` comments are skipped
    /// (repeatable; read after the INPUT arguments).
    #[arg(long = "input-file", value_name = "FILE")]
    pub input_files: Vec<PathBuf>,
    /// Read postings as JSON lines from FILE (`-`: stdin), `{"id": ..., "url"|"html"|"markdown"|
    /// "text": "..."}`, and write one row per line (JSON lines unless `--format csv`), streaming:
    /// the map step of a distributed job. Exits 0 when every line was answered.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["inputs", "input_files"])]
    pub jsonl_in: Option<PathBuf>,
    /// Read one posting's text from stdin (plain text, Markdown or HTML, as copied from a
    /// browser), scored before any INPUT; its row's source is `(stdin)`.
    #[arg(long, conflicts_with = "jsonl_in")]
    pub paste: bool,
    /// Write the postings table to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Also write one row per posting and matched skill, with evidence, to FILE.
    #[arg(long, value_name = "FILE")]
    pub matches: Option<PathBuf>,
    /// Also write one row per skill of the map, with how many postings ask for it, to FILE.
    #[arg(long, value_name = "FILE")]
    pub summary: Option<PathBuf>,
    /// Break the summary (and the report's demand) down by COLUMN: a postings column (remote,
    /// seniority, language, company, employment_type...), `month` or `year` of date_posted, or
    /// a field passed through from --jsonl-in (`meta.market`); repeatable.
    #[arg(long = "by", value_name = "COLUMN")]
    pub by: Vec<String>,
    /// Also write which skills come together to FILE: skill_a, skill_b, postings, share_of_a,
    /// lift.
    #[arg(long, value_name = "FILE")]
    pub pairs: Option<PathBuf>,
    /// The fewest postings a pair of skills needs to be a row of --pairs.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub min_pairs: usize,
    /// Also write one spreadsheet workbook to FILE (.xlsx) with a sheet per table: postings,
    /// matches, summary (by --by) and pairs (--min-pairs), whatever CSV files are asked for;
    /// numbers as numbers, text as text (never a formula), URLs as links.
    #[arg(long, value_name = "FILE")]
    pub xlsx: Option<PathBuf>,
    /// Score against this rule file instead of the built-in skill map (repeatable: files are
    /// merged).
    #[arg(long = "rules", value_name = "FILE")]
    pub rules: Vec<PathBuf>,
    /// Site profiles to add to the built-in ones (repeatable; a later file's profile of a host
    /// wins): host patterns and CSS selectors for title, company, location, description and
    /// parts to drop, and label words to add. See "Site profiles" in README.md.
    #[arg(long = "sites", value_name = "FILE")]
    pub sites: Vec<PathBuf>,
    /// Number of worker threads, 1 to 256 (default: all cores).
    #[arg(short, long, value_name = "N", value_parser = parse_jobs)]
    pub jobs: Option<NonZeroUsize>,
    /// Score only part K of N of the inputs (by a stable hash of each input), so that N machines
    /// can split one list without coordination; their outputs concatenate.
    #[arg(long, value_name = "K/N", value_parser = crate::input::Shard::parse)]
    pub shard: Option<crate::input::Shard>,
    /// Do not show the progress bar (it is shown only when stderr is a terminal).
    #[arg(long)]
    pub no_progress: bool,
    /// Format of the postings output: `csv` (the default), or `jsonl` (one JSON object per
    /// posting, with its matches nested; the default with `--jsonl-in`).
    #[arg(long, value_enum, value_name = "FORMAT", hide_possible_values = true)]
    pub format: Option<OutputFormat>,
    /// Also write a self-contained HTML report (charts, sortable table, evidence) to FILE.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Candidate profile, a TOML file `skills = ["rust", ...]` (`jobfit profile RESUME` writes
    /// one): adds the columns fit, missing_required, missing_preferred and experience_gap.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// Candidate résumé (.md .txt .html .json JSON Resume, .pdf, .docx): the profile it shows
    /// (`jobfit profile FILE` prints it) gives the fit columns, as --profile does.
    #[arg(long, value_name = "FILE", conflicts_with = "profile")]
    pub resume: Option<PathBuf>,
    /// Order the rows by `score` or `fit`, highest first (default: input order).
    #[arg(long, value_enum, value_name = "COLUMN", hide_possible_values = true)]
    pub sort: Option<SortKey>,
    /// Exit with code 1 when no posting reaches score N (fit N with --profile).
    #[arg(long, value_name = "N", value_parser = parse_percent)]
    pub fail_under: Option<f64>,
    /// Start CSV files with a UTF-8 byte-order mark, so that Excel reads accents correctly.
    #[arg(long)]
    pub excel: bool,
    /// Detect near-duplicate postings (same employer, near-identical text) and name the first
    /// occurrence in the duplicate_of column; --summary then counts each posting once.
    #[arg(long)]
    pub dedup: bool,
    /// How URLs are fetched.
    #[command(flatten)]
    pub fetch: FetchArgs,
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

/// Options of `jobfit score` for fetching URLs.
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Fetching URLs")]
pub struct FetchArgs {
    /// Requests in flight at once, overall (1 to 4096).
    #[arg(long, value_name = "N", default_value_t = NonZeroUsize::new(16).unwrap_or(NonZeroUsize::MIN), value_parser = parse_in_flight)]
    pub concurrency: NonZeroUsize,
    /// Requests in flight at once to one host (1 to 4096).
    #[arg(long, value_name = "N", default_value_t = NonZeroUsize::new(2).unwrap_or(NonZeroUsize::MIN), value_parser = parse_in_flight)]
    pub per_host: NonZeroUsize,
    /// Minimum time between the starts of two requests to one host, in milliseconds (at most an
    /// hour, 3600000).
    #[arg(long, value_name = "MS", default_value_t = 250, value_parser = parse_delay)]
    pub delay: u64,
    /// Time limit of one request (connection, redirects and body), in seconds.
    #[arg(long, value_name = "SECS", default_value_t = 20.0, value_parser = parse_seconds)]
    pub timeout: f64,
    /// Retries on timeouts, connection errors, 429 and 5xx, with exponential backoff and
    /// jitter; `Retry-After` is honoured up to 60 s (0 to 100).
    #[arg(long, value_name = "N", default_value_t = 3, value_parser = parse_retries)]
    pub retries: usize,
    /// Largest response body read, in bytes; larger ones are error rows (download stopped).
    #[arg(long, value_name = "BYTES", default_value_t = 5 * 1024 * 1024)]
    pub max_bytes: u64,
    /// The User-Agent header [default: jobfit/<version> (+<repository>)].
    // The placeholders are `--help` text (README.md quotes it), not HTML.
    #[allow(rustdoc::invalid_html_tags)]
    #[arg(long, value_name = "TEXT")]
    pub user_agent: Option<String>,
    /// Fetch URLs even when robots.txt disallows them.
    #[arg(long)]
    pub ignore_robots: bool,
    /// Keep fetched pages in DIR and revalidate them on the next run [default: the user cache
    /// directory, e.g. ~/.cache/jobfit].
    #[arg(long, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Do not read or write the cache.
    #[arg(long, conflicts_with = "offline")]
    pub no_cache: bool,
    /// Answer URLs from the cache only; never use the network.
    #[arg(long)]
    pub offline: bool,
    /// Base URL of Greenhouse's job board API.
    #[arg(long, value_name = "URL", default_value = crate::boards::GREENHOUSE_API, value_parser = parse_base_url)]
    pub greenhouse_api: String,
    /// Base URL of Lever's postings API.
    #[arg(long, value_name = "URL", default_value = crate::boards::LEVER_API, value_parser = parse_base_url)]
    pub lever_api: String,
    /// Base URL of Ashby's posting API.
    #[arg(long, value_name = "URL", default_value = crate::boards::ASHBY_API, value_parser = parse_base_url)]
    pub ashby_api: String,
    /// Base URL of Workday's job endpoints [default: each career site's own host].
    #[arg(long, value_name = "URL", value_parser = parse_base_url)]
    pub workday_api: Option<String>,
    /// Base URL of SmartRecruiters' Posting API.
    #[arg(long, value_name = "URL", default_value = crate::boards::SMARTRECRUITERS_API, value_parser = parse_base_url)]
    pub smartrecruiters_api: String,
    /// Base URL of Workable's careers widget.
    #[arg(long, value_name = "URL", default_value = crate::boards::WORKABLE_API, value_parser = parse_base_url)]
    pub workable_api: String,
    /// Base URL of Recruitee's offers API [default: each careers site's own host].
    #[arg(long, value_name = "URL", value_parser = parse_base_url)]
    pub recruitee_api: Option<String>,
    /// Base URL of Personio's XML feeds [default: each careers site's own host].
    #[arg(long, value_name = "URL", value_parser = parse_base_url)]
    pub personio_api: Option<String>,
    /// Base URL of hh.ru's API (vacancies of hh.ru, hh.kz and rabota.by).
    #[arg(long, value_name = "URL", default_value = crate::boards::HH_API, value_parser = parse_base_url)]
    pub hh_api: String,
}

/// Most requests in flight `--concurrency` and `--per-host` accept.
pub const MAX_IN_FLIGHT: usize = 4096;

/// A number of requests in flight from 1 to [`MAX_IN_FLIGHT`].
fn parse_in_flight(text: &str) -> Result<NonZeroUsize, String> {
    non_zero(number_in(text, 1, MAX_IN_FLIGHT, "requests")?)
}

/// Longest `--delay`: an hour, in milliseconds.
pub const MAX_DELAY_MS: u64 = 3_600_000;

fn parse_delay(text: &str) -> Result<u64, String> {
    number_in(text, 0, MAX_DELAY_MS, "milliseconds")
}

/// Most `--retries`.
pub const MAX_RETRIES: usize = 100;

fn parse_retries(text: &str) -> Result<usize, String> {
    number_in(text, 0, MAX_RETRIES, "retries")
}

fn parse_seconds(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(s) if s.is_finite() && s > 0.0 && s <= 86_400.0 => Ok(s),
        _ => Err(format!(
            "{text:?} is not a number of seconds between 0 and 86400"
        )),
    }
}

fn parse_base_url(text: &str) -> Result<String, String> {
    match url::Url::parse(text) {
        Ok(url) if matches!(url.scheme(), "http" | "https") => Ok(text.to_owned()),
        _ => Err(format!("{text:?} is not an http(s) URL")),
    }
}

impl ScoreArgs {
    /// The format of the postings output: `--format`, else JSON lines with `--jsonl-in` and
    /// CSV otherwise.
    pub fn output_format(&self) -> OutputFormat {
        self.format.unwrap_or(if self.jsonl_in.is_some() {
            OutputFormat::Jsonl
        } else {
            OutputFormat::Csv
        })
    }
}

/// Most worker threads `--jobs` accepts: far more than any machine's cores, and few enough
/// that starting them is quick and within the process's limits.
pub const MAX_JOBS: usize = 256;

/// A number of worker threads from 1 to [`MAX_JOBS`].
fn parse_jobs(text: &str) -> Result<NonZeroUsize, String> {
    non_zero(number_in(text, 1, MAX_JOBS, "worker threads")?)
}

/// A whole number from `min` to `max`; the error names what it counts and the range.
fn number_in<T>(text: &str, min: T, max: T, what: &str) -> Result<T, String>
where
    T: std::str::FromStr + PartialOrd + std::fmt::Display,
{
    match text.parse::<T>() {
        Ok(n) if n >= min && n <= max => Ok(n),
        _ => Err(format!(
            "expected a number of {what} from {min} to {max}, got {text:?}"
        )),
    }
}

fn non_zero(n: usize) -> Result<NonZeroUsize, String> {
    NonZeroUsize::new(n).ok_or_else(|| "expected a number from 1".to_owned())
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
    /// The posting to explain: a file (.html .htm .mhtml .mht .md .markdown .txt .json), an
    /// http(s) URL (a page,
    /// or one posting of a Greenhouse, Lever, Ashby, Workday, SmartRecruiters, Workable,
    /// Recruitee or Personio board, or an hh.ru vacancy), or `-` for the posting's text on
    /// stdin (plain text, Markdown or HTML, as copied from a browser).
    #[arg(value_name = "INPUT")]
    pub input: String,
    /// Use this rule file instead of the built-in skill map (repeatable: files are merged).
    #[arg(long = "rules", value_name = "FILE")]
    pub rules: Vec<PathBuf>,
    /// Site profiles to add to the built-in ones (repeatable), as for `score`.
    #[arg(long = "sites", value_name = "FILE")]
    pub sites: Vec<PathBuf>,
    /// When to highlight hits with colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Candidate profile (TOML): also explain how well the posting fits it.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// Candidate résumé: also explain how well the posting fits the profile it shows.
    #[arg(long, value_name = "FILE", conflicts_with = "profile")]
    pub resume: Option<PathBuf>,
    /// How a URL is fetched.
    #[command(flatten)]
    pub fetch: FetchArgs,
}

/// Options of `jobfit profile`.
#[derive(Debug, Args)]
pub struct ProfileArgs {
    /// The résumé: Markdown, plain text, HTML, JSON Resume (.json), PDF or DOCX.
    #[arg(value_name = "FILE")]
    pub resume: PathBuf,
    /// Use this rule file instead of the built-in skill map (repeatable: files are merged).
    #[arg(long = "rules", value_name = "FILE")]
    pub rules: Vec<PathBuf>,
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
    /// Validate rule files and check their examples: exit 0 when they load and every example
    /// and counter-example holds, 1 when one does not, 2 when a file does not load. Excludes
    /// that no counter-example needs are warnings.
    Check {
        /// A rule file to check (repeatable: files are merged); the built-in skill map when no
        /// file is given.
        #[arg(long = "rules", value_name = "FILE")]
        rules: Vec<PathBuf>,
        /// More rule files to check, as `--rules` would.
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}
