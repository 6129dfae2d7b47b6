//! Loading: rule files read, parsed strictly and validated into one [`RuleSet`].
//!
//! Each file is validated on its own (its skills may only use its own categories); ids must be
//! unique across all files. Every refusal is a [`RuleError`] with the line of what is wrong,
//! taken from the parser's spans.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::error::{RuleError, RuleErrorKind};
use super::file::{ExampleTable, LangTable, RuleFile, SkillTable, TogetherTable};
use super::pattern::Compiled;
use super::pattern::{compile_all, compile_pattern};
use super::{
    Category, CounterExample, DEFAULT_RULES, DEFAULT_RULES_NAME, DEFAULT_WINDOW, EXAMPLE_LEVELS,
    Example, MAX_WINDOW, Pattern, Phrase, Profile, RuleSet, Skill, Together, WordEntry,
};

/// A rule file's name and text: what errors point into.
#[derive(Clone, Copy)]
pub(super) struct Source<'a> {
    pub(super) file: &'a str,
    pub(super) text: &'a str,
    /// The offset of every line break of `text`, in order (lines of entries are looked up
    /// here: counting from the start for each of thousands of entries was quadratic).
    breaks: &'a [usize],
}

impl Source<'_> {
    /// An error about what starts at byte `offset`.
    pub(super) fn error(&self, offset: usize, kind: RuleErrorKind) -> RuleError {
        self.error_at_line(self.line(offset), kind)
    }

    /// An error about what is on 1-based line `line`.
    fn error_at_line(&self, line: usize, kind: RuleErrorKind) -> RuleError {
        RuleError {
            file: self.file.to_owned(),
            line: Some(line),
            kind,
        }
    }

    /// The 1-based line of byte `offset`.
    fn line(&self, offset: usize) -> usize {
        self.breaks.partition_point(|&b| b < offset) + 1
    }
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
        RuleSet::from_sources(&read_sources(paths)?)
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
        let mut ids = Ids::default();
        for (index, (name, text)) in sources.iter().enumerate() {
            let breaks: Vec<usize> = memchr::memchr_iter(b'\n', text.as_bytes()).collect();
            let source = Source {
                file: name,
                text,
                breaks: &breaks,
            };
            let parsed = parse(source)?;
            if index == 0 {
                set.profile = Profile {
                    id: parsed.profile.id.clone(),
                    name: parsed.profile.name.clone(),
                    description: parsed.profile.description.clone(),
                };
            }
            set.add_file(source, parsed, &mut ids)?;
        }
        if set.skills.is_empty() {
            return Err(RuleError {
                file: String::new(),
                line: None,
                kind: RuleErrorKind::NoSkills,
            });
        }
        Ok(set)
    }

    fn add_file(
        &mut self,
        source: Source<'_>,
        parsed: RuleFile,
        ids: &mut Ids,
    ) -> Result<(), RuleError> {
        let file = source.file.to_owned();
        let first_category = self.categories.len();
        // Patterns are the costly part of loading: compiled side by side up front, each reported
        // (or its error) where the skill is read.
        let compiled = compile_all(parsed.skill.iter().flat_map(|s| {
            let s = s.get_ref();
            s.patterns
                .iter()
                .chain(s.lang.values().flat_map(|l| &l.patterns))
                .map(|p| p.get_ref())
        }));
        let mut local_categories: HashMap<String, (usize, usize)> = HashMap::new();
        for category in parsed.category {
            let category = category.into_inner();
            let id_at = category.id.span().start;
            let id = category.id.into_inner();
            check_id(source, id_at, "category", &id)?;
            if let Some(first) = ids.categories.get(&id) {
                let first = first.clone();
                return Err(source.error(
                    id_at,
                    RuleErrorKind::Duplicate {
                        what: "category",
                        id,
                        first,
                    },
                ));
            }
            check_weight(source, &category.weight, "category", &id)?;
            ids.categories.insert(id.clone(), file.clone());
            local_categories.insert(id.clone(), (self.categories.len(), id_at));
            self.categories.push(Category {
                id,
                name: category.name,
                kind: category.kind,
                weight: category.weight.into_inner(),
            });
        }

        let global_exclude = phrases(source, "profile", "exclude", &parsed.profile.exclude, false)?;
        let mut used = vec![false; self.categories.len().saturating_sub(first_category)];
        for table in parsed.skill {
            let header = table.span().start;
            let skill = table.into_inner();
            let id_at = skill.id.span().start;
            let id = skill.id.get_ref().clone();
            check_id(source, id_at, "skill", &id)?;
            if let Some(first) = ids.skills.get(&id) {
                let first = first.clone();
                return Err(source.error(
                    id_at,
                    RuleErrorKind::Duplicate {
                        what: "skill",
                        id,
                        first,
                    },
                ));
            }
            let Some(&(category, _)) = local_categories.get(skill.category.get_ref()) else {
                return Err(source.error(
                    skill.category.span().start,
                    RuleErrorKind::UnknownCategory {
                        skill: id,
                        category: skill.category.into_inner(),
                    },
                ));
            };
            if let Some(used) = used.get_mut(category.saturating_sub(first_category)) {
                *used = true;
            }
            check_weight(source, &skill.weight, "skill", &id)?;
            let mut all = vec![Lists::top(&skill)];
            for (code, table) in &skill.lang {
                if !crate::language::is_known(code.get_ref()) {
                    return Err(source.error(
                        code.span().start,
                        RuleErrorKind::UnknownLanguage {
                            skill: id,
                            language: code.get_ref().clone(),
                        },
                    ));
                }
                all.push(Lists::of(code.get_ref(), table));
            }
            let mut found = Found::default();
            for lists in &all {
                found.add(source, &id, lists, &compiled)?;
            }
            let own_exclude = found.exclude.len();
            found.exclude.extend(global_exclude.iter().cloned());
            let Found {
                phrases: detectors,
                patterns,
                exclude,
                weak,
                context,
                words,
                together,
                examples,
                counter_examples,
            } = found;
            if detectors.is_empty()
                && patterns.is_empty()
                && weak.is_empty()
                && words.is_empty()
                && together.is_empty()
            {
                return Err(source.error(header, RuleErrorKind::NoDetectors { skill: id }));
            }
            if let Some(first_weak) = weak.first()
                && context.is_empty()
            {
                return Err(source.error_at_line(
                    first_weak.line,
                    RuleErrorKind::WeakWithoutContext { skill: id },
                ));
            }
            let window = match &skill.window {
                Some(window) => {
                    let value = *window.get_ref();
                    if value == 0 || value > MAX_WINDOW {
                        return Err(source.error(
                            window.span().start,
                            RuleErrorKind::BadWindow {
                                skill: id,
                                window: value,
                            },
                        ));
                    }
                    value
                }
                None => DEFAULT_WINDOW,
            };
            ids.skills.insert(id.clone(), file.clone());
            self.skills.push(Skill {
                id,
                name: skill.name,
                category,
                weight: skill.weight.into_inner(),
                phrases: detectors,
                patterns,
                exclude,
                own_exclude,
                weak,
                context,
                window,
                words,
                together,
                examples,
                counter_examples,
                file: file.clone(),
            });
        }
        if let Some(empty) = used.iter().position(|u| !u)
            && let Some(category) = self.categories.get(first_category + empty)
        {
            let at = local_categories.get(&category.id).map_or(0, |&(_, at)| at);
            return Err(source.error(
                at,
                RuleErrorKind::EmptyCategory {
                    category: category.id.clone(),
                },
            ));
        }
        Ok(())
    }
}

