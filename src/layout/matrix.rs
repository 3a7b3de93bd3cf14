//! The actor x objective matrix as a table: one row per actor involved, one column per
//! objective, RACI-style letters in role colours, a red header where `check` finds no lead.
//! More objectives than a slide's width holds at a legible column width go on further
//! slides, and so do more actors than its height holds ("(1/2)" in the title).

use std::collections::HashSet;

use super::frame::{Frame, MARGIN, Page, TEXT, paginate};
use super::scene::{Anchor, Item, Line, Scene, Stroke, Weight};
use super::words::Label;
use super::{
    Card, INK, LIGHT, NAVY, Options, PAD_X, RED, RED_FILL, RULE, finish, gap_paint, group,
    name_on_one_line, paint, rect_item, tagged_group, text, text_item,
};
use crate::model::{Actor, Lang, Objective, Role, Territory};

/// A row of one line of text.
const ROW_H: f64 = 30.0;
const NAME_W: f64 = 340.0;
/// The narrowest column: its header ("DC10 · CF ?" in bold, then the title, at the minimum
/// text size) stays legible. Objectives past what a slide holds at this width go on the next.
pub const MIN_COL_W: f64 = 160.0;
const MAX_COL_W: f64 = 260.0;
/// An objective's title in a column header: at most this many lines.
const TITLE_LINES: usize = 2;

/// The letter of a role in a matrix cell (and in the matrix CSV): "CF", "F".
pub fn letter(role: Role, lang: Lang) -> &'static str {
    lang.catalog().letter(role)
}

/// The roles an actor holds towards an objective, in `Role` order.
fn roles(t: &Territory, a: &Actor, o: &Objective) -> Vec<Role> {
    let mut roles: Vec<Role> = t
        .involvements(o)
        .filter(|inv| inv.actor.id == a.id)
        .map(|inv| inv.link.role)
        .collect();
    roles.sort();
    roles.dedup();
    roles
}

/// An actor's name in its row: on one line when it (or its short name) fits, else on two.
fn name(a: &Actor) -> Vec<String> {
    let width = NAME_W - 16.0;
    let one = name_on_one_line(a, width, TEXT, Weight::Regular);
    if text::fits(one, width, TEXT, Weight::Regular) {
        return vec![one.to_owned()];
    }
    super::name_lines(a, "", width, TEXT, Weight::Regular, 2)
}

/// A row of the table: an actor and its name's lines.
type Row<'a> = (&'a Actor, Vec<String>);

fn row_height(lines: usize) -> f64 {
    ROW_H + lines.saturating_sub(1) as f64 * text::line_height(TEXT)
}

/// The matrix, on one slide or more.
pub fn layout(t: &Territory, opts: &Options) -> Vec<Scene> {
    let lang = opts.lang;
    let k = opts.size.scale();
    let (w, h) = (opts.size.width / k, opts.size.height / k);
    let title = lang.catalog().matrix_title(&t.name);

    // Columns: objectives in groups of what a slide's width holds, evened out.
    let fit = (((w - 2.0 * MARGIN - NAME_W) / MIN_COL_W).floor() as usize).max(1);
    let n = t.objectives().len();
    let groups = n.div_ceil(fit).max(1);
    let per = n.div_ceil(groups).max(1);
    let columns: Vec<&[Objective]> = if n == 0 {
        vec![&[]]
    } else {
        t.objectives().chunks(per).collect()
    };

    // Each group's rows (the actors with a role in its objectives), as many per slide as fit;
    // past `MAX_SLIDES`, the matrix stops there and its last slide says how many objectives
    // it leaves out (the titles measured with that note).
    let widest = |title: &str| Page::widest(t.actors().len() + n).title(title, lang);
    let mut slides = pages(t, &columns, &widest(&title), opts, MAX_SLIDES + 1);
    let mut left_out = 0;
    if slides.len() > MAX_SLIDES {
        let note = format!("{title} · {}", lang.catalog().more_objectives(n));
        slides = pages(t, &columns, &widest(&note), opts, MAX_SLIDES);
        slides.truncate(MAX_SLIDES);
        // The objectives of the column groups begun (the last one's rows may go on past
        // the bound).
        let last = slides.last().map(|(cols, _)| *cols).unwrap_or_default();
        let groups = columns
            .iter()
            .position(|c| std::ptr::eq(*c, last))
            .map_or(0, |i| i + 1);
        let shown: usize = columns[..groups].iter().map(|c| c.len()).sum();
        left_out = n.saturating_sub(shown);
    }
    let count = slides.len();
    slides
        .into_iter()
        .zip(Page::all(count))
        .map(|((cols, rows), page)| {
            let mut title = page.title(&title, lang);
            if left_out > 0 && page.number == count {
                title = format!("{title} · {}", lang.catalog().more_objectives(left_out));
            }
            let mut frame = Frame::new(w, h);
            let top = table_top(&mut frame, &title);
            draw(&mut frame, t, cols, &rows, top, opts);
            frame.footer(t);
            finish(frame.scene(title), k)
        })
        .collect()
}

