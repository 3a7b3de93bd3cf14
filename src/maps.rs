//! `actormap render` and `actormap build`: which maps to draw, their file names (safe slugs,
//! collisions told apart), and atomic writes that never leave the output folder.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::Outcome;
use crate::check;
use crate::cli::{FormatArg, LangArg, OutputArgs};
use crate::error::Error;
use crate::layout::scene::Scene;
use crate::layout::{self, Options, Size};
use crate::model::{Lang, Territory};
use crate::names;
use crate::render::{self, Format};

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

/// Lay out one map, on one slide or more (a map never grows past its slide: what does not
/// fit goes on the next).
pub fn scenes(t: &Territory, kind: &MapKind, opts: &Options) -> Vec<Scene> {
    match kind {
        MapKind::Domain(id) => match t.domain(id) {
            Some(d) => layout::cartographie::domain(t, d, opts),
            None => Vec::new(),
        },
        MapKind::Objective(id) => match t.objective(id) {
            Some(o) => layout::cartographie::objective(t, o, opts),
            None => Vec::new(),
        },
        MapKind::Actor(id) => match t.actor(id) {
            Some(a) => layout::actor::layout(t, a, opts),
            None => Vec::new(),
        },
        MapKind::Overview => layout::overview::layout(t, &crate::status::compute(t, None), opts),
        MapKind::Matrix => layout::matrix::layout(t, opts),
        MapKind::Status { at } => {
            layout::status_chart::layout(t, &crate::status::compute(t, *at), opts)
        }
    }
}

