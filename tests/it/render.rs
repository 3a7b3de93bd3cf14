//! Maps: the Scene checked geometrically (no overlap, inside the canvas, text fits its box by
//! the font's metrics, legible sizes, no edge across a foreign box), golden SVG and Scene
//! files for the Calaisis slides, escaping, determinism, and the render and build commands.

use actormap::error::Location;
use actormap::layout::scene::{Item, Rect, Scene};
use actormap::layout::{self, Options, Size};
use actormap::maps::{self, MapKind};
use actormap::model::{Lang, Role, Territory};
use actormap::render::{self, Format};

use crate::calaisis;
use crate::generated::{crowded, generated, many_objectives};

pub fn load_calaisis() -> Territory {
    actormap::load::load(&calaisis()).expect("the bundled dataset loads")
}

/// The groups whose first rectangle frames everything else they hold.
const CARD_CLASSES: [&str; 5] = ["actor", "label", "hub", "panel", "card"];

/// The smallest text allowed in a group of `class` (or under one), at 1920 x 1080: the
/// footer may be smaller, the side panel 18 px, everything else 20 px.
fn min_size(classes: &[&str]) -> f64 {
    if classes.contains(&"footer") {
        16.0
    } else if classes.contains(&"panel") {
        18.0
    } else {
        20.0
    }
}

