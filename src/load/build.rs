//! Tables to model: each row checked, ids and references resolved, every error collected.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::error::{LoadError, Location};
use crate::load::json::Settings;
use crate::load::table::{Field, RowView, Schema, Table};
use crate::load::{TableKind, values};
use petgraph::visit::EdgeFiltered;

use crate::model::{Actor, Domain, Edge, Link, Measurement, Node, Objective, Scope, Territory};
use crate::names::{key, suggest};

macro_rules! field {
    ($key:literal, $required:literal, [$($name:literal),* $(,)?]) => {
        Field { key: $key, names: &[$($name),*], required: $required }
    };
}

static DOMAINS: Schema = Schema {
    name: "domains",
    fields: &[
        field!(
            "id",
            true,
            [
                "id",
                "identifiant",
                "code",
                "domain",
                "domaine",
                "dc",
                "numero"
            ]
        ),
        field!(
            "name",
            true,
            ["name", "nom", "intitule", "libelle", "title", "titre"]
        ),
        field!(
            "headline",
            false,
            [
                "headline",
                "accroche",
                "phrase centrale",
                "message",
                "slogan"
            ]
        ),
        field!(
            "related",
            false,
            [
                "related",
                "related domains",
                "liens",
                "lien",
                "domaines lies"
            ]
        ),
    ],
};

static OBJECTIVES: Schema = Schema {
    name: "objectives",
    fields: &[
        field!(
            "id",
            true,
            ["id", "identifiant", "code", "objective", "objectif"]
        ),
        field!(
            "domain",
            true,
            ["domain", "domaine", "dc", "domaine de cooperation"]
        ),
        field!(
            "title",
            true,
            ["title", "titre", "intitule", "libelle", "name", "nom"]
        ),
        field!(
            "target",
            false,
            [
                "target",
                "cible",
                "valeur cible",
                "objectif chiffre",
                "target value"
            ]
        ),
        field!("unit", false, ["unit", "unite", "unites"]),
        field!(
            "current",
            false,
            [
                "current",
                "actuel",
                "valeur actuelle",
                "realise",
                "current value",
                "avancement"
            ]
        ),
        field!("priority", false, ["priority", "prioritaire", "priorite"]),
        field!(
            "contractual",
            false,
            ["contractual", "contractuel", "contractuelle"]
        ),
    ],
};

static ACTORS: Schema = Schema {
    name: "actors",
    fields: &[
        field!("id", false, ["id", "identifiant", "code"]),
        field!(
            "name",
            true,
            ["name", "nom", "actor", "acteur", "structure", "organisme"]
        ),
        field!("kind", false, ["kind", "type", "nature", "categorie"]),
        field!(
            "short",
            false,
            ["short", "sigle", "short name", "nom court"]
        ),
        field!(
            "aliases",
            false,
            ["aliases", "alias", "autres noms", "also known as"]
        ),
        field!("members", false, ["members", "membres", "composition"]),
    ],
};

static LINKS: Schema = Schema {
    name: "links",
    fields: &[
        field!("actor", true, ["actor", "acteur", "structure", "organisme"]),
        field!(
            "objective",
            true,
            [
                "objective",
                "objectif",
                "objective or domain",
                "objectif ou domaine"
            ]
        ),
        field!("role", true, ["role", "roles"]),
        field!("means", false, ["means", "moyens", "moyen"]),
        field!(
            "note",
            false,
            ["note", "notes", "commentaire", "remarque", "precision"]
        ),
    ],
};

static PROGRESS: Schema = Schema {
    name: "progress",
    fields: &[
        field!(
            "date",
            true,
            ["date", "date de mesure", "date de la mesure", "le"]
        ),
        field!(
            "objective",
            true,
            ["objective", "objectif", "indicator", "indicateur"]
        ),
        field!(
            "value",
            true,
            ["value", "valeur", "realise", "mesure", "avancement"]
        ),
        field!("source", false, ["source", "sources", "origine"]),
        field!(
            "note",
            false,
            ["note", "notes", "commentaire", "remarque", "precision"]
        ),
    ],
};

fn schema(kind: TableKind) -> &'static Schema {
    match kind {
        TableKind::Domains => &DOMAINS,
        TableKind::Objectives => &OBJECTIVES,
        TableKind::Actors => &ACTORS,
        TableKind::Links => &LINKS,
        TableKind::Progress => &PROGRESS,
    }
}

