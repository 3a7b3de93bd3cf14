//! What people read, in their language: the language itself ([`Lang`]) and one catalog per
//! language, each in its own folder (`fr/`, `en/`) with one file per area (`check.rs`,
//! `status.rs`, `diff.rs`, `dossier.rs`, `list.rs`, `watch.rs`, `roles.rs`, `layout.rs` for
//! the maps, `maps.rs` for what `render` is asked wrongly, `export.rs`, `report.rs` for the HTML
//! page, `load.rs` for what is wrong with the input files, `error.rs` for a command line that
//! asks the impossible and for what the operating system refused),
//! so that everything actormap says in French is in `src/i18n/fr/` and in English in
//! `src/i18n/en/`.
//!
//! How the pieces fit:
//! - an area keeps what it says as data (`check::Message`, `check::Hint`: an enum whose
//!   variants carry the ids, names, numbers and dates); the words are chosen only when a
//!   writer renders the value in the user's language;
//! - the area declares what every language must say for it as a trait (`check::Words`);
//! - each language implements that trait once, with an exhaustive `match` per enum and no
//!   wildcard arm: a message added to an area, a method added to its trait or a language
//!   added to [`Lang`] does not compile until every language says it;
//! - what every area needs the same way (numbers, amounts, shares, dates, lists, plurals,
//!   quotation marks, the colon) is the [`Language`] trait, also implemented once per
//!   language: callers never build a plural or place a no-break space themselves.

mod en;
mod fr;

use jiff::civil::Date;

/// The language of what users read: French by default, English with `--lang en`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

/// A no-break space: French puts one before `:` `;` `?` `!`, inside « », between thousands
/// and before `%` and `€`, so none of them ever starts a line (the maps use the same one).
pub const NBSP: char = '\u{a0}';

/// Everything one language says: its ways with numbers and punctuation, and each area's
/// words. Implemented by the one type of each language folder.
pub trait Catalog:
    Language
    + crate::check::message::Words
    + crate::status::message::Words
    + crate::diff::message::Words
    + crate::dossier::Words
    + crate::list::Words
    + crate::watch::Words
    + crate::model::RoleWords
    + crate::layout::words::Words
    + crate::maps::UsageWords
    + crate::export::ExportWords
    + crate::start::Words
    + crate::report::ReportWords
    + crate::load::message::Words
    + crate::error::MisuseWords
    + crate::help::Words
    + Sync
{
}

impl<T> Catalog for T where
    T: Language
        + crate::check::message::Words
        + crate::status::message::Words
        + crate::diff::message::Words
        + crate::dossier::Words
        + crate::list::Words
        + crate::watch::Words
        + crate::model::RoleWords
        + crate::layout::words::Words
        + crate::maps::UsageWords
        + crate::export::ExportWords
        + crate::start::Words
        + crate::report::ReportWords
        + crate::load::message::Words
        + crate::error::MisuseWords
        + crate::help::Words
        + Sync
{
}

