//! `actormap report` (and `build`): one self-contained HTML page, index.html.

use std::fs;
use std::path::Path;

use actormap::check;
use actormap::i18n::Lang;
use actormap::layout::{self, Options};
use actormap::maps::{self, MapKind};
use actormap::render::svg::escape;

use crate::{actormap, calaisis};

/// `actormap report TERRITORY --out DIR` with `args`, its exit code and standard output.
fn report(territory: &Path, dir: &Path, args: &[&str]) -> (i32, String) {
    let out = actormap()
        .arg("report")
        .arg(territory)
        .arg("--out")
        .arg(dir)
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.stderr.is_empty() || out.status.code() == Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
    )
}

fn page(dir: &Path) -> String {
    fs::read_to_string(dir.join("index.html")).expect("index.html written")
}

/// The inline SVG pictures of a page, each parsed as XML (they must be well-formed).
pub fn svgs(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<svg ") {
        let end = rest[start..].find("</svg>").expect("an svg is closed") + start + 6;
        let svg = &rest[start..end];
        roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{e}: {svg}"));
        out.push(svg.to_owned());
        rest = &rest[end..];
    }
    out
}

/// Every slide the page must show: the status chart, each domain's map and page (its
/// actions), the matrix.
fn slides(lang: Lang) -> usize {
    let t = actormap::load::load(&calaisis()).unwrap();
    let findings = check::run(&t).unwrap();
    let opts = Options {
        size: layout::Size::default(),
        lang,
        gaps: layout::Gaps::from_findings(&findings),
        list: None,
    };
    // The governance chart and the links graph too (the Calaisis has bodies and links).
    let mut kinds = vec![
        MapKind::Status { at: None },
        MapKind::Matrix,
        MapKind::Governance,
        MapKind::Links,
    ];
    for d in t.domains() {
        kinds.push(MapKind::Domain(d.id.clone()));
        if layout::page::has_page(&t, d) {
            kinds.push(MapKind::Page(d.id.clone()));
        }
    }
    assert!(kinds.iter().any(|k| matches!(k, MapKind::Page(_))));
    kinds.iter().map(|k| maps::scenes(&t, k, &opts).len()).sum()
}

