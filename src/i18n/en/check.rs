//! `check` in English: the findings' messages and hints, the rules' documentation (the
//! README's rule table), the labels of the reports.

use super::English;
use crate::check::message::{
    Bonus, BonusAdvice, BonusCase, Doc, Hint, Label, Message, NoProjection, Outside, RuleDoc,
    SameBody, Serves, Setting, Subject, Words,
};
use crate::check::{ParamValue, Severity};
use crate::error::Location;
use crate::i18n::{Lang, Language};
use crate::model::{Role, RoleWords};

/// `objective regal "REGAL"`.
fn objective(o: &Subject) -> String {
    format!("objective {} \"{}\"", o.id, o.name)
}

/// `domain DC3 "Économie circulaire"`.
fn domain(d: &Subject) -> String {
    format!("domain {} \"{}\"", d.id, d.name)
}

/// "SEVADEC, SyMPaC, Les 3 EPCI": a list after a colon.
fn list(items: &[String]) -> String {
    items.join(", ")
}

/// The role words of the links table, quoted: `"financeur" or "cible"`.
fn table_words(roles: &[Role]) -> String {
    let words: Vec<String> = roles
        .iter()
        .map(|r| format!("\"{}\"", Lang::Fr.catalog().role(*r)))
        .collect();
    crate::i18n::joined(&words, "or")
}

/// Where some rows are: `in links.csv lines 3 and 7`, or `at links.csv:3 and
/// territory.xlsx[Liens]:7`.
fn rows(rows: &[Location]) -> String {
    match rows.first() {
        Some(first) if rows.iter().all(|l| l.file == first.file) => {
            let lines: Vec<String> = rows.iter().map(|l| l.line.to_string()).collect();
            format!("in {} lines {}", first.file, English.and(&lines))
        }
        _ => {
            let all: Vec<String> = rows.iter().map(ToString::to_string).collect();
            format!("at {}", English.and(&all))
        }
    }
}

/// The progress file to name in a hint: the objective's own, else the usual name.
fn progress_file(progress: &Option<String>) -> &str {
    progress.as_deref().unwrap_or("progress.csv")
}

fn bonus(b: &Bonus) -> String {
    let kind = if b.priority {
        "priority objective"
    } else {
        "objective"
    };
    let name = format!("{kind} {} \"{}\"", b.objective.id, b.objective.name);
    let word = b.standing.word(Lang::En);
    let now = English.percent(b.now);
    let threshold = English.percent(b.threshold);
    let requires = "the year-3 bonus requires";
    match &b.case {
        BonusCase::Missed { end } => {
            let ended = match end {
                Some(end) => format!("as the programme ended on {}", English.date(*end)),
                None => "as the programme ended".to_owned(),
            };
            format!(
                "{name}: {word}, at {now} of its target {ended}, below the {threshold} {requires}"
            )
        }
        BonusCase::OnTrack { projected, end } => format!(
            "{name}: {word}, at {now} of its target and projected at {} on {}, reaching the {threshold} {requires}",
            English.percent(*projected),
            English.date(*end)
        ),
        BonusCase::Behind { projected, end } => format!(
            "{name}: {word}, at {now} of its target and projected at {} on {}, below the {threshold} {requires}",
            English.percent(*projected),
            English.date(*end)
        ),
        BonusCase::NotProjected(why) => {
            let why = match why {
                NoProjection::YesNo => "a yes/no objective is not projected",
                NoProjection::NoEndDate => "not projected: the programme has no end date",
                NoProjection::TooFewMeasurements => {
                    "not projected: two dated measurements within the programme are needed"
                }
            };
            format!(
                "{name}: {word}, at {now} of its target, below the {threshold} {requires}; {why}"
            )
        }
        BonusCase::Falling { projected, end } => format!(
            "{name}: {word} today at {now} of its target, but projected at {} on {}, below the {threshold} {requires}",
            English.percent(*projected),
            English.date(*end)
        ),
    }
}

