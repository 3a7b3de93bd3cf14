//! `actormap dossier`: the steering committee's deck in one command, as one PDF and the same
//! pages as one PowerPoint file. Its pages: the title page, the contractual objectives, the
//! decisions to take, the overview, each domain's cartographie (and each objective's where
//! a domain has several), the matrix, the status chart, the points to watch, and with
//! `--since` what changed since the last committee. Every finding comes from `check` (the
//! decisions too: never a second computation), every standing from `status`, every change
//! from `diff`; each page's findings go into its speaker notes (those of what the slide
//! shows, at most `MAX_NOTES`).
//!
//! The pages are laid out in `layout::dossier` and the maps' own layouts; the words come
//! from each language's catalog ([`Words`], `src/i18n/<lang>/dossier.rs`).

use std::collections::BTreeSet;
use std::io::Write;
use std::ops::Range;
use std::path::Path;

use jiff::civil::Date;

use crate::check::{self, Finding, Message, Severity};
use crate::diff::Diff;
use crate::error::Error;
use crate::i18n::{Catalog, Lang};
use crate::layout::dossier::{self as pages, Cell, TitleText};
use crate::layout::scene::Scene;
use crate::layout::words::Label;
use crate::layout::{self, GREY, INK, Options, RED};
use crate::maps::{self, MapKind};
use crate::model::{Role, Territory};
use crate::outdir;
use crate::parallel;
use crate::render::deck::{Deck, Page};
use crate::status::message::{Line, Stake};
use crate::status::{self, Standing, Status};
use crate::terminal;

/// The PDF's file name in the output folder, whatever the language: `build` rewrites it in
/// place, and scripts find it.
pub const PDF: &str = "dossier-copil.pdf";
/// The PowerPoint file's name.
pub const PPTX: &str = "dossier-copil.pptx";

/// A page of the dossier that is not a map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    Objectives,
    Decisions,
    Attention,
    Changes,
}

/// A column of the dossier's tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Objective,
    Target,
    Priority,
    Lead,
    Value,
    Standing,
    Decision,
    Severity,
    Finding,
    Hint,
    Section,
    Change,
}

/// A decision the committee has to take, from a finding of `check`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// `missing-lead`: name a lead, among the candidates' names when there are some.
    Lead { candidates: Vec<String> },
    /// `priority-unfunded`: find a funder for a priority objective.
    Funder,
}

/// What every language says in the dossier; each language implements it once.
pub trait Words {
    /// The files' own title (PDF information, PowerPoint `dc:title`).
    fn dossier_file_title(&self, territory: &str) -> String;
    /// "Comité de pilotage du 30/06/2023", or without a date.
    fn committee(&self, date: Option<Date>) -> String;
    /// The title of a page that is not a map.
    fn heading(&self, heading: Heading) -> &'static str;
    /// A table's column header.
    fn column(&self, column: Column) -> &'static str;
    /// A decision to take: "chef de file à désigner parmi SEVADEC, SyMPaC, Les 3 EPCI".
    fn decision(&self, decision: &Decision) -> String;
    /// What a table page says when it has no row.
    fn nothing(&self, heading: Heading) -> &'static str;
    /// A value and the share of the target it is: "30 (60 %)".
    fn value_share(&self, value: &str, share: &str) -> String;
    /// A finding in the speaker notes: "erreur : l'objectif regal … n'a pas de chef de file".
    fn finding_note(&self, severity: &str, message: &str) -> String;
    /// The last line of speaker notes cut at `MAX_NOTES`: "+ 12 autres constats...".
    fn more_notes(&self, n: usize) -> String;
}

/// The maps of the dossier, in its order: the overview, every domain's map (and its
/// objectives' where it has several), the governance chart when the territory has bodies
/// (the deck's "GOUVERNANCE LOCALE" page), the matrix, the status chart as of `at`.
pub fn map_kinds(t: &Territory, at: Option<Date>) -> Vec<MapKind> {
    let mut kinds = vec![MapKind::Overview];
    kinds.extend(maps::domain_maps(t));
    if !t.bodies().is_empty() {
        kinds.push(MapKind::Governance);
    }
    kinds.push(MapKind::Matrix);
    kinds.push(MapKind::Status { at });
    kinds
}

