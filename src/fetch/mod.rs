//! Fetching: URLs -> owned response bytes, politely, with retries and an on-disk cache.
//!
//! The only asynchronous stage. It owns the one shared HTTP client (reqwest: rustls, gzip,
//! brotli, deflate, HTTP/2), the limits on concurrency (overall with a semaphore, per host with
//! one semaphore per host, and a minimum spacing between requests to one host with governor's
//! keyed rate limiter), retries (backon: exponential backoff with jitter, `Retry-After`
//! honoured up to a cap), robots.txt ([`robots`], texting_robots), the HTTP cache ([`cache`],
//! SQLite with ETag / Last-Modified revalidation) and the recognition of pages that are walls
//! rather than postings ([`wall`]). Job boards are `crate::boards`, which uses this client.
//!
//! It never parses HTML: a [`Response`] is bytes plus what the server said about them, and the
//! extract stage turns those into postings. Every failure is a [`FetchError`]; which row status
//! it leads to is the row's business (`row::Status::of_fetch`).

pub mod cache;
pub mod robots;
pub mod wall;

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use backon::{ExponentialBuilder, Retryable};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use reqwest::header::{self, HeaderMap, HeaderValue};
use tokio::sync::Semaphore;
use url::Url;

pub use cache::{Cache, CacheError};

/// The default `User-Agent`: `jobfit/<version> (+<repository URL>)`.
pub const DEFAULT_USER_AGENT: &str = concat!(
    "jobfit/",
    env!("CARGO_PKG_VERSION"),
    " (+",
    env!("CARGO_PKG_REPOSITORY"),
    ")"
);

/// Most redirects followed for one request.
pub const MAX_REDIRECTS: usize = 10;

/// Longest wait a `Retry-After` header can ask for; longer requests are cut to this.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

/// Why a URL gave no usable response. Carries no URL: the row names it.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// robots.txt disallows the URL for our user agent.
    #[error("disallowed by {robots}")]
    RobotsDisallowed {
        /// The robots.txt URL.
        robots: String,
    },
    /// robots.txt answered with a server error: everything on the host is assumed disallowed
    /// (RFC 9309, 2.3.1.4). A host that does not answer at all gives the connection error.
    #[error("robots.txt unavailable ({reason}), so the host is treated as disallowing crawlers")]
    RobotsUnavailable {
        /// What went wrong fetching it.
        reason: String,
    },
    /// The server refused us or showed a wall instead of the page.
    #[error("blocked: {reason}")]
    Blocked {
        /// The HTTP status, when the block came as one.
        http_status: Option<u16>,
        /// What was seen.
        reason: String,
    },
    /// The server answered with an error status.
    #[error("HTTP {http_status}{}", reason_suffix(*.http_status))]
    Http {
        /// The status code.
        http_status: u16,
    },
    /// No complete answer within the time limit.
    #[error("timed out after {seconds} s")]
    Timeout {
        /// The limit.
        seconds: u64,
    },
    /// The connection could not be made or broke off.
    #[error("connection failed: {0}")]
    Connect(String),
    /// More than [`MAX_REDIRECTS`] redirects, or a redirect loop.
    #[error("too many redirects (more than {MAX_REDIRECTS}; a redirect loop?)")]
    Redirects,
    /// The body is larger than `--max-bytes`; the download was stopped there.
    #[error("response larger than {limit} bytes (--max-bytes); download stopped")]
    TooLarge {
        /// The limit.
        limit: u64,
    },
    /// The content type is not one jobfit reads.
    #[error("unsupported content type {0} (expected HTML, plain text, Markdown or JSON)")]
    ContentType(String),
    /// `--offline` and the URL is not in the cache.
    #[error("not in the cache (--offline)")]
    NotCached,
    /// The URL cannot be fetched (not http or https, no host).
    #[error("cannot fetch this URL: {0}")]
    BadUrl(String),
    /// Anything else the HTTP stack reported.
    #[error("{0}")]
    Other(String),
}

fn reason_suffix(status: u16) -> String {
    reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .map(|r| format!(" {r}"))
        .unwrap_or_default()
}

