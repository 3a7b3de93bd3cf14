//! `actormap export`: every format read back by an independent reader (Graphviz for DOT,
//! networkx for GraphML and GEXF, serde_json for Kumu, the csv crate for CSV, a structural
//! reading for Mermaid), on the bundled data and on a hostile fixture; `--domain`, `--out`,
//! `--lang`; then the shell completions and the man pages.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use actormap::layout::paint;
use actormap::model::{Role, Scope, Territory};
use clap::CommandFactory;
use serde_json::Value;

use crate::{actormap, calaisis, fixture};

const FORMATS: [&str; 6] = ["graphml", "gexf", "dot", "mermaid", "kumu", "csv"];

fn hostile() -> PathBuf {
    fixture("exports/hostile.json")
}

fn tables(path: &Path) -> Territory {
    actormap::load::load(path).expect("the fixture loads")
}

/// `actormap export TERRITORY --format FORMAT ARGS...`: its standard output, which must be a
/// success.
fn export(territory: &Path, format: &str, args: &[&str]) -> Vec<u8> {
    let out = actormap()
        .arg("export")
        .arg(territory)
        .args(["--format", format])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "export --format {format} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The export written to a temporary file, for readers that want a path.
fn export_file(territory: &Path, format: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("export.{format}"));
    std::fs::write(&path, export(territory, format, &[])).unwrap();
    (dir, path)
}

/// What the tables say the graph holds: one node per domain, objective and actor; one edge
/// per link, per objective (to its domain), per related domain and per group member.
fn expected_counts(t: &Territory) -> (usize, usize) {
    let nodes = t.domains().len() + t.objectives().len() + t.actors().len();
    let edges = t.links().len()
        + t.objectives().len()
        + t.domains().iter().map(|d| d.related.len()).sum::<usize>()
        + t.actors().iter().map(|a| a.members.len()).sum::<usize>();
    (nodes, edges)
}

/// The actors of the matrix: those named by a link that reaches at least one objective.
fn matrix_actors(t: &Territory, domain: Option<&str>) -> BTreeSet<String> {
    t.links()
        .iter()
        .filter(|l| {
            t.objectives().iter().any(|o| {
                domain.is_none_or(|d| o.domain == d)
                    && match &l.scope {
                        Scope::Objective(id) => *id == o.id,
                        Scope::Domain(id) => *id == o.domain,
                    }
            })
        })
        .map(|l| l.actor.to_string())
        .collect()
}

/// True when `program --version` (or the given probe) runs; otherwise says loudly that the
/// test part that needs it was skipped.
fn available(program: &str, probe: &[&str], what: &str) -> bool {
    let ok = Command::new(program)
        .args(probe)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        // Straight to stderr: the test harness would swallow eprintln! of a passing test.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED: {what}: {program} is not installed"
        );
    }
    ok
}

// ---- Graphviz ----

/// `dot -Tsvg` of the export: the ids of its node groups, the text of each, and its number of
/// edges; `None` when Graphviz is missing.
fn graphviz(territory: &Path) -> Option<(BTreeMap<String, String>, usize)> {
    if !available("dot", &["-V"], "reading DOT with Graphviz") {
        return None;
    }
    let (_dir, path) = export_file(territory, "dot");
    let out = Command::new("dot")
        .arg("-Tsvg")
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "dot rejected the export: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = String::from_utf8(out.stdout).unwrap();
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(&svg, options).unwrap();
    let groups = |class: &str| {
        doc.descendants()
            .filter(|n| n.has_tag_name("g") && n.attribute("class") == Some(class))
            .collect::<Vec<_>>()
    };
    let nodes = groups("node")
        .into_iter()
        .map(|g| {
            let text: Vec<&str> = g
                .descendants()
                .filter(|n| n.has_tag_name("text"))
                .filter_map(|n| n.text())
                .collect();
            (g.attribute("id").unwrap().to_owned(), text.join("\n"))
        })
        .collect();
    Some((nodes, groups("edge").len()))
}

