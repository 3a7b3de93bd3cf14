//! The pictures of the deck's other pages: the coverage grid (member territories x objectives
//! whose scope is tracked), each checked on the Scene like every other map (inside the
//! canvas, text in its box, no overlap, legible sizes) and for what it says.

use actormap::layout::scene::{Item, Rect, Scene};
use actormap::maps::{self, MapKind};

use crate::generated::covered;
use crate::render::{assert_sound, load_calaisis, one, opts, plain};

/// The cells of a coverage grid: (group class, group id, its texts joined, its frame).
fn cells(scene: &Scene) -> Vec<(String, String, String, Rect)> {
    fn walk(items: &[Item], out: &mut Vec<(String, String, String, Rect)>) {
        for i in items {
            let Item::Group(g) = i else { continue };
            if ["covered", "missing", "out-of-scope"].contains(&g.class.as_str()) {
                let frame = match g.items.first() {
                    Some(Item::Rect(r)) => r.clone(),
                    _ => panic!("{}: a cell without its frame", g.id),
                };
                let text: Vec<String> = g
                    .items
                    .iter()
                    .filter_map(|i| match i {
                        Item::Text(t) => Some(plain(&t.text)),
                        _ => None,
                    })
                    .collect();
                out.push((g.class.clone(), g.id.clone(), text.join(" "), frame));
            } else {
                walk(&g.items, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(&scene.items, &mut out);
    out
}

#[test]
fn the_calaisis_coverage_grid_shows_the_cot_enr_on_the_ccpo_only() {
    let t = load_calaisis();
    let scene = one(maps::scenes(&t, &MapKind::Coverage, &opts(&t)));
    assert_eq!((scene.width, scene.height), (1920.0, 1080.0));
    assert_sound(&scene, "coverage");
    assert_eq!(
        plain(&scene.title),
        "Pays du Calaisis : couverture du périmètre"
    );
    let drawn = cells(&scene);
    let got: Vec<(&str, &str, &str)> = drawn
        .iter()
        .map(|(class, id, text, _)| (class.as_str(), id.as_str(), text.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("missing", "cot-enr:gctm", "non couvert"),
            ("missing", "cot-enr:ccra", "non couvert"),
            ("covered", "cot-enr:ccpo", "COT ENR du PNRCMO (PNRCMO)"),
        ]
    );
    // The gaps in the palette's red, dashed like every gap of the maps.
    for (class, id, _, frame) in &drawn {
        let stroke = frame.stroke.as_ref().expect("a framed cell");
        if class == "missing" {
            assert_eq!(frame.fill, Some(actormap::layout::RED_FILL), "{id}");
            assert_eq!(stroke.color, actormap::layout::RED, "{id}");
            assert!(!stroke.dash.is_empty(), "{id}");
        } else {
            assert!(stroke.dash.is_empty(), "{id}");
        }
    }
    // The golden files of the picture, regenerated on purpose only.
    insta::assert_snapshot!("coverage_svg", actormap::render::svg::write(&scene));
    insta::assert_snapshot!("coverage_scene", scene.to_json());
    // In English too.
    let en = actormap::layout::Options {
        lang: actormap::model::Lang::En,
        ..opts(&t)
    };
    let scene = one(maps::scenes(&t, &MapKind::Coverage, &en));
    assert_sound(&scene, "coverage en");
    assert_eq!(cells(&scene)[0].2, "not covered");
}

#[test]
fn a_coverage_grid_too_large_for_a_slide_goes_on_several_and_keeps_every_cell() {
    let t = covered(30, 9);
    let slides = maps::scenes(&t, &MapKind::Coverage, &opts(&t));
    assert!(slides.len() > 2, "{} slides", slides.len());
    let mut seen = std::collections::BTreeSet::new();
    for (i, scene) in slides.iter().enumerate() {
        let what = format!("slide {}", i + 1);
        assert_eq!((scene.width, scene.height), (1920.0, 1080.0), "{what}");
        assert_sound(scene, &what);
        assert!(
            scene
                .title
                .ends_with(&format!("({}/{})", i + 1, slides.len())),
            "{}",
            scene.title
        );
        for (class, id, text, frame) in cells(scene) {
            assert!(
                frame.bottom() <= 1080.0 - 76.0 + 0.01,
                "{what}: {id} in the footer"
            );
            assert!(seen.insert(id.clone()), "{id} twice");
            let (o, m) = id.split_once(':').unwrap();
            let objective = t.objective(o).unwrap();
            let coverage = t.coverage(objective).unwrap();
            let expected = match coverage.members.iter().find(|(a, _)| a.id == m) {
                None => "out-of-scope",
                Some((_, actions)) if actions.is_empty() => "missing",
                Some(_) => "covered",
            };
            assert_eq!(class, expected, "{id}: {text}");
            if class == "covered" {
                assert!(text.contains("Action"), "{id}: {text}");
            }
        }
    }
    // Every objective against every member, once.
    assert_eq!(seen.len(), 30 * 9);
}

#[test]
fn a_territory_without_a_scoped_objective_gets_a_grid_that_says_so() {
    let t = crate::generated::generated(5);
    let scene = one(maps::scenes(&t, &MapKind::Coverage, &opts(&t)));
    assert_sound(&scene, "empty coverage");
    assert!(cells(&scene).is_empty());
    assert!(
        crate::render::texts(&scene)
            .iter()
            .any(|s| plain(s) == "Aucun objectif dont le périmètre est suivi"),
        "{:?}",
        crate::render::texts(&scene)
    );
    // `build` draws it only for a territory with a perimeter.
    assert!(!maps::build_list(&t).contains(&MapKind::Coverage));
    assert!(maps::build_list(&load_calaisis()).contains(&MapKind::Coverage));
}

#[test]
fn render_coverage_writes_the_grid() {
    let out = tempfile::tempdir().unwrap();
    let assert = crate::actormap()
        .args(["render", "--coverage", "--out"])
        .arg(out.path())
        .assert()
        .success();
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(stdout.contains("coverage.svg"), "{stdout}");
    let svg = std::fs::read_to_string(out.path().join("coverage.svg")).unwrap();
    assert!(svg.contains("COT ENR du PNRCMO (PNRCMO)"), "{svg}");
}

/// The texts of a section of a domain page, its lines joined as a reader reads them.
fn section(scene: &Scene, id: &str) -> String {
    let lines: Vec<String> = scene
        .flatten()
        .into_iter()
        .filter_map(|(g, i)| match i {
            Item::Text(t) if g.is_some_and(|g| g.class == "section" && g.id == id) => {
                Some(plain(&t.text))
            }
            _ => None,
        })
        .collect();
    lines.join("\n")
}

/// Lines joined back into the sentences they were broken from.
fn joined(s: &str) -> String {
    s.replace('\n', " ")
        .replace("- ", "-")
        .replace("' ", "'")
        .replace("/ ", "/")
}

#[test]
fn the_domain_pages_of_dc1_dc3_and_dc4_hold_the_decks_actions_and_bearers() {
    let t = load_calaisis();
    let o = opts(&t);
    let page = |id: &str| {
        let scene = one(maps::scenes(&t, &MapKind::Page(id.into()), &o));
        assert_eq!((scene.width, scene.height), (1920.0, 1080.0), "{id}");
        assert_sound(&scene, id);
        scene
    };
    for id in ["DC1", "DC3", "DC4"] {
        let scene = page(id);
        let d = t.domain(id).unwrap();
        let actions = joined(&section(&scene, "actions"));
        // Every action of the domain, with every bearer, by its short name.
        for a in actormap::layout::page::actions(&t, d) {
            assert!(actions.contains(&a.title), "{id}: {} in {actions}", a.title);
            for b in &a.bearers {
                let b = t.actor(b).unwrap();
                let name = actormap::layout::sigle(b);
                assert!(actions.contains(name), "{id}: {name} in {actions}");
            }
        }
        // The état des lieux, word for word.
        let context = joined(&section(&scene, "context"));
        for line in &d.context {
            assert!(context.contains(line.as_str()), "{id}: {line} in {context}");
        }
    }
    // The deck's words: the state of the actions under way, the red "Quid du portage ?"
    // of REGAL with its candidates.
    let dc3 = page("DC3");
    let actions = joined(&section(&dc3, "actions"));
    assert!(
        actions.contains("• Assises de l'alimentation (GCT&M) – en cours"),
        "{actions}"
    );
    assert!(actions.contains("(CIAS, CCPO) – en cours"), "{actions}");
    assert!(
        actions.contains("• Développement d'initiatives autour de la filière textile (GCT&M)\n")
            || actions
                .contains("• Développement d'initiatives autour de la filière textile (GCT&M) "),
        "{actions}"
    );
    assert!(actions.contains("REV 3 GCT&M"), "{actions}");
    let who = section(&dc3, "who");
    assert!(who.contains("Quid du portage ?"), "{who}");
    assert!(who.contains("SEVADEC ?"), "{who}");
    let red: Vec<String> = dc3
        .flatten()
        .into_iter()
        .filter_map(|(_, i)| match i {
            Item::Text(t) if t.color == actormap::layout::RED => Some(plain(&t.text)),
            _ => None,
        })
        .collect();
    assert!(red.contains(&"Quid du portage ?".to_owned()), "{red:?}");
    let dc4 = joined(&section(&page("DC4"), "actions"));
    assert!(
        dc4.contains("Projet de cadastre solaire (GCT&M, CCRA)"),
        "{dc4}"
    );
    assert!(
        dc4.contains("Diagnostics autoconsommation bâtiments agricoles (Chambre d'agriculture)"),
        "{dc4}"
    );
    let dc1 = joined(&section(&page("DC1"), "actions"));
    assert!(dc1.contains("(SyMPaC) – en cours"), "{dc1}");
    insta::assert_snapshot!("page_dc3_svg", actormap::render::svg::write(&dc3));
}

#[test]
fn a_page_of_more_actions_than_a_slide_holds_says_how_many_more() {
    let mut t = covered(4, 3);
    t.edit(|tables| {
        for i in 0..60 {
            let mut a = tables.actions[0].clone();
            a.id = format!("extra-{i}");
            a.title = format!("Action supplémentaire numéro {i} du domaine");
            tables.actions.push(a);
        }
    });
    let scene = one(maps::scenes(&t, &MapKind::Page("DC1".into()), &opts(&t)));
    assert_sound(&scene, "crowded page");
    let actions = section(&scene, "actions");
    assert!(actions.contains("autres"), "{actions}");
    // The generated territories of every size get a sound page.
    for t in [
        crate::generated::generated(1),
        crate::generated::crowded(60),
        crate::generated::many_objectives(40),
    ] {
        for d in t.domains() {
            let scene = one(maps::scenes(&t, &MapKind::Page(d.id.clone()), &opts(&t)));
            assert_sound(&scene, &d.id);
        }
    }
}

#[test]
fn render_page_writes_the_page_and_build_draws_the_pages_with_actions() {
    let out = tempfile::tempdir().unwrap();
    crate::actormap()
        .args(["render", "--page", "dc3", "--out"])
        .arg(out.path())
        .assert()
        .success();
    let svg = std::fs::read_to_string(out.path().join("page-dc3.svg")).unwrap();
    assert!(svg.contains("Quid du portage"), "{svg}");
    let t = load_calaisis();
    let kinds = maps::build_list(&t);
    for id in ["DC1", "DC3", "DC4"] {
        assert!(kinds.contains(&MapKind::Page(id.into())), "{id}");
    }
    // A domain with neither actions nor état des lieux has no page.
    for d in t.domains() {
        let expected = !d.context.is_empty()
            || t.actions().iter().any(|a| match &a.scope {
                actormap::model::Scope::Domain(id) => *id == d.id,
                actormap::model::Scope::Objective(o) => t.objective(o).unwrap().domain == d.id,
            });
        assert_eq!(
            kinds.contains(&MapKind::Page(d.id.clone())),
            expected,
            "{}",
            d.id
        );
    }
}

#[test]
fn an_actors_map_lists_the_actions_it_carries() {
    let t = load_calaisis();
    let texts = |id: &str| -> Vec<(String, actormap::layout::scene::Weight)> {
        let scene = one(maps::scenes(&t, &MapKind::Actor(id.into()), &opts(&t)));
        assert_sound(&scene, id);
        scene
            .flatten()
            .into_iter()
            .filter_map(|(g, i)| match i {
                Item::Text(x) if g.is_some_and(|g| g.class == "panel") => {
                    Some((plain(&x.text), x.weight))
                }
                _ => None,
            })
            .collect()
    };
    // CCRA carries three actions: all listed under their heading, the state of the one under
    // way... none is under way; PNRCMO's COT ENR is, in bold.
    let ccra = texts("ccra");
    let at = ccra
        .iter()
        .position(|(s, _)| s == "Actions portées")
        .expect("the heading");
    let listed = joined(
        &ccra[at + 1..]
            .iter()
            .map(|(s, _)| s.clone())
            .collect::<Vec<_>>()
            .join("\n"),
    );
    for a in t.actions_borne_by("ccra") {
        let start: String = a.title.chars().take(30).collect();
        assert!(listed.contains(&start), "{start} in {listed}");
    }
    let pnrcmo = texts("pnrcmo");
    assert!(
        pnrcmo.contains(&(
            "• COT ENR du PNRCMO – en cours".to_owned(),
            actormap::layout::scene::Weight::Bold
        )),
        "{pnrcmo:?}"
    );
    // GCT&M carries more than its panel holds: the rest is counted, the map not split.
    let gctm = texts("gctm");
    assert!(gctm.iter().any(|(s, _)| s == "Actions portées"), "{gctm:?}");
    // An actor that carries nothing has no such section.
    assert!(!texts("ademe").iter().any(|(s, _)| s == "Actions portées"));
}

#[test]
fn an_actors_map_lists_the_actions_its_groups_carry_marked_as_such() {
    let t = actormap::load::load(&crate::fixture("groups/actions.json")).expect("the fixture");
    let panel = |id: &str, lang: actormap::i18n::Lang| -> Vec<String> {
        let mut o = opts(&t);
        o.lang = lang;
        let scene = one(maps::scenes(&t, &MapKind::Actor(id.into()), &o));
        assert_sound(&scene, id);
        let texts: Vec<String> = scene
            .flatten()
            .into_iter()
            .filter_map(|(g, i)| match i {
                Item::Text(x) if g.is_some_and(|g| g.class == "panel") => Some(plain(&x.text)),
                _ => None,
            })
            .collect();
        let heading = ["Actions portées", "Actions carried"];
        let Some(at) = texts.iter().position(|s| heading.contains(&s.as_str())) else {
            return Vec::new();
        };
        // One entry per action, its wrapped lines joined.
        let mut entries: Vec<String> = Vec::new();
        for line in &texts[at + 1..] {
            match entries.last_mut() {
                Some(last) if !line.starts_with('•') => *last = format!("{last} {line}"),
                _ => entries.push(line.clone()),
            }
        }
        entries
    };
    use actormap::i18n::Lang::{En, Fr};
    // Its own first (an action it carries both itself and through its group, once), then
    // its group's, then those of the group its group belongs to.
    assert_eq!(
        panel("gctm", Fr),
        [
            "• Cadastre solaire – en cours",
            "• Plan climat",
            "• Guichet unique (via Les 2 EPCI) – en cours",
            "• Stratégie hydrogène (via Pays)",
        ]
    );
    assert_eq!(
        panel("ccra", En),
        [
            "• Guichet unique (through Les 2 EPCI) – ongoing",
            "• Plan climat (through Les 2 EPCI)",
            "• Stratégie hydrogène (through Pays)",
        ]
    );
    // The group lists what it carries itself, and its own group's; a group's action is not
    // put on the map of an actor outside it.
    assert_eq!(
        panel("epci", Fr),
        [
            "• Guichet unique – en cours",
            "• Plan climat",
            "• Stratégie hydrogène (via Pays)",
        ]
    );
    assert_eq!(panel("ademe", Fr), ["• Diagnostics agricoles"]);
}
