//! A streaming HTML reader: a tokenizer and an emulation of the HTML tree builder's stack of
//! open elements that drive the `Walker` with the open, close and text events a walk of
//! html5ever's tree would give, without building the tree.
//!
//! Why not lol_html: on the three full saved pages of the fixtures, lol_html 2.9 streams at
//! 1.9 GB/s with no handler but at 349 MB/s with the handlers this reader needs (every
//! element, reading `class`, and every text chunk) and 312 MB/s with end-tag handlers too,
//! before any work of ours; it leaves entities undecoded and does not tell which elements an
//! optional end tag closed. This reader gives the same blocks as html5ever at about 700 MB/s.
//!
//! Tokenizer: tags with quoted, unquoted and bare attributes, comments (`<!-- -->`, `<!-->`,
//! `--!>`), bogus comments (`<!x>`, `<?x>`, `</ x>`), doctypes, CDATA sections (only inside
//! SVG and MathML; elsewhere they are bogus comments, as in the standard), character references
//! in text and attribute values (`entities`), the raw text of `<script>`, `<style>`,
//! `<xmp>`, `<iframe>`, `<noembed>`, `<noframes>`, `<noscript>` (scripting on, as in scraper)
//! and the escapable raw text of `<title>` and `<textarea>` up to their end tag, `<plaintext>`.
//! A tag cut by the end of the input is dropped, as the standard says.
//!
//! Tree builder: the rules of the "in body" insertion mode that decide which elements are open:
//! implied `html`, `head` and `body`; optional end tags (`<p>` closed by a block, `<li>` by the
//! next `<li>`, `<dd>`/`<dt>`, `<option>`, cells and rows); void elements; end tags matched
//! within their scope and ignored otherwise (`</p>` with no open `<p>` makes an empty one,
//! `</br>` is `<br>`); headings closing a heading; `<table>` closing a `<p>` except in quirks
//! mode; implied `tbody` and `tr`; SVG and MathML with self-closing tags and the tags that
//! break out of them; the list of active formatting elements (`<b>`, `<strong>`, `<a>`...),
//! reopened after a block closed them, with the "Noah's Ark" limit of three.
//!
//! Simplified, since they change no text a posting is made of: the adoption agency algorithm
//! (a misnested `</b>` past a block closes the `<b>` where it is instead of moving the block),
//! foster parenting (text misplaced inside a `<table>` stays where it is instead of moving
//! before the table), `<frameset>` replacing the body, the "in column group" and "in template"
//! modes, the escaped
//! states of script data (`<!-- <script>` inside a script), and attributes of a second `<html>`
//! or `<body>` tag (merged into the first by html5ever, ignored here).
//!
//! Bounded on hostile input as the byte-level pass before html5ever bounds that parser: at most
//! [`MAX_DEPTH`] elements open (deeper start tags become a space, a raw-text element's content
//! goes with it), [`MAX_ATTRIBUTES`] attributes read per tag, [`MAX_TAGS`] tags per document
//! (the rest become spaces), [`MAX_ACTIVE`] active formatting elements. Every step is linear in
//! its input or bounded by these.

use std::borrow::Cow;
use std::ops::Range;

use super::Walker;
use super::entities;

/// Most elements open at once.
pub const MAX_DEPTH: usize = 512;

/// Most attributes read on one tag (later ones are ignored).
pub const MAX_ATTRIBUTES: usize = 64;

/// Most tags read in one document; later tags become a space.
pub const MAX_TAGS: usize = 250_000;

/// Most entries in the list of active formatting elements.
pub const MAX_ACTIVE: usize = 256;

/// Walks a document (`fragment`: false) or a fragment in a `<body>` (true).
pub(super) fn walk(html: &str, fragment: bool) -> Walker {
    let mut builder = Builder::new(html, fragment);
    Tokenizer {
        html,
        builder: &mut builder,
    }
    .run();
    builder.finish()
}

/// What the tokenizer reads after a start tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Content {
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

struct Tokenizer<'a, 'b> {
    html: &'a str,
    builder: &'b mut Builder<'a>,
}

