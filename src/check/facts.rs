//! What the rules ask of a territory beyond the model's own lookups, computed once per run:
//! each actor's groups, nested or not, whether a link, an action, a body or the perimeter
//! names it, and whether it sits on a body. Also the group semantics: a group actor ("Les 3
//! EPCI") stands for its members, and a member holds, through its groups, the roles its groups
//! hold. Groups may nest.

use petgraph::Direction;
use petgraph::visit::EdgeRef;

use crate::model::{Actor, Edge, Link, Node, Objective, Role, Territory};

pub struct Facts<'t> {
    territory: &'t Territory,
    /// Per actor: the groups that contain it, directly or not, in file order.
    groups: Vec<Vec<usize>>,
    /// Per actor: named by an action (bearer or perimeter), a body (chair or member) or the
    /// territory's perimeter.
    named_elsewhere: Vec<bool>,
}

impl<'t> Facts<'t> {
    pub fn new(territory: &'t Territory) -> Self {
        // The groups an actor belongs to directly: the member-of edges in the graph, read
        // from the groups' side. An actor's incoming edges are member-of edges only (few),
        // its outgoing ones also every link it has: reading those of 50,000 actors jumped
        // through half a million edges.
        let g = territory.graph();
        let mut parents: Vec<Vec<usize>> = vec![Vec::new(); g.actors.len()];
        for (group, &node) in g.actors.iter().enumerate() {
            let members = g.graph.edges_directed(node, Direction::Incoming);
            for e in members.filter(|e| *e.weight() == Edge::MemberOf) {
                if let Node::Actor(member) = g.graph[e.source()] {
                    parents[member].push(group);
                }
            }
        }
        let groups = (0..territory.actors().len())
            .map(|a| {
                let mut found: Vec<usize> = Vec::new();
                let mut todo = parents[a].clone();
                while let Some(g) = todo.pop() {
                    if g != a && !found.contains(&g) {
                        found.push(g);
                        todo.extend(&parents[g]);
                    }
                }
                found.sort_unstable();
                found
            })
            .collect();
        let mut named_elsewhere = vec![false; territory.actors().len()];
        let actions = territory.actions().iter();
        let in_actions = actions.flat_map(|a| a.bearers.iter().chain(&a.perimeter));
        let in_bodies = territory.bodies().iter().flat_map(|b| b.seats());
        let named = in_actions
            .map(String::as_str)
            .chain(in_bodies)
            .chain(territory.perimeter().iter().map(String::as_str));
        for id in named {
            if let Some(a) = territory.actor_position(id) {
                named_elsewhere[a] = true;
            }
        }
        Facts {
            territory,
            groups,
            named_elsewhere,
        }
    }

    /// True when something names the actor itself: a link, an action (as a bearer or in its
    /// perimeter), a body (as its chair or a member), or the territory's perimeter.
    pub fn is_used(&self, actor: &str) -> bool {
        self.territory
            .actor_position(actor)
            .is_some_and(|a| self.named_elsewhere[a] || self.territory.is_linked(actor))
    }

    /// True when an actor sits on a body (as its chair or a member): itself, through a group
    /// it belongs to, or, for a group, when each of its members does (itself or through
    /// another group).
    pub fn sits_on_a_body(&self, actor: &str) -> bool {
        let t = self.territory;
        let Some(a) = t.actor_position(actor) else {
            return false;
        };
        let seated = |a: usize| !t.bodies_of(&t.actors()[a].id).is_empty();
        let through_groups = |a: usize| seated(a) || self.groups[a].iter().any(|&g| seated(g));
        if through_groups(a) {
            return true;
        }
        let group = &t.actors()[a];
        group.is_group()
            && t.members_of([group.id.as_str()])
                .iter()
                .all(|m| t.actor_position(&m.id).is_some_and(through_groups))
    }

