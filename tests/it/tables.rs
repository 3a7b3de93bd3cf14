//! Tables for the minutes: `--format csv` and `--format xlsx` of `check`, `status`, `diff`
//! and `list`. CSV is read back with the csv crate in the dialect of the language (French
//! Excel: `;`, decimal comma, UTF-8 with BOM; English: `,`, decimal point, no BOM);
//! workbooks with calamine, against the JSON output of the same command.

use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader};
use serde_json::Value;

use crate::{actormap, calaisis, fixture, status_next, territory};

const BOM: &[u8] = "\u{feff}".as_bytes();

/// Standard output of a run that succeeds (exit 0, or 1 for `check` with errors).
fn stdout(args: &[OsString]) -> Vec<u8> {
    let out = actormap().args(args).output().unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn args(list: &[&str]) -> Vec<OsString> {
    list.iter().map(OsString::from).collect()
}

/// The four reports, each on data that gives it rows: (its arguments, its JSON or `None`).
fn reports(next: &Path) -> Vec<(&'static str, Vec<OsString>)> {
    let status = fixture("status").into_os_string();
    vec![
        ("check", vec!["check".into(), calaisis().into_os_string()]),
        ("status", vec!["status".into(), status.clone()]),
        (
            "diff",
            vec!["diff".into(), status, next.as_os_str().to_owned()],
        ),
        ("list", vec!["list".into(), calaisis().into_os_string()]),
    ]
}

/// The records of a CSV file in a delimiter, the header first.
fn records(bytes: &[u8], delimiter: u8) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(bytes)
        .records()
        .map(|r| r.expect("a CSV record").iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn french_csv_opens_in_columns_in_french_excel_and_english_csv_in_english_ones() {
    let next = status_next();
    for (name, args) in reports(next.path()) {
        let french = stdout(&[args.clone(), self::args(&["--format", "csv"])].concat());
        assert!(french.starts_with(BOM), "{name}: a BOM for French Excel");
        let rows = records(&french[BOM.len()..], b';');
        assert!(rows.len() > 1, "{name}: {rows:?}");
        let width = rows[0].len();
        assert!(
            width >= 5,
            "{name}: one column per cell, not one for all: {rows:?}"
        );
        assert!(
            rows.iter().all(|r| r.len() == width),
            "{name}: every row has the header's width"
        );

        let english = stdout(&[args, self::args(&["--format", "csv", "--lang", "en"])].concat());
        assert!(!english.starts_with(BOM), "{name}: no BOM in English");
        let en_rows = records(&english, b',');
        assert_eq!(en_rows.len(), rows.len(), "{name}");
        assert!(en_rows.iter().all(|r| r.len() == width), "{name}");
        assert_ne!(en_rows[0], rows[0], "{name}: the header is in the language");
    }
}

#[test]
fn numbers_take_a_decimal_comma_in_french_and_formulas_stay_text() {
    let status = fixture("status");
    let french = stdout(
        &[
            args(&["status"]),
            vec![status.clone().into_os_string()],
            args(&["--format", "csv"]),
        ]
        .concat(),
    );
    let rows = records(&french[BOM.len()..], b';');
    let friches = rows.iter().find(|r| r[0] == "friches").unwrap();
    assert_eq!(friches[6], "15,574", "{friches:?}");
    assert_eq!(friches[9], "59,9", "{friches:?}");
    assert_eq!(friches[8], "31/12/2022", "a French date: {friches:?}");
    let english = stdout(
        &[
            args(&["status"]),
            vec![status.into_os_string()],
            args(&["--format", "csv", "--lang", "en"]),
        ]
        .concat(),
    );
    let rows = records(&english, b',');
    let friches = rows.iter().find(|r| r[0] == "friches").unwrap();
    assert_eq!(friches[6], "15.574", "{friches:?}");
    assert_eq!(friches[8], "2022-12-31", "{friches:?}");

    // A title a spreadsheet would run as a formula is text, in every report.
    let hostile = territory(&[
        ("domains.csv", b"id;name\nDC1;Domaine\n"),
        (
            "objectives.csv",
            "id;domain;title;target;unit\nobj;DC1;\"=HYPERLINK(\"\"http://x\"\";\"\"clic\"\")\";5;@x\n"
                .as_bytes(),
        ),
        ("actors.csv", b"id;name\nevil;+33 3 21\n"),
        ("links.csv", b"actor;objective;role\nevil;obj;financeur\n"),
    ]);
    let status = stdout(
        &[
            args(&["status"]),
            vec![hostile.path().as_os_str().to_owned()],
            args(&["--format", "csv"]),
        ]
        .concat(),
    );
    let rows = records(&status[BOM.len()..], b';');
    assert_eq!(rows[1][1], "'=HYPERLINK(\"http://x\";\"clic\")");
    assert_eq!(rows[1][5], "'@x");
    let list = stdout(
        &[
            args(&["list"]),
            vec![hostile.path().as_os_str().to_owned()],
            args(&["--format", "csv"]),
        ]
        .concat(),
    );
    let rows = records(&list[BOM.len()..], b';');
    assert_eq!(rows[1][2], "'=HYPERLINK(\"http://x\";\"clic\")");
    assert_eq!(rows[1][10], "'+33 3 21", "{rows:?}");
}

/// The first sheet of a workbook, every row.
fn sheet(path: &Path) -> Vec<Vec<Data>> {
    let mut book = calamine::open_workbook_auto(path).expect("calamine opens it");
    let range = book
        .worksheet_range_at(0)
        .expect("a sheet")
        .expect("a readable sheet");
    range.rows().map(<[Data]>::to_vec).collect()
}

fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => panic!("text expected, found {other:?}"),
    }
}

