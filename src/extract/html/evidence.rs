//! Evidence of a page's title, company and location in its markup, gathered during the one
//! streaming walk of the page: schema.org microdata (`itemprop`) and RDFa Lite (`property`),
//! elements labeled by their `class`, `id` or `data-*` attributes ("companyName",
//! "job-location", "jobsearch-...-title"), values after a label in many languages ("Location",
//! "Työnantaja", "勤務地", as a table cell, a `<dd>` or "Offices: San Diego"), the first `<h1>`
//! wherever it sits that is not a logo (else the first `<h2>`/`<h3>`), the site's name
//! (`og:site_name`) and the page's own URL (canonical link, `og:url`).
//!
//! It only collects; [`super::super::meta::page`] decides which evidence names each field.
//! Nothing is collected inside page furniture (navigation, footers, asides, forms, lists of
//! other jobs), so that a "similar jobs" card never names this posting's company.

use super::{Attributes, marks_chrome};

mod captures;
mod labels;
mod legal;
mod markup;
mod names;

use labels::{
    copyright_owner, field_icon, fits_label, inline_value_of, labeled, name_label,
    names_company_part, plausible, restates_label, strip_label, unit_label, value_label,
};
use legal::Where;
use markup::{hidden_class, rdfa_property};

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
    /// The first `<h1>`s outside furniture (up to three), even inside a `<header>`, that
    /// are not the site's logo (`<h1 id="logo">`) nor a link (a button or a home link: `<a><h1>`,
    /// an `<h1>` whose text is all in links), each with the first runs of text after it (the
    /// line under a title often says where and for whom). The page's reader picks the first
    /// that is not a generic page name ("Job offer").
    pub h1s: Vec<Heading>,
    /// The first `<h2>` or `<h3>` outside furniture, on a page with no `<h1>` before it: some
    /// boards head a posting with one.
    pub heading: Option<String>,
    /// The first `<h2>`s and `<h3>`s after the first `<h1>`, outside furniture (up to
    /// [`MAX_LATER_HEADINGS`]): the job's heading when that `<h1>` is only the page's name
    /// ("Oferty Pracy" over a careers page's one offer).
    pub later_headings: Vec<String>,
    /// The first `<h4>`s to `<h6>`s after the first `<h1>`, outside furniture (up to
    /// [`MAX_LATER_HEADINGS`]): where a careers page under its page name ("Lavora Con Noi")
    /// may title its one offer.
    pub lower_headings: Vec<String>,
    /// `og:site_name` or `application-name`.
    pub site_name: Option<String>,
    /// `og:description`, else the `description` meta tag.
    pub description: Option<String>,
    /// The page's own URL: canonical link, `og:url` or `<base href>`.
    pub url: Option<String>,
    /// Names the page gives itself or its owner, with where: `twitter:site`, `keywords`,
    /// logos' `alt` text ("Stripe logo"). A name is the employer's only when it matches the
    /// page's URL.
    pub names: Vec<(String, &'static str)>,
    /// The first element outside furniture after the first heading whose class is the bare
    /// word `title` (`<strong class="title">`): a weak label, read only when the page's
    /// headings and titles name no job.
    pub plain_title: Option<String>,
    /// The most elements labeled alike as a job's title (`job-title-123`, `job-title-456`...):
    /// many make the page a list of jobs.
    pub title_elements: usize,
    /// How many elements carry the label of the first element labeled as a job's place: on
    /// several, the label marks the cards of other jobs beside the posting ("Colombia, Perú,
    /// Ecuador, Chile" over "Juniper Engineer"), not the posting's own place.
    pub first_place_label_uses: usize,
    /// A region badge among the first runs after the first `<h1>`: "USA Only", "Anywhere
    /// (100% Remote) Only", the places a remote job takes applicants from.
    pub region_badge: Option<String>,
    /// Companies' legal names ending runs of text ("Hobbii A/S"), with where, in page order.
    pub legal_names: Vec<(String, Where)>,
    /// The town of an address block under a legal name ("Hobbii A/S", "Kildebrøndevej 42",
    /// "DK 2670 Greve"): the name and the town.
    pub addresses: Vec<(String, String)>,
    /// Runs of addresses that hold a postcode and a town, anywhere in the page (footers too):
    /// the runs before it and the words before the postcode, and the town.
    pub postal: Vec<(String, String)>,
    /// The text of an `<h1>` that is all one link to the site's home page (`<h1><a
    /// href="/">Acme jobs</a></h1>`): the site's name, never the posting's heading.
    pub home_h1: Option<String>,
    /// Links outside furniture to job pages of one site, each once ("/jobs/7289318-data-
    /// scientist", "?view=jobs&id=412345"), up to 40: many make the page a list of jobs.
    pub job_links: Vec<String>,
    /// Names the page labels as a unit of the employer ("Business Unit Northwestern Medical
    /// Group"): a part of the employer, not the employer.
    pub units: Vec<String>,
    /// Units the page says are part of an organization ("X is part of Y"), with it.
    pub parents: Vec<(String, String)>,
}

