//! Markdown -> structured text, with pulldown-cmark (CommonMark, tables).
//!
//! Headings, paragraphs and list items become blocks; blocks of raw HTML (as Hugo and Jekyll
//! content files hold them) are read as HTML fragments; a front matter block (`---` YAML or
//! `+++` TOML) is metadata, not text: its `title` names the posting when no H1 does, and its
//! prose fields are the posting only when the body holds next to none (`front_matter`). A hard
//! line break starts a new block, so
//! "**About us:**" on its own line stays a lead line. A posting that opens with an H1 has its
//! title there; an H3 right after it names the company (the layout of many job boards' Markdown
//! exports, such as `# [Title](link)` / `### Company` / `#### Location`).

use pulldown_cmark::{Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};

use super::{BlockKind, Metadata, RawBlock, push_block, push_collapsed_counting};

/// Reduces a Markdown document to metadata and blocks.
pub fn extract(markdown: &str) -> (Metadata, Vec<RawBlock>) {
    let mut state = State::default();
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    for event in Parser::new_ext(markdown, options) {
        state.event(event);
    }
    state.flush();
    let mut blocks = state.blocks;
    // A content file whose posting is all in its front matter, with next to no body.
    if !state.front_matter.is_empty() && words(&blocks) < MAX_BODY_WORDS_FOR_FIELDS {
        let mut fields = super::front_matter::blocks(&state.front_matter, state.toml_front_matter);
        if words(&fields) >= MIN_FIELD_WORDS {
            fields.append(&mut blocks);
            blocks = fields;
        }
    }
    let mut meta = Metadata {
        title: front_matter_title(&state.front_matter),
        ..Metadata::default()
    };
    if let Some(first) = blocks.first().filter(|b| b.kind == BlockKind::Heading(1)) {
        meta.title = Some(first.text.clone());
        meta.sources.title = Some("the Markdown's first heading".to_owned());
        meta.company = blocks
            .get(1)
            .filter(|b| b.kind == BlockKind::Heading(3))
            .map(|b| b.text.clone())
            .filter(|c| !c.eq_ignore_ascii_case("none") && c.chars().count() <= 80);
        // `#### 🌎 Spain (Remote)`: the place, under the company.
        meta.location = blocks
            .get(2)
            .filter(|b| {
                b.kind == BlockKind::Heading(4)
                    && blocks
                        .get(1)
                        .is_some_and(|c| c.kind == BlockKind::Heading(3))
            })
            .and_then(|b| {
                // `#### 💰 USD $143,100~$193,500 🌎 Remote - US`: the place follows the globe;
                // a line with the pay and no globe names no place.
                if b.text.contains('💰') && !b.text.contains('🌎') {
                    return None;
                }
                let text = b.text.rsplit('🌎').next().unwrap_or_default();
                Some(
                    text.trim_start_matches(|c: char| !c.is_alphanumeric())
                        .trim(),
                )
            })
            .filter(|l| !l.is_empty() && l.chars().count() <= 80)
            .map(str::to_owned);
    }
    (meta, blocks)
}

/// A body with fewer words than this may have its posting in its front matter.
const MAX_BODY_WORDS_FOR_FIELDS: usize = 10;

/// Words the front matter's prose fields need to be read as the posting.
const MIN_FIELD_WORDS: usize = 30;

/// Words of the blocks' text, by white space.
fn words(blocks: &[RawBlock]) -> usize {
    blocks
        .iter()
        .map(|b| b.text.split_whitespace().count())
        .sum()
}

/// The text of a document that is one HTML comment and nothing else (`<!-- ... -->`, blank
/// space around it), trimmed; `None` when anything stands outside it, when it holds another
/// comment, or when it is empty.
pub fn commented_out(markdown: &str) -> Option<&str> {
    let inner = markdown
        .trim_start_matches('\u{feff}')
        .trim()
        .strip_prefix("<!--")?
        .strip_suffix("-->")?;
    (!inner.contains("-->") && !inner.contains("<!--"))
        .then(|| inner.trim())
        .filter(|t| !t.is_empty())
}

/// The `title` of a front matter block (`title: X`, `title = "X"`).
fn front_matter_title(front_matter: &str) -> Option<String> {
    front_matter.lines().find_map(|line| {
        let (key, value) = line.split_once(':').or_else(|| line.split_once('='))?;
        if key.trim() != "title" {
            return None;
        }
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        (!value.is_empty() && value.chars().count() <= 200).then(|| value.to_owned())
    })
}

