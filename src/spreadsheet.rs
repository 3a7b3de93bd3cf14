//! Tables written for spreadsheets: CSV in the dialect of the user's language (French Excel
//! opens `;`-separated cells with a decimal comma, and reads the accents only after a UTF-8
//! BOM; English: `,`, a decimal point, no BOM) and XLSX workbooks (a header row that stays in
//! view, a filter on every column, widths to fit, severities and verdicts in colour, numbers
//! as numbers and days as real dates). A text cell can never run as a formula; a number stays a
//! number. Every CSV and workbook actormap writes goes through here.

use std::borrow::Cow;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatBorder, Workbook, Worksheet,
};

use crate::error::{Error, Misuse};
use crate::i18n::Lang;
use crate::maps::Usage;
use crate::terminal;

/// How the spreadsheets of a language read a table. Each language's catalog gives its own
/// (`Language::spreadsheet`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dialect {
    /// Between the cells of a CSV line: `;` in French (the `,` is the decimal mark), `,`.
    pub delimiter: u8,
    /// The decimal mark of numbers in CSV: `,` in French, `.`.
    pub decimal: char,
    /// Whether a CSV file starts with a UTF-8 BOM (French Excel reads UTF-8 only after one).
    pub bom: bool,
    /// The number format of a day in a workbook: `dd/mm/yyyy`, `yyyy-mm-dd`.
    pub date_format: &'static str,
    /// The number format of a percentage (the cell holds 59.9): `0.0" %"`, `0.0"%"`.
    pub percent_format: &'static str,
    /// The number format of an amount in euros: `#,##0" €"`, `"€"#,##0`.
    pub euros_format: &'static str,
}

/// How a marked cell is coloured in a workbook: what a severity or a verdict means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Met, remplies.
    Good,
    /// On track, information.
    Fair,
    /// Behind, a warning.
    Caution,
    /// An error, a priority objective heading below its threshold.
    Bad,
    /// Missed for good.
    Grave,
    /// Unknown, no target.
    Neutral,
}

impl Tone {
    /// The fill and the text colour: light fills, dark text, readable when printed in grey.
    fn colours(self) -> (u32, u32) {
        match self {
            Tone::Good => (0xC6EFCE, 0x006100),
            Tone::Fair => (0xDDEBF7, 0x1F4E78),
            Tone::Caution => (0xFFEB9C, 0x7F6000),
            Tone::Bad => (0xFFC7CE, 0x9C0006),
            Tone::Grave => (0xC00000, 0xFFFFFF),
            Tone::Neutral => (0xEDEDED, 0x404040),
        }
    }
}

/// One cell of a table written for a spreadsheet.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text from the data or from actormap: neutralised (see [`formula_safe`]).
    Text(String),
    /// A number, written as is (`-5` stays a number); empty when unknown.
    Number(Option<f64>),
    /// A percentage as people write it (59.9 for 59.9 %): a number, shown with `%` in a
    /// workbook.
    Percent(Option<f64>),
    /// An amount in euros: a number, shown with `€` in a workbook.
    Euros(Option<f64>),
    /// A day: the language's date in CSV (`30/06/2023`), a real date in a workbook.
    Date(Option<Date>),
    /// A word that says how things stand (a severity, a verdict), coloured in a workbook.
    Marked(String, Tone),
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        Cell::Text(text.into())
    }

    /// Text as a spreadsheet shows it: its control characters shown visibly (a CSV file is
    /// often printed, and an escape sequence is better seen than run), except its line
    /// breaks, which a cell holds; and formula-safe.
    fn shown(text: &str) -> String {
        formula_safe(&terminal::escape_lines(text)).into_owned()
    }

    /// The cell as written in a CSV file of `lang`.
    fn csv(&self, lang: Lang) -> String {
        let words = lang.catalog();
        let number = |n: &Option<f64>| {
            n.map(|n| plain(n, words.spreadsheet().decimal))
                .unwrap_or_default()
        };
        match self {
            Cell::Text(text) | Cell::Marked(text, _) => Cell::shown(text),
            Cell::Number(n) | Cell::Percent(n) | Cell::Euros(n) => number(n),
            Cell::Date(d) => d.map(|d| words.date(d)).unwrap_or_default(),
        }
    }

    /// How wide the cell reads, in characters.
    fn width(&self, lang: Lang) -> usize {
        self.csv(lang).chars().count()
    }
}

/// A number in its shortest exact form, with `decimal` as its decimal mark and no thousands
/// separator, so that a spreadsheet reads it as a number: 15.574 -> "15,574" in French.
fn plain(n: f64, decimal: char) -> String {
    let text = n.to_string();
    if decimal == '.' {
        text
    } else {
        text.replace('.', &decimal.to_string())
    }
}

