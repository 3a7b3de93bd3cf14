//! Errors as data: where a problem is (file, line, column name) and what was expected.
//! Every error of a load is collected; each is said in the user's language when printed
//! (`file:line: column "x": message`, `fichier:ligne : colonne « x » : message`).

use std::fmt;
use std::io;
use std::path::PathBuf;
use std::sync::Arc;

use crate::i18n::Lang;
use crate::load::message::{Message, NoteMessage};

/// Where a record came from: a file and a 1-based line (0 when the whole file is meant).
/// The file name is shared: the rows of one table hold one copy of it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Location {
    pub file: Arc<str>,
    pub line: usize,
}

impl Location {
    pub fn new(file: impl AsRef<str>, line: usize) -> Self {
        Location {
            file: Arc::from(file.as_ref()),
            line,
        }
    }

    /// The whole file, no line in particular.
    pub fn file(file: impl AsRef<str>) -> Self {
        Location::new(file, 0)
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            f.write_str(&self.file)
        } else {
            write!(f, "{}:{}", self.file, self.line)
        }
    }
}

/// One problem found while loading a territory: where it is, and what is wrong as data
/// ([`Message`]), said in the user's language when printed ([`LoadError::render`]).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct LoadError {
    pub location: Location,
    /// The column (or JSON key) as the user wrote it, when one cell is at fault.
    pub column: Option<String>,
    /// Boxed: errors travel in `Result`s, which stay small.
    pub message: Box<Message>,
}

impl LoadError {
    pub fn new(location: Location, message: Message) -> Self {
        LoadError {
            location,
            column: None,
            message: Box::new(message),
        }
    }

    pub fn in_column(mut self, column: impl Into<String>) -> Self {
        self.column = Some(column.into());
        self
    }

    /// The error with its place, in `lang`: `acteurs.csv:4 : colonne « nom » : ...`.
    pub fn render(&self, lang: Lang) -> String {
        lang.catalog().load_error(self)
    }
}

/// A place in the input that errors found later will point at: a file and line, and the
/// column when one cell is meant (a cell whose references are resolved once a whole table
/// is read).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    pub location: Location,
    pub column: Option<String>,
}

impl Place {
    /// The error `message` at this place.
    pub fn error(&self, message: Message) -> LoadError {
        LoadError {
            location: self.location.clone(),
            column: self.column.clone(),
            message: Box::new(message),
        }
    }
}

/// A remark about the input that is not an error: the load goes on (a title row skipped
/// above a header). Commands print notes on standard error, before their output.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Note {
    pub location: Location,
    pub message: NoteMessage,
}

impl Note {
    pub fn new(location: Location, message: NoteMessage) -> Self {
        Note { location, message }
    }

    /// The note with its place and its "note:" word, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let words = lang.catalog();
        format!("{}{}", words.note_prefix(), words.note(self))
    }
}

/// How many errors of one file are printed; the others are counted in one line, so that a
/// file whose every line is wrong stays readable.
pub const ERRORS_SHOWN_PER_FILE: usize = 50;

/// Everything that stops a command before it could do its job.
#[derive(Debug)]
pub enum Error {
    /// The territory could not be loaded; every problem found is listed, and the language
    /// the territory asks for when its settings could be read.
    Load {
        errors: Vec<LoadError>,
        lang: Option<Lang>,
    },
    /// The command line asked for something that cannot be done, already said in the
    /// user's language (the areas that know it render their own: `maps::Usage`, `start`).
    Usage(String),
    /// The command line asked for something that cannot be done, as data: said in the
    /// user's language when printed.
    Misuse(Misuse),
    /// An output file could not be written.
    Write { path: PathBuf, source: io::Error },
    /// Standard output or error failed (other than a closed pipe).
    Io(io::Error),
}

impl Error {
    /// The process exit code: 2 for bad input or usage (1 is kept for findings).
    pub fn exit_code(&self) -> u8 {
        2
    }

    /// True when the error is only a closed pipe (`actormap list | head`): not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io(e) if e.kind() == io::ErrorKind::BrokenPipe)
    }
}

impl Error {
    /// The language to say this error in: `--lang`, else the one the territory asks for
    /// when its settings could be read, else French.
    pub fn language(&self, asked: Option<Lang>) -> Lang {
        let territory = match self {
            Error::Load { lang, .. } => *lang,
            _ => None,
        };
        asked.or(territory).unwrap_or_default()
    }

