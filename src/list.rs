//! `actormap list`: what was loaded, domain by domain.

use std::io::{self, Write};

use crate::model::{Lang, Role, Territory};
use crate::numbers::french;
use crate::status::{self, ObjectiveStatus, Source};

pub fn write(t: &Territory, out: &mut dyn Write) -> io::Result<()> {
    // The values `status` reports: the latest measurement, else the undated `current`.
    let status = status::compute(t, None);
    write!(out, "{}", t.name)?;
    if let Some(p) = &t.programme {
        write!(out, ", {}", p.name)?;
        if let (Some(start), Some(end)) = (p.start, p.end) {
            write!(out, " ({start} to {end})")?;
        }
    }
    if let Some(population) = t.population {
        write!(out, ", {population} inhabitants")?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{} domains, {} objectives, {} actors, {} links",
        t.domains.len(),
        t.objectives.len(),
        t.actors.len(),
        t.links.len()
    )?;
    for domain in &t.domains {
        writeln!(out)?;
        writeln!(out, "{}  {}", domain.id, domain.name)?;
        if let Some(headline) = &domain.headline {
            writeln!(out, "  headline: {headline}")?;
        }
        if !domain.related.is_empty() {
            writeln!(out, "  related: {}", domain.related.join(", "))?;
        }
        for objective in status.objectives.iter().filter(|o| {
            t.objective(&o.id)
                .is_some_and(|objective| objective.domain == domain.id)
        }) {
            objective_block(t, objective, out)?;
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
    write!(out, "  {}: {}", o.id, o.title)?;
    if !flags.is_empty() {
        write!(out, " [{}]", flags.join(", "))?;
    }
    writeln!(out)?;
    if let Some(target) = o.target {
        let unit = o
            .unit
            .as_deref()
            .map(|u| format!(" {u}"))
            .unwrap_or_default();
        write!(out, "    target value: {}{unit}", french(target))?;
        match (o.value, &o.source) {
            (Some(v), Source::Measured { date, .. }) => {
                writeln!(out, ", reached: {}{unit} on {date}", french(v))?
            }
            (Some(v), _) => writeln!(out, ", reached: {}{unit}", french(v))?,
            (None, _) => writeln!(out, ", reached: unknown")?,
        }
    }
    for role in Role::ALL {
        let actors = t.actors_in_role(objective, role);
        if !actors.is_empty() {
            let names: Vec<String> = actors
                .iter()
                .map(|a| t.annotated(objective, role, a))
                .collect();
            writeln!(out, "    {}: {}", role.label(Lang::En), names.join(", "))?;
        }
    }
    Ok(())
}
