//! Loading: formats, encodings, and every kind of bad input with its file, line and message.

use std::path::Path;

use actormap::error::LoadError;
use actormap::i18n::Lang;
use actormap::load::load;
use actormap::model::{Means, Role, Scope, Territory};
use predicates::prelude::*;

use crate::{actormap, actormap_en, calaisis, territory};

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
            .map(|e: &LoadError| e.render(Lang::En).replace(&prefix, ""))
            .collect(),
    }
}

/// Origins relative to their folder, so two copies of one territory compare equal.
pub fn relative(mut t: Territory) -> Territory {
    let relative = |origin: &mut actormap::error::Location| {
        let name = Path::new(&*origin.file).file_name().unwrap_or_default();
        origin.file = name.to_string_lossy().into();
    };
    t.edit(|t| t.origins_mut().for_each(relative));
    t.rules.values_mut().for_each(|r| relative(&mut r.origin));
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
    assert_eq!(t.links()[0].actor, "epci");
    assert_eq!(t.links()[0].role, Role::Lead);
    assert_eq!(t.links()[0].means, Some(Means::Engineering));
    assert_eq!(t.links()[1].role, Role::LeadCandidate);
    assert_eq!(t.links()[2].actor, "region");
    // A link to a domain applies to each of its objectives.
    assert_eq!(t.links()[2].scope, Scope::Domain("DC1".into()));
    let funders = t.actors_in_role(renovation, Role::Funder);
    assert_eq!(
        funders.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
        ["region"]
    );
}

#[test]
fn calaisis_is_the_seed_deck() {
    let t = load(&calaisis()).expect("the bundled data loads");
    assert_eq!(t.domains().len(), 9);
    assert_eq!(t.objectives().len(), 9);
    let priority: Vec<&str> = t
        .objectives()
        .iter()
        .filter(|o| o.priority)
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(priority, ["renovation", "regal", "cot-enr"]);
    assert!(
        t.objectives()
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
    assert_eq!(g.graph.node_count(), 9 + 9 + t.actors().len());
    let roles = g
        .graph
        .edge_weights()
        .filter(|e| matches!(e, actormap::model::Edge::Role { .. }))
        .count();
    assert_eq!(roles, t.links().len());
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
        t.edit(|t| t.origins_mut().for_each(|o| *o = Default::default()));
        t
    };
    assert_eq!(from_json.links()[2].origin.line, 21);
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
fn unknown_role_lists_every_accepted_word_of_the_language() {
    let dir = with("links.csv", "actor;objective;role\nSEVADEC;regal;boss\n");
    assert_eq!(
        errors(dir.path()),
        [
            "links.csv:2: column \"role\": unknown role \"boss\"; expected one of: lead; lead-candidate, candidate; prescriber; funder; support, support partner, partner, resource; target; relay (singular or plural)"
        ]
    );
    // In French, the French words only.
    let fr: Vec<String> = match load(dir.path()) {
        Ok(_) => panic!("expected a load error"),
        Err(errors) => errors.iter().map(|e| e.render(Lang::Fr)).collect(),
    };
    assert_eq!(fr.len(), 1, "{fr:?}");
    assert!(
        fr[0].replace('\u{a0}', " ").ends_with(
            "rôle inconnu « boss » ; attendu, l'un de : chef de file, pilote, porteur ; chef de file pressenti, pressenti, candidat, chef de file candidat ; prescripteur, prescriptrice ; financeur, financeuse, financier, financière ; accompagnateur, accompagnatrice, partenaire-ressource, partenaire, ressource ; cible ; relais (au singulier ou au pluriel)"
        ),
        "{fr:?}"
    );
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
    assert!(
        e[0].message.render(Lang::En).starts_with("invalid JSON"),
        "{e:?}"
    );
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
    actormap_en()
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
    actormap_en()
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
            "Pays du Calaisis, COT TRI (du 01/01/2021 au 31/12/2023), 152\u{a0}371 habitants\n9 domaines, 9 objectifs, 30 acteurs, 40 liens, 24 actions, 6 instances\npérimètre\u{a0}: GCT&M, CCRA, CCPO\n",
        ))
        .stdout(predicate::str::contains(
            "    cible\u{a0}: 1\u{a0}500 rénovations, réalisé\u{a0}: inconnu\n",
        ))
        .stdout(predicate::str::contains(
            "    Chef(s) de file\u{a0}: Les 3 EPCI [« Chefs de file : les 3 EPCI via leurs politiques respectives »]\n",
        ))
        .stdout(predicate::str::contains(
            "    Chef de file pressenti\u{a0}: SEVADEC [« Quid du portage du REGAL ? » SEVADEC, pilote du PLP local], SyMPaC [« Quid du portage du REGAL ? »], Les 3 EPCI [« EPCIs ? »]\n",
        ));
    actormap()
        .args(["list", "--lang", "en"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Pays du Calaisis, COT TRI (2021-01-01 to 2023-12-31), 152,371 inhabitants\n9 domains, 9 objectives, 30 actors, 40 links, 24 actions, 6 bodies\nperimeter: GCT&M, CCRA, CCPO\n",
        ))
        .stdout(predicate::str::contains(
            "    target value: 1,500 rénovations, reached: unknown\n",
        ))
        .stdout(predicate::str::contains(
            "    Lead candidates: SEVADEC [« Quid du portage du REGAL ? » SEVADEC, pilote du PLP local], SyMPaC [« Quid du portage du REGAL ? »], Les 3 EPCI [« EPCIs ? »]\n",
        ));
}

