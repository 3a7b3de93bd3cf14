//! The radial placement behind the cartographie and the actor map: a hub in the middle,
//! one angular sector per group in a fixed order, each sector's cards on as many rings as
//! it needs. Every candidate spot is checked against every placed box and edge, so
//! nothing overlaps and no edge crosses a box, whatever the counts.

use super::scene::{Color, Group, Item, Polygon, Rect, Stroke};
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
pub fn place(
    area: &Rect,
    hub: &Card,
    sectors: &[SectorSpec],
    spread: f64,
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
            edge: Stroke::solid("#000000", 2.0),
        }
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
        let (_, placement) = place(&area, &hub, &sectors, 0.25).expect("room enough");
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
    fn too_many_cards_for_the_area_is_no_room() {
        let area = rect(0.0, 0.0, 500.0, 300.0);
        assert!(place(&area, &card("hub"), &[spec(60)], 0.0).is_err());
    }
}
