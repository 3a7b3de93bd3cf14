//! Scene -> a page's drawing in PDF, straight from the Scene: what svg2pdf makes of its SVG
//! parsed by usvg, without writing and parsing the SVG (a third of the dossier's time went
//! to usvg turning every glyph into a path that the PDF does not use).
//!
//! The drawing is a form XObject of 1 x 1 unit (object 1), the scene mapped into it, and a
//! graphics state per opacity, numbered from 2. Its text is written as text in the shipped
//! font, each glyph by its id in the font (its CID), a line's glyphs in one `TJ`; the fonts
//! themselves are the document's, one subset per weight for all its pages (`write_font`,
//! called by `pdf::assemble` with the glyphs every page used): the drawing names them by the
//! references [`font_ref`] reserves. Every item is drawn as the SVG writer says it, with the
//! same geometry as the PNG painter (`paint`), text shaped as resvg shapes it.

use std::collections::BTreeMap;

use pdf_writer::types::{CidFontType, FontFlags, LineCapStyle, SystemInfo, UnicodeCmap};
use pdf_writer::writers::WMode;
use pdf_writer::{Chunk, Content, Filter, Name, Rect as PdfRect, Ref, Str};
use rustybuzz::ttf_parser;

use super::paint::{self, Pen};
use super::svg;
use crate::layout::scene::{Anchor, Item, Rect, Scene, Stroke, Text};
use crate::layout::text::{self, BOLD, REGULAR, Weight};

/// The glyphs a drawing writes in one weight of the font, each with the text it stands for.
pub(super) type Glyphs = BTreeMap<u16, String>;

/// A drawing written: its objects, numbered 1 (the unit XObject) to n, and the glyphs it
/// writes in each weight.
pub(super) type Written = (Vec<Vec<u8>>, Vec<(Weight, Glyphs)>);

/// The drawing of `scene` as `pdf::Drawing` holds it; `None` for a scene left to the SVG
/// route (`paint::paintable`).
pub(super) fn objects(scene: &Scene, deflate: &dyn Fn(&[u8]) -> Vec<u8>) -> Option<Written> {
    if !(paint::paintable(scene) && scene.width > 0.0 && scene.height > 0.0) {
        return None;
    }
    let mut writer = Writer {
        content: Content::new(),
        glyphs: BTreeMap::new(),
        states: Vec::new(),
    };
    let (w, h) = (scene.width as f32, scene.height as f32);
    if !((1.0 / w).is_finite() && (1.0 / h).is_finite()) {
        return None;
    }
    // Scene units, y down, into the unit square, y up.
    writer
        .content
        .transform([1.0 / w, 0.0, 0.0, -1.0 / h, 0.0, 1.0]);
    if let Some(c) = paint::colour(scene.background) {
        writer.fill_rgb(c);
        writer.content.rect(0.0, 0.0, w, h);
        writer.content.fill_nonzero();
    }
    writer.items(&scene.items);
    let Writer {
        content,
        states,
        glyphs,
    } = writer;

    let mut chunk = Chunk::new();
    let state_refs: Vec<Ref> = (0..states.len()).map(|i| Ref::new(2 + i as i32)).collect();
    let data = deflate(&content.finish());
    {
        let mut form = chunk.form_xobject(Ref::new(1), &data);
        form.filter(Filter::FlateDecode);
        form.bbox(PdfRect::new(0.0, 0.0, 1.0, 1.0));
        let mut resources = form.resources();
        if !glyphs.is_empty() {
            let mut dict = resources.fonts();
            for weight in glyphs.keys() {
                dict.pair(Name(font_name(*weight).as_bytes()), font_ref(*weight));
            }
        }
        if !state_refs.is_empty() {
            let mut dict = resources.ext_g_states();
            for (i, r) in state_refs.iter().enumerate() {
                dict.pair(Name(format!("G{i}").as_bytes()), *r);
            }
        }
    }
    for (r, o) in state_refs.iter().zip(&states) {
        chunk
            .ext_graphics(*r)
            .non_stroking_alpha(*o)
            .stroking_alpha(*o);
    }
    let objects = super::pdf::split_chunk(&chunk)?;
    Some((objects, glyphs.into_iter().collect()))
}

