//! Loading: formats, encodings, and every kind of bad input with its file, line and message.

use std::path::Path;

use actormap::error::LoadError;
use actormap::load::load;
use actormap::model::{Means, Role, Scope, Territory};
use predicates::prelude::*;

use crate::{actormap, calaisis, territory};

const DOMAINS: &str = "id;name;headline;related\nDC1;Bâtiment;Massifier les rénovations;DC 3\nDC3;Économie circulaire;;DC1\n";
const OBJECTIVES: &str = "id;domain;title;target;unit;current;priority;contractual\nrenovation;DC1;Rénovations;1 500;rénovations;12,5;oui;oui\nregal;DC3;Mise en œuvre d'un REGAL;1;REGAL;;x;\n";
const ACTORS: &str = "id;name;kind;aliases;members\n;SEVADEC;syndicat;;\ngctm;GCT&M;EPCI;;\nccra;CCRA;EPCI;;\nepci;Les 3 EPCI;groupe;EPCIs;GCT&M|ccra\nregion;Région Hauts-de-France;;Région HdF|REGION HAUTS DE France;\n";
const LINKS: &str = "acteur;objectif;rôle;moyens;note\nLes 3 EPCI;renovation;Chef de file;ingénierie;\nsevadec;regal;chef de file pressenti;;Quid ?\nRégion HdF;DC1;financeur;financiers;AAP\n";

/// A valid small territory, with one file replaced.
fn with(name: &str, contents: &str) -> tempfile::TempDir {
    let mut files: Vec<(&str, &[u8])> = vec![
        ("domains.csv", DOMAINS.as_bytes()),
        ("objectives.csv", OBJECTIVES.as_bytes()),
        ("actors.csv", ACTORS.as_bytes()),
        ("links.csv", LINKS.as_bytes()),
    ];
    files.retain(|(n, _)| *n != name);
    if !contents.is_empty() {
        files.push((name, contents.as_bytes()));
    }
    territory(&files)
}

/// The load errors of a territory folder, as printed: `file:line: ...` with the folder cut off.
fn errors(dir: &Path) -> Vec<String> {
    let prefix = format!("{}/", dir.display());
    match load(dir) {
        Ok(_) => panic!("expected load errors in {}", dir.display()),
        Err(errors) => errors
            .iter()
            .map(|e: &LoadError| e.to_string().replace(&prefix, ""))
            .collect(),
    }
}

/// Every record's origin, to compare two loads of one territory from different places.
fn origins(t: &mut Territory) -> impl Iterator<Item = &mut actormap::error::Location> {
    let domains = t.domains.iter_mut().map(|d| &mut d.origin);
    let objectives = t.objectives.iter_mut().map(|o| &mut o.origin);
    let actors = t.actors.iter_mut().map(|a| &mut a.origin);
    let links = t.links.iter_mut().map(|l| &mut l.origin);
    let rules = t.rules.values_mut().map(|r| &mut r.origin);
    domains
        .chain(objectives)
        .chain(actors)
        .chain(links)
        .chain(rules)
}

/// Origins relative to their folder, so two copies of one territory compare equal.
fn relative(mut t: Territory) -> Territory {
    for origin in origins(&mut t) {
        let name = Path::new(&origin.file).file_name().unwrap_or_default();
        origin.file = name.to_string_lossy().into_owned();
    }
    t
}

