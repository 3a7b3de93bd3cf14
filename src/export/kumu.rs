//! Kumu's JSON import ("blueprint"): `elements` with an `id` (two bodies may share a name),
//! `label`, `type`, `description` and `tags`; `connections` with `from` and `to` (the
//! elements' ids), `type` (the role's word) and `direction`. The other attributes of the
//! exports ride along as Kumu fields. serde_json escapes every string.

use petgraph::visit::EdgeRef;
use serde::Serialize;

use super::{EDGE_ATTRS, Export, NODE_ATTRS, Of, Value, edge_values, kind_word, node_values};
use crate::model;

#[derive(Serialize)]
struct Blueprint<'a> {
    elements: Vec<Element<'a>>,
    connections: Vec<Connection<'a>>,
}

#[derive(Serialize)]
struct Element<'a> {
    id: &'a str,
    label: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tags: Vec<&'static str>,
    #[serde(flatten)]
    fields: serde_json::Map<String, serde_json::Value>,
}

#[derive(Serialize)]
struct Connection<'a> {
    id: String,
    from: &'a str,
    to: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    direction: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(flatten)]
    fields: serde_json::Map<String, serde_json::Value>,
}

pub fn write(x: &Export<'_>) -> String {
    let g = &x.graph;
    let elements = g
        .node_indices()
        .map(|ix| {
            let n = &g[ix];
            // An actor's tags are the roles it holds here, in the legend's order.
            let mut roles: Vec<model::Role> = g
                .edges(ix)
                .filter_map(|e| match e.weight().kind {
                    model::Edge::Role { role, .. } => Some(role),
                    _ => None,
                })
                .collect();
            roles.sort();
            roles.dedup();
            Element {
                id: &n.key,
                label: &n.label,
                kind: kind_word(n.of, x.lang),
                description: match n.of {
                    Of::Domain(d) => d.headline.as_deref(),
                    _ => None,
                },
                tags: roles.iter().map(|r| x.lang.catalog().role(*r)).collect(),
                // `kind` is Kumu's `type`.
                fields: fields(&NODE_ATTRS[1..], &node_values(n, x.lang)[1..]),
            }
        })
        .collect();
    let connections = g
        .edge_references()
        .enumerate()
        .map(|(i, e)| {
            let edge = e.weight();
            let values = edge_values(edge, x.lang);
            Connection {
                id: format!("c{i}"),
                from: &g[e.source()].key,
                to: &g[e.target()].key,
                kind: match edge.kind {
                    model::Edge::Role { role, .. } => x.lang.catalog().role(role),
                    other => super::edge_kind_word(other, x.lang),
                },
                direction: "directed",
                description: edge.link.and_then(|l| l.note.as_deref()),
                // `kind` and `role` are Kumu's `type`, `note` its `description`.
                fields: fields(&EDGE_ATTRS[2..3], &values[2..3]),
            }
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&Blueprint {
        elements,
        connections,
    })
    .expect("a blueprint is plain strings, numbers and booleans");
    s.push('\n');
    s
}

/// The attributes that have a value, as Kumu fields.
fn fields(
    attrs: &[(&str, super::Ty)],
    values: &[Option<Value>],
) -> serde_json::Map<String, serde_json::Value> {
    attrs
        .iter()
        .zip(values)
        .filter_map(|((name, _), v)| {
            let v = match v.as_ref()? {
                Value::Text(s) => serde_json::Value::from(s.as_str()),
                Value::Number(n) => serde_json::Value::from(*n),
                Value::Bool(b) => serde_json::Value::from(*b),
            };
            Some(((*name).to_owned(), v))
        })
        .collect()
}
