//! An actor's own map: everything one body (ADEME, a EPCI...) is involved in, by role,
//! around its name, the roles it holds through a group included ("via Les 3 EPCI"), as
//! `check` counts them, and the actions it carries, itself or through a group. Split over
//! several slides when one does not hold them.

use super::cartographie::legend;
use super::frame::{self, Frame, PANEL_TEXT, Page, Panel, TEXT, solid};
use super::notes::{self, Notes};
use super::radial::{self, NoRoom, SectorSpec};
use super::scene::{Scene, Weight};
use super::words::Label;
use super::{Block, Card, INK, NAVY, Options, Paint, finish, name_lines, paint};
use crate::check::Facts;
use crate::i18n::Catalog;
use crate::model::{Action, ActionStatus, Actor, Objective, Role, Territory};

/// A role an actor holds towards an objective, itself or through a group it belongs to.
pub struct Held<'a> {
    pub role: Role,
    pub objective: &'a Objective,
    /// The group that holds the role, when the actor holds it only as one of its members.
    pub via: Option<&'a Actor>,
    /// The notes of the links that give the role.
    pub notes: Vec<&'a str>,
}

/// What an actor holds, role by role (in `Role::ALL` order), objective by objective,
/// domain-wide links expanded. A member of a group holds what its groups hold (nested
/// groups too), as the rules of `check` count it (`Facts::groups_containing`).
pub fn roles_of<'a>(t: &'a Territory, actor: &Actor) -> Vec<Held<'a>> {
    let groups = Facts::new(t).groups_containing(&actor.id);
    let mut out = Vec::new();
    for role in Role::ALL {
        for o in t.objectives() {
            let links_of = |id: &str| {
                t.involvements(o)
                    .filter(|inv| inv.actor.id == id && inv.link.role == role)
                    .map(|inv| inv.link)
                    .collect::<Vec<_>>()
            };
            let own = links_of(&actor.id);
            if !own.is_empty() {
                out.push(Held {
                    role,
                    objective: o,
                    via: None,
                    notes: notes::of(own),
                });
                continue;
            }
            if let Some((g, links)) = groups
                .iter()
                .map(|g| (*g, links_of(&g.id)))
                .find(|(_, links)| !links.is_empty())
            {
                out.push(Held {
                    role,
                    objective: o,
                    via: Some(g),
                    notes: notes::of(links),
                });
            }
        }
    }
    out
}

/// An action an actor carries, itself or through a group it belongs to.
pub struct Carried<'a> {
    pub action: &'a Action,
    /// The group that carries it, when the actor carries it only as one of its members.
    pub via: Option<&'a Actor>,
}

/// The actions an actor carries: first those it carries itself, then those its groups carry
/// (nested groups too, as `check` counts them), each in file order and each action once.
pub fn actions_of<'a>(t: &'a Territory, actor: &Actor) -> Vec<Carried<'a>> {
    let own = t.actions_borne_by(&actor.id);
    let groups = Facts::new(t).groups_containing(&actor.id);
    let through = t.actions().iter().filter_map(|a| {
        if own.iter().any(|o| std::ptr::eq(*o, a)) {
            return None;
        }
        let g = groups.iter().find(|g| a.bearers.contains(&g.id))?;
        Some(Carried {
            action: a,
            via: Some(*g),
        })
    });
    own.iter()
        .map(|a| Carried {
            action: a,
            via: None,
        })
        .chain(through)
        .collect()
}

const ZOOMS: [f64; 3] = [1.12, 1.06, 1.0];
/// Objective cards wrap within this width at the smallest zoom.
const CARD_TEXT: f64 = 300.0;

