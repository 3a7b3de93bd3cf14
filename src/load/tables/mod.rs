//! The registry of input tables: each table in its own file (its columns in English and
//! French, which are required, the file, sheet and JSON key names it is looked for under,
//! and how its rows become the model), registered once in [`TABLES`], like the rules of
//! `check::RULES`. Everything that lists tables (the folder loader, the JSON keys, the sheet
//! names, the "missing file" and "unknown sheet" messages, the builder's reading order) reads
//! this registry.
//!
//! Adding a table = one file here defining a `pub static TABLE: TableDef`, plus one `mod`
//! line and one entry in `TABLES` below.

mod actions;
mod actors;
mod bodies;
mod domains;
mod links;
mod objectives;
mod progress;

pub(in crate::load) use bodies::parent_cycles;

use std::fmt;

use crate::load::build::Builder;
use crate::load::schema::Schema;
use crate::load::table::RowView;

/// Every table, in reading order: references are resolved against the tables read before
/// (objectives name domains, links name actors and objectives...).
pub static TABLES: &[&TableDef] = &[
    &domains::TABLE,
    &objectives::TABLE,
    &actors::TABLE,
    &links::TABLE,
    &progress::TABLE,
    &actions::TABLE,
    &bodies::TABLE,
];

/// One input table.
pub struct TableDef {
    /// Its fields and how their columns may be named.
    pub schema: Schema,
    /// The names (folded) its file (without `.csv`), sheet or JSON key may have: English
    /// first, French second, then any other accepted name.
    pub stems: &'static [&'static str],
    /// Whether a territory must hold it.
    pub required: bool,
    /// How its rows become the model.
    pub(in crate::load) rows: Rows,
}

/// How a table's rows become the model: the builder's hooks for this table.
pub(in crate::load) struct Rows {
    /// Make room in the model for this many rows.
    pub reserve: fn(&mut Builder, usize),
    /// Read one row that holds anything.
    pub row: fn(&mut Builder, &RowView),
    /// A row that could not be read whole (its error is reported): what it defines is
    /// not added, and references to it are not reported again.
    pub broken: fn(&mut Builder, &RowView),
    /// Once every row of the table is read: resolve the references among its own rows
    /// (related domains, group members).
    pub after: fn(&mut Builder),
}

impl Rows {
    /// Nothing to do for broken rows or after the table.
    pub(in crate::load) fn nothing(_: &mut Builder) {}

    /// A broken row that defines nothing others refer to.
    pub(in crate::load) fn nothing_broken(_: &mut Builder, _: &RowView) {}
}

/// A table of the registry, as loaders pass it around: compared by identity, ordered as the
/// registry lists it.
#[derive(Clone, Copy)]
pub struct TableKind(&'static TableDef);

impl TableKind {
    pub const DOMAINS: TableKind = TableKind(&domains::TABLE);
    pub const OBJECTIVES: TableKind = TableKind(&objectives::TABLE);
    pub const ACTORS: TableKind = TableKind(&actors::TABLE);
    pub const LINKS: TableKind = TableKind(&links::TABLE);
    pub const PROGRESS: TableKind = TableKind(&progress::TABLE);
    pub const ACTIONS: TableKind = TableKind(&actions::TABLE);
    pub const BODIES: TableKind = TableKind(&bodies::TABLE);

    /// Every table, in reading order.
    pub fn all() -> impl Iterator<Item = TableKind> {
        TABLES.iter().map(|t| TableKind(t))
    }

    /// The table's definition.
    pub fn def(self) -> &'static TableDef {
        self.0
    }

    /// The table's English name, as messages name it: "links".
    pub fn name(self) -> &'static str {
        self.0.schema.name
    }

    /// Whether a territory folder must hold this table.
    pub fn required(self) -> bool {
        self.0.required
    }

    /// The file names (without `.csv`) this table is looked for under, English first.
    pub fn file_stems(self) -> &'static [&'static str] {
        self.0.stems
    }

    /// The table a (folded) JSON key, sheet name or file stem names.
    pub fn from_name(folded: &str) -> Option<TableKind> {
        TableKind::all().find(|k| k.file_stems().contains(&folded))
    }

    /// Its place in the registry.
    fn rank(self) -> usize {
        TABLES
            .iter()
            .position(|t| std::ptr::eq(*t, self.0))
            .unwrap_or(usize::MAX)
    }
}

impl PartialEq for TableKind {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for TableKind {}

impl PartialOrd for TableKind {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for TableKind {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.rank().cmp(&other.rank())
    }
}

impl fmt::Debug for TableKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The tables' names as the JSON file's keys take them: "domains, objectives, actors, links
/// or progress".
pub fn json_keys() -> String {
    let names: Vec<&str> = TableKind::all().map(TableKind::name).collect();
    match names.split_last() {
        Some((last, [])) => (*last).to_owned(),
        Some((last, init)) => format!("{} or {last}", init.join(", ")),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_is_registered_once_under_names_of_its_own() {
        let mut names: Vec<&str> = TableKind::all()
            .flat_map(|k| k.file_stems())
            .copied()
            .collect();
        let count = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), count, "a name means two tables");
        for kind in TableKind::all() {
            assert_eq!(kind.file_stems()[0], kind.name());
            assert_eq!(TableKind::from_name(kind.name()), Some(kind));
            // Stems are folded, as the names they are compared with.
            for stem in kind.file_stems() {
                assert_eq!(crate::names::fold(stem), *stem);
            }
        }
        let ranks: Vec<usize> = TableKind::all().map(TableKind::rank).collect();
        assert!(ranks.windows(2).all(|w| w[0] < w[1]));
        assert!(TableKind::DOMAINS < TableKind::PROGRESS);
    }
}
