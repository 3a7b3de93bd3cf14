//! Spreadsheet workbooks (.xlsx, .xlsm, .xls, .xlsb, .ods) read with calamine: each sheet named
//! like a table (English or French, any case or accents) is that table; its cells become text
//! as a CSV export would write them, and every record keeps `file[sheet]:row`. As in a CSV
//! file, the header is the first row that reads as one: a title above it is skipped.

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Sheets, open_workbook_auto};

use crate::error::{LoadError, Location};
use crate::load::TableKind;
use crate::load::message::{CellProblem, Message};
use crate::load::schema::{language_of_name, schema};
use crate::load::sources::{Given, Place};
use crate::load::table::{Cell, Row, Table, headerless};
use crate::model::Lang;
use crate::names::fold;

/// The file extensions read as workbooks.
pub const EXTENSIONS: [&str; 5] = ["xlsx", "xlsm", "xls", "xlsb", "ods"];

/// The names (without extension) a workbook is looked for under in a territory folder.
pub const STEMS: [&str; 2] = ["territory", "territoire"];

/// Whether a path names a workbook (by its extension, any case).
pub fn is_workbook(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// The workbooks of a territory folder: `territory.xlsx`, `territoire.ods`... (any case).
pub fn in_folder(dir: &Path) -> Vec<PathBuf> {
    let paths: Vec<PathBuf> = match super::files::mounted_names(dir) {
        Some(names) => names.into_iter().map(|n| dir.join(n)).collect(),
        None => match std::fs::read_dir(dir) {
            Ok(entries) => entries.flatten().map(|e| e.path()).collect(),
            Err(_) => return Vec::new(),
        },
    };
    let mut found: Vec<PathBuf> = paths
        .into_iter()
        .filter(|p| is_workbook(p))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| super::is_editor_temporary(&n.to_string_lossy()))
        })
        .filter(|p| {
            p.file_stem()
                .is_some_and(|s| STEMS.contains(&fold(&s.to_string_lossy()).as_str()))
        })
        .collect();
    found.sort();
    found
}

/// What a workbook holds.
#[derive(Debug, Default)]
pub struct Book {
    /// Every table a sheet is named after, with its contents when the sheet could be read
    /// (a sheet with a bad cell is still given, so it is not also reported missing).
    pub tables: Vec<Given>,
    /// Whether the file could be opened as a workbook at all.
    pub opened: bool,
    /// The settings of its `Paramètres` sheet, if it has one.
    pub settings: crate::load::json::Settings,
    pub errors: Vec<LoadError>,
}

impl Book {
    /// Every table a sheet is named after, read or not.
    pub fn named(&self) -> impl Iterator<Item = TableKind> + '_ {
        self.tables.iter().map(|g| g.kind)
    }

    /// An error for each required table no sheet is named after, but those given elsewhere.
    pub fn missing(&self, shown: &str, elsewhere: &[TableKind]) -> Vec<LoadError> {
        TableKind::all()
            .filter(|k| self.opened && k.required() && !self.named().any(|n| n == *k))
            .filter(|k| !elsewhere.contains(k))
            .map(|k| {
                LoadError::new(
                    Location::file(shown),
                    Message::MissingSheet {
                        table: k,
                        beside: false,
                    },
                )
            })
            .collect()
    }
}

/// Read every table of a workbook, and the errors of the sheets that could not be read (the
/// others are still returned, so their own errors can be reported in the same run). Sheets
/// whose name starts with `#` are notes and skipped; any other sheet must name a table.
pub fn read(path: &Path) -> Book {
    let shown = path.display().to_string();
    match open_workbook_auto(path) {
        Ok(book) => read_book(&shown, book),
        Err(e) => unreadable(&shown, &e),
    }
}

/// A workbook's bytes (what a fuzzer feeds), read like a file named `shown`.
pub fn read_bytes(shown: &str, bytes: &[u8]) -> Book {
    match calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)) {
        Ok(book) => read_book(shown, book),
        Err(e) => unreadable(shown, &e),
    }
}

fn unreadable(shown: &str, e: &calamine::Error) -> Book {
    let e = LoadError::new(
        Location::file(shown),
        Message::UnreadableWorkbook {
            error: e.to_string(),
        },
    );
    Book {
        errors: vec![e],
        ..Book::default()
    }
}

