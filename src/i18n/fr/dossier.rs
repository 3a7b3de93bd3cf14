//! `dossier` en français : le titre du dossier, les titres et colonnes de ses pages, les
//! décisions à prendre. Des mots simples pour des élus : « en bonne voie », pas une alarme.

use jiff::civil::Date;

use super::{French, NB};
use crate::dossier::{Column, Decision, Heading, Words};
use crate::i18n::Language;

impl Words for French {
    fn dossier_file_title(&self, territory: &str) -> String {
        format!("Dossier du comité de pilotage{NB}: {territory}")
    }

    fn committee(&self, date: Option<Date>) -> String {
        match date {
            Some(date) => format!("Comité de pilotage du {}", self.date(date)),
            None => "Comité de pilotage".to_owned(),
        }
    }

    fn heading(&self, heading: Heading) -> &'static str {
        match heading {
            Heading::Objectives => "Les objectifs contractuels",
            Heading::Decisions => "Décisions à prendre",
            Heading::Attention => "Points d'attention",
            Heading::Changes => "Ce qui a changé depuis le dernier COPIL",
        }
    }

    fn column(&self, column: Column) -> &'static str {
        match column {
            Column::Objective => "Objectif",
            Column::Target => "Cible",
            Column::Priority => "Priorité",
            Column::Lead => "Chef de file",
            Column::Value => "Valeur",
            Column::Standing => "Situation",
            Column::Decision => "Décision à prendre",
            Column::Severity => "Gravité",
            Column::Finding => "Constat",
            Column::Hint => "Que faire",
            Column::Section => "Rubrique",
            Column::Change => "Changement",
        }
    }

    fn decision(&self, decision: &Decision) -> String {
        match decision {
            Decision::Lead { candidates } if candidates.is_empty() => {
                "chef de file à désigner".to_owned()
            }
            Decision::Lead { candidates } => {
                format!("chef de file à désigner parmi {}", candidates.join(", "))
            }
            Decision::Funder => "financeur à trouver pour cet objectif prioritaire".to_owned(),
        }
    }

    fn nothing(&self, heading: Heading) -> &'static str {
        match heading {
            Heading::Objectives => "Aucun objectif n'est encore inscrit.",
            Heading::Decisions => {
                "Aucune décision en attente\u{a0}: chaque objectif a son chef de file et chaque priorité son financeur."
            }
            Heading::Attention => "Aucun point d'attention.",
            Heading::Changes => "Rien n'a changé depuis le dernier COPIL.",
        }
    }

    fn value_share(&self, value: &str, share: &str) -> String {
        format!("{value} ({share})")
    }

    fn finding_note(&self, severity: &str, message: &str) -> String {
        format!("{severity}{NB}: {message}")
    }

    fn more_notes(&self, n: usize) -> String {
        let others = if n > 1 {
            "autres constats"
        } else {
            "autre constat"
        };
        format!(
            "+{NB}{}{NB}{others}{NB}; actormap check les donne tous",
            self.number(n as f64)
        )
    }
}
