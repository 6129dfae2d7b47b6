//! A real HTTP server on 127.0.0.1 for the fetch tests (axum on its own tokio runtime), with
//! the misbehaviours of the web on fixed paths, and a record of what it was asked.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::Response;

use crate::root;

/// What the server saw.
#[derive(Default)]
pub struct Seen {
    in_flight: AtomicUsize,
    /// Most requests in flight at once.
    pub peak: AtomicUsize,
    /// Requests per path.
    pub hits: Mutex<HashMap<String, usize>>,
    /// Full bodies sent (status 200) per path.
    pub bodies: Mutex<HashMap<String, usize>>,
    /// 304 answers per path.
    pub not_modified: Mutex<HashMap<String, usize>>,
    /// When each request arrived, by path.
    pub arrivals: Mutex<Vec<(String, Instant)>>,
    /// User-Agent headers seen.
    pub agents: Mutex<Vec<String>>,
    /// The robots.txt served (404 when empty, a 500 error when `500`).
    pub robots: Mutex<String>,
}

impl Seen {
    /// Requests to `path`.
    pub fn hits(&self, path: &str) -> usize {
        self.hits.lock().unwrap().get(path).copied().unwrap_or(0)
    }

    /// Full bodies sent for `path`.
    pub fn bodies(&self, path: &str) -> usize {
        self.bodies.lock().unwrap().get(path).copied().unwrap_or(0)
    }

    /// 304 answers for `path`.
    pub fn not_modified(&self, path: &str) -> usize {
        self.not_modified
            .lock()
            .unwrap()
            .get(path)
            .copied()
            .unwrap_or(0)
    }

    /// Arrival times of requests whose path starts with `prefix`.
    pub fn arrivals(&self, prefix: &str) -> Vec<Instant> {
        self.arrivals
            .lock()
            .unwrap()
            .iter()
            .filter(|(p, _)| p.starts_with(prefix))
            .map(|(_, t)| *t)
            .collect()
    }
}

/// A running server; stops with the test.
pub struct Server {
    /// Its address.
    pub addr: SocketAddr,
    /// What it saw.
    pub seen: Arc<Seen>,
    /// An address that accepts connections and resets them.
    pub reset_addr: SocketAddr,
    _runtime: tokio::runtime::Runtime,
}

impl Server {
    /// Starts a server whose robots.txt disallows `/private/`.
    pub fn start() -> Server {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let seen = Arc::new(Seen::default());
        *seen.robots.lock().unwrap() = "User-agent: *\nDisallow: /private/\n".into();
        let app = Router::new().fallback(handle).with_state(Arc::clone(&seen));
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .unwrap();
        let addr = listener.local_addr().unwrap();
        runtime.spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        let resetter = runtime
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .unwrap();
        let reset_addr = resetter.local_addr().unwrap();
        runtime.spawn(async move {
            loop {
                let Ok((stream, _)) = resetter.accept().await else {
                    return;
                };
                let mut buf = [0u8; 1024];
                let _ = stream.readable().await;
                let _ = stream.try_read(&mut buf);
                let _ = stream.set_zero_linger();
                drop(stream);
            }
        });
        Server {
            addr,
            seen,
            reset_addr,
            _runtime: runtime,
        }
    }

    /// The URL of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

/// A real posting page (an HN comment from the samples).
pub const PAGE: &str = "samples/hn-rust-16056428.html";
/// A real Markdown posting.
pub const MARKDOWN: &str = "samples/remotewlb-backend-developer-rust.md";

/// A Workday job endpoint's real answer (NVIDIA).
pub const BOARDS_WORKDAY: &str = "tests/fixtures/boards/workday-job.json";
/// A Workable careers widget's real answer (Amazing Care Home Health Services).
pub const BOARDS_WORKABLE: &str = "tests/fixtures/boards/workable-widget.json";
/// A Recruitee offers API's real answer (Channable).
pub const BOARDS_RECRUITEE: &str = "tests/fixtures/boards/recruitee-offers.json";

/// A SmartRecruiters posting's real answer (Vitol).
pub const BOARDS_SMARTRECRUITERS: &str = "tests/fixtures/boards/smartrecruiters-posting.json";
/// Personio's real XML feed sample (Personio SE & Co. KG).
pub const BOARDS_PERSONIO: &str = "tests/fixtures/boards/personio-feed.xml";

fn file(path: &str) -> Vec<u8> {
    std::fs::read(root().join(path)).unwrap()
}

fn response(status: u16, content_type: &str, body: impl Into<Body>) -> Response {
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, content_type)
        .body(body.into())
        .unwrap()
}

struct InFlight(Arc<Seen>);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
}