impl FetchError {
    /// The HTTP status the failure came with, if any.
    pub fn http_status(&self) -> Option<u16> {
        match self {
            FetchError::Http { http_status } => Some(*http_status),
            FetchError::Blocked { http_status, .. } => *http_status,
            _ => None,
        }
    }
}

/// Whether and how the on-disk cache is used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CacheMode {
    /// No cache: every URL is downloaded.
    Off,
    /// Use the cache in this file: revalidate what is there, store what is new.
    On(PathBuf),
    /// Answer only from the cache in this file; never touch the network.
    Offline(PathBuf),
}

/// Settings of the fetcher (the `score` options of the same names).
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// The `User-Agent` header; also the agent name looked up in robots.txt (up to the `/`).
    pub user_agent: String,
    /// Requests in flight at once, overall.
    pub concurrency: usize,
    /// Requests in flight at once to one host.
    pub per_host: usize,
    /// Minimum time between the starts of two requests to one host.
    pub delay: Duration,
    /// Time limit of one request, body included.
    pub timeout: Duration,
    /// Retries after the first attempt, on timeouts, connection errors, 429 and 5xx.
    pub retries: usize,
    /// Largest body read; the download stops beyond it.
    pub max_bytes: u64,
    /// Obey robots.txt.
    pub robots: bool,
    /// The cache.
    pub cache: CacheMode,
    /// First backoff delay of the retries (doubled each time, with jitter).
    pub backoff: Duration,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            user_agent: DEFAULT_USER_AGENT.to_owned(),
            concurrency: 16,
            per_host: 2,
            delay: Duration::from_millis(250),
            timeout: Duration::from_secs(20),
            retries: 3,
            max_bytes: 5 * 1024 * 1024,
            robots: true,
            cache: CacheMode::Off,
            backoff: Duration::from_millis(500),
        }
    }
}

/// A response as fetched (or revalidated from the cache).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The URL after redirects.
    pub final_url: String,
    /// The HTTP status of the content (200 also for a revalidated cache entry).
    pub http_status: u16,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// The body, decompressed.
    pub body: Vec<u8>,
    /// Whether the body came from the cache (revalidated with a 304, or `--offline`).
    pub from_cache: bool,
    /// When the body was last confirmed by the server.
    pub fetched_at: SystemTime,
    /// The `ETag` header, kept to revalidate the cached copy.
    pub etag: Option<String>,
    /// The `Last-Modified` header, kept to revalidate the cached copy.
    pub last_modified: Option<String>,
}

/// Errors that stop the fetcher from starting.
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    /// The HTTP client could not be built (TLS set-up, bad user agent).
    #[error("cannot set up the HTTP client: {0}")]
    Client(String),
    /// The cache could not be opened.
    #[error(transparent)]
    Cache(#[from] CacheError),
}

/// The shared fetcher: one per run, used from many tasks at once.
pub struct Fetcher {
    client: reqwest::Client,
    options: FetchOptions,
    overall: Semaphore,
    hosts: Mutex<HashMap<String, Arc<Semaphore>>>,
    spacing: Option<DefaultKeyedRateLimiter<String>>,
    robots: robots::RobotsCache,
    cache: Option<Cache>,
    offline: bool,
}

/// One attempt's failure, before retries decide what it becomes.
#[derive(Debug)]
enum Attempt {
    /// Worth another try; with the server's `Retry-After`, if it gave one.
    Retry(FetchError, Option<Duration>),
    /// Final.
    Fail(FetchError),
}

impl Attempt {
    fn into_error(self) -> FetchError {
        match self {
            Attempt::Retry(e, _) | Attempt::Fail(e) => e,
        }
    }
}

