//! `actormap check` and `actormap rules`: each rule on a fixture that triggers it and one that
//! does not (golden findings), the message style, settings and flags, exit codes, colours,
//! the three output formats, the README's rule table, and the Calaisis findings against the deck.

use std::path::{Path, PathBuf};

use actormap::check::{self, Config, Finding, RULES};
use actormap::i18n::Lang;
use predicates::prelude::*;

use crate::{actormap, calaisis};

/// A rule fixture, as a path relative to the repository root so locations print the same
/// everywhere (tests run from the package root).
fn rule_fixture(rule: &str, case: &str) -> PathBuf {
    PathBuf::from(format!("tests/fixtures/rules/{rule}.{case}.json"))
}

/// Every finding on a territory, with its own settings.
fn findings(path: &Path) -> Vec<Finding> {
    let territory = actormap::load::load(path)
        .unwrap_or_else(|e| panic!("{} does not load: {e:?}", path.display()));
    let config = Config::from_territory(&territory).expect("valid rule settings");
    check::run_with(&territory, &config)
}

/// The text report of some findings in French, styles stripped.
fn text(findings: &[Finding]) -> String {
    let mut out = Vec::new();
    check::output::text(findings, Lang::Fr, &mut out).expect("written to memory");
    anstream::adapter::strip_str(&String::from_utf8(out).expect("UTF-8")).to_string()
}

#[test]
fn every_rule_fires_on_its_fixture_and_stays_quiet_on_the_other() {
    for rule in RULES {
        let fires = rule_fixture(rule.name, "fires");
        let quiet = rule_fixture(rule.name, "quiet");
        assert!(
            fires.is_file(),
            "rule {} has no fixture {}",
            rule.name,
            fires.display()
        );
        assert!(
            quiet.is_file(),
            "rule {} has no fixture {}",
            rule.name,
            quiet.display()
        );

        let found: Vec<Finding> = findings(&fires)
            .into_iter()
            .filter(|f| f.rule == rule.name)
            .collect();
        assert!(
            !found.is_empty(),
            "{} does not fire on {}",
            rule.name,
            fires.display()
        );
        // At the rule's default severity, or graver where the rule raises it (bonus-at-risk
        // makes a priority objective an error).
        assert!(found.iter().all(|f| f.severity >= rule.severity));
        insta::assert_snapshot!(format!("rule-{}", rule.name), text(&found));

        let silent: Vec<Finding> = findings(&quiet)
            .into_iter()
            .filter(|f| f.rule == rule.name)
            .collect();
        assert!(
            silent.is_empty(),
            "{} fires on {}:\n{}",
            rule.name,
            quiet.display(),
            text(&silent)
        );
    }
}

/// clippy's lint message convention: lowercase start, no trailing period, one line.
fn style_problem(what: &str, s: &str) -> Option<String> {
    let first = s.chars().next()?;
    if first.is_uppercase() {
        Some(format!("{what} starts with a capital: {s}"))
    } else if s.ends_with('.') {
        Some(format!("{what} ends with a period: {s}"))
    } else if s.contains('\n') {
        Some(format!("{what} spans several lines: {s}"))
    } else if s.trim() != s || s.is_empty() {
        Some(format!("{what} has stray spaces or is empty: {s:?}"))
    } else {
        None
    }
}

