//! `actormap watch`: the binary is started on a copy of a territory, its files are saved as an
//! editor saves them, and what it prints and writes is read back. Every wait polls the lines
//! it prints, with a deadline, so a watch that hangs fails the test instead of CI.
#![cfg(unix)]

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use crate::{calaisis, fixture};

/// How long any one step may take: a debug build of the Calaisis maps takes about 1.5 s
/// alone, several times that on a machine busy with other tests.
const DEADLINE: Duration = Duration::from_secs(90);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stream {
    Out,
    Err,
}

/// What a line awaited must be.
type Condition<'a> = dyn Fn(&str) -> bool + 'a;

/// A running `actormap watch`, its output read line by line as it comes.
struct Watch {
    child: Child,
    lines: Receiver<(Stream, String)>,
    /// Everything read so far, for the messages of failed assertions.
    seen: Vec<(Stream, String)>,
}

impl Watch {
    /// `actormap watch --lang en ARGS`: most sessions are checked in English, the one of
    /// `a_french_session_speaks_french` in French.
    fn start(args: &[&std::ffi::OsStr], env: &[(&str, &str)]) -> Watch {
        Watch::start_in(&["--lang", "en"], args, env)
    }

    fn start_in(lang: &[&str], args: &[&std::ffi::OsStr], env: &[(&str, &str)]) -> Watch {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("actormap"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .arg("watch")
            .args(lang)
            .args(args)
            .envs(env.iter().copied())
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("actormap watch starts");
        let (send, lines) = mpsc::channel();
        for (stream, pipe) in [
            (
                Stream::Out,
                Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
            ),
            (Stream::Err, Box::new(child.stderr.take().unwrap())),
        ] {
            let send = send.clone();
            std::thread::spawn(move || {
                for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                    if send.send((stream, line)).is_err() {
                        break;
                    }
                }
            });
        }
        Watch {
            child,
            lines,
            seen: Vec::new(),
        }
    }

    /// The lines printed until one of `stream` for which `done` holds (included).
    fn until(&mut self, stream: Stream, done: impl Fn(&str) -> bool) -> Vec<(Stream, String)> {
        self.until_each(&[(stream, &done)])
    }

    /// The lines printed until each condition held for a line of its stream. Standard output
    /// and standard error are read apart: their lines may come in any order.
    fn until_each(&mut self, conditions: &[(Stream, &Condition<'_>)]) -> Vec<(Stream, String)> {
        let start = Instant::now();
        let mut got: Vec<(Stream, String)> = Vec::new();
        while !conditions
            .iter()
            .all(|(stream, done)| got.iter().any(|(s, l)| s == stream && done(l)))
        {
            let left = DEADLINE.saturating_sub(start.elapsed());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    got.push(line);
                }
                Err(e) => panic!(
                    "no such line within {DEADLINE:?} ({e}); seen:\n{}",
                    self.log()
                ),
            }
        }
        got
    }

    /// The last line read from standard output. Standard output and standard error are
    /// read apart: a line of standard error printed before it may be read after it.
    fn last_out(&self) -> Option<&str> {
        self.seen
            .iter()
            .rev()
            .find(|(stream, _)| *stream == Stream::Out)
            .map(|(_, line)| line.as_str())
    }

