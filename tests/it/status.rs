//! `actormap status` and the `bonus-at-risk` rule: thresholds, qualitative objectives,
//! projections, `--at`, the amounts at stake, and bad progress data.

use serde_json::Value;

use crate::{actormap, calaisis, fixture, territory};

fn status_json(args: &[&str]) -> Value {
    let out = actormap()
        .arg("status")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("status --format json prints JSON")
}

fn objective<'a>(status: &'a Value, id: &str) -> &'a Value {
    status["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["id"] == id)
        .unwrap_or_else(|| panic!("objective {id} in {status:#}"))
}

fn stdout(args: &[&str]) -> String {
    let out = actormap().args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn bundled_data_without_values_is_unknown_not_zero_and_shows_the_money_at_stake() {
    let text = stdout(&["status"]);
    assert!(
        !text.contains(" 0\u{a0}%"),
        "no objective may read as 0 %:\n{text}"
    );
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.ends_with("  valeur inconnue"))
        .collect();
    assert_eq!(rows.len(), 9, "one unknown row per objective:\n{text}");
    assert!(
        rows.iter().all(|r| r.contains("  inconnue  -   -   ")),
        "{text}"
    );
    assert!(
        text.contains("conditions du bonus de l'année 3\u{a0}: inconnues"),
        "{text}"
    );
    assert!(
        text.contains("aide forfaitaire (années 1 et 2)\u{a0}: 270\u{a0}000\u{a0}€"),
        "{text}"
    );
    assert!(
        text.contains("bonus de l'année 3 en jeu\u{a0}: 152\u{a0}371\u{a0}€ (1\u{a0}€ × 152\u{a0}371 habitants)"),
        "{text}"
    );
    assert!(
        text.contains("total en jeu\u{a0}: 422\u{a0}371\u{a0}€"),
        "{text}"
    );
    // In English, English numbers.
    let text = stdout(&["status", "--lang", "en"]);
    assert!(text.contains("year-3 bonus conditions: unknown"), "{text}");
    assert!(
        text.contains("year-3 bonus at stake: €152,371 (€1 x 152,371 inhabitants)"),
        "{text}"
    );
    assert!(text.contains("total at stake: €422,371"), "{text}");

    let status = status_json(&[calaisis().to_str().unwrap()]);
    let objectives = status["objectives"].as_array().unwrap();
    assert_eq!(objectives.len(), 9);
    for o in objectives {
        assert_eq!(o["value"], Value::Null, "{o:#}");
        assert_eq!(o["ratio"], Value::Null, "{o:#}");
        assert_eq!(o["verdict"], "unknown", "{o:#}");
    }
    assert_eq!(status["bonus"]["verdict"], "unknown");
    assert_eq!(status["bonus"]["flat_aid"], 270000.0);
    assert_eq!(status["bonus"]["bonus"], 152371.0);
    assert_eq!(status["bonus"]["total"], 422371.0);
}

#[test]
fn exactly_sixty_percent_passes_and_fifty_nine_point_nine_fails() {
    let status = status_json(&[fixture("status").to_str().unwrap()]);
    let haies = objective(&status, "haies");
    assert_eq!(haies["value"], 30.0);
    assert_eq!(haies["threshold"], 0.6);
    assert_eq!(haies["verdict"], "met");
    let friches = objective(&status, "friches");
    assert_eq!(friches["verdict"], "below");
    assert!((friches["ratio"].as_f64().unwrap() - 0.599).abs() < 1e-12);
}

#[test]
fn a_priority_objective_at_99_percent_fails() {
    let status = status_json(&[fixture("status").to_str().unwrap()]);
    let renovation = objective(&status, "renovation");
    assert_eq!(renovation["priority"], true);
    assert_eq!(renovation["threshold"], 1.0);
    assert_eq!(renovation["value"], 1485.0);
    assert_eq!(renovation["verdict"], "below");
    assert_eq!(status["bonus"]["verdict"], "not-met");
    assert_eq!(
        status["bonus"]["below"],
        serde_json::json!(["friches", "renovation", "cyclable"])
    );
}

#[test]
fn a_qualitative_objective_done() {
    let status = status_json(&[fixture("status").to_str().unwrap()]);
    let regal = objective(&status, "regal");
    assert_eq!(regal["value"], 1.0, "\"fait\" in avancement.csv is 1 done");
    assert_eq!(regal["ratio"], 1.0);
    assert_eq!(regal["verdict"], "met");
    assert_eq!(regal["source"]["kind"], "measured");
    assert_eq!(regal["source"]["date"], "2022-09-15");
}

