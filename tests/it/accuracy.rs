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
    // The floor follows the figure with the newest blind check sets included (check sets 15
    // and 16, measured before any change for them: 0.951 / 0.940 became 0.946 / 0.936), then
    // tuned on both: 0.951 / 0.944; check set 17, measured before any change for it, brought
    // that to 0.948 / 0.943, and tuning on it to 0.951 / 0.944; check set 18, measured before
    // any change for it, to 0.947 / 0.940, and tuning on it to 0.951 / 0.945 (0.9515 / 0.9447);
    // check set 19, measured before any change for it, to 0.950 / 0.943, and tuning on it to
    // 0.952 / 0.947 (0.9515 / 0.9466); check set 20, whose Bitcraze page the engine refused
    // as a list of jobs (0.810 / 0.739 on the other 11), tuned on (a careers page named "Jobs"
    // with one open role is one posting, front-matter lists of records are read): all English
    // 0.950 / 0.945 (0.9501 / 0.9450); check set 21, measured before any change for it (0.860 /
    // 0.845), brought that to 0.948 / 0.943, and tuning on it (a sentence on the company's
    // standing or track record gives no skill) to 0.950 / 0.945 (0.9501 / 0.9451); check set
    // 22, measured before any change for it (0.900 / 0.857), brought that to 0.949 / 0.943
    // (0.9488 / 0.9427), and tuning on it (a "Benefits: ..." field run into a paragraph ends
    // its section with it; a claim to lead the market gives no skill) to 0.950 / 0.945
    // (0.9501 / 0.9453); check set 23, measured before any change for it (0.939 / 0.885),
    // brought that to 0.950 / 0.943 (0.9498 / 0.9433), and tuning on it (product names and
    // test wording read as skills, a denial of what the employer's product does) to 0.952 /
    // 0.946 (0.9517 / 0.9464); check sets 24 and 25, measured before any change for them
    // (0.757 / 0.883 and 0.816 / 0.596: a duties list under "What's in it for you?" read as
    // benefits, and the requirements under "Who should respond?" with it), brought that to
    // 0.945 / 0.935 (0.9446 / 0.9345), and tuning on them (a benefits section whose items are
    // the job's duties or demands is job content; "Who should respond?" names requirements;
    // self-upskilling, profile links, LLDs read as skills) to 0.947 / 0.943 (0.9473 / 0.9434).
    assert!(
        overall.precision() >= 0.947 && overall.recall() >= 0.943,
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

/// The hand-labelled sets in other languages: the development sets (tests/fixtures/i18n/<code>,
/// tuned on for issue 17), the second development sets (tests/fixtures/i18n-dev2/<code>,
/// measured before the third vocabulary pass, then tuned on) and the held-out sets
/// (tests/fixtures/i18n-fresh/<code>, i18n-fresh2/<code>, i18n-fresh3/<code>, i18n-fresh4/<code> and i18n-fresh5/<code>, each measured once before it was tuned on). Each loads, names
/// only known skills and existing files, and stays at or above its figures as they stand (the
/// first line of each label file has the figure measured before any tuning; README's accuracy
/// section has both). A floor, not a target: it catches a change that makes a language worse.
#[test]
fn other_languages_do_not_fall_below_their_floors() {
    let matcher = jobfit::app::load_matcher(&[]).unwrap();
    let rules = matcher.rules();
    // (set, code, precision, recall) with the language vocabulary of issue 17 as it stands.
    let first = [
        ("i18n", "de", 0.974, 0.949),
        ("i18n", "es", 0.992, 0.955),
        ("i18n", "fr", 0.956, 0.975),
        ("i18n", "it", 0.972, 0.979),
        ("i18n", "nl", 0.960, 1.000),
        ("i18n", "pl", 0.991, 0.983),
        ("i18n", "pt", 1.000, 0.913),
        ("i18n", "ru", 0.986, 0.947),
        ("i18n", "uk", 0.939, 0.991),
        ("i18n-dev2", "es", 0.953, 0.910),
        ("i18n-dev2", "fr", 0.965, 0.965),
        ("i18n-dev2", "it", 0.934, 0.986),
        ("i18n-dev2", "nl", 0.968, 0.938),
        ("i18n-dev2", "pt", 0.953, 0.964),
        ("i18n-dev2", "ru", 0.966, 0.966),
        ("i18n-dev2", "uk", 0.958, 0.958),
        ("i18n-fresh", "de", 1.000, 0.935),
        ("i18n-fresh", "es", 0.957, 0.938),
        ("i18n-fresh", "fr", 0.979, 0.870),
        ("i18n-fresh", "it", 0.923, 0.906),
        ("i18n-fresh", "nl", 0.968, 0.968),
        ("i18n-fresh", "pl", 0.967, 0.983),
        ("i18n-fresh", "pt", 0.875, 0.808),
        ("i18n-fresh", "ru", 0.947, 0.947),
        ("i18n-fresh", "uk", 1.000, 0.854),
        ("i18n-fresh2", "de", 0.905, 0.844),
        ("i18n-fresh2", "es", 0.821, 0.767),
        ("i18n-fresh2", "fr", 0.857, 0.774),
        ("i18n-fresh2", "it", 0.940, 0.783),
        ("i18n-fresh2", "nl", 0.833, 0.816),
        ("i18n-fresh2", "pl", 0.840, 0.875),
        ("i18n-fresh2", "pt", 0.974, 0.927),
        ("i18n-fresh2", "ru", 0.935, 0.744),
        ("i18n-fresh2", "uk", 0.750, 0.500),
        ("i18n-fresh3", "de", 0.875, 0.897),
        ("i18n-fresh3", "es", 0.923, 0.972),
        ("i18n-fresh3", "fr", 0.888, 0.816),
        ("i18n-fresh3", "it", 0.955, 0.875),
        ("i18n-fresh3", "nl", 0.811, 0.769),
        ("i18n-fresh3", "pl", 0.896, 0.721),
        ("i18n-fresh3", "pt", 0.829, 0.763),
        ("i18n-fresh3", "ru", 0.850, 0.810),
        ("i18n-fresh3", "uk", 0.881, 0.804),
        ("i18n-fresh4", "de", 0.909, 0.732),
        ("i18n-fresh4", "fr", 0.893, 0.862),
        ("i18n-fresh4", "nl", 0.944, 0.894),
        ("i18n-fresh4", "pl", 0.918, 0.772),
        ("i18n-fresh4", "pt", 0.928, 0.896),
        ("i18n-fresh4", "ru", 0.911, 0.794),
        ("i18n-fresh4", "uk", 0.939, 0.795),
        ("i18n-fresh5", "de", 0.869, 0.908),
        ("i18n-fresh5", "es", 0.832, 0.874),
        ("i18n-fresh5", "fr", 0.999, 0.874),
        ("i18n-fresh5", "it", 0.847, 0.965),
        ("i18n-fresh5", "nl", 0.843, 0.899),
        ("i18n-fresh5", "pl", 0.951, 0.869),
        ("i18n-fresh5", "pt", 0.849, 0.943),
        ("i18n-fresh5", "ru", 0.874, 0.902),
        ("i18n-fresh5", "uk", 0.928, 0.866),
        ("i18n-fresh6", "de", 0.960, 0.888),
        ("i18n-fresh6", "fr", 0.937, 0.937),
        ("i18n-fresh6", "nl", 0.888, 1.000),
        ("i18n-fresh6", "ru", 0.909, 0.769),
        ("i18n-fresh7", "de", 0.971, 0.895),
        ("i18n-fresh7", "fr", 0.906, 0.941),
        ("i18n-fresh7", "nl", 0.773, 0.895),
        ("i18n-fresh7", "pl", 0.833, 0.926),
        ("i18n-fresh7", "es", 0.913, 0.954),
        ("i18n-fresh7", "it", 0.840, 0.913),
        ("i18n-fresh7", "pt", 1.000, 1.000),
        ("i18n-fresh7", "ru", 0.851, 0.920),
        ("i18n-fresh7", "uk", 0.900, 0.900),
        ("i18n-fresh8", "nl", 0.941, 0.888),
        ("i18n-fresh8", "de", 0.900, 1.000),
        ("i18n-fresh8", "it", 0.928, 0.866),
        ("i18n-fresh8", "ru", 0.904, 0.904),
        ("i18n-fresh8", "pl", 0.937, 0.937),
        ("i18n-fresh8", "uk", 1.000, 0.857),
        ("i18n-fresh9", "es", 0.937, 0.937),
        ("i18n-fresh9", "fr", 0.904, 0.904),
        ("i18n-fresh9", "pt", 0.894, 0.850),
        ("i18n-fresh9", "de", 0.944, 0.850),
        ("i18n-fresh9", "nl", 0.714, 0.714),
        ("i18n-fresh9", "pl", 1.000, 0.900),
    ];
    let mut shown = String::new();
    for (set, code, precision, recall) in first {
        let fixtures = crate::root().join("tests/fixtures").join(set).join(code);
        let labels = eval::load_labels(&fixtures.join("labels")).unwrap();
        let least = match set {
            "i18n" => 15,
            "i18n-dev2" => 7,
            "i18n-fresh2" => 3,
            "i18n-fresh4" if code == "nl" => 3,
            "i18n-fresh5" => 4,
            "i18n-fresh6" => 3,
            "i18n-fresh7" => 4,
            "i18n-fresh8" => 3,
            "i18n-fresh9" => 2,
            _ => 6,
        };
        assert!(
            labels.len() >= least,
            "{set}/{code}: only {} postings",
            labels.len()
        );
        for labelled in &labels {
            assert!(
                fixtures.join(&labelled.file).is_file(),
                "{code}: {}",
                labelled.file
            );
            for (id, _) in labelled.skills() {
                assert!(rules.skills.iter().any(|s| s.id == id), "{code}: {id}");
            }
        }
        let report = eval::evaluate(&matcher, &fixtures, &labels).unwrap();
        let overall = report.overall;
        shown.push_str(&format!(
            "{set}/{code}: {} postings, precision {:.3}, recall {:.3}\n",
            labels.len(),
            overall.precision(),
            overall.recall()
        ));
        assert!(
            overall.precision() >= precision - 0.005 && overall.recall() >= recall - 0.005,
            "{set}/{code}: precision {:.3} (floor {precision}), recall {:.3} (floor {recall})",
            overall.precision(),
            overall.recall()
        );
    }
    println!("{shown}");
}
