//! `actors.csv` / `acteurs.csv`: the bodies of the territory, and the groups among them.

use super::{Rows, TableDef};
use crate::load::build::{Builder, Pending, same_name};
use crate::load::message::{Expected, Message, Thing};
use crate::load::schema::{Field, Schema};
use crate::load::table::RowView;
use crate::model::Actor;
use crate::names::key;

pub static TABLE: TableDef = TableDef {
    schema: Schema {
        name: "actors",
        fields: &[
            Field::new("id", "id", false, &["id", "identifiant", "code"]),
            Field::new(
                "name",
                "nom",
                true,
                &["name", "nom", "actor", "acteur", "structure", "organisme"],
            ),
            Field::new(
                "kind",
                "type",
                false,
                &["kind", "type", "nature", "categorie"],
            ),
            Field::new(
                "short",
                "sigle",
                false,
                &["short", "sigle", "short name", "nom court"],
            ),
            Field::new(
                "aliases",
                "alias",
                false,
                &["aliases", "alias", "autres noms", "also known as"],
            ),
            Field::new(
                "members",
                "membres",
                false,
                &["members", "membres", "composition"],
            ),
        ],
    },
    stems: &["actors", "acteurs"],
    required: true,
    rows: Rows {
        reserve: |b, n| {
            b.territory.actors.reserve(n);
            // Each actor's id and name, most without aliases.
            b.actor_index.reserve(2 * n);
            b.actor_ids.reserve(n);
            b.actor_cells.reserve(n);
            b.pending_members.reserve(n);
        },
        row: Builder::actor,
        broken: |b, row| {
            b.actor_index.mark_broken(row.text("id"));
            b.actor_index.mark_broken(row.text("name"));
        },
        after: Builder::resolve_members,
    },
};

impl Builder {
    fn actor(&mut self, row: &RowView) {
        let name = match row.required("name", Expected::ActorName) {
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
            let message = Message::NoId {
                thing: Thing::Actor,
                name,
            };
            return self.errors.push(row.error("name", message));
        }
        if let Some(&first) = self.actor_ids.get(&key(&id)) {
            let first = &self.territory.actors[first];
            if derived && key(&first.name) == key(&name) {
                let message = same_name(&name, &first.name, &first.origin, Vec::new());
                return self.errors.push(row.error("name", message));
            }
            let message = Message::DuplicateId {
                thing: Thing::Actor,
                id,
                derived,
                first: first.origin.clone(),
            };
            return self.errors.push(row.error("id", message));
        }
        let n = self.territory.actors.len();
        self.actor_ids.insert(key(&id), n);
        let aliases = row.list("aliases", &['|']);
        self.actor_index.add(&name, n);
        self.actor_index.add_id(&id, n);
        for alias in &aliases {
            self.actor_index.add(alias, n);
        }
        self.pending_members.push(Pending {
            owner: n,
            names: row.list("members", &['|']),
            origin: row.place("members"),
        });
        self.actor_cells
            .push(["name", "id", "aliases"].map(|field| row.place(field)));
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

    fn resolve_members(&mut self) {
        for p in std::mem::take(&mut self.pending_members) {
            let mut ids = Vec::new();
            for name in &p.names {
                match self.find_actor(name, || p.origin.location.clone()) {
                    Ok(m) if m == p.owner => {
                        let name = name.clone();
                        self.errors
                            .push(p.origin.error(Message::MemberOfItself { name }));
                    }
                    Ok(m) => {
                        let id = self.territory.actors[m].id.clone();
                        if !ids.contains(&id) {
                            ids.push(id);
                        }
                    }
                    Err(None) => {}
                    Err(Some(message)) => self.errors.push(p.origin.error(message)),
                }
            }
            self.territory.actors[p.owner].members = ids;
        }
    }
}
