//! The Scene: a positioned drawing in numbers (rectangles, text lines, lines and arrows,
//! sector arcs, groups). Layouts produce one, writers draw one, tests measure one.
//! Nothing here knows about actors or SVG; `class` and `id` only name what a thing is.

use std::collections::BTreeSet;

use serde::Serialize;

pub use super::text::Weight;

/// A colour as `#rrggbb`.
pub type Color = &'static str;

/// A whole drawing: its size in pixels and its items, painted in order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    /// What the drawing shows, for the SVG `<title>` (screen readers, file browsers).
    pub title: String,
    pub background: Color,
    pub items: Vec<Item>,
}

/// One thing drawn.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Item {
    Rect(Rect),
    Text(Text),
    Line(Line),
    Curve(Curve),
    Polygon(Polygon),
    Sector(Sector),
    Group(Group),
}

/// How an outline is drawn.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stroke {
    pub color: Color,
    pub width: f64,
    /// Dash and gap lengths; empty for a solid line.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub dash: Vec<f64>,
}

impl Stroke {
    pub fn solid(color: Color, width: f64) -> Stroke {
        Stroke {
            color,
            width,
            dash: Vec::new(),
        }
    }

    pub fn dashed(color: Color, width: f64, dash: f64, gap: f64) -> Stroke {
        Stroke {
            color,
            width,
            dash: vec![dash, gap],
        }
    }
}

/// An axis-aligned rectangle, possibly with rounded corners.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    pub radius: f64,
    pub fill: Option<Color>,
    pub stroke: Option<Stroke>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub class: String,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    pub fn center(&self) -> (f64, f64) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }

    /// True when the two rectangles share any area (touching edges do not count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right()
            && other.x < self.right()
            && self.y < other.bottom()
            && other.y < self.bottom()
    }

    /// True when `other` lies entirely inside this rectangle.
    pub fn contains(&self, other: &Rect) -> bool {
        other.x >= self.x - EPS
            && other.y >= self.y - EPS
            && other.right() <= self.right() + EPS
            && other.bottom() <= self.bottom() + EPS
    }

    /// The rectangle grown by `m` on every side.
    pub fn inflate(&self, m: f64) -> Rect {
        Rect {
            x: self.x - m,
            y: self.y - m,
            w: self.w + 2.0 * m,
            h: self.h + 2.0 * m,
            ..self.clone()
        }
    }

    /// True when the segment from `a` to `b` passes through the rectangle's inside.
    pub fn crossed_by(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        // Liang-Barsky clipping against the open rectangle.
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let mut t0: f64 = 0.0;
        let mut t1: f64 = 1.0;
        for (p, q) in [
            (-dx, a.0 - self.x),
            (dx, self.right() - a.0),
            (-dy, a.1 - self.y),
            (dy, self.bottom() - a.1),
        ] {
            if p.abs() < 1e-12 {
                if q <= 0.0 {
                    return false;
                }
            } else {
                let r = q / p;
                if p < 0.0 {
                    t0 = t0.max(r);
                } else {
                    t1 = t1.min(r);
                }
            }
        }
        t1 - t0 > 1e-9
    }
}

const EPS: f64 = 0.01;

/// Where a text line's `x` is: its start, middle or end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// One line of text; `y` is the baseline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Text {
    pub x: f64,
    pub y: f64,
    pub text: String,
    pub size: f64,
    pub weight: Weight,
    pub anchor: Anchor,
    pub color: Color,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub class: String,
}

impl Text {
    /// The box the line's glyphs occupy, measured with the shipped font.
    pub fn bounds(&self) -> Rect {
        let w = super::text::width(&self.text, self.size, self.weight);
        let x = match self.anchor {
            Anchor::Start => self.x,
            Anchor::Middle => self.x - w / 2.0,
            Anchor::End => self.x - w,
        };
        let ascent = super::text::ascent(self.size);
        Rect {
            x,
            y: self.y - ascent,
            w,
            h: ascent + super::text::descent(self.size),
            radius: 0.0,
            fill: None,
            stroke: None,
            class: String::new(),
        }
    }
}