#[test]
fn every_rule_message_follows_the_same_style() {
    let mut all: Vec<Finding> = findings(&calaisis());
    for rule in RULES {
        all.extend(findings(&rule_fixture(rule.name, "fires")));
        all.extend(findings(&rule_fixture(rule.name, "quiet")));
    }
    let mut problems = Vec::new();
    for rule in RULES {
        let mine: Vec<&Finding> = all.iter().filter(|f| f.rule == rule.name).collect();
        if mine.is_empty() {
            problems.push(format!(
                "{}: no message seen, add it to a fixture",
                rule.name
            ));
        }
        for lang in Lang::ALL {
            let name = format!("{} ({lang:?})", rule.name);
            for f in &mine {
                let message = f.message.render(lang);
                problems.extend(style_problem(&format!("{name} message"), &message));
                match &f.hint {
                    Some(hint) => {
                        problems.extend(style_problem(&format!("{name} hint"), &hint.render(lang)))
                    }
                    None => problems.push(format!("{name}: a finding without a hint")),
                }
            }
            let doc = rule.doc.render(lang);
            for (what, doc) in [
                ("summary", &doc.summary),
                ("why", &doc.why),
                ("example", &doc.example),
            ] {
                problems.extend(style_problem(&format!("{name} {what}"), doc));
            }
            for param in rule.params {
                problems.extend(style_problem(
                    &format!("{name} setting {}", param.name),
                    &param.doc.render(lang),
                ));
            }
        }
        for f in &mine {
            if f.location.is_none() {
                problems.push(format!("{}: a finding without a location", rule.name));
            }
        }
        assert!(
            rule.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-'),
            "rule names are kebab-case: {}",
            rule.name
        );
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn calaisis_text_report() {
    let output = actormap()
        .args(["check", "actors/calaisis"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1), "errors on the bundled data");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(
        !stdout.contains('\x1b'),
        "no colour when piped or with NO_COLOR"
    );
    insta::assert_snapshot!("calaisis-text", stdout);
}

#[test]
fn calaisis_names_the_lead_candidates_of_regal_and_the_cot_enr_and_not_renovation() {
    actormap()
        .arg("check")
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "erreur[missing-lead]\u{a0}: l'objectif regal «\u{a0}Mise en œuvre d'un REseau de Lutte contre le Gaspillage ALimentaire (REGAL)\u{a0}» n'a pas de chef de file\u{a0}; candidats\u{a0}: SEVADEC, SyMPaC, Les 3 EPCI\n",
        ))
        .stdout(predicate::str::contains(
            "n'a pas de chef de file\u{a0}; candidats\u{a0}: PNRCMO, SyMPaC, Les 3 EPCI\n",
        ))
        .stdout(predicate::str::contains("objectif renovation").not());
    // The same findings in English.
    actormap()
        .args(["check", "--lang", "en"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error[missing-lead]: objective regal \"Mise en œuvre d'un REseau de Lutte contre le Gaspillage ALimentaire (REGAL)\" has no lead; candidates: SEVADEC, SyMPaC, Les 3 EPCI\n",
        ))
        .stdout(predicate::str::contains(
            "  = hint: once the committee decides, change the chosen candidate's role to \"chef de file\"\n",
        ))
        .stdout(predicate::str::ends_with("9 errors, 2 warnings, 15 infos\n"));
}

/// The COT ENR must cover the whole territory; the deck says only the CCPO is, through the
/// PNRCMO's COT ENR: an error, the objective being a priority.
#[test]
fn calaisis_reports_the_cot_enr_perimeter_gap_naming_the_ccpo() {
    actormap()
        .args(["check", "actors/calaisis"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "erreur[perimeter-gap]\u{a0}: l'objectif prioritaire cot-enr «\u{a0}Contractualiser un Contrat d'Objectifs Territorial pour les énergies renouvelables avant 3 ans couvrant l'ensemble du territoire\u{a0}»\u{a0}: seul le membre CCPO est couvert (COT ENR du PNRCMO)\u{a0}; GCT&M et CCRA ne le sont pas\n  --> actors/calaisis/objectives.csv:5\n",
        ));
    actormap()
        .args(["check", "actors/calaisis", "--lang", "en"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            ": only CCPO is covered (COT ENR du PNRCMO); GCT&M and CCRA are not\n",
        ));
}

