//! The HTML report: one self-contained page to look at a run at a glance.
//!
//! Everything is inline (CSS, a small vanilla script, SVG charts drawn here in Rust), and the
//! page refers to no other host: it works offline and as an e-mail attachment. The only links
//! out are the links to each posting's source.
//!
//! - A header with the run's figures (postings, ok / failed, mean score, mean fit).
//! - Skill demand: per category, one bar per skill, split into postings that require, prefer
//!   or mention it; each bar has a `<title>`, and a table gives the same numbers as text.
//! - A heatmap of the best postings (by fit with a profile, else by score) x categories.
//! - The postings table, rendered by the script from a JSON blob: sort by any column (click a
//!   header), filter by text, 100 rows per page, and per posting its matched skills with level
//!   and evidence. The state lives in the URL fragment (`#sort=score&dir=desc&q=rust&page=2`),
//!   so a view can be linked; `#selftest` makes the script check its own sorting, filtering and
//!   paging through real clicks and record the result in `<html data-selftest>`.
//!
//! Every string that comes from a posting is escaped: HTML-escaped in markup, and `<` written
//! as `\u003c` in the JSON blob, so no text can close the `<script>` element that holds it.
//! The script itself only ever sets `textContent`, never `innerHTML`.

use std::io::{self, Write};

use crate::candidate::Fit;

use crate::row::Outcome;
use crate::rules::RuleSet;

use super::one_decimal;
use super::tally::Tally;

mod analyst;
mod data;

/// The tallies the report draws its demand figures from: the same as the summary's.
#[derive(Debug, Clone, Copy)]
pub struct Tallies<'a> {
    /// Skill demand overall, by the `--by` groups, and skill pairs.
    pub demand: &'a Tally,
    /// Skill demand by month of `date_posted`.
    pub months: &'a Tally,
}

const CSS: &str = include_str!("report.css");
const SCRIPT: &str = include_str!("report.js");

/// Rows per page of the postings table, unless the URL fragment says `size=N`.
pub const PAGE_SIZE: usize = 100;

/// What the report shows besides the rows.
#[derive(Debug, Clone)]
pub struct HtmlOptions {
    /// The page title.
    pub title: String,
    /// The candidate's skill ids, when a profile is given: the report then shows fit first.
    pub profile: Option<Vec<String>>,
    /// How many postings the heatmap shows at most.
    pub heatmap_rows: usize,
}

impl Default for HtmlOptions {
    fn default() -> Self {
        HtmlOptions {
            title: "jobfit report".to_owned(),
            profile: None,
            heatmap_rows: 50,
        }
    }
}

/// One posting of the report.
#[derive(Debug, Clone, Copy)]
pub struct ReportRow<'a> {
    /// The posting's outcome.
    pub outcome: &'a Outcome,
    /// Its fit, when a profile is given.
    pub fit: Option<&'a Fit>,
    /// Where the title links to: the source URL, or a relative or `file:` link to the file.
    pub link: &'a str,
}

/// Writes the report of `rows` (in the order given: the table's "#" column).
pub fn write_html<W: Write>(
    out: &mut W,
    rules: &RuleSet,
    rows: &[ReportRow<'_>],
    tallies: Tallies<'_>,
    options: &HtmlOptions,
) -> io::Result<()> {
    let has_fit = options.profile.is_some();
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"jobfit {}\">\n<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        esc(&options.title)
    )?;
    write_header(out, rules, rows, options)?;
    write_demand(out, rules, rows, tallies.demand)?;
    analyst::write_groups(out, rules, tallies.demand)?;
    analyst::write_pairs(out, rules, tallies.demand)?;
    analyst::write_months(out, rules, tallies.months)?;
    write_heatmap(out, rules, rows, options)?;
    write_table_shell(out, rules, has_fit)?;
    write!(
        out,
        "<script type=\"application/json\" id=\"jobfit-data\">{}</script>\n<script>\n{SCRIPT}</script>\n</body>\n</html>\n",
        data::data_json(rules, rows, has_fit)?
    )?;
    Ok(())
}

/// HTML-escapes text for element content and quoted attribute values.
pub fn esc(text: &str) -> String {
    crate::escape::html(text)
}

