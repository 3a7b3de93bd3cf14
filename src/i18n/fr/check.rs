//! `check` en français : les constats et leurs conseils, la documentation des règles
//! (`actormap rules`), les libellés des rapports.
//!
//! Typography: formats that take data place the no-break spaces themselves (`{NB}`); the
//! fixed texts (rule docs, settings) are written with plain spaces and pass through
//! [`typography`], which only ever sees this file's own words, never the user's data.

use super::{French, NB};
use crate::check::message::{
    Bonus, BonusAdvice, BonusCase, Doc, Hint, Label, Message, NoProjection, Outside, RuleDoc,
    SameBody, Serves, Setting, Subject, Words,
};
use crate::check::{ParamValue, Severity};
use crate::error::Location;
use crate::i18n::{Lang, Language};
use crate::model::{Role, RoleWords};

/// A fixed text of this catalog with French typography: a no-break space before `:` `;` `?`
/// `!` `%` `€`, inside « », and between the groups of digits of a number ("152 371").
fn typography(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        let no_break = c == ' '
            && (matches!(after, Some(':' | ';' | '?' | '!' | '%' | '€' | '»'))
                || before == Some('«')
                || (before.is_some_and(|b| b.is_ascii_digit())
                    && chars[i + 1..].iter().take(3).all(char::is_ascii_digit)
                    && chars.get(i + 4).is_none_or(|d| !d.is_ascii_digit())));
        out.push(if no_break { NB } else { c });
    }
    out
}

/// `l'objectif regal « REGAL »`.
fn objective(o: &Subject) -> String {
    format!("l'objectif {} {}", o.id, French.quote(&o.name))
}

/// `le domaine DC3 « Économie circulaire »`.
fn domain(d: &Subject) -> String {
    format!("le domaine {} {}", d.id, French.quote(&d.name))
}

/// What an action serves: `objectif regal`, `domaine DC3`.
fn served(serves: &Serves) -> String {
    match serves {
        Serves::Objective(id) => format!("objectif {id}"),
        Serves::Domain(id) => format!("domaine {id}"),
    }
}

/// "SEVADEC, SyMPaC, Les 3 EPCI": a list after a colon.
fn list(items: &[String]) -> String {
    items.join(", ")
}

/// A role as the links table writes it, quoted: « financeur ».
fn role(r: Role) -> String {
    French.quote(French.role(r))
}

/// Where some rows are: `dans liens.csv aux lignes 3 et 7`, or `à liens.csv:3 et
/// territoire.xlsx[Liens]:7`.
fn rows(rows: &[Location]) -> String {
    match rows.first() {
        Some(first) if rows.iter().all(|l| l.file == first.file) => {
            let lines: Vec<String> = rows.iter().map(|l| l.line.to_string()).collect();
            format!("dans {} aux lignes {}", first.file, French.and(&lines))
        }
        _ => {
            let all: Vec<String> = rows.iter().map(ToString::to_string).collect();
            format!("à {}", French.and(&all))
        }
    }
}

/// The progress file to name in a hint: the objective's own, else the usual French name.
fn progress_file(progress: &Option<String>) -> &str {
    progress.as_deref().unwrap_or("avancement.csv")
}

fn bonus(b: &Bonus) -> String {
    let kind = if b.priority {
        "l'objectif prioritaire"
    } else {
        "l'objectif"
    };
    let name = format!(
        "{kind} {} {}",
        b.objective.id,
        French.quote(&b.objective.name)
    );
    let word = b.standing.word(Lang::Fr);
    let now = French.percent(b.now);
    let threshold = French.percent(b.threshold);
    let requires = format!("sous les {threshold} qu'exige le bonus de l'année 3");
    match &b.case {
        BonusCase::Missed { end } => {
            let ended = match end {
                Some(end) => format!("à la fin du programme, le {}", French.date(*end)),
                None => "à la fin du programme".to_owned(),
            };
            format!("{name}{NB}: {word}, à {now} de sa cible {ended}, {requires}")
        }
        BonusCase::OnTrack { projected, end } => format!(
            "{name}{NB}: {word}, à {now} de sa cible et projeté à {} au {}, ce qui atteint les {threshold} qu'exige le bonus de l'année 3",
            French.percent(*projected),
            French.date(*end)
        ),
        BonusCase::Behind { projected, end } => format!(
            "{name}{NB}: {word}, à {now} de sa cible et projeté à {} au {}, {requires}",
            French.percent(*projected),
            French.date(*end)
        ),
        BonusCase::NotProjected(why) => {
            let why = match why {
                NoProjection::YesNo => "un objectif oui/non n'est pas projeté".to_owned(),
                NoProjection::NoEndDate => {
                    format!("pas de projection{NB}: le programme n'a pas de date de fin")
                }
                NoProjection::TooFewMeasurements => format!(
                    "pas de projection{NB}: il faut deux mesures datées pendant le programme"
                ),
            };
            format!("{name}{NB}: {word}, à {now} de sa cible, {requires}{NB}; {why}")
        }
        BonusCase::Falling { projected, end } => format!(
            "{name}{NB}: {word} aujourd'hui à {now} de sa cible, mais projeté à {} au {}, {requires}",
            French.percent(*projected),
            French.date(*end)
        ),
    }
}

