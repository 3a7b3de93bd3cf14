//! What changed between two versions of a territory: actors and objectives added or removed,
//! roles gained or lost per objective, actions added, removed or moved to another state, the
//! actors who took up or gave up carrying an action,
//! bodies added or removed, who sits on them and the body each reports to, findings that appeared or were resolved,
//! progress moved. `compare` is pure; the writers in `output` only read the `Diff` it returns, in
//! the words of each language's catalog (`message::Words`, `src/i18n/<lang>/diff.rs`).

pub mod message;
pub mod output;

use std::collections::BTreeSet;

use serde::{Serialize, Serializer};

use crate::Error;
use crate::check::{self, Finding};
use crate::model::{Action, ActionStatus, Body, Role, Scope, Territory};
use crate::status::{self, BonusVerdict, ObjectiveStatus, Verdict};

/// Every difference, each list in a fixed order.
#[derive(Debug, Clone, PartialEq)]
pub struct Diff {
    pub old: String,
    pub new: String,
    pub actors_added: Vec<ActorRef>,
    pub actors_removed: Vec<ActorRef>,
    pub objectives_added: Vec<String>,
    pub objectives_removed: Vec<String>,
    /// Roles gained or lost per objective (domain-wide roles counted on each objective).
    pub roles: Vec<RoleChange>,
    pub findings_appeared: Vec<FindingRef>,
    pub findings_resolved: Vec<FindingRef>,
    pub progress: Vec<ProgressChange>,
    /// The year-3 bonus verdict, when it changed.
    pub bonus: Option<BonusChange>,
    /// Actions added and removed (matched by id).
    pub actions_added: Vec<ActionRef>,
    pub actions_removed: Vec<ActionRef>,
    /// Actions of both versions whose state changed.
    pub action_states: Vec<StateChange>,
    /// Who took up or gave up carrying an action of both versions.
    pub bearers: Vec<BearerChange>,
    /// Governance bodies added and removed (matched by id).
    pub bodies_added: Vec<ActorRef>,
    pub bodies_removed: Vec<ActorRef>,
    /// Who joined or left a body of both versions (as a member, or as its chair).
    pub seats: Vec<SeatChange>,
    /// Bodies of both versions that report to another body now (or to none, or now to one).
    pub parents: Vec<ParentChange>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.actors_added.is_empty()
            && self.actors_removed.is_empty()
            && self.objectives_added.is_empty()
            && self.objectives_removed.is_empty()
            && self.roles.is_empty()
            && self.findings_appeared.is_empty()
            && self.findings_resolved.is_empty()
            && self.progress.is_empty()
            && self.bonus.is_none()
            && self.actions_added.is_empty()
            && self.actions_removed.is_empty()
            && self.action_states.is_empty()
            && self.bearers.is_empty()
            && self.bodies_added.is_empty()
            && self.bodies_removed.is_empty()
            && self.seats.is_empty()
            && self.parents.is_empty()
    }
}

/// An action as the diff names it: its id, title, and what it serves (an objective's or a
/// domain's id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActionRef {
    pub id: String,
    pub title: String,
    pub serves: String,
}

impl ActionRef {
    fn of(action: &Action) -> ActionRef {
        let serves = match &action.scope {
            Scope::Objective(id) | Scope::Domain(id) => id.to_string(),
        };
        ActionRef {
            id: action.id.clone(),
            title: action.title.clone(),
            serves,
        }
    }
}

/// An action whose state changed (envisagée -> en cours).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StateChange {
    pub action: ActionRef,
    #[serde(serialize_with = "display")]
    pub old: ActionStatus,
    #[serde(serialize_with = "display")]
    pub new: ActionStatus,
}

/// An actor that took up (gained) or gave up (lost) carrying an action.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BearerChange {
    pub action: ActionRef,
    pub change: Change,
    pub actor: ActorRef,
}

/// Where an actor sits on a body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Seat {
    Chair,
    Member,
}

/// An actor that joined (gained) or left (lost) a body, as its chair or a member.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeatChange {
    /// The body's id and name.
    pub body: ActorRef,
    pub seat: Seat,
    pub change: Change,
    pub actor: ActorRef,
}

/// A body of both versions whose parent (the body it reports to) changed; `None` is no
/// parent.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParentChange {
    /// The body's id and name.
    pub body: ActorRef,
    pub old: Option<ActorRef>,
    pub new: Option<ActorRef>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BonusChange {
    pub old: BonusVerdict,
    pub new: BonusVerdict,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct ActorRef {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    Gained,
    Lost,
}

/// An actor that gained or lost a role towards an objective.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleChange {
    pub objective: String,
    #[serde(serialize_with = "display")]
    pub role: Role,
    pub change: Change,
    pub actor: ActorRef,
}

