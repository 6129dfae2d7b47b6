//! Roles: the words of a job title that say which profession it is ("designer", "sales",
//! "data", "backend"), found in a posting's title and in a résumé.
//!
//! Skills and technologies say what a job uses; the title says what the job is. A UI/UX
//! designer posting that mentions SQL is not a data scientist's job, and a sales director's
//! "high performance sales organization" is not a Rust developer's. The fit counts the role
//! words of a posting's title as demands (see [`mod@crate::candidate::fit`]).
//!
//! Owns the list of role words and finding them; nothing else.

/// Words (and two-word terms) that name a profession or its field in job titles, lowercase,
/// as they are written after [`normalize`] (hyphens and slashes as spaces).
pub const ROLE_WORDS: &[&str] = &[
    // Professions.
    "engineer",
    "developer",
    "programmer",
    "architect",
    "administrator",
    "designer",
    "scientist",
    "analyst",
    "researcher",
    "writer",
    "editor",
    "journalist",
    "marketer",
    "recruiter",
    "executive",
    "representative",
    "consultant",
    "accountant",
    "teacher",
    "instructor",
    // Fields.
    "software",
    "backend",
    "back end",
    "frontend",
    "front end",
    "full stack",
    "fullstack",
    "mobile",
    "android",
    "ios",
    "embedded",
    "firmware",
    "systems",
    "infrastructure",
    "network",
    "devops",
    "site reliability",
    "security",
    "data",
    "machine learning",
    "design",
    "ui",
    "ux",
    "product",
    "sales",
    "marketing",
    "content",
    "account",
    "business development",
    "customer success",
    "support",
    "talent",
    "finance",
    "legal",
    "operations",
    // Engineering disciplines outside software: a "Mechanical Engineer" is not a software
    // engineer.
    "mechanical",
    "civil",
    "electrical",
    "structural",
    "chemical",
    "industrial",
    "manufacturing",
    "aerospace",
    "biomedical",
];

/// Engineering disciplines outside software, of [`ROLE_WORDS`]: the "engineer" of a title
/// that names one ("Mechanical Engineer", "Structural Design Engineer") is of that discipline.
pub const OTHER_DISCIPLINES: &[&str] = &[
    "mechanical",
    "civil",
    "electrical",
    "structural",
    "chemical",
    "industrial",
    "manufacturing",
    "aerospace",
    "biomedical",
];

/// The role words of selling and hiring, of [`ROLE_WORDS`]: a title that names only these
/// ("Account Executive", "Independent Sales Representative") is a sales person's job.
pub const SALES: &[&str] = &[
    "sales",
    "account",
    "representative",
    "executive",
    "business development",
    "recruiter",
    "talent",
];

/// Whether a profession word names a technical profession (`Some(true)`: engineer,
/// developer...), another one (`Some(false)`: designer, marketer, recruiter...), or is either
/// (`None`: analyst, researcher, consultant, and every field word).
pub fn technical_profession(word: &str) -> Option<bool> {
    match word {
        "engineer" | "developer" | "programmer" | "architect" | "administrator" | "scientist" => {
            Some(true)
        }
        "designer" | "writer" | "editor" | "journalist" | "marketer" | "recruiter"
        | "executive" | "representative" | "accountant" | "teacher" | "instructor" => Some(false),
        _ => None,
    }
}

/// Whether a role word names a technical field (`Some(true)`: software, backend, data...),
/// another one (`Some(false)`: sales, marketing, design, mechanical...), or either (`None`: product,
/// support, operations, and `ui`: a "UI Engineer" or "UI Developer" builds user interfaces in
/// code, a "UI Designer" draws them).
pub fn technical_field(word: &str) -> Option<bool> {
    match word {
        "software" | "backend" | "back end" | "frontend" | "front end" | "full stack"
        | "fullstack" | "mobile" | "android" | "ios" | "embedded" | "firmware" | "systems"
        | "infrastructure" | "network" | "devops" | "site reliability" | "security" | "data"
        | "machine learning" => Some(true),
        "design"
        | "ux"
        | "sales"
        | "marketing"
        | "content"
        | "account"
        | "business development"
        | "customer success"
        | "talent"
        | "finance"
        | "legal" => Some(false),
        _ if OTHER_DISCIPLINES.contains(&word) => Some(false),
        _ => None,
    }
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

/// Fields so near that a candidate of one is a partial fit for a job titled with another: an
/// SRE for "DevOps Engineer", a network engineer automating with Terraform for "DevOps
/// Engineer", a firmware engineer for "Embedded Developer".
const RELATED: &[&[&str]] = &[
    &["devops", "site reliability", "infrastructure", "network"],
    &["embedded", "firmware"],
    &["mobile", "android", "ios"],
];

/// Whether two role words name related fields (devops, site reliability, infrastructure and
/// network; embedded and firmware; mobile, Android and iOS), not the same one.
pub fn related(a: &str, b: &str) -> bool {
    a != b
        && RELATED
            .iter()
            .any(|family| family.contains(&a) && family.contains(&b))
}

/// Professions that name one trade, building software, in different words: a "python
/// developer" is a candidate for "Backend Engineer".
const SOFTWARE_TRADE: &[&str] = &["engineer", "developer", "programmer"];

/// Whether two profession words name the same trade (engineer, developer, programmer), not
/// the same word.
pub fn same_trade(a: &str, b: &str) -> bool {
    a != b && SOFTWARE_TRADE.contains(&a) && SOFTWARE_TRADE.contains(&b)
}

/// The one spelling of a field written two ways: `back end` is `backend`, `front end` is
/// `frontend`, `fullstack` is `full stack`.
pub fn canonical(word: &str) -> &str {
    match word {
        "back end" => "backend",
        "front end" => "frontend",
        "fullstack" => "full stack",
        _ => word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
