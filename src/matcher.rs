//! Matching: a [`Posting`] and compiled rules -> skill hits with evidence and level.
//!
//! Pure and synchronous; it reads the posting and never allocates per byte of text. All
//! literal phrases of all skills (detectors, weak phrases, exclusions, context phrases), the
//! sentence cues and the trigger literals of the regex patterns are compiled once into a single
//! trie (`trie.rs`), walked from word starts only, which finds every occurrence in one pass; word
//! boundaries are checked on the bytes around each hit (ASCII letters, digits and `_` are word
//! characters), which keeps the scan linear and fast on non-ASCII text too. A regex pattern runs
//! anchored where one of its trigger literals (`prefixes.rs`) occurs, with the same boundary
//! check; a pattern without a finite set of them runs over the whole text.
//!
//! Each candidate hit then gets a [`Verdict`]:
//! 1. vetoed when an exclusion of its skill covers it ("take ownership" for ownership),
//! 2. dropped when it is a weak phrase with no context phrase of its skill within the window,
//! 3. ignored when its section is boilerplate (benefits, about the company, legal, apply),
//! 4. otherwise counted, at the [`Level`] its sentence and section give it.

use std::ops::Range;

use crate::extract::{Posting, SectionKind};
use crate::rules::{DEFAULT_WINDOW, Phrase, RuleSet};

mod prefixes;
mod trie;

use trie::{Trie, is_word};

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

/// Longest span an exclusion is assumed to reach back over when looking one up.
const MAX_SPAN: usize = 512;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RoleKind {
    Detect,
    Weak,
    Exclude,
    Context,
    /// A sentence cue (the skill index is unused).
    Cue(CueClass),
    /// A trigger literal of the pattern with this index in [`Matcher::patterns`].
    Trigger(usize),
}

#[derive(Debug, Clone)]
struct Role {
    skill: usize,
    kind: RoleKind,
    /// For case-sensitive terms, the exact text the match must equal.
    exact: Option<Box<str>>,
}

impl Role {
    /// Whether the role holds for its literal matched as `found` (a case-sensitive term only
    /// when the case is exact).
    fn accepts(&self, found: Option<&str>) -> bool {
        self.exact
            .as_deref()
            .is_none_or(|exact| found == Some(exact))
    }
}

/// A key of the trie: how its occurrences are read, and its roles (a range of
/// [`Matcher::roles`], so that an occurrence reads two arrays, not a vector per key).
#[derive(Debug, Clone, Copy)]
struct Literal {
    prefix: bool,
    ends_word: bool,
    /// A trigger literal: the start of a pattern's match, not a phrase on its own.
    trigger: bool,
    /// Some role is a context phrase; every role is.
    context: bool,
    only_context: bool,
    roles: (u32, u32),
}

/// A regex pattern of a skill, compiled for matching.
#[derive(Debug, Clone)]
struct CompiledPattern {
    skill: usize,
    /// Whether it runs anchored at each occurrence of its trigger literals (else over the
    /// whole text: it has no finite set of them).
    anchored: bool,
    regex: regex_automata::meta::Regex,
}

/// The rule set compiled for matching. Build once, share across threads.
#[derive(Debug, Clone)]
pub struct Matcher {
    rules: RuleSet,
    trie: Trie,
    literals: Vec<Literal>,
    roles: Vec<Role>,
    patterns: Vec<CompiledPattern>,
    cues: Cues,
}

/// Why the rule set could not be compiled.
#[derive(Debug, thiserror::Error)]
pub enum CompileError {
    /// A built-in pattern does not compile (a bug, reported rather than panicking).
    #[error("cannot compile a built-in pattern: {0}")]
    Pattern(#[from] regex::Error),
}

/// Literals of the rule set under construction: every (lowercased text, `*`, trigger) entry
/// with its role, grouped into one literal per key by [`LiteralSet::finish`] (a sort, which
/// keeps the roles of a key in the order they were added).
#[derive(Default)]
struct LiteralSet {
    /// (key, `*`, trigger, order added, role)
    entries: Vec<(Vec<u8>, bool, bool, usize, Role)>,
}

impl LiteralSet {
    fn add(&mut self, text: &str, prefix: bool, trigger: bool, role: Role) {
        let order = self.entries.len();
        self.entries.push((
            text.as_bytes().to_ascii_lowercase(),
            prefix,
            trigger,
            order,
            role,
        ));
    }