#[test]
fn the_small_territory_loads_with_french_headers_and_values() {
    let dir = with("", "");
    let t = load(dir.path()).expect("loads");
    let renovation = t.objective("renovation").unwrap();
    assert_eq!(renovation.target, Some(1500.0));
    assert_eq!(renovation.current, Some(12.5));
    assert!(renovation.priority && renovation.contractual);
    let regal = t.objective("regal").unwrap();
    assert!(regal.priority && !regal.contractual);
    assert_eq!(t.domain("DC1").unwrap().related, ["DC3"]);
    // The id is derived from the name when the cell is empty.
    assert_eq!(t.actor("sevadec").unwrap().name, "SEVADEC");
    // Members by id or name; links by id, name or alias, any case.
    assert_eq!(t.actor("epci").unwrap().members, ["gctm", "ccra"]);
    assert_eq!(t.links[0].actor, "epci");
    assert_eq!(t.links[0].role, Role::Lead);
    assert_eq!(t.links[0].means, Some(Means::Engineering));
    assert_eq!(t.links[1].role, Role::LeadCandidate);
    assert_eq!(t.links[2].actor, "region");
    // A link to a domain applies to each of its objectives.
    assert_eq!(t.links[2].scope, Scope::Domain("DC1".into()));
    let funders = t.actors_in_role(renovation, Role::Funder);
    assert_eq!(
        funders.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
        ["region"]
    );
}

#[test]
fn calaisis_is_the_seed_deck() {
    let t = load(&calaisis()).expect("the bundled data loads");
    assert_eq!(t.domains.len(), 9);
    assert_eq!(t.objectives.len(), 9);
    let priority: Vec<&str> = t
        .objectives
        .iter()
        .filter(|o| o.priority)
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(priority, ["renovation", "regal", "cot-enr"]);
    assert!(
        t.objectives
            .iter()
            .all(|o| o.contractual && o.current.is_none())
    );
    let p = t.programme.as_ref().unwrap();
    // 422 371 EUR over three years = 270 000 flat + 1 EUR per inhabitant.
    let bonus = p.bonus_per_inhabitant.unwrap() * t.population.unwrap() as f64;
    assert_eq!(p.flat_aid.unwrap() + bonus, 422_371.0);
    assert_eq!(t.domain("DC3").unwrap().related, ["DC5", "DC7", "DC9"]);
    assert_eq!(
        t.domain("DC3").unwrap().headline.as_deref(),
        Some("Vers la réduction du gaspillage alimentaire")
    );
    let renovation = t.objective("renovation").unwrap();
    let leads = t.actors_in_role(renovation, Role::Lead);
    assert_eq!(leads.len(), 1);
    assert_eq!(leads[0].members, ["gctm", "ccra", "ccpo"]);
    let regal = t.objective("regal").unwrap();
    assert!(t.actors_in_role(regal, Role::Lead).is_empty());
    let candidates: Vec<&str> = t
        .actors_in_role(regal, Role::LeadCandidate)
        .iter()
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(candidates, ["SEVADEC", "SyMPaC", "Les 3 EPCI"]);
    // The graph holds every table row and link.
    let g = t.graph();
    assert_eq!(g.graph.node_count(), 9 + 9 + t.actors.len());
    let roles = g
        .graph
        .edge_weights()
        .filter(|e| matches!(e, actormap::model::Edge::Role { .. }))
        .count();
    assert_eq!(roles, t.links.len());
}

