//! One posting through the pure stages: extract -> match -> score.
//!
//! Synchronous and owned-in, owned-out, so the orchestrator can run it on any thread.

use crate::extract::{self, Format, Metadata, Posting};
use crate::input::{self, Input, InputError};
use crate::matcher::{Matcher, Matches, SkillMatch};
use crate::score::{self, CoverageScore};

/// What one posting asks for, and how well it covers the skill map.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// Title and company.
    pub meta: Metadata,
    /// Words of text read.
    pub words: usize,
    /// Skills asked for, in rule-set order.
    pub skills: Vec<SkillMatch>,
    /// Coverage scores.
    pub score: CoverageScore,
}

/// The outcome for one input: its analysis or the reason there is none.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    /// The input as given.
    pub source: String,
    /// The analysis, or why the input failed.
    pub result: Result<Analysis, InputError>,
}

/// Extracts, matches and scores a posting from its bytes.
pub fn analyze_bytes(
    matcher: &Matcher,
    bytes: &[u8],
    format: Format,
) -> Result<(Posting, Matches, CoverageScore), InputError> {
    let posting = extract::extract(bytes, format)?;
    let matches = matcher.find(&posting);
    let score = score::score(matcher.rules(), &matches.skills);
    Ok((posting, matches, score))
}

/// Reads and analyzes one input; never fails, a failure is part of the outcome.
pub fn analyze(matcher: &Matcher, input: &Input) -> Outcome {
    let result = match &input.target {
        Ok((path, format)) => input::read(path).and_then(|bytes| {
            analyze_bytes(matcher, &bytes, *format).map(|(posting, matches, score)| Analysis {
                meta: posting.meta,
                words: posting.words,
                skills: matches.skills,
                score,
            })
        }),
        Err(e) => Err(e.clone()),
    };
    Outcome {
        source: input.source.clone(),
        result,
    }
}
