//! The build's identity: a hash of everything that shapes what actormap writes (its sources,
//! the bundled data, the locked dependencies), given to the crate as `ACTORMAP_SOURCE`. A
//! second `build` trusts the files of the last one made by the same binary; the version alone
//! does not say so between two releases (a build from git, a working copy).

use std::fs;
use std::path::{Path, PathBuf};

/// FNV-1a, 64 bits: the same on every machine and toolchain (std's hasher is not promised to
/// be), and nothing here needs more.
fn fnv(hash: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *hash ^= u64::from(b);
        *hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
}

/// Every file under `dir`, recursively.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    let roots = ["src", "actors/calaisis", "Cargo.toml", "Cargo.lock"];
    let mut paths = Vec::new();
    for root in roots {
        println!("cargo:rerun-if-changed={root}");
        let path = PathBuf::from(root);
        if path.is_dir() {
            files(&path, &mut paths);
        } else if path.is_file() {
            paths.push(path);
        }
    }
    // In one order everywhere, with `/` between the parts of a name.
    let mut named: Vec<(String, PathBuf)> = paths
        .into_iter()
        .map(|p| {
            let name = p
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            (name, p)
        })
        .collect();
    named.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (name, path) in named {
        fnv(&mut hash, name.as_bytes());
        fnv(&mut hash, &[0]);
        if let Ok(bytes) = fs::read(&path) {
            fnv(&mut hash, &bytes);
        }
        fnv(&mut hash, &[0]);
    }
    println!("cargo:rustc-env=ACTORMAP_SOURCE={hash:016x}");
}
