//! The territory overview: one card per domain with its PRIORITAIRE and gap badges, and for
//! each objective its target, its lead (or the red "Chef de file ?" with its candidates) and
//! a small bar of its progress from `status`; then the number of actors involved and the
//! related domains. Cards too many for one slide go on the next ("(2/2)"); a domain with
//! more objectives than a slide holds continues on another card ("DC3 (suite)").

use super::frame::{Frame, MARGIN, MAX_SLIDES, Page, TEXT, badge, paginate, priority_badge, solid};
use super::scene::{Item, Scene, Stroke, Weight};
use super::status_chart::verdict_color;
use super::words::Label;
use super::{
    Block, Card, GREY, INK, LIGHT, NAVY, Options, RED, RULE, WHITE, finish, gap_paint, group,
    largest, name_on_one_line, rect_item, stack, text,
};
use crate::model::{Domain, Objective, Role, Territory};
use crate::status::{ObjectiveStatus, Status, Verdict};
use std::collections::HashMap;

const GAP: f64 = 16.0;
const PAD: f64 = 14.0;
const MAX_COLS: usize = 3;
/// The roles whose gaps get a badge, in sector order.
const BADGE_ROLES: [Role; 5] = [
    Role::Prescriber,
    Role::Funder,
    Role::Support,
    Role::Target,
    Role::Relay,
];

/// One card: a domain, or the rest of a domain too long for one card.
struct Plan<'a> {
    domain: &'a Domain,
    objectives: Vec<&'a Objective>,
    /// False for a card that continues the domain's previous one.
    first: bool,
    height: f64,
}

/// The overview, on one slide or more; `status` gives each objective's progress.
pub fn layout(t: &Territory, status: &Status, opts: &Options) -> Vec<Scene> {
    let (lang, words) = (opts.lang, opts.lang.catalog());
    let k = opts.size.scale();
    let (w, h) = (opts.size.width / k, opts.size.height / k);
    let title = words.overview_title(&t.name, t.programme.as_ref().map(|p| p.name.as_str()));
    let cols = t.domains().len().clamp(1, MAX_COLS);
    let card_w = (w - 2.0 * MARGIN - (cols as f64 - 1.0) * GAP) / cols as f64;
    let ctx = Ctx {
        t,
        by_id: status
            .objectives
            .iter()
            .map(|s| (s.id.as_str(), s))
            .collect(),
        opts,
        w: card_w,
    };
    // Past `MAX_SLIDES`, the overview stops there and its last slide says how many
    // objectives it leaves out (the titles measured with that note).
    let n = t.objectives().len();
    let mut slides = ctx.slides(&title, cols, h, MAX_SLIDES + 1);
    let mut left_out = 0;
    if slides.len() > MAX_SLIDES {
        let note = format!("{title} · {}", words.more_objectives(n));
        slides = ctx.slides(&note, cols, h, MAX_SLIDES);
        slides.truncate(MAX_SLIDES);
        let shown: usize = slides
            .iter()
            .flatten()
            .flat_map(|row| row.iter())
            .map(|plan| plan.objectives.len())
            .sum();
        left_out = n.saturating_sub(shown);
    }
    let count = slides.len();
    slides
        .into_iter()
        .zip(Page::all(count))
        .map(|(rows, page)| {
            let mut title = page.title(&title, lang);
            if left_out > 0 && page.number == count {
                title = format!("{title} · {}", words.more_objectives(left_out));
            }
            let mut frame = Frame::new(w, h);
            let top = frame.titled(&title);
            // Rows share the slide's height, each at least as tall as its tallest card.
            let natural: f64 = rows.iter().map(|r| row_h(r)).sum::<f64>()
                + GAP * rows.len().saturating_sub(1) as f64;
            let extra =
                ((frame.bottom() - top - natural) / rows.len().max(1) as f64).clamp(0.0, 120.0);
            let mut y = top;
            for row in &rows {
                let rh = row_h(row) + extra;
                for (col, plan) in row.iter().enumerate() {
                    let x = MARGIN + col as f64 * (card_w + GAP);
                    let (items, _) = ctx.card(plan.domain, &plan.objectives, plan.first, x, y, rh);
                    let id = if plan.first {
                        plan.domain.id.clone()
                    } else {
                        format!("{}+{}", plan.domain.id, plan.objectives[0].id)
                    };
                    frame.items.push(group("card", &id, items));
                }
                y += rh + GAP;
            }
            if t.domains().is_empty() {
                let (texts, _) = stack(
                    MARGIN,
                    top,
                    &[words.map_label(Label::NoDomain).to_owned()],
                    (TEXT, Weight::Regular, RED),
                );
                frame.items.push(group("note", "", texts));
            }
            frame.footer(t);
            finish(frame.scene(title), k)
        })
        .collect()
}

/// The height of a row of cards: its tallest card's.
fn row_h(row: &[Plan]) -> f64 {
    row.iter().map(|p| p.height).fold(0.0, f64::max)
}

struct Ctx<'a> {
    t: &'a Territory,
    /// Each objective's progress, by id.
    by_id: HashMap<&'a str, &'a ObjectiveStatus>,
    opts: &'a Options,
    /// A card's width.
    w: f64,
}

