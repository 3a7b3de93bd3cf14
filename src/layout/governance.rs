//! The governance chart (the deck's "GOUVERNANCE LOCALE"): each body of `bodies.csv` as a box
//! (its name, its kind, "animé par" its chair, its members, a group by its own name; past
//! the lines a box holds, the first ones and "+ N autres"), an arrow from each body to the
//! body it reports to. Placed by layout-rs (`graph`), drawn here on one slide, or on several
//! when a layer holds more bodies side by side than a slide does at full text size: each
//! slide then carries a share of that layer, with the bodies above them and those below.

use super::frame::{Frame, GREY, INK, MARGIN, NAVY, Page, Paint, RULE, TEXT, WHITE};
use super::graph::{self, Edge, Failure, Node, PAD};
use super::scene::{Rect, Scene, Weight};
use super::{Options, finish, sigle, text};
use crate::i18n::Catalog;
use crate::model::{Body, Territory};

/// The widest and narrowest box.
const MAX_W: f64 = 420.0;
const MIN_W: f64 = 260.0;
/// The room layout-rs keeps around a box (`graph::HALO`) on both sides, and a little more.
const AROUND: f64 = 100.0;
/// The most lines of members a box shows, tried first; fewer when the chart would not fit.
const MEMBER_LINES: [usize; 4] = [5, 3, 2, 1];

/// The governance chart, on one slide or more; no slide when the territory has no body. A
/// failure of layout-rs is said, never a crash.
pub fn layout(t: &Territory, opts: &Options) -> Result<Vec<Scene>, Failure> {
    if t.bodies().is_empty() {
        return Ok(Vec::new());
    }
    let k = opts.size.scale();
    let room = opts.size.width / k - 2.0 * MARGIN;
    let all: Vec<usize> = (0..t.bodies().len()).collect();
    let pages = split(t, all, capacity(room));
    let count = pages.len();
    pages
        .iter()
        .zip(Page::all(count))
        .map(|(bodies, page)| slide(t, bodies, page, opts))
        .collect()
}

/// How many boxes of the narrowest width a layer holds side by side across `room`.
fn capacity(room: f64) -> usize {
    ((room / (MIN_W + AROUND)).floor() as usize).max(1)
}

/// The bodies of each slide (positions in the territory's list): all of them when no layer
/// holds more than `capacity`; else the first such layer cut in shares of `capacity`
/// (siblings together, in file order), each share with its ancestors and descendants, the
/// first share also with the other bodies above it, so that every body is drawn.
fn split(t: &Territory, page: Vec<usize>, capacity: usize) -> Vec<Vec<usize>> {
    let bodies = t.bodies();
    let depths: Vec<usize> = bodies.iter().map(|b| depth(t, b)).collect();
    let mut layers = std::collections::BTreeMap::<usize, Vec<usize>>::new();
    for &i in &page {
        layers.entry(depths[i]).or_default().push(i);
    }
    let Some((&crowded, layer)) = layers.iter().find(|(_, l)| l.len() > capacity) else {
        return vec![page];
    };
    let parent = |i: usize| {
        bodies[i]
            .parent
            .as_deref()
            .and_then(|p| t.body_position(p))
            .filter(|&p| p != i)
    };
    let mut layer = layer.clone();
    layer.sort_by_key(|&i| (parent(i), i));
    let ancestors = |i: usize| {
        let mut out = Vec::new();
        let mut at = i;
        while let Some(p) = parent(at) {
            if out.contains(&p) || out.len() > bodies.len() {
                break;
            }
            out.push(p);
            at = p;
        }
        out
    };
    let mut out = Vec::new();
    for (n, share) in layer.chunks(capacity).enumerate() {
        let kept: Vec<usize> = page
            .iter()
            .copied()
            .filter(|&i| {
                let line = ancestors(i);
                match depths[i].cmp(&crowded) {
                    std::cmp::Ordering::Less => {
                        n == 0 || share.iter().any(|&s| ancestors(s).contains(&i))
                    }
                    std::cmp::Ordering::Equal => share.contains(&i),
                    std::cmp::Ordering::Greater => share.iter().any(|s| line.contains(s)),
                }
            })
            .collect();
        out.extend(split(t, kept, capacity));
    }
    out
}