/// Everything the dossier is made of, computed by the commands it gathers.
pub struct Input<'a> {
    pub territory: &'a Territory,
    /// The findings of `check`, with the territory's settings.
    pub findings: &'a [Finding],
    /// The status as of the committee's date.
    pub status: &'a Status,
    /// What changed since the last committee (`--since`).
    pub diff: Option<&'a Diff>,
    /// The slides of `map_kinds`, laid out.
    pub maps: &'a [(MapKind, Vec<Scene>)],
    pub lang: Lang,
}

/// The dossier's pages.
pub fn deck(input: &Input) -> Deck {
    let (t, lang) = (input.territory, input.lang);
    let words = lang.catalog();
    let mut pages = vec![title_page(input)];
    pages.extend(objectives_pages(input));
    pages.extend(decisions_pages(input));
    for (kind, slides) in input.maps {
        let about: Vec<&Finding> = input
            .findings
            .iter()
            .filter(|f| about_map(t, f, kind))
            .collect();
        // The maps spread over slides objective by objective (and the matrix, actor by
        // actor) say on each which ones it shows; a domain's slides all show the domain.
        let shown = match kind {
            MapKind::Overview | MapKind::Matrix | MapKind::Status { .. } => {
                on_slides(&about, slides)
            }
            _ => slides.iter().map(|_| about.clone()).collect(),
        };
        pages.extend(
            slides
                .iter()
                .zip(shown)
                .map(|(s, findings)| Page::scene(s.clone()).with_notes(notes(findings, lang))),
        );
    }
    pages.extend(attention_pages(input));
    if let Some(diff) = input.diff {
        pages.extend(changes_pages(input, diff));
    }
    Deck {
        title: words.dossier_file_title(&t.name),
        lang,
        pages,
    }
}

/// A finding in the speaker notes.
fn note(f: &Finding, lang: Lang) -> String {
    let words = lang.catalog();
    words.finding_note(words.severity(f.severity), &f.message.render(lang))
}

/// The most findings a page's speaker notes give; past it, a last line says how many more
/// there are and where they all are. The notes are read while the slide is shown: a large
/// territory's overview gave each of its slides every error of the territory (2 MB of
/// notes a slide, half of a 280 MB PowerPoint file). The Calaisis dossier's fullest notes,
/// its objectives page's, hold 23.
pub const MAX_NOTES: usize = 30;

fn notes<'a>(findings: impl IntoIterator<Item = &'a Finding>, lang: Lang) -> Vec<String> {
    let findings: Vec<&Finding> = findings.into_iter().collect();
    let mut out: Vec<String> = findings
        .iter()
        .take(MAX_NOTES)
        .map(|f| note(f, lang))
        .collect();
    if findings.len() > MAX_NOTES {
        out.push(lang.catalog().more_notes(findings.len() - MAX_NOTES));
    }
    out
}

/// The findings of `about` (a map's) for each of its `slides`: all of them when the map
/// has one slide; else those about what a slide shows, by the ids of its groups (an
/// objective's column or bars; an actor's row), the most precise the finding names:
/// its objectives, else its actors, else its domains. A finding naming none is on the first
/// slide; one about what no slide shows (past the slides' bound) is on none.
fn on_slides<'a>(about: &[&'a Finding], slides: &[Scene]) -> Vec<Vec<&'a Finding>> {
    if slides.len() <= 1 {
        return slides.iter().map(|_| about.to_vec()).collect();
    }
    slides
        .iter()
        .enumerate()
        .map(|(i, scene)| {
            let shown = scene.group_ids();
            about
                .iter()
                .copied()
                .filter(|f| {
                    let ids = [&f.objectives, &f.actors, &f.domains]
                        .into_iter()
                        .find(|ids| !ids.is_empty());
                    match ids {
                        None => i == 0,
                        Some(ids) => ids.iter().any(|id| shown.contains(id.as_str())),
                    }
                })
                .collect()
        })
        .collect()
}

/// Whether a map shows what a finding is about: a domain's map its domain and objectives,
/// an objective's map its objective, the overview and the matrix every finding of error or
/// warning severity, the status chart the findings about progress.
fn about_map(t: &Territory, f: &Finding, kind: &MapKind) -> bool {
    match kind {
        MapKind::Domain(id) | MapKind::Page(id) => {
            f.domains.contains(id) || t.objectives_of(id).any(|o| f.objectives.contains(&o.id))
        }
        MapKind::Coverage => matches!(f.message, Message::PerimeterGap { .. }),
        MapKind::Governance => matches!(f.message, Message::LeadOutsideGovernance { .. }),
        MapKind::Links => false,
        MapKind::Objective(id) => f.objectives.contains(id),
        MapKind::Actor(id) => f.actors.contains(id),
        MapKind::Overview | MapKind::Matrix => f.severity >= Severity::Warning,
        MapKind::Status { .. } => matches!(
            f.message,
            Message::BonusAtRisk(_) | Message::MeasurementOutsideProgramme { .. }
        ),
    }
}

