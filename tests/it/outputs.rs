//! What actormap writes, whatever the data and whatever happens meanwhile: text with the data's
//! control characters shown, formula-safe CSV, file names any system takes, a run that fails or
//! is interrupted leaving the output folder as it was.

use std::fs;
use std::path::Path;

use crate::{actormap, territory};

/// Escape sequences and controls a hostile spreadsheet can hold; actormap never writes any
/// of them itself.
const RAW: [&str; 8] = [
    "\u{1b}[2J",
    "\u{1b}]0;pwn",
    "\u{1b}[5m",
    "\u{7}",
    "\u{202e}",
    "\u{2066}",
    "\u{9b}",
    "\u{7f}",
];

/// A territory whose every name holds control characters, and a title that is a formula.
fn hostile() -> tempfile::TempDir {
    territory(&[
        (
            "domains.csv",
            "id;name;headline\nDC1;Dom\u{1b}[2J\u{1b}[31maine\u{7};Accroche \u{202e} inversée\n"
                .as_bytes(),
        ),
        (
            "objectives.csv",
            "id;domain;title;target;unit;priority\n\
             obj1;DC1;\"Titre\u{1b}]0;pwn\u{7}\";100;km\u{1b}[5m;oui\n\
             obj2;DC1;\"=HYPERLINK(\"\"http://x\"\";\"\"clic\"\")\";50;@x;non\n"
                .as_bytes(),
        ),
        (
            "actors.csv",
            "id;name\nevil;Acteur\u{1b}[2J\u{1b}[31m rouge\u{7}\u{202e}\u{9b}\u{7f}\nlead;Chef\n"
                .as_bytes(),
        ),
        (
            "links.csv",
            "actor;objective;role\nevil;obj1;financeur\nlead;obj2;chef de file\n".as_bytes(),
        ),
    ])
}

/// The hostile territory with one more actor, as the next committee would see it.
fn hostile_next() -> tempfile::TempDir {
    let dir = hostile();
    let actors = dir.path().join("actors.csv");
    let mut text = fs::read_to_string(&actors).unwrap();
    text.push_str("new;Nouveau\u{1b}[2J\u{2066}\n");
    fs::write(&actors, text).unwrap();
    let links = dir.path().join("links.csv");
    let mut text = fs::read_to_string(&links).unwrap();
    text.push_str("new;obj2;financeur\n");
    fs::write(&links, text).unwrap();
    dir
}

/// stdout and stderr of a run, as a terminal would get them (colours forced on, so nothing
/// strips escape sequences on the way) and as a pipe gets them.
fn both_ways(args: &[&std::ffi::OsStr]) -> Vec<(String, String)> {
    [true, false]
        .into_iter()
        .map(|terminal| {
            let mut cmd = actormap();
            if terminal {
                cmd.env_remove("NO_COLOR").env("CLICOLOR_FORCE", "1");
            }
            let out = cmd.args(args).output().unwrap();
            (
                String::from_utf8(out.stdout).unwrap(),
                String::from_utf8(out.stderr).unwrap(),
            )
        })
        .collect()
}

fn assert_no_raw_control(what: &str, text: &str) {
    for raw in RAW {
        assert!(
            !text.contains(raw),
            "{what}: raw {raw:?} reached the output:\n{text}"
        );
    }
}

#[test]
fn control_characters_of_the_data_never_reach_the_terminal() {
    let old = hostile();
    let new = hostile_next();
    let (o, n) = (old.path().as_os_str(), new.path().as_os_str());
    let out = tempfile::tempdir().unwrap();
    let runs: Vec<Vec<&std::ffi::OsStr>> = vec![
        vec!["list".as_ref(), o],
        vec!["check".as_ref(), o],
        vec![
            "check".as_ref(),
            o,
            "--format".as_ref(),
            "markdown".as_ref(),
        ],
        vec!["status".as_ref(), o],
        vec![
            "status".as_ref(),
            o,
            "--format".as_ref(),
            "markdown".as_ref(),
        ],
        vec!["status".as_ref(), o, "--format".as_ref(), "csv".as_ref()],
        vec!["diff".as_ref(), o, n],
        vec![
            "diff".as_ref(),
            o,
            n,
            "--format".as_ref(),
            "markdown".as_ref(),
        ],
        vec![
            "build".as_ref(),
            o,
            "--format".as_ref(),
            "svg".as_ref(),
            "--out".as_ref(),
            out.path().as_os_str(),
        ],
    ];
    for args in &runs {
        let what = format!("{args:?}");
        for (stdout, stderr) in both_ways(args) {
            assert_no_raw_control(&what, &stdout);
            assert_no_raw_control(&what, &stderr);
            // Shown, not dropped.
            assert!(
                stdout.contains("\\u{1b}"),
                "{what}: the escape character is shown:\n{stdout}"
            );
        }
    }
    let (list, _) = &both_ways(&runs[0])[0];
    assert!(
        list.contains("Acteur\\u{1b}[2J\\u{1b}[31m rouge\\u{7}\\u{202e}\\u{9b}\\u{7f}"),
        "{list}"
    );
    assert!(list.contains("Accroche \\u{202e} inversée"), "{list}");
}

