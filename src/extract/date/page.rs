//! The dates a page states about itself: `<meta>` publication and modification tags, microdata
//! `itemprop="datePosted"`, a Hacker News comment's own timestamp (gathered while the HTML is
//! walked, in [`PageDates`]), the saved date SingleFile writes into a page, and a Markdown front
//! matter.

use super::{Date, Stamp, digits, iso, stated};

/// `<meta>` names and properties that give a page's publication date, most trusted first.
const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "datecreated",
    "publish-date",
    "publish_date",
    "publishdate",
    "pubdate",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.issued",
    "dcterms.created",
    "dc.date",
    "date",
];

/// `<meta>` names and properties that give the date a page was last modified or crawled: the
/// page's own date, against which relative dates are read.
const MODIFIED_META: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "og:article:modified_time",
    "datemodified",
    "last-modified",
    "dcterms.modified",
    "dc.date.modified",
    "revised",
];

/// The dates an HTML page states about itself, gathered while it is walked.
#[derive(Debug, Default)]
pub struct PageDates {
    /// The best publication `<meta>` so far: its rank in [`PUBLISHED_META`] and its date.
    published: Option<(usize, Date)>,
    /// The latest modification `<meta>` date.
    modified: Option<Stamp>,
    /// The first microdata `itemprop="datePosted"` value.
    microdata: Option<Date>,
    /// Depth inside the microdata `datePosted` element whose text is read (0: outside).
    microdata_depth: usize,
    /// Its text so far.
    microdata_text: String,
    /// Depth inside a Hacker News `<table class="fatitem">` (0: outside), inside its
    /// `span.comhead` and inside the `span.age` of that comment head.
    fatitem_depth: usize,
    comhead_depth: usize,
    age_depth: usize,
    /// The text of that `span.age` ("on Nov 1, 2017"), when it has no `title`.
    age_text: String,
    /// The Hacker News comment's own date.
    hn_comment: Option<Date>,
}

/// Whether the space-separated `class` list holds `name`.
fn has_class(class: Option<&str>, name: &str) -> bool {
    class.is_some_and(|c| c.split_ascii_whitespace().any(|w| w == name))
}

impl PageDates {
    /// A `<meta>` tag: its `name` (or `property`, `itemprop`) and `content`.
    pub fn meta(&mut self, name: &str, content: &str) {
        let name = name.trim().to_ascii_lowercase();
        if let Some(rank) = PUBLISHED_META.iter().position(|m| *m == name) {
            if let Some(stamp) = iso(content)
                && self.published.is_none_or(|(best, _)| rank < best)
            {
                self.published = Some((rank, stamp.date));
            }
        } else if MODIFIED_META.contains(&name.as_str())
            && let Some(stamp) = iso(content)
            && self.modified.is_none_or(|m| stamp.date > m.date)
        {
            self.modified = Some(stamp);
        }
    }

    /// An element opens: `itemprop`, `content`, `datetime`, `class` and `title` are the
    /// attributes read.
    pub fn open(
        &mut self,
        name: &str,
        itemprop: Option<&str>,
        value: Option<&str>,
        class: Option<&str>,
        title: Option<&str>,
    ) {
        if self.microdata_depth > 0 {
            self.microdata_depth += 1;
        } else if self.microdata.is_none()
            && itemprop.is_some_and(|p| p.split_ascii_whitespace().any(|p| p == "datePosted"))
        {
            match value {
                Some(value) => self.microdata = iso(value).map(|s| s.date),
                None if name != "meta" => {
                    self.microdata_depth = 1;
                    self.microdata_text.clear();
                }
                None => {}
            }
        }
        if self.fatitem_depth > 0 {
            self.fatitem_depth += 1;
            if self.comhead_depth > 0 {
                self.comhead_depth += 1;
            }
            if self.age_depth > 0 {
                self.age_depth += 1;
            }
            if self.hn_comment.is_none() && name == "span" {
                if self.comhead_depth == 0 && has_class(class, "comhead") {
                    self.comhead_depth = 1;
                } else if self.comhead_depth > 0 && self.age_depth == 0 && has_class(class, "age") {
                    match title.and_then(iso) {
                        Some(stamp) => self.hn_comment = Some(stamp.date),
                        None => {
                            self.age_depth = 1;
                            self.age_text.clear();
                        }
                    }
                }
            }
        } else if name == "table" && has_class(class, "fatitem") {
            self.fatitem_depth = 1;
        }
    }

    /// An element closes.
    pub fn close(&mut self) {
        if self.microdata_depth > 0 {
            self.microdata_depth -= 1;
            if self.microdata_depth == 0 {
                self.microdata = iso(&self.microdata_text)
                    .map(|s| s.date)
                    .or_else(|| stated(self.microdata_text.trim(), None));
                self.microdata_text = String::new();
            }
        }
        if self.fatitem_depth > 0 {
            self.fatitem_depth -= 1;
            if self.age_depth > 0 {
                self.age_depth -= 1;
                if self.age_depth == 0 {
                    // "on Nov 1, 2017"; a relative "6 days ago" has nothing to be read against.
                    self.hn_comment = stated(self.age_text.trim(), Some("en"));
                    self.age_text = String::new();
                }
            }
            self.comhead_depth = self.comhead_depth.saturating_sub(1);
            // A second comment head in the item (none on HN) is not read.
            if self.fatitem_depth == 0 {
                self.comhead_depth = 0;
                self.age_depth = 0;
            }
        }
    }