/// Safe, distinct file stems for the maps, one per slide: slugs of the ids, with `-1`, `-2`...
/// for the slides of a map split over several (`pages`, one count per map); when two ids give
/// one slug the later ones get `-2`, `-3`... The overview, the matrix and the status chart keep
/// their names whatever the ids: they are named first.
pub fn file_stems(kinds: &[MapKind], pages: &[usize]) -> Vec<Vec<String>> {
    let fixed = |k: &MapKind| {
        matches!(
            k,
            MapKind::Overview | MapKind::Matrix | MapKind::Status { .. }
        )
    };
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut out = vec![Vec::new(); kinds.len()];
    let order = (0..kinds.len())
        .filter(|&i| fixed(&kinds[i]))
        .chain((0..kinds.len()).filter(|&i| !fixed(&kinds[i])));
    for i in order {
        let mut base = slug::slugify(kinds[i].stem());
        if base.is_empty() {
            base = "map".into();
        }
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

/// Write `bytes` to `dir/name` through a temporary file in `dir` renamed into place, so a
/// failure never leaves half a file over a good one. Files come out readable by all (0644).
pub fn write_atomic(dir: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf, Error> {
    let path = dir.join(name);
    let fail = |source: std::io::Error| Error::Write {
        path: path.clone(),
        source,
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".actormap-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let mut file = builder.tempfile_in(dir).map_err(fail)?;
    file.write_all(bytes).map_err(fail)?;
    file.as_file().sync_all().map_err(fail)?;
    file.persist(&path).map_err(|e| fail(e.error))?;
    Ok(path)
}

fn options(args: &OutputArgs, findings: &[check::Finding]) -> Result<Options, Error> {
    Ok(Options {
        size: Size::parse(&args.size).map_err(|e| Error::Usage(format!("--size {e}")))?,
        lang: match args.lang {
            LangArg::Fr => Lang::Fr,
            LangArg::En => Lang::En,
        },
        gaps: layout::Gaps::from_findings(findings),
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

/// A file name and its bytes, or why they could not be made.
type Encoded = (String, Result<Vec<u8>, String>);

/// `f` applied to every item on every core, results in the items' order.
fn on_every_core<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len().max(1));
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|worker| {
                let f = &f;
                scope.spawn(move || {
                    items
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| i % threads == worker)
                        .map(|(i, item)| (i, f(item)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut all: Vec<(usize, R)> = handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect();
        all.sort_by_key(|(i, _)| *i);
        all.into_iter().map(|(_, r)| r).collect()
    })
}

/// Draw `kinds` in every format into the output folder, printing each file written. The
/// gaps drawn are the findings of `check` on `t`.
pub fn draw(
    t: &Territory,
    kinds: &[MapKind],
    args: &OutputArgs,
    default_formats: &[Format],
    out: &mut dyn Write,
) -> Result<(), Error> {
    let findings = check::run(t)?;
    draw_checked(t, kinds, args, default_formats, &findings, out)
}

/// `draw` with the findings of `check` already at hand.
fn draw_checked(
    t: &Territory,
    kinds: &[MapKind],
    args: &OutputArgs,
    default_formats: &[Format],
    findings: &[check::Finding],
    out: &mut dyn Write,
) -> Result<(), Error> {
    let opts = options(args, findings)?;
    let formats = formats(args, default_formats);
    std::fs::create_dir_all(&args.out).map_err(|source| Error::Write {
        path: args.out.clone(),
        source,
    })?;
    // Lay out on every core, name the slides, encode them on every core (PNG encoding
    // dominates), then write in order.
    let slides: Vec<Vec<Scene>> = on_every_core(kinds, |kind| scenes(t, kind, &opts));
    let counts: Vec<usize> = slides.iter().map(Vec::len).collect();
    let stems = file_stems(kinds, &counts);
    let jobs: Vec<(&Scene, &String)> = slides
        .iter()
        .flatten()
        .zip(stems.iter().flatten())
        .collect();
    let encoded: Vec<Vec<Encoded>> = on_every_core(&jobs, |(scene, stem)| {
        formats
            .iter()
            .map(|f| {
                (
                    format!("{stem}.{}", f.extension()),
                    render::to_bytes(scene, *f),
                )
            })
            .collect()
    });
    for (name, bytes) in encoded.into_iter().flatten() {
        let bytes = bytes.map_err(|e| Error::Write {
            path: args.out.join(&name),
            source: std::io::Error::other(e),
        })?;
        let path = write_atomic(&args.out, &name, &bytes)?;
        writeln!(out, "wrote {}", path.display())?;
    }
    Ok(())
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
    let unknown = |what: &str, wanted: &str, names: Vec<&str>| {
        let hint = names::suggest(wanted, names.iter().copied())
            .map(|s| format!("; did you mean \"{s}\"?"))
            .unwrap_or_else(|| format!("; known: {}", names.join(", ")));
        Error::Usage(format!("no {what} \"{wanted}\"{hint}"))
    };
    if all {
        kinds.extend(domain_maps(t));
    }
    for wanted in domains {
        let d = t
            .domains
            .iter()
            .find(|d| names::key(&d.id) == names::key(wanted))
            .ok_or_else(|| {
                unknown(
                    "domain",
                    wanted,
                    t.domains.iter().map(|d| d.id.as_str()).collect(),
                )
            })?;
        kinds.push(MapKind::Domain(d.id.clone()));
    }
    for wanted in objectives {
        let o = t
            .objectives
            .iter()
            .find(|o| names::key(&o.id) == names::key(wanted))
            .ok_or_else(|| {
                unknown(
                    "objective",
                    wanted,
                    t.objectives.iter().map(|o| o.id.as_str()).collect(),
                )
            })?;
        kinds.push(MapKind::Objective(o.id.clone()));
    }
    for wanted in actors {
        let k = names::key(wanted);
        let a = t
            .actors
            .iter()
            .find(|a| {
                names::key(&a.id) == k
                    || names::key(&a.name) == k
                    || a.aliases.iter().any(|x| names::key(x) == k)
            })
            .ok_or_else(|| {
                unknown(
                    "actor",
                    wanted,
                    t.actors.iter().map(|a| a.name.as_str()).collect(),
                )
            })?;
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

/// What `build` draws: every domain's map, and each objective's own map where a domain has
/// several (so each lead is seen with its objective alone), then the overview, the matrix
/// and the status chart.
pub fn build_list(t: &Territory) -> Vec<MapKind> {
    let mut kinds = domain_maps(t);
    kinds.push(MapKind::Overview);
    kinds.push(MapKind::Matrix);
    kinds.push(MapKind::Status { at: None });
    kinds
}

/// Every domain's map, each followed by its objectives' own maps when it has several.
fn domain_maps(t: &Territory) -> Vec<MapKind> {
    let mut kinds = Vec::new();
    for d in &t.domains {
        kinds.push(MapKind::Domain(d.id.clone()));
        let objectives: Vec<_> = t.objectives_of(&d.id).collect();
        if objectives.len() > 1 {
            kinds.extend(objectives.iter().map(|o| MapKind::Objective(o.id.clone())));
        }
    }
    kinds
}

/// `actormap build`: check, then the maps of `build_list`.
pub fn build(t: &Territory, args: &OutputArgs, out: &mut dyn Write) -> Result<Outcome, Error> {
    let findings = check::run(t)?;
    check::output::text(&findings, out)?;
    writeln!(out)?;
    draw_checked(
        t,
        &build_list(t),
        args,
        &[Format::Svg, Format::Png],
        &findings,
        out,
    )?;
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
