//! The deck's PowerPoint writer (every part parses, every relationship resolves, slides =
//! pages, titles and notes as text and escaped, 16:9, no date, the same bytes every run,
//! LibreOffice opens it where installed), and what the PDF tests share (`deck_pdf`).

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};
use std::path::Path;
use std::process::Command;

use actormap::layout::Options;
use actormap::layout::scene::{Anchor, Item, Scene, Text, Weight};
use actormap::maps::{self, MapKind};
use actormap::model::{Lang, Territory};
use actormap::render::deck::{Deck, Page};
use actormap::render::pptx;
pub use pdf_extract::{Document, Object, ObjectId};

use crate::calaisis;

/// A name as users write them: accents, an ampersand, angle brackets, quotes.
pub const AWKWARD: &str = "Élise & <Cie> \"Ô\"";

fn calaisis_with_awkward_name() -> Territory {
    let mut t = actormap::load::load(&calaisis()).expect("the bundled dataset loads");
    t.edit(|t| {
        let a = (t.actors.iter_mut())
            .find(|a| a.name == "SEVADEC")
            .expect("SEVADEC is in the bundled data");
        a.name = AWKWARD.into();
    });
    t
}

/// The Calaisis DC3 map and the status chart, laid out through the public API, as a deck.
pub fn two_page_deck() -> Deck {
    let t = calaisis_with_awkward_name();
    let opts = maps::with_findings(&t, Options::default()).expect("settings are sound");
    let one = |kind: MapKind| {
        let mut slides = maps::scenes(&t, &kind, &opts);
        assert_eq!(slides.len(), 1, "{kind:?} fits one slide");
        slides.remove(0)
    };
    let dc3 = one(MapKind::Domain("DC3".into()));
    let status = one(MapKind::Status { at: None });
    Deck {
        title: "COPIL du Pays du Calaisis — « essai » & <suite>".into(),
        lang: Lang::Fr,
        pages: vec![
            Page::scene(dc3).with_notes([
                "Quid du portage du REGAL ?",
                &format!("Candidat : {AWKWARD}"),
            ]),
            Page::scene(status).with_notes(["Bonus année 3 : 152 371 €"]),
        ],
    }
}

/// The text without any white space: extractors space glyphs as they please.
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

pub fn pdf_pages_text(bytes: &[u8]) -> Vec<String> {
    pdf_extract::extract_text_from_mem_by_pages(bytes).expect("pdf-extract reads the PDF")
}

fn number(o: &Object) -> f64 {
    match o {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => f64::from(*r),
        other => panic!("not a number: {other:?}"),
    }
}

pub fn media_box(doc: &Document, page: ObjectId) -> Vec<f64> {
    doc.get_dictionary(page)
        .unwrap()
        .get(b"MediaBox")
        .expect("every page has its own MediaBox")
        .as_array()
        .unwrap()
        .iter()
        .map(number)
        .collect()
}

fn tiny_scene(text: &str) -> Scene {
    Scene {
        width: 1920.0,
        height: 1080.0,
        title: text.into(),
        background: "#ffffff",
        items: vec![Item::Text(Text {
            x: 100.0,
            y: 100.0,
            text: text.into(),
            size: 40.0,
            weight: Weight::Bold,
            anchor: Anchor::Start,
            color: "#000000",
            class: String::new(),
        })],
    }
}

/// Every file of a zip archive, as text when it is UTF-8 (binary parts come out empty).
pub fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        out.insert(
            f.name().unwrap().into_owned(),
            String::from_utf8(data).unwrap_or_default(),
        );
    }
    out
}

fn zip_entry(bytes: &[u8], name: &str) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut data = Vec::new();
    zip.by_name(name).unwrap().read_to_end(&mut data).unwrap();
    data
}

/// The text of every paragraph of the shapes holding a placeholder of this type.
pub fn placeholder_text(xml: &str, ph_type: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("sp"))
        .filter(|sp| {
            sp.descendants()
                .any(|n| n.has_tag_name("ph") && n.attribute("type") == Some(ph_type))
        })
        .flat_map(|sp| sp.descendants().filter(|n| n.has_tag_name("p")))
        .map(|p| {
            p.descendants()
                .filter(|n| n.has_tag_name("t"))
                .filter_map(|t| t.text())
                .collect()
        })
        .collect()
}

