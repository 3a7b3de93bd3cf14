//! En français : une ligne de commande qui demande l'impossible, et ce que le système a
//! refusé (« accès refusé » plutôt que « Permission denied (os error 13) »).

use std::io::ErrorKind;

use super::{French, NB};
use crate::error::{Misuse, MisuseWords, OsError};
use crate::i18n::Language;
use crate::maps::{Usage, UsageWords};

impl MisuseWords for French {
    fn misuse(&self, misuse: &Misuse) -> String {
        match misuse {
            Misuse::UnknownCommand {
                wanted,
                closest: Some(closest),
                ..
            } => format!(
                "aucune commande {}{NB}; vouliez-vous dire {}{NB}?",
                self.quote(wanted),
                self.quote(closest)
            ),
            Misuse::UnknownCommand {
                wanted,
                closest: None,
                known,
            } => format!(
                "aucune commande {}{NB}; commandes connues{NB}: {}",
                self.quote(wanted),
                known.join(", ")
            ),
            Misuse::OutNotAFolder { path, is_file } => format!(
                "{} {} (--out nomme le dossier où les fichiers sont écrits)",
                path.display(),
                if *is_file {
                    "est un fichier, pas un dossier"
                } else {
                    "n'est pas un dossier"
                }
            ),
            Misuse::WorkbookToStdout { example } => format!(
                "un classeur ne s'écrit pas sur la sortie standard{NB}; donnez --out FICHIER (par exemple --out {example})"
            ),
            Misuse::Size(e) => self.usage(&Usage::Size(e.clone())),
            Misuse::CannotWatch { folder, reason } => format!(
                "impossible de surveiller {}{NB}: {reason}",
                folder.display()
            ),
            Misuse::TerritoryGone { territory } => format!(
                "{} a été déplacé ou supprimé{NB}; fin de la surveillance",
                territory.display()
            ),
            Misuse::CannotResolve { path, error } => {
                format!("{}{NB}: {}", path.display(), self.os_error(error))
            }
            Misuse::OutIsTerritory { out } => format!(
                "--out {} est le dossier du territoire{NB}: les cartes écrites là seraient prises pour des modifications{NB}; donnez un autre dossier (par exemple --out sorties)",
                out.display()
            ),
            Misuse::WarningsWithoutDeny { flag } => format!(
                "{} ne va qu'avec --deny (--deny warnings){NB}; {flag} prend le nom d'une règle",
                self.quote("warnings")
            ),
            Misuse::UnknownRule {
                name,
                flag,
                closest,
            } => {
                let hint = closest
                    .as_ref()
                    .map(|c| format!(" (vouliez-vous dire {}{NB}?)", self.quote(c)))
                    .unwrap_or_default();
                format!(
                    "aucune règle {} dans {flag}{hint}{NB}; `actormap rules` les liste",
                    self.quote(name)
                )
            }
        }
    }

    fn os_error(&self, error: &OsError) -> String {
        let words = match error.kind {
            ErrorKind::NotFound => "introuvable",
            ErrorKind::PermissionDenied => "accès refusé",
            ErrorKind::AlreadyExists => "existe déjà",
            ErrorKind::StorageFull => "disque plein",
            ErrorKind::QuotaExceeded => "quota de disque dépassé",
            ErrorKind::FileTooLarge => "fichier trop grand pour ce disque",
            ErrorKind::ReadOnlyFilesystem => "disque en lecture seule",
            ErrorKind::IsADirectory => "c'est un dossier",
            ErrorKind::NotADirectory => "un élément du chemin n'est pas un dossier",
            ErrorKind::DirectoryNotEmpty => "dossier non vide",
            ErrorKind::ResourceBusy => "fichier occupé par un autre programme",
            ErrorKind::CrossesDevices => "déplacement impossible d'un disque à l'autre",
            ErrorKind::InvalidFilename => "nom de fichier refusé par le système",
            ErrorKind::InvalidData => "contenu illisible",
            ErrorKind::UnexpectedEof => "fin de fichier inattendue",
            ErrorKind::WriteZero => "écriture interrompue",
            ErrorKind::Interrupted => "interrompu",
            ErrorKind::TimedOut => "délai dépassé",
            ErrorKind::BrokenPipe => "sortie fermée",
            ErrorKind::OutOfMemory => "mémoire insuffisante",
            ErrorKind::Unsupported => "opération non prise en charge par le système",
            // Kinds without words of ours: the system's own, marked as such.
            _ => return format!("erreur du système ({})", error.text),
        };
        words.to_owned()
    }

    fn io_failed(&self, error: &OsError) -> String {
        format!("échec d'entrée-sortie{NB}: {}", self.os_error(error))
    }
}
