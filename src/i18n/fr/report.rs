//! La page `index.html` en français : ses titres, les colonnes de ses tableaux, ses outils.

use super::French;
use crate::report::{Label, Listed, ReportWords};

impl ReportWords for French {
    fn report_label(&self, label: Label) -> &'static str {
        match label {
            Label::Report => "rapport",
            Label::SkipToContent => "Aller au contenu",
            Label::Contents => "Sommaire",
            Label::Programme => "Programme et financement",
            Label::Progress => "Avancement",
            Label::Findings => "Constats",
            Label::NoFindings => "Aucun constat.",
            Label::Hint => "conseil",
            Label::Domains => "Cartographie des acteurs",
            Label::Objectives => "Objectifs",
            Label::Objective => "Objectif",
            Label::Target => "Cible",
            Label::Lead => "Chef de file",
            Label::Value => "Valeur",
            Label::Standing => "Situation",
            Label::Means => "Moyens",
            Label::NoLead => "aucun",
            Label::Matrix => "Matrice acteurs × objectifs",
            Label::Actors => "Acteurs",
            Label::NoRole => "aucun rôle",
            Label::Search => "Rechercher un acteur",
            Label::SearchPlaceholder => "nom ou sigle",
            Label::NoMatch => "aucun acteur trouvé",
            Label::RoleFilter => "Rôle",
            Label::AllRoles => "tous les rôles",
            Label::Panel => "Rôles de l'acteur",
            Label::Close => "Fermer",
            Label::MadeBy => "Page produite par actormap",
        }
    }

    fn map_page(&self, page: usize, of: usize) -> String {
        format!("carte {page} sur {of}")
    }

    fn left_out(&self, list: Listed, n: usize) -> String {
        let (one, many, table) = match list {
            Listed::Objectives => (
                "autre objectif",
                "autres objectifs",
                "le tableau de l'avancement",
            ),
            Listed::Findings => (
                "autre constat",
                "autres constats",
                "le tableau des constats",
            ),
            Listed::Actors => ("autre acteur", "autres acteurs", "le tableau des rôles"),
        };
        let others = if n > 1 { many } else { one };
        format!(
            "+\u{a0}{}\u{a0}{others}, tous dans {table}\u{a0}:",
            crate::i18n::Language::number(self, n as f64)
        )
    }
}
