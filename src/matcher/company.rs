//! The posting's own company name: where it stands in the text, so that a capitalised word that
//! names the employer ("Compiler is a small, woman-owned software consultancy") is not read as
//! a skill. The name comes from the metadata, or from the sentences that say what the company
//! is ("X is a small software consultancy", "X is an early-stage startup"). It also tells the
//! sentences that describe the company's standing or track record rather than its work ("X is
//! adopted by over 200,000 developers, has multiple enterprise customers (such as Google, Heroku
//! ...)", "X is a ... software development company ... with proven expertise in building HR and
//! Cyber Security products"), that claim its lead in its market ("X is the leading company for
//! trusted CI/CD", "We provide the only ... solutions"), or that say what its own product does
//! not do ("Intecture doesn't use DSLs, it doesn't hide the execution of your code (hello,
//! debugger!)"): they say what the employer or its product is, not what the job asks.
//!
//! The test runs on the sentence of every counted hit: a sentence is lowercased and searched
//! only when its first bytes may open such a description (the name, a self-description, or a
//! claim's subject and opening at one of its first spaces), which spares that copy and a search
//! of the whole sentence for most of them.

use crate::extract::Posting;

/// The nouns that make "X is a ... NOUN" a sentence about a company called X.
const COMPANY_NOUNS: &[&str] = &[
    "agency",
    "business",
    "company",
    "consultancy",
    "cooperative",
    "firm",
    "organisation",
    "organization",
    "start-up",
    "startup",
    "studio",
];

/// What follows the company's name at the start of a sentence about the company's standing
/// rather than its work: who uses it, who backs it, when it was founded ("X is adopted by over
/// 200,000 developers, has multiple enterprise customers (such as Google, Heroku ...)").
/// Lowercase; "'s" also stands for "’s".
const STANDING_PREDICATES: &[&str] = &[
    " is adopted ",
    " is used by ",
    " is trusted ",
    " is backed ",
    " is headquartered ",
    " was founded ",
    " was started ",
    " has multiple ",
    " has over ",
    " has more than ",
    "'s customers ",
    "'s clients ",
];

/// Words that make a sentence about the company a statement of its track record ("X is a ...
/// company ... with proven expertise in building HR and Cyber Security products"): what it
/// has built for others, not what the job asks. Lowercase phrases, found as whole words.
const TRACK_RECORD: &[&str] = &[
    "expertise in",
    "proven expertise",
    "track record",
    "portfolio",
];

/// What may follow the company's name at the start of a sentence about the company ("X is a
/// ...", "X has ...", "X's ..."); lowercase, "'s" also stands for "’s".
const COMPANY_VERBS: &[&str] = &[" is ", " was ", " has ", " have ", " are ", "'s "];

/// Predicates that make "NAME ..." at a sentence start name a company even without a company
/// noun (a product or a language has no mission and was not founded).
const NAMING_PREDICATES: &[&str] = &[
    "'s mission is ",
    "’s mission is ",
    " was founded ",
    " is headquartered ",
];

/// How a sentence about the company opens when the company speaks of itself ("We are a ...
/// company"); a company noun must follow within [`MAX_WORDS_BEFORE_NOUN`] words.
const SELF_DESCRIPTIONS: &[&str] = &["we are a ", "we are an ", "we're a ", "we're an "];

/// How a sentence that claims the company's lead in its market goes on after its subject: a
/// verb and an article ("X is the Open Source leader for ...", "We provide the only ...").
/// Lowercase; the subject is "we" or a capitalised name of up to [`MAX_NAME_WORDS`] words.
const CLAIM_OPENINGS: &[&str] = &[
    " is the ",
    " is a ",
    " is an ",
    " is one of the ",
    " are the ",
    " are a ",
    " are one of the ",
    " provide the ",
    " offer the ",
    " build the ",
];

