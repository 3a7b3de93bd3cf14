//! `actormap diff`: what changed between two versions of a territory.

use std::path::Path;

use serde_json::Value;

use crate::{actormap, calaisis, fixture};

/// A copy of a territory folder in a fresh temporary folder.
fn copy_of(dir: &Path) -> tempfile::TempDir {
    let copy = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), copy.path().join(entry.file_name())).unwrap();
    }
    copy
}

/// Rewrite a file of a folder through `edit`, checking that it changed.
fn edit(dir: &Path, name: &str, edit: impl Fn(&str) -> String) {
    let path = dir.join(name);
    let before = std::fs::read_to_string(&path).unwrap();
    let after = edit(&before);
    assert_ne!(before, after, "{name} was not changed");
    std::fs::write(path, after).unwrap();
}

/// The Calaisis data where REGAL got SEVADEC as its lead and FDE62 left.
pub(crate) fn calaisis_next_committee() -> tempfile::TempDir {
    let copy = copy_of(&calaisis());
    edit(copy.path(), "links.csv", |text| {
        text.replace(
            "SEVADEC;regal;chef de file pressenti;",
            "SEVADEC;regal;chef de file;",
        )
        .lines()
        .filter(|l| !l.starts_with("FDE62;"))
        .map(|l| format!("{l}\n"))
        .collect()
    });
    edit(copy.path(), "actors.csv", |text| {
        text.lines()
            .filter(|l| !l.starts_with("fde62;"))
            .map(|l| format!("{l}\n"))
            .collect()
    });
    copy
}