impl Words for English {
    fn message(&self, message: &Message) -> String {
        match message {
            Message::NoLead {
                objective: o,
                candidates,
            } => match candidates.as_slice() {
                [] => format!("{} has no lead and no lead candidate", objective(o)),
                [one] => format!("{} has no lead; candidate: {one}", objective(o)),
                _ => format!(
                    "{} has no lead; candidates: {}",
                    objective(o),
                    list(candidates)
                ),
            },
            Message::MultipleLeads {
                objective: o,
                leads,
            } => {
                let shown: Vec<String> = leads
                    .iter()
                    .map(|(name, whole)| match whole {
                        Some(domain) => format!("{name} (for the whole domain {domain})"),
                        None => name.clone(),
                    })
                    .collect();
                format!(
                    "{} has {}: {}",
                    objective(o),
                    self.count(leads.len(), "lead", "leads"),
                    list(&shown)
                )
            }
            Message::PriorityUnfunded { objective: o } => {
                format!("priority {} has no funder", objective(o))
            }
            Message::MissingRoles {
                objective: o,
                roles,
            } => {
                let words: Vec<String> = roles.iter().map(|r| self.role(*r).to_owned()).collect();
                let noun = if roles.len() == 1 { "role" } else { "roles" };
                format!("{} has nobody in the {noun} {}", objective(o), list(&words))
            }
            Message::NoRelay {
                objective: o,
                targets,
            } => match targets.as_slice() {
                [one] => format!(
                    "{} has a target but no relay to reach it; target: {one}",
                    objective(o)
                ),
                _ => format!(
                    "{} has targets but no relay to reach them; targets: {}",
                    objective(o),
                    list(targets)
                ),
            },
            Message::SingleFunder {
                objective: o,
                funder,
                through,
            } => {
                let through = through
                    .as_ref()
                    .map(|g| format!(" (through {g})"))
                    .unwrap_or_default();
                format!(
                    "{} depends on one funder only: {funder}{through}",
                    objective(o)
                )
            }
            Message::OverloadedLead {
                actor,
                max,
                objectives,
            } => {
                let shown: Vec<String> = objectives
                    .iter()
                    .map(|(id, through)| match through {
                        Some(group) => format!("{id} (through {group})"),
                        None => id.clone(),
                    })
                    .collect();
                format!(
                    "actor \"{actor}\" leads {}, more than {max}: {}",
                    self.count(objectives.len(), "objective", "objectives"),
                    list(&shown)
                )
            }
            Message::OrphanActor {
                actor,
                actions,
                bodies,
            } => {
                let what = match (actions, bodies) {
                    (false, false) => "is in no link",
                    (true, false) => "is in no link and carries no action",
                    (false, true) => "is in no link and sits on no body",
                    (true, true) => "is in no link, carries no action and sits on no body",
                };
                format!("actor \"{actor}\" {what}")
            }
            Message::DuplicateActors {
                first,
                second,
                reason,
            } => {
                let reason = match reason {
                    SameBody::EqualNames => "their names are equal once case, accents, punctuation and spaces are ignored".to_owned(),
                    SameBody::AlsoCalled(name) => format!("one is also called \"{name}\""),
                    SameBody::BothGoBy(name) => format!("both go by \"{name}\""),
                    SameBody::Abbreviates { short, long } => {
                        format!("\"{short}\" abbreviates \"{long}\"")
                    }
                };
                format!("actors \"{first}\" and \"{second}\" are probably the same body: {reason}")
            }
            Message::DomainWithoutObjective { domain: d } => {
                format!("{} has no objective", domain(d))
            }
            Message::DomainWithoutActor {
                domain: d,
                objectives,
            } => format!(
                "{} has no actor in any of its objectives: {}",
                domain(d),
                list(objectives)
            ),
            Message::OneWayRelated { domain: d, others } => match others.as_slice() {
                [one] => format!(
                    "{} names {one} as related but {one} does not name it back",
                    domain(d)
                ),
                _ => format!(
                    "{} names {} as related but they do not name it back",
                    domain(d),
                    list(others)
                ),
            },
            Message::BonusAtRisk(b) => bonus(b),
            Message::MeasurementOutsideProgramme {
                objective,
                title,
                date,
                side,
            } => {
                let title = title
                    .as_ref()
                    .map(|t| format!(" \"{t}\""))
                    .unwrap_or_default();
                let side = match side {
                    Outside::BeforeStart(start) => {
                        format!("before the programme's start ({})", self.date(*start))
                    }
                    Outside::AfterEnd(end) => {
                        format!("after the programme's end ({})", self.date(*end))
                    }
                };
                format!(
                    "measurement of objective {objective}{title} on {} is {side}",
                    self.date(*date)
                )
            }
            Message::PerimeterGap {
                objective: o,
                priority,
                covered,
                missing,
            } => {
                let name = if *priority {
                    format!("priority {}", objective(o))
                } else {
                    objective(o)
                };
                let shown: Vec<String> = covered
                    .iter()
                    .map(|(member, actions)| format!("{member} ({})", actions.join(", ")))
                    .collect();
                let not = if missing.len() == 1 {
                    "is not"
                } else {
                    "are not"
                };
                match shown.as_slice() {
                    [] => format!(
                        "{name}: no action covers its perimeter ({})",
                        self.and(missing)
                    ),
                    [_] => format!(
                        "{name}: only {} is covered ({}); {} {not}",
                        covered[0].0,
                        covered[0].1.join(", "),
                        self.and(missing)
                    ),
                    _ => format!(
                        "{name}: only {} are covered; {} {not}",
                        self.and(&shown),
                        self.and(missing)
                    ),
                }
            }
            Message::ActionWithoutBearer { action, serves } => {
                let serves = match serves {
                    Serves::Objective(id) => format!("objective {id}"),
                    Serves::Domain(id) => format!("domain {id}"),
                };
                format!("action \"{action}\" ({serves}) has no bearer")
            }
            Message::ObjectiveWithoutAction { objective: o } => {
                format!("{} has no action in the actions table", objective(o))
            }
            Message::LeadOutsideGovernance {
                actor,
                leads,
                candidate_for,
            } => {
                let mut roles = Vec::new();
                if !leads.is_empty() {
                    roles.push(format!("lead of {}", self.and(leads)));
                }
                if !candidate_for.is_empty() {
                    roles.push(format!("lead candidate for {}", self.and(candidate_for)));
                }
                format!("actor \"{actor}\", {}, sits on no body", self.and(&roles))
            }
        }
    }

