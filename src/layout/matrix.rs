//! The actor x objective matrix as a table: one row per actor involved, one column per
//! objective, RACI-style letters in role colours, a red header where the lead is missing.

use super::cartographie::{Frame, MARGIN};
use super::scene::{Anchor, Item, Line, Scene, Stroke, Weight};
use super::{
    Card, LIGHT, NAVY, Options, PAD_X, RED, RULE, finish, gap_paint, group, paint, rect_item, text,
    text_item, tr,
};
use crate::model::{Lang, Role, Territory};

const ROW_H: f64 = 30.0;
const NAME_W: f64 = 320.0;
/// The narrowest column: its header ("DC10 · CF ?" in bold 18 px, then the title in 16 px)
/// stays legible. With more objectives than a slide holds at this width, the canvas grows
/// wider instead, as it grows taller for more actors.
pub const MIN_COL_W: f64 = 128.0;
const MAX_COL_W: f64 = 240.0;

/// The letter of a role in a matrix cell.
pub fn letter(role: Role, lang: Lang) -> &'static str {
    match (role, lang) {
        (Role::Lead, Lang::Fr) => "CF",
        (Role::LeadCandidate, Lang::Fr) => "CF?",
        (Role::Prescriber, _) => "P",
        (Role::Funder, _) => "F",
        (Role::Support, Lang::Fr) => "A",
        (Role::Target, Lang::Fr) => "C",
        (Role::Relay, _) => "R",
        (Role::Lead, Lang::En) => "L",
        (Role::LeadCandidate, Lang::En) => "L?",
        (Role::Support, Lang::En) => "S",
        (Role::Target, Lang::En) => "T",
    }
}

