use super::*;
use crate::extract::{Format, extract};

fn matcher() -> &'static Matcher {
    static MATCHER: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
    MATCHER.get_or_init(|| Matcher::new(RuleSet::default_rules().unwrap()).unwrap())
}

fn skills_in(matcher: &Matcher, text: &str, format: Format) -> Vec<(String, Level)> {
    let posting = extract(text.as_bytes(), format).unwrap();
    matcher
        .find(&posting)
        .skills
        .iter()
        .map(|m| (matcher.rules().skills[m.skill].id.clone(), m.level))
        .collect()
}

fn has(found: &[(String, Level)], id: &str) -> bool {
    found.iter().any(|(s, _)| s == id)
}

fn level(found: &[(String, Level)], id: &str) -> Option<Level> {
    found.iter().find(|(s, _)| s == id).map(|(_, l)| *l)
}

#[test]
fn trap_words_do_not_count() {
    let m = matcher();
    let cases = [
        ("Own our go-to-market motion with sales.", "apis-messaging"),
        ("Our plant sits in the heart of the rust belt.", "rust"),
        (
            "Take ownership of the roadmap and deliver.",
            "ownership-borrowing",
        ),
        ("We hold a performance review twice a year.", "performance"),
        ("Enjoy job security in a stable company.", "security"),
        ("You will be embedded in the team of analysts.", "embedded"),
        ("Join our networking events every month.", "networking"),
        ("We care about the lifetime of a customer.", "lifetimes"),
        ("We handle cargo shipping across the Atlantic.", "cargo"),
        ("We build trust with every customer.", "rust"),
    ];
    for (text, skill) in cases {
        let found = skills_in(m, text, Format::Text);
        assert!(
            !has(&found, skill),
            "{skill} matched in {text:?}: {found:?}"
        );
    }
}

/// Words in capitals of another script than ASCII are found by the lowercase entries.
#[test]
fn capitals_outside_ascii_are_folded() {
    let m = matcher();
    // tests/fixtures/i18n/uk/postings/workua-logika-teacher-control.txt
    let text = "Великою перевагою буде  вища освіта в області ІТ ,  педагогіки/психології.";
    let posting = extract(text.as_bytes(), Format::Text).unwrap();
    let found = m.find(&posting);
    let degree = m.rules().skills.iter().position(|s| s.id == "cs-degree");
    let hit = found.hits.iter().find(|h| Some(h.skill) == degree);
    let hit = hit.unwrap_or_else(|| panic!("cs-degree not found: {:?}", found.hits));
    // The evidence's offsets are those of the text as written.
    assert_eq!(
        &posting.text[hit.start..hit.end],
        "вища освіта в області ІТ"
    );
}

/// A phrase in Cyrillic matches whole words only: the cue "вы" (you) is no word of "вызовы"
/// (challenges), so a company's values do not turn to the candidate.
#[test]
fn cyrillic_phrases_match_whole_words() {
    let m = matcher();
    // tests/fixtures/i18n-fresh2/ru/postings/superjob-bigseller-frontend-react.txt
    let text = "Ценности:\n\nСмелость и изобретательность — любим вызовы и нестандартные решения опережающие рынок Честность и забота — уважаем друг друга и заботимся об успехе клиентов";
    let found = skills_in(m, text, Format::Text);
    assert!(!has(&found, "problem-solving"), "{found:?}");
}

