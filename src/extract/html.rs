//! HTML -> structured text.
//!
//! [`extract`] is the one entry point. It reads the page in one streaming pass ([`stream`]: a
//! tokenizer and an emulation of the HTML tree builder's stack of open elements, bounded on
//! hostile input) that feeds a walker with the open, close and text events a walk of
//! html5ever's tree would give, without building a tree: about ten times faster than parsing
//! with scraper. The scraper path is kept as `reference`, behind the `oracles` feature: the
//! reference the streaming path is tested against (every fixture page gives the same blocks). Scripts, styles,
//! navigation, page headers and footers, asides, forms, hidden elements and cookie banners are
//! dropped; headings, paragraphs and list items become blocks. Title and company come from
//! schema.org `JobPosting` JSON-LD, `og:title`, the first `<h1>` or `<title>`, in that order.

use aho_corasick::AhoCorasick;

use super::date::{self, PageDates, Stamp};
use super::meta::{
    self,
    page::{PageFacts, Sourced},
};
use super::sites::{self, Sites};
use super::{
    BlockKind, FieldSources, Metadata, RawBlock, hydration, jsonld, push_block, push_collapsed,
    push_collapsed_counting,
};
use evidence::Field;

mod entities;
pub mod evidence;
mod headings;
mod named;
#[cfg(feature = "oracles")]
pub mod reference;
pub mod stream;

/// A page that describes this many `JobPosting`s lists jobs.
const MIN_LISTED_POSTINGS: usize = 3;

/// A page with this many elements labeled as a job's title lists jobs (a posting's page may
/// show a few similar jobs beside it).
const MIN_TITLE_ELEMENTS: usize = 10;

/// Links to the site's job pages that make a page with no posting's section a list of jobs.
const MIN_JOB_LINKS: usize = 12;

/// Elements labeled alike as a job's place that are the cards of other jobs, not the posting's
/// own place.
const MIN_CARD_LABELS: usize = 3;

/// Below this many words of visible text, a JSON-LD description is used instead (pages that
/// render the posting with JavaScript carry it only there).
const MIN_VISIBLE_WORDS: usize = 50;

/// Largest JSON-LD block read; larger ones (no posting is that long) are ignored, so that a
/// hostile page cannot make the parser hold a huge JSON tree.
pub const MAX_JSON_LD_BYTES: usize = 4 * 1024 * 1024;

/// A JSON-LD description of at least this many words is the posting text, whatever the page
/// shows around it.
const MIN_DESCRIPTION_WORDS: usize = 30;

/// The main content element is the posting only when it holds at least this many words (and
/// 40% of the page's).
const MIN_MAIN_WORDS: usize = 50;

/// A block with at least this many links, nearly all of its text in them, is a list of links.
const MIN_LINKS_IN_LIST: usize = 3;

/// Reduces an HTML page or fragment to metadata and blocks.
pub fn extract(html: &str) -> (Metadata, Vec<RawBlock>) {
    let (meta, blocks, _) = extract_with_warnings(html);
    (meta, blocks)
}

/// Reduces an HTML page or fragment to metadata, blocks, and warnings about what was skipped
/// (malformed JSON-LD blocks).
///
/// A schema.org `JobPosting` with a description makes that description the posting text (the
/// page around it is chrome), followed by its `skills`, `qualifications`, `responsibilities`
/// and `experienceRequirements` as sections; its fields fill the metadata.
pub fn extract_with_warnings(html: &str) -> (Metadata, Vec<RawBlock>, Vec<String>) {
    let (meta, blocks, warnings, _) = extract_page(html);
    (meta, blocks, warnings)
}

/// [`extract_with_warnings`], with the page's own date (a saving tool's date, a modification
/// `<meta>`: [`date::PageDates::page_date`]) against which relative dates in its text are
/// read.
pub(crate) fn extract_page(html: &str) -> (Metadata, Vec<RawBlock>, Vec<String>, Option<Stamp>) {
    extract_page_in(html, sites::active(), None)
}

