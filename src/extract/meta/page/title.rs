//! A page's `og:title` or `<title>` split into its parts: the separators that part a title's
//! fields (`|`) and its parts (` - `), the board's name cut, and the patterns pages write a
//! title in ("X hiring Y in Z", "Y at X", "Y bei X", "Y chez X", "Y в X", "Y job in Z").

use std::sync::LazyLock;

use regex::Regex;

use super::super::regex;
use super::*;

/// A page title split into its parts, with what the patterns found in it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct TitleParts {
    /// The parts left once the board's name is cut, in order.
    pub parts: Vec<String>,
    /// The same parts grouped by the strong separators (`|`) that part a title's fields,
    /// as indexes into `parts`.
    pub groups: Vec<std::ops::Range<usize>>,
    /// The title a pattern found ("X hiring Y in Z": Y).
    pub title: Option<String>,
    /// The company a pattern found, with the pattern.
    pub company: Option<(String, &'static str)>,
    /// The place a pattern found, with the pattern.
    pub location: Option<(String, &'static str)>,
    /// The pattern that found the title.
    pub pattern: Option<&'static str>,
    /// Whether a part was cut as a generic page name ("Job details") or a site's tagline.
    pub cut_generic: bool,
    /// Whether the title is a teaser: its "Y at X" part is a call to action ("Starte bei
    /// WAMOCON"), so it names the employer but not the job's title.
    pub teaser: bool,
}

impl TitleParts {
    /// The title: the one a pattern found, else the first part that looks like a role among
    /// the parts that are not a known name (company, place, site), else the first such part.
    pub(super) fn title(&self, known: &[&str]) -> Option<String> {
        if let Some(title) = &self.title {
            return Some(title.clone());
        }
        let cut = |p: &String| {
            known.iter().any(|k| same(k, p))
                || generic(p)
                || careers_owner(p).is_some()
                || looks_like_place(p)
        };
        // In each field (parted by `|`), the run of parts between the cut ones; the field that
        // looks like a role wins, else the first.
        let runs: Vec<String> = self
            .groups
            .iter()
            .filter_map(|range| {
                let parts = self.parts.get(range.clone())?;
                let start = parts.iter().position(|p| !cut(p))?;
                let end = parts.iter().rposition(|p| !cut(p))?;
                Some(parts.get(start..=end)?.join(" - "))
            })
            .collect();
        runs.iter()
            .find(|run| looks_like_role(run))
            .or_else(|| runs.first())
            .cloned()
    }
}

/// Suffixes that make a part of a page title its owner's careers site: "Proskauer Careers",
/// "Squire Patton Boggs Careers Job Board", "DLA Piper Talent Acquisition".
pub(super) const CAREERS_SUFFIXES: &[&str] = &[
    " online application",
    " careers job board",
    " careers site",
    " career site",
    " careers",
    " career",
    " jobs and careers",
    " jobs & careers",
    " job board",
    " talent acquisition",
    " recruiting",
    " karriere",
    " jobs",
    " carrières",
    " carreras",
    " vacatures",
    " kariéra",
    " kariera",
];

/// The owner named by a "<Name> Careers" part, or by a part that opens with a `careers_lead`
/// of `sites/labels.toml` ("Jobbe i SpareBank 1"): the name, when it is a short name and not a
/// role, a board or a generic word.
pub(super) fn careers_owner(part: &str) -> Option<&str> {
    let lower = part.to_lowercase();
    let lead = crate::extract::sites::active()
        .labels()
        .careers_lead
        .iter()
        .find(|lead| {
            lower.starts_with(lead.as_str())
                && lower
                    .get(lead.len()..)
                    .is_some_and(|rest| rest.starts_with(' '))
                && lower.len() == part.len()
        })
        .map(|lead| lead.len());
    let name = match lead {
        Some(len) => part.get(len..)?.trim(),
        None => {
            let suffix = CAREERS_SUFFIXES.iter().find(|s| lower.ends_with(*s))?;
            part.get(..part.len().checked_sub(suffix.len())?)?.trim()
        }
    };
    let words = name.split_whitespace().count();
    let last = name
        .split_whitespace()
        .last()
        .unwrap_or_default()
        .to_lowercase();
    ((1..=6).contains(&words)
        && !matches!(last.as_str(), "and" | "&" | "und" | "et" | "y" | "e")
        && !generic(name)
        && !looks_like_role(name)
        && !name.to_lowercase().contains("remote"))
    .then_some(name)
}

/// Separators that always part a page title from the site's name.
pub(super) const STRONG_SEPARATORS: &[&str] = &[" | ", " :: ", " • ", " · ", " ｜ "];

/// Separators that part a title's fields but also occur inside job titles.
pub(super) const WEAK_SEPARATORS: &[&str] = &[" - ", " – ", " — "];

/// "Heidi hiring Senior Software Engineer in Melbourne, Victoria, Australia".
pub(super) static HIRING: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(?P<company>.{1,80}?) (?:is )?(?:hiring|looking for|seeking|sucht|recrute|busca|zoekt|szuka) (?:an? |eine?n? |une? |un |una )?(?P<title>.+?)(?: in (?P<location>[^|]{2,80}))?\.?$",
    )
});

