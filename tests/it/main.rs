//! The one integration test binary: each module covers one command or concern.

mod actions;
mod chart;
mod check;
mod deck;
#[cfg(feature = "pdf")]
mod deck_pdf;
mod diff;
#[cfg(feature = "pdf")]
mod dossier;
mod export;
mod generated;
mod graphs;
mod init;
mod lang;
mod large;
mod load;
mod model;
mod outputs;
mod pictures;
mod raster;
mod rebuild;
mod render;
mod report;
mod schema;
mod sheet;
mod slides;
mod start;
mod status;
mod tables;
mod watch;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The actormap binary, run from the repository root (which holds no territory: without a
/// TERRITORY, commands read the built-in example, and say so on standard error).
pub fn actormap() -> Command {
    let mut cmd = Command::cargo_bin("actormap").expect("the actormap binary is built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1");
    cmd
}

/// The actormap binary saying everything in English (`--lang en`): for the tests that
/// assert the English sentences; French is the default, checked in `lang.rs`.
pub fn actormap_en() -> Command {
    let mut cmd = actormap();
    cmd.args(["--lang", "en"]);
    cmd
}

/// A fixture folder under tests/fixtures/.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The bundled Calaisis dataset.
pub fn calaisis() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("actors/calaisis")
}

/// A territory folder written from (file name, contents) pairs into a fresh temporary folder.
pub fn territory(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (name, contents) in files {
        std::fs::write(dir.path().join(name), contents).expect("fixture written");
    }
    dir
}

/// The progress fixture (`tests/fixtures/status`) as the next committee sees it, in a
/// temporary folder: an objective removed (ecoles) and one added (protocole, led by a new
/// actor), a funder added, the lead of DC2 become a candidate, and newer measurements that
/// move friches, renovation and cyclable past their thresholds.
pub fn status_next() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for entry in std::fs::read_dir(fixture("status")).expect("the fixture") {
        let entry = entry.expect("an entry");
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).expect("copied");
    }
    let edit = |name: &str, edit: &dyn Fn(String) -> String| {
        let path = dir.path().join(name);
        let before = std::fs::read_to_string(&path).expect("a fixture file");
        let after = edit(before.clone());
        assert_ne!(before, after, "{name} unchanged");
        std::fs::write(path, after).expect("written");
    };
    edit("objectives.csv", &|text| {
        text.lines()
            .filter(|l| !l.starts_with("ecoles;"))
            .map(|l| format!("{l}\n"))
            .chain(["protocole;DC1;Protocole RDI;1;protocole;;non;oui\n".to_owned()])
            .collect()
    });
    edit("actors.csv", &|text| {
        format!("{text}ademe;ADEME\nulco;ULCO\n")
    });
    edit("links.csv", &|text| {
        text.replace(
            "SyMPaC;DC2;chef de file",
            "SyMPaC;DC2;chef de file pressenti",
        ) + "ADEME;haies;financeur\nULCO;protocole;chef de file\n"
    });
    edit("avancement.csv", &|text| {
        format!(
            "{text}30/06/2023;renovation;1 500;conseillers FAIRE\n01/06/2023;friches;20;SyMPaC\n30/06/2023;cyclable;31;EPCI\n"
        )
    });
    dir
}
