//! HTML -> structured text.
//!
//! [`extract`] is the one entry point: it bounds nesting, attributes and tags with a byte-level
//! pass (html5ever is quadratic on markup nested thousands of levels deep), parses with scraper
//! (html5ever) and walks the tree without recursion, so deeply nested markup cannot overflow
//! the stack. Scripts, styles,
//! navigation, page headers and footers, asides, forms, hidden elements and cookie banners are
//! dropped; headings, paragraphs and list items become blocks. Title and company come from
//! schema.org `JobPosting` JSON-LD, `og:title`, the first `<h1>` or `<title>`, in that order.

use ego_tree::iter::Edge;
use scraper::{Html, Node, node::Element};

use super::tame::tame;
use super::{BlockKind, Metadata, RawBlock, push_block, push_collapsed};

/// Below this many words of visible text, a JSON-LD description is used instead (pages that
/// render the posting with JavaScript carry it only there).
const MIN_VISIBLE_WORDS: usize = 50;

/// Largest JSON-LD block read; larger ones (no posting is that long) are ignored, so that a
/// hostile page cannot make the parser hold a huge JSON tree.
pub const MAX_JSON_LD_BYTES: usize = 4 * 1024 * 1024;

/// A block with at least this many links, nearly all of its text in them, is a list of links.
const MIN_LINKS_IN_LIST: usize = 3;

/// Reduces an HTML page or fragment to metadata and blocks.
pub fn extract(html: &str) -> (Metadata, Vec<RawBlock>) {
    let walker = Walker::walk(&Html::parse_document(&tame(html)));
    let posting = walker.json_ld.iter().find_map(|ld| job_posting(ld));
    let mut blocks = walker.blocks;
    if let Some(ld) = &posting {
        let visible_words: usize = blocks.iter().map(|b| b.text.split(' ').count()).sum();
        if visible_words < MIN_VISIBLE_WORDS
            && let Some(description) = &ld.description
        {
            let from_ld = fragment_blocks(description);
            if !from_ld.is_empty() {
                blocks = from_ld;
            }
        }
    }
    let title = posting
        .as_ref()
        .and_then(|p| p.title.clone())
        .or(walker.og_title)
        .or(walker.h1)
        .or(walker.title)
        .and_then(clean_meta);
    let company = posting.and_then(|p| p.company).and_then(clean_meta);
    (Metadata { title, company }, blocks)
}

/// Longest title or company kept, in characters: a page cannot fill a cell with megabytes.
const MAX_META_CHARS: usize = 300;

fn clean_meta(text: String) -> Option<String> {
    let mut out = String::with_capacity(text.len().min(4 * MAX_META_CHARS));
    push_collapsed(&mut out, &text);
    let out = out.trim();
    let out = match out.char_indices().nth(MAX_META_CHARS) {
        Some((cut, _)) => out.get(..cut).unwrap_or(out).trim_end(),
        None => out,
    };
    (!out.is_empty()).then(|| out.to_owned())
}

#[derive(Default)]
struct Walker {
    blocks: Vec<RawBlock>,
    buf: String,
    /// Non-space characters in `buf`, and how many of them are bold.
    chars: usize,
    bold_chars: usize,
    /// Non-space characters in `buf` inside links, and how many links `buf` holds.
    link_chars: usize,
    links: usize,
    link: usize,
    /// Depth inside a dropped element (0: not inside one).
    skip: usize,
    bold: usize,
    list_item: usize,
    heading: Option<u8>,
    title: Option<String>,
    in_title: bool,
    h1: Option<String>,
    og_title: Option<String>,
    json_ld: Vec<String>,
    in_json_ld: bool,
}

impl Walker {
    /// Walks a parsed document without recursion and returns what it gathered.
    fn walk(document: &Html) -> Walker {
        let mut walker = Walker::default();
        for edge in document.tree.root().traverse() {
            match edge {
                Edge::Open(node) => walker.open(node.value()),
                Edge::Close(node) => walker.close(node.value()),
            }
        }
        walker.flush();
        walker
    }

    fn open(&mut self, node: &Node) {
        match node {
            Node::Element(el) => self.open_element(el),
            Node::Text(text) => self.text(text),
            _ => {}
        }
    }

