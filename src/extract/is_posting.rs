//! Whether a document is a job posting at all: a license text, an earlier results table or a
//! list of many jobs gets a reason instead of a score.
//!
//! Written to be sure when it answers: a document with structured posting data, or with a
//! section of requirements or responsibilities, is always a posting; otherwise only strong
//! signs of another kind of document make it "not a posting".

use super::{Posting, SectionKind, looks_like_role};

/// Bytes of text looked at for the signs below.
const SAMPLE_BYTES: usize = 20_000;

/// A page this short that says the job is closed is that notice, not the posting.
const MAX_CLOSED_WORDS: usize = 250;

/// A page with no section of a posting this short that says it has no openings is that
/// notice ("Si hoy no hay una vacante abierta, dejá tu CV"), not a posting.
const MAX_NO_OPENINGS_WORDS: usize = 600;

/// Phrases of license texts (lowercase).
const LICENSE_MARKS: &[&str] = &[
    "permission is hereby granted",
    "the software is provided \"as is\"",
    "without warranty of any kind",
    "gnu general public license",
    "gnu lesser general public license",
    "apache license",
    "licensed under the apache license",
    "redistribution and use in source and binary forms",
    "mozilla public license",
    "creative commons",
    "this program is free software",
    "all rights reserved",
    "warranties of merchantability",
];

/// Substrings (lowercase) of words that job postings use, in the languages jobfit reads.
const JOB_WORDS: &[&str] = &[
    "job",
    "role",
    "position",
    "hiring",
    "hire",
    "candidate",
    "experience",
    "responsibilit",
    "requirement",
    "qualification",
    "apply",
    "salary",
    "we are looking",
    "you will",
    "skills",
    "career",
    "vacancy",
    "stelle",
    "aufgaben",
    "profil",
    "erfahrung",
    "bewerb",
    "poste",
    "expérience",
    "candidat",
    "mission",
    "puesto",
    "experiencia",
    "requisitos",
    "vaga",
    "experiência",
    "lavoro",
    "esperienza",
    "requisiti",
    "vacature",
    "ervaring",
    "functie",
    "praca",
    "doświadczenie",
    "wymagania",
    "вакансі",
    "опыт",
    "досвід",
    "требования",
    "вимоги",
    "обязанности",
    "обов'язки",
    "职位",
    "岗位",
    "要求",
    "经验",
    "招聘",
    "tuyển",
    "kinh nghiệm",
    "yêu cầu",
    "công việc",
];

/// A title that names a list of jobs: a count of results, or plural "jobs" words at either
/// end ("598 Treffer für Werkstudent Jobs", "usa jobs", "Вакансії Python Київ 16").
static LIST_TITLE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    // Plural words that end a list's title, or start it ("Вакансії Python Київ", "Jobs in
    // Berlin"; not "Jobs of today"); a count may stand beside any of them.
    let lists = r"(?:jobs|vacancies|stellenangebote|вакансії|вакансии|empleos|vacantes|vacatures|oferty pracy|vagas|pozicije|offres d['’]emploi)";
    let leads = r"(?:jobs (?:in|for|near)|vacancies in|вакансії|вакансии)";
    let counted = r"(?:treffer|results|jobs|vacancies|openings|positions|stellen|stellenangebote|offres|empleos|ofertas|vacatures|oferty|вакансій|вакансий|вакансії|вакансии)";
    let pattern = format!(
        r"(?i)^(?:\d[\d.,\s]*\s+)?{leads}\b|\b{lists}(?:\s+\d[\d.,]*)?$|\b\d[\d.,]*\s+{counted}\b"
    );
    match regex::Regex::new(&pattern) {
        Ok(re) => re,
        // Unreachable: a constant pattern, compiled by the unit tests.
        Err(error) => unreachable!("list titles: {error}"),
    }
});

/// A page's own title or heading that names a list of jobs or of search results: a count of
/// jobs at its start ("8 vagas de emprego para ...", "30+ Jobs"), a count of results ("총
/// 1,341건의 검색결과"), "search results" words, or a Chinese board's "招聘，求职" (hiring, job
/// seeking) landing title. Stricter than [`LIST_TITLE`], which reads a title already cleaned
/// of the site's name ("Acme Jobs" is a careers site's name, not a list).
static LIST_PAGE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    let counted = r"(?:jobs|vacancies|vagas|offres|ofertas|empleos|stellen|stellenangebote|treffer|results|resultados|résultats|openings|positions|vacatures|вакансий|вакансии|вакансій|вакансії)";
    let pattern = format!(
        r"(?i)^\d[\d.,]*\+?\s+{counted}\b|\d[\d,]*\s*건의?\s*(?:검색\s*결과|채용\s*공고)|검색\s*결과|\bsearch results\b|\bsuchergebnisse\b|résultats de recherche|resultados de (?:la )?búsqueda|\b\d[\d.,]*\+?\s+(?:\w+\s+){{0,4}}(?:job\s+)?vacancies\b|^\d[\d.,]*\+?\s+(?:[\w-]+\s+){{1,4}}jobs\b|搜索结果|招聘\s*[，,（(]\s*求职"
    );
    match regex::Regex::new(&pattern) {
        Ok(re) => re,
        // Unreachable: a constant pattern, compiled by the unit tests.
        Err(error) => unreachable!("list pages: {error}"),
    }
});

/// Whether a heading or title names a list of jobs by its plural words or a count
/// ("Aktualne oferty pracy", "Jobs in Berlin"; see [`LIST_TITLE`]).
pub fn names_jobs(title: &str) -> bool {
    LIST_TITLE.is_match(title.trim())
}

/// Whether a heading says the page lists all its openings ("Alle Stellen bei K. & M. Bucher
/// Transporte AG", "All our open positions"; see [`ALL_OPENINGS`]): a page's name, not a job's.
pub fn names_all_openings(heading: &str) -> bool {
    ALL_OPENINGS.is_match(heading)
}

/// Whether a page's own `<title>`, `og:title` or main heading names a list of jobs (see
/// [`LIST_PAGE`]).
pub fn names_a_list(title: &str) -> bool {
    LIST_PAGE.is_match(title.trim())
}

