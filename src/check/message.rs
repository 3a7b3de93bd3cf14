//! What `check` says, as data: each finding's message and hint, and each rule's doc, hold
//! their ids, names, numbers and dates until a writer renders them in the user's language.
//! [`Words`] is what every language must say for `check`; each language implements it once
//! (`src/i18n/fr/check.rs`, `src/i18n/en/check.rs`).
//!
//! A new rule adds its messages and hints here as variants, its doc as a [`Doc`] variant and
//! its settings as [`Setting`] variants; the compiler then points at each language's
//! catalog until it says them.

use jiff::civil::Date;

use super::{ParamValue, Severity};
use crate::error::Location;
use crate::i18n::Lang;
use crate::model::{Domain, Objective, Role};
use crate::status::Standing;

/// An objective or a domain as a message names it: its id and its title or name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Subject {
    pub id: String,
    pub name: String,
}

impl Subject {
    pub fn objective(objective: &Objective) -> Subject {
        Subject {
            id: objective.id.clone(),
            name: objective.title.clone(),
        }
    }

    pub fn domain(domain: &Domain) -> Subject {
        Subject {
            id: domain.id.clone(),
            name: domain.name.clone(),
        }
    }
}

/// What a finding says: lowercase, one line, no trailing period, in every language.
#[derive(Debug, Clone, PartialEq, PartialOrd)]
pub enum Message {
    /// `missing-lead`: no lead; the lead candidates, if any.
    NoLead {
        objective: Subject,
        candidates: Vec<String>,
    },
    /// `multiple-leads`: two leads or more, each with the domain its link names when it was
    /// given to the whole domain.
    MultipleLeads {
        objective: Subject,
        leads: Vec<(String, Option<String>)>,
    },
    /// `priority-unfunded`.
    PriorityUnfunded { objective: Subject },
    /// `missing-role`: the required roles nobody holds.
    MissingRoles {
        objective: Subject,
        roles: Vec<Role>,
    },
    /// `no-relay`: the targets' names.
    NoRelay {
        objective: Subject,
        targets: Vec<String>,
    },
    /// `single-funder`: the one body, and the group it funds through, if any.
    SingleFunder {
        objective: Subject,
        funder: String,
        through: Option<String>,
    },
    /// `overloaded-lead`: the objectives' ids, each with the group it is led through, if any.
    OverloadedLead {
        actor: String,
        max: usize,
        objectives: Vec<(String, Option<String>)>,
    },
    /// `orphan-actor`: `actions` and `bodies` say that the territory keeps actions or
    /// governance bodies, so the message says the actor carries none and sits on none.
    OrphanActor {
        actor: String,
        actions: bool,
        bodies: bool,
    },
    /// `duplicate-actor`: the two names, and why they look like one body.
    DuplicateActors {
        first: String,
        second: String,
        reason: SameBody,
    },
    /// `empty-domain`, no objective.
    DomainWithoutObjective { domain: Subject },
    /// `empty-domain`, objectives but no actor: the objectives' ids.
    DomainWithoutActor {
        domain: Subject,
        objectives: Vec<String>,
    },
    /// `one-way-related`: the domains it names that do not name it back.
    OneWayRelated {
        domain: Subject,
        others: Vec<String>,
    },
    /// `bonus-at-risk`.
    BonusAtRisk(Bonus),
    /// `measurement-outside-programme`: the objective's id, its title when it exists.
    MeasurementOutsideProgramme {
        objective: String,
        title: Option<String>,
        date: Date,
        side: Outside,
    },
    /// `perimeter-gap`: the member territories covered, each with the titles of the actions
    /// that cover it, and those no action covers.
    PerimeterGap {
        objective: Subject,
        priority: bool,
        covered: Vec<(String, Vec<String>)>,
        missing: Vec<String>,
    },
    /// `action-without-bearer`: the action's title and what it serves.
    ActionWithoutBearer { action: String, serves: Serves },
    /// `objective-without-action`.
    ObjectiveWithoutAction { objective: Subject },
    /// `lead-outside-governance`: the actor's name, the objectives it leads and those it is a
    /// lead candidate for (ids).
    LeadOutsideGovernance {
        actor: String,
        leads: Vec<String>,
        candidate_for: Vec<String>,
    },
}

