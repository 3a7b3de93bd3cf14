//! Where a territory stands against its contract: per objective its value, share of the
//! target, threshold, verdict, standing (met, on track, behind, missed) and projection; then
//! the year-3 bonus conditions and the amounts at stake. `compute` is pure: the text, CSV,
//! Markdown, CSV, XLSX and JSON writers, the status chart and the `bonus-at-risk` rule only
//! read the `Status` it returns. Its words are in each language's catalog (`message::Words`,
//! `src/i18n/<lang>/status.rs`).

pub mod message;
pub mod output;

use jiff::civil::Date;
use serde::{Serialize, Serializer};

use crate::error::Location;
use crate::model::{Lang, Objective, Territory};

/// Shares within this distance of a threshold count as reaching it: 0.6 * 50 / 50 is
/// 0.59999... in floating point, and exactly 60 % must pass.
const TOLERANCE: f64 = 1e-9;

/// The whole answer of `actormap status`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Status {
    pub territory: String,
    pub programme: Option<String>,
    pub start: Option<Date>,
    pub end: Option<Date>,
    /// The date asked for with `--at`: measurements after it are ignored.
    pub at: Option<Date>,
    /// The date the standings are given as of: `--at`, else the date of the latest
    /// measurement (none when no value is dated: the programme is then taken as running).
    pub as_of: Option<Date>,
    /// True when `as_of` is on or after the programme's end: values are final, an objective
    /// below its threshold has missed it, and nothing is projected.
    pub ended: bool,
    /// Share of its target each counted objective must reach (0.6).
    pub min_ratio: f64,
    /// Share of its target a priority objective must reach (1.0).
    pub priority_ratio: f64,
    pub objectives: Vec<ObjectiveStatus>,
    /// Undated values (the `current` column) left out because `--at` asks about a date.
    pub undated_ignored: Vec<String>,
    pub bonus: Bonus,
}

/// One objective against its target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ObjectiveStatus {
    pub id: String,
    pub title: String,
    pub unit: Option<String>,
    pub priority: bool,
    /// A yes/no objective (`Objective::is_qualitative`): never projected.
    pub qualitative: bool,
    /// Whether the objective conditions the year-3 bonus (a contractual objective).
    pub counted: bool,
    pub target: Option<f64>,
    /// `None` when no value is known: unknown, never 0 %.
    pub value: Option<f64>,
    pub source: Source,
    /// value / target.
    pub ratio: Option<f64>,
    /// The share that must be reached: the programme's min ratio, or its priority ratio.
    pub threshold: f64,
    /// The value against the threshold, today.
    pub verdict: Verdict,
    /// What the committee reads: met, on track, behind or missed.
    pub standing: Standing,
    /// None for a yes/no objective (`Objective::is_qualitative`), after the programme's end,
    /// and with fewer than two dated measurements within the programme.
    pub projection: Option<Projection>,
    /// Where the objective is defined (its row of the objectives table).
    #[serde(skip)]
    pub origin: Location,
}

impl ObjectiveStatus {
    /// True when the projection ends below the threshold.
    pub fn projected_below(&self) -> bool {
        self.projection
            .as_ref()
            .is_some_and(|p| p.verdict == Verdict::Below)
    }

    /// What should alarm the committee: the threshold missed for good, or a priority
    /// objective heading below it at its current pace (the whole bonus with it).
    pub fn grave(&self) -> bool {
        self.standing == Standing::Missed || (self.priority && self.projected_below())
    }
}

/// An objective's standing, as the committee reads it: its verdict against the threshold,
/// told apart by time. Below the threshold before the programme's end, it is on track when
/// its projection reaches the threshold, behind otherwise (or with no projection); after the
/// end, it is missed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    /// At or above its threshold.
    Met,
    /// Below its threshold, projected to reach it by the programme's end.
    OnTrack,
    /// No value known.
    Unknown,
    /// No target (or a zero target).
    NoTarget,
    /// Below its threshold and projected below it, or with no projection.
    Behind,
    /// Below its threshold when the programme has ended.
    Missed,
}

