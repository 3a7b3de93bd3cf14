//! Generated territories of any size, shared by the integration tests and the benchmarks
//! (`benches/maps.rs` and `benches/check.rs` include this file with `#[path]`).

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
            short: None,
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

/// A territory of `n` objectives over ten domains and twelve actors: each objective has a
/// prescriber and a funder, every third has no lead, and the titles are long enough to wrap.
pub fn many_objectives(n: usize) -> Territory {
    let origin = Location::default();
    let mut t = Territory {
        name: "Territoire aux nombreux objectifs".into(),
        ..Territory::default()
    };
    for d in 1..=10 {
        t.domains.push(Domain {
            id: format!("DC{d}"),
            name: format!("Domaine de coopération {d}"),
            headline: None,
            related: Vec::new(),
            origin: origin.clone(),
        });
    }
    for i in 0..12 {
        t.actors.push(Actor {
            id: format!("a{i}"),
            name: if i == 3 {
                "Communauté d'agglomération du Grand Territoire".into()
            } else {
                format!("Acteur {i}")
            },
            kind: None,
            short: None,
            aliases: Vec::new(),
            members: Vec::new(),
            origin: origin.clone(),
        });
    }
    for i in 0..n {
        let id = format!("o{i}");
        t.objectives.push(Objective {
            id: id.clone(),
            domain: format!("DC{}", i % 10 + 1),
            title: format!("Objectif contractuel numéro {i} : réduire les déchets ménagers"),
            target: Some(100.0),
            unit: None,
            current: None,
            priority: i % 5 == 0,
            contractual: true,
            origin: origin.clone(),
        });
        let mut roles = vec![(i % 12, Role::Prescriber), ((i + 5) % 12, Role::Funder)];
        if i % 3 != 0 {
            roles.push(((i + 7) % 12, Role::Lead));
        }
        for (a, role) in roles {
            t.links.push(Link {
                actor: format!("a{a}"),
                scope: Scope::Objective(id.clone()),
                role,
                means: None,
                note: None,
                origin: origin.clone(),
            });
        }
    }
    t
}

/// `actors` actors (one in twenty a group of the five before it), one objective per four actors
/// in domains of ten objectives, eight links per objective in rotating roles.
#[allow(
    dead_code,
    reason = "the rule benchmarks use it; the tests run the rules on smaller territories"
)]
pub fn many_actors(actors: usize) -> Territory {
    let objectives = (actors / 4).max(1);
    let at = |line| Location::new("generated.json", line);
    let mut t = Territory::default();
    for d in 0..objectives.div_ceil(10) {
        t.domains.push(Domain {
            id: format!("DC{d}"),
            name: format!("Domaine {d}"),
            headline: None,
            related: if d > 0 {
                vec![format!("DC{}", d - 1)]
            } else {
                Vec::new()
            },
            origin: at(d + 1),
        });
    }
    for o in 0..objectives {
        t.objectives.push(Objective {
            id: format!("o{o}"),
            domain: format!("DC{}", o / 10),
            title: format!("Objectif numéro {o}"),
            target: Some(100.0),
            unit: None,
            current: None,
            priority: o % 3 == 0,
            contractual: true,
            origin: at(o + 1),
        });
    }
    for a in 0..actors {
        let group = a % 20 == 19;
        t.actors.push(Actor {
            id: format!("a{a}"),
            name: format!("Acteur {a} du territoire"),
            kind: None,
            short: None,
            aliases: vec![format!("Structure {a}")],
            members: if group {
                (a - 5..a).map(|m| format!("a{m}")).collect()
            } else {
                Vec::new()
            },
            origin: at(a + 1),
        });
    }
    for o in 0..objectives {
        for k in 0..8 {
            t.links.push(Link {
                actor: format!("a{}", (o * 7 + k * 13) % actors),
                scope: Scope::Objective(format!("o{o}")),
                role: Role::ALL[(o + k) % Role::ALL.len()],
                means: None,
                note: None,
                origin: at(o * 8 + k + 1),
            });
        }
    }
    t
}

/// A territory where one role is crowded next to two narrow ones: `n` objectives, all of
/// which actor `big` prescribes, the first of which it also funds and supports, and which
/// `n` more actors prescribe too.
pub fn crowded(n: usize) -> Territory {
    let origin = Location::default();
    let mut t = Territory {
        name: "Territoire encombré".into(),
        domains: vec![Domain {
            id: "D1".into(),
            name: "Un domaine très suivi".into(),
            headline: None,
            related: Vec::new(),
            origin: origin.clone(),
        }],
        ..Territory::default()
    };
    let link = |actor: &str, objective: &str, role| Link {
        actor: actor.into(),
        scope: Scope::Objective(objective.into()),
        role,
        means: None,
        note: None,
        origin: origin.clone(),
    };
    let actor = |id: String, name: String| Actor {
        id,
        name,
        kind: None,
        short: None,
        aliases: Vec::new(),
        members: Vec::new(),
        origin: origin.clone(),
    };
    t.actors
        .push(actor("big".into(), "Un acteur présent partout".into()));
    for i in 0..n {
        t.objectives.push(Objective {
            id: format!("o{i}"),
            domain: "D1".into(),
            title: format!("Objectif numéro {i}"),
            target: None,
            unit: None,
            current: None,
            priority: false,
            contractual: true,
            origin: origin.clone(),
        });
        t.links
            .push(link("big", &format!("o{i}"), Role::Prescriber));
        t.actors.push(actor(format!("a{i}"), format!("Acteur {i}")));
        t.links.push(link(&format!("a{i}"), "o0", Role::Prescriber));
    }
    t.links.push(link("big", "o0", Role::Funder));
    t.links.push(link("big", "o0", Role::Support));
    t
}
