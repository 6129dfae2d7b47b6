//! Rule files: the skill map as data.
//!
//! This module owns the TOML rule format, its strict loading and its validation. It turns one or
//! more rule files into a [`RuleSet`]: categories, skills and the detectors of each skill, with
//! every regex compiled at load time so that a bad pattern is an error that names the file, the
//! skill and the pattern, before any posting is read. It does no matching (see
//! [`crate::matcher`]) and no I/O beyond reading the rule files it is given.
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
//! ```

mod file;

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

pub use file::RuleFile;

/// The default rule file, `rules/rust-developer.toml`, embedded in the binary.
pub const DEFAULT_RULES: &str = include_str!("../../rules/rust-developer.toml");

/// The name under which the embedded default rule file is reported.
pub const DEFAULT_RULES_NAME: &str = "rules/rust-developer.toml (built in)";

/// Default distance, in bytes each side of a weak hit, within which a context phrase must occur.
pub const DEFAULT_WINDOW: usize = 100;

/// Upper bound for `window`, so that a typo cannot make every weak phrase count everywhere.
const MAX_WINDOW: usize = 2_000;

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
}

impl Phrase {
    fn parse(raw: &str, case_sensitive: bool) -> Phrase {
        let (text, prefix) = match raw.strip_suffix('*') {
            Some(stem) => (stem, true),
            None => (raw, false),
        };
        Phrase {
            text: text.to_owned(),
            case_sensitive,
            prefix,
        }
    }
}

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
    /// Phrases that detect the skill only with a context phrase nearby.
    pub weak: Vec<Phrase>,
    /// Phrases that corroborate weak hits.
    pub context: Vec<Phrase>,
    /// Bytes each side of a weak hit searched for context.
    pub window: usize,
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