/// Text a spreadsheet shows as text: a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage
/// return would be read as a formula (`=HYPERLINK(...)` runs when the file is opened), so it gets
/// the usual `'` in front. Every writer of spreadsheet cells (CSV, workbooks) goes through here.
pub fn formula_safe(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

/// A table for a spreadsheet: a sheet's name, its header, its rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The sheet's name in a workbook ("Constats"): at most 31 characters, none of `[]:*?/\`.
    pub sheet: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    pub fn new(sheet: &str, header: &[&str]) -> Table {
        Table {
            sheet: sheet.to_owned(),
            header: header.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
        }
    }
}

/// The bytes of a CSV file of `lang`: its BOM if it takes one, the header, then the rows,
/// each cell in the language's dialect.
pub fn csv_bytes(table: &Table, lang: Lang) -> Vec<u8> {
    let dialect = lang.catalog().spreadsheet();
    let mut bytes = Vec::new();
    if dialect.bom {
        bytes.extend_from_slice("\u{feff}".as_bytes());
    }
    {
        let mut w = csv::WriterBuilder::new()
            .delimiter(dialect.delimiter)
            .from_writer(&mut bytes);
        let header = table.header.iter().map(|h| Cell::shown(h));
        w.write_record(header)
            .expect("writing to memory cannot fail");
        for row in &table.rows {
            w.write_record(row.iter().map(|c| c.csv(lang)))
                .expect("writing to memory cannot fail");
        }
        w.flush().expect("writing to memory cannot fail");
    }
    bytes
}

/// A CSV table of `lang` written to `out`.
pub fn write_csv(out: &mut dyn Write, table: &Table, lang: Lang) -> io::Result<()> {
    out.write_all(&csv_bytes(table, lang))
}

/// The narrowest and widest columns of a workbook, in characters; text wider than the widest
/// wraps inside its cell.
const MIN_WIDTH: usize = 6;
const MAX_WIDTH: usize = 60;

/// The creation date written in every workbook's properties: fixed, so the same tables give
/// the same bytes whenever they are written.
const CREATED: (u16, u8, u8) = (2000, 1, 1);

/// The bytes of an XLSX workbook of `lang` holding `tables`, one sheet each.
pub fn workbook(tables: &[Table], lang: Lang) -> io::Result<Vec<u8>> {
    fn failed(e: rust_xlsxwriter::XlsxError) -> io::Error {
        io::Error::other(e.to_string())
    }
    let mut book = Workbook::new();
    let (year, month, day) = CREATED;
    let created = ExcelDateTime::from_ymd(year, month, day).map_err(failed)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    for table in tables {
        let sheet = book.add_worksheet();
        fill(sheet, table, lang).map_err(failed)?;
    }
    book.save_to_buffer().map_err(failed)
}

/// One sheet: the header bold on a tinted row, frozen and filtered; the rows; the widths.
fn fill(
    sheet: &mut Worksheet,
    table: &Table,
    lang: Lang,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let dialect = lang.catalog().spreadsheet();
    sheet.set_name(&table.sheet)?;
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color(Color::RGB(0x1F3864))
        .set_font_color(Color::White)
        .set_border_bottom(FormatBorder::Thin);
    let wrap = Format::new().set_text_wrap();
    let date = Format::new().set_num_format(dialect.date_format);
    let percent = Format::new().set_num_format(dialect.percent_format);
    let euros = Format::new().set_num_format(dialect.euros_format);
    let columns = table.header.len();
    let mut widths: Vec<usize> = table.header.iter().map(|h| h.chars().count()).collect();
    for row in &table.rows {
        for (c, cell) in row.iter().enumerate().take(columns) {
            widths[c] = widths[c].max(cell.width(lang));
        }
    }
    for (c, title) in table.header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, Cell::shown(title), &header)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate().take(columns) {
            let c16 = c as u16;
            let long = widths[c] > MAX_WIDTH;
            match cell {
                Cell::Text(text) if long => {
                    sheet.write_string_with_format(r, c16, Cell::shown(text), &wrap)?;
                }
                Cell::Text(text) => {
                    sheet.write_string(r, c16, Cell::shown(text))?;
                }
                Cell::Marked(text, tone) => {
                    let (fill, ink) = tone.colours();
                    let marked = Format::new()
                        .set_background_color(Color::RGB(fill))
                        .set_font_color(Color::RGB(ink));
                    sheet.write_string_with_format(r, c16, Cell::shown(text), &marked)?;
                }
                Cell::Number(Some(n)) => {
                    sheet.write_number(r, c16, *n)?;
                }
                Cell::Percent(Some(n)) => {
                    sheet.write_number_with_format(r, c16, *n, &percent)?;
                }
                Cell::Euros(Some(n)) => {
                    sheet.write_number_with_format(r, c16, *n, &euros)?;
                }
                Cell::Date(Some(d)) => {
                    let day = ExcelDateTime::from_ymd(
                        u16::try_from(d.year()).unwrap_or(1900),
                        d.month() as u8,
                        d.day() as u8,
                    )?;
                    sheet.write_datetime_with_format(r, c16, &day, &date)?;
                }
                Cell::Number(None) | Cell::Percent(None) | Cell::Euros(None) | Cell::Date(None) => {
                }
            }
        }
    }
    for (c, width) in widths.iter().enumerate() {
        // Dates are shown as ten characters; a column never narrower than its header.
        let width = (*width).clamp(MIN_WIDTH, MAX_WIDTH) + 2;
        sheet.set_column_width(c as u16, width as f64)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    if columns > 0 {
        let last_row = table.rows.len() as u32;
        sheet.autofilter(0, 0, last_row, columns as u16 - 1)?;
    }
    Ok(())
}

