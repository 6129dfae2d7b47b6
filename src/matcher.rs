//! Matching: a [`Posting`] and compiled rules -> skill hits with evidence and level.
//!
//! Pure and synchronous; it reads the posting and never allocates per byte of text. All
//! literal phrases of all skills (detectors, weak phrases, exclusions, context phrases) are
//! compiled once into a single Aho-Corasick automaton that finds every occurrence in one pass;
//! word boundaries are checked on the bytes around each hit (ASCII letters, digits and `_` are
//! word characters), which keeps the scan linear and fast on non-ASCII text too. Regex patterns
//! run one pass each with the same boundary check.
//!
//! Each candidate hit then gets a [`Verdict`]:
//! 1. vetoed when an exclusion of its skill covers it ("take ownership" for ownership),
//! 2. dropped when it is a weak phrase with no context phrase of its skill within the window,
//! 3. ignored when its section is boilerplate (benefits, about the company, legal, apply),
//! 4. otherwise counted, at the [`Level`] its sentence and section give it.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::extract::{Posting, SectionKind};
use crate::rules::{DEFAULT_WINDOW, Phrase, RuleSet};

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

/// Most occurrences of one skill's phrases, patterns, exclusions or context phrases looked at in
/// one posting; a skill's `count` saturates there. Real postings stay far below it.
pub const MAX_OCCURRENCES: usize = 10_000;

/// Longest span an exclusion is assumed to reach back over when looking one up.
const MAX_SPAN: usize = 512;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RoleKind {
    Detect,
    Weak,
    Exclude,
    Context,
}

#[derive(Debug, Clone)]
struct Role {
    skill: usize,
    kind: RoleKind,
    /// For case-sensitive terms, the exact text the match must equal.
    exact: Option<Box<str>>,
}

#[derive(Debug, Clone)]
struct Literal {
    prefix: bool,
    starts_word: bool,
    ends_word: bool,
    roles: Vec<Role>,
}

/// The rule set compiled for matching. Build once, share across threads.
#[derive(Debug, Clone)]
pub struct Matcher {
    rules: RuleSet,
    automaton: AhoCorasick,
    literals: Vec<Literal>,
    cues: Cues,
}