#[test]
fn list_shows_the_actions_their_coverage_and_the_governance() {
    actormap()
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "  état des lieux\u{a0}:\n    - Seule la CCPO est couverte par un COT ENR via le PNRCMO\n",
        ))
        .stdout(predicate::str::contains(
            "    périmètre\u{a0}: tout (GCT&M, CCRA, CCPO)\n    couverture\u{a0}: CCPO (COT ENR du PNRCMO)\u{a0}; reste à couvrir\u{a0}: GCT&M, CCRA\n",
        ))
        .stdout(predicate::str::contains(
            "    actions\u{a0}:\n      - Assises de l'alimentation\u{a0}: GCT&M\u{a0}; en cours\u{a0}; origine\u{a0}: acteurs du territoire\n      - Appel à projet national du Programme National pour l'alimentation\u{a0}: CIAS, CCPO\u{a0}; en cours",
        ))
        .stdout(predicate::str::contains(
            "  actions du domaine entier\u{a0}:\n    - Projet de cadastre solaire\u{a0}: GCT&M, CCRA\u{a0}; envisagée",
        ))
        .stdout(predicate::str::contains(
            "\ngouvernance\n  COPIL (comité de pilotage)\u{a0}: animateur\u{a0}: SyMPaC\u{a0}; membres\u{a0}: SyMPaC, ADEME, Région Hauts-de-France, Sous-préfecture, DDTM, PNRCMO, Les 3 EPCI",
        ))
        .stdout(predicate::str::contains(
            "  Démonstrateur REV 3 (groupe de travail)\u{a0}: animateur\u{a0}: GCT&M\u{a0}; rend compte à\u{a0}: COTECH",
        ));
    actormap()
        .args(["list", "--lang", "en"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "    scope: all (GCT&M, CCRA, CCPO)\n    coverage: CCPO (COT ENR du PNRCMO); not covered: GCT&M, CCRA\n    actions:\n      - COT ENR du PNRCMO: PNRCMO; ongoing; origin: état des lieux; perimeter: CCPO [",
        ))
        .stdout(predicate::str::contains(
            "  COTECH (comité technique): chair: SyMPaC; members: SyMPaC, DDTM,",
        ))
        .stdout(predicate::str::contains("; reports to: COPIL\n"));
    // A territory without those tables is listed as before: no counts, no titles.
    actormap()
        .args(["list", "tests/fixtures/status"])
        .assert()
        .success()
        .stdout(predicate::str::contains("actions").not())
        .stdout(predicate::str::contains("gouvernance").not())
        .stdout(predicate::str::contains("périmètre").not());
}

#[test]
fn list_shows_the_values_status_uses() {
    // The latest dated measurement wins, as in `actormap status`.
    actormap()
        .args(["list", "tests/fixtures/status"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "    cible\u{a0}: 50 km, réalisé\u{a0}: 30 km au 31/12/2022\n",
        ));
}

#[test]
fn check_reports_regal_and_cot_enr_without_a_lead_and_exits_1() {
    actormap()
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "l'objectif regal «\u{a0}Mise en œuvre d'un REseau de Lutte contre le Gaspillage ALimentaire (REGAL)\u{a0}» n'a pas de chef de file\u{a0}; candidats\u{a0}: SEVADEC, SyMPaC, Les 3 EPCI",
        ))
        .stdout(predicate::str::contains(
            "l'objectif cot-enr «\u{a0}Contractualiser un Contrat d'Objectifs Territorial pour les énergies renouvelables avant 3 ans couvrant l'ensemble du territoire\u{a0}» n'a pas de chef de file\u{a0}; candidats\u{a0}: PNRCMO, SyMPaC, Les 3 EPCI",
        ))
        .stdout(predicate::str::contains("objectif renovation").not());
}

