//! The rule engine: every rule in one registry (`RULES`), each in its own file with its doc,
//! its default severity and its tests. `actormap check` runs them all.

mod bonus_at_risk;
mod missing_lead;
pub mod output;

use std::fmt;

use crate::error::Location;
use crate::model::Territory;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One thing a rule found.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    /// Lowercase, no trailing period: "objective \"regal\" has no lead".
    pub message: String,
    /// Ids of the objectives concerned.
    pub objectives: Vec<String>,
    /// Ids of the actors concerned.
    pub actors: Vec<String>,
    /// Where the thing concerned is defined.
    pub location: Option<Location>,
    /// What to do about it.
    pub hint: Option<String>,
}

/// A named rule of the registry.
pub struct Rule {
    pub name: &'static str,
    pub severity: Severity,
    /// What it finds, why it matters for the contract, an example.
    pub doc: &'static str,
    pub check: fn(&Rule, &Territory) -> Vec<Finding>,
}

impl Rule {
    /// A finding of this rule at its severity.
    pub fn finding(&self, message: String) -> Finding {
        Finding {
            rule: self.name,
            severity: self.severity,
            message,
            objectives: Vec::new(),
            actors: Vec::new(),
            location: None,
            hint: None,
        }
    }
}

/// Every rule, in the order they run and are listed.
pub static RULES: &[&Rule] = &[&missing_lead::RULE, &bonus_at_risk::RULE];

/// Run every rule; findings sorted by severity (errors first), then by place.
pub fn run(territory: &Territory) -> Vec<Finding> {
    let mut findings: Vec<Finding> = RULES
        .iter()
        .flat_map(|rule| (rule.check)(rule, territory))
        .collect();
    findings.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then_with(|| a.location.cmp(&b.location))
            .then_with(|| a.rule.cmp(b.rule))
    });
    findings
}
