//! `actormap render` and `actormap build`: which maps to draw, their file names (safe slugs,
//! cut to a safe length, collisions told apart), written together into the output folder
//! (see `outdir`) and never outside it.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::Outcome;
use crate::check;
use crate::cli::{FormatArg, OutputArgs};
use crate::error::Error;
use crate::hash;
use crate::i18n::Lang;
use crate::layout::scene::{Item, Scene};
use crate::layout::{self, Options, Size, SizeError};
use crate::manifest::{self, Manifest};
use crate::model::{Objective, Territory};
use crate::names;
use crate::outdir;
use crate::parallel;
use crate::progress::Progress;
use crate::render::Format;
use crate::render::deck::{Deck, Drawing};
use crate::spreadsheet::{self, Cell, Table};
use crate::terminal;

/// One map asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MapKind {
    Domain(String),
    Objective(String),
    Actor(String),
    Overview,
    Matrix,
    /// A domain's page, as the deck's zoom page: état des lieux, objectives, actions,
    /// who is mobilised, means.
    Page(String),
    /// The coverage grid: member territories x objectives whose scope is tracked.
    Coverage,
    /// The governance chart: the bodies, their chairs and members, whom they report to.
    Governance,
    /// The links between domains.
    Links,
    /// The status chart, as of a date (every measurement when `None`).
    Status {
        at: Option<jiff::civil::Date>,
    },
}

impl MapKind {
    /// The file stem before it is made safe. The status chart as of a date is named after
    /// it (`status-2022-12-31`), so a chart of a past committee never replaces today's
    /// `status`.
    fn stem(&self) -> String {
        match self {
            MapKind::Domain(id) => id.clone(),
            MapKind::Objective(id) => format!("objective-{id}"),
            MapKind::Actor(id) => format!("actor-{id}"),
            MapKind::Overview => "overview".into(),
            MapKind::Matrix => "matrix".into(),
            MapKind::Coverage => "coverage".into(),
            MapKind::Governance => "governance".into(),
            MapKind::Links => "links".into(),
            MapKind::Page(id) => format!("page-{id}"),
            MapKind::Status { at: None } => "status".into(),
            MapKind::Status { at: Some(at) } => format!("status-{at}"),
        }
    }
}

/// What `render` and `export` find by id or name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wanted {
    Domain,
    Objective,
    Actor,
}

/// What `render`, `build` and `export` were asked wrongly, as data until it is said in the
/// user's language ([`UsageWords`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Usage {
    /// Nothing of this kind has this id or name: the closest id or name, when one is close,
    /// else every id.
    Unknown {
        kind: Wanted,
        wanted: String,
        closest: Option<String>,
        known: Vec<String>,
    },
    /// Several of this kind have this name: their ids.
    Ambiguous {
        kind: Wanted,
        wanted: String,
        ids: Vec<String>,
    },
    /// `render` with no map asked for.
    NothingToRender,
    /// `--size` is not a size.
    Size(SizeError),
    /// `export --out` names a folder; `example` is a file in it to suggest.
    OutIsAFolder { out: String, example: String },
    /// `export --out` names no file.
    OutNamesNoFile { out: String },
    /// `render --governance` of a territory without bodies.
    NoBodies,
    /// `render --links` of a territory whose domains name no link.
    NoLinks,
    /// layout-rs could not place a graph (`what`: the picture's file stem); why it said.
    NotPlaced { what: String, why: String },
}

/// What every language says when `render`, `build` or `export` is asked wrongly; each
/// language implements it once (`src/i18n/fr/maps.rs`, `src/i18n/en/maps.rs`). Lowercase,
/// no trailing period, like every error.
pub trait UsageWords {
    /// The message of a usage error.
    fn usage(&self, usage: &Usage) -> String;
    /// Why a size is not one: `"big" is not a size; expected WIDTHxHEIGHT like 1920x1080`.
    fn size(&self, e: &SizeError) -> String;
}

impl Usage {
    /// The usage error, said in `lang`.
    pub fn error(&self, lang: Lang) -> Error {
        Error::Usage(lang.catalog().usage(self))
    }
}

/// The canvas size `--size` asks for, or the usage error saying why it is not one.
pub fn size(args: &OutputArgs) -> Result<Size, Error> {
    Size::parse(&args.size).map_err(|e| Usage::Size(e).error(args.lang.into()))
}

/// Lay out one map, on one slide or more (a map never grows past its slide: what does not
/// fit goes on the next). A crowded map names the file of its complete list: `opts.list`,
/// else the one named after the map (`dc3-acteurs.csv`). The graphs placed by layout-rs
/// (governance, links) may fail: the error says which and why.
pub fn try_scenes(t: &Territory, kind: &MapKind, opts: &Options) -> Result<Vec<Scene>, Error> {
    let placed = match kind {
        MapKind::Governance => layout::governance::layout(t, opts),
        MapKind::Links => layout::links::layout(t, opts),
        _ => return Ok(scenes(t, kind, opts)),
    };
    placed.map_err(|failure| {
        let why = match failure {
            layout::graph::Failure::Empty => "empty graph".to_owned(),
            layout::graph::Failure::Incomplete => "incomplete layout".to_owned(),
            layout::graph::Failure::Panicked(said) => said,
        };
        Usage::NotPlaced {
            what: kind.stem(),
            why,
        }
        .error(opts.lang)
    })
}

