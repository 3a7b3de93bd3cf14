//! Reading a territory: one folder of CSV tables (plus an optional `territory.json`), or one
//! JSON file holding the same tables. Every problem of a load is collected and returned
//! together; each names its file and line.

mod build;
mod csv;
mod decode;
mod json;
mod table;
pub mod values;

use std::path::Path;

use crate::error::{LoadError, Location};
use crate::model::Territory;

pub use table::Table;

/// The four tables of a territory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TableKind {
    Domains,
    Objectives,
    Actors,
    Links,
}

impl TableKind {
    pub const ALL: [TableKind; 4] = [
        TableKind::Domains,
        TableKind::Objectives,
        TableKind::Actors,
        TableKind::Links,
    ];

    /// The file names (without `.csv`) this table is looked for under, English first.
    pub fn file_stems(self) -> &'static [&'static str] {
        match self {
            TableKind::Domains => &["domains", "domaines"],
            TableKind::Objectives => &["objectives", "objectifs"],
            TableKind::Actors => &["actors", "acteurs"],
            TableKind::Links => &["links", "liens", "roles"],
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
    } else if path.is_file() {
        let text = read_text(path)?;
        let doc = json::read(&shown, &text)?;
        let default_name = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        build::territory(doc.settings, doc.tables, default_name, &shown)
    } else {
        Err(vec![LoadError::new(
            Location::file(shown),
            "no such folder or file; expected a territory folder (domains.csv, objectives.csv, actors.csv, links.csv) or a JSON file",
        )])
    }
}

fn read_text(path: &Path) -> Result<String, Vec<LoadError>> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path)
        .map_err(|e| vec![LoadError::new(Location::file(&shown), format!("cannot read: {e}"))])?;
    decode::decode(&shown, &bytes).map_err(|e| vec![e])
}

fn load_folder(dir: &Path) -> Result<Territory, Vec<LoadError>> {
    let mut errors = Vec::new();
    let mut settings = json::Settings::default();
    let mut tables = Vec::new();

    let settings_path = dir.join("territory.json");
    if settings_path.is_file() {
        match read_text(&settings_path)
            .and_then(|text| json::read(&settings_path.display().to_string(), &text))
        {
            Ok(doc) => {
                settings = doc.settings;
                tables = doc.tables;
            }
            Err(e) => errors.extend(e),
        }
    }

    for kind in TableKind::ALL {
        let found: Vec<_> = kind
            .file_stems()
            .iter()
            .map(|stem| dir.join(format!("{stem}.csv")))
            .filter(|p| p.is_file())
            .collect();
        let in_json = tables.iter().any(|(k, _)| *k == kind);
        match (found.as_slice(), in_json) {
            ([path], false) => match read_text(path)
                .and_then(|text| csv::read(&path.display().to_string(), &text))
            {
                Ok(table) => tables.push((kind, table)),
                Err(e) => errors.extend(e),
            },
            ([], true) => {}
            ([], false) => errors.push(LoadError::new(
                Location::file(dir.join(format!("{}.csv", kind.file_stems()[0])).display().to_string()),
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
                        .chain(in_json.then(|| settings_path.display().to_string()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )),
        }
    }

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

fn sorted(mut errors: Vec<LoadError>) -> Vec<LoadError> {
    errors.sort();
    errors.dedup();
    errors
}