/// An `<h1>` and the runs of text after it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Heading {
    /// The heading's text.
    pub text: String,
    /// The first runs of text after it.
    pub subline: Vec<String>,
    /// The runs of text right before it, the nearest last ("Reykjahlíðarskóli" in a
    /// sub-title above the job's heading).
    pub preline: Vec<String>,
    /// Whether its class hides it from the eye (`sr-only`, `visually-hidden`): a screen
    /// reader's copy of a title, which a visible `<h1>` after it outranks.
    pub hidden: bool,
}

/// The rule of an `<h4>` captured as the main heading of a page with no `<h1>`, `<h2>` or
/// `<h3>` before it.
const LOWER_MAIN: &str = "h4";

/// Most words of a logo image's `alt` read as the name it shows.
const MAX_LOGO_WORDS: usize = 4;

/// Most `<h1>`s kept.
const MAX_H1: usize = 3;

/// Most headings after the first `<h1>` kept.
pub const MAX_LATER_HEADINGS: usize = 4;

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
    /// A part of a microdata `jobLocation` address, with its rank in the written order
    /// (street or whole address, locality, region, country).
    AddressPart(u8),
    H1,
    /// An `<h2>` or `<h3>` on a page with no `<h1>` yet.
    Heading,
    /// An icon of a field (a location pin): the text after it, in its parent, is the value.
    Icon(Field),
    /// The element after a label ("Job Location"), holding the label: when it is empty (a
    /// spacer cell), the next element is tried.
    AfterLabel(Field),
    /// An element labeled only by the bare class `title`.
    PlainTitle,
    /// An `<h2>` or `<h3>`: when it heads a list of other jobs ("相似职位", "Similar jobs"),
    /// the rest of its parent is furniture.
    Section,
    /// An `<h4>`, `<h5>` or `<h6>`.
    LowerHeading,
}

#[derive(Debug)]
struct Capture {
    kind: Kind,
    depth: usize,
    text: String,
    rule: String,
    /// Whether some of its text was outside any link (an `<h1>` that is all link is a logo or
    /// a button).
    plain: bool,
    /// Where link text first followed some plain text: "GFI INFORMATIQUE" then the links
    /// "Voir plus d'infos sur la société", "Voir toutes les offres" in a value's cell.
    links_from: Option<usize>,
    /// Whether link text came before any plain text (a menu, not a value).
    linked: bool,
    /// Whether it ends at the next block (the text after an icon is one line).
    line: bool,
    /// Where its first line ends: the first `<br>` after some text (a cell of roles, each
    /// with its description: "Project Manager<br>Has led projects...").
    first_break: Option<usize>,
    /// Whether it takes no more text.
    done: bool,
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
    /// Depth of an item scope open inside the `hiringOrganization` (its logo, an
    /// `ImageObject`; 0: none): a `name` there is that item's, not the employer's.
    inner_item: usize,
    place: usize,
    /// Parts of the open `jobLocation` address, with their rank (see [`Kind::AddressPart`]).
    address: Vec<(u8, String)>,
    /// A label just read ("Office locations", "Standort"): the next element holds its value.
    pending: Option<(Field, String)>,
    /// `twitter:labelN` values seen, by N, waiting for their `twitter:dataN`.
    twitter_labels: Vec<(String, Field)>,
    /// Runs of text still to keep after each `<h1>` of [`PageEvidence::h1s`].
    after_h1: Vec<usize>,
    /// The last runs of text outside furniture, for the runs before an `<h1>`.
    recent: std::collections::VecDeque<String>,
    /// Runs of text after the first `<h1>` still to read for a region badge.
    badge_runs: usize,
    /// Depth of the outermost open link (`<a>`; 0: none).
    link: usize,
    /// A unit whose run of text ended with "is part of": its organization is the next run.
    part_of: Option<String>,
    /// Depth of an open site header (`<header>` outside `<main>` and `<article>`; 0: none).
    site_header: usize,
    /// Depth of the outermost open `<main>` or `<article>` (0: none).
    main: usize,
    /// Depth of an open `<script>`, `<style>` or `<template>` (0: none): its text is code.
    code: usize,
    /// Whether the element opened last, and not closed yet, is a link: its text is a link's
    /// own (a menu item), whatever the links a page leaves unclosed.
    link_text: bool,
    /// Elements labeled as a job's title, by label with its digits removed.
    title_labels: std::collections::HashMap<String, usize>,
    /// Elements labeled as a job's place, by label with its digits removed, and the label of
    /// the first.
    place_labels: (std::collections::HashMap<String, usize>, Option<String>),
    /// A legal name that stood alone in its run, with the runs after it still to read for
    /// its address's postcode and town.
    address_of: Option<(String, usize)>,
    /// Whether the open furniture is a list of other jobs, headed by its heading alone so
    /// far: an element that holds only that heading passes the furniture on to its parent.
    other_jobs: Option<bool>,
    /// Whether the open `<h1>` holds a link to the site's home page.
    h1_home_link: bool,
    /// Whether the `<h1>` being read is hidden from the eye (see [`Heading::hidden`]).
    h1_hidden: bool,
    /// Whether the main heading so far is an `<h4>` of a page with no `<h1>` (see
    /// [`LOWER_MAIN`]).
    lower_main: bool,
    /// Whether an `<h2>` or `<h3>` has opened.
    seen_section: bool,
    /// Depth of the link closed last, while no other element has opened beside it (0: none).
    closed_link: usize,
    /// Whether the last run of text was a copyright sign with no owner ("©" before the year's
    /// own element): the next run goes on with the owner's name.
    copyright_sign: bool,
    /// The last runs of text anywhere (footers too), for the runs before a postcode and town.
    address_runs: std::collections::VecDeque<String>,
    /// Whether the last heading heads the company's part of the page ("Informations sur
    /// l'entreprise"): a bare name's label there names the employer.
    company_part: bool,
    /// A bare name's label ("Nom :") or a unit's ("Business Unit") just read: the next run is
    /// its value.
    pending_name: bool,
    pending_unit: bool,
}