impl Fetcher {
    /// Builds the client and opens the cache.
    pub fn new(options: FetchOptions) -> Result<Fetcher, SetupError> {
        // Process-wide TLS crypto: ring. Installing twice is harmless (the first one stays).
        let _ = rustls::crypto::ring::default_provider().install_default();
        let client = reqwest::Client::builder()
            .user_agent(options.user_agent.clone())
            .timeout(options.timeout)
            .connect_timeout(options.timeout.min(Duration::from_secs(10)))
            .redirect(reqwest::redirect::Policy::limited(MAX_REDIRECTS))
            .gzip(true)
            .brotli(true)
            .deflate(true)
            .build()
            .map_err(|e| SetupError::Client(error_chain(&e)))?;
        let (cache, offline) = match &options.cache {
            CacheMode::Off => (None, false),
            CacheMode::On(path) => (Some(Cache::open(path)?), false),
            CacheMode::Offline(path) => (Some(Cache::open(path)?), true),
        };
        // `with_period` is None for a zero delay: no spacing then.
        let spacing = Quota::with_period(options.delay)
            .map(|q| RateLimiter::keyed(q.allow_burst(NonZeroU32::MIN)));
        Ok(Fetcher {
            client,
            overall: Semaphore::new(options.concurrency.max(1)),
            hosts: Mutex::new(HashMap::new()),
            spacing,
            robots: robots::RobotsCache::default(),
            cache,
            offline,
            options,
        })
    }

    /// The settings.
    pub fn options(&self) -> &FetchOptions {
        &self.options
    }

    /// Fetches a URL: robots.txt, cache, limits and retries included.
    pub async fn get(&self, url: &Url) -> Result<Response, FetchError> {
        if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
            return Err(FetchError::BadUrl(format!(
                "{url} is not an http(s) URL with a host"
            )));
        }
        let cached = self.cache.as_ref().and_then(|c| c.get(url.as_str()));
        if self.offline {
            return cached
                .map(|entry| entry.into_response())
                .ok_or(FetchError::NotCached);
        }
        if self.options.robots {
            self.robots.check(self, url).await?;
        }
        let response = self.fetch_with_retries(url, cached.as_ref()).await?;
        if let Some(cache) = &self.cache {
            if response.from_cache {
                cache.touch(url.as_str(), response.fetched_at);
            } else {
                cache.put(url.as_str(), &response);
            }
        }
        Ok(response)
    }

    /// Fetches without robots.txt or cache (robots.txt itself comes this way).
    pub(crate) async fn fetch_with_retries(
        &self,
        url: &Url,
        cached: Option<&cache::Entry>,
    ) -> Result<Response, FetchError> {
        let backoff = ExponentialBuilder::default()
            .with_min_delay(self.options.backoff)
            .with_max_delay(MAX_RETRY_AFTER)
            .with_max_times(self.options.retries)
            .with_jitter();
        let result = (|| self.attempt(url, cached))
            .retry(backoff)
            .when(|e| matches!(e, Attempt::Retry(..)))
            .adjust(|e, delay| match e {
                Attempt::Retry(_, Some(after)) => Some((*after).min(MAX_RETRY_AFTER)),
                _ => delay,
            })
            .await;
        result.map_err(|attempt| match attempt.into_error() {
            FetchError::Http { http_status: 429 } => FetchError::Blocked {
                http_status: Some(429),
                reason: "HTTP 429 Too Many Requests after retries".into(),
            },
            other => other,
        })
    }

    async fn attempt(&self, url: &Url, cached: Option<&cache::Entry>) -> Result<Response, Attempt> {
        let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
        let host_slots = self.host_semaphore(&host);
        let _host_permit = host_slots
            .acquire()
            .await
            .map_err(|e| Attempt::Fail(FetchError::Other(e.to_string())))?;
        if let Some(spacing) = &self.spacing {
            spacing.until_key_ready(&host).await;
        }
        let _permit = self
            .overall
            .acquire()
            .await
            .map_err(|e| Attempt::Fail(FetchError::Other(e.to_string())))?;
        let mut request = self.client.get(url.clone());
        if let Some(entry) = cached {
            request = request.headers(entry.validators());
        }
        let response = request.send().await.map_err(|e| self.classify(&e))?;
        let status = response.status().as_u16();
        let final_url = response.url().to_string();
        let headers = response.headers().clone();
        if status == 304
            && let Some(entry) = cached
        {
            return Ok(entry.revalidated(SystemTime::now()));
        }
        match status {
            200..=299 => {}
            401 | 403 | 999 => {
                return Err(Attempt::Fail(FetchError::Blocked {
                    http_status: Some(status),
                    reason: format!(
                        "HTTP {status}{}",
                        if status == 999 {
                            " (LinkedIn's refusal of crawlers)".to_owned()
                        } else {
                            reason_suffix(status)
                        }
                    ),
                }));
            }
            429 | 500..=599 => {
                return Err(Attempt::Retry(
                    FetchError::Http {
                        http_status: status,
                    },
                    retry_after(&headers),
                ));
            }
            _ => {
                return Err(Attempt::Fail(FetchError::Http {
                    http_status: status,
                }));
            }
        }
        let body = self.read_body(response).await?;
        Ok(Response {
            final_url,
            http_status: status,
            content_type: header_string(&headers, header::CONTENT_TYPE),
            body,
            from_cache: false,
            fetched_at: SystemTime::now(),
            etag: header_string(&headers, header::ETAG),
            last_modified: header_string(&headers, header::LAST_MODIFIED),
        })
    }

    async fn read_body(&self, mut response: reqwest::Response) -> Result<Vec<u8>, Attempt> {
        let limit = self.options.max_bytes;
        if response.content_length().is_some_and(|len| len > limit) {
            return Err(Attempt::Fail(FetchError::TooLarge { limit }));
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| self.classify(&e))? {
            if (body.len() + chunk.len()) as u64 > limit {
                return Err(Attempt::Fail(FetchError::TooLarge { limit }));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }

    fn host_semaphore(&self, host: &str) -> Arc<Semaphore> {
        let mut hosts = match self.hosts.lock() {
            Ok(hosts) => hosts,
            Err(poisoned) => poisoned.into_inner(),
        };
        hosts
            .entry(host.to_owned())
            .or_insert_with(|| Arc::new(Semaphore::new(self.options.per_host.max(1))))
            .clone()
    }

    fn classify(&self, e: &reqwest::Error) -> Attempt {
        if e.is_timeout() {
            Attempt::Retry(
                FetchError::Timeout {
                    seconds: self.options.timeout.as_secs(),
                },
                None,
            )
        } else if e.is_redirect() {
            Attempt::Fail(FetchError::Redirects)
        } else if e.is_connect() || e.is_request() || e.is_body() {
            Attempt::Retry(FetchError::Connect(error_chain(e)), None)
        } else {
            Attempt::Fail(FetchError::Other(error_chain(e)))
        }
    }
}

fn header_string(headers: &HeaderMap, name: header::HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v: &HeaderValue| v.to_str().ok())
        .map(str::to_owned)
}