    fn log(&self) -> String {
        self.seen
            .iter()
            .map(|(s, l)| format!("{s:?}: {l}"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn signal(&self, signal: &str) {
        let killed = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(self.child.id().to_string())
            .status()
            .unwrap();
        assert!(killed.success());
    }

    /// How the process ended, waiting at most `DEADLINE`; the rest of its output is read.
    fn exit(&mut self) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                while let Ok(line) = self.lines.recv_timeout(Duration::from_secs(5)) {
                    self.seen.push(line);
                }
                return status;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "still running after {DEADLINE:?}; seen:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        // A failed test never leaves a watcher behind.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn stdout(lines: &[(Stream, String)]) -> Vec<&str> {
    lines
        .iter()
        .filter(|(s, _)| *s == Stream::Out)
        .map(|(_, l)| l.as_str())
        .collect()
}

fn stderr(lines: &[(Stream, String)]) -> String {
    lines
        .iter()
        .filter(|(s, _)| *s == Stream::Err)
        .map(|(_, l)| format!("{l}\n"))
        .collect()
}

/// The files of a folder and their bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        // The stamps hold this machine's file times: taken again when a file settles.
        .filter(|e| e.file_name() != ".actormap-stamps.json")
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// Save a file as editors do: written whole under another name, then moved onto it.
fn save(path: &Path, contents: &str) {
    let temp = path.with_file_name("lu4821.tmp");
    fs::write(&temp, contents).unwrap();
    fs::rename(&temp, path).unwrap();
}

/// A copy of the Calaisis folder, in a fresh temporary folder.
fn calaisis_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("calaisis");
    fs::create_dir(&copy).unwrap();
    for entry in fs::read_dir(calaisis()).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), copy.join(entry.file_name())).unwrap();
    }
    (dir, copy)
}

const REGAL_NO_LEAD: &str = "error[missing-lead]: objective regal \"Mise en œuvre d'un REseau de Lutte contre le Gaspillage ALimentaire (REGAL)\" has no lead; candidates: SEVADEC, SyMPaC, Les 3 EPCI";

