//! CSV as spreadsheets save it: `;`, `,` or tab between cells, a cell in double quotes when
//! it holds the delimiter, a quote (doubled: `""`) or a line end, and lines ending in LF,
//! CRLF or a CR alone (Excel for Mac). The header is the first line that reads as one for
//! its table, so a title above it is skipped; the delimiter is the one that makes a header.

use crate::error::{LoadError, Location};
use crate::load::TableKind;
use crate::load::message::Message;
use crate::load::schema::{Schema, schema};
use crate::load::table::{Cell, Row, Table, headerless};
use crate::model::Lang;

/// The delimiters tried, in order of preference on a tie (`;` first, as French Excel writes).
const DELIMITERS: [u8; 3] = [b';', b',', b'\t'];

/// How many lines are looked at to choose the delimiter.
const SNIFFED: usize = 30;

/// One line of the file (or several, when a quoted cell holds line ends).
#[derive(Debug, Clone, PartialEq)]
struct Record {
    /// The line it starts on.
    line: usize,
    cells: Vec<String>,
    /// A quote that opens a cell and is never closed: its line and the cell's index. The
    /// rest of that line is dropped and reading goes on at the next line.
    unclosed: Option<(usize, usize)>,
}

impl Record {
    fn is_blank(&self) -> bool {
        self.unclosed.is_none() && self.cells.iter().all(|c| c.trim().is_empty())
    }

    /// The non-empty cells, for a message.
    fn text(&self) -> String {
        let cells: Vec<&str> = self
            .cells
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        cells.join(" ")
    }
}

/// Splits text into records. Linear in the text's length, whatever its quotes.
struct Parser<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    delimiter: u8,
    /// Where the file's last run of an odd number of quotes starts: only such a run can
    /// close a quoted cell, so a cell opened after it is never closed.
    last_odd_run: Option<usize>,
    /// How many cells the last record had: room made at once for the next one's.
    width: usize,
}

/// The start of the last maximal run of an odd number of `"`.
fn last_odd_run(bytes: &[u8]) -> Option<usize> {
    let mut last = None;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'"' {
            let run = quotes_at(bytes, i);
            if !run.is_multiple_of(2) {
                last = Some(i);
            }
            i += run;
        } else {
            i += 1;
        }
    }
    last
}

/// How many `"` follow each other from `at`.
fn quotes_at(bytes: &[u8], at: usize) -> usize {
    bytes[at..].iter().take_while(|&&b| b == b'"').count()
}

fn push_quotes(cell: &mut String, n: usize) {
    cell.extend(std::iter::repeat_n('"', n));
}

impl<'a> Parser<'a> {
    fn new(text: &'a str, delimiter: u8, last_odd_run: Option<usize>) -> Self {
        // A byte-order mark is not part of the first column's name.
        let pos = if text.starts_with('\u{feff}') { 3 } else { 0 };
        Parser {
            text,
            pos,
            line: 1,
            delimiter,
            last_odd_run,
            width: 0,
        }
    }

    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    /// Past the end of the current line.
    fn skip_line(&mut self) {
        let bytes = self.bytes();
        while self.pos < bytes.len() && !matches!(bytes[self.pos], b'\r' | b'\n') {
            self.pos += 1;
        }
        self.end_of_line();
    }

    /// Past a line end at `pos` (LF, CRLF or CR), if there is one.
    fn end_of_line(&mut self) {
        let bytes = self.bytes();
        match bytes.get(self.pos) {
            Some(b'\r') if bytes.get(self.pos + 1) == Some(&b'\n') => self.pos += 2,
            Some(b'\r' | b'\n') => self.pos += 1,
            _ => return,
        }
        self.line += 1;
    }