/// Every text line of a scene with the classes of the groups it sits in.
pub fn texts_with_classes(scene: &Scene) -> Vec<(Vec<&str>, &actormap::layout::scene::Text)> {
    fn walk<'a>(
        items: &'a [Item],
        classes: &mut Vec<&'a str>,
        out: &mut Vec<(Vec<&'a str>, &'a actormap::layout::scene::Text)>,
    ) {
        for i in items {
            match i {
                Item::Group(g) => {
                    classes.push(&g.class);
                    walk(&g.items, classes, out);
                    classes.pop();
                }
                Item::Text(t) => {
                    let mut c = classes.clone();
                    c.push(&t.class);
                    out.push((c, t));
                }
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(&scene.items, &mut Vec::new(), &mut out);
    out
}

/// The smallest text of a scene outside the groups of `classes`, in pixels at 1920 x 1080.
pub fn smallest_text(scene: &Scene, classes: &[&str]) -> f64 {
    let k = (scene.width / 1920.0).min(scene.height / 1080.0);
    texts_with_classes(scene)
        .iter()
        .filter(|(c, _)| !c.iter().any(|c| classes.contains(c)))
        .map(|(_, t)| t.size / k)
        .fold(f64::INFINITY, f64::min)
}

/// Every check a slide must pass; panics with what is wrong.
pub fn assert_sound(scene: &Scene, what: &str) {
    let canvas = Rect {
        x: 0.0,
        y: 0.0,
        w: scene.width,
        h: scene.height,
        radius: 0.0,
        fill: None,
        stroke: None,
        class: String::new(),
    };
    let slack = 0.05;
    let flat = scene.flatten();
    let k = (scene.width / 1920.0).min(scene.height / 1080.0);
    let mut boxes: Vec<(&str, &Rect)> = Vec::new();
    let mut cards: Vec<&Rect> = Vec::new();
    let mut lines: Vec<(&str, Rect)> = Vec::new();
    for (classes, t) in texts_with_classes(scene) {
        assert!(
            t.size >= min_size(&classes) * k - 0.01,
            "{what}: text {:?} at {} px in {classes:?}",
            t.text,
            t.size
        );
        lines.push((&t.text, t.bounds()));
    }
    for (group, item) in &flat {
        let gid = group.map(|g| g.id.as_str()).unwrap_or("");
        let frame = group.and_then(|g| match g.items.first() {
            Some(Item::Rect(frame)) if CARD_CLASSES.contains(&frame.class.as_str()) => Some(frame),
            _ => None,
        });
        match item {
            Item::Rect(r) => {
                assert!(canvas.contains(r), "{what}: rect {r:?} outside the canvas");
                if ["actor", "label", "hub"].contains(&r.class.as_str()) {
                    boxes.push((gid, r));
                }
                if r.class == "card" {
                    cards.push(r);
                }
                if let Some(frame) = frame
                    && frame.class == "card"
                {
                    assert!(
                        frame.inflate(slack).contains(r),
                        "{what}: {r:?} overflows its card {gid}"
                    );
                }
            }
            Item::Curve(c) => {
                // A Bézier segment stays inside the hull of its points.
                for p in c.points() {
                    assert!(
                        p.0 >= -0.01
                            && p.1 >= -0.01
                            && p.0 <= canvas.w + 0.01
                            && p.1 <= canvas.h + 0.01,
                        "{what}: curve point {p:?} of {gid} outside the canvas"
                    );
                }
            }
            Item::Text(t) => {
                let b = t.bounds();
                assert!(
                    canvas.contains(&b),
                    "{what}: text {:?} outside the canvas",
                    t.text
                );
                if let Some(frame) = frame {
                    assert!(
                        frame.inflate(slack).contains(&b),
                        "{what}: text {:?} ({b:?}) overflows its box {frame:?}",
                        t.text
                    );
                }
            }
            _ => {}
        }
    }
    for (i, (_, a)) in boxes.iter().enumerate() {
        for (_, b) in &boxes[i + 1..] {
            assert!(
                !a.inflate(-slack).overlaps(&b.inflate(-slack)),
                "{what}: boxes overlap: {a:?} and {b:?}"
            );
        }
    }
    for (i, a) in cards.iter().enumerate() {
        for b in &cards[i + 1..] {
            assert!(
                !a.inflate(-slack).overlaps(&b.inflate(-slack)),
                "{what}: cards overlap: {a:?} and {b:?}"
            );
        }
    }
    for (i, (a, ra)) in lines.iter().enumerate() {
        for (b, rb) in &lines[i + 1..] {
            assert!(
                !ra.inflate(-0.05).overlaps(&rb.inflate(-0.05)),
                "{what}: texts {a:?} and {b:?} overlap"
            );
        }
    }
    for (group, item) in &flat {
        let Item::Line(line) = item else { continue };
        if line.class != "edge" {
            continue;
        }
        let own = group.map(|g| g.id.as_str()).unwrap_or("");
        for pair in line.points.windows(2) {
            for (gid, r) in &boxes {
                if *gid == own || r.class == "hub" {
                    continue;
                }
                assert!(
                    !r.inflate(-0.5).crossed_by(pair[0], pair[1]),
                    "{what}: edge of {own} crosses the box of {gid}"
                );
            }
        }
    }
}

/// Every slide of every kind of map of `t`: its domains, objectives and actors, the
/// domain pages, the overview, the matrix, the coverage grid, the status chart, and the
/// governance chart and links graph when it has bodies and links, each named by its kind.
pub fn every_slide(t: &Territory, opts: &Options) -> Vec<(String, Scene)> {
    let mut kinds: Vec<MapKind> = t
        .domains()
        .iter()
        .map(|d| MapKind::Domain(d.id.clone()))
        .collect();
    kinds.extend(
        t.objectives()
            .iter()
            .map(|o| MapKind::Objective(o.id.clone())),
    );
    kinds.extend(t.actors().iter().map(|a| MapKind::Actor(a.id.clone())));
    kinds.extend(t.domains().iter().map(|d| MapKind::Page(d.id.clone())));
    kinds.extend([
        MapKind::Overview,
        MapKind::Matrix,
        MapKind::Coverage,
        MapKind::Status { at: None },
    ]);
    // The graphs laid out by layout-rs, when the territory has something to draw in them.
    if !t.bodies().is_empty() {
        kinds.push(MapKind::Governance);
    }
    if !actormap::layout::links::pairs(t).is_empty() {
        kinds.push(MapKind::Links);
    }
    let mut out = Vec::new();
    for kind in &kinds {
        let slides = maps::scenes(t, kind, opts);
        assert!(!slides.is_empty(), "{kind:?}: no slide");
        for (i, scene) in slides.into_iter().enumerate() {
            out.push((format!("{kind:?} {}", i + 1), scene));
        }
    }
    out
}

/// The only slide of a map that fits one.
pub fn one(mut slides: Vec<Scene>) -> Scene {
    assert_eq!(
        slides.len(),
        1,
        "one slide: {:?}",
        slides.iter().map(|s| &s.title).collect::<Vec<_>>()
    );
    slides.remove(0)
}

/// The options `render` uses for `t`: the gaps are the findings of `check` on it.
pub fn opts(t: &Territory) -> Options {
    maps::with_findings(t, Options::default()).expect("valid rule settings")
}

#[test]
fn calaisis_maps_are_sound() {
    let t = load_calaisis();
    for (what, scene) in every_slide(&t, &opts(&t)) {
        assert_eq!((scene.width, scene.height), (1920.0, 1080.0), "{what}");
        assert_sound(&scene, &what);
    }
}

/// The kind of map a slide of `every_slide` belongs to.
fn kind_of(what: &str) -> &str {
    what.split(['(', ' ']).next().unwrap_or(what)
}

#[test]
fn every_picture_is_exactly_its_size_with_text_of_20_px_at_least() {
    // Text of 20 px at least on a 1920 x 1080 slide (18 in the side panel, the footer
    // aside), on every kind of map, on the bundled data and on generated territories from
    // one actor to crowded ones; and never a picture larger than the slide.
    let territories = [
        ("Calaisis", load_calaisis()),
        ("1 actor", generated(1)),
        ("40 actors", generated(40)),
        ("300 actors", generated(300)),
        ("40 objectives", many_objectives(40)),
        ("crowded", crowded(60)),
    ];
    let mut smallest: std::collections::BTreeMap<String, (f64, f64)> = Default::default();
    for (name, t) in &territories {
        for (what, scene) in every_slide(t, &opts(t)) {
            let what = format!("{name}: {what}");
            assert_eq!((scene.width, scene.height), (1920.0, 1080.0), "{what}");
            assert_sound(&scene, &what);
            let kind = kind_of(&what[name.len() + 2..]).to_owned();
            let sizes = (
                smallest_text(&scene, &["footer"]),
                smallest_text(&scene, &["footer", "panel"]),
            );
            let entry = smallest
                .entry(kind)
                .or_insert((f64::INFINITY, f64::INFINITY));
            *entry = (entry.0.min(sizes.0), entry.1.min(sizes.1));
        }
    }
    assert_eq!(
        smallest.keys().collect::<Vec<_>>(),
        [
            "Actor",
            "Coverage",
            "Domain",
            "Governance",
            "Links",
            "Matrix",
            "Objective",
            "Overview",
            "Page",
            "Status"
        ]
    );
    for (kind, (size, outside_panel)) in &smallest {
        // The side panel's 18 px is the smallest allowed outside the footer.
        assert!(*size >= 18.0, "{kind}: {size} px");
        assert!(*outside_panel >= 20.0, "{kind}: {outside_panel} px");
    }
    eprintln!(
        "smallest text per kind of map (outside the footer, outside the panel too): {smallest:?}"
    );
}

#[test]
fn generated_territories_of_every_size_are_sound() {
    // Up to 60 cards (`cartographie::MAX_CARDS`) every actor is drawn, over as many slides
    // as they need; a map of more shows the most involved on one slide (see large.rs).
    for n in [1, 5, 40, 58] {
        let t = generated(n);
        let slides = layout::cartographie::domain(&t, &t.domains()[0], &opts(&t));
        if n <= 40 {
            assert_eq!(slides.len(), 1, "{n} actors fit a slide");
        }
        let mut cards = Vec::new();
        let mut role_gap_cards = 0;
        for (i, scene) in slides.iter().enumerate() {
            assert_eq!((scene.width, scene.height), (1920.0, 1080.0));
            assert_sound(scene, &format!("{n} actors, slide {}", i + 1));
            for (g, item) in scene.flatten() {
                if let (Some(g), Item::Rect(r)) = (g, item) {
                    if r.class == "actor" {
                        cards.push(g.id.clone());
                    }
                    if g.class == "role-gap" {
                        role_gap_cards += 1;
                    }
                }
            }
            if slides.len() > 1 {
                assert!(
                    scene
                        .title
                        .ends_with(&format!("({}/{})", i + 1, slides.len())),
                    "{}",
                    scene.title
                );
            }
        }
        // Every actor is on the map once for its role, or listed on the lead gap, over all
        // the slides.
        let candidates = t
            .links()
            .iter()
            .filter(|l| l.role == Role::LeadCandidate)
            .count();
        // The default required roles (funder, target) nobody holds get one gap card each.
        let role_gaps = [Role::Funder, Role::Target]
            .iter()
            .filter(|r| !t.links().iter().any(|l| l.role == **r))
            .count();
        assert_eq!(role_gaps, role_gap_cards, "{n} actors: role gaps");
        assert_eq!(
            cards.len(),
            n - candidates + 1 + role_gaps,
            "{n} actors: cards plus the gap cards"
        );
        let distinct: std::collections::BTreeSet<&String> = cards.iter().collect();
        assert_eq!(distinct.len(), cards.len(), "{n} actors: each card once");
        for scene in layout::matrix::layout(&t, &opts(&t)) {
            assert_sound(&scene, &format!("matrix of {n}"));
        }
        for scene in maps::scenes(&t, &MapKind::Overview, &opts(&t)) {
            assert_sound(&scene, &format!("overview of {n}"));
        }
    }
}

#[test]
fn other_sizes_and_english_are_sound() {
    let t = load_calaisis();
    for size in ["1280x720", "1600x1200", "3840x2160"] {
        let o = Options {
            size: Size::parse(size).unwrap(),
            lang: Lang::En,
            ..opts(&t)
        };
        let s = Size::parse(size).unwrap();
        for (what, scene) in every_slide(&t, &o) {
            assert_sound(&scene, &format!("{size} {what}"));
            assert_eq!((scene.width, scene.height), (s.width, s.height), "{what}");
        }
    }
}

/// The only slide of a map.
pub fn slide_of(t: &Territory, kind: &MapKind, opts: &Options) -> Scene {
    one(maps::scenes(t, kind, opts))
}

/// A text as read: no-break spaces as spaces, footnote marks left out.
pub fn plain(s: &str) -> String {
    s.replace('\u{a0}', " ")
        .chars()
        .filter(|c| !"⁰¹²³⁴⁵⁶⁷⁸⁹".contains(*c))
        .collect()
}

pub fn texts(scene: &Scene) -> Vec<String> {
    scene
        .flatten()
        .iter()
        .filter_map(|(_, i)| match i {
            Item::Text(t) => Some(t.text.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_regal_map_shows_the_missing_lead_and_its_candidates() {
    let t = load_calaisis();
    let scene = one(layout::cartographie::domain(
        &t,
        t.domain("DC3").unwrap(),
        &opts(&t),
    ));
    let all = plain(&texts(&scene).join("\n"));
    assert!(all.contains("Chef de file ?"), "{all}");
    for candidate in ["SEVADEC ?", "SyMPaC ?", "Les 3 EPCI ?"] {
        assert!(all.contains(candidate), "{candidate} in {all}");
    }
    assert!(all.contains("Vers la réduction"), "headline");
    assert!(all.contains("PRIORITAIRE"));
    assert!(all.contains("Liens : DC5, DC7, DC9"));
    let gap = scene
        .flatten()
        .into_iter()
        .find_map(|(g, i)| match i {
            Item::Rect(r) if g.is_some_and(|g| g.class == "lead-gap") => Some(r.clone()),
            _ => None,
        })
        .expect("a lead-gap card");
    let stroke = gap.stroke.expect("an outline");
    assert!(!stroke.dash.is_empty(), "dashed");
    assert_eq!(stroke.color, layout::RED);
}

#[test]
fn a_lead_stands_out_and_two_roles_mean_two_cards() {
    let t = load_calaisis();
    let scene = one(layout::cartographie::domain(
        &t,
        t.domain("DC1").unwrap(),
        &opts(&t),
    ));
    let flat = scene.flatten();
    let ids: Vec<&str> = flat
        .iter()
        .filter_map(|(g, i)| match i {
            Item::Rect(r) if r.class == "actor" => g.map(|g| g.id.as_str()),
            _ => None,
        })
        .collect();
    assert!(ids.contains(&"lead:epci"), "{ids:?}");
    assert_eq!(
        ids.iter().filter(|id| id.ends_with(":ademe")).count(),
        2,
        "{ids:?}"
    );
    let lead = flat
        .iter()
        .find_map(|(g, i)| match i {
            Item::Rect(r) if g.is_some_and(|g| g.id == "lead:epci") => Some(r),
            _ => None,
        })
        .unwrap();
    let plain = flat
        .iter()
        .find_map(|(g, i)| match i {
            Item::Rect(r) if g.is_some_and(|g| g.id == "support:ademe") => Some(r),
            _ => None,
        })
        .unwrap();
    assert!(lead.stroke.as_ref().unwrap().width > 2.0 * plain.stroke.as_ref().unwrap().width);
    assert!(texts(&scene).iter().any(|t| t == "Chef de file"));
    assert!(!texts(&scene).iter().any(|t| t.contains("Chef de file ?")));
}

#[test]
fn english_labels_with_lang_en() {
    let t = load_calaisis();
    let o = Options {
        lang: Lang::En,
        ..opts(&t)
    };
    let all = texts(&one(layout::cartographie::domain(
        &t,
        t.domain("DC3").unwrap(),
        &o,
    )))
    .join("\n");
    assert!(all.contains("Lead?"), "{all}");
    assert!(all.contains("Legend") && all.contains("Funders"), "{all}");
    assert!(!all.contains("Légende"));
}

#[test]
fn golden_slides_for_dc1_dc3_dc4() {
    let t = load_calaisis();
    for id in ["DC1", "DC3", "DC4"] {
        let scene = one(layout::cartographie::domain(
            &t,
            t.domain(id).unwrap(),
            &opts(&t),
        ));
        let svg = render::svg::write(&scene);
        insta::assert_snapshot!(format!("{}_svg", id.to_lowercase()), svg);
        insta::assert_snapshot!(format!("{}_scene", id.to_lowercase()), scene.to_json());
    }
}

/// The REGAL map in English: the golden of the English catalog (the French goldens above
/// are byte-identical to what the maps said before the catalog).
#[test]
fn golden_english_slide_for_dc3() {
    let t = load_calaisis();
    let scene = one(layout::cartographie::domain(
        &t,
        t.domain("DC3").unwrap(),
        &Options {
            lang: Lang::En,
            ..opts(&t)
        },
    ));
    assert_sound(&scene, "DC3 in English");
    insta::assert_snapshot!("dc3_en_svg", render::svg::write(&scene));
    insta::assert_snapshot!("dc3_en_scene", scene.to_json());
}

#[test]
fn every_svg_parses_and_rendering_twice_gives_the_same_bytes() {
    let t = load_calaisis();
    let mut kinds: Vec<MapKind> = t
        .domains()
        .iter()
        .map(|d| MapKind::Domain(d.id.clone()))
        .collect();
    kinds.push(MapKind::Objective("regal".into()));
    kinds.push(MapKind::Actor("ademe".into()));
    kinds.push(MapKind::Overview);
    kinds.push(MapKind::Matrix);
    kinds.push(MapKind::Status { at: None });
    for kind in &kinds {
        let a = render::svg::write(&slide_of(&t, kind, &opts(&t)));
        let b = render::svg::write(&slide_of(&t, kind, &opts(&t)));
        assert_eq!(a, b, "{kind:?}");
        let doc = roxmltree::Document::parse(&a).unwrap_or_else(|e| panic!("{kind:?}: {e}"));
        assert_eq!(doc.root_element().tag_name().name(), "svg");
        assert!(
            !a.contains("<image") && !a.contains("@font-face") && !a.contains("href"),
            "standalone"
        );
        assert!(
            a.contains("font-family=\"'Noto Sans'"),
            "the shipped font first"
        );
    }
    let scene = slide_of(&t, &MapKind::Domain("DC3".into()), &opts(&t));
    let png = render::to_bytes(&scene, Format::Png).unwrap();
    assert_eq!(png, render::to_bytes(&scene, Format::Png).unwrap());
    assert!(png.starts_with(b"\x89PNG"));
}

#[test]
fn a_hostile_actor_name_shows_as_text() {
    let mut t = generated(5);
    let evil = r#"<script>&"'"#;
    t.edit(|t| {
        t.actors[0].name = evil.into();
        t.domains[0].headline = Some(format!("{evil} headline"));
        t.domains[0].name = format!("{evil} domaine");
    });
    for kind in [
        MapKind::Domain("D1".into()),
        MapKind::Actor("a0".into()),
        MapKind::Overview,
        MapKind::Matrix,
    ] {
        let svg = render::svg::write(&slide_of(&t, &kind, &opts(&t)));
        let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{kind:?}: {e}"));
        assert!(
            doc.descendants().all(|n| n.tag_name().name() != "script"),
            "{kind:?}"
        );
        assert!(
            doc.descendants()
                .any(|n| n.text().is_some_and(|s| s.contains(evil))),
            "{kind:?}: the name is shown as text"
        );
    }
}

#[test]
fn build_writes_every_map_and_exits_1_on_a_missing_lead() {
    let out = tempfile::tempdir().unwrap();
    let assert = crate::actormap()
        .args(["build", "--out"])
        .arg(out.path())
        .assert()
        .code(1);
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(stdout.contains("missing-lead"), "{stdout}");
    let t = load_calaisis();
    for d in t.domains() {
        let stem = d.id.to_lowercase();
        for ext in ["svg", "png"] {
            let path = out.path().join(format!("{stem}.{ext}"));
            assert!(path.is_file(), "{}", path.display());
            assert!(stdout.contains(&format!("{stem}.{ext}")), "{stdout}");
        }
    }
    for name in [
        "overview.svg",
        "overview.png",
        "matrix.svg",
        "matrix.png",
        "status.svg",
        "status.png",
    ] {
        assert!(out.path().join(name).is_file(), "{name}");
    }
    let leftovers: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file left");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(out.path().join("dc3.svg"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o644);
    }
}

#[test]
fn render_writes_the_asked_formats_and_nothing_outside_out() {
    let out = tempfile::tempdir().unwrap();
    let inner = out.path().join("maps");
    crate::actormap()
        .args([
            "render",
            "--domain",
            "dc3",
            "--actor",
            "ADEME",
            "--format",
            "svg,png,scene",
            "--out",
        ])
        .arg(&inner)
        .assert()
        .code(0);
    let mut names: Vec<String> = std::fs::read_dir(&inner)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            ".actormap-manifest.json",
            ".actormap-stamps.json",
            "actor-ademe.png",
            "actor-ademe.scene.json",
            "actor-ademe.svg",
            "dc3.png",
            "dc3.scene.json",
            "dc3.svg"
        ]
    );
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(inner.join("dc3.scene.json")).unwrap()).unwrap();
    assert_eq!(json["width"], 1920.0);
    // Only `maps/` was created in the temporary folder.
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 1);
}

#[test]
fn render_rejects_unknown_ids_and_bad_sizes_with_exit_2() {
    let out = tempfile::tempdir().unwrap();
    let fails = |args: &[&str], says: &str| {
        crate::actormap()
            .arg("render")
            .args(args)
            .arg("--out")
            .arg(out.path())
            .assert()
            .code(2)
            .stderr(predicates::str::contains(says));
    };
    fails(
        &["--domain", "../DC3x"],
        "aucun domaine «\u{a0}../DC3x\u{a0}»",
    );
    fails(
        &["--domain", "../DC3x", "--lang", "en"],
        "no domain \"../DC3x\"",
    );
    fails(
        &["--domain", "DC3", "--size", "big"],
        "--size «\u{a0}big\u{a0}» n'est pas une taille\u{a0}; attendu LARGEURxHAUTEUR",
    );
    fails(
        &["--domain", "DC3", "--size", "big", "--lang", "en"],
        "--size \"big\" is not a size; expected WIDTHxHEIGHT",
    );
    fails(
        &["--domain", "DC3", "--size", "100x100"],
        "chaque côté doit mesurer entre 320 et 8\u{a0}000 pixels",
    );
    fails(&[], "rien à dessiner\u{a0}; donnez --domain ID");
    fails(&["--lang", "en"], "nothing to render; give --domain ID");
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
}

#[test]
fn a_domain_without_actors_says_so_and_shows_the_lead_gap() {
    let t = load_calaisis();
    let scene = one(layout::cartographie::domain(
        &t,
        t.domain("DC5").unwrap(),
        &opts(&t),
    ));
    let all = texts(&scene).join("\n");
    assert!(all.contains("Aucun acteur renseigné"), "{all}");
    assert!(
        all.contains("Chef de file\u{a0}?") && all.contains("à désigner"),
        "{all}"
    );
}

#[test]
fn hostile_ids_never_write_outside_the_output_folder() {
    let mut t = generated(3);
    t.edit(|t| {
        t.domains[0].id = "../../evil".into();
        for o in &mut t.objectives {
            o.domain = "../../evil".into();
        }
    });
    let root = tempfile::tempdir().unwrap();
    let out = root.path().join("a/b");
    let args = actormap::cli::OutputArgs {
        format: vec![actormap::cli::FormatArg::Svg],
        size: "1920x1080".into(),
        lang: actormap::cli::LangArg::Fr,
        out: out.clone(),
    };
    let kinds = [MapKind::Domain("../../evil".into()), MapKind::Overview];
    let mut log = Vec::new();
    maps::draw(&t, &kinds, &args, &[Format::Svg], &mut log).unwrap();
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["evil.svg", "overview.svg"]);
    // Nothing beside `b` nor beside `a`.
    assert_eq!(std::fs::read_dir(root.path().join("a")).unwrap().count(), 1);
    assert_eq!(std::fs::read_dir(root.path()).unwrap().count(), 1);
}

