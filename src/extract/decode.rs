//! Bytes -> UTF-8 text: byte-order marks, declared charsets of HTML, detection (chardetng) for
//! text that declares none and is not UTF-8, binary and empty files.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};

use super::{ExtractError, Format};

/// How far into a file to look for NUL bytes and `<meta charset>` declarations.
const SNIFF_LEN: usize = 8 * 1024;

/// Decodes a posting's bytes to text.
///
/// A byte-order mark wins (UTF-8, UTF-16LE/BE); then, for HTML, a charset declared in a
/// `<meta>` tag within the first 8 KiB; otherwise the text must be valid UTF-8. Legacy encodings
/// are decoded with encoding_rs (the WHATWG Encoding Standard). Empty and binary files are
/// errors, as is invalid UTF-8 with no declared charset: the error says where.
pub fn decode(bytes: &[u8], format: Format) -> Result<Cow<'_, str>, ExtractError> {
    decode_with_charset(bytes, format, None)
}

/// [`decode_with_charset`], with one more step for text that is neither UTF-8 nor declares its
/// charset (a page saved from an old site, a file from Windows): its encoding is detected with
/// chardetng, Firefox's detector for legacy Web content, instead of the file becoming an error.
/// The second value is then the warning that says so, for the posting's `warnings`.
pub fn decode_detected<'a>(
    bytes: &'a [u8],
    format: Format,
    charset: Option<&str>,
) -> Result<(Cow<'a, str>, Option<String>), ExtractError> {
    match decode_with_charset(bytes, format, charset) {
        Err(ExtractError::InvalidUtf8 { offset }) => {
            // Mostly UTF-8 with a few stray bytes (a Latin-1 "é" pasted into a UTF-8 file):
            // UTF-8 with replacements keeps every other accent, where any legacy encoding
            // would garble them all.
            let lossy = String::from_utf8_lossy(bytes);
            let replaced = lossy.matches('\u{FFFD}').count();
            let other = lossy
                .chars()
                .filter(|&c| c > '\u{7F}' && c != '\u{FFFD}')
                .count();
            if other > replaced {
                let warning = format!(
                    "not valid UTF-8 (invalid byte at offset {offset}): decoded as UTF-8 with \
                     {replaced} U+FFFD replacement character{}",
                    if replaced == 1 { "" } else { "s" }
                );
                return Ok((non_empty(Cow::Owned(lossy.into_owned()))?, Some(warning)));
            }
            // UTF-8 may still be the guess: chardetng only allows it for valid UTF-8.
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            let encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
            let (text, _) = encoding.decode_without_bom_handling(bytes);
            let warning = format!(
                "not valid UTF-8 (invalid byte at offset {offset}) and no charset declared: \
                 decoded as {} (detected)",
                encoding.name()
            );
            Ok((non_empty(text)?, Some(warning)))
        }
        other => other.map(|text| (text, None)),
    }
}

/// Decodes bytes that came with a charset from outside (an HTTP `Content-Type` header).
///
/// The order is the WHATWG one: a byte-order mark, then the given charset, then (HTML) the
/// page's `<meta>` declaration, then strict UTF-8.
pub fn decode_with_charset<'a>(
    bytes: &'a [u8],
    format: Format,
    charset: Option<&str>,
) -> Result<Cow<'a, str>, ExtractError> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) =
            encoding.decode_without_bom_handling(bytes.get(bom_len..).unwrap_or_default());
        return non_empty(text);
    }
    let head = bytes.get(..SNIFF_LEN).unwrap_or(bytes);
    if let Some(offset) = memchr::memchr(0, head) {
        return Err(ExtractError::Binary { offset });
    }
    if let Some(label) = charset {
        let encoding = Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| {
            ExtractError::UnknownCharset {
                label: label.to_owned(),
            }
        })?;
        let (text, _) = encoding.decode_without_bom_handling(bytes);
        return non_empty(text);
    }
    if format == Format::Html
        && let Some(label) = declared_charset(head)
    {
        let encoding =
            Encoding::for_label(label.as_bytes()).ok_or_else(|| ExtractError::UnknownCharset {
                label: label.clone(),
            })?;
        // A page that says UTF-8 but is not gets the same treatment as one that says nothing.
        if encoding != UTF_8 {
            let (text, _) = encoding.decode_without_bom_handling(bytes);
            return non_empty(text);
        }
    }
    // SIMD validation: several times faster than std on text that is not all ASCII.
    match simdutf8::compat::from_utf8(bytes) {
        Ok(text) => non_empty(Cow::Borrowed(text)),
        Err(e) => Err(ExtractError::InvalidUtf8 {
            offset: e.valid_up_to(),
        }),
    }
}