/// The slide of `page`, holding the bodies at these positions.
fn slide(t: &Territory, page: &[usize], number: Page, opts: &Options) -> Result<Scene, Failure> {
    let (lang, words) = (opts.lang, opts.lang.catalog());
    let k = opts.size.scale();
    let (w, h) = (opts.size.width / k, opts.size.height / k);
    let title = number.title(&words.governance_title(&t.name), lang);
    let mut frame = Frame::new(w, h);
    let top = frame.titled(&title);
    let area = Rect {
        x: MARGIN,
        y: top,
        w: w - 2.0 * MARGIN,
        h: frame.bottom() - top,
        radius: 0.0,
        fill: None,
        stroke: None,
        class: String::new(),
    };
    let bodies: Vec<&Body> = page.iter().map(|&i| &t.bodies()[i]).collect();
    let width = box_width(t, &bodies, area.w);
    // Positions on this slide, from positions in the territory.
    let here = |i: usize| page.iter().position(|&p| p == i);
    let edges: Vec<Edge> = bodies
        .iter()
        .enumerate()
        .filter_map(|(i, b)| {
            let parent = here(t.body_position(b.parent.as_deref()?)?)?;
            (parent != i).then_some(Edge {
                from: parent,
                to: i,
                heads: (true, false),
                dashed: false,
            })
        })
        .collect();
    let mut drawn = None;
    for lines in MEMBER_LINES {
        let nodes: Vec<Node> = bodies
            .iter()
            .map(|b| node(t, b, width, lines, words))
            .collect();
        let d = graph::draw(&area, &nodes, &edges, "body")?;
        let fits = d.scale >= 1.0;
        drawn = Some(d);
        if fits {
            break;
        }
    }
    frame
        .items
        .extend(drawn.map(|d| d.items).unwrap_or_default());
    frame.footer(t);
    Ok(finish(frame.scene(title), k))
}

/// Each body's layer: how many bodies above it it reports to, through its parents.
fn depth(t: &Territory, body: &Body) -> usize {
    let mut n = 0;
    let mut at = body;
    while let Some(parent) = at.parent.as_deref().and_then(|p| t.body(p)) {
        n += 1;
        if n > t.bodies().len() {
            break; // a cycle: the loader refuses one, but never loop
        }
        at = parent;
    }
    n
}

/// The boxes' width: the widest layer's boxes of `bodies` side by side across `room`.
fn box_width(t: &Territory, bodies: &[&Body], room: f64) -> f64 {
    let mut per_layer = std::collections::BTreeMap::<usize, usize>::new();
    for b in bodies.iter().copied() {
        *per_layer.entry(depth(t, b)).or_default() += 1;
    }
    let widest = per_layer.values().copied().max().unwrap_or(1) as f64;
    (room / widest - AROUND).clamp(MIN_W, MAX_W)
}

/// A body's box: name, kind, chair, members on at most `member_lines` lines.
fn node(t: &Territory, b: &Body, width: f64, member_lines: usize, words: &dyn Catalog) -> Node {
    let inner = width - 2.0 * PAD;
    let wrap = |s: &str, weight, lines| text::wrap(s, inner, TEXT, weight, lines).lines;
    let mut blocks = vec![(wrap(&b.name, Weight::Bold, 2), (TEXT, Weight::Bold, NAVY))];
    if let Some(kind) = &b.kind {
        blocks.push((
            wrap(kind, Weight::Regular, 2),
            (TEXT, Weight::Regular, GREY),
        ));
    }
    if let Some(chair) = b.chair.as_deref().and_then(|c| t.actor(c)) {
        let said = words.chaired_by(sigle(chair));
        blocks.push((
            wrap(&said, Weight::Regular, 2),
            (TEXT, Weight::Regular, INK),
        ));
    }
    let members: Vec<&str> = b
        .members
        .iter()
        .filter_map(|m| t.actor(m))
        .map(sigle)
        .collect();
    if !members.is_empty() {
        blocks.push((
            listed(&members, inner, member_lines, words),
            (TEXT, Weight::Regular, INK),
        ));
    }
    Node {
        id: b.id.clone(),
        width,
        blocks,
        paint: Paint {
            fill: WHITE,
            stroke: if b.parent.is_none() { NAVY } else { RULE },
            text: INK,
            stroke_width: if b.parent.is_none() { 3.0 } else { 2.0 },
            dashed: false,
        },
    }
}

/// Names joined by commas on at most `max_lines` lines of `width`: all of them when they
/// fit, else as many of the first as fit with "+ N autres" after them.
fn listed(names: &[&str], width: f64, max_lines: usize, words: &dyn Catalog) -> Vec<String> {
    let lines_of = |s: &str| text::wrap(s, width, TEXT, Weight::Regular, max_lines + 1);
    for shown in (0..=names.len()).rev() {
        let mut s = names[..shown].join(", ");
        if shown < names.len() {
            if shown > 0 {
                s.push_str(", ");
            }
            s.push_str(&words.more(names.len() - shown));
        }
        let wrapped = lines_of(&s);
        if wrapped.lines.len() <= max_lines && wrapped.whole() {
            return wrapped.lines;
        }
    }
    text::wrap(
        &words.more(names.len()),
        width,
        TEXT,
        Weight::Regular,
        max_lines,
    )
    .lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn too_many_members_show_the_first_ones_and_how_many_more() {
        let names: Vec<String> = (0..30).map(|i| format!("Membre {i}")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let lines = listed(&names, 300.0, 2, Lang::Fr.catalog());
        assert_eq!(lines.len(), 2, "{lines:?}");
        let last = lines.last().unwrap();
        assert!(last.contains("autres"), "{lines:?}");
        assert!(lines[0].starts_with("Membre 0, Membre 1"), "{lines:?}");
        // Few enough: all of them, no "autres".
        let all = listed(&names[..3], 300.0, 2, Lang::Fr.catalog());
        assert_eq!(all.join(" "), "Membre 0, Membre 1, Membre 2");
    }
}
