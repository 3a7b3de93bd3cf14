//! Cell values as French and English spreadsheets write them: numbers ("1 500", "1500,5"),
//! yes/no ("oui", "x"), roles ("chef de file", "financeur") and means ("ingénierie").
//! Each parser returns what was expected when the text is not understood.

use crate::model::{Means, Role};
use crate::names::fold;

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

/// A role, in English or French, singular or plural.
pub fn role(text: &str) -> Result<Role, String> {
    let role = match singular(text).as_str() {
        "lead" | "chef de file" | "pilote" | "porteur" => Role::Lead,
        "lead candidate" | "candidate" | "candidat" | "chef de file pressenti"
        | "chef de file candidat" | "pressenti" => Role::LeadCandidate,
        "prescriber" | "prescripteur" | "prescriptrice" => Role::Prescriber,
        "funder" | "financeur" | "financier" | "financeuse" | "financiere" => Role::Funder,
        "support" | "support partner" | "partner" | "resource" | "accompagnateur"
        | "accompagnatrice" | "partenaire" | "partenaire ressource" | "ressource" => Role::Support,
        "target" | "cible" => Role::Target,
        "relay" | "relai" => Role::Relay,
        _ => {
            return Err(format!(
                "unknown role \"{text}\" (expected one of: {}; or in French: chef de file, chef de file pressenti, prescripteur, financeur, accompagnateur, cible, relais)",
                Role::ALL.map(Role::id).join(", ")
            ));
        }
    };
    Ok(role)
}

/// Folded, each word without its plural "s": "Chef(s) de file" -> "chef de file".
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
    match singular(text).as_str() {
        "engineering" | "ingenierie" | "ingenieur" => Ok(Means::Engineering),
        "support" | "accompagnement" => Ok(Means::Support),
        "funding" | "financier" | "financement" | "finance" | "financiere" => Ok(Means::Funding),
        _ => Err(format!(
            "unknown means \"{text}\" (expected engineering, support or funding; or ingénierie, accompagnement, financiers)"
        )),
    }
}

/// A calendar date: 2023-12-31 or 31/12/2023.
pub fn date(text: &str) -> Result<jiff::civil::Date, String> {
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
        if y >= 1000 {
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
        assert!(number("15OO").unwrap_err().contains("\"15OO\" is not a number"));
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
        assert!(role("boss").unwrap_err().starts_with("unknown role \"boss\""));
    }

    #[test]
    fn means_in_both_languages() {
        assert_eq!(means("Ingénierie"), Ok(Means::Engineering));
        assert_eq!(means("accompagnement"), Ok(Means::Support));
        assert_eq!(means("Financiers"), Ok(Means::Funding));
        assert!(means("argent").is_err());
    }

    #[test]
    fn dates_iso_and_french() {
        let d = jiff::civil::date(2023, 12, 31);
        assert_eq!(date("2023-12-31"), Ok(d));
        assert_eq!(date("31/12/2023"), Ok(d));
        assert!(date("31/13/2023").is_err());
        assert!(date("demain").is_err());
    }
}
