//! The domain page, laid out like the seed deck's zoom page, on one 16:9 slide: the domain's
//! phrase under its title; the état des lieux and the objectives with their target and
//! PRIORITAIRE badge; the actions with their bearers and state (grouped by where they come
//! from); "Qui mobilise-t-on ?" with each objective's lead, or the red "Quid du portage ?" and
//! its candidates (the `missing-lead` findings, as on the maps); the means and the related
//! domains. A column that cannot hold its list ends it with "+ 3 autres".

use super::frame::{Frame, MARGIN, PANEL_WIDTH, TEXT, priority_badge};
use super::scene::{Color, Item, Scene, Weight};
use super::words::Label;
use super::{GREY, INK, LIGHT, NAVY, Options, RED, finish, group, rect_item, stack, text};
use crate::i18n::Catalog;
use crate::model::{Action, ActionStatus, Domain, Means, Objective, Role, Scope, Territory};

/// The space between the columns.
const GUTTER: f64 = 24.0;
/// The space between a column's edge and its text.
const PAD: f64 = 20.0;
/// The left column (état des lieux, objectives).
const LEFT_W: f64 = 560.0;
/// The most lines of one item of a list.
const ITEM_LINES: usize = 4;
/// A done action's colour.
const DONE: Color = "#276029";

/// A column of the page: a light box filled from the top; what does not fit is counted.
struct Column {
    x: f64,
    w: f64,
    top: f64,
    bottom: f64,
    y: f64,
    items: Vec<Item>,
}

impl Column {
    fn new(x: f64, w: f64, top: f64, bottom: f64) -> Column {
        Column {
            x,
            w,
            top,
            bottom,
            y: top + PAD,
            items: Vec::new(),
        }
    }

    fn inner(&self) -> f64 {
        self.w - 2.0 * PAD
    }

    /// The lines of `s` at `indent`, or `None` when they do not fit above `reserve` pixels
    /// kept at the bottom.
    fn lines(&self, s: &str, weight: Weight, indent: f64, reserve: f64) -> Option<Vec<String>> {
        let lines = text::wrap(s, self.inner() - indent, TEXT, weight, ITEM_LINES).lines;
        let h = lines.len() as f64 * text::line_height(TEXT);
        (self.y + h <= self.bottom - PAD - reserve).then_some(lines)
    }

    /// Write `s` if it fits above `reserve`; false when it does not.
    fn put(
        &mut self,
        s: &str,
        (weight, color): (Weight, Color),
        indent: f64,
        reserve: f64,
    ) -> bool {
        let Some(lines) = self.lines(s, weight, indent, reserve) else {
            return false;
        };
        let (texts, next) = stack(self.x + PAD + indent, self.y, &lines, (TEXT, weight, color));
        self.items.extend(texts);
        self.y = next;
        true
    }

    fn heading(&mut self, s: &str) {
        if self.put(s, (Weight::Bold, NAVY), 0.0, text::line_height(TEXT)) {
            self.y += 6.0;
        }
    }

    fn space(&mut self, dy: f64) {
        self.y += dy;
    }

    /// Items of a list, each on its lines; when the rest does not fit, "+ 3 autres".
    fn list(&mut self, items: &[(String, (Weight, Color))], words: &dyn Catalog) {
        let lh = text::line_height(TEXT);
        for (i, (s, style)) in items.iter().enumerate() {
            let last = i + 1 == items.len();
            let reserve = if last { 0.0 } else { lh };
            if !self.put(s, *style, 0.0, reserve) {
                self.put(
                    &words.more(items.len() - i),
                    (Weight::Regular, GREY),
                    0.0,
                    0.0,
                );
                return;
            }
            self.y += 4.0;
        }
    }

    fn finish(self, id: &str) -> Item {
        let mut items = vec![rect_item(
            (self.x, self.top, self.w, self.bottom - self.top),
            14.0,
            Some(LIGHT),
            None,
            "card",
        )];
        items.extend(self.items);
        group("section", id, items)
    }
}

/// A bullet before a line of a list.
fn bullet(s: &str) -> String {
    format!("• {s}")
}

