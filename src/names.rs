//! Comparing names the way people type them: case, accents, punctuation and spacing
//! do not matter ("Région HdF" = "REGION HDF"), and a near miss gets a suggestion.

/// Fold a name for comparison: ASCII transliteration (é -> e, œ -> oe), lowercase,
/// every run of punctuation or spaces turned into one space, trimmed.
pub fn fold(s: &str) -> String {
    let ascii = ascii(s);
    let mut out = String::with_capacity(ascii.len());
    let mut gap = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() || c == '&' {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else {
            gap = true;
        }
    }
    out
}

/// Fold a name and drop its spaces too: "DC 3" and "dc3" give the same key.
pub fn key(s: &str) -> String {
    // `fold` without the spaces it puts between words, in one pass: loaders look up every
    // link's actor and objective by key.
    ascii(s)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '&')
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Call `f` with the key of `s`, built on the stack when it is short: loaders look up every
/// link's actor and objective by key, and most keys are a few bytes.
pub fn with_key<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 64];
    let mut len = 0;
    for b in ascii(s).bytes() {
        if !(b.is_ascii_alphanumeric() || b == b'&') {
            continue;
        }
        let Some(slot) = buf.get_mut(len) else {
            return f(&key(s));
        };
        *slot = b.to_ascii_lowercase();
        len += 1;
    }
    // Only ASCII letters, digits and '&' were written.
    f(std::str::from_utf8(&buf[..len]).unwrap_or_default())
}

/// The ASCII transliteration of a name (é -> e, œ -> oe), borrowed when it is ASCII already.
fn ascii(s: &str) -> std::borrow::Cow<'_, str> {
    deunicode::deunicode_with_tofu_cow(s, "[?]")
}

/// The candidate closest to `wanted` when it is close enough to be a typo.
pub fn suggest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    suggest_keyed(wanted, candidates.into_iter().map(|c| (c, key(c))))
}

/// The lowest score a suggestion may have (normalised Damerau-Levenshtein of the keys).
const CLOSE_ENOUGH: f64 = 0.7;

/// `suggest` among candidates given with their `key`, for many lookups among the same names
/// (every unknown actor of a file). Candidates too far apart in length or letters to reach
/// the score are skipped before the (costly) edit distance: same answer, much faster.
pub fn suggest_keyed<'a, K: AsRef<str>>(
    wanted: &str,
    candidates: impl IntoIterator<Item = (&'a str, K)>,
) -> Option<&'a str> {
    let wanted = key(wanted);
    if wanted.is_empty() {
        return None;
    }
    let wanted_len = wanted.chars().count();
    let wanted_letters = letters(&wanted);
    let mut best: Option<(f64, &str)> = None;
    for (candidate, candidate_key) in candidates {
        let candidate_key = candidate_key.as_ref();
        // Each edit changes the length by one at most, and the count of one letter by one.
        let len = candidate_key.chars().count();
        let longest = len.max(wanted_len) as f64;
        let bound = |distance: usize| 1.0 - distance as f64 / longest;
        let reachable = |score: f64| score >= CLOSE_ENOUGH && best.is_none_or(|(b, _)| score > b);
        if longest > 0.0
            && (!reachable(bound(len.abs_diff(wanted_len)))
                || !reachable(bound(letter_distance(&wanted_letters, candidate_key))))
        {
            continue;
        }
        let score = strsim::normalized_damerau_levenshtein(&wanted, candidate_key);
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, candidate));
        }
    }
    best.filter(|(score, _)| *score >= CLOSE_ENOUGH)
        .map(|(_, c)| c)
}

/// How many times each ASCII byte occurs (keys are ASCII); other characters are counted
/// together.
fn letters(key: &str) -> [u16; 129] {
    let mut counts = [0u16; 129];
    for c in key.chars() {
        let i = if c.is_ascii() { c as usize } else { 128 };
        counts[i] = counts[i].saturating_add(1);
    }
    counts
}

/// A lower bound of the edit distance: the letters one key has more of than the other,
/// whichever side has more.
fn letter_distance(wanted: &[u16; 129], candidate: &str) -> usize {
    let other = letters(candidate);
    let (mut more, mut fewer) = (0usize, 0usize);
    for (a, b) in wanted.iter().zip(other.iter()) {
        if a > b {
            more += usize::from(a - b);
        } else {
            fewer += usize::from(b - a);
        }
    }
    more.max(fewer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_ignores_case_accents_and_punctuation() {
        assert_eq!(fold("Région  HdF"), "region hdf");
        assert_eq!(fold("Rôle"), "role");
        assert_eq!(fold("valeur_cible"), "valeur cible");
        assert_eq!(fold("Mise en œuvre"), "mise en oeuvre");
        assert_eq!(fold("GCT&M"), "gct&m");
        assert_eq!(key("DC 3"), "dc3");
    }

    proptest::proptest! {
        #[test]
        fn key_is_the_fold_without_its_spaces(s in "\\PC{0,40}", t in "[a-zA-Z0-9 &'éÉœ.-]{0,30}") {
            let long = format!("{t}{t}{t}{s}");
            for s in [&s, &t, &long] {
                proptest::prop_assert_eq!(key(s), fold(s).replace(' ', ""));
                proptest::prop_assert_eq!(with_key(s, str::to_owned), key(s));
                // A key is its own key: the loader looks a name up as written first.
                proptest::prop_assert_eq!(key(&key(s)), key(s));
                // And fold is the transliteration's alphanumeric words, lowercased.
                let words: Vec<String> = deunicode::deunicode(s)
                    .split(|c: char| !(c.is_ascii_alphanumeric() || c == '&'))
                    .filter(|w| !w.is_empty())
                    .map(str::to_ascii_lowercase)
                    .collect();
                proptest::prop_assert_eq!(fold(s), words.join(" "));
            }
        }
    }

    #[test]
    fn suggest_finds_a_typo_and_not_a_stranger() {
        let names = ["SEVADEC", "SyMPaC", "ADEME"];
        assert_eq!(suggest("SEVADC", names), Some("SEVADEC"));
        assert_eq!(suggest("sympac", names), Some("SyMPaC"));
        assert_eq!(suggest("Chambre d'agriculture", names), None);
    }

    #[test]
    fn skipping_far_candidates_never_changes_the_answer() {
        let names = [
            "SEVADEC",
            "SyMPaC",
            "ADEME",
            "Région HdF",
            "Les 3 EPCI",
            "EPCIs",
            "GCT&M",
            "CCRA",
            "Appels à projets éventuels",
            "SEM Énergie",
            "PNRCMO",
            "a",
            "",
        ];
        let words = [
            "SEVADC",
            "sympac",
            "ADEM",
            "Region HDF",
            "Les 3 EPCIs",
            "EPCI",
            "GCTM",
            "CRAA",
            "Appels a projet eventuel",
            "SEM",
            "PNR",
            "b",
            "Inconnu 12",
            "ab",
            "ba",
        ];
        for w in words {
            // The plain search, candidate by candidate, as `suggest` did before the bounds.
            let plain = names
                .iter()
                .map(|n| (strsim::normalized_damerau_levenshtein(&key(w), &key(n)), *n))
                .fold(None::<(f64, &str)>, |best, (s, n)| match best {
                    Some((b, _)) if s <= b => best,
                    _ => Some((s, n)),
                })
                .filter(|(s, _)| *s >= CLOSE_ENOUGH)
                .map(|(_, n)| n);
            assert_eq!(suggest(w, names), plain, "{w}");
        }
    }
}
