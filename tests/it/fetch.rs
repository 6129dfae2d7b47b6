//! The fetch stage against a real HTTP server on 127.0.0.1: every misbehaviour of the web the
//! issue names, the limits, the cache and the job-board APIs.

use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::time::Duration;

use crate::server::Server;
use crate::{jobfit, parse_csv};

/// Runs `jobfit score` on `urls` without the user's cache, with no spacing between requests
/// and quick retries; returns the exit code and rows as maps of column -> value.
fn score(
    server: &Server,
    extra: &[&str],
    paths: &[&str],
) -> (i32, Vec<HashMap<String, String>>, String) {
    let urls: Vec<String> = paths.iter().map(|p| server.url(p)).collect();
    let mut args = vec!["score", "--no-progress", "--delay", "0"];
    if !extra.contains(&"--cache-dir") {
        args.push("--no-cache");
    }
    args.extend_from_slice(extra);
    args.extend(urls.iter().map(String::as_str));
    let output = jobfit(&args, "");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    let (header, rows) = parse_csv(&output.stdout);
    let rows = rows
        .into_iter()
        .map(|row| header.iter().cloned().zip(row).collect())
        .collect();
    (output.status.code().unwrap_or(-1), rows, stderr)
}

fn cell<'a>(row: &'a HashMap<String, String>, column: &str) -> &'a str {
    row.get(column).map(String::as_str).unwrap_or_default()
}

