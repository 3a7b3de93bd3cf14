//! The pictures laid out by layout-rs: the governance chart (the deck's "GOUVERNANCE
//! LOCALE") and the links between domains. Checked on the Scene like every map, for what
//! they say (each body, its chair; each link), for their arrows joining the right boxes,
//! for the same bytes twice, and for what `render` says when there is nothing to draw.

use std::collections::BTreeMap;

use actormap::layout::scene::{Curve, Item, Rect, Scene};
use actormap::maps::{self, MapKind};

use crate::generated::governed;
use crate::render::{assert_sound, load_calaisis, one, opts, plain, smallest_text};

/// The boxes of a graph picture (groups of `class`): id -> (their texts joined, frame).
fn boxes(scene: &Scene, class: &str) -> BTreeMap<String, (String, Rect)> {
    let mut out = BTreeMap::new();
    for item in &scene.items {
        let Item::Group(g) = item else { continue };
        if g.class != class {
            continue;
        }
        let Some(Item::Rect(frame)) = g.items.first() else {
            panic!("{}: a box without its frame", g.id)
        };
        let texts: Vec<String> = g
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Text(t) => Some(plain(&t.text)),
                _ => None,
            })
            .collect();
        out.insert(g.id.clone(), (texts.join(" "), frame.clone()));
    }
    out
}

/// The edges of a graph picture: "from>to" -> its curve.
fn edges(scene: &Scene) -> BTreeMap<String, Curve> {
    let mut out = BTreeMap::new();
    for item in &scene.items {
        let Item::Group(g) = item else { continue };
        if g.class != "edge" {
            continue;
        }
        let Some(Item::Curve(c)) = g.items.first() else {
            panic!("{}: an edge without its curve", g.id)
        };
        out.insert(g.id.clone(), c.clone());
    }
    out
}

/// Whether `p` lies on the border of `r` (within a pixel and a half).
fn on_border(p: (f64, f64), r: &Rect) -> bool {
    let e = 1.5;
    let inside = |r: &Rect| p.0 >= r.x && p.0 <= r.right() && p.1 >= r.y && p.1 <= r.bottom();
    inside(&r.inflate(e)) && !inside(&r.inflate(-e))
}

/// Points along a curve, twenty per segment.
fn samples(c: &Curve) -> Vec<(f64, f64)> {
    let mut out = vec![c.start];
    let mut p0 = c.start;
    for [c1, c2, p3] in &c.segments {
        for i in 1..=20 {
            let t = f64::from(i) / 20.0;
            let u = 1.0 - t;
            let at = |a: f64, b: f64, c: f64, d: f64| {
                u * u * u * a + 3.0 * u * u * t * b + 3.0 * u * t * t * c + t * t * t * d
            };
            out.push((at(p0.0, c1.0, c2.0, p3.0), at(p0.1, c1.1, c2.1, p3.1)));
        }
        p0 = *p3;
    }
    out
}

/// Every edge leaves the border of the box it is named from, ends on the border of the box
/// it is named to, and crosses no other box.
fn assert_joined(edges: &BTreeMap<String, Curve>, boxes: &BTreeMap<String, (String, Rect)>) {
    for (id, curve) in edges {
        let (from, to) = id.split_once('>').expect("from>to");
        let (a, b) = (&boxes[from].1, &boxes[to].1);
        assert!(
            on_border(curve.start, a),
            "{id} starts off {from}: {curve:?} {a:?}"
        );
        assert!(
            on_border(curve.end(), b),
            "{id} ends off {to}: {curve:?} {b:?}"
        );
        for (other, (_, r)) in boxes {
            if other == from || other == to {
                continue;
            }
            let inner = r.inflate(-2.0);
            for p in samples(curve) {
                let inside =
                    p.0 > inner.x && p.0 < inner.right() && p.1 > inner.y && p.1 < inner.bottom();
                assert!(!inside, "{id} crosses the box of {other} at {p:?}");
            }
        }
    }
}

