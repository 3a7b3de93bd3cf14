//! Tables to model: each row checked, ids and references resolved, every error collected.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::collections::hash_map::Entry;

use foldhash::{HashMap, HashSet};

use crate::error::{LoadError, Location};
use crate::load::json::Settings;
use crate::load::schema::schema;
use crate::load::table::{RowView, Table};
use crate::load::{TableKind, values};
use petgraph::visit::EdgeFiltered;

use crate::model::{
    Actor, Domain, Edge, Link, Means, Measurement, Node, Objective, Role, Scope, Tables, Territory,
};
use crate::names::{key, suggest, suggest_keyed, with_key};

/// Lookup by id, name or alias, compared with `names::key`.
#[derive(Default)]
struct Index {
    by_key: HashMap<String, Rows>,
    /// Every name that can be looked up, as written, and its key, for suggestions.
    shown: Vec<(String, String)>,
    /// Keys of rows that had errors: references to them are not reported again.
    broken: HashSet<String>,
    /// The suggestion made for each unknown name (by key): a name mistyped on many lines
    /// is looked for once.
    suggested: RefCell<HashMap<String, String>>,
}

/// The rows a key names: nearly always one, kept inline rather than in a vector of its own.
enum Rows {
    One([usize; 1]),
    Many(Vec<usize>),
}

impl Rows {
    fn as_slice(&self) -> &[usize] {
        match self {
            Rows::One(one) => one,
            Rows::Many(many) => many,
        }
    }
}

impl Index {
    fn add(&mut self, name: &str, item: usize) {
        let k = key(name);
        match self.by_key.entry(k.clone()) {
            Entry::Vacant(e) => {
                e.insert(Rows::One([item]));
            }
            Entry::Occupied(mut e) => {
                let rows = e.get_mut();
                if !rows.as_slice().contains(&item) {
                    let mut many = rows.as_slice().to_vec();
                    many.push(item);
                    *rows = Rows::Many(many);
                }
            }
        }
        self.shown.push((name.to_owned(), k));
        self.suggested.get_mut().clear();
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
        with_key(name, |k| self.by_key.get(k)).map_or(&[], Rows::as_slice)
    }

    fn suggestion(&self, wanted: &str) -> String {
        let k = key(wanted);
        if let Some(hint) = self.suggested.borrow().get(&k) {
            return hint.clone();
        }
        let candidates = self.shown.iter().map(|(s, k)| (s.as_str(), k.as_str()));
        let hint = suggest_keyed(wanted, candidates)
            .map(|s| format!(" (did you mean \"{s}\"?)"))
            .unwrap_or_default();
        self.suggested.borrow_mut().insert(k, hint.clone());
        hint
    }
}

struct Builder {
    errors: Vec<LoadError>,
    /// The territory's tables as read so far.
    territory: Tables,
    present: Vec<TableKind>,
    domain_index: Index,
    objective_index: Index,
    actor_index: Index,
    /// For each actor, its row's cells as places for errors: name, id, aliases.
    actor_cells: Vec<[LoadError; 3]>,
    /// Names that several actors answer to (by key), and where links or groups use them:
    /// reported once, at the actors' rows, not at every use.
    /// The value is the name as first written, and the places.
    ambiguous: BTreeMap<String, (String, Vec<Location>)>,
    /// Actors by id alone (as `names::key`), for duplicate ids.
    actor_ids: HashMap<String, usize>,
    /// Measurements by objective id and date, for a second value on one date.
    measured: HashMap<(String, jiff::civil::Date), usize>,
    /// The links of a row's role and means cells, read once per distinct pair of texts
    /// (a links table repeats a few), by the two texts joined with a unit separator.
    pairs: HashMap<String, Pairs>,
    /// The key being looked up in `pairs`, kept to reuse its memory.
    pairs_key: String,
}

