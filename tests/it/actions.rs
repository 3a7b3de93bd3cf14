//! The actions, the governance bodies and the perimeter: loaded from French Excel CSV files
//! and from JSON, what an objective's actions cover, and every bad reference in them reported
//! with its file, line and column.

use std::path::Path;

use actormap::i18n::Lang;
use actormap::load::load;
use actormap::model::{ActionStatus, Reach, Scope};

use crate::{fixture, territory};

/// The load errors of a territory, as printed, with the folder cut off.
fn errors(dir: &Path) -> Vec<String> {
    let prefix = format!("{}/", dir.display());
    match load(dir) {
        Ok(_) => panic!("expected load errors in {}", dir.display()),
        Err(errors) => errors
            .iter()
            .map(|e| e.render(Lang::En).replace(&prefix, ""))
            .collect(),
    }
}

const DOMAINS: &str = "id;name\nDC3;Économie circulaire\nDC4;ENR\n";
const OBJECTIVES: &str =
    "id;domain;title;priority;scope\nregal;DC3;REGAL;oui;\ncot-enr;DC4;COT ENR;oui;tout\n";
const ACTORS: &str = "id;name;kind;aliases;members\ngctm;GCT&M;EPCI;;\nccra;CCRA;EPCI;;\nccpo;CCPO;EPCI;;\nepci;Les 3 EPCI;groupe;;GCT&M|CCRA|CCPO\npnrcmo;PNRCMO;parc;;\nsevadec;SEVADEC;syndicat;;\nsympac;SyMPaC;syndicat mixte;;\n";
const LINKS: &str = "actor;objective;role\nPNRCMO;cot-enr;chef de file pressenti\n";
const SETTINGS: &str =
    "{\n  \"name\": \"T\",\n  \"perimeter\": [\"GCT&M\", \"CCRA\", \"CCPO\"]\n}\n";

/// A small territory with its perimeter, and the given extra files.
fn with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let mut all: Vec<(&str, &[u8])> = vec![
        ("domains.csv", DOMAINS.as_bytes()),
        ("objectives.csv", OBJECTIVES.as_bytes()),
        ("actors.csv", ACTORS.as_bytes()),
        ("links.csv", LINKS.as_bytes()),
        ("territory.json", SETTINGS.as_bytes()),
    ];
    all.retain(|(name, _)| !files.iter().any(|(n, _)| n == name));
    all.extend(files.iter().map(|(n, text)| (*n, text.as_bytes())));
    territory(&all)
}

#[test]
fn actions_and_instances_saved_by_french_excel_load() {
    // French headers and statuses, Windows-1252, `;`, CRLF: what French Excel writes.
    let dir = fixture("excel-fr");
    let raw = std::fs::read(dir.join("actions.csv")).unwrap();
    assert!(raw.windows(2).any(|w| w == b"\r\n") && std::str::from_utf8(&raw).is_err());
    let t = load(&dir).expect("the French Excel folder loads");
    assert_eq!(t.perimeter(), ["gctm", "ccra", "ccpo"]);
    assert_eq!(
        t.domain("DC4").unwrap().context,
        ["Seule la CCPO est couverte par un COT ENR via le PNRCMO"]
    );

    let shown: Vec<(&str, &[String], ActionStatus)> = (t.actions().iter())
        .map(|a| (a.id.as_str(), a.bearers.as_slice(), a.status))
        .collect();
    assert_eq!(
        shown,
        [
            ("assises", &["gctm".to_owned()][..], ActionStatus::Ongoing),
            (
                "appel-a-projet-national-du-programme-national-pour-l-alimentation",
                &["cias".to_owned(), "ccpo".to_owned()][..],
                ActionStatus::Ongoing
            ),
            (
                "cot-enr-du-pnrcmo",
                &["pnrcmo".to_owned()][..],
                ActionStatus::Done
            ),
            (
                "strategie-de-developpement-de-l-hydrogene",
                &["gctm".to_owned()][..],
                ActionStatus::Planned
            ),
            (
                "epicerie-solidaire-itinerante",
                &["ccra".to_owned()][..],
                ActionStatus::Dropped
            ),
        ]
    );
    let pna = &t.actions()[1];
    assert_eq!(pna.budget, Some(15_000.0));
    assert_eq!(pna.perimeter, ["ccpo"]);
    assert_eq!(pna.note.as_deref(), Some("« CIAS – CCPO »"));
    assert_eq!(t.actions()[0].start, Some(jiff::civil::date(2022, 3, 1)));
    assert_eq!(t.actions()[3].scope, Scope::Domain("DC4".into()));
    assert_eq!(t.actions()[3].source.as_deref(), Some("REV 3 GCT&M"));
    assert!(t.actions()[0].origin.file.ends_with("actions.csv"));
    assert_eq!(t.actions()[1].origin.line, 3);

    // Each body: id, chair, members and parent, as one line.
    let bodies: Vec<String> = (t.bodies().iter())
        .map(|b| {
            let chair = b.chair.as_deref().unwrap_or("-");
            let parent = b.parent.as_deref().unwrap_or("-");
            format!("{} {chair} [{}] {parent}", b.id, b.members.join(", "))
        })
        .collect();
    assert_eq!(
        bodies,
        [
            "copil sympac [sympac, pnrcmo, epci] -",
            "cotech sympac [sevadec, pnrcmo, epci] copil",
            "cotech-pcaets epci [] cotech",
        ]
    );

    // The COT ENR must reach every member: only the CCPO is covered, by an action done.
    let cot_enr = t.objective("cot-enr").unwrap();
    assert_eq!(cot_enr.reach, Some(Reach::All));
    let coverage = t.coverage(cot_enr).unwrap();
    let covered: Vec<&str> = coverage
        .covered()
        .iter()
        .map(|(m, _)| m.name.as_str())
        .collect();
    let missing: Vec<&str> = coverage.missing().iter().map(|m| m.name.as_str()).collect();
    assert_eq!((covered, missing), (vec!["CCPO"], vec!["GCT&M", "CCRA"]));
    // Not tracked without a scope.
    assert!(t.coverage(t.objective("regal").unwrap()).is_none());
}

