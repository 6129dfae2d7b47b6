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

/// A report of the 100 real RemoteWLB postings of `Others` (near-duplicates among them, remote
/// and hybrid, pay in several currencies) with `--dedup` and a real résumé, and its CSV rows.
struct MetaReport {
    _dir: tempfile::TempDir,
    path: PathBuf,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl MetaReport {
    fn cell<'a>(&self, row: &'a [String], name: &str) -> &'a str {
        let i = self.header.iter().position(|h| h == name).unwrap();
        &row[i]
    }

    /// The rows the report lists by default: not near-duplicates, in input order.
    fn distinct(&self) -> Vec<&Vec<String>> {
        self.rows
            .iter()
            .filter(|r| self.cell(r, "duplicate_of").is_empty())
            .collect()
    }

    /// The top of a row's pay range.
    fn pay_top(&self, row: &[String]) -> Option<f64> {
        let max = self.cell(row, "salary_max");
        let min = self.cell(row, "salary_min");
        let top = if max.is_empty() { min } else { max };
        top.parse().ok()
    }
}

fn build_meta_report() -> MetaReport {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    let csv = dir.path().join("out.csv");
    let output = jobfit(
        &[
            "score",
            "tests/fixtures/remotewlb-dedup/jobs/Others",
            "--no-progress",
            "--dedup",
            "--resume",
            "tests/fixtures/fit/resumes/rust-alexander-payne.md",
            "--html",
            path.to_str().unwrap(),
            "-o",
            csv.to_str().unwrap(),
        ],
        "",
    );
    assert!(output.status.code() == Some(0), "{output:?}");
    let (header, rows) = crate::parse_csv(&fs::read(&csv).unwrap());
    MetaReport {
        _dir: dir,
        path,
        header,
        rows,
    }
}

/// The input positions of the rendered rows, and the text of column `key` of each.
fn rendered(doc: &Html, key: &str) -> Vec<(usize, String)> {
    column(doc, key)
}

fn matching(doc: &Html) -> usize {
    select(doc, "#postings-table")[0]
        .value()
        .attr("data-matching")
        .unwrap()
        .parse()
        .unwrap()
}

#[test]
fn html_report_folds_near_duplicates_and_the_toggle_shows_them() {
    let report = build_meta_report();
    let n = report.rows.len();
    let distinct = report.distinct().len();
    assert!(distinct < n, "the fixture has near-duplicates");
    // Folded by default: only distinct postings, none marked as a duplicate.
    let doc = Html::parse_document(&dump_dom(&file_url(&report.path, "size=500")));
    assert_eq!(matching(&doc), distinct);
    let rows = rendered(&doc, "title");
    assert_eq!(rows.len(), distinct);
    assert!(select(&doc, "#postings-table tr.dup").is_empty());
    for (i, _) in &rows {
        assert!(
            report.cell(&report.rows[*i], "duplicate_of").is_empty(),
            "row {i} is a near-duplicate"
        );
    }
    assert_eq!(
        text(&select(&doc, "#dup-count")[0]),
        (n - distinct).to_string()
    );
    assert!(
        text(&select(&doc, "#shown")[0])
            .contains(&format!("{} near-duplicates folded", n - distinct)),
        "the count says what is folded"
    );
    // The toggle's state, as the fragment keeps it: every posting, duplicates marked.
    let doc = Html::parse_document(&dump_dom(&file_url(&report.path, "size=500&dups=1")));
    assert_eq!(matching(&doc), n);
    assert_eq!(rendered(&doc, "title").len(), n);
    assert_eq!(select(&doc, "#postings-table tr.dup").len(), n - distinct);
    // Real clicks on the toggle and on each filter, checked by the page's self-test.
    let doc = Html::parse_document(&dump_dom(&file_url(&report.path, "selftest")));
    let html = select(&doc, "html")[0].value();
    let log = html.attr("data-selftest-log").unwrap_or("(no log)");
    assert_eq!(html.attr("data-selftest"), Some("pass"), "{log}");
    for step in [
        "ok near-duplicates folded",
        "ok near-duplicates shown",
        "ok near-duplicates folded again",
        "ok remote filter",
        "ok location filter",
        "ok pay filter",
        "ok filters cleared",
        "ok fit breakdown shown",
    ] {
        assert!(log.contains(step), "{step}: {log}");
    }
}

