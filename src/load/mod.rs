//! Reading a territory: one folder of CSV tables (plus an optional `territory.json` and an
//! optional `territory.xlsx` workbook), one JSON file or one workbook holding the same tables.
//! Every problem of a load is collected and returned together; each names its file and line.

mod build;
mod csv;
mod decode;
mod json;
mod sheet;
mod table;
pub mod values;

use std::path::Path;

use crate::error::{LoadError, Location};
use crate::model::Territory;

pub use table::Table;

/// The tables of a territory (all required but `Progress`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TableKind {
    Domains,
    Objectives,
    Actors,
    Links,
    Progress,
}

impl TableKind {
    pub const ALL: [TableKind; 5] = [
        TableKind::Domains,
        TableKind::Objectives,
        TableKind::Actors,
        TableKind::Links,
        TableKind::Progress,
    ];

    /// Whether a territory folder must hold this table.
    pub fn required(self) -> bool {
        self != TableKind::Progress
    }

    /// The file names (without `.csv`) this table is looked for under, English first.
    pub fn file_stems(self) -> &'static [&'static str] {
        match self {
            TableKind::Domains => &["domains", "domaines"],
            TableKind::Objectives => &["objectives", "objectifs"],
            TableKind::Actors => &["actors", "acteurs"],
            TableKind::Links => &["links", "liens", "roles"],
            TableKind::Progress => &["progress", "avancement"],
        }
    }

    /// The table a (folded) JSON key or file stem names.
    pub fn from_name(folded: &str) -> Option<TableKind> {
        TableKind::ALL
            .into_iter()
            .find(|k| k.file_stems().contains(&folded))
    }
}

/// Load a territory from a folder or a JSON file.
pub fn load(path: &Path) -> Result<Territory, Vec<LoadError>> {
    let shown = path.display().to_string();
    if path.is_dir() {
        load_folder(path)
    } else if path.is_file() && sheet::is_workbook(path) {
        load_workbook(path)
    } else if path.is_file() {
        let text = read_text(path)?;
        let doc = json::read(&shown, &text)?;
        let default_name = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        build::territory(doc.settings, doc.tables, default_name, &shown)
    } else {
        Err(vec![LoadError::new(
            Location::file(shown),
            "no such folder or file; expected a territory folder (domains.csv, objectives.csv, actors.csv, links.csv), a JSON file or a workbook (.xlsx, .ods)",
        )])
    }
}

fn read_text(path: &Path) -> Result<String, Vec<LoadError>> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| {
        vec![LoadError::new(
            Location::file(&shown),
            format!("cannot read: {e}"),
        )]
    })?;
    decode::decode(&shown, &bytes).map_err(|e| vec![e])
}

/// The `territory.json` at `path`, if there is one; its problems go to `errors`.
fn read_settings(path: &Path, errors: &mut Vec<LoadError>) -> Option<json::Document> {
    if !path.is_file() {
        return None;
    }
    read_text(path)
        .and_then(|text| json::read(&path.display().to_string(), &text))
        .map_err(|e| errors.extend(e))
        .ok()
}

