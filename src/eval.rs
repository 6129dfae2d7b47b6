//! Accuracy: the matcher against hand labels, per (posting, skill) pair.
//!
//! Labels live in TOML files (`tests/fixtures/labels/*.toml`), one `[[posting]]` table per
//! labelled posting with the skill ids a careful human reader found at each level:
//!
//! ```toml
//! [[posting]]
//! file = "postings/hn-rust-9472163.html"   # relative to the fixtures directory
//! source = "corpus/hn/rust-posts-2014-2018.json record 3"
//! required = ["rust"]
//! preferred = []
//! mentioned = ["security"]
//! notes = "hard calls"
//! ```
//!
//! [`evaluate`] runs the real pipeline on every labelled posting and counts true positives,
//! false positives and false negatives per category and overall; `bench/accuracy` prints them.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::analysis;
use crate::extract::Format;
use crate::matcher::{Level, Matcher};

/// One hand-labelled posting.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelledPosting {
    /// The posting's file, relative to the fixtures directory.
    pub file: String,
    /// Where the posting comes from.
    #[serde(default)]
    pub source: String,
    /// Skills the posting requires.
    #[serde(default)]
    pub required: Vec<String>,
    /// Skills it prefers.
    #[serde(default)]
    pub preferred: Vec<String>,
    /// Skills it only mentions.
    #[serde(default)]
    pub mentioned: Vec<String>,
    /// The labeller's notes on hard calls.
    #[serde(default)]
    pub notes: String,
}

impl LabelledPosting {
    /// Every labelled skill with its level.
    pub fn skills(&self) -> impl Iterator<Item = (&str, Level)> {
        let required = self
            .required
            .iter()
            .map(|id| (id.as_str(), Level::Required));
        let preferred = self
            .preferred
            .iter()
            .map(|id| (id.as_str(), Level::Preferred));
        let mentioned = self
            .mentioned
            .iter()
            .map(|id| (id.as_str(), Level::Mentioned));
        required.chain(preferred).chain(mentioned)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LabelFile {
    posting: Vec<LabelledPosting>,
}

/// Why an evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A label file or posting could not be read.
    #[error("{path}: {message}")]
    Read {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// A label names a skill the rules do not define.
    #[error("{file}: unknown skill id {skill:?} in labels")]
    UnknownSkill {
        /// The labelled posting.
        file: String,
        /// The id.
        skill: String,
    },
}

/// True positives, false positives and false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Skills found and labelled.
    pub true_positives: usize,
    /// Skills found but not labelled.
    pub false_positives: usize,
    /// Skills labelled but not found.
    pub false_negatives: usize,
}

impl Counts {
    /// tp / (tp + fp); 1 when nothing was found.
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    /// tp / (tp + fn); 1 when nothing was labelled.
    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: Counts) {
        self.true_positives += other.true_positives;
        self.false_positives += other.false_positives;
        self.false_negatives += other.false_negatives;
    }
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

/// A disagreement between the matcher and the labels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    /// The posting's file.
    pub file: String,
    /// The skill id.
    pub skill: String,
    /// True: found but not labelled; false: labelled but not found.
    pub false_positive: bool,
    /// The matcher's evidence for a false positive.
    pub evidence: String,
}

/// The result of an evaluation.
#[derive(Debug, Clone, Default)]
pub struct AccuracyReport {
    /// Postings evaluated.
    pub postings: usize,
    /// Counts per category, in rule-set order: (category id, counts).
    pub categories: Vec<(String, Counts)>,
    /// Counts over all pairs.
    pub overall: Counts,
    /// True positives whose level agrees with the label.
    pub level_agreements: usize,
    /// Every disagreement, for tuning.
    pub disagreements: Vec<Disagreement>,
}

/// Reads every `*.toml` label file of `dir`, in file-name order.
pub fn load_labels(dir: &Path) -> Result<Vec<LabelledPosting>, EvalError> {
    let read_err = |path: &Path, e: &dyn std::fmt::Display| EvalError::Read {
        path: path.to_path_buf(),
        message: e.to_string(),
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| read_err(dir, &e))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).map_err(|e| read_err(&path, &e))?;
        let parsed: LabelFile = toml::from_str(&text).map_err(|e| read_err(&path, &e))?;
        out.extend(parsed.posting);
    }
    Ok(out)
}

