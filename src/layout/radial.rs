//! The radial placement behind the cartographie and the actor map: a hub in the middle,
//! one angular sector per group in a fixed order, each sector's cards on as many rings as
//! it needs. Every candidate spot is checked against every placed box and edge, so
//! nothing overlaps and no edge crosses a box, whatever the counts.

use super::scene::{Rect, Stroke};
use super::{Card, Paint};

/// A group of cards around the hub. A sector with a label chip gets one spoke from the hub
/// to its label; a sector without one gets a spoke to each card of its first ring.
pub struct SectorSpec {
    pub label: Option<Card>,
    pub cards: Vec<Card>,
    /// Ids, one per card, carried to the result.
    pub ids: Vec<String>,
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
    /// A radius beyond the area's corners.
    pub reach: f64,
}

pub struct PlacedCard {
    pub x: f64,
    pub y: f64,
    pub edge: Option<Segment>,
}

/// The cards do not fit in the area: grow it and try again.
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

struct Board {
    area: Rect,
    boxes: Vec<Rect>,
    edges: Vec<Segment>,
}

impl Board {
    fn free(&self, cell: &Rect, edge: Option<Segment>) -> bool {
        if !self.area.contains(cell) {
            return false;
        }
        let grown = cell.inflate(GAP / 2.0);
        if self
            .boxes
            .iter()
            .any(|b| b.inflate(GAP / 2.0).overlaps(&grown))
        {
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
pub fn place(
    area: &Rect,
    hub: &Card,
    sectors: &[SectorSpec],
    spread: f64,
) -> Result<((f64, f64), Placement), NoRoom> {
    let (cx, cy) = area.center();
    let hub_rect = rect(cx - hub.w / 2.0, cy - hub.h / 2.0, hub.w, hub.h);
    let mut board = Board {
        area: area.clone(),
        boxes: vec![hub_rect.clone()],
        edges: Vec::new(),
    };
    let aspect = (area.w / area.h).clamp(1.0, 2.5);

    // Angular ranges: proportional to the number of cards, the first sector centred on top.
    let weights: Vec<f64> = sectors
        .iter()
        .map(|s| s.cards.len().max(1) as f64 + 1.0)
        .collect();
    let total: f64 = weights.iter().sum::<f64>().max(1.0);
    let mut angles = Vec::new();
    let mut start = -90.0 - 360.0 * weights.first().copied().unwrap_or(0.0) / total / 2.0;
    for w in &weights {
        let span = 360.0 * w / total;
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

    // Labels first, nearest to the hub, each with its spoke.
    let mut labels = Vec::new();
    for (s, spec) in sectors.iter().enumerate() {
        let Some(label) = &spec.label else {
            labels.push(None);
            continue;
        };
        let mut found = None;
        let mut rho = first_ring(label.w, label.h);
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
        board.boxes.push(cell);
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
            board.boxes.push(cell.clone());
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
            reach: max_rho,
        },
    ))
}

/// The paint of a sector's edges, lighter than its cards.
pub fn edge_stroke(p: &Paint) -> Stroke {
    if p.dashed {
        Stroke::dashed(p.stroke, 2.5, 8.0, 5.0)
    } else {
        Stroke::solid(p.stroke, 2.0)
    }
}
