//! The attributes of a tag that the walker reads (`id`, `class`, `role`, `itemprop`, labeling
//! `data-*`...), decoded, the first of each name kept. Reading the tag is the tokenizer's job;
//! what an element means is the walker's.

use std::borrow::Cow;
use std::ops::Range;

use super::super::entities;
use super::tokenizer::scan_tag;

/// The attributes the walker reads, decoded; the first of each name wins.
#[derive(Default)]
pub(in crate::extract::html) struct Attributes<'a> {
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
    /// An image's file: a logo's or a pin's by its name (`fairness_logo.svg`).
    src: Option<Cow<'a, str>>,
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
    pub(super) fn parse(attributes: &'a str) -> Attributes<'a> {
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
    pub(super) fn set(&mut self, html: &'a str, name: Range<usize>, value: Option<Range<usize>>) {
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
                3 if name.eq_ignore_ascii_case(b"src") => &mut out.src,
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
pub(super) fn font_breaks_out(attributes: &str) -> bool {
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

impl super::super::Attributes for Attributes<'_> {
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
            "src" => &self.src,
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
