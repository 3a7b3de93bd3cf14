//! The status chart: geometry (inside the canvas, legible, no overlapping text), bars
//! proportional to the shares, the threshold marks at their x, unknown values drawn as
//! unknown, the bonus verdict in the title, a golden SVG and Scene, determinism, and the
//! `render --status` and `build` commands.

use actormap::layout::scene::{Item, Line, Polygon, Rect, Scene, Text};
use actormap::layout::status_chart::{self, OVERFLOW};
use actormap::layout::{Options, Size};
use actormap::model::{Lang, Territory};
use actormap::render::{self, Format};
use actormap::status::{self, Standing, Status, Verdict};
use predicates::prelude::*;

use crate::render::assert_sound;
use crate::{calaisis, fixture};

fn load(path: &std::path::Path) -> Territory {
    actormap::load::load(path).expect("the territory loads")
}

fn date(s: &str) -> jiff::civil::Date {
    s.parse().unwrap()
}

/// The chart's only slide.
fn chart(t: &Territory, status: &Status, opts: &Options) -> Scene {
    let mut slides = status_chart::layout(t, status, opts);
    assert_eq!(slides.len(), 1, "one slide");
    slides.remove(0)
}

fn fixture_chart() -> (Territory, Status, Scene) {
    let t = load(&fixture("status"));
    let s = status::compute(&t, None);
    let scene = chart(&t, &s, &Options::default());
    (t, s, scene)
}

/// The items of the groups with this id (an objective's shapes and its texts).
fn items_of<'a>(scene: &'a Scene, id: &str) -> Vec<&'a Item> {
    scene
        .flatten()
        .into_iter()
        .filter(|(g, _)| g.is_some_and(|g| g.id == id))
        .map(|(_, i)| i)
        .collect()
}

fn rect<'a>(items: &[&'a Item], class: &str) -> Option<&'a Rect> {
    items.iter().find_map(|i| match i {
        Item::Rect(r) if r.class == class => Some(r),
        _ => None,
    })
}

fn texts<'a>(items: &[&'a Item], class: &str) -> Vec<&'a Text> {
    items
        .iter()
        .filter_map(|i| match i {
            Item::Text(t) if t.class == class => Some(t),
            _ => None,
        })
        .collect()
}

fn line<'a>(scene: &'a Scene, class: &str) -> Option<&'a Line> {
    scene.flatten().into_iter().find_map(|(_, i)| match i {
        Item::Line(l) if l.class == class => Some(l),
        _ => None,
    })
}

/// No two text lines of the chart share any area, and every one is inside the canvas at a
/// legible size (the common map checks).
fn assert_chart_sound(scene: &Scene, what: &str) {
    assert_sound(scene, what);
    let all: Vec<(&str, Rect)> = scene
        .flatten()
        .into_iter()
        .filter_map(|(_, i)| match i {
            Item::Text(t) => Some((t.text.as_str(), t.bounds())),
            _ => None,
        })
        .collect();
    for (i, (a, ra)) in all.iter().enumerate() {
        for (b, rb) in &all[i + 1..] {
            assert!(
                !ra.inflate(-0.05).overlaps(&rb.inflate(-0.05)),
                "{what}: texts {a:?} and {b:?} overlap"
            );
        }
    }
    // Shapes of a row stay in its band: rows never overlap.
    let rows: Vec<Rect> = scene
        .flatten()
        .into_iter()
        .filter_map(|(_, i)| match i {
            Item::Rect(r) if r.class == "track" => Some(r.clone()),
            _ => None,
        })
        .collect();
    for (i, a) in rows.iter().enumerate() {
        for b in &rows[i + 1..] {
            assert!(!a.overlaps(b), "{what}: bars overlap");
        }
    }
}

