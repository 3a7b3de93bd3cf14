//! `diff` en français : les rubriques, les changements de rôles et d'avancement, les colonnes
//! du tableau.

use super::{French, NB};
use crate::diff::message::{Change, Section, Words};
use crate::diff::{
    self, ActionRef, BearerChange, BonusChange, ParentChange, ProgressChange, RoleChange, Seat,
    SeatChange, Standing, StateChange,
};
use crate::i18n::Language;
use crate::model::RoleWords as _;
use crate::model::{Lang, Role};
use crate::status::message::Words as _;

/// One side of a progress change: "1 485 (99 %)", "inconnue".
fn side(s: &Standing) -> String {
    match (s.value, s.ratio) {
        (None, _) => "inconnue".to_owned(),
        (Some(v), Some(r)) => format!("{} ({})", French.number(v), French.percent(r)),
        (Some(v), None) => French.number(v),
    }
}

impl Words for French {
    fn diff_title(&self, old: &str, new: &str) -> String {
        if old == new {
            format!("changements dans {old}")
        } else {
            format!("changements de {old} à {new}")
        }
    }

    fn no_difference(&self) -> &'static str {
        "aucune différence"
    }

    fn diff_section(&self, section: Section, count: usize) -> String {
        let title = match section {
            Section::ActorsAdded => "acteurs ajoutés",
            Section::ActorsRemoved => "acteurs retirés",
            Section::ObjectivesAdded => "objectifs ajoutés",
            Section::ObjectivesRemoved => "objectifs retirés",
            Section::Roles => "rôles par objectif",
            Section::FindingsAppeared => "constats apparus",
            Section::FindingsResolved => "constats résolus",
            Section::Progress => "avancement",
            Section::Bonus => "conditions du bonus de l'année 3",
            Section::ActionsAdded => "actions ajoutées",
            Section::ActionsRemoved => "actions retirées",
            Section::ActionStates => "états d'actions",
            Section::Bearers => "porteurs d'actions",
            Section::BodiesAdded => "instances ajoutées",
            Section::BodiesRemoved => "instances retirées",
            Section::Seats => "composition des instances",
            Section::Parents => "rattachements d'instances",
        };
        format!("{title} ({})", self.number(count as f64))
    }

    fn diff_change(&self, change: Change) -> &'static str {
        match change {
            Change::ActorAdded => "acteur ajouté",
            Change::ActorRemoved => "acteur retiré",
            Change::ObjectiveAdded => "objectif ajouté",
            Change::ObjectiveRemoved => "objectif retiré",
            Change::RoleGained => "rôle ajouté",
            Change::RoleLost => "rôle retiré",
            Change::LeadAssigned => "chef de file désigné",
            Change::LeadRemoved => "chef de file retiré",
            Change::FindingAppeared => "constat apparu",
            Change::FindingResolved => "constat résolu",
            Change::Progress => "avancement",
            Change::Bonus => "conditions du bonus",
            Change::ActionAdded => "action ajoutée",
            Change::ActionRemoved => "action retirée",
            Change::ActionState => "état d'action",
            Change::BearerGained => "porteur ajouté",
            Change::BearerLost => "porteur retiré",
            Change::BodyAdded => "instance ajoutée",
            Change::BodyRemoved => "instance retirée",
            Change::SeatGained => "siège ajouté",
            Change::SeatLost => "siège retiré",
            Change::ParentChanged => "rattachement modifié",
        }
    }

    fn role_change(&self, change: &RoleChange) -> String {
        let what = match (change.role, change.change) {
            (Role::Lead, diff::Change::Gained) => "chef de file désigné".to_owned(),
            (Role::Lead, diff::Change::Lost) => "chef de file retiré".to_owned(),
            (role, diff::Change::Gained) => {
                format!("rôle {} ajouté", self.quote(role.word(Lang::Fr)))
            }
            (role, diff::Change::Lost) => {
                format!("rôle {} retiré", self.quote(role.word(Lang::Fr)))
            }
        };
        format!(
            "{}{NB}: {what}{NB}: {}",
            change.objective, change.actor.name
        )
    }

    fn progress_change(&self, p: &ProgressChange) -> String {
        let mut line = format!("{}{NB}: {} → {}", p.objective, side(&p.old), side(&p.new));
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
            let t = |t: Option<f64>| t.map_or_else(|| "aucune".to_owned(), |t| self.number(t));
            parts.push(format!("cible {} → {}", t(p.old.target), t(p.new.target)));
        }
        if p.old.verdict != p.new.verdict {
            parts.push(format!(
                "{} → {}",
                self.verdict(p.old.verdict),
                self.verdict(p.new.verdict)
            ));
        }
        parts.join(", ")
    }

    fn bonus_change(&self, b: &BonusChange) -> String {
        format!(
            "{} → {}",
            self.bonus_verdict(b.old),
            self.bonus_verdict(b.new)
        )
    }

    fn action_ref(&self, a: &ActionRef) -> String {
        format!("{}{NB}: {} ({})", a.serves, a.title, a.id)
    }

    fn state_change(&self, c: &StateChange) -> String {
        format!(
            "{} {}{NB}: {} → {}",
            c.action.id,
            self.quote(&c.action.title),
            self.action_status(c.old),
            self.action_status(c.new)
        )
    }

    fn bearer_change(&self, c: &BearerChange) -> String {
        let what = match c.change {
            diff::Change::Gained => "porteur ajouté",
            diff::Change::Lost => "porteur retiré",
        };
        format!(
            "{} {}{NB}: {what}{NB}: {}",
            c.action.id,
            self.quote(&c.action.title),
            c.actor.name
        )
    }

    fn seat_change(&self, c: &SeatChange) -> String {
        let what = match c.change {
            diff::Change::Gained => "ajouté",
            diff::Change::Lost => "retiré",
        };
        format!(
            "{}{NB}: {} {what}{NB}: {}",
            c.body.name,
            self.seat(c.seat),
            c.actor.name
        )
    }

    fn parent_change(&self, c: &ParentChange) -> String {
        fn name(p: &Option<diff::ActorRef>) -> &str {
            p.as_ref().map_or("aucune", |p| p.name.as_str())
        }
        format!(
            "{}{NB}: instance parente {} → {}",
            c.body.name,
            name(&c.old),
            name(&c.new)
        )
    }

    fn seat(&self, seat: Seat) -> &'static str {
        match seat {
            Seat::Chair => "animateur",
            Seat::Member => "membre",
        }
    }

    fn diff_sheet(&self) -> (&'static str, [&'static str; 10]) {
        (
            "Changements",
            [
                "Changement",
                "Objectif",
                "Acteur",
                "Rôle",
                "Détail",
                "Valeur avant",
                "Valeur après",
                "Avancement avant (%)",
                "Avancement après (%)",
                "Unité",
            ],
        )
    }

    fn diff_workbook(&self) -> &'static str {
        "changements.xlsx"
    }
}
