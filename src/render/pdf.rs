//! Deck -> one PDF: a 16:9 page (960 x 540 pt) per deck page, its drawing written in vector
//! PDF straight from its Scene (`pdf_scene`; a page given as SVG, or a scene the writer
//! leaves out, is converted by svg2pdf), the text as text in the shipped font (selectable,
//! searchable), embedded once for the document as one subset a weight, a bookmark per page,
//! the deck's title and language. No date and no random id: the same deck gives the same
//! bytes.
//!
//! svg2pdf 0.13 writes a drawing's fonts and resource names in `HashMap` order, which
//! changes from one run to the next; each drawing is therefore put in a canonical form
//! (resource entries sorted, objects numbered in the order they are reached from the
//! drawing) before the pages are assembled, and the file is assembled here, object by
//! object, in number order.

use std::collections::BTreeMap;

use pdf_writer::types::Direction;
use pdf_writer::writers::{Catalog, DocumentInfo, Outline, OutlineItem, Pages};
use pdf_writer::{Chunk, Content, Finish, Name, Rect, Ref, TextStr};

use super::deck::{Deck, Error, Page, SLIDE_PT, each_page, fit, language_tag};
use super::png;
use resvg::usvg;

/// The deck as the bytes of one PDF file.
pub fn write(deck: &Deck) -> Result<Vec<u8>, Error> {
    let drawings = each_page(deck, |page| {
        if let super::deck::Drawing::Scene(scene) = &page.drawing
            && let Some(drawing) = scene_drawing(page, scene)
        {
            return Ok(drawing);
        }
        drawing(page, &png::parse(&page.to_svg())?)
    })?;
    write_drawings(deck, &drawings)
}

/// The deck as the bytes of one PDF file, from its pages' drawings (one a page, in order).
pub fn write_drawings(deck: &Deck, drawings: &[Drawing]) -> Result<Vec<u8>, Error> {
    if deck.pages.is_empty() {
        return Err(Error::deck("it has no page"));
    }
    if drawings.len() != deck.pages.len() {
        return Err(Error::deck("its pages and their drawings do not match"));
    }
    assemble(deck, drawings).map_err(Error::deck)
}

/// One page's drawing as PDF objects: a form XObject of 1 x 1 unit (number 1) and what it
/// uses, numbered from 1 in canonical order.
#[derive(Debug)]
pub struct Drawing {
    objects: Vec<Vec<u8>>,
    /// The glyphs it writes in each weight of the document's fonts (none for a drawing
    /// converted by svg2pdf, which embeds its own).
    fonts: Vec<(crate::layout::text::Weight, super::pdf_scene::Glyphs)>,
    /// Where the unit XObject goes on the page, in points from the bottom-left corner.
    matrix: [f32; 6],
    background: [f32; 3],
}

/// The drawing of `page`, whose drawing is `scene`, written straight from the scene
/// (`pdf_scene`); `None` for a scene left to the SVG route (see `paint::paintable`).
pub fn scene_drawing(page: &Page, scene: &crate::layout::scene::Scene) -> Option<Drawing> {
    let deflate = |data: &[u8]| miniz_oxide::deflate::compress_to_vec_zlib(data, DEFLATE_LEVEL);
    let (objects, fonts) = super::pdf_scene::objects(scene, &deflate)?;
    let mut drawing = placed(page, objects, (scene.width, scene.height));
    drawing.fonts = fonts;
    Some(drawing)
}

/// The objects of a chunk numbered 1 to n (none missing), in number order.
pub(super) fn split_chunk(chunk: &Chunk) -> Option<Vec<Vec<u8>>> {
    let mut objects = split(chunk.as_bytes()).ok()?;
    objects.sort_by_key(|(id, _)| *id);
    let numbered = objects
        .iter()
        .enumerate()
        .all(|(i, (id, _))| id.get() == i as i32 + 1);
    numbered.then(|| objects.into_iter().map(|(_, body)| body.to_vec()).collect())
}