#[test]
fn html_report_shows_metadata_and_filters_by_remote_location_and_pay() {
    let report = build_meta_report();
    let distinct = report.distinct();
    // Columns: location, remote, salary, seniority, date posted.
    let doc = Html::parse_document(&dump_dom(&file_url(
        &report.path,
        "size=500&sort=i&dir=asc",
    )));
    for key in ["loc", "remote", "pay", "sen", "date"] {
        assert_eq!(
            select(
                &doc,
                &format!("#postings-table thead th[data-key=\"{key}\"]")
            )
            .len(),
            1,
            "{key}"
        );
    }
    let locations = rendered(&doc, "loc");
    let remotes = rendered(&doc, "remote");
    let seniorities = rendered(&doc, "sen");
    let pays = rendered(&doc, "pay");
    for (((i, loc), (_, remote)), ((_, sen), (_, pay))) in locations
        .iter()
        .zip(&remotes)
        .zip(seniorities.iter().zip(&pays))
    {
        let row = &report.rows[*i];
        assert_eq!(loc, report.cell(row, "location"), "row {i}");
        assert_eq!(remote, report.cell(row, "remote"), "row {i}");
        assert_eq!(sen, report.cell(row, "seniority"), "row {i}");
        assert_eq!(pay.is_empty(), report.pay_top(row).is_none(), "row {i}");
    }
    // A range reads min–max currency/period, as the posting gives it.
    let euro = pays
        .iter()
        .find(|(i, _)| report.cell(&report.rows[*i], "salary_currency") == "EUR")
        .unwrap();
    let row = &report.rows[euro.0];
    let figure = |name: &str| -> String {
        let v: f64 = report.cell(row, name).parse().unwrap();
        let digits = format!("{v:.0}");
        let mut out = String::new();
        for (k, c) in digits.chars().enumerate() {
            if k > 0 && (digits.len() - k) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        out
    };
    assert_eq!(
        euro.1,
        format!(
            "{}–{} EUR/{}",
            figure("salary_min"),
            figure("salary_max"),
            report.cell(row, "salary_period")
        )
    );

    // Remote: only remote postings, as many as the CSV has among the distinct ones.
    let doc = Html::parse_document(&dump_dom(&file_url(&report.path, "size=500&remote=remote")));
    let want = distinct
        .iter()
        .filter(|r| report.cell(r, "remote") == "remote")
        .count();
    let shown = rendered(&doc, "remote");
    assert!(want > 0 && want < distinct.len(), "{want}");
    assert_eq!(shown.len(), want);
    assert!(shown.iter().all(|(_, r)| r == "remote"), "{shown:?}");
    let doc = Html::parse_document(&dump_dom(&file_url(&report.path, "size=500&remote=hybrid")));
    let want = distinct
        .iter()
        .filter(|r| report.cell(r, "remote") == "hybrid")
        .count();
    assert!(want > 0);
    assert_eq!(rendered(&doc, "remote").len(), want);

    // Location contains the text, whatever its case.
    let doc = Html::parse_document(&dump_dom(&file_url(&report.path, "size=500&loc=CANADA")));
    let want = distinct
        .iter()
        .filter(|r| report.cell(r, "location").to_lowercase().contains("canada"))
        .count();
    let shown = rendered(&doc, "loc");
    assert!(want > 0, "no Canadian posting");
    assert_eq!(shown.len(), want);
    assert!(
        shown
            .iter()
            .all(|(_, l)| l.to_lowercase().contains("canada"))
    );

    // Minimum pay: the top of the range reaches it; postings without pay are left out.
    let doc = Html::parse_document(&dump_dom(&file_url(&report.path, "size=500&minpay=200000")));
    let want: Vec<usize> = report
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| report.cell(r, "duplicate_of").is_empty())
        .filter(|(_, r)| report.pay_top(r).is_some_and(|top| top >= 200_000.0))
        .map(|(i, _)| i)
        .collect();
    let mut shown: Vec<usize> = rendered(&doc, "pay").iter().map(|(i, _)| *i).collect();
    shown.sort_unstable();
    assert!(!want.is_empty() && want.len() < distinct.len());
    assert_eq!(shown, want);

    // Filters combine.
    let doc = Html::parse_document(&dump_dom(&file_url(
        &report.path,
        "size=500&remote=remote&minpay=150000",
    )));
    let want = distinct
        .iter()
        .filter(|r| {
            report.cell(r, "remote") == "remote"
                && report.pay_top(r).is_some_and(|top| top >= 150_000.0)
        })
        .count();
    assert_eq!(matching(&doc), want);
}

