//! `priority-unfunded`: a priority objective no one funds.

use super::message::{Doc, Hint, Message, Subject};
use super::{Context, Finding, Rule, Severity};
use crate::model::{Role, Territory};

pub static RULE: Rule = Rule {
    name: "priority-unfunded",
    severity: Severity::Error,
    doc: Doc::PriorityUnfunded,
    params: &[],
    check,
};

fn check(cx: &Context, territory: &Territory) -> Vec<Finding> {
    territory
        .objectives()
        .iter()
        .filter(|o| o.priority && cx.facts.in_role(o, Role::Funder).is_empty())
        .map(|objective| {
            let mut f = cx.finding(Message::PriorityUnfunded {
                objective: Subject::objective(objective),
            });
            f.objectives.push(objective.id.clone());
            f.roles.push(Role::Funder);
            f.location = Some(objective.origin.clone());
            f.hint = Some(Hint::NameAFunder);
            f
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{findings_of, territory};

    #[test]
    fn only_unfunded_priority_objectives_are_reported() {
        let t = territory(
            r#"{
            "domains": [{"id": "D1", "name": "ENR"}],
            "objectives": [
                {"id": "cot-enr", "domain": "D1", "title": "COT ENR", "priority": "oui"},
                {"id": "epe", "domain": "D1", "title": "EPE", "priority": "oui"},
                {"id": "cadastre", "domain": "D1", "title": "Cadastre solaire", "priority": "non"}
            ],
            "actors": [{"name": "ADEME"}, {"name": "GCT&M"}, {"name": "EPCI", "members": ["GCT&M"]}],
            "links": [
                {"actor": "EPCI", "objective": "epe", "role": "financeur"},
                {"actor": "ADEME", "objective": "cot-enr", "role": "accompagnateur"}
            ]
        }"#,
        );
        let f = findings_of(&RULE, &t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].message.render(crate::i18n::Lang::En),
            "priority objective cot-enr \"COT ENR\" has no funder"
        );
        assert_eq!(f[0].objectives, ["cot-enr"]);
    }
}