/// [`extract_page`] with site profiles `sites`; `url` is where the page was fetched from, if it
/// was (else the page's own statement of its URL picks the profile).
pub(crate) fn extract_page_in(
    html: &str,
    sites: &Sites,
    url: Option<&str>,
) -> (Metadata, Vec<RawBlock>, Vec<String>, Option<Stamp>) {
    finish(
        stream::walk(html, false),
        fragment_blocks,
        date::saved_date(html),
        Some((html, sites, url)),
    )
}

/// Metadata, blocks, warnings and the page's own date from a walked page; `fragment` reads
/// JSON-LD descriptions; `saved` is the date a saving tool wrote into the page; `page` is the
/// page's HTML with the site profiles and the URL it came from, to apply a site's profile.
fn finish(
    mut walker: Walker,
    fragment: fn(&str) -> Vec<RawBlock>,
    saved: Option<Stamp>,
    page: Option<(&str, &Sites, Option<&str>)>,
) -> (Metadata, Vec<RawBlock>, Vec<String>, Option<Stamp>) {
    let page_title = walker.title.clone();
    // An `og:title` naming another job than the `<title>` beside the same site parts: a
    // template's stale tag; the `<title>` is the page's.
    let og_title = walker
        .og_title
        .clone()
        .filter(|og| !headings::names_another_page(og, page_title.as_deref()));
    let h1 = walker.h1.clone();
    let json_ld = std::mem::take(&mut walker.json_ld);
    let dates = std::mem::take(&mut walker.dates);
    let evidence = std::mem::take(&mut walker.evidence).found;
    let hydrated = std::mem::take(&mut walker.hydration)
        .and_then(|(kind, data)| hydration::employer(kind, &data));
    let (posting, warnings) = jsonld::first_posting(json_ld.iter().map(String::as_str));
    let inline = page.filter(|_| posting.is_none());
    let inline = inline.and_then(|(html, ..)| hydration::inline_job(html));
    let described: usize = json_ld
        .iter()
        .map(|block| block.matches("\"JobPosting\"").count())
        .sum();
    let mut blocks = walker.main_blocks();
    let mut meta = Metadata::default();
    let mut from_description = false;
    let mut office = None;
    if let Some(ld) = posting {
        office = ld.office;
        if let Some(from_ld) = ld.description.as_deref().map(fragment) {
            let ld_words: usize = from_ld.iter().map(|b| words(&b.text)).sum();
            let visible_words: usize = blocks.iter().map(|b| words(&b.text)).sum();
            if ld_words >= MIN_DESCRIPTION_WORDS || visible_words < MIN_VISIBLE_WORDS {
                blocks = from_ld;
                from_description = true;
                for (heading, html) in &ld.sections {
                    let section = fragment(html);
                    if !section.is_empty() {
                        push_block(&mut blocks, BlockKind::Heading(2), heading, false);
                        blocks.extend(section);
                    }
                }
            }
        }
        meta = ld.meta;
    }
    let sourced = |value: Option<String>, rule: &str| {
        value.and_then(clean_meta).map(|text| Sourced {
            text,
            rule: rule.to_owned(),
        })
    };
    let (main_heading, offer_heading) = headings::main_and_offer(
        &evidence,
        [og_title.as_deref(), page_title.as_deref()],
        MAX_HEADING_WORDS,
    );
    let mut facts = PageFacts {
        structured: [
            sourced(meta.title.take(), "JSON-LD JobPosting.title"),
            sourced(meta.company.take(), "JSON-LD JobPosting.hiringOrganization"),
            sourced(meta.location.take(), "JSON-LD JobPosting.jobLocation"),
        ],
        h1: main_heading
            .filter(|_| offer_heading.is_none())
            .map(|h| h.text.clone())
            .or(h1
                .filter(|h| {
                    !evidence
                        .home_h1
                        .as_deref()
                        .is_some_and(|home| starts_with_words(home, h))
                })
                .filter(|_| offer_heading.is_none())),
        heading: evidence.heading.clone().or(offer_heading),
        og_title,
        page_title,
        site_name: evidence.site_name.clone(),
        description: evidence.description.clone(),
        names: evidence
            .names
            .iter()
            .cloned()
            .chain(
                jsonld::organization_names(json_ld.iter().map(String::as_str))
                    .into_iter()
                    .map(|name| (name, "JSON-LD Organization")),
            )
            .collect(),
        subline: main_heading.map(|h| h.subline.clone()).unwrap_or_default(),
        preline: main_heading.map(|h| h.preline.clone()).unwrap_or_default(),
        plain_title: evidence.plain_title.clone(),
        remote: meta.remote == Some(super::Remote::Remote),
        office,
        region_badge: evidence.region_badge.clone(),
        legal_names: evidence.legal_names.clone(),
        addresses: evidence.addresses.clone(),
        postal: evidence.postal.clone(),
        units: evidence.units.clone(),
        parents: evidence.parents.clone(),
        hydrated: hydrated.and_then(|name| sourced(Some(name), "hydration data (a job's company)")),
        ..PageFacts::default()
    };
    for (field, slot) in [Field::Title, Field::Company, Field::Location]
        .into_iter()
        .zip(0..)
    {
        if let (Some(found), Some(cell)) =
            (evidence.microdata(field), facts.microdata.get_mut(slot))
        {
            *cell = sourced(
                Some(found.text.clone()),
                &format!("microdata {}", found.rule),
            );
        }
        // Places labeled alike beside titles labeled alike: cards of other jobs (a posting's
        // own several places share a label with no titles beside them).
        let cards = field == Field::Location
            && evidence.first_place_label_uses >= MIN_CARD_LABELS
            && evidence.title_elements >= MIN_CARD_LABELS;
        if let (Some(found), Some(cell)) = (evidence.labeled(field), facts.labeled.get_mut(slot))
            && !cards
        {
            *cell = sourced(Some(found.text.clone()), &found.rule);
        }
    }
    if let Some(job) = inline {
        job.fill(
            &mut facts.structured,
            &mut blocks,
            fragment,
            MIN_VISIBLE_WORDS,
        );
    }
    let mut boards: &dyn Fn(&str) -> bool = &|_| false;
    let is_board;
    if let Some((html, sites, fetched)) = page {
        is_board = |name: &str| sites.is_board(name);
        boards = &is_board;
        let url = fetched
            .map(str::to_owned)
            .or_else(|| evidence.url.clone())
            .or_else(|| sites::saved_from_url(html));
        let profile = url.as_deref().and_then(|u| sites.for_url(u));
        if let Some(url) = url.as_deref() {
            facts.url_names = meta::page::url_names(url, profile.is_some_and(|p| p.board));
        }
        if let Some(profile) = profile {
            let found = profile.apply(html);
            for (cell, value) in facts.profile.iter_mut().zip(found.fields) {
                *cell = value.and_then(|(text, selector)| {
                    sourced(
                        Some(text),
                        &format!("site profile {}: {selector}", profile.name),
                    )
                });
            }
            if facts.profile[1].is_none()
                && let Some(employer) = &profile.employer
            {
                facts.profile[1] = sourced(
                    Some(employer.clone()),
                    &format!("site profile {}: employer", profile.name),
                );
            }
            if !from_description {
                if let Some(description) = found.description {
                    let from_profile = fragment(&description);
                    if !from_profile.is_empty() {
                        blocks = Vec::with_capacity(found.details.len() + from_profile.len());
                        for detail in &found.details {
                            push_block(&mut blocks, BlockKind::Paragraph, detail, false);
                        }
                        blocks.extend(from_profile);
                    }
                } else if let Some(kept) = found.page {
                    blocks = stream::walk(&kept, false).main_blocks();
                }
            }
        }
    }
    facts.text_name = meta::page::name_in_text(
        blocks.iter().take(MAX_NAME_BLOCKS).map(|b| b.text.as_str()),
        &facts.url_names,
    );
    facts.text_place =
        meta::page::place_in_text(blocks.iter().take(MAX_NAME_BLOCKS).map(|b| b.text.as_str()));
    facts.text_named_place = meta::page::named_place_in_text(
        blocks.iter().take(MAX_NAME_BLOCKS).map(|b| b.text.as_str()),
    );
    // "Ksplice @ Oracle | Devops | ...": a first line of parts names the company itself (read
    // later, with the text), before any statement of the text does.
    let parted_first_line = blocks
        .first()
        .is_some_and(|b| b.text.split('|').filter(|p| !p.trim().is_empty()).count() >= 2);
    facts.text_seeker =
        meta::page::seeker_in_text(blocks.iter().take(MAX_NAME_BLOCKS).map(|b| b.text.as_str()));
    facts.text_employer = meta::page::employer_in_text(blocks.iter().map(|b| b.text.as_str()))
        .filter(|_| !parted_first_line);
    facts.author = named::author(&evidence.names, &blocks);
    facts.copyright_named = named::copyright_named(&evidence.names, &blocks);
    facts.site_named = named::site_named(facts.site_name.as_deref(), &evidence.names, &blocks);
    let fields = meta::page::choose(&facts, boards);
    meta.postings_on_page = (described >= MIN_LISTED_POSTINGS).then_some(described);
    // "Job Openings" over 19 links to the site's job pages (a careers site's list, a board's
    // table of ads): as many jobs as cards labeled alike.
    meta.titled_on_page =
        headings::job_cards(&evidence, facts.heading.as_deref(), MIN_TITLE_ELEMENTS).or((evidence
            .job_links
            .len()
            >= MIN_JOB_LINKS)
            .then_some(evidence.job_links.len()));
    meta.list_title = [
        facts.page_title.as_deref(),
        facts.og_title.as_deref(),
        facts.h1.as_deref(),
    ]
    .into_iter()
    .flatten()
    .find(|t| super::is_posting::names_a_list(t))
    .map(str::to_owned)
    .or_else(|| {
        let words = blocks.iter().map(|b| words(&b.text)).sum();
        headings::list_heading(&evidence, facts.heading.as_deref(), words, MAX_LIST_WORDS)
    })
    .and_then(clean_meta);
    meta.sources = FieldSources {
        title: fields.title.as_ref().map(|f| f.rule.clone()),
        company: fields.company.as_ref().map(|f| f.rule.clone()),
        location: fields.location.as_ref().map(|f| f.rule.clone()),
    };
    meta.title = fields.title.map(|f| f.text);
    meta.company = fields.company.map(|f| f.text);
    meta.location = fields.location.map(|f| f.text);
    // "Ashburton, Melbourne VIC (Hybrid)": the workplace goes to `remote`, the place stays.
    if let Some(place) = &meta.location
        && let Some((before, last)) = place.rsplit_once(" (")
        && let Some(inside) = last.strip_suffix(')')
        && let Some(workplace) = meta::remote_of_place(inside)
    {
        meta.remote = meta.remote.or(Some(workplace));
        meta.location = Some(before.trim().to_owned());
    }
    let page = dates.page_date(saved);
    if meta.date_posted.is_none() {
        meta.date_posted = dates.posted(page).map(date::Date::to_column);
    }
    (meta, blocks, warnings, page)
}

