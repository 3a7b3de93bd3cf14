//! The deck's PDF writer: a 16:9 page per deck page, text read back by an independent
//! extractor (pdf-extract), the shipped font embedded as subsets, a sound cross-reference
//! table, bookmarks, no date, the same bytes every run; and the Calaisis maps written as a
//! PDF and a PowerPoint file on disk.

use std::collections::BTreeSet;

use actormap::maps;
use actormap::model::Lang;
use actormap::render::deck::{Deck, Page};
use actormap::render::{pdf, pptx};

use crate::deck::{
    AWKWARD, Document, SQUARE, assert_names_bad_pages, assert_pptx_sound, deck_with_bad_pages,
    media_box, pdf_pages_text, squash, two_page_deck,
};

/// Every entry of the cross-reference table points at its object's header.
fn assert_xref_sound(bytes: &[u8]) {
    let tail_at = bytes
        .windows(10)
        .rposition(|w| w == b"startxref\n")
        .expect("startxref");
    // The tail (table, trailer, startxref) is plain ASCII.
    let tail = std::str::from_utf8(&bytes[tail_at..]).unwrap();
    let start: usize = tail.lines().nth(1).unwrap().parse().unwrap();
    let table = std::str::from_utf8(&bytes[start..]).expect("the table is ASCII");
    assert!(
        table.starts_with("xref\n0 "),
        "startxref points at the table"
    );
    let count: usize = table.lines().nth(1).unwrap()[2..].parse().unwrap();
    for (n, line) in table.lines().skip(3).take(count - 1).enumerate() {
        let offset: usize = line[..10].parse().unwrap();
        let header = format!("{} 0 obj\n", n + 1);
        assert!(
            bytes[offset..].starts_with(header.as_bytes()),
            "xref entry {} points at {:?}",
            n + 1,
            String::from_utf8_lossy(&bytes[offset..offset + 20])
        );
    }
    assert!(tail.ends_with("%%EOF"));
}

/// The base font names of every embedded font file of the document.
fn embedded_fonts(doc: &Document) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for object in doc.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if dict.get(b"Type").and_then(|t| t.as_name()).ok() != Some(b"FontDescriptor") {
            continue;
        }
        let name = String::from_utf8_lossy(dict.get(b"FontName").unwrap().as_name().unwrap());
        let file = dict
            .get(b"FontFile2")
            .or_else(|_| dict.get(b"FontFile"))
            .or_else(|_| dict.get(b"FontFile3"))
            .unwrap_or_else(|_| panic!("{name} is not embedded"))
            .as_reference()
            .unwrap();
        let data = doc.get_object(file).unwrap().as_stream().unwrap();
        assert!(
            data.decompressed_content().unwrap().len() > 1000,
            "{name}: the font file holds glyphs"
        );
        out.insert(name.into_owned());
    }
    out
}

/// Check the PDF of `deck` as a reader would; panics with what is wrong.
fn assert_pdf_sound(bytes: &[u8], deck: &Deck) {
    assert!(bytes.starts_with(b"%PDF-1.7\n"));
    assert_xref_sound(bytes);
    let doc = Document::load_mem(bytes).expect("lopdf reads the PDF");
    let pages = doc.get_pages();
    assert_eq!(pages.len(), deck.pages.len(), "one PDF page per deck page");
    for id in pages.values() {
        assert_eq!(media_box(&doc, *id), [0.0, 0.0, 960.0, 540.0], "16:9 page");
    }
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(|i| i.as_reference())
        .and_then(|i| doc.get_dictionary(i))
        .expect("an information dictionary");
    assert_eq!(
        pdf_extract::decode_text_string(info.get(b"Title").unwrap()).unwrap(),
        deck.title
    );
    for key in [&b"CreationDate"[..], b"ModDate"] {
        assert!(info.get(key).is_err(), "no date in the PDF");
    }
    assert!(
        doc.trailer.get(b"ID").is_err(),
        "no file id (it would be random)"
    );
    // Every stream of any size is deflated (a plain vector drawing is 4 times as large)
    // and decodes.
    for (id, object) in &doc.objects {
        let Ok(stream) = object.as_stream() else {
            continue;
        };
        if stream.content.len() > 100 {
            assert!(
                stream.dict.get(b"Filter").is_ok(),
                "object {id:?}: a stream of {} bytes left plain",
                stream.content.len()
            );
            assert!(
                stream.decompressed_content().is_ok(),
                "object {id:?} decodes"
            );
        }
    }
    let fonts = embedded_fonts(&doc);
    assert!(
        fonts.iter().any(|f| f.ends_with("+NotoSans"))
            && fonts.iter().any(|f| f.ends_with("+NotoSans-Bold")),
        "the shipped font, regular and bold, embedded as subsets: {fonts:?}"
    );
    // Bookmarks: one per page, titled as the page.
    let catalog = doc.catalog().unwrap();
    let outline = doc
        .get_dictionary(catalog.get(b"Outlines").unwrap().as_reference().unwrap())
        .unwrap();
    let mut item = outline.get(b"First").unwrap().as_reference().ok();
    let mut titles = Vec::new();
    while let Some(id) = item {
        let d = doc.get_dictionary(id).unwrap();
        titles.push(pdf_extract::decode_text_string(d.get(b"Title").unwrap()).unwrap());
        item = d.get(b"Next").and_then(|n| n.as_reference()).ok();
    }
    let expected: Vec<&str> = deck.pages.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(titles, expected);
}

