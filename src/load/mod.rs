//! Reading a territory: one folder of CSV tables (plus an optional `territory.json` or
//! `territoire.json` and an optional `territory.xlsx` workbook), one JSON file or one workbook
//! holding the same tables. Every problem of a load is collected and returned together; each
//! names its file and line. Notes (a title row skipped) come with the result, not as errors.

mod build;
mod csv;
mod decode;
mod files;
mod json;
mod json_schema;
mod lines;
pub mod message;
mod perimeter;
mod schema;
mod settings;
mod sheet;
mod sources;
mod table;
pub mod tables;
pub mod values;

use std::path::{Path, PathBuf};

use crate::error::{LoadError, Location, Note};
use crate::i18n::Lang;
use crate::model::Territory;

use message::{Message, PathKind};

pub use files::EXAMPLE;
pub use json_schema::json_schema;
use sources::{Given, Place};
pub use table::Table;
pub use tables::TableKind;

/// A territory read from its files, or every problem found; and the notes about how it was
/// read (a title row skipped above a header), whatever the outcome.
#[derive(Debug)]
pub struct Loaded {
    pub territory: Result<Territory, Vec<LoadError>>,
    pub notes: Vec<Note>,
    /// The language the territory's settings ask for (`"lang"`), when they could be read,
    /// even if the rest of the load failed: the language to say its errors in.
    pub lang: Option<Lang>,
}

/// Whether a file name is one that editors and actormap write beside the real files while
/// saving or editing, never a table: `~$x.xlsx` (Excel's owner file, there while the workbook
/// is open), `.~lock.x.ods#` (LibreOffice's lock), `.x.csv.swp` and `x.swp` (vim), `.#x` and
/// `#x#` (Emacs), `x~` (backups), `.actormap-*.tmp` (ours), and every hidden file.
pub fn is_editor_temporary(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with("~$")
        || (name.starts_with('#') && name.ends_with('#'))
        || name.ends_with('~')
        || [".swp", ".swo", ".swx"].iter().any(|s| name.ends_with(s))
        || (name.starts_with(crate::outdir::TEMP_PREFIX)
            && name.ends_with(crate::outdir::TEMP_SUFFIX))
}

/// Load a territory from a folder, a JSON file or a workbook.
pub fn load(path: &Path) -> Result<Territory, Vec<LoadError>> {
    load_with_notes(path).territory
}

/// Load the example built into the binary (the Pays du Calaisis) through the same code as a
/// folder on disk: its files are named `exemple intégré/actors.csv`...
pub fn load_example() -> Loaded {
    files::with_example(|| load_with_notes(Path::new(files::EXAMPLE)))
}

/// Whether a folder holds a territory: a table (`actors.csv`, `liens.csv`...), the settings
/// (`territory.json`, `territoire.json`) or a workbook (`territoire.xlsx`...).
pub fn holds_territory(dir: &Path) -> bool {
    let tables = TableKind::all()
        .flat_map(|k| k.file_stems())
        .map(|stem| format!("{stem}.csv"));
    let settings = SETTINGS.iter().map(|s| s.to_string());
    tables
        .chain(settings)
        .any(|name| !matches!(Entry::of(&dir.join(name)), Entry::Missing))
        || !sheet::in_folder(dir).is_empty()
}

/// Load a territory, keeping the notes about how it was read.
pub fn load_with_notes(path: &Path) -> Loaded {
    let shown = path.display().to_string();
    let mut notes = Vec::new();
    let mut lang = None;
    let territory = match Entry::of(path) {
        Entry::Folder => load_folder(path, &mut notes, &mut lang),
        Entry::File if sheet::is_workbook(path) => load_workbook(path, &mut notes, &mut lang),
        Entry::File => read_text(path).and_then(|text| {
            let doc = json::read(&shown, &text)?;
            lang = doc.settings.lang;
            let default_name = path.file_stem().map(|s| s.to_string_lossy().into_owned());
            build::territory(doc.settings, doc.tables, default_name, &shown)
        }),
        Entry::Missing => Err(vec![LoadError::new(
            Location::file(&shown),
            Message::NoSuchPath,
        )]),
        Entry::Other(what) => Err(vec![LoadError::new(
            Location::file(&shown),
            Message::NotATerritory(what),
        )]),
    };
    notes.sort();
    Loaded {
        territory,
        notes,
        lang,
    }
}

/// The largest file read: far above any territory's table, and a bound on what a path that
/// keeps giving bytes (a device behind a link, a growing file) can make us hold.
const MAX_BYTES: u64 = 256 * 1024 * 1024;

/// What a path is, as far as loading cares.
enum Entry {
    Missing,
    Folder,
    File,
    /// Something that cannot be read as a file: what it is.
    Other(PathKind),
}

impl Entry {
    fn of(path: &Path) -> Entry {
        if let Some(mounted) = files::mounted(path) {
            return match mounted {
                files::Mounted::Folder => Entry::Folder,
                files::Mounted::File(_) => Entry::File,
                files::Mounted::Missing => Entry::Missing,
            };
        }
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Entry::Missing,
            Err(e) => Entry::Other(PathKind::CannotBeRead(e.to_string())),
            Ok(m) if m.is_dir() => Entry::Folder,
            Ok(m) if m.is_file() => Entry::File,
            Ok(m) => Entry::Other(special(&m.file_type())),
        }
    }
}

