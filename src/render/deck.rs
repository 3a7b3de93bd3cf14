//! A deck: the pages of a committee's slides, written as one PDF (`render::pdf`) or one
//! PowerPoint file (`render::pptx`). Each page is a drawing (a laid-out Scene, or an SVG
//! document), a title and speaker notes. Every page fills one 16:9 slide: a drawing of
//! another shape is scaled to fit and centred on its background colour.

use std::borrow::Cow;
use std::fmt;

use crate::layout::scene::Scene;
use crate::model::Lang;

/// The slide's width and height in PDF points: 16:9, the size PowerPoint calls "Grand écran".
pub const SLIDE_PT: (f64, f64) = (960.0, 540.0);

/// The slide's width and height in English Metric Units (PowerPoint's `sldSz`).
pub const SLIDE_EMU: (u64, u64) = (12_192_000, 6_858_000);

/// The size of a page's picture in a PowerPoint file, in pixels.
pub const SLIDE_PX: (u32, u32) = (1920, 1080);

/// The pages of a deck and what the files say about themselves.
#[derive(Debug, Clone, PartialEq)]
pub struct Deck {
    /// The document's title (PDF information dictionary, PowerPoint `dc:title`).
    pub title: String,
    /// The language the pages are written in (spell checking, screen readers).
    pub lang: Lang,
    pub pages: Vec<Page>,
}

/// One slide.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The slide's title: a PDF bookmark, the PowerPoint title placeholder, the picture's
    /// alternative text.
    pub title: String,
    /// What the speaker reads: one paragraph per line.
    pub notes: Vec<String>,
    pub drawing: Drawing,
}

/// What a page shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Drawing {
    /// A laid-out map, chart or table, as every layout makes one.
    Scene(Scene),
    /// A standalone SVG document (as `render::svg::write` writes one) with its own size.
    Svg(String),
}

impl Page {
    /// A page showing `scene`, titled with the scene's title, without notes.
    pub fn scene(scene: Scene) -> Page {
        Page {
            title: scene.title.clone(),
            notes: Vec::new(),
            drawing: Drawing::Scene(scene),
        }
    }

    /// A page showing an SVG document.
    pub fn svg(title: impl Into<String>, svg: impl Into<String>) -> Page {
        Page {
            title: title.into(),
            notes: Vec::new(),
            drawing: Drawing::Svg(svg.into()),
        }
    }

    /// The same page with these speaker notes.
    pub fn with_notes<S: Into<String>>(mut self, notes: impl IntoIterator<Item = S>) -> Page {
        self.notes = notes.into_iter().map(Into::into).collect();
        self
    }

    /// The page's drawing as an SVG document.
    pub fn to_svg(&self) -> Cow<'_, str> {
        match &self.drawing {
            Drawing::Scene(scene) => Cow::Owned(super::svg::write(scene)),
            Drawing::Svg(svg) => Cow::Borrowed(svg),
        }
    }

    /// The colour around a drawing that is not 16:9: the scene's background, else white.
    pub fn background(&self) -> Rgb {
        match &self.drawing {
            Drawing::Scene(scene) => Rgb::parse(scene.background).unwrap_or(Rgb::WHITE),
            Drawing::Svg(_) => Rgb::WHITE,
        }
    }
}

/// A colour as three bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub const WHITE: Rgb = Rgb(255, 255, 255);

    /// `#rrggbb`, or `None`.
    pub fn parse(s: &str) -> Option<Rgb> {
        let hex = s.strip_prefix('#').filter(|h| h.len() == 6)?;
        let byte = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
    }
}

/// Where a drawing goes on a slide: scaled by `scale` (the same on both axes) and moved
/// to (`x`, `y`) from the slide's top-left corner, so it is as large as fits and centred.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fit {
    pub scale: f64,
    pub x: f64,
    pub y: f64,
    /// The drawing's size on the slide.
    pub width: f64,
    pub height: f64,
}

/// How a `width` x `height` drawing fits a `slide` (width, height).
pub fn fit(width: f64, height: f64, slide: (f64, f64)) -> Fit {
    let scale = (slide.0 / width).min(slide.1 / height);
    let (w, h) = (width * scale, height * scale);
    Fit {
        scale,
        x: (slide.0 - w) / 2.0,
        y: (slide.1 - h) / 2.0,
        width: w,
        height: h,
    }
}

