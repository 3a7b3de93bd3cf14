//! Status for people (text, Markdown), for spreadsheets (CSV, XLSX) and for tools (JSON),
//! every word and number in the user's language from its catalog
//! (`src/i18n/<lang>/status.rs`); JSON keys and ids stay English: they are identifiers.

use std::io::{self, Write};

use super::message::{Line, Stake, Unknown, Word};
use super::{ObjectiveStatus, Projection, Source, Standing, Status};
use crate::i18n::{Catalog, Lang};
use crate::markdown::escape as cell;
use crate::numbers::percent_value;
use crate::spreadsheet::{Cell, Table, Tone};
use crate::terminal;

pub fn text(s: &Status, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let words = lang.catalog();
    terminal::line(out, &words.status_line(&heading(s)))?;
    if let Some(line) = as_of(s) {
        terminal::line(out, &words.status_line(&line))?;
    }
    writeln!(out)?;
    let mut rows = vec![
        words.status_columns()[..7]
            .iter()
            .map(|c| (*c).to_owned())
            .collect::<Vec<_>>(),
    ];
    for o in &s.objectives {
        rows.push(vec![
            format!("{}{}", o.id, if o.priority { " *" } else { "" }),
            quantity(o.target, o, words),
            value(o, words),
            as_of_date(&o.source, words),
            o.ratio.map_or_else(|| "-".to_owned(), |r| words.percent(r)),
            words.percent(o.threshold),
            words.standing(o.standing).to_owned(),
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
            let line = words.status_line(&projection(p, &s.objectives[i - 1]));
            terminal::line(out, &format!("  {line}"))?;
        }
    }
    if s.objectives.iter().any(|o| o.priority) {
        writeln!(out, "{}", words.status_line(&Line::PriorityMark))?;
    }
    if let Some(line) = undated(s) {
        terminal::line(out, &words.status_line(&line))?;
    }
    writeln!(out)?;
    for line in bonus_lines(s) {
        terminal::line(out, &words.status_line(&line))?;
    }
    Ok(())
}

pub fn markdown(s: &Status, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let words = lang.catalog();
    writeln!(out, "## {}", cell(&words.status_line(&heading(s))))?;
    writeln!(out)?;
    if let Some(line) = as_of(s) {
        writeln!(out, "{}.", cell(&capitalised(&words.status_line(&line))))?;
        writeln!(out)?;
    }
    let columns: Vec<String> = words
        .status_columns()
        .iter()
        .map(|c| capitalised(c))
        .collect();
    writeln!(out, "| {} |", columns.join(" | "))?;
    writeln!(out, "|---|---:|---:|---|---:|---:|---|---|")?;
    for o in &s.objectives {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            words.status_objective(&format!("**{}**", cell(&o.id)), o.priority, &cell(&o.title)),
            cell(&quantity(o.target, o, words)),
            value(o, words),
            as_of_date(&o.source, words),
            o.ratio.map_or_else(|| "-".to_owned(), |r| words.percent(r)),
            words.percent(o.threshold),
            words.standing(o.standing),
            o.projection.as_ref().map_or_else(
                || "-".to_owned(),
                |p| cell(&words.status_line(&projection(p, o)))
            ),
        )?;
    }
    if let Some(line) = undated(s) {
        writeln!(out)?;
        writeln!(out, "{}.", cell(&capitalised(&words.status_line(&line))))?;
    }
    writeln!(out)?;
    for line in bonus_lines(s) {
        writeln!(out, "- {}", cell(&words.status_line(&line)))?;
    }
    Ok(())
}

/// One row per objective, for a spreadsheet: numbers as numbers, days as days, the verdicts
/// and standings in words (coloured in a workbook).
pub fn table(s: &Status, lang: Lang) -> Table {
    let words = lang.catalog();
    let (sheet, header) = words.status_sheet();
    let mut table = Table::new(sheet, &header);
    let pct = |r: Option<f64>| Cell::Percent(r.map(percent_value));
    let verdict = |v| Cell::text(words.verdict(v));
    for o in &s.objectives {
        let (source, date) = match &o.source {
            Source::Measured { date, .. } => (words.status_word(Word::Measured), Some(*date)),
            Source::Current { .. } => (words.status_word(Word::Current), None),
            Source::None => ("", None),
        };
        let p = o.projection.as_ref();
        table.rows.push(vec![
            Cell::text(&o.id),
            Cell::text(&o.title),
            Cell::text(words.yes_no(o.priority)),
            Cell::text(words.yes_no(o.counted)),
            Cell::Number(o.target),
            Cell::text(o.unit.clone().unwrap_or_default()),
            Cell::Number(o.value),
            Cell::text(source),
            Cell::Date(date),
            pct(o.ratio),
            Cell::Percent(Some(percent_value(o.threshold))),
            verdict(o.verdict),
            Cell::Date(p.map(|p| p.date)),
            Cell::Number(p.map(|p| p.value)),
            pct(p.and_then(|p| p.ratio)),
            p.map_or_else(|| Cell::text(""), |p| verdict(p.verdict)),
            Cell::Marked(words.standing(o.standing).to_owned(), tone(o)),
        ]);
    }
    table
}

/// The colour of an objective's standing in a workbook, as on the status chart: a priority
/// objective behind and projected below its threshold is as bad as one missed.
fn tone(o: &ObjectiveStatus) -> Tone {
    match o.standing {
        Standing::Met => Tone::Good,
        Standing::OnTrack => Tone::Fair,
        Standing::Behind if o.grave() => Tone::Bad,
        Standing::Behind => Tone::Caution,
        Standing::Missed => Tone::Grave,
        Standing::Unknown | Standing::NoTarget => Tone::Neutral,
    }
}