/// The words that make such a sentence a claim to lead the market ("the leading company for
/// trusted CI/CD", "the only immutable ... solutions", "the world's fastest"), found as whole
/// words within [`MAX_WORDS_BEFORE_NOUN`] words after the article: what the company is, not
/// what the job asks.
const MARKET_CLAIMS: &[&str] = &[
    "leader",
    "leaders",
    "leading",
    "only",
    "fastest",
    "fastest-growing",
];

/// Most words of a company's name that opens a claim to lead its market ("Locus Robotics").
const MAX_NAME_WORDS: usize = 3;

/// How a sentence that says what a product does not do goes on after the product's name
/// ("Intecture doesn't use DSLs, it doesn't hide the execution of your code"); lowercase, "’"
/// written "'".
const DENIALS: &[&str] = &[" doesn't ", " does not "];

/// Words after a denial that turn it into a contrast ("X doesn't just build tools, it ..."):
/// such a sentence says what the product does, and is read as usual.
const CONTRASTS: &[&str] = &["just ", "only ", "merely ", "simply "];

/// How a posting names its employer's product ("Between Lines is the company behind
/// [Intecture](...)"): the product's name follows, maybe as a Markdown link.
const MAKER_OF: &[&str] = &["company behind ", "team behind ", "makers of ", "maker of "];

/// Words that turn a sentence about the company to the job ("X is looking for", "X is hiring
/// ... to join", "X offers you"): such a sentence is read as usual. Lowercase whole words or
/// phrases.
const TURNS_TO_THE_JOB: &[&str] = &[
    "you",
    "your",
    "you'll",
    "you’ll",
    "looking for",
    "seeking",
    "hiring",
    "join",
    "candidate",
    "candidates",
    "role",
    "position",
    "opening",
];

/// Whether the sentence `start..end` of `text` describes the company's standing or track
/// record: it opens with the company's name (one of `company`, sorted spans) and a standing
/// predicate ("X is adopted by ..."), or it opens with the name and a verb, or with "We are a
/// ... COMPANY-NOUN", and states a track record ("with proven expertise in building ...");
/// and it says nothing of the job or the candidate. A sentence that says what the company
/// builds ("X is a startup that builds modern APIs") is the team's work and is read as usual.
pub(super) fn describes_company(
    text: &str,
    company: &[(usize, usize)],
    (start, end): (usize, usize),
) -> bool {
    let Some(sentence) = text.get(start..end) else {
        return false;
    };
    let lead = sentence
        .char_indices()
        .find(|&(_, c)| c.is_alphanumeric())
        .map_or(sentence.len(), |(i, _)| i);
    let opening = start + lead;
    let rest = sentence.get(lead..).unwrap_or_default();
    let after_name = company
        .binary_search_by_key(&opening, |&(s, _)| s)
        .ok()
        .and_then(|i| company.get(i))
        .and_then(|&(_, e)| text.get(e..end));
    // Without the name at its opening, only a sentence that opens with a self-description or
    // a claim's subject and opening can describe the company: most sentences fail both on
    // their first bytes, before any lowercased copy is made.
    if after_name.is_none()
        && !SELF_DESCRIPTIONS.iter().any(|p| may_open_with(rest, p))
        && !may_open_with_claim(rest)
        && !rest.contains(" does")
    {
        return false;
    }
    // What the employer's own product does not do names no demand, whoever it addresses
    // ("... the execution of your code (hello, debugger!)").
    if denies_product(text, rest) {
        return true;
    }
    let lower = rest.to_lowercase();
    let after_name = after_name.map(|after| after.to_lowercase().replace('’', "'"));
    let standing = after_name
        .as_deref()
        .is_some_and(|after| STANDING_PREDICATES.iter().any(|p| after.starts_with(p)));
    let named = after_name
        .as_deref()
        .is_some_and(|after| COMPANY_VERBS.iter().any(|p| after.starts_with(p)));
    let speaks_of_itself = SELF_DESCRIPTIONS.iter().any(|p| {
        lower.strip_prefix(p).is_some_and(|after| {
            after
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|w| !w.is_empty())
                .take(MAX_WORDS_BEFORE_NOUN + 1)
                .any(|w| COMPANY_NOUNS.contains(&w))
        })
    });
    let track_record = (named || speaks_of_itself) && holds_any(&lower, TRACK_RECORD);
    let claim = sentence
        .get(lead..)
        .is_some_and(|opened| claims_market_lead(opened, &lower));
    (standing || track_record || claim) && !holds_any(&lower, TURNS_TO_THE_JOB)
}

