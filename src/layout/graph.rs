//! Small layered graphs (the governance chart, the links between domains) placed by
//! layout-rs: we give it boxes of our sizes and edges, its render backend hands back where
//! each box went and each edge's cubic path; the pictures draw those through the Scene.
//! Guarded: never called on an empty graph (it panics there), a panic inside it is caught
//! and said as an error, and the same graph always gives the same numbers.

use std::panic::{AssertUnwindSafe, catch_unwind};

use layout::core::base::Orientation;
use layout::core::format::{ClipHandle, RenderBackend};
use layout::core::geometry::{Point, Position};
use layout::core::style::StyleAttr;
use layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;

use super::frame::{GREY, NAVY, Paint};
use super::scene::{Curve, Item, Rect, Stroke};
use super::{Font, group, rect_item, stack, text};

/// The room layout-rs keeps around each box, on every side: at 45 px an edge to a box of the
/// next layer clears the boxes beside it for up to four boxes side by side (the tests hold
/// it to that); past five, an edge to a far box may pass behind its neighbour.
const HALO: f64 = 45.0;

/// An edge between two boxes, by their places in the list of sizes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    /// Heads at its start and at its end.
    pub heads: (bool, bool),
    pub dashed: bool,
}

/// A box placed: its top-left corner and size.
pub type Placed = (f64, f64, f64, f64);

/// An edge's path: its start, then each cubic segment's two control points and end.
#[derive(Debug, Clone, PartialEq)]
pub struct Path {
    pub start: (f64, f64),
    pub segments: Vec<[(f64, f64); 3]>,
    /// Heads at the start and the end of the path as given (a back edge may come reversed:
    /// the head then sits at its start).
    pub heads: (bool, bool),
}

/// Where layout-rs put everything, in its own coordinates (top-left of the whole at 0, 0).
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    pub boxes: Vec<Placed>,
    /// One per edge, in the order given.
    pub edges: Vec<Path>,
    /// The size of the whole, boxes and paths.
    pub width: f64,
    pub height: f64,
}

/// Why a graph could not be placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// No box: layout-rs is never called on an empty graph.
    Empty,
    /// layout-rs panicked; what it said.
    Panicked(String),
    /// It did not hand back every box or every edge.
    Incomplete,
}

/// Place boxes of `sizes` (width, height) and `edges` in layers from top to bottom (an
/// edge's start above its end, as far as cycles allow).
pub fn place(sizes: &[(f64, f64)], edges: &[Edge]) -> Result<Layout, Failure> {
    if sizes.is_empty() {
        return Err(Failure::Empty);
    }
    let run = || {
        let mut graph = VisualGraph::new(Orientation::TopToBottom);
        let nodes: Vec<_> = sizes
            .iter()
            .enumerate()
            .map(|(i, &(w, h))| {
                let mut e = Element::create_with_properties(
                    ShapeKind::new_box(""),
                    StyleAttr::simple(),
                    Orientation::TopToBottom,
                    Point::new(w, h),
                    format!("n{i}"),
                );
                e.pos = Position::new(
                    Point::zero(),
                    Point::new(w, h),
                    Point::zero(),
                    Point::splat(HALO),
                );
                graph.add_node(e)
            })
            .collect();
        for (j, e) in edges.iter().enumerate() {
            let end = |head| {
                if head {
                    LineEndKind::Arrow
                } else {
                    LineEndKind::None
                }
            };
            let mut arrow = Arrow::simple_with_properties("", format!("e{j}"));
            arrow.start = end(e.heads.0);
            arrow.end = end(e.heads.1);
            if e.dashed {
                arrow.line_style = layout::core::style::LineStyleKind::Dashed;
            }
            graph.add_edge(arrow, nodes[e.from], nodes[e.to]);
        }
        let mut backend = Collect {
            boxes: vec![None; sizes.len()],
            edges: vec![None; edges.len()],
        };
        graph.do_it(false, false, false, &mut backend);
        backend
    };
    let collected = catch_unwind(AssertUnwindSafe(run)).map_err(|panic| {
        let said = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Failure::Panicked(said)
    })?;
    let boxes: Vec<Placed> = collected
        .boxes
        .into_iter()
        .collect::<Option<_>>()
        .ok_or(Failure::Incomplete)?;
    let edges: Vec<Path> = collected
        .edges
        .into_iter()
        .collect::<Option<_>>()
        .ok_or(Failure::Incomplete)?;
    Ok(normalized(boxes, edges))
}

