//! `missing-role`: an objective with nobody in a role the territory requires.

use std::borrow::Cow;

use super::{Context, Finding, Param, ParamValue, Rule, Severity, objective_label};
use crate::model::{Lang, Role, Territory};

pub static RULE: Rule = Rule {
    name: "missing-role",
    severity: Severity::Warning,
    summary: "an objective that has actors but nobody in one of the required roles (setting roles, default funder and target); a group in the role counts",
    why: "an objective with no funder cannot be paid for and one with no target reaches nobody; which roles every objective needs is the territory's choice. An objective with no actor at all is left to missing-lead and empty-domain: one hole, not five findings",
    example: "the REGAL names engineering, support and funders but no target (cible)",
    params: &[Param {
        name: "roles",
        doc: "the roles every objective needs, as in the links table (\"financeur\", \"cible\", \"relais\"...)",
        default: ParamValue::Roles(Cow::Borrowed(&[Role::Funder, Role::Target])),
    }],
    check,
};

fn check(cx: &Context, territory: &Territory) -> Vec<Finding> {
    let required = cx.roles("roles");
    let mut findings = Vec::new();
    for objective in &territory.objectives {
        if !cx.facts.is_mapped(objective) {
            continue;
        }
        let missing: Vec<Role> = required
            .iter()
            .copied()
            .filter(|role| cx.facts.in_role(objective, *role).is_empty())
            .collect();
        if missing.is_empty() {
            continue;
        }
        let ids: Vec<&str> = missing.iter().map(|r| r.id()).collect();
        let words: Vec<String> = missing
            .iter()
            .map(|r| format!("\"{}\"", r.word(Lang::Fr)))
            .collect();
        let mut f = cx.finding(format!(
            "{} has nobody in the role{} {}",
            objective_label(objective),
            if missing.len() == 1 { "" } else { "s" },
            ids.join(", ")
        ));
        f.objectives.push(objective.id.clone());
        f.roles = missing;
        f.location = Some(objective.origin.clone());
        f.hint = Some(format!(
            "add who holds it in the links table (role {}), or change the required roles in territory.json (\"rules\": {{\"missing-role\": {{\"roles\": [...]}}}})",
            words.join(" or ")
        ));
        findings.push(f);
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{findings_of, territory};

    const T: &str = r#"{
        RULES
        "domains": [{"id": "D1", "name": "Bâtiment"}],
        "objectives": [
            {"id": "renovation", "domain": "D1", "title": "Rénovations"},
            {"id": "empty", "domain": "D1", "title": "Nobody here"},
            {"id": "funded", "domain": "D1", "title": "Funded"}
        ],
        "actors": [{"name": "ADEME"}, {"name": "Habitants"}, {"name": "Notaires"}],
        "links": [
            {"actor": "ADEME", "objective": "renovation", "role": "accompagnateur"},
            {"actor": "ADEME", "objective": "funded", "role": "financeur"},
            {"actor": "Habitants", "objective": "funded", "role": "cible"}
        ]
    }"#;

    #[test]
    fn default_roles_are_funder_and_target() {
        let f = findings_of(&RULE, &territory(&T.replace("RULES", "")));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].message,
            "objective renovation \"Rénovations\" has nobody in the roles funder, target"
        );
    }

    #[test]
    fn roles_are_set_per_territory() {
        let t = territory(&T.replace(
            "RULES",
            r#""rules": {"missing-role": {"roles": ["relais"]}},"#,
        ));
        let f = findings_of(&RULE, &t);
        let messages: Vec<&str> = f.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "objective renovation \"Rénovations\" has nobody in the role relay",
                "objective funded \"Funded\" has nobody in the role relay",
            ]
        );
    }
}
