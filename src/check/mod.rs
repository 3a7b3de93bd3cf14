//! The rule engine: every rule in one registry (`RULES`), each in its own file with its doc,
//! its default severity, its settings and its tests. `actormap check` runs them all;
//! `actormap rules` and the README's rule table are generated from the same registry.
//!
//! Registering a rule = one file under `src/check/` defining a `pub static RULE: Rule`,
//! plus one `mod` line and one entry in `RULES` below.

mod bonus_at_risk;
mod config;
mod facts;
pub mod message;
pub mod output;

mod action_without_bearer;
mod duplicate_actor;
mod empty_domain;
mod lead_outside_governance;
mod measurement_outside_programme;
mod missing_lead;
mod missing_role;
mod multiple_leads;
mod no_relay;
mod objective_without_action;
mod one_way_related;
mod orphan_actor;
mod overloaded_lead;
mod perimeter_gap;
mod priority_unfunded;
mod single_funder;

use std::borrow::Cow;
use std::fmt;

pub use config::{Config, Overrides};
pub use facts::Facts;
pub use message::{Hint, Message};

use crate::error::{Error, Location};
use crate::model::{Role, Territory};

/// Every rule, in the order they are listed and their findings reported.
pub static RULES: &[&Rule] = &[
    &missing_lead::RULE,
    &multiple_leads::RULE,
    &priority_unfunded::RULE,
    &missing_role::RULE,
    &no_relay::RULE,
    &single_funder::RULE,
    &overloaded_lead::RULE,
    &orphan_actor::RULE,
    &duplicate_actor::RULE,
    &empty_domain::RULE,
    &one_way_related::RULE,
    &bonus_at_risk::RULE,
    &measurement_outside_programme::RULE,
    &perimeter_gap::RULE,
    &action_without_bearer::RULE,
    &objective_without_action::RULE,
    &lead_outside_governance::RULE,
];

/// The rule of the registry with this name.
pub fn rule(name: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.name == name)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn id(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// One thing a rule found.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    /// What it found, as data: rendered in the user's language by the writers
    /// (`objective regal "…" has no lead; candidates: SEVADEC`).
    pub message: Message,
    /// Ids of the objectives concerned.
    pub objectives: Vec<String>,
    /// Ids of the actors concerned.
    pub actors: Vec<String>,
    /// Ids of the domains concerned.
    pub domains: Vec<String>,
    /// The roles concerned (the ones nobody holds, for `missing-role` and
    /// `priority-unfunded`), so the maps draw their gaps from the findings.
    pub roles: Vec<Role>,
    /// Where the thing concerned is defined.
    pub location: Option<Location>,
    /// What to do about it; same style as the message.
    pub hint: Option<Hint>,
}

/// A named rule of the registry. Its doc answers the clippy questions: what it finds, why it
/// matters for the contract, an example (in each language's catalog).
pub struct Rule {
    pub name: &'static str,
    /// The severity of its findings unless the territory or the command line says otherwise.
    pub severity: Severity,
    /// What it finds, why it matters, an example: `doc.render(lang)`.
    pub doc: message::Doc,
    /// The settings it takes besides its severity, with their defaults.
    pub params: &'static [Param],
    pub check: fn(&Context, &Territory) -> Vec<Finding>,
}

/// A setting of a rule (`"overloaded-lead": {"max": 2}`).
pub struct Param {
    /// Its key in territory.json: an identifier, the same in every language.
    pub name: &'static str,
    pub doc: message::Setting,
    pub default: ParamValue,
}

/// A setting's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamValue {
    /// A whole number, 0 or more.
    Count(usize),
    /// A list of roles, written as in the links table ("financeur", "cible" or "funder").
    Roles(Cow<'static, [Role]>),
    /// A list of objective or domain ids of the territory (`["renovation", "DC4"]`).
    Ids(Vec<String>),
}

