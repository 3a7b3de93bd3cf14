//! What the rules ask of a territory, computed once per run: who holds which role towards each
//! objective (domain-wide links included), and each actor's groups. Also the group semantics:
//! a group actor ("Les 3 EPCI") stands for its members, and a member holds, through its groups,
//! the roles its groups hold. Groups may nest.

use std::collections::HashMap;

use crate::model::{Actor, Link, Objective, Role, Scope, Territory};

pub struct Facts<'t> {
    territory: &'t Territory,
    actor_ix: HashMap<&'t str, usize>,
    objective_ix: HashMap<&'t str, usize>,
    /// Per objective: (role, actor, link) for each link that applies to it, in link order.
    roles: Vec<Vec<(Role, usize, usize)>>,
    /// Per actor: the groups that contain it, directly or not, in file order.
    groups: Vec<Vec<usize>>,
    /// Per actor: named by at least one link.
    linked: Vec<bool>,
}

impl<'t> Facts<'t> {
    pub fn new(territory: &'t Territory) -> Self {
        let actor_ix: HashMap<&str, usize> = territory
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let objective_ix: HashMap<&str, usize> = territory
            .objectives
            .iter()
            .enumerate()
            .map(|(i, o)| (o.id.as_str(), i))
            .collect();
        let mut by_domain: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, o) in territory.objectives.iter().enumerate() {
            by_domain.entry(o.domain.as_str()).or_default().push(i);
        }
        let mut roles = vec![Vec::new(); territory.objectives.len()];
        let mut linked = vec![false; territory.actors.len()];
        for (l, link) in territory.links.iter().enumerate() {
            let Some(&a) = actor_ix.get(link.actor.as_str()) else {
                continue;
            };
            linked[a] = true;
            let targets: &[usize] = match &link.scope {
                Scope::Objective(id) => match objective_ix.get(id.as_str()) {
                    Some(o) => std::slice::from_ref(o),
                    None => &[],
                },
                Scope::Domain(id) => by_domain.get(id.as_str()).map_or(&[], Vec::as_slice),
            };
            for &o in targets {
                roles[o].push((link.role, a, l));
            }
        }
        let mut parents = vec![Vec::new(); territory.actors.len()];
        for (g, group) in territory.actors.iter().enumerate() {
            for member in &group.members {
                if let Some(&m) = actor_ix.get(member.as_str()) {
                    parents[m].push(g);
                }
            }
        }
        let groups = (0..territory.actors.len())
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
        Facts {
            territory,
            actor_ix,
            objective_ix,
            roles,
            groups,
            linked,
        }
    }

    fn links_of(&self, objective: &Objective) -> &[(Role, usize, usize)] {
        self.objective_ix
            .get(objective.id.as_str())
            .map_or(&[], |&o| self.roles[o].as_slice())
    }

    /// The actors holding `role` towards an objective, each once, in link order; a group
    /// counts as itself (same answer as `Territory::actors_in_role`, without its scans).
    pub fn in_role(&self, objective: &Objective, role: Role) -> Vec<&'t Actor> {
        self.holders(objective, role)
            .into_iter()
            .map(|(actor, _)| actor)
            .collect()
    }

    /// The actors holding `role` towards an objective, each once, in link order, with the
    /// first link that gives it to them (the objective's own or its domain's).
    pub fn holders(&self, objective: &Objective, role: Role) -> Vec<(&'t Actor, &'t Link)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        for &(r, a, l) in self.links_of(objective) {
            if r == role && !out.iter().any(|&(seen, _)| seen == a) {
                out.push((a, l));
            }
        }
        out.into_iter()
            .map(|(a, l)| (&self.territory.actors[a], &self.territory.links[l]))
            .collect()
    }

    /// True when `member` belongs to `group`, directly or through other groups.
    pub fn is_member_of(&self, member: &str, group: &str) -> bool {
        match (self.actor_ix.get(member), self.actor_ix.get(group)) {
            (Some(&m), Some(&g)) => self.groups[m].contains(&g),
            _ => false,
        }
    }

    /// True when at least one actor is linked to the objective, in any role.
    pub fn is_mapped(&self, objective: &Objective) -> bool {
        !self.links_of(objective).is_empty()
    }

    /// True when a link names the actor itself.
    pub fn is_linked(&self, actor: &str) -> bool {
        self.actor_ix.get(actor).is_some_and(|&a| self.linked[a])
    }

    /// Every group `actor` belongs to, directly or through other groups, each once, in file order.
    pub fn groups_containing(&self, actor: &str) -> Vec<&'t Actor> {
        self.actor_ix.get(actor).map_or(Vec::new(), |&a| {
            self.groups[a]
                .iter()
                .map(|&g| &self.territory.actors[g])
                .collect()
        })
    }

    /// True when `a` is a member of `b`, or `b` of `a`, directly or through other groups.
    pub fn nested(&self, a: &str, b: &str) -> bool {
        match (self.actor_ix.get(a), self.actor_ix.get(b)) {
            (Some(&a), Some(&b)) => self.groups[a].contains(&b) || self.groups[b].contains(&a),
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
                let members = actor
                    .members
                    .iter()
                    .filter_map(|m| self.actor_ix.get(m.as_str()))
                    .map(|&m| &self.territory.actors[m]);
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
    fn roles_agree_with_the_model() {
        let t = territory(NESTED);
        let facts = Facts::new(&t);
        for o in &t.objectives {
            for role in Role::ALL {
                let ours: Vec<&str> = facts
                    .in_role(o, role)
                    .iter()
                    .map(|a| a.id.as_str())
                    .collect();
                let model: Vec<&str> = t
                    .actors_in_role(o, role)
                    .iter()
                    .map(|a| a.id.as_str())
                    .collect();
                assert_eq!(ours, model, "{} {role}", o.id);
            }
        }
        assert!(facts.is_linked("c") && !facts.is_linked("ab"));
    }
}
