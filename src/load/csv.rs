//! CSV as spreadsheets save it: `,`, `;` or tab between cells, detected from the header line.

use crate::error::{LoadError, Location};
use crate::load::table::{Cell, Row, Table};

/// The delimiter used most often outside quotes in the header line (`;` on a tie, as
/// French Excel writes it).
fn delimiter(text: &str) -> u8 {
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [(b';', 0), (b',', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in header.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (d, n) in &mut counts {
                if *d == b {
                    *n += 1;
                }
            }
        }
    }
    counts
        .iter()
        .max_by_key(|(d, n)| (*n, *d == b';'))
        .filter(|(_, n)| *n > 0)
        .map_or(b',', |(d, _)| *d)
}

/// Read decoded CSV text into a table. A row with more cells than the header is an error.
pub fn read(file: &str, text: &str) -> Result<Table, Vec<LoadError>> {
    // The csv crate's own line count is off with CRLF endings: count from byte offsets.
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line_of = |p: Option<&csv::Position>| {
        p.map_or(0, |p| {
            // A record may be reported as starting on the previous line's end.
            let start = p.byte() as usize;
            let skipped = text.as_bytes()[start.min(text.len())..]
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
            line_starts.partition_point(|&s| s <= start + skipped)
        })
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter(text))
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let mut errors = Vec::new();
    let (columns, line) = match reader.headers() {
        Ok(h) => (
            h.iter().map(str::to_owned).collect::<Vec<_>>(),
            line_of(h.position()).max(1),
        ),
        Err(e) => return Err(vec![csv_error(file, &e)]),
    };
    if columns.iter().all(|c| c.trim().is_empty()) {
        return Err(vec![LoadError::new(
            Location::new(file, 1),
            "empty file; expected a header line naming the columns",
        )]);
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(csv_error(file, &e));
                continue;
            }
        };
        let line = line_of(record.position());
        let extra = record
            .iter()
            .skip(columns.len())
            .any(|c| !c.trim().is_empty());
        if extra {
            errors.push(LoadError::new(
                Location::new(file, line),
                format!(
                    "{} cells but the header has {} columns (a cell holding the delimiter must be in double quotes)",
                    record.len(),
                    columns.len()
                ),
            ));
            continue;
        }
        let cells = record
            .iter()
            .take(columns.len())
            .map(|c| Some(Cell::Text(c.to_owned())))
            .collect();
        rows.push(Row { line, cells });
    }
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

fn csv_error(file: &str, e: &csv::Error) -> LoadError {
    let line = e.position().map_or(0, |p| p.line() as usize);
    LoadError::new(Location::new(file, line), format!("unreadable CSV: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_delimiter_from_the_header() {
        assert_eq!(delimiter("id;name;\"a,b\"\n"), b';');
        assert_eq!(delimiter("id,name\n"), b',');
        assert_eq!(delimiter("id\tname\n"), b'\t');
        assert_eq!(delimiter("id\n"), b',');
    }

    #[test]
    fn keeps_line_numbers_across_quoted_newlines() {
        let t = read("a.csv", "id;note\nx;\"two\nlines\"\ny;z\n").unwrap();
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].line, 2);
        assert_eq!(t.rows[1].line, 4);
    }

    #[test]
    fn line_numbers_with_crlf_endings() {
        let t = read("a.csv", "id;note\r\nx;y\r\n\r\nz;w\r\n").unwrap();
        assert_eq!(t.line, 1);
        assert_eq!(t.rows[0].line, 2);
        assert_eq!(t.rows[1].line, 4);
    }

    #[test]
    fn too_many_cells_is_an_error_with_its_line() {
        let e = read("a.csv", "id;name\nx;y\nz;w;extra\n").unwrap_err();
        assert_eq!(e[0].location, Location::new("a.csv", 3));
    }
}
