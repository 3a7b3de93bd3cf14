//! GEXF 1.3 for Gephi: nodes and edges with their attributes (kind, role, means...), the
//! maps' colours as `viz:color`, and each edge's `kind` so Gephi keeps two roles of one actor
//! towards one objective as two edges.

use std::fmt::Write;

use petgraph::visit::EdgeRef;

use super::{
    EDGE_ATTRS, Export, NODE_ATTRS, Ty, Value, edge_paint, edge_values, node_paint, node_values,
    rgb,
};
use crate::render::svg::escape;

/// Text for an XML attribute value: escaped, with line breaks and tabs as character
/// references, since a reader turns raw ones into spaces.
fn attr(text: &str) -> String {
    escape(text)
        .replace('\n', "&#10;")
        .replace('\r', "&#13;")
        .replace('\t', "&#9;")
}

pub fn write(x: &Export<'_>) -> String {
    let mut s = String::with_capacity(64 * 1024);
    s.push_str(concat!(
        r#"<?xml version="1.0" encoding="UTF-8"?>"#,
        "\n",
        r#"<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#,
        "\n",
    ));
    let _ = writeln!(
        s,
        "  <meta>\n    <creator>actormap</creator>\n    <description>{}</description>\n  </meta>",
        escape(&x.title())
    );
    s.push_str("  <graph defaultedgetype=\"directed\" mode=\"static\">\n");
    let ty = |t: Ty| match t {
        Ty::Text => "string",
        Ty::Number => "double",
        Ty::Bool => "boolean",
    };
    for (class, attrs) in [("node", &NODE_ATTRS[..]), ("edge", &EDGE_ATTRS[..])] {
        let _ = writeln!(s, "    <attributes class=\"{class}\">");
        for (i, (name, t)) in attrs.iter().enumerate() {
            let _ = writeln!(
                s,
                "      <attribute id=\"{i}\" title=\"{name}\" type=\"{}\"/>",
                ty(*t)
            );
        }
        s.push_str("    </attributes>\n");
    }

    let g = &x.graph;
    s.push_str("    <nodes>\n");
    for n in g.node_weights() {
        let _ = writeln!(
            s,
            "      <node id=\"{}\" label=\"{}\">",
            n.key,
            attr(&n.label)
        );
        attvalues(&mut s, &node_values(n, x.lang));
        let (r, gr, b) = rgb(node_paint(n).fill);
        let _ = writeln!(s, "        <viz:color r=\"{r}\" g=\"{gr}\" b=\"{b}\"/>");
        s.push_str("      </node>\n");
    }
    s.push_str("    </nodes>\n    <edges>\n");
    for (i, e) in g.edge_references().enumerate() {
        let edge = e.weight();
        let values = edge_values(edge, x.lang);
        // The edge's kind: its role's word for a role, else what the edge is.
        let kind = values[1].as_ref().or(values[0].as_ref()).map(Value::text);
        let _ = write!(
            s,
            "      <edge id=\"{i}\" source=\"{}\" target=\"{}\"",
            g[e.source()].key,
            g[e.target()].key
        );
        if let Some(kind) = kind {
            let _ = write!(s, " kind=\"{}\"", attr(&kind));
        }
        if !edge.label.is_empty() {
            let _ = write!(s, " label=\"{}\"", attr(edge.label));
        }
        s.push_str(">\n");
        attvalues(&mut s, &values);
        let (r, gr, b) = rgb(edge_paint(edge).stroke);
        let _ = writeln!(s, "        <viz:color r=\"{r}\" g=\"{gr}\" b=\"{b}\"/>");
        s.push_str("      </edge>\n");
    }
    s.push_str("    </edges>\n  </graph>\n</gexf>\n");
    s
}

fn attvalues(s: &mut String, values: &[Option<Value>]) {
    if values.iter().all(Option::is_none) {
        return;
    }
    s.push_str("        <attvalues>\n");
    for (i, v) in values.iter().enumerate() {
        if let Some(v) = v {
            let _ = writeln!(
                s,
                "          <attvalue for=\"{i}\" value=\"{}\"/>",
                attr(&v.text())
            );
        }
    }
    s.push_str("        </attvalues>\n");
}
