//! What the maps say, as data until a language says it: the fixed labels ([`Label`]) and the
//! texts made with data (titles, the objectives' lines, the status chart's captions).
//! [`Words`] is what every language must say on a map; each language implements it once
//! (`src/i18n/fr/layout.rs`, `src/i18n/en/layout.rs`). A layout never writes a word itself:
//! it asks `opts.lang.catalog()`.

use jiff::civil::Date;

use crate::model::{ActionStatus, Means, Role};
use crate::status::Standing;

/// A fixed label of the maps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// The badge of a priority objective: "PRIORITAIRE".
    Priority,
    /// The lead, on its card, in the legend and on an actor's map: "Chef de file".
    Lead,
    /// An actor's lead candidacies, on its map: "Chef de file pressenti".
    LeadCandidate,
    /// An objective `check` found without a lead: "Chef de file ?".
    NoLead,
    /// A lead gap without a candidate: "à désigner".
    ToBeNamed,
    /// A role gap: "à identifier".
    ToBeIdentified,
    /// The legend's gap swatch when a slide shows both kinds of gap.
    GapsToFill,
    /// The legend's gap swatch when a slide shows only lead gaps.
    LeadToBeNamed,
    /// The legend's gap swatch when a slide shows only role gaps.
    RoleToBeIdentified,
    /// The side panel's heading of the legend: "Légende".
    Legend,
    /// The side panel's heading of the means: "Avec quels moyens ?".
    Means,
    /// The actor's map panel, before the groups the actor belongs to: "Membre de".
    MemberOf,
    /// The actor's map panel, before the members of a group: "Regroupe".
    StandsFor,
    /// A map or a table with no actor: "Aucun acteur renseigné".
    NoActor,
    /// A map, a card or a chart with no objective: "Aucun objectif renseigné".
    NoObjective,
    /// An overview with no domain: "Aucun domaine renseigné".
    NoDomain,
    /// An actor's map with no role: "Aucun rôle renseigné".
    NoRole,
    /// A domain's slide that cannot be split further and still does not hold its cards.
    TooManyActors,
    /// An actor's slide that cannot be split further and still does not hold its cards.
    TooManyRoles,
    /// An objective with a target but no value, on the overview: "avancement inconnu".
    ProgressUnknown,
    /// An objective without a target, in large type: "sans cible".
    NoTarget,
    /// An objective without a target, beside its value: "pas de cible".
    NoTargetGiven,
    /// A share that is not known, in large type: "inconnu".
    Unknown,
    /// A bar whose value is not known, and its legend: "valeur inconnue".
    UnknownValue,
    /// The legend of a priority objective behind and projected below its threshold.
    PriorityBehind,
    /// The legend of the projection's marker.
    Projection,
    /// A member territory no action covers, in the coverage grid: "non couvert".
    NotCovered,
    /// A member territory an objective need not reach, in the coverage grid: "hors périmètre".
    OutOfScope,
    /// A coverage grid with no objective whose scope is tracked.
    NoScopedObjective,
    /// The domain page's heading of the état des lieux: "État des lieux".
    Context,
    /// The domain page's heading of the actions: "Actions et porteurs".
    Actions,
    /// A domain page with no action: "Aucune action renseignée".
    NoAction,
    /// The domain page's heading of the leads: "Qui mobilise-t-on ?".
    WhoIsMobilised,
    /// The red mark of an objective nobody leads on the domain page: "Quid du portage ?".
    NoBearer,
    /// The actor's map panel, before the actions it carries: "Actions portées".
    CarriedActions,
    /// The legend of a link both domains name, in the links graph: "lien réciproque".
    TwoWayLink,
    /// The legend of a link only one domain names: "lien dans un seul sens".
    OneWayLink,
}

/// The bonus conditions line of the status chart, as data.
#[derive(Debug, Clone, PartialEq)]
pub struct Conditions<'a> {
    /// The share of its target every counted objective must reach.
    pub min: f64,
    /// The share a priority objective must reach.
    pub priority: f64,
    /// How many counted objectives are below their threshold.
    pub below: usize,
    /// How many of those are on track.
    pub on_track: usize,
    /// How many counted objectives have no value or no target.
    pub unknown: usize,
    /// The objectives whose undated value `--at` left out.
    pub undated: &'a [String],
}

