//! The radial placement behind the cartographie and the actor map: a hub in the middle,
//! one angular sector per group in a fixed order, each sector's cards on as many rings as
//! it needs. Every candidate spot is checked against every placed box and edge, so
//! nothing overlaps and no edge crosses a box, whatever the counts. Also the search for a
//! canvas, text size and spread the map fits, and the drawing of the placed map.

use super::scene::{Anchor, Color, Group, Item, Line, Polygon, Rect, Stroke, Weight};
use super::{Card, GREY, Paint, group, tagged_group, text_item};

/// A group of cards around the hub. A sector with a label chip gets one spoke from the hub
/// to its label; a sector without one gets a spoke to each card of its first ring.
pub struct SectorSpec {
    pub label: Option<Card>,
    pub cards: Vec<Card>,
    /// Ids, one per card, carried to the result.
    pub ids: Vec<String>,
    /// Per card: the class of its group ("actor", "lead-gap", "role-gap").
    pub classes: Vec<&'static str>,
    /// Per card: what its group stands for (see `scene::Group::data`).
    pub data: Vec<super::scene::Data>,
    /// The id of the label's group (the role's id, or "lead").
    pub key: &'static str,
    /// The colour of the sector's tinted wedge.
    pub tint: Color,
    /// How the spokes are drawn.
    pub edge: Stroke,
}

type Segment = ((f64, f64), (f64, f64));

/// Where each card of each sector landed.
pub struct Placement {
    /// Per sector: the label's top-left corner and the spoke from the hub to it.
    pub labels: Vec<Option<((f64, f64), Segment)>>,
    /// Per sector, per card: the top-left corner and the edge from the hub border to the card.
    pub cards: Vec<Vec<PlacedCard>>,
    /// Per sector: its angular range in degrees, clockwise from the x axis.
    pub angles: Vec<(f64, f64)>,
    /// The rings' width-to-height ratio.
    pub aspect: f64,
}

pub struct PlacedCard {
    pub x: f64,
    pub y: f64,
    pub edge: Option<Segment>,
}

/// The cards do not fit in the area: split them over several slides.
#[derive(Debug)]
pub struct NoRoom;

const GAP: f64 = 18.0;
const EDGE_CLEARANCE: f64 = 3.0;

fn rect(x: f64, y: f64, w: f64, h: f64) -> Rect {
    Rect {
        x,
        y,
        w,
        h,
        radius: 0.0,
        fill: None,
        stroke: None,
        class: String::new(),
    }
}

/// The point where the ray from the centre of `r` towards `to` leaves `r`.
pub fn border_point(r: &Rect, to: (f64, f64)) -> (f64, f64) {
    let (cx, cy) = r.center();
    let (dx, dy) = (to.0 - cx, to.1 - cy);
    if dx.abs() < 1e-9 && dy.abs() < 1e-9 {
        return (cx, cy);
    }
    let tx = if dx.abs() > 1e-9 {
        (r.w / 2.0) / dx.abs()
    } else {
        f64::INFINITY
    };
    let ty = if dy.abs() > 1e-9 {
        (r.h / 2.0) / dy.abs()
    } else {
        f64::INFINITY
    };
    let t = tx.min(ty);
    (cx + dx * t, cy + dy * t)
}

/// What is placed so far, with the boxes bucketed on a grid so that a free spot is found
/// without looking at every box.
struct Board {
    area: Rect,
    boxes: Vec<Rect>,
    edges: Vec<Segment>,
    grid: std::collections::HashMap<(i64, i64), Vec<usize>>,
}

const BUCKET: f64 = 128.0;