/// Why `posting` is not a job posting, or `None` when it is (or may be) one. `structured` is
/// whether structured posting data (JSON-LD `JobPosting`, a board's API) described it.
pub fn not_a_posting(posting: &Posting, structured: bool) -> Option<String> {
    if let Some(shown) = posting.meta.postings_on_page {
        return Some(format!("a list of {shown} jobs, not one posting"));
    }
    if structured {
        return None;
    }
    let text = posting.text.get(..floor(&posting.text, SAMPLE_BYTES))?;
    if text.starts_with("source,status,error") || text.starts_with("source\tstatus\terror") {
        return Some("a jobfit results table, not a posting".to_owned());
    }
    // "Il n’y a actuellement pas d’offres d’emploi": a typographic apostrophe is the plain one.
    let lower = super::lower::lowercase(text).replace('\u{2019}', "'");
    // The closed phrases are read of short pages only: a longer one is not searched for them.
    let found = Marks::found(
        &lower,
        posting.words <= MAX_CLOSED_WORDS.max(MAX_NO_OPENINGS_WORDS),
    );
    let license = found.license;
    let job_words = found.job_words;
    if license >= 2 && job_words <= 3 {
        return Some("a license text, not a posting".to_owned());
    }
    if let Some(title) = posting.meta.title.as_deref()
        && LIST_TITLE.is_match(title)
        && !one_opening_under_a_page_name(posting, title)
    {
        return Some(format!("a list of jobs ({title:?}), not one posting"));
    }
    if let Some(line) = RESULTS_LINE.find(text) {
        return Some(format!(
            "a list of search results ({:?}), not one posting",
            line.as_str()
        ));
    }
    if let Some(title) = posting.meta.list_title.as_deref() {
        return Some(format!("a list of jobs ({title:?}), not one posting"));
    }
    if posting.words <= MAX_CLOSED_WORDS && found.closed {
        return Some("the job is no longer open: the page says so".to_owned());
    }
    // "Oops, an error occurred! Code: 20240415122428d7a08ba0" where the job should be.
    if posting.words <= MAX_ERROR_PAGE_WORDS && error_page(&lower) {
        return Some("an error page, not a posting".to_owned());
    }
    // A company's page: near its top, a line that only counts its openings ("1 job opening",
    // "12 open positions"), even where its texts have sections a posting has
    // ("Our key skills").
    if let Some(count) = (0..posting.blocks.len().min(COUNT_LINES))
        .map(|i| posting.block_text(i))
        .find(|t| OPENINGS.is_match(t.trim()))
    {
        return Some(format!(
            "a company's page ({:?}), not one posting",
            count.trim()
        ));
    }
    // Six offers one after another, each with its "¿Qué te ofrecemos?": a section heading
    // that comes back once per offer makes the page a list of complete postings.
    if let Some(offers) = repeated_sections(posting)
        && offers >= MIN_REPEATED_SECTIONS
    {
        return Some(format!("a list of {offers} jobs, not one posting"));
    }
    // "Vacantes" over six profile cards, each a short heading of one level ("Médico del
    // Trabajo", "Fisioterapeuta", "Ejecutivo de Ventas"): a careers page's list of jobs,
    // though a card's requirements read as a posting's section.
    if let Some(cards) = cards_under_list_heading(posting)
        && cards >= MIN_LIST_CARDS
    {
        return Some(format!("a list of {cards} jobs, not one posting"));
    }
    // "Dołącz do naszego zespołu" over six cards, each a role's short heading and one short
    // line ("Robotyk przemysłowy" / "KUKA, FANUC, Staubli"): a short careers page of roles, though a card reads as a
    // posting's section.
    if posting.words <= MAX_CARD_PAGE_WORDS
        && let cards = role_cards(posting)
        && cards >= MIN_ROLE_CARDS
    {
        return Some(format!("a list of {cards} jobs, not one posting"));
    }
    // "Deux profils recherchés" over two roles' headings: a careers page that counts the
    // roles it lists.
    if let Some(listed) = counted_roles(posting) {
        return Some(format!("a list of {listed} jobs, not one posting"));
    }
    let posting_sections = posting.sections.iter().any(|s| {
        matches!(
            s.kind,
            SectionKind::Requirements | SectionKind::Responsibilities | SectionKind::Preferred
        )
    });
    // Job cards labeled alike as a job's title make a list; a posting with its requirements
    // stays one when its theme labels every heading so, a sidebar of other jobs included.
    if let Some(shown) = posting.meta.titled_on_page
        && !posting_sections
    {
        return Some(format!("a list of {shown} jobs, not one posting"));
    }
    if posting_sections {
        return None;
    }
    if posting.words <= MAX_NO_OPENINGS_WORDS && (found.closed || no_openings(&lower)) {
        return Some("a page that says it has no openings, not a posting".to_owned());
    }
    // "Stellenangebot", then only "Initiativbewerbungen nehmen wir jederzeit gern ... entgegen":
    // a careers page with no opening.
    if posting.words <= MAX_UNSOLICITED_WORDS && unsolicited(&lower) {
        return Some("a careers page that only invites unsolicited applications".to_owned());
    }

    let headings: Vec<&str> = (0..posting.blocks.len())
        .filter(|&i| {
            posting
                .blocks
                .get(i)
                .is_some_and(|b| matches!(b.kind, super::BlockKind::Heading(_)))
        })
        .map(|i| posting.block_text(i))
        .collect();
    // "Stellenangebote" then headings of roles ("Mitarbeiter Warenaufbereitung (m/w)"): a
    // careers page's list, each job a link.
    if let Some(at) = headings
        .iter()
        .position(|h| h.split_whitespace().count() <= 3 && LIST_TITLE.is_match(h.trim()))
    {
        let listed = headings
            .iter()
            .skip(at + 1)
            .filter(|t| {
                t.split_whitespace().count() <= 14 && (looks_like_role(t) || GENDER.is_match(t))
            })
            .count();
        if listed >= MIN_LISTED_ROLES {
            return Some(format!("a list of {listed} jobs, not one posting"));
        }
    }
    // "Hier findest Du alle offenen Stellen der 4SELLERS GmbH" over entries such as
    // "Küchenprofi (m/w/d) in Teilzeit für unsere Betriebskantine": a heading that says it
    // lists all the openings, then roles.
    if let Some(at) = headings.iter().position(|h| ALL_OPENINGS.is_match(h)) {
        let listed = headings
            .iter()
            .skip(at + 1)
            .filter(|t| {
                t.split_whitespace().count() <= 14
                    && (looks_like_role(t) || GENDER_MARK.is_match(t))
            })
            .count();
        if listed >= MIN_ALL_OPENINGS_ROLES {
            return Some(format!("a list of {listed} jobs, not one posting"));
        }
    }
    // "Ontdek alle vacatures" (discover all vacancies) over six cards, each its own lower
    // heading ("Zelfstandig werkend kok", "Chef de Partie"): a careers page's list of jobs.
    if let Some(listed) = cards_under_all_openings(posting)
        && listed >= MIN_OPENING_CARDS
    {
        return Some(format!("a list of {listed} jobs, not one posting"));
    }
    // "Vagas_" over three cards of a role, a stack and a pay each: a short page headed by a
    // plural word for jobs, with no section a posting has, is that list.
    if posting.words <= MAX_LIST_PAGE_WORDS
        && let Some(heading) = headings.first()
        && LIST_TITLE.is_match(heading.trim_matches(|c: char| !c.is_alphanumeric()))
    {
        return Some(format!("a list of jobs ({heading:?}), not one posting"));
    }
    let roles = headings
        .iter()
        .filter(|t| t.split_whitespace().count() <= 14 && looks_like_role(t))
        .count();
    if roles >= 8 && roles * 2 >= headings.len() {
        return Some(format!("a list of {roles} jobs, not one posting"));
    }
    // A list whose rows are plain lines ("Jan 13 QA Automation Engineer (Boston, MA)", a
    // classifieds board): most lines are short and name a role.
    let lines = posting.blocks.len();
    let role_lines = (0..lines)
        .map(|i| posting.block_text(i))
        .filter(|t| t.split_whitespace().count() <= 16 && looks_like_role(t))
        .count();
    if role_lines >= MIN_ROLE_LINES && role_lines * 2 >= lines {
        return Some(format!("a list of {role_lines} jobs, not one posting"));
    }
    None
}