    fn open_element(&mut self, el: &Element) {
        let name = el.name();
        match name {
            "title" => self.in_title = true,
            "meta" => {
                let property = el.attr("property").or_else(|| el.attr("name"));
                if property == Some("og:title") {
                    self.og_title = el.attr("content").map(str::to_owned);
                }
            }
            "script" if el.attr("type") == Some("application/ld+json") => {
                self.in_json_ld = true;
                self.json_ld.push(String::new());
            }
            _ => {}
        }
        if self.skip > 0 {
            self.skip += 1;
            return;
        }
        if dropped(el) {
            self.skip = 1;
            return;
        }
        if is_block(name) {
            self.flush();
        }
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.heading = name[1..].parse().ok();
            }
            "li" | "dt" | "dd" => self.list_item += 1,
            "b" | "strong" => self.bold += 1,
            "a" => {
                self.link += 1;
                self.links += 1;
                // Links laid side by side with no space between are separate words.
                if self.link_chars > 0 && !self.buf.is_empty() && !self.buf.ends_with(' ') {
                    self.buf.push(' ');
                }
            }
            "td" | "th" => self.buf.push(' '),
            _ => {}
        }
    }

    fn close(&mut self, node: &Node) {
        let Node::Element(el) = node else { return };
        let name = el.name();
        match name {
            "title" => self.in_title = false,
            "script" => self.in_json_ld = false,
            _ => {}
        }
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        if is_block(name) || name == "br" {
            self.flush();
        }
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => self.heading = None,
            "li" | "dt" | "dd" => self.list_item = self.list_item.saturating_sub(1),
            "b" | "strong" => self.bold = self.bold.saturating_sub(1),
            "a" => self.link = self.link.saturating_sub(1),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.in_title {
            self.title.get_or_insert_with(String::new).push_str(text);
        }
        if self.in_json_ld
            && let Some(last) = self.json_ld.last_mut()
        {
            // A block too large to be a posting is dropped whole rather than parsed: it is
            // cleared and stays empty (an empty block parses as nothing).
            if last.len() + text.len() > MAX_JSON_LD_BYTES {
                last.clear();
                last.shrink_to_fit();
                self.in_json_ld = false;
            } else {
                last.push_str(text);
            }
        }
        if self.skip > 0 {
            return;
        }
        let visible = text.chars().filter(|c| !c.is_whitespace()).count();
        self.chars += visible;
        if self.bold > 0 {
            self.bold_chars += visible;
        }
        if self.link > 0 {
            self.link_chars += visible;
        }
        push_collapsed(&mut self.buf, text);
    }

    fn flush(&mut self) {
        // A run of links is navigation ("other jobs", "related searches"), not posting text.
        let link_list = self.links >= MIN_LINKS_IN_LIST && self.link_chars * 10 >= self.chars * 8;
        if self.chars > 0 && !link_list {
            let kind = match self.heading {
                Some(level) => BlockKind::Heading(level),
                None if self.list_item > 0 => BlockKind::ListItem,
                None => BlockKind::Paragraph,
            };
            let bold = self.bold_chars == self.chars;
            let before = self.blocks.len();
            push_block(&mut self.blocks, kind, &self.buf, bold);
            if kind == BlockKind::Heading(1) && self.h1.is_none() && self.blocks.len() > before {
                self.h1 = self.blocks.last().map(|b| b.text.clone());
            }
        }
        self.buf.clear();
        self.chars = 0;
        self.bold_chars = 0;
        self.link_chars = 0;
        self.links = 0;
    }
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "section"
            | "article"
            | "main"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "hr"
            | "figure"
            | "figcaption"
            | "address"
            | "details"
            | "summary"
            | "fieldset"
            | "center"
            | "body"
    )
}

/// Elements whose content is never posting text.
fn dropped(el: &Element) -> bool {
    let name = el.name();
    if matches!(
        name,
        "head"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "nav"
            | "header"
            | "footer"
            | "aside"
            | "form"
            | "svg"
            | "iframe"
            | "button"
            | "select"
            | "textarea"
            | "dialog"
            | "object"
            | "canvas"
            | "map"
            | "title"
    ) {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(role) = el.attr("role")
        && matches!(
            role,
            "navigation" | "banner" | "contentinfo" | "complementary" | "dialog" | "alertdialog"
        )
    {
        return true;
    }
    let marks_banner = |value: &str| {
        let value = value.to_ascii_lowercase();
        ["cookie", "consent", "gdpr", "onetrust"]
            .iter()
            .any(|w| value.contains(w))
    };
    el.attr("id").is_some_and(marks_banner) || el.attr("class").is_some_and(marks_banner)
}

/// What a schema.org `JobPosting` says about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LdPosting {
    /// `title`.
    pub title: Option<String>,
    /// `hiringOrganization` (its `name`).
    pub company: Option<String>,
    /// `description` (HTML).
    pub description: Option<String>,
}

/// Blocks of an HTML fragment (a description from JSON-LD or a job-board API).
pub fn fragment_blocks(html: &str) -> Vec<RawBlock> {
    Walker::walk(&Html::parse_fragment(&tame(html))).blocks
}

/// The first `JobPosting` object of a JSON-LD block (also inside arrays and `@graph`); `None`
/// when the block is not valid JSON or holds no posting.
pub fn json_ld_posting(json: &str) -> Option<LdPosting> {
    job_posting(json)
}