impl Standing {
    /// The stable id of JSON and CSV.
    pub fn id(self) -> &'static str {
        match self {
            Standing::Met => "met",
            Standing::OnTrack => "on-track",
            Standing::Unknown => "unknown",
            Standing::NoTarget => "no-target",
            Standing::Behind => "behind",
            Standing::Missed => "missed",
        }
    }

    /// An objective's standing in words, from the catalog of `lang`: plain words for
    /// elected officials, "en bonne voie", not an alarm.
    pub fn word(self, lang: Lang) -> &'static str {
        lang.catalog().standing(self)
    }

    /// The year-3 bonus conditions' standing in words ("conditions en bonne voie").
    pub fn conditions_word(self, lang: Lang) -> &'static str {
        lang.catalog().conditions(self)
    }
}

/// Where an objective's value comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Source {
    /// The latest dated measurement (on or before `--at`).
    Measured {
        date: Date,
        #[serde(serialize_with = "display")]
        origin: Location,
    },
    /// The undated `current` column of the objectives table.
    Current {
        #[serde(serialize_with = "display")]
        origin: Location,
    },
    None,
}

/// An objective's standing against its threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// At or above its threshold.
    Met,
    Below,
    /// No value known.
    Unknown,
    /// No target (or a zero target): no share can be computed.
    NoTarget,
}

impl Verdict {
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::Below => "below",
            Verdict::Unknown => "unknown",
            Verdict::NoTarget => "no-target",
        }
    }
}

/// Where an objective ends at the pace of its dated measurements (a least-squares line
/// through them). A projection, not a measurement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Projection {
    /// The programme's end date.
    pub date: Date,
    pub value: f64,
    pub ratio: Option<f64>,
    pub verdict: Verdict,
    /// How many measurements the line goes through, and their span.
    pub measurements: usize,
    pub first: Date,
    pub last: Date,
}

/// The year-3 conditions and the money at stake.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bonus {
    /// The conditions today: met, not met (one objective below its threshold) or unknown.
    pub verdict: BonusVerdict,
    /// The conditions as the committee reads them: the gravest standing of the counted
    /// objectives (missed, then behind, then unknown, then on track), met when all are met.
    pub standing: Standing,
    /// Counted objectives below their threshold, and those without a value or a target.
    pub below: Vec<String>,
    pub unknown: Vec<String>,
    /// Aid paid whatever the results (years 1 and 2).
    pub flat_aid: Option<f64>,
    pub per_inhabitant: Option<f64>,
    pub population: Option<u64>,
    /// per_inhabitant x population: the year-3 bonus at stake.
    pub bonus: Option<f64>,
    /// flat_aid + bonus.
    pub total: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BonusVerdict {
    /// Every counted objective reaches its threshold.
    Met,
    /// At least one counted objective is below its threshold.
    NotMet,
    /// None is below, but some have no value (or no target).
    Unknown,
}

impl BonusVerdict {
    pub fn id(self) -> &'static str {
        match self {
            BonusVerdict::Met => "met",
            BonusVerdict::NotMet => "not-met",
            BonusVerdict::Unknown => "unknown",
        }
    }
}

fn display<T: std::fmt::Display, S: Serializer>(value: &T, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(value)
}

/// Whether a share reaches a threshold, exactly 60 % included.
pub fn reaches(ratio: f64, threshold: f64) -> bool {
    ratio + TOLERANCE >= threshold
}