fn buckets(r: &Rect) -> impl Iterator<Item = (i64, i64)> {
    let (x0, x1) = (
        (r.x / BUCKET).floor() as i64,
        (r.right() / BUCKET).floor() as i64,
    );
    let (y0, y1) = (
        (r.y / BUCKET).floor() as i64,
        (r.bottom() / BUCKET).floor() as i64,
    );
    (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
}

impl Board {
    fn new(area: &Rect) -> Board {
        Board {
            area: area.clone(),
            boxes: Vec::new(),
            edges: Vec::new(),
            grid: std::collections::HashMap::new(),
        }
    }

    fn push(&mut self, r: Rect) {
        let i = self.boxes.len();
        for key in buckets(&r.inflate(GAP / 2.0)) {
            self.grid.entry(key).or_default().push(i);
        }
        self.boxes.push(r);
    }

    fn free(&self, cell: &Rect, edge: Option<Segment>) -> bool {
        if !self.area.contains(cell) {
            return false;
        }
        let grown = cell.inflate(GAP / 2.0);
        let taken = buckets(&grown).any(|key| {
            self.grid.get(&key).is_some_and(|ids| {
                ids.iter()
                    .any(|&i| self.boxes[i].inflate(GAP / 2.0).overlaps(&grown))
            })
        });
        if taken {
            return false;
        }
        let near = cell.inflate(EDGE_CLEARANCE);
        if self.edges.iter().any(|(a, b)| near.crossed_by(*a, *b)) {
            return false;
        }
        if let Some((a, b)) = edge {
            // The hub (first box) is where every edge starts.
            if self.boxes[1..]
                .iter()
                .any(|r| r.inflate(EDGE_CLEARANCE).crossed_by(a, b))
            {
                return false;
            }
        }
        true
    }
}

/// Place the hub card at the middle of `area` and the sectors around it, clockwise from the
/// top. Rings are ellipses with the area's proportions, so the map fills a wide slide.
/// Returns the hub's top-left corner and the placement.
///
/// `spread` (0 to 1) pushes the first ring away from the hub into the free room, so that a
/// map with few cards fills its slide.
///
/// `relaxed` gives every sector at least 180 / n degrees and puts the labels on a ring where
/// none can hide another from the hub: the sectors then always fit a large enough area,
/// whereas two narrow neighbours' labels can block each other's spoke at any size.
pub fn place(
    area: &Rect,
    hub: &Card,
    sectors: &[SectorSpec],
    spread: f64,
    relaxed: bool,
) -> Result<((f64, f64), Placement), NoRoom> {
    let (cx, cy) = area.center();
    let hub_rect = rect(cx - hub.w / 2.0, cy - hub.h / 2.0, hub.w, hub.h);
    let mut board = Board::new(area);
    board.push(hub_rect.clone());
    let aspect = (area.w / area.h).clamp(1.0, 2.5);

    // Angular ranges: proportional to the number of cards, the first sector centred on top.
    let weights: Vec<f64> = sectors
        .iter()
        .map(|s| s.cards.len().max(1) as f64 + 1.0)
        .collect();
    let total: f64 = weights.iter().sum::<f64>().max(1.0);
    let count = sectors.len().max(1) as f64;
    let spans: Vec<f64> = weights
        .iter()
        .map(|w| {
            if relaxed {
                180.0 / count + 180.0 * w / total
            } else {
                360.0 * w / total
            }
        })
        .collect();
    let mut angles = Vec::new();
    let mut start = -90.0 - spans.first().copied().unwrap_or(0.0) / 2.0;
    for span in spans {
        angles.push((start, start + span));
        start += span;
    }

    // The spot on the ring of radius `rho` at angle `deg` for a cell of (w, h).
    let spot = |rho: f64, deg: f64, w: f64, h: f64| -> Rect {
        let t = deg.to_radians();
        rect(
            cx + aspect * rho * t.cos() - w / 2.0,
            cy + rho * t.sin() - h / 2.0,
            w,
            h,
        )
    };
    // The first ring a cell of (w, h) can sit on without touching the hub.
    let first_ring = |w: f64, h: f64| -> f64 {
        (hub.h / 2.0 + GAP + h / 2.0).max((hub.w / 2.0 + GAP + w / 2.0) / aspect)
    };
    let edge_to = |cell: &Rect| -> Segment {
        let c = cell.center();
        (border_point(&hub_rect, c), border_point(cell, (cx, cy)))
    };
    // Candidate angles in a range, nearest to its middle first, about 4 px apart.
    let candidates = |(a, b): (f64, f64), rho: f64| -> Vec<f64> {
        let step = (4.0 / (rho * aspect).max(1.0)).to_degrees().max(0.02);
        let mid = (a + b) / 2.0;
        let half = (b - a) / 2.0;
        let mut out = vec![mid];
        let mut d = step;
        while d < half {
            out.push(mid - d);
            out.push(mid + d);
            d += step;
        }
        out
    };
    // Beyond this radius every spot is outside the area.
    let max_rho = (area.h / 2.0).max(area.w / 2.0 / aspect) * 1.5;

    // Relaxed, the labels start on the ring where a disc holding a label and its gap, seen
    // from the centre, spans less than half the smallest angle between two sectors' middles
    // (at least 180 / n degrees of the ring's parameter, so 180 / n / aspect on screen): at
    // its sector's middle, no label then touches another or crosses another's spoke.
    let label_ring = if relaxed {
        let reach = sectors
            .iter()
            .filter_map(|s| s.label.as_ref())
            .map(|l| l.w.hypot(l.h) / 2.0)
            .fold(0.0, f64::max)
            + GAP / 2.0
            + EDGE_CLEARANCE;
        1.01 * reach / ((180.0 / count).to_radians() / (2.0 * aspect)).sin()
    } else {
        0.0
    };

    // Labels first, nearest to the hub, each with its spoke.
    let mut labels = Vec::new();
    for (s, spec) in sectors.iter().enumerate() {
        let Some(label) = &spec.label else {
            labels.push(None);
            continue;
        };
        let mut found = None;
        let mut rho = first_ring(label.w, label.h).max(label_ring);
        'rings: while rho < max_rho {
            for deg in candidates(angles[s], rho) {
                let cell = spot(rho, deg, label.w, label.h);
                let edge = edge_to(&cell);
                if board.free(&cell, Some(edge)) {
                    found = Some((cell, edge));
                    break 'rings;
                }
            }
            rho += 8.0;
        }
        let (cell, edge) = found.ok_or(NoRoom)?;
        labels.push(Some(((cell.x, cell.y), edge)));
        board.push(cell);
        board.edges.push(edge);
    }

    let mut placed = Vec::new();
    for (s, spec) in sectors.iter().enumerate() {
        // Each card at its own size, in order, on the innermost ring with room for it,
        // nearest to the sector's middle.
        let (w_max, h_max) = spec
            .cards
            .iter()
            .fold((0.0, 0.0), |(w, h), c| (f64::max(w, c.w), f64::max(h, c.h)));
        let h_min = spec.cards.iter().map(|c| c.h).fold(f64::INFINITY, f64::min);
        let base = first_ring(w_max, h_max);
        let free_room = (area.h / 2.0 - base - h_max / 2.0).max(0.0);
        let first = base + spread * free_room;
        let step = (h_min + GAP) / 2.0;
        let mut rho = first;
        let mut out = Vec::new();
        for card in &spec.cards {
            let spot_found = loop {
                if rho > max_rho {
                    return Err(NoRoom);
                }
                // Sectors without a label get a spoke to each card of their first ring.
                let spoke = spec.label.is_none() && rho == first;
                let found = candidates(angles[s], rho).into_iter().find_map(|deg| {
                    let cell = spot(rho, deg, card.w, card.h);
                    let edge = spoke.then(|| edge_to(&cell));
                    board.free(&cell, edge).then_some((cell, edge))
                });
                match found {
                    Some(f) => break f,
                    None => rho += step,
                }
            };
            let (cell, edge) = spot_found;
            board.push(cell.clone());
            board.edges.extend(edge);
            out.push(PlacedCard {
                x: cell.x,
                y: cell.y,
                edge,
            });
        }
        placed.push(out);
    }
    Ok((
        (hub_rect.x, hub_rect.y),
        Placement {
            labels,
            cards: placed,
            angles,
            aspect,
        },
    ))
}

