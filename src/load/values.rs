//! Cell values as French and English spreadsheets write them: numbers ("1 500", "1500,5"),
//! yes/no ("oui", "x"), roles ("chef de file", "financeur") and means ("ingénierie").
//! Each parser returns what was expected when the text is not understood.

use crate::i18n::Lang;
use crate::load::message::{Message, Quantity, Vocabulary};
use crate::model::{ActionStatus, Means, Role};
use crate::names::{fold, suggest};

/// A number, French or English notation: "1500", "1 500", "1500,5", "1,500.5", "50 %".
pub fn number(text: &str) -> Result<f64, Message> {
    let expected = || Message::NotANumber {
        text: text.to_owned(),
    };
    let mut s: String = text
        .trim()
        .trim_end_matches('%')
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    if commas > 0 && dots > 0 {
        // The separator that comes last is the decimal one.
        let (thousands, decimal) = if s.rfind(',') > s.rfind('.') {
            (".", ",")
        } else {
            (",", ".")
        };
        s = s.replace(thousands, "").replace(decimal, ".");
    } else if commas == 1 {
        s = s.replace(',', ".");
    } else if commas > 1 {
        s = s.replace(',', "");
    } else if dots > 1 {
        s = s.replace('.', "");
    }
    let valid = !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'));
    match s.parse::<f64>() {
        Ok(n) if valid && n.is_finite() => Ok(n),
        _ => Err(expected()),
    }
}

/// A yes/no cell; empty means no.
pub fn boolean(text: &str) -> Result<bool, Message> {
    match fold(text).as_str() {
        "" | "no" | "non" | "0" | "false" | "faux" | "n" => Ok(false),
        "yes" | "oui" | "x" | "1" | "true" | "vrai" | "y" | "o" => Ok(true),
        _ => Err(Message::NotYesNo {
            text: text.to_owned(),
        }),
    }
}

/// The words a cell may hold for each value of `T`: its French words, the one the maps use
/// first, then its English words. Both are accepted whatever the language; a message lists
/// the words of its own language.
pub type WordTable<T, const N: usize> = [(T, &'static [&'static str], &'static [&'static str]); N];

/// Every word accepted for each role. The "unknown role" message and the README list them
/// from here; each is also accepted in the plural.
pub const ROLE_WORDS: WordTable<Role, 7> = [
    (
        Role::Lead,
        &["chef de file", "pilote", "porteur"],
        &["lead"],
    ),
    (
        Role::LeadCandidate,
        &[
            "chef de file pressenti",
            "pressenti",
            "candidat",
            "chef de file candidat",
        ],
        &["lead-candidate", "candidate"],
    ),
    (
        Role::Prescriber,
        &["prescripteur", "prescriptrice"],
        &["prescriber"],
    ),
    (
        Role::Funder,
        &["financeur", "financeuse", "financier", "financière"],
        &["funder"],
    ),
    (
        Role::Support,
        &[
            "accompagnateur",
            "accompagnatrice",
            "partenaire-ressource",
            "partenaire",
            "ressource",
        ],
        &["support", "support partner", "partner", "resource"],
    ),
    (Role::Target, &["cible"], &["target"]),
    (Role::Relay, &["relais"], &["relay"]),
];

/// Every word accepted for each means, the one the maps use first.
pub const MEANS_WORDS: WordTable<Means, 3> = [
    (
        Means::Engineering,
        &["ingénierie", "ingénieur"],
        &["engineering"],
    ),
    (Means::Support, &["accompagnement"], &["support"]),
    (
        Means::Funding,
        &["financiers", "financement", "finance", "financière"],
        &["finance", "funding"],
    ),
];

/// The separators of several roles or means in one cell: "financeur, accompagnateur",
/// "ingénierie / financiers", "financeur + cible"; " et " and " and " also separate.
pub const SEVERAL: [char; 3] = [',', '/', '+'];

