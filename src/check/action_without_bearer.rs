//! `action-without-bearer`: an action nobody carries.

use super::message::{Doc, Hint, Message, Serves};
use super::{Context, Finding, Rule, Severity};
use crate::model::{ActionStatus, Scope, Territory};

pub static RULE: Rule = Rule {
    name: "action-without-bearer",
    severity: Severity::Warning,
    doc: Doc::ActionWithoutBearer,
    params: &[],
    check,
};

fn check(cx: &Context, territory: &Territory) -> Vec<Finding> {
    let mut findings = Vec::new();
    for action in territory.actions() {
        if !action.bearers.is_empty() || action.status == ActionStatus::Dropped {
            continue;
        }
        let serves = match &action.scope {
            Scope::Objective(id) => Serves::Objective(id.to_string()),
            Scope::Domain(id) => Serves::Domain(id.to_string()),
        };
        let mut f = cx.finding(Message::ActionWithoutBearer {
            action: action.title.clone(),
            serves,
        });
        match &action.scope {
            Scope::Objective(id) => f.objectives.push(id.to_string()),
            Scope::Domain(id) => f.domains.push(id.to_string()),
        }
        f.hint = Some(Hint::NameABearer);
        f.location = Some(action.origin.clone());
        findings.push(f);
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{messages_of, territory};

    #[test]
    fn actions_without_bearers_are_reported_but_dropped_ones() {
        let t = territory(
            r#"{
            "domains": [{"id": "DC3", "name": "Économie circulaire"}],
            "objectives": [{"id": "regal", "domain": "DC3", "title": "REGAL"}],
            "actors": [{"name": "GCT&M"}],
            "links": [],
            "actions": [
                {"objective": "regal", "title": "Assises de l'alimentation", "bearers": "GCT&M"},
                {"objective": "regal", "title": "Ateliers"},
                {"objective": "DC3", "title": "Filière textile", "status": "en cours"},
                {"objective": "regal", "title": "Idée écartée", "status": "abandonnée"}
            ]
        }"#,
        );
        assert_eq!(
            messages_of(&RULE, &t),
            [
                "action \"Ateliers\" (objective regal) has no bearer",
                "action \"Filière textile\" (domain DC3) has no bearer",
            ]
        );
    }
}