fn title_page(input: &Input) -> Page {
    let (t, s, lang) = (input.territory, input.status, input.lang);
    let words = lang.catalog();
    let programme = s.programme.as_ref().map(|name| {
        words.status_line(&Line::Heading {
            territory: name.clone(),
            programme: None,
            dates: s.start.zip(s.end),
        })
    });
    // The money rules when the territory gives them; never a line of unknown amounts.
    let money = status::output::bonus_lines(s)
        .into_iter()
        .filter(|line| match line {
            Line::FlatAid(amount) | Line::Total(amount) => amount.is_some(),
            Line::BonusAtStake(stake) => matches!(stake, Stake::Known { .. }),
            _ => false,
        })
        .map(|line| status::output::capitalised(&words.status_line(&line)))
        .collect();
    let text = TitleText {
        territory: t.name.clone(),
        programme,
        committee: words.committee(s.as_of),
        money,
    };
    Page::scene(pages::title_page(t, &text))
        .with_notes([check::output::summary(input.findings, lang)])
}

/// A table's pages, each with the speaker notes `notes` gives for its rows.
fn table_pages(
    input: &Input,
    heading: Heading,
    columns: &[(Column, f64)],
    rows: Vec<Vec<Cell>>,
    notes: impl Fn(Range<usize>) -> Vec<String>,
) -> Vec<Page> {
    let words = input.lang.catalog();
    let table = pages::Table {
        title: words.heading(heading).to_owned(),
        columns: columns
            .iter()
            .map(|&(c, share)| pages::Column {
                header: words.column(c).to_owned(),
                share,
            })
            .collect(),
        rows,
        empty: words.nothing(heading).to_owned(),
    };
    pages::table(input.territory, &table, input.lang)
        .into_iter()
        .map(|(scene, range)| Page::scene(scene).with_notes(notes(range)))
        .collect()
}

/// The colour a standing is written in: plain words, red only for a threshold missed.
fn standing_colour(standing: Standing) -> &'static str {
    match standing {
        Standing::Met => "#2e7d32",
        Standing::OnTrack => INK,
        Standing::Behind => "#a15c00",
        Standing::Missed => RED,
        Standing::Unknown | Standing::NoTarget => GREY,
    }
}

fn severity_colour(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => RED,
        Severity::Warning => "#a15c00",
        Severity::Info => GREY,
    }
}

fn objectives_pages(input: &Input) -> Vec<Page> {
    let (t, s, lang) = (input.territory, input.status, input.lang);
    let words = lang.catalog();
    let rows: Vec<Vec<Cell>> = s
        .objectives
        .iter()
        .map(|o| {
            let leads: Vec<String> = t
                .objective(&o.id)
                .map(|objective| t.actors_in_role(objective, Role::Lead))
                .unwrap_or_default()
                .iter()
                .map(|a| a.name.clone())
                .collect();
            let lead = if leads.is_empty() {
                Cell::Toned(words.map_label(Label::ToBeNamed).to_owned(), RED)
            } else {
                Cell::Text(leads.join(", "))
            };
            let value = status::output::value(o, words);
            let value = match (o.value, o.ratio) {
                (Some(_), Some(ratio)) => words.value_share(&value, &words.percent(ratio)),
                _ => value,
            };
            vec![
                Cell::Strong(o.title.clone()),
                Cell::Text(status::output::quantity(o.target, o, words)),
                if o.priority {
                    Cell::Priority
                } else {
                    Cell::Empty
                },
                lead,
                Cell::Text(value),
                Cell::Toned(
                    words.standing(o.standing).to_owned(),
                    standing_colour(o.standing),
                ),
            ]
        })
        .collect();
    let ids: Vec<&String> = s.objectives.iter().map(|o| &o.id).collect();
    table_pages(
        input,
        Heading::Objectives,
        &[
            (Column::Objective, 0.34),
            (Column::Target, 0.13),
            (Column::Priority, 0.12),
            (Column::Lead, 0.16),
            (Column::Value, 0.12),
            (Column::Standing, 0.13),
        ],
        rows,
        |range| {
            let shown: BTreeSet<&String> = ids[range].iter().copied().collect();
            notes(
                input
                    .findings
                    .iter()
                    .filter(|f| f.objectives.iter().any(|o| shown.contains(o))),
                lang,
            )
        },
    )
}