#[test]
fn go_to_market_vetoes_any_skill() {
    let m = matcher();
    let found = skills_in(m, "Lead the go-to-market launch.", Format::Text);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn real_skills_are_found() {
    let m = matcher();
    let found = skills_in(
        m,
        "You will write idiomatic Rust with Tokio, work with the borrow checker, and deploy with Docker on AWS.",
        Format::Text,
    );
    for skill in [
        "rust",
        "async-concurrency",
        "ownership-borrowing",
        "containers",
        "cloud",
    ] {
        assert!(has(&found, skill), "{skill} not found: {found:?}");
    }
}

#[test]
fn word_boundaries_are_respected_around_non_ascii() {
    let m = matcher();
    let found = skills_in(m, "熟悉Rust语言，了解Docker。", Format::Text);
    assert!(
        has(&found, "rust") && has(&found, "containers"),
        "{found:?}"
    );
    let found = skills_in(m, "Frustration and crusty code.", Format::Text);
    assert!(!has(&found, "rust"), "{found:?}");
}

#[test]
fn levels_follow_sections_and_cues() {
    let m = matcher();
    let md = "# Rust Engineer\n\n## Requirements\n\n- Strong Rust experience\n- Kafka is a plus\n\n\
              ## Nice to have\n\n- Kubernetes\n\n## What you'll do\n\n- Write Terraform for AWS\n\n\
              ## Benefits\n\n- Free Docker stickers and a gym\n";
    let found = skills_in(m, md, Format::Markdown);
    assert_eq!(level(&found, "rust"), Some(Level::Required));
    assert_eq!(level(&found, "apis-messaging"), Some(Level::Preferred));
    assert_eq!(level(&found, "containers"), Some(Level::Preferred));
    assert_eq!(level(&found, "cloud"), Some(Level::Mentioned));
}

#[test]
fn boilerplate_sections_do_not_count() {
    let m = matcher();
    let md = "## About us\n\nWe are an open source friendly AWS partner.\n\n## Benefits\n\n- Docker training\n\n\
              ## Equal opportunity\n\nWe value communication and diversity.\n\n## The role\n\n- Write Go services\n";
    let found = skills_in(m, md, Format::Markdown);
    for skill in ["cloud", "containers", "communication", "open-source"] {
        assert!(
            !has(&found, skill),
            "{skill} counted in boilerplate: {found:?}"
        );
    }
}

#[test]
fn negated_mentions_count_as_mentioned() {
    let m = matcher();
    let found = skills_in(
        m,
        "No Rust experience needed, we will teach you.",
        Format::Text,
    );
    assert_eq!(level(&found, "rust"), Some(Level::Mentioned));
    let found = skills_in(m, "You must know Rust.", Format::Text);
    assert_eq!(level(&found, "rust"), Some(Level::Required));
    let found = skills_in(m, "Rust is a plus.", Format::Text);
    assert_eq!(level(&found, "rust"), Some(Level::Preferred));
}

#[test]
fn lead_labels_set_the_level_of_their_line() {
    let m = matcher();
    let html = "<p>Acme | Rust Engineer | Remote</p><p>Requirements: Linux, Git.</p><p>Nice to have: Kafka.</p>";
    let found = skills_in(m, html, Format::Html);
    assert_eq!(level(&found, "linux-unix"), Some(Level::Required));
    assert_eq!(level(&found, "apis-messaging"), Some(Level::Preferred));
}

#[test]
fn evidence_is_the_sentence_and_at_most_200_characters() {
    let m = matcher();
    let long = format!("{} Rust {}", "word ".repeat(80), "more ".repeat(80));
    let text = format!("First sentence here. We write Rust daily. Last one.\n\n{long}");
    let posting = extract(text.as_bytes(), Format::Text).unwrap();
    let matches = m.find(&posting);
    let rust = matches
        .skills
        .iter()
        .find(|s| m.rules().skills[s.skill].id == "rust")
        .unwrap();
    assert_eq!(rust.evidence, "We write Rust daily.");
    assert_eq!(rust.count, 2);
    let hit = matches
        .hits
        .iter()
        .rfind(|h| m.rules().skills[h.skill].id == "rust")
        .unwrap();
    let clipped = evidence(&posting, hit);
    assert!(
        clipped.chars().count() <= MAX_EVIDENCE_CHARS,
        "{}",
        clipped.len()
    );
    assert!(clipped.contains("Rust") && clipped.starts_with('…') && clipped.ends_with('…'));
}

#[test]
fn weak_phrases_need_context() {
    let text = r#"
[[category]]
id = "a"
name = "A"
kind = "tech"

[[skill]]
id = "lifetimes"
name = "Lifetimes"
category = "a"
weak = ["lifetimes"]
context = ["rust", "borrow checker"]
window = 30
"#;
    let rules = RuleSet::from_sources(&[("t.toml".into(), text.into())]).unwrap();
    let m = Matcher::new(rules).unwrap();
    assert!(skills_in(&m, "Rust lifetimes and traits", Format::Text).len() == 1);
    assert!(skills_in(&m, "Customer lifetimes matter", Format::Text).is_empty());
    let far = format!("Rust {} lifetimes", "x".repeat(60));
    assert!(skills_in(&m, &far, Format::Text).is_empty());
}

/// A context phrase that is a word of the weak hit itself ("platforms" of "multiple
/// platforms") does not corroborate it; another context word nearby does. Both sentences are
/// from tests/fixtures/postings/check12-tailscale-test-automation-engineer.md.
#[test]
fn a_weak_phrase_is_not_its_own_context() {
    let text = r#"
[[category]]
id = "a"
name = "A"
kind = "tech"

[[skill]]
id = "cross-compilation"
name = "Cross-compilation"
category = "a"
weak = ["multiple platforms"]
context = ["ios", "platforms"]
"#;
    let rules = RuleSet::from_sources(&[("t.toml".into(), text.into())]).unwrap();
    let m = Matcher::new(rules).unwrap();
    let alone = "Design, implement, and maintain automated test frameworks for our applications \
        across multiple platforms.";
    assert!(skills_in(&m, alone, Format::Text).is_empty());
    let near = "Experience with mobile and desktop application testing across multiple platforms \
        (Windows, macOS, iOS, Android, Linux).";
    assert_eq!(skills_in(&m, near, Format::Text).len(), 1);
}

#[test]
fn case_sensitive_terms_and_prefixes() {
    let text = r#"
[[category]]
id = "a"
name = "A"
kind = "tech"

[[skill]]
id = "go"
name = "Go"
category = "a"
terms = ["Go"]

[[skill]]
id = "containers"
name = "Containers"
category = "a"
phrases = ["containeri*", "c++"]
"#;
    let rules = RuleSet::from_sources(&[("t.toml".into(), text.into())]).unwrap();
    let m = Matcher::new(rules).unwrap();
    assert_eq!(skills_in(&m, "We write Go.", Format::Text).len(), 1);
    assert!(skills_in(&m, "We go there. GO!", Format::Text).is_empty());
    assert_eq!(
        skills_in(
            &m,
            "Containerization with C++, containerized.",
            Format::Text
        )
        .len(),
        1
    );
    let posting = extract(b"Containerized apps", Format::Text).unwrap();
    let hits = m.find(&posting).hits;
    assert_eq!(&posting.text[hits[0].start..hits[0].end], "Containerized");
}

#[test]
fn clip_keeps_the_hit_in_view() {
    let text = "a".repeat(300) + "HIT" + &"b".repeat(300);
    let clipped = clip(&text, 300, 303, 50);
    assert!(clipped.contains("HIT"));
    assert!(clipped.chars().count() <= 50);
}

#[test]
fn years_cue_marks_required() {
    let m = matcher();
    let found = skills_in(
        m,
        "You have 5+ years of experience with Linux.",
        Format::Text,
    );
    assert_eq!(level(&found, "linux-unix"), Some(Level::Required));
}

#[test]
fn sentences_about_perks_do_not_count() {
    let m = matcher();
    let found = skills_in(
        m,
        "We write Rust. Benefits include healthcare, 401k match, and self-directed vacation.",
        Format::Text,
    );
    assert!(has(&found, "rust"), "{found:?}");
    assert!(!has(&found, "time-management"), "{found:?}");
}

#[test]
fn company_text_that_turns_to_the_candidate_counts() {
    let m = matcher();
    let md = "## About us\n\nWe build robots and love Kubernetes.\n\n\
              We seek individuals who exemplify the following:\n\n- Tenacity\n- Humility\n";
    let found = skills_in(m, md, Format::Markdown);
    assert!(has(&found, "perseverance"), "{found:?}");
    assert!(has(&found, "open-mindedness"), "{found:?}");
    assert!(!has(&found, "containers"), "{found:?}");
}

#[test]
fn chinese_sentences_and_cues() {
    let m = matcher();
    let found = skills_in(m, "熟悉Rust语言。有Docker经验者优先。", Format::Text);
    assert_eq!(level(&found, "rust"), Some(Level::Mentioned));
    assert_eq!(level(&found, "containers"), Some(Level::Preferred));
}

#[test]
fn occurrences_per_skill_are_bounded() {
    let text = "Rust and Tokio. ".repeat(MAX_OCCURRENCES + 500);
    let found = skills_in(matcher(), &text, Format::Text);
    assert!(has(&found, "rust"));
    let posting = extract(text.as_bytes(), Format::Text).unwrap();
    let matches = matcher().find(&posting);
    let rust = matcher()
        .rules()
        .skills
        .iter()
        .position(|s| s.id == "rust")
        .unwrap();
    let count = matches
        .skills
        .iter()
        .find(|m| m.skill == rust)
        .unwrap()
        .count;
    assert_eq!(count, MAX_OCCURRENCES);
}

/// The phrase stage counts what the scan finds: nothing in empty text, one occurrence per
/// copy of a phrase, and on a real posting at least one occurrence per hit that `find` reports.
#[test]
fn phrase_occurrences_are_the_scan_s() {
    let m = matcher();
    assert_eq!(m.count_phrase_occurrences(""), 0);
    let once = m.count_phrase_occurrences("Tokio");
    assert!(once >= 1);
    assert_eq!(m.count_phrase_occurrences("Tokio; Tokio; Tokio"), 3 * once);
    // Inside a word, a phrase is not at a word boundary.
    assert_eq!(m.count_phrase_occurrences("xTokiox"), 0);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/postings/check-remotewlb-senior-rust-blockchain-engineer.md");
    let posting = extract(&std::fs::read(path).unwrap(), Format::Markdown).unwrap();
    let hits = m.find(&posting).hits.len();
    assert!(hits > 5, "{hits}");
    assert!(m.count_phrase_occurrences(&posting.text) >= hits);
}

/// The separator read from the last bytes is the one found by comparing every separator, at
/// every offset of crafted texts and every fixture posting's text; the table of sentence ends
/// holds exactly those offsets.
#[test]
fn sentence_end_before_agrees_with_the_list_of_ends() {
    let by_list = |bytes: &[u8], at: usize| {
        SENTENCE_ENDS
            .iter()
            .find(|sep| bytes[..at].ends_with(sep.as_bytes()))
            .map(|sep| sep.len())
    };
    let mut texts: Vec<String> = vec![
        "One. Two! Three? Four; five • six · seven | eight。九；十！十一？ x|y a·b •c .. ;".into(),
        " | · • 。 ；！？ | ".into(),
        "。 end. 。x ！  ？\n；；".into(),
        "<ul><li>one</li>\\n<li>two</li> <p>three</p><br>four<br/>five</ul> > <li <td>six</td>"
            .into(),
    ];
    // Separators at every offset from a 16-byte boundary.
    for shift in 0..20 {
        texts.push(format!("{}a. b! c。 d；e • f | g", "x".repeat(shift)));
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/postings");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if let Some(format) = Format::from_path(&path) {
            texts.push(
                extract(&std::fs::read(&path).unwrap(), format)
                    .unwrap()
                    .text,
            );
        }
    }
    let mut found = 0;
    for text in &texts {
        let bytes = text.as_bytes();
        let mut table = Vec::new();
        for at in 0..=bytes.len() {
            let expected = by_list(bytes, at);
            assert_eq!(sentence_end_before(bytes, at), expected, "{at}");
            found += usize::from(expected.is_some());
            table.extend(expected.map(|len| (at, len)));
        }
        // The table of the whole text, built a block at a time, holds every one, in order.
        assert_eq!(sentence_ends(bytes), table, "{text:?}");
    }
    assert!(found > 2_000, "{found}");
}

