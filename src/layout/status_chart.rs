//! The status chart for slides: one bar per objective against its target, with the
//! threshold marks (60 % and 100 %), priority objectives marked, value and target on the bar,
//! projections, and the year-3 bonus verdict in the title. It reads a `Status` and computes
//! nothing of its own.

use super::cartographie::{Frame, MARGIN};
use super::scene::{Anchor, Color, Item, Line, Polygon, Scene, Stroke, Text, Weight};
use super::{
    Card, DARK, GREY, LIGHT, NAVY, Options, Paint, RED, RULE, WHITE, colon, finish, group, number,
    paragraph, rect_item, stack, text, tr,
};
use crate::model::{Lang, Territory};
use crate::numbers::percent_value;
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
const LABEL_W: f64 = 600.0;
const RESULT_W: f64 = 250.0;
/// The room between an objective's title and its bar.
pub const GAP: f64 = 28.0;
const MAX_PITCH: f64 = 132.0;
const MIN_PITCH: f64 = 76.0;
const VALUE_SIZE: f64 = 18.0;
/// How far the projection's diamond reaches from its centre, its white rim included.
const DIAMOND: f64 = 15.0;
const CAPTION_SIZE: f64 = 16.0;
const TITLE_SIZE: f64 = 20.0;

/// The chart of `status` as a Scene (`t` gives the footer).
pub fn layout(t: &Territory, status: &Status, opts: &Options) -> Scene {
    let lang = opts.lang;
    let k = opts.size.scale();
    let (w, h0) = (opts.size.width / k, opts.size.height / k);

    let title = title(status, lang);
    let mut frame = Frame::new(w, h0);
    let mut y = frame.title(&title) + 6.0;
    let summary = [
        (amounts(status, lang), 20.0, "#2b3440"),
        (conditions(status, lang), 18.0, GREY),
    ];
    let mut head = Vec::new();
    for (line, size, color) in summary {
        if line.is_empty() {
            continue;
        }
        let (texts, next) = paragraph(
            MARGIN,
            y,
            &line,
            w - 2.0 * MARGIN,
            (size, Weight::Regular, color),
            2,
        );
        head.extend(texts);
        y = next + 2.0;
    }
    frame.items.push(group("summary", "", head));
    let rule = y + 8.0;
    frame.items.push(Item::Line(Line {
        points: vec![(MARGIN, rule), (w - MARGIN, rule)],
        stroke: Stroke::solid(RULE, 2.0),
        arrow: false,
        class: "rule".into(),
    }));

    // Columns: labels, bars (0 % to 100 %, then the overflow), results.
    let x0 = MARGIN + LABEL_W + GAP;
    let result_x = w - MARGIN - RESULT_W;
    let len = (result_x - GAP - OVERFLOW - x0).max(200.0);

    let axis_base = rule + 20.0 + text::ascent(18.0);
    let rows_top = axis_base + text::descent(18.0) + 14.0;
    let legend = legend_items(status, lang);
    let legend_w = legend_width(&legend);
    let footer_w = text::width(&super::footer(t), 16.0, Weight::Regular);
    // The legend shares the footer's line when both fit, else it gets a line of its own.
    let legend_own_line = footer_w + 48.0 + legend_w > w - 2.0 * MARGIN;
    let bottom_room = MARGIN + 28.0 + if legend_own_line { 34.0 } else { 0.0 };
    let n = status.objectives.len();
    let avail = h0 - bottom_room - rows_top;
    let pitch = if n == 0 {
        MAX_PITCH
    } else {
        (avail / n as f64).clamp(MIN_PITCH, MAX_PITCH)
    };
    let h = (rows_top + n as f64 * pitch + bottom_room).max(h0);
    frame.h = h;
    let bh = (pitch * 0.36).clamp(30.0, 42.0);
    let any_projection = status
        .objectives
        .iter()
        .any(|o| projection_ratio(o).is_some());
    let caption = if any_projection {
        6.0 + text::line_height(CAPTION_SIZE)
    } else {
        0.0
    };

    let badge = priority_badge(lang);
    let any_priority = status.objectives.iter().any(|o| o.priority);
    let title_x = MARGIN + if any_priority { badge.w + 12.0 } else { 0.0 };

    let mut shapes = Vec::new();
    let mut labels = Vec::new();
    for (i, o) in status.objectives.iter().enumerate() {
        let row_y = rows_top + i as f64 * pitch;
        let bar_y = row_y + (pitch - bh - caption) / 2.0;
        let row = Row {
            o,
            x0,
            len,
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
        let max_lines = ((pitch - 8.0) / text::line_height(TITLE_SIZE)).floor() as usize;
        let wrapped = text::wrap(
            &o.title,
            x0 - GAP - title_x,
            TITLE_SIZE,
            Weight::Bold,
            max_lines.clamp(1, 2),
        );
        let block = wrapped.lines.len() as f64 * text::line_height(TITLE_SIZE);
        let top = centred(bar_y + bh / 2.0, block, row_y, pitch);
        // Wrapped once: these lines, which the block was centred for, are the ones drawn.
        let (title_items, _) = stack(
            title_x,
            top,
            &wrapped.lines,
            (TITLE_SIZE, Weight::Bold, NAVY),
        );
        texts.extend(title_items.into_iter().map(|t| classed(t, "title")));
        if o.priority {
            let by = centred(bar_y + bh / 2.0, badge.h, row_y, pitch);
            texts.extend(badge.items(MARGIN, by, "badge"));
        }
        texts.extend(row.result(result_x));
        labels.push(group("objective-text", &o.id, texts));
        if i + 1 < n {
            shapes.push(Item::Line(Line {
                points: vec![(MARGIN, row_y + pitch), (w - MARGIN, row_y + pitch)],
                stroke: Stroke::solid(LIGHT, 2.0),
                arrow: false,
                class: "separator".into(),
            }));
        }
    }
    if n == 0 {
        let (texts, _) = paragraph(
            MARGIN,
            rows_top + 20.0,
            tr(lang, "Aucun objectif renseigné", "No objective given"),
            w - 2.0 * MARGIN,
            (22.0, Weight::Regular, GREY),
            1,
        );
        labels.push(group("note", "", texts));
    }
    frame.items.extend(shapes);
    let rows_bottom = rows_top + n as f64 * pitch;
    frame
        .items
        .push(marks(status, x0, len, axis_base, rows_bottom, lang));
    frame.items.extend(labels);
    let footer_base = h - MARGIN + 16.0;
    let legend_base = if legend_own_line {
        footer_base - 34.0
    } else {
        footer_base
    };
    frame
        .items
        .push(place_legend(legend, w - MARGIN - legend_w, legend_base));
    frame.footer(t);
    finish(frame.scene(title), k)
}

/// "État d'avancement · Bonus année 3 : conditions en bonne voie".
pub fn title(status: &Status, lang: Lang) -> String {
    let verdict = format!(
        "{} {}",
        tr(lang, "conditions", "conditions"),
        status.bonus.standing.conditions_word(lang)
    );
    let at = status
        .at
        .map(|d| format!(" {} {}", tr(lang, "au", "as of"), date(d, lang)))
        .unwrap_or_default();
    format!(
        "{}{at} · {}{}{verdict}",
        tr(lang, "État d'avancement", "Progress"),
        tr(lang, "Bonus année 3", "Year-3 bonus"),
        colon(lang)
    )
}

fn date(d: jiff::civil::Date, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{:02}/{:02}/{}", d.day(), d.month(), d.year()),
        Lang::En => d.to_string(),
    }
}

