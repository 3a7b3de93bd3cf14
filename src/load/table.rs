//! The one shape every input format is read into: a table of rows, each cell with its line,
//! and the matching of the user's column names (English or French, any case or accents)
//! to the fields a table expects.

use std::borrow::Cow;
use std::sync::Arc;

use crate::error::{LoadError, Location, Note, Place};
use crate::load::TableKind;
use crate::load::csv::Rest;
use crate::load::message::{Expected, Message, NoteMessage};
use crate::load::schema::{Schema, is_skipped_column, schema};
use crate::model::Lang;
use crate::names::suggest;

/// One cell: text as written, or a list (a JSON array).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    List(Vec<String>),
}

impl Cell {
    fn is_blank(&self) -> bool {
        match self {
            Cell::Text(t) => t.trim().is_empty(),
            Cell::List(items) => items.iter().all(|i| i.trim().is_empty()),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub line: usize,
    /// One cell per column of the table, in column order (missing trailing cells absent).
    pub cells: Vec<Option<Cell>>,
    /// True when the row could not be read whole (its error is already reported): its
    /// cells are what could be read, so that references to it are not reported again.
    pub broken: bool,
}

impl Row {
    pub fn new(line: usize, cells: Vec<Option<Cell>>) -> Self {
        Row {
            line,
            cells,
            broken: false,
        }
    }
}

/// A table as read from a file, before its columns are given meaning.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub file: String,
    /// The line of the header (CSV) or of the table's key (JSON).
    pub line: usize,
    /// Column names as the user wrote them.
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
    /// The non-empty rows above the header (a title), skipped: line and text.
    pub skipped: Vec<(usize, String)>,
    /// The language of the table's name (`liens.csv`, `[Liens]`, `"liens":` are French),
    /// for messages when the header's own words do not tell.
    pub lang: Lang,
    /// The rows after `rows` still in a CSV file's text, read one at a time by `read_rows`.
    pub rest: Option<Rest>,
}

impl Table {
    /// A table read from `file` whose header is on `line`.
    pub fn new(file: &str, line: usize, columns: Vec<String>, rows: Vec<Row>, lang: Lang) -> Self {
        Table {
            file: file.to_owned(),
            line,
            columns,
            rows,
            skipped: Vec::new(),
            lang,
            rest: None,
        }
    }
}

/// A table whose columns were matched to a schema's fields.
pub struct Bound<'t> {
    pub table: &'t Table,
    schema: &'static Schema,
    /// For each field of the schema, the column that holds it.
    columns: Vec<Option<usize>>,
    /// The table's file, shared by the locations of its rows.
    file: Arc<str>,
}

impl Table {
    /// Match the header to the schema's fields. Unknown and repeated columns are errors
    /// (a typo in a header must not silently drop a column), but the rows are still read
    /// through the columns that are known, so their problems come in the same run. A
    /// missing required column leaves the table unread (`None`).
    pub fn bind(&self, kind: TableKind, errors: &mut Vec<LoadError>) -> Option<Bound<'_>> {
        let schema = schema(kind);
        let mut columns = vec![None; schema.fields.len()];
        if self.columns.is_empty() && self.rows.is_empty() && self.rest.is_none() {
            // An empty JSON array: an empty table, not one missing its columns.
            return Some(Bound {
                table: self,
                schema,
                columns,
                file: Arc::from(self.file.as_str()),
            });
        }
        let lang = schema.language(self.columns.iter().map(String::as_str), self.lang);
        let at = Location::new(&self.file, self.line);
        let mut complete = true;
        for (c, name) in self.columns.iter().enumerate() {
            if is_skipped_column(name) {
                continue;
            }
            match schema.field_named(name) {
                Some(f) => {
                    if let Some(first) = columns[f] {
                        errors.push(LoadError::new(
                            at.clone(),
                            Message::SameColumn {
                                first: self.columns[first].clone(),
                                second: name.clone(),
                                field: schema.fields[f].shown(lang).to_owned(),
                            },
                        ));
                    } else {
                        columns[f] = Some(c);
                    }
                }
                None => {
                    let known = schema.fields.iter().map(|f| f.shown(lang));
                    errors.push(LoadError::new(
                        at.clone(),
                        Message::UnknownColumn {
                            column: name.clone(),
                            table: kind,
                            suggestion: suggest(name, known).map(str::to_owned),
                            expected: schema.expected(lang),
                        },
                    ))
                }
            }
        }
        for (f, field) in schema.fields.iter().enumerate() {
            if field.required && columns[f].is_none() {
                complete = false;
                errors.push(LoadError::new(
                    at.clone(),
                    Message::MissingColumn {
                        column: field.shown(lang).to_owned(),
                        table: kind,
                        accepted: field.names.to_vec(),
                    },
                ));
            }
        }
        complete.then(|| Bound {
            table: self,
            schema,
            columns,
            file: Arc::from(self.file.as_str()),
        })
    }

    /// The note saying which rows above the header were skipped, if any.
    pub fn skipped_note(&self) -> Option<Note> {
        let (first_line, first_text) = self.skipped.first()?;
        let (last, _) = self.skipped.last()?;
        Some(Note::new(
            Location::new(&self.file, self.line),
            NoteMessage::TitleSkipped {
                header: self.line,
                first: *first_line,
                last: *last,
                text: shorten(first_text),
            },
        ))
    }
}

