//! Why a rule file was refused: one [`RuleError`] naming the file and the line, and a
//! [`RuleErrorKind`] saying what is wrong (with the skill and the entry, when there is one).
//!
//! Lines come from the spans the TOML parser records ([`toml::Spanned`]), not from searching
//! the text again.

use std::fmt;

use super::MAX_WINDOW;

/// A rule file refused: where, and why.
#[derive(Debug, thiserror::Error)]
pub struct RuleError {
    /// The rule file (empty for an error about the rule set as a whole).
    pub file: String,
    /// The 1-based line in the file, when known.
    pub line: Option<usize>,
    /// What is wrong.
    pub kind: RuleErrorKind,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.file.as_str(), self.line) {
            ("", _) => write!(f, "{}", self.kind),
            (file, Some(line)) => write!(f, "{file}:{line}: {}", self.kind),
            (file, None) => write!(f, "{file}: {}", self.kind),
        }
    }
}

/// What is wrong with a rule file.
#[derive(Debug, thiserror::Error)]
pub enum RuleErrorKind {
    /// The file could not be read.
    #[error("cannot read rule file: {0}")]
    Read(std::io::Error),
    /// The file is not valid TOML or does not follow the format (unknown field, wrong type...).
    #[error("{}{message}", skill_prefix(.skill.as_deref()))]
    Parse {
        /// The `[[skill]]` table the error is in, when it is in one.
        skill: Option<String>,
        /// The parser's message.
        message: String,
    },
    /// An identifier is empty or uses characters other than lowercase letters, digits, `-`, `_`.
    #[error("{what} id {id:?} is not valid: use lowercase letters, digits, '-' and '_'")]
    InvalidId {
        /// `skill` or `category`.
        what: &'static str,
        /// The offending id.
        id: String,
    },
    /// Two categories or two skills share an id.
    #[error("duplicate {what} id {id:?} (first defined in {first})")]
    Duplicate {
        /// `skill` or `category`.
        what: &'static str,
        /// The repeated id.
        id: String,
        /// The file of the first definition.
        first: String,
    },
    /// A skill names a category that its file does not define.
    #[error("skill {skill:?}: unknown category {category:?}")]
    UnknownCategory {
        /// The skill.
        skill: String,
        /// The category it names.
        category: String,
    },
    /// A category has no skills, so its coverage would be undefined.
    #[error("category {category:?} has no skills")]
    EmptyCategory {
        /// The category.
        category: String,
    },
    /// A weight is negative or not finite.
    #[error("{what} {id:?}: weight {weight} must be a finite number >= 0")]
    BadWeight {
        /// `skill` or `category`.
        what: &'static str,
        /// The id.
        id: String,
        /// The weight given.
        weight: f64,
    },
    /// A skill has no phrase, term, pattern or weak phrase, so it can never match.
    #[error("skill {skill:?} has no phrases, terms, patterns or weak phrases")]
    NoDetectors {
        /// The skill.
        skill: String,
    },
    /// A phrase is empty or only white space or `*`.
    #[error("skill {skill:?}: empty entry in {field}")]
    EmptyPhrase {
        /// The skill (or `profile` for global exclusions).
        skill: String,
        /// The field: phrases, terms, exclude, weak, context.
        field: &'static str,
    },
    /// The same entry appears twice in one field.
    #[error("skill {skill:?}: {field} lists {phrase:?} twice")]
    DuplicatePhrase {
        /// The skill.
        skill: String,
        /// The field.
        field: &'static str,
        /// The repeated entry.
        phrase: String,
    },
    /// A regex pattern does not compile.
    #[error("skill {skill:?}: invalid pattern {pattern:?}: {message}")]
    InvalidPattern {
        /// The skill.
        skill: String,
        /// The pattern as written.
        pattern: String,
        /// The regex compiler's message.
        message: String,
    },
    /// A regex pattern matches the empty string, which would hit everywhere.
    #[error("skill {skill:?}: pattern {pattern:?} matches the empty string")]
    EmptyMatchPattern {
        /// The skill.
        skill: String,
        /// The pattern as written.
        pattern: String,
    },
    /// `weak` phrases were given without any `context` phrase to corroborate them.
    #[error("skill {skill:?}: weak phrases need at least one context phrase")]
    WeakWithoutContext {
        /// The skill.
        skill: String,
    },
    /// `window` is out of range.
    #[error("skill {skill:?}: window {window} must be between 1 and {MAX_WINDOW}")]
    BadWindow {
        /// The skill.
        skill: String,
        /// The window given.
        window: usize,
    },
    /// A `[skill.lang.<code>]` table names a language jobfit does not know.
    #[error("skill {skill:?}: unknown language {language:?} (known: {known})", known = crate::language::LANGUAGES.join(", "))]
    UnknownLanguage {
        /// The skill.
        skill: String,
        /// The code given.
        language: String,
    },
    /// A `words` entry or a `together` group word is empty or uses `*` (word forms already
    /// match the continuations of each word).
    #[error("skill {skill:?}: {field} entry {entry:?} must be words without '*'")]
    BadWord {
        /// The skill.
        skill: String,
        /// `words` or `together`.
        field: &'static str,
        /// The entry as written.
        entry: String,
    },
    /// A `together` rule does not have two or three groups, or has an empty group.
    #[error("skill {skill:?}: together needs 2 or 3 groups, none empty (found {groups})")]
    BadTogether {
        /// The skill.
        skill: String,
        /// How many groups it has.
        groups: usize,
    },
    /// An example asks for a level that is not `required`, `preferred` or `mentioned`.
    #[error("skill {skill:?}: example level {level:?} must be required, preferred or mentioned")]
    BadLevel {
        /// The skill.
        skill: String,
        /// The level given.
        level: String,
    },
    /// No rule file defined any skill.
    #[error("no skills defined")]
    NoSkills,
}

fn skill_prefix(skill: Option<&str>) -> String {
    skill.map(|s| format!("skill {s:?}: ")).unwrap_or_default()
}
