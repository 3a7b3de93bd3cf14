//! Scene -> pixels, straight from the Scene: what parsing its SVG with usvg and drawing the
//! tree with `raster` gives, without writing and reading the SVG. Reading the SVG was a
//! third of a picture's time, most of it usvg turning every glyph of the text into a path
//! that nothing here draws (glyphs are laid from `raster`'s cache of masks).
//!
//! Every item is drawn as the SVG writer (`svg.rs`) says it, with the same numbers: a
//! rectangle and its rounded corners, text shaped as resvg shapes it (`text::glyphs`, white
//! space as an SVG reader reads it), polylines and curves with round caps and their arrow
//! heads, translucent polygons, ring sectors. A scene this does not draw the way usvg would
//! (a clipped group, a colour that is not `#rrggbb`) is left to the SVG route: `paintable`.

use resvg::tiny_skia::{self, FillRule, Paint, PathBuilder, PixmapMut, Transform};
use resvg::usvg;

use super::raster::{self, Glyphs};
use super::svg;
use crate::layout::scene::{Anchor, Curve, Item, Rect, Scene, Stroke, Text};
use crate::layout::text::{self, Weight};

/// Whether `paint` (and the PDF writer) draw `scene` as its SVG reads: no clipped group,
/// every colour `#rrggbb`, every number finite, also as the `f32` both draw with (an SVG
/// reader drops what a `NaN` would break, where the PDF writer would write `inf`: that scene
/// goes through its SVG).
pub(super) fn paintable(scene: &Scene) -> bool {
    fn finite(values: &[f64]) -> bool {
        values.iter().all(|&v| (v as f32).is_finite())
    }
    fn points(points: &[(f64, f64)]) -> bool {
        points.iter().all(|&(x, y)| finite(&[x, y]))
    }
    fn stroke(s: &Stroke) -> bool {
        colour(s.color).is_some() && s.width.is_finite() && finite(&s.dash)
    }
    fn all(items: &[Item]) -> bool {
        items.iter().all(|item| match item {
            Item::Rect(r) => {
                r.fill.is_none_or(|c| colour(c).is_some())
                    && r.stroke.as_ref().is_none_or(stroke)
                    && finite(&[r.x, r.y, r.w, r.h, r.radius])
            }
            Item::Text(t) => colour(t.color).is_some() && finite(&[t.x, t.y, t.size]),
            Item::Line(l) => stroke(&l.stroke) && points(&l.points),
            Item::Curve(c) => {
                stroke(&c.stroke)
                    && points(&[c.start])
                    && c.segments.iter().all(|segment| points(segment))
            }
            Item::Polygon(p) => {
                colour(p.fill).is_some() && points(&p.points) && finite(&[p.opacity])
            }
            Item::Sector(s) => {
                colour(s.fill).is_some()
                    && finite(&[
                        s.cx, s.cy, s.inner, s.outer, s.stretch, s.start, s.end, s.opacity,
                    ])
            }
            Item::Group(g) => g.clip.is_none() && all(&g.items),
        })
    }
    colour(scene.background).is_some() && finite(&[scene.width, scene.height]) && all(&scene.items)
}

/// Draw `scene` into `pixmap` at `scale` pixels to the scene's unit (`paintable` scenes),
/// its background too when `background` (else the picture holds it already).
pub(super) fn paint(scene: &Scene, scale: f32, background: bool, pixmap: &mut PixmapMut) {
    let db = super::png::fontdb();
    let fonts = Fonts::of(&db);
    let mut painter = Painter {
        ts: Transform::from_scale(scale, scale),
        scale,
        glyphs: Glyphs::new(Some(&db)),
        fonts,
    };
    if let Some(c) = colour(scene.background).filter(|_| background) {
        let whole = Rect {
            x: 0.0,
            y: 0.0,
            w: scene.width,
            h: scene.height,
            radius: 0.0,
            fill: Some(scene.background),
            stroke: None,
            class: String::new(),
        };
        if let Some(path) = rect_path(&whole) {
            fill(pixmap, &path, c, painter.ts);
        }
    }
    painter.items(&scene.items, pixmap);
}