/// A drawing of `size` made of `objects` (its unit XObject first), placed on its page.
fn placed(page: &Page, objects: Vec<Vec<u8>>, (width, height): (f64, f64)) -> Drawing {
    let f = fit(width, height, SLIDE_PT);
    // PDF's y axis goes up: the drawing's bottom edge is `y + height` from the top.
    let bottom = SLIDE_PT.1 - f.y - f.height;
    let super::deck::Rgb(r, g, b) = page.background();
    Drawing {
        objects,
        fonts: Vec::new(),
        matrix: [
            f.width as f32,
            0.0,
            0.0,
            f.height as f32,
            f.x as f32,
            bottom as f32,
        ],
        background: [r, g, b].map(|c| f32::from(c) / 255.0),
    }
}

/// The drawing of `page`, whose SVG is parsed as `tree`.
pub fn drawing(page: &Page, tree: &usvg::Tree) -> Result<Drawing, String> {
    // Left uncompressed by svg2pdf, deflated faster in `canonical` (see `deflated`).
    let options = svg2pdf::ConversionOptions {
        compress: false,
        ..svg2pdf::ConversionOptions::default()
    };
    let (chunk, root) = svg2pdf::to_chunk(tree, options)
        .map_err(|e| format!("the drawing could not be converted to PDF: {e}"))?;
    let objects = canonical(&chunk, root)?;
    let size = tree.size();
    Ok(placed(
        page,
        objects,
        (f64::from(size.width()), f64::from(size.height())),
    ))
}

/// The document's own objects: catalog, page tree, information, outline.
const CATALOG: Ref = Ref::new(1);
const PAGE_TREE: Ref = Ref::new(2);
const INFO: Ref = Ref::new(3);
const OUTLINE: Ref = Ref::new(4);

fn assemble(deck: &Deck, drawings: &[Drawing]) -> Result<Vec<u8>, String> {
    // Per page: the page, its content stream, its bookmark, then its drawing's objects.
    let mut next = OUTLINE.get() + 1;
    let mut refs = Vec::with_capacity(drawings.len());
    for d in drawings {
        let page = Ref::new(next);
        refs.push((page, Ref::new(next + 1), Ref::new(next + 2), next + 3));
        next += 3 + i32::try_from(d.objects.len()).map_err(|_| "too many objects")?;
    }
    // The document's fonts, after the pages' objects: one a weight, with the glyphs every
    // page written from its Scene uses.
    let mut glyphs: BTreeMap<crate::layout::text::Weight, super::pdf_scene::Glyphs> =
        BTreeMap::new();
    for d in drawings {
        for (weight, used) in &d.fonts {
            let all = glyphs.entry(*weight).or_default();
            for (id, text) in used {
                all.entry(*id).or_insert_with(|| text.clone());
            }
        }
    }
    let fonts: BTreeMap<crate::layout::text::Weight, Ref> = glyphs
        .keys()
        .map(|&weight| {
            let r = Ref::new(next);
            next += 1;
            (weight, r)
        })
        .collect();
    let pages: Vec<Ref> = refs.iter().map(|r| r.0).collect();
    let items: Vec<Ref> = refs.iter().map(|r| r.2).collect();

    let mut own = Chunk::new();
    {
        let mut catalog = own.indirect(CATALOG).start::<Catalog>();
        catalog.pages(PAGE_TREE).outlines(OUTLINE);
        catalog.lang(TextStr(language_tag(deck.lang)));
        catalog
            .viewer_preferences()
            .display_doc_title(true)
            .direction(Direction::L2R);
    }
    own.indirect(PAGE_TREE)
        .start::<Pages>()
        .kids(pages.iter().copied())
        .count(pages.len() as i32);
    own.indirect(INFO)
        .start::<DocumentInfo>()
        .title(TextStr(&deck.title))
        .producer(TextStr("actormap"));
    own.indirect(OUTLINE)
        .start::<Outline>()
        .first(items[0])
        .last(items[items.len() - 1])
        .count(items.len() as i32);

    let mut objects: BTreeMap<i32, Vec<u8>> = BTreeMap::new();
    for (i, (d, page)) in drawings.iter().zip(&deck.pages).enumerate() {
        let (page_ref, content_ref, item_ref, base) = refs[i];
        let mut p = own.indirect(page_ref).start::<pdf_writer::writers::Page>();
        p.parent(PAGE_TREE)
            .media_box(Rect::new(0.0, 0.0, SLIDE_PT.0 as f32, SLIDE_PT.1 as f32))
            .contents(content_ref);
        p.resources().x_objects().pair(Name(b"D"), Ref::new(base));
        p.group()
            .transparency()
            .isolated(true)
            .knockout(false)
            .color_space()
            .device_rgb();
        p.finish();

        let mut content = Content::new();
        let [r, g, b] = d.background;
        content
            .save_state()
            .set_fill_rgb(r, g, b)
            .rect(0.0, 0.0, SLIDE_PT.0 as f32, SLIDE_PT.1 as f32)
            .fill_nonzero()
            .transform(d.matrix)
            .x_object(Name(b"D"))
            .restore_state();
        own.stream(content_ref, &content.finish());

        let mut item = own.indirect(item_ref).start::<OutlineItem>();
        item.title(TextStr(&page.title)).parent(OUTLINE);
        if i > 0 {
            item.prev(items[i - 1]);
        }
        if i + 1 < items.len() {
            item.next(items[i + 1]);
        }
        item.dest().page(page_ref).fit();
        item.finish();

        for (k, body) in d.objects.iter().enumerate() {
            let id = base + k as i32;
            let body = patch_refs(body, &mut |r| {
                if r.get() >= super::pdf_scene::FONT_REFS {
                    super::pdf_scene::font_of(r).and_then(|w| fonts.get(&w).copied())
                } else {
                    Some(Ref::new(r.get() + base - 1))
                }
            })?;
            objects.insert(id, body);
        }
    }
    let deflate = |data: &[u8]| miniz_oxide::deflate::compress_to_vec_zlib(data, DEFLATE_LEVEL);
    let mut alloc = || {
        let r = Ref::new(next);
        next += 1;
        r
    };
    for (weight, r) in &fonts {
        super::pdf_scene::write_font(&mut own, *r, *weight, &glyphs[weight], &mut alloc, &deflate)?;
    }
    for (id, body) in split(own.as_bytes())? {
        objects.insert(id.get(), body.to_vec());
    }
    Ok(file(&objects))
}

