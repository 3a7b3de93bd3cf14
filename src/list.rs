//! `actormap list`: what was loaded, domain by domain.

use std::io::{self, Write};

use crate::model::{Objective, Role, Territory};

pub fn write(t: &Territory, out: &mut dyn Write) -> io::Result<()> {
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
        for objective in t.objectives_of(&domain.id) {
            objective_block(t, objective, out)?;
        }
    }
    Ok(())
}

fn objective_block(t: &Territory, o: &Objective, out: &mut dyn Write) -> io::Result<()> {
    let mut flags = Vec::new();
    if o.priority {
        flags.push("priority");
    }
    if o.contractual {
        flags.push("contractual");
    }
    write!(out, "  {}: {}", o.id, o.title)?;
    if !flags.is_empty() {
        write!(out, " [{}]", flags.join(", "))?;
    }
    writeln!(out)?;
    if let Some(target) = o.target {
        write!(out, "    target: {target} {}", o.unit.as_deref().unwrap_or(""))?;
        match o.current {
            Some(current) => writeln!(out, ", current: {current}")?,
            None => writeln!(out, ", current: unknown")?,
        }
    }
    for role in Role::ALL {
        let actors = t.actors_in_role(o, role);
        if !actors.is_empty() {
            let names: Vec<&str> = actors.iter().map(|a| a.name.as_str()).collect();
            writeln!(out, "    {role}: {}", names.join(", "))?;
        }
    }
    Ok(())
}