/// Why the rule set could not be compiled.
#[derive(Debug, thiserror::Error)]
pub enum CompileError {
    /// The phrase automaton is too large.
    #[error("cannot compile the rules' phrases: {0}")]
    Phrases(#[from] aho_corasick::BuildError),
    /// A built-in pattern does not compile (a bug, reported rather than panicking).
    #[error("cannot compile a built-in pattern: {0}")]
    Pattern(#[from] regex::Error),
}

impl Matcher {
    /// Compiles a rule set.
    pub fn new(rules: RuleSet) -> Result<Matcher, CompileError> {
        let mut keys: Vec<(String, bool)> = Vec::new();
        let mut literals: Vec<Literal> = Vec::new();
        let mut index: std::collections::HashMap<(String, bool), usize> =
            std::collections::HashMap::new();
        let mut add = |phrase: &Phrase, skill: usize, kind: RoleKind| {
            let key = (phrase.text.to_ascii_lowercase(), phrase.prefix);
            let id = *index.entry(key.clone()).or_insert_with(|| {
                let bytes = phrase.text.as_bytes();
                literals.push(Literal {
                    prefix: phrase.prefix,
                    starts_word: bytes.first().is_some_and(|&b| is_word(b)),
                    ends_word: bytes.last().is_some_and(|&b| is_word(b)),
                    roles: Vec::new(),
                });
                keys.push(key);
                literals.len() - 1
            });
            if let Some(literal) = literals.get_mut(id) {
                literal.roles.push(Role {
                    skill,
                    kind,
                    exact: phrase.case_sensitive.then(|| phrase.text.clone().into()),
                });
            }
        };
        for (skill_index, skill) in rules.skills.iter().enumerate() {
            for phrase in &skill.phrases {
                add(phrase, skill_index, RoleKind::Detect);
            }
            for phrase in &skill.weak {
                add(phrase, skill_index, RoleKind::Weak);
            }
            for phrase in &skill.exclude {
                add(phrase, skill_index, RoleKind::Exclude);
            }
            for phrase in &skill.context {
                add(phrase, skill_index, RoleKind::Context);
            }
        }
        let mut builder = AhoCorasickBuilder::new();
        builder
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard);
        let patterns = || keys.iter().map(|(text, _)| text.as_bytes());
        // A DFA scans fastest; should it grow too large, let the crate pick a smaller automaton.
        let automaton = builder
            .clone()
            .kind(Some(AhoCorasickKind::DFA))
            .build(patterns())
            .or_else(|_| builder.build(patterns()))?;
        Ok(Matcher {
            rules,
            automaton,
            literals,
            cues: Cues::new()?,
        })
    }

    /// The rule set this matcher was compiled from.
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// Finds the skills a posting asks for.
    pub fn find(&self, posting: &Posting) -> Matches {
        let text = posting.text.as_str();
        let bytes = text.as_bytes();
        let skills = self.rules.skills.len();
        let mut candidates: Vec<Candidate> = Vec::new();
        // Occurrences kept per skill: bounds the work and memory of a posting that repeats a
        // phrase millions of times (the first ones, in text order, are kept).
        let mut found_per_skill = vec![0usize; skills];
        let mut keep = |skill: usize| {
            found_per_skill.get_mut(skill).is_some_and(|n| {
                *n += 1;
                *n <= MAX_OCCURRENCES
            })
        };
        let mut excludes: Vec<Vec<(usize, usize)>> = vec![Vec::new(); skills];
        let mut contexts: Vec<Vec<(usize, usize)>> = vec![Vec::new(); skills];

        for found in self.automaton.find_overlapping_iter(text) {
            let Some(literal) = self.literals.get(found.pattern().as_usize()) else {
                continue;
            };
            let (start, mut end) = (found.start(), found.end());
            if literal.starts_word && start > 0 && word_at(bytes, start - 1) {
                continue;
            }
            if literal.prefix {
                let rest = bytes.get(end..).unwrap_or_default();
                end += rest.iter().take_while(|&&b| is_word(b)).count();
            } else if literal.ends_word && bytes.get(end).is_some_and(|&b| is_word(b)) {
                continue;
            }
            for role in &literal.roles {
                if let Some(exact) = &role.exact
                    && text.get(found.start()..found.end()) != Some(exact.as_ref())
                {
                    continue;
                }
                let span = (start, end);
                match role.kind {
                    RoleKind::Detect | RoleKind::Weak => {
                        if keep(role.skill) {
                            candidates.push(Candidate {
                                skill: role.skill,
                                start,
                                end,
                                weak: role.kind == RoleKind::Weak,
                            });
                        }
                    }
                    RoleKind::Exclude => {
                        if let Some(spans) = excludes.get_mut(role.skill)
                            && spans.len() < MAX_OCCURRENCES
                        {
                            spans.push(span);
                        }
                    }
                    RoleKind::Context => {
                        if let Some(spans) = contexts.get_mut(role.skill)
                            && spans.len() < MAX_OCCURRENCES
                        {
                            spans.push(span);
                        }
                    }
                }
            }
        }
        for (skill_index, skill) in self.rules.skills.iter().enumerate() {
            for pattern in &skill.patterns {
                for found in pattern.regex.find_iter(text) {
                    let (start, end) = (found.start(), found.end());
                    if start == end || !on_word_boundaries(bytes, start, end) {
                        continue;
                    }
                    if !keep(skill_index) {
                        break;
                    }
                    candidates.push(Candidate {
                        skill: skill_index,
                        start,
                        end,
                        weak: false,
                    });
                }
            }
        }
        for spans in excludes.iter_mut().chain(contexts.iter_mut()) {
            spans.sort_unstable();
        }

        // One occurrence per place: where phrases of a skill overlap, the strong, longest wins.
        candidates.sort_unstable_by_key(|c| (c.skill, c.start, c.weak, usize::MAX - c.end));
        let mut hits: Vec<SkillHit> = Vec::with_capacity(candidates.len());
        let mut last: Option<(usize, usize)> = None;
        for candidate in candidates {
            if last.is_some_and(|(skill, end)| skill == candidate.skill && candidate.start < end) {
                continue;
            }
            last = Some((candidate.skill, candidate.end));
            let verdict = self.verdict(posting, &candidate, &excludes, &contexts);
            hits.push(SkillHit {
                skill: candidate.skill,
                start: candidate.start,
                end: candidate.end,
                block: posting.block_at(candidate.start),
                verdict,
            });
        }
        let skills = summarize(posting, &hits);
        hits.sort_by_key(|h| (h.start, h.skill));
        Matches { hits, skills }
    }

    fn verdict(
        &self,
        posting: &Posting,
        candidate: &Candidate,
        excludes: &[Vec<(usize, usize)>],
        contexts: &[Vec<(usize, usize)>],
    ) -> Verdict {
        let (start, end) = (candidate.start, candidate.end);
        let spans = excludes.get(candidate.skill).map_or(&[][..], Vec::as_slice);
        let upto = spans.partition_point(|&(s, _)| s <= start);
        let covering = spans
            .get(..upto)
            .unwrap_or_default()
            .iter()
            .rev()
            .take_while(|&&(s, _)| s + MAX_SPAN >= start)
            .find(|&&(_, e)| e >= end);
        if let Some(&(s, e)) = covering {
            return Verdict::Excluded(posting.text.get(s..e).unwrap_or_default().to_owned());
        }
        if candidate.weak {
            let window = self
                .rules
                .skills
                .get(candidate.skill)
                .map_or(DEFAULT_WINDOW, |s| s.window);
            let spans = contexts.get(candidate.skill).map_or(&[][..], Vec::as_slice);
            let from = spans.partition_point(|&(s, _)| s + MAX_SPAN + window < start);
            let corroborated = spans
                .get(from..)
                .unwrap_or_default()
                .iter()
                .take_while(|&&(s, _)| s < end + window)
                .any(|&(s, e)| e + window > start && (s, e) != (start, end));
            if !corroborated {
                return Verdict::Uncorroborated;
            }
        }
        let block_index = posting.block_at(start);
        let Some(block) = posting.blocks.get(block_index) else {
            return Verdict::Boilerplate(SectionKind::General);
        };
        let section = posting
            .sections
            .get(block.section)
            .map_or(SectionKind::General, |s| s.kind);
        let kind = block.label.unwrap_or(section);
        let sentence = sentence_around(&posting.text, block.start, block.end, start, end);
        let cue = self
            .cues
            .find(posting.text.get(sentence.0..sentence.1).unwrap_or_default());
        // An about-the-company text that turns to the candidate ("we are seeking team-oriented
        // people") is asking for something; its marketing is not.
        let asks_candidate = kind == SectionKind::Company
            && (cue.addresses_candidate || self.list_addresses_candidate(posting, block_index));
        if !kind.counts() && !asks_candidate {
            return Verdict::Boilerplate(kind);
        }
        if cue.perk {
            return Verdict::Boilerplate(SectionKind::Benefits);
        }
        let level = if cue.preferred {
            Level::Preferred
        } else if cue.negated {
            Level::Mentioned
        } else if kind == SectionKind::Preferred {
            Level::Preferred
        } else if kind == SectionKind::Requirements || cue.required {
            Level::Required
        } else {
            Level::Mentioned
        };
        Verdict::Counted(level)
    }
}

impl Matcher {
    /// Whether list item `block` hangs under a lead-in that turns to the candidate ("We seek
    /// individuals who exemplify the following:").
    fn list_addresses_candidate(&self, posting: &Posting, block: usize) -> bool {
        use crate::extract::BlockKind;
        let Some(item) = posting.blocks.get(block) else {
            return false;
        };
        let lead = posting
            .blocks
            .get(block.saturating_sub(MAX_LIST_ITEMS)..block)
            .unwrap_or_default()
            .iter()
            .enumerate()
            .rev()
            .take_while(|(_, b)| b.section == item.section)
            .find(|(_, b)| b.kind != BlockKind::ListItem)
            .map(|(i, _)| block.saturating_sub(MAX_LIST_ITEMS) + i);
        item.kind == BlockKind::ListItem
            && lead.is_some_and(|b| {
                let text = posting.block_text(b);
                text.trim_end().ends_with(':') && self.cues.find(text).addresses_candidate
            })
    }
}

/// How far back a list item looks for its lead-in.
const MAX_LIST_ITEMS: usize = 40;

#[derive(Debug, Clone, Copy)]
struct Candidate {
    skill: usize,
    start: usize,
    end: usize,
    weak: bool,
}

/// Rolls counted hits up into one [`SkillMatch`] per skill, in skill order.
fn summarize(posting: &Posting, hits: &[SkillHit]) -> Vec<SkillMatch> {
    let mut out: Vec<SkillMatch> = Vec::new();
    let mut best: Option<&SkillHit> = None;
    for hit in hits {
        let Verdict::Counted(level) = hit.verdict else {
            continue;
        };
        match out.last_mut() {
            Some(last) if last.skill == hit.skill => {
                last.count += 1;
                if level > last.level {
                    last.level = level;
                    best = Some(hit);
                }
            }
            _ => {
                if let (Some(last), Some(hit)) = (out.last_mut(), best) {
                    last.evidence = evidence(posting, hit);
                }
                out.push(SkillMatch {
                    skill: hit.skill,
                    level,
                    count: 1,
                    evidence: String::new(),
                });
                best = Some(hit);
            }
        }
    }
    if let (Some(last), Some(hit)) = (out.last_mut(), best) {
        last.evidence = evidence(posting, hit);
    }
    out
}

/// The sentence around a hit, cut to [`MAX_EVIDENCE_CHARS`] characters around it.
pub fn evidence(posting: &Posting, hit: &SkillHit) -> String {
    let Some(block) = posting.blocks.get(hit.block) else {
        return String::new();
    };
    let (s, e) = sentence_around(&posting.text, block.start, block.end, hit.start, hit.end);
    clip(
        posting.text.get(s..e).unwrap_or_default(),
        hit.start.saturating_sub(s),
        hit.end.saturating_sub(s),
        MAX_EVIDENCE_CHARS,
    )
}

/// Cuts `text` to at most `max` characters, keeping `[start, end)` (byte offsets) in view and
/// marking cuts with `…`.
fn clip(text: &str, start: usize, end: usize, max: usize) -> String {
    let total = text.chars().count();
    if total <= max {
        return text.to_owned();
    }
    let hit_from = text.get(..start).map_or(0, |t| t.chars().count());
    let hit_len = text.get(start..end).map_or(0, |t| t.chars().count());
    let room = max.saturating_sub(2);
    let before = room.saturating_sub(hit_len) / 2;
    let mut first = hit_from.saturating_sub(before);
    if first + room > total {
        first = total - room;
    }
    let body: String = text.chars().skip(first).take(room).collect();
    let mut out = String::with_capacity(body.len() + 6);
    if first > 0 {
        out.push('…');
    }
    out.push_str(body.trim());
    if first + room < total {
        out.push('…');
    }
    out
}

/// What ends a sentence (or a bullet point run into a paragraph, as HN comments do).
const SENTENCE_ENDS: &[&str] = &[
    ". ", "! ", "? ", "; ", "• ", " · ", " | ", "。", "；", "！", "？",
];

/// Whether a sentence end finishes right before byte `at`; its length if so.
fn sentence_end_before(bytes: &[u8], at: usize) -> Option<usize> {
    // Every separator ends in a space or in the last byte of a full-width CJK mark.
    let last = at.checked_sub(1).and_then(|i| bytes.get(i))?;
    if !matches!(last, b' ' | 0x82 | 0x9B | 0x81 | 0x9F) {
        return None;
    }
    let before = bytes.get(..at)?;
    SENTENCE_ENDS
        .iter()
        .find(|sep| before.ends_with(sep.as_bytes()))
        .map(|sep| sep.len())
}

/// Byte range of the sentence around `[start, end)` within the block `[from, to)`.
///
/// Looks at most [`MAX_SENTENCE_BYTES`] each way, so that a huge block without full stops costs
/// a bounded amount per hit.
fn sentence_around(text: &str, from: usize, to: usize, start: usize, end: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let from = floor_char_boundary(text, from.max(start.saturating_sub(MAX_SENTENCE_BYTES)));
    let to = ceil_char_boundary(text, to.min(end + MAX_SENTENCE_BYTES));
    let mut s = start;
    while s > from && sentence_end_before(bytes, s).is_none() {
        s -= 1;
    }
    let mut e = end;
    while e < to {
        if let Some(len) = sentence_end_before(bytes, e + 1) {
            // Keep a full stop, drop a bullet or a bar.
            e = e + 1 - len + usize::from(len == 2);
            break;
        }
        e += 1;
    }
    let e = floor_char_boundary(text, e.min(to));
    let s = ceil_char_boundary(text, s.min(e));
    let sentence = text.get(s..e).unwrap_or_default();
    let trimmed = sentence.trim();
    let offset = sentence.len() - sentence.trim_start().len();
    (s + offset, s + offset + trimmed.len())
}

/// How far to look for the ends of a sentence, each way from a hit.
const MAX_SENTENCE_BYTES: usize = 600;

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_char_boundary(text: &str, mut at: usize) -> usize {
    while at < text.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    at.min(text.len())
}

fn is_word(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

/// Whether byte `at` exists and is a word character.
fn word_at(bytes: &[u8], at: usize) -> bool {
    bytes.get(at).is_some_and(|&b| is_word(b))
}

fn on_word_boundaries(bytes: &[u8], start: usize, end: usize) -> bool {
    let open = !word_at(bytes, start) || start == 0 || !word_at(bytes, start - 1);
    let close = end == 0 || !word_at(bytes, end - 1) || !word_at(bytes, end);
    open && close
}

/// Sentence cues that set a hit's level.
#[derive(Debug, Clone)]
struct Cues {
    automaton: AhoCorasick,
    classes: Vec<CueClass>,
    years: regex::Regex,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueClass {
    Preferred,
    Required,
    Negator,
    Need,
    Candidate,
    Perk,
}

#[derive(Debug, Clone, Copy, Default)]
struct CueFound {
    preferred: bool,
    required: bool,
    negated: bool,
    addresses_candidate: bool,
    perk: bool,
}

const PREFERRED_CUES: &[&str] = &[
    "nice to have",
    "nice-to-have",
    "nice to haves",
    "a plus",
    "big plus",
    "huge plus",
    "strong plus",
    "plus:",
    "pluses",
    "bonus",
    "bonus points",
    "preferably",
    "preferred",
    "preferable",
    "ideally",
    "desirable",
    "desired",
    "an advantage",
    "advantageous",
    "would be great",
    "would be nice",
    "good to have",
    "great to have",
    "extra credit",
    "even better",
    "helpful",
    "is welcome",
    "are welcome",
    "welcomed",
    "appreciated",
    "beneficial",
    "not required but",
    "not a must",
    "优先",
    "加分",
    "ưu tiên",
];

const REQUIRED_CUES: &[&str] = &[
    "must",
    "must have",
    "required",
    "requires",
    "require",
    "requirement",
    "requirements",
    "mandatory",
    "essential",
    "need to have",
    "you'll need",
    "you will need",
    "you need",
    "should have",
    "you should be",
    "expected to have",
    "minimum",
    "proven",
    "solid experience",
    "strong experience",
    "必须",
    "要求",
    "yêu cầu",
];

const NEGATORS: &[&str] = &[
    "no", "not", "don't", "do not", "doesn't", "does not", "without", "never", "isn't", "aren't",
];

const CANDIDATE_CUES: &[&str] = &[
    "we are seeking",
    "we're seeking",
    "we are looking for",
    "we're looking for",
    "looking for someone",
    "candidates who",
    "individuals who",
    "people who",
    "engineers who",
    "someone who",
    "we seek",
    "we want people",
    "if you are",
    "if you're",
    "if you have",
    "looks for",
    "we look for",
    "those who are",
    "you'll fit",
    "the ideal candidate",
];

/// Words that make a sentence about benefits, wherever it stands ("Benefits include healthcare,
/// 401k match and self-directed vacation" in a Hacker News comment with no headings).
const PERK_CUES: &[&str] = &[
    "benefits include",
    "benefits:",
    "perks include",
    "perks:",
    "perks and benefits",
    "benefits and perks",
    "equal opportunity employer",
    "401k",
    "401(k)",
    "health insurance",
    "dental",
    "unlimited vacation",
    "unlimited pto",
    "paid time off",
    "parental leave",
    "stock options",
];

const NEEDS: &[&str] = &[
    "needed",
    "required",
    "necessary",
    "expected",
    "prerequisite",
    "a requirement",
    "need",
    "have to",
];

impl Cues {
    fn new() -> Result<Cues, CompileError> {
        let mut phrases = Vec::new();
        let mut classes = Vec::new();
        for (list, class) in [
            (PREFERRED_CUES, CueClass::Preferred),
            (REQUIRED_CUES, CueClass::Required),
            (NEGATORS, CueClass::Negator),
            (NEEDS, CueClass::Need),
            (CANDIDATE_CUES, CueClass::Candidate),
            (PERK_CUES, CueClass::Perk),
        ] {
            for phrase in list {
                phrases.push(*phrase);
                classes.push(class);
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&phrases)?;
        let years = regex::Regex::new(r"[0-9]+\s*\+?\s*(?:years|yrs)")?;
        Ok(Cues {
            automaton,
            classes,
            years,
        })
    }

    fn find(&self, sentence: &str) -> CueFound {
        let bytes = sentence.as_bytes();
        let mut found = CueFound::default();
        let (mut negator, mut need) = (false, false);
        for m in self.automaton.find_overlapping_iter(sentence) {
            if !on_word_boundaries(bytes, m.start(), m.end()) {
                continue;
            }
            let Some(class) = self.classes.get(m.pattern().as_usize()) else {
                continue;
            };
            match class {
                CueClass::Preferred => found.preferred = true,
                CueClass::Required => found.required = true,
                CueClass::Negator => negator = true,
                CueClass::Need => need = true,
                CueClass::Candidate => found.addresses_candidate = true,
                CueClass::Perk => found.perk = true,
            }
        }
        found.negated = negator && need;
        found.required |= !found.negated && self.years.is_match(sentence);
        found
    }
}

#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;
