//! `missing-lead`: an objective nobody leads.

use super::{Finding, Rule, Severity};
use crate::model::{Role, Territory};

/// What it finds: an objective with no actor in the lead ("chef de file") role, directly
/// or through its domain. A group given the lead ("Les 3 EPCI") is a lead.
///
/// Why it matters: an objective without a lead is an objective nobody answers for at the
/// steering committee; the seed deck's "Quid du portage du REGAL ?" is this finding.
///
/// Example: `regal` has the candidates SEVADEC, SyMPaC and the 3 EPCI but no lead.
pub static RULE: Rule = Rule {
    name: "missing-lead",
    severity: Severity::Error,
    doc: "an objective with no lead (chef de file); lists the lead candidates when there are any",
    check,
};

fn check(rule: &Rule, territory: &Territory) -> Vec<Finding> {
    let mut findings = Vec::new();
    for objective in &territory.objectives {
        if !territory.actors_in_role(objective, Role::Lead).is_empty() {
            continue;
        }
        let candidates = territory.actors_in_role(objective, Role::LeadCandidate);
        let names: Vec<&str> = candidates.iter().map(|a| a.name.as_str()).collect();
        let mut finding = rule.finding(format!(
            "objective \"{}\" has no lead; {}",
            objective.id,
            if names.is_empty() {
                "no candidate either".to_owned()
            } else {
                format!("candidates: {}", names.join(", "))
            }
        ));
        finding.objectives.push(objective.id.clone());
        finding.actors = candidates.iter().map(|a| a.id.clone()).collect();
        finding.location = Some(objective.origin.clone());
        finding.hint = Some(if names.is_empty() {
            "name a lead in the links table (role \"chef de file\") or at least a candidate (\"chef de file pressenti\")".to_owned()
        } else {
            "once decided, change the chosen candidate's role to \"chef de file\"".to_owned()
        });
        findings.push(finding);
    }
    findings
}
