//! The language files, `rules/languages/<code>.toml`, embedded in the binary and merged.

use serde::Deserialize;

/// The embedded language files, by code.
const FILES: &[(&str, &str)] = &[
    ("en", include_str!("../../rules/languages/en.toml")),
    ("zh", include_str!("../../rules/languages/zh.toml")),
    ("vi", include_str!("../../rules/languages/vi.toml")),
    ("de", include_str!("../../rules/languages/de.toml")),
    ("fr", include_str!("../../rules/languages/fr.toml")),
    ("es", include_str!("../../rules/languages/es.toml")),
    ("nl", include_str!("../../rules/languages/nl.toml")),
    ("pl", include_str!("../../rules/languages/pl.toml")),
    ("it", include_str!("../../rules/languages/it.toml")),
    ("pt", include_str!("../../rules/languages/pt.toml")),
    ("uk", include_str!("../../rules/languages/uk.toml")),
    ("ru", include_str!("../../rules/languages/ru.toml")),
];

/// One language file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguageFile {
    language: String,
    #[serde(default)]
    headings: Headings,
    #[serde(default)]
    cues: Cues,
    #[serde(default)]
    items: Items,
    /// Metadata cues: any keys, not read yet (the table is reserved for them).
    #[serde(default)]
    #[allow(dead_code)]
    meta: toml::Table,
}

/// Section heading keywords, one list per section kind (lowercase; a heading names the kind
/// when one of them occurs at a word start in it). The kinds are tried in the order of the
/// fields: the first kind with a keyword in the heading wins.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Headings {
    /// Lists of other jobs on the page ("similar jobs").
    #[serde(default)]
    pub other_jobs: Vec<String>,
    /// Equal opportunity, privacy, legal notices.
    #[serde(default)]
    pub legal: Vec<String>,
    /// Benefits, perks, compensation.
    #[serde(default)]
    pub benefits: Vec<String>,
    /// Nice to have.
    #[serde(default)]
    pub preferred: Vec<String>,
    /// Requirements, qualifications, the candidate's profile.
    #[serde(default)]
    pub requirements: Vec<String>,
    /// How to apply, the hiring process.
    #[serde(default)]
    pub apply: Vec<String>,
    /// About the company.
    #[serde(default)]
    pub company: Vec<String>,
    /// What the job involves.
    #[serde(default)]
    pub responsibilities: Vec<String>,
    /// Generic words that name the company only when no other kind matched ("about ",
    /// "culture"): tried last, after responsibilities, so that "about the role" is the job.
    #[serde(default)]
    pub company_fallback: Vec<String>,
}

/// How a list item opens, one list per reading (lowercase; an opener matches whole words at
/// the start of the item, the longest one wins). A section whose items mostly read as the
/// job's duties or demands is job content whatever its heading says ("What's in it for you?"
/// over "You will define ...").
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Items {
    /// A duty of the role, addressed to the candidate ("you will", "you're responsible").
    #[serde(default)]
    pub duty: Vec<String>,
    /// A demand on the candidate ("you have", "ability to", "experience with").
    #[serde(default)]
    pub demand: Vec<String>,
    /// A perk offered to the candidate ("you get", "you'll enjoy"): not a duty.
    #[serde(default)]
    pub perk: Vec<String>,
}

/// Sentence cues of the matcher's level logic, one list per class. Each cue matches whole
/// words (case-insensitive); a trailing `*` lets its last word go on ("кандидат*").
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cues {
    /// The sentence asks for it as nice to have ("a plus", "ideally").
    #[serde(default)]
    pub preferred: Vec<String>,
    /// The sentence asks for it as a must ("required", "must").
    #[serde(default)]
    pub required: Vec<String>,
    /// Negates a need ("no", "not"): with a [`Cues::need`] word, the hit is only mentioned.
    #[serde(default)]
    pub negator: Vec<String>,
    /// A need that a negator turns around ("no experience needed").
    #[serde(default)]
    pub need: Vec<String>,
    /// The sentence turns to the candidate ("we are looking for").
    #[serde(default)]
    pub candidate: Vec<String>,
    /// The sentence is about benefits ("health insurance").
    #[serde(default)]
    pub perk: Vec<String>,
    /// Words for years, in "N+ years" of experience (the sentence is then a requirement).
    #[serde(default)]
    pub years: Vec<String>,
}

