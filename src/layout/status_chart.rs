//! The status chart for slides: one bar per objective against its target, with the
//! threshold marks (60 % and 100 %), priority objectives marked, value and target on the bar,
//! projections, and the year-3 bonus verdict in the title, dated as of the status. It reads a
//! `Status` and computes nothing of its own. Objectives past what one slide holds go on the next ("(2/2)").

use super::frame::{
    FOOTER_TEXT, Frame, MARGIN, MAX_SLIDES, Page, TEXT, footer, paginate, priority_badge,
};
use super::scene::{Anchor, Color, Item, Line, Polygon, Scene, Stroke, Text, Weight};
use super::words::{Conditions, Label};
use super::{
    Card, DARK, GREY, INK, LIGHT, NAVY, Options, RED, RULE, WHITE, finish, group, paragraph,
    rect_item, stack, text,
};
use crate::model::{Lang, Territory};
use crate::status::{ObjectiveStatus, Standing, Status, Verdict};

/// A bar at or above its threshold.
pub const MET: Color = "#2e7d32";
/// A bar below its threshold but projected to reach it: on track, no alarm.
pub const ON_TRACK: Color = "#00838f";
/// A bar behind its threshold (a warning for the bonus).
pub const BEHIND: Color = "#e07b00";
/// A priority objective behind and projected below its threshold (the bonus is at stake).
pub const PRIORITY_BELOW: Color = RED;
/// A bar below its threshold once the programme has ended.
pub const MISSED: Color = "#8b1a1a";
/// The hatching of a bar whose value is unknown.
pub const HATCH: Color = "#aab3bf";

/// How far past the 100 % mark a bar above its target is drawn before it is cut.
pub const OVERFLOW: f64 = 48.0;
const LABEL_W: f64 = 640.0;
const RESULT_W: f64 = 250.0;
/// The room between an objective's title and its bar.
pub const GAP: f64 = 28.0;
/// The most a row grows past what it needs, to fill a slide with few objectives.
const MAX_PITCH: f64 = 132.0;
const MIN_PITCH: f64 = 76.0;
const VALUE_SIZE: f64 = TEXT;
/// How far the projection's diamond reaches from its centre, its white rim included.
const DIAMOND: f64 = 15.0;
const CAPTION_SIZE: f64 = TEXT;
const TITLE_SIZE: f64 = TEXT;
/// An objective's title takes at most this many lines.
const TITLE_LINES: usize = 4;

/// The chart of `status`, on one slide or more (`t` gives the footer).
pub fn layout(t: &Territory, status: &Status, opts: &Options) -> Vec<Scene> {
    let lang = opts.lang;
    let k = opts.size.scale();
    let (w, h) = (opts.size.width / k, opts.size.height / k);
    let title = title(status, lang);
    let geometry = Geometry::new(status, w, lang);

    // What each row needs; rows go on a slide while they fit. Past `MAX_SLIDES`, the chart
    // stops there and its last slide says how many objectives it leaves out (the titles
    // measured with that note); the whole table is `actormap status --format csv`.
    let pages = |widest: &str, limit: usize| {
        let mut probe = Frame::new(w, h);
        let widest = Page::widest(status.objectives.len()).title(widest, lang);
        let rows_top = head(&mut probe, status, &widest, lang);
        let room = h - geometry.bottom_room(t, status, lang) - rows_top;
        let rows = status.objectives.iter().map(|o| {
            let need = geometry.row_need(o);
            ((o, need), need)
        });
        let mut slides = paginate(rows, room, 0.0);
        slides.truncate(limit);
        slides
    };
    let n = status.objectives.len();
    let mut slides = pages(&title, MAX_SLIDES + 1);
    let mut left_out = 0;
    if slides.len() > MAX_SLIDES {
        let note = format!("{title} · {}", lang.catalog().more_objectives(n));
        slides = pages(&note, MAX_SLIDES);
        left_out = n - slides.iter().map(Vec::len).sum::<usize>();
    }
    let count = slides.len();
    slides
        .into_iter()
        .zip(Page::all(count))
        .map(|(rows, page)| {
            let mut title = page.title(&title, lang);
            if left_out > 0 && page.number == count {
                title = format!("{title} · {}", lang.catalog().more_objectives(left_out));
            }
            let mut frame = Frame::new(w, h);
            let rows_top = head(&mut frame, status, &title, lang);
            draw(&mut frame, t, status, &rows, rows_top, &geometry, lang);
            finish(frame.scene(title), k)
        })
        .collect()
}

