//! The pictures as actormap draws them (straight from the scene, or resvg with plain text
//! and paths drawn by actormap, glyphs from a cache) against resvg drawing the same SVG
//! alone, its lines of text on the whole pixel nearest their baseline (as actormap puts
//! them): the same picture, but for glyph edges a fraction of a pixel apart.

use actormap::layout::scene::{Item, Scene};
use actormap::maps;
use actormap::render::{png, svg};
use resvg::tiny_skia;

use crate::render::{load_calaisis, opts};

/// The pixels resvg alone draws of `svg`.
fn resvg_alone(svg: &str) -> tiny_skia::Pixmap {
    let tree = png::parse(svg).unwrap();
    let size = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
    resvg::render(
        &tree,
        tiny_skia::Transform::identity(),
        &mut pixmap.as_mut(),
    );
    pixmap
}

#[test]
fn every_picture_of_a_build_is_the_picture_resvg_draws() {
    let t = load_calaisis();
    let opts = opts(&t);
    let mut pictures = 0;
    for kind in maps::build_list(&t) {
        for (page, scene) in maps::scenes(&t, &kind, &opts).iter().enumerate() {
            let what = format!("{kind:?} page {}", page + 1);
            let svg = svg::write(scene);
            let theirs = resvg_alone(&svg::write(&on_whole_pixels(scene)));
            let painted = png::scene_pixels(scene).unwrap().unwrap();
            for (route, ours) in [("svg", png::rasterize(&svg).unwrap()), ("scene", painted)] {
                let what = format!("{what} ({route})");
                assert_far_and_mean(&ours, &theirs, &what);
            }
            pictures += 1;
        }
    }
    assert!(pictures >= 18, "{pictures} pictures");
}

/// The scene with every line of text on the whole pixel nearest its baseline (at scale 1).
fn on_whole_pixels(scene: &Scene) -> Scene {
    fn round(items: &mut [Item]) {
        for item in items {
            match item {
                Item::Text(t) => t.y = t.y.round(),
                Item::Group(g) => round(&mut g.items),
                _ => {}
            }
        }
    }
    let mut scene = scene.clone();
    round(&mut scene.items);
    scene
}

fn assert_far_and_mean(ours: &tiny_skia::Pixmap, theirs: &tiny_skia::Pixmap, what: &str) {
    assert_eq!(ours.width(), theirs.width(), "{what}");
    // A glyph is placed to a quarter of a pixel: the pixels at its edges differ by
    // a little, rarely by much. A shape left out, or drawn elsewhere, differs by
    // much over many pixels (a dashed line 2 px wide was once left out: 800 pixels).
    let mut far = 0;
    let mut sum = 0u64;
    for (a, b) in ours.pixels().iter().zip(theirs.pixels()) {
        let d = [
            a.red().abs_diff(b.red()),
            a.green().abs_diff(b.green()),
            a.blue().abs_diff(b.blue()),
            a.alpha().abs_diff(b.alpha()),
        ];
        sum += d.iter().map(|&v| u64::from(v)).sum::<u64>();
        if d.iter().any(|&v| v > 100) {
            far += 1;
        }
    }
    let mean = sum as f64 / (ours.pixels().len() * 4) as f64;
    assert!(far <= 20, "{what}: {far} pixels differ by more than 100");
    assert!(mean < 0.5, "{what}: the mean difference is {mean}");
}
