//! The professions and fields a résumé names: its title lines, a sentence saying what the
//! person is or was, a summary that opens with a title; of its certifications, only the fields.

use crate::candidate::role::{FUNCTION_WORDS, PROFESSIONS, RANKS};
use crate::extract::Posting;

use super::date_range;

/// The role words of a résumé's title lines: its headline and the job titles of its entries,
/// short lines that are not sentences nor labelled lists, and the profession a first-person
/// sentence gives ("I am a software engineer with experience in low-level firmware", "Hi, I'm
/// Jonathan Hunt, a passionate Site Reliability Engineer"). "Collaborated with UX/UI
/// designers" says who the candidate worked with, a skills line ("DevOps: Docker,
/// Kubernetes") what they used, and a certification ("Sales Cloud Consultant") an exam
/// passed, not what they are. A résumé whose titles name an engineering
/// discipline outside software ("Mechanical Engineer") and no software, IT or data field is
/// not an engineer's of software: "engineer" is dropped. A résumé without such lines gives the
/// words of its whole text.
pub(super) fn roles(posting: &Posting, today: (i32, u32)) -> Vec<&'static str> {
    use crate::candidate::role;
    let lines: Vec<String> = (0..posting.blocks.len())
        .map(|i| without_attributes(posting.block_text(i)))
        .collect();
    let (kept, certifications) = split_certifications(posting, &lines);
    let mut titles: Vec<&str> = kept
        .iter()
        .filter_map(|&line| title_of(line, today))
        .collect();
    // "django developer; helped deliver ...": a job title, then what was done in it.
    titles.extend(kept.iter().filter_map(|&line| clause_title(line)));
    // A line that names a profession or a rank is a job title ("Senior Web Developer",
    // "Marketing Manager"); the other short lines are too when the résumé has no such line,
    // but where it has, they are list items ("Marketing Automation", "Implementing responsive
    // design for mobile sites").
    let stated = lines
        .iter()
        .find_map(|line| stated_profession(line))
        .or_else(|| lines.iter().find_map(|line| leading_title(line)))
        .or_else(|| summary_title(&lines));
    if stated.is_some() || titles.iter().any(|t| ranked_title(t)) {
        titles.retain(|t| ranked_title(t));
    }
    titles.extend(stated);
    let certified = certifications
        .iter()
        .filter_map(|&line| title_of(line, today))
        .filter(|t| ranked_title(t));
    let mut found: Vec<&'static str> = Vec::new();
    for word in titles
        .into_iter()
        .flat_map(title_roles)
        .chain(certified.flat_map(certification_roles))
    {
        if !found.contains(&word) {
            found.push(word);
        }
    }
    // In ROLE_WORDS order, as role_words gives them.
    found.sort_by_key(|w| {
        role::ROLE_WORDS
            .iter()
            .position(|r| role::canonical(r) == *w)
    });
    // A mechanical or civil engineer's other "Project Engineer" titles are of that
    // discipline too, unless a title names a software, IT or data field.
    if found.iter().any(|w| role::OTHER_DISCIPLINES.contains(w))
        && !found.iter().any(|w| role::technical_field(w) == Some(true))
    {
        found.retain(|w| *w != "engineer");
    }
    if found.is_empty() {
        crate::candidate::role::role_words(&posting.text)
    } else {
        found
    }
}

/// Whether a line heads a section of certifications ("CERTIFICATIONS", "Salesforce
/// Certifications", "Licenses & Certifications"): at most four words, the last naming
/// certifications, certificates, licences or credentials.
pub(super) fn certification_heading(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words.last().is_some_and(|w| {
            matches!(
                w.trim_end_matches(':').to_lowercase().as_str(),
                "certifications"
                    | "certification"
                    | "certificates"
                    | "licenses"
                    | "licences"
                    | "credentials"
            )
        })
}

/// Whether a line stands as a section heading: a heading block, or a line in capitals
/// ("SKILLS", "EDUCATION": a DOCX or PDF without heading styles).
fn section_heading(posting: &Posting, index: usize, line: &str) -> bool {
    matches!(
        posting.blocks.get(index).map(|b| b.kind),
        Some(crate::extract::BlockKind::Heading(_))
    ) || (line.chars().any(char::is_alphabetic)
        && !line.chars().any(char::is_lowercase)
        && line.split_whitespace().count() <= 4)
}