/// The wait a `Retry-After` header asks for: seconds, or an HTTP date.
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(header::RETRY_AFTER)?.to_str().ok()?;
    parse_retry_after(value, SystemTime::now())
}

/// An error with its sources, `outer: inner: innermost`, for rows.
fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let part = cause.to_string();
        if !text.contains(&part) {
            text.push_str(": ");
            text.push_str(&part);
        }
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_takes_seconds_and_dates() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
        assert_eq!(parse_retry_after(" 7 ", now), Some(Duration::from_secs(7)));
        let later = httpdate::fmt_http_date(now + Duration::from_secs(30));
        assert_eq!(
            parse_retry_after(&later, now),
            Some(Duration::from_secs(30))
        );
        let earlier = httpdate::fmt_http_date(now - Duration::from_secs(30));
        assert_eq!(parse_retry_after(&earlier, now), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("soon", now), None);
    }

    #[test]
    fn failures_say_their_http_status() {
        let blocked = FetchError::Blocked {
            http_status: Some(999),
            reason: "x".into(),
        };
        assert_eq!(blocked.http_status(), Some(999));
        let missing = FetchError::Http { http_status: 404 };
        assert_eq!(missing.to_string(), "HTTP 404 Not Found");
    }

    #[test]
    fn default_user_agent_names_version_and_repository() {
        assert!(DEFAULT_USER_AGENT.starts_with("jobfit/"));
        assert!(DEFAULT_USER_AGENT.contains("(+https://"));
    }
}
