//! The default skill map against the hand labels: the figures must not regress below target.

use jobfit::eval;

#[test]
fn default_map_meets_the_accuracy_target() {
    let matcher = jobfit::app::load_matcher(&[]).unwrap();
    let fixtures = crate::root().join("tests/fixtures");
    let labels = eval::load_labels(&fixtures.join("labels")).unwrap();
    assert!(
        labels.len() >= 30,
        "only {} labelled postings",
        labels.len()
    );
    let report = eval::evaluate(&matcher, &fixtures, &labels).unwrap();
    let mut table = Vec::new();
    eval::write_report(&mut table, &report, true).unwrap();
    let table = String::from_utf8(table).unwrap();
    let overall = report.overall;
    assert!(
        overall.precision() >= 0.93 && overall.recall() >= 0.90,
        "precision {:.3} recall {:.3}\n{table}",
        overall.precision(),
        overall.recall()
    );
}

#[test]
fn labels_use_only_known_skills_and_existing_files() {
    let rules = jobfit::RuleSet::default_rules().unwrap();
    let fixtures = crate::root().join("tests/fixtures");
    for labelled in eval::load_labels(&fixtures.join("labels")).unwrap() {
        assert!(fixtures.join(&labelled.file).is_file(), "{}", labelled.file);
        let mut seen = std::collections::HashSet::new();
        for (id, _) in labelled.skills() {
            assert!(
                rules.skills.iter().any(|s| s.id == id),
                "{}: {id}",
                labelled.file
            );
            assert!(seen.insert(id), "{}: {id} labelled twice", labelled.file);
        }
    }
}