/// Why a rule file was refused. Every variant names the file; most name the skill and pattern.
#[derive(Debug, thiserror::Error)]
pub enum RuleError {
    /// The file could not be read.
    #[error("{file}: cannot read rule file: {error}")]
    Read {
        /// The rule file.
        file: String,
        /// The I/O error (not a `source`: the message already says it, once).
        error: std::io::Error,
    },
    /// The file is not valid TOML or does not follow the format (unknown field, wrong type...).
    #[error("{file}{line}: {message}")]
    Parse {
        /// The rule file.
        file: String,
        /// Where in the file (`:line`), when known.
        line: Line,
        /// The parser's message, with line and column.
        message: String,
    },
    /// An identifier is empty or uses characters other than lowercase letters, digits, `-`, `_`.
    #[error(
        "{file}{line}: {what} id {id:?} is not valid: use lowercase letters, digits, '-' and '_'"
    )]
    InvalidId {
        /// The rule file.
        file: String,
        /// Where in the file (`:line`), when known.
        line: Line,
        /// `skill` or `category`.
        what: &'static str,
        /// The offending id.
        id: String,
    },
    /// Two categories or two skills share an id.
    #[error("{file}{line}: duplicate {what} id {id:?} (first defined in {first})")]
    Duplicate {
        /// The rule file.
        file: String,
        /// Where in the file (`:line`), when known.
        line: Line,
        /// `skill` or `category`.
        what: &'static str,
        /// The repeated id.
        id: String,
        /// The file of the first definition.
        first: String,
    },
    /// A skill names a category that its file does not define.
    #[error("{file}{line}: skill {skill:?}: unknown category {category:?}")]
    UnknownCategory {
        /// The rule file.
        file: String,
        /// Where in the file (`:line`), when known.
        line: Line,
        /// The skill.
        skill: String,
        /// The category it names.
        category: String,
    },
    /// A category has no skills, so its coverage would be undefined.
    #[error("{file}{line}: category {category:?} has no skills")]
    EmptyCategory {
        /// The rule file.
        file: String,
        /// Where in the file (`:line`), when known.
        line: Line,
        /// The category.
        category: String,
    },
    /// A weight is negative, not finite, or (for a category's skills) all zero.
    #[error("{file}{line}: {what} {id:?}: weight {weight} must be a finite number >= 0")]
    BadWeight {
        /// The rule file.
        file: String,
        /// Where in the file (`:line`), when known.
        line: Line,
        /// `skill` or `category`.
        what: &'static str,
        /// The id.
        id: String,
        /// The weight given.
        weight: f64,
    },
    /// A skill has no phrase, term, pattern or weak phrase, so it can never match.
    #[error("{file}{line}: skill {skill:?} has no phrases, terms, patterns or weak phrases")]
    NoDetectors {
        /// The rule file.
        file: String,
        /// Where in the file (`:line`), when known.
        line: Line,
        /// The skill.
        skill: String,
    },
    /// A phrase is empty or only white space or `*`.
    #[error("{file}{line}: skill {skill:?}: empty entry in {field}")]
    EmptyPhrase {
        /// The rule file.
        file: String,
        /// Where in the file (`:line`), when known.
        line: Line,
        /// The skill (or `profile` for global exclusions).
        skill: String,
        /// The field: phrases, terms, exclude, weak, context.
        field: &'static str,
    },
    /// The same entry appears twice in one field.
    #[error("{file}{line}: skill {skill:?}: {field} lists {phrase:?} twice")]
    DuplicatePhrase {
        /// The rule file.
        file: String,
        /// Where in the file (`:line`), when known.
        line: Line,
        /// The skill.
        skill: String,
        /// The field.
        field: &'static str,
        /// The repeated entry.
        phrase: String,
    },
    /// A regex pattern does not compile.
    #[error("{file}{line}: skill {skill:?}: invalid pattern {pattern:?}: {message}")]
    InvalidPattern {
        /// The rule file.
        file: String,
        /// Where in the file (`:line`), when known.
        line: Line,
        /// The skill.
        skill: String,
        /// The pattern as written.
        pattern: String,
        /// The regex compiler's message.
        message: String,
    },
    /// A regex pattern matches the empty string, which would hit everywhere.
    #[error("{file}{line}: skill {skill:?}: pattern {pattern:?} matches the empty string")]
    EmptyMatchPattern {
        /// The rule file.
        file: String,
        /// Where in the file (`:line`), when known.
        line: Line,
        /// The skill.
        skill: String,
        /// The pattern as written.
        pattern: String,
    },
    /// `weak` phrases were given without any `context` phrase to corroborate them.
    #[error("{file}{line}: skill {skill:?}: weak phrases need at least one context phrase")]
    WeakWithoutContext {
        /// The rule file.
        file: String,
        /// Where in the file (`:line`), when known.
        line: Line,
        /// The skill.
        skill: String,
    },
    /// `window` is out of range.
    #[error("{file}{line}: skill {skill:?}: window {window} must be between 1 and {MAX_WINDOW}")]
    BadWindow {
        /// The rule file.
        file: String,
        /// Where in the file (`:line`), when known.
        line: Line,
        /// The skill.
        skill: String,
        /// The window given.
        window: usize,
    },
    /// No rule file defined any skill.
    #[error("no skills defined")]
    NoSkills,
}

impl RuleSet {
    /// The embedded default skill map (`rules/rust-developer.toml`).
    pub fn default_rules() -> Result<RuleSet, RuleError> {
        RuleSet::from_sources(&[(DEFAULT_RULES_NAME.to_owned(), DEFAULT_RULES.to_owned())])
    }

    /// Loads and merges rule files from disk; the default map when `paths` is empty.
    pub fn load(paths: &[impl AsRef<Path>]) -> Result<RuleSet, RuleError> {
        if paths.is_empty() {
            return RuleSet::default_rules();
        }
        let mut sources = Vec::with_capacity(paths.len());
        for path in paths {
            let path = path.as_ref();
            let name = path.display().to_string();
            let text = std::fs::read_to_string(path).map_err(|error| RuleError::Read {
                file: name.clone(),
                error,
            })?;
            sources.push((name, text));
        }
        RuleSet::from_sources(&sources)
    }