/// Lookup by id, name or alias, compared with `names::key`.
#[derive(Default)]
struct Index {
    by_key: HashMap<String, Vec<usize>>,
    /// Every name that can be looked up, as written, for suggestions.
    shown: Vec<String>,
    /// Keys of rows that had errors: references to them are not reported again.
    broken: HashSet<String>,
}

impl Index {
    fn add(&mut self, name: &str, item: usize) {
        let entry = self.by_key.entry(key(name)).or_default();
        if !entry.contains(&item) {
            entry.push(item);
        }
        self.shown.push(name.to_owned());
    }

    fn mark_broken(&mut self, name: Option<String>) {
        if let Some(name) = name {
            self.broken.insert(key(&name));
        }
    }

    fn is_broken(&self, name: &str) -> bool {
        self.broken.contains(&key(name))
    }

    fn get(&self, name: &str) -> &[usize] {
        self.by_key.get(&key(name)).map_or(&[], Vec::as_slice)
    }

    fn suggestion(&self, wanted: &str) -> String {
        suggest(wanted, self.shown.iter().map(String::as_str))
            .map(|s| format!(" (did you mean \"{s}\"?)"))
            .unwrap_or_default()
    }
}

struct Builder {
    errors: Vec<LoadError>,
    territory: Territory,
    present: Vec<TableKind>,
    domain_index: Index,
    objective_index: Index,
    actor_index: Index,
}

pub fn territory(
    settings: Settings,
    tables: Vec<(TableKind, Table)>,
    default_name: Option<String>,
    shown: &str,
) -> Result<Territory, Vec<LoadError>> {
    let mut b = Builder {
        errors: Vec::new(),
        territory: Territory {
            name: settings.name.or(default_name).unwrap_or_default(),
            population: settings.population,
            programme: settings.programme,
            rules: settings.rules,
            ..Territory::default()
        },
        present: tables.iter().map(|(k, _)| *k).collect(),
        domain_index: Index::default(),
        objective_index: Index::default(),
        actor_index: Index::default(),
    };
    let mut by_kind: BTreeMap<TableKind, Vec<&Table>> = BTreeMap::new();
    for (kind, table) in &tables {
        by_kind.entry(*kind).or_default().push(table);
    }
    if by_kind.values().any(|t| t.len() > 1) {
        b.errors.push(LoadError::new(
            Location::file(shown),
            "a table is given more than once; keep one",
        ));
    }
    // Order matters: references are resolved against the tables read before.
    let mut raw_related = Vec::new();
    let mut raw_members = Vec::new();
    for kind in TableKind::ALL {
        let Some(table) = by_kind.get(&kind).and_then(|t| t.first()) else {
            continue;
        };
        let bound = match table.bind(schema(kind)) {
            Ok(bound) => bound,
            Err(e) => {
                b.errors.extend(e);
                b.present.retain(|k| *k != kind);
                continue;
            }
        };
        for row in bound.rows() {
            match kind {
                TableKind::Domains => b.domain(&row, &mut raw_related),
                TableKind::Objectives => b.objective(&row),
                TableKind::Actors => b.actor(&row, &mut raw_members),
                TableKind::Links => b.link(&row),
                TableKind::Progress => b.measurement(&row),
            }
        }
        match kind {
            TableKind::Domains => b.resolve_related(raw_related.drain(..)),
            TableKind::Actors => b.resolve_members(raw_members.drain(..)),
            _ => {}
        }
    }
    if b.errors.is_empty() {
        Ok(b.territory)
    } else {
        b.errors.sort();
        Err(b.errors)
    }
}

/// A reference to resolve once its whole table is read.
struct Pending {
    owner: usize,
    names: Vec<String>,
    origin: LoadError,
}

impl Builder {
    fn has(&self, kind: TableKind) -> bool {
        self.present.contains(&kind)
    }

    fn duplicate(&mut self, row: &RowView, what: &str, id: &str, first: &Location) {
        self.errors.push(row.error(
            "id",
            format!("duplicate {what} id \"{id}\" (first defined at {first})"),
        ));
    }

    fn number(&mut self, row: &RowView, field: &str) -> Option<f64> {
        let text = row.text(field)?;
        values::number(&text)
            .map_err(|e| self.errors.push(row.error(field, e)))
            .ok()
    }

    fn boolean(&mut self, row: &RowView, field: &str) -> bool {
        let text = row.text(field).unwrap_or_default();
        values::boolean(&text)
            .map_err(|e| self.errors.push(row.error(field, e)))
            .unwrap_or(false)
    }

