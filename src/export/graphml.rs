//! GraphML for yEd and every other GraphML reader (networkx, Cytoscape, Gephi): the
//! attributes as plain GraphML `<data>`, and yEd's own `y:ShapeNode` / `y:PolyLineEdge` data
//! beside them so yEd shows the maps' role colours. Readers that do not know yEd skip it.

use std::fmt::Write;

use petgraph::visit::EdgeRef;

use super::{EDGE_ATTRS, Export, NODE_ATTRS, Ty, edge_paint, edge_values, node_paint, node_values};
use crate::render::svg::escape;

pub fn write(x: &Export<'_>) -> String {
    let mut s = String::with_capacity(64 * 1024);
    s.push_str(concat!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="no"?>"#,
        "\n",
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:y="http://www.yworks.com/xml/graphml" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">"#,
        "\n",
    ));
    let ty = |t: Ty| match t {
        Ty::Text => "string",
        Ty::Number => "double",
        Ty::Bool => "boolean",
    };
    s.push_str("  <key id=\"title\" for=\"graph\" attr.name=\"title\" attr.type=\"string\"/>\n");
    for (i, (name, t)) in NODE_ATTRS.iter().enumerate() {
        let _ = writeln!(
            s,
            r#"  <key id="n{i}" for="node" attr.name="{name}" attr.type="{}"/>"#,
            ty(*t)
        );
    }
    s.push_str("  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n");
    for (i, (name, t)) in EDGE_ATTRS.iter().enumerate() {
        let _ = writeln!(
            s,
            r#"  <key id="e{i}" for="edge" attr.name="{name}" attr.type="{}"/>"#,
            ty(*t)
        );
    }
    s.push_str("  <key id=\"ng\" for=\"node\" yfiles.type=\"nodegraphics\"/>\n");
    s.push_str("  <key id=\"eg\" for=\"edge\" yfiles.type=\"edgegraphics\"/>\n");
    s.push_str("  <graph id=\"G\" edgedefault=\"directed\">\n");
    let _ = writeln!(s, "    <data key=\"title\">{}</data>", escape(&x.title()));

    let g = &x.graph;
    for n in g.node_weights() {
        let _ = writeln!(s, "    <node id=\"{}\">", n.key);
        for (i, v) in node_values(n, x.lang).iter().enumerate() {
            if let Some(v) = v {
                let _ = writeln!(s, "      <data key=\"n{i}\">{}</data>", escape(&v.text()));
            }
        }
        let _ = writeln!(s, "      <data key=\"label\">{}</data>", escape(&n.label));
        let p = node_paint(n);
        let (w, h) = size(&n.label);
        let _ = writeln!(
            s,
            concat!(
                "      <data key=\"ng\"><y:ShapeNode>",
                r#"<y:Geometry height="{h}" width="{w}" x="0" y="0"/>"#,
                r#"<y:Fill color="{fill}" transparent="false"/>"#,
                r#"<y:BorderStyle color="{stroke}" type="{line}" width="{sw:.1}"/>"#,
                r#"<y:NodeLabel alignment="center" autoSizePolicy="content" fontFamily="Dialog" fontSize="12" fontStyle="{font}" modelName="internal" modelPosition="c" textColor="{text}" visible="true">{label}</y:NodeLabel>"#,
                r#"<y:Shape type="{shape}"/>"#,
                "</y:ShapeNode></data>"
            ),
            h = h,
            w = w,
            fill = yed_color(p.fill),
            stroke = yed_color(p.stroke),
            line = if p.dashed { "dashed" } else { "line" },
            sw = p.stroke_width,
            font = if p.stroke_width >= 2.0 {
                "bold"
            } else {
                "plain"
            },
            text = yed_color(p.text),
            label = escape(&n.label),
            shape = match n.of {
                super::Of::Actor(_) => "roundrectangle",
                _ => "rectangle",
            },
        );
        s.push_str("    </node>\n");
    }
    for (i, e) in g.edge_references().enumerate() {
        let _ = writeln!(
            s,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">",
            g[e.source()].key,
            g[e.target()].key
        );
        let edge = e.weight();
        for (j, v) in edge_values(edge, x.lang).iter().enumerate() {
            if let Some(v) = v {
                let _ = writeln!(s, "      <data key=\"e{j}\">{}</data>", escape(&v.text()));
            }
        }
        let p = edge_paint(edge);
        let label = if edge.label.is_empty() {
            String::new()
        } else {
            format!(
                r#"<y:EdgeLabel fontFamily="Dialog" fontSize="11" textColor="{}" visible="true">{}</y:EdgeLabel>"#,
                yed_color(p.stroke),
                escape(edge.label)
            )
        };
        let _ = writeln!(
            s,
            concat!(
                "      <data key=\"eg\"><y:PolyLineEdge>",
                r#"<y:LineStyle color="{stroke}" type="{line}" width="{sw:.1}"/>"#,
                r#"<y:Arrows source="none" target="standard"/>{label}"#,
                "</y:PolyLineEdge></data>"
            ),
            stroke = yed_color(p.stroke),
            line = if p.dashed { "dashed" } else { "line" },
            sw = p.stroke_width,
            label = label,
        );
        s.push_str("    </edge>\n");
    }
    s.push_str("  </graph>\n</graphml>\n");
    s
}

/// A node's size in yEd: wide enough for its longest line at 12 px, 30 px per line.
fn size(label: &str) -> (u32, u32) {
    let lines = label.lines().count().max(1) as u32;
    let longest = label.lines().map(|l| l.chars().count()).max().unwrap_or(0) as u32;
    ((longest * 7 + 24).max(80), lines * 18 + 12)
}

/// yEd writes colours as `#RRGGBB`.
fn yed_color(c: &str) -> String {
    c.to_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_node_fits_its_longest_line() {
        assert_eq!(size("ADEME"), (80, 30));
        assert_eq!(size("a\nbbbbbbbbbbbbbbbbbbbb"), (164, 48));
    }
}