/// The reference a drawing names a weight's font by, beyond any object a drawing has: the
/// document puts its font there (`pdf::assemble`).
pub(super) fn font_ref(weight: Weight) -> Ref {
    Ref::new(FONT_REFS + weight as i32)
}

/// Where the references of [`font_ref`] start.
pub(super) const FONT_REFS: i32 = 1 << 30;

/// The weight whose font `r` (one of [`font_ref`]'s) names.
pub(super) fn font_of(r: Ref) -> Option<Weight> {
    [Weight::Regular, Weight::Bold]
        .into_iter()
        .find(|&w| font_ref(w) == r)
}

/// The resource name of a weight's font.
fn font_name(weight: Weight) -> &'static str {
    match weight {
        Weight::Regular => "F0",
        Weight::Bold => "F1",
    }
}

struct Writer {
    content: Content,
    /// The glyphs written, by weight.
    glyphs: BTreeMap<Weight, Glyphs>,
    /// The opacities used, in order: graphics state `G<i>` is the i-th.
    states: Vec<f32>,
}

impl Pen for Content {
    fn move_to(&mut self, x: f32, y: f32) {
        Content::move_to(self, x, y);
    }

    fn line_to(&mut self, x: f32, y: f32) {
        Content::line_to(self, x, y);
    }

    fn cubic_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        Content::cubic_to(self, x1, y1, x2, y2, x, y);
    }

    fn close(&mut self) {
        Content::close_path(self);
    }
}

impl Writer {
    fn items(&mut self, items: &[Item]) {
        for item in items {
            match item {
                Item::Rect(r) => self.rect(r),
                Item::Text(t) => self.text(t),
                Item::Line(l) => {
                    if l.points.len() >= 2 {
                        // A line of no length is not drawn, as an SVG reader does not (a PDF
                        // reader would put a dot for its round caps).
                        if l.points.iter().any(|p| *p != l.points[0]) {
                            self.stroke(&l.stroke, LineCapStyle::RoundCap, |c| {
                                paint::polyline(c, &l.points);
                                true
                            });
                        }
                        if l.arrow {
                            let n = l.points.len();
                            self.arrow(l.points[n - 2], l.points[n - 1], &l.stroke);
                        }
                    }
                }
                Item::Curve(curve) => {
                    self.stroke(&curve.stroke, LineCapStyle::RoundCap, |c| {
                        paint::curve(c, curve);
                        true
                    });
                    if curve.arrow {
                        let (from, to) = curve.end_tangent();
                        self.arrow(from, to, &curve.stroke);
                    }
                    if curve.arrow_start {
                        let (from, to) = curve.start_tangent();
                        self.arrow(from, to, &curve.stroke);
                    }
                }
                Item::Polygon(p) => {
                    if p.points.len() >= 2
                        && let Some(c) = paint::colour(p.fill)
                    {
                        self.translucent(p.opacity, |w| {
                            w.fill_rgb(c);
                            paint::polyline(&mut w.content, &p.points);
                            w.content.close_path();
                            w.content.fill_nonzero();
                        });
                    }
                }
                Item::Sector(s) => {
                    if let Some(c) = paint::colour(s.fill) {
                        let shape = svg::SectorShape::of(s);
                        self.translucent(s.opacity, |w| {
                            w.fill_rgb(c);
                            paint::outline_sector(&mut w.content, &shape);
                            w.content.fill_nonzero();
                        });
                    }
                }
                Item::Group(g) => self.items(&g.items),
            }
        }
    }

