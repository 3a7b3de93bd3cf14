//! In English: a command line that asks the impossible, and what the operating system
//! refused (in the system's own words).

use super::English;
use crate::error::{Misuse, MisuseWords, OsError};
use crate::maps::{Usage, UsageWords};

impl MisuseWords for English {
    fn misuse(&self, misuse: &Misuse) -> String {
        match misuse {
            Misuse::UnknownCommand {
                wanted,
                closest: Some(closest),
                ..
            } => format!("no command \"{wanted}\"; did you mean \"{closest}\"?"),
            Misuse::UnknownCommand {
                wanted,
                closest: None,
                known,
            } => format!("no command \"{wanted}\"; known: {}", known.join(", ")),
            Misuse::OutNotAFolder { path, is_file } => format!(
                "{} {} (--out names the folder the files are written to)",
                path.display(),
                if *is_file {
                    "is a file, not a folder"
                } else {
                    "is not a folder"
                }
            ),
            Misuse::WorkbookToStdout { example } => format!(
                "a workbook is not written to standard output; give --out FILE (e.g. --out {example})"
            ),
            Misuse::Size(e) => self.usage(&Usage::Size(e.clone())),
            Misuse::CannotWatch { folder, reason } => {
                format!("cannot watch {}: {reason}", folder.display())
            }
            Misuse::TerritoryGone { territory } => format!(
                "{} was moved or removed; stopped watching it",
                territory.display()
            ),
            Misuse::CannotResolve { path, error } => {
                format!("{}: {}", path.display(), self.os_error(error))
            }
            Misuse::OutIsTerritory { out } => format!(
                "--out {} is the folder of the territory: the maps written there would be taken for edits; give another folder (e.g. --out output)",
                out.display()
            ),
            Misuse::WarningsWithoutDeny { flag } => format!(
                "\"warnings\" goes with --deny only (--deny warnings); {flag} takes a rule name"
            ),
            Misuse::UnknownRule {
                name,
                flag,
                closest,
            } => {
                let hint = closest
                    .as_ref()
                    .map(|c| format!(" (did you mean \"{c}\"?)"))
                    .unwrap_or_default();
                format!("unknown rule \"{name}\" in {flag}{hint}; `actormap rules` lists them")
            }
        }
    }

    fn os_error(&self, error: &OsError) -> String {
        error.text.clone()
    }

    fn io_failed(&self, error: &OsError) -> String {
        format!("input/output failed: {}", self.os_error(error))
    }
}
