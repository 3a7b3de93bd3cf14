//! The one shape every input format is read into: a table of rows, each cell with its line,
//! and the matching of the user's column names (English or French, any case or accents)
//! to the fields a table expects.

use crate::error::{LoadError, Location};
use crate::names::fold;

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
}

/// A field a table expects, and the column names that mean it (already folded).
pub struct Field {
    pub key: &'static str,
    pub names: &'static [&'static str],
    pub required: bool,
}

/// What one table expects.
pub struct Schema {
    pub name: &'static str,
    pub fields: &'static [Field],
}

impl Schema {
    fn field(&self, key: &str) -> usize {
        self.fields
            .iter()
            .position(|f| f.key == key)
            .unwrap_or_else(|| unreachable!("schema {} has no field {key}", self.name))
    }
}

/// A table whose columns were matched to a schema's fields.
pub struct Bound<'t> {
    pub table: &'t Table,
    schema: &'static Schema,
    /// For each field of the schema, the column that holds it.
    columns: Vec<Option<usize>>,
}

impl Table {
    /// Match the header to the schema's fields. Unknown, repeated and missing required
    /// columns are errors: a typo in a header must not silently drop a column.
    pub fn bind(&self, schema: &'static Schema) -> Result<Bound<'_>, Vec<LoadError>> {
        let mut errors = Vec::new();
        let mut columns = vec![None; schema.fields.len()];
        if self.columns.is_empty() && self.rows.is_empty() {
            // An empty JSON array: an empty table, not one missing its columns.
            return Ok(Bound {
                table: self,
                schema,
                columns,
            });
        }
        let at = Location::new(&self.file, self.line);
        for (c, name) in self.columns.iter().enumerate() {
            let folded = fold(name);
            if folded.is_empty() || name.trim_start().starts_with('#') {
                continue;
            }
            match schema.fields.iter().position(|f| f.names.contains(&folded.as_str())) {
                Some(f) => {
                    if let Some(first) = columns[f] {
                        errors.push(LoadError::new(
                            at.clone(),
                            format!(
                                "columns \"{}\" and \"{name}\" both mean {}; keep one",
                                self.columns[first], schema.fields[f].key
                            ),
                        ));
                    } else {
                        columns[f] = Some(c);
                    }
                }
                None => errors.push(LoadError::new(
                    at.clone(),
                    format!(
                        "unknown column \"{name}\" in the {} table; expected {} (start a column's name with # to keep it as a comment)",
                        schema.name,
                        expected_columns(schema)
                    ),
                )),
            }
        }
        for (f, field) in schema.fields.iter().enumerate() {
            if field.required && columns[f].is_none() {
                errors.push(LoadError::new(
                    at.clone(),
                    format!(
                        "missing column \"{}\" in the {} table (also accepted: {})",
                        field.key,
                        schema.name,
                        field.names.join(", ")
                    ),
                ));
            }
        }
        if errors.is_empty() {
            Ok(Bound {
                table: self,
                schema,
                columns,
            })
        } else {
            Err(errors)
        }
    }
}

fn expected_columns(schema: &Schema) -> String {
    schema
        .fields
        .iter()
        .map(|f| f.key)
        .collect::<Vec<_>>()
        .join(", ")
}

impl<'t> Bound<'t> {
    /// The rows that hold anything (spreadsheets leave rows of empty cells behind).
    pub fn rows(&self) -> impl Iterator<Item = RowView<'_>> {
        self.table
            .rows
            .iter()
            .filter(|r| r.cells.iter().flatten().any(|c| !c.is_blank()))
            .map(move |row| RowView { bound: self, row })
    }
}

/// One row, read through its table's field mapping.
pub struct RowView<'b> {
    bound: &'b Bound<'b>,
    row: &'b Row,
}

impl RowView<'_> {
    pub fn location(&self) -> Location {
        Location::new(&self.bound.table.file, self.row.line)
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
    pub fn error(&self, key: &str, message: impl Into<String>) -> LoadError {
        LoadError::new(self.location(), message).in_column(self.column(key))
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

    /// A required field's text, or an error saying it is empty.
    pub fn required(&self, key: &str, what: &str) -> Result<String, LoadError> {
        self.text(key)
            .ok_or_else(|| self.error(key, format!("empty {key}; expected {what}")))
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
