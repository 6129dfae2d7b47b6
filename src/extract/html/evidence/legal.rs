//! Companies' legal names in a page's text ("Hobbii A/S", "Methos B.V.", "© 2021 Novo Nordisk
//! A/S") and the postcode and town of an address block that follows one ("Hobbii A/S",
//! "Kildebrøndevej 42", "DK 2670 Greve"): a legal form names a company wherever it stands, and
//! an address under that name is the company's. The legal forms are data (`legal_form` in
//! `sites/labels.toml`).

use std::sync::LazyLock;

use regex::Regex;

use crate::extract::meta::page::legal_form;

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
    if let Some((head, _)) = run.split_once(" – ").or_else(|| run.split_once(" — "))
        && head.split_whitespace().count() <= MAX_NAME_WORDS
        && head.split_whitespace().count() >= 2
        && legal_form(head).is_some()
    {
        return Some(head.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    if run.is_empty() || run.len() > MAX_RUN_BYTES {
        return None;
    }
    let words: Vec<&str> = run.split_whitespace().collect();
    let from = words.len().saturating_sub(MAX_NAME_WORDS);
    (from..words.len().saturating_sub(1)).find_map(|start| {
        let name = words.get(start..)?.join(" ");
        legal_form(&name).map(|_| name)
    })
}

/// "DK 2730 Herlev", "2300 København S": a postcode (with a country's letters before it) and
/// the town.
static POSTCODE_TOWN: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"^(?:[A-Z]{1,3}[- ])?\d{4,5}\s+(\p{Lu}[\p{L}.'\- ]{1,40})$").ok());

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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

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