    fn add_phrase(&mut self, phrase: &Phrase, skill: usize, kind: RoleKind) {
        let exact = phrase.case_sensitive.then(|| phrase.text.clone().into());
        self.add(
            &phrase.text,
            phrase.prefix,
            false,
            Role { skill, kind, exact },
        );
    }

    /// The keys, in sorted order, their literals and the literals' roles.
    fn finish(mut self) -> (Vec<Vec<u8>>, Vec<Literal>, Vec<Role>) {
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
                    ends_word: !trigger && key.last().is_some_and(|&b| is_word(b)),
                    trigger,
                    context: false,
                    only_context: true,
                    roles: (roles.len() as u32, roles.len() as u32),
                });
                keys.push(key);
                last = Some((prefix, trigger));
            }
            if let Some(literal) = literals.last_mut() {
                let context = role.kind == RoleKind::Context;
                literal.context |= context;
                literal.only_context &= context;
                literal.roles.1 = roles.len() as u32 + 1;
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
        for (phrase, class) in cue_phrases() {
            let role = Role {
                skill: 0,
                kind: RoleKind::Cue(class),
                exact: None,
            };
            set.add(phrase, false, false, role);
        }
        let (keys, literals, roles) = set.finish();
        let trie = Trie::new(
            keys.iter()
                .zip(&literals)
                .map(|(key, literal)| (key.as_slice(), literal.ends_word && !literal.prefix)),
        );
        Ok(Matcher {
            rules,
            trie,
            literals,
            roles,
            patterns,
            cues: Cues::new()?,
        })
    }

    /// The rule set this matcher was compiled from.
    pub fn rules(&self) -> &RuleSet {
        &self.rules
    }

    /// The phrase stage of [`Matcher::find`] alone, for benchmarks: how many literal
    /// occurrences the scan finds in `text`. That is every phrase, term, weak phrase, exclusion
    /// and context phrase of the rules, the patterns' trigger literals and the level cues, at
    /// word boundaries, overlapping ones included. It stops before patterns run and before
    /// verdicts, levels and evidence are decided. This is the work that an Aho-Corasick search
    /// with a boundary check does; `find` does it and all the rest.
    pub fn count_phrase_occurrences(&self, text: &str) -> usize {
        let mut occurrences = Vec::with_capacity(text.len() / 16);
        self.trie.scan(text.as_bytes(), &mut occurrences);
        occurrences.len()
    }

    /// Finds the skills a posting asks for.
    pub fn find(&self, posting: &Posting) -> Matches {
        let text = posting.text.as_str();
        let bytes = text.as_bytes();
        let skills = self.rules.skills.len();
        let mut occurrences = Vec::with_capacity(bytes.len() / 16);
        self.trie.scan(bytes, &mut occurrences);
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
        };
        for &(start, end, id) in &occurrences {
            if let Some(literal) = self.literals.get(id as usize) {
                scan.literal(text, (id, literal), self.roles_of(literal), start, end);
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
            sentence_ends: sentence_ends(bytes),
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

    /// The verdict on a candidate in block `block_index`, with the sentence it was read in
    /// when it counts.
    fn verdict(
        &self,
        context: &Context,
        candidate: &Candidate,
        block_index: usize,
    ) -> (Verdict, Option<(usize, usize)>) {
        let posting = context.posting;
        let (start, end) = (candidate.start, candidate.end);
        let spans = context
            .excludes
            .get(candidate.skill)
            .map_or(&[][..], Vec::as_slice);
        let upto = spans.partition_point(|&(s, _)| s <= start);
        let covering = spans
            .get(..upto)
            .unwrap_or_default()
            .iter()
            .rev()
            .take_while(|&&(s, _)| s + MAX_SPAN >= start)
            .find(|&&(_, e)| e >= end);
        if let Some(&(s, e)) = covering {
            let excluded = posting.text.get(s..e).unwrap_or_default().to_owned();
            return (Verdict::Excluded(excluded), None);
        }
        if candidate.weak {
            let window = self
                .rules
                .skills
                .get(candidate.skill)
                .map_or(DEFAULT_WINDOW, |s| s.window);
            let spans = context.contexts;
            let from = spans.partition_point(|&(s, ..)| s + MAX_SPAN + window < start);
            let corroborated = spans
                .get(from..)
                .unwrap_or_default()
                .iter()
                .take_while(|&&(s, ..)| s < end + window)
                .any(|&(s, e, matched, id)| {
                    e + window > start
                        && (s, e) != (start, end)
                        && self.is_context_of(id, candidate.skill, posting.text.get(s..matched))
                });
            if !corroborated {
                return (Verdict::Uncorroborated, None);
            }
        }
        let Some(block) = posting.blocks.get(block_index) else {
            return (Verdict::Boilerplate(SectionKind::General), None);
        };
        let section = posting
            .sections
            .get(block.section)
            .map_or(SectionKind::General, |s| s.kind);
        let kind = block.label.unwrap_or(section);
        let sentence = sentence_in(
            &posting.text,
            &context.sentence_ends,
            (block.start, block.end),
            (start, end),
        );
        let cue = self.cues.find(&posting.text, context.cues, sentence);
        // An about-the-company text that turns to the candidate ("we are seeking team-oriented
        // people") is asking for something; its marketing is not.
        let asks_candidate = kind == SectionKind::Company
            && (cue.addresses_candidate || self.list_addresses_candidate(context, block_index));
        if !kind.counts() && !asks_candidate {
            return (Verdict::Boilerplate(kind), None);
        }
        if cue.perk {
            return (Verdict::Boilerplate(SectionKind::Benefits), None);
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
        (Verdict::Counted(level), Some(sentence))
    }
}

impl Matcher {
    /// The roles of a literal.
    fn roles_of(&self, literal: &Literal) -> &[Role] {
        let (from, to) = literal.roles;
        self.roles
            .get(from as usize..to as usize)
            .unwrap_or_default()
    }

    /// Whether literal `id`, matched as `found`, is a context phrase of `skill`.
    fn is_context_of(&self, id: u32, skill: usize, found: Option<&str>) -> bool {
        self.literals.get(id as usize).is_some_and(|literal| {
            self.roles_of(literal).iter().any(|role| {
                role.kind == RoleKind::Context && role.skill == skill && role.accepts(found)
            })
        })
    }

    /// Whether list item `block` hangs under a lead-in that turns to the candidate ("We seek
    /// individuals who exemplify the following:").
    fn list_addresses_candidate(&self, context: &Context, block: usize) -> bool {
        use crate::extract::BlockKind;
        let posting = context.posting;
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
                let range = posting.blocks.get(b).map_or((0, 0), |b| (b.start, b.end));
                text.trim_end().ends_with(':')
                    && self
                        .cues
                        .find(&posting.text, context.cues, range)
                        .addresses_candidate
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

/// What one pass of the phrase scan gathers from a posting.
struct Scan {
    candidates: Vec<Candidate>,
    /// Occurrences kept per skill: bounds the work and memory of a posting that repeats a
    /// phrase millions of times (the first ones, in text order, are kept).
    found_per_skill: Vec<usize>,
    excludes: Vec<Vec<(usize, usize)>>,
    /// Occurrences of literals with context roles, in text order: (start, end, end of the
    /// literal itself before a `*` extension, literal). Read only for weak phrases, so the
    /// roles are not sorted out here.
    contexts: Vec<(usize, usize, usize, u32)>,
    /// Sentence cues, in text order.
    cues: Vec<(usize, usize, CueClass)>,
    /// (pattern, start) where a pattern's trigger literal occurs.
    triggered: Vec<(usize, usize)>,
}

impl Scan {
    /// Counts one more occurrence of `skill`; false once it has [`MAX_OCCURRENCES`].
    fn keep(&mut self, skill: usize) -> bool {
        self.found_per_skill.get_mut(skill).is_some_and(|n| {
            *n += 1;
            *n <= MAX_OCCURRENCES
        })
    }

    /// Records an occurrence of `literal` at `[start, end)` (its start boundary already holds).
    fn literal(
        &mut self,
        text: &str,
        (id, literal): (u32, &Literal),
        roles: &[Role],
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
        for role in roles {
            if !role.accepts(text.get(matched.0..matched.1)) {
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
                RoleKind::Cue(class) => {
                    if self.cues.len() < MAX_OCCURRENCES * 4 {
                        self.cues.push((start, end, class));
                    }
                }
                RoleKind::Trigger(_) => {}
            }
        }
    }

    /// Records a pattern's match when it sits on word boundaries; false once the skill has
    /// [`MAX_OCCURRENCES`].
    fn pattern_hit(&mut self, bytes: &[u8], skill: usize, start: usize, end: usize) -> bool {
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

/// What the verdicts of one posting's candidates read.
struct Context<'a> {
    posting: &'a Posting,
    excludes: &'a [Vec<(usize, usize)>],
    contexts: &'a [(usize, usize, usize, u32)],
    cues: &'a [(usize, usize, CueClass)],
    /// Every offset right after a sentence end, with the end's length in bytes.
    sentence_ends: Vec<(usize, usize)>,
}

/// Rolls counted hits up into one [`SkillMatch`] per skill, in skill order.
fn summarize(
    posting: &Posting,
    hits: &[SkillHit],
    sentences: &[Option<(usize, usize)>],
    ends: &[(usize, usize)],
) -> Vec<SkillMatch> {
    // The evidence of hit `i`: its sentence as its verdict found it, else looked up.
    let evidence = |i: usize| {
        let Some(hit) = hits.get(i) else {
            return String::new();
        };
        match sentences.get(i).copied().flatten() {
            Some(sentence) => clip_around(posting, hit, sentence),
            None => evidence_in(posting, hit, ends),
        }
    };
    let mut out: Vec<SkillMatch> = Vec::new();
    let mut best: Option<usize> = None;
    for (i, hit) in hits.iter().enumerate() {
        let Verdict::Counted(level) = hit.verdict else {
            continue;
        };
        match out.last_mut() {
            Some(last) if last.skill == hit.skill => {
                last.count += 1;
                if level > last.level {
                    last.level = level;
                    best = Some(i);
                }
            }
            _ => {
                if let (Some(last), Some(best)) = (out.last_mut(), best) {
                    last.evidence = evidence(best);
                }
                out.push(SkillMatch {
                    skill: hit.skill,
                    level,
                    count: 1,
                    evidence: String::new(),
                });
                best = Some(i);
            }
        }
    }
    if let (Some(last), Some(best)) = (out.last_mut(), best) {
        last.evidence = evidence(best);
    }
    out
}

/// The sentence around a hit, cut to [`MAX_EVIDENCE_CHARS`] characters around it.
///
/// For one hit at a time (`explain`): the sentence is searched around the hit, a bounded amount
/// of text, rather than looked up in a table of the whole text's sentence ends.
pub fn evidence(posting: &Posting, hit: &SkillHit) -> String {
    let Some(block) = posting.blocks.get(hit.block) else {
        return String::new();
    };
    let sentence = sentence_around(&posting.text, block.start, block.end, hit.start, hit.end);
    clip_around(posting, hit, sentence)
}

/// [`evidence`], and where the hit itself is in it (a byte range of the returned text; `None`
/// when the hit is longer than the evidence can show), so that a report can mark that very
/// occurrence and not an earlier one of the same word.
pub fn evidence_with_hit(posting: &Posting, hit: &SkillHit) -> (String, Option<Range<usize>>) {
    let Some(block) = posting.blocks.get(hit.block) else {
        return (String::new(), None);
    };
    let (s, e) = sentence_around(&posting.text, block.start, block.end, hit.start, hit.end);
    clip_with_hit(
        posting.text.get(s..e).unwrap_or_default(),
        hit.start.saturating_sub(s),
        hit.end.saturating_sub(s),
        MAX_EVIDENCE_CHARS,
    )
}

/// [`evidence`] with the text's sentence ends already found ([`sentence_ends`]).
fn evidence_in(posting: &Posting, hit: &SkillHit, ends: &[(usize, usize)]) -> String {
    let Some(block) = posting.blocks.get(hit.block) else {
        return String::new();
    };
    let sentence = sentence_in(
        &posting.text,
        ends,
        (block.start, block.end),
        (hit.start, hit.end),
    );
    clip_around(posting, hit, sentence)
}

/// The sentence `(s, e)` cut to [`MAX_EVIDENCE_CHARS`] around the hit.
fn clip_around(posting: &Posting, hit: &SkillHit, (s, e): (usize, usize)) -> String {
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
    clip_with_hit(text, start, end, max).0
}

/// [`clip`], and where `[start, end)` is in the result.
fn clip_with_hit(
    text: &str,
    start: usize,
    end: usize,
    max: usize,
) -> (String, Option<Range<usize>>) {
    let whole = || {
        let hit = text.get(start..end).map(|_| start..end);
        (text.to_owned(), hit)
    };
    // No more bytes than `max`: no more characters either, and nothing to count.
    if text.len() <= max {
        return whole();
    }
    let total = text.chars().count();
    if total <= max {
        return whole();
    }
    let hit_from = text.get(..start).map_or(0, |t| t.chars().count());
    let hit_len = text.get(start..end).map_or(0, |t| t.chars().count());
    let room = max.saturating_sub(2);
    let before = room.saturating_sub(hit_len) / 2;
    let mut first = hit_from.saturating_sub(before);
    if first + room > total {
        first = total - room;
    }
    // Byte offsets of characters `first` and `first + room`, sliced rather than collected.
    let mut offsets = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()));
    let from = offsets.nth(first).unwrap_or(text.len());
    let to = match room.checked_sub(1) {
        Some(more) => offsets.nth(more).unwrap_or(text.len()),
        None => from,
    };
    let body = text.get(from..to).unwrap_or_default();
    let mut out = String::with_capacity(body.len() + 6);
    if first > 0 {
        out.push('…');
    }
    let trimmed = body.trim();
    // Where the hit lands in `out`: after the mark, counted from the first byte kept.
    let kept = from + (body.len() - body.trim_start().len());
    let prefix = out.len();
    let hit = (start >= kept && end <= kept + trimmed.len())
        .then(|| prefix + start - kept..prefix + end - kept);
    out.push_str(trimmed);
    if first + room < total {
        out.push('…');
    }
    (out, hit)
}

/// What ends a sentence (or a bullet point run into a paragraph, as HN comments do): the
/// reference list that [`sentence_end_before`] reads from the last bytes.
#[cfg(test)]
const SENTENCE_ENDS: &[&str] = &[
    ". ", "! ", "? ", "; ", "• ", " · ", " | ", "。", "；", "！", "？",
];

/// Whether a sentence end finishes right before byte `at`; its length if so. The same as
/// finding which of the separators `. `, `! `, `? `, `; `, `• `, ` · `, ` | `, `。`, `；`, `！`,
/// `？` `bytes[..at]` ends with (a test compares the two), read
/// from the last bytes instead of comparing eleven strings: it runs at every full stop.
fn sentence_end_before(bytes: &[u8], at: usize) -> Option<usize> {
    let before = bytes.get(..at)?;
    let ends = |sep: &[u8]| before.ends_with(sep).then_some(sep.len());
    match before.last()? {
        b' ' => match before.get(at.checked_sub(2)?)? {
            b'.' | b'!' | b'?' | b';' => Some(2),
            0xA2 => ends("• ".as_bytes()),
            0xB7 => ends(" · ".as_bytes()),
            b'|' => ends(b" | "),
            _ => None,
        },
        0x82 => ends("。".as_bytes()),
        0x9B => ends("；".as_bytes()),
        0x81 => ends("！".as_bytes()),
        0x9F => ends("？".as_bytes()),
        _ => None,
    }
}

/// Byte range of the sentence around `[start, end)` within the block `[from, to)`, searched
/// byte by byte (for one hit; [`sentence_in`] looks it up for many, and is tested against it).
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
    trimmed_sentence(text, s, e, to)
}

/// The sentence `[s, e)` found by [`sentence_in`] or [`sentence_around`], its end cut at `to`,
/// both ends on character boundaries, without surrounding whitespace.
fn trimmed_sentence(text: &str, s: usize, e: usize, to: usize) -> (usize, usize) {
    let e = floor_char_boundary(text, e.min(to));
    let s = ceil_char_boundary(text, s.min(e));
    let sentence = text.get(s..e).unwrap_or_default();
    let trimmed = sentence.trim();
    let offset = sentence.len() - sentence.trim_start().len();
    (s + offset, s + offset + trimmed.len())
}

/// Every offset `at` of `bytes` right after a sentence end, with that end's length, in order:
/// the table [`sentence_in`] looks sentences up in, built in one pass.
fn sentence_ends(bytes: &[u8]) -> Vec<(usize, usize)> {
    // A separator ends with a space right after one of `.!?;|` or the last byte of `•` or
    // `·`, or with the last byte of a full-width mark: those bytes are found with vector
    // compares, 64 bytes at a time (a few per sentence, against one space per word), in order,
    // so the table comes out sorted.
    use trie::{BLOCK, bits, vector};
    use wide::i8x16;
    let splat = |b: u8| i8x16::splat(b as i8);
    let (full_stop, bang, question, semicolon, bar) = (
        splat(b'.'),
        splat(b'!'),
        splat(b'?'),
        splat(b';'),
        splat(b'|'),
    );
    let (bullet, dot) = (splat(0xA2), splat(0xB7));
    let (marks_a, marks_b, marks_c, marks_d) = (splat(0x82), splat(0x9B), splat(0x81), splat(0x9F));
    let mut ends: Vec<(usize, usize)> = Vec::with_capacity(bytes.len() / BLOCK);
    let blocks = bytes.chunks_exact(BLOCK);
    let mut tail = [0u8; BLOCK];
    for (slot, &b) in tail.iter_mut().zip(blocks.remainder()) {
        *slot = b;
    }
    let blocks = blocks
        .map(|block| <[u8; BLOCK]>::try_from(block).unwrap_or([0; BLOCK]))
        .chain(std::iter::once(tail));
    for (index, block) in blocks.enumerate() {
        let mut found = 0u64;
        for k in 0..BLOCK / 16 {
            let x = vector(&block, 16 * k);
            let mut marks = x.simd_eq(full_stop)
                | x.simd_eq(bang)
                | x.simd_eq(question)
                | x.simd_eq(semicolon)
                | x.simd_eq(bar);
            if bits(x) != 0 {
                marks |= x.simd_eq(bullet)
                    | x.simd_eq(dot)
                    | x.simd_eq(marks_a)
                    | x.simd_eq(marks_b)
                    | x.simd_eq(marks_c)
                    | x.simd_eq(marks_d);
            }
            found |= bits(marks) << (16 * k);
        }
        while found != 0 {
            let i = index * BLOCK + found.trailing_zeros() as usize;
            found &= found - 1;
            // `. ` and the like end after the space; a full-width mark ends after itself
            // (their bytes differ, so at most one holds).
            let spaced = bytes.get(i + 1) == Some(&b' ');
            let end = spaced
                .then(|| sentence_end_before(bytes, i + 2).map(|len| (i + 2, len)))
                .flatten()
                .or_else(|| sentence_end_before(bytes, i + 1).map(|len| (i + 1, len)));
            ends.extend(end);
        }
    }
    ends
}

/// [`sentence_around`] with the sentence ends looked up in `ends` ([`sentence_ends`] of the
/// text) rather than searched for byte by byte: the same range, in logarithmic time.
fn sentence_in(
    text: &str,
    ends: &[(usize, usize)],
    (from, to): (usize, usize),
    (start, end): (usize, usize),
) -> (usize, usize) {
    let from = floor_char_boundary(text, from.max(start.saturating_sub(MAX_SENTENCE_BYTES)));
    let to = ceil_char_boundary(text, to.min(end + MAX_SENTENCE_BYTES));
    let before = ends.partition_point(|&(at, _)| at <= start);
    let s = match before.checked_sub(1).and_then(|i| ends.get(i)) {
        Some(&(at, _)) if at > from => at,
        _ => from,
    };
    let after = ends.partition_point(|&(at, _)| at <= end);
    let e = match ends.get(after) {
        // Keep a full stop, drop a bullet or a bar.
        Some(&(at, len)) if at <= to && end < to => at - len + usize::from(len == 2),
        _ => end.max(to),
    };
    trimmed_sentence(text, s, e, to)
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

/// Whether byte `at` exists and is a word character.
fn word_at(bytes: &[u8], at: usize) -> bool {
    bytes.get(at).is_some_and(|&b| is_word(b))
}

fn on_word_boundaries(bytes: &[u8], start: usize, end: usize) -> bool {
    let open = !word_at(bytes, start) || start == 0 || !word_at(bytes, start - 1);
    let close = end == 0 || !word_at(bytes, end - 1) || !word_at(bytes, end);
    open && close
}

/// Sentence cues that set a hit's level. Their phrases are found by the phrase scan along with
/// the rules' phrases; this is what reads them.
#[derive(Debug, Clone)]
struct Cues {
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
    /// "years" or "yrs": the sentence may state "N+ years".
    Years,
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

/// Every cue phrase with its class.
fn cue_phrases() -> impl Iterator<Item = (&'static str, CueClass)> {
    [
        (PREFERRED_CUES, CueClass::Preferred),
        (REQUIRED_CUES, CueClass::Required),
        (NEGATORS, CueClass::Negator),
        (NEEDS, CueClass::Need),
        (CANDIDATE_CUES, CueClass::Candidate),
        (PERK_CUES, CueClass::Perk),
        (&["years", "yrs"], CueClass::Years),
    ]
    .into_iter()
    .flat_map(|(list, class)| list.iter().map(move |phrase| (*phrase, class)))
}

impl Cues {
    fn new() -> Result<Cues, CompileError> {
        Ok(Cues {
            years: regex::Regex::new(r"[0-9]+\s*\+?\s*(?:years|yrs)")?,
        })
    }

    /// The cues of the text range `[start, end)`, from the cue occurrences of the whole text
    /// (`found`, in text order).
    fn find(
        &self,
        text: &str,
        found: &[(usize, usize, CueClass)],
        (start, end): (usize, usize),
    ) -> CueFound {
        let mut cue = CueFound::default();
        let (mut negator, mut need, mut years) = (false, false, false);
        let from = found.partition_point(|&(s, _, _)| s < start);
        for &(_, e, class) in found
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&(s, _, _)| s < end)
        {
            if e > end {
                continue;
            }
            match class {
                CueClass::Preferred => cue.preferred = true,
                CueClass::Required => cue.required = true,
                CueClass::Negator => negator = true,
                CueClass::Need => need = true,
                CueClass::Candidate => cue.addresses_candidate = true,
                CueClass::Perk => cue.perk = true,
                CueClass::Years => years = true,
            }
        }
        cue.negated = negator && need;
        cue.required |= !cue.negated
            && years
            && self
                .years
                .is_match(text.get(start..end).unwrap_or_default());
        cue
    }
}

#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;