    /// The rest of a quoted cell, after its opening quotes, up to its closing quote.
    fn quoted(&mut self, cell: &mut String) {
        let bytes = self.bytes();
        loop {
            let start = self.pos;
            while self.pos < bytes.len() && bytes[self.pos] != b'"' {
                match bytes[self.pos] {
                    b'\r' if bytes.get(self.pos + 1) != Some(&b'\n') => self.line += 1,
                    b'\n' => self.line += 1,
                    _ => {}
                }
                self.pos += 1;
            }
            cell.push_str(&self.text[start..self.pos]);
            if self.pos >= bytes.len() {
                return; // cannot happen: the cell was known to close
            }
            let run = quotes_at(bytes, self.pos);
            push_quotes(cell, run / 2);
            self.pos += run;
            if !run.is_multiple_of(2) {
                return;
            }
        }
    }
}

impl Iterator for Parser<'_> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        let bytes = self.bytes();
        if self.pos >= bytes.len() {
            return None;
        }
        let mut record = Record {
            line: self.line,
            cells: Vec::with_capacity(self.width),
            unclosed: None,
        };
        loop {
            let mut cell = String::new();
            if bytes.get(self.pos) == Some(&b'"') {
                let run = quotes_at(bytes, self.pos);
                let inside = run - 1;
                let closes = !inside.is_multiple_of(2)
                    || self.last_odd_run.is_some_and(|s| s >= self.pos + run);
                if !closes {
                    record.unclosed = Some((self.line, record.cells.len()));
                    self.skip_line();
                    return Some(record);
                }
                push_quotes(&mut cell, inside / 2);
                self.pos += run;
                if inside.is_multiple_of(2) {
                    self.quoted(&mut cell);
                }
            }
            // An unquoted cell, or what follows a closing quote, up to the next delimiter.
            let start = self.pos;
            while self.pos < bytes.len()
                && bytes[self.pos] != self.delimiter
                && !matches!(bytes[self.pos], b'\r' | b'\n')
            {
                self.pos += 1;
            }
            cell.push_str(&self.text[start..self.pos]);
            record.cells.push(cell);
            if bytes.get(self.pos) == Some(&self.delimiter) {
                self.pos += 1;
                continue;
            }
            self.end_of_line();
            self.width = record.cells.len();
            return Some(record);
        }
    }
}

/// The delimiter that makes a header of the most known columns among the first lines (`;`
/// on a tie); when none does, the one used most in the first non-empty line.
fn delimiter(text: &str, schema: &Schema, last_odd_run: Option<usize>) -> u8 {
    let mut best: Option<(usize, u8)> = None;
    for d in DELIMITERS {
        let records: Vec<Record> = Parser::new(text, d, last_odd_run).take(SNIFFED).collect();
        let header = schema.header_row(records.iter().map(|r| r.cells.iter().map(String::as_str)));
        if let Some(h) = header {
            let known = schema.known_columns(records[h].cells.iter().map(String::as_str));
            if best.is_none_or(|(k, _)| known > k) {
                best = Some((known, d));
            }
        }
    }
    if let Some((_, d)) = best {
        return d;
    }
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    DELIMITERS
        .into_iter()
        .map(|d| (first.bytes().filter(|&b| b == d).count(), d))
        .filter(|(n, _)| *n > 0)
        .max_by_key(|(n, d)| (*n, *d == b';'))
        .map_or(b';', |(_, d)| d)
}

/// Read decoded CSV text into a table of `kind`, every row read. Rows that cannot be read
/// whole (a quote never closed, more cells than the header) are errors and are kept as broken
/// rows; the table is `None` only when there is no header. `lang` is the language of the
/// file's name, for messages when the header does not tell.
pub fn read(
    file: &str,
    text: &str,
    kind: TableKind,
    lang: Lang,
) -> (Option<Table>, Vec<LoadError>) {
    let (mut table, mut errors) = read_owned(file, text.to_owned(), kind, lang);
    if let Some(table) = &mut table
        && let Some(mut rest) = table.rest.take()
    {
        table
            .rows
            .extend(std::iter::from_fn(|| rest.next_row(&mut errors)));
    }
    (table, errors)
}

