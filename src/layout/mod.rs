//! Model -> positioned Scene: the gaps to draw (from `check`), text cards, the names that fit
//! them, and one module per kind of map; the slide's shared parts are in `frame`. Pure
//! geometry: no SVG here, and no word: what a map says comes from the catalog (`words`).

pub mod actor;
pub mod cartographie;
pub mod coverage;
pub mod dossier;
pub mod frame;
pub mod governance;
pub mod graph;
pub mod links;
pub mod matrix;
mod notes;
pub mod overview;
pub mod page;
mod radial;
pub mod scene;
pub mod status_chart;
pub mod text;
pub mod words;

use std::collections::BTreeMap;

use crate::check::Finding;
use crate::model::{Actor, Lang, Objective, Role};
pub use frame::{
    DARK, GREY, INK, LIGHT, NAVY, PRIORITY, Paint, RED, RED_FILL, RULE, WHITE, gap_paint, paint,
};
use scene::{Anchor, Color, Group, Item, Rect, Scene, Stroke, Text, Weight, r2};

/// The slide size every layout is designed at; other sizes are scaled from it.
pub const DESIGN_WIDTH: f64 = 1920.0;
pub const DESIGN_HEIGHT: f64 = 1080.0;

/// The canvas asked for, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    pub width: f64,
    pub height: f64,
}

impl Default for Size {
    fn default() -> Self {
        Size {
            width: DESIGN_WIDTH,
            height: DESIGN_HEIGHT,
        }
    }
}

/// Why a `--size` is not one, as data until it is said in the user's language
/// (`maps::UsageWords::size`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SizeError {
    /// The text is not WIDTHxHEIGHT.
    NotASize(String),
    /// A side is outside `min..=max` pixels.
    OutOfRange { text: String, min: u32, max: u32 },
}

/// In the default language, for callers that only print it.
impl std::fmt::Display for SizeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&Lang::default().catalog().size(self))
    }
}

impl Size {
    /// The smallest and largest side, in pixels.
    pub const SIDES: (u32, u32) = (320, 8000);

    /// Parse `1920x1080`.
    pub fn parse(s: &str) -> Result<Size, SizeError> {
        let not_a_size = || SizeError::NotASize(s.to_owned());
        let (w, h) = s.split_once(['x', 'X', '×']).ok_or_else(not_a_size)?;
        let parse = |v: &str| -> Result<f64, SizeError> {
            let n: u32 = v.trim().parse().map_err(|_| not_a_size())?;
            let (min, max) = Size::SIDES;
            if !(min..=max).contains(&n) {
                return Err(SizeError::OutOfRange {
                    text: s.to_owned(),
                    min,
                    max,
                });
            }
            Ok(f64::from(n))
        };
        Ok(Size {
            width: parse(w)?,
            height: parse(h)?,
        })
    }

    /// The factor from design units to pixels: text keeps its design size relative to a
    /// 1920 x 1080 slide.
    pub fn scale(self) -> f64 {
        (self.width / DESIGN_WIDTH).min(self.height / DESIGN_HEIGHT)
    }
}

/// What every layout needs besides the territory.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub size: Size,
    pub lang: Lang,
    /// The gaps to draw, taken from the findings of `check`: a map never decides on its own
    /// what counts as a gap, so it can never disagree with `check`.
    pub gaps: Gaps,
    /// The file beside a crowded map that lists all its cards ("dc3-acteurs.csv"), named on
    /// the map's "+ 132 autres" card; `None` names none.
    pub list: Option<String>,
}

/// The gaps `check` found that the maps draw: objectives without a lead (`missing-lead`,
/// with its candidates) and required roles nobody holds (`missing-role`,
/// `priority-unfunded`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gaps {
    /// Objective id -> the ids of its lead candidates, per `missing-lead` finding.
    lead: BTreeMap<String, Vec<String>>,
    /// Objective id -> the roles nobody holds towards it.
    roles: BTreeMap<String, Vec<Role>>,
}

