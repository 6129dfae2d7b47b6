//! The CSV tables: postings, matches, summary and the rule listing.
//!
//! One function ([`writer`]) configures every CSV writer, so quoting and line endings are the
//! same in every table.

use std::io::Write;

use crate::analysis::{FetchInfo, Outcome};
use crate::matcher::Level;
use crate::rules::RuleSet;

use super::one_decimal;

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

/// Writes the postings table: one row per input.
pub struct PostingsWriter<W: Write> {
    csv: ::csv::Writer<W>,
    width: usize,
}

impl<W: Write> PostingsWriter<W> {
    /// Starts the table and writes its header.
    ///
    /// Columns: `source, status, error, title, company, words, score, score_<category>...,
    /// matched, required, preferred, mentioned, url, final_url, http_status, fetched_at,
    /// from_cache` (the last five are empty for files).
    pub fn new(out: W, rules: &RuleSet) -> ::csv::Result<Self> {
        let mut csv = writer(out);
        let mut header: Vec<String> = [
            "source", "status", "error", "title", "company", "words", "score",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        header.extend(rules.categories.iter().map(|c| format!("score_{}", c.id)));
        header.extend(["matched", "required", "preferred", "mentioned"].map(String::from));
        header.extend(FETCH_COLUMNS.map(String::from));
        csv.write_record(&header)?;
        Ok(PostingsWriter {
            csv,
            width: header.len(),
        })
    }

    /// Writes one row.
    pub fn write(&mut self, rules: &RuleSet, outcome: &Outcome) -> ::csv::Result<()> {
        let mut row: Vec<String> = Vec::with_capacity(self.width);
        row.push(outcome.source.clone());
        row.push(outcome.status().as_str().to_owned());
        match &outcome.result {
            Ok(analysis) => {
                row.push(String::new());
                row.push(analysis.meta.title.clone().unwrap_or_default());
                row.push(analysis.meta.company.clone().unwrap_or_default());
                row.push(analysis.words.to_string());
                row.push(one_decimal(analysis.score.overall));
                row.extend(analysis.score.categories.iter().map(|c| one_decimal(*c)));
                row.push(analysis.skills.len().to_string());
                for level in [Level::Required, Level::Preferred, Level::Mentioned] {
                    let ids: Vec<&str> = analysis
                        .skills
                        .iter()
                        .filter(|m| m.level == level)
                        .map(|m| rules.skills[m.skill].id.as_str())
                        .collect();
                    row.push(ids.join(";"));
                }
            }
            Err(error) => {
                row.push(error.to_string());
                row.resize(self.width - FETCH_COLUMNS.len(), String::new());
            }
        }
        row.extend(fetch_cells(outcome.fetch.as_ref()));
        self.csv.write_record(&row)
    }

    /// Flushes the underlying writer.
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.csv.flush()
    }
}

/// Writes the matches table: one row per posting and matched skill.
pub struct MatchesWriter<W: Write> {
    csv: ::csv::Writer<W>,
}

impl<W: Write> MatchesWriter<W> {
    /// Starts the table: `source, skill_id, skill, category, level, count, evidence`.
    pub fn new(out: W) -> ::csv::Result<Self> {
        let mut csv = writer(out);
        csv.write_record([
            "source", "skill_id", "skill", "category", "level", "count", "evidence",
        ])?;
        Ok(MatchesWriter { csv })
    }

    /// Writes the rows of one posting (none for a failed input).
    pub fn write(&mut self, rules: &RuleSet, outcome: &Outcome) -> ::csv::Result<()> {
        let Ok(analysis) = &outcome.result else {
            return Ok(());
        };
        for m in &analysis.skills {
            let skill = &rules.skills[m.skill];
            let count = m.count.to_string();
            self.csv.write_record([
                outcome.source.as_str(),
                skill.id.as_str(),
                skill.name.as_str(),
                rules.categories[skill.category].id.as_str(),
                m.level.as_str(),
                count.as_str(),
                m.evidence.as_str(),
            ])?;
        }
        Ok(())
    }

    /// Flushes the underlying writer.
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.csv.flush()
    }
}

/// Counts, per skill, how many postings ask for it; writes the table at the end.
#[derive(Debug, Clone)]
pub struct SummaryWriter {
    /// Per skill: postings at level required, preferred, mentioned.
    counts: Vec<[usize; 3]>,
    scored: usize,
}

impl SummaryWriter {
    /// An empty tally for the skills of `rules`.
    pub fn new(rules: &RuleSet) -> Self {
        SummaryWriter {
            counts: vec![[0; 3]; rules.skills.len()],
            scored: 0,
        }
    }

    /// Adds one posting (failed inputs are not counted).
    pub fn add(&mut self, outcome: &Outcome) {
        let Ok(analysis) = &outcome.result else {
            return;
        };
        self.scored += 1;
        for m in &analysis.skills {
            let column = match m.level {
                Level::Required => 0,
                Level::Preferred => 1,
                Level::Mentioned => 2,
            };
            self.counts[m.skill][column] += 1;
        }
    }

    /// Writes `skill_id, skill, category, postings, share, required, preferred, mentioned`,
    /// one row per skill of the map in rule order. `share` is the percentage of scored postings.
    pub fn write<W: Write>(&self, out: W, rules: &RuleSet) -> ::csv::Result<()> {
        let mut csv = writer(out);
        csv.write_record([
            "skill_id",
            "skill",
            "category",
            "postings",
            "share",
            "required",
            "preferred",
            "mentioned",
        ])?;
        for (skill, counts) in rules.skills.iter().zip(&self.counts) {
            let postings: usize = counts.iter().sum();
            let share = if self.scored > 0 {
                100.0 * postings as f64 / self.scored as f64
            } else {
                0.0
            };
            csv.write_record([
                skill.id.clone(),
                skill.name.clone(),
                rules.categories[skill.category].id.clone(),
                postings.to_string(),
                one_decimal(share),
                counts[0].to_string(),
                counts[1].to_string(),
                counts[2].to_string(),
            ])?;
        }
        csv.flush()?;
        Ok(())
    }
}

/// Writes the skill map: `skill_id, skill, category, kind, weight`.
pub fn write_rules<W: Write>(out: W, rules: &RuleSet) -> ::csv::Result<()> {
    let mut csv = writer(out);
    csv.write_record(["skill_id", "skill", "category", "kind", "weight"])?;
    for (index, skill) in rules.skills.iter().enumerate() {
        csv.write_record([
            skill.id.as_str(),
            skill.name.as_str(),
            rules.categories[skill.category].id.as_str(),
            rules.kind_of(index).as_str(),
            skill.weight.to_string().as_str(),
        ])?;
    }
    csv.flush()?;
    Ok(())
}