/// The title, the amounts and conditions, the rule; returns the top of the rows.
fn head(frame: &mut Frame, status: &Status, title: &str, lang: Lang) -> f64 {
    let w = frame.w;
    let mut y = frame.title(title) + 6.0;
    let summary = [
        (amounts(status, lang), INK),
        (conditions(status, lang), GREY),
    ];
    let mut items = Vec::new();
    for (line, color) in summary {
        if line.is_empty() {
            continue;
        }
        let (texts, next) = paragraph(
            MARGIN,
            y,
            &line,
            w - 2.0 * MARGIN,
            (TEXT, Weight::Regular, color),
            2,
        );
        items.extend(texts);
        y = next + 2.0;
    }
    frame.items.push(group("summary", "", items));
    let rule = y + 8.0;
    frame.rule(rule);
    // The threshold marks' labels sit between the rule and the rows.
    rule + 20.0 + text::line_height(TEXT) + 14.0
}

/// The columns of the chart, the same on every slide.
struct Geometry {
    /// Where the bars start.
    x0: f64,
    /// The bars' length from 0 % to 100 %.
    len: f64,
    result_x: f64,
    /// Where the titles start (after the PRIORITAIRE badges).
    title_x: f64,
    badge: Card,
    any_priority: bool,
    /// The room under a bar for a projection's caption, when some objective has one.
    caption: f64,
}

impl Geometry {
    fn new(status: &Status, w: f64, lang: Lang) -> Geometry {
        let x0 = MARGIN + LABEL_W + GAP;
        let result_x = w - MARGIN - RESULT_W;
        let badge = priority_badge(lang);
        let any_priority = status.objectives.iter().any(|o| o.priority);
        let any_projection = status
            .objectives
            .iter()
            .any(|o| projection_ratio(o).is_some());
        Geometry {
            x0,
            len: (result_x - GAP - OVERFLOW - x0).max(200.0),
            result_x,
            title_x: MARGIN + if any_priority { badge.w + 12.0 } else { 0.0 },
            badge,
            any_priority,
            caption: if any_projection {
                6.0 + text::line_height(CAPTION_SIZE)
            } else {
                0.0
            },
        }
    }

    /// An objective's title, wrapped beside its bar.
    fn title_lines(&self, o: &ObjectiveStatus) -> Vec<String> {
        text::wrap(
            &o.title,
            self.x0 - GAP - self.title_x,
            TITLE_SIZE,
            Weight::Bold,
            TITLE_LINES,
        )
        .lines
    }

    /// The height a row needs: its title, its bar and caption, its result.
    fn row_need(&self, o: &ObjectiveStatus) -> f64 {
        let title = self.title_lines(o).len() as f64 * text::line_height(TITLE_SIZE) + 12.0;
        let bar = 30.0 + self.caption + 20.0;
        let result = text::line_height(28.0) + text::line_height(TEXT) + 12.0;
        title.max(bar).max(result).max(MIN_PITCH)
    }

    /// The room under the rows: the footer band, and the legend's own line when it does not
    /// share the footer's.
    fn bottom_room(&self, t: &Territory, status: &Status, lang: Lang) -> f64 {
        MARGIN
            + 28.0
            + if self.legend_own_line(t, status, lang) {
                40.0
            } else {
                0.0
            }
    }

    fn legend_own_line(&self, t: &Territory, status: &Status, lang: Lang) -> bool {
        let w = self.result_x + RESULT_W + MARGIN;
        let legend_w = legend_width(&legend_items(status.objectives.iter(), lang));
        let room = w - 2.0 * MARGIN - 48.0 - legend_w;
        !text::fits(&footer(t), room, FOOTER_TEXT, Weight::Regular)
    }
}

