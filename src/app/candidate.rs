//! The candidate's side of the commands: `--profile` and `--resume`, and `jobfit profile`.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

use crate::candidate::{self, CandidateProfile, ResumeFormat, Technologies};
use crate::cli::ProfileArgs;
use crate::matcher::Matcher;
use crate::rules::RuleSet;

use super::Exit;

/// The current month `(year, month)` in UTC: what "present" means in a résumé's dates.
fn this_month() -> (i32, u32) {
    let date = jiff::tz::TimeZone::UTC
        .to_datetime(jiff::Timestamp::now())
        .date();
    (
        i32::from(date.year()),
        u32::try_from(date.month()).unwrap_or(1),
    )
}

/// Reads a résumé file into what it shows.
fn read_resume(path: &Path, matcher: &Matcher) -> Result<candidate::Resume> {
    let bytes = crate::input::read(path).with_context(|| path.display().to_string())?;
    let format = ResumeFormat::detect(path, &bytes);
    candidate::resume::read(
        matcher,
        Technologies::builtin(),
        &bytes,
        format,
        this_month(),
    )
    .with_context(|| path.display().to_string())
}

/// The candidate profile of `--profile FILE` or `--resume FILE`, if either is given.
pub(crate) fn load(
    profile: Option<&Path>,
    resume: Option<&Path>,
    rules: &RuleSet,
) -> Result<Option<CandidateProfile>> {
    if let Some(path) = profile {
        return Ok(Some(CandidateProfile::load(path, rules)?));
    }
    let Some(path) = resume else {
        return Ok(None);
    };
    let matcher = Matcher::new(rules.clone())?;
    let resume = read_resume(path, &matcher)?;
    Ok(Some(CandidateProfile::from_resume(rules, &resume)))
}

/// `jobfit profile RESUME`: the profile a résumé shows, as editable TOML.
pub fn profile(args: &ProfileArgs, stdout: &mut dyn Write) -> Result<Exit> {
    let rules = RuleSet::load(&args.rules)?;
    let matcher = Matcher::new(rules)?;
    let resume = read_resume(&args.resume, &matcher)?;
    let text = candidate::profile::to_toml(
        &args.resume.display().to_string(),
        &resume,
        matcher.rules(),
        Technologies::builtin(),
    );
    stdout.write_all(text.as_bytes())?;
    Ok(Exit::Success)
}
