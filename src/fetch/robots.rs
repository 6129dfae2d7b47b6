//! robots.txt: fetched once per host and run, obeyed for every URL of the host.
//!
//! Parsing and matching are texting_robots' (tested against Google's robots.txt test suite).
//! What a fetch failure means follows RFC 9309: a 4xx answer means there are no rules (all
//! allowed); a 5xx answer means everything is disallowed for now. A host that does not answer
//! at all (no connection, a time-out) is not skipped: its pages could not be fetched either, so
//! they are error rows that say the host is unreachable.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use texting_robots::Robot;
use tokio::sync::OnceCell;
use url::Url;

use super::{FetchError, Fetcher};

/// What one host's robots.txt says.
enum Rules {
    /// No robots.txt (4xx): everything allowed.
    AllowAll,
    /// The parsed file.
    Parsed(Box<Robot>),
    /// robots.txt could not be fetched; why.
    Unavailable(String),
    /// The host did not answer at all (no connection, or no answer in time): its pages cannot
    /// be fetched either, so every URL of it is an error row with this error, not a skip.
    Unreachable(FetchError),
}

/// robots.txt per origin, each fetched at most once even under concurrent requests.
#[derive(Default)]
pub struct RobotsCache {
    hosts: Mutex<HashMap<String, Arc<OnceCell<Rules>>>>,
}

impl RobotsCache {
    /// Errors when robots.txt of the URL's host disallows it (or cannot be fetched).
    pub(crate) async fn check(&self, fetcher: &Fetcher, url: &Url) -> Result<(), FetchError> {
        let origin = url.origin().ascii_serialization();
        let cell = {
            let mut hosts = match self.hosts.lock() {
                Ok(hosts) => hosts,
                Err(poisoned) => poisoned.into_inner(),
            };
            hosts.entry(origin.clone()).or_default().clone()
        };
        let robots_url = format!("{origin}/robots.txt");
        let rules = cell.get_or_init(|| load(fetcher, &robots_url)).await;
        match rules {
            Rules::AllowAll => Ok(()),
            Rules::Parsed(robot) if robot.allowed(url.as_str()) => Ok(()),
            Rules::Parsed(_) => Err(FetchError::RobotsDisallowed { robots: robots_url }),
            Rules::Unavailable(reason) => Err(FetchError::RobotsUnavailable {
                reason: reason.clone(),
            }),
            Rules::Unreachable(error) => Err(error.clone()),
        }
    }
}

async fn load(fetcher: &Fetcher, robots_url: &str) -> Rules {
    let Ok(url) = Url::parse(robots_url) else {
        return Rules::AllowAll;
    };
    match fetcher.fetch_with_retries(&url, None).await {
        Ok(response) => {
            let agent = agent_token(&fetcher.options().user_agent);
            match Robot::new(&agent, &response.body) {
                Ok(robot) => Rules::Parsed(Box::new(robot)),
                // Unparseable rules are no rules (RFC 9309 2.2: parse what can be parsed).
                Err(_) => Rules::AllowAll,
            }
        }
        Err(FetchError::Http { http_status }) if (400..500).contains(&http_status) => {
            Rules::AllowAll
        }
        Err(FetchError::Blocked {
            http_status: Some(status),
            ..
        }) if status != 429 && (400..500).contains(&status) => Rules::AllowAll,
        Err(error @ (FetchError::Connect(_) | FetchError::Timeout { .. })) => {
            Rules::Unreachable(error)
        }
        Err(error) => Rules::Unavailable(error.to_string()),
    }
}

/// The product token robots.txt groups are matched against: the user agent up to its first
/// `/` or space (`jobfit/0.1 (+...)` -> `jobfit`).
pub fn agent_token(user_agent: &str) -> String {
    user_agent
        .split(['/', ' '])
        .next()
        .filter(|t| !t.is_empty())
        .unwrap_or("jobfit")
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agent_token_is_the_product_name() {
        assert_eq!(agent_token(super::super::DEFAULT_USER_AGENT), "jobfit");
        assert_eq!(agent_token("MyBot 1.0"), "MyBot");
        assert_eq!(agent_token(""), "jobfit");
    }

    #[test]
    fn texting_robots_applies_groups_for_our_token() {
        let txt =
            b"User-agent: *\nDisallow: /private\n\nUser-agent: jobfit\nDisallow: /jobs/secret\n";
        let robot = Robot::new("jobfit", txt).unwrap();
        assert!(!robot.allowed("https://x.com/jobs/secret/1"));
        assert!(robot.allowed("https://x.com/private"));
    }
}
