//! Evidence: the sentence around a hit, clipped to [`MAX_EVIDENCE_CHARS`], and the roll-up of
//! counted hits into one [`SkillMatch`] per skill.

use std::ops::Range;

use crate::extract::Posting;

use super::sentence::{sentence_around, sentence_in};
use super::{MAX_EVIDENCE_CHARS, SkillHit, SkillMatch, Verdict};

/// Rolls counted hits up into one [`SkillMatch`] per skill, in skill order.
pub(super) fn summarize(
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
pub(super) fn evidence_in(posting: &Posting, hit: &SkillHit, ends: &[(usize, usize)]) -> String {
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
pub(super) fn clip_around(posting: &Posting, hit: &SkillHit, (s, e): (usize, usize)) -> String {
    clip(
        posting.text.get(s..e).unwrap_or_default(),
        hit.start.saturating_sub(s),
        hit.end.saturating_sub(s),
        MAX_EVIDENCE_CHARS,
    )
}

/// Cuts `text` to at most `max` characters, keeping `[start, end)` (byte offsets) in view and
/// marking cuts with `…`.
pub(super) fn clip(text: &str, start: usize, end: usize, max: usize) -> String {
    clip_with_hit(text, start, end, max).0
}

/// [`clip`], and where `[start, end)` is in the result.
pub(super) fn clip_with_hit(
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