/// `try_scenes`, where a graph layout-rs cannot place has no slide (the report page, the
/// dossier: `render` and `build` say why through `try_scenes`).
pub fn scenes(t: &Territory, kind: &MapKind, opts: &Options) -> Vec<Scene> {
    let listed = || Options {
        list: opts
            .list
            .clone()
            .or_else(|| Some(opts.lang.catalog().list_file(&safe_stem(&kind.stem())))),
        ..opts.clone()
    };
    match kind {
        MapKind::Domain(id) => match t.domain(id) {
            Some(d) => layout::cartographie::domain(t, d, &listed()),
            None => Vec::new(),
        },
        MapKind::Objective(id) => match t.objective(id) {
            Some(o) => layout::cartographie::objective(t, o, &listed()),
            None => Vec::new(),
        },
        MapKind::Actor(id) => match t.actor(id) {
            Some(a) => layout::actor::layout(t, a, opts),
            None => Vec::new(),
        },
        MapKind::Overview => layout::overview::layout(t, &crate::status::compute(t, None), opts),
        MapKind::Matrix => layout::matrix::layout(t, opts),
        MapKind::Coverage => layout::coverage::layout(t, opts),
        MapKind::Governance => layout::governance::layout(t, opts).unwrap_or_default(),
        MapKind::Links => layout::links::layout(t, opts).unwrap_or_default(),
        MapKind::Page(id) => match t.domain(id) {
            Some(d) => layout::page::layout(t, d, opts),
            None => Vec::new(),
        },
        MapKind::Status { at } => {
            layout::status_chart::layout(t, &crate::status::compute(t, *at), opts)
        }
    }
}

/// The complete list of a crowded domain's or objective's map (more cards than
/// `cartographie::MAX_CARDS`), as the table written beside it; `None` for every other map.
pub fn complete_list(t: &Territory, kind: &MapKind, opts: &Options) -> Option<Table> {
    let objectives: Vec<&Objective> = match kind {
        MapKind::Domain(id) => t.objectives_of(t.domain(id)?.id.as_str()).collect(),
        MapKind::Objective(id) => vec![t.objective(id)?],
        _ => return None,
    };
    let rows = layout::cartographie::complete_list(t, &objectives, opts)?;
    let header = opts.lang.catalog().list_header();
    let mut table = Table::new(header[0], &header);
    table.rows = rows
        .into_iter()
        .map(|row| {
            vec![
                Cell::text(row.actor),
                Cell::text(row.role),
                Cell::Number(Some(row.objectives.len() as f64)),
                Cell::text(row.objectives.join(", ")),
            ]
        })
        .collect();
    Some(table)
}

/// Safe, distinct file stems for the maps, one per slide: slugs of the ids, with `-1`, `-2`...
/// for the slides of a map split over several (`pages`, one count per map); when two ids give
/// one slug the later ones get `-2`, `-3`... The overview, the matrix and the status chart keep
/// their names whatever the ids: they are named first.
pub fn file_stems(kinds: &[MapKind], pages: &[usize]) -> Vec<Vec<String>> {
    let fixed = |k: &MapKind| {
        matches!(
            k,
            MapKind::Overview
                | MapKind::Matrix
                | MapKind::Coverage
                | MapKind::Governance
                | MapKind::Links
                | MapKind::Status { .. }
        )
    };
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut out = vec![Vec::new(); kinds.len()];
    let order = (0..kinds.len())
        .filter(|&i| fixed(&kinds[i]))
        .chain((0..kinds.len()).filter(|&i| !fixed(&kinds[i])));
    for i in order {
        let base = safe_stem(&kinds[i].stem());
        let count = pages.get(i).copied().unwrap_or(1);
        let names_of = |stem: &str| -> Vec<String> {
            if count > 1 {
                (1..=count).map(|p| format!("{stem}-{p}")).collect()
            } else {
                vec![stem.to_owned()]
            }
        };
        let mut names = names_of(&base);
        let mut n = 1;
        while names.iter().any(|name| taken.contains(name)) {
            n += 1;
            names = names_of(&format!("{base}-{n}"));
        }
        taken.extend(names.iter().cloned());
        out[i] = names;
    }
    out
}

/// The longest stem, in ASCII characters: with `-999` and `.scene.json` (or a temporary's
/// name) a file name stays far below the 255 bytes every file system takes.
pub const MAX_STEM: usize = 80;

/// Names Windows keeps for devices, whatever the case and the extension (`con.svg` cannot
/// be created there).
const WINDOWS_RESERVED: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A file stem made from any text: its slug (ASCII letters, digits and `-`: never a path),
/// `map` when nothing is left; longer than `MAX_STEM`, cut and ended with a hash of the whole
/// text (`-` and 8 hex digits), so two long ids that differ only at the end stay apart and a
/// stem never changes from one run to the next; a Windows device name gets `-map` after it.
pub fn safe_stem(text: &str) -> String {
    let mut stem = slug::slugify(text);
    if stem.is_empty() {
        stem = "map".into();
    }
    if stem.len() > MAX_STEM {
        let hash = format!("-{:08x}", hash::fnv1a(text.as_bytes()) as u32);
        stem.truncate(MAX_STEM - hash.len());
        let cut = stem.trim_end_matches('-').len();
        stem.truncate(cut);
        stem.push_str(&hash);
    }
    if WINDOWS_RESERVED.contains(&stem.as_str()) {
        stem.push_str("-map");
    }
    stem
}