/// The decisions `check` asks for: every objective without a lead, with its candidates,
/// and every priority objective nobody funds.
fn decisions(findings: &[Finding]) -> Vec<(&Finding, Decision)> {
    findings
        .iter()
        .filter_map(|f| match &f.message {
            Message::NoLead { candidates, .. } => Some((
                f,
                Decision::Lead {
                    candidates: candidates.clone(),
                },
            )),
            Message::PriorityUnfunded { .. } => Some((f, Decision::Funder)),
            _ => None,
        })
        .collect()
}

fn decisions_pages(input: &Input) -> Vec<Page> {
    let (t, lang) = (input.territory, input.lang);
    let words = lang.catalog();
    let decisions = decisions(input.findings);
    let rows = decisions
        .iter()
        .map(|(f, decision)| {
            let objective = f
                .objectives
                .first()
                .map(|id| t.objective(id).map_or(id.as_str(), |o| o.title.as_str()))
                .unwrap_or_default();
            vec![
                Cell::Strong(objective.to_owned()),
                Cell::Toned(words.decision(decision), RED),
            ]
        })
        .collect();
    table_pages(
        input,
        Heading::Decisions,
        &[(Column::Objective, 0.5), (Column::Decision, 0.5)],
        rows,
        |range| notes(decisions[range].iter().map(|(f, _)| *f), lang),
    )
}

fn attention_pages(input: &Input) -> Vec<Page> {
    let lang = input.lang;
    let words = lang.catalog();
    let shown: Vec<&Finding> = input
        .findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .collect();
    let rows = shown
        .iter()
        .map(|f| {
            vec![
                Cell::Toned(
                    words.severity(f.severity).to_owned(),
                    severity_colour(f.severity),
                ),
                Cell::Text(f.message.render(lang)),
                f.hint
                    .as_ref()
                    .map_or(Cell::Empty, |h| Cell::Text(h.render(lang))),
            ]
        })
        .collect();
    table_pages(
        input,
        Heading::Attention,
        &[
            (Column::Severity, 0.14),
            (Column::Finding, 0.46),
            (Column::Hint, 0.4),
        ],
        rows,
        |range| notes(shown[range].iter().copied(), lang),
    )
}

fn changes_pages(input: &Input, diff: &Diff) -> Vec<Page> {
    let lang = input.lang;
    let mut rows = Vec::new();
    for (title, lines) in crate::diff::output::sections(diff, lang) {
        for (i, line) in lines.into_iter().enumerate() {
            let section = if i == 0 {
                Cell::Strong(status::output::capitalised(&title))
            } else {
                Cell::Empty
            };
            rows.push(vec![section, Cell::Text(line)]);
        }
    }
    // The findings that appeared or were resolved, in the notes of the page that shows them.
    let sentences: Vec<String> = diff
        .findings_appeared
        .iter()
        .chain(&diff.findings_resolved)
        .map(|f| f.sentence(lang))
        .collect();
    let texts: Vec<String> = rows
        .iter()
        .map(|r| match &r[1] {
            Cell::Text(s) => s.clone(),
            _ => String::new(),
        })
        .collect();
    table_pages(
        input,
        Heading::Changes,
        &[(Column::Section, 0.3), (Column::Change, 0.7)],
        rows,
        |range| {
            texts[range]
                .iter()
                .filter(|s| sentences.contains(s))
                .cloned()
                .collect()
        },
    )
}

/// The names of the dossier's files: its PDF (when built with the `pdf` feature) and its
/// PowerPoint file.
pub fn names() -> Vec<&'static str> {
    let pdf = cfg!(feature = "pdf").then_some(PDF);
    pdf.into_iter().chain([PPTX]).collect()
}

/// What the dossier's files are made from, as one hash: the deck's title and language, each
/// page's title, notes and drawing (its Scene, `Scene::key_bytes`, or its SVG), and how its
/// pictures are encoded. The same fingerprint, from the same version of actormap, makes the
/// same files.
pub fn fingerprint(deck: &Deck) -> String {
    // Every text ends with a byte no text holds, so two decks cannot read alike.
    let mut all: Vec<u8> = Vec::new();
    let put = |all: &mut Vec<u8>, text: &str| {
        all.extend_from_slice(text.as_bytes());
        all.push(0xff);
    };
    put(&mut all, &deck.title);
    put(&mut all, crate::render::deck::language_tag(deck.lang));
    put(&mut all, &crate::render::png::ENCODING.name());
    put(&mut all, &names().join(","));
    for page in &deck.pages {
        put(&mut all, &page.title);
        put(&mut all, &page.notes.len().to_string());
        for note in &page.notes {
            put(&mut all, note);
        }
        match &page.drawing {
            crate::render::deck::Drawing::Scene(scene) => {
                all.push(b's');
                scene.key_bytes(&mut all);
            }
            crate::render::deck::Drawing::Svg(svg) => {
                all.push(b'v');
                put(&mut all, svg);
            }
        }
    }
    crate::hash::contents(&all)
}

