//! The analyst's numbers: skill demand, overall or by group (`--by`), and which skills come
//! together (`--pairs`), counted once from the rows and read by every table and the report.
//!
//! A [`Tally`] is fed the rows of a run in order. It counts scored postings only, and under
//! `--dedup` each distinct posting once (a near-duplicate row is not added), so the summary
//! table, the pairs table, the workbook and the HTML report, which all read the same tally,
//! agree on every figure. Groups are keyed by the values of the `--by` columns (a postings
//! column, `month` or `year` of `date_posted`, or a field passed through from `--jsonl-in`, by
//! its name or a dotted path such as `meta.market`); an unknown value is an empty cell.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;
use std::io::Write;

use crate::matcher::Level;
use crate::row::{Analysis, Outcome};
use crate::rules::RuleSet;

use super::csv::{Row, Sink, header, writer};
use super::one_decimal;

/// The postings columns `--by` can group by, besides `month`, `year` and pass-through fields.
pub const GROUP_COLUMNS: [&str; 13] = [
    "company",
    "title",
    "location",
    "remote",
    "employment_type",
    "date_posted",
    "valid_through",
    "salary_currency",
    "salary_period",
    "experience_years",
    "seniority",
    "language",
    "source",
];

/// Columns derived from `date_posted`: its month (`2024-06`) and year (`2024`).
pub const DATE_GROUPS: [&str; 2] = ["month", "year"];

/// Why a `--by` column cannot be used.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum GroupError {
    /// Not a column of the postings table, and there are no pass-through fields to look in.
    #[error(
        "--by {column}: not a postings column ({known}, month, year); fields of your own pass \
         through only with --jsonl-in",
        column = .0,
        known = GROUP_COLUMNS.join(", ")
    )]
    Unknown(String),
}

/// Checks the `--by` columns before a run: each is a postings column, `month` or `year`, or
/// (only when `streaming`, with `--jsonl-in`) the name of a pass-through field.
pub fn check_groups(by: &[String], streaming: bool) -> Result<(), GroupError> {
    for column in by {
        let known =
            GROUP_COLUMNS.contains(&column.as_str()) || DATE_GROUPS.contains(&column.as_str());
        if !known && !streaming {
            return Err(GroupError::Unknown(column.clone()));
        }
    }
    Ok(())
}

/// Postings of one group: how many were counted, and per skill at each level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupCounts {
    /// Postings counted in the group.
    pub postings: usize,
    /// Per skill (rule order): postings asking for it at level required, preferred, mentioned.
    pub skills: Vec<[usize; 3]>,
}

impl GroupCounts {
    fn new(skills: usize) -> Self {
        GroupCounts {
            postings: 0,
            skills: vec![[0; 3]; skills],
        }
    }

    /// Postings of the group asking for `skill` at any level.
    pub fn asking(&self, skill: usize) -> usize {
        self.skills.get(skill).map_or(0, |c| c.iter().sum())
    }
}

/// Skill demand of a run, by group, and the skills that come together.
#[derive(Debug, Clone)]
pub struct Tally {
    by: Vec<String>,
    skills: usize,
    groups: BTreeMap<Vec<String>, GroupCounts>,
    overall: GroupCounts,
    /// Postings asking for both skills of an (a, b) pair, a < b.
    pairs: FxHashMap<(usize, usize), usize>,
}

impl Tally {
    /// An empty tally for the skills of `rules`, grouped by the `by` columns (none: one group).
    pub fn new(rules: &RuleSet, by: &[String]) -> Self {
        Tally {
            by: by.to_vec(),
            skills: rules.skills.len(),
            groups: BTreeMap::new(),
            overall: GroupCounts::new(rules.skills.len()),
            pairs: FxHashMap::default(),
        }
    }

