//! `actormap dossier`: the committee's deck as a PDF and a PowerPoint file. On the bundled
//! data: 16:9 pages, the decisions with REGAL's candidates, the money at stake, one slide per
//! page with its findings in the notes, the same bytes every run, LibreOffice opens it;
//! `--since` adds what changed; `--lang en` speaks English; every page is a sound slide and
//! a long table continues on further pages without shrinking its text.

use std::io::Write;
use std::path::Path;
use std::process::Command;

use actormap::dossier;
use actormap::layout::dossier::{self as pages, Cell, Column, Table};
use actormap::layout::scene::Scene;
use actormap::model::{Lang, Territory};
use actormap::render::deck::{Deck, Drawing};
use predicates::prelude::*;

use crate::deck::{Document, media_box, pdf_pages_text, placeholder_text, soffice, squash, unzip};
use crate::render::assert_sound;
use crate::{actormap, calaisis, fixture};

/// The dossier of `territory` written by the binary into a fresh folder, with `args`.
fn written(territory: &Path, args: &[&str]) -> (tempfile::TempDir, Vec<u8>, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    actormap()
        .arg("dossier")
        .arg(territory)
        .arg("--out")
        .arg(dir.path())
        .args(args)
        .assert()
        .success()
        .stdout(predicate::str::contains("dossier-copil.pdf"))
        .stdout(predicate::str::contains("dossier-copil.pptx"));
    let pdf = std::fs::read(dir.path().join("dossier-copil.pdf")).expect("the PDF is written");
    let pptx = std::fs::read(dir.path().join("dossier-copil.pptx")).expect("the PPTX is written");
    (dir, pdf, pptx)
}

/// How many slides a PowerPoint file holds.
fn slides(pptx: &[u8]) -> usize {
    unzip(pptx)
        .keys()
        .filter(|n| n.starts_with("ppt/slides/slide") && n.ends_with(".xml"))
        .count()
}

/// The bundled data, copied where a test may change it.
fn calaisis_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(calaisis()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    dir
}

#[test]
fn the_bundled_dossier_has_16_9_pages_the_decisions_and_the_money_at_stake() {
    let (_dir, pdf, pptx) = written(&calaisis(), &[]);
    let doc = Document::load_mem(&pdf).unwrap();
    let pages = doc.get_pages();
    assert!(pages.len() >= 15, "{} pages", pages.len());
    for id in pages.values() {
        assert_eq!(
            media_box(&doc, *id),
            [0.0, 0.0, 960.0, 540.0],
            "a 16:9 page"
        );
    }
    let text = pdf_pages_text(&pdf);
    let all = squash(&text.concat());
    for expected in [
        "Comitédepilotage",
        "Lesobjectifscontractuels",
        "Décisionsàprendre",
        "chefdefileàdésignerparmiSEVADEC,SyMPaC,Les3EPCI",
        "Pointsd'attention",
        "Totalenjeu:422371€",
    ] {
        assert!(all.contains(expected), "{expected} not in the PDF");
    }
    // Never today's date: the bundled data has no dated measurement, so no date at all.
    assert!(squash(&text[0]).ends_with("COTTRI2021–2023"), "{}", text[0]);
    assert!(
        !squash(&text[0]).contains("Comitédepilotagedu"),
        "{}",
        text[0]
    );
    // The PowerPoint file has a slide per page of the PDF.
    assert_eq!(slides(&pptx), pages.len());
    // The same input gives the same bytes, and a second run leaves both files alone.
    let (dir, again_pdf, again_pptx) = written(&calaisis(), &[]);
    assert!(pdf == again_pdf, "the PDF changed from one run to the next");
    assert!(
        pptx == again_pptx,
        "the PPTX changed from one run to the next"
    );
    actormap()
        .arg("dossier")
        .arg("--out")
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains("inchangé").count(2));
}

#[test]
fn the_committee_date_is_the_at_date_else_the_latest_measurement() {
    let (_dir, pdf, _) = written(&fixture("status"), &[]);
    let first = squash(&pdf_pages_text(&pdf)[0]);
    assert!(first.contains("Comitédepilotagedu31/12/2022"), "{first}");
    let (_dir, pdf, _) = written(&fixture("status"), &["--at", "2022-06-30"]);
    let first = squash(&pdf_pages_text(&pdf)[0]);
    assert!(first.contains("Comitédepilotagedu30/06/2022"), "{first}");
}

