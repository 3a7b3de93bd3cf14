//! Mermaid: a `flowchart` to paste into a Markdown document (GitLab, GitHub, Obsidian...).
//! Node ids are ours (`A12`), every label is quoted with Mermaid's entity codes for the
//! characters that would end or change it, and the role colours are classes.

use std::collections::BTreeMap;
use std::fmt::Write;

use petgraph::visit::EdgeRef;

use super::{Export, Of, edge_paint, node_paint};
use crate::model;

pub fn write(x: &Export<'_>) -> String {
    let g = &x.graph;
    let mut s = String::with_capacity(16 * 1024);
    // A comment runs to the end of its line: the title is kept on one.
    let title: String = x
        .title()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let _ = writeln!(s, "%% {title}");
    s.push_str("flowchart LR\n");
    // Nodes, and the class of each (its colours).
    let mut classes: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    for n in g.node_weights() {
        let id = id(&n.key);
        let label = label(&n.label);
        let _ = match n.of {
            Of::Domain(_) => writeln!(s, "    {id}[[\"{label}\"]]"),
            Of::Objective(_) => writeln!(s, "    {id}[\"{label}\"]"),
            Of::Actor(_) => writeln!(s, "    {id}(\"{label}\")"),
        };
        let p = node_paint(n);
        let class = match (n.of, n.role) {
            (Of::Domain(_), _) => "domain".to_owned(),
            (Of::Objective(_), _) => "objective".to_owned(),
            (Of::Actor(_), Some(role)) => role.id().replace('-', "_"),
            (Of::Actor(_), None) => "actor".to_owned(),
        };
        let mut style = format!(
            "fill:{},stroke:{},color:{},stroke-width:{}px",
            p.fill, p.stroke, p.text, p.stroke_width
        );
        if p.dashed {
            style.push_str(",stroke-dasharray:6 4");
        }
        classes
            .entry(class)
            .or_insert_with(|| (style, Vec::new()))
            .1
            .push(id);
    }
    // Edges: a role's word on its arrow; dotted to the objective's domain and related domains.
    let mut link_styles: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, e) in g.edge_references().enumerate() {
        let edge = e.weight();
        let (from, to) = (id(&g[e.source()].key), id(&g[e.target()].key));
        let arrow = match edge.kind {
            model::Edge::InDomain | model::Edge::Related => "-.->",
            model::Edge::Role { .. } | model::Edge::MemberOf => "-->",
        };
        if edge.label.is_empty() {
            let _ = writeln!(s, "    {from} {arrow} {to}");
        } else {
            let _ = writeln!(s, "    {from} {arrow}|\"{}\"| {to}", label(edge.label));
        }
        let p = edge_paint(edge);
        let mut style = format!("stroke:{},stroke-width:{}px", p.stroke, p.stroke_width);
        if p.dashed && matches!(edge.kind, model::Edge::Role { .. }) {
            style.push_str(",stroke-dasharray:6 4");
        }
        link_styles.entry(style).or_default().push(i);
    }
    for (class, (style, ids)) in &classes {
        let _ = writeln!(s, "    classDef {class} {style}");
        let _ = writeln!(s, "    class {} {class}", ids.join(","));
    }
    for (style, edges) in &link_styles {
        let list: Vec<String> = edges.iter().map(usize::to_string).collect();
        let _ = writeln!(s, "    linkStyle {} {style}", list.join(","));
    }
    s
}

/// A Mermaid node id: ours are a letter and a number (`d0`), upper-cased so that none starts
/// with the `o` or `x` Mermaid reads as an arrow's end.
fn id(key: &str) -> String {
    key.to_ascii_uppercase()
}

/// Text inside a quoted Mermaid label: the characters that would end the label, start markup
/// or an entity are written as entity codes (`#quot;`), a line break as `<br>`.
fn label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '`' => out.push_str("#96;"),
            '|' => out.push_str("#124;"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("<br>"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_cannot_end_its_quotes_or_become_markup() {
        assert_eq!(
            label("Fondation <Lys> & \"Co\" #1 `x` a|b"),
            "Fondation #lt;Lys#gt; #amp; #quot;Co#quot; #35;1 #96;x#96; a#124;b"
        );
        assert_eq!(
            label("ligne 1\r\nligne 2\nfin"),
            "ligne 1<br>ligne 2<br>fin"
        );
    }

    #[test]
    fn no_id_starts_with_an_arrow_end() {
        assert_eq!(id("o12"), "O12");
        assert_eq!(id("a3"), "A3");
    }
}
