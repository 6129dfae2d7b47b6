//! Bytes to tokens: start and end tags with their attributes, text with its character
//! references decoded, comments, bogus comments, doctypes, CDATA sections, and the raw or
//! escapable text of the elements that hold it. Each token goes straight to the [`Builder`];
//! which elements are open is the builder's business, not this module's.

use std::borrow::Cow;
use std::ops::Range;

use super::super::entities;
use super::{Attributes, Builder, MAX_ATTRIBUTES, MAX_TAGS};

/// What the tokenizer reads after a start tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Content {
    /// Markup.
    Markup,
    /// Raw text up to the end tag (`<script>`, `<style>`...).
    Raw,
    /// Text with character references up to the end tag (`<title>`, `<textarea>`).
    Escapable,
    /// Everything to the end of the input is text.
    Plain,
    /// Raw text up to the end tag, dropped (its element was not opened).
    Dropped,
}

pub(super) struct Tokenizer<'a, 'b> {
    pub(super) html: &'a str,
    pub(super) builder: &'b mut Builder<'a>,
}

impl<'a> Tokenizer<'a, '_> {
    pub(super) fn run(&mut self) {
        let html = self.html;
        let bytes = html.as_bytes();
        let mut text_start = 0;
        let mut at = 0;
        let mut tags = 0usize;
        // Tags often follow each other directly (`><`): look at the next byte before searching.
        let next_lt = |at: usize| match bytes.get(at) {
            Some(b'<') => Some(at),
            _ => Some(at + memchr::memchr(b'<', bytes.get(at..)?)?),
        };
        while let Some(lt) = next_lt(at) {
            let next = bytes.get(lt + 1).copied();
            let end = match next {
                Some(b'!') => {
                    self.text(text_start, lt);
                    self.declaration(lt)
                }
                Some(b'?') => {
                    self.text(text_start, lt);
                    bogus_comment(bytes, lt + 2)
                }
                Some(b'/') => match bytes.get(lt + 2) {
                    Some(b) if b.is_ascii_alphabetic() => {
                        self.text(text_start, lt);
                        let name_end = name_end(bytes, lt + 2);
                        let Some(tag) = scan_tag(bytes, name_end, &mut |_, _| {}) else {
                            // Cut by the end of the input: dropped.
                            return;
                        };
                        tags += 1;
                        if tags > MAX_TAGS {
                            self.builder.characters(" ");
                        } else {
                            let name = lowercase(html.get(lt + 2..name_end).unwrap_or_default());
                            self.builder.end_tag(&name);
                        }
                        tag.end
                    }
                    Some(b'>') => {
                        self.text(text_start, lt);
                        lt + 3
                    }
                    Some(_) => {
                        self.text(text_start, lt);
                        bogus_comment(bytes, lt + 2)
                    }
                    None => {
                        at = lt + 1;
                        continue;
                    }
                },
                Some(b) if b.is_ascii_alphabetic() => {
                    self.text(text_start, lt);
                    let name_end = name_end(bytes, lt + 1);
                    let mut parsed = Attributes::default();
                    let Some(tag) = scan_tag(bytes, name_end, &mut |name, value| {
                        parsed.set(html, name, value);
                    }) else {
                        return;
                    };
                    self.builder.parsed = Some((name_end, parsed));
                    tags += 1;
                    let content = if tags > MAX_TAGS {
                        self.builder.characters(" ");
                        let name = lowercase(html.get(lt + 1..name_end).unwrap_or_default());
                        match raw_content(&name) {
                            Content::Markup => Content::Markup,
                            _ => Content::Dropped,
                        }
                    } else {
                        let name = lowercase(html.get(lt + 1..name_end).unwrap_or_default());
                        let attributes = html.get(name_end..tag.attributes_end).unwrap_or_default();
                        self.builder.start_tag(name, attributes, tag.self_closing)
                    };
                    self.content(content, lt + 1, name_end, tag.end)
                }
                _ => {
                    // A `<` that starts no markup is text.
                    at = lt + 1;
                    continue;
                }
            };
            at = end;
            text_start = end;
        }
        self.text(text_start, bytes.len());
    }

    /// Passes the text `html[start..end]` on, references decoded.
    fn text(&mut self, start: usize, end: usize) {
        if start >= end {
            return;
        }
        let text = self.html.get(start..end).unwrap_or_default();
        let decoded = entities::decode(text, false);
        self.builder.characters(&decoded);
    }

    /// Reads the content of an element opened at `name_start..name_end` from `from` (after its
    /// start tag); returns where markup resumes.
    fn content(
        &mut self,
        content: Content,
        name_start: usize,
        name_end: usize,
        from: usize,
    ) -> usize {
        let bytes = self.html.as_bytes();
        let end = match content {
            Content::Markup => return from,
            Content::Plain => bytes.len(),
            Content::Raw | Content::Escapable | Content::Dropped => {
                let name = bytes.get(name_start..name_end).unwrap_or_default();
                find_end_tag(bytes, name, from)
            }
        };
        let text = self.html.get(from..end).unwrap_or_default();
        match content {
            Content::Raw => self.builder.raw_text(text),
            // Plain text is read by the rules of the body (formatting elements reopened).
            Content::Plain => self.builder.characters(text),
            Content::Escapable => self.builder.raw_text(&entities::decode(text, false)),
            Content::Markup | Content::Dropped => {}
        }
        if end >= bytes.len() {
            return end;
        }
        // The end tag closes the element (the "text" insertion mode).
        let end_name_end = self::name_end(bytes, end + 2);
        let Some(tag) = scan_tag(bytes, end_name_end, &mut |_, _| {}) else {
            return bytes.len();
        };
        if content != Content::Dropped {
            self.builder.pop();
        }
        tag.end
    }

    /// Reads `<!...` at `lt`: a comment, a doctype, a CDATA section or a bogus comment.
    fn declaration(&mut self, lt: usize) -> usize {
        let bytes = self.html.as_bytes();
        let rest = bytes.get(lt..).unwrap_or_default();
        if rest.starts_with(b"<!--") {
            return comment_end(bytes, lt + 4);
        }
        if rest
            .get(..9)
            .is_some_and(|d| d.eq_ignore_ascii_case(b"<!doctype"))
        {
            let end = memchr::memchr(b'>', rest).map_or(bytes.len(), |gt| lt + gt + 1);
            let doctype = self.html.get(lt + 9..end).unwrap_or_default();
            self.builder.doctype(doctype);
            return end;
        }
        if rest.starts_with(b"<![CDATA[") && self.builder.in_foreign_content() {
            let start = lt + 9;
            let (text_end, end) = match memchr::memmem::find(rest, b"]]>") {
                Some(close) => (lt + close, lt + close + 3),
                None => (bytes.len(), bytes.len()),
            };
            if let Some(text) = self.html.get(start..text_end) {
                self.builder.characters(text);
            }
            return end;
        }
        bogus_comment(bytes, lt + 2)
    }
}