impl Words for French {
    fn message(&self, message: &Message) -> String {
        match message {
            Message::NoLead {
                objective: o,
                candidates,
            } => match candidates.as_slice() {
                [] => format!(
                    "{} n'a ni chef de file ni chef de file pressenti",
                    objective(o)
                ),
                [one] => format!(
                    "{} n'a pas de chef de file{NB}; candidat{NB}: {one}",
                    objective(o)
                ),
                _ => format!(
                    "{} n'a pas de chef de file{NB}; candidats{NB}: {}",
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
                        Some(domain) => format!("{name} (pour tout le domaine {domain})"),
                        None => name.clone(),
                    })
                    .collect();
                format!(
                    "{} a {}{NB}: {}",
                    objective(o),
                    self.count(leads.len(), "chef de file", "chefs de file"),
                    list(&shown)
                )
            }
            Message::PriorityUnfunded { objective: o } => format!(
                "l'objectif prioritaire {} {} n'a pas de financeur",
                o.id,
                self.quote(&o.name)
            ),
            Message::MissingRoles {
                objective: o,
                roles,
            } => {
                let words: Vec<String> = roles.iter().map(|r| role(*r)).collect();
                let noun = if roles.len() == 1 {
                    "le rôle"
                } else {
                    "les rôles"
                };
                format!(
                    "{} n'a personne dans {noun} {}",
                    objective(o),
                    self.and(&words)
                )
            }
            Message::NoRelay {
                objective: o,
                targets,
            } => match targets.as_slice() {
                [one] => format!(
                    "{} a une cible mais aucun relais pour l'atteindre{NB}; cible{NB}: {one}",
                    objective(o)
                ),
                _ => format!(
                    "{} a des cibles mais aucun relais pour les atteindre{NB}; cibles{NB}: {}",
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
                    .map(|g| format!(" (via {g})"))
                    .unwrap_or_default();
                format!(
                    "{} ne dépend que d'un seul financeur{NB}: {funder}{through}",
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
                        Some(group) => format!("{id} (via {group})"),
                        None => id.clone(),
                    })
                    .collect();
                format!(
                    "l'acteur {} est chef de file de {}, pour un maximum de {max}{NB}: {}",
                    self.quote(actor),
                    self.count(objectives.len(), "objectif", "objectifs"),
                    list(&shown)
                )
            }
            Message::OrphanActor {
                actor,
                actions,
                bodies,
            } => {
                let what = match (actions, bodies) {
                    (false, false) => "n'apparaît dans aucun lien",
                    (true, false) => "n'apparaît dans aucun lien et ne porte aucune action",
                    (false, true) => "n'apparaît dans aucun lien et ne siège dans aucune instance",
                    (true, true) => {
                        "n'apparaît dans aucun lien, ne porte aucune action et ne siège dans aucune instance"
                    }
                };
                format!("l'acteur {} {what}", self.quote(actor))
            }
            Message::DuplicateActors {
                first,
                second,
                reason,
            } => {
                let reason = match reason {
                    SameBody::EqualNames => "leurs noms sont identiques aux majuscules, accents, ponctuation et espaces près".to_owned(),
                    SameBody::AlsoCalled(name) => {
                        format!("l'un s'appelle aussi {}", self.quote(name))
                    }
                    SameBody::BothGoBy(name) => {
                        format!("tous deux s'appellent aussi {}", self.quote(name))
                    }
                    SameBody::Abbreviates { short, long } => {
                        format!("{} abrège {}", self.quote(short), self.quote(long))
                    }
                };
                format!(
                    "les acteurs {} et {} sont probablement une même structure{NB}: {reason}",
                    self.quote(first),
                    self.quote(second)
                )
            }
            Message::DomainWithoutObjective { domain: d } => {
                format!("{} n'a aucun objectif", domain(d))
            }
            Message::DomainWithoutActor {
                domain: d,
                objectives,
            } => {
                let whose = if objectives.len() == 1 {
                    "dans son objectif"
                } else {
                    "dans aucun de ses objectifs"
                };
                format!(
                    "{} n'a aucun acteur {whose}{NB}: {}",
                    domain(d),
                    list(objectives)
                )
            }
            Message::OneWayRelated { domain: d, others } => match others.as_slice() {
                [one] => format!(
                    "{} cite {one} parmi ses liens, mais {one} ne le cite pas en retour",
                    domain(d)
                ),
                _ => format!(
                    "{} cite {} parmi ses liens, mais ils ne le citent pas en retour",
                    domain(d),
                    self.and(others)
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
                    .map(|t| format!(" {}", self.quote(t)))
                    .unwrap_or_default();
                let side = match side {
                    Outside::BeforeStart(start) => {
                        format!("antérieure au début du programme ({})", self.date(*start))
                    }
                    Outside::AfterEnd(end) => {
                        format!("postérieure à la fin du programme ({})", self.date(*end))
                    }
                };
                format!(
                    "la mesure de l'objectif {objective}{title} du {} est {side}",
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
                    format!("l'objectif prioritaire {} {}", o.id, self.quote(&o.name))
                } else {
                    objective(o)
                };
                let shown: Vec<String> = covered
                    .iter()
                    .map(|(member, actions)| format!("{member} ({})", actions.join(", ")))
                    .collect();
                let not = if missing.len() == 1 {
                    "ne l'est pas"
                } else {
                    "ne le sont pas"
                };
                match shown.as_slice() {
                    [] => format!(
                        "{name}{NB}: aucune action ne couvre son périmètre ({})",
                        self.and(missing)
                    ),
                    [_] => format!(
                        "{name}{NB}: seul le membre {} est couvert ({}){NB}; {} {not}",
                        covered[0].0,
                        covered[0].1.join(", "),
                        self.and(missing)
                    ),
                    _ => format!(
                        "{name}{NB}: seuls les membres {} sont couverts{NB}; {} {not}",
                        self.and(&shown),
                        self.and(missing)
                    ),
                }
            }
            Message::ActionWithoutBearer { action, serves } => format!(
                "l'action {} ({}) n'a pas de porteur",
                self.quote(action),
                served(serves)
            ),
            Message::ObjectiveWithoutAction { objective: o } => {
                format!(
                    "{} n'a aucune action dans le tableau des actions",
                    objective(o)
                )
            }
            Message::LeadOutsideGovernance {
                actor,
                leads,
                candidate_for,
            } => {
                let mut roles = Vec::new();
                if !leads.is_empty() {
                    roles.push(format!("chef de file de {}", self.and(leads)));
                }
                if !candidate_for.is_empty() {
                    roles.push(format!(
                        "chef de file pressenti de {}",
                        self.and(candidate_for)
                    ));
                }
                format!(
                    "l'acteur {}, {}, ne siège dans aucune instance",
                    self.quote(actor),
                    self.and(&roles)
                )
            }
        }
    }

