//! Model -> positioned Scene: the slide frame (title, legend panel, footer), the role
//! palette, text cards, and one module per kind of map. Pure geometry: no SVG here.

pub mod actor;
pub mod cartographie;
pub mod matrix;
pub mod overview;
mod radial;
pub mod scene;
pub mod status_chart;
pub mod text;

use crate::model::{Lang, Role, Territory};
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

impl Size {
    /// Parse `1920x1080`.
    pub fn parse(s: &str) -> Result<Size, String> {
        let (w, h) = s.split_once(['x', 'X', '×']).ok_or_else(|| {
            format!("\"{s}\" is not a size; expected WIDTHxHEIGHT like 1920x1080")
        })?;
        let parse = |v: &str| -> Result<f64, String> {
            let n: u32 = v.trim().parse().map_err(|_| {
                format!("\"{s}\" is not a size; expected WIDTHxHEIGHT like 1920x1080")
            })?;
            if !(320..=8000).contains(&n) {
                return Err(format!(
                    "\"{s}\": each side must be between 320 and 8000 pixels"
                ));
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
    fn scale(self) -> f64 {
        (self.width / DESIGN_WIDTH).min(self.height / DESIGN_HEIGHT)
    }
}

/// What every layout needs besides the territory.
#[derive(Debug, Clone)]
pub struct Options {
    pub size: Size,
    pub lang: Lang,
    /// The roles every objective with actors must have someone in; the cartographie draws
    /// a red dashed gap card for each one nobody holds. Chosen by the caller (the check
    /// settings of `missing-role`), never read from them here.
    pub required_roles: Vec<Role>,
    /// The roles a priority objective with actors must have someone in besides (funder,
    /// from `priority-unfunded`).
    pub priority_roles: Vec<Role>,
    /// Whether an objective without a lead is drawn as a gap (the "Chef de file ?" card,
    /// the overview badge, the matrix's red header). Chosen by the caller (whether
    /// `missing-lead` is on); true by default.
    pub lead_required: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            size: Size::default(),
            lang: Lang::default(),
            required_roles: Vec::new(),
            priority_roles: Vec::new(),
            lead_required: true,
        }
    }
}

impl Options {
    /// Whether `objective` is drawn with a lead gap: a lead is required and nobody holds it.
    pub fn lead_gap(&self, t: &Territory, objective: &crate::model::Objective) -> bool {
        self.lead_required && t.actors_in_role(objective, Role::Lead).is_empty()
    }

    /// The roles `objective` must have someone in.
    pub fn required_for(&self, objective: &crate::model::Objective) -> Vec<Role> {
        let mut roles = self.required_roles.clone();
        if objective.priority {
            for r in &self.priority_roles {
                if !roles.contains(r) {
                    roles.push(*r);
                }
            }
        }
        roles
    }
}

// The palette. Role colours follow the seed deck's legend.
pub const NAVY: Color = "#1b2a4a";
pub const GREY: Color = "#5f6b7a";
pub const LIGHT: Color = "#f3f5f8";
pub const RULE: Color = "#d5dae1";
pub const WHITE: Color = "#ffffff";
pub const DARK: Color = "#1f1f1f";
pub const RED: Color = "#c62828";
pub const RED_FILL: Color = "#fdecec";

/// How a role's boxes are painted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Paint {
    pub fill: Color,
    pub stroke: Color,
    pub text: Color,
    pub stroke_width: f64,
    pub dashed: bool,
}

pub fn paint(role: Role) -> Paint {
    let p = |fill, stroke, text| Paint {
        fill,
        stroke,
        text,
        stroke_width: 1.5,
        dashed: false,
    };
    match role {
        Role::Prescriber => p("#f39c34", "#b8650c", DARK),
        Role::Funder => p("#8e5bb5", "#623a86", WHITE),
        Role::Support => p("#3a7dc9", "#245a96", WHITE),
        Role::Target => p("#3b8a3e", "#276029", WHITE),
        Role::Relay => p("#f5cf3a", "#b99400", DARK),
        Role::Lead => Paint {
            fill: WHITE,
            stroke: NAVY,
            text: NAVY,
            stroke_width: 4.0,
            dashed: false,
        },
        Role::LeadCandidate => gap_paint(),
    }
}

/// The red dashed look of a gap: a missing lead, a required role nobody holds.
pub fn gap_paint() -> Paint {
    Paint {
        fill: RED_FILL,
        stroke: RED,
        text: RED,
        stroke_width: 3.0,
        dashed: true,
    }
}

impl Paint {
    pub fn stroke(&self) -> Stroke {
        if self.dashed {
            Stroke::dashed(self.stroke, self.stroke_width, 10.0, 6.0)
        } else {
            Stroke::solid(self.stroke, self.stroke_width)
        }
    }
}

/// French or English, picked at one place.
pub fn tr(lang: Lang, fr: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// The colon between a label and its value: "Liens : DC5" (no-break space before it, as
/// French typography wants) or "Links: DC5".
pub fn colon(lang: Lang) -> &'static str {
    tr(lang, "\u{a0}: ", ": ")
}

/// A number as people write it on a slide, at most two decimals: "1 500", "0,5" in French
/// (a no-break space between thousands, so a figure never wraps); "1,500", "0.5" in English.
pub fn number(v: f64, lang: Lang) -> String {
    match lang {
        Lang::Fr => crate::numbers::grouped(v, 2, '\u{a0}', ','),
        Lang::En => crate::numbers::grouped(v, 2, ',', '.'),
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

pub const PAD_X: f64 = 14.0;
pub const PAD_Y: f64 = 9.0;

impl Card {
    /// A card whose text is `blocks` (text, size, weight), each wrapped within `max_text`
    /// pixels on at most `max_lines` lines.
    pub fn new(blocks: &[(&str, f64, Weight, usize)], max_text: f64, paint: Paint) -> Card {
        let mut lines = Vec::new();
        for &(text, size, weight, max_lines) in blocks {
            for line in text::wrap(text, max_text, size, weight, max_lines).lines {
                lines.push(CardLine {
                    text: line,
                    size,
                    weight,
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
    Item::Group(Group {
        class: class.to_owned(),
        id: id.to_owned(),
        clip: None,
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

/// The footer text: territory and programme.
pub fn footer(t: &Territory) -> String {
    let mut s = t.name.clone();
    if let Some(p) = &t.programme {
        s.push_str(" · ");
        s.push_str(&p.name);
        if let (Some(a), Some(b)) = (p.start, p.end) {
            s.push_str(&format!(" {}–{}", a.year(), b.year()));
        }
    }
    s
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
    fn numbers_read_as_people_write_them() {
        assert_eq!(number(1500.0, Lang::Fr), "1\u{a0}500");
        assert_eq!(number(1500.0, Lang::En), "1,500");
        assert_eq!(number(1234567.0, Lang::Fr), "1\u{a0}234\u{a0}567");
        assert_eq!(number(0.5, Lang::Fr), "0,5");
        assert_eq!(number(26.0, Lang::Fr), "26");
        assert_eq!(number(12.25, Lang::En), "12.25");
    }

    #[test]
    fn sizes_parse_and_bad_ones_say_why() {
        assert_eq!(Size::parse("1280x720").unwrap().width, 1280.0);
        assert!(Size::parse("1280").unwrap_err().contains("WIDTHxHEIGHT"));
        assert!(Size::parse("10x10").unwrap_err().contains("between"));
    }
}
