//! The coverage grid: one row per objective whose scope is tracked, one column per member
//! territory of the perimeter, each cell the actions that run there (title and bearers), red
//! where none does, grey where the objective need not reach that member. What a slide does
//! not hold goes on the next ("(1/2)" in the title): members past its width, objectives past
//! its height. It reads `Territory::coverage`, the one computation `check` and `list` read.

use super::frame::{Frame, MARGIN, Page, TEXT, paginate};
use super::scene::{Scene, Weight};
use super::words::Label;
use super::{
    GREY, INK, LIGHT, NAVY, Options, Paint, RED, RULE, WHITE, finish, gap_paint, group, name_lines,
    rect_item, stack, text,
};
use crate::i18n::Catalog;
use crate::model::{Actor, Objective, Territory};

/// The column of the objectives' names.
const LABEL_W: f64 = 540.0;
/// The narrowest member column: an action's title still reads on a few lines.
const MIN_COL_W: f64 = 260.0;
const MAX_COL_W: f64 = 440.0;
/// The space between two cells.
const GAP: f64 = 6.0;
/// The space between a cell's edge and its text.
const PAD: f64 = 12.0;
/// The most lines a cell shows; past them, "+ 2 autres".
const CELL_LINES: usize = 8;
/// The most lines an action takes in a cell.
const ACTION_LINES: usize = 3;
/// The most lines of an objective's title.
const TITLE_LINES: usize = 3;

/// What a cell says.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    /// The actions that run there, already broken into lines.
    Covered(Vec<String>),
    /// Nothing runs there: the gap.
    Missing,
    /// The objective need not reach this member.
    OutOfScope,
}

/// A row: an objective, its head lines (bold, then regular) and its cells.
struct Row<'a> {
    objective: &'a Objective,
    head: Vec<String>,
    title: Vec<String>,
    cells: Vec<Cell>,
}

impl Row<'_> {
    fn height(&self) -> f64 {
        let lh = text::line_height(TEXT);
        let head = (self.head.len() + self.title.len()) as f64 * lh;
        let cells = self
            .cells
            .iter()
            .map(|c| match c {
                Cell::Covered(lines) => lines.len() as f64 * lh,
                Cell::Missing | Cell::OutOfScope => lh,
            })
            .fold(head, f64::max);
        cells + 2.0 * PAD + GAP
    }
}

/// The objectives whose scope is tracked, in file order.
fn scoped(t: &Territory) -> Vec<&Objective> {
    t.objectives()
        .iter()
        .filter(|o| o.reach.is_some())
        .collect()
}

/// The member territories of the columns: the perimeter's, then those only an objective's
/// own scope names, each once.
fn members<'a>(t: &'a Territory, objectives: &[&Objective]) -> Vec<&'a Actor> {
    let mut out: Vec<&Actor> = t.perimeter_members();
    for o in objectives {
        if let Some(c) = t.coverage(o) {
            for (m, _) in c.members {
                if !out.iter().any(|a| a.id == m.id) {
                    out.push(m);
                }
            }
        }
    }
    out
}

/// The cell of `objective` for `member`, its text within `inner` pixels.
fn cell(
    t: &Territory,
    objective: &Objective,
    member: &Actor,
    inner: f64,
    words: &dyn Catalog,
) -> Cell {
    let Some(coverage) = t.coverage(objective) else {
        return Cell::OutOfScope;
    };
    let Some((_, actions)) = coverage.members.iter().find(|(m, _)| m.id == member.id) else {
        return Cell::OutOfScope;
    };
    if actions.is_empty() {
        return Cell::Missing;
    }
    let mut lines: Vec<String> = Vec::new();
    for (i, a) in actions.iter().enumerate() {
        let said = words.action_by(&a.title, &super::page::bearers(t, a), None);
        let wrapped = text::wrap(&said, inner, TEXT, Weight::Regular, ACTION_LINES).lines;
        let left = actions.len() - i - 1;
        let room = CELL_LINES - usize::from(left > 0);
        if lines.len() + wrapped.len() > room {
            lines.push(words.more(actions.len() - i));
            break;
        }
        lines.extend(wrapped);
    }
    Cell::Covered(lines)
}

/// The coverage grid, on one slide or more.
pub fn layout(t: &Territory, opts: &Options) -> Vec<Scene> {
    let (lang, words) = (opts.lang, opts.lang.catalog());
    let k = opts.size.scale();
    let (w, h) = (opts.size.width / k, opts.size.height / k);
    let title = words.coverage_title(&t.name);
    let objectives = scoped(t);
    let members = members(t, &objectives);

    // Columns: members in groups of what a slide's width holds, evened out.
    let fit = (((w - 2.0 * MARGIN - LABEL_W) / MIN_COL_W).floor() as usize).max(1);
    let groups = members.len().div_ceil(fit).max(1);
    let per = members.len().div_ceil(groups).max(1);
    let columns: Vec<&[&Actor]> = if members.is_empty() {
        vec![&[]]
    } else {
        members.chunks(per).collect()
    };

    let mut probe = Frame::new(w, h);
    let top = probe.titled(&Page::widest(objectives.len() + members.len()).title(&title, lang));
    let bottom = probe.bottom();
    let mut slides: Vec<(&[&Actor], Vec<Row>)> = Vec::new();
    for cols in columns {
        let col_w = column_width(w, cols.len());
        let head_h = header_height(cols, col_w);
        let rows = objectives.iter().map(|o| {
            let row = Row {
                objective: o,
                head: vec![head_line(o, words)],
                title: text::wrap(
                    &o.title,
                    LABEL_W - GAP - 2.0 * PAD,
                    TEXT,
                    Weight::Regular,
                    TITLE_LINES,
                )
                .lines,
                cells: cols
                    .iter()
                    .map(|m| cell(t, o, m, col_w - GAP - 2.0 * PAD, words))
                    .collect(),
            };
            let height = row.height();
            (row, height)
        });
        slides.extend(
            paginate(rows, bottom - top - head_h, 0.0)
                .into_iter()
                .map(|rows| (cols, rows)),
        );
    }
    let count = slides.len();
    slides
        .into_iter()
        .zip(Page::all(count))
        .map(|((cols, rows), page)| {
            let title = page.title(&title, lang);
            let mut frame = Frame::new(w, h);
            let top = frame.titled(&title);
            draw(&mut frame, cols, &rows, top, words);
            frame.footer(t);
            finish(frame.scene(title), k)
        })
        .collect()
}