    fn hint(&self, hint: &Hint) -> String {
        match hint {
            Hint::NameALead => "name a lead in the links table (role \"chef de file\"), or at least a candidate (\"chef de file pressenti\")".to_owned(),
            Hint::ChooseACandidate => "once the committee decides, change the chosen candidate's role to \"chef de file\"".to_owned(),
            Hint::KeepOneLead { rows: at, objective } => format!(
                "the leads are given {}; keep one \"chef de file\" and give the others another role (\"accompagnateur\"), or, if the committee agreed on a co-leadership, say so in territory.json (\"rules\": {{\"multiple-leads\": {{\"agreed\": [\"{objective}\"]}}}})",
                rows(at)
            ),
            Hint::NameAFunder => "name who pays for it in the links table (role \"financeur\"), even a call for projects".to_owned(),
            Hint::AddRoles { roles } => format!(
                "add who holds it in the links table (role {}), or change the required roles in territory.json (\"rules\": {{\"missing-role\": {{\"roles\": [...]}}}})",
                table_words(roles)
            ),
            Hint::NameARelay => {
                "name who passes the message on to the targets (role \"relais\")".to_owned()
            }
            Hint::FindASecondFunder => "look for a second funder (role \"financeur\"): a call for projects, the Région, the EPCI".to_owned(),
            Hint::ShareTheLead { leads } => format!(
                "share the lead with another body, or raise the limit in territory.json (\"rules\": {{\"overloaded-lead\": {{\"max\": {leads}}}}})"
            ),
            Hint::LinkOrRemove => {
                "give it a role towards an objective in the links table, or remove its row"
                    .to_owned()
            }
            Hint::DeleteTheSecond { keep, remove } => format!(
                "if they are, delete the row of \"{remove}\": links naming it then reach \"{keep}\""
            ),
            Hint::MergeIntoTheFirst {
                keep,
                at,
                remove,
                aliases,
            } => format!(
                "if they are, delete the row of \"{remove}\" and give \"{keep}\" (at {at}) the aliases \"{aliases}\": links naming \"{remove}\" then reach it"
            ),
            Hint::AddObjectives => "add its objectives to the objectives table, or drop the domain if the contract does not cover it".to_owned(),
            Hint::MapTheActors => {
                "map who leads, funds and is targeted by its objectives in the links table"
                    .to_owned()
            }
            Hint::LinkBack { domain, others } => format!(
                "add {domain} to the related domains of {}, or remove {} from those of {domain}",
                list(others),
                list(others)
            ),
            Hint::Bonus { advice, progress } => {
                let file = progress_file(progress);
                match advice {
                    BonusAdvice::RecordALaterValue => format!(
                        "the programme has ended; if a later measurement reaches the threshold, record it in {file}, otherwise the year-3 bonus is lost"
                    ),
                    BonusAdvice::KeepThePace => {
                        format!("keep the pace and record the next measurement in {file}")
                    }
                    BonusAdvice::SpeedUp => format!(
                        "at this pace the objective ends below its threshold; speed up the actions or check the latest measurements in {file}"
                    ),
                    BonusAdvice::PlanTheActions => format!(
                        "the bonus needs every objective at its threshold by the programme's end; plan the actions that close the gap, or record a newer measurement in {file}"
                    ),
                }
            }
            Hint::CheckTheDate { side, file } => match side {
                Outside::BeforeStart(_) => format!(
                    "check its date in {file} (a typo in the year?); a value from before the programme is not projected from"
                ),
                Outside::AfterEnd(_) => format!(
                    "check its date in {file} (a typo in the year?); a value after the programme's end is read as final: every standing is then given as at the end, and nothing is projected"
                ),
            },
            Hint::CoverTheRest { missing } => format!(
                "add an action that runs in {} (the actions table's \"perimeter\" column, empty for the whole territory), or narrow the objective's scope (the objectives table's \"scope\" column)",
                self.and(missing)
            ),
            Hint::NameABearer => "name who carries it in the actions table's \"bearers\" column (an actor, or a group such as \"Les 3 EPCI\")".to_owned(),
            Hint::AddAnAction => "add to the actions table what is planned to reach it, even a mere hypothesis (status \"planned\")".to_owned(),
            Hint::SeatInABody => "add it to the members of a body (COPIL, COTECH, working group) in the bodies table, or to a group that sits on one".to_owned(),
        }
    }