/// Whether `sentence` (its `lower` case alike) claims the company's lead in its market: "we"
/// or a capitalised name of up to [`MAX_NAME_WORDS`] words, a [`CLAIM_OPENINGS`] verb and
/// article, and a [`MARKET_CLAIMS`] word soon after ("CodeNotary is the leading company for
/// trusted CI/CD", "We provide the only immutable and client-verifiable solutions ...").
fn claims_market_lead(sentence: &str, lower: &str) -> bool {
    let lower = lower.replace('’', "'");
    CLAIM_OPENINGS.iter().any(|opening| {
        let Some(at) = lower.find(opening) else {
            return false;
        };
        let said = lower.get(..at).unwrap_or_default();
        let Some(subject) = sentence
            .get(..at)
            .filter(|s| said.is_ascii() && s.to_ascii_lowercase() == said)
        else {
            return false;
        };
        let by_name = !subject.is_empty()
            && subject.split(' ').count() <= MAX_NAME_WORDS
            && subject
                .split(' ')
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        if !(by_name || subject.eq_ignore_ascii_case("we")) {
            return false;
        }
        lower
            .get(at + opening.len()..)
            .unwrap_or_default()
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .take(MAX_WORDS_BEFORE_NOUN + 1)
            .any(|w| MARKET_CLAIMS.contains(&w.trim_end_matches(['.', ';', ':'])))
    })
}

/// Whether `sentence` opens with the name of the employer's product, as `text` names it
/// elsewhere ("the company behind Intecture"), and a denial of what it does ("Intecture
/// doesn't use DSLs, it doesn't hide the execution of your code"), not a contrast ("X doesn't
/// just ...").
fn denies_product(text: &str, sentence: &str) -> bool {
    let sentence = sentence.replace('’', "'");
    DENIALS.iter().any(|denial| {
        let Some(at) = sentence.find(denial) else {
            return false;
        };
        let subject = sentence.get(..at).unwrap_or_default();
        let after = sentence.get(at + denial.len()..).unwrap_or_default();
        is_name(subject)
            && subject.split(' ').count() <= MAX_NAME_WORDS
            && !CONTRASTS.iter().any(|c| after.starts_with(c))
            && MAKER_OF.iter().any(|maker| {
                [format!("{maker}{subject}"), format!("{maker}[{subject}]")]
                    .iter()
                    .any(|named| {
                        memchr::memmem::find_iter(text.as_bytes(), named.as_bytes()).any(|start| {
                            is_word_boundary(text, start + maker.len(), start + named.len())
                        })
                    })
            })
    })
}

/// Whether `text` lowercased may begin with `prefix` (ASCII, lowercase): false only when the
/// first `prefix.len()` bytes of `text` are ASCII (each lowercased to one byte of its own) and,
/// lowercased, differ from `prefix`.
fn may_open_with(text: &str, prefix: &str) -> bool {
    match text.as_bytes().get(..prefix.len()) {
        Some(head) if head.is_ascii() => head.eq_ignore_ascii_case(prefix.as_bytes()),
        _ => true,
    }
}