/// The PDF file around numbered object bodies (numbered 1 to n, none missing): header,
/// objects in number order, cross-reference table, trailer.
fn file(objects: &BTreeMap<i32, Vec<u8>>) -> Vec<u8> {
    let mut out: Vec<u8> = b"%PDF-1.7\n%\x80\x80\x80\x80\n\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (id, body) in objects {
        debug_assert_eq!(*id as usize, offsets.len() + 1, "objects are numbered 1..n");
        offsets.push(out.len());
        out.extend(format!("{id} 0 obj\n").bytes());
        out.extend(body);
        out.extend(b"\nendobj\n\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f\r\n", offsets.len() + 1).bytes());
    for offset in offsets {
        out.extend(format!("{offset:010} 00000 n\r\n").bytes());
    }
    out.extend(
        format!(
            "trailer\n<<\n  /Size {}\n  /Root {} 0 R\n  /Info {} 0 R\n>>\nstartxref\n{xref}\n%%EOF",
            objects.len() + 1,
            CATALOG.get(),
            INFO.get()
        )
        .bytes(),
    );
    out
}

/// The objects of a chunk as svg2pdf wrote it, in canonical form: the entries of resource
/// dictionaries sorted, streams deflated, and the objects renumbered 1, 2, ... in the order
/// a depth-first walk from `root` first reaches them (so `root` is 1). Objects nothing
/// reaches are left out.
fn canonical(chunk: &Chunk, root: Ref) -> Result<Vec<Vec<u8>>, String> {
    let bodies: BTreeMap<Ref, Vec<u8>> = split(chunk.as_bytes())?
        .into_iter()
        .map(|(id, body)| (id, deflated(sort_resources(body))))
        .collect();
    let mut order: Vec<Ref> = Vec::new();
    let mut number: BTreeMap<Ref, i32> = BTreeMap::new();
    let mut stack = vec![root];
    while let Some(id) = stack.pop() {
        if number.contains_key(&id) {
            continue;
        }
        let body = bodies
            .get(&id)
            .ok_or_else(|| format!("svg2pdf referred to object {} it did not write", id.get()))?;
        order.push(id);
        number.insert(id, order.len() as i32);
        let children: Vec<Ref> = refs_in(body).into_iter().map(|(_, _, r)| r).collect();
        stack.extend(children.into_iter().rev());
    }
    order
        .iter()
        .map(|id| patch_refs(&bodies[id], &mut |r| number.get(&r).map(|&n| Ref::new(n))))
        .collect()
}

