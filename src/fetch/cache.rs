//! The HTTP cache between runs: one SQLite file (rusqlite, bundled SQLite).
//!
//! Each successful response is kept with its validators (`ETag`, `Last-Modified`). The next run
//! sends them back (`If-None-Match`, `If-Modified-Since`); a `304 Not Modified` answer reuses
//! the stored body, so a rerun over many URLs downloads only what changed. `--offline` answers
//! from here alone. SQLite in WAL mode with a busy timeout lets several jobfit processes (shards
//! on one machine) share one cache.
//!
//! The cache is an optimisation: once it is open, a failure to read or write an entry is a
//! miss, never a failed row.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::{self, HeaderMap, HeaderValue};
use rusqlite::{Connection, OptionalExtension, params};

use super::Response;

/// The cache file's name inside the cache directory.
pub const FILE_NAME: &str = "http-cache.sqlite3";

/// The cache could not be opened.
#[derive(Debug, thiserror::Error)]
#[error("cannot open the HTTP cache {}: {message}", path.display())]
pub struct CacheError {
    /// The cache file.
    pub path: PathBuf,
    /// What went wrong.
    pub message: String,
}

/// The platform's user cache directory for jobfit (`~/.cache/jobfit` on Linux), if known.
pub fn default_dir() -> Option<PathBuf> {
    dirs::cache_dir().map(|dir| dir.join("jobfit"))
}

/// An open cache.
pub struct Cache {
    db: Mutex<Connection>,
}

/// A stored response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    final_url: String,
    http_status: u16,
    content_type: Option<String>,
    etag: Option<String>,
    last_modified: Option<String>,
    fetched_at: SystemTime,
    body: Vec<u8>,
}

impl Entry {
    /// The conditional-request headers that revalidate this entry.
    pub fn validators(&self) -> HeaderMap {
        let mut headers = HeaderMap::new();
        if let Some(value) = self
            .etag
            .as_deref()
            .and_then(|v| HeaderValue::from_str(v).ok())
        {
            headers.insert(header::IF_NONE_MATCH, value);
        }
        if let Some(value) = self
            .last_modified
            .as_deref()
            .and_then(|v| HeaderValue::from_str(v).ok())
        {
            headers.insert(header::IF_MODIFIED_SINCE, value);
        }
        headers
    }

    /// Whether the entry can be revalidated at all.
    pub fn has_validators(&self) -> bool {
        self.etag.is_some() || self.last_modified.is_some()
    }

    /// The entry as a response, confirmed by the server at `now`.
    pub fn revalidated(&self, now: SystemTime) -> Response {
        let mut response = self.clone().into_response();
        response.fetched_at = now;
        response
    }

    /// The entry as a response, as stored.
    pub fn into_response(self) -> Response {
        Response {
            final_url: self.final_url,
            http_status: self.http_status,
            content_type: self.content_type,
            body: self.body,
            from_cache: true,
            fetched_at: self.fetched_at,
            etag: self.etag,
            last_modified: self.last_modified,
        }
    }
}

impl Cache {
    /// Opens (creating if needed) the cache file at `path`, and its directory.
    pub fn open(path: &Path) -> Result<Cache, CacheError> {
        let error = |message: String| CacheError {
            path: path.to_path_buf(),
            message,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| error(e.to_string()))?;
        }
        let db = Connection::open(path).map_err(|e| error(e.to_string()))?;
        db.busy_timeout(Duration::from_secs(10))
            .map_err(|e| error(e.to_string()))?;
        db.pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| error(e.to_string()))?;
        db.execute_batch(
            "CREATE TABLE IF NOT EXISTS responses (
                url TEXT PRIMARY KEY,
                final_url TEXT NOT NULL,
                http_status INTEGER NOT NULL,
                content_type TEXT,
                etag TEXT,
                last_modified TEXT,
                fetched_at INTEGER NOT NULL,
                body BLOB NOT NULL
            )",
        )
        .map_err(|e| error(e.to_string()))?;
        Ok(Cache { db: Mutex::new(db) })
    }

    fn db(&self) -> std::sync::MutexGuard<'_, Connection> {
        match self.db.lock() {
            Ok(db) => db,
            Err(poisoned) => poisoned.into_inner(),
        }
    }

    /// The stored response for `url`, if any.
    pub fn get(&self, url: &str) -> Option<Entry> {
        self.db()
            .query_row(
                "SELECT final_url, http_status, content_type, etag, last_modified, fetched_at, body
                 FROM responses WHERE url = ?1",
                params![url],
                |row| {
                    Ok(Entry {
                        final_url: row.get(0)?,
                        http_status: row.get(1)?,
                        content_type: row.get(2)?,
                        etag: row.get(3)?,
                        last_modified: row.get(4)?,
                        fetched_at: from_unix(row.get(5)?),
                        body: row.get(6)?,
                    })
                },
            )
            .optional()
            .ok()
            .flatten()
    }

    /// Stores a fresh response for `url` (replacing what was there).
    pub fn put(&self, url: &str, response: &Response) {
        let _ = self.db().execute(
            "INSERT OR REPLACE INTO responses
             (url, final_url, http_status, content_type, etag, last_modified, fetched_at, body)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                url,
                response.final_url,
                response.http_status,
                response.content_type,
                response.etag,
                response.last_modified,
                to_unix(response.fetched_at),
                response.body,
            ],
        );
    }

    /// Records that the server confirmed the stored copy of `url` at `at`.
    pub fn touch(&self, url: &str, at: SystemTime) {
        let _ = self.db().execute(
            "UPDATE responses SET fetched_at = ?2 WHERE url = ?1",
            params![url, to_unix(at)],
        );
    }
}

fn to_unix(at: SystemTime) -> i64 {
    at.duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

fn from_unix(seconds: i64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(u64::try_from(seconds).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(body: &str) -> Response {
        Response {
            final_url: "https://example.com/job".into(),
            http_status: 200,
            content_type: Some("text/html".into()),
            body: body.as_bytes().to_vec(),
            from_cache: false,
            fetched_at: UNIX_EPOCH + Duration::from_secs(1_700_000_000),
            etag: Some("\"v1\"".into()),
            last_modified: None,
        }
    }

    #[test]
    fn stores_replaces_and_touches_entries() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(&dir.path().join("sub").join(FILE_NAME)).unwrap();
        assert!(cache.get("https://example.com/job").is_none());
        cache.put("https://example.com/job", &response("one"));
        cache.put("https://example.com/job", &response("two"));
        let entry = cache.get("https://example.com/job").unwrap();
        assert_eq!(entry.body, b"two");
        assert!(entry.has_validators());
        assert_eq!(entry.validators()[header::IF_NONE_MATCH], "\"v1\"");
        let later = UNIX_EPOCH + Duration::from_secs(1_800_000_000);
        cache.touch("https://example.com/job", later);
        let revalidated = cache
            .get("https://example.com/job")
            .unwrap()
            .into_response();
        assert!(revalidated.from_cache);
        assert_eq!(revalidated.fetched_at, later);
    }

    #[test]
    fn an_unusable_path_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("file");
        std::fs::write(&file, "x").unwrap();
        let error = Cache::open(&file.join(FILE_NAME)).err().unwrap();
        assert!(error.to_string().contains(&file.display().to_string()));
    }
}