    /// Parses and validates one rule file given as text; `name` is how errors name it.
    pub fn from_toml(name: &str, text: &str) -> Result<RuleSet, RuleError> {
        RuleSet::from_sources(&[(name.to_owned(), text.to_owned())])
    }

    /// Parses, validates and merges rule files given as `(name, text)` pairs.
    ///
    /// Each file is validated on its own (its skills may only use its own categories); ids must
    /// be unique across all files. Nothing is returned unless every file loads: there is no
    /// half-loaded rule set.
    pub fn from_sources(sources: &[(String, String)]) -> Result<RuleSet, RuleError> {
        let mut set = RuleSet {
            profile: Profile::default(),
            categories: Vec::new(),
            skills: Vec::new(),
        };
        let mut category_files: HashMap<String, String> = HashMap::new();
        let mut skill_files: HashMap<String, String> = HashMap::new();
        for (index, (name, text)) in sources.iter().enumerate() {
            let source = Source { file: name, text };
            let parsed: RuleFile = toml::from_str(text).map_err(|e| {
                let line = e.span().map(|span| line_at(text, span.start));
                let within = line.and_then(|line| source.skill_around(line));
                let message = e.message().trim_end();
                RuleError::Parse {
                    file: name.clone(),
                    line: Line(line),
                    message: match within {
                        Some(skill) => format!("skill {skill:?}: {message}"),
                        None => message.to_owned(),
                    },
                }
            })?;
            if index == 0 {
                set.profile = Profile {
                    id: parsed.profile.id.clone(),
                    name: parsed.profile.name.clone(),
                    description: parsed.profile.description.clone(),
                };
            }
            set.add_file(&source, parsed, &mut category_files, &mut skill_files)?;
        }
        if set.skills.is_empty() {
            return Err(RuleError::NoSkills);
        }
        Ok(set)
    }

