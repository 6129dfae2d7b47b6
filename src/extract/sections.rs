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
    let padded = padded_words(heading)?;
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

/// Whether a heading is a job title ("Backend Engineer", "前端开发工程师").
fn names_a_role(heading: &str) -> bool {
    heading.chars().count() <= 60
        && (super::looks_like_role(heading)
            || ["工程师", "架构师", "开发者", "程序员", "实习生", "研究员"]
                .iter()
                .any(|w| heading.contains(w)))
}

/// Marks the section of every block and returns the sections.
pub(crate) fn assign(raw: &[RawBlock], blocks: &mut [Block]) -> Vec<Section> {
    let mut sections = vec![Section {
        heading: None,
        kind: SectionKind::General,
        first_block: 0,
        end_block: 0,
    }];
    // The level of the heading that set the current kind: 1-6 for real headings, 7 for bold or
    // colon lead lines, 0 before any heading.
    let mut kind_level = 0u8;
    for (index, (raw_block, block)) in raw.iter().zip(blocks.iter_mut()).enumerate() {
        let level = match raw_block.kind {
            BlockKind::Heading(level) => Some(level),
            _ if lead_heading(raw_block) => Some(7),
            _ => None,
        };
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
}
