//! `list` en français : l'en-tête du territoire, les domaines et les objectifs, les colonnes
//! du tableau.

use super::{French, NB};
use crate::i18n::Language;
use crate::list::{Line, Reached, Sheet, Words};
use crate::model::RoleWords;

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
                actions,
                bodies,
            } => {
                let mut counts = format!(
                    "{}, {}, {}, {}",
                    self.count(*domains, "domaine", "domaines"),
                    self.count(*objectives, "objectif", "objectifs"),
                    self.count(*actors, "acteur", "acteurs"),
                    self.count(*links, "lien", "liens")
                );
                for (n, (one, many)) in [
                    (*actions, ("action", "actions")),
                    (*bodies, ("instance", "instances")),
                ] {
                    if n > 0 {
                        counts.push_str(&format!(", {}", self.count(n, one, many)));
                    }
                }
                counts
            }
            Line::Perimeter(members) => format!("périmètre{NB}: {}", members.join(", ")),
            Line::Context => format!("état des lieux{NB}:"),
            Line::Scope { all, members } => {
                let members = members.join(", ");
                if *all {
                    format!("périmètre{NB}: tout ({members})")
                } else {
                    format!("périmètre{NB}: {members}")
                }
            }
            Line::Coverage { covered, missing } => {
                let covered: Vec<String> = (covered.iter())
                    .map(|(member, actions)| format!("{member} ({})", actions.join(", ")))
                    .collect();
                let mut line = if covered.is_empty() {
                    format!("couverture{NB}: aucune")
                } else {
                    format!("couverture{NB}: {}", covered.join(", "))
                };
                if !missing.is_empty() {
                    line.push_str(&format!(
                        "{NB}; reste à couvrir{NB}: {}",
                        missing.join(", ")
                    ));
                }
                line
            }
            Line::Actions { whole_domain } => {
                if *whole_domain {
                    format!("actions du domaine entier{NB}:")
                } else {
                    format!("actions{NB}:")
                }
            }
            Line::Action(a) => {
                let bearers = if a.bearers.is_empty() {
                    "sans porteur".to_owned()
                } else {
                    a.bearers.join(", ")
                };
                let mut parts = vec![bearers, self.action_status(a.status).to_owned()];
                if let Some(origin) = &a.origin {
                    parts.push(format!("origine{NB}: {origin}"));
                }
                if !a.perimeter.is_empty() {
                    parts.push(format!("périmètre{NB}: {}", a.perimeter.join(", ")));
                }
                match (a.start, a.end) {
                    (Some(start), Some(end)) => parts.push(self.period(start, end)),
                    (Some(start), None) => parts.push(format!("à partir du {}", self.date(start))),
                    (None, Some(end)) => parts.push(format!("jusqu'au {}", self.date(end))),
                    (None, None) => {}
                }
                if let Some(budget) = a.budget {
                    parts.push(format!("budget{NB}: {}", self.euros(budget)));
                }
                let mut line = format!("{}{NB}: {}", a.title, parts.join(&format!("{NB}; ")));
                if let Some(note) = &a.note {
                    line.push_str(&format!(" [{note}]"));
                }
                line
            }
            Line::Governance => "gouvernance".to_owned(),
            Line::Body {
                name,
                kind,
                chair,
                members,
                parent,
                note,
            } => {
                let mut line = name.clone();
                if let Some(kind) = kind {
                    line.push_str(&format!(" ({kind})"));
                }
                let mut parts = Vec::new();
                if let Some(chair) = chair {
                    parts.push(format!("animateur{NB}: {chair}"));
                }
                if !members.is_empty() {
                    parts.push(format!("membres{NB}: {}", members.join(", ")));
                }
                if let Some(parent) = parent {
                    parts.push(format!("rend compte à{NB}: {parent}"));
                }
                if !parts.is_empty() {
                    line.push_str(&format!("{NB}: {}", parts.join(&format!("{NB}; "))));
                }
                if let Some(note) = note {
                    line.push_str(&format!(" [{note}]"));
                }
                line
            }
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

    fn list_actions_sheet(&self) -> (&'static str, [&'static str; 11]) {
        (
            "Actions",
            [
                "Domaine",
                "Objectif",
                "Action",
                "Porteurs",
                "État",
                "Origine",
                "Périmètre",
                "Début",
                "Fin",
                "Budget (€)",
                "Note",
            ],
        )
    }

    fn list_bodies_sheet(&self) -> (&'static str, [&'static str; 6]) {
        (
            "Instances",
            [
                "Instance",
                "Type",
                "Animateur",
                "Membres",
                "Rend compte à",
                "Note",
            ],
        )
    }

    fn list_workbook(&self, sheet: Option<Sheet>) -> &'static str {
        match sheet {
            None | Some(Sheet::Roles) => "acteurs-roles.xlsx",
            Some(Sheet::Actions) => "actions-porteurs.xlsx",
            Some(Sheet::Bodies) => "instances-gouvernance.xlsx",
        }
    }

    fn list_table_needs_a_table_format(&self) -> &'static str {
        "--table choisit un tableau de --format csv ou xlsx\u{a0}; le texte liste déjà tout"
    }
}
