//! The territory in memory: domains, objectives, actors, the links between them, and the
//! lookups every command needs. No I/O here: loaders build the `Tables`, a `Territory` keeps
//! them with their indexes (ids to rows, and the petgraph graph of who holds which role
//! where), built once; everything downstream reads one.

use std::collections::BTreeMap;

use foldhash::{HashMap, HashSet};
use std::fmt;

use petgraph::Direction;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use crate::error::Location;
use compact_str::CompactString;

/// The rows of a territory's tables, as loaders and tests write them: plain data, no lookups.
/// `Territory::new` turns them into a territory.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tables {
    pub domains: Vec<Domain>,
    pub objectives: Vec<Objective>,
    pub actors: Vec<Actor>,
    pub links: Vec<Link>,
    /// Dated measurements of the objectives (`progress.csv`), in file order.
    pub progress: Vec<Measurement>,
    /// The actions planned, under way, done or dropped (`actions.csv`), in file order.
    pub actions: Vec<Action>,
    /// The governance bodies (`bodies.csv`, `instances.csv`), in file order.
    pub bodies: Vec<Body>,
    /// The member territories of the territory (`"perimeter"` in territory.json): actor ids,
    /// as given (a group stands for its members).
    pub perimeter: Vec<String>,
}

impl Tables {
    /// Where every row of every table comes from, to rewrite them all at once (tests compare
    /// territories loaded from different places).
    pub fn origins_mut(&mut self) -> impl Iterator<Item = &mut Location> {
        (self.domains.iter_mut().map(|d| &mut d.origin))
            .chain(self.objectives.iter_mut().map(|o| &mut o.origin))
            .chain(self.actors.iter_mut().map(|a| &mut a.origin))
            .chain(self.links.iter_mut().map(|l| &mut l.origin))
            .chain(self.progress.iter_mut().map(|m| &mut m.origin))
            .chain(self.actions.iter_mut().map(|a| &mut a.origin))
            .chain(self.bodies.iter_mut().map(|b| &mut b.origin))
    }
}

/// One territory: the contents of one folder (or one JSON file or workbook).
///
/// The tables are read through `domains()`, `actors()`... and changed only through `edit`,
/// which rebuilds the indexes: a lookup can never answer from rows that changed since.
/// Ids are unique (the loader refuses a second row with an id); were they not, lookups
/// answer the first row.
#[derive(Clone, Default)]
pub struct Territory {
    pub name: String,
    pub population: Option<u64>,
    pub programme: Option<Programme>,
    /// Rule settings from `territory.json` (`"rules": {...}`), kept raw for the check engine.
    pub rules: BTreeMap<String, RuleSetting>,
    /// The language of what actormap writes for this territory (`"lang"` in
    /// territory.json), unless `--lang` says otherwise.
    pub lang: Option<Lang>,
    tables: Tables,
    index: Index,
}

impl PartialEq for Territory {
    fn eq(&self, other: &Self) -> bool {
        // The index is computed from the tables: equal tables, equal indexes.
        self.name == other.name
            && self.population == other.population
            && self.programme == other.programme
            && self.rules == other.rules
            && self.lang == other.lang
            && self.tables == other.tables
    }
}

impl fmt::Debug for Territory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Territory")
            .field("name", &self.name)
            .field("population", &self.population)
            .field("programme", &self.programme)
            .field("rules", &self.rules)
            .field("lang", &self.lang)
            .field("tables", &self.tables)
            .finish_non_exhaustive()
    }
}

/// The contract the territory is steered by (a COT TRI, a CRTE...) and its money rules.
#[derive(Debug, Clone, PartialEq)]
pub struct Programme {
    pub name: String,
    pub start: Option<jiff::civil::Date>,
    pub end: Option<jiff::civil::Date>,
    /// Aid paid whatever the results (years 1 and 2 of a COT TRI), in euros.
    pub flat_aid: Option<f64>,
    /// The year-3 bonus per inhabitant, in euros.
    pub bonus_per_inhabitant: Option<f64>,
    /// Share of its target every objective must reach for the bonus (0.6 = 60 %).
    pub min_ratio: f64,
    /// Share of its target a priority objective must reach (1.0 = 100 %).
    pub priority_ratio: f64,
}

impl Default for Programme {
    fn default() -> Self {
        Programme {
            name: String::new(),
            start: None,
            end: None,
            flat_aid: None,
            bonus_per_inhabitant: None,
            min_ratio: 0.6,
            priority_ratio: 1.0,
        }
    }
}

/// A rule's setting as written in `territory.json`, with where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleSetting {
    pub value: serde_json::Value,
    pub origin: Location,
}

