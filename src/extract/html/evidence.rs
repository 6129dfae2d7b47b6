//! Evidence of a page's title, company and location in its markup, gathered during the one
//! streaming walk of the page: schema.org microdata (`itemprop`), elements labeled by their
//! `class`, `id` or `data-*` attributes ("companyName", "job-location", "jobsearch-...-title"),
//! the first `<h1>` wherever it sits, the site's name (`og:site_name`) and the page's own URL
//! (canonical link, `og:url`).
//!
//! It only collects; [`super::super::meta::page`] decides which evidence names each field.
//! Nothing is collected inside page furniture (navigation, footers, asides, forms, lists of
//! other jobs), so that a "similar jobs" card never names this posting's company.

use super::{Attributes, marks_chrome};

mod labels;

use labels::{copyright_owner, is_location_icon, labeled, plausible, strip_label, value_label};
#[cfg(test)]
use labels::{field_of_label, label_words};

/// Longest text kept for one piece of evidence, in bytes; longer runs are not names.
const MAX_EVIDENCE_BYTES: usize = 600;

/// Most captures open at once (nested labeled elements); deeper ones are ignored.
const MAX_OPEN_CAPTURES: usize = 16;

/// A field of the metadata that page evidence can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The job title.
    Title,
    /// The hiring company.
    Company,
    /// Where the job is.
    Location,
}

/// One value found in the markup, with what found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The text, white space collapsed and trimmed.
    pub text: String,
    /// What gave it, for `explain`: `itemprop="title"`, `class="companyName"`.
    pub rule: String,
}

/// What the walk found, per field and per kind of evidence.
#[derive(Debug, Default)]
pub struct PageEvidence {
    /// Microdata values, title/company/location.
    pub microdata: [Option<Found>; 3],
    /// Values of labeled elements, title/company/location, first in document order.
    pub labeled: [Option<Found>; 3],
    /// The first `<h1>` outside furniture, even inside a `<header>`.
    pub h1: Option<String>,
    /// `og:site_name` or `application-name`.
    pub site_name: Option<String>,
    /// The page's own URL: canonical link, `og:url` or `<base href>`.
    pub url: Option<String>,
    /// Names the page gives itself or its owner, with where: `twitter:site`, `keywords`,
    /// logos' `alt` text ("Stripe logo"). A name is the employer's only when it matches the
    /// page's URL.
    pub names: Vec<(String, &'static str)>,
    /// The first runs of text after the main heading (the line under a title often says where
    /// and for whom).
    pub subline: Vec<String>,
    /// The most elements labeled alike as a job's title (`job-title-123`, `job-title-456`...):
    /// many make the page a list of jobs.
    pub title_elements: usize,
}

impl PageEvidence {
    /// The microdata value of `field`.
    pub fn microdata(&self, field: Field) -> Option<&Found> {
        self.microdata.get(field as usize).and_then(Option::as_ref)
    }

