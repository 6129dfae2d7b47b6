//! What one pass of the phrase scan gathers: candidates, exclusions, context phrases, cues
//! and pattern triggers, each bounded per posting.
//!
//! The words of co-occurrence groups become candidates in [`Scan::together_hits`], which first
//! sets a bit per group of each rule that occurs in the text at all and looks up the sentences
//! of the words of complete rules only, instead of the sentence of every group word found.

use super::{MAX_OCCURRENCES, TogetherRule};
use crate::extract::Posting;

use super::compile::{Literal, Role, RoleKind, cue_language};
use super::forms::{StemCache, Target, WordForm};
use super::level::CueClass;
use super::sentence::sentence_in;
use super::trie::is_word;

#[derive(Debug, Clone, Copy)]
pub(super) struct Candidate {
    pub(super) skill: usize,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) weak: bool,
}

/// A word of a co-occurrence group: (rule, its sentence, start, end, group).
type GroupWord = (usize, (usize, usize), usize, usize, usize);

/// What one pass of the phrase scan gathers from a posting.
pub(super) struct Scan {
    pub(super) candidates: Vec<Candidate>,
    /// Occurrences kept per skill: bounds the work and memory of a posting that repeats a
    /// phrase millions of times (the first ones, in text order, are kept).
    pub(super) found_per_skill: Vec<usize>,
    pub(super) excludes: Vec<Vec<(usize, usize)>>,
    /// Occurrences of literals with context roles, in text order: (start, end, end of the
    /// literal itself before a `*` extension, literal). Read only for weak phrases, so the
    /// roles are not sorted out here.
    pub(super) contexts: Vec<(usize, usize, usize, u32)>,
    /// Sentence cues, in text order.
    pub(super) cues: Vec<(usize, usize, CueClass)>,
    /// (pattern, start) where a pattern's trigger literal occurs.
    pub(super) triggered: Vec<(usize, usize)>,
    /// Words of co-occurrence groups, in text order: (start, end, rule, group).
    pub(super) together: Vec<(usize, usize, usize, usize)>,
    /// Stems of the text words verified so far.
    pub(super) stems: StemCache,
    /// The posting's language, which decides whose word entries are read
    /// ([`WordForm::applies_to`]).
    pub(super) language: Option<Box<str>>,
    /// That language's code, [`super::forms::packed`] (0 without one).
    pub(super) language_code: u64,
}

impl Scan {
    /// Counts one more occurrence of `skill`; false once it has [`MAX_OCCURRENCES`].
    pub(super) fn keep(&mut self, skill: usize) -> bool {
        self.found_per_skill.get_mut(skill).is_some_and(|n| {
            *n += 1;
            *n <= MAX_OCCURRENCES
        })
    }