/// The objects of a chunk written by pdf-writer (`N G obj\n...\nendobj\n\n`, one after the
/// other): each one's number and body. A stream's data is skipped by its `/Length`, so
/// bytes in it are never taken for structure.
fn split(buf: &[u8]) -> Result<Vec<(Ref, &[u8])>, String> {
    const END: &[u8] = b"\nendobj\n\n";
    const STREAM: &[u8] = b"\nstream\n";
    let bad = |at: usize| format!("unexpected PDF object layout at byte {at}");
    let mut out = Vec::new();
    let mut at = 0;
    while at < buf.len() {
        let header_end = find(&buf[at..], b" obj\n").ok_or_else(|| bad(at))? + at;
        let header = std::str::from_utf8(&buf[at..header_end]).map_err(|_| bad(at))?;
        let id: i32 = match header.split(' ').collect::<Vec<_>>()[..] {
            [id, "0"] => id.parse().map_err(|_| bad(at))?,
            _ => return Err(bad(at)),
        };
        let start = header_end + 5;
        let rest = &buf[start..];
        let end = find(rest, END).ok_or_else(|| bad(start))?;
        let body_len = match find(rest, STREAM) {
            Some(s) if s < end => {
                let length = stream_length(&rest[..s]).ok_or_else(|| bad(start))?;
                let data_end = s + STREAM.len() + length;
                if !rest[data_end..].starts_with(b"\nendstream\nendobj\n\n") {
                    return Err(bad(start + data_end));
                }
                data_end + b"\nendstream".len()
            }
            _ => end,
        };
        let id = Ref::new(id);
        out.push((id, &rest[..body_len]));
        at = start + body_len + END.len();
    }
    Ok(out)
}

/// How hard the drawings' streams are deflated: zlib's level 1. svg2pdf deflates them at
/// level 6, which took half of its time on the bundled data's maps (20 ms of one core
/// against 6 ms for 18 maps), to make the PDF 4 % smaller (485 kB against 506 kB).
const DEFLATE_LEVEL: u8 = 1;

/// The object with its stream deflated (`/Filter /FlateDecode`), when it has a stream that
/// svg2pdf left plain and deflating makes it smaller; else as it was. A stream's data is
/// what lies between `stream` and `endstream` (as `split` cut it), and its dictionary has
/// the `/Length` line pdf-writer writes first.
fn deflated(body: Vec<u8>) -> Vec<u8> {
    const STREAM: &[u8] = b"\nstream\n";
    const END: &[u8] = b"\nendstream";
    const LENGTH: &[u8] = b"  /Length ";
    let Some(s) = find(&body, STREAM) else {
        return body;
    };
    let (dict, rest) = body.split_at(s);
    let Some(data) = rest[STREAM.len()..].strip_suffix(END) else {
        return body;
    };
    let lines: Vec<&[u8]> = dict.split(|&b| b == b'\n').collect();
    if find(dict, b"/Filter").is_some() || !lines.iter().any(|l| l.starts_with(LENGTH)) {
        return body;
    }
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(data, DEFLATE_LEVEL);
    if packed.len() >= data.len() {
        return body;
    }
    let length = format!("  /Length {}\n  /Filter /FlateDecode", packed.len());
    let mut out = Vec::with_capacity(dict.len() + packed.len() + 64);
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        if line.starts_with(LENGTH) {
            out.extend_from_slice(length.as_bytes());
        } else {
            out.extend_from_slice(line);
        }
    }
    out.extend_from_slice(STREAM);
    out.extend_from_slice(&packed);
    out.extend_from_slice(END);
    out
}