/// Most unit names kept.
const MAX_UNITS: usize = 4;

/// Most legal names kept.
const MAX_LEGAL_NAMES: usize = 30;

/// Runs before a postcode and town kept with it: the name and street above it.
const POSTAL_RUNS: usize = 3;

/// Most runs with a postcode and town kept.
const MAX_POSTAL: usize = 12;

/// Runs of text kept after the main heading.
const SUBLINE_RUNS: usize = 5;

/// Runs of text kept before an `<h1>` (its own runs are among the last ones seen).
const PRELINE_RUNS: usize = 2;

/// Runs of text remembered to find those before an `<h1>`: its own runs and the runs before.
const RECENT_RUNS: usize = 8;

/// Runs of text after the first heading read for a region badge ("USA Only").
const BADGE_RUNS: usize = 12;

impl Collector {
    pub(super) fn open(&mut self, name: &str, el: &impl Attributes) {
        self.depth += 1;
        if self.organization > 0 && self.inner_item == 0 && el.attr("itemscope").is_some() {
            self.inner_item = self.depth;
        }
        self.link_text = name == "a";
        // A link right after a sibling link: an item of a menu or a list of links.
        let follows_link = name == "a" && self.closed_link == self.depth;
        if name != "a" && self.closed_link == self.depth {
            self.closed_link = 0;
        }
        if name == "a" && self.link == 0 {
            self.link = self.depth;
            if el.attr("href").is_some_and(home_link)
                && self.captures.iter().any(|c| c.kind == Kind::H1)
            {
                self.h1_home_link = true;
            }
        }
        if matches!(name, "main" | "article") && self.main == 0 {
            self.main = self.depth;
        }
        if name == "header" && self.main == 0 && self.site_header == 0 {
            self.site_header = self.depth;
        }
        if self.code == 0 && matches!(name, "script" | "style" | "template") {
            self.code = self.depth;
        }
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
        self.logo_image(name, el);
        if self.furniture > 0 {
            if let Some(filled) = &mut self.other_jobs {
                *filled = true;
            }
            return;
        }
        if is_furniture(name, el) {
            self.furniture = self.depth;
            return;
        }
        self.logo_name(name, el);
        self.job_link(name, el);
        if is_block(name) {
            // Text of block elements is separate words: "Jyväskylä, Helsinki" then "Suomi".
            for capture in &mut self.captures {
                if capture.line && !capture.text.trim().is_empty() {
                    capture.done = true;
                }
                if !capture.text.is_empty() && !capture.text.ends_with(' ') {
                    capture.text.push(' ');
                }
            }
        }
        // "<h4>Job Title</h4><span></span>" then "<div><h4>Compensation</h4>...": a block that
        // opens with a heading is the next field's, never the value of an empty one (a value
        // with a sub-heading after it, "東京都品川区" then "最寄り駅", stays).
        if matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
            self.captures
                .retain(|c| !matches!(c.kind, Kind::AfterLabel(_)) || !c.text.trim().is_empty());
        }
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
        if name == "br" {
            for capture in &mut self.captures {
                if capture.first_break.is_none() && !capture.text.trim().is_empty() {
                    capture.first_break = Some(capture.text.len());
                }
            }
        }
        let in_h1 = self.captures.iter().any(|c| c.kind == Kind::H1);
        if name == "h1" && self.found.h1s.len() < MAX_H1 && !in_h1 && self.link == 0 && !is_logo(el)
        {
            self.h1_home_link = false;
            self.h1_hidden = hidden_class(el);
            self.start(Kind::H1, String::new());
        }
        // "<h4>Frontend engineer - m/f</h4><p>Zagreb, Croatia</p>" heading a page that has no
        // <h1>, <h2> or <h3> before it: the main heading until a real <h1> comes.
        if name == "h4"
            && self.found.h1s.is_empty()
            && self.found.heading.is_none()
            && !self.seen_section
            && self.furniture == 0
            && self.site_header == 0
            && self.link == 0
            && !in_h1
        {
            self.h1_home_link = false;
            self.h1_hidden = false;
            self.start(Kind::H1, LOWER_MAIN.to_owned());
        }
        // A site header's sub-heading (its search box's) is not the posting's.
        if matches!(name, "h2" | "h3")
            && self.site_header == 0
            && self.found.h1s.is_empty()
            && self.found.heading.is_none()
            && !in_h1
        {
            self.start(Kind::Heading, String::new());
        }
        if matches!(name, "h2" | "h3") {
            self.seen_section = true;
            self.start(Kind::Section, String::new());
        }
        if matches!(name, "h4" | "h5" | "h6")
            && self.furniture == 0
            && !self.found.h1s.is_empty()
            && self.found.lower_headings.len() < MAX_LATER_HEADINGS
        {
            self.start(Kind::LowerHeading, String::new());
        }
        if self.found.plain_title.is_none()
            && (!self.found.h1s.is_empty() || self.found.heading.is_some())
            && !matches!(name, "h1" | "h2" | "h3" | "a")
            && el.attr("class").is_some_and(|class| {
                class
                    .split_ascii_whitespace()
                    .any(|c| c.eq_ignore_ascii_case("title"))
            })
            && !self.captures.iter().any(|c| c.kind == Kind::PlainTitle)
        {
            self.start(Kind::PlainTitle, String::new());
        }
        if let Some(prop) = el.attr("itemprop") {
            let scoped = el.attr("itemscope").is_some();
            self.itemprop(prop, name, scoped);
        } else if let Some(prop) = el.attr("property").and_then(rdfa_property) {
            // RDFa Lite (`property="schema:title"`), read like microdata; a `content` attribute
            // holds the value on any element. An organization, place or address without one is
            // a scope (it has a `typeof`, which the walker does not keep).
            match el.attr("content") {
                Some(content) => self.content_property(prop, content),
                None => self.itemprop(prop, name, true),
            }
        }
        if name == "a"
            && el.attr("href").is_some_and(map_link)
            && self.found.labeled(Field::Location).is_none()
        {
            // A place linked to a map (mapy.cz, Google Maps) is where the job is, the first
            // time a page shows one.
            self.start(Kind::Labeled(Field::Location), "a link to a map".into());
        } else if let Some(field) = field_icon(name, el)
            && self.found.labeled(field).is_none()
        {
            self.start(Kind::Icon(field), String::new());
        } else if let Some((field, rule)) = labeled(name, el)
            // "Sofia | Stara Zagora | ... | Anywhere": a place in a list of links is a
            // filter of the site's, not the job's place.
            .filter(|(field, _)| !(follows_link && *field == Field::Location))
        {
            if field == Field::Title {
                let label: String = rule.chars().filter(|c| !c.is_ascii_digit()).collect();
                let count = self.title_labels.entry(label).or_default();
                *count += 1;
                self.found.title_elements = self.found.title_elements.max(*count);
            }
            if field == Field::Location {
                let label: String = rule.chars().filter(|c| !c.is_ascii_digit()).collect();
                let (counts, first) = &mut self.place_labels;
                let first = first.get_or_insert_with(|| label.clone());
                let same = *first == label;
                let count = counts.entry(label).or_default();
                *count += 1;
                if same {
                    self.found.first_place_label_uses = *count;
                }
            }
            if self.found.labeled(field).is_none() {
                self.start(Kind::Labeled(field), rule);
            }
        }
    }

    pub(super) fn close(&mut self) {
        self.link_text = false;
        while let Some(capture) = self.captures.last() {
            if capture.depth < self.depth {
                break;
            }
            if let Some(capture) = self.captures.pop() {
                self.finish(capture);
            }
        }
        if self.inner_item == self.depth {
            self.inner_item = 0;
        }
        if self.organization == self.depth {
            self.organization = 0;
        }
        if self.place == self.depth {
            self.place = 0;
            let mut parts = std::mem::take(&mut self.address);
            // Written order, whatever the markup's: "Birmingham, West Midlands, GB".
            parts.sort_by_key(|(rank, _)| *rank);
            let parts: Vec<String> = parts.into_iter().map(|(_, part)| part).collect();
            if !parts.is_empty() {
                self.set_microdata(
                    Field::Location,
                    parts.join(", "),
                    "itemprop=\"jobLocation\"",
                );
            }
        }
        if self.furniture == self.depth {
            // "<div><h2>Similar jobs</h2></div>" then the jobs: the heading's own box holds
            // nothing else, so the list is in a box around it.
            let parent = self.depth.saturating_sub(1);
            if self.other_jobs == Some(false) && parent > 2 && parent != self.main {
                self.furniture = parent;
            } else {
                self.furniture = 0;
                self.other_jobs = None;
            }
        }
        if self.closed_link > self.depth {
            self.closed_link = 0;
        }
        if self.link == self.depth {
            self.link = 0;
            self.closed_link = self.depth;
        }
        if self.main == self.depth {
            self.main = 0;
        }
        if self.site_header == self.depth {
            self.site_header = 0;
        }
        if self.code == self.depth {
            self.code = 0;
        }
        self.depth = self.depth.saturating_sub(1);
    }

    pub(super) fn text(&mut self, text: &str) {
        if self.code > 0 {
            return;
        }
        // "© <span id=currentYear></span> Wolkenhof GmbH. Alle Rechte vorbehalten.": the
        // owner's run read as the sign's.
        // Trimmed once, ASCII white space byte by byte first: a run of a page's indentation is
        // white space from end to end.
        let run = text.trim_ascii().trim();
        let continued = (self.copyright_sign && !run.is_empty()).then(|| format!("© {run}"));
        if !run.is_empty() {
            self.copyright_sign = bare_copyright_sign(run);
        }
        let owner_text = continued.as_deref().unwrap_or(text);
        if !run.is_empty() {
            self.unit_of(run);
        }
        if self.furniture == 0 && !run.is_empty() {
            self.name_or_unit(run);
        }
        if self.found.names.len() < 40
            && let Some(owner) = copyright_owner(owner_text)
        {
            self.found.names.push((owner, "the copyright line"));
        }
        self.legal_text(owner_text);
        if self.furniture > 0
            && let Some(filled) = &mut self.other_jobs
            && !run.is_empty()
        {
            *filled = true;
        }
        if self.furniture == 0 && self.badge_runs > 0 && !run.is_empty() {
            self.badge_runs -= 1;
            if self.found.region_badge.is_none() && region_badge(run) {
                self.found.region_badge = Some(run.to_owned());
            }
        }
        if self.furniture == 0
            && self.found.h1s.len() < MAX_H1
            && !run.is_empty()
            && run.len() <= 200
        {
            // Once full, the oldest run's buffer takes the new one: no allocation per run.
            let mut kept = if self.recent.len() == RECENT_RUNS {
                self.recent.pop_front().unwrap_or_default()
            } else {
                String::new()
            };
            kept.clear();
            kept.push_str(run);
            self.recent.push_back(kept);
        }
        if self.furniture == 0 && self.after_h1.iter().any(|n| *n > 0) {
            let run = run.trim_start_matches(['|', '·', '•']).trim();
            if !run.is_empty() && run.len() <= 200 {
                for (heading, left) in self.found.h1s.iter_mut().zip(&mut self.after_h1) {
                    if *left > 0 {
                        heading.subline.push(run.to_owned());
                        *left -= 1;
                    }
                }
            }
        }
        // A label may be padded with white space ("勤務地・交通" and sixty spaces); whether the
        // run is one is asked once.
        let label = run;
        let own_label = if self.furniture == 0 {
            value_label(label)
        } else {
            None
        };
        if self.furniture == 0
            && let Some((field, label, value)) = inline_value_of(text, own_label)
            && let Some(slot) = self.found.labeled.get_mut(field as usize)
            && slot.is_none()
            && fits_label(label, value)
            && plausible(field, value)
            && let Some(value) = clean(value)
        {
            *slot = Some(Found {
                text: value,
                rule: format!("the text after the label {label:?}"),
            });
        }
        // "<em>기업명</em>군산지방해양수산청": a value written right after its label's element,
        // before any other element.
        if self.furniture == 0
            && !label.is_empty()
            && own_label.is_none()
            && let Some((field, name)) = self.pending.clone()
        {
            let value = label.trim_start_matches([':', '：']).trim();
            if !value.is_empty()
                && let Some(slot) = self.found.labeled.get_mut(field as usize)
                && slot.is_none()
                && fits_label(&name, value)
                && plausible(field, value)
                && let Some(value) = clean(value)
            {
                *slot = Some(Found {
                    text: value,
                    rule: format!("the text after the label {name:?}"),
                });
                self.pending = None;
                self.capture_text(text);
                return;
            }
            // Text that cannot be the label's value ends the label ("Entreprise :" then a
            // sentence): the next line is not its value.
            if !value.is_empty() {
                self.pending = None;
            }
        }
        if self.furniture == 0 && label.len() <= 40 && !label.is_empty() {
            // A link's text is a menu item ("公司" in a site's menu), never a label.
            self.pending = own_label
                .filter(|_| !self.link_text)
                .map(|field| (field, label.to_owned()));
        }
        self.capture_text(text);
    }

    /// Adds a run of text to the open captures.
    fn capture_text(&mut self, text: &str) {
        if self.captures.is_empty() {
            return;
        }
        // White space collapsed, so that an indented page's padding does not count as text.
        let mut compact = String::with_capacity(text.len().min(MAX_EVIDENCE_BYTES + 2));
        if text.starts_with(char::is_whitespace) {
            compact.push(' ');
        }
        for word in text.split_whitespace() {
            if compact.len() > MAX_EVIDENCE_BYTES {
                break;
            }
            if !compact.is_empty() && !compact.ends_with(' ') {
                compact.push(' ');
            }
            compact.push_str(word);
        }
        if text.ends_with(char::is_whitespace) && !compact.ends_with(' ') {
            compact.push(' ');
        }
        let plain = self.link == 0 && !compact.trim().is_empty();
        for capture in &mut self.captures {
            if capture.done {
                continue;
            }
            if self.link > 0 && !compact.trim().is_empty() {
                if !capture.plain {
                    capture.linked = true;
                } else if !capture.linked && capture.links_from.is_none() {
                    capture.links_from = Some(capture.text.len());
                }
            }
            capture.plain |= plain;
            if capture.text.len() + compact.len() <= MAX_EVIDENCE_BYTES {
                capture.text.push_str(&compact);
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
            plain: false,
            links_from: None,
            linked: false,
            line: false,
            first_break: None,
            done: false,
        });
    }
}