/// Check the PowerPoint file of `deck` as an office suite would; panics with what is wrong.
pub fn assert_pptx_sound(bytes: &[u8], deck: &Deck) {
    let files = unzip(bytes);
    let names: Vec<&str> = files.keys().map(String::as_str).collect();
    // Every XML part parses.
    for (name, text) in &files {
        if name.ends_with(".xml") || name.ends_with(".rels") || name.ends_with(".svg") {
            roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
    // Every part has a content type.
    let types = roxmltree::Document::parse(&files["[Content_Types].xml"]).unwrap();
    let defaults: BTreeSet<&str> = types
        .descendants()
        .filter(|n| n.has_tag_name("Default"))
        .filter_map(|n| n.attribute("Extension"))
        .collect();
    let overrides: BTreeSet<&str> = types
        .descendants()
        .filter(|n| n.has_tag_name("Override"))
        .filter_map(|n| n.attribute("PartName"))
        .collect();
    for name in &names {
        let ext = name.rsplit('.').next().unwrap();
        assert!(
            defaults.contains(ext) || overrides.contains(format!("/{name}").as_str()),
            "{name} has no content type"
        );
    }
    for part in &overrides {
        assert!(
            files.contains_key(&part[1..]),
            "{part} is declared but absent"
        );
    }
    // Every relationship points at a part of the package.
    for (name, text) in files.iter().filter(|(n, _)| n.ends_with(".rels")) {
        let source_dir = Path::new(name).parent().unwrap().parent().unwrap();
        let doc = roxmltree::Document::parse(text).unwrap();
        for rel in doc.descendants().filter(|n| n.has_tag_name("Relationship")) {
            let target = source_dir.join(rel.attribute("Target").unwrap());
            let mut parts: Vec<&str> = Vec::new();
            for c in target.iter().map(|c| c.to_str().unwrap()) {
                if c == ".." {
                    parts.pop();
                } else {
                    parts.push(c);
                }
            }
            let target = parts.join("/");
            assert!(files.contains_key(&target), "{name}: {target} is missing");
        }
    }
    let presentation = roxmltree::Document::parse(&files["ppt/presentation.xml"]).unwrap();
    let size = presentation
        .descendants()
        .find(|n| n.has_tag_name("sldSz"))
        .unwrap();
    assert_eq!(
        (size.attribute("cx"), size.attribute("cy")),
        (Some("12192000"), Some("6858000")),
        "16:9 slides"
    );
    let slides = presentation
        .descendants()
        .filter(|n| n.has_tag_name("sldId"))
        .count();
    assert_eq!(slides, deck.pages.len(), "one slide per page");
    for (i, page) in deck.pages.iter().enumerate() {
        let k = i + 1;
        let slide = &files[&format!("ppt/slides/slide{k}.xml")];
        assert_eq!(placeholder_text(slide, "title"), [page.title.as_str()]);
        let alt = roxmltree::Document::parse(slide)
            .unwrap()
            .descendants()
            .find(|n| n.has_tag_name("cNvPr") && n.ancestors().any(|a| a.has_tag_name("pic")))
            .and_then(|n| n.attribute("descr").map(str::to_owned));
        assert_eq!(
            alt.as_deref(),
            Some(page.title.as_str()),
            "the picture's alt text"
        );
        let notes = &files[&format!("ppt/notesSlides/notesSlide{k}.xml")];
        assert_eq!(placeholder_text(notes, "body"), page.notes);
        let png = zip_entry(bytes, &format!("ppt/media/image{k}.png"));
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
        let (w, h) = (
            u32::from_be_bytes(png[16..20].try_into().unwrap()),
            u32::from_be_bytes(png[20..24].try_into().unwrap()),
        );
        assert_eq!((w, h), (1920, 1080), "slide {k}'s picture");
    }
    let core = &files["docProps/core.xml"];
    let doc = roxmltree::Document::parse(core).unwrap();
    let title = doc.descendants().find(|n| n.has_tag_name("title")).unwrap();
    assert_eq!(title.text(), Some(deck.title.as_str()));
    assert!(
        !core.contains("created") && !core.contains("modified"),
        "no date: {core}"
    );
}

#[test]
fn the_pptx_is_a_complete_package_with_titles_and_notes_as_text() {
    let mut deck = two_page_deck();
    deck.pages[0].title = format!("DC3 — candidat {AWKWARD}");
    let bytes = pptx::write(&deck).expect("the deck is written");
    assert_pptx_sound(&bytes, &deck);
    // The awkward name is escaped, not written raw, in the notes and in the picture's SVG.
    let files = unzip(&bytes);
    assert!(files["ppt/notesSlides/notesSlide1.xml"].contains("Élise &amp; &lt;Cie&gt; "));
    assert!(files["ppt/slides/slide1.xml"].contains("&lt;Cie&gt; &quot;Ô&quot;\""));
    // A PNG per slide and no SVG beside it (see `render::pptx`).
    assert!(
        !files.keys().any(|name| name.ends_with(".svg")),
        "{:?}",
        files.keys()
    );
    // Zip entries carry the fixed 1980-01-01 time, whatever today is.
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    for i in 0..zip.len() {
        let f = zip.by_index(i).unwrap();
        let t = f.last_modified().unwrap();
        assert_eq!(
            (t.year(), t.month(), t.day()),
            (1980, 1, 1),
            "{:?}",
            f.name()
        );
    }
}

#[test]
fn the_same_deck_gives_the_same_pptx_bytes() {
    let deck = two_page_deck();
    let a = pptx::write(&deck).unwrap();
    let b = pptx::write(&deck).unwrap();
    assert!(
        a == b,
        "the PowerPoint file changed from one run to the next"
    );
}

/// A 400 x 400 dark square.
pub const SQUARE: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400"><rect width="400" height="400" fill="#123456"/></svg>"##;

#[test]
fn a_drawing_that_is_not_16_9_is_centred_on_its_slide() {
    let deck = Deck {
        title: "Carré".into(),
        lang: Lang::Fr,
        pages: vec![Page::svg("Un carré", SQUARE)],
    };
    let files = unzip(&pptx::write(&deck).unwrap());
    let slide = roxmltree::Document::parse(&files["ppt/slides/slide1.xml"]).unwrap();
    let off = slide
        .descendants()
        .find(|n| n.has_tag_name("off") && n.ancestors().any(|a| a.has_tag_name("pic")))
        .unwrap();
    let ext = off.next_sibling_element().unwrap();
    assert_eq!(
        (off.attribute("x"), off.attribute("y")),
        (Some("2667000"), Some("0")),
        "as high as the slide, centred across"
    );
    assert_eq!(
        (ext.attribute("cx"), ext.attribute("cy")),
        (Some("6858000"), Some("6858000"))
    );
}

/// A deck whose first and third pages cannot be drawn.
pub fn deck_with_bad_pages() -> Deck {
    Deck {
        title: "t".into(),
        lang: Lang::Fr,
        pages: vec![
            Page::svg("Première", "<svg"),
            Page::scene(tiny_scene("ok")),
            Page::svg("Troisième", "pas du SVG"),
        ],
    }
}

/// The error names every page that could not be drawn, by number and title.
pub fn assert_names_bad_pages(err: &str) {
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].starts_with("page 1 \"Première\": the SVG did not parse"),
        "{err}"
    );
    assert!(
        lines[1].starts_with("page 3 \"Troisième\": the SVG did not parse"),
        "{err}"
    );
}

