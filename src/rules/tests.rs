use super::*;

fn load(text: &str) -> Result<RuleSet, RuleError> {
    RuleSet::from_sources(&[("my-rules.toml".into(), text.into())])
}

const CATEGORY: &str = "[[category]]\nid = \"lang\"\nname = \"Languages\"\nkind = \"tech\"\n";

fn with_skill(skill: &str) -> String {
    format!("{CATEGORY}\n[[skill]]\nid = \"rust\"\nname = \"Rust\"\ncategory = \"lang\"\n{skill}\n")
}

#[test]
fn default_rules_are_the_skill_map() {
    let rules = RuleSet::default_rules().unwrap();
    assert_eq!(rules.skills.len(), 46);
    let ids: Vec<&str> = rules.categories.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "foundational",
            "advanced",
            "professional",
            "tech-stack",
            "systems",
            "soft"
        ]
    );
    let soft = rules
        .skills
        .iter()
        .filter(|s| rules.categories[s.category].kind == SkillKind::Soft);
    assert_eq!(soft.count(), 10);
}

#[test]
fn unknown_fields_are_refused_with_the_file_name() {
    let err = load(&with_skill("phrases = [\"rust\"]\nsynonyms = [\"x\"]")).unwrap_err();
    let message = err.to_string();
    assert!(message.starts_with("my-rules.toml:"), "{message}");
    assert!(message.contains("synonyms"), "{message}");
}

#[test]
fn duplicate_ids_are_refused() {
    let text = format!(
        "{}\n[[skill]]\nid = \"rust\"\nname = \"Again\"\ncategory = \"lang\"\nphrases = [\"x\"]\n",
        with_skill("phrases = [\"rust\"]")
    );
    let err = load(&text).unwrap_err();
    assert!(
        matches!(err.kind, RuleErrorKind::Duplicate { ref id, .. } if id == "rust"),
        "{err}"
    );
}

#[test]
fn duplicate_ids_across_files_name_both_files() {
    let one = with_skill("phrases = [\"rust\"]");
    let two = with_skill("phrases = [\"rust\"]").replace("\"lang\"", "\"other\"");
    let err = RuleSet::from_sources(&[("a.toml".into(), one), ("b.toml".into(), two)]).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("b.toml") && message.contains("a.toml"),
        "{message}"
    );
}

#[test]
fn invalid_patterns_name_skill_and_pattern() {
    let err = load(&with_skill("patterns = ['rust(']")).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("my-rules.toml"), "{message}");
    assert!(message.contains("\"rust\""), "{message}");
    assert!(message.contains("rust("), "{message}");
}

#[test]
fn empty_and_empty_matching_patterns_are_refused() {
    assert!(matches!(
        load(&with_skill("phrases = [\"\"]")),
        Err(RuleError {
            kind: RuleErrorKind::EmptyPhrase { .. },
            ..
        })
    ));
    assert!(matches!(
        load(&with_skill("phrases = [\" rust\"]")),
        Err(RuleError {
            kind: RuleErrorKind::EmptyPhrase { .. },
            ..
        })
    ));
    assert!(matches!(
        load(&with_skill("patterns = ['x*']")),
        Err(RuleError {
            kind: RuleErrorKind::EmptyMatchPattern { .. },
            ..
        })
    ));
    assert!(matches!(
        load(&with_skill("")),
        Err(RuleError {
            kind: RuleErrorKind::NoDetectors { .. },
            ..
        })
    ));
}

