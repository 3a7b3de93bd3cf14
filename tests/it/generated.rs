//! Generated territories of any size, shared by the integration tests and the benchmarks
//! (`benches/maps.rs` and `benches/check.rs` include this file with `#[path]`).

use actormap::error::Location;
use actormap::model::{Actor, Domain, Link, Objective, Role, Scope, Tables, Territory};
use compact_str::format_compact;

/// A territory of these tables, with a name.
fn named(name: &str, tables: Tables) -> Territory {
    let mut t = Territory::new(tables);
    t.name = name.into();
    t
}

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
    let mut t = Tables {
        domains: vec![Domain {
            id: "D1".into(),
            name: "Un domaine de coopération au nom assez long pour un titre".into(),
            headline: Some("Vers un objectif partagé par tous les acteurs".into()),
            related: vec!["D2".into()],
            context: Vec::new(),
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
            reach: None,
            origin: origin.clone(),
        }],
        ..Tables::default()
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
            actor: format_compact!("a{i}"),
            scope: Scope::Objective("o1".into()),
            role,
            means: None,
            note: None,
            origin: origin.clone(),
        });
    }
    named("Territoire généré", t)
}

/// A territory of `n` objectives over ten domains and twelve actors: each objective has a
/// prescriber and a funder, every third has no lead, and the titles are long enough to wrap.
pub fn many_objectives(n: usize) -> Territory {
    let origin = Location::default();
    let mut t = Tables::default();
    for d in 1..=10 {
        t.domains.push(Domain {
            id: format!("DC{d}"),
            name: format!("Domaine de coopération {d}"),
            headline: None,
            related: Vec::new(),
            context: Vec::new(),
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
            reach: None,
            origin: origin.clone(),
        });
        let mut roles = vec![(i % 12, Role::Prescriber), ((i + 5) % 12, Role::Funder)];
        if i % 3 != 0 {
            roles.push(((i + 7) % 12, Role::Lead));
        }
        for (a, role) in roles {
            t.links.push(Link {
                actor: format_compact!("a{a}"),
                scope: Scope::Objective(id.as_str().into()),
                role,
                means: None,
                note: None,
                origin: origin.clone(),
            });
        }
    }
    named("Territoire aux nombreux objectifs", t)
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
    let mut t = Tables::default();
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
            context: Vec::new(),
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
            reach: None,
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
                actor: format_compact!("a{}", (o * 7 + k * 13) % actors),
                scope: Scope::Objective(format_compact!("o{o}")),
                role: Role::ALL[(o + k) % Role::ALL.len()],
                means: None,
                note: None,
                origin: at(o * 8 + k + 1),
            });
        }
    }
    Territory::new(t)
}

/// A territory where one role is crowded next to two narrow ones: `n` objectives, all of
/// which actor `big` prescribes, the first of which it also funds and supports, and which
/// `n` more actors prescribe too.
pub fn crowded(n: usize) -> Territory {
    let origin = Location::default();
    let mut t = Tables {
        domains: vec![Domain {
            id: "D1".into(),
            name: "Un domaine très suivi".into(),
            headline: None,
            related: Vec::new(),
            context: Vec::new(),
            origin: origin.clone(),
        }],
        ..Tables::default()
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
            reach: None,
            origin: origin.clone(),
        });
        t.links
            .push(link("big", &format!("o{i}"), Role::Prescriber));
        t.actors.push(actor(format!("a{i}"), format!("Acteur {i}")));
        t.links.push(link(&format!("a{i}"), "o0", Role::Prescriber));
    }
    t.links.push(link("big", "o0", Role::Funder));
    t.links.push(link("big", "o0", Role::Support));
    named("Territoire encombré", t)
}

/// The kinds of body of `scaled` territories, with how their names are written.
const BODIES: [(&str, &str, &str); 8] = [
    ("commune", "Commune de ", ""),
    ("EPCI", "Communauté de communes ", ""),
    ("association", "Association ", " Environnement"),
    ("syndicat", "Syndicat mixte du ", ""),
    ("bailleur", "", " Habitat"),
    ("chambre consulaire", "Chambre de métiers ", ""),
    ("entreprise", "Entreprise ", ""),
    ("établissement scolaire", "Collège ", ""),
];

/// A place name of its own for each number: "Barilo", "Mavetusi"...
fn place(mut i: usize) -> String {
    const SYLLABLES: [&str; 16] = [
        "ba", "ri", "lo", "ne", "ma", "tu", "si", "vo", "ca", "de", "fu", "ga", "pe", "ro", "mi",
        "la",
    ];
    let mut out = String::new();
    for _ in 0..5 {
        out.push_str(SYLLABLES[i % 16]);
        i /= 16;
    }
    out.push_str(&i.to_string().replace('0', ""));
    let mut chars = out.chars();
    let first = chars.next().map(|c| c.to_ascii_uppercase());
    first.into_iter().chain(chars).collect()
}

