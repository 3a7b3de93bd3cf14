//! `actormap report` (and `build`): one self-contained HTML page to share, `index.html`.
//! This module is the page as data ([`Page`]): the territory, its programme and money as
//! `status` gives them, the findings of `check`, each domain's map (its Scenes) with its
//! objectives and the means brought to them, the matrix, and every actor with its roles.
//! [`html`] writes it; its words are in each language's catalog ([`ReportWords`],
//! `src/i18n/<lang>/report.rs`).

pub mod html;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::check::{self, Finding};
use crate::error::Error;
use crate::i18n::Lang;
use crate::layout::scene::Scene;
use crate::layout::{self, Options};
use crate::maps::{self, MapKind};
use crate::model::{Means, Role, Territory};
use crate::outdir;
use crate::status::{self, ObjectiveStatus, Status};
use crate::terminal;

/// The name of the page in the output folder.
pub const FILE: &str = "index.html";

/// The longest lists the page shows; beyond, a line says how many are left out and which
/// table holds them all (a territory of 50,000 actors made a page of 130 MB that a browser
/// opens slowly, if at all). A domain's objectives:
pub const MAX_OBJECTIVES: usize = 100;
/// The findings:
pub const MAX_FINDINGS: usize = 500;
/// The actors listed besides those the page shows elsewhere (in a picture, in an objective's
/// row), which are always listed: choosing one shows its roles.
pub const MAX_ACTORS: usize = 1000;

/// A list of the page that may be cut short (see `MAX_OBJECTIVES`...).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listed {
    Objectives,
    Findings,
    Actors,
}

impl Listed {
    /// The command whose workbook holds the whole list.
    pub fn command(self) -> &'static str {
        match self {
            Listed::Objectives => "actormap status --format xlsx",
            Listed::Findings => "actormap check --format xlsx",
            Listed::Actors => "actormap list --format xlsx",
        }
    }
}

/// The whole page, in one language.
#[derive(Debug, Clone)]
pub struct Page {
    pub lang: Lang,
    pub territory: String,
    /// Progress and money, as `actormap status` computes them (as of `--at`).
    pub status: Status,
    pub findings: Vec<Finding>,
    /// The status chart, one Scene per slide.
    pub status_chart: Vec<Scene>,
    /// The links between domains, after the domains' maps (none without links).
    pub links: Vec<Scene>,
    pub domains: Vec<DomainSection>,
    /// The actor x objective matrix, one Scene per slide.
    pub matrix: Vec<Scene>,
    /// The governance chart, before the actors (none without bodies).
    pub governance: Vec<Scene>,
    /// Every actor, in file order, with the roles it holds.
    pub actors: Vec<ActorEntry>,
}

/// A domain: its map (one Scene per slide) and its objectives.
#[derive(Debug, Clone)]
pub struct DomainSection {
    pub id: String,
    pub name: String,
    pub headline: Option<String>,
    pub maps: Vec<Scene>,
    pub objectives: Vec<ObjectiveEntry>,
}

/// An objective of a domain: where it stands, who leads it, who brings which means.
#[derive(Debug, Clone)]
pub struct ObjectiveEntry {
    pub status: ObjectiveStatus,
    pub leads: Vec<ActorRef>,
    /// Each means someone brings, in the order of `Means::ALL`, with who brings it.
    pub means: Vec<(Means, Vec<ActorRef>)>,
}

/// An actor named on the page: its id (to find it in the maps) and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorRef {
    pub id: String,
    pub name: String,
}

/// An actor and every role it holds, for the list and the panel.
#[derive(Debug, Clone)]
pub struct ActorEntry {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: Option<String>,
    pub roles: Vec<RoleEntry>,
}

/// One role of an actor towards one objective.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleEntry {
    pub role: Role,
    pub objective: String,
    pub title: String,
    pub means: Option<Means>,
}