impl<'a> Ctx<'a> {
    /// The cards in rows of `cols`, as many rows on a slide as fit below a title as wide as
    /// `widest` on a slide `h` high, a domain split where one card would not fit a slide.
    /// Cards are planned until `limit` slides are full: a territory of thousands of
    /// objectives is not measured whole for slides that are not drawn.
    fn slides(&self, widest: &str, cols: usize, h: f64, limit: usize) -> Vec<Vec<Vec<Plan<'a>>>> {
        let (t, lang) = (self.t, self.opts.lang);
        // The body's room, measured with the widest page number a split can write.
        let mut probe = Frame::new(self.opts.size.width / self.opts.size.scale(), h);
        let top = probe.titled(&Page::widest(t.domains().len() * 4).title(widest, lang));
        let room = probe.bottom() - top;
        let rows = |plans: Vec<Plan<'a>>| -> Vec<Vec<Vec<Plan<'a>>>> {
            let mut rows: Vec<Vec<Plan>> = Vec::new();
            for plan in plans {
                match rows.last_mut() {
                    Some(row) if row.len() < cols => row.push(plan),
                    _ => rows.push(vec![plan]),
                }
            }
            let heights = rows.into_iter().map(|r| {
                let h = row_h(&r);
                (r, h)
            });
            paginate(heights, room, GAP)
        };
        let full = |plans: &[Plan]| {
            let heights = plans.chunks(cols).map(|r| ((), row_h(r)));
            paginate(heights, room, GAP).len() > limit
        };
        let mut plans: Vec<Plan> = Vec::new();
        for d in t.domains() {
            let objectives: Vec<&Objective> = t.objectives_of(&d.id).collect();
            let mut first = true;
            let mut rest = objectives.as_slice();
            loop {
                // The most objectives whose card fits a slide (one at least); each takes a
                // line at least, so no more than the slide has lines are tried (a domain of
                // 1,000 objectives is not measured whole at each step).
                let most = rest
                    .len()
                    .min((room / super::text::line_height(TEXT)) as usize + 1);
                let n = largest(1, most, |n| {
                    self.card(d, &rest[..n], first, 0.0, 0.0, 0.0).1 <= room
                })
                .min(rest.len());
                let height = self.card(d, &rest[..n], first, 0.0, 0.0, 0.0).1;
                plans.push(Plan {
                    domain: d,
                    objectives: rest[..n].to_vec(),
                    first,
                    height,
                });
                if plans.len().is_multiple_of(cols) && full(&plans) {
                    return rows(plans);
                }
                first = false;
                rest = &rest[n..];
                if rest.is_empty() {
                    break;
                }
            }
        }
        rows(plans)
    }

    /// A card at (x, y), at least `min_h` tall: its items and its height.
    fn card(
        &self,
        d: &Domain,
        objectives: &[&Objective],
        first: bool,
        x: f64,
        y: f64,
        min_h: f64,
    ) -> (Vec<Item>, f64) {
        let (t, lang, words) = (self.t, self.opts.lang, self.opts.lang.catalog());
        let inner = self.w - 2.0 * PAD;
        let all: Vec<&Objective> = t.objectives_of(&d.id).collect();
        let mut items = Vec::new();

        // Badges along the top, on as many rows as they need.
        let id = if first {
            d.id.clone()
        } else {
            words.continued(&d.id)
        };
        let mut badges = vec![Card {
            radius: 8.0,
            ..badge(&id, solid(NAVY))
        }];
        if all.iter().any(|o| o.priority) {
            badges.push(priority_badge(lang));
        }
        if all.iter().any(|o| self.opts.gaps.lead(o).is_some()) {
            badges.push(badge(words.map_label(Label::NoLead), gap_paint()));
        }
        for role in BADGE_ROLES {
            if all.iter().any(|o| self.opts.gaps.role(o, role)) {
                badges.push(badge(&words.role_gap(role), gap_paint()));
            }
        }
        let (mut bx, mut by) = (x + PAD, y + PAD);
        for b in badges {
            if bx > x + PAD && bx + b.w > x + PAD + inner {
                bx = x + PAD;
                by += b.h + 8.0;
            }
            items.extend(b.items(bx, by, "badge"));
            bx += b.w + 8.0;
        }
        let mut cursor = by + 34.0 + 8.0;
        let para = |s: &str, weight, color, max_lines, cursor: &mut f64, items: &mut Vec<Item>| {
            let b = Block::wrapped(s, inner, TEXT, weight, max_lines);
            let (texts, next) = stack(x + PAD, *cursor, &b.lines, (TEXT, weight, color));
            items.extend(texts);
            *cursor = next;
        };
        if first {
            para(&d.name, Weight::Bold, NAVY, 3, &mut cursor, &mut items);
            cursor += 6.0;
        }
        // The bars of a card share one length: their labels get the widest one's room.
        let label_w = objectives
            .iter()
            .map(|o| text::width(&self.share(o), TEXT, Weight::Bold))
            .fold(0.0, f64::max);
        for o in objectives {
            // Each objective's lines in a group of its id: what the slide shows, for the
            // dossier's speaker notes (`dossier::on_slides`).
            let start = items.len();
            let line = words.target_line(&o.title, o.target, o.unit.as_deref());
            // The title is recalled here (complete on the domain's map and the status
            // chart): two lines at most.
            para(&line, Weight::Regular, INK, 2, &mut cursor, &mut items);
            let leads = t.actors_in_role(o, Role::Lead);
            let width = inner * 0.6;
            if !leads.is_empty() {
                let names: Vec<&str> = leads
                    .iter()
                    .map(|a| name_on_one_line(a, width, TEXT, Weight::Bold))
                    .collect();
                para(
                    &words.leads(&names),
                    Weight::Bold,
                    NAVY,
                    3,
                    &mut cursor,
                    &mut items,
                );
            } else if let Some(ids) = self.opts.gaps.lead(o) {
                let names: Vec<&str> = ids
                    .iter()
                    .filter_map(|id| t.actor(id))
                    .map(|a| name_on_one_line(a, width, TEXT, Weight::Bold))
                    .collect();
                let s = words.lead_candidates(&names);
                para(&s, Weight::Bold, RED, 3, &mut cursor, &mut items);
            }
            cursor += 4.0;
            items.extend(self.progress(o, x + PAD, cursor, inner, label_w));
            cursor += text::line_height(TEXT) + 6.0;
            let own = items.split_off(start);
            items.push(group("objective", &o.id, own));
        }
        if objectives.is_empty() {
            para(
                words.map_label(Label::NoObjective),
                Weight::Regular,
                RED,
                1,
                &mut cursor,
                &mut items,
            );
        }
        // The card's last line: actors involved and related domains.
        let mut foot = String::new();
        if first {
            // A set: a domain of 1,000 objectives involves thousands of actors.
            let actors: std::collections::HashSet<&str> = all
                .iter()
                .flat_map(|o| t.involvements(o))
                .map(|inv| inv.actor.id.as_str())
                .collect();
            foot = words.actors(actors.len());
            if !d.related.is_empty() {
                foot.push_str(" · ");
                foot.push_str(&words.related(&d.related));
            }
        }
        let foot = Block::wrapped(&foot, inner, TEXT, Weight::Regular, 2);
        let foot_h = foot.lines.len() as f64 * text::line_height(TEXT);
        let height = (cursor + foot_h + PAD - y).max(min_h);
        let (texts, _) = stack(
            x + PAD,
            y + height - PAD - foot_h,
            &foot.lines,
            (TEXT, Weight::Regular, GREY),
        );
        items.extend(texts);
        let priority = all.iter().any(|o| o.priority);
        let frame = rect_item(
            (x, y, self.w, height),
            14.0,
            Some(if priority { WHITE } else { LIGHT }),
            Some(Stroke::solid(
                if priority { NAVY } else { RULE },
                if priority { 3.0 } else { 1.5 },
            )),
            "card",
        );
        items.insert(0, frame);
        (items, height)
    }

    /// An objective's share as the card writes it: "40 %", "avancement inconnu".
    fn share(&self, o: &Objective) -> String {
        let words = self.opts.lang.catalog();
        match self.by_id.get(o.id.as_str()) {
            Some(s) => match (s.verdict, s.ratio) {
                (_, Some(r)) => words.percent(r),
                (Verdict::NoTarget, None) => words.map_label(Label::NoTarget).to_owned(),
                _ => words.map_label(Label::ProgressUnknown).to_owned(),
            },
            None => String::new(),
        }
    }

    /// An objective's progress: a small bar of its share (dashed grey when unknown) and the
    /// share written after it in `label_w`, one text line high.
    fn progress(&self, o: &Objective, x: f64, top: f64, width: f64, label_w: f64) -> Vec<Item> {
        let Some(s) = self.by_id.get(o.id.as_str()) else {
            return Vec::new();
        };
        let label = self.share(o);
        let bar_w = (width - label_w - 14.0).max(60.0);
        let bh = 16.0;
        let lh = text::line_height(TEXT);
        let by = top + (lh - bh) / 2.0;
        let mut items = vec![rect_item(
            (x, by, bar_w, bh),
            4.0,
            Some(LIGHT),
            Some(match s.ratio {
                Some(_) => Stroke::solid(RULE, 1.0),
                None => Stroke::dashed(GREY, 1.5, 5.0, 4.0),
            }),
            "progress",
        )];
        let color = verdict_color(s);
        if let Some(r) = s.ratio {
            let fill = (r.clamp(0.0, 1.0) * bar_w).max(0.0);
            if fill > 0.0 {
                items.push(rect_item(
                    (x, by, fill, bh),
                    4.0,
                    Some(color),
                    None,
                    "progress",
                ));
            }
        }
        let (texts, _) = stack(
            x + bar_w + 14.0,
            top,
            &[label],
            (
                TEXT,
                Weight::Bold,
                if s.ratio.is_some() { color } else { GREY },
            ),
        );
        items.extend(texts);
        items
    }
}