impl<'a> Tokenizer<'a, '_> {
    fn run(&mut self) {
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
struct Tag {
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
fn scan_tag(
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
fn raw_content(name: &str) -> Content {
    match name {
        "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => Content::Raw,
        "title" | "textarea" => Content::Escapable,
        "plaintext" => Content::Plain,
        _ => Content::Markup,
    }
}

/// The attributes the walker reads, decoded; the first of each name wins.
#[derive(Default)]
pub(super) struct Attributes<'a> {
    id: Option<Cow<'a, str>>,
    class: Option<Cow<'a, str>>,
    role: Option<Cow<'a, str>>,
    hidden: Option<Cow<'a, str>>,
    aria_hidden: Option<Cow<'a, str>>,
    property: Option<Cow<'a, str>>,
    name: Option<Cow<'a, str>>,
    content: Option<Cow<'a, str>>,
    kind: Option<Cow<'a, str>>,
    itemprop: Option<Cow<'a, str>>,
    datetime: Option<Cow<'a, str>>,
    title: Option<Cow<'a, str>>,
    rel: Option<Cow<'a, str>>,
    href: Option<Cow<'a, str>>,
    value: Option<Cow<'a, str>>,
    action: Option<Cow<'a, str>>,
    alt: Option<Cow<'a, str>>,
    aria_label: Option<Cow<'a, str>>,
    itemscope: Option<Cow<'a, str>>,
    /// The first `data-*` attribute that labels what an element holds, and its name.
    data: Option<(&'static str, Cow<'a, str>)>,
}

/// The `data-*` attributes that label an element's content (`data-testid="companyName"`).
const DATA_LABELS: &[&str] = &[
    "data-testid",
    "data-test",
    "data-test-id",
    "data-automation",
    "data-automation-id",
    "data-at",
    "data-qa",
    "data-cy",
    "data-field",
    "data-ui",
];

impl<'a> Attributes<'a> {
    fn parse(attributes: &'a str) -> Attributes<'a> {
        let mut out = Attributes::default();
        if attributes.is_empty() {
            return out;
        }
        let _ = scan_tag(attributes.as_bytes(), 0, &mut |name, value| {
            out.set(attributes, name, value);
        });
        out
    }

    /// Keeps the attribute at `name` = `value` (ranges of `html`) if the walker reads it and
    /// it is the first of its name.
    fn set(&mut self, html: &'a str, name: Range<usize>, value: Option<Range<usize>>) {
        let out = self;
        {
            let name = html.as_bytes().get(name).unwrap_or_default();
            let slot = match name.len() {
                2 if name.eq_ignore_ascii_case(b"id") => &mut out.id,
                4 if name.eq_ignore_ascii_case(b"role") => &mut out.role,
                4 if name.eq_ignore_ascii_case(b"name") => &mut out.name,
                4 if name.eq_ignore_ascii_case(b"type") => &mut out.kind,
                5 if name.eq_ignore_ascii_case(b"class") => &mut out.class,
                5 if name.eq_ignore_ascii_case(b"title") => &mut out.title,
                6 if name.eq_ignore_ascii_case(b"hidden") => &mut out.hidden,
                7 if name.eq_ignore_ascii_case(b"content") => &mut out.content,
                8 if name.eq_ignore_ascii_case(b"property") => &mut out.property,
                8 if name.eq_ignore_ascii_case(b"itemprop") => &mut out.itemprop,
                8 if name.eq_ignore_ascii_case(b"datetime") => &mut out.datetime,
                11 if name.eq_ignore_ascii_case(b"aria-hidden") => &mut out.aria_hidden,
                3 if name.eq_ignore_ascii_case(b"rel") => &mut out.rel,
                3 if name.eq_ignore_ascii_case(b"alt") => &mut out.alt,
                5 if name.eq_ignore_ascii_case(b"value") => &mut out.value,
                6 if name.eq_ignore_ascii_case(b"action") => &mut out.action,
                10 if name.eq_ignore_ascii_case(b"aria-label") => &mut out.aria_label,
                4 if name.eq_ignore_ascii_case(b"href") => &mut out.href,
                9 if name.eq_ignore_ascii_case(b"itemscope") => &mut out.itemscope,
                _ if name.len() > 5
                    && name
                        .get(..5)
                        .is_some_and(|d| d.eq_ignore_ascii_case(b"data-")) =>
                {
                    if out.data.is_none()
                        && let Some(label) = DATA_LABELS
                            .iter()
                            .find(|label| name.eq_ignore_ascii_case(label.as_bytes()))
                    {
                        let value = value.and_then(|v| html.get(v)).unwrap_or_default();
                        out.data = Some((label, entities::decode(value, true)));
                    }
                    return;
                }
                _ => return,
            };
            if slot.is_none() {
                let value = value.and_then(|v| html.get(v)).unwrap_or_default();
                *slot = Some(entities::decode(value, true));
            }
        }
    }
}

/// Whether a `<font>` tag's attributes make it end SVG or MathML content.
fn font_breaks_out(attributes: &str) -> bool {
    let bytes = attributes.as_bytes();
    let mut found = false;
    let _ = scan_tag(bytes, 0, &mut |name, _| {
        let name = bytes.get(name).unwrap_or_default();
        found |= [&b"color"[..], b"face", b"size"]
            .iter()
            .any(|n| name.eq_ignore_ascii_case(n));
    });
    found
}

impl super::Attributes for Attributes<'_> {
    fn attr(&self, name: &str) -> Option<&str> {
        let value = match name {
            "id" => &self.id,
            "class" => &self.class,
            "role" => &self.role,
            "hidden" => &self.hidden,
            "aria-hidden" => &self.aria_hidden,
            "property" => &self.property,
            "name" => &self.name,
            "content" => &self.content,
            "type" => &self.kind,
            "itemprop" => &self.itemprop,
            "datetime" => &self.datetime,
            "title" => &self.title,
            "rel" => &self.rel,
            "href" => &self.href,
            "value" => &self.value,
            "action" => &self.action,
            "alt" => &self.alt,
            "aria-label" => &self.aria_label,
            "itemscope" => &self.itemscope,
            _ => {
                return self
                    .data
                    .as_ref()
                    .filter(|(label, _)| *label == name)
                    .map(|(_, value)| value.as_ref());
            }
        };
        value.as_deref()
    }
}

/// An open element.
struct Open<'a> {
    name: Cow<'a, str>,
    id: u32,
    /// In the SVG or MathML namespace.
    foreign: bool,
    /// Its content is read as SVG or MathML (foreign, and not an integration point).
    foreign_content: bool,
    /// On the list of active formatting elements.
    formatting: bool,
}

impl Open<'_> {
    fn is(&self, name: &str) -> bool {
        !self.foreign && self.name == name
    }

    fn is_any(&self, names: &[&str]) -> bool {
        !self.foreign && names.contains(&self.name.as_ref())
    }
}