/// How far the first ring is pushed out into the free room, tried most first.
pub const SPREADS: [f64; 3] = [0.55, 0.25, 0.0];

/// The room the cards of `sectors` take with their gaps, in square pixels.
pub fn need(sectors: &[SectorSpec]) -> f64 {
    sectors
        .iter()
        .flat_map(|s| &s.cards)
        .map(|c| (c.w + GAP) * (c.h + GAP))
        .sum()
}

/// How the map fits its area: the sectors at the chosen zoom, and where the hub and
/// everything else landed.
pub struct Fit {
    pub area: Rect,
    pub sectors: Vec<SectorSpec>,
    pub hub_at: (f64, f64),
    pub placement: Placement,
}

impl Fit {
    /// The hub alone in the middle of `area`: what a map draws when not even one card fits
    /// beside it (it then says why).
    pub fn hub_only(area: &Rect, hub: &Card) -> Fit {
        let (cx, cy) = area.center();
        Fit {
            area: area.clone(),
            sectors: Vec::new(),
            hub_at: (cx - hub.w / 2.0, cy - hub.h / 2.0),
            placement: Placement {
                labels: Vec::new(),
                cards: Vec::new(),
                angles: Vec::new(),
                aspect: 1.0,
            },
        }
    }
}

/// What the search tries.
pub struct Search<'a> {
    /// The card zooms, largest first; the smallest keeps text at the minimum size.
    pub zooms: &'a [f64],
    /// Skip a zoom above 1 when its cards would take over 40 % of the area.
    pub skip_crowded: bool,
}

