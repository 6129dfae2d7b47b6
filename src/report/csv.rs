//! The CSV tables: postings, matches and the rule listing (the summary and pairs tables are
//! written from a [`Tally`](super::Tally)).
//!
//! One function ([`writer`]) configures every CSV writer, so quoting and line endings are the
//! same in every table, and every row goes through `Row`, so every text cell is made
//! spreadsheet-safe in one place ([`spreadsheet_safe`]).

use std::borrow::Cow;
use std::io::Write;

use crate::candidate::Fit;
use crate::matcher::Level;
use crate::row::{FetchInfo, Outcome};
use crate::rules::RuleSet;

use super::{one_decimal, status};

/// Makes a text cell safe to open in a spreadsheet: a cell that begins with `=`, `+`, `-`, `@`,
/// a tab or a carriage return gets a leading apostrophe, so that Excel, LibreOffice and Google
/// Sheets show it as text instead of running it as a formula (OWASP, "CSV Injection"). Titles,
/// companies and evidence come from strangers' web pages.
pub fn spreadsheet_safe(text: &str) -> Cow<'_, str> {
    match text.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

/// One cell of a table record, typed, so that every table (the CSV files and the sheets of the
/// workbook) is built from the very same records.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    /// No value.
    Empty,
    /// Text as it is; the CSV writer escapes it with [`spreadsheet_safe`].
    Text(String),
    /// Text that is an http(s) URL, shown as it is and linked to itself where a link can be.
    Link(String),
    /// A number as the CSV writes it (`12.5`, `150000`; never negative, so never mistaken for
    /// a formula); empty when there is none.
    Number(String),
}

impl Cell {
    /// The cell as the CSV writes it.
    pub(crate) fn csv(&self) -> Cow<'_, str> {
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(text) | Cell::Link(text) => spreadsheet_safe(text),
            Cell::Number(number) => Cow::Borrowed(number),
        }
    }
}

/// Whether `text` is an http(s) URL (the source, url and final_url cells that can be links).
pub(crate) fn is_web_url(text: &str) -> bool {
    let lower = |n: usize| text.get(..n).map(str::to_ascii_lowercase);
    lower(7).as_deref() == Some("http://") || lower(8).as_deref() == Some("https://")
}

/// One record under construction: typed cells, written as CSV (text cells escaped with
/// [`spreadsheet_safe`], numbers as they are) or as the cells of a sheet.
#[derive(Debug, Default)]
pub(crate) struct Row(Vec<Cell>);

impl Row {
    pub(crate) fn with_capacity(width: usize) -> Row {
        Row(Vec::with_capacity(width))
    }

    pub(crate) fn text(&mut self, text: &str) {
        self.0.push(Cell::Text(text.to_owned()));
    }

    /// A source or URL: a link when it is an http(s) URL, text otherwise.
    pub(crate) fn link(&mut self, text: &str) {
        self.0.push(if is_web_url(text) {
            Cell::Link(text.to_owned())
        } else {
            Cell::Text(text.to_owned())
        });
    }

    /// A number (never negative in our tables, so never mistaken for a formula).
    pub(crate) fn number(&mut self, number: String) {
        self.0.push(Cell::Number(number));
    }

    fn empty(&mut self) {
        self.0.push(Cell::Empty);
    }

    fn pad(&mut self, width: usize) {
        self.0.resize(width, Cell::Empty);
    }

    /// The cells, in column order.
    pub(crate) fn cells(&self) -> &[Cell] {
        &self.0
    }

    pub(crate) fn write<W: Write>(&self, csv: &mut ::csv::Writer<W>) -> ::csv::Result<()> {
        csv.write_record(self.0.iter().map(|cell| cell.csv().into_owned()))
    }
}

/// Where records go: a CSV writer, or a sheet of the workbook.
pub(crate) trait Sink {
    /// Why a record could not be written.
    type Error;

    /// Writes one record.
    fn record(&mut self, row: &Row) -> Result<(), Self::Error>;
}

impl<W: Write> Sink for ::csv::Writer<W> {
    type Error = ::csv::Error;

    fn record(&mut self, row: &Row) -> ::csv::Result<()> {
        row.write(self)
    }
}