/// A careers page's own name, alone: a plural word for jobs with no count and no other word
/// ("Jobs", "Vacancies"; not "Jobs in Berlin" or "30 Jobs").
static PAGE_NAME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    let pattern = r"(?i)^\W*(?:jobs|careers|vacancies|openings|stellenangebote|vacatures|vagas|empleos|vacantes|вакансії|вакансии)\W*$";
    match regex::Regex::new(pattern) {
        Ok(re) => re,
        // Unreachable: a constant pattern, compiled by the unit tests.
        Err(error) => unreachable!("page names: {error}"),
    }
});

/// Whether a page whose title is only the careers page's name ("Jobs") holds a single opening:
/// it has a section a posting has (requirements, duties) and at most one heading that names a
/// role ("We're hiring!", "Open Roles", then "Developer - hardware and product development").
/// A careers page that lists several roles stays a list.
fn one_opening_under_a_page_name(posting: &Posting, title: &str) -> bool {
    if !PAGE_NAME.is_match(title.trim()) {
        return false;
    }
    let posting_sections = posting.sections.iter().any(|s| {
        matches!(
            s.kind,
            SectionKind::Requirements | SectionKind::Responsibilities | SectionKind::Preferred
        )
    });
    let roles = (0..posting.blocks.len())
        .filter(|&i| {
            posting
                .blocks
                .get(i)
                .is_some_and(|b| matches!(b.kind, super::BlockKind::Heading(_)))
        })
        .map(|i| posting.block_text(i))
        .filter(|t| {
            t.split_whitespace().count() <= 14 && (names_a_role(t) || GENDER_MARK.is_match(t))
        })
        .count();
    posting_sections && roles <= 1
}

/// Whether a heading names a role by a whole role word ("Developer - hardware and product
/// development", "Firmware Engineers"), not by a part of another word ("Internal and external
/// systems").
fn names_a_role(heading: &str) -> bool {
    looks_like_role(heading)
        && (heading.to_lowercase().contains("head of")
            || heading
                .split(|c: char| !c.is_alphanumeric())
                .map(str::to_lowercase)
                .any(|word| {
                    let singular = word.strip_suffix('s').unwrap_or(&word);
                    super::ROLE_WORD_LIST
                        .iter()
                        .any(|role| *role == word || *role == singular)
                }))
}

/// Most words of a page that says only that its content failed to load.
const MAX_ERROR_PAGE_WORDS: usize = 40;

/// Whether the (lowercase) text says the page failed to load: the `error_page` phrases of
/// `sites/labels.toml`.
fn error_page(lower: &str) -> bool {
    super::sites::active()
        .labels()
        .error_page
        .iter()
        .any(|phrase| lower.contains(phrase.as_str()))
}

/// Whether the (lowercase) text says the page has no opening: the `no_openings` phrases of
/// `sites/labels.toml` ("alle freien stellen besetzt", "il nostro staff è completo").
fn no_openings(lower: &str) -> bool {
    super::sites::active().no_openings_phrases().is_match(lower)
}

/// Most words of a page that says only that it welcomes unsolicited applications.
const MAX_UNSOLICITED_WORDS: usize = 120;

/// Whether the (lowercase) text invites unsolicited applications: the `unsolicited` phrases of
/// `sites/labels.toml`.
fn unsolicited(lower: &str) -> bool {
    super::sites::active()
        .labels()
        .unsolicited
        .iter()
        .any(|phrase| lower.contains(phrase.as_str()))
}

/// Short headings of one level in a row, under a first heading that names a list of jobs,
/// that make the page that list.
const MIN_LIST_CARDS: usize = 4;

/// Most words of a card's heading (a job's name: "Instructor Certificado STPS").
const MAX_CARD_WORDS: usize = 6;

/// The longest run of headings of one level, each short and no section of a posting
/// ("Requisitos"), after a first heading that names a list of jobs ("Vacantes") and below its
/// level.
fn cards_under_list_heading(posting: &Posting) -> Option<usize> {
    let headings: Vec<(u8, &str)> = (0..posting.blocks.len())
        .filter_map(|i| match posting.blocks.get(i)?.kind {
            super::BlockKind::Heading(level) => Some((level, posting.block_text(i).trim())),
            _ => None,
        })
        .collect();
    let (&(top, first), rest) = headings.split_first()?;
    if first.split_whitespace().count() > 3
        || !LIST_TITLE.is_match(first.trim_matches(|c: char| !c.is_alphanumeric()))
    {
        return None;
    }
    let card = |level: u8, text: &str| {
        level > top
            && text.split_whitespace().count() <= MAX_CARD_WORDS
            && super::sections::classify_heading(text).is_none()
    };
    let (mut best, mut run, mut at) = (0, 0, 0);
    for &(level, text) in rest {
        run = if card(level, text) && level == at {
            run + 1
        } else {
            usize::from(card(level, text))
        };
        at = level;
        best = best.max(run);
    }
    Some(best)
}

/// Cards in a row, each a short heading and at most one short line, that make a short page
/// with no section of a posting a list of roles.
const MIN_ROLE_CARDS: usize = 5;

/// Most words of a page of role cards.
const MAX_CARD_PAGE_WORDS: usize = 400;

/// Most words of the one line under a card's heading ("Siemens, Allen-Bradley, Phoenix
/// Contact").
const MAX_CARD_LINE_WORDS: usize = 8;

/// Deeper headings a heading that counts roles stands over: "Deux profils recherchés" over
/// the `<h3>`s "Chef d'équipe expérimenté" and "Débutant(e) motivé(e)". The heading opens with
/// a count of two or more (a number, or a `count_word` of `sites/labels.toml`) and a word for
/// roles (`roles_noun`); at least two deeper headings that are no posting's sections follow
/// before the next heading of its level.
fn counted_roles(posting: &Posting) -> Option<usize> {
    let words = super::sites::active().labels();
    let level_at = |i: usize| match posting.blocks.get(i).map(|b| b.kind) {
        Some(super::BlockKind::Heading(level)) => Some(level),
        _ => None,
    };
    (0..posting.blocks.len()).find_map(|i| {
        let level = level_at(i)?;
        let text = posting.block_text(i).to_lowercase();
        let mut lead = text.split_whitespace();
        let (count, noun) = (lead.next()?, lead.next()?.trim_end_matches(':'));
        let counted = count.parse::<usize>().is_ok_and(|n| n >= 2)
            || words.count_word.iter().any(|w| w == count);
        if !counted || !words.roles_noun.iter().any(|w| w == noun) {
            return None;
        }
        let listed = (i + 1..posting.blocks.len())
            .map_while(|j| match level_at(j) {
                Some(deeper) if deeper <= level => None,
                deeper => Some(deeper.map(|_| j)),
            })
            .flatten()
            .filter(|&j| super::sections::classify_heading(posting.block_text(j)).is_none())
            .count();
        (listed >= 2).then_some(listed)
    })
}

