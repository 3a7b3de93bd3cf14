//! `actormap list`: what was loaded, domain by domain.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use crate::model::{Actor, Lang, Link, Role, Territory, annotated};
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
        "{} domains, {} objectives, {} actors, {} links",
        t.domains().len(),
        t.objectives().len(),
        t.actors().len(),
        t.links().len()
    )?;
    for domain in t.domains() {
        writeln!(out)?;
        line(out, &format!("{}  {}", domain.id, domain.name))?;
        if let Some(headline) = &domain.headline {
            line(out, &format!("  headline: {headline}"))?;
        }
        if !domain.related.is_empty() {
            line(out, &format!("  related: {}", domain.related.join(", ")))?;
        }
        for objective in t.objectives_of(&domain.id) {
            if let Some(o) = by_id.get(objective.id.as_str()) {
                objective_block(t, o, out)?;
            }
        }
    }
    Ok(())
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
    Ok(())
}
