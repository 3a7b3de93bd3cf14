//! Scene -> PNG: the Scene painted straight into pixels (`paint`), or its SVG parsed by usvg
//! and painted by `raster` (resvg, with text laid from a cache of glyphs), the same picture;
//! with the shipped font only (never system fonts), so the picture is the same on every
//! machine.

use std::borrow::Cow;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use resvg::{tiny_skia, usvg};

use super::deck::fit;
use crate::layout::scene::Scene;
use crate::layout::text::{BOLD, FONT_FAMILY, REGULAR};

pub(super) fn fontdb() -> Arc<usvg::fontdb::Database> {
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
    from_tree(&parse(svg)?)
}

/// [`from_svg`] of an SVG document already parsed.
pub fn from_tree(tree: &usvg::Tree) -> Result<Vec<u8>, String> {
    let pixmap = draw(tree)?;
    let png = encode(&pixmap, ENCODING);
    give_back(pixmap);
    png
}

/// Buffers done with, for the next pictures: at most one a core, kept for the whole process
/// (the threads of a run's stages come and go). A full-HD picture is 8 MB; asked of the
/// system afresh each time, its pages are faulted in and zeroed again, which on a virtual
/// machine costs more than drawing the picture.
struct Pool(Mutex<Vec<Vec<u8>>>);

impl Pool {
    const fn new() -> Pool {
        Pool(Mutex::new(Vec::new()))
    }

    /// Keep `data`, done with, for a next picture.
    fn give(&self, data: Vec<u8>) {
        let mut spare = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if spare.len() < crate::parallel::cores() {
            spare.push(data);
        }
    }

    /// A buffer done with and at least `len` bytes long when one is, else another done
    /// with, else an empty one.
    fn take(&self, len: usize) -> Vec<u8> {
        let mut spare = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let fits = spare.iter().position(|data| data.capacity() >= len);
        fits.or(spare.len().checked_sub(1))
            .map(|i| spare.swap_remove(i))
            .unwrap_or_default()
    }
}

/// The pixels of pictures drawn.
static PIXELS: Pool = Pool::new();
/// The buffers pictures were encoded into (the PNG kept is a copy of its own size).
static ENCODED: Pool = Pool::new();

/// Keep the pixels of `pixmap`, done with, for a next picture.
fn give_back(pixmap: tiny_skia::Pixmap) {
    PIXELS.give(pixmap.take());
}

/// How pixels become a PNG file: the `png` crate's compression and row filter.
#[derive(Debug, Clone, Copy)]
pub struct Encoding {
    pub compression: png::Compression,
    pub filter: png::FilterType,
    /// Choose the best filter row by row (`filter` is then unused).
    pub adaptive: bool,
}

impl Encoding {
    /// The settings in words, as the manifest records them (`Fast/Sub`, `Default/adaptive`).
    pub fn name(&self) -> String {
        if self.adaptive {
            format!("{:?}/adaptive", self.compression)
        } else {
            format!("{:?}/{:?}", self.compression, self.filter)
        }
    }
}

/// The settings actormap writes with: the fastest measured on the Calaisis slides (see the
/// README's speed section and `examples/png_settings.rs`). `Fast` is fdeflate, made for
/// filtered PNG rows; the `Default` and `Best` zlib levels make files 3 times smaller but
/// take 3 to 25 times as long; the `Paeth` filter or adaptive filtering save a quarter of
/// the bytes for 70 % to 90 % more time; RGB instead of RGBA saves 7 % of the bytes but the
/// copy it needs costs more than it saves.
pub const ENCODING: Encoding = Encoding {
    compression: png::Compression::Fast,
    filter: png::FilterType::Sub,
    adaptive: false,
};

