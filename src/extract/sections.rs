//! Sections: which blocks are headings, and what each section is about.
//!
//! A heading is a `<h1>`-`<h6>` or Markdown heading, a short block that is bold all through
//! ("**Requirements:**"), or a short line ending in a colon whose words name a known section
//! ("What you bring:"). Headings are classified by keywords into a [`SectionKind`]. A heading
//! that names nothing known starts a [`SectionKind::General`] section, unless it is nested below
//! a classified heading (a deeper level, or a bold line under a real heading), in which case it
//! keeps its parent's kind: "Requirements" > "Technical" stays a requirements section.
//!
//! A paragraph or list item that opens with a known label ("Nice to have: Kafka, Go") gets that
//! label's kind for itself alone.
//!
//! A long paragraph with a known heading and a colon in the middle of its line (a scraped record
//! that lost its line breaks: "... CLI Ми пропонуємо: Офіційне ...") is cut there first
//! (`split_inline_records`), so that the heading starts a section of its own; after such a
//! heading, a whole short sentence ending with a colon ("Чим ти будеш займатись:") ends its
//! section even when it names nothing known. When the last such heading names boilerplate and
//! has its value after it in the paragraph (a run of "label: value" fields: "... Salary Range:
//! $112,000 ... Benefits: Vision, dental ..."), its section ends with the paragraph and the one
//! before it resumes.
//!
//! A long paragraph whose scrape glued its list items together without separators ("...
//! dokumentacji technicznejWymagania:Wykształcenie wyższe ...") is cut into its items first
//! (`split_glued_records`); a heading whose colon ends an item, whatever word it is glued to
//! ("kontrakcie B2BWymagamy:- Min."), becomes a block of its own, so that the label of the item
//! before ("Oferujemy:") does not reach over it.

use std::ops::Range;

use super::{Block, BlockKind, RawBlock, Section};

/// What a section of a posting is about, which decides whether and how its skill hits count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectionKind {
    /// Text under no heading, or under a heading that names nothing known: job content.
    General,
    /// What the job involves: responsibilities, the role, the team, the stack.
    Responsibilities,
    /// What the candidate must have: requirements, qualifications.
    Requirements,
    /// What the candidate may have: nice to have, bonus points.
    Preferred,
    /// Benefits, perks, compensation: boilerplate.
    Benefits,
    /// About the company: boilerplate.
    Company,
    /// Equal opportunity, privacy, accessibility, legal notices: boilerplate.
    Legal,
    /// How to apply, the hiring process. Counts: what an interview assesses is asked for.
    Apply,
    /// Lists of other jobs on the page ("Similar jobs"): not this posting.
    OtherJobs,
}

impl SectionKind {
    /// Whether skill hits in such a section count (job content) or not (boilerplate).
    pub fn counts(self) -> bool {
        matches!(
            self,
            SectionKind::General
                | SectionKind::Responsibilities
                | SectionKind::Requirements
                | SectionKind::Preferred
                | SectionKind::Apply
        )
    }

    /// A short lowercase name, used by `explain`.
    pub fn as_str(self) -> &'static str {
        match self {
            SectionKind::General => "general",
            SectionKind::Responsibilities => "responsibilities",
            SectionKind::Requirements => "requirements",
            SectionKind::Preferred => "preferred",
            SectionKind::Benefits => "benefits",
            SectionKind::Company => "company",
            SectionKind::Legal => "legal",
            SectionKind::Apply => "apply",
            SectionKind::OtherJobs => "other jobs",
        }
    }
}

/// Keywords of each kind, tried in this order; the first kind with a keyword in the heading
/// wins. Order matters: "preferred qualifications" is preferred, not requirements; "about the
/// role" is the job, not the company.
///
/// The keywords are data: the `[headings]` of the language files (`rules/languages/*.toml`,
/// see [`crate::language`]), every language's list of a kind together. The last group holds
/// generic words that name the company only when nothing else matched ("About the role" is the
/// job, "About Acme" the company). Empty if the embedded data were broken (a test loads it).
static KEYWORDS: std::sync::LazyLock<Vec<(SectionKind, Vec<String>)>> =
    std::sync::LazyLock::new(|| {
        let Ok(all) = crate::language::languages() else {
            return Vec::new();
        };
        let h = &all.headings;
        vec![
            (SectionKind::OtherJobs, h.other_jobs.clone()),
            (SectionKind::Legal, h.legal.clone()),
            (SectionKind::Benefits, h.benefits.clone()),
            (SectionKind::Preferred, h.preferred.clone()),
            (SectionKind::Requirements, h.requirements.clone()),
            (SectionKind::Apply, h.apply.clone()),
            (SectionKind::Company, h.company.clone()),
            (SectionKind::Responsibilities, h.responsibilities.clone()),
            (SectionKind::Company, h.company_fallback.clone()),
        ]
    });

/// Longest heading, in words, that is classified; longer "headings" are sentences.
const MAX_HEADING_WORDS: usize = 10;

/// Longest bold block or colon-terminated line taken as a heading, in characters.
const MAX_LEAD_CHARS: usize = 80;