/// Where the content of a raw-text element named `name` ends: at its next end tag (`</name`
/// followed by a space, `/` or `>`), else at the end of the input.
fn find_end_tag(bytes: &[u8], name: &[u8], from: usize) -> usize {
    let mut at = from;
    let finder = memchr::memmem::Finder::new(b"</");
    while let Some(found) = bytes.get(at..).and_then(|rest| finder.find(rest)) {
        let lt = at + found;
        let after = lt + 2 + name.len();
        if bytes
            .get(lt + 2..after)
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
            && bytes
                .get(after)
                .is_some_and(|&b| is_space(b) || b == b'/' || b == b'>')
        {
            return lt;
        }
        at = lt + 2;
    }
    bytes.len()
}

/// Where a comment whose text starts at `from` (after `<!--`) ends.
fn comment_end(bytes: &[u8], from: usize) -> usize {
    let rest = bytes.get(from..).unwrap_or_default();
    if rest.starts_with(b">") {
        return from + 1;
    }
    if rest.starts_with(b"->") {
        return from + 2;
    }
    let finder = memchr::memmem::Finder::new(b"--");
    let mut at = from;
    while let Some(found) = bytes.get(at..).and_then(|r| finder.find(r)) {
        let mut after = at + found + 2;
        while bytes.get(after) == Some(&b'-') {
            after += 1;
        }
        match bytes.get(after) {
            Some(b'>') => return after + 1,
            Some(b'!') if bytes.get(after + 1) == Some(&b'>') => return after + 2,
            _ => at = after,
        }
    }
    bytes.len()
}

