//! The cartographie des acteurs of a domain (or of one objective): the headline in the
//! centre, one sector per role, the lead or the red "Chef de file ?" gap, the title band,
//! the legend, the means panel and the related domains.

use super::radial::{self, SectorSpec};
use super::scene::{Anchor, Item, Line, Rect, Scene, Weight};
use super::{
    Card, NAVY, Options, Paint, WHITE, colon, finish, footer, gap_paint, group, number, paint,
    paragraph, rect_item, text, text_item, tr,
};
use crate::model::{Actor, Domain, Lang, Means, Objective, Role, Territory};

pub const MARGIN: f64 = 48.0;
pub const PANEL_WIDTH: f64 = 420.0;
/// Name text wraps within this width on actor cards.
pub const CARD_TEXT: f64 = 210.0;
pub const NAME_SIZE: f64 = 18.0;

/// What one map shows: a domain's objectives, or one objective.
pub struct MapSubject<'a> {
    pub domain: &'a Domain,
    pub objectives: Vec<&'a Objective>,
}

/// The roles drawn as sectors, clockwise after the lead's.
const SECTOR_ROLES: [Role; 5] = [
    Role::Prescriber,
    Role::Funder,
    Role::Support,
    Role::Target,
    Role::Relay,
];

/// The actors of `role` across the subject's objectives, each once, in link order.
fn actors_in<'a>(t: &'a Territory, subject: &MapSubject<'a>, role: Role) -> Vec<&'a Actor> {
    let mut out: Vec<&Actor> = Vec::new();
    for o in &subject.objectives {
        for a in t.actors_in_role(o, role) {
            if !out.iter().any(|x| x.id == a.id) {
                out.push(a);
            }
        }
    }
    out
}

/// The required roles (`opts`) nobody holds towards some of `objectives` that has actors,
/// each with those objectives, in sector order. The lead has its own gap cards.
pub fn role_gaps<'a>(
    t: &Territory,
    objectives: &[&'a Objective],
    opts: &Options,
) -> Vec<(Role, Vec<&'a Objective>)> {
    let mut gaps = Vec::new();
    for role in SECTOR_ROLES {
        let missing: Vec<&Objective> = objectives
            .iter()
            .copied()
            .filter(|o| {
                opts.required_for(o).contains(&role)
                    && t.involvements(o).next().is_some()
                    && t.actors_in_role(o, role).is_empty()
            })
            .collect();
        if !missing.is_empty() {
            gaps.push((role, missing));
        }
    }
    gaps
}

/// The cartographie of a domain as a Scene.
pub fn domain(t: &Territory, domain: &Domain, opts: &Options) -> Scene {
    let subject = MapSubject {
        domain,
        objectives: t.objectives_of(&domain.id).collect(),
    };
    layout(t, &subject, opts)
}

/// The cartographie of one objective as a Scene.
pub fn objective(t: &Territory, objective: &Objective, opts: &Options) -> Scene {
    let domain = t.domain(&objective.domain);
    let fallback;
    let domain = match domain {
        Some(d) => d,
        None => {
            fallback = Domain {
                id: objective.domain.clone(),
                name: String::new(),
                headline: None,
                related: Vec::new(),
                origin: objective.origin.clone(),
            };
            &fallback
        }
    };
    let subject = MapSubject {
        domain,
        objectives: vec![objective],
    };
    layout(t, &subject, opts)
}