/// The kind a heading names, if any.
pub fn classify_heading(heading: &str) -> Option<SectionKind> {
    let padded = padded_words(&split_hashtags(heading))?;
    // The earliest group (in KEYWORDS order) with a keyword at a word start wins.
    let keywords = &*KEYWORD_AUTOMATON;
    let Some((automaton, groups)) = keywords else {
        return KEYWORDS.iter().find_map(|(kind, words)| {
            words
                .iter()
                .any(|w| contains_at_word_start(&padded, w))
                .then_some(*kind)
        });
    };
    automaton
        .find_overlapping_iter(padded.as_str())
        .filter(|m| {
            let keyword = &padded[m.start()..m.end()];
            !keyword.starts_with(|c: char| c.is_ascii_alphanumeric())
                || padded[..m.start()]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
        .filter_map(|m| groups.get(m.pattern().as_usize()).copied())
        .min()
        .and_then(|group| KEYWORDS.get(group))
        .map(|keyword| keyword.0)
}

/// The heading with each hashtag's words set apart: "#WieBenJij?" reads "#Wie Ben Jij?", as a
/// careers page that writes its headings as hashtags means them ("Who are you?"). A space goes
/// before each capital that follows a lowercase letter inside a word that starts with `#`;
/// text without `#` is returned as it is.
fn split_hashtags(heading: &str) -> std::borrow::Cow<'_, str> {
    if !heading.contains('#') {
        return std::borrow::Cow::Borrowed(heading);
    }
    let mut out = String::with_capacity(heading.len() + 8);
    let mut in_hashtag = false;
    let mut previous_lower = false;
    for c in heading.chars() {
        if c == '#' {
            in_hashtag = true;
        } else if !c.is_alphanumeric() {
            in_hashtag = false;
        } else if in_hashtag && previous_lower && c.is_uppercase() {
            out.push(' ');
        }
        previous_lower = c.is_lowercase();
        out.push(c);
    }
    std::borrow::Cow::Owned(out)
}

/// All keywords in one automaton, each mapped to its group's index in [`KEYWORDS`]; built once.
/// `None` only if the automaton cannot be built, in which case headings are classified with
/// plain substring searches.
static KEYWORD_AUTOMATON: std::sync::LazyLock<Option<(aho_corasick::AhoCorasick, Vec<usize>)>> =
    std::sync::LazyLock::new(|| {
        let mut patterns = Vec::new();
        let mut groups = Vec::new();
        for (group, (_, words)) in KEYWORDS.iter().enumerate() {
            for word in words {
                patterns.push(word.as_str());
                groups.push(group);
            }
        }
        aho_corasick::AhoCorasick::new(&patterns)
            .ok()
            .map(|automaton| (automaton, groups))
    });

/// The heading normalized (lowercased, typographic apostrophes turned into `'`, other
/// punctuation and white space collapsed to one space) with a space at each end; `None` when
/// it has no words or more than [`MAX_HEADING_WORDS`].
///
/// Built in one pass with a fast path for ASCII (the definition, a `normalize` function
/// followed by `format!(" {normalized} ")`, is kept in the tests, which compare the two).
fn padded_words(heading: &str) -> Option<String> {
    let mut out = String::with_capacity(heading.len() + 2);
    out.push(' ');
    let mut spaces = 0;
    for c in heading.chars() {
        let c = if c.is_ascii() {
            if c.is_ascii_alphanumeric() || matches!(c, '\'' | '-' | '&' | '+') {
                c.to_ascii_lowercase()
            } else if c == '`' {
                '\''
            } else {
                ' '
            }
        } else {
            match c {
                '\u{2019}' | '\u{2018}' => '\'',
                c if c.is_alphanumeric() => c.to_lowercase().next().unwrap_or(c),
                _ => ' ',
            }
        };
        if c == ' ' {
            if out.ends_with(' ') {
                continue;
            }
            spaces += 1;
        }
        out.push(c);
    }
    if !out.ends_with(' ') {
        out.push(' ');
        spaces += 1;
    }
    // Words are the gaps between the spaces; an empty heading is one space.
    (out.len() > 1 && spaces <= MAX_HEADING_WORDS).then_some(out)
}

/// Whether `keyword` occurs in `padded` (a normalized heading with a space at each end) starting
/// at a word boundary. The end is free so that "benefit" finds "benefits".
fn contains_at_word_start(padded: &str, keyword: &str) -> bool {
    // Scripts written without spaces (Chinese) have no word starts to check.
    if !keyword.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return padded.contains(keyword);
    }
    padded.match_indices(keyword).any(|(at, _)| {
        padded[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// If `text` opens with a short label and a colon ("Nice to have: ..."), the label's kind.
fn lead_label(text: &str) -> Option<SectionKind> {
    // A label is at most 40 bytes: the first colon is among the first 41 bytes or too far.
    let bytes = text.as_bytes();
    let colon = memchr::memchr(b':', bytes.get(..41).unwrap_or(bytes))?;
    let label = text.get(..colon).unwrap_or_default();
    if label.is_empty() || label.len() > 40 || colon + 1 >= text.trim_end().len() {
        return None;
    }
    classify_heading(label)
}

/// Whether a block that is not an HTML/Markdown heading acts as one.
fn lead_heading(block: &RawBlock) -> bool {
    let text = block.text.as_str();
    let ends_with_colon = text.trim_end().ends_with(':');
    // The cheap tests first: most blocks are neither bold nor end with a colon.
    if !(block.bold || ends_with_colon)
        || (text.len() > MAX_LEAD_CHARS && text.chars().count() > MAX_LEAD_CHARS)
    {
        return false;
    }
    (block.bold && !text.ends_with('.')) || (ends_with_colon && classify_heading(text).is_some())
}

/// Shortest paragraph, in bytes, searched for inline headings: a record that a job board's
/// scrape ran into one line (dou.ua, work.ua CSV exports), not a sentence of prose.
const MIN_RECORD_BYTES: usize = 300;

/// Most words of an inline heading ("Що ти отримаєш, працюючи в Mate:").
const MAX_INLINE_WORDS: usize = 6;

/// Most characters of an inline heading.
const MAX_INLINE_CHARS: usize = 60;

/// The blocks with every long paragraph cut at its inline headings: a known heading phrase
/// followed by a colon in the middle of the line ("... користування CLI Ми пропонуємо: Офіційне
/// працевлаштування ..."), as a scraped record that lost its line breaks has them. Each such
/// heading becomes a block of its own (which [`assign`] reads as a heading), and the text
/// before and after it blocks of their own, so that a section (and a sentence) starts there.
///
/// A heading phrase starts with a capital after a non-letter, holds at most
/// [`MAX_INLINE_WORDS`] words and no sentence end, and names a known section
/// ([`classify_heading`]); the shortest such phrase before the colon is taken (widened over
/// the words before it when it is written in capitals: "ЩО МИ ПРОПОНУЄМО:"). Paragraphs
/// shorter than [`MIN_RECORD_BYTES`] are left whole: there "Requirements:" is prose or a
/// label of its own block ([`lead_label`]).
///
/// After a known heading, a label the record's own structure marks as one (a whole short
/// sentence that ends with the colon: "... в компанії. Чим ти будеш займатись:") ends that
/// heading's section even when its words name no known section: it becomes a heading of
/// [`UNKNOWN_LABEL_LEVEL`], which starts a general section, so that the requirements after
/// a benefits or company heading are not read as perks or as the company's.
///
/// With the blocks it returns come the ranges of blocks that each cut paragraph became whose
/// last inline heading has its value after it in the paragraph ("... Salary Range: $112,000
/// ... Benefits: Vision, dental ..."): a run of "label: value" fields, whose labels reach no
/// further than the paragraph ([`assign`] resumes the section in force before it after it).
pub(crate) fn split_inline_records(raw: Vec<RawBlock>) -> (Vec<RawBlock>, Vec<Range<usize>>) {
    let long = |b: &RawBlock| b.kind == BlockKind::Paragraph && b.text.len() >= MIN_RECORD_BYTES;
    if !raw.iter().any(long) {
        return (raw, Vec::new());
    }
    let raw = split_glued_records(raw);
    let mut out = Vec::with_capacity(raw.len());
    let mut records = Vec::new();
    for block in raw {
        let headings = if long(&block) {
            inline_headings(&block.text)
        } else {
            Vec::new()
        };
        if headings.is_empty() {
            out.push(block);
            continue;
        }
        let text = block.text.as_str();
        let first = out.len();
        let mut from = 0;
        for InlineHeading { start, end, known } in headings {
            let before = text.get(from..start).unwrap_or_default();
            super::push_block(&mut out, block.kind, before, block.bold);
            let heading = text.get(start..end).unwrap_or_default();
            let kind = if known {
                BlockKind::Paragraph
            } else {
                BlockKind::Heading(UNKNOWN_LABEL_LEVEL)
            };
            super::push_block(&mut out, kind, heading, false);
            from = end;
        }
        let rest = text.get(from..).unwrap_or_default();
        let fields = out.len();
        super::push_block(&mut out, block.kind, rest, block.bold);
        if out.len() > fields {
            records.push(first..out.len());
        }
    }
    (out, records)
}

/// [`split_inline_records`] without the records.
#[cfg(test)]
fn split_inline_headings(raw: Vec<RawBlock>) -> Vec<RawBlock> {
    split_inline_records(raw).0
}

/// Fewest glued item boundaries ([`glued_cuts`]) that mark a paragraph as a record whose
/// scraper dropped the line breaks between list items.
const MIN_GLUED_CUTS: usize = 6;

/// Most words per glued boundary in such a record: prose with a few CamelCase names
/// ("JavaScript", "PowerShell") has far fewer boundaries than words.
const MAX_WORDS_PER_GLUED_CUT: usize = 40;

/// The blocks with every long paragraph that is a record of glued list items cut into its
/// items. A scrape that flattened a page to one line without separators runs each item into
/// the next ("... dokumentacji technicznejWymagania:Wykształcenie wyższe ..."): a word in small
/// letters is followed straight away by a capitalised word, and a heading's colon by its first
/// item. A paragraph of at least [`MIN_RECORD_BYTES`] with at least [`MIN_GLUED_CUTS`] such
/// boundaries, one per [`MAX_WORDS_PER_GLUED_CUT`] words or more, is cut at each of them, so
/// that its headings ("Wymagania:") become blocks of their own and a cue of one item does not
/// reach into the next.
fn split_glued_records(raw: Vec<RawBlock>) -> Vec<RawBlock> {
    let mut out = Vec::with_capacity(raw.len());
    for block in raw {
        let cuts = if block.kind == BlockKind::Paragraph
            && block.text.len() >= MIN_RECORD_BYTES
            && most_glued_cuts(&block.text) >= MIN_GLUED_CUTS
        {
            glued_cuts(&block.text)
        } else {
            Vec::new()
        };
        // Words are counted only for a paragraph with enough cuts (most blocks have none).
        if cuts.len() < MIN_GLUED_CUTS
            || block.text.split_whitespace().count() > cuts.len() * MAX_WORDS_PER_GLUED_CUT
        {
            out.push(block);
            continue;
        }
        let mut from = 0;
        for cut in cuts {
            let piece = block.text.get(from..cut).unwrap_or_default();
            // A piece that ends with a heading's colon ("... w zespole Dodatkowe atuty:") ends
            // with that heading: it becomes a block of its own, so that the label of the item
            // before ("Oferujemy: ... na kontrakcie B2BWymagamy:") does not reach over it. Its
            // first word may be glued to the item's last one, whatever that ends in.
            let heading = piece
                .strip_suffix(':')
                .and_then(|label| glued_heading_start(piece, label.trim_end().len()));
            if let Some(start) = heading {
                let (item, heading) = piece.split_at(start);
                super::push_block(&mut out, block.kind, item, block.bold);
                super::push_block(&mut out, block.kind, heading, block.bold);
            } else {
                super::push_block(&mut out, block.kind, piece, block.bold);
            }
            from = cut;
        }
        super::push_block(
            &mut out,
            block.kind,
            block.text.get(from..).unwrap_or_default(),
            block.bold,
        );
    }
    out
}

/// At least as many as [`glued_cuts`] finds in `text`, counted byte by byte: every colon, every
/// byte that starts a character outside ASCII (which may be a capital), and every ASCII
/// capital right after an ASCII letter, `)`, `.`, `,` or `;` or a byte outside ASCII (a glued
/// capital follows a small letter, a capital or one of those signs). Prose has few of them,
/// and a paragraph with fewer than [`MIN_GLUED_CUTS`] is no glued record: the character by
/// character pass is skipped.
fn most_glued_cuts(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut previous = b' ';
    for &b in bytes {
        count += usize::from(
            b == b':'
                || b >= 0xC0
                || (b.is_ascii_uppercase()
                    && (previous.is_ascii_alphabetic()
                        || previous >= 0x80
                        || matches!(previous, b')' | b'.' | b',' | b';'))),
        );
        previous = b;
    }
    count
}

/// Byte offsets where glued list items meet in `text`: before a capital that starts a word in
/// small letters ("Tworzenie") right after a word of at least four letters ending in a small
/// one ("Python", "technicznej"), after a word of three or more capitals ("ETL"), or right after a bracket or punctuation mark ("itp.)Pisanie",
/// "pokrewne),Minimum"), and after a colon that ends a word and is followed straight
/// away by a letter or a list dash ("Wymagania:Wykształcenie", "Dodatkowe
/// atuty:doświadczenie", "Wymagamy:- Min. 3 lata").
fn glued_cuts(text: &str) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut letters = 0usize;
    // Small letters right before: a glued word ends in four ("technicznejWymagania"); "rUStaC"
    // is a word in odd capitals, not two words.
    let mut small = 0usize;
    // Capitals right before, from the start of a word: an acronym of three or more glued to
    // the next item ("procesów ETLPrzygotowanie dokumentacji").
    let mut caps = 0usize;
    let mut previous: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let starts_word = c.is_uppercase() && next.is_some_and(char::is_lowercase);
        let glued_after =
            small >= 4 || caps >= 3 || previous.is_some_and(|p| matches!(p, ')' | '.' | ',' | ';'));
        if starts_word && glued_after {
            cuts.push(at);
        } else if c == ':'
            && letters >= 2
            && next.is_some_and(|n| n.is_alphabetic() || matches!(n, '-' | '–' | '•'))
        {
            cuts.push(at + 1);
        }
        letters = if c.is_alphabetic() { letters + 1 } else { 0 };
        small = if c.is_lowercase() { small + 1 } else { 0 };
        caps = match c.is_uppercase() {
            true if caps > 0 || !previous.is_some_and(char::is_alphanumeric) => caps + 1,
            _ => 0,
        };
        previous = Some(c);
    }
    cuts
}

/// The heading level an inline label of no known section gets: above the level of lead lines
/// (7, which [`assign`] lets continue the current section), so that it ends the section of
/// the known inline heading before it.
const UNKNOWN_LABEL_LEVEL: u8 = 6;

/// An inline heading of a long paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct InlineHeading {
    /// Byte offset of its first byte.
    start: usize,
    /// Byte offset one past its colon.
    end: usize,
    /// Whether it names a known section ([`classify_heading`]); otherwise it is a whole short
    /// sentence that ends with the colon, after a known inline heading.
    known: bool,
}

/// The inline headings of `text`, in order. None starts at byte 0 (a block opening with a label
/// is [`lead_label`]'s).
fn inline_headings(text: &str) -> Vec<InlineHeading> {
    let mut found: Vec<InlineHeading> = Vec::new();
    for colon in memchr::memchr_iter(b':', text.as_bytes()) {
        // A colon followed by a word is no heading's ("https://", "13:00", "C:\").
        let after = text.get(colon + 1..).and_then(|t| t.chars().next());
        if after.is_some_and(|c| !c.is_whitespace()) {
            continue;
        }
        let label_end = text.get(..colon).map_or(0, |t| t.trim_end().len());
        let from = found.last().map_or(0, |h| h.end);
        if let Some(start) = inline_heading_start(text, from, label_end) {
            found.push(InlineHeading {
                start,
                end: colon + 1,
                known: true,
            });
        } else if !found.is_empty()
            && let Some(start) = inline_label_start(text, from, label_end)
        {
            found.push(InlineHeading {
                start,
                end: colon + 1,
                known: false,
            });
        }
    }
    found
}

/// Where the label that ends at byte `end` (before its colon) starts, if the text between it
/// and the last sentence end after byte `from` (the previous heading's end) is one: a short
/// phrase of at most [`MAX_INLINE_WORDS`] words and [`MAX_INLINE_CHARS`] characters that
/// starts with a capital ("Чим ти будеш займатись", "ЯКЩО ТИ").
fn inline_label_start(text: &str, from: usize, end: usize) -> Option<usize> {
    let label = text.get(from..end)?;
    let bytes = label.as_bytes();
    // No sentence end since the previous heading: the text after its colon runs straight on,
    // and a colon there ends its first item, not a label.
    let lo = bytes
        .windows(2)
        .rposition(|pair| matches!(pair, [b'.' | b'!' | b'?' | b';' | b':' | b'|', b' ']))?
        + 1;
    let phrase = label.get(lo..)?;
    let start = lo + (phrase.len() - phrase.trim_start().len());
    let phrase = phrase.trim();
    let short = phrase.split_whitespace().count() <= MAX_INLINE_WORDS
        && phrase.chars().count() <= MAX_INLINE_CHARS;
    let capital = phrase.chars().next().is_some_and(char::is_uppercase);
    (short && capital).then_some(from + start)
}

/// Where the heading that ends a piece of a glued record at byte `end` (before its colon)
/// starts: as [`inline_heading_start`], or where its first word is glued to the word before
/// ("kontrakcie B2BWymagamy", "zdalnieOferujemy"): a capital followed by a small letter right
/// after a letter or digit starts a word there.
fn glued_heading_start(text: &str, end: usize) -> Option<usize> {
    inline_heading_start(text, 0, end).or_else(|| heading_start(text, 0, end, true))
}

/// Where the inline heading that ends at byte `end` (before its colon) starts, if the words
/// before `end` (after byte `from`) end with one.
fn inline_heading_start(text: &str, from: usize, end: usize) -> Option<usize> {
    heading_start(text, from, end, false)
}

/// [`inline_heading_start`], where with `glued` a capital followed by a small letter starts a
/// word even right after a letter or digit.
fn heading_start(text: &str, from: usize, end: usize, glued: bool) -> Option<usize> {
    let label = text.get(from..end)?;
    // The window: the last MAX_INLINE_CHARS characters, after the last sentence end.
    let mut lo = label
        .char_indices()
        .rev()
        .nth(MAX_INLINE_CHARS - 1)
        .map_or(0, |(at, _)| at);
    let bytes = label.as_bytes();
    for (at, pair) in bytes.windows(2).enumerate().skip(lo) {
        if let [b'.' | b'!' | b'?' | b';' | b':' | b'|', b' '] = pair {
            lo = at + 1;
        }
    }
    let window = label.get(lo..)?;
    // Word starts in capitals: a capital letter after a character that is no letter or digit.
    let mut starts: Vec<usize> = Vec::new();
    let mut previous = label.get(..lo).and_then(|t| t.chars().next_back());
    let mut chars = window.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let after_word = previous.is_some_and(|p| p.is_alphanumeric() || matches!(p, '\'' | '’'));
        // Glued, a word starts at a capital followed by a small letter ("B2BWymagamy"), or at
        // a word in capitals right after a small letter ("kwalifikacjiZAKRES OBOWIĄZKÓW").
        let glued_start = glued
            && chars.peek().is_some_and(|&(_, n)| {
                n.is_lowercase() || (n.is_uppercase() && previous.is_some_and(char::is_lowercase))
            });
        if c.is_uppercase() && (!after_word || glued_start) {
            starts.push(at);
        }
        previous = Some(c);
    }
    let words = |s: &str| s.split_whitespace().count();
    let capitals = |s: &str| {
        s.chars().any(char::is_alphabetic)
            && s.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
    };
    let chosen = starts.iter().rposition(|&at| {
        window
            .get(at..)
            .is_some_and(|l| words(l) <= MAX_INLINE_WORDS && classify_heading(l).is_some())
    })?;
    let mut start = *starts.get(chosen)?;
    // "ЩО МИ ПРОПОНУЄМО:": the words in capitals before the shortest phrase are its own.
    if window.get(start..).is_some_and(capitals) {
        for &at in starts.get(..chosen).unwrap_or_default().iter().rev() {
            match window.get(at..) {
                Some(l) if capitals(l) && words(l) <= MAX_INLINE_WORDS => start = at,
                _ => break,
            }
        }
    }
    let start = from + lo + start;
    (start > 0).then_some(start)
}

