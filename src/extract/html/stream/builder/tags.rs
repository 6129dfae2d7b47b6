//! What each start and end tag does to the open elements: the head elements, the "in body"
//! rules (optional end tags, blocks, headings, lists, forms, formatting elements, void and
//! raw-text elements, SVG and MathML), table parts with their implied `tbody` and `tr`, and
//! the end tags matched within their scope. The stack itself is kept by the parent module.

use std::borrow::Cow;

use super::super::attributes::font_breaks_out;
use super::super::tokenizer::{Content, raw_content};
use super::elements::{
    HEADINGS, bounds, breaks_out, closes_p, is_block_end, is_formatting, is_heading, is_special,
};
use super::{Active, Builder, Mode, Scope};

impl<'a> Builder<'a> {
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

    pub(in crate::extract::html::stream) fn start_tag(
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

    pub(in crate::extract::html::stream) fn end_tag(&mut self, name: &str) {
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
