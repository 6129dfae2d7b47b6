//! Whether a value read for a field can be that field's, checked before it is accepted: a
//! site's tagline ("Software Development Company") is no employer, job title or main heading;
//! a sharing title that ends its job's title with a call to action ("Starte bei X") is a
//! teaser; a page's name, another field's label or value, or a tagline is no company. A field
//! whose value fails stays empty, and the next evidence in order is read.

use super::*;

/// Whether `text` is a site's tagline describing its owner: a kind of business (`business_kind`
/// in `sites/labels.toml`: "Agency", "Company") with only words of a field of work before it
/// (`business_field`: "User Experience Design", "Software Development").
pub fn describes_business(text: &str) -> bool {
    let labels = crate::extract::sites::active().labels();
    let lower = text
        .trim()
        .trim_end_matches(['.', '!'])
        .trim()
        .to_lowercase();
    let Some(kind) = labels
        .business_kind
        .iter()
        .find(|kind| lower.ends_with(&format!(" {kind}")))
    else {
        return false;
    };
    let head = lower
        .get(..lower.len().saturating_sub(kind.len()))
        .unwrap_or_default();
    let words: Vec<&str> = head.split_whitespace().collect();
    !words.is_empty()
        && words
            .iter()
            .all(|w| labels.business_field.iter().any(|f| f == w))
}

/// Whether a job's title read by "Y at X" is a call to action, or ends with one after a
/// comma ("Starte", "IT Specialist Training (m/f/d), Start"): the title is then a teaser.
pub(super) fn call_to_action(title: &str) -> bool {
    let last = title.rsplit(',').next().unwrap_or(title);
    let lower = last.trim().to_lowercase();
    crate::extract::sites::active()
        .labels()
        .call_to_action
        .contains(&lower)
}

/// Whether a name may be an employer's: not a page's name ("Adoption", "Karriere"), another
/// field's label or value ("Full Time") or a site's tagline.
pub(super) fn may_be_company(name: &str) -> bool {
    !(generic(name) || page_name(name) || other_field(name) || describes_business(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tagline_of_field_words_and_a_kind_of_business_is_no_name() {
        // Rodesk's og:site_name and first <h1>; Bright Inventions' site-wide <title> part.
        assert!(describes_business("User Experience Design Agency"));
        assert!(describes_business("Software Development Company"));
        assert!(!describes_business("Bright Inventions"));
        assert!(!describes_business("Rodesk Design Agency"));
        assert!(!describes_business("Agency"));
        assert!(!describes_business("The Walt Disney Company"));
    }

    #[test]
    fn a_call_to_action_is_no_title() {
        // WAMOCON's og:titles: "... | Starte bei WAMOCON", "..., Start at WAMOCON".
        assert!(call_to_action("Starte"));
        assert!(call_to_action("IT Specialist Training (m/f/d), Start"));
        assert!(!call_to_action("Start-up Sales Manager"));
        assert!(!call_to_action("Rust Engineer"));
    }

    fn no_board(_: &str) -> bool {
        false
    }

    #[test]
    fn a_site_wide_tagline_title_gives_way_to_the_heading() {
        // tests/fixtures/pages/brightinventions-jobs-sales-executive.html.
        let facts = PageFacts {
            page_title: Some("Software Development Company | Bright Inventions".to_owned()),
            h1: Some("Sales Executive".to_owned()),
            ..PageFacts::default()
        };
        let fields = choose(&facts, &no_board);
        assert_eq!(
            fields.title.map(|t| t.text).as_deref(),
            Some("Sales Executive")
        );
        assert_eq!(
            fields.company.map(|c| c.text).as_deref(),
            Some("Bright Inventions")
        );
    }

    #[test]
    fn a_teaser_sharing_title_gives_way_to_the_page_title() {
        // tests/fixtures/pages/wamocon-ausbildung-fachinformatiker-anwendungsentwicklung-de.html.
        let facts = PageFacts {
            og_title: Some("Ausbildung Fachinformatiker (m/w/d) | Starte bei WAMOCON".to_owned()),
            page_title: Some(
                "Ausbildung Fachinformatiker Anwendungsentwicklung (m/w/d) | WAMOCON".to_owned(),
            ),
            h1: Some("Jetzt in die Zukunft starten!".to_owned()),
            ..PageFacts::default()
        };
        let fields = choose(&facts, &no_board);
        assert_eq!(
            fields.title.map(|t| t.text).as_deref(),
            Some("Ausbildung Fachinformatiker Anwendungsentwicklung (m/w/d)")
        );
        assert_eq!(fields.company.map(|c| c.text).as_deref(), Some("WAMOCON"));
    }

    #[test]
    fn a_heading_that_spells_out_the_short_title_is_the_title() {
        // tests/fixtures/pages/wolfblanc-vacante-interiorista-barcelona.html.
        assert!(spelled_out(
            "Interiorista, Barcelona - WOLFBLANC ARCHITECTS",
            "Interiorista / Arquitecto de Interiores, Barcelona"
        ));
        assert!(!spelled_out(
            "Interiorista, Barcelona - WOLFBLANC ARCHITECTS",
            "Interioristas del mundo"
        ));
    }

    #[test]
    fn menu_words_and_taglines_are_no_company() {
        // Technocrats' menu "Company" then "Adoption" (採用, hiring).
        assert!(!may_be_company("Adoption"));
        assert!(!may_be_company("Full Time"));
        assert!(!may_be_company("User Experience Design Agency"));
        assert!(may_be_company("Rodesk"));
    }
}