fn number(cell: &Data) -> Option<f64> {
    match cell {
        Data::Float(f) => Some(*f),
        Data::Int(i) => Some(*i as f64),
        Data::Empty => None,
        other => panic!("a number expected, found {other:?}"),
    }
}

/// A day cell as `2022-12-31`: a real date, not a text.
fn day(cell: &Data) -> Option<String> {
    match cell {
        Data::DateTime(d) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            Some(format!("{y:04}-{m:02}-{day:02}"))
        }
        Data::Empty => None,
        other => panic!("a date expected, found {other:?}"),
    }
}

/// The share `status` writes for a ratio: a percentage cut to one decimal.
fn cut(ratio: &Value) -> Option<f64> {
    ratio.as_f64().map(|r| (r * 1000.0 + 1e-6).floor() / 10.0)
}

/// Write a report's workbook to `dir/name` and its JSON, in `lang`.
fn workbook_and_json(args: &[OsString], dir: &Path, name: &str, lang: &str) -> (PathBuf, Value) {
    let path = dir.join(name);
    let said = stdout(
        &[
            args.to_vec(),
            self::args(&["--format", "xlsx", "--lang", lang, "--out"]),
            vec![path.clone().into_os_string()],
        ]
        .concat(),
    );
    let said = String::from_utf8(said).unwrap();
    let wrote = if lang == "fr" {
        "écrit\u{a0}: "
    } else {
        "wrote "
    };
    assert_eq!(said, format!("{wrote}{}\n", path.display()));
    // `list` has no JSON.
    if args[0] == "list" {
        return (path, Value::Null);
    }
    let json = stdout(
        &[
            args.to_vec(),
            self::args(&["--format", "json", "--lang", lang]),
        ]
        .concat(),
    );
    (path, serde_json::from_slice(&json).expect("JSON"))
}

#[test]
fn a_status_workbook_holds_the_json_s_numbers_and_real_dates() {
    let dir = tempfile::tempdir().unwrap();
    let status = args(&["status", fixture("status").to_str().unwrap()]);
    for lang in ["fr", "en"] {
        let (path, json) = workbook_and_json(&status, dir.path(), &format!("{lang}.xlsx"), lang);
        let rows = sheet(&path);
        let objectives = json["objectives"].as_array().unwrap();
        assert_eq!(rows.len(), objectives.len() + 1, "the header, one row each");
        let header: Vec<String> = rows[0].iter().map(text).collect();
        assert_eq!(
            header[0],
            if lang == "fr" {
                "Objectif"
            } else {
                "Objective"
            }
        );
        for (row, o) in rows[1..].iter().zip(objectives) {
            assert_eq!(text(&row[0]), o["id"].as_str().unwrap());
            assert_eq!(text(&row[1]), o["title"].as_str().unwrap());
            assert_eq!(
                number(&row[4]),
                o["target"].as_f64(),
                "target of {}",
                o["id"]
            );
            assert_eq!(number(&row[6]), o["value"].as_f64(), "value of {}", o["id"]);
            assert_eq!(
                day(&row[8]),
                o["source"]["date"].as_str().map(str::to_owned),
                "date of {}",
                o["id"]
            );
            assert_eq!(number(&row[9]), cut(&o["ratio"]), "share of {}", o["id"]);
            assert_eq!(number(&row[10]), cut(&o["threshold"]));
            assert_eq!(number(&row[13]), o["projection"]["value"].as_f64());
            assert_eq!(
                day(&row[12]),
                o["projection"]["date"].as_str().map(str::to_owned)
            );
        }
        let friches = rows.iter().find(|r| text(&r[0]) == "friches").unwrap();
        let standing = text(&friches[16]);
        assert_eq!(standing, if lang == "fr" { "en retard" } else { "behind" });
    }
}