    fn domain(&mut self, row: &RowView, related: &mut Vec<Pending>) {
        let id = row.required("id", "a domain id such as DC1");
        let name = row.required("name", "the domain's name");
        let (id, name) = match (id, name) {
            (Ok(id), Ok(name)) => (id, name),
            (id, name) => {
                self.domain_index.mark_broken(id.clone().ok());
                self.errors.extend(id.err().into_iter().chain(name.err()));
                return;
            }
        };
        if let Some(&first) = self.domain_index.get(&id).first() {
            let first = self.territory.domains[first].origin.clone();
            return self.duplicate(row, "domain", &id, &first);
        }
        let n = self.territory.domains.len();
        self.domain_index.add(&id, n);
        related.push(Pending {
            owner: n,
            names: row.list("related", &[',', ';', '|']),
            origin: row.error("related", ""),
        });
        self.territory.domains.push(Domain {
            id,
            name,
            headline: row.text("headline"),
            related: Vec::new(),
            origin: row.location(),
        });
    }

    /// "DC 3, DC 4" and "DC3 DC4" both name two domains.
    fn resolve_related(&mut self, pending: impl Iterator<Item = Pending>) {
        for p in pending {
            let mut ids = Vec::new();
            for piece in &p.names {
                let words: Vec<&str> = if self.domain_index.get(piece).is_empty() {
                    piece.split_whitespace().collect()
                } else {
                    vec![piece.as_str()]
                };
                for word in words {
                    match self.domain_index.get(word).first() {
                        Some(&d) => {
                            let id = self.territory.domains[d].id.clone();
                            if d == p.owner {
                                self.errors.push(LoadError {
                                    message: format!("domain \"{id}\" names itself as related"),
                                    ..p.origin.clone()
                                });
                            } else if !ids.contains(&id) {
                                ids.push(id);
                            }
                        }
                        None => self.errors.push(LoadError {
                            message: format!(
                                "unknown related domain \"{word}\"{}",
                                self.domain_index.suggestion(word)
                            ),
                            ..p.origin.clone()
                        }),
                    }
                }
            }
            self.territory.domains[p.owner].related = ids;
        }
    }

    fn objective(&mut self, row: &RowView) {
        let id = row.required("id", "an objective id such as regal");
        let domain = row.required("domain", "the id of the objective's domain");
        let title = row.required("title", "the objective's title");
        let (id, domain, title) = match (id, domain, title) {
            (Ok(id), Ok(domain), Ok(title)) => (id, domain, title),
            (id, domain, title) => {
                self.objective_index.mark_broken(id.clone().ok());
                self.errors
                    .extend(id.err().into_iter().chain(domain.err()).chain(title.err()));
                return;
            }
        };
        let domain = if !self.has(TableKind::Domains) {
            domain
        } else if let Some(&d) = self.domain_index.get(&domain).first() {
            self.territory.domains[d].id.clone()
        } else if self.domain_index.is_broken(&domain) {
            self.objective_index.mark_broken(Some(id));
            return;
        } else {
            self.objective_index.mark_broken(Some(id.clone()));
            let hint = self.domain_index.suggestion(&domain);
            self.errors.push(row.error(
                "domain",
                format!("unknown domain \"{domain}\"{hint}; expected an id from the domains table"),
            ));
            return;
        };
        if let Some(&first) = self.objective_index.get(&id).first() {
            let first = self.territory.objectives[first].origin.clone();
            return self.duplicate(row, "objective", &id, &first);
        }
        if let Some(&d) = self.domain_index.get(&id).first() {
            let at = self.territory.domains[d].origin.clone();
            self.errors.push(row.error(
                "id",
                format!("objective id \"{id}\" is also a domain id (at {at}); links could not tell them apart"),
            ));
            return;
        }
        let target = self.number(row, "target");
        let current = row.text("current").and_then(|text| {
            values::progress(&text, target == Some(1.0))
                .map_err(|e| self.errors.push(row.error("current", e)))
                .ok()
        });
        let priority = self.boolean(row, "priority");
        let contractual = self.boolean(row, "contractual");
        self.objective_index
            .add(&id, self.territory.objectives.len());
        self.territory.objectives.push(Objective {
            id,
            domain,
            title,
            target,
            unit: row.text("unit"),
            current,
            priority,
            contractual,
            origin: row.location(),
        });
    }

