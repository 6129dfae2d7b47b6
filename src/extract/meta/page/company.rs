//! The employer a page shows around its main heading: the line under or above it when the
//! page names it elsewhere too, what a labeled "company" must not be, and a name cleaned of a
//! board's suffix (never a board's own name, a pronoun or an undisclosed employer).

use super::*;

/// The employer in the first runs under the main heading, when the page names it again: a run
/// that is also a part of the page's title or a name the page gives itself (a logo's text).
/// "Head of Policy Research" / "House of Lords" beside the logo "House of Lords Logo".
pub(super) fn name_under_heading(
    facts: &PageFacts,
    split: &[(TitleParts, &str)],
    is_board: &dyn Fn(&str) -> bool,
) -> Option<Sourced> {
    facts.subline.iter().take(3).find_map(|run| {
        let run = run
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .trim();
        // "Associate (m/w/d) Insolvenzverwaltung" under the page name "Karriere": the job's
        // title, which the page's title repeats, not its employer.
        if !may_name_employer(facts, run, is_board)
            || crate::extract::is_posting::has_gender_mark(run)
        {
            return None;
        }
        let rule = if in_page_title(split, run) {
            "the line under the main heading, also in the page title"
        } else if facts
            .names
            .iter()
            // A byline under a blog post's heading names its writer, whom the `author` meta
            // tag names too: not a name of the page's owner.
            .filter(|(_, rule)| *rule != AUTHOR_META && *rule != LOGO_IMAGE)
            .any(|(name, _)| same(owner_name(name), run))
        {
            "the line under the main heading, also a name the page gives itself"
        } else if leads_description(facts.description.as_deref(), run) {
            "the line under the main heading, also the description's first part"
        } else if legal_form(run).is_some() {
            "the line under the main heading, a company's legal name"
        } else {
            return None;
        };
        clean_company(Sourced::new(run, rule), is_board)
    })
}

/// The employer in the line right above the main heading, when the page's title names it too
/// ("Reykjahlíðarskóli" in a sub-title over "Grunnskólakennarar", `<title>` "Atvinna -
/// Reykjahlíðarskóli"): a page's own title is the stronger evidence, the line places it.
pub(super) fn name_above_heading(
    facts: &PageFacts,
    split: &[(TitleParts, &str)],
    is_board: &dyn Fn(&str) -> bool,
) -> Option<Sourced> {
    let run = facts.preline.first()?.trim();
    (may_name_employer(facts, run, is_board) && in_page_title(split, run))
        .then(|| {
            clean_company(
                Sourced::new(
                    run,
                    "the line above the main heading, also in the page title",
                ),
                is_board,
            )
        })
        .flatten()
}

/// Whether a run beside the main heading may be the employer's name: short, and no place,
/// role, job board, generic word, page name ("Nous rejoindre"), other field ("Full Time") or
/// the heading itself.
fn may_name_employer(facts: &PageFacts, run: &str, is_board: &dyn Fn(&str) -> bool) -> bool {
    !(run.is_empty()
        || run.chars().count() > 80
        || looks_like_place(run)
        || looks_like_role(run)
        || is_board(run)
        || generic(run)
        || page_name(run)
        || other_field(run)
        || facts.h1.as_deref().is_some_and(|h| same(h, run)))
}

/// Whether `run` is a part of the page's `<title>` or `og:title`.
fn in_page_title(split: &[(TitleParts, &str)], run: &str) -> bool {
    split
        .iter()
        .filter(|(_, rule)| *rule != "<h1>")
        .any(|(parts, _)| parts.parts.iter().any(|p| same(p, run)))
}

/// Whether a labeled "company" holds the job's heading ("AutoCAD开发工程师（北京）
/// 25-50K·14薪" in a box classed `company-info`): the job's header, not its employer.
pub(super) fn holds_heading(company: &str, heading: Option<&str>) -> bool {
    heading.is_some_and(|h| {
        let h = h.trim().to_lowercase();
        !h.is_empty() && company.to_lowercase().contains(&h)
    })
}

/// Whether the page's description starts with `name` as its own part: "패션앤스타일컴퍼니 -
/// 서버 백엔드 개발[신입] 채용" (company, then the job).
pub(super) fn leads_description(description: Option<&str>, name: &str) -> bool {
    let Some(description) = description else {
        return false;
    };
    let (lower, name) = (description.to_lowercase(), name.to_lowercase());
    lower.strip_prefix(&name).is_some_and(|rest| {
        [" - ", " | ", " – ", " — ", " · "]
            .iter()
            .any(|s| rest.starts_with(s))
    })
}