/// The ids of the role gap cards of a scene, with their texts.
pub fn role_gaps(scene: &Scene) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for (g, i) in scene.flatten() {
        let Some(g) = g.filter(|g| g.class == "role-gap") else {
            continue;
        };
        if let Item::Rect(r) = i {
            let stroke = r.stroke.as_ref().expect("an outline");
            assert!(!stroke.dash.is_empty(), "{}: dashed", g.id);
            assert_eq!(stroke.color, layout::RED, "{}", g.id);
            let texts = g
                .items
                .iter()
                .filter_map(|i| match i {
                    Item::Text(t) => Some(t.text.replace('\u{a0}', " ")),
                    _ => None,
                })
                .collect();
            out.push((g.id.clone(), texts));
        }
    }
    out
}

pub fn set_rule(t: &mut Territory, rule: &str, value: serde_json::Value) {
    t.rules.insert(
        rule.into(),
        actormap::model::RuleSetting {
            value,
            origin: Location::default(),
        },
    );
}

#[test]
fn regal_and_cot_enr_show_that_nobody_is_a_target_and_dc1_has_no_role_gap() {
    let t = load_calaisis();
    for (domain, objective) in [("DC3", "regal"), ("DC4", "cot-enr")] {
        let scene = one(layout::cartographie::domain(
            &t,
            t.domain(domain).unwrap(),
            &opts(&t),
        ));
        assert_eq!(
            role_gaps(&scene),
            [(
                format!("role-gap:target:{objective}"),
                vec!["Cibles ?".to_owned(), "à identifier".to_owned()]
            )],
            "{domain}"
        );
        // The sector keeps its usual label.
        let labels: Vec<&str> = scene
            .flatten()
            .into_iter()
            .filter_map(|(g, _)| g.filter(|g| g.class == "sector-label"))
            .map(|g| g.id.as_str())
            .collect();
        assert!(labels.contains(&"target"), "{domain}: {labels:?}");
        let all = texts(&scene).join("\n");
        assert!(all.contains("À désigner / à identifier"), "{all}");
    }
    // The overview cards carry a small badge for it, where they have room.
    let overview = slide_of(&t, &MapKind::Overview, &opts(&t));
    let badged: Vec<&str> = overview
        .flatten()
        .into_iter()
        .filter_map(|(g, i)| match i {
            Item::Text(x) if x.text.replace('\u{a0}', " ") == "Cibles ?" => {
                g.map(|g| g.id.as_str())
            }
            _ => None,
        })
        .collect();
    assert_eq!(badged, ["DC3", "DC4"]);
    let dc1 = one(layout::cartographie::domain(
        &t,
        t.domain("DC1").unwrap(),
        &opts(&t),
    ));
    assert_eq!(role_gaps(&dc1), []);
    // DC1 has its lead and no gap: its legend shows no gap mark.
    assert!(!texts(&dc1).iter().any(|s| s.contains("désigner")));
    let english = Options {
        lang: Lang::En,
        ..opts(&t)
    };
    let scene = one(layout::cartographie::domain(
        &t,
        t.domain("DC3").unwrap(),
        &english,
    ));
    assert_eq!(
        role_gaps(&scene)[0].1,
        ["Targets?".to_owned(), "to be identified".to_owned()]
    );
}

