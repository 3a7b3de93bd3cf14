//! What `diff` says, as data: its sections and kinds of change; the changes themselves
//! (`RoleChange`, `ProgressChange`, `BonusChange`, `FindingRef`) keep their ids, names and
//! numbers until a writer renders them. [`Words`] is what every language must say for
//! `diff`; each language implements it once (`src/i18n/fr/diff.rs`, `src/i18n/en/diff.rs`).

use super::{
    ActionRef, BearerChange, BonusChange, ParentChange, ProgressChange, RoleChange, SeatChange,
    StateChange,
};

/// A section of the diff's text and Markdown reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    ActorsAdded,
    ActorsRemoved,
    ObjectivesAdded,
    ObjectivesRemoved,
    Roles,
    FindingsAppeared,
    FindingsResolved,
    Progress,
    Bonus,
    ActionsAdded,
    ActionsRemoved,
    ActionStates,
    Bearers,
    BodiesAdded,
    BodiesRemoved,
    Seats,
    Parents,
}

/// What one row of the diff's table is: the first cell of the row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    ActorAdded,
    ActorRemoved,
    ObjectiveAdded,
    ObjectiveRemoved,
    RoleGained,
    RoleLost,
    LeadAssigned,
    LeadRemoved,
    FindingAppeared,
    FindingResolved,
    Progress,
    Bonus,
    ActionAdded,
    ActionRemoved,
    ActionState,
    BearerGained,
    BearerLost,
    BodyAdded,
    BodyRemoved,
    SeatGained,
    SeatLost,
    ParentChanged,
}

/// What every language says for `diff`. Implement it with an exhaustive `match` per enum
/// (no `_` arm).
pub trait Words {
    /// "changes in Pays du Calaisis", "changes from A to B".
    fn diff_title(&self, old: &str, new: &str) -> String;
    /// The report when nothing changed, lowercase: "no difference".
    fn no_difference(&self) -> &'static str;
    /// A section's title with its count: "actors added (1)".
    fn diff_section(&self, section: Section, count: usize) -> String;
    /// A row's kind of change in the table: "actor added".
    fn diff_change(&self, change: Change) -> &'static str;
    /// A role gained or lost: "regal: lead assigned: SEVADEC".
    fn role_change(&self, change: &RoleChange) -> String;
    /// A progress change: "renovation: 1,485 (99%) -> 1,500 (100%) rénovations, below ->
    /// met".
    fn progress_change(&self, change: &ProgressChange) -> String;
    /// What else moved with a progress change, for the table's detail: "below -> met,
    /// target 1,500 -> 1,600"; empty when only the value moved.
    fn progress_detail(&self, change: &ProgressChange) -> String;
    /// The year-3 bonus conditions, before and after: "unknown -> not met".
    fn bonus_change(&self, change: &BonusChange) -> String;
    /// An action added or removed: "regal: Assises de l'alimentation (assises-alimentation)".
    fn action_ref(&self, action: &ActionRef) -> String;
    /// An action whose state changed: "assises-alimentation \"Assises de l'alimentation\":
    /// planned -> ongoing".
    fn state_change(&self, change: &StateChange) -> String;
    /// Who took up or gave up an action: "assises-alimentation \"Assises de
    /// l'alimentation\": bearer added: CCPO".
    fn bearer_change(&self, change: &BearerChange) -> String;
    /// Who joined or left a body: "COPIL: member added: DDTM".
    fn seat_change(&self, change: &SeatChange) -> String;
    /// A body that reports to another body now: "COTECH CRTE: parent body COTECH -> COPIL".
    fn parent_change(&self, change: &ParentChange) -> String;
    /// Where an actor sits on a body, for the table's role column: "member", "chair".
    fn seat(&self, seat: super::Seat) -> &'static str;
    /// The sheet of `diff --format csv|xlsx`: its name and its 10 columns.
    fn diff_sheet(&self) -> (&'static str, [&'static str; 10]);
    /// The name of the workbook written by default: "changements.xlsx".
    fn diff_workbook(&self) -> &'static str;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::{self, ActorRef, Standing};
    use crate::i18n::Lang;
    use crate::model::Role;
    use crate::status::{BonusVerdict, Verdict};

    /// A role change, a progress change of each kind and a bonus change, rendered.
    fn rendered(lang: Lang) -> Vec<String> {
        let words = lang.catalog();
        let actor = ActorRef {
            id: "sevadec".into(),
            name: "SEVADEC".into(),
        };
        let mut out = Vec::new();
        for role in [Role::Lead, Role::LeadCandidate, Role::Target] {
            for change in [diff::Change::Gained, diff::Change::Lost] {
                out.push(words.role_change(&RoleChange {
                    objective: "regal".into(),
                    role,
                    change,
                    actor: actor.clone(),
                }));
            }
        }
        let standing = |value, ratio, target, verdict| Standing {
            target,
            value,
            ratio,
            verdict,
        };
        out.push(words.progress_change(&ProgressChange {
            objective: "renovation".into(),
            unit: Some("rénovations".into()),
            old: standing(Some(1485.0), Some(0.99), Some(1500.0), Verdict::Below),
            new: standing(Some(1500.0), Some(1.0), Some(1500.0), Verdict::Met),
        }));
        out.push(words.progress_change(&ProgressChange {
            objective: "haies".into(),
            unit: None,
            old: standing(None, None, None, Verdict::NoTarget),
            new: standing(Some(12.0), Some(0.24), Some(50.0), Verdict::Below),
        }));
        out.push(words.bonus_change(&BonusChange {
            old: BonusVerdict::Unknown,
            new: BonusVerdict::NotMet,
        }));
        out.push(words.diff_title("Calaisis 2022", "Calaisis 2023"));
        for section in [Section::ActorsAdded, Section::Progress, Section::Bonus] {
            out.push(words.diff_section(section, 1500));
        }
        out
    }

    #[test]
    fn changes_read_as_french_with_french_typography() {
        let fr: Vec<String> = rendered(Lang::Fr)
            .iter()
            .map(|t| t.replace('\u{a0}', "~"))
            .collect();
        assert_eq!(fr[0], "regal~: chef de file désigné~: SEVADEC");
        assert_eq!(fr[1], "regal~: chef de file retiré~: SEVADEC");
        assert_eq!(
            fr[3],
            "regal~: rôle «~chef de file pressenti~» retiré~: SEVADEC"
        );
        assert_eq!(
            fr[6],
            "renovation~: 1~485 (99~%) → 1~500 (100~%) rénovations, sous le seuil → atteint"
        );
        assert_eq!(
            fr[7],
            "haies~: inconnue → 12 (24~%), cible aucune → 50, sans cible → sous le seuil"
        );
        assert_eq!(fr[8], "inconnues → non remplies");
        assert_eq!(fr[9], "changements de Calaisis 2022 à Calaisis 2023");
        assert_eq!(fr[10], "acteurs ajoutés (1~500)");
        for text in rendered(Lang::Fr) {
            for plain in [" :", " ;", " %", " »", "« "] {
                assert!(!text.contains(plain), "{text:?}");
            }
        }
        let en = rendered(Lang::En);
        assert_eq!(en[0], "regal: lead assigned: SEVADEC");
        assert_eq!(en[3], "regal: lead candidate removed: SEVADEC");
        assert_eq!(
            en[7],
            "haies: unknown -> 12 (24%), target none -> 50, no target -> below"
        );
    }
}
