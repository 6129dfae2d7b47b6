//! Extracted metadata on real postings: every case of the HN 2025 eval set (expected role,
//! salary and remote labels) and every full page of the corpus.
//!
//! `cargo test --test integration metadata -- --nocapture` prints the field-by-field accuracy.

use jobfit::extract::{self, Format, Metadata, Remote};
use serde_json::Value;

use crate::{fixture, root};

fn money(value: Option<f64>) -> String {
    value.map(|v| format!("{v:.0}")).unwrap_or_default()
}

/// The metadata as the CSV columns show it.
fn columns(meta: &Metadata) -> Vec<(&'static str, String)> {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    vec![
        ("title", text(&meta.title)),
        ("company", text(&meta.company)),
        ("location", text(&meta.location)),
        (
            "remote",
            meta.remote
                .map(|r| r.as_str().to_owned())
                .unwrap_or_default(),
        ),
        ("employment_type", text(&meta.employment_type)),
        ("date_posted", text(&meta.date_posted)),
        ("valid_through", text(&meta.valid_through)),
        ("salary_min", money(meta.salary_min)),
        ("salary_max", money(meta.salary_max)),
        ("salary_currency", text(&meta.salary_currency)),
        ("salary_period", text(&meta.salary_period)),
        (
            "experience_years",
            meta.experience_years
                .map(|y| y.to_string())
                .unwrap_or_default(),
        ),
        (
            "seniority",
            meta.seniority
                .map(|s| s.as_str().to_owned())
                .unwrap_or_default(),
        ),
        ("language", text(&meta.language)),
    ]
}

fn page_meta(name: &str) -> Metadata {
    let bytes = std::fs::read(fixture(name)).unwrap();
    extract::extract(&bytes, Format::Html).unwrap().meta
}

fn check_page(name: &str, expected: &[(&str, &str)]) {
    let got = columns(&page_meta(name));
    let got: Vec<(&str, &str)> = got.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(got, expected, "{name}");
}

/// A saved SEEK page, read through the site profile (tests/fixtures/pages). Known miss: SEEK's
/// "$95,000 – $140,000 per year" is Australian dollars, but a bare "$" reads as USD.
#[test]
fn page_seek() {
    let bytes = std::fs::read(
        root().join("tests/fixtures/pages/seek-sapien-agtech-software-engineer.html"),
    )
    .unwrap();
    let meta = extract::extract(&bytes, Format::Html).unwrap().meta;
    let got = columns(&meta);
    let got: Vec<(&str, &str)> = got.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        got,
        [
            ("title", "Agtech Software engineer"),
            ("company", "Sapien Technology Pty Ltd"),
            ("location", "Ashburton, Melbourne VIC"),
            ("remote", "hybrid"),
            ("employment_type", "full-time"),
            ("date_posted", ""),
            ("valid_through", ""),
            ("salary_min", "95000"),
            ("salary_max", "140000"),
            ("salary_currency", "USD"),
            ("salary_period", "year"),
            ("experience_years", "2"),
            ("seniority", ""),
            ("language", "en"),
        ]
    );
}

#[test]
fn page_recruitee() {
    check_page(
        "page-recruitee-hostaway-account-executive.html",
        &[
            ("title", "Account Executive - 100% remote - UK"),
            ("company", "Hostaway"),
            ("location", "Remote (London, LND, GB)"),
            ("remote", "remote"),
            ("employment_type", "full-time"),
            ("date_posted", "2026-01-21"),
            ("valid_through", ""),
            ("salary_min", ""),
            ("salary_max", ""),
            ("salary_currency", ""),
            ("salary_period", ""),
            // "3+ years of B2B SaaS sales experience."
            ("experience_years", "3"),
            ("seniority", ""),
            ("language", "en"),
        ],
    );
}