#[test]
fn the_latest_measurement_wins_and_an_undated_current_is_used_alone() {
    let status = status_json(&[fixture("status").to_str().unwrap()]);
    assert_eq!(objective(&status, "haies")["source"]["date"], "2022-12-31");
    let ecoles = objective(&status, "ecoles");
    assert_eq!(ecoles["value"], 40.0);
    assert_eq!(ecoles["source"]["kind"], "current");
    assert_eq!(ecoles["projection"], Value::Null);
}

#[test]
fn projection_from_two_dated_values_to_the_end_date() {
    let status = status_json(&[fixture("status").to_str().unwrap()]);
    let cyclable = objective(&status, "cyclable");
    // 10 km at the end of 2021, 20 at the end of 2022: 30 km (60 %) at the end of 2023.
    assert_eq!(cyclable["verdict"], "below");
    let p = &cyclable["projection"];
    assert_eq!(p["date"], "2023-12-31");
    assert!((p["value"].as_f64().unwrap() - 30.0).abs() < 1e-9, "{p:#}");
    assert_eq!(p["verdict"], "met");
    assert_eq!(p["measurements"], 2);

    let text = stdout(&["status", fixture("status").to_str().unwrap()]);
    assert!(
        text.contains("projection\u{a0}: à ce rythme, 60\u{a0}% au 31/12/2023 (atteint\u{a0}; droite passant par 2 mesures, du 31/12/2021 au 31/12/2022)"),
        "{text}"
    );
    let text = stdout(&[
        "status",
        fixture("status").to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert!(
        text.contains("projection: at this pace, 60% on 2023-12-31 (met; line through 2 measurements, 2021-12-31 to 2022-12-31)"),
        "{text}"
    );
}

#[test]
fn at_a_date_before_any_measurement_everything_is_unknown() {
    let status = status_json(&[fixture("status").to_str().unwrap(), "--at", "30/06/2021"]);
    assert_eq!(status["at"], "2021-06-30");
    for o in status["objectives"].as_array().unwrap() {
        assert_eq!(o["value"], Value::Null, "{o:#}");
        assert_eq!(o["verdict"], "unknown", "{o:#}");
        assert_eq!(o["projection"], Value::Null, "{o:#}");
    }
    assert_eq!(status["undated_ignored"], serde_json::json!(["ecoles"]));
    assert_eq!(status["bonus"]["verdict"], "unknown");
    assert_eq!(status["bonus"]["total"], 30000.0);
}

#[test]
fn at_a_date_ignores_later_measurements() {
    let status = status_json(&[fixture("status").to_str().unwrap(), "--at", "2022-06-30"]);
    let haies = objective(&status, "haies");
    assert_eq!(
        haies["value"], 12.0,
        "the 2022-12-31 measurement is after --at"
    );
    assert_eq!(
        haies["projection"],
        Value::Null,
        "one measurement is no trend"
    );
    assert_eq!(objective(&status, "cyclable")["value"], 10.0);
    assert_eq!(objective(&status, "renovation")["value"], Value::Null);
}

#[test]
fn text_report_of_the_fixture() {
    insta::assert_snapshot!(stdout(&["status", "tests/fixtures/status"]));
}

#[test]
fn text_report_of_the_fixture_in_english() {
    insta::assert_snapshot!(stdout(&["status", "tests/fixtures/status", "--lang", "en"]));
}

#[test]
fn markdown_and_csv_reports() {
    let md = stdout(&["status", "tests/fixtures/status", "--format", "markdown"]);
    assert!(md.contains("| **friches**\u{a0}: Friches requalifiées | 26 ha | 15,574 | 31/12/2022 | 59,9\u{a0}% | 60\u{a0}% | en retard | - |"), "{md}");
    assert!(
        md.contains("- total en jeu\u{a0}: 30\u{a0}000\u{a0}€"),
        "{md}"
    );
    let md = stdout(&[
        "status",
        "tests/fixtures/status",
        "--format",
        "markdown",
        "--lang",
        "en",
    ]);
    assert!(md.contains("| **friches**: Friches requalifiées | 26 ha | 15.574 | 2022-12-31 | 59.9% | 60% | behind | - |"), "{md}");
    assert!(md.contains("- total at stake: €30,000"), "{md}");

    // French Excel's CSV: a BOM, `;`, decimal commas, French dates and words.
    let csv = stdout(&["status", "tests/fixtures/status", "--format", "csv"]);
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().starts_with(
        "\u{feff}Objectif;Titre;Prioritaire;Compte pour le bonus;Cible;Unité;Valeur;"
    ));
    let cyclable = csv.lines().find(|l| l.starts_with("cyclable;")).unwrap();
    assert_eq!(
        cyclable,
        "cyclable;Aménagements cyclables;non;oui;50;km;20;mesure;31/12/2022;40;60;sous le seuil;31/12/2023;30;60;atteint;en bonne voie"
    );
    let friches = csv.lines().find(|l| l.starts_with("friches;")).unwrap();
    assert!(friches.contains(";15,574;"), "{friches}");
    let csv = stdout(&[
        "status",
        "tests/fixtures/status",
        "--format",
        "csv",
        "--lang",
        "en",
    ]);
    assert!(csv.starts_with("Objective,Title,Priority,Counted for the bonus,Target,Unit,Value,"));
    let cyclable = csv.lines().find(|l| l.starts_with("cyclable,")).unwrap();
    assert_eq!(
        cyclable,
        "cyclable,Aménagements cyclables,no,yes,50,km,20,measured,2022-12-31,40,60,below,2023-12-31,30,60,met,on track"
    );
}

#[test]
fn bonus_at_risk_on_the_fixture_is_behind_or_on_track_before_the_end() {
    let out = actormap()
        .args(["check", "tests/fixtures/status"])
        .output()
        .unwrap();
    let all = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(1), "{all}");
    // The findings of this rule, with the two lines under each (where, and the hint).
    let lines: Vec<&str> = all.lines().collect();
    let text: String = lines
        .windows(3)
        .filter(|w| w[0].contains("[bonus-at-risk]"))
        .map(|w| format!("{}\n{}\n{}\n", w[0], w[1], w[2]))
        .collect();
    // As of the latest measurement, 2022-12-31, a year before the end: behind, not lost.
    assert!(
        text.contains("avertissement[bonus-at-risk]\u{a0}: l'objectif prioritaire renovation «\u{a0}Rénovations accompagnées\u{a0}»\u{a0}: en retard, à 99\u{a0}% de sa cible, sous les 100\u{a0}%"),
        "{text}"
    );
    assert!(
        text.contains("avertissement[bonus-at-risk]\u{a0}: l'objectif friches «\u{a0}Friches requalifiées\u{a0}»\u{a0}: en retard, à 59,9\u{a0}% de sa cible"),
        "{text}"
    );
    assert!(!text.contains("erreur[bonus-at-risk]"), "{text}");
    assert!(
        text.contains("--> tests/fixtures/status/avancement.csv:5"),
        "{text}"
    );
    // The hint names the file the measurements are in, not a made-up progress.csv.
    assert!(
        text.contains("dans tests/fixtures/status/avancement.csv\n"),
        "{text}"
    );
    assert!(!text.contains("progress.csv"), "{text}");
    assert!(
        !text.contains("objectif haies"),
        "exactly 60 % is no finding:\n{text}"
    );
    assert!(!text.contains("objectif regal"), "{text}");
    // Below today but on course: on track, for information.
    assert!(
        text.contains(
            "info[bonus-at-risk]\u{a0}: l'objectif cyclable «\u{a0}Aménagements cyclables\u{a0}»\u{a0}: en bonne voie, à 40\u{a0}%"
        ),
        "{text}"
    );
}