#[test]
fn every_bad_reference_in_actions_and_bodies_is_reported_with_its_line() {
    let actions = "id;objective;title;bearers;status;origin;perimeter;start;end;budget;note\n\
        ;cot-enr;COT ENR du PNRCMO;PNRCMO;en cours;;CCPO;;;;\n\
        ;regal;Assises;GCT&M;finie;;;2022-01-01;2021-01-01;beaucoup;\n\
        ;cot-enr;COT ENR du PNRCMO;SEVADC;;;;;;;\n\
        ;compost;Composteurs;Les 3 EPCI;;;PNRCMO;;;;\n";
    let bodies = "id;name;kind;chair;members;parent;note\n\
        copil;COPIL;;SyMPC;GCT&M|DDTM;COTECH;\n\
        cotech;COTECH;;GCT&M;CCRA;COPIL;\n\
        gt;Groupe;;;;COPI;\n";
    let dir = with(&[("actions.csv", actions), ("bodies.csv", bodies)]);
    assert_eq!(
        errors(dir.path()),
        [
            "actions.csv:3: column \"budget\": \"beaucoup\" is not an amount (expected euros, e.g. 15000, 15 000 or 15 000 €)",
            "actions.csv:3: column \"end\": the action ends (2021-01-01) before it starts (2022-01-01)",
            "actions.csv:3: column \"status\": unknown status \"finie\"; expected one of: planned, proposed; ongoing, in progress, started; done, completed, finished; dropped, abandoned, cancelled, canceled (empty is planned)",
            "actions.csv:4: column \"bearers\": unknown actor \"SEVADC\" (did you mean \"SEVADEC\"?)",
            "actions.csv:4: column \"id\": duplicate action id \"cot-enr-du-pnrcmo\" (derived from the title; give one of them an id) (first defined at actions.csv:2)",
            "actions.csv:5: column \"objective\": unknown objective or domain \"compost\"",
            "bodies.csv:2: column \"chair\": unknown actor \"SyMPC\" (did you mean \"SyMPaC\"?)",
            "bodies.csv:2: column \"members\": unknown actor \"DDTM\"",
            "bodies.csv:2: column \"parent\": bodies \"COPIL\", \"COTECH\" report to each other",
            "bodies.csv:4: column \"parent\": unknown body \"COPI\" (did you mean \"copil\"?); expected the id or name of a body of this table",
        ]
    );
}

#[test]
fn perimeters_name_member_territories_of_the_territory() {
    let objectives = "id;domain;title;priority;scope\nregal;DC3;REGAL;oui;GCT&M|CCRB\ncot-enr;DC4;COT ENR;oui;tout\n";
    let actions =
        "objectif;titre;porteurs;périmètre\ncot-enr;COT ENR du PNRCMO;PNRCMO;CCPO|SEVADEC\n";
    let dir = with(&[("objectives.csv", objectives), ("actions.csv", actions)]);
    assert_eq!(
        errors(dir.path()),
        [
            "actions.csv:2: column \"périmètre\": \"SEVADEC\" is not a member territory of the perimeter (GCT&M, CCRA, CCPO); expected one of them, or a group of them",
            "objectives.csv:2: column \"scope\": unknown actor \"CCRB\" (did you mean \"CCRA\"?)",
        ]
    );
    // A member misnamed in the perimeter is reported there alone, not again at every scope
    // and action that names the member.
    let settings =
        "{\n  \"name\": \"T\",\n  \"perimeter\": [\"GCT&M\", \"CCRA\",\n    \"CCPX\"]\n}\n";
    let dir = with(&[("actions.csv", actions), ("territory.json", settings)]);
    assert_eq!(
        errors(dir.path()),
        ["territory.json:3: \"perimeter\": unknown actor \"CCPX\" (did you mean \"CCPO\"?)"]
    );
    // "tout" without a perimeter to stand for.
    let dir = with(&[("territory.json", "{\"name\": \"T\"}\n")]);
    assert_eq!(
        errors(dir.path()),
        [
            "objectives.csv:3: column \"scope\": \"tout\" means every member territory, but the territory has no perimeter; list them in territory.json (\"perimeter\": [\"GCT&M\", \"CCRA\", \"CCPO\"])"
        ]
    );
    // A broken settings file is reported alone, not also for the perimeter it may give.
    let dir = with(&[("territory.json", "{\"name\": \"T\", \"lang\": \"de\"}\n")]);
    let shown = errors(dir.path());
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(shown[0].contains("\"lang\""), "{shown:?}");
}