fn write_header<W: Write>(
    out: &mut W,
    rules: &RuleSet,
    rows: &[ReportRow<'_>],
    options: &HtmlOptions,
) -> io::Result<()> {
    let ok: Vec<&ReportRow<'_>> = rows.iter().filter(|r| r.outcome.result.is_ok()).collect();
    let failed = rows.len() - ok.len();
    let mean = |values: Vec<f64>| -> String {
        if values.is_empty() {
            "–".to_owned()
        } else {
            one_decimal(values.iter().sum::<f64>() / values.len() as f64)
        }
    };
    let scores: Vec<f64> = ok
        .iter()
        .filter_map(|r| r.outcome.result.as_ref().ok().map(|a| a.score.overall))
        .collect();
    writeln!(out, "<header>\n<h1>{}</h1>", esc(&options.title))?;
    let map = if rules.profile.name.is_empty() {
        "custom rules".to_owned()
    } else {
        rules.profile.name.clone()
    };
    writeln!(
        out,
        "<p class=\"sub\">Skill map: {} ({} skills in {} categories)</p>",
        esc(&map),
        rules.skills.len(),
        rules.categories.len()
    )?;
    writeln!(out, "<dl class=\"figures\" id=\"figures\">")?;
    let mut figure = |name: &str, id: &str, value: String| {
        writeln!(
            out,
            "<div><dt>{name}</dt><dd id=\"fig-{id}\">{}</dd></div>",
            esc(&value)
        )
    };
    figure("postings", "postings", rows.len().to_string())?;
    figure("ok", "ok", ok.len().to_string())?;
    figure("failed", "failed", failed.to_string())?;
    figure("mean score", "mean-score", mean(scores))?;
    if options.profile.is_some() {
        let fits: Vec<f64> = ok.iter().filter_map(|r| r.fit.map(|f| f.fit)).collect();
        let best = fits.iter().copied().fold(None, |best: Option<f64>, f| {
            Some(best.map_or(f, |b| b.max(f)))
        });
        figure("mean fit", "mean-fit", mean(fits))?;
        figure(
            "best fit",
            "best-fit",
            best.map_or_else(|| "–".to_owned(), one_decimal),
        )?;
    }
    writeln!(out, "</dl>")?;
    if let Some(skills) = &options.profile {
        let list = if skills.is_empty() {
            "(none)".to_owned()
        } else {
            skills.join(", ")
        };
        writeln!(
            out,
            "<p class=\"sub\">Candidate profile: {}. Fit weighs the posting's demands (skills of the map, technologies it names, role words of its title) and the share the candidate has, shrunk toward a prior; open a posting's row (▸) for its breakdown.</p>",
            esc(&list)
        )?;
    }
    writeln!(out, "</header>")
}

const LEVEL_FILLS: [&str; 3] = ["#1f4e79", "#5b9bd5", "#c9daf0"];
const LEVEL_NAMES: [&str; 3] = ["required", "preferred", "mentioned"];

fn write_demand<W: Write>(
    out: &mut W,
    rules: &RuleSet,
    rows: &[ReportRow<'_>],
    tally: &Tally,
) -> io::Result<()> {
    let counts = &tally.overall().skills;
    let max = counts
        .iter()
        .map(|c| c.iter().sum::<usize>())
        .max()
        .unwrap_or(0)
        .max(1);
    let scored = rows.iter().filter(|r| r.outcome.result.is_ok()).count();
    let counted = tally.overall().postings;
    let of = if counted == scored {
        format!("the {scored} scored postings")
    } else {
        format!("the {counted} distinct postings (of {scored} scored: near-duplicates count once)")
    };
    writeln!(
        out,
        "<section id=\"demand\" data-postings=\"{counted}\">\n<h2>Skill demand</h2>\n<p>How many of {of} ask for each skill, by level.</p>"
    )?;
    write!(out, "<p class=\"legend\" aria-hidden=\"true\">")?;
    for (fill, name) in LEVEL_FILLS.iter().zip(LEVEL_NAMES) {
        write!(
            out,
            "<span><svg width=\"12\" height=\"12\"><rect width=\"12\" height=\"12\" fill=\"{fill}\"/></svg> {name}</span> "
        )?;
    }
    writeln!(out, "</p>")?;
    const LABEL: f64 = 300.0;
    const BARS: f64 = 380.0;
    const ROW: f64 = 20.0;
    for (c, category) in rules.categories.iter().enumerate() {
        let skills: Vec<usize> = rules.skills_of(c).collect();
        let height = ROW * skills.len() as f64 + 4.0;
        let title_id = format!("demand-{c}-title");
        let total: usize = skills
            .iter()
            .filter_map(|s| counts.get(*s))
            .map(|c| c.iter().sum::<usize>())
            .sum();
        writeln!(
            out,
            "<figure class=\"chart\">\n<figcaption>{}</figcaption>\n<svg class=\"demand\" viewBox=\"0 0 {w} {height}\" width=\"{w}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{title_id}\">\n<title id=\"{title_id}\">Skill demand, {}: {} skills, {total} asks in all</title>",
            esc(&category.name),
            esc(&category.name),
            skills.len(),
            w = LABEL + BARS + 50.0,
        )?;
        for (row, &s) in skills.iter().enumerate() {
            let (Some(skill), Some(&[req, pref, ment])) = (rules.skill(s), counts.get(s)) else {
                continue;
            };
            let sum = req + pref + ment;
            let y = ROW * row as f64 + 2.0;
            writeln!(
                out,
                "<g class=\"skill\" data-skill=\"{}\" data-postings=\"{sum}\"><title>{}: {sum} postings ({req} required, {pref} preferred, {ment} mentioned)</title>",
                esc(&skill.id),
                esc(&skill.name)
            )?;
            writeln!(
                out,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
                LABEL - 6.0,
                y + 13.0,
                esc(&truncate(&skill.name, 42))
            )?;
            let mut x = LABEL;
            for ((n, name), fill) in [req, pref, ment]
                .into_iter()
                .zip(LEVEL_NAMES)
                .zip(LEVEL_FILLS)
            {
                if n == 0 {
                    continue;
                }
                let width = BARS * n as f64 / max as f64;
                writeln!(
                    out,
                    "<rect class=\"bar {}\" data-count=\"{n}\" x=\"{x:.1}\" y=\"{y:.1}\" width=\"{width:.1}\" height=\"{:.1}\" fill=\"{}\"/>",
                    name,
                    ROW - 6.0,
                    fill
                )?;
                x += width;
            }
            writeln!(
                out,
                "<text class=\"n\" x=\"{:.1}\" y=\"{}\">{sum}</text></g>",
                x + 4.0,
                y + 13.0
            )?;
        }
        writeln!(out, "</svg>\n</figure>")?;
    }
    writeln!(
        out,
        "<details class=\"alt\"><summary>Skill demand as a table</summary>\n<table class=\"data\"><thead><tr><th scope=\"col\">skill</th><th scope=\"col\">category</th><th scope=\"col\">postings</th><th scope=\"col\">required</th><th scope=\"col\">preferred</th><th scope=\"col\">mentioned</th></tr></thead><tbody>"
    )?;
    for (skill, &[req, pref, ment]) in rules.skills.iter().zip(counts) {
        writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{req}</td><td>{pref}</td><td>{ment}</td></tr>",
            esc(&skill.name),
            esc(rules.category_id(skill)),
            req + pref + ment
        )?;
    }
    writeln!(out, "</tbody></table></details>\n</section>")
}

/// A colour from white-blue (0) to dark blue (100), and the text colour readable on it.
fn heat(value: f64) -> (String, &'static str) {
    let t = (value / 100.0).clamp(0.0, 1.0);
    let lerp = |a: f64, b: f64| (a + (b - a) * t).round() as u8;
    let fill = format!(
        "#{:02x}{:02x}{:02x}",
        lerp(247.0, 8.0),
        lerp(251.0, 48.0),
        lerp(255.0, 107.0)
    );
    (fill, if t > 0.5 { "#fff" } else { "#000" })
}

fn write_heatmap<W: Write>(
    out: &mut W,
    rules: &RuleSet,
    rows: &[ReportRow<'_>],
    options: &HtmlOptions,
) -> io::Result<()> {
    let has_fit = options.profile.is_some();
    let key = |row: &ReportRow<'_>| -> f64 {
        match (has_fit, row.fit, &row.outcome.result) {
            (true, Some(fit), _) => fit.fit,
            (_, _, Ok(analysis)) => analysis.score.overall,
            _ => f64::NEG_INFINITY,
        }
    };
    let mut ranked: Vec<(usize, &ReportRow<'_>)> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.outcome.result.is_ok())
        .collect();
    ranked.sort_by(|a, b| key(b.1).total_cmp(&key(a.1)).then(a.0.cmp(&b.0)));
    let shown = ranked.len().min(options.heatmap_rows);
    let by = if has_fit { "fit" } else { "score" };
    writeln!(
        out,
        "<section id=\"heatmap\">\n<h2>Postings × categories</h2>\n<p>Coverage of each category (0-100) for the {shown} postings with the highest {by}, of {} scored; darker is more.</p>",
        ranked.len()
    )?;
    if shown == 0 {
        return writeln!(out, "<p>No posting was scored.</p>\n</section>");
    }
    let mut columns: Vec<String> = Vec::new();
    if has_fit {
        columns.push("fit".to_owned());
    }
    columns.push("score".to_owned());
    columns.extend(rules.categories.iter().map(|c| c.id.clone()));
    const LABEL: f64 = 320.0;
    const CELL_W: f64 = 84.0;
    const CELL_H: f64 = 18.0;
    const TOP: f64 = 24.0;
    let width = LABEL + CELL_W * columns.len() as f64;
    let height = TOP + CELL_H * shown as f64;
    writeln!(
        out,
        "<figure class=\"chart\">\n<svg class=\"heatmap\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"heatmap-title\">\n<title id=\"heatmap-title\">Heatmap of {shown} postings by {} columns: {}</title>",
        columns.len(),
        esc(&columns.join(", "))
    )?;
    for (i, column) in columns.iter().enumerate() {
        writeln!(
            out,
            "<text class=\"col\" x=\"{:.1}\" y=\"16\" text-anchor=\"middle\">{}</text>",
            LABEL + CELL_W * i as f64 + CELL_W / 2.0,
            esc(&truncate(column, 13))
        )?;
    }
    for (line, (index, row)) in ranked.iter().take(shown).enumerate() {
        let Ok(analysis) = &row.outcome.result else {
            continue;
        };
        let y = TOP + CELL_H * line as f64;
        let name = posting_name(row.outcome);
        writeln!(
            out,
            "<g class=\"hrow\" data-i=\"{index}\"><text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\"><title>{}</title>{}</text>",
            LABEL - 6.0,
            y + 13.0,
            esc(&name),
            esc(&truncate(&name, 46))
        )?;
        let mut values: Vec<f64> = Vec::new();
        if has_fit {
            values.push(row.fit.map_or(0.0, |f| f.fit));
        }
        values.push(analysis.score.overall);
        values.extend(analysis.score.categories.iter().copied());
        for (i, (value, column)) in values.iter().zip(&columns).enumerate() {
            let (fill, ink) = heat(*value);
            let x = LABEL + CELL_W * i as f64;
            writeln!(
                out,
                "<g class=\"cell\"><title>{}, {}: {}</title><rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{fill}\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{ink}\">{:.0}</text></g>",
                esc(&name),
                esc(column),
                one_decimal(*value),
                CELL_W - 2.0,
                CELL_H - 2.0,
                x + CELL_W / 2.0 - 1.0,
                y + 13.0,
                value
            )?;
        }
        writeln!(out, "</g>")?;
    }
    writeln!(
        out,
        "</svg>\n<figcaption>The postings table below has the same numbers as text.</figcaption>\n</figure>\n</section>"
    )
}

fn write_table_shell<W: Write>(out: &mut W, rules: &RuleSet, has_fit: bool) -> io::Result<()> {
    writeln!(
        out,
        "<section id=\"postings\">\n<h2>Postings</h2>\n<div class=\"controls\"><label>Filter <input type=\"search\" id=\"filter\" placeholder=\"title, company, source, skill id\" autocomplete=\"off\"></label> \
         <label>Remote <select id=\"remote\"><option value=\"\">any</option><option value=\"remote\">remote</option><option value=\"hybrid\">hybrid</option><option value=\"remote-hybrid\">remote or hybrid</option><option value=\"onsite\">on site</option><option value=\"unknown\">not said</option></select></label> \
         <label>Location <input type=\"search\" id=\"location\" class=\"short\" placeholder=\"contains\" autocomplete=\"off\"></label> \
         <label>Min. pay <input type=\"number\" id=\"minpay\" class=\"short\" min=\"0\" step=\"any\" placeholder=\"top of range ≥\"></label> \
         <label><input type=\"checkbox\" id=\"dups\"> Show near-duplicates (<span id=\"dup-count\">0</span>)</label> \
         <span id=\"shown\" aria-live=\"polite\"></span> <button type=\"button\" id=\"expand\">{}</button></div>",
        if has_fit {
            "Show fit and matches on this page"
        } else {
            "Show matches on this page"
        }
    )?;
    writeln!(
        out,
        "<noscript><p>The postings table needs JavaScript; the CSV output has the same rows.</p></noscript>"
    )?;
    writeln!(
        out,
        "<table id=\"postings-table\" class=\"postings\"><thead><tr>"
    )?;
    let mut header = |key: &str, kind: &str, label: &str, title: &str| {
        writeln!(
            out,
            "<th scope=\"col\" data-key=\"{key}\" data-type=\"{kind}\" title=\"{}\"><button type=\"button\">{}</button></th>",
            esc(title),
            esc(label)
        )
    };
    header("i", "num", "#", "input order")?;
    if has_fit {
        header(
            "fit",
            "num",
            "fit",
            "share of required and preferred skills the candidate has",
        )?;
    }
    header("score", "num", "score", "overall coverage of the skill map")?;
    header("title", "text", "title", "job title, linked to the source")?;
    header("company", "text", "company", "hiring company")?;
    for (c, category) in rules.categories.iter().enumerate() {
        header(
            &format!("c{c}"),
            "num",
            &category.id,
            &format!("coverage of {}", category.name),
        )?;
    }
    header("matched", "num", "matched", "skills asked for")?;
    if has_fit {
        header(
            "missing",
            "text",
            "missing required",
            "required skills the candidate lacks",
        )?;
    }
    header(
        "loc",
        "text",
        "location",
        "where the job is, as the posting says",
    )?;
    header("remote", "text", "remote", "remote, hybrid or onsite")?;
    header(
        "pay",
        "num",
        "salary",
        "pay range, min-max currency/period; sorts by the top of the range",
    )?;
    header(
        "sen",
        "text",
        "seniority",
        "level of the role, from its title",
    )?;
    header("date", "text", "posted", "date posted")?;
    header("words", "num", "words", "words of text read")?;
    header("status", "text", "status", "ok, or error with the reason")?;
    writeln!(
        out,
        "</tr></thead>\n<tbody></tbody>\n</table>\n<nav class=\"pager\" aria-label=\"pages\"><button type=\"button\" id=\"prev\">‹ previous</button> <span id=\"page\"></span> <button type=\"button\" id=\"next\">next ›</button></nav>\n</section>"
    )
}

fn posting_name(outcome: &Outcome) -> String {
    let Ok(analysis) = &outcome.result else {
        return outcome.source.clone();
    };
    match (&analysis.meta.title, &analysis.meta.company) {
        (Some(title), Some(company)) => format!("{title} — {company}"),
        (Some(title), None) => title.clone(),
        (None, Some(company)) => format!("{} — {company}", outcome.source),
        (None, None) => outcome.source.clone(),
    }
}

/// At most `max` characters, with `…` marking a cut.
fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use crate::extract::Metadata;
    use crate::matcher::Level;
    use crate::matcher::SkillMatch;
    use crate::row::Analysis;
    use crate::score::CoverageScore;

    fn outcome(rules: &RuleSet, title: &str) -> Outcome {
        let rust = rules.skills.iter().position(|s| s.id == "rust").unwrap();
        Outcome {
            source: "x.md".into(),
            fetch: None,
            line: None,
            result: Ok(Analysis {
                technologies: Vec::new(),
                headline: None,
                meta: Metadata {
                    title: Some(title.into()),
                    company: Some("A & B".into()),
                    ..Metadata::default()
                },
                words: 10,
                skills: vec![SkillMatch {
                    skill: rust,
                    level: Level::Required,
                    count: 1,
                    evidence: "Rust </script><script>alert(2)</script>".into(),
                }],
                score: CoverageScore {
                    overall: 40.0,
                    categories: vec![10.0; rules.categories.len()],
                },
                warnings: Vec::new(),
                signature: None,
                duplicate_of: None,
            }),
        }
    }

    fn render(title: &str, profile: Option<Vec<String>>) -> String {
        let rules = RuleSet::default_rules().unwrap();
        let outcome = outcome(&rules, title);
        let failed = Outcome {
            source: "missing.md".into(),
            fetch: None,
            result: Err(crate::row::InputError::NotFound),
            line: None,
        };
        let fit = Fit {
            fit: 50.0,
            missing_required: vec![],
            missing_preferred: vec![],
            ..Fit::default()
        };
        let has_fit = profile.is_some();
        let rows = [
            ReportRow {
                outcome: &outcome,
                fit: has_fit.then_some(&fit),
                link: "x.md",
            },
            ReportRow {
                outcome: &failed,
                fit: None,
                link: "missing.md",
            },
        ];
        let options = HtmlOptions {
            profile,
            ..HtmlOptions::default()
        };
        let mut demand = Tally::new(&rules, &[]);
        let mut months = Tally::new(&rules, &["month".to_owned()]);
        for row in &rows {
            demand.add(row.outcome);
            months.add(row.outcome);
        }
        let tallies = Tallies {
            demand: &demand,
            months: &months,
        };
        let mut out = Vec::new();
        write_html(&mut out, &rules, &rows, tallies, &options).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn strings_from_postings_cannot_inject_markup() {
        let html = render(
            "<script>alert(1)</script><img src=x onerror=alert(3)>",
            None,
        );
        assert!(!html.contains("<script>alert"), "markup injected");
        assert!(!html.contains("<img src=x"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        // In the JSON blob, `<` is escaped, so the blob cannot end early.
        assert!(html.contains("\\u003cscript>alert(1)\\u003c/script>"));
        assert_eq!(
            html.matches("</script>").count(),
            2,
            "only our own scripts close"
        );
        assert!(html.contains("A &amp; B"));
    }

    #[test]
    fn figures_bars_and_fit_columns() {
        let html = render("Rust dev", None);
        assert!(html.contains("<dd id=\"fig-postings\">2</dd>"));
        assert!(html.contains("<dd id=\"fig-failed\">1</dd>"));
        assert!(html.contains("<dd id=\"fig-mean-score\">40.0</dd>"));
        assert_eq!(html.matches("class=\"bar required\"").count(), 1);
        assert!(html.contains("<title>Rust language proficiency: 1 postings (1 required, 0 preferred, 0 mentioned)</title>"));
        assert!(!html.contains("data-key=\"fit\""));
        let with_fit = render("Rust dev", Some(vec!["rust".into()]));
        assert!(with_fit.contains("data-key=\"fit\""));
        assert!(with_fit.contains("<dd id=\"fig-mean-fit\">50.0</dd>"));
        // Fit is the first column after the row number.
        let fit = with_fit.find("data-key=\"fit\"").unwrap();
        let score = with_fit.find("data-key=\"score\"").unwrap();
        assert!(fit < score);
    }

    #[test]
    fn no_external_resources() {
        let html = render("Rust dev", None);
        for needle in ["http://", "https://", "src=\"//", "@import", "url("] {
            assert!(!html.contains(needle), "{needle}");
        }
    }

    #[test]
    fn heat_goes_from_light_to_dark() {
        assert_eq!(heat(0.0), ("#f7fbff".to_owned(), "#000"));
        assert_eq!(heat(100.0), ("#08306b".to_owned(), "#fff"));
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
    }
}
