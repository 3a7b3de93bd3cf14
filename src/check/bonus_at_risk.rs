//! `bonus-at-risk`: an objective below the share of its target the year-3 bonus requires,
//! or heading below it by the programme's end.

use super::{Context, Finding, Rule, Severity};
use crate::model::Territory;
use crate::numbers::percent;
use crate::status::{self, ObjectiveStatus, Source, Verdict};

/// What it finds: an objective that conditions the year-3 bonus (a contractual objective)
/// whose latest value is below its threshold (60 % of its target, 100 % for a priority
/// objective, from the programme settings), or whose dated measurements, extended in a
/// straight line, end below it on the programme's end date. A warning; an error for a
/// priority objective. An objective with no value is not flagged: unknown is not 0 %.
///
/// Why it matters: the year-3 bonus (1 € per inhabitant, 152 371 € for the Calaisis) is lost
/// if any one objective misses its threshold; the committee must see it while it can act.
///
/// Example: `regal` measured at 0,5 (half done) is at 50 %, below its 100 %: an error.
pub static RULE: Rule = Rule {
    name: "bonus-at-risk",
    severity: Severity::Warning,
    summary: "an objective below its threshold for the year-3 bonus (60 %, 100 % for a priority objective), or projected below it at the programme's end; an error for a priority objective",
    why: "the year-3 bonus (1 € per inhabitant, 152 371 € for the Calaisis) is lost if any one objective misses its threshold; the committee must see it while it can act",
    example: "a REGAL measured at 0,5 (half done) is at 50 %, below the 100 % of a priority objective: an error",
    params: &[],
    check,
};

fn check(cx: &Context, territory: &Territory) -> Vec<Finding> {
    let status = status::compute(territory, None);
    let mut findings = Vec::new();
    for o in status.objectives.iter().filter(|o| o.counted) {
        let Some(message) = message(o) else {
            continue;
        };
        let mut finding = cx.finding(message);
        if o.priority {
            finding.severity = cx.raised(Severity::Error);
        }
        finding.objectives.push(o.id.clone());
        finding.location = match &o.source {
            Source::Measured { origin, .. } | Source::Current { origin } => Some(origin.clone()),
            Source::None => territory.objective(&o.id).map(|obj| obj.origin.clone()),
        };
        finding.hint = Some(if o.verdict == Verdict::Below {
            "the bonus needs every objective at its threshold by the programme's end; plan the actions that close the gap, or record a newer measurement in progress.csv".to_owned()
        } else {
            "at this pace the objective ends below its threshold; speed up the actions or check the latest measurements in progress.csv".to_owned()
        });
        findings.push(finding);
    }
    findings
}

fn message(o: &ObjectiveStatus) -> Option<String> {
    let kind = if o.priority {
        "priority objective"
    } else {
        "objective"
    };
    let threshold = percent(o.threshold);
    if let (Verdict::Below, Some(ratio)) = (o.verdict, o.ratio) {
        return Some(format!(
            "{kind} {} \"{}\" is at {} of its target, below the {threshold} the year-3 bonus requires",
            o.id,
            o.title,
            percent(ratio)
        ));
    }
    let p = o.projection.as_ref()?;
    match (p.verdict, p.ratio) {
        (Verdict::Below, Some(ratio)) => Some(format!(
            "{kind} {} \"{}\" is projected at {} of its target on {} at its current pace, below the {threshold} the year-3 bonus requires",
            o.id,
            o.title,
            percent(ratio),
            p.date
        )),
        _ => None,
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
    fn below_threshold_warns_and_priority_is_an_error() {
        let t = territory(
            &[
                ("haies", 50.0, false),
                ("regal", 1.0, true),
                ("friches", 26.0, false),
            ],
            &[
                ("haies", "2023-12-31", 29.95),
                ("regal", "2023-12-31", 0.99),
                ("friches", "2023-12-31", 15.6),
            ],
        );
        let findings = run(&t);
        assert_eq!(findings.len(), 2, "{findings:#?}");
        // Errors come first.
        assert_eq!(findings[0].objectives, ["regal"]);
        assert_eq!(findings[0].severity, Severity::Error);
        assert_eq!(findings[1].objectives, ["haies"]);
        assert_eq!(findings[1].severity, Severity::Warning);
        assert!(
            findings[1].message.contains("at 59,9 %"),
            "{}",
            findings[1].message
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
            findings[0].message.contains("projected at"),
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
