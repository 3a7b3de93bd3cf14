//! Deck -> one PowerPoint file (`.pptx`): the smallest complete OOXML presentation, written
//! by hand (no well-kept crate writes one). 16:9 slides, one slide master with one "title
//! only" layout, a theme; per page a slide whose title placeholder holds the page's title
//! as text, and the page drawn as a picture (PNG at 1920 x 1080, the projector's own
//! resolution), and a notes page holding the speaker notes. No date inside, fixed zip
//! timestamps and order: the same deck gives the same bytes.
//!
//! No SVG beside the PNG (PowerPoint 2016 and later would show one through `asvg:svgBlip`):
//! with its text turned into outlines it was neither editable nor searchable, it took 40 % of
//! the file (4.6 MB of 11.4 MB on the Calaisis dossier) and a fifth of `build`'s time; the
//! PDF is the deck's vector form, with its text as text.

use std::fmt::Write as _;
use std::io::{Cursor, Write as _};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use std::collections::HashMap;

use super::deck::{
    Deck, Drawing, Error, Page, Problem, SLIDE_EMU, SLIDE_PX, each_page, fit, language_tag,
};
use super::png;
use super::svg::escape;
use crate::model::Lang;

/// The deck as the bytes of one `.pptx` file, every page drawn here.
pub fn write(deck: &Deck) -> Result<Vec<u8>, Error> {
    write_with(deck, &Drawn::default())
}

/// The deck as the bytes of one `.pptx` file; a page whose drawing is one of `drawn` takes
/// that PNG rather than being drawn again (the same bytes: the same SVG at the same size
/// gives the same PNG).
pub fn write_with(deck: &Deck, drawn: &Drawn) -> Result<Vec<u8>, Error> {
    let slides = each_page(deck, |page| {
        let svg = page.to_svg();
        Slide::of(page, &svg, drawn.has(page, &svg))
    })?;
    write_slides(deck, &slides, drawn)
}

/// The deck as the bytes of one `.pptx` file from its pages' slides (one a page, in order);
/// those whose picture was drawn already take it from `drawn`.
pub fn write_slides(deck: &Deck, slides: &[Slide], drawn: &Drawn) -> Result<Vec<u8>, Error> {
    if slides.len() != deck.pages.len() {
        return Err(Error::deck("its pages and their slides do not match"));
    }
    let mut pictures = Vec::with_capacity(slides.len());
    let mut problems = Vec::new();
    for (i, (page, slide)) in deck.pages.iter().zip(slides).enumerate() {
        let png = match &slide.png {
            Png::Here(png) => png.as_slice(),
            Png::Drawn(svg) => match drawn.by_svg.get(svg) {
                Some(png) => png,
                None => {
                    problems.push(Problem {
                        page: i + 1,
                        title: page.title.clone(),
                        message: "its picture was to be drawn with the maps, and was not".into(),
                    });
                    continue;
                }
            },
        };
        pictures.push(Picture {
            png,
            frame: slide.frame,
            background: &slide.background,
        });
    }
    if !problems.is_empty() {
        return Err(Error { problems });
    }
    package(deck, &pictures).map_err(|e| Error::deck(format!("the PowerPoint file: {e}")))
}

/// PNGs already drawn at the slide's size (1920 x 1080, as `render::png::from_svg` draws a
/// drawing of that size), by the hash of the SVG they were drawn from (`hash::contents`):
/// the maps `build` has just drawn, which are most of the dossier's pages.
#[derive(Debug, Default)]
pub struct Drawn<'a> {
    by_svg: HashMap<String, &'a [u8]>,
}

impl<'a> Drawn<'a> {
    /// Record `png`, drawn from the SVG whose hash is `svg`; a PNG of another size than the
    /// slide's is not one a slide can take, and is left out.
    pub fn add(&mut self, svg: String, png: &'a [u8]) {
        if png::png_size(png) == Some(SLIDE_PX) {
            self.by_svg.insert(svg, png);
        }
    }

    /// Whether the picture of `page`, whose SVG is `svg`, is drawn already.
    pub fn has(&self, page: &Page, svg: &str) -> bool {
        !self.by_svg.is_empty()
            && takes_drawn(page)
            && self
                .by_svg
                .contains_key(&crate::hash::contents(svg.as_bytes()))
    }
}

