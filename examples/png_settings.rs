//! The PNG encoder's settings measured on the 12 pictures of `build` on the Calaisis data:
//! the time to encode all 12 on one thread (the least of RUNS runs: other programs busy on
//! the machine only ever add to it) and their total size, against tiny-skia's own encoder
//! (what actormap used before). Prints a Markdown table.
//!
//! Run with `cargo run --release --example png_settings [RUNS]`.

use std::path::Path;
use std::time::Instant;

use ::png::{Compression, FilterType};
use actormap::layout::Options;
use actormap::maps::{self, MapKind};
use actormap::render::png::{self, ENCODING, Encoding};
use actormap::render::svg;

/// The least time of `runs` runs of `f`, and what the last one returned.
fn least<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut best = f64::INFINITY;
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        last = Some(f());
        best = best.min(start.elapsed().as_secs_f64() * 1e3);
    }
    (best, last.expect("at least one run"))
}

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(9)
        .max(1);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("actors/calaisis");
    let t = actormap::load::load(&dir).expect("the bundled dataset loads");
    let opts = maps::with_findings(&t, Options::default()).expect("valid settings");
    let mut kinds: Vec<MapKind> = t
        .domains()
        .iter()
        .map(|d| MapKind::Domain(d.id.clone()))
        .collect();
    kinds.extend([
        MapKind::Overview,
        MapKind::Matrix,
        MapKind::Status { at: None },
    ]);
    let svgs: Vec<String> = kinds
        .iter()
        .flat_map(|k| maps::scenes(&t, k, &opts))
        .map(|scene| svg::write(&scene))
        .collect();
    let (ms, pixmaps) = least(runs.min(3), || {
        svgs.iter()
            .map(|s| png::rasterize(s).expect("the SVG rasterizes"))
            .collect::<Vec<_>>()
    });
    println!("rasterizing the {} pictures: {ms:.1} ms\n", pixmaps.len());

    let (before_ms, before_size) = least(runs, || {
        pixmaps
            .iter()
            .map(|p| p.encode_png().expect("encodes").len())
            .sum::<usize>()
    });
    println!("| encoding | time | size | time vs before | size vs before |");
    println!("|---|---|---|---|---|");
    let row = |name: &str, ms: f64, size: usize| {
        println!(
            "| {name} | {ms:.1} ms | {} KB | {:+.0} % | {:+.0} % |",
            size / 1024,
            (ms / before_ms - 1.0) * 100.0,
            (size as f64 / before_size as f64 - 1.0) * 100.0
        );
    };
    row("tiny-skia `encode_png` (before)", before_ms, before_size);
    let mut settings = Vec::new();
    for compression in [Compression::Fast, Compression::Default, Compression::Best] {
        for filter in [
            FilterType::NoFilter,
            FilterType::Sub,
            FilterType::Up,
            FilterType::Paeth,
        ] {
            settings.push(Encoding {
                compression,
                filter,
                adaptive: false,
            });
        }
        settings.push(Encoding {
            compression,
            filter: FilterType::Sub,
            adaptive: true,
        });
    }
    for encoding in settings {
        // Best is 20 times slower: fewer runs.
        let runs = if matches!(encoding.compression, Compression::Best) {
            1
        } else {
            runs
        };
        let (ms, size) = least(runs, || {
            pixmaps
                .iter()
                .map(|p| png::encode(p, encoding).expect("encodes").len())
                .sum::<usize>()
        });
        let chosen = if encoding.name() == ENCODING.name() {
            " (actormap)"
        } else {
            ""
        };
        row(&format!("{}{chosen}", encoding.name()), ms, size);
    }
}
