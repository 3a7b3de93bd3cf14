//! `dossier` in English: the deck's title, its pages' titles and columns, the decisions to
//! take.

use jiff::civil::Date;

use super::English;
use crate::dossier::{Column, Decision, Heading, Words};
use crate::i18n::Language;

impl Words for English {
    fn dossier_file_title(&self, territory: &str) -> String {
        format!("Steering committee pack: {territory}")
    }

    fn committee(&self, date: Option<Date>) -> String {
        match date {
            Some(date) => format!("Steering committee of {}", self.date(date)),
            None => "Steering committee".to_owned(),
        }
    }

    fn heading(&self, heading: Heading) -> &'static str {
        match heading {
            Heading::Objectives => "The contractual objectives",
            Heading::Decisions => "Decisions to take",
            Heading::Attention => "Points to watch",
            Heading::Changes => "What changed since the last committee",
        }
    }

    fn column(&self, column: Column) -> &'static str {
        match column {
            Column::Objective => "Objective",
            Column::Target => "Target",
            Column::Priority => "Priority",
            Column::Lead => "Lead",
            Column::Value => "Value",
            Column::Standing => "Standing",
            Column::Decision => "Decision to take",
            Column::Severity => "Severity",
            Column::Finding => "Finding",
            Column::Hint => "What to do",
            Column::Section => "Section",
            Column::Change => "Change",
        }
    }

    fn decision(&self, decision: &Decision) -> String {
        match decision {
            Decision::Lead { candidates } if candidates.is_empty() => "lead to be named".to_owned(),
            Decision::Lead { candidates } => {
                format!("lead to be named among {}", candidates.join(", "))
            }
            Decision::Funder => "funder to find for this priority objective".to_owned(),
        }
    }

    fn nothing(&self, heading: Heading) -> &'static str {
        match heading {
            Heading::Objectives => "No objective is listed yet.",
            Heading::Decisions => {
                "No decision pending: every objective has its lead and every priority its funder."
            }
            Heading::Attention => "No point to watch.",
            Heading::Changes => "Nothing changed since the last committee.",
        }
    }

    fn value_share(&self, value: &str, share: &str) -> String {
        format!("{value} ({share})")
    }

    fn finding_note(&self, severity: &str, message: &str) -> String {
        format!("{severity}: {message}")
    }

    fn more_notes(&self, n: usize) -> String {
        let more = if n > 1 {
            "more findings"
        } else {
            "more finding"
        };
        format!(
            "+ {} {more}; actormap check gives them all",
            self.number(n as f64)
        )
    }
}