#[test]
fn the_required_roles_come_from_the_territory_settings() {
    // Four actors: a prescriber, a funder, a support partner, a target; no relay.
    let mut t = generated(4);
    assert_eq!(
        role_gaps(&slide_of(&t, &MapKind::Domain("D1".into()), &opts(&t))),
        []
    );
    set_rule(
        &mut t,
        "missing-role",
        serde_json::json!({"roles": ["relais", "cible"]}),
    );
    let scene = slide_of(&t, &MapKind::Domain("D1".into()), &opts(&t));
    assert_sound(&scene, "relay required");
    let gaps = role_gaps(&scene);
    assert_eq!(gaps.len(), 1, "{gaps:?}");
    assert_eq!(gaps[0].0, "role-gap:relay:o1");
    assert_eq!(gaps[0].1, ["Relais ?", "à identifier"]);

    // Switched off: no target gap on the bundled REGAL map.
    let mut t = load_calaisis();
    set_rule(&mut t, "missing-role", serde_json::json!("allow"));
    let scene = slide_of(&t, &MapKind::Domain("DC3".into()), &opts(&t));
    assert_eq!(role_gaps(&scene), []);
}

#[test]
fn a_priority_objective_without_funder_shows_a_funder_gap() {
    // One prescriber only, on a priority objective; only targets are required.
    let mut t = generated(1);
    set_rule(
        &mut t,
        "missing-role",
        serde_json::json!({"roles": ["cible"]}),
    );
    let ids = |t: &Territory| -> Vec<String> {
        let scene = slide_of(t, &MapKind::Domain("D1".into()), &opts(t));
        assert_sound(&scene, "one prescriber");
        role_gaps(&scene).into_iter().map(|(id, _)| id).collect()
    };
    assert_eq!(ids(&t), ["role-gap:funder:o1", "role-gap:target:o1"]);
    t.edit(|t| t.objectives[0].priority = false);
    assert_eq!(ids(&t), ["role-gap:target:o1"]);
}

