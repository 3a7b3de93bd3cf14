//! What `status` says, as data: the words of standings and verdicts, the lines of its
//! reports with their ids, numbers and dates, the headers of its tables. [`Words`] is what
//! every language must say for `status`; each language implements it once
//! (`src/i18n/fr/status.rs`, `src/i18n/en/status.rs`).

use jiff::civil::Date;

use super::{BonusVerdict, Standing, Verdict};

/// A line of `status`'s text and Markdown reports.
#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    /// The territory, its programme and the programme's dates.
    Heading {
        territory: String,
        programme: Option<String>,
        dates: Option<(Date, Date)>,
    },
    /// The date the standings are given as of: `--at` (`asked`), else the latest
    /// measurement's; with the programme's end when it has ended.
    AsOf {
        date: Date,
        asked: bool,
        ended: Option<Date>,
    },
    /// Where an objective ends at its pace: the share (or the value, without a target)
    /// reached on `date`, its verdict, and the measurements the line goes through.
    Projection {
        ratio: Option<f64>,
        value: f64,
        unit: Option<String>,
        date: Date,
        verdict: Verdict,
        measurements: usize,
        first: Date,
        last: Date,
    },
    /// The mark of priority objectives in the table, explained.
    PriorityMark,
    /// The undated values of the objectives table (`file`) left out as of a date.
    UndatedIgnored {
        objectives: Vec<String>,
        file: String,
    },
    /// The year-3 bonus conditions: their standing and why.
    Conditions {
        standing: Standing,
        below: Vec<String>,
        unknown: Unknown,
    },
    /// Counted objectives below their threshold today, when the conditions are unknown.
    BelowToday(Vec<String>),
    /// Counted objectives with no value or target, after the conditions' line.
    NoValueYet(Unknown),
    /// Objectives below their threshold but projected to reach it.
    OnTrack(Vec<String>),
    /// The thresholds: every objective at `min`, priority ones at `priority`.
    Rule { min: f64, priority: f64 },
    /// The aid paid whatever the results; `None` when the settings do not give it.
    FlatAid(Option<f64>),
    /// The year-3 bonus at stake, or which setting is missing.
    BonusAtStake(Stake),
    /// Flat aid and bonus; `None` when either is unknown.
    Total(Option<f64>),
}

/// The counted objectives with no value or target yet, and where their measurements go.
#[derive(Debug, Clone, PartialEq)]
pub struct Unknown {
    pub objectives: Vec<String>,
    /// True when it is every counted objective (and there are several).
    pub all: bool,
    /// The progress file the measurements are in (the user's own), when there is one.
    pub progress: Option<String>,
}

/// The year-3 bonus at stake.
#[derive(Debug, Clone, PartialEq)]
pub enum Stake {
    Known {
        bonus: f64,
        per_inhabitant: f64,
        population: u64,
    },
    /// No `bonus_per_inhabitant` in the programme's settings.
    NoBonusPerInhabitant,
    /// No population in the settings.
    NoPopulation,
}

/// A word of the status tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Word {
    /// A value nobody measured yet.
    UnknownValue,
    /// An objective without a target.
    NoTarget,
    /// The date of an undated value (the `current` column).
    Undated,
    /// The source of a value: a dated measurement.
    Measured,
    /// The source of a value: the undated `current` column.
    Current,
}

/// What every language says for `status`. Implement it with an exhaustive `match` per enum
/// (no `_` arm).
pub trait Words {
    /// An objective's standing: "atteint", "en bonne voie"; "met", "on track".
    fn standing(&self, standing: Standing) -> &'static str;
    /// The year-3 bonus conditions' standing: "remplies", "en retard"; "met", "behind".
    fn conditions(&self, standing: Standing) -> &'static str;
    /// A value against its threshold: "atteint", "sous le seuil"; "met", "below".
    fn verdict(&self, verdict: Verdict) -> &'static str;
    /// The bonus conditions today: "remplies", "non remplies", "inconnues".
    fn bonus_verdict(&self, verdict: BonusVerdict) -> &'static str;
    /// A word of the tables.
    fn status_word(&self, word: Word) -> &'static str;
    /// A line of the reports.
    fn status_line(&self, line: &Line) -> String;
    /// The columns of the text and Markdown tables: objective, target, value, as of,
    /// progress, threshold, standing, projection (Markdown only).
    fn status_columns(&self) -> [&'static str; 8];
    /// An objective's name in the Markdown table, its id already in bold: "**regal**
    /// (prioritaire) : Mise en œuvre d'un REGAL".
    fn status_objective(&self, id: &str, priority: bool, title: &str) -> String;
    /// The sheet of `status --format csv|xlsx`: its name and its 17 columns.
    fn status_sheet(&self) -> (&'static str, [&'static str; 17]);
    /// The name of the workbook written by default: "etat-avancement.xlsx".
    fn status_workbook(&self) -> &'static str;
}

