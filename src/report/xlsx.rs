//! The workbook (`--xlsx FILE`): the postings, matches, summary and pairs tables as the sheets
//! of one xlsx file.
//!
//! Every sheet is written from the very records the CSV writers write (the same `Row`s,
//! built by the same code), so a sheet's cells are the CSV table's cells, typed: numbers are
//! number cells, text is a text cell holding exactly the text (never a formula, so no
//! apostrophe is needed), and http(s) URLs in the `source`, `url` and `final_url` columns are
//! links. Each sheet has a bold, frozen header row with an autofilter, and columns as wide as
//! their header and content (capped).
//!
//! Rows stream: the sheets are rust_xlsxwriter's constant-memory worksheets, which write each
//! row to a temporary file once the next one starts, so a run's memory does not grow with its
//! postings (only with its links, at most [`MAX_LINKS`] per sheet).

use std::borrow::Cow;
use std::io::Write;

use rust_xlsxwriter::{ColNum, Format, RowNum, Url, Workbook, Worksheet, XlsxError};

use crate::candidate::Fit;
use crate::row::Outcome;
use crate::rules::RuleSet;

use super::csv::{Cell, MATCHES_COLUMNS, PostingsLayout, Row, Sink, header, write_matches};
use super::tally::{Tally, pairs_records, summary_records};

/// The sheets, in order.
pub const SHEETS: [&str; 4] = ["postings", "matches", "summary", "pairs"];

/// Most characters in a cell (Excel's limit): longer text is cut to it.
pub const MAX_CELL_CHARS: usize = 32_767;

/// Most links in a sheet (Excel's limit is 65,530); further URLs are plain text cells.
pub const MAX_LINKS: usize = 65_530;

/// Widest column, in characters.
pub const MAX_COLUMN_WIDTH: usize = 60;

/// Why the workbook could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WorkbookError {
    /// A sheet already has as many rows as a sheet can hold (1,048,576).
    #[error("the {sheet} sheet is full: a sheet holds at most 1,048,576 rows")]
    Full {
        /// The sheet's name.
        sheet: &'static str,
    },
    /// The xlsx writer failed (its temporary files, or writing the file).
    #[error("cannot write the workbook: {0}")]
    Xlsx(#[from] XlsxError),
}

/// The cell formats of the workbook.
#[derive(Debug, Clone)]
struct Formats {
    header: Format,
    /// Numbers with 0, 1 and 2 decimals, shown as the CSV writes them.
    decimals: [Format; 3],
}

impl Formats {
    fn new() -> Self {
        Formats {
            header: Format::new().set_bold(),
            decimals: [
                Format::new().set_num_format("0"),
                Format::new().set_num_format("0.0"),
                Format::new().set_num_format("0.00"),
            ],
        }
    }
}

/// One sheet being written: its rows go to the worksheet's temporary file as they come.
struct Sheet {
    name: &'static str,
    sheet: Worksheet,
    formats: Formats,
    /// Rows written so far, the header included.
    rows: RowNum,
    /// Per column, the most characters of a cell (the header's counts its filter button).
    widths: Vec<usize>,
    links: usize,
}

impl Sheet {
    fn new(book: &mut Workbook, name: &'static str, formats: &Formats) -> Result<Self, XlsxError> {
        let mut sheet = book.new_worksheet_with_constant_memory()?;
        sheet.set_name(name)?;
        Ok(Sheet {
            name,
            sheet,
            formats: formats.clone(),
            rows: 0,
            widths: Vec::new(),
            links: 0,
        })
    }

    fn widen(&mut self, col: usize, chars: usize) {
        if self.widths.len() <= col {
            self.widths.resize(col + 1, 0);
        }
        if let Some(width) = self.widths.get_mut(col) {
            *width = (*width).max(chars);
        }
    }

    fn write_cell(&mut self, row: RowNum, col: ColNum, cell: &Cell) -> Result<(), XlsxError> {
        let header = row == 0;
        match cell {
            Cell::Empty => {}
            Cell::Text(text) if header => {
                self.sheet.write_string_with_format(
                    row,
                    col,
                    excel_text(text),
                    &self.formats.header,
                )?;
            }
            Cell::Text(text) => {
                self.sheet.write_string(row, col, excel_text(text))?;
            }
            Cell::Link(text) => {
                let text = excel_text(text);
                let linked = self.links < MAX_LINKS
                    && self
                        .sheet
                        .write_url(row, col, Url::new(text.as_ref()).set_text(text.as_ref()))
                        .is_ok();
                if linked {
                    self.links += 1;
                } else {
                    // Too long a URL for Excel, or too many links: the text alone.
                    self.sheet.write_string(row, col, text)?;
                }
            }
            Cell::Number(number) if number.is_empty() => {}
            Cell::Number(number) => match number.parse::<f64>() {
                Ok(value) if value.is_finite() => {
                    let decimals = number.split_once('.').map_or(0, |(_, d)| d.len());
                    match self.formats.decimals.get(decimals) {
                        Some(format) => self
                            .sheet
                            .write_number_with_format(row, col, value, format)?,
                        None => self.sheet.write_number(row, col, value)?,
                    };
                }
                _ => {
                    self.sheet.write_string(row, col, excel_text(number))?;
                }
            },
        }
        Ok(())
    }

    /// Sets the column widths, freezes the header row and puts the autofilter on it.
    fn finish(mut self) -> Result<Worksheet, XlsxError> {
        for (col, chars) in self.widths.iter().enumerate() {
            let Ok(col) = ColNum::try_from(col) else {
                break;
            };
            let width = (chars + 2).clamp(4, MAX_COLUMN_WIDTH);
            self.sheet.set_column_width(col, width as f64)?;
        }
        self.sheet.set_freeze_panes(1, 0)?;
        let last_col = ColNum::try_from(self.widths.len().saturating_sub(1)).unwrap_or(0);
        self.sheet
            .autofilter(0, 0, self.rows.saturating_sub(1), last_col)?;
        Ok(self.sheet)
    }
}

