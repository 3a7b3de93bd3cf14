//! Building again into the same folder: a PNG whose SVG has not changed is not drawn again
//! (the manifest `.actormap-manifest.json` says what each PNG was drawn from), a file whose
//! bytes are unchanged is not written again, and what was deleted, edited or changed is.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::SystemTime;

use crate::outputs::{names, png_size};
use crate::{actormap, calaisis};

const MANIFEST: &str = ".actormap-manifest.json";
const STAMPS: &str = ".actormap-stamps.json";

/// The two maps most tests draw: quicker than the whole build, and enough to see one change
/// while the other stays.
const TWO_MAPS: [&str; 7] = [
    "render", "--domain", "DC3", "--domain", "DC5", "--format", "svg,png",
];

/// Run actormap with `args` then `--out out`; its stdout, after checking the exit code.
fn run(args: &[&str], territory: Option<&Path>, out: &Path, code: i32) -> String {
    let mut cmd = actormap();
    // The lines read here are the English ones; their French words are tested in lang.rs.
    cmd.args(args).args(["--lang", "en"]).arg("--out").arg(out);
    if let Some(t) = territory {
        cmd.arg(t);
    }
    let run = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(code), "{args:?}: {stderr}");
    String::from_utf8(run.stdout).unwrap()
}

/// The `wrote` and `unchanged` lines of a run, as (verb, file name) in order.
fn said(stdout: &str, out: &Path) -> Vec<(String, String)> {
    stdout
        .lines()
        .filter_map(|l| {
            let (verb, path) = l.split_once(' ')?;
            matches!(verb, "wrote" | "unchanged").then(|| {
                let path = Path::new(path);
                assert_eq!(path.parent(), Some(out), "{l}");
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                (verb.to_owned(), name)
            })
        })
        .collect()
}

/// The files a run says it wrote.
fn wrote(stdout: &str, out: &Path) -> Vec<String> {
    said(stdout, out)
        .into_iter()
        .filter(|(verb, _)| verb == "wrote")
        .map(|(_, name)| name)
        .collect()
}

/// What identifies each file of the folder on disk: its inode (on Unix), its date and bytes.
/// The stamps are left out: this machine's cache of file times, taken again when a file
/// written just before has settled (see `a_file_its_stamp_vouches_for_is_not_read`).
fn identities(dir: &Path) -> BTreeMap<String, (u64, SystemTime, Vec<u8>)> {
    names(dir)
        .into_iter()
        .filter(|name| name != STAMPS)
        .map(|name| {
            let path = dir.join(&name);
            let meta = fs::metadata(&path).unwrap();
            #[cfg(unix)]
            let inode = std::os::unix::fs::MetadataExt::ino(&meta);
            #[cfg(not(unix))]
            let inode = 0;
            (
                name,
                (inode, meta.modified().unwrap(), fs::read(&path).unwrap()),
            )
        })
        .collect()
}

/// The manifest of `dir`, parsed.
fn manifest(dir: &Path) -> serde_json::Value {
    serde_json::from_slice(&fs::read(dir.join(MANIFEST)).unwrap()).unwrap()
}

/// A copy of the bundled territory that a test can edit.
fn calaisis_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(calaisis()).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    dir
}

#[test]
fn a_second_build_writes_nothing_and_says_every_file_is_unchanged() {
    let out = tempfile::tempdir().unwrap();
    let first = run(&["build"], None, out.path(), 1);
    let first = said(&first, out.path());
    // 18 maps (the governance chart and the links graph among them) as SVG and PNG, the
    // report page, then the dossier as PDF and PPTX.
    assert_eq!(first.len(), 39, "{first:?}");
    assert!(first.iter().all(|(verb, _)| verb == "wrote"), "{first:?}");
    let before = identities(out.path());
    assert!(before.contains_key(MANIFEST), "{:?}", before.keys());
    let second = run(&["build"], None, out.path(), 1);
    let second = said(&second, out.path());
    // The same files, in the same order, each said unchanged.
    assert_eq!(
        second,
        first
            .iter()
            .map(|(_, name)| ("unchanged".to_owned(), name.clone()))
            .collect::<Vec<_>>()
    );
    // Not one file was replaced, the manifest included: same inode, same date, same bytes.
    assert_eq!(identities(out.path()), before);
}

