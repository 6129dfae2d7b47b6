//! The location a page shows for itself: its own words for the JSON-LD place, the place
//! under or ending the main heading, the place after the title.

use super::*;

/// The page's own statement of the structured place `structured`: a labeled place, else the
/// place under the main heading, that holds its first part (the locality, or the country of
/// "Remote (Magyarország)") as whole words and says more than it ("Amsterdam" alone does not
/// restate "Amsterdam, NH, NL"). `None` for several places: the page may show one.
pub(super) fn restated_place(facts: &PageFacts, structured: &str) -> Option<Sourced> {
    if structured.contains(';') {
        return None;
    }
    let inner = structured
        .strip_prefix("Remote (")
        .and_then(|rest| rest.strip_suffix(')'))
        .unwrap_or(structured);
    let key = word_list(inner.split(',').next()?);
    if key.is_empty() {
        return None;
    }
    let holds = |words: &[String], part: &[String]| {
        !part.is_empty() && words.windows(part.len()).any(|w| w == part)
    };
    let restates = |shown: &Sourced| {
        let shown_words = word_list(&shown.text);
        shown.text.chars().count() <= 80
            && shown_words.len() > key.len()
            && !same(&shown.text, structured)
            && holds(&shown_words, &key)
    };
    let labeled = [facts.labeled[LOCATION].clone(), place_under_heading(facts)]
        .into_iter()
        .flatten()
        .find(|shown| restates(shown));
    if labeled.is_some() {
        return labeled.map(|shown| {
            Sourced::new(
                shown.text,
                format!("{}, the place the JSON-LD names", shown.rule),
            )
        });
    }
    // A part of a run under the main heading that starts with the locality ("Gdynia
    // Śródmieście" for "Gdynia, Pomorskie, PL"), or names both the locality and the region
    // ("Sumimedical - Medellín, Antioquia" for "Antioquia, Medellín, Colombia").
    let region = word_list(inner.split(',').nth(1).unwrap_or_default());
    facts
        .subline
        .iter()
        .flat_map(|run| split_all(run, &[" - ", " · ", " | ", " — ", " – ", " • "]))
        .map(|part| {
            let part: Vec<&str> = part.split_whitespace().collect();
            Sourced::new(part.join(" "), "the line under the main heading")
        })
        .find(|shown| {
            let shown_words = word_list(&shown.text);
            restates(shown)
                && shown_words.len() <= 6
                && (shown_words.starts_with(&key) || holds(&shown_words, &region))
        })
        .map(|shown| {
            Sourced::new(
                shown.text,
                format!("{}, the place the JSON-LD names", shown.rule),
            )
        })
}

/// The words of `text`, lowercase: its runs of letters and digits.
pub(super) fn word_list(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A location cleaned of the symbols before it ("🔍 Philadelphia"); `None` for template
/// debris ("__widget.opt-Location __ London").
pub(super) fn clean_place(mut place: Sourced) -> Option<Sourced> {
    let trimmed = place
        .text
        .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '(')
        .trim();
    if trimmed.is_empty() || trimmed.contains("__") || trimmed.contains("{{") {
        return None;
    }
    place.text = trimmed.to_owned();
    Some(place)
}

/// A place in the first runs of text under the main heading ("Cambridge, Massachusetts, United
/// States", "San Francisco, CA · Applied AI").
pub(super) fn place_under_heading(facts: &PageFacts) -> Option<Sourced> {
    let places: Vec<&str> = facts
        .subline
        .iter()
        .flat_map(|run| split_all(run, &[" · ", " | ", " — ", " – ", " • ", "|"]))
        .map(without_other_field)
        .filter(|part| looks_like_place(part) || place_and_remote(part))
        .collect();
    // "Engineering · Part-Time · Hybrid · San Francisco": the place, not the work mode.
    places
        .iter()
        .find(|p| !work_mode(p))
        .or(places.first())
        .map(|place| Sourced::new(*place, "the line under the main heading"))
}

/// "Full-Time, San Francisco Bay Area & Remote": a run under the heading without the lead
/// that is another field's value (`other` in `sites/labels.toml`).
fn without_other_field(part: &str) -> &str {
    match part.split_once(", ") {
        Some((lead, rest)) if other_field(lead) && !rest.trim().is_empty() => rest.trim(),
        _ => part,
    }
}

