//! A diff for people (text, Markdown), for spreadsheets (CSV, XLSX) and for tools (JSON),
//! every word and number in the user's language from its catalog
//! (`src/i18n/<lang>/diff.rs`); JSON keys and ids stay English: they are identifiers, and
//! only the findings' messages, sentences, follow the language.

use std::io::{self, Write};

use serde::Serialize;

use super::message::{Change, Section};
use super::{
    ActionRef, ActorRef, BearerChange, BonusChange, Diff, FindingRef, ParentChange, ProgressChange,
    RoleChange, SeatChange, StateChange,
};
use crate::check::Severity;
use crate::i18n::Lang;
use crate::markdown::escape;
use crate::model::{ActionStatus, Role};
use crate::numbers::percent_value;
use crate::spreadsheet::{Cell, Table, Tone};
use crate::status::Verdict;
use crate::terminal;

/// "FDE62 (fde62)", or the name alone when it is the id.
fn actor(a: &ActorRef) -> String {
    if a.id == a.name {
        a.name.clone()
    } else {
        format!("{} ({})", a.name, a.id)
    }
}

/// The diff as titled sections of lines, empty sections left out.
pub(crate) fn sections(d: &Diff, lang: Lang) -> Vec<(String, Vec<String>)> {
    let words = lang.catalog();
    let all: Vec<(Section, Vec<String>)> = vec![
        (
            Section::ActorsAdded,
            d.actors_added.iter().map(actor).collect(),
        ),
        (
            Section::ActorsRemoved,
            d.actors_removed.iter().map(actor).collect(),
        ),
        (Section::ObjectivesAdded, d.objectives_added.clone()),
        (Section::ObjectivesRemoved, d.objectives_removed.clone()),
        (
            Section::Roles,
            d.roles.iter().map(|r| r.sentence(lang)).collect(),
        ),
        (
            Section::FindingsAppeared,
            d.findings_appeared
                .iter()
                .map(|f| f.sentence(lang))
                .collect(),
        ),
        (
            Section::FindingsResolved,
            d.findings_resolved
                .iter()
                .map(|f| f.sentence(lang))
                .collect(),
        ),
        (
            Section::ActionsAdded,
            d.actions_added
                .iter()
                .map(|a| words.action_ref(a))
                .collect(),
        ),
        (
            Section::ActionsRemoved,
            d.actions_removed
                .iter()
                .map(|a| words.action_ref(a))
                .collect(),
        ),
        (
            Section::ActionStates,
            d.action_states
                .iter()
                .map(|c| words.state_change(c))
                .collect(),
        ),
        (
            Section::Bearers,
            d.bearers.iter().map(|c| words.bearer_change(c)).collect(),
        ),
        (
            Section::BodiesAdded,
            d.bodies_added.iter().map(actor).collect(),
        ),
        (
            Section::BodiesRemoved,
            d.bodies_removed.iter().map(actor).collect(),
        ),
        (
            Section::Seats,
            d.seats.iter().map(|c| words.seat_change(c)).collect(),
        ),
        (
            Section::Parents,
            d.parents.iter().map(|c| words.parent_change(c)).collect(),
        ),
        (
            Section::Progress,
            d.progress
                .iter()
                .map(|p| words.progress_change(p))
                .collect(),
        ),
        (
            Section::Bonus,
            d.bonus.iter().map(|b| words.bonus_change(b)).collect(),
        ),
    ];
    all.into_iter()
        .filter(|(_, lines)| !lines.is_empty())
        .map(|(section, lines)| (words.diff_section(section, lines.len()), lines))
        .collect()
}

fn title(d: &Diff, lang: Lang) -> String {
    lang.catalog().diff_title(&d.old, &d.new)
}

pub fn text(d: &Diff, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    terminal::line(out, &title(d, lang))?;
    if d.is_empty() {
        return writeln!(out, "{}", lang.catalog().no_difference());
    }
    for (title, lines) in sections(d, lang) {
        writeln!(out)?;
        terminal::line(out, &title)?;
        for line in lines {
            terminal::line(out, &format!("  {line}"))?;
        }
    }
    Ok(())
}

pub fn markdown(d: &Diff, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "## {}", escape(&title(d, lang)))?;
    if d.is_empty() {
        writeln!(out)?;
        let none = lang.catalog().no_difference();
        let mut chars = none.chars();
        let capitalised: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        return writeln!(out, "{capitalised}.");
    }
    for (title, lines) in sections(d, lang) {
        writeln!(out)?;
        writeln!(out, "### {}", escape(&title))?;
        writeln!(out)?;
        for line in lines {
            writeln!(out, "- {}", escape(&line))?;
        }
    }
    Ok(())
}

