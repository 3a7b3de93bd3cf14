//! `actormap export`: the territory's graph (domains, objectives, actors; roles with their
//! means and notes, objectives in their domain, related domains, group members) written for the
//! tools people already have: yEd (GraphML), Gephi (GEXF), Graphviz (DOT), Mermaid, Kumu (JSON),
//! and the actor x objective matrix as CSV for Excel. One graph is built from the model, one
//! file per format writes it; every user string is escaped by its writer, and the same
//! territory gives the same bytes.

mod csv;
mod dot;
mod gexf;
mod graphml;
mod kumu;
mod mermaid;

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use petgraph::graph::{DiGraph, NodeIndex};

use crate::cli::ExportFormat;
use crate::error::Error;
use crate::layout::{self, Paint};
use crate::maps::{self, MapKind, Usage};
use crate::model::{self, Actor, Domain, Lang, Link, Objective, Role, Territory};

/// The formats `actormap export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Graphml,
    Gexf,
    Dot,
    Mermaid,
    Kumu,
    Csv,
}

impl Format {
    /// The file extension the tool expects.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Graphml => "graphml",
            Format::Gexf => "gexf",
            Format::Dot => "dot",
            Format::Mermaid => "mmd",
            Format::Kumu => "json",
            Format::Csv => "csv",
        }
    }
}

/// `actormap export`: the territory (or the domain `domain` names) in `format`, to `out` or,
/// unless `path` is `-`, to the file `path`, saying so on `out`.
pub fn run(
    t: &Territory,
    format: ExportFormat,
    domain: Option<&str>,
    lang: Lang,
    path: &Path,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let format = match format {
        ExportFormat::Graphml => Format::Graphml,
        ExportFormat::Gexf => Format::Gexf,
        ExportFormat::Dot => Format::Dot,
        ExportFormat::Mermaid => Format::Mermaid,
        ExportFormat::Kumu => Format::Kumu,
        ExportFormat::Csv => Format::Csv,
    };
    let domain = domain.map(|d| domain_id(t, d, lang)).transpose()?;
    let bytes = write(t, format, domain.as_deref(), lang);
    if path.as_os_str() == "-" {
        out.write_all(&bytes)?;
    } else {
        let written = save(path, &bytes, format, lang)?;
        crate::terminal::line(out, &lang.catalog().wrote(&written))?;
    }
    Ok(())
}

/// The territory, or one domain of it, written in `format`.
pub fn write(t: &Territory, format: Format, domain: Option<&str>, lang: Lang) -> Vec<u8> {
    let export = Export::new(t, domain, lang);
    match format {
        Format::Graphml => graphml::write(&export).into_bytes(),
        Format::Gexf => gexf::write(&export).into_bytes(),
        Format::Dot => dot::write(&export).into_bytes(),
        Format::Mermaid => mermaid::write(&export).into_bytes(),
        Format::Kumu => kumu::write(&export).into_bytes(),
        Format::Csv => csv::write(&export),
    }
}

/// The id of the domain `wanted` names, found as `render --domain` finds it (with a
/// suggestion when it is a typo).
pub fn domain_id(t: &Territory, wanted: &str, lang: Lang) -> Result<String, Error> {
    let kinds = maps::requested(t, &[wanted.to_owned()], &[], &[], &[], &[], false, lang)?;
    match kinds.as_slice() {
        [MapKind::Domain(id)] => Ok(id.clone()),
        _ => Err(Usage::Unknown {
            kind: maps::Wanted::Domain,
            wanted: wanted.to_owned(),
            closest: None,
            known: t.domains().iter().map(|d| d.id.clone()).collect(),
        }
        .error(lang)),
    }
}

/// Write an export to `path` whole or not at all (a temporary file renamed into place),
/// creating its folder if needed; the usage errors in `lang`.
pub fn save(path: &Path, bytes: &[u8], format: Format, lang: Lang) -> Result<PathBuf, Error> {
    let example = format!("territoire.{}", format.extension());
    crate::spreadsheet::save(path, bytes, &example, lang)
}