    fn add_file(
        &mut self,
        source: &Source<'_>,
        parsed: RuleFile,
        category_files: &mut HashMap<String, String>,
        skill_files: &mut HashMap<String, String>,
    ) -> Result<(), RuleError> {
        let file = source.file;
        let file_owned = file.to_owned();
        let first_category = self.categories.len();
        // Patterns are the costly part of loading: compiled side by side up front, each reported
        // (or its error) where the skill is read.
        let compiled = compile_all(parsed.skill.iter().flat_map(|s| s.patterns.iter()));
        let mut local_categories: HashMap<String, usize> = HashMap::new();
        let mut seen_categories: HashMap<String, usize> = HashMap::new();
        for category in parsed.category {
            let nth = bump(&mut seen_categories, &category.id);
            let at = |key: Option<&str>| source.line(Table::Category, &category.id, nth, key, None);
            check_id(file, || at(Some("id")), "category", &category.id)?;
            if let Some(first) = category_files.get(&category.id) {
                return Err(RuleError::Duplicate {
                    file: file_owned,
                    line: at(Some("id")),
                    what: "category",
                    id: category.id,
                    first: first.clone(),
                });
            }
            check_weight(
                file,
                || at(Some("weight")),
                "category",
                &category.id,
                category.weight,
            )?;
            category_files.insert(category.id.clone(), file_owned.clone());
            local_categories.insert(category.id.clone(), self.categories.len());
            self.categories.push(Category {
                id: category.id,
                name: category.name,
                kind: category.kind,
                weight: category.weight,
            });
        }

        let global_exclude = phrases(
            source,
            (Table::Profile, "", 0),
            "profile",
            "exclude",
            &parsed.profile.exclude,
            false,
        )?;
        let mut used = vec![false; self.categories.len().saturating_sub(first_category)];
        let mut seen_skills: HashMap<String, usize> = HashMap::new();
        for skill in parsed.skill {
            let nth = bump(&mut seen_skills, &skill.id);
            let table = (Table::Skill, skill.id.as_str(), nth);
            let at = |key: Option<&str>| source.line(Table::Skill, &skill.id, nth, key, None);
            check_id(file, || at(Some("id")), "skill", &skill.id)?;
            if let Some(first) = skill_files.get(&skill.id) {
                return Err(RuleError::Duplicate {
                    file: file_owned,
                    line: at(Some("id")),
                    what: "skill",
                    id: skill.id,
                    first: first.clone(),
                });
            }
            let Some(&category) = local_categories.get(&skill.category) else {
                return Err(RuleError::UnknownCategory {
                    file: file_owned,
                    line: at(Some("category")),
                    skill: skill.id,
                    category: skill.category,
                });
            };
            if let Some(used) = used.get_mut(category.saturating_sub(first_category)) {
                *used = true;
            }
            check_weight(
                file,
                || at(Some("weight")),
                "skill",
                &skill.id,
                skill.weight,
            )?;
            let id = skill.id.as_str();
            let mut detectors = phrases(source, table, id, "phrases", &skill.phrases, false)?;
            detectors.extend(phrases(source, table, id, "terms", &skill.terms, true)?);
            let patterns = skill
                .patterns
                .iter()
                .map(|p| compile_pattern(source, table, p, compiled.get(p.as_str())))
                .collect::<Result<Vec<_>, _>>()?;
            let mut exclude = phrases(source, table, id, "exclude", &skill.exclude, false)?;
            exclude.extend(global_exclude.iter().cloned());
            let weak = phrases(source, table, id, "weak", &skill.weak, false)?;
            let context = phrases(source, table, id, "context", &skill.context, false)?;
            if detectors.is_empty() && patterns.is_empty() && weak.is_empty() {
                return Err(RuleError::NoDetectors {
                    file: file_owned,
                    line: at(None),
                    skill: skill.id,
                });
            }
            if !weak.is_empty() && context.is_empty() {
                return Err(RuleError::WeakWithoutContext {
                    file: file_owned,
                    line: at(Some("weak")),
                    skill: skill.id,
                });
            }
            let window = skill.window.unwrap_or(DEFAULT_WINDOW);
            if window == 0 || window > MAX_WINDOW {
                return Err(RuleError::BadWindow {
                    file: file_owned,
                    line: at(Some("window")),
                    skill: skill.id,
                    window,
                });
            }
            skill_files.insert(skill.id.clone(), file_owned.clone());
            self.skills.push(Skill {
                id: skill.id,
                name: skill.name,
                category,
                weight: skill.weight,
                phrases: detectors,
                patterns,
                exclude,
                weak,
                context,
                window,
                file: file_owned.clone(),
            });
        }
        if let Some(empty) = used.iter().position(|u| !u)
            && let Some(category) = self.categories.get(first_category + empty)
        {
            return Err(RuleError::EmptyCategory {
                file: file_owned,
                line: source.line(Table::Category, &category.id, 0, Some("id"), None),
                category: category.id.clone(),
            });
        }
        Ok(())
    }

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

/// Counts one more table with `id`; returns how many came before it.
fn bump(seen: &mut HashMap<String, usize>, id: &str) -> usize {
    let count = seen.entry(id.to_owned()).or_default();
    *count += 1;
    *count - 1
}

/// A line of a rule file, shown as `:N` after the file name (nothing when unknown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Line(pub Option<usize>);

impl fmt::Display for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(line) => write!(f, ":{line}"),
            None => Ok(()),
        }
    }
}

/// The 1-based line of byte `offset` of `text`.
fn line_at(text: &str, offset: usize) -> usize {
    let before = text.get(..offset).unwrap_or(text);
    before.bytes().filter(|&b| b == b'\n').count() + 1
}

/// The kinds of table a rule-file error can point into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Table {
    Profile,
    Category,
    Skill,
}

/// A rule file's name and text, to point errors at lines.
///
/// The lines are found in the text the way a reader would: the `[[skill]]` (or `[[category]]`)
/// table whose `id` is the skill, then the line of the key, or of the entry, within it. TOML
/// written in other shapes (inline tables, dotted keys) falls back to the table's first line, or
/// to no line.
struct Source<'a> {
    file: &'a str,
    text: &'a str,
}