/// Most words in an `<h1>` that the page's titles do not repeat before it reads as a banner's
/// sentence rather than a job's title.
const MAX_HEADING_WORDS: usize = 8;

/// Most words of a page whose main heading names a list of jobs ("Offres d'emploi") that is
/// that list.
const MAX_LIST_WORDS: usize = 150;

/// Words in a block's text (single spaces between words, as blocks have them).
fn words(text: &str) -> usize {
    memchr::memchr_iter(b' ', text.as_bytes()).count() + 1
}

/// Blocks of a page's text searched for the name in its URL.
const MAX_NAME_BLOCKS: usize = 200;

/// Longest title or company kept, in characters: a page cannot fill a cell with megabytes.
const MAX_META_CHARS: usize = 300;

/// Longest inline bold heading cut out of its line, in characters, colon included (as
/// [`super::sections`] takes a bold block as a heading).
const MAX_BOLD_HEADING_CHARS: usize = 80;

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

/// The attributes of an element, as the walker reads them.
trait Attributes {
    /// The value of attribute `name` (lowercase), `Some("")` for a bare attribute.
    fn attr(&self, name: &str) -> Option<&str>;
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
    /// Where the outermost open `<b>`/`<strong>` began in `buf`: its byte offset, and `chars`
    /// and `bold_chars` then.
    bold_start: Option<(usize, usize, usize)>,
    list_item: usize,
    heading: Option<u8>,
    title: Option<String>,
    in_title: bool,
    h1: Option<String>,
    og_title: Option<String>,
    json_ld: Vec<String>,
    in_json_ld: bool,
    /// The first hydration script (`__NUXT_DATA__`, `__NEXT_DATA__`), and whether it is open.
    hydration: Option<(hydration::Kind, String)>,
    in_hydration: bool,
    /// Depth inside the main content element (`<main>`, `role=main`, else the first
    /// `<article>`), 0 outside; and the blocks it produced, once closed.
    main_depth: usize,
    main_start: usize,
    main: Option<(usize, usize)>,
    article_depth: usize,
    article_start: usize,
    article: Option<(usize, usize)>,
    /// The dates the page states in its markup.
    dates: PageDates,
    /// Evidence of the title, company and location in the markup.
    evidence: evidence::Collector,
}