/// The most slides a matrix takes (`frame::MAX_SLIDES`): a territory of thousands of
/// objectives would need thousands (nine objectives across a slide, about thirty actors
/// down). The first are drawn and the last says how many objectives are left out; a large
/// territory's complete who-does-what is in the lists beside its crowded domain maps
/// (`dc3-acteurs.csv`) and in `actormap export --format csv`.
pub use super::frame::MAX_SLIDES;

/// The slides of the matrix, at most `limit`: each group of columns with its rows (the actors
/// with a role in its objectives), as many per slide as fit below a title as wide as
/// `widest`.
fn pages<'a>(
    t: &'a Territory,
    columns: &[&'a [Objective]],
    widest: &str,
    opts: &Options,
    limit: usize,
) -> Vec<(&'a [Objective], Vec<Row<'a>>)> {
    let k = opts.size.scale();
    let (w, h) = (opts.size.width / k, opts.size.height / k);
    let mut probe = Frame::new(w, h);
    let top = table_top(&mut probe, widest);
    let bottom = probe.bottom();
    let mut slides: Vec<(&[Objective], Vec<Row>)> = Vec::new();
    for &cols in columns {
        if slides.len() >= limit {
            break;
        }
        // The actors of the group's links, looked up once per link (not once per actor and
        // objective: 50,000 actors times a slide's columns times their links).
        let involved: HashSet<&str> = cols
            .iter()
            .flat_map(|o| t.involvements(o))
            .map(|inv| inv.actor.id.as_str())
            .collect();
        let rows: Vec<Row> = t
            .actors()
            .iter()
            .filter(|a| involved.contains(a.id.as_str()))
            .map(|a| (a, name(a)))
            .collect();
        let room = bottom - top - header_height(cols) - 12.0 - legend_height(t, cols, w, opts.lang);
        let heights = rows.into_iter().map(|r| {
            let h = row_height(r.1.len());
            (r, h)
        });
        slides.extend(
            paginate(heights, room, 0.0)
                .into_iter()
                .map(|rows| (cols, rows)),
        );
    }
    slides
}

/// The title and its rule; returns where the table starts.
fn table_top(frame: &mut Frame, title: &str) -> f64 {
    let rule = frame.title(title) + 12.0;
    frame.rule(rule);
    rule + 16.0
}

/// The height of the column headers of `cols`.
fn header_height(cols: &[Objective]) -> f64 {
    let inner = MIN_COL_W - 16.0;
    let lines = cols
        .iter()
        .map(|o| {
            text::wrap(&o.title, inner, TEXT, Weight::Regular, TITLE_LINES)
                .lines
                .len()
        })
        .max()
        .unwrap_or(0);
    16.0 + (1 + lines) as f64 * text::line_height(TEXT) + 4.0
}

/// The roles present in the cells of `cols`, for the legend.
fn roles_in(t: &Territory, cols: &[Objective]) -> Vec<Role> {
    Role::ALL
        .into_iter()
        .filter(|r| {
            cols.iter()
                .any(|o| t.involvements(o).any(|inv| inv.link.role == *r))
        })
        .collect()
}

/// The legend's chips, one per role present, laid in rows within `w`: (chip, x, row).
fn legend_chips(t: &Territory, cols: &[Objective], w: f64, lang: Lang) -> Vec<(Card, f64, usize)> {
    let mut out = Vec::new();
    let (mut x, mut row) = (MARGIN, 0);
    for role in roles_in(t, cols) {
        let label = lang.catalog().letter_legend(role);
        let p = if role == Role::LeadCandidate {
            gap_paint()
        } else {
            paint(role)
        };
        let chip = Card {
            radius: 8.0,
            h: 36.0,
            ..Card::new(&[(label.as_str(), TEXT, Weight::Bold, 1)], 600.0, p)
        };
        if x > MARGIN && x + chip.w > w - MARGIN {
            x = MARGIN;
            row += 1;
        }
        let at = x;
        x += chip.w + 10.0;
        out.push((chip, at, row));
    }
    out
}

const CHIP_ROW: f64 = 44.0;

fn legend_height(t: &Territory, cols: &[Objective], w: f64, lang: Lang) -> f64 {
    legend_chips(t, cols, w, lang)
        .last()
        .map_or(0.0, |(_, _, row)| (row + 1) as f64 * CHIP_ROW)
}