/// The matrix as a Scene.
pub fn layout(t: &Territory, opts: &Options) -> Scene {
    let lang = opts.lang;
    let k = opts.size.scale();
    let (w0, h0) = (opts.size.width / k, opts.size.height / k);

    // Rows: actors with at least one role, in table order.
    let rows: Vec<_> = t
        .actors()
        .iter()
        .filter(|a| {
            t.objectives()
                .iter()
                .any(|o| t.involvements(o).any(|inv| inv.actor.id == a.id))
        })
        .collect();
    let cols = t.objectives();
    let w = w0.max(2.0 * MARGIN + NAME_W + cols.len() as f64 * MIN_COL_W);

    let title = format!(
        "{}{}{}",
        t.name,
        super::colon(lang),
        tr(lang, "qui fait quoi", "who does what")
    );
    let mut frame = Frame::new(w, h0);
    let header_bottom = frame.title(&title) + 12.0;
    frame.items.push(Item::Line(Line {
        points: vec![(MARGIN, header_bottom), (w - MARGIN, header_bottom)],
        stroke: Stroke::solid(RULE, 2.0),
        arrow: false,
        class: "rule".into(),
    }));
    let top = header_bottom + 24.0;
    let header_h = 18.0 + text::line_height(18.0) + 3.0 * text::line_height(16.0) + 4.0;
    let legend_h = 44.0;
    let needed = top + header_h + rows.len() as f64 * ROW_H + 16.0 + legend_h + MARGIN + 28.0;
    let h = needed.max(h0);
    frame.h = h;

    let col_w =
        ((w - 2.0 * MARGIN - NAME_W) / cols.len().max(1) as f64).clamp(MIN_COL_W, MAX_COL_W);
    let table_w = NAME_W + col_w * cols.len() as f64;
    let x0 = MARGIN;

    // Column headers: domain id, then the objective's title, cut to fit.
    for (j, o) in cols.iter().enumerate() {
        let x = x0 + NAME_W + j as f64 * col_w;
        let gap = opts.lead_gap(t, o);
        let (fill, color) = if gap { ("#fdecec", RED) } else { (LIGHT, NAVY) };
        let mut items = vec![rect_item(
            (x + 2.0, top, col_w - 4.0, header_h - 4.0),
            8.0,
            Some(fill),
            None,
            "panel",
        )];
        let inner = col_w - 16.0;
        let mut y = top + 8.0;
        let head = if gap {
            format!("{} · {}", o.domain, tr(lang, "CF ?", "L?"))
        } else {
            o.domain.clone()
        };
        for (s, size, weight, lines) in [
            (head.as_str(), 18.0, Weight::Bold, 1),
            (o.title.as_str(), 16.0, Weight::Regular, 3),
        ] {
            for line in text::wrap(s, inner, size, weight, lines).lines {
                items.push(text_item(
                    x + col_w / 2.0,
                    y + text::ascent(size),
                    &line,
                    size,
                    weight,
                    Anchor::Middle,
                    color,
                ));
                y += text::line_height(size);
            }
        }
        frame.items.push(group("column", &o.id, items));
    }

    // Rows.
    for (i, a) in rows.iter().enumerate() {
        let y = top + header_h + i as f64 * ROW_H;
        let mut items = Vec::new();
        if i % 2 == 0 {
            items.push(rect_item(
                (x0, y, table_w, ROW_H),
                0.0,
                Some("#f7f8fa"),
                None,
                "stripe",
            ));
        }
        let name = text::wrap(&a.name, NAME_W - 16.0, 17.0, Weight::Regular, 1)
            .lines
            .join(" ");
        let baseline = y + (ROW_H + text::ascent(17.0) - text::descent(17.0)) / 2.0;
        items.push(text_item(
            x0 + 8.0,
            baseline,
            &name,
            17.0,
            Weight::Regular,
            Anchor::Start,
            "#2b3440",
        ));
        for (j, o) in cols.iter().enumerate() {
            let mut roles: Vec<Role> = t
                .involvements(o)
                .filter(|inv| inv.actor.id == a.id)
                .map(|inv| inv.link.role)
                .collect();
            roles.sort();
            roles.dedup();
            let Some(first) = roles.first() else { continue };
            let letters: Vec<&str> = roles.iter().map(|r| letter(*r, lang)).collect();
            let x = x0 + NAME_W + j as f64 * col_w;
            let label = letters.join(" ");
            let p = paint(*first);
            // The text stays inside the card once the card is cut to the column.
            let card = Card {
                radius: 6.0,
                ..Card::new(
                    &[(label.as_str(), 16.0, Weight::Bold, 1)],
                    col_w - 8.0 - 2.0 * PAD_X - p.stroke_width,
                    p,
                )
            };
            let card = Card {
                h: ROW_H - 6.0,
                w: card.w.min(col_w - 8.0),
                ..card
            };
            let cell = card.items(x + (col_w - card.w) / 2.0, y + 3.0, "cell");
            items.push(group("cell", &format!("{}:{}", a.id, o.id), cell));
        }
        frame.items.push(group("row", &a.id, items));
    }
    // Grid lines.
    let table_bottom = top + header_h + rows.len() as f64 * ROW_H;
    frame.items.push(Item::Line(Line {
        points: vec![(x0, table_bottom), (x0 + table_w, table_bottom)],
        stroke: Stroke::solid(RULE, 1.5),
        arrow: false,
        class: "rule".into(),
    }));

    // Legend: one chip per role.
    let mut x = x0;
    let y = table_bottom + 16.0;
    let mut legend = Vec::new();
    for role in Role::ALL {
        let label = format!("{} = {}", letter(role, lang), role.word(lang));
        let p = if role == Role::LeadCandidate {
            gap_paint()
        } else {
            paint(role)
        };
        let chip = Card {
            radius: 8.0,
            ..Card::new(&[(label.as_str(), 16.0, Weight::Bold, 1)], 400.0, p)
        };
        if x + chip.w > w - MARGIN {
            break;
        }
        legend.extend(chip.items(x, y, "chip"));
        x += chip.w + 10.0;
    }
    frame.items.push(group("legend", "", legend));
    frame.footer(t);
    finish(frame.scene(title), k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_narrowest_column_holds_a_header_and_a_common_word() {
        let inner = MIN_COL_W - 16.0;
        for head in ["DC10 · CF ?", "DC10 · L?"] {
            let w = text::width(head, 18.0, Weight::Bold);
            assert!(w <= inner, "{head}: {w} > {inner}");
        }
        let w = text::width("valorisation", 16.0, Weight::Regular);
        assert!(w <= inner, "{w} > {inner}");
    }
}