/// The bold line above an objective's title: its domain and id, and "PRIORITAIRE".
fn head_line(o: &Objective, words: &dyn Catalog) -> String {
    let mut s = format!("{} · {}", o.domain, o.id);
    if o.priority {
        s.push_str(" · ");
        s.push_str(words.map_label(Label::Priority));
    }
    s
}

fn column_width(w: f64, n: usize) -> f64 {
    ((w - 2.0 * MARGIN - LABEL_W) / n.max(1) as f64).clamp(MIN_COL_W, MAX_COL_W)
}

/// A member's name in its column's head.
fn member_lines(m: &Actor, col_w: f64) -> Vec<String> {
    name_lines(m, "", col_w - GAP - 2.0 * PAD, TEXT, Weight::Bold, 2)
}

fn header_height(cols: &[&Actor], col_w: f64) -> f64 {
    let lines = cols
        .iter()
        .map(|m| member_lines(m, col_w).len())
        .max()
        .unwrap_or(1);
    lines as f64 * text::line_height(TEXT) + 2.0 * PAD + GAP
}

/// A box of text lines at (x, y), `w` x `h`, its lines from the top: one group, its frame
/// first (a "card", so that the geometry tests hold its text inside).
fn boxed(
    class: &str,
    id: &str,
    (x, y, w, h): (f64, f64, f64, f64),
    paint: Paint,
    blocks: &[(&[String], Weight, super::scene::Color)],
) -> super::scene::Item {
    let mut items = vec![rect_item(
        (x, y, w, h),
        8.0,
        Some(paint.fill),
        (paint.stroke_width > 0.0).then(|| paint.stroke()),
        "card",
    )];
    let mut top = y + PAD;
    for (lines, weight, color) in blocks {
        let (texts, next) = stack(x + PAD, top, lines, (TEXT, *weight, *color));
        items.extend(texts);
        top = next;
    }
    group(class, id, items)
}

fn draw(frame: &mut Frame, cols: &[&Actor], rows: &[Row], top: f64, words: &dyn Catalog) {
    let col_w = column_width(frame.w, cols.len());
    let head_h = header_height(cols, col_w);
    let x0 = MARGIN;
    let plain = |fill, stroke| Paint {
        fill,
        stroke,
        text: INK,
        stroke_width: 1.5,
        dashed: false,
    };

    // The members' heads.
    for (j, m) in cols.iter().enumerate() {
        let x = x0 + LABEL_W + j as f64 * col_w;
        let lines = member_lines(m, col_w);
        frame.items.push(boxed(
            "member",
            &m.id,
            (x, top, col_w - GAP, head_h - GAP),
            plain(LIGHT, LIGHT),
            &[(&lines, Weight::Bold, NAVY)],
        ));
    }

    let mut y = top + head_h;
    for row in rows {
        let rh = row.height();
        let o = row.objective;
        let mut items = vec![boxed(
            "objective",
            &o.id,
            (x0, y, LABEL_W - GAP, rh - GAP),
            plain(LIGHT, LIGHT),
            &[
                (&row.head, Weight::Bold, NAVY),
                (&row.title, Weight::Regular, INK),
            ],
        )];
        for (j, (m, c)) in cols.iter().zip(&row.cells).enumerate() {
            let x = x0 + LABEL_W + j as f64 * col_w;
            let rect = (x, y, col_w - GAP, rh - GAP);
            let id = format!("{}:{}", o.id, m.id);
            let one = |label: Label| vec![words.map_label(label).to_owned()];
            items.push(match c {
                Cell::Covered(lines) => boxed(
                    "covered",
                    &id,
                    rect,
                    plain(WHITE, RULE),
                    &[(lines, Weight::Regular, INK)],
                ),
                Cell::Missing => boxed(
                    "missing",
                    &id,
                    rect,
                    gap_paint(),
                    &[(&one(Label::NotCovered), Weight::Bold, RED)],
                ),
                Cell::OutOfScope => boxed(
                    "out-of-scope",
                    &id,
                    rect,
                    plain(WHITE, LIGHT),
                    &[(&one(Label::OutOfScope), Weight::Regular, GREY)],
                ),
            });
        }
        frame.items.push(group("row", &o.id, items));
        y += rh;
    }
    if rows.is_empty() {
        let (texts, _) = stack(
            x0,
            y + 8.0,
            &[words.map_label(Label::NoScopedObjective).to_owned()],
            (TEXT, Weight::Regular, GREY),
        );
        frame.items.push(group("note", "", texts));
    }
}
