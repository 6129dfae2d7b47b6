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
//!
//! Parts: `tokenizer` reads the bytes into tags, text, comments and raw text, `attributes`
//! keeps the attributes the walker reads, and `builder` decides which elements those tokens
//! open and close and tells the walker.

mod attributes;
mod builder;
mod tokenizer;

pub(super) use attributes::Attributes;
use builder::Builder;
use tokenizer::Tokenizer;

use super::Walker;

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

#[cfg(test)]
mod tests;
