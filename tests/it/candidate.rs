//! The candidate's side end to end: `jobfit profile`, `--resume` and `explain --resume` on the
//! real résumés and postings of tests/fixtures/fit.

use std::fs;

use crate::{jobfit, parse_csv};

const RESUMES: [&str; 6] = [
    "tests/fixtures/fit/resumes/rust-alexander-payne.md",
    "tests/fixtures/fit/resumes/go-backend-quan-tong-anh.md",
    "tests/fixtures/fit/resumes/frontend-carlos-riera.json",
    "tests/fixtures/fit/resumes/datascience-jonathan-schlosser.html",
    "tests/fixtures/fit/resumes/sales-caleb-christensen.pdf",
    "tests/fixtures/fit/resumes/research-journalism-alexander-genovese.docx",
];

#[test]
fn every_format_gives_a_profile_that_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    for resume in RESUMES {
        let output = jobfit(&["profile", resume], "");
        assert!(
            output.status.success(),
            "{resume}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let toml = String::from_utf8(output.stdout).unwrap();
        assert!(toml.contains("skills = ["), "{resume}: {toml}");
        // Contact lines are furniture: no e-mail address reaches the profile.
        assert!(!toml.contains("@gmail.com"), "{resume}: {toml}");
        let path = dir.path().join("me.toml");
        fs::write(&path, &toml).unwrap();
        let output = jobfit(
            &[
                "score",
                "tests/fixtures/fit/postings/rust-swish-rust-engineer.md",
                "--profile",
                path.to_str().unwrap(),
            ],
            "",
        );
        assert!(
            output.status.success(),
            "{resume}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    // What each format is read for (evidence from the real files).
    let profile =
        |resume: &str| String::from_utf8(jobfit(&["profile", resume], "").stdout).unwrap();
    let rust = profile(RESUMES[0]);
    assert!(
        rust.contains("\"rust\",") && rust.contains("\"embedded\","),
        "{rust}"
    );
    assert!(
        rust.contains("[years]") && rust.contains("rust = "),
        "{rust}"
    );
    let go = profile(RESUMES[1]);
    assert!(
        go.contains("\"go\",") && go.contains("\"postgresql\","),
        "{go}"
    );
    let json = profile(RESUMES[2]);
    assert!(
        json.contains("\"react\",") && json.contains("\"redux\","),
        "{json}"
    );
    let pdf = profile(RESUMES[4]);
    assert!(pdf.contains("\"communication\","), "{pdf}");
    let docx = profile(RESUMES[5]);
    assert!(
        docx.contains("\"r\",") && docx.contains("\"critical-thinking\","),
        "{docx}"
    );
}

/// Every real résumé of every fit set (Markdown, HTML, JSON Resume, PDF, DOCX) is read: a
/// profile with skills or technologies and the roles it names, and none of its contact lines.
/// (A Markdown résumé once failed as "a list of jobs" and only the fit example's run found it.)
#[test]
fn every_fit_resume_gives_a_profile() {
    let root = std::path::Path::new("tests/fixtures/fit");
    let mut resumes = Vec::new();
    for set in fs::read_dir(root).unwrap() {
        let dir = set.unwrap().path().join("resumes");
        let dir = if dir.is_dir() { dir } else { continue };
        for file in fs::read_dir(dir).unwrap() {
            resumes.push(file.unwrap().path());
        }
    }
    resumes.sort();
    assert!(resumes.len() >= 40, "{resumes:?}");
    for resume in &resumes {
        let name = resume.to_str().unwrap();
        let output = jobfit(&["profile", name], "");
        assert!(
            output.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let text = String::from_utf8(output.stdout).unwrap();
        let profile: toml::Table = toml::from_str(&text).unwrap();
        let count = |key: &str| {
            profile
                .get(key)
                .and_then(|v| v.as_array())
                .map_or(0, Vec::len)
        };
        // A developer's résumé names many skills of the map; a non-developer's names few
        // (heldout22's program manager: attention to detail, collaboration, data analysis).
        assert!(
            count("skills") + count("technologies") >= 3,
            "{name}: {text}"
        );
        assert!(count("roles") >= 1, "{name}: {text}");
        let mail = text.split_whitespace().any(|word| {
            word.split_once('@')
                .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
        });
        assert!(!mail, "{name}: a contact line reached the profile: {text}");
    }
}

#[test]
fn a_developer_resume_ranks_its_profession_first() {
    let output = jobfit(
        &[
            "score",
            "tests/fixtures/fit/postings",
            "--resume",
            RESUMES[0],
            "--sort",
            "fit",
        ],
        "",
    );
    assert!(output.status.success());
    let (header, rows) = parse_csv(&output.stdout);
    let source = header.iter().position(|h| h == "source").unwrap();
    let fit = header.iter().position(|h| h == "fit").unwrap();
    let top: Vec<&str> = rows.iter().take(10).map(|r| r[source].as_str()).collect();
    for other in ["/sales-", "/marketing-", "/design-"] {
        assert!(top.iter().all(|s| !s.contains(other)), "{top:?}");
    }
    assert!(
        top.iter()
            .take(3)
            .any(|s| s.contains("/rust-") || s.contains("/embedded-")),
        "{top:?}"
    );
    // No posting reaches 100, and the sales job sits in the lower band.
    for row in &rows {
        let value: f64 = row[fit].parse().unwrap();
        assert!(value < 100.0);
        if row[source].contains("sales-recruitee-hostaway") {
            assert!(value < 10.0, "{row:?}");
        }
    }
}

#[test]
fn explain_with_a_resume_shows_how_the_fit_comes_about() {
    let output = jobfit(
        &[
            "explain",
            "tests/fixtures/fit/postings/go-hn-dollar-shave-club-infrastructure-go.html",
            "--resume",
            RESUMES[1],
            "--color",
            "never",
        ],
        "",
    );
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    // The worked example of README.md.
    assert!(text.contains("fit: 67.5"), "{text}");
    assert!(text.contains("matching technologies: Go"), "{text}");
    assert!(
        text.contains("missing, mentioned: problem-solving"),
        "{text}"
    );
    assert!(text.contains("= 0.638"), "{text}");
}