/// The colour of a finding that appeared, by its severity.
fn severity_tone(severity: Severity) -> Tone {
    match severity {
        Severity::Error => Tone::Bad,
        Severity::Warning => Tone::Caution,
        Severity::Info => Tone::Fair,
    }
}

/// One row per change, for a spreadsheet: the kind of change (coloured in a workbook), the
/// objective, actor and role it is about, a sentence for the rest, and the values before and
/// after as numbers.
pub fn table(d: &Diff, lang: Lang) -> Table {
    let words = lang.catalog();
    let (sheet, header) = words.diff_sheet();
    let mut table = Table::new(sheet, &header);
    let row = |change: Change, tone: Tone, objective: &str, actor: &str, role: &str| {
        let mut cells = vec![
            Cell::Marked(words.diff_change(change).to_owned(), tone),
            Cell::text(objective),
            Cell::text(actor),
            Cell::text(role),
        ];
        cells.extend([
            Cell::text(""),
            Cell::Number(None),
            Cell::Number(None),
            Cell::Percent(None),
            Cell::Percent(None),
            Cell::text(""),
        ]);
        cells
    };
    for a in &d.actors_added {
        table
            .rows
            .push(row(Change::ActorAdded, Tone::Fair, "", &a.name, ""));
    }
    for a in &d.actors_removed {
        table
            .rows
            .push(row(Change::ActorRemoved, Tone::Caution, "", &a.name, ""));
    }
    for o in &d.objectives_added {
        table
            .rows
            .push(row(Change::ObjectiveAdded, Tone::Fair, o, "", ""));
    }
    for o in &d.objectives_removed {
        table
            .rows
            .push(row(Change::ObjectiveRemoved, Tone::Caution, o, "", ""));
    }
    for r in &d.roles {
        let (change, tone) = role_change(r);
        table.rows.push(row(
            change,
            tone,
            &r.objective,
            &r.actor.name,
            r.role.word(lang),
        ));
    }
    let finding = |f: &FindingRef, change: Change, tone: Tone| {
        let mut cells = row(
            change,
            tone,
            &f.objectives.join(", "),
            &f.actors.join(", "),
            "",
        );
        cells[4] = Cell::text(f.sentence(lang));
        cells
    };
    for f in &d.findings_appeared {
        let tone = severity_tone(f.severity);
        table.rows.push(finding(f, Change::FindingAppeared, tone));
    }
    for f in &d.findings_resolved {
        table
            .rows
            .push(finding(f, Change::FindingResolved, Tone::Good));
    }
    let detailed = |change: Change, tone: Tone, objective: &str, detail: String| {
        let mut cells = row(change, tone, objective, "", "");
        cells[4] = Cell::text(detail);
        cells
    };
    for (list, change, tone) in [
        (&d.actions_added, Change::ActionAdded, Tone::Fair),
        (&d.actions_removed, Change::ActionRemoved, Tone::Caution),
    ] {
        for a in list {
            (table.rows).push(detailed(change, tone, &a.serves, a.title.clone()));
        }
    }
    for c in &d.action_states {
        let tone = match c.new {
            ActionStatus::Done => Tone::Good,
            ActionStatus::Dropped => Tone::Caution,
            ActionStatus::Planned | ActionStatus::Ongoing => Tone::Fair,
        };
        let detail = words.state_change(c);
        (table.rows).push(detailed(
            Change::ActionState,
            tone,
            &c.action.serves,
            detail,
        ));
    }
    for c in &d.bearers {
        let (change, tone) = match c.change {
            super::Change::Gained => (Change::BearerGained, Tone::Fair),
            super::Change::Lost => (Change::BearerLost, Tone::Caution),
        };
        let mut cells = row(change, tone, &c.action.serves, &c.actor.name, "");
        cells[4] = Cell::text(&c.action.title);
        table.rows.push(cells);
    }
    for (list, change, tone) in [
        (&d.bodies_added, Change::BodyAdded, Tone::Fair),
        (&d.bodies_removed, Change::BodyRemoved, Tone::Caution),
    ] {
        for b in list {
            table.rows.push(detailed(change, tone, "", b.name.clone()));
        }
    }
    for c in &d.seats {
        let (change, tone) = match c.change {
            super::Change::Gained => (Change::SeatGained, Tone::Fair),
            super::Change::Lost => (Change::SeatLost, Tone::Caution),
        };
        let mut cells = row(change, tone, "", &c.actor.name, words.seat(c.seat));
        cells[4] = Cell::text(&c.body.name);
        table.rows.push(cells);
    }
    for c in &d.parents {
        let detail = words.parent_change(c);
        (table.rows).push(detailed(Change::ParentChanged, Tone::Fair, "", detail));
    }
    for p in &d.progress {
        let tone = match p.new.verdict {
            Verdict::Met => Tone::Good,
            Verdict::Below => Tone::Caution,
            Verdict::Unknown | Verdict::NoTarget => Tone::Neutral,
        };
        let mut cells = row(Change::Progress, tone, &p.objective, "", "");
        cells[4] = Cell::text(words.progress_detail(p));
        cells[5] = Cell::Number(p.old.value);
        cells[6] = Cell::Number(p.new.value);
        cells[7] = Cell::Percent(p.old.ratio.map(percent_value));
        cells[8] = Cell::Percent(p.new.ratio.map(percent_value));
        cells[9] = Cell::text(p.unit.clone().unwrap_or_default());
        table.rows.push(cells);
    }
    if let Some(b) = &d.bonus {
        let tone = match b.new {
            crate::status::BonusVerdict::Met => Tone::Good,
            crate::status::BonusVerdict::NotMet => Tone::Bad,
            crate::status::BonusVerdict::Unknown => Tone::Neutral,
        };
        let mut cells = row(Change::Bonus, tone, "", "", "");
        cells[4] = Cell::text(words.bonus_change(b));
        table.rows.push(cells);
    }
    table
}

