//! Compiling a rule set: every literal of every skill, the patterns' trigger literals and the
//! sentence cues into one trie, each key with the roles it plays.

use crate::language::WordForms;
use crate::rules::{Phrase, RuleSet, WordEntry};

use super::forms::{StemMemo, Target, WordForm};
use super::level::{CueClass, Cues, cue_phrases};
use super::trie::{Trie, is_word};
use super::{Matcher, TogetherRule, prefixes};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RoleKind {
    Detect,
    Weak,
    Exclude,
    Context,
    /// A sentence cue of the language with this index in [`crate::language::LANGUAGES`] (the
    /// skill index is unused).
    Cue(CueClass, u8),
    /// A trigger literal of the pattern with this index in [`Matcher::patterns`].
    Trigger(usize),
    /// A word entry (of `words` or a `together` group): the index in [`Matcher::words`].
    Word(usize),
}

#[derive(Debug, Clone)]
pub(super) struct Role {
    pub(super) skill: usize,
    pub(super) kind: RoleKind,
    /// For case-sensitive terms, the exact text the match must equal.
    pub(super) exact: Option<Box<str>>,
}

impl Role {
    /// Whether the role holds for its literal matched as `found` (a case-sensitive term only
    /// when the case is exact).
    pub(super) fn accepts(&self, found: Option<&str>) -> bool {
        self.exact
            .as_deref()
            .is_none_or(|exact| found == Some(exact))
    }
}

/// A key of the trie: how its occurrences are read, and its roles (a range of
/// [`Matcher::roles`], so that an occurrence reads two arrays, not a vector per key).
#[derive(Debug, Clone, Copy)]
pub(super) struct Literal {
    pub(super) prefix: bool,
    /// The key begins with a word character (an ASCII letter, digit or `_`).
    pub(super) starts_word: bool,
    pub(super) ends_word: bool,
    /// A trigger literal: the start of a pattern's match, not a phrase on its own.
    pub(super) trigger: bool,
    /// Some role is a context phrase; every role is.
    pub(super) context: bool,
    pub(super) only_context: bool,
    pub(super) roles: (u32, u32),
    /// Where its roles that an English posting reads end: the word entries of other languages
    /// come after every other role (see [`Matcher::new`]).
    pub(super) english_end: u32,
}

/// A regex pattern of a skill, compiled for matching.
#[derive(Debug, Clone)]
pub(super) struct CompiledPattern {
    pub(super) skill: usize,
    /// Whether it runs anchored at each occurrence of its trigger literals (else over the
    /// whole text: it has no finite set of them).
    pub(super) anchored: bool,
    pub(super) regex: regex_automata::meta::Regex,
}

/// Why the rule set could not be compiled.
#[derive(Debug, thiserror::Error)]
pub enum CompileError {
    /// A built-in pattern does not compile (a bug, reported rather than panicking).
    #[error("cannot compile a built-in pattern: {0}")]
    Pattern(#[from] regex::Error),
    /// The embedded language files do not load (a bug, reported rather than panicking).
    #[error("cannot load the built-in language files: {0}")]
    Language(crate::language::LanguageError),
}

/// Literals of the rule set under construction: every (lowercased text, `*`, trigger) entry
/// with its role, grouped into one literal per key by [`LiteralSet::finish`] (a sort, which
/// keeps the roles of a key in the order they were added).
#[derive(Default)]
pub(super) struct LiteralSet {
    /// (key, `*`, trigger, order added, role)
    pub(super) entries: Vec<(Vec<u8>, bool, bool, usize, Role)>,
}

impl LiteralSet {
    pub(super) fn add(&mut self, text: &str, prefix: bool, trigger: bool, role: Role) {
        // The scan reads the text with its capitals folded (ASCII ones by the trie, the others
        // by `fold_capitals`): keys are folded the same way, so that "Коммуникация", "ІТ" or
        // "Équipe" are found by the lowercase phrase, and a capital in a rule file still
        // matches. (A case-sensitive term is checked against the text as written.)
        let key = super::fold::fold_capitals(text);
        let order = self.entries.len();
        self.entries.push((
            key.as_bytes().to_ascii_lowercase(),
            prefix,
            trigger,
            order,
            role,
        ));
    }

    pub(super) fn add_phrase(&mut self, phrase: &Phrase, skill: usize, kind: RoleKind) {
        let exact = phrase.case_sensitive.then(|| phrase.text.clone().into());
        self.add(
            &phrase.text,
            phrase.prefix,
            false,
            Role { skill, kind, exact },
        );
    }