/// The picture as PNG bytes (8-bit RGBA). An opaque picture (every slide: the background is
/// filled) is encoded straight from the pixmap, its premultiplied colours being the plain
/// ones; one with any transparency is un-premultiplied first, as tiny-skia's own encoder does.
pub fn encode(pixmap: &tiny_skia::Pixmap, encoding: Encoding) -> Result<Vec<u8>, String> {
    // Whole pixels and-ed a block at a time, the alpha byte looked at once per block (the
    // compiler makes it a vector loop: half the time of and-ing alpha bytes one by one, which
    // it does not; 0.4 ms for a full-HD picture), rather than tested pixel by pixel.
    let opaque = pixmap.data().chunks(4096).all(|block| {
        let all = block.chunks_exact(4).fold(u32::MAX, |all, p| {
            all & u32::from_le_bytes([p[0], p[1], p[2], p[3]])
        });
        all >> 24 == u32::from(u8::MAX)
    });
    let pixels: Cow<[u8]> = if opaque {
        Cow::Borrowed(pixmap.data())
    } else {
        pixmap
            .pixels()
            .iter()
            .flat_map(|p| {
                let c = p.demultiply();
                [c.red(), c.green(), c.blue(), c.alpha()]
            })
            .collect()
    };
    let failed = |e: png::EncodingError| format!("PNG encoding failed: {e}");
    // A slide's PNG is a twentieth to a tenth of its pixels' bytes: room for any, once,
    // in a buffer of an earlier picture (growing a buffer copies it into new pages; new
    // pages are zeroed by the system, two megabytes at a time in a huge page).
    let mut bytes = ENCODED.take(pixels.len() / 4);
    bytes.clear();
    bytes.reserve(pixels.len() / 4);
    let mut encoder = png::Encoder::new(&mut bytes, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(encoding.compression);
    encoder.set_filter(encoding.filter);
    encoder.set_adaptive_filter(if encoding.adaptive {
        png::AdaptiveFilterType::Adaptive
    } else {
        png::AdaptiveFilterType::NonAdaptive
    });
    let mut writer = encoder.write_header().map_err(failed)?;
    writer.write_image_data(&pixels).map_err(failed)?;
    writer.finish().map_err(failed)?;
    // A copy of its own size: a build keeps every PNG until it writes them all.
    let png = bytes.to_vec();
    ENCODED.give(bytes);
    Ok(png)
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
    draw(&parse(svg)?)
}

/// The pixels of a parsed SVG document, as [`rasterize`] draws them.
fn draw(tree: &usvg::Tree) -> Result<tiny_skia::Pixmap, String> {
    let (size, scale) = fitted(tree.size());
    let mut pixmap = blank(size.width(), size.height())?;
    super::raster::render(
        tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}

/// The scene's own size, when it is one a picture can have.
fn scene_size(scene: &Scene) -> Option<tiny_skia::Size> {
    tiny_skia::Size::from_wh(scene.width as f32, scene.height as f32)
}

/// The size in pixels `scene` is painted at and its scale (as [`fitted`]); `None` for a
/// scene left to the SVG route (see `paint::paintable`).
fn paint_size(scene: &Scene) -> Option<((u32, u32), f32)> {
    let size = scene_size(scene).filter(|_| super::paint::paintable(scene))?;
    let (size, scale) = fitted(size);
    Some(((size.width(), size.height()), scale))
}

/// The PNG of `scene` painted straight from it (`paint`): the picture [`from_svg`] draws
/// from its SVG, without writing and parsing the SVG. `None` for a scene left to the SVG
/// route (see `paint::paintable`).
pub fn from_scene(scene: &Scene) -> Option<Result<Vec<u8>, String>> {
    let (size, scale) = paint_size(scene)?;
    Some(painted(scene, size, scale))
}

/// The pixels of `scene` painted straight from it, as [`from_scene`] encodes them; `None`
/// for a scene left to the SVG route.
pub fn scene_pixels(scene: &Scene) -> Option<Result<tiny_skia::Pixmap, String>> {
    let (size, scale) = paint_size(scene)?;
    Some(painted_pixels(scene, size, scale))
}

/// The scene painted at `scale` into a picture of `width` x `height`, as PNG bytes.
fn painted(scene: &Scene, size: (u32, u32), scale: f32) -> Result<Vec<u8>, String> {
    let pixmap = painted_pixels(scene, size, scale)?;
    let png = encode(&pixmap, ENCODING);
    give_back(pixmap);
    png
}

/// The scene painted at `scale` into a picture of `width` x `height`. A scene that covers
/// the picture exactly (every slide at its own size) starts from its background colour: the
/// background is not painted over a cleared picture.
fn painted_pixels(
    scene: &Scene,
    (width, height): (u32, u32),
    scale: f32,
) -> Result<tiny_skia::Pixmap, String> {
    let exact =
        scale == 1.0 && scene.width == f64::from(width) && scene.height == f64::from(height);
    let background = super::paint::colour(scene.background).filter(|_| exact);
    let mut pixmap = match background {
        Some(c) => {
            let c = c.premultiply().to_color_u8();
            filled(width, height, [c.red(), c.green(), c.blue(), c.alpha()])?
        }
        None => blank(width, height)?,
    };
    super::paint::paint(scene, scale, background.is_none(), &mut pixmap.as_mut());
    Ok(pixmap)
}

/// The width and height in pixels of the PNG of `scene`: what [`rasterize`] makes of its SVG.
pub fn pixel_size(scene: &Scene) -> (u32, u32) {
    scene_size(scene)
        .map(|s| fitted(s).0)
        .map_or((0, 0), |s| (s.width(), s.height()))
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
    filled(width, height, [0; 4])
}

/// A picture of `width` x `height` of one colour (premultiplied RGBA), as [`blank`].
fn filled(width: u32, height: u32, pixel: [u8; 4]) -> Result<tiny_skia::Pixmap, String> {
    let too_big = || format!("cannot make a {width} x {height} picture: not enough memory");
    let size = tiny_skia::IntSize::from_wh(width, height)
        .ok_or_else(|| format!("cannot make a {width} x {height} picture"))?;
    let len = (width as usize)
        .checked_mul(height as usize)
        .and_then(|n| n.checked_mul(4))
        .ok_or_else(too_big)?;
    let mut data = PIXELS.take(len);
    data.clear();
    data.try_reserve_exact(len).map_err(|_| too_big())?;
    if pixel == [0; 4] {
        data.resize(len, 0);
    } else {
        // One pixel, then copies of what is there, doubling: one pass over the memory.
        data.extend_from_slice(&pixel);
        while data.len() < len {
            let more = data.len().min(len - data.len());
            data.extend_from_within(..more);
        }
    }
    tiny_skia::Pixmap::from_vec(data, size).ok_or_else(too_big)
}

/// A parsed drawing as large as fits in `width` x `height` pixels (at most `MAX_SIDE` a
/// side), keeping its proportions (a slide's picture): the PNG bytes and the picture's size.
pub fn fitted_into(
    tree: &usvg::Tree,
    (width, height): (u32, u32),
) -> Result<(Vec<u8>, (u32, u32)), String> {
    let ((w, h), k) = fit_into(tree.size(), (width, height));
    let mut pixmap = blank(w, h)?;
    super::raster::render(
        tree,
        tiny_skia::Transform::from_scale(k, k),
        &mut pixmap.as_mut(),
    );
    // The same encoding as the maps' PNGs, so a slide of a map is the map's PNG, byte for byte.
    let png = encode(&pixmap, ENCODING);
    give_back(pixmap);
    Ok((png?, (w, h)))
}

/// The PNG bytes of [`fitted_into`] of a scene, painted straight from it (see
/// [`from_scene`]); `None` for a scene left to the SVG route.
pub fn scene_fitted_into(
    scene: &Scene,
    (width, height): (u32, u32),
) -> Option<Result<Vec<u8>, String>> {
    let size = scene_size(scene).filter(|_| super::paint::paintable(scene))?;
    let ((w, h), k) = fit_into(size, (width, height));
    Some(painted(scene, (w, h), k))
}

/// The size in pixels of a drawing of `size` as large as fits in `width` x `height` (at
/// most `MAX_SIDE` a side, at least one pixel), and its scale.
fn fit_into(size: tiny_skia::Size, (width, height): (u32, u32)) -> ((u32, u32), f32) {
    let f = fit(
        f64::from(size.width()),
        f64::from(size.height()),
        (
            f64::from(width.min(MAX_SIDE)),
            f64::from(height.min(MAX_SIDE)),
        ),
    );
    let (w, h) = (f.width.round() as u32, f.height.round() as u32);
    ((w.max(1), h.max(1)), f.scale as f32)
}

/// The width and height a PNG file says it has (its header), or `None` for what is not a PNG.
pub fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let header = bytes.strip_prefix(b"\x89PNG\r\n\x1a\n")?.get(..16)?;
    if &header[4..8] != b"IHDR" {
        return None;
    }
    let be = |at: usize| Some(u32::from_be_bytes(header.get(at..at + 4)?.try_into().ok()?));
    Some((be(8)?, be(12)?))
}

/// The scene as PNG bytes.
pub fn write(scene: &Scene) -> Result<Vec<u8>, String> {
    from_scene(scene).unwrap_or_else(|| from_svg(&super::svg::write(scene)))
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
    fn the_font_database_is_built_once_per_process() {
        // Every picture, on every thread, shares the one database: the shipped font is
        // parsed once, not once per picture.
        let here = fontdb();
        let elsewhere = std::thread::spawn(fontdb).join().unwrap();
        assert!(Arc::ptr_eq(&here, &elsewhere));
        assert!(Arc::ptr_eq(&here, &fontdb()));
        assert_eq!(here.len(), 2, "regular and bold");
    }

    #[test]
    fn pixel_size_is_the_size_drawn() {
        for (w, h) in [
            (1920.0, 1080.0),
            (1600.4, 1199.5),
            (333.333, 0.6),
            (100_000.0, 50.0),
            (60.0, 90_000.0),
            (8000.49, 7999.5),
        ] {
            let scene = Scene {
                width: w,
                height: h,
                title: String::new(),
                background: "#ffffff",
                items: Vec::new(),
            };
            let pixmap = rasterize(&super::super::svg::write(&scene)).unwrap();
            assert_eq!(
                pixel_size(&scene),
                (pixmap.width(), pixmap.height()),
                "{w} x {h}"
            );
        }
    }

    #[test]
    fn an_opaque_picture_is_encoded_as_tiny_skia_does_and_a_transparent_one_too() {
        // The bytes of before (tiny-skia's encoder) for the same settings, opaque or not.
        let mut pixmap = blank(64, 48).unwrap();
        pixmap.fill(tiny_skia::Color::from_rgba8(250, 240, 200, 255));
        let mut paint = tiny_skia::Paint::default();
        paint.set_color_rgba8(20, 80, 200, 128);
        let rect = tiny_skia::Rect::from_xywh(5.0, 5.0, 30.0, 20.0).unwrap();
        pixmap.fill_rect(rect, &paint, tiny_skia::Transform::identity(), None);
        assert_eq!(
            encode(&pixmap, ENCODING).unwrap(),
            pixmap.encode_png().unwrap()
        );
        let mut clear = blank(64, 48).unwrap();
        clear.fill_rect(rect, &paint, tiny_skia::Transform::identity(), None);
        assert_eq!(
            encode(&clear, ENCODING).unwrap(),
            clear.encode_png().unwrap()
        );
        // One translucent pixel, the very last, makes an opaque picture one to un-premultiply.
        let last = tiny_skia::Rect::from_xywh(63.0, 47.0, 1.0, 1.0).unwrap();
        let mut source = tiny_skia::Paint::default();
        source.set_color_rgba8(20, 80, 200, 128);
        source.blend_mode = tiny_skia::BlendMode::Source;
        pixmap.fill_rect(last, &source, tiny_skia::Transform::identity(), None);
        assert_eq!(pixmap.pixels().last().unwrap().alpha(), 128);
        assert_eq!(
            encode(&pixmap, ENCODING).unwrap(),
            pixmap.encode_png().unwrap()
        );
    }

    #[test]
    fn png_size_reads_the_header_of_a_png_and_nothing_else() {
        let png = encode(&blank(37, 5).unwrap(), ENCODING).unwrap();
        assert_eq!(png_size(&png), Some((37, 5)));
        assert_eq!(png_size(&png[..20]), None);
        assert_eq!(png_size(b"GIF89a"), None);
        let mut bad = png.clone();
        bad[12] = b'X';
        assert_eq!(png_size(&bad), None);
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
