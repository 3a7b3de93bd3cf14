//! Large territories stay usable: a map with more cards than a slide holds legibly shows the
//! most involved ones and a "+ 132 autres" card naming the complete list written beside it;
//! `build` draws a bounded set of pictures.

use actormap::layout::{self, cartographie::MAX_CARDS};
use actormap::maps::{self, MapKind};

use crate::generated::scaled;
use crate::render::{assert_sound, group_ids, one, opts, plain, texts};

/// The texts of a slide, no-break spaces and note marks made plain.
fn plain_texts(scene: &actormap::layout::scene::Scene) -> Vec<String> {
    texts(scene).iter().map(|s| plain(s)).collect()
}

#[test]
fn a_crowded_domain_shows_its_most_involved_actors_and_names_the_complete_list() {
    // 63 objectives: 7 in DC1, each with 51 links, about 330 cards.
    let t = scaled(63);
    let d = t.domain("DC1").unwrap();
    let objectives: Vec<_> = t.objectives_of(&d.id).collect();
    assert_eq!(objectives.len(), 7);
    let o = layout::Options {
        list: Some("dc1-acteurs.csv".into()),
        ..opts(&t)
    };
    let scene = one(layout::cartographie::domain(&t, d, &o));
    assert_sound(&scene, "crowded DC1");
    assert_eq!((scene.width, scene.height), (1920.0, 1080.0));
    let shown = group_ids(std::slice::from_ref(&scene), "actor").len()
        + group_ids(std::slice::from_ref(&scene), "lead-gap").len()
        + group_ids(std::slice::from_ref(&scene), "role-gap").len();
    assert!(shown < MAX_CARDS, "{shown} cards");
    assert!(shown >= 6, "only {shown} cards on a full-HD slide");

    // The complete list: every card once, the shown ones first.
    let list = actormap::layout::cartographie::complete_list(&t, &objectives, &o).unwrap();
    assert!(list.len() > MAX_CARDS);
    let all = plain_texts(&scene);
    let more = format!("+ {} autres", list.len() - shown);
    assert!(all.contains(&more), "no {more:?} in {all:?}");
    assert!(
        all.join(" ").contains("liste complète : dc1-acteurs.csv"),
        "{all:?}"
    );
    // The title band names three objectives, then how many more.
    assert!(all.contains(&"+ 4 autres objectifs".to_owned()), "{all:?}");
    // The most involved come first, and the lead still says which objectives it leads.
    let counts: Vec<usize> = list.iter().map(|r| r.objectives.len()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    assert!(counts[0] > 1, "{counts:?}");
    assert!(all.iter().any(
        |s| s.contains(&format!("({})", list[0].objectives.join(", "))) || s.contains("objectifs)")
    ));

    // A map under the threshold is split over several slides as before.
    let small = scaled(9);
    let one_objective = &small.objectives()[0];
    assert!(
        actormap::layout::cartographie::complete_list(&small, &[one_objective], &opts(&small))
            .is_none()
    );
}

#[test]
fn build_writes_the_complete_list_beside_a_crowded_map_in_the_language_s_dialect() {
    let t = scaled(63);
    let dir = tempfile::tempdir().unwrap();
    crate::generated::write_folder(&t, &dir.path().join("t")).unwrap();
    let out = dir.path().join("out");
    let run = crate::actormap()
        .arg("build")
        .arg(dir.path().join("t"))
        .args(["--format", "svg", "--out"])
        .arg(&out)
        .assert();
    let stdout = String::from_utf8_lossy(&run.get_output().stdout).into_owned();
    assert!(stdout.contains("dc1-acteurs.csv"), "{stdout}");
    let csv = std::fs::read_to_string(out.join("dc1-acteurs.csv")).unwrap();
    assert!(
        csv.starts_with("\u{feff}Acteur;Rôle;Nombre d'objectifs;Objectifs\n"),
        "{}",
        &csv[..200]
    );
    let d = t.domain("DC1").unwrap();
    let objectives: Vec<_> = t.objectives_of(&d.id).collect();
    let rows = actormap::layout::cartographie::complete_list(&t, &objectives, &opts(&t)).unwrap();
    assert_eq!(csv.lines().count(), rows.len() + 1);
    let svg = std::fs::read_to_string(out.join("dc1.svg")).unwrap();
    assert!(svg.contains("dc1-acteurs.csv"));
    // DC1 has 7 objectives: more than build draws one by one.
    let names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names.iter().any(|n| n.starts_with("objective-")),
        "{names:?}"
    );

    // In English: the English dialect and name.
    let out_en = dir.path().join("out-en");
    crate::actormap()
        .arg("build")
        .arg(dir.path().join("t"))
        .args(["--format", "svg", "--lang", "en", "--out"])
        .arg(&out_en)
        .assert()
        .code(1);
    let csv = std::fs::read_to_string(out_en.join("dc1-actors.csv")).unwrap();
    assert!(
        csv.starts_with("Actor,Role,Number of objectives,Objectives\n"),
        "{}",
        &csv[..100]
    );
    assert!(
        std::fs::read_to_string(out_en.join("dc1.svg"))
            .unwrap()
            .contains("complete list: dc1-actors.csv")
    );
}

