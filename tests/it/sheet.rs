//! Workbooks (.xlsx, .ods): a territory kept as one spreadsheet loads like its CSV tables, and
//! its errors name the file, the sheet and the row.

use std::path::Path;

use actormap::error::{LoadError, Location};
use actormap::i18n::Lang;
use actormap::load::load;
use actormap::model::Territory;
use predicates::prelude::*;

use crate::{actormap, calaisis, fixture};

/// A territory with every record's origin blanked, to compare loads from different formats.
fn without_origins(mut t: Territory) -> Territory {
    let blank = Location::default;
    t.edit(|t| t.origins_mut().for_each(|o| *o = blank()));
    t.rules.values_mut().for_each(|r| r.origin = blank());
    t
}

/// The load errors of a path, as printed, with the fixtures folder cut off.
fn errors(path: &Path) -> Vec<String> {
    let prefix = format!("{}/", fixture("sheets").display());
    match load(path) {
        Ok(_) => panic!("expected load errors in {}", path.display()),
        Err(errors) => errors
            .iter()
            .map(|e: &LoadError| e.render(Lang::En).replace(&prefix, ""))
            .collect(),
    }
}

/// A folder holding copies of fixture files under new names.
fn folder(files: &[(&Path, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (from, to) in files {
        std::fs::copy(from, dir.path().join(to)).expect("fixture copied");
    }
    dir
}

#[test]
fn the_calaisis_workbook_loads_like_the_csv_folder() {
    let csv = without_origins(load(&calaisis()).expect("the CSV folder loads"));
    assert!(!csv.links().is_empty());
    for book in ["calaisis.xlsx", "calaisis.ods"] {
        let t = load(&fixture("sheets").join(book)).unwrap_or_else(|e| panic!("{book}: {e:?}"));
        // Records say which sheet and row they come from; the links' header is on row 3.
        let first_link = &t.links()[0].origin;
        assert!(
            first_link.file.ends_with(&format!("{book}[Liens]")),
            "{first_link}"
        );
        assert_eq!(first_link.line, 4);
        assert_eq!(t.actors()[0].origin.line, 2);
        // Numbers typed as numbers (1500, 0.6...) read as the CSV text did.
        assert_eq!(without_origins(t), csv, "{book}");
    }
}

#[test]
fn a_folder_with_a_territory_workbook_loads_it() {
    let sheets = fixture("sheets");
    let dir = folder(&[
        (&sheets.join("calaisis.ods"), "Territoire.ods"),
        (&calaisis().join("territory.json"), "territory.json"),
    ]);
    let t = load(dir.path()).expect("the folder loads");
    assert_eq!(t.name, "Pays du Calaisis");
    assert_eq!(
        without_origins(t),
        without_origins(load(&calaisis()).unwrap())
    );
}

#[test]
fn a_workbook_open_in_excel_still_loads() {
    // Excel keeps an owner file "~$territoire.xlsx" beside a workbook while it is open, and
    // LibreOffice a lock ".~lock.territoire.xlsx#": neither is a second workbook.
    let sheets = fixture("sheets");
    let dir = folder(&[
        (&sheets.join("calaisis.xlsx"), "territoire.xlsx"),
        (&calaisis().join("territory.json"), "territory.json"),
    ]);
    std::fs::write(dir.path().join("~$territoire.xlsx"), b"\x0bowner").unwrap();
    std::fs::write(dir.path().join(".~lock.territoire.xlsx#"), b"lock").unwrap();
    let t = load(dir.path()).expect("the folder loads while the workbook is open");
    assert_eq!(
        without_origins(t),
        without_origins(load(&calaisis()).unwrap())
    );
}

#[test]
fn a_table_in_both_a_csv_file_and_the_workbook_is_an_error() {
    let dir = folder(&[
        (&fixture("sheets").join("calaisis.xlsx"), "territory.xlsx"),
        (&calaisis().join("links.csv"), "liens.csv"),
        // The perimeter its objectives' scope "tout" refers to.
        (&calaisis().join("territory.json"), "territory.json"),
    ]);
    let prefix = format!("{}/", dir.path().display());
    let errors: Vec<String> = load(dir.path())
        .expect_err("a table given twice")
        .iter()
        .map(|e| e.render(Lang::En).replace(&prefix, ""))
        .collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].contains("the links table is given more than once (liens.csv, territory.xlsx)"),
        "{errors:#?}"
    );
}

#[test]
fn a_folder_with_two_workbooks_is_an_error() {
    let sheets = fixture("sheets");
    let dir = folder(&[
        (&sheets.join("calaisis.xlsx"), "territory.xlsx"),
        (&sheets.join("calaisis.ods"), "territoire.ods"),
    ]);
    let errors = load(dir.path()).expect_err("two workbooks");
    assert!(
        errors
            .iter()
            .any(|e| e.message.render(Lang::En).starts_with("several workbooks")),
        "{errors:#?}"
    );
}

