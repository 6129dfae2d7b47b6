//! NDCG@10 of the candidate fit against the hand grades of tests/fixtures/fit, per résumé and
//! mean, on the tuning and held-out halves of the postings (split.toml). Run by `bench/fit`.
//!
//! Rankers: `before` (the fit of jobfit 94f55ad: share of required and preferred skills the
//! candidate has, required double, with a profile made from the skills jobfit finds in the
//! résumé), `tfidf` (cosine of TF-IDF vectors of the résumé and posting texts, the plain
//! baseline) and `fit` (the current fit, `FitModel`, or the one given by --model).
//!
//! Options: --grades FILE (default grades.toml; `heldout/grades.toml` is the résumé set the
//! formula was never tuned on), --model P,M,T,K,S (preferred, mentioned,
//! technology weight, prior weight, prior share), --tune (grid search on the tuning half
//! only), --verbose (each résumé's top 12 on the tuning half), --same-trade F, --verbose-all (on all 48: for
//! a résumé set the formula may be tuned on), --rules FILE (a skill map in place of the default,
//! to weigh a rule change without rebuilding).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    missing_docs
)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use jobfit::candidate::{
    self, CandidateProfile, FitModel, ResumeFormat, Technologies, TechnologyMention,
};
use jobfit::extract::Format;
use jobfit::matcher::Level;
use jobfit::{Matcher, RuleSet, SkillMatch};

/// Sets one constant of a model.
type Setter = fn(&mut FitModel, f64);

struct Posting {
    file: String,
    title: Option<String>,
    skills: Vec<SkillMatch>,
    technologies: Vec<TechnologyMention>,
    text: String,
}

struct Resume {
    file: String,
    profile: CandidateProfile,
    text: String,
    grades: HashMap<String, u32>,
    /// A software or data person: no posting of another profession belongs in their top 10.
    developer: bool,
}

/// The fit of jobfit before this change (src/profile.rs at 94f55ad), kept here to measure it.
fn before_fit(profile: &CandidateProfile, skills: &[SkillMatch]) -> f64 {
    let (mut wanted, mut covered) = (0u32, 0u32);
    for m in skills {
        let weight = match m.level {
            Level::Required => 2,
            Level::Preferred => 1,
            Level::Mentioned => continue,
        };
        wanted += weight;
        if profile.has(m.skill) {
            covered += weight;
        }
    }
    if wanted == 0 {
        0.0
    } else {
        100.0 * f64::from(covered) / f64::from(wanted)
    }
}

fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '+' && c != '#')
        .filter(|t| t.chars().count() >= 2)
        .map(str::to_lowercase)
        .collect()
}

struct Tfidf {
    idf: HashMap<String, f64>,
}

impl Tfidf {
    fn new(docs: &[&str]) -> Tfidf {
        let mut df: HashMap<String, f64> = HashMap::new();
        for doc in docs {
            let mut seen: Vec<String> = tokens(doc);
            seen.sort();
            seen.dedup();
            for t in seen {
                *df.entry(t).or_default() += 1.0;
            }
        }
        let n = docs.len() as f64;
        let idf = df
            .into_iter()
            .map(|(t, d)| (t, ((1.0 + n) / (1.0 + d)).ln() + 1.0))
            .collect();
        Tfidf { idf }
    }

    fn vector(&self, text: &str) -> HashMap<String, f64> {
        let mut tf: HashMap<String, f64> = HashMap::new();
        for t in tokens(text) {
            *tf.entry(t).or_default() += 1.0;
        }
        let mut v: HashMap<String, f64> = tf
            .into_iter()
            .map(|(t, c)| {
                let idf = self.idf.get(&t).copied().unwrap_or(1.0);
                (t, (1.0 + c.ln()) * idf)
            })
            .collect();
        let norm = v.values().map(|x| x * x).sum::<f64>().sqrt().max(1e-12);
        v.values_mut().for_each(|x| *x /= norm);
        v
    }

    fn cosine(a: &HashMap<String, f64>, b: &HashMap<String, f64>) -> f64 {
        a.iter().filter_map(|(t, x)| b.get(t).map(|y| x * y)).sum()
    }
}

