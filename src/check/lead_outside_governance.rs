//! `lead-outside-governance`: a lead or lead candidate that sits on no body of the
//! governance, once the territory lists bodies at all.

use super::message::{Doc, Hint, Message};
use super::{Context, Finding, Rule, Severity};
use crate::model::{Role, Territory};

pub static RULE: Rule = Rule {
    name: "lead-outside-governance",
    severity: Severity::Info,
    doc: Doc::LeadOutsideGovernance,
    params: &[],
    check,
};

fn check(cx: &Context, territory: &Territory) -> Vec<Finding> {
    // A territory that keeps no governance is not told that every lead sits nowhere.
    if territory.bodies().is_empty() {
        return Vec::new();
    }
    // Per actor, in file order: the objectives it leads, and those it is a candidate for.
    let mut roles: Vec<(Vec<String>, Vec<String>)> =
        vec![(Vec::new(), Vec::new()); territory.actors().len()];
    for objective in territory.objectives() {
        for (role, pick) in [(Role::Lead, 0), (Role::LeadCandidate, 1)] {
            for actor in cx.facts.in_role(objective, role) {
                if let Some(a) = territory.actor_position(&actor.id) {
                    let ids = if pick == 0 {
                        &mut roles[a].0
                    } else {
                        &mut roles[a].1
                    };
                    ids.push(objective.id.clone());
                }
            }
        }
    }
    let mut findings = Vec::new();
    for (actor, (leads, candidate_for)) in territory.actors().iter().zip(roles) {
        if (leads.is_empty() && candidate_for.is_empty()) || cx.facts.sits_on_a_body(&actor.id) {
            continue;
        }
        let mut f = cx.finding(Message::LeadOutsideGovernance {
            actor: actor.name.clone(),
            leads: leads.clone(),
            candidate_for: candidate_for.clone(),
        });
        f.hint = Some(Hint::SeatInABody);
        f.actors.push(actor.id.clone());
        f.objectives = leads.into_iter().chain(candidate_for).collect();
        f.location = Some(actor.origin.clone());
        findings.push(f);
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{messages_of, territory};

    const T: &str = r#"{
        "domains": [{"id": "D1", "name": "Tout"}],
        "objectives": [
            {"id": "renovation", "domain": "D1", "title": "Rénovations"},
            {"id": "regal", "domain": "D1", "title": "REGAL"}
        ],
        "actors": [
            {"name": "GCT&M"}, {"name": "CCRA"}, {"name": "SEVADEC"}, {"name": "SyMPaC"},
            {"name": "PNRCMO"}, {"name": "CERDD"},
            {"name": "Les 2 EPCI", "members": ["GCT&M", "CCRA"]},
            {"name": "Réseau", "members": ["PNRCMO"]}
        ],
        "links": [
            {"actor": "Les 2 EPCI", "objective": "renovation", "role": "chef de file"},
            {"actor": "GCT&M", "objective": "regal", "role": "candidat"},
            {"actor": "SEVADEC", "objective": "regal", "role": "candidat"},
            {"actor": "SyMPaC", "objective": "D1", "role": "chef de file"},
            {"actor": "PNRCMO", "objective": "regal", "role": "candidat"},
            {"actor": "CERDD", "objective": "regal", "role": "accompagnateur"}
        ],
        "bodies": [BODIES]
    }"#;

    #[test]
    fn leads_and_candidates_that_sit_nowhere_directly_or_through_a_group() {
        let t = territory(&T.replace(
            "BODIES",
            r#"{"name": "COPIL", "chair": "SyMPaC", "members": "GCT&M|Réseau"},
               {"name": "Groupe", "members": "CCRA"}"#,
        ));
        // Les 2 EPCI sits through each of its members; PNRCMO through its group; CERDD
        // leads nothing.
        assert_eq!(
            messages_of(&RULE, &t),
            ["actor \"SEVADEC\", lead candidate for regal, sits on no body"]
        );
        let t = territory(&T.replace("BODIES", r#"{"name": "COPIL", "chair": "CERDD"}"#));
        assert_eq!(
            messages_of(&RULE, &t),
            [
                "actor \"GCT&M\", lead candidate for regal, sits on no body",
                "actor \"SEVADEC\", lead candidate for regal, sits on no body",
                "actor \"SyMPaC\", lead of renovation and regal, sits on no body",
                "actor \"PNRCMO\", lead candidate for regal, sits on no body",
                "actor \"Les 2 EPCI\", lead of renovation, sits on no body",
            ]
        );
        let t = territory(&T.replace("BODIES", ""));
        assert!(messages_of(&RULE, &t).is_empty());
    }
}