/// The language tag of `lang` (BCP 47), for the files' language fields.
pub fn language_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "fr-FR",
        Lang::En => "en-GB",
    }
}

/// Why a deck could not be written: every page at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub problems: Vec<Problem>,
}

/// One page that could not be drawn, or a problem with the whole deck (`page` 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based; 0 when the whole deck is meant.
    pub page: usize,
    /// The page's title, to find it in the deck.
    pub title: String,
    pub message: String,
}

impl Error {
    /// A problem with the deck as a whole.
    pub fn deck(message: impl Into<String>) -> Error {
        Error {
            problems: vec![Problem {
                page: 0,
                title: String::new(),
                message: message.into(),
            }],
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.page == 0 {
            write!(f, "the deck: {}", self.message)
        } else {
            write!(f, "page {} \"{}\": {}", self.page, self.title, self.message)
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// Run `make` on every page, in order; the results, or every page's problem together.
pub(crate) fn each_page<T>(
    deck: &Deck,
    make: impl Fn(&Page) -> Result<T, String> + Sync,
) -> Result<Vec<T>, Error>
where
    T: Send,
{
    if deck.pages.is_empty() {
        return Err(Error::deck("it has no page"));
    }
    // Pages are independent: draw them on every core, in the deck's order.
    collect(
        deck,
        crate::parallel::map(&deck.pages, crate::parallel::cores(), &make),
    )
}

/// What was made of each page of `deck` (one result a page, in order), or every page's
/// problem together.
pub(crate) fn collect<T>(deck: &Deck, results: Vec<Result<T, String>>) -> Result<Vec<T>, Error> {
    let mut done = Vec::with_capacity(results.len());
    let mut problems = Vec::new();
    for (i, result) in results.into_iter().enumerate() {
        match result {
            Ok(t) => done.push(t),
            Err(message) => problems.push(Problem {
                page: i + 1,
                title: deck
                    .pages
                    .get(i)
                    .map(|p| p.title.clone())
                    .unwrap_or_default(),
                message,
            }),
        }
    }
    if problems.is_empty() {
        Ok(done)
    } else {
        Err(Error { problems })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drawing_fits_the_slide_centred() {
        let f = fit(1920.0, 1080.0, SLIDE_PT);
        assert_eq!((f.scale, f.x, f.y), (0.5, 0.0, 0.0));
        // A 4:3 drawing: as high as the slide, centred across.
        let f = fit(1600.0, 1200.0, SLIDE_PT);
        assert_eq!((f.scale, f.x, f.y, f.height), (0.45, 120.0, 0.0, 540.0));
        // A wide strip: as wide as the slide, centred down.
        let f = fit(1000.0, 100.0, SLIDE_PT);
        assert_eq!((f.width, f.y), (960.0, (540.0 - 96.0) / 2.0));
    }

    #[test]
    fn colours_parse_or_are_none() {
        assert_eq!(Rgb::parse("#ff8000"), Some(Rgb(255, 128, 0)));
        assert_eq!(Rgb::parse("ff8000"), None);
        assert_eq!(Rgb::parse("#ff80"), None);
        assert_eq!(Rgb::parse("#gg8000"), None);
        assert_eq!(Rgb::parse("#éé800"), None);
    }

    #[test]
    fn every_failing_page_is_reported_with_its_number_and_title() {
        let deck = Deck {
            title: "t".into(),
            lang: Lang::Fr,
            pages: vec![
                Page::svg("Un", "a"),
                Page::svg("Deux", "ok"),
                Page::svg("Trois", "b"),
            ],
        };
        let err = each_page(&deck, |p| match p.to_svg().as_ref() {
            "ok" => Ok(()),
            other => Err(format!("bad {other}")),
        })
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "page 1 \"Un\": bad a\npage 3 \"Trois\": bad b"
        );
        let empty = Deck {
            pages: Vec::new(),
            ..deck
        };
        assert_eq!(
            each_page(&empty, |_| Ok(())).unwrap_err().to_string(),
            "the deck: it has no page"
        );
    }
}