/// The header record of a table: its column names, as text.
pub(crate) fn header_row(names: &[String]) -> Row {
    let mut row = Row::with_capacity(names.len());
    for name in names {
        row.text(name);
    }
    row
}

pub(crate) fn header<S: Sink>(sink: &mut S, names: &[String]) -> Result<(), S::Error> {
    sink.record(&header_row(names))
}

fn ids(rules: &RuleSet, skills: impl IntoIterator<Item = usize>) -> String {
    let ids: Vec<&str> = skills
        .into_iter()
        .filter_map(|s| rules.skill(s).map(|s| s.id.as_str()))
        .collect();
    ids.join(";")
}

/// A CSV writer with the project's settings (RFC 4180 quoting, `\n` line ends).
pub fn writer<W: Write>(out: W) -> ::csv::Writer<W> {
    ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(out)
}

/// The columns of the postings table that say how a URL was fetched.
pub const FETCH_COLUMNS: [&str; 5] = [
    "url",
    "final_url",
    "http_status",
    "fetched_at",
    "from_cache",
];

/// The columns of the postings table that describe the posting (after the fetch columns).
pub const METADATA_COLUMNS: [&str; 13] = [
    "location",
    "remote",
    "employment_type",
    "date_posted",
    "valid_through",
    "salary_min",
    "salary_max",
    "salary_currency",
    "salary_period",
    "experience_years",
    "seniority",
    "language",
    "duplicate_of",
];

/// The candidate-fit columns of the postings table (with `--profile`), after all others.
pub const FIT_COLUMNS: [&str; 4] = [
    "fit",
    "missing_required",
    "missing_preferred",
    "experience_gap",
];

/// The cells of [`FETCH_COLUMNS`]: empty for files; `fetched_at` in RFC 3339 (UTC, seconds).
pub fn fetch_cells(fetch: Option<&FetchInfo>) -> [String; 5] {
    let Some(fetch) = fetch else {
        return Default::default();
    };
    [
        fetch.url.clone(),
        fetch.final_url.clone().unwrap_or_default(),
        fetch.http_status.map(|s| s.to_string()).unwrap_or_default(),
        fetch
            .fetched_at
            .map(|t| humantime::format_rfc3339_seconds(t).to_string())
            .unwrap_or_default(),
        fetch.from_cache.to_string(),
    ]
}

/// The cells of [`METADATA_COLUMNS`] for a scored posting (empty otherwise); the numbers
/// (`salary_*`, `experience_years`) as numbers, the rest as text.
fn metadata_cells(row: &mut Row, analysis: Option<&crate::row::Analysis>) {
    let Some(analysis) = analysis else {
        for _ in 0..METADATA_COLUMNS.len() {
            row.empty();
        }
        return;
    };
    let meta = &analysis.meta;
    let text = |row: &mut Row, value: Option<&str>| row.text(value.unwrap_or_default());
    text(row, meta.location.as_deref());
    text(row, meta.remote.map(|r| r.as_str()));
    text(row, meta.employment_type.as_deref());
    text(row, meta.date_posted.as_deref());
    text(row, meta.valid_through.as_deref());
    row.number(meta.salary_min.map(super::amount).unwrap_or_default());
    row.number(meta.salary_max.map(super::amount).unwrap_or_default());
    text(row, meta.salary_currency.as_deref());
    text(row, meta.salary_period.as_deref());
    row.number(
        meta.experience_years
            .map(|y| y.to_string())
            .unwrap_or_default(),
    );
    text(row, meta.seniority.map(|s| s.as_str()));
    text(row, meta.language.as_deref());
    text(row, analysis.duplicate_of.as_deref());
}

/// The layout of the postings table: its columns, and how an outcome becomes a record. The
/// CSV writer and the workbook's postings sheet share it, so their cells are the same.
#[derive(Debug, Clone)]
pub(crate) struct PostingsLayout {
    names: Vec<String>,
    fit: bool,
    input: bool,
}