    fn fill_rgb(&mut self, c: resvg::tiny_skia::Color) {
        self.content.set_fill_rgb(c.red(), c.green(), c.blue());
    }

    /// Draw with `draw` at `opacity` (a graphics state of its own unless opaque).
    fn translucent(&mut self, opacity: f64, draw: impl FnOnce(&mut Self)) {
        let o = paint::opacity(opacity);
        if o >= 1.0 {
            draw(self);
            return;
        }
        let i = match self.states.iter().position(|&s| s == o) {
            Some(i) => i,
            None => {
                self.states.push(o);
                self.states.len() - 1
            }
        };
        self.content.save_state();
        self.content
            .set_parameters(Name(format!("G{i}").as_bytes()));
        draw(self);
        self.content.restore_state();
    }

    fn rect(&mut self, r: &Rect) {
        let fill = r.fill.and_then(paint::colour);
        let stroke = r
            .stroke
            .as_ref()
            .filter(|s| s.width > 0.0 && s.width.is_finite() && paint::colour(s.color).is_some());
        if fill.is_none() && stroke.is_none() {
            return;
        }
        // The colour is set before the path: inside a path object, PDF allows only the
        // operators that build and paint it (ISO 32000-1, 8.2).
        if let Some(c) = fill {
            self.fill_rgb(c);
            if !paint::outline_rect(&mut self.content, r) {
                return;
            }
            self.content.fill_nonzero();
        }
        if let Some(stroke) = stroke {
            self.stroke(stroke, LineCapStyle::ButtCap, |c| paint::outline_rect(c, r));
        }
    }

    /// Stroke the path `path` draws (it says whether it drew one), in a graphics state of its
    /// own set up before the path begins; nothing for a stroke an SVG reader does not draw.
    fn stroke(
        &mut self,
        stroke: &Stroke,
        cap: LineCapStyle,
        path: impl FnOnce(&mut Content) -> bool,
    ) {
        let colour = paint::colour(stroke.color);
        let (Some(colour), true) = (colour, stroke.width > 0.0 && stroke.width.is_finite()) else {
            return;
        };
        let c = &mut self.content;
        c.save_state();
        c.set_stroke_rgb(colour.red(), colour.green(), colour.blue());
        c.set_line_width(stroke.width as f32);
        c.set_line_cap(cap);
        // SVG's default, where PDF's is 10: a sharp turn ends in a bevel, not a spike.
        c.set_miter_limit(4.0);
        if let Some(list) = paint::dash_list(&stroke.dash) {
            c.set_dash_pattern(list, 0.0);
        }
        if path(c) {
            c.stroke();
        }
        c.restore_state();
    }

    fn arrow(&mut self, from: (f64, f64), to: (f64, f64), stroke: &Stroke) {
        let Some(colour) = paint::colour(stroke.color) else {
            return;
        };
        self.fill_rgb(colour);
        paint::polyline(&mut self.content, &svg::arrow_head(from, to, stroke));
        self.content.close_path();
        self.content.fill_nonzero();
    }