/// A finding as the diff shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct FindingRef {
    pub rule: String,
    pub severity: check::Severity,
    /// As data: each writer renders it in the report's language.
    pub message: check::Message,
    pub objectives: Vec<String>,
    pub actors: Vec<String>,
}

/// An objective whose value or target moved. Each side is its status in that version.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProgressChange {
    pub objective: String,
    pub unit: Option<String>,
    pub old: Standing,
    pub new: Standing,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Standing {
    pub target: Option<f64>,
    pub value: Option<f64>,
    pub ratio: Option<f64>,
    pub verdict: Verdict,
}

impl From<&ObjectiveStatus> for Standing {
    fn from(o: &ObjectiveStatus) -> Self {
        Standing {
            target: o.target,
            value: o.value,
            ratio: o.ratio,
            verdict: o.verdict,
        }
    }
}

fn display<T: std::fmt::Display, S: Serializer>(value: &T, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(value)
}

/// Compare an older and a newer version of a territory. Actors and objectives are matched
/// by id; findings by rule, objectives and actors.
pub fn compare(old: &Territory, new: &Territory) -> Result<Diff, Error> {
    let actor_ref = |a: &crate::model::Actor| ActorRef {
        id: a.id.clone(),
        name: a.name.clone(),
    };
    let mut actors_added: Vec<ActorRef> = new
        .actors()
        .iter()
        .filter(|a| old.actor(&a.id).is_none())
        .map(actor_ref)
        .collect();
    let mut actors_removed: Vec<ActorRef> = old
        .actors()
        .iter()
        .filter(|a| new.actor(&a.id).is_none())
        .map(actor_ref)
        .collect();
    actors_added.sort();
    actors_removed.sort();
    let objectives_added = new
        .objectives()
        .iter()
        .filter(|o| old.objective(&o.id).is_none())
        .map(|o| o.id.clone())
        .collect();
    let objectives_removed = old
        .objectives()
        .iter()
        .filter(|o| new.objective(&o.id).is_none())
        .map(|o| o.id.clone())
        .collect();

    let mut roles = Vec::new();
    for o_new in new.objectives() {
        let Some(o_old) = old.objective(&o_new.id) else {
            continue;
        };
        for role in Role::ALL {
            let before: BTreeSet<ActorRef> = old
                .actors_in_role(o_old, role)
                .into_iter()
                .map(actor_ref)
                .collect();
            let after: BTreeSet<ActorRef> = new
                .actors_in_role(o_new, role)
                .into_iter()
                .map(actor_ref)
                .collect();
            let change = |change, set: &BTreeSet<ActorRef>, other: &BTreeSet<ActorRef>| {
                set.iter()
                    .filter(|a| !other.iter().any(|b| b.id == a.id))
                    .map(move |a| RoleChange {
                        objective: o_new.id.clone(),
                        role,
                        change,
                        actor: a.clone(),
                    })
                    .collect::<Vec<_>>()
            };
            roles.extend(change(Change::Gained, &after, &before));
            roles.extend(change(Change::Lost, &before, &after));
        }
    }

    let (findings_appeared, findings_resolved) =
        findings_between(&check::run(old)?, &check::run(new)?);

    let (status_old, status_new) = (status::compute(old, None), status::compute(new, None));
    let progress = status_new
        .objectives
        .iter()
        .filter_map(|n| {
            let o = status_old.objectives.iter().find(|o| o.id == n.id)?;
            (o.value != n.value || o.target != n.target).then(|| ProgressChange {
                objective: n.id.clone(),
                unit: n.unit.clone(),
                old: o.into(),
                new: n.into(),
            })
        })
        .collect();
    let bonus = (status_old.bonus.verdict != status_new.bonus.verdict).then_some(BonusChange {
        old: status_old.bonus.verdict,
        new: status_new.bonus.verdict,
    });

    let actions_added: Vec<ActionRef> = (new.actions().iter())
        .filter(|a| old.action(&a.id).is_none())
        .map(ActionRef::of)
        .collect();
    let actions_removed: Vec<ActionRef> = (old.actions().iter())
        .filter(|a| new.action(&a.id).is_none())
        .map(ActionRef::of)
        .collect();
    let action_states = (new.actions().iter())
        .filter_map(|a| {
            let before = old.action(&a.id)?;
            (before.status != a.status).then(|| StateChange {
                action: ActionRef::of(a),
                old: before.status,
                new: a.status,
            })
        })
        .collect();
    let mut bearers = Vec::new();
    for a in new.actions() {
        let Some(before) = old.action(&a.id) else {
            continue;
        };
        let gained = (a.bearers.iter())
            .filter(|b| !before.bearers.contains(b))
            .filter_map(|id| new.actor(id))
            .map(|actor| (Change::Gained, actor));
        let lost = (before.bearers.iter())
            .filter(|b| !a.bearers.contains(b))
            .filter_map(|id| old.actor(id))
            .map(|actor| (Change::Lost, actor));
        for (change, actor) in gained.chain(lost) {
            bearers.push(BearerChange {
                action: ActionRef::of(a),
                change,
                actor: actor_ref(actor),
            });
        }
    }
    let body_ref = |b: &Body| ActorRef {
        id: b.id.clone(),
        name: b.name.clone(),
    };
    let bodies_added = (new.bodies().iter())
        .filter(|b| old.body(&b.id).is_none())
        .map(body_ref)
        .collect();
    let bodies_removed = (old.bodies().iter())
        .filter(|b| new.body(&b.id).is_none())
        .map(body_ref)
        .collect();
    let mut seats = Vec::new();
    let mut parents = Vec::new();
    for b_new in new.bodies() {
        let Some(b_old) = old.body(&b_new.id) else {
            continue;
        };
        if b_old.parent != b_new.parent {
            let parent = |t: &Territory, id: &Option<String>| {
                id.as_deref().map(|id| match t.body(id) {
                    Some(p) => body_ref(p),
                    None => ActorRef {
                        id: id.to_owned(),
                        name: id.to_owned(),
                    },
                })
            };
            parents.push(ParentChange {
                body: body_ref(b_new),
                old: parent(old, &b_old.parent),
                new: parent(new, &b_new.parent),
            });
        }
        let sides = [
            (
                Seat::Chair,
                b_old.chair.iter().collect(),
                b_new.chair.iter().collect(),
            ),
            (
                Seat::Member,
                b_old.members.iter().collect(),
                b_new.members.iter().collect(),
            ),
        ];
        for (seat, before, after) in sides {
            let before: Vec<&String> = before;
            let after: Vec<&String> = after;
            let changes = (after.iter().filter(|a| !before.contains(a)))
                .map(|id| (Change::Gained, new.actor(id)))
                .chain(
                    (before.iter().filter(|b| !after.contains(b)))
                        .map(|id| (Change::Lost, old.actor(id))),
                );
            for (change, actor) in changes {
                if let Some(actor) = actor {
                    seats.push(SeatChange {
                        body: body_ref(b_new),
                        seat,
                        change,
                        actor: actor_ref(actor),
                    });
                }
            }
        }
    }

    Ok(Diff {
        old: old.name.clone(),
        new: new.name.clone(),
        actors_added,
        actors_removed,
        objectives_added,
        objectives_removed,
        roles,
        findings_appeared,
        findings_resolved,
        progress,
        bonus,
        actions_added,
        actions_removed,
        action_states,
        bearers,
        bodies_added,
        bodies_removed,
        seats,
        parents,
    })
}

