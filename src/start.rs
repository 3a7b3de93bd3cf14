//! Starting without a manual: which territory a command reads when none is given (the
//! current folder when it holds one, else the built-in example, the Pays du Calaisis), and
//! what actormap says about it. The words are in each language's catalog
//! (`src/i18n/<lang>/start.rs`).

use std::path::{Path, PathBuf};

use crate::load;

/// The territory a command reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A folder or file: given on the command line, or the current folder holding a territory.
    Path(PathBuf),
    /// The example built into the binary.
    Example,
}

impl Source {
    /// The territory given, else the current folder when it holds one, else the example.
    pub fn of(given: Option<&Path>) -> Source {
        match given {
            Some(path) => Source::Path(path.to_owned()),
            None if load::holds_territory(Path::new(".")) => Source::Path(PathBuf::from(".")),
            None => Source::Example,
        }
    }

    /// Read it, keeping the notes about how it was read.
    pub fn load(&self) -> load::Loaded {
        match self {
            Source::Path(path) => load::load_with_notes(path),
            Source::Example => load::load_example(),
        }
    }
}

/// What actormap says about where it starts from, as data.
#[derive(Debug, Clone, PartialEq)]
pub enum Said {
    /// No territory was given and the current folder holds none: the built-in example, named.
    Example(String),
    /// `watch` was given no territory and the current folder holds none: the built-in example
    /// cannot be watched.
    NothingToWatch,
    /// The territory loaded but holds nothing yet (the untouched template of `init`).
    Empty(String),
    /// `init` would write over this file.
    Exists(PathBuf),
}

/// What every language says about where actormap starts from. Implement it with an
/// exhaustive `match` (no `_` arm).
pub trait Words {
    fn start_line(&self, said: &Said) -> String;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn the_example_line_in_each_language() {
        let said = Said::Example("Pays du Calaisis".into());
        assert_eq!(
            Lang::Fr.catalog().start_line(&said),
            "aucun territoire ici\u{a0}: exemple intégré, Pays du Calaisis"
        );
        assert_eq!(
            Lang::En.catalog().start_line(&said),
            "no territory here: built-in example, Pays du Calaisis"
        );
    }
}
