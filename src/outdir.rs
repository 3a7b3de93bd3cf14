//! The output folder: every file of a run is first written under a temporary name
//! (`.actormap-XXXXXX.tmp`), then all are renamed into place together. When one cannot be,
//! the files already renamed get their old contents back: a run that fails changes no file.
//! Ctrl-C, SIGTERM and SIGHUP remove the temporaries of the run before the process ends
//! (exit 130); temporaries of ours left by a killed run are swept at the next run, once they
//! are too old to belong to a build still under way.

use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once, PoisonError};
use std::time::{Duration, SystemTime};

use crate::error::{Error, Misuse};
use crate::parallel;

/// How the names of our temporaries start and end; nothing else is ever swept.
pub const TEMP_PREFIX: &str = ".actormap-";
pub const TEMP_SUFFIX: &str = ".tmp";

/// A temporary of ours older than this is left from a run that was killed: no build spends
/// that long between writing a temporary and renaming it.
pub const STALE_AFTER: Duration = Duration::from_secs(10 * 60);

/// How many files of a batch are written to disk at once: writing waits on the disk, not
/// on the processor, so more than the cores.
const WRITERS: usize = 8;

/// The exit code of a run interrupted by Ctrl-C or a termination signal (128 + SIGINT).
pub const INTERRUPTED: i32 = 130;

/// The temporaries of this process that exist on disk. The signal handler removes them;
/// a commit holds the lock from its first rename to its last, so an interruption waits for
/// the folder to be whole again (old files or new ones, never a mix).
static IN_FLIGHT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn in_flight() -> MutexGuard<'static, Vec<PathBuf>> {
    IN_FLIGHT.lock().unwrap_or_else(PoisonError::into_inner)
}

fn forget(flight: &mut Vec<PathBuf>, paths: &[PathBuf]) {
    flight.retain(|p| !paths.contains(p));
}

/// On Ctrl-C, SIGTERM or SIGHUP: remove this run's temporaries, then end with `INTERRUPTED`.
/// Installed once, when the first temporary is written.
fn remove_temporaries_on_interrupt() {
    static INSTALLED: Once = Once::new();
    INSTALLED.call_once(|| {
        // If another handler is already installed (an embedding program's), it keeps its say.
        let _ = ctrlc::set_handler(|| {
            let flight = in_flight();
            for path in flight.iter() {
                let _ = fs::remove_file(path);
            }
            std::process::exit(INTERRUPTED);
        });
    });
}

/// Says what is wrong when `dir`, or a folder on its way, is not a folder: `--out` naming a
/// file is a mistake to tell in words, not "File exists (os error 17)".
pub fn check_folder(dir: &Path) -> Result<(), Error> {
    for ancestor in dir.ancestors().filter(|a| !a.as_os_str().is_empty()) {
        match fs::metadata(ancestor) {
            Ok(meta) if meta.is_dir() => return Ok(()),
            Ok(meta) => {
                return Err(Error::Misuse(Misuse::OutNotAFolder {
                    path: ancestor.to_path_buf(),
                    is_file: meta.is_file(),
                }));
            }
            // Missing: it will be created.
            Err(_) => continue,
        }
    }
    Ok(())
}

/// The bytes of the regular file at `path` (a link is followed), when it has at most `max`
/// bytes; `None` for anything else: missing, a folder, a pipe (never read: it could block
/// forever), unreadable, or larger.
pub fn read_regular(path: &Path, max: u64) -> Option<Vec<u8>> {
    let meta = fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > max {
        return None;
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).ok()?);
    fs::File::open(path)
        .ok()?
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .ok()?;
    (bytes.len() as u64 <= max).then_some(bytes)
}

/// Whether the file `name` in `dir` already holds exactly `bytes`: then a run need not write
/// it again (its date and inode stay, and a tool watching the folder sees no change).
pub fn holds(dir: &Path, name: &str, bytes: &[u8]) -> bool {
    read_regular(&dir.join(name), bytes.len() as u64).is_some_and(|on_disk| on_disk == bytes)
}

/// Remove the temporaries of ours (`.actormap-*.tmp`, regular files) in `dir` older than
/// `age`; the others are left alone. Returns how many were removed.
pub fn sweep_stale(dir: &Path, age: Duration) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let now = SystemTime::now();
    entries
        .filter_map(Result::ok)
        .filter(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            name.starts_with(TEMP_PREFIX)
                && name.ends_with(TEMP_SUFFIX)
                && entry.file_type().is_ok_and(|t| t.is_file())
                && entry
                    .metadata()
                    .and_then(|m| m.modified())
                    .is_ok_and(|modified| now.duration_since(modified).unwrap_or_default() >= age)
        })
        .filter(|entry| fs::remove_file(entry.path()).is_ok())
        .count()
}