fn load_folder(dir: &Path) -> Result<Territory, Vec<LoadError>> {
    let mut errors = Vec::new();
    let mut settings = json::Settings::default();
    let mut tables = Vec::new();

    let settings_path = dir.join("territory.json");
    if let Some(doc) = read_settings(&settings_path, &mut errors) {
        settings = doc.settings;
        tables = doc.tables;
    }

    // Where each table read so far came from, to name both places of a table given twice.
    let mut sources: Vec<(TableKind, String)> = tables
        .iter()
        .map(|(k, _)| (*k, settings_path.display().to_string()))
        .collect();
    let books = sheet::in_folder(dir);
    match books.as_slice() {
        [] => {}
        [book] => {
            let read = sheet::read(book);
            errors.extend(read.errors);
            sources.extend(read.named.iter().map(|k| (*k, book.display().to_string())));
            tables.extend(read.tables);
        }
        _ => errors.push(LoadError::new(
            Location::file(dir.display().to_string()),
            format!(
                "several workbooks ({}); keep one",
                books
                    .iter()
                    .map(|b| b.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
    }

    for kind in TableKind::ALL {
        let found: Vec<_> = kind
            .file_stems()
            .iter()
            .map(|stem| dir.join(format!("{stem}.csv")))
            .filter(|p| p.is_file())
            .collect();
        let given: Vec<&String> = sources
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, s)| s)
            .collect();
        match (found.as_slice(), given.len()) {
            ([path], 0) => match read_text(path)
                .and_then(|text| csv::read(&path.display().to_string(), &text))
            {
                Ok(table) => tables.push((kind, table)),
                Err(e) => errors.extend(e),
            },
            ([], 1) => {}
            ([], 0) if !kind.required() => {}
            ([], 0) if books.len() == 1 => errors.push(LoadError::new(
                Location::file(books[0].display().to_string()),
                format!(
                    "missing sheet; expected a sheet named {} (or {}.csv beside the workbook)",
                    kind.file_stems().join(" or "),
                    kind.file_stems()[0]
                ),
            )),
            ([], 0) => errors.push(LoadError::new(
                Location::file(
                    dir.join(format!("{}.csv", kind.file_stems()[0]))
                        .display()
                        .to_string(),
                ),
                format!(
                    "missing file; expected {} in {} (a header line is enough for an empty table)",
                    kind.file_stems()
                        .iter()
                        .map(|s| format!("{s}.csv"))
                        .collect::<Vec<_>>()
                        .join(" or "),
                    dir.display()
                ),
            )),
            (paths, _) => errors.push(LoadError::new(
                Location::file(dir.display().to_string()),
                format!(
                    "the {} table is given more than once ({}); keep one",
                    kind.file_stems()[0],
                    paths
                        .iter()
                        .map(|p| p.display().to_string())
                        .chain(given.iter().map(|s| s.to_string()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )),
        }
    }

    // A table given twice is reported above; build from its first source only.
    let mut seen = Vec::new();
    tables.retain(|(kind, _)| {
        let first = !seen.contains(kind);
        seen.push(*kind);
        first
    });

    let default_name = dir
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|s| s.to_string_lossy().into_owned()));
    match build::territory(settings, tables, default_name, &dir.display().to_string()) {
        Ok(territory) if errors.is_empty() => Ok(territory),
        Ok(_) => Err(sorted(errors)),
        Err(e) => {
            errors.extend(e);
            Err(sorted(errors))
        }
    }
}

/// A workbook given as a file: its sheets are the tables; settings come from a
/// `territory.json` beside it, if there is one. Named after the file, or after its folder
/// when the file is only called `territory` or `territoire`.
fn load_workbook(path: &Path) -> Result<Territory, Vec<LoadError>> {
    let mut errors = Vec::new();
    let mut settings = json::Settings::default();
    let mut tables = Vec::new();
    let settings_path = path.with_file_name("territory.json");
    if let Some(doc) = read_settings(&settings_path, &mut errors) {
        settings = doc.settings;
        tables = doc.tables;
    }
    let shown = path.display().to_string();
    let read = sheet::read(path);
    let in_json: Vec<TableKind> = tables.iter().map(|(k, _)| *k).collect();
    errors.extend(read.missing(&shown, &in_json));
    errors.extend(read.errors);
    tables.extend(read.tables);
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
    let default_name = match stem {
        Some(s) if sheet::STEMS.contains(&crate::names::fold(&s).as_str()) => path
            .canonicalize()
            .ok()
            .and_then(|p| {
                p.parent()?
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
            })
            .or(Some(s)),
        other => other,
    };
    match build::territory(settings, tables, default_name, &shown) {
        Ok(territory) if errors.is_empty() => Ok(territory),
        Ok(_) => Err(sorted(errors)),
        Err(e) => {
            errors.extend(e);
            Err(sorted(errors))
        }
    }
}

fn sorted(mut errors: Vec<LoadError>) -> Vec<LoadError> {
    errors.sort();
    errors.dedup();
    errors
}