/// Whether a run is a remote job's region badge: a place, or "Anywhere" / "Worldwide", then
/// "Only" ("USA Only", "Anywhere (100% Remote) Only", "Europe only").
fn region_badge(run: &str) -> bool {
    let cut = run.len().saturating_sub(" only".len());
    let (Some(region), Some(only)) = (run.get(..cut), run.get(cut..)) else {
        return false;
    };
    let region = region.trim();
    let lower = region.to_lowercase();
    only.eq_ignore_ascii_case(" only")
        && run.chars().count() <= 40
        && region.split_whitespace().count() <= 4
        && (lower.starts_with("anywhere")
            || lower.starts_with("worldwide")
            || crate::extract::meta::page::looks_like_place(region))
}

/// Whether a link opens a map (`https://www.mapy.cz/?q=...`, `https://maps.google.com/...`,
/// `https://www.google.com/maps/...`, OpenStreetMap).
fn map_link(href: &str) -> bool {
    let lower = href.to_ascii_lowercase();
    let Some((_, rest)) = lower.split_once("://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.strip_prefix("www.").unwrap_or(host);
    host.starts_with("maps.")
        || host.starts_with("mapy.")
        || host == "openstreetmap.org"
        || (host.starts_with("google.") && rest.contains("/maps"))
}

/// Whether a link's `href` is the site's home page: "/", "./", "index.html" or a URL with no
/// path.
fn home_link(href: &str) -> bool {
    let href = href.trim();
    let path = match href.split_once("://") {
        Some((_, rest)) => rest.split_once('/').map_or("", |(_, path)| path),
        None => href.trim_start_matches("./").trim_start_matches('/'),
    };
    matches!(path, "" | "index.html" | "index.htm" | "index.php")
}

/// Whether a run of text is a copyright sign with no owner: "©", "© 2024", "Copyright ©".
fn bare_copyright_sign(run: &str) -> bool {
    // Most runs have no sign: they are passed over before any copy is made.
    if !run.contains('©') {
        return false;
    }
    let rest = run.replace("Copyright", "");
    rest.contains('©') && !rest.chars().any(char::is_alphabetic)
}

/// Whether an element is the site's logo (`<h1 id="logo">`): not the posting's heading.
fn is_logo(el: &impl Attributes) -> bool {
    ["id", "class"].into_iter().any(|key| {
        el.attr(key).is_some_and(|value| {
            value
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|word| word.eq_ignore_ascii_case("logo"))
        })
    })
}