#[test]
fn the_page_holds_every_part_and_fetches_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout) = report(&calaisis(), dir.path(), &[]);
    // REGAL and the COT ENR have no lead: an error, as with `check`; the page is written.
    assert_eq!(code, 1);
    assert_eq!(
        stdout,
        format!("écrit\u{a0}: {}\n", dir.path().join("index.html").display())
    );
    let html = page(dir.path());
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    // Self-contained: no stylesheet, script, image or font from anywhere else.
    for outside in [
        "<link", "src=\"", "src='", "url(http", "@import", "<img", "<iframe",
    ] {
        assert!(!html.contains(outside), "{outside}");
    }
    for url in html.match_indices("http").map(|(i, _)| &html[i..i + 30]) {
        assert!(url.starts_with("http://www.w3.org/2000/svg"), "{url}");
    }
    // The programme and its money, as `status` says them.
    for line in [
        "Pays du Calaisis, COT TRI (du 01/01/2021 au 31/12/2023)",
        "aide forfaitaire (années 1 et 2)\u{a0}: 270\u{a0}000\u{a0}€",
        "total en jeu\u{a0}: 422\u{a0}371\u{a0}€",
    ] {
        assert!(
            html.contains(&format!("<li>{line}</li>")) || html.contains(line),
            "{line}"
        );
    }
    // Every finding of `check`, with its hint.
    let check = actormap()
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let findings: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    let findings = findings.as_array().unwrap();
    assert!(!findings.is_empty());
    for f in findings {
        let message = escape(f["message"].as_str().unwrap());
        assert!(html.contains(&message), "{message}");
        if let Some(hint) = f["hint"].as_str() {
            assert!(html.contains(&escape(hint)), "{hint}");
        }
    }
    // Each domain's section and map, the status chart and the matrix: one picture a slide.
    let t = actormap::load::load(&calaisis()).unwrap();
    for d in t.domains() {
        let heading = format!("{} – {}</h3>", escape(&d.id), escape(&d.name));
        assert!(html.contains(&heading), "{heading}");
    }
    let pictures = svgs(&html);
    assert_eq!(pictures.len(), slides(Lang::Fr));
    assert_eq!(html.matches("data-map=\"status\"").count(), 1);
    // Each says what it shows to a screen reader, and no two define the same id.
    let mut ids = std::collections::BTreeSet::new();
    for svg in &pictures {
        let doc = roxmltree::Document::parse(svg).unwrap();
        let title = doc.root_element().first_element_child().unwrap();
        assert_eq!(title.tag_name().name(), "title", "{svg}");
        assert!(!title.text().unwrap_or("").trim().is_empty());
        for node in doc.descendants().filter_map(|n| n.attribute("id")) {
            assert!(ids.insert(node.to_owned()), "id {node} twice in the page");
        }
    }
    // An objective's row: its target, its lead (none for REGAL), where it stands, its means.
    let regal = &html[html.find("<span class=\"id\">regal</span>").unwrap()..];
    let row = &regal[..regal.find("</tr>").unwrap()];
    assert!(row.contains("<td>1 REGAL</td>"), "{row}");
    assert!(row.contains("<span class=\"gap\">aucun</span>"), "{row}");
    assert!(row.contains("<td>inconnue</td>"), "{row}");
    assert!(
        row.contains("<td class=\"standing unknown\">valeur inconnue</td>"),
        "{row}"
    );
    assert!(row.contains("<b>Ingénierie</b>\u{a0}: "), "{row}");
    assert!(row.contains(">SEVADEC</button>"), "{row}");
    // Every actor, with its roles.
    for a in t.actors() {
        let entry = format!(
            "<li class=\"actor-entry\" data-actor=\"{}\" data-name=\"{}\"",
            escape(&a.id),
            escape(&a.name)
        );
        assert!(html.contains(&entry), "{entry}");
    }
}

#[test]
fn the_page_speaks_english_with_lang_en() {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout) = report(&calaisis(), dir.path(), &["--lang", "en"]);
    assert_eq!(code, 1);
    assert!(stdout.starts_with("wrote "), "{stdout}");
    let html = page(dir.path());
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    for words in [
        ">Findings</h2>",
        ">Programme and funding</h2>",
        "total at stake: €422,371",
        "<span class=\"gap\">none</span>",
    ] {
        assert!(html.contains(words), "{words}");
    }
    // (The hints name the French words of the links table: "chef de file" stays there.)
    for french in [
        ">Constats<",
        ">Chef de file<",
        "total en jeu",
        ">aucun<",
        "Rôle",
    ] {
        assert!(!html.contains(french), "{french}");
    }
    assert_eq!(svgs(&html).len(), slides(Lang::En));
}

#[test]
fn the_same_territory_gives_the_same_bytes() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    report(&calaisis(), a.path(), &[]);
    report(&calaisis(), b.path(), &[]);
    assert!(page(a.path()) == page(b.path()), "two runs, two pages");
    let (_, stdout) = report(&calaisis(), a.path(), &[]);
    assert!(stdout.starts_with("inchangé\u{a0}: "), "{stdout}");
}

#[test]
fn at_gives_the_progress_as_of_a_date() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = crate::fixture("status");
    report(&fixture, dir.path(), &["--at", "2022-06-30"]);
    let html = page(dir.path());
    assert!(html.contains("au 30/06/2022"), "the as-of line");
    let all = tempfile::tempdir().unwrap();
    report(&fixture, all.path(), &[]);
    assert!(page(all.path()).contains("au 31/12/2022"));
}

