//! Site profiles: host patterns -> CSS selectors for a job page's title, company, location,
//! description and the parts to drop, as data (`sites/job-sites.toml`, embedded; a user's
//! files extend it with `--sites FILE`), and the words pages put before a field's value
//! (`sites/labels.toml`, embedded; a user's file adds words in its `[labels]` table), and the
//! keys of a scraped JSON record's fields (`sites/record-keys.toml`, embedded; a user's file
//! adds `[[record_keys]]` tables).
//!
//! This module owns the profile format, its strict loading, the recognition of a page's site
//! (from the URL it was fetched from, else from the URL the page states about itself: canonical
//! link, `og:url`, a saving tool's "saved from" comment) and the application of a profile's
//! selectors (scraper: html5ever and the `selectors` crate, the parser and selector engine of
//! Servo). A page of a site with no profile is never parsed a second time.

use std::path::Path;
use std::sync::{LazyLock, OnceLock};

use scraper::{ElementRef, Html, Selector};
use serde::Deserialize;

/// The built-in site profiles, `sites/job-sites.toml`.
pub const DEFAULT_SITES: &str = include_str!("../../sites/job-sites.toml");

/// The name under which the built-in profiles are reported.
pub const DEFAULT_SITES_NAME: &str = "sites/job-sites.toml (built in)";

/// The built-in label words, `sites/labels.toml`.
pub const DEFAULT_LABELS: &str = include_str!("../../sites/labels.toml");

/// The name under which the built-in label words are reported.
pub const DEFAULT_LABELS_NAME: &str = "sites/labels.toml (built in)";

/// The words pages put before a field's value, lowercase, by field: the lists of
/// `sites/labels.toml`, extended by the `[labels]` table of a user's site file.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelWords {
    /// Labels an element may start its value with ("Location: Berlin").
    #[serde(default)]
    pub value: Vec<String>,
    /// Labels that stand alone before a place ("Office locations", "Sijainti").
    #[serde(default)]
    pub location: Vec<String>,
    /// Labels that stand alone before the employer ("Company", "Työnantaja").
    #[serde(default)]
    pub company: Vec<String>,
    /// Labels that stand alone before the job title ("Job title").
    #[serde(default)]
    pub title: Vec<String>,
    /// Labels whose value is a place only when it reads "City, Region".
    #[serde(default)]
    pub place_name: Vec<String>,
    /// Names a page gives itself instead of a job's title ("Job details", "Jobannonce").
    #[serde(default)]
    pub page_name: Vec<String>,
    /// Legal forms that end a company's registered name ("A/S", "GmbH", "B.V.").
    #[serde(default)]
    pub legal_form: Vec<String>,
    /// Phrases of a posting's text after which the job's place is named ("this position is
    /// located in").
    #[serde(default)]
    pub place_phrase: Vec<String>,
    /// Phrases of a posting's text after which the employer's name and its town follow ("to
    /// join our team at Engage Hub Manchester").
    #[serde(default)]
    pub name_place_phrase: Vec<String>,
    /// Labels and values of the fields jobfit does not read as a title, company or place
    /// (start date, employment type, workload: "Starttermin", "Full Time"): a run that is one
    /// of them is never the employer's name or the job's place.
    #[serde(default)]
    pub other: Vec<String>,
    /// Kinds of business a site's tagline ends with ("agency", "company"): with only
    /// `business_field` words before it, the tagline describes the site's owner and names no
    /// employer and no job ("Software Development Company").
    #[serde(default)]
    pub business_kind: Vec<String>,
    /// Words of a field of work that a tagline puts before its kind of business ("user",
    /// "experience", "design", "software", "development").
    #[serde(default)]
    pub business_field: Vec<String>,
    /// Calls to action a page's sharing title ends its job's title with ("Starte bei X",
    /// "Start at X"): such a title is a teaser, not the job's title.
    #[serde(default)]
    pub call_to_action: Vec<String>,
    /// Verbs a heading puts before the job's role ("Devenir agent", "Become a nurse"): cut
    /// from the title.
    #[serde(default)]
    pub title_lead: Vec<String>,
    /// Words before a site's owner that make a part of a page title its careers site's name
    /// ("Jobbe i SpareBank 1", "Careers at Acme"): the owner is what follows.
    #[serde(default)]
    pub careers_lead: Vec<String>,
    /// Words for a count of two or more that a careers page's heading opens with ("Deux
    /// profils recherchés").
    #[serde(default)]
    pub count_word: Vec<String>,
    /// Words for roles after such a count ("profils", "positions"): the heading counts the
    /// roles listed under it, and the page is their list.
    #[serde(default)]
    pub roles_noun: Vec<String>,
    /// Labels of a bare name ("Nom", "Name"): the employer's only under a heading about the
    /// company ("Informations sur l'entreprise"); elsewhere a contact's or a form's.
    #[serde(default)]
    pub name: Vec<String>,
    /// Labels of a unit of the employer ("Business Unit", "Department"): a name a page labels
    /// so is a part of the employer, not the employer.
    #[serde(default)]
    pub unit: Vec<String>,
    /// Phrases of a careers page that offers no job but invites unsolicited applications
    /// ("Initiativbewerbungen nehmen wir jederzeit gern ... entgegen").
    #[serde(default)]
    pub unsolicited: Vec<String>,
    /// What a page says where its content failed to load ("Oops, an error occurred!"): a
    /// short page that says one is no posting.
    #[serde(default)]
    pub error_page: Vec<String>,
    /// What a careers page says when it has no opening ("Aktuell sind alle freien Stellen
    /// besetzt", "il nostro staff è completo"): a short page with no section of a posting
    /// that says one is no posting.
    #[serde(default)]
    pub no_openings: Vec<String>,
    /// What a page says when its job is gone ("no longer available", "position has been
    /// filled"): a short page that says one is that notice, not the posting.
    #[serde(default)]
    pub closed: Vec<String>,
    /// Words of a site's name that make it a board of ads or jobs ("Job Board", "Avisos"):
    /// such a site's name is never the employer, as a listed board's is not.
    #[serde(default)]
    pub board: Vec<String>,
    /// Phrases between a unit's name and its organization's ("is part of"): a unit read as
    /// the company gives way to its organization.
    #[serde(default)]
    pub part_of: Vec<String>,
    /// Pronouns a page's "`<title>` bei X" or "join X" names its employer by ("uns", "us",
    /// "nous"): never the employer's name.
    #[serde(default)]
    pub pronoun: Vec<String>,
}

