//! Scene -> PNG through resvg, with the shipped font only (never system fonts), so the
//! picture is the same on every machine.

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

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

/// The SVG document's pixels, with the shipped font.
pub fn rasterize(svg: &str) -> Result<tiny_skia::Pixmap, String> {
    let options = usvg::Options {
        font_family: FONT_FAMILY.to_owned(),
        fontdb: fontdb(),
        ..usvg::Options::default()
    };
    let tree =
        usvg::Tree::from_str(svg, &options).map_err(|e| format!("the SVG did not parse: {e}"))?;
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| format!("cannot make a {}x{} picture", size.width(), size.height()))?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    Ok(pixmap)
}

/// The scene as PNG bytes.
pub fn write(scene: &Scene) -> Result<Vec<u8>, String> {
    from_svg(&super::svg::write(scene))
}
