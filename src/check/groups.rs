//! Group semantics shared by the rules: a group actor ("Les 3 EPCI") stands for its members,
//! and a member holds, through its groups, the roles its groups hold. Groups may nest.

use crate::model::{Actor, Territory};

/// Every group `actor` belongs to, directly or through other groups, each once, in file order.
pub fn groups_containing<'a>(territory: &'a Territory, actor: &str) -> Vec<&'a Actor> {
    let mut found: Vec<&Actor> = Vec::new();
    let mut todo = vec![actor.to_owned()];
    while let Some(id) = todo.pop() {
        let direct = territory.actors.iter().filter(|g| g.members.contains(&id));
        for group in direct {
            if group.id != actor && !found.iter().any(|g| g.id == group.id) {
                found.push(group);
                todo.push(group.id.clone());
            }
        }
    }
    found.sort_by_key(|g| territory.actors.iter().position(|a| a.id == g.id));
    found
}

/// The bodies behind some actors: each group replaced by its members (recursively), each
/// body once, in the order met.
pub fn bodies<'a>(territory: &'a Territory, actors: &[&'a Actor]) -> Vec<&'a Actor> {
    let mut out: Vec<&Actor> = Vec::new();
    let mut seen_groups: Vec<&str> = Vec::new();
    fn walk<'a>(
        t: &'a Territory,
        actor: &'a Actor,
        out: &mut Vec<&'a Actor>,
        seen_groups: &mut Vec<&'a str>,
    ) {
        if actor.is_group() {
            if seen_groups.contains(&actor.id.as_str()) {
                return;
            }
            seen_groups.push(&actor.id);
            for member in &actor.members {
                if let Some(m) = t.actor(member) {
                    walk(t, m, out, seen_groups);
                }
            }
        } else if !out.iter().any(|a| a.id == actor.id) {
            out.push(actor);
        }
    }
    for actor in actors {
        walk(territory, actor, &mut out, &mut seen_groups);
    }
    out
}

/// True when `a` is a member of `b`, or `b` of `a`, directly or through other groups.
pub fn nested(territory: &Territory, a: &str, b: &str) -> bool {
    groups_containing(territory, a).iter().any(|g| g.id == b)
        || groups_containing(territory, b).iter().any(|g| g.id == a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::territory;

    const NESTED: &str = r#"{
        "actors": [
            {"id": "a", "name": "A"},
            {"id": "b", "name": "B"},
            {"id": "ab", "name": "A and B", "members": ["A", "B"]},
            {"id": "all", "name": "All", "members": ["A and B", "C"]},
            {"id": "c", "name": "C"}
        ]
    }"#;

    #[test]
    fn groups_are_found_through_nesting() {
        let t = territory(NESTED);
        let ids: Vec<&str> = groups_containing(&t, "a")
            .iter()
            .map(|g| g.id.as_str())
            .collect();
        assert_eq!(ids, ["ab", "all"]);
        assert!(groups_containing(&t, "all").is_empty());
        assert!(nested(&t, "all", "b"));
        assert!(!nested(&t, "a", "b"));
    }

    #[test]
    fn bodies_expand_groups_once() {
        let t = territory(NESTED);
        let all = t.actor("all").unwrap();
        let a = t.actor("a").unwrap();
        let ids: Vec<&str> = bodies(&t, &[a, all])
            .iter()
            .map(|g| g.id.as_str())
            .collect();
        assert_eq!(ids, ["a", "b", "c"]);
    }
}