impl Walker {
    /// The posting's main content: the blocks of `<main>` (or `role=main`, else the first
    /// `<article>`) when it holds most of the page's text; every block otherwise.
    fn main_blocks(mut self) -> Vec<RawBlock> {
        if self.main.is_none() && self.article.is_none() {
            return self.blocks;
        }
        let words = |blocks: &[RawBlock]| -> usize { blocks.iter().map(|b| words(&b.text)).sum() };
        let total = words(&self.blocks);
        for range in [self.main, self.article].into_iter().flatten() {
            let (start, end) = range;
            let Some(inside) = self.blocks.get(start..end) else {
                continue;
            };
            let kept = words(inside);
            if kept >= MIN_MAIN_WORDS && kept * 10 >= total * 4 {
                self.blocks.truncate(end);
                self.blocks.drain(..start);
                return self.blocks;
            }
        }
        self.blocks
    }

    fn open_element(&mut self, name: &str, el: &impl Attributes) {
        self.evidence.open(name, el);
        match name {
            // The first `<title>` only: a second one (a page pasted twice, an SVG's) is not the
            // page's.
            "title" => self.in_title = self.title.is_none(),
            "meta" => {
                let property = el.attr("property").or_else(|| el.attr("name"));
                if property == Some("og:title") {
                    self.og_title = el.attr("content").map(str::to_owned);
                }
                if let Some(content) = el.attr("content") {
                    for key in ["property", "name", "itemprop"] {
                        if let Some(name) = el.attr(key) {
                            self.dates.meta(name, content);
                        }
                    }
                }
            }
            "script" if el.attr("type") == Some("application/ld+json") => {
                self.in_json_ld = true;
                self.json_ld.push(String::new());
            }
            "script" if self.hydration.is_none() => {
                let kind = match el.attr("id") {
                    Some("__NUXT_DATA__") => Some(hydration::Kind::Nuxt),
                    Some("__NEXT_DATA__") => Some(hydration::Kind::Next),
                    _ => None,
                };
                if let Some(kind) = kind {
                    self.hydration = Some((kind, String::new()));
                    self.in_hydration = true;
                }
            }
            _ => {}
        }
        self.dates.open(
            name,
            el.attr("itemprop"),
            el.attr("content").or_else(|| el.attr("datetime")),
            el.attr("class"),
            el.attr("title"),
        );
        if self.skip > 0 {
            self.skip += 1;
            return;
        }
        if dropped(name, el) {
            self.skip = 1;
            return;
        }
        if is_block(name) {
            self.flush();
        }
        if self.main_depth > 0 {
            self.main_depth += 1;
        } else if self.main.is_none() && (name == "main" || el.attr("role") == Some("main")) {
            self.main_depth = 1;
            self.main_start = self.blocks.len();
        }
        if self.article_depth > 0 {
            self.article_depth += 1;
        } else if self.article.is_none() && name == "article" {
            self.article_depth = 1;
            self.article_start = self.blocks.len();
        }
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.heading = name[1..].parse().ok();
            }
            "li" | "dt" | "dd" => self.list_item += 1,
            "b" | "strong" => {
                if self.bold == 0 {
                    self.bold_start = Some((self.buf.len(), self.chars, self.bold_chars));
                }
                self.bold += 1;
            }
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

