//! The scraper (html5ever) path: parses the page into a tree and walks it.
//!
//! Not used by the pipeline: kept as the reference that the streaming path ([`super::stream`])
//! is tested against on every fixture page, and measured against in `benches/pipeline.rs`.
//! Same rules, same output shape as [`super::extract_with_warnings`] and
//! [`super::fragment_blocks`].

use ego_tree::iter::Edge;
use scraper::{Html, Node, node::Element};

use super::super::tame::tame;
use super::super::{Metadata, RawBlock};
use super::{Attributes, Walker, finish};

impl Attributes for Element {
    fn attr(&self, name: &str) -> Option<&str> {
        Element::attr(self, name)
    }
}

/// Walks a parsed document without recursion and returns what it gathered.
fn walk(document: &Html) -> Walker {
    let mut walker = Walker::default();
    for edge in document.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => walker.open_element(el.name(), el),
                Node::Text(text) => walker.text(text),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    walker.close_element(el.name());
                }
            }
        }
    }
    walker.flush();
    walker
}

/// [`super::extract_with_warnings`] through scraper: bounds the page with a byte-level pass
/// (html5ever is quadratic on markup nested thousands of levels deep), parses it into a tree
/// and walks the tree.
pub fn extract_with_warnings(html: &str) -> (Metadata, Vec<RawBlock>, Vec<String>) {
    let (meta, blocks, warnings, _) = finish(
        walk(&Html::parse_document(&tame(html))),
        fragment_blocks,
        super::super::date::saved_date(html),
        Some((html, super::super::sites::active(), None)),
    );
    (meta, blocks, warnings)
}

/// [`super::fragment_blocks`] through scraper.
pub fn fragment_blocks(html: &str) -> Vec<RawBlock> {
    walk(&Html::parse_fragment(&tame(html))).blocks
}