/// What a path that is neither a folder nor a regular file is.
#[cfg(unix)]
fn special(kind: &std::fs::FileType) -> PathKind {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        PathKind::Fifo
    } else if kind.is_char_device() {
        PathKind::CharDevice
    } else if kind.is_block_device() {
        PathKind::BlockDevice
    } else if kind.is_socket() {
        PathKind::Socket
    } else {
        PathKind::NotRegular
    }
}

#[cfg(not(unix))]
fn special(_: &std::fs::FileType) -> PathKind {
    PathKind::NotRegular
}

/// A path that must be a regular file (a table, the settings, a workbook): never opened
/// otherwise, so a named pipe cannot make us wait and a device cannot fill the memory.
fn regular_file(path: &Path) -> Result<(), LoadError> {
    let shown = path.display().to_string();
    let what = match Entry::of(path) {
        Entry::File => return Ok(()),
        Entry::Missing => PathKind::Missing,
        Entry::Folder => PathKind::Folder,
        Entry::Other(what) => what,
    };
    Err(LoadError::new(
        Location::file(shown),
        Message::NotAFile(what),
    ))
}

fn read_text(path: &Path) -> Result<String, Vec<LoadError>> {
    use std::io::Read;
    let shown = path.display().to_string();
    regular_file(path).map_err(|e| vec![e])?;
    if let Some(files::Mounted::File(bytes)) = files::mounted(path) {
        return decode::decode(&shown, bytes);
    }
    let cannot = |e: std::io::Error| {
        vec![LoadError::new(
            Location::file(&shown),
            Message::CannotRead {
                error: crate::error::OsError::from(&e),
            },
        )]
    };
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_BYTES + 1).read_to_end(&mut bytes))
        .map_err(cannot)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(vec![LoadError::new(
            Location::file(&shown),
            Message::TooLarge {
                mib: MAX_BYTES / 1024 / 1024,
            },
        )]);
    }
    decode::decode_owned(&shown, bytes)
}

/// The names the settings file is looked for under, English first.
const SETTINGS: [&str; 2] = ["territory.json", "territoire.json"];

/// The settings file of `dir`, if there is one; its problems go to `errors`. Both names
/// present is an error naming both (the first is read, for its own errors).
fn read_settings(dir: &Path, errors: &mut Vec<LoadError>) -> Option<(PathBuf, json::Document)> {
    let found: Vec<PathBuf> = SETTINGS
        .iter()
        .map(|name| dir.join(name))
        .filter(|p| !matches!(Entry::of(p), Entry::Missing))
        .collect();
    if let [first, second] = found.as_slice() {
        errors.push(LoadError::new(
            Location::file(second.display().to_string()),
            Message::SettingsTwice {
                first: first.display().to_string(),
                second: second.display().to_string(),
            },
        ));
    }
    let path = found.into_iter().next()?;
    read_text(&path)
        .and_then(|text| json::read(&path.display().to_string(), &text))
        .map_err(|e| errors.extend(e))
        .ok()
        .map(|doc| (path, doc))
}

/// A CSV table of `dir`, read for `kind`; `None` when it had no header (errors in `errors`).
fn read_csv(path: &Path, kind: TableKind, errors: &mut Vec<LoadError>) -> Option<Table> {
    let shown = path.display().to_string();
    let text = read_text(path).map_err(|e| errors.extend(e)).ok()?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let lang = schema::language_of_name(kind, &stem);
    let (table, e) = csv::read_owned(&shown, text, kind, lang);
    errors.extend(e);
    table
}