#[test]
fn html_report_shows_the_fit_breakdown_of_a_real_resume() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.html");
    let posting = "tests/fixtures/fit/postings/rust-swish-rust-engineer.md";
    let resume = "tests/fixtures/fit/resumes/rust-alexander-payne.md";
    let output = jobfit(
        &[
            "score",
            posting,
            "tests/fixtures/fit/postings/php-hn-motley-fool-full-stack-php.html",
            "--no-progress",
            "--resume",
            resume,
            "--html",
            path.to_str().unwrap(),
            "-o",
            dir.path().join("out.csv").to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    // What `explain --resume` prints for the same posting and résumé.
    let explained = jobfit(&["explain", posting, "--resume", resume], "");
    assert_eq!(explained.status.code(), Some(0), "{explained:?}");
    let explained = String::from_utf8(explained.stdout).unwrap();
    let line = |label: &str| -> String {
        let prefix = format!("  {label}: ");
        let found = explained
            .lines()
            .find_map(|l| l.strip_prefix(&prefix))
            .unwrap_or_else(|| panic!("{label} not in {explained}"));
        // explain writes "-" for none, the report "–".
        if found == "-" {
            "–".to_owned()
        } else {
            found.to_owned()
        }
    };
    let fit_line = explained
        .lines()
        .find_map(|l| l.strip_prefix("fit: "))
        .unwrap()
        .to_owned();

    let doc = Html::parse_document(&dump_dom(&file_url(&path, "sort=i&dir=asc&expand")));
    let boxes = select(&doc, "#postings-table tr.details div.fit");
    assert_eq!(boxes.len(), 2, "one breakdown per posting");
    let first = &boxes[0];
    let part = |class: &str| -> String {
        let sel = Selector::parse(&format!(".{class} dd")).unwrap();
        first
            .select(&sel)
            .next()
            .map(|e| text(&e))
            .unwrap_or_default()
    };
    let heading = text(
        &first
            .select(&Selector::parse("h3").unwrap())
            .next()
            .unwrap(),
    );
    assert_eq!(heading, format!("Fit {fit_line}"));
    assert!(!part("f-matched").is_empty() && part("f-matched") != "–");
    assert_eq!(part("f-matched"), line("matching skills"));
    assert_eq!(part("f-tech-matched"), line("matching technologies"));
    assert_eq!(part("f-missing-required"), line("missing, required"));
    assert_eq!(part("f-missing-preferred"), line("missing, preferred"));
    assert_eq!(part("f-missing-mentioned"), line("missing, mentioned"));
    // The arithmetic, with the same share as explain.
    let how = text(
        &first
            .select(&Selector::parse(".f-how").unwrap())
            .next()
            .unwrap(),
    );
    let share = explained
        .lines()
        .find(|l| l.contains("share = "))
        .and_then(|l| l.rsplit("= ").next())
        .unwrap()
        .trim_end_matches(';')
        .to_owned();
    assert!(how.contains(&format!(") = {share};")), "{how} / {share}");
    assert!(how.contains(&format!("= {fit_line}.")), "{how}");
    // The PHP posting names technologies the Rust résumé lacks.
    let second = &boxes[1];
    let lacks = second
        .select(&Selector::parse(".f-tech-missing dd").unwrap())
        .next()
        .map(|e| text(&e))
        .unwrap();
    assert!(lacks.contains("PHP"), "{lacks}");
}