/// The sentence looked up in the table of sentence ends is the sentence searched byte by byte,
/// for every hit of every fixture posting (and for ranges that start or end on a separator).
#[test]
fn sentence_lookup_agrees_with_the_byte_search() {
    let m = matcher();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/postings");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let Some(format) = Format::from_path(&path) else {
            continue;
        };
        let posting = extract(&std::fs::read(&path).unwrap(), format).unwrap();
        let text = posting.text.as_str();
        let ends = sentence_ends(text.as_bytes());
        for hit in m.find(&posting).hits {
            let block = posting.blocks[hit.block];
            for (start, end) in [
                (hit.start, hit.end),
                (block.start, block.start),
                (hit.end, hit.end),
            ] {
                assert_eq!(
                    sentence_in(text, &ends, (block.start, block.end), (start, end)),
                    sentence_around(text, block.start, block.end, start, end),
                    "{}: {start}..{end}",
                    path.display()
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 5_000, "{checked}");
}

#[test]
fn evidence_says_where_its_own_hit_is() {
    let m = matcher();
    let text = "Links: https://github.com/a and https://github.com/b. Rust required.";
    let posting = extract(text.as_bytes(), Format::Text).unwrap();
    let found = m.find(&posting);
    let git: Vec<&SkillHit> = found
        .hits
        .iter()
        .filter(|h| m.rules().skills[h.skill].id == "git")
        .collect();
    assert_eq!(git.len(), 2, "{:?}", found.hits);
    let marked: Vec<String> = git
        .iter()
        .map(|hit| {
            let (evidence, at) = evidence_with_hit(&posting, hit);
            let at = at.unwrap();
            format!(
                "{}[{}]{}",
                &evidence[..at.start],
                &evidence[at.clone()],
                &evidence[at.end..]
            )
        })
        .collect();
    assert!(marked[0].contains("https://[github].com/a"), "{marked:?}");
    assert!(marked[1].contains("https://[github].com/b"), "{marked:?}");
    // Cut evidence keeps the range right, after its leading mark.
    let long = format!(
        "{} Rust is a must. {}",
        "word ".repeat(80),
        "more ".repeat(80)
    );
    let (clipped, at) = clip_with_hit(&long, 400, 404, 100);
    let at = at.unwrap();
    assert!(clipped.starts_with('…') && clipped.ends_with('…'));
    assert_eq!(&clipped[at], &long[400..404]);
}

fn custom(skill: &str) -> Matcher {
    let text = format!(
        "[[category]]\nid = \"soft\"\nname = \"Soft\"\nkind = \"soft\"\n\n[[skill]]\nid = \"s\"\nname = \"S\"\ncategory = \"soft\"\n{skill}\n"
    );
    Matcher::new(RuleSet::from_toml("t.toml", &text).unwrap()).unwrap()
}

#[test]
fn words_match_their_inflected_and_derived_forms() {
    let m = custom("words = [\"prioritize\", \"unit test\"]");
    for text in [
        "You prioritise work.",
        "Prioritization of tasks.",
        "We are prioritizing speed.",
        "Write unit tests.",
        "Unit-tested code.",
    ] {
        assert!(has(&skills_in(&m, text, Format::Text), "s"), "{text}");
    }
    for text in ["Priority support.", "A unit of work.", "reprioritize"] {
        assert!(!has(&skills_in(&m, text, Format::Text), "s"), "{text}");
    }
}

#[test]
fn language_lists_use_their_language_word_forms() {
    let m = custom("phrases = [\"team player\"]\n[skill.lang.de]\nwords = [\"teamfähig\"]");
    let found = skills_in(&m, "Sie sind teamfähig.", Format::Text);
    assert!(has(&found, "s"), "{found:?}");
    let found = skills_in(&m, "Ihre Teamfähigkeit zählt.", Format::Text);
    assert!(has(&found, "s"), "{found:?}");
}

#[test]
fn together_needs_a_word_of_each_group_in_one_sentence() {
    let m =
        custom("[[skill.together]]\ngroups = [[\"investigate\", \"debug\"], [\"bug\", \"crash\"]]");
    let text = "Investigating crashes is part of the job.";
    let posting = extract(text.as_bytes(), Format::Text).unwrap();
    let found = m.find(&posting);
    let first = found.skills.first().expect("a match");
    assert_eq!(first.evidence, text);
    let hit = found.hits.first().expect("a hit");
    assert_eq!(&text[hit.start..hit.end], "Investigating");
    let apart = "We investigate. Crashes are rare.";
    assert!(!has(&skills_in(&m, apart, Format::Text), "s"));
    let excluded = custom(
        "exclude = [\"debug mode\"]\n[[skill.together]]\ngroups = [[\"investigate\", \"debug\"], [\"bug\", \"crash\"]]",
    );
    assert!(!has(
        &skills_in(&excluded, "Debug mode shows each crash.", Format::Text),
        "s"
    ));
    assert!(has(
        &skills_in(&excluded, "Debug each crash.", Format::Text),
        "s"
    ));
    // The excluded word need not be the first of the sentence's group words.
    assert!(!has(
        &skills_in(&excluded, "Each crash shows in debug mode.", Format::Text),
        "s"
    ));
}

#[test]
fn examples_counter_examples_and_excludes_are_checked() {
    let text = "[[category]]\nid = \"t\"\nname = \"T\"\nkind = \"tech\"\n\n[[skill]]\nid = \"rust\"\nname = \"Rust\"\ncategory = \"t\"\nphrases = [\"rust\"]\nexclude = [\"rust belt\", \"rust stain\"]\nexamples = [\n  { text = \"Rust experience is required.\", level = \"required\" },\n  { text = \"Rust is a plus.\", level = \"required\" },\n  { text = \"Go and Python.\" },\n]\ncounter_examples = [\"Our plant sits in the rust belt.\", \"Rust never sleeps.\"]\n";
    let rules = RuleSet::from_toml("t.toml", text).unwrap();
    let report = check(&rules).unwrap();
    assert_eq!(
        (report.examples, report.counter_examples, report.excludes),
        (3, 2, 2)
    );
    let lines: Vec<String> = report.findings.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "t.toml:14: skill \"rust\": example matches as preferred instead of required: \"Rust is a plus.\"",
            "t.toml:15: skill \"rust\": example does not match: \"Go and Python.\"",
            "t.toml:17: skill \"rust\": counter-example matches (mentioned): \"Rust never sleeps.\"",
            "t.toml:11: warning: skill \"rust\": exclude \"rust stain\" is needed by no counter-example",
        ]
    );
}

