//! Title, company and location of a web page, from the evidence its markup gives, in a fixed
//! order that names no site: structured data (JSON-LD, then a site profile's selectors, then
//! microdata); the main heading, cleaned of the site's name and of the company and place found
//! elsewhere; elements labeled as the title, company or location; the page's `og:title` and
//! `<title>`, split at their separators and read by the patterns pages use ("X hiring Y in Z",
//! "Y at X", "Y bei X", "Y chez X", "Y в X", "Y job in Z").
//!
//! A field no evidence names stays empty: a part of a title that could be a company or a place
//! is never taken as one on its position alone. Each chosen value carries the rule that gave it,
//! which `explain` shows.

use super::super::looks_like_role;

mod company;
mod evidence_places;
mod owner;
mod places;
mod title;
mod validate;
mod vocabulary;

use company::*;
use evidence_places::*;
use owner::*;
pub use owner::{name_in_text, url_form, url_names};
pub use places::looks_like_place;
use title::*;
pub use title::{TitleParts, split_title};
pub use validate::describes_business;
use validate::*;
pub use vocabulary::{
    employer_in_text, ends_in_legal_form, legal_form, named_place_in_text, place_in_text,
    seeker_in_text, without_legal_form,
};

/// Where a page shows a company's legal name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    /// In the page's content, outside its furniture.
    Content,
    /// In the page's furniture (navigation, footer, aside).
    Furniture,
    /// In a copyright line ("© 2021 Novo Nordisk A/S"), wherever it stands.
    Copyright,
    /// As the owner of a copyright line that goes on after it ("© 2024 Qian Capital, LP. All
    /// Rights Reserved."), perhaps a platform's: the employer only when the page calls itself
    /// by that name too.
    CopyrightOwner,
}

/// A value with the rule that gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sourced {
    /// The value.
    pub text: String,
    /// What gave it: `JSON-LD JobPosting.title`, `<h1>`, `class="companyName"`...
    pub rule: String,
}

impl Sourced {
    fn new(text: impl Into<String>, rule: impl Into<String>) -> Sourced {
        Sourced {
            text: text.into(),
            rule: rule.into(),
        }
    }
}

