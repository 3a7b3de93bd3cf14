//! `duplicate-actor`: two rows of actors.csv that are probably the same body.

use super::message::{Doc, Hint, Message, SameBody};
use super::{Context, Finding, Rule, Severity};
use crate::model::{Actor, Territory};
use crate::names::key;

pub static RULE: Rule = Rule {
    name: "duplicate-actor",
    severity: Severity::Warning,
    doc: Doc::DuplicateActor,
    params: &[],
    check,
};

fn check(cx: &Context, territory: &Territory) -> Vec<Finding> {
    let labels: Vec<Vec<Label>> = territory.actors.iter().map(labels).collect();
    let mut findings = Vec::new();
    for (i, a) in territory.actors.iter().enumerate() {
        for (j, b) in territory.actors.iter().enumerate().skip(i + 1) {
            let Some(reason) = same_body(&labels[i], &labels[j]) else {
                continue;
            };
            if cx.facts.nested(&a.id, &b.id) {
                continue;
            }
            let mut f = cx.finding(Message::DuplicateActors {
                first: a.name.clone(),
                second: b.name.clone(),
                reason,
            });
            f.actors = vec![a.id.clone(), b.id.clone()];
            f.location = Some(b.origin.clone());
            let aliases = merged_aliases(a, b);
            f.hint = Some(if aliases == a.aliases.join("|") {
                Hint::DeleteTheSecond {
                    keep: a.name.clone(),
                    remove: b.name.clone(),
                }
            } else {
                Hint::MergeIntoTheFirst {
                    keep: a.name.clone(),
                    at: a.origin.clone(),
                    remove: b.name.clone(),
                    aliases,
                }
            });
            findings.push(f);
        }
    }
    findings
}

/// A name or an alias, with what comparisons need, computed once per actor.
struct Label<'a> {
    text: &'a str,
    key: String,
    words: Vec<Word>,
}

/// The actor's name first, then its aliases.
fn labels(actor: &Actor) -> Vec<Label<'_>> {
    std::iter::once(&actor.name)
        .chain(&actor.aliases)
        .map(|text| Label {
            text,
            key: key(text),
            words: words(text),
        })
        .collect()
}

/// Why two actors look like one body, if they do.
fn same_body(a: &[Label], b: &[Label]) -> Option<SameBody> {
    let (Some(name_a), Some(name_b)) = (a.first(), b.first()) else {
        return None;
    };
    if name_a.key == name_b.key {
        return Some(SameBody::EqualNames);
    }
    for x in a {
        if let Some(y) = b.iter().find(|y| y.key == x.key) {
            return Some(if x.key == name_a.key {
                SameBody::AlsoCalled(y.text.to_owned())
            } else if y.key == name_b.key {
                SameBody::AlsoCalled(x.text.to_owned())
            } else {
                SameBody::BothGoBy(x.text.to_owned())
            });
        }
    }
    let shortened = |short: &Label, long: &Label| SameBody::Abbreviates {
        short: short.text.to_owned(),
        long: long.text.to_owned(),
    };
    for x in a {
        for y in b {
            if abbreviates_words(&x.words, &y.words) {
                return Some(shortened(x, y));
            }
            if abbreviates_words(&y.words, &x.words) {
                return Some(shortened(y, x));
            }
        }
    }
    None
}

/// The aliases of `a` once `b` is merged into it: its own, then `b`'s name and aliases.
fn merged_aliases(a: &Actor, b: &Actor) -> String {
    let mut keys = vec![key(&a.name)];
    let mut out: Vec<&str> = Vec::new();
    let b_labels = std::iter::once(&b.name).chain(&b.aliases);
    for label in a.aliases.iter().chain(b_labels) {
        let k = key(label);
        if !keys.contains(&k) {
            keys.push(k);
            out.push(label);
        }
    }
    out.join("|")
}

const STOPWORDS: &[&str] = &[
    "a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "pour", "sur",
    "and", "of", "the",
];

/// A word of a name, lowercased, and its capitals when it mixes cases ("SyMPaC": "smpc").
struct Word {
    lower: String,
    capitals: Option<String>,
}

impl Word {
    fn is_stop(&self) -> bool {
        STOPWORDS.contains(&self.lower.as_str())
    }

    fn initial(&self) -> Option<u8> {
        self.lower.bytes().next()
    }
}

fn words(name: &str) -> Vec<Word> {
    deunicode::deunicode(name)
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '&'))
        .filter(|w| !w.is_empty())
        .map(|w| {
            let capitals: String = w
                .chars()
                .filter(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '&')
                .collect::<String>()
                .to_ascii_lowercase();
            let mixed = w.chars().any(|c| c.is_ascii_lowercase()) && capitals.len() >= 2;
            Word {
                lower: w.to_ascii_lowercase(),
                capitals: mixed.then_some(capitals),
            }
        })
        .collect()
}

/// True when `short` is `long` with one or more runs of words replaced by their initials:
/// "Région HdF" abbreviates "REGION HAUTS DE France", "SyMPaC" abbreviates "Syndicat Mixte du
/// Pays du Calaisis", "GCT&M" abbreviates "Grand Calais Terres & Mers".
#[cfg(test)]
fn abbreviates(short: &str, long: &str) -> bool {
    abbreviates_words(&words(short), &words(long))
}