impl PostingsLayout {
    /// The columns (see [`PostingsWriter::with_columns`]).
    pub(crate) fn new(rules: &RuleSet, fit: bool, input: bool) -> Self {
        let mut names: Vec<String> = [
            "source", "status", "error", "title", "company", "words", "score",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        names.extend(rules.categories.iter().map(|c| format!("score_{}", c.id)));
        names.extend(["matched", "required", "preferred", "mentioned"].map(String::from));
        names.extend(FETCH_COLUMNS.map(String::from));
        names.extend(METADATA_COLUMNS.map(String::from));
        if fit {
            names.extend(FIT_COLUMNS.map(String::from));
        }
        if input {
            names.push("input".to_owned());
        }
        PostingsLayout { names, fit, input }
    }

    /// The column names.
    pub(crate) fn names(&self) -> &[String] {
        &self.names
    }

    fn width(&self) -> usize {
        self.names.len()
    }

    /// The columns after the metadata: fit, then input.
    fn tail_width(&self) -> usize {
        (if self.fit { FIT_COLUMNS.len() } else { 0 }) + usize::from(self.input)
    }

    /// The record of one outcome with its fit (the fit columns stay empty when `fit` is `None`
    /// or the table has no fit columns).
    pub(crate) fn row(&self, rules: &RuleSet, outcome: &Outcome, fit: Option<&Fit>) -> Row {
        let mut row = Row::with_capacity(self.width());
        row.link(&outcome.source);
        row.text(status(outcome));
        match &outcome.result {
            Ok(analysis) => {
                row.empty();
                row.text(analysis.meta.title.as_deref().unwrap_or_default());
                row.text(analysis.meta.company.as_deref().unwrap_or_default());
                row.number(analysis.words.to_string());
                row.number(one_decimal(analysis.score.overall));
                for category in &analysis.score.categories {
                    row.number(one_decimal(*category));
                }
                row.number(analysis.skills.len().to_string());
                for level in [Level::Required, Level::Preferred, Level::Mentioned] {
                    let at_level = analysis.skills.iter().filter(|m| m.level == level);
                    row.text(&ids(rules, at_level.map(|m| m.skill)));
                }
            }
            Err(error) => {
                row.text(&error.to_string());
                row.pad(
                    self.width() - FETCH_COLUMNS.len() - METADATA_COLUMNS.len() - self.tail_width(),
                );
            }
        }
        let [url, final_url, http_status, fetched_at, from_cache] =
            fetch_cells(outcome.fetch.as_ref());
        row.link(&url);
        row.link(&final_url);
        row.number(http_status);
        row.text(&fetched_at);
        row.text(&from_cache);
        metadata_cells(&mut row, outcome.result.as_ref().ok());
        if self.fit {
            match (fit, &outcome.result) {
                (Some(fit), Ok(_)) => {
                    row.number(one_decimal(fit.fit));
                    row.text(&ids(rules, fit.missing_required.iter().copied()));
                    row.text(&ids(rules, fit.missing_preferred.iter().copied()));
                    row.number(fit.experience_gap.map(one_decimal).unwrap_or_default());
                }
                _ => row.pad(self.width() - usize::from(self.input)),
            }
        }
        if self.input {
            row.text(&super::input_json(outcome).unwrap_or_default());
        }
        row
    }
}

/// Writes the postings table: one row per input.
pub struct PostingsWriter<W: Write> {
    csv: ::csv::Writer<W>,
    layout: PostingsLayout,
}

impl<W: Write> PostingsWriter<W> {
    /// Starts the table and writes its header.
    ///
    /// Columns: `source, status, error, title, company, words, score, score_<category>...,
    /// matched, required, preferred, mentioned, url, final_url, http_status, fetched_at,
    /// from_cache` (empty for files), then [`METADATA_COLUMNS`] (`location` ...
    /// `duplicate_of`).
    pub fn new(out: W, rules: &RuleSet) -> ::csv::Result<Self> {
        PostingsWriter::with_fit(out, rules, false)
    }

    /// Starts the table, with the candidate-fit columns `fit, missing_required,
    /// missing_preferred` at the end of each row when `fit` is true.
    pub fn with_fit(out: W, rules: &RuleSet, fit: bool) -> ::csv::Result<Self> {
        PostingsWriter::with_columns(out, rules, fit, false)
    }

