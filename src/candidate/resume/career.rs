//! The career a résumé's dated entries show: whether the person has moved from software, IT or
//! data work to another profession (a software engineer turned product manager), and the role
//! words of that profession.
//!
//! A job title names a software, IT or data role when it holds a term of
//! `rules/technical-titles.txt` (positive evidence: the next résumé's profession need not be
//! listed anywhere). A résumé is of another profession when the title of its latest dated entry
//! names no such role and the entries whose titles name one cover fewer months than the others.

use std::sync::LazyLock;

use crate::candidate::role;
use crate::extract::Posting;

use super::roles::{ranked_title, title_of, title_roles, without_attributes};
use super::{Month, entries};

/// Terms that make a job title a software, IT or data role, one a line.
const TECHNICAL_TITLES_TXT: &str = include_str!("../../../rules/technical-titles.txt");

/// The terms of [`TECHNICAL_TITLES_TXT`], each as [`role::normalize`] writes it, without its
/// surrounding spaces; blank lines and `#` comments skipped.
static TECHNICAL_TITLES: LazyLock<Vec<String>> = LazyLock::new(|| {
    TECHNICAL_TITLES_TXT
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| role::normalize(line).trim().to_owned())
        .filter(|term| !term.is_empty())
        .collect()
});

/// Whether a job title names a software, IT or data role: it holds a term of
/// [`TECHNICAL_TITLES`] as whole words, or its plural ("Software Engineer", "System Analyst",
/// "Amadeus IT Graduate"), not "Senior Product Manager".
pub(super) fn technical_title(title: &str) -> bool {
    // The whole line, employer included: "Nexon Korea — Backend Engineer" puts the title
    // last, and an employer's "IT" or "Data" only keeps a résumé as it was judged before.
    let title = role::normalize(title);
    TECHNICAL_TITLES
        .iter()
        .any(|term| title.contains(&format!(" {term} ")) || title.contains(&format!(" {term}s ")))
}

/// The job title of a dated entry: the first line among its dated line, the two lines above
/// it (after the previous dated line) and the lines below it in the entry that can be a title
/// and names a profession or a rank ("Senior Product Manager | Singapore | March 2025 –
/// October 2025", "Software Engineer" over "Oct 2017 - Jun 2018").
fn entry_title(
    lines: &[String],
    dated: usize,
    previous: Option<usize>,
    end: usize,
    today: (i32, u32),
) -> Option<&str> {
    let above = (dated.saturating_sub(2)..dated)
        .rev()
        .filter(|&j| previous.is_none_or(|p| p < j));
    let below = dated + 1..end.min(dated + 3);
    std::iter::once(dated)
        .chain(above)
        .chain(below)
        .filter_map(|j| lines.get(j))
        .filter_map(|line| title_of(line, today))
        .find(|title| ranked_title(title))
}

/// The role words of the profession a résumé's person has moved to from software, IT or data
/// work, or `None` when the résumé shows no such move. Only dated entries whose titles name a
/// field or profession count (not a bare "Founder"). The move: the latest one's title names no
/// software, IT or data role ([`technical_title`]), and the entries whose titles name one cover
/// some months, fewer than those whose titles do not. The words are those of the titles that
/// name none (`["product"]` for a software engineer turned product manager).
pub(super) fn other_profession(posting: &Posting, today: (i32, u32)) -> Option<Vec<&'static str>> {
    let lines: Vec<String> = (0..posting.blocks.len())
        .map(|i| without_attributes(posting.block_text(i)))
        .collect();
    let entries = entries(posting, today);
    // (title, start, end) of every dated entry whose title names a field or profession: a
    // rank alone ("Founder", "Co-Founder", "Research Officer") says nothing of either kind.
    let mut titled: Vec<(&str, Month, Month)> = Vec::new();
    let mut previous: Option<usize> = None;
    for (range, start, end) in &entries {
        let dated = (range.start..range.end)
            .find(|&i| {
                lines
                    .get(i)
                    .is_some_and(|l| super::date_range(l, today).is_some())
            })
            .unwrap_or(range.start);
        if let Some(title) = entry_title(&lines, dated, previous, range.end, today)
            && (technical_title(title) || !title_roles(title).is_empty())
        {
            titled.push((title, *start, *end));
        }
        previous = Some(dated);
    }
    let latest = titled.iter().max_by_key(|(_, start, end)| (*end, *start))?;
    if technical_title(latest.0) {
        return None;
    }
    let months = |technical: bool| -> i32 {
        let mut spans: Vec<(Month, Month)> = titled
            .iter()
            .filter(|(title, ..)| technical_title(title) == technical)
            .map(|&(_, s, e)| (s, e))
            .collect();
        super::union_months(&mut spans)
    };
    // A move from technical work: some months of it, fewer than of the other.
    let technical = months(true);
    if technical == 0 || technical >= months(false) {
        return None;
    }
    let mut words: Vec<&'static str> = Vec::new();
    for (title, ..) in titled.iter().filter(|(title, ..)| !technical_title(title)) {
        for word in title_roles(title) {
            if !words.contains(&word) {
                words.push(word);
            }
        }
    }
    words.sort_by_key(|w| {
        role::ROLE_WORDS
            .iter()
            .position(|r| role::canonical(r) == *w)
    });
    (!words.is_empty()).then_some(words)
}
