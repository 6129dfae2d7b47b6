//! Level cues: the sentence words that make a hit preferred, required, negated, a perk, or
//! addressed to the candidate, and how a sentence's cues are read.

use crate::language::Cues as LanguageCues;

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

/// Every cue phrase of one language file's `[cues]` (see [`crate::language`]) with its class.
pub(super) fn cue_phrases(cues: &LanguageCues) -> impl Iterator<Item = (&str, CueClass)> {
    [
        (&cues.preferred, CueClass::Preferred),
        (&cues.required, CueClass::Required),
        (&cues.negator, CueClass::Negator),
        (&cues.need, CueClass::Need),
        (&cues.candidate, CueClass::Candidate),
        (&cues.perk, CueClass::Perk),
        (&cues.years, CueClass::Years),
    ]
    .into_iter()
    .flat_map(|(list, class)| list.iter().map(move |phrase| (phrase.as_str(), class)))
}

impl Cues {
    /// The cue reader for the language files' `cues`: "N+ years" in any of their words for
    /// years.
    pub(super) fn new(cues: &LanguageCues) -> Result<Cues, CompileError> {
        let years: Vec<String> = cues.years.iter().map(|w| regex::escape(w)).collect();
        let years = if years.is_empty() {
            // No word for years: a pattern that never matches.
            r"[^\s\S]".to_owned()
        } else {
            format!(r"[0-9]+\s*\+?\s*(?:{})", years.join("|"))
        };
        Ok(Cues {
            years: regex::Regex::new(&years)?,
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
