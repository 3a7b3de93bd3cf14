//! `missing-role`: an objective with nobody in a role the territory requires.

use std::borrow::Cow;

use super::message::{Doc, Hint, Message, Setting, Subject};
use super::{Context, Finding, Param, ParamValue, Rule, Severity};
use crate::model::{Role, Territory};

pub static RULE: Rule = Rule {
    name: "missing-role",
    severity: Severity::Warning,
    doc: Doc::MissingRole,
    params: &[Param {
        name: "roles",
        doc: Setting::RequiredRoles,
        default: ParamValue::Roles(Cow::Borrowed(&[Role::Funder, Role::Target])),
    }],
    check,
};

fn check(cx: &Context, territory: &Territory) -> Vec<Finding> {
    let required = cx.roles("roles");
    let mut findings = Vec::new();
    for objective in territory.objectives() {
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
        let mut f = cx.finding(Message::MissingRoles {
            objective: Subject::objective(objective),
            roles: missing.clone(),
        });
        f.objectives.push(objective.id.clone());
        f.roles = missing;
        f.location = Some(objective.origin.clone());
        f.hint = Some(Hint::AddRoles {
            roles: f.roles.clone(),
        });
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
            f[0].message.render(crate::i18n::Lang::En),
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
        let messages: Vec<String> = f
            .iter()
            .map(|f| f.message.render(crate::i18n::Lang::En))
            .collect();
        assert_eq!(
            messages,
            [
                "objective renovation \"Rénovations\" has nobody in the role relay",
                "objective funded \"Funded\" has nobody in the role relay",
            ]
        );
    }
}
