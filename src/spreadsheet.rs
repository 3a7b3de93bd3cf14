//! Cells of the tables actormap writes for spreadsheets (CSV today): a text cell can never
//! run as a formula, a number stays a number.

use std::borrow::Cow;
use std::io::{self, Write};

use crate::terminal;

/// One cell of a table written for a spreadsheet.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text from the data or from actormap: neutralised (see [`formula_safe`]).
    Text(String),
    /// A number, written as is (`-5` stays a number); empty when unknown.
    Number(Option<f64>),
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        Cell::Text(text.into())
    }

    /// The cell as written in a CSV file: text escaped for the terminal (the file is often
    /// printed) and made formula-safe, numbers in their plain form.
    fn csv(&self) -> String {
        match self {
            Cell::Text(text) => formula_safe(&terminal::escape(text)).into_owned(),
            Cell::Number(n) => n.map(|n| n.to_string()).unwrap_or_default(),
        }
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

/// A CSV table: the header, then the rows.
pub fn write_csv(
    out: &mut dyn Write,
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<Cell>>,
) -> io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(header)?;
    for row in rows {
        w.write_record(row.iter().map(Cell::csv))?;
    }
    w.flush()
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

    #[test]
    fn negative_numbers_stay_numbers_and_text_cells_are_safe() {
        let mut out = Vec::new();
        write_csv(
            &mut out,
            &["id", "value"],
            [
                vec![Cell::text("=1+1"), Cell::Number(Some(-5.0))],
                vec![Cell::text("-5"), Cell::Number(Some(-0.5))],
                vec![Cell::text("\tx\u{1b}[2J"), Cell::Number(None)],
            ],
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "id,value\n'=1+1,-5\n'-5,-0.5\n\\tx\\u{1b}[2J,\n"
        );
    }
}
