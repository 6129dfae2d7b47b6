//! The fit part of `jobfit explain --profile/--resume`: what matches, what is missing
//! (required first), and how the number comes about.

use std::io::{self, Write};

use crate::candidate::fit::{FitModel, experience_gap, skill_weight};
use crate::candidate::{CandidateProfile, Fit, Technologies};
use crate::matcher::Level;
use crate::rules::RuleSet;

/// Writes the fit of one posting to a candidate as text.
pub fn write_fit(
    out: &mut dyn Write,
    rules: &RuleSet,
    profile: &CandidateProfile,
    experience_years: Option<u32>,
    fit: &Fit,
) -> io::Result<()> {
    let technologies = Technologies::builtin();
    let skill = |i: &usize| rules.skill(*i).map_or("?", |s| s.id.as_str());
    let technology = |i: &usize| technologies.get(*i).map_or("?", |t| t.name.as_str());
    let join = |items: Vec<&str>| {
        if items.is_empty() {
            "-".to_owned()
        } else {
            items.join(", ")
        }
    };
    writeln!(out)?;
    writeln!(out, "fit: {:.1}", fit.fit)?;
    writeln!(
        out,
        "  matching skills: {}",
        join(fit.matched.iter().map(skill).collect())
    )?;
    writeln!(
        out,
        "  matching technologies: {}",
        join(fit.technologies_matched.iter().map(technology).collect())
    )?;
    writeln!(
        out,
        "  role words of the title you have: {}; you lack: {}",
        join(fit.roles_matched.clone()),
        join(fit.roles_missing.clone())
    )?;
    let missing_technologies = |level: Level| -> Vec<&str> {
        fit.technologies_missing
            .iter()
            .filter(|(_, l)| *l == level)
            .map(|(t, _)| technology(t))
            .collect()
    };
    for (label, skills, level) in [
        ("missing, required", &fit.missing_required, Level::Required),
        (
            "missing, preferred",
            &fit.missing_preferred,
            Level::Preferred,
        ),
        (
            "missing, mentioned",
            &fit.missing_mentioned,
            Level::Mentioned,
        ),
    ] {
        let mut items: Vec<&str> = skills.iter().map(skill).collect();
        items.extend(missing_technologies(level));
        writeln!(out, "  {label}: {}", join(items))?;
    }
    let model = FitModel::default();
    writeln!(
        out,
        "  how: demands weigh skill weight x category weight (technologies {}, title role words {}), x1 required, x{} preferred, x{} mentioned, x{} named in the title;",
        model.technology_weight,
        model.role_weight,
        model.preferred,
        model.mentioned,
        model.title_factor
    )?;
    writeln!(
        out,
        "       a technology you lack offered as an alternative to one you have x{}, one your résumé names only in passing counts x{}, a title's field related to yours x{}, its profession in your words (developer, engineer) x{};",
        model.alternative, model.in_passing, model.related_role, model.same_trade
    )?;
    let share =
        (fit.had + model.prior_weight * model.prior_share) / (fit.asked + model.prior_weight);
    writeln!(
        out,
        "       share = (had {:.1} + {} x {}) / (asked {:.1} + {}) = {:.3};",
        fit.had, model.prior_weight, model.prior_share, fit.asked, model.prior_weight, share
    )?;
    if fit.fit >= 10.0 {
        writeln!(
            out,
            "       fit = 10 + 90 x share (asks for enough of your technical skills, or you list few)"
        )?;
    } else if fit.other_profession {
        writeln!(
            out,
            "       fit = 10 x share (its title names another profession than yours)"
        )?;
    } else {
        writeln!(
            out,
            "       fit = 10 x share (asks for none of your technical skills)"
        )?;
    }
    let heaviest = fit
        .missing_required
        .iter()
        .max_by(|a, b| skill_weight(rules, **a).total_cmp(&skill_weight(rules, **b)));
    if let Some(heaviest) = heaviest {
        writeln!(out, "  heaviest gap: {}", skill(heaviest))?;
    }
    match (experience_years, profile.experience_years) {
        (Some(asked), Some(has)) => writeln!(
            out,
            "experience: asks {asked} years, you have {has}; short by {}",
            experience_gap(profile, Some(asked)).unwrap_or(0.0)
        )?,
        (Some(asked), None) => writeln!(out, "experience: asks {asked} years")?,
        _ => {}
    }
    Ok(())
}