#[test]
fn the_calaisis_governance_chart_shows_each_body_its_chair_and_whom_it_reports_to() {
    let t = load_calaisis();
    let scene = one(maps::try_scenes(&t, &MapKind::Governance, &opts(&t)).unwrap());
    assert_eq!((scene.width, scene.height), (1920.0, 1080.0));
    assert_sound(&scene, "governance");
    assert_eq!(plain(&scene.title), "Pays du Calaisis : gouvernance locale");
    let bodies = boxes(&scene, "body");
    let said = |id: &str| bodies[id].0.clone();
    assert_eq!(
        bodies.keys().map(String::as_str).collect::<Vec<_>>(),
        [
            "copil",
            "cotech",
            "cotech-crte",
            "cotech-leader",
            "cotech-pcaet",
            "demonstrateur-rev3"
        ]
    );
    // Each body by its name with its chair, from the deck's page.
    for (id, name, chair) in [
        ("copil", "COPIL", "SyMPaC"),
        ("cotech", "COTECH", "SyMPaC"),
        ("demonstrateur-rev3", "Démonstrateur REV 3", "GCT&M"),
        ("cotech-pcaet", "COTECH PCAETs", "Les 3 EPCI"),
        ("cotech-crte", "COTECH CRTE", "Les 3 EPCI"),
        ("cotech-leader", "COTECH stratégie locale LEADER", "SyMPaC"),
    ] {
        assert!(said(id).starts_with(name), "{id}: {}", said(id));
        assert!(
            said(id).contains(&format!("animé par {chair}")),
            "{id}: {}",
            said(id)
        );
    }
    // The members, a group by its own name.
    assert!(said("copil").contains("ADEME"), "{}", said("copil"));
    assert!(said("copil").contains("Les 3 EPCI"), "{}", said("copil"));
    assert!(said("cotech").contains("SEVADEC"), "{}", said("cotech"));
    // An arrow from each body to the one it reports to, joining their boxes; none else.
    let arrows = edges(&scene);
    assert_eq!(
        arrows.keys().map(String::as_str).collect::<Vec<_>>(),
        [
            "cotech-crte>cotech",
            "cotech-leader>cotech",
            "cotech-pcaet>cotech",
            "cotech>copil",
            "demonstrateur-rev3>cotech"
        ]
    );
    assert_joined(&arrows, &bodies);
    for (id, c) in &arrows {
        assert!(c.arrow && !c.arrow_start, "{id}: one head, at the parent");
        assert!(c.stroke.dash.is_empty(), "{id}");
    }
    // The body reported to sits above.
    assert!(bodies["copil"].1.bottom() <= bodies["cotech"].1.y);
    assert!(bodies["cotech"].1.bottom() <= bodies["cotech-crte"].1.y);
    insta::assert_snapshot!("governance_svg", actormap::render::svg::write(&scene));
    // In English too.
    let en = actormap::layout::Options {
        lang: actormap::model::Lang::En,
        ..opts(&t)
    };
    let scene = one(maps::try_scenes(&t, &MapKind::Governance, &en).unwrap());
    assert_sound(&scene, "governance en");
    assert!(
        boxes(&scene, "body")["copil"]
            .0
            .contains("chaired by SyMPaC")
    );
}