/// Elements whose text is a block of its own.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "div" | "p" | "li" | "br" | "dt" | "dd" | "td" | "th" | "tr" | "h1" | "h2" | "h3"
    )
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
    // "//crunch.io/jobs/python-engineer/": a URL relative to the scheme only.
    if let Some(rest) = href.strip_prefix("//")
        && rest
            .split('/')
            .next()
            .is_some_and(|host| host.contains('.'))
    {
        return Some(format!("https://{rest}"));
    }
    (href.starts_with("http://") || href.starts_with("https://")).then(|| href.to_owned())
}

/// Whether the `id` that made an element a labeled one (`rule`, as [`labeled`] words it) spells
/// the element's own text, as the anchors Markdown renderers give headings do: the same
/// letters and digits, case aside.
fn anchor_id(rule: &str, text: &str) -> bool {
    let Some(id) = rule
        .strip_prefix("element id=\"")
        .and_then(|r| r.strip_suffix('"'))
    else {
        return false;
    };
    let letters = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let own = letters(text);
    !own.is_empty() && letters(id) == own
}

#[cfg(test)]
mod tests {
    use super::labels::{field_of_label, label_words};
    use super::*;

    #[test]
    fn a_unit_part_of_an_organization_is_read_in_one_run_or_two() {
        let whole = labels::part_of(
            "The Diagnostic Image Analysis Group is part of the Radboud University Medical Center.",
        );
        assert_eq!(
            whole,
            Some((
                "Diagnostic Image Analysis Group".to_owned(),
                "Radboud University Medical Center".to_owned()
            ))
        );
        // The organization a link, the next run.
        let open = labels::part_of("The Diagnostic Image Analysis Group is part of the");
        assert_eq!(
            open,
            Some(("Diagnostic Image Analysis Group".to_owned(), String::new()))
        );
        assert_eq!(labels::part_of("Explore this part of the city"), None);
    }
    #[test]
    fn region_badges() {
        // weworkremotely-*.html (tests/fixtures/pages)
        assert!(region_badge("USA Only"));
        assert!(region_badge("Anywhere (100% Remote) Only"));
        assert!(!region_badge("Full-Time"));
        assert!(!region_badge("Members only"));
        assert!(!region_badge("only"));
    }

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
        assert_eq!(field_of_label("jd-contact-company"), None);
        assert_eq!(field_of_label("CompanyProfileNavigation--withCover"), None);
        assert_eq!(field_of_label("page-header"), Some(Field::Title));
        assert!(map_link("https://www.mapy.cz/?q=Brno"));
        assert!(map_link("https://www.google.com/maps/place/Zlin"));
        assert!(!map_link("https://www.example.com/maps-and-guides"));
    }

    #[test]
    fn labels_in_other_languages_and_inline() {
        assert_eq!(value_label("Työnantaja"), Some(Field::Company));
        assert_eq!(value_label("Miesto práce"), Some(Field::Location));
        assert_eq!(value_label("Job Title"), Some(Field::Title));
        assert_eq!(
            labels::inline_value("Offices: San Diego"),
            Some((Field::Location, "Offices", "San Diego"))
        );
        assert_eq!(labels::inline_value("Location: City"), None);
        assert!(labels::fits_label(
            "Location Name",
            "Egg Harbor Township, NJ"
        ));
        assert!(!labels::fits_label(
            "Location Name",
            "Archstone Midtown West"
        ));
        assert!(!plausible(Field::Company, "(lue yrityksestä)"));
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

    fn evidence(html: &str) -> PageEvidence {
        super::super::stream::walk(html, false).evidence.found
    }

    #[test]
    fn a_name_row_names_the_company_only_under_a_heading_about_it() {
        // tests/fixtures/pages/insaalumnihdf-offre-voltix-charge-developpement-nanterre.html,
        // shortened: the company's "Nom :" row, and a contact's under "Contact".
        let found = evidence(
            "<h1>Détails de l'offre</h1><h2>Informations sur l'entreprise</h2>\
             <div><strong>Nom :</strong> VOLTIX - Groupe VINCI</div>\
             <h2>Contact</h2><div><strong>Nom :</strong> Maxime PUGEAUD RODRIGUES</div>",
        );
        let company = found.labeled(Field::Company).map(|f| f.text.as_str());
        assert_eq!(company, Some("VOLTIX - Groupe VINCI"));
        let found = evidence(
            "<h1>Job</h1><h2>Contact</h2><div><strong>Name:</strong> Maxime Pugeaud</div>",
        );
        assert_eq!(found.labeled(Field::Company), None);
    }

    #[test]
    fn a_unit_label_and_facts_side_by_side() {
        // tests/fixtures/pages/jobs-nm-patient-service-representative-crystal-lake.html.
        let found = evidence(
            "<h1>Patient Service Representative</h1><span><b>Location</b> Crystal Lake, \
             Illinois</span><span><b>Business Unit</b> Northwestern Medical Group</span>",
        );
        assert_eq!(found.units, ["Northwestern Medical Group"]);
        // familycare-lemke-stellenausschreibung-schulbegleitung-meissen.html: a start date,
        // then the place, in one line.
        let found = evidence(
            "<h1>Stellenausschreibung</h1>\
             <p>Beginn: nach Absprache&nbsp;|&nbsp;Arbeitsort: Landkreis Meißen</p>",
        );
        let place = found.labeled(Field::Location).map(|f| f.text.as_str());
        assert_eq!(place, Some("Landkreis Meißen"));
    }

    #[test]
    fn an_other_jobs_heading_alone_in_its_box_makes_the_box_around_it_furniture() {
        // workindenmark-hobbii-*.html (tests/fixtures/pages): the posting has no "Work area";
        // the cards after "Similar jobs" each have one.
        let found = evidence(
            "<html><body><div><div><h1>Warehouse Team Lead</h1><h2>Hobbii A/S</h2>\
             <p>Hobbii A/S<br>Kildebrøndevej 42<br>DK 2670 Greve<br>Denmark</p></div>\
             <div class=\"row\"><div class=\"col\"><div><h2>Similar jobs</h2></div></div>\
             <section><h1><a href=\"/job/1\">Supply Chain Manager</a></h1>\
             <p>Bilka A/S</p><ul><li>Work area: Risskov</li></ul></section></div>\
             </div></body></html>",
        );
        assert_eq!(found.labeled(Field::Location), None);
        // The card's employer is seen, as furniture's.
        assert_eq!(
            found.legal_names,
            vec![
                ("Hobbii A/S".to_owned(), Where::Content),
                ("Bilka A/S".to_owned(), Where::Furniture)
            ]
        );
        assert_eq!(
            found.addresses,
            vec![("Hobbii A/S".to_owned(), "Greve".to_owned())]
        );
    }

    #[test]
    fn labels_in_plural_joined_and_without_spaces() {
        assert_eq!(value_label("Work Location(s)"), Some(Field::Location));
        assert_eq!(value_label("Organisation/Company"), Some(Field::Company));
        assert_eq!(value_label("근무예정지"), Some(Field::Location));
        assert_eq!(value_label("Organisation/Location"), None);
    }

    #[test]
    fn headings_that_are_links_or_page_names() {
        // Perplexity's careers page (Framer): a button's h1, then the job's.
        let found = evidence(
            "<a href=\"https://pplx.ai/U4knwfk\"><div><h1>Try Perplexity</h1></div></a>\
             <div><h1>LLM Teacher</h1></div><p>Engineering</p><p>San Francisco</p>",
        );
        let texts: Vec<&str> = found.h1s.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(texts, ["LLM Teacher"]);
        assert_eq!(found.h1s[0].subline, ["Engineering", "San Francisco"]);
        // Work24's header: an h1 that is all a home link.
        let found = evidence("<h1><a title=\"홈으로\"><span>고용24</span></a></h1>");
        assert!(found.h1s.is_empty());
        // bestjobs.bg (ninth page collection): the site's name in an h1 linked to its home.
        let found = evidence("<h1 class=h-card><a href=/>Bestjobs Bulgaria jobs<br> tips</a></h1>");
        assert_eq!(
            found.home_h1.as_deref(),
            Some("Bestjobs Bulgaria jobs tips")
        );
        let found = evidence("<h1><a href=\"/job/1\">Supply Chain Manager</a></h1>");
        assert_eq!(found.home_h1, None);
    }

    #[test]
    fn a_url_relative_to_the_scheme_is_the_pages_own() {
        // Crunch.io's job pages (sixteenth page collection).
        let found = evidence(
            "<head><meta property=\"og:url\" content=\"//crunch.io/jobs/python-engineer/\"></head>",
        );
        assert_eq!(
            found.url.as_deref(),
            Some("https://crunch.io/jobs/python-engineer/")
        );
    }

    #[test]
    fn an_h4_heads_a_page_with_no_higher_heading_before_it() {
        // NodeFactory's careers pages (seventeenth page collection): the job is an h4 in the
        // page's header section, its place the line under it; the h3s come later.
        let found = evidence(
            "<section><div><h4>Frontend engineer - m/f</h4><p class=\"date\">Zagreb, Croatia</p>\
             </div></section><h3>Here is what we are expecting</h3><p>Skills</p>",
        );
        let texts: Vec<&str> = found.h1s.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(texts, ["Frontend engineer - m/f"]);
        assert_eq!(
            found.h1s[0].subline.first().map(String::as_str),
            Some("Zagreb, Croatia")
        );
        // A real h1 after it takes its place; an h4 after an h3 is no main heading.
        // mbl.is (seventh page collection): the employer's h4 above the job's h1.
        let found = evidence(
            "<h4 class=\"sub-title\">Hjúkrunarheimilið Hjallatún</h4>\
             <h1 class=\"title\">Hjúkrunarfræðingur</h1><p>Suðurland</p>",
        );
        let texts: Vec<&str> = found.h1s.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(texts, ["Hjúkrunarfræðingur"]);
        assert_eq!(found.h1s[0].preline, ["Hjúkrunarheimilið Hjallatún"]);
        let found = evidence("<h3>Über uns</h3><h4>Deine Aufgaben</h4>");
        assert!(found.h1s.is_empty());
        // Norse's posting (tests/fixtures/postings): h4s that head its parts.
        let found = evidence("<h4>Overview:</h4><p>Norse is</p><h4>Required Skills:</h4>");
        assert!(found.h1s.is_empty());
    }

    #[test]
    fn a_place_in_a_row_of_links_is_a_menu_item() {
        // bestjobs.bg's region links, the last one classed as a locality.
        let found = evidence(
            "<p><a class=p-region href=/cities/27/yambol>Yambol</a> | \
             <a class=p-locality href=/cities/30/anywhere>Anywhere</a></p>",
        );
        assert!(found.labeled(Field::Location).is_none());
        let found = evidence("<p><span>Full time</span><a class=location href=/c/1>Riga</a></p>");
        assert_eq!(
            found.labeled(Field::Location).map(|f| f.text.as_str()),
            Some("Riga")
        );
    }

    #[test]
    fn a_headings_anchor_id_labels_nothing() {
        // NanoFrontier's careers page (tenth page collection): headings with ids made from
        // their own words.
        let found = evidence(
            "<h2 id=\"5-location--work-style\">5. Location &amp; Work Style</h2>\
             <h2 id=\"8-company-information\">8. Company Information</h2>",
        );
        assert!(found.labeled(Field::Location).is_none());
        assert!(found.labeled(Field::Company).is_none());
        let found = evidence("<p><span>Full time</span><span id=location>Riga</span></p>");
        assert_eq!(
            found.labeled(Field::Location).map(|f| f.text.as_str()),
            Some("Riga")
        );
    }

    #[test]
    fn a_title_cell_too_long_gives_its_first_line() {
        // Seasky's 募集要項 table: two roles, each followed by its description.
        let long = "プロジェクトの管理職としての参画経験を有し".repeat(20);
        let found = evidence(&format!(
            "<table><tr><th>募集職種 </th><td><span>プロジェクトマネージャー（PM）</span><br>\
             <span>{long}</span><br><span>システムエンジニア(SE)</span></td></tr></table>"
        ));
        assert_eq!(
            found.labeled(Field::Title).map(|f| f.text.as_str()),
            Some("プロジェクトマネージャー（PM）")
        );
    }

    #[test]
    fn values_after_labels_icons_and_label_elements() {
        // Work24: the value right after its label's element.
        let found = evidence("<ul><li><em class=\"tit\">기업명</em>군산지방해양수산청</li></ul>");
        assert_eq!(
            found.labeled(Field::Company).map(|f| f.text.as_str()),
            Some("군산지방해양수산청")
        );
        // work.ua: icons titled and classed as fields; the value ends with its line.
        let found = evidence(
            "<ul><li><span class=\"glyphicon glyphicon-company\" title=\"Дані про компанію\">\
             </span><a href=\"/jobs/by-company/1326472/\"><span>Кваліті Юніт Україна</span></a>\
             <ul><li>IT</li></ul></li><li><span class=\"glyphicon glyphicon-remote\" \
             title=\"Місце роботи\"></span> Дистанційна робота</li></ul>",
        );
        assert_eq!(
            found.labeled(Field::Company).map(|f| f.text.as_str()),
            Some("Кваліті Юніт Україна")
        );
        assert_eq!(
            found.labeled(Field::Location).map(|f| f.text.as_str()),
            Some("Дистанційна робота")
        );
        // EURAXESS: an element labeled `work-locations` holding a label.
        let found = evidence(
            "<h2 id=\"work-locations\">Work Location(s)</h2><dl><dt>City</dt><dd>Paris</dd></dl>",
        );
        assert_eq!(
            found.labeled(Field::Location).map(|f| f.text.as_str()),
            Some("Paris")
        );
    }
}
