//! The manifest of an output folder, `.actormap-manifest.json`: for each PNG in the folder,
//! the hash of the SVG it was drawn from, its size in pixels, the version of actormap and the
//! PNG encoding that drew it, and the hash of the PNG written. A run that would draw the same
//! picture again keeps the one in the folder when that file is still the one written (same
//! hash), so a second `build` with nothing changed rasterizes nothing; a file whose bytes the
//! folder already holds is not written again at all.
//!
//! Whether a file is still the one written is told by its stamp when this machine recorded
//! one (see `stamps`: nothing is read), else by reading and hashing it.
//!
//! The manifest is only a cache: missing, unreadable, too large, not JSON or not ours, it
//! counts as empty and every picture is drawn. It is written in the same batch as the files
//! (see `outdir`), so a run that fails leaves it as it was. The hashes are 64-bit XXH3
//! (see `hash::contents`): enough to tell an edited or replaced PNG from the one written, not
//! a forged one.

use std::collections::BTreeMap;
use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::hash;
use crate::outdir;
use crate::render::{self, Format};
use crate::stamps::Stamps;

/// The manifest's name in the output folder. It starts like our temporaries but does not end
/// like them, so it is never swept.
pub const FILE: &str = ".actormap-manifest.json";

/// A manifest larger than this is not one we wrote (a thousand pictures take about 250 KB):
/// it is not read.
const MAX_MANIFEST: u64 = 16 * 1024 * 1024;

/// A PNG in the folder larger than this is not read to be checked (ours are at most
/// 8000 x 8000): it is drawn again.
pub const MAX_PNG: u64 = 512 * 1024 * 1024;

/// What the manifest records about one PNG of the folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Picture {
    /// The hash of the SVG document the picture was drawn from (`hash::contents`).
    pub svg: String,
    /// Width x height in pixels (`1920x1080`).
    pub size: String,
    /// The version of actormap that drew it.
    pub version: String,
    /// The PNG encoding it was written with (`render::png::Encoding::name`).
    pub encoding: String,
    /// The hash of the PNG file written (`hash::contents`).
    pub png: String,
}

impl Picture {
    /// Whether `self` was drawn from the same SVG, at the same size, by the same version and
    /// encoding as `wanted` (the PNG's own hash aside).
    fn draws(&self, wanted: &Picture) -> bool {
        self.svg == wanted.svg
            && self.size == wanted.size
            && self.version == wanted.version
            && self.encoding == wanted.encoding
    }
}

/// What the manifest records about one document of the folder: the dossier's PDF and
/// PowerPoint file, made of many pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The hash of what it is made of: its pages (each one's title, notes and SVG) and the
    /// settings it is written with (see `dossier::fingerprint`).
    pub pages: String,
    /// The version of actormap that wrote it.
    pub version: String,
    /// The hash of the file written (`hash::contents`).
    pub file: String,
}

impl Document {
    /// The record of the document `bytes`, made from pages that hash to `pages`.
    pub fn new(pages: &str, bytes: &[u8]) -> Document {
        Document {
            pages: pages.to_owned(),
            version: version(),
            file: hash::contents(bytes),
        }
    }
}

/// The pictures and documents of an output folder, by file name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pictures: BTreeMap<String, Picture>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    documents: BTreeMap<String, Document>,
    /// The stamps of the folder's files on this machine (a file of their own).
    #[serde(skip)]
    stamps: Stamps,
}

/// A document in the folder larger than this is not read to be checked: it is made again.
const MAX_DOCUMENT: u64 = 1024 * 1024 * 1024;

/// This build of actormap: its version, and the hash of the sources it was built from as
/// semver's build metadata (`0.1.0+5f1c0e9a2b7d4c31`, see `build.rs`). Two binaries of one
/// version may draw differently (a build from git, a working copy): what one wrote is not
/// trusted by the other.
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "+", env!("ACTORMAP_SOURCE"));