#[test]
fn the_bundled_data_has_no_bonus_finding_while_values_are_unknown() {
    let out = actormap().arg("check").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains("bonus-at-risk"), "{text}");
}

fn fixture_files() -> Vec<(String, Vec<u8>)> {
    [
        "territory.json",
        "domains.csv",
        "objectives.csv",
        "actors.csv",
        "links.csv",
    ]
    .iter()
    .map(|name| {
        let bytes = std::fs::read(fixture("status").join(name)).unwrap();
        (name.to_string(), bytes)
    })
    .collect()
}

fn with_progress(name: &str, progress: &str) -> tempfile::TempDir {
    let mut files = fixture_files();
    files.push((name.to_owned(), progress.as_bytes().to_vec()));
    let files: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    territory(&files)
}

#[test]
fn bad_progress_rows_are_all_reported_with_file_line_and_column() {
    let dir = with_progress(
        "progress.csv",
        "date,objective,value,note\n2022-02-30,haies,3,\n2022-06-30,haie,3,\n2022-06-30,regal,peut-être,\n2022-06-30,friches,-2,\n2022-06-30,friches,2,\n2022-06-30,friches,3,\n",
    );
    let out = crate::actormap_en()
        .arg("status")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    let file = dir.path().join("progress.csv").display().to_string();
    for expected in [
        format!("{file}:2: column \"date\": \"2022-02-30\" is not a date"),
        format!(
            "{file}:3: column \"objective\": unknown objective \"haie\" (did you mean \"haies\"?)"
        ),
        format!("{file}:4: column \"value\": \"peut-être\" is not a progress value"),
        format!("{file}:5: column \"value\": \"-2\" is negative"),
        format!(
            "{file}:7: column \"date\": a second value for objective \"friches\" on 2022-06-30 (first given at {file}:6)"
        ),
    ] {
        assert!(err.contains(&expected), "missing {expected:?} in:\n{err}");
    }
    assert!(err.contains("5 errors in the input"), "{err}");
}