#[test]
fn one_json_file_takes_actions_instances_and_the_perimeter() {
    let json = r#"{
  "nom": "T",
  "périmètre": ["Les 3 EPCI"],
  "domaines": [{"id": "DC4", "nom": "ENR"}],
  "objectifs": [{"id": "cot-enr", "domaine": "DC4", "titre": "COT ENR", "périmètre": "tout"}],
  "acteurs": [
    {"nom": "GCT&M"}, {"nom": "CCRA"}, {"nom": "CCPO"}, {"nom": "PNRCMO"},
    {"nom": "Les 3 EPCI", "membres": ["GCT&M", "CCRA", "CCPO"]}
  ],
  "liens": [],
  "actions": [
    {"objectif": "cot-enr", "titre": "COT ENR du PNRCMO", "porteurs": "PNRCMO", "statut": "en cours", "périmètre": "CCPO"},
    {"objectif": "cot-enr", "titre": "Cadastre", "porteurs": "PNRCMO|CCRB"}
  ],
  "instances": [
    {"nom": "COPIL", "animateur": "PNRCMO", "membres": "Les 3 EPCI", "parent": "COTECH"}
  ]
}
"#;
    let dir = territory(&[("t.json", json.as_bytes())]);
    let path = dir.path().join("t.json");
    let shown: Vec<String> = load(&path)
        .expect_err("bad references")
        .iter()
        .map(|e| {
            e.render(Lang::En)
                .replace(&format!("{}", path.display()), "t.json")
        })
        .collect();
    assert_eq!(
        shown,
        [
            "t.json:13: column \"porteurs\": unknown actor \"CCRB\" (did you mean \"CCRA\"?)",
            "t.json:16: column \"parent\": unknown body \"COTECH\"; expected the id or name of a body of this table",
        ]
    );
    let fixed = json
        .replace("PNRCMO|CCRB", "PNRCMO")
        .replace(", \"parent\": \"COTECH\"", "");
    std::fs::write(&path, fixed).unwrap();
    let t = load(&path).expect("loads");
    assert_eq!(t.actions().len(), 2);
    assert_eq!(t.bodies()[0].members, ["les-3-epci"]);
    assert_eq!(t.perimeter(), ["les-3-epci"]);
    let coverage = t.coverage(t.objective("cot-enr").unwrap()).unwrap();
    // "Cadastre" has no perimeter: it covers the whole territory.
    assert!(coverage.missing().is_empty());
    assert_eq!(coverage.members.len(), 3);
}

#[test]
fn the_new_tables_change_no_map() {
    // The maps of the Calaisis, with its actions, bodies and perimeter and without them:
    // the same bytes (the map of an actor that carries actions lists them: ADEME carries
    // none).
    let without = tempfile::tempdir().unwrap();
    for name in ["domains.csv", "actors.csv", "links.csv"] {
        std::fs::copy(crate::calaisis().join(name), without.path().join(name)).unwrap();
    }
    let objectives = std::fs::read_to_string(crate::calaisis().join("objectives.csv")).unwrap();
    let objectives = objectives.replace(";tout\n", ";\n");
    std::fs::write(without.path().join("objectives.csv"), objectives).unwrap();
    let settings = std::fs::read_to_string(crate::calaisis().join("territory.json")).unwrap();
    let settings = settings.replace(
        "  \"perimeter\": [\n    \"GCT&M\",\n    \"CCRA\",\n    \"CCPO\"\n  ],\n",
        "",
    );
    assert!(!settings.contains("perimeter"));
    std::fs::write(without.path().join("territory.json"), settings).unwrap();
    let draw = |territory: &Path| {
        let out = tempfile::tempdir().unwrap();
        crate::actormap()
            .arg("render")
            .arg(territory)
            .args(["--domain", "DC4", "--actor", "ADEME", "--out"])
            .arg(out.path())
            .assert()
            .success();
        ["dc4.svg", "actor-ademe.svg"].map(|f| std::fs::read(out.path().join(f)).unwrap())
    };
    assert!(load(without.path()).unwrap().actions().is_empty());
    assert_eq!(draw(&crate::calaisis()), draw(without.path()));
}