fn count(map: &Mutex<HashMap<String, usize>>, path: &str) -> usize {
    let mut map = map.lock().unwrap();
    let n = map.entry(path.to_owned()).or_default();
    *n += 1;
    *n
}

async fn handle(State(seen): State<Arc<Seen>>, uri: Uri, headers: HeaderMap) -> Response {
    let path = uri.path().to_owned();
    let now = seen.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
    seen.peak.fetch_max(now, Ordering::SeqCst);
    let _guard = InFlight(Arc::clone(&seen));
    let hit = count(&seen.hits, &path);
    seen.arrivals
        .lock()
        .unwrap()
        .push((path.clone(), Instant::now()));
    if let Some(agent) = headers.get(header::USER_AGENT) {
        seen.agents
            .lock()
            .unwrap()
            .push(agent.to_str().unwrap_or_default().to_owned());
    }
    let answer = route(&seen, &path, hit, &headers).await;
    if answer.status() == StatusCode::OK {
        count(&seen.bodies, &path);
    }
    if answer.status() == StatusCode::NOT_MODIFIED {
        count(&seen.not_modified, &path);
    }
    answer
}

async fn route(seen: &Seen, path: &str, hit: usize, headers: &HeaderMap) -> Response {
    let html = "text/html; charset=utf-8";
    match path {
        "/robots.txt" => {
            let robots = seen.robots.lock().unwrap().clone();
            if robots == "500" {
                response(500, "text/plain", "robots are down")
            } else if robots.is_empty() {
                response(404, "text/plain", "no robots here")
            } else {
                response(200, "text/plain", robots)
            }
        }
        "/page" | "/private/job" => response(200, html, file(PAGE)),
        "/posting.md" => response(200, "text/markdown; charset=utf-8", file(MARKDOWN)),
        "/cached" => {
            let etag = "\"v1\"";
            if headers
                .get(header::IF_NONE_MATCH)
                .is_some_and(|v| v.as_bytes() == etag.as_bytes())
            {
                return Response::builder()
                    .status(304)
                    .header(header::ETAG, etag)
                    .body(Body::empty())
                    .unwrap();
            }
            Response::builder()
                .status(200)
                .header(header::CONTENT_TYPE, html)
                .header(header::ETAG, etag)
                .body(Body::from(file(PAGE)))
                .unwrap()
        }
        "/gzip" => {
            use std::io::Write;
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            encoder.write_all(&file(PAGE)).unwrap();
            Response::builder()
                .status(200)
                .header(header::CONTENT_TYPE, html)
                .header(header::CONTENT_ENCODING, "gzip")
                .body(Body::from(encoder.finish().unwrap()))
                .unwrap()
        }
        "/redirect" => redirect("/page"),
        "/loop" => redirect("/loop"),
        "/to-login" => redirect("/authwall?trk=job"),
        "/authwall" => response(200, html, "<html><body><h1>Join now</h1></body></html>"),
        "/ratelimited" if hit == 1 => Response::builder()
            .status(429)
            .header(header::RETRY_AFTER, "1")
            .body(Body::from("slow down"))
            .unwrap(),
        "/ratelimited" => response(200, html, file(PAGE)),
        "/flaky" if hit <= 2 => response(503, "text/plain", "try again"),
        "/flaky" => response(200, html, file(PAGE)),
        "/always-429" => response(429, "text/plain", "no"),
        "/slow" => {
            tokio::time::sleep(Duration::from_secs(10)).await;
            response(200, html, file(PAGE))
        }
        "/huge" => {
            // 8 MiB, streamed in chunks with no Content-Length.
            let chunk = bytes_of(64 * 1024);
            let stream = futures_util::stream::iter(
                (0..128).map(move |_| Ok::<_, std::io::Error>(chunk.clone())),
            );
            response(200, html, Body::from_stream(stream))
        }
        "/latin1" => {
            let text = "<html><head><title>Développeur Rust à Zürich</title></head><body>\
                        <h1>Développeur Rust à Zürich</h1><p>Café offert. Nous cherchons \
                        une personne qui maîtrise Rust et PostgreSQL.</p></body></html>";
            let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
            response(200, "text/html; charset=windows-1252", bytes.into_owned())
        }
        "/doc.pdf" => response(200, "application/pdf", "%PDF-1.7\n%\u{e2}\u{e3}\n1 0 obj"),
        "/challenge" => response(
            403,
            html,
            "<!DOCTYPE html><html><head><title>Just a moment...</title></head>\
             <body><noscript>Enable JavaScript and cookies to continue</noscript></body></html>",
        ),
        "/captcha" => response(
            200,
            html,
            "<html><head><title>Jobs</title></head><body><h1>Please verify you are a human</h1>\
             <p>Complete the captcha to continue.</p></body></html>",
        ),
        "/linkedin" => response(999, html, "<html></html>"),
        "/missing" => response(404, html, "<html><body>Not here</body></html>"),
        "/posted-3-days-ago" => response(
            200,
            html,
            "<html><body><h1>Senior Rust Engineer</h1><p>Posted 3 days ago</p>\
             <p>We build a database in Rust. You know Rust, async Rust and Linux well, and you \
             write tests and reviews with care. Remote in Europe, full-time.</p></body></html>",
        ),
        p if p.starts_with("/slowpage/") => {
            tokio::time::sleep(Duration::from_millis(300)).await;
            response(200, html, file(PAGE))
        }
        p if p.starts_with("/fast/") => response(200, html, file(PAGE)),
        "/gh/v1/boards/acme/jobs" => response(200, "application/json", greenhouse()),
        "/lever/v0/postings/acme" => response(200, "application/json", lever()),
        "/ashby/posting-api/job-board/acme" => response(200, "application/json", ashby()),
        // Real answers of the ATS APIs, trimmed (tests/fixtures/boards/PROVENANCE.md).
        "/wd/wday/cxs/nvidia/NVIDIAExternalCareerSite/job/Israel-Yokneam/Practical-Hardware-Electronics-Test-Engineer_JR2021705" => {
            response(200, "application/json", file(BOARDS_WORKDAY))
        }
        "/workable/api/v1/widget/accounts/amazingcare" => {
            response(200, "application/json", file(BOARDS_WORKABLE))
        }
        "/recruitee/api/offers/" => response(200, "application/json", file(BOARDS_RECRUITEE)),
        "/sr/v1/companies/Vitol/postings/744000133666057" => {
            response(200, "application/json", file(BOARDS_SMARTRECRUITERS))
        }
        "/personio/xml" => response(200, "text/xml; charset=UTF-8", file(BOARDS_PERSONIO)),
        _ => response(404, "text/plain", "not found"),
    }
}