/// The manifest deleted, or its bytes changed, between two builds of the same territory:
/// the second build is made again and writes it back as it was.
#[test]
fn a_damaged_manifest_is_written_back_by_the_next_build() {
    let out = tempfile::tempdir().unwrap();
    run(&["build"], None, out.path(), 1);
    let original = fs::read(out.path().join(MANIFEST)).unwrap();
    for damage in [None, Some(&b"{}"[..]), Some(&b"not json at all"[..])] {
        match damage {
            None => fs::remove_file(out.path().join(MANIFEST)).unwrap(),
            Some(bytes) => fs::write(out.path().join(MANIFEST), bytes).unwrap(),
        }
        run(&["build"], None, out.path(), 1);
        assert_eq!(
            fs::read(out.path().join(MANIFEST)).unwrap(),
            original,
            "{damage:?}"
        );
    }
}

/// The files a build no longer makes (here the PNGs, once only SVG is asked for) are
/// removed and said so, unless changed since it wrote them: left, a deck linked to them
/// would go on showing an out-of-date map. A file that is not a build's is never touched.
#[test]
fn the_files_a_build_no_longer_makes_are_removed_unless_changed_since() {
    let out = tempfile::tempdir().unwrap();
    run(&["build"], None, out.path(), 1);
    fs::write(out.path().join("dc5.png"), b"annotated by hand").unwrap();
    fs::write(out.path().join("notes.png"), b"the officer's").unwrap();
    let stdout = run(&["build", "--format", "svg"], None, out.path(), 1);
    let removed: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix("removed "))
        .collect();
    assert_eq!(removed.len(), 17, "{stdout}");
    assert!(
        removed
            .iter()
            .all(|l| l.ends_with(".png (this build no longer makes it)")),
        "{removed:?}"
    );
    let left: Vec<String> = names(out.path())
        .into_iter()
        .filter(|n| n.ends_with(".png"))
        .collect();
    assert_eq!(left, ["dc5.png", "notes.png"]);
    assert!(!manifest(out.path()).to_string().contains("\"dc3.png\""));
    // Asked for again, the PNGs are drawn again.
    let stdout = run(&["build"], None, out.path(), 1);
    assert_eq!(
        wrote(&stdout, out.path())
            .iter()
            .filter(|n| n.ends_with(".png"))
            .count(),
        18,
        "{stdout}"
    );
}

/// The stamps of `dir`, each record's `taken` moved `later` nanoseconds on (as if the run
/// that took them came that much later), and one record's hash replaced.
fn restamp(dir: &Path, later: u64, name: &str, hash: &str) {
    let path = dir.join(STAMPS);
    let mut stamps: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    for record in stamps["files"].as_object_mut().unwrap().values_mut() {
        let taken = record["taken"].as_u64().unwrap();
        record["taken"] = (taken + later).into();
    }
    stamps["files"][name]["hash"] = hash.into();
    // Written in place: the stamps' own times do not matter.
    fs::write(&path, serde_json::to_vec(&stamps).unwrap()).unwrap();
}

#[test]
fn a_file_its_stamp_vouches_for_is_not_read() {
    // Proof that a file is not read when its stamp vouches for it: the stamps say dc3.svg
    // holds other bytes (its stamp unchanged, taken long after it was written), so the run
    // writes the same bytes again; a stamp taken too soon after the write vouches for
    // nothing, the file is read and found unchanged.
    let out = tempfile::tempdir().unwrap();
    run(&TWO_MAPS, None, out.path(), 0);
    let settled = 10_000_000_000;
    restamp(out.path(), 0, "dc3.svg", "0123456789abcdef");
    let stdout = run(&TWO_MAPS, None, out.path(), 0);
    assert_eq!(wrote(&stdout, out.path()), Vec::<String>::new(), "{stdout}");
    restamp(out.path(), settled, "dc3.svg", "0123456789abcdef");
    let stdout = run(&TWO_MAPS, None, out.path(), 0);
    assert_eq!(wrote(&stdout, out.path()), ["dc3.svg"], "{stdout}");
}