/// The error for a CSV file or sheet where no row reads as the header of `kind`'s table.
pub fn headerless(
    file: &str,
    kind: TableKind,
    lang: Lang,
    first: Option<(usize, &str)>,
) -> LoadError {
    LoadError::new(
        Location::new(file, first.map_or(1, |(line, _)| line)),
        Message::Headerless {
            table: kind,
            first: first.map(|(line, text)| (line, shorten(text))),
            expected: schema(kind).expected(lang),
        },
    )
}

/// A row's text for a message, cut at 60 characters.
pub fn shorten(text: &str) -> String {
    let mut out: String = text.chars().take(60).collect();
    if text.chars().nth(60).is_some() {
        out.push('…');
    }
    out
}

impl Table {
    /// About how many rows the table has (blank ones included).
    pub fn len_hint(&self) -> usize {
        self.rows.len() + self.rest.as_ref().map_or(0, Rest::len_hint)
    }

    /// Bind the table (`bind`), then read each row that holds anything with `read` and drop
    /// it: a large table's cells are freed while it is read, not after (and the rows still
    /// in a CSV file's text are only parsed then). Errors of those rows go to `errors`. False
    /// when the table cannot be bound (nothing is read, but every row's errors are reported).
    pub fn read_rows(
        mut self,
        kind: TableKind,
        errors: &mut Vec<LoadError>,
        mut read: impl FnMut(RowView<'_>),
    ) -> bool {
        let schema = schema(kind);
        let mut rest = self.rest.take();
        let mut rest_rows = move |errors: &mut Vec<LoadError>| rest.as_mut()?.next_row(errors);
        let Some((columns, file)) = self.bind(kind, errors).map(|b| (b.columns, b.file)) else {
            while rest_rows(errors).is_some() {}
            return false;
        };
        let rows = std::mem::take(&mut self.rows);
        let bound = Bound {
            table: &self,
            schema,
            columns,
            file,
        };
        let rest_rows = std::iter::from_fn(|| rest_rows(errors));
        for row in rows
            .into_iter()
            .chain(rest_rows)
            .filter(Row::holds_anything)
        {
            read(RowView {
                bound: &bound,
                row: &row,
            });
        }
        true
    }
}

impl Row {
    /// False for a row of empty cells (spreadsheets leave them behind).
    fn holds_anything(&self) -> bool {
        self.cells.iter().flatten().any(|c| !c.is_blank())
    }
}

/// One row, read through its table's field mapping.
pub struct RowView<'b> {
    bound: &'b Bound<'b>,
    row: &'b Row,
}

impl RowView<'_> {
    /// True when the row could not be read whole (see `Row::broken`).
    pub fn is_broken(&self) -> bool {
        self.row.broken
    }

    pub fn location(&self) -> Location {
        Location {
            file: Arc::clone(&self.bound.file),
            line: self.row.line,
        }
    }

    fn cell(&self, key: &str) -> Option<&Cell> {
        let column = self.bound.columns[self.bound.schema.field(key)]?;
        self.row.cells.get(column)?.as_ref()
    }

    /// The column name as the user wrote it, for messages.
    pub fn column(&self, key: &str) -> String {
        self.bound.columns[self.bound.schema.field(key)]
            .map(|c| self.bound.table.columns[c].clone())
            .unwrap_or_else(|| key.to_owned())
    }

    /// An error about this row's cell in the `key` field.
    pub fn error(&self, key: &str, message: Message) -> LoadError {
        LoadError::new(self.location(), message).in_column(self.column(key))
    }

    /// This row's cell in the `key` field, for errors found once the table is read.
    pub fn place(&self, key: &str) -> Place {
        Place {
            location: self.location(),
            column: Some(self.column(key)),
        }
    }

    /// The trimmed text of a field, `None` when empty or absent.
    pub fn text(&self, key: &str) -> Option<String> {
        match self.cell(key)? {
            Cell::Text(t) => Some(t.trim().to_owned()).filter(|t| !t.is_empty()),
            Cell::List(items) => {
                let joined = items
                    .iter()
                    .map(|i| i.trim())
                    .filter(|i| !i.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ");
                Some(joined).filter(|t| !t.is_empty())
            }
        }
    }

    /// The trimmed text of a field, borrowed: "" when empty or absent, `None` for a JSON list.
    pub fn as_text(&self, key: &str) -> Option<&str> {
        match self.cell(key) {
            None => Some(""),
            Some(Cell::Text(t)) => Some(t.trim()),
            Some(Cell::List(_)) => None,
        }
    }

    /// A required field's text, borrowed when the cell is text, or an error saying it is
    /// empty (as `required`).
    pub fn required_str(&self, key: &str, what: Expected) -> Result<Cow<'_, str>, LoadError> {
        match self.as_text(key) {
            Some(t) if !t.is_empty() => Ok(Cow::Borrowed(t)),
            _ => self.required(key, what).map(Cow::Owned),
        }
    }

    /// A required field's text, or an error saying it is empty.
    pub fn required(&self, key: &str, what: Expected) -> Result<String, LoadError> {
        self.text(key).ok_or_else(|| {
            let message = Message::Empty {
                key: key.to_owned(),
                expected: what,
            };
            self.error(key, message)
        })
    }

    /// The items of a list field: a JSON array, or text split on any of `separators`.
    pub fn list(&self, key: &str, separators: &[char]) -> Vec<String> {
        let items: Vec<&str> = match self.cell(key) {
            None => return Vec::new(),
            Some(Cell::List(items)) => items.iter().map(String::as_str).collect(),
            Some(Cell::Text(t)) => t.split(separators).collect(),
        };
        items
            .into_iter()
            .map(str::trim)
            .filter(|i| !i.is_empty())
            .map(str::to_owned)
            .collect()
    }
}