/// "Rust Engineer at Acme", "Entwickler bei Acme", "Développeur chez Acme", "Chief Marketing
/// Officer в bodo" (a Latin-script name after the Cyrillic preposition).
pub(super) static AT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^(?P<title>.{2,}?) (?:at|@|bei|chez|presso|bij|в компании|у компанії) (?P<company>[^,]{1,80})$",
    )
});

/// "Chief Marketing Officer в bodo": only a Latin-script name, since "в Москве" is a place.
pub(super) static AT_CYRILLIC: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(?P<title>.{2,}?) [ву] (?P<company>[A-Za-z0-9][^,]{0,79})$"));

/// "Rust Developer Job in Berlin".
pub(super) static JOB_IN: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)^(?P<title>.{2,}?) jobs? in (?P<location>.{2,80})$"));

/// A job board's lead word: "Job: Rust Developer", "Вакансия Python-разработчик".
pub(super) static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:job|vacancy|stellenangebot|stellenanzeige|offre d'emploi|oferta de (?:trabajo|empleo)|вакансия|вакансія|hiring|now hiring|we're hiring|we are hiring|job description|position description)\s*[:-]?\s+(?P<rest>.+?)[\s,]*$",
    )
});

/// "「AutoCAD开发工程师（北京）招聘」_基准方中招聘-BOSS直聘": a Chinese board's title of the
/// job, then its employer, each followed by 招聘 ("hiring"), then the site's name.
pub(super) static ZH_HIRING: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"^[「【]?(?P<title>[^」】_]{2,80}?)招聘[」】]?_(?:(?P<company>[^_\-]{2,80}?)招聘(?:-[^_]*)?$)?",
    )
});

/// "Вакансия X в разделе Работа на сайте E1.ru": a title followed by the site's section and
/// name.
pub(super) static ON_SITE: LazyLock<Regex> =
    LazyLock::new(|| regex(r"^(?P<title>.{2,}?) (?:в разделе|на сайте) \S.*$"));

/// "parue le 02/12/2013", "Posted on 12/10/2020": a part of a title that is its date.
static DATE_PART: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)^(?:parue?|publiée?|posted|published)(?: le| on)? \d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")
});

/// Whether a part of a page title is a generic page name or the date it was posted.
fn cut_part(part: &str) -> bool {
    generic(part) || page_name(part) || DATE_PART.is_match(part) || describes_business(part)
}

/// "採用情報｜株式会社シー・エス・エー・ジャパン": a full-width bar with no spaces parts a page name
/// from the rest; elsewhere it may stand inside a name ("採用サイト｜株式会社セガ").
fn page_name_beside_bar(part: &str) -> Vec<&str> {
    let halves = split_all(part, &["｜"]);
    if halves.len() > 1 && halves.iter().any(|h| cut_part(h)) {
        halves
    } else {
        vec![part]
    }
}

