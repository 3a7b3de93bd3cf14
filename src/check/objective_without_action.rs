//! `objective-without-action`: an objective no action aims at, once the territory lists
//! actions at all.

use super::message::{Doc, Hint, Message, Subject};
use super::{Context, Finding, Rule, Severity};
use crate::model::Territory;

pub static RULE: Rule = Rule {
    name: "objective-without-action",
    severity: Severity::Info,
    doc: Doc::ObjectiveWithoutAction,
    params: &[],
    check,
};

fn check(cx: &Context, territory: &Territory) -> Vec<Finding> {
    // A territory that keeps no actions is not told that each objective has none.
    if territory.actions().is_empty() {
        return Vec::new();
    }
    let mut findings = Vec::new();
    for objective in territory.objectives() {
        if !territory.actions_of(&objective.id).is_empty() {
            continue;
        }
        let mut f = cx.finding(Message::ObjectiveWithoutAction {
            objective: Subject::objective(objective),
        });
        f.hint = Some(Hint::AddAnAction);
        f.objectives.push(objective.id.clone());
        f.location = Some(objective.origin.clone());
        findings.push(f);
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{messages_of, territory};

    const T: &str = r#"{
        "domains": [{"id": "DC1", "name": "Bâtiment"}, {"id": "DC2", "name": "Mobilité"}],
        "objectives": [
            {"id": "renovation", "domain": "DC1", "title": "Rénovations"},
            {"id": "velo", "domain": "DC2", "title": "Vélo"}
        ],
        "actors": [],
        "links": []
        ACTIONS
    }"#;

    #[test]
    fn objectives_without_actions_once_there_are_actions() {
        let t = territory(&T.replace(
            "ACTIONS",
            r#", "actions": [
                {"objective": "renovation", "title": "Guichet unique"},
                {"objective": "DC2", "title": "Schéma cyclable du domaine"}
            ]"#,
        ));
        assert_eq!(
            messages_of(&RULE, &t),
            ["objective velo \"Vélo\" has no action in the actions table"]
        );
        // No actions table: nothing to say.
        let t = territory(&T.replace("ACTIONS", ""));
        assert!(messages_of(&RULE, &t).is_empty());
    }
}
