//! What `diff` says, as data: its sections and kinds of change; the changes themselves
//! (`RoleChange`, `ProgressChange`, `BonusChange`, `FindingRef`) keep their ids, names and
//! numbers until a writer renders them. [`Words`] is what every language must say for
//! `diff`; each language implements it once (`src/i18n/fr/diff.rs`, `src/i18n/en/diff.rs`).

use super::{BonusChange, ProgressChange, RoleChange};

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
    /// The sheet of `diff --format csv|xlsx`: its name and its 10 columns.
    fn diff_sheet(&self) -> (&'static str, [&'static str; 10]);
    /// The name of the workbook written by default: "changements.xlsx".
    fn diff_workbook(&self) -> &'static str;
}
