//! `duplicate-actor`: two rows of actors.csv that are probably the same body.
//!
//! Comparing every pair of actors costs the square of their number (50,000 actors are more
//! than a billion pairs), so the rule first finds the pairs worth comparing: actors sharing a
//! name or alias key, and actors one of whose labels abbreviates a label of the other, found by
//! walking each label through a word trie of every label (`Trie`). Those pairs are then judged
//! exactly as before (`same_body`), in the same order.

use foldhash::{HashMap, HashSet};

use super::message::{Doc, Hint, Message, SameBody};
use super::{Context, Finding, Rule, Severity};
use crate::model::{Actor, Territory};
use crate::names::key;
use compact_str::CompactString;

pub static RULE: Rule = Rule {
    name: "duplicate-actor",
    severity: Severity::Warning,
    doc: Doc::DuplicateActor,
    params: &[],
    check,
};

fn check(cx: &Context, territory: &Territory) -> Vec<Finding> {
    let labels: Vec<Vec<Label>> = territory.actors().iter().map(labels).collect();
    let pairs = candidates(&labels);
    findings(cx, territory, &labels, pairs)
}

/// The findings among these pairs of actors (`i < j`, in order).
fn findings(
    cx: &Context,
    territory: &Territory,
    labels: &[Vec<Label>],
    pairs: impl IntoIterator<Item = (usize, usize)>,
) -> Vec<Finding> {
    let actors = territory.actors();
    let mut findings = Vec::new();
    for (i, j) in pairs {
        let (a, b) = (&actors[i], &actors[j]);
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
    findings
}

/// Every pair of actors (`i < j`, sorted) that `same_body` may accept: a superset of those it
/// does, found without comparing every pair.
fn candidates(labels: &[Vec<Label>]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    // Equal names and shared aliases: one key. The labels sorted by key, each run of one key
    // is a group (a map of keys to lists made a list per label, nearly all of one actor).
    let mut keyed: Vec<(&str, usize)> = labels
        .iter()
        .enumerate()
        .flat_map(|(i, own)| own.iter().map(move |label| (label.key.as_str(), i)))
        .collect();
    keyed.sort_unstable();
    keyed.dedup();
    for group in keyed.chunk_by(|a, b| a.0 == b.0) {
        for (n, &(_, i)) in group.iter().enumerate() {
            pairs.extend(group[n + 1..].iter().map(|&(_, j)| (i, j)));
        }
    }
    // Abbreviations: each label against the trie of every label it could abbreviate.
    let trie = Trie::new(labels);
    let mut search = Search::default();
    let mut found = Vec::new();
    for (i, own) in labels.iter().enumerate() {
        for label in own {
            found.clear();
            trie.abbreviated_by(&label.words, &mut search, &mut found);
            pairs.extend(
                found
                    .iter()
                    .filter(|&&j| j != i)
                    .map(|&j| (i.min(j), i.max(j))),
            );
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The longest label `abbreviates_words` takes as the long side, in words.
const LONGEST: usize = 12;

/// The labels of every actor that can be the long side of an abbreviation (`LONGEST` words or
/// fewer), word by word, in compact form: node 0 is the empty label; each node's children are
/// sorted by (initial, word) so that one word is found by a binary search, and again by
/// (initial, most words below first) so that spelling a run of initials only visits the
/// children with enough words below them for the letters left.
struct Trie {
    /// Per distinct word: its initial and whether it is a stop word.
    words: Vec<(u8, bool)>,
    ids: HashMap<CompactString, u32>,
    /// Per node, the range of its children in `children`, its stop-word children in `stops`,
    /// and the actors whose label ends there in `ends`.
    child_range: Vec<(u32, u32)>,
    stop_range: Vec<(u32, u32)>,
    end_range: Vec<(u32, u32)>,
    /// (initial, word, node).
    children: Vec<(u8, u32, u32)>,
    /// (initial, height, node), the same children by initial, then height downwards.
    spelling: Vec<(u8, u8, u32)>,
    stops: Vec<u32>,
    ends: Vec<usize>,
    depth: Vec<u8>,
    /// The most words on a path below the node.
    height: Vec<u8>,
}

/// The states of a walk through the trie, kept between walks to reuse their memory: (words of
/// the short label consumed, node, abbreviated yet), and the same for one run of initials
/// (letters spelled, node).
#[derive(Default)]
struct Search {
    seen: HashSet<(usize, u32, bool)>,
    todo: Vec<(usize, u32, bool)>,
    spelled: HashSet<(usize, u32)>,
    spelling: Vec<(usize, u32)>,
    /// The nodes where the last run of initials may end.
    run_ends: Vec<u32>,
    /// Per word of the short label, how many of the words after it are not stop words: each
    /// of those takes at least one word of the long label (itself, or a run it is the
    /// initials of), so a run of initials can only end where that many words are below.
    after: Vec<usize>,
    /// The states visited by every walk so far, spelled runs included: the work done, which
    /// a test bounds.
    visited: usize,
}

/// Empty `set` for the next walk. Clearing a set costs its capacity, not its length: one
/// walk that visited many states would otherwise make every later clear as slow (a walk is
/// run per word of every label, and `spell` per word again).
fn reset<T>(set: &mut HashSet<T>) {
    const KEPT: usize = 256;
    if set.capacity() > KEPT {
        *set = HashSet::with_capacity_and_hasher(KEPT / 2, Default::default());
    } else {
        set.clear();
    }
}

impl Trie {
    fn new(labels: &[Vec<Label>]) -> Trie {
        let mut words: Vec<(u8, bool)> = Vec::new();
        let mut ids: HashMap<CompactString, u32> = HashMap::default();
        let mut edges: HashMap<(u32, u32), u32> = HashMap::default();
        let mut depth: Vec<u8> = vec![0];
        let mut ends: Vec<(u32, usize)> = Vec::new();
        for (actor, own) in labels.iter().enumerate() {
            for label in own.iter().filter(|l| l.words.len() <= LONGEST) {
                let mut node = 0u32;
                for word in &label.words {
                    // Looked up before inserting: most words are already known.
                    let id = match ids.get(word.lower.as_str()) {
                        Some(&id) => id,
                        None => {
                            words.push((word.initial().unwrap_or(0), word.is_stop()));
                            let id = (words.len() - 1) as u32;
                            ids.insert(word.lower.clone(), id);
                            id
                        }
                    };
                    node = *edges.entry((node, id)).or_insert_with(|| {
                        depth.push(depth[node as usize] + 1);
                        (depth.len() - 1) as u32
                    });
                }
                ends.push((node, actor));
            }
        }
        let nodes = depth.len();
        let mut edges: Vec<(u32, u8, u32, u32)> = edges
            .into_iter()
            .map(|((parent, word), child)| (parent, words[word as usize].0, word, child))
            .collect();
        edges.sort_unstable();
        ends.sort_unstable();
        ends.dedup();
        // A child is created after its parent: going down the children, heights are final.
        let mut height = vec![0u8; nodes];
        let mut by_child: Vec<(u32, u32)> = edges.iter().map(|e| (e.3, e.0)).collect();
        by_child.sort_unstable_by(|a, b| b.cmp(a));
        for (child, parent) in by_child {
            let h = height[child as usize] + 1;
            height[parent as usize] = height[parent as usize].max(h);
        }
        let ranges = |keys: &mut dyn Iterator<Item = u32>| {
            let mut range = vec![(0u32, 0u32); nodes];
            for (i, node) in keys.enumerate() {
                let r = &mut range[node as usize];
                if r.1 == 0 {
                    r.0 = i as u32;
                }
                r.1 = i as u32 + 1;
            }
            range
        };
        let child_range = ranges(&mut edges.iter().map(|e| e.0));
        let stop_edges: Vec<&(u32, u8, u32, u32)> =
            edges.iter().filter(|e| words[e.2 as usize].1).collect();
        let stop_range = ranges(&mut stop_edges.iter().map(|e| e.0));
        let stops = stop_edges.iter().map(|e| e.3).collect();
        let end_range = ranges(&mut ends.iter().map(|e| e.0));
        let mut spelling: Vec<(u32, u8, std::cmp::Reverse<u8>, u32)> = edges
            .iter()
            .map(|e| (e.0, e.1, std::cmp::Reverse(height[e.3 as usize]), e.3))
            .collect();
        spelling.sort_unstable();
        Trie {
            spelling: spelling.iter().map(|e| (e.1, e.2.0, e.3)).collect(),
            words,
            ids,
            child_range,
            stop_range,
            end_range,
            children: edges.iter().map(|e| (e.1, e.2, e.3)).collect(),
            stops,
            ends: ends.into_iter().map(|e| e.1).collect(),
            depth,
            height,
        }
    }

    fn children(&self, node: u32) -> &[(u8, u32, u32)] {
        let (from, to) = self.child_range[node as usize];
        &self.children[from as usize..to as usize]
    }

    fn stops(&self, node: u32) -> &[u32] {
        let (from, to) = self.stop_range[node as usize];
        &self.stops[from as usize..to as usize]
    }

    fn ends(&self, node: u32) -> &[usize] {
        let (from, to) = self.end_range[node as usize];
        &self.ends[from as usize..to as usize]
    }

    /// The children of `node` through a word with this initial and at least `height` words
    /// below them.
    fn spelling(&self, node: u32, initial: u8, height: usize) -> &[(u8, u8, u32)] {
        let (from, to) = self.child_range[node as usize];
        let children = &self.spelling[from as usize..to as usize];
        let from = children.partition_point(|c| c.0 < initial);
        let to = children
            .partition_point(|c| c.0 < initial || (c.0 == initial && c.1 as usize >= height));
        &children[from..to]
    }

    /// The child of `node` through this very word.
    fn child(&self, node: u32, word: &Word) -> Option<u32> {
        let &id = self.ids.get(word.lower.as_str())?;
        let key = (self.words[id as usize].0, id);
        let children = self.children(node);
        children
            .binary_search_by(|c| (c.0, c.1).cmp(&key))
            .ok()
            .map(|i| children[i].2)
    }

    /// Into `found`, the actors with a label that `short` may abbreviate: `walk` run on every
    /// label of the trie at once (without its length conditions, which `same_body` checks).
    fn abbreviated_by(&self, short: &[Word], search: &mut Search, found: &mut Vec<usize>) {
        reset(&mut search.seen);
        search.after.clear();
        search.after.resize(short.len(), 0);
        for i in (1..short.len()).rev() {
            search.after[i - 1] = search.after[i] + usize::from(!short[i].is_stop());
        }
        search.todo.clear();
        search.todo.push((0, 0, false));
        while let Some((i, node, abbreviated)) = search.todo.pop() {
            if !search.seen.insert((i, node, abbreviated)) {
                continue;
            }
            search.visited += 1;
            if i == short.len() && abbreviated {
                found.extend_from_slice(self.ends(node));
            }
            // A stop word of the long label may be left out.
            for &child in self.stops(node) {
                search.todo.push((i, child, abbreviated));
            }
            let Some(x) = short.get(i) else {
                continue;
            };
            if x.is_stop() {
                search.todo.push((i + 1, node, abbreviated));
            }
            if let Some(child) = self.child(node, x) {
                search.todo.push((i + 1, child, abbreviated));
            }
            if x.lower.as_str().len() >= 2 {
                let capitals = x.capitals.as_deref().map(str::as_bytes);
                for letters in std::iter::once(x.lower.as_str().as_bytes()).chain(capitals) {
                    self.spell(letters, node, search.after[i], search);
                    while let Some(end) = search.run_ends.pop() {
                        search.todo.push((i + 1, end, true));
                    }
                }
            }
        }
    }

    /// Into `search.run_ends`, the nodes where a run of two words or more from `from` ends
    /// whose initials spell `letters` (as in `spells`: a stop word gives its initial or not)
    /// with at least `after` words below. Without that bound, the initials "CC" of
    /// "CC Calaisis" would end a run at every "Commune de C..." of the territory, each a dead
    /// end for "Calaisis": thousands of nodes per label in a region's territory.
    fn spell(&self, letters: &[u8], from: u32, after: usize, search: &mut Search) {
        reset(&mut search.spelled);
        search.spelling.clear();
        search.spelling.push((0, from));
        while let Some((j, node)) = search.spelling.pop() {
            if !search.spelled.insert((j, node)) {
                continue;
            }
            search.visited += 1;
            let n = node as usize;
            if j == letters.len() && self.depth[n] >= self.depth[from as usize] + 2 {
                search.run_ends.push(node);
            }
            // Each letter left needs a word below, and then each word after the run.
            let left = letters.len() - j + after;
            let stops = self.stops(node).iter().copied();
            let skipped = stops.filter(|&c| self.height[c as usize] as usize >= left);
            search.spelling.extend(skipped.map(|c| (j, c)));
            if let Some(&letter) = letters.get(j) {
                let spelled = self.spelling(node, letter, left - 1);
                search.spelling.extend(spelled.iter().map(|c| (j + 1, c.2)));
            }
        }
    }
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
/// Kept inline (`CompactString`): the words of 50,000 actors' names made a string each.
struct Word {
    lower: CompactString,
    capitals: Option<String>,
    /// One of `STOPWORDS`, looked up once.
    stop: bool,
}

impl Word {
    fn is_stop(&self) -> bool {
        self.stop
    }

    fn initial(&self) -> Option<u8> {
        self.lower.as_str().bytes().next()
    }
}

fn words(name: &str) -> Vec<Word> {
    let is_capital = |c: &char| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '&';
    deunicode::deunicode_with_tofu_cow(name, "[?]")
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '&'))
        .filter(|w| !w.is_empty())
        .map(|w| {
            // Only a word that mixes cases keeps its capitals ("SyMPaC": "smpc").
            let mixed = w.chars().any(|c| c.is_ascii_lowercase())
                && w.chars().filter(is_capital).nth(1).is_some();
            let capitals = mixed.then(|| {
                let capitals: String = w.chars().filter(is_capital).collect();
                capitals.to_ascii_lowercase()
            });
            // Lowercased in place on the stack when short, as `names::with_key` does.
            let mut buf = [0u8; 64];
            let lower = match buf.get_mut(..w.len()) {
                Some(bytes) => {
                    bytes.copy_from_slice(w.as_bytes());
                    bytes.make_ascii_lowercase();
                    CompactString::new(std::str::from_utf8(bytes).unwrap_or_default())
                }
                None => CompactString::new(w.to_ascii_lowercase()),
            };
            Word {
                stop: STOPWORDS.contains(&lower.as_str()),
                lower,
                capitals,
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
        && l.len() <= LONGEST
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
    if word.lower.as_str().len() < 2 || run.len() < 2 {
        return false;
    }
    // Each word of the run gives at most one letter: a longer word cannot be its initials.
    let fits = |letters: &str| letters.len() <= run.len() && spells(letters.as_bytes(), run);
    fits(word.lower.as_str()) || word.capitals.as_deref().is_some_and(fits)
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
    use crate::check::{Facts, findings_of, territory};
    use crate::model::Tables;
    use proptest::prelude::*;

    /// The findings of the rule, and those of the rule as it was: every pair compared.
    fn indexed_and_pairwise(t: &Territory) -> (Vec<Finding>, Vec<Finding>) {
        let facts = Facts::new(t);
        let cx = Context {
            rule: &RULE,
            severity: RULE.severity,
            facts: &facts,
            params: &[],
            severity_set: false,
        };
        let labels: Vec<Vec<Label>> = t.actors().iter().map(labels).collect();
        let n = labels.len();
        let every_pair = (0..n).flat_map(|i| (i + 1..n).map(move |j| (i, j)));
        (check(&cx, t), findings(&cx, t, &labels, every_pair))
    }

    /// A region's territory names thousands of communes "Commune de C..." and many
    /// communities of communes "CC X". The initials "CC" spell "Commune de C..." for each of
    /// them, but no such run can be followed by "X": the walk of "CC X" must not visit them.
    #[test]
    fn a_run_of_initials_is_not_followed_where_the_words_after_it_cannot_be() {
        let places: Vec<String> = (0..2000).map(|i| format!("C{i:04x}ville")).collect();
        let mut names: Vec<String> = places.iter().map(|p| format!("Commune de {p}")).collect();
        names.push("Communauté de communes Calaisis".to_owned());
        let actors: Vec<Actor> = names
            .iter()
            .enumerate()
            .map(|(i, name)| Actor {
                id: format!("a{i}"),
                name: name.clone(),
                kind: None,
                short: None,
                aliases: Vec::new(),
                members: Vec::new(),
                origin: crate::error::Location::new("actors.csv", i + 2),
            })
            .collect();
        let labels: Vec<Vec<Label>> = actors.iter().map(labels).collect();
        let trie = Trie::new(&labels);
        let mut search = Search::default();
        let mut found = Vec::new();
        trie.abbreviated_by(&words("CC Calaisis"), &mut search, &mut found);
        assert_eq!(
            found,
            [2000],
            "CC Calaisis abbreviates the community of communes"
        );
        assert!(search.visited < 50, "{} states visited", search.visited);
        // Where the run is the last word, every commune it spells is a candidate, as it must be.
        found.clear();
        trie.abbreviated_by(&words("CC"), &mut search, &mut found);
        assert_eq!(found.len(), 2000, "every commune is a candidate");
    }

    /// Words of long names, and the stop words between them.
    const LONG: &[&str] = &[
        "Syndicat",
        "Mixte",
        "Pays",
        "Calaisis",
        "Agence",
        "Environnement",
        "Maîtrise",
        "Énergie",
        "Grand",
        "Calais",
        "Terres",
        "Mers",
        "Communauté",
        "communes",
        "Parc",
        "Naturel",
        "Régional",
        "Caps",
        "Marais",
        "Opale",
        "Hauts",
        "France",
        "Région",
        "Service",
        "Public",
        "Efficacité",
        "énergétique",
        "&",
        "3",
        "EPCI",
        "ADEME",
        "SyMPaC",
        "HdF",
        "eMobility",
    ];
    const STOP: &[&str] = &[
        "de", "du", "la", "l'", "et", "des", "le", "les", "pour", "sur", "au", "aux", "d'", "of",
        "the", "and", "a", "en",
    ];

    fn word(n: u8) -> &'static str {
        if n.is_multiple_of(3) {
            STOP[n as usize % STOP.len()]
        } else {
            LONG[n as usize % LONG.len()]
        }
    }

    /// A name of these words, and a short form of it made with `choices`: runs of words
    /// replaced by their initials (upper, lower or mixed case, stop words giving their initial
    /// or not), stop words dropped or added, the other words kept; sometimes a near miss.
    fn long_and_short(words: &[u8], choices: &[u8]) -> (String, String) {
        let long: Vec<&str> = words.iter().map(|&n| word(n)).collect();
        let mut choice = choices.iter().cycle().copied();
        let mut next = move || choice.next().unwrap_or(0);
        let mut short: Vec<String> = Vec::new();
        let mut i = 0;
        while i < long.len() {
            let c = next();
            let stop = STOP.contains(&long[i]);
            if c % 4 == 0 && i + 1 < long.len() {
                let k = (2 + next() as usize % 4).min(long.len() - i);
                let mut letters = String::new();
                for w in &long[i..i + k] {
                    let initial = deunicode::deunicode(w).chars().next().unwrap_or('x');
                    if !STOP.contains(w) || next() % 2 == 0 {
                        letters.push(initial);
                    }
                }
                short.push(match next() % 4 {
                    0 => letters.to_lowercase(),
                    // Capitals with lowercase letters between: "SyMPaC".
                    1 => letters
                        .to_uppercase()
                        .chars()
                        .flat_map(|l| [l, 'y'])
                        .collect(),
                    // One letter too many or too few: a near miss.
                    2 if next() % 2 == 0 => letters.to_uppercase() + "X",
                    _ => letters.to_uppercase(),
                });
                i += k;
            } else if c % 4 == 1 && stop {
                i += 1;
            } else {
                short.push(if c % 8 == 2 {
                    deunicode::deunicode(long[i]).to_uppercase()
                } else {
                    long[i].to_owned()
                });
                i += 1;
            }
            if next() % 9 == 0 {
                short.push(STOP[next() as usize % STOP.len()].to_owned());
            }
        }
        let gap = [" ", "-", " ", "'"][next() as usize % 4];
        (long.join(" "), short.join(gap))
    }

    /// Actors named by pairs of a long name and a short form of it (as names or aliases), and by
    /// random words; some of them groups of earlier ones.
    fn actors(n: usize) -> impl Strategy<Value = Territory> {
        let pair = (
            prop::collection::vec(any::<u8>(), 1..9),
            prop::collection::vec(any::<u8>(), 1..24),
        )
            .prop_map(|(words, choices)| long_and_short(&words, &choices));
        let noise = prop::collection::vec(any::<u8>(), 1..5)
            .prop_map(|w| w.iter().map(|&n| word(n)).collect::<Vec<_>>().join(" "));
        let actor = (pair, noise, any::<u8>(), any::<prop::sample::Index>());
        prop::collection::vec(actor, 0..n).prop_map(|rows| {
            let mut tables = Tables::default();
            let mut add = |name: String, aliases: Vec<String>, group: Option<usize>| {
                let i = tables.actors.len();
                let members = group
                    .filter(|_| i > 0)
                    .map(|g| vec![format!("a{}", g % i)])
                    .unwrap_or_default();
                tables.actors.push(Actor {
                    id: format!("a{i}"),
                    name,
                    kind: None,
                    short: None,
                    aliases,
                    members,
                    origin: crate::error::Location::new("actors.csv", i + 2),
                });
            };
            for ((long, short), noise, layout, member) in rows {
                let group = (layout % 3 == 0).then(|| member.index(1000));
                match layout % 5 {
                    4 => {
                        add(long, vec![short.clone()], None);
                        add(noise, vec![short], group);
                    }
                    0 => {
                        add(long, Vec::new(), None);
                        add(short, Vec::new(), group);
                    }
                    1 => {
                        add(noise, vec![short], group);
                        add(long, Vec::new(), None);
                    }
                    2 => add(long, vec![short, noise], group),
                    _ => {
                        add(short, Vec::new(), None);
                        add(noise, vec![long], group);
                    }
                }
            }
            Territory::new(tables)
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn the_index_finds_what_comparing_every_pair_finds(t in actors(8)) {
            let (indexed, pairwise) = indexed_and_pairwise(&t);
            prop_assert_eq!(indexed, pairwise);
        }
    }

    /// The random territories do hold abbreviations, of every kind the rule knows.
    #[test]
    fn the_random_territories_hold_abbreviations() {
        use proptest::strategy::ValueTree;
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        let mut reasons = HashSet::default();
        for _ in 0..300 {
            let t = actors(8)
                .new_tree(&mut runner)
                .expect("a territory")
                .current();
            for f in indexed_and_pairwise(&t).1 {
                let message = f.message.render(crate::i18n::Lang::En);
                let reason = message.split(": ").nth(1).unwrap_or_default().to_owned();
                reasons.insert(if reason.contains("abbreviates") {
                    "abbreviates".to_owned()
                } else {
                    reason.split('"').next().unwrap_or_default().to_owned()
                });
            }
        }
        let mut reasons: Vec<String> = reasons.into_iter().collect();
        reasons.sort();
        assert_eq!(reasons.len(), 4, "{reasons:?}");
    }

    #[test]
    fn the_index_finds_what_comparing_every_pair_finds_on_every_fixture() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut paths = vec![
            root.join("actors/calaisis"),
            root.join("tests/fixtures/status"),
        ];
        for folder in ["tests/fixtures/rules", "tests/fixtures/sheets"] {
            for entry in std::fs::read_dir(root.join(folder)).expect("fixtures") {
                paths.push(entry.expect("a fixture").path());
            }
        }
        paths.sort();
        let mut compared = 0;
        for path in &paths {
            let Ok(t) = crate::load::load(path) else {
                continue;
            };
            let (indexed, pairwise) = indexed_and_pairwise(&t);
            assert_eq!(indexed, pairwise, "{}", path.display());
            compared += 1;
        }
        assert!(compared >= 25, "only {compared} fixtures loaded");
        let t = territory(include_str!(
            "../../tests/fixtures/rules/duplicate-actor.fires.json"
        ));
        assert_eq!(
            indexed_and_pairwise(&t).0.len(),
            3,
            "the fixture that fires"
        );
    }

    #[test]
    fn a_name_of_twelve_words_can_be_abbreviated_and_one_of_thirteen_cannot() {
        let words = [
            "Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India",
            "Juliett", "Kilo", "Lima", "Mike",
        ];
        for n in [12, 13] {
            let initials: String = words[..n].iter().map(|w| &w[..1]).collect();
            let t = territory(&format!(
                r#"{{"actors": [{{"id": "long", "name": "{}"}}, {{"id": "short", "name": "{initials}"}}]}}"#,
                words[..n].join(" ")
            ));
            let (indexed, pairwise) = indexed_and_pairwise(&t);
            assert_eq!(indexed, pairwise);
            assert_eq!(indexed.len(), usize::from(n == 12), "{n} words");
        }
    }

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