impl fmt::Display for ParamValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParamValue::Count(n) => write!(f, "{n}"),
            ParamValue::Roles(roles) => {
                let ids: Vec<&str> = roles.iter().map(|r| r.id()).collect();
                write!(f, "[{}]", ids.join(", "))
            }
            ParamValue::Ids(ids) => write!(f, "[{}]", ids.join(", ")),
        }
    }
}

/// What a rule sees while it runs: itself, its severity, its settings, and the facts about
/// the territory computed once for every rule.
pub struct Context<'a> {
    pub rule: &'static Rule,
    pub severity: Severity,
    pub facts: &'a Facts<'a>,
    params: &'a [(&'static str, ParamValue)],
    /// True when the territory or the command line set this rule's severity.
    severity_set: bool,
}

impl Context<'_> {
    /// A finding of this rule at its configured severity.
    pub fn finding(&self, message: Message) -> Finding {
        Finding {
            rule: self.rule.name,
            severity: self.severity,
            message,
            objectives: Vec::new(),
            actors: Vec::new(),
            domains: Vec::new(),
            roles: Vec::new(),
            location: None,
            hint: None,
        }
    }

    /// The severity of a finding the rule grades itself (bonus-at-risk: an error for a
    /// missed threshold, info for an objective on track). At the rule's default severity, the
    /// grade, never below what the settings made of the default (`--deny warnings`). When the
    /// territory or the command line named the rule's severity, every finding takes it, so
    /// that `--warn RULE` means warnings; except good news: an info grade stays info.
    pub fn graded(&self, grade: Severity) -> Severity {
        if grade == Severity::Info {
            Severity::Info
        } else if self.severity_set {
            self.severity
        } else {
            grade.max(self.severity)
        }
    }

    fn param(&self, name: &str) -> Option<&ParamValue> {
        self.params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v)
            .or_else(|| {
                self.rule
                    .params
                    .iter()
                    .find(|p| p.name == name)
                    .map(|p| &p.default)
            })
    }

    /// A whole-number setting (its default when the territory does not set it).
    pub fn count(&self, name: &str) -> usize {
        match self.param(name) {
            Some(ParamValue::Count(n)) => *n,
            _ => 0,
        }
    }

    /// A list-of-roles setting (its default when the territory does not set it).
    pub fn roles(&self, name: &str) -> &[Role] {
        match self.param(name) {
            Some(ParamValue::Roles(roles)) => roles,
            _ => &[],
        }
    }

    /// A list-of-ids setting (its default when the territory does not set it).
    pub fn ids(&self, name: &str) -> &[String] {
        match self.param(name) {
            Some(ParamValue::Ids(ids)) => ids,
            _ => &[],
        }
    }
}

/// Run every rule with the territory's own settings (`"rules"` in territory.json).
/// Fails only when those settings are wrong.
pub fn run(territory: &Territory) -> Result<Vec<Finding>, Error> {
    let config = Config::from_territory(territory)?;
    Ok(run_with(territory, &config))
}

/// Run every enabled rule with these settings; findings sorted by severity (errors first),
/// then registry order, then place, then message, so the same input gives the same output.
pub fn run_with(territory: &Territory, config: &Config) -> Vec<Finding> {
    let facts = Facts::new(territory);
    let mut contexts = Vec::new();
    for (rank, rule) in RULES.iter().copied().enumerate() {
        let Some(setting) = config.rule(rule.name) else {
            continue;
        };
        let Some(severity) = setting.severity else {
            continue;
        };
        let severity = if config.deny_warnings && severity == Severity::Warning {
            Severity::Error
        } else {
            severity
        };
        let context = Context {
            rule,
            severity,
            facts: &facts,
            params: &setting.params,
            severity_set: setting.severity_set,
        };
        contexts.push((rank, context));
    }
    let mut findings: Vec<(usize, Finding)> = Vec::new();
    for ((rank, _), found) in contexts.iter().zip(run_rules(&contexts, territory)) {
        findings.extend(found.into_iter().map(|f| (*rank, f)));
    }
    findings.sort_by(|(ra, a), (rb, b)| {
        b.severity
            .cmp(&a.severity)
            .then(ra.cmp(rb))
            .then_with(|| a.location.cmp(&b.location))
            .then_with(|| {
                a.message
                    .partial_cmp(&b.message)
                    .unwrap_or(std::cmp::Ordering::Equal)
            })
    });
    findings.into_iter().map(|(_, f)| f).collect()
}