/// What a page says about its title, company and location, each from one kind of evidence.
#[derive(Debug, Default)]
pub struct PageFacts {
    /// From a schema.org `JobPosting` (JSON-LD), title / company / location.
    pub structured: [Option<Sourced>; 3],
    /// From the site profile's selectors.
    pub profile: [Option<Sourced>; 3],
    /// From microdata.
    pub microdata: [Option<Sourced>; 3],
    /// From elements labeled as each field.
    pub labeled: [Option<Sourced>; 3],
    /// The first `<h1>`.
    pub h1: Option<String>,
    /// The first `<h2>` or `<h3>` of a page with no `<h1>`: its heading when the page's
    /// titles are only the site's generic page name.
    pub heading: Option<String>,
    /// `og:title`.
    pub og_title: Option<String>,
    /// `<title>`.
    pub page_title: Option<String>,
    /// `og:site_name`.
    pub site_name: Option<String>,
    /// `og:description`, else the `description` meta tag.
    pub description: Option<String>,
    /// Other names the page gives itself, with where (`twitter:site`, a logo's text).
    pub names: Vec<(String, &'static str)>,
    /// The names in the page's URL that may be its owner's: the domain's own name
    /// (`careers.microsoft.com`: microsoft), or, on a job board, the tenant
    /// (`jobs.lever.co/anthropic`, `yahoo.wd5.myworkdayjobs.com`), lowercase letters and digits.
    pub url_names: Vec<String>,
    /// The first runs of text under the main heading.
    pub subline: Vec<String>,
    /// The runs of text right above the main heading, the nearest first.
    pub preline: Vec<String>,
    /// The first element after the first heading whose class is the bare word `title`: read
    /// only when the page's headings and titles name no job.
    pub plain_title: Option<String>,
    /// Whether the structured data marks the job remote (`TELECOMMUTE`).
    pub remote: bool,
    /// The employer's office that the structured data gave as a remote job's place: a
    /// labeled place equal to it is the office too, not the job's.
    pub office: Option<String>,
    /// A region badge after the heading ("USA Only"): a remote job's place.
    pub region_badge: Option<String>,
    /// Names the page labels as a unit of the employer ("Business Unit").
    pub units: Vec<String>,
    /// Units the text says are part of an organization ("X is part of Y"), with it.
    pub parents: Vec<(String, String)>,
    /// The company of the job in the page's hydration data (`__NUXT_DATA__`,
    /// `__NEXT_DATA__`).
    pub hydrated: Option<Sourced>,
    /// A name the page's text gives that is the name in its URL (see [`name_in_text`]).
    pub text_name: Option<String>,
    /// Companies' legal names in the page ("Hobbii A/S"), with where, in page order.
    pub legal_names: Vec<(String, Seen)>,
    /// Towns of address blocks under a legal name: the name and the town.
    pub addresses: Vec<(String, String)>,
    /// Runs of addresses with a postcode and town anywhere in the page (footers too): the
    /// runs before it with the words before the postcode, and the town.
    pub postal: Vec<(String, String)>,
    /// A place the posting's text names after a phrase for it (see [`place_in_text`]).
    pub text_place: Option<String>,
    /// The employer's name and town the posting's text names after a phrase for them (see
    /// [`named_place_in_text`]).
    pub text_named_place: Option<String>,
    /// The employer the text's "X is an equal opportunity employer" names (see
    /// [`employer_in_text`]).
    pub text_employer: Option<String>,
    /// The employer, and the place, that the posting's first sentence names ("X seeks a
    /// `<role>` ... based in `<place>`"; see [`seeker_in_text`]).
    pub text_seeker: Option<(String, Option<String>)>,
    /// The page's `author` meta tag, when it is one word the text names again ("CTcue"):
    /// a site's owner, not a person.
    pub author: Option<String>,
    /// The owner of a copyright line with no legal form that the posting's text names again
    /// ("Copyright (c) 2017, Liksi" and "Chez LIKSI").
    pub copyright_named: Option<String>,
    /// The site's name or a logo's name that the posting's text names again ("Fysiotherapie
    /// Douma" in `og:site_name` and "bij Fysiotherapie Douma"): the site's owner.
    pub site_named: Vec<String>,
}

/// Where a name of [`PageFacts::names`] came from when the page's `author` meta tag gave it.
pub const AUTHOR_META: &str = "the author meta tag";

/// Where a name of [`PageFacts::names`] came from when a logo image's `alt` gave it
/// (`<img src="/image/fairness_logo.svg" alt="Fairness">`).
pub const LOGO_IMAGE: &str = "a logo image's alt";

/// Whether a heading is a generic page name ("Job offer", "채용정보 상세"), not a job's.
pub fn names_no_job(text: &str) -> bool {
    generic(text) || page_name(text)
}

/// The chosen title, company and location.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageFields {
    /// The job title.
    pub title: Option<Sourced>,
    /// The hiring company.
    pub company: Option<Sourced>,
    /// Where the job is.
    pub location: Option<Sourced>,
}

const TITLE: usize = 0;
const COMPANY: usize = 1;
const LOCATION: usize = 2;

