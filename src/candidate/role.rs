//! Roles: the words of a job title that say which profession it is ("designer", "sales",
//! "data", "backend"), found in a posting's title and in a résumé.
//!
//! Skills and technologies say what a job uses; the title says what the job is. A UI/UX
//! designer posting that mentions SQL is not a data scientist's job, and a sales director's
//! "high performance sales organization" is not a Rust developer's. The fit counts the role
//! words of a posting's title as demands (see [`mod@crate::candidate::fit`]).
//!
//! Owns the role words of `rules/roles.toml` (reading it) and finding them; nothing else.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;
use serde::Deserialize;

/// The role words and their kinds, `rules/roles.toml`, embedded in the binary.
const ROLES_TOML: &str = include_str!("../../rules/roles.toml");

/// The tables of [`ROLES_TOML`], parsed once (empty if it fails to parse, which a unit test
/// rules out).
static ROLES: LazyLock<RolesFile> =
    LazyLock::new(|| toml::from_str(ROLES_TOML).unwrap_or_default());

/// The layout of `rules/roles.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RolesFile {
    /// Every role word, in the order role words are listed.
    roles: Vec<RoleEntry>,
    /// Families of related fields.
    related: Vec<Vec<String>>,
    /// Professions that name the one trade of building software.
    same_trade: Vec<String>,
    /// Ranks and posts that make a short résumé line a job title.
    ranks: Vec<String>,
    /// Words that end a résumé summary's title before its profession.
    function_words: Vec<String>,
}

/// One role word of `rules/roles.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RoleEntry {
    /// The word or two-word term, as [`normalize`] writes it.
    word: String,
    /// A profession or a field.
    kind: Kind,
    /// Whether it is technical, of another kind, or either.
    technical: Domain,
    /// Whether a first-person sentence or a summary can name the candidate by it.
    #[serde(default)]
    stated: bool,
    /// Whether it is an engineering discipline outside software.
    #[serde(default)]
    discipline: bool,
    /// Whether it is a word of selling and hiring.
    #[serde(default)]
    sales: bool,
    /// The one spelling of a field written two ways.
    same_as: Option<String>,
}

/// What a role word names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Kind {
    /// What someone is: engineer, designer.
    Profession,
    /// What the job is about: backend, sales, mechanical.
    Field,
}

/// Whether a role word is of software, IT or data work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Domain {
    /// A technical profession or field.
    Technical,
    /// Another one.
    Other,
    /// Either, by what it stands with.
    Either,
}

impl Domain {
    /// `Some(true)`, `Some(false)` or `None` (either).
    fn as_option(self) -> Option<bool> {
        match self {
            Domain::Technical => Some(true),
            Domain::Other => Some(false),
            Domain::Either => None,
        }
    }
}

/// The entries of [`ROLES`] by word.
static BY_WORD: LazyLock<FxHashMap<&'static str, &'static RoleEntry>> =
    LazyLock::new(|| ROLES.roles.iter().map(|r| (r.word.as_str(), r)).collect());

/// The words of the entries of [`ROLES`] that a test selects, in file order.
fn words_where(test: impl Fn(&RoleEntry) -> bool) -> Vec<&'static str> {
    ROLES
        .roles
        .iter()
        .filter(|r| test(r))
        .map(|r| r.word.as_str())
        .collect()
}

/// Words (and two-word terms) that name a profession or its field in job titles, lowercase,
/// as they are written after [`normalize`] (hyphens and slashes as spaces), in the order of
/// `rules/roles.toml`.
pub static ROLE_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words_where(|_| true));

/// Engineering disciplines outside software, of [`ROLE_WORDS`] (`discipline = true`): the
/// "engineer" of a title that names one ("Mechanical Engineer", "Structural Design Engineer")
/// is of that discipline.
pub static OTHER_DISCIPLINES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words_where(|r| r.discipline));

/// The role words of selling and hiring, of [`ROLE_WORDS`] (`sales = true`): a title that
/// names only these ("Account Executive", "Independent Sales Representative") is a sales
/// person's job.
pub static SALES: LazyLock<Vec<&'static str>> = LazyLock::new(|| words_where(|r| r.sales));

/// Professions, of [`ROLE_WORDS`] (`stated = true`), that a first-person sentence or a
/// résumé's summary can name the candidate by ("I am a software engineer").
pub static PROFESSIONS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words_where(|r| r.stated));

/// Words that make a short résumé line a job title though they name no profession: ranks and
/// posts ("Head of Sales", "Marketing Manager"), `ranks` of `rules/roles.toml`.
pub static RANKS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| ROLES.ranks.iter().map(String::as_str).collect());

