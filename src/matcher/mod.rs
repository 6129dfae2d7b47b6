//! Matching: a [`Posting`] and compiled rules -> skill hits with evidence and level.
//!
//! Pure and synchronous; it reads the posting and never allocates per byte of text. All
//! literal phrases of all skills (detectors, weak phrases, exclusions, context phrases), the
//! sentence cues and the trigger literals of the regex patterns are compiled once into a single
//! trie (`trie/`), walked from word starts only, which finds every occurrence in one pass; word
//! boundaries are checked on the bytes around each hit (ASCII letters, digits and `_` are word
//! characters), which keeps the scan linear and fast on non-ASCII text too. A regex pattern runs
//! anchored where one of its trigger literals (`prefixes.rs`) occurs, with the same boundary
//! check; a pattern without a finite set of them runs over the whole text.
//!
//! Each candidate hit then gets a [`Verdict`]:
//! 1. vetoed when an exclusion of its skill covers it ("take ownership" for ownership), or
//!    when it is the posting's own company name ("Compiler is a ... consultancy"),
//! 2. dropped when it is a weak phrase with no context phrase of its skill within the window,
//! 3. ignored when its section is boilerplate (benefits, about the company, legal, apply), or
//!    its sentence states the company's standing or track record ("X is adopted by ..."),
//! 4. otherwise counted, at the [`Level`] its sentence and section give it.
//!
//! One job per file: `compile.rs` builds the trie's keys and their roles, `trie/` scans,
//! `scan.rs` sorts the occurrences into candidates, exclusions, context phrases and cues,
//! `verdict.rs` decides each candidate, `level.rs` holds the sentence cues, `company.rs` finds where
//! the employer's own name stands (not a skill) and which sentences describe the company itself,
//! `fold.rs` folds the
//! capitals of other scripts than ASCII for the scan, `sentence.rs` finds sentence boundaries
//! and `evidence.rs` cuts the evidence and rolls hits up per skill. This
//! module holds the public types and [`Matcher::find`], which runs those stages in order.

use crate::extract::{Posting, SectionKind};
use crate::rules::RuleSet;

mod address;
mod company;
mod compile;
mod evidence;
mod examples;
mod fold;
mod forms;
mod level;
mod prefixes;
mod scan;
mod sentence;
mod trie;
mod verdict;

pub use compile::CompileError;
use compile::{CompiledPattern, Literal, Role};
use evidence::summarize;
pub use evidence::{evidence, evidence_with_hit};
pub use examples::{CheckReport, Finding, FindingKind, check, check_examples};
use level::Cues;
use scan::Scan;
use sentence::sentence_ends;
use trie::Trie;
use verdict::Context;

#[cfg(test)]
use {evidence::*, sentence::*};

/// How strongly a posting asks for a skill. Ordered: `Required` is the strongest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Named in the job content (responsibilities, description, the team's stack).
    Mentioned,
    /// Nice to have, a plus, bonus, preferably, ideally.
    Preferred,
    /// In the requirements, or stated as a must.
    Required,
}

impl Level {
    /// The lowercase name used in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Required => "required",
            Level::Preferred => "preferred",
            Level::Mentioned => "mentioned",
        }
    }
}

/// What became of one occurrence of a skill's phrase or pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// It counts, at this level.
    Counted(Level),
    /// It sits in a section that does not count (benefits, company, legal, apply).
    Boilerplate(SectionKind),
    /// An exclusion covers it; the text of the exclusion's match.
    Excluded(String),
    /// A weak phrase with no context phrase nearby.
    Uncorroborated,
}

/// One occurrence of a skill in a posting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillHit {
    /// Index of the skill in the rule set.
    pub skill: usize,
    /// Byte range in [`Posting::text`].
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// Index of the block (line) it is in.
    pub block: usize,
    /// What became of it.
    pub verdict: Verdict,
}

