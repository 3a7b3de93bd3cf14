//! `actormap list`: what was loaded, domain by domain, as text or as tables for a spreadsheet
//! (CSV, XLSX): who holds which role, the actions, the governance bodies ([`Sheet`]). Its
//! words, as data ([`Line`]), are in each language's catalog ([`Words`],
//! `src/i18n/<lang>/list.rs`).

use std::collections::HashMap;
use std::io::{self, Write};

use jiff::civil::Date;

use crate::i18n::{Catalog, Lang};
use crate::model::{
    Action, ActionStatus, Actor, Domain, Link, Objective, Reach, Role, Territory, notes,
};
use crate::spreadsheet::{Cell, Table, Tone};
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
    /// How many rows each table has; actions and bodies only when the territory has some.
    Counts {
        domains: usize,
        objectives: usize,
        actors: usize,
        links: usize,
        actions: usize,
        bodies: usize,
    },
    /// The member territories of the perimeter, by name.
    Perimeter(Vec<String>),
    /// The title of a domain's "état des lieux", its lines below it.
    Context,
    /// An objective's scope: every member territory or some, by name.
    Scope { all: bool, members: Vec<String> },
    /// What an objective's actions cover of its scope (`Territory::coverage`): each member
    /// covered with the titles of the actions that cover it, and the members left out.
    Coverage {
        covered: Vec<(String, Vec<String>)>,
        missing: Vec<String>,
    },
    /// The title above the actions of an objective, or of a domain as a whole.
    Actions { whole_domain: bool },
    /// An action: its bearers and perimeter by name.
    Action(ActionLine),
    /// The title above the governance bodies.
    Governance,
    /// A body: its chair, members and parent by name.
    Body {
        name: String,
        kind: Option<String>,
        chair: Option<String>,
        members: Vec<String>,
        parent: Option<String>,
        note: Option<String>,
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

/// An action, as `list` shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionLine {
    pub title: String,
    pub bearers: Vec<String>,
    pub status: ActionStatus,
    /// Where it comes from ("REV 3 GCT&M").
    pub origin: Option<String>,
    pub perimeter: Vec<String>,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub budget: Option<f64>,
    pub note: Option<String>,
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
    /// The sheet of who holds which role: its name and its 13 columns.
    fn list_sheet(&self) -> (&'static str, [&'static str; 13]);
    /// The sheet of the actions: its name and its 11 columns.
    fn list_actions_sheet(&self) -> (&'static str, [&'static str; 11]);
    /// The sheet of the governance bodies: its name and its 6 columns.
    fn list_bodies_sheet(&self) -> (&'static str, [&'static str; 6]);
    /// The name of the workbook written by default: "acteurs-roles.xlsx" for every sheet or
    /// the roles alone, "actions-porteurs.xlsx" for the actions alone...
    fn list_workbook(&self, sheet: Option<Sheet>) -> &'static str;
    /// The usage error of `--table` without a table format.
    fn list_table_needs_a_table_format(&self) -> &'static str;
}

/// A table of `list --format csv|xlsx`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sheet {
    /// Who holds which role: one row per objective, role and actor.
    Roles,
    /// One row per action.
    Actions,
    /// One row per governance body.
    Bodies,
}

impl Sheet {
    /// The sheets of a workbook of the territory: the roles, then the actions and the bodies
    /// when it keeps some (a territory without them gets the workbook it always got).
    pub fn kept(t: &Territory) -> Vec<Sheet> {
        let mut sheets = vec![Sheet::Roles];
        if !t.actions().is_empty() {
            sheets.push(Sheet::Actions);
        }
        if !t.bodies().is_empty() {
            sheets.push(Sheet::Bodies);
        }
        sheets
    }
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
        actions: t.actions().len(),
        bodies: t.bodies().len(),
    };
    writeln!(out, "{}", words.list_line(&counts))?;
    if !t.perimeter().is_empty() {
        let members = t
            .perimeter_members()
            .iter()
            .map(|m| m.name.clone())
            .collect();
        line(out, &words.list_line(&Line::Perimeter(members)))?;
    }
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
        context_lines(domain, words, out)?;
        for objective in t.objectives_of(&domain.id) {
            if let Some(o) = by_id.get(objective.id.as_str()) {
                objective_block(t, objective, o, words, lang, out)?;
            }
        }
        action_lines(t, &t.domain_actions(&domain.id), true, words, out)?;
    }
    governance(t, words, out)
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
    coverage_lines(t, objective, words, out)?;
    action_lines(t, &t.actions_of(&objective.id), false, words, out)
}