/// Where `needle` first is in `haystack`. `split` looks through every stream's data for the
/// end of its object, 1.4 MB for the bundled data's pages now that they come plain from
/// svg2pdf: memchr's search does it six times as fast as comparing at every byte.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

/// The `/Length` of a stream dictionary, written first and at the top level by pdf-writer.
fn stream_length(dict: &[u8]) -> Option<usize> {
    let line = dict
        .split(|&b| b == b'\n')
        .find(|l| l.starts_with(b"  /Length "))?;
    std::str::from_utf8(&line[b"  /Length ".len()..])
        .ok()?
        .trim()
        .parse()
        .ok()
}

/// The resource dictionaries svg2pdf fills from a `HashMap`, whose entries come in a new
/// order on every run.
const RESOURCE_KINDS: [&str; 6] = [
    "/XObject <<",
    "/Font <<",
    "/ExtGState <<",
    "/Pattern <<",
    "/Shading <<",
    "/ColorSpace <<",
];

/// The object with the entries of its resource dictionaries sorted. pdf-writer writes one
/// entry per line, indented under its dictionary; a dictionary holding anything over
/// several lines is left as it is. The order of a dictionary's entries means nothing in
/// PDF, so this changes the bytes only.
fn sort_resources(body: &[u8]) -> Vec<u8> {
    let (dict, stream) = match find(body, b"\nstream\n") {
        Some(s) => body.split_at(s),
        None => (body, &[][..]),
    };
    let lines: Vec<&[u8]> = dict.split(|&b| b == b'\n').collect();
    let indent = |l: &[u8]| l.iter().take_while(|&&b| b == b' ').count();
    let mut out: Vec<&[u8]> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        out.push(line);
        i += 1;
        let opens = RESOURCE_KINDS
            .iter()
            .any(|k| line.trim_ascii() == k.as_bytes());
        if !opens {
            continue;
        }
        let depth = indent(line);
        let Some(len) = lines[i..]
            .iter()
            .position(|l| indent(l) == depth && l.trim_ascii() == b">>")
        else {
            continue;
        };
        let mut entries: Vec<&[u8]> = lines[i..i + len].to_vec();
        let simple = entries.iter().all(|l| {
            indent(l) == depth + 2
                && l.get(depth + 2) == Some(&b'/')
                && !l.ends_with(b"<<")
                && !l.ends_with(b"[")
        });
        if simple {
            entries.sort();
            out.extend(entries);
            i += len;
        }
    }
    let mut sorted = out.join(&b'\n');
    sorted.extend_from_slice(stream);
    sorted
}