#[test]
fn bad_cells_name_the_sheet_the_row_and_the_column() {
    for (book, target) in [
        (
            "broken.xlsx",
            "cell D2 holds the error #DIV/0!; expected a value (fix the formula or type the value)",
        ),
        // calamine reads an ODS error cell as its text: still an error, as a bad number.
        ("broken.ods", "\"#DIV/0!\" is not a number"),
    ] {
        let errors = errors(&fixture("sheets").join(book));
        assert_eq!(errors.len(), 3, "{errors:#?}");
        assert!(
            errors[0].starts_with(&format!(
                "{book}[Feuil1]: unknown sheet \"Feuil1\"; expected domains, domaines, objectives"
            )),
            "{errors:#?}"
        );
        // The links' header is on row 3: the fourth link is on row 6 of its sheet.
        assert!(
            errors[1].starts_with(&format!(
                "{book}[Liens]:6: column \"role\": unknown role \"chef de flie\""
            )),
            "{errors:#?}"
        );
        assert!(
            errors[2].starts_with(&format!("{book}[Objectifs]:2: column \"target\": {target}")),
            "{errors:#?}"
        );
    }
}

#[test]
fn date_cells_in_the_progress_sheet_are_dates() {
    let t = load(&fixture("sheets").join("progress.xlsx")).expect("loads");
    let dates: Vec<String> = t.progress().iter().map(|m| m.date.to_string()).collect();
    assert_eq!(dates, ["2022-06-30", "2022-12-31"]);
    assert_eq!(t.progress()[1].value, 900.0);
    assert!(
        t.progress()[0]
            .origin
            .file
            .ends_with("progress.xlsx[Avancement]")
    );
    assert_eq!(t.progress()[0].origin.line, 2);
}

#[test]
fn check_reads_a_workbook_and_finds_regal_without_a_lead() {
    actormap()
        .args(["check", "tests/fixtures/sheets/calaisis.xlsx"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "erreur[missing-lead]\u{a0}: l'objectif regal «\u{a0}Mise en œuvre d'un REseau de Lutte contre le Gaspillage ALimentaire (REGAL)\u{a0}» n'a pas de chef de file\u{a0}; candidats\u{a0}: SEVADEC, SyMPaC, Les 3 EPCI\n  --> tests/fixtures/sheets/calaisis.xlsx[Objectifs]:4",
        ));
}

#[test]
fn a_broken_workbook_is_bad_input() {
    crate::actormap_en()
        .args(["check", "tests/fixtures/sheets/broken.xlsx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: tests/fixtures/sheets/broken.xlsx[Liens]:6: column \"role\"",
        ));
}

#[test]
fn a_workbook_without_a_table_s_sheet_and_with_settings_in_a_sheet() {
    let errors = errors(&fixture("sheets").join("partial.ods"));
    assert_eq!(
        errors,
        [
            "partial.ods: missing sheet; expected a sheet named objectives or objectifs",
            "partial.ods: missing sheet; expected a sheet named actors or acteurs",
            "partial.ods: missing sheet; expected a sheet named links or liens or roles",
            // Its settings sheet (no header: key, value) gives what territory.json beside it does.
            "partial.ods[Territoire]:1: the setting \"name\" (nom) is given twice (territory.json:2 and partial.ods[Territoire]:1); keep one",
            "partial.ods[Territoire]:2: the setting \"population\" is given twice (territory.json:3 and partial.ods[Territoire]:2); keep one",
        ]
    );
}

#[test]
fn in_a_folder_a_missing_sheet_may_be_a_csv_file_and_a_bad_sheet_is_not_missing() {
    let sheets = fixture("sheets");
    let dir = folder(&[
        (&sheets.join("partial.ods"), "territoire.ods"),
        (&calaisis().join("actors.csv"), "acteurs.csv"),
    ]);
    let missing: Vec<String> = load(dir.path())
        .expect_err("tables are missing")
        .iter()
        .map(|e| e.message.render(Lang::En))
        .filter(|m| m.starts_with("missing"))
        .collect();
    assert_eq!(
        missing,
        [
            "missing sheet; expected a sheet named objectives or objectifs (or objectives.csv beside the workbook)",
            "missing sheet; expected a sheet named links or liens or roles (or links.csv beside the workbook)",
        ]
    );

    // The objectives sheet holds an error cell: reported once, not also as missing.
    let dir = folder(&[
        (&sheets.join("broken.xlsx"), "territory.xlsx"),
        (&calaisis().join("territory.json"), "territory.json"),
    ]);
    let errors = load(dir.path()).expect_err("broken");
    assert_eq!(errors.len(), 3, "{errors:#?}");
}