/// The layout moved so that its top-left is at 0, 0, with its size.
fn normalized(mut boxes: Vec<Placed>, mut edges: Vec<Path>) -> Layout {
    let points = boxes
        .iter()
        .flat_map(|&(x, y, w, h)| [(x, y), (x + w, y + h)])
        .chain(
            edges
                .iter()
                .flat_map(|p| std::iter::once(p.start).chain(p.segments.iter().flatten().copied())),
        )
        .collect::<Vec<_>>();
    let min_x = points.iter().map(|p| p.0).fold(f64::INFINITY, f64::min);
    let min_y = points.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let max_x = points.iter().map(|p| p.0).fold(f64::NEG_INFINITY, f64::max);
    let max_y = points.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    let shift = |p: &mut (f64, f64)| *p = (p.0 - min_x, p.1 - min_y);
    for b in &mut boxes {
        b.0 -= min_x;
        b.1 -= min_y;
    }
    for e in &mut edges {
        shift(&mut e.start);
        e.segments.iter_mut().flatten().for_each(shift);
    }
    Layout {
        boxes,
        edges,
        width: max_x - min_x,
        height: max_y - min_y,
    }
}

/// layout-rs ends an edge where the line towards the other box's centre leaves the box,
/// which for a wide layer is low on a box's side: the edge then runs behind the box beside
/// it. Between boxes of different layers, each end is moved to the side facing the other
/// box (the top or the bottom, within the box's width), its control point straight out of
/// that side, so that edges leave and enter boxes as in an organisation chart.
fn face(path: &mut Path, from: Placed, to: Placed) {
    let (fy, ty) = (from.1 + from.3 / 2.0, to.1 + to.3 / 2.0);
    let below = ty > fy;
    // Boxes of one layer (side by side): layout-rs's ends stand.
    if (below && to.1 < from.1 + from.3) || (!below && from.1 < to.1 + to.3) {
        return;
    }
    let Some(last) = path.segments.last_mut() else {
        return;
    };
    let pull = |a: f64, b: f64| (b - a).abs().max(20.0) / 2.0;
    let within = |x: f64, b: Placed| x.clamp(b.0 + 12.0, b.0 + b.2 - 12.0);
    // The end, on the side of `to` facing `from`.
    let end_y = if below { to.1 } else { to.1 + to.3 };
    let end = (within(last[2].0, to), end_y);
    let d = pull(last[0].1, end_y);
    last[2] = end;
    last[1] = (end.0, if below { end_y - d } else { end_y + d });
    // The start, on the side of `from` facing `to`.
    let start_y = if below { from.1 + from.3 } else { from.1 };
    let start = (within(path.start.0, from), start_y);
    let first = &mut path.segments[0];
    let d = pull(start_y, first[2].1);
    path.start = start;
    first[0] = (start.0, if below { start_y + d } else { start_y - d });
}

/// The render backend that keeps what layout-rs draws: the boxes by their `n{i}` and the
/// arrows by their `e{j}`; the rest (texts, which we draw ourselves) is dropped.
struct Collect {
    boxes: Vec<Option<Placed>>,
    edges: Vec<Option<Path>>,
}

/// The index in `n12` / `e3` when it starts with `prefix`.
fn index(properties: &Option<String>, prefix: char) -> Option<usize> {
    properties.as_deref()?.strip_prefix(prefix)?.parse().ok()
}

impl RenderBackend for Collect {
    fn draw_rect(
        &mut self,
        xy: Point,
        size: Point,
        _look: &StyleAttr,
        properties: Option<String>,
        _clip: Option<ClipHandle>,
    ) {
        if let Some(slot) = index(&properties, 'n').and_then(|i| self.boxes.get_mut(i)) {
            *slot = Some((xy.x, xy.y, size.x, size.y));
        }
    }

    fn draw_line(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}

    fn draw_circle(&mut self, _: Point, _: Point, _: &StyleAttr, _: Option<String>) {}

    fn draw_text(&mut self, _: Point, _: &str, _: &StyleAttr) {}