/// What a node of the exported graph stands for.
#[derive(Debug, Clone, Copy)]
pub enum Of<'a> {
    Domain(&'a Domain),
    Objective(&'a Objective),
    Actor(&'a Actor),
}

/// A node of the exported graph.
#[derive(Debug, Clone)]
pub struct Node<'a> {
    /// An id safe in every format (`d0`, `o3`, `a12`: the row of its table), stable whatever
    /// `--domain` keeps.
    pub key: String,
    /// What people read: the domain's id and name, the objective's title, the actor's name.
    pub label: String,
    pub of: Of<'a>,
    /// The role that gives an actor its colour: its first role in the legend's order among
    /// the roles exported, a lead candidacy last (it is the objective's gap, not what the
    /// actor is); `None` for a domain, an objective or an actor without a role here.
    pub role: Option<Role>,
}

/// An edge of the exported graph: the model's edge, and the link it comes from for a role.
#[derive(Debug, Clone)]
pub struct Edge<'a> {
    pub kind: model::Edge,
    pub link: Option<&'a Link>,
    /// What the edge says on a drawing: the role's word, "membre de"...; empty for an
    /// objective's edge to its domain.
    pub label: &'static str,
}

impl fmt::Display for Node<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label)
    }
}

impl fmt::Display for Edge<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label)
    }
}

/// The graph every writer reads, in a fixed order: domains, objectives and actors in table
/// order, then the model's edges in its order.
pub struct Export<'a> {
    pub territory: &'a Territory,
    pub graph: DiGraph<Node<'a>, Edge<'a>>,
    pub lang: Lang,
    /// The domain the export is restricted to.
    pub domain: Option<&'a Domain>,
}

impl<'a> Export<'a> {
    /// The territory's graph; with `domain`, only that domain, its objectives, the actors
    /// linked to them (directly or through the whole domain) and the members of those actors
    /// that are groups. `domain` is an id the caller has checked.
    pub fn new(t: &'a Territory, domain: Option<&str>, lang: Lang) -> Export<'a> {
        let model = t.graph();
        let g = &model.graph;
        let domain = domain.and_then(|id| t.domain(id));
        let keep: Vec<bool> = match domain {
            None => vec![true; g.node_count()],
            Some(d) => kept_for(t, model, d),
        };
        // Each actor's roles among the edges exported, for its colour.
        let mut roles: Vec<Option<Role>> = vec![None; g.node_count()];
        for e in g.edge_indices() {
            let (from, to) = g.edge_endpoints(e).expect("an edge of the graph");
            if let model::Edge::Role { role, .. } = g[e]
                && keep[from.index()]
                && keep[to.index()]
            {
                let best = &mut roles[from.index()];
                *best = Some(best.map_or(role, |b| std::cmp::min_by_key(b, role, colour_rank)));
            }
        }
        let graph = g.filter_map(
            |ix, node| {
                keep[ix.index()].then(|| {
                    let (key, label, of) = match *node {
                        model::Node::Domain(i) => {
                            let d = &t.domains()[i];
                            (
                                format!("d{i}"),
                                format!("{} {}", d.id, d.name),
                                Of::Domain(d),
                            )
                        }
                        model::Node::Objective(i) => {
                            let o = &t.objectives()[i];
                            (format!("o{i}"), o.title.clone(), Of::Objective(o))
                        }
                        model::Node::Actor(i) => {
                            let a = &t.actors()[i];
                            (format!("a{i}"), a.name.clone(), Of::Actor(a))
                        }
                    };
                    Node {
                        key,
                        label,
                        of,
                        role: roles[ix.index()],
                    }
                })
            },
            |_, edge| {
                let link = match *edge {
                    model::Edge::Role { link, .. } => t.links().get(link),
                    _ => None,
                };
                Some(Edge {
                    kind: *edge,
                    link,
                    label: edge_label(*edge, lang),
                })
            },
        );
        Export {
            territory: t,
            graph,
            lang,
            domain,
        }
    }

    /// The title of the export: the territory's name, and the domain's when restricted.
    pub fn title(&self) -> String {
        match self.domain {
            Some(d) => format!("{} · {} {}", self.territory.name, d.id, d.name),
            None => self.territory.name.clone(),
        }
    }

    /// The objectives exported, in table order.
    pub fn objectives(&self) -> impl Iterator<Item = &'a Objective> + '_ {
        self.graph.node_weights().filter_map(|n| match n.of {
            Of::Objective(o) => Some(o),
            _ => None,
        })
    }
}

/// The order in which an actor's roles give it its colour: the legend's, a lead candidacy last.
fn colour_rank(role: &Role) -> (bool, Role) {
    (*role == Role::LeadCandidate, *role)
}

/// Which nodes of the model's graph a domain's export keeps (indexed like the graph's nodes).
fn kept_for(t: &Territory, model: &model::TerritoryGraph, d: &Domain) -> Vec<bool> {
    let g = &model.graph;
    let mut keep = vec![false; g.node_count()];
    let mut scope: Vec<NodeIndex> = Vec::new();
    for (i, domain) in t.domains().iter().enumerate() {
        if domain.id == d.id {
            scope.push(model.domains[i]);
        }
    }
    for (i, o) in t.objectives().iter().enumerate() {
        if o.domain == d.id {
            scope.push(model.objectives[i]);
        }
    }
    for &n in &scope {
        keep[n.index()] = true;
    }
    // The actors in a role towards the domain or one of its objectives.
    let mut actors: Vec<NodeIndex> = Vec::new();
    for e in g.edge_indices() {
        let (from, to) = g.edge_endpoints(e).expect("an edge of the graph");
        if matches!(g[e], model::Edge::Role { .. }) && scope.contains(&to) {
            actors.push(from);
        }
    }
    // And the members of the groups among them, down to the last level.
    while let Some(a) = actors.pop() {
        if keep[a.index()] {
            continue;
        }
        keep[a.index()] = true;
        for e in g.edges_directed(a, petgraph::Direction::Incoming) {
            if matches!(e.weight(), model::Edge::MemberOf) {
                actors.push(petgraph::visit::EdgeRef::source(&e));
            }
        }
    }
    keep
}

// The words of the exports that are not the data's own: kinds of node and edge, headers.

/// What a node of the exported graph is, as a type in Kumu, Gephi and yEd.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    Domain,
    Objective,
    /// An actor that stands for others ("Les 3 EPCI").
    Group,
    Actor,
}

