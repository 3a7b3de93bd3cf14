//! `actions.csv` (optional): the actions toward an objective, or of a domain as a whole, who
//! carries them and where they stand ("Assises de l'alimentation (GCT&M) – en cours").

use super::{Rows, TableDef};
use crate::load::build::Builder;
use crate::load::message::{Expected, Message, Thing};
use crate::load::schema::{Field, Schema};
use crate::load::table::RowView;
use crate::load::values;
use crate::model::Action;
use crate::names::key;

pub static TABLE: TableDef = TableDef {
    schema: Schema {
        name: "actions",
        fields: &[
            Field::new("id", "id", false, &["id", "identifiant", "code"]),
            Field::new(
                "objective",
                "objectif",
                true,
                &[
                    "objective",
                    "objectif",
                    "objective or domain",
                    "objectif ou domaine",
                    "domain",
                    "domaine",
                ],
            ),
            Field::new(
                "title",
                "titre",
                true,
                &[
                    "title", "titre", "action", "intitule", "libelle", "name", "nom",
                ],
            ),
            Field::new(
                "bearers",
                "porteurs",
                false,
                &[
                    "bearers",
                    "bearer",
                    "porteurs",
                    "porteur",
                    "portee par",
                    "carried by",
                ],
            ),
            Field::new("status", "statut", false, &["status", "statut", "etat"]),
            Field::new(
                "origin",
                "origine",
                false,
                &["origin", "origine", "source", "cadre"],
            ),
            Field::new(
                "perimeter",
                "périmètre",
                false,
                &["perimeter", "perimetre", "territoires", "where"],
            ),
            Field::new(
                "start",
                "début",
                false,
                &["start", "debut", "date de debut", "start date"],
            ),
            Field::new(
                "end",
                "fin",
                false,
                &["end", "fin", "date de fin", "echeance", "end date"],
            ),
            Field::new(
                "budget",
                "budget",
                false,
                &["budget", "montant", "cout", "amount"],
            ),
            Field::new(
                "note",
                "note",
                false,
                &["note", "notes", "commentaire", "remarque", "precision"],
            ),
        ],
    },
    // "actions" in English and in French.
    stems: &["actions"],
    required: false,
    rows: Rows {
        reserve: |b, n| b.territory.actions.reserve(n),
        row: Builder::action,
        broken: Rows::nothing_broken,
        after: Rows::nothing,
    },
};

impl Builder {
    fn action(&mut self, row: &RowView) {
        let title = row.required("title", Expected::ActionTitle);
        let scope = row
            .required_str("objective", Expected::ObjectiveOrDomain)
            .map_err(Some)
            .and_then(|o| self.scope(row, &o));
        // Every cell is checked before giving up on the row, so each bad cell is reported.
        let status = values::status(&row.text("status").unwrap_or_default())
            .map_err(|e| self.errors.push(row.error("status", e)));
        let mut date = |field: &str| {
            row.text(field).and_then(|text| {
                values::date(&text)
                    .map_err(|e| self.errors.push(row.error(field, e)))
                    .ok()
            })
        };
        let (start, end) = (date("start"), date("end"));
        if let (Some(start), Some(end)) = (start, end)
            && end < start
        {
            let message = Message::ActionEndsBeforeStart { start, end };
            self.errors.push(row.error("end", message));
        }
        let budget = row.text("budget").and_then(|text| {
            values::amount(&text)
                .map_err(|e| self.errors.push(row.error("budget", e)))
                .ok()
        });
        let bearers = self.actors_named(row, "bearers");
        let perimeter = self.actors_named(row, "perimeter");
        let (title, scope, status) = match (title, scope, status) {
            (Ok(title), Ok(scope), Ok(status)) => (title, scope, status),
            (title, scope, _) => {
                let scope = scope.err().flatten();
                self.errors.extend(title.err().into_iter().chain(scope));
                return;
            }
        };
        let (id, derived) = match row.text("id") {
            Some(id) => (id, false),
            None => (slug::slugify(&title), true),
        };
        if id.is_empty() {
            let message = Message::NoId {
                thing: Thing::Action,
                name: title,
            };
            return self.errors.push(row.error("title", message));
        }
        if let Some(&first) = self.action_ids.get(&key(&id)) {
            let message = Message::DuplicateId {
                thing: Thing::Action,
                id,
                derived,
                first: self.territory.actions[first].origin.clone(),
            };
            return self.errors.push(row.error("id", message));
        }
        self.action_ids
            .insert(key(&id), self.territory.actions.len());
        if !perimeter.is_empty() {
            self.perimeter_checks
                .push((perimeter.clone(), row.place("perimeter")));
        }
        self.territory.actions.push(Action {
            id,
            scope,
            title,
            bearers,
            status,
            source: row.text("origin"),
            perimeter,
            start,
            end,
            budget,
            note: row.text("note"),
            origin: row.location(),
        });
    }
}
