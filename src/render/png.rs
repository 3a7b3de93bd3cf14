//! Scene -> PNG through resvg, with the shipped font only (never system fonts), so the
//! picture is the same on every machine.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

use super::deck::fit;
use crate::layout::scene::Scene;
use crate::layout::text::{BOLD, FONT_FAMILY, REGULAR};

fn fontdb() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(REGULAR.to_vec());
        db.load_font_data(BOLD.to_vec());
        db.set_sans_serif_family(FONT_FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// The largest side of a picture drawn in pixels, as for `--size`. A larger drawing is
/// scaled down to fit: a layout can never make the process ask for gigabytes.
pub const MAX_SIDE: u32 = 8000;

/// Rasterize an SVG document (as written by `svg::write`) at its own size, scaled down to
/// fit within `MAX_SIDE` x `MAX_SIDE` when it is larger.
pub fn from_svg(svg: &str) -> Result<Vec<u8>, String> {
    rasterize(svg)?
        .encode_png()
        .map_err(|e| format!("PNG encoding failed: {e}"))
}

/// An SVG document parsed with the shipped font (and no other): what the PNG and the PDF
/// writers draw.
pub fn parse(svg: &str) -> Result<usvg::Tree, String> {
    let options = usvg::Options {
        font_family: FONT_FAMILY.to_owned(),
        fontdb: fontdb(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|e| format!("the SVG did not parse: {e}"))
}

/// The SVG document's pixels, with the shipped font; never larger than `MAX_SIDE` on a side.
pub fn rasterize(svg: &str) -> Result<tiny_skia::Pixmap, String> {
    let tree = parse(svg)?;
    let (size, scale) = fitted(tree.size());
    let mut pixmap = blank(size.width(), size.height())?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}

/// The pixel size of a drawing and the scale it is drawn at: its own size (scale 1), or,
/// when a side is over `MAX_SIDE`, the size that fits with the same proportions.
fn fitted(size: tiny_skia::Size) -> (tiny_skia::IntSize, f32) {
    let own = size.to_int_size();
    let longest = own.width().max(own.height());
    if longest <= MAX_SIDE {
        return (own, 1.0);
    }
    let scale = MAX_SIDE as f32 / size.width().max(size.height());
    let side = |v: f32| ((v * scale).round() as u32).clamp(1, MAX_SIDE);
    let fitted = tiny_skia::IntSize::from_wh(side(size.width()), side(size.height()))
        .expect("both sides are at least 1");
    (fitted, scale)
}

/// A transparent picture of `width` x `height`, or a message when the memory cannot be had
/// (never an abort: the allocation is asked for, not assumed).
fn blank(width: u32, height: u32) -> Result<tiny_skia::Pixmap, String> {
    let too_big = || format!("cannot make a {width} x {height} picture: not enough memory");
    let size = tiny_skia::IntSize::from_wh(width, height)
        .ok_or_else(|| format!("cannot make a {width} x {height} picture"))?;
    let len = (width as usize)
        .checked_mul(height as usize)
        .and_then(|n| n.checked_mul(4))
        .ok_or_else(too_big)?;
    let mut data = Vec::new();
    data.try_reserve_exact(len).map_err(|_| too_big())?;
    data.resize(len, 0);
    tiny_skia::Pixmap::from_vec(data, size).ok_or_else(too_big)
}

/// A parsed drawing as large as fits in `width` x `height` pixels (at most `MAX_SIDE` a
/// side), keeping its proportions (a slide's picture): the PNG bytes and the picture's size.
pub fn fitted_into(
    tree: &usvg::Tree,
    (width, height): (u32, u32),
) -> Result<(Vec<u8>, (u32, u32)), String> {
    let size = tree.size();
    let f = fit(
        f64::from(size.width()),
        f64::from(size.height()),
        (
            f64::from(width.min(MAX_SIDE)),
            f64::from(height.min(MAX_SIDE)),
        ),
    );
    let (w, h) = (f.width.round() as u32, f.height.round() as u32);
    let mut pixmap = blank(w.max(1), h.max(1))?;
    let k = f.scale as f32;
    resvg::render(
        tree,
        tiny_skia::Transform::from_scale(k, k),
        &mut pixmap.as_mut(),
    );
    let png = pixmap
        .encode_png()
        .map_err(|e| format!("PNG encoding failed: {e}"))?;
    Ok((png, (w, h)))
}

/// The scene as PNG bytes.
pub fn write(scene: &Scene) -> Result<Vec<u8>, String> {
    from_svg(&super::svg::write(scene))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picture_that_cannot_be_had_is_an_error_not_an_abort() {
        let e = blank(4_000_000, 4_000_000).unwrap_err();
        assert!(e.contains("4000000 x 4000000"), "{e}");
        assert!(blank(0, 10).is_err());
        assert_eq!(blank(3, 2).unwrap().data().len(), 24);
    }

    #[test]
    fn drawings_over_the_cap_are_scaled_to_fit() {
        let fit = |w: f32, h: f32| {
            let (size, scale) = fitted(tiny_skia::Size::from_wh(w, h).unwrap());
            (size.width(), size.height(), scale)
        };
        assert_eq!(fit(1920.0, 1080.0), (1920, 1080, 1.0));
        assert_eq!(fit(8000.0, 8000.0), (8000, 8000, 1.0));
        assert_eq!(fit(26016.0, 30369.0).1, 8000);
        assert_eq!(fit(1920.0, 76289.0).1, 8000);
        assert_eq!(fit(1920.0, 76289.0).0, 201);
        assert_eq!(fit(100_000.0, 10.0), (8000, 1, 0.08));
    }
}