fn read_book<RS: std::io::Read + std::io::Seek>(shown: &str, mut book: Sheets<RS>) -> Book {
    let mut errors = Vec::new();
    let mut tables: Vec<Given> = Vec::new();
    let mut settings = crate::load::json::Settings::default();
    let mut settings_sheet: Option<String> = None;
    for name in book.sheet_names() {
        let file = format!("{shown}[{name}]");
        if name.trim_start().starts_with('#') {
            continue;
        }
        let folded = fold(&name);
        if super::settings::SHEET_NAMES.contains(&folded.as_str()) {
            if let Some(first) = &settings_sheet {
                errors.push(LoadError::new(
                    Location::file(&file),
                    Message::SettingsTwice {
                        first: first.to_string(),
                        second: name.to_string(),
                    },
                ));
                continue;
            }
            settings_sheet = Some(name.clone());
            match book.worksheet_range(&name) {
                Ok(range) => {
                    let (read, e) = super::settings::read(&file, &range);
                    settings = read;
                    errors.extend(e);
                }
                Err(e) => errors.push(LoadError::new(
                    Location::file(file),
                    Message::UnreadableSheet {
                        error: e.to_string(),
                    },
                )),
            }
            continue;
        }
        let Some(kind) = TableKind::from_name(&folded) else {
            let message = if STEMS.contains(&folded.as_str()) {
                Message::SettingsSheet
            } else {
                Message::UnknownSheet {
                    sheet: name.clone(),
                    expected: expected_sheets(),
                }
            };
            errors.push(LoadError::new(Location::file(file), message));
            continue;
        };
        let place = Place::Sheet {
            book: shown.to_owned(),
            sheet: name.clone(),
        };
        // A table given by a second sheet is reported where the sources are merged; that
        // sheet is not read.
        if tables.iter().any(|g| g.kind == kind) {
            tables.push(Given::new(kind, place, None));
            continue;
        }
        let table = match book.worksheet_range(&name) {
            Ok(range) => {
                let lang = language_of_name(kind, &name);
                let (table, e) = table(&file, &range, kind, lang);
                errors.extend(e);
                table
            }
            Err(e) => {
                errors.push(LoadError::new(
                    Location::file(file),
                    Message::UnreadableSheet {
                        error: e.to_string(),
                    },
                ));
                None
            }
        };
        tables.push(Given::new(kind, place, table));
    }
    Book {
        tables,
        opened: true,
        settings,
        errors,
    }
}

fn expected_sheets() -> String {
    TableKind::all()
        .flat_map(|k| k.file_stems())
        .copied()
        .collect::<Vec<_>>()
        .join(", ")
}

/// One sheet's row: its 1-based number and its cells as text (`Err` for an error cell).
type SheetRow = (usize, Vec<Result<Option<String>, String>>);

/// One sheet as a table of `kind`: the header is the first row that reads as one (rows above
/// it are skipped as a title), rows keep their 1-based number in the sheet. Rows with a bad
/// cell are errors and kept as broken rows; the table is `None` only without a header.
fn table(
    file: &str,
    range: &calamine::Range<Data>,
    kind: TableKind,
    lang: Lang,
) -> (Option<Table>, Vec<LoadError>) {
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let first_column = first_column as usize;
    let mut errors = Vec::new();
    let cell_error = |line: usize, j: usize, problem: CellProblem| {
        LoadError::new(
            Location::new(file, line),
            Message::Cell {
                cell: format!("{}{line}", column_letters(first_column + j)),
                problem,
            },
        )
    };
    let is_blank = |cells: &[Result<Option<String>, String>]| {
        cells
            .iter()
            .all(|c| matches!(c, Ok(None)) || matches!(c, Ok(Some(t)) if t.trim().is_empty()))
    };
    let mut rows: Vec<SheetRow> = range
        .rows()
        .enumerate()
        .map(|(i, cells)| -> SheetRow {
            (first_row as usize + i + 1, cells.iter().map(text).collect())
        })
        .filter(|(_, cells)| !is_blank(cells))
        .collect();
    let texts = |cells: &[Result<Option<String>, String>]| -> Vec<String> {
        cells
            .iter()
            .map(|c| c.clone().ok().flatten().unwrap_or_default())
            .collect()
    };
    let schema = schema(kind);
    let header = schema.header_row(rows.iter().map(|(_, cells)| {
        cells
            .iter()
            .map(|c| c.as_ref().ok().and_then(Option::as_deref).unwrap_or(""))
    }));
    let rest = rows.split_off(header.map_or(rows.len(), |h| h + 1));
    let header = header
        .and_then(|_| rows.pop())
        .map(|(line, cells)| (line, texts(&cells)));
    let mut skipped: Vec<(usize, String)> = Vec::new();
    for (line, cells) in &rows {
        for (j, cell) in cells.iter().enumerate() {
            if let Err(error) = cell {
                errors.push(cell_error(*line, j, CellProblem::Error(error.clone())));
            }
        }
        let row = texts(cells);
        let shown: Vec<&str> = row
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .collect();
        skipped.push((*line, shown.join(" ")));
    }
    let Some((line, mut columns)) = header else {
        let error = match skipped.first() {
            None => LoadError::new(Location::file(file), Message::EmptySheet),
            Some((line, text)) => headerless(file, kind, lang, Some((*line, text))),
        };
        errors.push(error);
        return (None, errors);
    };
    while columns.last().is_some_and(|c| c.trim().is_empty()) {
        columns.pop();
    }
    let mut table_rows = Vec::new();
    for (line, cells) in rest {
        let mut broken = false;
        for (j, cell) in cells.iter().enumerate() {
            if let Err(error) = cell {
                let mut e = cell_error(line, j, CellProblem::Error(error.clone()));
                if let Some(name) = columns.get(j) {
                    e = e.in_column(name.clone());
                }
                errors.push(e);
                broken = true;
            }
        }
        let beyond = cells
            .iter()
            .enumerate()
            .skip(columns.len())
            .find(|(_, t)| matches!(t, Ok(Some(t)) if !t.trim().is_empty()));
        if let Some((j, _)) = beyond {
            errors.push(cell_error(line, j, CellProblem::BeyondColumns));
            broken = true;
        }
        let cells = cells
            .into_iter()
            .take(columns.len())
            .map(|t| t.ok().flatten().map(Cell::Text))
            .collect();
        table_rows.push(Row {
            line,
            cells,
            broken,
        });
    }
    let mut table = Table::new(file, line, columns, table_rows, lang);
    table.skipped = skipped;
    (Some(table), errors)
}