/// The employer named in the page's title by the name a legal name in the page gives ("Methos"
/// in "Moderne Werkplek Engineer :: Methos", beside "© Methos B.V.").
pub(super) fn legal_name_in_title(
    facts: &PageFacts,
    split: &[(TitleParts, &str)],
    is_board: &dyn Fn(&str) -> bool,
) -> Option<Sourced> {
    split
        .iter()
        .filter(|(_, rule)| *rule != "<h1>")
        .flat_map(|(parts, rule)| parts.parts.iter().map(move |p| (p, *rule)))
        .find_map(|(part, rule)| {
            if looks_like_role(part) || looks_like_place(part) {
                return None;
            }
            facts
                .legal_names
                .iter()
                .any(|(name, _)| {
                    same(name, part)
                        || same(without_legal_form(name), part)
                        || short_of(without_legal_form(name), part)
                })
                .then(|| {
                    clean_company(
                        Sourced::new(part, format!("{rule} part, a legal name in the page")),
                        is_board,
                    )
                })
                .flatten()
        })
}

/// Whether `part` is one word that opens the legal name `name` and at most two words follow it
/// ("cotedo" of "cotedo Service GmbH"): the brand the legal name is registered under.
fn short_of(name: &str, part: &str) -> bool {
    let part = part.trim();
    part.chars().count() >= 3
        && !part.contains(char::is_whitespace)
        && name
            .to_lowercase()
            .strip_prefix(&format!("{} ", part.to_lowercase()))
            .is_some_and(|rest| (1..=2).contains(&rest.split_whitespace().count()))
}

/// The employer a page's `<title>` names beside the job's title, when the page's `og:title`,
/// `og:site_name` or logo's text is that name alone ("LEO Pharma - Clinical disclosure
/// specialist" beside og:title "LEO Pharma"; "Balcar | Kierowca B/ B+E" beside the logo
/// "Balcar logo").
pub(super) fn name_beside_title(
    facts: &PageFacts,
    split: &[(TitleParts, &str)],
    title: Option<&Sourced>,
    logo_rule: &str,
    is_board: &dyn Fn(&str) -> bool,
) -> Option<Sourced> {
    let title = title?;
    let (parts, _) = split.iter().find(|(_, rule)| *rule == "<title>")?;
    // "三和システム｜インターンシップ": a full-width bar with no spaces parts the title's halves
    // too when one is the job's title.
    let bar = facts.page_title.as_deref().map(|t| split_all(t, &["｜"]));
    let halves: Vec<String> = match (parts.parts.as_slice(), bar.as_deref()) {
        ([a, b], _) => vec![a.clone(), b.clone()],
        (_, Some([a, b])) => vec![(*a).to_owned(), (*b).to_owned()],
        _ => return None,
    };
    let [a, b] = halves.as_slice() else {
        return None;
    };
    let other = if same(a, &title.text) {
        b
    } else if same(b, &title.text) {
        a
    } else {
        return None;
    };
    // "Balcar | Kierowca B/ B+E" beside the logo "Balcar logo".
    let logo = facts
        .names
        .iter()
        .find(|(name, rule)| *rule == logo_rule && same(name, other))
        .map(|(name, _)| name.as_str());
    // "三和システム｜インターンシップ" beside the description "三和システム株式会社公式ウェブサイト...".
    let described = facts
        .description
        .as_deref()
        .filter(|d| with_legal_form(d, other))
        .map(|_| other.as_str());
    let (rule, name) = [
        ("og:title", facts.og_title.as_deref()),
        ("og:site_name", facts.site_name.as_deref()),
        ("logo's text", logo),
        ("description, with a legal form", described),
    ]
    .into_iter()
    .find(|(_, name)| name.is_some_and(|n| same(n, other)))?;
    if looks_like_role(other) || looks_like_place(other) || name.is_none() {
        return None;
    }
    clean_company(
        Sourced::new(
            other,
            format!("the <title> part beside the job's title, also the page's {rule}"),
        ),
        is_board,
    )
}

/// Whether `text` names `name` followed by a legal form of `sites/labels.toml` ("三和システム株式会社",
/// "Acme GmbH"), in any case.
fn with_legal_form(text: &str, name: &str) -> bool {
    let (text, name) = (text.to_lowercase(), name.trim().to_lowercase());
    let forms = &crate::extract::sites::active().labels().legal_form;
    !name.is_empty()
        && text.match_indices(name.as_str()).any(|(at, _)| {
            text.get(at + name.len()..).is_some_and(|rest| {
                let rest = rest.trim_start();
                forms.iter().any(|form| {
                    rest.strip_prefix(form.as_str()).is_some_and(|after| {
                        after
                            .chars()
                            .next()
                            .is_none_or(|c| !c.is_ascii_alphanumeric())
                    })
                })
            })
        })
}