/// The most cards of one group: the headings of one level between two higher ones, each
/// short and no field's label ("Työnantaja"), fewer than half a posting's section
/// ("Projektant EPLAN" reads as "projekt"), each followed by one short line before the next
/// (a list of bare headings, "United States", "Canada", is no list of roles), and no deeper
/// heading among them.
fn role_cards(posting: &Posting) -> usize {
    let sites = super::sites::active();
    let (sets, words) = (sites.label_sets(), sites.labels());
    // `None`: no card; else whether the card's heading reads as a posting's section.
    let card = |text: &str| {
        let label = text.trim_end_matches([':', '：']).to_lowercase();
        let labels = [&sets.location, &sets.company, &sets.title];
        (text.split_whitespace().nth(MAX_CARD_WORDS).is_none()
            && !labels.iter().any(|set| set.contains(&label))
            && !words.other.contains(&label))
        .then(|| usize::from(super::sections::classify_heading(text).is_some()))
    };
    let valid = |n: usize, sections: Option<usize>| sections.is_some_and(|s| s * 2 < n);
    // The open group: its level, its headings, and how many read as sections (`None`: one
    // is no card).
    let (mut best, mut group, mut lines, mut long) =
        (0, None::<(u8, usize, Option<usize>)>, 0, false);
    for i in 0..posting.blocks.len() {
        let text = posting.block_text(i).trim();
        let Some(super::BlockKind::Heading(level)) = posting.blocks.get(i).map(|b| b.kind) else {
            lines += 1;
            // Words are counted up to one past the bound, and not once a line was long.
            long = long || text.split_whitespace().nth(MAX_CARD_LINE_WORDS).is_some();
            continue;
        };
        group = match group {
            Some((at, n, sections)) if at == level => {
                let fits = lines == 1 && !long;
                let sections = sections.zip(card(text).filter(|_| fits));
                Some((at, n + 1, sections.map(|(a, b)| a + b)))
            }
            // A deeper heading: the group's last heading is no card; a higher one ends it.
            _ => {
                if let Some((at, n, sections)) = group
                    && level < at
                    && valid(n, sections)
                {
                    best = best.max(n);
                }
                (level > 1).then(|| (level, 1, card(text)))
            }
        };
        (lines, long) = (0, false);
    }
    if let Some((_, n, sections)) = group
        && valid(n, sections)
    {
        best = best.max(n);
    }
    best
}

/// Cards, each a heading of a lower level, under a heading that says it lists all openings
/// that make the page that list.
const MIN_OPENING_CARDS: usize = 3;

/// How many headings of the next lower level follow a heading that says it lists all
/// openings ("Ontdek alle vacatures"), before a heading of its own level or higher.
fn cards_under_all_openings(posting: &Posting) -> Option<usize> {
    let level = |i: usize| match posting.blocks.get(i).map(|b| &b.kind) {
        Some(super::BlockKind::Heading(level)) => Some(*level),
        _ => None,
    };
    let at = (0..posting.blocks.len())
        .find(|&i| level(i).is_some() && ALL_OPENINGS.is_match(posting.block_text(i).trim()))?;
    let top = level(at)?;
    let mut cards = 0;
    for i in at + 1..posting.blocks.len() {
        match level(i) {
            Some(l) if l <= top => break,
            Some(l) if l == top + 1 => cards += 1,
            _ => {}
        }
    }
    Some(cards)
}

/// Role headings under a heading that names a list of jobs that make the page that list.
const MIN_LISTED_ROLES: usize = 3;

/// Role headings under a heading that says it lists all openings that make the page that list.
const MIN_ALL_OPENINGS_ROLES: usize = 2;

/// A heading that says the page lists all the openings: "alle offenen Stellen", "all our open
/// positions", "toutes nos offres", "todas las vacantes".
static ALL_OPENINGS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    let pattern = r"(?i)\b(?:alle (?:unsere |unserer )?(?:offenen |aktuellen )?(?:stellen|stellenangebote|jobs)|all (?:our )?(?:open |current )?(?:jobs|positions|openings|vacancies)|toutes nos offres|todas (?:nuestras |las )(?:vacantes|ofertas)|todas as vagas|alle (?:onze |openstaande )?vacatures)\b";
    match regex::Regex::new(pattern) {
        Ok(re) => re,
        // Unreachable: a constant pattern, compiled by the unit tests.
        Err(error) => unreachable!("all openings: {error}"),
    }
});

/// Times a section heading of a posting comes back that make a page a list of postings.
const MIN_REPEATED_SECTIONS: usize = 3;

/// Most words of a page headed by a plural word for jobs that is that list, not a posting.
const MAX_LIST_PAGE_WORDS: usize = 150;

/// How often the most repeated heading of a posting's own sections (requirements, duties,
/// nice-to-haves, benefits) comes back on the page after other sections, ignoring case. A run
/// of sections under one heading counts once: "Deseable: SAGA", "Deseable: Circuit Braker"
/// are lines of one list, not offers.
fn repeated_sections(posting: &Posting) -> Option<usize> {
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut previous: Option<String> = None;
    for section in &posting.sections {
        let heading = section.heading.as_deref().map(|h| h.trim().to_lowercase());
        let own = matches!(
            section.kind,
            SectionKind::Requirements
                | SectionKind::Responsibilities
                | SectionKind::Preferred
                | SectionKind::Benefits
        );
        if own
            && let Some(heading) = &heading
            && previous.as_ref() != Some(heading)
        {
            *counts.entry(heading.clone()).or_default() += 1;
        }
        previous = heading;
    }
    counts.into_values().max()
}

/// The gender marker that ends a job's title in German, French and Dutch ads: "(m/w)",
/// "(m/w/d)", "(h/f)", "(f/h/x)", "(m/v)".
static GENDER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    match regex::Regex::new(r"(?i)\((?:[mwfhdvx]\s*/\s*){1,3}[mwfhdvx]\)\s*$") {
        Ok(re) => re,
        // Unreachable: a constant pattern, compiled by the unit tests.
        Err(error) => unreachable!("gender markers: {error}"),
    }
});

/// The gender marker of a job's title anywhere in a line ("Küchenprofi (m/w/d) in Teilzeit").
static GENDER_MARK: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    match regex::Regex::new(r"(?i)\((?:[mwfhdvx]\s*/\s*){1,3}[mwfhdvx]\)") {
        Ok(re) => re,
        // Unreachable: a constant pattern, compiled by the unit tests.
        Err(error) => unreachable!("gender marks: {error}"),
    }
});

/// Whether a line holds the gender marker of a job's title anywhere ("Associate (m/w/d)
/// Insolvenzverwaltung"): a job's title, never a company's name.
pub fn has_gender_mark(line: &str) -> bool {
    GENDER_MARK.is_match(line)
}

/// Whether a line ends with the gender marker of a German, French or Dutch job title
/// ("IT-Techniker (m/w/d)").
pub fn gendered_title(line: &str) -> bool {
    GENDER.is_match(line.trim())
}

/// A search's count of the results shown: "Results 1-50 of 5000", "Showing 1 - 20 of 312
/// jobs", or a line that is only that count ("Exibindo 500 vagas").
static RESULTS_LINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    match regex::Regex::new(
        r"(?im)\b(?:results|showing|jobs)\s+\d[\d,.]*\s*[-–]\s*\d[\d,.]*\s+of\s+\d[\d,.]*\b|^(?:showing|exibindo|mostrando|affichage de)\s+\d[\d,.]*\s+(?:jobs|vagas|empleos|ofertas|offres|vacancies|results|resultados|résultats)$",
    ) {
        Ok(re) => re,
        // Unreachable: a constant pattern, compiled by the unit tests.
        Err(error) => unreachable!("results lines: {error}"),
    }
});

/// Short lines naming a role that make a page of plain lines a list of jobs.
const MIN_ROLE_LINES: usize = 20;