/// Write `bytes` to `dir/name` through a temporary file in `dir` renamed into place, so a
/// failure never leaves half a file over a good one. Files come out readable by all (0644).
pub fn write_atomic(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf, Error> {
    let mut batch = outdir::Batch::open(dir)?;
    batch.stage(name, bytes)?;
    Ok(batch.commit()?.remove(0))
}

fn options(args: &OutputArgs, findings: &[check::Finding]) -> Result<Options, Error> {
    Ok(Options {
        size: size(args)?,
        lang: args.lang.into(),
        gaps: layout::Gaps::from_findings(findings),
        list: None,
    })
}

/// `opts` with the gaps to draw: the findings of `check` with the territory's own settings.
/// Fails, like `check`, when those settings are wrong.
pub fn with_findings(t: &Territory, opts: Options) -> Result<Options, Error> {
    Ok(Options {
        gaps: layout::Gaps::from_findings(&check::run(t)?),
        ..opts
    })
}

fn formats(args: &OutputArgs, default: &[Format]) -> Vec<Format> {
    let mut out: Vec<Format> = if args.format.is_empty() {
        default.to_vec()
    } else {
        args.format
            .iter()
            .map(|f| match f {
                FormatArg::Svg => Format::Svg,
                FormatArg::Png => Format::Png,
                FormatArg::Scene => Format::Scene,
            })
            .collect()
    };
    out.sort();
    out.dedup();
    out
}

/// Draw `kinds` in every format into the output folder, printing each file made: `wrote`
/// when it was written, `unchanged` when the folder already held those bytes. A PNG whose
/// SVG has not changed since the run that drew it is not drawn again (see `manifest`).
pub fn draw(
    t: &Territory,
    kinds: &[MapKind],
    args: &OutputArgs,
    default_formats: &[Format],
    out: &mut dyn Write,
) -> Result<(), Error> {
    let findings = check::run(t)?;
    let quiet = Progress::new(false);
    let extra = Extra {
        report: false,
        dossier: false,
        progress: &quiet,
        fingerprint: None,
    };
    draw_checked(t, kinds, args, default_formats, &findings, &extra, out)
}

/// What a run writes besides the maps, in the same batch (all or none), and where it shows
/// its stages.
struct Extra<'a> {
    /// Whether the report page (`index.html`) is made too, from the maps laid out for the
    /// run, while they are drawn.
    report: bool,
    /// Whether the committee's dossier is written too (`crate::dossier`): its map pages are
    /// the slides just laid out when they are at the slide size.
    dossier: bool,
    /// The progress bar of the run's stages.
    progress: &'a Progress,
    /// For a `build`: the fingerprint of what it is made from (`fingerprint`), recorded with
    /// the files it made.
    fingerprint: Option<String>,
}

/// The bytes of `file`, a PNG of `scene` kept without reading it (its stamp vouched for it),
/// read for the dossier's slides. One that changed since it was found (another program wrote
/// it during the run) is drawn again and written: the slides and the folder get the picture
/// of the territory, not the other program's.
fn kept_png_at_hand(file: &mut manifest::File, scene: &Scene, dir: &Path) -> Result<(), Error> {
    if file.bytes.is_some() || file.picture.is_none() {
        return Ok(());
    }
    let on_disk = outdir::read_regular(&dir.join(&file.name), manifest::MAX_PNG)
        .filter(|bytes| crate::hash::contents(bytes) == file.hash);
    file.bytes = Some(match on_disk {
        Some(bytes) => bytes,
        None => {
            let bytes = crate::render::Source::new(scene)
                .png()
                .map_err(|e| Error::Write {
                    path: dir.join(&file.name),
                    source: std::io::Error::other(e),
                })?;
            file.write = true;
            bytes
        }
    });
    Ok(())
}

/// One job of `draw_checked`'s drawing stage.
enum Job {
    /// The files of one map picture (its index among the run's pictures), with the pages of
    /// the dossier that show it.
    Map(usize),
    /// A page of the dossier (its index) that no map of the run shows.
    Page(usize),
}

/// What a [`Job`] made: a map's files, and the pages of the dossier it made ready (each
/// with its index in the deck).
struct Made {
    files: Vec<Result<manifest::File, Error>>,
    ready: Vec<(usize, Result<crate::dossier::Ready, String>)>,
}