fn abbreviates_words(s: &[Word], l: &[Word]) -> bool {
    s.len() < l.len() + s.iter().filter(|w| w.is_stop()).count()
        && l.len() <= 12
        && walk(s, l, false)
}

fn walk(s: &[Word], l: &[Word], abbreviated: bool) -> bool {
    match (s.first(), l.first()) {
        (None, _) => abbreviated && l.iter().all(Word::is_stop),
        (Some(x), None) => x.is_stop() && walk(&s[1..], l, abbreviated),
        (Some(x), Some(y)) => {
            (x.lower == y.lower && walk(&s[1..], &l[1..], abbreviated))
                || (y.is_stop() && walk(s, &l[1..], abbreviated))
                || (x.is_stop() && walk(&s[1..], l, abbreviated))
                || (2..=l.len()).any(|k| initials_of(x, &l[..k]) && walk(&s[1..], &l[k..], true))
        }
    }
}

/// Is `word` the initials of `run`? Every word gives its initial, except "de", "du", "l'"...
/// which may give theirs or not: "ADEME" for "Agence de l'Environnement et de la Maîtrise de
/// l'Énergie", "HdF" for "Hauts de France". A mixed-case word may also stand by its capitals
/// alone: "SyMPaC" for "Syndicat Mixte du Pays du Calaisis".
fn initials_of(word: &Word, run: &[Word]) -> bool {
    if word.lower.len() < 2 || run.len() < 2 {
        return false;
    }
    // Each word of the run gives at most one letter: a longer word cannot be its initials.
    let fits = |letters: &str| letters.len() <= run.len() && spells(letters.as_bytes(), run);
    fits(&word.lower) || word.capitals.as_deref().is_some_and(fits)
}

fn spells(letters: &[u8], run: &[Word]) -> bool {
    let Some(w) = run.first() else {
        return letters.is_empty();
    };
    (letters.first().copied() == w.initial() && spells(&letters[1..], &run[1..]))
        || (w.is_stop() && spells(letters, &run[1..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{findings_of, territory};

    #[test]
    fn acronyms_are_recognised() {
        assert!(abbreviates("Région HdF", "REGION HAUTS DE France"));
        assert!(abbreviates("SyMPaC", "Syndicat Mixte du Pays du Calaisis"));
        assert!(abbreviates("GCT&M", "Grand Calais Terres & Mers"));
        assert!(abbreviates(
            "ADEME",
            "Agence de l'Environnement et de la Maîtrise de l'Énergie"
        ));
        assert!(!abbreviates("ADIL", "Agences immobilières"));
        assert!(!abbreviates(
            "SPEE",
            "Service Public Régional de l'Efficacité énergétique"
        ));
        assert!(
            !abbreviates("Région", "Région"),
            "equal is not an abbreviation"
        );
        assert!(!abbreviates("CCRA", "CCPO"));
    }

    #[test]
    fn same_names_aliases_and_acronyms_are_reported_with_the_merging_aliases() {
        let t = territory(
            r#"{
            "actors": [
                {"id": "region", "name": "REGION HAUTS DE France", "aliases": ["Conseil régional"]},
                {"id": "region-hdf", "name": "Région HdF"},
                {"id": "ademe", "name": "ADEME"},
                {"id": "ademe-2", "name": "A.D.E.M.E."},
                {"id": "sevadec", "name": "SEVADEC", "aliases": ["Syndicat des déchets"]},
                {"id": "syndicat", "name": "Le syndicat", "aliases": ["Syndicat des dechets"]},
                {"id": "epci", "name": "Les 3 EPCI", "aliases": ["EPCI"], "members": ["Le syndicat"]}
            ]
        }"#,
        );
        let f = findings_of(&RULE, &t);
        let shown: Vec<(String, String)> = f
            .iter()
            .map(|f| {
                let en = crate::i18n::Lang::En;
                (
                    f.message.render(en),
                    f.hint.as_ref().map(|h| h.render(en)).unwrap_or_default(),
                )
            })
            .collect();
        let shown: Vec<(&str, &str)> = shown
            .iter()
            .map(|(m, h)| (m.as_str(), h.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                (
                    "actors \"REGION HAUTS DE France\" and \"Région HdF\" are probably the same body: \"Région HdF\" abbreviates \"REGION HAUTS DE France\"",
                    "if they are, delete the row of \"Région HdF\" and give \"REGION HAUTS DE France\" (at t.json:3) the aliases \"Conseil régional|Région HdF\": links naming \"Région HdF\" then reach it"
                ),
                (
                    "actors \"ADEME\" and \"A.D.E.M.E.\" are probably the same body: their names are equal once case, accents, punctuation and spaces are ignored",
                    "if they are, delete the row of \"A.D.E.M.E.\": links naming it then reach \"ADEME\""
                ),
                (
                    "actors \"SEVADEC\" and \"Le syndicat\" are probably the same body: both go by \"Syndicat des déchets\"",
                    "if they are, delete the row of \"Le syndicat\" and give \"SEVADEC\" (at t.json:7) the aliases \"Syndicat des déchets|Le syndicat\": links naming \"Le syndicat\" then reach it"
                ),
            ]
        );
    }
}
