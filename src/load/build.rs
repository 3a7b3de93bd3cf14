//! Tables to model: each row checked, ids and references resolved, every error collected.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::collections::hash_map::Entry;

use foldhash::{HashMap, HashSet};

use crate::error::{LoadError, Location, Place};
use crate::load::json::Settings;
use crate::load::message::{Message, Thing};
use crate::load::sources::{self, Given};
use crate::load::table::RowView;
use crate::load::{TableKind, perimeter, tables, values};
use petgraph::visit::EdgeFiltered;

use crate::model::{Actor, Edge, Means, Node, Role, Tables, Territory};
use crate::names::{key, suggest_keyed, with_key};
use compact_str::CompactString;

/// Lookup by id, name or alias, compared with `names::key`.
#[derive(Default)]
pub(in crate::load) struct Index {
    /// Keys kept inline (`CompactString`): a links table looks an actor up per line.
    by_key: HashMap<CompactString, Rows>,
    /// Every name that can be looked up, as written, for suggestions: one after the other
    /// in `shown`, each ending at its offset in `shown_ends` (no allocation per name).
    shown: String,
    shown_ends: Vec<usize>,
    /// The keys of the shown names, computed at the first suggestion (most loads make none).
    shown_keys: RefCell<Vec<String>>,
    /// Keys of rows that had errors: references to them are not reported again.
    broken: HashSet<String>,
    /// The suggestion made for each unknown name (by key): a name mistyped on many lines
    /// is looked for once.
    suggested: RefCell<HashMap<String, Option<String>>>,
}

/// The rows a key names: nearly always one, kept inline rather than in a vector of its own.
enum Rows {
    /// `is_id`: the key is that row's id exactly as written (see `Index::id_as_written`).
    One {
        row: [usize; 1],
        is_id: bool,
    },
    Many(Vec<usize>),
}

impl Rows {
    fn as_slice(&self) -> &[usize] {
        match self {
            Rows::One { row, .. } => row,
            Rows::Many(many) => many,
        }
    }
}

impl Index {
    /// Room for `n` more names.
    pub fn reserve(&mut self, n: usize) {
        self.by_key.reserve(n);
        self.shown_ends.reserve(n);
    }

    pub fn add(&mut self, name: &str, item: usize) {
        self.insert(name, item, false);
    }

    /// `add` for a row's id: a reference that is this id exactly as written can be taken
    /// as the id without reading the row (`id_as_written`).
    pub fn add_id(&mut self, id: &str, item: usize) {
        self.insert(id, item, true);
    }

    fn insert(&mut self, name: &str, item: usize, id: bool) {
        // An id is "as written" when it is its own key (already folded).
        let as_written = id && with_key(name, |k| k == name);
        match with_key(name, |k| self.by_key.entry(CompactString::new(k))) {
            Entry::Vacant(e) => {
                e.insert(Rows::One {
                    row: [item],
                    is_id: as_written,
                });
            }
            Entry::Occupied(mut e) => match e.get_mut() {
                Rows::One { row: [one], is_id } if *one == item => *is_id |= as_written,
                rows => {
                    if !rows.as_slice().contains(&item) {
                        let mut many = rows.as_slice().to_vec();
                        many.push(item);
                        *rows = Rows::Many(many);
                    }
                }
            },
        }
        self.shown.push_str(name);
        self.shown_ends.push(self.shown.len());
        self.suggested.get_mut().clear();
    }

    pub fn mark_broken(&mut self, name: Option<String>) {
        if let Some(name) = name {
            self.broken.insert(key(&name));
        }
    }

    pub fn is_broken(&self, name: &str) -> bool {
        self.broken.contains(&key(name))
    }

    pub fn get(&self, name: &str) -> &[usize] {
        // Most references are ids written as their own key ("a12", "o3"): found as written,
        // they need no folding (a name found as written is a key, and keys fold to themselves).
        self.by_key
            .get(name)
            .or_else(|| with_key(name, |k| self.by_key.get(k)))
            .map_or(&[], Rows::as_slice)
    }