/// Splits a page title: cuts the board's name, then reads the patterns.
pub fn split_title(raw: &str, is_board: &dyn Fn(&str) -> bool) -> TitleParts {
    let mut raw: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    // "SAIC: Careers: Career Opportunities": colons parting a breadcrumb of the site's pages
    // (two or more of them; one colon is a lead word's, "Job: Rust Developer").
    if raw.matches(": ").count() >= 2 {
        raw = raw.replace(": ", " | ");
    }
    let mut out = TitleParts::default();
    if let Some(c) = ZH_HIRING.captures(&raw)
        && let Some(title) = c.name("title")
    {
        // "【游戏UI设计师招聘】_猎头顾问招聘信息-猎聘": the title alone, no employer named.
        let title = title.as_str().trim().to_owned();
        out.title = Some(title.clone());
        out.pattern = Some("X招聘_");
        out.parts = vec![title];
        if let Some(company) = c.name("company") {
            let company = company.as_str().trim().to_owned();
            out.company = Some((company.clone(), "X招聘_Y招聘"));
            out.pattern = Some("X招聘_Y招聘");
            out.parts.push(company);
        }
        out.groups = (0..out.parts.len()).map(|i| i..i + 1).collect();
        return out;
    }
    let strong: Vec<&str> = split_all(&raw, STRONG_SEPARATORS)
        .into_iter()
        .flat_map(page_name_beside_bar)
        .filter(|p| {
            let cut = cut_part(p);
            out.cut_generic |= cut;
            !is_board(p) && !cut
        })
        .collect();
    for part in &strong {
        let part = LEAD
            .captures(part)
            .and_then(|c| c.name("rest"))
            .map_or(*part, |m| m.as_str());
        if let Some(c) = HIRING.captures(part) {
            out.title = c.name("title").map(|m| m.as_str().to_owned());
            out.company = c
                .name("company")
                .map(|m| (m.as_str().to_owned(), "X hiring Y"));
            out.location = c
                .name("location")
                .map(|m| (m.as_str().to_owned(), "X hiring Y in Z"));
            out.pattern = Some("X hiring Y");
            out.parts = strong.iter().map(|p| (*p).to_owned()).collect();
            return out;
        }
    }
    let mut parts: Vec<String> = Vec::new();
    let mut groups = Vec::new();
    for part in &strong {
        let start = parts.len();
        for weak in split_all(part, WEAK_SEPARATORS) {
            let cut = cut_part(weak);
            out.cut_generic |= cut;
            if !is_board(weak) && !cut {
                parts.push(weak.to_owned());
            }
        }
        if parts.len() > start {
            groups.push(start..parts.len());
        }
    }
    out.groups = groups;
    for part in &parts {
        let part = LEAD
            .captures(part)
            .and_then(|c| c.name("rest"))
            .map_or(part.as_str(), |m| m.as_str());
        for (pattern, name) in [(&*AT, "Y at X"), (&*AT_CYRILLIC, "Y в X")] {
            if let Some(c) = pattern.captures(part)
                && let (Some(title), Some(company)) = (c.name("title"), c.name("company"))
                && !is_board(company.as_str())
            {
                // "Ausbildung Fachinformatiker (m/w/d) | Starte bei WAMOCON": the employer, and
                // a call to action where the job's title would be.
                if call_to_action(title.as_str()) {
                    out.company = Some((company.as_str().trim().to_owned(), name));
                    out.teaser = true;
                    out.parts = parts.clone();
                    return out;
                }
                // "Functional Analyst @ Brussels / Mechelen": the job's place, not an employer.
                if super::places::looks_like_place(company.as_str()) {
                    out.title = Some(title.as_str().to_owned());
                    out.location = Some((company.as_str().trim().to_owned(), "Y at Z, a place"));
                    out.pattern = Some("Y at Z, a place");
                    out.parts = parts.clone();
                    return out;
                }
                out.title = Some(title.as_str().to_owned());
                out.company = Some((company.as_str().trim().to_owned(), name));
                out.pattern = Some(name);
                out.parts = parts.clone();
                return out;
            }
        }
        if let Some(c) = ON_SITE.captures(part)
            && let Some(title) = c.name("title")
        {
            out.title = Some(title.as_str().to_owned());
            out.pattern = Some("Y on site Z");
            out.parts = parts.clone();
            return out;
        }
        if let Some(c) = JOB_IN.captures(part)
            && let (Some(title), Some(place)) = (c.name("title"), c.name("location"))
        {
            out.title = Some(title.as_str().to_owned());
            out.location = Some((place.as_str().to_owned(), "Y job in Z"));
            out.pattern = Some("Y job in Z");
            out.parts = parts.clone();
            return out;
        }
    }
    out.parts = parts;
    out
}

/// `text` without leading and trailing parts that are a known name (company, place, site) or a
/// board's; `None` when nothing is left.
pub(super) fn trim_known(
    text: &str,
    known: &[&str],
    is_board: &dyn Fn(&str) -> bool,
) -> Option<String> {
    let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut separators = STRONG_SEPARATORS.to_vec();
    separators.extend_from_slice(WEAK_SEPARATORS);
    let parts = split_all(&text, &separators);
    let drop = |p: &str| is_board(p) || generic(p) || known.iter().any(|k| same(k, p));
    let start = parts.iter().position(|p| !drop(p))?;
    let end = parts.iter().rposition(|p| !drop(p))?;
    if start == 0 && end + 1 == parts.len() {
        return Some(text);
    }
    // Rejoin the kept parts with the separator that stood between them.
    let first = parts.get(start)?;
    let last = parts.get(end)?;
    let from = first.as_ptr() as usize - text.as_ptr() as usize;
    let to = last.as_ptr() as usize - text.as_ptr() as usize + last.len();
    text.get(from..to).map(str::to_owned)
}

/// Splits at any of `separators`, trimming parts and dropping empty ones.
pub(super) fn split_all<'a>(text: &'a str, separators: &[&str]) -> Vec<&'a str> {
    let mut parts = vec![text];
    for separator in separators {
        parts = parts
            .into_iter()
            .flat_map(|p| p.split(separator))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
    }
    parts
}