#[test]
fn each_slide_holds_its_pages_findings_in_its_notes() {
    let (_dir, _, pptx) = written(&calaisis(), &[]);
    let files = unzip(&pptx);
    let deck = dossier::make(&load(&calaisis()), None, None, Lang::Fr).unwrap();
    let notes = |k: usize| {
        placeholder_text(
            &files[&format!("ppt/notesSlides/notesSlide{k}.xml")],
            "body",
        )
    };
    let find = |title: &str| {
        1 + deck
            .pages
            .iter()
            .position(|p| p.title.starts_with(title))
            .unwrap_or_else(|| panic!("no page {title}"))
    };
    // The REGAL's domain: its missing lead, not the COT ENR's.
    let dc3 = notes(find("DC3"));
    assert!(
        dc3.iter()
            .any(|n| n.starts_with("erreur") && n.contains("regal")),
        "{dc3:?}"
    );
    assert!(!dc3.iter().any(|n| n.contains("cot-enr")), "{dc3:?}");
    // The decisions: one note per decision.
    let decisions = notes(find("Décisions à prendre"));
    assert!(
        decisions
            .iter()
            .any(|n| n.contains("SEVADEC, SyMPaC, Les 3 EPCI")),
        "{decisions:?}"
    );
    // The title page: the summary of the check.
    assert!(notes(1)[0].contains("erreurs"), "{:?}", notes(1));
}

/// The territory at `path`.
fn load(path: &Path) -> Territory {
    actormap::load::load(path).expect("the territory loads")
}

#[test]
fn since_adds_what_changed_since_the_last_committee() {
    let copy = calaisis_copy();
    let links = copy.path().join("links.csv");
    let text = std::fs::read_to_string(&links).unwrap();
    let changed = text.replacen(
        "SEVADEC;regal;chef de file pressenti;",
        "SEVADEC;regal;chef de file;",
        1,
    );
    assert_ne!(text, changed);
    std::fs::write(&links, changed).unwrap();
    let (_dir, plain, _) = written(copy.path(), &[]);
    let since = calaisis();
    let (_dir, pdf, pptx) = written(copy.path(), &["--since", since.to_str().unwrap()]);
    let pages = pdf_pages_text(&pdf);
    assert_eq!(
        pages.len(),
        pdf_pages_text(&plain).len() + 1,
        "one page more"
    );
    assert_eq!(slides(&pptx), pages.len());
    let last = squash(pages.last().unwrap());
    assert!(last.starts_with("Cequiachangédepuisledernier"), "{last}");
    assert!(last.contains("SEVADEC"), "{last}");
    assert!(last.contains("regal"), "{last}");
    // The REGAL's lead is decided: no longer among the decisions to take.
    let all = squash(&pages.concat());
    assert!(
        !all.contains("parmiSEVADEC,SyMPaC"),
        "REGAL still undecided"
    );
}

#[test]
fn a_since_that_does_not_load_is_reported_with_the_territorys_errors_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("copil-2022");
    actormap()
        .arg("dossier")
        .arg("--since")
        .arg(&missing)
        .arg("--out")
        .arg(dir.path().join("out"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("copil-2022"));
    assert!(!dir.path().join("out").exists(), "nothing written");
}

#[test]
fn in_english_the_pages_speak_english() {
    let (_dir, pdf, _) = written(&calaisis(), &["--lang", "en"]);
    let all = squash(&pdf_pages_text(&pdf).concat());
    for expected in [
        "Thecontractualobjectives",
        "Decisionstotake",
        "leadtobenamedamongSEVADEC,SyMPaC,Les3EPCI",
        "Pointstowatch",
        "Totalatstake:€422,371",
    ] {
        assert!(all.contains(expected), "{expected} not in the English PDF");
    }
    assert!(
        !all.contains("Décisions"),
        "French left in the English dossier"
    );
}

/// The pages of a dossier that are Scenes (all of them).
pub fn scenes(deck: &Deck) -> Vec<&Scene> {
    deck.pages
        .iter()
        .map(|p| match &p.drawing {
            Drawing::Scene(s) => s,
            Drawing::Svg(_) => panic!("{}: every page is laid out as a Scene", p.title),
        })
        .collect()
}

#[test]
fn every_page_is_a_sound_slide_of_the_slide_size() {
    let next = crate::status_next();
    let status = load(&fixture("status"));
    for (t, since) in [
        (load(&calaisis()), None),
        (load(&fixture("slides")), None),
        (load(next.path()), Some(&status)),
    ] {
        for lang in Lang::ALL {
            let deck = dossier::make(&t, since, None, lang).unwrap();
            for scene in scenes(&deck) {
                let what = format!("{} {lang:?}: {}", t.name, scene.title);
                assert_eq!((scene.width, scene.height), (1920.0, 1080.0), "{what}");
                assert_sound(scene, &what);
            }
        }
    }
}