/// This build of actormap, as the manifest records it.
fn version() -> String {
    VERSION.to_owned()
}

/// One file of a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    /// Its name in the output folder.
    pub name: String,
    /// Its bytes: made now, or, for a PNG kept, read from the folder; `None` for a PNG kept
    /// that its stamp vouches for (not read; `maps::kept_png_at_hand` reads it for the dossier).
    pub bytes: Option<Vec<u8>>,
    /// The hash of its bytes (`hash::contents`).
    pub hash: String,
    /// Whether it is to be written: false when the folder already holds these bytes.
    pub write: bool,
    /// For a PNG: what the manifest records about it.
    pub picture: Option<Picture>,
}

impl File {
    /// The bytes to write, or `None` when the folder already holds them.
    pub fn to_write(&self) -> Option<&[u8]> {
        self.bytes.as_deref().filter(|_| self.write)
    }
}

impl Manifest {
    /// The manifest of the folder `dir`; empty when there is none, or when the file is not a
    /// manifest we could have written (never an error, never a panic).
    pub fn read(dir: &Path) -> Manifest {
        let manifest: Manifest = outdir::read_regular(&dir.join(FILE), MAX_MANIFEST)
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default();
        Manifest {
            stamps: Stamps::read(dir),
            ..manifest
        }
    }

    /// The stamps of the folder read with the manifest.
    pub fn stamps(&self) -> &Stamps {
        &self.stamps
    }

    /// The file `name` of a run, made now as `bytes`: to be written unless the folder
    /// already holds those bytes.
    pub fn file(&self, dir: &Path, name: String, bytes: Vec<u8>, picture: Option<Picture>) -> File {
        let hash = hash::contents(&bytes);
        let write = !self.stamps.holds_hashed(dir, &name, &bytes, &hash);
        File {
            name,
            bytes: Some(bytes),
            hash,
            write,
            picture,
        }
    }

    /// The manifest as written: pretty JSON, pictures sorted by name, the same bytes for the
    /// same pictures.
    pub fn to_json(&self) -> String {
        // The stamps are not serialized (`serde(skip)`): the same bytes on every machine.
        let mut json = serde_json::to_string_pretty(self).expect("strings and maps serialize");
        json.push('\n');
        json
    }

    /// What the manifest records about the file `name`.
    pub fn picture(&self, name: &str) -> Option<&Picture> {
        self.pictures.get(name)
    }

    /// Whether the folder `dir` still holds the document `name` as this manifest records it,
    /// made by this version from pages that hash to `pages`: then it need not be made again.
    pub fn holds_document(&self, dir: &Path, name: &str, pages: &str) -> bool {
        self.documents.get(name).is_some_and(|recorded| {
            recorded.pages == pages
                && recorded.version == version()
                && self.is_as_written(dir, name, &recorded.file, MAX_DOCUMENT)
        })
    }

    /// Whether the file `name` of `dir` still hashes to `hash`: from its stamp, or read
    /// (when it has at most `max` bytes).
    fn is_as_written(&self, dir: &Path, name: &str, hash: &str, max: u64) -> bool {
        match self.stamps.hash_of(dir, name) {
            Some(recorded) => recorded == hash,
            None => outdir::read_regular(&dir.join(name), max)
                .is_some_and(|on_disk| hash::contents(&on_disk) == hash),
        }
    }

    /// What the manifest records about the document `name`.
    pub fn document(&self, name: &str) -> Option<&Document> {
        self.documents.get(name)
    }

