//! The page of the dossier the README shows: "Décisions à prendre" of the bundled data, as
//! `actormap dossier` lays it out, drawn at half the slide's size (960 x 540) to keep the
//! picture small. CI draws it again and fails when the committed one is stale.
//!
//! Run with `cargo run --release --example dossier_page` (writes docs/dossier-decisions.png).

use std::path::Path;

use actormap::layout;
use actormap::model::Lang;
use actormap::render::deck::Drawing;
use actormap::render::png;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let t = actormap::load::load(&root.join("actors/calaisis")).expect("the bundled data loads");
    let deck = actormap::dossier::make(&t, None, None, Lang::Fr).expect("its settings are sound");
    let page = deck
        .pages
        .iter()
        .find(|p| p.title.starts_with("Décisions à prendre"))
        .expect("the dossier has a page of decisions");
    let Drawing::Scene(scene) = &page.drawing else {
        panic!("the page is laid out as a Scene");
    };
    let bytes = png::write(&layout::finish(scene.clone(), 0.5)).expect("the page is drawn");
    let file = root.join("docs/dossier-decisions.png");
    std::fs::write(&file, bytes).expect("docs/ is writable");
    println!("wrote {}", file.display());
}