impl Gaps {
    /// The gaps among `findings` (those of every rule may be given; the others are ignored).
    pub fn from_findings(findings: &[Finding]) -> Gaps {
        let mut gaps = Gaps::default();
        for f in findings {
            match f.rule {
                "missing-lead" => {
                    for o in &f.objectives {
                        gaps.lead.insert(o.clone(), f.actors.clone());
                    }
                }
                "missing-role" | "priority-unfunded" => {
                    for o in &f.objectives {
                        let roles = gaps.roles.entry(o.clone()).or_default();
                        for r in &f.roles {
                            if !roles.contains(r) {
                                roles.push(*r);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        gaps
    }

    /// The lead candidates' ids of an objective `check` found without a lead; `None` when it
    /// has a lead or `missing-lead` is off.
    pub fn lead(&self, objective: &Objective) -> Option<&[String]> {
        self.lead.get(&objective.id).map(Vec::as_slice)
    }

    /// Whether `role` is a gap of `objective`.
    pub fn role(&self, objective: &Objective, role: Role) -> bool {
        self.roles
            .get(&objective.id)
            .is_some_and(|roles| roles.contains(&role))
    }
}

/// One line of a card.
#[derive(Debug, Clone)]
pub struct CardLine {
    pub text: String,
    pub size: f64,
    pub weight: Weight,
    pub color: Color,
}

/// A rounded box of centred text lines, measured before it is placed.
#[derive(Debug, Clone)]
pub struct Card {
    pub lines: Vec<CardLine>,
    pub w: f64,
    pub h: f64,
    pub paint: Paint,
    pub radius: f64,
}

/// Lines of one size and weight on a card.
#[derive(Debug, Clone)]
pub struct Block {
    pub lines: Vec<String>,
    pub size: f64,
    pub weight: Weight,
}

impl Block {
    /// `s` wrapped within `max_width` on at most `max_lines` lines.
    pub fn wrapped(s: &str, max_width: f64, size: f64, weight: Weight, max_lines: usize) -> Block {
        Block {
            lines: text::wrap(s, max_width, size, weight, max_lines).lines,
            size,
            weight,
        }
    }
}

/// An actor's name broken into lines on a card `max_width` wide: the full name when it fits
/// `max_lines` lines with every word whole (a compound name may break after a hyphen, an
/// apostrophe or a slash); else its short name (the `short` column, else its first alias)
/// when that one does; else the full name on up to twice as many lines, broken where it
/// must. Never a name cut into pieces or ended with "…" while a form that fits exists.
///
/// `marks` (footnote numbers, "¹") follow the name's last letter.
pub fn name_lines(
    actor: &Actor,
    marks: &str,
    max_width: f64,
    size: f64,
    weight: Weight,
    max_lines: usize,
) -> Vec<String> {
    let full = text::wrap(
        &format!("{}{marks}", actor.name),
        max_width,
        size,
        weight,
        max_lines,
    );
    if full.whole() {
        return full.lines;
    }
    if let Some(short) = actor.short_name() {
        let short = text::wrap(
            &format!("{short}{marks}"),
            max_width,
            size,
            weight,
            max_lines,
        );
        if short.whole() {
            return short.lines;
        }
    }
    // No short form fits: the full name on more lines, cut only past twice as many.
    text::wrap(
        &format!("{}{marks}", actor.name),
        max_width,
        size,
        weight,
        2 * max_lines,
    )
    .lines
}

/// An actor as a list of bearers or candidates names it: its sigle (the `short` column),
/// else its name; never an alias, which may be longer than the name.
pub fn sigle(actor: &Actor) -> &str {
    actor.short.as_deref().unwrap_or(&actor.name)
}

/// An actor's name on one line within `max_width` (a list of candidates, a table row): the
/// full name when it fits, else the short name when that one does, else the full name.
pub fn name_on_one_line(actor: &Actor, max_width: f64, size: f64, weight: Weight) -> &str {
    if text::fits(&actor.name, max_width, size, weight) {
        return &actor.name;
    }
    match actor.short_name() {
        Some(short) if text::fits(short, max_width, size, weight) => short,
        _ => &actor.name,
    }
}

pub const PAD_X: f64 = 14.0;
pub const PAD_Y: f64 = 9.0;

impl Card {
    /// A card whose text is `blocks` (text, size, weight), each wrapped within `max_text`
    /// pixels on at most `max_lines` lines.
    pub fn new(blocks: &[(&str, f64, Weight, usize)], max_text: f64, paint: Paint) -> Card {
        let blocks: Vec<Block> = blocks
            .iter()
            .map(|&(text, size, weight, max_lines)| Block {
                lines: text::wrap(text, max_text, size, weight, max_lines).lines,
                size,
                weight,
            })
            .collect();
        Card::of(&blocks, paint)
    }

    /// A card of lines already broken (an actor's name from `name_lines`).
    pub fn of(blocks: &[Block], paint: Paint) -> Card {
        let mut lines = Vec::new();
        for b in blocks {
            for line in &b.lines {
                lines.push(CardLine {
                    text: line.clone(),
                    size: b.size,
                    weight: b.weight,
                    color: paint.text,
                });
            }
        }
        let text_w = lines
            .iter()
            .map(|l| text::width(&l.text, l.size, l.weight))
            .fold(0.0, f64::max);
        let text_h: f64 = lines.iter().map(|l| text::line_height(l.size)).sum();
        Card {
            lines,
            w: (text_w + 2.0 * PAD_X + paint.stroke_width).ceil().max(96.0),
            h: (text_h + 2.0 * PAD_Y + paint.stroke_width).ceil(),
            paint,
            radius: 10.0,
        }
    }

    /// The card's items with its top-left corner at (x, y).
    pub fn items(&self, x: f64, y: f64, class: &str) -> Vec<Item> {
        let mut items = vec![Item::Rect(Rect {
            x,
            y,
            w: self.w,
            h: self.h,
            radius: self.radius,
            fill: Some(self.paint.fill),
            stroke: Some(self.paint.stroke()),
            class: class.to_owned(),
        })];
        let text_h: f64 = self.lines.iter().map(|l| text::line_height(l.size)).sum();
        let mut top = y + (self.h - text_h) / 2.0;
        for line in &self.lines {
            let lh = text::line_height(line.size);
            let baseline = top
                + (lh - text::ascent(line.size) - text::descent(line.size)) / 2.0
                + text::ascent(line.size);
            items.push(Item::Text(Text {
                x: x + self.w / 2.0,
                y: baseline,
                text: line.text.clone(),
                size: line.size,
                weight: line.weight,
                anchor: Anchor::Middle,
                color: line.color,
                class: String::new(),
            }));
            top += lh;
        }
        items
    }
}

/// The largest `k` in `lo..=hi` for which `fits(k)` holds, `fits` holding up to some `k` and
/// not past it; `lo` when none does (the least the caller takes). Asks O(log(hi - lo)) times.
pub fn largest(lo: usize, hi: usize, fits: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (lo, hi.max(lo));
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if fits(mid) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    lo
}

/// A text line item.
pub fn text_item(
    x: f64,
    y: f64,
    s: &str,
    size: f64,
    weight: Weight,
    anchor: Anchor,
    color: Color,
) -> Item {
    Item::Text(Text {
        x,
        y,
        text: s.to_owned(),
        size,
        weight,
        anchor,
        color,
        class: String::new(),
    })
}

pub fn rect_item(
    (x, y, w, h): (f64, f64, f64, f64),
    radius: f64,
    fill: Option<Color>,
    stroke: Option<Stroke>,
    class: &str,
) -> Item {
    Item::Rect(Rect {
        x,
        y,
        w,
        h,
        radius,
        fill,
        stroke,
        class: class.to_owned(),
    })
}

pub fn group(class: &str, id: &str, items: Vec<Item>) -> Item {
    tagged_group(class, id, scene::Data::new(), items)
}

/// A group that also says what it stands for (`("actor", id)`, `("role", id)`), for the
/// report page's script.
pub fn tagged_group(class: &str, id: &str, data: scene::Data, items: Vec<Item>) -> Item {
    Item::Group(Group {
        class: class.to_owned(),
        id: id.to_owned(),
        clip: None,
        data,
        items,
    })
}

/// A text style: size, weight, colour.
pub type Font = (f64, Weight, Color);

/// Lines of wrapped text stacked from `y` (top), returning the items and the new top.
pub fn paragraph(
    x: f64,
    y: f64,
    s: &str,
    max_width: f64,
    (size, weight, color): Font,
    max_lines: usize,
) -> (Vec<Item>, f64) {
    let lines = text::wrap(s, max_width, size, weight, max_lines).lines;
    stack(x, y, &lines, (size, weight, color))
}

/// Lines already wrapped, stacked from `y` (top), returning the items and the new top.
pub fn stack(x: f64, y: f64, lines: &[String], (size, weight, color): Font) -> (Vec<Item>, f64) {
    let mut items = Vec::new();
    let mut top = y;
    for line in lines {
        items.push(text_item(
            x,
            top + text::ascent(size),
            line,
            size,
            weight,
            Anchor::Start,
            color,
        ));
        top += text::line_height(size);
    }
    (items, top)
}

/// Multiply every coordinate and size of a scene by `k` and round to 1/100 px.
pub fn finish(mut scene: Scene, k: f64) -> Scene {
    fn item(i: &mut Item, k: f64) {
        match i {
            Item::Rect(r) => {
                r.x = r2(r.x * k);
                r.y = r2(r.y * k);
                r.w = r2(r.w * k);
                r.h = r2(r.h * k);
                r.radius = r2(r.radius * k);
                if let Some(s) = &mut r.stroke {
                    stroke(s, k);
                }
            }
            Item::Text(t) => {
                t.x = r2(t.x * k);
                t.y = r2(t.y * k);
                t.size = r2(t.size * k);
            }
            Item::Line(l) => {
                for p in &mut l.points {
                    *p = (r2(p.0 * k), r2(p.1 * k));
                }
                stroke(&mut l.stroke, k);
            }
            Item::Curve(c) => {
                c.start = (r2(c.start.0 * k), r2(c.start.1 * k));
                for p in c.segments.iter_mut().flatten() {
                    *p = (r2(p.0 * k), r2(p.1 * k));
                }
                stroke(&mut c.stroke, k);
            }
            Item::Polygon(poly) => {
                for p in &mut poly.points {
                    *p = (r2(p.0 * k), r2(p.1 * k));
                }
            }
            Item::Sector(s) => {
                s.cx = r2(s.cx * k);
                s.cy = r2(s.cy * k);
                s.inner = r2(s.inner * k);
                s.outer = r2(s.outer * k);
                s.start = r2(s.start);
                s.end = r2(s.end);
            }
            Item::Group(g) => {
                if let Some(c) = &mut g.clip {
                    c.x = r2(c.x * k);
                    c.y = r2(c.y * k);
                    c.w = r2(c.w * k);
                    c.h = r2(c.h * k);
                    c.radius = r2(c.radius * k);
                }
                g.items.iter_mut().for_each(|i| item(i, k))
            }
        }
    }
    fn stroke(s: &mut Stroke, k: f64) {
        s.width = r2(s.width * k);
        s.dash.iter_mut().for_each(|d| *d = r2(*d * k));
    }
    scene.width = r2(scene.width * k);
    scene.height = r2(scene.height * k);
    scene.items.iter_mut().for_each(|i| item(i, k));
    scene
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_and_bad_ones_say_why() {
        assert_eq!(Size::parse("1280x720").unwrap().width, 1280.0);
        assert_eq!(
            Size::parse("1280").unwrap_err(),
            SizeError::NotASize("1280".into())
        );
        assert_eq!(
            Size::parse("10x10").unwrap_err(),
            SizeError::OutOfRange {
                text: "10x10".into(),
                min: 320,
                max: 8000
            }
        );
    }
}
