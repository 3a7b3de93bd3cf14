//! A key of a large lookup table, kept inside the table's own bucket when it is short (ids
//! and most folded names are): a lookup compares it in the bucket it has just read instead
//! of following a pointer to a string elsewhere on the heap, and building the table makes
//! no allocation per key. With 500,000 links looked up among 50,000 actors, that pointer
//! was a cache miss per link, the part of the load that grew faster than the data.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};

/// The longest key kept inline: the enum stays the size of a `String`.
const INLINE: usize = 22;

/// A string, inline up to 22 bytes. Hashes and compares as the `str` it holds, so a
/// `HashMap<CompactStr, V>` is looked up with a `&str`.
#[derive(Clone)]
pub enum CompactStr {
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(Box<str>),
}

impl CompactStr {
    pub fn new(s: &str) -> Self {
        match u8::try_from(s.len()) {
            Ok(len) if s.len() <= INLINE => {
                let mut bytes = [0; INLINE];
                bytes[..s.len()].copy_from_slice(s.as_bytes());
                CompactStr::Inline { len, bytes }
            }
            _ => CompactStr::Heap(s.into()),
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            // Always valid: the bytes were copied whole from a `str`.
            CompactStr::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
            CompactStr::Heap(s) => s,
        }
    }
}

impl From<&str> for CompactStr {
    fn from(s: &str) -> Self {
        CompactStr::new(s)
    }
}

impl Default for CompactStr {
    fn default() -> Self {
        CompactStr::new("")
    }
}

impl Borrow<str> for CompactStr {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl Hash for CompactStr {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // As `str` hashes: `Borrow<str>` requires the same hash.
        self.as_str().hash(state)
    }
}

impl PartialEq for CompactStr {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for CompactStr {}

impl fmt::Debug for CompactStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use foldhash::HashMap;

    #[test]
    fn short_and_long_strings_read_back_and_hash_as_str() {
        let long = "Communauté d'agglomération du Grand Calais Terres et Mers";
        let words = [
            "",
            "a12",
            "é",
            "exactly-twenty-two-byt",
            "twenty-three bytes long",
            long,
        ];
        let mut map: HashMap<CompactStr, usize> = HashMap::default();
        for (i, w) in words.iter().enumerate() {
            let c = CompactStr::new(w);
            assert_eq!(c.as_str(), *w);
            assert_eq!(matches!(c, CompactStr::Inline { .. }), w.len() <= INLINE);
            map.insert(c, i);
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(map.get(*w), Some(&i), "{w}");
        }
        assert_eq!(map.get("a1"), None);
        assert_eq!(
            std::mem::size_of::<CompactStr>(),
            std::mem::size_of::<String>()
        );
    }
}
