//! Findings and rules written out: text for people (styled; the caller's stream strips the
//! styles when they are not wanted), JSON for scripts, Markdown for the committee's minutes.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use super::{Finding, Rule, Severity};
use crate::markdown::escape as cell;
use crate::model::Territory;
use crate::terminal::{self, escape};

fn severity_style(severity: Severity) -> Style {
    let colour = match severity {
        Severity::Error => AnsiColor::Red,
        Severity::Warning => AnsiColor::Yellow,
        Severity::Info => AnsiColor::Cyan,
    };
    Style::new().bold().fg_color(Some(colour.into()))
}

const BOLD: Style = Style::new().bold();
const GUTTER: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Blue)));

/// "8 errors, 2 warnings, 9 infos".
pub fn summary(findings: &[Finding]) -> String {
    let count = |s| findings.iter().filter(|f| f.severity == s).count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}, {}",
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        plural(count(Severity::Info), "info")
    )
}

/// One block per finding (severity, rule, message, where, hint), then the summary line.
pub fn text(findings: &[Finding], out: &mut dyn Write) -> io::Result<()> {
    for f in findings {
        let s = severity_style(f.severity);
        writeln!(
            out,
            "{s}{}{s:#}{BOLD}[{}]: {}{BOLD:#}",
            f.severity,
            f.rule,
            escape(&f.message)
        )?;
        if let Some(location) = &f.location {
            let location = location.to_string();
            writeln!(out, "  {GUTTER}-->{GUTTER:#} {}", escape(&location))?;
        }
        if let Some(hint) = &f.hint {
            writeln!(
                out,
                "  {GUTTER}={GUTTER:#} {BOLD}hint:{BOLD:#} {}",
                escape(hint)
            )?;
        }
        writeln!(out)?;
    }
    writeln!(out, "{}", summary(findings))
}

/// An objective, actor or domain concerned by a finding.
#[derive(Serialize)]
struct Named {
    id: String,
    /// The objective's title, the actor's or the domain's name; empty if unknown.
    name: String,
}

#[derive(Serialize)]
struct Place<'a> {
    file: &'a str,
    /// 1-based; absent when the whole file is meant.
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
}

/// The JSON form of a finding. Documented in the README ("check --format json"); fields are
/// only ever added, never renamed.
#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    hint: Option<&'a str>,
    location: Option<Place<'a>>,
    objectives: Vec<Named>,
    actors: Vec<Named>,
    domains: Vec<Named>,
}

impl Serialize for Severity {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

fn named(ids: &[String], name: impl Fn(&str) -> Option<String>) -> Vec<Named> {
    ids.iter()
        .map(|id| Named {
            id: id.clone(),
            name: name(id).unwrap_or_default(),
        })
        .collect()
}

/// A stable array of findings for scripts, names looked up in the territory.
pub fn json(territory: &Territory, findings: &[Finding], out: &mut dyn Write) -> io::Result<()> {
    let rows: Vec<JsonFinding> = findings
        .iter()
        .map(|f| JsonFinding {
            rule: f.rule,
            severity: f.severity,
            message: &f.message,
            hint: f.hint.as_deref(),
            location: f.location.as_ref().map(|l| Place {
                file: &l.file,
                line: (l.line > 0).then_some(l.line),
            }),
            objectives: named(&f.objectives, |id| {
                territory.objective(id).map(|o| o.title.clone())
            }),
            actors: named(&f.actors, |id| territory.actor(id).map(|a| a.name.clone())),
            domains: named(&f.domains, |id| {
                territory.domain(id).map(|d| d.name.clone())
            }),
        })
        .collect();
    terminal::write_json(out, &rows)
}

/// A table to paste into the committee's minutes, then the summary line.
pub fn markdown(findings: &[Finding], out: &mut dyn Write) -> io::Result<()> {
    if findings.is_empty() {
        return writeln!(out, "No finding: {}.", summary(findings));
    }
    writeln!(out, "| Severity | Rule | Finding | Hint | Where |")?;
    writeln!(out, "|---|---|---|---|---|")?;
    for f in findings {
        writeln!(
            out,
            "| {} | `{}` | {} | {} | {} |",
            f.severity,
            f.rule,
            cell(&f.message),
            cell(f.hint.as_deref().unwrap_or("")),
            cell(
                &f.location
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default()
            )
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{}", summary(findings))
}

fn settings(rule: &Rule) -> String {
    rule.params
        .iter()
        .map(|p| format!("{} (default {}): {}", p.name, p.default, p.doc))
        .collect::<Vec<_>>()
        .join("; ")
}

/// `actormap rules`: every rule with its default severity and doc.
pub fn rules_text(rules: &[&Rule], out: &mut dyn Write) -> io::Result<()> {
    for (n, rule) in rules.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let s = severity_style(rule.severity);
        writeln!(
            out,
            "{BOLD}{}{BOLD:#} ({s}{}{s:#})",
            rule.name, rule.severity
        )?;
        writeln!(out, "  {}", rule.summary)?;
        writeln!(out, "  {BOLD}why:{BOLD:#} {}", rule.why)?;
        writeln!(out, "  {BOLD}example:{BOLD:#} {}", rule.example)?;
        if !rule.params.is_empty() {
            writeln!(out, "  {BOLD}settings:{BOLD:#} {}", settings(rule))?;
        }
    }
    Ok(())
}

/// The rule table of the README.
pub fn rules_markdown(rules: &[&Rule], out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "| Rule | Default | What it finds | Why it matters | Example | Settings |"
    )?;
    writeln!(out, "|---|---|---|---|---|---|")?;
    for rule in rules {
        writeln!(
            out,
            "| `{}` | {} | {} | {} | {} | {} |",
            rule.name,
            rule.severity,
            cell(rule.summary),
            cell(rule.why),
            cell(rule.example),
            cell(&settings(rule))
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonRule<'a> {
    name: &'a str,
    severity: Severity,
    summary: &'a str,
    why: &'a str,
    example: &'a str,
    settings: Vec<JsonParam<'a>>,
}

#[derive(Serialize)]
struct JsonParam<'a> {
    name: &'a str,
    default: serde_json::Value,
    doc: &'a str,
}

/// The registry as JSON, for tools.
pub fn rules_json(rules: &[&Rule], out: &mut dyn Write) -> io::Result<()> {
    let rows: Vec<JsonRule> = rules
        .iter()
        .map(|r| JsonRule {
            name: r.name,
            severity: r.severity,
            summary: r.summary,
            why: r.why,
            example: r.example,
            settings: r
                .params
                .iter()
                .map(|p| JsonParam {
                    name: p.name,
                    default: match &p.default {
                        super::ParamValue::Count(n) => (*n).into(),
                        super::ParamValue::Roles(roles) => roles.iter().map(|r| r.id()).collect(),
                        super::ParamValue::Ids(ids) => ids.iter().map(String::as_str).collect(),
                    },
                    doc: p.doc,
                })
                .collect(),
        })
        .collect();
    terminal::write_json(out, &rows)
}
