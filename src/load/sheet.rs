//! Spreadsheet workbooks (.xlsx, .xlsm, .xls, .xlsb, .ods) read with calamine: each sheet named
//! like a table (English or French, any case or accents) is that table; its cells become text
//! as a CSV export would write them, and every record keeps `file[sheet]:row`.

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, open_workbook_auto};

use crate::error::{LoadError, Location};
use crate::load::TableKind;
use crate::load::table::{Cell, Row, Table};
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
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && is_workbook(p))
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
    /// The tables of the sheets that could be read.
    pub tables: Vec<(TableKind, Table)>,
    /// Every table a sheet is named after, read or not (so a sheet with a bad cell is not
    /// also reported missing).
    pub named: Vec<TableKind>,
    /// Whether the file could be opened as a workbook at all.
    pub opened: bool,
    pub errors: Vec<LoadError>,
}

impl Book {
    /// An error for each required table no sheet is named after, but those given elsewhere.
    pub fn missing(&self, shown: &str, elsewhere: &[TableKind]) -> Vec<LoadError> {
        TableKind::ALL
            .into_iter()
            .filter(|k| self.opened && k.required() && !self.named.contains(k))
            .filter(|k| !elsewhere.contains(k))
            .map(|k| {
                LoadError::new(
                    Location::file(shown),
                    format!(
                        "missing sheet; expected a sheet named {}",
                        k.file_stems().join(" or ")
                    ),
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
    let mut book = match open_workbook_auto(path) {
        Ok(book) => book,
        Err(e) => {
            let e = LoadError::new(Location::file(&shown), format!("unreadable workbook: {e}"));
            return Book {
                errors: vec![e],
                ..Book::default()
            };
        }
    };
    let mut errors = Vec::new();
    let mut named = Vec::new();
    let mut tables: Vec<(TableKind, Table)> = Vec::new();
    for name in book.sheet_names() {
        let file = format!("{shown}[{name}]");
        if name.trim_start().starts_with('#') {
            continue;
        }
        let folded = fold(&name);
        let Some(kind) = TableKind::from_name(&folded) else {
            let message = if STEMS.contains(&folded.as_str()) {
                "territory settings are not read from a sheet; put them in territory.json beside the workbook (or start the sheet's name with # to keep it as a note)".to_owned()
            } else {
                format!(
                    "unknown sheet \"{name}\"; expected {} (start a sheet's name with # to keep it as a note)",
                    expected_sheets()
                )
            };
            errors.push(LoadError::new(Location::file(file), message));
            continue;
        };
        if named.contains(&kind) {
            errors.push(LoadError::new(
                Location::file(&file),
                format!(
                    "the {} table is given more than once in {shown}; keep one sheet for it",
                    kind.file_stems()[0],
                ),
            ));
            continue;
        }
        named.push(kind);
        match book.worksheet_range(&name) {
            Ok(range) => match table(&file, &range) {
                Ok(t) => tables.push((kind, t)),
                Err(e) => errors.extend(e),
            },
            Err(e) => errors.push(LoadError::new(
                Location::file(file),
                format!("unreadable sheet: {e}"),
            )),
        }
    }
    Book {
        tables,
        named,
        opened: true,
        errors,
    }
}

fn expected_sheets() -> String {
    TableKind::ALL
        .iter()
        .flat_map(|k| k.file_stems())
        .copied()
        .collect::<Vec<_>>()
        .join(", ")
}

/// One sheet as a table: the first non-empty row is the header, rows keep their 1-based
/// number in the sheet.
fn table(file: &str, range: &calamine::Range<Data>) -> Result<Table, Vec<LoadError>> {
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let mut errors = Vec::new();
    let mut header: Option<(usize, Vec<String>)> = None;
    let mut rows = Vec::new();
    for (i, cells) in range.rows().enumerate() {
        let line = first_row as usize + i + 1;
        let mut texts = Vec::with_capacity(cells.len());
        for (j, data) in cells.iter().enumerate() {
            let column = first_column as usize + j;
            match text(data) {
                Ok(t) => texts.push(t),
                Err(message) => {
                    let mut e = LoadError::new(
                        Location::new(file, line),
                        format!("cell {}{line} {message}", column_letters(column)),
                    );
                    if let Some(name) = header.as_ref().and_then(|(_, h)| h.get(j)) {
                        e = e.in_column(name.clone());
                    }
                    errors.push(e);
                    texts.push(None);
                }
            }
        }
        match &header {
            None => {
                if texts.iter().flatten().any(|t| !t.trim().is_empty()) {
                    let mut columns: Vec<String> =
                        texts.into_iter().map(Option::unwrap_or_default).collect();
                    while columns.last().is_some_and(|c| c.trim().is_empty()) {
                        columns.pop();
                    }
                    header = Some((line, columns));
                }
            }
            Some((_, columns)) => {
                let beyond = texts
                    .iter()
                    .enumerate()
                    .skip(columns.len())
                    .find(|(_, t)| t.as_deref().is_some_and(|t| !t.trim().is_empty()));
                if let Some((j, _)) = beyond {
                    errors.push(LoadError::new(
                        Location::new(file, line),
                        format!(
                            "cell {}{line} is right of the last named column; name its column in the header row (or start the name with # to keep it as a comment)",
                            column_letters(first_column as usize + j)
                        ),
                    ));
                    continue;
                }
                let cells = texts
                    .into_iter()
                    .take(columns.len())
                    .map(|t| t.map(Cell::Text))
                    .collect();
                rows.push(Row { line, cells });
            }
        }
    }
    let Some((line, columns)) = header else {
        return Err(vec![LoadError::new(
            Location::file(file),
            "empty sheet; expected a header row naming the columns",
        )]);
    };
    if errors.is_empty() {
        Ok(Table {
            file: file.to_owned(),
            line,
            columns,
            rows,
        })
    } else {
        Err(errors)
    }
}

/// A cell as text, the way a CSV export writes it; `None` when empty, `Err` for an error cell.
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
        Data::Error(e) => {
            return Err(format!(
                "holds the error {e}; expected a value (fix the formula or type the value)"
            ));
        }
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