/// Whether `heading` holds the words of the job's part of a page title in their order, with
/// few more: "Mitarbeiter*in in der Konfektionierung (ab sofort)" spells out "Stellenangebot:
/// Mitarbeiter*in Konfektionierung – BO-WERT GmbH" (its first part, a page word before a colon
/// cut).
pub(super) fn holds_title_words(title: &str, heading: &str) -> bool {
    let Some(first) = split_all(title, &[" | ", " - ", " – ", " — ", "｜"])
        .into_iter()
        .next()
    else {
        return false;
    };
    let first = match first.split_once([':', '：']) {
        Some((lead, rest)) if names_no_job(lead) => rest,
        _ => first,
    };
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (wanted, held) = (words(first), words(heading));
    if wanted.len() < 2 || held.len() > MAX_SPELLED_OUT * wanted.len() {
        return false;
    }
    // "Head waiter vacancy (chef de rang)" holds "Chef de rang vacancy" in another order: with
    // three words or more, any order.
    if wanted.len() >= 3 {
        return wanted.iter().all(|w| held.contains(w));
    }
    let mut held = held.iter();
    wanted.iter().all(|w| held.any(|h| h == w))
}

/// Most times as many words as the title's a heading that spells it out may have.
const MAX_SPELLED_OUT: usize = 3;

/// A heading that names the page and then the job after a colon: "株式会社ネットマイルの中途採用情報:
/// 営業職【ポイント事業本部】" (NetMile Co., Ltd.'s mid-career hiring: Sales), "Stellenangebot:
/// IT-Techniker". The job's title, and the owner the page name is given as ("<Name>の<page
/// name>", "<Name> Careers"), when the part before the colon is a generic page name.
pub(super) fn page_named_heading(heading: &str) -> Option<(Option<String>, String)> {
    let (head, title) = heading.split_once([':', '：'])?;
    let (head, title) = (head.trim(), title.trim());
    if title.is_empty() || title.chars().count() > 120 || looks_like_role(head) {
        return None;
    }
    let page = |part: &str| names_no_job(part) || careers_owner(part).is_some();
    if names_no_job(head) {
        return Some((None, title.to_owned()));
    }
    if let Some(owner) = careers_owner(head) {
        return Some((Some(owner.to_owned()), title.to_owned()));
    }
    // "<Name>の<page name>": Japanese puts the owner before the possessive の.
    let (owner, name) = head.rsplit_once('の')?;
    (page(name) && !owner.trim().is_empty())
        .then(|| (Some(owner.trim().to_owned()), title.to_owned()))
}

/// "Careers" over "Lead DevOps architect" beside the titles "GoTech" and "GoTech | Tech as a
/// Service": a heading under a page name that names a role is the job's when no part of the
/// page's titles names one.
pub(super) fn role_only(heading: &&str, split: &[(TitleParts, &str)]) -> bool {
    looks_like_role(heading)
        && !split
            .iter()
            .any(|(parts, _)| parts.parts.iter().any(|p| looks_like_role(p)))
}

/// Whether `a` and `b` name a role by the same role word ("engineer").
pub(super) fn shares_role_word(a: &str, b: &str) -> bool {
    // Whole words: "engineered" in a slogan names no engineer.
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    crate::extract::ROLE_WORD_LIST
        .iter()
        .filter(|w| !w.contains(' '))
        .any(|w| a.iter().any(|x| x == w) && b.iter().any(|x| x == w))
}

#[cfg(test)]
mod tests {
    use super::{holds_title_words, page_name_beside_bar};

    #[test]
    fn a_heading_that_spells_out_the_title_holds_its_words() {
        // tests/fixtures/pages/bowert-stellenangebot-konfektionierung-oldenburg.html.
        let title = "Stellenangebot: Mitarbeiter*in Konfektionierung – BO-WERT GmbH";
        let heading = "Mitarbeiter*in in der Konfektionierung (ab sofort)";
        assert!(holds_title_words(title, heading));
        assert!(!holds_title_words(title, "Karriere bei BO-WERT"));
        // One word is too few to tell.
        assert!(!holds_title_words(
            "Developer - Acme",
            "Developer relations at Acme"
        ));
    }

    #[test]
    fn a_bare_full_width_bar_parts_only_a_page_name() {
        // csaj-saiyo-engineer-genshiryoku-tokyo.html and SEGA's og:site_name.
        assert_eq!(
            page_name_beside_bar("採用情報｜株式会社シー・エス・エー・ジャパン"),
            ["採用情報", "株式会社シー・エス・エー・ジャパン"]
        );
        assert_eq!(
            page_name_beside_bar("採用サイト｜株式会社セガ"),
            ["採用サイト｜株式会社セガ"]
        );
    }
}