/// Reads rule files from disk as `(name, text)` pairs.
pub(super) fn read_sources(paths: &[impl AsRef<Path>]) -> Result<Vec<(String, String)>, RuleError> {
    let mut sources = Vec::with_capacity(paths.len());
    for path in paths {
        let path = path.as_ref();
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|error| RuleError {
            file: name.clone(),
            line: None,
            kind: RuleErrorKind::Read(error),
        })?;
        sources.push((name, text));
    }
    Ok(sources)
}

/// The ids seen so far across files, with the file that defined each.
#[derive(Default)]
struct Ids {
    categories: HashMap<String, String>,
    skills: HashMap<String, String>,
}

/// Parses a rule file strictly; an error names the line and, inside a `[[skill]]` table, the
/// skill.
pub(super) fn parse(source: Source<'_>) -> Result<RuleFile, RuleError> {
    toml::from_str(source.text).map_err(|e| {
        let at = e.span().map(|span| span.start);
        let message = e.message().trim_end().to_owned();
        let skill = at.and_then(|at| skill_at(source.text, at));
        RuleError {
            file: source.file.to_owned(),
            line: at.map(|at| source.line(at)),
            kind: RuleErrorKind::Parse { skill, message },
        }
    })
}

/// The id of the `[[skill]]` table that byte `at` is in, read from a lenient parse of the file
/// (any keys, only the tables' headers and skill ids): none when the file is not TOML at all.
fn skill_at(text: &str, at: usize) -> Option<String> {
    #[derive(Deserialize)]
    struct Headers {
        #[serde(default)]
        profile: Option<Spanned<serde::de::IgnoredAny>>,
        #[serde(default)]
        category: Vec<Spanned<serde::de::IgnoredAny>>,
        #[serde(default)]
        skill: Vec<Spanned<SkillId>>,
    }
    #[derive(Deserialize)]
    struct SkillId {
        #[serde(default)]
        id: Option<String>,
    }
    let headers: Headers = toml::from_str(text).ok()?;
    let other = headers
        .profile
        .iter()
        .map(|p| p.span().start)
        .chain(headers.category.iter().map(|c| c.span().start))
        .filter(|&start| start <= at)
        .max();
    let skill = headers
        .skill
        .into_iter()
        .filter(|s| s.span().start <= at)
        .max_by_key(|s| s.span().start)?;
    if other.is_some_and(|o| o > skill.span().start) {
        return None;
    }
    skill.into_inner().id
}

