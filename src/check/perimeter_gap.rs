//! `perimeter-gap`: an objective whose actions do not cover every member territory its
//! scope asks for ("Seule la CCPO est couverte par un COT ENR via le PNRCMO").

use super::message::{Doc, Hint, Message, Subject};
use super::{Context, Finding, Rule, Severity};
use crate::model::Territory;

pub static RULE: Rule = Rule {
    name: "perimeter-gap",
    severity: Severity::Warning,
    doc: Doc::PerimeterGap,
    params: &[],
    check,
};

fn check(cx: &Context, territory: &Territory) -> Vec<Finding> {
    let mut findings = Vec::new();
    for objective in territory.objectives() {
        // The one computation of coverage, the one `list` and the pictures read.
        let Some(coverage) = territory.coverage(objective) else {
            continue;
        };
        let missing = coverage.missing();
        if missing.is_empty() {
            continue;
        }
        let covered = coverage
            .covered()
            .into_iter()
            .map(|(member, actions)| {
                let titles = actions.iter().map(|a| a.title.clone()).collect();
                (member.name.clone(), titles)
            })
            .collect();
        let mut f = cx.finding(Message::PerimeterGap {
            objective: Subject::objective(objective),
            priority: objective.priority,
            covered,
            missing: missing.iter().map(|m| m.name.clone()).collect(),
        });
        f.severity = cx.graded(if objective.priority {
            Severity::Error
        } else {
            Severity::Warning
        });
        f.hint = Some(Hint::CoverTheRest {
            missing: missing.iter().map(|m| m.name.clone()).collect(),
        });
        f.objectives.push(objective.id.clone());
        f.actors = missing.iter().map(|m| m.id.clone()).collect();
        f.location = Some(objective.origin.clone());
        findings.push(f);
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{findings_of, territory};
    use crate::i18n::Lang;

    const BASE: &str = r#"{
        "perimeter": ["GCT&M", "CCRA", "CCPO"],
        "domains": [{"id": "DC4", "name": "ENR"}],
        "objectives": [
            {"id": "cot-enr", "domain": "DC4", "title": "COT ENR", "priority": "oui", "scope": "tout"},
            {"id": "cadastre", "domain": "DC4", "title": "Cadastre", "scope": "GCT&M|CCRA"},
            {"id": "untracked", "domain": "DC4", "title": "Sans périmètre"}
        ],
        "actors": [
            {"name": "GCT&M"}, {"name": "CCRA"}, {"name": "CCPO"}, {"name": "PNRCMO"},
            {"name": "Les 2 EPCI", "members": ["GCT&M", "CCRA"]}
        ],
        "links": [],
        "actions": [ACTIONS]
    }"#;

    fn run(actions: &str) -> Vec<Finding> {
        findings_of(&RULE, &territory(&BASE.replace("ACTIONS", actions)))
    }

    #[test]
    fn names_the_covered_members_with_their_actions_and_the_others() {
        let f = run(
            r#"{"objective": "cot-enr", "title": "COT ENR du PNRCMO", "bearers": "PNRCMO", "perimeter": "CCPO", "status": "en cours"},
               {"objective": "cot-enr", "title": "Étude abandonnée", "perimeter": "GCT&M", "status": "abandonnée"},
               {"objective": "untracked", "title": "Ailleurs", "perimeter": "CCRA"}"#,
        );
        let shown: Vec<(String, Severity)> = f
            .iter()
            .map(|f| (f.message.render(Lang::En), f.severity))
            .collect();
        assert_eq!(
            shown,
            [
                (
                    "priority objective cot-enr \"COT ENR\": only CCPO is covered (COT ENR du PNRCMO); GCT&M and CCRA are not".to_owned(),
                    Severity::Error
                ),
                (
                    "objective cadastre \"Cadastre\": no action covers its perimeter (GCT&M and CCRA)".to_owned(),
                    Severity::Warning
                ),
            ]
        );
        assert_eq!(f[0].actors, ["gct-m", "ccra"]);
        assert_eq!(
            f[0].message.render(Lang::Fr),
            "l'objectif prioritaire cot-enr «\u{a0}COT ENR\u{a0}»\u{a0}: seul le membre CCPO est couvert (COT ENR du PNRCMO)\u{a0}; GCT&M et CCRA ne le sont pas"
        );
    }

    #[test]
    fn an_action_without_perimeter_covers_all_and_a_group_covers_its_members() {
        let f = run(r#"{"objective": "cot-enr", "title": "COT ENR du SyMPaC"},
               {"objective": "cadastre", "title": "Cadastre solaire", "perimeter": "Les 2 EPCI"}"#);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_domain_wide_action_covers_no_objective() {
        let f = run(r#"{"objective": "DC4", "title": "Stratégie hydrogène"}"#);
        assert_eq!(f.len(), 2, "{f:?}");
    }
}
