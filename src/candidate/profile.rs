//! Candidate profiles: the skills a job seeker has.
//!
//! A profile is a small TOML file, loaded strictly (unknown fields are errors):
//!
//! ```toml
//! skills = ["rust", "async-concurrency", "containers"]
//! # Optional: technologies beyond the skill map (rules/technologies.tsv ids or names), role
//! # words of job titles, the years of work in all, and the years of some skills.
//! technologies = ["postgresql", "react"]
//! roles = ["engineer", "backend"]
//! technical = true           # false: ranked as a person of another profession
//! experience_years = 6.5
//! [years]
//! rust = 5
//! ```
//!
//! `jobfit profile RESUME` writes one from a résumé ([`to_toml`]), with each entry's evidence
//! as a comment.
//!
//! An entry names a skill by its id, its name or one of its phrases, ignoring case (`"Rust"`,
//! `"docker"` for `containers`, `"Memory safety and memory management"`). Every unknown entry
//! is named in one error, with the nearest ids; a phrase of several skills and an empty list
//! are errors too.

use std::path::Path;

use serde::Deserialize;

use crate::candidate::resume::{Found, Resume};
use crate::candidate::technology::Technologies;
use crate::rules::RuleSet;

/// The skills a candidate has, as indices into the rule set's skills.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CandidateProfile {
    /// Per skill of the rule set (same order): whether the candidate has it.
    has: Vec<bool>,
    /// The technologies beyond the skill map the candidate has, as indices into
    /// [`Technologies::all`], sorted.
    technologies: Vec<usize>,
    /// Years of work in all, where known.
    pub experience_years: Option<f64>,
    /// Years of a skill (by index) where known.
    pub skill_years: Vec<(usize, f64)>,
    /// Years of a technology (by index) where known.
    pub technology_years: Vec<(usize, f64)>,
    /// Per technology: whether the skill map covers it (it counts as a skill, not twice).
    covered_technologies: Vec<bool>,
    /// Role words ([`crate::candidate::role::ROLE_WORDS`]) of the candidate's professions.
    pub roles: Vec<String>,
    /// Technologies (indices, sorted) the résumé names only in passing: one sentence, not a
    /// title or a skills list. They count for less ([`crate::candidate::FitModel::in_passing`]).
    pub technologies_in_passing: Vec<usize>,
    /// Whether the candidate works in software, IT or data: `Some(false)` for a résumé whose
    /// career moved to another profession ([`Resume::technical`]), or as the profile file
    /// says (`technical = false`); `None` leaves it to the fit to judge from the roles and skills.
    pub technical: Option<bool>,
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
    /// The profile lists entries that name no skill of the rule set; each with the nearest
    /// skill ids.
    #[error("{file}: {} (`jobfit rules list` shows the ids)", unknown_list(.entries))]
    UnknownSkills {
        /// The profile file.
        file: String,
        /// Each unknown entry, with the ids it may have meant (nearest first).
        entries: Vec<(String, Vec<String>)>,
    },
    /// An entry is a phrase of several skills.
    #[error("{file}: {entry:?} could be any of {}: name one by its id", .skills.join(", "))]
    Ambiguous {
        /// The profile file.
        file: String,
        /// The entry.
        entry: String,
        /// The skills it names.
        skills: Vec<String>,
    },
    /// The profile lists no skill: every fit would be 0.
    #[error("{file}: the profile lists no skill (skills = [\"rust\", \"docker\", ...])")]
    Empty {
        /// The profile file.
        file: String,
    },
}

fn unknown_list(entries: &[(String, Vec<String>)]) -> String {
    let shown: Vec<String> = entries
        .iter()
        .map(|(entry, near)| match near.as_slice() {
            [] => format!("{entry:?}"),
            near => format!("{entry:?} (did you mean {}?)", near.join(" or ")),
        })
        .collect();
    let noun = if entries.len() == 1 {
        "unknown skill"
    } else {
        "unknown skills"
    };
    format!("{noun} {}", shown.join(", "))
}

/// What a profile entry names: a skill, several, or none.
enum Resolved {
    Skill(usize),
    Several(Vec<usize>),
    Unknown,
}