#[test]
fn the_pdf_has_a_16_9_page_per_page_with_the_text_and_the_font_embedded() {
    let deck = two_page_deck();
    let bytes = pdf::write(&deck).expect("the deck is written");
    assert_pdf_sound(&bytes, &deck);
    let text = pdf_pages_text(&bytes);
    assert_eq!(text.len(), 2);
    for (page, text) in deck.pages.iter().zip(&text) {
        assert!(
            squash(text).contains(&squash(&page.title)),
            "the page's title is text on the page: {:?} in {text:?}",
            page.title
        );
    }
    // The renamed actor is a candidate lead of DC3: on the map, as selectable text.
    assert!(
        squash(&text[0]).contains(&squash(AWKWARD)),
        "{AWKWARD:?} in {:?}",
        text[0]
    );
    assert!(squash(&text[1]).contains("422371€"), "{:?}", text[1]);
}

#[test]
fn the_same_deck_gives_the_same_pdf_bytes() {
    // svg2pdf orders fonts and resources by HashMap, seeded anew for every conversion:
    // several runs in one process see several seeds.
    let deck = two_page_deck();
    let pdfs: BTreeSet<Vec<u8>> = (0..6).map(|_| pdf::write(&deck).unwrap()).collect();
    assert_eq!(pdfs.len(), 1, "the PDF changed from one run to the next");
}

#[test]
fn a_drawing_that_is_not_16_9_is_centred_on_a_16_9_page() {
    let deck = Deck {
        title: "Carré".into(),
        lang: Lang::Fr,
        pages: vec![Page::svg("Un carré", SQUARE)],
    };
    let bytes = pdf::write(&deck).unwrap();
    let doc = Document::load_mem(&bytes).unwrap();
    let page = doc.get_pages()[&1];
    assert_eq!(media_box(&doc, page), [0.0, 0.0, 960.0, 540.0]);
    let content = String::from_utf8(doc.get_page_content(page).unwrap()).unwrap();
    assert!(
        content.contains("540 0 0 540 210 0 cm"),
        "as high as the page, centred across: {content}"
    );
}

#[test]
fn every_page_that_cannot_be_drawn_is_named() {
    let err = pdf::write(&deck_with_bad_pages()).unwrap_err();
    assert_names_bad_pages(&err.to_string());
}

/// The DC3 map and the status chart written as a 2-page PDF and PowerPoint file into a
/// folder, as `actormap dossier` will, then checked as files.
#[test]
fn the_calaisis_maps_make_a_two_page_pdf_and_pptx_on_disk() {
    let deck = two_page_deck();
    let dir = tempfile::tempdir().unwrap();
    let pdf_file = maps::write_atomic(dir.path(), "dossier.pdf", &pdf::write(&deck).unwrap())
        .expect("written");
    let pptx_file = maps::write_atomic(dir.path(), "dossier.pptx", &pptx::write(&deck).unwrap())
        .expect("written");
    let pdf_bytes = std::fs::read(&pdf_file).unwrap();
    let pptx_bytes = std::fs::read(&pptx_file).unwrap();
    assert_pdf_sound(&pdf_bytes, &deck);
    assert_pptx_sound(&pptx_bytes, &deck);
    // The pages share the document's fonts: one subset a weight, not one a page.
    let doc = Document::load_mem(&pdf_bytes).unwrap();
    let descriptors = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"FontDescriptor"))
        .count();
    assert_eq!(descriptors, 2, "one font a weight for the whole document");
    let listed: BTreeSet<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(
        listed,
        BTreeSet::from(["dossier.pdf".to_owned(), "dossier.pptx".to_owned()]),
        "nothing else left in the folder"
    );
}