/// The pieces of a cell holding several roles or means, split on `SEVERAL` and on the
/// words "et" and "and": "financeur et accompagnateur" gives two.
pub fn several(items: Vec<String>) -> Vec<String> {
    let mut out = Vec::new();
    for item in items.iter().flat_map(|i| i.split(SEVERAL)) {
        let mut rest = item;
        loop {
            let lower = rest.to_ascii_lowercase();
            let cut = [" et ", " and "]
                .iter()
                .filter_map(|w| lower.find(w).map(|at| (at, w.len())))
                .min();
            match cut {
                Some((at, len)) => {
                    out.push(rest[..at].trim().to_owned());
                    rest = &rest[at + len..];
                }
                None => {
                    out.push(rest.trim().to_owned());
                    break;
                }
            }
        }
    }
    out.retain(|w| !w.is_empty());
    out
}

/// Every word of one entry of a table, French then English.
fn all_words<T>(
    entry: &(T, &'static [&'static str], &'static [&'static str]),
) -> impl Iterator<Item = &'static str> {
    entry.1.iter().chain(entry.2).copied()
}

/// The value a folded, singular word stands for in a table of words.
fn lookup<T: Copy>(
    words: &[(T, &'static [&'static str], &'static [&'static str])],
    text: &str,
) -> Option<T> {
    let wanted = singular(text);
    words
        .iter()
        .find(|entry| all_words(entry).any(|n| singular(n) == wanted))
        .map(|(value, _, _)| *value)
}

/// The words of a table in one language, for a message: "chef de file, pilote, ... ;
/// prescripteur, ..." (a no-break space before the French semicolon).
pub(crate) fn listed<T>(words: &[(T, &[&str], &[&str])], lang: Lang) -> String {
    let (words, between): (Vec<_>, _) = match lang {
        Lang::Fr => (words.iter().map(|w| w.1).collect(), "\u{a0}; "),
        Lang::En => (words.iter().map(|w| w.2).collect(), "; "),
    };
    words
        .iter()
        .map(|w| w.join(", "))
        .collect::<Vec<_>>()
        .join(between)
}

/// Why `text` is none of the words of `vocabulary`, with the word it is a typo of, if any
/// (in either language).
fn unknown<T>(
    vocabulary: Vocabulary,
    words: &[(T, &'static [&'static str], &'static [&'static str])],
    text: &str,
) -> Message {
    Message::UnknownWord {
        vocabulary,
        text: text.to_owned(),
        suggestion: suggest(text, words.iter().flat_map(all_words)).map(str::to_owned),
    }
}

/// A role, in English or French, singular or plural.
pub fn role(text: &str) -> Result<Role, Message> {
    lookup(&ROLE_WORDS, text).ok_or_else(|| unknown(Vocabulary::Role, &ROLE_WORDS, text))
}