/// Every finding on the bundled data, each checked by hand against the seed deck of
/// 7 October 2021 (`../shared/seeds/000_73ea452fe6ac6326.txt`). A new finding fails this test
/// until someone has read the deck and added it here with the reason it is true.
#[test]
fn every_calaisis_finding_is_true_of_the_seed_deck() {
    let reviewed: &[(&str, &str, &str)] = &[
        (
            "missing-lead",
            "regal",
            "« CHEF(S) DE FILE : Quid du portage du REGAL ? SEVADEC ? SyMPaC ?, EPCIs ? »: three candidates, no lead",
        ),
        (
            "missing-lead",
            "cot-enr",
            "« CHEF(S) DE FILE : Quid du portage du COT ENR ? PNRCMO ? SyMPaC ?, EPCIs ? »: three candidates, no lead",
        ),
        (
            "missing-lead",
            "amenagements-cyclables",
            "the deck lists « 50 Km de linéaire d'aménagements cyclables » among the 9 objectives and names nobody to carry it",
        ),
        (
            "missing-lead",
            "actions-adaptation",
            "« Réaliser 10 actions d'adaptation »: listed, no one named",
        ),
        (
            "missing-lead",
            "ecoles-ecol-air",
            "« 50 % des écoles ... (référentiel ECOL'AIR) »: listed, no one named",
        ),
        (
            "missing-lead",
            "haies",
            "« 50 km de nouvelles haies plantées »: listed, no one named",
        ),
        (
            "missing-lead",
            "friches",
            "« 26 hectares de friches requalifiées »: listed, no one named",
        ),
        (
            "missing-lead",
            "protocole-rdi",
            "« 1 protocole de travail ... avec un acteur de la RDI »: listed, no one named",
        ),
        (
            "missing-role",
            "regal",
            "the REGAL page names engineering (SEVADEC, SyMPaC, EPCI), support (ADEME, SEVADEC, CERDD, other REGAL territories) and funders (ADEME, AAP, LEADER) but no target (cible)",
        ),
        (
            "missing-role",
            "cot-enr",
            "the COT ENR page names engineering, support and funders (ADEME, Région, SEM Énergie) but no target",
        ),
        (
            "empty-domain",
            "DC2",
            "the deck zooms on DC1, DC3 and DC4 only: DC2's objective has no actor",
        ),
        ("empty-domain", "DC5", "no zoom on DC5: no actor"),
        ("empty-domain", "DC6", "no zoom on DC6: no actor"),
        ("empty-domain", "DC7", "no zoom on DC7: no actor"),
        ("empty-domain", "DC8", "no zoom on DC8: no actor"),
        ("empty-domain", "DC9", "no zoom on DC9: no actor"),
        (
            "one-way-related",
            "DC1",
            "DC1's page: « Liens DC 3, DC 4, DC 6, DC 9 »; DC3's page says « Liens DC 5, DC 7, DC 9 » (no DC 1); DC6 and DC9 have no page; DC4 does name DC 1",
        ),
        (
            "one-way-related",
            "DC3",
            "DC3's page: « Liens DC 5, DC 7, DC 9 »; DC5, DC7 and DC9 have no page",
        ),
        (
            "perimeter-gap",
            "cot-enr",
            "DC4's « état des lieux »: « Seule la CCPO est couverte par un COT ENR via le PNRCMO » and « Pas d'animation spécifique pour les porteurs de projets sur les 2 autres EPCI », against the objective « Contractualiser un COT ENR couvrant l'ensemble du territoire »",
        ),
        (
            "objective-without-action",
            "amenagements-cyclables",
            "the deck's zooms (« ZOOM SUR LES 3 OBJECTIFS PRIORITAIRES ») give actions to DC1, DC3 and DC4 only: « 50 Km de linéaire d'aménagements cyclables » has none",
        ),
        (
            "objective-without-action",
            "actions-adaptation",
            "« Réaliser 10 actions d'adaptation »: no page, no action",
        ),
        (
            "objective-without-action",
            "ecoles-ecol-air",
            "the ECOL'AIR schools: no page, no action",
        ),
        (
            "objective-without-action",
            "haies",
            "« 50 km de nouvelles haies plantées »: no page, no action",
        ),
        (
            "objective-without-action",
            "friches",
            "« 26 hectares de friches requalifiées »: no page, no action",
        ),
        (
            "objective-without-action",
            "protocole-rdi",
            "the RDI protocol: no page, no action",
        ),
        (
            "one-way-related",
            "DC4",
            "DC4's page: « Liens DC 1, DC 2, DC 8, DC 9 »; DC1 names DC 4 back, DC2, DC8 and DC9 have no page",
        ),
    ];
    let found: Vec<(String, String)> = findings(&calaisis())
        .into_iter()
        .map(|f| {
            let subject = f
                .objectives
                .first()
                .filter(|_| f.domains.is_empty())
                .or(f.domains.first())
                .or(f.actors.first())
                .cloned()
                .unwrap_or_default();
            (f.rule.to_owned(), subject)
        })
        .collect();
    let mut expected: Vec<(String, String)> = reviewed
        .iter()
        .map(|(rule, subject, _)| ((*rule).to_owned(), (*subject).to_owned()))
        .collect();
    let mut got = found;
    expected.sort();
    got.sort();
    assert_eq!(
        got, expected,
        "a finding was added or lost: check it against the deck"
    );
}