/// The rows of one slide from `rows_top`, the marks across them, the legend and the footer.
fn draw(
    frame: &mut Frame,
    t: &Territory,
    status: &Status,
    rows: &[(&ObjectiveStatus, f64)],
    rows_top: f64,
    g: &Geometry,
    lang: Lang,
) {
    let (w, h) = (frame.w, frame.h);
    let room = h - g.bottom_room(t, status, lang) - rows_top;
    let natural: f64 = rows.iter().map(|(_, need)| need).sum();
    // Rows share what is left of the slide, each up to `MAX_PITCH`.
    let extra = ((room - natural) / rows.len().max(1) as f64).max(0.0);
    let mut shapes = Vec::new();
    let mut labels = Vec::new();
    let mut row_y = rows_top;
    for (i, (o, need)) in rows.iter().enumerate() {
        let pitch = need.max((need + extra).min(MAX_PITCH));
        let bh = (pitch * 0.36)
            .clamp(30.0, 42.0)
            .min(pitch - g.caption - 20.0)
            .max(24.0);
        let bar_y = row_y + (pitch - bh - g.caption) / 2.0;
        let row = Row {
            o,
            x0: g.x0,
            len: g.len,
            bar_y,
            bh,
            row_y,
            pitch,
            lang,
        };
        shapes.push(group("objective", &o.id, row.shapes()));
        let mut texts = row.value_text();
        texts.extend(row.projection());
        // The title, beside the bar, with the priority badge in front.
        let lines = g.title_lines(o);
        let block = lines.len() as f64 * text::line_height(TITLE_SIZE);
        let top = centred(bar_y + bh / 2.0, block, row_y, pitch);
        let (title_items, _) = stack(g.title_x, top, &lines, (TITLE_SIZE, Weight::Bold, NAVY));
        texts.extend(title_items.into_iter().map(|t| classed(t, "title")));
        if o.priority && g.any_priority {
            let by = centred(bar_y + bh / 2.0, g.badge.h, row_y, pitch);
            texts.extend(g.badge.items(MARGIN, by, "badge"));
        }
        texts.extend(row.result(g.result_x));
        labels.push(group("objective-text", &o.id, texts));
        if i + 1 < rows.len() {
            shapes.push(Item::Line(Line {
                points: vec![(MARGIN, row_y + pitch), (w - MARGIN, row_y + pitch)],
                stroke: Stroke::solid(LIGHT, 2.0),
                arrow: false,
                class: "separator".into(),
            }));
        }
        row_y += pitch;
    }
    if rows.is_empty() {
        let (texts, _) = paragraph(
            MARGIN,
            rows_top + 20.0,
            lang.catalog().map_label(Label::NoObjective),
            w - 2.0 * MARGIN,
            (22.0, Weight::Regular, GREY),
            1,
        );
        labels.push(group("note", "", texts));
    }
    frame.items.extend(shapes);
    let axis_base = rows_top - 14.0 - text::descent(TEXT);
    frame.items.push(marks(
        status,
        g.x0,
        g.len,
        axis_base,
        row_y.max(rows_top),
        lang,
    ));
    frame.items.extend(labels);
    let legend = legend_items(rows.iter().map(|(o, _)| *o), lang);
    let legend_w = legend_width(&legend);
    let footer_base = h - MARGIN + 16.0;
    let legend_base = if g.legend_own_line(t, status, lang) {
        footer_base - 40.0
    } else {
        footer_base
    };
    frame
        .items
        .push(place_legend(legend, w - MARGIN - legend_w, legend_base));
    frame.footer(t);
}

/// "État d'avancement au 30/06/2023 · Bonus année 3 : conditions en bonne voie": dated as of
/// `--at`, else as of the latest measurement used; undated when no value is dated. Never
/// today's date: the same data gives the same picture whatever the day.
pub fn title(status: &Status, lang: Lang) -> String {
    lang.catalog()
        .status_title(status.as_of, status.bonus.standing)
}

fn amounts(status: &Status, lang: Lang) -> String {
    let b = &status.bonus;
    lang.catalog().amounts(b.flat_aid, b.bonus, b.total)
}

fn conditions(status: &Status, lang: Lang) -> String {
    let on_track = status
        .objectives
        .iter()
        .filter(|o| o.counted && o.standing == Standing::OnTrack)
        .count();
    lang.catalog().chart_conditions(&Conditions {
        min: status.min_ratio,
        priority: status.priority_ratio,
        below: status.bonus.below.len(),
        on_track,
        unknown: status.bonus.unknown.len(),
        undated: &status.undated_ignored,
    })
}

