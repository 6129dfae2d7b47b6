//! How a section's list items read (a duty of the role, a demand on the candidate or a perk),
//! from the `[items]` openers of the language files: a section headed as benefits whose items
//! are mostly the job's duties or demands ("What's in it for you?" over "You will define ...")
//! is job content, whatever its heading says.

use std::sync::LazyLock;

use super::SectionKind;

/// How one list item reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// A duty of the role, addressed to the candidate.
    Duty,
    /// A demand on the candidate.
    Demand,
    /// A perk offered to the candidate.
    Perk,
}

/// Fewest items read as duties or demands that make a section job content.
const MIN_JOB_ITEMS: usize = 2;

/// Longest item prefix, in bytes, that is looked at for an opener.
const MAX_OPENER_BYTES: usize = 64;

/// Every opener of every language with its reading, longest first (so that "you have access"
/// is a perk before "you have" is a demand). Empty if the embedded data were broken.
static OPENERS: LazyLock<Vec<(String, Reading)>> = LazyLock::new(|| {
    let Ok(all) = crate::language::languages() else {
        return Vec::new();
    };
    let items = &all.items;
    let mut openers: Vec<(String, Reading)> = [
        (&items.duty, Reading::Duty),
        (&items.demand, Reading::Demand),
        (&items.perk, Reading::Perk),
    ]
    .into_iter()
    .flat_map(|(list, reading)| list.iter().map(move |o| (o.to_lowercase(), reading)))
    .collect();
    openers.sort_by_key(|b| std::cmp::Reverse(b.0.len()));
    openers
});

/// The item's opening, lowercased, with typographic apostrophes made plain and leading
/// bullets, numbers and punctuation left out.
fn opening(text: &str) -> String {
    let start = text
        .char_indices()
        .find(|(_, c)| c.is_alphabetic())
        .map_or(text.len(), |(at, _)| at);
    let mut out = String::with_capacity(MAX_OPENER_BYTES + 4);
    for c in text.get(start..).unwrap_or_default().chars() {
        if out.len() >= MAX_OPENER_BYTES {
            break;
        }
        match c {
            '\u{2019}' | '\u{2018}' | '`' => out.push('\''),
            c if c.is_whitespace() => out.push(' '),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// How an item reads, if one of the openers starts it as whole words.
fn reading(text: &str) -> Option<Reading> {
    let opening = opening(text);
    OPENERS.iter().find_map(|(opener, reading)| {
        let rest = opening.strip_prefix(opener.as_str())?;
        rest.chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric())
            .then_some(*reading)
    })
}

/// The job kind a section's list items give it, when at least [`MIN_JOB_ITEMS`] of them and
/// more than half read as duties or demands (a perk list may phrase a few perks as duties:
/// "You will work on a wide range of projects"): requirements when demands outnumber duties, else
/// responsibilities. `None` when the items do not read as job content.
pub(crate) fn job_kind<'a>(items: impl Iterator<Item = &'a str>) -> Option<SectionKind> {
    let (mut duties, mut demands, mut total) = (0usize, 0usize, 0usize);
    for item in items {
        total += 1;
        match reading(item) {
            Some(Reading::Duty) => duties += 1,
            Some(Reading::Demand) => demands += 1,
            Some(Reading::Perk) | None => {}
        }
    }
    let job = duties + demands;
    (job >= MIN_JOB_ITEMS && job * 2 > total).then_some(if demands > duties {
        SectionKind::Requirements
    } else {
        SectionKind::Responsibilities
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_read_as_duties_demands_or_perks() {
        let cases = [
            (
                "You\u{2019}re part of an agile development team",
                Some(Reading::Duty),
            ),
            (
                "You guarantee that our solutions are high available",
                Some(Reading::Duty),
            ),
            (
                "You have a degree in Computer Science",
                Some(Reading::Demand),
            ),
            ("Ability to work independently", Some(Reading::Demand)),
            ("You have access to a learning budget", Some(Reading::Perk)),
            ("You'll get 30 days of paid holiday", Some(Reading::Perk)),
            ("Young and dynamic team", None),
            ("A competitive salary", None),
        ];
        for (item, expected) in cases {
            assert_eq!(reading(item), expected, "{item}");
        }
    }

    #[test]
    fn a_section_of_duties_is_job_content() {
        let duties = [
            "You design and build monitoring",
            "You educate others",
            "Free coffee",
        ];
        assert_eq!(
            job_kind(duties.into_iter()),
            Some(SectionKind::Responsibilities)
        );
        let demands = [
            "You have a degree",
            "Ability to learn",
            "You will define the roadmap",
        ];
        assert_eq!(
            job_kind(demands.into_iter()),
            Some(SectionKind::Requirements)
        );
        let perks = [
            "You get a laptop",
            "You'll enjoy flexible hours",
            "A learning budget",
            "You build the future",
        ];
        assert_eq!(job_kind(perks.into_iter()), None);
    }
}
