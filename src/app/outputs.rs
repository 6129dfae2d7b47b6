//! The outputs of `jobfit score`: the postings table (CSV or JSON lines, to a file or stdout),
//! the matches, summary and pairs tables, the workbook and the HTML report, with the candidate
//! fit of each row.
//!
//! Every file is an [`AtomicFile`], created before the first posting is read (a bad path fails
//! the run with nothing written) and renamed into place only when the run has written all of
//! it. Rows stream straight through unless `--sort` or `--html` needs all of them first.

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::candidate::{self, CandidateProfile, Fit};
use crate::cli::{OutputFormat, ScoreArgs, SortKey};
use crate::dedup::Index;
use crate::output::{self, AtomicFile};
use crate::report::{
    self, HtmlOptions, JsonlWriter, MatchesWriter, PostingsWriter, ReportRow, Tally, WorkbookWriter,
};
use crate::row::Outcome;
use crate::rules::RuleSet;

/// Written first in every CSV file with `--excel`.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Where the postings go: standard output, or a file that appears when complete.
enum Destination<'a> {
    Stdout(&'a mut dyn Write),
    File(AtomicFile),
}

impl Destination<'_> {
    fn commit(self) -> Result<()> {
        match self {
            Destination::Stdout(out) => Ok(out.flush()?),
            Destination::File(file) => Ok(file.commit()?),
        }
    }
}

impl Write for Destination<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Destination::Stdout(out) => out.write(buf),
            Destination::File(file) => file.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Destination::Stdout(out) => out.flush(),
            Destination::File(file) => file.flush(),
        }
    }
}

enum Postings<'a> {
    Csv(Box<PostingsWriter<Destination<'a>>>),
    Jsonl(JsonlWriter<Destination<'a>>),
}

/// One scored input with its fit.
type Row = (Outcome, Option<Fit>);

/// Every output of one `score` run.
pub(crate) struct ScoreOutputs<'a> {
    rules: &'a RuleSet,
    profile: Option<CandidateProfile>,
    postings: Postings<'a>,
    matches: Option<MatchesWriter<AtomicFile>>,
    /// Skill demand by group and skill pairs: the summary, the pairs and the report read it.
    tally: Tally,
    /// Skill demand by month, for the report.
    months: Tally,
    summary_file: Option<AtomicFile>,
    pairs_file: Option<(AtomicFile, usize)>,
    html: Option<(AtomicFile, PathBuf)>,
    /// With `--xlsx`: the workbook, its file and the `--min-pairs` of its pairs sheet.
    xlsx: Option<(WorkbookWriter, AtomicFile, usize)>,
    sort: Option<SortKey>,
    /// All rows, when they must be seen before any is written.
    held: Option<Vec<Row>>,
    /// The best score (or fit with a profile) of a scored posting, rounded as shown.
    best: Option<f64>,
    /// With `--dedup`: the postings seen, and the source of each scored row in `add` order.
    dedup: Option<(Index, Vec<String>)>,
}