    /// The keys, in sorted order, their literals and the literals' roles.
    pub(super) fn finish(mut self) -> (Vec<Vec<u8>>, Vec<Literal>, Vec<Role>) {
        self.entries
            .sort_unstable_by(|a, b| (&a.0, a.1, a.2, a.3).cmp(&(&b.0, b.1, b.2, b.3)));
        let mut keys: Vec<Vec<u8>> = Vec::new();
        let mut literals: Vec<Literal> = Vec::new();
        let mut roles: Vec<Role> = Vec::with_capacity(self.entries.len());
        let mut last: Option<(bool, bool)> = None;
        for (key, prefix, trigger, _, role) in self.entries {
            let same = last == Some((prefix, trigger)) && keys.last() == Some(&key);
            if !same {
                literals.push(Literal {
                    prefix,
                    starts_word: !trigger && key.first().is_some_and(|&b| is_word(b)),
                    ends_word: !trigger && key.last().is_some_and(|&b| is_word(b)),
                    trigger,
                    context: false,
                    only_context: true,
                    roles: (roles.len() as u32, roles.len() as u32),
                    english_end: roles.len() as u32,
                });
                keys.push(key);
                last = Some((prefix, trigger));
            }
            if let Some(literal) = literals.last_mut() {
                let context = role.kind == RoleKind::Context;
                literal.context |= context;
                literal.only_context &= context;
                literal.roles.1 = roles.len() as u32 + 1;
                literal.english_end = literal.roles.1;
            }
            roles.push(role);
        }
        (keys, literals, roles)
    }
}

impl Matcher {
    /// Compiles a rule set.
    pub fn new(rules: RuleSet) -> Result<Matcher, CompileError> {
        let mut set = LiteralSet::default();
        let mut patterns = Vec::new();
        let mut words = Vec::new();
        let mut together = Vec::new();
        let mut memo = StemMemo::default();
        // The patterns' trigger literals, in parallel (a few hundred microseconds each for the
        // largest), taken in order below.
        let mut triggers = {
            use rayon::prelude::*;
            let all: Vec<&crate::rules::Pattern> =
                rules.skills.iter().flat_map(|s| &s.patterns).collect();
            let sets: Vec<Option<Vec<Vec<u8>>>> = all
                .par_iter()
                .map(|pattern| prefixes::triggers(&pattern.hir))
                .collect();
            sets.into_iter()
        };
        for (skill_index, skill) in rules.skills.iter().enumerate() {
            for phrase in &skill.phrases {
                set.add_phrase(phrase, skill_index, RoleKind::Detect);
            }
            for phrase in &skill.weak {
                set.add_phrase(phrase, skill_index, RoleKind::Weak);
            }
            for phrase in &skill.exclude {
                set.add_phrase(phrase, skill_index, RoleKind::Exclude);
            }
            for phrase in &skill.context {
                set.add_phrase(phrase, skill_index, RoleKind::Context);
            }
            for entry in &skill.words {
                add_word(
                    (&mut set, &mut memo),
                    &mut words,
                    entry,
                    skill_index,
                    Target::Detect,
                );
            }
            for rule in &skill.together {
                let index = together.len();
                together.push(TogetherRule {
                    skill: skill_index,
                    groups: rule.groups.len(),
                });
                for (group, entries) in rule.groups.iter().enumerate() {
                    for entry in entries {
                        let target = Target::Group { rule: index, group };
                        add_word(
                            (&mut set, &mut memo),
                            &mut words,
                            entry,
                            skill_index,
                            target,
                        );
                    }
                }
            }
            for pattern in &skill.patterns {
                let index = patterns.len();
                let compiled = match triggers.next().flatten() {
                    Some(triggers) => {
                        for trigger in &triggers {
                            let role = Role {
                                skill: skill_index,
                                kind: RoleKind::Trigger(index),
                                exact: None,
                            };
                            set.add(&String::from_utf8_lossy(trigger), false, true, role);
                        }
                        CompiledPattern {
                            skill: skill_index,
                            anchored: true,
                            regex: pattern.regex.clone(),
                        }
                    }
                    None => CompiledPattern {
                        skill: skill_index,
                        anchored: false,
                        regex: pattern.regex.clone(),
                    },
                };
                patterns.push(compiled);
            }
        }
        let languages =
            crate::language::languages().map_err(|e| CompileError::Language(e.clone()))?;
        for (code, cues) in &languages.cues_by_language {
            let language = crate::language::LANGUAGES
                .iter()
                .position(|known| known == code)
                .and_then(|i| u8::try_from(i).ok())
                .unwrap_or(0);
            for (phrase, class) in cue_phrases(cues) {
                let role = Role {
                    skill: 0,
                    kind: RoleKind::Cue(class, language),
                    exact: None,
                };
                // A trailing '*' lets the word go on, as in a skill's phrases: "кандидат*"
                // is also "кандидата", "кандидатів".
                let (phrase, prefix) = phrase
                    .strip_suffix('*')
                    .map_or((phrase, false), |stem| (stem, true));
                set.add(phrase, prefix, false, role);
            }
        }
        let (keys, mut literals, mut roles) = set.finish();
        // The word entries of languages other than English go last among a key's roles, so
        // that an English posting stops before them instead of turning each down (keys shared
        // with English entries have many: "code", "team"). Nothing else depends on the order
        // of a key's roles: what they record is sorted before it is read.
        let foreign = |role: &Role| match role.kind {
            RoleKind::Word(index) => words
                .get(index)
                .is_some_and(|w| w.restricted_to().is_some()),
            _ => false,
        };
        for literal in &mut literals {
            let (from, to) = (literal.roles.0 as usize, literal.roles.1 as usize);
            if let Some(own) = roles.get_mut(from..to) {
                own.sort_by_key(foreign);
                let english = own.iter().filter(|&role| !foreign(role)).count();
                literal.english_end = literal.roles.0 + english as u32;
            }
        }
        // A key whose every role is a word entry of a language other than English goes to the
        // trie of each of those languages, scanned only in postings of that language (or of
        // none found): an English posting does not walk into the keys of nine other languages.
        // Ids stay those of `literals` in every trie (a key left out is given as empty).
        let languages_of: Vec<Vec<&str>> = literals
            .iter()
            .map(|literal| {
                let of = |role: &Role| match role.kind {
                    RoleKind::Word(index) => words.get(index).and_then(WordForm::restricted_to),
                    _ => None,
                };
                let found: Option<Vec<&str>> = roles
                    .get(literal.roles.0 as usize..literal.roles.1 as usize)
                    .unwrap_or_default()
                    .iter()
                    .map(of)
                    .collect();
                let mut found = found.unwrap_or_default();
                found.sort_unstable();
                found.dedup();
                found
            })
            .collect();
        let trie_of =
            |language: Option<&str>| {
                Trie::new(keys.iter().zip(&literals).zip(&languages_of).map(
                    |((key, literal), of)| {
                        let wanted = match language {
                            None => of.is_empty(),
                            Some(code) => of.contains(&code),
                        };
                        let key: &[u8] = if wanted { key } else { &[] };
                        (key, literal.ends_word && !literal.prefix)
                    },
                ))
            };
        let trie = trie_of(None);
        let mut codes: Vec<&str> = languages_of.iter().flatten().copied().collect();
        codes.sort_unstable();
        codes.dedup();
        let language_tries = codes
            .into_iter()
            .map(|code| (Box::from(code), trie_of(Some(code))))
            .collect();
        Ok(Matcher {
            rules,
            trie,
            language_tries,
            literals,
            roles,
            patterns,
            cues: Cues::new(&languages.cues)?,
            words,
            together,
        })
    }
}

/// Adds a word entry: its trie keys, as `*` keys, with a role that verifies the word forms.
fn add_word(
    (set, memo): (&mut LiteralSet, &mut StemMemo),
    words: &mut Vec<WordForm>,
    entry: &WordEntry,
    skill: usize,
    target: Target,
) {
    // The loader accepts only languages that have word forms; English otherwise.
    let forms = WordForms::of(&entry.language)
        .or_else(|| WordForms::of("en"))
        .unwrap_or(WordForms::Prefix(&[]));
    let (form, keys) = WordForm::new_with(&entry.text, &entry.language, forms, target, memo);
    let index = words.len();
    words.push(form);
    for key in keys {
        let role = Role {
            skill,
            kind: RoleKind::Word(index),
            exact: None,
        };
        set.add(&key, true, false, role);
    }
}

/// The language of a sentence cue, by its index in [`crate::language::LANGUAGES`], when it is
/// not English: postings of another language other than English do not read it.
pub(super) fn cue_language(index: u8) -> Option<&'static str> {
    crate::language::LANGUAGES
        .get(usize::from(index))
        .copied()
        .filter(|&code| code != "en")
}
