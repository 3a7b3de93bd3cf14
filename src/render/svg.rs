//! Scene -> standalone SVG: no external font or image, every user string escaped, the
//! shipped font named first in the font stack, the same bytes for the same scene.

use std::fmt::Write;

use crate::layout::scene::{
    Anchor, Curve, Item, Line, Polygon, Rect, Scene, Sector, Stroke, Text, Weight,
};
use crate::layout::text::FONT_FAMILY;

/// Escape text for XML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids are dropped rather than written: a reader refuses
            // the whole file for one of them.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{fffe}' | '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The scene as an SVG document.
pub fn write(scene: &Scene) -> String {
    write_inline(scene, "")
}

/// The scene as an SVG element for a page holding several: the ids it defines (its clip
/// paths) start with `prefix`, so two pictures of one page never share one.
pub fn write_inline(scene: &Scene, prefix: &str) -> String {
    let mut s = String::with_capacity(64 * 1024);
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="'{FONT_FAMILY}', 'DejaVu Sans', Arial, Helvetica, sans-serif">"#,
        w = scene.width,
        h = scene.height
    );
    let _ = writeln!(s, "<title>{}</title>", escape(&scene.title));
    let _ = writeln!(
        s,
        r#"<rect x="0" y="0" width="{}" height="{}" fill="{}"/>"#,
        scene.width, scene.height, scene.background
    );
    let mut clips = 0;
    for item in &scene.items {
        write_item(&mut s, item, 0, &mut clips, prefix);
    }
    s.push_str("</svg>\n");
    s
}