#[test]
fn a_role_gap_names_its_objectives_on_a_map_of_several() {
    let t = actormap::load::load(&crate::fixture("rules/missing-role.fires.json")).unwrap();
    let scene = slide_of(&t, &MapKind::Domain("DC1".into()), &opts(&t));
    assert_sound(&scene, "missing-role fixture");
    let gaps = role_gaps(&scene);
    let shown: Vec<(&str, String)> = gaps
        .iter()
        .map(|(id, texts)| (id.as_str(), texts.join(" ")))
        .collect();
    // "artisans" has no actor at all: its lead gap says so, not a card per role.
    assert_eq!(
        shown,
        [
            (
                "role-gap:funder:actee",
                "Financeurs ? à identifier (actee)".to_owned()
            ),
            (
                "role-gap:target:actee",
                "Cibles ? à identifier (actee)".to_owned()
            ),
            // On a map of several objectives every gap card names its objectives.
            (
                "role-gap:relay:renovation,actee",
                "Relais ? à identifier (renovation, actee)".to_owned()
            ),
        ]
    );
}

#[test]
fn render_refuses_bad_rule_settings_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("territory.json");
    std::fs::write(
        &file,
        r#"{
  "name": "T",
  "rules": {"missing-role": {"roles": ["banquier"]}},
  "domains": [{"id": "D1", "name": "Bâtiment"}]
}
"#,
    )
    .unwrap();
    let out = dir.path().join("maps");
    crate::actormap()
        .arg("render")
        .arg(&file)
        .args(["--domain", "D1", "--out"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "rôle inconnu «\u{a0}banquier\u{a0}»",
        ));
    assert!(!out.exists(), "nothing written");
}

