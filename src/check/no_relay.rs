//! `no-relay`: an objective with targets but no relay to reach them.

use super::message::{Doc, Hint, Message, Subject};
use super::{Context, Finding, Rule, Severity};
use crate::model::{Role, Territory};

pub static RULE: Rule = Rule {
    name: "no-relay",
    severity: Severity::Warning,
    doc: Doc::NoRelay,
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
        let mut f = cx.finding(Message::NoRelay {
            objective: Subject::objective(objective),
            targets: targets.iter().map(|a| a.name.clone()).collect(),
        });
        f.objectives.push(objective.id.clone());
        f.actors = targets.iter().map(|a| a.id.clone()).collect();
        f.location = Some(objective.origin.clone());
        f.hint = Some(Hint::NameARelay);
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
            f[0].message.render(crate::i18n::Lang::En),
            "objective renovation \"Rénovations\" has targets but no relay to reach them; targets: Habitants, TPE/PME"
        );
        assert_eq!(f[0].actors, ["habitants", "tpe-pme"]);
    }
}