#[test]
fn json_outputs_keep_the_text_and_hold_no_raw_control() {
    let old = hostile();
    let new = hostile_next();
    let (o, n) = (old.path().as_os_str(), new.path().as_os_str());
    for args in [
        vec!["check".as_ref(), o, "--format".as_ref(), "json".as_ref()],
        vec!["status".as_ref(), o, "--format".as_ref(), "json".as_ref()],
        vec!["diff".as_ref(), o, n, "--format".as_ref(), "json".as_ref()],
    ] {
        let what = format!("{args:?}");
        let (stdout, _) = both_ways(&args).remove(0);
        assert_no_raw_control(&what, &stdout);
        let value: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        let all = value.to_string();
        // Decoded, the JSON holds the data as it is.
        assert!(
            all.contains("\u{202e}") || all.contains("\u{2066}") || all.contains("Titre"),
            "{what}: {all}"
        );
    }
    let (json, _) =
        both_ways(&["check".as_ref(), o, "--format".as_ref(), "json".as_ref()]).remove(0);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let names: Vec<&str> = value
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["actors"].as_array().unwrap())
        .filter_map(|a| a["name"].as_str())
        .collect();
    assert!(
        names.contains(&"Acteur\u{1b}[2J\u{1b}[31m rouge\u{7}\u{202e}\u{9b}\u{7f}"),
        "{names:?}"
    );
}

#[test]
fn error_messages_quoting_the_data_show_its_controls() {
    let dir = hostile();
    fs::write(
        dir.path().join("links.csv"),
        "actor;objective;role\nInconnu\u{1b}[2J\u{202e};obj1;financeur\n",
    )
    .unwrap();
    for (stdout, stderr) in both_ways(&["check".as_ref(), dir.path().as_os_str()]) {
        assert_eq!(stdout, "");
        assert_no_raw_control("check", &stderr);
        assert!(
            stderr.contains("acteur inconnu «\u{a0}Inconnu\\u{1b}[2J\\u{202e}\u{a0}»"),
            "{stderr}"
        );
        assert!(stderr.contains("links.csv:2"), "{stderr}");
    }
}

