//! The actor x objective matrix as CSV for Excel, in the dialect of the language
//! (`spreadsheet`: in French `;` between cells and a UTF-8 BOM so Excel reads the accents),
//! one row per actor with a role, one column per objective, the matrix map's letters (CF,
//! CF?, P, F, A, C, R) in the cells. A cell that a spreadsheet would read as a formula (`=`,
//! `+`, `-`, `@`...) starts with `'`.

use super::Export;
use crate::layout::matrix;
use crate::model::Role;
use crate::spreadsheet::{self, Cell, Table};

pub fn write(x: &Export<'_>) -> Vec<u8> {
    let t = x.territory;
    let objectives: Vec<_> = x.objectives().collect();
    let words = x.lang.catalog();
    let columns: Vec<String> = objectives
        .iter()
        .map(|o| format!("{} · {}", o.domain, o.title))
        .collect();
    let mut header = vec![words.actor_column()];
    header.extend(columns.iter().map(String::as_str));
    let mut table = Table::new(words.matrix_sheet(), &header);
    for actor in t.actors() {
        let mut any = false;
        let mut row = vec![Cell::text(&actor.name)];
        for o in &objectives {
            let mut roles: Vec<Role> = t
                .involvements(o)
                .filter(|inv| inv.actor.id == actor.id)
                .map(|inv| inv.link.role)
                .collect();
            roles.sort();
            roles.dedup();
            any |= !roles.is_empty();
            let letters: Vec<&str> = roles.iter().map(|r| matrix::letter(*r, x.lang)).collect();
            row.push(Cell::text(letters.join(" ")));
        }
        if any {
            table.rows.push(row);
        }
    }
    spreadsheet::csv_bytes(&table, x.lang)
}