// What the actions, bodies and perimeter tables add to the listing; a territory without them
// is listed as before.

/// The domain's "état des lieux", one line each.
fn context_lines(domain: &Domain, words: &dyn Catalog, out: &mut dyn Write) -> io::Result<()> {
    if domain.context.is_empty() {
        return Ok(());
    }
    line(out, &format!("  {}", words.list_line(&Line::Context)))?;
    for item in &domain.context {
        line(out, &format!("    - {item}"))?;
    }
    Ok(())
}

/// The objective's scope and what its actions cover of it.
fn coverage_lines(
    t: &Territory,
    objective: &Objective,
    words: &dyn Catalog,
    out: &mut dyn Write,
) -> io::Result<()> {
    let (Some(reach), Some(coverage)) = (&objective.reach, t.coverage(objective)) else {
        return Ok(());
    };
    let scope = Line::Scope {
        all: matches!(reach, Reach::All),
        members: (coverage.members.iter())
            .map(|(m, _)| m.name.clone())
            .collect(),
    };
    line(out, &format!("    {}", words.list_line(&scope)))?;
    let covered = (coverage.covered().into_iter())
        .map(|(member, actions)| {
            let titles = actions.iter().map(|a| a.title.clone()).collect();
            (member.name.clone(), titles)
        })
        .collect();
    let missing = coverage.missing().iter().map(|m| m.name.clone()).collect();
    let coverage = Line::Coverage { covered, missing };
    line(out, &format!("    {}", words.list_line(&coverage)))
}

/// The actions of an objective, or of a domain as a whole, under their title.
fn action_lines(
    t: &Territory,
    actions: &[&Action],
    whole_domain: bool,
    words: &dyn Catalog,
    out: &mut dyn Write,
) -> io::Result<()> {
    if actions.is_empty() {
        return Ok(());
    }
    let indent = if whole_domain { "  " } else { "    " };
    let title = words.list_line(&Line::Actions { whole_domain });
    line(out, &format!("{indent}{title}"))?;
    for a in actions {
        let action = Line::Action(ActionLine {
            title: a.title.clone(),
            bearers: names_of(t, &a.bearers),
            status: a.status,
            origin: a.source.clone(),
            perimeter: names_of(t, &a.perimeter),
            start: a.start,
            end: a.end,
            budget: a.budget,
            note: a.note.clone(),
        });
        line(out, &format!("{indent}  - {}", words.list_line(&action)))?;
    }
    Ok(())
}

/// Each body, its chair, members and parent, after the domains.
fn governance(t: &Territory, words: &dyn Catalog, out: &mut dyn Write) -> io::Result<()> {
    if t.bodies().is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    line(out, &words.list_line(&Line::Governance))?;
    for body in t.bodies() {
        let text = words.list_line(&Line::Body {
            name: body.name.clone(),
            kind: body.kind.clone(),
            chair: (body.chair.as_ref()).map(|c| names_of(t, std::slice::from_ref(c)).join("")),
            members: names_of(t, &body.members),
            parent: (body.parent.as_deref())
                .and_then(|p| t.body(p))
                .map(|p| p.name.clone()),
            note: body.note.clone(),
        });
        line(out, &format!("  {text}"))?;
    }
    Ok(())
}

