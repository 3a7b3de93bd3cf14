//! `actormap render` and `actormap build`: which maps to draw, their file names (safe slugs,
//! cut to a safe length, collisions told apart), written together into the output folder
//! (see `outdir`) and never outside it.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::Outcome;
use crate::check;
use crate::cli::{FormatArg, LangArg, OutputArgs};
use crate::error::Error;
use crate::hash;
use crate::layout::scene::{Item, Scene};
use crate::layout::{self, Options, Size};
use crate::manifest::{self, Manifest};
use crate::model::{Lang, Role, Territory};
use crate::names;
use crate::outdir;
use crate::parallel;
use crate::render::Format;
use crate::terminal;

/// One map asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MapKind {
    Domain(String),
    Objective(String),
    Actor(String),
    Overview,
    Matrix,
    /// The status chart, as of a date (every measurement when `None`).
    Status {
        at: Option<jiff::civil::Date>,
    },
}

impl MapKind {
    /// The file stem before it is made safe.
    fn stem(&self) -> String {
        match self {
            MapKind::Domain(id) => id.clone(),
            MapKind::Objective(id) => format!("objective-{id}"),
            MapKind::Actor(id) => format!("actor-{id}"),
            MapKind::Overview => "overview".into(),
            MapKind::Matrix => "matrix".into(),
            MapKind::Status { .. } => "status".into(),
        }
    }
}

/// Lay out one map.
pub fn scene(t: &Territory, kind: &MapKind, opts: &Options) -> Scene {
    match kind {
        MapKind::Domain(id) => {
            let d = t.domain(id).expect("domain ids are resolved before layout");
            layout::cartographie::domain(t, d, opts)
        }
        MapKind::Objective(id) => {
            let o = t
                .objective(id)
                .expect("objective ids are resolved before layout");
            layout::cartographie::objective(t, o, opts)
        }
        MapKind::Actor(id) => {
            let a = t.actor(id).expect("actor ids are resolved before layout");
            layout::actor::layout(t, a, opts)
        }
        MapKind::Overview => layout::overview::layout(t, opts),
        MapKind::Matrix => layout::matrix::layout(t, opts),
        MapKind::Status { at } => {
            layout::status_chart::layout(t, &crate::status::compute(t, *at), opts)
        }
    }
}

