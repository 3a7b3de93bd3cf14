//! `status` in English: standings and verdicts, the lines of the reports, the columns of the
//! tables.

use super::English;
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
            "no value or target yet for any of the {} objectives",
            u.objectives.len()
        )
    } else {
        format!("no value or target yet for {}", list(&u.objectives))
    };
    let file = u.progress.as_deref().unwrap_or("progress.csv");
    format!("{what} (record dated measurements in {file})")
}

/// Why a money setting is unknown: `"flat_aid"` missing from the programme.
fn missing(setting: &str, in_programme: bool) -> String {
    if in_programme {
        format!("no \"{setting}\" in the \"programme\" of territory.json")
    } else {
        format!("no \"{setting}\" in territory.json")
    }
}

impl Words for English {
    fn standing(&self, standing: Standing) -> &'static str {
        match standing {
            Standing::Met => "met",
            Standing::OnTrack => "on track",
            Standing::Unknown => "unknown",
            Standing::NoTarget => "no target",
            Standing::Behind => "behind",
            Standing::Missed => "missed",
        }
    }

    fn conditions(&self, standing: Standing) -> &'static str {
        match standing {
            Standing::Met => "met",
            Standing::OnTrack => "on track",
            Standing::Unknown => "unknown",
            Standing::NoTarget => "no target",
            Standing::Behind => "behind",
            Standing::Missed => "not met",
        }
    }

    fn verdict(&self, verdict: Verdict) -> &'static str {
        match verdict {
            Verdict::Met => "met",
            Verdict::Below => "below",
            Verdict::Unknown => "unknown",
            Verdict::NoTarget => "no target",
        }
    }

    fn bonus_verdict(&self, verdict: BonusVerdict) -> &'static str {
        match verdict {
            BonusVerdict::Met => "met",
            BonusVerdict::NotMet => "not met",
            BonusVerdict::Unknown => "unknown",
        }
    }

    fn status_word(&self, word: Word) -> &'static str {
        match word {
            Word::UnknownValue => "unknown",
            Word::NoTarget => "none",
            Word::Undated => "undated",
            Word::Measured => "measured",
            Word::Current => "current",
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
                        "as of {}: measurements after this date are ignored",
                        self.date(*date)
                    )
                } else {
                    format!(
                        "as of {}, the date of the latest measurement",
                        self.date(*date)
                    )
                };
                if let Some(end) = ended {
                    line.push_str(&format!(
                        "; the programme ended on {}: values are final, nothing is projected",
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
                    "projection: at this pace, {reached} on {} ({}; line through {}, {})",
                    self.date(*date),
                    self.verdict(*verdict),
                    self.count(*measurements, "measurement", "measurements"),
                    self.period(*first, *last)
                )
            }
            Line::PriorityMark => "* priority objective".to_owned(),
            Line::UndatedIgnored { objectives, file } => {
                let of = if file.is_empty() {
                    String::new()
                } else {
                    format!(" of {file}")
                };
                format!(
                    "undated values (column \"current\"{of}) not used as of a date: {}",
                    list(objectives)
                )
            }
            Line::Conditions {
                standing,
                below,
                unknown: u,
            } => {
                let word = self.conditions(*standing);
                let head = format!("year-3 bonus conditions: {word}");
                match standing {
                    Standing::Met => head,
                    Standing::OnTrack => format!(
                        "{head}, below the threshold: {} today but projected to reach it",
                        list(below)
                    ),
                    Standing::Behind => format!("{head}, below the threshold: {}", list(below)),
                    Standing::Missed => format!(
                        "{head}, below the threshold at the programme's end: {}",
                        list(below)
                    ),
                    Standing::Unknown | Standing::NoTarget => format!("{head}, {}", unknown(u)),
                }
            }
            Line::BelowToday(ids) => format!("below the threshold today: {}", list(ids)),
            Line::NoValueYet(u) => unknown(u),
            Line::OnTrack(ids) => format!(
                "on track (below today, projected to reach the threshold): {}",
                list(ids)
            ),
            Line::Rule { min, priority } => format!(
                "conditions: every objective at {} of its target at least, priority objectives at {}",
                self.percent(*min),
                self.percent(*priority)
            ),
            Line::FlatAid(amount) => format!(
                "flat aid (years 1 and 2): {}",
                amount.map_or_else(
                    || format!("unknown ({})", missing("flat_aid", true)),
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
                        "{} ({} x {})",
                        self.euros(*bonus),
                        self.euros(*per_inhabitant),
                        self.count(*population as usize, "inhabitant", "inhabitants")
                    ),
                    Stake::NoBonusPerInhabitant => {
                        format!("unknown ({})", missing("bonus_per_inhabitant", true))
                    }
                    Stake::NoPopulation => format!("unknown ({})", missing("population", false)),
                };
                format!("year-3 bonus at stake: {amount}")
            }
            Line::Total(total) => format!(
                "total at stake: {}",
                total.map_or_else(|| "unknown".to_owned(), |t| self.euros(t))
            ),
        }
    }

    fn status_columns(&self) -> [&'static str; 8] {
        [
            "objective",
            "target",
            "value",
            "as of",
            "progress",
            "threshold",
            "verdict",
            "projection",
        ]
    }

    fn status_objective(&self, id: &str, priority: bool, title: &str) -> String {
        let priority = if priority { " (priority)" } else { "" };
        format!("{id}{priority}: {title}")
    }

    fn status_sheet(&self) -> (&'static str, [&'static str; 17]) {
        (
            "Status",
            [
                "Objective",
                "Title",
                "Priority",
                "Counted for the bonus",
                "Target",
                "Unit",
                "Value",
                "Source",
                "Date",
                "Progress (%)",
                "Threshold (%)",
                "Verdict",
                "Projection date",
                "Projected value",
                "Projected progress (%)",
                "Projected verdict",
                "Standing",
            ],
        )
    }

    fn status_workbook(&self) -> &'static str {
        "status.xlsx"
    }
}