/// What an action serves, by id: an objective, or a domain as a whole.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Serves {
    Objective(String),
    Domain(String),
}

/// Why two actors look like one body (`duplicate-actor`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum SameBody {
    /// Equal names once case, accents, punctuation and spaces are ignored.
    EqualNames,
    /// One has the other's name as an alias.
    AlsoCalled(String),
    /// Both have this alias.
    BothGoBy(String),
    /// `short` is `long` with runs of words replaced by their initials.
    Abbreviates { short: String, long: String },
}

/// An objective below its threshold for the year-3 bonus (`bonus-at-risk`).
#[derive(Debug, Clone, PartialEq, PartialOrd)]
pub struct Bonus {
    pub objective: Subject,
    pub priority: bool,
    pub standing: Standing,
    /// The share of its target reached (0.6 = 60 %).
    pub now: f64,
    /// The share the bonus requires.
    pub threshold: f64,
    pub case: BonusCase,
}

/// How an objective below its threshold stands.
#[derive(Debug, Clone, PartialEq, PartialOrd)]
pub enum BonusCase {
    /// The programme has ended (on that day, when known).
    Missed { end: Option<Date> },
    /// Projected to reach the threshold: the share projected on the programme's end.
    OnTrack { projected: f64, end: Date },
    /// Projected below the threshold.
    Behind { projected: f64, end: Date },
    /// Below, with no projection, for this reason.
    NotProjected(NoProjection),
    /// At its threshold today, projected below it.
    Falling { projected: f64, end: Date },
}

/// Why an objective has no projection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NoProjection {
    YesNo,
    NoEndDate,
    TooFewMeasurements,
}

/// On which side of the programme a measurement falls, and that side's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outside {
    BeforeStart(Date),
    AfterEnd(Date),
}

/// What to do about a finding; same style as the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hint {
    /// `missing-lead`, no candidate.
    NameALead,
    /// `missing-lead`, candidates.
    ChooseACandidate,
    /// `multiple-leads`: where the leads are given, and the objective's id for the setting.
    KeepOneLead {
        rows: Vec<Location>,
        objective: String,
    },
    /// `priority-unfunded`.
    NameAFunder,
    /// `missing-role`: the roles to fill.
    AddRoles { roles: Vec<Role> },
    /// `no-relay`.
    NameARelay,
    /// `single-funder`.
    FindASecondFunder,
    /// `overloaded-lead`: how many it leads (the limit that would silence it).
    ShareTheLead { leads: usize },
    /// `orphan-actor`.
    LinkOrRemove,
    /// `duplicate-actor`, when `keep` already has every alias of `remove`.
    DeleteTheSecond { keep: String, remove: String },
    /// `duplicate-actor`, with the aliases `keep` (defined `at`) needs to take `remove`'s place.
    MergeIntoTheFirst {
        keep: String,
        at: Location,
        remove: String,
        aliases: String,
    },
    /// `empty-domain`, no objective.
    AddObjectives,
    /// `empty-domain`, no actor.
    MapTheActors,
    /// `one-way-related`.
    LinkBack { domain: String, others: Vec<String> },
    /// `bonus-at-risk`; `progress` is the file of the objective's latest measurement, when
    /// it has one.
    Bonus {
        advice: BonusAdvice,
        progress: Option<String>,
    },
    /// `measurement-outside-programme`: the file the measurement is in.
    CheckTheDate { side: Outside, file: String },
    /// `perimeter-gap`: the member territories to cover.
    CoverTheRest { missing: Vec<String> },
    /// `action-without-bearer`.
    NameABearer,
    /// `objective-without-action`.
    AddAnAction,
    /// `lead-outside-governance`.
    SeatInABody,
}

/// What the committee can do about an objective below its threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BonusAdvice {
    /// The programme has ended.
    RecordALaterValue,
    /// On track.
    KeepThePace,
    /// Projected below the threshold.
    SpeedUp,
    /// Below, not projected.
    PlanTheActions,
}