#[test]
fn the_calaisis_links_graph_draws_each_link_once_one_way_dashed() {
    let t = load_calaisis();
    let scene = one(maps::try_scenes(&t, &MapKind::Links, &opts(&t)).unwrap());
    assert_eq!((scene.width, scene.height), (1920.0, 1080.0));
    assert_sound(&scene, "links");
    assert_eq!(
        plain(&scene.title),
        "Pays du Calaisis : liens entre domaines"
    );
    let domains = boxes(&scene, "domain");
    assert!(
        domains["DC3"]
            .0
            .starts_with("DC3 Production et consommation")
    );
    let links = edges(&scene);
    // domains.csv: DC1 names DC3, DC4, DC6, DC9; DC3 names DC5, DC7, DC9; DC4 names DC1,
    // DC2, DC8, DC9. DC1 and DC4 name each other: one edge, both heads, solid.
    let mut named: Vec<&str> = links.keys().map(String::as_str).collect();
    named.sort();
    assert_eq!(
        named,
        [
            "DC1>DC3", "DC1>DC4", "DC1>DC6", "DC1>DC9", "DC3>DC5", "DC3>DC7", "DC3>DC9", "DC4>DC2",
            "DC4>DC8", "DC4>DC9"
        ]
    );
    for (id, c) in &links {
        let both = id == "DC1>DC4";
        assert_eq!(c.arrow_start, both, "{id}");
        assert!(c.arrow, "{id}");
        assert_eq!(c.stroke.dash.is_empty(), both, "{id}: one-way links dashed");
    }
    assert_joined(&links, &domains);
    insta::assert_snapshot!("links_svg", actormap::render::svg::write(&scene));
}

#[test]
fn the_graphs_are_the_same_bytes_twice() {
    let out = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    for dir in &out {
        crate::actormap()
            .args(["render", "--governance", "--links", "--format", "svg"])
            .args(["--format", "png", "--out"])
            .arg(dir.path())
            .assert()
            .success();
    }
    for name in ["governance.svg", "governance.png", "links.svg", "links.png"] {
        let [a, b] = [0, 1].map(|i| std::fs::read(out[i].path().join(name)).unwrap());
        assert!(!a.is_empty(), "{name}");
        assert_eq!(a, b, "{name} changed from one run to the next");
    }
}

#[test]
fn without_bodies_or_links_render_says_there_is_nothing_to_draw() {
    let out = tempfile::tempdir().unwrap();
    let status = crate::fixture("status");
    let t = actormap::load::load(&status).unwrap();
    assert!(t.bodies().is_empty());
    // No slide, and `build` does not ask for one.
    assert!(maps::scenes(&t, &MapKind::Governance, &opts(&t)).is_empty());
    assert!(maps::scenes(&t, &MapKind::Links, &opts(&t)).is_empty());
    assert!(!maps::build_list(&t).contains(&MapKind::Governance));
    assert!(!maps::build_list(&t).contains(&MapKind::Links));
    let said = |flag: &str| {
        let assert = crate::actormap()
            .arg("render")
            .arg(&status)
            .args([flag, "--out"])
            .arg(out.path())
            .assert()
            .code(2);
        String::from_utf8(assert.get_output().stderr.clone()).unwrap()
    };
    assert_eq!(
        plain(&said("--governance")),
        "erreur : aucune instance de gouvernance (instances.csv) ; rien à dessiner pour --governance\n"
    );
    assert_eq!(
        plain(&said("--links")),
        "erreur : aucun domaine ne nomme de lien vers un autre (colonne liens de domains.csv) ; rien à dessiner pour --links\n"
    );
    assert_eq!(
        std::fs::read_dir(out.path()).unwrap().count(),
        0,
        "nothing written"
    );
    // The Calaisis has both: `build` draws them.
    let calaisis = load_calaisis();
    let list = maps::build_list(&calaisis);
    assert!(list.contains(&MapKind::Governance) && list.contains(&MapKind::Links));
}

#[test]
fn a_crowded_governance_fits_its_slide_with_legible_text() {
    // From one body to five working groups under one committee, each with many members:
    // every box on the slide, none over another, no text under 20 px, long lists cut with
    // "+ N autres".
    for (bodies, members) in [(1, 1), (3, 5), (3, 40), (4, 3), (5, 12), (5, 40), (6, 30)] {
        let t = governed(bodies, members);
        let what = format!("{bodies} bodies, {members} members");
        let scene = one(maps::try_scenes(&t, &MapKind::Governance, &opts(&t)).unwrap());
        assert_eq!((scene.width, scene.height), (1920.0, 1080.0), "{what}");
        assert_sound(&scene, &what);
        assert!(
            smallest_text(&scene, &["footer"]) >= 20.0,
            "{what}: {} px",
            smallest_text(&scene, &["footer"])
        );
        let drawn = boxes(&scene, "body");
        assert_eq!(drawn.len(), bodies, "{what}");
        assert_joined(&edges(&scene), &drawn);
        if members >= 30 {
            assert!(
                drawn["b0"].0.contains("autres"),
                "{what}: {}",
                drawn["b0"].0
            );
        }
    }
}