/// The owner of a page titled "<Name> - <generic page name>" ("Archstone - Job details",
/// "Eilakaisla - Työpaikka"), or "<page> - <Name>" where `page` is the page's own name (the
/// heading that names the offer: "Offre d’emploi Cloud Native – Sogilis"): the one part left,
/// when it is not the job's title.
pub(super) fn owner_of_page_name(
    split: &[(TitleParts, &str)],
    title: Option<&Sourced>,
    page: Option<&str>,
    is_board: &dyn Fn(&str) -> bool,
) -> Option<Sourced> {
    split
        .iter()
        .filter(|(_, rule)| *rule == "<title>" || *rule == "og:title")
        .find_map(|(parts, rule)| {
            let left: Vec<&String> = parts
                .parts
                .iter()
                .filter(|p| !page.is_some_and(|page| same(page, p)))
                .collect();
            let [name] = left.as_slice() else {
                return None;
            };
            let name = name.as_str();
            if !(parts.cut_generic || left.len() < parts.parts.len())
                || looks_like_role(name)
                || looks_like_place(name)
                || name.split_whitespace().count() > 6
                || title.is_some_and(|t| {
                    let (t, n) = (t.text.to_lowercase(), name.to_lowercase());
                    t.contains(&n) || n.contains(&t)
                })
            {
                return None;
            }
            clean_company(
                Sourced::new(name, format!("{rule} (\"<Name> - <page name>\")")),
                is_board,
            )
        })
}

/// "Matogen Logo" on a page whose description says "At Matogen, we specialize in ...": a
/// logo's name that the page's description opens with, when nothing else names the employer
/// (a `<title>` that is the job alone).
pub(super) fn logo_named_in_description(
    facts: &PageFacts,
    is_board: &dyn Fn(&str) -> bool,
) -> Option<Sourced> {
    let description = facts.description.as_deref()?;
    facts
        .names
        .iter()
        .filter(|(_, rule)| *rule == "a logo's text" || *rule == LOGO_IMAGE)
        .find_map(|(name, _)| {
            if name.chars().count() < 2
                || looks_like_role(name)
                || looks_like_place(name)
                || !opens_with(description, name)
            {
                return None;
            }
            clean_company(
                Sourced::new(name, "a logo's name that the page's description repeats"),
                is_board,
            )
        })
}

/// Whether `text` opens with `name` as its subject: "Matogen is ...", "At Matogen, we ...".
fn opens_with(text: &str, name: &str) -> bool {
    let text = text.trim_start();
    let rest = ["At ", "at "]
        .iter()
        .find_map(|lead| text.strip_prefix(lead))
        .unwrap_or(text);
    rest.strip_prefix(name)
        .is_some_and(|after| !after.chars().next().is_some_and(char::is_alphanumeric))
}

/// The first legal name the page shows `seen` ([`Seen::Content`]: in its text; a copyright
/// line: "© 2021 Novo Nordisk A/S"): a company's registered name, the employer when nothing
/// else names one. A board's own ("Upwork® Global LLC") is not.
pub(super) fn legal_name_in_page(
    facts: &PageFacts,
    seen: Seen,
    is_board: &dyn Fn(&str) -> bool,
) -> Option<Sourced> {
    let rule = match seen {
        Seen::Copyright => "a company's legal name in the copyright line",
        Seen::CopyrightOwner => "the copyright line's owner, a name the page calls itself",
        _ => "a company's legal name in the page's text",
    };
    facts.legal_names.iter().find_map(|(name, at)| {
        let bare = without_legal_form(name);
        // A footer's copyright may be the platform's ("© Micron Systems, Inc." under a law
        // firm's posting): weak evidence, taken when the page calls itself by that name too.
        if seen == Seen::CopyrightOwner && !page_calls_itself(facts, bare) {
            return None;
        }
        let first = bare
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .trim_matches(|c: char| !c.is_alphanumeric());
        (*at == seen && !is_board(bare) && !is_board(first) && !looks_like_place(name))
            .then(|| clean_company(Sourced::new(name, rule), is_board))
            .flatten()
    })
}