/// The whole session of an officer: the first build, a save that gives REGAL its lead, a
/// save that breaks the links table, the fix, then Ctrl-C. The output folder is inside the
/// territory's folder, beside the files editors leave while working.
#[test]
fn rebuilds_at_each_save_survives_a_broken_file_and_stops_on_ctrl_c() {
    let (_dir, territory) = calaisis_copy();
    let output = territory.join("output");
    let links = territory.join("links.csv");
    let original = fs::read_to_string(&links).unwrap();
    let mut watch = Watch::start(
        &[territory.as_os_str(), "--out".as_ref(), output.as_os_str()],
        &[],
    );

    // The first build prints what `build` prints, then that it watches.
    let first = watch.until(Stream::Out, |l| l.starts_with("watching "));
    let printed = stdout(&first);
    assert!(printed.contains(&REGAL_NO_LEAD), "{printed:#?}");
    let dc3 = format!("wrote {}", output.join("dc3.png").display());
    assert!(printed.contains(&dc3.as_str()), "{printed:#?}");
    assert_eq!(
        printed.last().unwrap(),
        &format!(
            "watching {} for changes (Ctrl-C to stop)",
            territory.display()
        )
    );
    let built = files(&output);
    assert!(built.contains_key("dc3.svg") && built.contains_key("dc3.png"));

    // What editors write beside the tables, and anything in the output folder, is no save.
    // (An owner file named after the territory's own workbook, `~$territoire.xlsx`, would
    // not be a save either, but the loader then takes it for a second workbook.)
    for name in [
        "~$budget.xlsx",
        ".~lock.links.csv#",
        ".links.csv.swp",
        "links.csv~",
    ] {
        fs::write(territory.join(name), "x").unwrap();
    }
    fs::write(output.join("notes.csv"), "x").unwrap();
    // Longer than the quiet time: these would be a rebuild of their own.
    std::thread::sleep(Duration::from_millis(1500));
    fs::remove_file(output.join("notes.csv")).unwrap();

    // REGAL gets SEVADEC as its lead.
    save(
        &links,
        &original.replace(
            "SEVADEC;regal;chef de file pressenti;",
            "SEVADEC;regal;chef de file;",
        ),
    );
    let rebuild = watch.until(Stream::Out, |l| l.starts_with("rebuilt: "));
    let printed = stdout(&rebuild);
    assert_eq!(
        printed[..2],
        ["", "links.csv changed: rebuilding"],
        "{printed:#?}"
    );
    assert!(
        printed.contains(&format!("  resolved: {REGAL_NO_LEAD}").as_str()),
        "{printed:#?}"
    );
    assert!(
        !printed.iter().any(|l| l.contains("appeared:")),
        "{printed:#?}"
    );
    // The files listed are exactly those whose bytes changed, the manifest of the folder
    // aside (it is not a file for the user): the REGAL map among them.
    let rebuilt = files(&output);
    let changed: Vec<String> = rebuilt
        .iter()
        .filter(|(name, bytes)| !name.starts_with(".actormap") && built.get(*name) != Some(bytes))
        .map(|(name, _)| format!("  wrote {}", output.join(name).display()))
        .collect();
    let listed: Vec<&str> = printed
        .iter()
        .copied()
        .filter(|l| l.starts_with("  wrote "))
        .collect();
    assert_eq!(listed, changed);
    assert!(
        listed.contains(&format!("  wrote {}", output.join("dc3.png").display()).as_str()),
        "{listed:#?}"
    );
    assert!(
        !listed.iter().any(|l| l.ends_with("dc1.png")),
        "{listed:#?}"
    );
    assert_eq!(
        printed.last().unwrap(),
        &format!(
            "rebuilt: 1 finding resolved, 0 appeared, {} files changed",
            changed.len()
        )
    );
    assert!(stderr(&rebuild).is_empty(), "{}", stderr(&rebuild));

    // A broken save: every error is printed, the maps stay as they were.
    save(
        &links,
        "actor;objective;role\nADEME;regal;financeur\nADEME;regal;chef de flie\nXX;regal;financeur\n",
    );
    let broken = watch.until_each(&[
        (Stream::Out, &|l| l.starts_with("not rebuilt")),
        (Stream::Err, &|l| {
            l.ends_with("in the input, nothing was done")
        }),
    ]);
    assert_eq!(
        stdout(&broken).last().unwrap(),
        &"not rebuilt: the maps of the last good build stay as they are; waiting for the next save"
    );
    let errors = stderr(&broken);
    for expected in [
        format!(
            "error: {}:3: column \"role\": unknown role \"chef de flie\"",
            links.display()
        ),
        format!(
            "error: {}:4: column \"actor\": unknown actor \"XX\"",
            links.display()
        ),
        "2 errors in the input, nothing was done".to_owned(),
    ] {
        assert!(errors.contains(&expected), "{expected}\nnot in:\n{errors}");
    }
    assert!(
        files(&output) == rebuilt,
        "a failed build changed the output folder"
    );

    // The fix: back to the committee's table. Compared with the last good build, the
    // finding is back, and the maps are those of the first build, byte for byte.
    save(&links, &original);
    let fixed = watch.until(Stream::Out, |l| l.starts_with("rebuilt: "));
    let printed = stdout(&fixed);
    assert!(
        printed.contains(&format!("  appeared: {REGAL_NO_LEAD}").as_str()),
        "{printed:#?}"
    );
    assert!(
        files(&output) == built,
        "the maps differ from the first build's"
    );

    // Ctrl-C: exit 0, nothing left behind.
    watch.signal("INT");
    let status = watch.exit();
    assert_eq!(status.code(), Some(0), "{status:?}\n{}", watch.log());
    assert_eq!(
        watch.last_out(),
        Some(format!("stopped watching {}", territory.display()).as_str()),
        "{}",
        watch.log()
    );
    assert!(files(&output) == built);
}