#[test]
fn a_closed_pipe_is_not_a_crash() {
    // `actormap list | head -0`: the reader is gone before anything is written.
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin!("actormap"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["list", "actors/calaisis"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert!(out.status.success(), "{:?}", out.status);
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    /// Cells made of what breaks parsers: delimiters, quotes, line ends (LF, CRLF, CR
    /// alone), accents, NUL, bytes that are not UTF-8.
    fn messy() -> impl Strategy<Value = Vec<u8>> {
        let piece = prop_oneof![
            Just(b";".to_vec()),
            Just(b",".to_vec()),
            Just(b"\"".to_vec()),
            Just(b"\r\n".to_vec()),
            Just(b"\n".to_vec()),
            Just(b"\r".to_vec()),
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

    /// How many lines a text has, a line ending with LF, CRLF or a CR alone.
    fn line_count(bytes: &[u8]) -> usize {
        let text = String::from_utf8_lossy(bytes)
            .replace("\r\n", "\n")
            .replace('\r', "\n");
        text.matches('\n').count() + 1
    }

    /// The text of a link's note: quotes, delimiters and line ends of every kind inside,
    /// a letter at each end (the loader trims a cell's spaces and line ends).
    fn note() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just(";"),
            Just(","),
            Just("\t"),
            Just("\""),
            Just("\"\""),
            Just("\r"),
            Just("\n"),
            Just("\r\n"),
            Just("é"),
            Just("€"),
            Just(" "),
            Just("Quid ?"),
            Just("x"),
        ];
        prop::collection::vec(piece, 0..8).prop_map(|p| format!("a{}z", p.concat()))
    }

    /// A cell as a spreadsheet writes it: in quotes (quotes doubled) when it must be, or
    /// when `quote` says so.
    fn written(cell: &str, delimiter: char, quote: bool) -> String {
        let must = cell.contains([delimiter, '"', '\r', '\n']);
        if must || quote {
            format!("\"{}\"", cell.replace('"', "\"\""))
        } else {
            cell.to_owned()
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Whatever a file holds, loading answers with a model or with located errors, each
        /// on a line the file has.
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
                    prop_assert!(e.location.file.ends_with(names[file]) || e.location.file.ends_with(".csv"), "{e:?}");
                    prop_assert!(!e.message.render(Lang::En).is_empty());
                    if e.location.file.ends_with(names[file]) {
                        prop_assert!(e.location.line <= line_count(&bytes), "{e:?} in {} lines", line_count(&bytes));
                    }
                }
            }
        }

        /// The CSV reader gives back every cell a spreadsheet wrote, quotes, delimiters and
        /// line ends included, each row at the line it starts on, whatever the line ends
        /// (LF, CRLF, CR alone) and the delimiter.
        #[test]
        fn csv_cells_and_lines_come_back(
            notes in prop::collection::vec((note(), any::<bool>()), 1..6),
            ending in prop_oneof![Just("\n"), Just("\r\n"), Just("\r")],
            delimiter in prop_oneof![Just(';'), Just(','), Just('\t')],
        ) {
            let d = delimiter.to_string();
            let mut text = ["acteur", "objectif", "rôle", "moyens", "note"].join(&d) + ending;
            let mut expected = Vec::new();
            let mut line = 2;
            for (note, quote) in &notes {
                let cells = ["sevadec", "regal", "cible", ""].map(str::to_owned);
                text += &cells.join(&d);
                text += &d;
                text += &written(note, delimiter, *quote);
                text += ending;
                expected.push((line, note.clone()));
                line += 1 + note.replace("\r\n", "\n").replace('\r', "\n").matches('\n').count();
            }
            let dir = with("links.csv", &text);
            let t = load(dir.path()).map_err(|e| TestCaseError::fail(format!("{e:?}\n{text:?}")))?;
            let got: Vec<(usize, String)> = t
                .links()
                .iter()
                .map(|l| (l.origin.line, l.note.clone().unwrap_or_default()))
                .collect();
            prop_assert_eq!(got, expected, "{:?}", text);
        }

        /// The decoder: UTF-8 comes back as written; Windows-1252 comes back as written
        /// unless its bytes hold a valid multi-byte UTF-8 sequence (then it is UTF-8, or
        /// UTF-8 with bad bytes, reported at their lines); a UTF-8 file with one stray byte
        /// is an error at that byte's line.
        #[test]
        fn the_decoder_reads_utf8_and_windows_1252_as_promised(
            words in prop::collection::vec(prop_oneof![
                Just("Région"), Just("œuvre"), Just("€"), Just("’"), Just("«"), Just("à"),
                Just("x"), Just("SEVADEC"), Just("1 500"), Just(" "),
            ], 1..12),
            windows in any::<bool>(),
            stray in any::<prop::sample::Index>(),
        ) {
            let name = format!("N{}", words.concat()).trim_end().to_owned();
            let actors = format!("{ACTORS}autre;{name};;;\n");
            let bytes = if windows {
                encoding_rs::WINDOWS_1252.encode(&actors).0.into_owned()
            } else {
                actors.clone().into_bytes()
            };
            let multibyte = bytes
                .utf8_chunks()
                .any(|c| !c.valid().is_ascii());
            let dir = with("", "");
            std::fs::write(dir.path().join("actors.csv"), &bytes).unwrap();
            let loaded = load(dir.path());
            if !windows || !multibyte {
                let t = loaded.map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
                prop_assert_eq!(&t.actor("autre").unwrap().name, &name);
            } else if std::str::from_utf8(&bytes).is_err() {
                let e = loaded.expect_err("bad UTF-8 bytes");
                prop_assert!(e.iter().all(|e| e.message.render(Lang::En).contains("is not UTF-8")), "{e:?}");
            }

            // One stray Windows-1252 byte in the UTF-8 file, on a line of the data.
            let mut utf8 = actors.into_bytes();
            let ends: Vec<usize> = utf8.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| i).collect();
            let at = ends[stray.index(ends.len())];
            let line = utf8[..at].iter().filter(|b| **b == b'\n').count() + 1;
            utf8.insert(at, 0xa0);
            std::fs::write(dir.path().join("actors.csv"), &utf8).unwrap();
            let shown: Vec<(usize, bool)> = errors(dir.path())
                .iter()
                .map(|e| (e.split(':').nth(1).unwrap_or("").parse().unwrap_or(0), e.contains("byte 0xA0")))
                .collect();
            prop_assert_eq!(shown, vec![(line, true)]);
        }
    }
}

