//! French by default, English on request: every command the catalog covers, run in French on
//! the bundled data and on each rule's fixture, says nothing in English and follows French
//! typography; `--lang` works on every command and wins over the territory's `"lang"`.
//!
//! Covered: `check`, `status`, `list` and `diff` in each of their formats (text, Markdown,
//! JSON, CSV, and the workbooks read back), `rules`, and the lines of `build`, `render` and
//! `export` about the files they write, the usage errors of every command and the system's
//! refusals (a full disk, a folder that cannot be made); on the bundled data, the progress
//! fixture, every rule's fixture and diffs with every kind of change. `watch` has its own French session in
//! `watch.rs`.
//!
//! What is left out of the word check is not actormap's to translate: the user's own data
//! (every cell and JSON string of the territory's files), identifiers (rule ids, setting
//! names, code between straight quotes such as `"rules": {...}`), file names and paths.

use std::path::{Path, PathBuf};

use actormap::check::RULES;
use predicates::prelude::*;

use crate::{actormap, calaisis, fixture};

/// English words that have no place in a French output. Words that are French too ("on",
/// "or", "but", "file", "table", "programme", "date", "note", "info"...) are not listed.
const ENGLISH: &[&str] = &[
    "unchanged",
    "lead",
    "leads",
    "candidate",
    "candidates",
    "funder",
    "funders",
    "funding",
    "support",
    "target",
    "targets",
    "relay",
    "relays",
    "below",
    "met",
    "unknown",
    "objective",
    "objectives",
    "actor",
    "actors",
    "inhabitants",
    "warning",
    "warnings",
    "error",
    "errors",
    "infos",
    "line",
    "lines",
    "column",
    "expected",
    "missing",
    "hint",
    "finding",
    "findings",
    "nobody",
    "none",
    "has",
    "have",
    "the",
    "and",
    "of",
    "with",
    "without",
    "which",
    "when",
    "where",
    "what",
    "why",
    "example",
    "setting",
    "settings",
    "default",
    "rule",
    "rules",
    "severity",
    "domain",
    "domains",
    "body",
    "only",
    "one",
    "two",
    "through",
    "probably",
    "same",
    "name",
    "names",
    "row",
    "rows",
    "measurement",
    "start",
    "end",
    "before",
    "after",
    "is",
    "not",
    "it",
    "its",
    "their",
    "they",
    "than",
    "more",
    "every",
    "each",
    "to",
    "by",
    "at",
    "this",
    "that",
    "should",
    "yet",
    "track",
    "behind",
    "missed",
    "pace",
    "projected",
    "threshold",
    "year",
    "share",
    "value",
    "committee",
    "priority",
    "role",
    "roles",
    "partner",
    "partners",
    "engineering",
    "remove",
    "add",
    "give",
    "keep",
    "check",
    "no",
    // list, status, diff, watch and the files written.
    "wrote",
    "changes",
    "changed",
    "watching",
    "rebuilt",
    "rebuilding",
    "resolved",
    "appeared",
    "progress",
    "title",
    "added",
    "removed",
    "assigned",
    "contractual",
    "counted",
    "measured",
    "measurements",
    "undated",
    "standing",
    "headline",
    "related",
    "reached",
    "aid",
    "stake",
    "flat",
    "yes",
    "detail",
    "link",
    "links",
    "means",
    "difference",
    "unit",
    "stopped",
    "for",
    "from",
    "any",
    "today",
    "ended",
    "nothing",
    "inhabitant",
    "partner",
];

/// The user's own words in a territory: every cell of its CSV files below the header (split
/// at `;` `,` tab and `|`) and every string value of its JSON files, longest first.
pub(crate) fn user_data(territory: &Path) -> Vec<String> {
    let files: Vec<PathBuf> = if territory.is_dir() {
        std::fs::read_dir(territory)
            .expect("a territory folder")
            .map(|e| e.expect("an entry").path())
            .collect()
    } else {
        vec![territory.to_path_buf()]
    };
    let mut data: Vec<String> = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a UTF-8 file");
        if file.extension().is_some_and(|e| e == "json") {
            let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
            strings(&json, &mut data);
        } else {
            data.extend(
                text.lines()
                    .skip(1)
                    .flat_map(|line| line.split([';', ',', '\t', '|']))
                    .map(|cell| cell.trim().trim_matches('"').to_owned()),
            );
        }
    }
    data.retain(|d| d.chars().count() >= 2);
    data.sort_by_key(|d| std::cmp::Reverse(d.len()));
    data.dedup();
    data
}

fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => {
            out.extend(s.split(['|', ',']).map(|p| p.trim().to_owned()))
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

/// `text` with every whole-word occurrence of `word` replaced by a space.
fn without(text: &str, word: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(word) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + word.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        out.push_str(&rest[..at]);
        out.push_str(if boundary(before) && boundary(after) {
            " "
        } else {
            word
        });
        rest = &rest[at + word.len()..];
    }
    out.push_str(rest);
    out
}

/// `text` with `data` blanked out where a map drew it: wrapped over lines (a line break or a
/// no-break space where the data has a space) or cut short with "…" (at least 8 characters
/// of it, then the mark).
fn without_drawn(text: &str, data: &str) -> String {
    let plain = |c: char| if c.is_whitespace() { ' ' } else { c };
    let data: Vec<char> = data.chars().map(plain).collect();
    let mut chars: Vec<char> = text.chars().collect();
    let seen: Vec<char> = chars.iter().map(|&c| plain(c)).collect();
    let mut blank = vec![false; chars.len()];
    // Whole words only: "fait" is not blanked out of "forfaitaire".
    let edge = |at: Option<&char>| at.is_none_or(|c| !c.is_alphanumeric());
    if !data.is_empty() {
        for start in 0..seen.len() {
            let end = start + data.len();
            if seen[start..].starts_with(&data)
                && edge(start.checked_sub(1).and_then(|i| seen.get(i)))
                && edge(seen.get(end))
            {
                blank[start..end].fill(true);
            }
        }
    }
    for (end, &c) in chars.iter().enumerate() {
        if c != '…' {
            continue;
        }
        let longest = (8..=data.len()).rev().find(|&k| {
            let cut: Vec<char> = String::from_iter(&data[..k]).trim_end().chars().collect();
            end >= cut.len()
                && seen[end - cut.len()..end] == cut[..]
                && edge((end - cut.len()).checked_sub(1).and_then(|i| seen.get(i)))
        });
        if let Some(k) = longest {
            let kept = String::from_iter(&data[..k]).trim_end().chars().count();
            blank[end - kept..=end].fill(true);
        }
    }
    for (c, b) in chars.iter_mut().zip(&blank) {
        if *b && *c != '\n' {
            *c = ' ';
        }
    }
    chars.into_iter().collect()
}