/// Checks an id.
fn check_id(source: Source<'_>, at: usize, what: &'static str, id: &str) -> Result<(), RuleError> {
    let valid = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if valid {
        Ok(())
    } else {
        Err(source.error(
            at,
            RuleErrorKind::InvalidId {
                what,
                id: id.to_owned(),
            },
        ))
    }
}

/// Checks a weight.
fn check_weight(
    source: Source<'_>,
    weight: &Spanned<f64>,
    what: &'static str,
    id: &str,
) -> Result<(), RuleError> {
    let value = *weight.get_ref();
    if value.is_finite() && value >= 0.0 {
        Ok(())
    } else {
        Err(source.error(
            weight.span().start,
            RuleErrorKind::BadWeight {
                what,
                id: id.to_owned(),
                weight: value,
            },
        ))
    }
}

/// The entries of one list field, parsed and checked (none empty, none twice).
pub(super) fn phrases(
    source: Source<'_>,
    skill: &str,
    field: &'static str,
    raw: &[Spanned<String>],
    case_sensitive: bool,
) -> Result<Vec<Phrase>, RuleError> {
    let mut out: Vec<Phrase> = Vec::with_capacity(raw.len());
    for entry in raw {
        let at = entry.span().start;
        let phrase = Phrase::parse(entry.get_ref(), case_sensitive, source.line(at));
        if phrase.text.trim().is_empty() || phrase.text.trim() != phrase.text {
            return Err(source.error(
                at,
                RuleErrorKind::EmptyPhrase {
                    skill: skill.to_owned(),
                    field,
                },
            ));
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
            return Err(source.error(
                at,
                RuleErrorKind::DuplicatePhrase {
                    skill: skill.to_owned(),
                    field,
                    phrase: entry.get_ref().clone(),
                },
            ));
        }
        out.push(phrase);
    }
    Ok(out)
}

/// The lists of one language of a skill: the top level (English word forms) or one
/// `[skill.lang.<code>]` table.
struct Lists<'a> {
    language: &'a str,
    phrases: &'a [Spanned<String>],
    terms: &'a [Spanned<String>],
    patterns: &'a [Spanned<String>],
    exclude: &'a [Spanned<String>],
    weak: &'a [Spanned<String>],
    context: &'a [Spanned<String>],
    words: &'a [Spanned<String>],
    together: &'a [Spanned<TogetherTable>],
    examples: &'a [Spanned<ExampleTable>],
    counter_examples: &'a [Spanned<String>],
}