    /// Records an occurrence of `literal` at `[start, end)` (its start boundary already holds).
    pub(super) fn literal(
        &mut self,
        text: &str,
        (id, literal): (u32, &Literal),
        (roles, words): (&[Role], &[WordForm]),
        start: usize,
        mut end: usize,
    ) {
        let bytes = text.as_bytes();
        let matched = (start, end);
        if literal.trigger {
            for role in roles {
                if let RoleKind::Trigger(pattern) = role.kind
                    && self.triggered.len() < MAX_OCCURRENCES * 4
                {
                    self.triggered.push((pattern, start));
                }
            }
            return;
        }
        // The trie's boundaries are ASCII ones; a letter of the Latin script outside ASCII
        // continues a word too: "grit" is no word of "intégrité", nor "mentor" of "mentorés".
        // (Word entries check their own boundaries, by Unicode letters.)
        // A phrase that begins (ends) with a cased letter outside ASCII (Cyrillic, Greek)
        // begins (ends) a word too: the cue "вы" is no word of "вызовы". (Scripts without
        // case, written without spaces, have no word boundaries to check.)
        let inside_word = (literal.starts_word && latin_letter_before(text, start))
            || (literal.ends_word && !literal.prefix && latin_letter_at(text, end))
            || (!literal.starts_word
                && cased_letter_at(text, start)
                && cased_letter_before(text, start))
            || (!literal.ends_word
                && !literal.prefix
                && end > start
                && cased_letter_before(text, end)
                && !text.as_bytes().get(end - 1).is_some_and(u8::is_ascii)
                && cased_letter_at_any(text, end));
        if inside_word {
            self.word_roles(text, roles, words, start);
            return;
        }
        // A whole-word literal followed by a word character was not reported (the trie checks
        // the end: see `Trie::new`); a `*` phrase takes the rest of its word.
        if literal.prefix {
            let rest = bytes.get(end..).unwrap_or_default();
            end += rest.iter().take_while(|&&b| is_word(b)).count();
        }
        if literal.context && self.contexts.len() < MAX_OCCURRENCES * 4 {
            self.contexts.push((start, end, matched.1, id));
        }
        if literal.only_context {
            return;
        }
        let found = text.get(matched.0..matched.1);
        for role in roles {
            if !role.accepts(found) {
                continue;
            }
            let span = (start, end);
            match role.kind {
                RoleKind::Detect | RoleKind::Weak => {
                    if self.keep(role.skill) {
                        self.candidates.push(Candidate {
                            skill: role.skill,
                            start,
                            end,
                            weak: role.kind == RoleKind::Weak,
                        });
                    }
                }
                RoleKind::Exclude => {
                    if let Some(spans) = self.excludes.get_mut(role.skill)
                        && spans.len() < MAX_OCCURRENCES
                    {
                        spans.push(span);
                    }
                }
                RoleKind::Context => {}
                RoleKind::Cue(class, language) => {
                    // A cue of another language is no cue here: German "du" is French "du",
                    // Dutch "je" French "je". A posting found English may be written in two
                    // languages (a Spanish posting with English boilerplate): it reads all.
                    let foreign = cue_language(language).is_some_and(|code| {
                        self.language
                            .as_deref()
                            .is_some_and(|l| l != code && l != "en")
                    });
                    if !foreign && self.cues.len() < MAX_OCCURRENCES * 4 {
                        self.cues.push((start, end, class));
                    }
                }
                RoleKind::Trigger(_) => {}
                RoleKind::Word(index) => self.word_role(text, words, role.skill, index, start),
            }
        }
    }

    /// Records the word entries of `roles` whose forms occur at `start`.
    fn word_roles(&mut self, text: &str, roles: &[Role], words: &[WordForm], start: usize) {
        for role in roles {
            if let RoleKind::Word(index) = role.kind {
                self.word_role(text, words, role.skill, index, start);
            }
        }
    }

    /// Records word entry `index` (of `skill`) when its forms occur at `start`.
    fn word_role(
        &mut self,
        text: &str,
        words: &[WordForm],
        skill: usize,
        index: usize,
        start: usize,
    ) {
        let Some(form) = words.get(index) else {
            return;
        };
        if !form.applies_to(self.language.as_deref(), self.language_code) {
            return;
        }
        let Some(end) = form.verify(text, start, &mut self.stems) else {
            return;
        };
        match form.target {
            Target::Detect => {
                if self.keep(skill) {
                    self.candidates.push(Candidate {
                        skill,
                        start,
                        end,
                        weak: false,
                    });
                }
            }
            Target::Group { rule, group } => {
                if self.together.len() < MAX_OCCURRENCES * 4 {
                    self.together.push((start, end, rule, group));
                }
            }
        }
    }

