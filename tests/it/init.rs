//! `actormap init`: the starter workbook (sheets, French headers, notes, drop-down lists),
//! `check` on it untouched, never over a file, `--from` round trips, and the `Paramètres`
//! sheet read as territory.json is.

use std::io::Read;
use std::path::{Path, PathBuf};

use actormap::load::load;
use actormap::model::Territory;
use calamine::{Data, Reader};
use predicates::prelude::*;

use crate::{actormap, calaisis, fixture};

const SHEETS: [&str; 9] = [
    "#Mode d'emploi",
    "Paramètres",
    "Domaines",
    "Objectifs",
    "Acteurs",
    "Liens",
    "Avancement",
    "Actions",
    "Instances",
];

/// `actormap init` in a fresh folder (more arguments after `init`); the workbook written.
fn init(args: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    actormap()
        .current_dir(dir.path())
        .arg("init")
        .args(args)
        .assert()
        .success()
        .stdout(predicate::str::contains("territoire.xlsx"));
    let book = dir.path().join("territoire.xlsx");
    assert!(book.is_file());
    (dir, book)
}

fn sheet_xml(book: &Path, index: usize) -> String {
    let bytes = std::fs::read(book).expect("the workbook");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("an xlsx is a zip");
    let mut xml = String::new();
    zip.by_name(&format!("xl/worksheets/sheet{index}.xml"))
        .expect("the sheet's XML")
        .read_to_string(&mut xml)
        .expect("UTF-8");
    xml
}

#[test]
fn the_template_has_its_sheets_headers_and_notes() {
    let (_dir, book) = init(&[]);
    let mut wb = calamine::open_workbook_auto(&book).expect("calamine opens it");
    assert_eq!(wb.sheet_names(), SHEETS);
    let header = |wb: &mut calamine::Sheets<_>, name: &str| -> Vec<String> {
        let range = wb.worksheet_range(name).expect("the sheet");
        range
            .rows()
            .next()
            .expect("a header row")
            .iter()
            .map(Data::to_string)
            .collect()
    };
    assert_eq!(
        header(&mut wb, "Liens"),
        ["acteur", "objectif", "rôle", "moyens", "note"]
    );
    assert_eq!(
        header(&mut wb, "Domaines"),
        ["id", "nom", "accroche", "liens", "état des lieux"]
    );
    assert_eq!(
        header(&mut wb, "Avancement")[..3],
        ["date", "objectif", "valeur"]
    );
    let settings = wb.worksheet_range("Paramètres").expect("Paramètres");
    let keys: Vec<String> = settings.rows().map(|r| r[0].to_string()).collect();
    assert_eq!(keys[..4], ["clé", "nom", "population", "périmètre"]);
    assert!(keys.contains(&"seuil prioritaire".to_owned()), "{keys:?}");
    // Untouched, the template has no data row anywhere (no example to delete).
    for name in &SHEETS[2..] {
        let range = wb.worksheet_range(name).expect("the sheet");
        assert_eq!(range.rows().count(), 1, "{name} holds only its header");
    }
    // Every header and setting carries a note saying what it is.
    let bytes = std::fs::read(&book).expect("the workbook");
    let zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let comments = zip
        .file_names()
        .flatten()
        .filter(|n| n.starts_with("xl/comments"))
        .count();
    assert_eq!(
        comments, 8,
        "a comments part per table sheet and Paramètres"
    );
}

#[test]
fn the_template_offers_drop_down_lists() {
    let (_dir, book) = init(&[]);
    // Sheets in order: 1 #Mode d'emploi, 2 Paramètres, 3 Domaines, 4 Objectifs, 5 Acteurs,
    // 6 Liens, 7 Avancement.
    let links = sheet_xml(&book, 6);
    assert!(links.contains("<dataValidation "), "{links}");
    assert!(
        links.contains("chef de file,chef de file pressenti"),
        "roles: {links}"
    );
    assert!(
        links.contains("ingénierie,accompagnement,financiers"),
        "means: {links}"
    );
    assert!(links.contains("Acteurs!$B$2:$B$2001"), "actors: {links}");
    assert!(
        links.contains("Objectifs!$A$2:$A$2001"),
        "objectives: {links}"
    );
    let objectives = sheet_xml(&book, 4);
    assert!(
        objectives.contains("Domaines!$A$2:$A$2001"),
        "domains: {objectives}"
    );
    assert!(objectives.contains("\"oui,non\""), "oui/non: {objectives}");
    // The header rows stay in view.
    for index in 2..=7 {
        assert!(
            sheet_xml(&book, index).contains("state=\"frozen\""),
            "sheet {index}"
        );
    }
}

