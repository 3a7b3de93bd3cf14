//! The cartographie des acteurs of a domain (or of one objective): the headline in the
//! centre, one sector per role, the lead or the red "Chef de file ?" gap, the title band with
//! the objectives, the notes under the map, and the side panel (legend, means, related
//! domains). A map too full for one slide at the minimum text size is split: by objective
//! first, then, for one objective, its cards over as many slides as they need. A map with more
//! cards than a slide holds legibly (`MAX_CARDS`) is not split: it shows the most involved
//! ones and a "+ 132 autres" card naming the file that lists them all (`complete_list`).

use super::frame::{
    self, FOOT_LINE, Frame, GREY, LIGHT, MARGIN, PANEL_TEXT, Page, Panel, TEXT, badge,
    priority_badge, solid,
};
use super::notes::{self, Notes};
use super::radial::{self, NoRoom, SectorSpec};
use super::scene::{Scene, Weight};
use super::words::Label;
use super::{
    Block, Card, INK, NAVY, Options, Paint, RED, WHITE, finish, gap_paint, group, name_lines,
    name_on_one_line, paint, paragraph,
};
use crate::i18n::{Catalog, Lang};
use crate::model::{Actor, Domain, Means, Objective, Role, Territory};

/// Actor names on cards, at the smallest zoom.
pub const NAME_SIZE: f64 = TEXT;
/// Name text wraps within this width on actor cards, at the smallest zoom.
pub const CARD_TEXT: f64 = 240.0;
/// A name takes at most this many lines on a card.
const NAME_LINES: usize = 3;
/// Card text sizes tried, largest first; the last keeps names at `NAME_SIZE`.
const ZOOMS: [f64; 3] = [1.25, 1.12, 1.0];
/// The notes under a map take at most this many lines; more split the map.
const NOTE_LINES: usize = 4;

/// The most cards one map shows, its "+ 132 autres" card included. From the geometry at
/// the minimum text size (1920 x 1080): the map's area is what the title band, the side
/// panel and the notes leave, about 1,390 x 800 px; a card of a one- or two-line name at
/// 20 px is about 240-280 x 50-80 px, 300 x 90 px with the 18 px gap around it, and `radial`
/// places cards on at most 60 % of the area: 0.6 x 1,390 x 800 / (300 x 90) = 25 cards on
/// one slide, so 60 cards is two or three slides of today's split, about what a committee
/// reads. Past it the map would take tens or hundreds of slides (a domain of 1,000
/// objectives involves 5,000 actors): it shows the `MAX_CARDS - 1` most involved and one
/// card for the rest, and the complete list goes beside it.
pub const MAX_CARDS: usize = 60;
/// A crowded map's title band names at most this many objectives, then how many more.
const HEADER_OBJECTIVES: usize = 3;

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

/// One card of a map before it is sized.
#[derive(Clone)]
enum Entry<'a> {
    /// An actor in a role (the lead's included) towards some of the map's objectives,
    /// with its number of links there and the notes of those links.
    Actor {
        role: Role,
        actor: &'a Actor,
        objectives: Vec<&'a Objective>,
        links: usize,
        notes: Vec<&'a str>,
    },
    /// An objective `check` found without a lead, with its candidates and their notes.
    LeadGap {
        objective: &'a Objective,
        candidates: Vec<(&'a Actor, Vec<&'a str>)>,
    },
    /// A required role nobody holds towards these objectives (`check`'s findings).
    RoleGap {
        role: Role,
        objectives: Vec<&'a Objective>,
    },
}

