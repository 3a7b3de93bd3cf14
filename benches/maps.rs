//! Benchmarks: the whole `build` on the bundled data (check, every map as SVG and PNG,
//! files written) into an empty folder and again into the same folder (nothing changed:
//! no PNG drawn), the same without PNG, the status chart, one map of 300 actors in one
//! domain (split over slides), every map of a territory with a 40,000-character and a 1 MB
//! actor name, and one slide rasterized and encoded.
//! Run with `cargo bench`.

use std::path::Path;

use actormap::cli::{FormatArg, LangArg, OutputArgs};
use actormap::layout::{self, Options};
use actormap::maps::{self, MapKind};
use actormap::model::Territory;

#[path = "../tests/it/generated.rs"]
#[allow(dead_code, reason = "the map benchmarks use one generator of the file")]
mod generated;

use generated::generated;

fn main() {
    divan::main();
}

fn bundled() -> Territory {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("actors/calaisis");
    actormap::load::load(&dir).expect("the bundled dataset loads")
}

fn args(out: &Path, format: Vec<FormatArg>) -> OutputArgs {
    OutputArgs {
        format,
        size: "1920x1080".into(),
        lang: LangArg::Fr,
        out: out.to_path_buf(),
    }
}

/// `actormap build`: load, check, 9 domain maps + overview + matrix, SVG and PNG, written.
#[divan::bench(sample_count = 10)]
fn build_bundled_svg_and_png() {
    let out = tempfile::tempdir().unwrap();
    let t = bundled();
    actormap::maps::build(&t, &args(out.path(), Vec::new()), &mut std::io::sink()).unwrap();
}

/// `actormap build` again into the folder of a build with the same data: every PNG is
/// kept (its SVG and file unchanged, see `manifest`), no file is written.
#[divan::bench(sample_count = 20)]
fn build_bundled_again(bencher: divan::Bencher) {
    let out = tempfile::tempdir().unwrap();
    let args = args(out.path(), Vec::new());
    actormap::maps::build(&bundled(), &args, &mut std::io::sink()).unwrap();
    bencher.bench(|| {
        let t = bundled();
        actormap::maps::build(&t, &args, &mut std::io::sink()).unwrap();
    });
}

/// The same build writing SVG only.
#[divan::bench(sample_count = 20)]
fn build_bundled_svg_only() {
    let out = tempfile::tempdir().unwrap();
    let t = bundled();
    actormap::maps::build(
        &t,
        &args(out.path(), vec![FormatArg::Svg]),
        &mut std::io::sink(),
    )
    .unwrap();
}

/// The status chart of the test fixture (6 objectives, projections): status, layout and SVG;
/// then the same drawn as PNG.
#[divan::bench(sample_count = 20)]
fn status_chart_svg(bencher: divan::Bencher) {
    let t = status_fixture();
    bencher.bench(|| {
        let status = actormap::status::compute(&t, None);
        let slides = layout::status_chart::layout(&t, &status, &Options::default());
        slides
            .iter()
            .map(actormap::render::svg::write)
            .collect::<Vec<_>>()
    });
}

#[divan::bench(sample_count = 10)]
fn status_chart_png(bencher: divan::Bencher) {
    let t = status_fixture();
    bencher.bench(|| {
        let status = actormap::status::compute(&t, None);
        let slides = layout::status_chart::layout(&t, &status, &Options::default());
        actormap::render::png::write(&slides[0]).unwrap()
    });
}

fn status_fixture() -> Territory {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/status");
    actormap::load::load(&dir).expect("the status fixture loads")
}

/// The options `build` uses: the gaps are the findings of `check`.
fn opts(t: &Territory) -> Options {
    maps::with_findings(t, Options::default()).unwrap()
}

/// One domain map of 300 actors, split over the slides it needs: layout and SVG.
#[divan::bench(sample_count = 10)]
fn map_of_300_actors(bencher: divan::Bencher) {
    let t = generated(300);
    let opts = opts(&t);
    bencher.bench(|| {
        let slides = layout::cartographie::domain(&t, &t.domains()[0], &opts);
        slides
            .iter()
            .map(actormap::render::svg::write)
            .collect::<Vec<_>>()
    });
}

/// One domain map of 16 actors (the size of the Graphviz comparison): layout and SVG.
#[divan::bench]
fn map_of_16_actors(bencher: divan::Bencher) {
    let t = generated(16);
    let opts = opts(&t);
    bencher.bench(|| {
        let slides = layout::cartographie::domain(&t, &t.domains()[0], &opts);
        slides
            .iter()
            .map(actormap::render::svg::write)
            .collect::<Vec<_>>()
    });
}

/// Every map a name appears on (its domain's, its own, the matrix, the overview), laid out
/// and written as SVG, for an actor whose name is one unbroken word of `len` characters.
fn maps_with_a_long_name(bencher: divan::Bencher, len: usize) {
    let mut t = generated(5);
    t.edit(|t| t.actors[0].name = "Z".repeat(len));
    let opts = opts(&t);
    let kinds = [
        MapKind::Domain("D1".into()),
        MapKind::Actor("a0".into()),
        MapKind::Matrix,
        MapKind::Overview,
    ];
    bencher.bench(|| {
        kinds
            .iter()
            .flat_map(|k| maps::scenes(&t, k, &opts))
            .map(|s| actormap::render::svg::write(&s))
            .collect::<Vec<_>>()
    });
}

/// A 40,000-character name (9 to 13 s before wrapping was made linear).
#[divan::bench(sample_count = 10)]
fn maps_with_a_40000_character_name(bencher: divan::Bencher) {
    maps_with_a_long_name(bencher, 40_000);
}

/// A 1 MB name (over 300 s before).
#[divan::bench(sample_count = 3)]
fn maps_with_a_1_mb_name(bencher: divan::Bencher) {
    maps_with_a_long_name(bencher, 1 << 20);
}

/// The DC3 slide's SVG turned into pixels by resvg (parse, text to paths, fill).
#[divan::bench(sample_count = 10)]
fn png_rasterize_dc3(bencher: divan::Bencher) {
    let t = bundled();
    let slides = layout::cartographie::domain(&t, t.domain("DC3").unwrap(), &opts(&t));
    let svg = actormap::render::svg::write(&slides[0]);
    bencher.bench(|| actormap::render::png::rasterize(&svg).unwrap());
}

/// The DC3 slide's pixels encoded as PNG, with actormap's settings
/// (`examples/png_settings.rs` compares them all).
#[divan::bench(sample_count = 10)]
fn png_encode_dc3(bencher: divan::Bencher) {
    let t = bundled();
    let slides = layout::cartographie::domain(&t, t.domain("DC3").unwrap(), &opts(&t));
    let pixmap =
        actormap::render::png::rasterize(&actormap::render::svg::write(&slides[0])).unwrap();
    bencher
        .bench(|| actormap::render::png::encode(&pixmap, actormap::render::png::ENCODING).unwrap());
}

/// The same pixels through tiny-skia's own encoder, as before (same bytes).
#[divan::bench(sample_count = 10)]
fn png_encode_dc3_tiny_skia(bencher: divan::Bencher) {
    let t = bundled();
    let slides = layout::cartographie::domain(&t, t.domain("DC3").unwrap(), &opts(&t));
    let pixmap =
        actormap::render::png::rasterize(&actormap::render::svg::write(&slides[0])).unwrap();
    bencher.bench(|| pixmap.encode_png().unwrap());
}
