//! The territory in memory: domains, objectives, actors, the links between them, and the
//! petgraph graph built from them. No I/O here: loaders build a `Territory`, everything
//! downstream reads one.

use std::collections::BTreeMap;
use std::fmt;

use petgraph::graph::{DiGraph, NodeIndex};

use crate::error::Location;

/// One territory: the contents of one folder (or one JSON file).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Territory {
    pub name: String,
    pub population: Option<u64>,
    pub programme: Option<Programme>,
    /// Rule settings from `territory.json` (`"rules": {...}`), kept raw for the check engine.
    pub rules: BTreeMap<String, RuleSetting>,
    pub domains: Vec<Domain>,
    pub objectives: Vec<Objective>,
    pub actors: Vec<Actor>,
    pub links: Vec<Link>,
    /// Dated measurements of the objectives (`progress.csv`), in file order.
    pub progress: Vec<Measurement>,
    /// The language of what actormap writes for this territory (`"lang"` in
    /// territory.json), unless `--lang` says otherwise.
    pub lang: Option<Lang>,
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
    pub origin: Location,
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
    Objective(String),
    Domain(String),
}

/// An actor's role towards an objective (or a whole domain).
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub actor: String,
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
    pub fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Role::Lead, Lang::Fr) => "chef de file",
            (Role::LeadCandidate, Lang::Fr) => "chef de file pressenti",
            (Role::Prescriber, Lang::Fr) => "prescripteur",
            (Role::Funder, Lang::Fr) => "financeur",
            (Role::Support, Lang::Fr) => "accompagnateur",
            (Role::Target, Lang::Fr) => "cible",
            (Role::Relay, Lang::Fr) => "relais",
            (Role::Lead, Lang::En) => "lead",
            (Role::LeadCandidate, Lang::En) => "lead candidate",
            (Role::Prescriber, Lang::En) => "prescriber",
            (Role::Funder, Lang::En) => "funder",
            (Role::Support, Lang::En) => "support partner",
            (Role::Target, Lang::En) => "target",
            (Role::Relay, Lang::En) => "relay",
        }
    }

    /// The plural label of a map legend, in French or English.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Role::Lead, Lang::Fr) => "Chef(s) de file",
            (Role::LeadCandidate, Lang::Fr) => "Chef de file pressenti",
            (Role::Prescriber, Lang::Fr) => "Prescripteurs",
            (Role::Funder, Lang::Fr) => "Financeurs",
            (Role::Support, Lang::Fr) => "Accompagnateurs, partenaires-ressources",
            (Role::Target, Lang::Fr) => "Cibles",
            (Role::Relay, Lang::Fr) => "Relais",
            (Role::Lead, Lang::En) => "Lead(s)",
            (Role::LeadCandidate, Lang::En) => "Lead candidates",
            (Role::Prescriber, Lang::En) => "Prescribers",
            (Role::Funder, Lang::En) => "Funders",
            (Role::Support, Lang::En) => "Support partners, resources",
            (Role::Target, Lang::En) => "Targets",
            (Role::Relay, Lang::En) => "Relays",
        }
    }
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

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Means::Engineering, Lang::Fr) => "Ingénierie",
            (Means::Support, Lang::Fr) => "Accompagnement",
            (Means::Funding, Lang::Fr) => "Financiers",
            (Means::Engineering, Lang::En) => "Engineering",
            (Means::Support, Lang::En) => "Support",
            (Means::Funding, Lang::En) => "Funding",
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
    /// Actor -> objective or domain, in a role; the index is into `Territory::links`.
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

/// The territory as a directed graph, with each table row's node.
#[derive(Debug, Clone)]
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

/// A link as it applies to one objective, domain-wide links expanded.
#[derive(Debug, Clone, Copy)]
pub struct Involvement<'a> {
    pub actor: &'a Actor,
    pub link: &'a Link,
}

impl Territory {
    pub fn domain(&self, id: &str) -> Option<&Domain> {
        self.domains.iter().find(|d| d.id == id)
    }

    pub fn objective(&self, id: &str) -> Option<&Objective> {
        self.objectives.iter().find(|o| o.id == id)
    }

    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    /// The dated measurements of an objective, oldest first.
    pub fn measurements_of(&self, objective: &str) -> Vec<&Measurement> {
        let mut out: Vec<&Measurement> = self
            .progress
            .iter()
            .filter(|m| m.objective == objective)
            .collect();
        out.sort_by_key(|m| m.date);
        out
    }

