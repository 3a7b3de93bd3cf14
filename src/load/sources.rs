//! Where tables come from, and the one place where the sources of a territory are merged: a
//! table given twice (two keys of one JSON file, two sheets of one workbook, or two files of
//! a folder: `links.csv` beside `liens.csv`, or a CSV file beside a workbook's sheet) is
//! reported here, and the territory is built from its first source.

use crate::error::{LoadError, Location};
use crate::load::TableKind;
use crate::load::table::Table;

/// Where a table is given.
#[derive(Debug, Clone, PartialEq)]
pub enum Place {
    /// A CSV file of a folder.
    File(String),
    /// A key of a JSON file, on a line.
    Key {
        file: String,
        line: usize,
        key: String,
    },
    /// A sheet of a workbook.
    Sheet { book: String, sheet: String },
}

impl Place {
    /// The file that holds it: the CSV file, the JSON file, the workbook.
    fn file(&self) -> &str {
        match self {
            Place::File(file) | Place::Key { file, .. } => file,
            Place::Sheet { book, .. } => book,
        }
    }
}

/// A table some source gives: where, and its contents when they were read (`None` when they
/// could not be, its errors reported by its reader, or were not read because an earlier place
/// of the same source already gives this table).
#[derive(Debug)]
pub struct Given {
    pub kind: TableKind,
    pub place: Place,
    pub table: Option<Table>,
}

impl Given {
    pub fn new(kind: TableKind, place: Place, table: Option<Table>) -> Given {
        Given { kind, place, table }
    }
}

/// The tables to build from, each from its first place (sources in the order given), and an
/// error for each table given more than once. `shown` names the whole input (the folder), for
/// a table given by several files.
pub fn merge(given: Vec<Given>, shown: &str) -> (Vec<(TableKind, Table)>, Vec<LoadError>) {
    let mut errors = Vec::new();
    let mut kinds: Vec<TableKind> = given.iter().map(|g| g.kind).collect();
    kinds.sort();
    kinds.dedup();
    let mut tables = Vec::new();
    let mut given: Vec<Option<Given>> = given.into_iter().map(Some).collect();
    for kind in kinds {
        let mut places: Vec<Given> = given
            .iter_mut()
            .filter(|g| g.as_ref().is_some_and(|g| g.kind == kind))
            .filter_map(Option::take)
            .collect();
        // Twice in one file: at the second place, naming the first.
        let mut files: Vec<&Given> = Vec::new();
        for g in &places {
            match files.iter().find(|f| f.place.file() == g.place.file()) {
                Some(first) => errors.extend(twice_in_one_file(kind, &first.place, &g.place)),
                None => files.push(g),
            }
        }
        // In several files: once, at the input, naming each file (CSV files first).
        if files.len() > 1 {
            let (csv, others): (Vec<&Given>, Vec<&Given>) = files
                .iter()
                .partition(|g| matches!(g.place, Place::File(_)));
            let named: Vec<&str> = (csv.iter().chain(&others))
                .map(|g| g.place.file())
                .collect();
            errors.push(LoadError::new(
                Location::file(shown),
                format!(
                    "the {} table is given more than once ({}); keep one",
                    kind.name(),
                    named.join(", ")
                ),
            ));
        }
        if let Some(table) = places.drain(..).next().and_then(|g| g.table) {
            tables.push((kind, table));
        }
    }
    (tables, errors)
}

/// The error for a table given at `again` after `first`, in the same file.
fn twice_in_one_file(kind: TableKind, first: &Place, again: &Place) -> Option<LoadError> {
    let name = kind.name();
    match (first, again) {
        (Place::Key { line: first, .. }, Place::Key { file, line, key }) => Some(LoadError::new(
            Location::new(file, *line),
            format!(
                "\"{key}\": the {name} table is given a second time (first at line {first}); keep one"
            ),
        )),
        (_, Place::Sheet { book, sheet }) => Some(LoadError::new(
            Location::file(format!("{book}[{sheet}]")),
            format!("the {name} table is given more than once in {book}; keep one sheet for it"),
        )),
        // A file is one table: two places in one CSV file cannot be.
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The "given twice" errors of a JSON file, as printed.
    fn json_errors(text: &str) -> Vec<String> {
        let doc = crate::load::json::read("t.json", text).expect("valid JSON");
        let (_, errors) = merge(doc.tables, "t.json");
        errors.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_table_given_twice_is_named_at_its_second_key() {
        let text = "{\n  \"links\": [],\n  \"liens\": []\n}";
        assert_eq!(
            json_errors(text),
            [
                "t.json:3: \"liens\": the links table is given a second time (first at line 2); keep one"
            ]
        );
    }

    #[test]
    fn a_table_of_several_files_is_one_error_naming_them_csv_first() {
        let table = |file: &str| {
            Some(Table::new(
                file,
                1,
                Vec::new(),
                Vec::new(),
                crate::model::Lang::En,
            ))
        };
        let links = TableKind::LINKS;
        let given = vec![
            Given::new(
                links,
                Place::Sheet {
                    book: "t/territory.xlsx".into(),
                    sheet: "Liens".into(),
                },
                table("t/territory.xlsx[Liens]"),
            ),
            Given::new(
                links,
                Place::Sheet {
                    book: "t/territory.xlsx".into(),
                    sheet: "Links".into(),
                },
                None,
            ),
            Given::new(links, Place::File("t/liens.csv".into()), None),
        ];
        let (tables, errors) = merge(given, "t");
        let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            errors,
            [
                "t/territory.xlsx[Links]: the links table is given more than once in t/territory.xlsx; keep one sheet for it",
                "t: the links table is given more than once (t/liens.csv, t/territory.xlsx); keep one",
            ]
        );
        // Built from the first place.
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].1.file, "t/territory.xlsx[Liens]");
    }
}