/// Whether `text` may open with a claim's subject and opening ([`claims_market_lead`]): false
/// only when none of [`CLAIM_OPENINGS`] stands, ASCII letters in any case, at one of the first
/// [`MAX_NAME_WORDS`] spaces of `text`. A claim's subject is ASCII ("we", or a name whose
/// ASCII lowercase is the lowercased sentence's bytes) of at most that many words, so the space
/// that begins its opening is one of those, and the opening (ASCII) is in the bytes that follow
/// it, whatever their case. Each opening begins with a space.
fn may_open_with_claim(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b' ', bytes)
        .take(MAX_NAME_WORDS)
        .any(|at| {
            let after = bytes.get(at..).unwrap_or_default();
            CLAIM_OPENINGS.iter().any(|opening| {
                after
                    .get(..opening.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(opening.as_bytes()))
            })
        })
}

/// Whether lowercase `sentence` holds one of `phrases` as whole words.
fn holds_any(sentence: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|phrase| {
        memchr::memmem::find_iter(sentence.as_bytes(), phrase.as_bytes())
            .any(|at| is_word_boundary(sentence, at, at + phrase.len()))
    })
}

/// Most words between "is a" and the company noun ("a small, woman-owned software
/// consultancy").
const MAX_WORDS_BEFORE_NOUN: usize = 8;

/// Longest company name looked for, in bytes.
const MAX_NAME_BYTES: usize = 60;

/// The byte ranges of `posting.text` where the company's name stands capitalised, as whole
/// words, in text order.
pub(super) fn company_spans(posting: &Posting) -> Vec<(usize, usize)> {
    let text = posting.text.as_str();
    let mut names: Vec<&str> = Vec::new();
    if let Some(company) = posting.meta.company.as_deref() {
        let company = company.trim();
        if is_name(company) {
            names.push(company);
        }
    }
    names.extend(described_names(text));
    names.sort_unstable();
    names.dedup();
    let mut spans = Vec::new();
    for name in names {
        for start in memchr::memmem::find_iter(text.as_bytes(), name.as_bytes()) {
            let end = start + name.len();
            if is_word_boundary(text, start, end) {
                spans.push((start, end));
            }
        }
    }
    spans.sort_unstable();
    spans
}

/// Whether `name` can be a company's name made of ordinary words: capitalised, one to three
/// words, not too long. A brand spelled with inner capitals or digits ("GitLab", "MongoDB") is
/// left out: the rules name such products as tools, and a posting of their maker asks for
/// work on them.
fn is_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_NAME_BYTES
        && name.split(' ').count() <= 3
        && name.split(' ').all(|word| {
            let mut chars = word.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.all(|c| !c.is_uppercase() && !c.is_ascii_digit())
        })
}

/// The names that open a sentence "NAME is a/an ... COMPANY-NOUN" in `text`.
fn described_names(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    for marker in NAMING_PREDICATES {
        for at in memchr::memmem::find_iter(text.as_bytes(), marker.as_bytes()) {
            let before = text.get(..at).unwrap_or_default();
            let from = sentence_start(before);
            let name = before.get(from..).unwrap_or_default().trim();
            let name = name.trim_start_matches(['*', '#', '-', '_', ' ']);
            if is_name(name) {
                names.push(name);
            }
        }
    }
    for marker in [" is a ", " is an "] {
        for at in memchr::memmem::find_iter(text.as_bytes(), marker.as_bytes()) {
            let before = text.get(..at).unwrap_or_default();
            let from = sentence_start(before);
            let name = before.get(from..).unwrap_or_default().trim();
            let name = name.trim_start_matches(['*', '#', '-', '_', ' ']);
            if !is_name(name) {
                continue;
            }
            let after = text.get(at + marker.len()..).unwrap_or_default();
            let noun = after
                .split(['.', '!', '?', '\n'])
                .next()
                .unwrap_or_default()
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter(|w| !w.is_empty())
                .take(MAX_WORDS_BEFORE_NOUN + 1)
                .any(|w| COMPANY_NOUNS.contains(&w));
            if noun {
                names.push(name);
            }
        }
    }
    names
}