/// Lay the map out, growing the canvas (text keeps its size) until every card fits.
pub fn layout(t: &Territory, subject: &MapSubject, opts: &Options) -> Scene {
    let lang = opts.lang;
    let k = opts.size.scale();
    let gaps = role_gaps(t, &subject.objectives, opts);
    let (w0, h0) = (opts.size.width / k, opts.size.height / k);

    let hub_text = subject
        .domain
        .headline
        .clone()
        .unwrap_or_else(|| subject.domain.name.clone());
    let hub = Card::new(
        &[(hub_text.as_str(), 28.0, Weight::Bold, 3)],
        340.0,
        Paint {
            fill: NAVY,
            stroke: NAVY,
            text: WHITE,
            stroke_width: 0.0,
            dashed: false,
        },
    );
    let hub = Card {
        radius: 24.0,
        ..hub
    };

    // Start from a canvas big enough for the cards' area, when they clearly cannot fit.
    let grow = {
        let need = radial::need(&sectors(t, subject, &gaps, opts, ZOOMS[ZOOMS.len() - 1]));
        let room = (w0 - PANEL_WIDTH - 3.0 * MARGIN) * (h0 - 260.0);
        (need * 1.6 / room).sqrt().max(1.0)
    };
    let search = radial::Search {
        zooms: &ZOOMS,
        skip_crowded: true,
    };
    let fit = radial::fit(
        grow,
        &search,
        &hub,
        |grow| {
            let (w, h) = (w0 * grow, h0 * grow);
            let mut frame = Frame::new(w, h);
            let header_bottom = frame.header(subject, lang);
            let panel_x = w - MARGIN - PANEL_WIDTH;
            frame.panel(
                t,
                subject,
                (lang, !gaps.is_empty()),
                panel_x,
                (header_bottom + 24.0, h - MARGIN - 28.0),
            );
            frame.footer(t);
            let area = Frame::map_area(header_bottom, panel_x, h);
            (frame, area)
        },
        |zoom| sectors(t, subject, &gaps, opts, zoom),
    );
    // Tinted sectors under everything; with nobody but the (missing) lead, say so rather
    // than draw an empty ring.
    let tinted = fit.sectors.iter().any(|s| s.key != "lead");
    let note = if fit.overflow {
        Some(tr(
            lang,
            "Trop d'acteurs pour une carte : dessinez un objectif à la fois (--objective)",
            "Too many actors for one map: draw one objective at a time (--objective)",
        ))
    } else {
        (!tinted).then(|| tr(lang, "Aucun acteur renseigné", "No actor given"))
    };
    let items = radial::draw(&fit, &hub, "", tinted.then_some(0.09), note);
    let mut frame = fit.page;
    frame.items.extend(items);
    let title = format!("{} · {}", subject.domain.id, subject.domain.name);
    finish(frame.scene(title), k)
}

/// Card text sizes tried, largest first.
const ZOOMS: [f64; 4] = [1.25, 1.12, 1.0, 0.9];