    fn close_element(&mut self, name: &str) {
        self.evidence.close();
        self.dates.close();
        match name {
            "title" => self.in_title = false,
            "script" => {
                self.in_json_ld = false;
                self.in_hydration = false;
            }
            _ => {}
        }
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        if is_block(name) || name == "br" {
            self.flush();
        }
        if self.main_depth > 0 {
            self.main_depth -= 1;
            if self.main_depth == 0 {
                self.flush();
                self.main = Some((self.main_start, self.blocks.len()));
            }
        }
        if self.article_depth > 0 {
            self.article_depth -= 1;
            if self.article_depth == 0 {
                self.flush();
                self.article = Some((self.article_start, self.blocks.len()));
            }
        }
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => self.heading = None,
            "li" | "dt" | "dd" => self.list_item = self.list_item.saturating_sub(1),
            "b" | "strong" => {
                self.bold = self.bold.saturating_sub(1);
                if self.bold == 0 {
                    self.split_bold_heading();
                }
            }
            "a" => self.link = self.link.saturating_sub(1),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        self.dates.text(text);
        self.evidence.text(text);
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
        if self.in_hydration
            && let Some((_, data)) = &mut self.hydration
        {
            // Data too large is dropped whole, like a JSON-LD block.
            if data.len() + text.len() > MAX_JSON_LD_BYTES {
                self.hydration = None;
                self.in_hydration = false;
            } else {
                data.push_str(text);
            }
        }
        if self.skip > 0 {
            return;
        }
        let visible = push_collapsed_counting(&mut self.buf, text);
        self.chars += visible;
        if self.bold > 0 {
            self.bold_chars += visible;
        }
        if self.link > 0 {
            self.link_chars += visible;
        }
    }