    /// Adds one row. Rows that were not scored are not counted; the caller leaves out
    /// near-duplicates under `--dedup`.
    pub fn add(&mut self, outcome: &Outcome) {
        let Ok(analysis) = &outcome.result else {
            return;
        };
        let key: Vec<String> = self
            .by
            .iter()
            .map(|column| group_value(outcome, analysis, column))
            .collect();
        let skills = self.skills;
        let group = self
            .groups
            .entry(key)
            .or_insert_with(|| GroupCounts::new(skills));
        for counts in [&mut self.overall, group] {
            counts.postings += 1;
            for m in &analysis.skills {
                let column = match m.level {
                    Level::Required => 0,
                    Level::Preferred => 1,
                    Level::Mentioned => 2,
                };
                if let Some(count) = counts
                    .skills
                    .get_mut(m.skill)
                    .and_then(|c| c.get_mut(column))
                {
                    *count += 1;
                }
            }
        }
        for (i, a) in analysis.skills.iter().enumerate() {
            for b in analysis.skills.iter().skip(i + 1) {
                let pair = (a.skill.min(b.skill), a.skill.max(b.skill));
                *self.pairs.entry(pair).or_insert(0) += 1;
            }
        }
    }

    /// The `--by` columns.
    pub fn by(&self) -> &[String] {
        &self.by
    }

    /// All counted postings together.
    pub fn overall(&self) -> &GroupCounts {
        &self.overall
    }

    /// The groups, by their values of the `--by` columns, in sorted order (one group with an
    /// empty key without `--by`).
    pub fn groups(&self) -> impl Iterator<Item = (&[String], &GroupCounts)> {
        let overall = self
            .by
            .is_empty()
            .then_some((&[] as &[String], &self.overall));
        let grouped = self
            .groups
            .iter()
            .filter(|_| !self.by.is_empty())
            .map(|(key, counts)| (key.as_slice(), counts));
        overall.into_iter().chain(grouped)
    }

    /// Postings asking for both `a` and `b`.
    pub fn together(&self, a: usize, b: usize) -> usize {
        self.pairs.get(&(a.min(b), a.max(b))).copied().unwrap_or(0)
    }

    /// The ordered pairs `(a, b)`, a != b, asked for together by at least `min` postings, in
    /// rule order of `a` then `b`, with their figures.
    pub fn pairs(&self, min: usize) -> Vec<Pair> {
        let mut out = Vec::new();
        let total = self.overall.postings;
        for a in 0..self.skills {
            let with_a = self.overall.asking(a);
            for b in 0..self.skills {
                if a == b {
                    continue;
                }
                let both = self.together(a, b);
                if both == 0 || both < min {
                    continue;
                }
                let with_b = self.overall.asking(b);
                out.push(Pair {
                    a,
                    b,
                    postings: both,
                    share_of_a: percent(both, with_a),
                    lift: if with_a > 0 && with_b > 0 {
                        both as f64 * total as f64 / (with_a as f64 * with_b as f64)
                    } else {
                        0.0
                    },
                });
            }
        }
        out
    }
}

/// Two skills asked for together.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    /// The first skill (index in the rule set).
    pub a: usize,
    /// The second skill.
    pub b: usize,
    /// Postings asking for both.
    pub postings: usize,
    /// Of the postings asking for `a`, the percentage asking for `b`.
    pub share_of_a: f64,
    /// How much more often the two come together than if they were independent:
    /// `P(a and b) / (P(a) P(b))`.
    pub lift: f64,
}

/// `part` as a percentage of `whole` (0 when `whole` is 0).
pub fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

/// The value of a `--by` column for a scored row; empty when the posting does not say.
pub fn group_value(outcome: &Outcome, analysis: &Analysis, column: &str) -> String {
    let meta = &analysis.meta;
    let text = |value: Option<&str>| value.unwrap_or_default().to_owned();
    match column {
        "company" => text(meta.company.as_deref()),
        "title" => text(meta.title.as_deref()),
        "location" => text(meta.location.as_deref()),
        "remote" => text(meta.remote.map(|r| r.as_str())),
        "employment_type" => text(meta.employment_type.as_deref()),
        "date_posted" => text(meta.date_posted.as_deref()),
        "valid_through" => text(meta.valid_through.as_deref()),
        "salary_currency" => text(meta.salary_currency.as_deref()),
        "salary_period" => text(meta.salary_period.as_deref()),
        "experience_years" => meta
            .experience_years
            .map(|y| y.to_string())
            .unwrap_or_default(),
        "seniority" => text(meta.seniority.map(|s| s.as_str())),
        "language" => text(meta.language.as_deref()),
        "source" => outcome.source.clone(),
        "month" => text(meta.date_posted.as_deref().and_then(|d| d.get(..7))),
        "year" => text(meta.date_posted.as_deref().and_then(|d| d.get(..4))),
        field => passed_through(outcome, field),
    }
}