    /// The files of `source`'s scene in `formats`, named `stem.svg`, `stem.png`..., for the folder
    /// `dir`. A PNG that this manifest records as drawn from the same SVG, at the same size,
    /// by this version and encoding, and that is still in the folder as it was written, is
    /// not drawn again; a file whose bytes the folder already holds is not to be written.
    pub fn files(
        &self,
        dir: &Path,
        stem: &str,
        source: &render::Source,
        formats: &[Format],
    ) -> Vec<Result<File, Error>> {
        formats
            .iter()
            .map(|&format| {
                let name = format!("{stem}.{}", format.extension());
                let made = match format {
                    Format::Png => {
                        self.png(dir, &name, source)
                            .map(|(drawn, picture)| match drawn {
                                Drawn::Now(bytes) => {
                                    self.file(dir, name.clone(), bytes, Some(picture))
                                }
                                Drawn::Kept(bytes) => File {
                                    name: name.clone(),
                                    bytes,
                                    hash: picture.png.clone(),
                                    write: false,
                                    picture: Some(picture),
                                },
                            })
                    }
                    Format::Svg => {
                        Ok(self.file(dir, name.clone(), source.svg().as_bytes().to_vec(), None))
                    }
                    Format::Scene => render::to_bytes(source.scene, format)
                        .map(|bytes| self.file(dir, name.clone(), bytes, None)),
                };
                made.map_err(|e| Error::Write {
                    path: dir.join(&name),
                    source: io::Error::other(e),
                })
            })
            .collect()
    }

    /// The PNG `name` of `scene` (whose SVG is `svg`) and its record: the folder's file when
    /// it is kept, else the picture drawn now.
    fn png(
        &self,
        dir: &Path,
        name: &str,
        source: &render::Source,
    ) -> Result<(Drawn, Picture), String> {
        let (width, height) = render::png::pixel_size(source.scene);
        let wanted = Picture {
            svg: hash::contents(source.svg().as_bytes()),
            size: format!("{width}x{height}"),
            version: version(),
            encoding: render::png::ENCODING.name(),
            png: String::new(),
        };
        if let Some(recorded) = self.pictures.get(name)
            && recorded.draws(&wanted)
        {
            // Vouched for by its stamp: kept without reading it.
            if self.stamps.hash_of(dir, name) == Some(recorded.png.as_str()) {
                return Ok((Drawn::Kept(None), recorded.clone()));
            }
            if let Some(on_disk) = outdir::read_regular(&dir.join(name), MAX_PNG)
                && hash::contents(&on_disk) == recorded.png
            {
                return Ok((Drawn::Kept(Some(on_disk)), recorded.clone()));
            }
        }
        let bytes = source.png()?;
        let picture = Picture {
            png: hash::contents(&bytes),
            ..wanted
        };
        Ok((Drawn::Now(bytes), picture))
    }

    /// `self` without the records of the files `names` (files a run removes).
    pub fn without(mut self, names: &[String]) -> Manifest {
        for name in names {
            self.pictures.remove(name);
            self.documents.remove(name);
        }
        self
    }

    /// The manifest after a run into `dir` that made `files` and `documents`: theirs, and
    /// those of earlier runs whose file is still in the folder. Names that are not ours (a
    /// path, a hidden file) are dropped, so a hostile manifest cannot grow or point outside.
    pub fn after(&self, dir: &Path, files: &[File], documents: &[(&str, Document)]) -> Manifest {
        let mut pictures = kept(dir, &self.pictures, &["png"]);
        for file in files {
            if let Some(p) = &file.picture {
                pictures.insert(file.name.clone(), p.clone());
            }
        }
        let mut kept_documents = kept(dir, &self.documents, &["pdf", "pptx"]);
        for (name, d) in documents {
            kept_documents.insert((*name).to_owned(), d.clone());
        }
        Manifest {
            pictures,
            documents: kept_documents,
            stamps: Stamps::default(),
        }
    }
}

/// The records of `recorded` whose name is ours and whose file is still in `dir`.
fn kept<T: Clone>(
    dir: &Path,
    recorded: &BTreeMap<String, T>,
    extensions: &[&str],
) -> BTreeMap<String, T> {
    recorded
        .iter()
        .filter(|(name, _)| is_our_name(name, extensions) && dir.join(name).is_file())
        .map(|(name, p)| (name.clone(), p.clone()))
        .collect()
}