/// Chooses title, company and location from a page's evidence. `is_board` tells whether a name
/// is a job board's or an ATS's own (LinkedIn, Indeed.com...): such a name is cut from titles
/// and never a company.
pub fn choose(facts: &PageFacts, is_board: &dyn Fn(&str) -> bool) -> PageFields {
    let first = |field: usize| {
        [&facts.structured, &facts.profile, &facts.microdata]
            .into_iter()
            .find_map(|set| set.get(field).cloned().flatten())
    };
    let mut company = first(COMPANY)
        .filter(|c| !repeats_title(facts, c))
        .or_else(|| facts.hydrated.clone())
        .and_then(|c| clean_company(c, is_board));
    // "Business Unit Northwestern Medical Group": structured data naming a unit the page labels
    // so gives way to the employer other evidence names, and stays the answer if none does.
    let unit = company.take_if(|c| facts.units.iter().any(|u| same(u, &c.text)));
    let mut location = first(LOCATION);
    // The place as the page shows it, when it restates the JSON-LD one ("55130 Mainz am Rhein"
    // for "Mainz am Rhein, Rheinland-Pfalz, DE"; "東京都 練馬区 春日町" for "春日町, J13, JP").
    if let Some(place) = &location
        && place.rule.starts_with("JSON-LD")
        && let Some(shown) = restated_place(facts, &place.text)
    {
        location = Some(shown);
    }
    if location.is_none()
        && facts.remote
        && let Some(badge) = &facts.region_badge
    {
        location = Some(Sourced::new(
            badge,
            "a remote job's region badge (\"USA Only\")",
        ));
    }
    // Only a site that is not a job board names the employer in its `og:site_name`.
    let site_name = facts
        .site_name
        .as_deref()
        .filter(|name| !is_board(name) && !generic(name) && !describes_business(name));
    let title_sources = [
        (facts.og_title.as_deref(), "og:title"),
        (facts.page_title.as_deref(), "<title>"),
        (facts.h1.as_deref(), "<h1>"),
    ];
    let split: Vec<(TitleParts, &str)> = title_sources
        .iter()
        .filter_map(|(text, rule)| Some((split_title(text.as_ref()?, is_board), *rule)))
        .collect();
    if company.is_none() {
        company = facts.labeled[COMPANY]
            .clone()
            .filter(|c| !holds_heading(&c.text, facts.h1.as_deref()))
            .and_then(|c| clean_company(c, is_board));
    }
    if company.is_none() {
        company = split.iter().find_map(|(parts, rule)| {
            let (name, pattern) = parts.company.as_ref()?;
            clean_company(Sourced::new(name, format!("{rule} ({pattern})")), is_board)
        });
    }
    if company.is_none() {
        company = name_under_heading(facts, &split, is_board);
    }
    if company.is_none()
        && let Some(site) = site_name
        && split
            .iter()
            .any(|(parts, _)| parts.parts.iter().any(|p| same(p, site)))
        && let Some(owner) = host_name_owner(site)
    {
        company = Some(
            jobs_site_owner(&split, site, &owner, is_board).unwrap_or_else(|| {
                Sourced::new(owner_name(&owner), "og:site_name, also in the page title")
            }),
        );
    }
    if company.is_none() {
        company = author_in_title(facts, &split, is_board);
    }
    if company.is_none() {
        company = split
            .iter()
            .flat_map(|(parts, rule)| parts.parts.iter().map(move |p| (p, *rule)))
            .chain(facts.site_name.iter().map(|s| (s, "og:site_name")))
            .find_map(|(part, rule)| {
                let owner = careers_owner(part)?;
                (!is_board(owner))
                    .then(|| Sourced::new(owner, format!("{rule} (\"<Name> Careers\")")))
            });
    }
    if company.is_none() {
        company = legal_name_in_title(facts, &split, is_board);
    }
    // "СТАРТ АД – част от Монбат Груп ...": a legal name in the posting's text names its
    // employer before the site's own name does (a board named in its URL and title).
    if company.is_none() {
        company = legal_name_in_page(facts, Seen::Content, is_board);
    }
    if company.is_none() {
        company = owner_from_url(facts, &split, is_board);
    }
    if location.is_none() {
        location = facts.labeled[LOCATION]
            .clone()
            .filter(|l| !facts.office.as_deref().is_some_and(|o| same(o, &l.text)));
    }
    // "Pääsuunnittelija, Kela, Jyväskylä": a heading of title, employer and places, the place
    // confirmed by a labeled one.
    let generic_titles = titles_name_nothing(facts, &split, company.as_ref(), is_board);
    let heading = facts.h1.as_deref().or(facts
        .heading
        .as_deref()
        .filter(|h| generic_titles || role_only(h, &split)));
    let listed = heading.and_then(|h| listed_heading(h, location.as_ref()));
    if let Some(listed) = &listed {
        if company.is_none() {
            company = clean_company(
                Sourced::new(&listed.company, "the heading (title, employer, place)"),
                is_board,
            );
        }
        if company
            .as_ref()
            .is_some_and(|c| same(&c.text, &listed.company))
        {
            location = Some(Sourced::new(
                &listed.places,
                "the heading (title, employer, place)",
            ));
        }
    }
    // "株式会社ネットマイルの中途採用情報:営業職【ポイント事業本部】": the page's name, its owner's
    // in it, then the job.
    let named = heading.and_then(page_named_heading);
    if company.is_none()
        && let Some((Some(owner), _)) = &named
    {
        company = clean_company(
            Sourced::new(owner, "the heading (\"<Name>の<page name>: <title>\")"),
            is_board,
        );
    }
    if location.is_none() {
        location = split.iter().find_map(|(parts, rule)| {
            let (place, pattern) = parts.location.as_ref()?;
            Some(Sourced::new(place, format!("{rule} ({pattern})")))
        });
    }
    location = location.and_then(clean_place);
    let mut title_for_place = None;
    if location.is_none() {
        location = place_under_heading(facts).or_else(|| place_ending_heading(heading));
        title_for_place = location.is_none().then_some(());
    }
    let known: Vec<&str> = [
        company.as_ref().map(|c| c.text.as_str()),
        location.as_ref().map(|l| l.text.as_str()),
        facts.site_name.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let listed_title = listed
        .as_ref()
        .filter(|l| company.as_ref().is_some_and(|c| same(&c.text, &l.company)))
        .map(|l| Sourced::new(&l.title, "the heading (title, employer, place)"));
    let under_offer = role_under_offer(facts);
    let labeled_title = facts.labeled[TITLE]
        .clone()
        .filter(|t| !names_no_job(&t.text) && !other_than_pattern(&split, &t.text));
    let strong_title = first(TITLE)
        .or(listed_title)
        .or_else(|| under_offer.clone())
        .or_else(|| {
            let (_, title) = named.as_ref()?;
            Some(Sourced::new(
                title,
                "the heading after its page name (\"<page name>: <title>\")",
            ))
        })
        // "Intitulé du poste : ..." beats a heading read only because the main one is a page
        // name ("Informations sur l'entreprise" under "Détails de l'offre").
        .or_else(|| {
            let by_label = |t: &Sourced| t.rule.contains("after the label");
            labeled_title
                .clone()
                .filter(|t| facts.h1.is_none() && by_label(t))
        })
        .or_else(|| heading_title(facts, heading, generic_titles, &known, is_board))
        .or_else(|| gendered_title_under_heading(facts, &known))
        .or(labeled_title);
    let owner = company
        .is_none()
        .then(|| {
            // The page's name is then the heading that names the offer, as a part of its title.
            let page = under_offer.as_ref().and(facts.h1.as_deref());
            owner_of_page_name(&split, strong_title.as_ref(), page, is_board)
        })
        .flatten()
        // "Careers - Strategic Planner" (another job's `<title>`) on a page whose text says
        // "Bakery is ... an equal opportunity employer": a name read from the title's shape
        // alone gives way to the employer the text states, unless the page calls itself so
        // elsewhere.
        .filter(|o| !text_names_other_employer(facts, &o.text));
    let known: Vec<&str> = known
        .into_iter()
        .chain(owner.as_ref().map(|o| o.text.as_str()))
        .collect();
    let title = strong_title
        .or_else(|| {
            // A sharing title that is a teaser ("... | Starte bei X") names no job's title.
            split
                .iter()
                .take(2)
                .filter(|(parts, _)| !parts.teaser)
                .find_map(|(parts, rule)| {
                    let title = parts.title(&known)?;
                    Some(Sourced::new(title, *rule))
                })
        })
        .or_else(|| {
            // Headings and titles that are only the site's page names: the element the page
            // classes as its `title` after the heading ("채용정보 상세", then the job).
            facts
                .plain_title
                .as_deref()
                .filter(|t| generic_titles && !names_no_job(t) && !known.iter().any(|k| same(k, t)))
                .map(|t| Sourced::new(t, "element class=\"title\" under a generic heading"))
        });
    if title_for_place.is_some()
        && let Some(title) = &title
    {
        location = place_after_title(facts, &title.text)
            .or_else(|| place_beside_title(&split, &title.text))
            .or_else(|| place_labeled_under_title(facts, &title.text));
    }
    if company.is_none() {
        company = legal_name_in_page(facts, Seen::Content, is_board);
    }
    if company.is_none() {
        company = owner;
    }
    if company.is_none() {
        company = name_beside_title(facts, &split, title.as_ref(), "a logo's text", is_board);
    }
    if company.is_none() {
        company = name_above_heading(facts, &split, is_board);
    }
    if company.is_none()
        && let Some(name) = &facts.text_name
    {
        company = clean_company(
            Sourced::new(name, "a name in the text, the name in the page's URL"),
            is_board,
        );
    }
    let seeker = facts.text_seeker.as_ref().and_then(|(name, place)| {
        let rule = "the first sentence (\"X seeks a <role>\")";
        Some((clean_company(Sourced::new(name, rule), is_board)?, place))
    });
    if company.is_none()
        && let Some((name, place)) = &seeker
    {
        company = Some(name.clone());
        if location.is_none()
            && let Some(place) = place
        {
            location = Some(Sourced::new(
                place,
                "the first sentence (\"based in <place>\")",
            ));
        }
    }
    if company.is_none() {
        company = legal_name_in_page(facts, Seen::Copyright, is_board);
    }
    if company.is_none() {
        company = legal_name_in_page(facts, Seen::CopyrightOwner, is_board);
    }
    if company.is_none() {
        company = [
            (&facts.text_employer, "the text's \"X is an ... employer\""),
            (
                &facts.author,
                "the author meta tag, a name the text repeats",
            ),
        ]
        .into_iter()
        .find_map(|(name, rule)| clean_company(Sourced::new(name.as_ref()?, rule), is_board));
    }
    if company.is_none() {
        company = named_in_title(facts, &split, is_board);
    }
    // `<img src="/image/fairness_logo.svg" alt="Fairness">` beside the job's title in the
    // `<title>`: weaker than the text's statements.
    if company.is_none() {
        company = name_beside_title(facts, &split, title.as_ref(), LOGO_IMAGE, is_board);
    }
    if company.is_none() {
        company = facts.copyright_named.as_ref().and_then(|name| {
            let rule = "the copyright line's owner, a name the text repeats";
            clean_company(Sourced::new(name, rule), is_board)
        });
    }
    if company.is_none() {
        company = facts.site_named.iter().find_map(|name| {
            let rule = "the site's or logo's name, a name the text repeats";
            clean_company(Sourced::new(name, rule), is_board)
        });
    }
    // "Bio 7.0 Apotheke, Berlin" (a site named by its owner and its town): the name, and the
    // place when no other evidence gave one.
    if let Some(c) = &mut company
        && !c.rule.starts_with("JSON-LD")
        && let Some((name, place)) = c.text.rsplit_once(',')
        && looks_like_place(place)
        && !looks_like_place(name)
        && !name.trim().is_empty()
    {
        if location.is_none() {
            location = Some(Sourced::new(
                place.trim(),
                format!("the company's name's last part, a place ({})", c.rule),
            ));
        }
        c.text = name.trim().to_owned();
    }
    company = company.or(unit);
    if company.is_none() {
        company = logo_named_in_description(facts, is_board);
    }
    company = company.map(|c| organization_of(facts, c, is_board));
    if location.is_none() {
        location = employer_town(facts, company.as_ref());
    }
    if location.is_none()
        && let Some(place) = &facts.text_place
    {
        location = Some(Sourced::new(
            place,
            "a place the text names after a phrase for it",
        ));
    }
    // "to join our team at Engage Hub Manchester" (the town after the employer's name), a kicker.
    if location.is_none() {
        location = town_after_employer(facts, company.as_ref()).or_else(|| place_in_kicker(facts));
    }
    // The footer's "Forge S.r.l. Via Cigalini 5/D 22100 Como (CO)": the employer's one
    // address, the place of a posting that states none.
    if location.is_none() {
        location = employer_address(facts, company.as_ref());
    }
    // "Vacature kok - Brasserie Rubens Knokke": the site's name with its town after it.
    if location.is_none() {
        location = town_after_name(&split, company.as_ref());
    }
    PageFields {
        title,
        company,
        location,
    }
}

/// The main heading as the title, cleaned of known parts, when it is one: it must not be the
/// site's or the company's name nor a generic word, and it must look like a role or appear in
/// the page's title.
fn heading_title(
    facts: &PageFacts,
    heading: Option<&str>,
    generic_titles: bool,
    known: &[&str],
    is_board: &dyn Fn(&str) -> bool,
) -> Option<Sourced> {
    let h1 = heading?;
    let parts = split_title(h1, is_board);
    let (text, rule) = match (&parts.title, parts.pattern) {
        (Some(title), Some(pattern)) => (title.clone(), format!("<h1> ({pattern})")),
        _ => (trim_known(h1, known, is_board)?, "<h1>".to_owned()),
    };

    if generic(&text) || page_name(&text) || known.iter().any(|k| same(k, &text)) {
        return None;
    }
    // "'t Pannekoekhuis Ugchelen" under the `<title>` "'t Pannekoekhuis Ugchelen - Vacatures":
    // the site's name beside a generic page name, not a job's.
    let site_heading = [facts.og_title.as_deref(), facts.page_title.as_deref()]
        .into_iter()
        .flatten()
        .map(|t| split_title(t, is_board))
        .any(|parts| {
            parts.cut_generic
                && matches!(parts.parts.as_slice(), [name] if same(name, &text))
                && !looks_like_role(&text)
        });
    if site_heading {
        return None;
    }
    let in_title = [facts.og_title.as_deref(), facts.page_title.as_deref()]
        .into_iter()
        .flatten()
        .any(|t| {
            t.to_lowercase().contains(&text.to_lowercase())
                || spelled_out(t, &text)
                || holds_title_words(t, &text)
        });
    // "Ingénieur Finops H/F" as the whole description under a site-wide slogan `<title>`.
    let described = facts.description.as_deref().is_some_and(|d| same(d, &text));
    let no_title = (facts.og_title.is_none() && facts.page_title.is_none()) || generic_titles;
    // A heading the page's title does not repeat is the title only when that title names no
    // role itself ("Bolder future. designed & engineered." beside "Acme | ML Engineer").
    let title_has_role = [facts.og_title.as_deref(), facts.page_title.as_deref()]
        .into_iter()
        .flatten()
        .any(looks_like_role);
    // "Senior Software Engineer" under "Careers - Software Engineer, Core": the heading names
    // the title's role in its own words, as the page shows it.
    let same_role = looks_like_role(&text)
        && [facts.og_title.as_deref(), facts.page_title.as_deref()]
            .into_iter()
            .flatten()
            .any(|t| shares_role_word(t, &text));
    (in_title || described || no_title || same_role || (looks_like_role(&text) && !title_has_role))
        .then(|| Sourced::new(without_title_lead(&without_trailing_page_word(&text)), rule))
}

/// A title cleaned of a verb before its role ("Devenir agent": "agent"; the `title_lead`
/// words of `sites/labels.toml`): the longest lead followed by more words.
fn without_title_lead(text: &str) -> String {
    let lower = text.to_lowercase();
    let leads = &crate::extract::sites::active().labels().title_lead;
    leads
        .iter()
        .filter(|lead| lower.starts_with(&format!("{lead} ")))
        .max_by_key(|lead| lead.len())
        .and_then(|lead| text.get(lead.len()..))
        .map(str::trim)
        .filter(|rest| !rest.is_empty())
        .map_or_else(|| text.to_owned(), str::to_owned)
}

/// A heading cleaned of a page word after its role: "Head waiter vacancy (chef de rang)" is
/// "Head waiter (chef de rang)". The word before a bracket, or the last one after a role, when
/// it is a generic page word.
fn without_trailing_page_word(text: &str) -> String {
    let (head, tail) = match text.find(" (") {
        Some(at) => text.split_at(at),
        None => (text, ""),
    };
    match head.trim_end().rsplit_once(' ') {
        // A bracket after it, or a role before it: "usa jobs", "Available vacancies" stay.
        Some((before, last))
            if generic(last)
                && !before.trim().is_empty()
                && (tail.chars().any(char::is_alphabetic) || looks_like_role(before)) =>
        {
            format!("{}{tail}", before.trim_end())
        }
        _ => text.to_owned(),
    }
}

/// Whether `heading` spells out the short title a page title opens with: "Interiorista /
/// Arquitecto de Interiores, Barcelona" under "Interiorista, Barcelona - WOLFBLANC ARCHITECTS"
/// (the title's first part, its place cut, then " / " or " (" in the heading).
fn spelled_out(title: &str, heading: &str) -> bool {
    let Some(first) = split_all(title, &[" | ", " - ", " – ", " — "])
        .into_iter()
        .next()
    else {
        return false;
    };
    let short = match first.rsplit_once(',') {
        Some((job, place)) if looks_like_place(place) => job.trim(),
        _ => first,
    };
    let (short, heading) = (short.to_lowercase(), heading.to_lowercase());
    !short.is_empty()
        && [" / ", " (", "/"]
            .iter()
            .any(|next| heading.starts_with(&format!("{short}{next}")))
}

/// "IT-Techniker (m/w/d)" under the heading "wolkenhof Jobs & Karriere" and the page name
/// "Stellenangebot": a run under a main heading that is not the title, ending with the gender
/// marker of a job's title, is the title.
fn gendered_title_under_heading(facts: &PageFacts, known: &[&str]) -> Option<Sourced> {
    facts
        .subline
        .iter()
        .find(|run| {
            run.split_whitespace().count() <= MAX_GENDERED_TITLE_WORDS
                && crate::extract::is_posting::gendered_title(run)
                && !known.iter().any(|k| same(k, run))
        })
        .map(|run| {
            Sourced::new(
                run.trim(),
                "a line under the main heading ending \"(m/w/d)\"",
            )
        })
}

/// Most words of a line under the main heading read as a gendered job title.
const MAX_GENDERED_TITLE_WORDS: usize = 12;

/// Whether the page's titles (`og:title`, `<title>`) name no job: every part of them is the
/// site's generic page name ("Avoimet työpaikat - Haku hakutekijöillä", "Career
/// Opportunities", "Simpson Thacher & Bartlett LLP Online Application"), its owner or a place.
fn titles_name_nothing(
    facts: &PageFacts,
    split: &[(TitleParts, &str)],
    company: Option<&Sourced>,
    is_board: &dyn Fn(&str) -> bool,
) -> bool {
    let known: Vec<&str> = [company.map(|c| c.text.as_str()), facts.site_name.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let titles: Vec<&TitleParts> = split
        .iter()
        .filter(|(_, rule)| *rule != "<h1>")
        .map(|(parts, _)| parts)
        .collect();
    !titles.is_empty()
        && titles.iter().all(|parts| {
            // "Eilakaisla - Työpaikka": the owner beside a generic page name; "Show - KALO -
            // Einfach. Innovativ. Persönlich.": with its slogan.
            let owner_only = parts.cut_generic
                && (parts.parts.len() == 1
                    || (parts.parts.len() == 2 && parts.parts.last().is_some_and(|p| slogan(p))))
                && !parts.parts.iter().any(|p| looks_like_role(p));
            parts.title.is_none()
                && (owner_only
                    || parts.parts.iter().all(|p| {
                        is_board(p)
                            || generic(p)
                            || page_name(p)
                            || careers_owner(p).is_some()
                            || known.iter().any(|k| same(k, p))
                    }))
        })
}

/// Whether a part of a title is a slogan of words that each end a sentence ("Einfach.
/// Innovativ. Persönlich.").
fn slogan(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    words.len() >= 2 && words.iter().all(|w| w.ends_with(['.', '!']))
}

/// A heading that lists the title, the employer and the places: its parts.
#[derive(Debug)]
struct ListedHeading {
    title: String,
    company: String,
    places: String,
}

/// "Verkkokauppakehittäjä, Descom Oy, Jyväskylä, Tampere, Helsinki": a heading parted by
/// commas whose third part on are places, the first of them in the labeled `location` ("40101
/// JYVÄSKYLÄ"); the second part is then the employer.
fn listed_heading(heading: &str, location: Option<&Sourced>) -> Option<ListedHeading> {
    let location = location?.text.to_lowercase();
    let parts: Vec<&str> = heading
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let (title, company, places) = match parts.as_slice() {
        [title, company, places @ ..] if !places.is_empty() => (*title, *company, places),
        _ => return None,
    };
    let first = places.first()?.to_lowercase();
    let in_location = location
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| !word.is_empty() && word == first);
    if !in_location || looks_like_role(company) || places.iter().any(|p| p.chars().count() > 40) {
        return None;
    }
    let mut kept: Vec<&str> = Vec::new();
    for place in places {
        if !kept.iter().any(|k| same(k, place)) {
            kept.push(place);
        }
    }
    Some(ListedHeading {
        title: title.to_owned(),
        company: company.to_owned(),
        places: kept.join(", "),
    })
}

/// Whether the page's title names its job by a pattern ("X hiring Y", "「X招聘」_Y招聘") and
/// `title` is another text ("职位透镜" in an element classed `job-lens-title`).
fn other_than_pattern(split: &[(TitleParts, &str)], title: &str) -> bool {
    let title = title.to_lowercase();
    let named: Vec<String> = split
        .iter()
        .filter(|(parts, rule)| *rule != "<h1>" && parts.pattern.is_some())
        .filter_map(|(parts, _)| parts.title.as_deref().map(str::to_lowercase))
        .collect();
    !named.is_empty()
        && named
            .iter()
            .all(|n| !n.contains(&title) && !title.contains(n))
}

/// Whether a part of a page title is a generic page name ("Job details", "Jobannonce"): the
/// `page_name` words of `sites/labels.toml`, with the user's.
fn page_name(part: &str) -> bool {
    let lower = part.trim().to_lowercase();
    crate::extract::sites::active()
        .labels()
        .page_name
        .contains(&lower)
}

/// Whether `part` is a label or value of a field that names no employer and no place
/// ("Full Time", "Start Date": `other` in `sites/labels.toml`).
fn other_field(part: &str) -> bool {
    let lower = part
        .trim()
        .trim_end_matches([':', '：'])
        .trim()
        .to_lowercase();
    crate::extract::sites::active()
        .labels()
        .other
        .contains(&lower)
}

/// Words that are a site's section, not a name: "Jobs", "Careers", "Job details".
const GENERIC: &[&str] = &[
    "job",
    "jobs",
    "job details",
    "job detail",
    "job description",
    "job offer",
    "job posting",
    "careers",
    "career",
    "careers page",
    "home",
    "apply",
    "apply now",
    "sign in",
    "log in",
    "login",
    "vacancy",
    "vacancies",
    "stellenangebot",
    "stellenangebote",
    "karriere",
    "offre d'emploi",
    "offres d'emploi",
    "emploi",
    "empleo",
    "empleos",
    "vacante",
    "vacantes",
    "vacature",
    "vacatures",
    "вакансия",
    "вакансии",
    "вакансія",
    "вакансії",
    "работа",
    "робота",
    "praca",
    "oferta pracy",
    "oferty pracy",
    "lavoro",
    "vaga",
    "vagas",
    "채용정보",
    "채용공고",
];

/// Whether `text` is a generic word of a site's navigation rather than a name.
fn generic(text: &str) -> bool {
    // "Offre d’emploi": a typographic apostrophe is the plain one.
    let lower = text.trim().to_lowercase().replace('\u{2019}', "'");
    GENERIC.contains(&lower.as_str())
}

/// "Offre d’emploi Cloud Native": a heading that opens with a generic page word and goes on
/// with more words names the offer; the rest of it.
fn offer_name(heading: &str) -> Option<&str> {
    let heading = heading.trim();
    let words: Vec<&str> = heading.split_whitespace().collect();
    (1..words.len().min(4)).rev().find_map(|n| {
        let lead = words.get(..n)?.join(" ");
        if !generic(lead.trim_end_matches(':')) {
            return None;
        }
        let at = heading.find(words.get(n)?)?;
        heading.get(at..).map(str::trim)
    })
}

/// The role line right under a heading that names the offer ([`offer_name`]): the job's
/// title ("Développeur·euse web expérimenté·e à tendance devops" under "Offre d’emploi Cloud
/// Native"), when the heading itself names no role.
fn role_under_offer(facts: &PageFacts) -> Option<Sourced> {
    let heading = facts.h1.as_deref()?;
    offer_name(heading)?;
    let line = facts.subline.first()?.trim();
    (looks_like_role(line) && !looks_like_role(heading) && line.split_whitespace().count() <= 12)
        .then(|| Sourced::new(line, "the role line under a heading that names the offer"))
}

/// Equal ignoring case and surrounding white space.
fn same(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

#[cfg(test)]
mod careers_page_tests;
#[cfg(test)]
mod footer_and_sentence_tests;
#[cfg(test)]
mod tests;
