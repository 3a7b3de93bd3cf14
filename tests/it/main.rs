//! The one integration test binary: each module covers one command or concern.

mod chart;
mod check;
mod deck;
#[cfg(feature = "pdf")]
mod deck_pdf;
mod diff;
mod export;
mod generated;
mod lang;
mod load;
mod model;
mod outputs;
mod rebuild;
mod render;
mod sheet;
mod slides;
mod status;
mod watch;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The actormap binary, run from the repository root so `actors/calaisis` is the default.
pub fn actormap() -> Command {
    let mut cmd = Command::cargo_bin("actormap").expect("the actormap binary is built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1");
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