/// A cell as text, the way a CSV export writes it; `None` when empty, `Err` for an error cell
/// (the error as the spreadsheet shows it: `#DIV/0!`).
fn text(data: &Data) -> Result<Option<String>, String> {
    Ok(Some(match data {
        Data::Empty => return Ok(None),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) if d.is_duration() => number(d.as_f64()),
        Data::DateTime(d) => {
            let (y, m, day, h, min, s, ms) = d.to_ymd_hms_milli();
            if (h, min, s, ms) == (0, 0, 0, 0) {
                format!("{y:04}-{m:02}-{day:02}")
            } else {
                format!("{y:04}-{m:02}-{day:02}T{h:02}:{min:02}:{s:02}")
            }
        }
        Data::DateTimeIso(s) => midnight_dropped(s).to_owned(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => return Err(e.to_string()),
    }))
}

/// A number written the shortest way, to the 15 significant digits a spreadsheet keeps:
/// 1500.0 as "1500", 0.1 + 0.2 as "0.3".
fn number(f: f64) -> String {
    let rounded: f64 = format!("{f:.14e}").parse().unwrap_or(f);
    let rounded = if rounded == 0.0 { 0.0 } else { rounded };
    rounded.to_string()
}

/// "2022-06-30T00:00:00" as "2022-06-30": a date typed without a time.
fn midnight_dropped(iso: &str) -> &str {
    match iso.split_once('T') {
        Some((date, time)) if time.trim_start_matches(['0', ':', '.']).is_empty() => date,
        _ => iso,
    }
}

/// A 0-based column index as spreadsheet letters: 0 "A", 25 "Z", 26 "AA".
fn column_letters(mut column: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (column % 26) as u8);
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_the_shortest_way() {
        assert_eq!(number(1500.0), "1500");
        assert_eq!(number(0.6), "0.6");
        assert_eq!(number(0.1 + 0.2), "0.3");
        assert_eq!(number(-0.0), "0");
        assert_eq!(number(152371.0), "152371");
        assert_eq!(number(12.5), "12.5");
    }

    #[test]
    fn column_letters_as_a_spreadsheet_shows_them() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn iso_dates_lose_a_midnight_time_only() {
        assert_eq!(midnight_dropped("2022-06-30T00:00:00"), "2022-06-30");
        assert_eq!(midnight_dropped("2022-06-30"), "2022-06-30");
        assert_eq!(
            midnight_dropped("2022-06-30T12:30:00"),
            "2022-06-30T12:30:00"
        );
    }

    #[test]
    fn error_cells_are_errors_and_empty_cells_empty() {
        assert_eq!(text(&Data::Empty), Ok(None));
        assert_eq!(text(&Data::Bool(true)), Ok(Some("true".into())));
        assert!(
            text(&Data::Error(calamine::CellErrorType::Ref))
                .unwrap_err()
                .contains("#REF!")
        );
    }
}