    fn doc(&self, doc: Doc) -> RuleDoc {
        let (summary, why, example) = match doc {
            Doc::MissingLead => (
                "an objective with no lead (chef de file), directly or through its domain; lists the lead candidates (chef de file pressenti) when there are any",
                "an objective without a lead is one nobody answers for at the steering committee, and the year-3 bonus depends on every objective; a lead given to a group (\"Les 3 EPCI\") counts",
                "the REGAL has the candidates SEVADEC, SyMPaC and Les 3 EPCI but no lead (\"Quid du portage du REGAL ?\")",
            ),
            Doc::MultipleLeads => (
                "an objective with two leads or more (chef de file, pilote), directly or through its domain; a group lead counts once, as the group",
                "the lead is the one body that answers for the objective at the steering committee; two leads on two rows usually mean a row nobody updated, and a real co-leadership is one the committee agrees on",
                "the REGAL with SEVADEC as \"chef de file\" on its own row and SyMPaC as \"pilote\" of its whole domain DC3: two leads",
            ),
            Doc::PriorityUnfunded => (
                "a priority objective with no funder (financeur), directly, through its domain or through a group",
                "priority objectives must reach 100 % of their target for the year-3 bonus to be paid; one that nobody funds puts the whole bonus at risk",
                "a priority objective such as the COT ENR with lead candidates and support partners but nobody in the role \"financeur\"",
            ),
            Doc::MissingRole => (
                "an objective that has actors but nobody in one of the required roles (setting roles, default funder and target); a group in the role counts",
                "an objective with no funder cannot be paid for and one with no target reaches nobody; which roles every objective needs is the territory's choice. An objective with no actor at all is left to missing-lead and empty-domain: one hole, not five findings",
                "the REGAL names engineering, support and funders but no target (cible)",
            ),
            Doc::NoRelay => (
                "an objective that has targets (cibles) but no relay (relais) to reach them",
                "targets are reached through relays (estate agents, notaries, associations); the seed deck's \"communication disparate et quasi inexistante concernant les relais locaux\" is this gap",
                "renovation targets households and small firms; without estate agents and notaries as relays, it would be reported",
            ),
            Doc::SingleFunder => (
                "an objective whose funding rests on one body only; a funding group counts as its members",
                "if that one funder drops out or its call for projects is not renewed, the objective stops; the committee may want a second source",
                "a REGAL funded by ADEME's \"dispositif REGAL\" alone, without the calls for projects or LEADER",
            ),
            Doc::OverloadedLead => (
                "an actor leading more objectives than the setting max (default 3); a member of a group leads what its group leads",
                "engineering is limited (\"ingénierie limitée\" on the seed deck): a body that leads too many objectives will not carry them all to their targets",
                "with max 2, an EPCI that leads two objectives itself and a third through Les 3 EPCI",
            ),
            Doc::OrphanActor => (
                "an actor that nothing names, neither itself nor a group it belongs to: no link, no action (bearer or perimeter), no body (chair or member), nor the territory's perimeter",
                "an actor listed but tied to no objective is either a role someone forgot to write down or a row to remove; either way the map is wrong",
                "an actor of actors.csv that no line of links.csv names, that carries no action and sits on no body; GCT&M is not one when Les 3 EPCI is linked, nor the ULCO, which only carries an action",
            ),
            Doc::DuplicateActor => (
                "two actors that are probably the same body: equal names once case, accents, punctuation and spaces are ignored, a shared alias, or one name the acronym of the other",
                "a body entered twice splits its roles between two boxes of the map, so gaps show where there are none and the committee counts it twice",
                "two rows \"Région HdF\" and \"REGION HAUTS DE France\"; the hint gives the aliases that merge them",
            ),
            Doc::EmptyDomain => (
                "a domain with no objective, or whose objectives have no actor at all",
                "a domain of cooperation signed in the contract but not yet mapped is where the committee has the least grip; the map of its actors is still to draw",
                "domain DC2 (mobilité) has its objective of 50 km of cycle paths but nobody is linked to it yet",
            ),
            Doc::OneWayRelated => (
                "a domain that names other domains as related (\"Liens DC 3, DC 4\") when they do not name it back",
                "links between domains are where actions are pooled; a link written on one page only is either forgotten on the other page or not agreed by the other domain's actors",
                "domain DC1 lists DC3 among its links, but DC3 lists DC5, DC7 and DC9 only",
            ),
            Doc::BonusAtRisk => (
                "an objective below its threshold for the year-3 bonus (60 %, 100 % for a priority objective): on track (info) when its projection reaches the threshold by the programme's end, behind (warning) when it does not or there is none, missed (error) once the programme has ended; a priority objective projected below its threshold is an error",
                "the year-3 bonus (1 € per inhabitant, 152 371 € for the Calaisis) is lost if any one objective misses its threshold; the committee must see it while it can act, and not be alarmed by an objective that is on its way",
                "a REGAL measured at 0,5 (half done) before the programme's end is behind its 100 %, a warning; still at 0,5 once the programme has ended, it is missed, an error",
            ),
            Doc::MeasurementOutsideProgramme => (
                "a measurement of progress.csv dated before the programme's start or after its end; it is not projected from",
                "a year typed wrong (2092 for 2022) is the usual cause, and a projection drawn through it would promise the committee absurd shares; a value after the end also makes every standing final",
                "hedges measured on 30/06/2092 in a COT TRI running from 2021 to 2023",
            ),
            Doc::PerimeterGap => (
                "an objective whose scope (the objectives table's \"scope\" column: \"all\" or a list of members) its actions do not cover whole; an action with no perimeter covers the whole territory, a dropped one covers nothing; an error for a priority objective",
                "an objective such as \"a COT ENR covering the whole territory\" is reached only when every member is covered: the committee must see which members have no action yet, and the year-3 bonus needs 100% of the priority objectives",
                "the Calaisis's COT ENR: only the CCPO is covered, by the PNRCMO's COT ENR; GCT&M and the CCRA are not (\"Pas d'animation spécifique pour les porteurs de projets sur les 2 autres EPCI\")",
            ),
            Doc::ActionWithoutBearer => (
                "an action (dropped ones aside) whose \"bearers\" column is empty",
                "an action nobody carries is only an intention: nobody answers for it to the committee, and it shows on no actor's map",
                "\"Mise en œuvre d'animations spécifiques\" listed without the EPCI that carry it",
            ),
            Doc::ObjectiveWithoutAction => (
                "an objective no action aims at (the actions of a whole domain count for none of its objectives); silent while the territory lists no action",
                "a contractual objective without an action is one nothing moves forward: the committee must know which have not even a hypothesis of action yet",
                "the 50 km of cycle lanes: the seed deck gives them no action",
            ),
            Doc::LeadOutsideGovernance => (
                "a lead or lead candidate that sits on no body (COPIL, COTECH, working group), neither itself nor through a group it belongs to; a group also sits when each of its members does; silent while the territory lists no body",
                "the lead answers for the objective to the committee: if it sits nowhere, nobody reports on the objective's progress, and a candidacy cannot be settled there",
                "a candidate to carry the REGAL that sits neither on the COPIL nor on the COTECH nor on a working group; SEVADEC, a candidate that sits on the COTECH, is not one",
            ),
        };
        RuleDoc {
            summary: summary.to_owned(),
            why: why.to_owned(),
            example: example.to_owned(),
        }
    }