#[test]
fn other_mistakes_are_refused() {
    let unknown =
        with_skill("phrases = [\"rust\"]").replace("category = \"lang\"", "category = \"nope\"");
    assert!(matches!(
        load(&unknown),
        Err(RuleError {
            kind: RuleErrorKind::UnknownCategory { .. },
            ..
        })
    ));
    assert!(matches!(
        load(&with_skill("weak = [\"borrow\"]")),
        Err(RuleError {
            kind: RuleErrorKind::WeakWithoutContext { .. },
            ..
        })
    ));
    assert!(matches!(
        load(&with_skill("phrases = [\"rust\", \"Rust\"]")),
        Err(RuleError {
            kind: RuleErrorKind::DuplicatePhrase { .. },
            ..
        })
    ));
    assert!(matches!(
        load(&with_skill("phrases = [\"rust\"]\nweight = -1.0")),
        Err(RuleError {
            kind: RuleErrorKind::BadWeight { .. },
            ..
        })
    ));
    assert!(matches!(
        load(&with_skill("phrases = [\"rust\"]\nwindow = 0")),
        Err(RuleError {
            kind: RuleErrorKind::BadWindow { .. },
            ..
        })
    ));
    let bad_id = with_skill("phrases = [\"rust\"]").replace("id = \"rust\"", "id = \"Rust Lang\"");
    assert!(matches!(
        load(&bad_id),
        Err(RuleError {
            kind: RuleErrorKind::InvalidId { .. },
            ..
        })
    ));
    let empty_category = format!(
        "{}\n[[category]]\nid = \"soft\"\nname = \"Soft\"\nkind = \"soft\"\n",
        with_skill("phrases = [\"rust\"]")
    );
    assert!(matches!(
        load(&empty_category),
        Err(RuleError {
            kind: RuleErrorKind::EmptyCategory { .. },
            ..
        })
    ));
    assert!(matches!(
        load(""),
        Err(RuleError {
            kind: RuleErrorKind::NoSkills,
            ..
        })
    ));
}

#[test]
fn global_exclusions_reach_every_skill_of_the_file() {
    let text = format!(
        "[profile]\nexclude = [\"go-to-market\"]\n{}",
        with_skill("phrases = [\"rust\"]")
    );
    let rules = load(&text).unwrap();
    assert_eq!(rules.skills[0].exclude.len(), 1);
}

#[test]
fn phrases_with_star_are_prefixes() {
    let rules = load(&with_skill(
        "phrases = [\"rustacean*\"]\nterms = [\"Rust\"]",
    ))
    .unwrap();
    let phrases = &rules.skills[0].phrases;
    assert!(phrases[0].prefix && !phrases[0].case_sensitive);
    assert_eq!(phrases[0].text, "rustacean");
    assert!(phrases[1].case_sensitive && !phrases[1].prefix);
}

/// The default rule file is kept in canonical form: entries of every list sorted and unique.
#[test]
fn default_rules_lists_are_sorted() {
    let parsed: RuleFile = toml::from_str(DEFAULT_RULES).unwrap();
    for skill in &parsed.skill {
        let skill = skill.get_ref();
        let mut lists = vec![
            ("phrases", &skill.phrases),
            ("terms", &skill.terms),
            ("exclude", &skill.exclude),
            ("weak", &skill.weak),
            ("context", &skill.context),
            ("words", &skill.words),
        ];
        for lang in skill.lang.values() {
            lists.extend([
                ("phrases", &lang.phrases),
                ("terms", &lang.terms),
                ("exclude", &lang.exclude),
                ("weak", &lang.weak),
                ("context", &lang.context),
                ("words", &lang.words),
            ]);
        }
        for (field, list) in lists {
            let list: Vec<&String> = list.iter().map(|p| p.get_ref()).collect();
            let mut sorted = list.clone();
            sorted.sort_by_key(|p| p.to_lowercase());
            sorted.dedup();
            assert_eq!(
                list,
                sorted,
                "skill {}: {field} is not sorted",
                skill.id.get_ref()
            );
        }
    }
}