/// `draw` with the findings of `check` already at hand, `extra` files in the same batch.
fn draw_checked(
    t: &Territory,
    kinds: &[MapKind],
    args: &OutputArgs,
    default_formats: &[Format],
    findings: &[check::Finding],
    extra: &Extra<'_>,
    out: &mut dyn Write,
) -> Result<(), Error> {
    let progress = extra.progress;
    let opts = options(args, findings)?;
    let formats = formats(args, default_formats);
    outdir::check_folder(&args.out)?;
    let pictures = formats.contains(&Format::Png);
    // The manifest records the PNGs and the dossier's files.
    let recorded = pictures || extra.dossier;
    // The folder's files are looked at from now on: what the run finds there is known as of
    // this time (see `Stamps::after`).
    let looked = crate::stamps::now();
    let previous = if recorded {
        Manifest::read(&args.out)
    } else {
        Manifest::default()
    };
    // Lay out on every core (a crowded map with the complete list beside it, named after
    // the map), name the slides, then make their files on every core.
    let words = opts.lang.catalog();
    let bases = file_stems(kinds, &vec![1; kinds.len()]);
    let each: Vec<usize> = (0..kinds.len()).collect();
    let [laying_out, drawing, writing] = words.progress_stages();
    progress.stage(laying_out, kinds.len());
    type Laid = (Vec<Scene>, Option<manifest::File>);
    let laid: Vec<Result<Laid, Error>> = parallel::map(&each, parallel::cores(), |&i| {
        let list = words.list_file(&bases[i][0]);
        let opts = Options {
            list: Some(list.clone()),
            ..opts.clone()
        };
        let table = complete_list(t, &kinds[i], &opts);
        let file = table.map(|table| {
            previous.file(
                &args.out,
                list,
                spreadsheet::csv_bytes(&table, opts.lang),
                None,
            )
        });
        let slides = try_scenes(t, &kinds[i], &opts);
        progress.step();
        Ok((slides?, file))
    });
    let (slides, lists): (Vec<Vec<Scene>>, Vec<Option<manifest::File>>) = laid
        .into_iter()
        .collect::<Result<Vec<_>, Error>>()?
        .into_iter()
        .unzip();
    let counts: Vec<usize> = slides.iter().map(Vec::len).collect();
    let stems = file_stems(kinds, &counts);
    let jobs: Vec<(&Scene, &String)> = slides
        .iter()
        .flatten()
        .zip(stems.iter().flatten())
        .collect();
    let lang = crate::i18n::Lang::from(args.lang);
    // The dossier's deck, before any picture is drawn: its pages are drawn with the maps,
    // each map's drawing parsed once for its PNG, its PDF page and its slide.
    let laid: Vec<(&MapKind, &[Scene])> = if opts.size == Size::default() {
        kinds.iter().zip(slides.iter().map(Vec::as_slice)).collect()
    } else {
        Vec::new()
    };
    let Dossier {
        names: dossier_names,
        pages,
        deck,
        mut documents,
    } = if extra.dossier {
        dossier(t, findings, lang, &laid, &previous, &args.out)
    } else {
        Dossier::default()
    };
    // Each page of the deck is drawn by the map showing the same scene, else on its own.
    let scenes: Vec<&Scene> = jobs.iter().map(|(scene, _)| *scene).collect();
    let (pages_of, alone) = deck
        .as_ref()
        .map(|deck| shown_by(deck, &scenes))
        .unwrap_or_else(|| (vec![Vec::new(); scenes.len()], Vec::new()));
    // A map's slide takes its PNG when the map is drawn as PNG at the slide's size.
    let png_slides = formats.contains(&Format::Png);
    let work = |job: &Job| match job {
        Job::Map(i) => drawing_work(jobs[*i].0),
        Job::Page(k) => deck
            .as_ref()
            .map_or(0, |deck| match &deck.pages[*k].drawing {
                Drawing::Scene(scene) => drawing_work(scene),
                // About a character of text in every 50 bytes of SVG.
                Drawing::Svg(svg) => svg.len() / 50,
            }),
    };
    // Rasterizing dominates and some pictures take four times as long as others: the
    // largest go first, so that no core is left drawing one alone at the end.
    let mut order: Vec<Job> = (0..jobs.len())
        .map(Job::Map)
        .chain(alone.iter().map(|&k| Job::Page(k)))
        .collect();
    order.sort_by_key(|job| std::cmp::Reverse(work(job)));
    progress.stage(drawing, order.len());
    // The report page shows the maps just laid out (a map the run does not draw is laid
    // out for it), and is written while they are drawn.
    let laid_out = |kind: &MapKind| match kinds.iter().position(|k| k == kind) {
        Some(i) => slides[i].clone(),
        None => self::scenes(t, kind, &opts),
    };
    let report = || crate::report::bytes_with_maps(t, findings, &opts, &laid_out);
    let draw_all = || {
        parallel::map(&order, parallel::cores(), |job| {
            let made = match job {
                Job::Map(i) => {
                    let (scene, stem) = jobs[*i];
                    let source = crate::render::Source::new(scene);
                    let files = previous.files(&args.out, stem, &source, &formats);
                    let ready = deck.iter().flat_map(|deck| {
                        pages_of[*i].iter().map(|&k| {
                            let page = &deck.pages[k];
                            let drawn = png_slides && crate::render::pptx::takes_drawn(page);
                            let ready = crate::dossier::Ready::new(page, &source, drawn);
                            (k, ready)
                        })
                    });
                    Made {
                        files,
                        ready: ready.collect(),
                    }
                }
                Job::Page(k) => Made {
                    files: Vec::new(),
                    ready: deck
                        .iter()
                        .map(|deck| {
                            let page = &deck.pages[*k];
                            (
                                *k,
                                crate::dossier::Ready::parse(page, &page.to_svg(), false),
                            )
                        })
                        .collect(),
                },
            };
            progress.step();
            made
        })
    };
    let (page, made) = std::thread::scope(|scope| {
        let page = extra.report.then(|| scope.spawn(report));
        let made = draw_all();
        let page = page.map(|page| {
            page.join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        });
        (page, made)
    });
    let other_pages: Vec<(&str, Vec<u8>)> = page
        .map(|page| (crate::report::FILE, page))
        .into_iter()
        .collect();
    let mut maps: Vec<Vec<Result<manifest::File, Error>>> =
        (0..jobs.len()).map(|_| Vec::new()).collect();
    let mut ready = Vec::new();
    for (job, made) in order.iter().zip(made) {
        if let Job::Map(i) = job {
            maps[*i] = made.files;
        }
        ready.extend(made.ready);
    }
    ready.sort_by_key(|(k, _)| *k);
    // Every file is made before any is written, and all are written before any replaces an
    // old one: a run that fails leaves the folder as it was, manifest included.
    let mut files = Vec::new();
    for (i, made) in maps.into_iter().enumerate() {
        for file in made {
            let mut file = file?;
            if deck.is_some() {
                kept_png_at_hand(&mut file, jobs[i].0, &args.out)?;
            }
            files.push(file);
        }
    }
    files.extend(lists.into_iter().flatten());
    let mut dossier_files = Vec::new();
    if let Some(deck) = &deck {
        // The PNGs of the run, those kept at hand already (`kept_png_at_hand`).
        let pngs: Vec<(&str, &[u8])> = files
            .iter()
            .filter_map(|f| Some((f.picture.as_ref()?.svg.as_str(), f.bytes.as_deref()?)))
            .collect();
        let mut drawn = crate::render::pptx::Drawn::default();
        for (svg, bytes) in &pngs {
            drawn.add((*svg).to_owned(), bytes);
        }
        let ready =
            crate::render::deck::collect(deck, ready.into_iter().map(|(_, ready)| ready).collect())
                .map_err(|e| crate::dossier::deck_failed(&args.out, dossier_names[0], e))?;
        dossier_files = crate::dossier::files_ready(deck, &args.out, ready, &drawn)?;
        documents = dossier_files
            .iter()
            .map(|(name, bytes)| (*name, manifest::Document::new(&pages, bytes)))
            .collect();
    }
    // What the run says, and what the last build said that it does not: files it made that
    // this build no longer makes (a map now spread over two slides, a domain gone, a format
    // no longer asked for), still as it left them. They are removed once this run's files
    // are in place: left, they would show an out-of-date map to whoever opens them.
    let said: Vec<&str> = files
        .iter()
        .map(|f| f.name.as_str())
        .chain(other_pages.iter().map(|(name, _)| *name))
        .chain(dossier_names.iter().copied())
        .collect();
    let obsolete = if recorded {
        previous.stamps().obsolete(&args.out, &said)
    } else {
        Vec::new()
    };
    let json = recorded.then(|| {
        previous
            .after(&args.out, &files, &documents)
            .without(&obsolete)
            .to_json()
    });
    // Every other file of the run, with the hash of its bytes: the manifest, the report
    // page, the dossier's files (hashed already for the manifest).
    let others: Vec<(&str, &[u8], String)> = json
        .iter()
        .map(|json| (manifest::FILE, json.as_bytes()))
        .chain(
            other_pages
                .iter()
                .map(|(name, bytes)| (*name, bytes.as_slice())),
        )
        .map(|(name, bytes)| (name, bytes, hash::contents(bytes)))
        .chain(
            dossier_files
                .iter()
                .zip(&documents)
                .map(|((name, bytes), (_, document))| {
                    (*name, bytes.as_slice(), document.file.clone())
                }),
        )
        .collect();
    let changed_others: Vec<(&str, &[u8])> = others
        .iter()
        .filter(|(name, bytes, hash)| !previous.stamps().holds_hashed(&args.out, name, bytes, hash))
        .map(|(name, bytes, _)| (*name, *bytes))
        .collect();
    let changed: Vec<(&str, &[u8])> = files
        .iter()
        .filter_map(|f| Some((f.name.as_str(), f.to_write()?)))
        .chain(changed_others.iter().copied())
        .collect();
    let dossier_changed: Vec<(&str, &[u8])> = changed_others
        .iter()
        .filter(|(name, _)| dossier_files.iter().any(|(n, _)| n == name))
        .copied()
        .collect();
    progress.stage(writing, 1);
    let mut batch = outdir::Batch::open(&args.out)?;
    batch.stage_all(&changed)?;
    batch.commit()?;
    let wrote = crate::stamps::now();
    let removed: Vec<&String> = obsolete
        .iter()
        .filter(|name| std::fs::remove_file(args.out.join(name)).is_ok())
        .collect();
    if recorded {
        // What this machine now knows of the folder's files, for the next run to trust
        // without reading them (a cache: not written when unchanged, a failure ignored).
        let kept_documents = documents
            .iter()
            .filter(|_| dossier_files.is_empty())
            .map(|(name, d)| (*name, d.file.clone()));
        let written: std::collections::HashSet<&str> = changed.iter().map(|(n, _)| *n).collect();
        let sure = |name: &str| {
            if written.contains(name) {
                wrote
            } else {
                looked
            }
        };
        let known: Vec<(&str, String, u64)> = files
            .iter()
            .map(|f| (f.name.as_str(), f.hash.clone()))
            .chain(others.iter().map(|(name, _, hash)| (*name, hash.clone())))
            .chain(kept_documents)
            .map(|(name, hash)| (name, hash, sure(name)))
            .collect();
        // The files a build says, in the order it says them (see below), for the next build
        // from the same fingerprint to say them again without making them.
        let build = extra.fingerprint.clone().map(|fingerprint| {
            let hashes: std::collections::HashMap<&str, &String> =
                known.iter().map(|(name, hash, _)| (*name, hash)).collect();
            let hash_of = |name: &str| hashes.get(name).map(|hash| (*hash).clone());
            crate::stamps::Build {
                fingerprint,
                files: said
                    .iter()
                    .filter_map(|&name| Some((name.to_owned(), hash_of(name)?)))
                    .collect(),
            }
        });
        previous
            .stamps()
            .after(&args.out, &known)
            .with_build(build)
            .save(&args.out, previous.stamps());
    }
    progress.finish();
    let words = lang.catalog();
    for file in &files {
        let path = args.out.join(&file.name);
        let line = if file.write {
            words.wrote(&path)
        } else {
            words.unchanged(&path)
        };
        terminal::line(out, &line)?;
    }
    for (name, _) in &other_pages {
        let path = args.out.join(name);
        let line = if changed.iter().any(|(n, _)| n == name) {
            words.wrote(&path)
        } else {
            words.unchanged(&path)
        };
        terminal::line(out, &line)?;
    }
    crate::dossier::said(&args.out, &dossier_names, &dossier_changed, lang, out)?;
    for name in removed {
        terminal::line(out, &words.removed(&args.out.join(name)))?;
    }
    Ok(())
}