/// The faces of the shipped font in the database the PNGs are drawn with.
#[derive(Clone, Copy)]
struct Fonts {
    regular: Option<usvg::fontdb::ID>,
    bold: Option<usvg::fontdb::ID>,
}

impl Fonts {
    fn of(db: &usvg::fontdb::Database) -> Fonts {
        let find = |bold: bool| {
            db.faces()
                .find(|f| (f.weight == usvg::fontdb::Weight::BOLD) == bold)
                .map(|f| f.id)
        };
        Fonts {
            regular: find(false),
            bold: find(true),
        }
    }
}

struct Painter<'a> {
    ts: Transform,
    scale: f32,
    glyphs: Glyphs<'a>,
    fonts: Fonts,
}

impl Painter<'_> {
    fn items(&mut self, items: &[Item], pixmap: &mut PixmapMut) {
        for item in items {
            match item {
                Item::Rect(r) => self.rect(r, pixmap),
                Item::Text(t) => self.text(t, pixmap),
                Item::Line(l) => {
                    if l.points.len() >= 2 {
                        let mut pb = PathBuilder::new();
                        polyline(&mut pb, &l.points);
                        self.line(pb, &l.stroke, pixmap);
                        if l.arrow {
                            let n = l.points.len();
                            self.arrow(l.points[n - 2], l.points[n - 1], &l.stroke, pixmap);
                        }
                    }
                }
                Item::Curve(c) => {
                    let mut pb = PathBuilder::new();
                    curve(&mut pb, c);
                    self.line(pb, &c.stroke, pixmap);
                    if c.arrow {
                        let (from, to) = c.end_tangent();
                        self.arrow(from, to, &c.stroke, pixmap);
                    }
                    if c.arrow_start {
                        let (from, to) = c.start_tangent();
                        self.arrow(from, to, &c.stroke, pixmap);
                    }
                }
                Item::Polygon(p) => {
                    // An SVG reader draws no polygon of fewer than two points.
                    if p.points.len() >= 2 {
                        let mut pb = PathBuilder::new();
                        polyline(&mut pb, &p.points);
                        pb.close();
                        if let (Some(path), Some(c)) = (pb.finish(), colour(p.fill)) {
                            fill(pixmap, &path, with_opacity(c, p.opacity), self.ts);
                        }
                    }
                }
                Item::Sector(s) => {
                    let shape = svg::SectorShape::of(s);
                    if let (Some(path), Some(c)) = (sector_path(&shape), colour(s.fill)) {
                        fill(pixmap, &path, with_opacity(c, s.opacity), self.ts);
                    }
                }
                Item::Group(g) => self.items(&g.items, pixmap),
            }
        }
    }

    fn rect(&mut self, r: &Rect, pixmap: &mut PixmapMut) {
        let Some(path) = rect_path(r) else {
            return;
        };
        if let Some(c) = r.fill.and_then(colour) {
            fill(pixmap, &path, c, self.ts);
        }
        if let Some(stroke) = r.stroke.as_ref().filter(|s| s.width > 0.0) {
            self.stroke(&path, stroke, tiny_skia::LineCap::Butt, pixmap);
        }
    }

    /// A polyline or a curve: stroked with round caps, never filled.
    fn line(&mut self, pb: PathBuilder, stroke: &Stroke, pixmap: &mut PixmapMut) {
        if let Some(path) = pb.finish() {
            self.stroke(&path, stroke, tiny_skia::LineCap::Round, pixmap);
        }
    }

    fn stroke(
        &mut self,
        path: &tiny_skia::Path,
        stroke: &Stroke,
        cap: tiny_skia::LineCap,
        pixmap: &mut PixmapMut,
    ) {
        let Some(c) = colour(stroke.color) else {
            return;
        };
        if !(stroke.width > 0.0 && stroke.width.is_finite()) {
            return;
        }
        let mut sk = tiny_skia::Stroke {
            width: stroke.width as f32,
            line_cap: cap,
            ..tiny_skia::Stroke::default()
        };
        sk.dash = dash(&stroke.dash);
        pixmap.stroke_path(path, &paint_of(c), &sk, self.ts, None);
    }

    fn arrow(&mut self, from: (f64, f64), to: (f64, f64), stroke: &Stroke, pixmap: &mut PixmapMut) {
        let mut pb = PathBuilder::new();
        polyline(&mut pb, &svg::arrow_head(from, to, stroke));
        pb.close();
        if let (Some(path), Some(colour)) = (pb.finish(), colour(stroke.color)) {
            fill(pixmap, &path, colour, self.ts);
        }
    }

    fn text(&mut self, t: &Text, pixmap: &mut PixmapMut) {
        let line = text::as_svg_reads(&t.text);
        let size = t.size as f32;
        let (Some(c), Some(font)) = (
            colour(t.color),
            match t.weight {
                Weight::Regular => self.fonts.regular,
                Weight::Bold => self.fonts.bold,
            },
        ) else {
            return;
        };
        if line.is_empty() || !(size > 0.0 && size.is_finite()) {
            return;
        }
        let shaped = text::glyphs(&line, t.weight);
        let em = text::units_per_em(t.weight) as f32;
        let unit = size / em;
        let width = shaped.advance as f32 * unit;
        let start = t.x as f32
            - match t.anchor {
                Anchor::Start => 0.0,
                Anchor::Middle => width / 2.0,
                Anchor::End => width,
            };
        let y = t.y as f32;
        for g in &shaped.glyphs {
            let x = start + g.cluster as f32 * unit + g.dx as f32 * unit;
            let y = y - g.dy as f32 * unit;
            let (px, py) = (x * self.ts.sx + self.ts.tx, y * self.ts.sy + self.ts.ty);
            raster::lay_glyph(
                pixmap,
                &mut self.glyphs,
                font,
                g.id,
                (unit * self.scale, em),
                (px, py),
                c,
            );
        }
    }
}