/// "San Francisco Bay Area & Remote": a place, and remote work beside it.
fn place_and_remote(part: &str) -> bool {
    let lower = part.to_lowercase();
    [
        " & remote",
        " and remote",
        " + remote",
        " or remote",
        " / remote",
    ]
    .iter()
    .find_map(|tail| lower.strip_suffix(tail).map(str::len))
    .and_then(|at| part.get(..at))
    .is_some_and(looks_like_place)
}

/// "Ohjelmistosuunnittelija/ -testaaja - Jyväskylä": the main heading's last part, after a
/// separator, when it is a known place (not a way of working).
pub(super) fn place_ending_heading(heading: Option<&str>) -> Option<Sourced> {
    let heading = heading?;
    // "Freiberuflicher Ableser (m/w/d) Hamburg": the words after a gender mark.
    if crate::extract::is_posting::has_gender_mark(heading)
        && let Some((_, after)) = heading.rsplit_once(')')
        && looks_like_place(after.trim())
        && !work_mode(after)
    {
        return Some(Sourced::new(
            after.trim(),
            "the main heading's words after its gender mark, a place",
        ));
    }
    let mut separators = STRONG_SEPARATORS.to_vec();
    separators.extend_from_slice(WEAK_SEPARATORS);
    let parts = split_all(heading, &separators);
    let [_, .., last] = parts.as_slice() else {
        return None;
    };
    (looks_like_place(last) && !work_mode(last))
        .then(|| Sourced::new(*last, "the main heading's last part, a place"))
}

/// Whether a "place" is only a way of working: "Hybrid", "Remote", "Anywhere".
pub(super) fn work_mode(place: &str) -> bool {
    matches!(
        place.trim().to_lowercase().as_str(),
        "hybrid" | "remote" | "anywhere" | "worldwide"
    )
}

/// "Software Engineering II in Cambridge, Massachusetts, United States | ...": a page title
/// that is the job's title followed by "in" and a place.
pub(super) fn place_after_title(facts: &PageFacts, title: &str) -> Option<Sourced> {
    let lead = format!("{} in ", title.to_lowercase());
    [
        (&facts.og_title, "og:title"),
        (&facts.page_title, "<title>"),
    ]
    .into_iter()
    .find_map(|(text, rule)| {
        let text = text.as_deref()?;
        let first = split_all(text, STRONG_SEPARATORS).into_iter().next()?;
        let lower = first.to_lowercase();
        if !lower.starts_with(&lead) {
            return None;
        }
        let place = first.get(lead.len()..)?.trim();
        looks_like_place(place).then(|| Sourced::new(place, format!("{rule} (Y in Z)")))
    })
}

/// "Backend Engineer - Merchant Growth | Bangalore | GO-JEK Careers": a part of the page's
/// `<title>` or `og:title` beside the job's `title` that is a known place (not a way of
/// working).
pub(super) fn place_beside_title(split: &[(TitleParts, &str)], title: &str) -> Option<Sourced> {
    let title = title.to_lowercase();
    split
        .iter()
        .filter(|(_, rule)| *rule != "<h1>")
        .find_map(|(parts, rule)| {
            // "Bio 7.0 Apotheke, Berlin": a name and its town; the town.
            let (part, place) = parts.parts.iter().find_map(|p| {
                let first = p.split(',').next().unwrap_or_default();
                let place = if looks_like_place(first) {
                    p.as_str()
                } else {
                    p.rsplit_once(',').map(|(_, last)| last.trim())?
                };
                (looks_like_place(place) && !work_mode(place)).then_some((p, place))
            })?;
            let beside = parts
                .parts
                .iter()
                .any(|p| p != part && title.contains(&p.to_lowercase()));
            beside.then(|| {
                Sourced::new(
                    place,
                    format!("{rule} part beside the job's title, a place"),
                )
            })
        })
}

/// Most words of a place read after a location label without a colon ("Standort Geesthacht").
const MAX_LABELED_PLACE_WORDS: usize = 3;