/// Proof that a build from the same territory makes nothing when its files are as it left
/// them: a stand-in page, recorded in the stamps as the build's own, is said unchanged and
/// kept, where making the build again would put the real page back. Once the territory
/// changes, the build is made again.
#[cfg(unix)]
#[test]
fn a_build_from_the_same_territory_makes_nothing_when_its_files_are_as_it_left_them() {
    let territory = calaisis_copy();
    let out = tempfile::tempdir().unwrap();
    let first = run(&["build"], Some(territory.path()), out.path(), 1);
    let page = fs::read(out.path().join("index.html")).unwrap();
    let stand_in = b"<!doctype html><title>stand-in</title>";
    fs::write(out.path().join("index.html"), stand_in).unwrap();
    let hash = actormap::hash::contents(stand_in);
    let stamp = actormap::stamps::Stamp::of(&out.path().join("index.html")).unwrap();
    let path = out.path().join(STAMPS);
    let mut stamps: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    let files = stamps["files"].as_object_mut().unwrap();
    let mut record = serde_json::to_value(stamp).unwrap();
    record["hash"] = hash.clone().into();
    record["taken"] = 0.into();
    files.insert("index.html".into(), record);
    // Taken as if long after every write: each stamp vouches for its file, but the page's,
    // taken as if at once (too soon to vouch): that one file is read, and found as recorded.
    let later = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        + 10_000_000_000;
    for (name, record) in files.iter_mut() {
        if name != "index.html" {
            record["taken"] = later.into();
        }
    }
    for entry in stamps["build"]["files"].as_array_mut().unwrap() {
        if entry[0] == "index.html" {
            entry[1] = hash.clone().into();
        }
    }
    fs::write(&path, serde_json::to_vec(&stamps).unwrap()).unwrap();

    let second = run(&["build"], Some(territory.path()), out.path(), 1);
    // The same findings, then every file said unchanged, in the same order.
    let findings = |stdout: &str| stdout.split("wrote ").next().unwrap().to_owned();
    assert_eq!(
        second.split("unchanged ").next().unwrap(),
        findings(&first),
        "{second}"
    );
    assert_eq!(
        said(&second, out.path()),
        said(&first, out.path())
            .into_iter()
            .map(|(_, name)| ("unchanged".to_owned(), name))
            .collect::<Vec<_>>()
    );
    assert_eq!(fs::read(out.path().join("index.html")).unwrap(), stand_in);
    // The page's stamp, read and found as recorded, is taken again.
    let stamps: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert!(stamps["files"]["index.html"]["taken"].as_u64().unwrap() > 0);
    assert_eq!(stamps["files"]["index.html"]["hash"], hash.as_str());

    // Another territory (one headline changed): made again, the real page back.
    let domains = territory.path().join("domains.csv");
    let text = fs::read_to_string(&domains).unwrap();
    fs::write(
        &domains,
        text.replace(
            "Vers la réduction du gaspillage alimentaire",
            "Vers moins de gaspillage alimentaire",
        ),
    )
    .unwrap();
    let third = run(&["build"], Some(territory.path()), out.path(), 1);
    assert!(
        wrote(&third, out.path()).contains(&"index.html".to_owned()),
        "{third}"
    );
    let remade = fs::read(out.path().join("index.html")).unwrap();
    assert!(remade != page && String::from_utf8_lossy(&remade).contains("Vers moins de"));
}

