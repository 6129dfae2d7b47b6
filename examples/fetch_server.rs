//! A local HTTP server for `bench/fetch`: serves the fixture postings as `/p/{i}` (cycling
//! through them), on 127.0.0.1, with an optional latency per response.
//!
//! Usage: `cargo run --release --example fetch_server -- [LATENCY_MS]`; prints
//! `http://127.0.0.1:PORT` on its first line, then serves until killed. robots.txt is 404
//! (everything allowed).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

struct Pages {
    pages: Vec<(&'static str, Vec<u8>)>,
    latency: Duration,
}

async fn page(State(pages): State<Arc<Pages>>, Path(index): Path<usize>) -> Response {
    if !pages.latency.is_zero() {
        tokio::time::sleep(pages.latency).await;
    }
    let (content_type, body) = &pages.pages[index % pages.pages.len()];
    ([(header::CONTENT_TYPE, *content_type)], body.clone()).into_response()
}

fn main() {
    let latency = std::env::args()
        .nth(1)
        .map_or(0, |s| s.parse::<u64>().expect("latency in ms"));
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/postings");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    let pages = names
        .iter()
        .map(|path| {
            let content_type = match path.extension().and_then(|e| e.to_str()) {
                Some("md") => "text/markdown; charset=utf-8",
                Some("txt") => "text/plain; charset=utf-8",
                _ => "text/html",
            };
            (content_type, std::fs::read(path).unwrap())
        })
        .collect();
    let state = Arc::new(Pages {
        pages,
        latency: Duration::from_millis(latency),
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async move {
        let app = Router::new()
            .route("/p/{index}", axum::routing::get(page))
            .fallback(|| async { StatusCode::NOT_FOUND })
            .with_state(state);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        println!("http://{}", listener.local_addr().unwrap());
        axum::serve(listener, app).await.unwrap();
    });
}
