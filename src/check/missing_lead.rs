//! `missing-lead`: an objective nobody leads.

use super::message::{Doc, Hint, Message, Subject};
use super::{Context, Finding, Rule, Severity};
use crate::model::{Role, Territory};

pub static RULE: Rule = Rule {
    name: "missing-lead",
    severity: Severity::Error,
    doc: Doc::MissingLead,
    params: &[],
    check,
};

fn check(cx: &Context, territory: &Territory) -> Vec<Finding> {
    let mut findings = Vec::new();
    for objective in territory.objectives() {
        if !cx.facts.in_role(objective, Role::Lead).is_empty() {
            continue;
        }
        let candidates = cx.facts.in_role(objective, Role::LeadCandidate);
        let mut finding = cx.finding(Message::NoLead {
            objective: Subject::objective(objective),
            candidates: candidates.iter().map(|a| a.name.clone()).collect(),
        });
        finding.hint = Some(if candidates.is_empty() {
            Hint::NameALead
        } else {
            Hint::ChooseACandidate
        });
        finding.objectives.push(objective.id.clone());
        finding.actors = candidates.iter().map(|a| a.id.clone()).collect();
        finding.location = Some(objective.origin.clone());
        findings.push(finding);
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{findings_of, territory};
    use crate::i18n::Lang;

    const BASE: &str = r#"{
        "domains": [{"id": "D1", "name": "Déchets"}],
        "objectives": [
            {"id": "regal", "domain": "D1", "title": "REGAL"},
            {"id": "plp", "domain": "D1", "title": "PLP"}
        ],
        "actors": [
            {"name": "SEVADEC"},
            {"name": "CCRA"}, {"name": "CCPO"},
            {"name": "Les EPCI", "members": ["CCRA", "CCPO"]}
        ],
        "links": [LINKS]
    }"#;

    fn run(links: &str) -> Vec<Finding> {
        let t = territory(&BASE.replace("LINKS", links));
        findings_of(&RULE, &t)
    }

    #[test]
    fn lists_candidates_or_says_there_are_none() {
        let f = run(
            r#"{"actor": "SEVADEC", "objective": "regal", "role": "chef de file pressenti"},
                       {"actor": "Les EPCI", "objective": "regal", "role": "candidat"}"#,
        );
        assert_eq!(f.len(), 2);
        assert_eq!(
            f[0].message.render(Lang::En),
            "objective regal \"REGAL\" has no lead; candidates: SEVADEC, Les EPCI"
        );
        assert_eq!(f[0].actors, ["sevadec", "les-epci"]);
        assert_eq!(
            f[1].message.render(Lang::En),
            "objective plp \"PLP\" has no lead and no lead candidate"
        );
        assert!(f[1].actors.is_empty());
    }

    #[test]
    fn a_group_lead_and_a_domain_lead_count() {
        let f = run(
            r#"{"actor": "Les EPCI", "objective": "regal", "role": "chef de file"},
                       {"actor": "SEVADEC", "objective": "D1", "role": "lead"}"#,
        );
        assert!(f.is_empty(), "{f:?}");
    }
}