/// Whether the picture of `page` on its slide is its drawing's PNG as the maps are drawn:
/// a scene of exactly the slide's size (so the slide's picture is it at scale 1).
pub fn takes_drawn(page: &Page) -> bool {
    let Drawing::Scene(scene) = &page.drawing else {
        return false;
    };
    (scene.width, scene.height) == (f64::from(SLIDE_PX.0), f64::from(SLIDE_PX.1))
}

/// A page's slide: where its picture sits and on what, and the picture, drawn here or
/// drawn already (with the maps).
#[derive(Debug)]
pub struct Slide {
    png: Png,
    /// Where the picture sits on the slide, in EMU: x, y, width, height.
    frame: [u64; 4],
    /// The slide's background, `RRGGBB`.
    background: String,
}

#[derive(Debug)]
enum Png {
    Here(Vec<u8>),
    /// Drawn already, from the SVG of this hash.
    Drawn(String),
}

impl Slide {
    /// The slide of `page`, whose drawing is `svg`, its picture drawn here (its scene
    /// painted, else its SVG drawn) unless `drawn`.
    pub fn of(page: &Page, svg: &str, drawn: bool) -> Result<Slide, String> {
        match &page.drawing {
            super::deck::Drawing::Scene(scene) => {
                let source = super::Source::new(scene);
                let size = (scene.width, scene.height);
                Slide::new(page, svg, size, drawn, |px| source.png_fitted_into(px))
            }
            super::deck::Drawing::Svg(_) => {
                let tree = png::parse(svg)?;
                let size = tree.size();
                let size = (f64::from(size.width()), f64::from(size.height()));
                Slide::new(page, svg, size, drawn, |px| {
                    png::fitted_into(&tree, px).map(|(png, _)| png)
                })
            }
        }
    }

    /// The slide of `page`, whose drawing is `svg`, of `size` (its width and height): its
    /// picture is drawn here by `draw` (as large as fits in `SLIDE_PX`) unless `drawn` (it
    /// is then the PNG drawn from `svg` at the slide's size).
    pub fn new(
        page: &Page,
        svg: &str,
        size: (f64, f64),
        drawn: bool,
        draw: impl FnOnce((u32, u32)) -> Result<Vec<u8>, String>,
    ) -> Result<Slide, String> {
        let png = if drawn {
            Png::Drawn(crate::hash::contents(svg.as_bytes()))
        } else {
            Png::Here(draw(SLIDE_PX)?)
        };
        let slide = (SLIDE_EMU.0 as f64, SLIDE_EMU.1 as f64);
        let f = fit(size.0, size.1, slide);
        let emu = |v: f64| v.round() as u64;
        let super::deck::Rgb(r, g, b) = page.background();
        Ok(Slide {
            png,
            frame: [emu(f.x), emu(f.y), emu(f.width), emu(f.height)],
            background: format!("{r:02X}{g:02X}{b:02X}"),
        })
    }
}

/// One page's picture on its slide (borrowed: the pictures are never copied).
struct Picture<'a> {
    png: &'a [u8],
    frame: [u64; 4],
    background: &'a str,
}

/// The names PowerPoint shows for the parts it lists (layout menu, selection pane).
struct Names {
    layout: &'static str,
    title: &'static str,
    picture: &'static str,
    slide_image: &'static str,
    notes: &'static str,
}

fn names(lang: Lang) -> Names {
    match lang {
        Lang::Fr => Names {
            layout: "Titre seul",
            title: "Titre",
            picture: "Image",
            slide_image: "Image de la diapositive",
            notes: "Notes",
        },
        Lang::En => Names {
            layout: "Title Only",
            title: "Title",
            picture: "Picture",
            slide_image: "Slide Image",
            notes: "Notes",
        },
    }
}

const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const NS: &str = r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main""#;
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT: &str = "application/vnd.openxmlformats-officedocument.presentationml";

