//! `no-relay`: an objective with targets but no relay to reach them.

use super::{Context, Finding, Rule, Severity, names, objective_label};
use crate::model::{Role, Territory};

pub static RULE: Rule = Rule {
    name: "no-relay",
    severity: Severity::Warning,
    summary: "an objective that has targets (cibles) but no relay (relais) to reach them",
    why: "targets are reached through relays (estate agents, notaries, associations); the seed deck's \"communication disparate et quasi inexistante concernant les relais locaux\" is this gap",
    example: "renovation targets households and small firms; without estate agents and notaries as relays, it would be reported",
    params: &[],
    check,
};

fn check(cx: &Context, territory: &Territory) -> Vec<Finding> {
    let mut findings = Vec::new();
    for objective in territory.objectives() {
        let targets = cx.facts.in_role(objective, Role::Target);
        if targets.is_empty() || !cx.facts.in_role(objective, Role::Relay).is_empty() {
            continue;
        }
        let mut f = cx.finding(format!(
            "{} has targets but no relay to reach them; targets: {}",
            objective_label(objective),
            names(targets.iter().map(|a| a.name.as_str()))
        ));
        f.objectives.push(objective.id.clone());
        f.actors = targets.iter().map(|a| a.id.clone()).collect();
        f.location = Some(objective.origin.clone());
        f.hint = Some("name who passes the message on to the targets (role \"relais\")".to_owned());
        findings.push(f);
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{findings_of, territory};

    #[test]
    fn targets_without_relays_are_reported() {
        let t = territory(
            r#"{
            "domains": [{"id": "D1", "name": "Bâtiment"}],
            "objectives": [
                {"id": "renovation", "domain": "D1", "title": "Rénovations"},
                {"id": "relayed", "domain": "D1", "title": "Relayed"},
                {"id": "no-target", "domain": "D1", "title": "No target"}
            ],
            "actors": [{"name": "Habitants"}, {"name": "TPE/PME"}, {"name": "Notaires"}],
            "links": [
                {"actor": "Habitants", "objective": "renovation", "role": "cible"},
                {"actor": "TPE/PME", "objective": "renovation", "role": "cible"},
                {"actor": "Habitants", "objective": "relayed", "role": "cible"},
                {"actor": "Notaires", "objective": "relayed", "role": "relais"},
                {"actor": "Notaires", "objective": "no-target", "role": "relais"}
            ]
        }"#,
        );
        let f = findings_of(&RULE, &t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].message,
            "objective renovation \"Rénovations\" has targets but no relay to reach them; targets: Habitants, TPE/PME"
        );
        assert_eq!(f[0].actors, ["habitants", "tpe-pme"]);
    }
}