impl LabelWords {
    /// Adds `other`'s words, written as labels are compared: trimmed, lowercase, without a
    /// trailing colon.
    fn extend(&mut self, other: LabelWords) {
        for (list, more) in [
            (&mut self.value, other.value),
            (&mut self.location, other.location),
            (&mut self.company, other.company),
            (&mut self.title, other.title),
            (&mut self.place_name, other.place_name),
            (&mut self.page_name, other.page_name),
            (&mut self.legal_form, other.legal_form),
            (&mut self.place_phrase, other.place_phrase),
            (&mut self.name_place_phrase, other.name_place_phrase),
            (&mut self.other, other.other),
            (&mut self.business_kind, other.business_kind),
            (&mut self.business_field, other.business_field),
            (&mut self.call_to_action, other.call_to_action),
            (&mut self.title_lead, other.title_lead),
            (&mut self.careers_lead, other.careers_lead),
            (&mut self.count_word, other.count_word),
            (&mut self.roles_noun, other.roles_noun),
            (&mut self.name, other.name),
            (&mut self.unit, other.unit),
            (&mut self.unsolicited, other.unsolicited),
            (&mut self.error_page, other.error_page),
            (&mut self.no_openings, other.no_openings),
            (&mut self.closed, other.closed),
            (&mut self.board, other.board),
            (&mut self.part_of, other.part_of),
            (&mut self.pronoun, other.pronoun),
        ] {
            for word in more {
                let word = word
                    .trim()
                    .trim_end_matches([':', '：'])
                    .trim()
                    .to_lowercase();
                if !word.is_empty() && !list.contains(&word) {
                    list.push(word);
                }
            }
        }
    }
}