#[test]
fn page_topcv() {
    check_page(
        "page-topcv-vietnamese-ai-team-leader.html",
        &[
            ("title", "AI Team Leader ( Branch Manager) (Hà Nội)"),
            ("company", "CÔNG TY TNHH ACWORKS VIỆT NAM"),
            ("location", "Phường Thanh Xuân, Hà Nội, VN"),
            ("remote", ""),
            ("employment_type", "full-time"),
            ("date_posted", "2026-04-13"),
            ("valid_through", "2026-05-13"),
            ("salary_min", ""),
            ("salary_max", "80000000"),
            ("salary_currency", "VND"),
            ("salary_period", "month"),
            // "At least 3 years of experience in AI & 3+ years in a leadership role."
            ("experience_years", "3"),
            ("seniority", "lead"),
            ("language", "en"),
        ],
    );
}

#[test]
fn page_foorilla_ml_engineer() {
    check_page("page-foorilla-fragment-ml-engineer.html", FOORILLA_ML);
}

#[test]
fn page_foorilla_ai_rnd_coop() {
    check_page("page-foorilla-fragment-ai-rnd-coop.html", FOORILLA_COOP);
}

/// Foorilla fragments: no JSON-LD; the salary line is the posting's own ("USD 150K-175K"); the
/// place is the line under the main heading; "[Full Time]" shares a line with other labels and
/// is not recognised (left empty rather than guessed).
const FOORILLA_ML: &[(&str, &str)] = &[
    ("title", "Machine Learning Engineer - New Grad 2026"),
    ("company", ""),
    ("location", "Dallas, TX; New York, NY; San Francisco, CA"),
    ("remote", ""),
    ("employment_type", ""),
    ("date_posted", "2026-08-07"),
    ("valid_through", ""),
    ("salary_min", "150000"),
    ("salary_max", "175000"),
    ("salary_currency", "USD"),
    ("salary_period", "year"),
    ("experience_years", ""),
    ("seniority", ""),
    ("language", "en"),
];
/// "USD 80K-95K (estimate)": the site's estimate for this posting.
const FOORILLA_COOP: &[(&str, &str)] = &[
    ("title", "AI R&D Engineering Co-op"),
    ("company", ""),
    ("location", "United States"),
    ("remote", ""),
    ("employment_type", ""),
    ("date_posted", "2026-08-06"),
    ("valid_through", ""),
    ("salary_min", "80000"),
    ("salary_max", "95000"),
    ("salary_currency", "USD"),
    ("salary_period", "year"),
    ("experience_years", ""),
    ("seniority", ""),
    ("language", "en"),
];

/// One labelled field of one case: whether the extracted value is right.
struct Check {
    case: String,
    field: &'static str,
    right: bool,
    detail: String,
}

fn norm(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn contains(haystack: Option<&str>, needle: &str) -> bool {
    haystack.is_some_and(|h| h.to_lowercase().contains(&needle.to_lowercase()))
}

/// Checks the fields a case labels against the extracted metadata. Labels we do not extract
/// (`equity`, `company_stage`, role counts) are left out.
fn check_case(id: &str, meta: &Metadata, expect: &serde_json::Map<String, Value>) -> Vec<Check> {
    let mut checks = Vec::new();
    let mut push = |field: &'static str, right: bool, detail: String| {
        checks.push(Check {
            case: id.to_owned(),
            field,
            right,
            detail,
        })
    };
    for (key, value) in expect {
        match key.as_str() {
            "company_name" => push(
                "company",
                meta.company.as_deref().map(norm) == value.as_str().map(norm),
                format!("{:?} vs {value}", meta.company),
            ),
            "company_name_contains" => {
                let all = value
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str);
                let right = all.clone().all(|n| contains(meta.company.as_deref(), n));
                push("company", right, format!("{:?} vs {value}", meta.company));
            }
            "is_remote" => {
                let right = match value.as_bool() {
                    Some(true) => meta.remote == Some(Remote::Remote),
                    _ => meta.remote != Some(Remote::Remote),
                };
                push("remote", right, format!("{:?} vs {value}", meta.remote));
            }
            "is_remote_in" => push(
                "remote",
                meta.remote != Some(Remote::Remote),
                format!("{:?} vs {value}", meta.remote),
            ),
            "remote_regions_contain" | "locations_contain" => {
                let all = value
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str);
                let right = all.clone().all(|n| contains(meta.location.as_deref(), n));
                push("location", right, format!("{:?} vs {value}", meta.location));
            }
            "salary_min" | "salary_max" => {
                let got = if key == "salary_min" {
                    meta.salary_min
                } else {
                    meta.salary_max
                };
                push(
                    "salary",
                    got == value.as_f64(),
                    format!("{key} {got:?} vs {value}"),
                );
            }
            "salary_min_gte" => push(
                "salary",
                meta.salary_min
                    .zip(value.as_f64())
                    .is_some_and(|(g, v)| g >= v),
                format!("{key} {:?} vs {value}", meta.salary_min),
            ),
            "salary_max_lte" => push(
                "salary",
                meta.salary_max
                    .zip(value.as_f64())
                    .is_some_and(|(g, v)| g <= v),
                format!("{key} {:?} vs {value}", meta.salary_max),
            ),
            "salary_currency" => push(
                "salary_currency",
                meta.salary_currency.as_deref() == value.as_str(),
                format!("{:?} vs {value}", meta.salary_currency),
            ),
            "employment_type" => push(
                "employment_type",
                meta.employment_type.as_deref().map(norm) == value.as_str().map(norm),
                format!("{:?} vs {value}", meta.employment_type),
            ),
            _ => {}
        }
    }
    checks
}

