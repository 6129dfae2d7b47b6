//! The HTML report in a real browser: Chromium renders the report of the samples headless, and
//! the tests read the DOM after the report's script ran (`--dump-dom`).
//!
//! Chromium is required, not optional: `.ci/run` installs Debian's `chromium` when it is
//! missing. Set `CHROMIUM=/path/to/chrome` to use another build.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use scraper::{Html, Selector};

use crate::{jobfit, root};

fn chromium() -> PathBuf {
    let path = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    assert!(
        path.exists(),
        "Chromium is needed for the HTML report tests but {} does not exist: install it \
         (`apt-get install chromium`, as .ci/run does) or set CHROMIUM to a Chrome binary",
        path.display()
    );
    path
}

/// The DOM of `url` after its scripts ran, as Chromium serialises it.
fn dump_dom(url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--virtual-time-budget=5000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut text = String::new();
        stdout.read_to_string(&mut text).unwrap();
        text
    });
    let err = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within 120 s on {url}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let dom = out.join().unwrap();
    let log = err.join().unwrap();
    assert!(
        status.success() && dom.contains("</html>"),
        "chromium failed on {url}: {status}\n{log}"
    );
    dom
}

fn file_url(path: &Path, fragment: &str) -> String {
    format!("file://{}#{fragment}", path.display())
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(css).unwrap()).collect()
}

fn text(element: &scraper::ElementRef<'_>) -> String {
    element.text().collect()
}

/// The `data-i` (input position) and the text of column `key` of each rendered row.
fn column(doc: &Html, key: &str) -> Vec<(usize, String)> {
    select(doc, "#postings-table tbody tr.posting")
        .iter()
        .map(|row| {
            let i = row.value().attr("data-i").unwrap().parse().unwrap();
            let cell = row
                .select(&Selector::parse(&format!("td.c-{key}")).unwrap())
                .next()
                .unwrap();
            (i, text(&cell))
        })
        .collect()
}

fn numbers(cells: &[(usize, String)]) -> Vec<f64> {
    cells
        .iter()
        .filter(|(_, t)| !t.is_empty())
        .map(|(_, t)| t.parse().unwrap())
        .collect()
}

const HOSTILE_TITLE: &str =
    "<script>alert(1)</script><img src=x onerror=alert(2)> Mobile Rust developer";

struct Report {
    _dir: tempfile::TempDir,
    path: PathBuf,
    postings: usize,
}

