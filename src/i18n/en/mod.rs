//! Everything actormap says in English, one file per area, and how English writes numbers,
//! amounts, shares, dates and lists: "€422,371", "59.9%", "2023-06-30", "REGAL".

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

use super::Language;
use crate::numbers::{grouped, percent_value};
use crate::spreadsheet::Dialect;

/// The English catalog.
pub struct English;

impl Language for English {
    fn decimal(&self, n: f64, decimals: usize) -> String {
        grouped(n, decimals, ',', '.')
    }

    fn euros(&self, n: f64) -> String {
        let amount = self.decimal(n.abs(), 2);
        if n < 0.0 && amount != "0" {
            format!("-€{amount}")
        } else {
            format!("€{amount}")
        }
    }

    fn percent(&self, ratio: f64) -> String {
        format!("{}%", self.decimal(percent_value(ratio), 1))
    }

    fn date(&self, date: Date) -> String {
        // ISO 8601, read the same way everywhere English is.
        format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
    }

    fn period(&self, start: Date, end: Date) -> String {
        format!("{} to {}", self.date(start), self.date(end))
    }

    fn yes_no(&self, yes: bool) -> &'static str {
        if yes { "yes" } else { "no" }
    }

    fn spreadsheet(&self) -> Dialect {
        Dialect {
            delimiter: b',',
            decimal: '.',
            bom: false,
            date_format: "yyyy-mm-dd",
            percent_format: "0.0\"%\"",
            euros_format: "\"€\"#,##0",
        }
    }

    fn count(&self, n: usize, one: &str, many: &str) -> String {
        let noun = if n == 1 { one } else { many };
        format!("{} {noun}", self.number(n as f64))
    }

    fn quote(&self, text: &str) -> String {
        format!("\"{text}\"")
    }

    fn colon(&self) -> &'static str {
        ":"
    }

    fn and(&self, items: &[String]) -> String {
        super::joined(items, "and")
    }
}