/// Write `bytes` to the file `path`, whole or not at all (a temporary file renamed into
/// place), creating its folder if needed. `example` is a file name to suggest when `path`
/// is a folder.
pub fn save(path: &Path, bytes: &[u8], example: &str, lang: Lang) -> Result<PathBuf, Error> {
    if path.is_dir() {
        return Err(Usage::OutIsAFolder {
            out: path.display().to_string(),
            example: path.join(example).display().to_string(),
        }
        .error(lang));
    }
    let name = path.file_name().and_then(|n| n.to_str()).ok_or_else(|| {
        Usage::OutNamesNoFile {
            out: path.display().to_string(),
        }
        .error(lang)
    })?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).map_err(|source| Error::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    crate::maps::write_atomic(dir, name, bytes)?;
    Ok(path.to_path_buf())
}

/// The formats of a report written as a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Csv,
    Xlsx,
}

/// Write a report's tables as `kind`: to `out`, or to the file `path` (when given and not
/// `-`), saying so on `out` in `lang`. A workbook is never written to standard output: without
/// `path` it goes to `default_name` in the current folder. A CSV holds the first table.
pub fn deliver(
    tables: &[Table],
    kind: Kind,
    lang: Lang,
    path: Option<&Path>,
    default_name: &str,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let bytes = match kind {
        Kind::Csv => tables
            .first()
            .map(|t| csv_bytes(t, lang))
            .unwrap_or_default(),
        Kind::Xlsx => workbook(tables, lang).map_err(|source| Error::Write {
            path: path.unwrap_or(Path::new(default_name)).to_path_buf(),
            source,
        })?,
    };
    let to_stdout = path.is_none_or(|p| p.as_os_str() == "-");
    match (kind, to_stdout) {
        (Kind::Csv, true) => out.write_all(&bytes)?,
        (Kind::Xlsx, true) if path.is_some() => {
            return Err(Error::Misuse(Misuse::WorkbookToStdout {
                example: default_name.to_owned(),
            }));
        }
        _ => {
            let path = path.unwrap_or(Path::new(default_name));
            let written = save(path, &bytes, default_name, lang)?;
            terminal::line(out, &lang.catalog().wrote(&written))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_would_run_as_a_formula_is_neutralised() {
        for (text, expected) in [
            (
                "=HYPERLINK(\"http://x\",\"clic\")",
                "'=HYPERLINK(\"http://x\",\"clic\")",
            ),
            ("+33 3 21", "'+33 3 21"),
            ("-5", "'-5"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("Rénovation = priorité", "Rénovation = priorité"),
            ("", ""),
        ] {
            assert_eq!(formula_safe(text), expected, "{text:?}");
        }
    }

    fn sample() -> Table {
        let mut table = Table::new("Essai", &["id", "valeur", "jour"]);
        table.rows = vec![
            vec![
                Cell::text("=1+1"),
                Cell::Number(Some(-5.0)),
                Cell::Date(Some(jiff::civil::date(2023, 6, 30))),
            ],
            vec![Cell::text("-5"), Cell::Number(Some(-0.5)), Cell::Date(None)],
            vec![
                Cell::text("\tx\u{1b}[2J"),
                Cell::Number(None),
                Cell::Percent(Some(59.9)),
            ],
        ];
        table
    }

    #[test]
    fn negative_numbers_stay_numbers_and_text_cells_are_safe() {
        assert_eq!(
            String::from_utf8(csv_bytes(&sample(), Lang::En)).unwrap(),
            "id,valeur,jour\n'=1+1,-5,2023-06-30\n'-5,-0.5,\n\\tx\\u{1b}[2J,,59.9\n"
        );
    }

    #[test]
    fn french_csv_is_what_french_excel_opens_in_columns() {
        assert_eq!(
            String::from_utf8(csv_bytes(&sample(), Lang::Fr)).unwrap(),
            "\u{feff}id;valeur;jour\n'=1+1;-5;30/06/2023\n'-5;-0,5;\n\\tx\\u{1b}[2J;;59,9\n"
        );
    }

    #[test]
    fn numbers_keep_every_digit_and_no_thousands_separator() {
        assert_eq!(plain(1500.0, ','), "1500");
        assert_eq!(plain(15.574, ','), "15,574");
        assert_eq!(plain(422371.0, '.'), "422371");
    }
}