#[test]
fn a_quote_never_closed_is_an_error_and_the_rest_of_the_file_is_still_read() {
    // Before: the note swallowed every later line silently (2 links, exit 0).
    let links = "acteur;objectif;rôle;moyens;note\nLes 3 EPCI;renovation;Chef de file;ingénierie;\nsevadec;regal;chef de file pressenti;;\"Quid du portage du REGAL ?\nRégion HdF;DC1;financeur;financiers;AAP\nSEVADC;regal;cible;;\n";
    let dir = with("links.csv", links);
    assert_eq!(
        errors(dir.path()),
        [
            r#"links.csv:3: column "note": quote opened here is never closed"#,
            r#"links.csv:5: column "acteur": unknown actor "SEVADC" (did you mean "SEVADEC"?)"#,
        ]
    );
    actormap_en()
        .arg("list")
        .arg(dir.path())
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "links.csv:3: column \"note\": quote opened here is never closed",
        ));
}

#[test]
fn one_bad_byte_in_a_utf8_file_is_an_error_at_its_line() {
    // An actors.csv in UTF-8 ("Région") with one stray Windows-1252 non-breaking space: before,
    // the whole file was read as Windows-1252 ("RÃ©gion") and the error pointed at links.csv.
    let mut actors = ACTORS.as_bytes().to_vec();
    actors.extend(b"ape;Appels \xa0 projets;;;\n");
    let dir = territory(&[
        ("domains.csv", DOMAINS.as_bytes()),
        ("objectives.csv", OBJECTIVES.as_bytes()),
        ("actors.csv", &actors),
        ("links.csv", LINKS.as_bytes()),
    ]);
    assert_eq!(
        errors(dir.path()),
        [
            "actors.csv:7: unreadable encoding: byte 0xA0 after \"ape;Appels \" is not UTF-8, but the rest of the file is; retype that character, or save the file again as UTF-8 (Excel: \"CSV UTF-8\")"
        ]
    );
}