fn build_report() -> Report {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    let profile = dir.path().join("me.toml");
    fs::write(
        &profile,
        "skills = [\"rust\", \"async-concurrency\", \"git\", \"linux-unix\", \"communication\"]\n",
    )
    .unwrap();
    let output = jobfit(
        &[
            "score",
            "samples",
            "tests/fixtures/crafted",
            "--no-progress",
            "--profile",
            profile.to_str().unwrap(),
            "--html",
            path.to_str().unwrap(),
            "-o",
            dir.path().join("out.csv").to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let postings = fs::read_dir(root().join("samples"))
        .unwrap()
        .filter(|e| {
            let name = e.as_ref().unwrap().file_name();
            let name = name.to_string_lossy();
            name.ends_with(".md") || name.ends_with(".html")
        })
        .count()
        + 2;
    Report {
        _dir: dir,
        path,
        postings,
    }
}

#[test]
fn html_report_is_self_contained_and_escapes_posting_text() {
    let report = build_report();
    let html = fs::read_to_string(&report.path).unwrap();
    // No external resources: nothing but inline CSS, script and SVG.
    for pattern in [
        "src=\"http",
        "src=\"//",
        "href=\"http",
        "href=\"//",
        "@import",
        "url(",
    ] {
        assert!(!html.contains(pattern), "{pattern}");
    }
    assert!(!html.contains("<link"), "no stylesheet links");
    assert_eq!(
        html.matches("<script").count(),
        2,
        "the data blob and the script"
    );
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("<img src=x"));
}

#[test]
fn html_report_stays_under_a_few_mb_per_thousand_postings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    let output = jobfit(
        &[
            "score",
            "tests/fixtures/postings",
            "--html",
            path.to_str().unwrap(),
            "-o",
            dir.path().join("out.csv").to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let (_, rows) = crate::parse_csv(&fs::read(dir.path().join("out.csv")).unwrap());
    let bytes = fs::metadata(&path).unwrap().len() as usize;
    // The README gives 1.5 MB per 1,000 postings; keep well under 3 MB.
    let per_thousand = bytes * 1000 / rows.len();
    assert!(
        per_thousand < 3_000_000,
        "{per_thousand} bytes per 1,000 postings"
    );
}

#[test]
fn html_report_renders_and_sorts_in_chromium() {
    let report = build_report();
    let n = report.postings;

    let dom = dump_dom(&file_url(&report.path, "sort=score&dir=desc"));
    let doc = Html::parse_document(&dom);
    // The script rendered one row per posting.
    let table = select(&doc, "#postings-table");
    assert_eq!(
        table[0].value().attr("data-rendered"),
        Some(n.to_string().as_str()),
        "the script did not render the table"
    );
    let desc = column(&doc, "score");
    assert_eq!(desc.len(), n);
    let scores = numbers(&desc);
    assert_eq!(scores.len(), n);
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert_eq!(
        text(&select(&doc, "#fig-postings")[0]),
        n.to_string(),
        "header figures"
    );
    // The chart bars and the heatmap are there, with their text alternatives.
    let bars = select(&doc, "svg.demand rect.bar");
    assert!(bars.len() >= 20, "{} bars", bars.len());
    assert!(!select(&doc, "svg.demand g.skill > title").is_empty());
    assert_eq!(select(&doc, "svg.heatmap g.hrow").len(), n);
    assert_eq!(select(&doc, "details.alt table tbody tr").len(), 46);
    // Fit comes first.
    let heads: Vec<String> = select(&doc, "#postings-table thead th")
        .iter()
        .map(|th| th.value().attr("data-key").unwrap().to_owned())
        .collect();
    assert_eq!(heads[..3], ["i", "fit", "score"]);
    // A hostile title is text, not markup.
    let titles: Vec<String> = select(&doc, "#postings-table td.c-title a")
        .iter()
        .map(text)
        .collect();
    assert!(titles.iter().any(|t| t == HOSTILE_TITLE), "{titles:?}");
    assert!(select(&doc, "img").is_empty(), "an <img> was injected");
    let scripts = select(&doc, "script");
    assert_eq!(scripts.len(), 2);
    assert!(
        scripts
            .iter()
            .all(|s| !text(s).contains("alert(1)</script>"))
    );
    // Links point at the sources, relative to the report.
    let link = select(&doc, "#postings-table td.c-title a")[0]
        .value()
        .attr("href")
        .unwrap()
        .to_owned();
    assert!(!link.starts_with("http"), "{link}");
    let target = report.path.parent().unwrap().join(&link);
    assert!(target.exists(), "{link} does not resolve to a file");

    let dom = dump_dom(&file_url(&report.path, "sort=score&dir=asc"));
    let doc = Html::parse_document(&dom);
    let asc = column(&doc, "score");
    let scores = numbers(&asc);
    assert!(scores.windows(2).all(|w| w[0] <= w[1]), "{scores:?}");
    let order = |cells: &[(usize, String)]| cells.iter().map(|c| c.0).collect::<Vec<_>>();
    assert_ne!(order(&asc), order(&desc));

    // Paging and the fit column.
    let dom = dump_dom(&file_url(&report.path, "sort=fit&size=4"));
    let doc = Html::parse_document(&dom);
    let fits = numbers(&column(&doc, "fit"));
    assert_eq!(fits.len(), 4);
    assert!(fits.windows(2).all(|w| w[0] >= w[1]), "{fits:?}");
    let pages = n.div_ceil(4).to_string();
    assert_eq!(
        select(&doc, "#postings-table")[0]
            .value()
            .attr("data-pages"),
        Some(pages.as_str())
    );
    assert_eq!(
        text(&select(&doc, "#page")[0]),
        format!("page 1 of {pages}")
    );
}

#[test]
fn html_report_selftest_clicks_headers_filters_and_pages_in_chromium() {
    let report = build_report();
    let dom = dump_dom(&file_url(&report.path, "selftest"));
    let doc = Html::parse_document(&dom);
    let html = select(&doc, "html")[0].value();
    let log = html.attr("data-selftest-log").unwrap_or("(no log)");
    assert_eq!(html.attr("data-selftest"), Some("pass"), "{log}");
    for step in [
        "ok title ascending",
        "ok score descending",
        "ok filter",
        "ok matches shown",
        "ok next page",
    ] {
        assert!(log.contains(step), "{step}: {log}");
    }
}