/// How large a territory (actors and links) must be for its rules to run on several threads.
const THREADED_FROM: usize = 10_000;

/// The findings of each rule, in the order of `contexts`. The rules are independent: on a
/// large territory this thread and one more per other core take them in turn (duplicate-actor
/// alone takes a third of a second for 50,000 actors); a small one is checked here alone.
fn run_rules(contexts: &[(usize, Context)], territory: &Territory) -> Vec<Vec<Finding>> {
    let run = |(_, cx): &(usize, Context)| (cx.rule.check)(cx, territory);
    let cores = crate::parallel::cores();
    let helpers = cores.min(contexts.len()).saturating_sub(1);
    if helpers == 0 || territory.links().len() + territory.actors().len() < THREADED_FROM {
        return contexts.iter().map(run).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let take_turns = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(context) = contexts.get(i) else {
                return done;
            };
            done.push((i, run(context)));
        }
    };
    let mut found: Vec<Vec<Finding>> = vec![Vec::new(); contexts.len()];
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (0..helpers).map(|_| scope.spawn(take_turns)).collect();
        let mut done = take_turns();
        for helper in helpers {
            match helper.join() {
                Ok(theirs) => done.extend(theirs),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        done.into_iter().for_each(|(i, f)| found[i] = f);
    });
    found
}