/// The top of a block of height `h` centred on `cy`, kept inside its row.
fn centred(cy: f64, h: f64, row_y: f64, pitch: f64) -> f64 {
    (cy - h / 2.0).min(row_y + pitch - 2.0 - h).max(row_y + 2.0)
}

fn classed(mut item: Item, class: &str) -> Item {
    if let Item::Text(t) = &mut item {
        t.class = class.to_owned();
    }
    item
}

fn text_line(
    x: f64,
    y: f64,
    s: &str,
    font: (f64, Weight, Color),
    anchor: Anchor,
    class: &str,
) -> Item {
    Item::Text(Text {
        x,
        y,
        text: s.to_owned(),
        size: font.0,
        weight: font.1,
        anchor,
        color: font.2,
        class: class.to_owned(),
    })
}

/// The share the projection reaches, when there is one with a target.
fn projection_ratio(o: &ObjectiveStatus) -> Option<f64> {
    o.projection.as_ref().and_then(|p| p.ratio)
}

/// The colour of a bar: its standing, red for a priority objective heading below its
/// threshold.
pub fn verdict_color(o: &ObjectiveStatus) -> Color {
    match o.standing {
        Standing::Met => MET,
        Standing::OnTrack => ON_TRACK,
        Standing::Behind if o.grave() => PRIORITY_BELOW,
        Standing::Behind => BEHIND,
        Standing::Missed => MISSED,
        Standing::Unknown | Standing::NoTarget => GREY,
    }
}

/// One objective's row, measured.
struct Row<'a> {
    o: &'a ObjectiveStatus,
    x0: f64,
    len: f64,
    bar_y: f64,
    bh: f64,
    row_y: f64,
    pitch: f64,
    lang: Lang,
}