/// `#rrggbb` as a colour, else `None`.
pub(super) fn colour(c: &str) -> Option<tiny_skia::Color> {
    let hex = c.strip_prefix('#').filter(|h| h.len() == 6)?;
    let v = u32::from_str_radix(hex, 16).ok()?;
    Some(tiny_skia::Color::from_rgba8(
        (v >> 16) as u8,
        (v >> 8) as u8,
        v as u8,
        u8::MAX,
    ))
}

/// The colour with an SVG opacity (see [`opacity`]).
fn with_opacity(mut c: tiny_skia::Color, o: f64) -> tiny_skia::Color {
    c.apply_opacity(opacity(o));
    c
}

/// An SVG opacity as a reader takes it: clamped to 0..1 and kept as a byte, as usvg does.
pub(super) fn opacity(o: f64) -> f32 {
    let o = if o.is_nan() { 1.0 } else { o.clamp(0.0, 1.0) };
    f32::from((o * 255.0).round() as u8) / 255.0
}

fn paint_of(c: tiny_skia::Color) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color(c);
    paint.anti_alias = true;
    paint
}

fn fill(pixmap: &mut PixmapMut, path: &tiny_skia::Path, c: tiny_skia::Color, ts: Transform) {
    pixmap.fill_path(path, &paint_of(c), FillRule::Winding, ts, None);
}

/// The dashes of a stroke as an SVG reader takes them (see [`dash_list`]).
fn dash(lengths: &[f64]) -> Option<tiny_skia::StrokeDash> {
    tiny_skia::StrokeDash::new(dash_list(lengths)?, 0.0)
}

/// The dash and gap lengths of a stroke as an SVG reader takes them: an odd list repeated
/// once; none (a solid line) for a list with a negative length or that sums to nothing.
pub(super) fn dash_list(lengths: &[f64]) -> Option<Vec<f32>> {
    if lengths.is_empty() || lengths.iter().any(|&d| !(d >= 0.0 && d.is_finite())) {
        return None;
    }
    let mut list: Vec<f32> = lengths.iter().map(|&d| d as f32).collect();
    if list.len() % 2 == 1 {
        list.extend_from_within(..);
    }
    (list.iter().sum::<f32>() > 0.0).then_some(list)
}

/// What draws an outline: a path of tiny-skia here, a PDF content stream (`pdf_scene`).
pub(super) trait Pen {
    fn move_to(&mut self, x: f32, y: f32);
    fn line_to(&mut self, x: f32, y: f32);
    fn cubic_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32);
    fn close(&mut self);
}

