//! Companies' legal names in a page's text ("Hobbii A/S", "Methos B.V.", "© 2021 Novo Nordisk
//! A/S") and the postcode and town of an address block that follows one ("Hobbii A/S",
//! "Kildebrøndevej 42", "DK 2670 Greve"): a legal form names a company wherever it stands, and
//! an address under that name is the company's. The legal forms are data (`legal_form` in
//! `sites/labels.toml`).

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::meta::page::{ends_in_legal_form, legal_form};

/// Whether a run whose last word is `last` may end in a legal form (see
/// [`crate::extract::sites::LegalForms::may_end_with`]).
fn may_end_in_legal_form(last: &str) -> bool {
    crate::extract::sites::active()
        .legal_forms()
        .may_end_with(last)
}

/// Most words of a legal name, its form included.
const MAX_NAME_WORDS: usize = 7;

/// Longest run of text read for a legal name, in bytes.
const MAX_RUN_BYTES: usize = 160;

/// Runs of text after a legal name read for its address's postcode and town.
pub(super) const ADDRESS_RUNS: usize = 4;

pub use crate::extract::meta::page::Seen as Where;

/// The legal name that ends a run of text: the longest run of capitalised words before a legal
/// form ("See the complete text at KK Wind Solutions A/S": "KK Wind Solutions A/S").
pub(super) fn legal_name(run: &str) -> Option<String> {
    let run = run.trim().trim_end_matches([',', ';', ':']).trim_end();
    // "СТАРТ АД – част от Монбат Груп – е сред лидерите...": a name the run starts with,
    // set off by a dash.
    // (Both dashes start with the byte 0xE2: a run without it is passed over at once.)
    if run.as_bytes().contains(&0xE2)
        && let Some((head, _)) = run.split_once(" – ").or_else(|| run.split_once(" — "))
        && head.split_whitespace().count() <= MAX_NAME_WORDS
        && head.split_whitespace().count() >= 2
        && legal_form(head).is_some()
    {
        return Some(head.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    if run.is_empty() || run.len() > MAX_RUN_BYTES {
        return None;
    }
    // Most runs end in a word that ends no form: passed over before their words are collected.
    if !run
        .split_whitespace()
        .next_back()
        .is_some_and(may_end_in_legal_form)
    {
        return None;
    }
    let words: Vec<&str> = run.split_whitespace().collect();
    // Most runs end in no legal form: one pass over the forms says so for every name below.
    if !ends_in_legal_form(&words) {
        return None;
    }
    // "cotedo Service GmbH": a whole short run whose brand is written in lowercase.
    if let [brand, rest @ ..] = words.as_slice()
        && (2..=3).contains(&rest.len())
        && brand.chars().count() >= 4
        && brand.chars().all(char::is_lowercase)
        && legal_form(&rest.join(" ")).is_some()
    {
        return Some(words.join(" "));
    }
    let from = words.len().saturating_sub(MAX_NAME_WORDS);
    (from..words.len().saturating_sub(1)).find_map(|start| {
        let name = words.get(start..)?.join(" ");
        legal_form(&name).map(|_| name)
    })
}

/// "DK 2730 Herlev", "2300 København S": a postcode (with a country's letters before it) and
/// the town.
static POSTCODE_TOWN: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Z]{1,3}[- ])?(?:\d{4,5}|\d{3}\s\d{2})\s+(\p{Lu}[\p{L}.'\- ]{1,40})$").ok()
});

/// The town of a run that is a postcode and a town.
pub(super) fn postcode_town(run: &str) -> Option<String> {
    let run = run.trim().trim_end_matches(',').trim_end();
    let town = POSTCODE_TOWN
        .as_ref()?
        .captures(run)?
        .get(1)?
        .as_str()
        .trim();
    (!town.is_empty()).then(|| town.to_owned())
}

/// "Via Cigalini 5/D 22100 Como (CO) | P.I. ...", "35 000 RENNES", "66010 Pretoro, Abruzzo": a
/// postcode (French ones may be written "35 000", Polish ones "44-348", Czech and Slovak ones
/// "695 01") and the capitalised town after it, ending the run or followed by a comma, a bar or
/// a province's code.
static POSTAL_TOWN: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[\s,])(?:[A-Z]{1,2}-)?(?:\d{5}|\d{2}\s\d{3}|\d{3}\s\d{2}|\d{4}\s\p{Lu}{2}|\d{4}|\d{2}-\d{3})\s+(\p{Lu}[\p{L}'’.\-]*(?:\s\p{Lu}[\p{L}'’.\-]*){0,2})\s*(?:\(\p{Lu}{2}\))?\s*(?:$|[,|;]|\s[-–]\s)",
    )
    .ok()
});

/// Two amounts joined by a dash ending a run ("12000 - 16000"): a pay range, not a postcode.
static PAY_RANGE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"\d[\d.,']*\s*[-–—]\s*\d[\d.,']*$").ok());

/// Longest run of text read for a postcode and town, in bytes.
const MAX_POSTAL_RUN_BYTES: usize = 200;