impl Row<'_> {
    /// The x of a share on the axis, cut past the overflow.
    fn x(&self, ratio: f64) -> f64 {
        self.x0 + (ratio.max(0.0) * self.len).min(self.len + OVERFLOW)
    }

    fn shapes(&self) -> Vec<Item> {
        let o = self.o;
        let (x0, y, bh) = (self.x0, self.bar_y, self.bh);
        let mut items = vec![rect_item(
            (x0, y, self.len, bh),
            4.0,
            Some(LIGHT),
            Some(if o.priority {
                Stroke::solid(NAVY, 2.0)
            } else {
                Stroke::solid(RULE, 1.0)
            }),
            "track",
        )];
        match o.ratio {
            Some(ratio) => {
                let end = self.x(ratio);
                if end > x0 {
                    items.push(rect_item(
                        (x0, y, end - x0, bh),
                        4.0,
                        Some(verdict_color(o)),
                        None,
                        "bar",
                    ));
                }
                if ratio * self.len > self.len + OVERFLOW {
                    // Cut mark: the bar goes on beyond what is drawn.
                    let cx = x0 + self.len + OVERFLOW * 0.55;
                    for dx in [-5.0, 5.0] {
                        items.push(Item::Line(Line {
                            points: vec![(cx + dx - 5.0, y + bh + 3.0), (cx + dx + 5.0, y - 3.0)],
                            stroke: Stroke::solid(WHITE, 4.0),
                            arrow: false,
                            class: "cut".into(),
                        }));
                    }
                }
            }
            None => {
                // Unknown (or no target): a hatched empty bar, never a 0 % one.
                items.push(rect_item(
                    (x0, y, self.len, bh),
                    4.0,
                    None,
                    Some(Stroke::dashed(HATCH, 2.0, 8.0, 5.0)),
                    "unknown",
                ));
                items.extend(hatch(x0 + 2.0, y + 2.0, self.len - 4.0, bh - 4.0, 16.0));
            }
        }
        items
    }

    /// Value and target written on the bar (inside when it fits, else just after it), or
    /// "valeur inconnue".
    fn value_text(&self) -> Vec<Item> {
        let o = self.o;
        let target = o.target.filter(|t| *t > 0.0);
        let label = self
            .lang
            .catalog()
            .value_label(o.value, target, o.unit.as_deref());
        let baseline = self.bar_y
            + self.bh / 2.0
            + (text::ascent(VALUE_SIZE) - text::descent(VALUE_SIZE)) / 2.0;
        let width = text::width(&label, VALUE_SIZE, Weight::Bold);
        let pad = 12.0;
        let end = self.x0 + self.len + OVERFLOW;
        let (x, room, color) = match o.ratio {
            None => (self.x0 + pad, self.len - 2.0 * pad, DARK),
            Some(r) => self.value_place(self.x(r), width, pad, end),
        };
        let room = if o.ratio.is_none() {
            room.max(40.0)
        } else {
            room
        };
        let line = text::wrap(&label, room, VALUE_SIZE, Weight::Bold, 1)
            .lines
            .join(" ");
        if o.ratio.is_none() {
            // A white plate under the text keeps it legible over the hatching.
            let w = text::width(&line, VALUE_SIZE, Weight::Bold);
            return vec![
                rect_item(
                    (x - 6.0, self.bar_y + 4.0, w + 12.0, self.bh - 8.0),
                    3.0,
                    Some(WHITE),
                    None,
                    "plate",
                ),
                text_line(
                    x,
                    baseline,
                    &line,
                    (VALUE_SIZE, Weight::Bold, GREY),
                    Anchor::Start,
                    "value",
                ),
            ];
        }
        vec![text_line(
            x,
            baseline,
            &line,
            (VALUE_SIZE, Weight::Bold, color),
            Anchor::Start,
            "value",
        )]
    }

    /// Where the value label goes on a bar filled up to `fill_end`: inside the fill (white)
    /// when it fits, else on the track after it (dark), and never under the projection's
    /// diamond: the fill and the track are cut around it. A place the dashed projection line
    /// runs through is taken only when no other fits; when none fits, the largest place, the
    /// label cut to it. Returns (x, room, colour).
    fn value_place(&self, fill_end: f64, width: f64, pad: f64, end: f64) -> (f64, f64, Color) {
        let diamond = projection_ratio(self.o).map(|r| {
            let px = self.x(r);
            (px - DIAMOND, px + DIAMOND)
        });
        let dashes = match (diamond, self.o.ratio) {
            (Some((dl, dr)), Some(_)) => Some((fill_end.min(dl), fill_end.max(dr))),
            _ => None,
        };
        // (from, to, colour) of each free stretch of the bar, in order of preference.
        let mut places: Vec<(f64, f64, Color)> = Vec::new();
        for (from, to, color) in [(self.x0, fill_end, WHITE), (fill_end, end, DARK)] {
            match diamond {
                Some((dl, dr)) if dr > from && dl < to => {
                    places.push((from, dl, color));
                    places.push((dr, to, color));
                }
                _ => places.push((from, to, color)),
            }
        }
        // The room for text in a stretch: a pad on each side, none at the bar's far end.
        let room =
            |(from, to, _): (f64, f64, Color)| to - from - pad - if to >= end { 0.0 } else { pad };
        let crossed = |(from, _, _): (f64, f64, Color)| {
            dashes.is_some_and(|(a, b)| from + pad < b && from + pad + width > a)
        };
        let fits = |p: &(f64, f64, Color)| width <= room(*p);
        let chosen = places
            .iter()
            .find(|p| fits(p) && !crossed(**p))
            .or_else(|| places.iter().find(|p| fits(p)))
            .or_else(|| places.iter().max_by(|a, b| room(**a).total_cmp(&room(**b))))
            .copied()
            .unwrap_or((fill_end, end, DARK));
        (chosen.0 + pad, room(chosen).max(0.0), chosen.2)
    }

    /// The projection marker on the bar, and its caption under it.
    fn projection(&self) -> Vec<Item> {
        let (Some(p), Some(ratio)) = (self.o.projection.as_ref(), projection_ratio(self.o)) else {
            return Vec::new();
        };
        let cy = self.bar_y + self.bh / 2.0;
        let px = self.x(ratio);
        let mut items = Vec::new();
        if let Some(now) = self.o.ratio {
            items.push(Item::Line(Line {
                points: vec![(self.x(now), cy), (px, cy)],
                stroke: Stroke::dashed(NAVY, 2.0, 6.0, 4.0),
                arrow: false,
                class: "projection".into(),
            }));
        }
        items.push(diamond(px, cy, DIAMOND, WHITE));
        items.push(diamond(px, cy, DIAMOND - 4.0, NAVY));
        let caption = self
            .lang
            .catalog()
            .projection(p.date, ratio, p.verdict == Verdict::Met);
        let base = self.bar_y + self.bh + 6.0 + text::ascent(CAPTION_SIZE);
        let top = self.bar_y + self.bh + 6.0;
        items.push(diamond(
            self.x0 + 7.0,
            top + text::line_height(CAPTION_SIZE) / 2.0,
            7.0,
            NAVY,
        ));
        let line = text::wrap(
            &caption,
            self.len + OVERFLOW - 20.0,
            CAPTION_SIZE,
            Weight::Regular,
            1,
        )
        .lines
        .join(" ");
        items.push(text_line(
            self.x0 + 20.0,
            base,
            &line,
            (CAPTION_SIZE, Weight::Regular, NAVY),
            Anchor::Start,
            "projection",
        ));
        items
    }

    /// The share in large type and the verdict under it, in the results column.
    fn result(&self, x: f64) -> Vec<Item> {
        let o = self.o;
        let (lang, words) = (self.lang, self.lang.catalog());
        let big = match (o.verdict, o.ratio) {
            (_, Some(r)) => words.percent(r),
            (Verdict::NoTarget, None) => words.map_label(Label::NoTarget).to_owned(),
            _ => words.map_label(Label::Unknown).to_owned(),
        };
        let threshold = words.threshold(o.threshold);
        // The standing in words, unless the big line already says it (unknown, no target).
        let small = match o.standing {
            Standing::Unknown | Standing::NoTarget => threshold,
            standing => format!("{} · {threshold}", standing.word(lang)),
        };
        let big_size = if o.ratio.is_some() { 28.0 } else { 24.0 };
        let two = self.pitch >= text::line_height(big_size) + text::line_height(TEXT) + 8.0;
        let block = text::line_height(big_size) + if two { text::line_height(TEXT) } else { 0.0 };
        let top = centred(self.bar_y + self.bh / 2.0, block, self.row_y, self.pitch);
        let mut items = vec![text_line(
            x,
            top + text::ascent(big_size),
            &big,
            (big_size, Weight::Bold, verdict_color(o)),
            Anchor::Start,
            "percent",
        )];
        if two {
            let line = text::wrap(&small, RESULT_W, TEXT, Weight::Regular, 1)
                .lines
                .join(" ");
            items.push(text_line(
                x,
                top + text::line_height(big_size) + text::ascent(TEXT),
                &line,
                (TEXT, Weight::Regular, GREY),
                Anchor::Start,
                "verdict",
            ));
        }
        items
    }
}