    fn text(&mut self, t: &Text) {
        let line = text::as_svg_reads(&t.text);
        let size = t.size as f32;
        let Some(colour) = paint::colour(t.color) else {
            return;
        };
        if line.is_empty() || !(size > 0.0 && size.is_finite()) {
            return;
        }
        let shaped = text::glyphs(&line, t.weight);
        let (glyphs, advance) = (&shaped.glyphs, shaped.advance);
        if glyphs.is_empty() {
            return;
        }
        let used = self.glyphs.entry(t.weight).or_default();
        // A reader copying or searching the text reads each glyph as the document's map
        // says (`glyph_texts`); where the line is not those texts one after the other (a
        // character the font lacks, a letter and its combining accent drawn as one, a no-break
        // space drawn as a space), the line says its own text (`ActualText`).
        let faithful = glyph_texts(&line, glyphs, t.weight, used);
        let face = text::face(t.weight);
        let em = text::units_per_em(t.weight) as f32;
        let unit = size / em;
        let width = advance as f32 * unit;
        let start = t.x as f32
            - match t.anchor {
                Anchor::Start => 0.0,
                Anchor::Middle => width / 2.0,
                Anchor::End => width,
            };
        let c = &mut self.content;
        if !faithful {
            c.begin_marked_content_with_properties(Name(b"Span"))
                .properties()
                .actual_text(pdf_writer::TextStr(&line));
        }
        c.begin_text();
        c.set_fill_rgb(colour.red(), colour.green(), colour.blue());
        c.set_font(Name(font_name(t.weight).as_bytes()), size);
        // Runs of glyphs on the baseline in one `TJ`, each placed from the one before by
        // the difference between where it goes and where its advance leaves the pen; a glyph
        // moved off the baseline (a mark) is placed alone.
        let mut run: Vec<(u16, f32)> = Vec::new();
        let mut pen = f32::NAN;
        let flush = |c: &mut Content, run: &mut Vec<(u16, f32)>| {
            if run.is_empty() {
                return;
            }
            let mut show = c.show_positioned();
            let mut items = show.items();
            for (cid, adjust) in run.drain(..) {
                if adjust != 0.0 {
                    items.adjust(adjust);
                }
                items.show(Str(&cid.to_be_bytes()));
            }
        };
        for g in glyphs {
            let x = start + (g.cluster + g.dx) as f32 * unit;
            let y = t.y as f32 - g.dy as f32 * unit;
            let advance = face
                .glyph_hor_advance(ttf_parser::GlyphId(g.id))
                .map_or(0.0, f32::from)
                * unit;
            if g.dy != 0 || !pen.is_finite() {
                flush(c, &mut run);
                // Text space: y up again, within the flipped drawing.
                c.set_text_matrix([1.0, 0.0, 0.0, -1.0, x, y]);
                run.push((g.id, 0.0));
            } else {
                // In thousandths of the text size, the other way.
                run.push((g.id, -(x - pen) / size * 1000.0));
            }
            pen = if g.dy != 0 { f32::NAN } else { x + advance };
        }
        flush(c, &mut run);
        c.end_text();
        if !faithful {
            c.end_marked_content();
        }
    }
}

/// Into `used`, the text each glyph of `line` stands for, the same on every page: the
/// character the font gives that glyph (the lowest, where several share it: a space for the
/// no-break space), or, for a glyph no character gives (a ligature), the text of its cluster
/// when it draws that cluster alone. Whether those texts, one after the other, are `line`.
fn glyph_texts(line: &str, glyphs: &[text::Glyph], weight: Weight, used: &mut Glyphs) -> bool {
    let characters = characters(weight);
    let mut faithful = true;
    let mut read = 0;
    let mut i = 0;
    while i < glyphs.len() {
        let (start, end) = (glyphs[i].start, glyphs[i].end);
        let cluster = glyphs[i..]
            .iter()
            .take_while(|g| (g.start, g.end) == (start, end))
            .count();
        for g in &glyphs[i..i + cluster] {
            let mut buffer = [0u8; 4];
            let own: &str = match characters.get(&g.id) {
                Some(c) => c.encode_utf8(&mut buffer),
                None if g.id != 0 && cluster == 1 => line.get(start..end).unwrap_or_default(),
                None => "",
            };
            let text = used.entry(g.id).or_insert_with(|| own.to_owned());
            faithful &= text == own && line.get(read..).is_some_and(|rest| rest.starts_with(own));
            read += own.len();
        }
        i += cluster;
    }
    faithful && read == line.len()
}