/// A minimal .xlsx workbook: each sheet a name and rows of text cells (inline strings).
pub fn xlsx(sheets: &[(&str, &[&[&str]])]) -> Vec<u8> {
    use std::io::Write;
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const PKG: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
    let mut files: Vec<(String, String)> = Vec::new();
    let overrides: String = (1..=sheets.len())
        .map(|i| format!("<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"))
        .collect();
    files.push(("[Content_Types].xml".into(), format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>{overrides}</Types>"
    )));
    files.push(("_rels/.rels".into(), format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"{PKG}\"><Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
    )));
    let mut entries = String::new();
    let mut rels = String::new();
    for (i, (name, rows)) in sheets.iter().enumerate() {
        let n = i + 1;
        entries.push_str(&format!(
            "<sheet name=\"{}\" sheetId=\"{n}\" r:id=\"rId{n}\"/>",
            escape(name)
        ));
        rels.push_str(&format!("<Relationship Id=\"rId{n}\" Type=\"{REL}/worksheet\" Target=\"worksheets/sheet{n}.xml\"/>"));
        let mut data = String::new();
        for (r, row) in rows.iter().enumerate() {
            data.push_str(&format!("<row r=\"{}\">", r + 1));
            for (c, text) in row.iter().enumerate() {
                if text.is_empty() {
                    continue;
                }
                let column = (b'A' + c as u8) as char;
                data.push_str(&format!(
                    "<c r=\"{column}{}\" t=\"inlineStr\"><is><t>{}</t></is></c>",
                    r + 1,
                    escape(text)
                ));
            }
            data.push_str("</row>");
        }
        files.push((format!("xl/worksheets/sheet{n}.xml"), format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{MAIN}\"><sheetData>{data}</sheetData></worksheet>"
        )));
    }
    files.push(("xl/workbook.xml".into(), format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{MAIN}\" xmlns:r=\"{REL}\"><sheets>{entries}</sheets></workbook>"
    )));
    files.push(("xl/_rels/workbook.xml.rels".into(), format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"{PKG}\">{rels}</Relationships>"
    )));
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, contents) in files {
        out.start_file(name, stored).expect("zip entry");
        out.write_all(contents.as_bytes()).expect("zip written");
    }
    out.finish().expect("zip finished").into_inner()
}

/// The small territory of these tests as sheets: French names, one row each.
const DOMAINES: &[&[&str]] = &[&["id", "nom"], &["DC1", "Bâtiment"]];
const OBJECTIFS: &[&[&str]] = &[
    &["id", "domaine", "titre", "cible"],
    &["renovation", "DC1", "Rénovations", "1500"],
];
const ACTEURS: &[&[&str]] = &[&["nom"], &["SEVADEC"], &["ADEME"]];

#[test]
fn a_title_above_a_sheet_s_header_is_skipped_with_a_note() {
    let liens: &[&[&str]] = &[
        &["Rôles des acteurs du COT TRI"],
        &[],
        &["acteur", "objectif", "rôle"],
        &["SEVADEC", "renovation", "chef de file"],
        &["ADEME", "renovation", "financeur"],
    ];
    let book = xlsx(&[
        ("Domaines", DOMAINES),
        ("Objectifs", OBJECTIFS),
        ("Acteurs", ACTEURS),
        ("Liens", liens),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("territoire.xlsx");
    std::fs::write(&path, book).unwrap();
    let t = load(&path).expect("loads");
    let lines: Vec<usize> = t.links().iter().map(|l| l.origin.line).collect();
    assert_eq!(lines, [4, 5]);
    crate::actormap_en()
        .arg("list")
        .arg(&path)
        .assert()
        .success()
        .stderr(format!(
            "note: {}[Liens]:3: the header is line 3; line 1 above it (\"Rôles des acteurs du COT TRI\") skipped as a title\n",
            path.display()
        ));
}

#[test]
fn a_sheet_without_a_header_is_one_error_in_the_sheet_s_language() {
    let liens: &[&[&str]] = &[
        &["Rôles des acteurs du COT TRI"],
        &["SEVADEC", "renovation", "chef de file"],
        &["ADEME", "renovation", "financeur"],
    ];
    let book = xlsx(&[
        ("Domaines", DOMAINES),
        ("Objectifs", OBJECTIFS),
        ("Acteurs", ACTEURS),
        ("Liens", liens),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("territoire.xlsx");
    std::fs::write(&path, book).unwrap();
    let errors: Vec<String> = load(&path)
        .expect_err("no header")
        .iter()
        .map(|e| {
            e.render(Lang::En)
                .replace(&format!("{}/", dir.path().display()), "")
        })
        .collect();
    assert_eq!(
        errors,
        [
            "territoire.xlsx[Liens]:1: no line reads as the header of the links table (line 1 holds \"Rôles des acteurs du COT TRI\"); expected a line naming its columns: acteur, objectif, rôle, moyens, note"
        ]
    );
}
