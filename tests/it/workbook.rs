//! The workbook (`--xlsx`) read back by LibreOffice: every sheet, exported to CSV by a
//! headless LibreOffice Calc, has exactly the cells of the CSV table jobfit wrote in the same
//! run (numbers as numbers, text exactly, the CSV's leading apostrophe undone), in the same
//! order; and the sheets are typed, frozen, filtered and linked.
//!
//! LibreOffice is required, not optional: `.ci/run` installs Debian's `libreoffice-calc-nogui`
//! when `soffice` is missing. Set `SOFFICE=/path/to/soffice` to use another build (7.2 or later,
//! which exports every sheet at once).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::{fixture, jobfit, jobfit_in, parse_csv, root};

/// The sheets and the CSV option that writes the same table.
const SHEETS: [(&str, &str); 4] = [
    ("postings", "-o"),
    ("matches", "--matches"),
    ("summary", "--summary"),
    ("pairs", "--pairs"),
];

fn soffice() -> PathBuf {
    if let Some(path) = std::env::var_os("SOFFICE") {
        return PathBuf::from(path);
    }
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("soffice"))
            .find(|path| path.exists())
    });
    found.unwrap_or_else(|| {
        panic!(
            "LibreOffice is needed for the workbook tests but `soffice` is not on PATH: install \
             it (`apt-get install libreoffice-calc-nogui`, as .ci/run does) or set SOFFICE to \
             a soffice binary"
        )
    })
}

/// Every sheet of `book` as LibreOffice exports it to CSV (UTF-8, comma, `"`; raw values, not
/// as shown), by sheet name.
fn sheets_as_csv(book: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    let out = tempfile::tempdir().unwrap();
    // A profile of its own: tests run in parallel, and one LibreOffice profile serves one
    // process at a time.
    let profile = tempfile::tempdir().unwrap();
    let output = Command::new(soffice())
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args([
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "--outdir",
        ])
        .arg(out.path())
        .arg(book)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(output.status.success(), "soffice failed: {output:?}");
    let stem = book.file_stem().unwrap().to_str().unwrap();
    SHEETS
        .iter()
        .map(|(sheet, _)| {
            let path = out.path().join(format!("{stem}-{sheet}.csv"));
            let bytes = fs::read(&path).unwrap_or_else(|e| {
                panic!(
                    "LibreOffice wrote no {} ({e}); it needs version 7.2 or later to export \
                     every sheet: {output:?}",
                    path.display()
                )
            });
            let (header, rows) = parse_csv(&bytes);
            let mut table = vec![header];
            table.extend(rows);
            ((*sheet).to_owned(), table)
        })
        .collect()
}

/// A CSV cell as the workbook holds it: the leading apostrophe that makes text starting with
/// `=`, `+`, `-`, `@`, a tab or a carriage return safe is not in the workbook (the cell is text
/// there, so it needs none).
fn unescaped(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest)
            if matches!(
                rest.as_bytes().first(),
                Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
            ) =>
        {
            rest
        }
        _ => cell,
    }
}

/// Checks a sheet against the CSV table, cell by cell: a number of the CSV is the same number
/// in the sheet, any other cell the same text.
fn assert_same_cells(name: &str, csv: &[Vec<String>], sheet: &[Vec<String>]) {
    assert_eq!(
        csv.len(),
        sheet.len(),
        "{name}: {} CSV rows, {} sheet rows",
        csv.len(),
        sheet.len()
    );
    for (index, (csv_row, sheet_row)) in csv.iter().zip(sheet).enumerate() {
        let width = csv_row.len().max(sheet_row.len());
        assert_eq!(csv_row.len(), width, "{name} row {index}: {sheet_row:?}");
        for column in 0..width {
            let expected = csv_row.get(column).map_or("", String::as_str);
            let got = sheet_row.get(column).map_or("", String::as_str);
            let header = csv.first().and_then(|h| h.get(column)).unwrap();
            let as_number = |text: &str| text.parse::<f64>().ok().filter(|n| n.is_finite());
            match as_number(expected) {
                Some(number) => assert_eq!(
                    as_number(got),
                    Some(number),
                    "{name} row {index} column {header}: {got:?}, expected the number {expected}"
                ),
                None => assert_eq!(
                    got,
                    unescaped(expected),
                    "{name} row {index} column {header}"
                ),
            }
        }
    }
}

