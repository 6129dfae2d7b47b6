//! Rule files: the skill map as data.
//!
//! This module owns the TOML rule format, its strict loading and its validation. It turns one or
//! more rule files into a [`RuleSet`]: categories, skills and the detectors of each skill, with
//! every regex compiled at load time so that a bad pattern is an error that names the file, the
//! skill and the pattern, before any posting is read. It does no matching (see
//! [`crate::matcher`]) and no I/O beyond reading the rule files it is given.
//!
//! One job per file: `file.rs` is the serde shape as written on disk, `load.rs` reads, parses
//! and validates, `pattern.rs` compiles the regex patterns, `error.rs` is the one error type
//! ([`RuleError`]: file, line, [`RuleErrorKind`]).
//!
//! The format is documented in README.md ("Rule format"). In short:
//!
//! ```toml
//! [profile]
//! id = "rust-developer"
//! name = "Rust developer"
//! exclude = ["go-to-market"]        # vetoes a hit of any skill of this file that it covers
//!
//! [[category]]
//! id = "foundational"
//! name = "Foundational Skills"
//! kind = "tech"                     # tech | soft
//! weight = 3.0
//!
//! [[skill]]
//! id = "rust"
//! name = "Rust language proficiency"
//! category = "foundational"
//! weight = 3.0
//! phrases = ["rust-lang", "rustacean*"]   # case-insensitive, whole words, `*` = word continues
//! terms = ["Rust"]                        # case-sensitive, whole words
//! patterns = ['(?i)rust ?lang']           # regex crate syntax; boundaries checked by the engine
//! exclude = ["rust belt"]                 # vetoes a hit of this skill that it covers
//! weak = []                               # phrases that need a `context` phrase nearby
//! context = []
//! window = 100                            # bytes each side of a weak hit
//! words = ["prioritize"]                  # also its inflected and derived forms (English)
//! examples = [{ text = "Rust required.", level = "required" }]   # must match
//! counter_examples = ["the rust belt"]    # must not match
//!
//! [[skill.together]]                      # a word of each group in one sentence
//! groups = [["debug", "diagnose"], ["crash", "bug"]]
//!
//! [skill.lang.de]                         # the lists of one language
//! words = ["teamfähig"]
//! ```

mod error;
mod file;
mod load;
mod pattern;

use std::fmt;

pub use error::{RuleError, RuleErrorKind};
pub use file::RuleFile;

/// The default rule file, `rules/rust-developer.toml`, embedded in the binary.
pub const DEFAULT_RULES: &str = include_str!("../../rules/rust-developer.toml");

/// The name under which the embedded default rule file is reported.
pub const DEFAULT_RULES_NAME: &str = "rules/rust-developer.toml (built in)";

/// Default distance, in bytes each side of a weak hit, within which a context phrase must occur.
pub const DEFAULT_WINDOW: usize = 100;

/// Upper bound for `window`, so that a typo cannot make every weak phrase count everywhere.
pub(crate) const MAX_WINDOW: usize = 2_000;

/// Upper bound on the compiled size of one regex pattern.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// Whether a skill is technical or a soft ability; taken from its category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SkillKind {
    /// A technical skill: a language, tool, technique or body of knowledge.
    Tech,
    /// A soft ability: communication, collaboration, ...
    Soft,
}

impl SkillKind {
    /// The lowercase name used in rule files and CSV output.
    pub fn as_str(self) -> &'static str {
        match self {
            SkillKind::Tech => "tech",
            SkillKind::Soft => "soft",
        }
    }
}

impl fmt::Display for SkillKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A group of skills with a weight in the overall score.
#[derive(Debug, Clone)]
pub struct Category {
    /// Stable identifier, used in column names (`score_<id>`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Tech or soft; every skill of the category has this kind.
    pub kind: SkillKind,
    /// Weight of the category's coverage in the overall score.
    pub weight: f64,
}

/// A literal that detects (or vetoes, or corroborates) a skill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// The text to find, without the trailing `*`.
    pub text: String,
    /// Whether the letters must match exactly (a `terms` entry) or ignoring ASCII case.
    pub case_sensitive: bool,
    /// A trailing `*`: the match extends over the word characters that follow.
    pub prefix: bool,
    /// The 1-based line of the entry in its rule file (0 when not known).
    pub line: usize,
}

impl Phrase {
    fn parse(raw: &str, case_sensitive: bool, line: usize) -> Phrase {
        let (text, prefix) = match raw.strip_suffix('*') {
            Some(stem) => (stem, true),
            None => (raw, false),
        };
        Phrase {
            text: text.to_owned(),
            case_sensitive,
            prefix,
            line,
        }
    }
}

