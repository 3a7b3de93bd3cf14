//! `actormap watch`: build once, then rebuild whenever a file of the territory is saved, and
//! say what an officer editing the tables needs to know: the findings that appeared or were
//! resolved since the last good build, then the files that changed.
//!
//! A save that does not load (a file saved half-way, a typo in a role) is reported with every
//! error, as `check` reports them, and nothing is written: the maps of the last good build
//! stay (`outdir` writes a build's files all or none). The next good save rebuilds.
//!
//! Ctrl-C (or SIGTERM, SIGHUP) stops watching with exit code 0. The handler is installed
//! before any file is written, so it is the process's only one (`outdir`'s own, which
//! removes the temporaries and exits 130 in the middle of a write, then stays out): a signal
//! during a rebuild lets that rebuild put its files in place, then watching stops. The
//! output folder is never left between two builds and no temporary stays.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::hash::{DefaultHasher, Hasher};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify_debouncer_full::notify::event::ModifyKind;
use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, DebouncedEvent, new_debouncer};

use crate::check::{self, Finding};
use crate::cli::OutputArgs;
use crate::error::{Error, Misuse, Note, OsError};
use crate::i18n::Lang;
use crate::{Outcome, diff, layout, load, maps, outdir, terminal};

/// What `watch` says on standard output, as data; its words are in each language's catalog
/// (`src/i18n/<lang>/watch.rs`).
#[derive(Debug, Clone, PartialEq)]
pub enum Said {
    /// Watching starts, after the first build.
    Watching(PathBuf),
    /// These files of the territory were saved: a rebuild starts.
    Changed(Vec<String>),
    /// A finding resolved since the last good build (its sentence, in the language).
    Resolved(String),
    /// A finding that appeared since the last good build.
    Appeared(String),
    /// A rebuild is done.
    Rebuilt {
        resolved: usize,
        appeared: usize,
        changed: usize,
    },
    /// A save did not load; the last good build's maps stay.
    NotRebuilt,
    /// The first build did not load.
    NotBuilt,
    /// Watching stopped (Ctrl-C).
    Stopped(PathBuf),
    /// The system reported a problem while watching (in its own words); watching goes on.
    Trouble { folder: PathBuf, reason: String },
}

/// What every language says for `watch`, and the line of every command that writes a file.
/// Implement it with an exhaustive `match` (no `_` arm).
pub trait Words {
    /// A line of `watch`.
    fn watch_line(&self, said: &Said) -> String;
    /// A file written: "wrote output/dc3.png" (`build`, `render`, `watch`, `export`, and
    /// the reports written with `--out`).
    fn wrote(&self, path: &Path) -> String;
    /// The line of a file a run would have written with the bytes it already holds.
    fn unchanged(&self, path: &Path) -> String;
    /// A file an earlier `build` made that this one no longer makes, removed.
    fn removed(&self, path: &Path) -> String;
}

/// How long the folder must stay quiet after a change before the rebuild starts: an
/// editor's save (a temporary written, the old file moved away, the new one moved in) comes
/// as one batch, so one save is one rebuild.
const QUIET: Duration = Duration::from_millis(500);

/// The extensions of the files a territory folder is read from: its CSV tables, its settings
/// (`territory.json`), its workbook (`territoire.xlsx`...), as `load` looks for them.
const FOLDER_INPUTS: [&str; 7] = ["csv", "json", "xlsx", "xlsm", "xls", "xlsb", "ods"];

/// The settings `load` reads beside a workbook given as a file.
const SETTINGS: [&str; 2] = ["territory.json", "territoire.json"];

/// What reaches the loop: a batch of file events, a failure of the watcher, or a signal.
enum Message {
    Events(DebounceEventResult),
    Stop,
}

