//! Level cues: the sentence words that make a hit preferred, required, negated, a perk, or
//! addressed to the candidate, and how a sentence's cues are read.

use super::compile::CompileError;

/// Sentence cues that set a hit's level. Their phrases are found by the phrase scan along with
/// the rules' phrases; this is what reads them.
#[derive(Debug, Clone)]
pub(super) struct Cues {
    pub(super) years: regex::Regex,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CueClass {
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
pub(super) struct CueFound {
    pub(super) preferred: bool,
    pub(super) required: bool,
    pub(super) negated: bool,
    pub(super) addresses_candidate: bool,
    pub(super) perk: bool,
}

pub(super) const PREFERRED_CUES: &[&str] = &[
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

pub(super) const REQUIRED_CUES: &[&str] = &[
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

pub(super) const NEGATORS: &[&str] = &[
    "no", "not", "don't", "do not", "doesn't", "does not", "without", "never", "isn't", "aren't",
];

pub(super) const CANDIDATE_CUES: &[&str] = &[
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
pub(super) const PERK_CUES: &[&str] = &[
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

pub(super) const NEEDS: &[&str] = &[
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
pub(super) fn cue_phrases() -> impl Iterator<Item = (&'static str, CueClass)> {
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
    pub(super) fn new() -> Result<Cues, CompileError> {
        Ok(Cues {
            years: regex::Regex::new(r"[0-9]+\s*\+?\s*(?:years|yrs)")?,
        })
    }

    /// The cues of the text range `[start, end)`, from the cue occurrences of the whole text
    /// (`found`, in text order).
    pub(super) fn find(
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