fn redirect(to: &str) -> Response {
    Response::builder()
        .status(302)
        .header(header::LOCATION, to)
        .body(Body::empty())
        .unwrap()
}

fn bytes_of(len: usize) -> bytes::Bytes {
    bytes::Bytes::from(b"<p>filler</p>".repeat(len / 13 + 1)[..len].to_vec())
}

/// The HTML of a real posting (an HN comment's body) for the job-board answers.
fn posting_html(path: &str) -> String {
    String::from_utf8(file(path)).unwrap()
}

fn escape(html: &str) -> String {
    html.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Greenhouse's documented list shape, `content` HTML-escaped.
fn greenhouse() -> String {
    serde_json::json!({
        "jobs": [
            {
                "id": 4001,
                "title": "Senior Rust Engineer",
                "absolute_url": "https://boards.greenhouse.io/acme/jobs/4001",
                "location": {"name": "Remote"},
                "updated_at": "2025-01-10T12:00:00-05:00",
                "content": escape(&posting_html("samples/hn-rust-16056428.html")),
            },
            {
                "id": 4002,
                "title": "Backend Engineer",
                "absolute_url": "https://boards.greenhouse.io/acme/jobs/4002",
                "location": {"name": "Berlin"},
                "updated_at": "2025-01-11T12:00:00-05:00",
                "content": escape(&posting_html("samples/hn-rust-9472163.html")),
            }
        ],
        "meta": {"total": 2}
    })
    .to_string()
}

/// Lever's documented list shape, with requirement `lists`.
fn lever() -> String {
    serde_json::json!([
        {
            "id": "5ac2-1",
            "text": "Systems Engineer",
            "hostedUrl": "https://jobs.lever.co/acme/5ac2-1",
            "categories": {"location": "Paris", "commitment": "Full-time"},
            "description": posting_html("samples/hn-2017-11-15601969.html"),
            "descriptionPlain": "",
            "lists": [
                {"text": "Requirements", "content": "<li>Strong Rust and async experience</li><li>Linux systems programming</li>"}
            ],
            "additional": "<p>Competitive salary.</p>"
        }
    ])
    .to_string()
}

/// Ashby's documented job-board shape.
fn ashby() -> String {
    serde_json::json!({
        "apiVersion": "1",
        "jobs": [
            {
                "id": "9f0e-aa",
                "title": "Platform Engineer",
                "location": "Remote",
                "isListed": true,
                "jobUrl": "https://jobs.ashbyhq.com/acme/9f0e-aa",
                "descriptionHtml": posting_html("samples/hn-rust-9472163.html"),
                "descriptionPlain": ""
            },
            {
                "id": "9f0e-bb",
                "title": "Hidden",
                "isListed": false,
                "jobUrl": "https://jobs.ashbyhq.com/acme/9f0e-bb",
                "descriptionHtml": "<p>unlisted</p>"
            }
        ]
    })
    .to_string()
}