/// The town of the address block under the employer's legal name ("Hobbii A/S",
/// "Kildebrøndevej 42", "DK 2670 Greve").
pub(super) fn employer_town(facts: &PageFacts, company: Option<&Sourced>) -> Option<Sourced> {
    let company = company?;
    let bare = without_legal_form(&company.text);
    facts.addresses.iter().find_map(|(name, town)| {
        (same(name, &company.text) || same(without_legal_form(name), bare)).then(|| {
            Sourced::new(
                town,
                "the employer's address under its name (postcode and town)",
            )
        })
    })
}

/// Whether the posting's text states an employer ("X is an equal opportunity employer", "X
/// seeks a ...") other than `name` (neither name holds the other), and the page gives itself `name` nowhere but in its
/// titles (not in `og:site_name`, a logo or its URL).
pub(super) fn text_names_other_employer(facts: &PageFacts, name: &str) -> bool {
    let stated = facts
        .text_employer
        .as_deref()
        .or(facts.text_seeker.as_ref().map(|(n, _)| n.as_str()));
    let Some(stated) = stated else {
        return false;
    };
    let form = url_form(name);
    let elsewhere = facts.site_name.as_deref().is_some_and(|s| same(s, name))
        || facts.names.iter().any(|(n, _)| same(n, name))
        || facts.url_names.contains(&form);
    // "Lowe's" stated beside "Lowe's Companies Inc" in the title: the same employer.
    let (stated, name) = (stated.to_lowercase(), name.to_lowercase());
    !stated.contains(name.trim()) && !name.contains(stated.trim()) && !elsewhere
}

/// Whether the page gives itself the name `bare` (a company's name without its legal form) in
/// its `<title>`, `og:title`, `og:site_name`, another name it gives itself (a logo's text, not
/// the copyright line itself) or its URL, ignoring case.
fn page_calls_itself(facts: &PageFacts, bare: &str) -> bool {
    let bare = bare.trim().trim_end_matches(',').to_lowercase();
    if bare.is_empty() {
        return false;
    }
    let named = [&facts.page_title, &facts.og_title, &facts.site_name]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .chain(
            facts
                .names
                .iter()
                .filter(|(_, rule)| *rule != "the copyright line" && *rule != LOGO_IMAGE)
                .map(|(name, _)| name.as_str()),
        )
        .any(|text| text.to_lowercase().contains(&bare));
    named || facts.url_names.iter().any(|n| *n == url_form(&bare))
}

/// "Solutions de Transformation Numérique Cloud ... - CCL Consulting" with the `author` meta
/// tag "CCL Consulting": a part of the page's `<title>` or `og:title` that the author meta tag
/// names is the site's owner.
pub(super) fn author_in_title(
    facts: &PageFacts,
    split: &[(TitleParts, &str)],
    is_board: &dyn Fn(&str) -> bool,
) -> Option<Sourced> {
    let (author, _) = facts.names.iter().find(|(_, rule)| *rule == AUTHOR_META)?;
    if author.split_whitespace().count() > 6 || looks_like_role(author) || looks_like_place(author)
    {
        return None;
    }
    let in_title = split
        .iter()
        .filter(|(_, rule)| *rule != "<h1>")
        .any(|(parts, _)| parts.parts.len() >= 2 && parts.parts.iter().any(|p| same(p, author)));
    in_title
        .then(|| {
            let rule = "the author meta tag, also a part of the page title";
            clean_company(Sourced::new(author, rule), is_board)
        })
        .flatten()
}

/// "Comprador – Fácil Insumos Generales" over the footer "© Copyright 2026 | Fácil Insumos
/// Generales": a part of the page's `<title>` or `og:title` that the copyright line's owner
/// or a logo's name names too is the site's owner, when another part is left for the job.
pub(super) fn named_in_title(
    facts: &PageFacts,
    split: &[(TitleParts, &str)],
    is_board: &dyn Fn(&str) -> bool,
) -> Option<Sourced> {
    let names: Vec<&str> = facts
        .names
        .iter()
        .filter(|(_, rule)| {
            matches!(*rule, "the copyright line" | "a logo's text") || *rule == LOGO_IMAGE
        })
        .map(|(name, _)| without_legal_form(name))
        .collect();
    split
        .iter()
        .filter(|(parts, rule)| *rule != "<h1>" && parts.parts.len() >= 2)
        .flat_map(|(parts, rule)| parts.parts.iter().map(move |p| (p, *rule)))
        .find_map(|(part, rule)| {
            // "Wallpraxis Winsen" as a logo's name: the name, then its town.
            let named = names
                .iter()
                .any(|n| same(n, part) || same(n, without_legal_form(part)) || town_glued(n, part));
            // "klgates | Jobs and Careers" under the logo "klgates": a handle, not a name.
            let handle = !part.contains(char::is_whitespace) && !part.contains(char::is_uppercase);
            (named
                && !handle
                && part.split_whitespace().count() <= 6
                && !looks_like_role(part)
                && !looks_like_place(part))
            .then(|| {
                let rule = format!("{rule} part, also the copyright line's or a logo's name");
                clean_company(Sourced::new(part, rule), is_board)
            })
            .flatten()
        })
}

