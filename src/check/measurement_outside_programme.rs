//! `measurement-outside-programme`: a measurement dated before the programme's start or after
//! its end.

use super::message::{Doc, Hint, Message, Outside};
use super::{Context, Finding, Rule, Severity};
use crate::model::Territory;

/// What it finds: a row of progress.csv dated before the programme's start or after its end
/// (the `programme` of territory.json), the start and end days included in the programme.
///
/// Why it matters: a year typed wrong (2092 for 2022, 2012 for 2021) is the usual cause, and a
/// projection drawn through it would promise "24 844 %" to the committee. A measurement
/// outside the programme is never projected from; one after the end is read as final.
///
/// Example: haies measured on 30/06/2092 in a COT TRI running from 2021 to 2023.
pub static RULE: Rule = Rule {
    name: "measurement-outside-programme",
    severity: Severity::Warning,
    doc: Doc::MeasurementOutsideProgramme,
    params: &[],
    check,
};

fn check(cx: &Context, territory: &Territory) -> Vec<Finding> {
    let Some(programme) = &territory.programme else {
        return Vec::new();
    };
    let mut findings = Vec::new();
    for m in territory.progress() {
        let side = match (programme.start, programme.end) {
            (Some(start), _) if m.date < start => Outside::BeforeStart(start),
            (_, Some(end)) if m.date > end => Outside::AfterEnd(end),
            _ => continue,
        };
        let title = territory.objective(&m.objective).map(|o| o.title.clone());
        let mut f = cx.finding(Message::MeasurementOutsideProgramme {
            objective: m.objective.clone(),
            title,
            date: m.date,
            side,
        });
        f.hint = Some(Hint::CheckTheDate {
            side,
            file: m.origin.file.to_string(),
        });
        f.objectives.push(m.objective.clone());
        f.location = Some(m.origin.clone());
        findings.push(f);
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{messages_of, territory};

    fn t(programme: &str, dates: &[&str]) -> Territory {
        let progress: Vec<String> = dates
            .iter()
            .map(|d| format!(r#"{{"date": "{d}", "objective": "haies", "value": 10}}"#))
            .collect();
        territory(&format!(
            r#"{{
            {programme}
            "domains": [{{"id": "D1", "name": "Biodiversité"}}],
            "objectives": [{{"id": "haies", "domain": "D1", "title": "Haies", "target": 50}}],
            "progress": [{}]
        }}"#,
            progress.join(", ")
        ))
    }

    const COT: &str =
        r#""programme": {"name": "COT TRI", "start": "2021-01-01", "end": "2023-12-31"},"#;

    #[test]
    fn a_date_before_the_start_or_after_the_end_is_named() {
        let found = messages_of(
            &RULE,
            &t(
                COT,
                &["2020-12-31", "2021-01-01", "2023-12-31", "2092-06-30"],
            ),
        );
        assert_eq!(
            found,
            [
                "measurement of objective haies \"Haies\" on 2020-12-31 is before the programme's start (2021-01-01)",
                "measurement of objective haies \"Haies\" on 2092-06-30 is after the programme's end (2023-12-31)",
            ]
        );
    }

    #[test]
    fn without_programme_dates_nothing_is_outside() {
        assert!(messages_of(&RULE, &t("", &["1990-01-01"])).is_empty());
        let open_ended = r#""programme": {"name": "CRTE", "start": "2021-01-01"},"#;
        assert_eq!(messages_of(&RULE, &t(open_ended, &["2092-06-30"])).len(), 0);
        assert_eq!(messages_of(&RULE, &t(open_ended, &["2020-06-30"])).len(), 1);
    }
}