/// True when a finding should make the command fail (exit code 1).
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// A test territory from a compact JSON text (the single-file format).
#[cfg(test)]
pub(crate) fn territory(json: &str) -> Territory {
    let dir = std::env::temp_dir().join(format!(
        "actormap-rule-test-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("t.json");
    std::fs::write(&path, json).expect("written");
    let t = crate::load::load(&path);
    let _ = std::fs::remove_dir_all(&dir);
    let mut t = t.unwrap_or_else(|e| panic!("test territory does not load: {e:?}"));
    // Locations name the file as "t.json", wherever the temporary folder was.
    let short = |l: &mut Location| l.file = "t.json".into();
    t.edit(|t| t.origins_mut().for_each(short));
    t.rules.values_mut().for_each(|r| short(&mut r.origin));
    t
}

/// The messages of one rule's findings on a test territory, in report order, in English.
#[cfg(test)]
pub(crate) fn messages_of(rule: &'static Rule, territory: &Territory) -> Vec<String> {
    findings_of(rule, territory)
        .into_iter()
        .map(|f| f.message.render(crate::i18n::Lang::En))
        .collect()
}

/// Run one rule at its defaults (plus the territory's settings) on a test territory.
#[cfg(test)]
pub(crate) fn findings_of(rule: &'static Rule, territory: &Territory) -> Vec<Finding> {
    let config = Config::from_territory(territory).expect("valid settings");
    run_with(territory, &config)
        .into_iter()
        .filter(|f| f.rule == rule.name)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: &str = r#"{
        "rules": {"missing-lead": "SETTING", "empty-domain": "allow"},
        "domains": [{"id": "D1", "name": "Tout"}],
        "objectives": [{"id": "o", "domain": "D1", "title": "O", "priority": "oui"}]
    }"#;

    #[test]
    fn run_uses_the_territory_settings_and_sorts_errors_first() {
        let found = run(&territory(&T.replace("SETTING", "info"))).expect("valid settings");
        let shown: Vec<(&str, Severity)> = found.iter().map(|f| (f.rule, f.severity)).collect();
        assert_eq!(
            shown,
            [
                ("priority-unfunded", Severity::Error),
                ("missing-lead", Severity::Info),
            ]
        );
    }

    #[test]
    fn run_refuses_bad_settings() {
        // The loader refuses such a file; a territory built otherwise is still checked.
        let mut t = territory(&T.replace("SETTING", "error"));
        if let Some(setting) = t.rules.get_mut("missing-lead") {
            setting.value = "loud".into();
        }
        let e = run(&t).unwrap_err();
        assert!(
            e.render(crate::i18n::Lang::En)
                .contains("t.json:2: rule \"missing-lead\": unknown severity \"loud\""),
            "{e}"
        );
    }

    #[test]
    fn graded_severity_yields_to_the_settings_except_for_good_news() {
        let t = territory(&T.replace("SETTING", "error"));
        let facts = Facts::new(&t);
        let at = |severity, severity_set| Context {
            rule: rule("bonus-at-risk").unwrap(),
            severity,
            facts: &facts,
            params: &[],
            severity_set,
        };
        let (info, warning, error) = (Severity::Info, Severity::Warning, Severity::Error);
        // At the defaults: the grade.
        assert_eq!(at(warning, false).graded(error), error);
        assert_eq!(at(warning, false).graded(warning), warning);
        assert_eq!(at(warning, false).graded(info), info);
        // --deny warnings: the default grade rises with the rule.
        assert_eq!(at(error, false).graded(warning), error);
        assert_eq!(at(error, false).graded(info), info);
        // A severity named in the settings: every finding takes it, good news stays info.
        assert_eq!(at(warning, true).graded(error), warning);
        assert_eq!(at(error, true).graded(warning), error);
        assert_eq!(at(error, true).graded(info), info);
        assert_eq!(at(info, true).graded(error), info);
    }

    #[test]
    fn rules_run_on_threads_find_what_they_find_one_by_one() {
        use crate::model::{Actor, Domain, Link, Objective, Scope, Tables};
        let at = Location::new("t.json", 1);
        let mut t = Tables::default();
        t.domains.push(Domain {
            id: "D1".into(),
            name: "Tout".into(),
            headline: None,
            related: vec!["D2".into()],
            context: Vec::new(),
            origin: at.clone(),
        });
        for o in 0..100 {
            t.objectives.push(Objective {
                id: format!("o{o}"),
                domain: "D1".into(),
                title: format!("Objectif {o}"),
                target: Some(10.0),
                unit: None,
                current: Some(o as f64 / 10.0),
                priority: o % 7 == 0,
                contractual: true,
                reach: None,
                origin: at.clone(),
            });
        }
        // Enough actors and links for the rules to run on threads; one in 97 a duplicate.
        for a in 0..6000 {
            let name = if a % 97 == 96 {
                format!("ACTEUR {}", a - 50)
            } else {
                format!("Acteur {a}")
            };
            t.actors.push(Actor {
                id: format!("a{a}"),
                name,
                kind: None,
                short: None,
                aliases: Vec::new(),
                members: Vec::new(),
                origin: at.clone(),
            });
            if a % 5 != 0 {
                t.links.push(Link {
                    actor: compact_str::format_compact!("a{a}"),
                    scope: Scope::Objective(compact_str::format_compact!("o{}", a % 100)),
                    role: Role::ALL[a % 7],
                    means: None,
                    note: None,
                    origin: at.clone(),
                });
            }
        }
        let t = Territory::new(t);
        assert!(t.links().len() + t.actors().len() >= THREADED_FROM);
        let facts = Facts::new(&t);
        let contexts: Vec<(usize, Context)> = RULES
            .iter()
            .enumerate()
            .map(|(rank, &rule)| {
                let context = Context {
                    rule,
                    severity: rule.severity,
                    facts: &facts,
                    params: &[],
                    severity_set: false,
                };
                (rank, context)
            })
            .collect();
        let threaded = run_rules(&contexts, &t);
        let one_by_one: Vec<Vec<Finding>> = (contexts.iter())
            .map(|(_, cx)| (cx.rule.check)(cx, &t))
            .collect();
        assert_eq!(threaded, one_by_one);
        let rules_found = threaded.iter().filter(|f| !f.is_empty()).count();
        assert!(rules_found >= 5, "{rules_found} rules found something");
    }

    #[test]
    fn every_rule_is_registered_once() {
        let mut names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), RULES.len());
    }
}