#[test]
fn check_on_the_untouched_template_says_it_is_empty() {
    let (dir, _book) = init(&[]);
    let run = actormap()
        .current_dir(dir.path())
        .arg("check")
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    assert_eq!(
        stderr.lines().count(),
        1,
        "one clear line, no error about the template: {stderr}"
    );
    assert!(stderr.contains("territoire vide"), "{stderr}");
    assert!(
        stderr.contains("Domaines, Objectifs, Acteurs et Liens"),
        "{stderr}"
    );
    actormap()
        .current_dir(dir.path())
        .args(["check", "--lang", "en", "territoire.xlsx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("empty territory"));
}

#[test]
fn init_never_writes_over_a_file() {
    let (dir, book) = init(&[]);
    std::fs::write(&book, b"mine").expect("written");
    actormap()
        .current_dir(dir.path())
        .arg("init")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("territoire.xlsx"))
        .stderr(predicate::str::contains("existe déjà"));
    assert_eq!(std::fs::read(&book).expect("read"), b"mine");
    let names: Vec<_> = std::fs::read_dir(dir.path()).expect("the folder").collect();
    assert_eq!(names.len(), 1, "no temporary left beside it");
}

#[test]
fn init_writes_into_the_folder_given() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    actormap()
        .current_dir(dir.path())
        .args(["init", "nouveau/territoire"])
        .assert()
        .success();
    assert!(
        dir.path()
            .join("nouveau/territoire/territoire.xlsx")
            .is_file()
    );
}

/// A territory with every origin cleared: two copies read from different files compare equal.
fn without_origins(mut t: Territory) -> Territory {
    let blank = |origin: &mut actormap::error::Location| *origin = Default::default();
    t.edit(|t| t.origins_mut().for_each(blank));
    t.rules.values_mut().for_each(|r| blank(&mut r.origin));
    t
}

fn round_trip(source: &Path) {
    let original = load(source).unwrap_or_else(|e| panic!("{}: {e:?}", source.display()));
    let dir = tempfile::tempdir().expect("a temporary folder");
    actormap()
        .arg("init")
        .arg(dir.path())
        .arg("--from")
        .arg(source)
        .assert()
        .success();
    let mut again = load(&dir.path().join("territoire.xlsx"))
        .unwrap_or_else(|e| panic!("{} written back: {e:?}", source.display()));
    // Rule settings as check reads them: a list of one item written in a cell reads back as
    // its text ("cot-enr" for ["cot-enr"]), which check takes the same way.
    let config = |t: &Territory| actormap::check::Config::from_territory(t).expect("rules");
    assert_eq!(config(&again), config(&original), "{}", source.display());
    let mut original = original;
    for t in [&mut again, &mut original] {
        for setting in t.rules.values_mut() {
            if let serde_json::Value::Object(fields) = &mut setting.value {
                for value in fields.values_mut() {
                    if let serde_json::Value::Array(items) = value
                        && items.len() == 1
                    {
                        *value = items.remove(0);
                    }
                }
            }
        }
    }
    assert_eq!(
        without_origins(again),
        without_origins(original),
        "{} does not round-trip",
        source.display()
    );
}

#[test]
fn the_bundled_data_round_trips() {
    round_trip(&calaisis());
}

#[test]
fn the_fixtures_round_trip() {
    let mut sources = vec![
        fixture("status"),
        fixture("slides"),
        fixture("sheets/calaisis.xlsx"),
        fixture("exports/hostile.json"),
    ];
    let mut rules: Vec<PathBuf> = std::fs::read_dir(fixture("rules"))
        .expect("the rule fixtures")
        .map(|e| e.expect("an entry").path())
        .collect();
    rules.sort();
    sources.extend(rules);
    for source in sources {
        round_trip(&source);
    }
}

#[test]
fn the_built_in_example_is_written_with_from_alone() {
    let (_dir, book) = init(&["--from"]);
    let t = load(&book).expect("the workbook loads");
    assert_eq!(t.name, "Pays du Calaisis");
    assert_eq!(t.population, Some(152371));
    let bundled = load(&calaisis()).expect("the bundled data");
    assert_eq!(without_origins(t), without_origins(bundled));
}

