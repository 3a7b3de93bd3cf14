//! How long `check` takes on synthetic territories much larger than a real one (the Calaisis
//! has 23 actors, 9 objectives, 43 links). Run with `cargo bench --bench check`.

use actormap::check::{self, Config};
use actormap::error::Location;
use actormap::model::{Actor, Domain, Link, Objective, Role, Scope, Territory};

fn main() {
    divan::main();
}

/// `actors` actors (one in twenty a group of the five before it), one objective per four actors
/// in domains of ten objectives, eight links per objective in rotating roles.
fn territory(actors: usize) -> Territory {
    let objectives = (actors / 4).max(1);
    let at = |line| Location::new("bench.json", line);
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

#[divan::bench(args = [100, 400, 1600])]
fn all_rules(bencher: divan::Bencher, actors: usize) {
    let t = territory(actors);
    let config = Config::default();
    bencher.bench(|| check::run_with(divan::black_box(&t), &config));
}

#[divan::bench(args = [100, 400, 1600])]
fn duplicate_actor_only(bencher: divan::Bencher, actors: usize) {
    let t = territory(actors);
    let mut config = Config::default();
    let others: Vec<String> = check::RULES
        .iter()
        .filter(|r| r.name != "duplicate-actor")
        .map(|r| r.name.to_owned())
        .collect();
    config
        .apply(&check::Overrides {
            allow: others,
            ..Default::default()
        })
        .expect("known rules");
    bencher.bench(|| check::run_with(divan::black_box(&t), &config));
}