#[test]
fn build_writes_the_same_page_with_the_maps() {
    let (built, reported) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let out = actormap()
        .args(["build", "--format", "svg", "--out"])
        .arg(built.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let line = format!("écrit\u{a0}: {}", built.path().join("index.html").display());
    assert!(stdout.lines().any(|l| l == line), "{stdout}");
    report(&calaisis(), reported.path(), &[]);
    assert!(page(built.path()) == page(reported.path()));
    // Nothing changed: the page is not written again.
    let again = actormap()
        .args(["build", "--format", "svg", "--out"])
        .arg(built.path())
        .output()
        .unwrap();
    let line = format!(
        "inchangé\u{a0}: {}",
        built.path().join("index.html").display()
    );
    assert!(
        String::from_utf8(again.stdout)
            .unwrap()
            .lines()
            .any(|l| l == line),
        "unchanged"
    );
}

#[test]
fn out_naming_a_file_is_a_usage_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("index.html");
    fs::write(&file, "mine").unwrap();
    let (code, _) = report(&calaisis(), &file, &[]);
    assert_eq!(code, 2);
    assert_eq!(fs::read_to_string(&file).unwrap(), "mine");
}

/// The Chromium of this machine: chromium, chromium-browser or google-chrome.
fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|cmd| {
            std::process::Command::new(cmd)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

/// CI sets this (`.ci/run`): there, a missing Chromium fails the test instead of skipping it.
const BROWSER_REQUIRED: &str = "ACTORMAP_REQUIRE_BROWSER";

/// Chromium, or `None` after saying loudly that the browser test is skipped.
fn browser_or_skip(test: &str) -> Option<&'static str> {
    let found = chromium();
    if found.is_none() {
        assert!(
            std::env::var_os(BROWSER_REQUIRED).is_none(),
            "{test}: no Chromium (chromium, chromium-browser, google-chrome) and \
             {BROWSER_REQUIRED} is set"
        );
        // Straight to the terminal: the harness would swallow `eprintln!` of a passing test.
        let _ = std::io::Write::write_all(
            &mut std::io::stderr(),
            format!(
                "\n*** SKIPPED: no Chromium, {test} did not run \
                 (apt-get install -y --no-install-recommends chromium) ***\n\n"
            )
            .as_bytes(),
        );
    }
    found
}

/// Chromium headless on `url` with `args`, its profile in `dir` (so tests run side by side),
/// stopped if it takes more than two minutes; its standard output.
fn headless(browser: &str, dir: &Path, args: &[String], url: &str) -> String {
    let mut child = std::process::Command::new(browser)
        .args([
            "--headless",
            "--disable-gpu",
            "--no-sandbox",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .args(args)
        .arg(url)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut text).map(|_| text)
    });
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium took more than two minutes on {url}");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    reader.join().unwrap().expect("chromium's output")
}

fn file_url(path: &Path, query: &str) -> String {
    format!("file://{}{query}", path.canonicalize().unwrap().display())
}

/// What the page's self-test said: `ok`, or the failures it listed.
fn selftest(browser: &str, dir: &Path) -> String {
    let dom = headless(
        browser,
        dir,
        &["--dump-dom".to_owned()],
        &file_url(&dir.join("index.html"), "?selftest"),
    );
    let body = &dom[dom.find("<body").expect("a body in the DOM")..];
    let body = &body[..body.find('>').unwrap()];
    let verdict = body
        .split("data-selftest=\"")
        .nth(1)
        .and_then(|v| v.split('"').next())
        .unwrap_or("absent: the script did not run");
    if verdict == "ok" {
        return dom;
    }
    let failures = dom
        .split("<pre id=\"selftest\">")
        .nth(1)
        .and_then(|p| p.split("</pre>").next())
        .unwrap_or("");
    panic!("self-test {verdict}:\n{failures}");
}