impl Page {
    /// The page of `t`: `findings` are those of `check` (they draw the gaps on the maps),
    /// `opts` the maps' size and language, `at` the date the progress is given as of.
    pub fn new(
        t: &Territory,
        findings: &[Finding],
        opts: &Options,
        at: Option<jiff::civil::Date>,
    ) -> Page {
        Page::with_maps(t, findings, opts, at, &|kind| maps::scenes(t, kind, opts))
    }

    /// [`Page::new`] with the maps' slides from `laid` (those a `build` has laid out
    /// already, with the same options): each map is laid out once for the whole run.
    pub fn with_maps(
        t: &Territory,
        findings: &[Finding],
        opts: &Options,
        at: Option<jiff::civil::Date>,
        laid: &dyn Fn(&MapKind) -> Vec<Scene>,
    ) -> Page {
        let status = status::compute(t, at);
        let status_of: std::collections::HashMap<&str, &ObjectiveStatus> = status
            .objectives
            .iter()
            .map(|s| (s.id.as_str(), s))
            .collect();
        let domains = t
            .domains()
            .iter()
            .map(|d| DomainSection {
                id: d.id.clone(),
                name: d.name.clone(),
                headline: d.headline.clone(),
                // The map, then the domain's page (its actions, bearers and states) when it
                // has one.
                maps: std::iter::once(MapKind::Domain(d.id.clone()))
                    .chain(layout::page::has_page(t, d).then(|| MapKind::Page(d.id.clone())))
                    .flat_map(|kind| laid(&kind))
                    .collect(),
                objectives: t
                    .objectives_of(&d.id)
                    .filter_map(|o| Some(objective_entry(t, o, status_of.get(o.id.as_str())?)))
                    .collect(),
            })
            .collect();
        Page {
            lang: opts.lang,
            territory: t.name.clone(),
            status_chart: laid(&MapKind::Status { at }),
            matrix: laid(&MapKind::Matrix),
            links: laid(&MapKind::Links),
            governance: laid(&MapKind::Governance),
            status,
            findings: findings.to_vec(),
            domains,
            actors: actor_entries(t),
        }
    }
}

fn actor_ref(a: &crate::model::Actor) -> ActorRef {
    ActorRef {
        id: a.id.clone(),
        name: a.name.clone(),
    }
}

fn objective_entry(
    t: &Territory,
    o: &crate::model::Objective,
    status: &ObjectiveStatus,
) -> ObjectiveEntry {
    let leads = t
        .actors_in_role(o, Role::Lead)
        .into_iter()
        .map(actor_ref)
        .collect();
    let means = Means::ALL
        .into_iter()
        .filter_map(|m| {
            let mut who: Vec<ActorRef> = Vec::new();
            for inv in t.involvements(o).filter(|inv| inv.link.means == Some(m)) {
                let a = actor_ref(inv.actor);
                if !who.contains(&a) {
                    who.push(a);
                }
            }
            (!who.is_empty()).then_some((m, who))
        })
        .collect();
    ObjectiveEntry {
        status: status.clone(),
        leads,
        means,
    }
}

/// Every actor with its roles, objective by objective in file order, in the order of the
/// legend within an objective.
fn actor_entries(t: &Territory) -> Vec<ActorEntry> {
    let mut entries: Vec<ActorEntry> = t
        .actors()
        .iter()
        .map(|a| ActorEntry {
            id: a.id.clone(),
            name: a.name.clone(),
            aliases: a.aliases.clone(),
            kind: a.kind.clone(),
            roles: Vec::new(),
        })
        .collect();
    for o in t.objectives() {
        let mut found: Vec<(usize, RoleEntry)> = Vec::new();
        for inv in t.involvements(o) {
            let Some(i) = t.actor_position(&inv.actor.id) else {
                continue;
            };
            let entry = RoleEntry {
                role: inv.link.role,
                objective: o.id.clone(),
                title: o.title.clone(),
                means: inv.link.means,
            };
            if !found.contains(&(i, entry.clone())) {
                found.push((i, entry));
            }
        }
        found.sort_by_key(|(_, e)| e.role);
        for (i, entry) in found {
            entries[i].roles.push(entry);
        }
    }
    entries
}

