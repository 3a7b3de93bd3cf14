//! `status` en français : les situations et verdicts, les lignes des rapports, les colonnes
//! des tableaux.

use super::{French, NB};
use crate::i18n::Language;
use crate::status::message::{Line, Stake, Unknown, Word, Words};
use crate::status::{BonusVerdict, Standing, Verdict};

/// "a, b, c": ids after a colon.
fn list(ids: &[String]) -> String {
    ids.join(", ")
}

/// The counted objectives with no value or target yet, and where to record them.
fn unknown(u: &Unknown) -> String {
    let what = if u.all {
        format!(
            "aucun des {} objectifs n'a encore de valeur ou de cible",
            u.objectives.len()
        )
    } else {
        format!(
            "pas encore de valeur ou de cible pour {}",
            list(&u.objectives)
        )
    };
    let file = u.progress.as_deref().unwrap_or("avancement.csv");
    format!("{what} (saisissez les mesures datées dans {file})")
}

/// Why a money setting is unknown: `"flat_aid"` missing from the programme.
fn missing(setting: &str, in_programme: bool) -> String {
    if in_programme {
        format!("pas de \"{setting}\" dans le \"programme\" de territory.json")
    } else {
        format!("pas de \"{setting}\" dans territory.json")
    }
}

impl Words for French {
    fn standing(&self, standing: Standing) -> &'static str {
        match standing {
            Standing::Met => "atteint",
            Standing::OnTrack => "en bonne voie",
            Standing::Unknown => "valeur inconnue",
            Standing::NoTarget => "sans cible",
            Standing::Behind => "en retard",
            Standing::Missed => "non atteint",
        }
    }

    fn conditions(&self, standing: Standing) -> &'static str {
        match standing {
            Standing::Met => "remplies",
            Standing::OnTrack => "en bonne voie",
            Standing::Unknown | Standing::NoTarget => "inconnues",
            Standing::Behind => "en retard",
            Standing::Missed => "non remplies",
        }
    }

    fn verdict(&self, verdict: Verdict) -> &'static str {
        match verdict {
            Verdict::Met => "atteint",
            Verdict::Below => "sous le seuil",
            Verdict::Unknown => "valeur inconnue",
            Verdict::NoTarget => "sans cible",
        }
    }

    fn bonus_verdict(&self, verdict: BonusVerdict) -> &'static str {
        match verdict {
            BonusVerdict::Met => "remplies",
            BonusVerdict::NotMet => "non remplies",
            BonusVerdict::Unknown => "inconnues",
        }
    }

    fn status_word(&self, word: Word) -> &'static str {
        match word {
            Word::UnknownValue => "inconnue",
            Word::NoTarget => "aucune",
            Word::Undated => "non datée",
            Word::Measured => "mesure",
            Word::Current => "valeur actuelle",
        }
    }

    fn status_line(&self, line: &Line) -> String {
        match line {
            Line::Heading {
                territory,
                programme,
                dates,
            } => {
                let mut h = territory.clone();
                if let Some(p) = programme {
                    h.push_str(&format!(", {p}"));
                }
                if let Some((start, end)) = dates {
                    h.push_str(&format!(" ({})", self.period(*start, *end)));
                }
                h
            }
            Line::AsOf { date, asked, ended } => {
                let mut line = if *asked {
                    format!(
                        "au {}{NB}: les mesures postérieures sont ignorées",
                        self.date(*date)
                    )
                } else {
                    format!("au {}, date de la dernière mesure", self.date(*date))
                };
                if let Some(end) = ended {
                    line.push_str(&format!(
                        "{NB}; le programme s'est terminé le {}{NB}: les valeurs sont définitives, rien n'est projeté",
                        self.date(*end)
                    ));
                }
                line
            }
            Line::Projection {
                ratio,
                value,
                unit,
                date,
                verdict,
                measurements,
                first,
                last,
            } => {
                let reached = match (ratio, unit) {
                    (Some(r), _) => self.percent(*r),
                    (None, Some(unit)) => format!("{} {unit}", self.number(*value)),
                    (None, None) => self.number(*value),
                };
                format!(
                    "projection{NB}: à ce rythme, {reached} au {} ({}{NB}; droite passant par {}, {})",
                    self.date(*date),
                    self.verdict(*verdict),
                    self.count(*measurements, "mesure", "mesures"),
                    self.period(*first, *last)
                )
            }
            Line::PriorityMark => "* objectif prioritaire".to_owned(),
            Line::UndatedIgnored { objectives, file } => {
                let of = if file.is_empty() {
                    String::new()
                } else {
                    format!(" de {file}")
                };
                format!(
                    "valeurs non datées (colonne {}{of}) non retenues à une date donnée{NB}: {}",
                    self.quote("valeur actuelle"),
                    list(objectives)
                )
            }
            Line::Conditions {
                standing,
                below,
                unknown: u,
            } => {
                let word = self.conditions(*standing);
                let head = format!("conditions du bonus de l'année 3{NB}: {word}");
                match standing {
                    Standing::Met => head,
                    Standing::OnTrack => format!(
                        "{head}{NB}; sous le seuil aujourd'hui, avec une projection qui l'atteint{NB}: {}",
                        list(below)
                    ),
                    Standing::Behind => format!("{head}{NB}; sous le seuil{NB}: {}", list(below)),
                    Standing::Missed => format!(
                        "{head}{NB}; sous le seuil à la fin du programme{NB}: {}",
                        list(below)
                    ),
                    Standing::Unknown | Standing::NoTarget => {
                        format!("{head}{NB}; {}", unknown(u))
                    }
                }
            }
            Line::BelowToday(ids) => format!("sous le seuil aujourd'hui{NB}: {}", list(ids)),
            Line::NoValueYet(u) => unknown(u),
            Line::OnTrack(ids) => format!(
                "en bonne voie (sous le seuil aujourd'hui, avec une projection qui l'atteint){NB}: {}",
                list(ids)
            ),
            Line::Rule { min, priority } => format!(
                "conditions{NB}: chaque objectif à {} de sa cible au moins, les objectifs prioritaires à {}",
                self.percent(*min),
                self.percent(*priority)
            ),
            Line::FlatAid(amount) => format!(
                "aide forfaitaire (années 1 et 2){NB}: {}",
                amount.map_or_else(
                    || format!("inconnue ({})", missing("flat_aid", true)),
                    |a| self.euros(a)
                )
            ),
            Line::BonusAtStake(stake) => {
                let amount = match stake {
                    Stake::Known {
                        bonus,
                        per_inhabitant,
                        population,
                    } => format!(
                        "{} ({} × {})",
                        self.euros(*bonus),
                        self.euros(*per_inhabitant),
                        self.count(*population as usize, "habitant", "habitants")
                    ),
                    Stake::NoBonusPerInhabitant => {
                        format!("inconnu ({})", missing("bonus_per_inhabitant", true))
                    }
                    Stake::NoPopulation => format!("inconnu ({})", missing("population", false)),
                };
                format!("bonus de l'année 3 en jeu{NB}: {amount}")
            }
            Line::Total(total) => format!(
                "total en jeu{NB}: {}",
                total.map_or_else(|| "inconnu".to_owned(), |t| self.euros(t))
            ),
        }
    }

    fn status_columns(&self) -> [&'static str; 8] {
        [
            "objectif",
            "cible",
            "valeur",
            "au",
            "avancement",
            "seuil",
            "situation",
            "projection",
        ]
    }

    fn status_objective(&self, id: &str, priority: bool, title: &str) -> String {
        let priority = if priority { " (prioritaire)" } else { "" };
        format!("{id}{priority}{NB}: {title}")
    }

    fn status_sheet(&self) -> (&'static str, [&'static str; 17]) {
        (
            "Avancement",
            [
                "Objectif",
                "Titre",
                "Prioritaire",
                "Compte pour le bonus",
                "Cible",
                "Unité",
                "Valeur",
                "Source",
                "Date",
                "Avancement (%)",
                "Seuil (%)",
                "Verdict",
                "Date de projection",
                "Valeur projetée",
                "Avancement projeté (%)",
                "Verdict projeté",
                "Situation",
            ],
        )
    }

    fn status_workbook(&self) -> &'static str {
        "etat-avancement.xlsx"
    }
}