    /// The labeled element's value of `field`.
    pub fn labeled(&self, field: Field) -> Option<&Found> {
        self.labeled.get(field as usize).and_then(Option::as_ref)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Microdata(Field),
    Labeled(Field),
    /// A part of a microdata `jobLocation` address (locality, region, country).
    AddressPart,
    H1,
    /// An icon of a field (a location pin): the text after it, in its parent, is the value.
    Icon(Field),
    /// The element after a label ("Job Location"), holding the label: when it is empty (a
    /// spacer cell), the next element is tried.
    AfterLabel(Field),
}

#[derive(Debug)]
struct Capture {
    kind: Kind,
    depth: usize,
    text: String,
    rule: String,
}

/// The collector the walker drives.
#[derive(Debug, Default)]
pub(super) struct Collector {
    pub(super) found: PageEvidence,
    depth: usize,
    /// Depth of the outermost furniture element open (0: none).
    furniture: usize,
    captures: Vec<Capture>,
    /// Depth of an open microdata `hiringOrganization` / `jobLocation` scope (0: none).
    organization: usize,
    place: usize,
    address: Vec<String>,
    /// A label just read ("Office locations", "Standort"): the next element holds its value.
    pending: Option<(Field, String)>,
    /// `twitter:labelN` values seen, by N, waiting for their `twitter:dataN`.
    twitter_labels: Vec<(String, Field)>,
    /// Runs of text still to keep after the main heading.
    after_h1: usize,
    /// Elements labeled as a job's title, by label with its digits removed.
    title_labels: std::collections::HashMap<String, usize>,
}

/// Runs of text kept after the main heading.
const SUBLINE_RUNS: usize = 5;

impl Collector {
    pub(super) fn open(&mut self, name: &str, el: &impl Attributes) {
        self.depth += 1;
        match name {
            "meta" => self.meta(el),
            "link"
                if self.found.url.is_none()
                    && el
                        .attr("rel")
                        .is_some_and(|rel| rel.eq_ignore_ascii_case("canonical")) =>
            {
                self.found.url = el.attr("href").and_then(absolute_url);
            }
            "base" if self.found.url.is_none() => {
                self.found.url = el.attr("href").and_then(absolute_url);
            }
            _ => {}
        }
        if self.furniture > 0 {
            return;
        }
        if is_furniture(name, el) {
            self.furniture = self.depth;
            return;
        }
        self.logo_name(name, el);
        if self.captures.len() >= MAX_OPEN_CAPTURES {
            return;
        }
        if !matches!(
            name,
            "br" | "img" | "svg" | "path" | "i" | "input" | "button"
        ) && let Some((field, label)) = self.pending.take()
            && self.found.labeled(field).is_none()
        {
            self.start(Kind::AfterLabel(field), label);
        }
        if name == "h1" && self.found.h1.is_none() {
            self.start(Kind::H1, String::new());
        }
        if let Some(prop) = el.attr("itemprop") {
            self.itemprop(prop, name, el);
        }
        if is_location_icon(el) && self.found.labeled(Field::Location).is_none() {
            self.start(Kind::Icon(Field::Location), String::new());
        } else if let Some((field, rule)) = labeled(name, el) {
            if field == Field::Title {
                let label: String = rule.chars().filter(|c| !c.is_ascii_digit()).collect();
                let count = self.title_labels.entry(label).or_default();
                *count += 1;
                self.found.title_elements = self.found.title_elements.max(*count);
            }
            if self.found.labeled(field).is_none() {
                self.start(Kind::Labeled(field), rule);
            }
        }
    }

    pub(super) fn close(&mut self) {
        while let Some(capture) = self.captures.last() {
            if capture.depth < self.depth {
                break;
            }
            if let Some(capture) = self.captures.pop() {
                self.finish(capture);
            }
        }
        if self.organization == self.depth {
            self.organization = 0;
        }
        if self.place == self.depth {
            self.place = 0;
            let parts = std::mem::take(&mut self.address);
            if !parts.is_empty() {
                self.set_microdata(
                    Field::Location,
                    parts.join(", "),
                    "itemprop=\"jobLocation\"",
                );
            }
        }
        if self.furniture == self.depth {
            self.furniture = 0;
        }
        self.depth = self.depth.saturating_sub(1);
    }

    pub(super) fn text(&mut self, text: &str) {
        if self.found.names.len() < 40
            && let Some(owner) = copyright_owner(text)
        {
            self.found.names.push((owner, "the copyright line"));
        }
        if self.after_h1 > 0 && self.furniture == 0 {
            let run = text.trim().trim_start_matches(['|', '·', '•']).trim();
            if !run.is_empty() && run.len() <= 200 {
                self.found.subline.push(run.to_owned());
                self.after_h1 -= 1;
            }
        }
        if self.furniture == 0 && text.len() <= 40 && !text.trim().is_empty() {
            self.pending = value_label(text).map(|field| (field, text.trim().to_owned()));
        }
        for capture in &mut self.captures {
            if capture.text.len() + text.len() <= MAX_EVIDENCE_BYTES {
                capture.text.push_str(text);
            } else {
                capture.text.push_str(" \u{1}");
            }
        }
    }

    fn start(&mut self, kind: Kind, rule: String) {
        // Text of separate elements is separate words: "Y Combinator" then "Ashby".
        for capture in &mut self.captures {
            if !capture.text.is_empty() && !capture.text.ends_with(' ') {
                capture.text.push(' ');
            }
        }
        self.captures.push(Capture {
            kind,
            depth: self.depth,
            text: String::new(),
            rule,
        });
    }