    fn hint(&self, hint: &Hint) -> String {
        match hint {
            Hint::NameALead => typography(
                "nommez un chef de file dans le tableau des liens (rôle « chef de file »), ou au moins un candidat (« chef de file pressenti »)",
            ),
            Hint::ChooseACandidate => typography(
                "quand le comité aura tranché, passez le rôle du candidat retenu à « chef de file »",
            ),
            Hint::KeepOneLead { rows: at, objective } => format!(
                "les chefs de file sont donnés {}{NB}; gardez un seul {} et donnez aux autres un autre rôle ({}), ou, si le comité a validé un co-pilotage, indiquez-le dans territory.json (\"rules\": {{\"multiple-leads\": {{\"agreed\": [\"{objective}\"]}}}})",
                rows(at),
                role(Role::Lead),
                role(Role::Support)
            ),
            Hint::NameAFunder => typography(
                "nommez qui le finance dans le tableau des liens (rôle « financeur »), même un appel à projets",
            ),
            Hint::AddRoles { roles } => {
                let words: Vec<String> = roles.iter().map(|r| role(*r)).collect();
                format!(
                    "ajoutez dans le tableau des liens un acteur dans le rôle {}, ou changez les rôles requis dans territory.json (\"rules\": {{\"missing-role\": {{\"roles\": [...]}}}})",
                    crate::i18n::joined(&words, "ou")
                )
            }
            Hint::NameARelay => typography(
                "nommez qui relaie le message auprès des cibles (rôle « relais »)",
            ),
            Hint::FindASecondFunder => typography(
                "cherchez un second financeur (rôle « financeur ») : un appel à projets, la Région, l'EPCI",
            ),
            Hint::ShareTheLead { leads } => format!(
                "partagez le pilotage avec une autre structure, ou relevez la limite dans territory.json (\"rules\": {{\"overloaded-lead\": {{\"max\": {leads}}}}})"
            ),
            Hint::LinkOrRemove => {
                "donnez-lui un rôle envers un objectif dans le tableau des liens, ou supprimez sa ligne"
                    .to_owned()
            }
            Hint::DeleteTheSecond { keep, remove } => format!(
                "si c'est le cas, supprimez la ligne de {}{NB}: les liens qui le nomment mèneront alors à {}",
                self.quote(remove),
                self.quote(keep)
            ),
            Hint::MergeIntoTheFirst {
                keep,
                at,
                remove,
                aliases,
            } => format!(
                "si c'est le cas, supprimez la ligne de {} et donnez à {} ({at}) les alias {}{NB}: les liens qui nomment {} mèneront alors à {}",
                self.quote(remove),
                self.quote(keep),
                self.quote(aliases),
                self.quote(remove),
                self.quote(keep)
            ),
            Hint::AddObjectives => "ajoutez ses objectifs au tableau des objectifs, ou retirez le domaine si le contrat ne le couvre pas".to_owned(),
            Hint::MapTheActors => "indiquez dans le tableau des liens qui pilote, finance et est ciblé par ses objectifs".to_owned(),
            Hint::LinkBack { domain, others } => format!(
                "ajoutez {domain} aux domaines liés de {}, ou retirez {} de ceux de {domain}",
                self.and(others),
                self.and(others)
            ),
            Hint::Bonus { advice, progress } => {
                let file = progress_file(progress);
                match advice {
                    BonusAdvice::RecordALaterValue => format!(
                        "le programme est terminé{NB}; si une mesure plus récente atteint le seuil, saisissez-la dans {file}, sinon le bonus de l'année 3 est perdu"
                    ),
                    BonusAdvice::KeepThePace => {
                        format!("gardez le rythme et saisissez la prochaine mesure dans {file}")
                    }
                    BonusAdvice::SpeedUp => format!(
                        "à ce rythme, l'objectif finira sous son seuil{NB}; accélérez les actions ou vérifiez les dernières mesures de {file}"
                    ),
                    BonusAdvice::PlanTheActions => format!(
                        "le bonus exige que chaque objectif atteigne son seuil à la fin du programme{NB}; prévoyez les actions qui comblent l'écart, ou saisissez une mesure plus récente dans {file}"
                    ),
                }
            }
            Hint::CheckTheDate { side, file } => {
                let check = format!(
                    "vérifiez sa date dans {file} (une faute de frappe dans l'année{NB}?){NB}; "
                );
                match side {
                    Outside::BeforeStart(_) => format!(
                        "{check}une valeur d'avant le programme ne sert pas à la projection"
                    ),
                    Outside::AfterEnd(_) => format!(
                        "{check}une valeur d'après la fin du programme est lue comme définitive{NB}: chaque situation est alors donnée à la fin, et rien n'est projeté"
                    ),
                }
            }
            Hint::CoverTheRest { missing } => format!(
                "ajoutez une action qui couvre {} (colonne {} du tableau des actions, vide pour tout le territoire), ou réduisez le périmètre de l'objectif (colonne {} des objectifs)",
                self.and(missing),
                self.quote("périmètre"),
                self.quote("périmètre")
            ),
            Hint::NameABearer => typography(
                "indiquez qui la porte dans la colonne « porteurs » du tableau des actions (un acteur, ou un groupe comme « Les 3 EPCI »)",
            ),
            Hint::AddAnAction => typography(
                "ajoutez au tableau des actions ce qui est prévu pour l'atteindre, même une simple hypothèse (statut « envisagée »)",
            ),
            Hint::SeatInABody => typography(
                "ajoutez-le aux membres d'une instance (COPIL, COTECH, groupe de travail) dans le tableau des instances, ou à un groupe qui y siège",
            ),
        }
    }

