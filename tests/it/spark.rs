//! The README's map-step recipes run as written with the real engines: PySpark and Spark's
//! Scala shell in local mode, and GNU parallel (`tests/spark/recipes.py`, over the fixture
//! postings plus blank, malformed, id-less and non-UTF-8 lines). Every line comes back once, the
//! rows equal one single-process run, and the output reads back with `tests/spark/schema.ddl`.
//!
//! PySpark (with its Spark jars), a JDK and GNU parallel are required, not optional: `.ci/run`
//! installs them when they are missing.

use std::process::Command;

use crate::root;

#[test]
fn readme_recipes_run_as_written_in_spark_and_parallel() {
    let output = Command::new("python3")
        .arg(root().join("tests/spark/recipes.py"))
        .arg("--readme")
        .arg(root().join("README.md"))
        .arg("--jobfit")
        .arg(env!("CARGO_BIN_EXE_jobfit"))
        .current_dir(root())
        .output()
        .expect("python3 runs tests/spark/recipes.py");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the recipes failed (PySpark, a JDK and GNU parallel are needed: .ci/run installs \
         them)\n{stdout}\n{stderr}"
    );
    let last = stdout.lines().last().unwrap_or_default();
    assert!(
        last.ends_with("passed, 0 failed") && !last.starts_with("0 passed"),
        "{stdout}"
    );
}