/// A domain of cooperation ("DC3 Production et consommation responsables").
#[derive(Debug, Clone, PartialEq)]
pub struct Domain {
    pub id: String,
    pub name: String,
    /// The phrase at the centre of the domain's map ("Vers la réduction du gaspillage alimentaire").
    pub headline: Option<String>,
    /// Ids of the related domains ("Liens DC 5, DC 7, DC 9").
    pub related: Vec<String>,
    /// The "état des lieux": what the domain's page says of the situation, one line each
    /// ("Seule la CCPO est couverte par un COT ENR via le PNRCMO").
    pub context: Vec<String>,
    pub origin: Location,
}

/// A contractual objective and its numeric target.
#[derive(Debug, Clone, PartialEq)]
pub struct Objective {
    pub id: String,
    pub domain: String,
    pub title: String,
    pub target: Option<f64>,
    pub unit: Option<String>,
    pub current: Option<f64>,
    pub priority: bool,
    pub contractual: bool,
    /// Which member territories the objective must reach (`scope` column); `None`: not
    /// tracked.
    pub reach: Option<Reach>,
    pub origin: Location,
}

/// Which member territories of the perimeter an objective must reach ("un COT ENR couvrant
/// l'ensemble du territoire"): all of them, or some (actor ids; a group stands for its
/// members).
#[derive(Debug, Clone, PartialEq)]
pub enum Reach {
    All,
    Members(Vec<String>),
}

impl Objective {
    /// A yes/no objective ("Mise en œuvre d'un REGAL", "Contractualiser un COT ENR"): done or
    /// not, its progress a share from 0 to 1. Its target is 1 and its unit, when it has one,
    /// names a thing to do ("1 REGAL", "1 contrat", "1 protocole") rather than a quantity
    /// measured in a unit of length, area, volume, mass, energy, power, money, time or percent
    /// ("1 km", "1 ha", "1 MWh", "1 M€", "1 %": those are numbers like any other).
    pub fn is_qualitative(&self) -> bool {
        self.target == Some(1.0) && self.unit.as_deref().is_none_or(|u| !is_measure_unit(u))
    }
}

/// Units of measure, folded (`names::fold`: "M€" is "meur", "m²" is "m2"), as the first word
/// of an objective's unit.
const MEASURE_UNITS: &[&str] = &[
    "m", "km", "ml", "m2", "km2", "m3", "ha", "hectare", "are", "l", "litre", "hl", "g", "kg", "t",
    "tonne", "teq", "tco2", "tco2e", "teqco2", "wh", "kwh", "mwh", "gwh", "twh", "w", "kw", "mw",
    "gw", "wc", "kwc", "mwc", "kva", "eur", "keur", "meur", "euro", "h", "heure", "jour",
    "semaine", "mois", "an", "annee", "pourcent", "percent",
];

/// True when a unit is a quantity to measure ("km", "MWh", "k€", "% des écoles").
fn is_measure_unit(unit: &str) -> bool {
    if unit.contains('%') {
        return true;
    }
    let folded = crate::names::fold(unit);
    let first = folded.split(' ').next().unwrap_or_default();
    let singular = first
        .strip_suffix('s')
        .filter(|s| s.len() > 1)
        .unwrap_or(first);
    MEASURE_UNITS.contains(&first) || MEASURE_UNITS.contains(&singular)
}

/// One dated measurement of an objective's progress: a row of `progress.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Measurement {
    pub objective: String,
    pub date: jiff::civil::Date,
    /// In the objective's unit; for a qualitative objective (target 1), 0 to 1 done.
    pub value: f64,
    pub source: Option<String>,
    pub note: Option<String>,
    pub origin: Location,
}

/// An action toward an objective, or of a domain as a whole ("Assises de l'alimentation
/// (GCT&M) – en cours"): a row of `actions.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Action {
    pub id: String,
    /// What it serves: one objective, or its domain as a whole (then it counts for no one
    /// objective's coverage).
    pub scope: Scope,
    pub title: String,
    /// Ids of the actors who carry it (a group carries it for its members).
    pub bearers: Vec<String>,
    pub status: ActionStatus,
    /// Where it comes from, as written ("EPCI", "REV 3 GCT&M"): the `origin` column.
    pub source: Option<String>,
    /// Ids of the member territories where it runs (a group stands for its members); empty:
    /// the whole territory.
    pub perimeter: Vec<String>,
    pub start: Option<jiff::civil::Date>,
    pub end: Option<jiff::civil::Date>,
    /// In euros.
    pub budget: Option<f64>,
    pub note: Option<String>,
    pub origin: Location,
}

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum ActionStatus {
    /// Envisagée: a hypothesis of the deck, not started (an empty cell).
    #[default]
    Planned,
    /// En cours.
    Ongoing,
    /// Réalisée.
    Done,
    /// Abandonnée: it counts for nothing (no coverage).
    Dropped,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::Planned,
        ActionStatus::Ongoing,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];

    /// The stable English id used in JSON.
    pub fn id(self) -> &'static str {
        match self {
            ActionStatus::Planned => "planned",
            ActionStatus::Ongoing => "ongoing",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    /// The word of the actions table: "envisagée", "en cours"; "planned", "ongoing"
    /// (`RoleWords::action_status` says it).
    pub fn word(self, lang: Lang) -> &'static str {
        lang.catalog().action_status(self)
    }
}

