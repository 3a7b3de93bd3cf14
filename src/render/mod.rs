//! Scene -> bytes: the SVG writer, the PNG painter (the Scene drawn straight into pixels with
//! tiny-skia, text laid from a cache of glyphs; a scene it leaves out goes through its SVG,
//! usvg and resvg) and the Scene as JSON; a deck of pages -> one PDF (each page written
//! straight from its Scene, else through svg2pdf) or one PowerPoint file. Writers only see a
//! Scene, never the territory.

pub mod deck;
mod paint;
#[cfg(feature = "pdf")]
pub mod pdf;
#[cfg(feature = "pdf")]
mod pdf_scene;
pub mod png;
pub mod pptx;
mod raster;
pub mod svg;

use std::cell::OnceCell;

use resvg::usvg;

use crate::layout::scene::Scene;

/// A scene with its SVG document and that document parsed, each made the first time it is
/// asked for: the files of one picture (its SVG, its PNG, its pages in the dossier's PDF and
/// PowerPoint file) write it and parse it once.
pub struct Source<'a> {
    pub scene: &'a Scene,
    svg: OnceCell<String>,
    tree: OnceCell<Result<usvg::Tree, String>>,
}

impl<'a> Source<'a> {
    pub fn new(scene: &'a Scene) -> Source<'a> {
        Source {
            scene,
            svg: OnceCell::new(),
            tree: OnceCell::new(),
        }
    }

    /// The scene as an SVG document (`svg::write`).
    pub fn svg(&self) -> &str {
        self.svg.get_or_init(|| svg::write(self.scene))
    }

    /// The scene's PNG: painted straight from the scene (`png::from_scene`), or drawn from
    /// its parsed SVG when the painter leaves it to that route.
    pub fn png(&self) -> Result<Vec<u8>, String> {
        png::from_scene(self.scene).unwrap_or_else(|| png::from_tree(self.tree()?))
    }

    /// The scene's picture as large as fits in `size` pixels, as PNG bytes (a slide's), as
    /// [`Source::png`] draws it.
    pub fn png_fitted_into(&self, size: (u32, u32)) -> Result<Vec<u8>, String> {
        match png::scene_fitted_into(self.scene, size) {
            Some(png) => png,
            None => png::fitted_into(self.tree()?, size).map(|(png, _)| png),
        }
    }

    /// The SVG document parsed with the shipped font (`png::parse`).
    pub fn tree(&self) -> Result<&usvg::Tree, String> {
        self.tree
            .get_or_init(|| png::parse(self.svg()))
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// The output formats of `actormap render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Format {
    Svg,
    Png,
    /// The laid-out Scene as JSON, for tests and other tools.
    Scene,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Scene => "scene.json",
        }
    }
}

/// A scene written in one format.
pub fn to_bytes(scene: &Scene, format: Format) -> Result<Vec<u8>, String> {
    match format {
        Format::Svg => Ok(svg::write(scene).into_bytes()),
        Format::Png => png::write(scene),
        Format::Scene => Ok(crate::terminal::json_safe(&scene.to_json())
            .into_owned()
            .into_bytes()),
    }
}