/// A territory the size of a region's contracts, for `scripts/bench-scale.sh`: `objectives`
/// objectives over nine domains, five actors per objective (one in 25 a group of the four
/// before it, one in three with an alias, two in 500 entered twice: by initials and in
/// capitals), 51 links per objective plus one domain-wide funder per domain, and two dated
/// measurements for every other objective. 1,000 objectives give 5,000 actors and 51,009
/// links. Origins name the files `write_folder` writes.
pub fn scaled(objectives: usize) -> Territory {
    let objectives = objectives.max(1);
    let actors = objectives * 5;
    let at = |file: &str, line: usize| Location::new(file, line);
    let date = |y: i16, m: i8, d: i8| jiff::civil::date(y, m, d);
    let mut t = Tables::default();
    for d in 1..=9 {
        t.domains.push(Domain {
            id: format!("DC{d}"),
            name: format!("Domaine de coopération {d}"),
            headline: (d % 3 == 1).then(|| format!("Vers un territoire plus sobre, volet {d}")),
            related: vec![format!("DC{}", d % 9 + 1)],
            context: Vec::new(),
            origin: at("domains.csv", d + 1),
        });
    }
    for o in 0..objectives {
        t.objectives.push(Objective {
            id: format!("o{o}"),
            domain: format!("DC{}", o % 9 + 1),
            title: format!("Objectif {o} : réduire les déchets de {}", place(o)),
            target: Some(100.0 + (o % 50) as f64 * 10.0),
            unit: Some("actions".into()),
            current: (o % 4 == 1).then_some((o % 90) as f64),
            priority: o % 10 == 0,
            contractual: o % 3 != 2,
            reach: None,
            origin: at("objectives.csv", o + 2),
        });
    }
    for a in 0..actors {
        let (kind, before, after) = BODIES[a % BODIES.len()];
        let group = a % 25 == 24;
        let name = if group {
            format!("Groupement {}", place(a))
        } else if a % 500 == 202 {
            // The community of communes just before, by its initials: "CC Ribabababa".
            format!("CC {}", place(a - 1))
        } else if a % 500 == 498 {
            // The same body as actor a - 250, its name typed in capitals without accents.
            let (_, before, after) = BODIES[(a - 250) % BODIES.len()];
            deunicode::deunicode(&format!("{before}{}{after}", place(a - 250))).to_uppercase()
        } else {
            format!("{before}{}{after}", place(a))
        };
        t.actors.push(Actor {
            id: format!("a{a}"),
            aliases: if a % 3 == 0 && !group {
                vec![format!("{} {}", kind.to_uppercase(), place(a))]
            } else {
                Vec::new()
            },
            name,
            kind: Some(kind.into()),
            short: None,
            members: if group {
                (a - 4..a).map(|m| format!("a{m}")).collect()
            } else {
                Vec::new()
            },
            origin: at("acteurs.csv", a + 2),
        });
    }
    const ROLES: [Role; 5] = [
        Role::Prescriber,
        Role::Funder,
        Role::Support,
        Role::Target,
        Role::Relay,
    ];
    for o in 0..objectives {
        for k in 0..51 {
            let role = match k {
                0 if o % 3 != 0 => Role::Lead,
                0..=2 => Role::LeadCandidate,
                _ => ROLES[(o + k) % ROLES.len()],
            };
            let means = match role {
                Role::Funder => Some(actormap::model::Means::Funding),
                Role::Support if k % 2 == 0 => Some(actormap::model::Means::Engineering),
                Role::Support => Some(actormap::model::Means::Support),
                _ => None,
            };
            t.links.push(Link {
                actor: format_compact!("a{}", (o * 5 + k * 97) % actors),
                scope: Scope::Objective(format_compact!("o{o}")),
                role,
                means,
                note: (k == 7).then(|| "AAP régional".to_owned()),
                origin: at("liens.csv", t.links.len() + 2),
            });
        }
    }
    for d in &t.domains {
        t.links.push(Link {
            actor: "a1".into(),
            scope: Scope::Domain(d.id.as_str().into()),
            role: Role::Funder,
            means: Some(actormap::model::Means::Funding),
            note: None,
            origin: at("liens.csv", t.links.len() + 2),
        });
    }
    for o in (0..objectives).step_by(2) {
        let target = 100.0 + (o % 50) as f64 * 10.0;
        for (when, share) in [(date(2022, 6, 30), 0.25), (date(2023, 6, 30), 0.4)] {
            t.progress.push(actormap::model::Measurement {
                objective: format!("o{o}"),
                date: when,
                value: (target * (share + (o % 7) as f64 / 10.0)).round(),
                source: Some("rapport annuel".into()),
                note: None,
                origin: at("avancement.csv", t.progress.len() + 2),
            });
        }
    }
    let mut t = Territory::new(t);
    t.name = format!("Territoire de {objectives} objectifs");
    t.population = Some(objectives as u64 * 150);
    t.programme = Some(actormap::model::Programme {
        name: "COT TRI".into(),
        start: Some(date(2021, 1, 1)),
        end: Some(date(2023, 12, 31)),
        flat_aid: Some(270_000.0),
        bonus_per_inhabitant: Some(1.0),
        ..Default::default()
    });
    t
}