    fn actor(&mut self, row: &RowView, members: &mut Vec<Pending>) {
        let name = match row.required("name", "the actor's name") {
            Ok(name) => name,
            Err(e) => {
                self.actor_index.mark_broken(row.text("id"));
                return self.errors.push(e);
            }
        };
        let (id, derived) = match row.text("id") {
            Some(id) => (id, false),
            None => (slug::slugify(&name), true),
        };
        if id.is_empty() {
            self.actor_index.mark_broken(Some(name.clone()));
            return self.errors.push(row.error(
                "name",
                format!("cannot derive an id from the name \"{name}\"; give the actor an id"),
            ));
        }
        if let Some(first) = self
            .territory
            .actors
            .iter()
            .find(|a| key(&a.id) == key(&id))
        {
            let hint = if derived {
                " (derived from the name; give one of them an id)"
            } else {
                ""
            };
            self.errors.push(row.error(
                "id",
                format!(
                    "duplicate actor id \"{id}\"{hint} (first defined at {})",
                    first.origin
                ),
            ));
            return;
        }
        let n = self.territory.actors.len();
        let aliases = row.list("aliases", &['|']);
        self.actor_index.add(&name, n);
        self.actor_index.add(&id, n);
        for alias in &aliases {
            self.actor_index.add(alias, n);
        }
        members.push(Pending {
            owner: n,
            names: row.list("members", &['|']),
            origin: row.error("members", ""),
        });
        self.territory.actors.push(Actor {
            id,
            name,
            kind: row.text("kind"),
            short: row.text("short"),
            aliases,
            members: Vec::new(),
            origin: row.location(),
        });
    }

    /// The one actor a name stands for, or why there is none (`None`: the actor's own row
    /// had errors, already reported).
    fn find_actor(&self, name: &str) -> Result<usize, Option<String>> {
        match self.actor_index.get(name) {
            [one] => Ok(*one),
            [] if self.actor_index.is_broken(name) => Err(None),
            [] => Err(Some(format!(
                "unknown actor \"{name}\"{}",
                self.actor_index.suggestion(name)
            ))),
            many => Err(Some(format!(
                "ambiguous actor \"{name}\": it names {}; use an id",
                many.iter()
                    .map(|&a| format!("\"{}\"", self.territory.actors[a].id))
                    .collect::<Vec<_>>()
                    .join(" and ")
            ))),
        }
    }

    fn resolve_members(&mut self, pending: impl Iterator<Item = Pending>) {
        for p in pending {
            let mut ids = Vec::new();
            for name in &p.names {
                match self.find_actor(name) {
                    Ok(m) if m == p.owner => self.errors.push(LoadError {
                        message: format!("actor \"{name}\" lists itself as a member"),
                        ..p.origin.clone()
                    }),
                    Ok(m) => {
                        let id = self.territory.actors[m].id.clone();
                        if !ids.contains(&id) {
                            ids.push(id);
                        }
                    }
                    Err(None) => {}
                    Err(Some(message)) => self.errors.push(LoadError {
                        message,
                        ..p.origin.clone()
                    }),
                }
            }
            self.territory.actors[p.owner].members = ids;
        }
        self.refuse_member_cycles();
    }

    /// Groups that contain each other, directly or not, would make "who is in this group"
    /// endless: each cycle is reported once, at its first group.
    fn refuse_member_cycles(&mut self) {
        let g = self.territory.graph();
        let membership = EdgeFiltered::from_fn(&g.graph, |e| *e.weight() == Edge::MemberOf);
        for cycle in petgraph::algo::tarjan_scc(&membership) {
            let mut actors: Vec<&Actor> = cycle
                .iter()
                .filter_map(|n| match g.graph[*n] {
                    Node::Actor(i) => Some(&self.territory.actors[i]),
                    _ => None,
                })
                .collect();
            if actors.len() < 2 {
                continue;
            }
            actors.sort_by(|a, b| a.origin.cmp(&b.origin));
            let names: Vec<String> = actors.iter().map(|a| format!("\"{}\"", a.name)).collect();
            let error = LoadError::new(
                actors[0].origin.clone(),
                format!("groups {} contain each other", names.join(", ")),
            )
            .in_column("members");
            self.errors.push(error);
        }
    }

