//! `empty-domain`: a domain of cooperation with nothing in it.

use super::message::{Doc, Hint, Message, Subject};
use super::{Context, Finding, Rule, Severity};
use crate::model::Territory;

pub static RULE: Rule = Rule {
    name: "empty-domain",
    severity: Severity::Info,
    doc: Doc::EmptyDomain,
    params: &[],
    check,
};

fn check(cx: &Context, territory: &Territory) -> Vec<Finding> {
    let mut findings = Vec::new();
    for domain in territory.domains() {
        let objectives: Vec<_> = territory.objectives_of(&domain.id).collect();
        let mut f = if objectives.is_empty() {
            let mut f = cx.finding(Message::DomainWithoutObjective {
                domain: Subject::domain(domain),
            });
            f.hint = Some(Hint::AddObjectives);
            f
        } else if objectives.iter().all(|o| !cx.facts.is_mapped(o)) {
            let ids: Vec<&str> = objectives.iter().map(|o| o.id.as_str()).collect();
            let mut f = cx.finding(Message::DomainWithoutActor {
                domain: Subject::domain(domain),
                objectives: ids.iter().map(|id| (*id).to_owned()).collect(),
            });
            f.objectives = ids.iter().map(|id| (*id).to_owned()).collect();
            f.hint = Some(Hint::MapTheActors);
            f
        } else {
            continue;
        };
        f.domains.push(domain.id.clone());
        f.location = Some(domain.origin.clone());
        findings.push(f);
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{messages_of, territory};

    #[test]
    fn empty_and_unmapped_domains_are_reported() {
        let t = territory(
            r#"{
            "domains": [
                {"id": "DC1", "name": "Bâtiment"},
                {"id": "DC2", "name": "Mobilité"},
                {"id": "DC3", "name": "Vide"},
                {"id": "DC4", "name": "Domain-wide"}
            ],
            "objectives": [
                {"id": "renovation", "domain": "DC1", "title": "Rénovations"},
                {"id": "idle", "domain": "DC1", "title": "Not linked but its domain is"},
                {"id": "velo", "domain": "DC2", "title": "Vélo"},
                {"id": "enr", "domain": "DC4", "title": "ENR"}
            ],
            "actors": [{"name": "ADEME"}],
            "links": [
                {"actor": "ADEME", "objective": "renovation", "role": "financeur"},
                {"actor": "ADEME", "objective": "DC4", "role": "financeur"}
            ]
        }"#,
        );
        let messages: Vec<String> = messages_of(&RULE, &t);
        assert_eq!(
            messages,
            [
                "domain DC2 \"Mobilité\" has no actor in any of its objectives: velo",
                "domain DC3 \"Vide\" has no objective",
            ]
        );
    }
}