fn create(path: &std::path::Path, bom: bool) -> Result<AtomicFile> {
    let mut file = AtomicFile::create(path)?;
    if bom {
        file.write_all(UTF8_BOM)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(file)
}

impl<'a> ScoreOutputs<'a> {
    /// Creates every output file of `args` (postings to `stdout` without `-o`).
    pub(crate) fn open(
        args: &ScoreArgs,
        rules: &'a RuleSet,
        profile: Option<CandidateProfile>,
        stdout: &'a mut dyn Write,
    ) -> Result<ScoreOutputs<'a>> {
        let csv_bom = args.excel && args.output_format() == OutputFormat::Csv;
        let mut destination = match args.output.as_deref() {
            Some(path) => Destination::File(create(path, csv_bom)?),
            None => Destination::Stdout(stdout),
        };
        let matches = match args.matches.as_deref() {
            Some(path) => Some(MatchesWriter::new(create(path, args.excel)?)?),
            None => None,
        };
        report::tally::check_groups(&args.by, args.jsonl_in.is_some())?;
        let pairs_file = args
            .pairs
            .as_deref()
            .map(|path| create(path, args.excel).map(|file| (file, args.min_pairs)))
            .transpose()?;
        let summary_file = args
            .summary
            .as_deref()
            .map(|path| create(path, args.excel))
            .transpose()?;
        let html = match args.html.as_deref() {
            Some(path) => Some((AtomicFile::create(path)?, path.to_owned())),
            None => None,
        };
        let with_fit = profile.is_some();
        let streaming = args.jsonl_in.is_some();
        let xlsx = match args.xlsx.as_deref() {
            Some(path) => {
                let file = AtomicFile::create(path)?;
                let book = WorkbookWriter::new(rules, with_fit, streaming)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                Some((book, file, args.min_pairs))
            }
            None => None,
        };
        let postings = match args.output_format() {
            OutputFormat::Csv => {
                if csv_bom && args.output.is_none() {
                    destination.write_all(UTF8_BOM)?;
                }
                Postings::Csv(Box::new(PostingsWriter::with_columns(
                    destination,
                    rules,
                    with_fit,
                    streaming,
                )?))
            }
            OutputFormat::Jsonl => {
                Postings::Jsonl(JsonlWriter::new(destination, with_fit).with_input(streaming))
            }
        };
        let held = (args.sort.is_some() || html.is_some()).then(Vec::new);
        Ok(ScoreOutputs {
            rules,
            profile,
            postings,
            matches,
            tally: Tally::new(rules, &args.by),
            months: Tally::new(rules, &["month".to_owned()]),
            summary_file,
            pairs_file,
            html,
            xlsx,
            sort: args.sort,
            held,
            best: None,
            dedup: args.dedup.then(|| (Index::new(), Vec::new())),
        })
    }

    /// Adds one input's outcome: written now, or held until [`ScoreOutputs::finish`].
    pub(crate) fn add(&mut self, mut outcome: Outcome) -> Result<()> {
        if let (Some((index, sources)), Ok(analysis)) = (self.dedup.as_mut(), &mut outcome.result)
            && let Some(signature) = analysis.signature.take()
        {
            analysis.duplicate_of = index
                .add(signature)
                .and_then(|first| sources.get(first).cloned());
            sources.push(outcome.source.clone());
        }
        // A duplicate is the same posting again: the summary counts it once.
        let duplicate = outcome
            .result
            .as_ref()
            .is_ok_and(|a| a.duplicate_of.is_some());
        if !duplicate {
            self.tally.add(&outcome);
            if self.html.is_some() {
                self.months.add(&outcome);
            }
        }
        let fit = match (&self.profile, &outcome.result) {
            (Some(profile), Ok(analysis)) => Some(candidate::Fit {
                experience_gap: candidate::fit::experience_gap(
                    profile,
                    analysis.meta.experience_years,
                ),
                ..candidate::fit(
                    self.rules,
                    profile,
                    analysis.headline.as_deref(),
                    &analysis.skills,
                    &analysis.technologies,
                )
            }),
            _ => None,
        };
        if let Ok(analysis) = &outcome.result {
            let value = match &fit {
                Some(fit) => fit.fit,
                None => analysis.score.overall,
            };
            let shown = report::round1(value);
            self.best = Some(self.best.map_or(shown, |best| best.max(shown)));
        }
        match self.held.as_mut() {
            Some(held) => held.push((outcome, fit)),
            None => self.write_row(&outcome, fit.as_ref())?,
        }
        Ok(())
    }

    fn write_row(&mut self, outcome: &Outcome, fit: Option<&Fit>) -> Result<()> {
        match &mut self.postings {
            Postings::Csv(writer) => writer.write_with_fit(self.rules, outcome, fit)?,
            Postings::Jsonl(writer) => writer.write(self.rules, outcome, fit)?,
        }
        if let Some(writer) = self.matches.as_mut() {
            writer.write(self.rules, outcome)?;
        }
        if let Some((book, file, _)) = self.xlsx.as_mut() {
            book.write(self.rules, outcome, fit)
                .with_context(|| format!("cannot write {}", file.path().display()))?;
        }
        Ok(())
    }

    /// Writes the held rows (sorted with `--sort`), the summary and the HTML report, and puts
    /// every file in place. Returns the best score (or fit) of a scored posting.
    pub(crate) fn finish(mut self) -> Result<Option<f64>> {
        if let Some(mut rows) = self.held.take() {
            if let Some(key) = self.sort {
                sort_rows(&mut rows, key);
            }
            for (outcome, fit) in &rows {
                self.write_row(outcome, fit.as_ref())?;
            }
            if let Some((mut file, path)) = self.html.take() {
                let links: Vec<String> = rows
                    .iter()
                    .map(|(outcome, _)| output::source_link(&outcome.source, &path))
                    .collect();
                let report_rows: Vec<ReportRow<'_>> = rows
                    .iter()
                    .zip(&links)
                    .map(|((outcome, fit), link)| ReportRow {
                        outcome,
                        fit: fit.as_ref(),
                        link,
                    })
                    .collect();
                let options = HtmlOptions {
                    profile: self.profile.as_ref().map(|p| {
                        p.skills()
                            .filter_map(|s| self.rules.skill(s).map(|s| s.id.clone()))
                            .collect()
                    }),
                    ..HtmlOptions::default()
                };
                let tallies = report::Tallies {
                    demand: &self.tally,
                    months: &self.months,
                };
                report::write_html(&mut file, self.rules, &report_rows, tallies, &options)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                file.commit()?;
            }
        }
        match self.postings {
            Postings::Csv(writer) => writer.into_inner()?.commit()?,
            Postings::Jsonl(writer) => writer.into_inner()?.commit()?,
        }
        if let Some(writer) = self.matches {
            writer.into_inner()?.commit()?;
        }
        if let Some((mut file, min)) = self.pairs_file {
            report::write_pairs(&mut file, self.rules, &self.tally, min)?;
            file.commit()?;
        }
        if let Some(mut file) = self.summary_file {
            report::write_summary(&mut file, self.rules, &self.tally)?;
            file.commit()?;
        }
        if let Some((book, mut file, min)) = self.xlsx {
            book.finish(&mut file, self.rules, &self.tally, min)
                .with_context(|| format!("cannot write {}", file.path().display()))?;
            file.commit()?;
        }
        Ok(self.best)
    }
}

/// Highest first; rows without the value (failed inputs) last; ties keep the input order.
fn sort_rows(rows: &mut [Row], key: SortKey) {
    let value = |row: &Row| -> Option<f64> {
        let analysis = row.0.result.as_ref().ok()?;
        match key {
            SortKey::Score => Some(analysis.score.overall),
            SortKey::Fit => row.1.as_ref().map(|f| f.fit),
        }
    };
    rows.sort_by(|a, b| match (value(a), value(b)) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
}