impl Entry<'_> {
    /// The sector the card goes in: the lead's, or its role's.
    fn sector(&self) -> Role {
        match self {
            Entry::Actor { role, .. } | Entry::RoleGap { role, .. } => *role,
            Entry::LeadGap { .. } => Role::Lead,
        }
    }

    fn notes(&self) -> Vec<&str> {
        match self {
            Entry::Actor { notes, .. } => notes.clone(),
            Entry::LeadGap { candidates, .. } => {
                candidates.iter().flat_map(|(_, n)| n.clone()).collect()
            }
            Entry::RoleGap { .. } => Vec::new(),
        }
    }

    /// How involved the card is, to rank it on a crowded map: the number of the map's
    /// objectives it is about, then its number of links.
    fn involvement(&self) -> (usize, usize) {
        match self {
            Entry::Actor {
                objectives, links, ..
            } => (objectives.len(), *links),
            Entry::LeadGap { .. } => (1, 1),
            Entry::RoleGap { objectives, .. } => (objectives.len(), 0),
        }
    }
}

/// The cards of a crowded map, most involved first (ties keep the drawing order, so the
/// lead's sector comes first).
fn ranked(all: &[Entry]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(all[i].involvement()));
    order
}

/// A crowded map: how many cards it leaves out, and the file listing them all.
#[derive(Clone, Copy)]
struct Crowd<'s> {
    left_out: usize,
    list: Option<&'s str>,
}

