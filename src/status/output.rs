//! Status for people (text, Markdown: French numbers, "422 371 €") and for tools (CSV, JSON:
//! plain numbers).

use std::io::{self, Write};

use super::{Bonus, ObjectiveStatus, Projection, Source, Standing, Status, Verdict};
use crate::model::Lang;
use crate::numbers::{euros, french, percent, percent_value};

use crate::markdown::escape as cell;
use crate::spreadsheet::{Cell, write_csv};
use crate::terminal;

pub fn text(s: &Status, out: &mut dyn Write) -> io::Result<()> {
    terminal::line(out, &heading(s))?;
    if let Some(line) = as_of(s) {
        writeln!(out, "{line}")?;
    }
    writeln!(out)?;
    let mut rows = vec![
        [
            "objective",
            "target",
            "value",
            "as of",
            "progress",
            "threshold",
            "verdict",
        ]
        .map(String::from)
        .to_vec(),
    ];
    for o in &s.objectives {
        rows.push(vec![
            format!("{}{}", o.id, if o.priority { " *" } else { "" }),
            quantity(o.target, o),
            o.value.map_or_else(|| "unknown".to_owned(), french),
            as_of_date(&o.source),
            o.ratio.map_or_else(|| "-".to_owned(), percent),
            percent(o.threshold),
            o.standing.word(Lang::En).to_owned(),
        ]);
    }
    // Escaped before the widths are measured, so the columns stay aligned.
    for cell in rows.iter_mut().flatten() {
        *cell = terminal::escape(cell).into_owned();
    }
    let widths: Vec<usize> = (0..rows[0].len())
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    for (i, row) in rows.iter().enumerate() {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{cell}{}", " ".repeat(w - cell.chars().count())))
            .collect();
        writeln!(out, "{}", line.join("  ").trim_end())?;
        if i > 0
            && let Some(p) = &s.objectives[i - 1].projection
        {
            terminal::line(out, &format!("  {}", projection(p, &s.objectives[i - 1])))?;
        }
    }
    if s.objectives.iter().any(|o| o.priority) {
        writeln!(out, "* priority objective")?;
    }
    if !s.undated_ignored.is_empty() {
        terminal::line(
            out,
            &format!(
                "undated values (column \"current\") not used as of a date: {}",
                s.undated_ignored.join(", ")
            ),
        )?;
    }
    writeln!(out)?;
    for line in bonus_lines(s) {
        terminal::line(out, &line)?;
    }
    Ok(())
}

pub fn markdown(s: &Status, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "## {}", cell(&heading(s)))?;
    writeln!(out)?;
    if let Some(line) = as_of(s) {
        writeln!(out, "{}.", cell(&capitalised(&line)))?;
        writeln!(out)?;
    }
    writeln!(
        out,
        "| Objective | Target | Value | As of | Progress | Threshold | Verdict | Projection |"
    )?;
    writeln!(out, "|---|---:|---:|---|---:|---:|---|---|")?;
    for o in &s.objectives {
        let name = format!(
            "**{}**{}: {}",
            cell(&o.id),
            if o.priority { " (priority)" } else { "" },
            cell(&o.title)
        );
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            name,
            cell(&quantity(o.target, o)),
            o.value.map_or_else(|| "unknown".to_owned(), french),
            as_of_date(&o.source),
            o.ratio.map_or_else(|| "-".to_owned(), percent),
            percent(o.threshold),
            o.standing.word(Lang::En),
            o.projection
                .as_ref()
                .map_or_else(|| "-".to_owned(), |p| cell(&projection(p, o))),
        )?;
    }
    if !s.undated_ignored.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "Undated values (column \"current\") not used as of a date: {}.",
            cell(&s.undated_ignored.join(", "))
        )?;
    }
    writeln!(out)?;
    for line in bonus_lines(s) {
        writeln!(out, "- {}", cell(&line))?;
    }
    Ok(())
}

pub fn csv(s: &Status, out: &mut dyn Write) -> io::Result<()> {
    let header = [
        "objective",
        "title",
        "priority",
        "counted",
        "target",
        "unit",
        "value",
        "source",
        "date",
        "percent",
        "threshold_percent",
        "verdict",
        "projection_date",
        "projected_value",
        "projected_percent",
        "projected_verdict",
        "standing",
    ];
    let pct = |r: Option<f64>| Cell::Number(r.map(percent_value));
    let rows = s.objectives.iter().map(|o| {
        let (source, date) = match &o.source {
            Source::Measured { date, .. } => ("measured", date.to_string()),
            Source::Current { .. } => ("current", String::new()),
            Source::None => ("", String::new()),
        };
        let p = o.projection.as_ref();
        vec![
            Cell::text(&o.id),
            Cell::text(&o.title),
            Cell::text(o.priority.to_string()),
            Cell::text(o.counted.to_string()),
            Cell::Number(o.target),
            Cell::text(o.unit.clone().unwrap_or_default()),
            Cell::Number(o.value),
            Cell::text(source),
            Cell::text(date),
            pct(o.ratio),
            Cell::Number(Some(percent_value(o.threshold))),
            Cell::text(o.verdict.id()),
            Cell::text(p.map(|p| p.date.to_string()).unwrap_or_default()),
            Cell::Number(p.map(|p| p.value)),
            pct(p.and_then(|p| p.ratio)),
            Cell::text(p.map(|p| p.verdict.id()).unwrap_or_default()),
            Cell::text(o.standing.id()),
        ]
    });
    write_csv(out, &header, rows)
}

