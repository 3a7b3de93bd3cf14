//! `watch` in English, and the line of every file written (`build`, `render`, `export`...).

use std::path::Path;

use super::English;
use crate::i18n::Language;
use crate::watch::{Said, Words};

impl Words for English {
    fn watch_line(&self, said: &Said) -> String {
        match said {
            Said::Watching(path) => format!(
                "watching {} for changes (Ctrl-C to stop)",
                path.display()
            ),
            Said::Changed(names) => format!("{} changed: rebuilding", names.join(", ")),
            Said::Resolved(sentence) => format!("resolved: {sentence}"),
            Said::Appeared(sentence) => format!("appeared: {sentence}"),
            Said::Rebuilt {
                resolved,
                appeared,
                changed,
            } => format!(
                "rebuilt: {} resolved, {} appeared, {} changed",
                self.count(*resolved, "finding", "findings"),
                self.number(*appeared as f64),
                self.count(*changed, "file", "files")
            ),
            Said::NotRebuilt => "not rebuilt: the maps of the last good build stay as they are; waiting for the next save".to_owned(),
            Said::NotBuilt => "not built; waiting for the next save".to_owned(),
            Said::Stopped(path) => format!("stopped watching {}", path.display()),
            Said::Trouble { folder, reason } => {
                format!("warning: watching {}: {reason}", folder.display())
            }
        }
    }

    fn wrote(&self, path: &Path) -> String {
        format!("wrote {}", path.display())
    }

    fn unchanged(&self, path: &Path) -> String {
        format!("unchanged {}", path.display())
    }

    fn removed(&self, path: &Path) -> String {
        format!("removed {} (this build no longer makes it)", path.display())
    }
}