#[test]
fn a_png_the_manifest_vouches_for_is_not_drawn_again() {
    // Proof that nothing is rasterized: a stand-in picture whose hash the manifest records is
    // kept as it is, where drawing would have put DC3's picture back.
    let out = tempfile::tempdir().unwrap();
    run(&TWO_MAPS, None, out.path(), 0);
    let stand_in = fs::read(out.path().join("dc5.png")).unwrap();
    fs::write(out.path().join("dc3.png"), &stand_in).unwrap();
    let recorded = manifest(out.path())["pictures"]["dc3.png"]["png"]
        .as_str()
        .unwrap()
        .to_owned();
    let text = fs::read_to_string(out.path().join(MANIFEST)).unwrap();
    fs::write(
        out.path().join(MANIFEST),
        text.replace(&recorded, &actormap::hash::contents(&stand_in)),
    )
    .unwrap();
    let stdout = run(&TWO_MAPS, None, out.path(), 0);
    assert_eq!(wrote(&stdout, out.path()), Vec::<String>::new(), "{stdout}");
    assert_eq!(fs::read(out.path().join("dc3.png")).unwrap(), stand_in);
}

#[test]
fn a_deleted_png_is_drawn_again_and_only_it() {
    let out = tempfile::tempdir().unwrap();
    run(&TWO_MAPS, None, out.path(), 0);
    let dc3 = fs::read(out.path().join("dc3.png")).unwrap();
    fs::remove_file(out.path().join("dc3.png")).unwrap();
    let stdout = run(&TWO_MAPS, None, out.path(), 0);
    assert_eq!(wrote(&stdout, out.path()), ["dc3.png"], "{stdout}");
    assert_eq!(fs::read(out.path().join("dc3.png")).unwrap(), dc3);
}

#[test]
fn an_edited_or_replaced_png_is_drawn_again() {
    let out = tempfile::tempdir().unwrap();
    run(&TWO_MAPS, None, out.path(), 0);
    let dc3 = fs::read(out.path().join("dc3.png")).unwrap();
    let dc5 = fs::read(out.path().join("dc5.png")).unwrap();
    // One byte changed in the middle (same length, same date a second later or not), then the
    // picture replaced by another one (DC5's).
    let mut edited = dc3.clone();
    edited[dc3.len() / 2] ^= 0x40;
    for replacement in [edited, dc5.clone()] {
        fs::write(out.path().join("dc3.png"), &replacement).unwrap();
        let stdout = run(&TWO_MAPS, None, out.path(), 0);
        assert_eq!(wrote(&stdout, out.path()), ["dc3.png"], "{stdout}");
        assert_eq!(fs::read(out.path().join("dc3.png")).unwrap(), dc3);
        assert_eq!(fs::read(out.path().join("dc5.png")).unwrap(), dc5);
    }
}

#[test]
fn a_changed_territory_redraws_the_maps_whose_svg_changed_and_no_other() {
    let territory = calaisis_copy();
    let out = tempfile::tempdir().unwrap();
    run(&["build"], Some(territory.path()), out.path(), 1);
    let before = identities(out.path());
    // A new headline for DC3.
    let domains = territory.path().join("domains.csv");
    let text = fs::read_to_string(&domains).unwrap();
    assert!(text.contains("Vers la réduction du gaspillage alimentaire"));
    fs::write(
        &domains,
        text.replace(
            "Vers la réduction du gaspillage alimentaire",
            "Moins de gaspillage, plus de réemploi",
        ),
    )
    .unwrap();
    let stdout = run(&["build"], Some(territory.path()), out.path(), 1);
    let after = identities(out.path());
    let changed = |ext: &str| -> Vec<String> {
        after
            .iter()
            .filter(|(name, (_, _, bytes))| name.ends_with(ext) && before[*name].2 != *bytes)
            .map(|(name, _)| name.trim_end_matches(ext).to_owned())
            .collect()
    };
    let svgs = changed(".svg");
    assert!(svgs.contains(&"dc3".to_owned()), "{svgs:?}");
    assert!(!svgs.contains(&"dc1".to_owned()), "{svgs:?}");
    // Exactly the PNGs of the SVGs that changed were drawn, written and said so.
    assert_eq!(changed(".png"), svgs);
    // And the dossier, whose DC3 page changed.
    let mut expected: Vec<String> = svgs
        .iter()
        .flat_map(|stem| [format!("{stem}.svg"), format!("{stem}.png")])
        .chain([
            "dossier-copil.pdf".to_owned(),
            "dossier-copil.pptx".to_owned(),
        ])
        .collect();
    // The report page shows the headline too.
    expected.push("index.html".to_owned());
    expected.sort();
    let mut written = wrote(&stdout, out.path());
    written.sort();
    assert_eq!(written, expected, "{stdout}");
    // The others were not touched at all.
    for (name, (inode, date, _)) in &after {
        if name != MANIFEST && name != STAMPS && !expected.contains(name) {
            assert_eq!((inode, date), (&before[name].0, &before[name].1), "{name}");
        }
    }
}