    fn finish(&mut self, capture: Capture) {
        if let Kind::Icon(field) = capture.kind {
            self.captures.push(Capture {
                kind: Kind::Labeled(field),
                depth: self.depth.saturating_sub(1),
                text: String::new(),
                rule: "the text after a location icon".to_owned(),
            });
            return;
        }
        if capture.text.contains('\u{1}') {
            return;
        }
        let Some(text) = clean(&capture.text) else {
            if let Kind::AfterLabel(field) = capture.kind {
                // An empty element (a spacer cell) between a label and its value.
                self.pending = Some((field, capture.rule));
            }
            return;
        };
        match capture.kind {
            Kind::H1 => {
                if self.found.h1.is_none() {
                    self.found.h1 = Some(text);
                    self.after_h1 = SUBLINE_RUNS;
                }
            }
            Kind::Icon(_) => {}
            Kind::AddressPart => {
                if !self.address.contains(&text) {
                    self.address.push(text);
                }
            }
            Kind::Microdata(field) => self.set_microdata(field, text, &capture.rule),
            Kind::Labeled(field) | Kind::AfterLabel(field) => {
                let rule = match capture.kind {
                    Kind::AfterLabel(_) => {
                        format!("the element after the label {:?}", capture.rule)
                    }
                    _ => capture.rule,
                };
                if let Some(slot) = self.found.labeled.get_mut(field as usize)
                    && slot.is_none()
                    && plausible(field, &text)
                {
                    *slot = Some(Found {
                        text: strip_label(field, &text).to_owned(),
                        rule,
                    });
                }
            }
        }
    }

    fn set_microdata(&mut self, field: Field, text: String, rule: &str) {
        if let Some(slot) = self.found.microdata.get_mut(field as usize)
            && slot.is_none()
            && plausible(field, &text)
        {
            *slot = Some(Found {
                text,
                rule: rule.to_owned(),
            });
        }
    }

    fn meta(&mut self, el: &impl Attributes) {
        self.twitter_pair(el);
        let Some(content) = el.attr("content") else {
            return;
        };
        let key = el.attr("property").or_else(|| el.attr("name"));
        match key {
            Some("og:site_name") | Some("application-name") if self.found.site_name.is_none() => {
                self.found.site_name = clean(content);
            }
            Some("og:url") if self.found.url.is_none() => {
                self.found.url = absolute_url(content);
            }
            Some("twitter:site") => {
                if let Some(name) = clean(content.trim_start_matches('@')) {
                    self.found.names.push((name, "twitter:site"));
                }
            }
            Some("keywords") => {
                for word in content.split(',').take(12) {
                    if let Some(name) = clean(word) {
                        self.found.names.push((name, "keywords"));
                    }
                }
            }
            _ => {}
        }
        if self.furniture > 0 {
            return;
        }
        // `<meta itemprop=... content=...>` inside a microdata scope.
        if let Some(prop) = el.attr("itemprop") {
            let Some(text) = clean(content) else {
                return;
            };
            match prop {
                "title" => self.set_microdata(Field::Title, text, "itemprop=\"title\""),
                "name" if self.organization > 0 => self.set_microdata(
                    Field::Company,
                    text,
                    "itemprop=\"hiringOrganization\" > itemprop=\"name\"",
                ),
                "addressLocality" | "addressRegion" | "addressCountry"
                    if self.place > 0 && !self.address.contains(&text) =>
                {
                    self.address.push(text);
                }
                _ => {}
            }
        }
    }

    /// Lever's and others' `twitter:label1` = "Location", `twitter:data1` = "San Francisco".
    fn twitter_pair(&mut self, el: &impl Attributes) {
        let Some(key) = el.attr("name").or_else(|| el.attr("property")) else {
            return;
        };
        let Some(value) = el.attr("value").or_else(|| el.attr("content")) else {
            return;
        };
        if let Some(n) = key.strip_prefix("twitter:label") {
            if let Some(field) = value_label(value) {
                self.twitter_labels.push((n.to_owned(), field));
            }
        } else if let Some(n) = key.strip_prefix("twitter:data")
            && let Some(&(_, field)) = self.twitter_labels.iter().find(|(m, _)| m == n)
            && let Some(text) = clean(value)
        {
            self.set_microdata(field, text, &format!("meta twitter:data{n}"));
        }
    }

