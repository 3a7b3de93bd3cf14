//! Graphviz DOT: petgraph writes the nodes and edges, we write the graph's header and each
//! element's label, colours and tooltip, escaped here (petgraph inserts attribute strings as
//! they are).

use std::fmt::Write;

use petgraph::dot::{Config, Dot};

use super::{Export, edge_paint, node_paint};

pub fn write(x: &Export<'_>) -> String {
    let g = &x.graph;
    let edge_attrs = |_, e: petgraph::graph::EdgeReference<'_, super::Edge<'_>>| {
        let edge = e.weight();
        let p = edge_paint(edge);
        let mut a = format!(
            "label={} color={} fontcolor={} penwidth={:.1}",
            quote(edge.label),
            quote(p.stroke),
            quote(p.stroke),
            p.stroke_width
        );
        if p.dashed {
            a.push_str(" style=dashed");
        }
        if let Some(note) = edge.link.and_then(|l| l.note.as_deref()) {
            let _ = write!(a, " tooltip={}", quote(note));
        }
        a
    };
    let node_attrs = |_, (_, n): (petgraph::graph::NodeIndex, &super::Node<'_>)| {
        let p = node_paint(n);
        let mut style = String::from("filled");
        if matches!(n.of, super::Of::Actor(_)) {
            style.push_str(",rounded");
        }
        if p.dashed {
            style.push_str(",dashed");
        }
        format!(
            "id={} label={} style={} fillcolor={} color={} fontcolor={} penwidth={:.1}",
            quote(&n.key),
            quote(&n.label),
            quote(&style),
            quote(p.fill),
            quote(p.stroke),
            quote(p.text),
            p.stroke_width
        )
    };
    let body = Dot::with_attr_getters(
        g,
        &[
            Config::GraphContentOnly,
            Config::NodeNoLabel,
            Config::EdgeNoLabel,
        ],
        &edge_attrs,
        &node_attrs,
    );
    let title = quote(&x.title());
    let mut s = String::with_capacity(32 * 1024);
    let _ = writeln!(s, "digraph {title} {{");
    let _ = writeln!(
        s,
        "    graph [rankdir=\"LR\" label={title} labelloc=\"t\" fontname=\"Noto Sans\"]"
    );
    s.push_str("    node [shape=\"box\" fontname=\"Noto Sans\"]\n");
    s.push_str("    edge [fontname=\"Noto Sans\" fontsize=\"10\"]\n");
    let _ = write!(s, "{body}");
    s.push_str("}\n");
    s
}

/// A DOT quoted string: `"` and `\` escaped, line breaks as `\n` (centred lines), other
/// control characters as spaces.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            // Other control characters would reach Graphviz's SVG, where XML forbids them.
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_backslashes_cannot_end_a_string() {
        assert_eq!(
            quote(r#"Fondation "Lys" \ Co"#),
            r#""Fondation \"Lys\" \\ Co""#
        );
        assert_eq!(quote("a\r\nb\rc"), r#""a\nb\nc""#);
        assert_eq!(quote("a\u{1b}[2Jb\tc"), "\"a [2Jb c\"");
    }
}