/// One staged file: its final name and its temporary.
struct Staged {
    target: PathBuf,
    temp: PathBuf,
}

/// A file renamed into place, and where its old contents wait until the commit is whole.
struct Replaced {
    target: PathBuf,
    backup: Option<PathBuf>,
}

/// The files of one run, written under temporary names until [`Batch::commit`]. Dropping a
/// batch that was not committed removes its temporaries.
pub struct Batch {
    dir: PathBuf,
    staged: Vec<Staged>,
}

impl Batch {
    /// The output folder, created if missing, with the stale temporaries of ours swept.
    pub fn open(dir: &Path) -> Result<Batch, Error> {
        check_folder(dir)?;
        fs::create_dir_all(dir).map_err(|source| Error::Write {
            path: dir.to_owned(),
            source,
        })?;
        sweep_stale(dir, STALE_AFTER);
        Ok(Batch {
            dir: dir.to_owned(),
            staged: Vec::new(),
        })
    }

    /// Write `bytes` for `name` (a bare file name) under a temporary name in the folder.
    /// Files come out readable by all (0644), like any file the user would save.
    pub fn stage(&mut self, name: &str, bytes: &[u8]) -> Result<(), Error> {
        self.stage_all(&[(name, bytes)])
    }

    /// [`Batch::stage`] for every file, the writes and their flushes to disk running at once
    /// (up to `WRITERS`): a disk flushes many files together about as fast as one, where one
    /// after the other a build's 25 files took 90 ms of waiting. The temporaries are created
    /// in the order of `files`, and the commit renames them in that order. The error is the
    /// first file's, in that order, that could not be written.
    pub fn stage_all(&mut self, files: &[(&str, &[u8])]) -> Result<(), Error> {
        remove_temporaries_on_interrupt();
        let mut opened = Vec::with_capacity(files.len());
        for (name, bytes) in files {
            let target = self.dir.join(name);
            let file = self.create_temporary(&target)?;
            opened.push((file, target, *bytes));
        }
        parallel::map(&opened, WRITERS, |(file, target, bytes)| {
            let mut file: &fs::File = file;
            file.write_all(bytes)
                .and_then(|()| file.sync_all())
                .map_err(|source| Error::Write {
                    path: target.clone(),
                    source,
                })
        })
        .into_iter()
        .collect()
    }

    /// A new temporary of ours in the folder, readable by all (0644), to be renamed to
    /// `target`; registered for the signal handler and staged as soon as it exists.
    fn create_temporary(&mut self, target: &Path) -> Result<fs::File, Error> {
        let mut builder = tempfile::Builder::new();
        builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o644));
        }
        // Registered as soon as it exists: an interruption cannot miss it.
        let mut flight = in_flight();
        let (file, temp) = builder
            .tempfile_in(&self.dir)
            .and_then(|f| f.keep().map_err(|e| e.error))
            .map_err(|source| Error::Write {
                path: target.to_owned(),
                source,
            })?;
        flight.push(temp.clone());
        self.staged.push(Staged {
            target: target.to_owned(),
            temp,
        });
        Ok(file)
    }

    /// Rename every staged file into place, in order, and return their paths. When one cannot
    /// be, every file renamed so far gets its old contents back (or is removed if it did not
    /// exist), the temporaries are removed, and the error names the file.
    pub fn commit(mut self) -> Result<Vec<PathBuf>, Error> {
        test_hook::hold_staged(self.staged.len());
        let staged = std::mem::take(&mut self.staged);
        let mut flight = in_flight();
        let mut replaced = Vec::new();
        let mut failure = None;
        for (i, s) in staged.iter().enumerate() {
            match replace(s, i) {
                Ok(r) => replaced.push(r),
                Err(e) => {
                    failure = Some((i, e));
                    break;
                }
            }
        }
        let temps: Vec<PathBuf> = staged.iter().map(|s| s.temp.clone()).collect();
        let result = match failure {
            None => {
                for backup in replaced.iter().filter_map(|r| r.backup.as_ref()) {
                    let _ = fs::remove_file(backup);
                }
                Ok(replaced.into_iter().map(|r| r.target).collect())
            }
            Some((i, e)) => {
                for r in replaced.iter().rev() {
                    let _ = match &r.backup {
                        Some(backup) => fs::rename(backup, &r.target),
                        None => fs::remove_file(&r.target),
                    };
                }
                for s in &staged[i..] {
                    let _ = fs::remove_file(&s.temp);
                }
                Err(e)
            }
        };
        forget(&mut flight, &temps);
        result
    }
}

