//! Prints precision, recall and F1 of the matcher against the hand labels, per category and
//! overall. Run through `bench/accuracy [--verbose] [--rules FILE]`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut verbose = false;
    let mut rules: Vec<PathBuf> = Vec::new();
    let mut fixtures = PathBuf::from("tests/fixtures");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--verbose" | "-v" => verbose = true,
            "--rules" => rules.extend(args.next().map(PathBuf::from)),
            "--fixtures" => fixtures = args.next().map_or(fixtures, PathBuf::from),
            other => {
                eprintln!("usage: accuracy [--verbose] [--rules FILE] [--fixtures DIR] ({other}?)");
                return ExitCode::from(2);
            }
        }
    }
    let run = || -> anyhow::Result<jobfit::eval::AccuracyReport> {
        let matcher = jobfit::app::load_matcher(&rules)?;
        let labels = jobfit::eval::load_labels(&fixtures.join("labels"))?;
        Ok(jobfit::eval::evaluate(&matcher, &fixtures, &labels)?)
    };
    match run() {
        Ok(report) => {
            let mut out = std::io::stdout().lock();
            if let Err(e) = jobfit::eval::write_report(&mut out, &report, verbose) {
                eprintln!("accuracy: {e}");
                return ExitCode::from(2);
            }
            // The figures each label file states it was first measured at, before any tuning.
            let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures.join("labels"))
                .map(|dir| dir.flatten().map(|e| e.path()).collect())
                .unwrap_or_default();
            files.sort();
            for file in files {
                let first = std::fs::read_to_string(&file).unwrap_or_default();
                let first = first.lines().next().unwrap_or_default();
                if let Some(at) = first.find("precision") {
                    let figures = first.get(at..).unwrap_or_default();
                    let figures = figures.split(" (").next().unwrap_or(figures);
                    let name = file.file_name().unwrap_or_default().to_string_lossy();
                    println!("before tuning, {name}: {}", figures.trim_end_matches('.'));
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("accuracy: {e:#}");
            ExitCode::from(2)
        }
    }
}