    fn draw_arrow(
        &mut self,
        path: &[(Point, Point)],
        _dashed: bool,
        head: (bool, bool),
        _look: &StyleAttr,
        properties: Option<String>,
        _text: &str,
    ) {
        let Some(slot) = index(&properties, 'e').and_then(|j| self.edges.get_mut(j)) else {
            return;
        };
        if path.len() < 2 {
            return;
        }
        // path[0] is (start, its exit control point); each next one is (entry control
        // point, point). Past the first segment the exit control point is the mirror of the
        // previous entry one (SVG's "S").
        let p = |q: Point| (q.x, q.y);
        let mut segments = Vec::with_capacity(path.len() - 1);
        let mut exit = p(path[0].1);
        for (entry, point) in &path[1..] {
            let (entry, point) = (p(*entry), p(*point));
            segments.push([exit, entry, point]);
            exit = (2.0 * point.0 - entry.0, 2.0 * point.1 - entry.1);
        }
        *slot = Some(Path {
            start: p(path[0].0),
            segments,
            heads: head,
        });
    }

    fn create_clip(&mut self, _: Point, _: Point, _: usize) -> ClipHandle {
        0
    }
}

impl Path {
    /// The path turned so that a lone head sits at its end.
    pub fn head_last(self) -> Path {
        if self.heads != (true, false) {
            return self;
        }
        let mut points = vec![self.start];
        points.extend(self.segments.iter().flatten().copied());
        points.reverse();
        Path {
            start: points[0],
            segments: points[1..].chunks(3).map(|c| [c[0], c[1], c[2]]).collect(),
            heads: (false, true),
        }
    }
}

/// A box to draw: its blocks of lines (already broken to fit `width - 2 PAD`), each in its
/// font, and how it is painted.
pub struct Node {
    pub id: String,
    pub width: f64,
    pub blocks: Vec<(Vec<String>, Font)>,
    pub paint: Paint,
}

/// The space between a box's edge and its text.
pub const PAD: f64 = 14.0;

impl Node {
    pub fn height(&self) -> f64 {
        let lines: f64 = self
            .blocks
            .iter()
            .map(|(lines, (size, ..))| lines.len() as f64 * text::line_height(*size))
            .sum();
        lines + 2.0 * PAD
    }
}

/// A graph drawn into `area`: its boxes (groups of class `class`, a card and its lines) and
/// its edges (curves of class `edge`), and the scale it was drawn at: below 1 when the
/// layout was larger than the area (everything shrunk alike, text too).
pub struct Drawn {
    pub items: Vec<Item>,
    pub scale: f64,
}