/// `read`, with the rows after the header left in the text, read one at a time when the
/// table is read (`Table::read_rows`, through `Rest`): a links table of 500,000 lines is
/// never held whole as rows of cells beside the model being built from it. The errors of
/// those rows come when they are read.
pub fn read_owned(
    file: &str,
    text: String,
    kind: TableKind,
    lang: Lang,
) -> (Option<Table>, Vec<LoadError>) {
    let schema = schema(kind);
    let last_odd_run = last_odd_run(text.as_bytes());
    let delimiter = delimiter(&text, schema, last_odd_run);
    let mut errors = Vec::new();
    // The records up to the first that reads as a header (usually the first line).
    let mut parser = Parser::new(&text, delimiter, last_odd_run);
    let mut records: Vec<Record> = Vec::new();
    for record in parser.by_ref() {
        if record.is_blank() {
            continue;
        }
        // A row with a quote never closed is not read whole: it cannot be the header.
        let reads = record.unclosed.is_none()
            && schema.reads_as_header(record.cells.iter().map(String::as_str));
        records.push(record);
        if reads {
            break;
        }
    }
    // The first record that reads as a header (the last one taken); failing that, among
    // every record (the parser has none left), the one with the most known column names.
    let header = schema.header_row(records.iter().map(|r| {
        let cells = if r.unclosed.is_none() {
            &r.cells[..]
        } else {
            &[]
        };
        cells.iter().map(String::as_str)
    }));
    let after = header.map_or(records.len(), |h| h + 1);
    let taken = records.split_off(after);
    let header = header.and_then(|_| records.pop());
    let skipped = records;
    for r in &skipped {
        if let Some((line, _)) = r.unclosed {
            errors.push(unclosed(file, line, None));
        }
    }
    let Some(header) = header else {
        let error = match skipped.first() {
            None => LoadError::new(Location::new(file, 1), Message::EmptyCsv),
            Some(first) => headerless(file, kind, lang, Some((first.line, &first.text()))),
        };
        errors.push(error);
        return (None, errors);
    };
    let columns = header.cells;
    let (pos, line, width) = (parser.pos, parser.line, parser.width);
    let rest = Rest {
        file: file.to_owned(),
        header: columns.clone(),
        text,
        pos,
        line,
        delimiter,
        last_odd_run,
        width,
    };
    let rows = taken
        .into_iter()
        .map(|record| rest.row(record, &mut errors))
        .collect();
    let mut table = Table::new(file, header.line, columns, rows, lang);
    table.skipped = skipped.iter().map(|r| (r.line, r.text())).collect();
    table.rest = Some(rest);
    (Some(table), errors)
}

/// The rows of a CSV table not read yet: the text after the last row read, and what reading
/// a row needs (see `read_owned`).
#[derive(Debug, Clone, PartialEq)]
pub struct Rest {
    file: String,
    /// The header's cells: how many columns a row has, and the name of the column where a
    /// quote is never closed.
    header: Vec<String>,
    text: String,
    pos: usize,
    line: usize,
    delimiter: u8,
    last_odd_run: Option<usize>,
    width: usize,
}

impl Rest {
    /// The next row that is not blank, its problems in `errors`; `None` at the end.
    pub fn next_row(&mut self, errors: &mut Vec<LoadError>) -> Option<Row> {
        let mut parser = Parser {
            text: &self.text,
            pos: self.pos,
            line: self.line,
            delimiter: self.delimiter,
            last_odd_run: self.last_odd_run,
            width: self.width,
        };
        let record = parser.by_ref().find(|r| !r.is_blank());
        (self.pos, self.line, self.width) = (parser.pos, parser.line, parser.width);
        Some(self.row(record?, errors))
    }

    /// About how many rows are left: the line ends left (blank lines and line ends inside
    /// quotes are counted too).
    pub fn len_hint(&self) -> usize {
        let left = self.text.as_bytes().get(self.pos..).unwrap_or_default();
        left.iter().filter(|&&b| b == b'\n').count() + 1
    }

