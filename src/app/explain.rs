//! The `explain` command's text: why each skill matched in one posting, for a person. It sits
//! with the command rather than among the reports because it reads the extracted posting
//! itself (its blocks, sections and where each field came from), which the table and HTML
//! reports never need.

use std::io::{self, Write};

use crate::extract::Posting;
use crate::matcher::{self, Matches, SkillHit, Verdict};
use crate::rules::RuleSet;
use crate::score::CoverageScore;

use crate::report::{amount, one_decimal};

use super::*;

/// Fetches the one posting a URL stands for (for `explain`).
fn fetch_posting(args: &FetchArgs, url: &url::Url) -> Result<Result<Posting, InputError>> {
    let fetcher = Fetcher::new(fetch_options(args)?)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    Ok(runtime.block_on(async {
        let Some(board) = Board::recognise(url) else {
            let response = fetcher.get(url).await?;
            return analysis::posting_of_response(url.as_str(), &response);
        };
        if board.job.is_none() && board.kind.answers_one_posting() {
            let board = board.kind.name();
            return Err(BoardError::Listing { board }.into());
        }
        let answer = boards::fetch_board(&fetcher, &board_apis(args), &board).await?;
        Ok(boards::choose_one(&board, &answer.postings)?.to_posting()?)
    }))
}

/// `jobfit explain`.
///
/// A posting that cannot be read is reported on `stderr` and ends with [`Exit::SomeFailed`].
pub fn explain(
    args: &ExplainArgs,
    stdin: &mut dyn BufRead,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    is_terminal: bool,
) -> Result<Exit> {
    let matcher = load_matcher(&args.rules)?;
    install_sites(&args.sites)?;
    let source = args.input.clone();
    // `-`: the posting itself on stdin, as pasted from a browser.
    let inputs = if source == "-" {
        vec![input::pasted(stdin)]
    } else {
        input::collect(std::slice::from_ref(&source), &[], &mut io::empty())?
    };
    let Some(first) = inputs.first() else {
        bail!(
            "{source}: no posting found (looked for .html, .htm, .mhtml, .mht, .md, .markdown, .txt, .json, .jsonl, .ndjson)"
        );
    };
    if inputs.len() > 1 {
        bail!("{source}: explain takes one posting, not a directory");
    }
    let analysed = match first.target.clone() {
        Ok(Target::File(path, format)) => {
            input::read(&path).and_then(|bytes| analysis::analyze_bytes(&matcher, &bytes, format))
        }
        Ok(Target::Url(url)) => fetch_posting(&args.fetch, &url)?
            .map(|posting| analysis::analyze_posting(&matcher, posting)),
        Ok(Target::Inline(format, text)) => {
            analysis::analyze_bytes(&matcher, text.as_bytes(), format)
        }
        Err(e) => Err(e),
    };
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
    write_explain(
        &mut out,
        &source,
        matcher.rules(),
        &posting,
        &matches,
        &score,
        ExplainOptions { color },
    )?;
    if let Some(profile) = candidate::load(
        args.profile.as_deref(),
        args.resume.as_deref(),
        matcher.rules(),
    )? {
        let technologies = crate::candidate::Technologies::builtin().in_posting(&posting);
        let fit = crate::candidate::fit(
            matcher.rules(),
            &profile,
            crate::candidate::role::headline(&posting).as_deref(),
            &matches.skills,
            &technologies,
        );
        report::write_fit(
            &mut out,
            matcher.rules(),
            &profile,
            posting.meta.experience_years,
            &fit,
        )?;
    }
    out.flush()?;
    Ok(Exit::Success)
}

/// How to render the explanation.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExplainOptions {
    /// Highlight hits with ANSI colours (for a terminal).
    pub color: bool,
}