#[test]
fn graphviz_reads_the_dot_export_with_every_node_and_edge() {
    for path in [calaisis(), hostile()] {
        let t = tables(&path);
        let (nodes, edges) = expected_counts(&t);
        let Some((drawn, drawn_edges)) = graphviz(&path) else {
            return;
        };
        assert_eq!(drawn.len(), nodes, "{}", path.display());
        assert_eq!(drawn_edges, edges, "{}", path.display());
        // Each actor's box says its name, quotes, backslashes and line breaks included.
        for (i, a) in t.actors().iter().enumerate() {
            assert_eq!(drawn[&format!("a{i}")], a.name, "{}", path.display());
        }
    }
}

// ---- networkx ----

const NETWORKX: &str = r#"
import json, sys
import networkx as nx
path, fmt = sys.argv[1], sys.argv[2]
g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
def color(d):
    c = d.get("viz", {}).get("color")
    return None if c is None else [c["r"], c["g"], c["b"]]
json.dump({
    "nodes": g.number_of_nodes(),
    "edges": g.number_of_edges(),
    "labels": {n: d.get("label") for n, d in g.nodes(data=True)},
    "kinds": {n: d.get("kind") for n, d in g.nodes(data=True)},
    "colors": {n: color(d) for n, d in g.nodes(data=True)},
    "notes": sorted(d["note"] for _, _, d in g.edges(data=True) if "note" in d),
}, sys.stdout)
"#;

/// What networkx reads in the export; `None` when Python or networkx is missing.
fn networkx(territory: &Path, format: &str) -> Option<Value> {
    if !available(
        "python3",
        &["-c", "import networkx"],
        "reading GraphML and GEXF with networkx",
    ) {
        return None;
    }
    let (_dir, path) = export_file(territory, format);
    let out = Command::new("python3")
        .args(["-c", NETWORKX])
        .arg(&path)
        .arg(format)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "networkx rejected the {format} export: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).unwrap())
}

#[test]
fn networkx_reads_the_graphml_and_gexf_exports_with_every_node_edge_and_name() {
    for path in [calaisis(), hostile()] {
        let t = tables(&path);
        let (nodes, edges) = expected_counts(&t);
        let mut notes: Vec<&str> = t.links().iter().filter_map(|l| l.note.as_deref()).collect();
        notes.sort();
        for format in ["graphml", "gexf"] {
            let Some(read) = networkx(&path, format) else {
                return;
            };
            let at = format!("{format} of {}", path.display());
            assert_eq!(read["nodes"], nodes, "{at}");
            assert_eq!(read["edges"], edges, "{at}");
            for (i, a) in t.actors().iter().enumerate() {
                assert_eq!(read["labels"][format!("a{i}")], a.name.as_str(), "{at}");
            }
            for (i, o) in t.objectives().iter().enumerate() {
                assert_eq!(read["labels"][format!("o{i}")], o.title.as_str(), "{at}");
                assert_eq!(read["kinds"][format!("o{i}")], "objectif", "{at}");
            }
            assert_eq!(read["notes"], serde_json::json!(notes), "{at}");
        }
    }
}

#[test]
fn gephi_gets_the_role_colours_of_the_maps() {
    let t = tables(&calaisis());
    let Some(read) = networkx(&calaisis(), "gexf") else {
        return;
    };
    let rgb = |c: &str| {
        let v = |i| u8::from_str_radix(&c[i..i + 2], 16).unwrap();
        serde_json::json!([v(1), v(3), v(5)])
    };
    for (name, role) in [
        ("Habitants", Role::Target),
        ("Notaires", Role::Relay),
        ("Appels à projets éventuels", Role::Funder),
        // A lead candidate that also supports an objective takes the support colour: the
        // candidacy is the objective's gap, not what the actor is.
        ("SEVADEC", Role::Support),
    ] {
        let i = t.actors().iter().position(|a| a.name == name).unwrap();
        assert_eq!(
            read["colors"][format!("a{i}")],
            rgb(paint(role).fill),
            "{name}"
        );
    }
}

