//! The tree builder without the tree: the stack of open elements, the list of active
//! formatting elements and the insertion modes before the body, kept as html5ever keeps them
//! but told to the [`Walker`] as open, close and text events. Which start and end tags do what
//! is in `tags`; the categories of element names the rules name are in `elements`.

mod elements;
mod tags;

use std::borrow::Cow;

use super::super::Walker;
use super::{Attributes, MAX_ACTIVE, MAX_DEPTH};
use elements::{bounds, implies_end, is_integration_point, is_special, quirky};

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

pub(super) struct Builder<'a> {
    /// The document.
    html: &'a str,
    /// The attributes of the start tag being read, parsed by the tokenizer, with the offset of
    /// their text in `html`.
    pub(super) parsed: Option<(usize, Attributes<'a>)>,
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
    pub(super) fn new(html: &'a str, fragment: bool) -> Builder<'a> {
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

    pub(super) fn finish(mut self) -> Walker {
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

    pub(super) fn in_foreign_content(&self) -> bool {
        self.stack.last().is_some_and(|top| top.foreign_content)
    }

    fn top_is(&self, name: &str) -> bool {
        self.stack.last().is_some_and(|top| top.is(name))
    }

    pub(super) fn doctype(&mut self, doctype: &str) {
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

    pub(super) fn pop(&mut self) {
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
    pub(super) fn characters(&mut self, text: &str) {
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
    pub(super) fn raw_text(&mut self, text: &str) {
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
}
