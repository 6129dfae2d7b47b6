//! Web addresses in a posting's text: URLs, host names, e-mail addresses and relative file
//! paths, whose words ("…cloudfront.net/…", "linux-data-vmware-cloud-rest" in a URL's slug,
//! "~/components/layout/container") name a server, a page or a file, never a skill the posting
//! asks for.

/// Characters that end a token around a match: white space, quotes, brackets and the
/// separators of a CSV row or a list.
fn ends_token(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '"' | '\'' | '<' | '>' | '(' | ')' | '[' | ']' | '{' | '}'
        )
        || matches!(c, ',' | ';' | '|' | '`' | '*')
}

/// Top-level domains that a bare host name ("cloud.com", "asapcloud.nl") ends with; a bare
/// dotted word with another ending ("Node.js", "Vue.js") is a product's name.
const DOMAINS: &[&str] = &[
    "com", "net", "org", "io", "nl", "de", "fr", "it", "es", "pt", "be", "eu", "uk", "ch", "at",
    "pl", "ru", "ua", "br", "info", "gov", "edu",
];

/// The web address (URL, host name, e-mail address or relative file path) that holds the bytes `[start, end)` of
/// `text`, as its byte range; `None` when they are in no address, or when the match is the
/// whole of a bare host-like word ("socket.io", "asp.net": a product's name).
pub(super) fn around(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let before = text.get(..start)?;
    let after = text.get(end..)?;
    let from = before
        .char_indices()
        .rev()
        .find(|&(_, c)| ends_token(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let to = after
        .char_indices()
        .find(|&(_, c)| ends_token(c))
        .map_or(text.len(), |(i, _)| end + i);
    let token = text.get(from..to)?;
    let trimmed = token.trim_end_matches(['.', ':', '!', '?']);
    let token_end = from + trimmed.len();
    if end > token_end {
        return None;
    }
    let lower = trimmed.to_ascii_lowercase();
    // A relative file path ("~/components/layout/container/container" in a page's source).
    let file = ["~/", "./", "../"].iter().any(|p| lower.starts_with(p)) && lower.len() > 3;
    if file || lower.contains("://") || lower.starts_with("www.") {
        return Some((from, token_end));
    }
    // An e-mail address: its host after the "@".
    let (host_from, rest) = match lower.rsplit_once('@') {
        Some((user, host)) if !user.is_empty() => (from + user.len() + 1, host),
        _ => (from, lower.as_str()),
    };
    let host = rest.split('/').next().unwrap_or_default();
    let labels: Vec<&str> = host.split('.').collect();
    let well_formed = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'\\')
        });
    let domain = labels.last().is_some_and(|tld| DOMAINS.contains(tld));
    // Written in small letters, as addresses are: "ASP.NET" is a product's name.
    let small = trimmed
        .get(host_from - from..)
        .is_some_and(|h| !h.bytes().any(|b| b.is_ascii_uppercase()));
    if !(well_formed && domain && small) {
        return None;
    }
    let host_end = host_from + host.len();
    // The whole bare host is the match: a product named like one ("socket.io").
    let path = host_end < token_end;
    if !path && host_from == from && start <= from && end >= host_end {
        return None;
    }
    Some((from, token_end))
}

#[cfg(test)]
mod tests {
    use super::around;

    fn inside(text: &str, word: &str) -> bool {
        let start = text.find(word).unwrap_or_default();
        around(text, start, start + word.len()).is_some()
    }

    #[test]
    fn urls_and_hosts_hold_no_skill() {
        // A JobSpy record's logo (tests/fixtures/i18n-fresh16/nl) and a Tecnoempleo slug.
        let logo = "Health Care,https://nl.indeed.com/cmp/Sensire,https://d2q79iu7y748jz.cloudfront.net/s/_squarelogo/256x256/9e25,";
        assert!(inside(logo, "cloud"));
        let slug = "https://www.tecnoempleo.com/operador-sistemas-24x7/linux-data-vmware-cloud-rest-/rf-ba35";
        assert!(inside(slug, "linux"));
        assert!(inside("see www.example.org/cloud.", "cloud"));
        assert!(inside("mail jobs@cloud.com today", "cloud"));
        assert!(inside("Citrix on cloud.com and more", "cloud"));
        // A page's source (tests/fixtures/i18n-fresh16/pt).
        let import = r#"import Container from "~/components/layout/container/container";"#;
        assert!(inside(import, "container/container"));
        assert!(!inside(import, "Container"));
    }

    #[test]
    fn product_names_with_dots_are_no_addresses() {
        assert!(!inside("Experience with Node.js and Vue.js", "Node.js"));
        assert!(!inside("Experience with ASP.NET Core", ".NET"));
        assert!(!inside("real time with socket.io", "socket.io"));
        assert!(!inside("We use Rust, Go and cloud services.", "cloud"));
        assert!(!inside("(cloud) and Kubernetes", "cloud"));
    }
}