/// The committee's dossier of a `build`: its files' names, the fingerprint of its pages, and
/// the deck to make, or the records of its files when the folder holds them as the last run
/// made them from the same pages (it is then not made again).
#[derive(Default)]
struct Dossier {
    names: Vec<&'static str>,
    pages: String,
    deck: Option<Deck>,
    documents: Vec<(&'static str, manifest::Document)>,
}

/// The dossier of `t` for a `build` into `dir`, whose last run left `previous`; `laid`: the
/// maps laid out at the slide's size.
fn dossier(
    t: &Territory,
    findings: &[check::Finding],
    lang: Lang,
    laid: &[(&MapKind, &[Scene])],
    previous: &Manifest,
    dir: &Path,
) -> Dossier {
    let deck = crate::dossier::assemble(t, findings, None, None, lang, laid);
    let pages = crate::dossier::fingerprint(&deck);
    let names = crate::dossier::names();
    if names
        .iter()
        .all(|name| previous.holds_document(dir, name, &pages))
    {
        let documents = names
            .iter()
            .filter_map(|name| Some((*name, previous.document(name)?.clone())))
            .collect();
        Dossier {
            names,
            pages,
            deck: None,
            documents,
        }
    } else {
        Dossier {
            names,
            pages,
            deck: Some(deck),
            documents: Vec::new(),
        }
    }
}

/// Which of `scenes` each page of `deck` shows (the first equal to its drawing): the
/// indices of the pages each scene shows, and those of the pages no scene shows.
fn shown_by(deck: &Deck, scenes: &[&Scene]) -> (Vec<Vec<usize>>, Vec<usize>) {
    let mut pages_of = vec![Vec::new(); scenes.len()];
    let mut alone = Vec::new();
    for (k, page) in deck.pages.iter().enumerate() {
        let shown = match &page.drawing {
            Drawing::Scene(scene) => scenes.iter().position(|s| *s == scene),
            Drawing::Svg(_) => None,
        };
        match shown {
            Some(i) => pages_of[i].push(k),
            None => alone.push(k),
        }
    }
    (pages_of, alone)
}

/// About how much drawing `scene` takes: its items (areas to fill) and the characters of its
/// texts (each glyph laid out by usvg for the PDF page, then laid on the picture).
fn drawing_work(scene: &Scene) -> usize {
    scene
        .flatten()
        .iter()
        .map(|(_, item)| match item {
            Item::Text(text) => 1 + text.text.chars().count(),
            _ => 1,
        })
        .sum()
}

/// Resolve what `render` was asked for into map kinds, with suggestions for unknown ids;
/// `views` are the whole-territory views asked for (overview, matrix, status chart).
#[allow(clippy::too_many_arguments)]
pub fn requested(
    t: &Territory,
    domains: &[String],
    pages: &[String],
    objectives: &[String],
    actors: &[String],
    views: &[MapKind],
    all: bool,
    lang: Lang,
) -> Result<Vec<MapKind>, Error> {
    let mut kinds = Vec::new();
    if all {
        kinds.extend(domain_maps(t));
    }
    // A domain's map and its page are found the same way, by id or name.
    let domain = |wanted: &String| {
        find(
            Wanted::Domain,
            wanted,
            t.domains(),
            |d| &d.id,
            |d| vec![&d.name],
        )
        .map(|d| d.id.clone())
        .map_err(|u| u.error(lang))
    };
    for wanted in domains {
        kinds.push(MapKind::Domain(domain(wanted)?));
    }
    for wanted in pages {
        kinds.push(MapKind::Page(domain(wanted)?));
    }
    for wanted in objectives {
        let o = find(
            Wanted::Objective,
            wanted,
            t.objectives(),
            |o| &o.id,
            |o| vec![&o.title],
        )
        .map_err(|u| u.error(lang))?;
        kinds.push(MapKind::Objective(o.id.clone()));
    }
    for wanted in actors {
        let a = find(
            Wanted::Actor,
            wanted,
            t.actors(),
            |a| &a.id,
            |a| std::iter::once(&a.name).chain(&a.aliases).collect(),
        )
        .map_err(|u| u.error(lang))?;
        kinds.push(MapKind::Actor(a.id.clone()));
    }
    if all {
        kinds.extend([MapKind::Overview, MapKind::Matrix]);
        if !t.perimeter().is_empty() {
            kinds.push(MapKind::Coverage);
        }
        kinds.extend(graphs(t));
        if !views.iter().any(|v| matches!(v, MapKind::Status { .. })) {
            kinds.push(MapKind::Status { at: None });
        }
    }
    if views.contains(&MapKind::Governance) && t.bodies().is_empty() {
        return Err(Usage::NoBodies.error(lang));
    }
    if views.contains(&MapKind::Links) && layout::links::pairs(t).is_empty() {
        return Err(Usage::NoLinks.error(lang));
    }
    kinds.extend(views.iter().cloned());
    if kinds.is_empty() {
        return Err(Usage::NothingToRender.error(lang));
    }
    let mut seen = Vec::new();
    kinds.retain(|k| {
        let fresh = !seen.contains(k);
        seen.push(k.clone());
        fresh
    });
    Ok(kinds)
}

/// The one item `wanted` stands for: by its id, else by one of its names (a domain's name, an
/// objective's title, an actor's name or aliases), compared with `names::key` (case, accents,
/// spaces and punctuation do not matter), as actors are in links.csv. Else a usage error with
/// the did-you-mean of `names::suggest` over ids and names, or the known ids.
fn find<'a, T>(
    kind: Wanted,
    wanted: &str,
    items: &'a [T],
    id: impl Fn(&'a T) -> &'a String,
    other_names: impl Fn(&'a T) -> Vec<&'a String>,
) -> Result<&'a T, Usage> {
    let k = names::key(wanted);
    if let Some(item) = items.iter().find(|i| names::key(id(i)) == k) {
        return Ok(item);
    }
    let named: Vec<&T> = items
        .iter()
        .filter(|i| other_names(i).iter().any(|n| names::key(n) == k))
        .collect();
    match named[..] {
        [one] => Ok(one),
        [] => {
            let candidates = items
                .iter()
                .flat_map(|i| std::iter::once(id(i)).chain(other_names(i)))
                .map(String::as_str);
            let closest = names::suggest(wanted, candidates).map(str::to_owned);
            let known = match closest {
                Some(_) => Vec::new(),
                None => items.iter().map(|i| id(i).clone()).collect(),
            };
            Err(Usage::Unknown {
                kind,
                wanted: wanted.to_owned(),
                closest,
                known,
            })
        }
        _ => Err(Usage::Ambiguous {
            kind,
            wanted: wanted.to_owned(),
            ids: named.iter().map(|i| id(i).clone()).collect(),
        }),
    }
}

/// What `build` draws: every domain's map, and each objective's own map where a domain has
/// several but not more than `OBJECTIVE_MAPS` (so each lead is seen with its objective
/// alone), then the overview, the matrix, the coverage grid when the territory has a
/// perimeter, the governance chart and the links graph when it has bodies and links, and
/// the status chart.
pub fn build_list(t: &Territory) -> Vec<MapKind> {
    let mut kinds = domain_maps(t);
    kinds.push(MapKind::Overview);
    kinds.push(MapKind::Matrix);
    if !t.perimeter().is_empty() {
        kinds.push(MapKind::Coverage);
    }
    kinds.extend(graphs(t));
    kinds.push(MapKind::Status { at: None });
    kinds
}

/// The governance chart when the territory has bodies, the links graph when its domains
/// name links: what `build` and `render --all` add for them.
fn graphs(t: &Territory) -> Vec<MapKind> {
    let mut kinds = Vec::new();
    if !t.bodies().is_empty() {
        kinds.push(MapKind::Governance);
    }
    if !layout::links::pairs(t).is_empty() {
        kinds.push(MapKind::Links);
    }
    kinds
}

/// A domain of more objectives than this gets no map per objective from `build`: one slide
/// per objective would be hundreds of slides for a large territory (`render --objective`
/// draws any of them). Six is the most a committee goes through for one domain, and the
/// domain's own map already says which lead leads which objective.
pub const OBJECTIVE_MAPS: usize = 6;

/// Every domain's map, after its page when it has actions or an état des lieux, each
/// followed by its objectives' own maps when it has several (but not more than
/// `OBJECTIVE_MAPS`).
pub fn domain_maps(t: &Territory) -> Vec<MapKind> {
    let mut kinds = Vec::new();
    for d in t.domains() {
        if layout::page::has_page(t, d) {
            kinds.push(MapKind::Page(d.id.clone()));
        }
        kinds.push(MapKind::Domain(d.id.clone()));
        let objectives: Vec<_> = t.objectives_of(&d.id).collect();
        if (2..=OBJECTIVE_MAPS).contains(&objectives.len()) {
            kinds.extend(objectives.iter().map(|o| MapKind::Objective(o.id.clone())));
        }
    }
    kinds
}

/// `actormap build`: check, then the maps of `build_list` and the report page
/// (`index.html`), in one batch.
pub fn build(t: &Territory, args: &OutputArgs, out: &mut dyn Write) -> Result<Outcome, Error> {
    let findings = check::run(t)?;
    check::output::text(&findings, args.lang.into(), out)?;
    writeln!(out)?;
    let outcome = if check::has_errors(&findings) {
        Outcome::Findings
    } else {
        Outcome::Clean
    };
    // Nothing to do when the last build into the folder was made from the same territory,
    // options and version, and its files are all still as it left them (their stamps say
    // so: none is read). The build is deterministic: it would make the same bytes again.
    let fingerprint = fingerprint(t, args)?;
    if let Some(names) = crate::stamps::Stamps::read(&args.out).unchanged_build(
        &args.out,
        &fingerprint,
        &[manifest::FILE],
    ) {
        let words = crate::i18n::Lang::from(args.lang).catalog();
        for name in names {
            terminal::line(out, &words.unchanged(&args.out.join(name)))?;
        }
        return Ok(outcome);
    }
    draw_checked(
        t,
        &build_list(t),
        args,
        &[Format::Svg, Format::Png],
        &findings,
        &Extra {
            report: true,
            dossier: true,
            progress: &Progress::for_stderr(),
            fingerprint: Some(fingerprint),
        },
        out,
    )?;
    Ok(outcome)
}

/// The fingerprint of a `build`: everything its files are made from. The territory as loaded
/// (every row of every table with where it was read, its settings and rules: the findings
/// follow from them), the options that shape the files, the formats, and the build of
/// actormap (`manifest::VERSION`). Nothing else goes into a build's files: no date of today,
/// no machine.
fn fingerprint(t: &Territory, args: &OutputArgs) -> Result<String, Error> {
    use std::fmt::Write as _;
    let mut text = crate::hash::Text::default();
    let formats = formats(args, &[Format::Svg, Format::Png]);
    // Formatting into a hasher cannot fail.
    let _ = write!(
        text,
        "build {} {:?} {:?} {:?} {t:?}",
        manifest::VERSION,
        size(args)?,
        args.lang,
        formats,
    );
    Ok(text.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG kept on the word of its stamp, found changed when the dossier reads it (another
    /// program wrote it during the run), is drawn again and written.
    #[test]
    fn a_kept_png_changed_during_the_run_is_drawn_again() {
        let dir = tempfile::tempdir().unwrap();
        let t = crate::load::load(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/actors/calaisis"
        )))
        .unwrap();
        let scene = scenes(&t, &MapKind::Domain("DC3".into()), &Options::default()).remove(0);
        let png = crate::render::Source::new(&scene).png().unwrap();
        let kept = |write: bool| manifest::File {
            name: "dc3.png".into(),
            bytes: None,
            hash: crate::hash::contents(&png),
            write,
            picture: Some(manifest::Picture {
                svg: String::new(),
                size: String::new(),
                version: String::new(),
                encoding: String::new(),
                png: crate::hash::contents(&png),
            }),
        };
        std::fs::write(dir.path().join("dc3.png"), &png).unwrap();
        let mut file = kept(false);
        kept_png_at_hand(&mut file, &scene, dir.path()).unwrap();
        assert!(!file.write);
        assert_eq!(file.bytes.as_deref(), Some(png.as_slice()));
        std::fs::write(dir.path().join("dc3.png"), b"another program's").unwrap();
        let mut file = kept(false);
        kept_png_at_hand(&mut file, &scene, dir.path()).unwrap();
        assert!(file.write);
        assert_eq!(file.to_write(), Some(png.as_slice()));
    }

    #[test]
    fn each_page_of_the_dossier_is_drawn_by_the_first_map_showing_its_scene() {
        let scene = |title: &str| Scene {
            width: 1920.0,
            height: 1080.0,
            title: title.into(),
            background: "#ffffff",
            items: Vec::new(),
        };
        let (a, b, x) = (scene("A"), scene("B"), scene("X"));
        let deck = Deck {
            title: "t".into(),
            lang: Lang::Fr,
            pages: vec![
                crate::render::deck::Page::scene(a.clone()),
                crate::render::deck::Page::scene(b.clone()),
                crate::render::deck::Page::svg("C", "<svg/>"),
                crate::render::deck::Page::scene(a.clone()),
            ],
        };
        let b_twice = b.clone();
        let (pages_of, alone) = shown_by(&deck, &[&b, &x, &a, &b_twice]);
        assert_eq!(pages_of, [vec![1], vec![], vec![0, 3], vec![]]);
        assert_eq!(alone, [2]);
        let (pages_of, alone) = shown_by(&deck, &[]);
        assert!(pages_of.is_empty());
        assert_eq!(alone, [0, 1, 2, 3]);
    }

    #[test]
    fn a_name_shared_by_two_domains_asks_for_an_id() {
        let domain = |id: &str, name: &str| crate::model::Domain {
            id: id.into(),
            name: name.into(),
            headline: None,
            related: Vec::new(),
            context: Vec::new(),
            origin: crate::error::Location::new("domains.csv", 2),
        };
        let t = Territory::new(crate::model::Tables {
            domains: vec![domain("DC1", "Mobilité"), domain("DC2", "MOBILITE")],
            ..Default::default()
        });
        let ask = |wanted: &str, lang| {
            requested(&t, &[wanted.to_owned()], &[], &[], &[], &[], false, lang)
        };
        assert_eq!(
            ask("dc2", Lang::Fr).unwrap(),
            [MapKind::Domain("DC2".into())]
        );
        assert_eq!(
            ask("mobilité", Lang::En).unwrap_err().render(Lang::En),
            "error: \"mobilité\" names several domains (DC1, DC2); give an id"
        );
        assert_eq!(
            ask("mobilité", Lang::Fr).unwrap_err().render(Lang::Fr),
            "erreur\u{a0}: «\u{a0}mobilité\u{a0}» désigne plusieurs domaines (DC1, DC2)\u{a0}; donnez un identifiant"
        );
    }

    #[test]
    fn stems_are_safe_and_distinct() {
        let kinds = [
            MapKind::Domain("../x".into()),
            MapKind::Domain("X".into()),
            MapKind::Domain("/etc/passwd".into()),
            MapKind::Domain("...".into()),
            MapKind::Domain("overview".into()),
            MapKind::Domain("Status".into()),
            MapKind::Overview,
            MapKind::Status { at: None },
        ];
        let stems: Vec<String> = file_stems(&kinds, &[1; 8])
            .into_iter()
            .map(|mut pages| pages.remove(0))
            .collect();
        // The fixed views keep their names even after a domain that would take them.
        assert_eq!(
            stems,
            [
                "x",
                "x-2",
                "etc-passwd",
                "map",
                "overview-2",
                "status-2",
                "overview",
                "status"
            ]
        );
        for s in &stems {
            assert!(
                s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
                "{s}"
            );
        }
    }

    #[test]
    fn long_ids_are_cut_with_a_stable_hash_and_stay_apart() {
        let long = |end: &str| format!("{}{end}", "Objectif très long ".repeat(16));
        let kinds = [
            MapKind::Domain(long("A")),
            MapKind::Domain(long("B")),
            MapKind::Domain(long("A")),
            MapKind::Objective("x".repeat(300)),
        ];
        let stems: Vec<String> = file_stems(&kinds, &[1; 4]).concat();
        for s in &stems {
            assert!(s.len() <= MAX_STEM + 2, "{s} ({} bytes)", s.len());
            assert!(!s.contains("--"), "{s}");
        }
        assert_ne!(stems[0], stems[1]);
        assert_eq!(stems[2], format!("{}-2", stems[0]));
        assert!(
            stems[0].starts_with("objectif-tres-long-objectif"),
            "{}",
            stems[0]
        );
        // The same id gives the same name on every run and every machine.
        assert_eq!(safe_stem(&long("A")), stems[0]);
        assert_eq!(
            safe_stem(&format!("objective-{}", "x".repeat(300))),
            stems[3]
        );
        // FNV-1a of the whole text, as any implementation computes it.
        assert_eq!(&stems[3][MAX_STEM - 9..], "-efbee99f");
        // Short ids are untouched.
        assert_eq!(safe_stem("DC3"), "dc3");
        assert_eq!(safe_stem(&"y".repeat(MAX_STEM)), "y".repeat(MAX_STEM));
    }

    #[test]
    fn windows_device_names_are_never_file_names() {
        for id in [
            "CON", "con", "Aux", "nul", "PRN", "COM1", "com9", "LPT1", "lpt9",
        ] {
            let stem = safe_stem(id);
            assert_eq!(stem, format!("{}-map", id.to_lowercase()), "{id}");
        }
        for id in ["console", "com10", "auxiliaire", "DC3"] {
            assert!(!safe_stem(id).ends_with("-map"), "{id}");
        }
        let stems = file_stems(
            &[
                MapKind::Domain("CON".into()),
                MapKind::Domain("con-map".into()),
            ],
            &[1, 1],
        )
        .concat();
        assert_eq!(stems, ["con-map", "con-map-2"]);
    }

    #[test]
    fn a_status_chart_as_of_a_date_is_named_after_it() {
        let at = jiff::civil::date(2022, 12, 31);
        let kinds = [
            MapKind::Domain("status-2022-12-31".into()),
            MapKind::Status { at: Some(at) },
            MapKind::Status { at: None },
        ];
        // Like the other views, it keeps its name whatever the ids.
        assert_eq!(
            file_stems(&kinds, &[1, 1, 1]).concat(),
            ["status-2022-12-31-2", "status-2022-12-31", "status"]
        );
        assert_eq!(
            file_stems(&kinds[1..2], &[2]).concat(),
            ["status-2022-12-31-1", "status-2022-12-31-2"]
        );
    }

    #[test]
    fn the_slides_of_a_split_map_are_numbered_and_stay_distinct() {
        let kinds = [
            MapKind::Domain("matrix-2".into()),
            MapKind::Domain("DC3".into()),
            MapKind::Matrix,
        ];
        let stems = file_stems(&kinds, &[1, 3, 2]);
        assert_eq!(
            stems,
            [
                vec!["matrix-2-2".to_owned()],
                vec!["dc3-1".to_owned(), "dc3-2".to_owned(), "dc3-3".to_owned()],
                vec!["matrix-1".to_owned(), "matrix-2".to_owned()],
            ]
        );
    }
}
