//! jobfit reads job postings, finds which skills of a skill map each one asks for, and scores
//! how much of the map each posting covers.
//!
//! # Why it is built this way
//!
//! Data flows one way, and each stage owns one job:
//!
//! ```text
//! input -> fetch (URLs only) -> extract -> match -> score -> report
//! ```
//!
//! - [`input`] turns what the user pointed at (URLs, files, directories, lists on stdin or in
//!   files) into an ordered list of postings to read; bad inputs stay in the list as failures.
//! - [`fetch`] is the only asynchronous stage: one shared HTTP client with overall and per-host
//!   limits, retries, robots.txt, an on-disk cache and wall detection. It hands owned bytes on
//!   and never parses HTML.
//! - [`boards`] answers job-board and ATS URLs (Greenhouse, Lever, Ashby, Workday,
//!   SmartRecruiters, Workable, Recruitee, Personio, hh.ru) from their APIs: it recognises the
//!   URLs, fetches through the fetch stage's client and reads the answers into postings for the
//!   extract stage; it also finds the many postings of a saved JSON list.
//! - [`extract`] turns bytes into a [`extract::Posting`]: decoded text in blocks (headings,
//!   paragraphs, list items), metadata (a web page's title, company and location from generic
//!   evidence and the site profiles of `sites/job-sites.toml`), and sections classified as
//!   requirements, nice to have, benefits, about the company... It is pure and synchronous.
//! - [`language`] is what jobfit knows of each language, as data (`rules/languages/*.toml`):
//!   section headings, level cues and word forms (stemming). Both [`extract`] and [`matcher`]
//!   read it; it reads nothing of theirs.
//! - [`rules`] loads rule files strictly into a [`rules::RuleSet`]; [`matcher`] compiles it once
//!   (one trie of every literal; regexes run where their trigger literals occur) and finds hits
//!   with a verdict and a level. Pure, synchronous, linear in the text.
//! - [`score`] is arithmetic over matched skills and weights; [`dedup`] finds near-duplicate
//!   postings (MinHash signatures of the text, LSH bands), for `--dedup`.
//! - [`row`] is the contract every output shares: one [`row::Outcome`] per input, with its
//!   status, fetch details and analysis or error. [`analysis`] takes one posting through the
//!   pure stages to its row.
//! - [`report`] writes CSV tables, JSON lines, the HTML report and a candidate's fit over any
//!   `io::Write`; [`candidate`] reads a candidate's résumé or profile and computes their fit
//!   to a posting; [`output`] makes output files appear atomically; [`escape`] escapes text
//!   for HTML (a leaf both extract and report use).
//! - [`app`] wires them for each command: an ordered stream of inputs on a tokio runtime,
//!   fetching concurrently and handing the CPU work to a rayon pool, with progress and output
//!   files; the binary only parses the command line and maps the outcome to an exit code.
//!
//! A failing posting is a row with its error, never a reason to stop a batch: hostile input
//! (binary, huge, deeply nested, a FIFO...) gives an error row or a score in bounded time and
//! memory, and the library has no `unwrap`, `expect` or indexing that input can make panic.
//! `fuzzing` (the entry points of the fuzz targets in `fuzz/`) and `eval` (the accuracy
//! evaluation) are test oracles, built only with the `oracles` feature. The library never prints.

pub mod analysis;
pub mod app;
pub mod boards;
pub mod candidate;
pub mod cli;
pub mod dedup;
pub mod escape;
#[cfg(feature = "oracles")]
pub mod eval;
pub mod extract;
pub mod fetch;
#[cfg(feature = "oracles")]
pub mod fuzzing;
pub mod generate;
pub mod input;
pub mod language;
pub mod matcher;
pub mod output;
pub mod report;
pub mod row;
pub mod rules;
pub mod score;

pub use analysis::analyze_bytes;
pub use extract::{Format, Posting};
pub use matcher::{Level, Matcher, SkillMatch};
pub use row::{Analysis, Outcome, Status};
pub use rules::RuleSet;
pub use score::CoverageScore;
