//! `bonus-at-risk`: an objective below the share of its target the year-3 bonus requires,
//! told apart by time: on track, behind, or missed once the programme has ended.

use super::{Context, Finding, Rule, Severity};
use crate::model::{Lang, Territory};
use crate::numbers::percent;
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
    summary: "an objective below its threshold for the year-3 bonus (60 %, 100 % for a priority objective): on track (info) when its projection reaches the threshold by the programme's end, behind (warning) when it does not or there is none, missed (error) once the programme has ended; a priority objective projected below its threshold is an error",
    why: "the year-3 bonus (1 € per inhabitant, 152 371 € for the Calaisis) is lost if any one objective misses its threshold; the committee must see it while it can act, and not be alarmed by an objective that is on its way",
    example: "a REGAL measured at 0,5 (half done) before the programme's end is behind its 100 %, a warning; still at 0,5 once the programme has ended, it is missed, an error",
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
        finding.hint = Some(graded.hint.to_owned());
        findings.push(finding);
    }
    findings
}

/// A finding's grade, words and hint, before the settings.
struct Graded {
    severity: Severity,
    message: String,
    hint: &'static str,
}

/// What the rule says of an objective, if anything.
fn grade(o: &ObjectiveStatus, status: &Status) -> Option<Graded> {
    let kind = if o.priority {
        "priority objective"
    } else {
        "objective"
    };
    let name = format!("{kind} {} \"{}\"", o.id, o.title);
    let word = o.standing.word(Lang::En);
    let threshold = percent(o.threshold);
    let now = percent(o.ratio?);
    let requires = "the year-3 bonus requires";
    let projected = o
        .projection
        .as_ref()
        .and_then(|p| Some((percent(p.ratio?), p.date)));
    let severity = if o.grave() {
        Severity::Error
    } else {
        Severity::Warning
    };
    let keep_up = "at this pace the objective ends below its threshold; speed up the actions or check the latest measurements in progress.csv";
    Some(match (o.standing, projected) {
        (Standing::Missed, _) => Graded {
            severity: Severity::Error,
            message: format!(
                "{name}: {word}, at {now} of its target as the programme ended on {}, below the {threshold} {requires}",
                status.end.map(|d| d.to_string()).unwrap_or_default()
            ),
            hint: "the programme has ended; if a later measurement reaches the threshold, record it in progress.csv, otherwise the year-3 bonus is lost",
        },
        (Standing::OnTrack, Some((at_end, end))) => Graded {
            severity: Severity::Info,
            message: format!(
                "{name}: {word}, at {now} of its target and projected at {at_end} on {end}, reaching the {threshold} {requires}"
            ),
            hint: "keep the pace and record the next measurement in progress.csv",
        },
        (Standing::Behind, Some((at_end, end))) => Graded {
            severity,
            message: format!(
                "{name}: {word}, at {now} of its target and projected at {at_end} on {end}, below the {threshold} {requires}"
            ),
            hint: keep_up,
        },
        (Standing::Behind, None) => Graded {
            severity,
            message: format!(
                "{name}: {word}, at {now} of its target, below the {threshold} {requires}; {}",
                why_no_projection(o, status)
            ),
            hint: "the bonus needs every objective at its threshold by the programme's end; plan the actions that close the gap, or record a newer measurement in progress.csv",
        },
        (Standing::Met, Some((at_end, end))) if o.projected_below() => Graded {
            severity,
            message: format!(
                "{name}: {word} today at {now} of its target, but projected at {at_end} on {end}, below the {threshold} {requires}"
            ),
            hint: keep_up,
        },
        _ => return None,
    })
}

/// Why an objective behind its threshold has no projection.
fn why_no_projection(o: &ObjectiveStatus, status: &Status) -> &'static str {
    if o.qualitative {
        "a yes/no objective is not projected"
    } else if status.end.is_none() {
        "not projected: the programme has no end date"
    } else {
        "not projected: two dated measurements within the programme are needed"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Location;
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
            findings[0].message,
            "objective haies \"haies\": missed, at 59,9 % of its target as the programme ended on 2023-12-31, below the 60 % the year-3 bonus requires"
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
            findings[1].message,
            "priority objective regal \"regal\": behind, at 99 % of its target, below the 100 % the year-3 bonus requires; a yes/no objective is not projected"
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
        assert!(
            findings[0]
                .message
                .contains(": met today at 64 % of its target, but projected at"),
            "{}",
            findings[0].message
        );
    }

    #[test]
    fn no_value_is_not_a_finding() {
        let t = territory(&[("haies", 50.0, false), ("regal", 1.0, true)], &[]);
        assert!(run(&t).is_empty());
    }
}