/// Why a site profile file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum SitesError {
    /// The file could not be read.
    #[error("{file}: {source}")]
    Io {
        /// The file.
        file: String,
        /// What went wrong.
        source: std::io::Error,
    },
    /// The file is not a valid profile file.
    #[error("{file}: {message}")]
    Invalid {
        /// The file.
        file: String,
        /// What is wrong, with the line where toml says.
        message: String,
    },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SitesFile {
    #[serde(default)]
    site: Vec<SiteTable>,
    labels: Option<LabelWords>,
    #[serde(default)]
    record_keys: Vec<KeyTable>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteTable {
    name: String,
    hosts: Vec<String>,
    #[serde(default)]
    board: bool,
    #[serde(default)]
    aliases: Vec<String>,
    employer: Option<String>,
    #[serde(default)]
    title: Vec<String>,
    #[serde(default)]
    company: Vec<String>,
    #[serde(default)]
    location: Vec<String>,
    #[serde(default)]
    description: Vec<String>,
    #[serde(default)]
    details: Vec<String>,
    #[serde(default)]
    drop: Vec<String>,
}

/// One site's profile, its selectors compiled.
#[derive(Debug)]
pub struct SiteProfile {
    /// The site's name (`LinkedIn`).
    pub name: String,
    /// Hosts it covers: the host or any subdomain of it.
    pub hosts: Vec<String>,
    /// Whether the site is a job board or an ATS (its name is never the employer).
    pub board: bool,
    /// Names the site goes by in page titles (`Indeed.com`).
    pub aliases: Vec<String>,
    /// The employer, for a company's own careers site.
    pub employer: Option<String>,
    fields: [Vec<(String, Selector)>; 3],
    description: Vec<(String, Selector)>,
    details: Vec<(String, Selector)>,
    drop: Vec<(String, Selector)>,
}

/// All profiles, built-in and the user's; later files come first, so a user's profile of a
/// host wins over the built-in one.
#[derive(Debug, Default)]
pub struct Sites {
    profiles: Vec<SiteProfile>,
    /// Lowercase names of every board and ATS, for cutting them from titles.
    board_names: Vec<String>,
    /// The label words, built-in and the user's.
    labels: LabelWords,
    /// The keys of a scraped JSON record's fields, built-in and the user's.
    record_keys: RecordKeys,
    /// The legal forms of `labels`, indexed when first asked for.
    legal_forms: OnceLock<LegalForms>,
    /// The label lists that name a field, as sets when first asked for.
    label_sets: OnceLock<LabelSets>,
    /// The `closed` phrases of `labels`, as one automaton when first asked for.
    closed: OnceLock<Phrases>,
    /// The `no_openings` phrases of `labels`, likewise.
    no_openings: OnceLock<Phrases>,
}

/// Phrases looked for in a lowercase text in one pass.
#[derive(Debug)]
pub struct Phrases {
    /// The automaton of the phrases; `None` only if it could not be built.
    automaton: Option<aho_corasick::AhoCorasick>,
    /// The phrases, for the slow path.
    phrases: Vec<String>,
}

impl Phrases {
    fn new(phrases: &[String]) -> Phrases {
        Phrases {
            automaton: aho_corasick::AhoCorasick::new(phrases).ok(),
            phrases: phrases.to_vec(),
        }
    }

    /// Whether `lower` holds one of the phrases.
    pub fn is_match(&self, lower: &str) -> bool {
        match &self.automaton {
            Some(automaton) => automaton.is_match(lower),
            None => self.phrases.iter().any(|p| lower.contains(p.as_str())),
        }
    }
}

mod label_sets;
mod legal_forms;
mod record_keys;

pub use label_sets::{LabelSet, LabelSets, cjk};
pub use legal_forms::{LegalForms, bare};
pub use record_keys::{
    DEFAULT_RECORD_KEYS, DEFAULT_RECORD_KEYS_NAME, KeyTable, RecordKeys, Role, key_form, key_words,
};

/// The profiles a program installed ([`install`]), read by every extraction after.
static INSTALLED: std::sync::OnceLock<Sites> = std::sync::OnceLock::new();

static BUILTIN: LazyLock<Sites> = LazyLock::new(|| {
    // The built-in file is checked by the unit tests; should it ever fail, pages are read
    // without profiles rather than not at all.
    Sites::from_sources(&[(DEFAULT_SITES_NAME.to_owned(), DEFAULT_SITES.to_owned())])
        .unwrap_or_default()
});

/// The profiles extraction uses: those [`install`]ed, else the built-in ones.
pub fn active() -> &'static Sites {
    INSTALLED.get().unwrap_or(&BUILTIN)
}

/// Makes `sites` the profiles of every extraction in this process (`--sites FILE`: the
/// built-in profiles extended by the user's). Set once, before the first page is read, like a
/// global thread pool's size; returns `false`, changing nothing, if profiles were installed
/// already.
pub fn install(sites: Sites) -> bool {
    INSTALLED.set(sites).is_ok()
}

