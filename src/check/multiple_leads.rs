//! `multiple-leads`: an objective with two leads or more, unless the committee agreed on it.

use super::message::{Doc, Hint, Message, Setting, Subject};
use super::{Context, Finding, Param, ParamValue, Rule, Severity};
use crate::model::{Actor, Link, Role, Scope, Territory};

/// What it finds: an objective that two bodies or more lead (role "chef de file", or a word
/// read as one such as "pilote"), each directly or through a link given to the whole domain.
/// A group lead counts once, as the group: a member of a leading group named as lead too is
/// the same lead, not a second one.
///
/// Why it matters: the lead is the one body that answers for the objective at the steering
/// committee; two leads written on two rows ("pilote" here, "chef de file" there) usually
/// mean a row nobody updated, and when it is a real co-leadership the committee should have
/// said so.
///
/// Example: SEVADEC is "chef de file" of the REGAL and SyMPaC "pilote" of the whole domain
/// DC3: the REGAL has two leads.
///
/// Setting: `agreed`, the objectives (or domains, for all their objectives) whose
/// co-leadership the committee agreed on; their leads are not reported.
pub static RULE: Rule = Rule {
    name: "multiple-leads",
    severity: Severity::Warning,
    doc: Doc::MultipleLeads,
    params: &[Param {
        name: "agreed",
        doc: Setting::AgreedCoLeads,
        default: ParamValue::Ids(Vec::new()),
    }],
    check,
};

fn check(cx: &Context, territory: &Territory) -> Vec<Finding> {
    let agreed = cx.ids("agreed");
    let mut findings = Vec::new();
    for objective in territory.objectives() {
        if agreed
            .iter()
            .any(|id| *id == objective.id || *id == objective.domain)
        {
            continue;
        }
        let holders = cx.facts.holders(objective, Role::Lead);
        // A member of a leading group leads through it: the group is the lead.
        let leads: Vec<(&Actor, &Link)> = holders
            .iter()
            .copied()
            .filter(|(actor, _)| {
                !holders
                    .iter()
                    .any(|(group, _)| cx.facts.is_member_of(&actor.id, &group.id))
            })
            .collect();
        if leads.len() < 2 {
            continue;
        }
        let mut f = cx.finding(Message::MultipleLeads {
            objective: Subject::objective(objective),
            leads: leads
                .iter()
                .map(|(actor, link)| match &link.scope {
                    Scope::Domain(domain) => (actor.name.clone(), Some(domain.to_string())),
                    Scope::Objective(_) => (actor.name.clone(), None),
                })
                .collect(),
        });
        f.hint = Some(Hint::KeepOneLead {
            rows: leads.iter().map(|(_, l)| l.origin.clone()).collect(),
            objective: objective.id.clone(),
        });
        f.objectives.push(objective.id.clone());
        f.actors = leads.iter().map(|(a, _)| a.id.clone()).collect();
        f.location = Some(objective.origin.clone());
        findings.push(f);
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Config, findings_of, messages_of, territory};
    use crate::i18n::Lang;

    const BASE: &str = r#"{
        RULES
        "domains": [{"id": "DC3", "name": "Économie circulaire"}, {"id": "DC1", "name": "Bâtiment"}],
        "objectives": [
            {"id": "regal", "domain": "DC3", "title": "REGAL"},
            {"id": "plp", "domain": "DC3", "title": "PLP"},
            {"id": "renovation", "domain": "DC1", "title": "Rénovations"}
        ],
        "actors": [
            {"name": "SEVADEC"}, {"name": "SyMPaC"},
            {"name": "CCRA"}, {"name": "CCPO"},
            {"name": "Les EPCI", "members": ["CCRA", "CCPO"]}
        ],
        "links": [LINKS]
    }"#;

    fn t(rules: &str, links: &str) -> Territory {
        territory(&BASE.replace("RULES", rules).replace("LINKS", links))
    }

    #[test]
    fn two_rows_pilote_and_chef_de_file_are_two_leads() {
        let t = t(
            "",
            r#"{"actor": "SEVADEC", "objective": "regal", "role": "pilote"},
               {"actor": "SyMPaC", "objective": "regal", "role": "chef de file"}"#,
        );
        let f = findings_of(&RULE, &t);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            f[0].message.render(Lang::En),
            "objective regal \"REGAL\" has 2 leads: SEVADEC, SyMPaC"
        );
        assert_eq!(f[0].actors, ["sevadec", "sympac"]);
        assert_eq!(f[0].severity, Severity::Warning);
        let hint = f[0].hint.as_ref().unwrap().render(Lang::En);
        assert!(
            hint.starts_with("the leads are given in t.json lines 14 and 15;"),
            "{hint}"
        );
        assert!(hint.contains("\"agreed\": [\"regal\"]"), "{hint}");
    }

    #[test]
    fn a_domain_wide_lead_adds_to_an_objective_lead() {
        let t = t(
            "",
            r#"{"actor": "SyMPaC", "objective": "DC3", "role": "pilote"},
               {"actor": "SEVADEC", "objective": "regal", "role": "chef de file"}"#,
        );
        assert_eq!(
            messages_of(&RULE, &t),
            ["objective regal \"REGAL\" has 2 leads: SyMPaC (for the whole domain DC3), SEVADEC"]
        );
    }

    #[test]
    fn a_group_lead_counts_once_with_or_without_its_members() {
        let t = t(
            "",
            r#"{"actor": "Les EPCI", "objective": "renovation", "role": "chef de file"},
               {"actor": "CCRA", "objective": "renovation", "role": "chef de file"},
               {"actor": "Les EPCI", "objective": "DC1", "role": "chef de file"},
               {"actor": "SEVADEC", "objective": "regal", "role": "chef de file"},
               {"actor": "SEVADEC", "objective": "DC3", "role": "chef de file"}"#,
        );
        assert!(messages_of(&RULE, &t).is_empty());
    }

    #[test]
    fn agreed_co_leadership_is_not_reported_by_objective_or_by_domain() {
        let links = r#"{"actor": "SEVADEC", "objective": "DC3", "role": "chef de file"},
               {"actor": "SyMPaC", "objective": "DC3", "role": "chef de file"}"#;
        let subjects = |rules: &str| -> Vec<String> {
            findings_of(&RULE, &t(rules, links))
                .into_iter()
                .flat_map(|f| f.objectives)
                .collect()
        };
        assert_eq!(subjects(""), ["regal", "plp"]);
        assert_eq!(
            subjects(r#""rules": {"multiple-leads": {"agreed": ["REGAL"]}},"#),
            ["plp"]
        );
        assert!(subjects(r#""rules": {"multiple-leads": {"agreed": "dc 3"}},"#).is_empty());
        assert!(subjects(r#""rules": {"multiple-leads": "allow"},"#).is_empty());
    }

    #[test]
    fn an_agreed_id_that_names_nothing_is_a_settings_error() {
        // The loader refuses such a file (tests/it/load.rs); a territory built otherwise is
        // still checked.
        let mut t = t(r#""rules": {"multiple-leads": {"agreed": ["regal"]}},"#, "");
        if let Some(setting) = t.rules.get_mut("multiple-leads") {
            setting.value = serde_json::json!({"agreed": ["regl", "DC9"]});
        }
        let e = Config::from_territory(&t).unwrap_err();
        assert_eq!(
            e[0].render(crate::i18n::Lang::En),
            "t.json:2: rule \"multiple-leads\": \"agreed\": unknown objective or domain \"regl\" (did you mean \"regal\"?); unknown objective or domain \"DC9\""
        );
    }
}
