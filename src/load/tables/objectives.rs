//! `objectives.csv` / `objectifs.csv`: the contractual objectives, their targets, and the
//! member territories each must reach (`scope`).

use super::{Rows, TableDef, TableKind};
use crate::load::build::{Builder, Pending};
use crate::load::message::{Expected, Message, Thing};
use crate::load::schema::{Field, Schema};
use crate::load::table::RowView;
use crate::load::values;
use crate::model::{Objective, Reach};

pub static TABLE: TableDef = TableDef {
    schema: Schema {
        name: "objectives",
        fields: &[
            Field::new(
                "id",
                "id",
                true,
                &["id", "identifiant", "code", "objective", "objectif"],
            ),
            Field::new(
                "domain",
                "domaine",
                true,
                &["domain", "domaine", "dc", "domaine de cooperation"],
            ),
            Field::new(
                "title",
                "titre",
                true,
                &["title", "titre", "intitule", "libelle", "name", "nom"],
            ),
            Field::new(
                "target",
                "cible",
                false,
                &[
                    "target",
                    "cible",
                    "valeur cible",
                    "objectif chiffre",
                    "target value",
                ],
            ),
            Field::new("unit", "unité", false, &["unit", "unite", "unites"]),
            Field::new(
                "current",
                "valeur actuelle",
                false,
                &[
                    "current",
                    "actuel",
                    "valeur actuelle",
                    "realise",
                    "current value",
                    "avancement",
                ],
            ),
            Field::new(
                "priority",
                "prioritaire",
                false,
                &["priority", "prioritaire", "priorite"],
            ),
            Field::new(
                "contractual",
                "contractuel",
                false,
                &["contractual", "contractuel", "contractuelle"],
            ),
            Field::new(
                "scope",
                "périmètre",
                false,
                &["scope", "perimetre", "perimeter", "couverture"],
            ),
        ],
    },
    stems: &["objectives", "objectifs"],
    required: true,
    rows: Rows {
        reserve: |b, n| b.territory.objectives.reserve(n),
        row: Builder::objective,
        broken: |b, row| b.objective_index.mark_broken(row.text("id")),
        after: Rows::nothing,
    },
};

/// The words of a scope cell that mean every member territory of the perimeter.
const ALL: [&str; 6] = [
    "tout",
    "tous",
    "toutes",
    "all",
    "whole",
    "tout le territoire",
];

impl Builder {
    /// The `scope` cell of objective `n`: every member territory (checked against the
    /// perimeter once it is read), or some, named by actors resolved once the actors are read.
    fn reach(&mut self, row: &RowView, n: usize) -> Option<Reach> {
        let text = row.text("scope")?;
        if ALL.contains(&crate::names::fold(&text).as_str()) {
            self.reach_all.push((row.place("scope"), text));
            return Some(Reach::All);
        }
        self.pending_reach.push(Pending {
            owner: n,
            names: row.list("scope", &['|']),
            origin: row.place("scope"),
        });
        Some(Reach::Members(Vec::new()))
    }

    fn objective(&mut self, row: &RowView) {
        let id = row.required("id", Expected::NewObjectiveId);
        let domain = row.required("domain", Expected::ObjectiveDomain);
        let title = row.required("title", Expected::ObjectiveTitle);
        // Every cell is checked before giving up on the row, so each bad cell is reported.
        let target = row.text("target").and_then(|text| {
            values::target(&text)
                .map_err(|e| self.errors.push(row.error("target", e)))
                .ok()
        });
        let current = row.text("current").and_then(|text| {
            values::progress(&text, target == Some(1.0))
                .map_err(|e| self.errors.push(row.error("current", e)))
                .ok()
        });
        let priority = self.boolean(row, "priority");
        let contractual = self.boolean(row, "contractual");
        let (id, domain, title) = match (id, domain, title) {
            (Ok(id), Ok(domain), Ok(title)) => (id, domain, title),
            (id, domain, title) => {
                self.objective_index.mark_broken(id.clone().ok());
                self.errors
                    .extend(id.err().into_iter().chain(domain.err()).chain(title.err()));
                return;
            }
        };
        let domain = if !self.has(TableKind::DOMAINS) {
            domain
        } else if let Some(&d) = self.domain_index.get(&domain).first() {
            self.territory.domains[d].id.clone()
        } else if self.domain_index.is_broken(&domain) {
            self.objective_index.mark_broken(Some(id));
            return;
        } else {
            self.objective_index.mark_broken(Some(id.clone()));
            let suggestion = self.domain_index.suggestion(&domain);
            let message = Message::UnknownDomain { domain, suggestion };
            self.errors.push(row.error("domain", message));
            return;
        };
        if let Some(&first) = self.objective_index.get(&id).first() {
            let first = self.territory.objectives[first].origin.clone();
            return self.duplicate(row, Thing::Objective, &id, &first);
        }
        if let Some(&d) = self.domain_index.get(&id).first() {
            let at = self.territory.domains[d].origin.clone();
            let message = Message::ObjectiveIsDomain { id, at };
            self.errors.push(row.error("id", message));
            return;
        }
        let n = self.territory.objectives.len();
        self.objective_index.add(&id, n);
        let reach = self.reach(row, n);
        self.territory.objectives.push(Objective {
            id,
            domain,
            title,
            target,
            unit: row.text("unit"),
            current,
            priority,
            contractual,
            reach,
            origin: row.location(),
        });
    }
}
