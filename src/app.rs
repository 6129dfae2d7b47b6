//! The orchestrator: wires inputs, the pure stages, progress and output files for each command.
//!
//! The only place besides `main` that uses anyhow: errors from the typed stages get the context
//! of the command. A failing posting is never an error here; it is a row, and the run ends with
//! [`Exit::SomeFailed`]. The outputs of `score` (tables, JSON lines, HTML report, candidate fit,
//! atomic files) are wired in the submodule `outputs`.

use std::io::{self, BufRead, BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::analysis::{self, Outcome};
use crate::cli::{ColorChoice, ExplainArgs, RulesCommand, ScoreArgs, SortKey};
use crate::input;
use crate::matcher::Matcher;
use crate::profile::CandidateProfile;
use crate::report::{self, ExplainOptions};
use crate::rules::RuleSet;

mod outputs;

use outputs::ScoreOutputs;

/// How a run ended, when it ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Every input was scored.
    Success,
    /// Some inputs failed; their rows say why.
    SomeFailed,
    /// No posting reached `--fail-under` (every output was still written).
    BelowThreshold,
}

/// Inputs analysed in parallel before their rows are written: bounds memory for any number of
/// inputs while keeping every core busy.
const CHUNK: usize = 256;

/// Loads the rule files (the built-in map when none) and compiles them.
pub fn load_matcher(paths: &[PathBuf]) -> Result<Matcher> {
    let rules = RuleSet::load(paths)?;
    Ok(Matcher::new(rules)?)
}

/// `jobfit score`.
pub fn score(args: &ScoreArgs, stdin: &mut dyn BufRead, stdout: &mut dyn Write) -> Result<Exit> {
    let matcher = load_matcher(&args.rules)?;
    let rules = matcher.rules();
    let profile = args
        .profile
        .as_deref()
        .map(|path| CandidateProfile::load(path, rules))
        .transpose()?;
    if args.sort == Some(SortKey::Fit) && profile.is_none() {
        bail!("--sort fit needs a candidate profile (--profile FILE)");
    }
    let inputs = input::collect(&args.inputs, stdin).context("cannot read inputs from stdin")?;
    if inputs.is_empty() {
        bail!(
            "no postings found in {} (looked for .html, .htm, .md, .markdown, .txt)",
            args.inputs.join(", ")
        );
    }
    let pool = match args.jobs {
        Some(jobs) => rayon::ThreadPoolBuilder::new().num_threads(jobs.get()),
        None => rayon::ThreadPoolBuilder::new(),
    }
    .build()
    .context("cannot start worker threads")?;

    // Open every output before reading a posting: a bad path fails the run with nothing written.
    let mut outputs = ScoreOutputs::open(args, rules, profile, stdout)?;

    let progress = progress_bar(inputs.len(), !args.no_progress);
    let mut failed = 0usize;
    for chunk in inputs.chunks(CHUNK) {
        let outcomes: Vec<Outcome> = pool.install(|| {
            chunk
                .par_iter()
                .map(|input| analysis::analyze(&matcher, input))
                .collect()
        });
        for outcome in outcomes {
            if outcome.result.is_err() {
                failed += 1;
            }
            outputs.add(outcome)?;
            progress.inc(1);
        }
        progress.set_message(format!("{failed} failed"));
    }
    progress.finish_and_clear();
    let best = outputs.finish()?;
    if let Some(threshold) = args.fail_under {
        if !best.is_some_and(|best| best >= threshold) {
            return Ok(Exit::BelowThreshold);
        }
    }
    Ok(if failed == 0 {
        Exit::Success
    } else {
        Exit::SomeFailed
    })
}

/// `jobfit explain`.
///
/// A posting that cannot be read is reported on `stderr` and ends with [`Exit::SomeFailed`].
pub fn explain(
    args: &ExplainArgs,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    is_terminal: bool,
) -> Result<Exit> {
    let matcher = load_matcher(&args.rules)?;
    let source = args.input.display().to_string();
    let inputs = input::collect(std::slice::from_ref(&source), &mut io::empty())?;
    let Some(first) = inputs.first() else {
        bail!("{source}: no posting found (looked for .html, .htm, .md, .markdown, .txt)");
    };
    if inputs.len() > 1 {
        bail!("{source}: explain takes one posting, not a directory");
    }
    let analysed = first.target.clone().and_then(|(path, format)| {
        input::read(&path).and_then(|bytes| analysis::analyze_bytes(&matcher, &bytes, format))
    });
    let (posting, matches, score) = match analysed {
        Ok(done) => done,
        Err(e) => {
            writeln!(stderr, "jobfit: {source}: {e}")?;
            return Ok(Exit::SomeFailed);
        }
    };
    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => is_terminal,
    };
    let mut out = BufWriter::new(stdout);
    report::write_explain(
        &mut out,
        &source,
        matcher.rules(),
        &posting,
        &matches,
        &score,
        ExplainOptions { color },
    )?;
    out.flush()?;
    Ok(Exit::Success)
}

/// `jobfit rules list` and `jobfit rules check`.
pub fn rules(command: &RulesCommand, stdout: &mut dyn Write) -> Result<Exit> {
    match command {
        RulesCommand::List { rules } => {
            report::write_rules(stdout, &RuleSet::load(rules)?)?;
        }
        RulesCommand::Check { files } => {
            let matcher = load_matcher(files)?;
            let rules = matcher.rules();
            let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
            writeln!(
                stdout,
                "{}: ok, {} skills in {} categories",
                names.join(", "),
                rules.skills.len(),
                rules.categories.len()
            )?;
        }
    }
    Ok(Exit::Success)
}

fn progress_bar(total: usize, wanted: bool) -> ProgressBar {
    if !wanted || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{bar:40} {pos}/{len} postings, {msg}, {per_sec} [{elapsed_precise}]",
    ) {
        bar.set_style(style);
    }
    bar.set_message("0 failed");
    bar
}
