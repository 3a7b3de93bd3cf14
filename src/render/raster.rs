//! A parsed drawing painted into pixels: what `resvg::render` does, except that plain text
//! is laid glyph by glyph from a cache of coverage masks. resvg fills every glyph's outline
//! as a path, each time it is drawn: two thirds of a slide's drawing time went to text, and a
//! slide draws the same few dozen glyphs, at the same few sizes, hundreds of times.
//!
//! A glyph's mask is filled once for each font, glyph, scale and position within a pixel
//! (to a quarter of a pixel across; its baseline is put on a whole pixel, as a renderer that
//! hints text puts it), by tiny-skia as resvg would fill it, then blended where the glyph
//! is: a line's letters keep their spacing, and a map's few thousand masks are filled a
//! quarter as often as with quarters down too (a tenth of a build's processor time). A mask depends on nothing else, so the pixels are the same whatever
//! the cache holds: the same drawing gives the same bytes, on any thread, in any order.
//! Text that is not plain (stroked, decorated, translucent, filled with a gradient, drawn
//! without anti-aliasing, turned, larger than `LARGEST` pixels) and everything else is drawn
//! by resvg.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use resvg::tiny_skia::{self, PixmapMut, Transform};
use resvg::usvg;
use rustybuzz::ttf_parser;

/// Draw `tree` into `pixmap` through `transform`, as `resvg::render` would.
pub fn render(tree: &usvg::Tree, transform: Transform, pixmap: &mut PixmapMut) {
    // A straight line painted with a gradient or a pattern is drawn by resvg's own walk only
    // (`render_node` leaves out what has no area): such a drawing is resvg's whole.
    if has_line_of_no_colour(tree.root()) {
        resvg::render(tree, transform, pixmap);
        return;
    }
    // The cache holds the glyphs of the shipped font's database (`png::parse`): the text of
    // a tree parsed with another is resvg's.
    let shipped = Arc::ptr_eq(tree.fontdb(), &super::png::fontdb());
    let mut glyphs = Glyphs::new(shipped.then(|| &**tree.fontdb()));
    nodes(tree.root(), transform, pixmap, &mut glyphs);
}

/// Whether `group` or a group in it drawn in place holds a path without area (a straight
/// line) whose stroke is not a colour.
fn has_line_of_no_colour(group: &usvg::Group) -> bool {
    group.children().iter().any(|node| match node {
        usvg::Node::Group(group) => !group.should_isolate() && has_line_of_no_colour(group),
        usvg::Node::Path(path) => {
            !has_area(path)
                && path
                    .stroke()
                    .is_some_and(|stroke| !matches!(stroke.paint(), usvg::Paint::Color(_)))
        }
        _ => false,
    })
}

/// Whether the path encloses any area: resvg fills none of a horizontal or vertical line.
fn has_area(path: &usvg::Path) -> bool {
    let bounds = path.data().bounds();
    bounds.width() != 0.0 && bounds.height() != 0.0
}

fn nodes(group: &usvg::Group, transform: Transform, pixmap: &mut PixmapMut, glyphs: &mut Glyphs) {
    for node in group.children() {
        match node {
            // A group drawn into its own layer (clipped, masked, filtered, translucent) is
            // resvg's to draw, its text included.
            usvg::Node::Group(group) if !group.should_isolate() => {
                nodes(
                    group,
                    transform.pre_concat(group.transform()),
                    pixmap,
                    glyphs,
                );
            }
            usvg::Node::Text(text) if draw_text(text, transform, pixmap, glyphs) => {}
            usvg::Node::Path(path) if draw_path(path, transform, pixmap) => {}
            _ => {
                // `render_node` draws a node shifted by its bounding box's corner (for a
                // picture of the node alone): shifted back here (to within a rounding of the
                // translation). It draws nothing of a path without area (a straight line):
                // those are drawn above, or the whole drawing by resvg (`render`).
                if let Some(bbox) = node.abs_layer_bounding_box() {
                    resvg::render_node(node, transform.pre_translate(bbox.x(), bbox.y()), pixmap);
                }
            }
        }
    }
}

