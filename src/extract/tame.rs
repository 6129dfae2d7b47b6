//! A cheap byte-level pass over HTML before html5ever sees it, bounding what makes the parser
//! slow or large on hostile pages.
//!
//! html5ever checks scopes by scanning its stack of open elements, which makes markup nested
//! tens of thousands of levels deep quadratic; it checks each new attribute against the
//! element's others, which makes an element with 100,000 attributes quadratic too; and every
//! element is a node in memory. This pass keeps the page as it is up to [`MAX_DEPTH`] levels of
//! nesting, [`MAX_ATTRIBUTES`] attributes per tag and [`MAX_TAGS`] tags, and beyond those limits
//! drops the extra tags (each becomes a space, so words stay apart) and attributes while keeping
//! all the text. Real postings are far below every limit and pass through unchanged.
//!
//! It is not a parser: it finds tags, comments, declarations and the raw text of `<script>`,
//! `<style>`, `<textarea>`, `<title>`, `<xmp>`, `<iframe>`, `<noembed>` and `<noframes>` the way
//! the HTML tokenizer does, closely enough to count. Elements whose end tag may be left out
//! (`<p>`, `<li>`, `<td>`, ...) and void elements (`<br>`, `<img>`, ...) are not counted as
//! nesting, since the parser closes them on its own.

use std::borrow::Cow;

/// Deepest nesting of counted elements kept.
pub const MAX_DEPTH: usize = 256;

/// Most attributes kept on one tag.
pub const MAX_ATTRIBUTES: usize = 64;

/// Most tags kept in one document.
pub const MAX_TAGS: usize = 250_000;

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// Elements that are never open: they take no end tag.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose end tag may be omitted (the parser closes them when a sibling starts), and
/// the document's own `html`, `head` and `body`.
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rb", "rt", "rp", "rtc", "html", "head", "body",
];

/// Returns `html` with tags beyond the limits dropped (borrowed when nothing was dropped).
pub fn tame(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out = String::new();
    let mut changed = false;
    // `html[copied..]` is not yet in `out`; everything before it is.
    let mut copied = 0;
    let mut at = 0;
    let mut depth = 0usize;
    let mut tags = 0usize;
    while let Some(lt) = find_byte(bytes, b'<', at) {
        let rest = bytes.get(lt..).unwrap_or_default();
        if rest.starts_with(b"<!--") {
            at = find(bytes, b"-->", lt + 4).map_or(bytes.len(), |end| end + 3);
            continue;
        }
        if matches!(rest.get(1), Some(b'!' | b'?')) {
            at = find_byte(bytes, b'>', lt + 1).map_or(bytes.len(), |end| end + 1);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            at = lt + 1;
            continue;
        }
        let name_end = name_start
            + bytes
                .get(name_start..)
                .unwrap_or_default()
                .iter()
                .take_while(|&&b| !is_space(b) && b != b'/' && b != b'>')
                .count();
        let name = html
            .get(name_start..name_end)
            .unwrap_or_default()
            .to_ascii_lowercase();
        let tag = scan_tag(bytes, name_end);
        tags += 1;
        let counted = !VOID.contains(&name.as_str())
            && !OPTIONAL_END.contains(&name.as_str())
            && !tag.self_closing;
        let keep = if closing {
            let keep = !(counted && depth > MAX_DEPTH);
            if counted {
                depth = depth.saturating_sub(1);
            }
            keep
        } else {
            if counted {
                depth += 1;
            }
            !(counted && depth > MAX_DEPTH)
        } && tags <= MAX_TAGS;
        let mut next = tag.end;
        let raw_text = !closing && RAW_TEXT.contains(&name.as_str());
        if raw_text {
            // Its content is text up to its end tag, which the next round reads.
            let end_tag = format!("</{name}");
            next = find_ascii_case_insensitive(bytes, end_tag.as_bytes(), tag.end)
                .unwrap_or(bytes.len());
        }
        if !keep || tag.cut.is_some() {
            changed = true;
            out.push_str(html.get(copied..lt).unwrap_or_default());
            if keep && let Some(cut) = tag.cut {
                out.push_str(html.get(lt..cut).unwrap_or_default());
                out.push_str(if tag.self_closing { "/>" } else { ">" });
            } else {
                out.push(' ');
            }
            // A dropped script or style takes its content with it.
            if keep || !raw_text {
                out.push_str(html.get(tag.end..next).unwrap_or_default());
            }
            copied = next;
        }
        at = next;
    }
    if !changed {
        return Cow::Borrowed(html);
    }
    out.push_str(html.get(copied..).unwrap_or_default());
    Cow::Owned(out)
}