/// Place `nodes` and `edges` with layout-rs and draw them centred in `area`, never larger
/// than laid out.
pub fn draw(area: &Rect, nodes: &[Node], edges: &[Edge], class: &str) -> Result<Drawn, Failure> {
    let sizes: Vec<(f64, f64)> = nodes.iter().map(|n| (n.width, n.height())).collect();
    let placed = place(&sizes, edges)?;
    let s = (area.w / placed.width.max(1.0))
        .min(area.h / placed.height.max(1.0))
        .min(1.0);
    let x0 = area.x + (area.w - placed.width * s) / 2.0;
    let y0 = area.y + (area.h - placed.height * s) / 2.0;
    let at = |(x, y): (f64, f64)| (x0 + x * s, y0 + y * s);
    let mut items = Vec::new();
    for (path, edge) in placed.edges.into_iter().zip(edges) {
        // Named as drawn: from the box it leaves to the box its head points at.
        let (a, b) = (&nodes[edge.from].id, &nodes[edge.to].id);
        let id = if edge.heads == (true, false) {
            format!("{b}>{a}")
        } else {
            format!("{a}>{b}")
        };
        let mut path = path.head_last();
        // Drawn from the box it leaves to the box its head points at.
        let (first, last) = if edge.heads == (true, false) {
            (edge.to, edge.from)
        } else {
            (edge.from, edge.to)
        };
        face(&mut path, placed.boxes[first], placed.boxes[last]);
        let paint_stroke = if edge.dashed {
            Stroke::dashed(GREY, 2.5 * s, 10.0 * s, 7.0 * s)
        } else {
            Stroke::solid(NAVY, 2.5 * s)
        };
        let curve = Item::Curve(Curve {
            start: at(path.start),
            segments: path
                .segments
                .iter()
                .map(|seg| [at(seg[0]), at(seg[1]), at(seg[2])])
                .collect(),
            stroke: paint_stroke,
            arrow: path.heads.1,
            arrow_start: path.heads.0,
            class: "edge".into(),
        });
        items.push(group("edge", &id, vec![curve]));
    }
    for (node, &(x, y, w, h)) in nodes.iter().zip(&placed.boxes) {
        let (x, y) = at((x, y));
        let mut stroke = node.paint.stroke();
        stroke.width *= s;
        stroke.dash.iter_mut().for_each(|d| *d *= s);
        let mut group_items = vec![rect_item(
            (x, y, w * s, h * s),
            8.0 * s,
            Some(node.paint.fill),
            (node.paint.stroke_width > 0.0).then_some(stroke),
            "card",
        )];
        let mut top = y + PAD * s;
        for (lines, (size, weight, color)) in &node.blocks {
            let (texts, next) = stack(x + PAD * s, top, lines, (size * s, *weight, *color));
            group_items.extend(texts);
            top = next;
        }
        items.push(group(class, &node.id, group_items));
    }
    Ok(Drawn { items, scale: s })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edge(from: usize, to: usize) -> Edge {
        Edge {
            from,
            to,
            heads: (false, true),
            dashed: false,
        }
    }

    #[test]
    fn an_empty_graph_is_never_given_to_layout_rs() {
        assert_eq!(place(&[], &[]), Err(Failure::Empty));
    }

    #[test]
    fn a_panic_inside_layout_rs_is_an_error_not_an_abort() {
        // Boxes too large for its arithmetic make layout-rs assert; the caller gets why.
        let huge = 1e308;
        let sizes = [(huge, 10.0), (10.0, 10.0), (10.0, huge)];
        let edges = [edge(0, 1), edge(1, 2), edge(0, 2)];
        match place(&sizes, &edges) {
            Err(Failure::Panicked(said)) => assert!(!said.is_empty()),
            other => panic!("expected a caught panic, got {other:?}"),
        }
        // And the next graph is placed as usual.
        assert!(place(&[(10.0, 10.0)], &[]).is_ok());
    }

    #[test]
    fn boxes_keep_their_size_and_edges_join_them() {
        let sizes = [(200.0, 80.0), (150.0, 60.0), (150.0, 100.0)];
        let placed = place(&sizes, &[edge(0, 1), edge(0, 2)]).unwrap();
        for (b, s) in placed.boxes.iter().zip(sizes) {
            assert_eq!((b.2, b.3), s);
        }
        // The first layer above the second.
        assert!(placed.boxes[0].1 + placed.boxes[0].3 <= placed.boxes[1].1);
        let near = |p: (f64, f64), b: Placed| {
            p.0 >= b.0 - 1.0 && p.0 <= b.0 + b.2 + 1.0 && p.1 >= b.1 - 1.0 && p.1 <= b.1 + b.3 + 1.0
        };
        for (e, to) in placed.edges.iter().zip([1, 2]) {
            assert!(near(e.start, placed.boxes[0]), "{e:?}");
            let end = e.segments.last().unwrap()[2];
            assert!(near(end, placed.boxes[to]), "{e:?}");
        }
        assert!(placed.width >= 300.0 && placed.height >= 140.0);
    }

    #[test]
    fn the_same_graph_gives_the_same_numbers() {
        let sizes = vec![(120.0, 50.0); 7];
        let edges: Vec<Edge> = [(0, 1), (1, 2), (2, 0), (3, 4), (1, 5), (5, 6), (0, 6)]
            .iter()
            .map(|&(a, b)| edge(a, b))
            .collect();
        let first = place(&sizes, &edges).unwrap();
        for _ in 0..3 {
            assert_eq!(place(&sizes, &edges).unwrap(), first);
        }
    }

    #[test]
    fn a_lone_head_at_the_start_is_turned_to_the_end() {
        let p = Path {
            start: (0.0, 0.0),
            segments: vec![[(1.0, 0.0), (2.0, 0.0), (3.0, 0.0)]],
            heads: (true, false),
        }
        .head_last();
        assert_eq!(p.start, (3.0, 0.0));
        assert_eq!(p.segments, [[(2.0, 0.0), (1.0, 0.0), (0.0, 0.0)]]);
        assert_eq!(p.heads, (false, true));
    }
}