/// The share of the area the cards (with their gaps) may take at most: past it no
/// placement is tried, the map is split instead.
const MAX_DENSITY: f64 = 0.6;

/// Find the largest zoom, then spread, at which every card of `sectors(zoom)` is placed around
/// `hub` in `area`, which never grows: a slide is exactly its size. `NoRoom` tells the caller to
/// split the map over several slides.
///
/// Once the area is four times what the cards take, room is not what keeps them out: when
/// the usual placement still fails (narrow neighbour sectors whose labels block each
/// other), the relaxed one is tried as well, which always succeeds on a large enough area
/// (see `place`). Each placement is bounded (rings up to the area's edge), so the search is.
pub fn fit(
    area: &Rect,
    search: &Search,
    hub: &Card,
    sectors: impl Fn(f64) -> Vec<SectorSpec>,
) -> Result<Fit, NoRoom> {
    let room = area.w * area.h;
    for relaxed in [false, true] {
        for &zoom in search.zooms {
            let specs = sectors(zoom);
            let need = need(&specs);
            if need > MAX_DENSITY * room
                || (search.skip_crowded && need * 2.5 > room && zoom > 1.0)
                || (relaxed && need * 4.0 > room)
            {
                continue;
            }
            for spread in SPREADS {
                if let Ok((hub_at, placement)) = place(area, hub, &specs, spread, relaxed) {
                    return Ok(Fit {
                        area: area.clone(),
                        sectors: specs,
                        hub_at,
                        placement,
                    });
                }
            }
        }
    }
    Err(NoRoom)
}

/// Split `n` cards into consecutive runs, one per slide: each as long as `fits` allows (one
/// card at least, even when that one does not fit), then evened out when even runs fit too,
/// so that no slide holds a few cards after full ones. `fits` is asked about
/// O(slides · log n) times. No card at all is one (empty) slide.
pub fn split(
    n: usize,
    fits: impl Fn(std::ops::Range<usize>) -> bool,
) -> Vec<std::ops::Range<usize>> {
    if n == 0 {
        // No card: one slide all the same, which says so.
        return std::iter::once(0..0).collect();
    }
    // The longest run from `start` that fits among `lo..=hi` cards (one at least).
    let longest = |start: usize, lo: usize, hi: usize| {
        super::largest(lo, hi, |k| fits(start..start + k)).max(1)
    };
    let mut runs = Vec::new();
    let mut start = 0;
    // Slides hold about as many cards as the one before: start from there, and search
    // around it rather than from scratch.
    let mut guess: Option<usize> = None;
    while start < n {
        let rest = n - start;
        let len = match guess.map(|g| g.min(rest)) {
            _ if fits(start..n) => rest,
            None => longest(start, 1, rest - 1),
            Some(g) if fits(start..start + g) => {
                let step = (g / 8).max(1);
                let mut len = g;
                while len < rest && fits(start..start + (len + step).min(rest)) {
                    len = (len + step).min(rest);
                }
                longest(start, len, (len + step - 1).min(rest - 1))
            }
            Some(g) => longest(start, 1, g - 1),
        };
        runs.push(start..start + len);
        start += len;
        guess = Some(len);
    }
    if runs.len() > 1 {
        let size = n.div_ceil(runs.len());
        let even: Vec<_> = (0..n).step_by(size).map(|a| a..(a + size).min(n)).collect();
        if even.len() == runs.len() && even.iter().all(|r| fits(r.clone())) {
            return even;
        }
    }
    runs
}