fn non_empty(text: Cow<'_, str>) -> Result<Cow<'_, str>, ExtractError> {
    if text.trim().is_empty() {
        Err(ExtractError::Empty)
    } else {
        Ok(text)
    }
}

/// The charset named by `<meta charset=...>` or `<meta http-equiv content="...; charset=...">`.
fn declared_charset(head: &[u8]) -> Option<String> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = lower.get(from..).and_then(|rest| find(rest, b"<meta")) {
        let start = from + pos;
        let tail = lower.get(start..).unwrap_or_default();
        let len = tail.iter().position(|&b| b == b'>').unwrap_or(tail.len());
        let tag = tail.get(..len).unwrap_or_default();
        let end = start + len;
        if let Some(at) = find(tag, b"charset") {
            let rest = tag.get(at + b"charset".len()..).unwrap_or_default();
            let rest = trim_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let len = rest
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .unwrap_or(rest.len());
                if len > 0 {
                    let label = rest.get(..len).unwrap_or_default();
                    return Some(String::from_utf8_lossy(label).into_owned());
                }
            }
        }
        from = end;
    }
    None
}

/// Longest run of HTTP headers skipped before a saved response's body.
const MAX_HEADERS_LEN: usize = 16 * 1024;

/// The body of a raw HTTP response saved whole (`HTTP/1.1 200 OK`, headers, a blank line, the
/// page), with the charset its `Content-Type` header names; `None` for anything else.
pub fn http_response_body(bytes: &[u8]) -> Option<(&[u8], Option<String>)> {
    let start = trim_start(bytes);
    if !(start.starts_with(b"HTTP/1.") || start.starts_with(b"HTTP/2")) {
        return None;
    }
    let head = start.get(..start.len().min(MAX_HEADERS_LEN))?;
    let (end, gap) = [&b"\r\n\r\n"[..], &b"\n\n"[..]]
        .into_iter()
        .filter_map(|gap| find(head, gap).map(|at| (at, gap.len())))
        .min()?;
    let headers = String::from_utf8_lossy(head.get(..end)?).to_ascii_lowercase();
    let charset = headers
        .lines()
        .find_map(|line| line.strip_prefix("content-type:"))
        .and_then(|value| value.split_once("charset="))
        .map(|(_, rest)| {
            rest.trim()
                .trim_matches(|c| c == '"' || c == '\'')
                .split(|c: char| c == ';' || c.is_whitespace())
                .next()
                .unwrap_or_default()
                .to_owned()
        })
        .filter(|charset| !charset.is_empty());
    Some((start.get(end + gap..)?, charset))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let skip = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    bytes.get(skip..).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_is_not_utf8_and_declares_nothing_is_detected() {
        let cp1252 = b"<html><body><h1>D\xe9veloppeur Rust</h1><p>Exp\xe9rience \x93Rust\x94.</p></body></html>";
        let (text, warning) = decode_detected(cp1252, Format::Html, None).unwrap();
        assert!(
            text.contains("Développeur Rust") && text.contains("“Rust”"),
            "{text}"
        );
        let warning = warning.unwrap();
        assert!(
            warning.contains("decoded as windows-1252 (detected)"),
            "{warning}"
        );
        // Mostly UTF-8 with a stray Latin-1 byte: UTF-8 with one replacement.
        let bytes = b"Rust caf\xc3\xa9 na\xc3\xafve d\xc3\xa9j\xc3\xa0 \xe9";
        let (text, warning) = decode_detected(bytes, Format::Text, None).unwrap();
        assert!(text.contains("café naïve déjà \u{FFFD}"), "{text}");
        assert!(warning.unwrap().contains("1 U+FFFD replacement character"));
        // UTF-8 and declared charsets are as before, with no warning.
        let (text, warning) = decode_detected("Rust é".as_bytes(), Format::Text, None).unwrap();
        assert_eq!((text.as_ref(), warning), ("Rust é", None));
    }

    #[test]
    fn saved_http_responses_lose_their_headers() {
        let saved = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; Charset=UTF-8\r\nDate: Wed, 09 Jun 2010\r\n\r\n<html>x</html>";
        let (body, charset) = http_response_body(saved).unwrap();
        assert_eq!(body, b"<html>x</html>");
        assert_eq!(charset.as_deref(), Some("utf-8"));
        assert!(http_response_body(b"<html>HTTP/1.1</html>").is_none());
    }

    #[test]
    fn utf8_passes_through() {
        assert_eq!(decode("héllo".as_bytes(), Format::Text).unwrap(), "héllo");
    }

    #[test]
    fn empty_and_blank_are_errors() {
        assert_eq!(decode(b"", Format::Text), Err(ExtractError::Empty));
        assert_eq!(
            decode(b" \n\t ", Format::Markdown),
            Err(ExtractError::Empty)
        );
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00", Format::Html),
            Err(ExtractError::Binary { offset: 4 })
        );
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        assert_eq!(
            decode(b"caf\xe9 au lait", Format::Text),
            Err(ExtractError::InvalidUtf8 { offset: 3 })
        );
    }

    #[test]
    fn html_meta_charset_is_honoured() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><body>caf\xe9</body>";
        assert!(decode(page, Format::Html).unwrap().contains("café"));
        let page = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">\xe9t\xe9";
        assert!(decode(page, Format::Html).unwrap().contains("été"));
    }

    #[test]
    fn unknown_charset_is_named() {
        let page = b"<meta charset=\"klingon\"><p>x</p>";
        assert_eq!(
            decode(page, Format::Html),
            Err(ExtractError::UnknownCharset {
                label: "klingon".into()
            })
        );
    }

    #[test]
    fn utf16_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Rust".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes, Format::Text).unwrap(), "Rust");
    }
}