#[test]
fn every_page_that_cannot_be_drawn_is_named() {
    let err = pptx::write(&deck_with_bad_pages()).unwrap_err();
    assert_names_bad_pages(&err.to_string());
    let empty = Deck {
        pages: Vec::new(),
        ..deck_with_bad_pages()
    };
    assert_eq!(
        pptx::write(&empty).unwrap_err().to_string(),
        "the deck: it has no page"
    );
}

/// LibreOffice Impress, when installed: its headless converter opens the file and
/// prints one PDF page per slide.
pub fn soffice() -> Option<&'static str> {
    ["soffice", "libreoffice"].into_iter().find(|cmd| {
        Command::new(cmd)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

#[test]
fn libreoffice_opens_the_pptx_with_a_page_per_slide() {
    let Some(soffice) = soffice() else {
        // Straight to the terminal: the test harness would swallow `eprintln!` of a test
        // that passes.
        let _ = writeln!(
            std::io::stderr(),
            "\n*** SKIPPED libreoffice_opens_the_pptx_with_a_page_per_slide: soffice is not \
             installed (apt-get install -y --no-install-recommends libreoffice-impress) ***\n"
        );
        return;
    };
    let deck = two_page_deck();
    let dir = tempfile::tempdir().unwrap();
    let file = maps::write_atomic(dir.path(), "dossier.pptx", &pptx::write(&deck).unwrap())
        .expect("written");
    // A profile of its own, so the test runs beside an open LibreOffice or another test.
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let out = Command::new(soffice)
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir.path())
        .arg(&file)
        .output()
        .expect("soffice runs");
    let pdf_path = dir.path().join("dossier.pdf");
    assert!(
        pdf_path.exists(),
        "LibreOffice did not convert the file: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&pdf_path).unwrap();
    let doc = Document::load_mem(&bytes).unwrap();
    let pages = doc.get_pages();
    assert_eq!(pages.len(), deck.pages.len(), "one page per slide");
    for id in pages.values() {
        let b = media_box(&doc, *id);
        let ratio = (b[2] - b[0]) / (b[3] - b[1]);
        assert!((ratio - 16.0 / 9.0).abs() < 0.01, "16:9 page: {b:?}");
    }
    // The slide titles are text LibreOffice read (the pictures are drawn over them).
    let text = squash(&pdf_pages_text(&bytes).concat());
    for page in &deck.pages {
        assert!(text.contains(&squash(&page.title)), "{:?}", page.title);
    }
}