/// Words that, before the profession of a résumé's summary sentence, say it names no title of
/// the candidate's ("Worked with the firmware engineer"), `function_words` of
/// `rules/roles.toml`.
pub static FUNCTION_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| ROLES.function_words.iter().map(String::as_str).collect());

/// The kind of a role word of a given [`Kind`]: `None` for a word of the other kind or none.
fn technical_of(word: &str, kind: Kind) -> Option<bool> {
    BY_WORD
        .get(word)
        .filter(|r| r.kind == kind)
        .and_then(|r| r.technical.as_option())
}

/// Whether a profession word names a technical profession (`Some(true)`: engineer,
/// developer...), another one (`Some(false)`: designer, marketer, recruiter...), or is either
/// (`None`: analyst, researcher, consultant, and every field word).
pub fn technical_profession(word: &str) -> Option<bool> {
    technical_of(word, Kind::Profession)
}

/// Whether a role word names a technical field (`Some(true)`: software, backend, data...),
/// another one (`Some(false)`: sales, marketing, design, mechanical...), or either (`None`: product,
/// support, operations, and `ui`: a "UI Engineer" or "UI Developer" builds user interfaces in
/// code, a "UI Designer" draws them).
pub fn technical_field(word: &str) -> Option<bool> {
    technical_of(word, Kind::Field)
}

/// Whether the role words of a job title (from [`role_words`]) name a technical job
/// (`Some(true)`: one of them is a technical profession or field, "Sales Engineer" included),
/// only another profession (`Some(false)`: "Director of Sales", "Open Source UI/UX Designer",
/// "Weekend Sports Editor"), or neither (`None`: no role word, or only words of either kind
/// such as "Product Manager"). The "engineer" of a title that names an engineering discipline
/// outside software and no technical field ("Mechanical Engineer") is not a technical word.
pub fn title_profession(words: &[&str]) -> Option<bool> {
    let discipline = words.iter().any(|w| OTHER_DISCIPLINES.contains(w))
        && !words.iter().any(|w| technical_field(w) == Some(true));
    let kinds: Vec<bool> = words
        .iter()
        .filter(|w| !(discipline && **w == "engineer"))
        .filter_map(|w| technical_profession(w).or_else(|| technical_field(w)))
        .collect();
    if kinds.contains(&true) {
        Some(true)
    } else if kinds.is_empty() {
        None
    } else {
        Some(false)
    }
}

/// The line that names a posting's role: its title, or else its first line when short
/// ("Lambda Labs | Enterprise Sales Representative | Palo Alto, CA", as Hacker News posts
/// start).
pub fn headline(posting: &crate::extract::Posting) -> Option<String> {
    if let Some(title) = &posting.meta.title {
        return Some(title.clone());
    }
    let first = posting.block_text(0);
    (!first.is_empty() && first.chars().count() <= 200).then(|| first.to_owned())
}

/// Lowercases and turns hyphens, slashes and punctuation into spaces, so that "Front-end",
/// "UI/UX" and "Back End" are found as words.
pub fn normalize(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect();
    let words: Vec<&str> = mapped.split_whitespace().collect();
    format!(" {} ", words.join(" "))
}

/// Whether a word is a possessive ("Editor's", "Editors’"): it names whose something is, not
/// what someone is.
fn possessive(word: &str) -> bool {
    let word = word.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
    ["'s", "’s", "s'", "s’"]
        .iter()
        .any(|end| word.ends_with(end))
}

/// The role words a text contains, once each, in [`ROLE_WORDS`] order. A word counts in its
/// plural too ("engineers", "developers"), not as a possessive ("Journal of Economic Issues,
/// Editor's Prize" names a prize, not an editor), and a field spelt two ways counts as one
/// ([`canonical`]: "Back-End Developer" and "Backend Engineer" share `backend`).
pub fn role_words(text: &str) -> Vec<&'static str> {
    let kept: Vec<&str> = text.split_whitespace().filter(|w| !possessive(w)).collect();
    let text = normalize(&kept.join(" "));
    let mut words: Vec<&'static str> = Vec::new();
    for word in ROLE_WORDS
        .iter()
        .copied()
        .filter(|word| text.contains(&format!(" {word} ")) || text.contains(&format!(" {word}s ")))
    {
        let word = canonical(word);
        if !words.contains(&word) {
            words.push(word);
        }
    }
    words
}

/// Whether two role words name related fields (devops, site reliability, infrastructure and
/// network; embedded and firmware; mobile, Android and iOS), not the same one.
pub fn related(a: &str, b: &str) -> bool {
    a != b
        && ROLES
            .related
            .iter()
            .any(|family| family.iter().any(|w| w == a) && family.iter().any(|w| w == b))
}

