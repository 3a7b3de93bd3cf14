//! `overloaded-lead`: one body leading too many objectives.

use super::{Context, Finding, Param, ParamValue, Rule, Severity};
use crate::model::{Actor, Objective, Role, Territory};

pub static RULE: Rule = Rule {
    name: "overloaded-lead",
    severity: Severity::Warning,
    summary: "an actor leading more objectives than the setting max (default 3); a member of a group leads what its group leads",
    why: "engineering is limited (\"ingénierie limitée\" on the seed deck): a body that leads too many objectives will not carry them all to their targets",
    example: "with max 2, an EPCI that leads two objectives itself and a third through Les 3 EPCI",
    params: &[Param {
        name: "max",
        doc: "how many objectives one actor may lead",
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
        let shown: Vec<String> = list
            .iter()
            .map(|(o, through)| match through {
                Some(group) => format!("{} (through {})", o.id, group.name),
                None => o.id.clone(),
            })
            .collect();
        let mut f = cx.finding(format!(
            "actor \"{}\" leads {} objectives, more than {max}: {}",
            actor.name,
            list.len(),
            shown.join(", ")
        ));
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
        f.hint = Some(format!(
            "share the lead with another body, or raise the limit in territory.json (\"rules\": {{\"overloaded-lead\": {{\"max\": {}}}}})",
            list.len()
        ));
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
            f[0].message,
            "actor \"GCT&M\" leads 3 objectives, more than 2: a, b, c (through Les 3 EPCI)"
        );
        assert_eq!(f[0].actors, ["gct-m", "les-3-epci"]);
        assert_eq!(f[0].objectives, ["a", "b", "c"]);
    }
}