#[test]
fn charts_are_sound_at_every_size_and_in_english() {
    let fx = load(&fixture("status"));
    let cal = load(&calaisis());
    let cases = [
        (&fx, None),
        (&fx, Some(date("2022-07-01"))),
        (&fx, Some(date("2020-01-01"))),
        (&cal, None),
    ];
    for (t, at) in cases {
        let s = status::compute(t, at);
        for size in ["1920x1080", "1280x720", "3840x2160", "1080x1080"] {
            for lang in [Lang::Fr, Lang::En] {
                let opts = Options {
                    size: Size::parse(size).unwrap(),
                    lang,
                    ..Options::default()
                };
                let scene = chart(t, &s, &opts);
                assert_chart_sound(&scene, &format!("{} {at:?} {size} {lang:?}", t.name));
            }
        }
    }
}

#[test]
fn many_objectives_go_on_further_slides_of_the_same_size() {
    let (t, mut s, _) = fixture_chart();
    let model = s.objectives.clone();
    s.objectives = (0..30)
        .map(|i| {
            let mut o = model[i % model.len()].clone();
            o.id = format!("o{i}");
            o
        })
        .collect();
    let slides = status_chart::layout(&t, &s, &Options::default());
    assert!(slides.len() > 1, "{}", slides.len());
    let mut shown = Vec::new();
    for (i, scene) in slides.iter().enumerate() {
        assert_eq!((scene.width, scene.height), (1920.0, 1080.0));
        assert_chart_sound(scene, &format!("30 objectives, slide {}", i + 1));
        assert!(
            scene
                .title
                .ends_with(&format!("({}/{})", i + 1, slides.len())),
            "{}",
            scene.title
        );
        for (g, _) in scene.flatten() {
            if let Some(g) = g.filter(|g| g.class == "objective")
                && shown.last() != Some(&g.id)
            {
                shown.push(g.id.clone());
            }
        }
    }
    // Every objective once, in order.
    let expected: Vec<String> = (0..30).map(|i| format!("o{i}")).collect();
    assert_eq!(shown, expected);
}