/// A rule's documentation: one variant per rule of the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Doc {
    MissingLead,
    MultipleLeads,
    PriorityUnfunded,
    MissingRole,
    NoRelay,
    SingleFunder,
    OverloadedLead,
    OrphanActor,
    DuplicateActor,
    EmptyDomain,
    OneWayRelated,
    BonusAtRisk,
    MeasurementOutsideProgramme,
    PerimeterGap,
    ActionWithoutBearer,
    ObjectiveWithoutAction,
    LeadOutsideGovernance,
}

/// A rule's documentation in one language: what it finds, why it matters for the contract,
/// an example. Lowercase, no trailing period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleDoc {
    pub summary: String,
    pub why: String,
    pub example: String,
}

/// A rule's setting's documentation: one variant per setting of the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// `multiple-leads`: `agreed`.
    AgreedCoLeads,
    /// `missing-role`: `roles`.
    RequiredRoles,
    /// `overloaded-lead`: `max`.
    MaxLeads,
}

/// The labels of the text outputs, before a colon: `hint: ...`, `why: ...`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// `check`: before a finding's hint.
    Hint,
    /// `rules`: why the rule matters.
    Why,
    /// `rules`: an example.
    Example,
    /// `rules`: its settings.
    Settings,
}

/// What every language says for `check`. Implement it with an exhaustive `match` per enum
/// (no `_` arm), so that nothing can be added without its words.
pub trait Words {
    /// A finding's message.
    fn message(&self, message: &Message) -> String;
    /// A finding's hint.
    fn hint(&self, hint: &Hint) -> String;
    /// A rule's documentation.
    fn doc(&self, doc: Doc) -> RuleDoc;
    /// A setting's documentation.
    fn setting(&self, setting: Setting) -> String;
    /// A setting with its default value and its documentation:
    /// `max (default 3): how many objectives one actor may lead`.
    fn setting_line(&self, name: &str, default: &ParamValue, doc: &str) -> String;
    /// A severity in words ("error" in JSON whatever the language).
    fn severity(&self, severity: Severity) -> &'static str;
    /// A label of the text outputs.
    fn label(&self, label: Label) -> &'static str;
    /// The header of `check --format markdown`: severity, rule, finding, hint, where.
    fn findings_header(&self) -> [&'static str; 5];
    /// The sheet of `check --format csv|xlsx` (its columns are `findings_header`), and the
    /// workbook written by default: ("Constats", "constats.xlsx").
    fn findings_sheet(&self) -> (&'static str, &'static str);
    /// The header of `rules --format markdown`: rule, default severity, what it finds, why
    /// it matters, example, settings.
    fn rules_header(&self) -> [&'static str; 6];
    /// "8 errors, 2 warnings, 9 infos".
    fn summary(&self, errors: usize, warnings: usize, infos: usize) -> String;
    /// The Markdown report with nothing found, around the summary.
    fn no_finding(&self, summary: &str) -> String;
}

impl Message {
    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        lang.catalog().message(self)
    }
}

impl Hint {
    /// The hint in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        lang.catalog().hint(self)
    }
}

impl Doc {
    /// The documentation in `lang`.
    pub fn render(self, lang: Lang) -> RuleDoc {
        lang.catalog().doc(self)
    }
}

impl Setting {
    /// The documentation in `lang`.
    pub fn render(self, lang: Lang) -> String {
        lang.catalog().setting(self)
    }
}

