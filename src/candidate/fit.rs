//! Fit: how well one posting fits a candidate. Pure arithmetic over a
//! [`CandidateProfile`] and the skills a posting asks for.
//!
//! [`fit`] is a pure function of a profile and the skills a posting asks for:
//!
//! ```text
//! fit = 100 × (2 × required skills the candidate has + preferred skills the candidate has)
//!           / (2 × required skills + preferred skills)
//! ```
//!
//! Skills a posting only mentions do not count. A posting that asks for no skill at level
//! required or preferred has fit 0: there is nothing to fit, and such postings should not rise
//! to the top of a list sorted by fit.

use crate::candidate::profile::CandidateProfile;
use crate::matcher::{Level, SkillMatch};

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
    use crate::rules::RuleSet;

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
        let none = CandidateProfile::from_indices(rules.skills.len(), &[]);
        let fit = fit(&none, &asked);
        assert_eq!(fit.fit, 0.0);
        assert_eq!(fit.missing_preferred, [asked[0].skill]);
    }
}