/// Whether two profession words name the same trade (engineer, developer, programmer), not
/// the same word.
pub fn same_trade(a: &str, b: &str) -> bool {
    a != b && ROLES.same_trade.iter().any(|w| w == a) && ROLES.same_trade.iter().any(|w| w == b)
}

/// The one spelling of a field written two ways (`same_as` in `rules/roles.toml`): `back end`
/// is `backend`, `front end` is `frontend`, `fullstack` is `full stack`.
pub fn canonical(word: &str) -> &str {
    match BY_WORD.get(word).and_then(|r| r.same_as.as_deref()) {
        Some(one) => one,
        None => word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_roles_file() {
        let file: RolesFile = toml::from_str(ROLES_TOML).unwrap();
        assert!(file.roles.len() > 60 && ROLE_WORDS.len() == file.roles.len());
        for entry in &file.roles {
            if let Some(one) = &entry.same_as {
                assert!(ROLE_WORDS.contains(&one.as_str()), "{one}");
            }
        }
        assert_eq!(canonical("back end"), "backend");
        assert_eq!(technical_field("mechanical"), Some(false));
        assert_eq!(technical_profession("backend"), None);
    }

    #[test]
    fn finds_role_words_in_real_titles() {
        // Titles of postings in tests/fixtures/fit.
        assert_eq!(
            role_words("Open Source UI/UX Designer"),
            ["designer", "ui", "ux"]
        );
        assert_eq!(
            role_words("Front End Developer (React/Redux)"),
            ["developer", "frontend"]
        );
        assert_eq!(role_words("Director of Sales"), ["sales"]);
        let profession = |title| title_profession(&role_words(title));
        assert_eq!(profession("Director of Sales"), Some(false));
        assert_eq!(profession("Open Source UI/UX Designer"), Some(false));
        assert_eq!(
            profession("Senior Software Engineer - Sales Platform"),
            Some(true)
        );
        assert_eq!(profession("Product Manager"), None);
        // tests/fixtures/fit/heldout17/resumes/mechanical-engineer-colin-wilson.docx.
        assert_eq!(
            role_words("Mechanical Engineer"),
            ["engineer", "mechanical"]
        );
        assert_eq!(profession("Mechanical Engineer"), Some(false));
        // tests/fixtures/fit/heldout18/resumes/biomedical-technologist-afsaneh-alavi-naeeni.docx
        // and economist-researcher-fernando-rios-avila.pdf ("Journal of Economic Issues,
        // Editor’s Prize, 2019").
        assert_eq!(profession("Biomedical Engineer Technologist"), Some(false));
        assert!(role_words("Journal of Economic Issues, Editor’s Prize, 2019").is_empty());
        assert!(role_words("The Stata Journal, Editors' Prize, 2023").is_empty());
        assert_eq!(role_words("Editor, The Stata Journal"), ["editor"]);
        assert_eq!(profession("Electrical and Software Engineer"), Some(true));
        // tests/fixtures/fit/heldout4/resumes/sre-jonathan-hunt.md against
        // tests/fixtures/fit/postings/devops-hn-eff-devops-engineer.html.
        assert!(related("site reliability", "devops"));
        assert!(!related("backend", "devops") && !related("devops", "devops"));
        // tests/fixtures/fit/heldout15/resumes/network-engineer-darren-murphy.html.
        assert_eq!(
            role_words("Senior Network Engineer"),
            ["engineer", "network"]
        );
        assert!(related("network", "devops"));
        assert_eq!(
            role_words("Senior Backend Engineer (Golang)"),
            ["engineer", "backend"]
        );
        // tests/fixtures/fit/heldout4/resumes/dotnet-alparslan-akbas.md.
        assert_eq!(
            role_words("Software Developer / Back-End Developer / .Net Developer"),
            ["developer", "software", "backend"]
        );
        // tests/fixtures/fit/postings/mobile-square-android-engineer-restaurants.md: a native
        // developer of the other mobile platform is a partial fit.
        assert_eq!(
            role_words("Android Engineer, Square Restaurants"),
            ["engineer", "android"]
        );
        assert!(related("ios", "android") && related("mobile", "ios"));
        // tests/fixtures/fit/heldout14/resumes/python-hrisha-kostiuk.md ("python developer")
        // against tests/fixtures/fit/postings/python-hn-matterport-senior-backend.html.
        assert!(same_trade("developer", "engineer") && same_trade("programmer", "developer"));
        assert!(!same_trade("engineer", "engineer") && !same_trade("developer", "designer"));
    }
}