/// Resolves an entry by id, then by the skill's name, then as one of a skill's phrases
/// (`docker` is a phrase of `containers`), each ignoring case, spaces and underscores as `-`.
fn resolve(entry: &str, rules: &RuleSet) -> Resolved {
    let key = entry.trim().to_lowercase();
    let as_id = key.replace([' ', '_'], "-");
    if let Some(index) = rules.skills.iter().position(|s| s.id == as_id) {
        return Resolved::Skill(index);
    }
    if let Some(index) = rules
        .skills
        .iter()
        .position(|s| s.name.to_lowercase() == key)
    {
        return Resolved::Skill(index);
    }
    let by_phrase: Vec<usize> = rules
        .skills
        .iter()
        .enumerate()
        .filter(|(_, s)| s.phrases.iter().any(|p| p.text.to_lowercase() == key))
        .map(|(i, _)| i)
        .collect();
    match by_phrase.as_slice() {
        [] => Resolved::Unknown,
        [one] => Resolved::Skill(*one),
        _ => Resolved::Several(by_phrase),
    }
}

/// The skill ids nearest to an unknown entry: by edit distance to the id, the name or a phrase
/// (`dockr` is near `docker`, a phrase of `containers`), at most three, nearest first.
fn nearest(entry: &str, rules: &RuleSet) -> Vec<String> {
    let key = entry.trim().to_lowercase();
    let mut scored: Vec<(f64, &str)> = rules
        .skills
        .iter()
        .map(|s| {
            let by_id = strsim::normalized_levenshtein(&key, &s.id);
            let by_name = strsim::normalized_levenshtein(&key, &s.name.to_lowercase());
            let by_phrase = s
                .phrases
                .iter()
                .map(|p| strsim::normalized_levenshtein(&key, &p.text.to_lowercase()))
                .fold(0.0, f64::max);
            let contains = s.id.contains(&key) || s.name.to_lowercase().contains(&key);
            let score = by_id
                .max(by_name)
                .max(by_phrase)
                .max(if contains { 0.6 } else { 0.0 });
            (score, s.id.as_str())
        })
        .filter(|(score, _)| *score >= 0.55)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    // Only the clear favourites: within 0.1 of the nearest.
    let best = scored.first().map_or(0.0, |(score, _)| *score);
    scored
        .into_iter()
        .filter(|(score, _)| *score >= best - 0.1)
        .take(3)
        .map(|(_, id)| id.to_owned())
        .collect()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileFile {
    skills: Vec<String>,
    #[serde(default)]
    technologies: Vec<String>,
    #[serde(default)]
    experience_years: Option<f64>,
    #[serde(default)]
    years: std::collections::BTreeMap<String, f64>,
    #[serde(default)]
    roles: Vec<String>,
    #[serde(default)]
    in_passing: Vec<String>,
    #[serde(default)]
    technical: Option<bool>,
}

/// Resolves a technology entry by id, display name or term, ignoring case.
fn resolve_technology(entry: &str, technologies: &Technologies) -> Option<usize> {
    let key = entry.trim().to_lowercase();
    technologies
        .all()
        .iter()
        .position(|t| t.id == key || t.name.to_lowercase() == key)
        .or_else(|| {
            technologies
                .find_in(entry.trim())
                .first()
                .filter(|(_, start, end)| *start == 0 && *end == entry.trim().len())
                .map(|(t, ..)| *t)
        })
}

/// The technology ids nearest to an unknown entry (edit distance), at most three.
fn nearest_technologies(entry: &str, technologies: &Technologies) -> Vec<String> {
    let key = entry.trim().to_lowercase();
    let mut scored: Vec<(f64, &str)> = technologies
        .all()
        .iter()
        .map(|t| {
            let score = strsim::normalized_levenshtein(&key, &t.id)
                .max(strsim::normalized_levenshtein(&key, &t.name.to_lowercase()));
            (score, t.id.as_str())
        })
        .filter(|(score, _)| *score >= 0.6)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored
        .into_iter()
        .take(3)
        .map(|(_, id)| id.to_owned())
        .collect()
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
        if parsed
            .skills
            .iter()
            .chain(&parsed.technologies)
            .all(|s| s.trim().is_empty())
        {
            return Err(ProfileError::Empty {
                file: file.to_owned(),
            });
        }
        let mut has = vec![false; rules.skills.len()];
        let mut unknown = Vec::new();
        for entry in parsed.skills.iter().filter(|s| !s.trim().is_empty()) {
            match resolve(entry, rules) {
                Resolved::Skill(index) => {
                    if let Some(has) = has.get_mut(index) {
                        *has = true;
                    }
                }
                Resolved::Several(skills) => {
                    return Err(ProfileError::Ambiguous {
                        file: file.to_owned(),
                        entry: entry.clone(),
                        skills: skills
                            .iter()
                            .filter_map(|&s| rules.skill(s).map(|s| s.id.clone()))
                            .collect(),
                    });
                }
                Resolved::Unknown => unknown.push((entry.clone(), nearest(entry, rules))),
            }
        }
        let vocabulary = Technologies::builtin();
        let mut technologies = Vec::new();
        for entry in parsed.technologies.iter().filter(|s| !s.trim().is_empty()) {
            match resolve_technology(entry, vocabulary) {
                Some(index) => technologies.push(index),
                None => unknown.push((entry.clone(), nearest_technologies(entry, vocabulary))),
            }
        }
        technologies.sort_unstable();
        technologies.dedup();
        let mut technologies_in_passing = Vec::new();
        for entry in parsed.in_passing.iter().filter(|s| !s.trim().is_empty()) {
            match resolve_technology(entry, vocabulary) {
                Some(index) => technologies_in_passing.push(index),
                None => unknown.push((entry.clone(), nearest_technologies(entry, vocabulary))),
            }
        }
        technologies_in_passing.sort_unstable();
        technologies_in_passing.dedup();
        let mut skill_years = Vec::new();
        let mut technology_years = Vec::new();
        for (entry, &years) in &parsed.years {
            if let Resolved::Skill(index) = resolve(entry, rules) {
                skill_years.push((index, years));
            } else if let Some(index) = resolve_technology(entry, vocabulary) {
                technology_years.push((index, years));
            } else {
                unknown.push((entry.clone(), nearest(entry, rules)));
            }
        }
        if !unknown.is_empty() {
            return Err(ProfileError::UnknownSkills {
                file: file.to_owned(),
                entries: unknown,
            });
        }
        Ok(CandidateProfile {
            has,
            technologies,
            covered_technologies: vocabulary.covered_by(rules),
            experience_years: parsed.experience_years,
            roles: parsed
                .roles
                .iter()
                .map(|r| {
                    let r = crate::candidate::role::normalize(r);
                    crate::candidate::role::canonical(r.trim()).to_owned()
                })
                .filter(|r| !r.is_empty())
                .collect(),
            skill_years,
            technology_years,
            technologies_in_passing,
            technical: parsed.technical,
        })
    }

    /// A profile with the given skills (indices into the rule set's skills of `len` skills).
    pub fn from_indices(len: usize, skills: &[usize]) -> CandidateProfile {
        let mut has = vec![false; len];
        for &s in skills {
            if let Some(slot) = has.get_mut(s) {
                *slot = true;
            }
        }
        CandidateProfile {
            has,
            ..CandidateProfile::default()
        }
    }

    /// The profile a résumé shows: its skills, technologies and years.
    pub fn from_resume(rules: &RuleSet, resume: &Resume) -> CandidateProfile {
        let skills: Vec<usize> = resume.skills.iter().map(|f| f.index).collect();
        let len = rules.skills.len();
        CandidateProfile {
            covered_technologies: Technologies::builtin().covered_by(rules),
            technologies: resume.technologies.iter().map(|f| f.index).collect(),
            technologies_in_passing: resume
                .technologies
                .iter()
                .filter(|f| f.in_passing)
                .map(|f| f.index)
                .collect(),
            experience_years: resume.experience_years,
            roles: resume.roles.iter().map(|r| (*r).to_owned()).collect(),
            technical: resume.technical,
            skill_years: years_of(&resume.skills),
            technology_years: years_of(&resume.technologies),
            ..CandidateProfile::from_indices(len, &skills)
        }
    }

    /// Whether the skill map covers the technology at this index (`Rust`, `Docker`): a posting
    /// naming it asks for a skill, already counted.
    pub fn covered_by_map(&self, technology: usize) -> bool {
        self.covered_technologies
            .get(technology)
            .copied()
            .unwrap_or(false)
    }

    /// Whether the candidate has the technology at this index of [`Technologies::all`].
    pub fn has_technology(&self, technology: usize) -> bool {
        self.technologies.binary_search(&technology).is_ok()
    }

    /// Whether the résumé names the technology at this index only in passing.
    pub fn has_in_passing(&self, technology: usize) -> bool {
        self.technologies_in_passing
            .binary_search(&technology)
            .is_ok()
    }

    /// The indices of the candidate's technologies beyond the skill map, sorted.
    pub fn technologies(&self) -> &[usize] {
        &self.technologies
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

fn years_of(found: &[Found]) -> Vec<(usize, f64)> {
    found
        .iter()
        .filter_map(|f| f.years.map(|y| (f.index, y)))
        .collect()
}

/// A profile as editable TOML: the skills and technologies a résumé shows, each with its
/// evidence as a comment, the years of work and of each skill where the résumé says so.
/// [`CandidateProfile::parse`] reads it back.
pub fn to_toml(
    source: &str,
    resume: &Resume,
    rules: &RuleSet,
    technologies: &Technologies,
) -> String {
    use std::fmt::Write as _;
    // A TOML comment holds no control character but tab: line breaks become spaces, and the
    // others (a plain-text résumé's terminal colour codes, ESC) are dropped.
    let comment = |text: &str| -> String {
        text.chars()
            .map(|c| if matches!(c, '\n' | '\r') { ' ' } else { c })
            .filter(|&c| c == '\t' || !c.is_control())
            .collect()
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Candidate profile found in {} by jobfit.",
        comment(source)
    );
    let _ = writeln!(
        out,
        "# Edit freely: remove what is wrong, add what is missing; use it with --profile."
    );
    out.push_str("skills = [\n");
    for found in &resume.skills {
        if let Some(skill) = rules.skill(found.index) {
            let _ = writeln!(
                out,
                "    {:<24} # {}",
                format!("{:?},", skill.id),
                comment(&found.evidence)
            );
        }
    }
    out.push_str("]\n");
    out.push_str("technologies = [\n");
    for found in &resume.technologies {
        if let Some(technology) = technologies.get(found.index) {
            let _ = writeln!(
                out,
                "    {:<24} # {}",
                format!("{:?},", technology.id),
                comment(&found.evidence)
            );
        }
    }
    out.push_str("]\n");
    let passing: Vec<String> = resume
        .technologies
        .iter()
        .filter(|f| f.in_passing)
        .filter_map(|f| Some(format!("{:?}", technologies.get(f.index)?.id)))
        .collect();
    if !passing.is_empty() {
        let _ = writeln!(
            out,
            "# Technologies named once in passing, in a sentence: they count for less.\nin_passing = [{}]",
            passing.join(", ")
        );
    }
    if !resume.roles.is_empty() {
        let roles: Vec<String> = resume.roles.iter().map(|r| format!("{r:?}")).collect();
        let _ = writeln!(
            out,
            "# The professions and fields the résumé names, matched against job titles.\nroles = [{}]",
            roles.join(", ")
        );
    }
    if let Some(technical) = resume.technical {
        let _ = writeln!(
            out,
            "# The latest title and most dated years are outside software, IT and data work.\ntechnical = {technical}"
        );
    }
    if let Some(years) = resume.experience_years {
        let _ = writeln!(out, "experience_years = {years:?}");
    }
    let skill_years = resume
        .skills
        .iter()
        .filter_map(|f| Some((rules.skill(f.index)?.id.as_str(), f.years?)));
    let technology_years = resume
        .technologies
        .iter()
        .filter_map(|f| Some((technologies.get(f.index)?.id.as_str(), f.years?)));
    let years: Vec<(&str, f64)> = skill_years.chain(technology_years).collect();
    if !years.is_empty() {
        out.push_str("\n# Years of each, where the résumé says so (stated, or dated entries naming it).\n[years]\n");
        for (id, years) in years {
            let key = if id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            {
                id.to_owned()
            } else {
                format!("{id:?}")
            };
            let _ = writeln!(out, "{key} = {years:?}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]

    use super::*;

    fn rules() -> RuleSet {
        RuleSet::default_rules().unwrap()
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
        assert!(
            matches!(&err, ProfileError::UnknownSkills { entries, .. } if entries[0].0 == "cobol")
        );
        let message = err.to_string();
        assert!(
            message.contains("me.toml") && message.contains("\"cobol\""),
            "{message}"
        );
    }

    #[test]
    fn names_phrases_and_case_are_accepted_and_every_unknown_entry_is_named() {
        let rules = rules();
        let profile = CandidateProfile::parse(
            "me.toml",
            r#"skills = ["Rust", "docker", "Memory safety and memory management", "CI CD", "git"]"#,
            &rules,
        )
        .unwrap();
        let ids: Vec<&str> = profile
            .skills()
            .map(|s| rules.skills[s].id.as_str())
            .collect();
        assert!(ids.contains(&"rust") && ids.contains(&"containers"));
        assert!(ids.contains(&"memory-safety") && ids.contains(&"git"));
        let err = CandidateProfile::parse(
            "me.toml",
            r#"skills = ["rust", "dockr", "rustt", "zzzz"]"#,
            &rules,
        )
        .unwrap_err();
        let message = err.to_string();
        assert!(
            message.contains("\"dockr\" (did you mean containers"),
            "{message}"
        );
        assert!(
            message.contains("\"rustt\" (did you mean rust"),
            "{message}"
        );
        assert!(message.contains("\"zzzz\""), "{message}");
        let empty = CandidateProfile::parse("me.toml", "skills = []", &rules).unwrap_err();
        assert!(matches!(empty, ProfileError::Empty { .. }));
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
}