/// NDCG@10 of a ranking (scores, in posting order; ties keep posting order) against grades;
/// `None` when no posting is graded above 0 (the ideal DCG is 0: NDCG is undefined). The means
/// count such a résumé as 0 (the figures reported since the first set) and, beside them, leave
/// it out (standard IR practice: a query with no relevant document is not scored).
fn ndcg10(scores: &[(String, f64)], grades: &HashMap<String, u32>) -> Option<f64> {
    let mut ranked: Vec<&(String, f64)> = scores.iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    let gain = |g: u32| f64::from(2u32.pow(g) - 1);
    let dcg: f64 = ranked
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, (file, _))| gain(grades[file]) / ((i + 2) as f64).log2())
        .sum();
    let mut ideal: Vec<u32> = scores.iter().map(|(f, _)| grades[f]).collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg: f64 = ideal
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, g)| gain(*g) / ((i + 2) as f64).log2())
        .sum();
    (idcg > 0.0).then(|| dcg / idcg)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| args.iter().any(|a| a == name);
    let value = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fit");
    let grades_file = value("--grades").unwrap_or_else(|| "grades.toml".into());
    let grades: toml::Value =
        toml::from_str(&std::fs::read_to_string(root.join(&grades_file)).unwrap()).unwrap();
    let split: toml::Value =
        toml::from_str(&std::fs::read_to_string(root.join("split.toml")).unwrap()).unwrap();
    let half = |key: &str| -> Vec<String> {
        split[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect()
    };
    let (tuning, held_out) = (half("tuning"), half("held_out"));

    let rules = match value("--rules") {
        Some(file) => RuleSet::load(&[PathBuf::from(file)]).unwrap(),
        None => RuleSet::default_rules().unwrap(),
    };
    let matcher = Matcher::new(rules.clone()).unwrap();
    let technologies = Technologies::builtin();
    let mut postings = Vec::new();
    for file in tuning.iter().chain(&held_out) {
        let bytes = std::fs::read(root.join(file)).unwrap();
        let format = Format::from_path(Path::new(file)).unwrap();
        let (posting, matches, _) = jobfit::analyze_bytes(&matcher, &bytes, format).unwrap();
        postings.push(Posting {
            file: file.clone(),
            title: candidate::role::headline(&posting),
            skills: matches.skills,
            technologies: technologies.in_posting(&posting),
            text: posting.text,
        });
    }
    let mut resumes = Vec::new();
    for entry in grades["resume"].as_array().unwrap() {
        let file = entry["file"].as_str().unwrap().to_owned();
        let path = root.join(&file);
        let bytes = std::fs::read(&path).unwrap();
        let format = ResumeFormat::detect(&path, &bytes);
        let resume =
            candidate::resume::read(&matcher, technologies, &bytes, format, (2026, 1)).unwrap();
        if flag("--evidence") {
            for f in &resume.technologies {
                println!(
                    "{file} tech {} {} <- {}",
                    technologies.all()[f.index].id,
                    f.in_passing,
                    f.evidence
                );
            }
            for f in &resume.skills {
                println!(
                    "{file} skill {} <- {}",
                    rules.skills[f.index].id, f.evidence
                );
            }
        }
        let grades = entry["grades"]
            .as_table()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), u32::try_from(v.as_integer().unwrap()).unwrap()))
            .collect();
        // `developer = true|false` in the grades file; the first set names it by file prefix.
        let developer = entry
            .get("developer")
            .and_then(toml::Value::as_bool)
            .unwrap_or_else(|| {
                ["rust-", "go-", "frontend-", "datascience-"]
                    .iter()
                    .any(|k| file.contains(k))
            });
        resumes.push(Resume {
            developer,
            file,
            profile: CandidateProfile::from_resume(&rules, &resume),
            text: resume.text,
            grades,
        });
    }
    let docs: Vec<&str> = postings.iter().map(|p| p.text.as_str()).collect();
    let tfidf = Tfidf::new(&docs);
    let posting_vectors: Vec<_> = postings.iter().map(|p| tfidf.vector(&p.text)).collect();

    let rank = |resume: &Resume, ranker: &dyn Fn(&Resume, usize) -> f64, files: &[String]| {
        let scores: Vec<(String, f64)> = postings
            .iter()
            .enumerate()
            .filter(|(_, p)| files.contains(&p.file))
            .map(|(i, p)| (p.file.clone(), ranker(resume, i)))
            .collect();
        ndcg10(&scores, &resume.grades)
    };
    let rank0 = |resume: &Resume, ranker: &dyn Fn(&Resume, usize) -> f64, files: &[String]| {
        rank(resume, ranker, files).unwrap_or(0.0)
    };
    let before = |r: &Resume, i: usize| before_fit(&r.profile, &postings[i].skills);
    let tf = |r: &Resume, i: usize| Tfidf::cosine(&tfidf.vector(&r.text), &posting_vectors[i]);
    let model_of = |text: &str| {
        let v: Vec<f64> = text.split(',').map(|x| x.parse().unwrap()).collect();
        FitModel {
            preferred: v[0],
            mentioned: v[1],
            technology_weight: v[2],
            prior_weight: v[3],
            prior_share: v[4],
            min_technical: v.get(5).copied().unwrap_or(3.0),
            title_factor: v.get(6).copied().unwrap_or(1.0),
            role_weight: v.get(7).copied().unwrap_or(0.0),
            alternative: v.get(8).copied().unwrap_or(1.0),
            in_passing: v.get(9).copied().unwrap_or(1.0),
            related_role: v.get(10).copied().unwrap_or(0.0),
            same_trade: v.get(11).copied().unwrap_or(0.0),
        }
    };
    let mut model = value("--model").map_or_else(FitModel::default, |m| model_of(&m));
    if let Some(a) = value("--related-role") {
        model.related_role = a.parse().unwrap();
    }
    if let Some(a) = value("--same-trade") {
        model.same_trade = a.parse().unwrap();
    }
    if let Some(a) = value("--in-passing") {
        model.in_passing = a.parse().unwrap();
    }
    if let Some(a) = value("--alternative") {
        model.alternative = a.parse().unwrap();
    }
    let mean_on = |model: &FitModel, files: &[String]| {
        let f = |r: &Resume, i: usize| {
            model
                .fit(
                    &rules,
                    &r.profile,
                    postings[i].title.as_deref(),
                    &postings[i].skills,
                    &postings[i].technologies,
                )
                .fit
        };
        resumes.iter().map(|r| rank0(r, &f, files)).sum::<f64>() / resumes.len() as f64
    };
    if flag("--tune") {
        let mut best = (mean_on(&model, &tuning), model);
        let grid: [(&[f64], Setter); 9] = [
            (&[0.0, 0.25, 0.5, 1.0], |m, v| m.alternative = v),
            (&[0.25, 0.5, 0.75, 1.0], |m, v| m.preferred = v),
            (&[0.1, 0.25, 0.5, 0.75, 1.0], |m, v| m.mentioned = v),
            (&[1.0, 1.5, 3.0, 4.5, 6.0, 9.0], |m, v| {
                m.technology_weight = v
            }),
            (&[1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0], |m, v| {
                m.prior_weight = v
            }),
            (&[0.1, 0.2, 0.3, 0.5, 0.7], |m, v| m.prior_share = v),
            (&[0.0, 1.5, 3.0, 4.5, 6.0], |m, v| m.min_technical = v),
            (&[1.0, 1.5, 2.0, 3.0, 4.0, 6.0], |m, v| m.title_factor = v),
            (&[0.0, 1.5, 3.0, 6.0, 9.0, 12.0, 18.0], |m, v| {
                m.role_weight = v
            }),
        ];
        // Coordinate ascent: each constant in turn over its values, the others fixed, until a
        // round changes nothing (at most 4 rounds).
        for _ in 0..4 {
            let before = best.0;
            for (values, set) in &grid {
                for v in *values {
                    let mut m = best.1;
                    set(&mut m, *v);
                    let score = mean_on(&m, &tuning);
                    if score > best.0 + 1e-9 {
                        best = (score, m);
                    }
                }
            }
            if best.0 <= before + 1e-9 {
                break;
            }
        }
        println!("best on the tuning half: {:.3} with {:?}", best.0, best.1);
        model = best.1;
    }
    let fit = |r: &Resume, i: usize| {
        model
            .fit(
                &rules,
                &r.profile,
                postings[i].title.as_deref(),
                &postings[i].skills,
                &postings[i].technologies,
            )
            .fit
    };
    println!("grades: {grades_file}; model: {model:?}");
    println!(
        "{:<52} {:>7} {:>7} {:>7} | {:>7} {:>7} {:>7}",
        "NDCG@10", "before", "tfidf", "fit", "before", "tfidf", "fit"
    );
    println!(
        "{:<52} {:>23} | {:>23}",
        "", "tuning half (24)", "held-out half (24)"
    );
    let mut sums = [0.0; 6];
    for r in &resumes {
        let row = [
            rank0(r, &before, &tuning),
            rank0(r, &tf, &tuning),
            rank0(r, &fit, &tuning),
            rank0(r, &before, &held_out),
            rank0(r, &tf, &held_out),
            rank0(r, &fit, &held_out),
        ];
        for (s, v) in sums.iter_mut().zip(row) {
            *s += v;
        }
        println!(
            "{:<52} {:>7.3} {:>7.3} {:>7.3} | {:>7.3} {:>7.3} {:>7.3}",
            r.file, row[0], row[1], row[2], row[3], row[4], row[5]
        );
    }
    let n = resumes.len() as f64;
    println!(
        "{:<52} {:>7.3} {:>7.3} {:>7.3} | {:>7.3} {:>7.3} {:>7.3}",
        "mean",
        sums[0] / n,
        sums[1] / n,
        sums[2] / n,
        sums[3] / n,
        sums[4] / n,
        sums[5] / n
    );
    // The same means over the résumés whose half has a posting graded above 0.
    let defined = |ranker: &dyn Fn(&Resume, usize) -> f64, files: &[String]| {
        let scored: Vec<f64> = resumes
            .iter()
            .filter_map(|r| rank(r, ranker, files))
            .collect();
        let mean = scored.iter().sum::<f64>() / (scored.len().max(1) as f64);
        (mean, scored.len())
    };
    let halves = [
        defined(&before, &tuning),
        defined(&tf, &tuning),
        defined(&fit, &tuning),
        defined(&before, &held_out),
        defined(&tf, &held_out),
        defined(&fit, &held_out),
    ];
    if halves.iter().any(|(_, k)| *k < resumes.len()) {
        println!(
            "{:<52} {:>7.3} {:>7.3} {:>7.3} | {:>7.3} {:>7.3} {:>7.3}",
            format!(
                "mean, NDCG defined ({} | {} of {})",
                halves[0].1,
                halves[3].1,
                resumes.len()
            ),
            halves[0].0,
            halves[1].0,
            halves[2].0,
            halves[3].0,
            halves[4].0,
            halves[5].0
        );
    }
    let all: Vec<String> = postings.iter().map(|p| p.file.clone()).collect();
    let mean_all = |ranker: &dyn Fn(&Resume, usize) -> f64| {
        resumes.iter().map(|r| rank0(r, ranker, &all)).sum::<f64>() / n
    };
    println!(
        "all 48 postings: before {:.3}, tfidf {:.3}, fit {:.3}",
        mean_all(&before),
        mean_all(&tf),
        mean_all(&fit)
    );
    // Developers' résumés: postings of another profession (grade 0) in the top 10 of all 48.
    for r in resumes.iter().filter(|r| r.developer) {
        let mut scored: Vec<(usize, f64)> = (0..postings.len()).map(|i| (i, fit(r, i))).collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1));
        let zero: Vec<&str> = scored
            .iter()
            .take(10)
            .filter(|(i, _)| r.grades[&postings[*i].file] == 0)
            .map(|(i, _)| postings[*i].file.as_str())
            .collect();
        println!(
            "{}: other profession in the top 10 of 48: {:?}",
            r.file, zero
        );
    }
    if flag("--verbose") || flag("--verbose-all") {
        // The tuning half only: what the formula may be tuned on.
        for r in &resumes {
            let mut scored: Vec<(usize, f64)> = (0..postings.len())
                .filter(|i| flag("--verbose-all") || tuning.contains(&postings[*i].file))
                .map(|i| (i, fit(r, i)))
                .collect();
            scored.sort_by(|a, b| b.1.total_cmp(&a.1));
            let ndcg_all = rank0(r, &fit, &all);
            println!("{} (all 48: {ndcg_all:.3})", r.file);
            let top = value("--top").map_or(12, |t| t.parse().unwrap());
            if flag("--explain") {
                let techs = Technologies::builtin();
                let sk: Vec<&str> = r
                    .profile
                    .skills()
                    .map(|s| rules.skills[s].id.as_str())
                    .collect();
                let tc: Vec<&str> = r
                    .profile
                    .technologies()
                    .iter()
                    .map(|&t| techs.all()[t].id.as_str())
                    .collect();
                println!(
                    "  roles {:?}\n  skills {:?}\n  techs {:?}",
                    r.profile.roles, sk, tc
                );
            }
            for (i, score) in scored.iter().take(top) {
                println!(
                    "    {:5.1} g{} {}",
                    score, r.grades[&postings[*i].file], postings[*i].file
                );
                if flag("--explain") {
                    let p = &postings[*i];
                    let f = model.fit(
                        &rules,
                        &r.profile,
                        p.title.as_deref(),
                        &p.skills,
                        &p.technologies,
                    );
                    let techs = Technologies::builtin();
                    let name = |t: usize| techs.all()[t].id.clone();
                    println!(
                        "          had {:.1} asked {:.1} title {:?} roles+{:?} -{:?} tech+{:?} -{:?} skills+{:?}",
                        f.had,
                        f.asked,
                        p.title
                            .as_deref()
                            .unwrap_or("")
                            .chars()
                            .take(60)
                            .collect::<String>(),
                        f.roles_matched,
                        f.roles_missing,
                        f.technologies_matched
                            .iter()
                            .map(|&t| name(t))
                            .collect::<Vec<_>>(),
                        f.technologies_missing
                            .iter()
                            .map(|&(t, l)| format!("{}:{:?}", name(t), l))
                            .collect::<Vec<_>>(),
                        f.matched
                            .iter()
                            .map(|&s| rules.skills[s].id.clone())
                            .collect::<Vec<_>>(),
                    );
                }
            }
        }
    }
}
