//! `single-funder`: an objective that depends on one funder only.

use super::message::{Doc, Hint, Message, Subject};
use super::{Context, Finding, Rule, Severity};
use crate::model::{Role, Territory};

pub static RULE: Rule = Rule {
    name: "single-funder",
    severity: Severity::Info,
    doc: Doc::SingleFunder,
    params: &[],
    check,
};

fn check(cx: &Context, territory: &Territory) -> Vec<Finding> {
    let mut findings = Vec::new();
    for objective in territory.objectives() {
        let funders = cx.facts.in_role(objective, Role::Funder);
        let bodies = cx.facts.bodies(&funders);
        let [body] = bodies.as_slice() else {
            continue;
        };
        let through = match funders.as_slice() {
            [group] if group.id != body.id => Some(group.name.clone()),
            _ => None,
        };
        let mut f = cx.finding(Message::SingleFunder {
            objective: Subject::objective(objective),
            funder: body.name.clone(),
            through,
        });
        f.objectives.push(objective.id.clone());
        f.actors = funders.iter().map(|a| a.id.clone()).collect();
        if !f.actors.contains(&body.id) {
            f.actors.push(body.id.clone());
        }
        f.location = Some(objective.origin.clone());
        f.hint = Some(Hint::FindASecondFunder);
        findings.push(f);
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{messages_of, territory};

    #[test]
    fn one_body_is_reported_and_a_group_counts_as_its_members() {
        let t = territory(
            r#"{
            "domains": [{"id": "D1", "name": "Déchets"}],
            "objectives": [
                {"id": "regal", "domain": "D1", "title": "REGAL"},
                {"id": "group", "domain": "D1", "title": "Funded by a group"},
                {"id": "lonely", "domain": "D1", "title": "Funded by a group of one"},
                {"id": "none", "domain": "D1", "title": "Not funded"}
            ],
            "actors": [
                {"name": "ADEME"}, {"name": "CCRA"}, {"name": "CCPO"},
                {"name": "EPCI", "members": ["CCRA", "CCPO"]},
                {"name": "Solo", "members": ["CCRA"]}
            ],
            "links": [
                {"actor": "ADEME", "objective": "regal", "role": "financeur"},
                {"actor": "EPCI", "objective": "group", "role": "financeur"},
                {"actor": "Solo", "objective": "lonely", "role": "financeur"},
                {"actor": "CCRA", "objective": "lonely", "role": "financeur"}
            ]
        }"#,
        );
        let messages: Vec<String> = messages_of(&RULE, &t);
        assert_eq!(
            messages,
            [
                "objective regal \"REGAL\" depends on one funder only: ADEME",
                "objective lonely \"Funded by a group of one\" depends on one funder only: CCRA",
            ]
        );
    }
}