#[derive(Default)]
struct State {
    /// The text of the front matter block, if any.
    front_matter: String,
    /// Whether the front matter block is TOML (`+++`), not YAML (`---`).
    toml_front_matter: bool,
    in_front_matter: bool,
    /// The raw HTML of the HTML block being read.
    html: String,
    in_html: bool,
    blocks: Vec<RawBlock>,
    buf: String,
    chars: usize,
    bold_chars: usize,
    strong: usize,
    items: usize,
    heading: Option<u8>,
}

impl State {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => match tag {
                Tag::MetadataBlock(kind) => {
                    self.in_front_matter = true;
                    self.toml_front_matter = kind == MetadataBlockKind::PlusesStyle;
                }
                Tag::HtmlBlock => {
                    self.flush();
                    self.in_html = true;
                }
                Tag::Heading { level, .. } => {
                    self.flush();
                    self.heading = Some(level as u8);
                }
                Tag::Paragraph | Tag::BlockQuote(_) | Tag::CodeBlock(_) | Tag::TableRow => {
                    self.flush();
                }
                Tag::Item => {
                    self.flush();
                    self.items += 1;
                }
                Tag::Strong => self.strong += 1,
                Tag::TableCell => self.buf.push(' '),
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::MetadataBlock(_) => self.in_front_matter = false,
                TagEnd::HtmlBlock => {
                    self.in_html = false;
                    let html = std::mem::take(&mut self.html);
                    self.blocks.extend(super::html::fragment_blocks(&html));
                }
                TagEnd::Heading(_) => {
                    self.flush();
                    self.heading = None;
                }
                TagEnd::Paragraph
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::TableRow
                | TagEnd::TableHead => self.flush(),
                TagEnd::Item => {
                    self.flush();
                    self.items = self.items.saturating_sub(1);
                }
                TagEnd::Strong => self.strong = self.strong.saturating_sub(1),
                _ => {}
            },
            Event::Text(text) if self.in_front_matter => self.front_matter.push_str(&text),
            Event::Text(text) | Event::Code(text) => self.text(&text),
            Event::Html(html) if self.in_html => self.html.push_str(&html),
            Event::SoftBreak => self.buf.push(' '),
            Event::HardBreak => self.flush(),
            Event::InlineHtml(html) | Event::Html(html) => {
                let tag = html.trim().to_ascii_lowercase();
                if tag.starts_with("<br") || tag.starts_with("<p") || tag.starts_with("</p") {
                    self.flush();
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        let visible = push_collapsed_counting(&mut self.buf, text);
        self.chars += visible;
        if self.strong > 0 {
            self.bold_chars += visible;
        }
    }

    fn flush(&mut self) {
        if self.chars > 0 {
            let kind = match self.heading {
                Some(level) => BlockKind::Heading(level),
                None if self.items > 0 => BlockKind::ListItem,
                None => BlockKind::Paragraph,
            };
            push_block(
                &mut self.blocks,
                kind,
                &self.buf,
                self.bold_chars == self.chars,
            );
        }
        self.buf.clear();
        self.chars = 0;
        self.bold_chars = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn job_board_layout() {
        let md = "# [Rust Engineer](https://x/apply)  \n### Acme  \n#### `Remote`  \n\n\
                  **About us:**\n\nWe build things.\n\n **Requirements:**\n\n  * Rust and `tokio`\n  * Git\n";
        let (meta, blocks) = extract(md);
        assert_eq!(meta.title.as_deref(), Some("Rust Engineer"));
        assert_eq!(meta.company.as_deref(), Some("Acme"));
        let got: Vec<_> = blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str(), b.bold))
            .collect();
        assert_eq!(
            got,
            vec![
                (BlockKind::Heading(1), "Rust Engineer", false),
                (BlockKind::Heading(3), "Acme", false),
                (BlockKind::Heading(4), "Remote", false),
                (BlockKind::Paragraph, "About us:", true),
                (BlockKind::Paragraph, "We build things.", false),
                (BlockKind::Paragraph, "Requirements:", true),
                (BlockKind::ListItem, "Rust and tokio", false),
                (BlockKind::ListItem, "Git", false),
            ]
        );
    }

    #[test]
    fn commented_out_document() {
        assert_eq!(
            commented_out("<!-- Frontend\nNeu -->\n"),
            Some("Frontend\nNeu")
        );
        assert_eq!(commented_out("Text <!-- note -->"), None);
        assert_eq!(commented_out("<!-- a --> b <!-- c -->"), None);
        assert_eq!(commented_out("<!--  -->"), None);
    }

    #[test]
    fn company_none_is_no_company() {
        let (meta, _) = extract("# Title\n### None\n\ntext");
        assert_eq!(meta.company, None);
    }
}