#[test]
fn a_layer_wider_than_a_slide_continues_on_the_next_slides_at_full_size() {
    // A committee and eleven working groups under it: more side by side than a slide holds
    // at 20 px. Each slide holds a share of the groups under the committee, every body is
    // drawn, and no text shrinks.
    let t = governed(12, 8);
    let scenes = maps::try_scenes(&t, &MapKind::Governance, &opts(&t)).unwrap();
    assert_eq!(scenes.len(), 3);
    let mut seen = std::collections::BTreeSet::new();
    for (n, scene) in scenes.iter().enumerate() {
        let what = format!("slide {}", n + 1);
        assert_eq!((scene.width, scene.height), (1920.0, 1080.0), "{what}");
        assert_sound(scene, &what);
        assert!(smallest_text(scene, &["footer"]) >= 20.0, "{what}");
        assert!(
            scene.title.ends_with(&format!("({}/3)", n + 1)),
            "{}",
            scene.title
        );
        let drawn = boxes(scene, "body");
        // The committee heads every slide; the arrows join the boxes of this slide.
        assert!(drawn.contains_key("b0"), "{what}: {:?}", drawn.keys());
        assert_joined(&edges(scene), &drawn);
        assert_eq!(edges(scene).len(), drawn.len() - 1, "{what}");
        seen.extend(drawn.into_keys());
    }
    assert_eq!(seen.len(), 12, "{seen:?}");
    // Five at most, the narrowest boxes side by side: one slide.
    let t = governed(6, 8);
    assert_eq!(
        maps::try_scenes(&t, &MapKind::Governance, &opts(&t))
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn the_dossier_and_the_report_show_the_governance_when_there_are_bodies() {
    let t = load_calaisis();
    let deck = actormap::dossier::make(&t, None, None, actormap::model::Lang::Fr).unwrap();
    let titles: Vec<String> = deck.pages.iter().map(|p| plain(&p.title)).collect();
    let at = titles
        .iter()
        .position(|title| title == "Pays du Calaisis : gouvernance locale")
        .unwrap_or_else(|| panic!("no governance page: {titles:?}"));
    let actormap::render::deck::Drawing::Scene(scene) = &deck.pages[at].drawing else {
        panic!("the governance page is a Scene")
    };
    assert_eq!(boxes(scene, "body").len(), 6);
    // The report page: the links graph with the domains, the chart with the actors.
    let findings = actormap::check::run(&t).unwrap();
    let html = String::from_utf8(actormap::report::bytes(&t, &findings, &opts(&t), None)).unwrap();
    assert_eq!(html.matches("data-map=\"links\"").count(), 1);
    assert_eq!(html.matches("data-map=\"governance\"").count(), 1);
    let section = |id: &str| html.find(&format!("id=\"{id}\"")).unwrap();
    let at = |map: &str| html.find(&format!("data-map=\"{map}\"")).unwrap();
    assert!(section("domaines") < at("links") && at("links") < section("matrice"));
    assert!(section("acteurs") < at("governance"));
    // Without bodies: no page, no figure.
    let status = actormap::load::load(&crate::fixture("status")).unwrap();
    let deck = actormap::dossier::make(&status, None, None, actormap::model::Lang::Fr).unwrap();
    assert!(!deck.pages.iter().any(|p| p.title.contains("gouvernance")));
    let findings = actormap::check::run(&status).unwrap();
    let html = String::from_utf8(actormap::report::bytes(
        &status,
        &findings,
        &opts(&status),
        None,
    ))
    .unwrap();
    assert!(!html.contains("data-map=\"governance\""));
    assert!(!html.contains("data-map=\"links\""));
}
