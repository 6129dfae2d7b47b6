//! Candidate profiles: the skills a job seeker has, and how well a posting fits them.
//!
//! A profile is a small TOML file, loaded strictly (unknown fields are errors):
//!
//! ```toml
//! skills = ["rust", "async-concurrency", "containers"]
//! ```
//!
//! Every id must be a skill of the rule set in use; an unknown id is an error that names the
//! file and the id. [`fit`] is a pure function of a profile and the skills a posting asks for:
//!
//! ```text
//! fit = 100 × (2 × required skills the candidate has + preferred skills the candidate has)
//!           / (2 × required skills + preferred skills)
//! ```
//!
//! Skills a posting only mentions do not count. A posting that asks for no skill at level
//! required or preferred has fit 0: there is nothing to fit, and such postings should not rise
//! to the top of a list sorted by fit.

use std::path::Path;

use serde::Deserialize;

use crate::matcher::{Level, SkillMatch};
use crate::rules::RuleSet;

/// The skills a candidate has, as indices into the rule set's skills.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CandidateProfile {
    /// Per skill of the rule set (same order): whether the candidate has it.
    has: Vec<bool>,
}

/// How well one posting fits a candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct Fit {
    /// 0-100: the share of the posting's required and preferred skills the candidate has,
    /// required skills counting double.
    pub fit: f64,
    /// Required skills the candidate lacks, as indices into the rule set's skills, in rule order.
    pub missing_required: Vec<usize>,
    /// Preferred skills the candidate lacks, in rule order.
    pub missing_preferred: Vec<usize>,
}

/// Why a profile was refused. Every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    /// The file could not be read.
    #[error("{file}: cannot read profile: {error}")]
    Read {
        /// The profile file.
        file: String,
        /// The I/O error (not a `source`: the message already says it, once).
        error: std::io::Error,
    },
    /// The file is not valid TOML, or not of the form `skills = ["id", ...]`.
    #[error("{file}: {message}")]
    Parse {
        /// The profile file.
        file: String,
        /// The parser's message, with line and column.
        message: String,
    },
    /// The profile lists an id that is not a skill of the rule set.
    #[error("{file}: unknown skill id {id:?} (`jobfit rules list` shows the ids)")]
    UnknownSkill {
        /// The profile file.
        file: String,
        /// The unknown id.
        id: String,
    },
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileFile {
    skills: Vec<String>,
}

impl CandidateProfile {
    /// Reads and validates a profile file against the rule set.
    pub fn load(path: &Path, rules: &RuleSet) -> Result<CandidateProfile, ProfileError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|error| ProfileError::Read {
            file: file.clone(),
            error,
        })?;
        CandidateProfile::parse(&file, &text, rules)
    }

    /// Parses a profile given as text; `file` names it in errors.
    pub fn parse(
        file: &str,
        text: &str,
        rules: &RuleSet,
    ) -> Result<CandidateProfile, ProfileError> {
        let parsed: ProfileFile = toml::from_str(text).map_err(|e| ProfileError::Parse {
            file: file.to_owned(),
            message: e.to_string().trim_end().to_owned(),
        })?;
        let mut has = vec![false; rules.skills.len()];
        for id in &parsed.skills {
            let Some(index) = rules.skills.iter().position(|s| &s.id == id) else {
                return Err(ProfileError::UnknownSkill {
                    file: file.to_owned(),
                    id: id.clone(),
                });
            };
            if let Some(has) = has.get_mut(index) {
                *has = true;
            }
        }
        Ok(CandidateProfile { has })
    }

    /// A profile with the given skills (indices into the rule set's skills of `len` skills).
    pub fn from_indices(len: usize, skills: &[usize]) -> CandidateProfile {
        let mut has = vec![false; len];
        for &s in skills {
            if let Some(slot) = has.get_mut(s) {
                *slot = true;
            }
        }
        CandidateProfile { has }
    }

    /// Whether the candidate has the skill at this index of the rule set.
    pub fn has(&self, skill: usize) -> bool {
        self.has.get(skill).copied().unwrap_or(false)
    }

    /// The indices of the candidate's skills, in rule order.
    pub fn skills(&self) -> impl Iterator<Item = usize> + '_ {
        self.has
            .iter()
            .enumerate()
            .filter(|(_, has)| **has)
            .map(|(i, _)| i)
    }
}

