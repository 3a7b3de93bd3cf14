//! An actor's own map: everything one body (ADEME, a EPCI...) is involved in, by role,
//! around its name.

use super::cartographie::{Frame, MARGIN, PANEL_WIDTH, legend};
use super::radial::{self, SectorSpec};
use super::scene::{Item, Line, Rect, Scene, Stroke, Weight};
use super::{
    Card, LIGHT, NAVY, Options, Paint, WHITE, finish, group, paint, paragraph, rect_item, tr,
};
use crate::model::{Actor, Lang, Objective, Role, Territory};

/// The objectives an actor holds each role towards, domain-wide links expanded.
pub fn roles_of<'a>(t: &'a Territory, actor: &Actor) -> Vec<(Role, Vec<&'a Objective>)> {
    let mut out: Vec<(Role, Vec<&Objective>)> = Vec::new();
    for role in Role::ALL {
        let objectives: Vec<&Objective> = t
            .objectives()
            .iter()
            .filter(|o| {
                t.involvements(o)
                    .any(|inv| inv.actor.id == actor.id && inv.link.role == role)
            })
            .collect();
        if !objectives.is_empty() {
            out.push((role, objectives));
        }
    }
    out
}

const ZOOMS: [f64; 3] = [1.12, 1.0, 0.9];

/// The actor's map as a Scene.
pub fn layout(t: &Territory, actor: &Actor, opts: &Options) -> Scene {
    let lang = opts.lang;
    let k = opts.size.scale();
    let (w0, h0) = (opts.size.width / k, opts.size.height / k);
    let roles = roles_of(t, actor);
    let mut hub_blocks = vec![(actor.name.as_str(), 28.0, Weight::Bold, 3)];
    if let Some(kind) = &actor.kind {
        hub_blocks.push((kind.as_str(), 18.0, Weight::Regular, 1));
    }
    let hub = Card {
        radius: 24.0,
        ..Card::new(
            &hub_blocks,
            340.0,
            Paint {
                fill: NAVY,
                stroke: NAVY,
                text: WHITE,
                stroke_width: 0.0,
                dashed: false,
            },
        )
    };
    let title = match lang {
        Lang::Fr => format!("{}\u{a0}: ses rôles", actor.name),
        Lang::En => format!("{}: its roles", actor.name),
    };

    let search = radial::Search {
        zooms: &ZOOMS,
        skip_crowded: false,
    };
    let fit = radial::fit(
        1.0,
        &search,
        &hub,
        |grow| page(t, actor, &title, lang, (w0 * grow, h0 * grow)),
        |zoom| sectors(t, &roles, lang, zoom),
    );
    let note = if fit.overflow {
        Some(tr(
            lang,
            "Trop de rôles pour une carte",
            "Too many roles for one map",
        ))
    } else {
        roles
            .is_empty()
            .then(|| tr(lang, "Aucun rôle renseigné", "No role given"))
    };
    let items = radial::draw(&fit, &hub, &actor.id, Some(0.08), note);
    let mut frame = fit.page;
    frame.items.extend(items);
    finish(frame.scene(title), k)
}

/// The slide around the map at `(w, h)`: title, side panel (legend, groups, members),
/// footer; with the map's area.
fn page(
    t: &Territory,
    actor: &Actor,
    title: &str,
    lang: Lang,
    (w, h): (f64, f64),
) -> (Frame, Rect) {
    let mut frame = Frame::new(w, h);
    let header_bottom = frame.title(title) + 12.0;
    frame.items.push(Item::Line(Line {
        points: vec![(MARGIN, header_bottom), (w - MARGIN, header_bottom)],
        stroke: Stroke::solid(super::RULE, 2.0),
        arrow: false,
        class: "rule".into(),
    }));
    let panel_x = w - MARGIN - PANEL_WIDTH;
    let (top, bottom) = (header_bottom + 24.0, h - MARGIN - 28.0);
    let mut panel = vec![rect_item(
        (panel_x, top, PANEL_WIDTH, bottom - top),
        14.0,
        Some(LIGHT),
        None,
        "panel",
    )];
    let mut y = legend(
        &mut panel,
        panel_x + 22.0,
        top + 20.0,
        PANEL_WIDTH - 44.0,
        lang,
        false,
    );
    let groups: Vec<&str> = t.groups_of(&actor.id).map(|g| g.name.as_str()).collect();
    let members: Vec<&str> = actor
        .members
        .iter()
        .filter_map(|m| t.actor(m).map(|a| a.name.as_str()))
        .collect();
    for (head, names) in [
        (tr(lang, "Membre de", "Member of"), groups),
        (tr(lang, "Regroupe", "Stands for"), members),
    ] {
        if names.is_empty() || y + 60.0 > bottom {
            continue;
        }
        let (texts, next) = paragraph(
            panel_x + 22.0,
            y + 10.0,
            &format!("{head}{}{}", super::colon(lang), names.join(", ")),
            PANEL_WIDTH - 44.0,
            (17.0, Weight::Regular, "#2b3440"),
            ((bottom - y - 20.0) / 24.0).clamp(1.0, 4.0) as usize,
        );
        panel.extend(texts);
        y = next;
    }
    frame.items.push(group("panel", "", panel));
    frame.footer(t);
    let area = Frame::map_area(header_bottom, panel_x, h);
    (frame, area)
}

fn sectors(
    t: &Territory,
    roles: &[(Role, Vec<&Objective>)],
    lang: Lang,
    zoom: f64,
) -> Vec<SectorSpec> {
    let size = (17.0 * zoom).max(16.0);
    roles
        .iter()
        .map(|(role, objectives)| {
            let p = paint(*role);
            let label_text = match role {
                Role::Lead => tr(lang, "CHEF DE FILE", "LEAD"),
                Role::LeadCandidate => tr(lang, "CHEF DE FILE PRESSENTI", "LEAD CANDIDATE"),
                other => other.label(lang),
            }
            .to_uppercase();
            let label = Card {
                radius: 16.0,
                ..Card::new(
                    &[(&label_text, 16.0, Weight::Bold, 2)],
                    260.0,
                    Paint {
                        fill: WHITE,
                        stroke: p.stroke,
                        text: p.stroke,
                        stroke_width: 2.0,
                        dashed: false,
                    },
                )
            };
            let cards = objectives
                .iter()
                .map(|o| {
                    let text = match t.domain(&o.domain) {
                        Some(d) => format!("{} · {}", d.id, o.title),
                        None => o.title.clone(),
                    };
                    Card::new(
                        &[(text.as_str(), size, Weight::Regular, 3)],
                        240.0 * zoom,
                        p,
                    )
                })
                .collect();
            SectorSpec {
                label: Some(label),
                cards,
                ids: objectives
                    .iter()
                    .map(|o| format!("{}:{}", role.id(), o.id))
                    .collect(),
                classes: vec!["actor"; objectives.len()],
                key: role.id(),
                tint: p.stroke,
                edge: radial::edge_stroke(&p),
            }
        })
        .collect()
}