#[test]
fn csv_cells_never_run_as_formulas() {
    let dir = hostile();
    let out = actormap()
        .args(["status", "--format", "csv"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(out.stdout.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let obj2 = rows.iter().find(|r| &r[0] == "obj2").unwrap();
    assert_eq!(&obj2[1], "'=HYPERLINK(\"http://x\";\"clic\")");
    assert_eq!(&obj2[5], "'@x", "the unit is text too");
    assert_eq!(&obj2[4], "50", "a number stays a number");
    let obj1 = rows.iter().find(|r| &r[0] == "obj1").unwrap();
    assert_eq!(&obj1[1], "Titre\\u{1b}]0;pwn\\u{7}");
}

/// The names in a folder, sorted.
pub fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

pub fn temporaries(dir: &Path) -> Vec<String> {
    names(dir)
        .into_iter()
        .filter(|n| n.starts_with(".actormap-") && n.ends_with(".tmp"))
        .collect()
}

#[test]
fn a_300_character_id_and_windows_device_names_still_build() {
    let long = format!("DC{}", "9".repeat(298));
    let dir = territory(&[
        (
            "domains.csv",
            format!("id;name\n{long};Long\nCON;Console\naux;Auxiliaire\n").as_bytes(),
        ),
        (
            "objectives.csv",
            format!("id;domain;title\nx;{long};Un objectif\nc;CON;Deux\na;aux;Trois\n").as_bytes(),
        ),
        ("actors.csv", b"id;name\nlead;Chef\n"),
        (
            "links.csv",
            b"actor;objective;role\nlead;x;chef de file\nlead;c;chef de file\nlead;a;chef de file\n",
        ),
    ]);
    let out = tempfile::tempdir().unwrap();
    let run = actormap()
        .args(["build", "--format", "svg", "--out"])
        .arg(out.path())
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stderr}");
    let names = names(out.path());
    assert!(names.contains(&"con-map.svg".to_owned()), "{names:?}");
    assert!(names.contains(&"aux-map.svg".to_owned()), "{names:?}");
    let long_one = names
        .iter()
        .find(|n| n.starts_with("dc999"))
        .unwrap_or_else(|| panic!("{names:?}"));
    assert!(long_one.len() <= 84, "{long_one}");
    assert!(
        long_one.ends_with(".svg") && long_one.as_bytes()[long_one.len() - 13] == b'-',
        "cut, with a hash before the extension: {long_one}"
    );
    // Three maps, the overview, the matrix, the status chart, the report page, the
    // dossier's PDF and PPTX, the manifest that records the dossier and the stamps.
    assert_eq!(names.len(), 11, "{names:?}");
}

#[test]
fn out_naming_a_file_says_so_in_words() {
    let root = tempfile::tempdir().unwrap();
    let file = root.path().join("output");
    fs::write(&file, "a note").unwrap();
    for out in [file.clone(), file.join("maps")] {
        let run = actormap()
            .args(["render", "--domain", "DC3", "--out"])
            .arg(&out)
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(2));
        let stderr = String::from_utf8(run.stderr).unwrap();
        assert!(
            stderr.contains(&format!(
                "{} est un fichier, pas un dossier",
                file.display()
            )),
            "{stderr}"
        );
        assert!(!stderr.contains("os error"), "{stderr}");
    }
    assert_eq!(fs::read_to_string(&file).unwrap(), "a note");
}

/// Every map of the bundled data drawn as SVG into `out`, then every file's contents replaced
/// by "old <name>", as a previous committee's files.
fn previous_run(out: &Path) -> Vec<String> {
    actormap()
        .args(["render", "--all", "--out"])
        .arg(out)
        .assert()
        .code(0);
    let names = names(out);
    assert_eq!(names.len(), 18, "{names:?}");
    for name in &names {
        fs::write(out.join(name), format!("old {name}")).unwrap();
    }
    names
}

fn assert_untouched(out: &Path, names: &[String]) {
    for name in names {
        assert_eq!(
            fs::read_to_string(out.join(name)).unwrap(),
            format!("old {name}"),
            "{name} was changed by a run that failed"
        );
    }
    assert_eq!(temporaries(out), Vec::<String>::new());
}

#[test]
fn a_folder_in_the_way_of_the_fifth_file_changes_nothing() {
    let out = tempfile::tempdir().unwrap();
    let names = previous_run(out.path());
    // The 5th file written is dc5.svg (domains first, in order).
    fs::remove_file(out.path().join("dc5.svg")).unwrap();
    fs::create_dir(out.path().join("dc5.svg")).unwrap();
    let run = crate::actormap_en()
        .args(["render", "--all", "--out"])
        .arg(out.path())
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8(run.stderr).unwrap();
    assert!(
        stderr.contains(&format!(
            "cannot write {}: a folder of that name is in the way",
            out.path().join("dc5.svg").display()
        )),
        "{stderr}"
    );
    assert_eq!(
        String::from_utf8(run.stdout).unwrap(),
        "",
        "nothing said written"
    );
    let others: Vec<String> = names.into_iter().filter(|n| n != "dc5.svg").collect();
    assert_untouched(out.path(), &others);
    assert!(out.path().join("dc5.svg").is_dir());
}

/// The hooks of these tests exist only in debug builds of actormap.
#[cfg(debug_assertions)]
#[test]
fn a_rename_failing_midway_puts_every_old_file_back() {
    let out = tempfile::tempdir().unwrap();
    let before = previous_run(out.path());
    for n in ["1", "7", "12"] {
        let run = actormap()
            .args(["render", "--all", "--out"])
            .arg(out.path())
            .env("ACTORMAP_TEST_FAIL_RENAME", n)
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(2), "failing rename {n}");
        let stderr = String::from_utf8(run.stderr).unwrap();
        assert!(stderr.contains("injected failure"), "{stderr}");
        assert_untouched(out.path(), &before);
    }
    // In a fresh folder, a failure leaves it empty.
    let fresh = tempfile::tempdir().unwrap();
    actormap()
        .args(["render", "--all", "--out"])
        .arg(fresh.path())
        .env("ACTORMAP_TEST_FAIL_RENAME", "5")
        .assert()
        .code(2);
    assert_eq!(names(fresh.path()), Vec::<String>::new());
}

