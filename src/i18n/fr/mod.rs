//! Everything actormap says in French, one file per area, and how French writes numbers,
//! amounts, shares, dates and lists: "422 371 €", "59,9 %", "30/06/2023", « REGAL ».
//!
//! Typography: a no-break space (`NBSP`, written `{NB}` in the formats) before `:` `;` `?`
//! `!`, inside « », between thousands and before `%` and `€`. A test renders every message
//! and fails on a plain space in those places.

mod check;
mod diff;
mod dossier;
mod error;
mod export;
mod help;
mod layout;
mod list;
mod load;
mod maps;
mod report;
mod roles;
mod start;
mod status;
mod watch;

use jiff::civil::Date;

use super::{Language, NBSP};
use crate::numbers::{grouped, percent_value};
use crate::spreadsheet::Dialect;

/// The French catalog.
pub struct French;

/// The no-break space, short for the formats of this folder: `"{NB}: "`.
const NB: char = NBSP;

impl Language for French {
    fn decimal(&self, n: f64, decimals: usize) -> String {
        grouped(n, decimals, NB, ',')
    }

    fn euros(&self, n: f64) -> String {
        format!("{}{NB}€", self.decimal(n, 2))
    }

    fn percent(&self, ratio: f64) -> String {
        format!("{}{NB}%", self.decimal(percent_value(ratio), 1))
    }

    fn date(&self, date: Date) -> String {
        format!("{:02}/{:02}/{:04}", date.day(), date.month(), date.year())
    }

    fn period(&self, start: Date, end: Date) -> String {
        format!("du {} au {}", self.date(start), self.date(end))
    }

    fn yes_no(&self, yes: bool) -> &'static str {
        if yes { "oui" } else { "non" }
    }

    fn spreadsheet(&self) -> Dialect {
        Dialect {
            delimiter: b';',
            decimal: ',',
            bom: true,
            date_format: "dd/mm/yyyy",
            percent_format: "0.0\" %\"",
            euros_format: "#,##0\" €\"",
        }
    }

    fn count(&self, n: usize, one: &str, many: &str) -> String {
        // French: 0 and 1 take the singular.
        let noun = if n <= 1 { one } else { many };
        format!("{} {noun}", self.number(n as f64))
    }

    fn quote(&self, text: &str) -> String {
        format!("«{NB}{text}{NB}»")
    }

    fn colon(&self) -> &'static str {
        "\u{a0}:"
    }

    fn and(&self, items: &[String]) -> String {
        super::joined(items, "et")
    }
}