/// One value of every message and hint, with the data that changes their words (one item or
/// several, a date or none), for the catalogs' tests.
#[cfg(test)]
pub(crate) fn samples() -> (Vec<Message>, Vec<Hint>) {
    use jiff::civil::date;

    let o = Subject {
        id: "regal".into(),
        name: "Mise en œuvre d'un REGAL".into(),
    };
    let d = Subject {
        id: "DC3".into(),
        name: "Économie circulaire".into(),
    };
    let names = |n: &[&str]| n.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let bonus = |case| {
        Message::BonusAtRisk(Bonus {
            objective: o.clone(),
            priority: true,
            standing: Standing::Behind,
            now: 0.5999,
            threshold: 0.6,
            case,
        })
    };
    let end = date(2023, 12, 31);
    let messages = vec![
        Message::NoLead {
            objective: o.clone(),
            candidates: vec![],
        },
        Message::NoLead {
            objective: o.clone(),
            candidates: names(&["SEVADEC"]),
        },
        Message::NoLead {
            objective: o.clone(),
            candidates: names(&["SEVADEC", "SyMPaC"]),
        },
        Message::MultipleLeads {
            objective: o.clone(),
            leads: vec![
                ("SEVADEC".into(), None),
                ("SyMPaC".into(), Some("DC3".into())),
            ],
        },
        Message::PriorityUnfunded {
            objective: o.clone(),
        },
        Message::MissingRoles {
            objective: o.clone(),
            roles: vec![Role::Target],
        },
        Message::MissingRoles {
            objective: o.clone(),
            roles: vec![Role::Funder, Role::Target, Role::Relay],
        },
        Message::NoRelay {
            objective: o.clone(),
            targets: names(&["Habitants"]),
        },
        Message::NoRelay {
            objective: o.clone(),
            targets: names(&["Habitants", "TPE/PME"]),
        },
        Message::SingleFunder {
            objective: o.clone(),
            funder: "ADEME".into(),
            through: None,
        },
        Message::SingleFunder {
            objective: o.clone(),
            funder: "CCRA".into(),
            through: Some("Les 3 EPCI".into()),
        },
        Message::OverloadedLead {
            actor: "GCT&M".into(),
            max: 2,
            objectives: vec![("a".into(), None), ("b".into(), Some("Les 3 EPCI".into()))],
        },
        Message::OrphanActor {
            actor: "CD2E".into(),
            actions: false,
            bodies: false,
        },
        Message::DuplicateActors {
            first: "ADEME".into(),
            second: "A.D.E.M.E.".into(),
            reason: SameBody::EqualNames,
        },
        Message::DuplicateActors {
            first: "SEVADEC".into(),
            second: "Le syndicat".into(),
            reason: SameBody::AlsoCalled("Syndicat des déchets".into()),
        },
        Message::DuplicateActors {
            first: "SEVADEC".into(),
            second: "Le syndicat".into(),
            reason: SameBody::BothGoBy("Syndicat des déchets".into()),
        },
        Message::DuplicateActors {
            first: "REGION HAUTS DE France".into(),
            second: "Région HdF".into(),
            reason: SameBody::Abbreviates {
                short: "Région HdF".into(),
                long: "REGION HAUTS DE France".into(),
            },
        },
        Message::DomainWithoutObjective { domain: d.clone() },
        Message::DomainWithoutActor {
            domain: d.clone(),
            objectives: names(&["velo"]),
        },
        Message::DomainWithoutActor {
            domain: d.clone(),
            objectives: names(&["velo", "bus"]),
        },
        Message::OneWayRelated {
            domain: d.clone(),
            others: names(&["DC5"]),
        },
        Message::OneWayRelated {
            domain: d.clone(),
            others: names(&["DC5", "DC7", "DC9"]),
        },
        bonus(BonusCase::Missed { end: Some(end) }),
        bonus(BonusCase::Missed { end: None }),
        bonus(BonusCase::OnTrack {
            projected: 0.61,
            end,
        }),
        bonus(BonusCase::Behind {
            projected: 0.4,
            end,
        }),
        bonus(BonusCase::NotProjected(NoProjection::YesNo)),
        bonus(BonusCase::NotProjected(NoProjection::NoEndDate)),
        bonus(BonusCase::NotProjected(NoProjection::TooFewMeasurements)),
        bonus(BonusCase::Falling {
            projected: 0.4,
            end,
        }),
        Message::MeasurementOutsideProgramme {
            objective: "haies".into(),
            title: Some("Haies".into()),
            date: date(2020, 12, 31),
            side: Outside::BeforeStart(date(2021, 1, 1)),
        },
        Message::MeasurementOutsideProgramme {
            objective: "haies".into(),
            title: None,
            date: date(2092, 6, 30),
            side: Outside::AfterEnd(end),
        },
        Message::PerimeterGap {
            objective: o.clone(),
            priority: true,
            covered: vec![("CCPO".into(), names(&["COT ENR du PNRCMO"]))],
            missing: names(&["GCT&M", "CCRA"]),
        },
        Message::PerimeterGap {
            objective: o.clone(),
            priority: false,
            covered: vec![
                ("CCPO".into(), names(&["COT ENR du PNRCMO"])),
                ("CCRA".into(), names(&["Cadastre solaire", "Méthanisation"])),
            ],
            missing: names(&["GCT&M"]),
        },
        Message::PerimeterGap {
            objective: o.clone(),
            priority: false,
            covered: vec![],
            missing: names(&["GCT&M", "CCRA", "CCPO"]),
        },
        Message::ActionWithoutBearer {
            action: "Assises de l'alimentation".into(),
            serves: Serves::Objective("regal".into()),
        },
        Message::ActionWithoutBearer {
            action: "Filière textile".into(),
            serves: Serves::Domain("DC3".into()),
        },
        Message::ObjectiveWithoutAction {
            objective: o.clone(),
        },
        Message::LeadOutsideGovernance {
            actor: "SEVADEC".into(),
            leads: vec![],
            candidate_for: names(&["regal"]),
        },
        Message::LeadOutsideGovernance {
            actor: "Les 3 EPCI".into(),
            leads: names(&["renovation"]),
            candidate_for: names(&["regal", "cot-enr"]),
        },
        Message::OrphanActor {
            actor: "CD2E".into(),
            actions: true,
            bodies: true,
        },
        Message::OrphanActor {
            actor: "CD2E".into(),
            actions: true,
            bodies: false,
        },
        Message::OrphanActor {
            actor: "CD2E".into(),
            actions: false,
            bodies: true,
        },
    ];
    let here = Location::new("liens.csv", 3);
    let mut hints = vec![
        Hint::NameALead,
        Hint::ChooseACandidate,
        Hint::KeepOneLead {
            rows: vec![here.clone(), Location::new("liens.csv", 7)],
            objective: "regal".into(),
        },
        Hint::KeepOneLead {
            rows: vec![here.clone(), Location::new("t.xlsx[Liens]", 7)],
            objective: "regal".into(),
        },
        Hint::NameAFunder,
        Hint::AddRoles {
            roles: vec![Role::Target],
        },
        Hint::AddRoles {
            roles: vec![Role::Funder, Role::Target],
        },
        Hint::NameARelay,
        Hint::FindASecondFunder,
        Hint::ShareTheLead { leads: 4 },
        Hint::LinkOrRemove,
        Hint::DeleteTheSecond {
            keep: "ADEME".into(),
            remove: "A.D.E.M.E.".into(),
        },
        Hint::MergeIntoTheFirst {
            keep: "SEVADEC".into(),
            at: here,
            remove: "Le syndicat".into(),
            aliases: "Syndicat|Le syndicat".into(),
        },
        Hint::AddObjectives,
        Hint::MapTheActors,
        Hint::LinkBack {
            domain: "DC1".into(),
            others: names(&["DC3", "DC6"]),
        },
        Hint::CheckTheDate {
            side: Outside::BeforeStart(date(2021, 1, 1)),
            file: "avancement.csv".into(),
        },
        Hint::CheckTheDate {
            side: Outside::AfterEnd(end),
            file: "avancement.csv".into(),
        },
        Hint::CoverTheRest {
            missing: names(&["GCT&M"]),
        },
        Hint::CoverTheRest {
            missing: names(&["GCT&M", "CCRA"]),
        },
        Hint::NameABearer,
        Hint::AddAnAction,
        Hint::SeatInABody,
    ];
    for advice in [
        BonusAdvice::RecordALaterValue,
        BonusAdvice::KeepThePace,
        BonusAdvice::SpeedUp,
        BonusAdvice::PlanTheActions,
    ] {
        hints.push(Hint::Bonus {
            advice,
            progress: None,
        });
        hints.push(Hint::Bonus {
            advice,
            progress: Some("t.xlsx[Avancement]".into()),
        });
    }
    (messages, hints)
}