    /// Starts the table, with the fit columns when `fit` is true and, when `input` is true (the
    /// streaming mode, `--jsonl-in`), a last column `input`: the line's pass-through fields as
    /// a JSON object.
    pub fn with_columns(out: W, rules: &RuleSet, fit: bool, input: bool) -> ::csv::Result<Self> {
        let mut csv = writer(out);
        let layout = PostingsLayout::new(rules, fit, input);
        header(&mut csv, layout.names())?;
        Ok(PostingsWriter { csv, layout })
    }

    /// Writes one row.
    pub fn write(&mut self, rules: &RuleSet, outcome: &Outcome) -> ::csv::Result<()> {
        self.write_with_fit(rules, outcome, None)
    }

    /// Writes one row with its fit (the fit columns stay empty when `fit` is `None` or the
    /// table has no fit columns).
    pub fn write_with_fit(
        &mut self,
        rules: &RuleSet,
        outcome: &Outcome,
        fit: Option<&Fit>,
    ) -> ::csv::Result<()> {
        self.layout.row(rules, outcome, fit).write(&mut self.csv)
    }

    /// Flushes the underlying writer.
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.csv.flush()
    }

    /// Flushes and returns the underlying writer.
    pub fn into_inner(self) -> std::io::Result<W> {
        self.csv.into_inner().map_err(|e| e.into_error())
    }
}

/// The columns of the matches table.
pub(crate) const MATCHES_COLUMNS: [&str; 7] = [
    "source", "skill_id", "skill", "category", "level", "count", "evidence",
];

/// Writes the matches records of one posting (none for a failed input) to `sink`.
pub(crate) fn write_matches<S: Sink>(
    sink: &mut S,
    rules: &RuleSet,
    outcome: &Outcome,
) -> Result<(), S::Error> {
    let Ok(analysis) = &outcome.result else {
        return Ok(());
    };
    for m in &analysis.skills {
        let Some(skill) = rules.skill(m.skill) else {
            continue;
        };
        let mut row = Row::with_capacity(MATCHES_COLUMNS.len());
        row.link(&outcome.source);
        row.text(&skill.id);
        row.text(&skill.name);
        row.text(rules.category_id(skill));
        row.text(m.level.as_str());
        row.number(m.count.to_string());
        row.text(&m.evidence);
        sink.record(&row)?;
    }
    Ok(())
}

/// Writes the matches table: one row per posting and matched skill.
pub struct MatchesWriter<W: Write> {
    csv: ::csv::Writer<W>,
}

impl<W: Write> MatchesWriter<W> {
    /// Starts the table: `source, skill_id, skill, category, level, count, evidence`.
    pub fn new(out: W) -> ::csv::Result<Self> {
        let mut csv = writer(out);
        header(&mut csv, &MATCHES_COLUMNS.map(String::from))?;
        Ok(MatchesWriter { csv })
    }

    /// Writes the rows of one posting (none for a failed input).
    pub fn write(&mut self, rules: &RuleSet, outcome: &Outcome) -> ::csv::Result<()> {
        write_matches(&mut self.csv, rules, outcome)
    }

    /// Flushes the underlying writer.
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.csv.flush()
    }

    /// Flushes and returns the underlying writer.
    pub fn into_inner(self) -> std::io::Result<W> {
        self.csv.into_inner().map_err(|e| e.into_error())
    }
}