/// A diamond centred on (x, y) reaching `r` from its centre.
fn diamond(x: f64, y: f64, r: f64, fill: Color) -> Item {
    Item::Polygon(Polygon {
        points: vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y)],
        fill,
        opacity: 1.0,
        class: "projection".into(),
    })
}

/// Diagonal lines `step` apart filling the rectangle.
fn hatch(x: f64, y: f64, w: f64, h: f64, step: f64) -> Vec<Item> {
    let mut items = Vec::new();
    let mut c = step / 2.0;
    while c < w + h {
        // Points (x + c - t, y + t) for t in [0, h], kept within [x, x + w].
        let lo = (c - w).max(0.0);
        let hi = c.min(h);
        if hi > lo {
            items.push(Item::Line(Line {
                points: vec![(x + c - lo, y + lo), (x + c - hi, y + hi)],
                stroke: Stroke::solid(HATCH, 2.0),
                arrow: false,
                class: "hatch".into(),
            }));
        }
        c += step;
    }
    items
}

/// The threshold marks across every row, labelled above the bars.
fn marks(status: &Status, x0: f64, len: f64, base: f64, bottom: f64, lang: Lang) -> Item {
    let words = lang.catalog();
    let mut items = Vec::new();
    let mut put = |ratio: f64, class: &str, label: String, stroke: Stroke| {
        let x = x0 + (ratio * len).clamp(0.0, len + OVERFLOW);
        items.push(Item::Line(Line {
            points: vec![(x, base + text::descent(TEXT) + 4.0), (x, bottom)],
            stroke,
            arrow: false,
            class: class.into(),
        }));
        items.push(text_line(
            x,
            base,
            &label,
            (TEXT, Weight::Bold, NAVY),
            Anchor::Middle,
            class,
        ));
    };
    let same = |a: f64, b: f64| (a - b).abs() < 1e-9;
    put(
        status.min_ratio,
        "mark-min",
        words.threshold_mark(status.min_ratio),
        Stroke::dashed(NAVY, 2.0, 8.0, 6.0),
    );
    if !same(status.priority_ratio, status.min_ratio) {
        put(
            status.priority_ratio,
            "mark-priority",
            words.priority_mark(status.priority_ratio),
            Stroke::solid(NAVY, 2.5),
        );
    }
    if !same(status.priority_ratio, 1.0) && !same(status.min_ratio, 1.0) {
        put(
            1.0,
            "mark-target",
            words.percent(1.0),
            Stroke::solid(GREY, 2.0),
        );
    }
    items.push(text_line(
        x0,
        base,
        &words.percent(0.0),
        (TEXT, Weight::Regular, GREY),
        Anchor::Start,
        "mark-zero",
    ));
    group("marks", "", items)
}