/// The actor's map, on one slide or more.
pub fn layout(t: &Territory, actor: &Actor, opts: &Options) -> Vec<Scene> {
    let held = roles_of(t, actor);
    let carried = actions_of(t, actor);
    let draw_run = |run: std::ops::Range<usize>, page, force| {
        draw(t, actor, &held[run], &carried, page, opts, force)
    };
    if let Ok(scene) = draw_run(0..held.len(), Page::ONLY, false) {
        return vec![scene];
    }
    let widest = Page::widest(held.len());
    let runs = radial::split(held.len(), |run| draw_run(run, widest, false).is_ok());
    let count = runs.len();
    runs.into_iter()
        .zip(Page::all(count))
        .map(|(run, page)| {
            draw_run(run.clone(), page, false)
                .or_else(|NoRoom| draw_run(run, page, true))
                .unwrap_or_else(|NoRoom| frame::blank(t, &actor.name, opts.size))
        })
        .collect()
}

/// One slide of the actor's map holding `held`; see `cartographie` for `force`.
fn draw(
    t: &Territory,
    actor: &Actor,
    held: &[Held],
    carried: &[Carried],
    page: Page,
    opts: &Options,
    force: bool,
) -> Result<Scene, NoRoom> {
    let (lang, words) = (opts.lang, opts.lang.catalog());
    let k = opts.size.scale();
    let (w, h) = (opts.size.width / k, opts.size.height / k);
    let title = page.title(&words.actor_title(&actor.name), lang);
    let mut frame = Frame::new(w, h);
    let top = frame.titled(&title);

    let mut notes = Notes::default();
    for hd in held {
        notes.add(&hd.notes);
    }
    let mut area = frame.map_area(top);
    let band = if notes.is_empty() {
        Vec::new()
    } else {
        match notes.lines(area.w, 4) {
            Some(lines) => lines,
            None if force => notes.cut_lines(area.w, 4),
            None => return Err(NoRoom),
        }
    };
    let band_area = area.clone();
    area.h -= notes::band_height(band.len());

    // The side panel: the legend of the roles shown, the actor's groups and members, the
    // actions it carries.
    let mut panel = Panel::new(frame.panel_x(), top, frame.bottom());
    let entries: Vec<(Paint, &str)> = Role::ALL
        .iter()
        .filter(|r| held.iter().any(|hd| hd.role == **r))
        .map(|r| (paint(*r), role_word(*r, words)))
        .collect();
    legend(&mut panel, words, &entries);
    let groups: Vec<&str> = t.groups_of(&actor.id).map(|g| g.name.as_str()).collect();
    let members: Vec<&str> = actor
        .members
        .iter()
        .filter_map(|m| t.actor(m).map(|a| a.name.as_str()))
        .collect();
    for (head, names) in [(Label::MemberOf, groups), (Label::StandsFor, members)] {
        if !names.is_empty() {
            panel.space(10.0);
            panel.text(
                &words.names_after(head, &names),
                (PANEL_TEXT, Weight::Regular, INK),
                0.0,
                6,
            );
        }
    }
    if panel.overflow && !force {
        return Err(NoRoom);
    }
    carried_actions(&mut panel, carried, words);
    frame.items.push(panel.finish());
    frame.footer(t);

    let mut hub_blocks = vec![Block {
        lines: name_lines(actor, "", 340.0, 28.0, Weight::Bold, 3),
        size: 28.0,
        weight: Weight::Bold,
    }];
    if let Some(kind) = &actor.kind {
        hub_blocks.push(Block::wrapped(kind, 340.0, TEXT, Weight::Regular, 1));
    }
    let hub = Card {
        radius: 24.0,
        ..Card::of(&hub_blocks, solid(NAVY))
    };
    let search = radial::Search {
        zooms: &ZOOMS,
        skip_crowded: false,
    };
    let placed = radial::fit(&area, &search, &hub, |zoom| {
        sectors(t, held, &notes, words, zoom)
    });
    let (fit, crowded) = match placed {
        Ok(fit) => (fit, false),
        Err(NoRoom) if force => (radial::Fit::hub_only(&area, &hub), true),
        Err(NoRoom) => return Err(NoRoom),
    };
    let note = if crowded {
        Some(words.map_label(Label::TooManyRoles))
    } else {
        held.is_empty().then(|| words.map_label(Label::NoRole))
    };
    frame
        .items
        .extend(radial::draw(&fit, &hub, &actor.id, Some(0.08), note));
    if !band.is_empty() {
        frame.items.push(notes::band(&band_area, &band));
    }
    Ok(finish(frame.scene(title), k))
}