/// Writes the explanation of one posting: metadata, sections, matched skills with level and
/// evidence, hits that did not count and why, and the skills of each category not asked for.
pub fn write_explain<W: Write>(
    out: &mut W,
    source: &str,
    rules: &RuleSet,
    posting: &Posting,
    matches: &Matches,
    score: &CoverageScore,
    options: ExplainOptions,
) -> io::Result<()> {
    let style = Style::new(options.color);
    writeln!(out, "{}", style.bold(source))?;
    let meta = &posting.meta;
    let from = |rule: &Option<String>| {
        rule.as_deref()
            .map_or(String::new(), |rule| style.dim(&format!("  (from {rule})")))
    };
    writeln!(
        out,
        "  title: {}{}",
        meta.title.as_deref().unwrap_or("-"),
        from(&meta.sources.title)
    )?;
    writeln!(
        out,
        "  company: {}{}",
        meta.company.as_deref().unwrap_or("-"),
        from(&meta.sources.company)
    )?;
    writeln!(out, "  words: {}", posting.words)?;
    let money = |v: Option<f64>| v.map(amount).unwrap_or_default();
    let fields = [
        (
            "location",
            meta.location
                .as_ref()
                .map(|place| format!("{place}{}", from(&meta.sources.location))),
        ),
        ("remote", meta.remote.map(|r| r.as_str().to_owned())),
        ("employment type", meta.employment_type.clone()),
        ("posted", meta.date_posted.clone()),
        ("valid through", meta.valid_through.clone()),
        (
            "salary",
            (meta.salary_min.is_some() || meta.salary_max.is_some()).then(|| {
                format!(
                    "{}-{} {} {}",
                    money(meta.salary_min),
                    money(meta.salary_max),
                    meta.salary_currency.as_deref().unwrap_or("?"),
                    meta.salary_period
                        .as_deref()
                        .map_or(String::new(), |p| format!("per {p}"))
                )
                .trim()
                .to_owned()
            }),
        ),
        (
            "experience",
            meta.experience_years.map(|y| format!("{y}+ years")),
        ),
        ("seniority", meta.seniority.map(|s| s.as_str().to_owned())),
        ("language", meta.language.clone()),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            writeln!(out, "  {name}: {value}")?;
        }
    }
    for warning in &posting.warnings {
        writeln!(out, "  warning: {warning}")?;
    }
    let per_category: Vec<String> = rules
        .categories
        .iter()
        .zip(&score.categories)
        .map(|(c, s)| format!("{} {}", c.id, one_decimal(*s)))
        .collect();
    writeln!(
        out,
        "  score: {} ({})",
        one_decimal(score.overall),
        per_category.join(", ")
    )?;

    writeln!(out, "\n{}", style.bold("Sections"))?;
    for section in &posting.sections {
        let counted = if section.kind.counts() {
            ""
        } else {
            " (not counted)"
        };
        writeln!(
            out,
            "  {:<17} {}{}",
            section.kind.as_str(),
            section.heading.as_deref().unwrap_or("(no heading)"),
            counted
        )?;
    }

    writeln!(
        out,
        "\n{} ({} of {})",
        style.bold("Skills asked for"),
        matches.skills.len(),
        rules.skills.len()
    )?;
    for m in &matches.skills {
        let Some(skill) = rules.skill(m.skill) else {
            continue;
        };
        writeln!(
            out,
            "  {:<28} {:<9} x{:<3} {}",
            skill.id,
            m.level.as_str(),
            m.count,
            rules.category_id(skill)
        )?;
        for hit in matches.hits.iter().filter(|h| h.skill == m.skill) {
            if let Verdict::Counted(level) = hit.verdict {
                writeln!(
                    out,
                    "      line {:<4} {:<9} {}",
                    hit.block + 1,
                    level.as_str(),
                    highlighted(posting, hit, &style)
                )?;
            }
        }
    }

    let ignored: Vec<&SkillHit> = matches
        .hits
        .iter()
        .filter(|h| !matches!(h.verdict, Verdict::Counted(_)))
        .collect();
    // The same span of one skill found twice (by a phrase and a pattern) is one hit.
    let mut seen = std::collections::HashSet::new();
    let ignored: Vec<&SkillHit> = ignored
        .into_iter()
        .filter(|h| seen.insert((h.skill, h.start, h.end)))
        .collect();
    if !ignored.is_empty() {
        writeln!(
            out,
            "\n{} ({})",
            style.bold("Hits not counted"),
            ignored.len()
        )?;
        for hit in ignored {
            let why = match &hit.verdict {
                Verdict::Boilerplate(kind) => format!("in {} section", kind.as_str()),
                Verdict::Excluded(by) => format!("excluded by {by:?}"),
                Verdict::Uncorroborated => "weak phrase without context".to_owned(),
                Verdict::Counted(_) => String::new(),
            };
            writeln!(
                out,
                "  {:<28} line {:<4} {}: {}",
                rules.skill(hit.skill).map_or("", |s| s.id.as_str()),
                hit.block + 1,
                why,
                highlighted(posting, hit, &style)
            )?;
        }
    }

    writeln!(out, "\n{}", style.bold("Not asked for"))?;
    for (index, category) in rules.categories.iter().enumerate() {
        let missing: Vec<&str> = rules
            .skills_of(index)
            .filter(|s| !matches.skills.iter().any(|m| m.skill == *s))
            .filter_map(|s| rules.skill(s).map(|s| s.id.as_str()))
            .collect();
        let list = if missing.is_empty() {
            "-".to_owned()
        } else {
            missing.join(", ")
        };
        writeln!(out, "  {:<14} {}", category.id, list)?;
    }
    Ok(())
}

/// The hit's evidence with the hit itself marked: colour on a terminal, `[...]` otherwise.
fn highlighted(posting: &Posting, hit: &SkillHit, style: &Style) -> String {
    // The hit's own occurrence: a sentence may hold the same word twice.
    let (evidence, at) = matcher::evidence_with_hit(posting, hit);
    match at.and_then(|at| {
        Some((
            evidence.get(..at.start)?,
            evidence.get(at.clone())?,
            evidence.get(at.end..)?,
        ))
    }) {
        Some((before, word, after)) => format!("{before}{}{after}", style.mark(word)),
        None => evidence,
    }
}

struct Style {
    color: bool,
}

impl Style {
    fn new(color: bool) -> Self {
        Style { color }
    }

    fn bold(&self, text: &str) -> String {
        if self.color {
            format!("\x1b[1m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    fn dim(&self, text: &str) -> String {
        if self.color {
            format!("\x1b[2m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    fn mark(&self, text: &str) -> String {
        if self.color {
            format!("\x1b[1;33m{text}\x1b[0m")
        } else {
            format!("[{text}]")
        }
    }
}