/// A PNG of a run: drawn now, or the folder's own, kept (read, or vouched for by its stamp).
enum Drawn {
    Now(Vec<u8>),
    Kept(Option<Vec<u8>>),
}

/// A name actormap gives a file it records (`maps::file_stems`, the dossier's): a slug
/// (ASCII letters, digits, `-`) and one of `extensions`.
fn is_our_name(name: &str, extensions: &[&str]) -> bool {
    name.rsplit_once('.').is_some_and(|(stem, ext)| {
        extensions.contains(&ext)
            && !stem.is_empty()
            && stem.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picture(png: &str) -> Picture {
        Picture {
            svg: "1".repeat(16),
            size: "1920x1080".into(),
            version: VERSION.into(),
            encoding: render::png::ENCODING.name(),
            png: png.into(),
        }
    }

    #[test]
    fn the_version_names_the_release_and_the_sources_it_was_built_from() {
        let (release, sources) = VERSION.split_once('+').unwrap();
        assert_eq!(release, env!("CARGO_PKG_VERSION"));
        assert_eq!(sources.len(), 16, "{VERSION}");
        assert!(sources.bytes().all(|b| b.is_ascii_hexdigit()), "{VERSION}");
    }

    #[test]
    fn reading_a_folder_never_fails() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            Manifest::read(&dir.path().join("missing")),
            Manifest::default()
        );
        assert_eq!(Manifest::read(dir.path()), Manifest::default());
        for junk in [
            &b""[..],
            b"null",
            b"[]",
            b"{\"pictures\": []}",
            b"\xff\xfe{",
        ] {
            std::fs::write(dir.path().join(FILE), junk).unwrap();
            assert_eq!(Manifest::read(dir.path()), Manifest::default(), "{junk:?}");
        }
        let mut m = Manifest::default();
        m.pictures.insert("dc3.png".into(), picture("a"));
        std::fs::write(dir.path().join(FILE), m.to_json()).unwrap();
        assert_eq!(Manifest::read(dir.path()), m);
    }

    #[test]
    fn the_json_is_sorted_and_the_same_for_the_same_pictures() {
        let mut a = Manifest::default();
        let mut b = Manifest::default();
        for name in ["status.png", "dc10.png", "dc2.png"] {
            a.pictures.insert(name.into(), picture(name));
        }
        for name in ["dc2.png", "status.png", "dc10.png"] {
            b.pictures.insert(name.into(), picture(name));
        }
        assert_eq!(a.to_json(), b.to_json());
        let json = a.to_json();
        let at = |name: &str| json.find(name).unwrap();
        assert!(at("dc10.png") < at("dc2.png") && at("dc2.png") < at("status.png"));
        assert!(json.ends_with("}\n"));
    }

    #[test]
    fn after_a_run_earlier_pictures_stay_while_their_file_does() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("dc1.png"), "x").unwrap();
        std::fs::write(dir.path().join("Notes.png"), "x").unwrap();
        let mut earlier = Manifest::default();
        for name in [
            "dc1.png",
            "dc2.png",
            "../dc1.png",
            "Notes.png",
            ".x.png",
            "dc1.svg",
        ] {
            earlier.pictures.insert(name.into(), picture("old"));
        }
        let files = [
            File {
                name: "dc3.png".into(),
                bytes: Some(b"png".to_vec()),
                hash: "new".into(),
                write: false,
                picture: Some(picture("new")),
            },
            File {
                name: "dc3.svg".into(),
                bytes: Some(b"<svg/>".to_vec()),
                hash: hash::contents(b"<svg/>"),
                write: true,
                picture: None,
            },
        ];
        let after = earlier.after(dir.path(), &files, &[]);
        // dc2.png is gone from the folder; the others are not names of ours.
        assert_eq!(
            after.pictures.keys().collect::<Vec<_>>(),
            ["Notes.png", "dc1.png", "dc3.png"]
        );
        assert_eq!(after.picture("dc3.png"), Some(&picture("new")));
    }
}