#[test]
fn build_draws_each_objective_alone_only_in_domains_of_a_few() {
    // 54 objectives: 6 per domain, each drawn alone; 63: 7 per domain, none.
    let kinds = maps::build_list(&scaled(54));
    assert_eq!(
        kinds
            .iter()
            .filter(|k| matches!(k, MapKind::Objective(_)))
            .count(),
        54
    );
    let kinds = maps::build_list(&scaled(63));
    assert!(!kinds.iter().any(|k| matches!(k, MapKind::Objective(_))));
    assert_eq!(
        kinds
            .iter()
            .filter(|k| matches!(k, MapKind::Domain(_)))
            .count(),
        9
    );
}

#[test]
fn a_matrix_of_hundreds_of_objectives_stops_at_its_slide_bound_and_says_what_it_leaves_out() {
    let t = scaled(400);
    let slides = maps::scenes(&t, &MapKind::Matrix, &opts(&t));
    assert_eq!(slides.len(), layout::matrix::MAX_SLIDES);
    for scene in &slides {
        assert_sound(scene, "capped matrix");
    }
    let shown = group_ids(&slides, "column").len();
    assert!(shown > 0 && shown < 400, "{shown}");
    let last = &slides.last().unwrap().title;
    let left = format!("+ {} autres objectifs", 400 - shown);
    assert!(
        plain(last).ends_with(&left),
        "{last:?}, {shown} objectives shown"
    );
    assert!(
        !plain(&slides[0].title).contains("autres"),
        "{}",
        slides[0].title
    );
}

#[test]
fn a_long_build_into_a_pipe_shows_no_progress_bar() {
    // Several seconds of a debug build; stderr is the test's pipe, NO_COLOR and CI unset.
    let t = scaled(63);
    let dir = tempfile::tempdir().unwrap();
    crate::generated::write_folder(&t, &dir.path().join("t")).unwrap();
    let run = crate::actormap()
        .env_remove("NO_COLOR")
        .env_remove("CI")
        .arg("build")
        .arg(dir.path().join("t"))
        .args(["--format", "svg", "--out"])
        .arg(dir.path().join("out"))
        .assert();
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    for bar in ["mise en page", "dessin", "écriture", "\r", "\u{1b}["] {
        assert!(!stderr.contains(bar), "{bar:?} in {stderr:?}");
    }
}

/// The objectives a map's slides draw, by their generated titles ("Objectif 12 : ...").
fn objectives_drawn(
    slides: &[actormap::layout::scene::Scene],
) -> std::collections::BTreeSet<usize> {
    // A title wrapped over two lines is read whole: the lines are joined.
    slides
        .iter()
        .map(|scene| plain_texts(scene).join(" "))
        .flat_map(|all| {
            all.split("Objectif ")
                .skip(1)
                .filter_map(|rest| rest.split(' ').next()?.parse().ok())
                .collect::<Vec<usize>>()
        })
        .collect()
}

/// A map of a territory of `n` objectives past the slide bound: exactly `MAX_SLIDES`
/// slides, the last titled with how many objectives it leaves out, which are the ones not
/// drawn; the other titles say nothing of it.
fn assert_capped(slides: &[actormap::layout::scene::Scene], n: usize, what: &str) {
    assert_eq!(slides.len(), layout::frame::MAX_SLIDES, "{what}");
    for scene in slides {
        assert_sound(scene, what);
    }
    let drawn = objectives_drawn(slides);
    assert!(
        !drawn.is_empty() && drawn.len() < n,
        "{what}: {}",
        drawn.len()
    );
    let last = &slides.last().unwrap().title;
    let left = format!("+ {} autres objectifs", n - drawn.len());
    assert!(plain(last).ends_with(&left), "{what}: {last:?}");
    assert!(plain(last).contains("(30/30)"), "{what}: {last:?}");
    assert!(!plain(&slides[0].title).contains("autres"), "{what}");
}

