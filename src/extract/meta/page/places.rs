//! Whether a text reads as a place: the known countries, regions, US states and provinces
//! beyond the Hacker News list of cities.

use super::title::split_all;

/// Places beyond the Hacker News list: countries and US states, lowercase.
const MORE_PLACES: &[&str] = &[
    "san francisco bay area",
    "united states",
    "united states of america",
    "usa",
    "us",
    "united kingdom",
    "uk",
    "england",
    "scotland",
    "wales",
    "deutschland",
    "österreich",
    "schweiz",
    "suisse",
    "switzerland",
    "españa",
    "spain",
    "portugal",
    "polska",
    "poland",
    "ukraine",
    "україна",
    "россия",
    "russia",
    "nederland",
    "magyarország",
    "hungary",
    "romania",
    "greece",
    "turkey",
    "sweden",
    "singapore",
    "korea",
    "south korea",
    "taiwan",
    "vietnam",
    "philippines",
    "indonesia",
    "malaysia",
    "thailand",
    "new zealand",
    "south africa",
    "nigeria",
    "kenya",
    "egypt",
    "argentina",
    "chile",
    "colombia",
    "peru",
    "uae",
    "united arab emirates",
    "saudi arabia",
    "qatar",
    "pakistan",
    "bangladesh",
    "sri lanka",
    "washington",
    "oregon",
    "texas",
    "florida",
    "georgia",
    "illinois",
    "massachusetts",
    "new jersey",
    "pennsylvania",
    "ohio",
    "michigan",
    "virginia",
    "north carolina",
    "colorado",
    "arizona",
    "utah",
    "minnesota",
    "wisconsin",
    "maryland",
    "tennessee",
    "missouri",
    "indiana",
    "ontario",
    "quebec",
    "british columbia",
    "alberta",
    "bavaria",
    "bayern",
    // Finland's largest towns beyond Helsinki (the Hacker News list has only the capital).
    "espoo",
    "tampere",
    "vantaa",
    "oulu",
    "turku",
    "jyväskylä",
    "kuopio",
    "lahti",
    "pori",
    "kouvola",
    "joensuu",
    "lappeenranta",
    "hämeenlinna",
    "vaasa",
    "seinäjoki",
    "rovaniemi",
    "mikkeli",
    "kotka",
    "salo",
    "porvoo",
    "île-de-france",
    "kraków",
    "krakow",
    "warszawa",
    "wrocław",
    "wroclaw",
    "gdańsk",
    "gdansk",
    // Central and Eastern Europe's countries and capitals beyond the Hacker News list.
    "croatia",
    "hrvatska",
    "zagreb",
    "latvia",
    "riga",
    "estonia",
    "tallinn",
    "lithuania",
    "vilnius",
    "sofia",
    "slovenia",
    "ljubljana",
    "serbia",
    "belgrade",
    "beograd",
    "slovakia",
    "bratislava",
    "poznań",
    "poznan",
    "łódź",
    "lodz",
    "katowice",
    "remote",
    "worldwide",
    "anywhere",
    "hybrid",
];

/// US states' and Canadian provinces' codes, as they follow a city ("Austin, TX").
const STATE_CODES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC", "ON", "QC", "BC", "AB",
];

/// Whether `text` reads as a place: a short list of names, one of them a known country,
/// region, state or city ("San Mateo, CA, United States", "Sacramento, CA", "Berlin").
pub fn looks_like_place(text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > 80 || text.split_whitespace().count() > 9 {
        return false;
    }
    if text.chars().any(|c| c.is_ascii_digit()) && !text.contains(',') {
        return false;
    }
    let parts = split_all(text, &[",", "/", "(", ")"]);
    if parts.iter().any(|p| p.split_whitespace().count() > 4) {
        return false;
    }
    let known = |name: &str| {
        super::super::first_line::PLACES.contains(&name) || MORE_PLACES.contains(&name)
    };
    parts.iter().any(|part| {
        let lower = part.to_lowercase();
        // "County Dublin", "Greater London": a known place as the last word of a short part.
        let last = lower.split_whitespace().last().unwrap_or_default();
        // "Mail us": a lowercase last word is no place's name.
        let capitalised = part
            .split_whitespace()
            .last()
            .and_then(|word| word.chars().next())
            .is_some_and(|c| !c.is_lowercase());
        known(&lower)
            || STATE_CODES.contains(part)
            || (part.split_whitespace().count() <= 3
                && known(last)
                && capitalised
                && part.chars().next().is_some_and(char::is_uppercase))
    })
}
