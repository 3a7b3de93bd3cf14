//! What each table expects: its fields, the column names (English or French, folded) that
//! mean each one, and how a header row is recognised and its expected columns named.

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

    /// Whether a row reads as this table's header: at least one of its named cells is a
    /// known column name, and at least half of them are (comments, `# ...`, aside). A title
    /// ("Acteurs du COT TRI") does not; a header with one misspelt column still does.
    pub fn reads_as_header<'a>(&self, cells: impl IntoIterator<Item = &'a str>) -> bool {
        let (named, known) = self.count_columns(cells);
        known >= 1 && known * 2 >= named
    }

    /// How many cells of a row are known column names.
    pub fn known_columns<'a>(&self, cells: impl IntoIterator<Item = &'a str>) -> usize {
        self.count_columns(cells).1
    }

    /// The named cells of a row (comments aside) and how many of them are known columns.
    fn count_columns<'a>(&self, cells: impl IntoIterator<Item = &'a str>) -> (usize, usize) {
        let (mut named, mut known) = (0, 0);
        for cell in cells {
            if is_skipped_column(cell) {
                continue;
            }
            named += 1;
            if self.field_named(cell).is_some() {
                known += 1;
            }
        }
        (named, known)
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

/// A column no field is looked for under: empty, or a comment (`# contact`).
pub fn is_skipped_column(name: &str) -> bool {
    fold(name).is_empty() || name.trim_start().starts_with('#')
}

/// The language a table's name (file stem, sheet name or JSON key) is in: `acteurs`,
/// `Liens` are French.
pub fn language_of_name(kind: TableKind, name: &str) -> Lang {
    if fold(name) == kind.file_stems()[1] {
        Lang::Fr
    } else {
        Lang::En
    }
}

macro_rules! field {
    ($key:literal, $fr:literal, $required:literal, [$($name:literal),* $(,)?]) => {
        Field { key: $key, fr: $fr, names: &[$($name),*], required: $required }
    };
}

static DOMAINS: Schema = Schema {
    name: "domains",
    fields: &[
        field!(
            "id",
            "id",
            true,
            [
                "id",
                "identifiant",
                "code",
                "domain",
                "domaine",
                "dc",
                "numero"
            ]
        ),
        field!(
            "name",
            "nom",
            true,
            ["name", "nom", "intitule", "libelle", "title", "titre"]
        ),
        field!(
            "headline",
            "accroche",
            false,
            [
                "headline",
                "accroche",
                "phrase centrale",
                "message",
                "slogan"
            ]
        ),
        field!(
            "related",
            "liens",
            false,
            [
                "related",
                "related domains",
                "liens",
                "lien",
                "domaines lies"
            ]
        ),
    ],
};

static OBJECTIVES: Schema = Schema {
    name: "objectives",
    fields: &[
        field!(
            "id",
            "id",
            true,
            ["id", "identifiant", "code", "objective", "objectif"]
        ),
        field!(
            "domain",
            "domaine",
            true,
            ["domain", "domaine", "dc", "domaine de cooperation"]
        ),
        field!(
            "title",
            "titre",
            true,
            ["title", "titre", "intitule", "libelle", "name", "nom"]
        ),
        field!(
            "target",
            "cible",
            false,
            [
                "target",
                "cible",
                "valeur cible",
                "objectif chiffre",
                "target value"
            ]
        ),
        field!("unit", "unité", false, ["unit", "unite", "unites"]),
        field!(
            "current",
            "valeur actuelle",
            false,
            [
                "current",
                "actuel",
                "valeur actuelle",
                "realise",
                "current value",
                "avancement"
            ]
        ),
        field!(
            "priority",
            "prioritaire",
            false,
            ["priority", "prioritaire", "priorite"]
        ),
        field!(
            "contractual",
            "contractuel",
            false,
            ["contractual", "contractuel", "contractuelle"]
        ),
    ],
};

static ACTORS: Schema = Schema {
    name: "actors",
    fields: &[
        field!("id", "id", false, ["id", "identifiant", "code"]),
        field!(
            "name",
            "nom",
            true,
            ["name", "nom", "actor", "acteur", "structure", "organisme"]
        ),
        field!(
            "kind",
            "type",
            false,
            ["kind", "type", "nature", "categorie"]
        ),
        field!(
            "aliases",
            "alias",
            false,
            ["aliases", "alias", "autres noms", "also known as"]
        ),
        field!(
            "members",
            "membres",
            false,
            ["members", "membres", "composition"]
        ),
    ],
};

static LINKS: Schema = Schema {
    name: "links",
    fields: &[
        field!(
            "actor",
            "acteur",
            true,
            ["actor", "acteur", "structure", "organisme"]
        ),
        field!(
            "objective",
            "objectif",
            true,
            [
                "objective",
                "objectif",
                "objective or domain",
                "objectif ou domaine"
            ]
        ),
        field!("role", "rôle", true, ["role", "roles"]),
        field!("means", "moyens", false, ["means", "moyens", "moyen"]),
        field!(
            "note",
            "note",
            false,
            ["note", "notes", "commentaire", "remarque", "precision"]
        ),
    ],
};

static PROGRESS: Schema = Schema {
    name: "progress",
    fields: &[
        field!(
            "date",
            "date",
            true,
            ["date", "date de mesure", "date de la mesure", "le"]
        ),
        field!(
            "objective",
            "objectif",
            true,
            ["objective", "objectif", "indicator", "indicateur"]
        ),
        field!(
            "value",
            "valeur",
            true,
            ["value", "valeur", "realise", "mesure", "avancement"]
        ),
        field!("source", "source", false, ["source", "sources", "origine"]),
        field!(
            "note",
            "note",
            false,
            ["note", "notes", "commentaire", "remarque", "precision"]
        ),
    ],
};

/// What a table expects.
pub fn schema(kind: TableKind) -> &'static Schema {
    match kind {
        TableKind::Domains => &DOMAINS,
        TableKind::Objectives => &OBJECTIVES,
        TableKind::Actors => &ACTORS,
        TableKind::Links => &LINKS,
        TableKind::Progress => &PROGRESS,
    }
}
