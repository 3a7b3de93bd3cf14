//! The `index.html` page in English: its headings, the columns of its tables, its tools.

use super::English;
use crate::report::{Label, ReportWords};

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
}