#[test]
fn in_chromium_a_clicked_actor_is_highlighted_in_every_map_and_listed_in_the_panel() {
    let Some(browser) = browser_or_skip("the report's browser test") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    report(&calaisis(), dir.path(), &[]);
    // Click, highlight, panel, keyboard, search and filter, checked by the page itself.
    selftest(browser, dir.path());
    // And seen: DC3 alone, SEVADEC chosen; its boxes are drawn in the highlight colour.
    let shot = dir.path().join("report.png");
    headless(
        browser,
        dir.path(),
        &[
            format!("--screenshot={}", shot.display()),
            "--window-size=1600,1000".to_owned(),
        ],
        &file_url(&dir.path().join("index.html"), "?domain=DC3&actor=sevadec"),
    );
    let decoder = png::Decoder::new(std::io::BufReader::new(fs::File::open(&shot).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut pixels).unwrap();
    assert_eq!((info.width, info.height), (1600, 1000));
    let step = info.line_size / info.width as usize;
    let highlighted = pixels
        .chunks(step)
        .filter(|p| p[0] == 0xc0 && p[1] == 0x00 && p[2] == 0x7a)
        .count();
    assert!(
        highlighted > 500,
        "{highlighted} pixels of the highlight colour #c0007a in the screenshot"
    );
    // Printed: A4 landscape pages, each map on a page of its own (so at least one a map).
    let pdf = dir.path().join("report.pdf");
    headless(
        browser,
        dir.path(),
        &[
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".to_owned(),
        ],
        &file_url(&dir.path().join("index.html"), ""),
    );
    let bytes = fs::read(&pdf).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let boxes: Vec<&str> = text
        .match_indices("/MediaBox [")
        .map(|(i, _)| &text[i + 11..i + 11 + text[i + 11..].find(']').unwrap()])
        .collect();
    let maps = svgs(&page(dir.path())).len();
    assert!(boxes.len() > maps, "{} pages for {maps} maps", boxes.len());
    for b in boxes {
        let n: Vec<f64> = b.split_whitespace().map(|v| v.parse().unwrap()).collect();
        assert!(
            (n[2] - 842.0).abs() < 1.0 && (n[3] - 595.0).abs() < 1.0,
            "not A4 landscape: {b}"
        );
    }
}

/// A name with markup, quotes and the end of a script, as a spreadsheet can hold.
const HOSTILE: &str = "Fondation <Lys> & \"Co\" </script><script>alert(1)</script>";

/// A small territory whose lead is `HOSTILE`, also named in an alias and a domain.
fn hostile() -> tempfile::TempDir {
    let quoted = HOSTILE.replace('"', "\"\"");
    crate::territory(&[
        (
            "domains.csv",
            format!("id;name\nDC1;\"Domaine {quoted}\"\n").as_bytes(),
        ),
        (
            "objectives.csv",
            format!("id;domain;title;target;unit\nobj1;DC1;\"Objectif {quoted}\";10;km\n")
                .as_bytes(),
        ),
        (
            "actors.csv",
            format!("id;name;aliases\nlys;\"{quoted}\";\"<b>Lys</b>\"\nautre;Autre;\n").as_bytes(),
        ),
        (
            "links.csv",
            "actor;objective;role;means\nlys;obj1;chef de file;ingénierie\nautre;obj1;financeur;\n"
                .as_bytes(),
        ),
    ])
}

#[test]
fn every_user_string_is_escaped_in_the_page_and_its_pictures() {
    let territory = hostile();
    let dir = tempfile::tempdir().unwrap();
    let (code, _) = report(territory.path(), dir.path(), &[]);
    assert!(matches!(code, 0 | 1), "{code}");
    let html = page(dir.path());
    for raw in ["<Lys>", "<b>Lys</b>", "alert(1)</script>", "<script>alert"] {
        assert!(!html.contains(raw), "{raw} written as is");
    }
    // One script, ours: the data never opens or closes one.
    assert_eq!(html.matches("<script").count(), 1);
    assert_eq!(html.matches("</script>").count(), 1);
    let shown = escape(HOSTILE);
    assert!(html.contains(&format!(
        "<h3 id=\"domaine-1-titre\">DC1 – Domaine {shown}</h3>"
    )));
    assert!(
        html.contains(&format!(">{shown}</button>")),
        "the lead's button"
    );
    assert!(
        html.contains(&format!("data-name=\"{shown}\"")),
        "the entry's name"
    );
    // In the inline pictures, the name is text of the SVG, whole once read back.
    let drawn: Vec<String> = svgs(&html)
        .iter()
        .map(|svg| {
            let doc = roxmltree::Document::parse(svg).unwrap();
            doc.descendants()
                .filter(|n| n.is_text())
                .filter_map(|n| n.text())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    assert!(
        drawn
            .iter()
            .any(|t| t.contains("<Lys>") && t.contains("\"Co\"")),
        "{drawn:?}"
    );
    assert!(html.contains("data-actor=\"lys\" data-role=\"lead\""));
}

#[test]
fn in_chromium_a_hostile_name_shows_as_text_and_the_page_still_works() {
    let Some(browser) = browser_or_skip("the report's browser test (escaping)") else {
        return;
    };
    let territory = hostile();
    let dir = tempfile::tempdir().unwrap();
    report(territory.path(), dir.path(), &[]);
    let dom = selftest(browser, dir.path());
    // No element came out of the data: `<Lys>` and the script stayed text.
    let lower = dom.to_lowercase();
    assert!(!lower.contains("<lys"), "an element <lys> in the DOM");
    assert_eq!(
        lower.matches("<script").count(),
        1,
        "a script came from the data"
    );
    assert!(
        dom.contains("Fondation &lt;Lys&gt; &amp; \"Co\""),
        "the name as text"
    );
}

/// The text a reader sees around the pictures (the maps' own words are checked in
/// `lang.rs`): tags, the style, the script and the SVGs taken out, entities read.
fn visible_text(html: &str) -> String {
    let mut text = String::new();
    let mut rest = html;
    let mut without_svg = String::new();
    while let Some(a) = rest.find("<svg ") {
        without_svg.push_str(&rest[..a]);
        rest = &rest[a + rest[a..].find("</svg>").unwrap() + 6..];
    }
    without_svg.push_str(rest);
    let mut rest = without_svg.as_str();
    for (open, close) in [("<style>", "</style>"), ("<script>", "</script>")] {
        let (a, b) = (rest.find(open).unwrap(), rest.find(close).unwrap());
        text.push_str(&rest[..a]);
        text.push(' ');
        rest = &rest[b + close.len()..];
    }
    text.push_str(rest);
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push('\n');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[test]
fn the_french_page_says_nothing_in_english_and_keeps_french_typography() {
    let dir = tempfile::tempdir().unwrap();
    report(&calaisis(), dir.path(), &[]);
    let text = visible_text(&page(dir.path()));
    let mut data = crate::lang::user_data(&calaisis());
    data.sort_by_key(|d| std::cmp::Reverse(d.len()));
    let english = crate::lang::english_in(&text, &data);
    assert!(english.is_empty(), "English words: {english:?}");
    let problems = crate::lang::typography_problems(&text, &data);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The check itself finds the English page.
    let en = tempfile::tempdir().unwrap();
    report(&calaisis(), en.path(), &["--lang", "en"]);
    assert!(!crate::lang::english_in(&visible_text(&page(en.path())), &data).is_empty());
}

#[test]
fn the_page_shows_the_actions_of_each_domain_that_has_some() {
    let dir = tempfile::tempdir().unwrap();
    report(&calaisis(), dir.path(), &[]);
    let html = page(dir.path());
    let t = actormap::load::load(&calaisis()).unwrap();
    let mut shown = 0;
    for action in t.actions() {
        // As the SVG writes it: an apostrophe is an entity there.
        let title = action.title.replace('&', "&amp;").replace('\'', "&apos;");
        if html.contains(&title) {
            shown += 1;
        }
    }
    // Each domain page lists its actions, cut with "+ n autres" only when its column is full.
    assert!(
        shown * 2 > t.actions().len(),
        "{shown} of {} actions on the page",
        t.actions().len()
    );
}
