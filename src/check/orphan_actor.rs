//! `orphan-actor`: an actor that nothing names: no link, action, body or perimeter. An actor
//! that carries an action or sits on a body is on the committee's map (its own map lists the
//! action, the governance names it): it is not reported. The message names what the territory
//! keeps and the actor is absent from: links, then actions and bodies when there are some.

use super::message::{Doc, Hint, Message};
use super::{Context, Finding, Rule, Severity};
use crate::model::Territory;

pub static RULE: Rule = Rule {
    name: "orphan-actor",
    severity: Severity::Warning,
    doc: Doc::OrphanActor,
    params: &[],
    check,
};

fn check(cx: &Context, territory: &Territory) -> Vec<Finding> {
    let used = |id: &str| cx.facts.is_used(id);
    territory
        .actors()
        .iter()
        .filter(|a| !used(&a.id))
        .filter(|a| {
            !cx.facts
                .groups_containing(&a.id)
                .iter()
                .any(|g| used(&g.id))
        })
        .map(|actor| {
            let mut f = cx.finding(Message::OrphanActor {
                actor: actor.name.clone(),
                actions: !territory.actions().is_empty(),
                bodies: !territory.bodies().is_empty(),
            });
            f.actors.push(actor.id.clone());
            f.location = Some(actor.origin.clone());
            f.hint = Some(Hint::LinkOrRemove);
            f
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{messages_of, territory};

    #[test]
    fn members_of_a_linked_group_are_not_orphans() {
        let t = territory(
            r#"{
            "domains": [{"id": "D1", "name": "Tout"}],
            "objectives": [{"id": "a", "domain": "D1", "title": "A"}],
            "actors": [
                {"name": "GCT&M"}, {"name": "CCRA"}, {"name": "CD2E"},
                {"name": "Les 3 EPCI", "members": ["GCT&M", "CCRA"]},
                {"name": "Unused group", "members": ["CD2E"]}
            ],
            "links": [{"actor": "Les 3 EPCI", "objective": "a", "role": "chef de file"}]
        }"#,
        );
        let messages: Vec<String> = messages_of(&RULE, &t);
        assert_eq!(
            messages,
            [
                "actor \"CD2E\" is in no link",
                "actor \"Unused group\" is in no link"
            ]
        );
    }

    #[test]
    fn an_actor_that_carries_an_action_or_sits_on_a_body_is_not_an_orphan() {
        let t = territory(
            r#"{
            "domains": [{"id": "D1", "name": "Tout"}],
            "objectives": [{"id": "a", "domain": "D1", "title": "A"}],
            "actors": [
                {"name": "ADEME"}, {"name": "CD2E"}, {"name": "FDE62"}, {"name": "SITAC"},
                {"name": "Réseau", "members": ["SITAC"]}
            ],
            "links": [{"actor": "ADEME", "objective": "a", "role": "financeur"}],
            "actions": [{"objective": "a", "title": "Cadastre", "bearers": "CD2E"}],
            "bodies": [{"name": "COTECH", "members": "Réseau"}]
        }"#,
        );
        // CD2E carries an action, SITAC sits on the COTECH through its group: only FDE62 is
        // named nowhere, and the message says what was looked through.
        assert_eq!(
            messages_of(&RULE, &t),
            ["actor \"FDE62\" is in no link, carries no action and sits on no body"]
        );
    }
}