    /// A record after the header as a row; a row that cannot be read whole is reported in
    /// `errors` and kept, broken.
    fn row(&self, record: Record, errors: &mut Vec<LoadError>) -> Row {
        let mut broken = false;
        if let Some((line, cell)) = record.unclosed {
            errors.push(unclosed(&self.file, line, self.header.get(cell)));
            broken = true;
        }
        let extra = record
            .cells
            .iter()
            .skip(self.header.len())
            .any(|c| !c.trim().is_empty());
        if extra {
            errors.push(LoadError::new(
                Location::new(&self.file, record.line),
                Message::TooManyCells {
                    cells: record.cells.len(),
                    columns: self.header.len(),
                },
            ));
            broken = true;
        }
        let cells = record
            .cells
            .into_iter()
            .take(self.header.len())
            .map(|c| Some(Cell::Text(c)))
            .collect();
        Row {
            line: record.line,
            cells,
            broken,
        }
    }
}

fn unclosed(file: &str, line: usize, column: Option<&String>) -> LoadError {
    let e = LoadError::new(Location::new(file, line), Message::UnclosedQuote);
    match column {
        Some(name) if !name.trim().is_empty() => e.in_column(name.trim()),
        _ => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn records(text: &str, delimiter: u8) -> Vec<(usize, Vec<String>)> {
        Parser::new(text, delimiter, last_odd_run(text.as_bytes()))
            .map(|r| (r.line, r.cells))
            .collect()
    }

    fn cells(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| (*c).to_owned()).collect()
    }

    fn links(text: &str) -> (Option<Table>, Vec<String>) {
        let (table, errors) = read("links.csv", text, TableKind::LINKS, Lang::En);
        (table, errors.iter().map(|e| e.render(Lang::En)).collect())
    }

    #[test]
    fn the_delimiter_is_the_one_that_makes_a_header() {
        let s = schema(TableKind::LINKS);
        assert_eq!(delimiter("actor;role;\"a,b\"\n", s, None), b';');
        assert_eq!(delimiter("actor,objective,role\n", s, None), b',');
        assert_eq!(delimiter("actor\tobjective\trole\n", s, None), b'\t');
        // Below a title without any delimiter, and with commas in the rows.
        let text = "Rôles du COT TRI\n\nacteur;objectif;rôle\nx;y;financeur, accompagnateur\n";
        assert_eq!(delimiter(text, s, None), b';');
        // A header with more misspelt than known columns still decides.
        let text = "Titre\nacteur,objectif,rôle,Moyens mobilisés,Commentaire,Date,Par\n";
        assert_eq!(delimiter(text, s, None), b',');
    }

    #[test]
    fn quoted_cells_hold_delimiters_quotes_and_line_ends() {
        let text = "a;\"b;c\";\"say \"\"hi\"\"\"\n\"two\nlines\";x\n\"\";\"\"\"\"\n";
        assert_eq!(
            records(text, b';'),
            [
                (1, cells(&["a", "b;c", "say \"hi\""])),
                (2, cells(&["two\nlines", "x"])),
                (4, cells(&["", "\""])),
            ]
        );
    }

    #[test]
    fn lf_crlf_and_cr_alone_end_lines() {
        assert_eq!(
            records("a\rb\r\nc\nd", b';'),
            [
                (1, cells(&["a"])),
                (2, cells(&["b"])),
                (3, cells(&["c"])),
                (4, cells(&["d"]))
            ]
        );
        // A CR alone inside quotes counts as a line too.
        assert_eq!(
            records("\"x\ry\";z\rw\r", b';'),
            [(1, cells(&["x\ry", "z"])), (3, cells(&["w"]))]
        );
    }

    #[test]
    fn keeps_line_numbers_across_quoted_newlines() {
        let (t, e) = links("actor;note\nx;\"two\nlines\"\ny;z\n");
        assert!(e.is_empty(), "{e:?}");
        let t = t.unwrap();
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].line, 2);
        assert_eq!(t.rows[1].line, 4);
    }

    #[test]
    fn line_numbers_with_crlf_and_cr_endings() {
        for end in ["\r\n", "\r"] {
            let text = "actor;note\nx;y\n\nz;w\n".replace('\n', end);
            let t = links(&text).0.unwrap();
            assert_eq!(t.line, 1);
            assert_eq!(t.rows[0].line, 2, "{end:?}");
            assert_eq!(t.rows[1].line, 4, "{end:?}");
        }
    }

    #[test]
    fn a_quote_never_closed_is_an_error_at_its_line_and_the_next_lines_are_read() {
        let text = "actor;objective;role;means;note\nA;regal;cible;;ok\nB;regal;cible;;\"Quid du portage\nC;regal;relais;;\nD;regal;cible\n";
        let (t, e) = links(text);
        assert_eq!(
            e,
            ["links.csv:3: column \"note\": quote opened here is never closed"]
        );
        let t = t.unwrap();
        let lines: Vec<(usize, bool)> = t.rows.iter().map(|r| (r.line, r.broken)).collect();
        assert_eq!(lines, [(2, false), (3, true), (4, false), (5, false)]);
        assert_eq!(t.rows[1].cells[0], Some(Cell::Text("B".into())));
    }

    #[test]
    fn a_quote_that_closes_lines_later_is_one_cell() {
        let (t, e) = links("actor;note\nB;\"Quid\ndu portage ?\"\nC;x\n");
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(t.unwrap().rows[1].line, 4);
    }

    #[test]
    fn too_many_cells_is_an_error_with_its_line() {
        let (t, e) = links("actor;objective\nx;y\nz;w;extra\n");
        assert_eq!(e.len(), 1);
        assert!(
            e[0].starts_with("links.csv:3: 3 cells but the header has 2"),
            "{e:?}"
        );
        assert!(t.unwrap().rows[1].broken);
    }

    #[test]
    fn a_title_above_the_header_is_skipped() {
        let (t, e) = links(
            "Rôles du COT TRI;;\n;;\nMis à jour le 12/10/2023;;\nacteur;objectif;rôle\nx;y;cible\n",
        );
        assert!(e.is_empty(), "{e:?}");
        let t = t.unwrap();
        assert_eq!(t.line, 4);
        assert_eq!(t.columns, ["acteur", "objectif", "rôle"]);
        assert_eq!(
            t.skipped,
            [
                (1, "Rôles du COT TRI".to_owned()),
                (3, "Mis à jour le 12/10/2023".to_owned())
            ]
        );
        assert_eq!(t.rows[0].line, 5);
    }

    #[test]
    fn a_header_with_more_misspelt_than_known_columns_is_still_the_header() {
        let (t, e) = links(
            "Titre\nacteur;objectif;rôle;Moyens mobilisés;Commentaire libre;Date de saisie;Par\nx;y;cible;;;;\n",
        );
        assert!(e.is_empty(), "{e:?}");
        let t = t.unwrap();
        assert_eq!(t.line, 2);
        assert_eq!(t.rows[0].line, 3);
    }

    #[test]
    fn no_header_is_one_error_naming_the_columns() {
        let (t, e) = read(
            "liens.csv",
            "Rôles du COT TRI\nx;y;z\n",
            TableKind::LINKS,
            Lang::Fr,
        );
        assert!(t.is_none());
        let e: Vec<String> = e.iter().map(|e| e.render(Lang::En)).collect();
        assert_eq!(
            e,
            [
                "liens.csv:1: no line reads as the header of the links table (line 1 holds \"Rôles du COT TRI\"); expected a line naming its columns: acteur, objectif, rôle, moyens, note"
            ]
        );
        let (_, e) = links("");
        assert_eq!(
            e,
            ["links.csv:1: empty file; expected a header line naming the columns"]
        );
    }
}