/// `actormap watch`: build, then rebuild at each save until Ctrl-C. `lang` is `--lang`, when
/// given; else each load's own `"lang"`, else French.
pub fn run(
    territory: &Path,
    args: &OutputArgs,
    lang: Option<Lang>,
    out: &mut dyn Write,
) -> Result<Outcome, Error> {
    // The flags are checked before anything is read or watched: a typo is a usage error.
    layout::Size::parse(&args.size).map_err(|e| Error::Misuse(Misuse::Size(e)))?;
    outdir::check_folder(&args.out)?;
    let inputs = Inputs::of(territory, &args.out)?;

    let (send, receive) = mpsc::channel();
    stop_on_signal(send.clone());
    let watch_failed = |e: notify_debouncer_full::notify::Error| {
        Error::Misuse(Misuse::CannotWatch {
            folder: inputs.folder.clone(),
            reason: e.to_string(),
        })
    };
    let mut debouncer = new_debouncer(QUIET, None, move |result| {
        let _ = send.send(Message::Events(result));
    })
    .map_err(watch_failed)?;
    // Watching starts before the first build, so a save during it is not missed.
    debouncer
        .watch(&inputs.folder, RecursiveMode::NonRecursive)
        .map_err(watch_failed)?;

    let mut state = State {
        lang,
        ..State::default()
    };
    state.build(territory, args, &[], out)?;
    let watching = Said::Watching(territory.to_path_buf());
    terminal::line(out, &state.lang().catalog().watch_line(&watching))?;
    out.flush()?;

    while let Ok(message) = receive.recv() {
        let mut saved = Vec::new();
        let mut stop = false;
        let mut take = |message| match message {
            Message::Stop => stop = true,
            Message::Events(Ok(events)) => saved.extend(inputs.saved(&events)),
            Message::Events(Err(errors)) => {
                for e in errors {
                    let trouble = Said::Trouble {
                        folder: inputs.folder.clone(),
                        reason: e.to_string(),
                    };
                    let said = state.lang().catalog().watch_line(&trouble);
                    eprintln!("{}", terminal::escape(&said));
                }
            }
        };
        take(message);
        // Saves that came during the last rebuild are one more rebuild, not one each.
        while let Ok(message) = receive.try_recv() {
            take(message);
        }
        if stop {
            break;
        }
        if inputs.gone() {
            return Err(Error::Misuse(Misuse::TerritoryGone {
                territory: territory.to_path_buf(),
            }));
        }
        if saved.is_empty() {
            continue;
        }
        saved.sort();
        saved.dedup();
        state.build(territory, args, &saved, out)?;
        out.flush()?;
    }
    let stopped = Said::Stopped(territory.to_path_buf());
    terminal::line(out, &state.lang().catalog().watch_line(&stopped))?;
    Ok(Outcome::Clean)
}

/// On Ctrl-C, SIGTERM or SIGHUP: tell the loop, which stops once the rebuild under way (if
/// any) has put its files in place. If the embedding program already has a handler, it
/// keeps its say.
fn stop_on_signal(send: mpsc::Sender<Message>) {
    let _ = ctrlc::set_handler(move || {
        let _ = send.send(Message::Stop);
    });
}

/// Which files of the watched folder are the territory's.
#[derive(Debug)]
struct Inputs {
    /// The folder watched (not its subfolders), absolute, links resolved.
    folder: PathBuf,
    /// For a territory given as one file (JSON, workbook): its name in `folder`.
    file: Option<OsString>,
    /// The output folder, absolute: nothing in it is ever an edit.
    out: PathBuf,
}

impl Inputs {
    fn of(territory: &Path, out: &Path) -> Result<Inputs, Error> {
        if !territory.exists() {
            // The loader says it best ("no such folder or file; expected ...").
            return Err(load::load(territory).err().map_or_else(
                || Error::Usage(format!("{} does not exist", territory.display())),
                Error::from,
            ));
        }
        let cannot = |e: io::Error| {
            Error::Misuse(Misuse::CannotResolve {
                path: territory.to_path_buf(),
                error: OsError::from(&e),
            })
        };
        let path = resolved(territory).map_err(cannot)?;
        let (folder, file) = if path.is_dir() {
            (path, None)
        } else {
            let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
            (folder, path.file_name().map(OsString::from))
        };
        let out_dir = resolved(out).map_err(cannot)?;
        if out_dir == folder {
            return Err(Error::Misuse(Misuse::OutIsTerritory {
                out: out.to_path_buf(),
            }));
        }
        Ok(Inputs {
            folder,
            file,
            out: out_dir,
        })
    }