#[test]
fn cr_only_line_endings_give_the_right_lines() {
    // Excel for Mac's "CSV (Macintosh)": every line ends with a CR alone.
    let links = LINKS.replace('\n', "\r") + "SEVADC;regal;cible;;\r";
    let dir = with("links.csv", &links);
    assert_eq!(
        errors(dir.path()),
        [r#"links.csv:5: column "acteur": unknown actor "SEVADC" (did you mean "SEVADEC"?)"#]
    );
    let t = load(with("links.csv", &LINKS.replace('\n', "\r")).path()).unwrap();
    let lines: Vec<usize> = t.links().iter().map(|l| l.origin.line).collect();
    assert_eq!(lines, [2, 3, 4]);
}

#[test]
fn a_title_above_the_header_is_skipped_with_a_note() {
    // French Excel pads the title row with the delimiter; the header is on line 3.
    let links = format!("Rôles des acteurs du COT TRI;;;;\n;;;;\n{LINKS}");
    let dir = with("links.csv", &links);
    let t = load(dir.path()).expect("loads");
    let lines: Vec<usize> = t.links().iter().map(|l| l.origin.line).collect();
    assert_eq!(lines, [4, 5, 6]);
    let shown = dir.path().join("links.csv").display().to_string();
    actormap_en()
        .arg("list")
        .arg(dir.path())
        .assert()
        .success()
        .stderr(format!(
            "note: {shown}:3: the header is line 3; line 1 above it (\"Rôles des acteurs du COT TRI\") skipped as a title\n"
        ));
}

#[test]
fn without_a_header_one_error_names_the_expected_columns() {
    let dir = with(
        "links.csv",
        "Rôles des acteurs\nLes 3 EPCI;renovation;Chef de file\nsevadec;regal;cible\n",
    );
    assert_eq!(
        errors(dir.path()),
        [
            "links.csv:1: no line reads as the header of the links table (line 1 holds \"Rôles des acteurs\"); expected a line naming its columns: actor, objective, role, means, note"
        ]
    );
}

#[test]
fn a_wrong_column_name_is_reported_and_the_rows_are_still_checked() {
    // Before: the unknown column hid every other problem of the file until the next run.
    let links = "acteur;objectif;rôle;Moyens mobilisés;note\nLes 3 EPCI;renovation;Chef de file;ingénierie;\nSEVADC;regal;cible;;\nsevadec;regal;boss;;\n";
    let dir = with("links.csv", links);
    let e = errors(dir.path());
    assert_eq!(e.len(), 3, "{e:#?}");
    // French header, French names.
    assert_eq!(
        e[0],
        r#"links.csv:1: unknown column "Moyens mobilisés" in the links table; expected acteur, objectif, rôle, moyens, note (start a column's name with # to keep it as a comment)"#
    );
    assert_eq!(
        e[1],
        r#"links.csv:3: column "acteur": unknown actor "SEVADC" (did you mean "SEVADEC"?)"#
    );
    assert!(
        e[2].starts_with(r#"links.csv:4: column "rôle": unknown role "boss""#),
        "{e:#?}"
    );
    // An English header gets the English names, and a near miss its suggestion.
    let dir = with("links.csv", "actor;objective;rôel\nSEVADEC;regal;cible\n");
    assert_eq!(
        errors(dir.path()),
        [
            r#"links.csv:1: missing column "role" in the links table (also accepted: role, roles)"#,
            r#"links.csv:1: unknown column "rôel" in the links table (did you mean "role"?); expected actor, objective, role, means, note (start a column's name with # to keep it as a comment)"#,
        ]
    );
}

#[test]
fn a_negative_target_is_refused_like_a_negative_value() {
    let objectives = "id;domain;title;target;current\nrenovation;DC1;A;-1 500;-3\nregal;DC3;B;1;\n";
    let dir = with("objectives.csv", objectives);
    assert_eq!(
        errors(dir.path()),
        [
            r#"objectives.csv:2: column "current": "-3" is negative; expected a value of 0 or more"#,
            r#"objectives.csv:2: column "target": "-1 500" is negative; expected a target of 0 or more"#,
        ]
    );
}

#[test]
fn a_date_outside_1900_to_2200_is_an_error() {
    let progress = "date;objectif;valeur\n0000-06-30;renovation;100\n30/06/2922;renovation;200\n31/12/2022;renovation;300\n";
    let settings = "{\n  \"programme\": {\"start\": \"0021-01-01\", \"end\": \"2023-12-31\"}\n}\n";
    let dir = with("progress.csv", progress);
    std::fs::write(dir.path().join("territory.json"), settings).unwrap();
    assert_eq!(
        errors(dir.path()),
        [
            r#"progress.csv:2: column "date": "0000-06-30" is in the year 0; expected a date between 1900 and 2200"#,
            r#"progress.csv:3: column "date": "30/06/2922" is in the year 2922; expected a date between 1900 and 2200"#,
            r#"territory.json:2: "start": "0021-01-01" is in the year 21; expected a date between 1900 and 2200"#,
        ]
    );
}

#[test]
fn every_bad_cell_of_a_row_is_reported() {
    // Before: only the first bad cell of each row.
    let progress =
        "date;objectif;valeur\n31/13/2022;renovation;beaucoup\n31/12/2022;renovaton;beaucoup\n";
    let objectives =
        "id;domain;title;target;priority\nrenovation;DC9;A;15OO;peut-être\nregal;DC3;B;1;\n";
    let dir = with("progress.csv", progress);
    std::fs::write(dir.path().join("objectives.csv"), objectives).unwrap();
    assert_eq!(
        errors(dir.path()),
        [
            r#"objectives.csv:2: column "domain": unknown domain "DC9"; expected an id from the domains table"#,
            r#"objectives.csv:2: column "priority": "peut-être" is not a yes/no value (expected oui/non, yes/no, x, 1/0, vrai/faux)"#,
            r#"objectives.csv:2: column "target": "15OO" is not a number (expected e.g. 1500, 1 500 or 1500,5)"#,
            r#"progress.csv:2: column "date": "31/13/2022" is not a date (expected 2023-12-31 or 31/12/2023)"#,
            r#"progress.csv:2: column "valeur": "beaucoup" is not a number (expected e.g. 1500, 1 500 or 1500,5)"#,
            // "renovation" had errors of its own: no suggestion of it.
            r#"progress.csv:3: column "objectif": unknown objective "renovaton"; expected an id from the objectives table"#,
            r#"progress.csv:3: column "valeur": "beaucoup" is not a number (expected e.g. 1500, 1 500 or 1500,5)"#,
        ]
    );
}

#[test]
fn a_cell_with_several_roles_or_means_is_one_link_per_role() {
    let links = "acteur;objectif;rôle;moyens\nRégion HdF;renovation;financeur, accompagnateur;\nLes 3 EPCI;renovation;chef de file;ingénierie / financiers\nsevadec;regal;financeur et accompagnateur;financiers + ingénierie\nsevadec;renovation;cible;\n";
    let t = load(with("links.csv", links).path()).expect("loads");
    let links: Vec<(usize, &str, Role, Option<Means>)> = t
        .links()
        .iter()
        .map(|l| (l.origin.line, l.actor.as_str(), l.role, l.means))
        .collect();
    assert_eq!(
        links,
        [
            (2, "region", Role::Funder, None),
            (2, "region", Role::Support, None),
            (3, "epci", Role::Lead, Some(Means::Engineering)),
            (3, "epci", Role::Lead, Some(Means::Funding)),
            // As many roles as means: paired in order.
            (4, "sevadec", Role::Funder, Some(Means::Funding)),
            (4, "sevadec", Role::Support, Some(Means::Engineering)),
            (5, "sevadec", Role::Target, None),
        ]
    );
    let renovation = t.objective("renovation").unwrap();
    assert_eq!(t.actors_in_role(renovation, Role::Support)[0].id, "region");

    let links = "acteur;objectif;rôle;moyens\nsevadec;regal;financeur, cible, relais;financiers, ingénierie\nsevadec;renovation;financeur, boss;\n";
    let e = errors(with("links.csv", links).path());
    assert_eq!(e.len(), 2, "{e:#?}");
    assert_eq!(
        e[0],
        r#"links.csv:2: column "moyens": 3 roles and 2 means on one row: they cannot be paired; write one row per role, with its means"#
    );
    assert!(
        e[1].starts_with(r#"links.csv:3: column "rôle": unknown role "boss"; expected one of: lead; lead-candidate"#),
        "{e:#?}"
    );
}

#[test]
fn a_file_whose_every_line_is_wrong_prints_50_errors_and_counts_the_others() {
    let mut links = String::from("acteur;objectif;rôle\n");
    for i in 0..1234 {
        links.push_str(&format!("Inconnu {i};regal;cible\n"));
    }
    let dir = with("links.csv", &links);
    let shown = dir.path().join("links.csv").display().to_string();
    let out = actormap_en().arg("check").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 52, "{stderr}");
    assert!(
        lines[0].starts_with(&format!(
            "error: {shown}:2: column \"acteur\": unknown actor \"Inconnu 0\""
        )),
        "{stderr}"
    );
    assert!(
        lines[49].starts_with(&format!("error: {shown}:51: ")),
        "{stderr}"
    );
    assert_eq!(lines[50], format!("... and 1,184 more errors in {shown}"));
    assert_eq!(lines[51], "1,234 errors in the input, nothing was done");
}

#[test]
fn bad_rule_settings_stop_every_command() {
    // Before: check and build exited 2, status and list 0.
    let settings = "{\n  \"rules\": {\n    \"no-rely\": \"error\",\n    \"orphan-actor\": \"sometimes\"\n  }\n}\n";
    let dir = with("", "");
    std::fs::write(dir.path().join("territory.json"), settings).unwrap();
    let shown = dir.path().join("territory.json").display().to_string();
    let out = dir.path().join("out");
    let out = out.to_str().unwrap();
    for args in [
        &["list"][..],
        &["status"],
        &["check"],
        &["build", "--out", out],
        &["render", "--overview", "--out", out],
    ] {
        let mut cmd = actormap_en();
        cmd.arg(args[0]).arg(dir.path()).args(&args[1..]);
        cmd.assert().code(2).stdout("").stderr(format!(
            "error: {shown}:3: rules: unknown rule \"no-rely\" (did you mean \"no-relay\"?); `actormap rules` lists them\n\
             error: {shown}:4: rule \"orphan-actor\": unknown severity \"sometimes\"; expected error, warning, info or allow\n\
             2 errors in the input, nothing was done\n"
        ));
    }
    assert!(!Path::new(out).exists());
}

#[test]
fn a_setting_naming_an_objective_that_does_not_exist_stops_every_command() {
    // Settings that name objectives are checked against the tables, once they are read.
    let settings =
        "{\n  \"rules\": {\n    \"multiple-leads\": {\"agreed\": [\"renovaton\"]}\n  }\n}\n";
    let dir = with("", "");
    std::fs::write(dir.path().join("territory.json"), settings).unwrap();
    let shown = dir.path().join("territory.json").display().to_string();
    for command in ["list", "status", "check"] {
        actormap_en()
            .arg(command)
            .arg(dir.path())
            .assert()
            .code(2)
            .stdout("")
            .stderr(format!(
                "error: {shown}:3: rule \"multiple-leads\": \"agreed\": unknown objective or domain \"renovaton\" (did you mean \"renovation\"?)\n\
                 1 error in the input, nothing was done\n"
            ));
    }
}

#[cfg(unix)]
#[test]
fn a_named_pipe_or_a_device_says_what_it_is_and_never_hangs() {
    use std::time::Duration;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("territoire");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    // Before: "no such folder or file".
    actormap_en()
        .arg("list")
        .arg(&fifo)
        .timeout(Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(format!(
            "error: {}: is not a regular file: a named pipe (FIFO); expected a territory folder (domains.csv, objectives.csv, actors.csv, links.csv), a JSON file or a workbook (.xlsx, .ods)\n1 error in the input, nothing was done\n",
            fifo.display()
        ));
    actormap_en()
        .args(["check", "/dev/zero"])
        .timeout(Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "error: /dev/zero: is not a regular file: a character device; expected a territory folder",
        ));
    // Inside a folder: a table that is a pipe, settings that are an endless device.
    let folder = with("links.csv", "");
    let links = folder.path().join("links.csv");
    std::process::Command::new("mkfifo")
        .arg(&links)
        .status()
        .unwrap();
    std::os::unix::fs::symlink("/dev/zero", folder.path().join("territory.json")).unwrap();
    let prefix = format!("{}/", folder.path().display());
    let out = actormap_en()
        .arg("status")
        .arg(folder.path())
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap().replace(&prefix, ""),
        "error: links.csv: is not a regular file: a named pipe (FIFO); expected a regular file\n\
         error: territory.json: is not a regular file: a character device; expected a regular file\n\
         2 errors in the input, nothing was done\n"
    );
}

#[test]
fn the_same_name_twice_is_one_error_at_the_actors_not_one_per_link() {
    // Before: one "ambiguous actor ... use an id" error per link naming it.
    let actors = "id;nom\nsevadec;SEVADEC\nepci;Les 3 EPCI\nregion;Région Hauts-de-France\nrhdf;REGION HAUTS DE FRANCE\n";
    let links = "acteur;objectif;rôle\nLes 3 EPCI;renovation;Chef de file\nRégion Hauts-de-France;DC1;financeur\nsevadec;regal;cible\nRegion Hauts de France;regal;financeur\nrégion hauts-de-france;renovation;accompagnateur\n";
    let dir = with("links.csv", links);
    std::fs::remove_file(dir.path().join("actors.csv")).unwrap();
    std::fs::write(dir.path().join("acteurs.csv"), actors).unwrap();
    assert_eq!(
        errors(dir.path()),
        [
            r#"acteurs.csv:5: column "nom": "REGION HAUTS DE FRANCE" is the same name as "Région Hauts-de-France" (acteurs.csv:4) once case and accents are ignored, so the links that name it cannot tell them apart (links.csv:3 and 2 more): merge the rows (keeping one spelling as an alias) or rename one"#
        ]
    );
    // Without ids, the two rows would also have the same id: the same message, once.
    let actors = "nom\nSEVADEC\nLes 3 EPCI\nRégion Hauts-de-France\nREGION HAUTS DE FRANCE\n";
    std::fs::write(dir.path().join("acteurs.csv"), actors).unwrap();
    assert_eq!(
        errors(dir.path()),
        [
            r#"acteurs.csv:5: column "nom": "REGION HAUTS DE FRANCE" is the same name as "Région Hauts-de-France" (acteurs.csv:4) once case and accents are ignored: merge the rows (keeping one spelling as an alias) or rename one"#
        ]
    );
    // A name that is another actor's alias: named once, at the alias.
    let actors =
        "id;nom;alias\nsevadec;SEVADEC;\nepci;Les 3 EPCI;EPCIs\ncab;EPCIs;\nregion;Région HdF;\n";
    std::fs::write(dir.path().join("acteurs.csv"), actors).unwrap();
    std::fs::write(
        dir.path().join("links.csv"),
        "acteur;objectif;rôle\nEPCIs;renovation;Chef de file\nepcis;regal;cible\nRégion HdF;DC1;financeur\n",
    )
    .unwrap();
    assert_eq!(
        errors(dir.path()),
        [
            r#"acteurs.csv:4: column "nom": "EPCIs" names both this actor and "Les 3 EPCI" (acteurs.csv:3) (as a name, id or alias), so the links that use it cannot tell them apart (links.csv:2 and 1 more): keep it for one of them, or name the actor by its id there"#
        ]
    );
}

#[test]
fn territoire_json_is_read_and_both_names_at_once_are_an_error() {
    // Before: territoire.json was silently ignored, and the title and the money with it.
    let settings = "{\n  \"nom\": \"Pays du Calaisis\",\n  \"habitants\": 152371\n}\n";
    let dir = with("", "");
    std::fs::write(dir.path().join("territoire.json"), settings).unwrap();
    let t = load(dir.path()).expect("loads");
    assert_eq!(t.name, "Pays du Calaisis");
    assert_eq!(t.population, Some(152_371));

    std::fs::write(dir.path().join("territory.json"), "{\"name\": \"Autre\"}").unwrap();
    assert_eq!(
        errors(dir.path()),
        [
            "territoire.json: the settings are given twice (territory.json and territoire.json); keep one"
        ]
    );
}

#[test]
fn territoire_json_beside_a_workbook_is_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        crate::fixture("sheets/calaisis.xlsx"),
        dir.path().join("suivi.xlsx"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("territoire.json"),
        "{\"nom\": \"Pays du Calaisis\", \"habitants\": 152371, \"périmètre\": \"GCT&M | CCRA | CCPO\"}",
    )
    .unwrap();
    let t = load(&dir.path().join("suivi.xlsx")).expect("loads");
    assert_eq!(t.name, "Pays du Calaisis");
    assert_eq!(t.population, Some(152_371));
    // The perimeter its objectives' scope "tout" refers to, in French, as one text.
    assert_eq!(t.perimeter(), ["gctm", "ccra", "ccpo"]);
}

