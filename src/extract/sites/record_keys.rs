//! The keys of a scraped JSON or CSV record's title, text, employer, place and details, per
//! language and per site (`sites/record-keys.toml`, embedded; a user's site file adds
//! `[[record_keys]]` tables).

use serde::Deserialize;

/// The built-in record keys, `sites/record-keys.toml`.
pub const DEFAULT_RECORD_KEYS: &str = include_str!("../../../sites/record-keys.toml");

/// The name under which the built-in record keys are reported.
pub const DEFAULT_RECORD_KEYS_NAME: &str = "sites/record-keys.toml (built in)";

/// One table of keys: one language's words, or one site's.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyTable {
    /// The language whose words these are (documentation only).
    #[serde(default)]
    pub language: Option<String>,
    /// The site whose words these are (documentation only).
    #[serde(default)]
    pub site: Option<String>,
    /// Keys of the posting's title.
    #[serde(default)]
    pub title: Vec<String>,
    /// Keys of the posting's text.
    #[serde(default)]
    pub text: Vec<String>,
    /// Keys of the employer's name.
    #[serde(default)]
    pub company: Vec<String>,
    /// Keys of the place of work.
    #[serde(default)]
    pub location: Vec<String>,
    /// Keys of fields that belong to the posting beside its text (the technologies a scraper
    /// tagged it with): read after the text, each as a line "key: value".
    #[serde(default)]
    pub details: Vec<String>,
}

/// The built-in file's shape.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RecordKeysFile {
    /// The tables, in order.
    #[serde(default)]
    pub keys: Vec<KeyTable>,
}

/// Every table's keys merged, each written as keys are compared ([`key_form`]), in file order
/// and without repeats; and the one-word keys of each field again as words, against which the
/// words of a key no list names are matched ([`RecordKeys::role_of`]).
#[derive(Debug, Default, Clone)]
pub struct RecordKeys {
    /// Keys of the posting's title, in order of preference.
    pub title: Vec<String>,
    /// Keys of the posting's text, in order of preference.
    pub text: Vec<String>,
    /// Keys of the employer's name, in order of preference.
    pub company: Vec<String>,
    /// Keys of the place of work, in order of preference.
    pub location: Vec<String>,
    /// Keys of the posting's other fields read with its text, in order.
    pub details: Vec<String>,
    /// The one-word keys of each field, as words: title, text, employer, place, details.
    words: [Vec<String>; 5],
}

/// What a record's field holds, told by the words of its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The posting's title.
    Title,
    /// The posting's text.
    Text,
    /// The employer's name or blurb.
    Company,
    /// The place of work.
    Location,
    /// A field of the posting beside its text (its skills, its technologies).
    Details,
}

impl RecordKeys {
    /// Adds a table's keys after those already held.
    pub(super) fn extend(&mut self, table: KeyTable) {
        let [title, text, company, location, details] = &mut self.words;
        for (list, words, more) in [
            (&mut self.title, title, table.title),
            (&mut self.text, text, table.text),
            (&mut self.company, company, table.company),
            (&mut self.location, location, table.location),
            (&mut self.details, details, table.details),
        ] {
            for key in more {
                let one_word = key_words(&key).len() == 1;
                let key = key_form(&key);
                if !key.is_empty() && !list.contains(&key) {
                    list.push(key.clone());
                }
                if one_word && !words.contains(&key) {
                    words.push(key);
                }
            }
        }
    }

    /// What a key no list names holds, by its words ([`key_words`]): an employer's or a place's
    /// word wins over the others ("company_description" is the employer's blurb, "companyName"
    /// its name, not the posting's title), then a title's word, then a text's, then a detail's
    /// ("offer_title", "descriptionText", "job_descripcion", "required_skills"). `None` for a
    /// key with none of these words (an id, a URL, a date).
    pub fn role_of(&self, key: &str) -> Option<Role> {
        let words = key_words(key);
        let has = |list: &[String]| words.iter().any(|w| list.contains(w));
        let [title, text, company, location, details] = &self.words;
        [
            (company, Role::Company),
            (location, Role::Location),
            (title, Role::Title),
            (text, Role::Text),
            (details, Role::Details),
        ]
        .into_iter()
        .find(|(list, _)| has(list))
        .map(|(_, role)| role)
    }
}

/// The words of a key, lowercase: split at `_`, `-`, `.`, spaces and where a lowercase letter
/// or digit is followed by an uppercase one ("descriptionText", "job_descripcion",
/// "offer-title" give two words each).
pub fn key_words(key: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut previous_lower = false;
    for c in key.chars() {
        if matches!(c, '_' | '-' | '.' | ' ') {
            words.push(std::mem::take(&mut word));
            previous_lower = false;
            continue;
        }
        if c.is_uppercase() && previous_lower {
            words.push(std::mem::take(&mut word));
        }
        previous_lower = c.is_lowercase() || c.is_ascii_digit();
        word.extend(c.to_lowercase());
    }
    words.push(word);
    words.retain(|w| !w.is_empty());
    words
}

/// A key as keys are compared: lowercase, without `_`, `-`, `.` and spaces.
pub fn key_form(key: &str) -> String {
    key.chars()
        .filter(|c| !matches!(c, '_' | '-' | '.' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_keys_load_in_order() {
        let file: RecordKeysFile = toml::from_str(DEFAULT_RECORD_KEYS).unwrap();
        let mut keys = RecordKeys::default();
        for table in file.keys {
            keys.extend(table);
        }
        assert_eq!(keys.title[0], "title");
        assert!(keys.title.iter().any(|k| k == "titulo"));
        assert!(keys.text.iter().any(|k| k == "descripcion"));
        assert_eq!(key_form("job_Title"), "jobtitle");
        assert_eq!(key_words("descriptionText"), ["description", "text"]);
        assert_eq!(key_words("job_descripcion"), ["job", "descripcion"]);
        assert_eq!(key_words("offer-title"), ["offer", "title"]);
        assert_eq!(key_words("HTMLBody"), ["htmlbody"]);
        assert_eq!(keys.role_of("offer_title"), Some(Role::Title));
        assert_eq!(keys.role_of("descriptionText"), Some(Role::Text));
        assert_eq!(keys.role_of("job_descripcion"), Some(Role::Text));
        assert_eq!(keys.role_of("companyName"), Some(Role::Company));
        assert_eq!(keys.role_of("company_description"), Some(Role::Company));
        assert_eq!(keys.role_of("job_details"), Some(Role::Text));
        assert_eq!(keys.role_of("required_skills"), Some(Role::Details));
        assert_eq!(keys.role_of("job_url"), None);
    }

    #[test]
    fn a_users_site_file_adds_keys_after_the_built_in_ones() {
        let user =
            "[[record_keys]]\nsite = \"My scraper\"\ntitle = [\"Otsikko\"]\ntext = [\"kuvaus\"]\n";
        let sites = crate::extract::sites::Sites::from_sources(&[(
            "user.toml".to_owned(),
            user.to_owned(),
        )])
        .unwrap();
        let keys = sites.record_keys();
        assert_eq!(keys.title.first().map(String::as_str), Some("title"));
        assert_eq!(keys.title.last().map(String::as_str), Some("otsikko"));
        assert_eq!(keys.text.last().map(String::as_str), Some("kuvaus"));
        let bad = "[[record_keys]]\nheading = [\"x\"]\n";
        assert!(
            crate::extract::sites::Sites::from_sources(&[("bad.toml".to_owned(), bad.to_owned())])
                .is_err()
        );
    }
}