impl Sites {
    /// The built-in profiles extended by the user's files, which take precedence.
    pub fn load(paths: &[impl AsRef<Path>]) -> Result<Sites, SitesError> {
        let mut sources = vec![(DEFAULT_SITES_NAME.to_owned(), DEFAULT_SITES.to_owned())];
        for path in paths {
            let path = path.as_ref();
            let file = path.display().to_string();
            let text = std::fs::read_to_string(path).map_err(|source| SitesError::Io {
                file: file.clone(),
                source,
            })?;
            sources.push((file, text));
        }
        Sites::from_sources(&sources)
    }

    /// Profiles from `(name, text)` pairs; later sources take precedence. The label words are
    /// the built-in ones and those of every source's `[labels]` table.
    pub fn from_sources(sources: &[(String, String)]) -> Result<Sites, SitesError> {
        let mut labels = LabelWords::default();
        labels.extend(
            toml::from_str(DEFAULT_LABELS).map_err(|e: toml::de::Error| SitesError::Invalid {
                file: DEFAULT_LABELS_NAME.to_owned(),
                message: e.to_string().trim_end().to_owned(),
            })?,
        );
        let mut record_keys = RecordKeys::default();
        let built_in: record_keys::RecordKeysFile =
            toml::from_str(DEFAULT_RECORD_KEYS).map_err(|e: toml::de::Error| {
                SitesError::Invalid {
                    file: DEFAULT_RECORD_KEYS_NAME.to_owned(),
                    message: e.to_string().trim_end().to_owned(),
                }
            })?;
        for table in built_in.keys {
            record_keys.extend(table);
        }
        let mut profiles = Vec::new();
        for (file, text) in sources.iter().rev() {
            let parsed: SitesFile = toml::from_str(text).map_err(|e| SitesError::Invalid {
                file: file.clone(),
                message: e.to_string().trim_end().to_owned(),
            })?;
            for site in parsed.site {
                profiles.push(compile(file, site)?);
            }
            if let Some(more) = parsed.labels {
                labels.extend(more);
            }
            for table in parsed.record_keys {
                record_keys.extend(table);
            }
        }
        let mut board_names: Vec<String> = profiles
            .iter()
            .filter(|p| p.board)
            .flat_map(|p| std::iter::once(&p.name).chain(&p.aliases))
            .map(|n| n.to_lowercase())
            .collect();
        board_names.sort();
        board_names.dedup();
        Ok(Sites {
            profiles,
            board_names,
            labels,
            record_keys,
            legal_forms: OnceLock::new(),
            label_sets: OnceLock::new(),
            closed: OnceLock::new(),
            no_openings: OnceLock::new(),
        })
    }

    /// The label words (see [`LabelWords`]).
    pub fn labels(&self) -> &LabelWords {
        &self.labels
    }

    /// The keys of a scraped JSON record's fields (see [`RecordKeys`]).
    pub fn record_keys(&self) -> &RecordKeys {
        &self.record_keys
    }

    /// The label lists that name a field, as sets (see [`LabelSets`]).
    pub fn label_sets(&self) -> &LabelSets {
        self.label_sets.get_or_init(|| LabelSets::new(&self.labels))
    }

    /// The `closed` phrases of the label words, in one automaton.
    pub fn closed_phrases(&self) -> &Phrases {
        self.closed
            .get_or_init(|| Phrases::new(&self.labels.closed))
    }

    /// The `no_openings` phrases of the label words, in one automaton.
    pub fn no_openings_phrases(&self) -> &Phrases {
        self.no_openings
            .get_or_init(|| Phrases::new(&self.labels.no_openings))
    }

    /// The legal forms of the label words, indexed (see [`LegalForms`]).
    pub fn legal_forms(&self) -> &LegalForms {
        self.legal_forms
            .get_or_init(|| LegalForms::new(&self.labels.legal_form))
    }

    /// The profiles, in precedence order.
    pub fn profiles(&self) -> &[SiteProfile] {
        &self.profiles
    }

    /// The profile of the site at `url`, if any.
    pub fn for_url(&self, url: &str) -> Option<&SiteProfile> {
        let host = url::Url::parse(url).ok()?.host_str()?.to_ascii_lowercase();
        let host = host.trim_end_matches('.');
        self.profiles.iter().find(|p| {
            p.hosts.iter().any(|h| {
                host == h
                    || host
                        .strip_suffix(h.as_str())
                        .is_some_and(|rest| rest.ends_with('.'))
            })
        })
    }

