//! What this machine knows of the files a run left in an output folder,
//! `.actormap-stamps.json`: for each file, the hash of the bytes written and the file's
//! stamp as the system keeps it (length, modification and change times, inode). A later run
//! that finds a file with the same stamp knows its bytes without reading them, the way git
//! knows an unchanged file from its index: a second `build` with nothing changed no longer
//! reads and hashes the 8 MB PowerPoint file, the PNGs and every SVG to tell they are the
//! ones it wrote.
//!
//! A file edited, replaced, copied or restored by git gets a new stamp (the change time
//! cannot be set back by any program), and is read and compared as before. Times on disk are
//! coarse (a few milliseconds on Linux, two seconds on a FAT memory stick): a file written
//! again within the same tick, with the same length, would keep its stamp. So, like git's
//! "racily clean" entries, a record vouches for a file only when it was taken well after the
//! file's last change (`SETTLED`); a run that finds a file too fresh reads it, and records it
//! again once it has settled. Unlike the
//! manifest, the stamps belong to one machine and one copy of the folder (hence a file of
//! their own: the manifest stays the same bytes for the same pictures). They are only a
//! cache: missing, unreadable or not ours, they count as empty; written after the run's
//! files, outside its batch, and a failure to write them is not an error.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::{hash, outdir};

/// The stamps' name in the output folder (hidden, never swept: it does not end like our
/// temporaries).
pub const FILE: &str = ".actormap-stamps.json";

/// How long after a file's last change its stamp vouches for it: more than the coarsest
/// times a file system keeps (two seconds on FAT).
const SETTLED: u64 = 3_000_000_000;

/// Stamps larger than this are not ours (a thousand files take about 200 KB).
const MAX_STAMPS: u64 = 16 * 1024 * 1024;

/// What the system says of a file, enough to tell it was not touched since.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub len: u64,
    /// Modification time, nanoseconds since the epoch (0 when the system has none).
    pub modified: u64,
    /// Change time (Unix: any write, rename or change of attributes sets it to now; no
    /// program can set it back), nanoseconds since the epoch; 0 elsewhere.
    pub changed: u64,
    /// The inode (Unix), 0 elsewhere.
    pub inode: u64,
}

impl Stamp {
    /// The stamp of the regular file at `path` (a link is followed); `None` for anything else.
    pub fn of(path: &Path) -> Option<Stamp> {
        let meta = fs::metadata(path).ok()?;
        if !meta.is_file() {
            return None;
        }
        let nanos = |t: std::time::SystemTime| {
            t.duration_since(std::time::UNIX_EPOCH)
                .ok()
                .and_then(|d| u64::try_from(d.as_nanos()).ok())
                .unwrap_or(0)
        };
        #[cfg(unix)]
        let (changed, inode) = {
            use std::os::unix::fs::MetadataExt;
            let changed = u64::try_from(meta.ctime())
                .ok()
                .and_then(|s| s.checked_mul(1_000_000_000))
                .and_then(|s| s.checked_add(u64::try_from(meta.ctime_nsec()).ok()?))
                .unwrap_or(0);
            (changed, meta.ino())
        };
        #[cfg(not(unix))]
        let (changed, inode) = (0, 0);
        Some(Stamp {
            len: meta.len(),
            modified: meta.modified().map(nanos).unwrap_or(0),
            changed,
            inode,
        })
    }
}

/// One file's record: the hash of its bytes (`hash::contents`), its stamp then, and when
/// the stamp was taken (nanoseconds since the epoch).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub hash: String,
    #[serde(flatten)]
    pub stamp: Stamp,
    pub taken: u64,
}

impl Record {
    /// Whether the stamp was taken long enough after the file's last change to tell any
    /// later change (see `SETTLED`). A stamp without times never does.
    fn settled(&self) -> bool {
        let last = self.stamp.modified.max(self.stamp.changed);
        last != 0 && last.saturating_add(SETTLED) < self.taken
    }
}

/// A name of a file right in the folder, not hidden: no separator, no `..`, no leading dot.
fn plain(name: &str) -> bool {
    let mut parts = Path::new(name).components();
    matches!(parts.next(), Some(std::path::Component::Normal(_)))
        && parts.next().is_none()
        && !name.starts_with('.')
        && !name.contains(['/', '\\'])
}