/// A skill that a posting asks for: the summary of its counted hits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillMatch {
    /// Index of the skill in the rule set.
    pub skill: usize,
    /// The strongest level of its counted hits.
    pub level: Level,
    /// How many counted hits it has.
    pub count: usize,
    /// The sentence around the first hit at the strongest level, at most 200 characters.
    pub evidence: String,
}

/// Everything the matcher found in one posting.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Matches {
    /// Every hit, counted or not, in text order.
    pub hits: Vec<SkillHit>,
    /// The skills asked for, in rule-set order.
    pub skills: Vec<SkillMatch>,
}

/// Longest evidence, in characters.
pub const MAX_EVIDENCE_CHARS: usize = 200;

/// Most occurrences of one skill's phrases, patterns or exclusions looked at in one posting; a
/// skill's `count` saturates there. Context phrases (shared by skills) are bounded at four times
/// this for all skills together, sentence cues and pattern triggers likewise. Real postings stay
/// far below it.
pub const MAX_OCCURRENCES: usize = 10_000;

/// A co-occurrence rule: its skill and how many groups it has.
#[derive(Debug, Clone, Copy)]
struct TogetherRule {
    skill: usize,
    groups: usize,
}

/// Longest span an exclusion is assumed to reach back over when looking one up.
const MAX_SPAN: usize = 512;

/// The rule set compiled for matching. Build once, share across threads.
#[derive(Debug, Clone)]
pub struct Matcher {
    rules: RuleSet,
    /// The keys every posting is scanned for.
    trie: Trie,
    /// The keys that only word entries of languages other than English use, in a trie per
    /// language, scanned only for postings of that language (or of none found).
    language_tries: Vec<(Box<str>, Trie)>,
    literals: Vec<Literal>,
    roles: Vec<Role>,
    patterns: Vec<CompiledPattern>,
    cues: Cues,
    /// Word entries (`words`, `together` groups), indexed by [`compile::RoleKind::Word`].
    words: Vec<forms::WordForm>,
    /// Co-occurrence rules, in rule-set order.
    together: Vec<TogetherRule>,
}

impl Matcher {
    /// The rule set this matcher was compiled from.
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// The phrase stage of [`Matcher::find`] alone, for benchmarks: how many literal
    /// occurrences the scan finds in `text`. That is every phrase, term, weak phrase, exclusion
    /// and context phrase of the rules, the patterns' trigger literals and the level cues, at
    /// word boundaries, overlapping ones included. It stops before patterns run and before
    /// verdicts, levels and evidence are decided. This is the work that an Aho-Corasick search
    /// with a boundary check does; `find` does it and all the rest. The keys only another
    /// language's word entries use are left out, as `find` leaves them out of an English
    /// posting's scan.
    pub fn count_phrase_occurrences(&self, text: &str) -> usize {
        let mut occurrences = Vec::with_capacity(text.len() / 16);
        self.trie
            .scan(fold::fold_capitals(text).as_bytes(), &mut occurrences);
        occurrences.len()
    }