/// The lead gaps a scene draws, by kind: the cartographie's gap cards (their ids), the
/// overview's "Chef de file ?" badges and the matrix's "CF ?" headers (their group ids).
pub fn lead_gaps(scene: &Scene) -> Vec<String> {
    let mut out: Vec<String> = scene
        .flatten()
        .into_iter()
        .filter_map(|(g, i)| {
            let g = g?;
            match i {
                Item::Rect(_) if g.class == "lead-gap" => Some(g.id.clone()),
                Item::Text(x) => {
                    let s = x.text.replace('\u{a0}', " ");
                    (s == "Chef de file ?" || s.ends_with("· CF ?")).then(|| g.id.clone())
                }
                _ => None,
            }
        })
        .collect();
    out.dedup();
    out
}

#[test]
fn the_lead_gap_is_drawn_only_while_missing_lead_is_on() {
    let mut t = load_calaisis();
    let dc3 = MapKind::Domain("DC3".into());
    let maps = |t: &Territory| {
        [&dc3, &MapKind::Overview, &MapKind::Matrix].map(|kind| {
            let scene = slide_of(t, kind, &opts(t));
            assert_sound(&scene, &format!("{kind:?}"));
            lead_gaps(&scene)
        })
    };
    let [map, overview, matrix] = maps(&t);
    assert_eq!(map, ["lead-gap:regal"]);
    assert!(overview.contains(&"DC3".to_owned()), "{overview:?}");
    assert!(matrix.contains(&"regal".to_owned()), "{matrix:?}");

    set_rule(&mut t, "missing-lead", serde_json::json!("allow"));
    assert_eq!(maps(&t), [Vec::<String>::new(), Vec::new(), Vec::new()]);
    // The rest of the REGAL map stays: its actors and its target gap.
    let scene = slide_of(&t, &dc3, &opts(&t));
    assert_eq!(role_gaps(&scene).len(), 1);
    assert!(
        texts(&scene)
            .iter()
            .any(|s| s.contains("Vers la réduction"))
    );
    // A domain without actors keeps its note, without a gap card.
    let dc5 = slide_of(&t, &MapKind::Domain("DC5".into()), &opts(&t));
    assert_sound(&dc5, "DC5 without missing-lead");
    assert!(lead_gaps(&dc5).is_empty());
    assert!(texts(&dc5).iter().any(|s| s == "Aucun acteur renseigné"));
}