/// Every example and counter-example of the default skill map holds (as typos verifies its
/// dictionary). Excludes that no counter-example needs are not failures yet: see `rules check`.
#[test]
fn default_map_examples_hold() {
    let report = check_examples(matcher().rules()).unwrap();
    let failures: Vec<String> = report
        .findings
        .iter()
        .filter(|f| !f.is_warning())
        .map(ToString::to_string)
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn fixture_hits(path: &str, skill: &str) -> Vec<(String, Verdict)> {
    let m = matcher();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(root.join(path)).unwrap();
    let posting = extract(&bytes, Format::Markdown).unwrap();
    m.find(&posting)
        .hits
        .into_iter()
        .filter(|h| m.rules().skills[h.skill].id == skill)
        .map(|h| (posting.text[h.start..h.end].to_owned(), h.verdict))
        .collect()
}

/// A letter of the Latin script outside ASCII continues a word: "grit" is no word of the French
/// "intégrité" (a real SGS posting's values line).
#[test]
fn latin_letters_outside_ascii_continue_words() {
    let hits = fixture_hits(
        "tests/fixtures/i18n/fr/postings/sgs-ingenieur-qualite-soudage.md",
        "perseverance",
    );
    assert!(hits.iter().all(|(text, _)| text != "grit"), "{hits:?}");
}

/// A language's sentence cues are read only in postings of that language (or English ones):
/// the German candidate cue "du" is the French article in a Devoteam company paragraph, which
/// stays boilerplate.
#[test]
fn another_languages_cues_are_not_read() {
    let hits = fixture_hits(
        "tests/fixtures/i18n/fr/postings/devoteam-ai-engineer.md",
        "security",
    );
    let informatiques = hits
        .iter()
        .find(|(text, _)| text == "informatiques")
        .unwrap();
    assert_eq!(
        informatiques.1,
        Verdict::Boilerplate(SectionKind::Company),
        "{hits:?}"
    );
}

/// The employer's own name is not a skill: "Compiler" (a consultancy) is not the skill of
/// compilers, whether the name comes from an "X is a ... consultancy" sentence or stands
/// mid-sentence later. A brand with inner capitals ("GitLab") stays a tool's name.
#[test]
fn the_company_name_is_not_a_skill() {
    let m = matcher();
    // tests/fixtures/postings/check14-compiler-software-engineer.md
    let found = skills_in(
        m,
        "Compiler is a small, woman-owned software consultancy. Compiler helps \
         service-oriented government agencies build open source, human-centered, secure, \
         agile solutions to support the delivery of government services that increase equity \
         of opportunity.",
        Format::Text,
    );
    assert!(!has(&found, "llvm-compilers"), "{found:?}");
    // tests/fixtures/postings/check14-compiler-executive-assistant-business-development.md
    let found = skills_in(
        m,
        "About Compiler: Compiler is a small, woman-owned software consultancy.\n\n\
         * Promote and support conference attendance. You will research and track conference \
         opportunities, and with the team to prioritize conferences Compiler should have a \
         presence at and/or that help individual team members meet professional development \
         goals.",
        Format::Markdown,
    );
    assert!(!has(&found, "llvm-compilers"), "{found:?}");
    // The word in lowercase, after the same company sentence, still counts; the second
    // sentence is from tests/fixtures/postings/check2-remotewlb-senior-software-engineer-languages-and-sdks.md
    let found = skills_in(
        m,
        "Compiler is a small, woman-owned software consultancy. Understanding of compilers, \
         graph algorithms, data structures, and software architecture.",
        Format::Text,
    );
    assert!(has(&found, "llvm-compilers"), "{found:?}");
    // tests/fixtures/postings/check7-remotewlb-intermediate-backend-engineer-go-data-stores-tenant-scale.md
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(
        "tests/fixtures/postings/check7-remotewlb-intermediate-backend-engineer-go-data-stores-tenant-scale.md",
    );
    let text = std::fs::read_to_string(path).unwrap();
    let found = skills_in(m, &text, Format::Markdown);
    assert!(has(&found, "git"), "{found:?}");
}

/// A sentence that describes the company (its kind, products, customers) says what the
/// employer does, not what the job asks; the same words in the role's own text still count.
#[test]
fn a_sentence_describing_the_company_gives_no_skill() {
    let m = matcher();
    // tests/fixtures/postings/check21-boutsourcing-full-stack-java-developer.html
    let found = skills_in(
        m,
        "Boutsorucing is a full-stack software development company creating tailored, \
         industry-specific software solutions with proven expertise in building HR and Cyber \
         Security products.",
        Format::Text,
    );
    assert!(!has(&found, "security"), "{found:?}");
    // tests/fixtures/postings/check21-snyk-director-of-engineering-container-security.md
    let found = skills_in(
        m,
        "Snyk's mission is to help developers use open source code and stay secure. Snyk is \
         adopted by over 200,000 developers, has multiple enterprise customers (such as Google, \
         Heroku, New Relic, ASOS and others) and is growing rapidly.",
        Format::Text,
    );
    assert!(!has(&found, "cloud"), "{found:?}");
    // tests/fixtures/postings/check21-snyk-director-of-engineering-container-security.md
    let found = skills_in(m, "Interest in security and dev tools", Format::Text);
    assert!(has(&found, "security"), "{found:?}");
}

/// A sentence that claims the company's lead in its market says what the employer is, not
/// what the job asks; a requirement with the same words still counts.
#[test]
fn a_claim_to_lead_the_market_gives_no_skill() {
    let m = matcher();
    // tests/fixtures/postings/check22-codenotary-engineering-lead.md
    let found = skills_in(
        m,
        "CodeNotary is the leading company for trusted CI/CD. We provide the only immutable and \
         client-verifiable solutions capable of processing millions of transactions a second, \
         based on our open-source immudb, the world’s fastest immutable database.",
        Format::Text,
    );
    assert!(!has(&found, "ci-cd"), "{found:?}");
    assert!(!has(&found, "open-source"), "{found:?}");
    // tests/fixtures/postings/check22-codenotary-devops-engineer.md
    let found = skills_in(
        m,
        "Experience with setting up and maintaining CI/CD pipelines and particularly with Jenkins",
        Format::Text,
    );
    assert!(has(&found, "ci-cd"), "{found:?}");
}

/// "Label: value" fields run into one paragraph (a Markdown header block) end their sections
/// with the paragraph: the prose after a "Benefits: ..." field is job content.
#[test]
fn a_field_run_into_a_paragraph_does_not_swallow_the_prose_after_it() {
    let m = matcher();
    // tests/fixtures/postings/check22-democracy-works-software-engineer.md
    let text = "Sofrware Engineer\nLocation: Anywhere within the US\nTarget Start Date: February \
                1, 2018\nSalary Range: $112,000 to $130,000 per year (depending on experience. \
                Salary band given for our Brooklyn, NY headquarters; remote salaries will vary by \
                cost-of-living adjustment)\nBenefits: Vision, dental, & medical insurance; 403(b) \
                retirement savings plan; generous minimum vacation policy; parental leave\n\
                Level: Mid-level to senior\n\nMost of our development involves writing \
                microservices in Clojure running in Docker containers on Kubernetes (soon) and \
                hosted on AWS.\n";
    let found = skills_in(m, text, Format::Markdown);
    assert!(has(&found, "containers"), "{found:?}");
    assert!(has(&found, "cloud"), "{found:?}");
}

/// What the employer's own product does not do ("it doesn't hide the execution of your code
/// (hello, debugger!)") is the product's pitch, not a demand; the same word in a requirement
/// still counts.
#[test]
fn a_denial_of_what_the_product_does_gives_no_skill() {
    let m = matcher();
    // tests/fixtures/postings/check23-intecture-senior-rust-developer.md
    let found = skills_in(
        m,
        "Between Lines is the company behind [Intecture](https://intecture.io), the server \
         management tool for developers. Intecture doesn’t use DSLs, it doesn’t hide the \
         execution of your code (hello, debugger!), it doesn’t reformat it, prod it, lick it or \
         Rick-roll it, nor are there convoluted workflows or 15 levels of attribute precedence.",
        Format::Markdown,
    );
    assert!(!has(&found, "debuggers"), "{found:?}");
    // tests/fixtures/postings/check23-beam-connectivity-embedded-software-engineer.md
    let found = skills_in(
        m,
        "Cross-platform software compilation and debugging.",
        Format::Text,
    );
    assert!(has(&found, "debuggers"), "{found:?}");
}