    fn link(&mut self, row: &RowView) {
        let actor = row.required("actor", "an actor's id, name or alias");
        let objective = row.required("objective", "an objective id or a domain id");
        let role = row
            .required("role", "a role such as chef de file, financeur, cible")
            .and_then(|r| values::role(&r).map_err(|e| row.error("role", e)))
            .map_err(Some);
        let means = row
            .text("means")
            .map(|m| values::means(&m).map_err(|e| Some(row.error("means", e))))
            .transpose();
        let actor = actor.map_err(Some).and_then(|a| {
            if !self.has(TableKind::Actors) {
                return Ok(a);
            }
            self.find_actor(&a)
                .map(|n| self.territory.actors[n].id.clone())
                .map_err(|e| e.map(|e| row.error("actor", e)))
        });
        let scope = objective.map_err(Some).and_then(|o| self.scope(row, &o));
        match (actor, scope, role, means) {
            (Ok(actor), Ok(scope), Ok(role), Ok(means)) => self.territory.links.push(Link {
                actor,
                scope,
                role,
                means,
                note: row.text("note"),
                origin: row.location(),
            }),
            (actor, scope, role, means) => self.errors.extend(
                [actor.err(), scope.err(), role.err(), means.err()]
                    .into_iter()
                    .flatten()
                    .flatten(),
            ),
        }
    }

    /// A row of `progress.csv`: a dated value of one objective.
    fn measurement(&mut self, row: &RowView) {
        let date = row
            .required("date", "a date such as 2022-06-30 or 30/06/2022")
            .and_then(|d| values::date(&d).map_err(|e| row.error("date", e)));
        let objective = row
            .required("objective", "an objective id")
            .map_err(Some)
            .and_then(|o| self.measured_objective(row, &o));
        let value = row.required("value", "the value reached on that date");
        let (date, objective, value) = match (date, objective, value) {
            (Ok(date), Ok(objective), Ok(value)) => (date, objective, value),
            (date, objective, value) => {
                let objective = objective.err().flatten();
                self.errors
                    .extend(date.err().into_iter().chain(objective).chain(value.err()));
                return;
            }
        };
        let qualitative = self
            .territory
            .objective(&objective)
            .is_some_and(|o| o.target == Some(1.0));
        let value = match values::progress(&value, qualitative) {
            Ok(v) => v,
            Err(e) => return self.errors.push(row.error("value", e)),
        };
        if let Some(first) = self
            .territory
            .progress
            .iter()
            .find(|m| m.objective == objective && m.date == date)
        {
            let message = format!(
                "a second value for objective \"{objective}\" on {date} (first given at {}); keep one",
                first.origin
            );
            return self.errors.push(row.error("date", message));
        }
        self.territory.progress.push(Measurement {
            objective,
            date,
            value,
            source: row.text("source"),
            note: row.text("note"),
            origin: row.location(),
        });
    }

    /// The id of the objective a progress row names, or why there is none (`Err(None)`:
    /// the objective's own row had errors, already reported).
    fn measured_objective(&self, row: &RowView, wanted: &str) -> Result<String, Option<LoadError>> {
        if let Some(&o) = self.objective_index.get(wanted).first() {
            return Ok(self.territory.objectives[o].id.clone());
        }
        if !self.has(TableKind::Objectives) {
            return Ok(wanted.to_owned());
        }
        if self.objective_index.is_broken(wanted) {
            return Err(None);
        }
        let hint = self.objective_index.suggestion(wanted);
        Err(Some(row.error(
            "objective",
            format!(
                "unknown objective \"{wanted}\"{hint}; expected an id from the objectives table"
            ),
        )))
    }

    /// What a link points at; `Err(None)` when it is a row that had errors of its own.
    fn scope(&self, row: &RowView, wanted: &str) -> Result<Scope, Option<LoadError>> {
        if let Some(&o) = self.objective_index.get(wanted).first() {
            return Ok(Scope::Objective(self.territory.objectives[o].id.clone()));
        }
        if let Some(&d) = self.domain_index.get(wanted).first() {
            return Ok(Scope::Domain(self.territory.domains[d].id.clone()));
        }
        if !self.has(TableKind::Objectives) || !self.has(TableKind::Domains) {
            return Ok(Scope::Objective(wanted.to_owned()));
        }
        if self.objective_index.is_broken(wanted) || self.domain_index.is_broken(wanted) {
            return Err(None);
        }
        let ids = self
            .territory
            .objectives
            .iter()
            .map(|o| o.id.as_str())
            .chain(self.territory.domains.iter().map(|d| d.id.as_str()));
        let hint = suggest(wanted, ids)
            .map(|s| format!(" (did you mean \"{s}\"?)"))
            .unwrap_or_default();
        Err(Some(row.error(
            "objective",
            format!("unknown objective or domain \"{wanted}\"{hint}"),
        )))
    }
}