#[test]
fn calaisis_json_report_is_stable_and_names_ids_and_names() {
    let output = actormap()
        .args(["check", "actors/calaisis", "--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let again = actormap()
        .args(["check", "actors/calaisis", "--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(output.stdout, again.stdout, "same input, same bytes");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let regal = json
        .as_array()
        .expect("an array")
        .iter()
        .find(|f| f["rule"] == "missing-lead" && f["objectives"][0]["id"] == "regal")
        .expect("the REGAL finding");
    assert_eq!(regal["severity"], "error");
    assert_eq!(
        regal["objectives"][0]["name"],
        "Mise en œuvre d'un REseau de Lutte contre le Gaspillage ALimentaire (REGAL)"
    );
    let actors: Vec<(&str, &str)> = regal["actors"]
        .as_array()
        .expect("actors")
        .iter()
        .map(|a| (a["id"].as_str().unwrap(), a["name"].as_str().unwrap()))
        .collect();
    assert_eq!(
        actors,
        [
            ("sevadec", "SEVADEC"),
            ("sympac", "SyMPaC"),
            ("epci", "Les 3 EPCI")
        ]
    );
    assert_eq!(regal["location"]["file"], "actors/calaisis/objectives.csv");
    assert_eq!(regal["location"]["line"], 4);
    insta::assert_snapshot!("calaisis-json", String::from_utf8(output.stdout).unwrap());
}

#[test]
fn calaisis_markdown_report() {
    let output = actormap()
        .args(["check", "actors/calaisis", "--format", "markdown"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let rows = stdout.lines().filter(|l| l.starts_with("| ")).count();
    assert_eq!(rows, 1 + 26, "a header and one row per finding");
    insta::assert_snapshot!("calaisis-markdown", stdout);
}

#[test]
fn flags_change_severities_and_the_exit_code() {
    let without_errors = [
        "check",
        "--allow",
        "missing-lead",
        "--allow",
        "priority-unfunded",
        "--allow",
        "perimeter-gap",
    ];
    actormap()
        .args(without_errors)
        .assert()
        .code(0)
        .stdout(predicate::str::ends_with(
            "0 erreur, 2 avertissements, 15 informations\n",
        ));
    actormap()
        .args(without_errors)
        .args(["--deny", "warnings"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("erreur[missing-role]"))
        .stdout(predicate::str::ends_with(
            "2 erreurs, 0 avertissement, 15 informations\n",
        ));
    actormap()
        .args(without_errors)
        .args(["--deny", "one-way-related", "--allow", "empty-domain"])
        .assert()
        .code(1)
        .stdout(predicate::str::ends_with(
            "3 erreurs, 2 avertissements, 6 informations\n",
        ));
    actormap()
        .args(["check", "--warn", "missing-lead", "--warn", "perimeter-gap"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("avertissement[missing-lead]"));
    actormap()
        .args(["check", "--warn", "missing-lead", "--warn", "perimeter-gap"])
        .args(["--lang", "en"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("warning[missing-lead]"))
        .stdout(predicate::str::ends_with(
            "0 errors, 11 warnings, 15 infos\n",
        ));
}

#[test]
fn an_unknown_rule_on_the_command_line_is_a_usage_error_with_a_suggestion() {
    actormap()
        .args(["check", "--allow", "missing-leads", "--lang", "en"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: unknown rule \"missing-leads\" in --allow (did you mean \"missing-lead\"?); `actormap rules` lists them\n");
    actormap()
        .args(["check", "--warn", "warnings"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ne va qu'avec --deny"));
}

#[test]
fn rule_settings_in_territory_json_are_used_and_checked() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let copy =
        |name: &str, text: &str| std::fs::write(dir.path().join(name), text).expect("written");
    for name in [
        "domains.csv",
        "objectives.csv",
        "actors.csv",
        "links.csv",
        "actions.csv",
        "bodies.csv",
    ] {
        let text = std::fs::read_to_string(calaisis().join(name)).expect("read");
        copy(name, &text);
    }
    copy(
        "territory.json",
        "{\n  \"name\": \"Calaisis\",\n  \"perimeter\": [\"GCT&M\", \"CCRA\", \"CCPO\"],\n  \"rules\": {\n    \"missing-lead\": \"warning\",\n    \"perimeter-gap\": \"warning\",\n    \"missing-role\": {\"roles\": [\"financeur\", \"relais\"]},\n    \"one-way-related\": \"allow\",\n    \"empty-domain\": \"allow\"\n  }\n}\n",
    );
    actormap()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("avertissement[missing-lead]"))
        .stdout(predicate::str::contains(
            "l'objectif regal «\u{a0}Mise en œuvre d'un REseau de Lutte contre le Gaspillage ALimentaire (REGAL)\u{a0}» n'a personne dans le rôle «\u{a0}relais\u{a0}»",
        ))
        .stdout(predicate::str::ends_with(
            "0 erreur, 11 avertissements, 6 informations\n",
        ));
    // The command line overrides the territory.
    actormap()
        .arg("check")
        .arg(dir.path())
        .args(["--deny", "missing-lead"])
        .assert()
        .code(1);

    copy(
        "territory.json",
        "{\n  \"rules\": {\n    \"no-rely\": \"error\",\n    \"overloaded-lead\": {\"max\": -1},\n    \"orphan-actor\": \"sometimes\"\n  },\n  \"perimeter\": [\"GCT&M\", \"CCRA\", \"CCPO\"]\n}\n",
    );
    let shown = dir.path().join("territory.json").display().to_string();
    actormap()
        .arg("check")
        .arg(dir.path())
        .args(["--lang", "en"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "error: {shown}:3: rules: unknown rule \"no-rely\" (did you mean \"no-relay\"?); `actormap rules` lists them\n\
             error: {shown}:4: rule \"overloaded-lead\": \"max\": expected a whole number (0 or more), found -1\n\
             error: {shown}:5: rule \"orphan-actor\": unknown severity \"sometimes\"; expected error, warning, info or allow\n\
             3 errors in the input, nothing was done\n"
        ));
}

#[test]
fn colours_on_request_only_and_never_with_no_color() {
    let forced = actormap()
        .arg("check")
        .env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "1")
        .output()
        .expect("runs");
    let forced = String::from_utf8(forced.stdout).expect("UTF-8");
    assert!(forced.contains("\x1b[1m\x1b[31merreur"), "{forced}");
    assert_eq!(
        anstream::adapter::strip_str(&forced).to_string(),
        String::from_utf8(actormap().arg("check").output().unwrap().stdout).unwrap(),
        "styles add nothing but styles"
    );
    let no_color = actormap()
        .arg("check")
        .env("NO_COLOR", "1")
        .env("CLICOLOR_FORCE", "1")
        .output()
        .expect("runs");
    assert!(!no_color.stdout.contains(&0x1b), "NO_COLOR wins");
    let piped = actormap()
        .arg("check")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .output()
        .expect("runs");
    assert!(!piped.stdout.contains(&0x1b), "no colour into a pipe");
}

#[test]
fn rules_lists_every_rule_of_the_registry() {
    let output = actormap().arg("rules").output().expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let words = Lang::Fr.catalog();
    for rule in RULES {
        assert!(
            stdout.contains(&format!(
                "{} ({})",
                rule.name,
                words.severity(rule.severity)
            )),
            "{} missing from:\n{stdout}",
            rule.name
        );
        assert!(stdout.contains(&rule.doc.render(Lang::Fr).summary));
    }
    let english = actormap().args(["rules", "--lang", "en"]).output().unwrap();
    let english = String::from_utf8(english.stdout).unwrap();
    assert!(english.contains(
        "overloaded-lead (warning)\n  an actor leading more objectives than the setting max (default 3)"
    ));
    assert!(
        english.contains("  settings: max (default 3): how many objectives one actor may lead\n")
    );
    let json = actormap()
        .args(["rules", "--format", "json"])
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("valid JSON");
    let names: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    let registry: Vec<&str> = RULES.iter().map(|r| r.name).collect();
    assert_eq!(names, registry);
    let lead = json
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == "overloaded-lead")
        .unwrap();
    assert_eq!(lead["settings"][0]["name"], "max");
    assert_eq!(lead["settings"][0]["default"], 3);
}

const START: &str = "<!-- rules:start (generated by `actormap rules --format markdown --lang en`; UPDATE_README=1 cargo test rewrites it) -->\n";
const END: &str = "<!-- rules:end -->";

/// The README's rule table is `actormap rules --format markdown --lang en`, byte for byte
/// (the README is written in English; `actormap rules` gives the same table in French).
#[test]
fn the_readme_rule_table_comes_from_the_registry() {
    let readme_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&readme_path).expect("README.md");
    let mut table = Vec::new();
    check::output::rules_markdown(RULES, Lang::En, &mut table).expect("written");
    let table = String::from_utf8(table).expect("UTF-8");
    let (Some(start), Some(end)) = (readme.find(START), readme.find(END)) else {
        panic!("README.md has no rule table between the markers {START:?} and {END:?}");
    };
    let current = &readme[start + START.len()..end];
    if current != table {
        if std::env::var_os("UPDATE_README").is_some() {
            let updated = format!(
                "{}{table}{}",
                &readme[..start + START.len()],
                &readme[end..]
            );
            std::fs::write(&readme_path, updated).expect("README.md written");
        } else {
            panic!(
                "README.md's rule table differs from the registry; run `UPDATE_README=1 cargo test the_readme` and review the diff"
            );
        }
    }
}

#[test]
fn naming_a_rule_at_its_default_severity_keeps_every_finding_there() {
    // bonus-at-risk raises priority objectives to errors, unless told a severity, even its
    // default one.
    let fixture = rule_fixture("bonus-at-risk", "fires");
    let out = actormap()
        .args(["check", "--warn", "bonus-at-risk"])
        .arg(&fixture)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("avertissement[bonus-at-risk]\u{a0}: l'objectif prioritaire renovation"),
        "{text}"
    );
    assert!(!text.contains("erreur[bonus-at-risk]"), "{text}");

    let plain = actormap().arg("check").arg(&fixture).output().unwrap();
    let plain = String::from_utf8(plain.stdout).unwrap();
    assert!(
        plain.contains("erreur[bonus-at-risk]\u{a0}: l'objectif prioritaire renovation"),
        "{plain}"
    );
}