impl<'a> Lists<'a> {
    fn top(skill: &'a SkillTable) -> Lists<'a> {
        Lists {
            language: "en",
            phrases: &skill.phrases,
            terms: &skill.terms,
            patterns: &skill.patterns,
            exclude: &skill.exclude,
            weak: &skill.weak,
            context: &skill.context,
            words: &skill.words,
            together: &skill.together,
            examples: &skill.examples,
            counter_examples: &skill.counter_examples,
        }
    }

    fn of(language: &'a str, table: &'a LangTable) -> Lists<'a> {
        Lists {
            language,
            phrases: &table.phrases,
            terms: &table.terms,
            patterns: &table.patterns,
            exclude: &table.exclude,
            weak: &table.weak,
            context: &table.context,
            words: &table.words,
            together: &table.together,
            examples: &table.examples,
            counter_examples: &table.counter_examples,
        }
    }
}

/// What a skill's lists hold, all languages together.
#[derive(Default)]
struct Found {
    phrases: Vec<Phrase>,
    patterns: Vec<Pattern>,
    exclude: Vec<Phrase>,
    weak: Vec<Phrase>,
    context: Vec<Phrase>,
    words: Vec<WordEntry>,
    together: Vec<Together>,
    examples: Vec<Example>,
    counter_examples: Vec<CounterExample>,
}

impl Found {
    /// Checks and adds the lists of one language.
    fn add(
        &mut self,
        source: Source<'_>,
        id: &str,
        lists: &Lists<'_>,
        compiled: &HashMap<String, Compiled>,
    ) -> Result<(), RuleError> {
        self.phrases
            .extend(phrases(source, id, "phrases", lists.phrases, false)?);
        self.phrases
            .extend(phrases(source, id, "terms", lists.terms, true)?);
        for pattern in lists.patterns {
            let done = compiled.get(pattern.get_ref().as_str());
            self.patterns
                .push(compile_pattern(source, id, pattern, done)?);
        }
        self.exclude
            .extend(phrases(source, id, "exclude", lists.exclude, false)?);
        self.weak
            .extend(phrases(source, id, "weak", lists.weak, false)?);
        self.context
            .extend(phrases(source, id, "context", lists.context, false)?);
        self.words
            .extend(words(source, id, "words", lists.words, lists.language)?);
        for rule in lists.together {
            let groups = &rule.get_ref().groups;
            if !(2..=3).contains(&groups.len()) || groups.iter().any(Vec::is_empty) {
                return Err(source.error(
                    rule.span().start,
                    RuleErrorKind::BadTogether {
                        skill: id.to_owned(),
                        groups: groups.len(),
                    },
                ));
            }
            let groups = groups
                .iter()
                .map(|group| words(source, id, "together", group, lists.language))
                .collect::<Result<Vec<_>, _>>()?;
            self.together.push(Together {
                groups,
                line: source.line(rule.span().start),
            });
        }
        for example in lists.examples {
            let at = example.span().start;
            let ExampleTable { text, level } = example.get_ref();
            if let Some(level) = level
                && !EXAMPLE_LEVELS.contains(&level.get_ref().as_str())
            {
                return Err(source.error(
                    level.span().start,
                    RuleErrorKind::BadLevel {
                        skill: id.to_owned(),
                        level: level.get_ref().clone(),
                    },
                ));
            }
            self.examples.push(Example {
                text: text.clone(),
                level: level.as_ref().map(|l| l.get_ref().clone()),
                line: source.line(at),
            });
        }
        self.counter_examples
            .extend(lists.counter_examples.iter().map(|c| CounterExample {
                text: c.get_ref().clone(),
                line: source.line(c.span().start),
            }));
        Ok(())
    }
}

/// The entries of a `words` list or a `together` group, checked: words only (no `*`), none
/// empty.
fn words(
    source: Source<'_>,
    skill: &str,
    field: &'static str,
    raw: &[Spanned<String>],
    language: &str,
) -> Result<Vec<WordEntry>, RuleError> {
    raw.iter()
        .map(|entry| {
            let text = entry.get_ref();
            let words = text.split(|c: char| c.is_whitespace() || c == '-');
            let valid = text.trim() == text
                && !text.is_empty()
                && words
                    .clone()
                    .all(|w| !w.is_empty() && w.chars().all(char::is_alphanumeric));
            if !valid {
                return Err(source.error(
                    entry.span().start,
                    RuleErrorKind::BadWord {
                        skill: skill.to_owned(),
                        field,
                        entry: text.clone(),
                    },
                ));
            }
            Ok(WordEntry {
                text: text.clone(),
                language: language.to_owned(),
                line: source.line(entry.span().start),
            })
        })
        .collect()
}