/// An entry of the list of active formatting elements.
enum Active<'a> {
    Marker,
    Element {
        name: Cow<'a, str>,
        attributes: &'a str,
        id: u32,
        open: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    BeforeHtml,
    BeforeHead,
    InHead,
    AfterHead,
    InBody,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Default,
    Button,
    ListItem,
    Table,
}

/// Elements whose start tag closes an open `<p>`.
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "header"
            | "hgroup"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "search"
            | "section"
            | "summary"
            | "ul"
    )
}

/// Elements whose end tag closes everything open inside them, when one is in scope.
fn is_block_end(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "button"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "header"
            | "hgroup"
            | "listing"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "pre"
            | "search"
            | "section"
            | "select"
            | "summary"
            | "ul"
    )
}

const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn is_formatting(name: &str) -> bool {
    matches!(
        name,
        "a" | "b"
            | "big"
            | "code"
            | "em"
            | "font"
            | "i"
            | "nobr"
            | "s"
            | "small"
            | "strike"
            | "strong"
            | "tt"
            | "u"
    )
}

/// End tags implied when another element starts or ends.
fn implies_end(name: &str) -> bool {
    matches!(
        name,
        "dd" | "dt" | "li" | "optgroup" | "option" | "p" | "rb" | "rp" | "rt" | "rtc"
    )
}

/// Tags that end SVG or MathML content.
fn breaks_out(name: &str) -> bool {
    matches!(
        name,
        "b" | "big"
            | "blockquote"
            | "body"
            | "br"
            | "center"
            | "code"
            | "dd"
            | "div"
            | "dl"
            | "dt"
            | "em"
            | "embed"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "hr"
            | "i"
            | "img"
            | "li"
            | "listing"
            | "menu"
            | "meta"
            | "nobr"
            | "ol"
            | "p"
            | "pre"
            | "ruby"
            | "s"
            | "small"
            | "span"
            | "strong"
            | "strike"
            | "sub"
            | "sup"
            | "table"
            | "tt"
            | "u"
            | "ul"
            | "var"
    )
}

/// Elements of the "special" category of the standard (HTML namespace).
fn is_special_html(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "applet"
            | "area"
            | "article"
            | "aside"
            | "base"
            | "basefont"
            | "bgsound"
            | "blockquote"
            | "body"
            | "br"
            | "button"
            | "caption"
            | "center"
            | "col"
            | "colgroup"
            | "dd"
            | "details"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "embed"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "frame"
            | "frameset"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "iframe"
            | "img"
            | "input"
            | "keygen"
            | "li"
            | "link"
            | "listing"
            | "main"
            | "marquee"
            | "menu"
            | "meta"
            | "nav"
            | "noembed"
            | "noframes"
            | "noscript"
            | "object"
            | "ol"
            | "p"
            | "param"
            | "plaintext"
            | "pre"
            | "script"
            | "search"
            | "section"
            | "select"
            | "source"
            | "style"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "template"
            | "textarea"
            | "tfoot"
            | "th"
            | "thead"
            | "title"
            | "tr"
            | "track"
            | "ul"
            | "wbr"
            | "xmp"
    )
}

/// SVG and MathML elements whose content is read as HTML.
fn is_integration_point(name: &str) -> bool {
    matches!(
        name,
        "mi" | "mo" | "mn" | "ms" | "mtext" | "foreignobject" | "desc" | "title"
    )
}

fn is_special(open: &Open<'_>) -> bool {
    if open.foreign {
        is_integration_point(&open.name) || open.name == "annotation-xml"
    } else {
        is_special_html(&open.name)
    }
}

/// Whether `open` bounds `scope`.
fn bounds(open: &Open<'_>, scope: Scope) -> bool {
    if open.foreign {
        return scope != Scope::Table && is_integration_point(&open.name);
    }
    let name = open.name.as_ref();
    match scope {
        Scope::Table => matches!(name, "html" | "table" | "template"),
        _ => {
            matches!(
                name,
                "applet"
                    | "caption"
                    | "html"
                    | "table"
                    | "td"
                    | "th"
                    | "marquee"
                    | "object"
                    | "select"
                    | "template"
            ) || (scope == Scope::Button && name == "button")
                || (scope == Scope::ListItem && matches!(name, "ol" | "ul"))
        }
    }
}

/// Whether a doctype (what follows `<!doctype`) puts the document in quirks mode.
fn quirky(doctype: &str) -> bool {
    let lower = doctype.trim().to_ascii_lowercase();
    let mut words = lower.split_ascii_whitespace();
    if words.next() != Some("html") {
        return true;
    }
    let Some(public) = lower.split('"').nth(1).or_else(|| lower.split('\'').nth(1)) else {
        return false;
    };
    let has_system = lower.matches(['"', '\'']).count() >= 4;
    const QUIRKY: &[&str] = &[
        "-//w3c//dtd html 3",
        "-//w3c//dtd html 4.0 ",
        "-//w3c//dtd html 4.0//",
        "-//w3c//dtd html experimental",
        "-//w3c//dtd w3 html",
        "-//w3o//",
        "-//ietf//",
        "-//netscape",
        "-//microsoft",
        "-//sq//",
        "-//softquad",
        "-//spyglass",
        "-//sun microsystems",
        "-//webtechs",
        "-//o'reilly",
        "-//metrius",
        "-//advasoft",
        "-//as//",
        "-//ibm",
        "-//silmaril",
        "+//silmaril",
    ];
    QUIRKY.iter().any(|q| public.starts_with(q))
        || (!has_system
            && (public.starts_with("-//w3c//dtd html 4.01 frameset//")
                || public.starts_with("-//w3c//dtd html 4.01 transitional//")))
}

