//! Entry points of the fuzz targets (`fuzz/`), shared with the regression test that replays the
//! crash inputs kept in `tests/fixtures/fuzz-regressions/`.
//!
//! Each function takes arbitrary bytes, runs one stage the way a batch would, and checks the
//! invariants the rest of the pipeline relies on (block offsets on character boundaries, hits
//! inside the text, evidence around the hit). A broken invariant panics: that is what the fuzzer
//! and the regression test look for. Nothing here is used by the pipeline itself.
#![allow(clippy::panic)]

use std::sync::OnceLock;

use crate::boards::{Board, BoardKind, JSON_SHAPES, parse_board};
use crate::extract::{self, Format, Posting};
use crate::matcher::{self, Matcher, Verdict};
use crate::rules::RuleSet;

/// A text with a bit of everything the matcher looks at, for fuzzed rule sets.
const SAMPLE: &str = "# Senior Rust Engineer | Acme | Remote\n\n## Requirements\n\n\
    - 5+ years of Rust, Tokio and async; C++ a plus.\n- Kubernetes | Docker | AWS; Go!\n\n\
    ## Nice to have\n\nPython, SQL (PostgreSQL), gRPC? 日本語。 Über café — naïve.\n\n\
    ## Benefits\n\nFree lunch; equity. Email jobs@acme.example\n";

fn default_matcher() -> &'static Option<Matcher> {
    static MATCHER: OnceLock<Option<Matcher>> = OnceLock::new();
    MATCHER.get_or_init(|| {
        RuleSet::default_rules()
            .ok()
            .and_then(|rules| Matcher::new(rules).ok())
    })
}

/// Checks that a posting's blocks and sections describe its text.
pub fn check_posting(posting: &Posting) {
    let text = &posting.text;
    let mut previous_end = 0;
    for block in &posting.blocks {
        assert!(block.start <= block.end && block.end <= text.len());
        assert!(block.start >= previous_end);
        assert!(text.is_char_boundary(block.start) && text.is_char_boundary(block.end));
        assert!(block.section < posting.sections.len());
        previous_end = block.end;
    }
    for section in &posting.sections {
        assert!(section.first_block <= section.end_block);
        assert!(section.end_block <= posting.blocks.len());
    }
}

/// Matches a posting and checks every hit and every piece of evidence.
pub fn check_matches(matcher: &Matcher, posting: &Posting) {
    let found = matcher.find(posting);
    let text = &posting.text;
    for hit in &found.hits {
        assert!(hit.start < hit.end && hit.end <= text.len(), "{hit:?}");
        assert!(
            text.is_char_boundary(hit.start) && text.is_char_boundary(hit.end),
            "{hit:?}"
        );
        assert!(hit.block < posting.blocks.len());
        assert!(hit.skill < matcher.rules().skills.len());
        // Evidence is computed for any hit without panicking.
        let evidence = matcher::evidence(posting, hit);
        assert!(evidence.chars().count() <= matcher::MAX_EVIDENCE_CHARS + 2);
        if let Verdict::Excluded(by) = &hit.verdict {
            assert!(!by.is_empty());
        }
    }
    for skill in &found.skills {
        assert!(skill.skill < matcher.rules().skills.len());
        assert!(skill.count > 0);
        assert!(!skill.evidence.is_empty());
    }
}

/// `extract_html`: decodes and extracts an HTML page.
pub fn extract_html(data: &[u8]) {
    if let Ok(posting) = extract::extract(data, Format::Html) {
        check_posting(&posting);
    }
}

/// `extract_markdown`: Markdown, and the same bytes as plain text.
pub fn extract_markdown(data: &[u8]) {
    for format in [Format::Markdown, Format::Text] {
        if let Ok(posting) = extract::extract(data, format) {
            check_posting(&posting);
        }
    }
}

/// `extract_json`: a JSON document fetched from a URL, and a job-board answer of each kind.
pub fn extract_json(data: &[u8]) {
    if let Ok(posting) = extract::extract_with_shapes(data, Format::Json, None, None, &JSON_SHAPES)
    {
        check_posting(&posting);
    }
    for kind in [
        BoardKind::Greenhouse,
        BoardKind::Lever,
        BoardKind::Ashby,
        BoardKind::Workday,
        BoardKind::SmartRecruiters,
        BoardKind::Workable,
        BoardKind::Recruitee,
        BoardKind::Personio,
    ] {
        let board = Board {
            kind,
            host: "acme.example".into(),
            token: "acme".into(),
            job: None,
        };
        if let Ok(postings) = parse_board(&board, data) {
            for board_posting in postings.iter().take(16) {
                if let Ok(posting) = board_posting.to_posting() {
                    check_posting(&posting);
                }
            }
        }
    }
}

/// `jsonld`: a JSON-LD block, alone and inside a page.
pub fn jsonld(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Some(found) = extract::html::json_ld_posting(&text)
        && let Some(description) = &found.description
    {
        let _ = extract::html::fragment_blocks(description);
    }
    let page = format!(
        "<html><head><script type=\"application/ld+json\">{text}</script></head>\
         <body><div id=app></div></body></html>"
    );
    if let Ok(posting) = extract::extract(page.as_bytes(), Format::Html) {
        check_posting(&posting);
    }
}

/// `rules_load`: a rule file; when it loads, it compiles and matches a sample posting.
pub fn rules_load(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(rules) = RuleSet::from_toml("fuzz.toml", text) else {
        return;
    };
    let Ok(matcher) = Matcher::new(rules) else {
        return;
    };
    for format in [Format::Markdown, Format::Text] {
        if let Ok(posting) = extract::extract(SAMPLE.as_bytes(), format) {
            check_matches(&matcher, &posting);
        }
    }
}

/// `matcher`: arbitrary text (as plain text or Markdown) against the default skill map.
pub fn matcher(data: &[u8]) {
    let Some(matcher) = default_matcher() else {
        panic!("the default rules do not load");
    };
    let (format, rest) = match data.split_first() {
        Some((first, rest)) if first % 2 == 0 => (Format::Markdown, rest),
        Some((_, rest)) => (Format::Text, rest),
        None => (Format::Text, data),
    };
    let text = String::from_utf8_lossy(rest);
    if let Ok(posting) = extract::extract(text.as_bytes(), format) {
        check_posting(&posting);
        check_matches(matcher, &posting);
    }
}