/// A build stopped by a signal once its files are staged: no temporary stays, no file is
/// half-replaced, and the exit code says it was interrupted.
#[cfg(all(unix, debug_assertions))]
#[test]
fn sigterm_and_sigint_remove_the_temporaries() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    for signal in ["TERM", "INT", "HUP"] {
        let out = tempfile::tempdir().unwrap();
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("actormap"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["render", "actors/calaisis", "--all", "--out"])
            .arg(out.path())
            .env("ACTORMAP_TEST_HOLD_STAGED", "60")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stderr.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(line, "staged 18\n");
        assert_eq!(temporaries(out.path()).len(), 18, "the files are staged");
        let killed = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(child.id().to_string())
            .status()
            .unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(130), "SIG{signal}: {status:?}");
        assert_eq!(names(out.path()), Vec::<String>::new(), "SIG{signal}");
    }
}

#[test]
fn stale_temporaries_of_ours_are_swept_and_fresh_ones_kept() {
    let out = tempfile::tempdir().unwrap();
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for name in [
        ".actormap-killed.tmp",
        ".actormap-busy.tmp",
        ".notes.tmp",
        "mine.tmp",
    ] {
        let file = fs::File::create(out.path().join(name)).unwrap();
        if name != ".actormap-busy.tmp" {
            file.set_modified(old).unwrap();
        }
    }
    actormap()
        .args(["render", "--domain", "DC3", "--out"])
        .arg(out.path())
        .assert()
        .code(0);
    assert_eq!(
        names(out.path()),
        [".actormap-busy.tmp", ".notes.tmp", "dc3.svg", "mine.tmp"]
    );
}

/// The width and height a PNG file declares.
pub fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    let be = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

#[test]
fn a_drawing_larger_than_the_cap_is_rasterized_within_it() {
    use actormap::layout::scene::Scene;
    use actormap::render::{self, Format};
    for ((w, h), expected) in [
        ((100_000.0, 50.0), (8000, 4)),
        ((60.0, 90_000.0), (5, 8000)),
    ] {
        let scene = Scene {
            width: w,
            height: h,
            title: "grand".into(),
            background: "#ffffff",
            items: Vec::new(),
        };
        let png = render::to_bytes(&scene, Format::Png).unwrap();
        assert_eq!(png_size(&png), expected, "{w} x {h}");
    }
}

#[test]
fn concurrent_runs_into_one_folder_each_write_whole_files() {
    let alone = tempfile::tempdir().unwrap();
    actormap()
        .args(["render", "--all", "--out"])
        .arg(alone.path())
        .assert()
        .code(0);
    let shared = tempfile::tempdir().unwrap();
    // An old run's files are there: every run replaces them.
    for name in names(alone.path()) {
        fs::write(shared.path().join(name), "old").unwrap();
    }
    let runs: Vec<std::process::Child> = (0..4)
        .map(|_| {
            std::process::Command::new(assert_cmd::cargo::cargo_bin("actormap"))
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .args(["render", "--all", "--out"])
                .arg(shared.path())
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for run in runs {
        assert_eq!(run.wait_with_output().unwrap().status.code(), Some(0));
    }
    assert_eq!(names(shared.path()), names(alone.path()));
    for name in names(alone.path()) {
        assert_eq!(
            fs::read(shared.path().join(&name)).unwrap(),
            fs::read(alone.path().join(&name)).unwrap(),
            "{name}"
        );
    }
}

/// With less memory than an 8000 x 8000 picture needs (a limit on the process's address
/// space), the PNG is refused with a message naming it, instead of an abort (exit 134,
/// "memory allocation of 256000000 bytes failed").
#[cfg(unix)]
#[test]
fn a_picture_the_memory_cannot_hold_is_exit_2_naming_it() {
    let out = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("actormap");
    let run = std::process::Command::new("sh")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("-c")
        .arg(r#"ulimit -v 200000 && exec "$0" render --lang en --matrix --format png --size 8000x8000 --out "$1""#)
        .arg(&bin)
        .arg(out.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "cannot write {}: cannot make a 8000 x 8000 picture: not enough memory",
            out.path().join("matrix.png").display()
        )),
        "{stderr}"
    );
    assert_eq!(names(out.path()), Vec::<String>::new());
}