/// A share as people write it: "59,9 %" or "59.9%", cut (never rounded up) to one decimal.
pub fn percent(ratio: f64, lang: Lang) -> String {
    let v = number(percent_value(ratio), lang);
    match lang {
        Lang::Fr => format!("{v}\u{a0}%"),
        Lang::En => format!("{v}%"),
    }
}

fn euros(v: f64, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{}\u{a0}€", number(v, lang)),
        Lang::En => format!("€{}", number(v, lang)),
    }
}

fn amounts(status: &Status, lang: Lang) -> String {
    let b = &status.bonus;
    let unknown = tr(lang, "inconnu", "unknown");
    let amount = |v: Option<f64>| v.map_or_else(|| unknown.to_owned(), |v| euros(v, lang));
    let c = colon(lang);
    format!(
        "{}{c}{} · {}{c}{} · {}{c}{}",
        tr(
            lang,
            "Aide forfaitaire (années 1 et 2)",
            "Flat aid (years 1 and 2)"
        ),
        amount(b.flat_aid),
        tr(lang, "bonus année 3 en jeu", "year-3 bonus at stake"),
        amount(b.bonus),
        tr(lang, "total en jeu", "total at stake"),
        amount(b.total)
    )
}

fn conditions(status: &Status, lang: Lang) -> String {
    let mut s = match lang {
        Lang::Fr => format!(
            "Conditions du bonus{}chaque objectif à {} de sa cible au moins, les objectifs prioritaires à {}",
            colon(lang),
            percent(status.min_ratio, lang),
            percent(status.priority_ratio, lang)
        ),
        Lang::En => format!(
            "Bonus conditions: every objective at {} of its target at least, priority objectives at {}",
            percent(status.min_ratio, lang),
            percent(status.priority_ratio, lang)
        ),
    };
    let (below, unknown) = (status.bonus.below.len(), status.bonus.unknown.len());
    let mut counts = Vec::new();
    let on_track = status
        .objectives
        .iter()
        .filter(|o| o.counted && o.standing == Standing::OnTrack)
        .count();
    if below > 0 {
        let mut count = match lang {
            Lang::Fr => format!("{below} sous le seuil"),
            Lang::En => format!("{below} below the threshold"),
        };
        let word = Standing::OnTrack.word(lang);
        if on_track == below {
            count.push_str(&format!(" ({} {word})", tr(lang, "tous", "all")));
        } else if on_track > 0 {
            count.push_str(&match lang {
                Lang::Fr => format!(" (dont {on_track} {word})"),
                Lang::En => format!(" ({on_track} of them {word})"),
            });
        }
        counts.push(count);
    }
    if unknown > 0 {
        counts.push(match lang {
            Lang::Fr => format!("{unknown} sans valeur ou sans cible"),
            Lang::En => format!("{unknown} without a value or a target"),
        });
    }
    if !counts.is_empty() {
        s.push_str(" — ");
        s.push_str(&counts.join(", "));
    }
    if !status.undated_ignored.is_empty() {
        s.push_str(&format!(
            " ({}{}{})",
            tr(
                lang,
                "valeurs non datées ignorées",
                "undated values left out"
            ),
            colon(lang),
            status.undated_ignored.join(", ")
        ));
    }
    s
}