#[test]
fn another_size_redraws_the_png_at_that_size() {
    let out = tempfile::tempdir().unwrap();
    let dc3 = |out: &Path| fs::read(out.join("dc3.png")).unwrap();
    let args = ["render", "--domain", "DC3", "--format", "png"];
    run(&args, None, out.path(), 0);
    assert_eq!(png_size(&dc3(out.path())), (1920, 1080));
    assert_eq!(
        manifest(out.path())["pictures"]["dc3.png"]["size"],
        "1920x1080"
    );
    let stdout = run(
        &[&args[..], &["--size", "1600x1200"]].concat(),
        None,
        out.path(),
        0,
    );
    assert_eq!(wrote(&stdout, out.path()), ["dc3.png"]);
    assert_eq!(png_size(&dc3(out.path())), (1600, 1200));
    assert_eq!(
        manifest(out.path())["pictures"]["dc3.png"]["size"],
        "1600x1200"
    );
    // And back.
    let stdout = run(&args, None, out.path(), 0);
    assert_eq!(wrote(&stdout, out.path()), ["dc3.png"]);
    assert_eq!(png_size(&dc3(out.path())), (1920, 1080));
}

#[test]
fn a_picture_of_another_version_or_encoding_is_drawn_again() {
    let out = tempfile::tempdir().unwrap();
    let args = ["render", "--domain", "DC3", "--format", "png"];
    run(&args, None, out.path(), 0);
    let good = fs::read_to_string(out.path().join(MANIFEST)).unwrap();
    let entry = &manifest(out.path())["pictures"]["dc3.png"];
    // The same release built from other sources (from git, a working copy) is another
    // version too.
    let release = entry["version"]
        .as_str()
        .unwrap()
        .split('+')
        .next()
        .unwrap();
    assert_eq!(release, env!("CARGO_PKG_VERSION"));
    let other_build = format!("{release}+0000000000000000");
    for (field, changed) in [
        ("version", None),
        ("version", Some(other_build.as_str())),
        ("encoding", None),
        ("svg", None),
    ] {
        let value = entry[field].as_str().unwrap();
        let changed = changed.map_or_else(|| format!("0{value}"), str::to_owned);
        let other = good.replace(
            &format!("\"{field}\": \"{value}\""),
            &format!("\"{field}\": \"{changed}\""),
        );
        assert_ne!(other, good, "{field}");
        fs::write(out.path().join(MANIFEST), other).unwrap();
        let stdout = run(&args, None, out.path(), 0);
        // The picture is drawn again; its bytes are those on disk, so it is not rewritten,
        // and the manifest is right again.
        assert_eq!(
            said(&stdout, out.path()),
            [("unchanged".into(), "dc3.png".into())]
        );
        assert_eq!(
            fs::read_to_string(out.path().join(MANIFEST)).unwrap(),
            good,
            "{field}"
        );
    }
}

