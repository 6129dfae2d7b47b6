//! JSON lines: one JSON object per posting, with its matches nested, for pipelines.
//!
//! Keys come in a fixed order (`source, status, error, title, company, words, score, scores,
//! matched, fetch, location, remote, employment_type, date_posted, valid_through, salary_min,
//! salary_max, salary_currency, salary_period, experience_years, seniority, language,
//! duplicate_of, warnings, fit, missing_required, missing_preferred, experience_gap, matches`); `fetch` is
//! `null` for files and `{url, final_url, http_status, fetched_at, from_cache}` for URLs; an
//! unknown metadata field is `null`; `warnings` lists what extraction skipped (malformed JSON-LD
//! blocks); `fit`, the `missing_*` keys and `experience_gap` are present only when a candidate
//! profile is given. On an error row `error` holds the
//! reason and the posting fields are `null` (`matches` is empty).

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;
use serde::ser::SerializeMap;
use serde_json::value::RawValue;

use crate::candidate::Fit;
use crate::row::{FetchInfo, Outcome};
use crate::rules::{Category, RuleSet};

use super::{round1, status};

/// Writes one JSON object per line.
pub struct JsonlWriter<W: Write> {
    out: W,
    fit: bool,
    input: bool,
}

#[derive(Serialize)]
struct Line<'a> {
    source: &'a str,
    status: &'a str,
    error: Option<String>,
    title: Option<&'a str>,
    company: Option<&'a str>,
    words: Option<usize>,
    score: Option<f64>,
    scores: Option<Scores<'a>>,
    matched: Option<usize>,
    fetch: Option<Fetch<'a>>,
    location: Option<&'a str>,
    remote: Option<&'a str>,
    employment_type: Option<&'a str>,
    date_posted: Option<&'a str>,
    valid_through: Option<&'a str>,
    salary_min: Option<f64>,
    salary_max: Option<f64>,
    salary_currency: Option<&'a str>,
    salary_period: Option<&'a str>,
    experience_years: Option<u32>,
    seniority: Option<&'a str>,
    language: Option<&'a str>,
    duplicate_of: Option<&'a str>,
    warnings: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fit: Option<Option<f64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    missing_required: Option<Vec<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    missing_preferred: Option<Vec<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    experience_gap: Option<Option<f64>>,
    matches: Vec<Match<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    input: Option<Option<&'a BTreeMap<String, Box<RawValue>>>>,
}

/// How a URL was fetched (the postings table's last columns).
#[derive(Serialize)]
struct Fetch<'a> {
    url: &'a str,
    final_url: Option<&'a str>,
    http_status: Option<u16>,
    fetched_at: Option<String>,
    from_cache: bool,
}

impl<'a> Fetch<'a> {
    fn of(info: &'a FetchInfo) -> Self {
        Fetch {
            url: &info.url,
            final_url: info.final_url.as_deref(),
            http_status: info.http_status,
            fetched_at: info
                .fetched_at
                .map(|t| humantime::format_rfc3339_seconds(t).to_string()),
            from_cache: info.from_cache,
        }
    }
}

/// Category scores as an object in rule order.
struct Scores<'a> {
    categories: &'a [Category],
    values: &'a [f64],
}

impl Serialize for Scores<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.values.len()))?;
        for (category, value) in self.categories.iter().zip(self.values) {
            map.serialize_entry(&category.id, &round1(*value))?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct Match<'a> {
    skill_id: &'a str,
    skill: &'a str,
    category: &'a str,
    level: &'a str,
    count: usize,
    evidence: &'a str,
}

impl<W: Write> JsonlWriter<W> {
    /// A writer; with `fit`, every line carries the keys `fit`, `missing_required` and
    /// `missing_preferred` (`null` / empty on error rows).
    pub fn new(out: W, fit: bool) -> Self {
        JsonlWriter {
            out,
            fit,
            input: false,
        }
    }

    /// With `input`, every line ends with the key `input`: the pass-through fields of the
    /// `--jsonl-in` line it answers, as an object (`null` when that line was not an object).
    pub fn with_input(mut self, input: bool) -> Self {
        self.input = input;
        self
    }

