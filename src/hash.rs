//! The hashes of actormap, both the same on every machine and with every Rust version (std's
//! `DefaultHasher` promises neither): FNV-1a for short texts (file names cut short, see
//! `maps::safe_stem`), XXH3 (64 bits) for file contents (the manifest of the output folder,
//! see `manifest`): a first `build` hashes its 17 MB of files, the PowerPoint file's 8.7 MB
//! on the way to the disk; XXH3 takes 0.6 ms for those 8.7 MB here, SipHash-1-3 (used before)
//! 2.2 to 2.9 ms, FNV-1a ten times as long. Neither is a cryptographic hash: they tell an
//! edited or replaced file from the one written, not a forged one.

/// FNV-1a of `bytes`, 64 bits.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The hash of a file's contents as the manifest stores it: XXH3, 64 bits, seed 0, as 16
/// lowercase hex digits.
pub fn contents(bytes: &[u8]) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(bytes))
}

/// An XXH3 of formatted text, written piece by piece (`write!(hasher, "{value:?}")`): the
/// hash of what a value prints without holding the whole text.
#[derive(Default)]
pub struct Text(xxhash_rust::xxh3::Xxh3Default);

impl Text {
    /// The hash of the text written so far, as `contents` gives it for the same bytes.
    pub fn finish(&self) -> String {
        format!("{:016x}", self.0.digest())
    }
}

impl std::fmt::Write for Text {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.update(s.as_bytes());
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_written_in_pieces_hashes_as_its_bytes() {
        use std::fmt::Write;
        let mut text = Text::default();
        write!(text, "{:?} et {}", ["DC3", "DC5"], 42).unwrap();
        assert_eq!(text.finish(), contents(br#"["DC3", "DC5"] et 42"#));
    }

    #[test]
    fn fnv1a_gives_the_published_values() {
        // The test vectors of the FNV reference (draft-eastlake-fnv).
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn contents_hash_is_pinned() {
        // A manifest written by one build must be read by the next, whatever the crate's
        // version: the values are fixed here (XXH3's published hash of nothing, and one
        // longer than its 240-byte short-input path).
        assert_eq!(contents(b""), "2d06800538d394c2");
        assert_eq!(contents(b"actormap"), contents(b"actormap"));
        assert_ne!(contents(b"actormap"), contents(b"actormaP"));
        assert_eq!(contents(&[0; 1000]), "24c1ea6074dd588c");
    }
}