#[test]
fn the_manifest_is_the_same_for_the_same_pictures_and_holds_their_hashes() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    run(&["build"], None, a.path(), 1);
    // The same maps, drawn in another order of runs: one at a time, then all.
    run(
        &["render", "--matrix", "--format", "svg,png"],
        None,
        b.path(),
        0,
    );
    run(&["build"], None, b.path(), 1);
    let text = fs::read(a.path().join(MANIFEST)).unwrap();
    assert_eq!(fs::read(b.path().join(MANIFEST)).unwrap(), text);
    let json = manifest(a.path());
    let pictures = json["pictures"].as_object().unwrap();
    let pngs: Vec<String> = names(a.path())
        .into_iter()
        .filter(|n| n.ends_with(".png"))
        .collect();
    assert_eq!(pictures.keys().cloned().collect::<Vec<_>>(), pngs);
    for (name, entry) in pictures {
        let png = fs::read(a.path().join(name)).unwrap();
        let svg = fs::read(a.path().join(name.replace(".png", ".svg"))).unwrap();
        assert_eq!(entry["png"], actormap::hash::contents(&png), "{name}");
        assert_eq!(entry["svg"], actormap::hash::contents(&svg), "{name}");
        let (w, h) = png_size(&png);
        assert_eq!(entry["size"], format!("{w}x{h}"), "{name}");
        assert_eq!(entry["version"], actormap::manifest::VERSION, "{name}");
    }
    // The dossier's files, with what they were made from.
    let documents = json["documents"].as_object().unwrap();
    assert_eq!(
        documents.keys().collect::<Vec<_>>(),
        ["dossier-copil.pdf", "dossier-copil.pptx"]
    );
    for (name, entry) in documents {
        let bytes = fs::read(a.path().join(name)).unwrap();
        assert_eq!(entry["file"], actormap::hash::contents(&bytes), "{name}");
        assert_eq!(entry["version"], actormap::manifest::VERSION, "{name}");
        assert_eq!(entry["pages"], documents["dossier-copil.pdf"]["pages"]);
    }
    // Runs without PNG and without the dossier neither write nor need it; `build` without
    // PNG records its dossier.
    let c = tempfile::tempdir().unwrap();
    run(&["render", "--all", "--format", "svg"], None, c.path(), 0);
    assert!(!c.path().join(MANIFEST).exists());
    run(&["build", "--format", "svg"], None, c.path(), 1);
    let json = manifest(c.path());
    assert_eq!(json["pictures"].as_object().map(|p| p.len()), Some(0));
    assert_eq!(json["documents"].as_object().map(|d| d.len()), Some(2));
}

#[test]
fn a_dossier_the_manifest_vouches_for_is_not_made_again() {
    // Proof that the dossier is not made again: a stand-in file whose hash the manifest
    // records is kept as it is, where making the dossier would have put the real one back.
    let out = tempfile::tempdir().unwrap();
    run(&["build"], None, out.path(), 1);
    for name in ["dossier-copil.pdf", "dossier-copil.pptx"] {
        let stand_in = format!("not the {name} actormap made").into_bytes();
        fs::write(out.path().join(name), &stand_in).unwrap();
        let recorded = manifest(out.path())["documents"][name]["file"]
            .as_str()
            .unwrap()
            .to_owned();
        let text = fs::read_to_string(out.path().join(MANIFEST)).unwrap();
        fs::write(
            out.path().join(MANIFEST),
            text.replace(&recorded, &actormap::hash::contents(&stand_in)),
        )
        .unwrap();
    }
    let stdout = run(&["build"], None, out.path(), 1);
    assert_eq!(wrote(&stdout, out.path()), Vec::<String>::new(), "{stdout}");
    for name in ["dossier-copil.pdf", "dossier-copil.pptx"] {
        assert!(
            said(&stdout, out.path()).contains(&("unchanged".to_owned(), name.to_owned())),
            "{stdout}"
        );
        let kept = fs::read(out.path().join(name)).unwrap();
        assert_eq!(kept, format!("not the {name} actormap made").into_bytes());
    }
}