fn run(args: &[&str]) -> (i32, String, String) {
    let out = actormap().args(args).output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn regal_got_a_lead_and_an_actor_left() {
    let new = calaisis_next_committee();
    let (code, text, err) = run(&["diff", "actors/calaisis", new.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!(text);
    assert!(
        text.contains("  regal\u{a0}: chef de file désigné\u{a0}: SEVADEC\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "  regal\u{a0}: rôle «\u{a0}chef de file pressenti\u{a0}» retiré\u{a0}: SEVADEC\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("  cot-enr\u{a0}: rôle «\u{a0}accompagnateur\u{a0}» retiré\u{a0}: FDE62\n"),
        "{text}"
    );
    assert!(
        text.contains("acteurs retirés (1)\n  FDE62 (fde62)\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "constats résolus (1)\n  erreur[missing-lead]\u{a0}: l'objectif regal «\u{a0}Mise en œuvre d'un REseau de Lutte contre le Gaspillage ALimentaire (REGAL)\u{a0}» n'a pas de chef de file"
        ),
        "{text}"
    );
    assert!(!text.contains("constats apparus"), "{text}");
    assert!(!text.contains("acteurs ajoutés"), "{text}");
}

#[test]
fn regal_got_a_lead_and_an_actor_left_in_english() {
    let new = calaisis_next_committee();
    let (code, text, err) = run(&[
        "diff",
        "actors/calaisis",
        new.path().to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!(text);
    assert!(text.contains("  regal: lead assigned: SEVADEC\n"), "{text}");
    assert!(
        text.contains("  regal: lead candidate removed: SEVADEC\n"),
        "{text}"
    );
    assert!(
        text.contains("  cot-enr: support partner removed: FDE62\n"),
        "{text}"
    );
    assert!(
        text.contains("actors removed (1)\n  FDE62 (fde62)\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "findings resolved (1)\n  error[missing-lead]: objective regal \"Mise en œuvre d'un REseau de Lutte contre le Gaspillage ALimentaire (REGAL)\" has no lead"
        ),
        "{text}"
    );
}

#[test]
fn json_lists_each_change_as_data() {
    let new = calaisis_next_committee();
    let (code, json, _) = run(&[
        "diff",
        "actors/calaisis",
        new.path().to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let diff: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        diff["actors_removed"],
        serde_json::json!([{"id": "fde62", "name": "FDE62"}])
    );
    assert_eq!(diff["actors_added"], serde_json::json!([]));
    let roles = diff["roles"].as_array().unwrap();
    assert_eq!(roles.len(), 3, "{roles:#?}");
    assert!(roles.contains(&serde_json::json!({
        "objective": "regal", "role": "lead", "change": "gained",
        "actor": {"id": "sevadec", "name": "SEVADEC"}
    })));
    assert_eq!(diff["findings_resolved"][0]["rule"], "missing-lead");
    assert_eq!(
        diff["findings_resolved"][0]["objectives"],
        serde_json::json!(["regal"])
    );
    // Ids stay identifiers; the message is a sentence, in the report's language.
    assert_eq!(diff["findings_resolved"][0]["severity"], "error");
    let message = diff["findings_resolved"][0]["message"].as_str().unwrap();
    assert!(message.starts_with("l'objectif regal «"), "{message}");
    let (_, json, _) = run(&[
        "diff",
        "actors/calaisis",
        new.path().to_str().unwrap(),
        "--format",
        "json",
        "--lang",
        "en",
    ]);
    let english: Value = serde_json::from_str(&json).unwrap();
    let message = english["findings_resolved"][0]["message"].as_str().unwrap();
    assert!(message.starts_with("objective regal \""), "{message}");
    assert_eq!(english["roles"], diff["roles"]);
}

#[test]
fn the_same_input_gives_the_same_bytes_and_swapping_inverts() {
    let new = calaisis_next_committee();
    let new = new.path().to_str().unwrap();
    let (_, first, _) = run(&["diff", "actors/calaisis", new, "--format", "markdown"]);
    let (_, second, _) = run(&["diff", "actors/calaisis", new, "--format", "markdown"]);
    assert_eq!(first, second);
    assert!(
        first.contains("### rôles par objectif (3)\n\n- regal\u{a0}: chef de file désigné"),
        "{first}"
    );
    assert!(
        first.contains("- regal\u{a0}: chef de file désigné\u{a0}: SEVADEC"),
        "{first}"
    );

    let (code, back, _) = run(&["diff", new, "actors/calaisis"]);
    assert_eq!(code, 0);
    assert!(
        back.contains("regal\u{a0}: chef de file retiré\u{a0}: SEVADEC"),
        "{back}"
    );
    assert!(
        back.contains("acteurs ajoutés (1)\n  FDE62 (fde62)"),
        "{back}"
    );
    assert!(back.contains("constats apparus (1)"), "{back}");
}

#[test]
fn no_difference_is_said_and_exits_zero() {
    let (code, text, _) = run(&["diff", "actors/calaisis", "actors/calaisis"]);
    assert_eq!(code, 0);
    assert_eq!(
        text,
        "changements dans Pays du Calaisis\naucune différence\n"
    );
    let (_, text, _) = run(&["diff", "actors/calaisis", "actors/calaisis", "--lang", "en"]);
    assert_eq!(text, "changes in Pays du Calaisis\nno difference\n");
    let (_, markdown, _) = run(&[
        "diff",
        "actors/calaisis",
        "actors/calaisis",
        "--format",
        "markdown",
    ]);
    assert_eq!(
        markdown,
        "## changements dans Pays du Calaisis\n\nAucune différence.\n"
    );
}

#[test]
fn progress_moved_is_shown_with_its_verdict() {
    let old = copy_of(&fixture("status"));
    let new = copy_of(&fixture("status"));
    edit(new.path(), "avancement.csv", |text| {
        format!(
            "{text}30/06/2023;renovation;1 500;conseillers FAIRE\n01/06/2023;friches;20;SyMPaC\n"
        )
    });
    let (code, text, err) = run(&[
        "diff",
        old.path().to_str().unwrap(),
        new.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        text.contains("avancement (2)\n  friches\u{a0}: 15,574 (59,9\u{a0}%) → 20 (76,9\u{a0}%) ha, sous le seuil → atteint\n  renovation\u{a0}: 1\u{a0}485 (99\u{a0}%) → 1\u{a0}500 (100\u{a0}%) rénovations, sous le seuil → atteint\n"),
        "{text}"
    );
    assert!(text.contains("constats résolus (2)"), "{text}");
    let (_, text, _) = run(&[
        "diff",
        old.path().to_str().unwrap(),
        new.path().to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert!(
        text.contains("progress (2)\n  friches: 15.574 (59.9%) -> 20 (76.9%) ha, below -> met\n  renovation: 1,485 (99%) -> 1,500 (100%) rénovations, below -> met\n"),
        "{text}"
    );
}

#[test]
fn bad_input_exits_two_and_names_both_problems() {
    let (code, _, err) = run(&["diff", "actors/calaisis", "no/such/folder"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("no/such/folder\u{a0}: ni dossier ni fichier à cet endroit"),
        "{err}"
    );
    let (code, _, _) = run(&["diff", "actors/calaisis"]);
    assert_eq!(code, 2, "a missing argument is a usage error");
}

#[test]
fn objectives_and_actors_added_or_removed() {
    let old = copy_of(&fixture("status"));
    let new = copy_of(&fixture("status"));
    edit(new.path(), "objectives.csv", |text| {
        text.lines()
            .filter(|l| !l.starts_with("ecoles;"))
            .map(|l| format!("{l}\n"))
            .chain(["protocole;DC1;Protocole RDI;1;protocole;;non;oui\n".to_owned()])
            .collect()
    });
    edit(new.path(), "actors.csv", |text| {
        format!("{text}ulco;ULCO\n")
    });
    edit(new.path(), "links.csv", |text| {
        format!("{text}ULCO;protocole;chef de file\n")
    });
    let (code, text, err) = run(&[
        "diff",
        old.path().to_str().unwrap(),
        new.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(
        text.contains("acteurs ajoutés (1)\n  ULCO (ulco)\n"),
        "{text}"
    );
    assert!(
        text.contains("objectifs ajoutés (1)\n  protocole\n"),
        "{text}"
    );
    assert!(text.contains("objectifs retirés (1)\n  ecoles\n"), "{text}");
    // The new objective's roles are not repeated as role changes.
    assert!(!text.contains("protocole\u{a0}: chef de file"), "{text}");
}

#[test]
fn findings_about_domains_only_are_told_apart() {
    // D1 names D2 one way in the old territory; D3 names D2 one way in the new one.
    let territory = |from: &str| {
        format!(
            r#"{{"domains": [
                {{"id": "D1", "name": "Un", "related": "{}"}},
                {{"id": "D2", "name": "Deux"}},
                {{"id": "D3", "name": "Trois", "related": "{}"}}
            ]}}"#,
            if from == "D1" { "D2" } else { "" },
            if from == "D3" { "D2" } else { "" },
        )
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("old.json"), territory("D1")).unwrap();
    std::fs::write(dir.path().join("new.json"), territory("D3")).unwrap();
    let (code, text, err) = run(&[
        "diff",
        dir.path().join("old.json").to_str().unwrap(),
        dir.path().join("new.json").to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(text.contains("constats apparus (1)"), "{text}");
    assert!(text.contains("constats résolus (1)"), "{text}");
    assert!(text.contains("le domaine D3"), "{text}");
}

/// The Calaisis data where the Assises de l'alimentation are done, the hydrogen strategy is
/// dropped from the table, an action is added, the CCPO carries the solar cadastre instead of
/// the CCRA, the DDTM left the COPIL and SEVADEC joined it,
/// a working group on the REGAL was set up, GCT&M runs the COTECH PCAETs instead of Les 3
/// EPCI, the COTECH CRTE reports to the COPIL instead of the COTECH, and the COTECH LEADER is
/// gone.
pub(crate) fn calaisis_with_actions_moved() -> tempfile::TempDir {
    let copy = copy_of(&calaisis());
    edit(copy.path(), "actions.csv", |text| {
        let mut out: String = (text.lines())
            .filter(|l| !l.starts_with("hydrogene;"))
            .map(|l| {
                if l.starts_with("assises-alimentation;") {
                    l.replace(";en cours;", ";réalisée;")
                } else if l.starts_with("cadastre-solaire;") {
                    // The CCPO joins, the CCRA leaves: who carries it changed.
                    l.replace(";GCT&M|CCRA;", ";GCT&M|CCPO;")
                } else {
                    l.to_owned()
                }
            })
            .map(|l| format!("{l}\n"))
            .collect();
        out.push_str("regal-sevadec;regal;Préfiguration du REGAL;SEVADEC;en cours;;;;;;\n");
        out
    });
    edit(copy.path(), "bodies.csv", |text| {
        let mut out = text.replace(
            "Sous-préfecture|DDTM|PNRCMO",
            "Sous-préfecture|PNRCMO|SEVADEC",
        );
        out.push_str("gt-regal;Groupe de travail REGAL;groupe de travail;SEVADEC;SyMPaC;COTECH;\n");
        (out.lines())
            .filter(|l| !l.starts_with("cotech-leader;"))
            .map(|l| {
                let l = if l.starts_with("cotech-pcaet;") {
                    l.replace(";Les 3 EPCI;", ";GCT&M;")
                } else if l.starts_with("cotech-crte;") {
                    l.replace(";COTECH;", ";COPIL;")
                } else {
                    l.to_owned()
                };
                format!("{l}\n")
            })
            .collect()
    });
    copy
}

#[test]
fn actions_and_governance_changes_are_reported() {
    let new = calaisis_with_actions_moved();
    let path = new.path().to_str().unwrap();
    let (code, text, err) = run(&["diff", "actors/calaisis", path]);
    assert_eq!(code, 0, "{err}");
    for expected in [
        "actions ajoutées (1)\n  regal\u{a0}: Préfiguration du REGAL (regal-sevadec)\n",
        "actions retirées (1)\n  DC4\u{a0}: Stratégie de développement de l'hydrogène (hydrogene)\n",
        "états d'actions (1)\n  assises-alimentation «\u{a0}Assises de l'alimentation\u{a0}»\u{a0}: en cours → réalisée\n",
        "porteurs d'actions (2)\n  cadastre-solaire «\u{a0}Projet de cadastre solaire\u{a0}»\u{a0}: porteur ajouté\u{a0}: CCPO\n  \
         cadastre-solaire «\u{a0}Projet de cadastre solaire\u{a0}»\u{a0}: porteur retiré\u{a0}: CCRA\n",
        "instances ajoutées (1)\n  Groupe de travail REGAL (gt-regal)\n",
        "instances retirées (1)\n  COTECH stratégie locale LEADER (cotech-leader)\n",
        "composition des instances (4)\n  COPIL\u{a0}: membre ajouté\u{a0}: SEVADEC\n  COPIL\u{a0}: membre retiré\u{a0}: DDTM\n  \
         COTECH PCAETs\u{a0}: animateur ajouté\u{a0}: GCT&M\n  COTECH PCAETs\u{a0}: animateur retiré\u{a0}: Les 3 EPCI\n",
        "rattachements d'instances (1)\n  COTECH CRTE\u{a0}: instance parente COTECH → COPIL\n",
    ] {
        assert!(text.contains(expected), "{expected}\n---\n{text}");
    }
    let (_, text, _) = run(&["diff", "actors/calaisis", path, "--lang", "en"]);
    for expected in [
        "actions added (1)\n  regal: Préfiguration du REGAL (regal-sevadec)\n",
        "action states (1)\n  assises-alimentation \"Assises de l'alimentation\": ongoing -> done\n",
        "action bearers (2)\n  cadastre-solaire \"Projet de cadastre solaire\": bearer added: CCPO\n  \
         cadastre-solaire \"Projet de cadastre solaire\": bearer removed: CCRA\n",
        "bodies added (1)\n  Groupe de travail REGAL (gt-regal)\n",
        "bodies removed (1)\n  COTECH stratégie locale LEADER (cotech-leader)\n",
        "who sits on the bodies (4)\n  COPIL: member added: SEVADEC\n  COPIL: member removed: DDTM\n  \
         COTECH PCAETs: chair added: GCT&M\n  COTECH PCAETs: chair removed: Les 3 EPCI\n",
        "bodies reporting elsewhere (1)\n  COTECH CRTE: parent body COTECH -> COPIL\n",
    ] {
        assert!(text.contains(expected), "{expected}\n---\n{text}");
    }
    let (_, json, _) = run(&["diff", "actors/calaisis", path, "--format", "json"]);
    let json: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["actions_added"][0]["id"], "regal-sevadec");
    assert_eq!(json["actions_removed"][0]["serves"], "DC4");
    assert_eq!(json["action_states"][0]["old"], "ongoing");
    assert_eq!(json["action_states"][0]["new"], "done");
    assert_eq!(json["bearers"][0]["action"]["id"], "cadastre-solaire");
    assert_eq!(json["bearers"][0]["change"], "gained");
    assert_eq!(json["bearers"][0]["actor"]["id"], "ccpo");
    assert_eq!(json["bearers"][1]["change"], "lost");
    assert_eq!(json["bearers"][1]["actor"]["id"], "ccra");
    assert_eq!(json["bodies_added"][0]["id"], "gt-regal");
    assert_eq!(json["seats"][1]["actor"]["id"], "ddtm");
    assert_eq!(json["seats"][1]["change"], "lost");
    assert_eq!(json["seats"][1]["seat"], "member");
    assert_eq!(json["seats"][2]["seat"], "chair");
    assert_eq!(json["seats"][2]["actor"]["id"], "gctm");
    assert_eq!(json["bodies_removed"][0]["id"], "cotech-leader");
    assert_eq!(json["parents"][0]["body"]["id"], "cotech-crte");
    assert_eq!(json["parents"][0]["old"]["id"], "cotech");
    assert_eq!(json["parents"][0]["new"]["id"], "copil");
    // The table: one row per change, the body in the detail, the seat in the role column.
    let (_, csv, _) = run(&["diff", "actors/calaisis", path, "--format", "csv"]);
    assert!(csv.contains("siège retiré;;DDTM;membre;COPIL;"), "{csv}");
    assert!(csv.contains("état d'action;regal;;;"), "{csv}");
    assert!(
        csv.contains("porteur ajouté;DC4;CCPO;;Projet de cadastre solaire;"),
        "{csv}"
    );
    assert!(
        csv.contains("rattachement modifié;;;;COTECH CRTE\u{a0}: instance parente COTECH → COPIL;"),
        "{csv}"
    );
    // Without those tables, the JSON has no such keys.
    let (_, json, _) = run(&[
        "diff",
        "tests/fixtures/status",
        "tests/fixtures/status",
        "--format",
        "json",
    ]);
    assert!(
        !json.contains("actions_added")
            && !json.contains("bearers")
            && !json.contains("seats")
            && !json.contains("parents"),
        "{json}"
    );
}