#[test]
fn bars_are_proportional_to_the_shares_and_the_marks_sit_at_60_and_100() {
    let (_, s, scene) = fixture_chart();
    let min = line(&scene, "mark-min").expect("a 60 % mark");
    let prio = line(&scene, "mark-priority").expect("a 100 % mark");
    let mut checked = 0;
    for o in &s.objectives {
        let items = items_of(&scene, &o.id);
        let track = rect(&items, "track").expect("every objective has a track");
        let ratio = o.ratio.expect("the fixture has every value");
        let bar = rect(&items, "bar").expect("a known value has a bar");
        assert_eq!(bar.x, track.x, "{}", o.id);
        if ratio <= 1.0 {
            let drawn = bar.w / track.w;
            assert!(
                (drawn - ratio).abs() < 0.001,
                "{}: {drawn} for {ratio}",
                o.id
            );
            checked += 1;
        }
        assert!((min.points[0].0 - (track.x + 0.6 * track.w)).abs() < 0.02);
        assert!((prio.points[0].0 - track.right()).abs() < 0.02);
        // The marks run across every bar.
        assert!(min.points[0].1 <= track.y && min.points[1].1 >= track.bottom());
    }
    assert_eq!(checked, s.objectives.len());
    // Exactly 60 % ends on the mark; 59,9 % just before it.
    let haies = rect(&items_of(&scene, "haies"), "bar").unwrap().clone();
    let friches = rect(&items_of(&scene, "friches"), "bar").unwrap().clone();
    assert!((haies.right() - min.points[0].0).abs() < 0.02);
    assert!(friches.right() < min.points[0].0);
    let labels: Vec<&str> = scene
        .flatten()
        .into_iter()
        .filter_map(|(_, i)| match i {
            Item::Text(t) if t.class.starts_with("mark-") => Some(t.text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        labels,
        ["60\u{a0}% · seuil", "100\u{a0}% · prioritaires", "0\u{a0}%"]
    );
}

#[test]
fn value_target_share_and_verdict_are_written_on_each_row() {
    let (_, _, scene) = fixture_chart();
    let row = |id: &str| {
        let items = items_of(&scene, id);
        let value = texts(&items, "value")[0].text.clone();
        let percent = texts(&items, "percent")[0].text.clone();
        let verdict = texts(&items, "verdict")[0].text.clone();
        (value, percent, verdict)
    };
    assert_eq!(
        row("renovation"),
        (
            "1\u{a0}485 / 1\u{a0}500\u{a0}rénovations".to_owned(),
            "99\u{a0}%".to_owned(),
            "en retard · seuil 100\u{a0}%".to_owned()
        )
    );
    assert_eq!(row("friches").1, "59,9\u{a0}%");
    assert_eq!(row("haies").2, "atteint · seuil 60\u{a0}%");
    assert_eq!(row("regal").0, "1 / 1\u{a0}REGAL");
    // The value sits on its bar.
    for id in ["haies", "renovation", "cyclable"] {
        let items = items_of(&scene, id);
        let track = rect(&items, "track").unwrap();
        let b = texts(&items, "value")[0].bounds();
        assert!(b.y >= track.y && b.bottom() <= track.bottom(), "{id}");
        assert!(
            b.x >= track.x && b.right() <= track.right() + OVERFLOW,
            "{id}"
        );
    }
    // Priority objectives, and only they, carry the badge and the strong outline.
    for o in [
        "haies",
        "friches",
        "renovation",
        "regal",
        "cyclable",
        "ecoles",
    ] {
        let items = items_of(&scene, o);
        let badge = items
            .iter()
            .any(|i| matches!(i, Item::Text(t) if t.text == "PRIORITAIRE"));
        assert_eq!(badge, o == "renovation" || o == "regal", "{o}");
        let track = rect(&items, "track").unwrap();
        assert_eq!(track.stroke.as_ref().unwrap().width >= 2.0, badge, "{o}");
    }
}

#[test]
fn a_bar_above_its_target_is_cut_but_says_its_real_share() {
    let (t, mut s, _) = fixture_chart();
    let o = &mut s.objectives[0];
    o.value = Some(200.0);
    o.ratio = Some(4.0);
    let id = o.id.clone();
    let scene = chart(&t, &s, &Options::default());
    let items = items_of(&scene, &id);
    let track = rect(&items, "track").unwrap();
    let bar = rect(&items, "bar").unwrap();
    assert!(bar.right() > track.right());
    assert!(bar.right() <= track.right() + OVERFLOW + 0.01);
    assert_eq!(texts(&items, "percent")[0].text, "400\u{a0}%");
    assert!(
        items
            .iter()
            .any(|i| matches!(i, Item::Line(l) if l.class == "cut"))
    );
    assert_chart_sound(&scene, "400 %");
}

#[test]
fn unknown_values_are_drawn_as_unknown_never_as_zero() {
    for (lang, phrase, big) in [
        (Lang::Fr, "valeur inconnue", "inconnu"),
        (Lang::En, "unknown value", "unknown"),
    ] {
        let t = load(&calaisis());
        let s = status::compute(&t, None);
        assert!(s.objectives.iter().all(|o| o.value.is_none()));
        let scene = chart(
            &t,
            &s,
            &Options {
                lang,
                ..Options::default()
            },
        );
        for o in &s.objectives {
            let items = items_of(&scene, &o.id);
            assert!(rect(&items, "bar").is_none(), "{}: no bar", o.id);
            assert!(rect(&items, "unknown").is_some(), "{}", o.id);
            assert!(
                items
                    .iter()
                    .any(|i| matches!(i, Item::Line(l) if l.class == "hatch")),
                "{}: hatched",
                o.id
            );
            let value = &texts(&items, "value")[0].text;
            assert!(value.starts_with(phrase), "{value}");
            assert_eq!(texts(&items, "percent")[0].text, big);
            for t in items.iter().filter_map(|i| match i {
                Item::Text(t) => Some(&t.text),
                _ => None,
            }) {
                assert!(!t.starts_with("0\u{a0}%") && !t.starts_with("0%"), "{t}");
            }
        }
    }
}

#[test]
fn the_title_gives_the_bonus_verdict() {
    let (t, mut s, scene) = fixture_chart();
    let title = "État d'avancement au 31/12/2022 · Bonus année 3\u{a0}: conditions en retard";
    assert_eq!(scene.title, title);
    let shown: Vec<&str> = scene
        .flatten()
        .into_iter()
        .filter(|(g, _)| g.is_some_and(|g| g.class == "title"))
        .filter_map(|(_, i)| match i {
            Item::Text(t) => Some(t.text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(shown.join(" "), title);
    s.bonus.standing = Standing::Met;
    assert!(
        chart(&t, &s, &Options::default())
            .title
            .ends_with("conditions remplies")
    );
    let cal = load(&calaisis());
    let scene = chart(&cal, &status::compute(&cal, None), &Options::default());
    assert!(
        scene.title.ends_with("conditions inconnues"),
        "{}",
        scene.title
    );
    let summary: String = scene
        .flatten()
        .into_iter()
        .filter(|(g, _)| g.is_some_and(|g| g.class == "summary"))
        .filter_map(|(_, i)| match i {
            Item::Text(t) => Some(t.text.clone()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        summary.contains("total en jeu\u{a0}: 422\u{a0}371\u{a0}€"),
        "{summary}"
    );
    let en = chart(
        &cal,
        &status::compute(&cal, Some(date("2022-06-30"))),
        &Options {
            lang: Lang::En,
            ..Options::default()
        },
    );
    assert_eq!(
        en.title,
        "Progress as of 2022-06-30 · Year-3 bonus: conditions unknown"
    );
}

#[test]
fn the_title_is_dated_as_of_at_else_the_latest_measurement_never_today() {
    let title = |t: &Territory, at: Option<&str>, lang| {
        chart(
            t,
            &status::compute(t, at.map(date)),
            &Options {
                lang,
                ..Options::default()
            },
        )
        .title
    };
    let fixture = load(&fixture("status"));
    // Without --at: the date of the latest measurement (31/12/2022 in avancement.csv).
    assert!(
        title(&fixture, None, Lang::Fr).starts_with("État d'avancement au 31/12/2022 · "),
        "{}",
        title(&fixture, None, Lang::Fr)
    );
    // With --at: that date, even when no measurement falls on it.
    assert!(
        title(&fixture, Some("2022-07-01"), Lang::Fr)
            .starts_with("État d'avancement au 01/07/2022 · ")
    );
    assert!(
        title(&fixture, Some("2023-06-30"), Lang::Fr)
            .starts_with("État d'avancement au 30/06/2023 · ")
    );
    assert!(title(&fixture, None, Lang::En).starts_with("Progress as of 2022-12-31 · "));
    // No dated value: no date at all, and never today's.
    let cal = load(&calaisis());
    assert!(cal.progress().is_empty());
    assert_eq!(
        title(&cal, None, Lang::Fr),
        "État d'avancement · Bonus année 3\u{a0}: conditions inconnues"
    );
}

#[test]
fn projections_are_a_labelled_marker_at_their_share() {
    let (_, s, scene) = fixture_chart();
    for o in &s.objectives {
        let items = items_of(&scene, &o.id);
        let captions = texts(&items, "projection");
        let marker: Vec<&Polygon> = items
            .iter()
            .filter_map(|i| match i {
                Item::Polygon(p) if p.class == "projection" => Some(p),
                _ => None,
            })
            .collect();
        match o.projection.as_ref().and_then(|p| p.ratio) {
            None => assert!(captions.is_empty() && marker.is_empty(), "{}", o.id),
            Some(ratio) => {
                assert!(captions[0].text.starts_with("projection au 31/12/2023"));
                let track = rect(&items, "track").unwrap();
                let x = marker[0].points[0].0;
                let expected = track.x + (ratio * track.w).min(track.w + OVERFLOW);
                assert!((x - expected).abs() < 0.02, "{}: {x} vs {expected}", o.id);
            }
        }
    }
    let haies = items_of(&scene, "haies");
    assert!(texts(&haies, "projection")[0].text.contains("131,4\u{a0}%"));
    let cyclable = items_of(&scene, "cyclable");
    assert!(
        texts(&cyclable, "projection")[0]
            .text
            .ends_with("60\u{a0}% (atteint)")
    );
}

#[test]
fn golden_status_chart_of_the_fixture() {
    let (_, _, scene) = fixture_chart();
    insta::assert_snapshot!("status_svg", render::svg::write(&scene));
    insta::assert_snapshot!("status_scene", scene.to_json());
}

#[test]
fn the_same_status_gives_the_same_bytes() {
    let (t, s, _) = fixture_chart();
    for format in [Format::Svg, Format::Png] {
        let a = render::to_bytes(&chart(&t, &s, &Options::default()), format).unwrap();
        let b = render::to_bytes(&chart(&t, &s, &Options::default()), format).unwrap();
        assert_eq!(a, b, "{format:?}");
    }
}

#[test]
fn render_status_writes_the_chart_as_of_a_date() {
    let out = tempfile::tempdir().unwrap();
    let render = |args: &[&str]| {
        crate::actormap()
            .arg("render")
            .arg(fixture("status"))
            .args(["--status", "--format", "svg,png,scene"])
            .args(args)
            .arg("--out")
            .arg(out.path())
            .assert()
            .code(0)
    };
    let files = || {
        let mut names: Vec<String> = std::fs::read_dir(out.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| !name.starts_with(".actormap-"))
            .collect();
        names.sort();
        names
    };
    // Today's chart first: `status.svg`, dated as of the latest measurement.
    render(&[]).stdout(predicates::str::contains("status.svg"));
    let today = std::fs::read(out.path().join("status.svg")).unwrap();
    assert!(String::from_utf8_lossy(&today).contains("État d&apos;avancement au 31/12/2022"));
    // A past committee's chart is named after its date and leaves today's alone.
    render(&["--at", "01/07/2022"])
        .stdout(predicates::str::contains("status-2022-07-01.svg"))
        .stdout(predicates::str::contains("status.svg").not());
    assert_eq!(
        files(),
        [
            "status-2022-07-01.png",
            "status-2022-07-01.scene.json",
            "status-2022-07-01.svg",
            "status.png",
            "status.scene.json",
            "status.svg"
        ]
    );
    assert_eq!(std::fs::read(out.path().join("status.svg")).unwrap(), today);
    let svg = std::fs::read_to_string(out.path().join("status-2022-07-01.svg")).unwrap();
    assert!(
        svg.contains("État d&apos;avancement au 01/07/2022"),
        "{svg}"
    );
    let json: serde_json::Value = serde_json::from_slice(
        &std::fs::read(out.path().join("status-2022-07-01.scene.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(json["width"], 1920.0);
    crate::actormap()
        .args(["render", "--at", "2022-07-01", "--overview", "--out"])
        .arg(out.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("--status"));
}

#[test]
fn objective_titles_and_units_are_escaped_text() {
    let (t, mut s, _) = fixture_chart();
    s.objectives[0].title = "<script>alert(1)</script> & \"co\"".into();
    s.objectives[0].unit = Some("<b>km</b>".into());
    let svg = render::svg::write(&chart(&t, &s, &Options::default()));
    assert!(!svg.contains("<script>") && !svg.contains("<b>"), "{svg}");
    assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;"));
    assert!(svg.contains("30 / 50\u{a0}&lt;b&gt;km&lt;/b&gt;"));
    roxmltree::Document::parse(&svg).expect("the SVG parses");
}

#[test]
fn a_long_title_is_wrapped_once_with_its_cut_word_and_its_ellipsis() {
    let (t, mut s, _) = fixture_chart();
    let long = "Écoconception".repeat(12);
    let title = format!("Les {long} des ménages et des entreprises du territoire calaisien");
    s.objectives[0].title = title.clone();
    let id = s.objectives[0].id.clone();
    let scene = chart(&t, &s, &Options::default());
    assert_chart_sound(&scene, "long title");
    let items = items_of(&scene, &id);
    let shown = texts(&items, "title");
    let track = rect(&items, "track").expect("the bar's track");
    let first = shown.first().expect("the title is shown");
    let width = track.x - status_chart::GAP - first.x;
    let once = actormap::layout::text::wrap(&title, width, first.size, first.weight, 4);
    // The long word is cut and the rest left out with an ellipsis.
    assert!(once.truncated && once.cut, "{once:?}");
    assert!(once.lines[3].ends_with('…'), "{once:?}");
    let lines: Vec<&str> = shown.iter().map(|x| x.text.as_str()).collect();
    assert_eq!(lines, once.lines);
    // One line under the other, from the top of the block.
    assert!(
        shown
            .windows(2)
            .all(|p| p[1].y > p[0].y && p[1].x == p[0].x)
    );
}

/// The bounding box of a polygon.
fn polygon_bounds(p: &Polygon) -> Rect {
    let xs = p.points.iter().map(|q| q.0);
    let ys = p.points.iter().map(|q| q.1);
    let (x0, x1) = (
        xs.clone().fold(f64::MAX, f64::min),
        xs.fold(f64::MIN, f64::max),
    );
    let (y0, y1) = (
        ys.clone().fold(f64::MAX, f64::min),
        ys.fold(f64::MIN, f64::max),
    );
    Rect {
        x: x0,
        y: y0,
        w: x1 - x0,
        h: y1 - y0,
        radius: 0.0,
        fill: None,
        stroke: None,
        class: String::new(),
    }
}

#[test]
fn no_projection_diamond_sits_on_a_value_label() {
    let (t, mut s, _) = fixture_chart();
    let model = s
        .objectives
        .iter()
        .find(|o| o.id == "cyclable")
        .expect("cyclable has a projection")
        .clone();
    // Every pair of shares from 0 to 140 %, a projection ahead of the value, behind it or on it.
    let steps: Vec<f64> = (0..=28).map(|i| f64::from(i) * 0.05).collect();
    let mut cases = 0;
    for (n, &now) in steps.iter().enumerate() {
        s.objectives = steps
            .iter()
            .enumerate()
            .map(|(m, &then)| {
                let mut o = model.clone();
                o.id = format!("o{n}-{m}");
                o.value = Some(now * 50.0);
                o.ratio = Some(now);
                let p = o.projection.as_mut().unwrap();
                p.value = then * 50.0;
                p.ratio = Some(then);
                o
            })
            .collect();
        // 29 objectives take several slides: each is checked on the slide that holds it.
        let slides = status_chart::layout(&t, &s, &Options::default());
        for o in &s.objectives {
            let Some(items) = slides
                .iter()
                .map(|scene| items_of(scene, &o.id))
                .find(|items| !items.is_empty())
            else {
                panic!("{} is on no slide", o.id);
            };
            let labels: Vec<Rect> = texts(&items, "value").iter().map(|x| x.bounds()).collect();
            let track = rect(&items, "track").unwrap();
            for d in items.iter().filter_map(|i| match i {
                // The diamonds on the bar (the caption's small one sits under it).
                Item::Polygon(p) if p.class == "projection" => Some(polygon_bounds(p)),
                _ => None,
            }) {
                if d.bottom() < track.y || d.y > track.bottom() {
                    continue;
                }
                for l in &labels {
                    assert!(
                        !l.overlaps(&d),
                        "{}: value {now}, projection: the diamond {d:?} covers the label {l:?}",
                        o.id
                    );
                }
                cases += 1;
            }
            for l in &labels {
                assert!(
                    l.x >= track.x && l.right() <= track.right() + OVERFLOW,
                    "{}",
                    o.id
                );
            }
        }
    }
    assert!(cases > 1000, "{cases}");
}

/// The verdict written under each share, by objective id.
fn verdicts(scene: &Scene, s: &Status) -> Vec<(String, String)> {
    s.objectives
        .iter()
        .map(|o| {
            let items = items_of(scene, &o.id);
            (o.id.clone(), texts(&items, "verdict")[0].text.clone())
        })
        .collect()
}

#[test]
fn the_chart_gives_the_standings_of_the_report_in_its_words_and_colours() {
    let (t, s, scene) = fixture_chart();
    let shown = verdicts(&scene, &s);
    let expect = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    };
    assert_eq!(
        shown,
        expect(&[
            ("haies", "atteint · seuil 60\u{a0}%"),
            ("friches", "en retard · seuil 60\u{a0}%"),
            ("renovation", "en retard · seuil 100\u{a0}%"),
            ("regal", "atteint · seuil 100\u{a0}%"),
            ("cyclable", "en bonne voie · seuil 60\u{a0}%"),
            ("ecoles", "atteint · seuil 60\u{a0}%"),
        ])
    );
    let fill = |scene: &Scene, id: &str| {
        rect(&items_of(scene, id), "bar")
            .and_then(|r| r.fill)
            .expect("a bar")
    };
    assert_eq!(fill(&scene, "haies"), status_chart::MET);
    assert_eq!(fill(&scene, "cyclable"), status_chart::ON_TRACK);
    assert_eq!(fill(&scene, "friches"), status_chart::BEHIND);
    assert_eq!(fill(&scene, "renovation"), status_chart::BEHIND);
    let legend: Vec<String> = scene
        .flatten()
        .into_iter()
        .filter_map(|(_, i)| match i {
            Item::Text(t) if t.class == "legend" => Some(t.text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        legend,
        [
            "atteint",
            "en bonne voie",
            "en retard",
            "projection à la fin du programme"
        ]
    );
    assert_eq!(
        scene.title,
        "État d'avancement au 31/12/2022 · Bonus année 3\u{a0}: conditions en retard"
    );
    let summary: Vec<String> = scene
        .flatten()
        .into_iter()
        .filter(|(g, _)| g.is_some_and(|g| g.class == "summary"))
        .filter_map(|(_, i)| match i {
            Item::Text(t) => Some(t.text.clone()),
            _ => None,
        })
        .collect();
    assert!(
        summary
            .join(" ")
            .contains("3 sous le seuil (dont 1 en bonne voie)"),
        "{summary:?}"
    );

    // After the end: missed, in its own colour, and the words in English with --lang en.
    let ended = status::compute(&t, Some(date("2024-01-31")));
    let en = Options {
        lang: Lang::En,
        ..Options::default()
    };
    let scene = chart(&t, &ended, &en);
    let shown = verdicts(&scene, &ended);
    assert_eq!(
        shown[1],
        ("friches".into(), "missed · threshold 60%".into())
    );
    assert_eq!(fill(&scene, "friches"), status_chart::MISSED);
    assert!(
        scene.title.ends_with("conditions not met"),
        "{}",
        scene.title
    );
    for (o, (_, said)) in ended.objectives.iter().zip(&shown) {
        // Unknown is said by the big line ("unknown"), the small one gives the threshold.
        if o.standing != Standing::Unknown {
            assert!(said.starts_with(o.standing.word(Lang::En)), "{said}");
        }
    }
    assert_chart_sound(&scene, "ended");
}

#[test]
fn a_priority_objective_heading_below_its_threshold_is_red() {
    let (t, mut s, _) = fixture_chart();
    let o = s
        .objectives
        .iter_mut()
        .find(|o| o.id == "cyclable")
        .unwrap();
    o.priority = true;
    o.threshold = 1.0;
    o.standing = Standing::Behind;
    o.projection.as_mut().unwrap().verdict = Verdict::Below;
    let scene = chart(&t, &s, &Options::default());
    let bar = rect(&items_of(&scene, "cyclable"), "bar").unwrap().clone();
    assert_eq!(bar.fill, Some(status_chart::PRIORITY_BELOW));
}