/// The placed map: the tinted wedges (when `tint` gives their opacity), a grey `note` at the
/// bottom, then the cards with their spokes, the labels with theirs, and the hub on top.
pub fn draw(
    fit: &Fit,
    hub: &Card,
    hub_id: &str,
    tint: Option<f64>,
    note: Option<&str>,
) -> Vec<Item> {
    let (area, placement) = (&fit.area, &fit.placement);
    let mut items = Vec::new();
    if let Some(opacity) = tint {
        let fills: Vec<Color> = fit.sectors.iter().map(|s| s.tint).collect();
        items.push(wedges(area, placement, &fills, opacity));
    }
    if let Some(note) = note {
        let lines = super::text::wrap(note, area.w - 40.0, 22.0, Weight::Regular, 2).lines;
        let lh = super::text::line_height(22.0);
        let top = area.bottom() - 40.0 - lines.len() as f64 * lh;
        let texts = lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                text_item(
                    area.x + area.w / 2.0,
                    top + i as f64 * lh + super::text::ascent(22.0),
                    l,
                    22.0,
                    Weight::Regular,
                    Anchor::Middle,
                    GREY,
                )
            })
            .collect();
        items.push(group("note", "", texts));
    }
    for (s, spec) in fit.sectors.iter().enumerate() {
        for (i, card) in spec.cards.iter().enumerate() {
            let p = &placement.cards[s][i];
            let mut g = Vec::new();
            if let Some((a, b)) = p.edge {
                g.push(Item::Line(Line {
                    points: vec![a, b],
                    stroke: spec.edge.clone(),
                    arrow: false,
                    class: "edge".into(),
                }));
            }
            g.extend(card.items(p.x, p.y, "actor"));
            let data = spec.data.get(i).cloned().unwrap_or_default();
            items.push(tagged_group(spec.classes[i], &spec.ids[i], data, g));
        }
    }
    for (s, spec) in fit.sectors.iter().enumerate() {
        if let (Some(label), Some(((x, y), (a, b)))) = (&spec.label, placement.labels[s]) {
            let mut g = vec![Item::Line(Line {
                points: vec![a, b],
                stroke: Stroke::solid(spec.edge.color, 3.0),
                arrow: false,
                class: "edge".into(),
            })];
            g.extend(label.items(x, y, "label"));
            items.push(group("sector-label", spec.key, g));
        }
    }
    items.push(group(
        "hub",
        hub_id,
        hub.items(fit.hub_at.0, fit.hub_at.1, "hub"),
    ));
    items
}

/// The tinted background of each sector: a wedge from the area's centre, cut to the area
/// with rounded corners (computed here, so that writers need no clipping).
pub fn wedges(area: &Rect, placement: &Placement, fills: &[Color], opacity: f64) -> Item {
    let (cx, cy) = area.center();
    let window = rounded_outline(area, 24.0);
    let far = (area.w + area.h) * 2.0;
    let items = placement
        .angles
        .iter()
        .zip(fills)
        .map(|(&(start, end), &fill)| {
            let mut shape = vec![(cx, cy)];
            let steps = ((end - start) / 5.0).ceil().max(1.0) as usize;
            for i in 0..=steps {
                let t = (start + (end - start) * i as f64 / steps as f64).to_radians();
                shape.push((cx + far * placement.aspect * t.cos(), cy + far * t.sin()));
            }
            Item::Polygon(Polygon {
                points: clip(&shape, &window),
                fill,
                opacity,
                class: "sector".into(),
            })
        })
        .collect();
    Item::Group(Group {
        data: Default::default(),
        class: "sectors".into(),
        id: String::new(),
        clip: None,
        items,
    })
}

