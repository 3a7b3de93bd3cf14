//! `list` en français : l'en-tête du territoire, les domaines et les objectifs, les colonnes
//! du tableau.

use super::{French, NB};
use crate::i18n::Language;
use crate::list::{Line, Reached, Words};

impl Words for French {
    fn list_line(&self, line: &Line) -> String {
        match line {
            Line::Heading {
                territory,
                programme,
                dates,
                population,
            } => {
                let mut h = territory.clone();
                if let Some(p) = programme {
                    h.push_str(&format!(", {p}"));
                    if let Some((start, end)) = dates {
                        h.push_str(&format!(" ({})", self.period(*start, *end)));
                    }
                }
                if let Some(n) = population {
                    h.push_str(&format!(
                        ", {}",
                        self.count(*n as usize, "habitant", "habitants")
                    ));
                }
                h
            }
            Line::Counts {
                domains,
                objectives,
                actors,
                links,
            } => format!(
                "{}, {}, {}, {}",
                self.count(*domains, "domaine", "domaines"),
                self.count(*objectives, "objectif", "objectifs"),
                self.count(*actors, "acteur", "acteurs"),
                self.count(*links, "lien", "liens")
            ),
            Line::Headline(text) => format!("accroche{NB}: {text}"),
            Line::Related(ids) => format!("domaines liés{NB}: {}", ids.join(", ")),
            Line::Objective {
                id,
                title,
                priority,
                contractual,
            } => {
                let flags: Vec<&str> = [(*priority, "prioritaire"), (*contractual, "contractuel")]
                    .into_iter()
                    .filter_map(|(on, flag)| on.then_some(flag))
                    .collect();
                let mut line = format!("{id}{NB}: {title}");
                if !flags.is_empty() {
                    line.push_str(&format!(" [{}]", flags.join(", ")));
                }
                line
            }
            Line::Target {
                target,
                unit,
                reached,
            } => {
                let unit = unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
                let reached = match reached {
                    Reached::Unknown => "inconnu".to_owned(),
                    Reached::Undated(v) => format!("{}{unit}", self.number(*v)),
                    Reached::Measured(v, date) => {
                        format!("{}{unit} au {}", self.number(*v), self.date(*date))
                    }
                };
                format!(
                    "cible{NB}: {}{unit}, réalisé{NB}: {reached}",
                    self.number(*target)
                )
            }
        }
    }

    fn list_notes(&self, notes: &[&str]) -> String {
        notes.join(&format!("{NB}; "))
    }

    fn list_sheet(&self) -> (&'static str, [&'static str; 13]) {
        (
            "Acteurs et rôles",
            [
                "Domaine",
                "Objectif",
                "Titre",
                "Prioritaire",
                "Contractuel",
                "Cible",
                "Unité",
                "Valeur",
                "Date de la valeur",
                "Rôle",
                "Acteur",
                "Moyens",
                "Note",
            ],
        )
    }

    fn list_workbook(&self) -> &'static str {
        "acteurs-roles.xlsx"
    }
}
