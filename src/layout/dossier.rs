//! The dossier's own pages, laid out as slides with the frame every map has: the title page
//! and the tables (objectives, decisions, points to watch, changes). A table longer than a
//! slide continues on the next ("Points d'attention (2/3)"); its text never shrinks below
//! the slides' minimum size. The words come in ready-made (`crate::dossier` asks the
//! catalog); nothing here writes one, except the PRIORITAIRE badge the frame draws.

use std::ops::Range;

use super::frame::{
    self, FOOTER_BAND, Frame, GREY, INK, MARGIN, MAX_SLIDES, NAVY, Page, STRIPE, TEXT, WHITE,
};
use super::scene::{Color, Item, Scene, Weight};
use super::{DESIGN_HEIGHT, DESIGN_WIDTH, finish, group, paragraph, rect_item, stack, text};
use crate::model::{Lang, Territory};

/// The title page's largest text: the territory's name.
const NAME_TEXT: f64 = 64.0;
/// "Comité de pilotage du 30/06/2023".
const COMMITTEE_TEXT: f64 = 44.0;
/// The programme, its dates, the money at stake.
const LINE_TEXT: f64 = 30.0;
/// The space between a cell's edge and its text.
const CELL_PAD_X: f64 = 14.0;
const CELL_PAD_Y: f64 = 10.0;
/// The most lines a cell wraps to; past them the text ends with "…".
const CELL_LINES: usize = 8;

/// What the title page says, in the user's language.
#[derive(Debug, Clone, PartialEq)]
pub struct TitleText {
    /// The territory's name.
    pub territory: String,
    /// The programme and its dates, when known.
    pub programme: Option<String>,
    /// "Comité de pilotage du 30/06/2023".
    pub committee: String,
    /// The money rules and the amounts at stake, one line each.
    pub money: Vec<String>,
}

/// The title page: the territory's name, the programme, the committee's date, the money at
/// stake, beside a navy rule.
pub fn title_page(t: &Territory, text: &TitleText) -> Scene {
    let mut frame = Frame::new(DESIGN_WIDTH, DESIGN_HEIGHT);
    let x = 2.0 * MARGIN + 24.0;
    let width = frame.w - x - 2.0 * MARGIN;
    let top = 200.0;
    let mut items = Vec::new();
    let mut y = top;
    let mut put = |s: &str, (size, weight, color): (f64, Weight, Color), lines, after| {
        let (its, bottom) = paragraph(x, y, s, width, (size, weight, color), lines);
        items.extend(its);
        y = bottom + after;
    };
    let gap = if text.programme.is_some() { 16.0 } else { 52.0 };
    put(&text.territory, (NAME_TEXT, Weight::Bold, NAVY), 2, gap);
    if let Some(programme) = &text.programme {
        put(programme, (LINE_TEXT, Weight::Regular, INK), 2, 36.0);
    }
    put(
        &text.committee,
        (COMMITTEE_TEXT, Weight::Bold, NAVY),
        2,
        36.0,
    );
    for line in &text.money {
        put(line, (LINE_TEXT, Weight::Regular, INK), 2, 6.0);
    }
    let bottom = (y - 6.0).min(frame.bottom());
    frame.items.push(rect_item(
        (2.0 * MARGIN, top, 10.0, bottom - top),
        0.0,
        Some(NAVY),
        None,
        "accent",
    ));
    frame.items.push(group("title-page", "", items));
    frame.footer(t);
    finish(frame.scene(text.committee.clone()), 1.0)
}

/// What a table's cell shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text in the body's colour.
    Text(String),
    /// Text in bold (an objective's title).
    Strong(String),
    /// Text in a colour of its own (a standing, a severity, "à désigner").
    Toned(String, Color),
    /// The PRIORITAIRE badge.
    Priority,
}

/// A column: its header and its share of the table's width (the shares add up to 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    pub share: f64,
}

/// A table to lay out over as many slides as it takes.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub title: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// What the slide says when there is no row.
    pub empty: String,
}

/// One row measured: each cell's lines, and its height.
struct Measured {
    cells: Vec<(Vec<String>, Font)>,
    badge: Vec<bool>,
    height: f64,
}