/// Folded, each word without its plural "s" or "x": "Chef(s) de file" -> "chef de file".
fn singular(text: &str) -> String {
    fold(text)
        .split(' ')
        .map(|w| w.trim_end_matches('s'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The means an actor brings, in English or French.
pub fn means(text: &str) -> Result<Means, Message> {
    lookup(&MEANS_WORDS, text).ok_or_else(|| unknown(Vocabulary::Means, &MEANS_WORDS, text))
}

/// Every word accepted for each state of an action, the table's own first; each is also
/// accepted in the plural.
pub const STATUS_WORDS: WordTable<ActionStatus, 4> = [
    (
        ActionStatus::Planned,
        &[
            "envisagée",
            "envisagé",
            "prévue",
            "prévu",
            "à venir",
            "hypothèse",
        ],
        &["planned", "proposed"],
    ),
    (
        ActionStatus::Ongoing,
        &["en cours", "engagée", "engagé", "lancée", "lancé"],
        &["ongoing", "in progress", "started"],
    ),
    (
        ActionStatus::Done,
        &[
            "réalisée",
            "réalisé",
            "terminée",
            "terminé",
            "achevée",
            "achevé",
            "faite",
            "fait",
        ],
        &["done", "completed", "finished"],
    ),
    (
        ActionStatus::Dropped,
        &["abandonnée", "abandonné", "annulée", "annulé"],
        &["dropped", "abandoned", "cancelled", "canceled"],
    ),
];

/// Where an action stands, in French or English; empty is envisagée (planned).
pub fn status(text: &str) -> Result<ActionStatus, Message> {
    if fold(text).is_empty() {
        return Ok(ActionStatus::Planned);
    }
    lookup(&STATUS_WORDS, text).ok_or_else(|| unknown(Vocabulary::Status, &STATUS_WORDS, text))
}

/// An amount in euros, never negative: "15000", "15 000 €", "15 000 euros", "1 500,50 EUR".
pub fn amount(text: &str) -> Result<f64, Message> {
    let trimmed = text.trim();
    let bare = ["euros", "euro", "eur", "€"]
        .iter()
        .find_map(|unit| {
            let cut = trimmed.len().checked_sub(unit.len())?;
            let tail = trimmed.get(cut..)?;
            tail.eq_ignore_ascii_case(unit).then(|| &trimmed[..cut])
        })
        .unwrap_or(trimmed);
    let bare = bare.trim_start_matches('€').trim();
    let n = number(bare).map_err(|_| Message::NotAnAmount {
        text: text.to_owned(),
    })?;
    if n < 0.0 {
        return Err(negative(text, Quantity::Amount));
    }
    Ok(n)
}

/// An objective's target: a number, never negative.
pub fn target(text: &str) -> Result<f64, Message> {
    let n = number(text)?;
    if n < 0.0 {
        return Err(negative(text, Quantity::Target));
    }
    Ok(n)
}

/// A progress value in the objective's unit: "1 200", "35,5". For a qualitative objective
/// (a target of 1: "Mise en œuvre d'un REGAL") also done or not ("fait", "oui", "non") and a
/// stated fraction ("0,5" or "50 %"). Never negative.
pub fn progress(text: &str, qualitative: bool) -> Result<f64, Message> {
    let value = match number(text) {
        Ok(n) if qualitative && text.trim_end().ends_with('%') => n / 100.0,
        Ok(n) => n,
        Err(e) if !qualitative => return Err(e),
        Err(_) => match fold(text).as_str() {
            "fait" | "faite" | "done" | "realise" | "realisee" | "acheve" | "termine" => 1.0,
            "pas fait" | "non fait" | "not done" | "a faire" | "todo" => 0.0,
            _ => match boolean(text) {
                Ok(done) => f64::from(u8::from(done)),
                Err(_) => {
                    return Err(Message::NotAProgressValue {
                        text: text.to_owned(),
                    });
                }
            },
        },
    };
    if value < 0.0 {
        return Err(negative(text, Quantity::Value));
    }
    Ok(value)
}

/// `text` is below zero.
fn negative(text: &str, quantity: Quantity) -> Message {
    Message::Negative {
        text: text.to_owned(),
        quantity,
    }
}

/// The years a date may fall in: outside them it is a typo (0022 for 2022, 2202 for 2022).
pub const YEARS: std::ops::RangeInclusive<i16> = 1900..=2200;

/// A calendar date: 2023-12-31 or 31/12/2023, in the years 1900 to 2200.
pub fn date(text: &str) -> Result<jiff::civil::Date, Message> {
    let d = any_date(text)?;
    if !YEARS.contains(&d.year()) {
        return Err(Message::YearOutOfRange {
            text: text.trim().to_owned(),
            year: d.year(),
        });
    }
    Ok(d)
}

fn any_date(text: &str) -> Result<jiff::civil::Date, Message> {
    let text = text.trim();
    let expected = || Message::NotADate {
        text: text.to_owned(),
    };
    if let Ok(d) = text.parse::<jiff::civil::Date>() {
        return Ok(d);
    }
    let parts: Vec<&str> = text.split('/').collect();
    if let [d, m, y] = parts[..] {
        let (d, m, y) = (
            d.parse::<i8>().map_err(|_| expected())?,
            m.parse::<i8>().map_err(|_| expected())?,
            y.parse::<i16>().map_err(|_| expected())?,
        );
        if y >= 1 {
            return jiff::civil::Date::new(y, m, d).map_err(|_| expected());
        }
    }
    Err(expected())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// The error of a parse, in English.
    fn said<T: std::fmt::Debug>(r: Result<T, Message>) -> String {
        r.unwrap_err().render(Lang::En)
    }

    #[test]
    fn numbers_in_french_and_english_notation() {
        assert_eq!(number("1500"), Ok(1500.0));
        assert_eq!(number("1 500"), Ok(1500.0));
        assert_eq!(number("1\u{a0}500"), Ok(1500.0));
        assert_eq!(number("1500,5"), Ok(1500.5));
        assert_eq!(number("1.500,5"), Ok(1500.5));
        assert_eq!(number("1,500.5"), Ok(1500.5));
        assert_eq!(number("1500.5"), Ok(1500.5));
        assert_eq!(number("50 %"), Ok(50.0));
        assert_eq!(number("0,6"), Ok(0.6));
        assert!(said(number("15OO")).contains("\"15OO\" is not a number"));
        assert!(number("").is_err());
        assert!(number("1e400").is_err());
        assert!(number("NaN").is_err());
    }

    #[test]
    fn booleans_in_both_languages() {
        for yes in ["oui", "Oui", "x", "X", "1", "true", "VRAI", "yes"] {
            assert_eq!(boolean(yes), Ok(true), "{yes}");
        }
        for no in ["", "non", "0", "false", "Faux", "no"] {
            assert_eq!(boolean(no), Ok(false), "{no}");
        }
        assert!(boolean("peut-être").is_err());
    }

    #[test]
    fn roles_in_both_languages() {
        assert_eq!(role("Chef de file"), Ok(Role::Lead));
        assert_eq!(role("chef de file pressenti"), Ok(Role::LeadCandidate));
        assert_eq!(role("Financeurs"), Ok(Role::Funder));
        assert_eq!(role("financier"), Ok(Role::Funder));
        assert_eq!(role("partenaire-ressource"), Ok(Role::Support));
        assert_eq!(role("Partenaires-ressources"), Ok(Role::Support));
        assert_eq!(role("Chef(s) de file"), Ok(Role::Lead));
        assert_eq!(role("Accompagnateur"), Ok(Role::Support));
        assert_eq!(role("Cibles"), Ok(Role::Target));
        assert_eq!(role("relais"), Ok(Role::Relay));
        assert_eq!(role("lead-candidate"), Ok(Role::LeadCandidate));
        assert_eq!(role("pilote"), Ok(Role::Lead));
        assert_eq!(role("Porteurs"), Ok(Role::Lead));
        assert_eq!(role("financière"), Ok(Role::Funder));
        assert!(said(role("chef de fil")).starts_with(
            "unknown role \"chef de fil\" (did you mean \"chef de file\"?); expected"
        ));
        let en = said(role("boss"));
        assert_eq!(
            en,
            "unknown role \"boss\"; expected one of: lead; lead-candidate, candidate; prescriber; funder; support, support partner, partner, resource; target; relay (singular or plural)"
        );
        let fr = role("boss")
            .unwrap_err()
            .render(Lang::Fr)
            .replace('\u{a0}', " ");
        assert_eq!(
            fr,
            "rôle inconnu « boss » ; attendu, l'un de : chef de file, pilote, porteur ; chef de file pressenti, pressenti, candidat, chef de file candidat ; prescripteur, prescriptrice ; financeur, financeuse, financier, financière ; accompagnateur, accompagnatrice, partenaire-ressource, partenaire, ressource ; cible ; relais (au singulier ou au pluriel)"
        );
        // Every word is accepted, singular or plural, and listed in its own language.
        for (r, french, english) in ROLE_WORDS {
            for w in french {
                assert_eq!(role(w), Ok(r), "{w}");
                assert!(fr.contains(w), "{w}");
            }
            for w in english {
                assert_eq!(role(w), Ok(r), "{w}");
                assert!(en.contains(w), "{w}");
            }
        }
        // A typo of an English word gets its suggestion in French too.
        let fr = role("fundr")
            .unwrap_err()
            .render(Lang::Fr)
            .replace('\u{a0}', " ");
        assert!(fr.contains("vouliez-vous dire « funder »"), "{fr}");
    }

    #[test]
    fn several_roles_in_one_cell() {
        let cell = |s: &str| several(vec![s.to_owned()]);
        assert_eq!(
            cell("financeur, accompagnateur"),
            ["financeur", "accompagnateur"]
        );
        assert_eq!(
            cell("ingénierie / financiers"),
            ["ingénierie", "financiers"]
        );
        assert_eq!(cell("financeur + cible"), ["financeur", "cible"]);
        assert_eq!(cell("Financeur ET relais"), ["Financeur", "relais"]);
        assert_eq!(cell("chef de file pressenti"), ["chef de file pressenti"]);
        assert_eq!(cell("financeur, "), ["financeur"]);
    }

    #[test]
    fn targets_are_never_negative() {
        assert_eq!(target("1 500"), Ok(1500.0));
        assert_eq!(target("0"), Ok(0.0));
        assert_eq!(
            said(target("-5")),
            "\"-5\" is negative; expected a target of 0 or more"
        );
    }

    #[test]
    fn means_in_both_languages() {
        assert_eq!(means("Ingénierie"), Ok(Means::Engineering));
        assert_eq!(means("accompagnement"), Ok(Means::Support));
        assert_eq!(means("Financiers"), Ok(Means::Funding));
        assert!(means("argent").is_err());
        assert!(
            said(means("ingenieri")).starts_with("unknown means \"ingenieri\" (did you mean \"ingénierie\"?); expected one of: engineering; support; finance, funding")
        );
    }

    #[test]
    fn progress_values_quantitative_and_qualitative() {
        assert_eq!(progress("1 200", false), Ok(1200.0));
        assert_eq!(progress("30 %", false), Ok(30.0));
        assert!(progress("fait", false).is_err());
        assert!(said(progress("-3", false)).contains("negative"));
        assert_eq!(progress("1", true), Ok(1.0));
        assert_eq!(progress("0,5", true), Ok(0.5));
        assert_eq!(progress("50 %", true), Ok(0.5));
        assert_eq!(progress("Fait", true), Ok(1.0));
        assert_eq!(progress("oui", true), Ok(1.0));
        assert_eq!(progress("non", true), Ok(0.0));
        let err = said(progress("bientôt", true));
        assert!(err.contains("not a progress value"), "{err}");
    }

    #[test]
    fn dates_iso_and_french() {
        let d = jiff::civil::date(2023, 12, 31);
        assert_eq!(date("2023-12-31"), Ok(d));
        assert_eq!(date("31/12/2023"), Ok(d));
        assert!(date("31/13/2023").is_err());
        assert!(date("demain").is_err());
        assert_eq!(date("1900-01-01"), Ok(jiff::civil::date(1900, 1, 1)));
        assert_eq!(date("31/12/2200"), Ok(jiff::civil::date(2200, 12, 31)));
        assert_eq!(
            said(date("0000-06-30")),
            "\"0000-06-30\" is in the year 0; expected a date between 1900 and 2200"
        );
        assert!(said(date("30/06/2922")).contains("in the year 2922"));
        assert!(said(date("30/06/0022")).contains("in the year 22"));
    }

    #[test]
    fn statuses_in_french_and_english_and_empty_is_planned() {
        assert_eq!(status(""), Ok(ActionStatus::Planned));
        assert_eq!(status("En cours"), Ok(ActionStatus::Ongoing));
        assert_eq!(status("réalisées"), Ok(ActionStatus::Done));
        assert_eq!(status("ABANDONNÉE"), Ok(ActionStatus::Dropped));
        assert_eq!(status("planned"), Ok(ActionStatus::Planned));
        assert_eq!(status("done"), Ok(ActionStatus::Done));
        let e = said(status("en cour de réalisation"));
        assert!(
            e.starts_with("unknown status \"en cour de réalisation\""),
            "{e}"
        );
        assert!(
            e.contains("ongoing") && !e.contains("en cours") && e.contains("(empty is planned)"),
            "{e}"
        );
        assert!(status("réalisé").is_ok() && status("envisage").is_ok());
    }

    #[test]
    fn amounts_take_a_euro_sign_or_word_and_are_never_negative() {
        assert_eq!(amount("15000"), Ok(15000.0));
        assert_eq!(amount("15 000 €"), Ok(15000.0));
        assert_eq!(amount("€ 1 500,50"), Ok(1500.5));
        assert_eq!(amount("1500 EUR"), Ok(1500.0));
        assert_eq!(amount("2 000 euros"), Ok(2000.0));
        assert!(said(amount("-5")).contains("negative"));
        assert!(said(amount("beaucoup")).contains("is not an amount"));
        // Never a panic on text whose case changes its length.
        assert!(amount("İİİ").is_err());
    }
}