    /// Whether `path` is a file of the territory: for a folder, one of its CSV, JSON or
    /// workbook files; for a territory given as a file, that file or the settings beside
    /// it. Never an editor's temporary, nor anything of the output folder.
    fn is_input(&self, path: &Path) -> bool {
        if path.parent() != Some(self.folder.as_path())
            || path == self.out
            || path.parent() == Some(self.out.as_path())
        {
            return false;
        }
        let Some(name) = path.file_name() else {
            return false;
        };
        let text = name.to_string_lossy();
        if crate::load::is_editor_temporary(&text) {
            return false;
        }
        match &self.file {
            Some(file) => name == file.as_os_str() || SETTINGS.contains(&text.as_ref()),
            None => Path::new(name)
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| FOLDER_INPUTS.contains(&e.to_ascii_lowercase().as_str())),
        }
    }

    /// The files of the territory a batch of events saved, created, moved or removed.
    fn saved(&self, events: &[DebouncedEvent]) -> Vec<PathBuf> {
        events
            .iter()
            .filter(|e| is_edit(&e.kind))
            .flat_map(|e| &e.paths)
            .filter(|p| self.is_input(p))
            .cloned()
            .collect()
    }

    /// Whether the watched folder is no longer there: nothing more will be seen in it.
    fn gone(&self) -> bool {
        !self.folder.is_dir()
    }
}

/// Whether an event can change what a file holds. Opening, reading and closing are not
/// (the build itself opens every table), nor a change of permissions or times.
fn is_edit(kind: &EventKind) -> bool {
    !matches!(
        kind,
        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_))
    )
}

/// `path` absolute, its links resolved as far as it exists (the output folder may not exist
/// yet: the part that does not is appended as written).
fn resolved(path: &Path) -> io::Result<PathBuf> {
    let absolute = std::path::absolute(path)?;
    let mut missing = Vec::new();
    let mut existing = absolute.as_path();
    loop {
        if let Ok(found) = existing.canonicalize() {
            return Ok(missing.iter().rev().fold(found, |p, name| p.join(name)));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                missing.push(name.to_owned());
                existing = parent;
            }
            _ => return Ok(absolute),
        }
    }
}

/// What the last good build showed.
#[derive(Default)]
struct State {
    /// The findings the maps of the last good build show; `None` until one was made.
    shown: Option<Vec<Finding>>,
    /// The notes of the last load: printed again only when they change.
    notes: Vec<Note>,
    /// `--lang`, when given.
    lang: Option<Lang>,
    /// The `"lang"` of the last territory that loaded.
    territory_lang: Option<Lang>,
}

impl State {
    /// The language of what is printed: `--lang`, else the last territory's, else French.
    fn lang(&self) -> Lang {
        self.lang.or(self.territory_lang).unwrap_or_default()
    }