/// Whether `name` is `part` and one more capitalised word, a town ("Wallpraxis Winsen" for
/// "Wallpraxis").
fn town_glued(name: &str, part: &str) -> bool {
    let part = part.trim();
    let Some((head, town)) = name.trim().rsplit_once(' ') else {
        return false;
    };
    part.chars().count() >= 3
        && same(head, part)
        && town.chars().count() >= 3
        && town.chars().next().is_some_and(char::is_uppercase)
        && town.chars().skip(1).all(char::is_lowercase)
        && legal_form(town).is_none()
}

/// The organization the text says `company` is part of ("The Diagnostic Image Analysis Group
/// is part of the Radboud University Medical Center"), else `company`: a unit read as the
/// company gives way to its employer.
pub(super) fn organization_of(
    facts: &PageFacts,
    company: Sourced,
    is_board: &dyn Fn(&str) -> bool,
) -> Sourced {
    facts
        .parents
        .iter()
        .find(|(unit, _)| super::same(unit, &company.text))
        .and_then(|(_, parent)| {
            let rule = format!(
                "the text's \"<unit> is part of <organization>\" ({})",
                company.rule
            );
            clean_company(Sourced::new(parent.as_str(), rule), is_board)
        })
        .unwrap_or(company)
}

/// Whether a microdata company repeats the job's title (the `name` of its logo): no company.
pub(super) fn repeats_title(facts: &PageFacts, company: &Sourced) -> bool {
    let shown = facts.microdata.get(TITLE).and_then(|t| t.as_ref());
    let titles = [shown.map(|t| t.text.as_str()), facts.h1.as_deref()];
    company.rule.starts_with("microdata")
        && titles
            .into_iter()
            .flatten()
            .any(|t| super::same(t, &company.text))
}

/// A company name cleaned of a board's "- Jobs" / "Careers" suffix; `None` for a board's own
/// name.
pub(super) fn clean_company(
    mut company: Sourced,
    is_board: &dyn Fn(&str) -> bool,
) -> Option<Sourced> {
    if let Some(c) = AT.captures(&company.text)
        && let Some(name) = c.name("company")
    {
        company.text = name.as_str().to_owned();
    }
    for lead in ["at ", "bei ", "chez ", "@ ", "by "] {
        if company.text.len() > lead.len()
            && company
                .text
                .get(..lead.len())
                .is_some_and(|l| l.eq_ignore_ascii_case(lead))
        {
            company.text = company
                .text
                .get(lead.len()..)
                .unwrap_or_default()
                .trim()
                .to_owned();
        }
    }
    // "(0147) International Business Machines Corporation": an internal code before the name.
    if let Some(rest) = company.text.strip_prefix('(')
        && let Some((code, name)) = rest.split_once(')')
        && !code.is_empty()
        && code.chars().all(|c| c.is_ascii_digit())
        && !name.trim().is_empty()
    {
        company.text = name.trim().to_owned();
    }
    let parts = split_all(&company.text, &[" - ", " | ", " – "]);
    let kept: Vec<&str> = parts
        .into_iter()
        .filter(|p| !generic(p) && !is_board(p))
        .collect();
    let name = owner_name(kept.first()?).to_owned();
    if name.is_empty()
        || name.chars().count() > 100
        || undisclosed(&name)
        || pronoun(&name)
        || !may_be_company(&name)
    {
        return None;
    }
    company.text = name;
    Some(company)
}

/// Whether a name is a pronoun ("Ihre Karriere bei uns"): the `pronoun` words of
/// `sites/labels.toml`, with the user's.
fn pronoun(name: &str) -> bool {
    let lower = name
        .trim()
        .trim_end_matches(['!', '.'])
        .trim()
        .to_lowercase();
    crate::extract::sites::active()
        .labels()
        .pronoun
        .contains(&lower)
}

/// Whether a company field says the employer is not named: "Private Advertiser",
/// "Confidential", "Anonymous employer".
fn undisclosed(name: &str) -> bool {
    let lower = name.to_lowercase();
    [
        "private advertiser",
        "confidential",
        "anonymous",
        "undisclosed",
        "not disclosed",
        "company confidential",
        "private company",
    ]
    .iter()
    .any(|u| lower.starts_with(u))
}