#[test]
fn a_matrix_of_250_objectives_goes_on_slides_of_the_same_size() {
    let t = many_objectives(250);
    let slides = layout::matrix::layout(&t, &opts(&t));
    assert!(slides.len() > 10, "{}", slides.len());
    let mut headers = Vec::new();
    let mut cells = Vec::new();
    for (p, scene) in slides.iter().enumerate() {
        assert_eq!((scene.width, scene.height), (1920.0, 1080.0));
        assert_sound(scene, &format!("matrix of 250 objectives, slide {}", p + 1));
        assert!(
            scene
                .title
                .ends_with(&format!("({}/{})", p + 1, slides.len())),
            "{}",
            scene.title
        );
        let flat = scene.flatten();
        // Every box has a size; every text line of a cell or a header is inside its box.
        let mut page_boxes = Vec::new();
        for (g, item) in &flat {
            if let Item::Rect(r) = item {
                assert!(r.w > 0.0 && r.h > 0.0, "empty or negative box {r:?}");
                let id = g.map(|g| g.id.clone()).unwrap_or_default();
                match (g.map(|g| g.class.as_str()), r.class.as_str()) {
                    (Some("column"), "panel") => {
                        headers.push(id);
                        page_boxes.push(r);
                    }
                    (Some("cell"), "cell") => {
                        cells.push(id);
                        page_boxes.push(r);
                    }
                    _ => {}
                }
            }
        }
        for g in flat.iter().filter_map(|(g, _)| *g) {
            let Some(Item::Rect(frame)) = g.items.first() else {
                continue;
            };
            if !["cell", "panel"].contains(&frame.class.as_str()) {
                continue;
            }
            for i in &g.items {
                if let Item::Text(x) = i {
                    assert!(
                        frame.inflate(0.05).contains(&x.bounds()),
                        "{:?} overflows {frame:?}",
                        x.text
                    );
                }
            }
        }
        for (i, a) in page_boxes.iter().enumerate() {
            for b in &page_boxes[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} and {b:?} overlap");
            }
        }
    }
    // Every objective's column once, every link's cell once, over all the slides.
    let objectives: Vec<String> = t.objectives().iter().map(|o| o.id.clone()).collect();
    assert_eq!(headers, objectives);
    cells.sort();
    let mut expected: Vec<String> = t
        .links()
        .iter()
        .map(|l| match &l.scope {
            actormap::model::Scope::Objective(o) => format!("{}:{o}", l.actor),
            actormap::model::Scope::Domain(d) => format!("{}:{d}", l.actor),
        })
        .collect();
    expected.sort();
    expected.dedup();
    assert_eq!(cells, expected);
}