/// Write a territory as a folder a project officer would keep: `territory.json` and the five
/// CSV tables, `;`-separated, French headers and words. Links name their actor by id, by name
/// (one in ten) or by alias (one in ten) when that name is the actor's alone.
pub fn write_folder(t: &Territory, dir: &std::path::Path) -> std::io::Result<()> {
    use actormap::model::Lang;
    use actormap::names::key;
    use std::collections::HashMap;

    std::fs::create_dir_all(dir)?;
    let programme = t.programme.as_ref().map(|p| {
        serde_json::json!({
            "name": p.name,
            "start": p.start.map(|d| d.to_string()),
            "end": p.end.map(|d| d.to_string()),
            "flat_aid": p.flat_aid,
            "bonus_per_inhabitant": p.bonus_per_inhabitant,
            "min_ratio": p.min_ratio,
            "priority_ratio": p.priority_ratio,
        })
    });
    let settings = serde_json::json!({
        "name": t.name,
        "population": t.population,
        "programme": programme,
    });
    std::fs::write(
        dir.join("territory.json"),
        serde_json::to_string_pretty(&settings)? + "\n",
    )?;

    let number = |n: f64| n.to_string().replace('.', ",");
    let yes = |b: bool| if b { "oui" } else { "non" };
    let table = |name: &str, header: &[&str], rows: Vec<Vec<String>>| -> std::io::Result<()> {
        let mut w = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_path(dir.join(name))?;
        w.write_record(header)?;
        for row in rows {
            w.write_record(row)?;
        }
        w.flush()
    };
    table(
        "domains.csv",
        &["id", "nom", "accroche", "liens"],
        t.domains()
            .iter()
            .map(|d| {
                vec![
                    d.id.clone(),
                    d.name.clone(),
                    d.headline.clone().unwrap_or_default(),
                    d.related.join(", "),
                ]
            })
            .collect(),
    )?;
    table(
        "objectives.csv",
        &[
            "id",
            "domaine",
            "titre",
            "cible",
            "unité",
            "valeur actuelle",
            "prioritaire",
            "contractuel",
        ],
        t.objectives()
            .iter()
            .map(|o| {
                vec![
                    o.id.clone(),
                    o.domain.clone(),
                    o.title.clone(),
                    o.target.map(number).unwrap_or_default(),
                    o.unit.clone().unwrap_or_default(),
                    o.current.map(number).unwrap_or_default(),
                    yes(o.priority).into(),
                    yes(o.contractual).into(),
                ]
            })
            .collect(),
    )?;
    table(
        "acteurs.csv",
        &["id", "nom", "type", "alias", "membres"],
        t.actors()
            .iter()
            .map(|a| {
                vec![
                    a.id.clone(),
                    a.name.clone(),
                    a.kind.clone().unwrap_or_default(),
                    a.aliases.join("|"),
                    a.members.join("|"),
                ]
            })
            .collect(),
    )?;
    // How many actors each name, alias or id could stand for.
    let mut uses: HashMap<String, usize> = HashMap::new();
    for a in t.actors() {
        let mut keys: Vec<String> = std::iter::once(&a.id)
            .chain([&a.name])
            .chain(&a.aliases)
            .map(|s| key(s))
            .collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *uses.entry(k).or_default() += 1;
        }
    }
    let by_id: HashMap<&str, &Actor> = t.actors().iter().map(|a| (a.id.as_str(), a)).collect();
    let named = |n: usize, id: &str| -> String {
        let label = by_id.get(id).and_then(|a| match n % 10 {
            3 => Some(&a.name),
            7 => a.aliases.first(),
            _ => None,
        });
        match label {
            Some(label) if uses.get(&key(label)) == Some(&1) => label.clone(),
            _ => id.to_owned(),
        }
    };
    table(
        "liens.csv",
        &["acteur", "objectif", "rôle", "moyens", "note"],
        t.links()
            .iter()
            .enumerate()
            .map(|(n, l)| {
                let scope = match &l.scope {
                    Scope::Objective(id) | Scope::Domain(id) => id.to_string(),
                };
                vec![
                    named(n, &l.actor),
                    scope,
                    Lang::Fr.catalog().role(l.role).into(),
                    l.means
                        .map(|m| Lang::Fr.catalog().means(m).to_lowercase())
                        .unwrap_or_default(),
                    l.note.clone().unwrap_or_default(),
                ]
            })
            .collect(),
    )?;
    table(
        "avancement.csv",
        &["date", "objectif", "valeur", "source", "note"],
        t.progress()
            .iter()
            .map(|m| {
                vec![
                    m.date.to_string(),
                    m.objective.clone(),
                    number(m.value),
                    m.source.clone().unwrap_or_default(),
                    m.note.clone().unwrap_or_default(),
                ]
            })
            .collect(),
    )?;
    Ok(())
}