/// "IT-Techniker (m/w/d)" then "Standort Geesthacht": the run right under the job's title in
/// the runs under the main heading that is a location label followed by capitalised words.
pub(super) fn place_labeled_under_title(facts: &PageFacts, title: &str) -> Option<Sourced> {
    let at = facts.subline.iter().position(|run| same(run, title))?;
    let run = facts.subline.get(at + 1)?.trim();
    let labels = &crate::extract::sites::active().labels().value;
    let lower = run.to_lowercase();
    let label = labels
        .iter()
        .filter(|l| lower.starts_with(&format!("{l} ")))
        .max_by_key(|l| l.len())?;
    let place = run.get(label.len()..)?.trim();
    let words: Vec<&str> = place.split_whitespace().collect();
    let named = !words.is_empty()
        && words.len() <= MAX_LABELED_PLACE_WORDS
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !place.chars().any(|c| c.is_ascii_digit());
    named.then(|| {
        Sourced::new(
            place,
            format!("the line under the job's title after {label:?}"),
        )
    })
}

/// The town of the employer's address, when the page shows one town in all its addresses
/// ("Forge S.r.l. Via Cigalini 5/D 22100 Como (CO)"; "Liksi", "43 quai de la Prévalaye", "35
/// 000 RENNES") and the company's name stands in or just above one of them: weak evidence,
/// read only when the posting states no place. A page of several offices' addresses names
/// none of them.
pub(super) fn employer_address(facts: &PageFacts, company: Option<&Sourced>) -> Option<Sourced> {
    let name = without_legal_form(&company?.text)
        .trim_end_matches(['.', ','])
        .to_lowercase();
    if name.chars().count() < 2 {
        return None;
    }
    let (_, town) = facts.postal.first()?;
    if facts.postal.iter().any(|(_, other)| !same(other, town)) {
        return None;
    }
    // "RB Taxi Hodonín" over "695 01 Hodonín": a name that ends with the address's town.
    let town_in_name = name
        .strip_suffix(&town.to_lowercase())
        .is_some_and(|head| head.ends_with(' ') && !head.trim().is_empty());
    if town_in_name
        || facts
            .postal
            .iter()
            .any(|(context, _)| context.to_lowercase().contains(&name))
    {
        return Some(Sourced::new(
            town,
            "the employer's one address (postcode and town)",
        ));
    }
    // Rodesk's footer "Maashaven Zuidzijde 2 / 3081 AE Rotterdam" on rodesk.com: on the
    // employer's own site (its name is the name in the page's URL or one the page gives
    // itself), the site's one address is the employer's.
    let form = url_form(&name);
    let own_site = form.chars().count() >= 3
        && (facts.url_names.contains(&form)
            || facts.names.iter().any(|(n, _)| url_form(n) == form));
    own_site.then(|| Sourced::new(town, "the one address of the employer's own site"))
}

/// The town a page title glues to the employer's name ("Vacature kok - Brasserie Rubens
/// Knokke", "Ausbildung zur/zum ZFA | Wallpraxis Winsen"): a part of `og:title` or `<title>`
/// that is the company's name and one more capitalised word, not a legal form, a page word or
/// a role. Weak evidence, read only when nothing else names a place.
pub(super) fn town_after_name(
    split: &[(TitleParts, &str)],
    company: Option<&Sourced>,
) -> Option<Sourced> {
    let name = company?.text.trim().to_lowercase();
    if name.chars().count() < 3 {
        return None;
    }
    split
        .iter()
        .filter(|(_, rule)| *rule != "<h1>")
        .find_map(|(parts, rule)| {
            parts.parts.iter().find_map(|part| {
                let part = part.trim();
                let rest = part
                    .to_lowercase()
                    .strip_prefix(&format!("{name} "))
                    .map(|r| r.trim().chars().count())?;
                let town = part.get(part.len().checked_sub(rest)?..)?.trim();
                let town_like = !town.contains(' ')
                    && town.chars().next().is_some_and(char::is_uppercase)
                    && town.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
                    && town.chars().count() >= 3
                    && legal_form(town).is_none()
                    && !generic(town)
                    && !looks_like_role(town)
                    && careers_owner(part).is_none()
                    && !describes_business(&format!("{name} {town}"));
                town_like.then(|| {
                    Sourced::new(town, format!("{rule} (the company's name, then its town)"))
                })
            })
        })
}

/// The town the posting's text names after the employer's name ("to join our team at Engage
/// Hub Manchester", see [`named_place_in_text`]): the capitalised words after the name.
pub(super) fn town_after_employer(facts: &PageFacts, company: Option<&Sourced>) -> Option<Sourced> {
    let named = facts.text_named_place.as_deref()?;
    let name = without_legal_form(&company?.text);
    let rest = named
        .get(..name.len())
        .filter(|head| same(head, name))
        .and_then(|_| named.get(name.len()..))?;
    let town = rest.strip_prefix(' ')?.trim();
    (!town.is_empty() && legal_form(town).is_none() && !looks_like_role(town)).then(|| {
        Sourced::new(
            town,
            "the text's town after the employer's name (\"our team at <Name> <Town>\")",
        )
    })
}