/// Every card of the map of `objectives`, in drawing order: the lead sector (leads, then
/// the lead gaps), then each role's sector (its actors, then its gap).
fn entries<'a>(t: &'a Territory, objectives: &[&'a Objective], opts: &Options) -> Vec<Entry<'a>> {
    let mut out = Vec::new();
    for role in std::iter::once(Role::Lead).chain(SECTOR_ROLES) {
        // The actors in the role, each once, in link order, with their objectives and notes.
        let mut actors: Vec<(&Actor, Vec<&Objective>, Vec<&crate::model::Link>)> = Vec::new();
        let mut at: std::collections::HashMap<&str, usize> = Default::default();
        for &o in objectives {
            for inv in t.involvements(o).filter(|inv| inv.link.role == role) {
                match at.get(inv.actor.id.as_str()) {
                    Some(&i) => {
                        let (_, os, links) = &mut actors[i];
                        if !os.iter().any(|x| x.id == o.id) {
                            os.push(o);
                        }
                        links.push(inv.link);
                    }
                    None => {
                        at.insert(&inv.actor.id, actors.len());
                        actors.push((inv.actor, vec![o], vec![inv.link]));
                    }
                }
            }
        }
        out.extend(
            actors
                .into_iter()
                .map(|(actor, objectives, links)| Entry::Actor {
                    role,
                    actor,
                    objectives,
                    links: links.len(),
                    notes: notes::of(links),
                }),
        );
        if role == Role::Lead {
            for &o in objectives {
                let Some(ids) = opts.gaps.lead(o) else {
                    continue;
                };
                let candidates = ids
                    .iter()
                    .filter_map(|id| t.actor(id))
                    .map(|a| {
                        let links = t.involvements(o).filter(|inv| {
                            inv.actor.id == a.id && inv.link.role == Role::LeadCandidate
                        });
                        (a, notes::of(links.map(|inv| inv.link)))
                    })
                    .collect();
                out.push(Entry::LeadGap {
                    objective: o,
                    candidates,
                });
            }
        } else {
            let missing: Vec<&Objective> = objectives
                .iter()
                .copied()
                .filter(|o| opts.gaps.role(o, role))
                .collect();
            if !missing.is_empty() {
                out.push(Entry::RoleGap {
                    role,
                    objectives: missing,
                });
            }
        }
    }
    out
}

/// The cartographie of a domain, on one slide or more.
pub fn domain(t: &Territory, domain: &Domain, opts: &Options) -> Vec<Scene> {
    let subject = MapSubject {
        domain,
        objectives: t.objectives_of(&domain.id).collect(),
    };
    layout(t, &subject, opts)
}

/// The cartographie of one objective, on one slide or more.
pub fn objective(t: &Territory, objective: &Objective, opts: &Options) -> Vec<Scene> {
    let fallback;
    let domain = match t.domain(&objective.domain) {
        Some(d) => d,
        None => {
            fallback = Domain {
                id: objective.domain.clone(),
                name: String::new(),
                headline: None,
                related: Vec::new(),
                context: Vec::new(),
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

/// Lay the map out on as many slides as it needs: one when every card fits at the minimum
/// text size; else one per group of objectives that fits; and an objective too full alone
/// has its cards spread over several slides.
pub fn layout(t: &Territory, subject: &MapSubject, opts: &Options) -> Vec<Scene> {
    let domain = subject.domain;
    let all = entries(t, &subject.objectives, opts);
    if all.len() > MAX_CARDS {
        return vec![crowded(t, subject, &all, opts)];
    }
    if let Ok(scene) = draw(
        t,
        domain,
        &subject.objectives,
        &all,
        Page::ONLY,
        opts,
        None,
        false,
    ) {
        return vec![scene];
    }
    // Measured with the widest page number the split can write.
    let widest = Page::widest(subject.objectives.len() + all.len());
    let fits = |objectives: &[&Objective], shown: &[Entry]| {
        draw(t, domain, objectives, shown, widest, opts, None, false).is_ok()
    };
    // Objectives in groups that fit a slide, each group with its cards.
    let mut groups: Vec<(Vec<&Objective>, Vec<Entry>, bool)> = Vec::new();
    for &o in &subject.objectives {
        if let Some((group, cards, fitted)) = groups.last_mut() {
            let mut wider = group.clone();
            wider.push(o);
            let wider_cards = entries(t, &wider, opts);
            if fits(&wider, &wider_cards) {
                (*group, *cards, *fitted) = (wider, wider_cards, true);
                continue;
            }
        }
        groups.push((vec![o], entries(t, &[o], opts), false));
    }
    // A group that does not fit has its cards spread over several slides.
    let mut slides: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
    for (g, (objectives, cards, fitted)) in groups.iter().enumerate() {
        if *fitted || fits(objectives, cards) {
            slides.push((g, 0..cards.len()));
        } else {
            let runs = radial::split(cards.len(), |run| fits(objectives, &cards[run]));
            slides.extend(runs.into_iter().map(|run| (g, run)));
        }
    }
    if groups.is_empty() {
        groups.push((Vec::new(), Vec::new(), true));
        slides.push((0, 0..0));
    }
    let count = slides.len();
    slides
        .into_iter()
        .zip(Page::all(count))
        .map(|((g, run), page)| {
            let (objectives, cards, _) = &groups[g];
            let shown = &cards[run];
            draw(t, domain, objectives, shown, page, opts, None, false)
                .or_else(|NoRoom| draw(t, domain, objectives, shown, page, opts, None, true))
                .unwrap_or_else(|NoRoom| {
                    frame::blank(t, &page.title(&domain.name, opts.lang), opts.size)
                })
        })
        .collect()
}

/// The one slide of a map with more than `MAX_CARDS` cards: the most involved cards that
/// fit (`MAX_CARDS - 1` at most, in their sectors) and a "+ 132 autres" card naming the
/// file of the complete list (`opts.list`).
fn crowded(t: &Territory, subject: &MapSubject, all: &[Entry], opts: &Options) -> Scene {
    let order = ranked(all);
    let top = |k: usize| {
        let mut chosen: Vec<usize> = order[..k].to_vec();
        chosen.sort_unstable();
        chosen
            .into_iter()
            .map(|i| all[i].clone())
            .collect::<Vec<_>>()
    };
    let attempt = |k: usize, force: bool| {
        let crowd = Crowd {
            left_out: all.len() - k,
            list: opts.list.as_deref(),
        };
        let (domain, objectives) = (subject.domain, &subject.objectives);
        draw(
            t,
            domain,
            objectives,
            &top(k),
            Page::ONLY,
            opts,
            Some(crowd),
            force,
        )
    };
    let k = super::largest(1, MAX_CARDS - 1, |k| attempt(k, false).is_ok());
    attempt(k, false)
        .or_else(|NoRoom| attempt(k, true))
        .unwrap_or_else(|NoRoom| frame::blank(t, &subject.domain.name, opts.size))
}

/// One row of a crowded map's complete list: a card's actor (or, for a gap, its candidates
/// or "à identifier"), its role, and the map's objectives it is about.
pub struct ListRow {
    pub actor: String,
    pub role: String,
    pub objectives: Vec<String>,
}

/// The complete list of the map of `objectives` when it has more than `MAX_CARDS` cards,
/// most involved first (the cards it shows come first); `None` when the map shows them all.
pub fn complete_list(
    t: &Territory,
    objectives: &[&Objective],
    opts: &Options,
) -> Option<Vec<ListRow>> {
    let all = entries(t, objectives, opts);
    if all.len() <= MAX_CARDS {
        return None;
    }
    let words = opts.lang.catalog();
    let ids = |objectives: &[&Objective]| objectives.iter().map(|o| o.id.clone()).collect();
    let rows = ranked(&all)
        .into_iter()
        .map(|i| match &all[i] {
            Entry::Actor {
                role,
                actor,
                objectives,
                ..
            } => ListRow {
                actor: actor.name.clone(),
                role: if *role == Role::Lead {
                    words.map_label(Label::Lead).to_owned()
                } else {
                    words.legend(*role).to_owned()
                },
                objectives: ids(objectives),
            },
            Entry::LeadGap {
                objective,
                candidates,
            } => ListRow {
                actor: if candidates.is_empty() {
                    words.map_label(Label::ToBeNamed).to_owned()
                } else {
                    let names: Vec<&str> =
                        candidates.iter().map(|(a, _)| a.name.as_str()).collect();
                    names.join(", ")
                },
                role: words.map_label(Label::NoLead).to_owned(),
                objectives: vec![objective.id.clone()],
            },
            Entry::RoleGap { role, objectives } => ListRow {
                actor: words.map_label(Label::ToBeIdentified).to_owned(),
                role: words.role_gap(*role),
                objectives: ids(objectives),
            },
        })
        .collect();
    Some(rows)
}

/// One slide of the map. Unless `force`, `NoRoom` when its cards, notes or legend do not
/// fit; with `force` (a slide that cannot be split further) what does not fit is cut and
/// the map says so. A `crowd` adds the card of what the slide leaves out.
#[allow(clippy::too_many_arguments)]
fn draw(
    t: &Territory,
    domain: &Domain,
    objectives: &[&Objective],
    shown: &[Entry],
    page: Page,
    opts: &Options,
    crowd: Option<Crowd>,
    force: bool,
) -> Result<Scene, NoRoom> {
    let (lang, words) = (opts.lang, opts.lang.catalog());
    let k = opts.size.scale();
    let (w, h) = (opts.size.width / k, opts.size.height / k);
    let multi = objectives.len() > 1;

    let title = page.title(
        format!("{} · {}", domain.id, domain.name).trim_end_matches([' ', '·']),
        lang,
    );
    let mut frame = Frame::new(w, h);
    let header_bottom = header(&mut frame, &title, objectives, lang, crowd.is_some());

    // The notes, numbered in card order, in a band under the map.
    let mut notes = Notes::default();
    for e in shown {
        notes.add(&e.notes());
    }
    let mut area = frame.map_area(header_bottom + 20.0);
    let band = if notes.is_empty() {
        Vec::new()
    } else {
        match notes.lines(area.w, NOTE_LINES) {
            Some(lines) => lines,
            None if force => notes.cut_lines(area.w, NOTE_LINES),
            None => return Err(NoRoom),
        }
    };
    let band_area = area.clone();
    area.h -= notes::band_height(band.len());

    // The side panel.
    let mut panel = Panel::new(frame.panel_x(), header_bottom + 24.0, frame.bottom());
    legend(&mut panel, words, &legend_entries(shown, words));
    if panel.overflow && !force {
        return Err(NoRoom);
    }
    means(&mut panel, t, objectives, shown, words, &domain.related);
    if !domain.related.is_empty() {
        panel.foot(&words.related(&domain.related));
    }
    frame.items.push(panel.finish());
    frame.footer(t);

    let hub_text = domain
        .headline
        .clone()
        .unwrap_or_else(|| domain.name.clone());
    let hub = Card {
        radius: 24.0,
        ..Card::new(
            &[(hub_text.as_str(), 28.0, Weight::Bold, 3)],
            340.0,
            solid(NAVY),
        )
    };
    let search = radial::Search {
        zooms: &ZOOMS,
        skip_crowded: true,
    };
    let placed = radial::fit(&area, &search, &hub, |zoom| {
        let mut specs = sectors(shown, &notes, multi, words, zoom);
        if let Some(crowd) = crowd {
            specs.push(more_sector(crowd, words, zoom));
        }
        specs
    });
    let (fit, crowded) = match placed {
        Ok(fit) => (fit, false),
        Err(NoRoom) if force => (radial::Fit::hub_only(&area, &hub), true),
        Err(NoRoom) => return Err(NoRoom),
    };
    // Tinted sectors under everything; with nobody but the (missing) lead, say so rather
    // than draw an empty ring.
    let tinted = fit.sectors.iter().any(|s| s.key != "lead");
    let note = if crowded {
        Some(words.map_label(Label::TooManyActors))
    } else {
        (!tinted).then(|| words.map_label(Label::NoActor))
    };
    frame
        .items
        .extend(radial::draw(&fit, &hub, "", tinted.then_some(0.09), note));
    if !band.is_empty() {
        frame.items.push(notes::band(&band_area, &band));
    }
    Ok(finish(frame.scene(title), k))
}

/// "(regal)", "(regal, compost)": the objectives a card is about, on a map of several;
/// "(12 objectifs)" past three.
fn tag(objectives: &[&Objective], words: &dyn Catalog) -> String {
    if objectives.len() > 3 {
        return format!("({})", words.objectives(objectives.len()));
    }
    let ids: Vec<&str> = objectives.iter().map(|o| o.id.as_str()).collect();
    format!("({})", ids.join(", "))
}

/// The cards of `shown` at `zoom`, grouped in their sectors.
fn sectors(
    shown: &[Entry],
    notes: &Notes,
    multi: bool,
    words: &dyn Catalog,
    zoom: f64,
) -> Vec<SectorSpec> {
    let name_size = NAME_SIZE * zoom;
    let card_text = CARD_TEXT * zoom;
    let mut specs: Vec<SectorSpec> = Vec::new();
    for e in shown {
        let role = e.sector();
        let (card, id, class) = match e {
            Entry::Actor {
                role,
                actor,
                objectives,
                notes: own,
                ..
            } => {
                let marks = notes.marks(own);
                let weight = if *role == Role::Lead {
                    Weight::Bold
                } else {
                    Weight::Regular
                };
                let mut blocks = Vec::new();
                if *role == Role::Lead {
                    blocks.push(Block::wrapped(
                        words.map_label(Label::Lead),
                        card_text,
                        TEXT,
                        Weight::Bold,
                        1,
                    ));
                }
                blocks.push(Block {
                    lines: name_lines(actor, &marks, card_text, name_size, weight, NAME_LINES),
                    size: name_size,
                    weight,
                });
                if multi {
                    blocks.push(Block::wrapped(
                        &tag(objectives, words),
                        card_text,
                        TEXT,
                        Weight::Regular,
                        2,
                    ));
                }
                (
                    Card::of(&blocks, paint(*role)),
                    format!("{}:{}", role.id(), actor.id),
                    "actor",
                )
            }
            Entry::LeadGap {
                objective,
                candidates,
            } => {
                let width = card_text + 40.0 * zoom;
                let names: Vec<String> = candidates
                    .iter()
                    .map(|(a, own)| {
                        // A name that fits a line is kept on one; a longer one wraps
                        // between its words.
                        let name = name_on_one_line(a, width, name_size, Weight::Regular);
                        let marks = notes.marks(own);
                        let one = words.candidate(&format!("{name}{marks}"));
                        if super::text::fits(&one, width, name_size, Weight::Regular) {
                            one.replace(' ', "\u{a0}")
                        } else {
                            one
                        }
                    })
                    .collect();
                let list = if names.is_empty() {
                    Block::wrapped(
                        words.map_label(Label::ToBeNamed),
                        width,
                        name_size,
                        Weight::Regular,
                        1,
                    )
                } else {
                    candidate_list(&names, width, name_size, words)
                };
                let head = if multi {
                    format!("{} ({})", words.map_label(Label::NoLead), objective.id)
                } else {
                    words.map_label(Label::NoLead).to_owned()
                };
                (
                    Card::of(
                        &[
                            Block::wrapped(&head, width, name_size + 2.0, Weight::Bold, 2),
                            list,
                        ],
                        gap_paint(),
                    ),
                    format!("lead-gap:{}", objective.id),
                    "lead-gap",
                )
            }
            Entry::RoleGap { role, objectives } => {
                let head = words.role_gap(*role);
                let mut todo = words.map_label(Label::ToBeIdentified).to_owned();
                if multi {
                    todo = format!("{todo} {}", tag(objectives, words));
                }
                let ids: Vec<&str> = objectives.iter().map(|o| o.id.as_str()).collect();
                (
                    Card::new(
                        &[
                            (head.as_str(), name_size + 2.0, Weight::Bold, 2),
                            (todo.as_str(), name_size, Weight::Regular, 3),
                        ],
                        card_text + 40.0 * zoom,
                        gap_paint(),
                    ),
                    format!("role-gap:{}:{}", role.id(), ids.join(",")),
                    "role-gap",
                )
            }
        };
        let key = if role == Role::Lead {
            "lead"
        } else {
            role.id()
        };
        if specs.last().is_none_or(|s| s.key != key) {
            specs.push(sector(role, words));
        }
        let spec = specs.last_mut().expect("pushed above");
        spec.cards.push(card);
        spec.ids.push(id);
        spec.classes.push(class);
        spec.data.push(match e {
            Entry::Actor { role, actor, .. } => {
                [("actor", actor.id.clone()), ("role", role.id().to_owned())].into()
            }
            _ => Default::default(),
        });
    }
    for spec in &mut specs {
        // A sector holding only gaps hangs by a red dashed line, and the lead's is red then.
        if spec.classes.iter().all(|c| *c != "actor") {
            spec.edge = radial::edge_stroke(&gap_paint());
            if spec.key == "lead" {
                spec.tint = RED;
            }
        }
    }
    specs
}

/// The sector of a crowded map's last card: how many cards it leaves out ("+ 132 autres")
/// and the file that lists them all.
fn more_sector(crowd: Crowd, words: &dyn Catalog, zoom: f64) -> SectorSpec {
    let grey = Paint {
        fill: LIGHT,
        stroke: GREY,
        text: INK,
        stroke_width: 2.0,
        dashed: false,
    };
    let more = words.more(crowd.left_out);
    let list = crowd.list.map(|file| words.full_list(file));
    let mut blocks = vec![(more.as_str(), NAME_SIZE * zoom, Weight::Bold, 1)];
    if let Some(list) = &list {
        blocks.push((list.as_str(), TEXT, Weight::Regular, 3));
    }
    SectorSpec {
        label: None,
        cards: vec![Card::new(&blocks, CARD_TEXT * zoom + 40.0, grey)],
        ids: vec!["more".to_owned()],
        classes: vec!["more"],
        key: "more",
        tint: LIGHT,
        edge: radial::edge_stroke(&grey),
        data: Vec::new(),
    }
}

/// A lead gap's candidates lists at most this many lines.
const CANDIDATE_LINES: usize = 8;

/// The candidates' names (each whole) on at most `CANDIDATE_LINES` lines: as many as fit, then
/// "+ 12 autres" for the rest.
fn candidate_list(names: &[String], width: f64, size: f64, words: &dyn Catalog) -> Block {
    let list = |shown: usize| {
        let mut s = names[..shown].join(" ");
        if shown < names.len() {
            s.push(' ');
            s.push_str(&words.more(names.len() - shown));
        }
        super::text::wrap(&s, width, size, Weight::Regular, CANDIDATE_LINES)
    };
    let shown = super::largest(0, names.len(), |n| !list(n).truncated);
    Block {
        lines: list(shown).lines,
        size,
        weight: Weight::Regular,
    }
}

/// An empty sector of `role` (the lead's when `role` is the lead).
fn sector(role: Role, words: &dyn Catalog) -> SectorSpec {
    if role == Role::Lead {
        return SectorSpec {
            label: None,
            cards: Vec::new(),
            ids: Vec::new(),
            classes: Vec::new(),
            data: Vec::new(),
            key: "lead",
            tint: NAVY,
            edge: radial::edge_stroke(&paint(Role::Lead)),
        };
    }
    let p = paint(role);
    SectorSpec {
        label: Some(radial::label(words.legend(role), &p)),
        cards: Vec::new(),
        ids: Vec::new(),
        classes: Vec::new(),
        data: Vec::new(),
        key: role.id(),
        tint: p.fill,
        edge: radial::edge_stroke(&p),
    }
}

/// The title band: the title, then each objective with its PRIORITAIRE badge (and its id
/// on a map of several, as the cards name them) and its target; returns the rule's y. A
/// `crowded` map names its first `HEADER_OBJECTIVES` objectives, then how many more.
fn header(
    frame: &mut Frame,
    title: &str,
    objectives: &[&Objective],
    lang: Lang,
    crowded: bool,
) -> f64 {
    let mut y = frame.title(title) + 8.0;
    let multi = objectives.len() > 1;
    let named = if crowded {
        objectives.len().min(HEADER_OBJECTIVES)
    } else {
        objectives.len()
    };
    for o in &objectives[..named] {
        let mut x = MARGIN;
        let mut items = Vec::new();
        if o.priority {
            let b = priority_badge(lang);
            items.extend(b.items(x, y, "badge"));
            x += b.w + 12.0;
        }
        if multi {
            let b = badge(
                &o.id,
                Paint {
                    fill: WHITE,
                    stroke: NAVY,
                    text: NAVY,
                    stroke_width: 2.0,
                    dashed: false,
                },
            );
            items.extend(b.items(x, y, "badge"));
            x += b.w + 12.0;
        }
        let line = lang
            .catalog()
            .objective_line(&o.title, o.target, o.unit.as_deref());
        let (texts, bottom) = paragraph(
            x,
            y + 3.0,
            &line,
            frame.w - MARGIN - x,
            (TEXT, Weight::Regular, INK),
            3,
        );
        items.extend(texts);
        frame.items.push(group("objective", &o.id, items));
        y = bottom.max(y + 34.0) + 6.0;
    }
    if named < objectives.len() {
        let more = lang.catalog().more_objectives(objectives.len() - named);
        let (texts, bottom) = paragraph(MARGIN, y, &more, 600.0, (TEXT, Weight::Bold, INK), 1);
        frame.items.push(group("objective", "more", texts));
        y = bottom + 6.0;
    }
    if objectives.is_empty() {
        let (texts, bottom) = paragraph(
            MARGIN,
            y,
            lang.catalog().map_label(Label::NoObjective),
            600.0,
            (TEXT, Weight::Regular, RED),
            1,
        );
        frame.items.push(group("objective", "", texts));
        y = bottom + 6.0;
    }
    frame.rule(y + 6.0);
    y + 6.0
}

/// The legend of what a slide shows: the roles of its sectors, the lead, and the gap
/// marks used ("Chef de file à désigner", "Rôle à identifier").
fn legend_entries(shown: &[Entry], words: &dyn Catalog) -> Vec<(Paint, &'static str)> {
    let has = |f: &dyn Fn(&Entry) -> bool| shown.iter().any(f);
    let mut out: Vec<(Paint, &'static str)> = SECTOR_ROLES
        .iter()
        .filter(|r| has(&|e| e.sector() == **r))
        .map(|r| (paint(*r), words.legend(*r)))
        .collect();
    if has(&|e| {
        matches!(
            e,
            Entry::Actor {
                role: Role::Lead,
                ..
            }
        )
    }) {
        out.push((paint(Role::Lead), words.map_label(Label::Lead)));
    }
    let lead_gap = has(&|e| matches!(e, Entry::LeadGap { .. }));
    let role_gap = has(&|e| matches!(e, Entry::RoleGap { .. }));
    let gap = match (lead_gap, role_gap) {
        (true, true) => Some(Label::GapsToFill),
        (true, false) => Some(Label::LeadToBeNamed),
        (false, true) => Some(Label::RoleToBeIdentified),
        (false, false) => None,
    };
    if let Some(gap) = gap {
        out.push((gap_paint(), words.map_label(gap)));
    }
    out
}

/// The legend section of a side panel.
pub fn legend(panel: &mut Panel, words: &dyn Catalog, entries: &[(Paint, &str)]) {
    if entries.is_empty() {
        return;
    }
    panel.heading(words.map_label(Label::Legend));
    for (p, label) in entries {
        panel.swatch(*p, label);
    }
}

/// "Avec quels moyens ?": who brings engineering, support, money, among the actors shown;
/// drawn only when the whole section fits under the legend.
fn means(
    panel: &mut Panel,
    t: &Territory,
    objectives: &[&Objective],
    shown: &[Entry],
    words: &dyn Catalog,
    related: &[String],
) {
    let on_slide: std::collections::HashSet<&str> = shown
        .iter()
        .flat_map(|e| match e {
            Entry::Actor { actor, .. } => vec![actor.id.as_str()],
            Entry::LeadGap { candidates, .. } => {
                candidates.iter().map(|(a, _)| a.id.as_str()).collect()
            }
            Entry::RoleGap { .. } => Vec::new(),
        })
        .collect();
    let mut rows: Vec<(Means, Vec<&str>)> = Vec::new();
    for m in Means::ALL {
        let mut names: Vec<&str> = Vec::new();
        for o in objectives {
            for inv in t.involvements(o) {
                if inv.link.means != Some(m) || !on_slide.contains(inv.actor.id.as_str()) {
                    continue;
                }
                let name = name_on_one_line(inv.actor, panel.width(), PANEL_TEXT, Weight::Regular);
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        if !names.is_empty() {
            rows.push((m, names));
        }
    }
    if rows.is_empty() {
        return;
    }
    let font = |weight| (PANEL_TEXT, weight, INK);
    let lines = |s: &str, weight| {
        super::text::wrap(s, panel.width(), PANEL_TEXT, weight, 4)
            .lines
            .len()
    };
    let need = 10.0
        + 30.0
        + rows
            .iter()
            .map(|(m, names)| {
                (lines(words.means(*m), Weight::Bold) + lines(&names.join(", "), Weight::Regular))
                    as f64
                    * super::text::line_height(PANEL_TEXT)
                    + 6.0
            })
            .sum::<f64>();
    let reserve = if related.is_empty() { 0.0 } else { FOOT_LINE };
    if need > panel.room(reserve) {
        return;
    }
    panel.space(10.0);
    panel.heading(words.map_label(Label::Means));
    for (m, names) in rows {
        panel.text(words.means(m), font(Weight::Bold), 0.0, 4);
        panel.text(&names.join(", "), font(Weight::Regular), 0.0, 4);
        panel.space(6.0);
    }
}
