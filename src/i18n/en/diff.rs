//! `diff` in English: its sections, the changes of roles and progress, the columns of the
//! table.

use super::English;
use crate::diff::message::{Change, Section, Words};
use crate::diff::{
    self, ActionRef, BearerChange, BonusChange, ParentChange, ProgressChange, RoleChange, Seat,
    SeatChange, Standing, StateChange,
};
use crate::i18n::Language;
use crate::model::RoleWords as _;
use crate::model::{Lang, Role};
use crate::status::message::Words as _;

/// One side of a progress change: "1,485 (99%)", "unknown".
fn side(s: &Standing) -> String {
    match (s.value, s.ratio) {
        (None, _) => "unknown".to_owned(),
        (Some(v), Some(r)) => format!("{} ({})", English.number(v), English.percent(r)),
        (Some(v), None) => English.number(v),
    }
}

impl Words for English {
    fn diff_title(&self, old: &str, new: &str) -> String {
        if old == new {
            format!("changes in {old}")
        } else {
            format!("changes from {old} to {new}")
        }
    }

    fn no_difference(&self) -> &'static str {
        "no difference"
    }

    fn diff_section(&self, section: Section, count: usize) -> String {
        let title = match section {
            Section::ActorsAdded => "actors added",
            Section::ActorsRemoved => "actors removed",
            Section::ObjectivesAdded => "objectives added",
            Section::ObjectivesRemoved => "objectives removed",
            Section::Roles => "roles per objective",
            Section::FindingsAppeared => "findings appeared",
            Section::FindingsResolved => "findings resolved",
            Section::Progress => "progress",
            Section::Bonus => "year-3 bonus conditions",
            Section::ActionsAdded => "actions added",
            Section::ActionsRemoved => "actions removed",
            Section::ActionStates => "action states",
            Section::Bearers => "action bearers",
            Section::BodiesAdded => "bodies added",
            Section::BodiesRemoved => "bodies removed",
            Section::Seats => "who sits on the bodies",
            Section::Parents => "bodies reporting elsewhere",
        };
        format!("{title} ({})", self.number(count as f64))
    }

    fn diff_change(&self, change: Change) -> &'static str {
        match change {
            Change::ActorAdded => "actor added",
            Change::ActorRemoved => "actor removed",
            Change::ObjectiveAdded => "objective added",
            Change::ObjectiveRemoved => "objective removed",
            Change::RoleGained => "role added",
            Change::RoleLost => "role removed",
            Change::LeadAssigned => "lead assigned",
            Change::LeadRemoved => "lead removed",
            Change::FindingAppeared => "finding appeared",
            Change::FindingResolved => "finding resolved",
            Change::Progress => "progress",
            Change::Bonus => "bonus conditions",
            Change::ActionAdded => "action added",
            Change::ActionRemoved => "action removed",
            Change::ActionState => "action state",
            Change::BearerGained => "bearer added",
            Change::BearerLost => "bearer removed",
            Change::BodyAdded => "body added",
            Change::BodyRemoved => "body removed",
            Change::SeatGained => "seat added",
            Change::SeatLost => "seat removed",
            Change::ParentChanged => "parent body changed",
        }
    }

    fn role_change(&self, change: &RoleChange) -> String {
        let what = match (change.role, change.change) {
            (Role::Lead, diff::Change::Gained) => "lead assigned".to_owned(),
            (Role::Lead, diff::Change::Lost) => "lead removed".to_owned(),
            (role, diff::Change::Gained) => format!("{} added", role.word(Lang::En)),
            (role, diff::Change::Lost) => format!("{} removed", role.word(Lang::En)),
        };
        format!("{}: {what}: {}", change.objective, change.actor.name)
    }

    fn progress_change(&self, p: &ProgressChange) -> String {
        let mut line = format!("{}: {} -> {}", p.objective, side(&p.old), side(&p.new));
        if let Some(unit) = &p.unit {
            line.push_str(&format!(" {unit}"));
        }
        let detail = self.progress_detail(p);
        if !detail.is_empty() {
            line.push_str(&format!(", {detail}"));
        }
        line
    }

    fn progress_detail(&self, p: &ProgressChange) -> String {
        let mut parts = Vec::new();
        if p.old.target != p.new.target {
            let t = |t: Option<f64>| t.map_or_else(|| "none".to_owned(), |t| self.number(t));
            parts.push(format!("target {} -> {}", t(p.old.target), t(p.new.target)));
        }
        if p.old.verdict != p.new.verdict {
            parts.push(format!(
                "{} -> {}",
                self.verdict(p.old.verdict),
                self.verdict(p.new.verdict)
            ));
        }
        parts.join(", ")
    }

    fn bonus_change(&self, b: &BonusChange) -> String {
        format!(
            "{} -> {}",
            self.bonus_verdict(b.old),
            self.bonus_verdict(b.new)
        )
    }

    fn action_ref(&self, a: &ActionRef) -> String {
        format!("{}: {} ({})", a.serves, a.title, a.id)
    }

    fn state_change(&self, c: &StateChange) -> String {
        format!(
            "{} {}: {} -> {}",
            c.action.id,
            self.quote(&c.action.title),
            self.action_status(c.old),
            self.action_status(c.new)
        )
    }

    fn bearer_change(&self, c: &BearerChange) -> String {
        let what = match c.change {
            diff::Change::Gained => "bearer added",
            diff::Change::Lost => "bearer removed",
        };
        format!(
            "{} {}: {what}: {}",
            c.action.id,
            self.quote(&c.action.title),
            c.actor.name
        )
    }

    fn seat_change(&self, c: &SeatChange) -> String {
        let what = match c.change {
            diff::Change::Gained => "added",
            diff::Change::Lost => "removed",
        };
        format!(
            "{}: {} {what}: {}",
            c.body.name,
            self.seat(c.seat),
            c.actor.name
        )
    }

    fn parent_change(&self, c: &ParentChange) -> String {
        fn name(p: &Option<diff::ActorRef>) -> &str {
            p.as_ref().map_or("none", |p| p.name.as_str())
        }
        format!(
            "{}: parent body {} -> {}",
            c.body.name,
            name(&c.old),
            name(&c.new)
        )
    }

    fn seat(&self, seat: Seat) -> &'static str {
        match seat {
            Seat::Chair => "chair",
            Seat::Member => "member",
        }
    }

    fn diff_sheet(&self) -> (&'static str, [&'static str; 10]) {
        (
            "Changes",
            [
                "Change",
                "Objective",
                "Actor",
                "Role",
                "Detail",
                "Value before",
                "Value after",
                "Progress before (%)",
                "Progress after (%)",
                "Unit",
            ],
        )
    }

    fn diff_workbook(&self) -> &'static str {
        "changes.xlsx"
    }
}
