//! The JSON blob the report's script renders the postings table from: one object per posting
//! with its figures, metadata (location, remote, pay, seniority, date), the posting it
//! near-duplicates, its matches and, with a profile, its fit breakdown. Owns only the shape of
//! that blob; the markup around it is `html.rs`'s, the rendering `report.js`'s.

use std::io;

use serde::Serialize;

use crate::candidate::{Fit, FitModel, Technologies};
use crate::matcher::Level;
use crate::rules::RuleSet;

use super::super::{round1, status};
use super::ReportRow;

#[derive(Serialize)]
struct Data<'a> {
    #[serde(rename = "hasFit")]
    has_fit: bool,
    #[serde(rename = "pageSize")]
    page_size: usize,
    categories: Vec<&'a str>,
    /// `[id, name, category index]` per skill.
    skills: Vec<(&'a str, &'a str, usize)>,
    /// The constants of the fit formula, for the breakdown's arithmetic.
    #[serde(skip_serializing_if = "Option::is_none")]
    model: Option<ModelData>,
    postings: Vec<PostingData<'a>>,
}

/// [`FitModel`]'s constants under short names.
#[derive(Serialize)]
struct ModelData {
    /// Prior weight `k`.
    k: f64,
    /// Prior share `p`.
    p: f64,
    pref: f64,
    ment: f64,
    tech: f64,
    role: f64,
    title: f64,
}

#[derive(Serialize)]
struct PostingData<'a> {
    source: &'a str,
    link: &'a str,
    status: &'a str,
    error: Option<String>,
    title: Option<&'a str>,
    company: Option<&'a str>,
    words: Option<usize>,
    score: Option<f64>,
    cats: Vec<f64>,
    matched: Option<usize>,
    /// Location, remote, seniority, date posted.
    #[serde(skip_serializing_if = "Option::is_none")]
    loc: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    remote: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sen: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    /// Pay: `[min, max, currency, period]`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pay: Option<Pay<'a>>,
    /// The source of the posting this one near-duplicates (`--dedup`).
    #[serde(skip_serializing_if = "Option::is_none")]
    dup: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fit: Option<f64>,
    /// Missing required skills (indices).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    mr: Vec<usize>,
    /// Missing preferred skills (indices).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    mp: Vec<usize>,
    /// The fit breakdown.
    #[serde(skip_serializing_if = "Option::is_none")]
    f: Option<FitData>,
    /// Matches: `[skill index, level r/p/m, count, evidence]`.
    m: Vec<(usize, &'static str, usize, &'a str)>,
}

/// Pay as `[min, max, currency, period]`, each possibly null.
type Pay<'a> = (Option<f64>, Option<f64>, Option<&'a str>, Option<&'a str>);

/// How one posting's fit comes about, as `explain --resume` prints it.
#[derive(Serialize)]
struct FitData {
    /// Skills matched (indices).
    ms: Vec<usize>,
    /// Technologies matched (names).
    tm: Vec<&'static str>,
    /// Missing skills the posting only mentions (indices).
    mm: Vec<usize>,
    /// Missing technologies by level: required, preferred, mentioned (names).
    tr: Vec<&'static str>,
    tp: Vec<&'static str>,
    tn: Vec<&'static str>,
    /// Role words of the title the candidate has, and lacks.
    rm: Vec<&'static str>,
    rx: Vec<&'static str>,
    had: f64,
    asked: f64,
    share: f64,
    /// Whether the posting asks for enough of the candidate's technical skills (upper band).
    upper: bool,
    /// Years of experience short of the posting's ask.
    #[serde(skip_serializing_if = "Option::is_none")]
    gap: Option<f64>,
}

fn round3(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

fn fit_data(fit: &Fit, model: &FitModel) -> FitData {
    let technologies = Technologies::builtin();
    let name =
        |i: &usize| -> &'static str { technologies.get(*i).map_or("?", |t| t.name.as_str()) };
    let missing = |level: Level| -> Vec<&'static str> {
        fit.technologies_missing
            .iter()
            .filter(|(_, l)| *l == level)
            .map(|(t, _)| name(t))
            .collect()
    };
    let share =
        (fit.had + model.prior_weight * model.prior_share) / (fit.asked + model.prior_weight);
    FitData {
        ms: fit.matched.clone(),
        tm: fit.technologies_matched.iter().map(name).collect(),
        mm: fit.missing_mentioned.clone(),
        tr: missing(Level::Required),
        tp: missing(Level::Preferred),
        tn: missing(Level::Mentioned),
        rm: fit.roles_matched.clone(),
        rx: fit.roles_missing.clone(),
        had: round3(fit.had),
        asked: round3(fit.asked),
        share: round3(share),
        upper: fit.fit >= 10.0,
        gap: fit.experience_gap,
    }
}