/// The lines of a résumé split in two: those that can give its titles, and those of its
/// certifications sections (from a [`certification_heading`] to the next section heading),
/// which name an exam passed, not a job held ("Sales Cloud Consultant", "Azure Security
/// Engineer"): they give only the technical fields they name ([`certification_roles`]).
fn split_certifications<'a>(
    posting: &Posting,
    lines: &'a [String],
) -> (Vec<&'a str>, Vec<&'a str>) {
    let (mut kept, mut certifications) = (Vec::with_capacity(lines.len()), Vec::new());
    let mut in_certifications = false;
    for (i, line) in lines.iter().enumerate() {
        if certification_heading(line) {
            in_certifications = true;
            continue;
        }
        if in_certifications && section_heading(posting, i, line) {
            in_certifications = false;
        }
        if in_certifications {
            certifications.push(line.as_str());
        } else {
            kept.push(line.as_str());
        }
    }
    (kept, certifications)
}

/// The role words a certification gives: the fields it names that are technical or of either
/// kind ("Data Analyst Nanodegree": `data`; "Certified Scrum Product Owner": `product`), not a
/// profession (a certified "Security Engineer" need not work as one) nor a field of another
/// kind, which names there the users of a product ("Sales Cloud Consultant" is a Salesforce
/// developer's exam).
fn certification_roles(title: &str) -> Vec<&'static str> {
    use crate::candidate::role;
    title_roles(title)
        .into_iter()
        .filter(|w| {
            !PROFESSIONS.contains(w)
                && role::technical_profession(w).is_none()
                && role::technical_field(w) != Some(false)
        })
        .collect()
}

