//! Rule settings: each rule's severity (or off) and parameters, from the registry's defaults,
//! then `territory.json` (`"rules": {"no-relay": "error", "overloaded-lead": {"max": 2}}`),
//! then the command line (`--deny RULE`, `--warn RULE`, `--allow RULE`, `--deny warnings`).

use std::borrow::Cow;

use serde_json::Value;

use super::{ParamValue, RULES, Rule, Severity};
use crate::error::{Error, LoadError, Misuse};
use crate::load::message::{ListOf, Message};
use crate::load::values;
use crate::model::{Role, RuleSetting, Territory};
use crate::names::{fold, key, suggest};

/// One rule's settings.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleConfig {
    /// `None` when the rule is off (`allow`).
    pub severity: Option<Severity>,
    /// The parameters set explicitly; the others keep the rule's defaults.
    pub params: Vec<(&'static str, ParamValue)>,
    /// True when territory.json or the command line named a severity for the rule, even its
    /// default: a rule that raises some findings (bonus-at-risk) then keeps to it.
    pub severity_set: bool,
}

/// The settings of every rule of the registry.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    rules: Vec<(&'static str, RuleConfig)>,
    /// `--deny warnings`: every warning is reported as an error.
    pub deny_warnings: bool,
}

/// The command line's say: rule names (or `warnings` for `--deny`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    pub deny: Vec<String>,
    pub warn: Vec<String>,
    pub allow: Vec<String>,
}

/// A severity word as written in territory.json; `Ok(None)` means off.
fn severity_word(word: &str) -> Result<Option<Severity>, Message> {
    match fold(word).as_str() {
        "error" | "erreur" | "deny" => Ok(Some(Severity::Error)),
        "warning" | "warn" | "avertissement" | "alerte" => Ok(Some(Severity::Warning)),
        "info" | "information" => Ok(Some(Severity::Info)),
        "allow" | "off" | "ignore" | "desactive" | "desactivee" => Ok(None),
        _ => Err(Message::UnknownSeverity {
            word: word.to_owned(),
        }),
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            rules: RULES
                .iter()
                .map(|r| {
                    (
                        r.name,
                        RuleConfig {
                            severity: Some(r.severity),
                            params: Vec::new(),
                            severity_set: false,
                        },
                    )
                })
                .collect(),
            deny_warnings: false,
        }
    }
}

impl Config {
    /// The settings of a rule of the registry.
    pub fn rule(&self, name: &str) -> Option<&RuleConfig> {
        self.rules.iter().find(|(n, _)| *n == name).map(|(_, c)| c)
    }

    /// A list-of-roles setting of a rule that is on: the value set, else the rule's
    /// default. `None` when the rule is off (`allow`) or has no such setting.
    pub fn roles(&self, rule: &str, param: &str) -> Option<&[Role]> {
        let config = self.rule(rule)?;
        config.severity?;
        let set = config
            .params
            .iter()
            .find(|(n, _)| *n == param)
            .map(|(_, v)| v);
        let default = || {
            super::rule(rule)?
                .params
                .iter()
                .find(|p| p.name == param)
                .map(|p| &p.default)
        };
        match set.or_else(default)? {
            ParamValue::Roles(roles) => Some(roles),
            ParamValue::Count(_) | ParamValue::Ids(_) => None,
        }
    }

    /// True when the rule is on (not `allow`).
    pub fn is_on(&self, rule: &str) -> bool {
        self.rule(rule).is_some_and(|c| c.severity.is_some())
    }

    fn rule_mut(&mut self, name: &str) -> Option<&mut RuleConfig> {
        self.rules
            .iter_mut()
            .find(|(n, _)| *n == name)
            .map(|(_, c)| c)
    }

    /// The defaults, changed by the territory's `"rules"`. Every bad setting is reported,
    /// each with the line of territory.json it is on.
    pub fn from_territory(territory: &Territory) -> Result<Config, Vec<LoadError>> {
        let mut config = Config::default();
        let mut errors = Vec::new();
        for (name, setting) in &territory.rules {
            if let Err(message) = config.set(territory, name, setting) {
                errors.push(LoadError::new(setting.origin.clone(), message));
            }
        }
        if errors.is_empty() {
            Ok(config)
        } else {
            errors.sort();
            Err(errors)
        }
    }