#[test]
fn a_deleted_or_edited_dossier_is_made_again_the_same() {
    let out = tempfile::tempdir().unwrap();
    run(&["build"], None, out.path(), 1);
    let pdf = fs::read(out.path().join("dossier-copil.pdf")).unwrap();
    let pptx = fs::read(out.path().join("dossier-copil.pptx")).unwrap();
    // Deleted: made again, byte for byte; the PowerPoint file, the same, is left alone.
    fs::remove_file(out.path().join("dossier-copil.pdf")).unwrap();
    let stdout = run(&["build"], None, out.path(), 1);
    assert_eq!(
        wrote(&stdout, out.path()),
        ["dossier-copil.pdf"],
        "{stdout}"
    );
    assert!(fs::read(out.path().join("dossier-copil.pdf")).unwrap() == pdf);
    // Edited (one byte): made again.
    let mut edited = pptx.clone();
    edited[pptx.len() / 2] ^= 0x40;
    fs::write(out.path().join("dossier-copil.pptx"), &edited).unwrap();
    let stdout = run(&["build"], None, out.path(), 1);
    assert_eq!(
        wrote(&stdout, out.path()),
        ["dossier-copil.pptx"],
        "{stdout}"
    );
    assert!(fs::read(out.path().join("dossier-copil.pptx")).unwrap() == pptx);
}

/// A run that fails changes no file, the manifest included: whichever rename fails, the
/// folder is as the last run left it, and no temporary stays.
#[cfg(debug_assertions)]
#[test]
fn a_run_that_fails_leaves_the_manifest_as_it_was() {
    let territory = calaisis_copy();
    let out = tempfile::tempdir().unwrap();
    let args = [&TWO_MAPS[..], &["--domain", "DC1"]].concat();
    run(&args, Some(territory.path()), out.path(), 0);
    let before = identities(out.path());
    // DC3's headline changes: dc3.svg, dc3.png and the manifest are staged, in that order.
    let domains = territory.path().join("domains.csv");
    let text = fs::read_to_string(&domains).unwrap();
    fs::write(
        &domains,
        text.replace(
            "Vers la réduction du gaspillage",
            "Vers moins de gaspillage",
        ),
    )
    .unwrap();
    for n in ["1", "2", "3"] {
        let mut cmd = actormap();
        let run = cmd
            .args(&args)
            .arg("--out")
            .arg(out.path())
            .arg(territory.path())
            .env("ACTORMAP_TEST_FAIL_RENAME", n)
            .output()
            .unwrap();
        assert_eq!(run.status.code(), Some(2), "failing rename {n}");
        let stderr = String::from_utf8(run.stderr).unwrap();
        assert!(stderr.contains("injected failure"), "{stderr}");
        assert_eq!(identities(out.path()), before, "failing rename {n}");
        assert_eq!(
            crate::outputs::temporaries(out.path()),
            Vec::<String>::new()
        );
    }
    // The fourth rename does not exist: the run goes through.
    let mut cmd = actormap();
    let stdout = cmd
        .args(&args)
        .arg("--out")
        .arg(out.path())
        .arg(territory.path())
        .env("ACTORMAP_TEST_FAIL_RENAME", "4")
        .args(["--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(stdout.status.code(), Some(0));
    assert_eq!(
        wrote(&String::from_utf8(stdout.stdout).unwrap(), out.path()),
        ["dc3.svg", "dc3.png"]
    );
    assert_ne!(identities(out.path())[MANIFEST], before[MANIFEST]);
}

/// What a manifest could hold that we did not write.
fn hostile_manifests() -> Vec<(&'static str, Vec<u8>)> {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    vec![
        ("empty", Vec::new()),
        ("not JSON", b"\x89PNG\r\n\x1a\n not json at all \xff\xfe".to_vec()),
        ("truncated", b"{\"pictures\": {\"dc3.png\": {\"svg\": \"00".to_vec()),
        ("wrong shape", br#"{"pictures": 3}"#.to_vec()),
        ("wrong types", br#"{"pictures": {"dc3.png": {"svg": 1, "size": [], "version": null, "encoding": {}, "png": true}}}"#.to_vec()),
        ("nested 100 000 deep", deep.into_bytes()),
        (
            "names that are not ours",
            br#"{"pictures": {
                "../../evil.png": {"svg": "0", "size": "1x1", "version": "0", "encoding": "x", "png": "0"},
                "/etc/passwd": {"svg": "0", "size": "1x1", "version": "0", "encoding": "x", "png": "0"},
                "dc3.png": {"svg": "0000000000000000", "size": "1920x1080", "version": "0.1.0", "encoding": "Fast/Sub", "png": "0000000000000000"}
            }}"#
            .to_vec(),
        ),
    ]
}

#[test]
fn a_hostile_or_corrupt_manifest_counts_as_empty() {
    let args = ["render", "--domain", "DC3", "--format", "svg,png"];
    let clean = tempfile::tempdir().unwrap();
    run(&args, None, clean.path(), 0);
    let good = fs::read(clean.path().join(MANIFEST)).unwrap();
    let dc3 = fs::read(clean.path().join("dc3.png")).unwrap();
    for (what, contents) in hostile_manifests() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("out");
        fs::create_dir(&out).unwrap();
        fs::write(out.join(MANIFEST), &contents).unwrap();
        let stdout = run(&args, None, &out, 0);
        assert_eq!(wrote(&stdout, &out), ["dc3.svg", "dc3.png"], "{what}");
        assert_eq!(fs::read(out.join("dc3.png")).unwrap(), dc3, "{what}");
        assert_eq!(fs::read(out.join(MANIFEST)).unwrap(), good, "{what}");
        // Nothing written beside the output folder.
        assert_eq!(names(root.path()), ["out"], "{what}");
    }
}