struct Builder<'a> {
    /// The document.
    html: &'a str,
    /// The attributes of the start tag being read, parsed by the tokenizer, with the offset of
    /// their text in `html`.
    parsed: Option<(usize, Attributes<'a>)>,
    /// How many `<p>` elements are open (most block starts close one: skip the scope check
    /// when there is none).
    open_p: usize,
    /// How many `<template>` elements are open (their content is read with the rules of the
    /// body, wherever they are).
    open_templates: usize,
    /// The form element pointer: the open `<form>`, which `</form>` closes.
    form: Option<u32>,
    walker: Walker,
    stack: Vec<Open<'a>>,
    active: Vec<Active<'a>>,
    mode: Mode,
    quirks: bool,
    next_id: u32,
}

impl<'a> Builder<'a> {
    fn new(html: &'a str, fragment: bool) -> Builder<'a> {
        let mut builder = Builder {
            html,
            parsed: None,
            open_p: 0,
            open_templates: 0,
            form: None,
            walker: Walker::default(),
            stack: Vec::with_capacity(64),
            active: Vec::new(),
            mode: Mode::BeforeHtml,
            quirks: !fragment,
            next_id: 0,
        };
        if fragment {
            builder.push(Cow::Borrowed("html"), "", false);
            builder.mode = Mode::InBody;
        }
        builder
    }

    fn finish(mut self) -> Walker {
        while !self.stack.is_empty() {
            self.pop();
        }
        self.walker.flush();
        self.walker
    }

    /// Offset of `part` (a slice of the document) in the document.
    fn offset(&self, part: &str) -> usize {
        (part.as_ptr() as usize).wrapping_sub(self.html.as_ptr() as usize)
    }

    fn in_foreign_content(&self) -> bool {
        self.stack.last().is_some_and(|top| top.foreign_content)
    }

    fn top_is(&self, name: &str) -> bool {
        self.stack.last().is_some_and(|top| top.is(name))
    }

    fn doctype(&mut self, doctype: &str) {
        if self.mode == Mode::BeforeHtml && self.stack.is_empty() {
            self.quirks = quirky(doctype);
        }
    }

    /// Opens an element; false (and a space in the text) when too many are open.
    fn push(&mut self, name: Cow<'a, str>, attributes: &'a str, foreign: bool) -> bool {
        if self.stack.len() >= MAX_DEPTH {
            self.walker.text(" ");
            return false;
        }
        // The attributes of the tag being read were parsed as it was scanned.
        let parsed = match self.parsed.take() {
            Some((start, parsed)) if !attributes.is_empty() && start == self.offset(attributes) => {
                parsed
            }
            _ => Attributes::parse(attributes),
        };
        self.walker.open_element(&name, &parsed);
        let foreign_content = foreign && !is_integration_point(&name);
        if !foreign && name == "p" {
            self.open_p += 1;
        }
        if !foreign && name == "template" {
            self.open_templates += 1;
        }
        self.stack.push(Open {
            name,
            id: self.next_id,
            foreign,
            foreign_content,
            formatting: false,
        });
        self.next_id = self.next_id.wrapping_add(1);
        true
    }

    /// Opens and closes a void element.
    fn void(&mut self, name: Cow<'a, str>, attributes: &'a str) {
        if self.push(name, attributes, false) {
            self.pop();
        }
    }

    fn pop(&mut self) {
        if let Some(open) = self.stack.pop() {
            self.closed(open);
        }
    }

    /// Tells the walker `open` was closed and the list of active formatting elements that it
    /// is no longer open.
    fn closed(&mut self, open: Open<'a>) {
        if open.is("p") {
            self.open_p = self.open_p.saturating_sub(1);
        }
        if open.is("template") {
            self.open_templates = self.open_templates.saturating_sub(1);
        }
        self.walker.close_element(&open.name);
        if open.formatting {
            for entry in self.active.iter_mut().rev() {
                if let Active::Element {
                    id, open: is_open, ..
                } = entry
                    && *id == open.id
                {
                    *is_open = false;
                    break;
                }
            }
        }
    }

    /// Pops elements until the last one named `name` (HTML namespace) is popped.
    fn pop_until(&mut self, name: &str) {
        if let Some(index) = self.stack.iter().rposition(|o| o.is(name)) {
            self.pop_to(index);
        }
    }

    /// Pops elements until the one at `index` is popped.
    fn pop_to(&mut self, index: usize) {
        while self.stack.len() > index {
            self.pop();
        }
    }

    fn in_scope(&self, name: &str, scope: Scope) -> bool {
        self.in_scope_any(&[name], scope)
    }

    fn in_scope_any(&self, names: &[&str], scope: Scope) -> bool {
        for open in self.stack.iter().rev() {
            if open.is_any(names) {
                return true;
            }
            if bounds(open, scope) {
                return false;
            }
        }
        false
    }

    fn generate_implied_end_tags(&mut self, except: Option<&str>) {
        while let Some(top) = self.stack.last() {
            if !top.foreign && implies_end(&top.name) && except.is_none_or(|e| top.name != e) {
                self.pop();
            } else {
                break;
            }
        }
    }

    fn close_p(&mut self) {
        if self.open_p > 0 && self.in_scope("p", Scope::Button) {
            self.generate_implied_end_tags(Some("p"));
            self.pop_until("p");
        }
    }

    fn clear_to_marker(&mut self) {
        while let Some(entry) = self.active.pop() {
            if matches!(entry, Active::Marker) {
                break;
            }
        }
    }

    fn push_marker(&mut self) {
        if self.active.len() < MAX_ACTIVE {
            self.active.push(Active::Marker);
        }
    }

    /// Opens a formatting element and puts it on the list of active formatting elements.
    fn push_formatting(&mut self, name: Cow<'a, str>, attributes: &'a str) {
        // Noah's Ark: at most three identical entries after the last marker.
        let mut same = 0;
        let mut earliest = None;
        for (index, entry) in self.active.iter().enumerate().rev() {
            match entry {
                Active::Marker => break,
                Active::Element {
                    name: n,
                    attributes: a,
                    ..
                } if *n == name && *a == attributes => {
                    same += 1;
                    earliest = Some(index);
                }
                Active::Element { .. } => {}
            }
        }
        if same >= 3
            && let Some(index) = earliest
        {
            self.active.remove(index);
        }
        if !self.push(name.clone(), attributes, false) {
            return;
        }
        if self.active.len() < MAX_ACTIVE
            && let Some(top) = self.stack.last_mut()
        {
            top.formatting = true;
            self.active.push(Active::Element {
                name,
                attributes,
                id: top.id,
                open: true,
            });
        }
    }

    /// Reopens the active formatting elements a block closed.
    fn reconstruct(&mut self) {
        let Some(Active::Element { open: false, .. }) = self.active.last() else {
            return;
        };
        let mut first = self.active.len() - 1;
        while first > 0 {
            match self.active.get(first - 1) {
                Some(Active::Element { open: false, .. }) => first -= 1,
                _ => break,
            }
        }
        for index in first..self.active.len() {
            let Some(Active::Element {
                name, attributes, ..
            }) = self.active.get(index)
            else {
                continue;
            };
            let (name, attributes) = (name.clone(), *attributes);
            if !self.push(name, attributes, false) {
                return;
            }
            let new_id = self.stack.last_mut().map(|top| {
                top.formatting = true;
                top.id
            });
            if let (Some(Active::Element { id, open, .. }), Some(new_id)) =
                (self.active.get_mut(index), new_id)
            {
                *id = new_id;
                *open = true;
            }
        }
    }

    /// The end tag of a formatting element (the adoption agency algorithm, simplified).
    fn adoption(&mut self, subject: &str) {
        if let Some(top) = self.stack.last()
            && top.is(subject)
            && !top.formatting
        {
            self.pop();
            return;
        }
        let mut entry = None;
        for (index, active) in self.active.iter().enumerate().rev() {
            match active {
                Active::Marker => break,
                Active::Element { name, .. } if name == subject => {
                    entry = Some(index);
                    break;
                }
                Active::Element { .. } => {}
            }
        }
        let Some(entry) = entry else {
            self.any_other_end_tag(subject);
            return;
        };
        let Some(Active::Element { id, .. }) = self.active.get(entry) else {
            return;
        };
        let id = *id;
        let Some(index) = self.stack.iter().rposition(|o| o.id == id && o.formatting) else {
            self.active.remove(entry);
            return;
        };
        // In scope: no boundary above it.
        if self
            .stack
            .get(index + 1..)
            .unwrap_or_default()
            .iter()
            .any(|o| bounds(o, Scope::Default))
        {
            return;
        }
        let furthest_block = self
            .stack
            .get(index + 1..)
            .unwrap_or_default()
            .iter()
            .any(is_special);
        self.active.remove(entry);
        if furthest_block {
            // html5ever moves the block out of the formatting element; its text stays where it
            // is, so closing the formatting element here gives the same text.
            let open = self.stack.remove(index);
            self.walker.close_element(&open.name);
        } else {
            self.pop_to(index);
        }
    }

    fn any_other_end_tag(&mut self, name: &str) {
        for index in (0..self.stack.len()).rev() {
            let Some(open) = self.stack.get(index) else {
                return;
            };
            if open.name == name {
                self.generate_implied_end_tags(Some(name));
                self.pop_to(index);
                return;
            }
            if is_special(open) {
                return;
            }
        }
    }

    /// Text in markup.
    fn characters(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let mut text = text;
        loop {
            match self.mode {
                Mode::InBody => break,
                _ if self.open_templates > 0 => break,
                _ => {
                    text = text.trim_start_matches(['\t', '\n', '\x0C', '\r', ' ']);
                    if text.is_empty() {
                        return;
                    }
                    self.anything_else();
                }
            }
        }
        if !self.in_foreign_content() {
            self.reconstruct();
        }
        self.walker.text(text);
    }

    /// The content of a raw-text element just opened.
    fn raw_text(&mut self, text: &str) {
        self.walker.text(text);
    }

    /// Moves to the next insertion mode for a token that belongs to none before the body.
    fn anything_else(&mut self) {
        match self.mode {
            Mode::BeforeHtml => {
                self.push(Cow::Borrowed("html"), "", false);
                self.mode = Mode::BeforeHead;
            }
            Mode::BeforeHead => {
                self.push(Cow::Borrowed("head"), "", false);
                self.mode = Mode::InHead;
            }
            Mode::InHead => {
                self.pop_until("head");
                self.mode = Mode::AfterHead;
            }
            Mode::AfterHead => {
                self.push(Cow::Borrowed("body"), "", false);
                self.mode = Mode::InBody;
            }
            Mode::InBody => {}
        }
    }

    /// Elements of the head; `None` for others.
    fn head_element(&mut self, name: &str, attributes: &'a str) -> Option<Content> {
        const HEAD: &[&str] = &[
            "base", "basefont", "bgsound", "link", "meta", "title", "noscript", "noframes",
            "style", "script", "template",
        ];
        if !matches!(
            name,
            "base"
                | "basefont"
                | "bgsound"
                | "link"
                | "meta"
                | "title"
                | "noscript"
                | "noframes"
                | "style"
                | "script"
                | "template"
        ) {
            return None;
        }
        let name: &'static str = HEAD.iter().copied().find(|&head| head == name)?;
        Some(match name {
            "title" | "noscript" | "noframes" | "style" | "script" => {
                if self.push(Cow::Borrowed(name), attributes, false) {
                    raw_content(name)
                } else {
                    Content::Dropped
                }
            }
            "template" => {
                self.push(Cow::Borrowed(name), attributes, false);
                self.push_marker();
                Content::Markup
            }
            _ => {
                self.void(Cow::Borrowed(name), attributes);
                Content::Markup
            }
        })
    }

    fn start_tag(
        &mut self,
        name: Cow<'a, str>,
        attributes: &'a str,
        self_closing: bool,
    ) -> Content {
        if self.open_templates > 0 {
            return self.in_body_start(name, attributes, self_closing);
        }
        loop {
            match self.mode {
                Mode::BeforeHtml if name == "html" => {
                    self.push(name, attributes, false);
                    self.mode = Mode::BeforeHead;
                    return Content::Markup;
                }
                Mode::BeforeHead if name == "head" => {
                    self.push(name, attributes, false);
                    self.mode = Mode::InHead;
                    return Content::Markup;
                }
                Mode::BeforeHead | Mode::InHead | Mode::AfterHead
                    if matches!(name.as_ref(), "html" | "head") =>
                {
                    return Content::Markup;
                }
                Mode::InHead | Mode::AfterHead => {
                    if let Some(content) = self.head_element(&name, attributes) {
                        return content;
                    }
                    if self.mode == Mode::AfterHead && name == "body" {
                        self.push(name, attributes, false);
                        self.mode = Mode::InBody;
                        return Content::Markup;
                    }
                    self.anything_else();
                }
                Mode::BeforeHtml | Mode::BeforeHead => self.anything_else(),
                Mode::InBody => return self.in_body_start(name, attributes, self_closing),
            }
        }
    }

    fn in_body_start(
        &mut self,
        name: Cow<'a, str>,
        attributes: &'a str,
        self_closing: bool,
    ) -> Content {
        if self.in_foreign_content() {
            let breaks_out = breaks_out(&name) || (name == "font" && font_breaks_out(attributes));
            if !breaks_out {
                if self.push(name, attributes, true) && self_closing {
                    self.pop();
                }
                return Content::Markup;
            }
            while self.stack.last().is_some_and(|top| top.foreign_content) {
                self.pop();
            }
        }
        if let Some(content) = self.head_element(&name, attributes) {
            return content;
        }
        let n = name.as_ref();
        match n {
            "html" | "head" | "body" | "frameset" | "frame" => {}
            _ if closes_p(n) => {
                self.close_p();
                self.push(name, attributes, false);
            }
            _ if is_heading(n) => {
                self.close_p();
                if self.stack.last().is_some_and(|top| top.is_any(HEADINGS)) {
                    self.pop();
                }
                self.push(name, attributes, false);
            }
            "pre" | "listing" => {
                self.close_p();
                self.push(name, attributes, false);
            }
            "form" => {
                // One form at a time: the form element pointer stays set until `</form>`, even
                // when the form was closed by another end tag.
                if self.form.is_none() || self.open_templates > 0 {
                    self.close_p();
                    if self.push(name, attributes, false) && self.open_templates == 0 {
                        self.form = self.stack.last().map(|o| o.id);
                    }
                }
            }
            "li" | "dd" | "dt" => {
                let closes: &[&str] = if n == "li" { &["li"] } else { &["dd", "dt"] };
                for index in (0..self.stack.len()).rev() {
                    let Some(open) = self.stack.get(index) else {
                        break;
                    };
                    if open.is_any(closes) {
                        let found = open.name.clone();
                        self.generate_implied_end_tags(Some(&found));
                        self.pop_until(&found);
                        break;
                    }
                    if is_special(open) && !open.is_any(&["address", "div", "p"]) {
                        break;
                    }
                }
                self.close_p();
                self.push(name, attributes, false);
            }
            "plaintext" => {
                self.close_p();
                return if self.push(name, attributes, false) {
                    Content::Plain
                } else {
                    Content::Dropped
                };
            }
            "button" => {
                if self.in_scope("button", Scope::Default) {
                    self.generate_implied_end_tags(None);
                    self.pop_until("button");
                }
                self.reconstruct();
                self.push(name, attributes, false);
            }
            "a" => {
                let open_a = self
                    .active
                    .iter()
                    .rev()
                    .take_while(|e| !matches!(e, Active::Marker))
                    .find_map(|e| match e {
                        Active::Element { name, id, .. } if name == "a" => Some(*id),
                        _ => None,
                    });
                if let Some(id) = open_a {
                    self.adoption("a");
                    if let Some(index) = self
                        .active
                        .iter()
                        .position(|e| matches!(e, Active::Element { id: i, .. } if *i == id))
                    {
                        self.active.remove(index);
                    }
                    if let Some(index) = self.stack.iter().rposition(|o| o.id == id) {
                        let open = self.stack.remove(index);
                        self.walker.close_element(&open.name);
                    }
                }
                self.reconstruct();
                self.push_formatting(name, attributes);
            }
            "nobr" => {
                self.reconstruct();
                if self.in_scope("nobr", Scope::Default) {
                    self.adoption("nobr");
                    self.reconstruct();
                }
                self.push_formatting(name, attributes);
            }
            _ if is_formatting(n) => {
                self.reconstruct();
                self.push_formatting(name, attributes);
            }
            "applet" | "marquee" | "object" => {
                self.reconstruct();
                self.push(name, attributes, false);
                self.push_marker();
            }
            "table" => {
                if self.in_table_body_context() {
                    self.pop_until("table");
                } else if !self.quirks {
                    self.close_p();
                }
                self.push(name, attributes, false);
            }
            "area" | "br" | "embed" | "img" | "keygen" | "wbr" | "input" => {
                if n == "input" && self.in_scope("select", Scope::Default) {
                    self.pop_until("select");
                }
                self.reconstruct();
                self.void(name, attributes);
            }
            "image" => {
                self.reconstruct();
                self.void(Cow::Borrowed("img"), attributes);
            }
            "param" | "source" | "track" => self.void(name, attributes),
            "hr" => {
                self.close_p();
                if self.in_scope("select", Scope::Default) {
                    self.generate_implied_end_tags(None);
                }
                self.void(name, attributes);
            }
            "textarea" | "iframe" | "noembed" | "xmp" => {
                if n == "xmp" {
                    self.close_p();
                    self.reconstruct();
                }
                return if self.push(name.clone(), attributes, false) {
                    raw_content(&name)
                } else {
                    Content::Dropped
                };
            }
            "optgroup" | "option" => {
                if self.in_scope("select", Scope::Default) {
                    let except = (n == "option").then_some("optgroup");
                    self.generate_implied_end_tags(except);
                } else if self.top_is("option") {
                    self.pop();
                }
                self.reconstruct();
                self.push(name, attributes, false);
            }
            "rb" | "rtc" | "rp" | "rt" => {
                if self.in_scope("ruby", Scope::Default) {
                    let except = if matches!(n, "rp" | "rt") {
                        Some("rtc")
                    } else {
                        None
                    };
                    self.generate_implied_end_tags(except);
                }
                self.push(name, attributes, false);
            }
            "select" if self.in_scope("select", Scope::Default) => self.pop_until("select"),
            "math" | "svg" => {
                self.reconstruct();
                if self.push(name, attributes, true) && self_closing {
                    self.pop();
                }
            }
            "caption" | "col" | "colgroup" | "tbody" | "td" | "tfoot" | "th" | "thead" | "tr" => {
                self.table_start(name, attributes);
            }
            _ => {
                self.reconstruct();
                self.push(name, attributes, false);
            }
        }
        Content::Markup
    }

    /// Whether the current node is a table's own content (not inside a cell or caption).
    fn in_table_body_context(&self) -> bool {
        for open in self.stack.iter().rev() {
            if open.foreign {
                return false;
            }
            match open.name.as_ref() {
                "table" => return true,
                "tbody" | "thead" | "tfoot" | "tr" => {}
                _ => return false,
            }
        }
        false
    }

    /// Pops until the current node is a `table` (or `template`, `html`).
    fn clear_to(&mut self, context: &[&str]) {
        while let Some(top) = self.stack.last() {
            if top.is_any(context) || top.is_any(&["table", "template", "html"]) {
                break;
            }
            self.pop();
        }
    }

    /// A start tag of a table part; ignored outside a table.
    fn table_start(&mut self, name: Cow<'a, str>, attributes: &'a str) {
        if !self.in_scope("table", Scope::Table) {
            return;
        }
        // A table part closes the open cell or caption.
        if self.in_scope_any(&["td", "th"], Scope::Table) {
            self.generate_implied_end_tags(None);
            while let Some(top) = self.stack.last() {
                let cell = top.is_any(&["td", "th"]);
                self.pop();
                if cell {
                    break;
                }
            }
            self.clear_to_marker();
        } else if self.in_scope("caption", Scope::Table) {
            self.generate_implied_end_tags(None);
            self.pop_until("caption");
            self.clear_to_marker();
        }
        let n = name.as_ref();
        match n {
            "caption" => {
                self.clear_to(&[]);
                self.push(name, attributes, false);
                self.push_marker();
            }
            "col" | "colgroup" => {
                self.clear_to(&[]);
                self.void(name, attributes);
            }
            "tbody" | "thead" | "tfoot" => {
                self.clear_to(&[]);
                self.push(name, attributes, false);
            }
            "tr" | "td" | "th" => {
                let cell = n != "tr";
                let in_body = self.in_scope_any(&["tbody", "thead", "tfoot"], Scope::Table);
                if cell && self.in_scope("tr", Scope::Table) {
                    self.clear_to(&["tr"]);
                } else {
                    if in_body {
                        self.clear_to(&["tbody", "thead", "tfoot"]);
                    } else {
                        self.clear_to(&[]);
                        self.push(Cow::Borrowed("tbody"), "", false);
                    }
                    if cell {
                        self.push(Cow::Borrowed("tr"), "", false);
                    }
                }
                self.push(name, attributes, false);
                if cell {
                    self.push_marker();
                }
            }
            _ => {}
        }
    }

    fn end_tag(&mut self, name: &str) {
        if self.open_templates > 0 {
            self.in_body_end(name);
            return;
        }
        loop {
            match self.mode {
                Mode::BeforeHtml | Mode::BeforeHead | Mode::AfterHead => {
                    if !matches!(name, "head" | "body" | "html" | "br") {
                        return;
                    }
                    if self.mode == Mode::AfterHead && name == "head" {
                        return;
                    }
                    self.anything_else();
                }
                Mode::InHead => {
                    if name == "head" {
                        self.pop_until("head");
                        self.mode = Mode::AfterHead;
                        return;
                    }
                    if name == "template" {
                        self.end_template();
                        return;
                    }
                    if !matches!(name, "body" | "html" | "br") {
                        return;
                    }
                    self.anything_else();
                }
                Mode::InBody => {
                    self.in_body_end(name);
                    return;
                }
            }
        }
    }

    /// `</form>`: removes the form element from the stack, leaving what it holds open (and
    /// inside it).
    fn end_form(&mut self) {
        if self.open_templates > 0 {
            if self.in_scope("form", Scope::Default) {
                self.generate_implied_end_tags(None);
                self.pop_until("form");
            }
            return;
        }
        let Some(id) = self.form.take() else {
            return;
        };
        let Some(index) = self.stack.iter().rposition(|o| o.id == id) else {
            return;
        };
        let in_scope = !self
            .stack
            .get(index + 1..)
            .unwrap_or_default()
            .iter()
            .any(|o| bounds(o, Scope::Default));
        if !in_scope {
            return;
        }
        self.generate_implied_end_tags(None);
        if let Some(index) = self.stack.iter().rposition(|o| o.id == id) {
            let open = self.stack.remove(index);
            self.closed(open);
        }
    }

    fn end_template(&mut self) {
        if self.stack.iter().any(|o| o.is("template")) {
            self.pop_until("template");
            self.clear_to_marker();
        }
    }

    fn in_body_end(&mut self, name: &str) {
        if self.in_foreign_content() || self.stack.last().is_some_and(|top| top.foreign) {
            if matches!(name, "br" | "p") {
                while self.stack.last().is_some_and(|top| top.foreign_content) {
                    self.pop();
                }
            } else {
                for index in (0..self.stack.len()).rev() {
                    let Some(open) = self.stack.get(index) else {
                        return;
                    };
                    if !open.foreign {
                        break;
                    }
                    if open.name == name {
                        self.pop_to(index);
                        return;
                    }
                }
            }
        }
        match name {
            "template" => self.end_template(),
            "body" | "html" | "colgroup" | "col" => {}
            "form" => self.end_form(),
            _ if is_block_end(name) => {
                if self.in_scope(name, Scope::Default) {
                    self.generate_implied_end_tags(None);
                    self.pop_until(name);
                }
            }
            "p" => {
                if self.open_p == 0 || !self.in_scope("p", Scope::Button) {
                    self.push(Cow::Borrowed("p"), "", false);
                }
                self.close_p();
            }
            "li" => {
                if self.in_scope("li", Scope::ListItem) {
                    self.generate_implied_end_tags(Some("li"));
                    self.pop_until("li");
                }
            }
            "dd" | "dt" => {
                if self.in_scope(name, Scope::Default) {
                    self.generate_implied_end_tags(Some(name));
                    self.pop_until(name);
                }
            }
            _ if is_heading(name) => {
                if self.in_scope_any(HEADINGS, Scope::Default) {
                    self.generate_implied_end_tags(None);
                    while let Some(top) = self.stack.last() {
                        let heading = top.is_any(HEADINGS);
                        self.pop();
                        if heading {
                            break;
                        }
                    }
                }
            }
            _ if is_formatting(name) => self.adoption(name),
            "applet" | "marquee" | "object" => {
                if self.in_scope(name, Scope::Default) {
                    self.generate_implied_end_tags(None);
                    self.pop_until(name);
                    self.clear_to_marker();
                }
            }
            "br" => {
                self.reconstruct();
                self.void(Cow::Borrowed("br"), "");
            }
            "td" | "th" | "caption" => {
                if self.in_scope(name, Scope::Table) {
                    self.generate_implied_end_tags(None);
                    self.pop_until(name);
                    self.clear_to_marker();
                }
            }
            "tr" | "tbody" | "thead" | "tfoot" | "table" => {
                if self.in_scope(name, Scope::Table) {
                    self.pop_until(name);
                }
            }
            _ => self.any_other_end_tag(name),
        }
    }
}

#[cfg(test)]
mod tests;