/// The words before the postcode and the town of a run of an address that holds a postcode
/// and a town ("TOPFLY, Località Cerrani snc, 66010 Pretoro, Abruzzo": "TOPFLY, Località
/// Cerrani snc," and "Pretoro"); a town in capitals is written with capital initials. Not in
/// a copyright line, whose year would read as a postcode.
pub(super) fn postal_town(run: &str) -> Option<(String, String)> {
    let run = run.trim();
    if run.len() > MAX_POSTAL_RUN_BYTES
        || !run.bytes().any(|b| b.is_ascii_digit())
        || run.contains('©')
        // Only ASCII letters lower to the word's letters (and "İ" to an "i" with a dot above
        // after it, which the word cannot hold): the word is sought in the run as it is.
        || run
            .as_bytes()
            .windows(b"copyright".len())
            .any(|w| w.eq_ignore_ascii_case(b"copyright"))
    {
        return None;
    }
    let town = POSTAL_TOWN.as_ref()?.captures(run)?.get(1)?;
    let before = run.get(..town.start())?.trim_end();
    // "a starting gross salary between 12000 - 16000 HRK": three capitals after a range of
    // numbers are a currency's code (ISO 4217), not a town.
    if town.as_str().len() == 3
        && town.as_str().bytes().all(|b| b.is_ascii_uppercase())
        && PAY_RANGE.as_ref().is_some_and(|r| r.is_match(before))
    {
        return None;
    }
    let before = before
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == '-' || c.is_whitespace())
        .to_owned();
    let name = town.as_str().trim_end_matches(['.', '-']);
    let capitals = name
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);
    let town = if capitals && name.chars().count() > 3 {
        name.split_inclusive([' ', '-'])
            .map(|word| {
                let mut chars = word.chars();
                chars.next().map_or_else(String::new, |first| {
                    first
                        .to_uppercase()
                        .chain(chars.flat_map(char::to_lowercase))
                        .collect()
                })
            })
            .collect()
    } else {
        name.to_owned()
    };
    Some((before, town))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn a_czech_postcode_gives_its_town() {
        // RB Taxi Hodonín's careers page (twenty-second page collection): the footer.
        assert_eq!(
            postal_town("695 01 Hodonín").map(|(_, t)| t).as_deref(),
            Some("Hodonín")
        );
        assert_eq!(postcode_town("695 01 Hodonín").as_deref(), Some("Hodonín"));
    }

    #[test]
    fn a_currency_code_after_a_pay_range_is_no_town() {
        // NodeFactory's careers pages (seventeenth page collection): the salary line.
        let run = "competitive compensation package with the possibility of a raise after each \
                   regular performance evaluation and a starting gross salary between 12000 - \
                   16000 HRK";
        assert_eq!(postal_town(run), None);
    }

    #[test]
    fn postcodes_and_towns_in_address_runs() {
        // Runs of the twelfth page collection's footers and job cards.
        assert_eq!(
            postal_town("Forge S.r.l. Via Cigalini 5/D 22100 Como (CO) | P.I. 03778880132"),
            Some((
                "Forge S.r.l. Via Cigalini 5/D".to_owned(),
                "Como".to_owned()
            ))
        );
        assert_eq!(
            postal_town("35 000 RENNES"),
            Some((String::new(), "Rennes".to_owned()))
        );
        assert_eq!(
            postal_town("TOPFLY, Località Cerrani snc, 66010 Pretoro, Abruzzo"),
            Some((
                "TOPFLY, Località Cerrani snc,".to_owned(),
                "Pretoro".to_owned()
            ))
        );
        assert_eq!(
            postal_town("Toulouse. 46-48 Rue André Vasseur 31200 Toulouse").map(|(_, t)| t),
            Some("Toulouse".to_owned())
        );
        // A year is no postcode, a bare postcode no town.
        assert_eq!(
            postal_town("Copyright © 2019 Forge S.r.l. | All rights reserved."),
            None
        );
        // A Dutch postcode: Rodesk's footer "Maashaven Zuidzijde 2 / 3081 AE Rotterdam".
        assert_eq!(
            postal_town("3081 AE Rotterdam").map(|(_, t)| t),
            Some("Rotterdam".to_owned())
        );
        assert_eq!(postal_town("Loc. Cerrani snc, 66010"), None);
        assert_eq!(
            postal_town("Rémunération entre 50 000 et 66 000 euros brut an"),
            None
        );
    }

    #[test]
    fn legal_names_end_runs() {
        assert_eq!(
            legal_name("See the complete text at KK Wind Solutions A/S").as_deref(),
            Some("KK Wind Solutions A/S")
        );
        assert_eq!(
            legal_name("© 2021 Novo Nordisk A/S").as_deref(),
            Some("Novo Nordisk A/S")
        );
        assert_eq!(legal_name("Methos B.V.").as_deref(), Some("Methos B.V."));
        assert_eq!(
            legal_name("Bixter.dk ApS").as_deref(),
            Some("Bixter.dk ApS")
        );
        assert_eq!(
            legal_name("СТАРТ АД – част от Монбат Груп – е сред лидерите в производството")
                .as_deref(),
            Some("СТАРТ АД")
        );
        assert_eq!(
            legal_name("cotedo Service GmbH").as_deref(),
            Some("cotedo Service GmbH")
        );
        assert_eq!(legal_name("we work as a team"), None);
        assert_eq!(legal_name("ApS"), None);
    }

    #[test]
    fn postcodes_give_towns() {
        assert_eq!(postcode_town("DK 2730 Herlev").as_deref(), Some("Herlev"));
        assert_eq!(
            postcode_town("2300 København S").as_deref(),
            Some("København S")
        );
        assert_eq!(postcode_town("Phone: +45 26 77 70 83"), None);
    }
}