/// The findings of `new` that `old` did not have (appeared) and those of `old` that `new` no
/// longer has (resolved), each in its list's order. A finding is matched by its rule and what
/// it is about (objectives, actors, domains), not by its wording: a renamed objective does not
/// make its finding new.
pub fn findings_between(old: &[Finding], new: &[Finding]) -> (Vec<FindingRef>, Vec<FindingRef>) {
    // What a finding is about; a finding may name only domains (one-way-related).
    let key = |f: &Finding| {
        let sorted = |ids: &[String]| {
            let mut ids = ids.to_vec();
            ids.sort();
            ids
        };
        (
            f.rule,
            sorted(&f.objectives),
            sorted(&f.actors),
            sorted(&f.domains),
        )
    };
    let keys_old: BTreeSet<_> = old.iter().map(key).collect();
    let keys_new: BTreeSet<_> = new.iter().map(key).collect();
    let finding_ref = |f: &Finding| FindingRef {
        rule: f.rule.to_owned(),
        severity: f.severity,
        message: f.message.clone(),
        objectives: f.objectives.clone(),
        actors: f.actors.clone(),
    };
    let appeared = new
        .iter()
        .filter(|f| !keys_old.contains(&key(f)))
        .map(finding_ref)
        .collect();
    let resolved = old
        .iter()
        .filter(|f| !keys_new.contains(&key(f)))
        .map(finding_ref)
        .collect();
    (appeared, resolved)
}

impl FindingRef {
    /// "erreur[missing-lead] : l'objectif regal … n'a pas de chef de file ; candidats : …",
    /// as `check` writes a finding's first line.
    pub fn sentence(&self, lang: crate::i18n::Lang) -> String {
        let words = lang.catalog();
        format!(
            "{}[{}]{} {}",
            words.severity(self.severity),
            self.rule,
            words.colon(),
            self.message.render(lang)
        )
    }
}

impl RoleChange {
    /// "regal : chef de file désigné : SEVADEC"; "regal: lead assigned: SEVADEC".
    pub fn sentence(&self, lang: crate::i18n::Lang) -> String {
        lang.catalog().role_change(self)
    }
}
