//! `overloaded-lead`: one body leading too many objectives.

use super::message::{Doc, Hint, Message, Setting};
use super::{Context, Finding, Param, ParamValue, Rule, Severity};
use crate::model::{Actor, Objective, Role, Territory};

pub static RULE: Rule = Rule {
    name: "overloaded-lead",
    severity: Severity::Warning,
    doc: Doc::OverloadedLead,
    params: &[Param {
        name: "max",
        doc: Setting::MaxLeads,
        default: ParamValue::Count(3),
    }],
    check,
};

/// An objective an actor leads, and the group it leads it through, if any.
type Led<'a> = (&'a Objective, Option<&'a Actor>);

fn check(cx: &Context, territory: &Territory) -> Vec<Finding> {
    let max = cx.count("max");
    // For each body, the objectives it leads and the group it leads each through, if any.
    let mut led: Vec<(&str, Vec<Led>)> = territory
        .actors()
        .iter()
        .filter(|a| !a.is_group())
        .map(|a| (a.id.as_str(), Vec::new()))
        .collect();
    // Each actor's place in `led`, by its row in the actors table.
    let mut row_of: Vec<Option<usize>> = vec![None; territory.actors().len()];
    for (r, (id, _)) in led.iter().enumerate() {
        if let Some(a) = territory.actor_position(id) {
            row_of[a].get_or_insert(r);
        }
    }
    for objective in territory.objectives() {
        for lead in cx.facts.in_role(objective, Role::Lead) {
            let through = lead.is_group().then_some(lead);
            for body in cx.facts.bodies(&[lead]) {
                let row = territory.actor_position(&body.id).and_then(|a| row_of[a]);
                if let Some((_, list)) = row.map(|r| &mut led[r]) {
                    // Objectives come one by one: one already listed is the last.
                    match list.last_mut().filter(|(o, _)| o.id == objective.id) {
                        // Led directly and through a group: directly says more.
                        Some(entry) => {
                            if through.is_none() {
                                entry.1 = None;
                            }
                        }
                        None => list.push((objective, through)),
                    }
                }
            }
        }
    }
    let mut findings = Vec::new();
    for (id, list) in led {
        if list.len() <= max {
            continue;
        }
        let Some(actor) = territory.actor(id) else {
            continue;
        };
        let mut f = cx.finding(Message::OverloadedLead {
            actor: actor.name.clone(),
            max,
            objectives: list
                .iter()
                .map(|(o, through)| (o.id.clone(), through.map(|g| g.name.clone())))
                .collect(),
        });
        f.actors.push(actor.id.clone());
        for (_, through) in &list {
            if let Some(group) = through
                && !f.actors.contains(&group.id)
            {
                f.actors.push(group.id.clone());
            }
        }
        f.objectives = list.iter().map(|(o, _)| o.id.clone()).collect();
        f.location = Some(actor.origin.clone());
        f.hint = Some(Hint::ShareTheLead { leads: list.len() });
        findings.push(f);
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{findings_of, territory};

    fn t(rules: &str) -> Territory {
        territory(&format!(
            r#"{{
            {rules}
            "domains": [{{"id": "D1", "name": "Tout"}}],
            "objectives": [
                {{"id": "a", "domain": "D1", "title": "A"}},
                {{"id": "b", "domain": "D1", "title": "B"}},
                {{"id": "c", "domain": "D1", "title": "C"}}
            ],
            "actors": [
                {{"name": "GCT&M"}}, {{"name": "CCRA"}},
                {{"name": "Les 3 EPCI", "members": ["GCT&M", "CCRA"]}}
            ],
            "links": [
                {{"actor": "GCT&M", "objective": "a", "role": "chef de file"}},
                {{"actor": "GCT&M", "objective": "b", "role": "chef de file"}},
                {{"actor": "Les 3 EPCI", "objective": "b", "role": "chef de file"}},
                {{"actor": "Les 3 EPCI", "objective": "c", "role": "chef de file"}}
            ]
        }}"#
        ))
    }

    #[test]
    fn members_lead_through_their_group() {
        assert!(findings_of(&RULE, &t("")).is_empty());
        let f = findings_of(&RULE, &t(r#""rules": {"overloaded-lead": {"max": 2}},"#));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].message.render(crate::i18n::Lang::En),
            "actor \"GCT&M\" leads 3 objectives, more than 2: a, b, c (through Les 3 EPCI)"
        );
        assert_eq!(f[0].actors, ["gct-m", "les-3-epci"]);
        assert_eq!(f[0].objectives, ["a", "b", "c"]);
    }
}
