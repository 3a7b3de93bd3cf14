//! Errors as data: where a problem is (file, line, column name) and what was expected.
//! Every error of a load is collected; `Display` prints `file:line: column "x": message`.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// Where a record came from: a file and a 1-based line (0 when the whole file is meant).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Location {
    pub file: String,
    pub line: usize,
}

impl Location {
    pub fn new(file: impl Into<String>, line: usize) -> Self {
        Location {
            file: file.into(),
            line,
        }
    }

    /// The whole file, no line in particular.
    pub fn file(file: impl Into<String>) -> Self {
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
                for e in errors {
                    writeln!(f, "error: {e}")?;
                }
                let n = errors.len();
                write!(
                    f,
                    "{n} error{} in the input, nothing was done",
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
