//! Every input that once crashed or hung a fuzz target, kept in
//! `tests/fixtures/fuzz-regressions/<target>/`, run again through the target's own function.

use std::fs;
use std::time::{Duration, Instant};

use crate::root;

/// A fuzz target's function.
type Target = fn(&[u8]);

/// The fuzz targets by name, as `fuzz/fuzz_targets/<name>.rs` calls them.
const TARGETS: &[(&str, Target)] = &[
    ("extract_html", jobfit::fuzzing::extract_html),
    ("extract_markdown", jobfit::fuzzing::extract_markdown),
    ("extract_json", jobfit::fuzzing::extract_json),
    ("jsonld", jobfit::fuzzing::jsonld),
    ("rules_load", jobfit::fuzzing::rules_load),
    ("matcher", jobfit::fuzzing::matcher),
];

#[test]
fn crash_inputs_of_the_fuzzers_stay_fixed() {
    let dir = root().join("tests/fixtures/fuzz-regressions");
    let mut replayed = 0;
    for (name, target) in TARGETS {
        let Ok(entries) = fs::read_dir(dir.join(name)) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let bytes = fs::read(&path).unwrap();
            let started = Instant::now();
            target(&bytes);
            assert!(
                started.elapsed() < Duration::from_secs(10),
                "{} took {:?}",
                path.display(),
                started.elapsed()
            );
            replayed += 1;
        }
    }
    eprintln!("replayed {replayed} fuzz regression inputs");
}

#[test]
fn every_fuzz_target_is_replayed() {
    let targets = fs::read_dir(root().join("fuzz/fuzz_targets")).unwrap();
    for entry in targets {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let name = name.trim_end_matches(".rs");
        assert!(
            TARGETS.iter().any(|(known, _)| *known == name),
            "fuzz target {name} has no regression replay"
        );
    }
}
