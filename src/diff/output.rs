//! A diff for people (text, Markdown: French numbers) and for tools (JSON).

use std::io::{self, Write};

use super::{Diff, ProgressChange, Standing};
use crate::markdown::escape;
use crate::numbers::{french, percent};
use crate::terminal;

/// The diff as titled sections of lines, empty sections left out.
fn sections(d: &Diff) -> Vec<(String, Vec<String>)> {
    let actor = |a: &super::ActorRef| {
        if a.id == a.name {
            a.name.clone()
        } else {
            format!("{} ({})", a.name, a.id)
        }
    };
    let all = vec![
        ("actors added", d.actors_added.iter().map(actor).collect()),
        (
            "actors removed",
            d.actors_removed.iter().map(actor).collect(),
        ),
        ("objectives added", d.objectives_added.clone()),
        ("objectives removed", d.objectives_removed.clone()),
        (
            "roles per objective",
            d.roles.iter().map(super::RoleChange::sentence).collect(),
        ),
        (
            "findings appeared",
            d.findings_appeared
                .iter()
                .map(|f| f.sentence(crate::i18n::Lang::En))
                .collect(),
        ),
        (
            "findings resolved",
            d.findings_resolved
                .iter()
                .map(|f| f.sentence(crate::i18n::Lang::En))
                .collect(),
        ),
        (
            "actions added",
            d.actions_added.iter().map(super::ActionRef::sentence).collect(),
        ),
        (
            "actions removed",
            d.actions_removed.iter().map(super::ActionRef::sentence).collect(),
        ),
        (
            "action states",
            d.action_states.iter().map(super::StateChange::sentence).collect(),
        ),
        ("bodies added", d.bodies_added.iter().map(actor).collect()),
        ("bodies removed", d.bodies_removed.iter().map(actor).collect()),
        (
            "who sits on the bodies",
            d.seats.iter().map(super::SeatChange::sentence).collect(),
        ),
        ("progress", d.progress.iter().map(progress).collect()),
        (
            "year-3 bonus conditions",
            d.bonus
                .iter()
                .map(|b| format!("{} -> {}", b.old.id(), b.new.id()))
                .collect(),
        ),
    ];
    all.into_iter()
        .filter(|(_, lines): &(&str, Vec<String>)| !lines.is_empty())
        .map(|(title, lines)| (format!("{title} ({})", lines.len()), lines))
        .collect()
}

/// "renovation: 300 (20 %) -> 450 (30 %) rénovations, met".
fn progress(p: &ProgressChange) -> String {
    let side = |s: &Standing| match (s.value, s.ratio) {
        (None, _) => "unknown".to_owned(),
        (Some(v), Some(r)) => format!("{} ({})", french(v), percent(r)),
        (Some(v), None) => french(v),
    };
    let mut line = format!("{}: {} -> {}", p.objective, side(&p.old), side(&p.new));
    if let Some(unit) = &p.unit {
        line.push_str(&format!(" {unit}"));
    }
    if p.old.target != p.new.target {
        let t = |t: Option<f64>| t.map_or_else(|| "none".to_owned(), french);
        line.push_str(&format!(
            ", target {} -> {}",
            t(p.old.target),
            t(p.new.target)
        ));
    }
    if p.old.verdict != p.new.verdict {
        line.push_str(&format!(
            ", {} -> {}",
            p.old.verdict.id(),
            p.new.verdict.id()
        ));
    }
    line
}

fn title(d: &Diff) -> String {
    if d.old == d.new {
        format!("changes in {}", d.old)
    } else {
        format!("changes from {} to {}", d.old, d.new)
    }
}

pub fn text(d: &Diff, out: &mut dyn Write) -> io::Result<()> {
    terminal::line(out, &title(d))?;
    if d.is_empty() {
        return writeln!(out, "no difference");
    }
    for (title, lines) in sections(d) {
        writeln!(out)?;
        writeln!(out, "{title}")?;
        for line in lines {
            terminal::line(out, &format!("  {line}"))?;
        }
    }
    Ok(())
}

pub fn markdown(d: &Diff, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "## {}", escape(&title(d)))?;
    if d.is_empty() {
        writeln!(out)?;
        return writeln!(out, "No difference.");
    }
    for (title, lines) in sections(d) {
        writeln!(out)?;
        writeln!(out, "### {}", escape(&title))?;
        writeln!(out)?;
        for line in lines {
            writeln!(out, "- {}", escape(&line))?;
        }
    }
    Ok(())
}

pub fn json(d: &Diff, out: &mut dyn Write) -> io::Result<()> {
    terminal::write_json(out, d)
}