/// Which variant a message or a hint is: a message or hint added without a sample above fails
/// to build here, then `every_variant_has_a_sample` until it has one.
#[cfg(test)]
fn variant(message: Option<&Message>, hint: Option<&Hint>) -> &'static str {
    if let Some(m) = message {
        return match m {
            Message::NoLead { .. } => "NoLead",
            Message::MultipleLeads { .. } => "MultipleLeads",
            Message::PriorityUnfunded { .. } => "PriorityUnfunded",
            Message::MissingRoles { .. } => "MissingRoles",
            Message::NoRelay { .. } => "NoRelay",
            Message::SingleFunder { .. } => "SingleFunder",
            Message::OverloadedLead { .. } => "OverloadedLead",
            Message::OrphanActor { .. } => "OrphanActor",
            Message::DuplicateActors { .. } => "DuplicateActors",
            Message::DomainWithoutObjective { .. } => "DomainWithoutObjective",
            Message::DomainWithoutActor { .. } => "DomainWithoutActor",
            Message::OneWayRelated { .. } => "OneWayRelated",
            Message::BonusAtRisk(_) => "BonusAtRisk",
            Message::MeasurementOutsideProgramme { .. } => "MeasurementOutsideProgramme",
            Message::PerimeterGap { .. } => "PerimeterGap",
            Message::ActionWithoutBearer { .. } => "ActionWithoutBearer",
            Message::ObjectiveWithoutAction { .. } => "ObjectiveWithoutAction",
            Message::LeadOutsideGovernance { .. } => "LeadOutsideGovernance",
        };
    }
    match hint {
        Some(Hint::NameALead) => "NameALead",
        Some(Hint::ChooseACandidate) => "ChooseACandidate",
        Some(Hint::KeepOneLead { .. }) => "KeepOneLead",
        Some(Hint::NameAFunder) => "NameAFunder",
        Some(Hint::AddRoles { .. }) => "AddRoles",
        Some(Hint::NameARelay) => "NameARelay",
        Some(Hint::FindASecondFunder) => "FindASecondFunder",
        Some(Hint::ShareTheLead { .. }) => "ShareTheLead",
        Some(Hint::LinkOrRemove) => "LinkOrRemove",
        Some(Hint::DeleteTheSecond { .. }) => "DeleteTheSecond",
        Some(Hint::MergeIntoTheFirst { .. }) => "MergeIntoTheFirst",
        Some(Hint::AddObjectives) => "AddObjectives",
        Some(Hint::MapTheActors) => "MapTheActors",
        Some(Hint::LinkBack { .. }) => "LinkBack",
        Some(Hint::Bonus { .. }) => "Bonus",
        Some(Hint::CheckTheDate { .. }) => "CheckTheDate",
        Some(Hint::CoverTheRest { .. }) => "CoverTheRest",
        Some(Hint::NameABearer) => "NameABearer",
        Some(Hint::AddAnAction) => "AddAnAction",
        Some(Hint::SeatInABody) => "SeatInABody",
        None => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_has_a_sample() {
        let (messages, hints) = samples();
        let mut seen: Vec<&str> = messages.iter().map(|m| variant(Some(m), None)).collect();
        seen.extend(hints.iter().map(|h| variant(None, Some(h))));
        seen.sort_unstable();
        seen.dedup();
        // 18 kinds of message, 20 of hint.
        assert_eq!(seen.len(), 18 + 20, "{seen:?}");
    }

    /// The messages and hints of every language read alike: lowercase, one line, no trailing
    /// period; French ones keep their no-break spaces.
    #[test]
    fn every_message_and_hint_follows_the_style_in_every_language() {
        let (messages, hints) = samples();
        let mut problems = Vec::new();
        for lang in Lang::ALL {
            let texts = messages
                .iter()
                .map(|m| m.render(lang))
                .chain(hints.iter().map(|h| h.render(lang)));
            for text in texts {
                let first = text.chars().next().unwrap_or('.');
                if first.is_uppercase() || text.ends_with('.') || text.contains('\n') {
                    problems.push(format!("{lang:?}: {text}"));
                }
                let plain_space = [" :", " ;", " ?", " !", " %", " €", " »", "« "];
                if lang == Lang::Fr && plain_space.iter().any(|p| text.contains(p)) {
                    problems.push(format!("{lang:?}, a plain space: {text:?}"));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}