/// Runs `jobfit score` with every CSV table and the workbook, and compares each sheet with
/// its table. Returns the directory (CSV files and `book.xlsx`).
fn score_and_compare(dir: &Path, args: &[&str], stdin: &str) -> Vec<(String, Vec<Vec<String>>)> {
    let mut all: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    for (sheet, option) in SHEETS {
        all.push(option.to_owned());
        all.push(dir.join(format!("{sheet}.csv")).display().to_string());
    }
    all.extend([
        "--xlsx".to_owned(),
        dir.join("book.xlsx").display().to_string(),
    ]);
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    let output = jobfit_in(&root(), &all, stdin);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let sheets = sheets_as_csv(&dir.join("book.xlsx"));
    let mut tables = Vec::new();
    for ((sheet, _), (exported, cells)) in SHEETS.iter().zip(&sheets) {
        assert_eq!(sheet, exported);
        let (header, rows) = parse_csv(&fs::read(dir.join(format!("{sheet}.csv"))).unwrap());
        let mut table = vec![header];
        table.extend(rows);
        assert_same_cells(sheet, &table, cells);
        tables.push(((*sheet).to_owned(), table));
    }
    tables
}

/// A part of the xlsx file (a zip), as text (read with Python's zipfile).
fn part(book: &Path, name: &str) -> String {
    let output = Command::new("python3")
        .args([
            "-c",
            "import sys, zipfile\n\
             sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))",
        ])
        .arg(book)
        .arg(name)
        .output()
        .expect("python3 is needed to read the workbook's parts");
    assert!(output.status.success(), "{name}: {output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn every_sheet_has_the_cells_of_its_csv_table_in_libreoffice() {
    let dir = tempfile::tempdir().unwrap();
    let postings = dir.path().join("postings");
    fs::create_dir(&postings).unwrap();
    for entry in fs::read_dir(root().join("tests/fixtures/postings")).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), postings.join(entry.file_name())).unwrap();
    }
    // A title that is a formula, and accents that must survive without an import dialog.
    fs::copy(
        root().join("tests/fixtures/crafted/formula-title.md"),
        postings.join("formula-title.md"),
    )
    .unwrap();
    fs::write(
        postings.join("développeur.md"),
        "# Développeur Rust sénior (télétravail)\n### Société Générale à Paris\n\n\
         Vous maîtrisez Rust et Kubernetes ; la connaissance de PostgreSQL est appréciée.\n\
         Expérience requise : 5 ans. Rémunération : 60 000 € par an.\n",
    )
    .unwrap();
    // A second copy of a posting: a near-duplicate under --dedup.
    fs::copy(
        fixture("check-hn-13301893.html"),
        postings.join("zz-again-check-hn-13301893.html"),
    )
    .unwrap();
    let tables = score_and_compare(
        dir.path(),
        &[
            "score",
            postings.to_str().unwrap(),
            "--no-progress",
            "--sort",
            "score",
            "--dedup",
            "--by",
            "remote",
            "--min-pairs",
            "1",
        ],
        "",
    );
    let (_, postings_table) = &tables[0];
    let header = &postings_table[0];
    let title = header.iter().position(|h| h == "title").unwrap();
    let score = header.iter().position(|h| h == "score").unwrap();
    assert!(postings_table.len() > 190);
    // The sheet's rows are in --sort order, since they are the CSV's rows.
    let scores: Vec<f64> = postings_table[1..]
        .iter()
        .map(|r| r[score].parse().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    let titles: Vec<&str> = postings_table[1..]
        .iter()
        .map(|r| r[title].as_str())
        .collect();
    assert!(titles.contains(&"'=HYPERLINK(\"http://example.com/x\",\"Backend Developer (Rust)\")"));
    assert!(titles.contains(&"Développeur Rust sénior (télétravail)"));
    let duplicate = header.iter().position(|h| h == "duplicate_of").unwrap();
    assert!(postings_table.iter().any(|r| !r[duplicate].is_empty()));
    // The summary is grouped by --by and the pairs go down to --min-pairs 1.
    assert_eq!(tables[2].1[0][0], "remote");
    assert!(tables[3].1.len() > 100);

    // Typed cells: the formula title is a text cell (inline, never `<f>`), with no apostrophe.
    let book = dir.path().join("book.xlsx");
    let sheet = part(&book, "xl/worksheets/sheet1.xml");
    assert!(!sheet.contains("<f>"), "no formula in the postings sheet");
    assert!(sheet.contains(
        r#"<is><t>=HYPERLINK("http://example.com/x","Backend Developer (Rust)")</t></is>"#
    ));
    assert!(sheet.contains("<t>Développeur Rust sénior (télétravail)</t>"));
    for index in 1..=4 {
        let sheet = part(&book, &format!("xl/worksheets/sheet{index}.xml"));
        assert!(
            sheet.contains("state=\"frozen\""),
            "sheet{index}: frozen header"
        );
        assert!(
            sheet.contains("<autoFilter ref=\"A1:"),
            "sheet{index}: autofilter"
        );
        assert!(sheet.contains("<cols>"), "sheet{index}: column widths");
    }
    let styles = part(&book, "xl/styles.xml");
    assert!(styles.contains("<b/>"), "a bold header");
    let workbook = part(&book, "xl/workbook.xml");
    let names: Vec<&str> = workbook
        .split("<sheet name=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect();
    assert_eq!(names, ["postings", "matches", "summary", "pairs"]);
}

#[test]
fn streamed_lines_have_links_and_their_fields_in_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        r##"{"id": "https://example.com/jobs/1", "meta": {"market": "fr"}, "markdown": "# Ingénieur Rust\n\nVous maîtrisez Rust, Kubernetes et PostgreSQL."}"##,
        r##"{"id": "https://example.com/jobs/2", "meta": {"market": "de"}, "markdown": "# -Rust developer\n\nYou must know Rust and Kubernetes; Python is a plus."}"##,
        r##"{"id": "local-3", "meta": {"market": "fr"}, "text": "@Backend engineer\n\nGo, PostgreSQL and Kubernetes required."}"##,
    ];
    let stdin = lines.join("\n") + "\n";
    let tables = score_and_compare(
        dir.path(),
        &[
            "score",
            "--jsonl-in",
            "-",
            "--format",
            "csv",
            "--no-progress",
            "--by",
            "meta.market",
            "--min-pairs",
            "1",
        ],
        &stdin,
    );
    let postings = &tables[0].1;
    assert_eq!(postings.len(), 4);
    assert_eq!(postings[0].last().unwrap(), "input");
    assert_eq!(tables[2].1[0][0], "meta.market");

    // http(s) sources are links (to themselves); the others are text.
    let book = dir.path().join("book.xlsx");
    let rels = part(&book, "xl/worksheets/_rels/sheet1.xml.rels");
    assert!(
        rels.contains("Target=\"https://example.com/jobs/1\""),
        "{rels}"
    );
    assert!(
        rels.contains("Target=\"https://example.com/jobs/2\""),
        "{rels}"
    );
    assert!(!rels.contains("local-3"), "{rels}");
    let sheet = part(&book, "xl/worksheets/sheet1.xml");
    assert_eq!(sheet.matches("<hyperlink ref=\"A").count(), 2, "{sheet}");
    let matches = part(&book, "xl/worksheets/sheet2.xml");
    assert!(matches.contains("<hyperlink ref=\"A2\""), "{matches}");
}

#[test]
fn a_bad_workbook_path_fails_before_any_work() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("postings.csv");
    let book = dir.path().join("missing/book.xlsx");
    let output = jobfit(
        &[
            "score",
            "samples",
            "-o",
            out.to_str().unwrap(),
            "--xlsx",
            book.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("book.xlsx"), "{stderr}");
    assert!(!out.exists() && !book.exists());
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing written"
    );
}

#[test]
#[should_panic(expected = "column title")]
fn the_comparison_sees_an_apostrophe_left_in_the_workbook() {
    let csv = [vec!["title".to_owned()], vec!["'=1+2".to_owned()]];
    assert_same_cells("postings", &csv, &csv);
}

#[test]
#[should_panic(expected = "expected the number 12.5")]
fn the_comparison_sees_a_changed_number() {
    let csv = [vec!["score".to_owned()], vec!["12.5".to_owned()]];
    let sheet = [vec!["score".to_owned()], vec!["12.6".to_owned()]];
    assert_same_cells("postings", &csv, &sheet);
}
