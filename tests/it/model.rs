//! The territory's lookups (indexes and graph, built once) answer what scanning its tables
//! answers, on every fixture and generated territory, and follow every edit.

use std::path::Path;

use actormap::load::load;
use actormap::model::{Actor, Measurement, Objective, Role, Scope, Territory};

use crate::generated::{crowded, generated, many_actors, many_objectives, scaled};

/// Every territory the tests know: the bundled one, each fixture that loads, generated ones.
fn territories() -> Vec<(String, Territory)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = vec![
        root.join("actors/calaisis"),
        root.join("tests/fixtures/status"),
    ];
    for folder in ["tests/fixtures/rules", "tests/fixtures/sheets"] {
        for entry in std::fs::read_dir(root.join(folder)).unwrap() {
            paths.push(entry.unwrap().path());
        }
    }
    paths.sort();
    let mut out: Vec<(String, Territory)> = paths
        .iter()
        .filter_map(|p| Some((p.display().to_string(), load(p).ok()?)))
        .collect();
    assert!(out.len() >= 25, "only {} fixtures loaded", out.len());
    out.push(("generated(40)".into(), generated(40)));
    out.push(("many_objectives(30)".into(), many_objectives(30)));
    out.push(("many_actors(120)".into(), many_actors(120)));
    out.push(("crowded(60)".into(), crowded(60)));
    out.push(("scaled(30)".into(), scaled(30)));
    out
}

// The lookups as they were: scans of the tables.

fn scan_involvements<'a>(
    t: &'a Territory,
    o: &Objective,
) -> Vec<(&'a str, *const actormap::model::Link)> {
    t.links()
        .iter()
        .filter(|l| match &l.scope {
            Scope::Objective(id) => *id == o.id,
            Scope::Domain(id) => *id == o.domain,
        })
        .filter_map(|l| {
            let actor = t.actors().iter().find(|a| a.id == l.actor)?;
            Some((actor.id.as_str(), l as *const _))
        })
        .collect()
}

fn scan_in_role<'a>(t: &'a Territory, o: &Objective, role: Role) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for (actor, link) in scan_involvements(t, o) {
        let link = t.links().iter().find(|l| std::ptr::eq(*l, link)).unwrap();
        if link.role == role && !out.contains(&actor) {
            out.push(actor);
        }
    }
    out
}

fn scan_measurements<'a>(t: &'a Territory, objective: &str) -> Vec<&'a Measurement> {
    let mut out: Vec<&Measurement> = t
        .progress()
        .iter()
        .filter(|m| m.objective == objective)
        .collect();
    out.sort_by_key(|m| m.date);
    out
}

fn ids<'a>(actors: impl IntoIterator<Item = &'a Actor>) -> Vec<&'a str> {
    actors.into_iter().map(|a| a.id.as_str()).collect()
}