/// How well a posting that asks for `skills` fits the candidate.
pub fn fit(profile: &CandidateProfile, skills: &[SkillMatch]) -> Fit {
    let mut wanted = 0u32;
    let mut covered = 0u32;
    let mut missing_required = Vec::new();
    let mut missing_preferred = Vec::new();
    for m in skills {
        let (weight, missing) = match m.level {
            Level::Required => (2, &mut missing_required),
            Level::Preferred => (1, &mut missing_preferred),
            Level::Mentioned => continue,
        };
        wanted += weight;
        if profile.has(m.skill) {
            covered += weight;
        } else {
            missing.push(m.skill);
        }
    }
    let fit = if wanted == 0 {
        0.0
    } else {
        100.0 * f64::from(covered) / f64::from(wanted)
    };
    Fit {
        fit,
        missing_required,
        missing_preferred,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]

    use super::*;

    fn rules() -> RuleSet {
        RuleSet::default_rules().unwrap()
    }

    fn skill(rules: &RuleSet, id: &str, level: Level) -> SkillMatch {
        SkillMatch {
            skill: rules.skills.iter().position(|s| s.id == id).unwrap(),
            level,
            count: 1,
            evidence: String::new(),
        }
    }

    #[test]
    fn parses_known_ids() {
        let rules = rules();
        let profile =
            CandidateProfile::parse("me.toml", r#"skills = ["rust", "containers"]"#, &rules)
                .unwrap();
        let ids: Vec<&str> = profile
            .skills()
            .map(|s| rules.skills[s].id.as_str())
            .collect();
        assert_eq!(ids.len(), 2);
        assert!(ids.contains(&"rust") && ids.contains(&"containers"));
    }

    #[test]
    fn unknown_id_is_an_error_naming_file_and_id() {
        let err = CandidateProfile::parse("me.toml", r#"skills = ["rust", "cobol"]"#, &rules())
            .unwrap_err();
        assert!(matches!(&err, ProfileError::UnknownSkill { id, .. } if id == "cobol"));
        let message = err.to_string();
        assert!(
            message.contains("me.toml") && message.contains("\"cobol\""),
            "{message}"
        );
    }

    #[test]
    fn unknown_fields_and_bad_toml_are_errors() {
        let err = CandidateProfile::parse("me.toml", "skills = []\nname = \"x\"\n", &rules())
            .unwrap_err();
        assert!(matches!(err, ProfileError::Parse { .. }));
        assert!(err.to_string().contains("name"), "{err}");
        let err = CandidateProfile::parse("me.toml", "skills = [", &rules()).unwrap_err();
        assert!(err.to_string().starts_with("me.toml:"), "{err}");
        let err = CandidateProfile::parse("me.toml", "", &rules()).unwrap_err();
        assert!(err.to_string().contains("skills"), "{err}");
    }

    #[test]
    fn fit_counts_required_double_and_ignores_mentioned() {
        let rules = rules();
        let profile =
            CandidateProfile::parse("p", r#"skills = ["rust", "containers"]"#, &rules).unwrap();
        let asked = [
            skill(&rules, "rust", Level::Required),
            skill(&rules, "containers", Level::Preferred),
            skill(&rules, "async-concurrency", Level::Required),
            skill(&rules, "testing", Level::Mentioned),
        ];
        let fit = fit(&profile, &asked);
        // (2 + 1) / (2 + 1 + 2)
        assert!((fit.fit - 60.0).abs() < 1e-9, "{fit:?}");
        assert_eq!(fit.missing_required, [asked[2].skill]);
        assert!(fit.missing_preferred.is_empty());
    }

    #[test]
    fn fit_is_zero_when_nothing_is_asked_and_full_when_everything_is_had() {
        let rules = rules();
        let profile = CandidateProfile::parse("p", r#"skills = ["rust"]"#, &rules).unwrap();
        assert_eq!(fit(&profile, &[]).fit, 0.0);
        let asked = [skill(&rules, "rust", Level::Preferred)];
        assert_eq!(fit(&profile, &asked).fit, 100.0);
        let none = CandidateProfile::parse("p", "skills = []", &rules).unwrap();
        let fit = fit(&none, &asked);
        assert_eq!(fit.fit, 0.0);
        assert_eq!(fit.missing_preferred, [asked[0].skill]);
    }
}