/// Fill and stroke `path` as resvg does when its paints are colours: true when drawn (or
/// hidden), false when resvg should draw it.
fn draw_path(path: &usvg::Path, transform: Transform, pixmap: &mut PixmapMut) -> bool {
    let colour = |paint: &usvg::Paint, opacity: usvg::Opacity| match paint {
        usvg::Paint::Color(c) => {
            let mut paint = tiny_skia::Paint::default();
            paint.set_color_rgba8(c.red, c.green, c.blue, opacity.to_u8());
            paint.anti_alias = path.rendering_mode().use_shape_antialiasing();
            Some(paint)
        }
        _ => None,
    };
    // A path without area has nothing to fill, whatever its fill.
    let fill = match path.fill().filter(|_| has_area(path)) {
        Some(fill) => match colour(fill.paint(), fill.opacity()) {
            Some(paint) => Some((paint, fill.rule())),
            None => return false,
        },
        None => None,
    };
    let stroke = match path.stroke() {
        Some(stroke) => match colour(stroke.paint(), stroke.opacity()) {
            Some(paint) => Some((paint, stroke.to_tiny_skia())),
            None => return false,
        },
        None => None,
    };
    if !path.is_visible() {
        return true;
    }
    let data = path.data();
    let do_fill = |pixmap: &mut PixmapMut| {
        if let Some((paint, rule)) = &fill {
            let rule = match rule {
                usvg::FillRule::NonZero => tiny_skia::FillRule::Winding,
                usvg::FillRule::EvenOdd => tiny_skia::FillRule::EvenOdd,
            };
            pixmap.fill_path(data, paint, rule, transform, None);
        }
    };
    let do_stroke = |pixmap: &mut PixmapMut| {
        if let Some((paint, stroke)) = &stroke {
            pixmap.stroke_path(data, paint, stroke, transform, None);
        }
    };
    if path.paint_order() == usvg::PaintOrder::FillAndStroke {
        do_fill(pixmap);
        do_stroke(pixmap);
    } else {
        do_stroke(pixmap);
        do_fill(pixmap);
    }
    true
}

/// Lay the glyphs of `text` when it is plain (filled with a colour, neither stroked nor
/// decorated, anti-aliased, upright): true when drawn, false when resvg should draw it.
fn draw_text(
    text: &usvg::Text,
    transform: Transform,
    pixmap: &mut PixmapMut,
    glyphs: &mut Glyphs,
) -> bool {
    let Some(db) = glyphs.db else {
        return false;
    };
    if text.rendering_mode() == usvg::TextRendering::OptimizeSpeed {
        return false;
    }
    let scale = transform.sx.abs().max(transform.sy.abs());
    // Everything is checked before anything is drawn: text is drawn here whole or not at all.
    let mut laid = Vec::new();
    for span in text.layouted() {
        if span.stroke.is_some()
            || span.underline.is_some()
            || span.overline.is_some()
            || span.line_through.is_some()
        {
            return false;
        }
        let Some(fill) = span.fill.as_ref().filter(|_| span.visible) else {
            continue;
        };
        let usvg::Paint::Color(c) = fill.paint() else {
            return false;
        };
        // Glyphs are blended one by one: where two overlap, a translucent fill would be
        // laid twice (resvg fills a span's glyphs as one path).
        if fill.rule() != usvg::FillRule::NonZero
            || fill.opacity().to_u8() != u8::MAX
            || span.font_size.get() * scale > LARGEST
        {
            return false;
        }
        let color = tiny_skia::ColorU8::from_rgba(c.red, c.green, c.blue, fill.opacity().to_u8())
            .premultiply();
        for glyph in &span.positioned_glyphs {
            let ts = transform.pre_concat(glyph.outline_transform());
            if ts.kx != 0.0 || ts.ky != 0.0 || !ts.tx.is_finite() || !ts.ty.is_finite() {
                return false;
            }
            let (x, qx) = quarters(ts.tx);
            let y = whole(ts.ty);
            let key = Key {
                font: glyph.font,
                glyph: glyph.id.0,
                scale: (ts.sx.to_bits(), ts.sy.to_bits()),
                quarter: qx,
            };
            laid.push((key, x, y, color));
        }
    }
    for (key, x, y, color) in laid {
        if let Some(mask) = glyphs.get(db, key) {
            blend(pixmap, &mask, x, y, color);
        }
    }
    true
}

/// The largest text laid from the cache, in pixels to the em: a mask is filled whole, not
/// cut to the picture, and the slides' text is 12 to 60 pixels.
const LARGEST: f32 = 256.0;