/// The actions of a domain, its objectives' and its own, in file order.
pub fn actions<'a>(t: &'a Territory, d: &Domain) -> Vec<&'a Action> {
    t.actions()
        .iter()
        .filter(|a| match &a.scope {
            Scope::Domain(id) => *id == d.id,
            Scope::Objective(o) => t.objective(o).is_some_and(|o| o.domain == d.id),
        })
        .collect()
}

/// Whether `build` draws a domain's page: it has actions or an état des lieux.
pub fn has_page(t: &Territory, d: &Domain) -> bool {
    !d.context.is_empty() || !actions(t, d).is_empty()
}

/// The bearers of an action, by their sigles where they have one.
pub fn bearers<'a>(t: &'a Territory, a: &Action) -> Vec<&'a str> {
    a.bearers
        .iter()
        .filter_map(|id| t.actor(id))
        .map(super::sigle)
        .collect()
}

/// An action's line: its title, bearers and, when under way, done or dropped, its state;
/// under way in bold, done in green.
pub fn action_line(t: &Territory, a: &Action, words: &dyn Catalog) -> (String, (Weight, Color)) {
    let status = (a.status != ActionStatus::Planned).then_some(a.status);
    let said = words.action_by(&a.title, &bearers(t, a), status);
    let style = match a.status {
        ActionStatus::Planned => (Weight::Regular, INK),
        ActionStatus::Ongoing => (Weight::Bold, NAVY),
        ActionStatus::Done => (Weight::Bold, DONE),
        ActionStatus::Dropped => (Weight::Regular, GREY),
    };
    (bullet(&said), style)
}