/// A role's name in the legend and on its sector's label.
fn role_word(role: Role, words: &dyn Catalog) -> &'static str {
    match role {
        Role::Lead => words.map_label(Label::Lead),
        Role::LeadCandidate => words.map_label(Label::LeadCandidate),
        other => words.legend(other),
    }
}

fn sectors(
    t: &Territory,
    held: &[Held],
    notes: &Notes,
    words: &dyn Catalog,
    zoom: f64,
) -> Vec<SectorSpec> {
    let size = TEXT * zoom;
    let mut specs: Vec<SectorSpec> = Vec::new();
    for hd in held {
        if specs.last().is_none_or(|s| s.key != hd.role.id()) {
            let p = paint(hd.role);
            specs.push(SectorSpec {
                label: Some(radial::label(role_word(hd.role, words), &p)),
                cards: Vec::new(),
                ids: Vec::new(),
                classes: Vec::new(),
                data: Vec::new(),
                key: hd.role.id(),
                tint: p.stroke,
                edge: radial::edge_stroke(&p),
            });
        }
        let o = hd.objective;
        let mut text = match t.domain(&o.domain) {
            Some(d) => format!("{} · {}", d.id, o.title),
            None => o.title.clone(),
        };
        let marks = notes.marks(&hd.notes);
        if !marks.is_empty() {
            text = format!("{text}{marks}");
        }
        let mut blocks = vec![Block::wrapped(
            &text,
            CARD_TEXT * zoom,
            size,
            Weight::Regular,
            6,
        )];
        if let Some(g) = hd.via {
            blocks.push(Block::wrapped(
                &words.via(&g.name),
                CARD_TEXT * zoom,
                TEXT,
                Weight::Bold,
                2,
            ));
        }
        let spec = specs.last_mut().expect("pushed above");
        spec.cards.push(Card::of(&blocks, paint(hd.role)));
        spec.ids.push(format!("{}:{}", hd.role.id(), o.id));
        spec.classes.push("actor");
        spec.data.push(Default::default());
    }
    specs
}

/// The panel's section of the actions the actor carries, "(via Les 3 EPCI)" after those it
/// carries through a group, those under way in bold: as many as the room left holds, then
/// "+ 3 autres" (never a reason to split the map).
fn carried_actions(panel: &mut Panel, actions: &[Carried], words: &dyn Catalog) {
    let lh = super::text::line_height(PANEL_TEXT);
    // The heading and one line at least, else nothing.
    if actions.is_empty() || panel.room(0.0) < 10.0 + 2.0 * lh + 8.0 {
        return;
    }
    panel.space(10.0);
    panel.heading(words.map_label(Label::CarriedActions));
    for (i, Carried { action: a, via }) in actions.iter().enumerate() {
        let status = (a.status != ActionStatus::Planned).then_some(a.status);
        let via = via.map(|g| words.via(&g.name));
        let via = via.as_deref();
        let line = format!("• {}", words.action_by(&a.title, via.as_slice(), status));
        let weight = if a.status == ActionStatus::Ongoing {
            Weight::Bold
        } else {
            Weight::Regular
        };
        let lines = super::text::wrap(&line, panel.width(), PANEL_TEXT, weight, 2)
            .lines
            .len();
        let more = i + 1 < actions.len();
        let reserve = if more { lh } else { 0.0 };
        if lines as f64 * lh > panel.room(reserve) {
            panel.text(
                &words.more(actions.len() - i),
                (PANEL_TEXT, Weight::Regular, super::GREY),
                0.0,
                1,
            );
            return;
        }
        panel.text(&line, (PANEL_TEXT, weight, INK), 0.0, 2);
    }
}