    /// Makes the bold run that just closed a block of its own when it is a known section
    /// heading ending with a colon written inline, in the flow of text, as hh.ru descriptions
    /// do: "— Участвовать в тестировании.   <strong>Мы предлагаем:</strong> — Наставничество
    /// ...". The text before it ends a block there, and the text after it starts one, so that
    /// the heading starts its section ([`super::sections`]) and takes no item along. A bold
    /// label of no known section ("<b>Location:</b> Berlin") stays in its line.
    fn split_bold_heading(&mut self) {
        let Some((start, chars, bold_chars)) = self.bold_start.take() else {
            return;
        };
        if self.heading.is_some() || self.skip > 0 {
            return;
        }
        let Some(run) = self.buf.get(start..) else {
            return;
        };
        let run = run.trim();
        let Some(label) = run.strip_suffix(':') else {
            return;
        };
        if label.is_empty()
            || run.chars().count() > MAX_BOLD_HEADING_CHARS
            || super::sections::classify_heading(label).is_none()
        {
            return;
        }
        let run = self.buf.split_off(start);
        let (run_chars, run_bold) = (self.chars - chars, self.bold_chars - bold_chars);
        self.chars = chars;
        self.bold_chars = bold_chars;
        self.flush();
        self.buf = run;
        self.chars = run_chars;
        self.bold_chars = run_bold;
        self.flush();
    }