    fn doc(&self, doc: Doc) -> RuleDoc {
        let (summary, why, example) = match doc {
            Doc::MissingLead => (
                "un objectif sans chef de file, ni directement ni par son domaine ; donne les chefs de file pressentis quand il y en a",
                "un objectif sans chef de file est un objectif dont personne ne répond devant le comité de pilotage, et le bonus de l'année 3 dépend de chaque objectif ; un chef de file confié à un groupe (« Les 3 EPCI ») compte",
                "le REGAL a pour candidats SEVADEC, SyMPaC et Les 3 EPCI mais aucun chef de file (« Quid du portage du REGAL ? »)",
            ),
            Doc::MultipleLeads => (
                "un objectif avec deux chefs de file ou plus (chef de file, pilote), directement ou par son domaine ; un groupe chef de file compte une fois, comme groupe",
                "le chef de file est la seule structure qui répond de l'objectif devant le comité de pilotage ; deux chefs de file sur deux lignes signalent en général une ligne que personne n'a mise à jour, et un vrai co-pilotage se décide en comité",
                "le REGAL avec SEVADEC en « chef de file » sur sa propre ligne et SyMPaC en « pilote » de tout le domaine DC3 : deux chefs de file",
            ),
            Doc::PriorityUnfunded => (
                "un objectif prioritaire sans financeur, ni directement, ni par son domaine, ni par un groupe",
                "les objectifs prioritaires doivent atteindre 100 % de leur cible pour que le bonus de l'année 3 soit versé ; un objectif que personne ne finance fait peser un risque sur tout le bonus",
                "un objectif prioritaire comme le COT ENR, avec des chefs de file pressentis et des accompagnateurs mais personne dans le rôle « financeur »",
            ),
            Doc::MissingRole => (
                "un objectif qui a des acteurs mais personne dans l'un des rôles requis (réglage roles, par défaut financeur et cible) ; un groupe dans ce rôle compte",
                "un objectif sans financeur ne peut pas être payé, et un objectif sans cible n'atteint personne ; les rôles dont chaque objectif a besoin sont le choix du territoire. Un objectif sans aucun acteur est laissé à missing-lead et empty-domain : un seul manque, pas cinq constats",
                "le REGAL nomme de l'ingénierie, des accompagnateurs et des financeurs, mais aucune cible",
            ),
            Doc::NoRelay => (
                "un objectif qui a des cibles mais aucun relais pour les atteindre",
                "on atteint les cibles par des relais (agences immobilières, notaires, associations) ; la « communication disparate et quasi inexistante concernant les relais locaux » du diaporama de référence est ce manque",
                "la rénovation cible les ménages et les petites entreprises ; sans agences immobilières ni notaires comme relais, elle serait signalée",
            ),
            Doc::SingleFunder => (
                "un objectif dont le financement repose sur une seule structure ; un groupe financeur compte pour ses membres",
                "si ce financeur se retire ou si son appel à projets n'est pas reconduit, l'objectif s'arrête ; le comité peut vouloir une seconde source",
                "un REGAL financé par le seul « dispositif REGAL » de l'ADEME, sans les appels à projets ni LEADER",
            ),
            Doc::OverloadedLead => (
                "un acteur chef de file de plus d'objectifs que le réglage max (3 par défaut) ; le membre d'un groupe pilote ce que pilote son groupe",
                "l'ingénierie est limitée (« ingénierie limitée » dans le diaporama de référence) : une structure qui pilote trop d'objectifs ne les mènera pas tous à leur cible",
                "avec max 2, un EPCI chef de file de deux objectifs en propre et d'un troisième via Les 3 EPCI",
            ),
            Doc::OrphanActor => (
                "un acteur que rien ne nomme, ni lui-même ni un groupe dont il fait partie : aucun lien, aucune action (porteur ou périmètre), aucune instance (animateur ou membre), ni le périmètre du territoire",
                "un acteur listé mais rattaché à aucun objectif est soit un rôle que l'on a oublié d'écrire, soit une ligne à supprimer ; dans les deux cas la carte est fausse",
                "un acteur d'acteurs.csv qu'aucune ligne de liens.csv ne nomme, qui ne porte aucune action et ne siège dans aucune instance ; GCT&M n'en est pas un quand Les 3 EPCI est lié, ni l'ULCO, qui porte seulement une action",
            ),
            Doc::DuplicateActor => (
                "deux acteurs qui sont probablement une même structure : noms identiques aux majuscules, accents, ponctuation et espaces près, un alias commun, ou un nom sigle de l'autre",
                "une structure saisie deux fois partage ses rôles entre deux cases de la carte : des manques apparaissent là où il n'y en a pas, et le comité la compte deux fois",
                "deux lignes « Région HdF » et « REGION HAUTS DE France » ; le conseil donne les alias qui les fusionnent",
            ),
            Doc::EmptyDomain => (
                "un domaine sans objectif, ou dont aucun objectif n'a d'acteur",
                "un domaine de coopération signé au contrat mais pas encore cartographié est celui sur lequel le comité a le moins de prise ; la carte de ses acteurs reste à dessiner",
                "le domaine DC2 (mobilité) a son objectif de 50 km d'aménagements cyclables mais personne n'y est encore lié",
            ),
            Doc::OneWayRelated => (
                "un domaine qui cite d'autres domaines parmi ses liens (« Liens DC 3, DC 4 ») sans qu'ils le citent en retour",
                "c'est par les liens entre domaines que les actions se mutualisent ; un lien écrit sur une seule page est soit oublié sur l'autre, soit pas validé par les acteurs de l'autre domaine",
                "le domaine DC1 cite DC3 parmi ses liens, mais DC3 ne cite que DC5, DC7 et DC9",
            ),
            Doc::BonusAtRisk => (
                "un objectif sous son seuil pour le bonus de l'année 3 (60 %, 100 % pour un objectif prioritaire) : en bonne voie (info) quand sa projection atteint le seuil à la fin du programme, en retard (avertissement) sinon ou sans projection, non atteint (erreur) une fois le programme terminé ; un objectif prioritaire projeté sous son seuil est une erreur",
                "le bonus de l'année 3 (1 € par habitant, 152 371 € pour le Calaisis) est perdu si un seul objectif manque son seuil ; le comité doit le voir tant qu'il peut agir, sans s'alarmer d'un objectif qui est en bonne voie",
                "un REGAL mesuré à 0,5 (à moitié fait) avant la fin du programme est en retard sur ses 100 %, un avertissement ; toujours à 0,5 une fois le programme terminé, il est non atteint, une erreur",
            ),
            Doc::MeasurementOutsideProgramme => (
                "une mesure d'avancement datée d'avant le début du programme ou d'après sa fin ; elle ne sert pas à la projection",
                "une année mal tapée (2092 pour 2022) en est la cause habituelle, et une projection tracée à travers elle promettrait au comité des parts absurdes ; une valeur d'après la fin rend aussi chaque situation définitive",
                "des haies mesurées le 30/06/2092 dans un COT TRI qui court de 2021 à 2023",
            ),
            Doc::PerimeterGap => (
                "un objectif dont le périmètre (colonne « périmètre » des objectifs : « tout » ou une liste de membres) n'est pas entièrement couvert par ses actions ; une action sans périmètre couvre tout le territoire, une action abandonnée ne couvre rien ; une erreur pour un objectif prioritaire",
                "un objectif comme « un COT ENR couvrant l'ensemble du territoire » n'est atteint que si chaque membre est couvert : le comité doit voir quels membres restent sans action, et le bonus de l'année 3 exige 100 % des objectifs prioritaires",
                "le COT ENR du Calaisis : seule la CCPO est couverte, par le COT ENR du PNRCMO ; GCT&M et la CCRA ne le sont pas (« Pas d'animation spécifique pour les porteurs de projets sur les 2 autres EPCI »)",
            ),
            Doc::ActionWithoutBearer => (
                "une action (hors abandonnées) dont la colonne « porteurs » est vide",
                "une action sans porteur n'est qu'une intention : personne n'en répond devant le comité, et elle n'apparaît chez aucun acteur",
                "« Mise en œuvre d'animations spécifiques » listée sans les EPCI qui la portent",
            ),
            Doc::ObjectiveWithoutAction => (
                "un objectif qu'aucune action ne vise (les actions d'un domaine entier ne comptent pour aucun de ses objectifs) ; muette tant que le territoire ne liste aucune action",
                "un objectif contractuel sans action est un objectif que rien ne fait avancer : le comité doit savoir lesquels n'ont pas encore la moindre hypothèse d'action",
                "les 50 km d'aménagements cyclables : le diaporama de référence ne leur donne aucune action",
            ),
            Doc::LeadOutsideGovernance => (
                "un chef de file ou chef de file pressenti qui ne siège dans aucune instance (COPIL, COTECH, groupe de travail), ni lui-même ni par un groupe dont il fait partie ; un groupe siège aussi quand chacun de ses membres siège ; muette tant que le territoire ne liste aucune instance",
                "le chef de file répond de l'objectif devant le comité : s'il ne siège nulle part, personne ne rapporte l'avancement de l'objectif, et une candidature ne peut pas y être tranchée",
                "un candidat au portage du REGAL qui ne siège ni au COPIL, ni au COTECH, ni dans un groupe de travail ; SEVADEC, candidat qui siège au COTECH, n'en est pas un",
            ),
        };
        RuleDoc {
            summary: typography(summary),
            why: typography(why),
            example: typography(example),
        }
    }