/// A domain's page, on one slide.
pub fn layout(t: &Territory, d: &Domain, opts: &Options) -> Vec<Scene> {
    let words = opts.lang.catalog();
    let k = opts.size.scale();
    let (w, h) = (opts.size.width / k, opts.size.height / k);
    let title = format!("{} · {}", d.id, d.name)
        .trim_end_matches([' ', '·'])
        .to_owned();
    let mut frame = Frame::new(w, h);
    let mut y = frame.title(&title) + 8.0;
    if let Some(phrase) = &d.headline {
        let (texts, bottom) = super::paragraph(
            MARGIN,
            y,
            phrase,
            w - 2.0 * MARGIN,
            (24.0, Weight::Bold, INK),
            2,
        );
        frame.items.push(group("headline", "", texts));
        y = bottom + 4.0;
    }
    frame.rule(y + 6.0);
    let top = y + 24.0;
    let bottom = frame.bottom();
    let objectives: Vec<&Objective> = t.objectives_of(&d.id).collect();

    // Left: the état des lieux, then the objectives.
    let mut left = Column::new(MARGIN, LEFT_W, top, bottom);
    if !d.context.is_empty() {
        left.heading(words.map_label(Label::Context));
        let lines: Vec<_> = d
            .context
            .iter()
            .map(|c| (bullet(c), (Weight::Regular, INK)))
            .collect();
        left.list(&lines, words);
        left.space(14.0);
    }
    if objectives.is_empty() {
        left.put(
            words.map_label(Label::NoObjective),
            (Weight::Regular, RED),
            0.0,
            0.0,
        );
    }
    for o in &objectives {
        let line = words.objective_line(&o.title, o.target, o.unit.as_deref());
        let badge = o.priority.then(|| priority_badge(opts.lang));
        let need = badge.as_ref().map_or(0.0, |b| b.h + 6.0);
        let Some(lines) = left.lines(&line, Weight::Regular, 0.0, need) else {
            break;
        };
        if let Some(b) = badge {
            left.items.extend(b.items(left.x + PAD, left.y, "badge"));
            left.y += b.h + 6.0;
        }
        let (texts, next) = stack(left.x + PAD, left.y, &lines, (TEXT, Weight::Regular, INK));
        left.items.extend(texts);
        left.y = next + 12.0;
    }

    // Middle: the actions, grouped by where they come from.
    let right_x = w - MARGIN - PANEL_WIDTH;
    let mid_x = MARGIN + LEFT_W + GUTTER;
    let mut mid = Column::new(mid_x, right_x - GUTTER - mid_x, top, bottom);
    mid.heading(words.map_label(Label::Actions));
    let all = actions(t, d);
    if all.is_empty() {
        mid.put(
            words.map_label(Label::NoAction),
            (Weight::Regular, GREY),
            0.0,
            0.0,
        );
    }
    let mut lines: Vec<(String, (Weight, Color))> = Vec::new();
    let mut origins: Vec<Option<&str>> = Vec::new();
    for a in &all {
        if !origins.contains(&a.source.as_deref()) {
            origins.push(a.source.as_deref());
        }
    }
    for origin in &origins {
        if origins.len() > 1
            && let Some(o) = origin
        {
            lines.push((o.to_string(), (Weight::Bold, GREY)));
        }
        lines.extend(
            all.iter()
                .filter(|a| a.source.as_deref() == *origin)
                .map(|a| action_line(t, a, words)),
        );
    }
    mid.list(&lines, words);

    // Right: who is mobilised, the means, the related domains.
    let mut right = Column::new(right_x, PANEL_WIDTH, top, bottom);
    let foot = (!d.related.is_empty()).then(|| words.related(&d.related));
    let reserve = if foot.is_some() {
        text::line_height(TEXT) + 8.0
    } else {
        0.0
    };
    right.heading(words.map_label(Label::WhoIsMobilised));
    let mut who: Vec<(String, (Weight, Color))> = Vec::new();
    for o in &objectives {
        if objectives.len() > 1 {
            who.push((o.id.clone(), (Weight::Bold, NAVY)));
        }
        let leads: Vec<&str> = t
            .actors_in_role(o, Role::Lead)
            .iter()
            .map(|a| a.name.as_str())
            .collect();
        if let Some(candidates) = opts.gaps.lead(o) {
            who.push((
                words.map_label(Label::NoBearer).to_owned(),
                (Weight::Bold, RED),
            ));
            let names: Vec<String> = candidates
                .iter()
                .filter_map(|id| t.actor(id))
                .map(|a| words.candidate(super::sigle(a)))
                .collect();
            if !names.is_empty() {
                who.push((names.join(", "), (Weight::Regular, RED)));
            }
        } else if !leads.is_empty() {
            who.push((words.leads(&leads), (Weight::Regular, INK)));
        }
    }
    right.list(&who, words);
    let means = means(t, &objectives, words);
    if !means.is_empty() {
        right.space(14.0);
        if right
            .lines(
                "",
                Weight::Bold,
                0.0,
                reserve + 2.0 * text::line_height(TEXT),
            )
            .is_some()
        {
            right.heading(words.map_label(Label::Means));
            let rest = means;
            let lh = text::line_height(TEXT);
            for (i, (s, style)) in rest.iter().enumerate() {
                let more = i + 1 < rest.len();
                if !right.put(s, *style, 0.0, reserve + if more { lh } else { 0.0 }) {
                    right.put(
                        &words.more(rest.len() - i),
                        (Weight::Regular, GREY),
                        0.0,
                        reserve,
                    );
                    break;
                }
            }
        }
    }
    if let Some(foot) = foot {
        right.y = right.y.max(bottom - PAD - text::line_height(TEXT));
        let line = text::wrap(&foot, right.inner(), TEXT, Weight::Bold, 1)
            .lines
            .join(" ");
        right.put(&line, (Weight::Bold, NAVY), 0.0, 0.0);
    }

    frame.items.push(left.finish("context"));
    frame.items.push(mid.finish("actions"));
    frame.items.push(right.finish("who"));
    frame.footer(t);
    vec![finish(frame.scene(title), k)]
}

/// "Ingénierie : SyMPaC, ADEME" for each kind of means the domain's actors bring.
fn means(
    t: &Territory,
    objectives: &[&Objective],
    words: &dyn Catalog,
) -> Vec<(String, (Weight, Color))> {
    let mut out = Vec::new();
    for m in Means::ALL {
        let mut names: Vec<&str> = Vec::new();
        for o in objectives {
            for inv in t.involvements(o) {
                let name = super::sigle(inv.actor);
                if inv.link.means == Some(m) && !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        if !names.is_empty() {
            out.push((words.means_line(m, &names), (Weight::Regular, INK)));
        }
    }
    out
}