#[test]
fn calaisis_saved_by_french_excel_loads_to_the_same_model() {
    // French Excel's "CSV (séparateur : point-virgule)": Windows-1252, `;`, CRLF.
    let original = load(&calaisis()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(calaisis()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let bytes = if path.extension().is_some_and(|e| e == "csv") {
            let crlf = text.replace('\n', "\r\n");
            let (encoded, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&crlf);
            assert!(!unmappable, "{} fits Windows-1252", path.display());
            assert!(encoded.iter().any(|&b| b >= 0x80), "accents are not ASCII");
            encoded.into_owned()
        } else {
            text.into_bytes()
        };
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let excel = load(dir.path()).expect("the Excel copy loads");
    assert_eq!(relative(excel), relative(original));
}

#[test]
fn comma_separated_utf8_with_bom_loads_to_the_same_model() {
    let comma = |s: &str| {
        let mut out = String::from("\u{feff}");
        for line in s.lines() {
            let cells: Vec<String> = line.split(';').map(|c| format!("\"{c}\"")).collect();
            out.push_str(&cells.join(","));
            out.push('\n');
        }
        out
    };
    let semicolon = with("", "");
    let commas = territory(&[
        ("domains.csv", comma(DOMAINS).as_bytes()),
        ("objectives.csv", comma(OBJECTIVES).as_bytes()),
        ("actors.csv", comma(ACTORS).as_bytes()),
        ("links.csv", comma(LINKS).as_bytes()),
    ]);
    let mut from_commas = relative(load(commas.path()).unwrap());
    from_commas.name = "mini".into();
    let mut from_semicolons = relative(load(semicolon.path()).unwrap());
    from_semicolons.name = "mini".into();
    assert_eq!(from_commas, from_semicolons);
}

#[test]
fn one_json_file_loads_to_the_same_model_as_the_folder() {
    let json = r#"{
  "name": "mini",
  "domains": [
    {"id": "DC1", "name": "Bâtiment", "headline": "Massifier les rénovations", "related": ["DC 3"]},
    {"id": "DC3", "name": "Économie circulaire", "related": "DC1"}
  ],
  "objectives": [
    {"id": "renovation", "domain": "DC1", "title": "Rénovations", "target": 1500, "unit": "rénovations", "current": "12,5", "priority": true, "contractual": "oui"},
    {"id": "regal", "domain": "DC3", "title": "Mise en œuvre d'un REGAL", "target": 1, "unit": "REGAL", "priority": "x"}
  ],
  "actors": [
    {"name": "SEVADEC", "kind": "syndicat"},
    {"id": "gctm", "name": "GCT&M", "kind": "EPCI"},
    {"id": "ccra", "name": "CCRA", "kind": "EPCI"},
    {"id": "epci", "name": "Les 3 EPCI", "kind": "groupe", "aliases": ["EPCIs"], "members": ["GCT&M", "ccra"]},
    {"id": "region", "name": "Région Hauts-de-France", "aliases": ["Région HdF", "REGION HAUTS DE France"]}
  ],
  "liens": [
    {"acteur": "Les 3 EPCI", "objectif": "renovation", "rôle": "Chef de file", "moyens": "ingénierie"},
    {"acteur": "sevadec", "objectif": "regal", "rôle": "chef de file pressenti", "note": "Quid ?"},
    {"acteur": "Région HdF", "objectif": "DC1", "rôle": "financeur", "moyens": "financiers", "note": "AAP"}
  ]
}"#;
    let dir = territory(&[("mini.json", json.as_bytes())]);
    let from_json = load(&dir.path().join("mini.json")).expect("the JSON file loads");
    let mut from_csv = relative(load(with("", "").path()).unwrap());
    from_csv.name = "mini".into();
    let from_json = relative(from_json);
    // Same model; only the origins' files and lines differ.
    let strip = |mut t: Territory| {
        t.domains
            .iter_mut()
            .for_each(|d| d.origin = Default::default());
        t.objectives
            .iter_mut()
            .for_each(|o| o.origin = Default::default());
        t.actors
            .iter_mut()
            .for_each(|a| a.origin = Default::default());
        t.links
            .iter_mut()
            .for_each(|l| l.origin = Default::default());
        t
    };
    assert_eq!(from_json.links[2].origin.line, 21);
    assert_eq!(strip(from_json), strip(from_csv));
}

#[test]
fn unknown_actor_is_named_with_a_suggestion() {
    let links = "actor;objective;role\nSEVADEC;regal;cible\nSEVADC;regal;relais\n";
    let dir = with("links.csv", links);
    assert_eq!(
        errors(dir.path()),
        [r#"links.csv:3: column "actor": unknown actor "SEVADC" (did you mean "SEVADEC"?)"#]
    );
}

#[test]
fn unknown_role_lists_what_is_expected() {
    let dir = with("links.csv", "actor;objective;role\nSEVADEC;regal;boss\n");
    let e = errors(dir.path());
    assert_eq!(e.len(), 1);
    assert!(
        e[0].starts_with(r#"links.csv:2: column "role": unknown role "boss" (expected one of: lead, lead-candidate"#),
        "{e:?}"
    );
    assert!(e[0].contains("chef de file"), "{e:?}");
}

#[test]
fn duplicate_ids_point_at_the_first_definition() {
    let domains = "id;name\nDC1;Bâtiment\nDC3;Économie circulaire\ndc1;Autre\n";
    let objectives = "id;domain;title\nrenovation;DC1;A\nregal;DC3;B\nrenovation;DC3;C\n";
    let actors = "id;name\nx;Les 3 EPCI\ngctm;GCT&M\nccra;CCRA\nepci;EPCIs\nsevadec;SEVADEC\nregion;Région\nX;Autre\n";
    let dir = territory(&[
        ("domains.csv", domains.as_bytes()),
        ("objectives.csv", objectives.as_bytes()),
        ("actors.csv", actors.as_bytes()),
        ("links.csv", b"actor;objective;role\n"),
    ]);
    assert_eq!(
        errors(dir.path()),
        [
            r#"actors.csv:8: column "id": duplicate actor id "X" (first defined at actors.csv:2)"#,
            r#"domains.csv:4: column "id": duplicate domain id "dc1" (first defined at domains.csv:2)"#,
            r#"objectives.csv:4: column "id": duplicate objective id "renovation" (first defined at objectives.csv:2)"#,
        ]
    );
}

#[test]
fn empty_required_field_says_what_was_expected() {
    let dir = with(
        "objectives.csv",
        "id;domain;title\nrenovation;DC1;\n;DC3;REGAL\n",
    );
    assert_eq!(
        errors(dir.path()),
        [
            // The row without an id cannot be the "regal" the links name.
            r#"links.csv:3: column "objectif": unknown objective or domain "regal""#,
            r#"objectives.csv:2: column "title": empty title; expected the objective's title"#,
            r#"objectives.csv:3: column "id": empty id; expected an objective id such as regal"#,
        ]
    );
}

#[test]
fn objective_in_an_unknown_domain() {
    let dir = with(
        "objectives.csv",
        "id;domaine;titre\nrenovation;DC1;A\nregal;DC33;B\n",
    );
    // Only the cause: the links to "regal" are not reported again.
    assert_eq!(
        errors(dir.path()),
        [
            r#"objectives.csv:3: column "domaine": unknown domain "DC33" (did you mean "DC3"?); expected an id from the domains table"#
        ]
    );
}

#[test]
fn a_number_that_is_not_a_number() {
    let objectives =
        "id;domain;title;target;current\nrenovation;DC1;A;1 500;1500,5\nregal;DC3;B;15OO;un\n";
    let dir = with("objectives.csv", objectives);
    assert_eq!(
        errors(dir.path()),
        [
            r#"objectives.csv:3: column "current": "un" is not a number (expected e.g. 1500, 1 500 or 1500,5)"#,
            r#"objectives.csv:3: column "target": "15OO" is not a number (expected e.g. 1500, 1 500 or 1500,5)"#,
        ]
    );
}

#[test]
fn a_missing_file_is_named() {
    let dir = with("links.csv", "");
    assert_eq!(
        errors(dir.path()),
        [format!(
            "links.csv: missing file; expected links.csv or liens.csv or roles.csv in {} (a header line is enough for an empty table)",
            dir.path().display()
        )]
    );
}

#[test]
fn an_unreadable_encoding_is_named_with_its_line() {
    let mut utf16_without_bom: Vec<u8> = Vec::new();
    for unit in "id;name\nDC1;Bâtiment\n".encode_utf16() {
        utf16_without_bom.extend(unit.to_le_bytes());
    }
    let dir = territory(&[
        ("domains.csv", &utf16_without_bom),
        ("objectives.csv", OBJECTIVES.as_bytes()),
        ("actors.csv", ACTORS.as_bytes()),
        ("links.csv", LINKS.as_bytes()),
    ]);
    let e = errors(dir.path());
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].starts_with("domains.csv:1: unreadable encoding: a NUL byte"),
        "{e:?}"
    );
}

#[test]
fn an_unknown_column_is_an_error_and_a_commented_one_is_not() {
    let dir = with(
        "links.csv",
        "actor;objective;rôel;# contact\nSEVADEC;regal;cible;x@y.fr\n",
    );
    let e = errors(dir.path());
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(
        e[0].starts_with(r#"links.csv:1: missing column "role" in the links table"#),
        "{e:?}"
    );
    assert!(
        e[1].starts_with(r#"links.csv:1: unknown column "rôel" in the links table"#),
        "{e:?}"
    );
}

#[test]
fn groups_that_contain_each_other() {
    let actors = "id;name;members\na;Groupe A;b\nb;Groupe B;c\nc;Groupe C;a\nsevadec;SEVADEC;\nepci;Les 3 EPCI;\nregion;Région HdF;\n";
    let dir = with("actors.csv", actors);
    assert_eq!(
        errors(dir.path()),
        [
            r#"actors.csv:2: column "members": groups "Groupe A", "Groupe B", "Groupe C" contain each other"#
        ]
    );
}

#[test]
fn a_row_with_too_many_cells() {
    let dir = with(
        "links.csv",
        "actor;objective;role\nSEVADEC;regal;cible;oops\n",
    );
    let e = errors(dir.path());
    assert_eq!(e.len(), 1);
    assert!(
        e[0].starts_with("links.csv:2: 4 cells but the header has 3 columns"),
        "{e:?}"
    );
}

#[test]
fn bad_json_names_its_line() {
    let json = "{\n  \"domains\": [\n    {\"id\": \"DC1\", \"name\": \"x\"}\n    {\"id\": \"DC2\"}\n  ]\n}\n";
    let dir = territory(&[("t.json", json.as_bytes())]);
    let e = load(&dir.path().join("t.json")).unwrap_err();
    assert_eq!(e.len(), 1);
    // The comma is missing after line 3's object.
    assert_eq!(e[0].location.line, 3, "{e:?}");
    assert!(e[0].message.starts_with("invalid JSON"), "{e:?}");
}

#[test]
fn bad_territory_settings_name_their_line() {
    let settings =
        "{\n  \"population\": \"beaucoup\",\n  \"programme\": {\"end\": \"31/02/2023\"}\n}\n";
    let dir = territory(&[
        ("territory.json", settings.as_bytes()),
        ("domains.csv", DOMAINS.as_bytes()),
        ("objectives.csv", OBJECTIVES.as_bytes()),
        ("actors.csv", ACTORS.as_bytes()),
        ("links.csv", LINKS.as_bytes()),
    ]);
    let e = errors(dir.path());
    assert_eq!(e.len(), 2, "{e:?}");
    assert!(
        e[0].starts_with("territory.json:2: \"population\": \"beaucoup\" is not a number"),
        "{e:?}"
    );
    assert!(
        e[1].starts_with("territory.json:3: \"end\": \"31/02/2023\" is not a date"),
        "{e:?}"
    );
}

#[test]
fn every_error_of_a_load_is_reported_together_and_exits_2() {
    let objectives = "id;domain;title;target\nrenovation;DC1;A;beaucoup\nregal;DC9;B;1\n";
    let links = "actor;objective;role;means\nSEVADC;regal;cible;\nSEVADEC;regal;boss;\nSEVADEC;regal;cible;argent\n";
    let dir = with("objectives.csv", objectives);
    std::fs::write(dir.path().join("links.csv"), links).unwrap();
    std::fs::remove_file(dir.path().join("actors.csv")).unwrap();
    actormap()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("actors.csv: missing file"))
        .stderr(predicate::str::contains(
            r#"objectives.csv:2: column "target": "beaucoup" is not a number"#,
        ))
        .stderr(predicate::str::contains(
            r#"objectives.csv:3: column "domain": unknown domain "DC9""#,
        ))
        .stderr(predicate::str::contains(
            r#"links.csv:3: column "role": unknown role "boss""#,
        ))
        .stderr(predicate::str::contains(
            r#"links.csv:4: column "means": unknown means "argent""#,
        ))
        .stderr(predicate::str::contains(
            "5 errors in the input, nothing was done",
        ));
}

#[test]
fn a_missing_territory_is_bad_input() {
    actormap()
        .args(["list", "no/such/place"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no/such/place: no such folder or file",
        ));
}

#[test]
fn list_shows_each_domain_and_who_leads() {
    actormap()
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Pays du Calaisis, COT TRI (2021-01-01 to 2023-12-31)",
        ))
        .stdout(predicate::str::contains(
            "    target value: 1 500 rénovations, reached: unknown\n",
        ))
        .stdout(predicate::str::contains(
            "    Lead(s): Les 3 EPCI [« Chefs de file : les 3 EPCI via leurs politiques respectives »]\n",
        ))
        .stdout(predicate::str::contains(
            "    Lead candidates: SEVADEC [« Quid du portage du REGAL ? » SEVADEC, pilote du PLP local], SyMPaC [« Quid du portage du REGAL ? »], Les 3 EPCI [« EPCIs ? »]\n",
        ));
}