#[test]
fn a_matrix_of_many_actors_goes_on_further_slides_named_matrix_1_and_2() {
    let t = generated(60);
    let slides = layout::matrix::layout(&t, &opts(&t));
    assert_eq!(slides.len(), 3);
    let rows: Vec<String> = slides
        .iter()
        .flat_map(|s| group_ids_in_order(s, "row"))
        .collect();
    let actors: Vec<String> = t.actors().iter().map(|a| a.id.clone()).collect();
    assert_eq!(rows, actors, "every actor once, in order");
    // Files: one per slide, numbered.
    let out = tempfile::tempdir().unwrap();
    let args = actormap::cli::OutputArgs {
        format: vec![actormap::cli::FormatArg::Svg],
        size: "1920x1080".into(),
        lang: actormap::cli::LangArg::Fr,
        out: out.path().to_path_buf(),
    };
    let mut log = Vec::new();
    maps::draw(&t, &[MapKind::Matrix], &args, &[Format::Svg], &mut log).unwrap();
    let mut names: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["matrix-1.svg", "matrix-2.svg", "matrix-3.svg"]);
    let first = std::fs::read_to_string(out.path().join("matrix-1.svg")).unwrap();
    assert!(
        first.contains("qui fait quoi (1/3)"),
        "the title numbers the slide"
    );
    assert!(
        first.starts_with(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1920\" height=\"1080\""
        )
    );
}

/// The ids of the groups of `class` in `scene`, in drawing order.
fn group_ids_in_order(scene: &Scene, class: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (g, _) in scene.flatten() {
        if let Some(g) = g.filter(|g| g.class == class)
            && out.last() != Some(&g.id)
        {
            out.push(g.id.clone());
        }
    }
    out
}

/// The ids of the groups of `class` in `slides`.
pub fn group_ids(slides: &[Scene], class: &str) -> std::collections::BTreeSet<String> {
    slides
        .iter()
        .flat_map(|scene| scene.flatten())
        .filter_map(|(g, _)| g.filter(|g| g.class == class).map(|g| g.id.clone()))
        .collect()
}

#[test]
fn a_crowded_role_beside_narrow_ones_still_places_every_card() {
    // Two one-card sectors between crowded ones: their labels used to block each other's
    // spoke at any canvas size, and the map came out blank. Now every card is placed, on as
    // many slides of the same size as they need (up to `MAX_CARDS` cards: past it, the most
    // involved and the complete list beside them, see large.rs).
    let n = 50;
    let t = crowded(n);
    let slides = layout::cartographie::objective(&t, &t.objectives()[0], &opts(&t));
    assert!(slides.len() > 1);
    for (i, scene) in slides.iter().enumerate() {
        assert_eq!((scene.width, scene.height), (1920.0, 1080.0));
        assert_sound(scene, &format!("crowded objective map, slide {}", i + 1));
    }
    let cards = group_ids(&slides, "actor");
    for a in t.actors() {
        assert!(cards.contains(&format!("prescriber:{}", a.id)), "{}", a.id);
    }
    assert!(cards.contains("funder:big") && cards.contains("support:big"));
    assert_eq!(cards.len(), n + 3);
    let labels = group_ids(&slides, "sector-label");
    for role in ["prescriber", "funder", "support", "target"] {
        assert!(labels.contains(role), "{role} label: {labels:?}");
    }

    let slides = layout::actor::layout(&t, t.actor("big").unwrap(), &opts(&t));
    for (i, scene) in slides.iter().enumerate() {
        assert_eq!((scene.width, scene.height), (1920.0, 1080.0));
        assert_sound(scene, &format!("crowded actor map, slide {}", i + 1));
    }
    let cards = group_ids(&slides, "actor");
    for o in t.objectives() {
        assert!(cards.contains(&format!("prescriber:{}", o.id)), "{}", o.id);
    }
    assert!(cards.contains("funder:o0") && cards.contains("support:o0"));
    assert_eq!(cards.len(), n + 2);
}

/// The file names a `render` run writes, sorted.
fn rendered(args: &[&str]) -> Vec<String> {
    let out = tempfile::tempdir().unwrap();
    crate::actormap()
        .arg("render")
        .args(args)
        .arg("--out")
        .arg(out.path())
        .assert()
        .code(0);
    let mut names: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn render_takes_a_domain_or_an_objective_by_its_name_whatever_the_case_and_accents() {
    assert_eq!(rendered(&["--domain", "adaptation"]), ["dc5.svg"]);
    assert_eq!(rendered(&["--domain", "QUALITE DE L'AIR"]), ["dc6.svg"]);
    assert_eq!(
        rendered(&["--domain", "dc 7", "--domain", "urbanisme durable"]),
        ["dc7.svg", "dc8.svg"]
    );
    assert_eq!(
        rendered(&["--objective", "nouvelles haies plantees"]),
        ["objective-haies.svg"]
    );
    let out = tempfile::tempdir().unwrap();
    crate::actormap()
        .args(["render", "actors/calaisis", "--domain", "Adaptaton", "--out"])
        .arg(out.path())
        .assert()
        .code(2)
        .stderr(
            "erreur\u{a0}: aucun domaine «\u{a0}Adaptaton\u{a0}»\u{a0}; vouliez-vous dire «\u{a0}Adaptation\u{a0}»\u{a0}?\n",
        );
    crate::actormap()
        .args([
            "render",
            "actors/calaisis",
            "--objective",
            "Friches requalifies",
            "--lang",
            "en",
            "--out",
        ])
        .arg(out.path())
        .assert()
        .code(2)
        .stderr(
            "error: no objective \"Friches requalifies\"; did you mean \"Friches requalifiées\"?\n",
        );
    crate::actormap()
        .args(["render", "actors/calaisis", "--actor", "Personne", "--out"])
        .arg(out.path())
        .assert()
        .code(2)
        .stderr(predicates::str::starts_with(
            "erreur\u{a0}: aucun acteur «\u{a0}Personne\u{a0}»\u{a0}; acteurs connus\u{a0}: ",
        ));
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 0);
}