/// The legend's swatches and labels, as (swatch, label) pairs.
struct LegendEntry {
    swatch: Swatch,
    label: &'static str,
}

enum Swatch {
    Fill(Color),
    Hatch,
    Diamond,
}

const SWATCH: f64 = 20.0;
const LEGEND_SIZE: f64 = TEXT;

/// The legend entries for what the chart shows.
fn legend_items<'a>(
    objectives: impl Iterator<Item = &'a ObjectiveStatus> + Clone,
    lang: Lang,
) -> Vec<LegendEntry> {
    let shown = |swatch: &Swatch| {
        objectives.clone().any(|o| match swatch {
            Swatch::Fill(c) => o.ratio.is_some() && verdict_color(o) == *c,
            Swatch::Hatch => o.ratio.is_none(),
            Swatch::Diamond => projection_ratio(o).is_some(),
        })
    };
    let words = lang.catalog();
    let standing = |color, standing: Standing| LegendEntry {
        swatch: Swatch::Fill(color),
        label: standing.word(lang),
    };
    let entry = |swatch, label| LegendEntry {
        swatch,
        label: words.map_label(label),
    };
    let all = vec![
        standing(MET, Standing::Met),
        standing(ON_TRACK, Standing::OnTrack),
        standing(BEHIND, Standing::Behind),
        entry(Swatch::Fill(PRIORITY_BELOW), Label::PriorityBehind),
        standing(MISSED, Standing::Missed),
        entry(Swatch::Hatch, Label::UnknownValue),
        entry(Swatch::Diamond, Label::Projection),
    ];
    all.into_iter().filter(|e| shown(&e.swatch)).collect()
}

fn legend_width(entries: &[LegendEntry]) -> f64 {
    entries
        .iter()
        .map(|e| SWATCH + 8.0 + text::width(e.label, LEGEND_SIZE, Weight::Regular))
        .sum::<f64>()
        + 28.0 * entries.len().saturating_sub(1) as f64
}

fn place_legend(entries: Vec<LegendEntry>, x: f64, base: f64) -> Item {
    let mut items = Vec::new();
    let mut x = x;
    let top = base - text::ascent(LEGEND_SIZE)
        + (text::ascent(LEGEND_SIZE) + text::descent(LEGEND_SIZE) - SWATCH) / 2.0;
    for e in entries {
        match e.swatch {
            Swatch::Fill(c) => items.push(rect_item(
                (x, top, SWATCH, SWATCH),
                3.0,
                Some(c),
                None,
                "swatch",
            )),
            Swatch::Hatch => {
                items.push(rect_item(
                    (x, top, SWATCH, SWATCH),
                    3.0,
                    Some(LIGHT),
                    Some(Stroke::solid(HATCH, 1.5)),
                    "swatch",
                ));
                items.extend(hatch(x + 1.0, top + 1.0, SWATCH - 2.0, SWATCH - 2.0, 6.0));
            }
            Swatch::Diamond => items.push(diamond(x + SWATCH / 2.0, top + SWATCH / 2.0, 9.0, NAVY)),
        }
        x += SWATCH + 8.0;
        items.push(text_line(
            x,
            base,
            e.label,
            (LEGEND_SIZE, Weight::Regular, DARK),
            Anchor::Start,
            "legend",
        ));
        x += text::width(e.label, LEGEND_SIZE, Weight::Regular) + 28.0;
    }
    group("legend", "", items)
}