#[test]
fn list_shows_the_values_status_uses() {
    // The latest dated measurement wins, as in `actormap status`.
    actormap()
        .args(["list", "tests/fixtures/status"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "    target value: 50 km, reached: 30 km on 2022-12-31\n",
        ));
}

#[test]
fn check_reports_regal_and_cot_enr_without_a_lead_and_exits_1() {
    actormap()
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            r#"objective regal "Mise en œuvre d'un REseau de Lutte contre le Gaspillage ALimentaire (REGAL)" has no lead; candidates: SEVADEC, SyMPaC, Les 3 EPCI"#,
        ))
        .stdout(predicate::str::contains(
            r#"objective cot-enr "Contractualiser un Contrat d'Objectifs Territorial pour les énergies renouvelables avant 3 ans couvrant l'ensemble du territoire" has no lead; candidates: PNRCMO, SyMPaC, Les 3 EPCI"#,
        ))
        .stdout(predicate::str::contains("objective renovation").not());
}

#[test]
fn a_closed_pipe_is_not_a_crash() {
    // `actormap list | head -0`: the reader is gone before anything is written.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("actormap"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("list")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert!(out.status.success(), "{:?}", out.status);
}

mod no_panic {
    use proptest::prelude::*;

    use super::*;

    /// Cells made of what breaks parsers: delimiters, quotes, line ends, accents, NUL, bytes
    /// that are not UTF-8.
    fn messy() -> impl Strategy<Value = Vec<u8>> {
        let piece = prop_oneof![
            Just(b";".to_vec()),
            Just(b",".to_vec()),
            Just(b"\"".to_vec()),
            Just(b"\r\n".to_vec()),
            Just(b"\n".to_vec()),
            Just(b"\t".to_vec()),
            Just("é".as_bytes().to_vec()),
            Just(vec![0xe9]),
            Just(vec![0x81]),
            Just(vec![0]),
            Just(b"id".to_vec()),
            Just(b"SEVADEC".to_vec()),
            Just(b"regal".to_vec()),
            Just(b"1 500,5".to_vec()),
            "[a-zA-Z0-9 |]{0,6}".prop_map(String::into_bytes),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Whatever a file holds, loading answers with a model or with located errors.
        #[test]
        fn loading_never_panics(file in 0..5usize, tail in messy()) {
            let names = ["domains.csv", "objectives.csv", "actors.csv", "links.csv", "territory.json"];
            let mut bytes = match file {
                0 => DOMAINS.as_bytes().to_vec(),
                1 => OBJECTIVES.as_bytes().to_vec(),
                2 => ACTORS.as_bytes().to_vec(),
                3 => LINKS.as_bytes().to_vec(),
                _ => b"{\"name\": ".to_vec(),
            };
            bytes.extend(tail);
            let dir = with("", "");
            std::fs::write(dir.path().join(names[file]), &bytes).unwrap();
            if let Err(errors) = load(dir.path()) {
                prop_assert!(!errors.is_empty());
                for e in errors {
                    prop_assert!(e.location.file.ends_with(names[file]) || e.location.file.ends_with(".csv"), "{e}");
                    prop_assert!(!e.message.is_empty());
                }
            }
        }
    }
}