impl Pen for PathBuilder {
    fn move_to(&mut self, x: f32, y: f32) {
        PathBuilder::move_to(self, x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        PathBuilder::line_to(self, x, y);
    }

    fn cubic_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        PathBuilder::cubic_to(self, x1, y1, x2, y2, x, y);
    }

    fn close(&mut self) {
        PathBuilder::close(self);
    }
}

/// A line through `points` (at least one).
pub(super) fn polyline(pen: &mut impl Pen, points: &[(f64, f64)]) {
    for (i, &(x, y)) in points.iter().enumerate() {
        if i == 0 {
            pen.move_to(x as f32, y as f32);
        } else {
            pen.line_to(x as f32, y as f32);
        }
    }
}

/// A curve's Bézier segments from its start.
pub(super) fn curve(pen: &mut impl Pen, c: &Curve) {
    pen.move_to(c.start.0 as f32, c.start.1 as f32);
    for [c1, c2, end] in &c.segments {
        let f = |v: f64| v as f32;
        pen.cubic_to(f(c1.0), f(c1.1), f(c2.0), f(c2.1), f(end.0), f(end.1));
    }
}

/// A rectangle's outline, its corners rounded as SVG rounds them (`rx`, the same across and
/// down, at most half of each side); none for a rectangle without area, which an SVG reader
/// does not draw.
pub(super) fn rect_path(r: &Rect) -> Option<tiny_skia::Path> {
    let mut pb = PathBuilder::new();
    outline_rect(&mut pb, r).then_some(())?;
    pb.finish()
}

/// [`rect_path`] drawn with `pen`: false, and nothing drawn, for a rectangle without area.
pub(super) fn outline_rect(pen: &mut impl Pen, r: &Rect) -> bool {
    let (x, y, w, h) = (r.x as f32, r.y as f32, r.w as f32, r.h as f32);
    if !(w > 0.0 && h > 0.0 && x.is_finite() && y.is_finite() && w.is_finite() && h.is_finite()) {
        return false;
    }
    let rx = (r.radius as f32).min(w / 2.0);
    let ry = (r.radius as f32).min(h / 2.0);
    if !(rx > 0.0 && ry > 0.0) {
        pen.move_to(x, y);
        pen.line_to(x + w, y);
        pen.line_to(x + w, y + h);
        pen.line_to(x, y + h);
        pen.close();
        return true;
    }
    pen.move_to(x + rx, y);
    pen.line_to(x + w - rx, y);
    arc(pen, (x + w - rx, y + ry), (rx, ry), 270.0, 360.0);
    pen.line_to(x + w, y + h - ry);
    arc(pen, (x + w - rx, y + h - ry), (rx, ry), 0.0, 90.0);
    pen.line_to(x + rx, y + h);
    arc(pen, (x + rx, y + h - ry), (rx, ry), 90.0, 180.0);
    pen.line_to(x, y + ry);
    arc(pen, (x + rx, y + ry), (rx, ry), 180.0, 270.0);
    pen.close();
    true
}

/// The arc of the ellipse around `centre` from angle `from` to angle `to` (degrees
/// clockwise on screen from the x axis, within 90 of each other), as one cubic Bézier, from
/// wherever the pen is.
fn arc(pen: &mut impl Pen, (cx, cy): (f32, f32), (rx, ry): (f32, f32), from: f32, to: f32) {
    let (a, b) = (from.to_radians(), to.to_radians());
    let k = 4.0 / 3.0 * ((b - a) / 4.0).tan();
    let (sa, ca) = a.sin_cos();
    let (sb, cb) = b.sin_cos();
    pen.cubic_to(
        cx + rx * (ca - k * sa),
        cy + ry * (sa + k * ca),
        cx + rx * (cb + k * sb),
        cy + ry * (sb - k * cb),
        cx + rx * cb,
        cy + ry * sb,
    );
}

/// An arc from angle `from` to `to` in steps of at most 90 degrees.
fn arcs(pen: &mut impl Pen, centre: (f32, f32), radii: (f32, f32), from: f32, to: f32) {
    let steps = ((to - from).abs() / 90.0).ceil().clamp(1.0, 64.0) as usize;
    let step = (to - from) / steps as f32;
    for i in 0..steps {
        let a = from + step * i as f32;
        arc(pen, centre, radii, a, a + step);
    }
}