/// Now, in nanoseconds since the epoch.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()
        .and_then(|d| u64::try_from(d.as_nanos()).ok())
        .unwrap_or(0)
}

/// The records of an output folder, by file name, and what the last `build` into it made.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamps {
    files: BTreeMap<String, Record>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    build: Option<Build>,
}

/// The last `build` into the folder: the fingerprint of what it was made from (see
/// `maps::fingerprint`) and the files it said, in the order it said them, with the hash of
/// each one's bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Build {
    pub fingerprint: String,
    pub files: Vec<(String, String)>,
}

impl Stamps {
    /// The stamps of the folder `dir`; empty when there are none or they are not ours.
    pub fn read(dir: &Path) -> Stamps {
        outdir::read_regular(&dir.join(FILE), MAX_STAMPS)
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// The hash of the file `name` of `dir`, when it still has the stamp recorded with it:
    /// then its bytes are known without reading them.
    pub fn hash_of(&self, dir: &Path, name: &str) -> Option<&str> {
        let record = self.files.get(name)?;
        (record.settled() && Stamp::of(&dir.join(name)) == Some(record.stamp))
            .then_some(record.hash.as_str())
    }

    /// Whether the file `name` of `dir` holds exactly `bytes`: from its stamp when it has the
    /// one recorded, else by reading it (`outdir::holds`).
    pub fn holds(&self, dir: &Path, name: &str, bytes: &[u8]) -> bool {
        self.holds_hashed(dir, name, bytes, &hash::contents(bytes))
    }

    /// `holds`, with the hash of `bytes` (`hash::contents`) already at hand.
    pub fn holds_hashed(&self, dir: &Path, name: &str, bytes: &[u8], hash: &str) -> bool {
        match self.hash_of(dir, name) {
            Some(recorded) => recorded == hash,
            None => outdir::holds(dir, name, bytes),
        }
    }

    /// The files of the last `build` into `dir`, in the order it said them, when it was
    /// made from `fingerprint` and every one of them, and every file `also` (files the build
    /// writes without saying them: the manifest), is still as it wrote or kept it: then a
    /// `build` from the same fingerprint has nothing to do. A file whose stamp vouches for it
    /// is not read; one recorded too soon after it was written (the build just before) is
    /// read and hashed. The stamps are then taken again (saved when they changed), so the
    /// files, once settled, are not read by the next build.
    pub fn unchanged_build(
        &self,
        dir: &Path,
        fingerprint: &str,
        also: &[&str],
    ) -> Option<Vec<&str>> {
        let build = self
            .build
            .as_ref()
            .filter(|b| b.fingerprint == fingerprint)?;
        let sure = now();
        let mut read = false;
        let mut files: Vec<(&str, String, u64)> = build
            .files
            .iter()
            .map(|(name, hash)| (name.as_str(), hash.clone(), sure))
            .collect();
        for name in also {
            files.push((name, self.files.get(*name)?.hash.clone(), sure));
        }
        for (name, hash, _) in &files {
            match self.hash_of(dir, name) {
                Some(recorded) if recorded == hash => {}
                Some(_) => return None,
                None => {
                    let record = self.files.get(*name).filter(|r| r.hash == *hash)?;
                    let on_disk = outdir::read_regular(&dir.join(name), record.stamp.len)?;
                    if hash::contents(&on_disk) != *hash {
                        return None;
                    }
                    read = true;
                }
            }
        }
        if read {
            self.after(dir, &files)
                .with_build(Some(build.clone()))
                .save(dir, self);
        }
        Some(build.files.iter().map(|(name, _)| name.as_str()).collect())
    }

    /// The files the last `build` into `dir` said and `now` does not, that still hold the
    /// bytes it recorded (a file changed since is someone's, and stays). Only plain names of
    /// the folder: stamps are read from the folder, and cannot name a file elsewhere.
    pub fn obsolete(&self, dir: &Path, now: &[&str]) -> Vec<String> {
        const LARGEST: u64 = 1 << 31;
        let Some(build) = &self.build else {
            return Vec::new();
        };
        build
            .files
            .iter()
            .filter(|(name, _)| plain(name) && !now.contains(&name.as_str()))
            .filter(|(name, hash)| match self.hash_of(dir, name) {
                Some(recorded) => recorded == hash,
                None => outdir::read_regular(&dir.join(name), LARGEST)
                    .is_some_and(|bytes| hash::contents(&bytes) == *hash),
            })
            .map(|(name, _)| name.clone())
            .collect()
    }

    /// `self` with the last build's record: `build`, or none (a run that is not a build
    /// forgets it; the files it wrote would not match it anyway).
    pub fn with_build(self, build: Option<Build>) -> Stamps {
        Stamps { build, ..self }
    }

    /// The stamps after a run left `files` in `dir`: for each, its name, the hash of the
    /// bytes the run wrote or found there, and when the run was sure of them (`now()` after
    /// it wrote the file, or before it first looked at it). Each file's stamp now (an earlier
    /// record that still vouches for the file is kept as it is); a file changed since the run
    /// was sure of it is left out (its stamp would vouch for bytes the run never saw: another
    /// program's, or another build's running at the same time), and so are a file gone and
    /// the names of earlier runs; no build record.
    pub fn after(&self, dir: &Path, files: &[(&str, String, u64)]) -> Stamps {
        let taken = now();
        Stamps {
            build: None,
            files: files
                .iter()
                .filter_map(|(name, hash, sure)| {
                    let stamp = Stamp::of(&dir.join(name))?;
                    let record = match self.files.get(*name) {
                        Some(r) if r.settled() && r.stamp == stamp && r.hash == *hash => r.clone(),
                        _ if stamp.modified.max(stamp.changed) > *sure => return None,
                        _ => Record {
                            hash: hash.clone(),
                            stamp,
                            taken,
                        },
                    };
                    Some(((*name).to_owned(), record))
                })
                .collect(),
        }
    }

    /// Write the stamps into `dir` when they differ from `self.before` (whole or not at all;
    /// a failure is ignored: the next run reads the files instead).
    pub fn save(&self, dir: &Path, before: &Stamps) {
        if self == before {
            return;
        }
        let mut json = serde_json::to_string_pretty(self).expect("strings and numbers serialize");
        json.push('\n');
        if let Ok(mut batch) = outdir::Batch::open(dir)
            && batch.stage(FILE, json.as_bytes()).is_ok()
        {
            let _ = batch.commit();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The stamps of `names` in `dir` as a run would leave them, taken `later` nanoseconds
    /// after now (as if the next run came that much later).
    fn taken(dir: &Path, names: &[(&str, &[u8])], later: u64) -> Stamps {
        let files: Vec<(&str, String, u64)> = names
            .iter()
            .map(|(name, bytes)| (*name, hash::contents(bytes), now()))
            .collect();
        let mut stamps = Stamps::default().after(dir, &files);
        for record in stamps.files.values_mut() {
            record.taken += later;
        }
        stamps
    }

    #[test]
    fn a_settled_file_untouched_is_known_and_one_touched_is_read_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dc3.svg");
        fs::write(&path, b"<svg/>").unwrap();
        let stamps = taken(dir.path(), &[("dc3.svg", b"<svg/>")], 2 * SETTLED);
        stamps.save(dir.path(), &Stamps::default());
        let stamps = Stamps::read(dir.path());
        assert_eq!(
            stamps.hash_of(dir.path(), "dc3.svg"),
            Some(hash::contents(b"<svg/>").as_str())
        );
        assert!(stamps.holds(dir.path(), "dc3.svg", b"<svg/>"));
        assert!(!stamps.holds(dir.path(), "dc3.svg", b"<svg></svg>"));
        // Rewritten later with other bytes of the same length: the stamp no longer vouches,
        // the file is read.
        fs::write(&path, b"<SVG/>").unwrap();
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(1);
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(later)
            .unwrap();
        assert_eq!(stamps.hash_of(dir.path(), "dc3.svg"), None);
        assert!(stamps.holds(dir.path(), "dc3.svg", b"<SVG/>"));
        assert!(!stamps.holds(dir.path(), "dc3.svg", b"<svg/>"));
        // Gone: nothing is known, nothing held.
        fs::remove_file(&path).unwrap();
        assert_eq!(stamps.hash_of(dir.path(), "dc3.svg"), None);
        assert!(!stamps.holds(dir.path(), "dc3.svg", b"<svg/>"));
    }

    #[test]
    fn a_file_too_fresh_is_read_and_recorded_again_once_settled() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("dc3.svg"), b"<svg/>").unwrap();
        // Taken right after the write: within the tick, a same-length edit could keep the
        // stamp, so it vouches for nothing yet.
        let fresh = taken(dir.path(), &[("dc3.svg", b"<svg/>")], 0);
        assert_eq!(fresh.hash_of(dir.path(), "dc3.svg"), None);
        assert!(fresh.holds(dir.path(), "dc3.svg", b"<svg/>"));
        // A later run records it again; that record is kept as it is by the runs after it.
        let files = [("dc3.svg", hash::contents(b"<svg/>"), now())];
        let mut settled = fresh.after(dir.path(), &files);
        settled.files.get_mut("dc3.svg").unwrap().taken += 2 * SETTLED;
        assert!(settled.hash_of(dir.path(), "dc3.svg").is_some());
        assert_eq!(settled.after(dir.path(), &files), settled);
    }