/// Runs the matcher on every labelled posting (files relative to `fixtures`) and compares.
pub fn evaluate(
    matcher: &Matcher,
    fixtures: &Path,
    labels: &[LabelledPosting],
) -> Result<AccuracyReport, EvalError> {
    let rules = matcher.rules();
    let mut per_category = vec![Counts::default(); rules.categories.len()];
    let mut report = AccuracyReport::default();
    for labelled in labels {
        let path = fixtures.join(&labelled.file);
        let format = Format::from_path(&path).unwrap_or(Format::Text);
        let bytes = std::fs::read(&path).map_err(|e| EvalError::Read {
            path: path.clone(),
            message: e.to_string(),
        })?;
        let (_, matches, _) =
            analysis::analyze_bytes(matcher, &bytes, format).map_err(|e| EvalError::Read {
                path: path.clone(),
                message: e.to_string(),
            })?;
        let mut expected: Vec<Option<Level>> = vec![None; rules.skills.len()];
        for (id, level) in labelled.skills() {
            let index = rules
                .skills
                .iter()
                .position(|s| s.id == id)
                .ok_or_else(|| EvalError::UnknownSkill {
                    file: labelled.file.clone(),
                    skill: id.to_owned(),
                })?;
            if let Some(expected) = expected.get_mut(index) {
                *expected = (*expected).max(Some(level));
            }
        }
        for ((index, skill), expected) in rules.skills.iter().enumerate().zip(&expected) {
            let Some(counts) = per_category.get_mut(skill.category) else {
                continue;
            };
            let got = matches.skills.iter().find(|m| m.skill == index);
            match (*expected, got) {
                (Some(level), Some(m)) => {
                    counts.true_positives += 1;
                    if m.level == level {
                        report.level_agreements += 1;
                    }
                }
                (None, Some(m)) => {
                    counts.false_positives += 1;
                    report.disagreements.push(Disagreement {
                        file: labelled.file.clone(),
                        skill: skill.id.clone(),
                        false_positive: true,
                        evidence: m.evidence.clone(),
                    });
                }
                (Some(_), None) => {
                    counts.false_negatives += 1;
                    report.disagreements.push(Disagreement {
                        file: labelled.file.clone(),
                        skill: skill.id.clone(),
                        false_positive: false,
                        evidence: String::new(),
                    });
                }
                (None, None) => {}
            }
        }
        report.postings += 1;
    }
    for counts in &per_category {
        report.overall.add(*counts);
    }
    report.categories = rules
        .categories
        .iter()
        .map(|c| c.id.clone())
        .zip(per_category)
        .collect();
    Ok(report)
}

/// Prints the report as a table; with `verbose`, every disagreement too.
pub fn write_report<W: Write>(
    out: &mut W,
    report: &AccuracyReport,
    verbose: bool,
) -> io::Result<()> {
    writeln!(
        out,
        "{:<14} {:>5} {:>5} {:>5} {:>9} {:>9} {:>9}",
        "category", "tp", "fp", "fn", "precision", "recall", "f1"
    )?;
    let rows = report
        .categories
        .iter()
        .map(|(id, c)| (id.as_str(), c))
        .chain(std::iter::once(("overall", &report.overall)));
    for (id, c) in rows {
        writeln!(
            out,
            "{:<14} {:>5} {:>5} {:>5} {:>9.3} {:>9.3} {:>9.3}",
            id,
            c.true_positives,
            c.false_positives,
            c.false_negatives,
            c.precision(),
            c.recall(),
            c.f1()
        )?;
    }
    writeln!(
        out,
        "{} postings; level agrees with the label on {} of {} true positives",
        report.postings, report.level_agreements, report.overall.true_positives
    )?;
    if verbose {
        for d in &report.disagreements {
            let kind = if d.false_positive { "FP" } else { "FN" };
            writeln!(out, "{kind} {:<28} {} {}", d.skill, d.file, d.evidence)?;
        }
    }
    Ok(())
}