/// Per glyph of the font of `weight`, the lowest character the font gives it.
fn characters(weight: Weight) -> &'static std::collections::HashMap<u16, char> {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static REGULAR_CHARACTERS: OnceLock<HashMap<u16, char>> = OnceLock::new();
    static BOLD_CHARACTERS: OnceLock<HashMap<u16, char>> = OnceLock::new();
    let cell = match weight {
        Weight::Regular => &REGULAR_CHARACTERS,
        Weight::Bold => &BOLD_CHARACTERS,
    };
    cell.get_or_init(|| {
        let mut characters: HashMap<u16, char> = HashMap::new();
        let Some(cmap) = text::face(weight).tables().cmap else {
            return characters;
        };
        for table in cmap.subtables.into_iter().filter(|t| t.is_unicode()) {
            table.codepoints(|code| {
                if let (Some(c), Some(glyph)) = (char::from_u32(code), table.glyph_index(code))
                    && glyph.0 != 0
                {
                    characters
                        .entry(glyph.0)
                        .and_modify(|have| *have = (*have).min(c))
                        .or_insert(c);
                }
            });
        }
        characters
    })
}

/// The document's font of `weight` at `type0`, for every page: a Type 0 font whose CIDs are
/// the glyphs' ids in the shipped face (what the drawings write), the face cut to `glyphs`
/// (subsetter numbers them anew; a `CIDToGIDMap` gives each CID its new glyph), and what it
/// needs, at references from `alloc`.
pub(super) fn write_font(
    chunk: &mut Chunk,
    type0: Ref,
    weight: Weight,
    glyphs: &Glyphs,
    alloc: &mut impl FnMut() -> Ref,
    deflate: &dyn Fn(&[u8]) -> Vec<u8>,
) -> Result<(), String> {
    let (cid_ref, descriptor_ref, cmap_ref, data_ref, map_ref) =
        (alloc(), alloc(), alloc(), alloc(), alloc());
    let face = text::face(weight);
    let data = match weight {
        Weight::Regular => REGULAR,
        Weight::Bold => BOLD,
    };
    let em = text::units_per_em(weight) as f32;
    let to_1000 = |v: f32| v / em * 1000.0;
    let ids: Vec<u16> = glyphs.keys().copied().collect();
    // The face's own PostScript name ("NotoSans", "NotoSans-Bold"), as readers list it,
    // after six capitals that say which glyphs the subset has (PDF's subset tag).
    let postscript = face
        .names()
        .into_iter()
        .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
        .find_map(|n| n.to_string())
        .unwrap_or_else(|| "NotoSans".to_owned());
    let base = format!("{}+{postscript}", subset_tag(&ids));
    chunk
        .type0_font(type0)
        .base_font(Name(base.as_bytes()))
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid_ref)
        .to_unicode(cmap_ref);
    const SYSTEM: SystemInfo = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    let mut remapper = subsetter::GlyphRemapper::new();
    let mut map = vec![0u8; 2 * (usize::from(ids.last().copied().unwrap_or(0)) + 1)];
    for &id in &ids {
        let new = remapper.remap(id);
        map[2 * usize::from(id)..][..2].copy_from_slice(&new.to_be_bytes());
    }
    {
        let mut cid = chunk.cid_font(cid_ref);
        cid.subtype(CidFontType::Type2);
        cid.base_font(Name(base.as_bytes()));
        cid.system_info(SYSTEM);
        cid.font_descriptor(descriptor_ref);
        cid.default_width(0.0);
        cid.cid_to_gid_map_stream(map_ref);
        let mut widths = cid.widths();
        // Runs of consecutive CIDs, each with its glyph's advance.
        let mut i = 0;
        while i < ids.len() {
            let run = ids[i..]
                .iter()
                .enumerate()
                .take_while(|(k, id)| usize::from(**id) == usize::from(ids[i]) + k)
                .count();
            widths.consecutive(
                ids[i],
                ids[i..i + run].iter().map(|&g| {
                    to_1000(
                        face.glyph_hor_advance(ttf_parser::GlyphId(g))
                            .map_or(0.0, f32::from),
                    )
                }),
            );
            i += run;
        }
    }
    chunk
        .stream(map_ref, &deflate(&map))
        .filter(Filter::FlateDecode);
    let bbox = face.global_bounding_box();
    let ascent = to_1000(f32::from(face.ascender()));
    chunk
        .font_descriptor(descriptor_ref)
        .name(Name(base.as_bytes()))
        .flags(FontFlags::SYMBOLIC)
        .bbox(PdfRect::new(
            to_1000(f32::from(bbox.x_min)),
            to_1000(f32::from(bbox.y_min)),
            to_1000(f32::from(bbox.x_max)),
            to_1000(f32::from(bbox.y_max)),
        ))
        .italic_angle(0.0)
        .ascent(ascent)
        .descent(to_1000(f32::from(face.descender())))
        .cap_height(
            face.capital_height()
                .filter(|&h| h > 0)
                .map_or(ascent, |h| to_1000(f32::from(h))),
        )
        .stem_v(10.0 + 0.244 * (f32::from(face.weight().to_number()) - 50.0))
        .font_file2(data_ref);
    let mut cmap = UnicodeCmap::new(Name(b"Custom"), SYSTEM);
    for (&id, text) in glyphs {
        if !text.is_empty() {
            cmap.pair_with_multiple(id, text.chars());
        }
    }
    let cmap = deflate(&cmap.finish());
    chunk
        .cmap(cmap_ref, &cmap)
        .writing_mode(WMode::Horizontal)
        .filter(Filter::FlateDecode);
    let font = subsetter::subset(data, 0, &remapper)
        .map_err(|e| format!("the font could not be cut to its glyphs: {e}"))?;
    chunk
        .stream(data_ref, &deflate(&font))
        .filter(Filter::FlateDecode);
    Ok(())
}

