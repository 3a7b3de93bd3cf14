//! `bodies.csv` / `instances.csv` (optional): the governance (COPIL, COTECH, working
//! groups), who chairs each, who sits on it, and the body it reports to.

use super::{Rows, TableDef};
use crate::error::LoadError;
use crate::load::build::{Builder, Pending};
use crate::load::message::{Expected, Message, Thing};
use crate::load::schema::{Field, Schema};
use crate::load::table::RowView;
use crate::model::{Body, Territory};
use crate::names::key;

pub static TABLE: TableDef = TableDef {
    schema: Schema {
        name: "bodies",
        fields: &[
            Field::new("id", "id", false, &["id", "identifiant", "code"]),
            Field::new(
                "name",
                "nom",
                true,
                &["name", "nom", "instance", "body", "intitule", "libelle"],
            ),
            Field::new("kind", "type", false, &["kind", "type", "nature"]),
            Field::new(
                "chair",
                "animateur",
                false,
                &[
                    "chair",
                    "animateur",
                    "animatrice",
                    "animation",
                    "president",
                    "presidence",
                    "pilote",
                    "chaired by",
                ],
            ),
            Field::new(
                "members",
                "membres",
                false,
                &["members", "membres", "composition"],
            ),
            Field::new(
                "parent",
                "parent",
                false,
                &[
                    "parent",
                    "instance parente",
                    "reports to",
                    "rend compte a",
                    "rattachement",
                ],
            ),
            Field::new(
                "note",
                "note",
                false,
                &["note", "notes", "commentaire", "remarque", "precision"],
            ),
        ],
    },
    stems: &["bodies", "instances", "governance", "gouvernance"],
    required: false,
    rows: Rows {
        reserve: |b, n| b.territory.bodies.reserve(n),
        row: Builder::body,
        broken: |b, row| {
            b.body_index.mark_broken(row.text("id"));
            b.body_index.mark_broken(row.text("name"));
        },
        after: Builder::resolve_parents,
    },
};

impl Builder {
    fn body(&mut self, row: &RowView) {
        let chair = self.actors_named(row, "chair");
        let members = self.actors_named(row, "members");
        let name = match row.required("name", Expected::BodyName) {
            Ok(name) => name,
            Err(e) => {
                self.body_index.mark_broken(row.text("id"));
                return self.errors.push(e);
            }
        };
        let (id, derived) = match row.text("id") {
            Some(id) => (id, false),
            None => (slug::slugify(&name), true),
        };
        if id.is_empty() {
            self.body_index.mark_broken(Some(name.clone()));
            let message = Message::NoId {
                thing: Thing::Body,
                name,
            };
            return self.errors.push(row.error("name", message));
        }
        if let Some(&first) = self.body_ids.get(&key(&id)) {
            let message = Message::DuplicateId {
                thing: Thing::Body,
                id,
                derived,
                first: self.territory.bodies[first].origin.clone(),
            };
            return self.errors.push(row.error("id", message));
        }
        let n = self.territory.bodies.len();
        self.body_ids.insert(key(&id), n);
        self.body_index.add(&id, n);
        self.body_index.add(&name, n);
        self.pending_parents.push(Pending {
            owner: n,
            names: row.text("parent").into_iter().collect(),
            origin: row.place("parent"),
        });
        self.territory.bodies.push(Body {
            id,
            name,
            kind: row.text("kind"),
            // One chair: the first actor named.
            chair: chair.into_iter().next(),
            members,
            parent: None,
            note: row.text("note"),
            origin: row.location(),
        });
    }

    /// Each body's parent, by id or name, once every body is read.
    fn resolve_parents(&mut self) {
        for p in std::mem::take(&mut self.pending_parents) {
            let Some(wanted) = p.names.first() else {
                continue;
            };
            let message = match self.body_index.get(wanted) {
                [one] if *one == p.owner => Message::ReportsToItself {
                    name: wanted.clone(),
                },
                [one] => {
                    let id = self.territory.bodies[*one].id.clone();
                    self.territory.bodies[p.owner].parent = Some(id);
                    continue;
                }
                [] if self.body_index.is_broken(wanted) => continue,
                [] => Message::UnknownBody {
                    name: wanted.clone(),
                    suggestion: self.body_index.suggestion(wanted),
                },
                several => {
                    let bodies = several
                        .iter()
                        .map(|&b| {
                            let b = &self.territory.bodies[b];
                            (b.id.clone(), b.origin.clone())
                        })
                        .collect();
                    Message::SeveralBodies {
                        name: wanted.clone(),
                        bodies,
                    }
                }
            };
            self.errors.push(p.origin.error(message));
        }
    }
}

/// Bodies that report to each other, directly or not, would make the governance endless:
/// each cycle is reported once, at its first body's `parent` cell.
pub(in crate::load) fn parent_cycles(territory: &Territory) -> Vec<LoadError> {
    let bodies = territory.bodies();
    let mut reported: Vec<Vec<usize>> = Vec::new();
    let mut errors = Vec::new();
    for start in 0..bodies.len() {
        // Follow the parents; a body met twice closes a cycle.
        let mut path: Vec<usize> = vec![start];
        let mut at = start;
        while let Some(parent) = bodies[at].parent.as_deref() {
            let Some(next) = territory.body_position(parent) else {
                break;
            };
            if let Some(from) = path.iter().position(|&b| b == next) {
                let mut cycle = path[from..].to_vec();
                cycle.sort_unstable();
                if cycle.len() > 1 && !reported.contains(&cycle) {
                    let first = cycle
                        .iter()
                        .copied()
                        .min_by(|&a, &b| bodies[a].origin.cmp(&bodies[b].origin))
                        .unwrap_or(cycle[0]);
                    // In file order.
                    let names: Vec<String> =
                        (cycle.iter()).map(|&b| bodies[b].name.clone()).collect();
                    errors.push(
                        LoadError::new(bodies[first].origin.clone(), Message::BodyCycle { names })
                            .in_column("parent"),
                    );
                    reported.push(cycle);
                }
                break;
            }
            path.push(next);
            at = next;
        }
    }
    errors
}