impl Source<'_> {
    /// The line range `[first, end)` (0-based) of the `nth` table of `kind` with `id`.
    fn table(&self, kind: Table, id: &str, nth: usize) -> Option<(usize, usize)> {
        let lines: Vec<&str> = self.text.lines().collect();
        let header = match kind {
            Table::Profile => "[profile]",
            Table::Category => "[[category]]",
            Table::Skill => "[[skill]]",
        };
        let mut found = 0;
        let mut index = 0;
        while index < lines.len() {
            let line = lines.get(index).map_or("", |l| l.trim());
            index += 1;
            if !line.starts_with(header) {
                continue;
            }
            let first = index - 1;
            let end = (index..lines.len())
                .find(|&i| {
                    lines
                        .get(i)
                        .is_some_and(|l| l.trim_start().starts_with('['))
                })
                .unwrap_or(lines.len());
            let matches = kind == Table::Profile
                || (first..end).any(|i| {
                    lines
                        .get(i)
                        .and_then(|l| value_of(l, "id"))
                        .is_some_and(|v| v == id)
                });
            if matches {
                if found == nth {
                    return Some((first, end));
                }
                found += 1;
            }
            index = end;
        }
        None
    }

    /// The id of the `[[skill]]` table that holds 1-based line `line`, if any.
    fn skill_around(&self, line: usize) -> Option<String> {
        let lines: Vec<&str> = self.text.lines().collect();
        let upto = lines.get(..line.min(lines.len()))?;
        let header = upto.iter().rposition(|l| l.trim_start().starts_with('['))?;
        if !upto.get(header)?.trim().starts_with("[[skill]]") {
            return None;
        }
        lines
            .get(header..)?
            .iter()
            .skip(1)
            .take_while(|l| !l.trim_start().starts_with('['))
            .find_map(|l| value_of(l, "id"))
            .map(str::to_owned)
    }

    /// The line of `needle` (an entry as written), else of `key`, else the table's first line.
    fn line(
        &self,
        kind: Table,
        id: &str,
        nth: usize,
        key: Option<&str>,
        needle: Option<&str>,
    ) -> Line {
        let Some((first, end)) = self.table(kind, id, nth) else {
            return Line(None);
        };
        let lines: Vec<&str> = self.text.lines().collect();
        let range = || (first..end).filter_map(|i| lines.get(i).map(|l| (i, *l)));
        let by_needle = needle
            .filter(|n| !n.is_empty())
            .and_then(|n| range().find(|(_, l)| l.contains(n)).map(|(i, _)| i));
        let by_key = || {
            key.and_then(|k| {
                range()
                    .find(|(_, l)| {
                        l.trim_start()
                            .strip_prefix(k)
                            .is_some_and(|rest| rest.trim_start().starts_with('='))
                    })
                    .map(|(i, _)| i)
            })
        };
        Line(Some(by_needle.or_else(by_key).unwrap_or(first) + 1))
    }
}

/// The value of `key = "value"` (or `'value'`) on `line`.
fn value_of<'l>(line: &'l str, key: &str) -> Option<&'l str> {
    let rest = line.trim_start().strip_prefix(key)?.trim_start();
    let rest = rest.strip_prefix('=')?.trim();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let rest = rest.get(1..)?;
    rest.split(quote).next()
}

/// Checks an id; `line` is only worked out for an error (it reads the whole file).
fn check_id(
    file: &str,
    line: impl FnOnce() -> Line,
    what: &'static str,
    id: &str,
) -> Result<(), RuleError> {
    let valid = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if valid {
        Ok(())
    } else {
        Err(RuleError::InvalidId {
            file: file.to_owned(),
            line: line(),
            what,
            id: id.to_owned(),
        })
    }
}

/// Checks a weight; `line` is only worked out for an error.
fn check_weight(
    file: &str,
    line: impl FnOnce() -> Line,
    what: &'static str,
    id: &str,
    weight: f64,
) -> Result<(), RuleError> {
    if weight.is_finite() && weight >= 0.0 {
        Ok(())
    } else {
        Err(RuleError::BadWeight {
            file: file.to_owned(),
            line: line(),
            what,
            id: id.to_owned(),
            weight,
        })
    }
}