impl Lang {
    /// Every language, in the order `--lang` lists them.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The catalog of this language.
    pub fn catalog(self) -> &'static dyn Catalog {
        match self {
            Lang::Fr => &fr::French,
            Lang::En => &en::English,
        }
    }

    /// The language a word names, as `"lang"` in territory.json or `--lang` write it:
    /// `fr`, `en`, and the languages' names in either language, any case or accents.
    pub fn from_word(word: &str) -> Option<Lang> {
        match crate::names::fold(word).as_str() {
            "fr" | "francais" | "french" => Some(Lang::Fr),
            "en" | "anglais" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// `fr`, `en`: the code `--lang` and territory.json take.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

/// How a language writes numbers, amounts, shares, dates and lists, and its punctuation.
/// One implementation per language (`fr/mod.rs`, `en/mod.rs`).
pub trait Language {
    /// A number with at most `decimals` decimals, trailing zeros dropped: "1 500,5" in
    /// French, "1,500.5" in English.
    fn decimal(&self, n: f64, decimals: usize) -> String;

    /// A number with at most three decimals: "114 000", "15,574"; "114,000", "15.574".
    fn number(&self, n: f64) -> String {
        self.decimal(n, 3)
    }

    /// An amount in euros, to the cent: "422 371 €"; "€422,371".
    fn euros(&self, n: f64) -> String;

    /// A share as a percentage, cut (never rounded up to a threshold) to one decimal:
    /// 0.5999 -> "59,9 %"; "59.9%".
    fn percent(&self, ratio: f64) -> String;

    /// A day: "30/06/2023"; "2023-06-30".
    fn date(&self, date: Date) -> String;

    /// From one day to another: "du 01/01/2021 au 31/12/2023"; "2021-01-01 to 2023-12-31".
    fn period(&self, start: Date, end: Date) -> String;

    /// Yes or no, as a table's cell says it: "oui", "non"; "yes", "no".
    fn yes_no(&self, yes: bool) -> &'static str;

    /// How this language's spreadsheets read a table: French Excel takes `;`, a decimal
    /// comma and a BOM; English ones `,` and a decimal point.
    fn spreadsheet(&self) -> crate::spreadsheet::Dialect;

    /// A count and its noun, agreed: "0 erreur", "1 erreur", "2 erreurs"; "0 errors",
    /// "1 error", "2 errors". `one` and `many` are the noun's two forms.
    fn count(&self, n: usize, one: &str, many: &str) -> String;

    /// Text quoted: « REGAL » (no-break spaces inside); "REGAL".
    fn quote(&self, text: &str) -> String;

    /// The colon after a label, without the space after it: "\u{a0}:" (a no-break space
    /// before); ":".
    fn colon(&self) -> &'static str;

    /// Items joined as a sentence does: "A", "A et B", "A, B et C"; "A and B", "A, B and C".
    fn and(&self, items: &[String]) -> String;
}

/// "A", "A et B", "A, B et C", with `last` the language's "and" (or "or").
fn joined(items: &[String], last: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., end] => format!("{} {last} {end}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn numbers_amounts_shares_and_dates_per_language() {
        let (fr, en) = (Lang::Fr.catalog(), Lang::En.catalog());
        assert_eq!(fr.number(114000.0), "114\u{a0}000");
        assert_eq!(en.number(114000.0), "114,000");
        assert_eq!(fr.number(1500.5), "1\u{a0}500,5");
        assert_eq!(en.number(1500.5), "1,500.5");
        assert_eq!(fr.euros(422371.0), "422\u{a0}371\u{a0}€");
        assert_eq!(en.euros(422371.0), "€422,371");
        assert_eq!(en.euros(76185.499), "€76,185.5");
        assert_eq!(fr.percent(0.59999), "59,9\u{a0}%");
        assert_eq!(en.percent(0.59999), "59.9%");
        assert_eq!(fr.percent(0.6), "60\u{a0}%");
        assert_eq!(fr.date(date(2023, 6, 30)), "30/06/2023");
        assert_eq!(en.date(date(2023, 6, 30)), "2023-06-30");
        let (start, end) = (date(2021, 1, 1), date(2023, 12, 31));
        assert_eq!(fr.period(start, end), "du 01/01/2021 au 31/12/2023");
        assert_eq!(en.period(start, end), "2021-01-01 to 2023-12-31");
    }

    #[test]
    fn plurals_agree_the_way_each_language_does() {
        let (fr, en) = (Lang::Fr.catalog(), Lang::En.catalog());
        let fr_counts: Vec<String> = [0, 1, 2, 1500]
            .iter()
            .map(|&n| fr.count(n, "erreur", "erreurs"))
            .collect();
        assert_eq!(
            fr_counts,
            ["0 erreur", "1 erreur", "2 erreurs", "1\u{a0}500 erreurs"]
        );
        let en_counts: Vec<String> = [0, 1, 2, 1500]
            .iter()
            .map(|&n| en.count(n, "error", "errors"))
            .collect();
        assert_eq!(
            en_counts,
            ["0 errors", "1 error", "2 errors", "1,500 errors"]
        );
    }

    #[test]
    fn quotes_colons_and_lists() {
        let (fr, en) = (Lang::Fr.catalog(), Lang::En.catalog());
        assert_eq!(fr.quote("REGAL"), "«\u{a0}REGAL\u{a0}»");
        assert_eq!(en.quote("REGAL"), "\"REGAL\"");
        assert_eq!(fr.colon(), "\u{a0}:");
        assert_eq!(en.colon(), ":");
        let three = ["A".to_owned(), "B".to_owned(), "C".to_owned()];
        assert_eq!(fr.and(&three), "A, B et C");
        assert_eq!(en.and(&three[..2]), "A and B");
        assert_eq!(en.and(&three[..1]), "A");
    }

    #[test]
    fn language_words() {
        assert_eq!(Lang::from_word("FR"), Some(Lang::Fr));
        assert_eq!(Lang::from_word("Français"), Some(Lang::Fr));
        assert_eq!(Lang::from_word("english"), Some(Lang::En));
        assert_eq!(Lang::from_word("de"), None);
        assert!(
            Lang::ALL
                .iter()
                .all(|l| Lang::from_word(l.code()) == Some(*l))
        );
    }
}
