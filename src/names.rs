//! Comparing names the way people type them: case, accents, punctuation and spacing
//! do not matter ("Région HdF" = "REGION HDF"), and a near miss gets a suggestion.

/// Fold a name for comparison: ASCII transliteration (é -> e, œ -> oe), lowercase,
/// every run of punctuation or spaces turned into one space, trimmed.
pub fn fold(s: &str) -> String {
    let ascii = deunicode::deunicode(s);
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
    fold(s).replace(' ', "")
}

/// The candidate closest to `wanted` when it is close enough to be a typo.
pub fn suggest<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wanted = key(wanted);
    if wanted.is_empty() {
        return None;
    }
    let mut best: Option<(f64, &str)> = None;
    for candidate in candidates {
        let score = strsim::normalized_damerau_levenshtein(&wanted, &key(candidate));
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, candidate));
        }
    }
    best.filter(|(score, _)| *score >= 0.7).map(|(_, c)| c)
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

    #[test]
    fn suggest_finds_a_typo_and_not_a_stranger() {
        let names = ["SEVADEC", "SyMPaC", "ADEME"];
        assert_eq!(suggest("SEVADC", names), Some("SEVADEC"));
        assert_eq!(suggest("sympac", names), Some("SyMPaC"));
        assert_eq!(suggest("Chambre d'agriculture", names), None);
    }
}