/// A pass-through field of the row's `--jsonl-in` line, by name or dotted path: a string as it
/// is, a number or boolean as written, an object or array as JSON text, else empty.
fn passed_through(outcome: &Outcome, path: &str) -> String {
    let Some(fields) = outcome.line.as_ref().and_then(|l| l.fields.as_ref()) else {
        return String::new();
    };
    let mut parts = path.split('.');
    let Some(first) = parts.next() else {
        return String::new();
    };
    let raw = match fields.get(first) {
        Some(raw) => raw.get(),
        // A key that itself holds a dot.
        None => match fields.get(path) {
            Some(raw) => return scalar(&serde_json::from_str(raw.get()).unwrap_or_default()),
            None => return String::new(),
        },
    };
    let mut value: serde_json::Value = serde_json::from_str(raw).unwrap_or_default();
    for part in parts {
        value = match value {
            serde_json::Value::Object(mut object) => object.remove(part).unwrap_or_default(),
            _ => serde_json::Value::Null,
        };
    }
    scalar(&value)
}

fn scalar(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// Writes the summary table: `skill_id, skill, category, postings, share, required, preferred,
/// mentioned`, one row per skill of the map in rule order; with `--by`, one such block per
/// group (groups in sorted order), each row led by the group's values under the names of the
/// `--by` columns. `postings` and `share` count within the group.
pub fn write_summary<W: Write>(out: W, rules: &RuleSet, tally: &Tally) -> ::csv::Result<()> {
    let mut csv = writer(out);
    summary_records(&mut csv, rules, tally)?;
    csv.flush()?;
    Ok(())
}

/// The records of the summary table, header first, to `sink`.
pub(crate) fn summary_records<S: Sink>(
    sink: &mut S,
    rules: &RuleSet,
    tally: &Tally,
) -> Result<(), S::Error> {
    let mut names: Vec<String> = tally.by().to_vec();
    names.extend(
        [
            "skill_id",
            "skill",
            "category",
            "postings",
            "share",
            "required",
            "preferred",
            "mentioned",
        ]
        .map(String::from),
    );
    header(sink, &names)?;
    for (key, group) in tally.groups() {
        for (index, skill) in rules.skills.iter().enumerate() {
            let counts = group.skills.get(index).copied().unwrap_or_default();
            let postings: usize = counts.iter().sum();
            let mut row = Row::with_capacity(names.len());
            for (column, value) in tally.by().iter().zip(key) {
                if column == "source" {
                    row.link(value);
                } else {
                    row.text(value);
                }
            }
            row.text(&skill.id);
            row.text(&skill.name);
            row.text(rules.category_id(skill));
            row.number(postings.to_string());
            row.number(one_decimal(percent(postings, group.postings)));
            for count in counts {
                row.number(count.to_string());
            }
            sink.record(&row)?;
        }
    }
    Ok(())
}

/// Writes the pairs table: `skill_a, skill_b, postings, share_of_a, lift`, one row per ordered
/// pair asked for together by at least `min` postings, in rule order of `skill_a` then
/// `skill_b`; `share_of_a` one decimal, `lift` two.
pub fn write_pairs<W: Write>(
    out: W,
    rules: &RuleSet,
    tally: &Tally,
    min: usize,
) -> ::csv::Result<()> {
    let mut csv = writer(out);
    pairs_records(&mut csv, rules, tally, min)?;
    csv.flush()?;
    Ok(())
}

/// The records of the pairs table, header first, to `sink`.
pub(crate) fn pairs_records<S: Sink>(
    sink: &mut S,
    rules: &RuleSet,
    tally: &Tally,
    min: usize,
) -> Result<(), S::Error> {
    let names = ["skill_a", "skill_b", "postings", "share_of_a", "lift"].map(String::from);
    header(sink, &names)?;
    for pair in tally.pairs(min) {
        let (Some(a), Some(b)) = (rules.skill(pair.a), rules.skill(pair.b)) else {
            continue;
        };
        let mut row = Row::with_capacity(5);
        row.text(&a.id);
        row.text(&b.id);
        row.number(pair.postings.to_string());
        row.number(one_decimal(pair.share_of_a));
        row.number(two_decimals(pair.lift));
        sink.record(&row)?;
    }
    Ok(())
}

/// A ratio with two decimals (`1.25`), as the `lift` column writes it.
pub fn two_decimals(value: f64) -> String {
    format!("{value:.2}")
}