pub fn territory(
    settings: Settings,
    tables: Vec<(TableKind, Table)>,
    default_name: Option<String>,
    shown: &str,
) -> Result<Territory, Vec<LoadError>> {
    let mut b = Builder {
        errors: Vec::new(),
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
    };
    // Each table is dropped once its rows are read: a large territory's raw cells never all
    // stay in memory beside the model.
    let mut by_kind: BTreeMap<TableKind, Vec<Table>> = BTreeMap::new();
    for (kind, table) in tables {
        by_kind.entry(kind).or_default().push(table);
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
        let Some(table) = by_kind.remove(&kind).and_then(|t| t.into_iter().next()) else {
            continue;
        };
        let rows = table.rows.len();
        match kind {
            TableKind::Domains => b.territory.domains.reserve(rows),
            TableKind::Objectives => b.territory.objectives.reserve(rows),
            TableKind::Actors => b.territory.actors.reserve(rows),
            TableKind::Links => b.territory.links.reserve(rows),
            TableKind::Progress => b.territory.progress.reserve(rows),
        }
        let mut bind_errors = Vec::new();
        // Each raw row is dropped once read: its memory goes to the model.
        let read = table.read_rows(schema(kind), &mut bind_errors, |row| {
            if row.is_broken() {
                return b.broken(kind, &row);
            }
            match kind {
                TableKind::Domains => b.domain(&row, &mut raw_related),
                TableKind::Objectives => b.objective(&row),
                TableKind::Actors => b.actor(&row, &mut raw_members),
                TableKind::Links => b.link(&row),
                TableKind::Progress => b.measurement(&row),
            }
        });
        b.errors.extend(bind_errors);
        if !read {
            b.present.retain(|k| *k != kind);
            continue;
        }
        match kind {
            TableKind::Domains => b.resolve_related(raw_related.drain(..)),
            TableKind::Actors => b.resolve_members(raw_members.drain(..)),
            _ => {}
        }
    }
    b.report_ambiguous();
    let mut territory = Territory::new(b.territory);
    b.errors.extend(member_cycles(&territory));
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
fn same_name(name: &str, first: &str, first_at: &Location, used: Option<&str>) -> String {
    let used = used
        .map(|u| format!(", so the links that name it cannot tell them apart ({u})"))
        .unwrap_or_default();
    format!(
        "\"{name}\" is the same name as \"{first}\" ({first_at}) once case and accents are ignored{used}: merge the rows (keeping one spelling as an alias) or rename one"
    )
}

/// The values of a cell that may hold several ("financeur, accompagnateur"), each read by
/// `parse`; every piece that cannot be read is a message. Empty: none.
fn words<T: PartialEq>(
    row: &RowView,
    key: &'static str,
    parse: fn(&str) -> Result<T, String>,
) -> Result<Vec<T>, Vec<(&'static str, String)>> {
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
    let expected = "a role such as chef de file, financeur, cible";
    let roles = words(row, "role", values::role).and_then(|roles| {
        if roles.is_empty() {
            Err(vec![("role", format!("empty role; expected {expected}"))])
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
            format!(
                "{} roles and {} means on one row: they cannot be paired; write one row per role, with its means",
                roles.len(),
                means.len()
            ),
        )]),
    }
}

/// The (role, means) links of a row, or the problems of its role and means cells.
type Pairs = Result<Vec<(Role, Option<Means>)>, Vec<(&'static str, String)>>;

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
        let names: Vec<String> = actors.iter().map(|a| format!("\"{}\"", a.name)).collect();
        let error = LoadError::new(
            actors[0].origin.clone(),
            format!("groups {} contain each other", names.join(", ")),
        )
        .in_column("members");
        errors.push(error);
    }
    errors
}

/// A reference to resolve once its whole table is read.
struct Pending {
    owner: usize,
    names: Vec<String>,
    origin: LoadError,
}

impl Builder {
    /// A row that could not be read whole (its error is reported): what it defines is not
    /// added, and references to it are not reported again.
    fn broken(&mut self, kind: TableKind, row: &RowView) {
        match kind {
            TableKind::Domains => self.domain_index.mark_broken(row.text("id")),
            TableKind::Objectives => self.objective_index.mark_broken(row.text("id")),
            TableKind::Actors => {
                self.actor_index.mark_broken(row.text("id"));
                self.actor_index.mark_broken(row.text("name"));
            }
            TableKind::Links | TableKind::Progress => {}
        }
    }

