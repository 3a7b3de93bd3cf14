//! Slides a council room can read: names whole or short, a lead with its objective, roles
//! held through a group, overview cards with leads and progress, a legend of what is shown,
//! the links' notes, gaps drawn from `check`'s findings, a map too full split by objective,
//! and the frame every slide shares. Geometry on the Scene, no SVG parsing.

use std::collections::BTreeSet;

use actormap::check;
use actormap::error::Location;
use actormap::layout::scene::{Group, Item, Scene};
use actormap::layout::{self, Options};
use actormap::maps::{self, MapKind};
use actormap::model::{Actor, Domain, Link, Objective, Role, Scope, Tables, Territory};

use crate::generated::generated;
use crate::render::{
    assert_sound, every_slide, group_ids, load_calaisis, one, opts, plain, slide_of, texts,
};
use crate::{actormap, fixture};

/// The fictive territory saved as French Excel saves it: a domain of two objectives (one
/// led, one not), a group of four communes leading, long names with a sigle or an alias,
/// notes on links, progress.
fn boulonnais() -> Territory {
    actormap::load::load(&fixture("slides")).expect("the slides fixture loads")
}

/// The texts of the groups with this id, in order.
fn texts_of(scene: &Scene, id: &str) -> Vec<String> {
    // Within the group, and the groups in it (an overview card's objectives).
    fn within(items: &[Item], id: &str, inside: bool, out: &mut Vec<String>) {
        for item in items {
            match item {
                Item::Text(t) if inside => out.push(plain(&t.text)),
                Item::Group(g) => within(&g.items, id, inside || g.id == id, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    within(&scene.items, id, false, &mut out);
    out
}

/// The lines of a card joined as a reader reads them: a compound name broken after its
/// hyphen or apostrophe reads whole.
fn read(lines: &[String]) -> String {
    lines
        .join(" ")
        .replace("- ", "-")
        .replace("' ", "'")
        .replace("/ ", "/")
}

#[test]
fn names_are_whole_or_short_never_cut_nor_ended_with_an_ellipsis() {
    let mut generated = generated(40);
    // A name with no place to break and no short name, and one with its sigle.
    generated.edit(|t| {
        t.actors[1].name = "Intercommunalitédesquatrevallées".repeat(2);
        t.actors[2].name = "Syndicatmixtedetraitementdesdéchetsménagers".into();
        t.actors[2].short = Some("SMTD".into());
    });
    for t in [load_calaisis(), boulonnais(), generated] {
        for (what, scene) in every_slide(&t, &opts(&t)) {
            for (g, _) in scene.flatten() {
                let Some(g) = g else { continue };
                let actor_id = match g.class.as_str() {
                    // A card of a cartographie: "funder:ademe", "lead:epci".
                    "actor" if !what.starts_with("Actor") => g.id.split_once(':').map(|x| x.1),
                    "row" => Some(g.id.as_str()),
                    _ => None,
                };
                let Some(a) = actor_id.and_then(|id| t.actor(id)) else {
                    continue;
                };
                let lines: Vec<String> = g
                    .items
                    .iter()
                    .filter_map(|i| match i {
                        Item::Text(x) => Some(plain(&x.text)),
                        _ => None,
                    })
                    .filter(|l| l != "Chef de file" && !l.starts_with('('))
                    .collect();
                assert!(lines.iter().all(|l| !l.ends_with('…')), "{what}: {lines:?}");
                let shown = read(&lines);
                let short = a.short_name().unwrap_or("");
                if a.name.chars().count() < 60 || !short.is_empty() {
                    assert!(
                        shown == a.name || shown == short,
                        "{what}: {} shown as {shown:?}",
                        a.name
                    );
                }
            }
        }
    }
}

#[test]
fn a_long_candidate_list_names_whole_candidates_then_how_many_more() {
    // 14 candidates do not fit a gap card: the first ones by name, then "+ 4 autres".
    let t = generated(150);
    let slides = layout::cartographie::domain(&t, &t.domains()[0], &opts(&t));
    let gap: Vec<String> = slides
        .iter()
        .flat_map(|s| texts_of(s, "lead-gap:o1"))
        .collect();
    assert!(gap.iter().all(|l| !l.ends_with('…')), "{gap:?}");
    let all = gap[1..].join(" ");
    let candidates: Vec<&str> = t
        .links()
        .iter()
        .filter(|l| l.role == Role::LeadCandidate)
        .map(|l| t.actor(&l.actor).unwrap().name.as_str())
        .collect();
    let shown = candidates
        .iter()
        .take_while(|name| all.contains(&format!("{name} ?")))
        .count();
    assert!(shown >= 5 && shown < candidates.len(), "{shown}: {all}");
    assert!(
        all.ends_with(&format!("+ {} autres", candidates.len() - shown)),
        "{all}"
    );
}

#[test]
fn the_short_name_shows_where_the_full_name_does_not_fit() {
    let t = boulonnais();
    // The `sigle` column is read.
    assert_eq!(t.actor("cab").unwrap().short.as_deref(), Some("CAB"));
    let dc3 = one(layout::cartographie::domain(
        &t,
        t.domain("DC3").unwrap(),
        &opts(&t),
    ));
    // A one-word name wider than its card: its sigle, never the word cut in two.
    assert_eq!(texts_of(&dc3, "support:symvad")[0], "SYMVAD");
    // The candidate list uses the short names that fit where the full ones do not.
    let gap = texts_of(&dc3, "lead-gap:regal").join(" ");
    assert!(gap.contains("CAB ? SYMVAD ?"), "{gap}");
    // The matrix too: a sigle, else the first alias.
    let matrix = slide_of(&t, &MapKind::Matrix, &opts(&t));
    assert_eq!(texts_of(&matrix, "symvad")[0], "SYMVAD");
    assert_eq!(texts_of(&matrix, "ccds")[0], "CC Desvres-Samer");
    assert_eq!(texts_of(&matrix, "ademe")[0], "ADEME");
}

#[test]
fn a_40000_character_name_is_drawn_within_its_boxes() {
    // Linear wrapping makes this quick (benches/maps.rs measures it); here, the result.
    let mut t = generated(5);
    t.edit(|t| {
        t.actors[0].name = "Z".repeat(40_000);
        t.actors[1].name = format!("{} {}", "Y".repeat(20_000), "W".repeat(20_000));
    });
    for (what, scene) in every_slide(&t, &opts(&t)) {
        assert_sound(&scene, &what);
        let longest = scene
            .flatten()
            .iter()
            .filter_map(|(_, i)| match i {
                Item::Text(x) => Some(x.text.chars().count()),
                _ => None,
            })
            .max()
            .unwrap_or(0);
        assert!(longest < 200, "{what}: a line of {longest} characters");
    }
}

#[test]
fn a_domain_of_several_objectives_says_which_lead_leads_what() {
    let t = boulonnais();
    let dc3 = one(layout::cartographie::domain(
        &t,
        t.domain("DC3").unwrap(),
        &opts(&t),
    ));
    assert_sound(&dc3, "DC3");
    let lead = texts_of(&dc3, "lead:cab");
    assert_eq!(
        lead.last().map(String::as_str),
        Some("(compost)"),
        "{lead:?}"
    );
    assert_eq!(
        texts_of(&dc3, "lead-gap:regal")[0],
        "Chef de file ? (regal)"
    );
    assert_eq!(
        texts_of(&dc3, "funder:ademe"),
        ["ADEME", "(compost, regal)"]
    );
    assert_eq!(
        texts_of(&dc3, "target:habitants"),
        ["Habitants", "(compost)"]
    );
    assert_eq!(
        texts_of(&dc3, "role-gap:target:regal"),
        ["Cibles ?", "à identifier (regal)"]
    );
    // The header names each objective by the id the cards use.
    let header: Vec<String> = ["compost", "regal"]
        .iter()
        .map(|id| texts_of(&dc3, id).join(" "))
        .collect();
    assert!(
        header[0].starts_with("compost Objectif : Composteurs"),
        "{header:?}"
    );
    assert!(
        header[1].starts_with("PRIORITAIRE regal Objectif : Mise en œuvre"),
        "{header:?}"
    );
    // A domain of one objective keeps its cards plain.
    let dc1 = one(layout::cartographie::domain(
        &t,
        t.domain("DC1").unwrap(),
        &opts(&t),
    ));
    assert_eq!(texts_of(&dc1, "funder:ademe"), ["ADEME"]);

    // `build` also draws each objective of DC3 alone, and only those.
    let kinds = maps::build_list(&t);
    assert!(kinds.contains(&MapKind::Objective("compost".into())));
    assert!(kinds.contains(&MapKind::Objective("regal".into())));
    assert!(!kinds.contains(&MapKind::Objective("renovation".into())));
    let out = tempfile::tempdir().unwrap();
    actormap()
        .arg("build")
        .arg(fixture("slides"))
        .args(["--format", "svg", "--out"])
        .arg(out.path())
        .assert()
        .code(1);
    for name in ["dc3.svg", "objective-compost.svg", "objective-regal.svg"] {
        assert!(out.path().join(name).is_file(), "{name}");
    }
    assert!(!out.path().join("objective-renovation.svg").exists());
}

#[test]
fn an_actor_map_shows_the_roles_held_through_a_group() {
    let t = boulonnais();
    let scene = slide_of(&t, &MapKind::Actor("boulogne".into()), &opts(&t));
    assert_sound(&scene, "Boulogne-sur-Mer");
    let all = texts(&scene).join("\n");
    assert!(!all.contains("Aucun rôle renseigné"), "{all}");
    let card = texts_of(&scene, "lead:renovation");
    assert_eq!(
        card.last().map(String::as_str),
        Some("via Les 4 communes pôles"),
        "{card:?}"
    );

    // On the bundled data: GCT&M leads renovation and is a candidate for REGAL and the COT
    // ENR through Les 3 EPCI, and funds renovation itself.
    let t = load_calaisis();
    let scene = slide_of(&t, &MapKind::Actor("gctm".into()), &opts(&t));
    assert_sound(&scene, "GCT&M");
    let cards = group_ids(std::slice::from_ref(&scene), "actor");
    for id in [
        "lead:renovation",
        "lead-candidate:regal",
        "lead-candidate:cot-enr",
        "funder:renovation",
        "support:cot-enr",
    ] {
        assert!(cards.contains(id), "{id}: {cards:?}");
    }
    assert!(texts_of(&scene, "lead:renovation").contains(&"via Les 3 EPCI".to_owned()));
    assert!(
        !texts_of(&scene, "funder:renovation")
            .iter()
            .any(|s| s.starts_with("via"))
    );
    // The same count `check` makes: a member leads what its group leads.
    let facts = check::Facts::new(&t);
    assert_eq!(facts.groups_containing("gctm")[0].id, "epci");
}

#[test]
fn overview_cards_show_each_objective_with_its_lead_progress_and_gaps() {
    let t = boulonnais();
    let scene = slide_of(&t, &MapKind::Overview, &opts(&t));
    assert_sound(&scene, "overview");
    let dc1 = texts_of(&scene, "DC1");
    for expected in [
        "DC1",
        "PRIORITAIRE",
        "Bâtiment",
        "Chef de file : Les 4 communes pôles",
        "40 %",
        "5 acteurs · Liens : DC3",
    ] {
        assert!(dc1.iter().any(|s| s == expected), "{expected} in {dc1:?}");
    }
    assert!(
        !dc1.iter().any(|s| s.contains('?')),
        "no gap on DC1: {dc1:?}"
    );
    let dc3 = texts_of(&scene, "DC3");
    for expected in [
        "Chef de file ?",
        "Cibles ?",
        "Chef de file : Communauté d'agglomération du Boulonnais",
        "108,3 %",
        "Chef de file ? Communauté d'agglomération du Boulonnais, SYMVAD",
        "avancement inconnu",
    ] {
        assert!(dc3.iter().any(|s| s == expected), "{expected} in {dc3:?}");
    }
    // The progress bar's fill is its share of the track (at most all of it); the bar is in
    // its objective's group, within the card.
    fn child(items: &[Item], is: impl Fn(&Group) -> bool) -> Option<&Group> {
        items.iter().find_map(|item| match item {
            Item::Group(g) if is(g) => Some(g),
            _ => None,
        })
    }
    let card = child(&scene.items, |g| g.id == "DC1").expect("DC1's card");
    let objective =
        child(&card.items, |g| g.class == "objective").expect("DC1's objective in its card");
    assert_eq!(
        objective.id,
        t.objectives_of("DC1").next().unwrap().id,
        "the objective's group has its id"
    );
    let bars: Vec<(f64, f64)> = objective
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Rect(r) if r.class == "progress" => Some((r.x, r.w)),
            _ => None,
        })
        .collect();
    assert_eq!(bars.len(), 2, "track and fill: {bars:?}");
    assert!((bars[1].1 / bars[0].1 - 0.4).abs() < 1e-3, "{bars:?}");
}

/// The labels of the legend of a map's side panel.
fn legend(scene: &Scene) -> Vec<String> {
    let flat = scene.flatten();
    let mut out = Vec::new();
    for (i, (g, item)) in flat.iter().enumerate() {
        if g.is_some_and(|g| g.class == "panel")
            && matches!(item, Item::Rect(r) if r.class == "swatch")
            && let Some((_, Item::Text(t))) = flat.get(i + 1)
        {
            out.push(plain(&t.text));
        }
    }
    out
}

#[test]
fn the_legend_lists_the_roles_and_the_gap_marks_the_map_shows() {
    let t = load_calaisis();
    let map = |id: &str| {
        one(layout::cartographie::domain(
            &t,
            t.domain(id).unwrap(),
            &opts(&t),
        ))
    };
    // DC1 has its lead and no gap, and no prescriber.
    assert_eq!(
        legend(&map("DC1")),
        [
            "Financeurs",
            "Accompagnateurs,",
            "Cibles",
            "Relais",
            "Chef de file"
        ]
    );
    assert_eq!(
        legend(&map("DC3")),
        [
            "Financeurs",
            "Accompagnateurs,",
            "Cibles",
            "À désigner / à identifier"
        ]
    );
    assert_eq!(legend(&map("DC5")), ["Chef de file à désigner"]);
    // An actor's map lists its own roles.
    let scene = slide_of(&t, &MapKind::Actor("sevadec".into()), &opts(&t));
    assert_eq!(
        legend(&scene),
        ["Chef de file pressenti", "Accompagnateurs,"]
    );
}

#[test]
fn link_notes_are_numbered_on_the_cards_and_written_under_the_map() {
    let t = load_calaisis();
    let dc1 = one(layout::cartographie::domain(
        &t,
        t.domain("DC1").unwrap(),
        &opts(&t),
    ));
    let band = dc1
        .flatten()
        .into_iter()
        .filter_map(|(g, i)| match i {
            Item::Text(x) if g.is_some_and(|g| g.class == "notes") => Some(x.text.clone()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ");
    // Each card with notes carries their numbers; the band under the map gives each note
    // after its number.
    for (card, note) in [
        ("funder:ademe", "COT TRI"),
        ("funder:region", "AAP"),
        ("funder:ccra", "OPAH (état des lieux)"),
        ("funder:ccpo", "OPAH (état des lieux)"),
        (
            "relay:notaires",
            "Stratégie de communication destinée aux relais",
        ),
    ] {
        let text = dc1
            .flatten()
            .into_iter()
            .filter_map(|(g, i)| match i {
                Item::Text(x) if g.is_some_and(|g| g.id == card) => Some(x.text.clone()),
                _ => None,
            })
            .collect::<String>();
        let mark: String = text.chars().filter(|c| "⁰¹²³⁴⁵⁶⁷⁸⁹".contains(*c)).collect();
        assert!(!mark.is_empty(), "{card}: {text}");
        assert!(
            band.contains(&format!("{mark}\u{a0}{note}")),
            "{card}: {mark} {note} in {band}"
        );
    }
    // One note, one number: the two OPAH cards share theirs.
    assert_eq!(band.matches("OPAH").count(), 1, "{band}");
    let t = boulonnais();
    let dc1 = one(layout::cartographie::domain(
        &t,
        t.domain("DC1").unwrap(),
        &opts(&t),
    ));
    let all = texts(&dc1).join(" ");
    for note in ["Décision COPIL du 12/10/2023", "Fonds chaleur"] {
        assert!(all.contains(note), "{note} in {all}");
    }
    assert_sound(&dc1, "DC1 with notes");
    // `list` shows them too.
    actormap()
        .arg("list")
        .arg(fixture("slides"))
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "    Financeurs\u{a0}: ADEME [Fonds chaleur], Région Hauts-de-France\n",
        ))
        .stdout(predicates::str::contains(
            "Chef(s) de file\u{a0}: Les 4 communes pôles [Décision COPIL du 12/10/2023]",
        ));
}

/// The gaps a set of slides draws: lead gaps by objective, role gaps as (role, objective).
fn drawn_gaps(slides: &[Scene]) -> (BTreeSet<String>, BTreeSet<(String, String)>) {
    let mut lead = BTreeSet::new();
    let mut roles = BTreeSet::new();
    for id in group_ids(slides, "lead-gap") {
        lead.insert(id.trim_start_matches("lead-gap:").to_owned());
    }
    for id in group_ids(slides, "role-gap") {
        let mut parts = id.splitn(3, ':').skip(1);
        let (role, objectives) = (parts.next().unwrap(), parts.next().unwrap());
        for o in objectives.split(',') {
            roles.insert((role.to_owned(), o.to_owned()));
        }
    }
    (lead, roles)
}

#[test]
fn the_maps_draw_the_gaps_check_finds_and_no_other() {
    for t in [load_calaisis(), boulonnais(), generated(7)] {
        let findings = check::run(&t).unwrap();
        let mut lead = BTreeSet::new();
        let mut roles = BTreeSet::new();
        for f in &findings {
            for o in &f.objectives {
                match f.rule {
                    "missing-lead" => {
                        lead.insert(o.clone());
                    }
                    "missing-role" | "priority-unfunded" => {
                        for r in &f.roles {
                            roles.insert((r.id().to_owned(), o.clone()));
                        }
                    }
                    _ => {}
                }
            }
        }
        let slides: Vec<Scene> = t
            .domains()
            .iter()
            .flat_map(|d| layout::cartographie::domain(&t, d, &opts(&t)))
            .collect();
        assert_eq!(drawn_gaps(&slides), (lead, roles), "{}", t.name);
    }
    // With no findings given, no gap is drawn, whatever the territory lacks: the maps never
    // decide on their own.
    let t = load_calaisis();
    let slides = layout::cartographie::domain(&t, t.domain("DC3").unwrap(), &Options::default());
    assert_eq!(drawn_gaps(&slides), Default::default());
    let texts = texts(&slides[0]).join(" ");
    assert!(!texts.contains("Chef de file ?"), "{texts}");
}

/// One domain of three objectives, each with `per` actors of its own.
fn three_crowded_objectives(per: usize) -> Territory {
    let origin = Location::default();
    let mut t = Tables {
        domains: vec![Domain {
            id: "D1".into(),
            name: "Un domaine chargé".into(),
            headline: None,
            related: Vec::new(),
            context: Vec::new(),
            origin: origin.clone(),
        }],
        ..Tables::default()
    };
    let roles = [
        Role::Prescriber,
        Role::Funder,
        Role::Support,
        Role::Target,
        Role::Relay,
    ];
    for o in 0..3 {
        t.objectives.push(Objective {
            id: format!("o{o}"),
            domain: "D1".into(),
            title: format!("Objectif {o}"),
            target: Some(10.0),
            unit: None,
            current: None,
            priority: false,
            contractual: true,
            reach: None,
            origin: origin.clone(),
        });
        for i in 0..per {
            let id = format!("a{o}-{i}");
            t.actors.push(Actor {
                id: id.clone(),
                name: format!("Acteur {o}-{i}"),
                kind: None,
                short: None,
                aliases: Vec::new(),
                members: Vec::new(),
                origin: origin.clone(),
            });
            t.links.push(Link {
                actor: id.into(),
                scope: Scope::Objective(compact_str::format_compact!("o{o}")),
                role: if i == 0 { Role::Lead } else { roles[i % 5] },
                means: None,
                note: None,
                origin: origin.clone(),
            });
        }
    }
    let mut t = Territory::new(t);
    t.name = "Territoire dense".into();
    t
}

#[test]
fn a_domain_too_full_for_a_slide_is_split_by_objective_first() {
    // 54 cards: under `cartographie::MAX_CARDS`, so every one is drawn.
    let t = three_crowded_objectives(18);
    let slides = layout::cartographie::domain(&t, &t.domains()[0], &opts(&t));
    assert!(slides.len() >= 2, "{}", slides.len());
    let mut seen = BTreeSet::new();
    for (i, scene) in slides.iter().enumerate() {
        assert_eq!((scene.width, scene.height), (1920.0, 1080.0));
        assert_sound(scene, &format!("slide {}", i + 1));
        assert!(
            scene
                .title
                .ends_with(&format!("({}/{})", i + 1, slides.len()))
        );
        // Each slide shows whole objectives: every card of an objective in its header.
        let header: BTreeSet<String> = group_ids(std::slice::from_ref(scene), "objective");
        for id in group_ids(std::slice::from_ref(scene), "actor") {
            let actor = id.split_once(':').unwrap().1;
            let objective = format!("o{}", &actor[1..2]);
            assert!(header.contains(&objective), "{id} on a slide of {header:?}");
            assert!(seen.insert(id.clone()), "{id} twice");
        }
    }
    assert_eq!(seen.len(), 3 * 18);
}

#[test]
fn every_slide_has_its_title_rule_and_footer_from_one_frame() {
    let t = boulonnais();
    for (what, scene) in every_slide(&t, &opts(&t)) {
        let flat = scene.flatten();
        let count = |class: &str| {
            fn groups(items: &[Item], class: &str) -> usize {
                items
                    .iter()
                    .map(|i| match i {
                        Item::Group(g) => usize::from(g.class == class) + groups(&g.items, class),
                        _ => 0,
                    })
                    .sum()
            }
            groups(&scene.items, class)
                + flat
                    .iter()
                    .filter(|(_, i)| matches!(i, Item::Line(l) if l.class == class))
                    .count()
        };
        assert_eq!(count("title"), 1, "{what}");
        assert!(count("rule") >= 1, "{what}");
        assert_eq!(count("footer"), 1, "{what}");
        let footer = flat
            .iter()
            .find_map(|(g, i)| match i {
                Item::Text(x) if g.is_some_and(|g| g.class == "footer") => Some(x),
                _ => None,
            })
            .unwrap();
        assert_eq!(
            footer.text, "Pays du Boulonnais (fictif) · COT TRI 2022–2024",
            "{what}"
        );
        assert_eq!(footer.size, layout::frame::FOOTER_TEXT, "{what}");
    }
}

#[test]
fn an_overview_of_many_objectives_continues_its_cards_on_further_slides() {
    // Ten domains of 30 objectives: a domain's card continues on another ("DC1 (suite)"),
    // every objective once, every slide of the same size.
    let t = crate::generated::many_objectives(300);
    let slides = maps::scenes(&t, &MapKind::Overview, &opts(&t));
    assert!(slides.len() > 1);
    let mut seen = Vec::new();
    for (i, scene) in slides.iter().enumerate() {
        assert_eq!((scene.width, scene.height), (1920.0, 1080.0));
        assert_sound(scene, &format!("overview slide {}", i + 1));
        for text in texts(scene) {
            if let Some(title) = text.split(" — ").nth(1) {
                seen.push(title.to_owned());
            }
        }
    }
    assert!(
        slides
            .iter()
            .any(|s| texts(s).iter().any(|x| x == "DC1 (suite)")),
        "a continued card"
    );
    assert_eq!(seen.len(), 300, "every objective once");
}