#[test]
fn a_json_syntax_error_explains_itself_at_its_line_and_column() {
    let dir = with("", "");
    let settings = "{\n  \"nom\": \"Pays du Calaisis\",\n  \"habitants\": 114 000\n}\n";
    std::fs::write(dir.path().join("territoire.json"), settings).unwrap();
    assert_eq!(
        errors(dir.path()),
        [
            "territoire.json:3: invalid JSON (column 16): numbers are written without spaces in territoire.json: 114000, not 114 000"
        ]
    );
}

#[test]
fn the_readme_lists_every_accepted_role_and_means_word() {
    use actormap::load::values::{MEANS_WORDS, ROLE_WORDS};
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let start = readme.find("Values (any case").expect("the values list");
    let end = readme[start..]
        .find("A cell may hold several")
        .expect("its end")
        + start;
    let values = &readme[start..end];
    let words = ROLE_WORDS
        .iter()
        .flat_map(|(_, fr, en)| fr.iter().chain(*en))
        .chain(
            MEANS_WORDS
                .iter()
                .flat_map(|(_, fr, en)| fr.iter().chain(*en)),
        );
    for word in words {
        assert!(
            values.contains(&format!("`{word}`")),
            "the README's values do not list `{word}`"
        );
    }
}

#[test]
fn a_header_with_more_wrong_names_than_right_ones_reports_each() {
    let links = "Rôles\nacteur;objectif;rôle;Moyens mobilisés;Commentaire libre;Date de saisie;Saisi par\nSEVADC;regal;cible;;;;\n";
    let e = errors(with("links.csv", links).path());
    let unknown: Vec<&str> = e
        .iter()
        .filter_map(|e| e.strip_prefix("links.csv:2: unknown column \""))
        .filter_map(|e| e.split('"').next())
        .collect();
    assert_eq!(
        unknown,
        [
            "Commentaire libre",
            "Date de saisie",
            "Moyens mobilisés",
            "Saisi par"
        ]
    );
    assert!(
        e.last()
            .unwrap()
            .starts_with(r#"links.csv:3: column "acteur": unknown actor "SEVADC""#),
        "{e:#?}"
    );
}

#[test]
fn a_role_cell_repeated_on_many_rows_gives_each_row_its_links_and_its_errors() {
    // The loader reads each distinct role and means text once: every row must still get
    // its own links, and every row with a bad cell its own error.
    let links = "acteur;objectif;rôle;moyens;note\n\
        sevadec;regal;financeur, cible;financiers;\n\
        gctm;regal;financeur, cible;financiers;\n\
        ccra;regal;chef de flie;;\n\
        region;regal;chef de flie;;\n";
    let found = errors(with("links.csv", links).path());
    assert_eq!(found.len(), 2, "{found:?}");
    for (error, line) in found.iter().zip([4, 5]) {
        let start = format!(r#"links.csv:{line}: column "rôle": unknown role "chef de flie""#);
        assert!(error.starts_with(&start), "{error}");
    }
    let dir = with("links.csv", &links.replace("chef de flie", "relais"));
    let t = load(dir.path()).expect("loads");
    let shown: Vec<(&str, Role, Option<Means>, usize)> = t
        .links()
        .iter()
        .map(|l| (l.actor.as_str(), l.role, l.means, l.origin.line))
        .collect();
    assert_eq!(
        shown,
        [
            ("sevadec", Role::Funder, Some(Means::Funding), 2),
            ("sevadec", Role::Target, Some(Means::Funding), 2),
            ("gctm", Role::Funder, Some(Means::Funding), 3),
            ("gctm", Role::Target, Some(Means::Funding), 3),
            ("ccra", Role::Relay, None, 4),
            ("region", Role::Relay, None, 5),
        ]
    );
}

#[test]
fn a_role_given_as_a_json_list_reads_like_the_same_words_in_a_text_cell() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.json");
    std::fs::write(
        &path,
        r#"{
        "domains": [{"id": "D1", "name": "Tout"}],
        "objectives": [{"id": "o", "domain": "D1", "title": "O"}],
        "actors": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}],
        "links": [
            {"actor": "a", "objective": "o", "role": ["financeur", "cible"]},
            {"actor": "b", "objective": "o", "role": "financeur, cible"}
        ]
    }"#,
    )
    .unwrap();
    let t = load(&path).expect("loads");
    let roles: Vec<(&str, Role)> = t
        .links()
        .iter()
        .map(|l| (l.actor.as_str(), l.role))
        .collect();
    assert_eq!(
        roles,
        [
            ("a", Role::Funder),
            ("a", Role::Target),
            ("b", Role::Funder),
            ("b", Role::Target)
        ]
    );
}

