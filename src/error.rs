//! Errors as data: where a problem is (file, line, column name) and what was expected.
//! Every error of a load is collected; `Display` prints `file:line: column "x": message`.

use std::fmt;
use std::io;
use std::path::PathBuf;
use std::sync::Arc;

use crate::numbers;

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

/// One problem found while loading a territory.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct LoadError {
    pub location: Location,
    /// The column (or JSON key) as the user wrote it, when one cell is at fault.
    pub column: Option<String>,
    pub message: String,
}

impl LoadError {
    pub fn new(location: Location, message: impl Into<String>) -> Self {
        LoadError {
            location,
            column: None,
            message: message.into(),
        }
    }

    pub fn in_column(mut self, column: impl Into<String>) -> Self {
        self.column = Some(column.into());
        self
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.location)?;
        if let Some(column) = &self.column {
            write!(f, "column \"{column}\": ")?;
        }
        f.write_str(&self.message)
    }
}

/// A remark about the input that is not an error: the load goes on (a title row skipped
/// above a header). Commands print notes on standard error, before their output.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Note {
    pub location: Location,
    pub message: String,
}

impl Note {
    pub fn new(location: Location, message: impl Into<String>) -> Self {
        Note {
            location,
            message: message.into(),
        }
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// How many errors of one file are printed; the others are counted in one line, so that a
/// file whose every line is wrong stays readable.
pub const ERRORS_SHOWN_PER_FILE: usize = 50;

/// Everything that stops a command before it could do its job.
#[derive(Debug)]
pub enum Error {
    /// The territory could not be loaded; every problem found is listed.
    Load(Vec<LoadError>),
    /// The command line asked for something that cannot be done.
    Usage(String),
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

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Load(errors) => {
                // Errors come sorted by place: those of one file are together.
                let mut shown = 0;
                for (i, e) in errors.iter().enumerate() {
                    let same_file = i > 0 && errors[i - 1].location.file == e.location.file;
                    shown = if same_file { shown + 1 } else { 1 };
                    if shown <= ERRORS_SHOWN_PER_FILE {
                        writeln!(f, "error: {e}")?;
                    }
                    let last_of_file = errors
                        .get(i + 1)
                        .is_none_or(|next| next.location.file != e.location.file);
                    if last_of_file && shown > ERRORS_SHOWN_PER_FILE {
                        let more = shown - ERRORS_SHOWN_PER_FILE;
                        writeln!(
                            f,
                            "... and {} more error{} in {}",
                            numbers::french(more as f64),
                            if more == 1 { "" } else { "s" },
                            e.location.file
                        )?;
                    }
                }
                let n = errors.len();
                write!(
                    f,
                    "{} error{} in the input, nothing was done",
                    numbers::french(n as f64),
                    if n == 1 { "" } else { "s" }
                )
            }
            Error::Usage(message) => write!(f, "error: {message}"),
            Error::Write { path, source } => {
                write!(f, "error: cannot write {}: {source}", path.display())
            }
            Error::Io(e) => write!(f, "error: {e}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Self {
        Error::Io(e)
    }
}

impl From<Vec<LoadError>> for Error {
    fn from(errors: Vec<LoadError>) -> Self {
        Error::Load(errors)
    }
}