/// A polyline, with an arrow head at its end when `arrow` is set.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    pub points: Vec<(f64, f64)>,
    pub stroke: Stroke,
    pub arrow: bool,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub class: String,
}

/// A path of cubic Bézier segments (a laid-out graph's edge), with an arrow head at its end
/// and, for a two-way edge, at its start.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Curve {
    pub start: (f64, f64),
    /// Each segment: its two control points, then where it ends.
    pub segments: Vec<[(f64, f64); 3]>,
    pub stroke: Stroke,
    pub arrow: bool,
    pub arrow_start: bool,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub class: String,
}

impl Curve {
    /// Where it ends.
    pub fn end(&self) -> (f64, f64) {
        self.segments.last().map_or(self.start, |s| s[2])
    }

    /// Every point it names, control points included: a Bézier segment lies inside the
    /// hull of its points, so a box holding them all holds the curve.
    pub fn points(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        std::iter::once(self.start).chain(self.segments.iter().flatten().copied())
    }

    /// The direction the curve arrives at its end from: the last control point that is not
    /// the end itself.
    pub fn end_tangent(&self) -> ((f64, f64), (f64, f64)) {
        let end = self.end();
        let from = self
            .points()
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .find(|p| *p != end)
            .unwrap_or(end);
        (from, end)
    }

    /// The direction the curve leaves its start in, reversed: for a head at the start.
    pub fn start_tangent(&self) -> ((f64, f64), (f64, f64)) {
        let to = self
            .points()
            .find(|p| *p != self.start)
            .unwrap_or(self.start);
        (to, self.start)
    }
}

/// A filled closed shape.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Polygon {
    pub points: Vec<(f64, f64)>,
    pub fill: Color,
    pub opacity: f64,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub class: String,
}

/// A ring sector (an annulus slice), angles in degrees clockwise from the x axis,
/// radii possibly elliptical (`rx`/`ry` scale the unit circle).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sector {
    pub cx: f64,
    pub cy: f64,
    pub inner: f64,
    pub outer: f64,
    /// Horizontal stretch of the circle (1.0 for a circle).
    pub stretch: f64,
    pub start: f64,
    pub end: f64,
    pub fill: Color,
    pub opacity: f64,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub class: String,
}

/// Items that belong together (an actor's box, its text and its edge).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Group {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub class: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// Nothing of the group is painted outside this rectangle.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clip: Option<Rect>,
    /// What the group stands for, named for a page's script (`actor`, `role`): the SVG
    /// writes `data-actor="..."`; nothing is drawn from it.
    #[serde(skip_serializing_if = "Data::is_empty")]
    pub data: Data,
    pub items: Vec<Item>,
}

/// Named values a group carries for the programs that read the drawing, by name.
pub type Data = std::collections::BTreeMap<&'static str, String>;

impl Scene {
    /// The scene as bytes to hash, written into `out`: two scenes give the same bytes
    /// exactly when they are equal (every number by its bits, every text closed by a byte no
    /// text holds, every list by its length). Writing the SVG to hash it formats every
    /// number as text: this is several times faster.
    pub fn key_bytes(&self, out: &mut Vec<u8>) {
        let mut k = Key(out);
        k.num(self.width)
            .num(self.height)
            .text(&self.title)
            .text(self.background);
        k.items(&self.items);
    }