type Font = (f64, Weight, Color);

/// The table's slides, each with the range of rows it shows.
pub fn table(t: &Territory, table: &Table, lang: Lang) -> Vec<(Scene, Range<usize>)> {
    let width = DESIGN_WIDTH - 2.0 * MARGIN;
    let xs: Vec<(f64, f64)> = table
        .columns
        .iter()
        .scan(MARGIN, |x, c| {
            let w = c.share * width;
            let at = *x;
            *x += w;
            Some((at, w))
        })
        .collect();
    let header = measure(
        &table
            .columns
            .iter()
            .map(|c| Cell::Strong(c.header.clone()))
            .collect::<Vec<_>>(),
        &xs,
        (TEXT, Weight::Bold, WHITE),
        lang,
    );
    // The rows measured as far as the slides go (a regional file's thousands of findings
    // would take seconds to measure, for slides never drawn).
    let mut rows: Vec<Measured> = Vec::new();
    // The body's top under the widest title a page of this table can have.
    let mut paginated = |title: &str| {
        let top =
            Frame::new(DESIGN_WIDTH, DESIGN_HEIGHT).titled(&Page::widest(99).title(title, lang));
        let room = DESIGN_HEIGHT - FOOTER_BAND - top - header.height;
        let heights = table.rows.iter().enumerate().map(|(i, r)| {
            if i == rows.len() {
                rows.push(measure(r, &xs, (TEXT, Weight::Regular, INK), lang));
            }
            (i, rows[i].height)
        });
        let pages = frame::paginate_until(heights, room, 0.0, MAX_SLIDES);
        (top, pages)
    };
    let (mut top, mut pages) = paginated(&table.title);
    // Past `MAX_SLIDES` (thousands of findings in a regional file), the table stops there and
    // its last title says how many rows are left out: the whole table is `check --format xlsx`.
    let mut left_out = None;
    if pages.len() > MAX_SLIDES {
        let shown =
            |pages: &[Vec<usize>]| pages.iter().take(MAX_SLIDES).map(Vec::len).sum::<usize>();
        let guess = table.rows.len() - shown(&pages);
        let noted = format!("{} · {}", table.title, lang.catalog().more_rows(guess));
        (top, pages) = paginated(&noted);
        pages.truncate(MAX_SLIDES);
        left_out = Some(lang.catalog().more_rows(table.rows.len() - shown(&pages)));
    }
    let count = pages.len();
    pages
        .into_iter()
        .zip(Page::all(count))
        .map(|(indices, page)| {
            let mut title = page.title(&table.title, lang);
            if let Some(note) = left_out.as_ref().filter(|_| page.number == count) {
                title = format!("{title} · {note}");
            }
            let mut frame = Frame::new(DESIGN_WIDTH, DESIGN_HEIGHT);
            let body = frame.titled(&title).max(top);
            let range = match (indices.first(), indices.last()) {
                (Some(&a), Some(&b)) => a..b + 1,
                _ => 0..0,
            };
            if range.is_empty() {
                let (items, _) = paragraph(
                    MARGIN,
                    body,
                    &table.empty,
                    width,
                    (TEXT + 4.0, Weight::Regular, GREY),
                    4,
                );
                frame.items.push(group("empty", "", items));
            } else {
                let mut y = body;
                frame
                    .items
                    .push(row_items(&header, &xs, y, NAVY, lang, "header"));
                y += header.height;
                for (n, i) in range.clone().enumerate() {
                    let fill = if n % 2 == 1 { STRIPE } else { WHITE };
                    frame
                        .items
                        .push(row_items(&rows[i], &xs, y, fill, lang, "row"));
                    y += rows[i].height;
                }
            }
            frame.footer(t);
            (finish(frame.scene(title), 1.0), range)
        })
        .collect()
}

