//! The actor x objective matrix as CSV for French Excel: `;` between cells, a UTF-8 BOM so
//! Excel reads the accents, one row per actor with a role, one column per objective, the
//! matrix map's letters (CF, CF?, P, F, A, C, R) in the cells. A cell that a spreadsheet would
//! read as a formula (`=`, `+`, `-`, `@`...) starts with `'`.

use super::Export;
use crate::layout::matrix;
use crate::model::Role;
use crate::spreadsheet::formula_safe;

pub fn write(x: &Export<'_>) -> Vec<u8> {
    let t = x.territory;
    let objectives: Vec<_> = x.objectives().collect();
    let mut header = vec![x.lang.catalog().actor_column().to_owned()];
    header.extend(
        objectives
            .iter()
            .map(|o| format!("{} · {}", o.domain, o.title)),
    );
    let mut rows = vec![header];
    for actor in t.actors() {
        let mut any = false;
        let mut row = vec![actor.name.clone()];
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
            row.push(letters.join(" "));
        }
        if any {
            rows.push(row);
        }
    }

    let mut bytes = "\u{feff}".as_bytes().to_vec();
    {
        let mut w = ::csv::WriterBuilder::new()
            .delimiter(b';')
            .from_writer(&mut bytes);
        for row in &rows {
            w.write_record(row.iter().map(|cell| formula_safe(cell).into_owned()))
                .expect("writing to memory cannot fail");
        }
        w.flush().expect("writing to memory cannot fail");
    }
    bytes
}
