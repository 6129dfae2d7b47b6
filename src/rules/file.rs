//! The serde shape of a rule file, exactly as written on disk. Unknown fields are errors.
//!
//! Every value an error can point at is [`Spanned`]: its byte range in the file gives the line
//! an error names. A table's own span is its header (`[[skill]]`).

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use super::SkillKind;

/// One rule file as parsed, before validation.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    /// The `[profile]` table.
    #[serde(default)]
    pub profile: ProfileTable,
    /// The `[[category]]` tables.
    #[serde(default)]
    pub category: Vec<Spanned<CategoryTable>>,
    /// The `[[skill]]` tables.
    #[serde(default)]
    pub skill: Vec<Spanned<SkillTable>>,
}

/// `[profile]`: what the file describes, and exclusions for all of its skills.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileTable {
    /// Identifier.
    #[serde(default)]
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// Free text.
    #[serde(default)]
    pub description: String,
    /// Phrases that veto a hit of any skill of this file that they cover.
    #[serde(default)]
    pub exclude: Vec<Spanned<String>>,
}

/// `[[category]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryTable {
    /// Identifier.
    pub id: Spanned<String>,
    /// Display name.
    pub name: String,
    /// `tech` or `soft`.
    pub kind: SkillKind,
    /// Weight in the overall score (default 1).
    #[serde(default = "one")]
    pub weight: Spanned<f64>,
}

/// `[[skill]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkillTable {
    /// Identifier.
    pub id: Spanned<String>,
    /// Display name.
    pub name: String,
    /// Category id.
    pub category: Spanned<String>,
    /// Weight within the category (default 1).
    #[serde(default = "one")]
    pub weight: Spanned<f64>,
    /// Case-insensitive whole-word phrases.
    #[serde(default)]
    pub phrases: Vec<Spanned<String>>,
    /// Case-sensitive whole-word terms.
    #[serde(default)]
    pub terms: Vec<Spanned<String>>,
    /// Regex patterns.
    #[serde(default)]
    pub patterns: Vec<Spanned<String>>,
    /// Phrases that veto a hit they cover.
    #[serde(default)]
    pub exclude: Vec<Spanned<String>>,
    /// Phrases that count only with context nearby.
    #[serde(default)]
    pub weak: Vec<Spanned<String>>,
    /// Phrases that corroborate weak hits.
    #[serde(default)]
    pub context: Vec<Spanned<String>>,
    /// Bytes each side of a weak hit searched for context.
    pub window: Option<Spanned<usize>>,
    /// Words that match their inflected and derived forms (English word forms).
    #[serde(default)]
    pub words: Vec<Spanned<String>>,
    /// Co-occurrence rules: a word of each group in one sentence.
    #[serde(default)]
    pub together: Vec<Spanned<TogetherTable>>,
    /// The lists of one language, by ISO 639-1 code.
    #[serde(default)]
    pub lang: BTreeMap<Spanned<String>, LangTable>,
    /// Real sentences that must match the skill (at a level, when given).
    #[serde(default)]
    pub examples: Vec<Spanned<ExampleTable>>,
    /// Real sentences that must not match the skill.
    #[serde(default)]
    pub counter_examples: Vec<Spanned<String>>,
}

/// `[skill.lang.<code>]`: the lists of a skill in one language.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LangTable {
    /// Case-insensitive whole-word phrases.
    #[serde(default)]
    pub phrases: Vec<Spanned<String>>,
    /// Words that match their inflected and derived forms (this language's word forms).
    #[serde(default)]
    pub words: Vec<Spanned<String>>,
    /// Case-sensitive whole-word terms.
    #[serde(default)]
    pub terms: Vec<Spanned<String>>,
    /// Regex patterns.
    #[serde(default)]
    pub patterns: Vec<Spanned<String>>,
    /// Phrases that veto a hit they cover.
    #[serde(default)]
    pub exclude: Vec<Spanned<String>>,
    /// Phrases that count only with context nearby.
    #[serde(default)]
    pub weak: Vec<Spanned<String>>,
    /// Phrases that corroborate weak hits.
    #[serde(default)]
    pub context: Vec<Spanned<String>>,
    /// Co-occurrence rules: a word of each group in one sentence.
    #[serde(default)]
    pub together: Vec<Spanned<TogetherTable>>,
    /// Real sentences that must match the skill (at a level, when given).
    #[serde(default)]
    pub examples: Vec<Spanned<ExampleTable>>,
    /// Real sentences that must not match the skill.
    #[serde(default)]
    pub counter_examples: Vec<Spanned<String>>,
}

/// `[[skill.together]]`: two or three groups of words.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TogetherTable {
    /// The groups; each entry behaves as a `words` entry.
    pub groups: Vec<Vec<Spanned<String>>>,
}

/// An entry of `examples`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExampleTable {
    /// The sentence.
    pub text: String,
    /// `required`, `preferred` or `mentioned`; any counted level when absent.
    #[serde(default)]
    pub level: Option<Spanned<String>>,
}

/// The default weight; it has no place in the file (an empty span).
fn one() -> Spanned<f64> {
    Spanned::new(0..0, 1.0)
}