    fn set(
        &mut self,
        territory: &Territory,
        name: &str,
        setting: &RuleSetting,
    ) -> Result<(), Message> {
        let Some(rule) = super::rule(name) else {
            return Err(Message::UnknownRule {
                name: name.to_owned(),
                suggestion: closest_rule(name),
            });
        };
        let in_rule = |then: Message| Message::Rule {
            name: name.to_owned(),
            then: Box::new(then),
        };
        let Some(config) = self.rule_mut(name) else {
            return Ok(());
        };
        match &setting.value {
            Value::String(word) => {
                config.severity = severity_word(word).map_err(in_rule)?;
                config.severity_set = true;
            }
            Value::Object(fields) => {
                let mut problems = Vec::new();
                for (key, value) in fields {
                    if matches!(
                        fold(key).as_str(),
                        "severity" | "level" | "severite" | "niveau"
                    ) {
                        match value.as_str().map(severity_word) {
                            Some(Ok(severity)) => {
                                config.severity = severity;
                                config.severity_set = true;
                            }
                            Some(Err(e)) => problems.push(e.at_key(key.as_str())),
                            None => problems.push(Message::ExpectedSeverity.at_key(key.as_str())),
                        }
                        continue;
                    }
                    let Some(param) = rule.params.iter().find(|p| p.name == fold(key)) else {
                        problems.push(Message::UnknownSetting {
                            key: key.clone(),
                            expected: expected_keys(rule),
                        });
                        continue;
                    };
                    match param_value(&param.default, value, territory) {
                        Ok(v) => {
                            config.params.retain(|(n, _)| *n != param.name);
                            config.params.push((param.name, v));
                        }
                        Err(e) => problems.push(e.at_key(key.as_str())),
                    }
                }
                match problems.len() {
                    0 => {}
                    1 => return Err(in_rule(problems.remove(0))),
                    _ => return Err(in_rule(Message::All(problems))),
                }
            }
            _ => {
                return Err(in_rule(Message::ExpectedSeverityOrObject {
                    example: example_object(rule),
                }));
            }
        }
        Ok(())
    }

    /// Apply the command line. The stricter flag wins when one rule is named twice.
    pub fn apply(&mut self, overrides: &Overrides) -> Result<(), Error> {
        let flags: [(&str, &[String], Option<Severity>); 3] = [
            ("--allow", &overrides.allow, None),
            ("--warn", &overrides.warn, Some(Severity::Warning)),
            ("--deny", &overrides.deny, Some(Severity::Error)),
        ];
        for (flag, names, severity) in flags {
            for name in names {
                if name == "warnings" {
                    if flag == "--deny" {
                        self.deny_warnings = true;
                        continue;
                    }
                    return Err(Error::Misuse(Misuse::WarningsWithoutDeny { flag }));
                }
                match self.rule_mut(name) {
                    Some(config) => {
                        config.severity = severity;
                        config.severity_set = true;
                    }
                    None => {
                        return Err(Error::Misuse(Misuse::UnknownRule {
                            name: name.clone(),
                            flag,
                            closest: closest_rule(name),
                        }));
                    }
                }
            }
        }
        Ok(())
    }
}

/// The rule `name` is likely a typo of, if any.
fn closest_rule(name: &str) -> Option<String> {
    suggest(name, RULES.iter().map(|r| r.name)).map(str::to_owned)
}

/// The keys a rule's setting object takes.
fn expected_keys(rule: &Rule) -> Vec<&'static str> {
    let mut keys = vec!["severity"];
    keys.extend(rule.params.iter().map(|p| p.name));
    keys
}

fn example_object(rule: &Rule) -> String {
    match rule.params.first() {
        Some(p) => match &p.default {
            ParamValue::Count(n) => format!("{{\"{}\": {n}}}", p.name),
            ParamValue::Roles(_) => format!("{{\"{}\": [\"financeur\", \"cible\"]}}", p.name),
            ParamValue::Ids(_) => format!("{{\"{}\": [\"renovation\"]}}", p.name),
        },
        None => "{\"severity\": \"warning\"}".to_owned(),
    }
}