fn phrases(
    source: &Source<'_>,
    (table, id, nth): (Table, &str, usize),
    skill: &str,
    field: &'static str,
    raw: &[String],
    case_sensitive: bool,
) -> Result<Vec<Phrase>, RuleError> {
    let mut out: Vec<Phrase> = Vec::with_capacity(raw.len());
    for entry in raw {
        let phrase = Phrase::parse(entry, case_sensitive);
        if phrase.text.trim().is_empty() || phrase.text.trim() != phrase.text {
            return Err(RuleError::EmptyPhrase {
                file: source.file.to_owned(),
                line: source.line(table, id, nth, Some(field), None),
                skill: skill.to_owned(),
                field,
            });
        }
        let same = |p: &Phrase| {
            p.prefix == phrase.prefix
                && if case_sensitive {
                    p.text == phrase.text
                } else {
                    p.text.eq_ignore_ascii_case(&phrase.text)
                }
        };
        if out.iter().any(same) {
            return Err(RuleError::DuplicatePhrase {
                file: source.file.to_owned(),
                line: source.line(table, id, nth, Some(field), None),
                skill: skill.to_owned(),
                field,
                phrase: entry.clone(),
            });
        }
        out.push(phrase);
    }
    Ok(out)
}

/// A compiled pattern with its syntax tree, or the compiler's message.
type Compiled = Result<(regex_automata::meta::Regex, regex_syntax::hir::Hir), String>;

/// Compiles every distinct pattern, in parallel.
fn compile_all<'a>(patterns: impl Iterator<Item = &'a String>) -> HashMap<String, Compiled> {
    use rayon::prelude::*;
    let mut distinct: Vec<&String> = patterns.collect();
    distinct.sort_unstable();
    distinct.dedup();
    distinct
        .into_par_iter()
        .map(|pattern| (pattern.clone(), compile_regex(pattern)))
        .collect()
}

/// Compiles one pattern with the regex crate's syntax, bounded in size.
fn compile_regex(pattern: &str) -> Compiled {
    use regex_automata::meta;
    // The syntax error's last line says what is wrong; a size error is one line.
    let last_line = |message: String| message.lines().last().unwrap_or_default().to_owned();
    let hir = regex_syntax::Parser::new()
        .parse(pattern)
        .map_err(|e| last_line(e.to_string()))?;
    let regex = meta::Regex::builder()
        // No prefilter: the matcher runs patterns anchored where their trigger literals occur,
        // which makes one redundant, and building it is a third of the compile time.
        .configure(
            meta::Config::new()
                .nfa_size_limit(Some(REGEX_SIZE_LIMIT))
                .auto_prefilter(false)
                .onepass(false),
        )
        .build_from_hir(&hir)
        .map_err(|e| match e.size_limit() {
            Some(limit) => format!("the compiled pattern is larger than the limit ({limit} bytes)"),
            None => last_line(e.to_string()),
        })?;
    Ok((regex, hir))
}

fn compile_pattern(
    source: &Source<'_>,
    (table, skill, nth): (Table, &str, usize),
    pattern: &str,
    compiled: Option<&Compiled>,
) -> Result<Pattern, RuleError> {
    let line = || source.line(table, skill, nth, Some("patterns"), Some(pattern));
    let compiled = match compiled {
        Some(done) => done.clone(),
        None => compile_regex(pattern),
    };
    let (regex, hir) = compiled.map_err(|message| RuleError::InvalidPattern {
        file: source.file.to_owned(),
        line: line(),
        skill: skill.to_owned(),
        pattern: pattern.to_owned(),
        message,
    })?;
    if pattern.trim().is_empty() || regex.is_match("") {
        return Err(RuleError::EmptyMatchPattern {
            file: source.file.to_owned(),
            line: line(),
            skill: skill.to_owned(),
            pattern: pattern.to_owned(),
        });
    }
    Ok(Pattern {
        source: pattern.to_owned(),
        regex,
        hir,
    })
}

#[cfg(test)]
mod tests;