#[test]
fn hn_2025_eval_cases() {
    let path = root().join("tests/fixtures/hn-2025-eval/eval_cases.json");
    let json: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut checks: Vec<Check> = Vec::new();
    for case in json["test_cases"].as_array().unwrap() {
        let id = case["id"].as_str().unwrap();
        let content = case["comment"]["content"].as_str().unwrap();
        let expected = &case["expected"];
        let result = extract::extract(content.as_bytes(), Format::Html);
        if expected["error"] == Value::Bool(true) {
            checks.push(Check {
                case: id.into(),
                field: "error",
                right: result.is_err(),
                detail: format!("{:?}", result.as_ref().err()),
            });
            continue;
        }
        let meta = result.unwrap().meta;
        if expected["is_job_posting"] == Value::Bool(false) {
            // Not a job: nothing may be claimed about it.
            let claimed: Vec<_> = columns(&meta)
                .into_iter()
                .filter(|(k, v)| !v.is_empty() && !matches!(*k, "title" | "company" | "language"))
                .collect();
            checks.push(Check {
                case: id.into(),
                field: "no claims",
                right: claimed.is_empty(),
                detail: format!("{claimed:?}"),
            });
            continue;
        }
        let mut expect = expected["all_roles"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        let roles = expected["roles"].as_array().cloned().unwrap_or_default();
        if roles.len() == 1 {
            if let Some(fields) = roles[0]["expect"].as_object() {
                expect.extend(fields.clone());
            }
            let words = roles[0]["match_by"]["role_title_contains"]
                .as_array()
                .unwrap();
            let right = words
                .iter()
                .filter_map(Value::as_str)
                .any(|w| contains(meta.title.as_deref(), w));
            checks.push(Check {
                case: id.into(),
                field: "title",
                right,
                detail: format!("{:?} vs {words:?}", meta.title),
            });
        }
        checks.extend(check_case(id, &meta, &expect));
    }
    let mut fields: Vec<&str> = checks.iter().map(|c| c.field).collect();
    fields.dedup();
    fields.sort();
    fields.dedup();
    eprintln!("field-by-field accuracy on tests/fixtures/hn-2025-eval:");
    for field in &fields {
        let of: Vec<&Check> = checks.iter().filter(|c| c.field == *field).collect();
        let right = of.iter().filter(|c| c.right).count();
        eprintln!("  {field:<16} {right}/{}", of.len());
    }
    let misses: Vec<String> = checks
        .iter()
        .filter(|c| !c.right)
        .map(|c| format!("{} {}: {}", c.case, c.field, c.detail))
        .collect();
    for miss in &misses {
        eprintln!("  miss: {miss}");
    }
    let right = checks.iter().filter(|c| c.right).count();
    eprintln!("  overall          {right}/{}", checks.len());
    assert_eq!(misses, KNOWN_MISSES, "misses changed");
}

/// The labels we get wrong, each for a reason given in README.md's metadata notes.
const KNOWN_MISSES: &[&str] = &[];