#[test]
fn the_rows_of_a_table_missing_a_column_still_have_their_errors_reported() {
    // The rows after a CSV header are read when the table is, one at a time: a table that
    // cannot be read (no role column) must still report its broken rows, as before.
    let links =
        "acteur;objectif;moyens\nsevadec;regal;\"financiers\nRégion HdF;DC1;financiers;AAP\n";
    let dir = with("links.csv", links);
    assert_eq!(
        errors(dir.path()),
        [
            "links.csv:1: missing column \"rôle\" in the links table (also accepted: role, roles)",
            r#"links.csv:2: column "moyens": quote opened here is never closed"#,
            "links.csv:3: 4 cells but the header has 3 columns (a cell holding the delimiter must be in double quotes)",
        ]
    );
}

#[test]
fn a_link_takes_its_actors_id_whatever_the_reference_looks_like() {
    // A reference that is an id as written is taken as the id without reading the actor's
    // row; one that only looks like an id (a name "a3", an id in other case) is not.
    let actors =
        "id;name;kind;aliases;members\nA1;Mairie;commune;;\na2;Syndicat;syndicat;;\nx;a3;EPCI;;\n";
    let links =
        "acteur;objectif;rôle\na1;regal;cible\na2;regal;cible\na3;regal;cible\nA1;DC1;relais\n";
    let dir = territory(&[
        ("domains.csv", DOMAINS.as_bytes()),
        ("objectives.csv", OBJECTIVES.as_bytes()),
        ("actors.csv", actors.as_bytes()),
        ("links.csv", links.as_bytes()),
    ]);
    let t = load(dir.path()).expect("loads");
    let linked: Vec<&str> = t.links().iter().map(|l| l.actor.as_str()).collect();
    assert_eq!(linked, ["A1", "a2", "x", "A1"]);
    assert_eq!(t.actor_position("A1"), Some(0));
    assert_eq!(t.actor_position("x"), Some(2));
}
