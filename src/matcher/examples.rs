//! Rule data that explains itself: every skill's `examples` must match it (at their level),
//! its `counter_examples` must not, and each of its `exclude` entries should be needed by a
//! counter-example (removing it would make one match).
//!
//! Each sentence is read alone, as a plain-text posting of one paragraph: its level comes from
//! its own cue words, not from a section it was taken from.

use crate::extract::{Format, extract};
use crate::rules::{Category, RuleSet, Skill};

use super::{CompileError, Level, Matcher, Verdict};

/// One finding of [`check`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule file of the skill.
    pub file: String,
    /// The 1-based line of the example, counter-example or exclude.
    pub line: usize,
    /// The skill's id.
    pub skill: String,
    /// What is wrong.
    pub kind: FindingKind,
}

impl Finding {
    /// Whether the finding is a warning (an exclude no counter-example needs), not a failure.
    pub fn is_warning(&self) -> bool {
        matches!(self.kind, FindingKind::UnneededExclude { .. })
    }
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (file, line, skill) = (&self.file, self.line, &self.skill);
        match &self.kind {
            FindingKind::ExampleMissed { text, wanted, got } => match got {
                None => write!(
                    f,
                    "{file}:{line}: skill {skill:?}: example does not match: {text:?}"
                ),
                Some(got) => write!(
                    f,
                    "{file}:{line}: skill {skill:?}: example matches as {} instead of {}: {text:?}",
                    got.as_str(),
                    wanted.as_deref().unwrap_or("any level"),
                ),
            },
            FindingKind::CounterMatched { text, got } => write!(
                f,
                "{file}:{line}: skill {skill:?}: counter-example matches ({}): {text:?}",
                got.as_str()
            ),
            FindingKind::UnneededExclude { phrase } => write!(
                f,
                "{file}:{line}: warning: skill {skill:?}: exclude {phrase:?} is needed by no counter-example"
            ),
        }
    }
}

/// What a [`Finding`] is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FindingKind {
    /// An example does not match its skill, or not at the level it asks for.
    ExampleMissed {
        /// The example.
        text: String,
        /// The level it asks for (any when `None`).
        wanted: Option<String>,
        /// The level it got, when it matched.
        got: Option<Level>,
    },
    /// A counter-example matches its skill.
    CounterMatched {
        /// The counter-example.
        text: String,
        /// The level it got.
        got: Level,
    },
    /// Removing this exclude would make no counter-example of the skill match (a warning).
    UnneededExclude {
        /// The exclude as written (without `*`).
        phrase: String,
    },
}

/// What [`check`] looked at and found.
#[derive(Debug, Clone, Default)]
pub struct CheckReport {
    /// Examples checked.
    pub examples: usize,
    /// Counter-examples checked.
    pub counter_examples: usize,
    /// The skills' own excludes checked against counter-examples.
    pub excludes: usize,
    /// Failures and warnings, in skill order.
    pub findings: Vec<Finding>,
}

/// Checks every example and counter-example of `rules`, and whether each skill's own exclude
/// entries are needed by one of its counter-examples.
pub fn check(rules: &RuleSet) -> Result<CheckReport, CompileError> {
    check_with(rules, true)
}

/// [`check`] without the exclude check (which compiles each skill once per exclude).
pub fn check_examples(rules: &RuleSet) -> Result<CheckReport, CompileError> {
    check_with(rules, false)
}

fn check_with(rules: &RuleSet, excludes: bool) -> Result<CheckReport, CompileError> {
    let matcher = Matcher::new(rules.clone())?;
    let mut report = CheckReport::default();
    for (index, skill) in rules.skills.iter().enumerate() {
        let finding = |line: usize, kind: FindingKind| Finding {
            file: skill.file.clone(),
            line,
            skill: skill.id.clone(),
            kind,
        };
        for example in &skill.examples {
            report.examples += 1;
            let got = level_of(&matcher, index, &example.text);
            let ok = match (&example.level, got) {
                (_, None) => false,
                (None, Some(_)) => true,
                (Some(wanted), Some(got)) => wanted == got.as_str(),
            };
            if !ok {
                report.findings.push(finding(
                    example.line,
                    FindingKind::ExampleMissed {
                        text: example.text.clone(),
                        wanted: example.level.clone(),
                        got,
                    },
                ));
            }
        }
        for counter in &skill.counter_examples {
            report.counter_examples += 1;
            if let Some(got) = level_of(&matcher, index, &counter.text) {
                report.findings.push(finding(
                    counter.line,
                    FindingKind::CounterMatched {
                        text: counter.text.clone(),
                        got,
                    },
                ));
            }
        }
        if !excludes {
            continue;
        }
        let category = rules.categories.get(skill.category);
        // The counter-examples the skill keeps out with all its excludes.
        let kept_out: Vec<&str> = skill
            .counter_examples
            .iter()
            .filter(|c| level_of(&matcher, index, &c.text).is_none())
            .map(|c| c.text.as_str())
            .collect();
        for (nth, phrase) in skill.exclude.iter().take(skill.own_exclude).enumerate() {
            report.excludes += 1;
            if !exclude_needed(rules, (skill, category), nth, &kept_out)? {
                report.findings.push(finding(
                    phrase.line,
                    FindingKind::UnneededExclude {
                        phrase: phrase.text.clone(),
                    },
                ));
            }
        }
    }
    Ok(report)
}

/// The level at which `text`, read alone, asks for skill `skill`; `None` if it does not.
fn level_of(matcher: &Matcher, skill: usize, text: &str) -> Option<Level> {
    let posting = extract(text.as_bytes(), Format::Text).ok()?;
    matcher
        .find(&posting)
        .hits
        .iter()
        .filter(|hit| hit.skill == skill)
        .filter_map(|hit| match hit.verdict {
            Verdict::Counted(level) => Some(level),
            _ => None,
        })
        .max()
}

/// Whether the skill's `nth` exclude is needed: without it, one of the counter-examples the
/// skill keeps out (`kept_out`) matches. The skill is compiled alone (a skill's hits do not
/// depend on other skills).
fn exclude_needed(
    rules: &RuleSet,
    (skill, category): (&Skill, Option<&Category>),
    nth: usize,
    kept_out: &[&str],
) -> Result<bool, CompileError> {
    if kept_out.is_empty() {
        return Ok(false);
    }
    let mut alone = skill.clone();
    alone.category = 0;
    alone.own_exclude = alone.own_exclude.saturating_sub(1);
    if nth < alone.exclude.len() {
        alone.exclude.remove(nth);
    }
    let without = RuleSet {
        profile: rules.profile.clone(),
        categories: category.cloned().into_iter().collect(),
        skills: vec![alone],
    };
    let matcher = Matcher::new(without)?;
    Ok(kept_out
        .iter()
        .any(|text| level_of(&matcher, 0, text).is_some()))
}