/// The indirect references (`12 0 R`) of an object's body, outside strings and stream
/// data: each one's byte range and target, in order.
fn refs_in(body: &[u8]) -> Vec<(usize, usize, Ref)> {
    let delimiter = |b: u8| b.is_ascii_whitespace() || b"()<>[]{}/%".contains(&b) || b == 0;
    let mut out = Vec::new();
    let mut i = 0;
    while i < body.len() {
        match body[i] {
            b'(' => {
                // A literal string: balanced parentheses, backslash escapes.
                let mut depth = 0;
                while i < body.len() {
                    match body[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            b'%' => {
                while i < body.len() && !matches!(body[i], b'\n' | b'\r') {
                    i += 1;
                }
            }
            b's' if body[i..].starts_with(b"stream")
                && body[..i].trim_ascii_end().ends_with(b">>") =>
            {
                break;
            }
            b'R' if body.get(i + 1).is_none_or(|&b| delimiter(b)) => {
                if let Some((start, id)) = ref_before(&body[..i])
                    && (start == 0 || delimiter(body[start - 1]))
                {
                    out.push((start, i + 1, Ref::new(id)));
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// `id gen ` just before an `R`: where the id starts, and the id.
fn ref_before(prefix: &[u8]) -> Option<(usize, i32)> {
    let digits_back = |end: usize| {
        end - prefix[..end]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let spaces_back = |end: usize| {
        end - prefix[..end]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_whitespace())
            .count()
    };
    let gen_end = spaces_back(prefix.len());
    let gen_start = digits_back(gen_end);
    let id_end = spaces_back(gen_start);
    let id_start = digits_back(id_end);
    let ok =
        gen_end < prefix.len() && gen_start < gen_end && id_end < gen_start && id_start < id_end;
    let id: i32 = std::str::from_utf8(&prefix[id_start..id_end])
        .ok()?
        .parse()
        .ok()?;
    (ok && id > 0).then_some((id_start, id))
}

/// The body with every reference's number replaced through `map` (generation 0); an
/// error names a reference `map` does not know.
fn patch_refs(body: &[u8], map: &mut dyn FnMut(Ref) -> Option<Ref>) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(body.len());
    let mut written = 0;
    for (start, end, id) in refs_in(body) {
        let new =
            map(id).ok_or_else(|| format!("a reference to object {} is dangling", id.get()))?;
        out.extend_from_slice(&body[written..start]);
        out.extend(format!("{} 0 R", new.get()).bytes());
        written = end;
    }
    out.extend_from_slice(&body[written..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_stream_is_deflated_and_the_rest_left_alone() {
        let data = b"0 0 m 10 10 l S\n".repeat(50);
        let mut body =
            b"<<\n  /Length 800\n  /Type /XObject\n  /BBox [0 0 1 1]\n>>\nstream\n".to_vec();
        body.extend_from_slice(&data);
        body.extend_from_slice(b"\nendstream");
        let out = deflated(body.clone());
        let s = find(&out, b"\nstream\n").unwrap();
        let dict = std::str::from_utf8(&out[..s]).unwrap();
        let packed = &out[s + 8..out.len() - b"\nendstream".len()];
        assert_eq!(
            dict,
            format!(
                "<<\n  /Length {}\n  /Filter /FlateDecode\n  /Type /XObject\n  /BBox [0 0 1 1]\n>>",
                packed.len()
            )
        );
        assert!(packed.len() < data.len() / 4, "{} bytes", packed.len());
        assert_eq!(
            miniz_oxide::inflate::decompress_to_vec_zlib(packed).unwrap(),
            data
        );
        // A stream already filtered, one deflating would not shrink, and no stream at all.
        let filtered =
            b"<<\n  /Length 3\n  /Filter /FlateDecode\n>>\nstream\nabc\nendstream".to_vec();
        let tiny = b"<<\n  /Length 3\n>>\nstream\nabc\nendstream".to_vec();
        let dict = b"<<\n  /Type /Page\n>>".to_vec();
        for body in [filtered, tiny, dict] {
            assert_eq!(deflated(body.clone()), body);
        }
    }

    #[test]
    fn references_are_found_outside_strings_and_streams() {
        let body = b"<<\n  /Parent 12 0 R\n  /Title (not 3 0 R here)\n  /Kids [4 0 R 5 0 R]\n  /Rect [0 0 1 1]\n  /R 7\n>>\nstream\n9 0 R\nendstream";
        let found: Vec<i32> = refs_in(body).iter().map(|r| r.2.get()).collect();
        assert_eq!(found, [12, 4, 5]);
        let patched = patch_refs(body, &mut |r| Some(Ref::new(r.get() * 10))).unwrap();
        let patched = String::from_utf8(patched).unwrap();
        assert!(patched.contains("/Parent 120 0 R"), "{patched}");
        assert!(patched.contains("[40 0 R 50 0 R]"), "{patched}");
        assert!(patched.contains("(not 3 0 R here)"), "{patched}");
        assert!(patched.contains("stream\n9 0 R\n"), "{patched}");
        assert!(
            patch_refs(body, &mut |r| (r.get() != 5).then_some(r))
                .unwrap_err()
                .contains("object 5")
        );
    }

    #[test]
    fn a_chunk_splits_into_its_objects_even_with_look_alike_stream_data() {
        let mut chunk = Chunk::new();
        chunk
            .indirect(Ref::new(3))
            .dict()
            .pair(Name(b"A"), Ref::new(7));
        // Stream data that looks like the end of an object and the start of the next.
        chunk.stream(Ref::new(7), b"x\nendobj\n\n8 0 obj\ny");
        chunk.indirect(Ref::new(8)).primitive(5);
        let objects = split(chunk.as_bytes()).unwrap();
        let ids: Vec<i32> = objects.iter().map(|o| o.0.get()).collect();
        assert_eq!(ids, [3, 7, 8]);
        assert!(
            objects[1]
                .1
                .ends_with(b"x\nendobj\n\n8 0 obj\ny\nendstream")
        );
        assert_eq!(objects[2].1, b"5");
        assert!(split(b"3 0 obj\n<< >>").is_err());
    }

    /// A drawing with two fonts as svg2pdf may write it: `swap` lists the fonts and writes
    /// their descriptors the other way round, as another `HashMap` seed would.
    fn two_font_chunk(swap: bool) -> Chunk {
        let mut c = Chunk::new();
        let (fonts, descriptors) = if swap {
            ([(b"f1", 3), (b"f0", 2)], [(3, b"B"), (2, b"A")])
        } else {
            ([(b"f0", 2), (b"f1", 3)], [(2, b"A"), (3, b"B")])
        };
        {
            let mut x = c.form_xobject(Ref::new(1), b"/f0 1 Tf /f1 1 Tf");
            let mut resources = x.resources();
            let mut dict = resources.fonts();
            for (name, id) in fonts {
                dict.pair(Name(name), Ref::new(id));
            }
        }
        let descriptor = |font: i32| Ref::new(if swap { 7 - font } else { font + 2 });
        for font in [2, 3] {
            c.indirect(Ref::new(font))
                .dict()
                .pair(Name(b"FontDescriptor"), descriptor(font));
        }
        for (font, name) in descriptors {
            c.indirect(descriptor(font))
                .dict()
                .pair(Name(b"FontName"), Name(name));
        }
        if swap {
            // Something nothing refers to.
            c.indirect(Ref::new(6)).primitive(1);
        }
        c
    }

    #[test]
    fn two_writings_of_one_drawing_have_one_canonical_form() {
        let (a, b) = (two_font_chunk(false), two_font_chunk(true));
        assert_ne!(a.as_bytes(), b.as_bytes());
        let canon = canonical(&a, Ref::new(1)).unwrap();
        assert_eq!(canon, canonical(&b, Ref::new(1)).unwrap());
        let text: Vec<String> = canon
            .iter()
            .map(|o| String::from_utf8_lossy(o).into_owned())
            .collect();
        // The drawing first, then each font followed by its descriptor, as reached.
        assert_eq!(text.len(), 5, "{text:?}");
        assert!(
            text[0].contains("/f0 2 0 R\n      /f1 4 0 R"),
            "{}",
            text[0]
        );
        assert!(text[1].contains("/FontDescriptor 3 0 R"), "{}", text[1]);
        assert!(text[2].contains("/FontName /A"), "{}", text[2]);
        assert!(text[4].contains("/FontName /B"), "{}", text[4]);
    }

    #[test]
    fn resource_entries_are_sorted_and_nothing_else_moves() {
        let body = b"<<\n  /Type /XObject\n  /Resources <<\n    /Font <<\n      /f1 9 0 R\n      /f0 8 0 R\n    >>\n    /ExtGState <<\n      /g2 5 0 R\n      /g0 4 0 R\n    >>\n  >>\n  /BBox [0 0 1 1]\n>>\nstream\n/f1 Tf\nendstream";
        let sorted = String::from_utf8(sort_resources(body)).unwrap();
        assert_eq!(
            sorted,
            "<<\n  /Type /XObject\n  /Resources <<\n    /Font <<\n      /f0 8 0 R\n      /f1 9 0 R\n    >>\n    /ExtGState <<\n      /g0 4 0 R\n      /g2 5 0 R\n    >>\n  >>\n  /BBox [0 0 1 1]\n>>\nstream\n/f1 Tf\nendstream"
        );
        // An entry over several lines: left alone.
        let nested = b"<<\n  /ColorSpace <<\n    /b [\n      /ICCBased 3 0 R\n    ]\n    /a /DeviceRGB\n  >>\n>>";
        assert_eq!(sort_resources(nested), nested.to_vec());
    }
}