#[test]
fn pages_are_fetched_scored_and_described() {
    let server = Server::start();
    let (code, rows, stderr) = score(
        &server,
        &[],
        &["/page", "/gzip", "/redirect", "/posting.md"],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(rows.len(), 4);
    for row in &rows {
        assert_eq!(cell(row, "status"), "ok", "{row:?}");
        assert_eq!(cell(row, "http_status"), "200");
        assert_eq!(cell(row, "from_cache"), "false");
        assert!(
            cell(row, "required").contains("rust") || cell(row, "mentioned").contains("rust"),
            "{row:?}"
        );
        assert!(cell(row, "fetched_at").ends_with('Z'), "{row:?}");
    }
    // The same posting, plain and gzip-compressed: the same scores.
    assert_eq!(cell(&rows[0], "score"), cell(&rows[1], "score"));
    assert_eq!(cell(&rows[2], "url"), server.url("/redirect"));
    assert_eq!(cell(&rows[2], "final_url"), server.url("/page"));
    assert!(
        stderr.contains("4 postings: 4 ok, 0 failed, 0 blocked, 0 skipped, 0 from cache"),
        "{stderr}"
    );
    let agents = server.seen.agents.lock().unwrap().clone();
    assert!(
        agents
            .iter()
            .all(|a| a.starts_with("jobfit/") && a.contains("(+https://")),
        "{agents:?}"
    );
    // robots.txt once for the host, each page once.
    assert_eq!(server.seen.hits("/robots.txt"), 1);
    assert_eq!(server.seen.hits("/page"), 2);
}

#[test]
fn failures_become_rows_that_say_why() {
    let server = Server::start();
    let (code, rows, stderr) = score(
        &server,
        &["--retries", "0", "--timeout", "1", "--max-bytes", "1048576"],
        &["/missing", "/loop", "/slow", "/huge", "/doc.pdf", "/page"],
    );
    assert_eq!(code, 1, "{stderr}");
    let statuses: Vec<&str> = rows.iter().map(|r| cell(r, "status")).collect();
    assert_eq!(
        statuses,
        ["error", "error", "error", "error", "error", "ok"]
    );
    assert_eq!(cell(&rows[0], "error"), "HTTP 404 Not Found");
    assert_eq!(cell(&rows[0], "http_status"), "404");
    assert!(
        cell(&rows[1], "error").contains("too many redirects"),
        "{:?}",
        rows[1]
    );
    assert!(
        cell(&rows[2], "error").contains("timed out after 1 s"),
        "{:?}",
        rows[2]
    );
    assert!(
        cell(&rows[3], "error").contains("larger than 1048576 bytes"),
        "{:?}",
        rows[3]
    );
    assert_eq!(
        cell(&rows[4], "error"),
        "unsupported content type application/pdf (expected HTML, plain text, Markdown or JSON)"
    );
    // The redirect loop stopped after the limit (1 + 10 redirects).
    assert!(server.seen.hits("/loop") <= 11);
}

#[test]
fn connection_resets_are_retried_then_reported() {
    let server = Server::start();
    let url = format!("http://{}/job", server.reset_addr);
    let output = jobfit(
        &[
            "score",
            "--no-progress",
            "--no-cache",
            "--delay",
            "0",
            "--retries",
            "1",
            "--ignore-robots",
            &url,
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(1));
    let (header, rows) = parse_csv(&output.stdout);
    let error = &rows[0][header.iter().position(|h| h == "error").unwrap()];
    assert!(error.starts_with("connection failed"), "{error}");
}

#[test]
fn retry_after_and_server_errors_are_retried() {
    let server = Server::start();
    let (code, rows, stderr) = score(&server, &["--retries", "3"], &["/ratelimited", "/flaky"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(rows.iter().all(|r| cell(r, "status") == "ok"), "{rows:?}");
    assert_eq!(server.seen.hits("/ratelimited"), 2);
    assert_eq!(server.seen.hits("/flaky"), 3);
    let arrivals = server.seen.arrivals("/ratelimited");
    let waited = arrivals[1] - arrivals[0];
    assert!(
        waited >= Duration::from_millis(950),
        "Retry-After: 1 honoured, waited {waited:?}"
    );
}

#[test]
fn walls_are_blocked_and_robots_txt_is_obeyed() {
    let server = Server::start();
    let (code, rows, stderr) = score(
        &server,
        &["--retries", "1"],
        &[
            "/challenge",
            "/captcha",
            "/linkedin",
            "/to-login",
            "/always-429",
            "/private/job",
            "/page",
        ],
    );
    assert_eq!(code, 1, "{stderr}");
    let statuses: Vec<&str> = rows.iter().map(|r| cell(r, "status")).collect();
    assert_eq!(
        statuses,
        [
            "blocked", "blocked", "blocked", "blocked", "blocked", "skipped", "ok"
        ],
        "{rows:?}"
    );
    assert_eq!(cell(&rows[0], "error"), "blocked: HTTP 403 Forbidden");
    assert!(
        cell(&rows[1], "error").contains("verify you are a human"),
        "{:?}",
        rows[1]
    );
    assert!(cell(&rows[2], "error").contains("999"));
    assert!(
        cell(&rows[3], "error").contains("sign-in page"),
        "{:?}",
        rows[3]
    );
    assert!(cell(&rows[4], "error").contains("429"), "{:?}", rows[4]);
    assert_eq!(server.seen.hits("/always-429"), 2);
    assert_eq!(
        cell(&rows[5], "error"),
        format!("disallowed by {}", server.url("/robots.txt"))
    );
    assert_eq!(
        server.seen.hits("/private/job"),
        0,
        "a disallowed URL is never requested"
    );
    for row in &rows[..6] {
        assert_eq!(
            cell(row, "score"),
            "",
            "blocked and skipped rows are not scored: {row:?}"
        );
    }
    assert!(
        stderr.contains("1 ok, 0 failed, 5 blocked, 1 skipped"),
        "{stderr}"
    );

    // --ignore-robots fetches it.
    let (code, rows, _) = score(&server, &["--ignore-robots"], &["/private/job"]);
    assert_eq!((code, cell(&rows[0], "status")), (0, "ok"));
}

#[test]
fn legacy_charsets_are_decoded() {
    let server = Server::start();
    let (code, rows, stderr) = score(&server, &[], &["/latin1"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(cell(&rows[0], "title"), "Développeur Rust à Zürich");
    assert!(
        cell(&rows[0], "required").contains("rust") || cell(&rows[0], "mentioned").contains("rust")
    );
}

#[test]
fn per_host_limit_and_spacing_are_never_exceeded() {
    let server = Server::start();
    let paths: Vec<String> = (0..8).map(|i| format!("/slowpage/{i}")).collect();
    let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
    let (code, rows, stderr) = score(&server, &["--per-host", "2", "--concurrency", "16"], &paths);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(rows.len(), 8);
    assert_eq!(
        server.seen.peak.load(Ordering::SeqCst),
        2,
        "at most 2 in flight, and 2 used"
    );

    let server = Server::start();
    let paths: Vec<String> = (0..5).map(|i| format!("/fast/{i}")).collect();
    let mut args: Vec<&str> = vec!["score", "--no-progress", "--no-cache", "--delay", "300"];
    let urls: Vec<String> = paths.iter().map(|p| server.url(p)).collect();
    args.extend(urls.iter().map(String::as_str));
    let output = jobfit(&args, "");
    assert_eq!(output.status.code(), Some(0));
    let mut arrivals = server.seen.arrivals("/fast/");
    arrivals.sort();
    // Arrivals are stamped by the server's threads, so a busy machine delays a stamp by a few
    // tens of milliseconds: each gap is checked loosely (without --delay they are near zero)
    // and the whole span, where only the two ends jitter, closely.
    assert_eq!(arrivals.len(), 5, "{arrivals:?}");
    for pair in arrivals.windows(2) {
        let gap = pair[1] - pair[0];
        assert!(
            gap >= Duration::from_millis(200),
            "requests 300 ms apart, got {gap:?}"
        );
    }
    let span = arrivals[4] - arrivals[0];
    assert!(
        span >= Duration::from_millis(4 * 300 - 60),
        "five requests 300 ms apart span 1.2 s, got {span:?}"
    );
}

#[test]
fn the_cache_revalidates_and_downloads_nothing_new() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().to_str().unwrap();
    let args = ["--cache-dir", cache];
    let (code, first, _) = score(&server, &args, &["/cached", "/page"]);
    assert_eq!(code, 0);
    assert_eq!(cell(&first[0], "from_cache"), "false");
    let (code, second, stderr) = score(&server, &args, &["/cached", "/page"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(cell(&second[0], "from_cache"), "true");
    assert_eq!(cell(&second[0], "score"), cell(&first[0], "score"));
    assert_eq!(
        server.seen.bodies("/cached"),
        1,
        "the second run downloaded nothing new"
    );
    assert_eq!(server.seen.not_modified("/cached"), 1);
    // Without validators the page is downloaded again.
    assert_eq!(cell(&second[1], "from_cache"), "false");
    assert!(stderr.contains("1 from cache"), "{stderr}");

    // --offline answers from the cache alone.
    let hits = server.seen.hits("/cached");
    let (code, offline, _) = score(
        &server,
        &["--cache-dir", cache, "--offline"],
        &["/cached", "/missing"],
    );
    assert_eq!(code, 1);
    assert_eq!(cell(&offline[0], "status"), "ok");
    assert_eq!(cell(&offline[0], "from_cache"), "true");
    assert_eq!(cell(&offline[1], "error"), "not in the cache (--offline)");
    assert_eq!(
        server.seen.hits("/cached"),
        hits,
        "offline never touches the network"
    );
}

#[test]
fn inputs_mix_urls_files_and_lists_and_urls_are_fetched_once() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let list = dir.path().join("urls.txt");
    std::fs::write(
        &list,
        format!(
            "# my urls\n\n{}\n{}#apply\nsamples/hn-rust-9472163.html\n",
            server.url("/page"),
            server.url("/page")
        ),
    )
    .unwrap();
    let page = server.url("/page");
    let output = jobfit(
        &[
            "score",
            "--no-progress",
            "--no-cache",
            "--delay",
            "0",
            &page,
            "samples/remotewlb-backend-developer-rust.md",
            "--input-file",
            list.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let (header, rows) = parse_csv(&output.stdout);
    let sources: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        sources,
        [
            page.as_str(),
            "samples/remotewlb-backend-developer-rust.md",
            "samples/hn-rust-9472163.html"
        ]
    );
    assert_eq!(server.seen.hits("/page"), 1);
    // File rows leave the fetch columns empty.
    let url = header.iter().position(|h| h == "url").unwrap();
    assert_eq!(rows[1][url], "");
}

#[test]
fn job_boards_are_read_through_their_apis() {
    let server = Server::start();
    let apis = [
        "--greenhouse-api".to_owned(),
        server.url("/gh"),
        "--lever-api".to_owned(),
        server.url("/lever"),
        "--ashby-api".to_owned(),
        server.url("/ashby"),
    ];
    let mut args: Vec<&str> = vec!["score", "--no-progress", "--no-cache", "--delay", "0"];
    args.extend(apis.iter().map(String::as_str));
    args.extend([
        "https://boards.greenhouse.io/acme",
        "https://job-boards.greenhouse.io/acme/jobs/4002",
        "https://jobs.lever.co/acme/5ac2-1",
        "https://jobs.ashbyhq.com/acme",
        "https://boards.greenhouse.io/acme/jobs/999",
    ]);
    let output = jobfit(&args, "");
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let (header, rows) = parse_csv(&output.stdout);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let summary: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r[0].as_str(),
                r[col("status")].as_str(),
                r[col("title")].as_str(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "https://boards.greenhouse.io/acme/jobs/4001",
                "ok",
                "Senior Rust Engineer"
            ),
            (
                "https://boards.greenhouse.io/acme/jobs/4002",
                "ok",
                "Backend Engineer"
            ),
            (
                "https://boards.greenhouse.io/acme/jobs/4002",
                "ok",
                "Backend Engineer"
            ),
            (
                "https://jobs.lever.co/acme/5ac2-1",
                "ok",
                "Systems Engineer"
            ),
            (
                "https://jobs.ashbyhq.com/acme/9f0e-aa",
                "ok",
                "Platform Engineer"
            ),
            ("https://boards.greenhouse.io/acme/jobs/999", "error", ""),
        ]
    );
    assert!(rows[5][col("error")].contains("posting 999 is not open on the Greenhouse board"));
    // Greenhouse's escaped content was read as HTML, Lever's lists as requirements.
    assert!(
        rows[0][col("required")].contains("rust") || rows[0][col("mentioned")].contains("rust")
    );
    assert!(rows[3][col("required")].contains("rust"), "{:?}", rows[3]);
    assert_eq!(rows[0][col("url")], "https://boards.greenhouse.io/acme");
    assert_eq!(
        rows[0][col("final_url")],
        server.url("/gh/v1/boards/acme/jobs?content=true")
    );
    // One API call per board, however many of its postings were given.
    assert_eq!(server.seen.hits("/gh/v1/boards/acme/jobs"), 1);
    assert_eq!(server.seen.hits("/lever/v0/postings/acme"), 1);
    assert_eq!(server.seen.hits("/ashby/posting-api/job-board/acme"), 1);
}

#[test]
fn ats_postings_are_read_through_their_apis() {
    let server = Server::start();
    let apis = [
        "--workday-api".to_owned(),
        server.url("/wd"),
        "--workable-api".to_owned(),
        server.url("/workable"),
        "--recruitee-api".to_owned(),
        server.url("/recruitee"),
        "--smartrecruiters-api".to_owned(),
        server.url("/sr"),
        "--personio-api".to_owned(),
        server.url("/personio"),
    ];
    let mut args: Vec<&str> = vec!["score", "--no-progress", "--no-cache", "--delay", "0"];
    args.extend(apis.iter().map(String::as_str));
    args.extend([
        "https://nvidia.wd5.myworkdayjobs.com/en-US/NVIDIAExternalCareerSite/job/Israel-Yokneam/Practical-Hardware-Electronics-Test-Engineer_JR2021705",
        "https://apply.workable.com/amazingcare",
        "https://apply.workable.com/amazingcare/j/1865248842",
        "https://channable.recruitee.com/o/technical-customer-support-french-speaking",
        "https://apply.workable.com/amazingcare/j/0000000000",
        "https://jobs.smartrecruiters.com/Vitol/744000133666057-platform-engineer",
        "https://personio.jobs.personio.de/job/1834171?display=en",
        "https://personio.jobs.personio.de/",
    ]);
    let output = jobfit(&args, "");
    let (header, rows) = parse_csv(&output.stdout);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let summary: Vec<[&str; 5]> = rows
        .iter()
        .map(|r| {
            [
                r[0].as_str(),
                r[col("status")].as_str(),
                r[col("title")].as_str(),
                r[col("company")].as_str(),
                r[col("location")].as_str(),
            ]
        })
        .collect();
    assert_eq!(
        summary,
        [
            [
                "https://nvidia.wd5.myworkdayjobs.com/NVIDIAExternalCareerSite/job/Israel-Yokneam/Practical-Hardware-Electronics-Test-Engineer_JR2021705",
                "ok",
                "Practical Hardware Electronics Test Engineer",
                "IL00 Mellanox Technologies, Ltd.",
                "Israel, Yokneam",
            ],
            [
                "https://apply.workable.com/j/1B7FCA3A83",
                "ok",
                "Adult / Pediatric Home Health Occupational Therapist",
                "Amazing Care Home Health Services",
                "St. George, Utah, United States",
            ],
            [
                "https://apply.workable.com/j/1865248842",
                "ok",
                "Adult Client Private Duty LPN",
                "Amazing Care Home Health Services",
                "Woodland Park, Colorado, United States",
            ],
            [
                "https://apply.workable.com/j/1865248842",
                "ok",
                "Adult Client Private Duty LPN",
                "Amazing Care Home Health Services",
                "Woodland Park, Colorado, United States",
            ],
            [
                "https://jobs.channable.com/o/technical-customer-support-french-speaking",
                "ok",
                "Technical Customer Support - French speaking",
                "Channable",
                "Utrecht, Utrecht, Netherlands",
            ],
            [
                "https://apply.workable.com/amazingcare/j/0000000000",
                "error",
                "",
                "",
                "",
            ],
            [
                "https://jobs.smartrecruiters.com/Vitol/744000133666057-platform-engineer",
                "ok",
                "Platform Engineer",
                "Vitol",
                "Singapore, Singapore",
            ],
            [
                "https://personio.jobs.personio.de/job/1834171",
                "ok",
                "Staff Software Engineer, Data Platform",
                "Personio SE & Co. KG",
                "Munich",
            ],
            [
                "https://personio.jobs.personio.de/job/1834171",
                "ok",
                "Staff Software Engineer, Data Platform",
                "Personio SE & Co. KG",
                "Munich",
            ],
        ]
    );
    // The skills of each description are found; the metadata comes from the API's fields.
    let cells = |row: usize, columns: &[&str]| -> Vec<String> {
        columns.iter().map(|c| rows[row][col(c)].clone()).collect()
    };
    assert!(
        rows[0][col("required")].contains("debuggers"),
        "{:?}",
        rows[0]
    );
    assert!(rows[0][col("required")].contains("problem-solving"));
    assert_eq!(
        cells(0, &["employment_type", "date_posted", "experience_years"]),
        ["full-time", "2026-08-02", "3"]
    );
    assert!(
        rows[1][col("mentioned")].contains("collaboration"),
        "{:?}",
        rows[1]
    );
    assert!(
        rows[2][col("required")].contains("time-management"),
        "{:?}",
        rows[2]
    );
    assert_eq!(
        cells(1, &["employment_type", "date_posted"]),
        ["part-time", "2026-07-13"]
    );
    assert!(
        rows[4][col("required")].contains("communication"),
        "{:?}",
        rows[4]
    );
    assert_eq!(
        cells(
            4,
            &[
                "remote",
                "employment_type",
                "date_posted",
                "salary_min",
                "salary_max",
                "salary_currency",
                "salary_period"
            ]
        ),
        [
            "hybrid",
            "full-time",
            "2026-04-21",
            "2850",
            "2950",
            "EUR",
            "month"
        ]
    );
    for skill in ["ci-cd", "cloud", "containers", "linux-unix"] {
        assert!(
            rows[6][col("required")].contains(skill),
            "{skill}: {:?}",
            rows[6]
        );
    }
    assert_eq!(
        cells(6, &["employment_type", "date_posted"]),
        ["full-time", "2026-06-23"]
    );
    for skill in ["ci-cd", "code-review", "containers", "cloud"] {
        assert!(
            rows[7][col("required")].contains(skill),
            "{skill}: {:?}",
            rows[7]
        );
    }
    assert_eq!(
        cells(7, &["employment_type", "date_posted", "experience_years"]),
        ["full-time", "2024-11-13", "10"]
    );
    // One feed call for the Personio board, for a posting and the listing.
    assert_eq!(server.seen.hits("/personio/xml"), 1);
    assert_eq!(
        rows[0][col("final_url")],
        server.url("/wd/wday/cxs/nvidia/NVIDIAExternalCareerSite/job/Israel-Yokneam/Practical-Hardware-Electronics-Test-Engineer_JR2021705")
    );
    for skill in ["ci-cd", "cloud", "containers", "linux-unix"] {
        assert!(
            rows[6][col("required")].contains(skill),
            "{skill}: {:?}",
            rows[6]
        );
    }
    assert_eq!(
        cells(6, &["employment_type", "date_posted"]),
        ["full-time", "2026-06-23"]
    );
    for skill in ["ci-cd", "code-review", "containers", "cloud"] {
        assert!(
            rows[7][col("required")].contains(skill),
            "{skill}: {:?}",
            rows[7]
        );
    }
    assert_eq!(
        cells(7, &["employment_type", "date_posted", "experience_years"]),
        ["full-time", "2024-11-13", "10"]
    );
    // One feed call for the Personio board, for a posting and the listing.
    assert_eq!(server.seen.hits("/personio/xml"), 1);
    assert!(
        rows[5][col("error")].contains("posting 0000000000 is not open on the Workable board"),
        "{:?}",
        rows[5]
    );
    // One widget call for the Workable board, however many of its postings were given.
    assert_eq!(
        server
            .seen
            .hits("/workable/api/v1/widget/accounts/amazingcare"),
        1
    );
}

#[test]
fn hh_vacancies_are_read_through_the_api() {
    let server = Server::start();
    let api = server.url("/hh");
    let output = jobfit(
        &[
            "score",
            "--no-progress",
            "--no-cache",
            "--delay",
            "0",
            "--retries",
            "0",
            "--hh-api",
            &api,
            "https://hh.ru/vacancy/120234346",
            "https://minsk.rabota.by/vacancy/120234346?from=search",
            "https://hh.ru/vacancy/1",
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let (header, rows) = parse_csv(&output.stdout);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let cells = |row: &[String], columns: &[&str]| -> Vec<String> {
        columns.iter().map(|c| row[col(c)].clone()).collect()
    };
    for row in &rows[..2] {
        assert_eq!(
            cells(
                row,
                &[
                    "source",
                    "status",
                    "title",
                    "company",
                    "location",
                    "remote",
                    "employment_type",
                    "date_posted",
                    "experience_years"
                ]
            ),
            [
                "https://hh.ru/vacancy/120234346",
                "ok",
                "Senior/Lead Data Scientist",
                "Сбер Банк",
                "Минск",
                "hybrid",
                "full-time",
                "2025-05-17",
                "3"
            ],
            "{row:?}"
        );
    }
    assert_eq!(
        rows[1][col("final_url")],
        server.url("/hh/vacancies/120234346?host=rabota.by")
    );
    // The description is read (a data-science posting asks for none of the Rust skill map).
    assert!(
        rows[0][col("words")].parse::<u32>().unwrap() > 100,
        "{:?}",
        rows[0]
    );
    assert_eq!(rows[2][col("status")], "error");
    assert_eq!(
        rows[2][col("error")],
        format!("HTTP 404 Not Found (from {api}/vacancies/1)")
    );
}

#[test]
fn workday_and_smartrecruiters_listings_give_a_row_per_posting() {
    let server = Server::start();
    let (wd, sr) = (server.url("/wd"), server.url("/sr"));
    let output = jobfit(
        &[
            "score",
            "--no-progress",
            "--no-cache",
            "--delay",
            "0",
            "--retries",
            "0",
            "--workday-api",
            &wd,
            "--smartrecruiters-api",
            &sr,
            "https://nvidia.wd5.myworkdayjobs.com/en-US/NVIDIAExternalCareerSite",
            "https://jobs.smartrecruiters.com/SmartRecruiters",
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let (header, rows) = parse_csv(&output.stdout);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let summary: Vec<[&str; 3]> = rows
        .iter()
        .map(|r| {
            [
                r[0].as_str(),
                r[col("status")].as_str(),
                r[col("title")].as_str(),
            ]
        })
        .collect();
    assert_eq!(
        summary,
        [
            [
                "https://nvidia.wd5.myworkdayjobs.com/NVIDIAExternalCareerSite/job/Israel-Yokneam/Practical-Hardware-Electronics-Test-Engineer_JR2021705",
                "ok",
                "Practical Hardware Electronics Test Engineer",
            ],
            [
                "https://nvidia.wd5.myworkdayjobs.com/NVIDIAExternalCareerSite/job/US-CA-Santa-Clara/Distinguished-Software-Architect---Deep-Learning-and-HPC-Communications_JR1980127",
                "error",
                "",
            ],
            [
                "https://nvidia.wd5.myworkdayjobs.com/NVIDIAExternalCareerSite/job/US-CA-Santa-Clara/Senior-Data-Center-Performance-Engineer---Benchmarking-and-Optimization_JR2008808",
                "error",
                "",
            ],
            [
                "https://jobs.smartrecruiters.com/SmartRecruiters/744000137613800",
                "error",
                "",
            ],
            [
                "https://jobs.smartrecruiters.com/SmartRecruiters/744000137413079",
                "error",
                "",
            ],
            [
                "https://jobs.smartrecruiters.com/SmartRecruiters/744000132911099",
                "error",
                "",
            ],
        ]
    );
    // Each posting that fails names its own API URL.
    assert_eq!(
        rows[1][col("error")],
        format!(
            "HTTP 404 Not Found (from {wd}/wday/cxs/nvidia/NVIDIAExternalCareerSite/job/US-CA-Santa-Clara/Distinguished-Software-Architect---Deep-Learning-and-HPC-Communications_JR1980127)"
        )
    );
    assert_eq!(
        rows[3][col("error")],
        format!(
            "HTTP 404 Not Found (from {sr}/v1/companies/SmartRecruiters/postings/744000137613800)"
        )
    );
    assert_eq!(rows[3][col("http_status")], "404");
    // Workday's list is one POST of the documented body (three postings: one page).
    let posts = server.seen.posts.lock().unwrap().clone();
    assert_eq!(
        posts,
        [(
            "/wd/wday/cxs/nvidia/NVIDIAExternalCareerSite/jobs".to_owned(),
            r#"{"limit":20,"offset":0,"searchText":""}"#.to_owned()
        )]
    );
    assert_eq!(
        server
            .seen
            .hits("/sr/v1/companies/SmartRecruiters/postings"),
        1
    );
    // `explain` takes one posting: a listing is refused before any request.
    let output = jobfit(
        &[
            "explain",
            "--no-cache",
            "--smartrecruiters-api",
            &sr,
            "https://jobs.smartrecruiters.com/SmartRecruiters",
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .contains("explain takes one posting, and this is a SmartRecruiters listing"),
        "{output:?}"
    );
    assert_eq!(
        server
            .seen
            .hits("/sr/v1/companies/SmartRecruiters/postings"),
        1
    );
}

#[test]
fn ats_api_failures_are_rows_that_name_the_api_url() {
    let server = Server::start();
    let (missing, page) = (server.url("/nowhere"), server.url("/fast"));
    let output = jobfit(
        &[
            "score",
            "--no-progress",
            "--no-cache",
            "--delay",
            "0",
            "--retries",
            "0",
            "--recruitee-api",
            &missing,
            "--personio-api",
            &page,
            "https://channable.recruitee.com/o/technical-customer-support-french-speaking",
            "https://personio.jobs.personio.de/job/1834171",
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let (header, rows) = parse_csv(&output.stdout);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(rows[0][col("status")], "error");
    assert_eq!(
        rows[0][col("error")],
        format!("HTTP 404 Not Found (from {missing}/api/offers/)")
    );
    assert_eq!(rows[0][col("http_status")], "404");
    assert_eq!(rows[1][col("status")], "error");
    assert_eq!(
        rows[1][col("error")],
        format!(
            "not a readable XML feed: the Personio feed's root is <p>, expected <workzag-jobs> \
             (from {page}/xml)"
        )
    );
    assert_eq!(rows[1][col("final_url")], format!("{page}/xml"));
}

#[test]
fn explain_reads_an_ats_posting_through_its_api() {
    let server = Server::start();
    let api = server.url("/recruitee");
    let output = jobfit(
        &[
            "explain",
            "--no-cache",
            "--color",
            "never",
            "--recruitee-api",
            &api,
            "https://channable.recruitee.com/o/technical-customer-support-french-speaking",
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("Technical Customer Support - French speaking")
            && text.contains(
                "Take ownership of customer cases end-to-end, ensuring clear communication"
            )
            && text.contains("Some practical things we expect from you")
            && text.contains("salary: 2850-2950 EUR per month"),
        "{text}"
    );
}

#[test]
fn explain_takes_a_url_too() {
    let server = Server::start();
    let page = server.url("/page");
    let output = jobfit(&["explain", "--no-cache", "--color", "never", &page], "");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains(&page) && text.contains("rust"), "{text}");

    let challenge = server.url("/challenge");
    let output = jobfit(&["explain", "--no-cache", &challenge], "");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("blocked: HTTP 403 Forbidden"), "{stderr}");
}

#[test]
fn robots_txt_errors_follow_rfc_9309() {
    // 4xx: no rules, everything allowed.
    let server = Server::start();
    *server.seen.robots.lock().unwrap() = String::new();
    let (code, rows, _) = score(&server, &[], &["/private/job"]);
    assert_eq!((code, cell(&rows[0], "status")), (0, "ok"));
    // 5xx (after retries): the host is off limits for the run, and asked once.
    let server = Server::start();
    *server.seen.robots.lock().unwrap() = "500".into();
    let (code, rows, _) = score(&server, &["--retries", "1"], &["/page", "/posting.md"]);
    assert_eq!(code, 1);
    assert!(
        rows.iter().all(|r| cell(r, "status") == "skipped"),
        "{rows:?}"
    );
    assert!(
        cell(&rows[0], "error").starts_with("robots.txt unavailable (HTTP 500"),
        "{rows:?}"
    );
    assert_eq!(server.seen.hits("/robots.txt"), 2);
    assert_eq!(server.seen.hits("/page"), 0);
}

/// A relative date on a fetched page is read against the download time: "Posted 3 days ago"
/// on a page fetched now is three days before the `fetched_at` of its row.
#[test]
fn relative_dates_are_read_against_the_fetch_time() {
    let server = Server::start();
    let (code, rows, stderr) = score(&server, &[], &["/posted-3-days-ago"]);
    assert_eq!(code, 0, "{stderr}");
    let fetched = humantime::parse_rfc3339(cell(&rows[0], "fetched_at")).unwrap();
    let expected =
        humantime::format_rfc3339_seconds(fetched - Duration::from_secs(3 * 86_400)).to_string();
    assert_eq!(cell(&rows[0], "date_posted"), &expected[..10]);
}