fn stroke_attrs(s: &mut String, stroke: &Stroke) {
    let _ = write!(
        s,
        r#" stroke="{}" stroke-width="{}""#,
        stroke.color, stroke.width
    );
    if !stroke.dash.is_empty() {
        let dash: Vec<String> = stroke.dash.iter().map(|d| d.to_string()).collect();
        let _ = write!(s, r#" stroke-dasharray="{}""#, dash.join(" "));
    }
}

fn class_attr(s: &mut String, class: &str) {
    if !class.is_empty() {
        let _ = write!(s, r#" class="{}""#, escape(class));
    }
}

fn write_item(s: &mut String, item: &Item, depth: usize, clips: &mut usize, prefix: &str) {
    for _ in 0..depth {
        s.push(' ');
    }
    match item {
        Item::Rect(r) => rect(s, r),
        Item::Text(t) => text(s, t),
        Item::Line(l) => line(s, l),
        Item::Curve(c) => curve(s, c),
        Item::Polygon(poly) => polygon(s, poly),
        Item::Sector(sec) => sector(s, sec),
        Item::Group(g) => {
            if let Some(c) = &g.clip {
                *clips += 1;
                let _ = write!(
                    s,
                    r#"<clipPath id="{}clip{}"><rect x="{}" y="{}" width="{}" height="{}" rx="{}"/></clipPath>"#,
                    escape(prefix),
                    clips,
                    c.x,
                    c.y,
                    c.w,
                    c.h,
                    c.radius
                );
                s.push('\n');
                for _ in 0..depth {
                    s.push(' ');
                }
            }
            s.push_str("<g");
            if g.clip.is_some() {
                let _ = write!(s, r#" clip-path="url(#{}clip{clips})""#, escape(prefix));
            }
            class_attr(s, &g.class);
            if !g.id.is_empty() {
                let _ = write!(s, r#" data-id="{}""#, escape(&g.id));
            }
            for (name, value) in &g.data {
                let _ = write!(s, r#" data-{}="{}""#, escape(name), escape(value));
            }
            s.push_str(">\n");
            for i in &g.items {
                write_item(s, i, depth + 1, clips, prefix);
            }
            for _ in 0..depth {
                s.push(' ');
            }
            s.push_str("</g>\n");
        }
    }
}

fn rect(s: &mut String, r: &Rect) {
    let _ = write!(
        s,
        r#"<rect x="{}" y="{}" width="{}" height="{}""#,
        r.x, r.y, r.w, r.h
    );
    if r.radius > 0.0 {
        let _ = write!(s, r#" rx="{}""#, r.radius);
    }
    let _ = write!(s, r#" fill="{}""#, r.fill.unwrap_or("none"));
    if let Some(stroke) = &r.stroke
        && stroke.width > 0.0
    {
        stroke_attrs(s, stroke);
    }
    class_attr(s, &r.class);
    s.push_str("/>\n");
}

fn text(s: &mut String, t: &Text) {
    let _ = write!(s, r#"<text x="{}" y="{}" font-size="{}""#, t.x, t.y, t.size);
    if t.weight == Weight::Bold {
        s.push_str(r#" font-weight="700""#);
    }
    match t.anchor {
        Anchor::Start => {}
        Anchor::Middle => s.push_str(r#" text-anchor="middle""#),
        Anchor::End => s.push_str(r#" text-anchor="end""#),
    }
    let _ = write!(s, r#" fill="{}""#, t.color);
    class_attr(s, &t.class);
    let _ = writeln!(s, ">{}</text>", escape(&t.text));
}

fn line(s: &mut String, l: &Line) {
    let points: Vec<String> = l.points.iter().map(|(x, y)| format!("{x},{y}")).collect();
    let _ = write!(s, r#"<polyline points="{}" fill="none""#, points.join(" "));
    stroke_attrs(s, &l.stroke);
    s.push_str(r#" stroke-linecap="round""#);
    class_attr(s, &l.class);
    s.push_str("/>\n");
    if l.arrow && l.points.len() >= 2 {
        let from = l.points[l.points.len() - 2];
        let to = l.points[l.points.len() - 1];
        arrow(s, from, to, &l.stroke);
    }
}

/// A filled triangle at `to`, pointing away from `from`, sized after the stroke.
fn arrow(s: &mut String, from: (f64, f64), to: (f64, f64), stroke: &Stroke) {
    let [a, b, c] = arrow_head(from, to, stroke);
    let _ = writeln!(
        s,
        r#"<path d="M{},{} L{},{} L{},{} Z" fill="{}"/>"#,
        a.0, a.1, b.0, b.1, c.0, c.1, stroke.color
    );
}

/// The corners of the arrow head at `to`, pointing away from `from` and sized after the
/// stroke, as the SVG writes them (to the hundredth): its tip first.
pub(super) fn arrow_head(
    (x1, y1): (f64, f64),
    (x2, y2): (f64, f64),
    stroke: &Stroke,
) -> [(f64, f64); 3] {
    let len = ((x2 - x1).powi(2) + (y2 - y1).powi(2)).sqrt().max(1e-9);
    let (ux, uy) = ((x2 - x1) / len, (y2 - y1) / len);
    let size = 4.0 * stroke.width + 4.0;
    let r = |v: f64| (v * 100.0).round() / 100.0;
    let (bx, by) = (x2 - ux * size, y2 - uy * size);
    let (px, py) = (-uy * size / 2.0, ux * size / 2.0);
    [
        (r(x2), r(y2)),
        (r(bx + px), r(by + py)),
        (r(bx - px), r(by - py)),
    ]
}

fn curve(s: &mut String, c: &Curve) {
    let _ = write!(s, r#"<path d="M{},{}"#, c.start.0, c.start.1);
    for [c1, c2, end] in &c.segments {
        let _ = write!(
            s,
            " C{},{} {},{} {},{}",
            c1.0, c1.1, c2.0, c2.1, end.0, end.1
        );
    }
    s.push_str(r#"" fill="none""#);
    stroke_attrs(s, &c.stroke);
    s.push_str(r#" stroke-linecap="round""#);
    class_attr(s, &c.class);
    s.push_str("/>\n");
    if c.arrow {
        let (from, to) = c.end_tangent();
        arrow(s, from, to, &c.stroke);
    }
    if c.arrow_start {
        let (from, to) = c.start_tangent();
        arrow(s, from, to, &c.stroke);
    }
}

fn polygon(s: &mut String, poly: &Polygon) {
    let points: Vec<String> = poly
        .points
        .iter()
        .map(|(x, y)| format!("{x},{y}"))
        .collect();
    let _ = write!(
        s,
        r#"<polygon points="{}" fill="{}" fill-opacity="{}""#,
        points.join(" "),
        poly.fill,
        poly.opacity
    );
    class_attr(s, &poly.class);
    s.push_str("/>\n");
}

fn sector(s: &mut String, sec: &Sector) {
    let SectorShape {
        a,
        b,
        c,
        d,
        outer: (ox, oy),
        inner: (ix, iy),
        large,
        ..
    } = SectorShape::of(sec);
    let large = u8::from(large);
    // Clockwise on screen, unless a negative stretch mirrors the circle.
    let (out, back) = if sec.stretch < 0.0 { (0, 1) } else { (1, 0) };
    let _ = write!(
        s,
        r#"<path d="M{},{} A{ox},{oy} 0 {large} {out} {},{} L{},{} A{ix},{iy} 0 {large} {back} {},{} Z" fill="{}" fill-opacity="{}""#,
        a.0, a.1, b.0, b.1, c.0, c.1, d.0, d.1, sec.fill, sec.opacity
    );
    class_attr(s, &sec.class);
    s.push_str("/>\n");
}

/// A ring sector's outline as the SVG writes it (to the hundredth): the outer arc from `a`
/// (its start) to `b`, a line to `c`, the inner arc back to `d`. Its angles go upwards, the
/// smaller first, over less than a whole turn (which an SVG arc cannot draw: it would end
/// where it starts, and be left out).
pub(super) struct SectorShape {
    pub a: (f64, f64),
    pub b: (f64, f64),
    pub c: (f64, f64),
    pub d: (f64, f64),
    pub centre: (f64, f64),
    /// The outer and inner radii, across and down.
    pub outer: (f64, f64),
    pub inner: (f64, f64),
    /// The angles, degrees clockwise from the x axis.
    pub start: f64,
    pub end: f64,
    /// Whether the arcs span over 180 degrees.
    pub large: bool,
}

impl SectorShape {
    pub fn of(sec: &Sector) -> SectorShape {
        let (start, end) = if sec.end < sec.start {
            (sec.end, sec.start)
        } else {
            (sec.start, sec.end)
        };
        let end = end.min(start + 359.99);
        let r = |v: f64| (v * 100.0).round() / 100.0;
        let at = |radius: f64, deg: f64| {
            let t = deg.to_radians();
            (
                r(sec.cx + radius * sec.stretch * t.cos()),
                r(sec.cy + radius * t.sin()),
            )
        };
        SectorShape {
            a: at(sec.outer, start),
            b: at(sec.outer, end),
            c: at(sec.inner, end),
            d: at(sec.inner, start),
            centre: (sec.cx, sec.cy),
            outer: (r(sec.outer * sec.stretch), r(sec.outer)),
            inner: (r(sec.inner * sec.stretch), r(sec.inner)),
            start,
            end,
            large: end - start > 180.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sector_and_a_polygon_are_paths_an_svg_reader_accepts() {
        let scene = Scene {
            width: 100.0,
            height: 100.0,
            title: "t".into(),
            background: "#ffffff",
            items: vec![
                Item::Sector(Sector {
                    cx: 50.0,
                    cy: 50.0,
                    inner: 10.0,
                    outer: 40.0,
                    stretch: 1.5,
                    start: -90.0,
                    end: 120.0,
                    fill: "#ff0000",
                    opacity: 0.5,
                    class: String::new(),
                }),
                Item::Polygon(Polygon {
                    points: vec![(0.0, 0.0), (10.0, 0.0), (5.0, 8.0)],
                    fill: "#00ff00",
                    opacity: 1.0,
                    class: String::new(),
                }),
            ],
        };
        let svg = write(&scene);
        assert!(
            svg.contains(" 0 1 1 "),
            "large arc for a span over 180 degrees: {svg}"
        );
        assert!(svg.contains(r#"<polygon points="0,0 10,0 5,8""#), "{svg}");
        assert!(crate::render::png::from_svg(&svg).is_ok());
    }

    #[test]
    fn a_clipped_group_gets_its_own_clip_path() {
        let rect = Rect {
            x: 0.0,
            y: 0.0,
            w: 10.0,
            h: 10.0,
            radius: 2.0,
            fill: Some("#000000"),
            stroke: None,
            class: String::new(),
        };
        let group = |id: &str| {
            Item::Group(crate::layout::scene::Group {
                class: "g".into(),
                id: id.into(),
                clip: Some(rect.clone()),
                data: Default::default(),
                items: vec![Item::Rect(rect.clone())],
            })
        };
        let scene = Scene {
            width: 20.0,
            height: 20.0,
            title: "t".into(),
            background: "#ffffff",
            items: vec![group("a"), group("b")],
        };
        let svg = write(&scene);
        assert!(
            svg.contains(r#"<clipPath id="clip1">"#) && svg.contains(r#"clip-path="url(#clip2)""#),
            "{svg}"
        );
        assert!(crate::render::png::from_svg(&svg).is_ok());
        // Inline in a page of several pictures, its ids are its own.
        let inline = write_inline(&scene, "m2-");
        assert!(
            inline.contains(r#"<clipPath id="m2-clip1">"#)
                && inline.contains(r#"clip-path="url(#m2-clip2)""#)
                && !inline.contains(r#"id="clip"#),
            "{inline}"
        );
    }

    #[test]
    fn a_group_says_what_it_stands_for_in_data_attributes() {
        let scene = Scene {
            width: 20.0,
            height: 20.0,
            title: "t".into(),
            background: "#ffffff",
            items: vec![crate::layout::tagged_group(
                "actor",
                "lead:a",
                [("actor", "<a&\"b>".into()), ("role", "lead".into())].into(),
                Vec::new(),
            )],
        };
        let svg = write(&scene);
        assert!(
            svg.contains(r#"<g class="actor" data-id="lead:a" data-actor="&lt;a&amp;&quot;b&gt;" data-role="lead">"#),
            "{svg}"
        );
    }

    #[test]
    fn escape_covers_markup_and_quotes() {
        assert_eq!(escape(r#"<script>&"'"#), "&lt;script&gt;&amp;&quot;&apos;");
        assert_eq!(escape("a\u{1}b"), "ab");
        assert_eq!(escape("a\u{fffe}b\u{ffff}c\u{fffd}"), "abc\u{fffd}");
    }

    /// A name with a character XML forbids still makes an SVG that a reader takes.
    #[test]
    fn a_character_xml_forbids_does_not_spoil_the_file() {
        let scene = Scene {
            width: 200.0,
            height: 100.0,
            title: "a\u{ffff}".into(),
            background: "#ffffff",
            items: vec![Item::Text(Text {
                x: 10.0,
                y: 50.0,
                text: "Mairie\u{fffe}\u{1}".into(),
                size: 20.0,
                weight: Weight::Regular,
                anchor: Anchor::Start,
                color: "#1b2a4a",
                class: String::new(),
            })],
        };
        assert!(super::super::png::parse(&write(&scene)).is_ok());
    }
}