    /// The actors holding `role` towards an objective, each once, in link order; a group
    /// counts as itself.
    pub fn in_role(&self, objective: &Objective, role: Role) -> Vec<&'t Actor> {
        self.territory.actors_in_role(objective, role)
    }

    /// The actors holding `role` towards an objective, each once, in link order, with the
    /// first link that gives it to them (the objective's own or its domain's).
    pub fn holders(&self, objective: &Objective, role: Role) -> Vec<(&'t Actor, &'t Link)> {
        self.territory.holders(objective, role)
    }

    /// True when `member` belongs to `group`, directly or through other groups.
    pub fn is_member_of(&self, member: &str, group: &str) -> bool {
        let position = |id| self.territory.actor_position(id);
        match (position(member), position(group)) {
            (Some(m), Some(g)) => self.groups[m].binary_search(&g).is_ok(),
            _ => false,
        }
    }

    /// True when at least one actor is linked to the objective, in any role.
    pub fn is_mapped(&self, objective: &Objective) -> bool {
        self.territory.involvements(objective).next().is_some()
    }

    /// True when a link names the actor itself.
    pub fn is_linked(&self, actor: &str) -> bool {
        self.territory.is_linked(actor)
    }

    /// Every group `actor` belongs to, directly or through other groups, each once, in file order.
    pub fn groups_containing(&self, actor: &str) -> Vec<&'t Actor> {
        self.territory
            .actor_position(actor)
            .map_or(Vec::new(), |a| {
                self.groups[a]
                    .iter()
                    .map(|&g| &self.territory.actors()[g])
                    .collect()
            })
    }

    /// True when `a` is a member of `b`, or `b` of `a`, directly or through other groups.
    pub fn nested(&self, a: &str, b: &str) -> bool {
        let position = |id| self.territory.actor_position(id);
        match (position(a), position(b)) {
            (Some(a), Some(b)) => {
                self.groups[a].binary_search(&b).is_ok() || self.groups[b].binary_search(&a).is_ok()
            }
            _ => false,
        }
    }

    /// The bodies behind some actors: each group replaced by its members (recursively), each
    /// body once, in the order met.
    pub fn bodies(&self, actors: &[&'t Actor]) -> Vec<&'t Actor> {
        let mut out: Vec<&Actor> = Vec::new();
        let mut seen_groups: Vec<&str> = Vec::new();
        let mut todo: Vec<&Actor> = actors.iter().rev().copied().collect();
        while let Some(actor) = todo.pop() {
            if actor.is_group() {
                if seen_groups.contains(&actor.id.as_str()) {
                    continue;
                }
                seen_groups.push(&actor.id);
                let members = actor.members.iter().filter_map(|m| self.territory.actor(m));
                todo.extend(members.rev());
            } else if !out.iter().any(|a| a.id == actor.id) {
                out.push(actor);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::territory;

    const NESTED: &str = r#"{
        "domains": [{"id": "D1", "name": "Tout"}],
        "objectives": [{"id": "o", "domain": "D1", "title": "O"}, {"id": "p", "domain": "D1", "title": "P"}],
        "actors": [
            {"id": "a", "name": "A"},
            {"id": "b", "name": "B"},
            {"id": "ab", "name": "A and B", "members": ["A", "B"]},
            {"id": "all", "name": "All", "members": ["A and B", "C"]},
            {"id": "c", "name": "C"}
        ],
        "links": [
            {"actor": "C", "objective": "o", "role": "financeur"},
            {"actor": "A", "objective": "D1", "role": "financeur"},
            {"actor": "C", "objective": "o", "role": "financeur"},
            {"actor": "B", "objective": "p", "role": "cible"}
        ]
    }"#;

    #[test]
    fn groups_are_found_through_nesting() {
        let t = territory(NESTED);
        let facts = Facts::new(&t);
        let ids: Vec<&str> = facts
            .groups_containing("a")
            .iter()
            .map(|g| g.id.as_str())
            .collect();
        assert_eq!(ids, ["ab", "all"]);
        assert!(facts.groups_containing("all").is_empty());
        assert!(facts.nested("all", "b"));
        assert!(!facts.nested("a", "b"));
    }

    #[test]
    fn bodies_expand_groups_once() {
        let t = territory(NESTED);
        let facts = Facts::new(&t);
        let all = t.actor("all").unwrap();
        let a = t.actor("a").unwrap();
        let ids: Vec<&str> = facts
            .bodies(&[a, all])
            .iter()
            .map(|g| g.id.as_str())
            .collect();
        assert_eq!(ids, ["a", "b", "c"]);
    }

    #[test]
    fn domain_wide_links_count_and_only_links_make_an_actor_linked() {
        let t = territory(NESTED);
        let facts = Facts::new(&t);
        let funders = |o: &str| -> Vec<String> {
            let o = t.objective(o).unwrap();
            facts
                .in_role(o, Role::Funder)
                .iter()
                .map(|a| a.id.clone())
                .collect()
        };
        // "C" twice on o, then "A" on all of D1: each once, in link order.
        assert_eq!(funders("o"), ["c", "a"]);
        assert_eq!(funders("p"), ["a"]);
        assert!(facts.is_mapped(t.objective("p").unwrap()));
        assert!(facts.is_linked("c") && facts.is_linked("a"));
        assert!(
            !facts.is_linked("ab") && !facts.is_linked("all"),
            "groups of linked actors"
        );
    }
}