/// What actormap itself wrote in `text`: the user's data, identifiers, code between straight
/// quotes, file names and paths taken out.
fn own_words(text: &str, data: &[String]) -> String {
    let mut text = text.to_owned();
    // The data first: a territory's name may hold a rule's id ("bonus-at-risk fires...").
    for d in data {
        text = without(&text, d);
        text = without_drawn(&text, d);
    }
    for rule in RULES {
        text = text.replace(rule.name, " ");
        for param in rule.params {
            text = without(&text, param.name);
        }
    }
    // Code between straight quotes or backquotes (French text quotes with « »).
    let mut kept = String::new();
    for (i, part) in text.split(['"', '`']).enumerate() {
        if i % 2 == 0 {
            kept.push_str(part);
        }
    }
    kept.split(' ')
        .filter(|token| {
            // Paths, file names and options (`--from`) are identifiers too.
            !(token.contains('/')
                || token.starts_with('-')
                || [".csv", ".json", ".xlsx", ".ods"]
                    .iter()
                    .any(|ext| token.contains(ext)))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The English words of `text`, each once, in order.
pub(crate) fn english_in(text: &str, data: &[String]) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for word in own_words(text, data).split(|c: char| !c.is_alphanumeric()) {
        let lower = word.to_lowercase();
        if ENGLISH.contains(&lower.as_str()) && !found.contains(&lower) {
            found.push(lower);
        }
    }
    found
}

/// The places where French typography wants a no-break space and has a plain one.
pub(crate) fn typography_problems(text: &str, data: &[String]) -> Vec<String> {
    let own = own_words(text, data);
    let chars: Vec<char> = own.chars().collect();
    let mut problems = Vec::new();
    for (i, pair) in chars.windows(2).enumerate() {
        let bad = match pair {
            [' ', c] => matches!(c, ':' | ';' | '?' | '!' | '%' | '€' | '»'),
            ['«', ' '] => true,
            _ => false,
        };
        if bad {
            let from = i.saturating_sub(30);
            let to = (i + 30).min(chars.len());
            problems.push(chars[from..to].iter().collect());
        }
    }
    problems
}

/// The JSON strings actormap wrote: `message` and `hint` of findings, `summary`, `why`,
/// `example` and `doc` of rules (keys and ids are identifiers).
fn json_texts(json: &str) -> String {
    fn walk(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, v) in map {
                    match (key.as_str(), v) {
                        (
                            "message" | "hint" | "summary" | "why" | "example" | "doc",
                            serde_json::Value::String(s),
                        ) => out.push(s.clone()),
                        _ => walk(v, out),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let value: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
    let mut out = Vec::new();
    walk(&value, &mut out);
    out.join("\n")
}

/// The territories the French outputs are checked on: the bundled data, the progress
/// fixture and every rule's fixture that fires, so every message and hint is seen.
fn territories() -> Vec<PathBuf> {
    let mut all = vec![calaisis(), fixture("status")];
    all.extend(
        RULES
            .iter()
            .map(|r| fixture("rules").join(format!("{}.fires.json", r.name))),
    );
    all
}

/// Every cell of every sheet of a workbook, a tab between cells and a line per row.
fn workbook_text(path: &Path) -> String {
    use calamine::{Data, Reader};
    let mut book = calamine::open_workbook_auto(path).expect("calamine opens the workbook");
    let mut text = String::new();
    for (_, range) in book.worksheets() {
        for row in range.rows() {
            let cells: Vec<String> = row
                .iter()
                .map(|cell| match cell {
                    Data::String(s) => s.clone(),
                    Data::Empty => String::new(),
                    Data::DateTime(d) => {
                        let (y, m, day, ..) = d.to_ymd_hms_milli();
                        format!("{y:04}-{m:02}-{day:02}")
                    }
                    other => other.to_string(),
                })
                .collect();
            text.push_str(&cells.join("\t"));
            text.push('\n');
        }
    }
    text
}

/// The cells of a CSV file, a tab between cells and a line per row: `;`-separated after a
/// BOM (French), `,`-separated without (English).
fn csv_text(csv: &str) -> String {
    let (body, delimiter) = match csv.strip_prefix('\u{feff}') {
        Some(body) => (body, b';'),
        None => (csv, b','),
    };
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| {
            r.expect("a CSV record")
                .iter()
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// One run of actormap: its arguments (the format last, and where the file goes for a
/// workbook), and the territories its output is about.
struct Run {
    args: Vec<String>,
    territories: Vec<PathBuf>,
}

impl Run {
    fn new(args: &[&str], territories: &[&Path]) -> Run {
        Run {
            args: args.iter().map(|a| (*a).to_owned()).collect(),
            territories: territories.iter().map(|t| t.to_path_buf()).collect(),
        }
    }

    fn about(territory: &Path, command: &str, format: &str) -> Run {
        let territory = territory.display().to_string();
        Run::new(
            &[command, &territory, "--format", format],
            &[Path::new(&territory)],
        )
    }
}

/// Every output of the commands the catalog covers, with `lang` added to each command:
/// (what was run, the text actormap wrote, the user's words of the territories it is
/// about). Workbooks are written into `dir` and read back; JSON gives its sentences only.
fn outputs(lang: &[&str], dir: &Path) -> Vec<(String, String, Vec<String>)> {
    let status_next = crate::status_next();
    let calaisis_next = crate::diff::calaisis_next_committee();
    let calaisis_moved = crate::diff::calaisis_with_actions_moved();
    let mut runs: Vec<Run> = Vec::new();
    for territory in territories() {
        for format in ["text", "markdown", "json", "csv", "xlsx"] {
            runs.push(Run::about(&territory, "check", format));
        }
        // The JSON of `status` holds ids and numbers only: nothing to translate.
        for format in ["text", "markdown", "csv", "xlsx"] {
            runs.push(Run::about(&territory, "status", format));
        }
        for format in ["text", "csv", "xlsx"] {
            runs.push(Run::about(&territory, "list", format));
        }
    }
    // Diffs that have every kind of change: actors, objectives, roles, leads assigned and
    // removed, findings appeared and resolved, progress, the bonus conditions; actions
    // added, removed, moved to another state or to other bearers, bodies and their seats.
    let pairs: [(&Path, &Path); 4] = [
        (&fixture("status"), status_next.path()),
        (status_next.path(), &fixture("status")),
        (&calaisis(), calaisis_next.path()),
        (&calaisis(), calaisis_moved.path()),
    ];
    let pairs: Vec<(PathBuf, PathBuf)> = pairs
        .iter()
        .map(|(a, b)| (a.to_path_buf(), b.to_path_buf()))
        .collect();
    for (old, new) in &pairs {
        for format in ["text", "markdown", "json", "csv", "xlsx"] {
            let (o, n) = (old.display().to_string(), new.display().to_string());
            runs.push(Run::new(
                &["diff", &o, &n, "--format", format],
                &[old.as_path(), new.as_path()],
            ));
        }
    }
    // The lines about the files written.
    let maps = dir.join("maps");
    let maps = maps.to_str().unwrap();
    let mermaid = dir.join("calaisis.mmd");
    let mermaid = mermaid.to_str().unwrap();
    let calaisis = calaisis();
    for args in [
        &["build", "--format", "svg", "--out", maps][..],
        &["render", "--domain", "DC3", "--out", maps],
        &["export", "--format", "mermaid", "--out", mermaid],
    ] {
        runs.push(Run::new(args, &[calaisis.as_path()]));
    }
    for format in ["text", "markdown", "json"] {
        runs.push(Run::new(&["rules", "--format", format], &[]));
    }

    let mut all = Vec::new();
    for (n, run) in runs.into_iter().enumerate() {
        let mut args = run.args.clone();
        let book = dir.join(format!("{n}.xlsx"));
        let xlsx = args.last().is_some_and(|a| a == "xlsx");
        if xlsx {
            args.extend(["--out".to_owned(), book.display().to_string()]);
        }
        let out = actormap().args(&args).args(lang).output().expect("runs");
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let stdout = String::from_utf8(out.stdout).expect("UTF-8");
        let text = if xlsx {
            // What it said, and what the workbook holds.
            format!("{stdout}\n{}", workbook_text(&book))
        } else if args.last().is_some_and(|a| a == "csv") {
            // The cells, read in the dialect of the language: a delimiter is no punctuation.
            csv_text(&stdout)
        } else if args.iter().any(|a| a == "json") {
            json_texts(&stdout)
        } else {
            stdout
        };
        all.push((run.args.join(" "), text, data_of(&run.territories)));
    }
    all
}

/// The user's words of several territories.
fn data_of(territories: &[PathBuf]) -> Vec<String> {
    let mut data: Vec<String> = territories.iter().flat_map(|t| user_data(t)).collect();
    data.sort_by_key(|d| std::cmp::Reverse(d.len()));
    data.dedup();
    data
}

#[test]
fn french_outputs_say_nothing_in_english_and_follow_french_typography() {
    let dir = tempfile::tempdir().unwrap();
    let mut problems = Vec::new();
    for (what, text, data) in outputs(&[], dir.path()) {
        let english = english_in(&text, &data);
        if !english.is_empty() {
            problems.push(format!("{what}: English words {english:?}"));
        }
        for place in typography_problems(&text, &data) {
            problems.push(format!("{what}: a plain space in {place:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_word_check_catches_english() {
    // The same outputs in English: the check above would fail on each of them.
    let dir = tempfile::tempdir().unwrap();
    for (what, text, data) in outputs(&["--lang", "en"], dir.path()) {
        // A diff's JSON gives its sentences only (the findings'): one without holds none.
        if text.trim().is_empty() {
            continue;
        }
        assert!(
            !english_in(&text, &data).is_empty(),
            "{what} --lang en: no English word found in\n{text}"
        );
    }
    // And it leaves the user's data alone, whatever its language.
    let data = vec!["Support Partners Ltd".to_owned()];
    assert!(
        english_in(
            "l'acteur « Support Partners Ltd » n'apparaît dans aucun lien",
            &data
        )
        .is_empty()
    );
    assert_eq!(
        english_in("actor « X » is in no link", &[]),
        ["actor", "is", "no", "link"]
    );
    assert_eq!(typography_problems("erreur : « X » à 60 %", &[]).len(), 4);
}

#[test]
fn lang_is_a_flag_of_every_command() {
    let old = calaisis();
    let dir = tempfile::tempdir().unwrap();
    for lang in ["fr", "en"] {
        let out = dir.path().join(lang);
        let out = out.to_str().unwrap();
        let runs: Vec<Vec<&str>> = vec![
            vec!["list"],
            vec!["check"],
            vec!["rules"],
            vec!["status"],
            vec!["diff", old.to_str().unwrap(), old.to_str().unwrap()],
            vec!["render", "--domain", "DC3", "--out", out],
            vec!["build", "--format", "svg", "--out", out],
            vec!["report", "--out", out],
            vec!["export", "--format", "mermaid"],
        ];
        for args in runs {
            // Before or after the command's own arguments.
            for with in [
                [&["--lang", lang][..], &args[..]].concat(),
                [&args[..], &["--lang", lang][..]].concat(),
            ] {
                let status = actormap().args(&with).output().unwrap().status;
                assert!(matches!(status.code(), Some(0 | 1)), "{with:?}: {status}");
            }
        }
    }
    // `build` prints the findings first, in the language asked for.
    let build = |lang: &[&str]| {
        let out = dir.path().join("build");
        let out = actormap()
            .args(["build", "--format", "svg", "--out"])
            .arg(&out)
            .args(lang)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(build(&[]).starts_with("erreur[missing-lead]\u{a0}: l'objectif"));
    assert!(build(&["--lang", "en"]).starts_with("error[missing-lead]: objective"));
    actormap()
        .args(["check", "--lang", "de"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("la valeur «\u{a0}de\u{a0}»"));
}

/// The Calaisis data with `territory.json` saying `"lang": LANG`, in a temporary folder.
fn calaisis_in(lang: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let tables = [
        "domains.csv",
        "objectives.csv",
        "actors.csv",
        "links.csv",
        "actions.csv",
        "bodies.csv",
    ];
    for name in tables {
        std::fs::copy(calaisis().join(name), dir.path().join(name)).unwrap();
    }
    std::fs::write(
        dir.path().join("territory.json"),
        format!("{{\n  \"name\": \"Calaisis\",\n  \"lang\": \"{lang}\",\n  \"perimeter\": [\"GCT&M\", \"CCRA\", \"CCPO\"]\n}}\n"),
    )
    .unwrap();
    dir
}

#[test]
fn the_territory_chooses_its_language_and_the_flag_wins() {
    let english = calaisis_in("en");
    let check = |extra: &[&str]| {
        let out = actormap()
            .arg("check")
            .arg(english.path())
            .args(extra)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(check(&[]).ends_with("9 errors, 2 warnings, 15 infos\n"));
    assert!(check(&["--lang", "fr"]).ends_with("9 erreurs, 2 avertissements, 15 informations\n"));

    // So do list, status and diff, and their tables.
    let said = |args: &[&std::ffi::OsStr]| {
        let out = actormap().args(args).output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let path = english.path().as_os_str();
    assert!(said(&["list".as_ref(), path]).contains("\n9 domains, 9 objectives,"));
    assert!(
        said(&["list".as_ref(), path, "--lang".as_ref(), "fr".as_ref()])
            .contains("\n9 domaines, 9 objectifs,")
    );
    assert!(said(&["status".as_ref(), path]).contains("\nyear-3 bonus conditions: unknown"));
    assert!(said(&["diff".as_ref(), path, path]).starts_with("changes in Calaisis\n"));
    assert!(
        said(&["status".as_ref(), path, "--format".as_ref(), "csv".as_ref()])
            .starts_with("Objective,")
    );

    // The maps follow it too.
    let out = tempfile::tempdir().unwrap();
    let render = |extra: &[&str]| {
        actormap()
            .arg("render")
            .arg(english.path())
            .args(["--domain", "DC1", "--out"])
            .arg(out.path())
            .args(extra)
            .assert()
            .success();
        std::fs::read_to_string(out.path().join("dc1.svg")).unwrap()
    };
    assert!(render(&[]).contains("Funders"));
    let french = render(&["--lang", "fr"]);
    assert!(french.contains("Financeurs") && !french.contains("Funders"));

    // A language's name works too; an unknown language is an error at its line.
    let french = calaisis_in("Français");
    actormap()
        .arg("check")
        .arg(french.path())
        .assert()
        .code(1)
        .stdout(predicate::str::ends_with(
            "9 erreurs, 2 avertissements, 15 informations\n",
        ));
    let german = calaisis_in("de");
    let shown = german.path().join("territory.json").display().to_string();
    actormap()
        .arg("check")
        .arg(german.path())
        .assert()
        .code(2)
        .stderr(format!(
            "erreur\u{a0}: {shown}:3\u{a0}: «\u{a0}lang\u{a0}»\u{a0}: il faut \"fr\" ou \"en\", et non «\u{a0}de\u{a0}»\n1 erreur dans les fichiers d'entrée, rien n'a été fait\n"
        ));
    // Said in English on request.
    actormap()
        .arg("check")
        .arg(german.path())
        .args(["--lang", "en"])
        .assert()
        .code(2)
        .stderr(format!(
            "error: {shown}:3: \"lang\": expected \"fr\" or \"en\", found \"de\"\n1 error in the input, nothing was done\n"
        ));
}

// The maps: every word a map shows comes from the catalog.

/// French words of the maps' own labels that have no place on an English map (matched as
/// whole words or phrases, the user's own data taken out first).
const FRENCH_LABELS: &[&str] = &[
    "chef de file",
    "chef(s) de file",
    "pressenti",
    "prescripteurs",
    "financeurs",
    "accompagnateurs",
    "partenaires-ressources",
    "cibles",
    "cible",
    "relais",
    "prioritaire",
    "prioritaires",
    "légende",
    "à désigner",
    "à identifier",
    "avec quels moyens",
    "ingénierie",
    "accompagnement",
    "financiers",
    "liens",
    "objectif",
    "objectifs",
    "acteur",
    "acteurs",
    "aucun",
    "renseigné",
    "membre de",
    "regroupe",
    "ses rôles",
    "vue d'ensemble",
    "qui fait quoi",
    "suite",
    "autres",
    "état d'avancement",
    "bonus année",
    "aide forfaitaire",
    "en jeu",
    "seuil",
    "atteint",
    "en retard",
    "en bonne voie",
    "non atteint",
    "valeur inconnue",
    "inconnu",
    "inconnue",
    "inconnues",
    "sans cible",
    "pas de cible",
    "avancement",
    "projection au",
    "projeté",
    "remplies",
    "conditions du bonus",
];

/// The texts a Scene JSON shows, as people read them: the slide's title, then each group's
/// text items on one line (a name or a title wrapped over several lines reads whole again),
/// no-break spaces as spaces and footnote marks left out. Ids and classes are not read.
fn scene_texts(json: &str) -> String {
    scene_items(json, " ").replace(['\u{a0}', '\u{202f}'], " ")
}

/// The text items of a Scene JSON as drawn, no-break spaces kept, `joiner` between the
/// items of a group and footnote marks left out.
fn scene_items(json: &str, joiner: &str) -> String {
    fn walk(items: &[serde_json::Value], lines: &mut Vec<String>, joiner: &str) {
        let mut here: Vec<&str> = Vec::new();
        for item in items {
            match item["kind"].as_str() {
                Some("text") => here.extend(item["text"].as_str()),
                Some("group") => {
                    if let Some(inner) = item["items"].as_array() {
                        walk(inner, lines, joiner);
                    }
                }
                _ => {}
            }
        }
        if !here.is_empty() {
            lines.push(here.join(joiner));
        }
    }
    let scene: serde_json::Value = serde_json::from_str(json).expect("a Scene JSON");
    let mut lines = vec![scene["title"].as_str().unwrap_or_default().to_owned()];
    walk(
        scene["items"].as_array().expect("items"),
        &mut lines,
        joiner,
    );
    lines
        .join("\n")
        .chars()
        .filter(|c| !"⁰¹²³⁴⁵⁶⁷⁸⁹".contains(*c))
        .collect()
}

/// The territories the maps are checked on, with actors whose own maps to draw (a body, a
/// group, a member of a group): the bundled data (lead gaps with candidates, role gaps,
/// notes, groups), the progress fixture (the status chart with projections) and the slides
/// fixture (a domain of several objectives, short names, a split candidate list).
fn map_territories() -> Vec<(PathBuf, Vec<&'static str>)> {
    vec![
        (calaisis(), vec!["ADEME", "Les 3 EPCI", "CCRA"]),
        (fixture("status"), vec!["SyMPaC"]),
        (fixture("slides"), vec!["ADEME", "cab"]),
    ]
}

/// Every map `render --all` draws for `territory` (and the maps of `actors`), as Scene JSON
/// with `lang` added: (file name, the texts it shows).
fn map_texts(territory: &Path, actors: &[&str], lang: &[&str]) -> Vec<(String, String, String)> {
    let out = tempfile::tempdir().unwrap();
    let mut cmd = actormap();
    cmd.arg("render").arg(territory).arg("--all");
    for a in actors {
        cmd.args(["--actor", a]);
    }
    let run = cmd
        .args(["--format", "scene", "--out"])
        .arg(out.path())
        .args(lang)
        .output()
        .expect("runs");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let mut files: Vec<PathBuf> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| {
            let name = f.file_name().unwrap().to_string_lossy().into_owned();
            let json = std::fs::read_to_string(f).unwrap();
            (name, scene_texts(&json), scene_items(&json, "\n"))
        })
        .collect()
}

/// The French labels of `text` once the user's data is taken out, each once, in order.
fn french_in(text: &str, data: &[String]) -> Vec<&'static str> {
    let own = format!(" {} ", own_words(text, data).to_lowercase());
    FRENCH_LABELS
        .iter()
        .copied()
        .filter(|label| without(&own, label) != own)
        .collect()
}

#[test]
fn every_map_in_french_says_nothing_in_english_and_keeps_french_typography() {
    let mut problems = Vec::new();
    let mut kinds = std::collections::BTreeSet::new();
    for (territory, actors) in map_territories() {
        let data = user_data(&territory);
        let maps = map_texts(&territory, &actors, &[]);
        for (file, text, items) in &maps {
            kinds.insert(file.split(['-', '.']).next().unwrap_or_default().to_owned());
            let english = english_in(text, &data);
            if !english.is_empty() {
                problems.push(format!("{file}: English words {english:?}"));
            }
            for place in typography_problems(items, &data) {
                problems.push(format!("{file}: a plain space in {place:?}"));
            }
        }
        // The check can fail: the same maps in English are caught.
        let english: Vec<String> = map_texts(&territory, &actors, &["--lang", "en"])
            .iter()
            .flat_map(|(_, text, _)| english_in(text, &data))
            .collect();
        assert!(
            english.len() > 10,
            "{}: the English maps show {english:?}",
            territory.display()
        );
    }
    // Every kind of map was read: domains, objectives, actors, overview, matrix, status.
    for kind in ["dc1", "objective", "actor", "overview", "matrix", "status"] {
        assert!(kinds.contains(kind), "no {kind} map among {kinds:?}");
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_map_in_english_shows_no_french_label() {
    let mut problems = Vec::new();
    for (territory, actors) in map_territories() {
        let data = user_data(&territory);
        for (file, text, _) in map_texts(&territory, &actors, &["--lang", "en"]) {
            let french = french_in(&text, &data);
            if !french.is_empty() {
                problems.push(format!("{file}: French labels {french:?}"));
            }
        }
        // The check can fail: the French maps are full of them.
        let french: Vec<&str> = map_texts(&territory, &actors, &[])
            .iter()
            .flat_map(|(_, text, _)| french_in(text, &data))
            .collect();
        assert!(
            french.len() > 10,
            "{}: the French maps show {french:?}",
            territory.display()
        );
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The dossier of each map territory (and of the progress fixture's next committee, with
/// what changed since) in `lang`: (page title, its texts, its items, its speaker notes).
#[cfg(feature = "pdf")]
fn dossier_texts(lang: actormap::model::Lang) -> Vec<(String, String, String, Vec<String>)> {
    let load = |p: &Path| actormap::load::load(p).expect("the territory loads");
    let next = crate::status_next();
    let old = load(&fixture("status"));
    let mut decks = Vec::new();
    for (territory, _) in map_territories() {
        decks.push(actormap::dossier::make(&load(&territory), None, None, lang).unwrap());
    }
    decks.push(actormap::dossier::make(&load(next.path()), Some(&old), None, lang).unwrap());
    decks
        .iter()
        .flat_map(|deck| crate::dossier::scenes(deck).into_iter().zip(&deck.pages))
        .map(|(scene, page)| {
            let json = scene.to_json();
            (
                page.title.clone(),
                scene_texts(&json),
                scene_items(&json, "\n"),
                page.notes.clone(),
            )
        })
        .collect()
}

#[cfg(feature = "pdf")]
#[test]
fn the_dossier_in_french_says_nothing_in_english_and_in_english_no_french_label() {
    use actormap::model::Lang;
    let next = crate::status_next();
    let mut paths = territories();
    paths.extend(map_territories().into_iter().map(|(t, _)| t));
    paths.push(next.path().to_path_buf());
    let data = data_of(&paths);
    let mut problems = Vec::new();
    let french = dossier_texts(Lang::Fr);
    let titles: Vec<&str> = french.iter().map(|(t, ..)| t.as_str()).collect();
    for expected in [
        "Les objectifs contractuels",
        "Décisions à prendre",
        "Points d'attention",
    ] {
        assert!(
            titles.contains(&expected),
            "{expected} not among {titles:?}"
        );
    }
    assert!(
        titles
            .iter()
            .any(|t| t.starts_with("Ce qui a changé depuis le dernier COPIL")),
        "no changes page among {titles:?}"
    );
    for (title, text, items, notes) in &french {
        let notes = notes.join("\n");
        let english = english_in(&format!("{text}\n{notes}"), &data);
        if !english.is_empty() {
            problems.push(format!("{title}: English words {english:?}"));
        }
        for place in typography_problems(&format!("{items}\n{notes}"), &data) {
            problems.push(format!("{title}: a plain space in {place:?}"));
        }
    }
    let english = dossier_texts(Lang::En);
    // The check can fail: the English pages are caught.
    let caught: Vec<String> = english
        .iter()
        .flat_map(|(_, text, _, notes)| english_in(&format!("{text}\n{}", notes.join("\n")), &data))
        .collect();
    assert!(caught.len() > 10, "the English dossier shows {caught:?}");
    for (title, text, _, _) in english {
        let french = french_in(&text, &data);
        if !french.is_empty() {
            problems.push(format!("{title} (English): French labels {french:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A small valid territory, in French files.
const DOMAINES: &str = "id;nom\nDC1;Bâtiment\nDC3;Économie circulaire\n";
const OBJECTIFS: &str = "id;domaine;intitulé;cible\nrenovation;DC1;Rénovations;1 500\nregal;DC3;Mise en œuvre d'un REGAL;1\n";
const ACTEURS: &str = "id;nom;alias\n;SEVADEC;\nepci;Les 3 EPCI;EPCIs\n";
const LIENS: &str = "acteur;objectif;rôle\nLes 3 EPCI;renovation;chef de file\nSEVADEC;regal;chef de file pressenti\n";

/// One broken input: its files (the small territory above, some replaced or added), the
/// user's data its messages quote, and what the message says in French and in English.
struct Broken {
    what: &'static str,
    files: Vec<(&'static str, Vec<u8>)>,
    data: &'static [&'static str],
    french: &'static str,
    english: &'static str,
}

fn broken(
    what: &'static str,
    replaced: &[(&'static str, &[u8])],
    data: &'static [&'static str],
    french: &'static str,
    english: &'static str,
) -> Broken {
    let mut files: Vec<(&'static str, Vec<u8>)> = [
        ("domaines.csv", DOMAINES),
        ("objectifs.csv", OBJECTIFS),
        ("acteurs.csv", ACTEURS),
        ("liens.csv", LIENS),
    ]
    .iter()
    .map(|(n, c)| (*n, c.as_bytes().to_vec()))
    .collect();
    for (name, contents) in replaced {
        files.retain(|(n, _)| n != name);
        files.push((name, contents.to_vec()));
    }
    Broken {
        what,
        files,
        data,
        french,
        english,
    }
}

/// Every kind of load error a user meets, with what it says in each language.
fn broken_inputs() -> Vec<Broken> {
    vec![
        broken(
            "unknown actor",
            &[(
                "liens.csv",
                b"acteur;objectif;r\xc3\xb4le\nLes 3 EPC;renovation;chef de file\n",
            )],
            &["Les 3 EPC", "Les 3 EPCI"],
            "liens.csv:2\u{a0}: colonne «\u{a0}acteur\u{a0}»\u{a0}: acteur inconnu «\u{a0}Les 3 EPC\u{a0}» (vouliez-vous dire «\u{a0}Les 3 EPCI\u{a0}»\u{a0}?)",
            "liens.csv:2: column \"acteur\": unknown actor \"Les 3 EPC\" (did you mean \"Les 3 EPCI\"?)",
        ),
        broken(
            "unclosed quote",
            &[(
                "liens.csv",
                b"acteur;objectif;r\xc3\xb4le;note\nSEVADEC;regal;chef de file;\"Quid ?\n",
            )],
            &[],
            "liens.csv:2\u{a0}: colonne «\u{a0}note\u{a0}»\u{a0}: guillemet ouvert ici et jamais fermé",
            "liens.csv:2: column \"note\": quote opened here is never closed",
        ),
        broken(
            "bad number",
            &[(
                "objectifs.csv",
                "id;domaine;intitulé;cible\nrenovation;DC1;Rénovations;15OO\n".as_bytes(),
            )],
            &["15OO"],
            "objectifs.csv:2\u{a0}: colonne «\u{a0}cible\u{a0}»\u{a0}: «\u{a0}15OO\u{a0}» n'est pas un nombre",
            "objectifs.csv:2: column \"cible\": \"15OO\" is not a number (expected e.g. 1500, 1 500 or 1500,5)",
        ),
        broken(
            "bad date",
            &[(
                "avancement.csv",
                b"date;objectif;valeur\n31/13/2023;renovation;300\n",
            )],
            &["31/13/2023"],
            "avancement.csv:2\u{a0}: colonne «\u{a0}date\u{a0}»\u{a0}: «\u{a0}31/13/2023\u{a0}» n'est pas une date (attendu\u{a0}: 31/12/2023 ou 2023-12-31)",
            "avancement.csv:2: column \"date\": \"31/13/2023\" is not a date (expected 2023-12-31 or 31/12/2023)",
        ),
        broken(
            "missing column",
            &[(
                "objectifs.csv",
                "id;domaine;cible\nrenovation;DC1;1 500\n".as_bytes(),
            )],
            &[],
            "objectifs.csv:1\u{a0}: colonne «\u{a0}titre\u{a0}» manquante dans la table «\u{a0}objectifs\u{a0}» (noms acceptés aussi\u{a0}: \"title\", \"titre\"",
            "objectifs.csv:1: missing column \"titre\" in the objectives table (also accepted: title, titre,",
        ),
        broken(
            "duplicate name",
            &[(
                "acteurs.csv",
                b"id;nom\n;SEVADEC\n;Sevadec\nepci;Les 3 EPCI\n",
            )],
            &["SEVADEC", "Sevadec"],
            "acteurs.csv:3\u{a0}: colonne «\u{a0}nom\u{a0}»\u{a0}: «\u{a0}Sevadec\u{a0}» est le même nom que «\u{a0}SEVADEC\u{a0}» (",
            "acteurs.csv:3: column \"nom\": \"Sevadec\" is the same name as \"SEVADEC\" (",
        ),
        broken(
            "bad byte",
            &[(
                "acteurs.csv",
                b"id;nom\n;SEVADEC\nepci;Les 3 EPCI\nx;Caf\xe9 d\xc3\xa9bat\n",
            )],
            &["Caf"],
            "acteurs.csv:4\u{a0}: encodage illisible\u{a0}: l'octet 0xE9 après «\u{a0}x;Caf\u{a0}» n'est pas de l'UTF-8",
            "acteurs.csv:4: unreadable encoding: byte 0xE9 after \"x;Caf\" is not UTF-8",
        ),
        broken(
            "JSON syntax",
            &[(
                "territoire.json",
                b"{\n  \"nom\": \"Calaisis\",\n  \"population\": 114 000\n}\n",
            )],
            &["Calaisis"],
            "territoire.json:3\u{a0}: JSON invalide (colonne 17)\u{a0}: les nombres s'écrivent sans espace dans territoire.json\u{a0}: 114000, et non 114 000",
            "territoire.json:3: invalid JSON (column 17): numbers are written without spaces in territoire.json: 114000, not 114 000",
        ),
    ]
}

/// What `check` prints on standard error for a broken territory, the folder's path cut off.
fn load_errors(case: &Broken, lang: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    for (name, contents) in &case.files {
        std::fs::write(dir.path().join(name), contents).unwrap();
    }
    let out = actormap()
        .arg("check")
        .arg(dir.path())
        .args(lang)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}: {out:?}", case.what);
    let prefix = format!("{}/", dir.path().display());
    String::from_utf8(out.stderr).unwrap().replace(&prefix, "")
}

#[test]
fn load_errors_are_french_by_default_and_english_on_request() {
    let mut problems = Vec::new();
    for case in broken_inputs() {
        let data: Vec<String> = case.data.iter().map(|d| (*d).to_owned()).collect();
        let french = load_errors(&case, &[]);
        if !french.contains(case.french) {
            problems.push(format!(
                "{}: expected {:?} in\n{french}",
                case.what, case.french
            ));
        }
        let english = english_in(&french, &data);
        if !english.is_empty() {
            problems.push(format!(
                "{}: English words {english:?} in\n{french}",
                case.what
            ));
        }
        for place in typography_problems(&french, &data) {
            problems.push(format!("{}: a plain space in {place:?}", case.what));
        }
        // English on request: the sentences English users have always read.
        let english = load_errors(&case, &["--lang", "en"]);
        if !english.contains(case.english) {
            problems.push(format!(
                "{}: expected {:?} in\n{english}",
                case.what, case.english
            ));
        }
        if english_in(&english, &data).is_empty() {
            problems.push(format!("{}: no English word in\n{english}", case.what));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn the_last_line_of_a_failed_load_and_its_notes_are_in_the_users_language() {
    let case = broken(
        "title row and unknown actor",
        &[(
            "liens.csv",
            "Liens du Calaisis\nacteur;objectif;rôle\nInconnu;renovation;chef de file\n".as_bytes(),
        )],
        &[],
        "",
        "",
    );
    let french = load_errors(&case, &[]);
    assert!(
        french.starts_with("note\u{a0}: liens.csv:2\u{a0}: l'en-tête est à la ligne 2\u{a0}; la ligne 1 au-dessus («\u{a0}Liens du Calaisis\u{a0}») est ignorée, comme un titre\n"),
        "{french}"
    );
    assert!(french.contains("\nerreur\u{a0}: liens.csv:3\u{a0}: colonne «\u{a0}acteur\u{a0}»\u{a0}: acteur inconnu «\u{a0}Inconnu\u{a0}»\n"), "{french}");
    assert!(
        french.ends_with("\n1 erreur dans les fichiers d'entrée, rien n'a été fait\n"),
        "{french}"
    );
    let english = load_errors(&case, &["--lang", "en"]);
    assert!(
        english.starts_with("note: liens.csv:2: the header is line 2; line 1 above it (\"Liens du Calaisis\") skipped as a title\n"),
        "{english}"
    );
    assert!(
        english.ends_with("\n1 error in the input, nothing was done\n"),
        "{english}"
    );
}

#[test]
fn load_errors_follow_the_territorys_language_when_its_settings_could_be_read() {
    // "lang": "en" in territoire.json: English without the flag, French with --lang fr.
    let settings: &[u8] = b"{\"nom\": \"Calaisis\", \"lang\": \"en\"}\n";
    let case = broken(
        "English territory",
        &[
            ("territoire.json", settings),
            (
                "liens.csv",
                "acteur;objectif;rôle\nInconnu;renovation;chef de file\n".as_bytes(),
            ),
        ],
        &[],
        "",
        "",
    );
    assert!(load_errors(&case, &[]).contains(": unknown actor \"Inconnu\""));
    assert!(load_errors(&case, &["--lang", "fr"]).contains("acteur inconnu «\u{a0}Inconnu\u{a0}»"));
    // Settings that cannot be read say nothing of a language: French.
    let unreadable = broken(
        "unreadable settings",
        &[("territoire.json", b"{\"lang\": \"en\",}\n")],
        &[],
        "",
        "",
    );
    let said = load_errors(&unreadable, &[]);
    assert!(said.contains("JSON invalide"), "{said}");
}

/// A command line asking for what cannot be done, run once in French (the default) and once
/// with `--lang en`: its arguments, the identifiers its message quotes (flag values, command
/// names), and what it says in each language.
struct Misused {
    args: Vec<String>,
    data: Vec<String>,
    french: &'static str,
    english: &'static str,
}

fn misused(args: &[&str], data: &[&str], french: &'static str, english: &'static str) -> Misused {
    Misused {
        args: args.iter().map(|a| (*a).to_owned()).collect(),
        data: data.iter().map(|d| (*d).to_owned()).collect(),
        french,
        english,
    }
}

#[test]
fn usage_errors_and_the_systems_refusals_are_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "x").unwrap();
    let file = file.display().to_string();
    let territory = calaisis().display().to_string();
    let commands = [
        "list",
        "check",
        "rules",
        "status",
        "diff",
        "render",
        "build",
        "report",
        "dossier",
        "watch",
        "export",
        "init",
        "schema",
        "completions",
        "man",
    ];
    let mut cases = vec![
        misused(
            &["check", &territory, "--allow", "missing-led"],
            &["missing-led"],
            "aucune règle «\u{a0}missing-led\u{a0}» dans --allow (vouliez-vous dire «\u{a0}missing-lead\u{a0}»\u{a0}?)",
            "unknown rule \"missing-led\" in --allow (did you mean \"missing-lead\"?)",
        ),
        misused(
            &["check", &territory, "--warn", "warnings"],
            &["warnings"],
            "ne va qu'avec --deny",
            "goes with --deny only",
        ),
        misused(
            &["man", "lst"],
            &["lst"],
            "aucune commande «\u{a0}lst\u{a0}»\u{a0}; vouliez-vous dire «\u{a0}list\u{a0}»\u{a0}?",
            "no command \"lst\"; did you mean \"list\"?",
        ),
        misused(
            &["man", "zzzzzz"],
            &commands,
            "commandes connues\u{a0}: list, check",
            "known: list, check",
        ),
        misused(
            &["build", &territory, "--out", &file],
            &[],
            "est un fichier, pas un dossier",
            "is a file, not a folder",
        ),
        misused(
            &["check", &territory, "--format", "xlsx", "--out", "-"],
            &[],
            "un classeur ne s'écrit pas sur la sortie standard",
            "a workbook is not written to standard output",
        ),
        misused(
            &["watch", &territory, "--out", &territory],
            &[],
            "est le dossier du territoire",
            "is the folder of the territory",
        ),
        misused(
            &["watch", &territory, "--size", "grand"],
            &["grand"],
            "n'est pas une taille",
            "is not a size",
        ),
    ];
    // A folder no one may create: the system's refusal said in French, not "Permission
    // denied (os error 13)" (sysfs refuses new folders, to root as well).
    if Path::new("/sys/kernel").is_dir() {
        cases.push(misused(
            &["build", &territory, "--out", "/sys/actormap-test"],
            &[],
            "impossible d'écrire /sys/actormap-test\u{a0}: ",
            "cannot write /sys/actormap-test: ",
        ));
    }
    let mut problems = Vec::new();
    for case in &cases {
        for (lang, expected) in [
            (&[][..], case.french),
            (&["--lang", "en"][..], case.english),
        ] {
            let out = actormap().args(&case.args).args(lang).output().unwrap();
            let said = String::from_utf8_lossy(&out.stderr).into_owned();
            if out.status.code() != Some(2) || !said.contains(expected) {
                problems.push(format!(
                    "{:?} {lang:?}: exit {:?}, expected {expected:?} in\n{said}",
                    case.args,
                    out.status.code()
                ));
            }
            let english = english_in(&said, &case.data);
            if lang.is_empty() {
                if !english.is_empty() {
                    problems.push(format!(
                        "{:?}: English words {english:?} in\n{said}",
                        case.args
                    ));
                }
                for place in typography_problems(&said, &case.data) {
                    problems.push(format!("{:?}: a plain space in {place:?}", case.args));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// Standard output on a full disk: the failure is said in French, and the run fails (2).
#[test]
fn a_full_disk_is_said_in_french() {
    if !Path::new("/dev/full").exists() {
        eprintln!("SKIPPED: no /dev/full on this system");
        return;
    }
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_actormap"))
        .arg("list")
        .arg(calaisis())
        .stdout(full)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{said}");
    assert!(
        said.contains("échec d'entrée-sortie\u{a0}: disque plein"),
        "{said}"
    );
    assert!(english_in(&said, &[]).is_empty(), "{said}");
}

/// Every command, option and value of an option says its help in French: none is left
/// with its English doc comment (a new flag needs its words in `src/i18n/fr/help.rs`).
#[test]
fn every_command_and_option_has_its_help_in_french() {
    use actormap::i18n::Lang;
    fn walk(
        french: &clap::Command,
        english: &clap::Command,
        path: &str,
        missing: &mut Vec<String>,
    ) {
        let text = |s: Option<&clap::builder::StyledStr>| s.map(ToString::to_string);
        if text(french.get_about()) == text(english.get_about()) {
            missing.push(format!("command {path:?}"));
        }
        for arg in french.get_arguments().filter(|a| !a.is_hide_set()) {
            let id = arg.get_id().as_str();
            let theirs = english.get_arguments().find(|a| a.get_id() == id);
            let same = theirs.is_none_or(|e| text(e.get_help()) == text(arg.get_help()));
            if same {
                missing.push(format!("{path} --{id}"));
            }
        }
        for sub in french.get_subcommands() {
            let theirs = english.find_subcommand(sub.get_name()).unwrap();
            walk(sub, theirs, &format!("{path} {}", sub.get_name()), missing);
        }
    }
    let french = actormap::help::command(Lang::Fr);
    let mut english = actormap::help::command(Lang::En);
    english.build();
    let mut missing = Vec::new();
    walk(&french, &english, "actormap", &mut missing);
    assert!(missing.is_empty(), "no French help for: {missing:#?}");
}

/// `--help` of every command reads in French by default and in English with `--lang en`.
#[test]
fn the_help_of_every_command_is_in_french() {
    let cli = actormap::help::command(actormap::i18n::Lang::Fr);
    let mut runs: Vec<Vec<String>> = vec![vec!["--help".into()], vec!["-h".into()]];
    for sub in cli.get_subcommands().filter(|s| s.get_name() != "help") {
        runs.push(vec![sub.get_name().into(), "--help".into()]);
        runs.push(vec![sub.get_name().into(), "-h".into()]);
    }
    // What help quotes that is not prose: command names, option values, file names.
    let mut data: Vec<String> = cli
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    data.extend(
        [
            "text", "json", "markdown", "csv", "xlsx", "svg", "png", "scene",
        ]
        .map(String::from),
    );
    let mut problems = Vec::new();
    for args in &runs {
        let out = actormap().args(args).output().unwrap();
        let said = String::from_utf8_lossy(&out.stdout).into_owned();
        if out.status.code() != Some(0) || !said.contains("Utilisation\u{a0}:") {
            problems.push(format!("{args:?}: exit {:?}\n{said}", out.status.code()));
        }
        let english = english_in(&said, &data);
        if !english.is_empty() {
            problems.push(format!("{args:?}: English words {english:?} in\n{said}"));
        }
        for place in typography_problems(&said, &data) {
            problems.push(format!("{args:?}: a plain space in {place:?}"));
        }
        let out = actormap()
            .args(args)
            .args(["--lang", "en"])
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stdout).into_owned();
        if !said.contains("Usage:") {
            problems.push(format!("{args:?} --lang en: not the English help\n{said}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// A mistake on the command line (a typo in a command, an option or a value, a date that is
/// not one, a missing argument) is said in French, with the usage and where to get help;
/// in English with `--lang en`, as clap says it.
#[test]
fn command_line_mistakes_are_said_in_french() {
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["chek"],
            "commande inconnue «\u{a0}chek\u{a0}»\u{a0}; vouliez-vous dire «\u{a0}check\u{a0}»\u{a0}?",
            "unrecognized subcommand 'chek'",
        ),
        (
            &["check", "--formt", "json"],
            "option inconnue «\u{a0}--formt\u{a0}»\u{a0}; vouliez-vous dire «\u{a0}--format\u{a0}»\u{a0}?",
            "unexpected argument '--formt'",
        ),
        (
            &["check", "--format", "jsn"],
            "--format ne prend pas la valeur «\u{a0}jsn\u{a0}» (valeurs possibles\u{a0}: text, json, markdown, csv, xlsx)",
            "invalid value 'jsn'",
        ),
        (
            &["status", "--at", "31/02/2023"],
            "--at «\u{a0}31/02/2023\u{a0}»\u{a0}: «\u{a0}31/02/2023\u{a0}» n'est pas une date",
            "is not a date",
        ),
        (
            &["diff"],
            "il manque «\u{a0}<ANCIEN>\u{a0}», «\u{a0}<NOUVEAU>\u{a0}»",
            "the following required arguments were not provided",
        ),
        (
            &["render", "--overview", "--overview"],
            "--overview est donné plusieurs fois",
            "cannot be used multiple times",
        ),
    ];
    let cli = actormap::help::command(actormap::i18n::Lang::Fr);
    let mut data: Vec<String> = cli
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    data.extend(["text", "json", "markdown", "csv", "xlsx"].map(String::from));
    let mut problems = Vec::new();
    for (args, french, english) in cases {
        let out = actormap().args(*args).output().unwrap();
        let said = String::from_utf8_lossy(&out.stderr).into_owned();
        // Where clap knows the command's usage, it is shown with where to get help.
        let usage =
            !said.contains("Utilisation") || said.contains("Pour en savoir plus\u{a0}: actormap");
        if out.status.code() != Some(2) || !said.contains(french) || !usage {
            problems.push(format!(
                "{args:?}: exit {:?}, expected {french:?} in\n{said}",
                out.status.code()
            ));
        }
        let found = english_in(&said, &data);
        if !found.is_empty() {
            problems.push(format!("{args:?}: English words {found:?} in\n{said}"));
        }
        for place in typography_problems(&said, &[]) {
            problems.push(format!("{args:?}: a plain space in {place:?}"));
        }
        let out = actormap()
            .args(*args)
            .args(["--lang", "en"])
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stderr).into_owned();
        if out.status.code() != Some(2) || !said.contains(english) {
            problems.push(format!(
                "{args:?} --lang en: expected {english:?} in\n{said}"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}