    /// Load and build after `saved` changed (nothing for the first build). The first good
    /// build prints what `build` prints; the next ones what changed since the last good
    /// one. A territory that does not load is reported on standard error and nothing is
    /// written. Only a failure of standard output ends the watch.
    fn build(
        &mut self,
        territory: &Path,
        args: &OutputArgs,
        saved: &[PathBuf],
        out: &mut dyn Write,
    ) -> Result<(), Error> {
        if !saved.is_empty() {
            let names: Vec<String> = saved
                .iter()
                .filter_map(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .collect();
            writeln!(out)?;
            let changed = Said::Changed(names);
            terminal::line(out, &self.lang().catalog().watch_line(&changed))?;
            out.flush()?;
        }
        let loaded = load::load_with_notes(territory);
        let lang = self.lang.or(loaded.lang).unwrap_or_default();
        crate::print_notes(
            loaded.notes.iter().filter(|n| !self.notes.contains(n)),
            lang,
        );
        self.notes = loaded.notes;
        if let Ok(t) = &loaded.territory {
            self.territory_lang = t.lang;
        }
        let built = loaded
            .territory
            .map_err(|errors| Error::Load {
                errors,
                lang: loaded.lang,
            })
            .and_then(|t| self.draw(&t, args, out));
        match built {
            Ok(()) => Ok(()),
            Err(e @ Error::Io(_)) => Err(e),
            Err(e) => {
                let said = e.render(e.language(self.lang));
                eprintln!("{}", terminal::escape_lines(&said));
                let what = if self.shown.is_some() {
                    Said::NotRebuilt
                } else {
                    Said::NotBuilt
                };
                terminal::line(out, &self.lang().catalog().watch_line(&what))?;
                Ok(())
            }
        }
    }

    /// Check and draw a territory that loaded, then print what changed.
    fn draw(
        &mut self,
        t: &crate::model::Territory,
        args: &OutputArgs,
        out: &mut dyn Write,
    ) -> Result<(), Error> {
        let lang = self.lang();
        let words = lang.catalog();
        let args = &crate::in_language(args, lang);
        let findings = check::run(t)?;
        let Some(shown) = &self.shown else {
            // The first good build: every finding and every file, as `build` prints them.
            maps::build(t, args, out)?;
            self.shown = Some(findings);
            return Ok(());
        };
        let before = contents(&args.out);
        maps::build(t, args, &mut io::sink())?;
        let after = contents(&args.out);
        let (appeared, resolved) = diff::findings_between(shown, &findings);
        for f in &resolved {
            let said = words.watch_line(&Said::Resolved(f.sentence(lang)));
            terminal::line(out, &format!("  {said}"))?;
        }
        for f in &appeared {
            let said = words.watch_line(&Said::Appeared(f.sentence(lang)));
            terminal::line(out, &format!("  {said}"))?;
        }
        let changed: Vec<&OsString> = after
            .iter()
            .filter(|(name, hash)| before.get(*name) != Some(hash))
            .map(|(name, _)| name)
            .collect();
        for name in &changed {
            terminal::line(out, &format!("  {}", words.wrote(&args.out.join(name))))?;
        }
        let rebuilt = Said::Rebuilt {
            resolved: resolved.len(),
            appeared: appeared.len(),
            changed: changed.len(),
        };
        terminal::line(out, &words.watch_line(&rebuilt))?;
        self.shown = Some(findings);
        Ok(())
    }
}

/// A hash of each file of `dir` (not our temporaries), to tell which files a build changed.
fn contents(dir: &Path) -> BTreeMap<OsString, u64> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter(|e| !crate::load::is_editor_temporary(&e.file_name().to_string_lossy()))
        .filter_map(|e| {
            let bytes = std::fs::read(e.path()).ok()?;
            let mut hasher = DefaultHasher::new();
            hasher.write(&bytes);
            Some((e.file_name(), hasher.finish()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify_debouncer_full::notify::Event;
    use notify_debouncer_full::notify::event::{
        AccessKind, CreateKind, DataChange, MetadataKind, RenameMode,
    };

    fn inputs(file: Option<&str>) -> Inputs {
        Inputs {
            folder: PathBuf::from("/t/calaisis"),
            file: file.map(OsString::from),
            out: PathBuf::from("/t/calaisis/output"),
        }
    }

    fn event(kind: EventKind, paths: &[&str]) -> DebouncedEvent {
        let mut event = Event::new(kind);
        for p in paths {
            event = event.add_path(PathBuf::from(p));
        }
        DebouncedEvent::new(event, std::time::Instant::now())
    }

    #[test]
    fn the_tables_settings_and_workbook_of_a_folder_are_its_inputs() {
        let folder = inputs(None);
        for name in [
            "links.csv",
            "liens.csv",
            "Acteurs.CSV",
            "territory.json",
            "territoire.json",
            "territoire.xlsx",
            "territory.ods",
        ] {
            assert!(
                folder.is_input(&Path::new("/t/calaisis").join(name)),
                "{name}"
            );
        }
        for path in [
            "/t/calaisis/~$territoire.xlsx",
            "/t/calaisis/.~lock.territoire.ods#",
            "/t/calaisis/.liens.csv.swp",
            "/t/calaisis/liens.csv.swp",
            "/t/calaisis/liens.csv~",
            "/t/calaisis/#liens.csv#",
            "/t/calaisis/.#liens.csv",
            "/t/calaisis/.actormap-Ab12Cd.tmp",
            "/t/calaisis/lu12345.tmp",
            "/t/calaisis/notes.txt",
            "/t/calaisis/output",
            "/t/calaisis/output/dc3.svg",
            "/t/calaisis/output/dc3.json",
            "/t/calaisis/sub/links.csv",
            "/t/other/links.csv",
        ] {
            assert!(!folder.is_input(Path::new(path)), "{path}");
        }
    }

    #[test]
    fn a_territory_file_is_watched_alone_with_its_settings() {
        let book = inputs(Some("territoire.xlsx"));
        for path in [
            "/t/calaisis/territoire.xlsx",
            "/t/calaisis/territory.json",
            "/t/calaisis/territoire.json",
        ] {
            assert!(book.is_input(Path::new(path)), "{path}");
        }
        for path in [
            "/t/calaisis/links.csv",
            "/t/calaisis/other.xlsx",
            "/t/calaisis/~$territoire.xlsx",
        ] {
            assert!(!book.is_input(Path::new(path)), "{path}");
        }
    }

    #[test]
    fn opening_reading_and_touching_are_not_saves() {
        let folder = inputs(None);
        let saved = folder.saved(&[
            event(
                EventKind::Access(AccessKind::Any),
                &["/t/calaisis/links.csv"],
            ),
            event(
                EventKind::Modify(ModifyKind::Metadata(MetadataKind::Any)),
                &["/t/calaisis/actors.csv"],
            ),
            event(
                EventKind::Create(CreateKind::File),
                &["/t/calaisis/~$territoire.xlsx"],
            ),
        ]);
        assert!(saved.is_empty(), "{saved:?}");
        // A save by rename: the temporary moved onto the table; the table counts.
        let saved = folder.saved(&[
            event(
                EventKind::Modify(ModifyKind::Data(DataChange::Any)),
                &["/t/calaisis/objectives.csv"],
            ),
            event(
                EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
                &["/t/calaisis/lu1234.tmp", "/t/calaisis/links.csv"],
            ),
        ]);
        assert_eq!(
            saved,
            [
                PathBuf::from("/t/calaisis/objectives.csv"),
                PathBuf::from("/t/calaisis/links.csv")
            ]
        );
    }

    #[test]
    fn an_output_folder_that_is_the_territory_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let e = Inputs::of(dir.path(), dir.path()).unwrap_err().to_string();
        assert!(e.contains("est le dossier du territoire"), "{e}");
        let inside = Inputs::of(dir.path(), &dir.path().join("output/maps")).unwrap();
        assert_eq!(inside.folder, dir.path().canonicalize().unwrap());
        assert_eq!(inside.out, inside.folder.join("output/maps"));
        // The territory inside the output folder is fine: only `out`'s own files are ignored.
        std::fs::create_dir(dir.path().join("t")).unwrap();
        let nested = Inputs::of(&dir.path().join("t"), dir.path()).unwrap();
        assert!(nested.is_input(&nested.folder.join("links.csv")));
    }
}