/// A position as a whole pixel and the quarters of a pixel past it (0 to 3).
fn quarters(v: f32) -> (i64, u8) {
    let q = (f64::from(v) * 4.0).round() as i64;
    (q.div_euclid(4), q.rem_euclid(4) as u8)
}

/// A position as the nearest whole pixel (a baseline).
fn whole(v: f32) -> i64 {
    f64::from(v).round() as i64
}

/// What a glyph's mask depends on: its font, the glyph, its scale (with the outline's
/// flip) and where it starts within a pixel across (in quarters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Key {
    font: usvg::fontdb::ID,
    glyph: u16,
    scale: (u32, u32),
    quarter: u8,
}

/// A glyph's coverage, as tiny-skia fills its outline, and where its corner is from the
/// glyph's origin's pixel.
#[derive(Debug)]
struct Mask {
    left: i64,
    top: i64,
    width: usize,
    coverage: Vec<u8>,
}

/// The masks of every glyph drawn so far, for every thread, and their size in bytes. Emptied
/// when over `BUDGET` bytes, which a territory's slides do not reach (a mask is a few hundred
/// bytes at the slides' sizes).
#[derive(Default)]
struct Cache {
    masks: HashMap<Key, Option<Arc<Mask>>, foldhash::fast::RandomState>,
    bytes: usize,
}

static CACHE: LazyLock<Mutex<Cache>> = LazyLock::new(Mutex::default);
const BUDGET: usize = 64 << 20;

/// The masks one drawing uses, taken from the shared cache once each; `db`: the shipped
/// font's database, when the drawing was parsed with it (else its text is resvg's).
pub(super) struct Glyphs<'a> {
    db: Option<&'a usvg::fontdb::Database>,
    here: HashMap<Key, Option<Arc<Mask>>, foldhash::fast::RandomState>,
}

