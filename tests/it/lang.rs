//! French by default, English on request: every command the catalog covers, run in French on
//! the bundled data and on each rule's fixture, says nothing in English and follows French
//! typography; `--lang` works on every command and wins over the territory's `"lang"`.
//!
//! Covered: `check`, `status`, `list` and `diff` in each of their formats (text, Markdown,
//! JSON, CSV, and the workbooks read back), `rules`, and the lines of `build`, `render` and
//! `export` about the files they write; on the bundled data, the progress fixture, every
//! rule's fixture and diffs with every kind of change. `watch` has its own French session in
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
    // Code between straight quotes (French text quotes with « »).
    let mut kept = String::new();
    for (i, part) in text.split('"').enumerate() {
        if i % 2 == 0 {
            kept.push_str(part);
        }
    }
    kept.split(' ')
        .filter(|token| {
            !(token.contains('/')
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
    // removed, findings appeared and resolved, progress, the bonus conditions.
    let pairs: [(&Path, &Path); 3] = [
        (&fixture("status"), status_next.path()),
        (status_next.path(), &fixture("status")),
        (&calaisis(), calaisis_next.path()),
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
        .stderr(predicate::str::contains("'de'"));
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