impl Sink for Sheet {
    type Error = WorkbookError;

    fn record(&mut self, row: &Row) -> Result<(), WorkbookError> {
        let index = self.rows;
        if index >= 1_048_576 {
            return Err(WorkbookError::Full { sheet: self.name });
        }
        for (col, cell) in row.cells().iter().enumerate() {
            let Ok(col_num) = ColNum::try_from(col) else {
                break;
            };
            self.write_cell(index, col_num, cell)?;
            let shown = match cell {
                Cell::Empty => 0,
                Cell::Text(text) | Cell::Link(text) | Cell::Number(text) => {
                    text.chars().take(MAX_COLUMN_WIDTH).count()
                }
            };
            // The header's filter button takes about two characters.
            self.widen(col, if index == 0 { shown + 2 } else { shown });
        }
        self.rows += 1;
        Ok(())
    }
}

/// Text cut to [`MAX_CELL_CHARS`] UTF-16 units (Excel counts in those), at a character
/// boundary.
fn excel_text(text: &str) -> Cow<'_, str> {
    // A UTF-8 text has at most as many UTF-16 units as bytes.
    if text.len() <= MAX_CELL_CHARS {
        return Cow::Borrowed(text);
    }
    let mut units = 0;
    let mut end = 0;
    for (at, c) in text.char_indices() {
        units += c.len_utf16();
        if units > MAX_CELL_CHARS {
            break;
        }
        end = at + c.len_utf8();
    }
    Cow::Borrowed(text.get(..end).unwrap_or_default())
}

/// Writes the workbook: the postings and matches sheets row by row as the run goes, the
/// summary and pairs sheets from the run's [`Tally`] at the end.
pub struct WorkbookWriter {
    book: Workbook,
    formats: Formats,
    layout: PostingsLayout,
    postings: Sheet,
    matches: Sheet,
}

impl std::fmt::Debug for WorkbookWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WorkbookWriter")
            .field("postings", &self.postings.rows)
            .field("matches", &self.matches.rows)
            .finish_non_exhaustive()
    }
}

impl WorkbookWriter {
    /// Starts the workbook and the headers of its postings sheet (the columns of
    /// [`PostingsWriter::with_columns`](super::PostingsWriter::with_columns) with the same
    /// `fit` and `input`) and matches sheet. Its rows wait in temporary files until
    /// [`WorkbookWriter::finish`].
    pub fn new(rules: &RuleSet, fit: bool, input: bool) -> Result<Self, WorkbookError> {
        let mut book = Workbook::new();
        let formats = Formats::new();
        let layout = PostingsLayout::new(rules, fit, input);
        let mut postings = Sheet::new(&mut book, "postings", &formats)?;
        header(&mut postings, layout.names())?;
        let mut matches = Sheet::new(&mut book, "matches", &formats)?;
        header(&mut matches, &MATCHES_COLUMNS.map(String::from))?;
        Ok(WorkbookWriter {
            book,
            formats,
            layout,
            postings,
            matches,
        })
    }

    /// Writes one posting's row (with its fit) and its matches.
    pub fn write(
        &mut self,
        rules: &RuleSet,
        outcome: &Outcome,
        fit: Option<&Fit>,
    ) -> Result<(), WorkbookError> {
        self.postings
            .record(&self.layout.row(rules, outcome, fit))?;
        write_matches(&mut self.matches, rules, outcome)
    }

    /// Writes the summary sheet (grouped as `tally` is, by `--by`) and the pairs sheet (pairs
    /// of at least `min_pairs` postings), then the whole workbook to `out`.
    pub fn finish<W: Write + Send>(
        mut self,
        out: W,
        rules: &RuleSet,
        tally: &Tally,
        min_pairs: usize,
    ) -> Result<(), WorkbookError> {
        let mut summary = Sheet::new(&mut self.book, "summary", &self.formats)?;
        summary_records(&mut summary, rules, tally)?;
        let mut pairs = Sheet::new(&mut self.book, "pairs", &self.formats)?;
        pairs_records(&mut pairs, rules, tally, min_pairs)?;
        for sheet in [self.postings, self.matches, summary, pairs] {
            let sheet = sheet.finish()?;
            self.book.push_worksheet(sheet);
        }
        self.book.save_to_writer(out)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    #[test]
    fn long_text_is_cut_at_excels_limit_on_a_character_boundary() {
        assert_eq!(excel_text("short"), "short");
        let long = "é".repeat(MAX_CELL_CHARS + 5);
        assert_eq!(excel_text(&long).chars().count(), MAX_CELL_CHARS);
        let wide = "😀".repeat(MAX_CELL_CHARS);
        let cut = excel_text(&wide);
        assert_eq!(cut.encode_utf16().count(), MAX_CELL_CHARS - 1);
    }

    #[test]
    fn a_workbook_without_rows_has_four_sheets_of_headers() {
        let rules = RuleSet::default_rules().unwrap();
        let book = WorkbookWriter::new(&rules, false, false).unwrap();
        let tally = Tally::new(&rules, &[]);
        let mut out = Vec::new();
        book.finish(&mut out, &rules, &tally, 3).unwrap();
        assert!(out.starts_with(b"PK"));
        let text = String::from_utf8_lossy(&out);
        assert!(text.contains("xl/worksheets/sheet4.xml"), "four sheets");
    }
}