/// Writes the skill map: `skill_id, skill, category, kind, weight`.
pub fn write_rules<W: Write>(out: W, rules: &RuleSet) -> ::csv::Result<()> {
    let mut csv = writer(out);
    let names = ["skill_id", "skill", "category", "kind", "weight"].map(String::from);
    header(&mut csv, &names)?;
    for (index, skill) in rules.skills.iter().enumerate() {
        let mut row = Row::with_capacity(5);
        row.text(&skill.id);
        row.text(&skill.name);
        row.text(rules.category_id(skill));
        row.text(rules.kind_of(index).as_str());
        row.number(skill.weight.to_string());
        row.write(&mut csv)?;
    }
    csv.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::extract::Metadata;
    use crate::matcher::SkillMatch;
    use crate::row::Analysis;
    use crate::score::CoverageScore;

    #[test]
    fn formula_openers_get_an_apostrophe() {
        for text in ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(spreadsheet_safe(text), format!("'{text}"));
        }
        for text in ["", "Rust engineer", "1=1", " =x", "'quoted"] {
            assert_eq!(spreadsheet_safe(text), text);
        }
    }

    fn outcome(rules: &RuleSet) -> Outcome {
        let rust = rules.skills.iter().position(|s| s.id == "rust").unwrap();
        Outcome {
            source: "-dash.md".into(),
            fetch: None,
            line: None,
            result: Ok(Analysis {
                technologies: Vec::new(),
                headline: None,
                meta: Metadata {
                    title: Some("=HYPERLINK(\"http://x\",\"y\")".into()),
                    company: Some("@corp".into()),
                    ..Metadata::default()
                },
                words: 10,
                skills: vec![SkillMatch {
                    skill: rust,
                    level: Level::Required,
                    count: 2,
                    evidence: "+ Rust, must".into(),
                }],
                score: CoverageScore {
                    overall: 12.5,
                    categories: vec![0.0; rules.categories.len()],
                },
                warnings: Vec::new(),
                signature: None,
                duplicate_of: None,
            }),
        }
    }

    #[test]
    fn every_text_cell_of_every_table_is_escaped() {
        let rules = RuleSet::default_rules().unwrap();
        let outcome = outcome(&rules);
        let mut out = Vec::new();
        let mut postings = PostingsWriter::with_fit(&mut out, &rules, true).unwrap();
        let fit = Fit {
            fit: 50.0,
            missing_required: vec![],
            missing_preferred: vec![],
            ..Fit::default()
        };
        postings
            .write_with_fit(&rules, &outcome, Some(&fit))
            .unwrap();
        postings.flush().unwrap();
        drop(postings);
        let text = String::from_utf8(out).unwrap();
        let row = text.lines().nth(1).unwrap();
        assert!(
            row.starts_with(
                "'-dash.md,ok,,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'@corp,10,12.5,"
            ),
            "{row}"
        );
        assert!(
            text.lines()
                .next()
                .unwrap()
                .ends_with(",fit,missing_required,missing_preferred,experience_gap")
        );
        assert!(row.ends_with(",50.0,,,"), "{row}");

        let mut out = Vec::new();
        let mut matches = MatchesWriter::new(&mut out).unwrap();
        matches.write(&rules, &outcome).unwrap();
        matches.flush().unwrap();
        drop(matches);
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("'-dash.md,rust,"), "{text}");
        assert!(text.ends_with(",required,2,\"'+ Rust, must\"\n"), "{text}");
    }

    #[test]
    fn sources_and_urls_are_links_only_when_they_are_web_urls() {
        assert!(is_web_url("https://example.com/x"));
        assert!(is_web_url("HTTP://example.com/"));
        for text in [
            "",
            "http:/x",
            "ftp://example.com",
            "postings/a.md",
            "-https://x",
        ] {
            assert!(!is_web_url(text), "{text}");
        }
        let mut row = Row::with_capacity(3);
        row.link("https://example.com/=x");
        row.link("-dash.md");
        row.number(String::new());
        assert_eq!(
            row.cells(),
            [
                Cell::Link("https://example.com/=x".into()),
                Cell::Text("-dash.md".into()),
                Cell::Number(String::new()),
            ]
        );
        let csv: Vec<_> = row.cells().iter().map(Cell::csv).collect();
        assert_eq!(csv, ["https://example.com/=x", "'-dash.md", ""]);
    }

    #[test]
    fn error_rows_are_padded_to_the_full_width() {
        let rules = RuleSet::default_rules().unwrap();
        let outcome = Outcome {
            source: "x.md".into(),
            fetch: None,
            result: Err(crate::row::InputError::NotFound),
            line: None,
        };
        let mut out = Vec::new();
        let mut postings = PostingsWriter::with_fit(&mut out, &rules, true).unwrap();
        postings.write(&rules, &outcome).unwrap();
        let out = postings.into_inner().unwrap();
        let text = String::from_utf8(out.clone()).unwrap();
        let widths: Vec<usize> = text.lines().map(|l| l.split(',').count()).collect();
        assert_eq!(widths[0], widths[1], "{text}");
        assert!(text.contains("x.md,error,no such file or directory,"));
    }
}
