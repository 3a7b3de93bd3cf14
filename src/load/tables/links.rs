//! `links.csv` / `liens.csv`: who holds which role towards which objective (or domain).

use super::{Rows, TableDef, TableKind};
use crate::error::LoadError;
use crate::load::build::{Builder, Pairs};
use crate::load::message::{Expected, Message};
use crate::load::schema::{Field, Schema};
use crate::load::table::RowView;
use crate::load::values;
use crate::model::{Link, Scope};
use crate::names::suggest;
use compact_str::CompactString;

pub static TABLE: TableDef = TableDef {
    schema: Schema {
        name: "links",
        fields: &[
            Field::new(
                "actor",
                "acteur",
                true,
                &["actor", "acteur", "structure", "organisme"],
            ),
            Field::new(
                "objective",
                "objectif",
                true,
                &[
                    "objective",
                    "objectif",
                    "objective or domain",
                    "objectif ou domaine",
                ],
            ),
            Field::new("role", "rôle", true, &["role", "roles"]),
            Field::new("means", "moyens", false, &["means", "moyens", "moyen"]),
            Field::new(
                "note",
                "note",
                false,
                &["note", "notes", "commentaire", "remarque", "precision"],
            ),
        ],
    },
    stems: &["links", "liens", "roles"],
    required: true,
    rows: Rows {
        reserve: |b, n| b.territory.links.reserve(n),
        row: Builder::link,
        broken: Rows::nothing_broken,
        after: Rows::nothing,
    },
};

/// The values of a cell that may hold several ("financeur, accompagnateur"), each read by
/// `parse`; every piece that cannot be read is a message. Empty: none.
fn words<T: PartialEq>(
    row: &RowView,
    key: &'static str,
    parse: fn(&str) -> Result<T, Message>,
) -> Result<Vec<T>, Vec<(&'static str, Message)>> {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for word in values::several(row.list(key, &values::SEVERAL)) {
        match parse(&word) {
            Ok(v) if !found.contains(&v) => found.push(v),
            Ok(_) => {}
            Err(e) => errors.push((key, e)),
        }
    }
    if errors.is_empty() {
        Ok(found)
    } else {
        Err(errors)
    }
}

/// The links of one row: each role with the means, or the problems of its role and means
/// cells as (field, message). One means (or none) goes with every role; one role takes
/// every means; as many roles as means are paired in order ("financeur, accompagnateur"
/// with "financiers, ingénierie"). Anything else is an error.
fn pairs(row: &RowView) -> Pairs {
    let roles = words(row, "role", values::role).and_then(|roles| {
        if roles.is_empty() {
            let empty = Message::Empty {
                key: "role".to_owned(),
                expected: Expected::Role,
            };
            Err(vec![("role", empty)])
        } else {
            Ok(roles)
        }
    });
    let means = words(row, "means", values::means);
    let (roles, means) = match (roles, means) {
        (Ok(roles), Ok(means)) => (roles, means),
        (roles, means) => {
            let errors = roles.err().into_iter().chain(means.err());
            return Err(errors.flatten().collect());
        }
    };
    match (roles.as_slice(), means.as_slice()) {
        (_, []) => Ok(roles.into_iter().map(|r| (r, None)).collect()),
        (_, [m]) => Ok(roles.into_iter().map(|r| (r, Some(*m))).collect()),
        ([r], _) => Ok(means.into_iter().map(|m| (*r, Some(m))).collect()),
        _ if roles.len() == means.len() => {
            Ok(roles.into_iter().zip(means.into_iter().map(Some)).collect())
        }
        _ => Err(vec![(
            "means",
            Message::Unpaired {
                roles: roles.len(),
                means: means.len(),
            },
        )]),
    }
}

impl Builder {
    fn link(&mut self, row: &RowView) {
        let actor = row.required_str("actor", Expected::ActorReference);
        let objective = row.required_str("objective", Expected::ObjectiveOrDomain);
        let actor = actor.map_err(Some).and_then(|a| {
            // An actor's id as written is the id: its row is not read (see `is_id_as_written`).
            if !self.has(TableKind::ACTORS) || self.actor_index.is_id_as_written(&a) {
                return Ok(CompactString::from(a));
            }
            self.find_actor(&a, || row.location())
                .map(|n| CompactString::new(&self.territory.actors[n].id))
                .map_err(|e| e.map(|e| row.error("actor", e)))
        });
        // A links table lists an objective's actors one after the other: the previous row's
        // objective is reused rather than looked up again.
        let scope = objective
            .map_err(Some)
            .and_then(|o| match &self.last_scope {
                Some((wanted, scope)) if *wanted == *o => Ok(scope.clone()),
                _ => {
                    let scope = self.scope(row, &o)?;
                    self.last_scope = Some((o.into_owned(), scope.clone()));
                    Ok(scope)
                }
            });
        // A JSON list is read each time; text cells once per distinct pair of texts.
        let computed;
        let pairs = match (row.as_text("role"), row.as_text("means")) {
            (Some(role), Some(means)) => {
                self.pairs_key.clear();
                self.pairs_key.extend([role, "\u{1f}", means]);
                if !self.pairs.contains_key(&self.pairs_key) {
                    self.pairs.insert(self.pairs_key.clone(), pairs(row));
                }
                &self.pairs[&self.pairs_key]
            }
            _ => {
                computed = pairs(row);
                &computed
            }
        };
        match (actor, scope, pairs) {
            (Ok(actor), Ok(scope), Ok(pairs)) => {
                let links = pairs.iter().map(|&(role, means)| Link {
                    actor: CompactString::default(),
                    scope: Scope::Objective(CompactString::default()),
                    role,
                    means,
                    note: row.text("note"),
                    origin: row.location(),
                });
                let first = self.territory.links.len();
                self.territory.links.extend(links);
                // The last link of the row takes the ids, the others a copy.
                if let Some((last, others)) = self.territory.links[first..].split_last_mut() {
                    for link in others {
                        link.actor = actor.clone();
                        link.scope = scope.clone();
                    }
                    last.actor = actor;
                    last.scope = scope;
                }
            }
            (actor, scope, pairs) => {
                let cells = [actor.err().flatten(), scope.err().flatten()];
                self.errors.extend(cells.into_iter().flatten());
                let problems = pairs.as_ref().err().into_iter().flatten();
                let problems = problems.map(|(key, message)| row.error(key, message.clone()));
                self.errors.extend(problems);
            }
        }
    }

    /// What a link points at; `Err(None)` when it is a row that had errors of its own.
    pub(in crate::load) fn scope(
        &self,
        row: &RowView,
        wanted: &str,
    ) -> Result<Scope, Option<LoadError>> {
        if let Some(&o) = self.objective_index.get(wanted).first() {
            return Ok(Scope::Objective(CompactString::new(
                &self.territory.objectives[o].id,
            )));
        }
        if let Some(&d) = self.domain_index.get(wanted).first() {
            return Ok(Scope::Domain(CompactString::new(
                &self.territory.domains[d].id,
            )));
        }
        if !self.has(TableKind::OBJECTIVES) || !self.has(TableKind::DOMAINS) {
            return Ok(Scope::Objective(CompactString::new(wanted)));
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
        let message = Message::UnknownObjectiveOrDomain {
            id: wanted.to_owned(),
            suggestion: suggest(wanted, ids).map(str::to_owned),
        };
        Err(Some(row.error("objective", message)))
    }
}