    /// Whether `name` is a job board's or an ATS's own name (`LinkedIn`, `Indeed.com`).
    pub fn is_board(&self, name: &str) -> bool {
        let lower = name.trim().to_lowercase();
        if self.board_names.binary_search(&lower).is_ok() {
            return true;
        }
        // "Grippo Avisos", "NorthMPLS Job Board": a name with a board's word in it.
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        self.labels.board.iter().any(|word| {
            let board: Vec<&str> = word
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            !board.is_empty() && words.windows(board.len()).any(|w| w == board.as_slice())
        })
    }
}

fn compile(file: &str, site: SiteTable) -> Result<SiteProfile, SitesError> {
    let invalid = |message: String| SitesError::Invalid {
        file: file.to_owned(),
        message,
    };
    if site.hosts.is_empty() {
        return Err(invalid(format!("site {:?} lists no hosts", site.name)));
    }
    let selectors = |key: &str, list: Vec<String>| -> Result<Vec<(String, Selector)>, SitesError> {
        list.into_iter()
            .map(|text| match Selector::parse(&text) {
                Ok(selector) => Ok((text, selector)),
                Err(error) => Err(invalid(format!(
                    "site {:?}: bad {key} selector {text:?}: {error}",
                    site.name
                ))),
            })
            .collect()
    };
    Ok(SiteProfile {
        fields: [
            selectors("title", site.title)?,
            selectors("company", site.company)?,
            selectors("location", site.location)?,
        ],
        description: selectors("description", site.description)?,
        details: selectors("details", site.details)?,
        drop: selectors("drop", site.drop)?,
        hosts: site
            .hosts
            .iter()
            .map(|h| h.trim().trim_start_matches("*.").to_ascii_lowercase())
            .collect(),
        name: site.name,
        board: site.board,
        aliases: site.aliases,
        employer: site.employer,
    })
}

/// What a profile's selectors found on a page.
#[derive(Debug, Default)]
pub struct ProfileFindings {
    /// Title, company and location, each with the selector that found it.
    pub fields: [Option<(String, String)>; 3],
    /// The description's HTML, with the dropped parts cut out.
    pub description: Option<String>,
    /// Texts of the elements `details` selects (work type, pay, date) that sit outside the
    /// description: they go before it, where metadata is read from.
    pub details: Vec<String>,
    /// The whole page's HTML with the dropped parts cut out, when any matched and there is no
    /// description.
    pub page: Option<String>,
}

impl SiteProfile {
    /// Applies the profile's selectors to a page.
    pub fn apply(&self, html: &str) -> ProfileFindings {
        let document = Html::parse_document(html);
        let mut found = ProfileFindings::default();
        for (slot, selectors) in found.fields.iter_mut().zip(&self.fields) {
            *slot = selectors.iter().find_map(|(text, selector)| {
                document
                    .select(selector)
                    .find_map(|el| text_of(el).map(|value| (value, text.clone())))
            });
        }
        found.details = self
            .details
            .iter()
            .flat_map(|(_, selector)| document.select(selector).filter_map(text_of))
            .collect();
        let dropped: Vec<String> = self
            .drop
            .iter()
            .flat_map(|(_, selector)| document.select(selector).map(|el| el.html()))
            .collect();
        let cut = |mut html: String| {
            for part in &dropped {
                if let Some(at) = html.find(part.as_str()) {
                    html.replace_range(at..at + part.len(), "");
                }
            }
            html
        };
        found.description = self.description.iter().find_map(|(_, selector)| {
            let el = document.select(selector).next()?;
            Some(cut(el.inner_html()))
        });
        if found.description.is_none() && !dropped.is_empty() {
            found.page = Some(cut(document.root_element().html()));
        }
        found
    }
}

