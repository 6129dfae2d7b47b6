//! Walls: pages a server returns instead of the posting (bot challenges, captchas, sign-in
//! prompts). They are `blocked` rows, never scored.
//!
//! Two checks, both on bytes and text only (no HTML parsing here):
//! - [`challenge`]: markers that only challenge and block pages carry (Cloudflare's "Just a
//!   moment..." page and its challenge options, DataDome's captcha host, PerimeterX's captcha,
//!   Akamai's "Access Denied"); safe on any page.
//! - [`login_wall`]: phrases such as "sign in to view" or "verify you are human", which a real
//!   posting may also contain (a reCAPTCHA on its application form): they count only when the
//!   page has little text besides, so the caller passes the extracted text and its word count.
//! - [`redirected_to_login`]: a redirect that ends on a sign-in page (LinkedIn's `/authwall`).

/// How far into a body the challenge markers are looked for.
const HEAD_LEN: usize = 64 * 1024;

/// A page with at most this many words that says "sign in to view" is a wall.
pub const WALL_MAX_WORDS: usize = 250;

const CHALLENGES: &[(&str, &str)] = &[
    (
        "<title>just a moment...</title>",
        "Cloudflare challenge page (\"Just a moment...\")",
    ),
    ("window._cf_chl_opt", "Cloudflare challenge page"),
    (
        "attention required! | cloudflare",
        "Cloudflare block page (\"Attention Required!\")",
    ),
    ("geo.captcha-delivery.com", "DataDome captcha page"),
    ("id=\"px-captcha\"", "PerimeterX captcha page"),
    (
        "<title>access to this page has been denied",
        "bot-protection block page (\"Access to this page has been denied\")",
    ),
    (
        "<title>access denied</title>",
        "\"Access Denied\" block page",
    ),
];

const WALL_PHRASES: &[&str] = &[
    "sign in to view",
    "sign in to see",
    "log in to view",
    "log in to see",
    "login to view",
    "sign in to continue",
    "log in to continue",
    "join to view",
    "verify you are human",
    "verify you are a human",
    "are you a robot",
    "complete the captcha",
    "complete the security check",
    "unusual traffic from your computer",
    "enable javascript and cookies to continue",
];

/// The kind of challenge or block page `body` is, if it is one.
pub fn challenge(body: &[u8]) -> Option<&'static str> {
    let head = body.get(..HEAD_LEN).unwrap_or(body);
    let lower = head.to_ascii_lowercase();
    CHALLENGES
        .iter()
        .find(|(marker, _)| contains(&lower, marker.as_bytes()))
        .map(|(_, reason)| *reason)
}

/// The wall phrase of a short page (at most [`WALL_MAX_WORDS`] words), if it has one.
pub fn login_wall(text: &str, words: usize) -> Option<&'static str> {
    if words > WALL_MAX_WORDS {
        return None;
    }
    let lower = text.to_lowercase();
    WALL_PHRASES.iter().find(|p| lower.contains(*p)).copied()
}

/// Whether a redirect from `requested` ended on a sign-in page: the final URL's path has a
/// sign-in step (`/authwall`, `/login`, `/signin`...) that the requested one did not.
pub fn redirected_to_login(requested: &str, final_url: &str) -> bool {
    const STEPS: &[&str] = &[
        "authwall",
        "login",
        "signin",
        "sign-in",
        "sign_in",
        "checkpoint",
    ];
    let path = |url: &str| {
        url::Url::parse(url)
            .map(|u| u.path().to_ascii_lowercase())
            .unwrap_or_default()
    };
    let (before, after) = (path(requested), path(final_url));
    STEPS
        .iter()
        .any(|step| after.contains(step) && !before.contains(step))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn challenge_pages_are_recognised() {
        let cf = b"<!DOCTYPE html><html><head><title>Just a moment...</title></head></html>";
        assert_eq!(
            challenge(cf),
            Some("Cloudflare challenge page (\"Just a moment...\")")
        );
        let normal = b"<html><head><title>Rust Engineer</title><script src=\"/cdn-cgi/challenge-platform/scripts/jsd/main.js\"></script></head></html>";
        assert_eq!(challenge(normal), None);
    }

    #[test]
    fn wall_phrases_count_only_on_short_pages() {
        assert_eq!(
            login_wall("Sign in to view the full job description", 7),
            Some("sign in to view")
        );
        assert_eq!(login_wall("Sign in to view more jobs", 600), None);
    }

    #[test]
    fn redirects_to_sign_in_pages() {
        assert!(redirected_to_login(
            "https://www.linkedin.com/jobs/view/123",
            "https://www.linkedin.com/authwall?trk=x"
        ));
        assert!(!redirected_to_login(
            "https://example.com/login-team-job",
            "https://example.com/login-team-job"
        ));
    }
}