/// Actors' names from their ids.
fn names_of(t: &Territory, ids: &[String]) -> Vec<String> {
    (ids.iter())
        .map(|id| t.actor(id).map_or_else(|| id.clone(), |a| a.name.clone()))
        .collect()
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

/// One of `list`'s tables.
pub fn sheet(t: &Territory, sheet: Sheet, lang: Lang) -> Table {
    match sheet {
        Sheet::Roles => table(t, lang),
        Sheet::Actions => actions_table(t, lang),
        Sheet::Bodies => bodies_table(t, lang),
    }
}

/// The actions, one row each, in the order of the text (domain by domain, each objective's
/// then the domain's own): domain, objective (empty for the domain as a whole), title,
/// bearers, state (coloured in a workbook), origin, perimeter, start, end, budget, note.
/// Actors by name, several separated by ", ".
pub fn actions_table(t: &Territory, lang: Lang) -> Table {
    let words = lang.catalog();
    let (sheet, header) = words.list_actions_sheet();
    let mut table = Table::new(sheet, &header);
    let join = |ids: &[String]| names_of(t, ids).join(", ");
    for domain in t.domains() {
        let of_objectives = t.objectives_of(&domain.id).flat_map(|o| {
            t.actions_of(&o.id)
                .into_iter()
                .map(move |a| (o.id.as_str(), a))
        });
        let of_domain = (t.domain_actions(&domain.id).into_iter()).map(|a| ("", a));
        for (objective, a) in of_objectives.chain(of_domain) {
            let tone = match a.status {
                ActionStatus::Planned => Tone::Neutral,
                ActionStatus::Ongoing => Tone::Fair,
                ActionStatus::Done => Tone::Good,
                ActionStatus::Dropped => Tone::Caution,
            };
            table.rows.push(vec![
                Cell::text(&domain.id),
                Cell::text(objective),
                Cell::text(&a.title),
                Cell::text(join(&a.bearers)),
                Cell::Marked(words.action_status(a.status).to_owned(), tone),
                Cell::text(a.source.clone().unwrap_or_default()),
                Cell::text(join(&a.perimeter)),
                Cell::Date(a.start),
                Cell::Date(a.end),
                Cell::Euros(a.budget),
                Cell::text(a.note.clone().unwrap_or_default()),
            ]);
        }
    }
    table
}

/// The governance bodies, one row each in file order: name, kind, chair, members (by name,
/// separated by ", "), the body it reports to, note.
pub fn bodies_table(t: &Territory, lang: Lang) -> Table {
    let words = lang.catalog();
    let (sheet, header) = words.list_bodies_sheet();
    let mut table = Table::new(sheet, &header);
    for body in t.bodies() {
        let parent = (body.parent.as_deref()).map(|p| t.body(p).map_or(p, |b| b.name.as_str()));
        table.rows.push(vec![
            Cell::text(&body.name),
            Cell::text(body.kind.clone().unwrap_or_default()),
            Cell::text(names_of(t, body.chair.as_slice()).join(", ")),
            Cell::text(names_of(t, &body.members).join(", ")),
            Cell::text(parent.unwrap_or_default()),
            Cell::text(body.note.clone().unwrap_or_default()),
        ]);
    }
    table
}

/// The name of the workbook `list --format xlsx` writes without `--out`: for every sheet
/// (`None`) or one.
pub fn workbook_name(lang: Lang, sheet: Option<Sheet>) -> &'static str {
    lang.catalog().list_workbook(sheet)
}

/// The usage error of `list --table` with the text format.
pub fn table_needs_a_table_format(lang: Lang) -> String {
    lang.catalog().list_table_needs_a_table_format().to_owned()
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
            actions: 0,
            bodies: 0,
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
        let action = Line::Action(ActionLine {
            title: "Appel à projet du PNA".into(),
            bearers: vec!["CIAS".into(), "CCPO".into()],
            status: ActionStatus::Done,
            origin: None,
            perimeter: vec!["CCPO".into()],
            start: Some(jiff::civil::date(2022, 3, 1)),
            end: None,
            budget: Some(15000.0),
            note: None,
        });
        assert_eq!(
            fr(&action),
            "Appel à projet du PNA~: CIAS, CCPO~; réalisée~; périmètre~: CCPO~; à partir du 01/03/2022~; budget~: 15~000~€"
        );
        assert_eq!(
            en(&action),
            "Appel à projet du PNA: CIAS, CCPO; done; perimeter: CCPO; from 2022-03-01; budget: €15,000"
        );
        let coverage = Line::Coverage {
            covered: vec![],
            missing: vec!["GCT&M".into(), "CCRA".into()],
        };
        assert_eq!(
            fr(&coverage),
            "couverture~: aucune~; reste à couvrir~: GCT&M, CCRA"
        );
        assert_eq!(en(&coverage), "coverage: none; not covered: GCT&M, CCRA");
        let counts = Line::Counts {
            domains: 1,
            objectives: 1,
            actors: 1,
            links: 1,
            actions: 1,
            bodies: 2,
        };
        assert_eq!(
            fr(&counts),
            "1 domaine, 1 objectif, 1 acteur, 1 lien, 1 action, 2 instances"
        );
        assert_eq!(
            en(&counts),
            "1 domain, 1 objective, 1 actor, 1 link, 1 action, 2 bodies"
        );
    }
}
