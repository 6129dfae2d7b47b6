//! Title, company and location on real saved job pages of many sites
//! (`tests/fixtures/pages`: labels read by hand from each rendered page, PROVENANCE.md).
//!
//! Every field must equal its label (ignoring case, punctuation and white space, and allowing
//! one to contain the other: "Boston" for "Boston, United States"), or be a miss that
//! `misses.toml` explains, with the value jobfit gives today: a change in a miss fails too, so
//! an improvement is recorded and a regression is seen. A page labeled "not-a-posting" must get
//! that status. `cargo test --test integration pages -- --nocapture` prints the figures.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use crate::{jobfit, root};

#[derive(Debug, Deserialize)]
struct Labels {
    page: Vec<Page>,
}

#[derive(Debug, Deserialize)]
struct Page {
    file: String,
    kind: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    company: String,
    #[serde(default)]
    location: String,
}

#[derive(Debug, Deserialize)]
struct Misses {
    miss: Vec<Miss>,
}

#[derive(Debug, Deserialize)]
struct Miss {
    file: String,
    field: String,
    got: String,
    why: String,
}

fn words(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Equal as words, or one within the other.
fn agrees(got: &str, label: &str) -> bool {
    let (got, label) = (words(got), words(label));
    got == label
        || (!got.is_empty() && !label.is_empty() && (got.contains(&label) || label.contains(&got)))
}

#[test]
fn pages_give_title_company_and_location() {
    let dir = root().join("tests/fixtures/pages");
    let labels: Labels =
        toml::from_str(&std::fs::read_to_string(dir.join("labels.toml")).unwrap()).unwrap();
    let misses: Misses =
        toml::from_str(&std::fs::read_to_string(dir.join("misses.toml")).unwrap()).unwrap();
    let mut explained: BTreeMap<(String, String), &Miss> = BTreeMap::new();
    for miss in &misses.miss {
        assert!(
            !miss.why.trim().is_empty(),
            "{}: a miss needs its reason",
            miss.file
        );
        let key = (miss.file.clone(), miss.field.clone());
        assert!(
            explained.insert(key, miss).is_none(),
            "{} {} twice",
            miss.file,
            miss.field
        );
    }
    let files: Vec<String> = labels
        .page
        .iter()
        .map(|p| dir.join(&p.file).display().to_string())
        .collect();
    let mut args = vec!["score", "--format", "jsonl", "--no-progress"];
    args.extend(files.iter().map(String::as_str));
    let output = jobfit(&args, "");
    let rows: Vec<Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), labels.page.len());
    let mut failures = Vec::new();
    let mut right: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (page, row) in labels.page.iter().zip(&rows) {
        let status = row["status"].as_str().unwrap_or_default();
        if page.kind == "not-a-posting" {
            let key = (page.file.clone(), "status".to_owned());
            match explained.remove(&key) {
                Some(miss) if miss.got == status => {}
                Some(miss) => failures.push(format!(
                    "{}: status {status:?}, misses.toml says {:?}",
                    page.file, miss.got
                )),
                None if status == "not-a-posting" => {}
                None => failures.push(format!("{}: status {status:?}, not a posting", page.file)),
            }
            continue;
        }
        for (field, label) in [
            ("title", &page.title),
            ("company", &page.company),
            ("location", &page.location),
        ] {
            let got = row[field].as_str().unwrap_or_default();
            let counts = right.entry(field).or_default();
            counts.1 += 1;
            let key = (page.file.clone(), field.to_owned());
            let ok = if label.is_empty() {
                got.is_empty()
            } else {
                agrees(got, label)
            };
            if ok {
                counts.0 += 1;
                if explained.remove(&key).is_some() {
                    failures.push(format!(
                        "{} {field}: now right; drop it from misses.toml",
                        page.file
                    ));
                }
                continue;
            }
            match explained.remove(&key) {
                Some(miss) if miss.got == got => {}
                Some(miss) => failures.push(format!(
                    "{} {field}: got {got:?}, misses.toml says {:?} (label {label:?})",
                    page.file, miss.got
                )),
                None => failures.push(format!(
                    "{} {field}: got {got:?}, label {label:?}",
                    page.file
                )),
            }
        }
    }
    for (field, (ok, all)) in &right {
        println!("{field}: {ok}/{all} right");
    }
    for ((file, field), _) in explained {
        failures.push(format!("misses.toml: {file} {field} is no page's miss"));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A user's site profile (`--sites FILE`) reads a site the built-in profiles do not know, and
/// `explain` names the selector; a bad selector is an error naming the file.
#[test]
fn user_site_profiles_extend_the_built_in_ones() {
    let dir = tempfile::tempdir().unwrap();
    let sites = dir.path().join("sites.toml");
    std::fs::write(
        &sites,
        "[[site]]\nname = \"Orrick via Micron lawcruit\"\nhosts = [\"micronapps.com\"]\n\
         employer = \"Orrick\"\ntitle = [\".page-header\"]\n",
    )
    .unwrap();
    let page = root().join("tests/fixtures/pages/micronapps-orrick-ip-managing-associate.mhtml");
    let page = page.display().to_string();
    let sites_arg = sites.display().to_string();
    let output = jobfit(
        &["explain", &page, "--sites", &sites_arg, "--color", "never"],
        "",
    );
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{output:?}");
    assert!(
        text.contains("title: Intellectual Property Managing Associate  (from site profile Orrick via Micron lawcruit: .page-header)"),
        "{text}"
    );
    assert!(
        text.contains("company: Orrick  (from site profile Orrick via Micron lawcruit: employer)"),
        "{text}"
    );
    // Without the profile, the generic evidence reads the same element by its class.
    let output = jobfit(&["explain", &page, "--color", "never"], "");
    assert!(
        String::from_utf8_lossy(&output.stdout).contains(
            "title: Intellectual Property Managing Associate  (from element class=\"page-header\")"
        ),
        "{output:?}"
    );

    std::fs::write(
        &sites,
        "[[site]]\nname = \"Bad\"\nhosts = [\"x.org\"]\ntitle = [\"h1[\"]\n",
    )
    .unwrap();
    let output = jobfit(&["score", &page, "--sites", &sites_arg], "");
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("{sites_arg}: site \"Bad\": bad title selector")),
        "{stderr}"
    );
}

