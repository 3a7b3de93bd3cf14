//! `progress.csv` / `avancement.csv` (optional): dated measurements of the objectives.

use super::{Rows, TableDef, TableKind};
use crate::error::LoadError;
use crate::load::build::Builder;
use crate::load::message::{Expected, Message};
use crate::load::schema::{Field, Schema};
use crate::load::table::RowView;
use crate::load::values;
use crate::model::Measurement;

pub static TABLE: TableDef = TableDef {
    schema: Schema {
        name: "progress",
        fields: &[
            Field::new(
                "date",
                "date",
                true,
                &["date", "date de mesure", "date de la mesure", "le"],
            ),
            Field::new(
                "objective",
                "objectif",
                true,
                &["objective", "objectif", "indicator", "indicateur"],
            ),
            Field::new(
                "value",
                "valeur",
                true,
                &["value", "valeur", "realise", "mesure", "avancement"],
            ),
            Field::new("source", "source", false, &["source", "sources", "origine"]),
            Field::new(
                "note",
                "note",
                false,
                &["note", "notes", "commentaire", "remarque", "precision"],
            ),
        ],
    },
    stems: &["progress", "avancement"],
    required: false,
    rows: Rows {
        reserve: |b, n| b.territory.progress.reserve(n),
        row: Builder::measurement,
        broken: Rows::nothing_broken,
        after: Rows::nothing,
    },
};

impl Builder {
    /// A row of `progress.csv`: a dated value of one objective.
    fn measurement(&mut self, row: &RowView) {
        let date = row
            .required("date", Expected::MeasurementDate)
            .and_then(|d| values::date(&d).map_err(|e| row.error("date", e)));
        let objective = row
            .required("objective", Expected::ObjectiveId)
            .map_err(Some)
            .and_then(|o| self.measured_objective(row, &o));
        // Read as its objective's unit asks; when the objective is unknown, only what no
        // objective accepts is an error.
        let qualitative = objective.as_ref().ok().map(|o| {
            (self.objective_index.get(o).first())
                .is_some_and(|&o| self.territory.objectives[o].is_qualitative())
        });
        let value = row
            .required("value", Expected::MeasurementValue)
            .and_then(|v| {
                match qualitative {
                    Some(q) => values::progress(&v, q),
                    None => values::progress(&v, true).or_else(|_| values::progress(&v, false)),
                }
                .map_err(|e| row.error("value", e))
            });
        let (date, objective, value) = match (date, objective, value) {
            (Ok(date), Ok(objective), Ok(value)) => (date, objective, value),
            (date, objective, value) => {
                let objective = objective.err().flatten();
                self.errors
                    .extend(date.err().into_iter().chain(objective).chain(value.err()));
                return;
            }
        };
        let n = self.territory.progress.len();
        if let Some(&first) = self.measured.get(&(objective.clone(), date)) {
            let message = Message::SecondValue {
                objective,
                date,
                first: self.territory.progress[first].origin.clone(),
            };
            return self.errors.push(row.error("date", message));
        }
        self.measured.insert((objective.clone(), date), n);
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
        if !self.has(TableKind::OBJECTIVES) {
            return Ok(wanted.to_owned());
        }
        if self.objective_index.is_broken(wanted) {
            return Err(None);
        }
        let message = Message::UnknownObjective {
            id: wanted.to_owned(),
            suggestion: self.objective_index.suggestion(wanted),
        };
        Err(Some(row.error("objective", message)))
    }
}
