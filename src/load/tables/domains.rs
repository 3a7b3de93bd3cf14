//! `domains.csv` / `domaines.csv`: the domains of cooperation, the phrase at the centre of
//! each map, the related domains and the "état des lieux".

use super::{Rows, TableDef};
use crate::load::build::{Builder, Pending};
use crate::load::message::{Expected, Message, Thing};
use crate::load::schema::{Field, Schema};
use crate::load::table::RowView;
use crate::model::Domain;

pub static TABLE: TableDef = TableDef {
    schema: Schema {
        name: "domains",
        fields: &[
            Field::new(
                "id",
                "id",
                true,
                &[
                    "id",
                    "identifiant",
                    "code",
                    "domain",
                    "domaine",
                    "dc",
                    "numero",
                ],
            ),
            Field::new(
                "name",
                "nom",
                true,
                &["name", "nom", "intitule", "libelle", "title", "titre"],
            ),
            Field::new(
                "headline",
                "accroche",
                false,
                &[
                    "headline",
                    "accroche",
                    "phrase centrale",
                    "message",
                    "slogan",
                ],
            ),
            Field::new(
                "related",
                "liens",
                false,
                &[
                    "related",
                    "related domains",
                    "liens",
                    "lien",
                    "domaines lies",
                ],
            ),
            Field::new(
                "context",
                "état des lieux",
                false,
                &[
                    "context",
                    "etat des lieux",
                    "constats",
                    "constat",
                    "contexte",
                    "situation",
                ],
            ),
        ],
    },
    stems: &["domains", "domaines"],
    required: true,
    rows: Rows {
        reserve: |b, n| b.territory.domains.reserve(n),
        row: Builder::domain,
        broken: |b, row| b.domain_index.mark_broken(row.text("id")),
        after: Builder::resolve_related,
    },
};

impl Builder {
    fn domain(&mut self, row: &RowView) {
        let id = row.required("id", Expected::DomainId);
        let name = row.required("name", Expected::DomainName);
        let (id, name) = match (id, name) {
            (Ok(id), Ok(name)) => (id, name),
            (id, name) => {
                self.domain_index.mark_broken(id.clone().ok());
                self.errors.extend(id.err().into_iter().chain(name.err()));
                return;
            }
        };
        if let Some(&first) = self.domain_index.get(&id).first() {
            let first = self.territory.domains[first].origin.clone();
            return self.duplicate(row, Thing::Domain, &id, &first);
        }
        let n = self.territory.domains.len();
        self.domain_index.add(&id, n);
        self.pending_related.push(Pending {
            owner: n,
            names: row.list("related", &[',', ';', '|']),
            origin: row.place("related"),
        });
        self.territory.domains.push(Domain {
            id,
            name,
            headline: row.text("headline"),
            related: Vec::new(),
            context: row.list("context", &['|', '\n']),
            origin: row.location(),
        });
    }

    /// "DC 3, DC 4" and "DC3 DC4" both name two domains.
    fn resolve_related(&mut self) {
        for p in std::mem::take(&mut self.pending_related) {
            let mut ids = Vec::new();
            for piece in &p.names {
                let words: Vec<&str> = if self.domain_index.get(piece).is_empty() {
                    piece.split_whitespace().collect()
                } else {
                    vec![piece.as_str()]
                };
                for word in words {
                    match self.domain_index.get(word).first() {
                        Some(&d) => {
                            let id = self.territory.domains[d].id.clone();
                            if d == p.owner {
                                let message = Message::RelatedToItself { id };
                                self.errors.push(p.origin.error(message));
                            } else if !ids.contains(&id) {
                                ids.push(id);
                            }
                        }
                        None => self.errors.push(p.origin.error(Message::UnknownRelated {
                            id: word.to_owned(),
                            suggestion: self.domain_index.suggestion(word),
                        })),
                    }
                }
            }
            self.territory.domains[p.owner].related = ids;
        }
    }
}