    fn setting(&self, setting: Setting) -> String {
        typography(match setting {
            Setting::AgreedCoLeads => {
                "les objectifs (ou les domaines, pour tous leurs objectifs) dont le comité a validé le co-pilotage, p. ex. [\"renovation\", \"DC4\"] : leurs chefs de file ne sont pas signalés"
            }
            Setting::RequiredRoles => {
                "les rôles dont chaque objectif a besoin, écrits comme dans le tableau des liens (« financeur », « cible », « relais »...)"
            }
            Setting::MaxLeads => "combien d'objectifs un même acteur peut piloter",
        })
    }

    fn setting_line(&self, name: &str, default: &ParamValue, doc: &str) -> String {
        let default = match default {
            ParamValue::Count(n) => self.number(*n as f64),
            ParamValue::Roles(roles) => {
                let words: Vec<&str> = roles.iter().map(|r| self.role(*r)).collect();
                format!("[{}]", words.join(", "))
            }
            ParamValue::Ids(ids) => format!("[{}]", ids.join(", ")),
        };
        format!("{name} (par défaut {default}){NB}: {doc}")
    }

    fn severity(&self, severity: Severity) -> &'static str {
        match severity {
            Severity::Error => "erreur",
            Severity::Warning => "avertissement",
            Severity::Info => "info",
        }
    }

    fn label(&self, label: Label) -> &'static str {
        match label {
            Label::Hint => "conseil",
            Label::Why => "pourquoi",
            Label::Example => "exemple",
            Label::Settings => "réglages",
        }
    }

    fn findings_header(&self) -> [&'static str; 5] {
        ["Gravité", "Règle", "Constat", "Conseil", "Où"]
    }

    fn findings_sheet(&self) -> (&'static str, &'static str) {
        ("Constats", "constats.xlsx")
    }

    fn rules_header(&self) -> [&'static str; 6] {
        [
            "Règle",
            "Par défaut",
            "Ce qu'elle trouve",
            "Pourquoi c'est important",
            "Exemple",
            "Réglages",
        ]
    }

    fn summary(&self, errors: usize, warnings: usize, infos: usize) -> String {
        format!(
            "{}, {}, {}",
            self.count(errors, "erreur", "erreurs"),
            self.count(warnings, "avertissement", "avertissements"),
            self.count(infos, "information", "informations")
        )
    }

    fn no_finding(&self, summary: &str) -> String {
        format!("Aucun constat{NB}: {summary}.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_texts_get_no_break_spaces_where_french_wants_them() {
        assert_eq!(
            typography("le bonus (1 € par habitant, 152 371 € ; 60 %) : « REGAL ? »"),
            "le bonus (1\u{a0}€ par habitant, 152\u{a0}371\u{a0}€\u{a0}; 60\u{a0}%)\u{a0}: «\u{a0}REGAL\u{a0}?\u{a0}»"
        );
        // Years side by side and ids stay apart.
        assert_eq!(typography("de 2021 à 2023, DC 3"), "de 2021 à 2023, DC 3");
        assert_eq!(typography("2092 pour 2022"), "2092 pour 2022");
    }
}

