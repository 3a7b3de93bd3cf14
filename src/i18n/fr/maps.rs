//! `render`, `build` et `export` en français : ce qu'on leur a demandé de travers (un
//! identifiant inconnu, une taille qui n'en est pas une, rien à dessiner).

use super::{French, NB};
use crate::i18n::Language;
use crate::layout::SizeError;
use crate::maps::{Usage, UsageWords, Wanted};

/// `domaine`, `objectif`, `acteur`; `plural` for "plusieurs domaines".
fn noun(kind: Wanted, plural: bool) -> &'static str {
    match (kind, plural) {
        (Wanted::Domain, false) => "domaine",
        (Wanted::Domain, true) => "domaines",
        (Wanted::Objective, false) => "objectif",
        (Wanted::Objective, true) => "objectifs",
        (Wanted::Actor, false) => "acteur",
        (Wanted::Actor, true) => "acteurs",
    }
}

impl UsageWords for French {
    fn usage(&self, usage: &Usage) -> String {
        match usage {
            Usage::Unknown {
                kind,
                wanted,
                closest: Some(closest),
                ..
            } => format!(
                "aucun {} {}{NB}; vouliez-vous dire {}{NB}?",
                noun(*kind, false),
                self.quote(wanted),
                self.quote(closest)
            ),
            Usage::Unknown {
                kind,
                wanted,
                closest: None,
                known,
            } => format!(
                "aucun {} {}{NB}; {} connus{NB}: {}",
                noun(*kind, false),
                self.quote(wanted),
                noun(*kind, true),
                known.join(", ")
            ),
            Usage::Ambiguous { kind, wanted, ids } => format!(
                "{} désigne plusieurs {} ({}){NB}; donnez un identifiant",
                self.quote(wanted),
                noun(*kind, true),
                ids.join(", ")
            ),
            Usage::NothingToRender => format!(
                "rien à dessiner{NB}; donnez --domain ID, --objective ID, --actor ID, --overview, --matrix, --status ou --all"
            ),
            Usage::Size(e) => format!("--size {}", self.size(e)),
            Usage::OutIsAFolder { out, example } => format!(
                "--out {out} est un dossier{NB}; donnez un nom de fichier, par exemple {example}"
            ),
            Usage::OutNamesNoFile { out } => format!("--out {out} ne nomme aucun fichier"),
            Usage::NoBodies => format!(
                "aucune instance de gouvernance (instances.csv){NB}; rien à dessiner pour --governance"
            ),
            Usage::NoLinks => format!(
                "aucun domaine ne nomme de lien vers un autre (colonne liens de domains.csv){NB}; rien à dessiner pour --links"
            ),
            Usage::NotPlaced { what, why } => {
                format!("{what}{NB}: layout-rs n'a pas pu disposer le graphe ({why})")
            }
        }
    }

    fn size(&self, e: &SizeError) -> String {
        match e {
            SizeError::NotASize(text) => format!(
                "{} n'est pas une taille{NB}; attendu LARGEURxHAUTEUR, par exemple 1920x1080",
                self.quote(text)
            ),
            SizeError::OutOfRange { text, min, max } => format!(
                "{}{NB}: chaque côté doit mesurer entre {} et {} pixels",
                self.quote(text),
                self.number(f64::from(*min)),
                self.number(f64::from(*max))
            ),
        }
    }
}