/// A line without Kramdown attribute lists (`{: .prompt-tip }`), which Jekyll résumés put
/// after a block.
pub(super) fn without_attributes(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find("{:") {
        out.push_str(rest.get(..start).unwrap_or_default());
        match rest.get(start..).and_then(|r| r.find('}')) {
            Some(end) => rest = rest.get(start + end + 1..).unwrap_or_default(),
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out.trim().to_owned()
}

/// The title a line gives: the line itself when it can be a title ([`title_line`]), or the
/// part after the colon of a dated entry ("Wheels-Donlen - Feb 2020 to Current: Principal UX
/// Architect").
pub(super) fn title_of(line: &str, today: (i32, u32)) -> Option<&str> {
    if title_line(line) {
        return Some(line);
    }
    let (head, tail) = line.rsplit_once(':')?;
    (date_range(head, today).is_some() && title_line(tail.trim())).then(|| tail.trim())
}

/// The title a line opens with before a semicolon when it names a profession or a rank:
/// "django developer; helped deliver a bunch of new features", "python developer and DevOps;
/// was working on Superdesk" (a job title, then what was done in it).
pub(super) fn clause_title(line: &str) -> Option<&str> {
    let (head, _) = line.split_once(';')?;
    let head = head.trim();
    (title_line(head) && ranked_title(head)).then_some(head)
}

/// The role words of one title, without a technical profession that another field qualifies
/// ("Principal UX Architect" is a designer's title, not an architect's).
pub(super) fn title_roles(title: &str) -> Vec<&'static str> {
    use crate::candidate::role;
    let words = role::role_words(title);
    let fields: Vec<bool> = words
        .iter()
        .filter_map(|w| role::technical_field(w))
        .collect();
    let other_field = fields.contains(&false) && !fields.contains(&true);
    words
        .into_iter()
        .filter(|w| !(other_field && role::technical_profession(w) == Some(true)))
        .collect()
}

/// Whether a title line names a profession ("Senior Web Developer") or a rank ("Head of
/// Sales"), not only a field ("Marketing Automation").
pub(super) fn ranked_title(title: &str) -> bool {
    use crate::candidate::role;
    role::role_words(title)
        .iter()
        .any(|w| PROFESSIONS.contains(w) || role::technical_profession(w).is_some())
        || role::normalize(title)
            .split_whitespace()
            .any(|w| RANKS.contains(&w))
}

/// The title a summary sentence opens with: "Embedded Linux and BSP Engineer pursuing a
/// Master's in Computer Science", "Senior Software Engineer with 8 years of ...": the words up
/// to a profession among its first seven, each capitalised or a joining word.
pub(super) fn leading_title(line: &str) -> Option<&str> {
    let mut end = 0;
    for (i, word) in line.split(' ').enumerate().take(7) {
        let bare = word.trim_end_matches([',', ';', '.', ':']);
        let capital = bare.chars().next().is_some_and(|c| c.is_uppercase());
        if !(capital || matches!(bare, "and" | "&" | "/" | "of")) || bare.is_empty() {
            return None;
        }
        end += word.len() + usize::from(i > 0);
        if PROFESSIONS.contains(&bare.to_lowercase().as_str()) {
            // A sentence: the title is only its opening (a short line is a title already).
            return (line.split_whitespace().count() > 12)
                .then(|| line.get(..end))
                .flatten();
        }
    }
    None
}

/// The title the résumé's first sentence-long line opens with in lower case, as summaries
/// do: "Seattle-based embedded software engineer with experience developing
/// microcontrollers" gives "Seattle-based embedded software engineer". Only the first such
/// line (the summary), and only when no word before the profession is a function word, so
/// that "Worked with the firmware engineer" names no title.
pub(super) fn summary_title(lines: &[String]) -> Option<&str> {
    let line = lines.iter().find(|l| l.split_whitespace().count() > 12)?;
    let mut end = 0;
    for (i, word) in line.split(' ').enumerate().take(7) {
        let bare = word.trim_end_matches([',', ';', '.', ':']).to_lowercase();
        if bare.is_empty()
            || FUNCTION_WORDS.contains(&bare.as_str())
            || (i > 0 && matches!(bare.as_str(), "a" | "an"))
        {
            return None;
        }
        end += word.len() + usize::from(i > 0);
        if PROFESSIONS.contains(&bare.as_str()) {
            return line.get(..end);
        }
        if word.len() != word.trim_end_matches([',', ';', '.', ':']).len() {
            // A title does not run past a comma or a sentence end.
            return None;
        }
    }
    None
}

/// The profession a first-person sentence names: "I am a software engineer with ...",
/// "I'm Jonathan Hunt, a passionate Site Reliability Engineer": the words from the article
/// to the profession, at most five, in a sentence that says "I am" or "I'm".
pub(super) fn stated_profession(line: &str) -> Option<&str> {
    let lower = line.to_lowercase();
    let first_person = [
        "i am ",
        "i'm ",
        "i’m ",
        "i was ",
        "i worked as ",
        "i have been ",
        "i've been ",
    ]
    .iter()
    .filter_map(|cue| lower.find(cue))
    .min()?;
    let rest = lower.get(first_person..)?;
    let sentence_end = rest.find(". ").unwrap_or(rest.len());
    let sentence = rest.get(..sentence_end)?;
    let words: Vec<(usize, &str)> = sentence
        .split(' ')
        .scan(0usize, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    for (i, (_, word)) in words.iter().enumerate() {
        if !matches!(*word, "a" | "an") {
            continue;
        }
        for (j, (end_at, candidate)) in words.iter().enumerate().skip(i + 1).take(5) {
            let bare = candidate.trim_end_matches([',', ';', '.', ')']);
            if PROFESSIONS.contains(&bare) {
                let start = first_person + words.get(i + 1)?.0;
                let end = first_person + end_at + bare.len();
                let _ = j;
                return line.get(start..end);
            }
        }
    }
    None
}

/// A line that can be a title: at most twelve words, eight before any separator of a dated
/// entry ("Senior Android Developer — Acme, 2022-2026"), not ending a sentence, no `label:`.
pub(super) fn title_line(line: &str) -> bool {
    if line.split_whitespace().count() > 12 || line.contains(':') {
        return false;
    }
    let head = line
        .split([',', '|', '—', '–', '(', '@'])
        .next()
        .unwrap_or_default()
        .split(" - ")
        .next()
        .unwrap_or_default()
        .split(" at ")
        .next()
        .unwrap_or_default();
    let words = head.split_whitespace().count();
    (1..=8).contains(&words) && !line.trim_end().ends_with('.')
}