/// How many first lines of a page are looked at for a count of openings.
const COUNT_LINES: usize = 15;

/// A line that is only a count of openings: "1 job opening", "12 open positions", "3 offene
/// Stellen", "5 offres d'emploi", "7 вакансій".
static OPENINGS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    let pattern = r"(?i)^\d[\d.,]*\+?\s+(?:job openings?|open (?:positions?|jobs|roles)|openings|jobs? available|offene stellen|offres? d'emploi|ofertas? de empleo|vagas? abertas?|вакансі[йїя]|вакансий|вакансии|вакансия)$";
    match regex::Regex::new(pattern) {
        Ok(re) => re,
        // Unreachable: a constant pattern, compiled by the unit tests.
        Err(error) => unreachable!("counts of openings: {error}"),
    }
});

/// How many of the license marks and job words a text holds, and whether it says the job is
/// closed (one of the `closed` phrases of `sites/labels.toml`): Aho-Corasick automata, where
/// one `contains` per phrase read the text some sixty times. The job words count only for a
/// text with two license marks or more (elsewhere they decide nothing and are left at 0): the
/// license marks, long and rare, are searched alone (first by a leftmost search, with a vector
/// prefilter, for whether any is there) instead of with the short, common job words, which
/// leave a prefilter nothing to skip.
struct Marks {
    license: usize,
    job_words: usize,
    closed: bool,
}

/// Ids `0..L` are [`LICENSE_MARKS`].
static MARKS: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
    std::sync::LazyLock::new(|| marks_automaton(LICENSE_MARKS));

/// The phrases of [`MARKS`] for a leftmost search, which (unlike an overlapping one) skips
/// to them with a vector prefilter: most texts hold none, and are read once that fast.
static ANY_MARK: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build(LICENSE_MARKS)
            .ok()
    });

/// [`JOB_WORDS`].
static JOB_MARKS: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
    std::sync::LazyLock::new(|| marks_automaton(JOB_WORDS));

fn marks_automaton<'a>(
    phrases: impl IntoIterator<Item = &'a &'a str>,
) -> Option<aho_corasick::AhoCorasick> {
    aho_corasick::AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(phrases)
        .ok()
}

/// Which of `phrases` (searched by `automaton`, when it built) `lower` holds, into `seen`.
fn mark_seen(
    automaton: Option<&aho_corasick::AhoCorasick>,
    phrases: impl IntoIterator<Item = &'static &'static str>,
    lower: &str,
    seen: &mut [bool],
) {
    match automaton {
        Some(automaton) => {
            for m in automaton.find_overlapping_iter(lower) {
                if let Some(slot) = seen.get_mut(m.pattern().as_usize()) {
                    *slot = true;
                }
            }
        }
        // The automaton of constant phrases always builds; the slow path stays exact.
        None => {
            for (slot, phrase) in seen.iter_mut().zip(phrases) {
                *slot = lower.contains(phrase);
            }
        }
    }
}

impl Marks {
    /// The marks of `lower` (lowercase text); each phrase counts once however often it occurs.
    /// The closed phrases are looked for only when `closed` is asked for (else: false).
    fn found(lower: &str, closed: bool) -> Marks {
        let mut seen = [false; LICENSE_MARKS.len()];
        if ANY_MARK.as_ref().is_none_or(|any| any.is_match(lower)) {
            mark_seen(MARKS.as_ref(), LICENSE_MARKS, lower, &mut seen);
        }
        let license = seen.iter().filter(|&&s| s).count();
        let mut job_words = [false; JOB_WORDS.len()];
        if license >= 2 {
            mark_seen(JOB_MARKS.as_ref(), JOB_WORDS, lower, &mut job_words);
        }
        Marks {
            license,
            job_words: job_words.iter().filter(|&&s| s).count(),
            closed: closed && super::sites::active().closed_phrases().is_match(lower),
        }
    }
}