/// The page's bytes: what `report` writes and what `build` adds to its batch.
pub fn bytes(
    t: &Territory,
    findings: &[Finding],
    opts: &Options,
    at: Option<jiff::civil::Date>,
) -> Vec<u8> {
    html::write(&Page::new(t, findings, opts, at)).into_bytes()
}

/// [`bytes`] with the maps' slides from `laid` (see [`Page::with_maps`]).
pub fn bytes_with_maps(
    t: &Territory,
    findings: &[Finding],
    opts: &Options,
    laid: &dyn Fn(&MapKind) -> Vec<Scene>,
) -> Vec<u8> {
    html::write(&Page::with_maps(t, findings, opts, None, laid)).into_bytes()
}

/// `actormap report`: check, then write `index.html` into `out` (whole or not at all),
/// saying `wrote` or `unchanged`.
pub fn run(
    t: &Territory,
    lang: Lang,
    at: Option<jiff::civil::Date>,
    dir: &Path,
    out: &mut dyn Write,
) -> Result<crate::Outcome, Error> {
    let findings = check::run(t)?;
    let opts = Options {
        size: layout::Size::default(),
        lang,
        gaps: layout::Gaps::from_findings(&findings),
        list: None,
    };
    outdir::check_folder(dir)?;
    let page = bytes(t, &findings, &opts, at);
    let path: PathBuf = dir.join(FILE);
    let line = if outdir::holds(dir, FILE, &page) {
        lang.catalog().unchanged(&path)
    } else {
        maps::write_atomic(dir, FILE, &page)?;
        lang.catalog().wrote(&path)
    };
    terminal::line(out, &line)?;
    Ok(if check::has_errors(&findings) {
        crate::Outcome::Findings
    } else {
        crate::Outcome::Clean
    })
}

/// What the page says, in each language: headings, column names, the tools' labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// After the territory's name in the window's title: "rapport".
    Report,
    /// The link that skips to the content, for keyboard users.
    SkipToContent,
    /// The table of contents.
    Contents,
    /// The section of the programme and the money.
    Programme,
    /// The section of the status chart.
    Progress,
    /// The section of the findings.
    Findings,
    /// When `check` found nothing.
    NoFindings,
    /// Before a finding's hint.
    Hint,
    /// The section of the domains' maps.
    Domains,
    /// The caption of a domain's objectives table.
    Objectives,
    /// Columns of the objectives table.
    Objective,
    Target,
    Lead,
    Value,
    Standing,
    Means,
    /// A lead nobody holds.
    NoLead,
    /// The section of the matrix.
    Matrix,
    /// The section of the actors.
    Actors,
    /// An actor that holds no role.
    NoRole,
    /// The search box's label and its placeholder.
    Search,
    SearchPlaceholder,
    /// When the search finds no actor.
    NoMatch,
    /// The role filter's label, and its choice that shows every role.
    RoleFilter,
    AllRoles,
    /// The panel of the actor chosen: its heading, the button that closes it.
    Panel,
    Close,
    /// The line under the page: what made it.
    MadeBy,
}

/// What every language says on the page; each language implements it once
/// (`src/i18n/fr/report.rs`, `src/i18n/en/report.rs`), with an exhaustive `match`.
pub trait ReportWords {
    /// A heading, column or label of the page.
    fn report_label(&self, label: Label) -> &'static str;
    /// The caption of a map split over several slides: "carte 2 sur 3".
    fn map_page(&self, page: usize, of: usize) -> String;
    /// After a list cut short: how many are left out, and where they all are (the line
    /// ends before the command, `Listed::command`, written after it).
    fn left_out(&self, list: Listed, n: usize) -> String;
}
