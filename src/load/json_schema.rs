//! `actormap schema`: the JSON Schema (draft 2020-12) of a territory given as one JSON file,
//! built from what the loader reads: the settings keys of `territory.json` and, for each table
//! of the registry, its JSON keys and the column names of its rows. Generated, so it cannot
//! drift from the loader.
//!
//! The loader matches keys whatever their case, accents and separators ("Flat_Aid" is
//! "flat aid"); the schema lists them as written in the README (`flat_aid`, `aide
//! forfaitaire`) and every column name a table accepts, so an editor can complete and check
//! a file. A key starting with `#` is a comment in a row, as a column is in a table.

use serde_json::{Map, Value, json};

use crate::load::TableKind;
use crate::load::schema::schema;

/// The keys of the programme object, as territory.json writes them (English, then French).
const PROGRAMME: [(&str, &str, &str); 7] = [
    ("name", "nom", "string"),
    ("start", "debut", "date"),
    ("end", "fin", "date"),
    ("flat_aid", "aide forfaitaire", "number"),
    ("bonus_per_inhabitant", "bonus par habitant", "number"),
    ("min_ratio", "seuil", "ratio"),
    ("priority_ratio", "seuil prioritaire", "ratio"),
];

/// The JSON Schema of a territory given as one JSON file.
pub fn json_schema() -> Value {
    let mut properties = Map::new();
    properties.insert(
        "$schema".to_owned(),
        json!({"type": "string", "description": "The schema an editor checks this file against (actormap schema > territoire.schema.json)."}),
    );
    let mut add = |names: &[&str], value: Value| {
        for name in names {
            properties.insert((*name).to_owned(), value.clone());
        }
    };
    add(
        &["name", "nom"],
        json!({"type": "string", "description": "The territory's name (Pays du Calaisis)."}),
    );
    add(
        &["population", "habitants"],
        json!({"$ref": "#/$defs/count", "description": "Its number of inhabitants."}),
    );
    add(
        &["lang", "langue", "language"],
        json!({"type": "string", "description": "The language of what actormap writes: fr or en.", "examples": ["fr", "en"]}),
    );
    add(
        &["perimeter", "perimetre", "périmètre"],
        json!({
            "description": "The member territories: actor ids or names, a list or one text separated by |.",
            "oneOf": [
                {"type": "array", "items": {"type": "string"}},
                {"type": "string"}
            ]
        }),
    );
    let mut programme = Map::new();
    for (en, fr, kind) in PROGRAMME {
        let value = json!({"$ref": format!("#/$defs/{kind}")});
        programme.insert(en.to_owned(), value.clone());
        programme.insert(fr.to_owned(), value);
    }
    add(
        &["programme", "program", "contrat"],
        json!({
            "type": "object",
            "description": "The contract followed and its money rules.",
            "properties": programme,
            "additionalProperties": false
        }),
    );
    add(
        &["rules", "regles", "règles"],
        json!({
            "type": "object",
            "description": "Rule settings of `actormap check`: a severity (error, warning, info, allow) or an object of the rule's settings (`actormap rules` lists them).",
            "additionalProperties": {
                "oneOf": [
                    {"type": "string"},
                    {"type": "object"}
                ]
            }
        }),
    );
    // No table is required here: a table missing from one JSON file may come from a CSV
    // file or a workbook beside it, and the loader names what is missing.
    for kind in TableKind::all() {
        add(kind.file_stems(), table_schema(kind));
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "actormap territory",
        "description": "A territory in one JSON file: its settings (as in territory.json) and its tables, each an array of rows. Keys are matched whatever their case and accents.",
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
        "$defs": {
            "cell": {
                "description": "A cell: text, a number, yes/no, empty, or a list of texts.",
                "oneOf": [
                    {"type": ["string", "number", "boolean", "null"]},
                    {"type": "array", "items": {"type": ["string", "number", "boolean", "null"]}}
                ]
            },
            "count": {"oneOf": [{"type": "integer", "minimum": 0}, {"type": "string"}]},
            "number": {"type": ["number", "string", "null"]},
            "ratio": {
                "description": "A share between 0 and 1 (0.6) or a percentage (\"60 %\").",
                "oneOf": [{"type": "number", "minimum": 0, "maximum": 1}, {"type": "string"}]
            },
            "date": {"type": ["string", "null"], "description": "A day: 2021-01-01 or 01/01/2021."},
            "string": {"type": ["string", "null"]}
        }
    })
}

/// One table: an array of rows whose keys are the table's column names (English, French and
/// every other name the loader accepts); its required fields under one of their names.
fn table_schema(kind: TableKind) -> Value {
    let schema = schema(kind);
    let mut properties = Map::new();
    let mut required = Vec::new();
    for field in schema.fields {
        let mut names: Vec<&str> = vec![field.key, field.fr];
        names.extend(field.names);
        for name in names {
            properties.insert(name.to_owned(), json!({"$ref": "#/$defs/cell"}));
        }
        if field.required {
            let any: Vec<Value> = [field.key, field.fr]
                .iter()
                .chain(field.names)
                .map(|n| json!({"required": [n]}))
                .collect();
            required.push(json!({"anyOf": any}));
        }
    }
    json!({
        "type": "array",
        "description": format!("The {} table: one object per row.", kind.file_stems()[0]),
        "items": {
            "type": "object",
            "properties": properties,
            "patternProperties": {"^#": {}},
            "additionalProperties": false,
            "allOf": required
        }
    })
}
