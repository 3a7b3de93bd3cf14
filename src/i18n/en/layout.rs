//! The maps in English: titles, legends, badges, the labels of the maps and of the status
//! chart.
//!
//! Numbers on a slide have at most two decimals ("0.25", "1,500").

use jiff::civil::Date;

use super::English;
use crate::i18n::{Lang, Language};
use crate::layout::words::{Conditions, Label, Words};
use crate::model::{ActionStatus, Means, Role, RoleWords};
use crate::status::Standing;

/// A number on a slide: at most two decimals.
fn number(n: f64) -> String {
    English.decimal(n, 2)
}

/// A number and its unit: "1,500 km", "1,500" without a unit.
fn with_unit(n: f64, unit: Option<&str>) -> String {
    match unit {
        Some(unit) => format!("{} {unit}", number(n)),
        None => number(n),
    }
}

impl Words for English {
    fn map_label(&self, label: Label) -> &'static str {
        match label {
            Label::Priority => "PRIORITY",
            Label::Lead => "Lead",
            Label::LeadCandidate => "Lead candidate",
            Label::NoLead => "Lead?",
            Label::ToBeNamed => "to be named",
            Label::ToBeIdentified => "to be identified",
            Label::GapsToFill => "To be named or identified",
            Label::LeadToBeNamed => "Lead to be named",
            Label::RoleToBeIdentified => "Role to be identified",
            Label::Legend => "Legend",
            Label::Means => "With what means?",
            Label::MemberOf => "Member of",
            Label::StandsFor => "Stands for",
            Label::NoActor => "No actor given",
            Label::NoObjective => "No objective given",
            Label::NoDomain => "No domain given",
            Label::NoRole => "No role given",
            Label::TooManyActors => {
                "Too many actors for one map: draw one objective at a time (--objective)"
            }
            Label::TooManyRoles => "Too many roles for one map",
            Label::ProgressUnknown => "progress unknown",
            Label::NoTarget => "no target",
            Label::NoTargetGiven => "no target",
            Label::Unknown => "unknown",
            Label::UnknownValue => "unknown value",
            Label::PriorityBehind => "priority behind, projected below the threshold",
            Label::Projection => "projection to the programme's end",
            Label::NotCovered => "not covered",
            Label::OutOfScope => "out of scope",
            Label::NoScopedObjective => "No objective with a tracked scope",
            Label::Context => "Current situation",
            Label::Actions => "Actions and bearers",
            Label::NoAction => "No action given",
            Label::WhoIsMobilised => "Who is mobilised?",
            Label::NoBearer => "Who will carry it?",
            Label::CarriedActions => "Actions carried",
            Label::TwoWayLink => "two-way link",
            Label::OneWayLink => "one-way link",
        }
    }

    fn page(&self, title: &str, number: usize, count: usize) -> String {
        format!("{title} ({number}/{count})")
    }

    fn actor_title(&self, actor: &str) -> String {
        format!("{actor}: its roles")
    }

    fn names_after(&self, label: Label, names: &[&str]) -> String {
        format!("{}: {}", self.map_label(label), names.join(", "))
    }

    fn via(&self, group: &str) -> String {
        format!("through {group}")
    }

    fn related(&self, domains: &[String]) -> String {
        format!("Links: {}", domains.join(", "))
    }

    fn objectives(&self, n: usize) -> String {
        self.count(n, "objective", "objectives")
    }

    fn actors(&self, n: usize) -> String {
        self.count(n, "actor", "actors")
    }

    fn more(&self, n: usize) -> String {
        format!("+\u{a0}{}\u{a0}more", self.number(n as f64))
    }

    fn more_objectives(&self, n: usize) -> String {
        let others = if n > 1 { "objectives" } else { "objective" };
        format!("+\u{a0}{}\u{a0}more {others}", self.number(n as f64))
    }

    fn more_rows(&self, n: usize) -> String {
        let others = if n > 1 { "rows" } else { "row" };
        format!("+\u{a0}{}\u{a0}more {others}", self.number(n as f64))
    }

    fn list_file(&self, stem: &str) -> String {
        format!("{stem}-actors.csv")
    }

    fn full_list(&self, file: &str) -> String {
        format!("complete list: {file}")
    }

    fn list_header(&self) -> [&'static str; 4] {
        ["Actor", "Role", "Number of objectives", "Objectives"]
    }

    fn progress_stages(&self) -> [&'static str; 3] {
        ["laying out", "drawing", "writing"]
    }

    fn candidate(&self, name: &str) -> String {
        format!("{name}?")
    }

    fn role_gap(&self, role: Role) -> String {
        format!("{}?", self.legend(role))
    }

    fn objective_line(&self, title: &str, target: Option<f64>, unit: Option<&str>) -> String {
        match target {
            Some(target) => format!("Objective: {title} — target: {}", with_unit(target, unit)),
            None => format!("Objective: {title}"),
        }
    }

    fn target_line(&self, title: &str, target: Option<f64>, unit: Option<&str>) -> String {
        match target {
            Some(target) => format!("Target: {} — {title}", with_unit(target, unit)),
            None => title.to_owned(),
        }
    }

    fn leads(&self, names: &[&str]) -> String {
        format!("Lead: {}", names.join(", "))
    }

    fn lead_candidates(&self, names: &[&str]) -> String {
        let who = if names.is_empty() {
            self.map_label(Label::ToBeNamed).to_owned()
        } else {
            names.join(", ")
        };
        format!("{} {who}", self.map_label(Label::NoLead))
    }

    fn continued(&self, domain: &str) -> String {
        format!("{domain} (continued)")
    }

    fn overview_title(&self, territory: &str, programme: Option<&str>) -> String {
        match programme {
            Some(p) => format!("{territory} · {p}: overview"),
            None => format!("{territory}: overview"),
        }
    }

    fn matrix_title(&self, territory: &str) -> String {
        format!("{territory}: who does what")
    }

    fn letter(&self, role: Role) -> &'static str {
        match role {
            Role::Lead => "L",
            Role::LeadCandidate => "L?",
            Role::Prescriber => "P",
            Role::Funder => "F",
            Role::Support => "S",
            Role::Target => "T",
            Role::Relay => "R",
        }
    }

    fn letter_legend(&self, role: Role) -> String {
        format!("{} = {}", self.letter(role), self.role(role))
    }

    fn column_without_lead(&self, domain: &str) -> String {
        format!("{domain} · L?")
    }

    fn status_title(&self, as_of: Option<Date>, conditions: Standing) -> String {
        let at = as_of
            .map(|d| format!(" as of {}", self.date(d)))
            .unwrap_or_default();
        format!(
            "Progress{at} · Year-3 bonus: conditions {}",
            conditions.conditions_word(Lang::En)
        )
    }

    fn amounts(&self, flat_aid: Option<f64>, bonus: Option<f64>, total: Option<f64>) -> String {
        let amount = |v: Option<f64>| {
            v.map_or_else(
                || self.map_label(Label::Unknown).to_owned(),
                |v| self.euros(v),
            )
        };
        format!(
            "Flat aid (years 1 and 2): {} · year-3 bonus at stake: {} · total at stake: {}",
            amount(flat_aid),
            amount(bonus),
            amount(total)
        )
    }

    fn chart_conditions(&self, c: &Conditions) -> String {
        let mut s = format!(
            "Bonus conditions: every objective at {} of its target at least, priority objectives at {}",
            self.percent(c.min),
            self.percent(c.priority)
        );
        let mut counts = Vec::new();
        if c.below > 0 {
            let on_track = Standing::OnTrack.word(Lang::En);
            let mut count = format!("{} below the threshold", c.below);
            if c.on_track == c.below {
                count.push_str(&format!(" (all {on_track})"));
            } else if c.on_track > 0 {
                count.push_str(&format!(" ({} of them {on_track})", c.on_track));
            }
            counts.push(count);
        }
        if c.unknown > 0 {
            counts.push(format!("{} without a value or a target", c.unknown));
        }
        if !counts.is_empty() {
            s.push_str(" — ");
            s.push_str(&counts.join(", "));
        }
        if !c.undated.is_empty() {
            s.push_str(&format!(
                " (undated values left out: {})",
                c.undated.join(", ")
            ));
        }
        s
    }

    fn value_label(&self, value: Option<f64>, target: Option<f64>, unit: Option<&str>) -> String {
        let unknown = self.map_label(Label::UnknownValue);
        let no_target = self.map_label(Label::NoTargetGiven);
        match (value, target) {
            (Some(v), Some(t)) => format!("{} / {}", number(v), with_unit(t, unit)),
            (Some(v), None) => format!("{} · {no_target}", with_unit(v, unit)),
            (None, Some(t)) => format!("{unknown} · target: {}", with_unit(t, unit)),
            (None, None) => format!("{unknown} · {no_target}"),
        }
    }

    fn projection(&self, date: Date, ratio: f64, reached: bool) -> String {
        let verdict = if reached {
            "met"
        } else {
            "below the threshold"
        };
        format!(
            "projection on {}: {} ({verdict})",
            self.date(date),
            self.percent(ratio)
        )
    }

    fn threshold(&self, ratio: f64) -> String {
        format!("threshold {}", self.percent(ratio))
    }

    fn threshold_mark(&self, ratio: f64) -> String {
        format!("{} · threshold", self.percent(ratio))
    }

    fn priority_mark(&self, ratio: f64) -> String {
        format!("{} · priority", self.percent(ratio))
    }

    fn governance_title(&self, territory: &str) -> String {
        format!("{territory}: local governance")
    }

    fn chaired_by(&self, chair: &str) -> String {
        format!("chaired by {chair}")
    }

    fn links_title(&self, territory: &str) -> String {
        format!("{territory}: links between domains")
    }

    fn coverage_title(&self, territory: &str) -> String {
        format!("{territory}: coverage of the perimeter")
    }

    fn action_by(&self, title: &str, bearers: &[&str], status: Option<ActionStatus>) -> String {
        let mut s = title.to_owned();
        if !bearers.is_empty() {
            s.push_str(&format!(" ({})", bearers.join(", ")));
        }
        if let Some(status) = status {
            s.push_str(&format!(" – {}", self.action_status(status)));
        }
        s
    }

    fn means_line(&self, means: Means, names: &[&str]) -> String {
        format!("{}: {}", self.means(means), names.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use crate::i18n::Lang;
    use crate::model::Role;
    use crate::status::Standing;

    #[test]
    fn titles_lines_and_the_status_chart_read_as_english() {
        let en = Lang::En.catalog();
        assert_eq!(en.actor_title("ADEME"), "ADEME: its roles");
        assert_eq!(
            en.objective_line("Hedges", Some(1500.5), Some("km")),
            "Objective: Hedges — target: 1,500.5 km"
        );
        assert_eq!(en.role_gap(Role::Target), "Targets?");
        assert_eq!(en.candidate("SEVADEC"), "SEVADEC?");
        assert_eq!(en.objectives(12), "12 objectives");
        assert_eq!(
            en.status_title(Some(date(2022, 6, 30)), Standing::Unknown),
            "Progress as of 2022-06-30 · Year-3 bonus: conditions unknown"
        );
        assert_eq!(
            en.amounts(Some(270000.0), None, None),
            "Flat aid (years 1 and 2): €270,000 · year-3 bonus at stake: unknown · total at stake: unknown"
        );
        assert_eq!(
            en.projection(date(2023, 12, 31), 0.4, false),
            "projection on 2023-12-31: 40% (below the threshold)"
        );
    }
}
