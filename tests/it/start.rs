//! Starting without a manual: with no TERRITORY, the current folder when it holds one, else
//! the example built into the binary, said in one line on standard error.

use std::path::Path;

use actormap::load::{load, load_example};
use predicates::prelude::*;

use crate::load::relative;
use crate::{actormap, calaisis, fixture};

const EXAMPLE_LINE: &str = "aucun territoire ici\u{a0}: exemple intégré, Pays du Calaisis";

#[test]
fn build_in_an_empty_folder_draws_the_built_in_example() {
    let empty = tempfile::tempdir().expect("a temporary folder");
    let run = actormap()
        .current_dir(empty.path())
        .args(["build", "--format", "svg"])
        .assert()
        .code(1) // REGAL has no lead in the example, as in actors/calaisis
        .stderr(predicate::str::contains(EXAMPLE_LINE));
    let stdout = String::from_utf8_lossy(&run.get_output().stdout).into_owned();
    for map in [
        "dc1.svg",
        "dc3.svg",
        "overview.svg",
        "matrix.svg",
        "status.svg",
    ] {
        let path = empty.path().join("output").join(map);
        assert!(path.is_file(), "{map} not written; stdout:\n{stdout}");
        assert!(stdout.contains(&format!("output/{map}")), "{stdout}");
    }
    let dc3 = std::fs::read_to_string(empty.path().join("output/dc3.svg")).expect("dc3.svg");
    assert!(dc3.contains("REGAL"), "the DC3 map of the example");
    // Said once, and nothing else on standard error but the findings' summary.
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    assert_eq!(stderr.matches("exemple intégré").count(), 1, "{stderr}");
}

#[test]
fn the_line_follows_the_language() {
    let empty = tempfile::tempdir().expect("a temporary folder");
    actormap()
        .current_dir(empty.path())
        .args(["list", "--lang", "en"])
        .assert()
        .success()
        .stderr("no territory here: built-in example, Pays du Calaisis\n")
        .stdout(predicate::str::contains("Pays du Calaisis"));
}

#[test]
fn a_folder_holding_a_territory_is_used_and_nothing_is_said() {
    let here = fixture("status");
    let run = actormap()
        .current_dir(&here)
        .args(["list"])
        .assert()
        .success()
        .stderr("");
    let given = actormap().args(["list"]).arg(&here).assert().success();
    assert_eq!(run.get_output().stdout, given.get_output().stdout);
    assert!(!String::from_utf8_lossy(&run.get_output().stdout).contains("Calaisis"));
}

#[test]
fn a_folder_with_one_table_only_is_a_territory_with_its_errors() {
    let here = crate::territory(&[("acteurs.csv", b"id;nom\nademe;ADEME\n")]);
    actormap()
        .current_dir(here.path())
        .args(["check"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("domains.csv"))
        .stderr(predicate::str::contains("exemple intégré").not());
}

#[test]
fn the_example_lists_as_the_bundled_folder_does() {
    let empty = tempfile::tempdir().expect("a temporary folder");
    let built_in = actormap()
        .current_dir(empty.path())
        .arg("list")
        .assert()
        .success();
    let bundled = actormap().arg("list").arg(calaisis()).assert().success();
    assert_eq!(built_in.get_output().stdout, bundled.get_output().stdout);
}

#[test]
fn the_example_loads_through_the_folder_code_and_names_its_files() {
    let example = load_example()
        .territory
        .expect("the built-in example loads");
    let first = &example.actors()[0].origin;
    assert_eq!(
        Path::new(&*first.file),
        Path::new("exemple intégré/actors.csv")
    );
    assert_eq!(first.line, 2);
    let bundled = load(&calaisis()).expect("actors/calaisis loads");
    assert_eq!(relative(example), relative(bundled));
}

#[test]
fn watch_without_a_territory_here_says_what_to_do() {
    let empty = tempfile::tempdir().expect("a temporary folder");
    actormap()
        .current_dir(empty.path())
        .arg("watch")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "aucun territoire ici à surveiller",
        ))
        .stderr(predicate::str::contains("actormap init"));
    assert!(!empty.path().join("output").exists());
}
