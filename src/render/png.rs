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

/// Rasterize an SVG document (as written by `svg::write`) at its own size.
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

/// The SVG document's pixels, with the shipped font.
pub fn rasterize(svg: &str) -> Result<tiny_skia::Pixmap, String> {
    let tree = parse(svg)?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| format!("cannot make a {}x{} picture", size.width(), size.height()))?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    Ok(pixmap)
}

/// A parsed drawing as large as fits in `width` x `height` pixels, keeping its proportions
/// (a slide's picture): the PNG bytes and the picture's size.
pub fn fitted(
    tree: &usvg::Tree,
    (width, height): (u32, u32),
) -> Result<(Vec<u8>, (u32, u32)), String> {
    let size = tree.size();
    let f = fit(
        f64::from(size.width()),
        f64::from(size.height()),
        (f64::from(width), f64::from(height)),
    );
    let (w, h) = (f.width.round() as u32, f.height.round() as u32);
    let mut pixmap = tiny_skia::Pixmap::new(w.max(1), h.max(1))
        .ok_or_else(|| format!("cannot make a {w}x{h} picture"))?;
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