/// An entry of a `words` list, or of a `together` group: each of its words matches its
/// inflected and derived forms in the entry's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordEntry {
    /// The entry as written (one or more words).
    pub text: String,
    /// ISO 639-1 code of the language whose word forms apply (`en` for the top-level list).
    pub language: String,
    /// The 1-based line of the entry in its rule file.
    pub line: usize,
}

/// A co-occurrence rule: a word of each group in one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Together {
    /// Two or three groups of word entries.
    pub groups: Vec<Vec<WordEntry>>,
    /// The 1-based line of the rule in its rule file.
    pub line: usize,
}

/// A real sentence that must match its skill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// The sentence.
    pub text: String,
    /// The level it must get (`required`, `preferred`, `mentioned`); any when `None`.
    pub level: Option<String>,
    /// The 1-based line of the example in its rule file.
    pub line: usize,
}

/// A real sentence that must not match its skill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CounterExample {
    /// The sentence.
    pub text: String,
    /// The 1-based line of the counter-example in its rule file.
    pub line: usize,
}

/// The levels an example may ask for.
pub const EXAMPLE_LEVELS: &[&str] = &["required", "preferred", "mentioned"];

/// A regex detector of a skill, compiled at load time.
#[derive(Debug, Clone)]
pub struct Pattern {
    /// The pattern as written in the rule file.
    pub source: String,
    /// The compiled regex (regex crate syntax; the matcher runs it anchored where its trigger
    /// literals occur, or over the whole text).
    pub regex: regex_automata::meta::Regex,
    /// Its syntax tree (the matcher takes its trigger literals from it).
    pub hir: regex_syntax::hir::Hir,
}

/// One skill of the map with the detectors that find it.
#[derive(Debug, Clone)]
pub struct Skill {
    /// Stable identifier (the contract with reports and evaluations).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Index into [`RuleSet::categories`].
    pub category: usize,
    /// Weight of the skill within its category.
    pub weight: f64,
    /// Phrases and case-sensitive terms that detect the skill on their own.
    pub phrases: Vec<Phrase>,
    /// Regex detectors.
    pub patterns: Vec<Pattern>,
    /// Phrases that veto a hit of this skill they cover (the file's global exclusions included).
    pub exclude: Vec<Phrase>,
    /// How many of `exclude`, from the first, are the skill's own (the rest are the file's
    /// global exclusions).
    pub own_exclude: usize,
    /// Phrases that detect the skill only with a context phrase nearby.
    pub weak: Vec<Phrase>,
    /// Phrases that corroborate weak hits.
    pub context: Vec<Phrase>,
    /// Bytes each side of a weak hit searched for context.
    pub window: usize,
    /// Word entries: each word matches its inflected and derived forms.
    pub words: Vec<WordEntry>,
    /// Co-occurrence rules.
    pub together: Vec<Together>,
    /// Sentences that must match the skill (all languages).
    pub examples: Vec<Example>,
    /// Sentences that must not match the skill (all languages).
    pub counter_examples: Vec<CounterExample>,
    /// The rule file that defined the skill.
    pub file: String,
}

impl Skill {
    /// Every literal phrase of the skill: its phrases, weak phrases, context phrases and
    /// exclusions (not its patterns).
    pub fn literal_phrases(&self) -> impl Iterator<Item = &Phrase> {
        self.phrases
            .iter()
            .chain(&self.weak)
            .chain(&self.context)
            .chain(&self.exclude)
    }
}

/// Identity of the loaded profile (from the first rule file).
#[derive(Debug, Clone, Default)]
pub struct Profile {
    /// Identifier of the profile.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Free text.
    pub description: String,
}

/// Categories and skills from one or more rule files, validated and compiled.
#[derive(Debug, Clone)]
pub struct RuleSet {
    /// The profile of the first rule file.
    pub profile: Profile,
    /// Categories in file order.
    pub categories: Vec<Category>,
    /// Skills in file order.
    pub skills: Vec<Skill>,
}

impl RuleSet {
    /// The skill at `index`, if there is one.
    pub fn skill(&self, index: usize) -> Option<&Skill> {
        self.skills.get(index)
    }

    /// The id of `skill`'s category (empty if it has none, which a loaded rule set never has).
    pub fn category_id(&self, skill: &Skill) -> &str {
        self.categories
            .get(skill.category)
            .map_or("", |c| c.id.as_str())
    }

    /// Indices of the skills of category `category`, in file order.
    pub fn skills_of(&self, category: usize) -> impl Iterator<Item = usize> + '_ {
        self.skills
            .iter()
            .enumerate()
            .filter(move |(_, s)| s.category == category)
            .map(|(i, _)| i)
    }

    /// The kind of skill `skill` (from its category); `Tech` for an index out of range.
    pub fn kind_of(&self, skill: usize) -> SkillKind {
        self.skills
            .get(skill)
            .and_then(|s| self.categories.get(s.category))
            .map_or(SkillKind::Tech, |c| c.kind)
    }
}

#[cfg(test)]
mod tests;