/// What every language says in the exports; each language implements it once
/// (`src/i18n/fr/export.rs`, `src/i18n/en/export.rs`).
pub trait ExportWords {
    /// A kind of node: "domaine", "groupe".
    fn node_kind(&self, kind: NodeKind) -> &'static str;
    /// A kind of edge: "rôle" (its `role` says which), "objectif du domaine", "domaine lié",
    /// "membre de".
    fn edge_kind(&self, edge: model::Edge) -> &'static str;
    /// The first header of the matrix CSV, over the actors' names: "Acteur".
    fn actor_column(&self) -> &'static str;
    /// The name of the matrix's sheet in a workbook: "Matrice".
    fn matrix_sheet(&self) -> &'static str;
}

/// What an edge says on a drawing: its role's word, "membre de", "domaine lié"; nothing for an
/// objective's edge to its domain (the drawing shows it).
fn edge_label(edge: model::Edge, lang: Lang) -> &'static str {
    match edge {
        model::Edge::Role { role, .. } => lang.catalog().role(role),
        model::Edge::InDomain => "",
        _ => edge_kind_word(edge, lang),
    }
}

/// The word for what a node stands for, as a type in Kumu, Gephi and yEd.
pub fn kind_word(of: Of<'_>, lang: Lang) -> &'static str {
    let kind = match of {
        Of::Domain(_) => NodeKind::Domain,
        Of::Objective(_) => NodeKind::Objective,
        Of::Actor(a) if a.is_group() => NodeKind::Group,
        Of::Actor(_) => NodeKind::Actor,
    };
    lang.catalog().node_kind(kind)
}

/// The word for what an edge stands for: "rôle" (its `role` says which), "objectif du
/// domaine", "domaine lié", "membre de".
pub fn edge_kind_word(edge: model::Edge, lang: Lang) -> &'static str {
    lang.catalog().edge_kind(edge)
}

/// How a node is painted: the role colours of the maps for actors, navy for domains, light
/// with a navy border for objectives, grey for an actor without a role here.
pub fn node_paint(node: &Node<'_>) -> Paint {
    let p = |fill, stroke, text, stroke_width| Paint {
        fill,
        stroke,
        text,
        stroke_width,
        dashed: false,
    };
    match (node.of, node.role) {
        (Of::Domain(_), _) => p(layout::NAVY, layout::NAVY, layout::WHITE, 1.5),
        (Of::Objective(_), _) => p(layout::LIGHT, layout::NAVY, layout::NAVY, 2.0),
        (Of::Actor(_), Some(role)) => layout::paint(role),
        (Of::Actor(_), None) => p(layout::LIGHT, layout::GREY, layout::DARK, 1.5),
    }
}