/// Every language file merged: each list is the union of the languages' lists, in file order.
#[derive(Debug, Clone, Default)]
pub struct Languages {
    /// Heading keywords of all languages.
    pub headings: Headings,
    /// Sentence cues of all languages.
    pub cues: Cues,
    /// List item openers of all languages.
    pub items: Items,
    /// Each language's own sentence cues, by language code, in file order: the matcher reads a
    /// language's cues only in postings of that language (English ones in all).
    pub cues_by_language: Vec<(&'static str, Cues)>,
}

/// Why an embedded language file did not load (a bug in the data, caught by a test).
#[derive(Debug, Clone, thiserror::Error)]
pub enum LanguageError {
    /// The file is not valid TOML or does not follow the format.
    #[error("rules/languages/{code}.toml: {message}")]
    Parse {
        /// The language code of the file.
        code: &'static str,
        /// The parser's message.
        message: String,
    },
    /// The file's `language` is not its name.
    #[error("rules/languages/{code}.toml: language = {found:?}, expected {code:?}")]
    WrongCode {
        /// The language code of the file.
        code: &'static str,
        /// What the file says.
        found: String,
    },
}

/// Parses and merges the embedded language files.
pub(super) fn load() -> Result<Languages, LanguageError> {
    let mut all = Languages::default();
    for &(code, text) in FILES {
        let file: LanguageFile = toml::from_str(text).map_err(|e| LanguageError::Parse {
            code,
            message: e.message().trim_end().to_owned(),
        })?;
        if file.language != code {
            return Err(LanguageError::WrongCode {
                code,
                found: file.language,
            });
        }
        let (h, c, i) = (file.headings, file.cues, file.items);
        let into = &mut all.items;
        for (to, from) in [
            (&mut into.duty, i.duty),
            (&mut into.demand, i.demand),
            (&mut into.perk, i.perk),
        ] {
            to.extend(from);
        }
        all.cues_by_language.push((code, c.clone()));
        let into = &mut all.headings;
        for (to, from) in [
            (&mut into.other_jobs, h.other_jobs),
            (&mut into.legal, h.legal),
            (&mut into.benefits, h.benefits),
            (&mut into.preferred, h.preferred),
            (&mut into.requirements, h.requirements),
            (&mut into.apply, h.apply),
            (&mut into.company, h.company),
            (&mut into.responsibilities, h.responsibilities),
            (&mut into.company_fallback, h.company_fallback),
        ] {
            to.extend(from);
        }
        let into = &mut all.cues;
        for (to, from) in [
            (&mut into.preferred, c.preferred),
            (&mut into.required, c.required),
            (&mut into.negator, c.negator),
            (&mut into.need, c.need),
            (&mut into.candidate, c.candidate),
            (&mut into.perk, c.perk),
            (&mut into.years, c.years),
        ] {
            to.extend(from);
        }
    }
    Ok(all)
}

#[cfg(test)]
mod tests {
    /// Every file in rules/languages/ is embedded, under its own code, and loads.
    #[test]
    fn every_language_file_is_embedded() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/languages");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| {
                let name = e.unwrap().file_name().into_string().unwrap();
                name.strip_suffix(".toml").map(str::to_owned)
            })
            .collect();
        on_disk.sort();
        let mut embedded: Vec<String> = super::FILES.iter().map(|(c, _)| (*c).to_owned()).collect();
        embedded.sort();
        assert_eq!(on_disk, embedded);
        for code in &embedded {
            assert!(crate::language::is_known(code), "{code}");
        }
        super::load().unwrap();
    }
}
