//! `actormap schema`: the JSON Schema of a territory in one JSON file, checked by an
//! independent validator (jsonschema) against every JSON territory of the fixtures, and
//! refusing what the loader refuses.

use std::path::PathBuf;

use serde_json::Value;

use crate::{actormap, fixture};

fn schema() -> Value {
    let out = actormap().arg("schema").assert().success();
    serde_json::from_slice(&out.get_output().stdout).expect("the schema is JSON")
}

fn json_fixtures() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixture("rules"))
        .expect("the rule fixtures")
        .map(|e| e.expect("an entry").path())
        .collect();
    files.sort();
    files.push(fixture("exports/hostile.json"));
    files
}

#[test]
fn the_schema_is_draft_2020_12_and_names_every_table() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    for key in [
        "domains",
        "objectifs",
        "actors",
        "liens",
        "avancement",
        "actions",
        "instances",
        "programme",
        "rules",
    ] {
        assert!(schema["properties"].get(key).is_some(), "{key}");
    }
    let links = &schema["properties"]["links"]["items"]["properties"];
    for column in ["actor", "acteur", "role", "rôle", "means", "moyens"] {
        assert!(links.get(column).is_some(), "links.{column}");
    }
}

#[test]
fn every_json_fixture_is_valid_against_the_schema() {
    let validator = jsonschema::validator_for(&schema()).expect("a valid JSON Schema");
    for path in json_fixtures() {
        let text = std::fs::read_to_string(&path).expect("the fixture");
        let doc: Value = serde_json::from_str(&text).expect("JSON");
        let errors: Vec<String> = validator
            .iter_errors(&doc)
            .map(|e| format!("{} ({})", e.instance_path(), e.schema_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        actormap::load::load(&path).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
    }
}

/// A change that makes a valid territory invalid.
type Change = Box<dyn Fn(&mut Value)>;

#[test]
fn the_schema_refuses_what_the_loader_refuses() {
    let validator = jsonschema::validator_for(&schema()).expect("a valid JSON Schema");
    let text = std::fs::read_to_string(fixture("exports/hostile.json")).expect("the fixture");
    let good: Value = serde_json::from_str(&text).expect("JSON");
    let cases: Vec<(&str, Change)> = vec![
        ("an unknown key", Box::new(|d| d["colour"] = "bleu".into())),
        (
            "a link without its role",
            Box::new(|d| {
                let link = d["links"][0].as_object_mut().expect("a link");
                link.retain(|k, _| !["role", "rôle", "roles"].contains(&k.as_str()));
            }),
        ),
        (
            "an unknown column",
            Box::new(|d| d["actors"][0]["couleur"] = "bleu".into()),
        ),
    ];
    for (what, change) in cases {
        let mut doc = good.clone();
        change(&mut doc);
        assert!(!validator.is_valid(&doc), "the schema accepts {what}");
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("t.json");
        std::fs::write(&path, serde_json::to_string(&doc).expect("JSON")).expect("written");
        assert!(
            actormap::load::load(&path).is_err(),
            "the loader accepts {what}"
        );
    }
}

#[test]
fn a_file_naming_its_schema_loads() {
    let text = std::fs::read_to_string(fixture("exports/hostile.json")).expect("the fixture");
    let mut doc: Value = serde_json::from_str(&text).expect("JSON");
    doc["$schema"] = "./territoire.schema.json".into();
    let validator = jsonschema::validator_for(&schema()).expect("a valid JSON Schema");
    assert!(validator.is_valid(&doc));
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("t.json");
    std::fs::write(&path, serde_json::to_string(&doc).expect("JSON")).expect("written");
    actormap::load::load(&path).expect("\"$schema\" is not an unknown key");
}