impl<'a> Glyphs<'a> {
    pub(super) fn new(db: Option<&'a usvg::fontdb::Database>) -> Glyphs<'a> {
        Glyphs {
            db,
            here: HashMap::default(),
        }
    }

    /// The mask of `key`, `None` for a glyph that covers nothing (a space).
    fn get(&mut self, db: &usvg::fontdb::Database, key: Key) -> Option<Arc<Mask>> {
        if let Some(mask) = self.here.get(&key) {
            return mask.clone();
        }
        let cached = CACHE
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .masks
            .get(&key)
            .cloned();
        let mask = cached.unwrap_or_else(|| {
            // Filled outside the lock: the other threads go on drawing meanwhile.
            let mask = fill(db, key).map(Arc::new);
            let size = mask.as_ref().map_or(0, |mask| mask.coverage.len());
            let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
            if cache.bytes + size > BUDGET {
                *cache = Cache::default();
            }
            if cache.masks.insert(key, mask.clone()).is_none() {
                cache.bytes += size;
            }
            mask
        });
        self.here.insert(key, mask.clone());
        mask
    }
}

/// Lay glyph `glyph` of `font` (a face of the shipped font's database) with its origin at
/// (`x`, `y`) pixels, `scale` pixels to the font unit, filled with `color`: from the cache
/// of masks, as `draw_text` lays text, or, larger than `LARGEST` pixels to the em, its
/// outline filled as resvg fills it.
#[allow(clippy::too_many_arguments)]
pub(super) fn lay_glyph(
    pixmap: &mut PixmapMut,
    glyphs: &mut Glyphs,
    font: usvg::fontdb::ID,
    glyph: u16,
    (scale, em): (f32, f32),
    (x, y): (f32, f32),
    color: tiny_skia::Color,
) {
    let Some(db) = glyphs.db else {
        return;
    };
    if !(x.is_finite() && y.is_finite() && scale.is_finite()) || scale <= 0.0 {
        return;
    }
    if scale * em > LARGEST {
        let outline = db.with_face_data(font, |data, index| {
            let face = ttf_parser::Face::parse(data, index).ok()?;
            let mut outline = Outline(tiny_skia::PathBuilder::new());
            face.outline_glyph(ttf_parser::GlyphId(glyph), &mut outline)?;
            outline.0.finish()
        });
        if let Some(Some(path)) = outline {
            let mut paint = tiny_skia::Paint::default();
            paint.set_color(color);
            paint.anti_alias = true;
            let ts = Transform::from_row(scale, 0.0, 0.0, -scale, x, y);
            pixmap.fill_path(&path, &paint, tiny_skia::FillRule::Winding, ts, None);
        }
        return;
    }
    let (px, qx) = quarters(x);
    let py = whole(y);
    let key = Key {
        font,
        glyph,
        scale: (scale.to_bits(), (-scale).to_bits()),
        quarter: qx,
    };
    if let Some(mask) = glyphs.get(db, key) {
        blend(pixmap, &mask, px, py, color.premultiply().to_color_u8());
    }
}

/// The glyph of `key` filled into a mask, as resvg fills a glyph: its outline, anti-aliased,
/// non-zero winding.
fn fill(db: &usvg::fontdb::Database, key: Key) -> Option<Mask> {
    let outline = db.with_face_data(key.font, |data, index| {
        let face = ttf_parser::Face::parse(data, index).ok()?;
        let mut outline = Outline(tiny_skia::PathBuilder::new());
        face.outline_glyph(ttf_parser::GlyphId(key.glyph), &mut outline)?;
        outline.0.finish()
    })??;
    let quarter = |q: u8| f32::from(q) / 4.0;
    let ts = Transform::from_row(
        f32::from_bits(key.scale.0),
        0.0,
        0.0,
        f32::from_bits(key.scale.1),
        quarter(key.quarter),
        0.0,
    );
    let path = outline.transform(ts)?;
    let bounds = path.bounds();
    // A pixel of margin on every side: anti-aliasing reaches half a pixel out.
    // Finite (a transformed path is) and at most `LARGEST` across, give or take the
    // glyph's overhang: no overflow.
    let left = bounds.left().floor() as i64 - 1;
    let top = bounds.top().floor() as i64 - 1;
    let width = u32::try_from(bounds.right().ceil() as i64 + 1 - left).ok()?;
    let height = u32::try_from(bounds.bottom().ceil() as i64 + 1 - top).ok()?;
    let mut mask = tiny_skia::Mask::new(width, height)?;
    mask.fill_path(
        &path,
        tiny_skia::FillRule::Winding,
        true,
        Transform::from_translate(-left as f32, -top as f32),
    );
    Some(Mask {
        left,
        top,
        width: width as usize,
        coverage: mask.data().to_vec(),
    })
}

struct Outline(tiny_skia::PathBuilder);

impl ttf_parser::OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, y);
    }

    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.0.quad_to(x1, y1, x, y);
    }

    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0.cubic_to(x1, y1, x2, y2, x, y);
    }

    fn close(&mut self) {
        self.0.close();
    }
}

/// `color` laid over the pixels through `mask`, whose origin's pixel is (`x`, `y`): source
/// over, in premultiplied colour, the way tiny-skia blends an anti-aliased fill (rounded to
/// the nearest level where tiny-skia may round up: a level apart at most). What falls outside
/// the picture is left out.
fn blend(
    pixmap: &mut PixmapMut,
    mask: &Mask,
    x: i64,
    y: i64,
    color: tiny_skia::PremultipliedColorU8,
) {
    let (width, height) = (i64::from(pixmap.width()), i64::from(pixmap.height()));
    let src = [color.red(), color.green(), color.blue(), color.alpha()].map(u32::from);
    let stride = width as usize * 4;
    let data = pixmap.data_mut();
    let (left, top) = (x + mask.left, y + mask.top);
    for (row, coverage) in mask.coverage.chunks_exact(mask.width).enumerate() {
        let py = top + row as i64;
        if py < 0 || py >= height {
            continue;
        }
        // The columns of this row inside the picture.
        let from = (-left).clamp(0, mask.width as i64) as usize;
        let to = (width - left).clamp(0, mask.width as i64) as usize;
        if from >= to {
            continue;
        }
        let start = py as usize * stride + (left + from as i64) as usize * 4;
        let pixels = &mut data[start..start + (to - from) * 4];
        for (dst, &m) in pixels.chunks_exact_mut(4).zip(&coverage[from..to]) {
            if m == 0 {
                continue;
            }
            let m = u32::from(m);
            let alpha = div255(src[3] * m);
            let keep = 255 - alpha;
            for (d, s) in dst.iter_mut().zip(src) {
                *d = (div255(s * m) + div255(u32::from(*d) * keep)).min(255) as u8;
            }
        }
    }
}

