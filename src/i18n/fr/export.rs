//! Les exports en français : ce que sont les nœuds et les liens du graphe (yEd, Gephi, Kumu),
//! l'en-tête de la matrice CSV.

use super::French;
use crate::export::{ExportWords, NodeKind};
use crate::model::Edge;

impl ExportWords for French {
    fn node_kind(&self, kind: NodeKind) -> &'static str {
        match kind {
            NodeKind::Domain => "domaine",
            NodeKind::Objective => "objectif",
            NodeKind::Group => "groupe",
            NodeKind::Actor => "acteur",
        }
    }

    fn edge_kind(&self, edge: Edge) -> &'static str {
        match edge {
            Edge::Role { .. } => "rôle",
            Edge::InDomain => "objectif du domaine",
            Edge::Related => "domaine lié",
            Edge::MemberOf => "membre de",
        }
    }

    fn matrix_sheet(&self) -> &'static str {
        "Matrice"
    }

    fn actor_column(&self) -> &'static str {
        "Acteur"
    }
}