/// The collections kept for measuring sites nobody tuned for (`bench/page-fields`), one per
/// folder of `tests/fixtures/pages-heldout`: every label names an existing page and gives the
/// three fields, and every page there is labelled. Once tuned on, a collection moves to
/// `tests/fixtures/pages`; between collections the folder holds only the blind figures.
#[test]
fn held_out_pages_are_labelled() {
    let root = root().join("tests/fixtures/pages-heldout");
    assert!(root.join("README.md").is_file(), "{}", root.display());
    for entry in std::fs::read_dir(&root).unwrap() {
        let dir = entry.unwrap().path();
        let Ok(text) = std::fs::read_to_string(dir.join("labels.toml")) else {
            continue;
        };
        let labels: toml::Table = toml::from_str(&text).unwrap();
        for (file, label) in &labels {
            assert!(dir.join(file).is_file(), "{}: {file}", dir.display());
            for field in ["title", "company", "location"] {
                assert!(
                    label.get(field).is_some_and(toml::Value::is_str),
                    "{file}: {field}"
                );
            }
        }
        let pages = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".html") || name.ends_with(".mhtml"));
        for page in pages {
            assert!(labels.contains_key(&page), "{page} has no label");
        }
    }
}

/// A user's site file adds label words (`[labels]`): a label jobfit does not know names the
/// field after it. The page is an excerpt of the Taleo fixture
/// `taleo-whitecase-associate-international-trade.mhtml`: its `<title>`, and its "Primary
/// Location" row as Taleo writes it (label, colon and spacer in spans of their own).
#[test]
fn user_label_words_extend_the_built_in_ones() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("taleo.html");
    std::fs::write(
        &page,
        "<html><head><title>Job Description - Associate: International Trade - Americas \
         (230000XY)</title></head><body><div id=\"requisitionDescriptionInterface.ID1449.row1\" class=\"contentlinepanel\" \
         title=\"\"><h2 class=\"no-change-header-inline\"><span \
         id=\"requisitionDescriptionInterface.ID1465.row1\" class=\"subtitle\" title=\"\" \
         style=\"display: inline;\">Primary Location</span></h2><span \
         id=\"requisitionDescriptionInterface.ID1482.row1\" class=\"subtitle\" \
         title=\"\">:</span><span class=\"inline\">&nbsp;</span><span \
         id=\"requisitionDescriptionInterface.ID1492.row1\" class=\"text\" title=\"\">United \
         States-Washington D.C.</span></div></body></html>",
    )
    .unwrap();
    let page = page.display().to_string();
    let output = jobfit(&["explain", &page, "--color", "never"], "");
    assert!(
        !String::from_utf8_lossy(&output.stdout).contains("location: United States"),
        "{output:?}"
    );
    let sites = dir.path().join("labels.toml");
    std::fs::write(&sites, "[labels]\nlocation = [\"Primary Location\"]\n").unwrap();
    let sites_arg = sites.display().to_string();
    let output = jobfit(
        &["explain", &page, "--sites", &sites_arg, "--color", "never"],
        "",
    );
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains(
            "location: United States-Washington D.C.  (from the element after the label \"Primary Location\")"
        ),
        "{text}"
    );

    std::fs::write(&sites, "[labels]\nplace = [\"Ort\"]\n").unwrap();
    let output = jobfit(&["score", &page, "--sites", &sites_arg], "");
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert!(String::from_utf8_lossy(&output.stderr).contains(&sites_arg));
}