/// The status of a territory, as of `at` (every measurement when `None`).
pub fn compute(territory: &Territory, at: Option<Date>) -> Status {
    let programme = territory.programme.clone().unwrap_or_default();
    // With no objective marked contractual, every objective is taken to be.
    let none_marked = !territory.objectives().iter().any(|o| o.contractual);
    let mut undated_ignored = Vec::new();
    let as_of = at.or_else(|| territory.progress().iter().map(|m| m.date).max());
    let ended = as_of.zip(programme.end).is_some_and(|(d, end)| d >= end);
    let time = Time {
        at,
        start: programme.start,
        end: programme.end,
        ended,
    };
    let objectives: Vec<ObjectiveStatus> = territory
        .objectives()
        .iter()
        .map(|o| {
            if at.is_some() && o.current.is_some() {
                undated_ignored.push(o.id.clone());
            }
            let threshold = if o.priority {
                programme.priority_ratio
            } else {
                programme.min_ratio
            };
            objective(
                territory,
                o,
                threshold,
                o.contractual || o.priority || none_marked,
                &time,
            )
        })
        .collect();

    let counted = || objectives.iter().filter(|o| o.counted);
    let below: Vec<String> = counted()
        .filter(|o| o.verdict == Verdict::Below)
        .map(|o| o.id.clone())
        .collect();
    let unknown: Vec<String> = counted()
        .filter(|o| matches!(o.verdict, Verdict::Unknown | Verdict::NoTarget))
        .map(|o| o.id.clone())
        .collect();
    let verdict = if !below.is_empty() {
        BonusVerdict::NotMet
    } else if !unknown.is_empty() {
        BonusVerdict::Unknown
    } else {
        BonusVerdict::Met
    };
    let standing = counted()
        .map(|o| match o.standing {
            Standing::NoTarget => Standing::Unknown,
            other => other,
        })
        .max()
        .unwrap_or(Standing::Met);
    let bonus = programme
        .bonus_per_inhabitant
        .zip(territory.population)
        .map(|(per, population)| per * population as f64);
    let total = programme
        .flat_aid
        .zip(bonus)
        .map(|(flat, bonus)| flat + bonus);

    Status {
        territory: territory.name.clone(),
        programme: territory
            .programme
            .as_ref()
            .map(|p| p.name.clone())
            .filter(|n| !n.is_empty()),
        start: programme.start,
        end: programme.end,
        at,
        as_of,
        ended,
        min_ratio: programme.min_ratio,
        priority_ratio: programme.priority_ratio,
        objectives,
        undated_ignored,
        bonus: Bonus {
            verdict,
            standing,
            below,
            unknown,
            flat_aid: programme.flat_aid,
            per_inhabitant: programme.bonus_per_inhabitant,
            population: territory.population,
            bonus,
            total,
        },
    }
}

/// The dates a status is computed for.
struct Time {
    /// `--at`: later measurements are ignored.
    at: Option<Date>,
    /// The programme's dates: only measurements between them are projected from.
    start: Option<Date>,
    end: Option<Date>,
    /// The programme's end is reached: nothing is projected, below is missed.
    ended: bool,
}

impl Time {
    /// True when a date is within the programme (as far as its dates are known).
    fn within(&self, d: Date) -> bool {
        self.start.is_none_or(|s| d >= s) && self.end.is_none_or(|e| d <= e)
    }
}