    /// A logo's name: "Stripe logo" in an `alt`, `aria-label` or `title`.
    fn logo_name(&mut self, name: &str, el: &impl Attributes) {
        if !matches!(name, "img" | "svg" | "a" | "span" | "div") || self.found.names.len() > 40 {
            return;
        }
        for key in ["alt", "aria-label", "title"] {
            let Some(value) = el.attr(key) else {
                continue;
            };
            if value.len() > 60 {
                continue;
            }
            let lower = value.to_lowercase();
            let Some(at) = lower.rfind(" logo") else {
                continue;
            };
            if let Some(text) = value.get(..at).and_then(clean) {
                self.found.names.push((text, "a logo's text"));
            }
        }
    }

    fn itemprop(&mut self, prop: &str, name: &str, el: &impl Attributes) {
        if name == "meta" {
            return;
        }
        let scoped = el.attr("itemscope").is_some();
        match prop {
            "title" => self.start(Kind::Microdata(Field::Title), "itemprop=\"title\"".into()),
            "hiringOrganization" if scoped => self.organization = self.depth,
            "hiringOrganization" => self.start(
                Kind::Microdata(Field::Company),
                "itemprop=\"hiringOrganization\"".into(),
            ),
            "name" if self.organization > 0 => self.start(
                Kind::Microdata(Field::Company),
                "itemprop=\"hiringOrganization\" > itemprop=\"name\"".into(),
            ),
            "jobLocation" if scoped => {
                self.place = self.depth;
                self.address.clear();
            }
            "jobLocation" => self.start(
                Kind::Microdata(Field::Location),
                "itemprop=\"jobLocation\"".into(),
            ),
            "addressLocality" | "addressRegion" | "addressCountry" if self.place > 0 => {
                self.start(Kind::AddressPart, String::new());
            }
            _ => {}
        }
    }
}

/// Elements whose content never describes this posting: navigation, footers, asides, forms,
/// lists of other jobs.
fn is_furniture(name: &str, el: &impl Attributes) -> bool {
    if name == "form" && super::page_form(el) {
        return false;
    }
    if matches!(
        name,
        "nav" | "footer" | "aside" | "form" | "script" | "style" | "template"
    ) {
        return true;
    }
    if let Some(role) = el.attr("role")
        && matches!(role, "navigation" | "contentinfo" | "complementary")
    {
        return true;
    }
    if matches!(name, "body" | "main" | "article" | "html") {
        return false;
    }
    el.attr("id").is_some_and(marks_chrome) || el.attr("class").is_some_and(marks_chrome)
}

/// Text with white space collapsed and trimmed; `None` when nothing is left.
fn clean(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    (!out.is_empty()).then_some(out)
}

fn absolute_url(href: &str) -> Option<String> {
    let href = href.trim();
    (href.starts_with("http://") || href.starts_with("https://")).then(|| href.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_split_into_words() {
        assert_eq!(
            label_words("inlineHeader-companyName"),
            ["inline", "header", "company", "name"]
        );
        assert_eq!(
            label_words("topcard__org-name-link"),
            ["topcard", "org", "name", "link"]
        );
    }

    #[test]
    fn labels_name_fields() {
        assert_eq!(
            field_of_label("inlineHeader-companyName"),
            Some(Field::Company)
        );
        assert_eq!(field_of_label("job-detail-location"), Some(Field::Location));
        assert_eq!(
            field_of_label("jobsearch-JobInfoHeader-title"),
            Some(Field::Title)
        );
        assert_eq!(
            field_of_label("topcard__org-name-link"),
            Some(Field::Company)
        );
        assert_eq!(field_of_label("company-logo"), None);
        assert_eq!(field_of_label("title"), None);
        assert_eq!(field_of_label("similar-jobs-company"), None);
    }

    #[test]
    fn values_lose_their_label() {
        assert_eq!(strip_label(Field::Location, "Location: Berlin"), "Berlin");
        assert_eq!(
            strip_label(Field::Title, "Role: Engineer"),
            "Role: Engineer"
        );
        assert!(!plausible(Field::Location, "Location:"));
    }
}
