//! `bonus-at-risk`: an objective below the share of its target the year-3 bonus requires,
//! told apart by time: on track, behind, or missed once the programme has ended.

use super::message::{Bonus, BonusAdvice, BonusCase, Doc, Hint, Message, NoProjection, Subject};
use super::{Context, Finding, Rule, Severity};
use crate::model::Territory;
use crate::status::{self, ObjectiveStatus, Source, Standing, Status};

/// What it finds: an objective that conditions the year-3 bonus (a contractual objective)
/// whose latest value is below its threshold (60 % of its target, 100 % for a priority
/// objective, from the programme settings), graded by its standing (`status::Standing`):
/// on track (info) when its dated measurements, extended in a straight line, reach the
/// threshold on the programme's end date; behind (a warning) when they end below it or
/// cannot be projected; missed (an error) once the programme has ended. A priority objective
/// projected below its threshold is an error, and so is one met today but heading below it
/// (a warning for other objectives). An objective with no value is not flagged: unknown is
/// not 0 %.
///
/// Why it matters: the year-3 bonus (1 € per inhabitant, 152 371 € for the Calaisis) is lost
/// if any one objective misses its threshold; the committee must see it while it can act,
/// and must not be alarmed by an objective that is merely on its way.
///
/// Example: cycle paths at 20 km of 50 at the end of 2022, after 10 km a year earlier: 40 %
/// today, 60 % projected at the end of 2023, on track.
pub static RULE: Rule = Rule {
    name: "bonus-at-risk",
    severity: Severity::Warning,
    doc: Doc::BonusAtRisk,
    params: &[],
    check,
};

fn check(cx: &Context, territory: &Territory) -> Vec<Finding> {
    let status = status::compute(territory, None);
    let mut findings = Vec::new();
    for o in status.objectives.iter().filter(|o| o.counted) {
        let Some(graded) = grade(o, &status) else {
            continue;
        };
        let mut finding = cx.finding(graded.message);
        finding.severity = cx.graded(graded.severity);
        finding.objectives.push(o.id.clone());
        finding.location = match &o.source {
            Source::Measured { origin, .. } | Source::Current { origin } => Some(origin.clone()),
            Source::None => territory.objective(&o.id).map(|obj| obj.origin.clone()),
        };
        finding.hint = Some(graded.hint);
        findings.push(finding);
    }
    findings
}

/// A finding's grade, message and hint, before the settings.
struct Graded {
    severity: Severity,
    message: Message,
    hint: Hint,
}

/// What the rule says of an objective, if anything.
fn grade(o: &ObjectiveStatus, status: &Status) -> Option<Graded> {
    let now = o.ratio?;
    let projected = o.projection.as_ref().and_then(|p| Some((p.ratio?, p.date)));
    let severity = if o.grave() {
        Severity::Error
    } else {
        Severity::Warning
    };
    let (grade, case, advice) = match (o.standing, projected) {
        (Standing::Missed, _) => (
            Severity::Error,
            BonusCase::Missed { end: status.end },
            BonusAdvice::RecordALaterValue,
        ),
        (Standing::OnTrack, Some((projected, end))) => (
            Severity::Info,
            BonusCase::OnTrack { projected, end },
            BonusAdvice::KeepThePace,
        ),
        (Standing::Behind, Some((projected, end))) => (
            severity,
            BonusCase::Behind { projected, end },
            BonusAdvice::SpeedUp,
        ),
        (Standing::Behind, None) => (
            severity,
            BonusCase::NotProjected(why_no_projection(o, status)),
            BonusAdvice::PlanTheActions,
        ),
        (Standing::Met, Some((projected, end))) if o.projected_below() => (
            severity,
            BonusCase::Falling { projected, end },
            BonusAdvice::SpeedUp,
        ),
        _ => return None,
    };
    let progress = match &o.source {
        Source::Measured { origin, .. } => Some(origin.file.to_string()),
        Source::Current { .. } | Source::None => None,
    };
    Some(Graded {
        severity: grade,
        message: Message::BonusAtRisk(Bonus {
            objective: Subject {
                id: o.id.clone(),
                name: o.title.clone(),
            },
            priority: o.priority,
            standing: o.standing,
            now,
            threshold: o.threshold,
            case,
        }),
        hint: Hint::Bonus { advice, progress },
    })
}