#[cfg(test)]
mod words {
    use crate::check::message::samples;
    use crate::i18n::Lang;

    /// The French of each sample, with `~` for a no-break space.
    fn rendered() -> (Vec<String>, Vec<String>) {
        let (messages, hints) = samples();
        let show = |s: String| s.replace('\u{a0}', "~");
        (
            messages.iter().map(|m| show(m.render(Lang::Fr))).collect(),
            hints.iter().map(|h| show(h.render(Lang::Fr))).collect(),
        )
    }

    #[test]
    fn counts_agree_and_lists_read_as_french() {
        let (messages, hints) = rendered();
        assert_eq!(
            messages[..3],
            [
                "l'objectif regal «~Mise en œuvre d'un REGAL~» n'a ni chef de file ni chef de file pressenti",
                "l'objectif regal «~Mise en œuvre d'un REGAL~» n'a pas de chef de file~; candidat~: SEVADEC",
                "l'objectif regal «~Mise en œuvre d'un REGAL~» n'a pas de chef de file~; candidats~: SEVADEC, SyMPaC",
            ]
        );
        assert!(
            messages[6]
                .ends_with("n'a personne dans les rôles «~financeur~», «~cible~» et «~relais~»")
        );
        assert!(
            messages[7]
                .ends_with("a une cible mais aucun relais pour l'atteindre~; cible~: Habitants")
        );
        assert!(messages[11].starts_with("l'acteur «~GCT&M~» est chef de file de 2 objectifs, pour un maximum de 2~: a, b (via Les 3 EPCI)"));
        assert!(
            messages[21].contains(
                "cite DC5, DC7 et DC9 parmi ses liens, mais ils ne le citent pas en retour"
            )
        );
        assert!(
            hints[2]
                .starts_with("les chefs de file sont donnés dans liens.csv aux lignes 3 et 7~;")
        );
        assert!(
            hints[3]
                .starts_with("les chefs de file sont donnés à liens.csv:3 et t.xlsx[Liens]:7~;")
        );
        assert!(hints[6].contains("dans le rôle «~financeur~» ou «~cible~», ou changez"));
        // An orphan actor is said absent from the tables the territory keeps.
        assert_eq!(
            messages[messages.len() - 3..],
            [
                "l'acteur «~CD2E~» n'apparaît dans aucun lien, ne porte aucune action et ne siège dans aucune instance",
                "l'acteur «~CD2E~» n'apparaît dans aucun lien et ne porte aucune action",
                "l'acteur «~CD2E~» n'apparaît dans aucun lien et ne siège dans aucune instance",
            ]
        );
    }