    /// The objectives of a domain, in file order.
    pub fn objectives_of<'a>(&'a self, domain: &'a str) -> impl Iterator<Item = &'a Objective> {
        self.objectives.iter().filter(move |o| o.domain == domain)
    }

    /// Every link that applies to an objective: its own, and those given to its whole domain.
    pub fn involvements<'a>(
        &'a self,
        objective: &'a Objective,
    ) -> impl Iterator<Item = Involvement<'a>> + 'a {
        self.links
            .iter()
            .filter(move |l| match &l.scope {
                Scope::Objective(id) => *id == objective.id,
                Scope::Domain(id) => *id == objective.domain,
            })
            .filter_map(move |link| {
                self.actor(&link.actor)
                    .map(|actor| Involvement { actor, link })
            })
    }

    /// The actors holding `role` towards an objective, each once, in link order.
    pub fn actors_in_role<'a>(&'a self, objective: &'a Objective, role: Role) -> Vec<&'a Actor> {
        let mut out: Vec<&Actor> = Vec::new();
        for inv in self.involvements(objective) {
            if inv.link.role == role && !out.iter().any(|a| a.id == inv.actor.id) {
                out.push(inv.actor);
            }
        }
        out
    }

    /// An actor's name followed by the notes of its links in `role` towards `objective`:
    /// "ADEME [COT TRI]", "Région Hauts-de-France [AAP]".
    pub fn annotated(&self, objective: &Objective, role: Role, actor: &Actor) -> String {
        let notes = notes(
            self.involvements(objective)
                .filter(|inv| inv.actor.id == actor.id && inv.link.role == role)
                .map(|inv| inv.link),
        );
        if notes.is_empty() {
            actor.name.clone()
        } else {
            format!("{} [{}]", actor.name, notes.join("; "))
        }
    }

    /// The groups an actor belongs to.
    pub fn groups_of<'a>(&'a self, actor: &'a str) -> impl Iterator<Item = &'a Actor> + 'a {
        self.actors
            .iter()
            .filter(move |g| g.members.iter().any(|m| m == actor))
    }

    /// Build the petgraph graph: domains, objectives and actors as nodes; roles,
    /// domain membership, related domains and group membership as edges.
    pub fn graph(&self) -> TerritoryGraph {
        let mut graph = DiGraph::new();
        let domains: Vec<_> = (0..self.domains.len())
            .map(|i| graph.add_node(Node::Domain(i)))
            .collect();
        let objectives: Vec<_> = (0..self.objectives.len())
            .map(|i| graph.add_node(Node::Objective(i)))
            .collect();
        let actors: Vec<_> = (0..self.actors.len())
            .map(|i| graph.add_node(Node::Actor(i)))
            .collect();
        let domain_ix = |id: &str| self.domains.iter().position(|d| d.id == id);
        let actor_ix = |id: &str| self.actors.iter().position(|a| a.id == id);

        for (i, objective) in self.objectives.iter().enumerate() {
            if let Some(d) = domain_ix(&objective.domain) {
                graph.add_edge(objectives[i], domains[d], Edge::InDomain);
            }
        }
        for (i, domain) in self.domains.iter().enumerate() {
            for related in &domain.related {
                if let Some(d) = domain_ix(related) {
                    graph.add_edge(domains[i], domains[d], Edge::Related);
                }
            }
        }
        for (i, actor) in self.actors.iter().enumerate() {
            for member in &actor.members {
                if let Some(m) = actor_ix(member) {
                    graph.add_edge(actors[m], actors[i], Edge::MemberOf);
                }
            }
        }
        for (n, link) in self.links.iter().enumerate() {
            let Some(a) = actor_ix(&link.actor) else {
                continue;
            };
            let to = match &link.scope {
                Scope::Objective(id) => self
                    .objectives
                    .iter()
                    .position(|o| o.id == *id)
                    .map(|o| objectives[o]),
                Scope::Domain(id) => domain_ix(id).map(|d| domains[d]),
            };
            if let Some(to) = to {
                graph.add_edge(
                    actors[a],
                    to,
                    Edge::Role {
                        role: link.role,
                        link: n,
                    },
                );
            }
        }
        TerritoryGraph {
            graph,
            domains,
            objectives,
            actors,
        }
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
