//! The exports in English: what the graph's nodes and edges are (yEd, Gephi, Kumu), the
//! matrix CSV's header.

use super::English;
use crate::export::{ExportWords, NodeKind};
use crate::model::Edge;

impl ExportWords for English {
    fn node_kind(&self, kind: NodeKind) -> &'static str {
        match kind {
            NodeKind::Domain => "domain",
            NodeKind::Objective => "objective",
            NodeKind::Group => "group",
            NodeKind::Actor => "actor",
        }
    }

    fn edge_kind(&self, edge: Edge) -> &'static str {
        match edge {
            Edge::Role { .. } => "role",
            Edge::InDomain => "objective of",
            Edge::Related => "related domain",
            Edge::MemberOf => "member of",
        }
    }

    fn matrix_sheet(&self) -> &'static str {
        "Matrix"
    }

    fn actor_column(&self) -> &'static str {
        "Actor"
    }
}