/// The name of the workbook `status --format xlsx` writes without `--out`.
pub fn workbook_name(lang: Lang) -> &'static str {
    lang.catalog().status_workbook()
}

pub fn json(s: &Status, out: &mut dyn Write) -> io::Result<()> {
    terminal::write_json(out, s)
}

fn heading(s: &Status) -> Line {
    Line::Heading {
        territory: s.territory.clone(),
        programme: s.programme.clone(),
        dates: s.start.zip(s.end),
    }
}

/// The lines `text` writes above its table (the territory, its programme and dates; the day
/// the standings are given as of) and below it (the year-3 conditions and the money at
/// stake), in `lang`: for the report page.
pub fn summary_lines(s: &Status, lang: Lang) -> (Vec<String>, Vec<String>) {
    let words = lang.catalog();
    let head = std::iter::once(heading(s))
        .chain(as_of(s))
        .map(|l| words.status_line(&l))
        .collect();
    let bonus = bonus_lines(s)
        .iter()
        .map(|l| words.status_line(l))
        .collect();
    (head, bonus)
}

/// A quantity and its unit: "50 km"; "aucune" without a target.
pub(crate) fn quantity(n: Option<f64>, o: &ObjectiveStatus, words: &dyn Catalog) -> String {
    match (n, &o.unit) {
        (None, _) => words.status_word(Word::NoTarget).to_owned(),
        (Some(n), Some(unit)) => format!("{} {unit}", words.number(n)),
        (Some(n), None) => words.number(n),
    }
}

/// The value reached, or the word for an unknown one.
pub(crate) fn value(o: &ObjectiveStatus, words: &dyn Catalog) -> String {
    o.value.map_or_else(
        || words.status_word(Word::UnknownValue).to_owned(),
        |v| words.number(v),
    )
}

/// "as of 2022-12-31, the date of the latest measurement", and whether the programme ended.
fn as_of(s: &Status) -> Option<Line> {
    let (date, asked) = match (s.at, s.as_of) {
        (Some(at), _) => (at, true),
        (None, Some(d)) => (d, false),
        (None, None) => return None,
    };
    Some(Line::AsOf {
        date,
        asked,
        ended: s.end.filter(|_| s.ended),
    })
}

fn undated(s: &Status) -> Option<Line> {
    if s.undated_ignored.is_empty() {
        return None;
    }
    // The objectives table the values are in, as the user has it.
    let file = s
        .objectives
        .iter()
        .find(|o| s.undated_ignored.contains(&o.id))
        .map(|o| o.origin.file.to_string())
        .unwrap_or_default();
    Some(Line::UndatedIgnored {
        objectives: s.undated_ignored.clone(),
        file,
    })
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn as_of_date(source: &Source, words: &dyn Catalog) -> String {
    match source {
        Source::Measured { date, .. } => words.date(*date),
        Source::Current { .. } => words.status_word(Word::Undated).to_owned(),
        Source::None => "-".to_owned(),
    }
}

fn projection(p: &Projection, o: &ObjectiveStatus) -> Line {
    Line::Projection {
        ratio: p.ratio,
        value: p.value,
        unit: o.unit.clone(),
        date: p.date,
        verdict: p.verdict,
        measurements: p.measurements,
        first: p.first,
        last: p.last,
    }
}

/// The year-3 conditions and the amounts at stake.
fn bonus_lines(s: &Status) -> Vec<Line> {
    let b = &s.bonus;
    let counted = s.objectives.iter().filter(|o| o.counted).count();
    // The progress file the user has, for the hint of where measurements go.
    let progress = s.objectives.iter().find_map(|o| match &o.source {
        Source::Measured { origin, .. } => Some(origin.file.to_string()),
        _ => None,
    });
    let unknown = Unknown {
        objectives: b.unknown.clone(),
        all: b.unknown.len() == counted && counted > 1,
        progress,
    };
    let on_track: Vec<String> = s
        .objectives
        .iter()
        .filter(|o| o.counted && o.standing == Standing::OnTrack)
        .map(|o| o.id.clone())
        .collect();
    let mut lines = vec![Line::Conditions {
        standing: b.standing,
        below: b.below.clone(),
        unknown: unknown.clone(),
    }];
    if matches!(b.standing, Standing::Unknown | Standing::NoTarget) && !b.below.is_empty() {
        lines.push(Line::BelowToday(b.below.clone()));
    }
    if matches!(b.standing, Standing::Behind | Standing::Missed) && !b.unknown.is_empty() {
        lines.push(Line::NoValueYet(unknown));
    }
    if b.standing != Standing::OnTrack && !on_track.is_empty() {
        lines.push(Line::OnTrack(on_track));
    }
    lines.push(Line::Rule {
        min: s.min_ratio,
        priority: s.priority_ratio,
    });
    lines.push(Line::FlatAid(b.flat_aid));
    lines.push(Line::BonusAtStake(
        match (b.bonus, b.per_inhabitant, b.population) {
            (Some(bonus), Some(per_inhabitant), Some(population)) => Stake::Known {
                bonus,
                per_inhabitant,
                population,
            },
            (_, None, _) => Stake::NoBonusPerInhabitant,
            _ => Stake::NoPopulation,
        },
    ));
    lines.push(Line::Total(b.total));
    lines
}
