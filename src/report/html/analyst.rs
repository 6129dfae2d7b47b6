//! The report's analyst sections: demand by group (`--by`), the skills that come together (a
//! co-occurrence heatmap) and demand per month, drawn from the same [`Tally`] numbers as the
//! summary and pairs tables. Every figure carries `data-*` attributes with its raw counts, so a
//! test (or a script) can read them back and check them against the CSV tables.

use std::io::{self, Write};

use crate::report::one_decimal;
use crate::report::tally::{GroupCounts, Tally, percent};
use crate::rules::RuleSet;

use super::{esc, truncate};

/// Skills shown as columns of the group and month tables: the most asked for overall.
const TOP_SKILLS: usize = 8;

/// Skills on each side of the co-occurrence heatmap.
const HEATMAP_SKILLS: usize = 12;

/// The `n` skills most asked for, most first, ties in rule order; skills nobody asks for are
/// left out.
fn top_skills(counts: &GroupCounts, n: usize) -> Vec<usize> {
    let mut skills: Vec<usize> = (0..counts.skills.len())
        .filter(|&s| counts.asking(s) > 0)
        .collect();
    skills.sort_by(|&a, &b| counts.asking(b).cmp(&counts.asking(a)).then(a.cmp(&b)));
    skills.truncate(n);
    skills
}