#[test]
fn a_setting_given_twice_is_one_error_naming_both_places() {
    let (dir, book) = init(&["--from", &calaisis().display().to_string()]);
    std::fs::write(
        dir.path().join("territoire.json"),
        "{\n  \"population\": 150000\n}\n",
    )
    .expect("written");
    let run = crate::actormap_en()
        .current_dir(dir.path())
        .arg("check")
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    let twice: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("given twice"))
        .collect();
    assert_eq!(twice.len(), 1, "{stderr}");
    assert!(twice[0].contains("territoire.json:2"), "{stderr}");
    assert!(
        twice[0].contains("territoire.xlsx[Paramètres]:3"),
        "{stderr}"
    );
    assert!(book.is_file());
}

#[test]
fn the_settings_sheet_reports_bad_values_at_their_row() {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let bytes = {
        let ws = wb.add_worksheet();
        ws.set_name("Paramètres").expect("name");
        for (r, (k, v)) in [
            ("clé", "valeur"),
            ("population", "beaucoup"),
            ("seuil", "150 %"),
            ("couleur", "bleu"),
        ]
        .iter()
        .enumerate()
        {
            ws.write_string(r as u32, 0, *k).expect("cell");
            ws.write_string(r as u32, 1, *v).expect("cell");
        }
        for name in ["Domaines", "Objectifs", "Acteurs", "Liens"] {
            wb.add_worksheet().set_name(name).expect("name");
        }
        wb.save_to_buffer().expect("bytes")
    };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("t.xlsx");
    std::fs::write(&path, bytes).expect("written");
    let errors: Vec<String> = load(&path)
        .expect_err("bad settings")
        .iter()
        .map(|e| {
            e.render(actormap::i18n::Lang::En)
                .replace(&format!("{}", dir.path().display()), "")
        })
        .collect();
    let at = |row: usize| {
        errors
            .iter()
            .find(|e| e.contains(&format!("[Paramètres]:{row}:")))
    };
    assert!(
        at(2).is_some_and(|e| e.contains("not a number")),
        "{errors:?}"
    );
    assert!(
        at(3).is_some_and(|e| e.contains("between 0 and 1")),
        "{errors:?}"
    );
    assert!(
        at(4).is_some_and(|e| e.contains("unknown setting \"couleur\"")),
        "{errors:?}"
    );
}

#[test]
fn libreoffice_opens_the_template_with_its_sheets() {
    let Ok(soffice) = which("soffice") else {
        eprintln!(
            "SKIPPED: soffice (LibreOffice) is not installed; the template was not opened in LibreOffice"
        );
        return;
    };
    let (dir, book) = init(&["--from", &calaisis().display().to_string()]);
    let profile = dir.path().join("lo-profile");
    let out = dir.path().join("csv");
    let status = std::process::Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to"])
        // Every sheet, UTF-8, comma-separated: one CSV file per sheet.
        .arg("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1")
        .arg("--outdir")
        .arg(&out)
        .arg(&book)
        .output()
        .expect("soffice runs");
    assert!(status.status.success(), "{status:?}");
    let links =
        std::fs::read_to_string(out.join("territoire-Liens.csv")).expect("the Liens sheet as CSV");
    assert!(
        links.starts_with("acteur,objectif,rôle,moyens,note"),
        "{links}"
    );
    assert!(links.contains("chef de file"), "{links}");
    let settings =
        std::fs::read_to_string(out.join("territoire-Paramètres.csv")).expect("Paramètres");
    assert!(settings.contains("nom,Pays du Calaisis"), "{settings}");
}

fn which(program: &str) -> Result<PathBuf, ()> {
    std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|dir| dir.join(program))
        .find(|p| p.is_file())
        .ok_or(())
}

#[test]
fn a_settings_sheet_without_a_header_is_read_key_then_value() {
    // partial.ods: Domaines, and a sheet "Territoire" of two rows (nom, habitants).
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::copy(
        fixture("sheets/partial.ods"),
        dir.path().join("territoire.ods"),
    )
    .expect("copied");
    for (name, text) in [
        (
            "objectives.csv",
            "id;domain;title\nrenovation;DC1;Rénovations\n",
        ),
        ("actors.csv", "id;name\nademe;ADEME\n"),
        (
            "links.csv",
            "actor;objective;role\nademe;renovation;financeur\n",
        ),
    ] {
        std::fs::write(dir.path().join(name), text).expect("written");
    }
    let t = load(dir.path()).expect("loads");
    assert_eq!(t.name, "Pays du Calaisis");
    assert_eq!(t.population, Some(152371));
}