    /// True when `name` is, exactly as written, the id of the one row it names: the id
    /// is then `name` itself (a links table's references are mostly such ids, and reading
    /// 50,000 actors' rows at random to copy their ids cost a cache miss per link).
    pub fn is_id_as_written(&self, name: &str) -> bool {
        matches!(self.by_key.get(name), Some(Rows::One { is_id: true, .. }))
    }

    /// The names that can be looked up, as written.
    fn shown(&self) -> impl Iterator<Item = &str> {
        let starts = std::iter::once(0).chain(self.shown_ends.iter().copied());
        starts
            .zip(&self.shown_ends)
            .map(|(start, &end)| &self.shown[start..end])
    }

    /// The name `wanted` is likely a typo of, if any.
    pub fn suggestion(&self, wanted: &str) -> Option<String> {
        let k = key(wanted);
        if let Some(hint) = self.suggested.borrow().get(&k) {
            return hint.clone();
        }
        let mut keys = self.shown_keys.borrow_mut();
        let known = keys.len();
        keys.extend(self.shown().skip(known).map(key));
        let candidates = self.shown().zip(keys.iter());
        let hint = suggest_keyed(wanted, candidates).map(str::to_owned);
        drop(keys);
        self.suggested.borrow_mut().insert(k, hint.clone());
        hint
    }
}

/// What is known while the tables are read, in registry order. Each table's file under
/// `tables/` reads its rows through it.
pub(in crate::load) struct Builder {
    pub errors: Vec<LoadError>,
    /// The territory's tables as read so far.
    pub territory: Tables,
    present: Vec<TableKind>,
    pub domain_index: Index,
    pub objective_index: Index,
    pub actor_index: Index,
    /// For each actor, its row's cells as places for errors: name, id, aliases.
    pub actor_cells: Vec<[Place; 3]>,
    /// Names that several actors answer to (by key), and where links or groups use them:
    /// reported once, at the actors' rows, not at every use.
    /// The value is the name as first written, and the places.
    ambiguous: BTreeMap<String, (String, Vec<Location>)>,
    /// Actors by id alone (as `names::key`), for duplicate ids.
    pub actor_ids: HashMap<String, usize>,
    /// Measurements by objective id and date, for a second value on one date.
    pub measured: HashMap<(String, jiff::civil::Date), usize>,
    /// The links of a row's role and means cells, read once per distinct pair of texts
    /// (a links table repeats a few), by the two texts joined with a unit separator.
    pub pairs: HashMap<String, Pairs>,
    /// The key being looked up in `pairs`, kept to reuse its memory.
    pub pairs_key: String,
    /// The objective or domain of the last link, as written and as found.
    pub last_scope: Option<(String, crate::model::Scope)>,
    /// The related domains of each domain, resolved once the domains are read.
    pub pending_related: Vec<Pending>,
    /// The members of each group, resolved once the actors are read.
    pub pending_members: Vec<Pending>,
    /// The member territories of each objective's scope, resolved once every table is read.
    pub pending_reach: Vec<Pending>,
    /// The scope cells that name every member territory ("tout"), and their text: the
    /// territory must have a perimeter.
    pub reach_all: Vec<(Place, String)>,
    /// The member territories an objective's scope or an action's perimeter names (actor
    /// ids), and the cell: each must be in the territory's perimeter.
    pub perimeter_checks: Vec<(Vec<String>, Place)>,
    /// Actions by id (as `names::key`), for duplicate ids.
    pub action_ids: HashMap<String, usize>,
    /// Bodies by id or name, for parents.
    pub body_index: Index,
    /// Bodies by id alone (as `names::key`), for duplicate ids.
    pub body_ids: HashMap<String, usize>,
    /// The body each body reports to, resolved once the bodies are read.
    pub pending_parents: Vec<Pending>,
}