/// Safe, distinct file stems for the maps: slugs of the ids (see [`safe_stem`]); when two ids
/// give one stem the later ones get `-2`, `-3`... The overview, the matrix and the status
/// chart keep their names whatever the ids: they are named first.
pub fn file_stems(kinds: &[MapKind]) -> Vec<String> {
    let fixed = |k: &MapKind| {
        matches!(
            k,
            MapKind::Overview | MapKind::Matrix | MapKind::Status { .. }
        )
    };
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut out = vec![String::new(); kinds.len()];
    let order = (0..kinds.len())
        .filter(|&i| fixed(&kinds[i]))
        .chain((0..kinds.len()).filter(|&i| !fixed(&kinds[i])));
    for i in order {
        let base = safe_stem(&kinds[i].stem());
        let mut name = base.clone();
        let mut n = 1;
        while taken.contains(&name) {
            n += 1;
            name = format!("{base}-{n}");
        }
        taken.insert(name.clone());
        out[i] = name;
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

fn options(t: &Territory, args: &OutputArgs) -> Result<Options, Error> {
    let opts = Options {
        size: Size::parse(&args.size).map_err(|e| Error::Usage(format!("--size {e}")))?,
        lang: match args.lang {
            LangArg::Fr => Lang::Fr,
            LangArg::En => Lang::En,
        },
        ..Options::default()
    };
    with_required_roles(t, opts)
}

/// `opts` with the roles the maps must show as gaps when nobody holds them, taken from the
/// territory's check settings: the `roles` of `missing-role` (unless it is off), funder
/// for priority objectives (unless `priority-unfunded` is off), and the lead (unless
/// `missing-lead` is off). Fails, like `check`, when those settings are wrong.
pub fn with_required_roles(t: &Territory, opts: Options) -> Result<Options, Error> {
    let config = check::Config::from_territory(t)?;
    Ok(Options {
        required_roles: config
            .roles("missing-role", "roles")
            .map(<[Role]>::to_vec)
            .unwrap_or_default(),
        priority_roles: if config.is_on("priority-unfunded") {
            vec![Role::Funder]
        } else {
            Vec::new()
        },
        lead_required: config.is_on("missing-lead"),
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
    let opts = options(t, args)?;
    let formats = formats(args, default_formats);
    outdir::check_folder(&args.out)?;
    let pictures = formats.contains(&Format::Png);
    let previous = if pictures {
        Manifest::read(&args.out)
    } else {
        Manifest::default()
    };
    let jobs: Vec<(&MapKind, String)> = kinds.iter().zip(file_stems(kinds)).collect();
    let scenes = parallel::map(&jobs, parallel::cores(), |(kind, _)| scene(t, kind, &opts));
    // Rasterizing dominates and some pictures take four times as long as others: the
    // largest go first, so that no core is left drawing one alone at the end.
    let mut order: Vec<usize> = (0..jobs.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(drawing_work(&scenes[i])));
    let mut made = parallel::map(&order, parallel::cores(), |&i| {
        (
            i,
            previous.files(&args.out, &jobs[i].1, &scenes[i], &formats),
        )
    });
    made.sort_by_key(|(i, _)| *i);
    // Every file is made before any is written, and all are written before any replaces an
    // old one: a run that fails leaves the folder as it was, manifest included.
    let files = made
        .into_iter()
        .flat_map(|(_, files)| files)
        .collect::<Result<Vec<manifest::File>, Error>>()?;
    let json = pictures.then(|| previous.after(&args.out, &files).to_json());
    let changed: Vec<(&str, &[u8])> = files
        .iter()
        .filter_map(|f| Some((f.name.as_str(), f.bytes.as_deref()?)))
        .chain(
            json.iter()
                .map(|json| (manifest::FILE, json.as_bytes()))
                .filter(|(name, json)| !outdir::holds(&args.out, name, json)),
        )
        .collect();
    let mut batch = outdir::Batch::open(&args.out)?;
    batch.stage_all(&changed)?;
    batch.commit()?;
    for file in &files {
        let path = args.out.join(&file.name);
        terminal::line(out, &format!("{} {}", file.verb(), path.display()))?;
    }
    Ok(())
}

/// About how much rasterizing `scene` takes: its items (areas to fill) and the characters of
/// its texts (glyph outlines), which is where resvg spends its time.
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
pub fn requested(
    t: &Territory,
    domains: &[String],
    objectives: &[String],
    actors: &[String],
    views: &[MapKind],
    all: bool,
) -> Result<Vec<MapKind>, Error> {
    let mut kinds = Vec::new();
    if all {
        kinds.extend(t.domains.iter().map(|d| MapKind::Domain(d.id.clone())));
    }
    for wanted in domains {
        let d = find("domain", wanted, &t.domains, |d| &d.id, |d| vec![&d.name])?;
        kinds.push(MapKind::Domain(d.id.clone()));
    }
    for wanted in objectives {
        let o = find(
            "objective",
            wanted,
            &t.objectives,
            |o| &o.id,
            |o| vec![&o.title],
        )?;
        kinds.push(MapKind::Objective(o.id.clone()));
    }
    for wanted in actors {
        let a = find(
            "actor",
            wanted,
            &t.actors,
            |a| &a.id,
            |a| std::iter::once(&a.name).chain(&a.aliases).collect(),
        )?;
        kinds.push(MapKind::Actor(a.id.clone()));
    }
    if all {
        kinds.extend([MapKind::Overview, MapKind::Matrix]);
        if !views.iter().any(|v| matches!(v, MapKind::Status { .. })) {
            kinds.push(MapKind::Status { at: None });
        }
    }
    kinds.extend(views.iter().cloned());
    if kinds.is_empty() {
        return Err(Error::Usage(
            "nothing to render; give --domain ID, --objective ID, --actor ID, --overview, --matrix, --status or --all".into(),
        ));
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
    what: &str,
    wanted: &str,
    items: &'a [T],
    id: impl Fn(&'a T) -> &'a String,
    other_names: impl Fn(&'a T) -> Vec<&'a String>,
) -> Result<&'a T, Error> {
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
            let hint = names::suggest(wanted, candidates)
                .map(|s| format!("; did you mean \"{s}\"?"))
                .unwrap_or_else(|| {
                    let ids: Vec<&str> = items.iter().map(|i| id(i).as_str()).collect();
                    format!("; known: {}", ids.join(", "))
                });
            Err(Error::Usage(format!("no {what} \"{wanted}\"{hint}")))
        }
        _ => {
            let ids: Vec<&str> = named.iter().map(|i| id(i).as_str()).collect();
            Err(Error::Usage(format!(
                "\"{wanted}\" names several {what}s ({}); give an id",
                ids.join(", ")
            )))
        }
    }
}

/// `actormap build`: check, then every domain map, the overview, the matrix and the status
/// chart.
pub fn build(t: &Territory, args: &OutputArgs, out: &mut dyn Write) -> Result<Outcome, Error> {
    let findings = check::run(t)?;
    check::output::text(&findings, out)?;
    writeln!(out)?;
    let mut kinds: Vec<MapKind> = t
        .domains
        .iter()
        .map(|d| MapKind::Domain(d.id.clone()))
        .collect();
    kinds.push(MapKind::Overview);
    kinds.push(MapKind::Matrix);
    kinds.push(MapKind::Status { at: None });
    draw(t, &kinds, args, &[Format::Svg, Format::Png], out)?;
    Ok(if check::has_errors(&findings) {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_shared_by_two_domains_asks_for_an_id() {
        let domain = |id: &str, name: &str| crate::model::Domain {
            id: id.into(),
            name: name.into(),
            headline: None,
            related: Vec::new(),
            origin: crate::error::Location::new("domains.csv", 2),
        };
        let t = Territory {
            domains: vec![domain("DC1", "Mobilité"), domain("DC2", "MOBILITE")],
            ..Territory::default()
        };
        let ask = |wanted: &str| requested(&t, &[wanted.to_owned()], &[], &[], &[], false);
        assert_eq!(ask("dc2").unwrap(), [MapKind::Domain("DC2".into())]);
        assert_eq!(
            ask("mobilité").unwrap_err().to_string(),
            "error: \"mobilité\" names several domains (DC1, DC2); give an id"
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
        let stems = file_stems(&kinds);
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
        let stems = file_stems(&kinds);
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
        let stems = file_stems(&[
            MapKind::Domain("CON".into()),
            MapKind::Domain("con-map".into()),
        ]);
        assert_eq!(stems, ["con-map", "con-map-2"]);
    }
}