#[test]
fn lookups_answer_what_scanning_the_tables_answers() {
    for (name, t) in territories() {
        for o in t.objectives() {
            let indexed: Vec<(&str, *const actormap::model::Link)> = t
                .involvements(o)
                .map(|inv| (inv.actor.id.as_str(), inv.link as *const _))
                .collect();
            assert_eq!(
                indexed,
                scan_involvements(&t, o),
                "{name}: involvements of {}",
                o.id
            );
            // An objective from elsewhere (a copy) is found by its id.
            assert_eq!(t.involvements(&o.clone()).count(), indexed.len(), "{name}");
            for role in Role::ALL {
                assert_eq!(
                    ids(t.actors_in_role(o, role)),
                    scan_in_role(&t, o, role),
                    "{name}: {role} of {}",
                    o.id
                );
            }
            let measured: Vec<*const Measurement> = t
                .measurements_of(&o.id)
                .into_iter()
                .map(|m| m as *const _)
                .collect();
            let scanned: Vec<*const Measurement> = scan_measurements(&t, &o.id)
                .into_iter()
                .map(|m| m as *const _)
                .collect();
            assert_eq!(measured, scanned, "{name}: measurements of {}", o.id);
            assert!(std::ptr::eq(t.objective(&o.id).unwrap(), o), "{name}");
        }
        for d in t.domains() {
            let indexed: Vec<&str> = t.objectives_of(&d.id).map(|o| o.id.as_str()).collect();
            let scanned: Vec<&str> = t
                .objectives()
                .iter()
                .filter(|o| o.domain == d.id)
                .map(|o| o.id.as_str())
                .collect();
            assert_eq!(indexed, scanned, "{name}: objectives of {}", d.id);
            assert!(std::ptr::eq(t.domain(&d.id).unwrap(), d), "{name}");
        }
        for a in t.actors() {
            let scanned = t.actors().iter().filter(|g| g.members.contains(&a.id));
            assert_eq!(
                ids(t.groups_of(&a.id)),
                ids(scanned),
                "{name}: groups of {}",
                a.id
            );
            assert!(std::ptr::eq(t.actor(&a.id).unwrap(), a), "{name}");
            let named = t.links().iter().any(|l| l.actor == a.id);
            assert_eq!(t.is_linked(&a.id), named, "{name}: is {} linked", a.id);
        }
        assert!(t.actor("no such actor").is_none() && t.objective("").is_none());
    }
}

#[test]
fn a_role_held_by_many_actors_lists_each_once_in_link_order() {
    // 60 prescribers of o0, then the first of them twice more: the set past 32 actors.
    let mut t = crowded(60);
    t.edit(|t| {
        let again = t.links[1].clone();
        t.links.push(again.clone());
        t.links.insert(40, again);
    });
    let o0 = &t.objectives()[0];
    let prescribers = ids(t.actors_in_role(o0, Role::Prescriber));
    assert_eq!(prescribers, scan_in_role(&t, o0, Role::Prescriber));
    assert_eq!(prescribers.len(), 61);
}

#[test]
fn lookups_follow_every_edit() {
    let mut t = generated(3);
    let before = ids(t.actors_in_role(&t.objectives()[0], Role::Funder));
    assert_eq!(before, ["a1"]);
    t.edit(|t| {
        t.actors[1].id = "renamed".into();
        t.links[1].actor = "renamed".into();
        t.links[2].role = Role::Funder;
        t.domains[0].id = "D9".into();
    });
    assert!(t.actor("a1").is_none());
    assert_eq!(t.actor("renamed").unwrap().name, "Acteur 1");
    assert_eq!(
        ids(t.actors_in_role(&t.objectives()[0], Role::Funder)),
        ["renamed", "a2"]
    );
    // The objective still names D1, which is no longer a domain.
    assert_eq!(t.objectives_of("D9").count(), 0);
    assert!(t.domain("D1").is_none() && t.domain("D9").is_some());
}

#[test]
fn the_scale_benchmark_territory_written_as_a_folder_loads_back_as_it_was() {
    let generated = scaled(40);
    let dir = tempfile::tempdir().unwrap();
    crate::generated::write_folder(&generated, dir.path()).unwrap();
    let mut loaded = load(dir.path()).expect("the written folder loads");
    let prefix = format!("{}/", dir.path().display());
    loaded.edit(|t| {
        for origin in t.origins_mut() {
            origin.file = origin.file.replace(&prefix, "").into();
        }
    });
    assert_eq!(loaded, generated);
    // Links name their actor by id, by name or by alias.
    let links = std::fs::read_to_string(dir.path().join("liens.csv")).unwrap();
    let named_by = |label: fn(&Actor) -> Option<&String>| {
        generated
            .actors()
            .iter()
            .filter_map(label)
            .filter(|l| links.contains(&format!("\n{l};")))
            .count()
    };
    assert!(named_by(|a| Some(&a.id)) > 100);
    assert!(named_by(|a| Some(&a.name)) > 20);
    assert!(named_by(|a| a.aliases.first()) > 10);
    assert_eq!(scaled(1000).links().len(), 51_009);
}