#[test]
fn check_diff_and_list_workbooks_hold_what_the_other_formats_hold() {
    let dir = tempfile::tempdir().unwrap();
    let next = status_next();
    for lang in ["fr", "en"] {
        let check = args(&["check", calaisis().to_str().unwrap()]);
        let (path, json) = workbook_and_json(&check, dir.path(), "check.xlsx", lang);
        let rows = sheet(&path);
        let findings = json.as_array().unwrap();
        assert_eq!(rows.len(), findings.len() + 1);
        for (row, f) in rows[1..].iter().zip(findings) {
            assert_eq!(text(&row[1]), f["rule"].as_str().unwrap());
            assert_eq!(text(&row[2]), f["message"].as_str().unwrap());
            assert_eq!(text(&row[3]), f["hint"].as_str().unwrap_or_default());
        }
        let severity = text(&rows[1][0]);
        assert_eq!(severity, if lang == "fr" { "erreur" } else { "error" });

        let diff = args(&[
            "diff",
            fixture("status").to_str().unwrap(),
            next.path().to_str().unwrap(),
        ]);
        let (path, json) = workbook_and_json(&diff, dir.path(), "diff.xlsx", lang);
        let rows = sheet(&path);
        let count = |key: &str| json[key].as_array().map_or(0, Vec::len);
        let changes = [
            "actors_added",
            "actors_removed",
            "objectives_added",
            "objectives_removed",
            "roles",
            "findings_appeared",
            "findings_resolved",
            "progress",
        ]
        .iter()
        .map(|k| count(k))
        .sum::<usize>()
            + usize::from(!json["bonus"].is_null());
        assert_eq!(rows.len(), changes + 1);
        let progress = json["progress"].as_array().unwrap();
        assert_eq!(progress.len(), 3, "{progress:#?}");
        for p in progress {
            let row = rows
                .iter()
                .find(|r| {
                    text(&r[1]) == p["objective"].as_str().unwrap() && number(&r[6]).is_some()
                })
                .unwrap();
            assert_eq!(number(&row[5]), p["old"]["value"].as_f64());
            assert_eq!(number(&row[6]), p["new"]["value"].as_f64());
            assert_eq!(number(&row[7]), cut(&p["old"]["ratio"]));
            assert_eq!(number(&row[8]), cut(&p["new"]["ratio"]));
        }

        // `list` has no JSON: its workbook holds what its CSV holds.
        let list = args(&["list", fixture("status").to_str().unwrap()]);
        let (path, _) = workbook_and_json(&list, dir.path(), "list.xlsx", lang);
        let rows = sheet(&path);
        let csv = stdout(
            &[
                list.clone(),
                self::args(&["--format", "csv", "--lang", lang]),
            ]
            .concat(),
        );
        let (csv, delimiter) = match csv.strip_prefix(BOM) {
            Some(rest) => (rest.to_vec(), b';'),
            None => (csv, b','),
        };
        let csv = records(&csv, delimiter);
        assert_eq!(rows.len(), csv.len());
        for (row, record) in rows.iter().zip(&csv) {
            assert_eq!(text(&row[1]), record[1]);
            assert_eq!(text(&row[10]), record[10]);
        }
        let haies = rows.iter().find(|r| text(&r[1]) == "haies").unwrap();
        assert_eq!(number(&haies[5]), Some(50.0));
        assert_eq!(number(&haies[7]), Some(30.0));
        assert_eq!(day(&haies[8]).as_deref(), Some("2022-12-31"));
    }
}