/// The kind of a role change and its colour: a lead assigned is good news, a lead removed
/// is not.
fn role_change(r: &RoleChange) -> (Change, Tone) {
    match (r.role, r.change) {
        (Role::Lead, super::Change::Gained) => (Change::LeadAssigned, Tone::Good),
        (Role::Lead, super::Change::Lost) => (Change::LeadRemoved, Tone::Bad),
        (_, super::Change::Gained) => (Change::RoleGained, Tone::Fair),
        (_, super::Change::Lost) => (Change::RoleLost, Tone::Caution),
    }
}

/// The name of the workbook `diff --format xlsx` writes without `--out`.
pub fn workbook_name(lang: Lang) -> &'static str {
    lang.catalog().diff_workbook()
}

/// A finding in the JSON: ids as identifiers, the message in the report's language.
#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'a str,
    severity: Severity,
    message: String,
    objectives: &'a [String],
    actors: &'a [String],
}

/// The JSON form of a diff. Fields are only ever added, never renamed.
#[derive(Serialize)]
struct JsonDiff<'a> {
    old: &'a str,
    new: &'a str,
    actors_added: &'a [ActorRef],
    actors_removed: &'a [ActorRef],
    objectives_added: &'a [String],
    objectives_removed: &'a [String],
    roles: &'a [RoleChange],
    findings_appeared: Vec<JsonFinding<'a>>,
    findings_resolved: Vec<JsonFinding<'a>>,
    progress: &'a [ProgressChange],
    bonus: &'a Option<BonusChange>,
    // The actions and bodies tables' changes, only when there are some: the diff of a
    // territory without those tables reads as before.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    actions_added: &'a [ActionRef],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    actions_removed: &'a [ActionRef],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    action_states: &'a [StateChange],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    bearers: &'a [BearerChange],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    bodies_added: &'a [ActorRef],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    bodies_removed: &'a [ActorRef],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    seats: &'a [SeatChange],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    parents: &'a [ParentChange],
}

/// The findings of a list as the JSON gives them, their messages in `lang`.
fn json_findings(list: &[FindingRef], lang: Lang) -> Vec<JsonFinding<'_>> {
    list.iter()
        .map(|f| JsonFinding {
            rule: &f.rule,
            severity: f.severity,
            message: f.message.render(lang),
            objectives: &f.objectives,
            actors: &f.actors,
        })
        .collect()
}

pub fn json(d: &Diff, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let findings = |list| json_findings(list, lang);
    let view = JsonDiff {
        old: &d.old,
        new: &d.new,
        actors_added: &d.actors_added,
        actors_removed: &d.actors_removed,
        objectives_added: &d.objectives_added,
        objectives_removed: &d.objectives_removed,
        roles: &d.roles,
        findings_appeared: findings(&d.findings_appeared),
        findings_resolved: findings(&d.findings_resolved),
        progress: &d.progress,
        actions_added: &d.actions_added,
        actions_removed: &d.actions_removed,
        action_states: &d.action_states,
        bearers: &d.bearers,
        bodies_added: &d.bodies_added,
        bodies_removed: &d.bodies_removed,
        seats: &d.seats,
        parents: &d.parents,
        bonus: &d.bonus,
    };
    terminal::write_json(out, &view)
}