/// An element's visible text, white space collapsed; `None` when empty.
fn text_of(el: ElementRef<'_>) -> Option<String> {
    let mut out = String::new();
    for piece in el.text() {
        for word in piece.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    (!out.is_empty() && out.chars().count() <= 300).then_some(out)
}

/// The URL a saved page states about itself in a saving tool's comment: the browser's
/// `<!-- saved from url=(0042)https://... -->` or SingleFile's `url: https://...`.
pub fn saved_from_url(html: &str) -> Option<String> {
    let head = html.get(..html.len().min(8192)).unwrap_or(html);
    let start = if let Some(at) = head.find("saved from url=(") {
        let rest = head.get(at + "saved from url=(".len()..)?;
        at + "saved from url=(".len() + rest.find(')')? + 1
    } else {
        let at = head.find("Page saved with SingleFile")?;
        let rest = head.get(at..)?;
        at + rest.find("url: ")? + "url: ".len()
    };
    let rest = head.get(start..)?;
    let end = rest
        .find(|c: char| c.is_whitespace() || c == '-' && rest.contains("-->"))
        .unwrap_or(rest.len());
    let url = rest.get(..end)?.trim();
    (url.starts_with("http://") || url.starts_with("https://")).then(|| url.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_named_with_a_boards_word_is_a_board() {
        // tests/fixtures/pages/grippo-*.html, northmpls-*.html: the boards' own names.
        let sites = active();
        assert!(sites.is_board("Grippo Avisos"));
        assert!(sites.is_board("NorthMPLS Job Board"));
        assert!(!sites.is_board("Avisora Software"));
        assert!(!sites.is_board("Dogstudio"));
    }

    #[test]
    fn closed_phrases_come_from_the_label_words() {
        let phrases = active().closed_phrases();
        assert!(phrases.is_match("sorry, this job is closed."));
        assert!(phrases.is_match("本年は中途採用の募集を終了しております"));
        assert!(!phrases.is_match("the job closes on friday"));
    }

    #[test]
    fn builtin_profiles_load() {
        let sites =
            Sites::from_sources(&[(DEFAULT_SITES_NAME.into(), DEFAULT_SITES.into())]).unwrap();
        assert!(sites.profiles().len() >= 29);
        assert!(sites.is_board("LinkedIn"));
        assert!(sites.is_board("indeed.com"));
        assert_eq!(
            sites
                .for_url("https://www.linkedin.com/jobs/view/123")
                .map(|p| p.name.as_str()),
            Some("LinkedIn")
        );
        assert!(sites.for_url("https://notlinkedin.com/x").is_none());
    }

    #[test]
    fn user_profiles_win_and_bad_selectors_are_named() {
        let user = "[[site]]\nname = \"Mine\"\nhosts = [\"linkedin.com\"]\ntitle = [\"h2\"]\n";
        let sites = Sites::from_sources(&[
            (DEFAULT_SITES_NAME.into(), DEFAULT_SITES.into()),
            ("mine.toml".into(), user.into()),
        ])
        .unwrap();
        assert_eq!(
            sites
                .for_url("https://linkedin.com/jobs/1")
                .map(|p| p.name.as_str()),
            Some("Mine")
        );
        let bad = "[[site]]\nname = \"Bad\"\nhosts = [\"x.com\"]\ntitle = [\"h1[\"]\n";
        let error = Sites::from_sources(&[("bad.toml".into(), bad.into())]).unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("bad.toml: site \"Bad\": bad title selector")
        );
    }

    #[test]
    fn profiles_select_and_drop() {
        let user = "[[site]]\nname = \"T\"\nhosts = [\"t.example\"]\ntitle = [\".t\"]\n\
                    company = [\".c\"]\ndescription = [\"#d\"]\ndrop = [\".similar\"]\n";
        let sites = Sites::from_sources(&[("t.toml".into(), user.into())]).unwrap();
        let profile = sites.for_url("https://jobs.t.example/1").unwrap();
        let found = profile.apply(
            "<h1 class=t> Rust  Dev </h1><a class=c>Acme</a><div id=d><p>Rust</p>\
             <div class=similar><p>Go job</p></div></div>",
        );
        assert_eq!(found.fields[0], Some(("Rust Dev".into(), ".t".into())));
        assert_eq!(found.fields[1], Some(("Acme".into(), ".c".into())));
        assert_eq!(found.description.as_deref(), Some("<p>Rust</p>"));
    }

    #[test]
    fn saved_pages_state_their_url() {
        assert_eq!(
            saved_from_url(
                "<!DOCTYPE html>\n<!-- saved from url=(0032)https://example.com/jobs/1 -->\n<html>"
            )
            .as_deref(),
            Some("https://example.com/jobs/1")
        );
        assert_eq!(
            saved_from_url("<html><!--\n Page saved with SingleFile \n url: https://x.io/j/2 \n saved date: Mon -->")
                .as_deref(),
            Some("https://x.io/j/2")
        );
        assert_eq!(saved_from_url("<html>"), None);
    }
}