/// `v / 255`, rounded, for `v` up to 255 * 255.
fn div255(v: u32) -> u32 {
    let v = v + 128;
    (v + (v >> 8)) >> 8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pixels(svg: &str, with_cache: bool) -> tiny_skia::Pixmap {
        let tree = super::super::png::parse(svg).unwrap();
        let size = tree.size().to_int_size();
        let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
        if with_cache {
            render(&tree, Transform::identity(), &mut pixmap.as_mut());
        } else {
            resvg::render(&tree, Transform::identity(), &mut pixmap.as_mut());
        }
        pixmap
    }

    /// The largest difference of a colour channel between two pictures, and the mean.
    fn difference(a: &tiny_skia::Pixmap, b: &tiny_skia::Pixmap) -> (u8, f64) {
        let diffs: Vec<u8> = a
            .data()
            .iter()
            .zip(b.data())
            .map(|(x, y)| x.abs_diff(*y))
            .collect();
        let mean = diffs.iter().map(|&d| f64::from(d)).sum::<f64>() / diffs.len() as f64;
        (diffs.into_iter().max().unwrap_or(0), mean)
    }

    #[test]
    fn text_is_drawn_as_resvg_draws_it_on_the_nearest_pixel_down_to_a_quarter_across() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="640" height="200" viewBox="0 0 640 200">
<rect x="0" y="0" width="640" height="200" fill="#f4f1ea"/>
<rect x="20.5" y="10" width="300" height="80" rx="12" fill="#1f4e79"/>
<text x="30.3" y="60.7" font-size="28" font-weight="700" fill="#ffffff">Chef de file : Sevadec</text>
<text x="620" y="150.25" font-size="18.5" text-anchor="end" fill="#333333">Réduire le gaspillage, « en bonne voie »</text>
<text x="320" y="190" font-size="22" text-anchor="middle" fill="#c00000" fill-opacity="0.5">+ 132 autres</text>
</svg>"##;
        // resvg draws the lines at the whole pixel nearest their baseline.
        let on_pixels = svg
            .replace(r#"y="60.7""#, r#"y="61""#)
            .replace(r#"y="150.25""#, r#"y="150""#);
        let (mine, theirs) = (pixels(svg, true), pixels(&on_pixels, false));
        let (max, mean) = difference(&mine, &theirs);
        // A glyph lands up to an eighth of a pixel across from where resvg puts it: its edge
        // pixels differ, nothing else does.
        assert!(mean < 0.5, "mean difference {mean}");
        assert!(max < 128, "largest difference {max}");
        // Where the baseline is not on a pixel, the lines are further from resvg's.
        let off = difference(&mine, &pixels(svg, false)).1;
        assert!(off > mean, "{off} {mean}");
        // And text is drawn at all: without it the picture differs much more.
        let bare = pixels(
            &svg.replace("<text", "<desc").replace("</text>", "</desc>"),
            false,
        );
        assert!(difference(&mine, &bare).1 > 4.0 * mean.max(0.05));
    }

    #[test]
    fn the_same_drawing_gives_the_same_pixels_whatever_the_cache_holds() {
        let svg = |size: &str| {
            format!(
                r##"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="60" viewBox="0 0 300 60"><text x="3.1" y="40.6" font-size="{size}" fill="#000">Calaisis 2021</text></svg>"##
            )
        };
        let first = pixels(&svg("24"), true);
        *CACHE.lock().unwrap() = Cache::default();
        let _other = pixels(&svg("25"), true);
        assert_eq!(pixels(&svg("24"), true).data(), first.data());
    }

    #[test]
    fn text_in_a_clipped_group_and_stroked_text_are_left_to_resvg() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60" viewBox="0 0 200 60">
<clipPath id="c"><rect x="0" y="0" width="60" height="60"/></clipPath>
<g clip-path="url(#c)"><text x="5" y="40" font-size="30" fill="#000">Coupé net</text></g>
<text x="100" y="40" font-size="30" fill="#fff" stroke="#000">A</text>
</svg>"##;
        assert_eq!(pixels(svg, true).data(), pixels(svg, false).data());
    }

    #[test]
    fn shapes_are_drawn_as_resvg_draws_them_straight_lines_too() {
        // A vertical dashed line has no area: resvg's `render_node` alone would not draw it.
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="120" viewBox="0 0 200 120">
<rect x="0" y="0" width="200" height="120" fill="#f4f1ea"/>
<rect x="10.5" y="10" width="80" height="40" rx="8" fill="#1f4e79" stroke="#c00000" stroke-width="3"/>
<polyline points="120,5 120,115" fill="none" stroke="#1b2a4a" stroke-width="2" stroke-dasharray="8 6" stroke-linecap="round"/>
<polyline points="10,100 190,100" fill="none" stroke="#1b2a4a" stroke-width="1.5"/>
<path d="M150,20 L190,40 L150,60 Z" fill="#2e7d32" fill-opacity="0.4"/>
<path d="M20,60 C60,60 60,90 100,90" fill="none" stroke="#555555" stroke-width="2"/>
</svg>"##;
        let mine = pixels(svg, true);
        assert_eq!(mine.data(), pixels(svg, false).data());
        let line = mine.pixel(120, 7).unwrap();
        assert_eq!((line.red(), line.green(), line.blue()), (0x1b, 0x2a, 0x4a));
    }

    #[test]
    fn what_the_cache_would_draw_wrong_is_left_to_resvg() {
        let head = r##"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200" viewBox="0 0 300 200">
<linearGradient id="g" gradientUnits="userSpaceOnUse" x1="0" y1="0" x2="300" y2="0"><stop offset="0" stop-color="#c00000"/><stop offset="1" stop-color="#1f4e79"/></linearGradient>
<text x="20" y="190" font-size="30" fill="#000000">plain</text>"##;
        for (what, body, drawn_at) in [
            // `render_node` would leave it out.
            (
                "a straight line stroked with a gradient",
                r##"<path d="M10 20 H290" stroke="url(#g)" stroke-width="6"/>"##,
                (150, 20),
            ),
            (
                "a straight line stroked with a colour, filled with a gradient",
                r##"<path d="M10 40 H290" fill="url(#g)" stroke="#2e7d32" stroke-width="4"/>"##,
                (150, 40),
            ),
            // Laid one by one, the overlap of two glyphs would be laid twice.
            (
                "translucent glyphs that overlap",
                r##"<text x="20" y="120" font-size="60" fill="#000000" fill-opacity="0.5" letter-spacing="-25">WWW</text>"##,
                (40, 100),
            ),
            // Its masks would be as large as its letters.
            (
                "text larger than LARGEST",
                r##"<text x="120" y="170" font-size="300" fill="#1b2a4a">o</text>"##,
                (145, 90),
            ),
        ] {
            let svg = format!("{head}\n{body}\n</svg>");
            let (mine, theirs) = (pixels(&svg, true), pixels(&svg, false));
            let bare = pixels(&format!("{head}\n</svg>"), true);
            let (x, y) = drawn_at;
            assert_ne!(mine.pixel(x, y), bare.pixel(x, y), "{what}: drawn");
            // As resvg draws it, and the plain text beside it from the cache as ever.
            let above_plain = 150 * 300 * 4;
            assert!(
                mine.data()[..above_plain] == theirs.data()[..above_plain],
                "{what}: not as resvg draws it"
            );
            let (max, _) = difference(&mine, &theirs);
            assert!(max < 128, "{what}: {max}");
        }
    }

    #[test]
    fn glyphs_over_the_edge_are_cut_not_wrapped() {
        // Text running off every side of a small picture: drawn where it falls, never
        // elsewhere and never out of bounds.
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30" viewBox="0 0 40 30"><text x="-7.3" y="12" font-size="30" fill="#000">Wavre</text><text x="30" y="38" font-size="30" fill="#000">gj</text></svg>"##;
        let (mine, theirs) = (pixels(svg, true), pixels(svg, false));
        assert!(difference(&mine, &theirs).0 < 128);
    }

    #[test]
    fn positions_round_to_quarters_of_a_pixel() {
        assert_eq!(quarters(10.0), (10, 0));
        assert_eq!(quarters(10.3), (10, 1));
        assert_eq!(quarters(10.9), (11, 0));
        assert_eq!(quarters(-0.3), (-1, 3));
        assert_eq!(whole(10.49), 10);
        assert_eq!(whole(10.5), 11);
        assert_eq!(whole(-0.3), 0);
        assert_eq!(div255(255 * 255), 255);
        assert_eq!(div255(0), 0);
        assert_eq!(div255(128 * 255), 128);
    }
}