fn objective(
    territory: &Territory,
    o: &Objective,
    threshold: f64,
    counted: bool,
    time: &Time,
) -> ObjectiveStatus {
    let at = time.at;
    let measurements: Vec<_> = territory
        .measurements_of(&o.id)
        .into_iter()
        .filter(|m| at.is_none_or(|at| m.date <= at))
        .collect();
    let (value, source) = match (measurements.last(), o.current) {
        (Some(m), _) => (
            Some(m.value),
            Source::Measured {
                date: m.date,
                origin: m.origin.clone(),
            },
        ),
        (None, Some(current)) if at.is_none() => (
            Some(current),
            Source::Current {
                origin: o.origin.clone(),
            },
        ),
        _ => (None, Source::None),
    };
    let target = o.target.filter(|t| *t > 0.0);
    let judge = |value: Option<f64>| match (value, target) {
        (_, None) => (None, Verdict::NoTarget),
        (None, Some(_)) => (None, Verdict::Unknown),
        (Some(v), Some(t)) => {
            let ratio = v / t;
            let verdict = if reaches(ratio, threshold) {
                Verdict::Met
            } else {
                Verdict::Below
            };
            (Some(ratio), verdict)
        }
    };
    let (ratio, verdict) = judge(value);
    // A yes/no objective has no pace, and a date outside the programme (a typo in the year,
    // a baseline) would bend the line: neither is projected from.
    let points: Vec<(Date, f64)> = measurements
        .iter()
        .filter(|m| time.within(m.date))
        .map(|m| (m.date, m.value))
        .collect();
    let projectable = !o.is_qualitative() && !time.ended;
    let projection = time.end.filter(|_| projectable).and_then(|end| {
        let (value, first, last) = trend(&points, end)?;
        let (ratio, verdict) = judge(Some(value));
        Some(Projection {
            date: end,
            value,
            ratio,
            verdict,
            measurements: points.len(),
            first,
            last,
        })
    });
    let standing = match verdict {
        Verdict::Met => Standing::Met,
        Verdict::Unknown => Standing::Unknown,
        Verdict::NoTarget => Standing::NoTarget,
        Verdict::Below if time.ended => Standing::Missed,
        Verdict::Below => match &projection {
            Some(p) if p.verdict == Verdict::Met => Standing::OnTrack,
            _ => Standing::Behind,
        },
    };
    ObjectiveStatus {
        id: o.id.clone(),
        title: o.title.clone(),
        unit: o.unit.clone(),
        priority: o.priority,
        qualitative: o.is_qualitative(),
        counted,
        target: o.target,
        value,
        source,
        ratio,
        threshold,
        verdict,
        standing,
        projection,
        origin: o.origin.clone(),
    }
}

/// The value at `end` of the least-squares line through dated values (two dates or more,
/// oldest first, the last one before `end`), never below 0; with the first and last dates.
pub fn trend(points: &[(Date, f64)], end: Date) -> Option<(f64, Date, Date)> {
    let (first, last) = (points.first()?.0, points.last()?.0);
    if points.len() < 2 || last >= end {
        return None;
    }
    let days = |d: Date| first.until(d).map(|s| f64::from(s.get_days())).ok();
    let xs: Vec<f64> = points
        .iter()
        .map(|(d, _)| days(*d))
        .collect::<Option<_>>()?;
    let n = points.len() as f64;
    let mean_x = xs.iter().sum::<f64>() / n;
    let mean_y = points.iter().map(|(_, v)| v).sum::<f64>() / n;
    let sxx: f64 = xs.iter().map(|x| (x - mean_x).powi(2)).sum();
    let sxy: f64 = xs
        .iter()
        .zip(points)
        .map(|(x, (_, y))| (x - mean_x) * (y - mean_y))
        .sum();
    if sxx == 0.0 {
        return None;
    }
    let value = mean_y + sxy / sxx * (days(end)? - mean_x);
    Some((value.max(0.0), first, last))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn exactly_the_threshold_reaches_it() {
        assert!(reaches(0.6 * 50.0 / 50.0, 0.6));
        assert!(reaches(30.0 / 50.0, 0.6));
        assert!(reaches(0.1 * 6.0, 0.6));
        assert!(!reaches(0.599, 0.6));
        assert!(!reaches(0.99, 1.0));
    }

    #[test]
    fn trend_goes_through_two_points() {
        let points = [(date(2022, 1, 1), 100.0), (date(2022, 12, 31), 464.0)];
        let (value, first, last) = trend(&points, date(2023, 12, 31)).unwrap();
        // 364 days for 364 more, so one a day for the 365 days of 2023.
        assert!((value - 829.0).abs() < 1e-9, "{value}");
        assert_eq!((first, last), (points[0].0, points[1].0));
        assert_eq!(trend(&points[..1], date(2023, 12, 31)), None);
        assert_eq!(trend(&points, date(2022, 12, 31)), None);
    }

    #[test]
    fn a_falling_trend_stops_at_zero() {
        let points = [(date(2022, 1, 1), 10.0), (date(2022, 1, 11), 0.0)];
        assert_eq!(trend(&points, date(2023, 1, 1)).unwrap().0, 0.0);
    }
}