#[test]
fn a_manifest_too_large_or_not_a_file_counts_as_empty() {
    let args = ["render", "--domain", "DC3", "--format", "png"];
    // Larger than any manifest we write (a sparse file: no disk used).
    let out = tempfile::tempdir().unwrap();
    run(&args, None, out.path(), 0);
    let good = fs::read(out.path().join(MANIFEST)).unwrap();
    let big = fs::File::options()
        .append(true)
        .open(out.path().join(MANIFEST))
        .unwrap();
    big.set_len(64 * 1024 * 1024).unwrap();
    drop(big);
    let stdout = run(&args, None, out.path(), 0);
    assert_eq!(
        said(&stdout, out.path()),
        [("unchanged".into(), "dc3.png".into())]
    );
    assert_eq!(fs::read(out.path().join(MANIFEST)).unwrap(), good);
    #[cfg(unix)]
    {
        // A link to a file elsewhere: read as any manifest, then replaced by ours, the file
        // it pointed to untouched.
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("out");
        fs::create_dir(&out).unwrap();
        let victim = root.path().join("victim.json");
        fs::write(&victim, "{\"pictures\": {}}").unwrap();
        std::os::unix::fs::symlink(&victim, out.join(MANIFEST)).unwrap();
        run(&args, None, &out, 0);
        assert_eq!(fs::read_to_string(&victim).unwrap(), "{\"pictures\": {}}");
        assert!(
            !fs::symlink_metadata(out.join(MANIFEST))
                .unwrap()
                .is_symlink()
        );
        assert_eq!(fs::read(out.join(MANIFEST)).unwrap(), good);
        // A named pipe: never opened (reading it would wait forever), then replaced.
        let out = tempfile::tempdir().unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(out.path().join(MANIFEST))
            .status()
            .unwrap();
        assert!(made.success());
        run(&args, None, out.path(), 0);
        assert_eq!(fs::read(out.path().join(MANIFEST)).unwrap(), good);
    }
}
