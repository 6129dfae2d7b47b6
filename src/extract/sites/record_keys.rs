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
/// and without repeats.
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
}

impl RecordKeys {
    /// Adds a table's keys after those already held.
    pub(super) fn extend(&mut self, table: KeyTable) {
        for (list, more) in [
            (&mut self.title, table.title),
            (&mut self.text, table.text),
            (&mut self.company, table.company),
            (&mut self.location, table.location),
            (&mut self.details, table.details),
        ] {
            for key in more {
                let key = key_form(&key);
                if !key.is_empty() && !list.contains(&key) {
                    list.push(key);
                }
            }
        }
    }
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
