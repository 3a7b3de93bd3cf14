//! The territory overview: one card per domain with its objectives and targets, a
//! "prioritaire" badge, a red "chef de file ?" badge where an objective has no lead, the
//! number of actors involved, and the related domains.

use super::cartographie::{Frame, MARGIN};
use super::scene::{Anchor, Item, Line, Scene, Stroke, Weight};
use super::{
    Card, LIGHT, NAVY, Options, Paint, RED, RULE, WHITE, finish, gap_paint, group, number,
    paragraph, rect_item, text, text_item, tr,
};
use crate::model::Territory;

const GAP: f64 = 24.0;
const MIN_CARD_H: f64 = 230.0;
const PAD: f64 = 18.0;

/// The overview as a Scene.
pub fn layout(t: &Territory, opts: &Options) -> Scene {
    let lang = opts.lang;
    let k = opts.size.scale();
    let (w, h0) = (opts.size.width / k, opts.size.height / k);
    let n = t.domains().len().max(1);
    let cols = ((n as f64).sqrt().ceil() as usize).clamp(1, 6);
    let rows = n.div_ceil(cols);

    let title = match &t.programme {
        Some(p) => format!(
            "{} · {}{}{}",
            t.name,
            p.name,
            super::colon(lang),
            tr(lang, "vue d'ensemble", "overview")
        ),
        None => format!(
            "{}{}{}",
            t.name,
            super::colon(lang),
            tr(lang, "vue d'ensemble", "overview")
        ),
    };
    let mut frame = Frame::new(w, h0);
    let header_bottom = frame.title(&title) + 12.0;
    let top = header_bottom + 24.0;
    let card_w = (w - 2.0 * MARGIN - (cols as f64 - 1.0) * GAP) / cols as f64;
    let avail = h0 - MARGIN - 28.0 - top;
    let card_h = ((avail - (rows as f64 - 1.0) * GAP) / rows as f64).max(MIN_CARD_H);
    let h = (top + rows as f64 * card_h + (rows as f64 - 1.0) * GAP + MARGIN + 28.0).max(h0);
    frame.h = h;
    frame.items.push(Item::Line(Line {
        points: vec![(MARGIN, header_bottom), (w - MARGIN, header_bottom)],
        stroke: Stroke::solid(RULE, 2.0),
        arrow: false,
        class: "rule".into(),
    }));

    for (i, d) in t.domains().iter().enumerate() {
        let (col, row) = (i % cols, i / cols);
        let x = MARGIN + col as f64 * (card_w + GAP);
        let y = top + row as f64 * (card_h + GAP);
        let objectives: Vec<_> = t.objectives_of(&d.id).collect();
        let gap = objectives.iter().any(|o| opts.lead_gap(t, o));
        let priority = objectives.iter().any(|o| o.priority);
        let mut items = vec![rect_item(
            (x, y, card_w, card_h),
            14.0,
            Some(if priority { WHITE } else { LIGHT }),
            Some(Stroke::solid(
                if priority { NAVY } else { RULE },
                if priority { 3.0 } else { 1.5 },
            )),
            "card",
        )];
        let inner_w = card_w - 2.0 * PAD;
        let bottom = y + card_h - PAD;
        // Badges along the top.
        let mut bx = x + PAD;
        let by = y + PAD;
        let id_card = Card {
            radius: 8.0,
            ..Card::new(
                &[(d.id.as_str(), 18.0, Weight::Bold, 1)],
                inner_w / 2.0,
                Paint {
                    fill: NAVY,
                    stroke: NAVY,
                    text: WHITE,
                    stroke_width: 0.0,
                    dashed: false,
                },
            )
        };
        items.extend(id_card.items(bx, by, "badge"));
        bx += id_card.w + 8.0;
        let mut badge = |label: &str, paint: Paint, items: &mut Vec<Item>| {
            let c = Card {
                radius: 14.0,
                ..Card::new(&[(label, 16.0, Weight::Bold, 1)], inner_w, paint)
            };
            if bx + c.w <= x + card_w - PAD {
                items.extend(c.items(bx, by, "badge"));
                bx += c.w + 8.0;
            }
        };
        if priority {
            badge(
                tr(lang, "PRIORITAIRE", "PRIORITY"),
                Paint {
                    fill: "#c0392b",
                    stroke: "#c0392b",
                    text: WHITE,
                    stroke_width: 0.0,
                    dashed: false,
                },
                &mut items,
            );
        }
        if gap {
            badge(tr(lang, "Chef de file ?", "Lead?"), gap_paint(), &mut items);
        }
        // Required roles nobody holds, as far as the card's top row has room.
        for (role, _) in super::cartographie::role_gaps(t, &objectives, opts) {
            let label = format!("{}{}", role.label(lang), tr(lang, "\u{a0}?", "?"));
            badge(&label, gap_paint(), &mut items);
        }
        let mut cursor = by + id_card.h + 10.0;
        let room = |cursor: f64, size: f64| {
            ((bottom - cursor) / text::line_height(size))
                .floor()
                .max(0.0) as usize
        };

        let push = |s: &str,
                    size: f64,
                    weight: Weight,
                    color,
                    max: usize,
                    cursor: &mut f64,
                    items: &mut Vec<Item>| {
            let lines = room(*cursor, size).min(max);
            if lines == 0 {
                return;
            }
            let (texts, next) =
                paragraph(x + PAD, *cursor, s, inner_w, (size, weight, color), lines);
            items.extend(texts);
            *cursor = next + 4.0;
        };
        push(
            &d.name,
            18.0,
            Weight::Bold,
            NAVY,
            2,
            &mut cursor,
            &mut items,
        );
        for o in &objectives {
            let mut line = o.title.clone();
            if let Some(target) = o.target {
                line = format!(
                    "{}{}{}{} — {line}",
                    tr(lang, "Cible", "Target"),
                    super::colon(lang),
                    number(target, lang),
                    o.unit
                        .as_deref()
                        .map(|u| format!(" {u}"))
                        .unwrap_or_default()
                );
            }
            push(
                &line,
                16.0,
                Weight::Regular,
                "#2b3440",
                3,
                &mut cursor,
                &mut items,
            );
        }
        if objectives.is_empty() {
            push(
                tr(lang, "Aucun objectif renseigné", "No objective given"),
                16.0,
                Weight::Regular,
                RED,
                1,
                &mut cursor,
                &mut items,
            );
        }
        // Footer line of the card: actors and related domains.
        let mut actors: Vec<&str> = Vec::new();
        for o in &objectives {
            for inv in t.involvements(o) {
                if !actors.contains(&inv.actor.id.as_str()) {
                    actors.push(&inv.actor.id);
                }
            }
        }
        let mut foot = format!("{} {}", actors.len(), tr(lang, "acteurs", "actors"));
        if !d.related.is_empty() {
            foot.push_str(&format!(
                " · {}{}{}",
                tr(lang, "Liens", "Links"),
                super::colon(lang),
                d.related.join(", ")
            ));
        }
        let foot_y = y + card_h - PAD - text::descent(16.0);
        if foot_y - text::ascent(16.0) >= cursor {
            let line = text::wrap(&foot, inner_w, 16.0, Weight::Regular, 1)
                .lines
                .join(" ");
            items.push(text_item(
                x + PAD,
                foot_y,
                &line,
                16.0,
                Weight::Regular,
                Anchor::Start,
                super::GREY,
            ));
        }
        frame.items.push(group("card", &d.id, items));
    }
    frame.footer(t);
    finish(frame.scene(title), k)
}