impl fmt::Display for ActionStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A governance body ("COPIL", "COTECH", a working group): a row of `bodies.csv` /
/// `instances.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    pub id: String,
    pub name: String,
    /// Free: "COPIL", "COTECH", "groupe de travail".
    pub kind: Option<String>,
    /// The id of the actor who chairs or runs it.
    pub chair: Option<String>,
    /// Ids of the actors who sit on it (a group sits for its members).
    pub members: Vec<String>,
    /// The id of the body it reports to.
    pub parent: Option<String>,
    pub note: Option<String>,
    pub origin: Location,
}

impl Body {
    /// The actors it names, chair first, each once.
    pub fn seats(&self) -> impl Iterator<Item = &str> {
        let chair = self.chair.as_deref();
        chair.into_iter().chain(
            self.members
                .iter()
                .map(String::as_str)
                .filter(move |m| Some(*m) != chair),
        )
    }
}

/// A body of the territory: an institution, a company, a network, or a group of other actors.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: Option<String>,
    /// The short name ("sigle") shown where the full name does not fit.
    pub short: Option<String>,
    pub aliases: Vec<String>,
    /// Ids of the actors this one stands for ("Les 3 EPCI" = GCT&M, CCRA, CCPO).
    pub members: Vec<String>,
    pub origin: Location,
}

impl Actor {
    pub fn is_group(&self) -> bool {
        !self.members.is_empty()
    }

    /// The name to show where the full name does not fit: the `short` column, else the
    /// first alias.
    pub fn short_name(&self) -> Option<&str> {
        self.short
            .as_deref()
            .or(self.aliases.first().map(String::as_str))
    }
}

/// What a link points at: one objective, or every objective of a domain.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scope {
    Objective(CompactString),
    Domain(CompactString),
}

/// An actor's role towards an objective (or a whole domain).
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// Ids are kept inline (`CompactString`): a territory has a link per row of its largest
    /// table, and two heap strings each were a million allocations at 500,000 links.
    pub actor: CompactString,
    pub scope: Scope,
    pub role: Role,
    pub means: Option<Means>,
    pub note: Option<String>,
    pub origin: Location,
}

/// The roles of the seed deck's legend, plus the lead ("chef de file") and its candidates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    Lead,
    LeadCandidate,
    Prescriber,
    Funder,
    Support,
    Target,
    Relay,
}

impl Role {
    pub const ALL: [Role; 7] = [
        Role::Lead,
        Role::LeadCandidate,
        Role::Prescriber,
        Role::Funder,
        Role::Support,
        Role::Target,
        Role::Relay,
    ];

    /// The stable English id used in JSON and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::LeadCandidate => "lead-candidate",
            Role::Prescriber => "prescriber",
            Role::Funder => "funder",
            Role::Support => "support",
            Role::Target => "target",
            Role::Relay => "relay",
        }
    }

    /// The singular word, as written in the links table: "chef de file", "financeur".
    /// Kept for the callers not moved to the catalog yet: `RoleWords::role` says it.
    pub fn word(self, lang: Lang) -> &'static str {
        lang.catalog().role(self)
    }

    /// The plural label of a map legend: "Financeurs". Kept for the callers not moved to
    /// the catalog yet: `RoleWords::legend` says it.
    pub fn label(self, lang: Lang) -> &'static str {
        lang.catalog().legend(self)
    }
}

/// What every language says about roles and means; each language implements it once
/// (`src/i18n/fr/roles.rs`, `src/i18n/en/roles.rs`), with an exhaustive `match`.
pub trait RoleWords {
    /// A role's singular word, as the links table writes it: "chef de file", "financeur".
    fn role(&self, role: Role) -> &'static str;
    /// A role's plural label in a map's legend and sectors: "Chef(s) de file", "Financeurs".
    fn legend(&self, role: Role) -> &'static str;
    /// What an actor brings, as the maps' means section heads it: "Ingénierie".
    fn means(&self, means: Means) -> &'static str;
    /// Where an action stands, as the actions table writes it: "envisagée", "en cours".
    fn action_status(&self, status: ActionStatus) -> &'static str;
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// What an actor brings ("AVEC QUELS MOYENS ?" on the seed deck).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Means {
    Engineering,
    Support,
    Funding,
}

