//! Scene -> bytes: the SVG writer, the PNG rasterizer (resvg with the shipped font) and
//! the Scene as JSON; a deck of pages -> one PDF or one PowerPoint file. Writers only see a
//! Scene, never the territory.

pub mod deck;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod png;
pub mod pptx;
pub mod svg;

use crate::layout::scene::Scene;

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