    fn flush(&mut self) {
        self.bold_start = None;
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

/// Whether a `<form>` wraps the whole page, as ASP.NET Web Forms pages do
/// (`<form id="aspnetForm" action="JobView.aspx">`), or the posting, as ATS pages do
/// (`<form name="frmJobDetail">`): it is the page, not a form on it.
fn page_form(el: &impl Attributes) -> bool {
    el.attr("id").is_some_and(|id| {
        ["form1", "aspnetform", "mainform", "theform"]
            .iter()
            .any(|page| id.eq_ignore_ascii_case(page))
    }) || ["id", "name"].into_iter().any(|key| {
        el.attr(key).is_some_and(|value| {
            let value = value.to_ascii_lowercase();
            // "detailOffre", "vacancyDetail": a form wrapping a detail page's content.
            ["detail", "jobview", "jobposting", "jobdescription"]
                .iter()
                .any(|form| value.contains(form))
        })
    }) || el
        .attr("action")
        .is_some_and(|action| action.to_ascii_lowercase().contains(".aspx"))
}

/// Elements whose content is never posting text.
fn dropped(name: &str, el: &impl Attributes) -> bool {
    if name == "form" && page_form(el) {
        return false;
    }
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
    if matches!(name, "body" | "main" | "article") {
        return false;
    }
    el.attr("id").is_some_and(marks_chrome) || el.attr("class").is_some_and(marks_chrome)
}

/// Words in an `id` or `class` that mark page chrome around a posting: cookie and consent
/// banners, related or recommended jobs, share widgets, sign-in prompts, breadcrumbs.
const CHROME_MARKS: &[&str] = &[
    "cookie",
    "consent",
    "gdpr",
    "onetrust",
    "related-job",
    "relatedjob",
    "related_job",
    "recommended",
    "recommendation",
    "similar-job",
    "similarjob",
    "similar_job",
    "more-jobs",
    "other-jobs",
    "share-button",
    "sharebutton",
    "social-share",
    "share-job",
    "sharing",
    "signin",
    "sign-in",
    "login",
    "log-in",
    "breadcrumb",
    "newsletter",
];

/// [`CHROME_MARKS`] in one automaton, ASCII case-insensitive: checked on every `id` and
/// `class` of a page, so it must not allocate.
static CHROME: std::sync::LazyLock<Option<AhoCorasick>> = std::sync::LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(CHROME_MARKS)
        .ok()
});

fn marks_chrome(value: &str) -> bool {
    CHROME.as_ref().is_some_and(|marks| marks.is_match(value))
}

pub use crate::escape::html as escape;

/// Blocks of an HTML fragment (a description from JSON-LD or a job-board API).
pub fn fragment_blocks(html: &str) -> Vec<RawBlock> {
    stream::walk(html, true).blocks
}

/// The first `JobPosting` object of a JSON-LD block (also inside arrays and `@graph`); `None`
/// when the block is not valid JSON or holds no posting.
pub fn json_ld_posting(json: &str) -> Option<jsonld::LdPosting> {
    if json.len() > MAX_JSON_LD_BYTES {
        return None;
    }
    jsonld::first_posting(std::iter::once(json)).0
}

/// Whether `text` starts with the words of `start`, white space aside (an `<h1>`'s first
/// line and the whole `<h1>`).
fn starts_with_words(text: &str, start: &str) -> bool {
    let mut words = text.split_whitespace();
    start.split_whitespace().all(|w| words.next() == Some(w))
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

    /// hh.ru writes its headings inline: a bold known heading with a colon becomes a block of
    /// its own (DmitriyZubkov41/hh.ru, vacancies_2026-02-12.html, row 2); a bold label of no
    /// known section stays in its line.
    #[test]
    fn inline_bold_headings_are_blocks() {
        let html = "<div>Сейчас мы ищем разработчика.</div>   <strong>Что ты будешь делать:</strong> \
                    — Работать над API.<br />— Участвовать в тестировании.   \
                    <strong>Мы предлагаем:</strong> — Наставничество.<br />\
                    <p><b>Location:</b> Berlin</p>";
        let blocks = texts(html);
        let texts: Vec<&str> = blocks.iter().map(|b| b.1.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Сейчас мы ищем разработчика.",
                "Что ты будешь делать:",
                "— Работать над API.",
                "— Участвовать в тестировании.",
                "Мы предлагаем:",
                "— Наставничество.",
                "Location: Berlin",
            ]
        );
        assert!(blocks[4].2);
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