    /// Turns the words of co-occurrence groups into candidates: one for each sentence that has
    /// a word of every group of a rule, placed at the first of them. A word that an exclusion
    /// of the rule's skill covers ("network" in "neural network") is no word of its group.
    /// `ends` is the text's table of sentence ends.
    pub(super) fn together_hits(
        &mut self,
        posting: &Posting,
        rules: &[TogetherRule],
        ends: &[(usize, usize)],
    ) {
        let text = posting.text.as_str();
        // The groups of each rule that have a word anywhere in the text: a rule short of a
        // group has no sentence with a word of each, and its words need no sentence.
        let mut seen = vec![0u32; rules.len()];
        for &(_, _, rule, group) in &self.together {
            if let Some(groups) = seen.get_mut(rule) {
                *groups |= 1 << group.min(31);
            }
        }
        let complete = |rule: usize| {
            seen.get(rule)
                .zip(rules.get(rule))
                .is_some_and(|(groups, r)| groups.count_ones() as usize == r.groups)
        };
        // (rule, sentence, start, end, group), sorted: each rule's words by sentence, in order.
        // A word of several groups or rules is recorded once for each, one after the other:
        // its sentence is found once.
        let mut last: Option<((usize, usize), (usize, usize))> = None;
        let excludes = &self.excludes;
        let excluded = |start: usize, end: usize, rule: usize| {
            rules
                .get(rule)
                .and_then(|rule| excludes.get(rule.skill))
                .is_some_and(|spans| spans.iter().any(|&(s, e)| s <= start && end <= e))
        };
        let mut words: Vec<GroupWord> = self
            .together
            .iter()
            .filter(|&&(start, end, rule, _)| complete(rule) && !excluded(start, end, rule))
            .map(|&(start, end, rule, group)| {
                let sentence = match last {
                    Some((span, sentence)) if span == (start, end) => sentence,
                    _ => {
                        let block = posting
                            .blocks
                            .get(posting.block_at(start))
                            .map_or((0, text.len()), |b| (b.start, b.end));
                        let sentence = sentence_in(text, ends, block, (start, end));
                        last = Some(((start, end), sentence));
                        sentence
                    }
                };
                (rule, sentence, start, end, group)
            })
            .collect();
        words.sort_unstable();
        let mut found: Vec<Candidate> = Vec::new();
        for run in words.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
            let Some(&(rule, _, start, end, _)) = run.first() else {
                continue;
            };
            let Some(rule) = rules.get(rule) else {
                continue;
            };
            let groups = run.iter().fold(0u32, |seen, w| seen | 1 << w.4.min(31));
            if groups.count_ones() as usize == rule.groups {
                found.push(Candidate {
                    skill: rule.skill,
                    start,
                    end,
                    weak: false,
                });
            }
        }
        for candidate in found {
            if self.keep(candidate.skill) {
                self.candidates.push(candidate);
            }
        }
    }

    /// Records a pattern's match when it sits on word boundaries; false once the skill has
    /// [`MAX_OCCURRENCES`].
    pub(super) fn pattern_hit(
        &mut self,
        bytes: &[u8],
        skill: usize,
        start: usize,
        end: usize,
    ) -> bool {
        if start == end || !on_word_boundaries(bytes, start, end) {
            return true;
        }
        if !self.keep(skill) {
            return false;
        }
        self.candidates.push(Candidate {
            skill,
            start,
            end,
            weak: false,
        });
        true
    }
}

/// Whether the character before byte `at` of `text` is a letter of the Latin script outside
/// ASCII (é, ß, ł: U+00C0 to U+024F).
fn latin_letter_before(text: &str, at: usize) -> bool {
    at > 0
        && text.as_bytes().get(at - 1).is_some_and(|&b| b >= 0x80)
        && text
            .get(..at)
            .and_then(|t| t.chars().next_back())
            .is_some_and(is_latin_letter)
}

/// Whether the character at byte `at` of `text` is a letter of the Latin script outside ASCII.
fn latin_letter_at(text: &str, at: usize) -> bool {
    text.as_bytes().get(at).is_some_and(|&b| b >= 0x80)
        && text
            .get(at..)
            .and_then(|t| t.chars().next())
            .is_some_and(is_latin_letter)
}

/// Whether the character at byte `at` of `text` is a letter outside ASCII that has a case.
fn cased_letter_at(text: &str, at: usize) -> bool {
    text.as_bytes().get(at).is_some_and(|&b| b >= 0x80)
        && text
            .get(at..)
            .and_then(|t| t.chars().next())
            .is_some_and(|c| c.is_lowercase() || c.is_uppercase())
}

/// Whether the character before byte `at` of `text` is a letter that has a case (of any
/// script, ASCII included).
fn cased_letter_before(text: &str, at: usize) -> bool {
    text.get(..at)
        .and_then(|t| t.chars().next_back())
        .is_some_and(|c| c.is_lowercase() || c.is_uppercase())
}

/// Whether the character at byte `at` of `text` is a letter that has a case (of any script).
fn cased_letter_at_any(text: &str, at: usize) -> bool {
    text.get(at..)
        .and_then(|t| t.chars().next())
        .is_some_and(|c| c.is_lowercase() || c.is_uppercase())
}

fn is_latin_letter(c: char) -> bool {
    ('\u{C0}'..='\u{24F}').contains(&c) && c.is_alphabetic()
}

/// Whether byte `at` exists and is a word character.
pub(super) fn word_at(bytes: &[u8], at: usize) -> bool {
    bytes.get(at).is_some_and(|&b| is_word(b))
}

pub(super) fn on_word_boundaries(bytes: &[u8], start: usize, end: usize) -> bool {
    let open = !word_at(bytes, start) || start == 0 || !word_at(bytes, start - 1);
    let close = end == 0 || !word_at(bytes, end - 1) || !word_at(bytes, end);
    open && close
}