/// A part of a workbook (a zip of XML parts), as text.
fn part(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn workbooks_are_the_same_bytes_every_time_with_a_frozen_filtered_header_and_colours() {
    let dir = tempfile::tempdir().unwrap();
    let next = status_next();
    for (name, args) in reports(next.path()) {
        let mut written = Vec::new();
        for run in ["a", "b"] {
            let path = dir.path().join(format!("{name}-{run}.xlsx"));
            stdout(
                &[
                    args.clone(),
                    self::args(&["--format", "xlsx", "--out"]),
                    vec![path.clone().into_os_string()],
                ]
                .concat(),
            );
            written.push(path);
        }
        let bytes: Vec<Vec<u8>> = written.iter().map(|p| std::fs::read(p).unwrap()).collect();
        assert!(
            bytes[0] == bytes[1],
            "{name}: two runs, two different files"
        );
        let sheet = part(&written[0], "xl/worksheets/sheet1.xml");
        assert!(sheet.contains("state=\"frozen\""), "{name}: {sheet}");
        assert!(sheet.contains("<autoFilter ref=\"A1:"), "{name}: {sheet}");
        assert!(sheet.contains("<col "), "{name}: column widths");
        let core = part(&written[0], "docProps/core.xml");
        assert!(
            core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2000-01-01T00:00:00Z"),
            "{core}"
        );
        let styles = part(&written[0], "xl/styles.xml");
        if name == "status" {
            assert!(styles.contains("formatCode=\"dd/mm/yyyy\""), "{styles}");
            // The standings' colours: met green, behind amber.
            assert!(
                styles.contains("FFC6EFCE") && styles.contains("FFFFEB9C"),
                "{styles}"
            );
        }
        if name == "check" {
            // Errors red, warnings amber, information blue.
            for fill in ["FFFFC7CE", "FFFFEB9C", "FFDDEBF7"] {
                assert!(styles.contains(fill), "{fill}: {styles}");
            }
        }
    }
    // English dates in an English workbook.
    let path = dir.path().join("en.xlsx");
    stdout(
        &[
            args(&[
                "status",
                fixture("status").to_str().unwrap(),
                "--lang",
                "en",
            ]),
            args(&["--format", "xlsx", "--out"]),
            vec![path.clone().into_os_string()],
        ]
        .concat(),
    );
    assert!(part(&path, "xl/styles.xml").contains("formatCode=\"yyyy-mm-dd\""));
}

#[test]
fn a_workbook_is_never_written_to_a_terminal() {
    let out = crate::actormap_en()
        .args([
            "status",
            "actors/calaisis",
            "--format",
            "xlsx",
            "--out",
            "-",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: a workbook is not written to standard output; give --out FILE (e.g. --out status.xlsx)\n"
    );

    // Without --out: a workbook named after the report, in the current folder.
    let here = tempfile::tempdir().unwrap();
    for (lang, name, said) in [
        (
            "fr",
            "etat-avancement.xlsx",
            "écrit\u{a0}: etat-avancement.xlsx\n",
        ),
        ("en", "status.xlsx", "wrote status.xlsx\n"),
    ] {
        let out = actormap()
            .current_dir(here.path())
            .args(["status", "--format", "xlsx", "--lang", lang])
            .arg(calaisis())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(String::from_utf8(out.stdout).unwrap(), said);
        assert!(here.path().join(name).is_file());
    }
    for (command, name) in [("check", "constats.xlsx"), ("list", "acteurs-roles.xlsx")] {
        actormap()
            .current_dir(here.path())
            .args([command, "--format", "xlsx"])
            .arg(calaisis())
            .output()
            .unwrap();
        assert!(here.path().join(name).is_file(), "{command}");
    }
}

#[test]
fn out_writes_any_format_to_a_file_whole_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cr/avancement.csv");
    let out = actormap()
        .args([
            "status",
            "tests/fixtures/status",
            "--format",
            "csv",
            "--out",
        ])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("écrit\u{a0}: {}\n", path.display())
    );
    let printed = stdout(&args(&[
        "status",
        "tests/fixtures/status",
        "--format",
        "csv",
    ]));
    assert_eq!(std::fs::read(&path).unwrap(), printed);

    let md = dir.path().join("constats.md");
    let out = actormap()
        .args(["check", "--format", "markdown", "--out"])
        .arg(&md)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "check's exit code stays");
    assert!(
        std::fs::read_to_string(&md)
            .unwrap()
            .starts_with("| Gravité |")
    );
    let left: Vec<_> = std::fs::read_dir(dir.path().join("cr"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["avancement.csv"], "no temporary file left");

    // A folder is not a file.
    let out = actormap()
        .args(["list", "--format", "xlsx", "--out"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("donnez un nom de fichier"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every sheet of a workbook: its name and rows.
fn sheets(path: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut book = calamine::open_workbook_auto(path).expect("calamine opens it");
    let names = book.sheet_names().to_vec();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("a readable sheet");
            (name, range.rows().map(<[Data]>::to_vec).collect())
        })
        .collect()
}

/// `list`'s CSV of one table, parsed in the dialect of `lang`.
fn list_csv(territory: &Path, table: &str, lang: &str) -> Vec<Vec<String>> {
    let csv = stdout(&[
        "list".into(),
        territory.as_os_str().to_owned(),
        "--format".into(),
        "csv".into(),
        "--table".into(),
        table.into(),
        "--lang".into(),
        lang.into(),
    ]);
    match csv.strip_prefix(BOM) {
        Some(rest) => records(rest, b';'),
        None => records(&csv, b','),
    }
}

#[test]
fn list_writes_the_actions_and_the_bodies_as_tables_with_the_loaded_values() {
    use actormap::model::Scope;
    let excel = fixture("excel-fr");
    let t = actormap::load::load(&excel).expect("the fixture loads");
    let name = |id: &String| t.actor(id).unwrap().name.clone();
    let names = |ids: &[String]| ids.iter().map(name).collect::<Vec<_>>().join(", ");
    for (lang, date) in [("fr", "%d/%m/%Y"), ("en", "%Y-%m-%d")] {
        let rows = list_csv(&excel, "actions", lang);
        assert_eq!(rows.len(), t.actions().len() + 1, "{lang}: {rows:?}");
        let header = &rows[0];
        assert_eq!(header.len(), 11);
        assert_eq!(header[3], if lang == "fr" { "Porteurs" } else { "Bearers" });
        for a in t.actions() {
            let row = rows.iter().find(|r| r[2] == a.title).expect(&a.title);
            let (domain, objective) = match &a.scope {
                Scope::Objective(o) => (t.objective(o).unwrap().domain.clone(), o.to_string()),
                Scope::Domain(d) => (d.to_string(), String::new()),
            };
            assert_eq!((&row[0], &row[1]), (&domain, &objective), "{}", a.title);
            assert_eq!(row[3], names(&a.bearers));
            let status = a
                .status
                .word(actormap::i18n::Lang::from_word(lang).unwrap());
            assert_eq!(row[4], status);
            assert_eq!(row[5], a.source.clone().unwrap_or_default());
            assert_eq!(row[6], names(&a.perimeter));
            let day = |d: Option<jiff::civil::Date>| {
                d.map(|d| d.strftime(date).to_string()).unwrap_or_default()
            };
            assert_eq!((&row[7], &row[8]), (&day(a.start), &day(a.end)));
            assert_eq!(row[9], a.budget.map(|b| b.to_string()).unwrap_or_default());
            assert_eq!(row[10], a.note.clone().unwrap_or_default());
        }
    }
    let pna = list_csv(&excel, "actions", "fr")
        .into_iter()
        .find(|r| r[2].starts_with("Appel à projet"))
        .unwrap();
    assert_eq!(
        pna[3..10],
        [
            "CIAS, CCPO",
            "en cours",
            "acteurs du territoire",
            "CCPO",
            "",
            "",
            "15000"
        ]
    );

    let c = actormap::load::load(&calaisis()).unwrap();
    let rows = list_csv(&calaisis(), "bodies", "fr");
    assert_eq!(
        rows[0],
        [
            "Instance",
            "Type",
            "Animateur",
            "Membres",
            "Rend compte à",
            "Note"
        ]
    );
    assert_eq!(rows.len(), c.bodies().len() + 1);
    for (row, b) in rows[1..].iter().zip(c.bodies()) {
        assert_eq!(row[0], b.name);
        assert_eq!(
            row[2],
            b.chair.as_ref().map(name_in(&c)).unwrap_or_default()
        );
        assert_eq!(
            row[3],
            b.members
                .iter()
                .map(name_in(&c))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let parent = b.parent.as_ref().map(|p| c.body(p).unwrap().name.clone());
        assert_eq!(row[4], parent.unwrap_or_default());
    }
    assert_eq!(rows[2][4], "COPIL", "the COTECH reports to the COPIL");
}

fn name_in(t: &actormap::model::Territory) -> impl Fn(&String) -> String + '_ {
    |id| t.actor(id).unwrap().name.clone()
}

#[test]
fn a_list_workbook_holds_a_sheet_per_table_the_territory_has() {
    let dir = tempfile::tempdir().unwrap();
    let excel = fixture("excel-fr");
    for lang in ["fr", "en"] {
        let path = dir.path().join(format!("liste-{lang}.xlsx"));
        stdout(&[
            "list".into(),
            excel.as_os_str().to_owned(),
            "--format".into(),
            "xlsx".into(),
            "--lang".into(),
            lang.into(),
            "--out".into(),
            path.as_os_str().to_owned(),
        ]);
        let book = sheets(&path);
        let titles: Vec<&str> = book.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            titles,
            if lang == "fr" {
                ["Acteurs et rôles", "Actions", "Instances"]
            } else {
                ["Actors and roles", "Actions", "Bodies"]
            }
        );
        // Each sheet holds what the CSV of its table holds, numbers and days as such.
        for ((_, rows), table) in book.iter().zip(["roles", "actions", "bodies"]) {
            let csv = list_csv(&excel, table, lang);
            assert_eq!(rows.len(), csv.len(), "{table}");
            assert_eq!(rows[0].iter().map(text).collect::<Vec<_>>(), csv[0]);
            if table == "bodies" {
                for (row, record) in rows.iter().zip(&csv) {
                    assert_eq!(row.iter().map(text).collect::<Vec<_>>(), *record);
                }
            }
        }
        let actions = &book[1].1;
        let pna = actions
            .iter()
            .find(|r| text(&r[2]).starts_with("Appel à projet"))
            .unwrap();
        assert_eq!(text(&pna[3]), "CIAS, CCPO");
        assert_eq!(number(&pna[9]), Some(15000.0));
        let assises = actions
            .iter()
            .find(|r| text(&r[2]) == "Assises de l'alimentation")
            .unwrap();
        assert_eq!(day(&assises[7]).as_deref(), Some("2022-03-01"));
        assert_eq!(
            text(&assises[4]),
            if lang == "fr" { "en cours" } else { "ongoing" }
        );
        let cot = actions
            .iter()
            .find(|r| text(&r[2]) == "COT ENR du PNRCMO")
            .unwrap();
        assert_eq!(day(&cot[8]).as_deref(), Some("2023-12-31"));
        // Every sheet frozen and filtered, like the other reports.
        for n in 1..=3 {
            let xml = part(&path, &format!("xl/worksheets/sheet{n}.xml"));
            assert!(xml.contains("state=\"frozen\""), "sheet {n}");
            assert!(xml.contains("<autoFilter ref=\"A1:"), "sheet {n}");
        }
    }
    // A territory without actions nor bodies gets the one sheet it always got.
    let path = dir.path().join("status.xlsx");
    stdout(&args(&[
        "list",
        fixture("status").to_str().unwrap(),
        "--format",
        "xlsx",
        "--out",
        path.to_str().unwrap(),
    ]));
    assert_eq!(sheets(&path).len(), 1);
}

#[test]
fn list_table_names_its_workbook_and_is_refused_with_text() {
    let here = tempfile::tempdir().unwrap();
    for (lang, table, name) in [
        ("fr", "actions", "actions-porteurs.xlsx"),
        ("fr", "bodies", "instances-gouvernance.xlsx"),
        ("en", "actions", "actions-bearers.xlsx"),
    ] {
        let out = actormap()
            .current_dir(here.path())
            .args(["list", "--format", "xlsx", "--table", table, "--lang", lang])
            .arg(calaisis())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let book = sheets(&here.path().join(name));
        assert_eq!(book.len(), 1, "{name}");
    }
    let out = actormap()
        .args(["list", "--table", "actions"])
        .arg(calaisis())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "erreur\u{a0}: --table choisit un tableau de --format csv ou xlsx\u{a0}; le texte liste déjà tout\n"
    );
}