impl Means {
    pub const ALL: [Means; 3] = [Means::Engineering, Means::Support, Means::Funding];

    pub fn id(self) -> &'static str {
        match self {
            Means::Engineering => "engineering",
            Means::Support => "support",
            Means::Funding => "funding",
        }
    }
}

impl fmt::Display for Means {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// The language of what users read on a map or a report (it lives with its catalog).
pub use crate::i18n::Lang;

/// A node of the territory graph: an index into the territory's tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Node {
    Domain(usize),
    Objective(usize),
    Actor(usize),
}

/// An edge of the territory graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Edge {
    /// Actor -> objective or domain, in a role; the index is into the links table.
    Role { role: Role, link: usize },
    /// Objective -> its domain.
    InDomain,
    /// Domain -> a domain it names as related.
    Related,
    /// Member actor -> the group actor it belongs to.
    MemberOf,
}

impl fmt::Display for Edge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Edge::Role { role, .. } => write!(f, "{role}"),
            Edge::InDomain => f.write_str("in-domain"),
            Edge::Related => f.write_str("related"),
            Edge::MemberOf => f.write_str("member-of"),
        }
    }
}

/// The territory as a directed graph, with each table row's node. Edges were added in table
/// order: objectives' domains, related domains, group members, then links in file order;
/// petgraph lists a node's edges newest first, so a domain's role edges come before the
/// edges of its objectives. A link, member or related domain naming an id that is not in its
/// table has no edge.
#[derive(Debug, Clone, Default)]
pub struct TerritoryGraph {
    pub graph: DiGraph<Node, Edge>,
    pub domains: Vec<NodeIndex>,
    pub objectives: Vec<NodeIndex>,
    pub actors: Vec<NodeIndex>,
}

/// The notes of some links (the `note` column), each once, in order, empty ones left out.
pub fn notes<'a>(links: impl IntoIterator<Item = &'a Link>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for l in links {
        if let Some(n) = l.note.as_deref().map(str::trim).filter(|n| !n.is_empty())
            && !out.contains(&n)
        {
            out.push(n);
        }
    }
    out
}

/// An actor's name followed by the notes of some of its links: "ADEME [COT TRI]".
pub fn annotated<'a>(actor: &Actor, links: impl IntoIterator<Item = &'a Link>) -> String {
    let notes = notes(links);
    if notes.is_empty() {
        actor.name.clone()
    } else {
        format!("{} [{}]", actor.name, notes.join("; "))
    }
}

/// A link as it applies to one objective, domain-wide links expanded.
#[derive(Debug, Clone, Copy)]
pub struct Involvement<'a> {
    pub actor: &'a Actor,
    pub link: &'a Link,
}

/// What a territory's lookups read: ids to rows, and the graph. Built from the tables by
/// `Index::new`, never changed afterwards.
#[derive(Debug, Clone, Default)]
struct Index {
    // Ids are kept inline (`CompactString`): building the index looks one up per link.
    domains: HashMap<CompactString, usize>,
    objectives: HashMap<CompactString, usize>,
    actors: HashMap<CompactString, usize>,
    /// Per objective id: its measurements, oldest first (file order within a date).
    measurements: HashMap<CompactString, Vec<usize>>,
    /// Per actor: named by at least one link (whatever the link points at).
    linked: Vec<bool>,
    graph: TerritoryGraph,
    actions: HashMap<CompactString, usize>,
    bodies: HashMap<CompactString, usize>,
    /// Per objective id: the actions that name it, in file order.
    objective_actions: HashMap<CompactString, Vec<usize>>,
    /// Per domain id: the actions of the domain as a whole, in file order.
    domain_actions: HashMap<CompactString, Vec<usize>>,
    /// Per actor: the actions it carries itself, in file order.
    borne: Vec<Vec<usize>>,
    /// Per actor: the bodies it chairs or sits on itself, in file order.
    seats: Vec<Vec<usize>>,
}

/// Row number by id; the first row wins when an id is given twice.
fn positions<'a>(ids: impl ExactSizeIterator<Item = &'a String>) -> HashMap<CompactString, usize> {
    let mut out = HashMap::with_capacity_and_hasher(ids.len(), Default::default());
    for (i, id) in ids.enumerate() {
        out.entry(CompactString::new(id)).or_insert(i);
    }
    out
}