/// A relationships part: (id, type after `.../relationships/`, target).
fn rels(items: &[(&str, &str, &str)]) -> String {
    let mut s = format!(
        "{XML_HEAD}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    );
    for (id, kind, target) in items {
        let kind = if kind.starts_with("http") {
            (*kind).to_owned()
        } else {
            format!("{REL}/{kind}")
        };
        let _ = write!(
            s,
            r#"<Relationship Id="{id}" Type="{kind}" Target="{}"/>"#,
            escape(target)
        );
    }
    s.push_str("</Relationships>");
    s
}

/// The group every shape tree starts with.
const TREE_HEAD: &str = r#"<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>"#;

/// The colour map every master uses: the theme's colours under their usual roles.
const CLR_MAP: &str = r#"<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>"#;

/// Paragraphs of text, each line its own paragraph, in the deck's language.
fn paragraphs(lines: &[&str], lang: &str) -> String {
    let mut s = String::new();
    for line in lines {
        if line.is_empty() {
            let _ = write!(s, r#"<a:p><a:endParaRPr lang="{lang}"/></a:p>"#);
        } else {
            let _ = write!(
                s,
                r#"<a:p><a:r><a:rPr lang="{lang}"/><a:t>{}</a:t></a:r></a:p>"#,
                escape(line)
            );
        }
    }
    if s.is_empty() {
        let _ = write!(s, r#"<a:p><a:endParaRPr lang="{lang}"/></a:p>"#);
    }
    s
}

/// A placeholder shape: id, name, `<p:ph .../>` attributes, its position (or none: it
/// takes the layout's), and its text body (or none).
fn placeholder(
    id: u32,
    name: &str,
    ph: &str,
    frame: Option<[u64; 4]>,
    body: Option<&str>,
) -> String {
    let mut s = format!(
        r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph {ph}/></p:nvPr></p:nvSpPr>"#,
        escape(name)
    );
    match frame {
        Some([x, y, w, h]) => {
            let _ = write!(
                s,
                r#"<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>"#
            );
        }
        None => s.push_str("<p:spPr/>"),
    }
    if let Some(body) = body {
        let _ = write!(s, r#"<p:txBody><a:bodyPr/><a:lstStyle/>{body}</p:txBody>"#);
    }
    s.push_str("</p:sp>");
    s
}

fn content_types(pages: usize) -> String {
    let mut s = format!(
        r#"{XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>"#
    );
    let mut part = |name: &str, kind: &str| {
        let _ = write!(s, r#"<Override PartName="/{name}" ContentType="{kind}"/>"#);
    };
    part(
        "ppt/presentation.xml",
        &format!("{CT}.presentation.main+xml"),
    );
    part("ppt/presProps.xml", &format!("{CT}.presProps+xml"));
    part("ppt/viewProps.xml", &format!("{CT}.viewProps+xml"));
    part("ppt/tableStyles.xml", &format!("{CT}.tableStyles+xml"));
    let theme = "application/vnd.openxmlformats-officedocument.theme+xml";
    part("ppt/theme/theme1.xml", theme);
    part("ppt/theme/theme2.xml", theme);
    part(
        "ppt/slideMasters/slideMaster1.xml",
        &format!("{CT}.slideMaster+xml"),
    );
    part(
        "ppt/slideLayouts/slideLayout1.xml",
        &format!("{CT}.slideLayout+xml"),
    );
    part(
        "ppt/notesMasters/notesMaster1.xml",
        &format!("{CT}.notesMaster+xml"),
    );
    for n in 1..=pages {
        part(
            &format!("ppt/slides/slide{n}.xml"),
            &format!("{CT}.slide+xml"),
        );
        part(
            &format!("ppt/notesSlides/notesSlide{n}.xml"),
            &format!("{CT}.notesSlide+xml"),
        );
    }
    part(
        "docProps/core.xml",
        "application/vnd.openxmlformats-package.core-properties+xml",
    );
    part(
        "docProps/app.xml",
        "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    );
    s.push_str("</Types>");
    s
}

fn core_props(deck: &Deck) -> String {
    format!(
        r#"{XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:language>{}</dc:language></cp:coreProperties>"#,
        escape(&deck.title),
        language_tag(deck.lang)
    )
}

fn app_props(pages: usize) -> String {
    format!(
        r#"{XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>actormap</Application><Slides>{pages}</Slides><Notes>{pages}</Notes></Properties>"#
    )
}

fn presentation(pages: usize) -> String {
    let mut s = format!(
        r#"{XML_HEAD}<p:presentation {NS} saveSubsetFonts="1"><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst><p:notesMasterIdLst><p:notesMasterId r:id="rId2"/></p:notesMasterIdLst><p:sldIdLst>"#
    );
    for n in 0..pages {
        let _ = write!(
            s,
            r#"<p:sldId id="{}" r:id="rId{}"/>"#,
            256 + n,
            PRESENTATION_RELS + 1 + n
        );
    }
    let _ = write!(
        s,
        r#"</p:sldIdLst><p:sldSz cx="{}" cy="{}"/><p:notesSz cx="6858000" cy="9144000"/></p:presentation>"#,
        SLIDE_EMU.0, SLIDE_EMU.1
    );
    s
}

/// How many relationships the presentation has besides its slides.
const PRESENTATION_RELS: usize = 6;

fn presentation_rels(pages: usize) -> String {
    let mut items: Vec<(String, &str, String)> = vec![
        (
            "rId1".into(),
            "slideMaster",
            "slideMasters/slideMaster1.xml".into(),
        ),
        (
            "rId2".into(),
            "notesMaster",
            "notesMasters/notesMaster1.xml".into(),
        ),
        ("rId3".into(), "theme", "theme/theme1.xml".into()),
        ("rId4".into(), "presProps", "presProps.xml".into()),
        ("rId5".into(), "viewProps", "viewProps.xml".into()),
        ("rId6".into(), "tableStyles", "tableStyles.xml".into()),
    ];
    debug_assert_eq!(items.len(), PRESENTATION_RELS);
    for n in 1..=pages {
        items.push((
            format!("rId{}", PRESENTATION_RELS + n),
            "slide",
            format!("slides/slide{n}.xml"),
        ));
    }
    let items: Vec<(&str, &str, &str)> = items
        .iter()
        .map(|(a, b, c)| (a.as_str(), *b, c.as_str()))
        .collect();
    rels(&items)
}

/// The theme: the maps' colours, a font every office suite has, plain shape styles.
fn theme(name: &str) -> String {
    let fill = r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#;
    let line = r#"<a:ln w="9525"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>"#;
    let effect = "<a:effectStyle><a:effectLst/></a:effectStyle>";
    let font = r#"<a:latin typeface="Arial"/><a:ea typeface=""/><a:cs typeface=""/>"#;
    format!(
        concat!(
            r#"{head}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="{name}"><a:themeElements>"#,
            r#"<a:clrScheme name="actormap"><a:dk1><a:srgbClr val="1F2937"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1><a:dk2><a:srgbClr val="1E2A4A"/></a:dk2><a:lt2><a:srgbClr val="F1F3F7"/></a:lt2>"#,
            r#"<a:accent1><a:srgbClr val="2F6DB5"/></a:accent1><a:accent2><a:srgbClr val="8E44AD"/></a:accent2><a:accent3><a:srgbClr val="2E8B3E"/></a:accent3><a:accent4><a:srgbClr val="F0A030"/></a:accent4><a:accent5><a:srgbClr val="C0392B"/></a:accent5><a:accent6><a:srgbClr val="E6C619"/></a:accent6>"#,
            r#"<a:hlink><a:srgbClr val="2F6DB5"/></a:hlink><a:folHlink><a:srgbClr val="8E44AD"/></a:folHlink></a:clrScheme>"#,
            r#"<a:fontScheme name="actormap"><a:majorFont>{font}</a:majorFont><a:minorFont>{font}</a:minorFont></a:fontScheme>"#,
            r#"<a:fmtScheme name="actormap"><a:fillStyleLst>{fill}{fill}{fill}</a:fillStyleLst><a:lnStyleLst>{line}{line}{line}</a:lnStyleLst><a:effectStyleLst>{effect}{effect}{effect}</a:effectStyleLst><a:bgFillStyleLst>{fill}{fill}{fill}</a:bgFillStyleLst></a:fmtScheme>"#,
            r#"</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"#
        ),
        head = XML_HEAD,
        name = name,
        font = font,
        fill = fill,
        line = line,
        effect = effect
    )
}

/// A text style level: size in hundredths of a point, the theme's major or minor font.
fn level(size: u32, font: &str) -> String {
    format!(
        r#"<a:lvl1pPr marL="0" indent="0" algn="l"><a:buNone/><a:defRPr sz="{size}" kern="1200"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+{font}-lt"/><a:ea typeface="+{font}-ea"/><a:cs typeface="+{font}-cs"/></a:defRPr></a:lvl1pPr>"#
    )
}

/// Where a slide's title sits (behind the picture; it is there for the outline, the
/// accessibility checker and the officer's own slides).
const TITLE_FRAME: [u64; 4] = [609_600, 274_638, 10_972_800, 1_143_000];

fn slide_master(lang: &str, names: &Names) -> String {
    format!(
        r#"{XML_HEAD}<p:sldMaster {NS}><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>{TREE_HEAD}{title}</p:spTree></p:cSld>{CLR_MAP}<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst><p:txStyles><p:titleStyle>{t}</p:titleStyle><p:bodyStyle>{b}</p:bodyStyle><p:otherStyle>{o}</p:otherStyle></p:txStyles></p:sldMaster>"#,
        title = placeholder(
            2,
            names.title,
            r#"type="title""#,
            Some(TITLE_FRAME),
            Some(&paragraphs(&[], lang))
        ),
        t = level(3200, "mj"),
        b = level(2000, "mn"),
        o = level(1800, "mn"),
    )
}

fn slide_layout(lang: &str, names: &Names) -> String {
    format!(
        r#"{XML_HEAD}<p:sldLayout {NS} type="titleOnly" preserve="1"><p:cSld name="{layout}"><p:spTree>{TREE_HEAD}{title}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"#,
        layout = escape(names.layout),
        title = placeholder(
            2,
            names.title,
            r#"type="title""#,
            None,
            Some(&paragraphs(&[], lang))
        ),
    )
}

/// The notes page: the slide's image above, the notes below, on a portrait page.
const NOTES_IMAGE_FRAME: [u64; 4] = [685_800, 1_143_000, 5_486_400, 3_086_100];
const NOTES_BODY_FRAME: [u64; 4] = [685_800, 4_400_550, 5_486_400, 3_600_450];

fn notes_master(lang: &str, names: &Names) -> String {
    format!(
        r#"{XML_HEAD}<p:notesMaster {NS}><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>{TREE_HEAD}{image}{body}</p:spTree></p:cSld>{CLR_MAP}<p:notesStyle>{n}</p:notesStyle></p:notesMaster>"#,
        image = placeholder(
            2,
            names.slide_image,
            r#"type="sldImg" idx="2""#,
            Some(NOTES_IMAGE_FRAME),
            None
        ),
        body = placeholder(
            3,
            names.notes,
            r#"type="body" idx="1""#,
            Some(NOTES_BODY_FRAME),
            Some(&paragraphs(&[], lang))
        ),
        n = level(1200, "mn"),
    )
}

fn slide(n: usize, page: &Page, picture: &Picture, lang: &str, names: &Names) -> String {
    let [x, y, w, h] = picture.frame;
    let title = escape(&page.title);
    format!(
        concat!(
            r#"{head}<p:sld {ns}><p:cSld><p:bg><p:bgPr><a:solidFill><a:srgbClr val="{bg}"/></a:solidFill><a:effectLst/></p:bgPr></p:bg><p:spTree>{tree}{title_shape}"#,
            r#"<p:pic><p:nvPicPr><p:cNvPr id="3" name="{picture} {n}" descr="{title}"/><p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>"#,
            r#"<p:blipFill><a:blip r:embed="rId2"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>"#,
            r#"<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>"#,
            r#"</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sld>"#
        ),
        head = XML_HEAD,
        ns = NS,
        bg = picture.background,
        tree = TREE_HEAD,
        title_shape = placeholder(
            2,
            names.title,
            r#"type="title""#,
            None,
            Some(&paragraphs(&[&page.title], lang))
        ),
        picture = escape(names.picture),
        n = n,
        title = title,
        x = x,
        y = y,
        w = w,
        h = h,
    )
}

fn notes_slide(page: &Page, lang: &str, names: &Names) -> String {
    let lines: Vec<&str> = page.notes.iter().flat_map(|n| n.lines()).collect();
    format!(
        r#"{XML_HEAD}<p:notes {NS}><p:cSld><p:spTree>{TREE_HEAD}{image}{body}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>"#,
        image = placeholder(2, names.slide_image, r#"type="sldImg""#, None, None),
        body = placeholder(
            3,
            names.notes,
            r#"type="body" idx="1""#,
            None,
            Some(&paragraphs(&lines, lang))
        ),
    )
}

fn package(deck: &Deck, pictures: &[Picture]) -> zip::result::ZipResult<Vec<u8>> {
    let lang = language_tag(deck.lang);
    let names = names(deck.lang);
    let n = pictures.len();
    // The pictures are most of the file: room for them and the slides' XML, once, rather
    // than copying megabytes each time the buffer grows.
    let room = pictures.iter().map(|p| p.png.len() + 4096).sum::<usize>() + 64 * 1024;
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(room)));
    // Fixed time (1980-01-01) and permissions: nothing of the moment goes into the file.
    // Every part is stored as it is: the pictures are PNG, compressed already, and the XML
    // parts (120 kB on the Calaisis dossier, 1 % of the file) would take 40 kB deflated but
    // a third of the file's making: a compressor set up afresh for each of its 101 parts.
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Stored)
        .last_modified_time(DateTime::DEFAULT)
        .unix_permissions(0o644);
    let mut put = |name: &str, bytes: &[u8]| {
        zip.start_file(name, options)?;
        zip.write_all(bytes)?;
        Ok::<(), zip::result::ZipError>(())
    };
    put("[Content_Types].xml", content_types(n).as_bytes())?;
    put(
        "_rels/.rels",
        rels(&[
            ("rId1", "officeDocument", "ppt/presentation.xml"),
            (
                "rId2",
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                "docProps/core.xml",
            ),
            ("rId3", "extended-properties", "docProps/app.xml"),
        ])
        .as_bytes(),
    )?;
    put("docProps/core.xml", core_props(deck).as_bytes())?;
    put("docProps/app.xml", app_props(n).as_bytes())?;
    put("ppt/presentation.xml", presentation(n).as_bytes())?;
    put(
        "ppt/_rels/presentation.xml.rels",
        presentation_rels(n).as_bytes(),
    )?;
    put(
        "ppt/presProps.xml",
        format!("{XML_HEAD}<p:presentationPr {NS}/>").as_bytes(),
    )?;
    put(
        "ppt/viewProps.xml",
        format!("{XML_HEAD}<p:viewPr {NS}/>").as_bytes(),
    )?;
    put(
        "ppt/tableStyles.xml",
        format!(
            r#"{XML_HEAD}<a:tblStyleLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" def="{{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}}"/>"#
        )
        .as_bytes(),
    )?;
    put("ppt/theme/theme1.xml", theme("actormap").as_bytes())?;
    put("ppt/theme/theme2.xml", theme("actormap notes").as_bytes())?;
    put(
        "ppt/slideMasters/slideMaster1.xml",
        slide_master(lang, &names).as_bytes(),
    )?;
    put(
        "ppt/slideMasters/_rels/slideMaster1.xml.rels",
        rels(&[
            ("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml"),
            ("rId2", "theme", "../theme/theme1.xml"),
        ])
        .as_bytes(),
    )?;
    put(
        "ppt/slideLayouts/slideLayout1.xml",
        slide_layout(lang, &names).as_bytes(),
    )?;
    put(
        "ppt/slideLayouts/_rels/slideLayout1.xml.rels",
        rels(&[("rId1", "slideMaster", "../slideMasters/slideMaster1.xml")]).as_bytes(),
    )?;
    put(
        "ppt/notesMasters/notesMaster1.xml",
        notes_master(lang, &names).as_bytes(),
    )?;
    put(
        "ppt/notesMasters/_rels/notesMaster1.xml.rels",
        rels(&[("rId1", "theme", "../theme/theme2.xml")]).as_bytes(),
    )?;
    for (i, (page, picture)) in deck.pages.iter().zip(pictures).enumerate() {
        let k = i + 1;
        put(
            &format!("ppt/slides/slide{k}.xml"),
            slide(k, page, picture, lang, &names).as_bytes(),
        )?;
        put(
            &format!("ppt/slides/_rels/slide{k}.xml.rels"),
            rels(&[
                ("rId1", "slideLayout", "../slideLayouts/slideLayout1.xml"),
                ("rId2", "image", &format!("../media/image{k}.png")),
                (
                    "rId3",
                    "notesSlide",
                    &format!("../notesSlides/notesSlide{k}.xml"),
                ),
            ])
            .as_bytes(),
        )?;
        put(&format!("ppt/media/image{k}.png"), picture.png)?;
        put(
            &format!("ppt/notesSlides/notesSlide{k}.xml"),
            notes_slide(page, lang, &names).as_bytes(),
        )?;
        put(
            &format!("ppt/notesSlides/_rels/notesSlide{k}.xml.rels"),
            rels(&[
                ("rId1", "notesMaster", "../notesMasters/notesMaster1.xml"),
                ("rId2", "slide", &format!("../slides/slide{k}.xml")),
            ])
            .as_bytes(),
        )?;
    }
    Ok(zip.finish()?.into_inner())
}