#[test]
fn progress_and_avancement_together_is_an_error() {
    let dir = with_progress("progress.csv", "date;objectif;valeur\n");
    std::fs::write(dir.path().join("avancement.csv"), "date;objectif;valeur\n").unwrap();
    let out = crate::actormap_en()
        .arg("status")
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("the progress table is given more than once")
    );
}

#[test]
fn a_single_json_file_holds_a_progress_array() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.json");
    std::fs::write(
        &path,
        r#"{
  "name": "T",
  "programme": {"end": "2023-12-31"},
  "domains": [{"id": "DC1", "name": "D"}],
  "objectives": [{"id": "regal", "domain": "DC1", "title": "REGAL", "target": 1, "priority": true}],
  "actors": [],
  "links": [],
  "progress": [
    {"date": "2022-01-31", "objective": "regal", "value": "50 %"},
    {"date": "2022-13-01", "objective": "regal", "value": 1}
  ]
}
"#,
    )
    .unwrap();
    let out = crate::actormap_en()
        .arg("status")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(&format!(
            "{}:10: column \"date\": \"2022-13-01\" is not a date",
            path.display()
        )),
        "{err}"
    );

    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("2022-13-01", "2022-12-31");
    std::fs::write(&path, text).unwrap();
    let status = status_json(&[path.to_str().unwrap()]);
    let regal = objective(&status, "regal");
    assert_eq!(regal["value"], 1.0);
    // 0.5 then 1 within the year: on course, and done already.
    assert_eq!(regal["verdict"], "met");
}

#[test]
fn a_bad_at_date_is_a_usage_error() {
    let out = actormap()
        .args(["status", "--at", "hier"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("«\u{a0}hier\u{a0}» n'est pas une date"));
    let out = actormap()
        .args(["status", "--at", "hier", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("\"hier\" is not a date"));
}

/// A single-file territory (a COT TRI from 2021 to 2023) with these objectives and
/// measurements, as JSON array items.
fn json_territory(objectives: &str, progress: &str) -> tempfile::TempDir {
    let text = format!(
        r#"{{
  "name": "T",
  "programme": {{"name": "COT TRI", "start": "2021-01-01", "end": "2023-12-31"}},
  "domains": [{{"id": "DC1", "name": "D"}}],
  "objectives": [{objectives}],
  "actors": [{{"name": "SyMPaC"}}],
  "links": [{{"actor": "SyMPaC", "objective": "DC1", "role": "chef de file"}}, {{"actor": "SyMPaC", "objective": "DC1", "role": "financeur"}}],
  "progress": [{progress}]
}}
"#
    );
    territory(&[("t.json", text.as_bytes())])
}

fn path_of(dir: &tempfile::TempDir) -> String {
    dir.path().join("t.json").display().to_string()
}

#[test]
fn a_yes_no_objective_is_never_projected() {
    let dir = json_territory(
        r#"{"id": "regal", "domain": "DC1", "title": "REGAL", "target": 1, "unit": "REGAL"},
           {"id": "rdi", "domain": "DC1", "title": "Protocole RDI", "target": 1},
           {"id": "piste", "domain": "DC1", "title": "Piste", "target": 1, "unit": "km"}"#,
        r#"{"date": "2021-06-30", "objective": "regal", "value": "non"},
           {"date": "2022-06-30", "objective": "regal", "value": "50 %"},
           {"date": "2021-06-30", "objective": "rdi", "value": 0},
           {"date": "2022-06-30", "objective": "rdi", "value": "0,5"},
           {"date": "2021-06-30", "objective": "piste", "value": 0},
           {"date": "2022-06-30", "objective": "piste", "value": "0,5"}"#,
    );
    let status = status_json(&[&path_of(&dir)]);
    for id in ["regal", "rdi"] {
        let o = objective(&status, id);
        assert_eq!(o["value"], 0.5, "{o:#}");
        assert_eq!(o["projection"], Value::Null, "{id}: done or not, no line");
        assert_eq!(o["standing"], "behind", "{o:#}");
    }
    // One km is a quantity: its pace says something.
    let piste = objective(&status, "piste");
    assert!(piste["projection"].is_object(), "{piste:#}");
}