/// The ring sector's outline as its SVG path draws it: the outer arc from its start to its
/// end, the inner one back. An arc whose ends fall on the same point is drawn as nothing,
/// as an SVG reader drops it.
pub(super) fn sector_path(s: &svg::SectorShape) -> Option<tiny_skia::Path> {
    let mut pb = PathBuilder::new();
    outline_sector(&mut pb, s);
    pb.finish()
}

/// [`sector_path`] drawn with `pen`.
pub(super) fn outline_sector(pen: &mut impl Pen, s: &svg::SectorShape) {
    let f = |v: f64| v as f32;
    pen.move_to(f(s.a.0), f(s.a.1));
    let centre = (f(s.centre.0), f(s.centre.1));
    if s.a != s.b {
        arcs(
            pen,
            centre,
            (f(s.outer.0), f(s.outer.1)),
            f(s.start),
            f(s.end),
        );
    }
    pen.line_to(f(s.c.0), f(s.c.1));
    if s.c != s.d {
        arcs(
            pen,
            centre,
            (f(s.inner.0), f(s.inner.1)),
            f(s.end),
            f(s.start),
        );
    }
    pen.close();
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::layout::scene::{Group, Line, Polygon, Sector};

    /// The scene painted here, and its SVG parsed and drawn (the route it replaces).
    fn both(scene: &Scene) -> (tiny_skia::Pixmap, tiny_skia::Pixmap) {
        let (w, h) = super::super::png::pixel_size(scene);
        let mut mine = tiny_skia::Pixmap::new(w, h).unwrap();
        let scale = w as f32 / scene.width as f32;
        paint(scene, scale, true, &mut mine.as_mut());
        let tree = super::super::png::parse(&svg::write(scene)).unwrap();
        let mut theirs = tiny_skia::Pixmap::new(w, h).unwrap();
        raster::render(
            &tree,
            Transform::from_scale(scale, scale),
            &mut theirs.as_mut(),
        );
        (mine, theirs)
    }

    /// How far apart two pictures are: the mean difference of a colour channel, and the
    /// share of pixels that differ by more than a quarter of the scale on some channel.
    fn apart(a: &tiny_skia::Pixmap, b: &tiny_skia::Pixmap) -> (f64, f64) {
        let mut sum = 0u64;
        let mut far = 0usize;
        for (p, q) in a.data().chunks_exact(4).zip(b.data().chunks_exact(4)) {
            let d: Vec<u8> = p.iter().zip(q).map(|(x, y)| x.abs_diff(*y)).collect();
            sum += d.iter().map(|&d| u64::from(d)).sum::<u64>();
            if d.iter().any(|&d| d > 64) {
                far += 1;
            }
        }
        let pixels = a.data().len() / 4;
        (
            sum as f64 / a.data().len() as f64,
            far as f64 / pixels as f64,
        )
    }

    fn text(x: f64, y: f64, s: &str, size: f64, weight: Weight, anchor: Anchor) -> Item {
        Item::Text(Text {
            x,
            y,
            text: s.into(),
            size,
            weight,
            anchor,
            color: "#1b2a4a",
            class: String::new(),
        })
    }

    /// Every kind of item, with what an SVG reader does of odd values.
    pub fn every_item() -> Scene {
        let rect = |x: f64, w: f64, radius: f64, dash: Vec<f64>| {
            Item::Rect(Rect {
                x,
                y: 20.5,
                w,
                h: 90.0,
                radius,
                fill: Some("#dce6f2"),
                stroke: Some(Stroke {
                    color: "#c00000",
                    width: 3.0,
                    dash,
                }),
                class: String::new(),
            })
        };
        let items = vec![
            rect(20.0, 160.0, 14.0, Vec::new()),
            rect(200.0, 120.0, 200.0, vec![9.0, 5.0]),
            rect(340.0, 0.0, 4.0, Vec::new()),
            rect(360.0, 100.0, 0.0, vec![7.0]),
            text(
                30.0,
                60.0,
                "Chef de file : Sevadec",
                22.0,
                Weight::Bold,
                Anchor::Start,
            ),
            text(
                260.3,
                95.7,
                "  « en  bonne\tvoie »  ",
                17.5,
                Weight::Regular,
                Anchor::Middle,
            ),
            text(
                780.0,
                60.0,
                "Réduire le gaspillage fi ffl",
                19.0,
                Weight::Regular,
                Anchor::End,
            ),
            text(500.0, 380.0, "Og", 300.0, Weight::Bold, Anchor::Start),
            text(10.0, 10.0, " ", 20.0, Weight::Regular, Anchor::Start),
            // What the font lacks is its blank box, as with only the shipped font.
            text(
                420.0,
                430.0,
                "Ωmega 日本 🎉 x\u{301}",
                20.0,
                Weight::Regular,
                Anchor::Start,
            ),
            Item::Group(Group {
                class: "g".into(),
                id: "x".into(),
                clip: None,
                data: Default::default(),
                items: vec![
                    Item::Line(Line {
                        points: vec![(40.0, 150.0), (200.0, 150.0), (260.0, 260.0)],
                        stroke: Stroke::dashed("#555555", 2.5, 8.0, 6.0),
                        arrow: true,
                        class: String::new(),
                    }),
                    Item::Line(Line {
                        points: vec![(300.0, 140.0), (300.0, 300.0)],
                        stroke: Stroke::solid("#1b2a4a", 2.0),
                        arrow: false,
                        class: String::new(),
                    }),
                    // A turn of 20 degrees: its miter (5.8 times the width) is cut at SVG's
                    // limit of 4, where PDF's default of 10 would leave a spike.
                    Item::Line(Line {
                        points: vec![(330.0, 300.0), (600.0, 300.0), (318.1, 197.4)],
                        stroke: Stroke::solid("#1b2a4a", 12.0),
                        arrow: false,
                        class: String::new(),
                    }),
                    // A line of no length, which an SVG reader does not draw.
                    Item::Line(Line {
                        points: vec![(620.0, 60.0), (620.0, 60.0)],
                        stroke: Stroke::solid("#1b2a4a", 20.0),
                        arrow: false,
                        class: String::new(),
                    }),
                    Item::Curve(Curve {
                        start: (40.0, 300.0),
                        segments: vec![[(120.0, 200.0), (200.0, 400.0), (280.0, 320.0)]],
                        stroke: Stroke::solid("#2e7d32", 3.0),
                        arrow: true,
                        arrow_start: true,
                        class: String::new(),
                    }),
                ],
            }),
            Item::Polygon(Polygon {
                points: vec![(420.0, 150.0), (560.0, 170.0), (480.0, 290.0)],
                fill: "#2e7d32",
                opacity: 0.4,
                class: String::new(),
            }),
            Item::Sector(Sector {
                cx: 650.0,
                cy: 300.0,
                inner: 40.0,
                outer: 110.0,
                stretch: 1.3,
                start: -80.0,
                end: 150.0,
                fill: "#e69f00",
                opacity: 0.7,
                class: String::new(),
            }),
        ];
        Scene {
            width: 800.0,
            height: 450.0,
            title: "t".into(),
            background: "#f4f1ea",
            items,
        }
    }

    /// A sector whose angles go backwards, over more than a turn, or whose circle is
    /// mirrored is drawn the same by both routes.
    #[test]
    fn an_odd_sector_is_painted_as_its_svg_is_drawn() {
        for (start, end, stretch) in [
            (-80.0, 150.0, 1.0),
            (90.0, 0.0, 1.0),
            (0.0, 400.0, 1.0),
            (0.0, 359.0, 1.0),
            (10.0, 120.0, -1.5),
            (200.0, 10.0, -1.0),
        ] {
            let scene = Scene {
                width: 400.0,
                height: 400.0,
                title: "t".into(),
                background: "#ffffff",
                items: vec![Item::Sector(Sector {
                    cx: 200.0,
                    cy: 200.0,
                    inner: 40.0,
                    outer: 110.0,
                    stretch,
                    start,
                    end,
                    fill: "#e69f00",
                    opacity: 1.0,
                    class: String::new(),
                })],
            };
            let (mine, theirs) = both(&scene);
            let (mean, far) = apart(&mine, &theirs);
            assert!(
                mean < 0.1 && far < 0.001,
                "{start} to {end}, stretch {stretch}: {mean} {far}"
            );
        }
    }

    #[test]
    fn every_kind_of_item_is_painted_as_its_svg_is_drawn() {
        let scene = every_item();
        assert!(paintable(&scene));
        let (mine, theirs) = both(&scene);
        let (mean, far) = apart(&mine, &theirs);
        // Curves and arcs are cut into other segments, glyphs land within a rounding of
        // where usvg puts them: edges differ a little, nothing else.
        assert!(mean < 0.01, "mean difference {mean}");
        assert!(far < 0.001, "{:.3} % of pixels far apart", far * 100.0);
        // And each item is drawn at all: without it the picture is much further apart;
        // but a rectangle without area and a line of white space, which an SVG reader
        // does not draw.
        for i in 0..scene.items.len() {
            let mut less = scene.clone();
            less.items.remove(i);
            let (without, _) = both(&less);
            if [2, 8].contains(&i) {
                assert_eq!(without.data(), mine.data(), "item {i} is drawn");
                continue;
            }
            let (m, f) = apart(&without, &theirs);
            assert!(
                m > 2.0 * mean || f > 2.0 * far + 0.0005,
                "item {i} is not drawn: {m} {f}"
            );
        }
    }

    #[test]
    fn every_bundled_map_is_painted_as_its_svg_is_drawn() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("actors/calaisis");
        let t = crate::load::load(&dir).unwrap();
        let opts = crate::layout::Options::default();
        let kinds = crate::maps::build_list(&t);
        assert!(kinds.len() > 10);
        for kind in kinds {
            for scene in crate::maps::scenes(&t, &kind, &opts) {
                assert!(paintable(&scene), "{kind:?}");
                let (mine, theirs) = both(&scene);
                let (mean, far) = apart(&mine, &theirs);
                assert!(mean < 0.01 && far < 0.0005, "{kind:?}: {mean} {far}");
            }
        }
    }

    #[test]
    fn a_clipped_group_or_an_unknown_colour_is_left_to_the_svg() {
        let mut scene = every_item();
        scene.items.push(Item::Group(Group {
            class: String::new(),
            id: String::new(),
            clip: Some(Rect {
                x: 0.0,
                y: 0.0,
                w: 10.0,
                h: 10.0,
                radius: 0.0,
                fill: None,
                stroke: None,
                class: String::new(),
            }),
            data: Default::default(),
            items: Vec::new(),
        }));
        assert!(!paintable(&scene));
        let mut scene = every_item();
        scene.background = "white";
        assert!(!paintable(&scene));
        assert!(super::super::png::from_scene(&scene).is_none());
        assert!(super::super::png::write(&scene).is_ok());
        // A number that is not one (a layout's bug) is left to the SVG reader, which drops
        // what it breaks; the picture and the PDF page are still made.
        let mut scene = every_item();
        if let Item::Group(g) = &mut scene.items[10]
            && let Item::Line(l) = &mut g.items[0]
        {
            l.points[1].0 = f64::NAN;
        } else {
            panic!("item 10 is the group of lines");
        }
        assert!(!paintable(&scene));
        assert!(super::super::png::write(&scene).is_ok());
        #[cfg(feature = "pdf")]
        {
            let page = super::super::deck::Page::scene(scene.clone());
            assert!(super::super::pdf::scene_drawing(&page, &scene).is_none());
        }
        // So is a number too large for the f32 the painter and the PDF writer draw with: the
        // PDF page would say `inf`, which a PDF reader does not take.
        let mut scene = every_item();
        if let Item::Group(g) = &mut scene.items[10]
            && let Item::Line(l) = &mut g.items[0]
        {
            l.points[1].0 = 1e39;
        }
        assert!(!paintable(&scene));
        scene.items.truncate(10);
        scene.width = 1e-50;
        assert!(paintable(&scene));
        #[cfg(feature = "pdf")]
        {
            let page = super::super::deck::Page::scene(scene.clone());
            assert!(super::super::pdf::scene_drawing(&page, &scene).is_none());
        }
    }
}