#[test]
fn a_long_table_continues_on_the_next_pages_at_full_text_size() {
    let t = load(&calaisis());
    let long = "Une phrase assez longue pour tenir sur plusieurs lignes dans sa colonne, \
                comme un constat de check avec son conseil";
    let table = Table {
        title: "Points d'attention".into(),
        columns: vec![
            Column {
                header: "Gravité".into(),
                share: 0.2,
            },
            Column {
                header: "Constat".into(),
                share: 0.8,
            },
        ],
        rows: (0..40)
            .map(|i| vec![Cell::Strong(format!("n° {i}")), Cell::Text(long.into())])
            .collect(),
        empty: "rien".into(),
    };
    let slides = pages::table(&t, &table, Lang::Fr);
    assert!(slides.len() >= 3, "{} slides", slides.len());
    let n = slides.len();
    let mut next = 0;
    for (i, (scene, rows)) in slides.iter().enumerate() {
        assert_eq!(scene.title, format!("Points d'attention ({}/{n})", i + 1));
        assert_eq!(rows.start, next, "rows in order, none left out");
        assert!(!rows.is_empty());
        next = rows.end;
        assert_sound(scene, &scene.title);
        assert!(crate::render::smallest_text(scene, &["footer"]) >= 20.0);
    }
    assert_eq!(next, 40);
    // Without rows, one slide says so.
    let empty = pages::table(
        &t,
        &Table {
            rows: Vec::new(),
            ..table
        },
        Lang::Fr,
    );
    assert_eq!(empty.len(), 1);
    assert!(
        crate::render::texts(&empty[0].0)
            .iter()
            .any(|s| s == "rien")
    );
}

#[test]
fn libreoffice_opens_the_dossier_with_a_page_per_slide() {
    let Some(soffice) = soffice() else {
        let _ = writeln!(
            std::io::stderr(),
            "\n*** SKIPPED libreoffice_opens_the_dossier_with_a_page_per_slide: soffice is not \
             installed (apt-get install -y --no-install-recommends libreoffice-impress) ***\n"
        );
        return;
    };
    let (dir, pdf, _) = written(&calaisis(), &[]);
    let converted = dir.path().join("lo");
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let out = Command::new(soffice)
        .args([&profile, "--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&converted)
        .arg(dir.path().join("dossier-copil.pptx"))
        .output()
        .expect("soffice runs");
    let lo = std::fs::read(converted.join("dossier-copil.pdf")).unwrap_or_else(|_| {
        panic!(
            "LibreOffice did not convert the file: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let pages = |bytes: &[u8]| Document::load_mem(bytes).unwrap().get_pages().len();
    assert_eq!(
        pages(&lo),
        pages(&pdf),
        "one LibreOffice page per page of the PDF"
    );
}

#[test]
fn build_writes_the_dossier_too_in_the_same_batch_as_the_maps() {
    let out = tempfile::tempdir().unwrap();
    let first = actormap()
        .arg("build")
        .arg("--out")
        .arg(out.path())
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("écrit").and(predicate::str::contains("dossier-copil.pptx")),
        );
    let wrote = String::from_utf8_lossy(&first.get_output().stdout)
        .lines()
        .filter(|l| l.starts_with("écrit"))
        .count();
    // The same files as `actormap dossier` writes.
    let (_dir, pdf, pptx) = written(&calaisis(), &[]);
    assert!(std::fs::read(out.path().join("dossier-copil.pdf")).unwrap() == pdf);
    assert!(std::fs::read(out.path().join("dossier-copil.pptx")).unwrap() == pptx);
    // Without PNG, each map's slide is drawn with the map, from the same parsed SVG: the
    // same files still.
    let svg_only = tempfile::tempdir().unwrap();
    actormap()
        .args(["build", "--format", "svg", "--out"])
        .arg(svg_only.path())
        .assert()
        .code(1);
    assert!(std::fs::read(svg_only.path().join("dossier-copil.pdf")).unwrap() == pdf);
    assert!(std::fs::read(svg_only.path().join("dossier-copil.pptx")).unwrap() == pptx);
    actormap()
        .arg("build")
        .arg("--out")
        .arg(out.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("écrit").not())
        .stdout(predicate::str::contains("inchangé").count(wrote));
    // A dossier that cannot be written stops the whole build: no map is written either.
    let fresh = tempfile::tempdir().unwrap();
    std::fs::create_dir(fresh.path().join("dossier-copil.pptx")).unwrap();
    actormap()
        .arg("build")
        .arg("--out")
        .arg(fresh.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("dossier-copil.pptx"));
    let left: Vec<_> = std::fs::read_dir(fresh.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "only the folder in the way is there");
}