impl Index {
    fn new(t: &Tables) -> Index {
        let domains = positions(t.domains.iter().map(|d| &d.id));
        let objectives = positions(t.objectives.iter().map(|o| &o.id));
        let actors = positions(t.actors.iter().map(|a| &a.id));
        let mut measurements: HashMap<CompactString, Vec<usize>> = HashMap::default();
        for (i, m) in t.progress.iter().enumerate() {
            match measurements.get_mut(m.objective.as_str()) {
                Some(list) => list.push(i),
                None => {
                    measurements.insert(CompactString::new(&m.objective), vec![i]);
                }
            }
        }
        for list in measurements.values_mut() {
            list.sort_by_key(|&i| t.progress[i].date);
        }

        // Room for every edge at once: one more would double the edges' memory and copy them.
        let edges = t.objectives.len()
            + t.domains.iter().map(|d| d.related.len()).sum::<usize>()
            + t.actors.iter().map(|a| a.members.len()).sum::<usize>()
            + t.links.len();
        let mut graph =
            DiGraph::with_capacity(t.domains.len() + t.objectives.len() + t.actors.len(), edges);
        let domain_nodes: Vec<_> = (0..t.domains.len())
            .map(|i| graph.add_node(Node::Domain(i)))
            .collect();
        let objective_nodes: Vec<_> = (0..t.objectives.len())
            .map(|i| graph.add_node(Node::Objective(i)))
            .collect();
        let actor_nodes: Vec<_> = (0..t.actors.len())
            .map(|i| graph.add_node(Node::Actor(i)))
            .collect();
        for (i, objective) in t.objectives.iter().enumerate() {
            if let Some(&d) = domains.get(objective.domain.as_str()) {
                graph.add_edge(objective_nodes[i], domain_nodes[d], Edge::InDomain);
            }
        }
        for (i, domain) in t.domains.iter().enumerate() {
            for related in &domain.related {
                if let Some(&d) = domains.get(related.as_str()) {
                    graph.add_edge(domain_nodes[i], domain_nodes[d], Edge::Related);
                }
            }
        }
        for (i, actor) in t.actors.iter().enumerate() {
            for member in &actor.members {
                if let Some(&m) = actors.get(member.as_str()) {
                    graph.add_edge(actor_nodes[m], actor_nodes[i], Edge::MemberOf);
                }
            }
        }
        let mut linked = vec![false; t.actors.len()];
        // A links table lists an objective's actors together: the previous link's scope is
        // reused rather than looked up again.
        let mut last: Option<(&Scope, Option<NodeIndex>)> = None;
        for (n, link) in t.links.iter().enumerate() {
            let Some(&a) = actors.get(link.actor.as_str()) else {
                continue;
            };
            linked[a] = true;
            let to = match last {
                Some((scope, to)) if *scope == link.scope => to,
                _ => {
                    let to = match &link.scope {
                        Scope::Objective(id) => {
                            objectives.get(id.as_str()).map(|&o| objective_nodes[o])
                        }
                        Scope::Domain(id) => domains.get(id.as_str()).map(|&d| domain_nodes[d]),
                    };
                    last = Some((&link.scope, to));
                    to
                }
            };
            if let Some(to) = to {
                let role = Edge::Role {
                    role: link.role,
                    link: n,
                };
                graph.add_edge(actor_nodes[a], to, role);
            }
        }
        let mut objective_actions: HashMap<CompactString, Vec<usize>> = HashMap::default();
        let mut domain_actions: HashMap<CompactString, Vec<usize>> = HashMap::default();
        let mut borne = vec![Vec::new(); t.actors.len()];
        for (i, action) in t.actions.iter().enumerate() {
            match &action.scope {
                Scope::Objective(id) => {
                    objective_actions.entry(CompactString::new(id)).or_default()
                }
                Scope::Domain(id) => domain_actions.entry(CompactString::new(id)).or_default(),
            }
            .push(i);
            for bearer in &action.bearers {
                if let Some(&a) = actors.get(bearer.as_str())
                    && borne[a].last() != Some(&i)
                {
                    borne[a].push(i);
                }
            }
        }
        let mut seats = vec![Vec::new(); t.actors.len()];
        for (i, body) in t.bodies.iter().enumerate() {
            for actor in body.seats() {
                if let Some(&a) = actors.get(actor)
                    && seats[a].last() != Some(&i)
                {
                    seats[a].push(i);
                }
            }
        }
        Index {
            actions: positions(t.actions.iter().map(|a| &a.id)),
            bodies: positions(t.bodies.iter().map(|b| &b.id)),
            objective_actions,
            domain_actions,
            borne,
            seats,
            domains,
            objectives,
            actors,
            measurements,
            linked,
            graph: TerritoryGraph {
                graph,
                domains: domain_nodes,
                objectives: objective_nodes,
                actors: actor_nodes,
            },
        }
    }
}

impl Territory {
    /// A territory of these tables, its indexes built once (name and settings empty).
    pub fn new(tables: Tables) -> Territory {
        Territory {
            index: Index::new(&tables),
            tables,
            ..Territory::default()
        }
    }

    /// Change the tables; the indexes are rebuilt afterwards.
    pub fn edit<R>(&mut self, change: impl FnOnce(&mut Tables) -> R) -> R {
        let out = change(&mut self.tables);
        self.index = Index::new(&self.tables);
        out
    }