/// The same session in French, the default: every line watch prints says nothing in
/// English and follows French typography (the word check of `lang.rs`).
#[test]
fn a_french_session_speaks_french() {
    let (_dir, territory) = calaisis_copy();
    let output = territory.join("output");
    let links = territory.join("links.csv");
    let original = fs::read_to_string(&links).unwrap();
    let mut watch = Watch::start_in(
        &[],
        &[territory.as_os_str(), "--out".as_ref(), output.as_os_str()],
        &[],
    );
    let first = watch.until(Stream::Out, |l| l.starts_with("surveillance de "));
    let printed = stdout(&first);
    let dc3 = format!("écrit\u{a0}: {}", output.join("dc3.png").display());
    assert!(printed.contains(&dc3.as_str()), "{printed:#?}");
    assert_eq!(
        printed.last().unwrap(),
        &format!(
            "surveillance de {}\u{a0}: chaque enregistrement relance la construction (Ctrl-C pour arrêter)",
            territory.display()
        )
    );

    save(
        &links,
        &original.replace(
            "SEVADEC;regal;chef de file pressenti;",
            "SEVADEC;regal;chef de file;",
        ),
    );
    let rebuild = watch.until(Stream::Out, |l| l.starts_with("reconstruit"));
    let printed = stdout(&rebuild);
    assert_eq!(
        printed[..2],
        ["", "links.csv modifié\u{a0}: reconstruction"],
        "{printed:#?}"
    );
    assert!(
        printed.iter().any(|l| l.starts_with(
            "  résolu\u{a0}: erreur[missing-lead]\u{a0}: l'objectif regal «\u{a0}Mise en œuvre"
        )),
        "{printed:#?}"
    );
    assert!(
        printed.contains(&format!("  {dc3}").as_str()),
        "{printed:#?}"
    );
    let last = printed.last().unwrap();
    assert!(
        last.starts_with("reconstruit\u{a0}: 1 constat résolu, 0 apparu, ")
            && last.ends_with(" fichiers modifiés"),
        "{last}"
    );

    save(&links, "actor;objective;role\nADEME;regal;chef de flie\n");
    let broken = watch.until(Stream::Out, |l| l.starts_with("non reconstruit"));
    assert_eq!(
        stdout(&broken).last().unwrap(),
        &"non reconstruit\u{a0}: les cartes de la dernière construction réussie restent en place\u{a0}; en attente du prochain enregistrement"
    );

    watch.signal("INT");
    let status = watch.exit();
    assert_eq!(status.code(), Some(0), "{status:?}\n{}", watch.log());
    assert_eq!(
        watch.last_out(),
        Some(format!("fin de la surveillance de {}", territory.display()).as_str()),
        "{}",
        watch.log()
    );

    // Nothing of what watch itself printed is English; the findings are French too.
    let data = crate::lang::user_data(&calaisis());
    let said: String = watch
        .seen
        .iter()
        .filter(|(s, _)| *s == Stream::Out)
        .map(|(_, l)| format!("{l}\n"))
        .collect();
    assert_eq!(crate::lang::english_in(&said, &data), Vec::<String>::new());
    assert_eq!(
        crate::lang::typography_problems(&said, &data),
        Vec::<String>::new()
    );
}

/// A signal while a rebuild is writing waits for its files to be in place (they agree with
/// `outdir`: no temporary, no half-replaced folder), then watching stops with exit 0.
#[cfg(debug_assertions)]
#[test]
fn a_signal_during_a_write_lets_the_files_land_then_exits_0() {
    for signal in ["INT", "TERM"] {
        let (_dir, territory) = calaisis_copy();
        let output = _dir.path().join("maps");
        let mut watch = Watch::start(
            &[
                territory.as_os_str(),
                "--format".as_ref(),
                "svg".as_ref(),
                "--out".as_ref(),
                output.as_os_str(),
            ],
            &[("ACTORMAP_TEST_HOLD_STAGED", "2")],
        );
        let staged = watch.until(Stream::Err, |l| l.starts_with("staged "));
        let count: usize = staged.last().unwrap().1["staged ".len()..].parse().unwrap();
        watch.signal(signal);
        let status = watch.exit();
        assert_eq!(
            status.code(),
            Some(0),
            "SIG{signal}: {status:?}\n{}",
            watch.log()
        );
        let written = files(&output);
        assert_eq!(written.len(), count, "SIG{signal}: {:?}", written.keys());
        assert!(
            written.keys().all(|n| n.ends_with(".svg")
                || n == "index.html"
                || n == ".actormap-manifest.json"
                || n.starts_with("dossier-copil.")),
            "SIG{signal}: {:?}",
            written.keys()
        );
        let out = watch.log();
        assert!(out.contains("Out: stopped watching"), "SIG{signal}:\n{out}");
    }
}