    fn has(&self, kind: TableKind) -> bool {
        self.present.contains(&kind)
    }

    fn duplicate(&mut self, row: &RowView, what: &str, id: &str, first: &Location) {
        self.errors.push(row.error(
            "id",
            format!("duplicate {what} id \"{id}\" (first defined at {first})"),
        ));
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
        if let Some(&first) = self.actor_ids.get(&key(&id)) {
            let first = &self.territory.actors[first];
            if derived && key(&first.name) == key(&name) {
                let message = same_name(&name, &first.name, &first.origin, None);
                return self.errors.push(row.error("name", message));
            }
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
        self.actor_ids.insert(key(&id), n);
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
        self.actor_cells
            .push(["name", "id", "aliases"].map(|field| row.error(field, "")));
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

    /// The one actor a name stands for, or why there is none (`None`: already reported,
    /// with the actor's own row, or once for every use of a name several actors answer to).
    fn find_actor(
        &mut self,
        name: &str,
        at: impl FnOnce() -> Location,
    ) -> Result<usize, Option<String>> {
        match self.actor_index.get(name) {
            [one] => Ok(*one),
            [] if self.actor_index.is_broken(name) => Err(None),
            [] => Err(Some(format!(
                "unknown actor \"{name}\"{}",
                self.actor_index.suggestion(name)
            ))),
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
            let used = match lines.as_slice() {
                [one] => one.to_string(),
                [first, rest @ ..] => format!("{first} and {} more", rest.len()),
                [] => continue,
            };
            let (cell, message) = if others.iter().all(|o| key(&o.name) == k)
                && key(&actor.name) == k
            {
                let first = others[0];
                (
                    0,
                    same_name(&actor.name, &first.name, &first.origin, Some(&used)),
                )
            } else {
                let cell = if key(&actor.name) == k {
                    0
                } else if key(&actor.id) == k {
                    1
                } else {
                    2
                };
                let named: Vec<String> = others
                    .iter()
                    .map(|o| format!("\"{}\" ({})", o.name, o.origin))
                    .collect();
                (
                    cell,
                    format!(
                        "\"{wanted}\" names both this actor and {} (as a name, id or alias), so the links that use it cannot tell them apart ({used}): keep it for one of them, or name the actor by its id there",
                        named.join(" and ")
                    ),
                )
            };
            let at = self.actor_cells[last][cell].clone();
            self.errors.push(LoadError { message, ..at });
        }
    }

    fn resolve_members(&mut self, pending: impl Iterator<Item = Pending>) {
        for p in pending {
            let mut ids = Vec::new();
            for name in &p.names {
                match self.find_actor(name, || p.origin.location.clone()) {
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
    }

    fn link(&mut self, row: &RowView) {
        let actor = row.required_str("actor", "an actor's id, name or alias");
        let objective = row.required_str("objective", "an objective id or a domain id");
        let actor = actor.map_err(Some).and_then(|a| {
            if !self.has(TableKind::Actors) {
                return Ok(a.into_owned());
            }
            self.find_actor(&a, || row.location())
                .map(|n| self.territory.actors[n].id.clone())
                .map_err(|e| e.map(|e| row.error("actor", e)))
        });
        let scope = objective.map_err(Some).and_then(|o| self.scope(row, &o));
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
                    actor: String::new(),
                    scope: Scope::Objective(String::new()),
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
                let problems = problems.map(|(key, message)| row.error(key, message.as_str()));
                self.errors.extend(problems);
            }
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
        // Read as its objective's unit asks; when the objective is unknown, only what no
        // objective accepts is an error.
        let qualitative = objective.as_ref().ok().map(|o| {
            (self.objective_index.get(o).first())
                .is_some_and(|&o| self.territory.objectives[o].is_qualitative())
        });
        let value = row
            .required("value", "the value reached on that date")
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
            let message = format!(
                "a second value for objective \"{objective}\" on {date} (first given at {}); keep one",
                self.territory.progress[first].origin
            );
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
