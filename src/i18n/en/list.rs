//! `list` in English: the territory's heading, domains and objectives, the columns of the
//! table.

use super::English;
use crate::i18n::Language;
use crate::list::{Line, Reached, Sheet, Words};
use crate::model::RoleWords;

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
                actions,
                bodies,
            } => {
                let mut counts = format!(
                    "{}, {}, {}, {}",
                    self.count(*domains, "domain", "domains"),
                    self.count(*objectives, "objective", "objectives"),
                    self.count(*actors, "actor", "actors"),
                    self.count(*links, "link", "links")
                );
                for (n, (one, many)) in [
                    (*actions, ("action", "actions")),
                    (*bodies, ("body", "bodies")),
                ] {
                    if n > 0 {
                        counts.push_str(&format!(", {}", self.count(n, one, many)));
                    }
                }
                counts
            }
            Line::Perimeter(members) => format!("perimeter: {}", members.join(", ")),
            Line::Context => "context:".to_owned(),
            Line::Scope { all, members } => {
                let members = members.join(", ");
                if *all {
                    format!("scope: all ({members})")
                } else {
                    format!("scope: {members}")
                }
            }
            Line::Coverage { covered, missing } => {
                let covered: Vec<String> = (covered.iter())
                    .map(|(member, actions)| format!("{member} ({})", actions.join(", ")))
                    .collect();
                let mut line = if covered.is_empty() {
                    "coverage: none".to_owned()
                } else {
                    format!("coverage: {}", covered.join(", "))
                };
                if !missing.is_empty() {
                    line.push_str(&format!("; not covered: {}", missing.join(", ")));
                }
                line
            }
            Line::Actions { whole_domain } => {
                if *whole_domain {
                    "actions of the whole domain:".to_owned()
                } else {
                    "actions:".to_owned()
                }
            }
            Line::Action(a) => {
                let bearers = if a.bearers.is_empty() {
                    "no bearer".to_owned()
                } else {
                    a.bearers.join(", ")
                };
                let mut parts = vec![bearers, self.action_status(a.status).to_owned()];
                if let Some(origin) = &a.origin {
                    parts.push(format!("origin: {origin}"));
                }
                if !a.perimeter.is_empty() {
                    parts.push(format!("perimeter: {}", a.perimeter.join(", ")));
                }
                match (a.start, a.end) {
                    (Some(start), Some(end)) => parts.push(self.period(start, end)),
                    (Some(start), None) => parts.push(format!("from {}", self.date(start))),
                    (None, Some(end)) => parts.push(format!("until {}", self.date(end))),
                    (None, None) => {}
                }
                if let Some(budget) = a.budget {
                    parts.push(format!("budget: {}", self.euros(budget)));
                }
                let mut line = format!("{}: {}", a.title, parts.join("; "));
                if let Some(note) = &a.note {
                    line.push_str(&format!(" [{note}]"));
                }
                line
            }
            Line::Governance => "governance".to_owned(),
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
                    parts.push(format!("chair: {chair}"));
                }
                if !members.is_empty() {
                    parts.push(format!("members: {}", members.join(", ")));
                }
                if let Some(parent) = parent {
                    parts.push(format!("reports to: {parent}"));
                }
                if !parts.is_empty() {
                    line.push_str(&format!(": {}", parts.join("; ")));
                }
                if let Some(note) = note {
                    line.push_str(&format!(" [{note}]"));
                }
                line
            }
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

    fn list_actions_sheet(&self) -> (&'static str, [&'static str; 11]) {
        (
            "Actions",
            [
                "Domain",
                "Objective",
                "Action",
                "Bearers",
                "Status",
                "Origin",
                "Perimeter",
                "Start",
                "End",
                "Budget (€)",
                "Note",
            ],
        )
    }

    fn list_bodies_sheet(&self) -> (&'static str, [&'static str; 6]) {
        (
            "Bodies",
            ["Body", "Kind", "Chair", "Members", "Reports to", "Note"],
        )
    }

    fn list_workbook(&self, sheet: Option<Sheet>) -> &'static str {
        match sheet {
            None | Some(Sheet::Roles) => "actors-roles.xlsx",
            Some(Sheet::Actions) => "actions-bearers.xlsx",
            Some(Sheet::Bodies) => "governance-bodies.xlsx",
        }
    }

    fn list_table_needs_a_table_format(&self) -> &'static str {
        "--table picks a table of --format csv or xlsx; the text already lists everything"
    }
}
