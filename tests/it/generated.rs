//! Generated territories of any size, shared by the integration tests and the benchmarks
//! (`benches/maps.rs` includes this file with `#[path]`).

use actormap::error::Location;
use actormap::model::{Actor, Domain, Link, Objective, Role, Scope, Territory};

/// A territory of one domain, one objective without a lead, and `n` actors spread over the
/// roles; every seventh has a long name that wraps.
pub fn generated(n: usize) -> Territory {
    let origin = Location::default();
    let roles = [
        Role::Prescriber,
        Role::Funder,
        Role::Support,
        Role::Target,
        Role::Relay,
    ];
    let mut t = Territory {
        name: "Territoire généré".into(),
        domains: vec![Domain {
            id: "D1".into(),
            name: "Un domaine de coopération au nom assez long pour un titre".into(),
            headline: Some("Vers un objectif partagé par tous les acteurs".into()),
            related: vec!["D2".into()],
            origin: origin.clone(),
        }],
        objectives: vec![Objective {
            id: "o1".into(),
            domain: "D1".into(),
            title: "Un objectif contractuel mesurable".into(),
            target: Some(1500.0),
            unit: Some("actions".into()),
            current: None,
            priority: true,
            contractual: true,
            origin: origin.clone(),
        }],
        ..Territory::default()
    };
    for i in 0..n {
        let name = if i % 7 == 3 {
            format!("Communauté d'agglomération du Grand Territoire numéro {i}")
        } else {
            format!("Acteur {i}")
        };
        t.actors.push(Actor {
            id: format!("a{i}"),
            name,
            kind: None,
            aliases: Vec::new(),
            members: Vec::new(),
            origin: origin.clone(),
        });
        let role = if i % 11 == 5 {
            Role::LeadCandidate
        } else {
            roles[i % roles.len()]
        };
        t.links.push(Link {
            actor: format!("a{i}"),
            scope: Scope::Objective("o1".into()),
            role,
            means: None,
            note: None,
            origin: origin.clone(),
        });
    }
    t
}
