//! Cell values as French and English spreadsheets write them: numbers ("1 500", "1500,5"),
//! yes/no ("oui", "x"), roles ("chef de file", "financeur") and means ("ingénierie").
//! Each parser returns what was expected when the text is not understood.

use crate::model::{ActionStatus, Means, Role};
use crate::names::{fold, suggest};

/// A number, French or English notation: "1500", "1 500", "1500,5", "1,500.5", "50 %".
pub fn number(text: &str) -> Result<f64, String> {
    let expected = || format!("\"{text}\" is not a number (expected e.g. 1500, 1 500 or 1500,5)");
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
pub fn boolean(text: &str) -> Result<bool, String> {
    match fold(text).as_str() {
        "" | "no" | "non" | "0" | "false" | "faux" | "n" => Ok(false),
        "yes" | "oui" | "x" | "1" | "true" | "vrai" | "y" | "o" => Ok(true),
        _ => Err(format!(
            "\"{text}\" is not a yes/no value (expected oui/non, yes/no, x, 1/0, vrai/faux)"
        )),
    }
}

/// Every word accepted for each role, the one the maps use first. The "unknown role"
/// message and the README list them from here; each is also accepted in the plural.
pub const ROLE_WORDS: [(Role, &[&str]); 7] = [
    (Role::Lead, &["chef de file", "pilote", "porteur", "lead"]),
    (
        Role::LeadCandidate,
        &[
            "chef de file pressenti",
            "pressenti",
            "candidat",
            "chef de file candidat",
            "lead-candidate",
            "candidate",
        ],
    ),
    (
        Role::Prescriber,
        &["prescripteur", "prescriptrice", "prescriber"],
    ),
    (
        Role::Funder,
        &[
            "financeur",
            "financeuse",
            "financier",
            "financière",
            "funder",
        ],
    ),
    (
        Role::Support,
        &[
            "accompagnateur",
            "accompagnatrice",
            "partenaire-ressource",
            "partenaire",
            "ressource",
            "support",
            "support partner",
            "partner",
            "resource",
        ],
    ),
    (Role::Target, &["cible", "target"]),
    (Role::Relay, &["relais", "relay"]),
];

/// Every word accepted for each means, the one the maps use first.
pub const MEANS_WORDS: [(Means, &[&str]); 3] = [
    (
        Means::Engineering,
        &["ingénierie", "ingénieur", "engineering"],
    ),
    (Means::Support, &["accompagnement", "support"]),
    (
        Means::Funding,
        &[
            "financiers",
            "financement",
            "finance",
            "financière",
            "funding",
        ],
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

/// The value a folded, singular word stands for in a table of words.
fn lookup<T: Copy>(words: &[(T, &[&str])], text: &str) -> Option<T> {
    let wanted = singular(text);
    words
        .iter()
        .find(|(_, names)| names.iter().any(|n| singular(n) == wanted))
        .map(|(value, _)| *value)
}

/// The words of a table, for a message: "chef de file, pilote, ...; prescripteur, ...".
fn listed<T>(words: &[(T, &[&str])]) -> String {
    words
        .iter()
        .map(|(_, names)| names.join(", "))
        .collect::<Vec<_>>()
        .join("; ")
}

/// " (did you mean "chef de file"?)" when `text` is a typo of one of the words.
fn did_you_mean<T>(words: &[(T, &[&str])], text: &str) -> String {
    suggest(text, words.iter().flat_map(|(_, w)| w.iter().copied()))
        .map(|s| format!(" (did you mean \"{s}\"?)"))
        .unwrap_or_default()
}

/// A role, in English or French, singular or plural.
pub fn role(text: &str) -> Result<Role, String> {
    lookup(&ROLE_WORDS, text).ok_or_else(|| {
        format!(
            "unknown role \"{text}\"{}; expected one of: {} (singular or plural)",
            did_you_mean(&ROLE_WORDS, text),
            listed(&ROLE_WORDS)
        )
    })
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
pub fn means(text: &str) -> Result<Means, String> {
    lookup(&MEANS_WORDS, text).ok_or_else(|| {
        format!(
            "unknown means \"{text}\"{}; expected one of: {} (singular or plural)",
            did_you_mean(&MEANS_WORDS, text),
            listed(&MEANS_WORDS)
        )
    })
}

/// Every word accepted for each state of an action, the table's own first (French, then
/// English); each is also accepted in the plural.
pub const STATUS_WORDS: [(ActionStatus, &[&str]); 4] = [
    (
        ActionStatus::Planned,
        &[
            "envisagée",
            "envisagé",
            "prévue",
            "prévu",
            "à venir",
            "hypothèse",
            "planned",
            "proposed",
        ],
    ),
    (
        ActionStatus::Ongoing,
        &[
            "en cours",
            "engagée",
            "engagé",
            "lancée",
            "lancé",
            "ongoing",
            "in progress",
            "started",
        ],
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
            "done",
            "completed",
            "finished",
        ],
    ),
    (
        ActionStatus::Dropped,
        &[
            "abandonnée",
            "abandonné",
            "annulée",
            "annulé",
            "dropped",
            "abandoned",
            "cancelled",
            "canceled",
        ],
    ),
];

/// Where an action stands, in French or English; empty is envisagée (planned).
pub fn status(text: &str) -> Result<ActionStatus, String> {
    if fold(text).is_empty() {
        return Ok(ActionStatus::Planned);
    }
    lookup(&STATUS_WORDS, text).ok_or_else(|| {
        format!(
            "unknown status \"{text}\"{}; expected one of: {} (empty is envisagée)",
            did_you_mean(&STATUS_WORDS, text),
            listed(&STATUS_WORDS)
        )
    })
}

/// An amount in euros, never negative: "15000", "15 000 €", "15 000 euros", "1 500,50 EUR".
pub fn amount(text: &str) -> Result<f64, String> {
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
    let n = number(bare).map_err(|_| {
        format!("\"{text}\" is not an amount (expected euros, e.g. 15000, 15 000 or 15 000 €)")
    })?;
    if n < 0.0 {
        return Err(format!(
            "\"{text}\" is negative; expected an amount of 0 or more"
        ));
    }
    Ok(n)
}

/// An objective's target: a number, never negative.
pub fn target(text: &str) -> Result<f64, String> {
    let n = number(text)?;
    if n < 0.0 {
        return Err(format!(
            "\"{text}\" is negative; expected a target of 0 or more"
        ));
    }
    Ok(n)
}

/// A progress value in the objective's unit: "1 200", "35,5". For a qualitative objective
/// (a target of 1: "Mise en œuvre d'un REGAL") also done or not ("fait", "oui", "non") and a
/// stated fraction ("0,5" or "50 %"). Never negative.
pub fn progress(text: &str, qualitative: bool) -> Result<f64, String> {
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
                    return Err(format!(
                        "\"{text}\" is not a progress value (expected 1 for done, 0 for not done, a fraction such as 0,5 or 50 %, or fait/non)"
                    ));
                }
            },
        },
    };
    if value < 0.0 {
        return Err(format!(
            "\"{text}\" is negative; expected a value of 0 or more"
        ));
    }
    Ok(value)
}