/// Where a bogus comment whose text starts at `from` ends: after the next `>`.
fn bogus_comment(bytes: &[u8], from: usize) -> usize {
    bytes
        .get(from..)
        .and_then(|rest| memchr::memchr(b'>', rest))
        .map_or(bytes.len(), |gt| from + gt + 1)
}

/// End of a tag name that starts at `from`.
fn name_end(bytes: &[u8], from: usize) -> usize {
    from + bytes
        .get(from..)
        .unwrap_or_default()
        .iter()
        .take_while(|&&b| !is_space(b) && b != b'/' && b != b'>')
        .count()
}

/// A scanned tag.
pub(super) struct Tag {
    /// End of its attributes (before a final `/` and the `>`).
    attributes_end: usize,
    /// One past its `>`.
    end: usize,
    /// Whether it ends with `/>`.
    self_closing: bool,
}

/// Reads a tag's attributes from `at` (just after its name) to its `>`, honouring quotes, and
/// calls `attribute(name, value)` with the byte ranges of each of the first
/// [`MAX_ATTRIBUTES`] (`value`: `None` for a bare attribute). `None` when the input ends inside
/// the tag.
pub(super) fn scan_tag(
    bytes: &[u8],
    mut at: usize,
    attribute: &mut impl FnMut(Range<usize>, Option<Range<usize>>),
) -> Option<Tag> {
    let mut attributes = 0;
    let mut self_closing = false;
    let mut attributes_end = at;
    loop {
        while let Some(&b) = bytes.get(at) {
            if b == b'/' {
                self_closing = true;
            } else if is_space(b) {
                self_closing = false;
            } else {
                break;
            }
            at += 1;
        }
        let byte = *bytes.get(at)?;
        if byte == b'>' {
            return Some(Tag {
                attributes_end,
                end: at + 1,
                self_closing,
            });
        }
        self_closing = false;
        // The name: its first character may be anything but space, `/` and `>`.
        let name_start = at;
        at += 1;
        while bytes
            .get(at)
            .is_some_and(|&b| !is_space(b) && !matches!(b, b'/' | b'>' | b'='))
        {
            at += 1;
        }
        let name = name_start..at;
        let mut after = at;
        while bytes.get(after).is_some_and(|&b| is_space(b)) {
            after += 1;
        }
        attributes += 1;
        if bytes.get(after) != Some(&b'=') {
            attributes_end = at;
            if attributes <= MAX_ATTRIBUTES {
                attribute(name, None);
            }
            continue;
        }
        at = after + 1;
        while bytes.get(at).is_some_and(|&b| is_space(b)) {
            at += 1;
        }
        let value = match bytes.get(at) {
            Some(&quote @ (b'"' | b'\'')) => {
                let start = at + 1;
                let close = start + memchr::memchr(quote, bytes.get(start..)?)?;
                at = close + 1;
                start..close
            }
            _ => {
                let start = at;
                while bytes.get(at).is_some_and(|&b| !is_space(b) && b != b'>') {
                    at += 1;
                }
                start..at
            }
        };
        attributes_end = at;
        if attributes <= MAX_ATTRIBUTES {
            attribute(name, Some(value));
        }
    }
}

fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

fn lowercase(name: &str) -> Cow<'_, str> {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(name)
    }
}

/// What follows the start tag of `name` in HTML content.
pub(super) fn raw_content(name: &str) -> Content {
    match name {
        "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => Content::Raw,
        "title" | "textarea" => Content::Escapable,
        "plaintext" => Content::Plain,
        _ => Content::Markup,
    }
}
