//! Benchmarks: the Calaisis deck (its 9 domain maps, the overview, the matrix and the status
//! chart: 12 pages) laid out, then written as one PDF and as one PowerPoint file.
//! Run with `cargo bench --bench deck`.

use std::path::Path;

use actormap::layout::Options;
use actormap::maps::{self, MapKind};
use actormap::model::Lang;
use actormap::render::deck::{Deck, Page};

fn main() {
    divan::main();
}

fn calaisis_deck() -> Deck {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("actors/calaisis");
    let t = actormap::load::load(&dir).expect("the bundled dataset loads");
    let opts = maps::with_findings(&t, Options::default()).expect("sound settings");
    let kinds = t
        .domains()
        .iter()
        .map(|d| MapKind::Domain(d.id.clone()))
        .chain([
            MapKind::Overview,
            MapKind::Matrix,
            MapKind::Status { at: None },
        ]);
    Deck {
        title: "COPIL".into(),
        lang: Lang::Fr,
        pages: kinds
            .flat_map(|k| maps::scenes(&t, &k, &opts))
            .map(Page::scene)
            .collect(),
    }
}

/// 12 pages as one PDF (svg2pdf, fonts subset per page, canonical form).
#[cfg(feature = "pdf")]
#[divan::bench(sample_count = 10)]
fn pdf_12_pages(bencher: divan::Bencher) {
    let deck = calaisis_deck();
    bencher.bench(|| actormap::render::pdf::write(&deck).unwrap());
}

/// 12 pages as one PowerPoint file (a 1920 x 1080 PNG and an SVG per page, zipped).
#[divan::bench(sample_count = 5)]
fn pptx_12_pages(bencher: divan::Bencher) {
    let deck = calaisis_deck();
    bencher.bench(|| actormap::render::pptx::write(&deck).unwrap());
}