fn sectors(
    t: &Territory,
    subject: &MapSubject,
    gaps: &[(Role, Vec<&Objective>)],
    opts: &Options,
    zoom: f64,
) -> Vec<SectorSpec> {
    let lang = opts.lang;
    let name_size = NAME_SIZE * zoom;
    let small = (16.0 * zoom).max(16.0);
    let card_text = CARD_TEXT * zoom;
    let mut specs = Vec::new();

    // The lead sector: the leads, or one gap card per objective without a lead.
    let mut cards = Vec::new();
    let mut ids = Vec::new();
    let mut cls = Vec::new();
    for a in actors_in(t, subject, Role::Lead) {
        cards.push(Card::new(
            &[
                (tr(lang, "Chef de file", "Lead"), small, Weight::Bold, 1),
                (a.name.as_str(), name_size, Weight::Bold, 3),
            ],
            card_text,
            paint(Role::Lead),
        ));
        ids.push(format!("lead:{}", a.id));
        cls.push("actor");
    }
    for o in &subject.objectives {
        if !opts.lead_gap(t, o) {
            continue;
        }
        let candidates = t.actors_in_role(o, Role::LeadCandidate);
        let list = if candidates.is_empty() {
            tr(lang, "à désigner", "to be named").to_owned()
        } else {
            candidates
                .iter()
                .map(|a| format!("{}\u{a0}?", a.name.replace(' ', "\u{a0}")))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let head = if subject.objectives.len() > 1 {
            format!("{} ({})", tr(lang, "Chef de file ?", "Lead?"), o.id)
        } else {
            tr(lang, "Chef de file ?", "Lead?").to_owned()
        };
        cards.push(Card::new(
            &[
                (head.as_str(), name_size + 2.0, Weight::Bold, 2),
                (list.as_str(), name_size, Weight::Regular, 3),
            ],
            card_text + 40.0 * zoom,
            gap_paint(),
        ));
        ids.push(format!("lead-gap:{}", o.id));
        cls.push("lead-gap");
    }
    // No lead and no lead gap drawn (`missing-lead` is off): no lead sector either.
    if !cards.is_empty() {
        specs.push(SectorSpec {
            label: None,
            edge: radial::edge_stroke(&if cls.contains(&"lead-gap") {
                gap_paint()
            } else {
                paint(Role::Lead)
            }),
            cards,
            ids,
            key: "lead",
            tint: if cls.contains(&"lead-gap") {
                super::RED
            } else {
                NAVY
            },
            classes: cls,
        });
    }

    for role in SECTOR_ROLES {
        let actors = actors_in(t, subject, role);
        let gap = gaps
            .iter()
            .find(|(r, _)| *r == role)
            .map(|(_, missing)| missing);
        if actors.is_empty() && gap.is_none() {
            continue;
        }
        let p = paint(role);
        let label = Card {
            radius: 16.0,
            ..Card::new(
                &[(&role.label(lang).to_uppercase(), small, Weight::Bold, 2)],
                260.0 * zoom,
                Paint {
                    fill: WHITE,
                    stroke: p.stroke,
                    text: p.stroke,
                    stroke_width: 2.0,
                    dashed: false,
                },
            )
        };
        let mut cards: Vec<Card> = actors
            .iter()
            .map(|a| {
                Card::new(
                    &[(a.name.as_str(), name_size, Weight::Regular, 3)],
                    card_text,
                    p,
                )
            })
            .collect();
        let mut ids: Vec<String> = actors
            .iter()
            .map(|a| format!("{}:{}", role.id(), a.id))
            .collect();
        let mut cls = vec!["actor"; actors.len()];
        if let Some(missing) = gap {
            // One card for the role; it names the objectives that lack it when others of
            // the map have someone in it.
            let head = format!("{}{}", role.label(lang), tr(lang, "\u{a0}?", "?"));
            let mut todo = tr(lang, "à identifier", "to be identified").to_owned();
            let mapped = subject
                .objectives
                .iter()
                .filter(|o| t.involvements(o).next().is_some())
                .count();
            if subject.objectives.len() > 1 && missing.len() < mapped {
                let names: Vec<&str> = missing.iter().map(|o| o.id.as_str()).collect();
                todo = format!("{todo} ({})", names.join(", "));
            }
            cards.push(Card::new(
                &[
                    (head.as_str(), name_size + 2.0, Weight::Bold, 2),
                    (todo.as_str(), name_size, Weight::Regular, 3),
                ],
                card_text + 40.0 * zoom,
                gap_paint(),
            ));
            let names: Vec<&str> = missing.iter().map(|o| o.id.as_str()).collect();
            ids.push(format!("role-gap:{}:{}", role.id(), names.join(",")));
            cls.push("role-gap");
        }
        specs.push(SectorSpec {
            label: Some(label),
            cards,
            ids,
            classes: cls,
            key: role.id(),
            tint: p.fill,
            // A sector holding only its gap hangs by a red dashed line.
            edge: radial::edge_stroke(&if actors.is_empty() { gap_paint() } else { p }),
        });
    }
    specs
}

/// The slide around a map: title band, side panel, footer.
pub struct Frame {
    pub w: f64,
    pub h: f64,
    pub items: Vec<Item>,
}

impl Frame {
    /// The map's area on a slide of height `h`: under the header, left of the side panel,
    /// above the footer.
    pub fn map_area(header_bottom: f64, panel_x: f64, h: f64) -> Rect {
        Rect {
            x: MARGIN,
            y: header_bottom + 20.0,
            w: panel_x - 28.0 - MARGIN,
            h: h - MARGIN - 28.0 - (header_bottom + 20.0),
            radius: 0.0,
            fill: None,
            stroke: None,
            class: String::new(),
        }
    }

    pub fn new(w: f64, h: f64) -> Frame {
        Frame {
            w,
            h,
            items: Vec::new(),
        }
    }

    pub fn scene(self, title: String) -> Scene {
        Scene {
            width: self.w,
            height: self.h,
            title,
            background: WHITE,
            items: self.items,
        }
    }

    /// A title line (bold, navy) with a rule under the band; returns the band's bottom.
    pub fn title(&mut self, title: &str) -> f64 {
        let (items, bottom) = paragraph(
            MARGIN,
            36.0,
            title,
            self.w - 2.0 * MARGIN,
            (34.0, Weight::Bold, NAVY),
            2,
        );
        self.items.push(group("title", "", items));
        bottom
    }

    fn header(&mut self, subject: &MapSubject, lang: Lang) -> f64 {
        let title = format!("{} · {}", subject.domain.id, subject.domain.name);
        let mut y = self.title(title.trim_end_matches([' ', '·'])) + 8.0;
        let shown = subject.objectives.len().min(3);
        for o in &subject.objectives[..shown] {
            let mut x = MARGIN;
            let mut items = Vec::new();
            if o.priority {
                let badge = Card {
                    radius: 15.0,
                    ..Card::new(
                        &[(tr(lang, "PRIORITAIRE", "PRIORITY"), 16.0, Weight::Bold, 1)],
                        400.0,
                        Paint {
                            fill: "#c0392b",
                            stroke: "#c0392b",
                            text: WHITE,
                            stroke_width: 0.0,
                            dashed: false,
                        },
                    )
                };
                let badge = Card { h: 32.0, ..badge };
                items.extend(badge.items(x, y, "badge"));
                x += badge.w + 14.0;
            }
            let mut line = format!(
                "{}{}{}",
                tr(lang, "Objectif", "Objective"),
                colon(lang),
                o.title
            );
            if let Some(target) = o.target {
                line.push_str(&format!(
                    " — {}{}{}{}",
                    tr(lang, "cible", "target"),
                    colon(lang),
                    number(target, lang),
                    o.unit
                        .as_deref()
                        .map(|u| format!(" {u}"))
                        .unwrap_or_default()
                ));
            }
            let (texts, bottom) = paragraph(
                x,
                y + 2.0,
                &line,
                self.w - MARGIN - x,
                (20.0, Weight::Regular, "#2b3440"),
                2,
            );
            items.extend(texts);
            self.items.push(group("objective", &o.id, items));
            y = bottom.max(y + 32.0) + 6.0;
        }
        if subject.objectives.len() > shown {
            let more = format!(
                "+ {} {}",
                subject.objectives.len() - shown,
                tr(lang, "autres objectifs", "more objectives")
            );
            let (texts, bottom) = paragraph(
                MARGIN,
                y,
                &more,
                600.0,
                (18.0, Weight::Regular, super::GREY),
                1,
            );
            self.items.push(group("objective", "", texts));
            y = bottom + 6.0;
        }
        if subject.objectives.is_empty() {
            let (texts, bottom) = paragraph(
                MARGIN,
                y,
                tr(lang, "Aucun objectif renseigné", "No objective given"),
                600.0,
                (20.0, Weight::Regular, super::RED),
                1,
            );
            self.items.push(group("objective", "", texts));
            y = bottom + 6.0;
        }
        self.items.push(Item::Line(Line {
            points: vec![(MARGIN, y + 6.0), (self.w - MARGIN, y + 6.0)],
            stroke: super::scene::Stroke::solid(super::RULE, 2.0),
            arrow: false,
            class: "rule".into(),
        }));
        y + 6.0
    }

    /// The side panel: legend, means, related domains, stacked from `top` down to `bottom`;
    /// the legend's gap marker speaks of roles too when the map has `role_gaps`.
    fn panel(
        &mut self,
        t: &Territory,
        subject: &MapSubject,
        (lang, role_gaps): (Lang, bool),
        x: f64,
        (top, bottom): (f64, f64),
    ) {
        let mut items = vec![rect_item(
            (x, top, PANEL_WIDTH, bottom - top),
            14.0,
            Some(super::LIGHT),
            None,
            "panel",
        )];
        let inner = x + 22.0;
        let width = PANEL_WIDTH - 44.0;
        let mut y = top + 20.0;

        y = legend(&mut items, inner, y, width, lang, role_gaps);

        // The means: who brings engineering, support, money.
        let mut means: Vec<(Means, Vec<&str>)> = Vec::new();
        for m in Means::ALL {
            let mut names: Vec<&str> = Vec::new();
            for o in &subject.objectives {
                for inv in t.involvements(o) {
                    if inv.link.means == Some(m) && !names.contains(&inv.actor.name.as_str()) {
                        names.push(&inv.actor.name);
                    }
                }
            }
            if !names.is_empty() {
                means.push((m, names));
            }
        }
        let related_h = if subject.domain.related.is_empty() {
            0.0
        } else {
            40.0
        };
        let limit = bottom - 16.0 - related_h;
        if !means.is_empty() && y + 80.0 < limit {
            y += 10.0;
            let (texts, next) = paragraph(
                inner,
                y,
                tr(lang, "Avec quels moyens ?", "With what means?"),
                width,
                (20.0, Weight::Bold, NAVY),
                1,
            );
            items.extend(texts);
            y = next + 4.0;
            for (m, names) in means {
                let lh = text::line_height(17.0);
                let room = ((limit - y) / lh).floor() as usize;
                if room < 2 {
                    break;
                }
                let (texts, next) = paragraph(
                    inner,
                    y,
                    m.label(lang),
                    width,
                    (17.0, Weight::Bold, "#2b3440"),
                    1,
                );
                items.extend(texts);
                let (texts, next) = paragraph(
                    inner,
                    next,
                    &names.join(", "),
                    width,
                    (17.0, Weight::Regular, "#2b3440"),
                    (room - 1).min(4),
                );
                items.extend(texts);
                y = next + 6.0;
            }
        }
        if !subject.domain.related.is_empty() {
            let line = format!(
                "{}{}{}",
                tr(lang, "Liens", "Links"),
                colon(lang),
                subject.domain.related.join(", ")
            );
            let (texts, _) = paragraph(
                inner,
                bottom - 16.0 - text::line_height(18.0),
                &line,
                width,
                (18.0, Weight::Bold, NAVY),
                1,
            );
            items.extend(texts);
        }
        self.items.push(group("panel", "", items));
    }

    pub fn footer(&mut self, t: &Territory) {
        let item = text_item(
            MARGIN,
            self.h - MARGIN + 16.0,
            &footer(t),
            16.0,
            Weight::Regular,
            Anchor::Start,
            super::GREY,
        );
        self.items.push(group("footer", "", vec![item]));
    }
}

/// The legend of the role colours, the lead and the gap marker (a missing lead, or any
/// missing role when `role_gaps`), stacked from `y`; returns the new top.
pub fn legend(
    items: &mut Vec<Item>,
    inner: f64,
    y: f64,
    width: f64,
    lang: Lang,
    role_gaps: bool,
) -> f64 {
    let mut y = y;
    let (texts, next) = paragraph(
        inner,
        y,
        tr(lang, "Légende", "Legend"),
        width,
        (20.0, Weight::Bold, NAVY),
        1,
    );
    items.extend(texts);
    y = next + 8.0;
    let mut entries: Vec<(Paint, &str)> = SECTOR_ROLES
        .iter()
        .map(|r| (paint(*r), r.label(lang)))
        .collect();
    entries.push((paint(Role::Lead), tr(lang, "Chef de file", "Lead")));
    entries.push((
        gap_paint(),
        if role_gaps {
            tr(
                lang,
                "À désigner / à identifier",
                "To be named or identified",
            )
        } else {
            tr(lang, "Chef de file à désigner", "Lead to be named")
        },
    ));
    for (p, label) in entries {
        let sw = rect_item(
            (
                inner + p.stroke_width / 2.0,
                y + 2.0,
                40.0 - p.stroke_width,
                22.0,
            ),
            6.0,
            Some(p.fill),
            Some(p.stroke()),
            "swatch",
        );
        items.push(sw);
        let (texts, next) = paragraph(
            inner + 54.0,
            y,
            label,
            width - 54.0,
            (17.0, Weight::Regular, "#2b3440"),
            2,
        );
        items.extend(texts);
        y = next.max(y + 26.0) + 6.0;
    }

    y
}