    pub fn tables(&self) -> &Tables {
        &self.tables
    }

    pub fn domains(&self) -> &[Domain] {
        &self.tables.domains
    }

    pub fn objectives(&self) -> &[Objective] {
        &self.tables.objectives
    }

    pub fn actors(&self) -> &[Actor] {
        &self.tables.actors
    }

    pub fn links(&self) -> &[Link] {
        &self.tables.links
    }

    /// Dated measurements of the objectives, in file order.
    pub fn progress(&self) -> &[Measurement] {
        &self.tables.progress
    }

    pub fn domain(&self, id: &str) -> Option<&Domain> {
        self.index.domains.get(id).map(|&i| &self.tables.domains[i])
    }

    pub fn objective(&self, id: &str) -> Option<&Objective> {
        self.objective_position(id)
            .map(|i| &self.tables.objectives[i])
    }

    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actor_position(id).map(|i| &self.tables.actors[i])
    }

    /// The row of the objective with this id in `objectives()`.
    pub fn objective_position(&self, id: &str) -> Option<usize> {
        self.index.objectives.get(id).copied()
    }

    /// The row of the actor with this id in `actors()`.
    pub fn actor_position(&self, id: &str) -> Option<usize> {
        self.index.actors.get(id).copied()
    }

    /// True when a link names the actor itself.
    pub fn is_linked(&self, actor: &str) -> bool {
        self.actor_position(actor)
            .is_some_and(|a| self.index.linked[a])
    }

    /// The dated measurements of an objective, oldest first.
    pub fn measurements_of(&self, objective: &str) -> Vec<&Measurement> {
        self.index
            .measurements
            .get(objective)
            .map_or(Vec::new(), |list| {
                list.iter().map(|&i| &self.tables.progress[i]).collect()
            })
    }

    /// The objectives of a domain, in file order.
    pub fn objectives_of<'a>(&'a self, domain: &str) -> impl Iterator<Item = &'a Objective> + 'a {
        let g = &self.index.graph;
        let mut rows: Vec<usize> = match self.index.domains.get(domain) {
            Some(&d) => g
                .graph
                .edges_directed(g.domains[d], Direction::Incoming)
                .filter(|e| *e.weight() == Edge::InDomain)
                .filter_map(|e| match g.graph[e.source()] {
                    Node::Objective(o) => Some(o),
                    _ => None,
                })
                .collect(),
            None => Vec::new(),
        };
        rows.sort_unstable();
        rows.into_iter().map(|o| &self.tables.objectives[o])
    }

    /// The row of an objective of this territory: found from the reference itself when it
    /// points into `objectives()` (no hashing), else by its id.
    fn row_of(&self, objective: &Objective) -> Option<usize> {
        let rows = &self.tables.objectives;
        let size = std::mem::size_of::<Objective>().max(1);
        let offset =
            (objective as *const Objective as usize).wrapping_sub(rows.as_ptr() as usize) / size;
        match rows.get(offset) {
            Some(row) if std::ptr::eq(row, objective) => Some(offset),
            _ => self.objective_position(&objective.id),
        }
    }

    /// (link, actor row, role) of every link that applies to an objective, in file order:
    /// the role edges into its node and into its domain's. A domain's role edges come first
    /// among its edges (the newest), before the many of its objectives, which are not read.
    fn involved(&self, objective: &Objective) -> Vec<(usize, usize, Role)> {
        let mut found = Vec::new();
        if let Some(o) = self.row_of(objective) {
            let g = &self.index.graph;
            let node = g.objectives[o];
            let domain = g.graph.edges_directed(node, Direction::Outgoing).next();
            let domain_roles = domain
                .into_iter()
                .flat_map(|d| g.graph.edges_directed(d.target(), Direction::Incoming))
                .take_while(|e| matches!(e.weight(), Edge::Role { .. }));
            let own = g.graph.edges_directed(node, Direction::Incoming);
            for e in own.chain(domain_roles) {
                if let (&Edge::Role { link, role }, Node::Actor(a)) =
                    (e.weight(), g.graph[e.source()])
                {
                    found.push((link, a, role));
                }
            }
        }
        found.sort_unstable_by_key(|&(link, _, _)| link);
        found
    }

    /// Every link that applies to an objective, in file order: its own, and those given to
    /// its whole domain. Links naming an unknown actor are left out.
    pub fn involvements<'a>(
        &'a self,
        objective: &Objective,
    ) -> impl Iterator<Item = Involvement<'a>> + 'a {
        self.involved(objective)
            .into_iter()
            .map(|(link, actor, _)| Involvement {
                actor: &self.tables.actors[actor],
                link: &self.tables.links[link],
            })
    }

    /// The actors holding `role` towards an objective, each once, in link order.
    pub fn actors_in_role<'a>(&'a self, objective: &Objective, role: Role) -> Vec<&'a Actor> {
        self.holders(objective, role)
            .into_iter()
            .map(|(actor, _)| actor)
            .collect()
    }

    /// The actors holding `role` towards an objective, each once, in link order, with the
    /// first link that gives it to them (the objective's own or its domain's).
    pub fn holders<'a>(&'a self, objective: &Objective, role: Role) -> Vec<(&'a Actor, &'a Link)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        let mut seen = HashSet::default();
        for (link, actor, _) in self.involved(objective).into_iter().filter(|i| i.2 == role) {
            // Few actors hold one role: a set only when there are many.
            let new = if out.len() < 32 {
                !out.iter().any(|&(a, _)| a == actor)
            } else {
                if seen.is_empty() {
                    seen.extend(out.iter().map(|&(a, _)| a));
                }
                seen.insert(actor)
            };
            if new {
                out.push((actor, link));
            }
        }
        out.into_iter()
            .map(|(a, l)| (&self.tables.actors[a], &self.tables.links[l]))
            .collect()
    }

    /// An actor's name followed by the notes of its links in `role` towards `objective`:
    /// "ADEME [COT TRI]", "Région Hauts-de-France [AAP]".
    pub fn annotated(&self, objective: &Objective, role: Role, actor: &Actor) -> String {
        let links = self
            .involvements(objective)
            .filter(|inv| inv.actor.id == actor.id && inv.link.role == role)
            .map(|inv| inv.link);
        annotated(actor, links)
    }

    /// The groups an actor belongs to (directly), in file order.
    pub fn groups_of<'a>(&'a self, actor: &str) -> impl Iterator<Item = &'a Actor> + 'a {
        let g = &self.index.graph;
        let mut rows: Vec<usize> = match self.actor_position(actor) {
            Some(a) => g
                .graph
                .edges_directed(g.actors[a], Direction::Outgoing)
                .filter(|e| *e.weight() == Edge::MemberOf)
                .filter_map(|e| match g.graph[e.target()] {
                    Node::Actor(group) => Some(group),
                    _ => None,
                })
                .collect(),
            None => Vec::new(),
        };
        rows.sort_unstable();
        rows.dedup();
        rows.into_iter().map(|a| &self.tables.actors[a])
    }

    /// The petgraph graph: domains, objectives and actors as nodes; roles, objectives'
    /// domains, related domains and group membership as edges.
    pub fn graph(&self) -> &TerritoryGraph {
        &self.index.graph
    }

    /// The actions, in file order.
    pub fn actions(&self) -> &[Action] {
        &self.tables.actions
    }

    /// The governance bodies, in file order.
    pub fn bodies(&self) -> &[Body] {
        &self.tables.bodies
    }

    /// The member territories as given in territory.json (actor ids; a group stands for its
    /// members); empty when the territory declares none.
    pub fn perimeter(&self) -> &[String] {
        &self.tables.perimeter
    }

    pub fn action(&self, id: &str) -> Option<&Action> {
        self.index.actions.get(id).map(|&i| &self.tables.actions[i])
    }

    pub fn body(&self, id: &str) -> Option<&Body> {
        self.body_position(id).map(|i| &self.tables.bodies[i])
    }

    /// The row of the body with this id in `bodies()`.
    pub fn body_position(&self, id: &str) -> Option<usize> {
        self.index.bodies.get(id).copied()
    }

    /// The actions that name an objective, in file order (not those of its whole domain).
    pub fn actions_of(&self, objective: &str) -> Vec<&Action> {
        self.rows_of_actions(self.index.objective_actions.get(objective))
    }

    /// The actions of a domain as a whole, in file order (not those of its objectives).
    pub fn domain_actions(&self, domain: &str) -> Vec<&Action> {
        self.rows_of_actions(self.index.domain_actions.get(domain))
    }

    /// The actions an actor carries itself (not through a group), in file order.
    pub fn actions_borne_by(&self, actor: &str) -> Vec<&Action> {
        let rows = self.actor_position(actor).map(|a| &self.index.borne[a]);
        self.rows_of_actions(rows)
    }

    fn rows_of_actions(&self, rows: Option<&Vec<usize>>) -> Vec<&Action> {
        rows.map_or(Vec::new(), |rows| {
            rows.iter().map(|&i| &self.tables.actions[i]).collect()
        })
    }

    /// The bodies an actor chairs or sits on itself (not through a group), in file order.
    pub fn bodies_of(&self, actor: &str) -> Vec<&Body> {
        self.actor_position(actor).map_or(Vec::new(), |a| {
            self.index.seats[a]
                .iter()
                .map(|&i| &self.tables.bodies[i])
                .collect()
        })
    }

    /// The actors some ids stand for, groups replaced by their members (nested groups too),
    /// each once, in the order given; unknown ids are left out.
    pub fn members_of<'i>(&self, ids: impl IntoIterator<Item = &'i str>) -> Vec<&Actor> {
        let mut out: Vec<&Actor> = Vec::new();
        let mut seen_groups: Vec<&str> = Vec::new();
        let mut todo: Vec<&Actor> = ids.into_iter().filter_map(|id| self.actor(id)).collect();
        todo.reverse();
        while let Some(actor) = todo.pop() {
            if actor.is_group() {
                if !seen_groups.contains(&actor.id.as_str()) {
                    seen_groups.push(&actor.id);
                    let members = actor.members.iter().filter_map(|m| self.actor(m));
                    todo.extend(members.rev());
                }
            } else if !out.iter().any(|a| a.id == actor.id) {
                out.push(actor);
            }
        }
        out
    }

    /// The member territories of the perimeter, groups replaced by their members.
    pub fn perimeter_members(&self) -> Vec<&Actor> {
        self.members_of(self.tables.perimeter.iter().map(String::as_str))
    }

    /// What an objective's actions cover of the member territories it must reach (its
    /// `scope`): each member with the actions that run there (an action with no perimeter
    /// runs on the whole territory; a dropped one counts for nothing). `None` when the
    /// objective's reach is not tracked. The one computation of coverage: `check`, `list` and
    /// the pictures all read it.
    pub fn coverage(&self, objective: &Objective) -> Option<Coverage<'_>> {
        let wanted = match objective.reach.as_ref()? {
            Reach::All => self.perimeter_members(),
            Reach::Members(ids) => self.members_of(ids.iter().map(String::as_str)),
        };
        let actions: Vec<(&Action, Option<Vec<&Actor>>)> = self
            .actions_of(&objective.id)
            .into_iter()
            .filter(|a| a.status != ActionStatus::Dropped)
            .map(|a| {
                let runs = (!a.perimeter.is_empty())
                    .then(|| self.members_of(a.perimeter.iter().map(String::as_str)));
                (a, runs)
            })
            .collect();
        let members = wanted
            .into_iter()
            .map(|member| {
                let covering = actions
                    .iter()
                    .filter(|(_, runs)| {
                        runs.as_ref()
                            .is_none_or(|runs| runs.iter().any(|r| r.id == member.id))
                    })
                    .map(|(a, _)| *a)
                    .collect();
                (member, covering)
            })
            .collect();
        Some(Coverage { members })
    }
}