/// The (role, means) links of a row, or the problems of its role and means cells.
pub(in crate::load) type Pairs = Result<Vec<(Role, Option<Means>)>, Vec<(&'static str, Message)>>;

/// The territory of the tables given by every source (a table given twice is reported
/// here, and built from its first source), with its settings; `shown` names the whole input.
pub fn territory(
    mut settings: Settings,
    given: Vec<Given>,
    default_name: Option<String>,
    shown: &str,
) -> Result<Territory, Vec<LoadError>> {
    let (mut tables, given_twice) = sources::merge(given, shown);
    let mut b = Builder {
        errors: given_twice,
        territory: Tables::default(),
        present: tables.iter().map(|(k, _)| *k).collect(),
        domain_index: Index::default(),
        objective_index: Index::default(),
        actor_index: Index::default(),
        actor_cells: Vec::new(),
        ambiguous: BTreeMap::new(),
        actor_ids: HashMap::default(),
        measured: HashMap::default(),
        pairs: HashMap::default(),
        pairs_key: String::new(),
        last_scope: None,
        pending_related: Vec::new(),
        pending_members: Vec::new(),
        pending_reach: Vec::new(),
        reach_all: Vec::new(),
        perimeter_checks: Vec::new(),
        action_ids: HashMap::default(),
        body_index: Index::default(),
        body_ids: HashMap::default(),
        pending_parents: Vec::new(),
    };
    // Order matters: references are resolved against the tables read before. Each table is
    // dropped once its rows are read: a large territory's raw cells never all stay in memory
    // beside the model.
    for kind in TableKind::all() {
        let Some(at) = tables.iter().position(|(k, _)| *k == kind) else {
            continue;
        };
        let (_, table) = tables.swap_remove(at);
        let hooks = &kind.def().rows;
        (hooks.reserve)(&mut b, table.len_hint());
        let mut bind_errors = Vec::new();
        // Each raw row is dropped once read: its memory goes to the model.
        let read = table.read_rows(kind, &mut bind_errors, |row| {
            if row.is_broken() {
                (hooks.broken)(&mut b, &row)
            } else {
                (hooks.row)(&mut b, &row)
            }
        });
        b.errors.extend(bind_errors);
        if !read {
            b.present.retain(|k| *k != kind);
            continue;
        }
        (hooks.after)(&mut b);
    }
    b.resolve_perimeter(settings.perimeter.take(), settings.unread);
    b.report_ambiguous();
    let mut territory = Territory::new(b.territory);
    b.errors.extend(member_cycles(&territory));
    b.errors.extend(tables::parent_cycles(&territory));
    b.errors.extend(perimeter::outside_perimeter(
        &territory,
        &b.perimeter_checks,
    ));
    territory.name = settings.name.or(default_name).unwrap_or_default();
    territory.population = settings.population;
    territory.programme = settings.programme;
    territory.rules = settings.rules;
    territory.lang = settings.lang;
    // Rule settings are checked by the one place that knows the rules, for every command,
    // once the tables are read (a setting may name objectives and domains).
    if let Err(e) = crate::check::Config::from_territory(&territory) {
        b.errors.extend(e);
    }
    if b.errors.is_empty() {
        Ok(territory)
    } else {
        b.errors.sort();
        Err(b.errors)
    }
}

/// The message for two actors whose names are equal once case, accents, punctuation and
/// spaces are ignored; `used`: where links or groups name them.
pub(in crate::load) fn same_name(
    name: &str,
    first: &str,
    first_at: &Location,
    used: Vec<Location>,
) -> Message {
    Message::SameName {
        name: name.to_owned(),
        first: first.to_owned(),
        first_at: first_at.clone(),
        used,
    }
}

/// Groups that contain each other, directly or not, would make "who is in this group"
/// endless: each cycle is reported once, at its first group. Found on the territory's own
/// graph, once every table is read.
fn member_cycles(territory: &Territory) -> Vec<LoadError> {
    let g = territory.graph();
    let membership = EdgeFiltered::from_fn(&g.graph, |e| *e.weight() == Edge::MemberOf);
    let mut errors = Vec::new();
    for cycle in petgraph::algo::tarjan_scc(&membership) {
        let mut actors: Vec<&Actor> = cycle
            .iter()
            .filter_map(|n| match g.graph[*n] {
                Node::Actor(i) => Some(&territory.actors()[i]),
                _ => None,
            })
            .collect();
        if actors.len() < 2 {
            continue;
        }
        actors.sort_by(|a, b| a.origin.cmp(&b.origin));
        let names: Vec<String> = actors.iter().map(|a| a.name.clone()).collect();
        let error = LoadError::new(actors[0].origin.clone(), Message::GroupCycle { names })
            .in_column("members");
        errors.push(error);
    }
    errors
}

/// A reference to resolve once its whole table is read.
pub(in crate::load) struct Pending {
    pub owner: usize,
    pub names: Vec<String>,
    pub origin: Place,
}

impl Builder {
    pub fn has(&self, kind: TableKind) -> bool {
        self.present.contains(&kind)
    }

    pub fn duplicate(&mut self, row: &RowView, thing: Thing, id: &str, first: &Location) {
        let message = Message::DuplicateId {
            thing,
            id: id.to_owned(),
            derived: false,
            first: first.clone(),
        };
        self.errors.push(row.error("id", message));
    }

    pub fn boolean(&mut self, row: &RowView, field: &str) -> bool {
        let text = row.text(field).unwrap_or_default();
        values::boolean(&text)
            .map_err(|e| self.errors.push(row.error(field, e)))
            .unwrap_or(false)
    }

    /// The one actor a name stands for, or why there is none (`None`: already reported,
    /// with the actor's own row, or once for every use of a name several actors answer to).
    pub fn find_actor(
        &mut self,
        name: &str,
        at: impl FnOnce() -> Location,
    ) -> Result<usize, Option<Message>> {
        match self.actor_index.get(name) {
            [one] => Ok(*one),
            [] if self.actor_index.is_broken(name) => Err(None),
            [] => Err(Some(Message::UnknownActor {
                name: name.to_owned(),
                suggestion: self.actor_index.suggestion(name),
            })),
            _ => {
                self.ambiguous
                    .entry(key(name))
                    .or_insert_with(|| (name.to_owned(), Vec::new()))
                    .1
                    .push(at());
                Err(None)
            }
        }
    }

    /// One error per name several actors answer to and that links or groups use, at the
    /// last of those actors' rows, naming the others and the uses.
    fn report_ambiguous(&mut self) {
        for (k, (wanted, uses)) in std::mem::take(&mut self.ambiguous) {
            let actors = self.actor_index.get(&k).to_vec();
            let Some((&last, others)) = actors.split_last() else {
                continue;
            };
            let actor = &self.territory.actors[last];
            let others: Vec<&Actor> = others.iter().map(|&a| &self.territory.actors[a]).collect();
            let mut lines: Vec<&Location> = Vec::new();
            for at in &uses {
                if !lines.contains(&at) {
                    lines.push(at);
                }
            }
            if lines.is_empty() {
                continue;
            }
            let used: Vec<Location> = lines.into_iter().cloned().collect();
            let (cell, message) =
                if others.iter().all(|o| key(&o.name) == k) && key(&actor.name) == k {
                    let first = others[0];
                    (0, same_name(&actor.name, &first.name, &first.origin, used))
                } else {
                    let cell = if key(&actor.name) == k {
                        0
                    } else if key(&actor.id) == k {
                        1
                    } else {
                        2
                    };
                    let others = others
                        .iter()
                        .map(|o| (o.name.clone(), o.origin.clone()))
                        .collect();
                    (
                        cell,
                        Message::AmbiguousActor {
                            name: wanted,
                            others,
                            used,
                        },
                    )
                };
            let error = self.actor_cells[last][cell].error(message);
            self.errors.push(error);
        }
    }
}
