//! The `index.html` page in English: its headings, the columns of its tables, its tools.

use super::English;
use crate::report::{Label, Listed, ReportWords};

impl ReportWords for English {
    fn report_label(&self, label: Label) -> &'static str {
        match label {
            Label::Report => "report",
            Label::SkipToContent => "Skip to content",
            Label::Contents => "Contents",
            Label::Programme => "Programme and funding",
            Label::Progress => "Progress",
            Label::Findings => "Findings",
            Label::NoFindings => "No findings.",
            Label::Hint => "hint",
            Label::Domains => "Actor maps",
            Label::Objectives => "Objectives",
            Label::Objective => "Objective",
            Label::Target => "Target",
            Label::Lead => "Lead",
            Label::Value => "Value",
            Label::Standing => "Standing",
            Label::Means => "Means",
            Label::NoLead => "none",
            Label::Matrix => "Actor × objective matrix",
            Label::Actors => "Actors",
            Label::NoRole => "no role",
            Label::Search => "Find an actor",
            Label::SearchPlaceholder => "name or acronym",
            Label::NoMatch => "no actor found",
            Label::RoleFilter => "Role",
            Label::AllRoles => "all roles",
            Label::Panel => "The actor's roles",
            Label::Close => "Close",
            Label::MadeBy => "Page made by actormap",
        }
    }

    fn map_page(&self, page: usize, of: usize) -> String {
        format!("map {page} of {of}")
    }

    fn left_out(&self, list: Listed, n: usize) -> String {
        let (one, many, table) = match list {
            Listed::Objectives => ("objective", "objectives", "the progress table"),
            Listed::Findings => ("finding", "findings", "the findings table"),
            Listed::Actors => ("actor", "actors", "the roles table"),
        };
        let others = if n > 1 { many } else { one };
        format!(
            "+\u{a0}{}\u{a0}more {others}, all in {table}:",
            crate::i18n::Language::number(self, n as f64)
        )
    }
}
