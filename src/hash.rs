//! The hashes of actormap, both the same on every machine and with every Rust version (std's
//! `DefaultHasher` promises neither): FNV-1a for short texts (file names cut short, see
//! `maps::safe_stem`), SipHash-1-3 for file contents (the manifest of the output folder, see
//! `manifest`), where it runs ten times faster than FNV-1a (about 5 GB/s against 0.5 GB/s
//! here: a second `build` hashes 4 MB of PNG). Neither is a cryptographic hash: they tell an
//! edited or replaced file from the one written, not a forged one.

use std::hash::Hasher;

/// FNV-1a of `bytes`, 64 bits.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The hash of a file's contents as the manifest stores it: SipHash-1-3 with both keys 0,
/// 64 bits, as 16 lowercase hex digits.
pub fn contents(bytes: &[u8]) -> String {
    // `write`, not `Hash::hash`: the bytes alone, without a length of the platform's size.
    let mut hasher = siphasher::sip::SipHasher13::new_with_keys(0, 0);
    hasher.write(bytes);
    format!("{:016x}", hasher.finish())
}

/// A SipHash-1-3 of formatted text, written piece by piece (`write!(hasher, "{value:?}")`):
/// the hash of what a value prints without holding the whole text.
pub struct Text(siphasher::sip::SipHasher13);

impl Default for Text {
    fn default() -> Text {
        Text(siphasher::sip::SipHasher13::new_with_keys(0, 0))
    }
}

impl Text {
    /// The hash of the text written so far, as `contents` gives it for the same bytes.
    pub fn finish(&self) -> String {
        format!("{:016x}", self.0.finish())
    }
}

impl std::fmt::Write for Text {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.0.write(s.as_bytes());
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
        // version: the values are fixed here.
        assert_eq!(contents(b""), "d1fba762150c532c");
        assert_eq!(contents(b"actormap"), contents(b"actormap"));
        assert_ne!(contents(b"actormap"), contents(b"actormaP"));
        assert_eq!(contents(&[0; 1000]).len(), 16);
    }
}
