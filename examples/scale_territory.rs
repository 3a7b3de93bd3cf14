//! Writes a generated territory folder for the scale benchmark (`scripts/bench-scale.sh`):
//! `cargo run --release --example scale_territory -- OBJECTIVES FOLDER`. 1,000 objectives give
//! 5,000 actors and about 51,000 links; see `scaled` in `tests/it/generated.rs`.

use std::path::PathBuf;
use std::process::ExitCode;

#[path = "../tests/it/generated.rs"]
#[allow(dead_code, reason = "the example uses two functions of the file")]
mod generated;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(objectives), Some(dir)) = (
        args.first().and_then(|n| n.parse::<usize>().ok()),
        args.get(1).map(PathBuf::from),
    ) else {
        eprintln!("usage: scale_territory OBJECTIVES FOLDER");
        return ExitCode::from(2);
    };
    let t = generated::scaled(objectives);
    if let Err(e) = generated::write_folder(&t, &dir) {
        eprintln!("error: {}: {e}", dir.display());
        return ExitCode::from(2);
    }
    println!(
        "{}: {} domains, {} objectives, {} actors, {} links, {} measurements",
        dir.display(),
        t.domains().len(),
        t.objectives().len(),
        t.actors().len(),
        t.links().len(),
        t.progress().len()
    );
    ExitCode::SUCCESS
}