/// A rectangle with rounded corners as a convex polygon, clockwise on screen.
fn rounded_outline(r: &Rect, radius: f64) -> Vec<(f64, f64)> {
    let corners = [
        (r.right() - radius, r.y + radius, -90.0),
        (r.right() - radius, r.bottom() - radius, 0.0),
        (r.x + radius, r.bottom() - radius, 90.0),
        (r.x + radius, r.y + radius, 180.0),
    ];
    let mut out = Vec::new();
    for (x, y, from) in corners {
        for i in 0..=6 {
            let t = (from + 90.0 * f64::from(i) / 6.0_f64).to_radians();
            out.push((x + radius * t.cos(), y + radius * t.sin()));
        }
    }
    out
}

/// Sutherland-Hodgman: the part of `subject` inside the convex, clockwise `window`.
fn clip(subject: &[(f64, f64)], window: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut out = subject.to_vec();
    for i in 0..window.len() {
        let (a, b) = (window[i], window[(i + 1) % window.len()]);
        // Inside is to the right of a->b in screen coordinates (clockwise outline).
        let inside = |p: (f64, f64)| (b.0 - a.0) * (p.1 - a.1) - (b.1 - a.1) * (p.0 - a.0) >= 0.0;
        let cross = |p: (f64, f64), q: (f64, f64)| {
            let (dx, dy) = (q.0 - p.0, q.1 - p.1);
            let (ex, ey) = (b.0 - a.0, b.1 - a.1);
            let denom = dx * ey - dy * ex;
            let t = ((a.0 - p.0) * ey - (a.1 - p.1) * ex) / denom;
            (p.0 + t * dx, p.1 + t * dy)
        };
        let input = std::mem::take(&mut out);
        for j in 0..input.len() {
            let (p, q) = (input[j], input[(j + 1) % input.len()]);
            match (inside(p), inside(q)) {
                (true, true) => out.push(q),
                (true, false) => out.push(cross(p, q)),
                (false, true) => {
                    out.push(cross(p, q));
                    out.push(q);
                }
                (false, false) => {}
            }
        }
        if out.is_empty() {
            break;
        }
    }
    out
}

/// A sector's label chip ("FINANCEURS"): white, outlined and written in the role's colour.
pub fn label(text: &str, role: &Paint) -> Card {
    Card {
        radius: 16.0,
        ..Card::new(
            &[(&text.to_uppercase(), super::frame::TEXT, Weight::Bold, 2)],
            300.0,
            Paint {
                fill: super::WHITE,
                stroke: role.stroke,
                text: role.stroke,
                stroke_width: 2.0,
                dashed: false,
            },
        )
    }
}