/// Whether a heading is a job title ("Backend Engineer", "前端开发工程师").
fn names_a_role(heading: &str) -> bool {
    heading.chars().count() <= 60
        && (super::looks_like_role(heading)
            || ["工程师", "架构师", "开发者", "程序员", "实习生", "研究员"]
                .iter()
                .any(|w| heading.contains(w)))
}

/// Marks the section of every block and returns the sections. After each of `records` (the
/// blocks a run of "label: value" fields was cut into, [`split_inline_records`]) that ends in a
/// section that does not count (a "Benefits: ..." field), the section in force before it
/// resumes, unless a heading follows: a requirement list run into the record may go on below
/// it, a perk field does not.
pub(crate) fn assign(
    raw: &[RawBlock],
    blocks: &mut [Block],
    records: &[Range<usize>],
) -> Vec<Section> {
    let mut sections = vec![Section {
        heading: None,
        kind: SectionKind::General,
        first_block: 0,
        end_block: 0,
    }];
    // The level of the heading that set the current kind: 1-6 for real headings, 7 for bold or
    // colon lead lines, 0 before any heading.
    let mut kind_level = 0u8;
    // The section in force where the current record began. Its kind resumes after the record,
    // but not the level of its heading: a real heading after the record that names nothing
    // known starts a general section, as it would after the record's own heading.
    let mut before_record: Option<usize> = None;
    for (index, (raw_block, block)) in raw.iter().zip(blocks.iter_mut()).enumerate() {
        let level = match raw_block.kind {
            BlockKind::Heading(level) => Some(level),
            _ if lead_heading(raw_block) => Some(7),
            _ => None,
        };
        if records.iter().any(|r| r.start == index) {
            before_record = Some(sections.len() - 1);
        }
        if records.iter().any(|r| r.end == index)
            && let Some(section) = before_record.take()
            && level.is_none()
            && section + 1 < sections.len()
            && sections.last().is_some_and(|s| !s.kind.counts())
            && let Some(resumed) = sections.get(section)
        {
            let (heading, kind) = (resumed.heading.clone(), resumed.kind);
            if let Some(last) = sections.last_mut() {
                last.end_block = index;
            }
            sections.push(Section {
                heading,
                kind,
                first_block: index,
                end_block: index + 1,
            });
        }
        if let Some(level) = level {
            let current = sections.last().map_or(SectionKind::General, |s| s.kind);
            let kind = match classify_heading(&raw_block.text) {
                Some(kind) => {
                    kind_level = level;
                    kind
                }
                // A job title starts the content of another role, whatever came before it.
                None if names_a_role(&raw_block.text) => {
                    kind_level = 0;
                    SectionKind::General
                }
                // A heading that names nothing known goes on with the kind of the heading
                // above it; a benefits section whose items are the job's duties or demands
                // is job content all the same (see the end of this function).
                None if kind_level > 0 && level >= kind_level => current,
                None => {
                    kind_level = 0;
                    SectionKind::General
                }
            };
            if let Some(last) = sections.last_mut() {
                last.end_block = index;
            }
            sections.push(Section {
                heading: Some(raw_block.text.trim_end_matches(':').trim().to_owned()),
                kind,
                first_block: index,
                end_block: index + 1,
            });
        } else {
            block.label = lead_label(&raw_block.text);
        }
        block.section = sections.len() - 1;
    }
    if let Some(last) = sections.last_mut() {
        last.end_block = raw.len();
    }
    // A benefits section whose items are the job's duties or demands is job content.
    for section in sections
        .iter_mut()
        .filter(|s| s.kind == SectionKind::Benefits)
    {
        let items = raw
            .get(section.first_block..section.end_block)
            .unwrap_or_default()
            .iter()
            .filter(|b| b.kind == BlockKind::ListItem)
            .map(|b| b.text.as_str());
        if let Some(kind) = super::section_items::job_kind(items) {
            section.kind = kind;
        }
    }
    // The opening section is dropped when it is empty (the posting starts with a heading).
    if sections.len() > 1 && sections.first().is_some_and(|s| s.end_block == 0) {
        sections.remove(0);
        for block in blocks.iter_mut() {
            block.section -= 1;
        }
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_classified() {
        use SectionKind::*;
        let cases = [
            ("Requirements", Some(Requirements)),
            ("**What you bring:**", Some(Requirements)),
            ("Preferred Qualifications", Some(Preferred)),
            ("Nice to have", Some(Preferred)),
            ("Bonus points", Some(Preferred)),
            ("Responsibilities", Some(Responsibilities)),
            ("What you\u{2019}ll do", Some(Responsibilities)),
            ("About the role", Some(Responsibilities)),
            ("About Acme", Some(Company)),
            ("About us", Some(Company)),
            ("Some of Our Core Beliefs", Some(Company)),
            ("Company Description", Some(Company)),
            ("Job Description", Some(Responsibilities)),
            ("Your mission", Some(Responsibilities)),
            ("Benefits & Perks", Some(Benefits)),
            ("Equal Opportunity Employer", Some(Legal)),
            ("How to apply", Some(Apply)),
            ("Senior Rust Engineer", None),
            ("Similar jobs", Some(OtherJobs)),
            ("You might thrive in this role if you", Some(Requirements)),
            ("我们期待你", Some(Requirements)),
            ("You may be a great fit if", Some(Requirements)),
            ("Yêu cầu ứng viên", Some(Requirements)),
            ("Quyền lợi", Some(Benefits)),
            ("任职要求", Some(Requirements)),
            ("Deine Aufgaben", Some(Responsibilities)),
            ("#WieBenJij?", Some(Requirements)),
            ("#DitVerdienJe", Some(Benefits)),
            ("#MeerWeten?", Some(Apply)),
            ("Who should respond?", Some(Requirements)),
            ("What\u{2019}s in it for you?", Some(Benefits)),
            ("Team Culture -", Some(Company)),
        ];
        for (heading, kind) in cases {
            assert_eq!(classify_heading(heading), kind, "{heading}");
        }
    }

    /// The definition [`padded_words`] replaces: normalize, count words, pad.
    fn padded_words_by_definition(heading: &str) -> Option<String> {
        let mut out = String::with_capacity(heading.len());
        for c in heading.chars() {
            let c = match c {
                '\u{2019}' | '\u{2018}' | '`' => '\'',
                c if c.is_alphanumeric() || c == '\'' || c == '-' || c == '&' || c == '+' => {
                    c.to_lowercase().next().unwrap_or(c)
                }
                _ => ' ',
            };
            if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
                continue;
            }
            out.push(c);
        }
        let normalized = out.trim_end();
        if normalized.is_empty() || normalized.split(' ').count() > MAX_HEADING_WORDS {
            return None;
        }
        Some(format!(" {normalized} "))
    }

    #[test]
    fn one_pass_padding_matches_the_definition() {
        let mut texts: Vec<String> = [
            "",
            " ",
            "::",
            "Requirements",
            "  **What you’ll do:**  ",
            "`Rust` & C++ - nice-to-have",
            "İstanbul ÉQUIPE Ünë",
            "任职要求",
            "Yêu cầu ứng viên",
            "one two three four five six seven eight nine ten",
            "one two three four five six seven eight nine ten eleven",
            "one two three four five six seven eight nine ten !",
            "\u{a0}tab\tand\u{3000}ideographic space",
            "🦄 emoji 🦄",
        ]
        .map(str::to_owned)
        .to_vec();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/postings");
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            texts.extend(text.lines().map(str::to_owned));
        }
        assert!(texts.len() > 10_000);
        for text in &texts {
            assert_eq!(
                padded_words(text),
                padded_words_by_definition(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn long_sentences_are_not_headings() {
        assert_eq!(
            classify_heading(
                "We are looking for an engineer who has requirements for nothing in particular at all"
            ),
            None
        );
    }

    #[test]
    fn lead_labels_apply_to_their_block() {
        assert_eq!(
            lead_label("Nice to have: Kafka, Go"),
            Some(SectionKind::Preferred)
        );
        assert_eq!(
            lead_label("Requirements: Rust"),
            Some(SectionKind::Requirements)
        );
        assert_eq!(lead_label("Pursuit of Excellence: we strive"), None);
        assert_eq!(lead_label("Requirements:"), None);
    }

    /// A one-line record (a dou.ua CSV scrape) is cut at its inline headings: what follows
    /// "Що шукаємо у кандидаті:" is required, what follows "Ми пропонуємо:" a benefit.
    #[test]
    fn inline_headings_of_a_one_line_record_start_sections() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/i18n/uk/postings/dou-everstar-embedded-python-test.txt");
        let text = std::fs::read_to_string(path).unwrap();
        assert_eq!(text.trim_end().lines().count(), 1);
        let posting =
            crate::extract::extract(text.as_bytes(), crate::extract::Format::Text).unwrap();
        let kind_of = |needle: &str| {
            let block = posting.block_at(posting.text.find(needle).unwrap());
            posting.sections[posting.blocks[block].section].kind
        };
        assert_eq!(
            kind_of("Знання Linux, користування CLI"),
            SectionKind::Requirements
        );
        assert_eq!(kind_of("Офіційне працевлаштування"), SectionKind::Benefits);
        assert_eq!(kind_of("Власні виробничі потужності"), SectionKind::General);
        let headings: Vec<&str> = posting
            .sections
            .iter()
            .filter_map(|s| s.heading.as_deref())
            .collect();
        assert_eq!(headings, ["Що шукаємо у кандидаті", "Ми пропонуємо"]);
    }

    /// After a known inline heading, a whole short sentence that ends with a colon is a label
    /// of its own even when its words name no known section: the requirements after "Наші
    /// переваги:" are not read as benefits, and the company's "ПРО НАС:" ends at "ЯКЩО ТИ:".
    #[test]
    fn an_unknown_inline_label_ends_the_section_before_it() {
        let kind_of = |file: &str, needle: &str| {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/i18n-fresh3/uk/postings")
                .join(file);
            let text = std::fs::read_to_string(path).unwrap();
            let posting =
                crate::extract::extract(text.as_bytes(), crate::extract::Format::Text).unwrap();
            let block = posting.block_at(posting.text.find(needle).unwrap());
            posting.sections[posting.blocks[block].section].clone()
        };
        let solidgate = "dou-solidgate-senior-python-engineer.txt";
        assert_eq!(
            kind_of(solidgate, "швидкозростаюча індустрія").kind,
            SectionKind::Benefits
        );
        let tasks = kind_of(solidgate, "Писати тести різного рівня");
        assert_eq!(tasks.kind, SectionKind::General);
        assert_eq!(tasks.heading.as_deref(), Some("Чим ти будеш займатись"));
        assert_eq!(
            kind_of(solidgate, "медичне страхування").kind,
            SectionKind::Benefits
        );
        let softserve = "dou-softserve-test-automation-python.txt";
        assert_eq!(
            kind_of(softserve, "провідна ІТ-компанія").kind,
            SectionKind::Company
        );
        let skills = kind_of(softserve, "знаєш тестові фреймворки");
        assert_eq!(skills.kind, SectionKind::General);
        assert_eq!(skills.heading.as_deref(), Some("ЯКЩО ТИ"));
    }

    /// Before any known inline heading, a short sentence ending with a colon cuts nothing.
    /// tests/fixtures/postings/check25-merapar-*.md: duties under "What's in it for you?" and
    /// the requirements under "Who should respond?" are job content, "what we offer" is not.
    #[test]
    fn duties_under_a_benefits_heading_are_the_job() {
        let kind_of = |file: &str, needle: &str| {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/postings")
                .join(file);
            let text = std::fs::read_to_string(path).unwrap();
            let posting =
                crate::extract::extract(text.as_bytes(), crate::extract::Format::Markdown).unwrap();
            let block = posting.block_at(posting.text.find(needle).unwrap());
            posting.sections[posting.blocks[block].section].kind
        };
        let devops = "check25-merapar-devops-engineer.md";
        use SectionKind::*;
        assert_eq!(kind_of(devops, "You educate others"), Responsibilities);
        assert_eq!(kind_of(devops, "You have a degree"), Requirements);
        assert_eq!(kind_of(devops, "competitive salary"), Benefits);
    }

    /// A heading that names nothing known after a benefits heading of its level goes on with
    /// the benefits, unless its items read as the job's duties or demands.
    #[test]
    fn an_unknown_sibling_of_benefits_keeps_them_unless_it_holds_the_job() {
        let block = |kind, text: &str| RawBlock {
            kind,
            text: text.to_owned(),
            bold: false,
        };
        let raw = vec![
            block(BlockKind::Heading(2), "Perks"),
            block(BlockKind::ListItem, "Free lunch"),
            block(BlockKind::Heading(3), "Health"),
            block(BlockKind::ListItem, "Dental plan"),
            block(BlockKind::Heading(2), "Who should we meet?"),
            block(BlockKind::ListItem, "You have Rust experience"),
            block(BlockKind::ListItem, "Ability to learn fast"),
            block(BlockKind::Heading(2), "Our office"),
            block(BlockKind::ListItem, "Berlin"),
        ];
        let mut blocks: Vec<Block> = raw
            .iter()
            .map(|b| Block {
                kind: b.kind,
                start: 0,
                end: 0,
                section: 0,
                label: None,
            })
            .collect();
        let kinds: Vec<SectionKind> = assign(&raw, &mut blocks, &[])
            .into_iter()
            .map(|s| s.kind)
            .collect();
        use SectionKind::*;
        assert_eq!(kinds, vec![Benefits, Benefits, Requirements, Benefits]);
    }

    #[test]
    fn an_unknown_label_alone_cuts_nothing() {
        // tests/fixtures/i18n-fresh3/uk/postings/dou-softserve-test-automation-python.txt,
        // the text from "ЯКЩО ТИ:" on (no known heading in it)
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(
            "tests/fixtures/i18n-fresh3/uk/postings/dou-softserve-test-automation-python.txt",
        );
        let text = std::fs::read_to_string(path).unwrap();
        let from = text.find("ефективним. ЯКЩО ТИ:").unwrap();
        let to = text.find(" РАЗОМ МИ БУДЕМО:").unwrap();
        let raw = vec![RawBlock {
            kind: BlockKind::Paragraph,
            text: text.get(from..to).unwrap().to_owned(),
            bold: false,
        }];
        assert!(raw.iter().all(|b| b.text.len() >= MIN_RECORD_BYTES));
        assert_eq!(split_inline_headings(raw.clone()), raw);
    }

    /// A record whose list items a scrape glued together is cut into its items, and its
    /// headings ("Wymagania:") become blocks of their own.
    #[test]
    fn a_record_of_glued_items_is_cut_into_items() {
        // tests/fixtures/i18n-fresh4/pl/postings/pracuj-ing-programista-python-java-big-data.txt
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(
            "tests/fixtures/i18n-fresh4/pl/postings/pracuj-ing-programista-python-java-big-data.txt",
        );
        let text = std::fs::read_to_string(path).unwrap();
        let from = text.find("Główne zadania").unwrap();
        let to = text.find("Oferujemy:").unwrap();
        let raw = vec![RawBlock {
            kind: BlockKind::Paragraph,
            text: text.get(from..to).unwrap().to_owned(),
            bold: false,
        }];
        let out = split_inline_headings(raw);
        let texts: Vec<&str> = out.iter().map(|b| b.text.as_str()).collect();
        assert!(texts.contains(&"Wymagania:"), "{texts:?}");
        assert!(texts.contains(&"Dodatkowym atutem będzie:"), "{texts:?}");
        assert!(texts.contains(&"Optymalizacja istniejących rozwiązań programistycznych"));
    }

    /// In a glued record, an item glued to an acronym that ends the item before it ("procesów
    /// ETLPrzygotowanie dokumentacji technicznej") starts a block of its own.
    #[test]
    fn an_item_glued_to_an_acronym_is_cut_off_it() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/i18n-fresh7/pl/postings/pracuj-ebicom-analityk-developer-bi.txt");
        let text = std::fs::read_to_string(path).unwrap();
        let raw = vec![RawBlock {
            kind: BlockKind::Paragraph,
            text: text.trim().to_owned(),
            bold: false,
        }];
        let out = split_inline_headings(raw);
        let texts: Vec<&str> = out.iter().map(|b| b.text.as_str()).collect();
        assert!(
            texts.contains(&"Przygotowanie dokumentacji technicznej"),
            "{texts:?}"
        );
        assert!(
            texts.contains(&"Przygotowywanie i optymalizacja procesów ETL"),
            "{texts:?}"
        );
        assert_eq!(glued_cuts("pracy w rUStaCeAns Rust"), Vec::<usize>::new());
    }

    /// In a glued record, a heading glued to an acronym ("kontrakcie B2BWymagamy:- Min.") is cut
    /// off the item before it, so that the label of that item ("Oferujemy:", perks) does not
    /// reach over the requirements after it.
    #[test]
    fn a_heading_glued_to_an_acronym_ends_the_label_before_it() {
        // tests/fixtures/i18n-fresh2/pl/postings/nofluffjobs-astek-remote-python-engineer.txt
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(
            "tests/fixtures/i18n-fresh2/pl/postings/nofluffjobs-astek-remote-python-engineer.txt",
        );
        let text = std::fs::read_to_string(path).unwrap();
        let raw = vec![RawBlock {
            kind: BlockKind::Paragraph,
            text: text.trim().to_owned(),
            bold: false,
        }];
        let out = split_inline_headings(raw);
        let texts: Vec<&str> = out.iter().map(|b| b.text.as_str()).collect();
        assert!(texts.contains(&"Wymagamy:"), "{texts:?}");
        let offer = texts.iter().find(|t| t.starts_with("Oferujemy:")).unwrap();
        assert!(!offer.contains("Wymagamy"), "{offer}");
    }

    /// English prose where "requirements:" runs on mid-sentence is not cut.
    /// In a glued record, a heading in capitals glued to the small word before it ("posiadanych
    /// kwalifikacjiZAKRES OBOWIĄZKÓW:") is cut off the item before it, so that the perks before
    /// it do not take the duties after it.
    #[test]
    fn a_heading_in_capitals_glued_to_a_word_ends_the_item_before_it() {
        // tests/fixtures/i18n-fresh5/pl/postings/pracuj-algolytics-programista-wdrozeniowiec-data-mining.txt
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(
            "tests/fixtures/i18n-fresh5/pl/postings/pracuj-algolytics-programista-wdrozeniowiec-data-mining.txt",
        );
        let text = std::fs::read_to_string(path).unwrap();
        let raw = vec![RawBlock {
            kind: BlockKind::Paragraph,
            text: text.trim().to_owned(),
            bold: false,
        }];
        let out = split_inline_headings(raw);
        let texts: Vec<&str> = out.iter().map(|b| b.text.as_str()).collect();
        assert!(texts.contains(&"ZAKRES OBOWIĄZKÓW:"), "{texts:?}");
        assert!(texts.contains(&"Atrakcyjne wynagrodzenie adekwatne do posiadanych kwalifikacji"));
    }

    #[test]
    fn prose_with_a_colon_is_not_cut() {
        // tests/fixtures/labels/check-set-4b.toml (the notes of the BidMotion posting)
        let note = include_str!("../../tests/fixtures/labels/check-set-4b.toml")
            .lines()
            .find(|l| l.starts_with("notes = \"BidMotion."))
            .unwrap();
        assert!(note.len() >= MIN_RECORD_BYTES && note.contains("s requirements: "));
        let raw = vec![RawBlock {
            kind: BlockKind::Paragraph,
            text: note.to_owned(),
            bold: false,
        }];
        assert_eq!(split_inline_headings(raw.clone()), raw);
    }

    fn raw(kind: BlockKind, text: &str, bold: bool) -> RawBlock {
        RawBlock {
            kind,
            text: text.into(),
            bold,
        }
    }

    #[test]
    fn nested_unclassified_headings_keep_their_parent_kind() {
        let raw = vec![
            raw(BlockKind::Paragraph, "intro", false),
            raw(BlockKind::Heading(2), "Requirements", false),
            raw(BlockKind::Heading(3), "Technical", false),
            raw(BlockKind::ListItem, "Rust", false),
            raw(BlockKind::Paragraph, "Benefits:", true),
            raw(BlockKind::ListItem, "Gym", false),
            raw(BlockKind::Heading(2), "Senior Engineer", false),
            raw(BlockKind::Paragraph, "text", false),
        ];
        let posting =
            crate::extract::Posting::from_blocks(crate::extract::Metadata::default(), raw).unwrap();
        let kinds: Vec<_> = posting.sections.iter().map(|s| s.kind).collect();
        use SectionKind::*;
        assert_eq!(
            kinds,
            [General, Requirements, Requirements, Benefits, General]
        );
        assert_eq!(posting.blocks[3].section, 2);
        assert_eq!(posting.blocks[5].section, 3);
    }

    #[test]
    fn the_byte_count_of_glued_cuts_is_never_below_the_cuts() {
        let texts = [
            "Tworzenie dokumentacji technicznejWymagania:Wykształcenie wyższe itp.)Pisanie",
            "procesów ETLPrzygotowanie dokumentacji pokrewne),Minimum Wymagamy:- Min. 3 lata",
            "Dodatkowe atuty:doświadczenie w PythonTworzenie; ÉcoleSuite,Δοκιμή.Ωμέγα",
            "We use JavaScript and PowerShell. Our team: ten people (Go,Rust)Build",
            "ΑΒΓδεζηΘικλμΝξο ÀÉÎõüÑabcdÄbcde:ö:-:–",
        ];
        for text in texts {
            assert!(most_glued_cuts(text) >= glued_cuts(text).len(), "{text}");
        }
        let prose = "We build tools for teams, and we hire people who like to ship them.";
        assert!(most_glued_cuts(prose) < MIN_GLUED_CUTS);
    }
}