#[test]
fn measurements_outside_the_programme_are_not_projected_from() {
    let dir = json_territory(
        r#"{"id": "haies", "domain": "DC1", "title": "Haies", "target": 50, "unit": "km"}"#,
        r#"{"date": "1990-06-30", "objective": "haies", "value": 45},
           {"date": "2021-06-30", "objective": "haies", "value": 10},
           {"date": "2022-06-30", "objective": "haies", "value": 20}"#,
    );
    let status = status_json(&[&path_of(&dir)]);
    let p = &objective(&status, "haies")["projection"];
    // 10 km more a year from mid-2021: 35 km at the end of 2023; the 1990 value is left out.
    assert_eq!(p["measurements"], 2, "{p:#}");
    assert_eq!(p["first"], "2021-06-30");
    assert!((p["value"].as_f64().unwrap() - 35.0).abs() < 0.1, "{p:#}");
}

#[test]
fn below_the_threshold_is_on_track_or_behind_before_the_end_and_missed_after_it() {
    let status = status_json(&[fixture("status").to_str().unwrap()]);
    assert_eq!(status["as_of"], "2022-12-31", "the latest measurement");
    assert_eq!(status["ended"], false);
    let standings: Vec<(&str, &str)> = status["objectives"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["id"].as_str().unwrap(), o["standing"].as_str().unwrap()))
        .collect();
    assert_eq!(
        standings,
        [
            ("haies", "met"),
            ("friches", "behind"),
            ("renovation", "behind"),
            ("regal", "met"),
            ("cyclable", "on-track"),
            ("ecoles", "met"),
        ]
    );
    // The plain verdict against the threshold keeps its ids.
    assert_eq!(objective(&status, "cyclable")["verdict"], "below");
    assert_eq!(status["bonus"]["verdict"], "not-met");
    assert_eq!(status["bonus"]["standing"], "behind");

    let after = status_json(&[fixture("status").to_str().unwrap(), "--at", "2024-01-31"]);
    assert_eq!(after["as_of"], "2024-01-31");
    assert_eq!(after["ended"], true);
    for (id, standing) in [
        ("friches", "missed"),
        ("renovation", "missed"),
        ("cyclable", "missed"),
        ("haies", "met"),
    ] {
        let o = objective(&after, id);
        assert_eq!(o["standing"], standing, "{o:#}");
        assert_eq!(
            o["projection"],
            Value::Null,
            "nothing to project after the end"
        );
    }
    assert_eq!(after["bonus"]["standing"], "missed");
}

#[test]
fn every_report_carries_the_same_verdict_words() {
    let fx = fixture("status");
    let fx = fx.to_str().unwrap();
    let text = stdout(&["status", fx]);
    let row = |id: &str| {
        text.lines()
            .find(|l| l.starts_with(&format!("{id} ")))
            .unwrap_or_else(|| panic!("no row {id} in:\n{text}"))
            .to_owned()
    };
    assert!(row("cyclable").ends_with("  en bonne voie"), "{text}");
    assert!(row("friches").ends_with("  en retard"), "{text}");
    assert!(row("haies").ends_with("  atteint"), "{text}");
    assert!(
        text.contains("au 31/12/2022, date de la dernière mesure"),
        "{text}"
    );
    assert!(
        text.contains("conditions du bonus de l'année 3\u{a0}: en retard"),
        "{text}"
    );

    let md = stdout(&["status", fx, "--format", "markdown"]);
    assert!(
        md.contains("| 40\u{a0}% | 60\u{a0}% | en bonne voie |"),
        "{md}"
    );

    let csv = stdout(&["status", fx, "--format", "csv"]);
    let header: Vec<&str> = csv.lines().next().unwrap().split(';').collect();
    assert_eq!(header.last(), Some(&"Situation"));
    let cyclable = csv.lines().find(|l| l.starts_with("cyclable;")).unwrap();
    assert!(
        cyclable.ends_with(";sous le seuil;31/12/2023;30;60;atteint;en bonne voie"),
        "{cyclable}"
    );

    let ended = stdout(&["status", fx, "--at", "2024-01-31"]);
    assert!(
        ended.contains("conditions du bonus de l'année 3\u{a0}: non remplies"),
        "{ended}"
    );
    assert!(
        ended.contains(
            "le programme s'est terminé le 31/12/2023\u{a0}: les valeurs sont définitives"
        ),
        "{ended}"
    );
    assert!(
        ended
            .lines()
            .any(|l| l.starts_with("friches ") && l.ends_with("  non atteint")),
        "{ended}"
    );
    let ended = stdout(&["status", fx, "--at", "2024-01-31", "--lang", "en"]);
    assert!(
        ended.contains("year-3 bonus conditions: not met"),
        "{ended}"
    );
    assert!(
        ended
            .lines()
            .any(|l| l.starts_with("friches ") && l.ends_with("  missed")),
        "{ended}"
    );
}

