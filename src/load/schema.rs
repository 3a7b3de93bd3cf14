//! What a table expects: its fields, the column names (English or French, folded) that mean
//! each one, and how a header row is recognised and its expected columns named. Each table's
//! own fields are in its file under `tables/`.

use crate::load::TableKind;
use crate::model::Lang;
use crate::names::fold;

/// A field a table expects, and the column names that mean it (already folded).
pub struct Field {
    /// The field's English name, also how messages name it under an English header.
    pub key: &'static str,
    /// How messages name it under a French header: "rôle", "unité".
    pub fr: &'static str,
    pub names: &'static [&'static str],
    pub required: bool,
}

impl Field {
    /// A field: its English key, its French name, whether it is required, and the (folded)
    /// column names that mean it.
    pub const fn new(
        key: &'static str,
        fr: &'static str,
        required: bool,
        names: &'static [&'static str],
    ) -> Field {
        Field {
            key,
            fr,
            names,
            required,
        }
    }

    /// The field's name in a language, for messages.
    pub fn shown(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.fr,
            Lang::En => self.key,
        }
    }
}

/// What one table expects.
pub struct Schema {
    pub name: &'static str,
    pub fields: &'static [Field],
}

impl Schema {
    /// The field a column name (as written) means, if any.
    pub fn field_named(&self, column: &str) -> Option<usize> {
        let folded = fold(column);
        self.fields
            .iter()
            .position(|f| f.names.contains(&folded.as_str()))
    }

    /// The index of a field by its key.
    pub fn field(&self, key: &str) -> usize {
        self.fields
            .iter()
            .position(|f| f.key == key)
            .unwrap_or_else(|| unreachable!("schema {} has no field {key}", self.name))
    }

    /// Whether a row reads as this table's header: at least half of its named cells
    /// (comments, `# ...`, aside) are known column names, and they are two at least or
    /// every required column. A title ("Acteurs du COT TRI", or "Rôles" alone above the
    /// links) does not; a header with one misspelt column still does.
    pub fn reads_as_header<'a>(&self, cells: impl IntoIterator<Item = &'a str>) -> bool {
        let columns = self.count_columns(cells);
        (columns.known >= 2 || columns.complete)
            && columns.known >= 1
            && columns.known * 2 >= columns.named
    }

    /// Which of a table's rows is its header: the first that reads as one; failing that, the
    /// one with the most known column names (two at least, the first on a tie), so that a
    /// header with many misspelt columns still gets each of them reported.
    pub fn header_row<'a, R>(&self, rows: impl IntoIterator<Item = R>) -> Option<usize>
    where
        R: IntoIterator<Item = &'a str>,
    {
        let mut best: Option<(usize, usize)> = None;
        for (i, row) in rows.into_iter().enumerate() {
            let row: Vec<&str> = row.into_iter().collect();
            if self.reads_as_header(row.iter().copied()) {
                return Some(i);
            }
            let known = self.known_columns(row);
            if known >= 2 && best.is_none_or(|(k, _)| known > k) {
                best = Some((known, i));
            }
        }
        best.map(|(_, i)| i)
    }

    /// How many cells of a row are known column names.
    pub fn known_columns<'a>(&self, cells: impl IntoIterator<Item = &'a str>) -> usize {
        self.count_columns(cells).known
    }

    /// What a row's cells name.
    fn count_columns<'a>(&self, cells: impl IntoIterator<Item = &'a str>) -> Columns {
        let mut columns = Columns::default();
        let mut found = vec![false; self.fields.len()];
        for cell in cells {
            if is_skipped_column(cell) {
                continue;
            }
            columns.named += 1;
            if let Some(f) = self.field_named(cell) {
                columns.known += 1;
                found[f] = true;
            }
        }
        columns.complete = self
            .fields
            .iter()
            .zip(&found)
            .all(|(f, found)| *found || !f.required);
        columns
    }

    /// The language a header is written in, from the columns that differ between English
    /// and French ("acteur", "rôle" against "actor", "role"); `fallback` when none tells.
    pub fn language<'a>(&self, columns: impl IntoIterator<Item = &'a str>, fallback: Lang) -> Lang {
        let (mut fr, mut en) = (0, 0);
        for column in columns {
            let folded = fold(column);
            for f in self.fields {
                let french = fold(f.fr);
                if french == f.key {
                    continue;
                }
                if folded == french {
                    fr += 1;
                } else if folded == f.key {
                    en += 1;
                }
            }
        }
        match fr.cmp(&en) {
            std::cmp::Ordering::Greater => Lang::Fr,
            std::cmp::Ordering::Less => Lang::En,
            std::cmp::Ordering::Equal => fallback,
        }
    }

    /// The columns this table expects, in a language: "acteur, objectif, rôle, moyens, note".
    pub fn expected(&self, lang: Lang) -> String {
        self.fields
            .iter()
            .map(|f| f.shown(lang))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// What the cells of a row name.
#[derive(Default)]
struct Columns {
    /// Cells that are neither empty nor comments.
    named: usize,
    /// Cells that are known column names.
    known: usize,
    /// Whether every required field is named.
    complete: bool,
}

/// A column no field is looked for under: empty, or a comment (`# contact`).
pub fn is_skipped_column(name: &str) -> bool {
    fold(name).is_empty() || name.trim_start().starts_with('#')
}

/// The language a table's name (file stem, sheet name or JSON key) is in: `acteurs`,
/// `Liens` are French.
pub fn language_of_name(kind: TableKind, name: &str) -> Lang {
    if kind.file_stems().get(1) == Some(&fold(name).as_str()) {
        Lang::Fr
    } else {
        Lang::En
    }
}

/// What a table expects.
pub fn schema(kind: TableKind) -> &'static Schema {
    &kind.def().schema
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(kind: TableKind, row: &[&str]) -> bool {
        schema(kind).reads_as_header(row.iter().copied())
    }

    #[test]
    fn headers_and_titles() {
        assert!(header(
            TableKind::LINKS,
            &["acteur", "objectif", "rôle", "Moyens mobilisés"]
        ));
        assert!(header(
            TableKind::LINKS,
            &["acteur", "objectif", "# contact", ""]
        ));
        // A title, even one that is a column name.
        assert!(!header(
            TableKind::LINKS,
            &["Rôles des acteurs du COT TRI", "", ""]
        ));
        assert!(!header(TableKind::LINKS, &["Rôles"]));
        assert!(!header(TableKind::DOMAINS, &["Liens"]));
        // A table's only required column alone is a header.
        assert!(header(TableKind::ACTORS, &["nom"]));
        assert!(!header(TableKind::LINKS, &["acteur", "x", "y", "z", "w"]));
    }

    #[test]
    fn the_language_of_a_header() {
        let links = schema(TableKind::LINKS);
        assert_eq!(
            links.language(["acteur", "objectif", "note"], Lang::En),
            Lang::Fr
        );
        assert_eq!(
            links.language(["actor", "rôle", "role"], Lang::Fr),
            Lang::En
        );
        assert_eq!(links.language(["note"], Lang::Fr), Lang::Fr);
        assert_eq!(
            links.expected(Lang::Fr),
            "acteur, objectif, rôle, moyens, note"
        );
    }
}