#[test]
fn an_overview_of_hundreds_of_objectives_stops_at_its_slide_bound_and_says_what_it_leaves_out() {
    // About 17 objectives a slide: 700 would take 40 slides.
    let t = scaled(700);
    let slides = maps::scenes(&t, &MapKind::Overview, &opts(&t));
    assert_capped(&slides, 700, "capped overview");
    // Under the bound, nothing is left out.
    let t = scaled(90);
    let slides = maps::scenes(&t, &MapKind::Overview, &opts(&t));
    assert!(slides.len() < layout::frame::MAX_SLIDES);
    assert_eq!(objectives_drawn(&slides).len(), 90);
    assert!(!slides.iter().any(|s| plain(&s.title).contains("autres")));
}

#[test]
fn a_status_chart_of_hundreds_of_objectives_stops_at_its_slide_bound_and_says_what_it_leaves_out() {
    // About 9 objectives a slide: 400 would take 45 slides.
    let t = scaled(400);
    let slides = maps::scenes(&t, &MapKind::Status { at: None }, &opts(&t));
    assert_capped(&slides, 400, "capped status chart");
    // The objectives drawn are the first ones, in order.
    let drawn = objectives_drawn(&slides);
    assert_eq!(drawn.last(), Some(&(drawn.len() - 1)));
    let t = scaled(90);
    let slides = maps::scenes(&t, &MapKind::Status { at: None }, &opts(&t));
    assert!(slides.len() < layout::frame::MAX_SLIDES);
    assert_eq!(objectives_drawn(&slides).len(), 90);
}

