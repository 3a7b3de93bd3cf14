//! `actormap list`: what was loaded, domain by domain, as text or as a table of who holds
//! which role (CSV, XLSX). Its words, as data ([`Line`]), are in each language's catalog
//! ([`Words`], `src/i18n/<lang>/list.rs`).

use std::collections::HashMap;
use std::io::{self, Write};

use jiff::civil::Date;

use crate::i18n::{Catalog, Lang};
use crate::model::{Actor, Link, Objective, Role, Territory, notes};
use crate::spreadsheet::{Cell, Table};
use crate::status::{self, ObjectiveStatus, Source};
use crate::terminal::line;

/// A line of `list`'s text.
#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    /// The territory, its programme and dates, its population.
    Heading {
        territory: String,
        programme: Option<String>,
        dates: Option<(Date, Date)>,
        population: Option<u64>,
    },
    /// How many rows each table has.
    Counts {
        domains: usize,
        objectives: usize,
        actors: usize,
        links: usize,
    },
    /// A domain's headline, the phrase at the centre of its map.
    Headline(String),
    /// The domains a domain names as related.
    Related(Vec<String>),
    /// An objective, and whether it is a priority and contractual.
    Objective {
        id: String,
        title: String,
        priority: bool,
        contractual: bool,
    },
    /// An objective's target and what is reached, as `status` reads it.
    Target {
        target: f64,
        unit: Option<String>,
        reached: Reached,
    },
}

/// What an objective has reached.
#[derive(Debug, Clone, PartialEq)]
pub enum Reached {
    Unknown,
    /// The undated `current` column.
    Undated(f64),
    /// The latest measurement, and its day.
    Measured(f64, Date),
}

/// What every language says for `list`. Implement it with an exhaustive `match` (no `_`
/// arm).
pub trait Words {
    /// A line of the text.
    fn list_line(&self, line: &Line) -> String;
    /// The notes of an actor's links, one after the other: "COT TRI ; AAP".
    fn list_notes(&self, notes: &[&str]) -> String;
    /// The sheet of `list --format csv|xlsx`: its name and its 13 columns.
    fn list_sheet(&self) -> (&'static str, [&'static str; 13]);
    /// The name of the workbook written by default: "acteurs-roles.xlsx".
    fn list_workbook(&self) -> &'static str;
}

/// Each role's holders of an objective, each once in link order, with the links that give
/// them the role: one pass over the objective's links, whatever their number.
fn holders<'a>(t: &'a Territory, objective: &Objective) -> Vec<(Role, &'a Actor, Vec<&'a Link>)> {
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
    // In the order of the legend, link order within a role.
    holders.sort_by_key(|(role, _, _)| Role::ALL.iter().position(|r| r == role));
    holders
}

pub fn write(t: &Territory, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let words = lang.catalog();
    // The values `status` reports: the latest measurement, else the undated `current`.
    let status = status::compute(t, None);
    let by_id: HashMap<&str, &ObjectiveStatus> = (status.objectives.iter())
        .map(|o| (o.id.as_str(), o))
        .collect();
    // Every line holding text from the data is written escaped, through `line`.
    let programme = t.programme.as_ref();
    let heading = Line::Heading {
        territory: t.name.clone(),
        programme: programme.map(|p| p.name.clone()),
        dates: programme.and_then(|p| p.start.zip(p.end)),
        population: t.population,
    };
    line(out, &words.list_line(&heading))?;
    let counts = Line::Counts {
        domains: t.domains().len(),
        objectives: t.objectives().len(),
        actors: t.actors().len(),
        links: t.links().len(),
    };
    writeln!(out, "{}", words.list_line(&counts))?;
    for domain in t.domains() {
        writeln!(out)?;
        line(out, &format!("{}  {}", domain.id, domain.name))?;
        if let Some(headline) = &domain.headline {
            let text = words.list_line(&Line::Headline(headline.clone()));
            line(out, &format!("  {text}"))?;
        }
        if !domain.related.is_empty() {
            let text = words.list_line(&Line::Related(domain.related.clone()));
            line(out, &format!("  {text}"))?;
        }
        for objective in t.objectives_of(&domain.id) {
            if let Some(o) = by_id.get(objective.id.as_str()) {
                objective_block(t, objective, o, words, lang, out)?;
            }
        }
    }
    Ok(())
}

fn reached(o: &ObjectiveStatus) -> Reached {
    match (o.value, &o.source) {
        (Some(v), Source::Measured { date, .. }) => Reached::Measured(v, *date),
        (Some(v), _) => Reached::Undated(v),
        (None, _) => Reached::Unknown,
    }
}