/// The years a date may fall in: outside them it is a typo (0022 for 2022, 2202 for 2022).
pub const YEARS: std::ops::RangeInclusive<i16> = 1900..=2200;

/// A calendar date: 2023-12-31 or 31/12/2023, in the years 1900 to 2200.
pub fn date(text: &str) -> Result<jiff::civil::Date, String> {
    let d = any_date(text)?;
    if !YEARS.contains(&d.year()) {
        return Err(format!(
            "\"{}\" is in the year {}; expected a date between {} and {}",
            text.trim(),
            d.year(),
            YEARS.start(),
            YEARS.end()
        ));
    }
    Ok(d)
}

fn any_date(text: &str) -> Result<jiff::civil::Date, String> {
    let text = text.trim();
    let expected = || format!("\"{text}\" is not a date (expected 2023-12-31 or 31/12/2023)");
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
        assert!(
            number("15OO")
                .unwrap_err()
                .contains("\"15OO\" is not a number")
        );
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
        assert!(role("chef de fil").unwrap_err().starts_with(
            "unknown role \"chef de fil\" (did you mean \"chef de file\"?); expected"
        ));
        let e = role("boss").unwrap_err();
        assert!(e.starts_with("unknown role \"boss\"; expected one of: chef de file, pilote, porteur, lead; chef de file pressenti"), "{e}");
        // Every word listed is accepted, singular or plural.
        for (r, words) in ROLE_WORDS {
            for w in words {
                assert_eq!(role(w), Ok(r), "{w}");
                assert!(e.contains(w), "{w}");
            }
        }
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
            target("-5"),
            Err("\"-5\" is negative; expected a target of 0 or more".to_owned())
        );
    }

    #[test]
    fn means_in_both_languages() {
        assert_eq!(means("Ingénierie"), Ok(Means::Engineering));
        assert_eq!(means("accompagnement"), Ok(Means::Support));
        assert_eq!(means("Financiers"), Ok(Means::Funding));
        assert!(means("argent").is_err());
        assert!(
            means("ingenieri")
                .unwrap_err()
                .starts_with("unknown means \"ingenieri\" (did you mean \"ingénierie\"?); expected one of: ingénierie")
        );
    }

    #[test]
    fn progress_values_quantitative_and_qualitative() {
        assert_eq!(progress("1 200", false), Ok(1200.0));
        assert_eq!(progress("30 %", false), Ok(30.0));
        assert!(progress("fait", false).is_err());
        assert!(progress("-3", false).unwrap_err().contains("negative"));
        assert_eq!(progress("1", true), Ok(1.0));
        assert_eq!(progress("0,5", true), Ok(0.5));
        assert_eq!(progress("50 %", true), Ok(0.5));
        assert_eq!(progress("Fait", true), Ok(1.0));
        assert_eq!(progress("oui", true), Ok(1.0));
        assert_eq!(progress("non", true), Ok(0.0));
        let err = progress("bientôt", true).unwrap_err();
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
            date("0000-06-30"),
            Err(
                "\"0000-06-30\" is in the year 0; expected a date between 1900 and 2200".to_owned()
            )
        );
        assert!(date("30/06/2922").unwrap_err().contains("in the year 2922"));
        assert!(date("30/06/0022").unwrap_err().contains("in the year 22"));
    }

    #[test]
    fn statuses_in_french_and_english_and_empty_is_planned() {
        assert_eq!(status(""), Ok(ActionStatus::Planned));
        assert_eq!(status("En cours"), Ok(ActionStatus::Ongoing));
        assert_eq!(status("réalisées"), Ok(ActionStatus::Done));
        assert_eq!(status("ABANDONNÉE"), Ok(ActionStatus::Dropped));
        assert_eq!(status("planned"), Ok(ActionStatus::Planned));
        assert_eq!(status("done"), Ok(ActionStatus::Done));
        let e = status("en cour de réalisation").unwrap_err();
        assert!(
            e.starts_with("unknown status \"en cour de réalisation\""),
            "{e}"
        );
        assert!(
            e.contains("envisagée") && e.contains("(empty is envisagée)"),
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
        assert!(amount("-5").unwrap_err().contains("negative"));
        assert!(amount("beaucoup").unwrap_err().contains("is not an amount"));
        // Never a panic on text whose case changes its length.
        assert!(amount("İİİ").is_err());
    }
}