/// The table of `cols` x `rows` from `top`, then its legend.
fn draw(
    frame: &mut Frame,
    t: &Territory,
    cols: &[Objective],
    rows: &[Row],
    top: f64,
    opts: &Options,
) {
    let lang = opts.lang;
    let w = frame.w;
    let col_w =
        ((w - 2.0 * MARGIN - NAME_W) / cols.len().max(1) as f64).clamp(MIN_COL_W, MAX_COL_W);
    let table_w = NAME_W + col_w * cols.len() as f64;
    let x0 = MARGIN;
    let header_h = header_height(cols);

    // Column headers: the domain (and "CF ?" without a lead), then the objective's title.
    for (j, o) in cols.iter().enumerate() {
        let x = x0 + NAME_W + j as f64 * col_w;
        let gap = opts.gaps.lead(o).is_some();
        let (fill, color) = if gap { (RED_FILL, RED) } else { (LIGHT, NAVY) };
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
            lang.catalog().column_without_lead(&o.domain)
        } else {
            o.domain.clone()
        };
        for (s, weight, lines) in [
            (head.as_str(), Weight::Bold, 1),
            (o.title.as_str(), Weight::Regular, TITLE_LINES),
        ] {
            for line in text::wrap(s, inner, TEXT, weight, lines).lines {
                items.push(text_item(
                    x + col_w / 2.0,
                    y + text::ascent(TEXT),
                    &line,
                    TEXT,
                    weight,
                    Anchor::Middle,
                    color,
                ));
                y += text::line_height(TEXT);
            }
        }
        frame.items.push(group("column", &o.id, items));
    }

    // Rows.
    let mut y = top + header_h;
    for (i, (a, lines)) in rows.iter().enumerate() {
        let rh = row_height(lines.len());
        let mut items = Vec::new();
        if i % 2 == 0 {
            items.push(rect_item(
                (x0, y, table_w, rh),
                0.0,
                Some(super::frame::STRIPE),
                None,
                "stripe",
            ));
        }
        let block = lines.len() as f64 * text::line_height(TEXT);
        let mut line_top = y + (rh - block) / 2.0;
        for line in lines {
            items.push(text_item(
                x0 + 8.0,
                line_top + text::ascent(TEXT),
                line,
                TEXT,
                Weight::Regular,
                Anchor::Start,
                INK,
            ));
            line_top += text::line_height(TEXT);
        }
        for (j, o) in cols.iter().enumerate() {
            let roles = roles(t, a, o);
            let Some(first) = roles.first() else { continue };
            let letters: Vec<&str> = roles.iter().map(|r| letter(*r, lang)).collect();
            let x = x0 + NAME_W + j as f64 * col_w;
            let label = letters.join(" ");
            let p = paint(*first);
            // The text stays inside the card once the card is cut to the column.
            let card = Card {
                radius: 6.0,
                ..Card::new(
                    &[(label.as_str(), TEXT, Weight::Bold, 1)],
                    col_w - 8.0 - 2.0 * PAD_X - p.stroke_width,
                    p,
                )
            };
            // One pixel above and below: the letters' line (20 px) just fits the row.
            let card = Card {
                h: ROW_H - 2.0,
                w: card.w.min(col_w - 8.0),
                ..card
            };
            let cell = card.items(x + (col_w - card.w) / 2.0, y + (rh - card.h) / 2.0, "cell");
            items.push(group("cell", &format!("{}:{}", a.id, o.id), cell));
        }
        let data = [("actor", a.id.clone())].into();
        frame.items.push(tagged_group("row", &a.id, data, items));
        y += rh;
    }
    frame.items.push(Item::Line(Line {
        points: vec![(x0, y), (x0 + table_w, y)],
        stroke: Stroke::solid(RULE, 1.5),
        arrow: false,
        class: "rule".into(),
    }));
    if rows.is_empty() {
        let (texts, _) = super::stack(
            x0,
            y + 16.0,
            &[lang.catalog().map_label(Label::NoActor).to_owned()],
            (TEXT, Weight::Regular, super::GREY),
        );
        frame.items.push(group("note", "", texts));
        y += 16.0 + text::line_height(TEXT);
    }

    // Legend: one chip per role present.
    let mut legend = Vec::new();
    for (chip, x, row) in legend_chips(t, cols, w, lang) {
        legend.extend(chip.items(x, y + 12.0 + row as f64 * CHIP_ROW, "chip"));
    }
    frame.items.push(group("legend", "", legend));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_narrowest_column_holds_a_header_and_a_common_word() {
        let inner = MIN_COL_W - 16.0;
        for lang in Lang::ALL {
            let head = lang.catalog().column_without_lead("DC10");
            let w = text::width(&head, TEXT, Weight::Bold);
            assert!(w <= inner, "{head}: {w} > {inner}");
        }
        let w = text::width("valorisation", TEXT, Weight::Regular);
        assert!(w <= inner, "{w} > {inner}");
    }
}