    /// Every item, groups opened, in paint order, each with the group it sits in.
    pub fn flatten(&self) -> Vec<(Option<&Group>, &Item)> {
        fn walk<'a>(
            g: Option<&'a Group>,
            items: &'a [Item],
            out: &mut Vec<(Option<&'a Group>, &'a Item)>,
        ) {
            for item in items {
                match item {
                    Item::Group(inner) => walk(Some(inner), &inner.items, out),
                    other => out.push((g, other)),
                }
            }
        }
        let mut out = Vec::new();
        walk(None, &self.items, &mut out);
        out
    }

    /// The ids of its groups, nested ones included (what it shows: objectives, actors,
    /// domains, each by its id).
    pub fn group_ids(&self) -> BTreeSet<&str> {
        fn walk<'a>(items: &'a [Item], out: &mut BTreeSet<&'a str>) {
            for item in items {
                if let Item::Group(g) = item {
                    if !g.id.is_empty() {
                        out.insert(&g.id);
                    }
                    walk(&g.items, out);
                }
            }
        }
        let mut out = BTreeSet::new();
        walk(&self.items, &mut out);
        out
    }

    /// The scene as pretty JSON (`--format scene`).
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a scene is plain data");
        s.push('\n');
        s
    }
}

/// Round to a hundredth of a pixel so that outputs are short and stable.
pub fn r2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// The writer of [`Scene::key_bytes`].
struct Key<'a>(&'a mut Vec<u8>);