/// Every refused rule file names the file and the line, and the skill and pattern when there is
/// one. The skill table of `with_skill` starts on line 6; its first extra line is line 10.
#[test]
fn errors_name_file_line_skill_and_pattern() {
    let message = |text: &str| load(text).unwrap_err().to_string();

    let malformed = message(&with_skill("phrases = [\"rust\"\nterms = [\"Rust\"]"));
    assert!(message_at(&malformed, 11), "{malformed}");

    let unknown = message(&with_skill("phrases = [\"rust\"]\nsynonyms = [\"x\"]"));
    assert!(
        unknown.starts_with("my-rules.toml:11: skill \"rust\": "),
        "{unknown}"
    );
    assert!(unknown.contains("synonyms"), "{unknown}");

    let bad_regex = message(&with_skill("phrases = [\"rust\"]\npatterns = ['rust(']"));
    assert!(
        bad_regex.starts_with("my-rules.toml:11: skill \"rust\": invalid pattern \"rust(\": "),
        "{bad_regex}"
    );

    // A pattern whose compiled form exceeds the size limit is an error too, not a slow start.
    let huge = message(&with_skill(
        "phrases = [\"rust\"]\npatterns = ['(?:\\w{50}){50}\\w{200}']",
    ));
    assert!(
        huge.starts_with("my-rules.toml:11: skill \"rust\": invalid pattern "),
        "{huge}"
    );
    assert!(
        huge.ends_with("larger than the limit (1048576 bytes)"),
        "{huge}"
    );

    let duplicate = message(&format!(
        "{}\n[[skill]]\nid = \"rust\"\nname = \"Again\"\ncategory = \"lang\"\nphrases = [\"x\"]\n",
        with_skill("phrases = [\"rust\"]")
    ));
    assert!(
        duplicate.starts_with("my-rules.toml:13: duplicate skill id \"rust\""),
        "{duplicate}"
    );

    let no_phrases = message(&with_skill("phrases = []\nterms = []"));
    assert!(
        no_phrases.starts_with("my-rules.toml:6: skill \"rust\" has no phrases"),
        "{no_phrases}"
    );
    let empty_phrase = message(&with_skill("phrases = [\"rust\"]\nterms = [\"\"]"));
    assert!(
        empty_phrase.starts_with("my-rules.toml:11: skill \"rust\": empty entry in terms"),
        "{empty_phrase}"
    );

    let multi_line =
        with_skill("phrases = [\"rust\"]\npatterns = [\n  'rust ?lang',\n  '(?i)x*',\n]");
    let empty_match = message(&multi_line);
    assert!(
        empty_match.starts_with(
            "my-rules.toml:13: skill \"rust\": pattern \"(?i)x*\" matches the empty string"
        ),
        "{empty_match}"
    );
}

fn message_at(message: &str, line: usize) -> bool {
    message.starts_with(&format!("my-rules.toml:{line}: "))
}

#[test]
fn a_bad_second_file_loads_nothing() {
    let good = with_skill("phrases = [\"rust\"]");
    let bad = with_skill("patterns = ['(']")
        .replace("\"lang\"", "\"other\"")
        .replace("id = \"rust\"", "id = \"go\"");
    let err = RuleSet::from_sources(&[("a.toml".into(), good), ("b.toml".into(), bad)]);
    assert!(
        matches!(err, Err(RuleError { ref file, kind: RuleErrorKind::InvalidPattern { .. }, .. }) if file == "b.toml")
    );
}

#[test]
fn words_together_and_languages_are_checked() {
    let message = |text: &str| load(text).unwrap_err().to_string();
    let unknown = message(&with_skill(
        "phrases = [\"rust\"]\n[skill.lang.xx]\nwords = [\"a\"]",
    ));
    assert!(
        unknown.starts_with("my-rules.toml:11: skill \"rust\": unknown language \"xx\""),
        "{unknown}"
    );
    let star = message(&with_skill("words = [\"rust*\"]"));
    assert!(
        message_at(&star, 10) && star.contains("words entry"),
        "{star}"
    );
    let one_group = message(&with_skill("[[skill.together]]\ngroups = [[\"a\"]]"));
    assert!(
        message_at(&one_group, 10) && one_group.contains("2 or 3 groups"),
        "{one_group}"
    );
    let level = message(&with_skill(
        "phrases = [\"rust\"]\nexamples = [{ text = \"Rust\", level = \"must\" }]",
    ));
    assert!(
        message_at(&level, 11) && level.contains("\"must\""),
        "{level}"
    );

    let rules = load(&with_skill(
        "words = [\"rust\"]\ncounter_examples = [\"x\"]\n[[skill.together]]\ngroups = [[\"a\"], [\"b\", \"c\"]]\n[skill.lang.de]\nwords = [\"teamfähig\"]\nexamples = [{ text = \"teamfähig\" }]",
    ))
    .unwrap();
    let skill = &rules.skills[0];
    assert_eq!(skill.words.len(), 2);
    assert_eq!(skill.words[1].language, "de");
    assert_eq!(skill.together[0].groups.len(), 2);
    assert_eq!(skill.examples[0].line, 16);
    assert_eq!(skill.counter_examples[0].line, 11);
}
