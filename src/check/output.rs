//! Findings and rules written out: text for people (styled; the caller's stream strips the
//! styles when they are not wanted), JSON for scripts, Markdown for the committee's minutes.
//! Every word comes from the language's catalog (`src/i18n/<lang>/check.rs`); rule ids, JSON
//! keys and severity ids stay English: they are identifiers.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use super::message::Label;
use super::{Finding, Rule, Severity};
use crate::i18n::{Catalog, Lang};
use crate::markdown::escape as cell;
use crate::model::Territory;
use crate::spreadsheet::{Cell, Table, Tone};
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

/// "8 errors, 2 warnings, 9 infos"; "8 erreurs, 2 avertissements, 9 informations".
pub fn summary(findings: &[Finding], lang: Lang) -> String {
    let count = |s| findings.iter().filter(|f| f.severity == s).count();
    lang.catalog().summary(
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    )
}

/// One block per finding (severity, rule, message, where, hint), then the summary line.
pub fn text(findings: &[Finding], lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let words = lang.catalog();
    let colon = words.colon();
    for f in findings {
        let s = severity_style(f.severity);
        writeln!(
            out,
            "{s}{}{s:#}{BOLD}[{}]{colon} {}{BOLD:#}",
            words.severity(f.severity),
            f.rule,
            escape(&f.message.render(lang))
        )?;
        if let Some(location) = &f.location {
            let location = location.to_string();
            writeln!(out, "  {GUTTER}-->{GUTTER:#} {}", escape(&location))?;
        }
        if let Some(hint) = &f.hint {
            writeln!(
                out,
                "  {GUTTER}={GUTTER:#} {BOLD}{}{colon}{BOLD:#} {}",
                words.label(Label::Hint),
                escape(&hint.render(lang))
            )?;
        }
        writeln!(out)?;
    }
    writeln!(out, "{}", summary(findings, lang))
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
    /// In the report's language.
    message: String,
    hint: Option<String>,
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

/// A stable array of findings for scripts, names looked up in the territory; `message` and
/// `hint` in `lang`.
pub fn json(
    territory: &Territory,
    findings: &[Finding],
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    let rows: Vec<JsonFinding> = findings
        .iter()
        .map(|f| JsonFinding {
            rule: f.rule,
            severity: f.severity,
            message: f.message.render(lang),
            hint: f.hint.as_ref().map(|h| h.render(lang)),
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
pub fn markdown(findings: &[Finding], lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let words = lang.catalog();
    if findings.is_empty() {
        return writeln!(out, "{}", words.no_finding(&summary(findings, lang)));
    }
    writeln!(out, "| {} |", words.findings_header().join(" | "))?;
    writeln!(out, "|---|---|---|---|---|")?;
    for f in findings {
        writeln!(
            out,
            "| {} | `{}` | {} | {} | {} |",
            words.severity(f.severity),
            f.rule,
            cell(&f.message.render(lang)),
            cell(&f.hint.as_ref().map(|h| h.render(lang)).unwrap_or_default()),
            cell(
                &f.location
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default()
            )
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{}", summary(findings, lang))
}

/// One row per finding, for a spreadsheet: the severity (coloured in a workbook), the rule,
/// the finding, the hint and where, as in the Markdown table.
pub fn table(findings: &[Finding], lang: Lang) -> Table {
    let words = lang.catalog();
    let (sheet, _) = words.findings_sheet();
    let mut table = Table::new(sheet, &words.findings_header());
    for f in findings {
        let tone = match f.severity {
            Severity::Error => Tone::Bad,
            Severity::Warning => Tone::Caution,
            Severity::Info => Tone::Fair,
        };
        table.rows.push(vec![
            Cell::Marked(words.severity(f.severity).to_owned(), tone),
            Cell::text(f.rule),
            Cell::text(f.message.render(lang)),
            Cell::text(f.hint.as_ref().map(|h| h.render(lang)).unwrap_or_default()),
            Cell::text(
                f.location
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
            ),
        ]);
    }
    table
}

/// The name of the workbook `check --format xlsx` writes without `--out`.
pub fn workbook_name(lang: Lang) -> &'static str {
    lang.catalog().findings_sheet().1
}

/// A rule's settings with their defaults, in one line.
fn settings(rule: &Rule, words: &dyn Catalog, lang: Lang) -> String {
    rule.params
        .iter()
        .map(|p| words.setting_line(p.name, &p.default, &p.doc.render(lang)))
        .collect::<Vec<_>>()
        .join("; ")
}

/// `actormap rules`: every rule with its default severity and doc.
pub fn rules_text(rules: &[&Rule], lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let words = lang.catalog();
    let colon = words.colon();
    for (n, rule) in rules.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let doc = rule.doc.render(lang);
        let s = severity_style(rule.severity);
        writeln!(
            out,
            "{BOLD}{}{BOLD:#} ({s}{}{s:#})",
            rule.name,
            words.severity(rule.severity)
        )?;
        writeln!(out, "  {}", doc.summary)?;
        let label = |l| words.label(l);
        writeln!(
            out,
            "  {BOLD}{}{colon}{BOLD:#} {}",
            label(Label::Why),
            doc.why
        )?;
        writeln!(
            out,
            "  {BOLD}{}{colon}{BOLD:#} {}",
            label(Label::Example),
            doc.example
        )?;
        if !rule.params.is_empty() {
            writeln!(
                out,
                "  {BOLD}{}{colon}{BOLD:#} {}",
                label(Label::Settings),
                settings(rule, words, lang)
            )?;
        }
    }
    Ok(())
}

/// The rule table of the README (`--lang en`).
pub fn rules_markdown(rules: &[&Rule], lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let words = lang.catalog();
    writeln!(out, "| {} |", words.rules_header().join(" | "))?;
    writeln!(out, "|---|---|---|---|---|---|")?;
    for rule in rules {
        let doc = rule.doc.render(lang);
        writeln!(
            out,
            "| `{}` | {} | {} | {} | {} | {} |",
            rule.name,
            words.severity(rule.severity),
            cell(&doc.summary),
            cell(&doc.why),
            cell(&doc.example),
            cell(&settings(rule, words, lang))
        )?;
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonRule<'a> {
    name: &'a str,
    severity: Severity,
    summary: String,
    why: String,
    example: String,
    settings: Vec<JsonParam<'a>>,
}

#[derive(Serialize)]
struct JsonParam<'a> {
    name: &'a str,
    default: serde_json::Value,
    doc: String,
}

/// The registry as JSON, for tools: names, severities and defaults as identifiers, the docs
/// in `lang`.
pub fn rules_json(rules: &[&Rule], lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let rows: Vec<JsonRule> = rules
        .iter()
        .map(|r| {
            let doc = r.doc.render(lang);
            JsonRule {
                name: r.name,
                severity: r.severity,
                summary: doc.summary,
                why: doc.why,
                example: doc.example,
                settings: r
                    .params
                    .iter()
                    .map(|p| JsonParam {
                        name: p.name,
                        default: match &p.default {
                            super::ParamValue::Count(n) => (*n).into(),
                            super::ParamValue::Roles(roles) => {
                                roles.iter().map(|r| r.id()).collect()
                            }
                            super::ParamValue::Ids(ids) => ids.iter().map(String::as_str).collect(),
                        },
                        doc: p.doc.render(lang),
                    })
                    .collect(),
            }
        })
        .collect();
    terminal::write_json(out, &rows)
}