/// Where a tag ends, and where to cut its attributes if it has too many.
struct Tag {
    /// One past its `>` (the end of the input when it has none).
    end: usize,
    /// Offset of its first attribute beyond [`MAX_ATTRIBUTES`].
    cut: Option<usize>,
    /// Whether it ends with `/>`.
    self_closing: bool,
}

/// Reads a tag's attributes from `at` (just after its name) to its `>`, honouring quotes.
fn scan_tag(bytes: &[u8], mut at: usize) -> Tag {
    let mut attributes = 0;
    let mut cut = None;
    let mut self_closing = false;
    loop {
        while bytes.get(at).is_some_and(|&b| is_space(b) || b == b'/') {
            self_closing = bytes.get(at) == Some(&b'/');
            at += 1;
        }
        let Some(&byte) = bytes.get(at) else {
            return Tag {
                end: bytes.len(),
                cut,
                self_closing: false,
            };
        };
        if byte == b'>' {
            return Tag {
                end: at + 1,
                cut,
                self_closing,
            };
        }
        self_closing = false;
        attributes += 1;
        if attributes == MAX_ATTRIBUTES + 1 {
            cut = Some(at);
        }
        // The name: its first character may be anything but space, `/` and `>`.
        at += 1;
        while bytes
            .get(at)
            .is_some_and(|&b| !is_space(b) && !matches!(b, b'/' | b'>' | b'='))
        {
            at += 1;
        }
        let mut after = at;
        while bytes.get(after).is_some_and(|&b| is_space(b)) {
            after += 1;
        }
        if bytes.get(after) != Some(&b'=') {
            continue;
        }
        at = after + 1;
        while bytes.get(at).is_some_and(|&b| is_space(b)) {
            at += 1;
        }
        match bytes.get(at) {
            Some(&quote @ (b'"' | b'\'')) => {
                at = find_byte(bytes, quote, at + 1).map_or(bytes.len(), |end| end + 1);
            }
            _ => {
                while bytes.get(at).is_some_and(|&b| !is_space(b) && b != b'>') {
                    at += 1;
                }
            }
        }
    }
}

fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

fn find_byte(bytes: &[u8], byte: u8, from: usize) -> Option<usize> {
    let position = bytes.get(from..)?.iter().position(|&b| b == byte)?;
    Some(from + position)
}

fn find(bytes: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let position = bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)?;
    Some(from + position)
}

fn find_ascii_case_insensitive(bytes: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    let position = bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))?;
    Some(from + position)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_pass_through_unchanged() {
        let page = "<!DOCTYPE html><html><head><title>a < b</title>\
            <script>if (a<b) { x = '<div>'; }</script><!-- <div> --></head>\
            <body><div class=\"x\" data-a='>'><p>One<p>Two<br><img src=x /><ul><li>a<li>b</ul>\
            </div></body></html>";
        assert!(matches!(tame(page), Cow::Borrowed(_)));
    }

    /// Every saved page of the fixtures and samples is below every limit: the pass changes none.
    #[test]
    fn real_pages_are_left_alone() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut pages = 0;
        for dir in ["tests/fixtures/postings", "samples"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "html") {
                    let bytes = std::fs::read(&path).unwrap();
                    let text = String::from_utf8_lossy(&bytes);
                    assert!(
                        matches!(tame(&text), Cow::Borrowed(_)),
                        "{} was changed",
                        path.display()
                    );
                    pages += 1;
                }
            }
        }
        assert!(pages > 50, "{pages}");
    }

    #[test]
    fn nesting_beyond_the_limit_is_flattened() {
        let html = format!("{}Rust{}", "<div>".repeat(1_000), "</div>".repeat(1_000));
        let tamed = tame(&html);
        assert_eq!(tamed.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(tamed.matches("</div>").count(), MAX_DEPTH);
        assert!(tamed.contains("Rust"));
    }

    #[test]
    fn attributes_beyond_the_limit_are_dropped() {
        let attributes: String = (0..1_000).map(|i| format!(" a{i}=\"{i}\"")).collect();
        let html = format!("<p{attributes}>Rust</p>");
        let tamed = tame(&html);
        assert!(tamed.contains(" a63=\"63\" >Rust</p>"), "{tamed}");
        assert!(!tamed.contains("a64"));
    }

    #[test]
    fn tags_beyond_the_limit_become_spaces() {
        let html = "<b>x</b>".repeat(MAX_TAGS);
        let tamed = tame(&html);
        assert_eq!(tamed.matches("<b>").count(), MAX_TAGS / 2);
        assert_eq!(tamed.matches('x').count(), MAX_TAGS);
    }
}