    #[test]
    fn shares_and_dates_are_written_the_french_way() {
        let (messages, hints) = rendered();
        assert_eq!(
            messages[22],
            "l'objectif prioritaire regal «~Mise en œuvre d'un REGAL~»~: en retard, à 59,9~% de sa cible à la fin du programme, le 31/12/2023, sous les 60~% qu'exige le bonus de l'année 3"
        );
        assert_eq!(
            messages[30],
            "la mesure de l'objectif haies «~Haies~» du 31/12/2020 est antérieure au début du programme (01/01/2021)"
        );
        // The hint names the user's progress file, else the French one.
        assert!(
            hints
                .iter()
                .any(|h| h.ends_with("saisissez la prochaine mesure dans avancement.csv"))
        );
        assert!(
            hints
                .iter()
                .any(|h| h.ends_with("saisissez la prochaine mesure dans t.xlsx[Avancement]"))
        );
    }

    #[test]
    fn the_summary_agrees_with_its_counts() {
        let words = Lang::Fr.catalog();
        assert_eq!(
            words.summary(0, 1, 2),
            "0 erreur, 1 avertissement, 2 informations"
        );
        assert_eq!(
            Lang::En.catalog().summary(0, 1, 2),
            "0 errors, 1 warning, 2 infos"
        );
    }
}
