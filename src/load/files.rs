//! Where the loader's files are: on disk, or in the binary. The built-in example (the Pays du
//! Calaisis, `actors/calaisis/`) is embedded with `include_bytes!` and, while it is loaded,
//! mounted as a folder named [`EXAMPLE`]: the loader then reads it through the same code as
//! any folder (the same tables, the same errors, naming `exemple intégré/actors.csv`).
//!
//! The mount is per thread and lasts one call of [`with_example`]; every other load sees the
//! disk only, so a real folder named `exemple intégré` is never shadowed.

use std::cell::Cell;
use std::path::{Component, Path};

/// The name of the built-in example's folder, as errors show it.
pub const EXAMPLE: &str = "exemple intégré";

/// The files of the built-in example: `actors/calaisis/` as it was when the binary was built
/// (a test checks that every file of that folder is here).
pub const EXAMPLE_FILES: [(&str, &[u8]); 7] = [
    (
        "actions.csv",
        include_bytes!("../../actors/calaisis/actions.csv"),
    ),
    (
        "actors.csv",
        include_bytes!("../../actors/calaisis/actors.csv"),
    ),
    (
        "bodies.csv",
        include_bytes!("../../actors/calaisis/bodies.csv"),
    ),
    (
        "domains.csv",
        include_bytes!("../../actors/calaisis/domains.csv"),
    ),
    (
        "links.csv",
        include_bytes!("../../actors/calaisis/links.csv"),
    ),
    (
        "objectives.csv",
        include_bytes!("../../actors/calaisis/objectives.csv"),
    ),
    (
        "territory.json",
        include_bytes!("../../actors/calaisis/territory.json"),
    ),
];

thread_local! {
    static MOUNTED: Cell<bool> = const { Cell::new(false) };
}

/// Run `f` with the built-in example mounted as the folder [`EXAMPLE`].
pub fn with_example<T>(f: impl FnOnce() -> T) -> T {
    struct Unmount(bool);
    impl Drop for Unmount {
        fn drop(&mut self) {
            MOUNTED.with(|m| m.set(self.0));
        }
    }
    let _unmount = Unmount(MOUNTED.with(|m| m.replace(true)));
    f()
}

/// What a path is in the mounted example.
pub enum Mounted {
    /// The example's folder itself.
    Folder,
    /// One of its files.
    File(&'static [u8]),
    /// Under the example's folder, but no file of it.
    Missing,
}

/// What `path` is in the mounted example; `None` when no example is mounted or the path is
/// not under it (then the disk answers).
pub fn mounted(path: &Path) -> Option<Mounted> {
    if !MOUNTED.with(Cell::get) {
        return None;
    }
    let mut parts = path
        .components()
        .filter(|c| !matches!(c, Component::CurDir));
    if parts.next()?.as_os_str() != EXAMPLE {
        return None;
    }
    let rest: Vec<_> = parts.collect();
    Some(match rest.as_slice() {
        [] => Mounted::Folder,
        [name] => EXAMPLE_FILES
            .iter()
            .find(|(file, _)| name.as_os_str() == *file)
            .map_or(Mounted::Missing, |(_, bytes)| Mounted::File(bytes)),
        _ => Mounted::Missing,
    })
}

/// The names of the files in a mounted folder, when `dir` is one.
pub fn mounted_names(dir: &Path) -> Option<Vec<&'static str>> {
    match mounted(dir)? {
        Mounted::Folder => Some(EXAMPLE_FILES.iter().map(|(name, _)| *name).collect()),
        Mounted::File(_) | Mounted::Missing => Some(Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_is_seen_only_while_mounted() {
        let file = Path::new(EXAMPLE).join("actors.csv");
        assert!(mounted(&file).is_none());
        with_example(|| {
            assert!(matches!(mounted(Path::new(EXAMPLE)), Some(Mounted::Folder)));
            assert!(matches!(mounted(&file), Some(Mounted::File(b)) if b.starts_with(b"id;")));
            let missing = Path::new(EXAMPLE).join("liens.csv");
            assert!(matches!(mounted(&missing), Some(Mounted::Missing)));
            assert!(mounted(Path::new("actors/calaisis")).is_none());
            assert_eq!(mounted_names(Path::new(EXAMPLE)).map(|n| n.len()), Some(7));
        });
        assert!(mounted(&file).is_none());
    }

    #[test]
    fn every_file_of_the_bundled_folder_is_embedded() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("actors/calaisis");
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .expect("the bundled folder")
            .map(|e| {
                e.expect("an entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        on_disk.sort();
        let embedded: Vec<&str> = EXAMPLE_FILES.iter().map(|(name, _)| *name).collect();
        assert_eq!(on_disk, embedded);
        for (name, bytes) in EXAMPLE_FILES {
            assert_eq!(
                std::fs::read(dir.join(name)).expect("read"),
                bytes,
                "{name}"
            );
        }
    }
}