pub fn json(s: &Status, out: &mut dyn Write) -> io::Result<()> {
    terminal::write_json(out, s)
}

fn heading(s: &Status) -> String {
    let mut h = s.territory.clone();
    if let Some(p) = &s.programme {
        h.push_str(&format!(", {p}"));
    }
    if let (Some(start), Some(end)) = (s.start, s.end) {
        h.push_str(&format!(" ({start} to {end})"));
    }
    h
}

fn quantity(n: Option<f64>, o: &ObjectiveStatus) -> String {
    match (n, &o.unit) {
        (None, _) => "none".to_owned(),
        (Some(n), Some(unit)) => format!("{} {unit}", french(n)),
        (Some(n), None) => french(n),
    }
}

/// "as of 2022-12-31, the date of the latest measurement", and whether the programme ended.
fn as_of(s: &Status) -> Option<String> {
    let mut line = match (s.at, s.as_of) {
        (Some(at), _) => format!("as of {at}: measurements after this date are ignored"),
        (None, Some(d)) => format!("as of {d}, the date of the latest measurement"),
        (None, None) => return None,
    };
    if s.ended
        && let Some(end) = s.end
    {
        line.push_str(&format!(
            "; the programme ended on {end}: values are final, nothing is projected"
        ));
    }
    Some(line)
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn as_of_date(source: &Source) -> String {
    match source {
        Source::Measured { date, .. } => date.to_string(),
        Source::Current { .. } => "undated".to_owned(),
        Source::None => "-".to_owned(),
    }
}

fn verdict(v: Verdict) -> &'static str {
    match v {
        Verdict::Met => "met",
        Verdict::Below => "below",
        Verdict::Unknown => "unknown",
        Verdict::NoTarget => "no target",
    }
}

/// "projection: at this pace, 72 % on 2023-12-31 (below; line through 3 measurements ...)".
fn projection(p: &Projection, o: &ObjectiveStatus) -> String {
    let reached = match p.ratio {
        Some(r) => percent(r),
        None => quantity(Some(p.value), o),
    };
    format!(
        "projection: at this pace, {reached} on {} ({}; line through {} measurements, {} to {})",
        p.date,
        verdict(p.verdict),
        p.measurements,
        p.first,
        p.last
    )
}

/// The year-3 conditions and the amounts at stake.
fn bonus_lines(s: &Status) -> Vec<String> {
    let b: &Bonus = &s.bonus;
    let rule = format!(
        "every objective at {} of its target at least, priority objectives at {}",
        percent(s.min_ratio),
        percent(s.priority_ratio)
    );
    let counted = s.objectives.iter().filter(|o| o.counted).count();
    let unknown_ones = if b.unknown.len() == counted && counted > 1 {
        format!("no value or target yet for any of the {counted} objectives")
    } else {
        format!("no value or target yet for {}", b.unknown.join(", "))
    };
    let on_track: Vec<&str> = s
        .objectives
        .iter()
        .filter(|o| o.counted && o.standing == Standing::OnTrack)
        .map(|o| o.id.as_str())
        .collect();
    let below = |when: &str| format!("below the threshold{when}: {}", b.below.join(", "));
    let word = b.standing.conditions_word(Lang::En);
    let mut lines = vec![match b.standing {
        Standing::Met => format!("year-3 bonus conditions: {word}"),
        Standing::OnTrack => format!(
            "year-3 bonus conditions: {word}, {} today but projected to reach it",
            below("")
        ),
        Standing::Behind => format!("year-3 bonus conditions: {word}, {}", below("")),
        Standing::Missed => format!(
            "year-3 bonus conditions: {word}, {}",
            below(" at the programme's end")
        ),
        Standing::Unknown | Standing::NoTarget => {
            format!("year-3 bonus conditions: {word}, {unknown_ones}")
        }
    }];
    if matches!(b.standing, Standing::Unknown | Standing::NoTarget) && !b.below.is_empty() {
        lines.push(below(" today"));
    }
    if matches!(b.standing, Standing::Behind | Standing::Missed) && !b.unknown.is_empty() {
        lines.push(unknown_ones);
    }
    if b.standing != Standing::OnTrack && !on_track.is_empty() {
        lines.push(format!(
            "on track (below today, projected to reach the threshold): {}",
            on_track.join(", ")
        ));
    }
    lines.push(format!("conditions: {rule}"));
    let unknown = |what: &str| format!("unknown (no {what} in the territory settings)");
    lines.push(format!(
        "flat aid (years 1 and 2): {}",
        b.flat_aid
            .map_or_else(|| unknown("programme flat_aid"), euros)
    ));
    lines.push(format!(
        "year-3 bonus at stake: {}",
        match (b.bonus, b.per_inhabitant, b.population) {
            (Some(bonus), Some(per), Some(population)) => format!(
                "{} ({} x {} inhabitants)",
                euros(bonus),
                euros(per),
                french(population as f64)
            ),
            (_, None, _) => unknown("programme bonus_per_inhabitant"),
            _ => unknown("population"),
        }
    ));
    lines.push(format!(
        "total at stake: {}",
        b.total.map_or_else(|| "unknown".to_owned(), euros)
    ));
    lines
}