    /// Finds the skills a posting asks for.
    pub fn find(&self, posting: &Posting) -> Matches {
        let text = posting.text.as_str();
        let bytes = text.as_bytes();
        let skills = self.rules.skills.len();
        let mut occurrences = Vec::with_capacity(bytes.len() / 16);
        // The trie folds ASCII letters; capitals of other scripts are folded here, in a copy
        // with the same byte offsets (the text itself when it has none).
        let folded = fold::fold_capitals(text);
        self.trie.scan(folded.as_bytes(), &mut occurrences);
        let language = posting.meta.language.as_deref();
        let before = occurrences.len();
        for (code, trie) in &self.language_tries {
            if language.is_none_or(|l| l == &**code) {
                trie.scan(folded.as_bytes(), &mut occurrences);
            }
        }
        if occurrences.len() > before {
            // In text order, as one scan finds them; a key of several languages is found once
            // by each of their tries when the posting's language is unknown.
            occurrences.sort_unstable();
            occurrences.dedup();
        }
        // Room for what the occurrences may record, so that the pushes below seldom grow a
        // vector (bounded: the lists themselves are capped).
        let room = occurrences.len().min(MAX_OCCURRENCES * 4);
        let mut scan = Scan {
            candidates: Vec::with_capacity(room),
            found_per_skill: vec![0usize; skills],
            excludes: vec![Vec::new(); skills],
            contexts: Vec::with_capacity(room),
            cues: Vec::with_capacity(room),
            triggered: Vec::with_capacity(room),
            together: Vec::new(),
            stems: forms::StemCache::default(),
            language: posting.meta.language.as_deref().map(Box::from),
            language_code: posting.meta.language.as_deref().map_or(0, forms::packed),
        };
        // An English posting reads no other language's word entries (`WordForm::applies_to`).
        let english = language == Some("en");
        for &(start, end, id) in &occurrences {
            if let Some(literal) = self.literals.get(id as usize) {
                let roles = if english {
                    self.english_roles_of(literal)
                } else {
                    self.roles_of(literal)
                };
                scan.literal(text, (id, literal), (roles, &self.words), start, end);
            }
        }
        let mut triggered = std::mem::take(&mut scan.triggered);
        triggered.sort_unstable();
        triggered.dedup();
        for &(index, start) in &triggered {
            let Some(CompiledPattern {
                skill,
                anchored: true,
                regex,
            }) = self.patterns.get(index)
            else {
                continue;
            };
            let input = regex_automata::Input::new(text)
                .range(start..)
                .anchored(regex_automata::Anchored::Yes);
            if let Some(found) = regex.search(&input) {
                scan.pattern_hit(bytes, *skill, found.start(), found.end());
            }
        }
        for pattern in self.patterns.iter().filter(|p| !p.anchored) {
            for found in pattern.regex.find_iter(text) {
                if !scan.pattern_hit(bytes, pattern.skill, found.start(), found.end()) {
                    break;
                }
            }
        }
        let sentence_ends = sentence_ends(bytes);
        if !scan.together.is_empty() {
            scan.together_hits(posting, &self.together, &sentence_ends);
        }
        let Scan {
            mut candidates,
            mut excludes,
            contexts,
            cues,
            ..
        } = scan;
        for spans in &mut excludes {
            spans.sort_unstable();
        }
        let context = Context {
            posting,
            excludes: &excludes,
            contexts: &contexts,
            cues: &cues,
            sentence_ends,
            company: company::company_spans(posting),
        };

        // One occurrence per place: where phrases of a skill overlap, the strong, longest wins.
        candidates.sort_unstable_by_key(|c| (c.skill, c.start, c.weak, usize::MAX - c.end));
        let mut hits: Vec<SkillHit> = Vec::with_capacity(candidates.len());
        // The sentence of each counted hit, as its verdict found it (for the evidence).
        let mut sentences: Vec<Option<(usize, usize)>> = Vec::with_capacity(candidates.len());
        let mut last: Option<(usize, usize)> = None;
        for candidate in candidates {
            if last.is_some_and(|(skill, end)| skill == candidate.skill && candidate.start < end) {
                continue;
            }
            last = Some((candidate.skill, candidate.end));
            let block = posting.block_at(candidate.start);
            let (verdict, sentence) = self.verdict(&context, &candidate, block);
            hits.push(SkillHit {
                skill: candidate.skill,
                start: candidate.start,
                end: candidate.end,
                block,
                verdict,
            });
            sentences.push(sentence);
        }
        let skills = summarize(posting, &hits, &sentences, &context.sentence_ends);
        // (start, skill) is unique: a skill's later candidate at the same start overlaps.
        hits.sort_unstable_by_key(|h| (h.start, h.skill));
        Matches { hits, skills }
    }
}

#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;
