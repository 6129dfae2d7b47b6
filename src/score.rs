//! Scoring: matched skills and weights -> coverage scores. Pure arithmetic.
//!
//! Coverage of a category is the weight of its matched skills over the weight of all of its
//! skills, times 100. The overall score is the mean of the category coverages weighted by the
//! category weights:
//!
//! ```text
//! coverage(c) = 100 * sum(weight(s) for matched s in c) / sum(weight(s) for s in c)
//! score       = sum(weight(c) * coverage(c)) / sum(weight(c))
//! ```
//!
//! A category whose skills all weigh 0 has coverage 0; a rule set whose categories all weigh 0
//! has score 0. Levels do not change the arithmetic: a preferred skill covers as much as a
//! required one (the level columns say which is which).

use crate::matcher::SkillMatch;
use crate::rules::RuleSet;

/// A posting's coverage of the skill map.
#[derive(Debug, Clone, PartialEq)]
pub struct CoverageScore {
    /// The overall score, 0-100.
    pub overall: f64,
    /// Coverage of each category, 0-100, in rule-set order.
    pub categories: Vec<f64>,
}

/// Scores the skills a posting asks for against the rule set.
pub fn score(rules: &RuleSet, matched: &[SkillMatch]) -> CoverageScore {
    let count = rules.categories.len();
    let mut total = vec![0.0; count];
    let mut covered = vec![0.0; count];
    for skill in &rules.skills {
        if let Some(total) = total.get_mut(skill.category) {
            *total += skill.weight;
        }
    }
    for skill in matched.iter().filter_map(|m| rules.skill(m.skill)) {
        if let Some(covered) = covered.get_mut(skill.category) {
            *covered += skill.weight;
        }
    }
    let categories: Vec<f64> = covered
        .iter()
        .zip(&total)
        .map(|(c, t)| if *t > 0.0 { 100.0 * c / t } else { 0.0 })
        .collect();
    let weights: f64 = rules.categories.iter().map(|c| c.weight).sum();
    let overall = if weights > 0.0 {
        rules
            .categories
            .iter()
            .zip(&categories)
            .map(|(c, coverage)| c.weight * coverage)
            .sum::<f64>()
            / weights
    } else {
        0.0
    };
    CoverageScore {
        overall,
        categories,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::{Level, SkillMatch};

    const RULES: &str = r#"
[[category]]
id = "a"
name = "A"
kind = "tech"
weight = 3.0

[[category]]
id = "b"
name = "B"
kind = "soft"
weight = 1.0

[[skill]]
id = "x"
name = "X"
category = "a"
weight = 3.0
phrases = ["x"]

[[skill]]
id = "y"
name = "Y"
category = "a"
phrases = ["y"]

[[skill]]
id = "z"
name = "Z"
category = "b"
phrases = ["z"]
"#;

    fn matched(skill: usize) -> SkillMatch {
        SkillMatch {
            skill,
            level: Level::Mentioned,
            count: 1,
            evidence: String::new(),
        }
    }

    #[test]
    fn weighted_coverage() {
        let rules = RuleSet::from_sources(&[("t.toml".into(), RULES.into())]).unwrap();
        let s = score(&rules, &[matched(0)]);
        assert_eq!(s.categories, vec![75.0, 0.0]);
        assert!((s.overall - 56.25).abs() < 1e-9);
        let s = score(&rules, &[matched(0), matched(1), matched(2)]);
        assert_eq!(s.categories, vec![100.0, 100.0]);
        assert!((s.overall - 100.0).abs() < 1e-9);
        assert_eq!(score(&rules, &[]).overall, 0.0);
    }
}
