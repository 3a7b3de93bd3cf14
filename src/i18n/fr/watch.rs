//! `watch` en français, et la ligne de chaque fichier écrit (`build`, `render`, `export`...).

use std::path::Path;

use super::{French, NB};
use crate::i18n::Language;
use crate::watch::{Said, Words};

impl Words for French {
    fn watch_line(&self, said: &Said) -> String {
        match said {
            Said::Watching(path) => format!(
                "surveillance de {}{NB}: chaque enregistrement relance la construction (Ctrl-C pour arrêter)",
                path.display()
            ),
            Said::Changed(names) => {
                let changed = if names.len() == 1 {
                    "modifié"
                } else {
                    "modifiés"
                };
                format!("{} {changed}{NB}: reconstruction", names.join(", "))
            }
            Said::Resolved(sentence) => format!("résolu{NB}: {sentence}"),
            Said::Appeared(sentence) => format!("apparu{NB}: {sentence}"),
            Said::Rebuilt {
                resolved,
                appeared,
                changed,
            } => format!(
                "reconstruit{NB}: {}, {}, {}",
                self.count(*resolved, "constat résolu", "constats résolus"),
                self.count(*appeared, "apparu", "apparus"),
                self.count(*changed, "fichier modifié", "fichiers modifiés")
            ),
            Said::NotRebuilt => format!(
                "non reconstruit{NB}: les cartes de la dernière construction réussie restent en place{NB}; en attente du prochain enregistrement"
            ),
            Said::NotBuilt => {
                format!("non construit{NB}; en attente du prochain enregistrement")
            }
            Said::Stopped(path) => format!("fin de la surveillance de {}", path.display()),
            Said::Trouble { folder, reason } => format!(
                "avertissement{NB}: surveillance de {}{NB}: {reason}",
                folder.display()
            ),
        }
    }

    fn wrote(&self, path: &Path) -> String {
        format!("écrit{NB}: {}", path.display())
    }

    fn unchanged(&self, path: &Path) -> String {
        format!("inchangé{NB}: {}", path.display())
    }

    fn removed(&self, path: &Path) -> String {
        format!("supprimé{NB}: {} (n'est plus produit)", path.display())
    }
}