/// The report of a large territory stays a page a browser opens: each list stops at its
/// cap with a line saying how many are left out and which command's workbook holds them
/// all; every actor the page shows elsewhere (a box in a map, a name in an objective's row)
/// keeps its entry, so choosing it still shows its roles.
#[test]
fn the_report_of_a_large_territory_cuts_its_lists_and_says_so() {
    use actormap::report::{MAX_ACTORS, MAX_FINDINGS, MAX_OBJECTIVES};
    // Spaces of every kind taken out: the numbers' thousands and the French colons.
    let squeeze = |s: &str| s.replace(['\u{202f}', '\u{a0}', ' '], "");
    // 1,000 objectives over nine domains (112 in DC1, 111 in the others), 5,000 actors, and
    // 1,500 actors newly entered, in no link yet: shown nowhere but in the list.
    let mut t = scaled(1000);
    t.edit(|tables| {
        for i in 0..1500 {
            tables.actors.push(actormap::model::Actor {
                id: format!("n{i}"),
                name: format!("Association numéro {i}"),
                kind: None,
                short: None,
                aliases: Vec::new(),
                members: Vec::new(),
                origin: actormap::error::Location::new("actors.csv", 5002 + i),
            });
        }
    });
    let findings = actormap::check::run(&t).unwrap();
    let html = String::from_utf8(actormap::report::bytes(&t, &findings, &opts(&t), None)).unwrap();
    let squeezed = squeeze(&html);

    // Each domain's table: its first objectives, then how many more.
    assert_eq!(
        html.matches(r#"<tr><th scope="row">"#).count(),
        9 * MAX_OBJECTIVES
    );
    let objectives = |n: usize| {
        format!(
            "+{n}autresobjectifs,tousdansletableaudel&apos;avancement:<code>actormapstatus--formatxlsx</code>"
        )
    };
    assert_eq!(
        squeezed.matches(&objectives(112 - MAX_OBJECTIVES)).count(),
        1
    );
    assert_eq!(
        squeezed.matches(&objectives(111 - MAX_OBJECTIVES)).count(),
        8
    );

    // The findings.
    assert!(findings.len() > MAX_FINDINGS, "{} findings", findings.len());
    assert_eq!(html.matches(r#"<li class="finding "#).count(), MAX_FINDINGS);
    let left = findings.len() - MAX_FINDINGS;
    assert!(squeezed.contains(&format!(
        "+{left}autresconstats,tousdansletableaudesconstats:<code>actormapcheck--formatxlsx</code>"
    )));

    // The actors: every one shown elsewhere is listed, others up to the cap.
    let (before, list) = html.split_at(html.find(r#"<ul class="actors">"#).unwrap());
    let ids = |text: &'static str, of: &str| -> Vec<String> {
        of.split(text)
            .skip(1)
            .map(|s| s[..s.find('"').unwrap()].to_owned())
            .collect()
    };
    let listed = ids(r#"<li class="actor-entry" data-actor=""#, list);
    let elsewhere: std::collections::BTreeSet<String> =
        ids(r#"data-actor=""#, before).into_iter().collect();
    assert!(elsewhere.len() > 100, "{} actors shown", elsewhere.len());
    for id in &elsewhere {
        assert!(listed.contains(id), "{id} is shown but not listed");
    }
    assert_eq!(listed.len(), elsewhere.len() + MAX_ACTORS);
    let left = t.actors().len() - listed.len();
    assert!(squeeze(list).contains(&format!(
        "+{left}autresacteurs,tousdansletableaudesrôles:<code>actormaplist--formatxlsx</code>"
    )));

    // A small territory's lists are whole: no such line.
    let small = scaled(9);
    let findings = actormap::check::run(&small).unwrap();
    let html = String::from_utf8(actormap::report::bytes(
        &small,
        &findings,
        &opts(&small),
        None,
    ))
    .unwrap();
    assert!(!html.contains(r#"class="left-out""#));
}

/// The speaker notes of a long map's slides are about what each slide shows: every
/// objective a note of an overview or matrix slide names is drawn on that slide, and no page's notes
/// hold more than `MAX_NOTES` findings, the rest counted on a last line. (Each of a 50,000-
/// actor overview's 30 slides held every error of the territory: 2 MB of notes a slide.)
#[test]
fn the_notes_of_a_long_map_are_those_of_each_slide_and_stay_short() {
    use actormap::dossier::MAX_NOTES;
    use actormap::render::deck::Drawing;
    let t = scaled(700);
    let deck = actormap::dossier::make(&t, None, None, actormap::i18n::Lang::Fr).unwrap();
    let (mut overview, mut matrix, mut noted, mut cut) = (0, 0, 0, 0);
    for page in &deck.pages {
        let title = plain(&page.title);
        assert!(
            page.notes.len() <= MAX_NOTES + 1,
            "{title}: {}",
            page.notes.len()
        );
        if page.notes.len() == MAX_NOTES + 1 {
            let last = plain(page.notes.last().unwrap());
            assert!(
                last.starts_with("+ ") && last.contains("autres constats ; actormap check"),
                "{title}: {last}"
            );
            cut += 1;
        }
        let Drawing::Scene(scene) = &page.drawing else {
            continue;
        };
        // The objectives the slide draws: the overview's by their titles, the matrix's by
        // its columns.
        let on_matrix = title.contains("qui fait quoi (");
        let drawn: std::collections::BTreeSet<usize> = if title.contains("vue d'ensemble (") {
            overview += 1;
            objectives_drawn(std::slice::from_ref(scene))
        } else if on_matrix {
            matrix += 1;
            group_ids(std::slice::from_ref(scene), "column")
                .iter()
                .filter_map(|id| id.strip_prefix('o')?.parse().ok())
                .collect()
        } else {
            continue;
        };
        // (The line counting the notes cut, past `MAX_NOTES`, names none.)
        for note in page.notes.iter().take(MAX_NOTES) {
            // The generated ids: o0, o1...
            let named: Vec<usize> = note
                .split_whitespace()
                .filter_map(|word| word.strip_prefix('o')?.parse().ok())
                .collect();
            // The matrix also notes findings about the actors of its rows.
            assert!(!named.is_empty() || on_matrix, "{title}: {note}");
            for n in named {
                assert!(drawn.contains(&n), "{title}: o{n} is not drawn: {note}");
                noted += 1;
            }
        }
    }
    assert_eq!(overview, layout::frame::MAX_SLIDES);
    assert_eq!(matrix, layout::frame::MAX_SLIDES);
    assert!(noted > overview, "{noted} notes on the overview");
    assert!(cut > 0, "no page's notes were cut");
}