    /// The error as printed, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let words = lang.catalog();
        let prefix = words.error_prefix();
        match self {
            Error::Load { errors, .. } => {
                let mut out = String::new();
                // Errors come sorted by place: those of one file are together.
                let mut shown = 0;
                for (i, e) in errors.iter().enumerate() {
                    let same_file = i > 0 && errors[i - 1].location.file == e.location.file;
                    shown = if same_file { shown + 1 } else { 1 };
                    if shown <= ERRORS_SHOWN_PER_FILE {
                        out.push_str(prefix);
                        out.push_str(&e.render(lang));
                        out.push('\n');
                    }
                    let last_of_file = errors
                        .get(i + 1)
                        .is_none_or(|next| next.location.file != e.location.file);
                    if last_of_file && shown > ERRORS_SHOWN_PER_FILE {
                        let more = shown - ERRORS_SHOWN_PER_FILE;
                        out.push_str(&words.more_errors(more, &e.location.file));
                        out.push('\n');
                    }
                }
                out.push_str(&words.load_failed(errors.len()));
                out
            }
            Error::Usage(message) => format!("{prefix}{message}"),
            Error::Misuse(misuse) => format!("{prefix}{}", words.misuse(misuse)),
            Error::Write { path, source } => format!(
                "{prefix}{}",
                words.cannot_write(
                    &path.display().to_string(),
                    &words.os_error(&OsError::from(source))
                )
            ),
            Error::Io(e) => format!("{prefix}{}", words.io_failed(&OsError::from(e))),
        }
    }
}

/// In French, the default language; `render` says it in another.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::default()))
    }
}

impl std::error::Error for Error {}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        Error::Io(e)
    }
}

impl From<Misuse> for Error {
    fn from(misuse: Misuse) -> Self {
        Error::Misuse(misuse)
    }
}

impl From<Vec<LoadError>> for Error {
    fn from(errors: Vec<LoadError>) -> Self {
        Error::Load { errors, lang: None }
    }
}

/// What the operating system said went wrong with a file: its kind, which each language
/// says in its own words, and the system's own text (English), for the kinds it has no
/// words for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct OsError {
    pub kind: io::ErrorKind,
    pub text: String,
}

impl From<&io::Error> for OsError {
    fn from(e: &io::Error) -> Self {
        OsError {
            kind: e.kind(),
            text: e.to_string(),
        }
    }
}

/// A command line that asks for something that cannot be done, outside what `render`
/// draws (`maps::Usage`): the flag and the values at fault, said when printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Misuse {
    /// `actormap man NAME` for a command that does not exist.
    UnknownCommand {
        wanted: String,
        closest: Option<String>,
        known: Vec<String>,
    },
    /// `--out` names (or passes through) something that is not a folder.
    OutNotAFolder { path: PathBuf, is_file: bool },
    /// `--format xlsx --out -`: a workbook is binary.
    WorkbookToStdout { example: String },
    /// `--size` is not a size.
    Size(crate::layout::SizeError),
    /// The operating system refused to watch the folder.
    CannotWatch { folder: PathBuf, reason: String },
    /// The watched territory was moved or removed.
    TerritoryGone { territory: PathBuf },
    /// A path that exists could not be resolved to its full form.
    CannotResolve { path: PathBuf, error: OsError },
    /// `watch --out` is the territory's own folder.
    OutIsTerritory { out: PathBuf },
    /// `--allow warnings` or `--warn warnings`: only `--deny warnings` means something.
    WarningsWithoutDeny { flag: &'static str },
    /// `--allow NAME` (or `--warn`, `--deny`) names no rule.
    UnknownRule {
        name: String,
        flag: &'static str,
        closest: Option<String>,
    },
}

/// What every language says for a [`Misuse`] and for the operating system's errors.
/// Implement it with an exhaustive `match` (no `_` arm).
pub trait MisuseWords {
    fn misuse(&self, misuse: &Misuse) -> String;
    /// The operating system's error in this language: "accès refusé".
    fn os_error(&self, error: &OsError) -> String;
    /// Standard output or error failed.
    fn io_failed(&self, error: &OsError) -> String;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said(kind: io::ErrorKind, lang: Lang) -> String {
        let e = io::Error::new(kind, "the system's words");
        Error::Write {
            path: PathBuf::from("sorties/carte.svg"),
            source: e,
        }
        .render(lang)
    }

    #[test]
    fn the_systems_refusals_are_said_in_french_and_left_in_its_words_in_english() {
        assert_eq!(
            said(io::ErrorKind::PermissionDenied, Lang::Fr),
            "erreur\u{a0}: impossible d'écrire sorties/carte.svg\u{a0}: accès refusé"
        );
        assert_eq!(
            said(io::ErrorKind::StorageFull, Lang::Fr),
            "erreur\u{a0}: impossible d'écrire sorties/carte.svg\u{a0}: disque plein"
        );
        // A kind French has no words for keeps the system's, marked as such.
        assert!(
            said(io::ErrorKind::Other, Lang::Fr)
                .ends_with("erreur du système (the system's words)")
        );
        assert!(said(io::ErrorKind::PermissionDenied, Lang::En).ends_with(": the system's words"));
    }
}