#[test]
fn yed_gets_the_role_colours_of_the_maps_and_plain_graphml_beside_them() {
    let t = tables(&calaisis());
    let graphml = String::from_utf8(export(&calaisis(), "graphml", &[])).unwrap();
    let doc = roxmltree::Document::parse(&graphml).unwrap();
    let y = "http://www.yworks.com/xml/graphml";
    let node = |name: &str| {
        let i = t.actors().iter().position(|a| a.name == name).unwrap();
        doc.descendants()
            .find(|n| n.has_tag_name("node") && n.attribute("id") == Some(&format!("a{i}")))
            .unwrap()
    };
    for (name, role) in [
        ("Les 3 EPCI", Role::Lead),
        ("Habitants", Role::Target),
        ("SPEE", Role::Funder),
        ("ADIL", Role::Support),
    ] {
        let n = node(name);
        let shape = n
            .descendants()
            .find(|d| d.has_tag_name((y, "ShapeNode")))
            .unwrap_or_else(|| panic!("{name} has no yEd shape"));
        let get = |tag: &str, attr: &str| {
            shape
                .descendants()
                .find(|d| d.has_tag_name((y, tag)))
                .and_then(|d| d.attribute(attr))
                .unwrap()
                .to_owned()
        };
        let p = paint(role);
        assert_eq!(get("Fill", "color"), p.fill.to_ascii_uppercase(), "{name}");
        assert_eq!(
            get("BorderStyle", "color"),
            p.stroke.to_ascii_uppercase(),
            "{name}"
        );
        assert_eq!(get("NodeLabel", "textColor"), p.text.to_ascii_uppercase());
        let label = shape
            .descendants()
            .find(|d| d.has_tag_name((y, "NodeLabel")))
            .and_then(|d| d.text());
        assert_eq!(label, Some(name));
    }
    // The lead's thick border, as on the maps.
    let lead = node("Les 3 EPCI");
    let width = lead
        .descendants()
        .find(|d| d.has_tag_name((y, "BorderStyle")))
        .and_then(|d| d.attribute("width"));
    assert_eq!(width, Some("4.0"));
}

// ---- Kumu ----

#[test]
fn the_kumu_blueprint_has_every_element_and_connection_between_known_ids() {
    for path in [calaisis(), hostile()] {
        let t = tables(&path);
        let (nodes, edges) = expected_counts(&t);
        let json: Value = serde_json::from_slice(&export(&path, "kumu", &[])).unwrap();
        let elements = json["elements"].as_array().unwrap();
        let connections = json["connections"].as_array().unwrap();
        assert_eq!(elements.len(), nodes, "{}", path.display());
        assert_eq!(connections.len(), edges, "{}", path.display());
        let ids: BTreeSet<&str> = elements.iter().map(|e| e["id"].as_str().unwrap()).collect();
        assert_eq!(ids.len(), nodes, "element ids are unique");
        for c in connections {
            assert!(ids.contains(c["from"].as_str().unwrap()), "{c}");
            assert!(ids.contains(c["to"].as_str().unwrap()), "{c}");
            assert_eq!(c["direction"], "directed");
        }
        let by_id: BTreeMap<&str, &Value> = elements
            .iter()
            .map(|e| (e["id"].as_str().unwrap(), e))
            .collect();
        for (i, a) in t.actors().iter().enumerate() {
            let e = by_id[format!("a{i}").as_str()];
            assert_eq!(e["label"], a.name.as_str());
            let kind = if a.is_group() { "groupe" } else { "acteur" };
            assert_eq!(e["type"], kind);
        }
        // Each link is a connection typed by its role's word, its note as description.
        let types: BTreeSet<&str> = connections
            .iter()
            .filter_map(|c| c["type"].as_str())
            .collect();
        for link in t.links() {
            assert!(types.contains(actormap::model::Lang::Fr.catalog().role(link.role)));
            if let Some(note) = &link.note {
                assert!(
                    connections
                        .iter()
                        .any(|c| c["description"] == note.as_str())
                );
            }
        }
    }
}