/// Six capital letters from the glyphs of a subset: the same glyphs, the same tag.
fn subset_tag(glyphs: &[u16]) -> String {
    let bytes: Vec<u8> = glyphs.iter().flat_map(|g| g.to_be_bytes()).collect();
    let mut hash = xxhash_rust::xxh3::xxh3_64(&bytes);
    (0..6)
        .map(|_| {
            let letter = char::from(b'A' + (hash % 26) as u8);
            hash /= 26;
            letter
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::deck::{Deck, Page, each_page};
    use super::super::{pdf, png};
    use crate::i18n::Lang;
    use crate::layout::scene::Scene;

    /// The deck's PDF written from its scenes, and through their SVG by svg2pdf.
    fn both(scenes: Vec<Scene>) -> (Vec<u8>, Vec<u8>) {
        let deck = Deck {
            title: "Essai".into(),
            lang: Lang::Fr,
            pages: scenes.into_iter().map(Page::scene).collect(),
        };
        let mine = pdf::write(&deck).unwrap();
        let drawings = each_page(&deck, |page| {
            pdf::drawing(page, &png::parse(&page.to_svg())?)
        })
        .unwrap();
        let theirs = pdf::write_drawings(&deck, &drawings).unwrap();
        (mine, theirs)
    }

    /// Each page of a PDF in grey at 100 dots per inch, by poppler; `None` (said loudly)
    /// where `pdftoppm` is not installed.
    fn pages(pdf: &[u8]) -> Option<Vec<Vec<u8>>> {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("d.pdf");
        std::fs::write(&file, pdf).unwrap();
        let ran = std::process::Command::new("pdftoppm")
            .args(["-r", "100", "-gray"])
            .arg(&file)
            .arg(dir.path().join("p"))
            .status();
        if ran.is_err() {
            assert!(
                std::env::var_os("ACTORMAP_REQUIRE_POPPLER").is_none(),
                "pdftoppm (poppler-utils) is required here and not installed"
            );
            eprintln!(
                "SKIPPED: pdftoppm (poppler-utils) is not installed: the PDF pages are not compared"
            );
            return None;
        }
        assert!(ran.unwrap().success());
        let mut names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "pgm"))
            .collect();
        names.sort();
        Some(names.iter().map(|p| std::fs::read(p).unwrap()).collect())
    }

    fn bundled_and_every_item() -> Vec<Scene> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("actors/calaisis");
        let t = crate::load::load(&dir).unwrap();
        let opts = crate::layout::Options::default();
        let mut scenes = vec![super::super::paint::tests::every_item()];
        for kind in crate::maps::build_list(&t) {
            scenes.extend(crate::maps::scenes(&t, &kind, &opts));
        }
        scenes
    }

    #[test]
    fn every_page_is_drawn_as_svg2pdf_draws_its_svg() {
        let (mine, theirs) = both(bundled_and_every_item());
        let (Some(mine), Some(theirs)) = (pages(&mine), pages(&theirs)) else {
            return;
        };
        assert_eq!(mine.len(), theirs.len());
        for (i, (a, b)) in mine.iter().zip(&theirs).enumerate() {
            assert_eq!(a.len(), b.len());
            let (mean, block) = apart(a, b);
            // Poppler puts a glyph on the pixel grid its own way for each way of writing
            // text: edges of text move by a pixel, nothing more.
            assert!(mean < 0.5 && block < 40, "page {}: {mean} {block}", i + 1);
        }
    }

    /// The mean difference of two grey pictures (PGM files of one size), and the largest
    /// difference of the mean of an 8 x 8 block: a shape or a word moved or missing shows in
    /// a block, a pixel of an edge does not.
    fn apart(a: &[u8], b: &[u8]) -> (f64, u32) {
        let header = |p: &[u8]| -> (usize, usize, usize) {
            let text = String::from_utf8_lossy(&p[..p.len().min(40)]).into_owned();
            let mut fields = text.split_ascii_whitespace().skip(1);
            let w: usize = fields.next().unwrap().parse().unwrap();
            let h: usize = fields.next().unwrap().parse().unwrap();
            (w, h, p.len() - w * h)
        };
        let (w, h, start) = header(a);
        let (a, b) = (&a[start..], &b[start..]);
        let mean = a
            .iter()
            .zip(b)
            .map(|(x, y)| f64::from(x.abs_diff(*y)))
            .sum::<f64>()
            / a.len() as f64;
        let mut block = 0;
        for by in 0..h / 8 {
            for bx in 0..w / 8 {
                let sum = |p: &[u8]| -> i64 {
                    (0..64)
                        .map(|k| i64::from(p[(by * 8 + k / 8) * w + bx * 8 + k % 8]))
                        .sum()
                };
                block = block.max((sum(a) - sum(b)).unsigned_abs() as u32 / 64);
            }
        }
        (mean, block)
    }

    /// Inside a path object (from its first `m` or `re` to the operator that paints or ends
    /// it) PDF allows only the operators that build, clip and paint it (ISO 32000-1, 8.2):
    /// a colour, a line width or a saved state there is an error that lenient readers
    /// (poppler, MuPDF) let pass and strict ones (print shops, PDF/A checkers) do not.
    #[test]
    fn no_colour_or_state_is_set_inside_a_path() {
        let deflate = |d: &[u8]| miniz_oxide::deflate::compress_to_vec_zlib(d, 1);
        for (i, scene) in bundled_and_every_item().iter().enumerate() {
            let (objects, _) = super::objects(scene, &deflate).expect("drawn from its scene");
            let body = &objects[0];
            let start = memchr::memmem::find(body, b"\nstream\n").unwrap() + 8;
            let end = body.len() - b"\nendstream".len();
            let content = miniz_oxide::inflate::decompress_to_vec_zlib(&body[start..end]).unwrap();
            let content = String::from_utf8_lossy(&content);
            let mut in_path = false;
            let mut misplaced = Vec::new();
            for op in content.split_ascii_whitespace() {
                match op {
                    "m" | "l" | "c" | "v" | "y" | "re" | "h" => in_path = true,
                    "f" | "F" | "f*" | "S" | "s" | "B" | "B*" | "b" | "b*" | "n" => in_path = false,
                    "q" | "Q" | "rg" | "RG" | "w" | "J" | "j" | "d" | "M" | "gs" | "cm" | "BT"
                    | "Do"
                        if in_path =>
                    {
                        misplaced.push(op.to_owned())
                    }
                    _ => {}
                }
            }
            assert!(!in_path, "scene {i}: a path is never painted");
            assert!(
                misplaced.is_empty(),
                "scene {i}: {misplaced:?} inside a path"
            );
        }
    }

    /// What a reader copies or finds of each line is the line, wherever its glyphs also
    /// appear: a letter and its combining accent, characters the font lacks (drawn as the
    /// same empty box), a no-break space (drawn as a space), a ligature.
    #[test]
    fn each_line_reads_back_as_its_own_text() {
        let lines = [
            "ax\u{301}",
            "xyz",
            "日",
            "本",
            "nb\u{a0}sp",
            "e\u{301}t\u{e9}",
            "Chef de file : Sevadec",
            "ﬁxe",
        ];
        let items = lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                crate::layout::scene::Item::Text(crate::layout::scene::Text {
                    x: 20.0,
                    y: 40.0 + 45.0 * i as f64,
                    text: (*line).into(),
                    size: 30.0,
                    weight: crate::layout::text::Weight::Regular,
                    anchor: crate::layout::scene::Anchor::Start,
                    color: "#1b2a4a",
                    class: String::new(),
                })
            })
            .collect();
        let scene = Scene {
            width: 800.0,
            height: 450.0,
            title: "t".into(),
            background: "#ffffff",
            items,
        };
        let (pdf, _) = both(vec![scene]);
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("d.pdf");
        std::fs::write(&file, &pdf).unwrap();
        let Ok(out) = std::process::Command::new("pdftotext")
            .arg(&file)
            .arg("-")
            .output()
        else {
            assert!(
                std::env::var_os("ACTORMAP_REQUIRE_POPPLER").is_none(),
                "pdftotext is missing"
            );
            eprintln!(
                "SKIPPED: pdftotext (poppler-utils) is not installed: the text is not read back"
            );
            return;
        };
        let read = String::from_utf8(out.stdout).unwrap();
        let read: Vec<&str> = read.lines().filter(|l| !l.trim().is_empty()).collect();
        // pdftotext writes a no-break space as a space, whatever the PDF says (svg2pdf's PDF
        // reads the same).
        let expected: Vec<String> = lines.iter().map(|l| l.replace('\u{a0}', " ")).collect();
        assert_eq!(read, expected);
    }

    #[test]
    fn a_deck_of_no_page_is_an_error_not_a_panic() {
        let deck = Deck {
            title: "Essai".into(),
            lang: Lang::Fr,
            pages: Vec::new(),
        };
        assert!(pdf::write_drawings(&deck, &[]).is_err());
        assert!(pdf::write(&deck).is_err());
    }

    #[test]
    fn the_text_is_text_read_back_as_the_svg_shows_it_and_the_file_is_smaller() {
        let scenes = bundled_and_every_item();
        let (mine, theirs) = both(scenes);
        let text = pdf_extract::extract_text_from_mem(&mine).unwrap();
        // White space as an SVG reader takes it: runs made one, the ends dropped.
        assert!(text.contains("« en bonne voie »"), "{text}");
        assert!(text.contains("Chef de file : Sevadec"), "{text}");
        assert!(text.contains("Massifier les"), "{text}");
        // One font object a weight a page, its glyphs a subset: smaller than svg2pdf's.
        assert!(
            mine.len() < theirs.len(),
            "{} bytes against {}",
            mine.len(),
            theirs.len()
        );
        // The same scenes, the same bytes.
        assert_eq!(both(bundled_and_every_item()).0, mine);
    }
}