/// How an edge is drawn: its role's border colour (dashed for a lead candidate), grey for
/// the others.
pub fn edge_paint(edge: &Edge<'_>) -> Paint {
    match edge.kind {
        model::Edge::Role { role, .. } => {
            let p = layout::paint(role);
            Paint {
                stroke_width: 2.0,
                ..p
            }
        }
        model::Edge::InDomain | model::Edge::Related | model::Edge::MemberOf => Paint {
            fill: layout::WHITE,
            stroke: layout::GREY,
            text: layout::GREY,
            stroke_width: 1.0,
            dashed: matches!(edge.kind, model::Edge::InDomain | model::Edge::Related),
        },
    }
}

/// The type of an attribute's values, as GraphML and GEXF declare it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    Text,
    Number,
    Bool,
}

/// One value of an attribute.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    Bool(bool),
}

impl Value {
    /// The value as GraphML and GEXF write it (`1500`, `0.5`, `true`), before XML escaping.
    pub fn text(&self) -> String {
        match self {
            Value::Text(s) => s.clone(),
            Value::Number(n) => format!("{n}"),
            Value::Bool(b) => b.to_string(),
        }
    }
}

/// The attributes of nodes: name and type, in the order writers declare them.
pub const NODE_ATTRS: [(&str, Ty); 9] = [
    ("kind", Ty::Text),
    ("table_id", Ty::Text),
    ("role", Ty::Text),
    ("actor_type", Ty::Text),
    ("aliases", Ty::Text),
    ("domain", Ty::Text),
    ("target", Ty::Number),
    ("unit", Ty::Text),
    ("priority", Ty::Bool),
];

/// The attributes of edges: name and type.
pub const EDGE_ATTRS: [(&str, Ty); 4] = [
    ("kind", Ty::Text),
    ("role", Ty::Text),
    ("means", Ty::Text),
    ("note", Ty::Text),
];

/// A node's values of `NODE_ATTRS`, `None` where it has none.
pub fn node_values(node: &Node<'_>, lang: Lang) -> [Option<Value>; NODE_ATTRS.len()] {
    let text = |s: &str| Some(Value::Text(s.to_owned()));
    let mut v: [Option<Value>; NODE_ATTRS.len()] = Default::default();
    v[0] = text(kind_word(node.of, lang));
    v[2] = node.role.and_then(|r| text(lang.catalog().role(r)));
    match node.of {
        Of::Domain(d) => v[1] = text(&d.id),
        Of::Objective(o) => {
            v[1] = text(&o.id);
            v[5] = text(&o.domain);
            v[6] = o.target.map(Value::Number);
            v[7] = o.unit.as_deref().and_then(text);
            v[8] = Some(Value::Bool(o.priority));
        }
        Of::Actor(a) => {
            v[1] = text(&a.id);
            v[3] = a.kind.as_deref().and_then(text);
            if !a.aliases.is_empty() {
                v[4] = text(&a.aliases.join(" | "));
            }
        }
    }
    v
}

/// An edge's values of `EDGE_ATTRS`.
pub fn edge_values(edge: &Edge<'_>, lang: Lang) -> [Option<Value>; EDGE_ATTRS.len()] {
    let text = |s: &str| Some(Value::Text(s.to_owned()));
    let mut v: [Option<Value>; EDGE_ATTRS.len()] = Default::default();
    v[0] = text(edge_kind_word(edge.kind, lang));
    if let model::Edge::Role { role, .. } = edge.kind {
        v[1] = text(lang.catalog().role(role));
    }
    if let Some(link) = edge.link {
        v[2] = link.means.and_then(|m| text(lang.catalog().means(m)));
        v[3] = link.note.as_deref().and_then(text);
    }
    v
}

/// `#rrggbb` as red, green, blue.
pub fn rgb(color: &str) -> (u8, u8, u8) {
    let hex = color.trim_start_matches('#');
    let part = |i: usize| u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
    (part(0), part(2), part(4))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_split_into_channels() {
        assert_eq!(rgb("#f39c34"), (0xf3, 0x9c, 0x34));
        assert_eq!(rgb("#1b2a4a"), (27, 42, 74));
    }

    #[test]
    fn numbers_lose_no_digit_and_gain_no_point() {
        assert_eq!(Value::Number(1500.0).text(), "1500");
        assert_eq!(Value::Number(0.5).text(), "0.5");
    }
}