// ---- CSV ----

#[test]
fn the_csv_matrix_opens_in_french_excel_with_a_row_per_actor_and_a_column_per_objective() {
    for path in [calaisis(), hostile()] {
        let t = tables(&path);
        let bytes = export(&path, "csv", &[]);
        assert!(bytes.starts_with("\u{feff}".as_bytes()), "a BOM for Excel");
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(b';')
            .has_headers(false)
            .from_reader(&bytes[3..]);
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(
            rows[0].len(),
            t.objectives().len() + 1,
            "{}",
            path.display()
        );
        assert_eq!(&rows[0][0], "Acteur");
        for (j, o) in t.objectives().iter().enumerate() {
            assert_eq!(rows[0][j + 1], format!("{} · {}", o.domain, o.title));
        }
        let actors = matrix_actors(&t, None);
        assert_eq!(rows.len() - 1, actors.len(), "{}", path.display());
        for row in &rows[1..] {
            assert_eq!(row.len(), t.objectives().len() + 1);
            for cell in row.iter().skip(1) {
                for letter in cell.split(' ').filter(|l| !l.is_empty()) {
                    assert!(
                        ["CF", "CF?", "P", "F", "A", "C", "R"].contains(&letter),
                        "{letter:?} in {row:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn a_name_a_spreadsheet_would_run_as_a_formula_is_text_in_the_csv() {
    let bytes = export(&hostile(), "csv", &[]);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..]);
    let names: Vec<String> = reader.records().map(|r| r.unwrap()[0].to_owned()).collect();
    assert!(
        names.contains(&"'=HYPERLINK(\"http://x\";\"clic\")".to_owned()),
        "{names:?}"
    );
    assert!(
        names.contains(&"'-Saint-Omer </y:NodeLabel>".to_owned()),
        "{names:?}"
    );
    // A name with a line break stays one cell.
    assert!(names.contains(&"L'Œil \\ du \"Bœuf\"\nsur deux lignes".to_owned()));
}

#[test]
fn the_csv_matrix_speaks_english_with_lang_en() {
    let t = tables(&calaisis());
    // English spreadsheets read `,` between cells and need no BOM.
    let bytes = export(&calaisis(), "csv", &["--lang", "en"]);
    assert!(!bytes.starts_with("\u{feff}".as_bytes()));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b',')
        .from_reader(bytes.as_slice());
    assert_eq!(&reader.headers().unwrap()[0], "Actor");
    let lead = t
        .links()
        .iter()
        .find(|l| l.role == Role::Lead)
        .expect("a lead");
    let lead_name = &t.actor(&lead.actor).unwrap().name;
    let row = reader
        .records()
        .map(Result::unwrap)
        .find(|r| &r[0] == lead_name.as_str())
        .unwrap();
    assert!(
        row.iter().any(|c| c.split(' ').any(|l| l == "L")),
        "{row:?}"
    );
    assert!(!row.iter().any(|c| c.contains("CF")), "{row:?}");
}

// ---- Mermaid ----

/// A Mermaid flowchart read line by line: its node ids and labels, its edges; panics on a
/// line that is none of what actormap writes, on a label that could end its quotes or hold
/// markup, and on an edge to an unknown node.
fn mermaid(text: &str) -> (BTreeMap<String, String>, Vec<(String, String)>) {
    let mut lines = text.lines();
    assert!(lines.next().unwrap().starts_with("%% "));
    assert_eq!(lines.next(), Some("flowchart LR"));
    let check_label = |label: &str| {
        assert!(!label.contains('"'), "raw quote in {label:?}");
        assert!(
            !label
                .replace("<br>", "")
                .contains(['<', '>', '&', '`', '|']),
            "raw markup in {label:?}"
        );
        // Every # starts an entity code: #quot; #35; ...
        for (i, _) in label.match_indices('#') {
            let rest = &label[i + 1..];
            let end = rest
                .find(';')
                .unwrap_or_else(|| panic!("bare # in {label:?}"));
            assert!(
                rest[..end].chars().all(|c| c.is_ascii_alphanumeric()),
                "bad entity in {label:?}"
            );
        }
    };
    let mut nodes = BTreeMap::new();
    let mut edges = Vec::new();
    for line in lines {
        let body = line
            .strip_prefix("    ")
            .unwrap_or_else(|| panic!("{line:?}"));
        let id_end = body
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(body.len());
        let (id, rest) = body.split_at(id_end);
        if ["classDef", "class", "linkStyle"].contains(&id) {
            continue;
        }
        assert!(
            id.len() >= 2
                && id.starts_with(['D', 'O', 'A'])
                && id[1..].chars().all(|c| c.is_ascii_digit()),
            "unsafe id {id:?}"
        );
        let shape = [("[[\"", "\"]]"), ("[\"", "\"]"), ("(\"", "\")")]
            .into_iter()
            .find(|(open, close)| rest.starts_with(open) && rest.ends_with(close));
        if let Some((open, close)) = shape {
            let label = &rest[open.len()..rest.len() - close.len()];
            check_label(label);
            assert!(
                nodes.insert(id.to_owned(), label.to_owned()).is_none(),
                "{id} twice"
            );
            continue;
        }
        let rest = rest.strip_prefix(' ').unwrap_or_else(|| panic!("{line:?}"));
        let (arrow, rest) = rest.split_once([' ', '|']).unwrap();
        assert!(["-->", "-.->"].contains(&arrow), "{line:?}");
        let to = if let Some(labelled) = rest.strip_prefix('"') {
            let (label, to) = labelled.split_once("\"| ").unwrap();
            check_label(label);
            to
        } else {
            rest
        };
        edges.push((id.to_owned(), to.to_owned()));
    }
    for (from, to) in &edges {
        assert!(
            nodes.contains_key(from) && nodes.contains_key(to),
            "{from} -> {to}"
        );
    }
    (nodes, edges)
}

#[test]
fn the_mermaid_flowchart_has_every_node_and_edge_with_safe_ids_and_labels() {
    for path in [calaisis(), hostile()] {
        let t = tables(&path);
        let (nodes, edges) = expected_counts(&t);
        let text = String::from_utf8(export(&path, "mermaid", &[])).unwrap();
        let (read_nodes, read_edges) = mermaid(&text);
        assert_eq!(read_nodes.len(), nodes, "{}", path.display());
        assert_eq!(read_edges.len(), edges, "{}", path.display());
    }
    if available("mmdc", &["--version"], "rendering Mermaid with mmdc") {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("hostile.mmd");
        std::fs::write(&input, export(&hostile(), "mermaid", &[])).unwrap();
        let status = Command::new("mmdc")
            .arg("-i")
            .arg(&input)
            .arg("-o")
            .arg(dir.path().join("hostile.svg"))
            .status()
            .unwrap();
        assert!(status.success(), "mmdc rejected the flowchart");
    }
}

#[test]
fn mermaid_labels_carry_the_names_as_entity_codes() {
    let text = String::from_utf8(export(&hostile(), "mermaid", &[])).unwrap();
    let (nodes, _) = mermaid(&text);
    assert_eq!(nodes["A0"], "Fondation #lt;Lys#gt; #amp; #quot;Co#quot;");
    assert_eq!(
        nodes["A1"],
        "L'Œil \\ du #quot;Bœuf#quot;<br>sur deux lignes"
    );
}

// ---- every format ----

#[test]
fn the_hostile_fixture_exports_escaped_in_every_format() {
    for format in FORMATS {
        let bytes = export(&hostile(), format, &[]);
        let text = String::from_utf8(bytes).unwrap();
        insta::assert_snapshot!(format!("hostile-{format}"), text);
    }
}

#[test]
fn the_same_territory_gives_the_same_bytes() {
    for format in FORMATS {
        let first = export(&calaisis(), format, &[]);
        let second = export(&calaisis(), format, &["--domain", "DC1"]);
        let third = export(&calaisis(), format, &[]);
        assert_eq!(first, third, "{format}");
        assert_ne!(first, second, "{format}: --domain changed nothing");
    }
}

#[test]
fn a_domain_export_keeps_its_objectives_the_actors_linked_to_them_and_their_members() {
    let t = tables(&calaisis());
    let d = "DC3";
    let json: Value =
        serde_json::from_slice(&export(&calaisis(), "kumu", &["--domain", "dc3"])).unwrap();
    let labels: BTreeSet<&str> = json["elements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["label"].as_str().unwrap())
        .collect();
    // Expected from the tables: the domain, its objectives, the actors linked to them or to
    // the domain, and the members of those that are groups.
    let mut actors: Vec<&str> = t
        .links()
        .iter()
        .filter(|l| match &l.scope {
            Scope::Domain(id) => id == d,
            Scope::Objective(id) => t.objective(id).is_some_and(|o| o.domain == d),
        })
        .map(|l| l.actor.as_str())
        .collect();
    let mut i = 0;
    while i < actors.len() {
        actors.extend(
            t.actor(actors[i])
                .unwrap()
                .members
                .iter()
                .map(String::as_str),
        );
        i += 1;
    }
    let domain = t.domain(d).unwrap();
    let mut expected: BTreeSet<String> = BTreeSet::from([format!("{} {}", d, domain.name)]);
    expected.extend(t.objectives_of(d).map(|o| o.title.clone()));
    expected.extend(actors.iter().map(|a| t.actor(a).unwrap().name.clone()));
    let expected: BTreeSet<&str> = expected.iter().map(String::as_str).collect();
    assert_eq!(labels, expected);
    assert!(
        t.actors().iter().any(|a| !labels.contains(a.name.as_str())),
        "the domain keeps fewer actors than the territory"
    );
    let ids: BTreeSet<&str> = json["elements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    for c in json["connections"].as_array().unwrap() {
        assert!(ids.contains(c["from"].as_str().unwrap()), "{c}");
        assert!(ids.contains(c["to"].as_str().unwrap()), "{c}");
    }

    // The CSV matrix of the domain: its objectives' columns, the actors linked to them.
    let bytes = export(&calaisis(), "csv", &["--domain", d]);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(&bytes[3..]);
    assert_eq!(
        reader.headers().unwrap().len(),
        t.objectives_of(d).count() + 1
    );
    assert_eq!(reader.records().count(), matrix_actors(&t, Some(d)).len());
}

#[test]
fn an_unknown_domain_is_a_usage_error_with_a_suggestion() {
    let error = |lang: &str| {
        let out = actormap()
            .args([
                "export",
                "actors/calaisis",
                "--format",
                "dot",
                "--domain",
                "DC33",
                "--lang",
                lang,
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        String::from_utf8(out.stderr).unwrap()
    };
    assert_eq!(
        error("fr"),
        "erreur\u{a0}: aucun domaine «\u{a0}DC33\u{a0}»\u{a0}; vouliez-vous dire «\u{a0}DC3\u{a0}»\u{a0}?\n"
    );
    assert_eq!(
        error("en"),
        "error: no domain \"DC33\"; did you mean \"DC3\"?\n"
    );
}

#[test]
fn out_writes_the_file_whole_in_a_new_folder_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("exports/calaisis.gexf");
    let out = actormap()
        .args(["export", "--format", "gexf", "--out"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("écrit\u{a0}: {}\n", path.display())
    );
    let english = dir.path().join("exports/calaisis-en.gexf");
    let said = actormap()
        .args(["export", "--format", "gexf", "--lang", "en", "--out"])
        .arg(&english)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(said.stdout).unwrap(),
        format!("wrote {}\n", english.display())
    );
    std::fs::remove_file(english).unwrap();
    assert_eq!(
        std::fs::read(&path).unwrap(),
        export(&calaisis(), "gexf", &[])
    );
    let left: Vec<_> = std::fs::read_dir(dir.path().join("exports"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["calaisis.gexf"], "no temporary file left");
}

#[test]
fn out_naming_a_folder_says_so_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, says) in [
        (
            "fr",
            "est un dossier\u{a0}; donnez un nom de fichier, par exemple ",
        ),
        ("en", "is a folder; give a file name, e.g. "),
    ] {
        let out = actormap()
            .args(["export", "--format", "kumu", "--lang", lang, "--out"])
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(says), "{err}");
        assert!(err.contains("territoire.json"), "{err}");
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn a_bad_territory_is_reported_and_nothing_is_exported() {
    let dir = crate::territory(&[(
        "bad.json",
        br#"{"name": "x", "domains": [], "objectives": [], "actors": [],
             "links": [{"actor": "Nobody", "objective": "nothing", "role": "chef de file"}]}"#,
    )]);
    let target = dir.path().join("out.graphml");
    let out = actormap()
        .arg("export")
        .arg(dir.path().join("bad.json"))
        .args(["--format", "graphml", "--out"])
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("bad.json"));
    assert!(!target.exists());
}

// ---- completions and man pages ----

/// The names of actormap's commands, from its clap definition.
fn commands() -> Vec<String> {
    actormap::cli::Cli::command()
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect()
}

#[test]
fn completions_are_generated_for_each_shell_and_know_every_command() {
    let names = commands();
    assert!(names.contains(&"export".to_owned()) && names.contains(&"man".to_owned()));
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = actormap().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        let words: BTreeSet<&str> = script
            .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
            .collect();
        for name in &names {
            assert!(words.contains(name.as_str()), "{shell} lacks {name}");
        }
        // The export formats complete too (clap_complete's PowerShell and Elvish scripts
        // complete names, not values).
        if ["bash", "zsh", "fish"].contains(&shell) {
            assert!(
                words.contains("graphml") && words.contains("kumu"),
                "{shell}"
            );
        }
    }
    if available("bash", &["--version"], "loading the bash completion") {
        let script = actormap()
            .args(["completions", "bash"])
            .output()
            .unwrap()
            .stdout;
        let mut bash = Command::new("bash")
            .args(["-c", "source /dev/stdin && complete -p actormap"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        bash.stdin.take().unwrap().write_all(&script).unwrap();
        let out = bash.wait_with_output().unwrap();
        assert!(out.status.success());
        assert!(String::from_utf8(out.stdout).unwrap().contains("actormap"));
    }
}

#[test]
fn the_man_page_lists_every_command_and_each_command_has_its_own() {
    let out = actormap().arg("man").output().unwrap();
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains(".TH actormap 1"), "{page}");
    for name in commands() {
        // roff escapes the hyphen.
        assert!(page.contains(&format!("actormap\\-{name}(1)")), "{name}");
        if name == "help" {
            continue;
        }
        let out = actormap().args(["man", &name]).output().unwrap();
        assert!(out.status.success(), "man {name}");
        let page = String::from_utf8(out.stdout).unwrap();
        assert!(
            page.contains(&format!(".TH actormap-{name} 1")),
            "{name}: {page}"
        );
    }
    let page =
        String::from_utf8(actormap().args(["man", "export"]).output().unwrap().stdout).unwrap();
    assert!(page.contains("\\fB\\-\\-format\\fR"), "{page}");
    assert!(page.contains("graphml"), "{page}");

    let out = actormap()
        .args(["man", "expor", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: no command \"expor\"; did you mean \"export\"?\n"
    );
}
