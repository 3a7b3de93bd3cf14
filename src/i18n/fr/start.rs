//! Où actormap commence en français : l'exemple intégré quand il n'y a pas de territoire ici.

use super::{French, NB};
use crate::start::{Said, Words};

impl Words for French {
    fn start_line(&self, said: &Said) -> String {
        match said {
            Said::Example(name) => format!("aucun territoire ici{NB}: exemple intégré, {name}"),
            Said::NothingToWatch => format!(
                "aucun territoire ici à surveiller{NB}: l'exemple intégré ne change pas{NB}; donnez un dossier (actormap watch mon-territoire) ou créez-en un avec actormap init"
            ),
            Said::Empty(source) => format!(
                "territoire vide{NB}: {source} ne contient encore ni domaine, ni objectif, ni acteur{NB}; remplissez les feuilles Domaines, Objectifs, Acteurs et Liens (ou les fichiers domaines.csv, objectifs.csv, acteurs.csv et liens.csv), puis relancez"
            ),
            Said::Exists(path) => format!(
                "{} existe déjà{NB}: actormap init n'écrit jamais sur un fichier{NB}; donnez un autre dossier (actormap init mon-territoire) ou renommez ce fichier",
                path.display()
            ),
        }
    }
}