/// What an objective's actions cover of the member territories it must reach
/// (`Territory::coverage`).
#[derive(Debug, Clone)]
pub struct Coverage<'a> {
    /// Each member territory the objective must reach, in the order of its scope (or of the
    /// perimeter), with the actions (not dropped) that run there, in file order.
    pub members: Vec<(&'a Actor, Vec<&'a Action>)>,
}

impl<'a> Coverage<'a> {
    /// The members at least one action covers, with those actions.
    pub fn covered(&self) -> Vec<(&'a Actor, &[&'a Action])> {
        self.members
            .iter()
            .filter(|(_, actions)| !actions.is_empty())
            .map(|(m, actions)| (*m, actions.as_slice()))
            .collect()
    }

    /// The members no action covers.
    pub fn missing(&self) -> Vec<&'a Actor> {
        self.members
            .iter()
            .filter(|(_, actions)| actions.is_empty())
            .map(|(m, _)| *m)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn objective(target: f64, unit: Option<&str>) -> Objective {
        Objective {
            id: "o".into(),
            domain: "d".into(),
            title: "O".into(),
            target: Some(target),
            unit: unit.map(Into::into),
            current: None,
            priority: false,
            contractual: true,
            reach: None,
            origin: Location::new("objectives.csv", 2),
        }
    }

    #[test]
    fn a_target_of_one_thing_to_do_is_qualitative_and_one_unit_of_measure_is_not() {
        for unit in [
            None,
            Some("REGAL"),
            Some("contrat"),
            Some("COT ENR"),
            Some("protocole"),
        ] {
            assert!(objective(1.0, unit).is_qualitative(), "{unit:?}");
        }
        for unit in [
            "km",
            "ha",
            "MWh",
            "M€",
            "k€",
            "€",
            "%",
            "% des écoles",
            "m²",
            "tonnes",
            "tCO2e",
            "hectares",
            "ans",
        ] {
            assert!(!objective(1.0, Some(unit)).is_qualitative(), "{unit}");
        }
        assert!(!objective(2.0, Some("contrats")).is_qualitative());
        assert!(!objective(50.0, None).is_qualitative());
    }
}