/// The report's data as JSON safe inside a `<script>` element.
pub(super) fn data_json(
    rules: &RuleSet,
    rows: &[ReportRow<'_>],
    has_fit: bool,
) -> io::Result<String> {
    let model = FitModel::default();
    let data = Data {
        has_fit,
        page_size: super::PAGE_SIZE,
        categories: rules.categories.iter().map(|c| c.id.as_str()).collect(),
        skills: rules
            .skills
            .iter()
            .map(|s| (s.id.as_str(), s.name.as_str(), s.category))
            .collect(),
        model: has_fit.then_some(ModelData {
            k: model.prior_weight,
            p: model.prior_share,
            pref: model.preferred,
            ment: model.mentioned,
            tech: model.technology_weight,
            role: model.role_weight,
            title: model.title_factor,
        }),
        postings: rows.iter().map(|row| posting(row, &model)).collect(),
    };
    let json = serde_json::to_string(&data)?;
    Ok(script_safe(&json))
}

fn posting<'a>(row: &ReportRow<'a>, model: &FitModel) -> PostingData<'a> {
    let outcome = row.outcome;
    let mut p = PostingData {
        source: &outcome.source,
        link: row.link,
        status: status(outcome),
        error: None,
        title: None,
        company: None,
        words: None,
        score: None,
        cats: Vec::new(),
        matched: None,
        loc: None,
        remote: None,
        sen: None,
        date: None,
        pay: None,
        dup: None,
        fit: None,
        mr: Vec::new(),
        mp: Vec::new(),
        f: None,
        m: Vec::new(),
    };
    match &outcome.result {
        Ok(analysis) => {
            let meta = &analysis.meta;
            p.title = meta.title.as_deref();
            p.company = meta.company.as_deref();
            p.words = Some(analysis.words);
            p.score = Some(round1(analysis.score.overall));
            p.cats = analysis
                .score
                .categories
                .iter()
                .map(|c| round1(*c))
                .collect();
            p.matched = Some(analysis.skills.len());
            p.loc = meta.location.as_deref();
            p.remote = meta.remote.map(|r| r.as_str());
            p.sen = meta.seniority.map(|s| s.as_str());
            p.date = meta.date_posted.as_deref();
            if meta.salary_min.is_some() || meta.salary_max.is_some() {
                p.pay = Some((
                    meta.salary_min,
                    meta.salary_max,
                    meta.salary_currency.as_deref(),
                    meta.salary_period.as_deref(),
                ));
            }
            p.dup = analysis.duplicate_of.as_deref();
            p.m = analysis
                .skills
                .iter()
                .map(|m| {
                    let level = match m.level {
                        Level::Required => "r",
                        Level::Preferred => "p",
                        Level::Mentioned => "m",
                    };
                    (m.skill, level, m.count, m.evidence.as_str())
                })
                .collect();
            if let Some(fit) = row.fit {
                p.fit = Some(round1(fit.fit));
                p.mr = fit.missing_required.clone();
                p.mp = fit.missing_preferred.clone();
                p.f = Some(fit_data(fit, model));
            }
        }
        Err(error) => p.error = Some(error.to_string()),
    }
    p
}

/// Makes JSON safe inside a `<script>` element: `<` only occurs inside JSON strings, where
/// `\u003c` means the same, so no `</script>` or `<!--` can appear.
fn script_safe(json: &str) -> String {
    json.replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::extract::{Metadata, Remote, Seniority};
    use crate::row::{Analysis, Outcome};
    use crate::score::CoverageScore;

    #[test]
    fn metadata_duplicates_and_the_fit_breakdown_are_in_the_blob() {
        let rules = RuleSet::default_rules().unwrap();
        let outcome = Outcome {
            source: "b.md".into(),
            fetch: None,
            line: None,
            result: Ok(Analysis {
                technologies: Vec::new(),
                headline: None,
                meta: Metadata {
                    location: Some("Berlin".into()),
                    remote: Some(Remote::Hybrid),
                    seniority: Some(Seniority::Senior),
                    date_posted: Some("2024-06-01".into()),
                    salary_min: Some(60000.0),
                    salary_max: Some(80000.0),
                    salary_currency: Some("EUR".into()),
                    salary_period: Some("year".into()),
                    ..Metadata::default()
                },
                words: 10,
                skills: Vec::new(),
                score: CoverageScore {
                    overall: 0.0,
                    categories: vec![0.0; rules.categories.len()],
                },
                warnings: Vec::new(),
                signature: None,
                duplicate_of: Some("a.md".into()),
            }),
        };
        let fit = Fit {
            fit: 55.0,
            had: 3.0,
            asked: 10.0,
            matched: vec![0],
            ..Fit::default()
        };
        let rows = [ReportRow {
            outcome: &outcome,
            fit: Some(&fit),
            link: "b.md",
        }];
        let json = data_json(&rules, &rows, true).unwrap();
        for needle in [
            "\"loc\":\"Berlin\"",
            "\"remote\":\"hybrid\"",
            "\"sen\":\"senior\"",
            "\"date\":\"2024-06-01\"",
            "\"pay\":[60000.0,80000.0,\"EUR\",\"year\"]",
            "\"dup\":\"a.md\"",
            "\"ms\":[0]",
            "\"had\":3.0,\"asked\":10.0,\"share\":0.376",
            "\"upper\":true",
            "\"model\":{\"k\":32.0",
        ] {
            assert!(json.contains(needle), "{needle} not in {json}");
        }
        let without = data_json(&rules, &[], false).unwrap();
        assert!(!without.contains("\"model\""));
    }
}
