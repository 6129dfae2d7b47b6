//! Property tests of the matcher: hits on character boundaries, case-insensitive phrases,
//! evidence that contains its hit, and results that do not depend on the threads used.

use proptest::prelude::*;
use rayon::prelude::*;

use super::*;
use crate::extract::{BlockKind, Metadata, RawBlock};

fn default_matcher() -> &'static Matcher {
    static MATCHER: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
    MATCHER.get_or_init(|| Matcher::new(RuleSet::default_rules().unwrap()).unwrap())
}

/// Words and marks that the default map and its cues react to, and text that is hard on
/// offsets (multi-byte characters, separators, sentence ends).
const VOCABULARY: &[&str] = &[
    "Rust",
    "rust",
    "RUST",
    "rust-lang",
    "Rustaceans",
    "tokio",
    "Tokio",
    "async",
    "Go",
    "go",
    "golang",
    "Kubernetes",
    "k8s",
    "AWS",
    "aws",
    "C++",
    "C#",
    ".NET",
    "SQL",
    "PostgreSQL",
    "ownership",
    "take ownership",
    "borrow checker",
    "embedded",
    "rust belt",
    "nice to have",
    "required",
    "must have",
    "a plus",
    "experience",
    "years",
    "5+",
    "we offer",
    "benefits",
    "Requirements:",
    "é",
    "ü",
    "日本語",
    "—",
    "…",
    "•",
    "|",
    "·",
    ".",
    ",",
    ";",
    "!",
    "?",
    "。",
    "_",
    "-",
    "/",
    "(",
    ")",
    "x",
    "the",
    "and",
    "with",
    "communication",
    "teamwork",
    "git",
];

const SEPARATORS: &[&str] = &[" ", " ", " ", "", ". ", ", ", "\n", " | ", "; ", "• "];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            prop::sample::select(VOCABULARY),
            prop::sample::select(SEPARATORS),
        ),
        0..80,
    )
    .prop_map(|words| {
        words
            .into_iter()
            .map(|(word, separator)| format!("{word}{separator}"))
            .collect()
    })
}

fn posting(text: &str) -> Option<Posting> {
    let blocks: Vec<RawBlock> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| RawBlock {
            kind: if line.ends_with(':') {
                BlockKind::Heading(2)
            } else {
                BlockKind::Paragraph
            },
            text: line.to_owned(),
            bold: false,
        })
        .collect();
    Posting::from_blocks(Metadata::default(), blocks).ok()
}

/// A rule set with one case-insensitive skill and one case-sensitive one.
fn cased_matcher() -> &'static Matcher {
    static MATCHER: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
    MATCHER.get_or_init(|| {
        let text = "[[category]]\nid = \"lang\"\nname = \"Languages\"\nkind = \"tech\"\n\n\
            [[skill]]\nid = \"rust\"\nname = \"Rust\"\ncategory = \"lang\"\n\
            phrases = [\"rust\", \"rust-lang\", \"tokio\", \"rustacean*\"]\n\n\
            [[skill]]\nid = \"go\"\nname = \"Go\"\ncategory = \"lang\"\nterms = [\"Go\"]\n";
        Matcher::new(RuleSet::from_toml("cased.toml", text).unwrap()).unwrap()
    })
}

fn flip_case(text: &str, flips: &[bool]) -> String {
    text.chars()
        .zip(flips.iter().cycle())
        .map(|(c, &flip)| {
            if !flip {
                c
            } else if c.is_ascii_lowercase() {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn hits_lie_on_character_boundaries_and_evidence_contains_them(text in text()) {
        let Some(posting) = posting(&text) else { return Ok(()) };
        let found = default_matcher().find(&posting);
        for hit in &found.hits {
            prop_assert!(hit.start < hit.end && hit.end <= posting.text.len());
            prop_assert!(posting.text.is_char_boundary(hit.start));
            prop_assert!(posting.text.is_char_boundary(hit.end));
            let hit_text = &posting.text[hit.start..hit.end];
            let evidence = evidence(&posting, hit);
            prop_assert!(
                evidence.contains(hit_text),
                "evidence {evidence:?} lacks hit {hit_text:?} in {:?}",
                posting.text
            );
        }
        for skill in &found.skills {
            prop_assert!(!skill.evidence.is_empty());
        }
    }

    #[test]
    fn phrases_ignore_case_and_terms_do_not(text in text(), flips in prop::collection::vec(any::<bool>(), 1..16)) {
        // The same posting with its text's case flipped in place (ASCII flips keep every
        // offset): the matcher is under test, not the layout, which reads capitals on purpose
        // (a capital after four small letters starts a glued record's next item, so a word in
        // odd capitals, "RustacEans", may be cut in two).
        let Some(a) = posting(&text) else { return Ok(()) };
        let mut b = a.clone();
        b.text = flip_case(&a.text, &flips);
        for section in &mut b.sections {
            section.heading = section.heading.as_deref().map(|h| flip_case(h, &flips));
        }
        let matcher = cased_matcher();
        let spans = |posting: &Posting, skill: usize| -> Vec<(usize, usize)> {
            matcher
                .find(posting)
                .hits
                .iter()
                .filter(|h| h.skill == skill)
                .map(|h| (h.start, h.end))
                .collect()
        };
        let words = |posting: &Posting| -> Vec<String> {
            spans(posting, 0)
                .into_iter()
                .map(|(start, end)| posting.text[start..end].to_lowercase())
                .collect()
        };
        // Phrases: the same words, in the same order, whatever the case.
        prop_assert_eq!(words(&a), words(&b));
        // Terms: only where the text says exactly "Go".
        for (start, end) in spans(&b, 1) {
            prop_assert_eq!(&b.text[start..end], "Go");
        }
    }

    #[test]
    fn results_do_not_depend_on_the_threads(texts in prop::collection::vec(text(), 1..12)) {
        let postings: Vec<Posting> = texts.iter().filter_map(|t| posting(t)).collect();
        let matcher = default_matcher();
        let sequential: Vec<Matches> = postings.iter().map(|p| matcher.find(p)).collect();
        for threads in [1, 2, 4] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let parallel: Vec<Matches> =
                pool.install(|| postings.par_iter().map(|p| matcher.find(p)).collect());
            prop_assert_eq!(&sequential, &parallel);
        }
    }
}
