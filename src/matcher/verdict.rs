//! The verdict on each candidate hit: excluded, uncorroborated, boilerplate or counted at a
//! level (read from the sentence cues and the section).

use crate::extract::{Posting, SectionKind};
use crate::rules::DEFAULT_WINDOW;

use super::compile::{Literal, Role, RoleKind};
use super::level::CueClass;
use super::scan::Candidate;
use super::sentence::sentence_in;
use super::{Level, MAX_SPAN, Matcher, Verdict};

impl Matcher {
    /// The verdict on a candidate in block `block_index`, with the sentence it was read in
    /// when it counts.
    pub(super) fn verdict(
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
        // The employer's own name, capitalised ("Compiler is a small ... consultancy"), names
        // the company, not a skill.
        let upto = context.company.partition_point(|&(s, _)| s <= start);
        if let Some(&(s, e)) = context
            .company
            .get(..upto)
            .unwrap_or_default()
            .iter()
            .rev()
            .take_while(|&&(s, _)| s + MAX_SPAN >= start)
            .find(|&&(_, e)| e >= end)
        {
            let name = posting.text.get(s..e).unwrap_or_default().to_owned();
            return (Verdict::Excluded(name), None);
        }
        // A URL, host name or e-mail address names a server or a page, not a skill
        // ("…cloudfront.net/…", a URL's slug "linux-data-vmware-cloud-rest").
        if let Some((s, e)) = super::address::around(&posting.text, start, end) {
            let address = posting.text.get(s..e).unwrap_or_default().to_owned();
            return (Verdict::Excluded(address), None);
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
                    // A context phrase inside the weak hit is a word of the hit itself
                    // ("platforms" of "multiple platforms"), not a second word near it.
                    let inside = s >= start && e <= end;
                    e + window > start
                        && !inside
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
        // A sentence that describes the company ("X is a ... company building HR and Cyber
        // Security products") says what the employer does, not what the job asks.
        if !asks_candidate
            && !cue.addresses_candidate
            && super::company::describes_company(&posting.text, &context.company, sentence)
        {
            return (Verdict::Boilerplate(SectionKind::Company), None);
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
    pub(super) fn roles_of(&self, literal: &Literal) -> &[Role] {
        let (from, to) = literal.roles;
        self.roles
            .get(from as usize..to as usize)
            .unwrap_or_default()
    }

    /// The roles of a literal that a posting in English reads (no word entry of another
    /// language).
    pub(super) fn english_roles_of(&self, literal: &Literal) -> &[Role] {
        let (from, to) = (literal.roles.0, literal.english_end);
        self.roles
            .get(from as usize..to as usize)
            .unwrap_or_default()
    }

    /// Whether literal `id`, matched as `found`, is a context phrase of `skill`.
    pub(super) fn is_context_of(&self, id: u32, skill: usize, found: Option<&str>) -> bool {
        self.literals.get(id as usize).is_some_and(|literal| {
            self.roles_of(literal).iter().any(|role| {
                role.kind == RoleKind::Context && role.skill == skill && role.accepts(found)
            })
        })
    }

    /// Whether list item `block` hangs under a lead-in that turns to the candidate ("We seek
    /// individuals who exemplify the following:").
    pub(super) fn list_addresses_candidate(&self, context: &Context, block: usize) -> bool {
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
pub(super) const MAX_LIST_ITEMS: usize = 40;

/// What the verdicts of one posting's candidates read.
pub(super) struct Context<'a> {
    pub(super) posting: &'a Posting,
    pub(super) excludes: &'a [Vec<(usize, usize)>],
    pub(super) contexts: &'a [(usize, usize, usize, u32)],
    pub(super) cues: &'a [(usize, usize, CueClass)],
    /// Every offset right after a sentence end, with the end's length in bytes.
    pub(super) sentence_ends: Vec<(usize, usize)>,
    /// Where the posting's own company name stands, sorted ([`super::company`]).
    pub(super) company: Vec<(usize, usize)>,
}