/// A territory that does not load at the start is reported; the first good save draws it,
/// printing what `build` prints.
#[test]
fn a_broken_territory_is_built_at_its_first_good_save() {
    let (_dir, territory) = calaisis_copy();
    let output = _dir.path().join("maps");
    let links = territory.join("links.csv");
    let original = fs::read_to_string(&links).unwrap();
    fs::write(&links, "actor;objective;role\nADEME;regal;chef de flie\n").unwrap();
    let mut watch = Watch::start(
        &[
            territory.as_os_str(),
            "--format".as_ref(),
            "svg".as_ref(),
            "--out".as_ref(),
            output.as_os_str(),
        ],
        &[],
    );
    let start = watch.until_each(&[
        (Stream::Out, &|l| l.starts_with("watching ")),
        (Stream::Err, &|l| {
            l.ends_with("in the input, nothing was done")
        }),
    ]);
    assert_eq!(
        stdout(&start),
        [
            "not built; waiting for the next save".to_owned(),
            format!(
                "watching {} for changes (Ctrl-C to stop)",
                territory.display()
            )
        ]
    );
    assert!(stderr(&start).contains("unknown role \"chef de flie\""));
    assert!(!output.exists(), "nothing is written");

    save(&links, &original);
    let built = watch.until(Stream::Out, |l| {
        l.starts_with("wrote ") && l.ends_with("status.svg")
    });
    let printed = stdout(&built);
    assert_eq!(
        printed[..2],
        ["", "links.csv changed: rebuilding"],
        "{printed:#?}"
    );
    assert!(printed.contains(&REGAL_NO_LEAD), "{printed:#?}");
    assert!(output.join("dc3.svg").is_file());
}

/// A territory given as one JSON file: that file is watched, saved by rename.
#[test]
fn a_json_territory_is_rebuilt_when_saved() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("regal.json");
    let fires = fs::read_to_string(fixture("rules/missing-lead.fires.json")).unwrap();
    fs::write(&json, &fires).unwrap();
    let output = dir.path().join("output");
    let mut watch = Watch::start(
        &[
            json.as_os_str(),
            "--format".as_ref(),
            "svg".as_ref(),
            "--out".as_ref(),
            output.as_os_str(),
        ],
        &[],
    );
    watch.until(Stream::Out, |l| l.starts_with("watching "));
    // Another file of the folder is not the territory.
    fs::write(dir.path().join("other.json"), "{}").unwrap();
    save(
        &json,
        &fires.replace(
            r#""SEVADEC", "objective": "regal", "role": "chef de file pressenti""#,
            r#""SEVADEC", "objective": "regal", "role": "chef de file""#,
        ),
    );
    let rebuild = watch.until(Stream::Out, |l| l.starts_with("rebuilt: "));
    let printed = stdout(&rebuild);
    assert_eq!(
        printed[..2],
        ["", "regal.json changed: rebuilding"],
        "{printed:#?}"
    );
    assert!(
        printed
            .iter()
            .any(|l| l.starts_with("  resolved: error[missing-lead]: objective regal")),
        "{printed:#?}"
    );
}

/// The folder watched goes away: watching stops with an error, not forever.
#[test]
fn a_removed_territory_ends_the_watch_with_exit_2() {
    let (dir, territory) = calaisis_copy();
    let output = dir.path().join("maps");
    let mut watch = Watch::start(
        &[
            territory.as_os_str(),
            "--format".as_ref(),
            "svg".as_ref(),
            "--out".as_ref(),
            output.as_os_str(),
        ],
        &[],
    );
    watch.until(Stream::Out, |l| l.starts_with("watching "));
    fs::remove_dir_all(&territory).unwrap();
    let status = watch.exit();
    assert_eq!(status.code(), Some(2), "{status:?}");
    assert!(
        watch.log().contains(&format!(
            "Err: error: {} was moved or removed; stopped watching it",
            territory.display()
        )),
        "{}",
        watch.log()
    );
}

#[test]
fn an_output_folder_that_is_the_territory_is_a_usage_error() {
    let (_dir, territory) = calaisis_copy();
    crate::actormap()
        .arg("watch")
        .arg(&territory)
        .arg("--out")
        .arg(&territory)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "est le dossier du territoire\u{a0}: les cartes écrites là seraient prises pour des modifications",
        ));
}
