//! The member territories: the territory's perimeter (`"perimeter"` in territory.json), the
//! objectives' scopes and the actions' perimeters, resolved once every table is read (an
//! objective's scope names actors, read after the objectives) and checked against each
//! other once the territory is built.

use crate::error::LoadError;
use crate::load::TableKind;
use crate::load::build::Builder;
use crate::load::json::Perimeter;
use crate::load::table::RowView;
use crate::model::{Reach, Territory};

impl Builder {
    /// The ids of the actors a cell names (ids, names or aliases separated by `|`), each
    /// once; each unknown name is an error at the cell, with a suggestion.
    pub(in crate::load) fn actors_named(&mut self, row: &RowView, field: &str) -> Vec<String> {
        let names = row.list(field, &['|']);
        let at = row.error(field, "");
        self.actor_ids_of(&names, &at, |message| message)
    }

    /// The ids of the actors `names` name, each once; each unknown name is an error at
    /// `at`, its message passed through `say`. Without an actors table, the names as written.
    fn actor_ids_of(
        &mut self,
        names: &[String],
        at: &LoadError,
        say: impl Fn(String) -> String,
    ) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for name in names {
            if !self.has(TableKind::ACTORS) {
                if !ids.contains(name) {
                    ids.push(name.clone());
                }
                continue;
            }
            match self.find_actor(name, || at.location.clone()) {
                Ok(a) => {
                    let id = &self.territory.actors[a].id;
                    if !ids.contains(id) {
                        ids.push(id.clone());
                    }
                }
                Err(None) => {}
                Err(Some(message)) => self.errors.push(LoadError {
                    message: say(message),
                    ..at.clone()
                }),
            }
        }
        ids
    }

    /// The territory's perimeter and the objectives' scopes, once every table is read. When
    /// the settings could not be read (`unread`), a scope "tout" is not also reported for the
    /// perimeter they may well give.
    pub(in crate::load) fn resolve_perimeter(
        &mut self,
        perimeter: Option<Perimeter>,
        unread: bool,
    ) {
        let (mut given, mut unknown) = (false, false);
        if let Some(p) = perimeter {
            given = !p.names.is_empty();
            let at = LoadError::new(p.at.clone(), "");
            let key = p.key.clone();
            let before = self.errors.len();
            self.territory.perimeter =
                self.actor_ids_of(&p.names, &at, |message| format!("\"{key}\": {message}"));
            // A member misnamed in the perimeter is reported once, not again at every scope
            // and action that names it.
            unknown = self.errors.len() > before;
        }
        for p in std::mem::take(&mut self.pending_reach) {
            let ids = self.actor_ids_of(&p.names, &p.origin, |message| message);
            self.perimeter_checks.push((ids.clone(), p.origin));
            self.territory.objectives[p.owner].reach = Some(Reach::Members(ids));
        }
        if unknown {
            self.perimeter_checks.clear();
        }
        for (at, text) in std::mem::take(&mut self.reach_all) {
            if !given && !unread {
                self.errors.push(LoadError {
                    message: format!(
                        "\"{text}\" means every member territory, but the territory has no perimeter; list them in territory.json (\"perimeter\": [\"GCT&M\", \"CCRA\", \"CCPO\"])"
                    ),
                    ..at
                });
            }
        }
    }
}

/// Every member territory an objective's scope or an action's perimeter names must be one
/// of the territory's perimeter, when it has one (a group stands for its members).
pub(in crate::load) fn outside_perimeter(
    territory: &Territory,
    checks: &[(Vec<String>, LoadError)],
) -> Vec<LoadError> {
    if territory.perimeter().is_empty() {
        return Vec::new();
    }
    let members = territory.perimeter_members();
    let listed: Vec<&str> = members.iter().map(|m| m.name.as_str()).collect();
    let mut errors = Vec::new();
    for (ids, at) in checks {
        for actor in territory.members_of(ids.iter().map(String::as_str)) {
            if !members.iter().any(|m| m.id == actor.id) {
                errors.push(LoadError {
                    message: format!(
                        "\"{}\" is not a member territory of the perimeter ({}); expected one of them, or a group of them",
                        actor.name,
                        listed.join(", ")
                    ),
                    ..at.clone()
                });
            }
        }
    }
    errors
}