/// Rename one staged file over its target, keeping the old file's contents aside first
/// (a hard link, else a copy) so the commit can be undone. The target never goes missing.
/// Backups need no registering for the signal handler: it waits for the commit to end.
fn replace(s: &Staged, index: usize) -> Result<Replaced, Error> {
    let fail = |source: io::Error| Error::Write {
        path: s.target.clone(),
        source,
    };
    let backup = match fs::symlink_metadata(&s.target) {
        Ok(meta) if meta.is_dir() => {
            return Err(fail(io::Error::other(
                "a folder of that name is in the way, nothing was written",
            )));
        }
        Ok(_) => {
            let backup = backup_of(s).map_err(fail)?;
            Some(backup)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(fail(e)),
    };
    let renamed = test_hook::fail_rename(index).and_then(|()| fs::rename(&s.temp, &s.target));
    if let Err(e) = renamed {
        if let Some(backup) = &backup {
            let _ = fs::remove_file(backup);
        }
        return Err(fail(e));
    }
    Ok(Replaced {
        target: s.target.clone(),
        backup,
    })
}

/// The old contents of `s.target` kept under a temporary name of ours.
fn backup_of(s: &Staged) -> io::Result<PathBuf> {
    let mut linked = s.temp.clone().into_os_string();
    linked.push(".old");
    linked.push(TEMP_SUFFIX);
    let linked = PathBuf::from(linked);
    if fs::hard_link(&s.target, &linked).is_ok() {
        return Ok(linked);
    }
    // No hard links here (some shares, FAT): a copy does as well.
    let dir = s.target.parent().unwrap_or(Path::new("."));
    let (_, copy) = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?
        .keep()
        .map_err(|e| e.error)?;
    if let Err(e) = fs::copy(&s.target, &copy) {
        let _ = fs::remove_file(&copy);
        return Err(e);
    }
    Ok(copy)
}

impl Drop for Batch {
    fn drop(&mut self) {
        if self.staged.is_empty() {
            return;
        }
        let mut flight = in_flight();
        let temps: Vec<PathBuf> = self.staged.drain(..).map(|s| s.temp).collect();
        for temp in &temps {
            let _ = fs::remove_file(temp);
        }
        forget(&mut flight, &temps);
    }
}

/// Ways for the integration tests to stop a run at a chosen point, read from the
/// environment. Only in debug builds: a release binary has no such hook.
mod test_hook {
    use std::io;

    /// `ACTORMAP_TEST_HOLD_STAGED=SECONDS`: once every file is staged, say `staged N` on
    /// standard error and wait, so a test can interrupt the run at that point.
    pub fn hold_staged(count: usize) {
        #[cfg(debug_assertions)]
        if let Some(seconds) = std::env::var("ACTORMAP_TEST_HOLD_STAGED")
            .ok()
            .and_then(|s| s.parse().ok())
        {
            eprintln!("staged {count}");
            std::thread::sleep(std::time::Duration::from_secs(seconds));
        }
        let _ = count;
    }

    /// `ACTORMAP_TEST_FAIL_RENAME=N`: the rename of the N-th file (from 1) fails, as a full
    /// or failing disk would make it.
    pub fn fail_rename(index: usize) -> io::Result<()> {
        #[cfg(debug_assertions)]
        if std::env::var("ACTORMAP_TEST_FAIL_RENAME").ok() == Some((index + 1).to_string()) {
            return Err(io::Error::other(
                "injected failure (ACTORMAP_TEST_FAIL_RENAME)",
            ));
        }
        let _ = index;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_batch_dropped_before_its_commit_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.svg"), "old a").unwrap();
        let mut batch = Batch::open(dir.path()).unwrap();
        batch.stage("a.svg", b"new a").unwrap();
        batch.stage("b.svg", b"new b").unwrap();
        assert_eq!(names(dir.path()).len(), 3, "two temporaries beside a.svg");
        drop(batch);
        assert_eq!(names(dir.path()), ["a.svg"]);
        assert_eq!(
            fs::read_to_string(dir.path().join("a.svg")).unwrap(),
            "old a"
        );
        assert!(in_flight().iter().all(|p| !p.starts_with(dir.path())));
    }

    #[test]
    fn a_commit_replaces_every_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.svg"), "old a").unwrap();
        let mut batch = Batch::open(dir.path()).unwrap();
        batch.stage("a.svg", b"new a").unwrap();
        batch.stage("b.svg", b"new b").unwrap();
        let written = batch.commit().unwrap();
        assert_eq!(
            written,
            [dir.path().join("a.svg"), dir.path().join("b.svg")]
        );
        assert_eq!(names(dir.path()), ["a.svg", "b.svg"]);
        assert_eq!(
            fs::read_to_string(dir.path().join("a.svg")).unwrap(),
            "new a"
        );
        assert!(in_flight().iter().all(|p| !p.starts_with(dir.path())));
    }

    #[test]
    fn files_staged_at_once_are_renamed_in_their_order() {
        let dir = tempfile::tempdir().unwrap();
        let contents: Vec<(String, Vec<u8>)> = (0..30)
            .map(|i| (format!("f{i}.svg"), vec![b'a' + (i % 26) as u8; i * 1000]))
            .collect();
        let files: Vec<(&str, &[u8])> = contents
            .iter()
            .map(|(n, b)| (n.as_str(), b.as_slice()))
            .collect();
        let mut batch = Batch::open(dir.path()).unwrap();
        batch.stage_all(&files).unwrap();
        let written = batch.commit().unwrap();
        assert_eq!(
            written,
            contents
                .iter()
                .map(|(n, _)| dir.path().join(n))
                .collect::<Vec<_>>()
        );
        for (name, bytes) in &contents {
            assert_eq!(&fs::read(dir.path().join(name)).unwrap(), bytes, "{name}");
        }
        assert!(in_flight().iter().all(|p| !p.starts_with(dir.path())));
    }

    #[test]
    fn holds_says_whether_the_folder_has_those_bytes() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.svg"), "<svg/>").unwrap();
        fs::create_dir(dir.path().join("d.svg")).unwrap();
        assert!(holds(dir.path(), "a.svg", b"<svg/>"));
        assert!(!holds(dir.path(), "a.svg", b"<svg/ >"));
        assert!(!holds(dir.path(), "a.svg", b"<svg>"));
        assert!(!holds(dir.path(), "a.svg", b""));
        assert!(!holds(dir.path(), "b.svg", b"<svg/>"));
        assert!(!holds(dir.path(), "d.svg", b""));
        assert_eq!(
            read_regular(&dir.path().join("a.svg"), 5),
            None,
            "too large"
        );
        assert_eq!(
            read_regular(&dir.path().join("a.svg"), 6).as_deref(),
            Some(&b"<svg/>"[..])
        );
    }

    #[test]
    fn only_our_stale_temporaries_are_swept() {
        let dir = tempfile::tempdir().unwrap();
        let old = SystemTime::now() - Duration::from_secs(3600);
        for name in [
            ".actormap-old1.tmp",
            ".actormap-fresh.tmp",
            ".other-old.tmp",
            "actormap-old.tmp",
            ".actormap-old.txt",
            "dc3.svg",
        ] {
            let file = fs::File::create(dir.path().join(name)).unwrap();
            if name != ".actormap-fresh.tmp" {
                file.set_modified(old).unwrap();
            }
        }
        fs::create_dir(dir.path().join(".actormap-dir.tmp")).unwrap();
        assert_eq!(sweep_stale(dir.path(), STALE_AFTER), 1);
        assert_eq!(
            names(dir.path()),
            [
                ".actormap-dir.tmp",
                ".actormap-fresh.tmp",
                ".actormap-old.txt",
                ".other-old.tmp",
                "actormap-old.tmp",
                "dc3.svg"
            ]
        );
    }

    #[test]
    fn a_file_as_out_is_told_in_words() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("output");
        fs::write(&file, "").unwrap();
        for out in [file.clone(), file.join("maps")] {
            let e = Batch::open(&out)
                .err()
                .unwrap()
                .render(crate::i18n::Lang::En);
            assert_eq!(
                e,
                format!(
                    "error: {} is a file, not a folder (--out names the folder the files are written to)",
                    file.display()
                )
            );
        }
        assert!(check_folder(&dir.path().join("new/maps")).is_ok());
    }
}