/// One line of every kind, with the data that changes its words (asked or not, ended or
/// not, each standing, each missing setting), for the catalogs' tests.
#[cfg(test)]
pub(crate) fn samples() -> Vec<Line> {
    use jiff::civil::date;

    let ids = |n: &[&str]| n.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let unknown = |all: bool, progress: Option<&str>| Unknown {
        objectives: ids(&["regal", "cot-enr"]),
        all,
        progress: progress.map(str::to_owned),
    };
    let (start, end) = (date(2021, 1, 1), date(2023, 12, 31));
    let mut lines = vec![
        Line::Heading {
            territory: "Pays du Calaisis".into(),
            programme: Some("COT TRI".into()),
            dates: Some((start, end)),
        },
        Line::Heading {
            territory: "Pays du Calaisis".into(),
            programme: None,
            dates: None,
        },
        Line::AsOf {
            date: date(2022, 6, 30),
            asked: true,
            ended: None,
        },
        Line::AsOf {
            date: date(2024, 1, 31),
            asked: false,
            ended: Some(end),
        },
        Line::Projection {
            ratio: Some(0.6),
            value: 30.0,
            unit: Some("km".into()),
            date: end,
            verdict: Verdict::Met,
            measurements: 2,
            first: start,
            last: date(2022, 12, 31),
        },
        Line::Projection {
            ratio: None,
            value: 1500.5,
            unit: Some("rénovations".into()),
            date: end,
            verdict: Verdict::NoTarget,
            measurements: 3,
            first: start,
            last: date(2022, 12, 31),
        },
        Line::PriorityMark,
        Line::UndatedIgnored {
            objectives: ids(&["ecoles"]),
            file: "objectifs.csv".into(),
        },
        Line::BelowToday(ids(&["friches"])),
        Line::NoValueYet(unknown(false, None)),
        Line::OnTrack(ids(&["cyclable"])),
        Line::Rule {
            min: 0.6,
            priority: 1.0,
        },
        Line::FlatAid(Some(270000.0)),
        Line::FlatAid(None),
        Line::BonusAtStake(Stake::Known {
            bonus: 152371.0,
            per_inhabitant: 1.0,
            population: 152371,
        }),
        Line::BonusAtStake(Stake::NoBonusPerInhabitant),
        Line::BonusAtStake(Stake::NoPopulation),
        Line::Total(Some(422371.0)),
        Line::Total(None),
    ];
    for standing in [
        Standing::Met,
        Standing::OnTrack,
        Standing::Unknown,
        Standing::NoTarget,
        Standing::Behind,
        Standing::Missed,
    ] {
        for all in [false, true] {
            lines.push(Line::Conditions {
                standing,
                below: ids(&["friches", "renovation"]),
                unknown: unknown(all, Some("t.xlsx[Avancement]")),
            });
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// Every line in every language is one line, with French typography in French: a
    /// no-break space before `:` `;` `%` `€` and inside « ».
    #[test]
    fn every_line_follows_the_style_in_every_language() {
        let mut problems = Vec::new();
        for lang in Lang::ALL {
            for line in samples() {
                let text = lang.catalog().status_line(&line);
                if text.contains('\n') || text.is_empty() {
                    problems.push(format!("{lang:?}: {text:?}"));
                }
                let plain = [" :", " ;", " %", " €", " »", "« "];
                if lang == Lang::Fr && plain.iter().any(|p| text.contains(p)) {
                    problems.push(format!("{lang:?}, a plain space: {text:?}"));
                }
                if lang == Lang::En && text.contains('\u{a0}') {
                    problems.push(format!("{lang:?}, a no-break space: {text:?}"));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn the_bonus_lines_read_as_french() {
        let fr = |line: &Line| Lang::Fr.catalog().status_line(line).replace('\u{a0}', "~");
        let lines = samples();
        assert_eq!(
            fr(&lines[14]),
            "bonus de l'année 3 en jeu~: 152~371~€ (1~€ × 152~371 habitants)"
        );
        assert_eq!(
            fr(&lines[3]),
            "au 31/01/2024, date de la dernière mesure~; le programme s'est terminé le 31/12/2023~: les valeurs sont définitives, rien n'est projeté"
        );
        // The hint names the user's own progress file, else the usual French one.
        assert!(fr(&lines[9]).ends_with("(saisissez les mesures datées dans avancement.csv)"));
        let unknown = lines
            .iter()
            .find(|l| {
                matches!(
                    l,
                    Line::Conditions {
                        standing: Standing::Unknown,
                        ..
                    }
                )
            })
            .unwrap();
        assert!(
            fr(unknown).ends_with("dans t.xlsx[Avancement])"),
            "{}",
            fr(unknown)
        );
        assert_eq!(
            Lang::En.catalog().status_line(&lines[14]),
            "year-3 bonus at stake: €152,371 (€1 x 152,371 inhabitants)"
        );
    }
}