impl Key<'_> {
    fn num(&mut self, v: f64) -> &mut Self {
        self.0.extend_from_slice(&v.to_bits().to_le_bytes());
        self
    }

    fn len(&mut self, n: usize) -> &mut Self {
        self.0.extend_from_slice(&(n as u64).to_le_bytes());
        self
    }

    fn byte(&mut self, b: u8) -> &mut Self {
        self.0.push(b);
        self
    }

    fn text(&mut self, s: &str) -> &mut Self {
        self.0.extend_from_slice(s.as_bytes());
        self.byte(0xff)
    }

    fn points(&mut self, points: &[(f64, f64)]) -> &mut Self {
        self.len(points.len());
        for &(x, y) in points {
            self.num(x).num(y);
        }
        self
    }

    fn stroke(&mut self, s: &Stroke) -> &mut Self {
        self.text(s.color).num(s.width).len(s.dash.len());
        for &d in &s.dash {
            self.num(d);
        }
        self
    }

    fn rect(&mut self, r: &Rect) -> &mut Self {
        self.num(r.x).num(r.y).num(r.w).num(r.h).num(r.radius);
        match r.fill {
            Some(c) => self.byte(1).text(c),
            None => self.byte(0),
        };
        match &r.stroke {
            Some(s) => self.byte(1).stroke(s),
            None => self.byte(0),
        };
        self.text(&r.class)
    }

    fn items(&mut self, items: &[Item]) {
        self.len(items.len());
        for item in items {
            match item {
                Item::Rect(r) => {
                    self.byte(0).rect(r);
                }
                Item::Text(t) => {
                    self.byte(1).num(t.x).num(t.y).text(&t.text).num(t.size);
                    self.byte(t.weight as u8).byte(t.anchor as u8);
                    self.text(t.color).text(&t.class);
                }
                Item::Line(l) => {
                    self.byte(2).points(&l.points).stroke(&l.stroke);
                    self.byte(u8::from(l.arrow)).text(&l.class);
                }
                Item::Curve(c) => {
                    self.byte(3)
                        .num(c.start.0)
                        .num(c.start.1)
                        .len(c.segments.len());
                    for segment in &c.segments {
                        for &(x, y) in segment {
                            self.num(x).num(y);
                        }
                    }
                    self.stroke(&c.stroke).byte(u8::from(c.arrow));
                    self.byte(u8::from(c.arrow_start)).text(&c.class);
                }
                Item::Polygon(p) => {
                    self.byte(4).points(&p.points).text(p.fill).num(p.opacity);
                    self.text(&p.class);
                }
                Item::Sector(s) => {
                    self.byte(5).num(s.cx).num(s.cy).num(s.inner).num(s.outer);
                    self.num(s.stretch).num(s.start).num(s.end).text(s.fill);
                    self.num(s.opacity).text(&s.class);
                }
                Item::Group(g) => {
                    self.byte(6).text(&g.class).text(&g.id);
                    match &g.clip {
                        Some(r) => self.byte(1).rect(r),
                        None => self.byte(0),
                    };
                    self.len(g.data.len());
                    for (name, value) in &g.data {
                        self.text(name).text(value);
                    }
                    self.items(&g.items);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect {
            x,
            y,
            w,
            h,
            radius: 0.0,
            fill: None,
            stroke: None,
            class: String::new(),
        }
    }

    #[test]
    fn overlap_and_contain() {
        let a = rect(0.0, 0.0, 10.0, 10.0);
        assert!(a.overlaps(&rect(5.0, 5.0, 10.0, 10.0)));
        assert!(!a.overlaps(&rect(10.0, 0.0, 10.0, 10.0)));
        assert!(a.contains(&rect(1.0, 1.0, 8.0, 8.0)));
        assert!(!a.contains(&rect(1.0, 1.0, 10.0, 8.0)));
    }

    #[test]
    fn segments_cross_or_miss() {
        let a = rect(10.0, 10.0, 10.0, 10.0);
        assert!(a.crossed_by((0.0, 0.0), (30.0, 30.0)));
        assert!(!a.crossed_by((0.0, 0.0), (30.0, 0.0)));
        assert!(!a.crossed_by((0.0, 0.0), (9.0, 9.0)));
        assert!(a.crossed_by((15.0, 0.0), (15.0, 12.0)));
    }

    fn key(scene: &Scene) -> Vec<u8> {
        let mut out = Vec::new();
        scene.key_bytes(&mut out);
        out
    }

    #[test]
    fn the_key_of_a_scene_changes_with_anything_its_svg_would_show() {
        let text = |s: &str, class: &str| {
            Item::Text(Text {
                x: 10.0,
                y: 20.0,
                text: s.into(),
                size: 18.0,
                weight: Weight::Regular,
                anchor: Anchor::Start,
                color: "#000000",
                class: class.into(),
            })
        };
        let base = Scene {
            width: 100.0,
            height: 50.0,
            title: "t".into(),
            background: "#ffffff",
            items: vec![
                Item::Rect(rect(1.0, 2.0, 3.0, 4.0)),
                Item::Group(Group {
                    class: "actor".into(),
                    id: "a".into(),
                    clip: None,
                    data: [("role", "lead".to_owned())].into(),
                    items: vec![text("ab", "c")],
                }),
            ],
        };
        assert_eq!(key(&base), key(&base.clone()));
        let changed = |f: &dyn Fn(&mut Scene)| {
            let mut other = base.clone();
            f(&mut other);
            assert_ne!(other, base);
            assert_ne!(key(&other), key(&base), "{other:?}");
        };
        changed(&|s| s.width = 101.0);
        changed(&|s| s.title = "u".into());
        changed(&|s| {
            s.items.pop();
        });
        changed(&|s| {
            if let Item::Rect(r) = &mut s.items[0] {
                r.fill = Some("#000000");
            }
        });
        changed(&|s| {
            if let Item::Rect(r) = &mut s.items[0] {
                r.stroke = Some(Stroke::dashed("#000000", 1.0, 2.0, 3.0));
            }
        });
        changed(&|s| {
            if let Item::Group(g) = &mut s.items[1] {
                g.data.insert("actor", "x".into());
            }
        });
        changed(&|s| {
            if let Item::Group(g) = &mut s.items[1] {
                g.items = vec![text("a", "bc")];
            }
        });
        changed(&|s| {
            if let Item::Group(g) = &mut s.items[1] {
                g.clip = Some(rect(0.0, 0.0, 1.0, 1.0));
            }
        });
        changed(&|s| {
            if let Item::Group(g) = &mut s.items[1]
                && let Item::Text(t) = &mut g.items[0]
            {
                t.anchor = Anchor::Middle;
            }
        });
        // Items moved out of a group into the next level are another scene.
        changed(&|s| {
            if let Item::Group(g) = &mut s.items[1] {
                let inner = std::mem::take(&mut g.items);
                s.items.extend(inner);
            }
        });
    }
}
