//! `missing-lead`: an objective nobody leads.

use super::{Context, Finding, Rule, Severity, names, objective_label};
use crate::model::{Role, Territory};

pub static RULE: Rule = Rule {
    name: "missing-lead",
    severity: Severity::Error,
    summary: "an objective with no lead (chef de file), directly or through its domain; lists the lead candidates (chef de file pressenti) when there are any",
    why: "an objective without a lead is one nobody answers for at the steering committee, and the year-3 bonus depends on every objective; a lead given to a group (\"Les 3 EPCI\") counts",
    example: "the REGAL has the candidates SEVADEC, SyMPaC and Les 3 EPCI but no lead (\"Quid du portage du REGAL ?\")",
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
        let label = objective_label(objective);
        let mut finding = if candidates.is_empty() {
            let mut f = cx.finding(format!("{label} has no lead and no lead candidate"));
            f.hint = Some("name a lead in the links table (role \"chef de file\"), or at least a candidate (\"chef de file pressenti\")".to_owned());
            f
        } else {
            let list = names(candidates.iter().map(|a| a.name.as_str()));
            let mut f = cx.finding(format!("{label} has no lead; candidates: {list}"));
            f.hint = Some("once the committee decides, change the chosen candidate's role to \"chef de file\"".to_owned());
            f
        };
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
            f[0].message,
            "objective regal \"REGAL\" has no lead; candidates: SEVADEC, Les EPCI"
        );
        assert_eq!(f[0].actors, ["sevadec", "les-epci"]);
        assert_eq!(
            f[1].message,
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