    /// Writes the line of one posting.
    pub fn write(
        &mut self,
        rules: &RuleSet,
        outcome: &Outcome,
        fit: Option<&Fit>,
    ) -> io::Result<()> {
        let ids = |skills: &[usize]| -> Vec<&str> {
            skills
                .iter()
                .filter_map(|s| rules.skill(*s).map(|s| s.id.as_str()))
                .collect()
        };
        let mut line = Line {
            source: &outcome.source,
            status: status(outcome),
            error: None,
            title: None,
            company: None,
            words: None,
            score: None,
            scores: None,
            matched: None,
            fetch: outcome.fetch.as_ref().map(Fetch::of),
            location: None,
            remote: None,
            employment_type: None,
            date_posted: None,
            valid_through: None,
            salary_min: None,
            salary_max: None,
            salary_currency: None,
            salary_period: None,
            experience_years: None,
            seniority: None,
            language: None,
            duplicate_of: None,
            warnings: Vec::new(),
            fit: None,
            missing_required: None,
            missing_preferred: None,
            experience_gap: None,
            matches: Vec::new(),
            input: None,
        };
        if let Some(lossy) = outcome.line.as_ref().and_then(|l| l.lossy.as_deref()) {
            line.warnings.push(lossy);
        }
        if self.input {
            line.input = Some(outcome.line.as_ref().and_then(|l| l.fields.as_ref()));
        }
        if self.fit {
            line.fit = Some(fit.map(|f| round1(f.fit)));
            line.missing_required = Some(fit.map(|f| ids(&f.missing_required)).unwrap_or_default());
            line.missing_preferred =
                Some(fit.map(|f| ids(&f.missing_preferred)).unwrap_or_default());
            line.experience_gap = Some(fit.and_then(|f| f.experience_gap.map(round1)));
        }
        match &outcome.result {
            Ok(analysis) => {
                line.title = analysis.meta.title.as_deref();
                line.company = analysis.meta.company.as_deref();
                line.words = Some(analysis.words);
                line.score = Some(round1(analysis.score.overall));
                line.scores = Some(Scores {
                    categories: &rules.categories,
                    values: &analysis.score.categories,
                });
                line.matched = Some(analysis.skills.len());
                let meta = &analysis.meta;
                line.location = meta.location.as_deref();
                line.remote = meta.remote.map(|r| r.as_str());
                line.employment_type = meta.employment_type.as_deref();
                line.date_posted = meta.date_posted.as_deref();
                line.valid_through = meta.valid_through.as_deref();
                line.salary_min = meta.salary_min;
                line.salary_max = meta.salary_max;
                line.salary_currency = meta.salary_currency.as_deref();
                line.salary_period = meta.salary_period.as_deref();
                line.experience_years = meta.experience_years;
                line.seniority = meta.seniority.map(|s| s.as_str());
                line.language = meta.language.as_deref();
                line.duplicate_of = analysis.duplicate_of.as_deref();
                line.warnings
                    .extend(analysis.warnings.iter().map(String::as_str));
                line.matches = analysis
                    .skills
                    .iter()
                    .filter_map(|m| {
                        let skill = rules.skill(m.skill)?;
                        Some(Match {
                            skill_id: &skill.id,
                            skill: &skill.name,
                            category: rules.category_id(skill),
                            level: m.level.as_str(),
                            count: m.count,
                            evidence: &m.evidence,
                        })
                    })
                    .collect();
            }
            Err(error) => line.error = Some(error.to_string()),
        }
        serde_json::to_writer(&mut self.out, &line)?;
        self.out.write_all(b"\n")
    }

    /// Flushes the underlying writer.
    pub fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }

    /// Flushes and returns the underlying writer.
    pub fn into_inner(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::extract::Metadata;
    use crate::matcher::{Level, SkillMatch};
    use crate::row::Analysis;
    use crate::score::CoverageScore;

    #[test]
    fn one_object_per_posting_with_nested_matches() {
        let rules = RuleSet::default_rules().unwrap();
        let rust = rules.skills.iter().position(|s| s.id == "rust").unwrap();
        let ok = Outcome {
            source: "a.md".into(),
            fetch: None,
            line: None,
            result: Ok(Analysis {
                technologies: Vec::new(),
                headline: None,
                meta: Metadata {
                    title: Some("Rust dev".into()),
                    company: None,
                    ..Metadata::default()
                },
                words: 3,
                skills: vec![SkillMatch {
                    skill: rust,
                    level: Level::Required,
                    count: 1,
                    evidence: "Rust </script> \"quoted\"".into(),
                }],
                score: CoverageScore {
                    overall: 12.345,
                    categories: vec![1.25; rules.categories.len()],
                },
                warnings: Vec::new(),
                signature: None,
                duplicate_of: None,
            }),
        };
        let failed = Outcome {
            source: "b.md".into(),
            fetch: None,
            result: Err(crate::row::InputError::NotFound),
            line: None,
        };
        let fit = Fit {
            fit: 66.666,
            missing_required: vec![],
            missing_preferred: vec![rust],
            experience_gap: Some(1.25),
            ..Fit::default()
        };
        let mut out = Vec::new();
        let mut writer = JsonlWriter::new(&mut out, true);
        writer.write(&rules, &ok, Some(&fit)).unwrap();
        writer.write(&rules, &failed, None).unwrap();
        writer.flush().unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        let first = &lines[0];
        assert_eq!(first["status"], "ok");
        assert_eq!(first["score"], 12.3);
        assert_eq!(first["scores"]["foundational"], 1.3);
        assert_eq!(first["fit"], 66.7);
        assert_eq!(first["missing_preferred"][0], "rust");
        assert_eq!(first["experience_gap"], 1.3);
        assert_eq!(first["matches"][0]["skill_id"], "rust");
        assert_eq!(first["matches"][0]["level"], "required");
        assert_eq!(first["matches"][0]["evidence"], "Rust </script> \"quoted\"");
        assert!(text.starts_with("{\"source\":\"a.md\",\"status\":\"ok\",\"error\":null,"));
        let second = &lines[1];
        assert_eq!(second["status"], "error");
        assert_eq!(second["error"], "no such file or directory");
        assert!(second["score"].is_null() && second["fit"].is_null());
        assert_eq!(second["matches"].as_array().unwrap().len(), 0);
    }

    #[test]
    fn without_a_profile_there_are_no_fit_keys() {
        let rules = RuleSet::default_rules().unwrap();
        let failed = Outcome {
            source: "b.md".into(),
            fetch: None,
            result: Err(crate::row::InputError::NotFound),
            line: None,
        };
        let mut out = Vec::new();
        JsonlWriter::new(&mut out, false)
            .write(&rules, &failed, None)
            .unwrap();
        assert!(!String::from_utf8(out).unwrap().contains("fit"));
    }
}