fn objective_block(
    t: &Territory,
    objective: &Objective,
    o: &ObjectiveStatus,
    words: &dyn Catalog,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    let title = Line::Objective {
        id: o.id.clone(),
        title: o.title.clone(),
        priority: objective.priority,
        contractual: objective.contractual,
    };
    line(out, &format!("  {}", words.list_line(&title)))?;
    if let Some(target) = o.target {
        let target = Line::Target {
            target,
            unit: o.unit.clone(),
            reached: reached(o),
        };
        line(out, &format!("    {}", words.list_line(&target)))?;
    }
    let holders = holders(t, objective);
    for role in Role::ALL {
        let names: Vec<String> = (holders.iter())
            .filter(|(r, _, _)| *r == role)
            .map(|(_, actor, links)| {
                let notes = notes(links.iter().copied());
                if notes.is_empty() {
                    actor.name.clone()
                } else {
                    format!("{} [{}]", actor.name, words.list_notes(&notes))
                }
            })
            .collect();
        if !names.is_empty() {
            line(
                out,
                &format!(
                    "    {}{} {}",
                    role.label(lang),
                    words.colon(),
                    names.join(", ")
                ),
            )?;
        }
    }
    Ok(())
}

/// Who holds which role, one row per objective, role and actor (an objective nobody is
/// linked to has one row, a domain without objectives one too): the table for the minutes.
pub fn table(t: &Territory, lang: Lang) -> Table {
    let words = lang.catalog();
    let (sheet, header) = words.list_sheet();
    let mut table = Table::new(sheet, &header);
    let status = status::compute(t, None);
    let by_id: HashMap<&str, &ObjectiveStatus> = (status.objectives.iter())
        .map(|o| (o.id.as_str(), o))
        .collect();
    let blank = |n: usize| vec![Cell::text(""); n];
    for domain in t.domains() {
        let objectives: Vec<&Objective> = t.objectives_of(&domain.id).collect();
        if objectives.is_empty() {
            let mut row = vec![Cell::text(&domain.id)];
            row.extend(blank(12));
            row[5] = Cell::Number(None);
            row[7] = Cell::Number(None);
            row[8] = Cell::Date(None);
            table.rows.push(row);
        }
        for objective in objectives {
            let Some(o) = by_id.get(objective.id.as_str()) else {
                continue;
            };
            let date = match &o.source {
                Source::Measured { date, .. } => Some(*date),
                _ => None,
            };
            let head = vec![
                Cell::text(&domain.id),
                Cell::text(&o.id),
                Cell::text(&o.title),
                Cell::text(words.yes_no(objective.priority)),
                Cell::text(words.yes_no(objective.contractual)),
                Cell::Number(o.target),
                Cell::text(o.unit.clone().unwrap_or_default()),
                Cell::Number(o.value),
                Cell::Date(date),
            ];
            let holders = holders(t, objective);
            if holders.is_empty() {
                let mut row = head.clone();
                row.extend(blank(4));
                table.rows.push(row);
            }
            for (role, actor, links) in holders {
                let mut means: Vec<&str> = Vec::new();
                for m in links.iter().filter_map(|l| l.means) {
                    let label = lang.catalog().means(m);
                    if !means.contains(&label) {
                        means.push(label);
                    }
                }
                let mut row = head.clone();
                row.extend([
                    Cell::text(role.word(lang)),
                    Cell::text(&actor.name),
                    Cell::text(means.join(", ")),
                    Cell::text(words.list_notes(&notes(links.iter().copied()))),
                ]);
                table.rows.push(row);
            }
        }
    }
    table
}

/// The name of the workbook `list --format xlsx` writes without `--out`.
pub fn workbook_name(lang: Lang) -> &'static str {
    lang.catalog().list_workbook()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_read_as_each_language_writes_them() {
        let heading = Line::Heading {
            territory: "Pays du Calaisis".into(),
            programme: Some("COT TRI".into()),
            dates: Some((
                jiff::civil::date(2021, 1, 1),
                jiff::civil::date(2023, 12, 31),
            )),
            population: Some(152371),
        };
        let counts = Line::Counts {
            domains: 1,
            objectives: 9,
            actors: 0,
            links: 1500,
        };
        let target = Line::Target {
            target: 1500.0,
            unit: Some("rénovations".into()),
            reached: Reached::Measured(1485.0, jiff::civil::date(2022, 12, 31)),
        };
        let fr = |line: &Line| Lang::Fr.catalog().list_line(line).replace('\u{a0}', "~");
        let en = |line: &Line| Lang::En.catalog().list_line(line);
        assert_eq!(
            fr(&heading),
            "Pays du Calaisis, COT TRI (du 01/01/2021 au 31/12/2023), 152~371 habitants"
        );
        assert_eq!(
            en(&heading),
            "Pays du Calaisis, COT TRI (2021-01-01 to 2023-12-31), 152,371 inhabitants"
        );
        assert_eq!(fr(&counts), "1 domaine, 9 objectifs, 0 acteur, 1~500 liens");
        assert_eq!(en(&counts), "1 domain, 9 objectives, 0 actors, 1,500 links");
        assert_eq!(
            fr(&target),
            "cible~: 1~500 rénovations, réalisé~: 1~485 rénovations au 31/12/2022"
        );
        assert_eq!(
            en(&target),
            "target value: 1,500 rénovations, reached: 1,485 rénovations on 2022-12-31"
        );
        assert_eq!(
            Lang::Fr.catalog().list_notes(&["COT TRI", "AAP"]),
            "COT TRI\u{a0}; AAP"
        );
    }
}