/// A territory whose perimeter has `members` member territories (long names, short names
/// for half of them) and `objectives` objectives whose scope is tracked: every third reaches
/// every member, the others the first half of them; objective `i` has `i % 4` actions with
/// long titles, each running on one member (none on the whole territory), the third one
/// dropped.
#[allow(
    dead_code,
    reason = "the coverage tests use it; the benchmarks include this file too"
)]
pub fn covered(objectives: usize, members: usize) -> Territory {
    use actormap::model::{Action, ActionStatus, Reach};
    let origin = Location::default();
    let mut t = Tables {
        domains: vec![Domain {
            id: "DC1".into(),
            name: "Énergie".into(),
            headline: None,
            related: Vec::new(),
            context: Vec::new(),
            origin: origin.clone(),
        }],
        ..Tables::default()
    };
    for m in 0..members {
        t.actors.push(Actor {
            id: format!("m{m}"),
            name: format!("Communauté de communes du territoire numéro {m}"),
            kind: None,
            short: (m % 2 == 0).then(|| format!("CC{m}")),
            aliases: Vec::new(),
            members: Vec::new(),
            origin: origin.clone(),
        });
        t.perimeter.push(format!("m{m}"));
    }
    for i in 0..objectives {
        let id = format!("o{i}");
        t.objectives.push(Objective {
            id: id.clone(),
            domain: "DC1".into(),
            title: format!("Objectif numéro {i} à atteindre sur tout ou partie du territoire"),
            target: Some(1.0),
            unit: None,
            current: None,
            priority: i % 5 == 0,
            contractual: true,
            reach: Some(if i % 3 == 0 {
                Reach::All
            } else {
                Reach::Members((0..members.div_ceil(2)).map(|m| format!("m{m}")).collect())
            }),
            origin: origin.clone(),
        });
        for j in 0..i % 4 {
            t.actions.push(Action {
                id: format!("{id}-a{j}"),
                scope: Scope::Objective(id.as_str().into()),
                title: format!("Action {j} de l'objectif {i}, menée avec les communes volontaires"),
                bearers: vec![format!("m{}", (i + j) % members)],
                status: if j == 2 {
                    ActionStatus::Dropped
                } else {
                    ActionStatus::Ongoing
                },
                source: None,
                perimeter: vec![format!("m{}", (i + j) % members)],
                start: None,
                end: None,
                budget: None,
                note: None,
                origin: origin.clone(),
            });
        }
    }
    named("Territoire au périmètre suivi", t)
}

/// A territory governed by `bodies` bodies: one steering committee and the others reporting
/// to it, each with a long name and `members` members of long names (the last actor a group
/// of three), so that the chart has to shorten its boxes' lists.
#[allow(
    dead_code,
    reason = "the graph tests use it; the benchmarks include this file too"
)]
pub fn governed(bodies: usize, members: usize) -> Territory {
    use actormap::model::Body;
    let origin = Location::default();
    let mut t = Tables {
        domains: vec![Domain {
            id: "DC1".into(),
            name: "Énergie".into(),
            headline: None,
            related: Vec::new(),
            context: Vec::new(),
            origin: origin.clone(),
        }],
        ..Tables::default()
    };
    for m in 0..members {
        t.actors.push(Actor {
            id: format!("a{m}"),
            name: format!("Syndicat intercommunal des eaux et de l'énergie numéro {m}"),
            kind: None,
            short: (m % 3 == 0).then(|| format!("SIEE{m}")),
            aliases: Vec::new(),
            members: if m + 1 == members && members > 3 {
                vec!["a0".into(), "a1".into(), "a2".into()]
            } else {
                Vec::new()
            },
            origin: origin.clone(),
        });
    }
    for b in 0..bodies {
        t.bodies.push(Body {
            id: format!("b{b}"),
            name: format!("Groupe de travail thématique numéro {b} sur la transition"),
            kind: Some("groupe de travail".into()),
            chair: Some(format!("a{}", b % members.max(1))),
            members: (0..members).map(|m| format!("a{m}")).collect(),
            parent: (b > 0).then(|| "b0".into()),
            note: None,
            origin: origin.clone(),
        });
    }
    named("Territoire gouverné", t)
}