/// The place in a kicker line right above the main heading, its parts joined by middle dots or
/// bars ("Careers · Full-time · Boston (hybrid) or remote US"): the first part after the first
/// that reads as a place, without a work mode in brackets ("Boston").
pub(super) fn place_in_kicker(facts: &PageFacts) -> Option<Sourced> {
    let line = facts.preline.first()?.trim();
    let parts = split_all(line, &["·", "•", "|"]);
    if parts.len() < 2 {
        return None;
    }
    parts.iter().skip(1).map(|p| p.trim()).find_map(|part| {
        let bare = part.split('(').next().unwrap_or(part).trim();
        let place = if looks_like_place(bare) { bare } else { part };
        looks_like_place(place).then(|| Sourced::new(place, "a kicker line above the heading"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_after_the_headings_gender_mark() {
        // KALO's Personio page (sixteenth page collection).
        let place = place_ending_heading(Some("Freiberuflicher Ableser (m/w/d) Hamburg"));
        assert_eq!(place.map(|p| p.text).as_deref(), Some("Hamburg"));
        assert_eq!(
            place_ending_heading(Some("Ableser (m/w/d) in Teilzeit")),
            None
        );
    }

    #[test]
    fn a_place_beside_remote_work_under_the_heading_is_the_place() {
        // tests/fixtures/pages/buildbuddy-jobs-software-engineer.html: the line under <h1>.
        let facts = PageFacts {
            subline: vec!["Full-Time, San Francisco Bay Area & Remote".to_owned()],
            ..PageFacts::default()
        };
        assert_eq!(
            place_under_heading(&facts).map(|p| p.text).as_deref(),
            Some("San Francisco Bay Area & Remote")
        );
        assert!(!place_and_remote("Remote Execution & Remote"));
    }

    #[test]
    fn the_town_after_the_employers_name_in_the_text_is_its_place() {
        // tests/fixtures/pages/engagehub-jobs-commercial-manager-manchester-next-post-h1-en.html
        let facts = PageFacts {
            text_named_place: Some("Engage Hub Manchester".to_owned()),
            ..PageFacts::default()
        };
        let company = Sourced::new("Engage Hub", "test");
        assert_eq!(
            town_after_employer(&facts, Some(&company))
                .map(|p| p.text)
                .as_deref(),
            Some("Manchester")
        );
        let other = Sourced::new("Acme", "test");
        assert_eq!(town_after_employer(&facts, Some(&other)), None);
        assert_eq!(town_after_employer(&facts, None), None);
    }

    #[test]
    fn a_name_that_ends_with_its_addresss_town_is_placed_there() {
        // tests/fixtures/pages/rbtaxi-kariera-ridic-taxi-hodonin-cs.html: the footer's address
        // is the operator's; the brand carries the town.
        let facts = PageFacts {
            postal: vec![(
                "RB Group s.r.o. U Tirexu 3543".to_owned(),
                "Hodonín".to_owned(),
            )],
            ..PageFacts::default()
        };
        let company = Sourced::new("RB Taxi Hodonín", "test");
        assert_eq!(
            employer_address(&facts, Some(&company))
                .map(|p| p.text)
                .as_deref(),
            Some("Hodonín")
        );
    }

    #[test]
    fn the_one_address_of_the_employers_own_site_is_its_place() {
        // tests/fixtures/pages/rodesk-jobs-fulltime-ux-designer.html: the footer's address
        // names no company; the site is rodesk.com.
        let facts = PageFacts {
            postal: vec![("Maashaven Zuidzijde 2".to_owned(), "Rotterdam".to_owned())],
            url_names: vec!["rodesk".to_owned()],
            ..PageFacts::default()
        };
        let company = Sourced::new("Rodesk", "test");
        assert_eq!(
            employer_address(&facts, Some(&company))
                .map(|p| p.text)
                .as_deref(),
            Some("Rotterdam")
        );
        let other = Sourced::new("Acme", "test");
        assert_eq!(employer_address(&facts, Some(&other)), None);
    }
}