/// What every language says on the maps. Implement it with an exhaustive `match` per enum
/// (no `_` arm), so that nothing can be added without its words.
pub trait Words {
    /// A fixed label.
    fn map_label(&self, label: Label) -> &'static str;
    /// The title of one slide of a map split over several: "Matrice (1/2)".
    fn page(&self, title: &str, number: usize, count: usize) -> String;
    /// An actor's map title: "ADEME : ses rôles".
    fn actor_title(&self, actor: &str) -> String;
    /// A label and the names after it, on an actor's panel: "Membre de : Les 3 EPCI".
    fn names_after(&self, label: Label, names: &[&str]) -> String;
    /// The group through which an actor holds a role: "via Les 3 EPCI".
    fn via(&self, group: &str) -> String;
    /// The domains a domain names as related: "Liens : DC5, DC7".
    fn related(&self, domains: &[String]) -> String;
    /// How many objectives a card is about, when there are too many to list: "12 objectifs".
    fn objectives(&self, n: usize) -> String;
    /// How many actors a domain involves: "3 acteurs".
    fn actors(&self, n: usize) -> String;
    /// The names a list leaves out: "+ 12 autres".
    fn more(&self, n: usize) -> String;
    /// The objectives a crowded map's title band leaves out: "+ 108 autres objectifs".
    fn more_objectives(&self, n: usize) -> String;
    /// The rows a long table of the dossier leaves out past its last slide: "+ 6 146 autres
    /// lignes".
    fn more_rows(&self, n: usize) -> String;
    /// The file written beside a map that shows only part of its list: "dc3-acteurs.csv"
    /// for the map `dc3`.
    fn list_file(&self, stem: &str) -> String;
    /// Where a crowded map sends the reader for the rest: "liste complète : dc3-acteurs.csv".
    fn full_list(&self, file: &str) -> String;
    /// The header of that complete list: actor, role, how many of the map's objectives,
    /// which ones.
    fn list_header(&self) -> [&'static str; 4];
    /// The stages of a long build's progress bar: laying out, drawing, writing.
    fn progress_stages(&self) -> [&'static str; 3];
    /// A lead candidate on a lead gap's card: "SEVADEC ?".
    fn candidate(&self, name: &str) -> String;
    /// A role nobody holds, on its gap card and badge: "Cibles ?".
    fn role_gap(&self, role: Role) -> String;
    /// An objective in a map's title band: "Objectif : Haies — cible : 1 500 km".
    fn objective_line(&self, title: &str, target: Option<f64>, unit: Option<&str>) -> String;
    /// An objective on an overview card: "Cible : 1 500 km — Haies" (the title alone
    /// without a target).
    fn target_line(&self, title: &str, target: Option<f64>, unit: Option<&str>) -> String;
    /// An objective's leads: "Chef de file : SEVADEC".
    fn leads(&self, names: &[&str]) -> String;
    /// An objective without a lead and its candidates: "Chef de file ? SEVADEC, SyMPaC",
    /// "Chef de file ? à désigner".
    fn lead_candidates(&self, names: &[&str]) -> String;
    /// The card of a domain continued from the previous one: "DC3 (suite)".
    fn continued(&self, domain: &str) -> String;
    /// The overview's title: "Calaisis · COT TRI : vue d'ensemble".
    fn overview_title(&self, territory: &str, programme: Option<&str>) -> String;
    /// The matrix's title: "Calaisis : qui fait quoi".
    fn matrix_title(&self, territory: &str) -> String;
    /// A role's letter in a matrix cell: "CF", "F".
    fn letter(&self, role: Role) -> &'static str;
    /// A role's chip in the matrix's legend: "CF = chef de file".
    fn letter_legend(&self, role: Role) -> String;
    /// A matrix column's head for an objective without a lead: "DC3 · CF ?".
    fn column_without_lead(&self, domain: &str) -> String;
    /// The status chart's title, dated when a date is known: "État d'avancement au
    /// 30/06/2023 · Bonus année 3 : conditions en retard".
    fn status_title(&self, as_of: Option<Date>, conditions: Standing) -> String;
    /// The amounts at stake: "Aide forfaitaire (années 1 et 2) : 270 000 € · ...".
    fn amounts(&self, flat_aid: Option<f64>, bonus: Option<f64>, total: Option<f64>) -> String;
    /// The bonus conditions and how the objectives stand against them.
    fn chart_conditions(&self, conditions: &Conditions) -> String;
    /// The value and target written on a bar: "12 / 50 km", "valeur inconnue · cible : 50".
    fn value_label(&self, value: Option<f64>, target: Option<f64>, unit: Option<&str>) -> String;
    /// The caption of a projection: "projection au 31/12/2023 : 131,4 % (atteint)".
    fn projection(&self, date: Date, ratio: f64, reached: bool) -> String;
    /// An objective's threshold, under its share: "seuil 60 %".
    fn threshold(&self, ratio: f64) -> String;
    /// The mark of the threshold of every objective: "60 % · seuil".
    fn threshold_mark(&self, ratio: f64) -> String;
    /// The mark of the priority objectives' threshold: "100 % · prioritaires".
    fn priority_mark(&self, ratio: f64) -> String;
    /// The coverage grid's title: "Calaisis : couverture du périmètre".
    fn coverage_title(&self, territory: &str) -> String;
    /// An action and who carries it: "COT ENR du PNRCMO (PNRCMO)"; with its state when it
    /// is under way or done: "Assises de l'alimentation (GCT&M) – en cours".
    fn action_by(&self, title: &str, bearers: &[&str], status: Option<ActionStatus>) -> String;
    /// The governance chart's title: "Calaisis : gouvernance locale".
    fn governance_title(&self, territory: &str) -> String;
    /// A body's chair on the governance chart: "animé par SyMPaC".
    fn chaired_by(&self, chair: &str) -> String;
    /// The links graph's title: "Calaisis : liens entre domaines".
    fn links_title(&self, territory: &str) -> String;
    /// What some actors bring, on the domain page: "Ingénierie : SyMPaC, ADEME".
    fn means_line(&self, means: Means, names: &[&str]) -> String;
}

/// Every label, for the catalogs' tests.
#[cfg(test)]
pub(crate) const LABELS: [Label; 37] = [
    Label::Priority,
    Label::Lead,
    Label::LeadCandidate,
    Label::NoLead,
    Label::ToBeNamed,
    Label::ToBeIdentified,
    Label::GapsToFill,
    Label::LeadToBeNamed,
    Label::RoleToBeIdentified,
    Label::Legend,
    Label::Means,
    Label::MemberOf,
    Label::StandsFor,
    Label::NoActor,
    Label::NoObjective,
    Label::NoDomain,
    Label::NoRole,
    Label::TooManyActors,
    Label::TooManyRoles,
    Label::ProgressUnknown,
    Label::NoTarget,
    Label::NoTargetGiven,
    Label::Unknown,
    Label::UnknownValue,
    Label::PriorityBehind,
    Label::Projection,
    Label::NotCovered,
    Label::OutOfScope,
    Label::NoScopedObjective,
    Label::Context,
    Label::Actions,
    Label::NoAction,
    Label::WhoIsMobilised,
    Label::NoBearer,
    Label::CarriedActions,
    Label::TwoWayLink,
    Label::OneWayLink,
];

/// Which label this is, by its place in `LABELS`: a label added to the enum fails to build
/// here until it is listed.
#[cfg(test)]
fn place(label: Label) -> usize {
    match label {
        Label::Priority => 0,
        Label::Lead => 1,
        Label::LeadCandidate => 2,
        Label::NoLead => 3,
        Label::ToBeNamed => 4,
        Label::ToBeIdentified => 5,
        Label::GapsToFill => 6,
        Label::LeadToBeNamed => 7,
        Label::RoleToBeIdentified => 8,
        Label::Legend => 9,
        Label::Means => 10,
        Label::MemberOf => 11,
        Label::StandsFor => 12,
        Label::NoActor => 13,
        Label::NoObjective => 14,
        Label::NoDomain => 15,
        Label::NoRole => 16,
        Label::TooManyActors => 17,
        Label::TooManyRoles => 18,
        Label::ProgressUnknown => 19,
        Label::NoTarget => 20,
        Label::NoTargetGiven => 21,
        Label::Unknown => 22,
        Label::UnknownValue => 23,
        Label::PriorityBehind => 24,
        Label::Projection => 25,
        Label::NotCovered => 26,
        Label::OutOfScope => 27,
        Label::NoScopedObjective => 28,
        Label::Context => 29,
        Label::Actions => 30,
        Label::NoAction => 31,
        Label::WhoIsMobilised => 32,
        Label::NoBearer => 33,
        Label::CarriedActions => 34,
        Label::TwoWayLink => 35,
        Label::OneWayLink => 36,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_label_is_listed_once_and_said_in_every_language() {
        for (i, label) in LABELS.iter().enumerate() {
            assert_eq!(place(*label), i, "{label:?}");
        }
        for lang in Lang::ALL {
            for label in LABELS {
                let said = lang.catalog().map_label(label);
                assert!(!said.trim().is_empty(), "{lang:?} {label:?}");
                assert_eq!(said, said.trim(), "{lang:?} {label:?}");
            }
        }
        // French and English say different things (a label copied into the wrong
        // language would not).
        let (fr, en) = (Lang::Fr.catalog(), Lang::En.catalog());
        let same: Vec<&Label> = LABELS
            .iter()
            .filter(|l| fr.map_label(**l) == en.map_label(**l))
            .collect();
        assert!(same.is_empty(), "{same:?}");
    }
}