/// A row's cells wrapped within their columns, and the row's height.
fn measure(cells: &[Cell], xs: &[(f64, f64)], font: Font, lang: Lang) -> Measured {
    let badge_h = frame::priority_badge(lang).h;
    let mut measured = Measured {
        cells: Vec::new(),
        badge: Vec::new(),
        height: 0.0,
    };
    let mut tallest: f64 = text::line_height(font.0);
    for (cell, &(_, w)) in cells.iter().zip(xs) {
        let inner = w - 2.0 * CELL_PAD_X;
        let (s, font) = match cell {
            Cell::Empty | Cell::Priority => (String::new(), font),
            Cell::Text(s) => (s.clone(), font),
            Cell::Strong(s) => (s.clone(), (font.0, Weight::Bold, font.2)),
            Cell::Toned(s, color) => (s.clone(), (font.0, Weight::Bold, *color)),
        };
        let lines = if s.is_empty() {
            Vec::new()
        } else {
            text::wrap(&s, inner, font.0, font.1, CELL_LINES).lines
        };
        let h = if *cell == Cell::Priority {
            badge_h
        } else {
            lines.len() as f64 * text::line_height(font.0)
        };
        tallest = tallest.max(h);
        measured.cells.push((lines, font));
        measured.badge.push(*cell == Cell::Priority);
    }
    measured.height = (tallest + 2.0 * CELL_PAD_Y).ceil();
    measured
}

/// A row drawn at `y`: its background (the first rectangle of its group, which holds every
/// text of the row), then each cell's text.
fn row_items(
    row: &Measured,
    xs: &[(f64, f64)],
    y: f64,
    fill: Color,
    lang: Lang,
    class: &str,
) -> Item {
    let width = DESIGN_WIDTH - 2.0 * MARGIN;
    let mut items = vec![rect_item(
        (MARGIN, y, width, row.height),
        0.0,
        Some(fill),
        None,
        "card",
    )];
    for (((lines, font), &badge), &(x, w)) in row.cells.iter().zip(&row.badge).zip(xs) {
        if badge {
            let card = frame::priority_badge(lang);
            if card.w <= w - 2.0 * CELL_PAD_X {
                items.extend(card.items(x + CELL_PAD_X, y + CELL_PAD_Y, "badge"));
            }
        } else {
            let (texts, _) = stack(x + CELL_PAD_X, y + CELL_PAD_Y, lines, *font);
            items.extend(texts);
        }
    }
    group(class, "", items)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(rows: usize) -> Table {
        Table {
            title: "Points d'attention".into(),
            columns: vec![
                Column {
                    header: "Règle".into(),
                    share: 0.3,
                },
                Column {
                    header: "Constat".into(),
                    share: 0.7,
                },
            ],
            rows: (0..rows)
                .map(|i| {
                    vec![
                        Cell::Text("missing-lead".into()),
                        Cell::Text(format!("l'objectif o{i} n'a pas de chef de file")),
                    ]
                })
                .collect(),
            empty: "aucun".into(),
        }
    }

    #[test]
    fn a_table_of_thousands_of_rows_stops_at_thirty_slides_and_says_how_many_are_left_out() {
        let t = Territory::default();
        let slides = table(&t, &findings(5000), Lang::Fr);
        assert_eq!(slides.len(), MAX_SLIDES);
        let shown: usize = slides.iter().map(|(_, r)| r.len()).sum();
        assert!(shown < 5000);
        // The rows shown follow each other from the first.
        assert_eq!(slides[0].1.start, 0);
        assert!(slides.windows(2).all(|w| w[0].1.end == w[1].1.start));
        let left = crate::numbers::grouped((5000 - shown) as f64, 0, '\u{a0}', ',');
        let last = &slides.last().unwrap().0.title;
        assert!(
            last.ends_with(&format!("· +\u{a0}{left}\u{a0}autres lignes")),
            "{last}"
        );
        assert!(
            !slides[0].0.title.contains("autres"),
            "{}",
            slides[0].0.title
        );
        // A table that fits in thirty slides is whole, with no note.
        let slides = table(&t, &findings(100), Lang::Fr);
        assert!(slides.len() < MAX_SLIDES);
        assert_eq!(slides.iter().map(|(_, r)| r.len()).sum::<usize>(), 100);
        assert!(slides.iter().all(|(s, _)| !s.title.contains("autres")));
    }
}