/// Where the sentence that `before` ends in starts: after its last line break, or its last
/// `.`, `!`, `?`, `:` or `;` followed by a space ("About Compiler: Compiler is a ...", but
/// "Forestry.io is a ...").
fn sentence_start(before: &str) -> usize {
    let bytes = before.as_bytes();
    (0..bytes.len())
        .rev()
        .find(|&i| {
            let b = bytes.get(i).copied().unwrap_or_default();
            b == b'\n'
                || (matches!(b, b'.' | b'!' | b'?' | b':' | b';')
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_whitespace))
        })
        .map_or(0, |i| i + 1)
}

/// Whether `start..end` of `text` is a whole word (no letter, digit or `_` on either side).
fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    !text
        .get(..start)
        .and_then(|t| t.chars().next_back())
        .is_some_and(word)
        && !text
            .get(end..)
            .and_then(|t| t.chars().next())
            .is_some_and(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn may_open_with_fails_only_where_lowercasing_cannot_give_the_prefix() {
        assert!(may_open_with("We are a small firm", "we are a "));
        assert!(may_open_with("WE'RE AN agency", "we're an "));
        assert!(!may_open_with("We build tools", "we are a "));
        assert!(!may_open_with("Rust is used", "we are a "));
        // Too short, or not ASCII where the prefix would be: no byte test can say.
        assert!(may_open_with("We", "we are a "));
        assert!(may_open_with("Wİ are a firm", "we are a "));
        // A market claim keeps the sentence for the full test: check set 22's CodeNotary.
        let claim = "CodeNotary is the leading company for trusted CI/CD.";
        assert!(describes_company(claim, &[], (0, claim.len())));
        // A denial of what the employer's product does: check set 23's Intecture.
        let text = "Between Lines is the company behind [Intecture](https://intecture.io). \
                    Intecture doesn’t use DSLs, it doesn’t hide the execution of your code \
                    (hello, debugger!). Intecture doesn't just deploy code.";
        let at = text.find("Intecture doesn’t").unwrap_or_default();
        let end = text.find("!).").unwrap_or_default() + 3;
        assert!(describes_company(text, &[], (at, end)));
        let at = text.find("Intecture doesn't just").unwrap_or_default();
        assert!(!describes_company(text, &[], (at, text.len())));
        let other = "Acme doesn’t use DSLs.";
        assert!(!describes_company(other, &[], (0, other.len())));
        assert!(CLAIM_OPENINGS.iter().all(|o| o.starts_with(' ')));
        for sentence in [
            "We are a consultancy with proven expertise",
            "Wir sind",
            "We're a b",
        ] {
            let lower = sentence.to_lowercase();
            for prefix in SELF_DESCRIPTIONS {
                if lower.starts_with(prefix) {
                    assert!(may_open_with(sentence, prefix), "{sentence}");
                }
            }
        }
    }

    #[test]
    fn claim_fast_path_keeps_every_claim() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/postings");
        let mut texts = vec![
            "We provide the only immutable and client-verifiable solutions".to_owned(),
            "Locus Robotics Inc is the leader in warehouse robots".to_owned(),
            "WE ARE ONE OF THE fastest-growing firms".to_owned(),
        ];
        for entry in std::fs::read_dir(dir).unwrap() {
            let bytes = std::fs::read(entry.unwrap().path()).unwrap();
            texts.push(String::from_utf8_lossy(&bytes).into_owned());
        }
        let mut claims = 0;
        for text in &texts {
            for sentence in text.split(['.', '!', '?', '\n']) {
                let rest = sentence.trim_start_matches(|c: char| !c.is_alphanumeric());
                if claims_market_lead(rest, &rest.to_lowercase()) {
                    claims += 1;
                    assert!(may_open_with_claim(rest), "{rest:?}");
                }
            }
        }
        assert!(claims > 3, "{claims}");
    }
}