/// A table of groups (rows) by the top skills (columns): each cell the share of the group's
/// postings asking for the skill, with the count in `data-postings`.
fn group_table<W: Write>(
    out: &mut W,
    rules: &RuleSet,
    overall: &GroupCounts,
    columns: &[String],
    groups: &[(String, &GroupCounts)],
) -> io::Result<()> {
    let skills = top_skills(overall, TOP_SKILLS);
    write!(out, "<table class=\"data groups\"><thead><tr>")?;
    for column in columns {
        write!(out, "<th scope=\"col\">{}</th>", esc(column))?;
    }
    write!(out, "<th scope=\"col\">postings</th>")?;
    for &s in &skills {
        let id = rules.skill(s).map_or("", |s| s.id.as_str());
        write!(
            out,
            "<th scope=\"col\" title=\"share of the group's postings\">{}</th>",
            esc(id)
        )?;
    }
    writeln!(out, "</tr></thead><tbody>")?;
    for (key, counts) in groups {
        let shown = if key.is_empty() { "(not stated)" } else { key };
        write!(
            out,
            "<tr data-group=\"{}\" data-postings=\"{}\"><th scope=\"row\" colspan=\"{}\">{}</th><td class=\"num\">{}</td>",
            esc(key),
            counts.postings,
            columns.len(),
            esc(shown),
            counts.postings
        )?;
        for &s in &skills {
            let asking = counts.asking(s);
            let id = rules.skill(s).map_or("", |s| s.id.as_str());
            write!(
                out,
                "<td class=\"num\" data-skill=\"{}\" data-postings=\"{asking}\">{}%</td>",
                esc(id),
                one_decimal(percent(asking, counts.postings))
            )?;
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody></table>")
}

/// Demand by the `--by` groups (nothing without `--by`).
pub(super) fn write_groups<W: Write>(
    out: &mut W,
    rules: &RuleSet,
    tally: &Tally,
) -> io::Result<()> {
    if tally.by().is_empty() {
        return Ok(());
    }
    let columns = tally.by().join(" · ");
    writeln!(
        out,
        "<section id=\"groups\">\n<h2>Demand by {}</h2>\n<p>Of each group's postings, the share asking for each of the {TOP_SKILLS} skills most asked for overall (the summary table has every skill).</p>",
        esc(&columns)
    )?;
    let groups: Vec<(String, &GroupCounts)> = tally
        .groups()
        .map(|(key, counts)| (key.join(" · "), counts))
        .collect();
    group_table(out, rules, tally.overall(), &[columns], &groups)?;
    writeln!(out, "</section>")
}

/// The skills that come together: of the postings asking for the row's skill, the share asking
/// for the column's, for the skills most asked for.
pub(super) fn write_pairs<W: Write>(out: &mut W, rules: &RuleSet, tally: &Tally) -> io::Result<()> {
    let skills = top_skills(tally.overall(), HEATMAP_SKILLS);
    writeln!(
        out,
        "<section id=\"pairs\">\n<h2>Skills that come together</h2>\n<p>Of the postings asking for the skill of a row, the share asking for the skill of a column, for the {} skills most asked for; darker is more.</p>",
        skills.len()
    )?;
    if skills.len() < 2 {
        return writeln!(out, "<p>Too few skills were asked for.</p>\n</section>");
    }
    const LABEL: f64 = 190.0;
    const CELL: f64 = 44.0;
    const TOP: f64 = 92.0;
    let size = CELL * skills.len() as f64;
    // Room on the right for the last column's slanted label.
    let (width, height) = (LABEL + size + 70.0, TOP + size);
    writeln!(
        out,
        "<figure class=\"chart\">\n<svg class=\"pairs\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"pairs-title\">\n<title id=\"pairs-title\">Co-occurrence of the {} skills most asked for</title>",
        skills.len()
    )?;
    let id = |s: usize| rules.skill(s).map_or("", |s| s.id.as_str());
    for (i, &s) in skills.iter().enumerate() {
        let x = LABEL + CELL * i as f64 + CELL / 2.0;
        writeln!(
            out,
            "<text class=\"col\" transform=\"translate({x:.1},{:.1}) rotate(-45)\">{}</text>",
            TOP - 6.0,
            esc(&truncate(id(s), 18))
        )?;
        writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            LABEL - 6.0,
            TOP + CELL * i as f64 + CELL / 2.0 + 4.0,
            esc(&truncate(id(s), 26))
        )?;
    }
    for (row, &a) in skills.iter().enumerate() {
        let with_a = tally.overall().asking(a);
        for (column, &b) in skills.iter().enumerate() {
            if a == b {
                continue;
            }
            let both = tally.together(a, b);
            let share = percent(both, with_a);
            let (x, y) = (LABEL + CELL * column as f64, TOP + CELL * row as f64);
            writeln!(
                out,
                "<g class=\"pair\" data-a=\"{}\" data-b=\"{}\" data-postings=\"{both}\"><title>{} and {}: {both} postings, {}% of the postings asking for {}</title><rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"rgba(31,78,121,{:.3})\"/><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{}\">{}</text></g>",
                esc(id(a)),
                esc(id(b)),
                esc(id(a)),
                esc(id(b)),
                one_decimal(share),
                esc(id(a)),
                CELL - 2.0,
                CELL - 2.0,
                0.08 + 0.92 * share / 100.0,
                x + CELL / 2.0 - 1.0,
                y + CELL / 2.0 + 3.0,
                if share >= 50.0 { "#fff" } else { "#1b1b1b" },
                share.round()
            )?;
        }
    }
    writeln!(out, "</svg>\n</figure>\n</section>")
}

/// Demand per month of `date_posted` (the postings that state no date are left out).
pub(super) fn write_months<W: Write>(
    out: &mut W,
    rules: &RuleSet,
    months: &Tally,
) -> io::Result<()> {
    let groups: Vec<(String, &GroupCounts)> = months
        .groups()
        .filter_map(|(key, counts)| {
            let month = key.first()?;
            (!month.is_empty()).then(|| (month.clone(), counts))
        })
        .collect();
    let dated: usize = groups.iter().map(|(_, c)| c.postings).sum();
    writeln!(
        out,
        "<section id=\"months\" data-postings=\"{dated}\">\n<h2>Demand per month</h2>\n<p>{dated} of {} postings state when they were posted; of each month's, the share asking for each of the {TOP_SKILLS} skills most asked for overall.</p>",
        months.overall().postings
    )?;
    if groups.is_empty() {
        return writeln!(out, "<p>No posting states its date.</p>\n</section>");
    }
    group_table(out, rules, months.overall(), &["month".to_owned()], &groups)?;
    writeln!(out, "</section>")
}