/// The largest char boundary of `text` at or below `at`.
fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use crate::extract::{Format, extract};

    fn reason(text: &str, format: Format) -> Option<String> {
        let posting = extract(text.as_bytes(), format);
        match posting {
            Err(crate::extract::ExtractError::NotAPosting(reason)) => Some(reason),
            _ => None,
        }
    }

    #[test]
    fn a_heading_that_counts_the_roles_under_it_makes_a_list() {
        // tests/fixtures/pages/basso-not-posting-recrutement-two-profiles-fr.html, cut down.
        let page = "<html><body><h1>Rejoignez l'équipe Basso</h1><h2>Deux profils recherchés</h2>\
             <h3>Chef d'équipe expérimenté</h3><p>Vous encadrez une équipe de saisonniers dans \
             les vignes.</p><h3>Débutant(e) motivé(e)</h3><p>Pas besoin d'expérience, nous vous \
             formons à la taille et aux travaux en vert.</p><h2>Ce que nous offrons</h2><p>Un \
             contrat de saison et un transport.</p></body></html>";
        assert_eq!(
            reason(page, Format::Html).as_deref(),
            Some("a list of 2 jobs, not one posting")
        );
    }

    #[test]
    fn role_cards_and_a_page_whose_positions_are_filled_are_not_postings() {
        // tests/fixtures/pages/nexaut-not-posting-kariera-six-roles-pl.html, its cards.
        let mut page = String::from(
            "<html><body><h2>Dołącz do naszego zespołu</h2><p>Tworzymy nowoczesne rozwiązania \
             przemysłowe i szukamy ludzi, którzy chcą razem z nami kształtować przyszłość.</p>",
        );
        for (role, line) in [
            (
                "Automatyk / Programista PLC",
                "Siemens, Allen-Bradley, Phoenix Contact",
            ),
            ("Robotyk przemysłowy", "KUKA, FANUC, Staubli"),
            (
                "Elektryk / Elektromonter",
                "Szafy sterownicze, schematy, montaż",
            ),
            (
                "Projektant EPLAN",
                "Schematy elektryczne i szafy zasilające",
            ),
            (
                "Projektant CAD (SolidWorks / Inventor)",
                "Mechanika, elementy maszyn",
            ),
            ("Mechanik / UR", "Utrzymanie ruchu, serwis, prefabrykacja"),
        ] {
            page.push_str(&format!("<h3>{role}</h3><p>{line}</p>"));
        }
        page.push_str("<p>Prześlij swoje CV na adres: praca@nexaut.pl</p></body></html>");
        assert_eq!(
            reason(&page, Format::Html).as_deref(),
            Some("a list of 6 jobs, not one posting")
        );
        // A job's fact sheet of labeled headings stays a posting.
        let mut sheet =
            String::from("<html><body><h1>IT-asiantuntija</h1><h2>Työpaikan tiedot</h2>");
        for (label, value) in [
            ("Työnantaja", "Kela"),
            ("Työaika", "Kokoaikatyö"),
            ("Toimiala", "Julkinen hallinto"),
            ("Työsuhteen tyyppi", "Vakituinen"),
            ("Työpaikan sijainti", "Helsinki"),
        ] {
            sheet.push_str(&format!("<h3>{label}</h3><p>{value}</p>"));
        }
        sheet.push_str("</body></html>");
        assert_eq!(reason(&sheet, Format::Html), None);
        // tests/fixtures/pages/ackermann-not-posting-karriere-all-filled-de.html, shortened.
        let filled = "<html><body><h1>Karriere</h1><h2>Glänzende Aussichten</h2>\
            <h2>Momentan suchen wir vor allem:</h2><p>Aktuell sind alle freien Stellen besetzt. \
            Schau gerne zu einem späteren Zeitpunkt nochmals vorbei.</p></body></html>";
        assert!(reason(filled, Format::Html).is_some_and(|r| r.contains("no openings")));
    }

    #[test]
    fn a_closed_vacancy_page_is_not_a_posting() {
        // tests/fixtures/pages-heldout/not-posting-kassellabs-vaga-encerrada-expired.html
        let html = "<html><head><title>Vagas | Kassel Labs</title></head><body>\
            <h1>Encerrada - Vaga Desenvolvimento Frontend (Estágio / Júnior)</h1>\
            <h2>Vaga encerrada</h2><p>Esperamos ter novas vagas futuramente. Caso tenha \
            interesse em trabalhar com a gente, buscamos pessoas que queiram fazer parte de uma \
            startup e que se interessam em construir tecnologia com vídeos.</p></body></html>";
        assert_eq!(
            reason(html, Format::Html).as_deref(),
            Some("the job is no longer open: the page says so")
        );
    }

    #[test]
    fn a_page_of_complete_offers_is_a_list() {
        // tests/fixtures/pages/not-posting-disid-empleo-ofertas-actuales-list.html: three of
        // its six offers, shortened, each with its own sections.
        let html = "<html><head><title>Empleo en DISID</title></head><body>\
            <h1>Empleo en DISID</h1><h2>Ofertas actuales</h2>\
            <h3>Desarrollador GIS</h3><h4>¿Qué buscamos?</h4><p>El desarrollador GIS tendrá \
            habilidades y experiencia en las siguientes áreas:</p><ul><li>Java</li></ul>\
            <h4>¿Qué te ofrecemos?</h4><p>Salario de 22K €/año brutos</p>\
            <h3>Desarrollador Java Full-Stack</h3><h4>¿Qué perfil buscamos?</h4>\
            <p>Programador</p><h4>¿Qué experiencia?</h4><p>El desarrollador Java tendrá \
            habilidades y experiencia en las siguientes áreas:</p><h4>¿Qué te ofrecemos?</h4>\
            <p>Inicialmente, un contrato de 1 años</p>\
            <h3>Desarrollador Frontend Javascript, HTML5 y UX</h3><h4>¿Qué buscamos?</h4>\
            <p>Habilidades en las siguientes áreas:</p><h4>¿Qué te ofrecemos?</h4>\
            <p>Salario según aptitudes, conocimientos y experiencia.</p></body></html>";
        assert_eq!(
            reason(html, Format::Html).as_deref(),
            Some("a list of 3 jobs, not one posting")
        );
    }

    #[test]
    fn a_page_with_no_offers_and_a_short_list_are_not_postings() {
        // tests/fixtures/pages/not-posting-cen-bourgogne-recrutement-no-openings.html
        let none = "<html><head><title>Recrutement - CEN</title></head><body>\
            <h1>Recrutement</h1><h2>Il n\u{2019}y a actuellement pas d\u{2019}offres \
            d\u{2019}emploi</h2><p><a href=\"/contact\">Nous contacter</a></p></body></html>";
        assert_eq!(
            reason(none, Format::Html).as_deref(),
            Some("the job is no longer open: the page says so")
        );
        // tests/fixtures/pages/not-posting-peeplo-vagas-list-three-roles.html, shortened.
        let cards = "<html><head><title>Peeplo Tecnologia - Vagas</title></head><body>\
            <h1>Vagas<span class=\"blink\">_</span></h1>\
            <p>Verifique abaixo as vagas disponíveis.</p>\
            <ul><li>Desenvolvedor Frontend</li><li>Angular (Remoto)</li></ul>\
            <a href=\"#\">R$ 11.000,00</a>\
            <ul><li>Desenvolvedor Backend</li><li>NodeJS (Remoto)</li></ul>\
            <a href=\"#\">R$ 11.000,00</a>\
            <ul><li>Desenvolvedor Fullstack</li><li>React/NodeJS (Remoto)</li></ul>\
            <a href=\"#\">R$ 12.000,00</a></body></html>";
        assert_eq!(
            reason(cards, Format::Html).as_deref(),
            Some("a list of jobs (\"Vagas_\"), not one posting")
        );
    }

    #[test]
    fn a_count_of_results_an_open_application_and_a_portal_are_not_postings() {
        // vagaspelobrasil-not-posting-vagas-search-list-500.html, its first card.
        let list = "<html><head><title>Vagas de emprego em todo o Brasil — Vagas pelo Brasil            </title></head><body><h1>Vagas de emprego</h1><div class=\"vagas-main\">            <div class=\"vagas-count-bar\" id=\"countBar\">Exibindo 500 vagas</div>            <article class=\"vcard\"><h3 class=\"vcard-title\"><a href=\"#\">Supervisor de             Campo - Projetos FIBRA ÓPTICA</a></h3><p>Capitani Engenheiros</p>            <p>Paraná, Londrina</p></article></div></body></html>";
        assert_eq!(
            reason(list, Format::Html).as_deref(),
            Some("a list of search results (\"Exibindo 500 vagas\"), not one posting")
        );
        // wantedforcode-not-posting-empleo-no-vacantes.html: requirements, but no vacancy.
        let open = "<html><head><title>Empleo — Únete al Equipo de Ingeniería de WantedForCode            </title></head><body><h1>Trabaja con Nosotros</h1><h2>Solo Ingenieros Senior</h2>            <p>No contratamos en masa.</p><p class=\"note\">No publicamos vacantes — buscamos             a las personas adecuadas. Si eso eres tú, escríbenos.</p><h3>Qué Buscamos</h3>            <h4>Profundidad Técnica</h4><p>Más de 5 años de experiencia real en producción.</p>            </body></html>";
        assert!(reason(open, Format::Html).is_some());
        // jobs-4sellers-hrworks-not-posting-stellenportal-list.html, two of its entries.
        let portal = "<html><head><title>4SELLERS Stellenportal</title></head><body>            <h1>Hier findest Du alle offenen Stellen der 4SELLERS GmbH</h1>            <h2>Wir freuen uns auf Deine Bewerbung!</h2>            <h2>Küchenprofi (m/w/d) in Teilzeit für unsere Betriebskantine</h2><p>Mehr</p>            <h2>Kaufmännischer Sachbearbeiter Schwerpunkt Finanzbuchhaltung (m/w/d)</h2>            <p>Rain</p><p>Mehr</p></body></html>";
        assert_eq!(
            reason(portal, Format::Html).as_deref(),
            Some("a list of 2 jobs, not one posting")
        );
    }

    #[test]
    fn licenses_and_results_are_not_postings() {
        let mit = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/LICENSE"))
            .unwrap_or_default();
        if !mit.is_empty() {
            assert_eq!(
                reason(&mit, Format::Text).as_deref(),
                Some("a license text, not a posting")
            );
        }
        assert_eq!(
            reason("source,status,error,title\na.md,ok,,Rust\n", Format::Text).as_deref(),
            Some("a jobfit results table, not a posting")
        );
    }

    #[test]
    fn a_short_page_that_says_it_failed_is_an_error_page() {
        // KALO's job page saved while its plugin failed (sixteenth page collection).
        assert!(super::error_page(
            "oops, an error occurred! code: 20240415122428d7a08ba0"
        ));
        assert!(!super::error_page("we are looking for a support engineer"));
    }

    #[test]
    fn list_pages_are_named_by_their_titles() {
        use super::names_a_list;
        // tests/fixtures/pages: VAGAS.com.br, JobKorea and 51job result pages.
        assert!(names_a_list("8 vagas de emprego para programador ruby"));
        assert!(names_a_list(
            "'삼성전자' 관련 📢 채용공고 | 총 1,341건의 검색결과"
        ));
        assert!(names_a_list(
            "【后端开发,游戏,人工智能,运维/技术支持,数据,计算机软件,网络游戏招聘，求职】-前程无忧"
        ));
        assert!(names_a_list(
            "Data Analyst Jobs In Hyderabad Secunderabad - 3894 Data Analyst Job Vacancies"
        ));
        assert!(names_a_list(
            "成都会计招聘（求职） 会计招聘（求职）尽在智联招聘"
        ));
        // ZipRecruiter's search page (seventeenth page collection): words between count and
        // "Jobs".
        assert!(names_a_list(
            "119 Staff Platform Architect Jobs (NOW HIRING) in Remote (USA)"
        ));
        assert!(!names_a_list("Rust Engineer | Acme Jobs"));
        assert!(!names_a_list(
            "「AutoCAD开发工程师（北京）招聘」_基准方中招聘-BOSS直聘"
        ));
        assert!(!names_a_list("Senior Engineer (2 positions)"));
    }

    #[test]
    fn search_results_careers_lists_and_no_openings_are_not_postings() {
        // Lines of the ninth page collection: a 2009 USAJOBS results page, ZUUMEO's careers
        // list of PDF links, Valor Humano's jobs page.
        let results = "<h1>USAJOBS</h1><p>Results 1-50 of 5000 Page: [1] 2 3</p>\
             <p>Nurse Practitioner</p><p>Health &amp; Human Services, Indian Health Service</p>";
        assert_eq!(
            reason(results, Format::Html).as_deref(),
            Some("a list of search results (\"Results 1-50 of 5000\"), not one posting")
        );
        let list = "<h2>KARRIERE</h2><p>Aktuell suchen wir:</p><h3>Stellenangebote</h3>\
             <h4>MITARBEITER WARENAUFBEREITUNG (M/W)</h4><p>12.02.2018</p>\
             <h4>FREELANCER FOTOASSISTENZ (M/W)</h4><h4>AUSBILDUNG ZUM FOTOGRAFEN (M/W)</h4>";
        assert_eq!(
            reason(list, Format::Html).as_deref(),
            Some("a list of 3 jobs, not one posting")
        );
        let none = "<h1>La postulación va por un canal separado, simple y claro.</h1>\
             <p>Si hoy no hay una vacante puntual, tu postulación igual puede integrarse a \
             futuras búsquedas.</p>";
        // A page this short reads as a closed job's notice; the whole page (291 words) as a
        // page without openings.
        assert_eq!(
            reason(none, Format::Html).as_deref(),
            Some("the job is no longer open: the page says so")
        );
        let long = format!(
            "{none}{}",
            "<p>Completá el formulario y adjuntá tu CV.</p>".repeat(40)
        );
        assert_eq!(
            reason(&long, Format::Html).as_deref(),
            Some("a page that says it has no openings, not a posting")
        );
    }

    #[test]
    fn company_pages_and_lists_of_plain_lines_are_not_postings() {
        // The opening lines of a saved ITviec company page (seventh page collection).
        let company = "Aletech Technology Solutions Company\nHo Chi Minh - Ha Noi - Others\n1 job opening\nWrite review Follow\nAletech Technology Solutions Company\nWrite review Follow\nOverview\nReviews\nArticles\nGeneral information\nCompany type\nIT Outsourcing";
        assert_eq!(
            reason(company, Format::Text).as_deref(),
            Some("a company's page (\"1 job opening\"), not one posting")
        );
        // Rows of a saved craigslist category page (seventh page collection), 25 of its 100.
        let rows = [
            "Jan 13 QA Automation Engineer (Boston, 5 min walk from North and South Station) pic map",
            "Jan 13 JAVA Developer (Boston near North and South Station) pic",
            "Jan 13 Senior Software/RubyDeveloper (Cambridge, MA)",
            "Jan 13 Help Desk Administrator (Boston, MA)",
            "Jan 13 C# / ASP.NET Software Developer (Boston, MA)",
            "Jan 13 Sr. .NET Technical Lead - C# / ASP.NET, Sitecore / Ektron (Boston, MA)",
            "Jan 13 UI Developer who can code in JAVA for Mobile start up (Famingham) map",
            "Jan 13 Sr. Software Engineer (Burlington, MA) map",
            "Jan 13 Back-End JAVA Web Platform Development (Boston)",
            "Jan 13 Entry Level Software Engineer (Boston)",
            "Jan 13 Software Quality Engineer (south boston)",
            "Jan 13 Rule the World! (or at least map it) (Boston/Cambridge)",
            "Jan 13 Sr. Project Manager/Solutions Archit (Braintree)",
            "Jan 13 Mobile Web Applications - Great Lynx Client (Boston)",
            "Jan 13 API Backend Node.js Software Developer (allows remote)",
            "Jan 13 Technical Business Analyst for Web Platform with 20M+ hits per day (Route 128 Central)",
            "Jan 13 Senior iOS Developer ((allows remote))",
            "Jan 13 ArcSight SIEM Consultant Engineer",
            "Jan 13 Technical Lead-Database and Data Warehouse Architect and Developer (Cambridge, MA)",
            "Jan 13 Sr. Software Applications Developer (Cambridge, MA)",
            "Jan 13 Software Support & Implementation (Andover, MA) pic map",
            "Jan 13 Software Engineer for high volume next generation payment platform (Boston, MA) map",
            "Jan 13 Application Developer / Analyst - Sharepoint / .Net (Boston)",
            "Jan 13 Senior Software Database Engineer - SQL, SSIS (Boston)",
            "Jan 11 Audio Engineer - Music Intelligence Products (Boston)",
        ];
        let list = reason(&rows.join("\n"), Format::Text);
        assert!(
            list.as_deref().is_some_and(|r| r.starts_with("a list of")),
            "{list:?}"
        );
    }

    #[test]
    fn postings_are_postings() {
        assert_eq!(
            reason("Acme | Rust engineer | Remote\nWe use Rust.", Format::Text),
            None
        );
    }

    #[test]
    fn a_closed_opening_and_a_careers_page_of_cards_are_not_postings() {
        // tests/fixtures/pages/futureplay-not-posting-game-designer-closed.html, its text.
        let closed = "<html><body><h1>Senior Game Designer</h1><p>Please follow this link.</p>\
            <h4>Unfortunately this job opening is now closed, but please check our current \
            open positions from JOIN US.</h4></body></html>";
        assert!(reason(closed, Format::Html).is_some_and(|r| r.contains("no longer open")));
        // tests/fixtures/pages/kaapnoord-not-posting-werken-bij-home-vacancy-cards.html: its
        // headings, each card's first line.
        let cards = "<html><body><h1>WERKEN BIJ KAAP NOORD</h1><h2>Ontdek alle vacatures</h2>\
            <h3>Zelfstandig medewerker bediening</h3><p>38 uur</p><p>Texel</p>\
            <h3>Weekendhulpen en vakantiekrachten</h3><p>Bepaal jouw uren</p>\
            <h3>TUSSENJAARS OP TEXEL</h3><p>Texel</p><h3>Zelfstandig werkend kok</h3>\
            <h3>Chef de Partie</h3><h3>Open sollicitatie</h3><p>38-40 uur</p>\
            <h2>Over Strandpaviljoen Kaap Noord</h2><p>Strandpaviljoen Kaap Noord ligt op \
            Texel.</p></body></html>";
        assert_eq!(
            reason(cards, Format::Html).as_deref(),
            Some("a list of 6 jobs, not one posting")
        );
    }

    #[test]
    fn a_recruitment_that_says_it_has_ended_is_not_a_posting() {
        // tests/fixtures/pages/iplanning-not-posting-chuto-boshu-closed-shift-jis.html: the
        // closing line under the first heading, above a complete table of the job.
        let closed = "<html><body><h1>株式会社 アイプランニング</h1><h2>中途募集について</h2>\
            <p>■ 本年は中途採用の募集を終了しております。</p><h2>業務内容</h2>\
            <p>システムの設計・開発</p></body></html>";
        assert!(reason(closed, Format::Html).is_some_and(|r| r.contains("no longer open")));
        // A posting that will end when its places are filled stays one.
        let open = "<html><body><h1>プログラマー</h1><p>定員に達し次第、募集を終了します。</p>\
            </body></html>";
        assert_eq!(reason(open, Format::Html), None);
    }

    #[test]
    fn a_careers_page_that_only_invites_unsolicited_applications_is_not_a_posting() {
        // tests/fixtures/pages/humaxis-not-posting-stellenangebot-no-vacancy.html, shortened.
        let page = "<html><body><p>humaxis - Ergotherapie &amp; Frühförderung</p>\
            <h1>Stellenangebot</h1><p>Initiativbewerbungen nehmen wir jederzeit gern per Mail \
            entgegeben.</p><p>info@humaxis.de</p></body></html>";
        assert_eq!(
            reason(page, Format::Html).as_deref(),
            Some("a careers page that only invites unsolicited applications")
        );
    }

    #[test]
    fn short_headings_in_a_row_under_a_list_heading_are_a_list() {
        // tests/fixtures/pages/amisalud-not-posting-vacantes-perfiles-list.html, shortened:
        // "Vacantes", then six profile cards, each a short heading and its requirements.
        let mut page = String::from(
            "<html><body><h1>Vacantes</h1><h2>Trabaja con AMI Salud Responsable</h2>\
             <h3>Perfiles que buscamos</h3>",
        );
        for role in [
            "Médico del Trabajo",
            "Instructor Certificado STPS",
            "Fisioterapeuta",
            "Nutriólogo",
            "Ergónomo",
            "Ejecutivo de Ventas",
        ] {
            page.push_str(&format!(
                "<h4>{role}</h4><ul><li>Experiencia comprobable</li><li>Cédula profesional</li></ul>"
            ));
        }
        page.push_str("</body></html>");
        assert_eq!(
            reason(&page, Format::Html).as_deref(),
            Some("a list of 6 jobs, not one posting")
        );
    }

    #[test]
    fn cards_titled_alike_under_a_page_name_are_a_list() {
        // tests/fixtures/pages/opencapital-not-posting-carreiras-two-positions-list.html: the
        // page's name as its heading, then two job cards.
        let page = "<html><body><h1>Carreiras</h1><h2>Um lugar para crescer com propósito</h2>\
            <p>Na Open Capital acreditamos que as pessoas são o motor.</p>\
            <h2>Posições em aberto</h2>\
            <div class=\"job-card\"><div class=\"job-title\">Técnico de Candidaturas &amp; \
            Incentivos</div><div class=\"job-location\">Aveiro · Híbrido</div></div>\
            <div class=\"job-card\"><div class=\"job-title\">Consultor Júnior</div>\
            <div class=\"job-location\">Aveiro · Híbrido</div></div></body></html>";
        assert_eq!(
            reason(page, Format::Html).as_deref(),
            Some("a list of 2 jobs, not one posting")
        );
    }

    #[test]
    fn a_posting_whose_theme_labels_every_heading_a_title_stays_a_posting() {
        // tests/fixtures/pages/otlkm-jobs-routing-switching-engineer-chile.html: a sidebar of
        // other jobs and the footer's headings all carry `elementor-heading-title`; the
        // posting has its requirements.
        let mut page = String::from(
            "<html><body><h2 class=\"elementor-heading-title\">Opportunities at OTLKM</h2>",
        );
        for (place, job) in [
            ("Colombia, Perú, Ecuador, Chile", "Juniper Engineer"),
            ("Argentina", "WDD QC Engineer for FTTX Networks"),
            ("Argentina", "Engineer ISP and OSP (HFC/FTTX)"),
            ("Brasil", "Packet Core Technical Project Manager"),
        ] {
            page.push_str(&format!(
                "<h2 class=\"elementor-heading-title\"><a href=\"../x/\">{place}</a></h2>\
                 <h1 class=\"elementor-heading-title\"><a href=\"../x/\">{job}</a></h1>"
            ));
        }
        page.push_str(
            "<h1 class=\"elementor-heading-title\">Routing &amp; Switching Engineer</h1>\
             <h2 class=\"elementor-heading-title\">Chile</h2>\
             <h2 class=\"elementor-heading-title\">Job Description</h2>\
             <h3>Requirements</h3><ul><li>Certified Routing &amp; Switching Engineer with at \
             least 3 years of experience in the deployment of solutions.</li></ul>",
        );
        for office in [
            "United States",
            "Canada",
            "México",
            "Guatemala",
            "Panama",
            "Peru",
        ] {
            page.push_str(&format!(
                "<h2 class=\"elementor-heading-title\">{office}</h2>"
            ));
        }
        page.push_str("</body></html>");
        assert_eq!(reason(&page, Format::Html), None);
    }

    #[test]
    fn a_careers_page_named_jobs_with_one_open_role_is_a_posting() {
        // tests/fixtures/postings/check20-bitcraze-developer-hardware-product-development.md,
        // shortened: a Jekyll page titled "Jobs", one role under "Open Roles".
        let one = "---\ntitle: Jobs\n---\n\n## We're hiring!\n\n## Open Roles\n\n\
            ### Developer - hardware and product development\n\n#### Your role\n\
            - Run, synchronize, and follow up production and production tests in China.\n\
            - Review the development opportunities around logistics.\n\n\
            #### You as a person\n\nyou have a few years of experience in:\n\
            - hardware development,\n- Python,\n- C,\n\n## Areas we work with\n\n\
            #### Internal and external systems\n\nWe run build servers.\n";
        assert_eq!(reason(one, Format::Markdown), None);
        // The same page with three roles is still a list of jobs.
        let three = one.replace(
            "### Developer - hardware",
            "### Firmware Engineer\n\n### Sales Manager\n\n### Developer - hardware",
        );
        assert_eq!(
            reason(&three, Format::Markdown).as_deref(),
            Some("a list of jobs (\"Jobs\"), not one posting")
        );
    }
}
