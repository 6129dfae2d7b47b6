//! The page's main heading and the job's own heading under a generic page name, and whether
//! an `og:title` names another page than the `<title>`: the headings and titles a page's
//! reader weighs before its labels.

use super::super::{is_posting, looks_like_role, meta, sections};
use super::evidence::{Heading, PageEvidence};

/// The page's main heading, and the job's heading after it when the main one is only the
/// page's generic name ("Karriere" over "Associate (m/w/d) Insolvenzverwaltung"). `titles` are
/// the page's `og:title` and `<title>`; `max_words` is the most words of a heading read as a
/// job's title rather than a banner's sentence.
pub(super) fn main_and_offer<'a>(
    evidence: &'a PageEvidence,
    titles: [Option<&str>; 2],
    max_words: usize,
) -> (Option<&'a Heading>, Option<String>) {
    // The first `<h1>` that is not a generic page name ("Job offer" over the job's own) nor a
    // careers banner: a sentence the page's titles do not repeat ("Ayúdanos a construir la
    // mejor plataforma ..." over "Representante de Ventas").
    let titles = titles
        .into_iter()
        .flatten()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("\n");
    let banner = |h: &Heading| {
        h.text.split_whitespace().count() > max_words && !titles.contains(&h.text.to_lowercase())
    };
    // A site's tagline ("User Experience Design Agency") over the job's own `<h1>` names no job.
    let names_no_job =
        |text: &str| meta::page::names_no_job(text) || meta::page::describes_business(text);
    // A screen reader's copy of a title ("Careers - Software Engineer, Core") gives way to
    // the visible `<h1>` after it ("Senior Software Engineer"); alone, it is the heading.
    let main_heading = evidence
        .h1s
        .iter()
        .find(|h| !h.hidden && !names_no_job(&h.text) && !banner(h))
        .or_else(|| {
            evidence
                .h1s
                .iter()
                .find(|h| !names_no_job(&h.text) && !banner(h))
        })
        .or_else(|| evidence.h1s.iter().find(|h| !names_no_job(&h.text)))
        .or(evidence.h1s.first());
    // "Oferty Pracy" over "Aktualne oferty pracy" and the one offer "Stażysta Python - ...": a
    // main heading that is only the page's generic name gives way to the first heading after
    // it that names neither the page nor a list of jobs (a list's own title, "usa jobs", keeps
    // the page a list), nor says the page lists all openings ("Alle Stellen bei ...").
    let names_page = |text: &str| {
        meta::page::names_no_job(text)
            || is_posting::names_jobs(text)
            || is_posting::names_all_openings(text)
    };
    // A first such heading that names no role ("Sei intraprendente?") gives way to a later
    // one, down to `<h6>`, that does ("Technical Project Manager/R&D Technical Lead").
    // "Stellenausschreibung" over the line "Sozialpädagogische Fachkraft (m/w/d) als
    // Schulbegleitung": a line right under a page name that carries a job title's gender mark
    // names the offer, before any later heading ("Wir suchen Dich!").
    let gendered = main_heading
        .filter(|h| meta::page::names_no_job(&h.text))
        .and_then(|h| h.subline.first())
        .filter(|line| {
            is_posting::has_gender_mark(line) && line.split_whitespace().count() <= max_words * 2
        });
    if let Some(line) = gendered {
        return (main_heading, Some(line.clone()));
    }
    let offer_heading = main_heading
        .filter(|h| meta::page::names_no_job(&h.text))
        .and_then(|_| {
            let first = evidence.later_headings.iter().find(|h| !names_page(h));
            if first.is_some_and(|h| looks_like_role(h)) {
                return first;
            }
            evidence
                .later_headings
                .iter()
                .chain(&evidence.lower_headings)
                .find(|h| {
                    !names_page(h)
                        && looks_like_role(h)
                        && h.split_whitespace().count() <= max_words
                })
                .or(first)
        })
        .cloned();
    (main_heading, offer_heading)
}