/// The dossier's files, with their names (see [`names`]); the PowerPoint file takes the
/// pictures of `drawn` rather than drawing them again.
pub fn files(
    deck: &Deck,
    dir: &Path,
    drawn: &crate::render::pptx::Drawn,
) -> Result<Vec<(&'static str, Vec<u8>)>, Error> {
    let ready = crate::render::deck::each_page(deck, |page| {
        let svg = page.to_svg();
        Ready::parse(page, &svg, drawn.has(page, &svg))
    })
    .map_err(|e| deck_failed(dir, names()[0], e))?;
    files_ready(deck, dir, ready, drawn)
}

/// A page of the dossier made ready for its files from its drawing, parsed once for both:
/// its PDF drawing and its PowerPoint slide.
#[derive(Debug)]
pub struct Ready {
    #[cfg(feature = "pdf")]
    pdf: crate::render::pdf::Drawing,
    slide: crate::render::pptx::Slide,
}

impl Ready {
    /// `page`, whose drawing is the scene of `source`; `drawn`: its slide's picture is the
    /// PNG drawn from its SVG with the maps (see `pptx::Slide::new`).
    pub fn new(page: &Page, source: &crate::render::Source, drawn: bool) -> Result<Ready, String> {
        let size = (source.scene.width, source.scene.height);
        Ok(Ready {
            #[cfg(feature = "pdf")]
            pdf: match crate::render::pdf::scene_drawing(page, source.scene) {
                Some(drawing) => drawing,
                None => crate::render::pdf::drawing(page, source.tree()?)?,
            },
            slide: crate::render::pptx::Slide::new(page, source.svg(), size, drawn, |px| {
                source.png_fitted_into(px)
            })?,
        })
    }

    /// `page`, whose drawing is `svg`, parsed here.
    pub fn parse(page: &Page, svg: &str, drawn: bool) -> Result<Ready, String> {
        if let crate::render::deck::Drawing::Scene(scene) = &page.drawing {
            return Ready::new(page, &crate::render::Source::new(scene), drawn);
        }
        let tree = crate::render::png::parse(svg)?;
        let size = tree.size();
        let size = (f64::from(size.width()), f64::from(size.height()));
        Ok(Ready {
            #[cfg(feature = "pdf")]
            pdf: crate::render::pdf::drawing(page, &tree)?,
            slide: crate::render::pptx::Slide::new(page, svg, size, drawn, |px| {
                crate::render::png::fitted_into(&tree, px).map(|(png, _)| png)
            })?,
        })
    }
}

/// The dossier's files from its pages made ready (one a page, in order); the slides whose
/// picture was drawn with the maps take it from `drawn`.
pub fn files_ready(
    deck: &Deck,
    dir: &Path,
    ready: Vec<Ready>,
    drawn: &crate::render::pptx::Drawn,
) -> Result<Vec<(&'static str, Vec<u8>)>, Error> {
    #[cfg(feature = "pdf")]
    let (pdf, slides): (Vec<_>, Vec<_>) = ready.into_iter().map(|r| (r.pdf, r.slide)).unzip();
    #[cfg(not(feature = "pdf"))]
    let slides: Vec<_> = ready.into_iter().map(|r| r.slide).collect();
    let pptx = || crate::render::pptx::write_slides(deck, &slides, drawn);
    // The two files are assembled at once, on two cores (2 to 3 ms each for the bundled data,
    // between the last picture drawn and the first file written).
    #[cfg(feature = "pdf")]
    let (pdf, pptx) = std::thread::scope(|scope| {
        let pdf = scope.spawn(|| crate::render::pdf::write_drawings(deck, &pdf));
        let pptx = pptx();
        let pdf = pdf
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (pdf, pptx)
    });
    #[cfg(feature = "pdf")]
    let pdf = Some(pdf.map_err(|e| deck_failed(dir, PDF, e))?);
    #[cfg(not(feature = "pdf"))]
    let (pdf, pptx): (Option<Vec<u8>>, _) = (None, pptx());
    let pptx = pptx.map_err(|e| deck_failed(dir, PPTX, e))?;
    Ok(pdf
        .map(|pdf| (PDF, pdf))
        .into_iter()
        .chain([(PPTX, pptx)])
        .collect())
}

