//! The links between domains (the "Liens DC 3, DC 4..." of the deck's zoom pages): each
//! domain that names a link or is named by one as a box (its id and its name), each link as
//! an edge: drawn once, solid with a head at both ends, when both domains name each other;
//! dashed with one head when only one does. Placed by layout-rs (`graph`), on one slide.

use super::frame::{Frame, GREY, INK, MARGIN, NAVY, Page, Paint, RULE, TEXT, WHITE};
use super::graph::{self, Edge, Failure, Node, PAD};
use super::scene::{Item, Rect, Scene, Stroke, Weight};
use super::words::Label;
use super::{Options, finish, group, stack, text};
use crate::model::{Domain, Territory};

/// The boxes' widths tried, widest first: the first at which the graph fits the slide
/// without shrinking is kept (a wide layer needs narrow boxes).
const WIDTHS: [f64; 5] = [400.0, 340.0, 290.0, 250.0, 220.0];
/// The most lines of a domain's name.
const NAME_LINES: usize = 4;
/// The legend's height under the graph.
const LEGEND: f64 = 44.0;

/// The links between domains, as pairs of places in `t.domains()`, each pair once, in file
/// order: (from, to, both ways). A link to itself or to no domain is left out.
pub fn pairs(t: &Territory) -> Vec<(usize, usize, bool)> {
    let domains = t.domains();
    let place = |id: &str| domains.iter().position(|d| d.id == id);
    let names = |a: &Domain, b: &str| a.related.iter().any(|r| r == b);
    let mut out: Vec<(usize, usize, bool)> = Vec::new();
    for (i, d) in domains.iter().enumerate() {
        for r in &d.related {
            let Some(j) = place(r) else { continue };
            if j == i
                || out
                    .iter()
                    .any(|&(a, b, _)| (a, b) == (j, i) || (a, b) == (i, j))
            {
                continue;
            }
            out.push((i, j, names(&domains[j], &d.id)));
        }
    }
    out
}

/// The links graph, on one slide; no slide when no domain names another. A failure of
/// layout-rs is said, never a crash.
pub fn layout(t: &Territory, opts: &Options) -> Result<Vec<Scene>, Failure> {
    let pairs = pairs(t);
    if pairs.is_empty() {
        return Ok(Vec::new());
    }
    let (lang, words) = (opts.lang, opts.lang.catalog());
    let k = opts.size.scale();
    let (w, h) = (opts.size.width / k, opts.size.height / k);
    let title = Page::ONLY.title(&words.links_title(&t.name), lang);
    let mut frame = Frame::new(w, h);
    let top = frame.titled(&title);
    let bottom = frame.bottom() - LEGEND;
    let area = Rect {
        x: MARGIN,
        y: top,
        w: w - 2.0 * MARGIN,
        h: bottom - top,
        radius: 0.0,
        fill: None,
        stroke: None,
        class: String::new(),
    };
    // The domains linked, in file order, and the pairs by their places among them.
    let mut shown: Vec<usize> = pairs.iter().flat_map(|&(a, b, _)| [a, b]).collect();
    shown.sort_unstable();
    shown.dedup();
    let at = |i: usize| shown.iter().position(|&s| s == i).unwrap_or(0);
    let edges: Vec<Edge> = pairs
        .iter()
        .map(|&(a, b, both)| Edge {
            from: at(a),
            to: at(b),
            heads: (both, true),
            dashed: !both,
        })
        .collect();
    let domains = t.domains();
    let mut drawn = Vec::new();
    for width in WIDTHS {
        let nodes: Vec<Node> = shown.iter().map(|&i| node(&domains[i], width)).collect();
        let d = graph::draw(&area, &nodes, &edges, "domain")?;
        drawn = d.items;
        if d.scale >= 1.0 {
            break;
        }
    }
    frame.items.extend(drawn);
    legend(&mut frame, bottom + 14.0, &pairs, words);
    frame.footer(t);
    Ok(vec![finish(frame.scene(title), k)])
}

fn node(d: &Domain, width: f64) -> Node {
    let inner = width - 2.0 * PAD;
    let name = text::wrap(&d.name, inner, TEXT, Weight::Regular, NAME_LINES).lines;
    let id = text::wrap(&d.id, inner, TEXT, Weight::Bold, 1).lines;
    Node {
        id: d.id.clone(),
        width,
        blocks: vec![
            (id, (TEXT, Weight::Bold, NAVY)),
            (name, (TEXT, Weight::Regular, INK)),
        ],
        paint: Paint {
            fill: WHITE,
            stroke: RULE,
            text: INK,
            stroke_width: 2.0,
            dashed: false,
        },
    }
}

/// The kinds of edge drawn, side by side: a short line and what it means.
fn legend(
    frame: &mut Frame,
    y: f64,
    pairs: &[(usize, usize, bool)],
    words: &dyn crate::i18n::Catalog,
) {
    let mut x = MARGIN;
    let mut items = Vec::new();
    for (both, label, stroke) in [
        (true, Label::TwoWayLink, Stroke::solid(NAVY, 2.5)),
        (
            false,
            Label::OneWayLink,
            Stroke::dashed(GREY, 2.5, 10.0, 7.0),
        ),
    ] {
        if !pairs.iter().any(|p| p.2 == both) {
            continue;
        }
        let mid = y + text::line_height(TEXT) / 2.0;
        items.push(Item::Line(super::scene::Line {
            points: vec![(x, mid), (x + 56.0, mid)],
            stroke,
            arrow: true,
            class: "swatch".into(),
        }));
        let said = words.map_label(label);
        let (texts, _) = stack(
            x + 72.0,
            y,
            &[said.to_owned()],
            (TEXT, Weight::Regular, INK),
        );
        items.extend(texts);
        x += 72.0 + text::width(said, TEXT, Weight::Regular) + 48.0;
    }
    frame.items.push(group("legend", "", items));
}
