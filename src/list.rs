//! `actormap list`: what was loaded, domain by domain.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use crate::model::{
    Action, Actor, Domain, Lang, Link, Objective, Reach, Role, Territory, annotated,
};
use crate::numbers::french;
use crate::status::{self, ObjectiveStatus, Source};
use crate::terminal::line;

pub fn write(t: &Territory, out: &mut dyn Write) -> io::Result<()> {
    // The values `status` reports: the latest measurement, else the undated `current`.
    let status = status::compute(t, None);
    let by_id: HashMap<&str, &ObjectiveStatus> = (status.objectives.iter())
        .map(|o| (o.id.as_str(), o))
        .collect();
    // Every line holding text from the data is written escaped, through `line`.
    let mut heading = t.name.clone();
    if let Some(p) = &t.programme {
        let _ = write!(heading, ", {}", p.name);
        if let (Some(start), Some(end)) = (p.start, p.end) {
            let _ = write!(heading, " ({start} to {end})");
        }
    }
    if let Some(population) = t.population {
        let _ = write!(heading, ", {population} inhabitants");
    }
    line(out, &heading)?;
    writeln!(
        out,
        "{} domains, {} objectives, {} actors, {} links{}",
        t.domains().len(),
        t.objectives().len(),
        t.actors().len(),
        t.links().len(),
        more_counts(t)
    )?;
    perimeter_line(t, out)?;
    for domain in t.domains() {
        writeln!(out)?;
        line(out, &format!("{}  {}", domain.id, domain.name))?;
        if let Some(headline) = &domain.headline {
            line(out, &format!("  headline: {headline}"))?;
        }
        if !domain.related.is_empty() {
            line(out, &format!("  related: {}", domain.related.join(", ")))?;
        }
        context_lines(domain, out)?;
        for objective in t.objectives_of(&domain.id) {
            if let Some(o) = by_id.get(objective.id.as_str()) {
                objective_block(t, o, out)?;
            }
        }
        domain_actions(t, domain, out)?;
    }
    governance(t, out)
}

fn objective_block(t: &Territory, o: &ObjectiveStatus, out: &mut dyn Write) -> io::Result<()> {
    let Some(objective) = t.objective(&o.id) else {
        return Ok(());
    };
    let mut flags = Vec::new();
    if objective.priority {
        flags.push("priority");
    }
    if objective.contractual {
        flags.push("contractual");
    }
    let mut title = format!("  {}: {}", o.id, o.title);
    if !flags.is_empty() {
        let _ = write!(title, " [{}]", flags.join(", "));
    }
    line(out, &title)?;
    if let Some(target) = o.target {
        let unit = o
            .unit
            .as_deref()
            .map(|u| format!(" {u}"))
            .unwrap_or_default();
        let reached = match (o.value, &o.source) {
            (Some(v), Source::Measured { date, .. }) => {
                format!("{}{unit} on {date}", french(v))
            }
            (Some(v), _) => format!("{}{unit}", french(v)),
            (None, _) => "unknown".to_owned(),
        };
        line(
            out,
            &format!(
                "    target value: {}{unit}, reached: {reached}",
                french(target)
            ),
        )?;
    }
    // Each role's actors, each once in link order, with the links that give it to them: one
    // pass over the objective's links, whatever their number.
    let mut holders: Vec<(Role, &Actor, Vec<&Link>)> = Vec::new();
    let mut place: HashMap<(Role, &str), usize> = HashMap::new();
    for inv in t.involvements(objective) {
        let key = (inv.link.role, inv.actor.id.as_str());
        match place.get(&key) {
            Some(&i) => holders[i].2.push(inv.link),
            None => {
                place.insert(key, holders.len());
                holders.push((inv.link.role, inv.actor, vec![inv.link]));
            }
        }
    }
    for role in Role::ALL {
        let names: Vec<String> = (holders.iter())
            .filter(|(r, _, _)| *r == role)
            .map(|(_, actor, links)| annotated(actor, links.iter().copied()))
            .collect();
        if !names.is_empty() {
            line(
                out,
                &format!("    {}: {}", role.label(Lang::En), names.join(", ")),
            )?;
        }
    }
    coverage_lines(t, objective, out)?;
    action_lines(t, "    actions:", &t.actions_of(&objective.id), out)
}

// What the actions, bodies and perimeter tables add to the listing: every word of it is in
// the helpers below.

/// ", 24 actions, 6 bodies" when the territory has any; nothing otherwise, so a territory
/// without those tables is listed as before.
fn more_counts(t: &Territory) -> String {
    let mut more = String::new();
    if !t.actions().is_empty() {
        let _ = write!(more, ", {} actions", t.actions().len());
    }
    if !t.bodies().is_empty() {
        let _ = write!(more, ", {} bodies", t.bodies().len());
    }
    more
}

/// "perimeter: GCT&M, CCRA, CCPO".
fn perimeter_line(t: &Territory, out: &mut dyn Write) -> io::Result<()> {
    if t.perimeter().is_empty() {
        return Ok(());
    }
    line(out, &format!("perimeter: {}", names_of(t, t.perimeter())))
}