/// A list setting's words: a JSON array of strings, or one string separated by `,` `;` `|`.
fn words(value: &Value, of: ListOf) -> Result<Vec<&str>, Message> {
    let expected = || Message::ExpectedList {
        of,
        found: value.to_string(),
    };
    let words: Vec<&str> = match value {
        Value::Array(items) => items
            .iter()
            .map(|v| v.as_str().ok_or(()))
            .collect::<Result<_, _>>()
            .map_err(|()| expected())?,
        Value::String(s) => s.split([',', ';', '|']).map(str::trim).collect(),
        _ => return Err(expected()),
    };
    Ok(words.into_iter().filter(|w| !w.trim().is_empty()).collect())
}

/// An objective or domain id of the territory, as written in a setting (any case or
/// spacing: "dc 4" is DC4), with a suggestion when it names neither.
fn objective_or_domain(territory: &Territory, word: &str) -> Result<String, Message> {
    let wanted = key(word);
    let objectives = territory.objectives().iter().map(|o| o.id.as_str());
    let domains = territory.domains().iter().map(|d| d.id.as_str());
    if let Some(id) = objectives
        .clone()
        .chain(domains.clone())
        .find(|id| key(id) == wanted)
    {
        return Ok(id.to_owned());
    }
    Err(Message::UnknownObjectiveOrDomain {
        id: word.to_owned(),
        suggestion: suggest(word, objectives.chain(domains)).map(str::to_owned),
    })
}