    /// A file changed after the run wrote it or looked at it (by another program, or by a
    /// build running at the same time) is not recorded with the run's hash: its stamp would
    /// vouch for bytes the run never saw, and every later build would trust them.
    #[test]
    fn a_file_changed_after_the_run_was_sure_of_it_is_not_vouched_for() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dc3.png");
        fs::write(&path, b"ours").unwrap();
        let sure = now();
        std::thread::sleep(std::time::Duration::from_millis(20));
        fs::write(&path, b"else").unwrap();
        let files = [("dc3.png", hash::contents(b"ours"), sure)];
        let mut stamps = Stamps::default().after(dir.path(), &files);
        assert!(stamps.files.is_empty(), "{stamps:?}");
        // Even recorded long after: nothing vouches for it, a later run reads it.
        for record in stamps.files.values_mut() {
            record.taken += 2 * SETTLED;
        }
        assert_eq!(stamps.hash_of(dir.path(), "dc3.png"), None);
        assert!(!stamps.holds(dir.path(), "dc3.png", b"ours"));
        // Unchanged since the run was sure of it, it is recorded.
        let files = [("dc3.png", hash::contents(b"else"), now())];
        assert!(
            Stamps::default()
                .after(dir.path(), &files)
                .files
                .contains_key("dc3.png")
        );
    }

    /// Only plain names of the folder are ever removed, whatever the stamps say: they are
    /// read from the folder, where anyone may have written them.
    #[test]
    fn only_a_plain_name_of_the_folder_is_obsolete() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("out");
        fs::create_dir(&dir).unwrap();
        let names = [
            "../outside.png",
            "sub/dc1.png",
            ".hidden.png",
            "dc1.png",
            "dc2.png",
        ];
        fs::create_dir(dir.join("sub")).unwrap();
        for name in names {
            fs::write(dir.join(name), b"ours").unwrap();
        }
        let stamps = Stamps::default().with_build(Some(Build {
            fingerprint: String::new(),
            files: names
                .iter()
                .map(|n| ((*n).to_owned(), hash::contents(b"ours")))
                .collect(),
        }));
        assert_eq!(stamps.obsolete(&dir, &["dc2.png"]), ["dc1.png"]);
        fs::write(dir.join("dc1.png"), b"else").unwrap();
        assert!(stamps.obsolete(&dir, &["dc2.png"]).is_empty());
    }

    #[test]
    fn stamps_that_are_not_ours_count_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        for junk in [&b""[..], b"null", b"[]", b"{\"files\": 3}", b"\xff{"] {
            fs::write(dir.path().join(FILE), junk).unwrap();
            assert_eq!(Stamps::read(dir.path()), Stamps::default(), "{junk:?}");
        }
        assert_eq!(Stamps::read(&dir.path().join("none")), Stamps::default());
    }
}