/// The `bonus-at-risk` findings of `check` on a territory: (severity, message) pairs, the
/// messages in English.
fn bonus_findings(path: &str) -> Vec<(String, String)> {
    let out = actormap()
        .args(["check", path, "--format", "json", "--lang", "en"])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).expect("check --format json");
    json.as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "bonus-at-risk")
        .map(|f| {
            (
                f["severity"].as_str().unwrap().to_owned(),
                f["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn bonus_at_risk_tells_on_track_from_behind_from_missed() {
    let objectives = r#"{"id": "velo", "domain": "DC1", "title": "Vélo", "target": 50, "unit": "km"},
           {"id": "haies", "domain": "DC1", "title": "Haies", "target": 50, "unit": "km"},
           {"id": "reno", "domain": "DC1", "title": "Rénovations", "target": 100, "priority": "oui"},
           {"id": "regal", "domain": "DC1", "title": "REGAL", "target": 1, "unit": "REGAL", "priority": "oui"}"#;
    let running = json_territory(
        objectives,
        r#"{"date": "2021-12-31", "objective": "velo", "value": 10},
           {"date": "2022-12-31", "objective": "velo", "value": 20},
           {"date": "2021-12-31", "objective": "haies", "value": 5},
           {"date": "2022-12-31", "objective": "haies", "value": 10},
           {"date": "2021-12-31", "objective": "reno", "value": 10},
           {"date": "2022-12-31", "objective": "reno", "value": 20},
           {"date": "2022-12-31", "objective": "regal", "value": "0,5"}"#,
    );
    let found = bonus_findings(&path_of(&running));
    let shown: Vec<(&str, &str)> = found
        .iter()
        .map(|(s, m)| (s.as_str(), m.split(':').next().unwrap()))
        .collect();
    assert_eq!(
        shown,
        [
            // A priority objective projected below its threshold: the bonus is heading to be lost.
            ("error", "priority objective reno \"Rénovations\""),
            // Below, heading below, or no projection: behind.
            ("warning", "objective haies \"Haies\""),
            ("warning", "priority objective regal \"REGAL\""),
            // Below today, but at this pace at 60 % on the end date: on track.
            ("info", "objective velo \"Vélo\""),
        ],
        "{found:#?}"
    );
    assert_eq!(
        found[3].1,
        "objective velo \"Vélo\": on track, at 40% of its target and projected at 60% on 2023-12-31, reaching the 60% the year-3 bonus requires"
    );
    assert!(
        found[1].1.contains(
            ": behind, at 20% of its target and projected at 30% on 2023-12-31, below the 60%"
        ),
        "{found:#?}"
    );
    assert!(
        found[2]
            .1
            .contains(": behind, at 50% of its target, below the 100%"),
        "{found:#?}"
    );

    // The same values measured on the programme's last day: the end is reached, all missed.
    let ended = json_territory(
        objectives,
        r#"{"date": "2023-12-31", "objective": "velo", "value": 20},
           {"date": "2023-12-31", "objective": "haies", "value": 10},
           {"date": "2023-12-31", "objective": "reno", "value": 20},
           {"date": "2023-12-31", "objective": "regal", "value": "0,5"}"#,
    );
    let found = bonus_findings(&path_of(&ended));
    assert_eq!(found.len(), 4, "{found:#?}");
    assert!(
        found
            .iter()
            .all(|(s, m)| s == "error" && m.contains(": missed, at ")),
        "{found:#?}"
    );
}