/// Why an objective behind its threshold has no projection.
fn why_no_projection(o: &ObjectiveStatus, status: &Status) -> NoProjection {
    if o.qualitative {
        NoProjection::YesNo
    } else if status.end.is_none() {
        NoProjection::NoEndDate
    } else {
        NoProjection::TooFewMeasurements
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Location;
    use crate::i18n::Lang;
    use crate::model::{Measurement, Objective, Programme, Tables};
    use jiff::civil::date;

    fn territory(objectives: &[(&str, f64, bool)], progress: &[(&str, &str, f64)]) -> Territory {
        let mut t = Territory::new(Tables {
            objectives: objectives
                .iter()
                .map(|&(id, target, priority)| Objective {
                    id: id.to_owned(),
                    domain: "d".to_owned(),
                    title: id.to_owned(),
                    target: Some(target),
                    unit: None,
                    current: None,
                    priority,
                    contractual: true,
                    reach: None,
                    origin: Location::new("objectives.csv", 2),
                })
                .collect(),
            progress: progress
                .iter()
                .map(|&(id, day, value)| Measurement {
                    objective: id.to_owned(),
                    date: day.parse().unwrap(),
                    value,
                    source: None,
                    note: None,
                    origin: Location::new("progress.csv", 2),
                })
                .collect(),
            ..Tables::default()
        });
        t.name = "t".to_owned();
        t.programme = Some(Programme {
            end: Some(date(2023, 12, 31)),
            ..Programme::default()
        });
        t
    }

    fn run(t: &Territory) -> Vec<Finding> {
        crate::check::findings_of(&RULE, t)
    }

    #[test]
    fn below_the_threshold_when_the_programme_ends_is_missed_an_error() {
        let measured = |day| {
            territory(
                &[
                    ("haies", 50.0, false),
                    ("regal", 1.0, true),
                    ("friches", 26.0, false),
                ],
                &[
                    ("haies", day, 29.95),
                    ("regal", day, 0.99),
                    ("friches", day, 15.6),
                ],
            )
        };
        let findings = run(&measured("2023-12-31"));
        let shown: Vec<(&str, Severity)> = findings
            .iter()
            .map(|f| (f.objectives[0].as_str(), f.severity))
            .collect();
        assert_eq!(
            shown,
            [("haies", Severity::Error), ("regal", Severity::Error)],
            "{findings:#?}"
        );
        assert_eq!(
            findings[0].message.render(Lang::En),
            "objective haies \"haies\": missed, at 59.9% of its target as the programme ended on 2023-12-31, below the 60% the year-3 bonus requires"
        );
        // The same values a day before the end: behind, with nothing to project from.
        let findings = run(&measured("2023-12-30"));
        let shown: Vec<(&str, Severity)> = findings
            .iter()
            .map(|f| (f.objectives[0].as_str(), f.severity))
            .collect();
        assert_eq!(
            shown,
            [("haies", Severity::Warning), ("regal", Severity::Warning)]
        );
        assert_eq!(
            findings[1].message.render(Lang::En),
            "priority objective regal \"regal\": behind, at 99% of its target, below the 100% the year-3 bonus requires; a yes/no objective is not projected"
        );
    }

    #[test]
    fn a_slow_pace_is_flagged_before_the_value_falls_below() {
        // 70 % then 72 %: at this pace about 80 % at the end, fine. 80 % then 64 %: met
        // today, but the line reaches 0 before the end.
        let rising = territory(
            &[("haies", 50.0, false)],
            &[("haies", "2021-06-30", 35.0), ("haies", "2021-12-31", 36.0)],
        );
        assert!(run(&rising).is_empty());
        let falling = territory(
            &[("haies", 50.0, false)],
            &[("haies", "2021-06-30", 40.0), ("haies", "2021-12-31", 32.0)],
        );
        let findings = run(&falling);
        assert_eq!(findings.len(), 1);
        let message = findings[0].message.render(Lang::En);
        assert!(
            message.contains(": met today at 64% of its target, but projected at"),
            "{message}"
        );
    }

    #[test]
    fn no_value_is_not_a_finding() {
        let t = territory(&[("haies", 50.0, false), ("regal", 1.0, true)], &[]);
        assert!(run(&t).is_empty());
    }
}