fn load_folder(
    dir: &Path,
    notes: &mut Vec<Note>,
    lang: &mut Option<Lang>,
) -> Result<Territory, Vec<LoadError>> {
    let mut errors = Vec::new();
    let mut settings = json::Settings::default();
    // Every table given, in the order of the sources: territory.json, the workbook, the CSV
    // files. A table given twice is reported where they are merged (`build`).
    let mut given: Vec<Given> = Vec::new();

    let before = errors.len();
    if let Some((_, doc)) = read_settings(dir, &mut errors) {
        settings = doc.settings;
        given = doc.tables;
    }
    settings.unread = errors.len() > before;
    *lang = settings.lang;

    let books = sheet::in_folder(dir);
    match books.as_slice() {
        [] => {}
        [book] => {
            let read = match regular_file(book) {
                Ok(()) => sheet::read(book),
                Err(e) => sheet::Book {
                    errors: vec![e],
                    ..sheet::Book::default()
                },
            };
            errors.extend(read.errors);
            given.extend(read.tables);
            let (merged, e) = settings::merge(std::mem::take(&mut settings), read.settings);
            settings = merged;
            errors.extend(e);
        }
        _ => errors.push(LoadError::new(
            Location::file(dir.display().to_string()),
            Message::SeveralWorkbooks {
                books: books.iter().map(|b| b.display().to_string()).collect(),
            },
        )),
    }

    for kind in TableKind::all() {
        let found = kind
            .file_stems()
            .iter()
            .map(|stem| dir.join(format!("{stem}.csv")))
            .filter(|p| !matches!(Entry::of(p), Entry::Missing));
        for path in found {
            // A file for a table already given is not read: only reported, as given twice.
            let table = if given.iter().any(|g| g.kind == kind) {
                None
            } else {
                read_csv(&path, kind, &mut errors)
            };
            given.push(Given::new(
                kind,
                Place::File(path.display().to_string()),
                table,
            ));
        }
        if given.iter().any(|g| g.kind == kind) || !kind.required() {
            continue;
        }
        errors.push(if books.len() == 1 {
            LoadError::new(
                Location::file(books[0].display().to_string()),
                Message::MissingSheet {
                    table: kind,
                    beside: true,
                },
            )
        } else {
            LoadError::new(
                Location::file(
                    dir.join(format!("{}.csv", kind.file_stems()[0]))
                        .display()
                        .to_string(),
                ),
                Message::MissingFile {
                    table: kind,
                    folder: dir.display().to_string(),
                },
            )
        });
    }

    notes.extend(skipped_notes(&given));
    let default_name = dir
        .canonicalize()
        .ok()
        .and_then(|p| p.file_name().map(|s| s.to_string_lossy().into_owned()));
    match build::territory(settings, given, default_name, &dir.display().to_string()) {
        Ok(territory) if errors.is_empty() => Ok(territory),
        Ok(_) => Err(sorted(errors)),
        Err(e) => {
            errors.extend(e);
            Err(sorted(errors))
        }
    }
}

/// The notes of the tables built from (each table's first source): a title row skipped.
fn skipped_notes(given: &[Given]) -> Vec<Note> {
    TableKind::all()
        .filter_map(|kind| given.iter().find(|g| g.kind == kind))
        .filter_map(|g| g.table.as_ref()?.skipped_note())
        .collect()
}

/// A workbook given as a file: its sheets are the tables; settings come from a
/// `territory.json` beside it, if there is one. Named after the file, or after its folder
/// when the file is only called `territory` or `territoire`.
fn load_workbook(
    path: &Path,
    notes: &mut Vec<Note>,
    lang: &mut Option<Lang>,
) -> Result<Territory, Vec<LoadError>> {
    let mut errors = Vec::new();
    let mut settings = json::Settings::default();
    let mut given = Vec::new();
    let beside = path.parent().unwrap_or(Path::new(""));
    let before = errors.len();
    if let Some((_, doc)) = read_settings(beside, &mut errors) {
        settings = doc.settings;
        given = doc.tables;
    }
    settings.unread = errors.len() > before;
    *lang = settings.lang;
    let shown = path.display().to_string();
    let read = sheet::read(path);
    let in_json: Vec<TableKind> = given.iter().map(|g| g.kind).collect();
    errors.extend(read.missing(&shown, &in_json));
    errors.extend(read.errors);
    given.extend(read.tables);
    let (merged, e) = settings::merge(settings, read.settings);
    settings = merged;
    errors.extend(e);
    notes.extend(skipped_notes(&given));
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
    match build::territory(settings, given, default_name, &shown) {
        Ok(territory) if errors.is_empty() => Ok(territory),
        Ok(_) => Err(sorted(errors)),
        Err(e) => {
            errors.extend(e);
            Err(sorted(errors))
        }
    }
}

/// Each loader on raw bytes, for the fuzz targets of `fuzz/` (not an API): whatever the
/// bytes, they must end in a territory or in located errors, never in a panic or a hang.
#[doc(hidden)]
pub mod fuzzing {
    use super::*;

    /// Bytes as a CSV file of each table, through the decoder, the reader and the model.
    pub fn csv(bytes: &[u8]) {
        let Ok(text) = decode::decode("f.csv", bytes) else {
            return;
        };
        for kind in TableKind::all() {
            let (table, _) = csv::read("f.csv", &text, kind, crate::model::Lang::Fr);
            let given = vec![Given::new(kind, Place::File("f.csv".into()), table)];
            let _ = build::territory(json::Settings::default(), given, None, "f");
        }
    }

    /// Bytes as a JSON territory, through the decoder, the reader and the model.
    pub fn json(bytes: &[u8]) {
        let Ok(text) = decode::decode("f.json", bytes) else {
            return;
        };
        if let Ok(doc) = json::read("f.json", &text) {
            let _ = build::territory(doc.settings, doc.tables, None, "f.json");
        }
    }

    /// Bytes as a workbook (.xlsx, .ods...), through the sheet reader and the model.
    pub fn workbook(bytes: &[u8]) {
        let book = sheet::read_bytes("f.xlsx", bytes);
        let _ = build::territory(json::Settings::default(), book.tables, None, "f.xlsx");
    }
}

fn sorted(mut errors: Vec<LoadError>) -> Vec<LoadError> {
    errors.sort();
    errors.dedup();
    errors
}