fn priority_badge(lang: Lang) -> Card {
    let badge = Card::new(
        &[(tr(lang, "PRIORITAIRE", "PRIORITY"), 16.0, Weight::Bold, 1)],
        300.0,
        Paint {
            fill: "#c0392b",
            stroke: "#c0392b",
            text: WHITE,
            stroke_width: 0.0,
            dashed: false,
        },
    );
    Card {
        radius: 15.0,
        h: 30.0,
        ..badge
    }
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
        let lang = self.lang;
        let unit = o
            .unit
            .as_deref()
            .map(|u| format!(" {u}"))
            .unwrap_or_default();
        let target = o.target.filter(|t| *t > 0.0);
        let label = match (o.value, target) {
            (Some(v), Some(t)) => format!("{} / {}{unit}", number(v, lang), number(t, lang)),
            (Some(v), None) => format!(
                "{}{unit} · {}",
                number(v, lang),
                tr(lang, "pas de cible", "no target")
            ),
            (None, Some(t)) => format!(
                "{} · {}{}{}{unit}",
                tr(lang, "valeur inconnue", "unknown value"),
                tr(lang, "cible", "target"),
                colon(lang),
                number(t, lang)
            ),
            (None, None) => format!(
                "{} · {}",
                tr(lang, "valeur inconnue", "unknown value"),
                tr(lang, "pas de cible", "no target")
            ),
        };
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
        let lang = self.lang;
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
        let verdict = match p.verdict {
            Verdict::Met => tr(lang, "atteint", "met"),
            _ => tr(lang, "sous le seuil", "below the threshold"),
        };
        let caption = format!(
            "{} {} {}{}{} ({verdict})",
            tr(lang, "projection", "projection"),
            tr(lang, "au", "on"),
            date(p.date, lang),
            colon(lang),
            percent(ratio, lang),
        );
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
        let lang = self.lang;
        let big = match (o.verdict, o.ratio) {
            (_, Some(r)) => percent(r, lang),
            (Verdict::NoTarget, None) => tr(lang, "sans cible", "no target").to_owned(),
            _ => tr(lang, "inconnu", "unknown").to_owned(),
        };
        let threshold = format!(
            "{} {}",
            tr(lang, "seuil", "threshold"),
            percent(o.threshold, lang)
        );
        // The standing in words, unless the big line already says it (unknown, no target).
        let small = match o.standing {
            Standing::Unknown | Standing::NoTarget => threshold,
            standing => format!("{} · {threshold}", standing.word(lang)),
        };
        let big_size = if o.ratio.is_some() { 28.0 } else { 24.0 };
        let two = self.pitch >= text::line_height(big_size) + text::line_height(16.0) + 8.0;
        let block = text::line_height(big_size) + if two { text::line_height(16.0) } else { 0.0 };
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
            let line = text::wrap(&small, RESULT_W, 16.0, Weight::Regular, 1)
                .lines
                .join(" ");
            items.push(text_line(
                x,
                top + text::line_height(big_size) + text::ascent(16.0),
                &line,
                (16.0, Weight::Regular, GREY),
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
    let mut items = Vec::new();
    let mut put = |ratio: f64, class: &str, label: String, stroke: Stroke| {
        let x = x0 + (ratio * len).clamp(0.0, len + OVERFLOW);
        items.push(Item::Line(Line {
            points: vec![(x, base + text::descent(18.0) + 4.0), (x, bottom)],
            stroke,
            arrow: false,
            class: class.into(),
        }));
        items.push(text_line(
            x,
            base,
            &label,
            (18.0, Weight::Bold, NAVY),
            Anchor::Middle,
            class,
        ));
    };
    let same = |a: f64, b: f64| (a - b).abs() < 1e-9;
    put(
        status.min_ratio,
        "mark-min",
        format!(
            "{} · {}",
            percent(status.min_ratio, lang),
            tr(lang, "seuil", "threshold")
        ),
        Stroke::dashed(NAVY, 2.0, 8.0, 6.0),
    );
    if !same(status.priority_ratio, status.min_ratio) {
        put(
            status.priority_ratio,
            "mark-priority",
            format!(
                "{} · {}",
                percent(status.priority_ratio, lang),
                tr(lang, "prioritaires", "priority")
            ),
            Stroke::solid(NAVY, 2.5),
        );
    }
    if !same(status.priority_ratio, 1.0) && !same(status.min_ratio, 1.0) {
        put(
            1.0,
            "mark-target",
            percent(1.0, lang),
            Stroke::solid(GREY, 2.0),
        );
    }
    items.push(text_line(
        x0,
        base,
        &percent(0.0, lang),
        (18.0, Weight::Regular, GREY),
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
const LEGEND_SIZE: f64 = 16.0;

/// The legend entries for what the chart shows.
fn legend_items(status: &Status, lang: Lang) -> Vec<LegendEntry> {
    let shown = |swatch: &Swatch| {
        status.objectives.iter().any(|o| match swatch {
            Swatch::Fill(c) => o.ratio.is_some() && verdict_color(o) == *c,
            Swatch::Hatch => o.ratio.is_none(),
            Swatch::Diamond => projection_ratio(o).is_some(),
        })
    };
    let standing = |color, standing: Standing| LegendEntry {
        swatch: Swatch::Fill(color),
        label: standing.word(lang),
    };
    let all = vec![
        standing(MET, Standing::Met),
        standing(ON_TRACK, Standing::OnTrack),
        standing(BEHIND, Standing::Behind),
        LegendEntry {
            swatch: Swatch::Fill(PRIORITY_BELOW),
            label: tr(
                lang,
                "prioritaire en retard, projeté sous le seuil",
                "priority behind, projected below the threshold",
            ),
        },
        standing(MISSED, Standing::Missed),
        LegendEntry {
            swatch: Swatch::Hatch,
            label: tr(lang, "valeur inconnue", "unknown value"),
        },
        LegendEntry {
            swatch: Swatch::Diamond,
            label: tr(
                lang,
                "projection à la fin du programme",
                "projection to the programme's end",
            ),
        },
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
