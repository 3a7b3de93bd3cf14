//! `list` in English: the territory's heading, domains and objectives, the columns of the
//! table.

use super::English;
use crate::i18n::Language;
use crate::list::{Line, Reached, Words};

impl Words for English {
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
                        self.count(*n as usize, "inhabitant", "inhabitants")
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
                self.count(*domains, "domain", "domains"),
                self.count(*objectives, "objective", "objectives"),
                self.count(*actors, "actor", "actors"),
                self.count(*links, "link", "links")
            ),
            Line::Headline(text) => format!("headline: {text}"),
            Line::Related(ids) => format!("related: {}", ids.join(", ")),
            Line::Objective {
                id,
                title,
                priority,
                contractual,
            } => {
                let flags: Vec<&str> = [(*priority, "priority"), (*contractual, "contractual")]
                    .into_iter()
                    .filter_map(|(on, flag)| on.then_some(flag))
                    .collect();
                let mut line = format!("{id}: {title}");
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
                    Reached::Unknown => "unknown".to_owned(),
                    Reached::Undated(v) => format!("{}{unit}", self.number(*v)),
                    Reached::Measured(v, date) => {
                        format!("{}{unit} on {}", self.number(*v), self.date(*date))
                    }
                };
                format!(
                    "target value: {}{unit}, reached: {reached}",
                    self.number(*target)
                )
            }
        }
    }

    fn list_notes(&self, notes: &[&str]) -> String {
        notes.join("; ")
    }

    fn list_sheet(&self) -> (&'static str, [&'static str; 13]) {
        (
            "Actors and roles",
            [
                "Domain",
                "Objective",
                "Title",
                "Priority",
                "Contractual",
                "Target",
                "Unit",
                "Value",
                "Date of the value",
                "Role",
                "Actor",
                "Means",
                "Note",
            ],
        )
    }

    fn list_workbook(&self) -> &'static str {
        "actors-roles.xlsx"
    }
}