/// A JSON value read as a parameter of the same kind as its default; ids must name an
/// objective or a domain of the territory.
fn param_value(
    default: &ParamValue,
    value: &Value,
    territory: &Territory,
) -> Result<ParamValue, Message> {
    match default {
        ParamValue::Count(_) => value
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .map(ParamValue::Count)
            .ok_or_else(|| Message::ExpectedCount {
                found: value.to_string(),
            }),
        ParamValue::Roles(_) => {
            let mut roles = Vec::new();
            for word in words(value, ListOf::Roles)? {
                let role = values::role(word)?;
                if !roles.contains(&role) {
                    roles.push(role);
                }
            }
            Ok(ParamValue::Roles(Cow::Owned(roles)))
        }
        ParamValue::Ids(_) => {
            let mut ids = Vec::new();
            let mut unknown = Vec::new();
            for word in words(value, ListOf::Ids)? {
                match objective_or_domain(territory, word) {
                    Ok(id) if !ids.contains(&id) => ids.push(id),
                    Ok(_) => {}
                    Err(e) => unknown.push(e),
                }
            }
            match unknown.len() {
                0 => Ok(ParamValue::Ids(ids)),
                1 => Err(unknown.remove(0)),
                _ => Err(Message::All(unknown)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Location;
    use crate::i18n::Lang;
    use crate::model::Role;

    fn with(rules: &[(&str, Value)]) -> Result<Config, Vec<LoadError>> {
        let mut t = Territory::default();
        for (n, (name, value)) in rules.iter().enumerate() {
            t.rules.insert(
                (*name).to_owned(),
                RuleSetting {
                    value: value.clone(),
                    origin: Location::new("territory.json", n + 2),
                },
            );
        }
        Config::from_territory(&t)
    }

    #[test]
    fn severities_and_parameters_are_read() {
        let c = with(&[
            ("no-relay", Value::from("erreur")),
            ("orphan-actor", Value::from("allow")),
            (
                "overloaded-lead",
                serde_json::json!({"max": 2, "severity": "info"}),
            ),
            (
                "missing-role",
                serde_json::json!({"roles": ["financeur", "relais"]}),
            ),
        ])
        .unwrap();
        assert_eq!(c.rule("no-relay").unwrap().severity, Some(Severity::Error));
        assert_eq!(c.rule("orphan-actor").unwrap().severity, None);
        let lead = c.rule("overloaded-lead").unwrap();
        assert_eq!(lead.severity, Some(Severity::Info));
        assert_eq!(lead.params, [("max", ParamValue::Count(2))]);
        assert_eq!(
            c.rule("missing-role").unwrap().params,
            [(
                "roles",
                ParamValue::Roles(Cow::Owned(vec![Role::Funder, Role::Relay]))
            )]
        );
    }

    #[test]
    fn role_settings_read_the_value_set_or_the_default_and_nothing_when_off() {
        let c = Config::default();
        assert_eq!(
            c.roles("missing-role", "roles"),
            Some(&[Role::Funder, Role::Target][..])
        );
        assert!(c.is_on("missing-role"));
        let c = with(&[(
            "missing-role",
            serde_json::json!({"roles": ["relais"], "severity": "info"}),
        )])
        .unwrap();
        assert_eq!(c.roles("missing-role", "roles"), Some(&[Role::Relay][..]));
        let c = with(&[("missing-role", Value::from("allow"))]).unwrap();
        assert_eq!(c.roles("missing-role", "roles"), None);
        assert!(!c.is_on("missing-role"));
        assert_eq!(c.roles("overloaded-lead", "max"), None);
    }

    #[test]
    fn bad_settings_name_their_line_and_what_was_expected() {
        let e = with(&[
            ("no-rely", Value::from("error")),
            ("orphan-actor", Value::from("loud")),
            (
                "overloaded-lead",
                serde_json::json!({"max": "two", "maxi": 1}),
            ),
            ("single-funder", Value::from(3)),
        ])
        .unwrap_err();
        let shown: Vec<String> = e.iter().map(|e| e.render(Lang::En)).collect();
        assert_eq!(
            shown,
            [
                "territory.json:2: rules: unknown rule \"no-rely\" (did you mean \"no-relay\"?); `actormap rules` lists them",
                "territory.json:3: rule \"orphan-actor\": unknown severity \"loud\"; expected error, warning, info or allow",
                "territory.json:4: rule \"overloaded-lead\": \"max\": expected a whole number (0 or more), found \"two\"; unknown setting \"maxi\"; expected severity or max",
                "territory.json:5: rule \"single-funder\": expected a severity (error, warning, info or allow) or an object such as {\"severity\": \"warning\"}",
            ]
        );
    }

    #[test]
    fn bad_roles_are_reported() {
        let e = with(&[(
            "missing-role",
            serde_json::json!({"roles": ["cibles", "banquier"]}),
        )])
        .unwrap_err();
        assert!(
            e[0].message
                .render(Lang::En)
                .contains("unknown role \"banquier\""),
            "{:?}",
            e[0]
        );
    }

    #[test]
    fn the_command_line_wins_and_the_stricter_flag_wins() {
        let mut c = with(&[("no-relay", Value::from("allow"))]).unwrap();
        c.apply(&Overrides {
            deny: vec!["no-relay".into(), "warnings".into()],
            warn: vec!["no-relay".into(), "single-funder".into()],
            allow: vec!["missing-lead".into()],
        })
        .unwrap();
        assert_eq!(c.rule("no-relay").unwrap().severity, Some(Severity::Error));
        assert_eq!(
            c.rule("single-funder").unwrap().severity,
            Some(Severity::Warning)
        );
        assert_eq!(c.rule("missing-lead").unwrap().severity, None);
        assert!(c.deny_warnings);
    }

    #[test]
    fn unknown_rules_on_the_command_line_are_usage_errors() {
        let mut c = Config::default();
        let e = c
            .apply(&Overrides {
                warn: vec!["orphan-actors".into()],
                ..Overrides::default()
            })
            .unwrap_err();
        assert_eq!(
            e.render(Lang::En),
            "error: unknown rule \"orphan-actors\" in --warn (did you mean \"orphan-actor\"?); `actormap rules` lists them"
        );
        let e = c
            .apply(&Overrides {
                allow: vec!["warnings".into()],
                ..Overrides::default()
            })
            .unwrap_err();
        assert!(e.render(Lang::En).contains("--deny only"), "{e}");
        assert!(e.to_string().contains("ne va qu'avec --deny"), "{e}");
    }
}