/// The main heading when it names a list of jobs by its plural words ("Offres d'emploi") on a
/// page of at most `max_words` words, over at least [`MIN_LIST_HEADINGS`] headings that are
/// neither a role nor a posting's section ("Filtres", then the offers' cards): a short careers
/// page's list. One offer under such a heading ("Oferty Pracy", then "Stażysta Python") stays a
/// posting.
pub(super) fn list_heading(
    evidence: &PageEvidence,
    offer: Option<&str>,
    words: usize,
    max_words: usize,
) -> Option<String> {
    let heading = evidence.h1s.first()?.text.trim();
    let later = &evidence.later_headings;
    (words <= max_words
        && is_posting::names_jobs(heading.trim_matches(|c: char| !c.is_alphanumeric()))
        && !offer.is_some_and(looks_like_role)
        && later.len() >= MIN_LIST_HEADINGS
        && later
            .iter()
            .all(|h| sections::classify_heading(h).is_none()))
    .then(|| heading.to_owned())
}

/// Headings under a list's heading that make a short page that list.
const MIN_LIST_HEADINGS: usize = 3;

/// How many job cards the page shows, when elements labeled alike as a job's title make it a
/// list: `min` of them, or two under a first heading that is only the page's name ("TRABAJA CON
/// NOSOTROS.", "Carreiras": a careers page's list; a posting's sidebar of other jobs stands
/// beside a heading naming the job). A job's heading under the page's name ("Lavora con noi",
/// then "Technical Project Manager/R&D Technical Lead", the `offer` heading) keeps the page one
/// posting.
pub(super) fn job_cards(evidence: &PageEvidence, offer: Option<&str>, min: usize) -> Option<usize> {
    let page_named = evidence.h1s.first().is_some_and(|h| {
        meta::page::names_no_job(h.text.trim().trim_end_matches(['.', '!', ':']).trim())
    }) && !offer.is_some_and(looks_like_role);
    let cards = evidence.title_elements;
    (cards >= min || (page_named && cards >= MIN_PAGE_CARDS)).then_some(cards)
}

/// Job cards labeled alike as a job's title that make a list under a first heading that is
/// only the page's name ("Carreiras" over two).
const MIN_PAGE_CARDS: usize = 2;

/// Whether `og` (an `og:title`) names another page than `title` (the `<title>`): both are
/// "<first part> | <site parts>" with the same site parts and another first part
/// ("ネイティブアプリエンジニア | 中途採用情報 | 採用サイト" beside "DevOpsエンジニア | 中途採用情報 |
/// 採用サイト": a template's stale tag).
pub(super) fn names_another_page(og: &str, title: Option<&str>) -> bool {
    let Some(title) = title else {
        return false;
    };
    let split = |text: &str| {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let (first, rest) = text.split_once(" | ")?;
        Some((first.trim().to_lowercase(), rest.trim().to_lowercase()))
    };
    match (split(og), split(title)) {
        (Some((og_first, og_rest)), Some((first, rest))) => {
            !og_rest.is_empty() && og_rest == rest && og_first != first
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::names_another_page;

    #[test]
    fn an_og_title_naming_another_job_than_the_title_is_stale() {
        // tests/fixtures/pages/sega-recruit-career-devops-engineer-segaxd.html
        let og = "ネイティブアプリエンジニア | 中途採用情報 | 採用サイト｜株式会社セガ -【SEGA Co., Ltd.】";
        let title =
            "DevOpsエンジニア | 中途採用情報 | 採用サイト｜株式会社セガ -【SEGA Co., Ltd.】";
        assert!(names_another_page(og, Some(title)));
        assert!(!names_another_page(title, Some(title)));
        // Another site part, or none: not the same template.
        assert!(!names_another_page(
            "Game Programmer | Futureplay",
            Some("Game Programmer — Futureplay")
        ));
        assert!(!names_another_page("A | B", Some("C | D")));
        assert!(!names_another_page(og, None));
    }
}