fn job_posting(json: &str) -> Option<LdPosting> {
    if json.len() > MAX_JSON_LD_BYTES {
        return None;
    }
    let value: serde_json::Value = serde_json::from_str(json.trim()).ok()?;
    job_posting_in(&value)
}

/// The first `JobPosting` object in a JSON value (also inside arrays and `@graph`).
pub(crate) fn job_posting_in(value: &serde_json::Value) -> Option<LdPosting> {
    let mut stack = vec![value];
    while let Some(value) = stack.pop() {
        match value {
            serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
            serde_json::Value::Object(map) => {
                let is_posting = match map.get("@type") {
                    Some(serde_json::Value::String(t)) => t == "JobPosting",
                    Some(serde_json::Value::Array(ts)) => ts.iter().any(|t| t == "JobPosting"),
                    _ => false,
                };
                if is_posting {
                    let text = |key: &str| {
                        map.get(key)
                            .and_then(serde_json::Value::as_str)
                            .map(str::to_owned)
                    };
                    let company = match map.get("hiringOrganization") {
                        Some(serde_json::Value::String(name)) => Some(name.clone()),
                        Some(serde_json::Value::Object(org)) => org
                            .get("name")
                            .and_then(serde_json::Value::as_str)
                            .map(str::to_owned),
                        _ => None,
                    };
                    return Some(LdPosting {
                        title: text("title"),
                        company,
                        description: text("description"),
                    });
                }
                if let Some(graph) = map.get("@graph") {
                    stack.push(graph);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<(BlockKind, String, bool)> {
        extract(html)
            .1
            .into_iter()
            .map(|b| (b.kind, b.text, b.bold))
            .collect()
    }

    #[test]
    fn keeps_structure_and_drops_chrome() {
        let html = r#"<html><head><title>Rust Engineer - Acme</title><style>p{}</style></head>
            <body><nav><a>Jobs</a><a>Docker</a></nav>
            <header>Site header with Kubernetes</header>
            <h1>Rust  Engineer</h1>
            <p>We build <b>fast</b> things.</p>
            <h2>Requirements</h2><ul><li>Rust</li><li><p>Tokio</p></li></ul>
            <div id="cookie-banner">We use cookies and AWS</div>
            <script>var x = "Python";</script>
            <footer>Careers at Acme with Go</footer></body></html>"#;
        let blocks = texts(html);
        assert_eq!(
            blocks,
            vec![
                (BlockKind::Heading(1), "Rust Engineer".into(), false),
                (BlockKind::Paragraph, "We build fast things.".into(), false),
                (BlockKind::Heading(2), "Requirements".into(), false),
                (BlockKind::ListItem, "Rust".into(), false),
                (BlockKind::ListItem, "Tokio".into(), false),
            ]
        );
        let (meta, _) = extract(html);
        assert_eq!(meta.title.as_deref(), Some("Rust Engineer"));
    }

    #[test]
    fn lists_of_links_are_dropped() {
        let html = "<div><a href=1>Jobs in Docker</a> <a href=2>Jobs in Rust</a> <a href=3>Jobs in Go</a></div>\
                    <p>We use <a href=4>Rust</a>, <a href=5>Tokio</a> and <a href=6>Axum</a> for our backend services.</p>";
        let blocks = texts(html);
        assert_eq!(blocks.len(), 1, "{blocks:?}");
        assert!(blocks[0].1.starts_with("We use Rust, Tokio and Axum"));
    }

    #[test]
    fn bold_paragraphs_are_marked() {
        let blocks = texts("<p><strong>What you bring:</strong></p><p>Go and <b>Rust</b></p>");
        assert!(blocks[0].2);
        assert!(!blocks[1].2);
    }

    #[test]
    fn hn_comment_fragment() {
        let html = "Acme | Rust Dev | Remote<p>We use Rust.</p><p>Email <a href=\"x\">me</a></p>";
        let blocks = texts(html);
        assert_eq!(blocks.len(), 3);
        assert_eq!(blocks[0].1, "Acme | Rust Dev | Remote");
        assert_eq!(blocks[2].1, "Email me");
    }

    #[test]
    fn json_ld_gives_metadata_and_fills_empty_pages() {
        let html = r#"<html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"JobPosting","title":"Systems Engineer",
             "hiringOrganization":{"@type":"Organization","name":"Acme"},
             "description":"<p>You will write <strong>Rust</strong> services.</p><ul><li>Kafka</li></ul>"}]}
            </script></head><body><div id="app"></div></body></html>"#;
        let (meta, blocks) = extract(html);
        assert_eq!(meta.title.as_deref(), Some("Systems Engineer"));
        assert_eq!(meta.company.as_deref(), Some("Acme"));
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].text, "You will write Rust services.");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}Rust{}", "<div>".repeat(3_000), "</div>".repeat(3_000));
        let blocks = texts(&html);
        assert_eq!(blocks.len(), 1);
    }
}