    fn setting(&self, setting: Setting) -> String {
        match setting {
            Setting::AgreedCoLeads => "objectives (or domains, for all their objectives) whose co-leadership the committee agreed on, e.g. [\"renovation\", \"DC4\"]: their leads are not reported",
            Setting::RequiredRoles => "the roles every objective needs, as in the links table (\"financeur\", \"cible\", \"relais\"...)",
            Setting::MaxLeads => "how many objectives one actor may lead",
        }
        .to_owned()
    }

    fn setting_line(&self, name: &str, default: &ParamValue, doc: &str) -> String {
        // The default as territory.json takes it (role ids, objective ids).
        format!("{name} (default {default}): {doc}")
    }

    fn severity(&self, severity: Severity) -> &'static str {
        match severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    fn label(&self, label: Label) -> &'static str {
        match label {
            Label::Hint => "hint",
            Label::Why => "why",
            Label::Example => "example",
            Label::Settings => "settings",
        }
    }

    fn findings_header(&self) -> [&'static str; 5] {
        ["Severity", "Rule", "Finding", "Hint", "Where"]
    }

    fn findings_sheet(&self) -> (&'static str, &'static str) {
        ("Findings", "findings.xlsx")
    }

    fn rules_header(&self) -> [&'static str; 6] {
        [
            "Rule",
            "Default",
            "What it finds",
            "Why it matters",
            "Example",
            "Settings",
        ]
    }

    fn summary(&self, errors: usize, warnings: usize, infos: usize) -> String {
        format!(
            "{}, {}, {}",
            self.count(errors, "error", "errors"),
            self.count(warnings, "warning", "warnings"),
            self.count(infos, "info", "infos")
        )
    }

    fn no_finding(&self, summary: &str) -> String {
        format!("No finding: {summary}.")
    }
}