    /// Text, wherever it is (also inside dropped elements).
    pub fn text(&mut self, text: &str) {
        const MAX_TEXT: usize = 200;
        for (depth, buf) in [
            (self.microdata_depth, &mut self.microdata_text),
            (self.age_depth, &mut self.age_text),
        ] {
            if depth > 0 && buf.len() + text.len() <= MAX_TEXT {
                buf.push_str(text);
            }
        }
    }

    /// The page's own date: the date a saving tool wrote into it (`saved`: when the text was
    /// read), else its latest modification `<meta>`.
    pub fn page_date(&self, saved: Option<Stamp>) -> Option<Stamp> {
        saved.or(self.modified)
    }

    /// The posting date the page states in markup: microdata `datePosted`, a publication
    /// `<meta>`, a Hacker News comment's own timestamp, in that order; none after `page`.
    pub fn posted(&self, page: Option<Stamp>) -> Option<Date> {
        [
            self.microdata,
            self.published.map(|(_, d)| d),
            self.hn_comment,
        ]
        .into_iter()
        .flatten()
        .find(|d| page.is_none_or(|p| *d <= p.date))
    }
}

/// The date SingleFile writes into the pages it saves
/// (`<!--\n Page saved with SingleFile \n url: ... \n saved date: Tue Mar 05 2024 10:20:30
/// GMT+0100 (...)\n-->`), as the saver's clock showed it.
pub fn saved_date(html: &str) -> Option<Stamp> {
    const MARK: &str = "saved date: ";
    // The comment sits at the top of the page.
    let head = html.get(..html.len().min(4096)).unwrap_or_else(|| {
        // Not on a character boundary: the first 4096 bytes rounded down.
        let mut end = html.len().min(4096);
        while !html.is_char_boundary(end) {
            end -= 1;
        }
        html.get(..end).unwrap_or_default()
    });
    if !head.contains("SingleFile") {
        return None;
    }
    let at = head.find(MARK)? + MARK.len();
    let value = head.get(at..)?;
    let date = stated(value, Some("en"))?;
    // "Tue Mar 05 2024 10:20:30": the time after the year.
    let seconds = value
        .split_whitespace()
        .nth(4)
        .and_then(|t| {
            let b = t.as_bytes();
            Some(digits(b, 2)? * 3600 + digits(b.get(3..)?, 2)? * 60 + digits(b.get(6..)?, 2)?)
        })
        .filter(|&s| s < 86_400);
    Some(Stamp { date, seconds })
}

// ---------------------------------------------------------------------------------------------
// Markdown front matter and headings

/// Front-matter keys that give the posting date.
const POSTED_KEYS: &[&str] = &[
    "date_posted",
    "dateposted",
    "posted",
    "posted_at",
    "published",
];

/// Front-matter keys that give the document's own date (the page's date, not the posting's).
const PAGE_KEYS: &[&str] = &[
    "date",
    "updated",
    "lastmod",
    "last_modified",
    "modified",
    "scraped",
    "scraped_at",
    "fetched",
    "fetched_at",
    "crawled",
    "crawled_at",
    "saved",
];

/// The posting date and the document's own date that a Markdown document states in a YAML
/// front matter (`---` lines around `key: value` lines at its very start) or, for the
/// document's date, in its first heading (`# Jobs, 2024-06-01`: an ISO date in it).
pub fn front_matter(markdown: &str) -> (Option<Date>, Option<Stamp>) {
    let mut posted = None;
    let mut page = None;
    let mut lines = markdown.trim_start_matches('\u{feff}').lines();
    if lines.next().map(str::trim_end) == Some("---") {
        for line in lines.by_ref().take(100) {
            if matches!(line.trim_end(), "---" | "...") {
                break;
            }
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let key = key.trim().to_ascii_lowercase();
            let value = value.trim().trim_matches(['"', '\'']);
            if posted.is_none() && POSTED_KEYS.contains(&key.as_str()) {
                posted = iso(value).map(|s| s.date);
            } else if page.is_none() && PAGE_KEYS.contains(&key.as_str()) {
                page = iso(value);
            }
        }
    }
    if page.is_none() {
        page = markdown
            .lines()
            .map(str::trim)
            .find(|l| l.starts_with('#'))
            .and_then(|heading| {
                heading.char_indices().find_map(|(at, c)| {
                    (c.is_ascii_digit()).then(|| heading.get(at..).and_then(iso_in_text))?
                })
            });
    }
    let posted = posted.filter(|d| page.is_none_or(|p: Stamp| *d <= p.date));
    (posted, page)
}

/// An ISO date at the start of a piece of text, followed by a word boundary.
fn iso_in_text(text: &str) -> Option<Stamp> {
    let date = text.get(..10)?;
    let after = text.get(10..).unwrap_or_default();
    if after.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    iso(date)
}