/// The dossier's file `name` in `dir` could not be made.
pub(crate) fn deck_failed(dir: &Path, name: &str, e: crate::render::deck::Error) -> Error {
    Error::Write {
        path: dir.join(name),
        source: std::io::Error::other(e.to_string()),
    }
}

/// Lay out every map of the dossier, on every core.
pub fn lay_out_maps(
    t: &Territory,
    kinds: &[MapKind],
    opts: &Options,
) -> Vec<(MapKind, Vec<Scene>)> {
    parallel::map(kinds, parallel::cores(), |kind| {
        (kind.clone(), maps::scenes(t, kind, opts))
    })
}

/// The dossier of `t` as of `at`, with what changed since `since`, in `lang`.
pub fn make(
    t: &Territory,
    since: Option<&Territory>,
    at: Option<Date>,
    lang: Lang,
) -> Result<Deck, Error> {
    let findings = check::run(t)?;
    let diff = since.map(|old| crate::diff::compare(old, t)).transpose()?;
    Ok(assemble(t, &findings, diff.as_ref(), at, lang, &[]))
}

/// The dossier from the findings of `check` and the diff at hand; `laid` are map slides
/// already laid out at the slide size (those `build` just drew), taken as they are rather
/// than laid out again. The others are laid out here.
pub fn assemble(
    t: &Territory,
    findings: &[Finding],
    diff: Option<&Diff>,
    at: Option<Date>,
    lang: Lang,
    laid: &[(&MapKind, &[Scene])],
) -> Deck {
    let kinds = map_kinds(t, at);
    let already = |k: &MapKind| laid.iter().find(|(l, _)| *l == k).map(|(_, s)| *s);
    let missing: Vec<MapKind> = kinds
        .iter()
        .filter(|k| already(k).is_none())
        .cloned()
        .collect();
    let opts = Options {
        size: layout::Size::default(),
        lang,
        gaps: layout::Gaps::from_findings(findings),
        list: None,
    };
    let mut fresh = lay_out_maps(t, &missing, &opts).into_iter();
    let maps: Vec<(MapKind, Vec<Scene>)> = kinds
        .into_iter()
        .map(|k| match already(&k) {
            Some(slides) => (k, slides.to_vec()),
            None => fresh.next().expect("one layout per missing map"),
        })
        .collect();
    let status = status::compute(t, at);
    deck(&Input {
        territory: t,
        findings,
        status: &status,
        diff,
        maps: &maps,
        lang,
    })
}

/// `actormap dossier`: the dossier (`make`) written into `dir` whole or not at all; prints
/// each file written or unchanged.
pub fn run(
    t: &Territory,
    since: Option<&Territory>,
    at: Option<Date>,
    dir: &Path,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), Error> {
    outdir::check_folder(dir)?;
    let deck = make(t, since, at, lang)?;
    let files = files(&deck, dir, &Default::default())?;
    deliver(dir, &files, lang, out)
}

/// Write `files` into `dir` together, whole or not at all, leaving alone those it already
/// holds; then say of each whether it was written or unchanged.
pub fn deliver(
    dir: &Path,
    files: &[(&str, Vec<u8>)],
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let changed: Vec<(&str, &[u8])> = files
        .iter()
        .filter(|(name, bytes)| !outdir::holds(dir, name, bytes))
        .map(|(name, bytes)| (*name, bytes.as_slice()))
        .collect();
    let mut batch = outdir::Batch::open(dir)?;
    batch.stage_all(&changed)?;
    batch.commit()?;
    let names: Vec<&str> = files.iter().map(|(name, _)| *name).collect();
    said(dir, &names, &changed, lang, out)
}

/// The `wrote` or `unchanged` line of each file.
pub(crate) fn said(
    dir: &Path,
    names: &[&str],
    changed: &[(&str, &[u8])],
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let words: &dyn Catalog = lang.catalog();
    for name in names {
        let path = dir.join(name);
        let line = if changed.iter().any(|(c, _)| c == name) {
            words.wrote(&path)
        } else {
            words.unchanged(&path)
        };
        terminal::line(out, &line)?;
    }
    Ok(())
}
