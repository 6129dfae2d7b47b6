//! MHTML (`.mhtml`, `.mht`): a page saved by a browser as one file ("Save as... Webpage, single
//! file"), a MIME multipart message holding the page's HTML and its resources.
//!
//! This module owns reading the archive (mail-parser, a maintained MIME parser: multipart
//! boundaries, quoted-printable and base64 bodies, charsets) and choosing the HTML part that
//! holds the posting: the page itself, or, when the page only frames it (an ATS board embedded
//! in a company's careers page), the frame whose document describes a `JobPosting` or, failing
//! that, has the most text.

use mail_parser::{MessageParser, MimeHeaders, PartType};

use super::ExtractError;

/// An HTML document of an archive, with the URL it was saved from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SavedHtml {
    /// The HTML, decoded.
    pub html: String,
    /// The URL the page (or frame) was saved from.
    pub url: Option<String>,
}

/// The HTML documents of an MHTML archive, the page first, then its frames.
pub fn documents(bytes: &[u8]) -> Result<Vec<SavedHtml>, ExtractError> {
    let message = MessageParser::default()
        .parse(bytes)
        .ok_or_else(|| ExtractError::Mhtml("not a MIME message".to_owned()))?;
    let page_url = message
        .header_raw("Snapshot-Content-Location")
        .map(|url| url.trim().to_owned());
    let mut out = Vec::new();
    for part in &message.parts {
        let html = match &part.body {
            PartType::Html(html) => html.to_string(),
            PartType::Text(text) if part.is_content_type("text", "html") => text.to_string(),
            _ => continue,
        };
        let url = part.content_location().map(|u| u.trim().to_owned());
        out.push(SavedHtml { html, url });
    }
    if let (Some(first), Some(url)) = (out.first_mut(), page_url)
        && first.url.is_none()
    {
        first.url = Some(url);
    }
    if out.is_empty() {
        return Err(ExtractError::Mhtml(
            "no HTML part in the archive".to_owned(),
        ));
    }
    Ok(out)
}

/// Index of the document of `documents` that holds the posting: the first whose markup carries
/// a schema.org `JobPosting`, else the page itself unless a frame has at least twice its text.
pub fn posting_document(documents: &[SavedHtml], words: impl Fn(&str) -> usize) -> usize {
    if let Some(index) = documents
        .iter()
        .position(|d| d.html.contains("\"JobPosting\"") || d.html.contains("schema.org/JobPosting"))
    {
        return index;
    }
    if documents.len() < 2 {
        // No frame to weigh against the page: skip reading the page twice.
        return 0;
    }
    let counts: Vec<usize> = documents.iter().map(|d| words(&d.html)).collect();
    let page = counts.first().copied().unwrap_or(0);
    counts
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, count)| **count >= 2 * page.max(1))
        .max_by_key(|(_, count)| **count)
        .map_or(0, |(index, _)| index)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARCHIVE: &str = "From: <Saved by Blink>\r\n\
Snapshot-Content-Location: https://jobs.example.com/rust\r\n\
Subject: Rust Engineer\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----B\"\r\n\
\r\n\
------B\r\n\
Content-Type: text/html\r\n\
Content-ID: <frame-1@mhtml.blink>\r\n\
Content-Transfer-Encoding: quoted-printable\r\n\
Content-Location: https://jobs.example.com/rust\r\n\
\r\n\
<html><head><meta http-equiv=3D\"Content-Type\" content=3D\"text/html; charset=3DUTF-8\"></head>=\r\n\
<body><h1>Rust Engineer</h1><p>We use Rust and Tokio =E2=80=93 daily.</p></body></html>\r\n\
------B\r\n\
Content-Type: text/css\r\n\
Content-Location: https://jobs.example.com/a.css\r\n\
\r\n\
p{}\r\n\
------B--\r\n";

    #[test]
    fn reads_the_page_of_an_archive() {
        let docs = documents(ARCHIVE.as_bytes()).unwrap();
        assert_eq!(docs.len(), 1);
        assert!(
            docs[0]
                .html
                .contains("We use Rust and Tokio \u{2013} daily.")
        );
        assert_eq!(
            docs[0].url.as_deref(),
            Some("https://jobs.example.com/rust")
        );
    }

    #[test]
    fn other_bytes_are_errors() {
        assert!(documents(b"<html>not mime</html>").is_err());
    }
}