/// The domain's "état des lieux", one line each.
fn context_lines(domain: &Domain, out: &mut dyn Write) -> io::Result<()> {
    if domain.context.is_empty() {
        return Ok(());
    }
    line(out, "  context:")?;
    for item in &domain.context {
        line(out, &format!("    - {item}"))?;
    }
    Ok(())
}

/// The objective's scope and what its actions cover of it (`Territory::coverage`).
fn coverage_lines(t: &Territory, objective: &Objective, out: &mut dyn Write) -> io::Result<()> {
    let (Some(reach), Some(coverage)) = (&objective.reach, t.coverage(objective)) else {
        return Ok(());
    };
    let members: Vec<&str> = coverage.members.iter().map(|(m, _)| m.name.as_str()).collect();
    let scope = match reach {
        Reach::All => format!("all ({})", members.join(", ")),
        Reach::Members(_) => members.join(", "),
    };
    line(out, &format!("    scope: {scope}"))?;
    let covered: Vec<String> = coverage
        .covered()
        .iter()
        .map(|(member, actions)| {
            let titles: Vec<&str> = actions.iter().map(|a| a.title.as_str()).collect();
            format!("{} ({})", member.name, titles.join(", "))
        })
        .collect();
    let missing: Vec<&str> = coverage.missing().iter().map(|m| m.name.as_str()).collect();
    let mut shown = if covered.is_empty() {
        "none".to_owned()
    } else {
        covered.join(", ")
    };
    if !missing.is_empty() {
        let _ = write!(shown, "; not covered: {}", missing.join(", "));
    }
    line(out, &format!("    coverage: {shown}"))
}

/// The actions of a domain as a whole, after its objectives.
fn domain_actions(t: &Territory, domain: &Domain, out: &mut dyn Write) -> io::Result<()> {
    action_lines(
        t,
        "  actions of the whole domain:",
        &t.domain_actions(&domain.id),
        out,
    )
}

/// "- Assises de l'alimentation: GCT&M; ongoing; origin: acteurs du territoire", under a title.
fn action_lines(
    t: &Territory,
    title: &str,
    actions: &[&Action],
    out: &mut dyn Write,
) -> io::Result<()> {
    if actions.is_empty() {
        return Ok(());
    }
    let indent = " ".repeat(title.len() - title.trim_start().len() + 2);
    line(out, title)?;
    for a in actions {
        let bearers = if a.bearers.is_empty() {
            "no bearer".to_owned()
        } else {
            names_of(t, &a.bearers)
        };
        let mut text = format!("{indent}- {}: {bearers}; {}", a.title, a.status.word(Lang::En));
        if let Some(source) = &a.source {
            let _ = write!(text, "; origin: {source}");
        }
        if !a.perimeter.is_empty() {
            let _ = write!(text, "; perimeter: {}", names_of(t, &a.perimeter));
        }
        match (a.start, a.end) {
            (Some(start), Some(end)) => {
                let _ = write!(text, "; {start} to {end}");
            }
            (Some(start), None) => {
                let _ = write!(text, "; from {start}");
            }
            (None, Some(end)) => {
                let _ = write!(text, "; until {end}");
            }
            (None, None) => {}
        }
        if let Some(budget) = a.budget {
            let _ = write!(text, "; budget: {} €", french(budget));
        }
        if let Some(note) = &a.note {
            let _ = write!(text, " [{note}]");
        }
        line(out, &text)?;
    }
    Ok(())
}

/// Each body, its chair, members and parent, after the domains.
fn governance(t: &Territory, out: &mut dyn Write) -> io::Result<()> {
    if t.bodies().is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    line(out, "governance")?;
    for body in t.bodies() {
        let mut text = format!("  {}", body.name);
        if let Some(kind) = &body.kind {
            let _ = write!(text, " ({kind})");
        }
        let mut parts = Vec::new();
        if let Some(chair) = &body.chair {
            parts.push(format!("chair: {}", names_of(t, std::slice::from_ref(chair))));
        }
        if !body.members.is_empty() {
            parts.push(format!("members: {}", names_of(t, &body.members)));
        }
        if let Some(parent) = body.parent.as_deref().and_then(|p| t.body(p)) {
            parts.push(format!("reports to: {}", parent.name));
        }
        if !parts.is_empty() {
            let _ = write!(text, ": {}", parts.join("; "));
        }
        if let Some(note) = &body.note {
            let _ = write!(text, " [{note}]");
        }
        line(out, &text)?;
    }
    Ok(())
}

/// Actors' names from their ids, joined: "GCT&M, CCRA".
fn names_of(t: &Territory, ids: &[String]) -> String {
    let names: Vec<&str> = ids
        .iter()
        .map(|id| t.actor(id).map_or(id.as_str(), |a| a.name.as_str()))
        .collect();
    names.join(", ")
}