/// The paint of a sector's edges, lighter than its cards.
pub fn edge_stroke(p: &Paint) -> Stroke {
    if p.dashed {
        Stroke::dashed(p.stroke, 2.5, 8.0, 5.0)
    } else {
        Stroke::solid(p.stroke, 2.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::paint;
    use crate::layout::scene::Weight;
    use crate::model::Role;

    fn card(name: &str) -> Card {
        Card::new(
            &[(name, 18.0, Weight::Regular, 3)],
            200.0,
            paint(Role::Funder),
        )
    }

    fn spec(n: usize) -> SectorSpec {
        SectorSpec {
            label: Some(card("FINANCEURS")),
            cards: (0..n).map(|i| card(&format!("Acteur {i}"))).collect(),
            ids: (0..n).map(|i| format!("a{i}")).collect(),
            classes: vec!["actor"; n],
            data: vec![Default::default(); n],
            key: "funder",
            tint: "#8e5bb5",
            edge: Stroke::solid("#000000", 2.0),
        }
    }

    #[test]
    fn a_search_that_cannot_succeed_ends_and_says_so() {
        // No zoom holds 200 cards in this area: the search stops and says so.
        let hub = card("Le centre");
        let search = Search {
            zooms: &[1.0],
            skip_crowded: false,
        };
        let area = rect(0.0, 0.0, 400.0, 300.0);
        assert!(fit(&area, &search, &hub, |_| vec![spec(200)]).is_err());
        // What is drawn then is the hub alone, inside the area.
        let fit = Fit::hub_only(&area, &hub);
        let items = draw(&fit, &hub, "", Some(0.1), Some("trop chargée"));
        assert!(!items.is_empty());
    }

    #[test]
    fn cards_are_split_into_even_runs_that_each_fit() {
        let asked = std::cell::Cell::new(0);
        let asked = &asked;
        let fits = |cap: usize| {
            move |r: std::ops::Range<usize>| {
                asked.set(asked.get() + 1);
                r.len() <= cap
            }
        };
        assert_eq!(split(20, fits(7)), [0..7, 7..14, 14..20]);
        // Uneven capacity: the greedy runs are kept when even ones do not fit.
        let cap = |r: std::ops::Range<usize>| r.len() <= if r.start == 0 { 9 } else { 4 };
        assert_eq!(split(13, cap), [0..9, 9..13]);
        assert_eq!(split(5, fits(7)), std::iter::once(0..5).collect::<Vec<_>>());
        assert_eq!(split(0, fits(7)), std::iter::once(0..0).collect::<Vec<_>>());
        // Nothing fits: one card a slide, each said so by the caller.
        assert_eq!(split(3, fits(0)), [0..1, 1..2, 2..3]);
        // About log n questions for the first slide, a few for each next one.
        asked.set(0);
        assert_eq!(split(300, fits(40)).len(), 8);
        assert!(asked.get() < 60, "{}", asked.get());
    }

    #[test]
    fn border_point_lies_on_the_border_towards_the_target() {
        let r = rect(0.0, 0.0, 100.0, 50.0);
        assert_eq!(border_point(&r, (200.0, 25.0)), (100.0, 25.0));
        assert_eq!(border_point(&r, (50.0, -100.0)), (50.0, 0.0));
    }

    #[test]
    fn cards_never_overlap_and_stay_in_the_area() {
        let area = rect(0.0, 0.0, 1400.0, 900.0);
        let sectors = vec![spec(12), spec(3), spec(20)];
        let hub = card("Le centre de la carte");
        let (_, placement) = place(&area, &hub, &sectors, 0.25, false).expect("room enough");
        let mut boxes = Vec::new();
        for (s, spec) in sectors.iter().enumerate() {
            for (c, p) in spec.cards.iter().zip(&placement.cards[s]) {
                boxes.push(rect(p.x, p.y, c.w, c.h));
            }
        }
        for (i, a) in boxes.iter().enumerate() {
            assert!(area.contains(a));
            for b in &boxes[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn clipping_keeps_a_shape_inside_the_window() {
        let window = rounded_outline(&rect(0.0, 0.0, 100.0, 50.0), 10.0);
        let shape = [(50.0, 25.0), (500.0, -400.0), (500.0, 400.0)];
        let cut = clip(&shape, &window);
        assert!(cut.len() >= 3);
        for (x, y) in cut {
            assert!(
                (-1e-9..=100.0 + 1e-9).contains(&x) && (-1e-9..=50.0 + 1e-9).contains(&y),
                "{x},{y}"
            );
        }
    }

    #[test]
    fn narrow_neighbours_fit_only_when_relaxed() {
        // Two one-card sectors beside a crowded one: each label hides the other's spoke
        // from the hub, however large the area.
        let sectors = vec![spec(60), spec(1), spec(1)];
        let hub = card("Le centre");
        for grow in [1.0, 4.0, 16.0] {
            let area = rect(0.0, 0.0, 1400.0 * grow, 900.0 * grow);
            assert!(place(&area, &hub, &sectors, 0.0, false).is_err(), "{grow}");
        }
        let area = rect(0.0, 0.0, 1400.0, 900.0);
        let (_, placement) = place(&area, &hub, &sectors, 0.0, true).expect("relaxed fits");
        let placed: usize = placement.cards.iter().map(Vec::len).sum();
        assert_eq!(placed, 62);
        assert!(placement.labels.iter().all(Option::is_some));
    }

    #[test]
    fn too_many_cards_for_the_area_is_no_room() {
        let area = rect(0.0, 0.0, 500.0, 300.0);
        assert!(place(&area, &card("hub"), &[spec(60)], 0.0, false).is_err());
    }
}
